//! [`PanicSweep`]: runs many calls that must return (with a value or an error) and never panic,
//! and reports every one that panicked at the end instead of stopping at the first.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while a sweep runs a call on this thread: its panic message is not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the last quiet panic on this thread, for the report.
    static LAST: RefCell<String> = const { RefCell::new(String::new()) };
}

static HOOK: Once = Once::new();

/// Wraps the process's panic hook once, so that panics inside [`PanicSweep::run`] print nothing
/// (the sweep lists them at the end) while panics anywhere else, on any thread, print as before.
fn install_quiet_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                LAST.with(|l| *l.borrow_mut() = info.to_string().replace('\n', " "));
            } else {
                previous(info);
            }
        }));
    });
}

/// Collects the calls of a no-panic sweep: each [`run`](Self::run) calls a closure, catches a
/// panic and records the call's name with the panic's message and location;
/// [`finish`](Self::finish) fails the test with the list of every call that panicked.
///
/// With the environment variable `SWEEP_TRACE` set, each name is printed to stderr before its
/// call runs (run the test with `--nocapture`), which finds a call that never returns.
///
/// A test helper with no SciPy counterpart (the role of `pytest.raises` sweeps in SciPy's test
/// suite).
///
/// # Examples
///
/// ```
/// use sci_array::testing::PanicSweep;
/// let mut sweep = PanicSweep::new();
/// for n in [0usize, 1, 5] {
///     sweep.run(format!("first of {n}"), || (0..n).next());
/// }
/// assert_eq!(sweep.calls(), 3);
/// sweep.finish(); // no call panicked
/// ```
///
/// ```should_panic
/// use sci_array::testing::PanicSweep;
/// let mut sweep = PanicSweep::new();
/// let empty: Vec<f64> = Vec::new();
/// sweep.run("index an empty vector", || empty[0]);
/// sweep.finish(); // panics: "1 of 1 calls panicked:\nindex an empty vector: panicked at ..."
/// ```
#[derive(Debug)]
pub struct PanicSweep {
    /// (name, message and location) of each call that panicked.
    panicked: Vec<(String, String)>,
    calls: usize,
    trace: bool,
}

impl Default for PanicSweep {
    fn default() -> Self {
        Self::new()
    }
}

impl PanicSweep {
    /// An empty sweep (reads `SWEEP_TRACE` once).
    ///
    /// # Examples
    ///
    /// ```
    /// let sweep = sci_array::testing::PanicSweep::new();
    /// assert_eq!(sweep.calls(), 0);
    /// ```
    pub fn new() -> Self {
        install_quiet_hook();
        PanicSweep { panicked: Vec::new(), calls: 0, trace: std::env::var_os("SWEEP_TRACE").is_some() }
    }

    /// Calls `f` (its result, `Ok` or `Err`, is dropped), recording `name` if it panics.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut sweep = sci_array::testing::PanicSweep::new();
    /// sweep.run("parse", || "1.5".parse::<f64>());
    /// sweep.run("parse garbage", || "x".parse::<f64>()); // an error, not a panic
    /// assert!(sweep.panicked().is_empty());
    /// ```
    pub fn run<R>(&mut self, name: impl Into<String>, f: impl FnOnce() -> R) {
        let name = name.into();
        if self.trace {
            eprintln!("{name}");
        }
        self.calls += 1;
        QUIET.with(|q| q.set(true));
        let outcome = catch_unwind(AssertUnwindSafe(|| drop(f())));
        QUIET.with(|q| q.set(false));
        if outcome.is_err() {
            let why = LAST.with(|l| std::mem::take(&mut *l.borrow_mut()));
            self.panicked.push((name, why));
        }
    }

    /// The number of calls run so far.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut sweep = sci_array::testing::PanicSweep::new();
    /// sweep.run("one", || 1);
    /// assert_eq!(sweep.calls(), 1);
    /// ```
    pub fn calls(&self) -> usize {
        self.calls
    }

    /// The names of the calls that panicked so far (the report of [`finish`](Self::finish)
    /// adds each panic's message and location).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut sweep = sci_array::testing::PanicSweep::new();
    /// sweep.run("unwrap None", || None::<u8>.unwrap());
    /// assert_eq!(sweep.panicked(), ["unwrap None"]);
    /// ```
    pub fn panicked(&self) -> Vec<&str> {
        self.panicked.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// Ends the sweep, panicking with the list of the calls that panicked, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut sweep = sci_array::testing::PanicSweep::new();
    /// sweep.run("fine", || 0);
    /// sweep.finish();
    /// ```
    pub fn finish(self) {
        let report: Vec<String> = self.panicked.iter().map(|(name, why)| format!("{name}: {why}")).collect();
        assert!(
            report.is_empty(),
            "{} of {} calls panicked:\n{}",
            report.len(),
            self.calls,
            report.join("\n")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_each_panicking_call_and_goes_on() {
        let mut sweep = PanicSweep::new();
        let v = [1, 2, 3];
        for i in 0..5 {
            sweep.run(format!("v[{i}]"), || v[i]);
        }
        assert_eq!(sweep.calls(), 5);
        assert_eq!(sweep.panicked(), ["v[3]", "v[4]"]);
        let message = catch_unwind(AssertUnwindSafe(|| sweep.finish())).unwrap_err();
        let text = message.downcast_ref::<String>().unwrap();
        assert!(text.starts_with("2 of 5 calls panicked:\nv[3]: panicked at "), "{text}");
        assert!(text.contains("index out of bounds") && text.contains("\nv[4]: panicked at "), "{text}");
    }

    #[test]
    fn a_panic_outside_a_sweep_still_unwinds() {
        let _sweep = PanicSweep::new();
        assert!(catch_unwind(|| panic!("outside")).is_err());
        assert!(!QUIET.with(Cell::get));
    }
}
