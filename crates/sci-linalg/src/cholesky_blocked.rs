//! Cholesky factorization of `f64` matrices on the crate's own GEMM (LAPACK `dpotrf`, lower).
//!
//! The recursive formulation of LAPACK's `dpotrf2`: factor the leading half `A11 = L11 L11ᵀ`
//! (recursively), solve `L21 = A21 L11⁻ᵀ` (`dtrsm`), update `A22 -= L21 L21ᵀ` (`dsyrk`, by
//! products) and factor it (recursively). Blocks of order at most [`LEAF`] are factored by
//! LAPACK's unblocked `dpotf2`. The failing pivot is LAPACK's `info`: the first column whose
//! diagonal is not positive (or NaN) when it is reached.

use std::ops::Range;
use std::sync::RwLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use faer::Par;
use ndarray::{ArrayViewMut2, Axis, s};

use crate::blas::{PACKED_ROW_STEP, PackedLhs, dgemm_packed_rows};
use crate::team::{CHUNK_STEP, PoisonOnPanic, SharedCols, SpinBarrier, claim};
use crate::triangular_blocked::{slice, slice_mut, syrk_lower_sub, trsm_right_lower_trans};

/// Diagonal blocks of at most this order are factored column by column.
const LEAF: usize = 32;

/// Factors the lower triangle of the square `a` (contiguous columns) in place as `L Lᵀ`;
/// the strict upper triangle is used as workspace (the caller clears it). `Err(j)` is the
/// 0-based column of the first non-positive pivot (LAPACK's `info - 1`).
pub(crate) fn dpotrf_lower(mut a: ArrayViewMut2<'_, f64>, par: Par) -> Result<(), usize> {
    let n = a.nrows();
    if n <= LEAF {
        return potf2(a);
    }
    let n1 = n / 2;
    let (mut left, right) = a.view_mut().split_at(Axis(1), n1);
    let (mut a11, mut a21) = left.view_mut().split_at(Axis(0), n1);
    dpotrf_lower(a11.view_mut(), par)?;
    trsm_right_lower_trans(a11.view(), a21.view_mut(), par);
    let mut a22 = right.slice_move(s![n1.., ..]);
    syrk_lower_sub(a21.view(), a22.view_mut(), par);
    dpotrf_lower(a22, par).map_err(|j| j + n1)
}

/// Panel width of [`dpotrf_team`] (a multiple of [`CHUNK_STEP`], so that every chunk of a
/// trailing update starts on a packed micro-panel of the panel's rows).
pub(crate) const TEAM_NB: usize = 96;
const _: () = assert!(TEAM_NB.is_multiple_of(CHUNK_STEP) && CHUNK_STEP.is_multiple_of(PACKED_ROW_STEP));

/// [`dpotrf_lower`] by a team of two threads with look-ahead: the blocked right-looking
/// Cholesky with panels of [`TEAM_NB`] columns (the same schedule as `lu_blocked::dgetrf_team`).
///
/// Panel `p` is its diagonal block factored by [`dpotrf_lower`] and the rows below solved
/// (`L21 = A21 L11⁻ᵀ`), then packed once for the trailing products. The calling thread updates
/// the next panel's columns, factors it and then helps the helper thread with the rest of the
/// update `A22 -= L21 L21ᵀ`, taken in column chunks (each chunk from its diagonal down, so the
/// strict upper triangle of a diagonal block is written too: workspace, as in
/// [`dpotrf_lower`]). A failing pivot stops both threads at the next barrier; the index is the
/// first failing column, as LAPACK's `info`. Falls back to [`dpotrf_lower`] on one thread when
/// the columns of `a` are not contiguous or `a` is a single panel.
pub(crate) fn dpotrf_team(mut a: ArrayViewMut2<'_, f64>) -> Result<(), usize> {
    let n = a.nrows();
    let nb = TEAM_NB;
    let Some(shared) = SharedCols::new(&mut a) else { return dpotrf_lower(a, Par::Seq) };
    if n <= 2 * nb {
        return dpotrf_lower(a, Par::Seq);
    }
    let panels = n.div_ceil(nb);
    let team = CholTeam {
        a: shared,
        chunks: (0..panels).map(|_| AtomicUsize::new(0)).collect(),
        packs: Default::default(),
        failed: AtomicUsize::new(usize::MAX),
        barrier: SpinBarrier::new(),
    };
    std::thread::scope(|scope| {
        scope.spawn(|| team.run(1));
        team.run(0);
    });
    match team.failed.into_inner() {
        usize::MAX => Ok(()),
        j => Err(j),
    }
}

/// The state the two threads of [`dpotrf_team`] share.
struct CholTeam {
    a: SharedCols,
    /// Per panel, the columns of its trailing update already taken.
    chunks: Vec<AtomicUsize>,
    /// Panel `p`'s `L21` packed at `p % 2` (written by thread 0 when it factors the panel).
    packs: [RwLock<PackedLhs>; 2],
    /// The first failing column, or `usize::MAX`.
    failed: AtomicUsize,
    barrier: SpinBarrier,
}

impl CholTeam {
    fn panel(&self, p: usize) -> Range<usize> {
        let n = self.a.ncols();
        (p * TEAM_NB).min(n)..((p + 1) * TEAM_NB).min(n)
    }

    fn run(&self, t: usize) {
        let _guard = PoisonOnPanic(&self.barrier);
        let n = self.a.ncols();
        if t == 0 {
            self.factor_panel(0);
        }
        self.barrier.wait();
        if self.stopped(0) {
            return;
        }
        for p in 0..self.chunks.len() {
            let next = self.panel(p + 1);
            if t == 0 && !next.is_empty() {
                self.update(p, next.clone());
                self.factor_panel(p + 1);
            }
            while let Some(chunk) = claim(&self.chunks[p], next.end..n) {
                self.update(p, chunk);
            }
            self.barrier.wait();
            if self.stopped(p + 1) {
                return;
            }
        }
    }

    /// Whether a panel up to `last` failed. Both threads ask right after the same barrier, and
    /// only a later panel's failure can be stored meanwhile, so they agree.
    fn stopped(&self, last: usize) -> bool {
        let failed = self.failed.load(Ordering::Relaxed);
        failed != usize::MAX && failed / TEAM_NB <= last
    }

    /// Factors panel `p` (thread 0, between barriers; its columns are nobody else's then).
    fn factor_panel(&self, p: usize) {
        let cols = self.panel(p);
        let (j0, j1) = (cols.start, cols.end);
        let n = self.a.nrows();
        // SAFETY: panel `p`'s columns belong to thread 0 in this phase; the two blocks are
        // disjoint rows of them.
        #[allow(unsafe_code)]
        let (mut diag, mut below) =
            unsafe { (self.a.block_mut(j0..j1, cols.clone()), self.a.block_mut(j1..n, cols)) };
        if let Err(j) = dpotrf_lower(diag.view_mut(), Par::Seq) {
            self.failed.store(j0 + j, Ordering::Relaxed);
            return;
        }
        trsm_right_lower_trans(diag.view(), below.view_mut(), Par::Seq);
        self.packs[p % 2].write().unwrap_or_else(|e| e.into_inner()).pack(below.view());
    }

    /// Applies panel `p`'s update to the columns `cols` (on and below their diagonal).
    fn update(&self, p: usize, cols: Range<usize>) {
        let n = self.a.nrows();
        let panel = self.panel(p);
        let packs = self.packs[p % 2].read().unwrap_or_else(|e| e.into_inner());
        // SAFETY: `cols` is this thread's chunk (or the next panel, thread 0's); panel `p`'s
        // columns are read-only in this phase.
        #[allow(unsafe_code)]
        let (c, l) = unsafe {
            (self.a.block_mut(cols.start..n, cols.clone()), self.a.block(cols.clone(), panel.clone()))
        };
        dgemm_packed_rows(-1.0, &packs, cols.start - panel.end, l.t(), 1.0, c);
    }
}

/// LAPACK's unblocked `dpotf2` (left-looking, lower) on `a` in place.
fn potf2(mut a: ArrayViewMut2<'_, f64>) -> Result<(), usize> {
    let n = a.nrows();
    for j in 0..n {
        let (done, mut rest) = a.view_mut().split_at(Axis(1), j);
        let cj = slice_mut(rest.column_mut(0));
        // Column j minus the contributions of the columns already factored (a gemv).
        for p in 0..j {
            let cp = slice(done.column(p));
            let ljp = cp[j];
            if ljp != 0.0 {
                for (x, &y) in cj[j..].iter_mut().zip(&cp[j..]) {
                    *x -= y * ljp;
                }
            }
        }
        let ajj = cj[j];
        if ajj.is_nan() || ajj <= 0.0 {
            return Err(j);
        }
        let ajj = ajj.sqrt();
        cj[j] = ajj;
        let r = 1.0 / ajj;
        cj[j + 1..].iter_mut().for_each(|x| *x *= r);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, ShapeBuilder};

    fn spd(n: usize, seed: u64) -> Array2<f64> {
        let b = crate::triangular_blocked::tests::mat(n, n, seed);
        let mut a = Array2::zeros((n, n).f());
        a.assign(&(b.dot(&b.t()) + Array2::<f64>::eye(n) * 0.5));
        a
    }

    fn lower_of(f: &Array2<f64>) -> Array2<f64> {
        Array2::from_shape_fn(f.dim(), |(i, j)| if i >= j { f[[i, j]] } else { 0.0 })
    }

    #[test]
    fn blocked_matches_unblocked_around_the_leaf_sizes() {
        for (idx, n) in [0, 1, 2, 31, 32, 33, 63, 64, 65, 100, 257].into_iter().enumerate() {
            let a = spd(n, idx as u64 + 3);
            let mut blocked = a.clone();
            dpotrf_lower(blocked.view_mut(), Par::Seq).unwrap();
            let mut plain = a.clone();
            potf2(plain.view_mut()).unwrap();
            let (lb, lp) = (lower_of(&blocked), lower_of(&plain));
            for (x, y) in lb.iter().zip(lp.iter()) {
                assert!((x - y).abs() < 1e-11 * (1.0 + y.abs()), "n={n}: {x} vs {y}");
            }
            let r = lb.dot(&lb.t());
            for (x, y) in r.iter().zip(a.iter()) {
                assert!((x - y).abs() < 1e-11 * (1.0 + y.abs()));
            }
        }
    }

    #[test]
    fn the_first_non_positive_pivot_is_reported() {
        for (n, bad) in [(5, 3), (40, 0), (40, 33), (100, 70), (100, 99)] {
            let mut a = spd(n, 9);
            // Make the leading (bad+1)x(bad+1) block singular-indefinite at column `bad`.
            for i in 0..n {
                a[[i, bad]] = if i == bad { -1.0 } else { 0.0 };
                a[[bad, i]] = a[[i, bad]];
            }
            assert_eq!(dpotrf_lower(a.view_mut(), Par::Seq), Err(bad), "n={n}");
            let mut nan = spd(n, 9);
            nan[[bad, bad]] = f64::NAN;
            assert_eq!(dpotrf_lower(nan.view_mut(), Par::Seq), Err(bad));
        }
    }

    #[test]
    fn team_matches_the_recursive_kernel() {
        for (idx, n) in [193usize, 200, 290, 400].into_iter().enumerate() {
            let a = spd(n, idx as u64 + 21);
            let mut team = a.clone();
            dpotrf_team(team.view_mut()).unwrap();
            let mut rec = a.clone();
            dpotrf_lower(rec.view_mut(), Par::Seq).unwrap();
            let (lt, lr) = (lower_of(&team), lower_of(&rec));
            for (x, y) in lt.iter().zip(lr.iter()) {
                assert!((x - y).abs() < 1e-10 * (1.0 + y.abs()), "n={n}: {x} vs {y}");
            }
        }
        for bad in [0usize, 50, 96, 150, 250, 299] {
            let mut a = spd(300, 4);
            for i in 0..300 {
                a[[i, bad]] = if i == bad { -1.0 } else { 0.0 };
                a[[bad, i]] = a[[i, bad]];
            }
            assert_eq!(dpotrf_team(a.view_mut()), Err(bad));
        }
    }
}
