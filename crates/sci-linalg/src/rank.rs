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

/// [`matrix_rank_with`] for arrays of any dimension, as `numpy.linalg.matrix_rank`: an input
/// of two or more dimensions is a stack of matrices in its last two axes and gives one rank
/// per matrix (an array of the leading shape; a 0-d array for one matrix); an input of fewer
/// than two dimensions has rank 1 unless all its values are zero (NumPy's `int(not all(A ==
/// 0))`, which holds for NaN too, and for an empty input gives 0).
///
/// NumPy equivalent: `numpy.linalg.matrix_rank(A, tol=None, hermitian=False, *, rtol=None)`
/// (scalar `tol` and `rtol`; NumPy's broadcast arrays of thresholds are not provided).
///
/// # Errors
///
/// As [`matrix_rank_with`] for each matrix of the stack (the first failing one reports);
/// `tol` and `rtol` both set is an error for any dimension, as in NumPy.
///
/// # Examples
///
/// ```
/// use sci_linalg::{MatrixRankOptions, matrix_rank_nd};
/// use sci_linalg::sci_array::ndarray::{Array3, array, arr0};
/// // two 3 x 3 matrices: the identity and a rank-1 outer product
/// let mut a = Array3::<f64>::zeros((2, 3, 3));
/// for i in 0..3 {
///     a[[0, i, i]] = 1.0;
///     for j in 0..3 {
///         a[[1, i, j]] = ((i + 1) * (j + 1)) as f64;
///     }
/// }
/// let o = MatrixRankOptions::default();
/// assert_eq!(matrix_rank_nd(&a, &o)?, array![3usize, 1].into_dyn());
/// assert_eq!(matrix_rank_nd(&array![0.0, 2.0], &o)?, arr0(1usize).into_dyn());
/// assert_eq!(matrix_rank_nd(&array![0.0, 0.0], &o)?, arr0(0usize).into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_rank_nd<T: LinalgScalar, S: Data<Elem = T>, D: ndarray::Dimension>(
    a: &ArrayBase<S, D>,
    opts: &MatrixRankOptions<RealOf<T>>,
) -> Result<ndarray::ArrayD<usize>> {
    if opts.tol.is_some() && opts.rtol.is_some() {
        return Err(invalid("tol", "`tol` and `rtol` can't be both set."));
    }
    let nd = a.ndim();
    if nd < 2 {
        return Ok(ndarray::arr0(usize::from(a.iter().any(|x| *x != T::zero()))).into_dyn());
    }
    let shape = a.shape();
    let lead = &shape[..nd - 2];
    let (m, n) = (shape[nd - 2], shape[nd - 1]);
    let count: usize = lead.iter().product();
    // A view when `a` is C-ordered, else one copy.
    let stack = a.to_shape((count, m, n)).expect("the stack of matrices has the array's size");
    let ranks = (0..count)
        .map(|k| matrix_rank_with(&stack.index_axis(ndarray::Axis(0), k), opts))
        .collect::<Result<Vec<usize>>>()?;
    Ok(ndarray::ArrayD::from_shape_vec(lead, ranks).expect("one rank per matrix of the stack"))
}
