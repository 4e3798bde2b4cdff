//! `solve_ivp`: initial value problems for systems of ODEs with SciPy's explicit Runge-Kutta
//! methods and its implicit methods Radau and BDF, step-size control, `t_eval` and dense output.

mod bdf;
mod dop853;
pub(crate) mod implicit;
mod radau;
mod rk;
mod tableau;

use crate::error::{IntegrateError, Result};
use bdf::BdfSolver;
use implicit::{Jac, JacFn, JacKind, matrix_to_vec};
use ndarray::{Array1, Array2};
use radau::RadauSolver;
use rk::{Interpolant, Pair, Rhs, StepOutcome, Stepper};

/// The integration method of [`solve_ivp`] (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum IvpMethod {
    /// Explicit Runge-Kutta of order 5(4), Dormand-Prince (SciPy's default `'RK45'`).
    #[default]
    Rk45,
    /// Explicit Runge-Kutta of order 3(2), Bogacki-Shampine (`'RK23'`).
    Rk23,
    /// Explicit Runge-Kutta of order 8, Hairer's DOP853 (`'DOP853'`), for tight tolerances.
    Dop853,
    /// Implicit Runge-Kutta Radau IIA of order 5 (`'Radau'`), for stiff problems.
    Radau,
    /// Variable-order (1 to 5) backward differentiation formulas in NDF form (`'BDF'`), for
    /// stiff problems.
    Bdf,
}

/// Absolute tolerance: one value for all components or one per component (SciPy's `atol`).
#[derive(Debug, Clone, PartialEq)]
pub enum Atol {
    /// The same tolerance for every component.
    Scalar(f64),
    /// One tolerance per component.
    PerComponent(Vec<f64>),
}

impl From<f64> for Atol {
    fn from(v: f64) -> Self {
        Atol::Scalar(v)
    }
}

/// Options of [`solve_ivp`], with SciPy's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveIvpOptions {
    /// The method (default RK45).
    pub method: IvpMethod,
    /// Times at which to store the solution, sorted in the direction of integration and
    /// within `t_span`; `None` stores the solver's own steps.
    pub t_eval: Option<Vec<f64>>,
    /// Whether to return the continuous solution ([`OdeResult::sol`]).
    pub dense_output: bool,
    /// Initial step size; `None` lets the solver choose.
    pub first_step: Option<f64>,
    /// Largest allowed step size (default infinity).
    pub max_step: f64,
    /// Relative tolerance (default 1e-3; values below 100 eps are raised to 100 eps; Radau and
    /// BDF reject a negative one, where SciPy fails).
    pub rtol: f64,
    /// Absolute tolerance (default 1e-6).
    pub atol: Atol,
    /// A constant Jacobian `d fun_i / d y_j`, shape `(n, n)`, for Radau and BDF (SciPy's `jac`
    /// given as an array). `None` (the default) estimates it by finite differences; a Jacobian
    /// that depends on `t` and `y` is passed to [`solve_ivp_jac`]. The explicit methods ignore it.
    pub jac: Option<Array2<f64>>,
}

impl Default for SolveIvpOptions {
    fn default() -> Self {
        Self {
            method: IvpMethod::Rk45,
            t_eval: None,
            dense_output: false,
            first_step: None,
            max_step: f64::INFINITY,
            rtol: 1e-3,
            atol: Atol::Scalar(1e-6),
            jac: None,
        }
    }
}

/// The continuous solution: one interpolating polynomial per step (SciPy's `OdeSolution`).
#[derive(Debug, Clone)]
pub struct OdeSolution {
    ts: Vec<f64>,
    pieces: Vec<Interpolant>,
    ascending: bool,
}

impl OdeSolution {
    /// The step boundaries, in the order of integration.
    pub fn ts(&self) -> &[f64] {
        &self.ts
    }

    /// The solution at `t`; outside `[t_min, t_max]` the nearest step's polynomial is
    /// extrapolated, as SciPy does.
    pub fn eval(&self, t: f64) -> Array1<f64> {
        let n = self.pieces.len();
        // SciPy searches the ascending boundaries with side='left' and takes the segment before.
        let idx = if self.ascending {
            let ind = self.ts.partition_point(|&b| b < t);
            ind.saturating_sub(1).min(n - 1)
        } else {
            let asc: Vec<f64> = self.ts.iter().rev().copied().collect();
            let ind = asc.partition_point(|&b| b < t);
            let seg = ind.saturating_sub(1).min(n - 1);
            n - 1 - seg
        };
        Array1::from(self.pieces[idx].eval(t))
    }
}

/// The result of [`solve_ivp`] (SciPy's `OdeResult` fields).
#[derive(Debug, Clone)]
pub struct OdeResult {
    /// Times of the stored solution.
    pub t: Array1<f64>,
    /// The solution, one row per component and one column per time (shape `(n, t.len())`).
    pub y: Array2<f64>,
    /// The continuous solution when `dense_output` was asked for.
    pub sol: Option<OdeSolution>,
    /// Number of evaluations of the right-hand side.
    pub nfev: usize,
    /// Number of Jacobian evaluations (always 0 for the explicit methods). Finite-difference
    /// Jacobians count one per Jacobian; their evaluations of `fun` are not in `nfev`, as in SciPy.
    pub njev: usize,
    /// Number of LU decompositions (always 0 for the explicit methods; Radau factors a real and
    /// a complex matrix each time, counted as 2).
    pub nlu: usize,
    /// 0: reached the end of `t_span`; -1: the step size became too small.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `status >= 0`.
    pub success: bool,
}

/// Solves the initial value problem `dy/dt = fun(t, y)`, `y(t_span.0) = y0`, over `t_span`.
///
/// `fun(t, y)` returns the derivative as a vector of the length of `y`. The explicit
/// Runge-Kutta methods take the same steps as SciPy's (initial step by Hairer's rule, error
/// control in the RMS norm with `atol + rtol |y|`, safety factor 0.9, step changes within
/// [0.2, 10]), so for the same tolerances the stored values agree with SciPy's to round-off.
/// Integration backwards (`t_span.1 < t_span.0`) is supported.
///
/// # Errors
///
/// [`IntegrateError::NotFinite`] for a non-finite `t_span` or `y0`, [`IntegrateError::InvalidValue`]
/// for a negative `atol`, `max_step <= 0`, a `first_step` out of range, a misplaced `t_eval` or
/// (Radau, BDF) `rtol < 0`, [`IntegrateError::NotFinite`] naming `jac` for a Jacobian with
/// NaN or infinite entries, [`IntegrateError::ShapeMismatch`] for a Jacobian that is not
/// `(n, n)`, [`IntegrateError::WrongOutputLength`] when `fun` returns a vector of another length.
///
/// # Examples
///
/// Exponential decay y' = -0.5 y, as in SciPy's docstring:
///
/// ```
/// use sci_integrate::{solve_ivp, SolveIvpOptions};
/// let r = solve_ivp(|_t, y| vec![-0.5 * y[0]], (0.0, 10.0), &[2.0], &SolveIvpOptions::default())?;
/// assert!(r.success);
/// let t: Vec<f64> = r.t.to_vec();
/// // SciPy: t = [0, 0.11488132, 1.26369452, ...], 8 points, y(10) = 0.01350782.
/// assert_eq!(t.len(), 8);
/// assert!((t[1] - 0.11488132).abs() < 1e-8);
/// assert!((r.y[[0, 7]] - 0.01350782).abs() < 1e-8);
/// assert_eq!(r.nfev, 44);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// The implicit methods [`IvpMethod::Radau`] and [`IvpMethod::Bdf`] replicate SciPy's
/// `Radau` and `BDF` classes (Newton iterations, Jacobian and LU reuse, step and order control)
/// and need the Jacobian of `fun`: by default it is estimated by SciPy's adaptive finite
/// differences; a constant one goes in [`SolveIvpOptions::jac`], one depending on `t` and `y`
/// is passed to [`solve_ivp_jac`].
///
/// SciPy equivalent: `scipy.integrate.solve_ivp` (methods RK45, RK23, DOP853, Radau, BDF; no
/// `events`, `vectorized`, `args`, sparse Jacobians or LSODA).
pub fn solve_ivp<F>(mut fun: F, t_span: (f64, f64), y0: &[f64], opts: &SolveIvpOptions) -> Result<OdeResult>
where
    F: FnMut(f64, &[f64]) -> Vec<f64>,
{
    solve(&mut fun, None, t_span, y0, opts)
}

/// [`solve_ivp`] with a Jacobian `jac(t, y)` of the right-hand side, an `(n, n)` matrix with
/// entries `d fun_i / d y_j`, for the implicit methods Radau and BDF (SciPy's `jac` given as a
/// callable). It is evaluated when SciPy's solvers evaluate it, counted in `njev`.
///
/// With an explicit method (RK45, RK23, DOP853) `jac` is never called.
///
/// # Errors
///
/// Those of [`solve_ivp`], and [`IntegrateError::ShapeMismatch`] naming `jac` when it returns
/// a matrix that is not `(n, n)`.
///
/// # Examples
///
/// A stiff linear system y' = A y with eigenvalues -1 and -1000, solved with Radau and its
/// exact Jacobian (SciPy gives the same values and counts):
///
/// ```
/// use sci_integrate::{solve_ivp_jac, IvpMethod, SolveIvpOptions};
/// use sci_integrate::sci_array::ndarray::array;
/// let a = array![[-500.5, 499.5], [499.5, -500.5]];
/// let fun = |_t: f64, y: &[f64]| vec![a[[0, 0]] * y[0] + a[[0, 1]] * y[1], a[[1, 0]] * y[0] + a[[1, 1]] * y[1]];
/// let opts = SolveIvpOptions { method: IvpMethod::Radau, rtol: 1e-6, atol: 1e-9.into(), ..Default::default() };
/// let r = solve_ivp_jac(fun, |_t, _y| a.clone(), (0.0, 1.0), &[2.0, 0.0], &opts)?;
/// assert!(r.success);
/// let last = r.t.len() - 1;
/// // Exact: y = e^{-t} (1, 1) + e^{-1000 t} (1, -1).
/// assert!((r.y[[0, last]] - (-1.0f64).exp()).abs() < 1e-6);
/// assert!((r.y[[1, last]] - (-1.0f64).exp()).abs() < 1e-6);
/// // SciPy: 62 points, nfev 435, njev 2, nlu 52.
/// assert_eq!((r.t.len(), r.nfev, r.njev, r.nlu), (62, 435, 2, 52));
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.solve_ivp(..., jac=callable)`
pub fn solve_ivp_jac<F, J>(
    mut fun: F,
    mut jac: J,
    t_span: (f64, f64),
    y0: &[f64],
    opts: &SolveIvpOptions,
) -> Result<OdeResult>
where
    F: FnMut(f64, &[f64]) -> Vec<f64>,
    J: FnMut(f64, &[f64]) -> Array2<f64>,
{
    solve(&mut fun, Some(&mut jac), t_span, y0, opts)
}

/// The stepper of the chosen method.
enum Solver {
    Explicit(Box<Stepper>),
    Radau(Box<RadauSolver>),
    Bdf(Box<BdfSolver>),
}

impl Solver {
    fn t(&self) -> f64 {
        match self {
            Solver::Explicit(s) => s.t,
            Solver::Radau(s) => s.t,
            Solver::Bdf(s) => s.t,
        }
    }
    fn y(&self) -> &[f64] {
        match self {
            Solver::Explicit(s) => &s.y,
            Solver::Radau(s) => &s.y,
            Solver::Bdf(s) => &s.y,
        }
    }
    fn direction(&self) -> f64 {
        match self {
            Solver::Explicit(s) => s.direction(),
            Solver::Radau(s) => s.direction(),
            Solver::Bdf(s) => s.direction(),
        }
    }
    /// SciPy's `OdeSolver.step` for an empty state or interval: jump to the end.
    fn finish_at(&mut self, tf: f64) {
        let (t_old, t) = match self {
            Solver::Explicit(s) => (&mut s.t_old, &mut s.t),
            Solver::Radau(s) => (&mut s.t_old, &mut s.t),
            Solver::Bdf(s) => (&mut s.t_old, &mut s.t),
        };
        *t_old = *t;
        *t = tf;
    }
    fn step(&mut self, rhs: &mut Rhs<'_>, jac: &mut Jac<'_>) -> Result<StepOutcome> {
        match self {
            Solver::Explicit(s) => s.step(rhs),
            Solver::Radau(s) => s.step(rhs, jac),
            Solver::Bdf(s) => s.step(rhs, jac),
        }
    }
    fn dense_output(&mut self, rhs: &mut Rhs<'_>) -> Result<Interpolant> {
        match self {
            Solver::Explicit(s) => s.dense_output(rhs),
            Solver::Radau(s) => Ok(s.dense_output()),
            Solver::Bdf(s) => Ok(s.dense_output()),
        }
    }
    fn nlu(&self) -> usize {
        match self {
            Solver::Explicit(_) => 0,
            Solver::Radau(s) => s.nlu,
            Solver::Bdf(s) => s.nlu,
        }
    }
}

/// The driver of SciPy's `solve_ivp`: validation, the step loop, `t_eval` and dense output.
fn solve(
    fun: &mut dyn FnMut(f64, &[f64]) -> Vec<f64>,
    jac_fn: Option<JacFn<'_>>,
    t_span: (f64, f64),
    y0: &[f64],
    opts: &SolveIvpOptions,
) -> Result<OdeResult> {
    let (t0, tf) = t_span;
    for (arg, v) in [("t_span[0]", t0), ("t_span[1]", tf)] {
        if !v.is_finite() {
            return Err(IntegrateError::NotFinite { arg, value: v });
        }
    }
    if let Some(v) = y0.iter().find(|v| !v.is_finite()) {
        return Err(IntegrateError::NotFinite { arg: "y0", value: *v });
    }
    let n = y0.len();
    let atol = match &opts.atol {
        Atol::Scalar(a) => vec![*a; n],
        Atol::PerComponent(v) => {
            if v.len() != n {
                return Err(IntegrateError::InvalidValue {
                    arg: "atol",
                    expected: "a scalar or one value per component of y0",
                    found: format!("{} values for {n} components", v.len()),
                });
            }
            v.clone()
        }
    };
    if let Some(a) = atol.iter().find(|a| a.is_nan() || **a < 0.0) {
        return Err(IntegrateError::InvalidValue {
            arg: "atol",
            expected: "non-negative",
            found: a.to_string(),
        });
    }
    if opts.rtol.is_nan() {
        return Err(IntegrateError::NotFinite { arg: "rtol", value: opts.rtol });
    }
    let rtol = opts.rtol.max(100.0 * f64::EPSILON);
    if opts.max_step.is_nan() || opts.max_step <= 0.0 {
        return Err(IntegrateError::InvalidValue {
            arg: "max_step",
            expected: "positive",
            found: opts.max_step.to_string(),
        });
    }
    if let Some(h) = opts.first_step {
        if h.is_nan() || h <= 0.0 {
            return Err(IntegrateError::InvalidValue {
                arg: "first_step",
                expected: "positive",
                found: h.to_string(),
            });
        }
        if h > (tf - t0).abs() {
            return Err(IntegrateError::InvalidValue {
                arg: "first_step",
                expected: "at most the length of t_span",
                found: h.to_string(),
            });
        }
    }
    // t_eval: within t_span and sorted in the direction of integration.
    let mut t_eval = opts.t_eval.clone();
    if let Some(te) = &mut t_eval {
        let (lo, hi) = (t0.min(tf), t0.max(tf));
        if let Some(v) = te.iter().find(|v| !(**v >= lo && **v <= hi)) {
            return Err(IntegrateError::InvalidValue {
                arg: "t_eval",
                expected: "values within t_span",
                found: v.to_string(),
            });
        }
        let sorted = te.windows(2).all(|w| if tf > t0 { w[1] > w[0] } else { w[1] < w[0] });
        if !sorted {
            return Err(IntegrateError::InvalidValue {
                arg: "t_eval",
                expected: "values sorted in the direction of integration",
                found: format!("{te:?}"),
            });
        }
        if tf < t0 {
            te.reverse();
        }
    }

    let implicit = matches!(opts.method, IvpMethod::Radau | IvpMethod::Bdf);
    if implicit && opts.rtol < 0.0 {
        return Err(IntegrateError::InvalidValue {
            arg: "rtol",
            expected: "non-negative for the methods Radau and BDF",
            found: opts.rtol.to_string(),
        });
    }
    let mut rhs = Rhs { fun, nfev: 0 };
    // The Jacobian source; a given matrix (constant or the callable's first value) is checked
    // for its shape before the first step, as SciPy does.
    let mut j0 = None;
    let mut jac = Jac { kind: JacKind::FiniteDiff { factor: None }, njev: 0 };
    if implicit {
        if let Some(f) = jac_fn {
            jac.kind = JacKind::Callable(f);
        } else if let Some(m) = &opts.jac {
            j0 = Some(matrix_to_vec(m, n)?);
            jac.kind = JacKind::Constant;
        }
    }
    let mut solver = match opts.method {
        IvpMethod::Rk45 | IvpMethod::Rk23 | IvpMethod::Dop853 => {
            let pair = match opts.method {
                IvpMethod::Rk23 => Pair::Table(&tableau::RK23),
                IvpMethod::Dop853 => Pair::Dop853,
                _ => Pair::Table(&tableau::RK45),
            };
            Solver::Explicit(Box::new(Stepper::new(
                pair,
                &mut rhs,
                t0,
                y0.to_vec(),
                tf,
                opts.first_step,
                opts.max_step,
                rtol,
                atol,
            )?))
        }
        IvpMethod::Radau => Solver::Radau(Box::new(RadauSolver::new(
            &mut rhs,
            &mut jac,
            j0,
            t0,
            y0.to_vec(),
            tf,
            opts.first_step,
            opts.max_step,
            opts.rtol,
            rtol,
            atol,
        )?)),
        IvpMethod::Bdf => Solver::Bdf(Box::new(BdfSolver::new(
            &mut rhs,
            &mut jac,
            j0,
            t0,
            y0.to_vec(),
            tf,
            opts.first_step,
            opts.max_step,
            opts.rtol,
            rtol,
            atol,
        )?)),
    };
    let direction = solver.direction();

    let mut ts: Vec<f64> = Vec::new();
    let mut ys: Vec<Vec<f64>> = Vec::new();
    if t_eval.is_none() {
        ts.push(t0);
        ys.push(y0.to_vec());
    }
    let mut t_eval_i = match &t_eval {
        Some(te) if tf < t0 => te.len(),
        _ => 0,
    };
    let mut pieces = Vec::new();
    let mut bounds = vec![t0];
    let status = loop {
        // OdeSolver.step(): an empty state or an empty interval finishes at once.
        let corner = n == 0 || solver.t() == tf;
        if corner {
            solver.finish_at(tf);
        } else if let StepOutcome::TooSmall = solver.step(&mut rhs, &mut jac)? {
            break -1;
        }
        let t = solver.t();
        let finished = corner || direction * (t - tf) >= 0.0;
        let mut sol = None;
        if opts.dense_output {
            let p = if corner {
                Interpolant::Constant { y: solver.y().to_vec() }
            } else {
                solver.dense_output(&mut rhs)?
            };
            pieces.push(p.clone());
            bounds.push(t);
            sol = Some(p);
        }
        match &t_eval {
            None => {
                ts.push(t);
                ys.push(solver.y().to_vec());
            }
            Some(te) => {
                let (lo, hi, rev) = if direction > 0.0 {
                    let new = te.partition_point(|&v| v <= t);
                    let r = (t_eval_i, new, false);
                    t_eval_i = new;
                    r
                } else {
                    let new = te.partition_point(|&v| v < t);
                    let r = (new, t_eval_i, true);
                    t_eval_i = new;
                    r
                };
                if hi > lo {
                    let p = match sol {
                        Some(p) => p,
                        None if corner => Interpolant::Constant { y: solver.y().to_vec() },
                        None => solver.dense_output(&mut rhs)?,
                    };
                    let mut step_ts: Vec<f64> = te[lo..hi].to_vec();
                    if rev {
                        step_ts.reverse();
                    }
                    for tv in step_ts {
                        ts.push(tv);
                        ys.push(p.eval(tv));
                    }
                }
            }
        }
        if finished {
            break 0;
        }
    };
    let message = match status {
        0 => "The solver successfully reached the end of the integration interval.".to_string(),
        _ => "Required step size is less than spacing between numbers.".to_string(),
    };
    let m = ts.len();
    let mut y = Array2::zeros((n, m));
    for (j, col) in ys.iter().enumerate() {
        for i in 0..n {
            y[[i, j]] = col[i];
        }
    }
    let sol = if opts.dense_output && !pieces.is_empty() {
        Some(OdeSolution { ts: bounds, pieces, ascending: direction > 0.0 })
    } else {
        None
    };
    Ok(OdeResult {
        t: Array1::from(ts),
        y,
        sol,
        nfev: rhs.nfev,
        njev: jac.njev,
        nlu: solver.nlu(),
        status,
        message,
        success: status >= 0,
    })
}
