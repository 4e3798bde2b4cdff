//! A two-thread team for the blocked factorizations with look-ahead (`lu_team`).
//!
//! One factorization call starts one scoped helper thread (some 30-50 µs, once per call) and the
//! two threads meet at a spinning [`SpinBarrier`] after every panel (well under a microsecond
//! while both have a core; the caller only forms a team when `parallel::par_for` found the
//! machine idle). Between barriers each thread writes its own columns of one column-major
//! matrix, shared through [`SharedCols`].

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ndarray::{ArrayView2, ArrayViewMut2, ShapeBuilder};

/// A barrier for two threads that spins (then yields) instead of sleeping.
pub(crate) struct SpinBarrier {
    arrived: AtomicUsize,
    generation: AtomicUsize,
    /// Set when a thread of the team panicked: the other stops waiting.
    poisoned: AtomicBool,
}

impl SpinBarrier {
    pub(crate) fn new() -> Self {
        Self {
            arrived: AtomicUsize::new(0),
            generation: AtomicUsize::new(0),
            poisoned: AtomicBool::new(false),
        }
    }

    /// Waits until both threads have arrived.
    ///
    /// # Panics
    /// If the other thread of the team panicked (so that the panic reaches the caller instead of
    /// a deadlock).
    pub(crate) fn wait(&self) {
        let generation = self.generation.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) == 1 {
            self.arrived.store(0, Ordering::Relaxed);
            self.generation.fetch_add(1, Ordering::Release);
            return;
        }
        spin_until(|| {
            assert!(!self.poisoned.load(Ordering::Relaxed), "the other thread of the team panicked");
            self.generation.load(Ordering::Acquire) != generation
        });
    }

    /// Marks the barrier poisoned if the current thread is panicking (call from a drop guard).
    pub(crate) fn poison_if_panicking(&self) {
        if std::thread::panicking() {
            self.poisoned.store(true, Ordering::Relaxed);
        }
    }
}

/// Spins until `done()`, then yields between checks (after some 16,000 spins): the wait of
/// two threads that each have a core, cheap when the other thread is descheduled too.
pub(crate) fn spin_until(mut done: impl FnMut() -> bool) {
    let mut spins = 0u32;
    while !done() {
        if spins < 1 << 14 {
            spins += 1;
            std::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}

/// Drop guard that sets a poison flag when its thread unwinds, so that the other threads of a
/// kernel stop waiting for it.
pub(crate) struct PoisonFlag<'a>(pub(crate) &'a AtomicBool);

impl Drop for PoisonFlag<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(true, Ordering::Relaxed);
        }
    }
}

/// Drop guard that poisons a barrier when its thread unwinds.
pub(crate) struct PoisonOnPanic<'a>(pub(crate) &'a SpinBarrier);

impl Drop for PoisonOnPanic<'_> {
    fn drop(&mut self) {
        self.0.poison_if_panicking();
    }
}

/// A column-major `m × n` matrix (row stride 1, column stride `ld`) whose column blocks the
/// threads of a team borrow separately.
#[derive(Clone, Copy)]
pub(crate) struct SharedCols<T = f64> {
    ptr: *mut T,
    m: usize,
    n: usize,
    ld: usize,
}

// SAFETY: the pointer is only turned into views through the unsafe methods below, whose callers
// guarantee that views written by one thread do not overlap views used by another.
#[allow(unsafe_code)]
unsafe impl<T: Send> Send for SharedCols<T> {}
// SAFETY: as for `Send`.
#[allow(unsafe_code)]
unsafe impl<T: Sync> Sync for SharedCols<T> {}

impl<T> SharedCols<T> {
    /// Shares `a`, which must have contiguous columns (`None` otherwise).
    pub(crate) fn new(a: &mut ArrayViewMut2<'_, T>) -> Option<Self> {
        let (m, n) = a.dim();
        let s = a.strides();
        let rows_contiguous = m <= 1 || s[0] == 1;
        let columns_apart = n <= 1 || s[1] >= m as isize;
        if !(rows_contiguous && columns_apart) {
            return None;
        }
        let ld = if n > 1 { s[1] as usize } else { m.max(1) };
        Some(Self { ptr: a.as_mut_ptr(), m, n, ld })
    }

    pub(crate) fn nrows(&self) -> usize {
        self.m
    }

    pub(crate) fn ncols(&self) -> usize {
        self.n
    }

    /// The block `rows × cols`, mutable.
    ///
    /// # Safety
    /// The ranges are within the matrix, and while the view lives no other thread reads or
    /// writes these elements and this thread holds no other view of them.
    #[allow(unsafe_code)]
    pub(crate) unsafe fn block_mut(&self, rows: Range<usize>, cols: Range<usize>) -> ArrayViewMut2<'_, T> {
        debug_assert!(rows.end <= self.m && cols.end <= self.n);
        let (r, c) = (rows.len(), cols.len());
        // SAFETY: in bounds (caller), exclusive (caller); the strides are the matrix's.
        unsafe {
            ArrayViewMut2::from_shape_ptr(
                (r, c).strides((1, self.ld)),
                self.ptr.add(rows.start + cols.start * self.ld),
            )
        }
    }

    /// The block `rows × cols`, read-only.
    ///
    /// # Safety
    /// The ranges are within the matrix and no thread writes these elements while the view lives.
    #[allow(unsafe_code)]
    pub(crate) unsafe fn block(&self, rows: Range<usize>, cols: Range<usize>) -> ArrayView2<'_, T> {
        debug_assert!(rows.end <= self.m && cols.end <= self.n);
        let (r, c) = (rows.len(), cols.len());
        // SAFETY: as for `block_mut`, shared.
        unsafe {
            ArrayView2::from_shape_ptr(
                (r, c).strides((1, self.ld)),
                self.ptr.add(rows.start + cols.start * self.ld),
            )
        }
    }
}

/// Takes the next columns of `range` whose first `counter` columns are taken: an eighth of what
/// is left, within [`CHUNK_MIN`, `CHUNK_MAX`] and a multiple of 24 (whole `B` micro-panels of 6
/// columns and, for the Cholesky update, whole packed `A` micro-panels of 8 rows), so that the
/// chunks are small at the end of a step (the other thread waits less at the barrier).
pub(crate) fn claim(counter: &AtomicUsize, range: Range<usize>) -> Option<Range<usize>> {
    claim_share(counter, range, 8, (CHUNK_MIN, CHUNK_MAX, CHUNK_STEP))
}

/// [`claim`] with its own rule: a `1 / div` share of what is left, within `min..=max` and a
/// multiple of `step` (`min` and `max` multiples of `step` too).
pub(crate) fn claim_share(
    counter: &AtomicUsize,
    range: Range<usize>,
    div: usize,
    (min, max, step): (usize, usize, usize),
) -> Option<Range<usize>> {
    let len = range.len();
    let mut taken = counter.load(Ordering::Relaxed);
    loop {
        let left = len.checked_sub(taken).filter(|&l| l > 0)?;
        let size = (left / div).clamp(min, max).next_multiple_of(step).min(left);
        match counter.compare_exchange_weak(taken, taken + size, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return Some(range.start + taken..range.start + taken + size),
            Err(now) => taken = now,
        }
    }
}

/// Bounds and step of the column chunks [`claim`] hands out.
const CHUNK_MIN: usize = 24;
pub(crate) const CHUNK_MAX: usize = 96;
pub(crate) const CHUNK_STEP: usize = 24;
