//! Schur decomposition: `schur` (real, quasi-triangular), `schur_complex` and `rsf2csf`.
//!
//! faer 0.24 keeps its Schur kernels private, so the real Schur form is computed here: a
//! Householder reduction to Hessenberg form (faer's, see [`crate::hessenberg`]) followed by
//! the Francis double-shift QR iteration of LAPACK's `dlahqr`, with `dlanv2` putting every
//! 2×2 block into standard form (equal diagonal, off-diagonal entries of opposite signs), as
//! LAPACK's `dgees` (which SciPy calls) does.

use ndarray::{Array2, ArrayBase, Data, Ix2};
use num_complex::Complex;

use crate::error::{LinalgError, Result};
use crate::hessenberg::hessenberg_in_place;
use crate::scalar::{LinalgFloat, check_finite, check_square, check_square_finite, to_fortran};

/// Fortran's `SIGN(a, b)`: `|a|` with the sign of `b`.
#[inline]
fn sign<T: LinalgFloat>(a: T, b: T) -> T {
    if b >= T::zero() { a.abs() } else { -a.abs() }
}

/// LAPACK `dlanv2`: the Schur factorization of a real 2×2 nonsymmetric matrix in
/// standardized form. Returns `(a, b, c, d, cs, sn)`; the rotation `[cs -sn; sn cs]` gives
/// `[a b; c d] = R · [a' b'; c' d'] · Rᵀ` with `c' = 0` or `a' = d'` and `b'·c' < 0`.
#[allow(clippy::many_single_char_names)]
pub(crate) fn lanv2<T: LinalgFloat>(mut a: T, mut b: T, mut c: T, mut d: T) -> (T, T, T, T, T, T) {
    let zero = T::zero();
    let one = T::one();
    let half = T::lit(0.5);
    let eps = T::epsilon();
    let (mut cs, mut sn);
    if c == zero {
        cs = one;
        sn = zero;
    } else if b == zero {
        cs = zero;
        sn = one;
        std::mem::swap(&mut a, &mut d);
        b = -c;
        c = zero;
    } else if a - d == zero && sign(one, b) != sign(one, c) {
        cs = one;
        sn = zero;
    } else {
        let temp = a - d;
        let mut p = half * temp;
        let bcmax = b.abs().max(c.abs());
        let bcmis = b.abs().min(c.abs()) * sign(one, b) * sign(one, c);
        let scale = p.abs().max(bcmax);
        let mut z = (p / scale) * p + (bcmax / scale) * bcmis;
        if z >= T::lit(4.0) * eps {
            // Real eigenvalues: compute a and d.
            z = p + sign(scale.sqrt() * z.sqrt(), p);
            a = d + z;
            d -= (bcmax / z) * bcmis;
            let tau = c.hypot(z);
            cs = z / tau;
            sn = c / tau;
            b -= c;
            c = zero;
        } else {
            // Complex or almost equal real eigenvalues: make the diagonal elements equal.
            let sigma = b + c;
            let tau = sigma.hypot(temp);
            cs = (half * (one + sigma.abs() / tau)).sqrt();
            sn = -(p / (tau * cs)) * sign(one, sigma);
            let aa = a * cs + b * sn;
            let bb = -a * sn + b * cs;
            let cc = c * cs + d * sn;
            let dd = -c * sn + d * cs;
            a = aa * cs + cc * sn;
            b = bb * cs + dd * sn;
            c = -aa * sn + cc * cs;
            d = -bb * sn + dd * cs;
            let temp = half * (a + d);
            a = temp;
            d = temp;
            if c != zero {
                if b != zero {
                    if sign(one, b) == sign(one, c) {
                        // Real eigenvalues: reduce to upper triangular form.
                        let sab = b.abs().sqrt();
                        let sac = c.abs().sqrt();
                        p = sign(sab * sac, c);
                        let tau = one / (b + c).abs().sqrt();
                        a = temp + p;
                        d = temp - p;
                        b -= c;
                        c = zero;
                        let cs1 = sab * tau;
                        let sn1 = sac * tau;
                        let t = cs * cs1 - sn * sn1;
                        sn = cs * sn1 + sn * cs1;
                        cs = t;
                    }
                } else {
                    b = -c;
                    c = zero;
                    let t = cs;
                    cs = -sn;
                    sn = t;
                }
            }
        }
    }
    (a, b, c, d, cs, sn)
}

/// Eigenvalues of a standardized 2×2 block `[a b; c d]` from [`lanv2`], `(re1, im1, re2, im2)`
/// with the positive imaginary part first (LAPACK's order).
fn block_eigs<T: LinalgFloat>(a: T, b: T, c: T, d: T) -> (T, T, T, T) {
    if c == T::zero() {
        (a, T::zero(), d, T::zero())
    } else {
        let im = b.abs().sqrt() * c.abs().sqrt();
        (a, im, d, -im)
    }
}

/// LAPACK `dlarfg` on a vector of length 2 or 3 held in `v`: returns `tau` and overwrites
/// `v[0]` with `beta` and `v[1..]` with the reflector's tail.
fn larfg<T: LinalgFloat>(v: &mut [T]) -> T {
    let xnorm = v[1..].iter().fold(T::zero(), |acc, &x| acc.hypot(x));
    if xnorm == T::zero() {
        return T::zero();
    }
    let alpha = v[0];
    let beta = -sign(alpha.hypot(xnorm), alpha);
    let tau = (beta - alpha) / beta;
    let scale = T::one() / (alpha - beta);
    for x in &mut v[1..] {
        *x *= scale;
    }
    v[0] = beta;
    tau
}

/// A column-major square matrix over a slice: `m[[i, j]]` is `d[i + j·n]` (one bounds check
/// instead of ndarray's two, in the hot loops of the QR iteration).
struct ColMajor<'a, T> {
    d: &'a mut [T],
    n: usize,
}

impl<T> std::ops::Index<[usize; 2]> for ColMajor<'_, T> {
    type Output = T;
    #[inline(always)]
    fn index(&self, [i, j]: [usize; 2]) -> &T {
        &self.d[i + j * self.n]
    }
}

impl<T> std::ops::IndexMut<[usize; 2]> for ColMajor<'_, T> {
    #[inline(always)]
    fn index_mut(&mut self, [i, j]: [usize; 2]) -> &mut T {
        &mut self.d[i + j * self.n]
    }
}

impl<T: LinalgFloat> ColMajor<'_, T> {
    /// BLAS `drot` on columns `j1`, `j2` over rows `rows`.
    fn rot_cols(&mut self, rows: std::ops::Range<usize>, j1: usize, j2: usize, c: T, s: T) {
        for r in rows {
            let (x, y) = (self[[r, j1]], self[[r, j2]]);
            self[[r, j1]] = c * x + s * y;
            self[[r, j2]] = c * y - s * x;
        }
    }

    /// BLAS `drot` on rows `i1`, `i2` over columns `cols`.
    fn rot_rows(&mut self, cols: std::ops::Range<usize>, i1: usize, i2: usize, c: T, s: T) {
        for k in cols {
            let (x, y) = (self[[i1, k]], self[[i2, k]]);
            self[[i1, k]] = c * x + s * y;
            self[[i2, k]] = c * y - s * x;
        }
    }
}

/// LAPACK `dlahqr` with `wantt = wantz = true`, `ilo = 0`, `ihi = n - 1`: reduces the upper
/// Hessenberg `h` to real Schur form in place, accumulating the transformations into `z`.
/// Returns `Err(i)` when eigenvalue `i` did not converge.
#[allow(clippy::many_single_char_names)]
fn lahqr<T: LinalgFloat>(h: &mut Array2<T>, z: &mut Array2<T>) -> std::result::Result<(), usize> {
    let n = h.nrows();
    if n <= 1 {
        return Ok(());
    }
    let mut h = ColMajor { d: h.as_slice_memory_order_mut().expect("contiguous"), n };
    let mut z = ColMajor { d: z.as_slice_memory_order_mut().expect("contiguous"), n };
    for j in 0..n.saturating_sub(3) {
        h[[j + 2, j]] = T::zero();
        h[[j + 3, j]] = T::zero();
    }
    if n >= 3 {
        h[[n - 1, n - 3]] = T::zero();
    }
    let zero = T::zero();
    let dat1 = T::lit(0.75);
    let dat2 = T::lit(-0.4375);
    const KEXSH: usize = 10;
    let safmin = T::min_positive_value();
    let ulp = T::epsilon();
    let smlnum = safmin * (T::lit(n as f64) / ulp);
    let (i1, i2) = (0usize, n - 1);
    let itmax = 30 * n.max(10);
    let mut kdefl = 0usize;
    // `i` is one past the last row of the active block (Fortran's I is i - 1 here).
    let mut i = n;
    while i >= 1 {
        let ii = i - 1; // Fortran I (0-based)
        let mut l = 0usize;
        let mut converged = false;
        for _its in 0..=itmax {
            // Look for a single small subdiagonal element.
            let mut k = ii;
            while k > l {
                if h[[k, k - 1]].abs() <= smlnum {
                    break;
                }
                let mut tst = h[[k - 1, k - 1]].abs() + h[[k, k]].abs();
                if tst == zero {
                    if k >= 2 {
                        tst += h[[k - 1, k - 2]].abs();
                    }
                    if k + 1 < n {
                        tst += h[[k + 1, k]].abs();
                    }
                }
                if h[[k, k - 1]].abs() <= ulp * tst {
                    let ab = h[[k, k - 1]].abs().max(h[[k - 1, k]].abs());
                    let ba = h[[k, k - 1]].abs().min(h[[k - 1, k]].abs());
                    let aa = h[[k, k]].abs().max((h[[k - 1, k - 1]] - h[[k, k]]).abs());
                    let bb = h[[k, k]].abs().min((h[[k - 1, k - 1]] - h[[k, k]]).abs());
                    let s = aa + ab;
                    if ba * (ab / s) <= smlnum.max(ulp * (bb * (aa / s))) {
                        break;
                    }
                }
                k -= 1;
            }
            l = k;
            if l > 0 {
                h[[l, l - 1]] = zero;
            }
            if l + 1 >= ii {
                converged = true;
                break;
            }
            kdefl += 1;
            let (mut h11, mut h12, mut h21, mut h22);
            if kdefl.is_multiple_of(2 * KEXSH) {
                let s = h[[ii, ii - 1]].abs() + h[[ii - 1, ii - 2]].abs();
                h11 = dat1 * s + h[[ii, ii]];
                h12 = dat2 * s;
                h21 = s;
                h22 = h11;
            } else if kdefl.is_multiple_of(KEXSH) {
                let s = h[[l + 1, l]].abs() + h[[l + 2, l + 1]].abs();
                h11 = dat1 * s + h[[l, l]];
                h12 = dat2 * s;
                h21 = s;
                h22 = h11;
            } else {
                h11 = h[[ii - 1, ii - 1]];
                h21 = h[[ii, ii - 1]];
                h12 = h[[ii - 1, ii]];
                h22 = h[[ii, ii]];
            }
            let s = h11.abs() + h12.abs() + h21.abs() + h22.abs();
            let (rt1r, rt1i, rt2r, rt2i);
            if s == zero {
                (rt1r, rt1i, rt2r, rt2i) = (zero, zero, zero, zero);
            } else {
                h11 /= s;
                h21 /= s;
                h12 /= s;
                h22 /= s;
                let tr = (h11 + h22) / T::lit(2.0);
                let det = (h11 - tr) * (h22 - tr) - h12 * h21;
                let rtdisc = det.abs().sqrt();
                if det >= zero {
                    rt1r = tr * s;
                    rt2r = rt1r;
                    rt1i = rtdisc * s;
                    rt2i = -rt1i;
                } else {
                    let a = tr + rtdisc;
                    let b = tr - rtdisc;
                    let r = if (a - h22).abs() <= (b - h22).abs() { a * s } else { b * s };
                    rt1r = r;
                    rt2r = r;
                    rt1i = zero;
                    rt2i = zero;
                }
            }
            // Look for two consecutive small subdiagonal elements.
            let mut v = [zero; 3];
            let mut m = ii - 2;
            loop {
                let h21s = h[[m + 1, m]];
                let s = (h[[m, m]] - rt2r).abs() + rt2i.abs() + h21s.abs();
                let h21s = h[[m + 1, m]] / s;
                v[0] =
                    h21s * h[[m, m + 1]] + (h[[m, m]] - rt1r) * ((h[[m, m]] - rt2r) / s) - rt1i * (rt2i / s);
                v[1] = h21s * (h[[m, m]] + h[[m + 1, m + 1]] - rt1r - rt2r);
                v[2] = h21s * h[[m + 2, m + 1]];
                let s = v[0].abs() + v[1].abs() + v[2].abs();
                v[0] /= s;
                v[1] /= s;
                v[2] /= s;
                if m == l {
                    break;
                }
                let h00 = h[[m, m - 1]].abs() * (v[1].abs() + v[2].abs());
                let h01 = v[0].abs() * (h[[m - 1, m - 1]].abs() + h[[m, m]].abs() + h[[m + 1, m + 1]].abs());
                if h00 <= ulp * h01 {
                    break;
                }
                m -= 1;
            }
            // Double-shift QR step.
            for k in m..ii {
                let nr = 3.min(ii - k + 1);
                if k > m {
                    for (t, vt) in v.iter_mut().enumerate().take(nr) {
                        *vt = h[[k + t, k - 1]];
                    }
                }
                let t1 = larfg(&mut v[..nr]);
                if k > m {
                    h[[k, k - 1]] = v[0];
                    h[[k + 1, k - 1]] = zero;
                    if k + 1 < ii {
                        h[[k + 2, k - 1]] = zero;
                    }
                } else if m > l {
                    h[[k, k - 1]] *= T::one() - t1;
                }
                let v2 = v[1];
                let t2 = t1 * v2;
                if nr == 3 {
                    let v3 = v[2];
                    let t3 = t1 * v3;
                    for j in k..=i2 {
                        let sum = h[[k, j]] + v2 * h[[k + 1, j]] + v3 * h[[k + 2, j]];
                        h[[k, j]] -= sum * t1;
                        h[[k + 1, j]] -= sum * t2;
                        h[[k + 2, j]] -= sum * t3;
                    }
                    for j in i1..=(k + 3).min(ii) {
                        let sum = h[[j, k]] + v2 * h[[j, k + 1]] + v3 * h[[j, k + 2]];
                        h[[j, k]] -= sum * t1;
                        h[[j, k + 1]] -= sum * t2;
                        h[[j, k + 2]] -= sum * t3;
                    }
                    for j in 0..n {
                        let sum = z[[j, k]] + v2 * z[[j, k + 1]] + v3 * z[[j, k + 2]];
                        z[[j, k]] -= sum * t1;
                        z[[j, k + 1]] -= sum * t2;
                        z[[j, k + 2]] -= sum * t3;
                    }
                } else if nr == 2 {
                    for j in k..=i2 {
                        let sum = h[[k, j]] + v2 * h[[k + 1, j]];
                        h[[k, j]] -= sum * t1;
                        h[[k + 1, j]] -= sum * t2;
                    }
                    for j in i1..=ii {
                        let sum = h[[j, k]] + v2 * h[[j, k + 1]];
                        h[[j, k]] -= sum * t1;
                        h[[j, k + 1]] -= sum * t2;
                    }
                    for j in 0..n {
                        let sum = z[[j, k]] + v2 * z[[j, k + 1]];
                        z[[j, k]] -= sum * t1;
                        z[[j, k + 1]] -= sum * t2;
                    }
                }
            }
        }
        if !converged {
            return Err(ii);
        }
        if l + 1 == ii {
            // A 2×2 block: standardize it and apply the rotation to the rest.
            let (a, b, c, d, cs, sn) =
                lanv2(h[[ii - 1, ii - 1]], h[[ii - 1, ii]], h[[ii, ii - 1]], h[[ii, ii]]);
            h[[ii - 1, ii - 1]] = a;
            h[[ii - 1, ii]] = b;
            h[[ii, ii - 1]] = c;
            h[[ii, ii]] = d;
            if i2 > ii {
                h.rot_rows(ii + 1..i2 + 1, ii - 1, ii, cs, sn);
            }
            h.rot_cols(i1..ii - 1, ii - 1, ii, cs, sn);
            z.rot_cols(0..n, ii - 1, ii, cs, sn);
        }
        kdefl = 0;
        i = l;
    }
    Ok(())
}

/// Real Schur form of a Fortran-order finite square matrix: `(t, z)` with `a = z t zᵀ`.
pub(crate) fn real_schur<T: LinalgFloat>(a: Array2<T>) -> Result<(Array2<T>, Array2<T>)> {
    // lahqr indexes the buffers as column-major
    let mut t = if a.t().is_standard_layout() { a } else { to_fortran(&a) };
    let mut z = hessenberg_in_place(&mut t);
    lahqr(&mut t, &mut z).map_err(|_| LinalgError::NoConvergence { iterations: 30 * t.nrows().max(10) })?;
    Ok((t, z))
}

/// Real Schur decomposition `a = z · t · zᵀ`: `z` is orthogonal and `t` quasi-upper
/// triangular, with 1×1 blocks for real eigenvalues and 2×2 blocks
/// `[[α, β], [γ, α]]` (`β·γ < 0`) for each complex-conjugate pair `α ± i√(−βγ)`.
///
/// The matrix is reduced to Hessenberg form by Householder reflections and then to Schur form
/// by the Francis double-shift QR iteration (LAPACK's `dlahqr`, with `dlanv2` standardizing
/// the 2×2 blocks). The Schur form is not unique: the order of the eigenvalues along the
/// diagonal and the signs of `z`'s columns may differ from SciPy's, while `t`'s eigenvalues
/// and the reconstruction agree. The empty `0×0` matrix gives two empty matrices.
///
/// SciPy equivalent: `scipy.linalg.schur(a, output='real')` (without `sort`).
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`]
/// when the QR iteration exhausts its `30·max(10, n)` iterations per eigenvalue.
///
/// # Examples
///
/// ```
/// use sci_linalg::schur;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]];
/// let (t, z) = schur(&a).unwrap();
/// assert_allclose(&z.dot(&t).dot(&z.t()), &a, 1e-14, 1e-13);
/// // the eigenvalues are real here (3 ∓ √3 and 3), so t is upper triangular
/// assert!(t[[1, 0]] == 0.0 && t[[2, 0]] == 0.0 && t[[2, 1]] == 0.0);
/// let mut w: Vec<f64> = t.diag().to_vec();
/// w.sort_by(f64::total_cmp);
/// assert_allclose(&sci_linalg::sci_array::ndarray::Array1::from(w),
///     &array![3.0 - 3f64.sqrt(), 3.0, 3.0 + 3f64.sqrt()], 1e-14, 0.0);
/// // a rotation block stays a standardized 2×2 block: [[α, β], [γ, α]] with βγ < 0
/// let (t, _) = schur(&array![[1.0, 2.0], [-3.0, 1.0]]).unwrap();
/// assert!(t[[0, 0]] == t[[1, 1]] && t[[0, 1]] * t[[1, 0]] < 0.0);
/// ```
pub fn schur<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<(Array2<T>, Array2<T>)> {
    check_square_finite(a, "a")?;
    real_schur(to_fortran(a))
}

/// Complex Schur decomposition `a = z · t · zᴴ` of a real or complex matrix: `z` is unitary
/// and `t` upper triangular with the eigenvalues on its diagonal.
///
/// For real `a` computed as [`schur`] followed by [`rsf2csf`]. As in [`schur`], the eigenvalue order and
/// the phases of `z`'s columns may differ from SciPy's.
///
/// SciPy equivalent: `scipy.linalg.schur(a, output='complex')` (real `a`; for complex `a`,
/// SciPy's `schur(a)`).
///
/// # Errors
///
/// As [`schur`].
///
/// # Examples
///
/// ```
/// use sci_linalg::schur_complex;
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[0.0, -2.0], [2.0, 0.0]]; // eigenvalues ±2i
/// let (t, z) = schur_complex(&a).unwrap();
/// let t00: Complex64 = t[[0, 0]];
/// assert!(t[[1, 0]].norm() == 0.0);
/// assert!((t00.im.abs() - 2.0).abs() < 1e-14 && t00.re.abs() < 1e-14);
/// let back: Complex64 = z.dot(&t).dot(&z.t().mapv(|x| x.conj()))[[1, 0]];
/// assert!((back.re - 2.0).abs() < 1e-14);
/// ```
///
/// Complex input (computed by Hessenberg reduction and single-shift complex QR sweeps, as
/// LAPACK `zlahqr`):
///
/// ```
/// use sci_linalg::schur_complex;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 1.0), C::new(2.0, 0.0)], [C::new(0.0, -1.0), C::new(3.0, 0.5)]];
/// let (t, z) = schur_complex(&a)?;
/// assert_eq!(t[[1, 0]], C::new(0.0, 0.0));
/// assert_allclose(&z.dot(&t).dot(&z.t().mapv(|x| x.conj())), &a, 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn schur_complex<T: crate::LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<Complex<crate::RealOf<T>>>, Array2<Complex<crate::RealOf<T>>>)> {
    T::schur_c_k(a.view())
}

/// [`schur_complex`] of a real matrix: [`schur`] then [`rsf2csf`].
#[allow(clippy::type_complexity)]
pub(crate) fn schur_complex_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<Complex<T>>, Array2<Complex<T>>)> {
    let (t, z) = schur(a)?;
    Ok(rsf2csf_unchecked(&t, &z))
}

pub(crate) fn rsf2csf_unchecked<T: LinalgFloat>(
    t: &Array2<T>,
    z: &Array2<T>,
) -> (Array2<Complex<T>>, Array2<Complex<T>>) {
    let n = t.nrows();
    let cz = |x: T| Complex::new(x, T::zero());
    let mut t = t.mapv(cz);
    let mut z = z.mapv(cz);
    let eps = T::epsilon();
    for m in (1..n).rev() {
        let sub = t[[m, m - 1]];
        if sub.norm() > eps * (t[[m - 1, m - 1]].norm() + t[[m, m]].norm()) {
            // The eigenvalue of the 2×2 block with positive imaginary part, shifted by t[m, m].
            let (a, b, c, d) = (t[[m - 1, m - 1]].re, t[[m - 1, m]].re, t[[m, m - 1]].re, t[[m, m]].re);
            let (sa, sb, sc, sd, _, _) = lanv2(a, b, c, d);
            let (r1, i1, _, _) = block_eigs(sa, sb, sc, sd);
            let mu = Complex::new(r1, i1) - t[[m, m]];
            let r = (mu.norm_sqr() + sub.norm_sqr()).sqrt();
            let cc = mu / r;
            let s = sub / r;
            // G = [[conj(c), s], [-s, c]]; T[m-1:m+1, m-1:] = G T[...]; columns by Gᴴ.
            for k in m - 1..n {
                let (x, y) = (t[[m - 1, k]], t[[m, k]]);
                t[[m - 1, k]] = cc.conj() * x + s * y;
                t[[m, k]] = -s * x + cc * y;
            }
            // Gᴴ = [[c, -conj(s)], [conj(s), conj(c)]]
            for r in 0..=m {
                let (x, y) = (t[[r, m - 1]], t[[r, m]]);
                t[[r, m - 1]] = x * cc + y * s.conj();
                t[[r, m]] = -x * s.conj() + y * cc.conj();
            }
            for r in 0..n {
                let (x, y) = (z[[r, m - 1]], z[[r, m]]);
                z[[r, m - 1]] = x * cc + y * s.conj();
                z[[r, m]] = -x * s.conj() + y * cc.conj();
            }
        }
        t[[m, m - 1]] = Complex::new(T::zero(), T::zero());
    }
    (t, z)
}

/// Converts a real Schur form `(t, z)` into the complex Schur form: unitary `z₂` and upper
/// triangular `t₂` with `z t zᵀ = z₂ t₂ z₂ᴴ`.
///
/// Each 2×2 block of `t` whose subdiagonal entry exceeds `eps · (|t[m-1,m-1]| + |t[m,m]|)` is
/// split by a complex Givens rotation, exactly as SciPy does; smaller subdiagonal entries are
/// set to zero.
///
/// SciPy equivalent: `scipy.linalg.rsf2csf(T, Z)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for a non-square `t`, [`LinalgError::ShapeMismatch`] when `z`
/// is not square of the same size, [`LinalgError::NonFinite`] for NaN or infinity in either.
///
/// # Examples
///
/// ```
/// use sci_linalg::{rsf2csf, schur};
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [-3.0, 1.0]]; // eigenvalues 1 ± i√6
/// let (t, z) = schur(&a).unwrap();
/// let (t2, _z2) = rsf2csf(&t, &z).unwrap();
/// let t00: Complex64 = t2[[0, 0]];
/// assert_eq!(t2[[1, 0]].norm(), 0.0);
/// assert!((t00.re - 1.0).abs() < 1e-14);
/// assert!((t00.im.abs() - 6f64.sqrt()).abs() < 1e-14);
/// ```
#[allow(clippy::type_complexity)]
pub fn rsf2csf<T, S1, S2>(
    t: &ArrayBase<S1, Ix2>,
    z: &ArrayBase<S2, Ix2>,
) -> Result<(Array2<Complex<T>>, Array2<Complex<T>>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let n = check_square(t, "T")?;
    if z.dim() != (n, n) {
        return Err(LinalgError::ShapeMismatch {
            arg: "Z",
            expected: format!("({n}, {n}), the shape of T"),
            found: z.shape().to_vec(),
        });
    }
    check_finite(t, "T")?;
    check_finite(z, "Z")?;
    Ok(rsf2csf_unchecked(&to_fortran(t), &to_fortran(z)))
}
