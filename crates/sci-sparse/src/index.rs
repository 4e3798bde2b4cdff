//! Row and column selection: slices (`A[:, 2:5]`) and index arrays (`A[[1, 3, 2], :]`,
//! `A[:, [2, 0]]`) for [`CsrMatrix`](crate::CsrMatrix) and [`CscMatrix`](crate::CscMatrix).

use crate::cs::Cs;
use crate::error::{Result, SparseError, invalid};
use crate::scalar::SparseScalar;
use crate::{CscMatrix, CsrMatrix};

fn check_index(idx: &[usize], bound: usize, arg: &'static str) -> Result<()> {
    match idx.iter().find(|&&i| i >= bound) {
        Some(&bad) => Err(SparseError::IndexOutOfBounds { arg, index: bad as i64, bound }),
        None => Ok(()),
    }
}

fn check_slice(start: usize, stop: usize, bound: usize) -> Result<()> {
    if stop > bound {
        return Err(SparseError::IndexOutOfBounds { arg: "stop", index: stop as i64, bound: bound + 1 });
    }
    if start > stop {
        return Err(invalid("start", format!("start {start} > stop {stop}")));
    }
    Ok(())
}

impl<T: SparseScalar> Cs<T> {
    /// The major lines `idx` (repeats allowed), in that order, entries as stored.
    fn select_major(&self, idx: &[usize]) -> Self {
        let mut indptr = Vec::with_capacity(idx.len() + 1);
        indptr.push(0);
        let len: usize = idx.iter().map(|&i| self.indptr[i + 1] - self.indptr[i]).sum();
        let (mut indices, mut data) = (Vec::with_capacity(len), Vec::with_capacity(len));
        for &i in idx {
            let (p, q) = (self.indptr[i], self.indptr[i + 1]);
            indices.extend_from_slice(&self.indices[p..q]);
            data.extend_from_slice(&self.data[p..q]);
            indptr.push(indices.len());
        }
        Cs { nmajor: idx.len(), nminor: self.nminor, indptr, indices, data }
    }

    /// The minor lines `idx` (repeats allowed): minor index `idx[k]` becomes `k`. Within a
    /// major line the entries keep their stored order, a repeated one giving its copies in
    /// increasing new position.
    fn select_minor(&self, idx: &[usize]) -> Self {
        // new positions of each old minor index, as a compressed list
        let mut start = vec![0usize; self.nminor + 1];
        for &j in idx {
            start[j + 1] += 1;
        }
        for j in 0..self.nminor {
            start[j + 1] += start[j];
        }
        let mut next = start.clone();
        let mut pos = vec![0usize; idx.len()];
        for (k, &j) in idx.iter().enumerate() {
            pos[next[j]] = k;
            next[j] += 1;
        }
        let mut indptr = Vec::with_capacity(self.nmajor + 1);
        indptr.push(0);
        let (mut indices, mut data) = (Vec::new(), Vec::new());
        for i in 0..self.nmajor {
            for p in self.indptr[i]..self.indptr[i + 1] {
                let j = self.indices[p];
                for &k in &pos[start[j]..start[j + 1]] {
                    indices.push(k);
                    data.push(self.data[p]);
                }
            }
            indptr.push(indices.len());
        }
        Cs { nmajor: self.nmajor, nminor: idx.len(), indptr, indices, data }
    }

    /// The minor lines `start..stop`.
    fn slice_minor(&self, start: usize, stop: usize) -> Self {
        let mut c = self.clone();
        c.retain(|_, j, _| (start..stop).contains(&j));
        c.indices.iter_mut().for_each(|j| *j -= start);
        c.nminor = stop - start;
        c
    }
}

/// Implements row and column selection for a compressed matrix type `$ty` whose storage is
/// compressed along rows when `$rows` is true.
macro_rules! impl_index {
    ($ty:ident, $name:literal, $rows:expr) => {
        impl<T: SparseScalar> $ty<T> {
            /// The rows `rows` (repeats allowed), in that order.
            ///
            /// SciPy equivalent: `A[rows, :]` with an index array, e.g. `A[[1, 3, 2], :]`.
            ///
            /// # Errors
            ///
            /// [`SparseError::IndexOutOfBounds`] for a row outside the matrix.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0], [0.0, 2.0], [3.0, 0.0]]);")]
            /// assert_eq!(a.select_rows(&[2, 0, 2])?.toarray(), array![[3.0, 0.0], [1.0, 0.0], [3.0, 0.0]]);
            /// assert!(a.select_rows(&[3]).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn select_rows(&self, rows: &[usize]) -> Result<Self> {
                check_index(rows, self.shape().0, "rows")?;
                Ok($ty { cs: if $rows { self.cs.select_major(rows) } else { self.cs.select_minor(rows) } })
            }

            /// The columns `cols` (repeats allowed), in that order.
            ///
            /// SciPy equivalent: `A[:, cols]` with an index array, e.g. `A[:, [2, 0]]`.
            ///
            /// # Errors
            ///
            /// [`SparseError::IndexOutOfBounds`] for a column outside the matrix.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 4.0], [0.0, 2.0, 0.0]]);")]
            /// assert_eq!(a.select_cols(&[2, 0, 2])?.toarray(), array![[4.0, 1.0, 4.0], [0.0, 0.0, 0.0]]);
            /// assert!(a.select_cols(&[0, 3]).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn select_cols(&self, cols: &[usize]) -> Result<Self> {
                check_index(cols, self.shape().1, "cols")?;
                Ok($ty { cs: if $rows { self.cs.select_minor(cols) } else { self.cs.select_major(cols) } })
            }

            /// The columns `start..stop`.
            ///
            /// SciPy equivalent: `A[:, start:stop]`.
            ///
            /// # Errors
            ///
            /// [`SparseError::IndexOutOfBounds`] when `stop > ncols`,
            /// [`SparseError::InvalidValue`] when `start > stop`.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::<f64>::eye(2, 4, 1);")]
            /// assert_eq!(a.slice_cols(1, 3)?.toarray(), array![[1.0, 0.0], [0.0, 1.0]]);
            /// assert!(a.slice_cols(2, 5).is_err());
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn slice_cols(&self, start: usize, stop: usize) -> Result<Self> {
                check_slice(start, stop, self.shape().1)?;
                Ok($ty {
                    cs: if $rows {
                        self.cs.slice_minor(start, stop)
                    } else {
                        self.cs.select_major(&(start..stop).collect::<Vec<_>>())
                    },
                })
            }

            /// The rows `rows` and columns `cols` (index arrays, repeats allowed).
            ///
            /// SciPy equivalent: `A[np.ix_(rows, cols)]`, e.g. `A[[1, 0], :][:, [2, 2]]`.
            ///
            /// # Errors
            ///
            /// [`SparseError::IndexOutOfBounds`] for an index outside the matrix.
            ///
            /// # Examples
            ///
            /// ```
            /// use sci_sparse::sci_array::ndarray::array;
            #[doc = concat!("let a = sci_sparse::", $name, "::from_dense(&array![[1.0, 0.0, 4.0], [0.0, 2.0, 5.0]]);")]
            /// assert_eq!(a.select(&[1, 0], &[2, 1])?.toarray(), array![[5.0, 2.0], [4.0, 0.0]]);
            /// # Ok::<(), sci_sparse::SparseError>(())
            /// ```
            pub fn select(&self, rows: &[usize], cols: &[usize]) -> Result<Self> {
                check_index(cols, self.shape().1, "cols")?;
                self.select_rows(rows)?.select_cols(cols)
            }
        }
    };
}

impl_index!(CsrMatrix, "CsrMatrix", true);
impl_index!(CscMatrix, "CscMatrix", false);

impl<T: SparseScalar> CscMatrix<T> {
    /// The rows `start..stop`.
    ///
    /// SciPy equivalent: `A[start:stop, :]`.
    ///
    /// # Errors
    ///
    /// [`SparseError::IndexOutOfBounds`] when `stop > nrows`, [`SparseError::InvalidValue`]
    /// when `start > stop`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::sci_array::ndarray::array;
    /// let a = sci_sparse::CscMatrix::<f64>::identity(3);
    /// assert_eq!(a.slice_rows(1, 3)?.toarray(), array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
    /// assert!(a.slice_rows(3, 2).is_err());
    /// # Ok::<(), sci_sparse::SparseError>(())
    /// ```
    pub fn slice_rows(&self, start: usize, stop: usize) -> Result<CscMatrix<T>> {
        check_slice(start, stop, self.shape().0)?;
        Ok(CscMatrix { cs: self.cs.slice_minor(start, stop) })
    }
}
