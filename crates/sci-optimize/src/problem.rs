//! The problem wrapper (counting evaluations), the solver trait and the loop that drives it,
//! in the shape of `argmin`: a solver has `init`, `next_iter` and `terminate`.

use crate::error::{OptimizeError, Result};
use crate::minimize::{CALLBACK_STOP, Callback, halt};
use crate::numdiff::{self, FiniteDiff};
use ndarray::{Array1, Array2};
use sci_array::num_complex::Complex64;
use std::fmt;

/// How the gradient of the objective is obtained (SciPy's `jac=` argument of `minimize`).
#[derive(Clone, Copy, Default)]
pub enum Jac<'a> {
    /// Finite differences (SciPy's `jac=None` or `'2-point'` / `'3-point'`).
    FiniteDiff(FiniteDiff),
    /// SciPy's default, `jac=None`: forward differences.
    #[default]
    Default,
    /// A function returning the gradient.
    Fn(&'a dyn Fn(&Array1<f64>) -> Array1<f64>),
    /// SciPy's `jac='cs'`: the complex-step derivative `Im f(x + i h e_j) / h` (one
    /// evaluation per variable, exact to rounding for analytic `f`), from the objective
    /// continued to complex arguments. Python passes the one function complex values; here it
    /// is given again for `Complex64` input (write the objective once, generic over the scalar
    /// type, and pass both instances).
    ///
    /// ```
    /// use sci_optimize::{minimize, Jac, Method, MinimizeOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// use sci_optimize::sci_array::num_complex::Complex64;
    /// let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + x[0].exp() * x[1].powi(2);
    /// let fc = |z: &Array1<Complex64>| (z[0] - 1.0).powi(2) + z[0].exp() * z[1].powi(2);
    /// let opts = MinimizeOptions { method: Method::Bfgs, jac: Jac::ComplexStep(&fc), ..Default::default() };
    /// let r = minimize(f, &array![3.0, 2.0], &opts)?;
    /// assert!((r.x[0] - 1.0).abs() < 1e-6 && r.x[1].abs() < 1e-6);
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    ComplexStep(&'a dyn Fn(&Array1<Complex64>) -> Complex64),
}

impl fmt::Debug for Jac<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FiniteDiff(d) => write!(f, "FiniteDiff({d:?})"),
            Self::Default => f.write_str("Default"),
            Self::Fn(_) => f.write_str("Fn(..)"),
            Self::ComplexStep(_) => f.write_str("ComplexStep(..)"),
        }
    }
}

/// An objective function with its derivatives, counting evaluations like SciPy's
/// `ScalarFunction` (`nfev` includes finite-difference evaluations; the value at the last point
/// is remembered so asking for the gradient there does not evaluate `f` again).
pub struct Problem<'a> {
    fun: &'a mut dyn FnMut(&Array1<f64>) -> f64,
    jac: Jac<'a>,
    hess: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    bounds: Option<(Array1<f64>, Array1<f64>)>,
    abs_step: Option<f64>,
    last: Option<(Array1<f64>, f64)>,
    /// Number of objective evaluations.
    pub nfev: usize,
    /// Number of gradient evaluations (supplied or by finite differences, as SciPy's `ngev`).
    pub njev: usize,
    /// Number of Hessian evaluations.
    pub nhev: usize,
}

impl fmt::Debug for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("jac", &self.jac)
            .field("nfev", &self.nfev)
            .field("njev", &self.njev)
            .field("nhev", &self.nhev)
            .finish()
    }
}

impl<'a> Problem<'a> {
    /// Wraps an objective with its gradient rule and optional Hessian.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{Jac, Problem};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let mut f = |x: &Array1<f64>| x[0] * x[0];
    /// let mut p = Problem::new(&mut f, Jac::Default, None);
    /// let g = p.grad(&array![1.0]);
    /// assert!((g[0] - 2.0).abs() < 1e-7);
    /// assert_eq!((p.nfev, p.njev), (2, 1));
    /// ```
    pub fn new(
        fun: &'a mut dyn FnMut(&Array1<f64>) -> f64,
        jac: Jac<'a>,
        hess: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    ) -> Self {
        Problem { fun, jac, hess, bounds: None, abs_step: None, last: None, nfev: 0, njev: 0, nhev: 0 }
    }

    /// Keeps finite-difference steps inside `[lb, ub]`.
    pub(crate) fn with_bounds(mut self, lb: Array1<f64>, ub: Array1<f64>) -> Self {
        self.bounds = Some((lb, ub));
        self
    }

    /// With [`Jac::Default`], differences use the absolute step `h` (SciPy's `epsilon` of
    /// L-BFGS-B) instead of the relative rule.
    pub(crate) fn with_abs_step(mut self, h: f64) -> Self {
        self.abs_step = Some(h);
        self
    }

    /// Whether the gradient is supplied by the user.
    pub fn has_jac(&self) -> bool {
        matches!(self.jac, Jac::Fn(_))
    }

    /// Evaluates the objective (counted in `nfev`).
    pub fn fun(&mut self, x: &Array1<f64>) -> f64 {
        if let Some((lx, lf)) = &self.last {
            if lx == x {
                return *lf;
            }
        }
        let v = (self.fun)(x);
        self.nfev += 1;
        self.last = Some((x.clone(), v));
        v
    }

    /// Evaluates the objective without the cache (SciPy's methods that call `fun` directly).
    #[allow(dead_code)] // used by the direct-search methods
    pub(crate) fn fun_raw(&mut self, x: &Array1<f64>) -> f64 {
        self.nfev += 1;
        (self.fun)(x)
    }

    /// Evaluates the gradient (counted in `njev`; finite differences also count their function
    /// evaluations in `nfev`).
    pub fn grad(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.njev += 1;
        match self.jac {
            Jac::Fn(g) => g(x),
            Jac::ComplexStep(fc) => {
                // SciPy's ScalarFunction brings f up to date before any difference scheme.
                self.fun(x);
                let (g, n) = numdiff::gradient_cs(fc, x);
                self.nfev += n;
                g
            }
            Jac::Default | Jac::FiniteDiff(_) => {
                let method = if let Jac::FiniteDiff(m) = self.jac { m } else { FiniteDiff::TwoPoint };
                let f0 = self.fun(x);
                let bounds = self.bounds.as_ref().map(|(l, u)| (l, u));
                let abs_step = if matches!(self.jac, Jac::Default) { self.abs_step } else { None };
                let (g, n) = numdiff::gradient(&mut *self.fun, x, f0, method, bounds, abs_step);
                self.nfev += n;
                g
            }
        }
    }

    /// Evaluates the Hessian, when one was given (counted in `nhev`).
    pub fn hess(&mut self, x: &Array1<f64>) -> Option<Array2<f64>> {
        let h = self.hess?;
        self.nhev += 1;
        Some(h(x))
    }
}

/// Where an iterative minimizer stands: what [`Solver::next_iter`] updates.
#[derive(Debug, Clone)]
pub struct IterState {
    /// The current point.
    pub x: Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The gradient at `x`, for gradient methods.
    pub jac: Option<Array1<f64>>,
    /// The inverse Hessian approximation, for quasi-Newton methods.
    pub hess_inv: Option<Array2<f64>>,
    /// Iterations done.
    pub nit: usize,
    /// Iteration limit.
    pub maxiter: usize,
}

/// Why a solver stopped: SciPy's `status`, `success` and `message`.
#[derive(Debug, Clone, PartialEq)]
pub struct Termination {
    /// SciPy's status code of the method (0 is success).
    pub status: i32,
    /// Whether the optimizer exited successfully.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

impl Termination {
    /// A termination with `success = (status == 0)`.
    pub fn new(status: i32, message: impl Into<String>) -> Self {
        Termination { status, success: status == 0, message: message.into() }
    }
}

/// An iterative minimizer, in `argmin`'s shape.
pub trait Solver {
    /// Sets up the state at `state.x` (evaluates `f`, the gradient, ...).
    ///
    /// # Errors
    ///
    /// When the starting point cannot be used (non-finite objective, wrong length, ...).
    fn init(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()>;
    /// Does one iteration, updating `state`, including `state.nit` (SciPy does not count every
    /// pass, e.g. a failed line search).
    ///
    /// # Errors
    ///
    /// When the iteration cannot proceed because of the input.
    fn next_iter(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()>;
    /// `Some` when the solver should stop now.
    fn terminate(&mut self, problem: &Problem<'_>, state: &IterState) -> Option<Termination>;
    /// Whether the pass of [`Solver::next_iter`] that began with `nit_before` iterations ends
    /// where SciPy calls `callback` (by default: when it counted an iteration).
    fn calls_back(&self, nit_before: usize, state: &IterState) -> bool {
        state.nit > nit_before
    }
}

/// The result of a minimizer or root finder (SciPy's `OptimizeResult`).
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The objective at `x` (for `root`/`least_squares`: half the sum of squared residuals is
    /// in `fun` of `least_squares`; `root` leaves it as `NaN` and fills `fvec`).
    pub fun: f64,
    /// The gradient (minimizers) at `x`, where SciPy returns it.
    pub jac: Option<Array1<f64>>,
    /// The residual / function vector at `x` (`root`, `least_squares`).
    pub fvec: Option<Array1<f64>>,
    /// The Jacobian matrix at `x` (`root`, `least_squares`).
    pub jac_matrix: Option<Array2<f64>>,
    /// The inverse Hessian approximation (BFGS).
    pub hess_inv: Option<Array2<f64>>,
    /// Iterations done.
    pub nit: usize,
    /// Objective evaluations.
    pub nfev: usize,
    /// Gradient (Jacobian) evaluations.
    pub njev: usize,
    /// Hessian evaluations.
    pub nhev: usize,
    /// SciPy's status code of the method.
    pub status: i32,
    /// Whether the optimizer exited successfully.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// Runs `solver` from `x0` until it terminates.
///
/// # Errors
///
/// What the solver's `init` or `next_iter` return.
///
/// # Examples
///
/// See [`crate::minimize`], which drives its methods through this loop.
pub fn run<S: Solver>(
    solver: &mut S,
    problem: &mut Problem<'_>,
    x0: Array1<f64>,
    maxiter: usize,
) -> Result<OptimizeResult> {
    run_with_callback(solver, problem, x0, maxiter, None)
}

/// [`run`] calling `callback` after each pass that [`Solver::calls_back`]; a stop request
/// ends the run with status 99 and SciPy's message.
pub(crate) fn run_with_callback<S: Solver>(
    solver: &mut S,
    problem: &mut Problem<'_>,
    x0: Array1<f64>,
    maxiter: usize,
    callback: Option<Callback<'_>>,
) -> Result<OptimizeResult> {
    let mut state = IterState { x: x0, fun: f64::NAN, jac: None, hess_inv: None, nit: 0, maxiter };
    solver.init(problem, &mut state)?;
    let t = loop {
        if let Some(t) = solver.terminate(problem, &state) {
            break t;
        }
        let nit_before = state.nit;
        solver.next_iter(problem, &mut state)?;
        if solver.calls_back(nit_before, &state) && halt(callback, &state.x, state.fun) {
            break Termination::new(99, CALLBACK_STOP);
        }
    };
    Ok(OptimizeResult {
        x: state.x,
        fun: state.fun,
        jac: state.jac,
        fvec: None,
        jac_matrix: None,
        hess_inv: state.hess_inv,
        nit: state.nit,
        nfev: problem.nfev,
        njev: problem.njev,
        nhev: problem.nhev,
        status: t.status,
        success: t.success,
        message: t.message,
    })
}

/// Checks that `f(x0)` is finite.
#[allow(dead_code)] // used by the minimizers
pub(crate) fn check_finite_start(v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(OptimizeError::NonFiniteInitial { what: "objective function", value: v })
    }
}
