//! The minimal-residual Krylov solvers `gmres`, `minres` and `tfqmr` on a `LinearOperator`:
//! SciPy's argument checks around `sci_array::krylov`'s cores.

use sci_array::krylov;
use sci_array::ndarray::{ArrayBase, Data, Ix1};

use super::iterative::{IterOptions, IterResult, via_core};
use super::operator::LinearOperator;
use crate::error::Result;

/// Restarted GMRES for a general square `A` (modified Gram–Schmidt Arnoldi, Givens
/// rotations, SciPy's inner-tolerance control); `maxiter` counts restart cycles.
///
/// SciPy equivalent: `scipy.sparse.linalg.gmres(A, b, x0, rtol=1e-5, atol=0.0, restart=20,
/// maxiter, M)`.
///
/// # Errors
///
/// As [`cg`](super::cg), plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for
/// `restart = Some(0)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{gmres, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[3.0, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]]);
/// let r = gmres(&a, &array![2.0, 4.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![2.0, -2.0, 9.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn gmres<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    via_core(a, b, opts, |o, b, p| krylov::gmres(o, b, p))
}

/// MINimum RESidual iteration for a symmetric (possibly indefinite) `A`, a port of SciPy's
/// (Paige–Saunders) `minres` with its stopping rules; `maxiter` defaults to `5 n`.
///
/// SciPy equivalent: `scipy.sparse.linalg.minres(A, b, x0, rtol=1e-5, maxiter, M)` (with
/// `shift=0`).
///
/// # Errors
///
/// As [`cg`](super::cg), plus [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) when the
/// preconditioner is indefinite or `A` is detected not symmetric.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{minres, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// // symmetric indefinite
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 2.0], [2.0, -3.0]]);
/// let r = minres(&a, &array![3.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn minres<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    via_core(a, b, opts, |o, b, p| krylov::minres(o, b, p))
}

/// Transpose-Free Quasi-Minimal Residual iteration for a general square `A` (a port of
/// SciPy's `tfqmr`: the tolerance is relative to the initial residual, `maxiter` defaults to
/// `min(10000, 10 n)`, `info = -1` on breakdown).
///
/// SciPy equivalent: `scipy.sparse.linalg.tfqmr(A, b, x0, rtol=1e-5, atol=0.0, maxiter, M)`.
///
/// # Errors
///
/// As [`cg`](super::cg).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{tfqmr, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[4.0, 1.0], [-2.0, 3.0]]);
/// let r = tfqmr(&a, &array![5.0, 1.0], &IterOptions { rtol: 1e-12, ..Default::default() })?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![1.0, 1.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn tfqmr<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
) -> Result<IterResult> {
    via_core(a, b, opts, |o, b, p| krylov::tfqmr(o, b, p))
}
