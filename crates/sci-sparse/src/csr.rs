//! The compressed sparse row (CSR) format.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

use crate::compressed::impl_compressed;
use crate::cs::Cs;
use crate::elementwise::impl_elementwise;
use crate::error::{Result, SparseError, invalid, shape_err};
use crate::index_type::{SpIndex, fits};
use crate::products::{gather_mat, gather_vec, spgemm};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix};

/// A sparse matrix in compressed sparse row format: fast row access, matrix-vector products
/// and arithmetic.
///
/// Storage is SciPy's: `indptr` (rows + 1 offsets), `indices` (column of each entry) and
/// `data`; unsorted indices, duplicates and explicit zeros can be stored, as in SciPy.
///
/// SciPy equivalent: `scipy.sparse.csr_array` / `csr_matrix`.
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::sci_array::ndarray::array;
/// let row = [0, 0, 1, 2, 2, 2];
/// let col = [0, 2, 2, 0, 1, 2];
/// let a = CsrMatrix::from_triplets(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &row, &col, (3, 3))?;
/// assert_eq!(a.toarray(), array![[1.0, 0.0, 2.0], [0.0, 0.0, 3.0], [4.0, 5.0, 6.0]]);
/// assert_eq!(a.dot(&array![1.0, 1.0, 1.0])?, array![3.0, 3.0, 15.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CsrMatrix<T = f64, I = usize> {
    pub(crate) cs: Cs<T, I>,
}

impl_compressed!(CsrMatrix, "CsrMatrix", true, "csr_array", "csr");
impl_elementwise!(CsrMatrix, "CsrMatrix");

impl<T: SparseScalar, I: SpIndex> CsrMatrix<T, I> {
    /// A copy in the same format (for code generic over SciPy's `.tocsr()` calls).
    ///
    /// SciPy equivalent: `A.tocsr()` (which returns the matrix itself unless `copy=True`).
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(2);
    /// assert_eq!(a.tocsr(), a);
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T, I> {
        self.clone()
    }

    /// The transpose, as a CSC matrix sharing this layout (no work but a copy).
    ///
    /// SciPy equivalent: `A.T` (`A.transpose()`).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0, 0.0]]);
    /// assert_eq!(a.transpose().toarray(), array![[1.0], [2.0], [0.0]]);
    /// ```
    pub fn transpose(&self) -> CscMatrix<T, I> {
        CscMatrix { cs: self.cs.clone() }
    }

    /// Converts to CSC (indices sorted, duplicates kept as separate entries).
    ///
    /// SciPy equivalent: `A.tocsc()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// let c = a.tocsc();
    /// assert_eq!((c.indptr(), c.indices()), (&[0, 1, 3][..], &[0, 0, 1][..]));
    /// assert_eq!(c.toarray(), a.toarray());
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T, I> {
        CscMatrix { cs: self.cs.swap_major() }
    }

    /// `A x` for a vector `x` of length `ncols` (rayon over rows for large matrices).
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
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.dot(&array![1.0, -1.0])?, array![-1.0, -3.0]);
    /// assert!(a.dot(&array![1.0]).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<T>> {
        let n = self.shape().1;
        if x.len() != n {
            return Err(shape_err("x", format!("length {n}"), x.shape()));
        }
        Ok(gather_vec(&self.cs, x))
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
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.dot_dense(&array![[1.0, 0.0], [0.0, 1.0]])?, a.toarray());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot_dense<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
        let n = self.shape().1;
        if x.nrows() != n {
            return Err(shape_err("x", format!("{n} rows"), x.shape()));
        }
        Ok(gather_mat(&self.cs, x))
    }

    /// Sparse product `A B` (Gustavson's algorithm, SciPy's `csr_matmat`): sums that come out
    /// zero are not stored, and, as in SciPy, each row's column indices are left unsorted (in
    /// the reverse order of their first appearance), so `indices` and `data` equal SciPy's.
    /// Call [`Self::sort_indices`] when sorted rows are needed.
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
    /// use sci_sparse::CsrMatrix;
    /// let a = CsrMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// let b = CsrMatrix::from_dense(&array![[0.0, 1.0], [1.0, 0.0]]);
    /// let c = a.matmul(&b)?;
    /// assert_eq!(c.toarray(), array![[2.0, 1.0], [3.0, 0.0]]);
    /// // row 0 meets column 0, then 1: stored as [1, 0], as SciPy stores it
    /// let d = a.matmul(&CsrMatrix::identity(2))?;
    /// assert_eq!((d.indices(), d.has_sorted_indices()), (&[1, 0, 1][..], false));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn matmul(&self, b: &CsrMatrix<T, I>) -> Result<CsrMatrix<T, I>> {
        let (n, p) = (self.shape().1, b.shape());
        if p.0 != n {
            return Err(shape_err("b", format!("{n} rows"), &[p.0, p.1]));
        }
        Ok(CsrMatrix { cs: spgemm(&self.cs, &b.cs)? })
    }
}

impl<T: SparseScalar> CsrMatrix<T> {
    /// The `n x n` identity.
    ///
    /// SciPy equivalent: `scipy.sparse.identity(n, format='csr')`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_sparse::CsrMatrix::<f64>::identity(3).diagonal(0).sum(), 3.0);
    /// ```
    pub fn identity(n: usize) -> Self {
        Self::eye(n, n, 0)
    }

    /// Rows `start..stop` as a new CSR matrix.
    ///
    /// SciPy equivalent: `A[start:stop]`.
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] when `stop > nrows`; [`SparseError::InvalidValue`]
    /// when `start > stop`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4);
    /// assert_eq!(a.slice_rows(1, 3)?.toarray(), array![[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]);
    /// assert!(a.slice_rows(2, 5).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn slice_rows(&self, start: usize, stop: usize) -> Result<CsrMatrix<T>> {
        let m = self.cs.nmajor;
        if stop > m {
            return Err(SparseError::IndexOutOfBounds { arg: "stop", index: stop as i64, bound: m + 1 });
        }
        if start > stop {
            return Err(invalid("start", format!("start {start} > stop {stop}")));
        }
        let (a, b) = (self.cs.indptr[start], self.cs.indptr[stop]);
        let indptr = self.cs.indptr[start..=stop].iter().map(|&p| p - a).collect();
        Ok(CsrMatrix {
            cs: Cs {
                nmajor: stop - start,
                nminor: self.cs.nminor,
                indptr,
                indices: self.cs.indices[a..b].to_vec(),
                data: self.cs.data[a..b].to_vec(),
            },
        })
    }

    /// Row `i` as a `1 x ncols` CSR matrix.
    ///
    /// SciPy equivalent: `A[[i], :]` (`A.getrow(i)`).
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] when `i >= nrows`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::eye(3, 3, 1);
    /// assert_eq!(a.getrow(0)?.indices(), &[1]);
    /// assert!(a.getrow(3).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn getrow(&self, i: usize) -> Result<CsrMatrix<T>> {
        if i >= self.cs.nmajor {
            return Err(SparseError::IndexOutOfBounds { arg: "i", index: i as i64, bound: self.cs.nmajor });
        }
        self.slice_rows(i, i + 1)
    }
}

impl<T: SparseScalar + Default> CsrMatrix<T> {
    /// A canonical copy as an [`sprs::CsMat`] (CSR), for interoperability with `sprs`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(3);
    /// let s = a.to_sprs();
    /// assert_eq!((s.rows(), s.nnz()), (3, 3));
    /// assert_eq!(sci_sparse::CsrMatrix::from_sprs(&s), a);
    /// ```
    pub fn to_sprs(&self) -> sprs::CsMat<T> {
        let c = self.cs.canonical();
        sprs::CsMat::new((c.nmajor, c.nminor), c.indptr, c.indices, c.data)
    }

    /// Converts an [`sprs::CsMat`] (either storage order) into a CSR matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = sprs::CsMat::<f64>::eye(2).to_csc();
    /// let a = sci_sparse::CsrMatrix::from_sprs(&s);
    /// assert_eq!(a.nnz(), 2);
    /// ```
    pub fn from_sprs(m: &sprs::CsMat<T>) -> Self {
        let csr = m.to_csr();
        let (indptr, indices, data) = (csr.indptr().to_proper().into_owned(), csr.indices(), csr.data());
        CsrMatrix {
            cs: Cs {
                nmajor: csr.rows(),
                nminor: csr.cols(),
                indptr,
                indices: indices.to_vec(),
                data: data.to_vec(),
            },
        }
    }
}
