//! Householder QR in LAPACK's raw form, optionally column-pivoted: the loops of `?geqr2` and
//! `?laqp2` (the pivoted sweep), and LAPACK's blocked `?geqp3` built on them with `?laqps`
//! panels, for real and complex elements alike.
//!
//! The reflectors are `?larfg`'s (`H = I - tau v vᴴ`, `v[0] = 1`, `R`'s diagonal real and of
//! the opposite sign of the leading entry's real part); the pivots follow `?laqp2`: the first
//! column of largest (downdated) norm, columns swapped in place, norms downdated after each
//! step and recomputed when cancellation has eaten half of their digits. `?geqp3` runs
//! `?laqps` on panels of `NB` columns while more than `NX` reflectors remain (LAPACK's `ilaenv`
//! values, so the order of operations is LAPACK's and matrices of up to `NX` rows or columns
//! take the unblocked sweep alone): a panel applies its earlier reflectors only to the
//! column about to be reduced and to the pivot row, keeping `F = τ Aᴴ v` for the rest, and
//! updates the trailing block by one product `A -= V Fᴴ` at its end; a panel ends early when a
//! downdated norm has lost too much accuracy, and those norms are recomputed after the
//! product.

use faer::linalg::matmul::{matmul, matmul_with_conj};
use faer::{Accum, Conj, Par};
use ndarray::{Array1, Array2, ArrayView2, Axis, ShapeBuilder, s};
use num_traits::{Float, One, Zero};

#[cfg(target_arch = "x86_64")]
use crate::blas::zgemm;
use crate::blas::{dgemm, embed};
use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr_blocked::{as_f64_mut, as_f64_vec};
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::{as_faer, as_faer_mut, check_finite, to_fortran};

/// `(h, tau, p)`: `R` on and above `h`'s diagonal, the reflectors below it, their scalars, and
/// the 0-based column order (`a[:, p] = Q R`).
pub(crate) type RawPivoted<T> = (Array2<T>, Array1<T>, Array1<usize>);

/// Euclidean norm of non-negative values, rescaled against overflow and underflow.
pub(crate) fn two_norm<R: Float>(it: impl Iterator<Item = R> + Clone) -> R {
    let scale = it.clone().fold(R::zero(), |m, x| m.max(x.abs()));
    if scale.is_zero() {
        return R::zero();
    }
    scale * it.fold(R::zero(), |acc, x| acc + (x / scale) * (x / scale)).sqrt()
}

/// The Euclidean norm of a column: one unscaled pass of squares (8 partial sums, so that it
/// vectorizes) when their sum is neither infinite nor so small that squares may have underflowed,
/// otherwise [`two_norm`]'s scaled passes over the real and imaginary parts (no `hypot` either
/// way: it was a sixth of the complex factorization's time).
fn col_norm<T: LinalgScalar>(x: &[T]) -> RealOf<T> {
    const L: usize = 8;
    let mut acc = [RealOf::<T>::zero(); L];
    let chunks = x.chunks_exact(L);
    let rest = chunks.remainder();
    for c in chunks {
        for (a, z) in acc.iter_mut().zip(c) {
            *a = *a + z.re() * z.re() + z.im() * z.im();
        }
    }
    let s = rest.iter().fold(acc.iter().fold(RealOf::<T>::zero(), |s, &a| s + a), |s, z| {
        s + z.re() * z.re() + z.im() * z.im()
    });
    let eps = RealOf::<T>::epsilon();
    if s.is_finite() && s >= RealOf::<T>::min_positive_value() / (eps * eps) {
        return s.sqrt();
    }
    two_norm(x.iter().flat_map(|z| [z.re().abs(), z.im().abs()]))
}

/// `|z|`: for complex `z`, `sqrt(re² + im²)` when that sum is a normal number (within an ulp
/// of `hypot`, which took a tenth of the complex factorization's time in the norm downdates),
/// otherwise `hypot`'s overflow- and underflow-safe modulus.
#[inline]
fn abs<T: LinalgScalar>(z: T) -> RealOf<T> {
    if !T::IS_COMPLEX {
        return z.re().abs();
    }
    let s = z.re() * z.re() + z.im() * z.im();
    if s.is_normal() { s.sqrt() } else { z.modulus() }
}

/// `?larfg` on `x = [alpha; tail]`: overwrites `alpha` with `beta` and the tail with `v`'s,
/// returns `tau` (zero, `x` untouched, when the tail is zero and `alpha` real).
pub(crate) fn larfg<T: LinalgScalar>(x: &mut [T]) -> T {
    let Some((alpha, tail)) = x.split_first_mut() else { return T::zero() };
    let xnorm = col_norm(tail);
    let (ar, ai) = (alpha.re(), alpha.im());
    if xnorm.is_zero() && ai.is_zero() {
        return T::zero();
    }
    let mag = two_norm([ar, ai, xnorm].into_iter());
    // beta = -sign(mag, Re alpha), Fortran's SIGN: a negative zero counts as negative.
    let beta = if ar.is_sign_negative() { mag } else { -mag };
    let tau = (T::from_real(beta) - *alpha) / T::from_real(beta);
    let scale = T::one() / (*alpha - T::from_real(beta));
    tail.iter_mut().for_each(|v| *v *= scale);
    *alpha = T::from_real(beta);
    tau
}

/// Applies `Hᴴ = I - conj(tau) v vᴴ` (`v = [1; tail]`) to the column `c` (as long as `v`).
#[inline]
pub(crate) fn apply_reflector<T: LinalgScalar>(tail: &[T], ctau: T, c: &mut [T]) {
    let (c0, rest) = c.split_first_mut().expect("a column of at least one row");
    let s = *c0 + crate::blas::level1::dot_conj(tail, rest);
    let w = ctau * s;
    *c0 -= w;
    if T::IS_COMPLEX {
        // the crate's AVX2 kernel: the compiler leaves the complex loop scalar
        crate::blas::level1::axpy(rest, tail, -w);
    } else {
        for (x, v) in rest.iter_mut().zip(tail) {
            *x -= *v * w;
        }
    }
}

/// LAPACK `?geqp3`'s block size (`ilaenv`'s `nb` for `?geqrf`).
const NB: usize = 32;

/// LAPACK `?geqp3`'s crossover (`ilaenv`'s `nx`): the last `NX` reflectors (and all of them
/// when `min(m, n) ≤ NX`) come from the unblocked sweep.
const NX: usize = 128;

/// Work (real flops) below which a panel's trailing product stays on one thread (as the
/// blocked complex QR's).
const PAR_MIN_FLOPS: f64 = 3e7;

/// Trailing rows × columns below which a panel's matrix-vector products stay on one thread.
const PAR_MIN_ENTRIES: usize = 1 << 16;

/// `sqrt(dlamch('E'))`, LAPACK's unit roundoff being half the machine epsilon.
fn tol3z<T: LinalgScalar>() -> RealOf<T> {
    let half = RealOf::<T>::one() / (RealOf::<T>::one() + RealOf::<T>::one());
    (RealOf::<T>::epsilon() * half).sqrt()
}

/// `out[c] = scale · Σ_r conj(cols[c][r]) v[r]` over the column-major `cols` (`m` rows each,
/// rows `r0..` read): `out = scale · Aᴴ v` by the crate's AVX2 kernels for `f64` and
/// `Complex64` (`blas::dots_conj`), otherwise faer's matrix-vector product (SIMD chosen at run
/// time; a loop of `blas::level1::dot_conj` per column, compiled for the baseline x86-64, took 5 times as
/// long), on two threads (this one and the crate's helper) when `par` and the work is large.
fn scaled_dots<T: LinalgScalar>(
    cols: &[T],
    m: usize,
    r0: usize,
    v: &[T],
    scale: T,
    out: &mut [T],
    par: bool,
) {
    let nc = out.len();
    if nc == 0 {
        return;
    }
    let rows = m - r0;
    let half = |cols: &[T], out: &mut [T]| {
        if crate::blas::dots_conj(&cols[r0..], m, rows, v, scale, out) {
            return;
        }
        let a = faer::MatRef::from_column_major_slice_with_stride(&cols[r0..], rows, out.len(), m);
        matmul_with_conj(
            faer::ColMut::from_slice_mut(out).as_mat_mut(),
            Accum::Replace,
            a.transpose(),
            Conj::Yes,
            faer::ColRef::from_slice(v).as_mat(),
            Conj::No,
            scale,
            Par::Seq,
        );
    };
    if par
        && nc >= 16
        && nc * rows >= PAR_MIN_ENTRIES
        && let Some(lease) = crate::worker::lease()
    {
        let mid = nc / 2;
        let (o1, o2) = out.split_at_mut(mid);
        let c2 = &cols[mid * m..];
        lease.join(|| half(cols, o1), || half(c2, o2));
        return;
    }
    half(cols, out);
}

/// The working state of one factorization: `h` the column-major `(m, n)` matrix, the
/// reflector scalars, the column order and the two norm arrays of `?laqp2`/`?laqps` (`vn1`
/// downdated, `vn2` at the last exact computation; empty when not pivoting).
struct State<'a, T: LinalgScalar> {
    h: &'a mut Array2<T>,
    m: usize,
    n: usize,
    tau: &'a mut [T],
    p: &'a mut [usize],
    vn1: Vec<RealOf<T>>,
    vn2: Vec<RealOf<T>>,
    tol3z: RealOf<T>,
}

impl<T: LinalgScalar> State<'_, T> {
    /// `idamax` over the norms of columns `from..`: the first of the largest.
    fn pivot(&self, from: usize) -> usize {
        let mut pvt = from;
        for j in from + 1..self.n {
            if self.vn1[j] > self.vn1[pvt] {
                pvt = j;
            }
        }
        pvt
    }

    /// Swaps columns `i` and `pvt` (`pvt > i`) with their order entries; the norms of `i`
    /// move to `pvt` (the old ones of `pvt` are not needed again).
    fn swap_columns(&mut self, i: usize, pvt: usize) {
        let m = self.m;
        let (left, right) = sl(self.h).split_at_mut(pvt * m);
        left[i * m..(i + 1) * m].swap_with_slice(&mut right[..m]);
        self.p.swap(i, pvt);
        self.vn1[pvt] = self.vn1[i];
        self.vn2[pvt] = self.vn2[i];
    }

    /// `?laqp2` (or `?geqr2` when not pivoting) on columns `start..` with row offset `start`.
    fn laqp2(&mut self, start: usize, pivoting: bool) {
        let (m, n) = (self.m, self.n);
        let zero = RealOf::<T>::zero();
        let one = RealOf::<T>::one();
        for i in start..m.min(n) {
            if pivoting {
                let pvt = self.pivot(i);
                if pvt != i {
                    self.swap_columns(i, pvt);
                }
            }
            let t = larfg(&mut sl(self.h)[i * m + i..(i + 1) * m]);
            self.tau[i] = t;
            let (left, right) = sl(self.h).split_at_mut((i + 1) * m);
            let v = &left[i * m + i + 1..];
            if !t.is_zero() {
                let ct = t.conj();
                for col in right.chunks_exact_mut(m) {
                    apply_reflector(v, ct, &mut col[i..]);
                }
            }
            if !pivoting {
                continue;
            }
            for (j, col) in (i + 1..n).zip(right.chunks_exact(m)) {
                if self.vn1[j].is_zero() {
                    continue;
                }
                let ratio = abs(col[i]) / self.vn1[j];
                let temp = (one - ratio * ratio).max(zero);
                let q = self.vn1[j] / self.vn2[j];
                if temp * q * q <= self.tol3z {
                    self.vn1[j] = if i + 1 < m { col_norm(&col[i + 1..]) } else { zero };
                    self.vn2[j] = self.vn1[j];
                } else {
                    self.vn1[j] *= temp.sqrt();
                }
            }
        }
    }

    /// LAPACK `?laqps`: factors up to `nb` columns from `off` (rows from `off`), updating the
    /// pivot row of the trailing columns and their norms lazily through `f`
    /// (`F[c, i] = tau_i · A[:, off + c]ᴴ v_i` corrected for the earlier reflectors, stored
    /// column-major with `n - off` rows), then the trailing block by one product
    /// `A -= V Fᴴ`. Stops early after a step whose downdates lost too much accuracy, and
    /// recomputes those norms after the product. Returns the number of columns factored.
    fn laqps(&mut self, off: usize, nb: usize, f: &mut Vec<T>, par: bool) -> usize {
        let (m, n) = (self.m, self.n);
        let nn = n - off;
        let zero = RealOf::<T>::zero();
        let one = RealOf::<T>::one();
        let last = m.min(n);
        let mut recompute: Vec<usize> = Vec::new();
        let mut auxv = vec![T::zero(); nb];
        let mut row = vec![T::zero(); nb];
        let mut prow = vec![T::zero(); nn];
        let mut k = 0;
        while k < nb && recompute.is_empty() {
            let rk = off + k;
            let jk = off + k;
            let pvt = self.pivot(jk);
            if pvt != jk {
                self.swap_columns(jk, pvt);
                for i in 0..k {
                    f.swap(i * nn + k, i * nn + pvt - off);
                }
            }
            let minus_one = T::zero() - T::one();
            // A[rk.., jk] -= A[rk.., off..jk] conj(F[k, ..k]).
            if k > 0 {
                let (left, right) = sl(self.h).split_at_mut(jk * m);
                let blk =
                    faer::MatRef::from_column_major_slice_with_stride(&left[off * m + rk..], m - rk, k, m);
                let fm = faer::MatRef::from_column_major_slice(&f[..nn * nb], nn, nb);
                matmul_with_conj(
                    faer::ColMut::from_slice_mut(&mut right[rk..m]).as_mat_mut(),
                    Accum::Add,
                    blk,
                    Conj::No,
                    fm.row(k).subcols(0, k).transpose().as_mat(),
                    Conj::Yes,
                    minus_one,
                    Par::Seq,
                );
            }
            let t = larfg(&mut sl(self.h)[jk * m + rk..(jk + 1) * m]);
            self.tau[jk] = t;
            let akk = slr(self.h)[jk * m + rk];
            sl(self.h)[jk * m + rk] = T::one();
            // F[k + 1.., k] = tau A[rk.., jk + 1..]ᴴ v, rows ..=k zero.
            {
                let (left, right) = slr(self.h).split_at((jk + 1) * m);
                let v = &left[jk * m + rk..];
                let fk = &mut f[k * nn..(k + 1) * nn];
                fk[..=k].iter_mut().for_each(|x| *x = T::zero());
                scaled_dots(right, m, rk, v, t, &mut fk[k + 1..], par);
                if k > 0 {
                    // F[.., k] -= tau F[.., ..k] A[rk.., off..jk]ᴴ v.
                    let prev = &left[off * m..jk * m];
                    scaled_dots(prev, m, rk, v, T::zero() - t, &mut auxv[..k], false);
                    let fm = faer::MatMut::from_column_major_slice_mut(&mut f[..nn * nb], nn, nb);
                    let (fprev, fk) = fm.split_at_col_mut(k);
                    matmul(
                        fk.subrows_mut(k + 1, nn - k - 1).subcols_mut(0, 1),
                        Accum::Add,
                        fprev.as_ref().subrows(k + 1, nn - k - 1),
                        faer::ColRef::from_slice(&auxv[..k]).as_mat(),
                        T::one(),
                        Par::Seq,
                    );
                }
            }
            // The pivot row: A[rk, jk + 1..] -= A[rk, off..=jk] F[k + 1.., ..=k]ᴴ.
            for (i, r) in row[..=k].iter_mut().enumerate() {
                *r = slr(self.h)[(off + i) * m + rk];
            }
            {
                let fm = faer::MatRef::from_column_major_slice(&f[..nn * nb], nn, nb);
                let upd = &mut prow[..nn - k - 1];
                matmul_with_conj(
                    faer::ColMut::from_slice_mut(upd).as_mat_mut(),
                    Accum::Replace,
                    fm.submatrix(k + 1, 0, nn - k - 1, k + 1),
                    Conj::Yes,
                    faer::ColRef::from_slice(&row[..=k]).as_mat(),
                    Conj::No,
                    T::one(),
                    Par::Seq,
                );
                let h = sl(self.h);
                for (j, &u) in (jk + 1..n).zip(upd.iter()) {
                    h[j * m + rk] -= u;
                }
            }
            // Norm downdates; those that lost too much end the panel.
            if rk + 1 < last {
                for j in jk + 1..n {
                    if self.vn1[j].is_zero() {
                        continue;
                    }
                    let ratio = abs(slr(self.h)[j * m + rk]) / self.vn1[j];
                    let temp = ((one + ratio) * (one - ratio)).max(zero);
                    let q = self.vn1[j] / self.vn2[j];
                    if temp * q * q <= self.tol3z {
                        recompute.push(j);
                    } else {
                        self.vn1[j] *= temp.sqrt();
                    }
                }
            }
            sl(self.h)[jk * m + rk] = akk;
            k += 1;
        }
        let kb = k;
        let rk = off + kb;
        if kb < nn.min(m - off) {
            // A[rk.., off + kb..] -= A[rk.., off..off + kb] F[kb.., ..kb]ᴴ.
            trailing_update(self.h, f, off, kb, nb, par);
        }
        for j in recompute {
            self.vn1[j] = col_norm(&slr(self.h)[j * m + rk..(j + 1) * m]);
            self.vn2[j] = self.vn1[j];
        }
        kb
    }
}

/// The column-major data of the working matrix.
fn sl<T>(h: &mut Array2<T>) -> &mut [T] {
    h.as_slice_memory_order_mut().expect("a Fortran-order working matrix")
}

/// [`sl`], read only.
fn slr<T>(h: &Array2<T>) -> &[T] {
    h.as_slice_memory_order().expect("a Fortran-order working matrix")
}

/// `?laqps`'s block update `A[rk.., off + kb..] -= A[rk.., off..off + kb] F[kb.., ..kb]ᴴ`
/// (`rk = off + kb`, `f` column-major with `n - off` rows and `nb` columns): `f64` on the
/// crate's GEMM, `Complex64` on its complex GEMM (`blas::zgemm`, AVX-512F) or else on the
/// real GEMM through `blas::embed`, other types on faer's.
fn trailing_update<T: LinalgScalar>(
    h: &mut Array2<T>,
    f: &Vec<T>,
    off: usize,
    kb: usize,
    nb: usize,
    par: bool,
) {
    let (m, n) = h.dim();
    let nn = n - off;
    let rk = off + kb;
    if let (Some(h), Some(f)) = (as_f64_mut(h), as_f64_vec(f)) {
        let fv = ArrayView2::from_shape((nn, nb).f(), &f[..nn * nb]).expect("an (nn, nb) block");
        let (v, c) = h.view_mut().split_at(Axis(1), off + kb);
        let flops = gemm_flops(m - rk, nn - kb, kb);
        let par = if par { par_for(Kernel::Dgemm, flops) } else { Par::Seq };
        dgemm(
            -1.0,
            v.slice(s![rk.., off..]),
            fv.slice(s![kb.., ..kb]).t(),
            1.0,
            c.slice_move(s![rk.., ..]),
            par,
        );
        return;
    }
    let fv = ArrayView2::from_shape((nn, nb).f(), &f[..nn * nb]).expect("an (nn, nb) block");
    let (v, c) = h.view_mut().split_at(Axis(1), off + kb);
    let (v, fv) = (as_faer(v.slice(s![rk.., off..])), as_faer(fv.slice(s![kb.., ..kb])));
    #[cfg(target_arch = "x86_64")]
    if zgemm::for_reflectors::<T>() {
        let c = as_faer_mut(c.slice_move(s![rk.., ..]));
        let flops = 4.0 * gemm_flops(c.nrows(), c.ncols(), kb);
        let threads = if par { par_for(Kernel::Dgemm, flops).degree() } else { 1 };
        zgemm::zgemm_mat(T::zero() - T::one(), v, false, fv, true, T::one(), c, threads);
        return;
    }
    if embed::enabled::<T>() {
        // Complex128 on the real GEMM (`blas::embed`): interleaved C -= embed(V) [re Fᴴ; im Fᴴ].
        let (ve, fs) = (embed::embed(v), embed::stack(fv, true));
        let cf =
            embed::interleaved_mut(as_faer_mut(c.slice_move(s![rk.., ..]))).expect("a column-major block");
        let flops = gemm_flops(cf.nrows(), cf.ncols(), fs.nrows());
        let par = if par { par_for(Kernel::Dgemm, flops) } else { Par::Seq };
        dgemm(-1.0, ve.view(), fs.view(), 1.0, cf, par);
        return;
    }
    let update = |c: faer::MatMut<'_, T>, rows: std::ops::Range<usize>| {
        matmul(
            c,
            Accum::Add,
            v,
            fv.subrows(rows.start, rows.len()).adjoint(),
            T::zero() - T::one(),
            Par::Seq,
        );
    };
    let c = as_faer_mut(c.slice_move(s![rk.., ..]));
    let nc = c.ncols();
    let flops = if T::IS_COMPLEX { 4.0 } else { 1.0 } * gemm_flops(c.nrows(), nc, kb);
    if let Some(lease) = (par && nc >= 16 && flops >= PAR_MIN_FLOPS).then(crate::worker::lease).flatten() {
        let mid = nc / 2;
        let (c1, c2) = c.split_at_col_mut(mid);
        lease.join(|| update(c1, 0..mid), || update(c2, mid..nc));
    } else {
        update(c, 0..nc);
    }
}

/// The Householder sweep over `a`'s columns (see the module), pivoted or not; `p` is the
/// identity order when not pivoted.
#[cfg(test)]
pub(crate) fn householder_sweep<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    pivoting: bool,
) -> Result<RawPivoted<T>> {
    factor(a, pivoting, false)
}

/// [`householder_sweep`] (`blocked` false), or with `blocked` (pivoted only) LAPACK
/// `?geqp3`'s blocked factorization: `?laqps` panels of `NB` columns while more than `NX` of
/// the `min(m, n)` reflectors remain, then the `?laqp2` sweep.
fn factor<T: LinalgScalar>(a: ArrayView2<'_, T>, pivoting: bool, blocked: bool) -> Result<RawPivoted<T>> {
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut h = to_fortran(&a);
    let mut tau = vec![T::zero(); k];
    let mut p: Vec<usize> = (0..n).collect();
    if k == 0 {
        return Ok((h, Array1::from(tau), Array1::from(p)));
    }
    let vn1: Vec<RealOf<T>> =
        if pivoting { slr(&h).chunks_exact(m).map(col_norm).collect() } else { Vec::new() };
    let vn2 = vn1.clone();
    let mut st = State { h: &mut h, m, n, tau: &mut tau, p: &mut p, vn1, vn2, tol3z: tol3z::<T>() };
    let mut j = 0;
    if pivoting && blocked && NB < k && NX < k {
        // Half of the work is in the panels' matrix-vector products, half in the products.
        let flops = if T::IS_COMPLEX { 4.0 } else { 1.0 } * gemm_flops(m, n, k);
        let par = par_for(Kernel::Gemm, flops) != Par::Seq;
        let mut f = vec![T::zero(); n * NB];
        let top = k - NX;
        while j < top {
            let jb = NB.min(top - j);
            j += st.laqps(j, jb, &mut f, par);
        }
    }
    st.laqp2(j, pivoting);
    Ok((h, Array1::from(tau), Array1::from(p)))
}

/// LAPACK `?geqp3` (see the module): the pivoted factorization, blocked when more than
/// `NX` reflectors are to be made, otherwise [`householder_sweep`]'s.
pub(crate) fn geqp3<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<RawPivoted<T>> {
    factor(a, true, true)
}

/// `?geqp3` through LAPACK (the `lapack` feature, real input).
#[cfg(feature = "lapack")]
pub(crate) fn geqp3_lapack<T: crate::LinalgFloat>(a: ArrayView2<'_, T>) -> Result<RawPivoted<T>> {
    use crate::lapack::{buf, dim};
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut h = to_fortran(&a);
    let mut tau = vec![T::zero(); k];
    if k == 0 {
        return Ok((h, Array1::from(tau), (0..n).collect()));
    }
    let mut jpvt = vec![0; n];
    T::geqp3(dim(m, "a")?, dim(n, "a")?, buf(&mut h), &mut jpvt, &mut tau);
    let p = jpvt.iter().map(|&j| usize::try_from(j - 1).expect("LAPACK's 1-based pivots")).collect();
    Ok((h, Array1::from(tau), p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn ties_go_to_the_first_column_and_norms_are_downdated() {
        // All three columns of norm 3: the first is taken, then the downdated norms tie again.
        let a = array![[1.0, 2.0, 2.0], [2.0, 1.0, 2.0], [2.0, 2.0, 1.0]];
        let (h, tau, p) = geqp3(a.view()).unwrap();
        assert_eq!(p[0], 0);
        assert!((h[[0, 0]] + 3.0).abs() < 1e-15);
        assert!((tau[0] - 4.0 / 3.0).abs() < 1e-15);
        // unpivoted: the identity order
        let (_, _, p) = householder_sweep(a.view(), false).unwrap();
        assert_eq!(p.to_vec(), vec![0, 1, 2]);
    }

    fn max_diff<T: LinalgScalar>(a: &Array2<T>, b: &Array2<T>) -> f64 {
        a.iter()
            .zip(b)
            .fold(0.0, |acc, (x, y)| acc.max(num_traits::ToPrimitive::to_f64(&(*x - *y).modulus()).unwrap()))
    }

    /// The blocked path against the unblocked sweep: the same pivots, and `h`, `tau` to rounding.
    fn blocked_equals_unblocked<T: LinalgScalar>(a: &Array2<T>, par: bool, tol: f64) {
        let (h0, t0, p0) = factor(a.view(), true, false).unwrap();
        let (h1, t1, p1) = if par {
            let (m, n) = a.dim();
            let mut h = to_fortran(a);
            let mut tau = vec![T::zero(); m.min(n)];
            let mut p: Vec<usize> = (0..n).collect();
            let vn1: Vec<RealOf<T>> = slr(&h).chunks_exact(m).map(col_norm).collect();
            let vn2 = vn1.clone();
            let mut st = State { h: &mut h, m, n, tau: &mut tau, p: &mut p, vn1, vn2, tol3z: tol3z::<T>() };
            let mut f = vec![T::zero(); n * NB];
            let mut j = 0;
            while j < m.min(n) - NX {
                j += st.laqps(j, NB.min(m.min(n) - NX - j), &mut f, true);
            }
            st.laqp2(j, true);
            (h, Array1::from(tau), Array1::from(p))
        } else {
            geqp3(a.view()).unwrap()
        };
        assert_eq!(p0, p1);
        let (hd, td) = (
            max_diff(&h0, &h1),
            max_diff(&t0.insert_axis(ndarray::Axis(1)), &t1.insert_axis(ndarray::Axis(1))),
        );
        assert!(hd < tol && td < tol, "{:?}: h {hd}, tau {td}", a.dim());
    }

    #[test]
    fn blocked_panels_equal_the_unblocked_sweep() {
        use num_complex::Complex64 as C;
        let rand = crate::qr_blocked::tests::rand_mat;
        for (i, &(m, n)) in [(300, 200), (200, 300), (161, 161), (129, 400)].iter().enumerate() {
            let a = rand(m, n, i as u64);
            blocked_equals_unblocked(&a, false, 1e-11);
            blocked_equals_unblocked(&a, true, 1e-11);
        }
        let z =
            ndarray::Zip::from(&rand(260, 230, 7)).and(&rand(260, 230, 8)).map_collect(|&x, &y| C::new(x, y));
        blocked_equals_unblocked(&z, false, 1e-11);
        blocked_equals_unblocked(&z, true, 1e-11);
        // rank 40 with repeated columns: the panels stop early to recompute cancelled norms
        let b = rand(300, 40, 9);
        let mut a = Array2::<f64>::zeros((300, 200));
        for j in 0..200 {
            a.column_mut(j).assign(&b.column((j * 7) % 40));
            a[[j % 300, j]] += 1e-3 * (j as f64 + 1.0);
        }
        blocked_equals_unblocked(&a, false, 1e-10);
    }
}
