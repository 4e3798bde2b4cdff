//! The coordinate (COO, triplet) format.

use sci_array::ndarray::{Array2, ArrayBase, Data, Ix2};

use crate::error::{Result, SparseError, invalid};
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
pub struct CooMatrix<T = f64> {
    data: Vec<T>,
    row: Vec<usize>,
    col: Vec<usize>,
    shape: (usize, usize),
}

impl<T: SparseScalar> CooMatrix<T> {
    /// Builds a COO matrix from triplets; duplicates are kept as given.
    ///
    /// SciPy equivalent: `scipy.sparse.coo_array((data, (row, col)), shape=shape)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`] when the lengths differ; [`SparseError::IndexOutOfBounds`]
    /// for a row or column index outside `shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::CooMatrix;
    /// assert!(CooMatrix::new(vec![1.0], vec![2], vec![0], (2, 2)).is_err());
    /// assert!(CooMatrix::new(vec![1.0, 2.0], vec![0], vec![0], (2, 2)).is_err());
    /// assert_eq!(CooMatrix::new(vec![1.0], vec![1], vec![1], (2, 2))?.nnz(), 1);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn new(data: Vec<T>, row: Vec<usize>, col: Vec<usize>, shape: (usize, usize)) -> Result<Self> {
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
        if let Some(&r) = row.iter().find(|&&r| r >= shape.0) {
            return Err(SparseError::IndexOutOfBounds { arg: "row", index: r as i64, bound: shape.0 });
        }
        if let Some(&c) = col.iter().find(|&&c| c >= shape.1) {
            return Err(SparseError::IndexOutOfBounds { arg: "col", index: c as i64, bound: shape.1 });
        }
        Ok(CooMatrix { data, row, col, shape })
    }

    /// Unchecked constructor for callers that guarantee valid indices.
    pub(crate) fn from_raw(data: Vec<T>, row: Vec<usize>, col: Vec<usize>, shape: (usize, usize)) -> Self {
        CooMatrix { data, row, col, shape }
    }

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
    pub fn row(&self) -> &[usize] {
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
    pub fn col(&self) -> &[usize] {
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
            out[[self.row[k], self.col[k]]] += self.data[k];
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
    pub fn tocsr(&self) -> CsrMatrix<T> {
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
    pub fn tocsc(&self) -> CscMatrix<T> {
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

    /// Bytes held by `data`, `row` and `col`.
    ///
    /// SciPy equivalent: `A.data.nbytes + A.row.nbytes + A.col.nbytes`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CooMatrix::new(vec![1.0], vec![0], vec![0], (1, 1))?;
    /// assert_eq!(a.nbytes(), 24);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nbytes(&self) -> usize {
        self.data.len() * (std::mem::size_of::<T>() + 2 * std::mem::size_of::<usize>())
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
