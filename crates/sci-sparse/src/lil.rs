//! The list-of-lists (LIL) format: one sorted list of column indices and one of values per
//! row, for building a matrix entry by entry.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

use crate::cs::Cs;
use crate::error::{Result, SparseError, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix, CsrMatrix};

/// A sparse matrix stored as one sorted list of column indices (`rows()[i]`) and one list of
/// values (`data()[i]`) per row: cheap to build incrementally with [`LilMatrix::set`] and to
/// read row by row; convert to [`CsrMatrix`] for arithmetic and products.
///
/// As in SciPy, setting an entry to zero removes it, so no zeros are stored unless they came
/// from a converted matrix.
///
/// SciPy equivalent: `scipy.sparse.lil_array` / `lil_matrix`.
///
/// # Examples
///
/// ```
/// use sci_sparse::LilMatrix;
/// use sci_sparse::sci_array::ndarray::array;
/// let mut a = LilMatrix::zeros((3, 3));
/// a.set(0, 2, 4.0)?;
/// a.set(0, 0, 1.0)?;
/// a.set(2, 1, -2.0)?;
/// assert_eq!(a.rows()[0], vec![0, 2]);
/// assert_eq!(a.tocsr().dot(&array![1.0, 1.0, 1.0])?, array![5.0, 0.0, -2.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LilMatrix<T = f64> {
    rows: Vec<Vec<usize>>,
    data: Vec<Vec<T>>,
    shape: (usize, usize),
}

impl<T: SparseScalar> LilMatrix<T> {
    /// The all-zero `shape` matrix.
    ///
    /// SciPy equivalent: `scipy.sparse.lil_array(shape)`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::<f64>::zeros((2, 5));
    /// assert_eq!((a.shape(), a.nnz()), ((2, 5), 0));
    /// ```
    pub fn zeros(shape: (usize, usize)) -> Self {
        LilMatrix { rows: vec![Vec::new(); shape.0], data: vec![Vec::new(); shape.0], shape }
    }

    /// The nonzero entries of a dense matrix (any 2-d array or view).
    ///
    /// SciPy equivalent: `scipy.sparse.lil_array(dense)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::LilMatrix::from_dense(&array![[0.0, 1.0], [2.0, 0.0]]);
    /// assert_eq!((a.rows(), a.data()), (&[vec![1], vec![0]][..], &[vec![1.0], vec![2.0]][..]));
    /// ```
    pub fn from_dense<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Self {
        CsrMatrix::from_dense(a).tolil()
    }

    /// `(rows, cols)`.
    ///
    /// SciPy equivalent: `A.shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_sparse::LilMatrix::<f64>::zeros((0, 3)).shape(), (0, 3));
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// Number of stored entries.
    ///
    /// SciPy equivalent: `A.nnz`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::LilMatrix::zeros((2, 2));
    /// a.set(1, 1, 3.0)?;
    /// assert_eq!(a.nnz(), 1);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nnz(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// The sorted column indices of every row.
    ///
    /// SciPy equivalent: `A.rows`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[5.0, 0.0, 6.0]]);
    /// assert_eq!(a.rows(), &[vec![0, 2]]);
    /// ```
    pub fn rows(&self) -> &[Vec<usize>] {
        &self.rows
    }

    /// The values of every row, matching [`Self::rows`].
    ///
    /// SciPy equivalent: `A.data`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[5.0, 0.0, 6.0]]);
    /// assert_eq!(a.data(), &[vec![5.0, 6.0]]);
    /// ```
    pub fn data(&self) -> &[Vec<T>] {
        &self.data
    }

    fn check(&self, i: usize, j: usize) -> Result<()> {
        if i >= self.shape.0 {
            return Err(SparseError::IndexOutOfBounds { arg: "i", index: i as i64, bound: self.shape.0 });
        }
        if j >= self.shape.1 {
            return Err(SparseError::IndexOutOfBounds { arg: "j", index: j as i64, bound: self.shape.1 });
        }
        Ok(())
    }

    /// Sets entry `(i, j)` (binary search in row `i`); setting zero removes the entry.
    ///
    /// SciPy equivalent: `A[i, j] = v`.
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] for an index outside the matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::LilMatrix::zeros((2, 3));
    /// a.set(1, 2, 7.0)?;
    /// a.set(1, 0, 1.0)?;
    /// assert_eq!(a.rows()[1], vec![0, 2]);
    /// a.set(1, 2, 0.0)?;
    /// assert_eq!(a.nnz(), 1);
    /// assert!(a.set(2, 0, 1.0).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn set(&mut self, i: usize, j: usize, v: T) -> Result<()> {
        self.check(i, j)?;
        let (cols, vals) = (&mut self.rows[i], &mut self.data[i]);
        match cols.binary_search(&j) {
            Ok(p) if v == T::zero() => {
                cols.remove(p);
                vals.remove(p);
            }
            Ok(p) => vals[p] = v,
            Err(_) if v == T::zero() => {}
            Err(p) => {
                cols.insert(p, j);
                vals.insert(p, v);
            }
        }
        Ok(())
    }

    /// Entry `(i, j)` (zero when not stored).
    ///
    /// SciPy equivalent: `A[i, j]`.
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] for an index outside the matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::LilMatrix::zeros((2, 2));
    /// a.set(0, 1, 2.5)?;
    /// assert_eq!((a.get(0, 1)?, a.get(1, 1)?), (2.5, 0.0));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn get(&self, i: usize, j: usize) -> Result<T> {
        self.check(i, j)?;
        Ok(self.rows[i].binary_search(&j).map_or(T::zero(), |p| self.data[i][p]))
    }

    /// Row `i` as a `1 x ncols` LIL matrix.
    ///
    /// SciPy equivalent: `A.getrow(i)` (`A[[i], :]`).
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] when `i >= nrows`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[1.0, 0.0], [0.0, 2.0]]);
    /// assert_eq!(a.getrow(1)?.rows(), &[vec![1]]);
    /// assert!(a.getrow(2).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn getrow(&self, i: usize) -> Result<LilMatrix<T>> {
        if i >= self.shape.0 {
            return Err(SparseError::IndexOutOfBounds { arg: "i", index: i as i64, bound: self.shape.0 });
        }
        Ok(LilMatrix {
            rows: vec![self.rows[i].clone()],
            data: vec![self.data[i].clone()],
            shape: (1, self.shape.1),
        })
    }

    /// The dense matrix.
    ///
    /// SciPy equivalent: `A.toarray()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let mut a = sci_sparse::LilMatrix::zeros((1, 2));
    /// a.set(0, 1, 3.0)?;
    /// assert_eq!(a.toarray(), array![[0.0, 3.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn toarray(&self) -> Array2<T> {
        let mut out = Array2::zeros(self.shape);
        for (i, (cols, vals)) in self.rows.iter().zip(&self.data).enumerate() {
            for (&j, &v) in cols.iter().zip(vals) {
                out[[i, j]] = v;
            }
        }
        out
    }

    /// Converts to CSR (same entries, sorted; stored zeros kept).
    ///
    /// SciPy equivalent: `A.tocsr()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut a = sci_sparse::LilMatrix::zeros((2, 2));
    /// a.set(1, 0, 3.0)?;
    /// let c = a.tocsr();
    /// assert_eq!((c.indptr(), c.indices(), c.data()), (&[0, 0, 1][..], &[0][..], &[3.0][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T> {
        let mut indptr = Vec::with_capacity(self.shape.0 + 1);
        indptr.push(0);
        let nnz = self.nnz();
        let (mut indices, mut data) = (Vec::with_capacity(nnz), Vec::with_capacity(nnz));
        for (cols, vals) in self.rows.iter().zip(&self.data) {
            indices.extend_from_slice(cols);
            data.extend_from_slice(vals);
            indptr.push(indices.len());
        }
        CsrMatrix { cs: Cs { nmajor: self.shape.0, nminor: self.shape.1, indptr, indices, data } }
    }

    /// Converts to CSC.
    ///
    /// SciPy equivalent: `A.tocsc()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[0.0, 1.0], [2.0, 0.0]]);
    /// assert_eq!(a.tocsc().indices(), &[1, 0]);
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T> {
        self.tocsr().tocsc()
    }

    /// Converts to COO (row-major order).
    ///
    /// SciPy equivalent: `A.tocoo()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[0.0, 1.0], [2.0, 0.0]]);
    /// assert_eq!(a.tocoo().row(), &[0, 1]);
    /// ```
    pub fn tocoo(&self) -> CooMatrix<T> {
        self.tocsr().tocoo()
    }

    /// The transpose.
    ///
    /// SciPy equivalent: `A.T`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::LilMatrix::from_dense(&sci_sparse::sci_array::ndarray::array![[0.0, 1.0, 2.0]]);
    /// assert_eq!(a.transpose().rows(), &[vec![], vec![0], vec![0]]);
    /// ```
    pub fn transpose(&self) -> LilMatrix<T> {
        self.tocsr().transpose().tocsr().tolil()
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
    /// let a = sci_sparse::LilMatrix::from_dense(&array![[1.0, 2.0], [0.0, 3.0]]);
    /// assert_eq!(a.dot(&array![1.0, 1.0])?, array![3.0, 3.0]);
    /// assert!(a.dot(&array![1.0]).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<T>> {
        if x.len() != self.shape.1 {
            return Err(shape_err("x", format!("length {}", self.shape.1), x.shape()));
        }
        Ok(self
            .rows
            .iter()
            .zip(&self.data)
            .map(|(cols, vals)| cols.iter().zip(vals).fold(T::zero(), |acc, (&j, &v)| acc + v * x[j]))
            .collect())
    }
}

impl<T: SparseScalar> CsrMatrix<T> {
    /// Converts to LIL (duplicates summed, indices sorted, stored zeros kept).
    ///
    /// SciPy equivalent: `A.tolil()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::from_parts(vec![1.0, 2.0, 3.0], vec![2, 0, 2], vec![0, 3], (1, 3))?;
    /// let l = a.tolil();
    /// assert_eq!((l.rows(), l.data()), (&[vec![0, 2]][..], &[vec![2.0, 4.0]][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tolil(&self) -> LilMatrix<T> {
        let c = self.cs.canonical();
        let (rows, data) = (0..c.nmajor)
            .map(|i| {
                let (a, b) = (c.indptr[i], c.indptr[i + 1]);
                (c.indices[a..b].to_vec(), c.data[a..b].to_vec())
            })
            .unzip();
        LilMatrix { rows, data, shape: (c.nmajor, c.nminor) }
    }
}
