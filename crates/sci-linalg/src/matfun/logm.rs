//! `logm` (inverse scaling and squaring on the Schur form) and `fractional_matrix_power`.

use ndarray::{Array2, ArrayBase, Data, Ix2, ShapeBuilder};
use num_complex::Complex;

use super::sqrtm::sqrtm_triu;
use super::{RealOrComplex, czero, expm_complex, maybe_real, unschur};
use crate::LinalgFloat;
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::matfuncs::matrix_power;
use crate::scalar::check_square_finite;

/// Gauss–Legendre nodes and weights on `[0, 1]` (Newton's method on `P_m`).
fn gauss_legendre01(m: usize) -> Vec<(f64, f64)> {
    (1..=m)
        .map(|i| {
            let mut x = (std::f64::consts::PI * (i as f64 - 0.25) / (m as f64 + 0.5)).cos();
            let mut dp = 1.0;
            for _ in 0..100 {
                let (mut p0, mut p1) = (1.0, x);
                for k in 2..=m {
                    let p2 = ((2 * k - 1) as f64 * x * p1 - (k - 1) as f64 * p0) / k as f64;
                    p0 = p1;
                    p1 = p2;
                }
                dp = m as f64 * (x * p1 - p0) / (x * x - 1.0);
                let dx = p1 / dp;
                x -= dx;
                if dx.abs() < 1e-16 {
                    break;
                }
            }
            let w = 2.0 / ((1.0 - x * x) * dp * dp);
            ((x + 1.0) / 2.0, w / 2.0)
        })
        .collect()
}

/// Number of Gauss–Legendre points, and the bound on `‖T − I‖₁` below which the `[8/8]`
/// Padé approximant of `log(I + X)` is accurate to double precision (Higham 2001, θ₈).
const PADE_M: usize = 8;
const THETA_8: f64 = 0.367;

/// Solves `(I + c X) Y = X` for upper triangular `X` (so `Y` is upper triangular).
fn tri_resolvent<T: LinalgFloat>(x: &Array2<Complex<T>>, c: T) -> Array2<Complex<T>> {
    let n = x.nrows();
    let one = Complex::new(T::one(), T::zero());
    let cc = Complex::new(c, T::zero());
    // column-major copy of x (the logical order of xᵀ), so that column k is a contiguous slice
    let xs: Vec<Complex<T>> = x.t().iter().copied().collect();
    let mut y = vec![czero::<T>(); n * n];
    let mut acc = vec![czero::<T>(); n];
    for j in 0..n {
        acc[..=j].fill(czero());
        for k in (0..=j).rev() {
            let ykj = (xs[k + j * n] - acc[k] * cc) / (one + xs[k + k * n] * cc);
            y[k + j * n] = ykj;
            for (a, &xik) in acc[..k].iter_mut().zip(&xs[k * n..k * n + k]) {
                *a += xik * ykj;
            }
        }
    }
    Array2::from_shape_vec((n, n).f(), y).expect("n * n elements")
}

/// Principal logarithm of a nonsingular upper triangular complex matrix by inverse scaling
/// and squaring: `s` square roots until `‖T^{1/2^s} − I‖₁ ≤ θ₈`, then the `[8/8]` Padé
/// approximant in partial fractions (Gauss–Legendre), times `2^s`.
fn logm_triu<T: LinalgFloat>(t: &Array2<Complex<T>>) -> Result<Array2<Complex<T>>> {
    let n = t.nrows();
    if let Some(pivot) = (0..n).find(|&i| t[[i, i]] == czero()) {
        return Err(LinalgError::Singular { pivot });
    }
    let one = Complex::new(T::one(), T::zero());
    let mut r = t.clone();
    let mut s = 0i32;
    let x = loop {
        let mut x = r.clone();
        for i in 0..n {
            x[[i, i]] -= one;
        }
        let norm =
            (0..n).map(|j| (0..=j).fold(T::zero(), |acc, i| acc + x[[i, j]].norm())).fold(T::zero(), T::max);
        if norm <= T::lit(THETA_8) || s >= 100 {
            break x;
        }
        r = sqrtm_triu(&r);
        s += 1;
    };
    let mut out = Array2::from_elem((n, n), czero::<T>());
    for (node, weight) in gauss_legendre01(PADE_M) {
        let y = tri_resolvent(&x, T::lit(node));
        out.scaled_add(Complex::new(T::lit(weight), T::zero()), &y);
    }
    let scale = Complex::new(T::lit(2f64.powi(s)), T::zero());
    Ok(out.mapv(|v| v * scale))
}

/// Principal matrix logarithm: the `X` with `e^X = A` whose eigenvalues have imaginary parts
/// in `(−π, π]`.
///
/// Computed on the complex Schur form `A = Z T Zᴴ` (an upper triangular `A` is used as is)
/// by inverse scaling and squaring: repeated triangular square roots until `T^{1/2^s}` is
/// close to `I`, the `[8/8]` Padé approximant of `log(I + X)` evaluated as an 8-point
/// Gauss–Legendre sum of triangular solves, and scaling by `2^s` (Higham 2001; SciPy uses
/// the refined variant of Al-Mohy & Higham 2012, with the same limit). A real matrix with a
/// negative eigenvalue gives a complex result; see [`RealOrComplex`].
///
/// SciPy equivalent: `scipy.linalg.logm(A)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::Singular`] when `A` has an exactly zero eigenvalue (SciPy warns and
/// returns a large finite result computed from a perturbed matrix), and
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{expm, logm};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 3.0], [1.0, 4.0]];
/// let l = logm(&a).unwrap().into_real().unwrap();
/// assert_allclose(&l, &array![[-1.02571087, 2.05142174], [0.68380725, 1.02571087]], 1e-8, 0.0);
/// assert_allclose(&expm(&l).unwrap(), &a, 1e-13, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) gives a complex result, as SciPy's:
///
/// ```
/// use sci_linalg::logm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let l = logm(&array![[C::new(0.0, 1.0)]])?.into_complex(); // log i = iπ/2
/// assert!((l[[0, 0]] - C::new(0.0, std::f64::consts::FRAC_PI_2)).norm() < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn logm<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<RealOrComplex<RealOf<T>>> {
    let (t, z) = super::complex_schur_any(a)?;
    let l = unschur(logm_triu(&t)?, z.as_ref());
    // SciPy keeps a complex input's dtype; a real input's result is real when it can be.
    Ok(if T::IS_COMPLEX { RealOrComplex::Complex(l) } else { maybe_real(l) })
}

/// Fractional matrix power `A^p = exp(p · log A)` (principal branch).
///
/// An integer `p` is [`matrix_power`] (repeated squaring). Otherwise, on the complex Schur
/// form `A = Z T Zᴴ`, `T^p = exp(p · log T)` with the triangular logarithm of [`logm`]. For
/// a singular `A` and `p > 0`, as SciPy: `A^⌊p⌋ · f(A)` with `f(x) = x^{p−⌊p⌋}` by the
/// Schur–Parlett recurrence of [`funm`](crate::funm). The result is real when its imaginary
/// parts are negligible, as for [`logm`] (SciPy returns a complex array for some real results
/// here; the values agree).
///
/// SciPy equivalent: `scipy.linalg.fractional_matrix_power(A, t)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::Singular`] for a negative power of a singular matrix (SciPy returns a
/// matrix of NaN), [`LinalgError::NotSquare`], [`LinalgError::NonFinite`],
/// [`LinalgError::NoConvergence`]; a non-finite `p` is [`LinalgError::Array`].
///
/// # Examples
///
/// ```
/// use sci_linalg::fractional_matrix_power;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 3.0], [1.0, 4.0]];
/// let b = fractional_matrix_power(&a, 0.5).unwrap().into_real().unwrap();
/// assert_allclose(&b.dot(&b), &a, 1e-13, 0.0);
/// let c = fractional_matrix_power(&a, 2.0).unwrap().into_real().unwrap();
/// assert_eq!(c, a.dot(&a));
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) gives a complex result, as SciPy's:
///
/// ```
/// use sci_linalg::fractional_matrix_power;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let r = fractional_matrix_power(&array![[C::new(0.0, 4.0)]], 0.5)?.into_complex(); // √(4i)
/// assert!((r[[0, 0]] - C::new(2f64.sqrt(), 2f64.sqrt())).norm() < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn fractional_matrix_power<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    p: f64,
) -> Result<RealOrComplex<RealOf<T>>> {
    if !p.is_finite() {
        return Err(crate::error::invalid("t", format!("must be finite, got {p}")));
    }
    // SciPy keeps a complex input's dtype; a real input's result is real when it can be.
    let wrap =
        |c: Array2<Complex<RealOf<T>>>| if T::IS_COMPLEX { RealOrComplex::Complex(c) } else { maybe_real(c) };
    if p == p.trunc() && p.abs() < 9.2e18 {
        check_square_finite(a, "A")?;
        let m = matrix_power(a, p as i64)?;
        return Ok(if T::IS_COMPLEX {
            RealOrComplex::Complex(m.mapv(T::to_complex))
        } else {
            RealOrComplex::Real(m.mapv(T::re))
        });
    }
    let (t, z) = super::complex_schur_any(a)?;
    let n = t.nrows();
    let singular = (0..n).any(|i| t[[i, i]] == czero());
    if singular {
        if p < 0.0 {
            let pivot = (0..n).find(|&i| t[[i, i]] == czero()).unwrap_or(0);
            return Err(LinalgError::Singular { pivot });
        }
        let b = RealOf::<T>::lit(p - p.floor());
        let (r, _) = super::sqrtm::funm(a, |x| if x == czero() { x } else { x.powf(b) })?;
        let q = matrix_power(a, p.floor() as i64)?.mapv(T::to_complex);
        return Ok(wrap(super::cmatmul(&q, &r.into_complex())));
    }
    let l = logm_triu(&t)?;
    let pl = l.mapv(|v| v * Complex::new(RealOf::<T>::lit(p), num_traits::Zero::zero()));
    let tp = expm_complex(&pl)?;
    Ok(wrap(unschur(tp, z.as_ref())))
}
