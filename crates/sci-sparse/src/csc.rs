//! The compressed sparse column (CSC) format.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

use crate::compressed::impl_compressed;
use crate::cs::Cs;
use crate::elementwise::impl_elementwise;
use crate::error::{Result, SparseError, invalid, shape_err};
use crate::index_type::{SpIndex, fits};
use crate::products::{scatter_mat, scatter_vec, spgemm};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CsrMatrix};

/// A sparse matrix in compressed sparse column format: fast column access; the format the
/// direct solvers factor.
///
/// Storage is SciPy's: `indptr` (cols + 1 offsets), `indices` (row of each entry) and `data`.
///
/// SciPy equivalent: `scipy.sparse.csc_array` / `csc_matrix`.
///
/// # Examples
///
/// ```
/// use sci_sparse::CscMatrix;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = CscMatrix::from_dense(&array![[1.0, 0.0], [2.0, 3.0]]);
/// assert_eq!((a.indptr(), a.indices()), (&[0, 2, 3][..], &[0, 1, 1][..]));
/// assert_eq!(a.dot(&array![1.0, 1.0])?, array![1.0, 5.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CscMatrix<T = f64, I = usize> {
    pub(crate) cs: Cs<T, I>,
}

impl_compressed!(CscMatrix, "CscMatrix", false, "csc_array", "csc");
impl_elementwise!(CscMatrix, "CscMatrix");

impl<T: SparseScalar, I: SpIndex> CscMatrix<T, I> {
    /// A copy in the same format (for code generic over SciPy's `.tocsc()` calls).
    ///
    /// SciPy equivalent: `A.tocsc()` (which returns the matrix itself unless `copy=True`).
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CscMatrix::<f64>::identity(2);
    /// assert_eq!(a.tocsc(), a);
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T, I> {
        self.clone()
    }

    /// The transpose, as a CSR matrix sharing this layout.
    ///
    /// SciPy equivalent: `A.T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[1.0, 2.0]]);
    /// assert_eq!(a.transpose().toarray(), array![[1.0], [2.0]]);
    /// ```
    pub fn transpose(&self) -> CsrMatrix<T, I> {
        CsrMatrix { cs: self.cs.clone() }
    }

    /// Converts to CSR (indices sorted, duplicates kept as separate entries).
    ///
    /// SciPy equivalent: `A.tocsr()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.tocsr().indptr(), &[0, 2, 3]);
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T, I> {
        CsrMatrix { cs: self.cs.swap_major() }
    }

    /// `A x` for a vector `x` of length `ncols`.
    ///
    /// SciPy equivalent: `A @ x`.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`] when `x.len() != ncols`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.dot(&array![1.0, -1.0])?, array![-1.0, -3.0]);
    /// assert!(a.dot(&array![1.0, 2.0, 3.0]).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<T>> {
        let n = self.shape().1;
        if x.len() != n {
            return Err(shape_err("x", format!("length {n}"), x.shape()));
        }
        Ok(scatter_vec(&self.cs, x))
    }

    /// `A X` for a dense matrix `X` with `ncols` rows.
    ///
    /// SciPy equivalent: `A @ X`.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`] when `X.nrows() != ncols`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.dot_dense(&array![[1.0], [1.0]])?, array![[3.0], [3.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot_dense<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
        let n = self.shape().1;
        if x.nrows() != n {
            return Err(shape_err("x", format!("{n} rows"), x.shape()));
        }
        Ok(scatter_mat(&self.cs, x))
    }

    /// Sparse product `A B` of two CSC matrices (SciPy's `csc_matmat`): zero sums are not
    /// stored and each column's row indices are left unsorted, in SciPy's order.
    ///
    /// SciPy equivalent: `A @ B`.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`] when `B.nrows() != A.ncols()`;
    /// [`SparseError::IndexOverflow`] when the product has more entries than the index type
    /// can count (SciPy switches to `int64` indices there; use `to_index_type::<i64>()`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// use sci_sparse::CscMatrix;
    /// let a = CscMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// let b = CscMatrix::from_dense(&array![[0.0, 1.0], [1.0, 0.0]]);
    /// assert_eq!(a.matmul(&b)?.toarray(), array![[2.0, 1.0], [3.0, 0.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn matmul(&self, b: &CscMatrix<T, I>) -> Result<CscMatrix<T, I>> {
        let (n, p) = (self.shape().1, b.shape());
        if p.0 != n {
            return Err(shape_err("b", format!("{n} rows"), &[p.0, p.1]));
        }
        // (A B)^T = B^T A^T, and the CSC storage of X is the CSR storage of X^T.
        Ok(CscMatrix { cs: spgemm(&b.cs, &self.cs)? })
    }
}

impl<T: SparseScalar> CscMatrix<T> {
    /// The `n x n` identity.
    ///
    /// SciPy equivalent: `scipy.sparse.identity(n, format='csc')`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_sparse::CscMatrix::<f64>::identity(2).nnz(), 2);
    /// ```
    pub fn identity(n: usize) -> Self {
        Self::eye(n, n, 0)
    }

    /// Column `j` as an `nrows x 1` CSC matrix.
    ///
    /// SciPy equivalent: `A[:, [j]]` (`A.getcol(j)`).
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] when `j >= ncols`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CscMatrix::<f64>::eye(3, 3, 1);
    /// assert_eq!(a.getcol(1)?.indices(), &[0]);
    /// assert!(a.getcol(3).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn getcol(&self, j: usize) -> Result<CscMatrix<T>> {
        if j >= self.cs.nmajor {
            return Err(SparseError::IndexOutOfBounds { arg: "j", index: j as i64, bound: self.cs.nmajor });
        }
        Ok(self.transpose().getrow(j)?.transpose())
    }
}
