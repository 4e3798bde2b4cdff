//! Matrix functions built on the Schur form: `sqrtm`, `logm`, `funm`, `signm`,
//! `fractional_matrix_power`, and the trigonometric/hyperbolic ones built on `expm`.
//!
//! A real matrix may have a complex square root or logarithm (a negative eigenvalue), so
//! these return [`RealOrComplex`]: real when the result is real, as SciPy's `_maybe_real`
//! decides.

mod logm;
mod sqrtm;
mod trig;

pub use logm::{fractional_matrix_power, logm};
pub use sqrtm::{funm, signm, sqrtm};
pub use trig::{coshm, cosm, sinhm, sinm, tanhm, tanm};

use ndarray::{Array2, ArrayBase, Data, Ix2, s};
use num_complex::Complex;

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::matfuncs::expm;
use crate::scalar::{LinalgFloat, check_square_finite, to_fortran, zeros_f};
use crate::schur::{real_schur, rsf2csf_unchecked};

/// The value of a matrix function of a real matrix: real when it is real, complex otherwise.
///
/// SciPy returns a `float64` or a `complex128` array depending on the result (its
/// `_maybe_real`: a complex result whose imaginary parts are all below `1e6·eps` (`1e3·eps`
/// for `f32`) in magnitude is returned as its real part); this enum carries the same choice.
///
/// # Examples
///
/// ```
/// use sci_linalg::sqrtm;
/// use sci_linalg::sci_array::ndarray::array;
/// let r = sqrtm(&array![[4.0, 0.0], [0.0, 9.0]]).unwrap();
/// assert!(r.is_real());
/// assert_eq!(r.clone().into_real().unwrap(), array![[2.0, 0.0], [0.0, 3.0]]);
/// let c = sqrtm(&array![[-4.0]]).unwrap(); // a negative eigenvalue: complex
/// assert!(!c.is_real());
/// assert_eq!(c.into_complex()[[0, 0]].im, 2.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum RealOrComplex<T> {
    /// A real result.
    Real(Array2<T>),
    /// A complex result.
    Complex(Array2<Complex<T>>),
}

impl<T: LinalgFloat> RealOrComplex<T> {
    /// Whether the result is real.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::RealOrComplex;
    /// use sci_linalg::sci_array::ndarray::array;
    /// assert!(RealOrComplex::Real(array![[1.0]]).is_real());
    /// ```
    pub fn is_real(&self) -> bool {
        matches!(self, Self::Real(_))
    }

    /// The real matrix, or `None` for a complex result.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::RealOrComplex;
    /// use sci_linalg::sci_array::ndarray::array;
    /// assert_eq!(RealOrComplex::Real(array![[1.0]]).into_real(), Some(array![[1.0]]));
    /// ```
    pub fn into_real(self) -> Option<Array2<T>> {
        match self {
            Self::Real(a) => Some(a),
            Self::Complex(_) => None,
        }
    }

    /// The result as a complex matrix (a real one gets zero imaginary parts).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::RealOrComplex;
    /// use sci_linalg::sci_array::ndarray::array;
    /// use sci_linalg::sci_array::num_complex::Complex64;
    /// let c = RealOrComplex::Real(array![[1.5]]).into_complex();
    /// assert_eq!(c[[0, 0]], Complex64::new(1.5, 0.0));
    /// ```
    pub fn into_complex(self) -> Array2<Complex<T>> {
        match self {
            Self::Real(a) => a.mapv(|x| Complex::new(x, T::zero())),
            Self::Complex(c) => c,
        }
    }
}

/// SciPy's `_maybe_real` tolerance: `1e3·eps(f32)` for single, `1e6·eps(f64)` for double.
fn maybe_real_tol<T: LinalgFloat>() -> T {
    if T::epsilon() > T::lit(1e-10) { T::lit(1e3) * T::epsilon() } else { T::lit(1e6) * T::epsilon() }
}

/// SciPy's `_maybe_real` for a real input.
pub(crate) fn maybe_real<T: LinalgFloat>(c: Array2<Complex<T>>) -> RealOrComplex<T> {
    let tol = maybe_real_tol::<T>();
    if c.iter().all(|z| z.im.abs() <= tol) {
        RealOrComplex::Real(c.mapv(|z| z.re))
    } else {
        RealOrComplex::Complex(c)
    }
}

pub(crate) fn czero<T: LinalgFloat>() -> Complex<T> {
    Complex::new(T::zero(), T::zero())
}

/// `a @ b` for complex matrices (the crate's complex product).
pub(crate) fn cmatmul<T: LinalgFloat>(a: &Array2<Complex<T>>, b: &Array2<Complex<T>>) -> Array2<Complex<T>> {
    T::complex_matmul(a.view(), b.view())
}

/// The complex Schur form `(t, z)` of a finite real square matrix. An upper triangular input
/// is its own Schur form (`z = I`), as in SciPy's `logm`; `z` is `None` then.
pub(crate) fn complex_schur<T: LinalgFloat>(
    a: &Array2<T>,
) -> Result<(Array2<Complex<T>>, Option<Array2<Complex<T>>>)> {
    let n = a.nrows();
    let upper = (0..n).all(|j| (j + 1..n).all(|i| a[[i, j]] == T::zero()));
    if upper {
        return Ok((a.mapv(|x| Complex::new(x, T::zero())), None));
    }
    let (t, z) = real_schur(to_fortran(a))?;
    let (t, z) = rsf2csf_unchecked(&t, &z);
    Ok((t, Some(z)))
}

/// `z · f · zᴴ` (or `f` when `z` is `None`).
/// The complex Schur form `(t, z)` of a real or complex `a` after SciPy's checks (`z = None`
/// when `a` is already upper triangular); real input goes through the real Schur form and
/// `rsf2csf`.
#[allow(clippy::type_complexity)]
pub(crate) fn complex_schur_any<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<Complex<RealOf<T>>>, Option<Array2<Complex<RealOf<T>>>>)> {
    check_square_finite(a, "A")?;
    if !T::IS_COMPLEX {
        return complex_schur(&to_fortran(&a.mapv(T::re)));
    }
    let n = a.nrows();
    if (0..n).all(|j| (j + 1..n).all(|i| a[[i, j]] == T::zero())) {
        return Ok((a.mapv(T::to_complex), None));
    }
    let (t, z) = T::schur_c_k(a.view())?;
    Ok((t, Some(z)))
}

pub(crate) fn unschur<T: LinalgFloat>(
    f: Array2<Complex<T>>,
    z: Option<&Array2<Complex<T>>>,
) -> Array2<Complex<T>> {
    match z {
        None => f,
        Some(z) => {
            let zh = z.t().mapv(|x| x.conj());
            cmatmul(&cmatmul(z, &f), &zh)
        }
    }
}

/// `e^C` of a complex matrix, from the real `expm` of `[[X, -Y], [Y, X]]` (`C = X + iY`),
/// whose exponential is `[[Re e^C, -Im e^C], [Im e^C, Re e^C]]`.
pub(crate) fn expm_complex<T: LinalgFloat>(c: &Array2<Complex<T>>) -> Result<Array2<Complex<T>>> {
    let n = c.nrows();
    let mut big = zeros_f(2 * n, 2 * n);
    let (x, y) = (c.mapv(|z| z.re), c.mapv(|z| z.im));
    big.slice_mut(s![..n, ..n]).assign(&x);
    big.slice_mut(s![n.., n..]).assign(&x);
    big.slice_mut(s![n.., ..n]).assign(&y);
    big.slice_mut(s![..n, n..]).assign(&y.mapv(|v| -v));
    let e = expm(&big)?;
    let mut out = Array2::from_elem((n, n), czero());
    for j in 0..n {
        for i in 0..n {
            out[[i, j]] = Complex::new(e[[i, j]], e[[i + n, j]]);
        }
    }
    Ok(out)
}

/// Validates a square finite input and copies it to Fortran order.
pub(crate) fn square_input<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    check_square_finite(a, "A")?;
    Ok(to_fortran(a))
}
