//! One persistent helper thread for the crate's two-thread kernels, as BLAS libraries keep
//! their own threads.
//!
//! A thread started for each call (`std::thread::scope`) has to be placed on a core by the
//! scheduler first; when the other core is running anything at all, even a niced process, the
//! new thread may start on the caller's core and wait there for the load balancer, which can
//! cost milliseconds. The helper here lives as long as the process, stays on its core, and
//! after each task spins for [`SPIN`] before it sleeps, so that back-to-back calls find it
//! awake (OpenBLAS's threads do the same).
//!
//! A kernel first takes the helper with [`lease`] (`None` when another thread of the program
//! holds it, or the thread could not be started: the kernel then runs on one thread), then
//! hands it one closure with [`Lease::join`].

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// How long the helper spins for its next task before it sleeps.
const SPIN: Duration = Duration::from_millis(2);

type Task = Box<dyn FnOnce() + Send + 'static>;

struct Helper {
    slot: Mutex<Option<Task>>,
    posted: Condvar,
    /// A task waits in `slot` (read while spinning, without the lock).
    pending: AtomicBool,
    /// A caller holds the [`Lease`].
    leased: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The helper, started on first use (`None` if the thread could not be spawned).
fn helper() -> Option<&'static Helper> {
    static HELPER: OnceLock<Option<&'static Helper>> = OnceLock::new();
    *HELPER.get_or_init(|| {
        let h: &'static Helper = Box::leak(Box::new(Helper {
            slot: Mutex::new(None),
            posted: Condvar::new(),
            pending: AtomicBool::new(false),
            leased: AtomicBool::new(false),
        }));
        std::thread::Builder::new().name("sci-linalg-helper".into()).spawn(move || serve(h)).ok().map(|_| h)
    })
}

fn serve(h: &'static Helper) -> ! {
    loop {
        let task = next_task(h);
        task();
    }
}

fn take(h: &Helper, slot: &mut Option<Task>) -> Option<Task> {
    let task = slot.take();
    if task.is_some() {
        h.pending.store(false, Ordering::Relaxed);
    }
    task
}

/// Spins for [`SPIN`], then sleeps, until a task is posted.
fn next_task(h: &Helper) -> Task {
    let start = Instant::now();
    let mut spins = 0u32;
    loop {
        if h.pending.load(Ordering::Acquire)
            && let Some(task) = take(h, &mut lock(&h.slot))
        {
            return task;
        }
        spins = spins.wrapping_add(1);
        if spins.is_multiple_of(512) && start.elapsed() > SPIN {
            break;
        }
        std::hint::spin_loop();
    }
    let mut slot = lock(&h.slot);
    loop {
        if let Some(task) = take(h, &mut slot) {
            return task;
        }
        slot = h.posted.wait(slot).unwrap_or_else(|e| e.into_inner());
    }
}

/// The helper thread, held by one caller until dropped.
pub(crate) struct Lease(&'static Helper);

/// Takes the helper thread, or `None` when another caller holds it (or it could not be
/// started).
pub(crate) fn lease() -> Option<Lease> {
    let h = helper()?;
    h.leased.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).ok()?;
    Some(Lease(h))
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.0.leased.store(false, Ordering::Release);
    }
}

impl Lease {
    /// Runs `mine` on the calling thread and `theirs` on the helper, and returns when both
    /// have finished. A panic in either is resumed here, after both have stopped; a closure
    /// that waits for the other must stop waiting when the other panics (the kernels share a
    /// poison flag for that).
    pub(crate) fn join(&self, mine: impl FnOnce(), theirs: impl FnOnce() + Send) {
        let done = AtomicBool::new(false);
        let their_panic: Mutex<Option<Box<dyn Any + Send>>> = Mutex::new(None);
        let task = || {
            if let Err(p) = catch_unwind(AssertUnwindSafe(theirs)) {
                *lock(&their_panic) = Some(p);
            }
            done.store(true, Ordering::Release);
        };
        let task: Box<dyn FnOnce() + Send + '_> = Box::new(task);
        // SAFETY: the task borrows `theirs`, `done` and `their_panic` from this frame. This
        // function neither returns nor unwinds before `done` is set, and setting it is the
        // task's last access to them (the helper only drops the emptied box after that), so
        // the borrows never outlive the frame.
        #[allow(unsafe_code)]
        let task: Task = unsafe { std::mem::transmute::<Box<dyn FnOnce() + Send + '_>, Task>(task) };
        {
            let mut slot = lock(&self.0.slot);
            *slot = Some(task);
            self.0.pending.store(true, Ordering::Release);
            self.0.posted.notify_one();
        }
        let mine = catch_unwind(AssertUnwindSafe(mine));
        crate::team::spin_until(|| done.load(Ordering::Acquire));
        if let Some(p) = lock(&their_panic).take() {
            resume_unwind(p);
        }
        if let Err(p) = mine {
            resume_unwind(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// The lease, once no other test holds it.
    fn wait_for_lease() -> Lease {
        loop {
            if let Some(l) = lease() {
                return l;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn both_halves_run_and_the_lease_is_exclusive() {
        let l = wait_for_lease();
        assert!(lease().is_none());
        let (a, b) = (AtomicUsize::new(0), AtomicUsize::new(0));
        for _ in 0..100 {
            l.join(|| _ = a.fetch_add(1, Ordering::Relaxed), || _ = b.fetch_add(2, Ordering::Relaxed));
        }
        assert_eq!((a.into_inner(), b.into_inner()), (100, 200));
        drop(l);
        drop(wait_for_lease());
    }

    #[test]
    fn a_panic_on_the_helper_reaches_the_caller() {
        let l = wait_for_lease();
        let r = catch_unwind(AssertUnwindSafe(|| l.join(|| (), || panic!("helper task failed"))));
        assert!(r.is_err());
        let ran = AtomicBool::new(false);
        l.join(|| (), || ran.store(true, Ordering::Relaxed));
        assert!(ran.into_inner());
    }
}
