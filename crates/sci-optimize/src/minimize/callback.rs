//! The per-iteration callback of [`minimize`](crate::minimize) (SciPy's new-style
//! `callback(intermediate_result)`).

use ndarray::Array1;
use std::ops::ControlFlow;

/// What [`minimize`](crate::minimize) hands the callback after each iteration: SciPy's
/// `intermediate_result` (an `OptimizeResult` with the current `x` and `fun`).
#[derive(Debug, Clone, Copy)]
pub struct IntermediateResult<'r> {
    /// The current iterate.
    pub x: &'r Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
}

/// A callback for [`MinimizeOptions::callback`](crate::MinimizeOptions::callback): called once
/// per iteration, where SciPy calls its `callback`; returning `ControlFlow::Break(())` stops
/// the run as SciPy does when the callback raises `StopIteration` (status 99,
/// [`CALLBACK_STOP`], `success = false`, `x` the last iterate; trust-constr: its status 3 with
/// the same message).
///
/// It is a shared `Fn`; count or record through a `Cell` / `RefCell`.
///
/// # Examples
///
/// ```
/// use std::cell::Cell;
/// use std::ops::ControlFlow;
/// use sci_optimize::{minimize, rosen, rosen_der, rosen_hess, Callback, IntermediateResult, Jac, Method,
///                    MinimizeOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let calls = Cell::new(0);
/// let cb = |r: &IntermediateResult<'_>| {
///     calls.set(calls.get() + 1);
///     if r.fun < 1e-3 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
/// };
/// let opts = MinimizeOptions {
///     method: Method::TrustExact,
///     jac: Jac::Fn(&rosen_der),
///     hess: Some(&rosen_hess),
///     callback: Some(&cb as Callback<'_>),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((r.status, r.success), (99, false));
/// assert!(r.fun < 1e-3 && calls.get() == r.nit);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub type Callback<'a> = &'a dyn Fn(&IntermediateResult<'_>) -> ControlFlow<()>;

/// SciPy's message when the callback stops the run.
pub const CALLBACK_STOP: &str = "`callback` raised `StopIteration`.";

/// Calls `cb` (if any) with `(x, fun)`; `true` when it asks to stop.
pub(crate) fn halt(cb: Option<Callback<'_>>, x: &Array1<f64>, fun: f64) -> bool {
    cb.is_some_and(|cb| cb(&IntermediateResult { x, fun }).is_break())
}
