//! The diagonal (DIA) format: a few full diagonals stored as rows of a dense array.

use sci_array::ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

use crate::error::{Result, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix, CsrMatrix};

/// A sparse matrix made of diagonals, SciPy's layout: `data[k, j]` is the entry at
/// `(j - offsets[k], j)`, i.e. `data` is indexed by *column*, so the first `offsets[k]`
/// values of an upper diagonal and the last ones of a lower diagonal lie outside the matrix
/// and are ignored. Products cost one pass over `data`; convert to [`CsrMatrix`] for
/// anything else.
///
/// SciPy equivalent: `scipy.sparse.dia_array` / `dia_matrix`.
///
/// # Examples
///
/// ```
/// use sci_sparse::DiaMatrix;
/// use sci_sparse::sci_array::ndarray::array;
/// let data = array![[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]];
/// let a = DiaMatrix::new(data, vec![0, -1], (4, 4))?;
/// assert_eq!(a.toarray(), array![[1.0, 0.0, 0.0, 0.0], [1.0, 2.0, 0.0, 0.0], [0.0, 2.0, 3.0, 0.0], [0.0, 0.0, 3.0, 4.0]]);
/// assert_eq!(a.dot(&array![1.0, 1.0, 1.0, 1.0])?, array![1.0, 3.0, 5.0, 7.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DiaMatrix<T = f64> {
    data: Array2<T>,
    offsets: Vec<isize>,
    shape: (usize, usize),
}

impl<T: SparseScalar> DiaMatrix<T> {
    /// Builds a DIA matrix from its `(n_diagonals, L)` data array and the offsets of the
    /// diagonals (`k > 0` above the main diagonal).
    ///
    /// SciPy equivalent: `scipy.sparse.dia_array((data, offsets), shape=shape)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the numbers of
    /// diagonals and offsets differ or an offset is repeated (SciPy's messages).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::DiaMatrix;
    /// use sci_sparse::sci_array::ndarray::array;
    /// assert!(DiaMatrix::new(array![[1.0, 2.0]], vec![0, 1], (2, 2)).is_err());
    /// assert!(DiaMatrix::new(array![[1.0, 2.0], [3.0, 4.0]], vec![1, 1], (2, 2)).is_err());
    /// let a = DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![1], (3, 3))?;
    /// assert_eq!(a.toarray(), array![[0.0, 2.0, 0.0], [0.0, 0.0, 3.0], [0.0, 0.0, 0.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn new(data: Array2<T>, offsets: Vec<isize>, shape: (usize, usize)) -> Result<Self> {
        if data.nrows() != offsets.len() {
            return Err(invalid(
                "offsets",
                format!(
                    "number of diagonals ({}) does not match the number of offsets ({})",
                    data.nrows(),
                    offsets.len()
                ),
            ));
        }
        let mut sorted = offsets.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(invalid("offsets", "offset array contains duplicate values"));
        }
        Ok(DiaMatrix { data, offsets, shape })
    }

    /// `(rows, cols)`.
    ///
    /// SciPy equivalent: `A.shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::Array2;
    /// let a = sci_sparse::DiaMatrix::<f64>::new(Array2::zeros((0, 0)), vec![], (2, 3))?;
    /// assert_eq!(a.shape(), (2, 3));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// The diagonals, one per row, indexed by column.
    ///
    /// SciPy equivalent: `A.data`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0]], vec![0], (2, 2))?;
    /// assert_eq!(a.data(), &array![[1.0, 2.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn data(&self) -> &Array2<T> {
        &self.data
    }

    /// The offset of each diagonal.
    ///
    /// SciPy equivalent: `A.offsets`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0]], vec![-1], (2, 2))?;
    /// assert_eq!(a.offsets(), &[-1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn offsets(&self) -> &[isize] {
        &self.offsets
    }

    /// The column range `j0..j1` of diagonal `k` inside the matrix and inside `data`.
    fn span(&self, k: isize) -> (usize, usize) {
        let (m, n) = (self.shape.0 as isize, self.shape.1 as isize);
        let j0 = k.max(0);
        let j1 = m.saturating_add(k).min(n).min(self.data.ncols() as isize);
        (j0 as usize, j1.max(j0) as usize)
    }

    /// Number of stored entries as SciPy counts them: the parts of the diagonals that lie
    /// inside both the matrix and `data` (stored zeros included).
    ///
    /// SciPy equivalent: `A.nnz`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], vec![0, 1], (3, 3))?;
    /// assert_eq!(a.nnz(), 5);
    /// let narrow = sci_sparse::DiaMatrix::new(array![[1.0, 2.0]], vec![0], (3, 3))?;
    /// assert_eq!(narrow.nnz(), 2);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nnz(&self) -> usize {
        self.offsets
            .iter()
            .map(|&k| {
                let (j0, j1) = self.span(k);
                j1 - j0
            })
            .sum()
    }

    /// Calls `f(i, j, v)` for every stored value inside the matrix, diagonal by diagonal.
    fn for_each(&self, mut f: impl FnMut(usize, usize, T)) {
        for (d, &k) in self.offsets.iter().enumerate() {
            let (j0, j1) = self.span(k);
            for j in j0..j1 {
                f((j as isize - k) as usize, j, self.data[[d, j]]);
            }
        }
    }

    /// The dense matrix.
    ///
    /// SciPy equivalent: `A.toarray()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[5.0, 6.0, 7.0]], vec![-1], (3, 2))?;
    /// assert_eq!(a.toarray(), array![[0.0, 0.0], [5.0, 0.0], [0.0, 6.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn toarray(&self) -> Array2<T> {
        let mut out = Array2::zeros(self.shape);
        self.for_each(|i, j, v| out[[i, j]] += v);
        out
    }

    /// Converts to COO (row-major order; stored zeros dropped, as SciPy's `tocoo`, which
    /// goes through CSR).
    ///
    /// SciPy equivalent: `A.tocoo()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 0.0], [0.0, 2.0]], vec![0, 1], (2, 2))?;
    /// let c = a.tocoo();
    /// assert_eq!((c.row(), c.col(), c.data()), (&[0, 0][..], &[0, 1][..], &[1.0, 2.0][..]));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocoo(&self) -> CooMatrix<T> {
        self.tocsr().tocoo()
    }

    /// Converts to CSR (SciPy's `dia_tocsr`: row by row, diagonals in increasing offset, so
    /// indices are sorted; stored zeros dropped).
    ///
    /// SciPy equivalent: `A.tocsr()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0], [3.0, 4.0]], vec![0, 1], (2, 2))?;
    /// assert_eq!(a.tocsr().indices(), &[0, 1, 1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T> {
        let (m, n) = self.shape;
        let width = self.data.ncols().min(n) as isize;
        let mut order: Vec<usize> = (0..self.offsets.len()).collect();
        order.sort_by_key(|&d| self.offsets[d]);
        let mut indptr = Vec::with_capacity(m + 1);
        indptr.push(0);
        let (mut indices, mut data) = (Vec::with_capacity(self.nnz()), Vec::with_capacity(self.nnz()));
        for i in 0..m as isize {
            for &d in &order {
                // an offset beyond the matrix (up to isize::MAX) reaches no column
                let j = i.saturating_add(self.offsets[d]);
                if (0..width).contains(&j) {
                    let v = self.data[[d, j as usize]];
                    if v != T::zero() {
                        indices.push(j as usize);
                        data.push(v);
                    }
                }
            }
            indptr.push(indices.len());
        }
        CsrMatrix { cs: crate::cs::Cs { nmajor: m, nminor: n, indptr, indices, data } }
    }

    /// Converts to CSC (sorted indices, stored zeros dropped).
    ///
    /// SciPy equivalent: `A.tocsc()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0], [3.0, 4.0]], vec![0, 1], (2, 2))?;
    /// assert_eq!(a.tocsc().indptr(), &[0, 1, 3]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T> {
        self.tocoo().tocsc()
    }

    /// `A x` for a vector `x` of length `ncols`, one pass per diagonal (SciPy's `dia_matvec`).
    ///
    /// SciPy equivalent: `A @ x`.
    ///
    /// # Errors
    ///
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) when `x.len() != ncols`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![1], (3, 3))?;
    /// assert_eq!(a.dot(&array![1.0, 10.0, 100.0])?, array![20.0, 300.0, 0.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<T>> {
        if x.len() != self.shape.1 {
            return Err(shape_err("x", format!("length {}", self.shape.1), x.shape()));
        }
        let mut y = Array1::zeros(self.shape.0);
        self.for_each(|i, j, v| y[i] += v * x[j]);
        Ok(y)
    }

    /// Diagonal `k` of the matrix (zeros where nothing is stored).
    ///
    /// SciPy equivalent: `A.diagonal(k)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::new(array![[1.0, 2.0, 3.0]], vec![1], (3, 3))?;
    /// assert_eq!(a.diagonal(1), array![2.0, 3.0]);
    /// assert_eq!(a.diagonal(0), array![0.0, 0.0, 0.0]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn diagonal(&self, k: isize) -> Array1<T> {
        let (m, n) = (self.shape.0 as isize, self.shape.1 as isize);
        let len = if k >= 0 { m.min(n - k) } else { m.saturating_add(k).min(n) }.max(0) as usize;
        let mut out = Array1::zeros(len);
        if let Some(d) = self.offsets.iter().position(|&o| o == k) {
            let (j0, j1) = self.span(k);
            for j in j0..j1 {
                out[j - j0] += self.data[[d, j]];
            }
        }
        out
    }

    /// The dense matrix's nonzeros as a DIA matrix (see [`CsrMatrix::todia`]).
    ///
    /// SciPy equivalent: `scipy.sparse.dia_array(dense)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::DiaMatrix::from_dense(&array![[1.0, 0.0], [3.0, 4.0]]);
    /// assert_eq!((a.offsets(), a.data()), (&[-1, 0][..], &array![[3.0, 0.0], [1.0, 4.0]]));
    /// ```
    pub fn from_dense<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Self {
        CsrMatrix::from_dense(a).todia()
    }
}

impl<T: SparseScalar> CsrMatrix<T> {
    /// Converts to DIA as SciPy does: one diagonal per distinct `col - row` among the stored
    /// entries (duplicates summed, stored zeros kept), offsets sorted, `data` as wide as the
    /// last stored column + 1 (an empty matrix gives a `0 x 0` data array).
    ///
    /// SciPy equivalent: `A.todia()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0, 0.0], [0.0, 3.0, 0.0]]);
    /// let d = a.todia();
    /// assert_eq!(d.offsets(), &[0, 1]);
    /// assert_eq!(d.data(), &array![[1.0, 3.0], [0.0, 2.0]]);
    /// ```
    pub fn todia(&self) -> DiaMatrix<T> {
        let c = self.cs.canonical();
        let mut offsets: Vec<isize> = Vec::new();
        let mut width = 0usize;
        for i in 0..c.nmajor {
            for &j in &c.indices[c.indptr[i]..c.indptr[i + 1]] {
                offsets.push(j as isize - i as isize);
                width = width.max(j + 1);
            }
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut data = Array2::zeros((if c.nnz() == 0 { 0 } else { offsets.len() }, width));
        for i in 0..c.nmajor {
            for p in c.indptr[i]..c.indptr[i + 1] {
                let j = c.indices[p];
                // offsets are sorted and hold every col - row: the search always succeeds
                if let Ok(d) = offsets.binary_search(&(j as isize - i as isize)) {
                    data[[d, j]] = c.data[p];
                }
            }
        }
        DiaMatrix { data, offsets, shape: (c.nmajor, c.nminor) }
    }
}
