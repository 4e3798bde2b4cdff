//! The `LinearOperator` abstraction the iterative solvers and `eigsh` work on.

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1};

use crate::error::{Result, shape_err};
use crate::{CscMatrix, CsrMatrix};

/// Checks that `op`'s products have the lengths its shape promises — `matvec` gives `rows`
/// values and, with `transpose`, `rmatvec` (when it has one) gives `cols` — by one product
/// with zeros, as SciPy's `LinearOperator` does when it is made (and on every product):
/// `ValueError: cannot reshape array of size 2 into shape (3,)`.
pub(crate) fn check_operator(arg: &'static str, op: &dyn LinearOperator, transpose: bool) -> Result<()> {
    let (m, n) = op.shape();
    let y = op.matvec(Array1::zeros(n).view());
    if y.len() != m {
        return Err(shape_err(arg, format!("matvec to give {m} values (shape ({m}, {n}))"), y.shape()));
    }
    if transpose {
        check_rmatvec(arg, op)?;
    }
    Ok(())
}

/// The `rmatvec` half of [`check_operator`]: whether `op` has an `rmatvec` at all (`false`:
/// none), after checking that it gives `cols` values.
pub(crate) fn check_rmatvec(arg: &'static str, op: &dyn LinearOperator) -> Result<bool> {
    let (m, n) = op.shape();
    match op.rmatvec(Array1::zeros(m).view()) {
        None => Ok(false),
        Some(z) if z.len() != n => {
            Err(shape_err(arg, format!("rmatvec to give {n} values (shape ({m}, {n}))"), z.shape()))
        }
        Some(_) => Ok(true),
    }
}

/// Anything that can multiply a vector: a sparse or dense matrix, or a closure.
///
/// SciPy equivalent: `scipy.sparse.linalg.LinearOperator` (its `shape` and `matvec`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::LinearOperator;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[2.0, 0.0], [0.0, 3.0]]);
/// assert_eq!(LinearOperator::shape(&a), (2, 2));
/// assert_eq!(a.matvec(array![1.0, 1.0].view()), array![2.0, 3.0]);
/// ```
pub trait LinearOperator: Sync {
    /// `(rows, cols)`.
    fn shape(&self) -> (usize, usize);
    /// `A x` for `x` of length `cols` (callers check the length). The result must have
    /// `rows` values: the solvers check that once, with a product by zeros, and return
    /// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) otherwise (SciPy's
    /// `ValueError: cannot reshape array`).
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64>;
    /// `y = A x` written into `y` (length `rows`) without allocating, for solvers that call
    /// the operator many times ([`eigsh`](super::eigsh)). By default it copies [`matvec`]'s
    /// result; CSR matrices multiply in place.
    ///
    /// [`matvec`]: LinearOperator::matvec
    ///
    /// # Panics
    ///
    /// When `y.len()` differs from `rows`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{FnOperator, LinearOperator};
    /// use sci_sparse::sci_array::ndarray::{array, Array1};
    /// let a = sci_sparse::CsrMatrix::from_dense(&array![[2.0, 1.0], [0.0, 3.0]]);
    /// let mut y = Array1::zeros(2);
    /// a.matvec_into(array![1.0, 1.0].view(), y.view_mut());
    /// assert_eq!(y, array![3.0, 3.0]);
    /// let twice = FnOperator::new((2, 2), |x| &x * 2.0);
    /// twice.matvec_into(array![1.0, -1.0].view(), y.view_mut());
    /// assert_eq!(y, array![2.0, -2.0]);
    /// ```
    #[track_caller]
    fn matvec_into(&self, x: ArrayView1<'_, f64>, mut y: ArrayViewMut1<'_, f64>) {
        let r = self.matvec(x);
        assert_eq!(y.len(), r.len(), "expected y of length {}, got {}", r.len(), y.len());
        y.assign(&r);
    }
    /// `A^T x` for `x` of length `rows`, when the operator knows its transpose (`None` by
    /// default; matrices provide it). Needed by [`bicg`](super::bicg).
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        let _ = x;
        None
    }
    /// The operator as a sparse matrix, when it is one (`None` by default; sparse and dense
    /// matrices provide it). Needed by the shift-invert mode of [`eigs`](super::eigs).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{FnOperator, LinearOperator};
    /// let a = sci_sparse::CsrMatrix::<f64>::identity(3);
    /// assert_eq!(a.to_sparse().map(|m| m.nnz()), Some(3));
    /// assert!(FnOperator::new((3, 3), |x| x.to_owned()).to_sparse().is_none());
    /// ```
    fn to_sparse(&self) -> Option<CscMatrix<f64>> {
        None
    }
}

impl LinearOperator for CsrMatrix<f64> {
    fn shape(&self) -> (usize, usize) {
        CsrMatrix::shape(self)
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        crate::products::gather_vec(&self.cs, &x)
    }
    #[track_caller]
    fn matvec_into(&self, x: ArrayView1<'_, f64>, mut y: ArrayViewMut1<'_, f64>) {
        let m = CsrMatrix::shape(self).0;
        assert_eq!(y.len(), m, "expected y of length {m}, got {}", y.len());
        let xs = x.as_slice().map_or_else(|| std::borrow::Cow::Owned(x.to_vec()), std::borrow::Cow::Borrowed);
        // Long rows (eigsh's random matrices) gain from four independent partial sums; short
        // ones (stencils) take SciPy's order, which rounds as SciPy's product does.
        let (ip, ix, d) = (self.indptr(), self.indices(), self.data());
        let long_rows = m > 0 && d.len() >= LONG_ROW_NNZ * m;
        match y.as_slice_mut() {
            Some(ys) if long_rows => csr_gather_into(ip, ix, d, &xs, ys),
            Some(ys) => crate::products::gather_rows(&self.cs, &xs, ys, |o, v| *o = v),
            None => y.assign(&crate::products::gather_vec(&self.cs, &x)),
        }
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        Some(crate::products::scatter_vec(&self.cs, &x))
    }
    fn to_sparse(&self) -> Option<CscMatrix<f64>> {
        Some(self.tocsc())
    }
}

impl LinearOperator for CscMatrix<f64> {
    fn shape(&self) -> (usize, usize) {
        CscMatrix::shape(self)
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        crate::products::scatter_vec(&self.cs, &x)
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        Some(crate::products::gather_vec(&self.cs, &x))
    }
    fn to_sparse(&self) -> Option<CscMatrix<f64>> {
        Some(self.clone())
    }
}

impl LinearOperator for Array2<f64> {
    fn shape(&self) -> (usize, usize) {
        self.dim()
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        self.dot(&x)
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        Some(self.t().dot(&x))
    }
    fn to_sparse(&self) -> Option<CscMatrix<f64>> {
        Some(CscMatrix::from_dense(self))
    }
}

impl<T: LinearOperator + ?Sized> LinearOperator for &T {
    fn shape(&self) -> (usize, usize) {
        (**self).shape()
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        (**self).matvec(x)
    }
    fn matvec_into(&self, x: ArrayView1<'_, f64>, y: ArrayViewMut1<'_, f64>) {
        (**self).matvec_into(x, y)
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        (**self).rmatvec(x)
    }
    fn to_sparse(&self) -> Option<CscMatrix<f64>> {
        (**self).to_sparse()
    }
}

/// A [`LinearOperator`] from a shape and a matrix-vector closure.
///
/// SciPy equivalent: `scipy.sparse.linalg.LinearOperator(shape, matvec=f)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{FnOperator, LinearOperator, cg, IterOptions};
/// use sci_sparse::sci_array::ndarray::{array, Array1};
/// // the 1-d Laplacian [-1 2 -1] without storing it
/// let lap = FnOperator::new((4, 4), |x| {
///     Array1::from_shape_fn(4, |i| {
///         2.0 * x[i] - if i > 0 { x[i - 1] } else { 0.0 } - if i < 3 { x[i + 1] } else { 0.0 }
///     })
/// });
/// assert_eq!(lap.matvec(array![1.0, 1.0, 1.0, 1.0].view()), array![1.0, 0.0, 0.0, 1.0]);
/// let r = cg(&lap, &array![1.0, 0.0, 0.0, 1.0], &IterOptions::default())?;
/// assert_eq!(r.info, 0);
/// assert!((r.x[2] - 1.0).abs() < 1e-4);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub struct FnOperator<F> {
    shape: (usize, usize),
    f: F,
}

impl<F: Fn(ArrayView1<'_, f64>) -> Array1<f64> + Sync> FnOperator<F> {
    /// Wraps `f` as an operator of the given shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_sparse::linalg::{FnOperator, LinearOperator};
    /// let twice = FnOperator::new((3, 3), |x| &x * 2.0);
    /// assert_eq!(twice.shape(), (3, 3));
    /// ```
    pub fn new(shape: (usize, usize), f: F) -> Self {
        FnOperator { shape, f }
    }
}

impl<F: Fn(ArrayView1<'_, f64>) -> Array1<f64> + Sync> LinearOperator for FnOperator<F> {
    fn shape(&self) -> (usize, usize) {
        self.shape
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        (self.f)(x)
    }
}

/// The `n x n` identity operator (the default preconditioner).
///
/// SciPy equivalent: `scipy.sparse.linalg.aslinearoperator(identity(n))`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{IdentityOperator, LinearOperator};
/// use sci_sparse::sci_array::ndarray::array;
/// assert_eq!(IdentityOperator(2).matvec(array![1.0, 2.0].view()), array![1.0, 2.0]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct IdentityOperator(pub usize);

impl LinearOperator for IdentityOperator {
    fn shape(&self) -> (usize, usize) {
        (self.0, self.0)
    }
    fn matvec(&self, x: ArrayView1<'_, f64>) -> Array1<f64> {
        x.to_owned()
    }
    fn rmatvec(&self, x: ArrayView1<'_, f64>) -> Option<Array1<f64>> {
        Some(x.to_owned())
    }
}

/// Rows of a CSR product handed to one rayon task, and the nonzero count from which the
/// product runs in parallel (below it, a task's start-up costs more than the rows take).
const SPMV_CHUNK: usize = 4096;
const SPMV_PAR_NNZ: usize = 1 << 20;
/// Mean nonzeros per row from which the partial-sum kernel is used.
const LONG_ROW_NNZ: usize = 16;

/// `y = A x` for CSR arrays `(indptr, indices, data)`: each row is a dot product with four
/// independent partial sums, so the gathers overlap instead of waiting on one add chain.
fn csr_gather_into(indptr: &[usize], indices: &[usize], data: &[f64], x: &[f64], y: &mut [f64]) {
    let row = |i: usize| {
        let (a, b) = (indptr[i], indptr[i + 1]);
        let (ind, dat) = (&indices[a..b], &data[a..b]);
        let mut s = [0.0f64; 4];
        let (mut ci, mut cd) = (ind.chunks_exact(4), dat.chunks_exact(4));
        for (i4, d4) in (&mut ci).zip(&mut cd) {
            for t in 0..4 {
                s[t] += d4[t] * x[i4[t]];
            }
        }
        let mut r = (s[0] + s[1]) + (s[2] + s[3]);
        for (&j, &v) in ci.remainder().iter().zip(cd.remainder()) {
            r += v * x[j];
        }
        r
    };
    if data.len() >= SPMV_PAR_NNZ {
        y.par_chunks_mut(SPMV_CHUNK).enumerate().for_each(|(c, out)| {
            for (k, o) in out.iter_mut().enumerate() {
                *o = row(c * SPMV_CHUNK + k);
            }
        });
    } else {
        for (i, o) in y.iter_mut().enumerate() {
            *o = row(i);
        }
    }
}
