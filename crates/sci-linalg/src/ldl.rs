//! `ldl`: the Bunch–Kaufman `L D Lᵀ` (`L D Lᴴ`) factorization of a symmetric (Hermitian)
//! matrix (LAPACK `?sytf2` / `?hetf2`), unpacked as SciPy does.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix2};
use num_traits::{Float, One, Zero};

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, check_square_finite, to_fortran, zeros_f};

/// The keyword arguments of [`ldl_with`] (SciPy's `lower=`, `hermitian=`).
///
/// # Examples
///
/// ```
/// use sci_linalg::LdlOptions;
/// let o = LdlOptions::default();
/// assert!(o.lower && o.hermitian);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LdlOptions {
    /// Read the lower triangle and return a (permuted) lower factor (SciPy's default), else
    /// the upper ones.
    pub lower: bool,
    /// Complex input: `a = aᴴ` (`?hetrf`, SciPy's default) when `true`, the complex symmetric
    /// `a = aᵀ` (`?sytrf`) when `false`. No effect on real input.
    pub hermitian: bool,
}

impl Default for LdlOptions {
    fn default() -> Self {
        Self { lower: true, hermitian: true }
    }
}

/// LAPACK's `cabs1`: `|Re x| + |Im x|` (`|x|` for real types), the pivot measure of
/// `?sytf2`/`?hetf2` (and of `izamax`).
#[inline]
fn cabs1<T: LinalgScalar>(x: T) -> RealOf<T> {
    x.re().abs() + x.im().abs()
}

/// First index of the largest `cabs1(x)` (BLAS `i?amax`) over `it`, with its value.
fn iamax<T: LinalgScalar>(it: impl Iterator<Item = (usize, T)>) -> (usize, RealOf<T>) {
    let mut best = (usize::MAX, RealOf::<T>::zero());
    for (i, x) in it {
        let ax = cabs1(x);
        if best.0 == usize::MAX || ax > best.1 {
            best = (i, ax);
        }
    }
    best
}

/// The element operations that tell `?hetf2` (Hermitian, `herm = true`) from `?sytf2`
/// (symmetric): the measure of a diagonal entry, the conjugation of mirrored entries and the
/// real diagonal.
#[derive(Clone, Copy)]
struct Sym {
    herm: bool,
}

impl Sym {
    /// `|Re x|` (Hermitian: the diagonal is real) or `cabs1(x)`.
    #[inline]
    fn dabs<T: LinalgScalar>(self, x: T) -> RealOf<T> {
        if self.herm { x.re().abs() } else { cabs1(x) }
    }
    /// `conj(x)` (Hermitian) or `x`.
    #[inline]
    fn cj<T: LinalgScalar>(self, x: T) -> T {
        if self.herm { x.conj() } else { x }
    }
    /// `Re x` (Hermitian) or `x`.
    #[inline]
    fn real<T: LinalgScalar>(self, x: T) -> T {
        if self.herm { T::from_real(x.re()) } else { x }
    }
}

/// LAPACK `?sytf2` (`?hetf2` with `s.herm`) with `uplo = 'L'` on `a` in place; returns
/// LAPACK's 1-based `ipiv`.
fn sytf2_lower<T: LinalgScalar>(a: &mut Array2<T>, s: Sym) -> Vec<i64> {
    let n = a.nrows();
    let zero = RealOf::<T>::zero();
    let alpha = RealOf::<T>::lit((1.0 + 17f64.sqrt()) / 8.0);
    let mut ipiv = vec![0i64; n];
    let mut k = 0;
    while k < n {
        let mut kstep = 1;
        let absakk = s.dabs(a[[k, k]]);
        let (imax, colmax) = if k + 1 < n { iamax((k + 1..n).map(|i| (i, a[[i, k]]))) } else { (k, zero) };
        let kp;
        if absakk.max(colmax) == zero || absakk.is_nan() {
            kp = k;
            a[[k, k]] = s.real(a[[k, k]]);
        } else {
            if absakk >= alpha * colmax {
                kp = k;
            } else {
                let (_, mut rowmax) = iamax((k..imax).map(|j| (j, a[[imax, j]])));
                if imax + 1 < n {
                    let (_, r2) = iamax((imax + 1..n).map(|i| (i, a[[i, imax]])));
                    rowmax = rowmax.max(r2);
                }
                if absakk >= alpha * colmax * (colmax / rowmax) {
                    kp = k;
                } else if s.dabs(a[[imax, imax]]) >= alpha * rowmax {
                    kp = imax;
                } else {
                    kp = imax;
                    kstep = 2;
                }
            }
            let kk = k + kstep - 1;
            if kp != kk {
                for i in kp + 1..n {
                    a.swap([i, kk], [i, kp]);
                }
                for j in kk + 1..kp {
                    let t = s.cj(a[[j, kk]]);
                    a[[j, kk]] = s.cj(a[[kp, j]]);
                    a[[kp, j]] = t;
                }
                a[[kp, kk]] = s.cj(a[[kp, kk]]);
                let r1 = s.real(a[[kk, kk]]);
                a[[kk, kk]] = s.real(a[[kp, kp]]);
                a[[kp, kp]] = r1;
                if kstep == 2 {
                    a[[k, k]] = s.real(a[[k, k]]);
                    a.swap([k + 1, k], [kp, k]);
                }
            } else {
                a[[k, k]] = s.real(a[[k, k]]);
                if kstep == 2 {
                    a[[k + 1, k + 1]] = s.real(a[[k + 1, k + 1]]);
                }
            }
            if kstep == 1 {
                if k + 1 < n {
                    if s.herm {
                        // zher(-r1, x, x) on the trailing lower triangle, then x *= r1
                        let r1 = RealOf::<T>::one() / a[[k, k]].re();
                        for j in k + 1..n {
                            let temp = T::from_real(-r1) * a[[j, k]].conj();
                            a[[j, j]] = T::from_real(a[[j, j]].re() + (a[[j, k]] * temp).re());
                            for i in j + 1..n {
                                let aik = a[[i, k]];
                                a[[i, j]] += aik * temp;
                            }
                        }
                        for i in k + 1..n {
                            a[[i, k]] *= T::from_real(r1);
                        }
                    } else {
                        let d11 = T::one() / a[[k, k]];
                        for j in k + 1..n {
                            let ajk = a[[j, k]];
                            for i in j..n {
                                let aik = a[[i, k]];
                                a[[i, j]] -= d11 * aik * ajk;
                            }
                        }
                        for i in k + 1..n {
                            a[[i, k]] *= d11;
                        }
                    }
                }
            } else if k + 2 < n {
                if s.herm {
                    let d = a[[k + 1, k]].modulus();
                    let d11 = a[[k + 1, k + 1]].re() / d;
                    let d22 = a[[k, k]].re() / d;
                    let tt = RealOf::<T>::one() / (d11 * d22 - RealOf::<T>::one());
                    let d21 = a[[k + 1, k]] / T::from_real(d);
                    let d = T::from_real(tt / d);
                    let (d11, d22) = (T::from_real(d11), T::from_real(d22));
                    for j in k + 2..n {
                        let wk = d * (d11 * a[[j, k]] - d21 * a[[j, k + 1]]);
                        let wkp1 = d * (d22 * a[[j, k + 1]] - d21.conj() * a[[j, k]]);
                        for i in j..n {
                            let upd = a[[i, k]] * wk.conj() + a[[i, k + 1]] * wkp1.conj();
                            a[[i, j]] -= upd;
                        }
                        a[[j, k]] = wk;
                        a[[j, k + 1]] = wkp1;
                        a[[j, j]] = T::from_real(a[[j, j]].re());
                    }
                } else {
                    let d21 = a[[k + 1, k]];
                    let d11 = a[[k + 1, k + 1]] / d21;
                    let d22 = a[[k, k]] / d21;
                    let t = T::one() / (d11 * d22 - T::one());
                    let d21 = t / d21;
                    for j in k + 2..n {
                        let wk = d21 * (d11 * a[[j, k]] - a[[j, k + 1]]);
                        let wkp1 = d21 * (d22 * a[[j, k + 1]] - a[[j, k]]);
                        for i in j..n {
                            let upd = a[[i, k]] * wk + a[[i, k + 1]] * wkp1;
                            a[[i, j]] -= upd;
                        }
                        a[[j, k]] = wk;
                        a[[j, k + 1]] = wkp1;
                    }
                }
            }
        }
        if kstep == 1 {
            ipiv[k] = kp as i64 + 1;
        } else {
            ipiv[k] = -(kp as i64 + 1);
            ipiv[k + 1] = -(kp as i64 + 1);
        }
        k += kstep;
    }
    ipiv
}

/// LAPACK `?sytf2` (`?hetf2` with `s.herm`) with `uplo = 'U'` on `a` in place; returns
/// LAPACK's 1-based `ipiv`.
fn sytf2_upper<T: LinalgScalar>(a: &mut Array2<T>, s: Sym) -> Vec<i64> {
    let n = a.nrows();
    let zero = RealOf::<T>::zero();
    let alpha = RealOf::<T>::lit((1.0 + 17f64.sqrt()) / 8.0);
    let mut ipiv = vec![0i64; n];
    let mut k = n as isize - 1;
    while k >= 0 {
        let ku = k as usize;
        let mut kstep = 1;
        let absakk = s.dabs(a[[ku, ku]]);
        let (imax, colmax) = if ku > 0 { iamax((0..ku).map(|i| (i, a[[i, ku]]))) } else { (ku, zero) };
        let kp;
        if absakk.max(colmax) == zero || absakk.is_nan() {
            kp = ku;
            a[[ku, ku]] = s.real(a[[ku, ku]]);
        } else {
            if absakk >= alpha * colmax {
                kp = ku;
            } else {
                let (_, mut rowmax) = iamax((imax + 1..=ku).map(|j| (j, a[[imax, j]])));
                if imax > 0 {
                    let (_, r2) = iamax((0..imax).map(|i| (i, a[[i, imax]])));
                    rowmax = rowmax.max(r2);
                }
                if absakk >= alpha * colmax * (colmax / rowmax) {
                    kp = ku;
                } else if s.dabs(a[[imax, imax]]) >= alpha * rowmax {
                    kp = imax;
                } else {
                    kp = imax;
                    kstep = 2;
                }
            }
            let kk = ku + 1 - kstep;
            if kp != kk {
                for i in 0..kp {
                    a.swap([i, kk], [i, kp]);
                }
                for j in kp + 1..kk {
                    let t = s.cj(a[[j, kk]]);
                    a[[j, kk]] = s.cj(a[[kp, j]]);
                    a[[kp, j]] = t;
                }
                a[[kp, kk]] = s.cj(a[[kp, kk]]);
                let r1 = s.real(a[[kk, kk]]);
                a[[kk, kk]] = s.real(a[[kp, kp]]);
                a[[kp, kp]] = r1;
                if kstep == 2 {
                    a[[ku, ku]] = s.real(a[[ku, ku]]);
                    a.swap([ku - 1, ku], [kp, ku]);
                }
            } else {
                a[[ku, ku]] = s.real(a[[ku, ku]]);
                if kstep == 2 {
                    a[[ku - 1, ku - 1]] = s.real(a[[ku - 1, ku - 1]]);
                }
            }
            if kstep == 1 {
                if s.herm {
                    // zher(-r1, x, x) on the leading upper triangle, then x *= r1
                    let r1 = RealOf::<T>::one() / a[[ku, ku]].re();
                    for j in 0..ku {
                        let temp = T::from_real(-r1) * a[[j, ku]].conj();
                        for i in 0..j {
                            let aik = a[[i, ku]];
                            a[[i, j]] += aik * temp;
                        }
                        a[[j, j]] = T::from_real(a[[j, j]].re() + (a[[j, ku]] * temp).re());
                    }
                    for i in 0..ku {
                        a[[i, ku]] *= T::from_real(r1);
                    }
                } else {
                    let r1 = T::one() / a[[ku, ku]];
                    for j in 0..ku {
                        let ajk = a[[j, ku]];
                        for i in 0..=j {
                            let aik = a[[i, ku]];
                            a[[i, j]] -= r1 * aik * ajk;
                        }
                    }
                    for i in 0..ku {
                        a[[i, ku]] *= r1;
                    }
                }
            } else if ku > 1 {
                if s.herm {
                    let d = a[[ku - 1, ku]].modulus();
                    let d22 = a[[ku - 1, ku - 1]].re() / d;
                    let d11 = a[[ku, ku]].re() / d;
                    let tt = RealOf::<T>::one() / (d11 * d22 - RealOf::<T>::one());
                    let d12 = a[[ku - 1, ku]] / T::from_real(d);
                    let d = T::from_real(tt / d);
                    let (d11, d22) = (T::from_real(d11), T::from_real(d22));
                    for j in (0..ku - 1).rev() {
                        let wkm1 = d * (d11 * a[[j, ku - 1]] - d12.conj() * a[[j, ku]]);
                        let wk = d * (d22 * a[[j, ku]] - d12 * a[[j, ku - 1]]);
                        for i in (0..=j).rev() {
                            let upd = a[[i, ku]] * wk.conj() + a[[i, ku - 1]] * wkm1.conj();
                            a[[i, j]] -= upd;
                        }
                        a[[j, ku]] = wk;
                        a[[j, ku - 1]] = wkm1;
                        a[[j, j]] = T::from_real(a[[j, j]].re());
                    }
                } else {
                    let d12 = a[[ku - 1, ku]];
                    let d22 = a[[ku - 1, ku - 1]] / d12;
                    let d11 = a[[ku, ku]] / d12;
                    let t = T::one() / (d11 * d22 - T::one());
                    let d12 = t / d12;
                    for j in (0..ku - 1).rev() {
                        let wkm1 = d12 * (d11 * a[[j, ku - 1]] - a[[j, ku]]);
                        let wk = d12 * (d22 * a[[j, ku]] - a[[j, ku - 1]]);
                        for i in (0..=j).rev() {
                            let upd = a[[i, ku]] * wk + a[[i, ku - 1]] * wkm1;
                            a[[i, j]] -= upd;
                        }
                        a[[j, ku]] = wk;
                        a[[j, ku - 1]] = wkm1;
                    }
                }
            }
        }
        if kstep == 1 {
            ipiv[ku] = kp as i64 + 1;
        } else {
            ipiv[ku] = -(kp as i64 + 1);
            ipiv[ku - 1] = -(kp as i64 + 1);
        }
        k -= kstep as isize;
    }
    ipiv
}

/// SciPy's `_ldl_sanitize_ipiv`: swap targets and pivot block sizes (2 then 0 for a 2×2).
fn sanitize_ipiv(ipiv: &[i64], lower: bool) -> (Vec<usize>, Vec<u8>) {
    let n = ipiv.len();
    let mut swap: Vec<usize> = (0..n).collect();
    let mut pivots = vec![0u8; n];
    let order: Vec<usize> = if lower { (0..n).collect() } else { (0..n).rev().collect() };
    let mut skip = false;
    for ind in order {
        if skip {
            skip = false;
            continue;
        }
        let cur = ipiv[ind];
        if cur > 0 {
            if cur as usize != ind + 1 {
                swap[ind] = swap[cur as usize - 1];
            }
            pivots[ind] = 1;
        } else {
            // A 2×2 block: its partner is the next (lower) or previous (upper) entry.
            let (partner, first) = if lower { (ind + 1, ind) } else { (ind - 1, ind - 1) };
            let target = (-cur) as usize - 1;
            if target != partner {
                swap[partner] = swap[target];
            }
            pivots[first] = 2;
            skip = true;
        }
    }
    (swap, pivots)
}

/// Bunch–Kaufman factorization of a symmetric matrix: `a = lu · d · luᵀ` with `d` block
/// diagonal (1×1 and 2×2 blocks) and `lu` a row permutation of a unit lower (or upper, with
/// `lower = false`) triangular matrix: `lu[perm]` is triangular.
///
/// Only the `lower` (SciPy's default) or upper triangle of `a` is read. The factorization is
/// LAPACK's `sytf2` (diagonal pivoting with Bunch–Kaufman's `α = (1 + √17)/8`), unpacked with
/// SciPy's post-processing, so `lu`, `d` and `perm` are SciPy's (its blocked `sytrf` makes the
/// same pivoting decisions). A singular matrix factors without error (zero blocks in `d`), as
/// in SciPy. Returns `(lu, d, perm)`.
///
/// Complex input is taken as Hermitian (`a = lu · d · luᴴ`, LAPACK's `hetf2`; the imaginary
/// parts of the diagonal are ignored, SciPy's default `hermitian=True`); [`ldl_with`] also
/// factors complex symmetric matrices.
///
/// SciPy equivalent: `scipy.linalg.ldl(A, lower=True, hermitian=True)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::ldl;
/// use sci_linalg::sci_array::ndarray::{array, Axis};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, -1.0, 3.0], [-1.0, 2.0, 0.0], [3.0, 0.0, 1.0]];
/// let (lu, d, perm) = ldl(&a, true).unwrap();
/// assert_allclose(&lu, &array![[1.0, 0.0, 0.0], [-0.5, 1.0, 0.0], [1.5, 1.0, 1.0]], 1e-15, 0.0);
/// assert_allclose(&d, &array![[2.0, 0.0, 0.0], [0.0, 1.5, 0.0], [0.0, 0.0, -5.0]], 1e-15, 0.0);
/// assert_eq!(perm.to_vec(), vec![0, 1, 2]);
/// assert_allclose(&lu.dot(&d).dot(&lu.t()), &a, 1e-15, 1e-15);
/// let l = lu.select(Axis(0), perm.as_slice().unwrap()); // triangular
/// assert_eq!(l[[0, 1]], 0.0);
/// // an indefinite matrix needs a 2×2 pivot block
/// let (lu, d, _) = ldl(&array![[0.0, 1.0], [1.0, 0.0]], true).unwrap();
/// assert_eq!(d, array![[0.0, 1.0], [1.0, 0.0]]);
/// assert_eq!(lu, array![[1.0, 0.0], [0.0, 1.0]]);
/// ```
///
/// Complex Hermitian input (`Complex<f64>`, `Complex<f32>`):
///
/// ```
/// use sci_linalg::ldl;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(4.0, 0.0), C::new(1.0, -2.0)], [C::new(1.0, 2.0), C::new(-3.0, 0.0)]];
/// let (lu, d, perm) = ldl(&a, true)?;
/// assert_allclose(&lu, &array![[C::new(1.0, 0.0), C::new(0.0, 0.0)], [C::new(0.25, 0.5), C::new(1.0, 0.0)]], 1e-15, 0.0);
/// assert_allclose(&d, &array![[C::new(4.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(-4.25, 0.0)]], 1e-15, 0.0);
/// assert_eq!(perm.to_vec(), vec![0, 1]);
/// let luh = lu.t().mapv(|z| z.conj());
/// assert_allclose(&lu.dot(&d).dot(&luh), &a, 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn ldl<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    ldl_with(a, LdlOptions { lower, hermitian: true })
}

/// [`ldl`] with SciPy's `hermitian=` too: complex input with `hermitian = false` is factored
/// as complex symmetric, `a = lu · d · luᵀ` (LAPACK's `zsytf2`: no conjugation, complex
/// diagonal), as `scipy.linalg.ldl(A, lower, hermitian=False)`. Real input ignores
/// `hermitian`.
///
/// SciPy equivalent: `scipy.linalg.ldl(A, lower=, hermitian=)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{LdlOptions, ldl_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // complex symmetric (a = aᵀ, not Hermitian)
/// let a = array![[C::new(0.0, 2.0), C::new(1.0, 1.0)], [C::new(1.0, 1.0), C::new(3.0, 0.0)]];
/// let opts = LdlOptions { hermitian: false, ..Default::default() };
/// let (lu, d, perm) = ldl_with(&a, opts)?;
/// assert_eq!(perm.to_vec(), vec![0, 1]);
/// assert_allclose(&lu.dot(&d).dot(&lu.t()), &a, 1e-15, 1e-15);
/// assert_allclose(&d, &array![[C::new(0.0, 2.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(2.0, 0.0)]], 1e-15, 1e-15);
/// assert_allclose(&lu, &array![[C::new(1.0, 0.0), C::new(0.0, 0.0)], [C::new(0.5, -0.5), C::new(1.0, 0.0)]], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn ldl_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: LdlOptions,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    let lower = opts.lower;
    let herm = opts.hermitian && T::IS_COMPLEX;
    let n = check_square_finite(a, "A")?;
    let mut ldu = to_fortran(a);
    let s = Sym { herm };
    let ipiv = if lower { sytf2_lower(&mut ldu, s) } else { sytf2_upper(&mut ldu, s) };
    let (swap, pivots) = sanitize_ipiv(&ipiv, lower);
    // _ldl_get_d_and_l
    let mut d = zeros_f(n, n);
    let mut lu = zeros_f(n, n);
    for j in 0..n {
        d[[j, j]] = ldu[[j, j]];
        lu[[j, j]] = T::one();
        for i in 0..n {
            if (lower && i > j) || (!lower && i < j) {
                lu[[i, j]] = ldu[[i, j]];
            }
        }
    }
    let (x, y) = if lower { (1, 0) } else { (0, 1) };
    let mut blk = 0;
    for &p in pivots.iter().filter(|&&p| p != 0) {
        if p == 2 {
            let v = ldu[[blk + x, blk + y]];
            d[[blk + x, blk + y]] = v;
            d[[blk + y, blk + x]] = s.cj(v);
            lu[[blk + x, blk + y]] = T::zero();
        }
        blk += p as usize;
    }
    // _ldl_construct_tri_factor
    let mut perm: Vec<usize> = (0..n).collect();
    let order: Vec<usize> = if lower { (0..n).rev().collect() } else { (0..n).collect() };
    for ind in order {
        let s_ind = swap[ind];
        if s_ind != ind {
            let (mut cs, mut ce) = if lower { (ind, n) } else { (0, ind + 1) };
            if pivots[ind] == (if lower { 0 } else { 2 }) {
                if lower {
                    cs -= 1;
                } else {
                    ce += 1;
                }
            }
            for c in cs..ce {
                lu.swap([s_ind, c], [ind, c]);
            }
            perm.swap(s_ind, ind);
        }
    }
    let mut inv = vec![0usize; n];
    for (i, &p) in perm.iter().enumerate() {
        inv[p] = i;
    }
    Ok((lu, d, Array1::from(inv)))
}
