//! `linprog`: linear programming with a bounded dual simplex method.

mod dual;
mod ipm;
mod lu;
mod presolve;
mod row;
mod sparse;
mod splu;

pub(crate) use dual::{DualSimplex, Outcome, StdLp, VarState};
pub(crate) use sparse::Cs;
pub use sparse::{ConstraintMatrix, SparseFormat, SparseMatrix};

use presolve::{Full, Presolved, Problem};

use crate::error::{OptimizeError, Result, invalid};
use ndarray::{Array1, ArrayView1};

/// The algorithm of [`linprog`] (SciPy's `method`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogMethod, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let opts = LinprogOptions { method: LinprogMethod::HighsDs, bounds: LinprogBounds::All(1.0, 2.0), ..Default::default() };
/// assert_eq!(linprog(&array![1.0, -1.0].view(), &opts)?.x.unwrap(), array![1.0, 2.0]);
/// let ipm = LinprogOptions { method: LinprogMethod::HighsIpm, ..opts };
/// assert_eq!(linprog(&array![1.0, -1.0].view(), &ipm)?.x.unwrap(), array![1.0, 2.0]);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.linprog(..., method='highs-ds')` (or `'highs'`, `'highs-ipm'`)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum LinprogMethod {
    /// `'highs'` (the default): SciPy lets HiGHS choose between its dual simplex and its
    /// interior-point method, and HiGHS picks the simplex for LPs; here it is the dual simplex.
    #[default]
    Highs,
    /// `'highs-ds'`: the bounded dual simplex (dual steepest-edge pricing, bound-flipping
    /// ratio test with Harris tolerances, sparse LU factorization with Forrest-Tomlin updates,
    /// dense LU with product-form updates for dense `A`).
    HighsDs,
    /// `'highs-ipm'`: Mehrotra's predictor-corrector interior-point method (normal equations
    /// built from the nonzeros of `A`), then a crossover: the interior point picks the starting
    /// basis and the dual simplex finishes, so `x` is a vertex and the marginals are a basis's,
    /// as HiGHS's IPX with crossover gives. `nit` counts the interior-point iterations and
    /// `crossover_nit` the simplex pivots of the crossover (SciPy: "this does not include
    /// crossover iterations"); if the interior point fails, the dual simplex solves the problem
    /// from the slack basis and `nit` counts its iterations.
    HighsIpm,
}

/// Variable bounds of [`linprog`] (SciPy's `bounds`); `f64::NEG_INFINITY` / `f64::INFINITY`
/// stand for SciPy's `None` (no bound).
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let per = LinprogBounds::PerVariable(vec![(f64::NEG_INFINITY, 3.0), (-1.0, 1.0)]);
/// let res = linprog(&array![-1.0, 1.0].view(), &LinprogOptions { bounds: per, ..Default::default() })?;
/// assert_eq!((res.x.unwrap(), res.fun), (array![3.0, -1.0], Some(-4.0)));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.linprog(..., bounds=...)`
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LinprogBounds {
    /// `bounds=None`: every variable in `[0, inf)`.
    #[default]
    NonNegative,
    /// One `(min, max)` pair for all variables.
    All(f64, f64),
    /// One `(min, max)` pair per variable.
    PerVariable(Vec<(f64, f64)>),
}

/// The keyword arguments of [`linprog`]: constraints, bounds, method and options.
///
/// The constraints are `A_ub @ x <= b_ub` and `A_eq @ x == b_eq`; absent ones are `None`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let (a, b) = (array![[1.0, 1.0]], array![2.0]);
/// let opts = LinprogOptions { a_eq: Some(a.view().into()), b_eq: Some(b.view()), ..Default::default() };
/// let res = linprog(&array![1.0, 2.0].view(), &opts)?;
/// assert_eq!(res.x.unwrap(), array![2.0, 0.0]);
/// assert_eq!(res.eqlin.unwrap().marginals, array![1.0]);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.linprog(c, A_ub, b_ub, A_eq, b_eq, bounds, method, options=...)`
#[derive(Debug, Clone)]
pub struct LinprogOptions<'a> {
    /// `A_ub`, `(m_ub, n)`: dense or sparse ([`ConstraintMatrix`]).
    pub a_ub: Option<ConstraintMatrix<'a>>,
    /// `b_ub`, length `m_ub`.
    pub b_ub: Option<ArrayView1<'a, f64>>,
    /// `A_eq`, `(m_eq, n)`: dense or sparse ([`ConstraintMatrix`]).
    pub a_eq: Option<ConstraintMatrix<'a>>,
    /// `b_eq`, length `m_eq`.
    pub b_eq: Option<ArrayView1<'a, f64>>,
    /// `bounds` (default `(0, None)` for every variable).
    pub bounds: LinprogBounds,
    /// `method` (default `'highs'`).
    pub method: LinprogMethod,
    /// `options={'maxiter': ...}`: the simplex iteration limit (default: none).
    pub maxiter: Option<usize>,
    /// `options={'presolve': ...}` (default `true`): reduce the problem before the solver
    /// (fixed and empty columns, empty and singleton rows, forcing and redundant rows) and
    /// recover the solution and all marginals of the original problem afterwards. Presolve
    /// may find a problem infeasible or unbounded without iterating (`nit == 0`).
    pub presolve: bool,
}

impl Default for LinprogOptions<'_> {
    fn default() -> Self {
        LinprogOptions {
            a_ub: None,
            b_ub: None,
            a_eq: None,
            b_eq: None,
            bounds: LinprogBounds::default(),
            method: LinprogMethod::default(),
            maxiter: None,
            presolve: true,
        }
    }
}

/// Residuals and Lagrange multipliers of one group of constraints (SciPy's `res.ineqlin`,
/// `res.eqlin`, `res.lower`, `res.upper`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let (a, b) = (array![[1.0, 1.0]], array![-2.0]);
/// let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), bounds: LinprogBounds::All(-5.0, 5.0), ..Default::default() };
/// let res = linprog(&array![1.0, 1.0].view(), &opts)?;
/// // x0 + x1 <= -2 is binding only through the lower bounds: both at -5.
/// let lower = res.lower.unwrap();
/// assert_eq!((lower.residual, lower.marginals), (array![0.0, 0.0], array![1.0, 1.0]));
/// assert_eq!(res.ineqlin.unwrap().residual, array![8.0]);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `res.ineqlin / res.eqlin / res.lower / res.upper of scipy.optimize.linprog`
#[derive(Debug, Clone, PartialEq)]
pub struct LinprogSensitivity {
    /// `b_ub - A_ub @ x`, `b_eq - A_eq @ x`, `x - lb` or `ub - x`.
    pub residual: Array1<f64>,
    /// The partial derivatives of the optimal objective with respect to the right-hand sides
    /// (shadow prices): `<= 0` for `ineqlin`, `>= 0` for `lower`, `<= 0` for `upper`.
    pub marginals: Array1<f64>,
}

/// The result of [`linprog`] (SciPy's `OptimizeResult`); the solution fields are `None`
/// unless `status == 0`, as in SciPy.
///
/// # Examples
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogMethod, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let (a, b) = (array![[-1.0, -1.0]], array![-5.0]);
/// let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), bounds: LinprogBounds::All(0.0, 2.0), ..Default::default() };
/// let res = linprog(&array![1.0, 1.0].view(), &opts)?;
/// assert_eq!((res.status, res.success, res.x), (2, false, None));
/// assert_eq!(res.message, "The problem is infeasible.");
/// assert_eq!(res.crossover_nit, 0); // a simplex method
/// // The interior point with crossover on a problem with an optimum.
/// let (a, b) = (array![[1.0, 2.0]], array![4.0]);
/// let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), method: LinprogMethod::HighsIpm, ..Default::default() };
/// let res = linprog(&array![-1.0, -1.0].view(), &opts)?;
/// assert_eq!(res.x.unwrap(), array![4.0, 0.0]);
/// assert!(res.nit > 0); // interior-point iterations; res.crossover_nit counts the crossover's pivots
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `the OptimizeResult of scipy.optimize.linprog`
#[derive(Debug, Clone, PartialEq)]
pub struct LinprogResult {
    /// The solution.
    pub x: Option<Array1<f64>>,
    /// `c @ x`.
    pub fun: Option<f64>,
    /// `b_ub - A_ub @ x` (nominally non-negative).
    pub slack: Option<Array1<f64>>,
    /// `b_eq - A_eq @ x` (nominally zero).
    pub con: Option<Array1<f64>>,
    /// The inequality constraints' residuals and marginals.
    pub ineqlin: Option<LinprogSensitivity>,
    /// The equality constraints' residuals and marginals.
    pub eqlin: Option<LinprogSensitivity>,
    /// The lower bounds' residuals and marginals.
    pub lower: Option<LinprogSensitivity>,
    /// The upper bounds' residuals and marginals.
    pub upper: Option<LinprogSensitivity>,
    /// `status == 0`.
    pub success: bool,
    /// 0 optimal, 1 iteration limit, 2 infeasible, 3 unbounded, 4 numerical difficulties.
    pub status: i32,
    /// SciPy's message for the status.
    pub message: String,
    /// Iterations: simplex iterations (`highs`, `highs-ds`) or interior-point iterations
    /// (`highs-ipm`).
    pub nit: usize,
    /// The simplex pivots of `highs-ipm`'s crossover; 0 for the simplex methods, as in SciPy.
    pub crossover_nit: usize,
}

/// Status and SciPy's message.
pub(crate) fn status_message(out: Outcome) -> (i32, &'static str) {
    match out {
        Outcome::Optimal => (0, "Optimization terminated successfully."),
        Outcome::IterationLimit => (1, "Iteration limit reached."),
        Outcome::Infeasible => (2, "The problem is infeasible."),
        Outcome::Unbounded => (3, "The problem is unbounded."),
        Outcome::Numerical => (4, "Numerical difficulties encountered."),
    }
}

/// Checked, sparse form of a problem: rows of `A`, row activity bounds.
pub(crate) struct Checked {
    pub(crate) n: usize,
    pub(crate) rows: Cs,
    pub(crate) rl: Vec<f64>,
    pub(crate) ru: Vec<f64>,
}

fn check_finite(arg: &'static str, v: impl IntoIterator<Item = f64>) -> Result<()> {
    if v.into_iter().all(f64::is_finite) {
        Ok(())
    } else {
        Err(invalid(arg, format!("{arg} must not contain values inf, nan, or None")))
    }
}

/// Append the rows of `a` (with `rl <= a x <= ru`) after checking shapes and values.
#[allow(clippy::too_many_arguments)]
fn push_rows(
    out: &mut Checked,
    a: Option<ConstraintMatrix<'_>>,
    b: Option<ArrayView1<'_, f64>>,
    a_name: &'static str,
    b_name: &'static str,
    eq: bool,
) -> Result<()> {
    let n = out.n;
    let (a, b) = match (a, b) {
        (None, None) => return Ok(()),
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) if a.shape().0 == 0 => return Ok(()),
        (None, Some(b)) if b.is_empty() => return Ok(()),
        (Some(_), None) => return Err(OptimizeError::MissingArgument { method: "linprog", arg: b_name }),
        (None, Some(_)) => return Err(OptimizeError::MissingArgument { method: "linprog", arg: a_name }),
    };
    let (nrows, ncols) = a.shape();
    if ncols != n {
        return Err(OptimizeError::WrongLength { arg: a_name, expected: n, found: ncols });
    }
    if b.len() != nrows {
        return Err(OptimizeError::WrongLength { arg: b_name, expected: nrows, found: b.len() });
    }
    check_finite(b_name, b.iter().copied())?;
    out.rows.push_rows(a, a_name)?;
    for &v in b {
        out.rl.push(if eq { v } else { f64::NEG_INFINITY });
        out.ru.push(v);
    }
    Ok(())
}

/// Per-variable bounds from SciPy's forms.
pub(crate) fn expand_bounds(bounds: &LinprogBounds, n: usize) -> Result<(Vec<f64>, Vec<f64>)> {
    let (lb, ub): (Vec<f64>, Vec<f64>) = match bounds {
        LinprogBounds::NonNegative => (vec![0.0; n], vec![f64::INFINITY; n]),
        LinprogBounds::All(l, u) => (vec![*l; n], vec![*u; n]),
        LinprogBounds::PerVariable(p) => {
            if p.len() != n {
                return Err(OptimizeError::WrongLength { arg: "bounds", expected: n, found: p.len() });
            }
            p.iter().copied().unzip()
        }
    };
    if lb.iter().chain(&ub).any(|v| v.is_nan()) {
        return Err(invalid("bounds", "bounds must not contain nan"));
    }
    Ok((lb, ub))
}

/// Solve a linear program.
///
/// Minimize `c @ x` subject to `A_ub @ x <= b_ub`, `A_eq @ x == b_eq` and
/// `lb <= x <= ub`, with SciPy's defaults (`bounds=(0, None)`, `method='highs'`).
///
/// The default solver is a bounded dual simplex method in the style of HiGHS's (see
/// [`LinprogMethod::HighsDs`]); [`LinprogMethod::HighsIpm`] is an interior-point method with
/// crossover. Both return a vertex. Bounds with `lb > ub` make the problem infeasible (status 2), as in SciPy.
///
/// `A_ub` and `A_eq` may be dense or sparse ([`ConstraintMatrix`], [`SparseMatrix`]); the
/// solvers keep `A` sparse either way. There is no `callback`: SciPy's HiGHS methods refuse
/// one too.
///
/// Presolve (`presolve: true`, SciPy's default) removes fixed and empty columns, empty and
/// singleton rows, and rows that activity bounds show redundant or forcing, before the solver;
/// postsolve recovers `x`, `slack`, `con` and every marginal of the original problem. A problem
/// presolve finds infeasible (or unbounded along an empty column) returns status 2 (or 3)
/// without iterations. HiGHS's presolve has further reductions (doubleton equations, dominated
/// columns, ...), so `nit` can differ from SciPy's.
///
/// # Errors
///
/// [`OptimizeError::WrongLength`] when `A_ub`/`A_eq` do not have `len(c)` columns, `b_ub`/`b_eq`
/// do not match their rows, or `bounds` has the wrong number of pairs;
/// [`OptimizeError::InvalidValue`] for non-finite `c`, `A_ub`, `b_ub`, `A_eq`, `b_eq` or NaN
/// bounds, or an empty `c`; [`OptimizeError::MissingArgument`] for a matrix without its
/// right-hand side (or the reverse).
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let c = array![-1.0, 4.0];
/// let a = array![[-3.0, 1.0], [1.0, 2.0]];
/// let b = array![6.0, 4.0];
/// let opts = LinprogOptions {
///     a_ub: Some(a.view().into()),
///     b_ub: Some(b.view()),
///     bounds: LinprogBounds::PerVariable(vec![(f64::NEG_INFINITY, f64::INFINITY), (-3.0, f64::INFINITY)]),
///     ..Default::default()
/// };
/// let res = linprog(&c.view(), &opts)?;
/// assert_eq!(res.status, 0);
/// assert!((res.fun.unwrap() - -22.0).abs() < 1e-12);
/// let x = res.x.unwrap();
/// assert!((x[0] - 10.0).abs() < 1e-12 && (x[1] - -3.0).abs() < 1e-12);
/// // Shadow prices: relaxing the second constraint by 1 lowers the objective by 1.
/// let marg = res.ineqlin.unwrap().marginals;
/// assert!((marg[0] - 0.0).abs() < 1e-12 && (marg[1] - -1.0).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// Presolve: a singleton row becomes a bound on `x0`, the fixed `x1` leaves the problem, and
/// nothing is left for the simplex; the row's marginal is recovered all the same.
///
/// ```
/// use sci_optimize::{linprog, LinprogBounds, LinprogOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let (a, b) = (array![[-2.0, 0.0]], array![-3.0]); // x0 >= 1.5
/// let opts = LinprogOptions {
///     a_ub: Some(a.view().into()),
///     b_ub: Some(b.view()),
///     bounds: LinprogBounds::PerVariable(vec![(0.0, 4.0), (2.0, 2.0)]),
///     ..Default::default()
/// };
/// let res = linprog(&array![1.0, 1.0].view(), &opts)?;
/// assert_eq!((res.x.clone().unwrap(), res.fun, res.nit), (array![1.5, 2.0], Some(3.5), 0));
/// assert_eq!(res.ineqlin.unwrap().marginals, array![-0.5]);
/// // Without presolve the dual simplex iterates to the same solution.
/// let res0 = linprog(&array![1.0, 1.0].view(), &LinprogOptions { presolve: false, ..opts })?;
/// assert_eq!((res0.x, res0.fun), (res.x, res.fun));
/// assert!(res0.nit > 0);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
///
/// SciPy equivalent: `scipy.optimize.linprog`
pub fn linprog(c: &ArrayView1<'_, f64>, options: &LinprogOptions<'_>) -> Result<LinprogResult> {
    let n = c.len();
    if n == 0 {
        return Err(invalid("c", "c must be a 1-D array and must not be empty"));
    }
    check_finite("c", c.iter().copied())?;
    let mut chk = Checked { n, rows: Cs::new(), rl: Vec::new(), ru: Vec::new() };
    push_rows(&mut chk, options.a_ub, options.b_ub, "A_ub", "b_ub", false)?;
    let m_ub = chk.rl.len();
    push_rows(&mut chk, options.a_eq, options.b_eq, "A_eq", "b_eq", true)?;
    let (lb, ub) = expand_bounds(&options.bounds, n)?;
    let cv: Vec<f64> = c.to_vec();
    let max_iter = options.maxiter.unwrap_or(usize::MAX);
    let fail = |out: Outcome, nit: usize, crossover_nit: usize| {
        let (status, message) = status_message(out);
        LinprogResult {
            x: None,
            fun: None,
            slack: None,
            con: None,
            ineqlin: None,
            eqlin: None,
            lower: None,
            upper: None,
            success: false,
            status,
            message: message.to_string(),
            nit,
            crossover_nit,
        }
    };
    if lb.iter().zip(&ub).any(|(l, u)| l > u || *l == f64::INFINITY || *u == f64::NEG_INFINITY) {
        return Ok(fail(Outcome::Infeasible, 0, 0));
    }
    let m = chk.rl.len();
    let presolved = if options.presolve {
        let p = Problem { c: &cv, rows: &chk.rows, rl: &chk.rl, ru: &chk.ru, lb: &lb, ub: &ub };
        presolve::presolve(&p)
    } else {
        Presolved::Unchanged
    };
    let mut red = match presolved {
        Presolved::Infeasible => return Ok(fail(Outcome::Infeasible, 0, 0)),
        Presolved::Unchanged => {
            let lp = StdLp::new(m, n, chk.rows, cv, (lb.clone(), ub.clone()), &chk.rl, &chk.ru);
            return Ok(match solve_full(&lp, options.method, max_iter) {
                Ok((sol, nit, crossover_nit)) => {
                    assemble(&lp.rows, &chk.ru, m_ub, (lb, ub), c, sol, nit, crossover_nit)
                }
                Err((out, nit, crossover_nit)) => fail(out, nit, crossover_nit),
            });
        }
        Presolved::Reduced(red) => red,
    };
    let (nr, mr) = (red.cols.len(), red.rows.len());
    let full = {
        let p = Problem { c: &cv, rows: &chk.rows, rl: &chk.rl, ru: &chk.ru, lb: &lb, ub: &ub };
        if nr == 0 {
            if red.unbounded_ray {
                return Ok(fail(Outcome::Unbounded, 0, 0));
            }
            (red.postsolve(&p, &[], &vec![0.0; mr], &[], &[]), 0, 0)
        } else {
            let bounds = (std::mem::take(&mut red.lb), std::mem::take(&mut red.ub));
            let (a, rc) = (std::mem::take(&mut red.a), std::mem::take(&mut red.c));
            let lp = StdLp::new(mr, nr, a, rc, bounds, &red.rl, &red.ru);
            if red.unbounded_ray {
                // Unbounded along an empty column if the rest is feasible.
                let (out, nit) = feasibility(&lp, max_iter);
                let out = if out == Outcome::Optimal { Outcome::Unbounded } else { out };
                return Ok(fail(out, nit, 0));
            }
            match solve_full(&lp, options.method, max_iter) {
                Ok((f, nit, crossover_nit)) => {
                    (red.postsolve(&p, &f.x, &f.y, &f.d, &f.state), nit, crossover_nit)
                }
                Err((out, nit, crossover_nit)) => return Ok(fail(out, nit, crossover_nit)),
            }
        }
    };
    Ok(assemble(&chk.rows, &chk.ru, m_ub, (lb, ub), c, full.0, full.1, full.2))
}

/// Solve `lp` by `method` to its optimal primal and dual solution (its `x`, `y`, reduced costs
/// and column states) with SciPy's `nit` and `crossover_nit`; any other outcome is the error.
fn solve_full(
    lp: &StdLp,
    method: LinprogMethod,
    max_iter: usize,
) -> std::result::Result<(Full, usize, usize), (Outcome, usize, usize)> {
    let (out, mut sx, nit, crossover_nit) = solve_method(lp, method, max_iter);
    if out != Outcome::Optimal {
        return Err((out, nit, crossover_nit));
    }
    let n = lp.n;
    let y = sx.compute_dual();
    let sol = Full { x: sx.x[..n].to_vec(), y, d: sx.d[..n].to_vec(), state: sx.state[..n].to_vec() };
    Ok((sol, nit, crossover_nit))
}

/// Solve `lp` by `method`: the outcome, the final simplex, and SciPy's `nit` and
/// `crossover_nit`.
fn solve_method(
    lp: &StdLp,
    method: LinprogMethod,
    max_iter: usize,
) -> (Outcome, DualSimplex<'_>, usize, usize) {
    let (out, sx, ipm_nit) = match method {
        LinprogMethod::HighsIpm => {
            let (out, sx, ipm_nit) = ipm::solve_ipm(lp, max_iter);
            let (out, sx) = settle_unbounded(lp, out, sx, max_iter);
            (out, sx, ipm_nit)
        }
        _ => {
            let (out, sx) = solve_lp(lp, max_iter);
            (out, sx, 0)
        }
    };
    // The interior point's iterations and the crossover's pivots, or the simplex's iterations.
    let (nit, crossover_nit) = if ipm_nit > 0 { (ipm_nit, sx.nit) } else { (sx.nit, 0) };
    (out, sx, nit, crossover_nit)
}

/// The result for an optimal solution of the original problem (rows `rows`, upper sides `ru`,
/// the first `m_ub` of them inequalities).
#[allow(clippy::too_many_arguments)]
fn assemble(
    rows: &Cs,
    ru: &[f64],
    m_ub: usize,
    (lb, ub): (Vec<f64>, Vec<f64>),
    c: &ArrayView1<'_, f64>,
    sol: Full,
    nit: usize,
    crossover_nit: usize,
) -> LinprogResult {
    let n = lb.len();
    let m = ru.len();
    let resid: Array1<f64> = (0..m).map(|i| ru[i] - rows.dot(i, &sol.x)).collect();
    let x = Array1::from_vec(sol.x);
    let fun = c.iter().zip(&x).map(|(a, b)| a * b).sum::<f64>();
    let (mut lmarg, mut umarg) = (Array1::zeros(n), Array1::zeros(n));
    for j in 0..n {
        let d = sol.d[j];
        match sol.state[j] {
            VarState::Lower if lb[j] == ub[j] && d < 0.0 => umarg[j] = d,
            VarState::Lower => lmarg[j] = d,
            VarState::Upper => umarg[j] = d,
            _ => {}
        }
    }
    let yv = Array1::from_vec(sol.y);
    let slack = resid.slice(ndarray::s![..m_ub]).to_owned();
    let con = resid.slice(ndarray::s![m_ub..]).to_owned();
    LinprogResult {
        fun: Some(fun),
        ineqlin: Some(LinprogSensitivity {
            residual: slack.clone(),
            marginals: yv.slice(ndarray::s![..m_ub]).to_owned(),
        }),
        eqlin: Some(LinprogSensitivity {
            residual: con.clone(),
            marginals: yv.slice(ndarray::s![m_ub..]).to_owned(),
        }),
        lower: Some(LinprogSensitivity { residual: &x - &Array1::from_vec(lb), marginals: lmarg }),
        upper: Some(LinprogSensitivity { residual: &Array1::from_vec(ub) - &x, marginals: umarg }),
        slack: Some(slack),
        con: Some(con),
        x: Some(x),
        success: true,
        status: 0,
        message: status_message(Outcome::Optimal).1.to_string(),
        nit,
        crossover_nit,
    }
}

/// Run the dual simplex from the slack basis; a dual infeasible problem is told apart as
/// unbounded or infeasible by a feasibility solve with zero costs.
pub(crate) fn solve_lp(lp: &StdLp, max_iter: usize) -> (Outcome, DualSimplex<'_>) {
    let mut sx = DualSimplex::new(lp);
    let out = sx.solve(max_iter);
    settle_unbounded(lp, out, sx, max_iter)
}

/// A dual infeasible end (`Outcome::Unbounded` from the simplex) is unbounded if the problem
/// is feasible, infeasible otherwise.
fn settle_unbounded<'a>(
    lp: &StdLp,
    out: Outcome,
    mut sx: DualSimplex<'a>,
    max_iter: usize,
) -> (Outcome, DualSimplex<'a>) {
    if out != Outcome::Unbounded {
        return (out, sx);
    }
    let nit = sx.nit;
    let feas = feasibility(lp, max_iter.saturating_sub(nit));
    sx.nit += feas.1;
    let out = match feas.0 {
        Outcome::Optimal => Outcome::Unbounded,
        other => other,
    };
    (out, sx)
}

/// Is `lp` feasible? Solves it with zero costs; returns the outcome and the iterations.
pub(crate) fn feasibility(lp: &StdLp, max_iter: usize) -> (Outcome, usize) {
    let mut zero = lp.clone();
    zero.c.iter_mut().for_each(|v| *v = 0.0);
    let mut sx = DualSimplex::new(&zero);
    let out = sx.solve(max_iter);
    (out, sx.nit)
}
