//! Trigonometric and hyperbolic matrix functions through `expm`, as SciPy computes them.

use ndarray::{Array2, ArrayBase, Data, Ix2, s};

use super::square_input;
use crate::LinalgFloat;
use crate::error::Result;
use crate::matfuncs::expm;
use crate::scalar::zeros_f;
use crate::solve::solve;

/// `(cos A, sin A)` of a real `A`: `e^{iA}` through the real exponential of
/// `[[0, -A], [A, 0]]`, which is `[[cos A, -sin A], [sin A, cos A]]`.
fn cos_sin<T: LinalgFloat>(a: &Array2<T>) -> Result<(Array2<T>, Array2<T>)> {
    let n = a.nrows();
    let mut big = zeros_f(2 * n, 2 * n);
    big.slice_mut(s![n.., ..n]).assign(a);
    big.slice_mut(s![..n, n..]).assign(&a.mapv(|x| -x));
    let e = expm(&big)?;
    Ok((e.slice(s![..n, ..n]).to_owned(), e.slice(s![n.., ..n]).to_owned()))
}

/// `(cosh A, sinh A)` from `e^A` and `e^{-A}`.
fn cosh_sinh<T: LinalgFloat>(a: &Array2<T>) -> Result<(Array2<T>, Array2<T>)> {
    let ep = expm(a)?;
    let em = expm(&a.mapv(|x| -x))?;
    let half = T::lit(0.5);
    Ok(((&ep + &em) * half, (&ep - &em) * half))
}

/// Matrix cosine, `Re e^{iA}` for a real `A`.
///
/// SciPy equivalent: `scipy.linalg.cosm(A)` (real `A`).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{cosm, sinm};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [-1.0, 3.0]];
/// let (c, s) = (cosm(&a).unwrap(), sinm(&a).unwrap());
/// assert_allclose(&c, &array![[0.42645930, -2.13721484], [1.06860742, -1.71075555]], 1e-8, 0.0);
/// assert_allclose(&(c.dot(&c) + s.dot(&s)), &array![[1.0, 0.0], [0.0, 1.0]], 0.0, 1e-14);
/// ```
pub fn cosm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    Ok(cos_sin(&square_input(a)?)?.0)
}

/// Matrix sine, `Im e^{iA}` for a real `A`.
///
/// SciPy equivalent: `scipy.linalg.sinm(A)` (real `A`).
///
/// # Errors
///
/// As [`cosm`].
///
/// # Examples
///
/// ```
/// use sci_linalg::sinm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let s = sinm(&array![[1.0, 2.0], [-1.0, 3.0]]).unwrap();
/// assert_allclose(&s, &array![[1.89217551, -0.97811252], [0.48905626, 0.91406299]], 1e-8, 0.0);
/// ```
pub fn sinm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    Ok(cos_sin(&square_input(a)?)?.1)
}

/// Matrix tangent, `cos(A)⁻¹ sin(A)`.
///
/// SciPy equivalent: `scipy.linalg.tanm(A)` (real `A`).
///
/// # Errors
///
/// As [`cosm`], and [`LinalgError::Singular`](crate::LinalgError::Singular) when `cos(A)` is
/// exactly singular.
///
/// # Examples
///
/// ```
/// use sci_linalg::tanm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let t = tanm(&array![[1.0, 3.0], [1.0, 4.0]]).unwrap();
/// assert_allclose(&t, &array![[-2.00876993, -8.41880636], [-2.80626879, -10.42757629]], 1e-8, 0.0);
/// ```
pub fn tanm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    let (c, s) = cos_sin(&square_input(a)?)?;
    solve(&c, &s)
}

/// Matrix hyperbolic cosine, `(e^A + e^{-A}) / 2`.
///
/// SciPy equivalent: `scipy.linalg.coshm(A)` (real `A`).
///
/// # Errors
///
/// As [`cosm`].
///
/// # Examples
///
/// ```
/// use sci_linalg::coshm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let c = coshm(&array![[1.0, 3.0], [1.0, 4.0]]).unwrap();
/// assert_allclose(&c, &array![[11.24592233, 38.76236492], [12.92078831, 50.00828725]], 1e-8, 0.0);
/// ```
pub fn coshm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    Ok(cosh_sinh(&square_input(a)?)?.0)
}

/// Matrix hyperbolic sine, `(e^A − e^{-A}) / 2`.
///
/// SciPy equivalent: `scipy.linalg.sinhm(A)` (real `A`).
///
/// # Errors
///
/// As [`cosm`].
///
/// # Examples
///
/// ```
/// use sci_linalg::sinhm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let s = sinhm(&array![[1.0, 3.0], [1.0, 4.0]]).unwrap();
/// assert_allclose(&s, &array![[10.57300653, 39.28826594], [13.09608865, 49.86127247]], 1e-8, 0.0);
/// ```
pub fn sinhm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    Ok(cosh_sinh(&square_input(a)?)?.1)
}

/// Matrix hyperbolic tangent, `cosh(A)⁻¹ sinh(A)`.
///
/// SciPy equivalent: `scipy.linalg.tanhm(A)` (real `A`).
///
/// # Errors
///
/// As [`tanm`].
///
/// # Examples
///
/// ```
/// use sci_linalg::tanhm;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let t = tanhm(&array![[1.0, 3.0], [1.0, 4.0]]).unwrap();
/// assert_allclose(&t, &array![[0.34285820, 0.51987926], [0.17329309, 0.86273746]], 1e-7, 0.0);
/// ```
pub fn tanhm<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    let (c, s) = cosh_sinh(&square_input(a)?)?;
    solve(&c, &s)
}
