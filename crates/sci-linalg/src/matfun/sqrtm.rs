//! `sqrtm` (Björck–Hammarling on the complex Schur form), `funm` (Schur–Parlett) and
//! `signm`.

use ndarray::{Array2, ArrayBase, Data, Ix2, ShapeBuilder};
use num_complex::Complex;

use super::{RealOrComplex, complex_schur, complex_schur_any, czero, maybe_real, square_input, unschur};
use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::inv;
use crate::products::matmul_unchecked as matmul;
use crate::svd::svdvals;

/// Principal square root of an upper triangular complex matrix (Björck & Hammarling 1983).
/// A zero denominator with a zero numerator gives 0 (SciPy's rule); otherwise a singular
/// matrix without a square root gives infinities, as in SciPy.
pub(crate) fn sqrtm_triu<T: crate::LinalgFloat>(t: &Array2<Complex<T>>) -> Array2<Complex<T>> {
    let n = t.nrows();
    // column-major buffer; column j is computed bottom-up, and the sums Σ r[i, k] r[k, j]
    // are accumulated column by column (contiguous access).
    let mut r = vec![czero::<T>(); n * n];
    let mut acc = vec![czero::<T>(); n];
    for j in 0..n {
        let rjj = t[[j, j]].sqrt();
        r[j + j * n] = rjj;
        acc[..j].fill(czero());
        for k in (0..j).rev() {
            let num = t[[k, j]] - acc[k];
            let den = r[k + k * n] + rjj;
            let rkj = if den != czero() {
                num / den
            } else if num == czero() {
                czero()
            } else {
                // x / 0 componentwise (inf, as SciPy), not num_complex's NaN.
                let part = |x: T| if x == T::zero() { x } else { x / T::zero() };
                Complex::new(part(num.re), part(num.im))
            };
            r[k + j * n] = rkj;
            let (col_k, _) = r.split_at(k * n + k);
            for (a, &rik) in acc[..k].iter_mut().zip(&col_k[k * n..k * n + k]) {
                *a += rik * rkj;
            }
        }
    }
    Array2::from_shape_vec((n, n).f(), r).expect("n * n elements")
}

/// Principal matrix square root: the `X` with `X · X = A` whose eigenvalues have
/// non-negative real parts.
///
/// Computed by the Schur method (Björck & Hammarling 1983; Higham 1987): `A = Z T Zᴴ`
/// (complex Schur form), `R = √T` by the triangular recurrence, `X = Z R Zᴴ`. A real matrix
/// with a negative eigenvalue has no real principal square root and gives a complex result;
/// otherwise the result is real (see [`RealOrComplex`]). A singular matrix may have no square
/// root; then entries are infinite or NaN, as SciPy's (which also warns). The empty matrix
/// gives the empty matrix.
///
/// SciPy equivalent: `scipy.linalg.sqrtm(A)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence) (Schur form).
///
/// # Examples
///
/// ```
/// use sci_linalg::sqrtm;
/// use sci_linalg::sci_array::num_complex::Complex64;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 3.0], [1.0, 4.0]];
/// let r = sqrtm(&a).unwrap().into_real().unwrap();
/// assert_allclose(&r, &array![[0.75592895, 1.13389342], [0.37796447, 1.88982237]], 1e-8, 0.0);
/// assert_allclose(&r.dot(&r), &a, 1e-14, 0.0);
/// // [[1, 2], [3, 4]] has the eigenvalue -0.37: its square root is complex
/// let c = sqrtm(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap().into_complex();
/// let c00: Complex64 = c[[0, 0]];
/// assert!((c00.re - 0.55368857).abs() < 1e-8 && (c00.im - 0.46439416).abs() < 1e-8);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) gives a complex result, as SciPy's:
///
/// ```
/// use sci_linalg::sqrtm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(0.0, 2.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(4.0, 0.0)]];
/// let r = sqrtm(&a)?.into_complex(); // √(2i) = 1 + i, √4 = 2
/// assert!((r[[0, 0]] - C::new(1.0, 1.0)).norm() < 1e-15 && (r[[1, 1]] - C::new(2.0, 0.0)).norm() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn sqrtm<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<RealOrComplex<RealOf<T>>> {
    let (t, z) = complex_schur_any(a)?;
    let r = unschur(sqrtm_triu(&t), z.as_ref());
    // SciPy keeps a complex input's dtype; a real input's result is real when it can be.
    Ok(if T::IS_COMPLEX { RealOrComplex::Complex(r) } else { maybe_real(r) })
}

/// The matrix 1-norm (largest column sum of moduli) of the strictly upper triangle.
fn triu1_norm<T: crate::LinalgFloat>(t: &Array2<Complex<T>>) -> T {
    let n = t.nrows();
    (0..n).map(|j| (0..j).fold(T::zero(), |acc, i| acc + t[[i, j]].norm())).fold(T::zero(), |m, x| m.max(x))
}

/// Evaluates a matrix function given by a scalar function `func`, by the Schur–Parlett
/// recurrence (Golub & Van Loan, Algorithm 11.1.1), exactly as SciPy's `funm`.
///
/// `func` maps an eigenvalue to its image (SciPy calls it on the complex diagonal of the
/// Schur form). Returns `(F, errest)`: `F` real or complex as SciPy's `_maybe_real` decides,
/// and SciPy's error estimate `min(1, max(tol, tol/minden · ‖triu(T, 1)‖₁))` (`minden` the
/// smallest eigenvalue difference met, `tol` the machine epsilon; infinite when `F` is not
/// finite). The recurrence divides by differences of eigenvalues, so it is inaccurate for
/// close or repeated eigenvalues (as SciPy's; `errest` tells).
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) always gives a complex `F`, as SciPy's.
///
/// SciPy equivalent: `scipy.linalg.funm(A, func, disp=False)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence).
///
/// # Examples
///
/// ```
/// use sci_linalg::{expm, funm};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 3.0], [1.0, 4.0]];
/// let (f, err) = funm(&a, |x| x.exp()).unwrap();
/// assert_allclose(&f.into_real().unwrap(), &expm(&a).unwrap(), 1e-13, 0.0);
/// assert!(err < 1e-14);
/// ```
///
/// Complex input:
///
/// ```
/// use sci_linalg::{expm, funm};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 1.0), C::new(2.0, 0.0)], [C::new(0.0, 0.0), C::new(-1.0, 0.5)]];
/// let (f, err) = funm(&a, |x| x.exp())?;
/// assert_allclose(&f.into_complex(), &expm(&a)?, 1e-13, 1e-14);
/// assert!(err < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn funm<T, S, F>(a: &ArrayBase<S, Ix2>, func: F) -> Result<(RealOrComplex<RealOf<T>>, RealOf<T>)>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    F: Fn(Complex<RealOf<T>>) -> Complex<RealOf<T>>,
{
    let (t, z) = complex_schur_any(a)?;
    let tol = <RealOf<T> as num_traits::Float>::epsilon();
    if t.nrows() == 0 {
        let empty = if T::IS_COMPLEX {
            RealOrComplex::Complex(t)
        } else {
            RealOrComplex::Real(Array2::zeros((0, 0)))
        };
        return Ok((empty, tol));
    }
    let (f, err) = parlett(&t, z.as_ref(), func);
    // SciPy's `_maybe_real` returns a real result only for real input.
    Ok((if T::IS_COMPLEX { RealOrComplex::Complex(f.into_complex()) } else { f }, err))
}

/// The Schur–Parlett part of [`funm`] on a complex Schur form `(t, z)` (`n ≥ 1`).
fn parlett<T, F>(t: &Array2<Complex<T>>, z: Option<&Array2<Complex<T>>>, func: F) -> (RealOrComplex<T>, T)
where
    T: crate::LinalgFloat,
    F: Fn(Complex<T>) -> Complex<T>,
{
    let n = t.nrows();
    let tol = T::epsilon();
    let mut f = Array2::from_elem((n, n), czero::<T>());
    for i in 0..n {
        f[[i, i]] = func(t[[i, i]]);
    }
    let mut minden = t[[0, 0]].norm();
    for p in 1..n {
        for i in 0..n - p {
            let j = i + p;
            let mut s = t[[i, j]] * (f[[j, j]] - f[[i, i]]);
            for k in i + 1..j {
                s += t[[i, k]] * f[[k, j]] - f[[i, k]] * t[[k, j]];
            }
            let den = t[[j, j]] - t[[i, i]];
            if den != czero() {
                s /= den;
            }
            f[[i, j]] = s;
            minden = minden.min(den.norm());
        }
    }
    let f = unschur(f, z);
    let finite = f.iter().all(|x| x.re.is_finite() && x.im.is_finite());
    let f = maybe_real(f);
    if minden == T::zero() {
        minden = tol;
    }
    let err = if finite { T::one().min(tol.max((tol / minden) * triu1_norm(t))) } else { T::infinity() };
    (f, err)
}

/// Matrix sign function: `sign(A)` has the eigenvectors of `A` and eigenvalues ±1, the sign
/// of the real part of each eigenvalue of `A`.
///
/// As SciPy: [`funm`] with a rounded sign function (real parts below `1e3·eps·max Re λ` in
/// magnitude count as zero); when its error estimate exceeds `1e3·eps` (close or repeated
/// eigenvalues), the Newton iteration `S ← (S + S⁻¹)/2` from `A + I/(2σ_max)` refines it,
/// for at most 100 steps.
///
/// SciPy equivalent: `scipy.linalg.signm(A)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence),
/// [`LinalgError::Singular`](crate::LinalgError::Singular) when a Newton iterate is singular.
///
/// # Examples
///
/// ```
/// use sci_linalg::signm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, 1.0], [0.0, -2.0]];
/// let s = signm(&a).unwrap();
/// assert_allclose(&s, &array![[1.0, 0.4], [0.0, -1.0]], 1e-14, 1e-15);
/// assert_allclose(&s.dot(&s), &array![[1.0, 0.0], [0.0, 1.0]], 0.0, 1e-14);
/// ```
pub fn signm<T: crate::LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    let a = square_input(a)?;
    let n = a.nrows();
    if n == 0 {
        return Ok(a);
    }
    let eps = T::epsilon();
    let (t, z) = complex_schur(&a)?;
    let max_re = t.diag().iter().fold(T::neg_infinity(), |m, x| m.max(x.re));
    let c = T::lit(1e3) * eps * max_re;
    let (result, mut errest) = parlett(&t, z.as_ref(), |x| {
        let s = if x.re.abs() > c { x.re.signum() } else { T::zero() };
        Complex::new(s, T::zero())
    });
    // sign(A) of a real A is real: the rounded sign is equal for conjugate eigenvalues.
    let result = match result {
        RealOrComplex::Real(r) => r,
        RealOrComplex::Complex(c) => c.mapv(|z| z.re),
    };
    let errtol = T::lit(1e3) * eps;
    if errest < errtol {
        return Ok(result);
    }
    let max_sv = svdvals(&a)?.iter().fold(T::zero(), |m, &x| m.max(x));
    let c = T::lit(0.5) / max_sv;
    let mut s0 = a.clone();
    for i in 0..n {
        s0[[i, i]] += c;
    }
    let mut prev = errest;
    for _ in 0..100 {
        let is0 = inv(&s0)?;
        s0 = (&s0 + &is0) * T::lit(0.5);
        let pp = (matmul(s0.view(), s0.view()) + &s0) * T::lit(0.5);
        let d = matmul(pp.view(), pp.view()) - &pp;
        errest = (0..n)
            .map(|j| d.column(j).iter().fold(T::zero(), |acc, x| acc + x.abs()))
            .fold(T::zero(), T::max);
        if errest < errtol || prev == errest {
            break;
        }
        prev = errest;
    }
    Ok(s0)
}
