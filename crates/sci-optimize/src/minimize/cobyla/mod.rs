//! COBYLA: Powell's Constrained Optimization BY Linear Approximation, following PRIMA's
//! modernized version that SciPy 1.17 runs (`minimize(method='COBYLA')`, `fmin_cobyla`).

mod cobylb;
mod filter;
mod trstlp;

use super::bounds::Bounds;
use super::callback::Callback;
use super::constraints::{Constraint, ConstraintType, LinearConstraint};
use super::slsqp::{SlsqpOptions, minimize_slsqp};
use crate::error::{OptimizeError, Result, invalid};
use crate::problem::Jac;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use std::fmt;

const EPS: f64 = f64::EPSILON;
const REALMAX: f64 = f64::MAX;
const REALMIN: f64 = f64::MIN_POSITIVE;
const FUNCMAX: f64 = 1e30;
const CONSTRMAX: f64 = 1e30;
const BOUNDMAX: f64 = REALMAX / 4.0;

/// `max(0, v...)`, NaN if any value is NaN (NumPy's `max(append(0, v))`).
fn max0(v: impl Iterator<Item = f64>) -> f64 {
    let mut m = 0.0f64;
    for x in v {
        if x.is_nan() {
            return f64::NAN;
        }
        m = m.max(x);
    }
    m
}

/// `!(a > b)`: `a <= b`, or either is NaN (NumPy's masks keep NaN entries).
fn not_above(a: f64, b: f64) -> bool {
    a.partial_cmp(&b) != Some(std::cmp::Ordering::Greater)
}

/// The options of [`minimize_cobyla`]: SciPy's keyword arguments of
/// `minimize(method='COBYLA')` and its `options` dict, with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_optimize::CobylaOptions;
/// let o = CobylaOptions::default();
/// assert_eq!((o.rhobeg, o.tol, o.maxiter, o.catol), (1.0, 1e-4, 1000, f64::EPSILON.sqrt()));
/// ```
#[derive(Clone)]
pub struct CobylaOptions<'a> {
    /// `rhobeg` (default 1): the initial trust-region radius, a reasonable first change of
    /// the variables. Must be positive and finite.
    pub rhobeg: f64,
    /// `tol` (default 1e-4): the final trust-region radius `rhoend`. As PRIMA, a value that is
    /// not positive, or above `rhobeg`, becomes `max(eps, min(rhobeg / 10, 1e-6))`.
    pub tol: f64,
    /// `maxiter` (default 1000): the maximum number of function evaluations (PRIMA's
    /// `maxfun`); raised to `n + 2` when smaller, as PRIMA does.
    pub maxiter: usize,
    /// `catol` (default `sqrt(eps)`): the absolute tolerance on the constraint violation for
    /// `success`.
    pub catol: f64,
    /// `f_target` (default `-inf`): stop at a feasible point with `f <= f_target`.
    pub f_target: f64,
    /// `bounds`: box constraints, handled as linear constraints (fixed variables, `lb == ub`,
    /// are removed from the problem).
    pub bounds: Option<Bounds>,
    /// `constraints`: [`NonlinearConstraint`](crate::NonlinearConstraint),
    /// [`LinearConstraint`] or [`ConstraintDict`](crate::ConstraintDict) (`Ineq`:
    /// `fun(x) >= 0`; `Eq`: `fun(x) == 0`, as the two inequalities `SciPy` makes of it).
    /// Jacobians and Hessians are not used.
    pub constraints: Vec<Constraint<'a>>,
    /// `callback`: called after each iteration with the current best point (the pole of the
    /// simplex) and its objective; `ControlFlow::Break(())` stops the run (status 30).
    pub callback: Option<Callback<'a>>,
}

impl Default for CobylaOptions<'_> {
    fn default() -> Self {
        CobylaOptions {
            rhobeg: 1.0,
            tol: 1e-4,
            maxiter: 1000,
            catol: EPS.sqrt(),
            f_target: f64::NEG_INFINITY,
            bounds: None,
            constraints: Vec::new(),
            callback: None,
        }
    }
}

impl fmt::Debug for CobylaOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CobylaOptions")
            .field("rhobeg", &self.rhobeg)
            .field("tol", &self.tol)
            .field("maxiter", &self.maxiter)
            .field("catol", &self.catol)
            .field("f_target", &self.f_target)
            .field("bounds", &self.bounds)
            .field("constraints", &self.constraints)
            .finish_non_exhaustive()
    }
}

/// The result of [`minimize_cobyla`] (SciPy's `OptimizeResult` of COBYLA).
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_cobyla, CobylaOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let r = minimize_cobyla(|x: &Array1<f64>| x[0] * x[0], &array![500.0], &CobylaOptions::default())?;
/// assert_eq!((r.status, r.success, r.maxcv), (0, true, 0.0));
/// assert!(r.message.starts_with("Return from COBYLA because"));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CobylaResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// Objective evaluations.
    pub nfev: usize,
    /// PRIMA's exit flag: 0 the trust region radius reached `tol`, 1 `f_target` reached, 3
    /// `maxiter` evaluations, 20 the maximal number of trust-region iterations, 7 damaging
    /// rounding, 30 the callback asked to stop, -1 NaN or inf in `x`, -2 NaN/inf function
    /// values.
    pub status: i32,
    /// `status` is 0 or 1 and `maxcv <= catol`.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// The largest constraint violation at `x`.
    pub maxcv: f64,
}

/// A nonlinear constraint `lb <= fun(x) <= ub` (equalities, dictionaries included).
struct Nl<'a> {
    fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>,
    lb: Array1<f64>,
    ub: Array1<f64>,
}

impl Nl<'_> {
    /// PRIMA's constraint values `lb - v` (finite `lb`) then `v - ub` (finite `ub`), `<= 0`.
    fn values(&self, x: &Array1<f64>, out: &mut Vec<f64>) -> Result<()> {
        let v = (self.fun)(x);
        let k = v.len();
        let get = |a: &Array1<f64>, arg: &'static str, i: usize| -> Result<f64> {
            match a.len() {
                1 => Ok(a[0]),
                l if l == k => Ok(a[i]),
                l => Err(OptimizeError::WrongLength { arg, expected: k, found: l }),
            }
        };
        for i in 0..k {
            let lb = get(&self.lb, "constraint lb", i)?;
            if lb > f64::NEG_INFINITY {
                out.push(lb - v[i]);
            }
        }
        for i in 0..k {
            let ub = get(&self.ub, "constraint ub", i)?;
            if ub < f64::INFINITY {
                out.push(v[i] - ub);
            }
        }
        Ok(())
    }
}

/// `b` broadcast to `k` entries.
fn broadcast(b: &Array1<f64>, k: usize, arg: &'static str) -> Result<Array1<f64>> {
    match b.len() {
        1 => Ok(Array1::from_elem(k, b[0])),
        l if l == k => Ok(b.clone()),
        l => Err(OptimizeError::WrongLength { arg, expected: k, found: l }),
    }
}

/// Minimizes `fun` subject to inequality, equality and bound constraints without
/// derivatives, by COBYLA (PRIMA's version, as SciPy 1.17).
///
/// The objective and each constraint are modelled by the linear function interpolating them
/// on a simplex of `n + 1` points; each iteration takes a step inside a trust region of radius
/// `delta >= rho` minimizing the model of the merit function `f + cpen * max(0, violation)`,
/// and replaces a vertex. `rho` decreases from `rhobeg` to `tol`. Equality constraints become
/// two inequalities; bounds and [`LinearConstraint`]s are used exactly. Without nonlinear
/// constraints `x0` is first moved into the bounds (and onto the linear constraints, by SLSQP,
/// as SciPy does).
///
/// The result is the best point of a filter of the evaluated points (the least violation,
/// then the least objective), as PRIMA returns it. `success` needs `maxcv <= catol`.
///
/// SciPy equivalent: `scipy.optimize.minimize(method='COBYLA')` (`disp` is not taken; where
/// SciPy fails with fixed variables and constraints, the constraints here see the full `x`).
///
/// # Errors
///
/// [`OptimizeError::WrongLength`] for an empty `x0`, bounds or constraint bounds of the wrong
/// length, a [`LinearConstraint`] matrix with other than `n` columns;
/// [`OptimizeError::InvalidBounds`] for `lb > ub`; [`OptimizeError::InvalidValue`] for a
/// non-finite `x0`, `rhobeg` not positive and finite, a NaN or negative `tol` or `catol`, all
/// variables fixed by the bounds, or constraint functions whose number of values changes.
///
/// # Examples
///
/// SciPy's tutorial problem: minimize `(x0 - 1)^2 + (x1 - 2.5)^2` subject to three linear
/// inequalities and `x >= 0`.
///
/// ```
/// use sci_optimize::{minimize_cobyla, Bounds, CobylaOptions, ConstraintDict, ConstraintType};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
/// let c1 = |x: &Array1<f64>| array![x[0] - 2.0 * x[1] + 2.0];
/// let c2 = |x: &Array1<f64>| array![-x[0] - 2.0 * x[1] + 6.0];
/// let c3 = |x: &Array1<f64>| array![-x[0] + 2.0 * x[1] + 2.0];
/// let opts = CobylaOptions {
///     constraints: vec![
///         ConstraintDict::new(ConstraintType::Ineq, &c1).into(),
///         ConstraintDict::new(ConstraintType::Ineq, &c2).into(),
///         ConstraintDict::new(ConstraintType::Ineq, &c3).into(),
///     ],
///     bounds: Some(Bounds::from_pairs(&[(0.0, f64::INFINITY), (0.0, f64::INFINITY)])),
///     ..Default::default()
/// };
/// let r = minimize_cobyla(f, &array![2.0, 0.0], &opts)?;
/// assert!(r.success && r.status == 0);
/// assert!((r.x[0] - 1.4).abs() < 1e-4 && (r.x[1] - 1.7).abs() < 1e-4);
/// assert!(r.maxcv < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_cobyla<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &CobylaOptions<'_>,
) -> Result<CobylaResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let o = options;
    let n_full = x0.len();
    if n_full == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if x0.iter().any(|v| !v.is_finite()) {
        return Err(invalid("x0", "must be finite"));
    }
    if !(o.rhobeg.is_finite() && o.rhobeg > 0.0) {
        return Err(invalid("rhobeg", format!("must be positive and finite, got {}", o.rhobeg)));
    }
    for (arg, v) in [("tol", o.tol), ("catol", o.catol)] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(arg, format!("must be non-negative, got {v}")));
        }
    }
    let (lb, ub) = match &o.bounds {
        Some(b) => {
            let b = b.broadcast(n_full)?;
            (b.lb.clone(), b.ub.clone())
        }
        None => (Array1::from_elem(n_full, f64::NEG_INFINITY), Array1::from_elem(n_full, f64::INFINITY)),
    };
    // Constraints: nonlinear ones as `<= 0` values, linear ones stacked.
    let mut nls: Vec<Nl<'_>> = Vec::new();
    let mut lin_a: Vec<Array1<f64>> = Vec::new();
    let (mut lin_lb, mut lin_ub) = (Vec::new(), Vec::new());
    for c in &o.constraints {
        match c {
            Constraint::Nonlinear(c) => nls.push(Nl { fun: c.fun, lb: c.lb.clone(), ub: c.ub.clone() }),
            Constraint::Dict(c) => {
                let ub = if c.kind == ConstraintType::Eq { 0.0 } else { f64::INFINITY };
                nls.push(Nl { fun: c.fun, lb: Array1::from_elem(1, 0.0), ub: Array1::from_elem(1, ub) });
            }
            Constraint::Linear(c) => {
                if c.a.ncols() != n_full {
                    return Err(OptimizeError::WrongLength {
                        arg: "LinearConstraint A columns",
                        expected: n_full,
                        found: c.a.ncols(),
                    });
                }
                let k = c.a.nrows();
                let (l, u) = (broadcast(&c.lb, k, "constraint lb")?, broadcast(&c.ub, k, "constraint ub")?);
                for i in 0..k {
                    lin_a.push(c.a.row(i).to_owned());
                    lin_lb.push(l[i]);
                    lin_ub.push(u[i]);
                }
            }
        }
    }

    // Fixed variables (PRIMA's tolerance) are removed.
    let weight = lb.iter().chain(ub.iter()).filter(|v| v.is_finite()).fold(1.0f64, |m, v| m.max(v.abs()));
    let tol = 10.0 * EPS * n_full as f64 * weight;
    let fixed: Vec<bool> = (0..n_full).map(|i| lb[i] <= ub[i] && (lb[i] - ub[i]).abs() < tol).collect();
    let free: Vec<usize> = (0..n_full).filter(|&i| !fixed[i]).collect();
    if free.is_empty() {
        return Err(invalid("bounds", "all variables are fixed by the bounds (lb == ub)"));
    }
    let xfix: Vec<f64> = (0..n_full).map(|i| (0.5 * (lb[i] + ub[i])).clamp(lb[i], ub[i])).collect();
    let n = free.len();
    let expand = |x: &Array1<f64>| -> Array1<f64> {
        let mut full = Array1::from(xfix.clone());
        for (k, &i) in free.iter().enumerate() {
            full[i] = x[k];
        }
        full
    };
    let mut x = Array1::from_shape_fn(n, |k| x0[free[k]]);
    let lb = Array1::from_shape_fn(n, |k| lb[free[k]]);
    let ub = Array1::from_shape_fn(n, |k| ub[free[k]]);
    let mlin = lin_a.len();
    let mut a = Array2::<f64>::zeros((mlin, n));
    for (r, row) in lin_a.iter().enumerate() {
        let shift: f64 = (0..n_full).filter(|&i| fixed[i]).map(|i| row[i] * xfix[i]).sum();
        lin_lb[r] -= shift;
        lin_ub[r] -= shift;
        for (k, &i) in free.iter().enumerate() {
            a[[r, k]] = row[i];
        }
    }
    let lin = LinearConstraint::new(a, Array1::from(lin_lb), Array1::from(lin_ub));
    if nls.is_empty() {
        x = project(&x, &lb, &ub, &lin)?;
    }

    let mut m_nl: Option<usize> = None;
    let mut calcfc = |xr: &Array1<f64>| -> Result<(f64, Array1<f64>)> {
        let full = expand(xr);
        let f = fun(&full);
        let mut v = Vec::new();
        for c in &nls {
            c.values(&full, &mut v)?;
        }
        match m_nl {
            None => m_nl = Some(v.len()),
            Some(k) if k != v.len() => {
                return Err(invalid(
                    "constraints",
                    format!("the constraint functions returned {} values, then {k}", v.len()),
                ));
            }
            Some(_) => {}
        }
        Ok((f, Array1::from(v)))
    };
    let (f0, nl0) = calcfc(&x)?;

    // PRIMA's linear constraints `amat x <= bvec`: bounds, equalities (both ways), inequalities.
    let mut rows: Vec<(Array1<f64>, f64)> = Vec::new();
    let unit = |i: usize, s: f64| Array1::from_shape_fn(n, |k| if k == i { s } else { 0.0 });
    for i in 0..n {
        if lb[i] > -BOUNDMAX {
            rows.push((unit(i, -1.0), -lb[i]));
        }
    }
    for i in 0..n {
        if ub[i] < BOUNDMAX {
            rows.push((unit(i, 1.0), ub[i]));
        }
    }
    let is_eq: Vec<bool> = (0..mlin).map(|r| lin.ub[r] <= lin.lb[r] + 2.0 * EPS).collect();
    for s in [-1.0, 1.0] {
        for r in (0..mlin).filter(|&r| is_eq[r]) {
            rows.push((lin.a.row(r).mapv(|v| s * v), s * (lin.lb[r] + lin.ub[r]) / 2.0));
        }
    }
    for r in (0..mlin).filter(|&r| !is_eq[r] && lin.lb[r] > f64::NEG_INFINITY) {
        rows.push((lin.a.row(r).mapv(|v| -v), -lin.lb[r]));
    }
    for r in (0..mlin).filter(|&r| !is_eq[r] && lin.ub[r] < f64::INFINITY) {
        rows.push((lin.a.row(r).to_owned(), lin.ub[r]));
    }
    let amat = Array2::from_shape_fn((rows.len(), n), |(r, k)| rows[r].0[k]);
    let bvec = Array1::from_shape_fn(rows.len(), |r| rows[r].1);
    let lin0 = amat.dot(&x) - &bvec;
    let constr0: Array1<f64> = lin0.iter().chain(nl0.iter()).map(|&v| cobylb::moderatec(v)).collect();

    // PRIMA's preprocessing of rhoend and maxfun.
    let rhobeg = o.rhobeg;
    let mut rhoend = o.tol;
    if (rhobeg - rhoend).abs() < 1e2 * EPS * rhobeg.max(1.0) {
        rhoend = rhobeg;
    }
    if rhoend <= 0.0 || rhobeg < rhoend || !rhoend.is_finite() {
        rhoend = EPS.max((0.1 * rhobeg).min(1e-6));
    }
    let params = cobylb::Params {
        rhobeg,
        rhoend,
        maxfun: o.maxiter.max(n + 2),
        ctol: o.catol,
        ftarget: if o.f_target.is_nan() { -REALMAX } else { o.f_target },
    };
    let out =
        cobylb::cobylb(&mut calcfc, &amat, &bvec, &x, cobylb::moderatef(f0), &constr0, &params, o.callback)?;
    let (success, message) = if out.cstrv > o.catol {
        (
            false,
            "Did not converge to a solution satisfying the constraints. See `maxcv` for the magnitude of the \
             violation."
                .to_string(),
        )
    } else {
        (
            out.info == cobylb::info::SMALL_TR_RADIUS || out.info == cobylb::info::FTARGET_ACHIEVED,
            format!("Return from COBYLA because {}", info_reason(out.info)),
        )
    };
    Ok(CobylaResult {
        x: expand(&out.x),
        fun: out.f,
        nfev: out.nf,
        status: out.info,
        success,
        message,
        maxcv: out.cstrv,
    })
}

/// PRIMA's `get_info_string` reasons.
fn info_reason(info: i32) -> &'static str {
    use cobylb::info::*;
    match info {
        FTARGET_ACHIEVED => "the target function value is achieved.",
        MAXFUN_REACHED => "the objective function has been evaluated MAXFUN times.",
        MAXTR_REACHED => "the maximal number of trust region iterations has been reached.",
        SMALL_TR_RADIUS => "the trust region radius reaches its lower bound.",
        NAN_INF_X => "NaN or Inf occurs in x.",
        NAN_INF_F => "the objective function returns NaN/+Inf.",
        DAMAGING_ROUNDING => "rounding errors are becoming damaging.",
        CALLBACK_TERMINATE => "the callback function requested termination",
        _ => "UNKNOWN EXIT FLAG",
    }
}

/// PRIMA's `_project`: `x0` into the bounds, and onto the linear constraints (least
/// distance, by SLSQP as SciPy) when it violates them.
fn project(
    x0: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    lin: &LinearConstraint,
) -> Result<Array1<f64>> {
    let n = x0.len();
    let clip = |x: &Array1<f64>| Array1::from_shape_fn(n, |i| x[i].max(lb[i]).min(ub[i]));
    let k = lin.a.nrows();
    if k == 0 {
        return Ok(clip(x0));
    }
    let all_eq = (0..k).all(|r| (lin.ub[r] - lin.lb[r]).abs() <= EPS);
    let unbounded = lb.iter().all(|&v| v <= -1e20) && ub.iter().all(|&v| v >= 1e20);
    if all_eq && unbounded {
        // x0 + the least-norm solution of A xi = b - A x0.
        let a = &lin.a;
        let r = Array1::from_shape_fn(k, |i| (lin.lb[i] + lin.ub[i]) / 2.0) - a.dot(x0);
        let gram = a.dot(&a.t());
        let xi = match core_inv(&gram) {
            Some(gi) => a.t().dot(&gi.dot(&r)),
            None => Array1::zeros(n),
        };
        return Ok(clip(&(x0 + &xi)));
    }
    let ax = lin.a.dot(x0);
    let violated = (0..k).any(|r| {
        if lin.lb[r] != lin.ub[r] { ax[r] > lin.ub[r] || lin.lb[r] > ax[r] } else { ax[r] != lin.lb[r] }
    }) || (0..n).any(|i| x0[i] > ub[i] || lb[i] > x0[i]);
    if !violated {
        return Ok(x0.clone());
    }
    let pick = |eq: bool| {
        let rows: Vec<usize> = (0..k).filter(|&r| (lin.lb[r] == lin.ub[r]) == eq).collect();
        LinearConstraint::new(
            lin.a.select(ndarray::Axis(0), &rows),
            rows.iter().map(|&r| lin.lb[r]).collect(),
            rows.iter().map(|&r| lin.ub[r]).collect(),
        )
    };
    let (ineq, eq) = (pick(false), pick(true));
    let mut cons: Vec<Constraint<'_>> = Vec::new();
    if ineq.a.nrows() > 0 {
        cons.push(ineq.into());
    }
    if eq.a.nrows() > 0 {
        cons.push(eq.into());
    }
    let x0c = x0.clone();
    let grad = move |x: &Array1<f64>| x - &x0c;
    let opts = SlsqpOptions {
        jac: Jac::Fn(&grad),
        bounds: Some(Bounds::new(lb.clone(), ub.clone())),
        constraints: cons,
        ..Default::default()
    };
    let r = minimize_slsqp(|x: &Array1<f64>| (x - x0).dot(&(x - x0)) / 2.0, x0, &opts)?;
    Ok(r.x)
}

/// The inverse of a small matrix (`None` when singular).
fn core_inv(a: &Array2<f64>) -> Option<Array2<f64>> {
    cobylb::inverse(a)
}

/// The options of [`fmin_cobyla`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_optimize::FminCobylaOptions;
/// let o = FminCobylaOptions::default();
/// assert_eq!((o.rhobeg, o.rhoend, o.maxfun, o.catol), (1.0, 1e-4, 1000, 2e-4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FminCobylaOptions {
    /// `rhobeg` (default 1): reasonable initial changes to the variables.
    pub rhobeg: f64,
    /// `rhoend` (default 1e-4): the final accuracy (the last trust-region radius).
    pub rhoend: f64,
    /// `maxfun` (default 1000): maximum number of function evaluations.
    pub maxfun: usize,
    /// `catol` (default 2e-4): absolute tolerance for constraint violations.
    pub catol: f64,
}

impl Default for FminCobylaOptions {
    fn default() -> Self {
        FminCobylaOptions { rhobeg: 1.0, rhoend: 1e-4, maxfun: 1000, catol: 2e-4 }
    }
}

/// Minimizes `func` subject to `cons[i](x) >= 0` (each may return several values) by COBYLA;
/// returns the minimizer only, as SciPy's legacy interface.
///
/// SciPy equivalent: `scipy.optimize.fmin_cobyla` (`args`, `consargs`, `disp` and
/// `callback` are not taken: use closures, or [`minimize_cobyla`] for the full result).
///
/// # Errors
///
/// As [`minimize_cobyla`].
///
/// # Examples
///
/// SciPy's docstring example: minimize `x0 x1` on the upper half of the unit disc.
///
/// ```
/// use sci_optimize::{fmin_cobyla, FminCobylaOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| x[0] * x[1];
/// let disc = |x: &Array1<f64>| array![1.0 - (x[0] * x[0] + x[1] * x[1])];
/// let upper = |x: &Array1<f64>| array![x[1]];
/// let opts = FminCobylaOptions { rhoend: 1e-7, ..Default::default() };
/// let x = fmin_cobyla(f, &array![0.0, 0.1], &[&disc, &upper], &opts)?;
/// // The solution is (-sqrt(2)/2, sqrt(2)/2); the default catol = 2e-4 accepts a point
/// // slightly outside the disc, as SciPy's (-0.70733206, 0.70695216).
/// let h = 0.5f64.sqrt();
/// assert!((x[0] + h).abs() < 5e-4 && (x[1] - h).abs() < 5e-4);
/// assert!(x[0] * x[0] + x[1] * x[1] <= 1.0 + 2e-4);
/// // With a tight catol the point is feasible.
/// let tight = FminCobylaOptions { catol: 1e-12, ..opts };
/// let x = fmin_cobyla(f, &array![0.0, 0.1], &[&disc, &upper], &tight)?;
/// assert!((x[0] + h).abs() < 1e-6 && (x[1] - h).abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn fmin_cobyla<F, S>(
    func: F,
    x0: &ArrayBase<S, Ix1>,
    cons: &[&dyn Fn(&Array1<f64>) -> Array1<f64>],
    options: &FminCobylaOptions,
) -> Result<Array1<f64>>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let constraints = cons
        .iter()
        .map(|&c| {
            super::constraints::NonlinearConstraint::new(
                c,
                Array1::from_elem(1, 0.0),
                Array1::from_elem(1, f64::INFINITY),
            )
            .into()
        })
        .collect();
    let opts = CobylaOptions {
        rhobeg: options.rhobeg,
        tol: options.rhoend,
        maxiter: options.maxfun,
        catol: options.catol,
        constraints,
        ..Default::default()
    };
    Ok(minimize_cobyla(func, x0, &opts)?.x)
}
