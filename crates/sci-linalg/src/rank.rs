//! `matrix_rank` with NumPy's keyword arguments (`tol=`, `rtol=`, `hermitian=`).

use ndarray::{ArrayBase, Data, Ix2};
use num_traits::{Float, Zero};

use crate::error::{Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, check_finite};

/// Options of [`matrix_rank_with`], with NumPy's defaults (all `None`/`false`).
///
/// # Examples
///
/// ```
/// use sci_linalg::MatrixRankOptions;
/// let o = MatrixRankOptions::<f64> { hermitian: true, ..Default::default() };
/// assert!(o.tol.is_none() && o.rtol.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MatrixRankOptions<R> {
    /// Absolute threshold: singular values above it count. Excludes `rtol`.
    pub tol: Option<R>,
    /// Relative threshold: singular values above `rtol · s_max` count; `None` (with `tol =
    /// None`) is `max(m, n) · eps`.
    pub rtol: Option<R>,
    /// `a` is Hermitian (real symmetric): the singular values are the moduli of the
    /// eigenvalues of [`eigvalsh`](crate::eigvalsh) (its lower triangle is read, as NumPy's
    /// `UPLO='L'`).
    pub hermitian: bool,
}

/// Rank of a matrix with NumPy's `tol=`, `rtol=` and `hermitian=` options: the number of
/// singular values above the threshold.
///
/// The threshold is `tol` when given, else `rtol · s_max` with `rtol = max(m, n) · eps` by
/// default ([`matrix_rank`](crate::matrix_rank) takes `tol` only). With `hermitian = true`
/// the singular values are `|eigvalsh(a)|`, cheaper than an SVD. An empty matrix has rank 0.
///
/// NumPy equivalent: `numpy.linalg.matrix_rank(A, tol=None, hermitian=False, *, rtol=None)`
/// (2-d input; NaN/inf are an error, as SciPy's `check_finite`).
///
/// # Errors
///
/// [`LinalgError::Array`](crate::LinalgError::Array) (invalid value of `tol`) when both `tol`
/// and `rtol` are given (NumPy: "`tol` and `rtol` can't be both set."),
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare) with `hermitian = true` for a
/// non-square `a`, [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence).
///
/// # Examples
///
/// ```
/// use sci_linalg::{MatrixRankOptions, matrix_rank_with};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 0.0, 0.0], [0.0, 1e-3, 0.0], [0.0, 0.0, 1e-9]];
/// assert_eq!(matrix_rank_with(&a, &MatrixRankOptions::default())?, 3);
/// assert_eq!(matrix_rank_with(&a, &MatrixRankOptions { rtol: Some(1e-6), ..Default::default() })?, 2);
/// assert_eq!(matrix_rank_with(&a, &MatrixRankOptions { tol: Some(1e-2), ..Default::default() })?, 1);
/// let s = array![[2.0, -2.0], [-2.0, 2.0]]; // symmetric, eigenvalues 0 and 4
/// assert_eq!(matrix_rank_with(&s, &MatrixRankOptions { hermitian: true, ..Default::default() })?, 1);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`):
///
/// ```
/// use sci_linalg::{MatrixRankOptions, matrix_rank_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let h = array![[C::new(1.0, 0.0), C::new(0.0, -1.0)], [C::new(0.0, 1.0), C::new(1.0, 0.0)]];
/// assert_eq!(matrix_rank_with(&h, &MatrixRankOptions { hermitian: true, ..Default::default() })?, 1);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_rank_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &MatrixRankOptions<RealOf<T>>,
) -> Result<usize> {
    if opts.tol.is_some() && opts.rtol.is_some() {
        return Err(invalid("tol", "`tol` and `rtol` can't be both set."));
    }
    let s = if opts.hermitian {
        crate::eig::eigvalsh(a, true)?.mapv(Float::abs)
    } else {
        check_finite(a, "a")?;
        crate::svd::svdvals(a)?
    };
    let tol = opts.tol.unwrap_or_else(|| {
        let rtol = opts.rtol.unwrap_or_else(|| {
            RealOf::<T>::lit(a.nrows().max(a.ncols()) as f64) * <RealOf<T> as Float>::epsilon()
        });
        s.iter().copied().fold(RealOf::<T>::zero(), RealOf::<T>::max) * rtol
    });
    Ok(s.iter().filter(|&&x| x > tol).count())
}
