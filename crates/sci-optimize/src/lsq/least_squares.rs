//! `least_squares`: bounded nonlinear least squares with robust losses (SciPy's
//! `scipy/optimize/_lsq/least_squares.py`).

use super::common::{Loss, grad, in_bounds, make_strictly_feasible};
use super::dogbox::dogbox;
use super::jacobian::{Jac, LsqJacobian};
use super::lsmr::LsmrParams;
use super::minpack_lm::{LmParams, lm};
use super::sparse::CsrMatrix;
use super::trf::{TrKind, TrfParams, trf};
use crate::error::{OptimizeError, Result, invalid};
use crate::linprog::SparseMatrix;
use crate::minimize::Bounds;
use crate::numdiff::{self, FiniteDiff};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use sci_array::num_complex::Complex64;
use std::cell::RefCell;
use std::fmt;
use std::ops::ControlFlow;

/// The Jacobian of the residuals for [`least_squares`] (SciPy's `jac=`).
///
/// SciPy equivalent: the `jac` keyword of `scipy.optimize.least_squares` (`'2-point'`,
/// `'3-point'`, a callable returning an array or a sparse matrix).
///
/// # Examples
///
/// ```
/// use sci_optimize::{least_squares, LeastSquaresOptions, LsqJac, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let jac = |x: &Array1<f64>| SparseMatrix::from_dense(&array![[-20.0 * x[0], 10.0], [-1.0, 0.0]].view());
/// let opts = LeastSquaresOptions { jac: LsqJac::SparseFn(&jac), ..Default::default() };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// // SciPy (jac returning a csr_array, so tr_solver='lsmr'): nfev = 3, njev = 3, status = 1
/// assert_eq!((r.nfev, r.njev, r.status), (3, Some(3), 1));
/// assert!((r.x[0] - 1.0).abs() < 1e-12 && (r.x[1] - 1.0).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Clone, Copy)]
pub enum LsqJac<'a> {
    /// `'2-point'` (default) or `'3-point'` finite differences, steps kept inside the bounds.
    FiniteDiff(FiniteDiff),
    /// A function returning the `(m, n)` Jacobian.
    Fn(&'a dyn Fn(&Array1<f64>) -> Array2<f64>),
    /// A function returning the `(m, n)` Jacobian as a sparse matrix (CSR or CSC); the
    /// trust-region solver is then `'lsmr'` (not with `'lm'`).
    SparseFn(&'a dyn Fn(&Array1<f64>) -> SparseMatrix),
    /// SciPy's `jac='cs'`: complex-step differences `Im f(x + i h e_j) / h` of the residuals
    /// continued to complex arguments (given again for `Complex64` input; write `fun` once,
    /// generic over the scalar type). `diff_step` sets the relative step as for the real
    /// schemes; not with `jac_sparsity`.
    ///
    /// ```
    /// use sci_optimize::{least_squares, LeastSquaresOptions, LsqJac};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// use sci_optimize::sci_array::num_complex::Complex64;
    /// let f = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
    /// let fc = |z: &Array1<Complex64>| array![10.0 * (z[1] - z[0] * z[0]), 1.0 - z[0]];
    /// let opts = LeastSquaresOptions { jac: LsqJac::ComplexStep(&fc), ..Default::default() };
    /// let r = least_squares(f, &array![2.0, 2.0], &opts)?;
    /// assert!((r.x[0] - 1.0).abs() < 1e-10 && (r.x[1] - 1.0).abs() < 1e-10);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ComplexStep(&'a dyn Fn(&Array1<Complex64>) -> Array1<Complex64>),
}

impl Default for LsqJac<'_> {
    fn default() -> Self {
        LsqJac::FiniteDiff(FiniteDiff::TwoPoint)
    }
}

impl fmt::Debug for LsqJac<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FiniteDiff(d) => write!(f, "FiniteDiff({d:?})"),
            Self::Fn(_) => f.write_str("Fn(..)"),
            Self::ComplexStep(_) => f.write_str("ComplexStep(..)"),
            Self::SparseFn(_) => f.write_str("SparseFn(..)"),
        }
    }
}

/// The algorithm of [`least_squares`] (SciPy's `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LsqMethod {
    /// `'trf'`: Trust Region Reflective (default), with bounds and robust losses.
    #[default]
    Trf,
    /// `'lm'`: MINPACK's Levenberg-Marquardt (`lmder`); no bounds, linear loss, `m >= n`.
    Lm,
    /// `'dogbox'`: dogleg in rectangular trust regions, with bounds and robust losses.
    Dogbox,
}

/// Characteristic scales of the variables (SciPy's `x_scale=`).
#[derive(Debug, Clone, PartialEq)]
pub enum XScale {
    /// `'jac'`: inverse column norms of the Jacobian, updated as the iteration goes.
    Jac,
    /// One scale for every variable.
    Scalar(f64),
    /// One positive scale per variable.
    Array(Array1<f64>),
}

/// The trust-region subproblem solver of `'trf'` and `'dogbox'` (SciPy's `tr_solver=`).
///
/// SciPy equivalent: the `tr_solver` keyword of `scipy.optimize.least_squares`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{least_squares, LeastSquaresOptions, TrSolver};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let opts = LeastSquaresOptions { tr_solver: Some(TrSolver::Lsmr), ..Default::default() };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// // SciPy (tr_solver='lsmr'): nfev = 3, status = 1
/// assert_eq!((r.nfev, r.status), (3, 1));
/// assert!((r.x[0] - 1.0).abs() < 1e-10);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrSolver {
    /// `'exact'`: SVD (trf) or least squares (dogbox) on the dense Jacobian; the default for
    /// dense Jacobians.
    Exact,
    /// `'lsmr'`: LSMR's Gauss-Newton step and a 2-d subspace (trf) or the dogleg (dogbox); the
    /// default for sparse Jacobians (`jac_sparsity`).
    Lsmr,
}

/// Options of the `'lsmr'` trust-region solver (SciPy's `tr_options` dict): the keywords of
/// `scipy.sparse.linalg.lsmr` and trf's `regularize`. `'dogbox'` ignores `regularize`
/// (SciPy warns and drops it); without bounds trf adds `damp^2` to its regularization term.
///
/// SciPy equivalent: the `tr_options` keyword of `scipy.optimize.least_squares`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{least_squares, LeastSquaresOptions, TrOptions, TrSolver};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let opts = LeastSquaresOptions {
///     tr_solver: Some(TrSolver::Lsmr),
///     tr_options: TrOptions { regularize: false, ..Default::default() },
///     ..Default::default()
/// };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// assert_eq!((r.nfev, r.status), (3, 1)); // SciPy's counts
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrOptions {
    /// `regularize` (default true, `'trf'` only): add the Cauchy-step based regularization
    /// term to the LSMR problem.
    pub regularize: bool,
    /// `damp` (default 0): LSMR's Tikhonov damping.
    pub damp: f64,
    /// `atol` (default 1e-6): LSMR's stopping tolerance.
    pub atol: f64,
    /// `btol` (default 1e-6): LSMR's stopping tolerance.
    pub btol: f64,
    /// `conlim` (default 1e8): LSMR's condition-number limit.
    pub conlim: f64,
    /// `maxiter` (default `None`: `min(m, n)`): LSMR's iteration limit.
    pub maxiter: Option<usize>,
}

impl Default for TrOptions {
    fn default() -> Self {
        let p = LsmrParams::default();
        TrOptions {
            regularize: true,
            damp: p.damp,
            atol: p.atol,
            btol: p.btol,
            conlim: p.conlim,
            maxiter: p.maxiter,
        }
    }
}

/// What [`least_squares`] hands its callback after each iteration: SciPy's
/// `intermediate_result` (an `OptimizeResult` with `x`, `fun`, `nit`, `nfev` and `cost`).
///
/// SciPy equivalent: the argument of `least_squares`' `callback(intermediate_result)`.
/// As in SciPy, `'trf'` passes the current iterate, its residuals and its cost; `'dogbox'`
/// passes the current iterate, its residuals rescaled by the robust loss (the plain residuals
/// for `'linear'`) and the cost of the last trial step (rejected or not).
///
/// # Examples
///
/// ```
/// use std::cell::RefCell;
/// use std::ops::ControlFlow;
/// use sci_optimize::{least_squares, LeastSquaresOptions, LsqCallback, LsqIntermediateResult};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let seen = RefCell::new(Vec::new());
/// let cb = |r: &LsqIntermediateResult<'_>| {
///     seen.borrow_mut().push((r.nit, r.nfev, r.cost, r.x[0], r.fun.len()));
///     ControlFlow::Continue(())
/// };
/// let opts = LeastSquaresOptions { callback: Some(LsqCallback(&cb)), ..Default::default() };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// // SciPy: two calls, (nit, nfev) = (1, 2) with cost 50.00000238418568, then (2, 3).
/// let seen = seen.into_inner();
/// assert_eq!(seen.len(), 2);
/// assert_eq!((seen[0].0, seen[0].1, seen[1].0, seen[1].1), (1, 2, 2, 3));
/// assert!((seen[0].2 - 50.00000238418568).abs() < 1e-9 && seen[0].4 == 2);
/// assert_eq!(r.status, 1);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LsqIntermediateResult<'r> {
    /// The current iterate.
    pub x: &'r Array1<f64>,
    /// The residuals at `x` (`'dogbox'`: rescaled by the robust loss, as SciPy).
    pub fun: &'r Array1<f64>,
    /// The number of iterations done (1 at the first call).
    pub nit: usize,
    /// The residual evaluations so far.
    pub nfev: usize,
    /// The cost at `x` (`'dogbox'`: of the last trial point, as SciPy).
    pub cost: f64,
}

/// The callback of [`least_squares`] (SciPy's `callback=`), for [`LeastSquaresOptions::callback`].
///
/// Called after each iteration of `'trf'` and `'dogbox'` with an [`LsqIntermediateResult`];
/// returning `ControlFlow::Break(())` stops the run as SciPy does when the callback raises
/// `StopIteration`: status -2, `success = false`, message [`LSQ_CALLBACK_STOP`], `x` the
/// current iterate. (SciPy 1.17.1's message also names a returned `True`, but only
/// `StopIteration` stops it.) `'lm'` takes no callback: an
/// [`OptimizeError::UnsupportedOption`] where SciPy warns and ignores it.
///
/// It is a shared `Fn`; count or record through a `Cell` / `RefCell`.
///
/// SciPy equivalent: `least_squares(..., callback=callback)` with the
/// `callback(intermediate_result)` signature.
///
/// # Examples
///
/// ```
/// use std::ops::ControlFlow;
/// use sci_optimize::{least_squares, LeastSquaresOptions, LsqCallback, LsqIntermediateResult, LSQ_CALLBACK_STOP};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let stop = |_: &LsqIntermediateResult<'_>| ControlFlow::Break(());
/// let opts = LeastSquaresOptions { callback: Some(LsqCallback(&stop)), ..Default::default() };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// // SciPy: status -2 after the first iteration, nfev = 2, optimality of the starting point.
/// assert_eq!((r.status, r.success, r.nfev), (-2, false, 2));
/// assert_eq!(r.message, LSQ_CALLBACK_STOP);
/// assert!((r.optimality - 801.0000047683716).abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Clone, Copy)]
pub struct LsqCallback<'a>(pub &'a dyn Fn(&LsqIntermediateResult<'_>) -> ControlFlow<()>);

impl fmt::Debug for LsqCallback<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LsqCallback(..)")
    }
}

impl LsqCallback<'_> {
    /// Calls the callback; `true` when it asks to stop.
    pub(super) fn halt(&self, r: &LsqIntermediateResult<'_>) -> bool {
        (self.0)(r).is_break()
    }
}

/// SciPy's message (status -2) when the [`LsqCallback`] stops a [`least_squares`] run.
///
/// # Examples
///
/// ```
/// assert!(sci_optimize::LSQ_CALLBACK_STOP.starts_with("Stopped because `callback`"));
/// ```
pub const LSQ_CALLBACK_STOP: &str =
    "Stopped because `callback` function raised `StopIteration` or returned `True`";

/// Options of [`least_squares`] (SciPy's keywords; tolerances are `Option` because SciPy's
/// `None` disables a test).
#[derive(Clone, Debug)]
pub struct LeastSquaresOptions<'a> {
    /// `jac` (default `'2-point'`).
    pub jac: LsqJac<'a>,
    /// `bounds` (default: none).
    pub bounds: Option<Bounds>,
    /// `method` (default `'trf'`).
    pub method: LsqMethod,
    /// `ftol` (default `1e-8`): relative decrease of the cost.
    pub ftol: Option<f64>,
    /// `xtol` (default `1e-8`): relative change of `x`.
    pub xtol: Option<f64>,
    /// `gtol` (default `1e-8`): norm of the (scaled) gradient.
    pub gtol: Option<f64>,
    /// `x_scale` (default `None`: 1 for `'trf'`, `'jac'` for `'lm'`).
    pub x_scale: Option<XScale>,
    /// `loss` (default `'linear'`): a named loss or a callable ([`Loss::Callable`]).
    pub loss: Loss<'a>,
    /// `f_scale` (default 1): the soft margin between inlier and outlier residuals.
    pub f_scale: f64,
    /// `diff_step`: relative finite-difference step, one value or one per variable (default:
    /// `eps^(1/2)` for 2-point, `eps^(1/3)` for 3-point, times `max(1, |x|)`).
    pub diff_step: Option<Array1<f64>>,
    /// `max_nfev` (default `100 n`).
    pub max_nfev: Option<usize>,
    /// `tr_solver` (default `None`: `'exact'` for dense Jacobians, `'lsmr'` for sparse ones).
    pub tr_solver: Option<TrSolver>,
    /// `tr_options` for `'lsmr'` (ignored by `'exact'`).
    pub tr_options: TrOptions,
    /// `jac_sparsity`: the `(m, n)` sparsity pattern of the Jacobian for finite differences,
    /// CSR or CSC (stored entries with a nonzero value mark structural nonzeros). Columns with no row in
    /// common are differenced together (SciPy's `group_columns`), the Jacobian is sparse and
    /// the trust-region solver `'lsmr'`. Ignored with an analytic `jac`, as SciPy.
    pub jac_sparsity: Option<SparseMatrix>,
    /// `callback` (`'trf'` and `'dogbox'`): called after each iteration; see [`LsqCallback`].
    pub callback: Option<LsqCallback<'a>>,
}

impl Default for LeastSquaresOptions<'_> {
    fn default() -> Self {
        LeastSquaresOptions {
            jac: LsqJac::default(),
            bounds: None,
            method: LsqMethod::Trf,
            ftol: Some(1e-8),
            xtol: Some(1e-8),
            gtol: Some(1e-8),
            x_scale: None,
            loss: Loss::Linear,
            f_scale: 1.0,
            diff_step: None,
            max_nfev: None,
            tr_solver: None,
            tr_options: TrOptions::default(),
            jac_sparsity: None,
            callback: None,
        }
    }
}

/// The result of [`least_squares`] (SciPy's `OptimizeResult` fields).
#[derive(Debug, Clone, PartialEq)]
pub struct LeastSquaresResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The cost `0.5 sum rho(f_i^2)` at `x`.
    pub cost: f64,
    /// The residuals at `x`.
    pub fun: Array1<f64>,
    /// The Jacobian at `x` (rows rescaled for a robust loss, as SciPy returns it); sparse
    /// with `jac_sparsity`.
    pub jac: LsqJacobian,
    /// The gradient of the cost at `x`.
    pub grad: Array1<f64>,
    /// First-order optimality: the infinity norm of the (Coleman-Li scaled) gradient.
    pub optimality: f64,
    /// -1 where `x` is at its lower bound, 1 at its upper bound, 0 elsewhere.
    pub active_mask: Array1<i32>,
    /// Residual evaluations (not counting finite differences).
    pub nfev: usize,
    /// Jacobian evaluations (`None` for `'lm'` with finite differences, as SciPy).
    pub njev: Option<usize>,
    /// -2: stopped by the callback; 0: `max_nfev` reached; 1: `gtol`; 2: `ftol`; 3: `xtol`;
    /// 4: `ftol` and `xtol`.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `status > 0`.
    pub success: bool,
}

/// The residual function with its Jacobian (SciPy's `VectorFunction` for `least_squares`):
/// checks the output shapes; finite differences stay inside the bounds.
pub(super) struct Residuals<'a> {
    fun: &'a mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    jac: LsqJac<'a>,
    pub lb: Array1<f64>,
    pub ub: Array1<f64>,
    rel_step: Option<Vec<f64>>,
    m: usize,
    /// `jac_sparsity` with its column groups.
    sparsity: Option<numdiff::SparsePattern>,
}

impl Residuals<'_> {
    pub fn fun(&mut self, x: &Array1<f64>) -> Result<Array1<f64>> {
        let f = (self.fun)(x);
        if f.len() != self.m {
            return Err(OptimizeError::WrongLength { arg: "fun(x)", expected: self.m, found: f.len() });
        }
        Ok(f)
    }

    /// The Jacobian at `x`, where the residuals are `f`.
    pub fn jac(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<Jac> {
        let (m, n) = (self.m, x.len());
        let j = match self.jac {
            LsqJac::Fn(j) => Jac::Dense(j(x)),
            LsqJac::SparseFn(j) => Jac::Sparse(CsrMatrix::from_sparse(&j(x))),
            LsqJac::ComplexStep(fc) => {
                let bad = std::cell::Cell::new(None);
                let checked = |z: &Array1<Complex64>| {
                    let f = fc(z);
                    if f.len() != m {
                        bad.set(Some(f.len()));
                    }
                    f
                };
                let (j, _) = numdiff::jacobian_cs(&checked, x, m, self.rel_step.as_deref());
                if let Some(found) = bad.get() {
                    return Err(OptimizeError::WrongLength { arg: "fun(x)", expected: m, found });
                }
                Jac::Dense(j)
            }
            LsqJac::FiniteDiff(method) => {
                let fun = &mut *self.fun;
                let mut bad = None;
                let mut wrapped = |x: &Array1<f64>| {
                    let f = fun(x);
                    if f.len() == m {
                        f
                    } else {
                        bad.get_or_insert(f.len());
                        Array1::from_elem(m, f64::NAN)
                    }
                };
                let bounds = Some((&self.lb, &self.ub));
                let rel_step = self.rel_step.as_deref();
                let j = match &self.sparsity {
                    Some(pattern) => Jac::Sparse(
                        numdiff::sparse_jacobian(&mut wrapped, x, f, method, bounds, rel_step, pattern).0,
                    ),
                    None => Jac::Dense(
                        numdiff::jacobian_rel_step(&mut wrapped, x, f, method, bounds, None, rel_step).0,
                    ),
                };
                if let Some(found) = bad {
                    return Err(OptimizeError::WrongLength { arg: "fun(x)", expected: m, found });
                }
                j
            }
        };
        if j.shape() != (m, n) {
            return Err(invalid(
                "jac",
                format!("the return value has wrong shape: expected ({m}, {n}), actual {:?}", j.shape()),
            ));
        }
        Ok(j)
    }
}

const EPS: f64 = f64::EPSILON;

fn message(status: i32) -> &'static str {
    match status {
        -2 => LSQ_CALLBACK_STOP,
        0 => "The maximum number of function evaluations is exceeded.",
        1 => "`gtol` termination condition is satisfied.",
        2 => "`ftol` termination condition is satisfied.",
        3 => "`xtol` termination condition is satisfied.",
        _ => "Both `ftol` and `xtol` termination conditions are satisfied.",
    }
}

/// Solves the nonlinear least-squares problem `min 0.5 sum rho(f_i(x)^2)` subject to
/// `lb <= x <= ub`.
///
/// `fun(x)` returns the `m` residuals. With [`LsqMethod::Trf`] (default) SciPy's Trust Region
/// Reflective algorithm runs with the exact (SVD) trust-region solver, handling bounds and the
/// robust [`Loss`]es; [`LsqMethod::Dogbox`] runs SciPy's dogleg in rectangular trust regions
/// (bounds and losses too; the Gauss-Newton step by an SVD least-squares solve where SciPy calls
/// `numpy.linalg.lstsq`); [`LsqMethod::Lm`] runs MINPACK's Levenberg-Marquardt. The iterates,
/// `nfev` and `njev` follow SciPy's.
///
/// With [`LeastSquaresOptions::jac_sparsity`] the finite-difference Jacobian is estimated on
/// that pattern, perturbing the columns of one group of SciPy's `group_columns` at a time (the
/// same groups, so the same number of evaluations), and kept sparse; the trust-region
/// subproblem is then solved by LSMR in a 2-d subspace ([`TrSolver::Lsmr`], also available for
/// dense Jacobians).
///
/// An analytic sparse Jacobian ([`LsqJac::SparseFn`]) takes the same LSMR path.
///
/// [`LeastSquaresOptions::callback`] is called after each `'trf'` / `'dogbox'` iteration and
/// can stop the run (status -2, see [`LsqCallback`]).
///
/// SciPy equivalent: `scipy.optimize.least_squares` (`jac='cs'` and a callable `jac`
/// returning a `LinearOperator` are missing).
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`] for bounds that are not strictly ordered, an `x0` outside
/// them, invalid `x_scale`, `f_scale`, `max_nfev` or tolerances (all below machine epsilon, or
/// any for `'lm'`), a Jacobian of the wrong shape, and a callable loss not returning `(3, m)`;
/// [`OptimizeError::UnsupportedOption`] for `'lm'` with bounds, a robust or callable loss, a
/// callback, or fewer residuals than variables;
/// [`OptimizeError::WrongLength`] for mismatched lengths; [`OptimizeError::NonFiniteInitial`]
/// when the residuals at `x0` are not finite; [`OptimizeError::InvalidValue`] for a
/// `jac_sparsity` of another shape than `(m, n)` or with `tr_solver='exact'`, and
/// [`OptimizeError::UnsupportedOption`] for `jac_sparsity` or a sparse `jac` with `'lm'`,
/// [`OptimizeError::InvalidValue`] for a sparse `jac` with `tr_solver='exact'`.
///
/// # Examples
///
/// SciPy's docstring example: the Rosenbrock function as residuals, with `x[1] <= 1.5`.
///
/// ```
/// use sci_optimize::{least_squares, Bounds, LeastSquaresOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let rosen = |x: &Array1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let r = least_squares(rosen, &array![2.0, 2.0], &LeastSquaresOptions::default())?;
/// assert!((r.x[0] - 1.0).abs() < 1e-8 && (r.x[1] - 1.0).abs() < 1e-8);
/// let opts = LeastSquaresOptions {
///     bounds: Some(Bounds::new(array![f64::NEG_INFINITY, 1.5], array![f64::INFINITY, f64::INFINITY])),
///     ..Default::default()
/// };
/// let r = least_squares(rosen, &array![2.0, 2.0], &opts)?;
/// // SciPy: x = [1.22437075, 1.5], cost = 0.025213093946805685, active_mask = [0, -1]
/// assert!((r.x[0] - 1.22437075).abs() < 1e-8 && (r.x[1] - 1.5).abs() < 1e-12);
/// assert!((r.cost - 0.025213093946805685).abs() < 1e-12);
/// assert_eq!(r.active_mask, array![0, -1]);
///
/// // The same with method='dogbox': SciPy's counts.
/// use sci_optimize::LsqMethod;
/// let r = least_squares(rosen, &array![2.0, 2.0], &LeastSquaresOptions { method: LsqMethod::Dogbox, ..opts })?;
/// assert!((r.x[0] - 1.22437075).abs() < 1e-8 && r.x[1] == 1.5);
/// assert_eq!((r.nfev, r.njev, r.status), (6, Some(6), 1));
/// assert_eq!(r.active_mask, array![0, -1]);
///
/// // SciPy's sparse example: Broyden's tridiagonal system with n = 1000 and its pattern;
/// // three column groups, so a Jacobian costs 3 evaluations instead of 1000.
/// use sci_optimize::{LsqJacobian, SparseMatrix};
/// use sci_optimize::sci_array::ndarray::Array2;
/// let n = 1000;
/// let broyden = |x: &Array1<f64>| {
///     let mut f = x.mapv(|v| (3.0 - v) * v + 1.0);
///     for i in 1..n { f[i] -= x[i - 1]; }
///     for i in 0..n - 1 { f[i] -= 2.0 * x[i + 1]; }
///     f
/// };
/// let pattern = Array2::from_shape_fn((n, n), |(i, j)| if i.abs_diff(j) <= 1 { 1.0 } else { 0.0 });
/// let opts = LeastSquaresOptions { jac_sparsity: Some(SparseMatrix::from_dense(&pattern.view())), ..Default::default() };
/// let r = least_squares(broyden, &Array1::from_elem(n, -1.0), &opts)?;
/// // SciPy: nfev = 5, njev = 5, status = 1, cost = 4.7e-23
/// assert_eq!((r.nfev, r.njev, r.status), (5, Some(5), 1));
/// assert!(r.cost < 1e-20);
/// assert!(matches!(r.jac, LsqJacobian::Sparse(ref j) if j.nnz() == 3 * n - 2));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn least_squares<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &LeastSquaresOptions<'_>,
) -> Result<LeastSquaresResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    let o = options;
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if o.max_nfev == Some(0) {
        return Err(invalid("max_nfev", "must be None or positive integer"));
    }
    let is_lm = o.method == LsqMethod::Lm;
    if is_lm && o.callback.is_some() {
        // SciPy warns ("Callback function specified, but not supported with `lm` method.")
        // and never calls it.
        return Err(OptimizeError::UnsupportedOption { method: "lm", option: "callback" });
    }
    if is_lm && o.loss != Loss::Linear {
        return Err(OptimizeError::UnsupportedOption { method: "lm", option: "loss" });
    }
    if !o.f_scale.is_finite() || o.f_scale <= 0.0 {
        return Err(invalid("f_scale", format!("must be positive, got {}", o.f_scale)));
    }
    let mut x0 = x0.to_owned();
    if x0.iter().any(|v| !v.is_finite()) {
        return Err(invalid("x0", "must be finite"));
    }
    let (lb, ub) = match &o.bounds {
        Some(b) => {
            let b = b.broadcast_scalar(n)?;
            if let Some(i) = (0..n).find(|&i| b.lb[i] >= b.ub[i]) {
                return Err(invalid(
                    "bounds",
                    format!(
                        "each lower bound must be strictly less than each upper bound (index {i}: {} >= {})",
                        b.lb[i], b.ub[i]
                    ),
                ));
            }
            (b.lb.clone(), b.ub.clone())
        }
        None => (Array1::from_elem(n, f64::NEG_INFINITY), Array1::from_elem(n, f64::INFINITY)),
    };
    let bounded = lb.iter().any(|v| *v != f64::NEG_INFINITY) || ub.iter().any(|v| *v != f64::INFINITY);
    if is_lm && bounded {
        return Err(OptimizeError::UnsupportedOption { method: "lm", option: "bounds" });
    }
    if !in_bounds(&x0, &lb, &ub) {
        return Err(invalid("x0", "initial guess is outside of provided bounds"));
    }
    let x_scale = match &o.x_scale {
        None if is_lm => None,
        None => Some(Array1::ones(n)),
        Some(XScale::Jac) => None,
        Some(XScale::Scalar(s)) => Some(Array1::from_elem(n, *s)),
        Some(XScale::Array(a)) => {
            if a.len() != n {
                return Err(OptimizeError::WrongLength { arg: "x_scale", expected: n, found: a.len() });
            }
            Some(a.clone())
        }
    };
    if let Some(s) = &x_scale
        && s.iter().any(|v| !v.is_finite() || *v <= 0.0)
    {
        return Err(invalid("x_scale", "must be 'jac' or array_like with positive numbers"));
    }
    let [ftol, xtol, gtol] = [o.ftol, o.xtol, o.gtol].map(|t| t.unwrap_or(0.0));
    for (name, t) in [("ftol", ftol), ("xtol", xtol), ("gtol", gtol)] {
        if t.is_nan() {
            return Err(invalid(name, "must not be NaN"));
        }
    }
    if is_lm && (ftol < EPS || xtol < EPS || gtol < EPS) {
        return Err(invalid(
            "ftol",
            format!("all tolerances must be higher than machine epsilon ({EPS:.2e}) for method 'lm'"),
        ));
    } else if ftol < EPS && xtol < EPS && gtol < EPS {
        return Err(invalid(
            "ftol",
            format!("at least one of the tolerances must be higher than machine epsilon ({EPS:.2e})"),
        ));
    }
    let rel_step = match &o.diff_step {
        Some(d) if d.len() != 1 && d.len() != n => {
            return Err(OptimizeError::WrongLength { arg: "diff_step", expected: n, found: d.len() });
        }
        Some(d) => Some(d.to_vec()),
        None => None,
    };
    if o.method == LsqMethod::Trf {
        x0 = make_strictly_feasible(&x0, &lb, &ub, 1e-10);
    }
    let f0 = fun(&x0);
    let m = f0.len();
    if let Some(v) = f0.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "residuals", value: *v });
    }
    if m == 0 {
        return Err(OptimizeError::WrongLength { arg: "fun(x0)", expected: 1, found: 0 });
    }
    if is_lm && m < n {
        return Err(OptimizeError::UnsupportedOption {
            method: "lm",
            option: "fewer residuals than variables",
        });
    }
    let sparsity = match (&o.jac_sparsity, o.jac) {
        (Some(s), LsqJac::FiniteDiff(_)) => {
            if is_lm {
                return Err(OptimizeError::UnsupportedOption { method: "lm", option: "jac_sparsity" });
            }
            if s.shape() != (m, n) {
                return Err(invalid(
                    "jac_sparsity",
                    format!("has wrong shape: expected ({m}, {n}), got {:?}", s.shape()),
                ));
            }
            if o.tr_solver == Some(TrSolver::Exact) {
                return Err(invalid("tr_solver", "tr_solver='exact' is incompatible with `jac_sparsity`"));
            }
            Some(numdiff::SparsePattern::new(&CsrMatrix::from_sparse(s)))
        }
        (Some(_), LsqJac::ComplexStep(_)) => {
            return Err(OptimizeError::UnsupportedOption { method: "jac='cs'", option: "jac_sparsity" });
        }
        _ => None,
    };
    let sparse = sparsity.is_some() || matches!(o.jac, LsqJac::SparseFn(_));
    if matches!(o.jac, LsqJac::SparseFn(_)) {
        if is_lm {
            return Err(OptimizeError::UnsupportedOption { method: "lm", option: "sparse jac" });
        }
        if o.tr_solver == Some(TrSolver::Exact) {
            return Err(invalid("tr_solver", "tr_solver='exact' works only with dense Jacobian matrices"));
        }
    }
    let tr = match o.tr_solver.unwrap_or(if sparse { TrSolver::Lsmr } else { TrSolver::Exact }) {
        TrSolver::Exact => TrKind::Exact,
        TrSolver::Lsmr => {
            let t = &o.tr_options;
            let params =
                LsmrParams { damp: t.damp, atol: t.atol, btol: t.btol, conlim: t.conlim, maxiter: t.maxiter };
            TrKind::Lsmr { params, regularize: t.regularize }
        }
    };
    let mut res = Residuals { fun: &mut fun, jac: o.jac, lb, ub, rel_step, m, sparsity };
    let out = if is_lm {
        run_lm(&mut res, x0, &f0, ftol, xtol, gtol, o.max_nfev.unwrap_or(100 * n), x_scale)?
    } else {
        let j0 = res.jac(&x0, &f0)?;
        let p = TrfParams {
            ftol,
            xtol,
            gtol,
            max_nfev: o.max_nfev.unwrap_or(100 * n),
            x_scale,
            loss: o.loss,
            f_scale: o.f_scale,
            tr,
            callback: o.callback,
        };
        if o.method == LsqMethod::Dogbox {
            dogbox(&mut res, x0, f0, j0, &p)?
        } else {
            trf(&mut res, x0, f0, j0, &p)?
        }
    };
    let mut out = out;
    out.message = message(out.status).to_string();
    out.success = out.status > 0;
    Ok(out)
}

/// SciPy's `call_minpack`: MINPACK `lmder` with the Jacobian of `res` (finite differences by
/// SciPy's rule, which MINPACK does not count in `nfev`).
#[allow(clippy::too_many_arguments)]
fn run_lm(
    res: &mut Residuals<'_>,
    x0: Array1<f64>,
    f0: &Array1<f64>,
    ftol: f64,
    xtol: f64,
    gtol: f64,
    max_nfev: usize,
    x_scale: Option<Array1<f64>>,
) -> Result<LeastSquaresResult> {
    let analytic = !matches!(res.jac, LsqJac::FiniteDiff(_) | LsqJac::ComplexStep(_));
    // The residuals at the last point, for finite differences there (SciPy's VectorFunction
    // remembers them too), and the first error met inside MINPACK's loop.
    let last = RefCell::new((x0.clone(), f0.clone()));
    let err: RefCell<Option<OptimizeError>> = RefCell::new(None);
    let cell = RefCell::new(res);
    let m = f0.len();
    let n = x0.len();
    let mut f = |x: &Array1<f64>| match cell.borrow_mut().fun(x) {
        Ok(f) => {
            *last.borrow_mut() = (x.clone(), f.clone());
            f
        }
        Err(e) => {
            err.borrow_mut().get_or_insert(e);
            Array1::from_elem(m, f64::NAN)
        }
    };
    let j = |x: &Array1<f64>| {
        let (lx, lf) = last.borrow().clone();
        let fx = if lx == x { Ok(lf) } else { cell.borrow_mut().fun(x) };
        match fx.and_then(|fx| cell.borrow_mut().jac(x, &fx)) {
            Ok(j) => j.into_dense(),
            Err(e) => {
                err.borrow_mut().get_or_insert(e);
                Array2::from_elem((m, n), f64::NAN)
            }
        }
    };
    let p = LmParams {
        ftol,
        xtol,
        gtol,
        maxfev: max_nfev,
        epsfcn: 0.0,
        factor: 100.0,
        diag: x_scale.map(|s| s.iter().map(|v| 1.0 / v).collect()),
    };
    let out = lm(&mut f, Some(&j), x0, &p);
    let jac = j(&out.x);
    if let Some(e) = err.borrow_mut().take() {
        return Err(e);
    }
    let cost = 0.5 * out.fvec.dot(&out.fvec);
    let jac = Jac::Dense(jac);
    let g = grad(&jac, &out.fvec);
    let optimality = g.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    // SciPy's FROM_MINPACK_TO_COMMON; MINPACK's 6-8 (tolerances too small to improve) are
    // reported as the corresponding test being met.
    let status = match out.info {
        1 | 6 => 2,
        2 | 7 => 3,
        3 => 4,
        4 | 8 => 1,
        _ => 0,
    };
    Ok(LeastSquaresResult {
        message: String::new(),
        success: false,
        active_mask: Array1::zeros(out.x.len()),
        x: out.x,
        cost,
        fun: out.fvec,
        jac: jac.into_public(),
        grad: g,
        optimality,
        nfev: out.nfev,
        njev: analytic.then_some(out.njev),
        status,
    })
}
