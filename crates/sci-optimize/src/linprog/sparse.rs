//! Constraint matrices of [`linprog`](crate::linprog) and [`milp`](crate::milp): dense views or
//! compressed sparse (CSR/CSC) matrices, and the row/column compressed form the solvers use.

use crate::error::{OptimizeError, Result, invalid};
use ndarray::ArrayView2;

/// The storage order of a [`SparseMatrix`] (SciPy's `csr_array` / `csc_array`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{SparseFormat, SparseMatrix};
/// let a = SparseMatrix::csc((2, 2), vec![0, 1, 2], vec![1, 0], vec![3.0, 4.0])?;
/// assert_eq!(a.format(), SparseFormat::Csc);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.sparse.csr_array` / `scipy.sparse.csc_array` (the `format` attribute)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SparseFormat {
    /// Compressed sparse rows: `indptr` has `nrows + 1` entries, `indices` are column indices.
    Csr,
    /// Compressed sparse columns: `indptr` has `ncols + 1` entries, `indices` are row indices.
    Csc,
}

/// A compressed sparse constraint matrix for [`linprog`](crate::linprog) (`A_ub`, `A_eq`) and
/// [`milp`](crate::milp): SciPy's `indptr`, `indices` and `data` arrays.
///
/// sci-optimize does not depend on sci-sparse: a `sci_sparse` CSR or CSC matrix is passed by
/// its parts, `SparseMatrix::csr(a.shape(), a.indptr().to_vec(), a.indices().to_vec(),
/// a.data().to_vec())`. Indices need not be sorted; duplicate entries are summed, as
/// `scipy.sparse` does.
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogOptions, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::array;
/// // x0 + x1 >= 2 as -x0 - x1 <= -2, in CSR form.
/// let a = SparseMatrix::csr((1, 2), vec![0, 2], vec![0, 1], vec![-1.0, -1.0])?;
/// assert_eq!((a.shape(), a.nnz()), ((1, 2), 2));
/// let b = array![-2.0];
/// let opts = LinprogOptions { a_ub: Some((&a).into()), b_ub: Some(b.view()), ..Default::default() };
/// let res = linprog(&array![1.0, 3.0].view(), &opts)?;
/// assert_eq!((res.x.unwrap(), res.fun), (array![2.0, 0.0], Some(2.0)));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.sparse.csr_array((data, indices, indptr), shape)` (or `csc_array`)
#[derive(Debug, Clone, PartialEq)]
pub struct SparseMatrix {
    format: SparseFormat,
    shape: (usize, usize),
    indptr: Vec<usize>,
    indices: Vec<usize>,
    data: Vec<f64>,
}

impl SparseMatrix {
    /// A CSR matrix: row `i` holds `data[indptr[i]..indptr[i + 1]]` in the columns
    /// `indices[indptr[i]..indptr[i + 1]]`.
    ///
    /// # Errors
    ///
    /// [`OptimizeError::WrongLength`] when `indptr` does not have `nrows + 1` entries or
    /// `data` not as many as `indices`; [`OptimizeError::InvalidValue`] when `indptr` does not
    /// start at 0, decreases or does not end at `len(indices)`, or an index is out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::SparseMatrix;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let a = SparseMatrix::csr((2, 3), vec![0, 1, 3], vec![2, 0, 2], vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(a.to_dense(), array![[0.0, 0.0, 1.0], [2.0, 0.0, 3.0]]);
    /// assert!(SparseMatrix::csr((2, 3), vec![0, 1, 3], vec![2, 0, 3], vec![1.0, 2.0, 3.0]).is_err());
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.sparse.csr_array((data, indices, indptr), shape=shape)`
    pub fn csr(
        shape: (usize, usize),
        indptr: Vec<usize>,
        indices: Vec<usize>,
        data: Vec<f64>,
    ) -> Result<Self> {
        Self::checked(SparseFormat::Csr, shape, indptr, indices, data)
    }

    /// A CSC matrix: column `j` holds `data[indptr[j]..indptr[j + 1]]` in the rows
    /// `indices[indptr[j]..indptr[j + 1]]`.
    ///
    /// # Errors
    ///
    /// As [`SparseMatrix::csr`], with `ncols + 1` entries in `indptr`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::SparseMatrix;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let a = SparseMatrix::csc((2, 2), vec![0, 2, 3], vec![0, 1, 1], vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(a.to_dense(), array![[1.0, 0.0], [2.0, 3.0]]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.sparse.csc_array((data, indices, indptr), shape=shape)`
    pub fn csc(
        shape: (usize, usize),
        indptr: Vec<usize>,
        indices: Vec<usize>,
        data: Vec<f64>,
    ) -> Result<Self> {
        Self::checked(SparseFormat::Csc, shape, indptr, indices, data)
    }

    /// The nonzero entries of a dense matrix, in CSR form.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::SparseMatrix;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let a = SparseMatrix::from_dense(&array![[0.0, 2.0], [3.0, 0.0]].view());
    /// assert_eq!((a.indptr(), a.indices(), a.data()), (&[0, 1, 2][..], &[1, 0][..], &[2.0, 3.0][..]));
    /// ```
    ///
    /// SciPy equivalent: `scipy.sparse.csr_array(a)`
    pub fn from_dense(a: &ArrayView2<'_, f64>) -> Self {
        let mut indptr = vec![0];
        let (mut indices, mut data) = (Vec::new(), Vec::new());
        for row in a.rows() {
            for (j, &v) in row.iter().enumerate() {
                if v != 0.0 {
                    indices.push(j);
                    data.push(v);
                }
            }
            indptr.push(indices.len());
        }
        SparseMatrix { format: SparseFormat::Csr, shape: a.dim(), indptr, indices, data }
    }

    fn checked(
        format: SparseFormat,
        shape: (usize, usize),
        indptr: Vec<usize>,
        indices: Vec<usize>,
        data: Vec<f64>,
    ) -> Result<Self> {
        let (major, minor) = match format {
            SparseFormat::Csr => shape,
            SparseFormat::Csc => (shape.1, shape.0),
        };
        if indptr.len() != major + 1 {
            return Err(OptimizeError::WrongLength {
                arg: "indptr",
                expected: major + 1,
                found: indptr.len(),
            });
        }
        if data.len() != indices.len() {
            return Err(OptimizeError::WrongLength {
                arg: "data",
                expected: indices.len(),
                found: data.len(),
            });
        }
        if indptr[0] != 0 || indptr.windows(2).any(|w| w[0] > w[1]) || indptr[major] != indices.len() {
            return Err(invalid(
                "indptr",
                "index pointer should start with 0, be non-decreasing and end at len(indices)",
            ));
        }
        if let Some(&bad) = indices.iter().find(|&&i| i >= minor) {
            return Err(invalid("indices", format!("index {bad} out of range for dimension {minor}")));
        }
        Ok(SparseMatrix { format, shape, indptr, indices, data })
    }

    /// `(nrows, ncols)`.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_optimize::SparseMatrix::csr((3, 1), vec![0, 0, 0, 0], vec![], vec![])?;
    /// assert_eq!(a.shape(), (3, 1));
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.shape`
    pub fn shape(&self) -> (usize, usize) {
        self.shape
    }

    /// The number of stored entries.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_optimize::SparseMatrix::csr((1, 2), vec![0, 1], vec![1], vec![5.0])?;
    /// assert_eq!(a.nnz(), 1);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.nnz`
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// CSR or CSC.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{SparseFormat, SparseMatrix};
    /// let a = SparseMatrix::csr((1, 1), vec![0, 0], vec![], vec![])?;
    /// assert_eq!(a.format(), SparseFormat::Csr);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.format`
    pub fn format(&self) -> SparseFormat {
        self.format
    }

    /// The index pointer array.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_optimize::SparseMatrix::csr((1, 2), vec![0, 1], vec![1], vec![5.0])?;
    /// assert_eq!(a.indptr(), &[0, 1]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.indptr`
    pub fn indptr(&self) -> &[usize] {
        &self.indptr
    }

    /// The column (CSR) or row (CSC) indices.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_optimize::SparseMatrix::csr((1, 2), vec![0, 1], vec![1], vec![5.0])?;
    /// assert_eq!(a.indices(), &[1]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.indices`
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// The stored values.
    ///
    /// # Examples
    ///
    /// ```
    /// let a = sci_optimize::SparseMatrix::csr((1, 2), vec![0, 1], vec![1], vec![5.0])?;
    /// assert_eq!(a.data(), &[5.0]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.data`
    pub fn data(&self) -> &[f64] {
        &self.data
    }

    /// The dense matrix (duplicates summed).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::SparseMatrix;
    /// use sci_optimize::sci_array::ndarray::array;
    /// let a = SparseMatrix::csr((1, 2), vec![0, 2], vec![1, 1], vec![5.0, 1.0])?;
    /// assert_eq!(a.to_dense(), array![[0.0, 6.0]]);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ///
    /// SciPy equivalent: `A.toarray()`
    pub fn to_dense(&self) -> ndarray::Array2<f64> {
        let mut out = ndarray::Array2::zeros(self.shape);
        for k in 0..self.indptr.len() - 1 {
            for p in self.indptr[k]..self.indptr[k + 1] {
                let (i, j) = match self.format {
                    SparseFormat::Csr => (k, self.indices[p]),
                    SparseFormat::Csc => (self.indices[p], k),
                };
                out[(i, j)] += self.data[p];
            }
        }
        out
    }
}

/// A constraint matrix of [`linprog`](crate::linprog): a dense view or a [`SparseMatrix`]
/// (SciPy accepts both for `A_ub` and `A_eq`). `From` conversions make
/// `Some(a.view().into())` and `Some((&sparse).into())` work.
///
/// # Examples
///
/// ```
/// use sci_optimize::{ConstraintMatrix, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::array;
/// let d = array![[1.0, 0.0], [0.0, 2.0]];
/// let s = SparseMatrix::from_dense(&d.view());
/// let (a, b): (ConstraintMatrix<'_>, ConstraintMatrix<'_>) = (d.view().into(), (&s).into());
/// assert_eq!((a.shape(), b.shape()), ((2, 2), (2, 2)));
/// ```
///
/// SciPy equivalent: `the A_ub / A_eq arguments of scipy.optimize.linprog (array or sparse array)`
#[derive(Debug, Clone, Copy)]
pub enum ConstraintMatrix<'a> {
    /// A dense `(m, n)` matrix (any strides).
    Dense(ArrayView2<'a, f64>),
    /// A compressed sparse matrix.
    Sparse(&'a SparseMatrix),
}

impl ConstraintMatrix<'_> {
    /// `(nrows, ncols)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::ConstraintMatrix;
    /// use sci_optimize::sci_array::ndarray::Array2;
    /// let a = Array2::<f64>::zeros((3, 4));
    /// assert_eq!(ConstraintMatrix::from(a.view()).shape(), (3, 4));
    /// ```
    ///
    /// SciPy equivalent: `A.shape`
    pub fn shape(&self) -> (usize, usize) {
        match self {
            ConstraintMatrix::Dense(a) => a.dim(),
            ConstraintMatrix::Sparse(s) => s.shape,
        }
    }
}

impl<'a> From<ArrayView2<'a, f64>> for ConstraintMatrix<'a> {
    fn from(a: ArrayView2<'a, f64>) -> Self {
        ConstraintMatrix::Dense(a)
    }
}

impl<'a> From<&'a SparseMatrix> for ConstraintMatrix<'a> {
    fn from(a: &'a SparseMatrix) -> Self {
        ConstraintMatrix::Sparse(a)
    }
}

/// A compressed matrix (rows or columns): lane `k` is `idx/val[ptr[k]..ptr[k + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cs {
    pub(crate) ptr: Vec<usize>,
    pub(crate) idx: Vec<usize>,
    pub(crate) val: Vec<f64>,
}

impl Cs {
    /// An empty matrix with no lanes.
    pub(crate) fn new() -> Self {
        Cs { ptr: vec![0], idx: Vec::new(), val: Vec::new() }
    }

    /// Lane `k`.
    #[inline]
    pub(crate) fn lane(&self, k: usize) -> (&[usize], &[f64]) {
        let (a, b) = (self.ptr[k], self.ptr[k + 1]);
        (&self.idx[a..b], &self.val[a..b])
    }

    /// `sum_k lane(k)[i] * x[i]`.
    #[inline]
    pub(crate) fn dot(&self, k: usize, x: &[f64]) -> f64 {
        let (idx, val) = self.lane(k);
        idx.iter().zip(val).map(|(&i, &v)| v * x[i]).sum()
    }

    /// Number of lanes.
    pub(crate) fn lanes(&self) -> usize {
        self.ptr.len() - 1
    }

    /// The transpose with `minor` lanes (indices come out sorted).
    pub(crate) fn transpose(&self, minor: usize) -> Cs {
        let mut cnt = vec![0usize; minor + 1];
        for &i in &self.idx {
            cnt[i + 1] += 1;
        }
        for i in 0..minor {
            cnt[i + 1] += cnt[i];
        }
        let ptr = cnt.clone();
        let mut next = cnt;
        let nnz = self.idx.len();
        let (mut idx, mut val) = (vec![0; nnz], vec![0.0; nnz]);
        for k in 0..self.lanes() {
            let (ii, vv) = self.lane(k);
            for (&i, &v) in ii.iter().zip(vv) {
                let p = next[i];
                idx[p] = k;
                val[p] = v;
                next[i] += 1;
            }
        }
        Cs { ptr, idx, val }
    }

    /// Append rows of `a` (checked: `ncols` columns, finite values); zeros are dropped and
    /// duplicates summed.
    pub(crate) fn push_rows(&mut self, a: ConstraintMatrix<'_>, name: &'static str) -> Result<()> {
        let bad = || invalid(name, format!("{name} must not contain values inf, nan, or None"));
        match a {
            ConstraintMatrix::Dense(a) => {
                for row in a.rows() {
                    for (j, &v) in row.iter().enumerate() {
                        if !v.is_finite() {
                            return Err(bad());
                        }
                        if v != 0.0 {
                            self.idx.push(j);
                            self.val.push(v);
                        }
                    }
                    self.ptr.push(self.idx.len());
                }
            }
            ConstraintMatrix::Sparse(s) => {
                if s.data.iter().any(|v| !v.is_finite()) {
                    return Err(bad());
                }
                let lanes = Cs { ptr: s.indptr.clone(), idx: s.indices.clone(), val: s.data.clone() };
                let rows = match s.format {
                    SparseFormat::Csr => lanes,
                    SparseFormat::Csc => lanes.transpose(s.shape.0),
                };
                // Sum duplicates within each row, drop zeros.
                let mut at = vec![usize::MAX; s.shape.1];
                for k in 0..rows.lanes() {
                    let start = self.idx.len();
                    let (ii, vv) = rows.lane(k);
                    for (&j, &v) in ii.iter().zip(vv) {
                        if at[j] != usize::MAX && at[j] >= start {
                            self.val[at[j]] += v;
                        } else {
                            at[j] = self.idx.len();
                            self.idx.push(j);
                            self.val.push(v);
                        }
                    }
                    let mut w = start;
                    for p in start..self.idx.len() {
                        let j = self.idx[p];
                        at[j] = usize::MAX;
                        if self.val[p] != 0.0 {
                            self.idx[w] = j;
                            self.val[w] = self.val[p];
                            w += 1;
                        }
                    }
                    self.idx.truncate(w);
                    self.val.truncate(w);
                    self.ptr.push(w);
                }
            }
        }
        Ok(())
    }
}
