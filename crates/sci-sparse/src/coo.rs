//! The coordinate (COO, triplet) format.

use sci_array::ndarray::{Array2, ArrayBase, Data, Ix2};

use crate::error::{Result, SparseError, invalid};
use crate::index_type::{SpIndex, fits_matrix};
use crate::scalar::SparseScalar;
use crate::{CscMatrix, CsrMatrix};

/// A sparse matrix as three parallel lists: `data[k]` sits at `(row[k], col[k])`.
///
/// Duplicates are allowed and add up, as in SciPy; convert to [`CsrMatrix`] or
/// [`CscMatrix`] for arithmetic and products.
///
/// SciPy equivalent: `scipy.sparse.coo_array`.
///
/// # Examples
///
/// ```
/// use sci_sparse::CooMatrix;
/// let a = CooMatrix::new(vec![4.0, 5.0, 7.0], vec![0, 3, 0], vec![0, 3, 0], (4, 4))?;
/// assert_eq!(a.nnz(), 3);
/// assert_eq!(a.toarray()[[0, 0]], 11.0);
/// assert_eq!(a.tocsr().nnz(), 2);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CooMatrix<T = f64, I = usize> {
    data: Vec<T>,
    row: Vec<I>,
    col: Vec<I>,
    shape: (usize, usize),
}

impl<T: SparseScalar, I: SpIndex> CooMatrix<T, I> {
    /// Builds a COO matrix from triplets; duplicates are kept as given.
    ///
    /// The index type of `row` and `col` (`usize`, `i64` or `i32`, see [`SpIndex`]) is the
    /// matrix's index type.
    ///
    /// SciPy equivalent: `scipy.sparse.coo_array((data, (row, col)), shape=shape)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`] when the lengths differ or an index is negative;
    /// [`SparseError::IndexOutOfBounds`] for a row or column index outside `shape`;
    /// [`SparseError::IndexOverflow`] when `shape` or the number of entries does not fit the
    /// index type.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CooMatrix;
    /// assert!(CooMatrix::new(vec![1.0], vec![2], vec![0], (2, 2)).is_err());
    /// assert!(CooMatrix::new(vec![1.0, 2.0], vec![0], vec![0], (2, 2)).is_err());
    /// assert_eq!(CooMatrix::new(vec![1.0], vec![1], vec![1], (2, 2))?.nnz(), 1);
    /// // int32 coordinates: an int32 matrix
    /// let b = CooMatrix::new(vec![1.0], vec![1i32], vec![0], (2, 2))?;
    /// assert_eq!((b.row(), b.nbytes()), (&[1i32][..], 16));
    /// assert!(CooMatrix::new(vec![1.0], vec![-1i32], vec![0], (2, 2)).is_err());
    /// assert!(CooMatrix::new(vec![1.0], vec![0i32], vec![0], (1, 1 << 31)).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn new(data: Vec<T>, row: Vec<I>, col: Vec<I>, shape: (usize, usize)) -> Result<Self> {
        if row.len() != col.len() || row.len() != data.len() {
            return Err(invalid(
                "row",
                format!(
                    "row, column, and data array must all be the same length (got {}, {}, {})",
                    row.len(),
                    col.len(),
                    data.len()
                ),
            ));
        }
        fits_matrix::<I>(shape, data.len())?;
        for (arg, ind, bound) in [("row", &row, shape.0), ("col", &col, shape.1)] {
            if let Some(&r) = ind.iter().find(|&&r| r.checked_idx().is_none_or(|r| r >= bound)) {
                if r < I::default() {
                    return Err(invalid(arg, "negative index found"));
                }
                return Err(SparseError::IndexOutOfBounds { arg, index: r.to_i64(), bound });
            }
        }
        Ok(CooMatrix { data, row, col, shape })
    }

    /// Unchecked constructor for callers that guarantee valid indices.
    pub(crate) fn from_raw(data: Vec<T>, row: Vec<I>, col: Vec<I>, shape: (usize, usize)) -> Self {
        CooMatrix { data, row, col, shape }
    }

    /// `(rows, cols)`.
    ///
    /// SciPy equivalent: `A.shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::<f64>::new(vec![], vec![], vec![], (3, 0))?;
    /// assert_eq!(a.shape(), (3, 0));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// Number of stored entries (duplicates and explicit zeros included).
    ///
    /// SciPy equivalent: `A.nnz`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 1.0], vec![0, 0], vec![0, 0], (1, 1))?;
    /// assert_eq!(a.nnz(), 2);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// The stored values.
    ///
    /// SciPy equivalent: `A.data`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![2.0], vec![0], vec![0], (1, 1))?;
    /// assert_eq!(a.data(), &[2.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn data(&self) -> &[T] {
        &self.data
    }

    /// The row index of every stored value.
    ///
    /// SciPy equivalent: `A.row` (`A.coords[0]`).
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![2.0], vec![1], vec![0], (2, 1))?;
    /// assert_eq!(a.row(), &[1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn row(&self) -> &[I] {
        &self.row
    }

    /// The column index of every stored value.
    ///
    /// SciPy equivalent: `A.col` (`A.coords[1]`).
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![2.0], vec![0], vec![1], (1, 2))?;
    /// assert_eq!(a.col(), &[1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn col(&self) -> &[I] {
        &self.col
    }

    /// The dense matrix; duplicates add up.
    ///
    /// SciPy equivalent: `A.toarray()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 2.0], vec![0, 0], vec![1, 1], (1, 2))?;
    /// assert_eq!(a.toarray(), array![[0.0, 3.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn toarray(&self) -> Array2<T> {
        let mut out = Array2::<T>::zeros(self.shape);
        for k in 0..self.data.len() {
            out[[self.row[k].idx(), self.col[k].idx()]] += self.data[k];
        }
        out
    }

    /// Converts to CSR (duplicates summed, indices sorted, explicit zeros kept).
    ///
    /// SciPy equivalent: `A.tocsr()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 2.0], vec![0, 0], vec![1, 1], (1, 2))?;
    /// let c = a.tocsr();
    /// assert_eq!((c.indices(), c.data()), (&[1][..], &[3.0][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T, I> {
        CsrMatrix::from_coo(self)
    }

    /// Converts to CSC (duplicates summed, indices sorted, explicit zeros kept).
    ///
    /// SciPy equivalent: `A.tocsc()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 2.0], vec![1, 0], vec![0, 0], (2, 1))?;
    /// assert_eq!(a.tocsc().indices(), &[0, 1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T, I> {
        CscMatrix::from_coo(self)
    }

    /// The transpose (row and column lists swapped).
    ///
    /// SciPy equivalent: `A.T`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0], vec![0], vec![2], (1, 3))?;
    /// let t = a.transpose();
    /// assert_eq!((t.shape(), t.row(), t.col()), ((3, 1), &[2][..], &[0][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn transpose(&self) -> Self {
        CooMatrix {
            data: self.data.clone(),
            row: self.col.clone(),
            col: self.row.clone(),
            shape: (self.shape.1, self.shape.0),
        }
    }

    /// Sorts entries by (row, column) and sums duplicates in place.
    ///
    /// SciPy equivalent: `A.sum_duplicates()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::CooMatrix::new(vec![1.0, 2.0, 5.0], vec![1, 0, 1], vec![0, 0, 0], (2, 1))?;
    /// a.sum_duplicates();
    /// assert_eq!((a.row(), a.data()), (&[0, 1][..], &[2.0, 6.0][..]));
    /// assert!(a.has_canonical_format());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn sum_duplicates(&mut self) {
        *self = self.tocsr().tocoo();
    }

    /// Whether entries are sorted by (row, column) without duplicates.
    ///
    /// SciPy equivalent: `A.has_canonical_format`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 2.0], vec![1, 0], vec![0, 0], (2, 1))?;
    /// assert!(!a.has_canonical_format());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn has_canonical_format(&self) -> bool {
        (1..self.data.len()).all(|k| (self.row[k - 1], self.col[k - 1]) < (self.row[k], self.col[k]))
    }

    /// Removes stored zeros in place.
    ///
    /// SciPy equivalent: `A.eliminate_zeros()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::CooMatrix::new(vec![0.0, 2.0], vec![0, 0], vec![0, 1], (1, 2))?;
    /// a.eliminate_zeros();
    /// assert_eq!(a.nnz(), 1);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn eliminate_zeros(&mut self) {
        let keep: Vec<usize> = (0..self.data.len()).filter(|&k| self.data[k] != T::zero()).collect();
        self.data = keep.iter().map(|&k| self.data[k]).collect();
        self.row = keep.iter().map(|&k| self.row[k]).collect();
        self.col = keep.iter().map(|&k| self.col[k]).collect();
    }

    /// Bytes held by `data`, `row` and `col` (`size_of::<I>()` bytes per index).
    ///
    /// SciPy equivalent: `A.data.nbytes + A.row.nbytes + A.col.nbytes`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0], vec![0usize], vec![0], (1, 1))?;
    /// assert_eq!(a.nbytes(), 24);
    /// // int32 coordinates, as SciPy's: 4 bytes each
    /// assert_eq!(a.to_index_type::<i32>()?.nbytes(), 16);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nbytes(&self) -> usize {
        self.data.len() * (std::mem::size_of::<T>() + 2 * std::mem::size_of::<I>())
    }

    /// The same matrix with index type `J` (a copy of the coordinate arrays).
    ///
    /// SciPy equivalent: `scipy.sparse.safely_cast_index_arrays(A, idx_dtype)` (which returns
    /// the cast `coords`).
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOverflow`] when the number of entries or a dimension exceeds `J`'s
    /// largest value.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0, 2.0], vec![0, 1], vec![1, 0], (2, 2))?;
    /// let b = a.to_index_type::<i32>()?;
    /// assert_eq!((b.row(), b.nbytes()), (&[0i32, 1][..], 32));
    /// assert_eq!(b.to_index_type::<usize>()?, a);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn to_index_type<J: SpIndex>(&self) -> Result<CooMatrix<T, J>> {
        fits_matrix::<J>(self.shape, self.nnz())?;
        use crate::index_type::convert;
        Ok(CooMatrix {
            data: self.data.clone(),
            row: convert(&self.row),
            col: convert(&self.col),
            shape: self.shape,
        })
    }
}

impl<T: SparseScalar> CooMatrix<T> {
    /// The nonzero entries of a dense matrix, in row-major order.
    ///
    /// SciPy equivalent: `scipy.sparse.coo_array(dense)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CooMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = CooMatrix::from_dense(&array![[0.0, 2.0], [3.0, 0.0]]);
    /// assert_eq!((a.row(), a.col(), a.data()), (&[0, 1][..], &[1, 0][..], &[2.0, 3.0][..]));
    /// ```
    pub fn from_dense<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Self {
        let (mut data, mut row, mut col) = (Vec::new(), Vec::new(), Vec::new());
        for ((i, j), &v) in a.indexed_iter() {
            if v != T::zero() {
                data.push(v);
                row.push(i);
                col.push(j);
            }
        }
        CooMatrix { data, row, col, shape: a.dim() }
    }
}

impl<T: SparseScalar> CooMatrix<T> {
    /// Converts `sprs` triplets (the sparse type `sci_io::mmread` returns for Matrix Market
    /// coordinate files), keeping their order and duplicates.
    ///
    /// SciPy equivalent: the `coo_array` that `scipy.io.mmread` returns.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = sprs::TriMat::from_triplets((2, 3), vec![1, 0], vec![2, 0], vec![5.0, 1.0]);
    /// let a = sci_sparse::CooMatrix::from_trimat(&t);
    /// assert_eq!((a.shape(), a.row(), a.col(), a.data()), ((2, 3), &[1, 0][..], &[2, 0][..], &[5.0, 1.0][..]));
    /// ```
    pub fn from_trimat(t: &sprs::TriMat<T>) -> Self {
        CooMatrix::from_raw(t.data().to_vec(), t.row_inds().to_vec(), t.col_inds().to_vec(), t.shape())
    }

    /// The same triplets as an `sprs::TriMat` (what `sci_io::mmwrite` takes for coordinate
    /// files).
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![2.0], vec![1], vec![0], (2, 2))?;
    /// let t = a.to_trimat();
    /// assert_eq!((t.row_inds(), t.col_inds(), t.data()), (&[1][..], &[0][..], &[2.0][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn to_trimat(&self) -> sprs::TriMat<T> {
        sprs::TriMat::from_triplets(self.shape, self.row.clone(), self.col.clone(), self.data.clone())
    }
}
