//! Matrix norms, the sparse inverse, bandwidth and triangularity tests.

use super::ToCsc;
use super::lu::{SpluOptions, splu};
use crate::cs::Cs;
use crate::error::{Result, shape_err};
use crate::{CscMatrix, CsrMatrix};

/// Which matrix norm [`norm`] computes (SciPy's `ord`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NormOrd {
    /// Frobenius norm (`None` / `"fro"`).
    #[default]
    Fro,
    /// Largest absolute row sum (`inf`).
    Inf,
    /// Smallest absolute row sum (`-inf`).
    NegInf,
    /// Largest absolute column sum (`1`).
    One,
    /// Smallest absolute column sum (`-1`).
    NegOne,
}

/// A norm of a sparse matrix (duplicates summed first).
///
/// SciPy equivalent: `scipy.sparse.linalg.norm(x, ord)` (the 2-norm, which SciPy does not
/// support for sparse input either, is absent).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{norm, NormOrd};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[-4.0, -3.0], [0.0, 0.0]]);
/// assert_eq!(norm(&a, NormOrd::Fro), 5.0);
/// assert_eq!(norm(&a, NormOrd::Inf), 7.0);
/// assert_eq!(norm(&a, NormOrd::One), 4.0);
/// assert_eq!(norm(&a, NormOrd::NegInf), 0.0);
/// ```
pub fn norm(x: &CsrMatrix<f64>, ord: NormOrd) -> f64 {
    let c: Cs<f64> = x.cs.canonical();
    let abs = c.map(f64::abs);
    let fold = |v: Vec<f64>, max: bool| {
        v.into_iter()
            .fold(if max { 0.0 } else { f64::INFINITY }, |a, b| if max { a.max(b) } else { a.min(b) })
    };
    match ord {
        NormOrd::Fro => c.data.iter().map(|v| v * v).sum::<f64>().sqrt(),
        NormOrd::Inf => fold(abs.major_sums(), true),
        NormOrd::NegInf => fold(abs.major_sums(), false),
        NormOrd::One => fold(abs.minor_sums(), true),
        NormOrd::NegOne => fold(abs.minor_sums(), false),
    }
}

/// The inverse of a square sparse matrix, as a sparse matrix (zeros not stored). Usually
/// dense: prefer [`spsolve`](super::spsolve) or [`splu`].
///
/// SciPy equivalent: `scipy.sparse.linalg.inv(A)`.
///
/// # Errors
///
/// Those of [`splu`]: non-square or singular `A`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::inv;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[2.0, 0.0], [0.0, 4.0]]);
/// assert_eq!(inv(&a)?.toarray(), array![[0.5, 0.0], [0.0, 0.25]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn inv<A: ToCsc + ?Sized>(a: &A) -> Result<CscMatrix<f64>> {
    let lu = splu(a, &SpluOptions::default())?;
    let n = lu.shape().0;
    let eye = sci_array::ndarray::Array2::<f64>::eye(n);
    Ok(CscMatrix::from_dense(&lu.solve(&eye)?))
}

/// Lower and upper bandwidth of a sparse matrix: the largest `i - j` and `j - i` over the
/// stored entries (0 when there are none).
///
/// SciPy equivalent: `scipy.sparse.linalg.spbandwidth(A)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::spbandwidth;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0, 2.0], [3.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
/// assert_eq!(spbandwidth(&a), (1, 2));
/// ```
pub fn spbandwidth(a: &CsrMatrix<f64>) -> (usize, usize) {
    let c = &a.cs;
    let (mut lo, mut up) = (0, 0);
    for i in 0..c.nmajor {
        for &j in &c.indices[c.indptr[i]..c.indptr[i + 1]] {
            if i > j {
                lo = lo.max(i - j);
            } else {
                up = up.max(j - i);
            }
        }
    }
    (lo, up)
}

/// Whether a square sparse matrix is lower and/or upper triangular (by its stored entries).
///
/// SciPy equivalent: `scipy.sparse.linalg.is_sptriangular(A)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::is_sptriangular;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [3.0, 1.0]]);
/// assert_eq!(is_sptriangular(&a)?, (true, false));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn is_sptriangular(a: &CsrMatrix<f64>) -> Result<(bool, bool)> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    let (lo, up) = spbandwidth(a);
    Ok((up == 0, lo == 0))
}
