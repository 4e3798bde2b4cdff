//! The block compressed row (BSR) format: dense `R x C` blocks in a CSR pattern.

use sci_array::ndarray::{Array1, Array2, Array3, ArrayBase, ArrayView3, Data, Ix1, Ix2};

use crate::cs::Cs;
use crate::error::{Result, invalid, shape_err};
use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix, CsrMatrix};

/// A sparse matrix of dense `R x C` blocks: block row `I` holds the blocks
/// `data[indptr[I]..indptr[I + 1]]` at block columns `indices[..]`, each block stored
/// row-major. Efficient for matrices with dense sub-blocks (finite elements with several
/// unknowns per node).
///
/// SciPy equivalent: `scipy.sparse.bsr_array` / `bsr_matrix`.
///
/// # Examples
///
/// ```
/// use sci_sparse::BsrMatrix;
/// use sci_sparse::sci_array::ndarray::array;
/// let d = array![[1.0, 2.0, 0.0, 0.0], [3.0, 4.0, 0.0, 0.0], [0.0, 0.0, 0.0, 5.0], [0.0, 0.0, 6.0, 0.0]];
/// let a = BsrMatrix::from_dense(&d, (2, 2))?;
/// assert_eq!((a.indptr(), a.indices(), a.nnz()), (&[0, 1, 2][..], &[0, 1][..], 8));
/// assert_eq!(a.toarray(), d);
/// assert_eq!(a.dot(&array![1.0, 1.0, 1.0, 1.0])?, array![3.0, 7.0, 5.0, 6.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BsrMatrix<T = f64> {
    /// Block pattern: major = block rows, minor = block columns; `data` unused (empty).
    indptr: Vec<usize>,
    indices: Vec<usize>,
    /// `nblocks * R * C` values.
    data: Vec<T>,
    blocksize: (usize, usize),
    shape: (usize, usize),
}

fn check_blocksize(shape: (usize, usize), blocksize: (usize, usize)) -> Result<()> {
    let (r, c) = blocksize;
    if r == 0 || c == 0 || !shape.0.is_multiple_of(r) || !shape.1.is_multiple_of(c) {
        return Err(invalid(
            "blocksize",
            format!("invalid blocksize ({r}, {c}) for shape ({}, {})", shape.0, shape.1),
        ));
    }
    Ok(())
}

impl<T: SparseScalar> BsrMatrix<T> {
    /// Builds a BSR matrix from its raw arrays: `data` of shape `(nblocks, R, C)` (which fixes
    /// the block size), block-column `indices` and block-row `indptr`.
    ///
    /// SciPy equivalent: `scipy.sparse.bsr_array((data, indices, indptr), shape=shape)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for a block size that does not divide `shape`, an
    /// `indptr` of the wrong length, not starting at 0, decreasing or not ending at the
    /// number of blocks, or `indices` and `data` of different lengths;
    /// [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a block column outside the matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::BsrMatrix;
    /// use sci_sparse::sci_array::ndarray::{array, Array3};
    /// let data = Array3::from_shape_vec((2, 1, 2), vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    /// let a = BsrMatrix::from_parts(data.clone(), vec![1, 0], vec![0, 1, 2], (2, 4))?;
    /// assert_eq!(a.toarray(), array![[0.0, 0.0, 1.0, 2.0], [3.0, 4.0, 0.0, 0.0]]);
    /// assert!(BsrMatrix::from_parts(data, vec![1, 0], vec![0, 1, 2], (2, 3)).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn from_parts(
        data: Array3<T>,
        indices: Vec<usize>,
        indptr: Vec<usize>,
        shape: (usize, usize),
    ) -> Result<Self> {
        let (nb, r, c) = data.dim();
        let blocksize = (r, c);
        check_blocksize(shape, blocksize)?;
        if nb != indices.len() {
            return Err(invalid("indices", "indices and data should have the same size"));
        }
        // validates indptr and indices against the block grid
        let cs = Cs::<u8>::from_parts(shape.0 / r, shape.1 / c, indptr, indices, vec![0; nb])?;
        let data = data.as_standard_layout().iter().copied().collect();
        Ok(BsrMatrix { indptr: cs.indptr, indices: cs.indices, data, blocksize, shape })
    }

    /// The nonzeros of a dense matrix in `blocksize` blocks (a block is stored when any of its
    /// entries is nonzero).
    ///
    /// SciPy equivalent: `scipy.sparse.bsr_array(dense, blocksize=blocksize)`.
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `blocksize` does not divide the shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::BsrMatrix::from_dense(&array![[0.0, 0.0, 1.0], [0.0, 0.0, 0.0]], (1, 3))?;
    /// assert_eq!((a.indptr(), a.nnz()), (&[0, 1, 1][..], 3));
    /// assert!(sci_sparse::BsrMatrix::from_dense(&array![[1.0, 2.0, 3.0]], (1, 2)).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn from_dense<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, blocksize: (usize, usize)) -> Result<Self> {
        CsrMatrix::from_dense(a).tobsr(blocksize)
    }

    /// `(rows, cols)`.
    ///
    /// SciPy equivalent: `A.shape`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4).tobsr((2, 2))?;
    /// assert_eq!(a.shape(), (4, 4));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// `(R, C)`, the shape of each block.
    ///
    /// SciPy equivalent: `A.blocksize`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(6).tobsr((3, 2))?;
    /// assert_eq!(a.blocksize(), (3, 2));
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn blocksize(&self) -> (usize, usize) {
        self.blocksize
    }

    /// Number of stored values: blocks times `R * C` (zeros inside blocks count).
    ///
    /// SciPy equivalent: `A.nnz`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4).tobsr((2, 2))?;
    /// assert_eq!(a.nnz(), 8);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// The block-row pointers.
    ///
    /// SciPy equivalent: `A.indptr`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4).tobsr((2, 2))?;
    /// assert_eq!(a.indptr(), &[0, 1, 2]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn indptr(&self) -> &[usize] {
        &self.indptr
    }

    /// The block column of every block.
    ///
    /// SciPy equivalent: `A.indices`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(4).tobsr((2, 2))?;
    /// assert_eq!(a.indices(), &[0, 1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// The blocks, shape `(nblocks, R, C)`.
    ///
    /// SciPy equivalent: `A.data`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(2).tobsr((2, 2))?;
    /// assert_eq!(a.data().shape(), &[1, 2, 2]);
    /// assert_eq!(a.data()[[0, 1, 1]], 1.0);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn data(&self) -> ArrayView3<'_, T> {
        let (r, c) = self.blocksize;
        ArrayView3::from_shape((self.indices.len(), r, c), &self.data)
            .expect("data holds nblocks * R * C values")
    }

    /// Calls `f(i, j, v)` for every stored value, row by row in block order (SciPy's
    /// `bsr_tocsr` order).
    fn for_each_rowwise(&self, mut f: impl FnMut(usize, usize, T)) {
        let (r, c) = self.blocksize;
        for bi in 0..self.indptr.len() - 1 {
            for ri in 0..r {
                for p in self.indptr[bi]..self.indptr[bi + 1] {
                    let bj = self.indices[p];
                    for ci in 0..c {
                        f(bi * r + ri, bj * c + ci, self.data[(p * r + ri) * c + ci]);
                    }
                }
            }
        }
    }

    /// The dense matrix (duplicate blocks add up).
    ///
    /// SciPy equivalent: `A.toarray()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0], [2.0, 0.0]]).tobsr((1, 2))?;
    /// assert_eq!(a.toarray(), array![[0.0, 1.0], [2.0, 0.0]]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn toarray(&self) -> Array2<T> {
        let mut out = Array2::zeros(self.shape);
        self.for_each_rowwise(|i, j, v| out[[i, j]] += v);
        out
    }

    /// Converts to CSR: every value of every block is stored (zeros inside blocks too), in
    /// block order within each row, as SciPy's `tocsr` does.
    ///
    /// SciPy equivalent: `A.tocsr()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0], [2.0, 0.0]]).tobsr((2, 2))?;
    /// assert_eq!(a.tocsr().nnz(), 4);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsr(&self) -> CsrMatrix<T> {
        let m = self.shape.0;
        let (mut indices, mut data) = (Vec::with_capacity(self.nnz()), Vec::with_capacity(self.nnz()));
        let mut indptr = vec![0usize; m + 1];
        self.for_each_rowwise(|i, j, v| {
            indptr[i + 1] += 1;
            indices.push(j);
            data.push(v);
        });
        for i in 0..m {
            indptr[i + 1] += indptr[i];
        }
        CsrMatrix { cs: Cs { nmajor: m, nminor: self.shape.1, indptr, indices, data } }
    }

    /// Converts to CSC (via CSR; zeros inside blocks kept).
    ///
    /// SciPy equivalent: `A.tocsc()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(2).tobsr((1, 1))?;
    /// assert_eq!(a.tocsc().indices(), &[0, 1]);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocsc(&self) -> CscMatrix<T> {
        self.tocsr().tocsc()
    }

    /// Converts to COO (zeros inside blocks kept).
    ///
    /// SciPy equivalent: `A.tocoo()`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(2).tobsr((2, 1))?;
    /// assert_eq!(a.tocoo().nnz(), 4);
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tocoo(&self) -> CooMatrix<T> {
        self.tocsr().tocoo()
    }

    /// `A x` for a vector `x` of length `ncols`, block by block (SciPy's `bsr_matvec`).
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
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [3.0, 4.0]]).tobsr((2, 2))?;
    /// assert_eq!(a.dot(&array![1.0, -1.0])?, array![-1.0, -1.0]);
    /// assert!(a.dot(&array![1.0]).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn dot<S: Data<Elem = T>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<T>> {
        if x.len() != self.shape.1 {
            return Err(shape_err("x", format!("length {}", self.shape.1), x.shape()));
        }
        let mut y = Array1::zeros(self.shape.0);
        self.for_each_rowwise(|i, j, v| y[i] += v * x[j]);
        Ok(y)
    }
}

impl<T: SparseScalar> CsrMatrix<T> {
    /// Converts to BSR with `blocksize` blocks, as SciPy does (duplicates summed and indices
    /// sorted first, then `csr_tobsr`): within a block row, blocks are stored in the order
    /// their first entry is met row by row (so block indices may be unsorted); stored zeros
    /// are kept.
    ///
    /// SciPy equivalent: `A.tobsr(blocksize=blocksize)` (the automatic block size of
    /// `blocksize=None` is missing).
    ///
    /// # Errors
    ///
    /// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when `blocksize` is zero or does not divide the shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 0.0, 1.0, 0.0], [2.0, 0.0, 0.0, 0.0]]);
    /// let b = a.tobsr((2, 2))?;
    /// assert_eq!((b.indptr(), b.indices()), (&[0, 2][..], &[1, 0][..]));
    /// assert!(a.tobsr((3, 2)).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn tobsr(&self, blocksize: (usize, usize)) -> Result<BsrMatrix<T>> {
        let shape = self.shape();
        check_blocksize(shape, blocksize)?;
        let (r, c) = blocksize;
        let (nbr, nbc) = (shape.0 / r, shape.1 / c);
        // SciPy sums duplicates (and sorts) before csr_tobsr.
        let canonical = self.cs.canonical();
        let cs = &canonical;
        let mut slot = vec![usize::MAX; nbc];
        let mut indptr = Vec::with_capacity(nbr + 1);
        indptr.push(0);
        let (mut indices, mut data): (Vec<usize>, Vec<T>) = (Vec::new(), Vec::new());
        for bi in 0..nbr {
            let first = indices.len();
            for ri in 0..r {
                let i = bi * r + ri;
                for p in cs.indptr[i]..cs.indptr[i + 1] {
                    let j = cs.indices[p];
                    let bj = j / c;
                    if slot[bj] == usize::MAX {
                        slot[bj] = indices.len();
                        indices.push(bj);
                        data.extend(std::iter::repeat_n(T::zero(), r * c));
                    }
                    data[(slot[bj] * r + ri) * c + j % c] += cs.data[p];
                }
            }
            for &bj in &indices[first..] {
                slot[bj] = usize::MAX;
            }
            indptr.push(indices.len());
        }
        Ok(BsrMatrix { indptr, indices, data, blocksize, shape })
    }
}
