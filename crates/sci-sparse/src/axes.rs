//! `swapaxes` and `permute_dims` for 2-d sparse matrices.

use crate::error::{Result, invalid};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CsrMatrix};

/// Normalizes an axis of a 2-d array as NumPy does (`-2..2`).
fn axis(a: isize) -> Result<usize> {
    match a {
        0 | -2 => Ok(0),
        1 | -1 => Ok(1),
        _ => Err(invalid("axis", format!("Invalid axis: {a} is out of bounds for ndim=2"))),
    }
}

/// The matrix with axes `axis1` and `axis2` interchanged: its transpose, or (equal axes) the
/// same entries. A COO matrix, as SciPy returns for a swap (SciPy hands back the input itself
/// when the axes are equal).
///
/// SciPy equivalent: `scipy.sparse.swapaxes(A, axis1, axis2)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for an axis outside
/// `-2..2`.
///
/// # Examples
///
/// ```
/// use sci_sparse::{swapaxes, CsrMatrix};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CsrMatrix::from_dense(&array![[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]);
/// assert_eq!(swapaxes(&a, 0, 1)?.toarray(), array![[1.0, 0.0], [0.0, 3.0], [2.0, 0.0]]);
/// assert_eq!(swapaxes(&a, -1, -1)?.toarray(), a.toarray());
/// assert!(swapaxes(&a, 0, 2).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn swapaxes<T: SparseScalar>(a: &CsrMatrix<T>, axis1: isize, axis2: isize) -> Result<CooMatrix<T>> {
    let (x, y) = (axis(axis1)?, axis(axis2)?);
    Ok(if x == y { a.tocoo() } else { a.tocoo().transpose() })
}

/// The matrix with its axes permuted by `axes` (`None` reverses them: the transpose), as a
/// COO matrix (SciPy hands back the input itself for the identity permutation).
///
/// SciPy equivalent: `scipy.sparse.permute_dims(A, axes)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for an axis outside
/// `-2..2` or a repeated axis ("duplicate value in axis").
///
/// # Examples
///
/// ```
/// use sci_sparse::{permute_dims, CsrMatrix};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CsrMatrix::from_dense(&array![[1.0, 2.0]]);
/// assert_eq!(permute_dims(&a, None)?.toarray(), array![[1.0], [2.0]]);
/// assert_eq!(permute_dims(&a, Some([0, 1]))?.shape(), (1, 2));
/// assert!(permute_dims(&a, Some([1, -1])).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn permute_dims<T: SparseScalar>(a: &CsrMatrix<T>, axes: Option<[isize; 2]>) -> Result<CooMatrix<T>> {
    let [x, y] = match axes {
        None => [1, 0],
        Some([p, q]) => [axis(p)?, axis(q)?],
    };
    if x == y {
        return Err(invalid("axes", "duplicate value in axis"));
    }
    Ok(if x == 0 { a.tocoo() } else { a.tocoo().transpose() })
}
