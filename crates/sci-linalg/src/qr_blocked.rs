//! Blocked Householder QR of `f64` matrices on the crate's own GEMM ([`crate::blas::dgemm`]):
//! LAPACK's `dgeqrf` (factor), `dorgqr` (form `Q`) and `dormqr` (apply `Q` or `Qᵀ`).
//!
//! The reflectors are LAPACK's (`dlarfg`): `H_i = I - tau_i v_i v_iᵀ` with `v_i[i] = 1`, and
//! `R[i, i] = beta_i = -sign(alpha_i) ‖(alpha_i, x_i)‖`, so `R`, `Q` and the raw `(h, tau)` equal
//! SciPy's to rounding. A block of `nb` reflectors is applied in the compact WY form
//! `H_j … H_{j+nb-1} = I - V T Vᵀ` (`dlarft`, `T` upper triangular) as three matrix products
//! (`dlarfb`), which carry all but `O(n² nb)` of the work. Panels are factored recursively
//! (halves of a panel are themselves a block and its trailing update) down to `LEAF` columns,
//! which the unblocked `dgeqr2` sweep factors.

use std::any::Any;
use std::sync::RwLock;
use std::sync::atomic::AtomicUsize;

use faer::Par;
use ndarray::{Array2, ArrayView2, ArrayViewMut2, Axis, ShapeBuilder, s};

use crate::blas::dgemm;
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::zeros_f;
use crate::team::{PoisonOnPanic, SharedCols, SpinBarrier, claim};

/// Panels this narrow are factored column by column (`dgeqr2`).
const LEAF: usize = 16;

/// The `f64` matrix behind a generic owned one, when the element type is `f64`.
pub(crate) fn as_f64_mut<T: 'static>(a: &mut Array2<T>) -> Option<&mut Array2<f64>> {
    (a as &mut dyn Any).downcast_mut()
}

/// The `f64` matrix behind a generic owned one, when the element type is `f64`.
pub(crate) fn as_f64<T: 'static>(a: &Array2<T>) -> Option<&Array2<f64>> {
    (a as &dyn Any).downcast_ref()
}

/// The `f64` slice behind a generic one, when the element type is `f64`.
#[allow(clippy::ptr_arg)] // a slice cannot be downcast
pub(crate) fn as_f64_vec<T: 'static>(v: &Vec<T>) -> Option<&Vec<f64>> {
    (v as &dyn Any).downcast_ref()
}

/// [`geqrf`] on the column-major working matrix `h` when its element type is `f64`: `tau`
/// (as `T`), or `None` for other element types (left to the caller's kernel).
pub(crate) fn geqrf_if_f64<T: 'static + Clone + num_traits::Zero>(h: &mut Array2<T>) -> Option<Vec<T>> {
    let k = h.nrows().min(h.ncols());
    let mut tau = vec![T::zero(); k];
    let hf = as_f64_mut(h)?;
    let tf = (&mut tau as &mut dyn Any).downcast_mut::<Vec<f64>>()?;
    geqrf(hf.view_mut(), tf);
    Some(tau)
}

/// [`ormqr`] on generic owned matrices when the element type is `f64` (`h` and `tau` from
/// [`geqrf_if_f64`]): `c ← Q c`, or `Qᵀ c` with `trans`; `false` for other element types.
#[allow(clippy::ptr_arg)] // a slice cannot be downcast
pub(crate) fn ormqr_if_f64<T: 'static>(h: &Array2<T>, tau: &Vec<T>, c: &mut Array2<T>, trans: bool) -> bool {
    match (as_f64(h), as_f64_vec(tau), as_f64_mut(c)) {
        (Some(h), Some(tau), Some(c)) => {
            ormqr(h.view(), tau, c.view_mut(), trans);
            true
        }
        _ => false,
    }
}

/// The outer block size: columns per trailing update.
fn block_size(m: usize, n: usize) -> usize {
    let k = m.min(n);
    if k <= 2 * LEAF {
        k.max(1)
    } else if k < 256 {
        32
    } else {
        64
    }
}

/// The parallelism of a whole blocked sweep of `flops`, decided once (one load check): a
/// matrix product's, as the sweep's work is all but `O(n² nb)` in products.
fn sweep_par(flops: f64) -> Par {
    par_for(Kernel::Gemm, flops)
}

/// Products below this many flops stay on one thread inside a parallel sweep (a second OS
/// thread per call costs some 50 µs; 3e7 flops take about 1 ms). Not measured on an idle
/// machine (the machine had load 10-14 throughout).
const PAR_MIN_FLOPS: f64 = 3e7;

/// `Σ x_i y_i`, four partial sums (vectorizes).
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
    let (xr, yr) = (xc.remainder(), yc.remainder());
    for (a, b) in xc.zip(yc) {
        for l in 0..4 {
            acc[l] += a[l] * b[l];
        }
    }
    let mut s = (acc[0] + acc[2]) + (acc[1] + acc[3]);
    for (a, b) in xr.iter().zip(yr) {
        s += a * b;
    }
    s
}

/// `y += alpha x`.
fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

/// `‖x‖₂` without overflow or harmful underflow.
fn nrm2(x: &[f64]) -> f64 {
    let ssq = dot(x, x);
    // Safe range: no overflow and no loss from squares below the smallest normal number.
    if ssq.is_finite() && ssq >= 1e-280 {
        return ssq.sqrt();
    }
    let scale = x.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return scale;
    }
    let inv = 1.0 / scale;
    let ssq: f64 = x.iter().map(|v| (v * inv) * (v * inv)).sum();
    scale * ssq.sqrt()
}

/// LAPACK `dlarfg`: the reflector `H = I - tau [1; v] [1; v]ᵀ` with `H [alpha; x] = [beta; 0]`.
/// Overwrites `x` with `v` and returns `(beta, tau)`; `tau = 0` (and `H = I`) when `x` is zero.
fn larfg(alpha: f64, x: &mut [f64]) -> (f64, f64) {
    let xnorm = nrm2(x);
    if xnorm == 0.0 {
        return (alpha, 0.0);
    }
    let norm = alpha.hypot(xnorm);
    // beta = -sign(norm, alpha) (Fortran SIGN: a negative zero counts as negative).
    let mut beta = if alpha.is_sign_negative() { norm } else { -norm };
    let safmin = f64::MIN_POSITIVE / f64::EPSILON;
    let mut alpha = alpha;
    let mut knt = 0;
    if beta.abs() < safmin {
        // beta may be inaccurate: scale x and recompute (dlarfg's loop).
        let rsafmn = 1.0 / safmin;
        while beta.abs() < safmin && knt < 20 {
            knt += 1;
            x.iter_mut().for_each(|v| *v *= rsafmn);
            beta *= rsafmn;
            alpha *= rsafmn;
        }
        let norm = alpha.hypot(nrm2(x));
        beta = if alpha.is_sign_negative() { norm } else { -norm };
    }
    let tau = (beta - alpha) / beta;
    let scal = 1.0 / (alpha - beta);
    x.iter_mut().for_each(|v| *v *= scal);
    for _ in 0..knt {
        beta *= safmin;
    }
    (beta, tau)
}

/// Contiguous column `j` of a column-major view.
fn col_mut<'a>(a: &'a mut ArrayViewMut2<'_, f64>, j: usize) -> &'a mut [f64] {
    a.column_mut(j).into_slice().expect("internal: column-major working matrix")
}

/// LAPACK `dgeqr2`: unblocked Householder QR of `a` in place (`tau` has `min(m, n)` entries).
fn geqr2(mut a: ArrayViewMut2<'_, f64>, tau: &mut [f64]) {
    let (m, n) = a.dim();
    for j in 0..m.min(n) {
        let (mut left, mut right) = a.view_mut().split_at(Axis(1), j + 1);
        let cj = col_mut(&mut left, j);
        let (head, x) = cj[j..].split_at_mut(1);
        let (beta, t) = larfg(head[0], x);
        head[0] = beta;
        tau[j] = t;
        if t == 0.0 {
            continue;
        }
        let x: &[f64] = x;
        for c in 0..right.ncols() {
            let cc = &mut col_mut(&mut right, c)[j..];
            let (c0, rest) = cc.split_at_mut(1);
            let f = t * (c0[0] + dot(x, rest));
            c0[0] -= f;
            axpy(-f, x, rest);
        }
    }
}

/// A block of reflectors in compact WY form `I - V T Vᵀ`: `v` holds them explicitly (unit
/// diagonal, zeros above it), `t` is upper triangular.
struct Block {
    v: Array2<f64>,
    t: Array2<f64>,
}

impl Block {
    /// LAPACK `dlarft` (forward, columnwise) for the reflectors stored below the diagonal of
    /// the `(m, kb)` panel `h` with scalars `tau`.
    fn new(h: ArrayView2<'_, f64>, tau: &[f64]) -> Self {
        let (m, kb) = h.dim();
        let mut v = zeros_f(m, kb);
        for j in 0..kb {
            v[[j, j]] = 1.0;
            v.slice_mut(s![j + 1.., j]).assign(&h.slice(s![j + 1.., j]));
        }
        // S = Vᵀ V; column i of T above the diagonal is -tau_i T[..i, ..i] S[..i, i].
        let mut sm = zeros_f(kb, kb);
        dgemm(1.0, v.t(), v.view(), 0.0, sm.view_mut(), Par::Seq);
        let mut t = zeros_f(kb, kb);
        for i in 0..kb {
            t[[i, i]] = tau[i];
            if tau[i] == 0.0 {
                continue;
            }
            for r in 0..i {
                let mut acc = 0.0;
                for p in r..i {
                    acc += t[[r, p]] * sm[[p, i]];
                }
                t[[r, i]] = -tau[i] * acc;
            }
        }
        Block { v, t }
    }

    /// `c ← (I - V T Vᵀ) c`, or with `trans` `c ← (I - V Tᵀ Vᵀ) c` (LAPACK `dlarfb`, left).
    /// `work` is scratch space, grown as needed and reused across calls.
    /// `par` is the sweep's parallelism, used for products of `PAR_MIN_FLOPS` or more.
    fn apply(&self, mut c: ArrayViewMut2<'_, f64>, trans: bool, work: &mut Vec<f64>, par: Par) {
        let (m, nc) = c.dim();
        let kb = self.t.nrows();
        if nc == 0 || kb == 0 {
            return;
        }
        let par = if gemm_flops(m, nc, kb) >= PAR_MIN_FLOPS { par } else { Par::Seq };
        if work.len() < 2 * kb * nc {
            work.resize(2 * kb * nc, 0.0);
        }
        let (w, w2) = work[..2 * kb * nc].split_at_mut(kb * nc);
        let mut w = ArrayViewMut2::from_shape((kb, nc).f(), w).expect("kb * nc elements");
        let mut w2 = ArrayViewMut2::from_shape((kb, nc).f(), w2).expect("kb * nc elements");
        // W = Vᵀ C, W2 = T W (or Tᵀ W), C -= V W2; dgemm with beta = 0 ignores what W held.
        dgemm(1.0, self.v.t(), c.view(), 0.0, w.view_mut(), par);
        let t = if trans { self.t.t() } else { self.t.view() };
        dgemm(1.0, t, w.view(), 0.0, w2.view_mut(), par);
        dgemm(-1.0, self.v.view(), w2.view(), 1.0, c.view_mut(), par);
    }
}

/// Recursive panel factorization: the left half, its block applied to the right half, then
/// the right half below the left half's rows.
fn factor_panel(mut a: ArrayViewMut2<'_, f64>, tau: &mut [f64], work: &mut Vec<f64>) {
    let (m, n) = a.dim();
    let k = m.min(n);
    if k <= LEAF {
        geqr2(a, tau);
        return;
    }
    let n1 = k / 2;
    let (mut left, right) = a.view_mut().split_at(Axis(1), n1);
    factor_panel(left.view_mut(), &mut tau[..n1], work);
    Block::new(left.view(), &tau[..n1]).apply(right, true, work, Par::Seq);
    factor_panel(a.slice_mut(s![n1.., n1..]), &mut tau[n1..k], work);
}

/// LAPACK `dgeqrf`: `a = Q R` in place, `R` on and above the diagonal, the reflectors below it
/// and their scalars in `tau` (`min(m, n)` entries). `a` must be column-major. With two
/// threads chosen, [`geqrf_team`] does the same work with look-ahead.
pub(crate) fn geqrf(a: ArrayViewMut2<'_, f64>, tau: &mut [f64]) {
    let (m, n) = a.dim();
    let k = m.min(n);
    let nb = block_size(m, n);
    // 2 k² (m + n) - 4/3 k³ flops.
    if k > 2 * nb && par_for(Kernel::TeamQr, gemm_flops(m, n, k)) != Par::Seq {
        geqrf_team(a, tau, nb);
        return;
    }
    geqrf_seq(a, tau, nb);
}

/// [`geqrf`] on the calling thread with panels of `nb` columns.
fn geqrf_seq(mut a: ArrayViewMut2<'_, f64>, tau: &mut [f64], nb: usize) {
    let k = a.nrows().min(a.ncols());
    let mut work = Vec::new();
    let mut j = 0;
    while j < k {
        let jb = nb.min(k - j);
        let mut rest = a.slice_mut(s![j.., j..]);
        let (mut panel, trailing) = rest.view_mut().split_at(Axis(1), jb);
        factor_panel(panel.view_mut(), &mut tau[j..j + jb], &mut work);
        if trailing.ncols() > 0 {
            Block::new(panel.view(), &tau[j..j + jb]).apply(trailing, true, &mut work, Par::Seq);
        }
        j += jb;
    }
}

/// [`geqrf`] by a team of two threads with look-ahead (the schedule of
/// `lu_blocked::dgetrf_team`): panel `p` factored, the calling thread applies its block to the
/// next panel's columns, factors that panel and then helps the helper thread apply the block
/// to the rest of the trailing columns, taken in chunks. The same blocks and products as the
/// one-thread sweep, so the same bits.
fn geqrf_team(mut a: ArrayViewMut2<'_, f64>, tau: &mut [f64], nb: usize) {
    let (m, n) = a.dim();
    let k = m.min(n);
    let Some(shared) = SharedCols::new(&mut a) else { unreachable!("geqrf works on column-major matrices") };
    let team = QrTeam {
        a: shared,
        nb,
        k,
        blocks: Default::default(),
        chunks: (0..k.div_ceil(nb)).map(|_| AtomicUsize::new(0)).collect(),
        barrier: SpinBarrier::new(),
    };
    std::thread::scope(|scope| {
        scope.spawn(|| team.run(None));
        team.run(Some(tau));
    });
}

/// The state the two threads of [`geqrf_team`] share.
struct QrTeam {
    a: SharedCols,
    nb: usize,
    k: usize,
    /// Panel `p`'s block at `p % 2`, built by thread 0 when it factors the panel.
    blocks: [RwLock<Option<Block>>; 2],
    /// Per panel, the trailing columns already taken.
    chunks: Vec<AtomicUsize>,
    barrier: SpinBarrier,
}

impl QrTeam {
    fn panel(&self, p: usize) -> std::ops::Range<usize> {
        (p * self.nb).min(self.k)..((p + 1) * self.nb).min(self.k)
    }

    /// Thread 0 (with `tau`) or thread 1.
    fn run(&self, mut tau: Option<&mut [f64]>) {
        let _guard = PoisonOnPanic(&self.barrier);
        let n = self.a.ncols();
        let mut work = Vec::new();
        if let Some(tau) = tau.as_deref_mut() {
            self.factor(0, tau, &mut work);
        }
        self.barrier.wait();
        for p in 0..self.chunks.len() {
            let next = self.panel(p + 1);
            if let Some(tau) = tau.as_deref_mut()
                && !next.is_empty()
            {
                self.update(p, next.clone(), &mut work);
                self.factor(p + 1, tau, &mut work);
            }
            let rest = if next.is_empty() { self.panel(p).end..n } else { next.end..n };
            while let Some(chunk) = claim(&self.chunks[p], rest.clone()) {
                self.update(p, chunk, &mut work);
            }
            self.barrier.wait();
        }
    }

    /// Factors panel `p` and builds its block (thread 0; the panel's columns are its own then).
    fn factor(&self, p: usize, tau: &mut [f64], work: &mut Vec<f64>) {
        let cols = self.panel(p);
        let j0 = cols.start;
        // SAFETY: panel `p`'s columns belong to thread 0 until the next barrier.
        #[allow(unsafe_code)]
        let mut panel = unsafe { self.a.block_mut(j0..self.a.nrows(), cols.clone()) };
        factor_panel(panel.view_mut(), &mut tau[cols.clone()], work);
        let block = Block::new(panel.view(), &tau[cols]);
        *self.blocks[p % 2].write().unwrap_or_else(|e| e.into_inner()) = Some(block);
    }

    /// Applies panel `p`'s block (transposed, as `dgeqrf`) to the columns `cols`.
    fn update(&self, p: usize, cols: std::ops::Range<usize>, work: &mut Vec<f64>) {
        let j0 = self.panel(p).start;
        let guard = self.blocks[p % 2].read().unwrap_or_else(|e| e.into_inner());
        let block = guard.as_ref().expect("built with the panel");
        // SAFETY: `cols` is this thread's chunk (or the next panel, thread 0's), to the right
        // of panel `p`.
        #[allow(unsafe_code)]
        let c = unsafe { self.a.block_mut(j0..self.a.nrows(), cols) };
        block.apply(c, true, work, Par::Seq);
    }
}

/// The blocks `[j0, j1)` of `k` reflectors for a matrix with `m` rows and `n` columns, in
/// order.
fn blocks(m: usize, n: usize, k: usize) -> Vec<(usize, usize)> {
    let nb = block_size(m, n);
    (0..k).step_by(nb).map(|j0| (j0, (j0 + nb).min(k))).collect()
}

/// LAPACK `dorgqr`: the first `q.ncols()` columns of `Q = H_0 … H_{k-1}` from `geqrf`'s `h`
/// (`(m, ≥ k)`) and `tau` (`k` entries), written into `q` (`(m, qcols)`, `k ≤ qcols ≤ m`).
/// `q` must hold zeros on entry.
pub(crate) fn orgqr(h: ArrayView2<'_, f64>, tau: &[f64], q: ArrayViewMut2<'_, f64>) {
    let par = sweep_par(gemm_flops(q.nrows(), q.ncols(), tau.len()));
    orgqr_on(h, tau, q, par);
}

/// [`orgqr`] on the calling thread alone (for callers that keep the other thread busy).
pub(crate) fn orgqr_seq(h: ArrayView2<'_, f64>, tau: &[f64], q: ArrayViewMut2<'_, f64>) {
    orgqr_on(h, tau, q, Par::Seq);
}

/// [`orgqr`] on `par`'s threads (at most two).
fn orgqr_on(h: ArrayView2<'_, f64>, tau: &[f64], mut q: ArrayViewMut2<'_, f64>, par: Par) {
    let k = tau.len();
    let (m, qcols) = q.dim();
    for i in 0..qcols {
        q[[i, i]] = 1.0;
    }
    // Backward over the blocks: before block [j0, j1) is applied, Q differs from the identity
    // only in rows and columns from j1 on, so the block acts on q[j0.., j0..] alone. A column
    // `j` is touched by the blocks starting at or before it, so the later columns cost more:
    // two threads split the columns at about qcols / √2.
    let bl = prepared(h, tau, m, k, true);
    let split = (qcols as f64 / std::f64::consts::SQRT_2) as usize;
    on_column_halves(q, split, par, |c0, mut part| {
        let mut work = Vec::new();
        for (j0, b) in &bl {
            let first = j0.saturating_sub(c0);
            if first < part.ncols() {
                b.apply(part.slice_mut(s![*j0.., first..]), false, &mut work, Par::Seq);
            }
        }
    });
}

/// LAPACK `dormqr` from the left: `c ← Q c`, or `c ← Qᵀ c` with `trans` (`c` has `m` rows).
/// The columns of `c` are independent, so two threads take one half each.
pub(crate) fn ormqr(h: ArrayView2<'_, f64>, tau: &[f64], c: ArrayViewMut2<'_, f64>, trans: bool) {
    let par = sweep_par(2.0 * gemm_flops(h.nrows(), c.ncols(), tau.len()));
    ormqr_on(h, tau, c, trans, par);
}

/// [`ormqr`] on `par`'s threads (at most two).
fn ormqr_on(h: ArrayView2<'_, f64>, tau: &[f64], c: ArrayViewMut2<'_, f64>, trans: bool, par: Par) {
    let k = tau.len();
    let m = h.nrows();
    let bl = prepared(h, tau, m, k, !trans);
    let nc = c.ncols();
    on_column_halves(c, nc / 2, par, |_, mut part| {
        let mut work = Vec::new();
        for (j0, b) in &bl {
            b.apply(part.slice_mut(s![*j0.., ..]), trans, &mut work, Par::Seq);
        }
    });
}

/// The blocks of the `k` reflectors of `h` (`(j0, block)`), in order or `reversed`.
fn prepared(h: ArrayView2<'_, f64>, tau: &[f64], m: usize, k: usize, reversed: bool) -> Vec<(usize, Block)> {
    let mut bl = blocks(m, h.ncols(), k);
    if reversed {
        bl.reverse();
    }
    bl.into_iter().map(|(j0, j1)| (j0, Block::new(h.slice(s![j0.., j0..j1]), &tau[j0..j1]))).collect()
}

/// Runs `f(first_column, columns)` on the columns of `c` before and from `split` on two threads
/// when `par` allows a second thread and both parts are worth it, else on all of `c` at once.
fn on_column_halves(
    mut c: ArrayViewMut2<'_, f64>,
    split: usize,
    par: Par,
    f: impl Fn(usize, ArrayViewMut2<'_, f64>) + Sync,
) {
    let nc = c.ncols();
    if par == Par::Seq || split < MIN_HALF || nc - split.min(nc) < MIN_HALF {
        f(0, c.view_mut());
        return;
    }
    let (left, right) = c.split_at(Axis(1), split);
    std::thread::scope(|scope| {
        let f = &f;
        scope.spawn(move || f(split, right));
        f(0, left);
    });
}

/// Columns below which a half is not given its own thread.
const MIN_HALF: usize = 32;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A random column-major `(m, n)` matrix, entries in [-0.5, 0.5), fixed by `seed`.
    pub(crate) fn rand_mat(m: usize, n: usize, seed: u64) -> Array2<f64> {
        let mut s = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        Array2::from_shape_fn((m, n).f(), |_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        })
    }

    /// `(h, tau)` of `a` by `factor` (`geqr2` or `geqrf`) on a column-major copy.
    fn factored(a: &Array2<f64>, factor: fn(ArrayViewMut2<'_, f64>, &mut [f64])) -> (Array2<f64>, Vec<f64>) {
        let mut h = zeros_f(a.nrows(), a.ncols());
        h.assign(a);
        let mut tau = vec![0.0; a.nrows().min(a.ncols())];
        factor(h.view_mut(), &mut tau);
        (h, tau)
    }

    fn unblocked(a: &Array2<f64>) -> (Array2<f64>, Vec<f64>) {
        factored(a, geqr2)
    }

    fn blocked(a: &Array2<f64>) -> (Array2<f64>, Vec<f64>) {
        factored(a, geqrf)
    }

    fn max_diff(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
        a.iter().zip(b.iter()).fold(0.0f64, |acc, (x, y)| acc.max((x - y).abs()))
    }

    /// Q (m, m) from the unblocked reflectors one by one.
    fn q_naive(h: &Array2<f64>, tau: &[f64]) -> Array2<f64> {
        let m = h.nrows();
        let mut q = Array2::<f64>::eye(m);
        for i in (0..tau.len()).rev() {
            let mut v = Array2::<f64>::zeros((m, 1));
            v[[i, 0]] = 1.0;
            for r in i + 1..m {
                v[[r, 0]] = h[[r, i]];
            }
            q = &q - &(v.dot(&v.t().dot(&q)) * tau[i]);
        }
        q
    }

    #[test]
    fn larfg_follows_lapack_signs() {
        let mut x = [4.0];
        let (beta, tau) = larfg(3.0, &mut x);
        assert!((beta + 5.0).abs() < 1e-15 && (tau - 1.6).abs() < 1e-15 && (x[0] - 0.5).abs() < 1e-15);
        let mut x = [4.0];
        let (beta, _) = larfg(-3.0, &mut x);
        assert!((beta - 5.0).abs() < 1e-15);
        let mut x = [0.0, 0.0];
        assert_eq!(larfg(-2.0, &mut x), (-2.0, 0.0));
        // tiny entries: the rescaling loop keeps beta accurate
        let mut x = [4e-300];
        let (beta, tau) = larfg(3e-300, &mut x);
        assert!((beta + 5e-300).abs() < 1e-313 && (tau - 1.6).abs() < 1e-14);
        let mut x = [4e300];
        let (beta, _) = larfg(3e300, &mut x);
        assert!((beta + 5e300).abs() < 1e286);
    }

    /// Shapes around the block and leaf edges of the blocked sweep.
    pub(crate) const BLOCK_EDGE_SHAPES: &[(usize, usize)] = &[
        (1, 1),
        (5, 3),
        (3, 5),
        (16, 16),
        (17, 17),
        (33, 33),
        (40, 31),
        (31, 40),
        (100, 64),
        (64, 100),
        (97, 65),
        (300, 129),
        (129, 300),
        (300, 300),
        (257, 256),
        (600, 200),
    ];

    #[test]
    fn blocked_equals_unblocked_around_block_edges() {
        let shapes = BLOCK_EDGE_SHAPES;
        for (i, &(m, n)) in shapes.iter().enumerate() {
            let a = rand_mat(m, n, i as u64);
            let (h0, t0) = unblocked(&a);
            let (h1, t1) = blocked(&a);
            let scale = 1e-13 * (m.max(n) as f64);
            assert!(max_diff(&h0, &h1) < scale, "{m}x{n}: h differs by {}", max_diff(&h0, &h1));
            let td = t0.iter().zip(&t1).fold(0.0f64, |acc, (x, y)| acc.max((x - y).abs()));
            assert!(td < scale, "{m}x{n}: tau differs by {td}");
        }
    }

    #[test]
    fn orgqr_and_ormqr_match_the_reflector_product() {
        for (i, &(m, n)) in [(7, 4), (4, 7), (70, 70), (150, 40), (40, 150), (200, 133)].iter().enumerate() {
            let a = rand_mat(m, n, 100 + i as u64);
            let (h, tau) = blocked(&a);
            let k = m.min(n);
            let qn = q_naive(&h, &tau);
            for qcols in [k, m] {
                let mut q = zeros_f(m, qcols);
                orgqr(h.view(), &tau, q.view_mut());
                assert!(max_diff(&q, &qn.slice(s![.., ..qcols]).to_owned()) < 1e-13, "{m}x{n} q {qcols}");
            }
            // Q R = a
            let mut r = zeros_f(m, n);
            for j in 0..n {
                for row in 0..=j.min(m - 1) {
                    r[[row, j]] = h[[row, j]];
                }
            }
            assert!(max_diff(&qn.dot(&r), &a) < 1e-13);
            let c = rand_mat(m, 9, 7);
            for trans in [false, true] {
                let mut got = c.clone();
                ormqr(h.view(), &tau, got.view_mut(), trans);
                let want = if trans { qn.t().dot(&c) } else { qn.dot(&c) };
                assert!(max_diff(&got, &want) < 1e-13, "{m}x{n} ormqr {trans}");
            }
        }
    }

    #[test]
    fn rank_deficient_and_zero_columns() {
        let (m, n) = (150, 90);
        let mut a = rand_mat(m, n, 3);
        // zero columns inside and at block edges, a repeated column, a zero trailing block
        for j in [0, 15, 16, 31, 32, 33, 64] {
            a.column_mut(j).fill(0.0);
        }
        let c5 = a.column(5).to_owned();
        a.column_mut(40).assign(&c5);
        a.slice_mut(s![100.., 70..]).fill(0.0);
        let (h0, t0) = unblocked(&a);
        let (h1, t1) = blocked(&a);
        // Column 40's reflector is built from rounding noise (its column is in the span of the
        // first 40), so only the reflectors before it agree between two summation orders.
        assert!(max_diff(&h0.slice(s![.., ..40]).to_owned(), &h1.slice(s![.., ..40]).to_owned()) < 1e-12);
        assert!(t0[..40].iter().zip(&t1[..40]).all(|(x, y)| (x - y).abs() < 1e-12));
        for j in [0, 15, 16, 31, 32, 33] {
            assert_eq!(t1[j], 0.0, "zero column {j}: identity reflector");
        }
        let q = q_naive(&h1, &t1);
        let mut r = Array2::<f64>::zeros((m, n));
        for j in 0..n {
            for row in 0..=j {
                r[[row, j]] = h1[[row, j]];
            }
        }
        assert!(max_diff(&q.dot(&r), &a) < 1e-13);
        // all zero: every tau is 0 and Q = I
        let z = Array2::<f64>::zeros((70, 50).f());
        let (hz, tz) = blocked(&z);
        assert!(tz.iter().all(|&t| t == 0.0) && hz.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn sub_views_with_a_leading_dimension() {
        // The kernels work on column-major views into a larger matrix (leading dimension > m).
        let big = rand_mat(120, 90, 11);
        let a = big.slice(s![10..110, 5..85]).to_owned();
        let mut work = big.clone();
        let mut tau = vec![0.0; 80];
        geqrf(work.slice_mut(s![10..110, 5..85]), &mut tau);
        let (h1, t1) = blocked(&a);
        assert!(max_diff(&work.slice(s![10..110, 5..85]).to_owned(), &h1) < 1e-13);
        assert!(tau.iter().zip(&t1).all(|(x, y)| (x - y).abs() < 1e-13));
        assert_eq!(work.slice(s![..10, ..]), big.slice(s![..10, ..]));
    }

    #[test]
    fn two_threads_give_the_same_bits() {
        for &(m, n) in &[(150, 100), (300, 90), (200, 200)] {
            let a = rand_mat(m, n, (m + n) as u64);
            let (h, tau) = blocked(&a);
            let k = tau.len();
            for qcols in [k, m] {
                let mut q1 = Array2::zeros((m, qcols).f());
                let mut q2 = q1.clone();
                orgqr_on(h.view(), &tau, q1.view_mut(), Par::Seq);
                orgqr_on(h.view(), &tau, q2.view_mut(), Par::rayon(2));
                assert_eq!(q1, q2, "orgqr {m}x{n} -> {qcols}");
            }
            for trans in [false, true] {
                let c = rand_mat(m, 70, 5);
                let (mut c1, mut c2) = (c.clone(), c.clone());
                ormqr_on(h.view(), &tau, c1.view_mut(), trans, Par::Seq);
                ormqr_on(h.view(), &tau, c2.view_mut(), trans, Par::rayon(2));
                assert_eq!(c1, c2, "ormqr {m}x{n} trans {trans}");
            }
        }
    }

    #[test]
    fn team_factor_gives_the_same_bits() {
        for &(m, n) in &[(300, 200), (200, 300), (520, 400)] {
            let a = rand_mat(m, n, (m * n) as u64);
            let k = m.min(n);
            let nb = block_size(m, n);
            let mut seq = a.clone();
            let mut tau_seq = vec![0.0; k];
            geqrf_seq(seq.view_mut(), &mut tau_seq, nb);
            let mut team = a.clone();
            let mut tau_team = vec![0.0; k];
            geqrf_team(team.view_mut(), &mut tau_team, nb);
            assert_eq!(seq, team, "{m}x{n}");
            assert_eq!(tau_seq, tau_team);
        }
    }
}
