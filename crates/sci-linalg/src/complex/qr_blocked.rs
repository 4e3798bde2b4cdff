//! Blocked Householder QR with LAPACK's complex reflectors: `zgeqrf` (factor) and `zungqr`
//! (form `Q`), the matrix products on the crate's complex GEMM (`blas::zgemm`, complex128 on
//! CPUs with AVX-512F), else for `Complex64` on the real GEMM (through `blas::embed`, for
//! blocks of `EMBED_MIN_ROWS` rows or more) and on faer's GEMM otherwise. complex128 `qr(mode='r')` of
//! 500², medians, ms, alternating runs: 12.9-14.7 with the complex GEMM, 14.7-17.8 through the
//! embedding (see `zgemm::for_reflectors` for complex64).
//!
//! The reflectors are `zlarfg`'s (`H_i = I - tau_i v_i v_iᴴ`, `v_i[i] = 1`, complex `tau_i`,
//! `R[i, i] = -sign(Re alpha_i) ‖(alpha_i, x_i)‖` real), so `R`, `Q` and the raw `(h, tau)`
//! equal SciPy's to rounding. A block of reflectors is applied in the compact WY form
//! `H_j … H_{j+nb-1} = I - V T Vᴴ` (`zlarft`) as three matrix products (`zlarfb`). Panels are
//! factored recursively (left half, its block applied to the right half, then the right
//! half) down to `LEAF` columns, which the unblocked `zgeqr2` sweep of [`crate::geqp3`]
//! factors. The same code serves both backends (this crate's LAPACK plumbing is real-only).

use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatMut, Par};
use ndarray::{Array1, Array2, ArrayView2, ArrayViewMut2, Axis, ShapeBuilder, s};

#[cfg(target_arch = "x86_64")]
use crate::blas::zgemm;
use crate::blas::{dgemm, embed};
use crate::error::Result;
use crate::geqp3::{apply_reflector, larfg};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::parallel::gemm_flops;
use crate::scalar::{as_faer_mut, check_finite, to_fortran, zeros_f};

/// Panels this narrow are factored column by column (`zgeqr2`). With `NB` (LAPACK `zgeqrf`'s
/// block size) the fastest of the leaf/block pairs tried on one thread (16/64, 16/32, 24/96,
/// 8/32, 4/32, 8/16, 6/24): 1000x1000 `qr` medians 285-290 ms against 320 for 16/64.
const LEAF: usize = 8;

/// Columns per trailing update (outer block).
const NB: usize = 32;

/// Real flops per complex product term: a complex multiply-add is four real ones.
const COMPLEX_FLOPS: f64 = 4.0;

/// Products below this many (real) flops stay on one thread.
const PAR_MIN_FLOPS: f64 = 3e7;

/// Contiguous column `j` of a column-major view.
fn col_mut<'a, T>(a: &'a mut ArrayViewMut2<'_, T>, j: usize) -> &'a mut [T] {
    a.column_mut(j).into_slice().expect("internal: column-major working matrix")
}

/// LAPACK `zgeqr2`: unblocked Householder QR of `a` in place.
fn geqr2<T: LinalgScalar>(mut a: ArrayViewMut2<'_, T>, tau: &mut [T]) {
    let (m, n) = a.dim();
    for j in 0..m.min(n) {
        let (mut left, mut right) = a.view_mut().split_at(Axis(1), j + 1);
        let cj = col_mut(&mut left, j);
        let t = larfg(&mut cj[j..]);
        tau[j] = t;
        if t == T::zero() {
            continue;
        }
        let v: &[T] = &cj[j + 1..];
        let ct = t.conj();
        for c in 0..right.ncols() {
            apply_reflector(v, ct, &mut col_mut(&mut right, c)[j..]);
        }
    }
}

/// A block of reflectors in compact WY form `I - V T Vᴴ`: `v` explicit (unit diagonal, zeros
/// above it), `t` upper triangular.
struct Block<T> {
    v: Mat<T>,
    t: Mat<T>,
    /// For `Complex64` blocks of [`EMBED_MIN_ROWS`] rows or more (on CPUs that run the crate's
    /// real GEMM but not its complex one): the real matrices of `V` and `T` (`blas::embed`),
    /// so that [`Block::apply_seq`] runs its products on the real GEMM.
    real: Option<(Array2<f64>, Array2<f64>)>,
}

/// Rows from which a `Complex64` block applies itself through real products.
const EMBED_MIN_ROWS: usize = 64;

impl<T: LinalgScalar> Block<T> {
    /// LAPACK `zlarft` (forward, columnwise) for the reflectors below the diagonal of the
    /// `(m, kb)` panel `h` with scalars `tau`.
    fn new(h: ArrayView2<'_, T>, tau: &[T]) -> Self {
        Self::with_conj(h, tau, false)
    }

    /// [`Block::new`], or with `conj` the block of the conjugated reflectors
    /// (`conj(h)`, `conj(tau)`): `conj(I - V T Vᴴ)`.
    fn with_conj(h: ArrayView2<'_, T>, tau: &[T], conj: bool) -> Self {
        let (m, kb) = h.dim();
        let v = Mat::from_fn(m, kb, |i, j| {
            if i == j {
                T::one()
            } else if i > j {
                if conj { h[[i, j]].conj() } else { h[[i, j]] }
            } else {
                T::zero()
            }
        });
        let tau: Vec<T> = tau.iter().map(|&t| if conj { t.conj() } else { t }).collect();
        // S = Vᴴ V; T[..i, i] = -tau_i T[..i, ..i] S[..i, i].
        let mut sm = Mat::<T>::zeros(kb, kb);
        #[cfg(target_arch = "x86_64")]
        let own = zgemm::for_reflectors::<T>()
            && zgemm::zgemm_mat(T::one(), v.as_ref(), true, v.as_ref(), false, T::zero(), sm.as_mut(), 1);
        #[cfg(not(target_arch = "x86_64"))]
        let own = false;
        if !own {
            matmul(sm.as_mut(), Accum::Replace, v.as_ref().adjoint(), v.as_ref(), T::one(), Par::Seq);
        }
        let mut t = Mat::<T>::zeros(kb, kb);
        for i in 0..kb {
            t[(i, i)] = tau[i];
            if tau[i] == T::zero() {
                continue;
            }
            for r in 0..i {
                let mut acc = T::zero();
                for p in r..i {
                    acc += t[(r, p)] * sm[(p, i)];
                }
                t[(r, i)] = T::zero() - tau[i] * acc;
            }
        }
        let real = (embed::enabled::<T>() && !own && m >= EMBED_MIN_ROWS)
            .then(|| (embed::embed(v.as_ref()), embed::embed_stacked(t.as_ref())));
        Block { v, t, real }
    }

    /// `c ← (I - V T Vᴴ) c`, or with `adjoint` `c ← (I - V Tᴴ Vᴴ) c` (LAPACK `zlarfb`, left).
    /// With `par` allowing a second thread and products of `PAR_MIN_FLOPS` or more, the
    /// columns of `c` (independent) are split between the caller and the crate's helper thread
    /// ([`crate::worker`]), each running the three products on its half (faer's own threading of these thin, `kb`-deep products gained
    /// little: 1000x1000 `qr` about 250 ms against 290 on one thread).
    fn apply(&self, c: MatMut<'_, T>, adjoint: bool, par: Par) {
        let (m, nc) = (c.nrows(), c.ncols());
        let kb = self.t.nrows();
        if nc == 0 || kb == 0 {
            return;
        }
        let big = COMPLEX_FLOPS * gemm_flops(m, nc, kb) >= PAR_MIN_FLOPS && nc >= 2 * MIN_HALF;
        if let Some(lease) = (par != Par::Seq && big).then(crate::worker::lease).flatten() {
            let (left, right) = c.split_at_col_mut(nc / 2);
            lease.join(|| self.apply_seq(left, adjoint), || self.apply_seq(right, adjoint));
            return;
        }
        self.apply_seq(c, adjoint);
    }

    /// [`Block::apply`] on the calling thread.
    fn apply_seq(&self, c: MatMut<'_, T>, adjoint: bool) {
        let (nc, kb) = (c.ncols(), self.t.nrows());
        let par = Par::Seq;
        let mut c = c;
        if let Some((ve, te)) = &self.real
            && let Some(cf) = embed::interleaved_mut(c.as_mut())
        {
            // stacked W = Vᴴ C, then T W (or Tᴴ W), then C -= V (T W), all real
            let mut w = Array2::<f64>::zeros((2 * kb, nc).f());
            dgemm(1.0, ve.t(), cf.view(), 0.0, w.view_mut(), par);
            let mut w2 = Array2::<f64>::zeros((2 * kb, nc).f());
            let te = if adjoint { te.t() } else { te.view() };
            dgemm(1.0, te, w.view(), 0.0, w2.view_mut(), par);
            dgemm(-1.0, ve.view(), w2.view(), 1.0, cf, par);
            return;
        }
        let mut w = Mat::<T>::zeros(kb, nc);
        #[cfg(target_arch = "x86_64")]
        if zgemm::for_reflectors::<T>() {
            // W = Vᴴ C, W2 = T W (or Tᴴ W), C -= V W2 on the crate's complex GEMM
            let (one, zero) = (T::one(), T::zero());
            let (v, t) = (self.v.as_ref(), self.t.as_ref());
            zgemm::zgemm_mat(one, v, true, c.as_ref(), false, zero, w.as_mut(), 1);
            let mut w2 = Mat::<T>::zeros(kb, nc);
            zgemm::zgemm_mat(one, t, adjoint, w.as_ref(), false, zero, w2.as_mut(), 1);
            zgemm::zgemm_mat(zero - one, v, false, w2.as_ref(), false, one, c, 1);
            return;
        }
        matmul(w.as_mut(), Accum::Replace, self.v.as_ref().adjoint(), c.as_ref(), T::one(), par);
        let mut w2 = Mat::<T>::zeros(kb, nc);
        if adjoint {
            matmul(w2.as_mut(), Accum::Replace, self.t.as_ref().adjoint(), w.as_ref(), T::one(), par);
        } else {
            matmul(w2.as_mut(), Accum::Replace, self.t.as_ref(), w.as_ref(), T::one(), par);
        }
        matmul(c.as_mut(), Accum::Add, self.v.as_ref(), w2.as_ref(), T::zero() - T::one(), par);
    }
}

/// Columns below which a half of a block update is not given its own thread.
const MIN_HALF: usize = 32;

/// The parallelism of a sweep of `flops` (real): the global setting (as faer's QR, this
/// path's predecessor, used it) for sweeps of 2e8 flops or more, else one thread.
fn sweep_par(flops: f64) -> Par {
    if flops >= 2e8 { crate::scalar::par() } else { Par::Seq }
}

/// Recursive panel factorization.
fn factor_panel<T: LinalgScalar>(mut a: ArrayViewMut2<'_, T>, tau: &mut [T]) {
    let (m, n) = a.dim();
    let k = m.min(n);
    if k <= LEAF {
        geqr2(a, tau);
        return;
    }
    let n1 = k / 2;
    let (mut left, right) = a.view_mut().split_at(Axis(1), n1);
    factor_panel(left.view_mut(), &mut tau[..n1]);
    Block::new(left.view(), &tau[..n1]).apply(as_faer_mut(right), true, Par::Seq);
    factor_panel(a.slice_mut(s![n1.., n1..]), &mut tau[n1..k]);
}

/// LAPACK `zgeqrf` on a column-major working matrix in place; returns `tau`.
///
/// With two threads allowed (sweeps of 2e8 flops or more) the next panel is factored while
/// the rest of the trailing matrix is updated ("look-ahead"): one thread applies the current
/// block to the next panel's columns, factors that panel and forms its block, and takes a
/// share of the remaining columns; the other thread updates the rest. Each column still
/// receives the same blocks in the same order as LAPACK's `zgeqrf`.
fn geqrf_in_place<T: LinalgScalar>(mut a: ArrayViewMut2<'_, T>, par: Par) -> Vec<T> {
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut tau = vec![T::zero(); k];
    if k == 0 {
        return tau;
    }
    let nb = NB.min(k);
    let mut jb = nb.min(k);
    factor_panel(a.slice_mut(s![.., ..jb]), &mut tau[..jb]);
    let mut block = Block::new(a.slice(s![.., ..jb]), &tau[..jb]);
    let mut j = 0;
    loop {
        let next = j + jb;
        if next >= n {
            break;
        }
        let rest = a.slice_mut(s![j.., next..]);
        if next >= k {
            block.apply(as_faer_mut(rest), true, par);
            break;
        }
        let jb2 = nb.min(k - next);
        let tau_next = &mut tau[next..next + jb2];
        let flops = COMPLEX_FLOPS * gemm_flops(m - j, n - next, jb);
        match (par != Par::Seq && flops >= PAR_MIN_FLOPS).then(crate::worker::lease).flatten() {
            None => {
                let mut rest = rest;
                block.apply_seq(as_faer_mut(rest.view_mut()), true);
                let panel = rest.slice_mut(s![jb.., ..jb2]);
                factor_panel(panel, tau_next);
                block = Block::new(rest.slice(s![jb.., ..jb2]), tau_next);
            }
            Some(lease) => {
                let (mut panel, others) = rest.split_at(Axis(1), jb2);
                let c = others.ncols();
                let extra = c.saturating_sub(LOOKAHEAD_COLS + jb2) / 2;
                let (mine, theirs) = others.split_at(Axis(1), extra);
                let cur = &block;
                let mut next_block = None;
                lease.join(
                    || {
                        cur.apply_seq(as_faer_mut(panel.view_mut()), true);
                        factor_panel(panel.slice_mut(s![jb.., ..]), tau_next);
                        next_block = Some(Block::new(panel.slice(s![jb.., ..]), tau_next));
                        cur.apply_seq(as_faer_mut(mine), true);
                    },
                    || cur.apply_seq(as_faer_mut(theirs), true),
                );
                block = next_block.expect("the look-ahead formed the next block");
            }
        }
        j = next;
        jb = jb2;
    }
    tau
}

/// The look-ahead thread's panel work (apply, factor, form the block) counted as this many
/// columns of block update when the remaining columns are shared out (estimated: a 32-column
/// panel costs about as much as 16 update columns in flops, at a third of GEMM's speed, and
/// its `zlarft` another 16).
const LOOKAHEAD_COLS: usize = 96;

/// `(h, tau)` of LAPACK `zgeqrf` for `a` (checked for NaN and infinity): `R` on and above
/// `h`'s diagonal (real diagonal), the reflectors below it.
pub(crate) fn geqrf<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<(Array2<T>, Array1<T>)> {
    check_finite(&a, "a")?;
    let mut h = to_fortran(&a);
    let tau = geqrf_fortran(&mut h);
    Ok((h, Array1::from(tau)))
}

/// [`geqrf`] on a column-major working copy already checked by the caller; returns `tau`.
pub(crate) fn geqrf_fortran<T: LinalgScalar>(h: &mut Array2<T>) -> Vec<T> {
    let (m, n) = h.dim();
    let par = sweep_par(COMPLEX_FLOPS * gemm_flops(m, n, m.min(n)));
    geqrf_in_place(h.view_mut(), par)
}

/// LAPACK `zungqr`: the first `qcols` columns (`k ≤ qcols ≤ m`) of `Q = H_0 … H_{k-1}` from
/// `h` (`(m, ≥ k)`) and `tau` (`k` entries).
pub(crate) fn ungqr<T: LinalgScalar>(h: ArrayView2<'_, T>, tau: &[T], qcols: usize) -> Array2<T> {
    let m = h.nrows();
    let k = tau.len();
    let mut q = zeros_f(m, qcols);
    for i in 0..qcols {
        q[[i, i]] = T::one();
    }
    if k == 0 {
        return q;
    }
    let nb = NB.min(k);
    let par = sweep_par(COMPLEX_FLOPS * gemm_flops(m, qcols, k));
    // Backward over the blocks: before block [j0, j1) is applied, Q differs from the identity
    // only in rows and columns from j1 on, so the block acts on q[j0.., j0..] alone.
    let starts: Vec<usize> = (0..k).step_by(nb).collect();
    for &j0 in starts.iter().rev() {
        let j1 = (j0 + nb).min(k);
        let block = Block::new(h.slice(s![j0.., j0..j1]), &tau[j0..j1]);
        block.apply(as_faer_mut(q.slice_mut(s![j0.., j0..])), false, par);
    }
    q
}

/// LAPACK `zunmqr` from the left: `c ← Q c`, or `c ← Qᴴ c` with `adjoint`, for
/// `Q = H_0 … H_{k-1}` of `h` (`(m, ≥ k)`, `c` has `m` rows) and `tau` (`k` entries); with
/// `conj` the reflectors are conjugated first (`conj(Q)`). Blocks of [`NB`] reflectors, each
/// applied as three matrix products; `c` may have any strides (a transposed view serves
/// `c Q = (Qᵀ cᵀ)ᵀ = (conj(Q)ᴴ cᵀ)ᵀ` without a copy).
pub(crate) fn unmqr<T: LinalgScalar>(
    h: ArrayView2<'_, T>,
    tau: &[T],
    mut c: ArrayViewMut2<'_, T>,
    adjoint: bool,
    conj: bool,
) {
    let k = tau.len();
    let (m, nc) = c.dim();
    if k == 0 || nc == 0 {
        return;
    }
    let par = sweep_par(2.0 * COMPLEX_FLOPS * gemm_flops(m, nc, k));
    let mut starts: Vec<usize> = (0..k).step_by(NB).collect();
    // Q c = H_0 (… (H_{k-1} c)): the last block first; Qᴴ c applies the first block first.
    if !adjoint {
        starts.reverse();
    }
    for j0 in starts {
        let j1 = (j0 + NB).min(k);
        let block = Block::with_conj(h.slice(s![j0.., j0..j1]), &tau[j0..j1], conj);
        block.apply(as_faer_mut(c.slice_mut(s![j0.., ..])), adjoint, par);
    }
}

/// `(q, r)` of `a` with LAPACK's reflectors: `q` `(m, m)` and `r` `(m, n)` when `full`, else
/// `(m, k)` and `(k, n)`.
pub(crate) fn qr<T: LinalgScalar>(a: ArrayView2<'_, T>, full: bool) -> Result<(Array2<T>, Array2<T>)> {
    let (h, tau) = geqrf(a)?;
    let (m, n) = h.dim();
    let cols = if full { m } else { m.min(n) };
    let q = ungqr(h.view(), tau.as_slice().expect("a new 1-d array"), cols);
    Ok((q, crate::qr_raw::upper_rows(&h, cols)))
}

#[cfg(test)]
mod tests {
    use num_complex::Complex64 as C;

    use super::*;

    fn rand_mat(m: usize, n: usize, seed: u64) -> Array2<C> {
        let (re, im) = (
            crate::qr_blocked::tests::rand_mat(m, n, seed),
            crate::qr_blocked::tests::rand_mat(m, n, seed + 1000),
        );
        ndarray::Zip::from(&re).and(&im).map_collect(|&x, &y| C::new(x, y))
    }

    fn max_diff(a: &Array2<C>, b: &Array2<C>) -> f64 {
        a.iter().zip(b.iter()).fold(0.0f64, |acc, (x, y)| acc.max((x - y).norm()))
    }

    #[test]
    fn blocked_equals_the_unblocked_sweep_around_block_edges() {
        for (i, &(m, n)) in crate::qr_blocked::tests::BLOCK_EDGE_SHAPES.iter().enumerate() {
            let a = rand_mat(m, n, i as u64);
            let (h0, t0, _) = crate::geqp3::householder_sweep(a.view(), false).unwrap();
            let (h1, t1) = geqrf(a.view()).unwrap();
            let tol = 1e-13 * m.max(n) as f64;
            assert!(max_diff(&h0, &h1) < tol, "{m}x{n}: h differs by {}", max_diff(&h0, &h1));
            assert!(t0.iter().zip(&t1).all(|(x, y)| (x - y).norm() < tol), "{m}x{n}: tau");
            // Q from the reflectors one by one against the blocked ungqr
            let k = m.min(n);
            let mut qn = Array2::<C>::eye(m);
            crate::qr_multiply::apply_q(&h0, &t0, &mut qn, crate::procrustes::Side::Left);
            for cols in [k, m] {
                let q = ungqr(h1.view(), t1.as_slice().unwrap(), cols);
                let want = qn.slice(s![.., ..cols]).to_owned();
                assert!(max_diff(&q, &want) < tol, "{m}x{n} q {cols}: {}", max_diff(&q, &want));
            }
        }
    }

    #[test]
    fn look_ahead_factorization_equals_one_thread() {
        // 500x400: the trailing updates reach PAR_MIN_FLOPS, so the two-thread path runs
        let a = rand_mat(500, 400, 11);
        let (mut h1, mut h2) = (to_fortran(&a), to_fortran(&a));
        let t1 = geqrf_in_place(h1.view_mut(), Par::Seq);
        let t2 = geqrf_in_place(h2.view_mut(), Par::rayon(2));
        assert!(max_diff(&h1, &h2) < 1e-12, "h: {}", max_diff(&h1, &h2));
        assert!(t1.iter().zip(&t2).all(|(x, y)| (x - y).norm() < 1e-12), "tau");
        let (h0, t0, _) = crate::geqp3::householder_sweep(a.view(), false).unwrap();
        assert!(max_diff(&h0, &h2) < 1e-10, "against the unblocked sweep: {}", max_diff(&h0, &h2));
        assert!(t0.iter().zip(&t2).all(|(x, y)| (x - y).norm() < 1e-10), "tau against the sweep");
    }

    #[test]
    fn two_thread_block_update_equals_one_thread() {
        let (h, tau) = geqrf(rand_mat(400, 64, 7).view()).unwrap();
        let block = Block::new(h.view(), tau.as_slice().unwrap());
        let c = rand_mat(400, 300, 8);
        for adjoint in [false, true] {
            let (mut c1, mut c2) = (to_fortran(&c), to_fortran(&c));
            block.apply(as_faer_mut(c1.view_mut()), adjoint, Par::Seq);
            block.apply(as_faer_mut(c2.view_mut()), adjoint, Par::rayon(2));
            assert!(max_diff(&c1, &c2) < 1e-12, "adjoint {adjoint}: {}", max_diff(&c1, &c2));
            assert!(max_diff(&c1, &c) > 1e-3, "the block changed c");
        }
    }
}
