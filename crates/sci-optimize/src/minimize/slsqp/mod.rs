//! `minimize(method='SLSQP')`: Kraft's sequential least-squares quadratic programming as in
//! SciPy 1.17's C rewrite (`__slsqp.c`): a quasi-Newton (BFGS, LDL' factored) model, the QP
//! subproblem solved as a least-squares problem (LSQ -> LSEI -> LSI -> LDP -> NNLS), an L1
//! merit line search, and the augmented problem for inconsistent linearizations.

mod lsq;

use self::lsq::lsei;
use super::callback::{CALLBACK_STOP, Callback, halt};
use super::constraints::{Constraint, ConstraintJac, ConstraintType, broadcast_bounds};
use crate::error::{OptimizeError, Result, invalid};
use crate::numdiff::{self, FiniteDiff};
use crate::problem::{Jac, Problem};
use ndarray::{Array1, Array2};

/// SciPy's exit messages of SLSQP, by mode.
fn message(mode: i32) -> &'static str {
    match mode {
        0 => "Optimization terminated successfully",
        2 => "More equality constraints than independent variables",
        3 => "More than 3*n iterations in LSQ subproblem",
        4 => "Inequality constraints incompatible",
        5 => "Singular matrix E in LSQ subproblem",
        6 => "Singular matrix C in LSQ subproblem",
        7 => "Rank-deficient equality constraint subproblem HFTI",
        8 => "Positive directional derivative for linesearch",
        _ => "Iteration limit reached",
    }
}

/// The constraints split as SLSQP orders them: equalities first.
type VecFun<'a> = Box<dyn Fn(&Array1<f64>) -> Array1<f64> + 'a>;
type MatFun<'a> = Box<dyn Fn(&Array1<f64>) -> Array2<f64> + 'a>;

/// An old-style constraint: values and (optionally) Jacobian.
struct OldCon<'a> {
    fun: VecFun<'a>,
    jac: Option<MatFun<'a>>,
}

/// SciPy's `new_constraint_to_old`: a nonlinear or linear constraint as an equality part
/// (`lb == ub` entries: `fun - lb = 0`) and an inequality part (`fun - lb >= 0` for finite
/// `lb`, `ub - fun >= 0` for finite `ub`).
fn new_to_old<'a>(
    fun: VecFun<'a>,
    jac: Option<MatFun<'a>>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    x0: &Array1<f64>,
) -> Result<(Option<OldCon<'a>>, Option<OldCon<'a>>)> {
    let m = fun(x0).len();
    let (lb, ub) = broadcast_bounds(lb, ub, m)?;
    let i_eq: Vec<usize> = (0..m).filter(|&i| lb[i] == ub[i]).collect();
    let below: Vec<usize> = (0..m).filter(|&i| (lb[i] != f64::NEG_INFINITY) ^ (lb[i] == ub[i])).collect();
    let above: Vec<usize> = (0..m).filter(|&i| (ub[i] != f64::INFINITY) ^ (lb[i] == ub[i])).collect();
    let fun: std::rc::Rc<dyn Fn(&Array1<f64>) -> Array1<f64> + 'a> = std::rc::Rc::from(fun);
    let jac: Option<std::rc::Rc<dyn Fn(&Array1<f64>) -> Array2<f64> + 'a>> = jac.map(std::rc::Rc::from);
    let eq = (!i_eq.is_empty()).then(|| {
        let (f, l, idx) = (fun.clone(), lb.clone(), i_eq.clone());
        let jf = jac.clone().map(|j| {
            let idx = idx.clone();
            Box::new(move |x: &Array1<f64>| j(x).select(ndarray::Axis(0), &idx)) as MatFun<'a>
        });
        OldCon {
            fun: Box::new(move |x: &Array1<f64>| {
                let y = f(x);
                idx.iter().map(|&i| y[i] - l[i]).collect()
            }),
            jac: jf,
        }
    });
    let ineq = (!below.is_empty() || !above.is_empty()).then(|| {
        let (f, l, u, b, a) = (fun.clone(), lb.clone(), ub.clone(), below.clone(), above.clone());
        let jf = jac.clone().map(|j| {
            let (b, a) = (below.clone(), above.clone());
            Box::new(move |x: &Array1<f64>| {
                let dy = j(x);
                let mut out = Array2::zeros((b.len() + a.len(), dy.ncols()));
                for (r, &i) in b.iter().enumerate() {
                    out.row_mut(r).assign(&dy.row(i));
                }
                for (r, &i) in a.iter().enumerate() {
                    out.row_mut(b.len() + r).assign(&(-&dy.row(i)));
                }
                out
            }) as MatFun<'a>
        });
        OldCon {
            fun: Box::new(move |x: &Array1<f64>| {
                let y = f(x);
                b.iter().map(|&i| y[i] - l[i]).chain(a.iter().map(|&i| -(y[i] - u[i]))).collect()
            }),
            jac: jf,
        }
    });
    Ok((eq, ineq))
}

struct Cons<'a> {
    eq: Vec<OldCon<'a>>,
    ineq: Vec<OldCon<'a>>,
    m: usize,
    n: usize,
    eps: Option<f64>,
    method: FiniteDiff,
    lb: Array1<f64>,
    ub: Array1<f64>,
}

impl Cons<'_> {
    /// The constraint values `d` (equalities, then inequalities).
    fn values(&self, x: &Array1<f64>) -> Vec<f64> {
        let mut d = Vec::with_capacity(self.m);
        for c in self.eq.iter().chain(&self.ineq) {
            d.extend((c.fun)(x).iter());
        }
        d
    }

    /// The constraint normals `C`, column-major `m x n`.
    fn normals(&self, x: &Array1<f64>) -> Vec<f64> {
        let (m, n) = (self.m.max(1), self.n);
        let mut cm = vec![0.0; m * n];
        let mut row = 0;
        for c in self.eq.iter().chain(&self.ineq) {
            let j: Array2<f64> = match &c.jac {
                Some(j) => j(x),
                None => {
                    let f0 = (c.fun)(x);
                    let fun = &c.fun;
                    let b = (&self.lb, &self.ub);
                    numdiff::jacobian(&mut |y| fun(y), x, &f0, self.method, Some(b), self.eps).0
                }
            };
            for r in 0..j.nrows() {
                for k in 0..n {
                    cm[row + r + k * m] = j[[r, k]];
                }
            }
            row += j.nrows();
        }
        cm
    }
}

/// `ldl_update`: the LDL' factors (packed lower, by columns) of `A + sigma z z^T`
/// (Fletcher & Powell's composite-t method).
fn ldl_update(n: usize, a: &mut [f64], z: &mut [f64], sigma: f64, w: &mut [f64]) {
    if sigma == 0.0 {
        return;
    }
    let mut ij = 0usize;
    let mut t = 1.0 / sigma;
    if sigma <= 0.0 {
        w[..n].copy_from_slice(&z[..n]);
        for i in 0..n {
            let v = w[i];
            t += v * v / a[ij];
            for j in i + 1..n {
                ij += 1;
                w[j] -= v * a[ij];
            }
            ij += 1;
        }
        if t >= 0.0 {
            t = f64::EPSILON / sigma;
        }
        for i in 0..n {
            let j = n - i - 1;
            ij -= i + 1;
            let u = w[j];
            w[j] = t;
            t -= u * u / a[ij];
        }
    }
    for i in 0..n {
        let v = z[i];
        let delta = v / a[ij];
        let tp = if sigma < 0.0 { w[i] } else { t + delta * v };
        let alpha = tp / t;
        a[ij] *= alpha;
        if i == n - 1 {
            return;
        }
        let beta = delta / tp;
        if alpha <= 4.0 {
            for j in i + 1..n {
                ij += 1;
                z[j] -= v * a[ij];
                a[ij] += beta * z[j];
            }
        } else {
            let gamma = t / tp;
            for j in i + 1..n {
                ij += 1;
                let u = a[ij];
                a[ij] = gamma * u + beta * z[j];
                z[j] -= v * u;
            }
        }
        ij += 1;
        t = tp;
    }
}

/// The LSQ subproblem: the QP in least-squares form from the LDL' factors `lf`, with the
/// bounds `xl <= s <= xu` (NaN: none); with `aug_weight` the augmented problem of an
/// inconsistent linearization (one more variable). Returns `(s, multipliers, mode)`.
#[allow(clippy::too_many_arguments)]
fn lsq(
    m: usize,
    meq: usize,
    n: usize,
    aug_weight: Option<f64>,
    lf: &[f64],
    gradx: &[f64],
    cm: &[f64],
    d: &[f64],
    xl: &[f64],
    xu: &[f64],
) -> (Vec<f64>, Vec<f64>, i32) {
    let mineq = m - meq;
    let lda = m.max(1);
    let orign = n;
    let ld = if aug_weight.is_some() { n + 1 } else { n };
    let mut xl = xl[..n].to_vec();
    let mut xu = xu[..n].to_vec();
    if aug_weight.is_some() {
        xl.push(0.0);
        xu.push(1.0);
    }
    // A = sqrt(D) L^T, b = -sqrt(D)^-1 L^-1 g.
    let mut wa = vec![0.0; ld * ld];
    let mut cursor = 0;
    for j in 0..n {
        let diag = lf[cursor].sqrt();
        cursor += 1;
        wa[j + j * ld] = diag;
        for i in j + 1..n {
            wa[j + i * ld] = lf[cursor] * diag;
            cursor += 1;
        }
    }
    let mut wb = vec![0.0; ld];
    wb[..n].copy_from_slice(&gradx[..n]);
    // Unit lower packed solve L wb = g (column-oriented).
    let mut k = 0;
    for j in 0..n {
        let t = wb[j];
        k += 1;
        for i in j + 1..n {
            wb[i] -= t * lf[k];
            k += 1;
        }
    }
    cursor = 0;
    for i in 0..n {
        wb[i] /= -lf[cursor].sqrt();
        cursor += n - i;
    }
    if let Some(w) = aug_weight {
        wa[ld * ld - 1] = w;
    }
    let n = ld;
    let mut we = vec![0.0; meq * n];
    let mut wf = vec![0.0; meq];
    for i in 0..meq {
        for j in 0..orign {
            we[i + j * meq] = cm[i + j * lda];
        }
        if aug_weight.is_some() {
            we[i + orign * meq] = -d[i];
        }
        wf[i] = -d[i];
    }
    let nb: Vec<usize> = (0..n).filter(|&i| !xl[i].is_nan()).collect();
    let ub: Vec<usize> = (0..n).filter(|&i| !xu[i].is_nan()).collect();
    let mg = mineq + nb.len() + ub.len();
    let mut wg = vec![0.0; mg * n];
    let mut wh = vec![0.0; mg];
    for i in 0..mineq {
        wh[i] = -d[meq + i];
        for j in 0..orign {
            wg[i + j * mg] = cm[meq + i + j * lda];
        }
        if aug_weight.is_some() {
            wg[i + orign * mg] = (-d[meq + i]).max(0.0);
        }
    }
    for (r, &i) in nb.iter().enumerate() {
        wg[mineq + r + i * mg] = 1.0;
        wh[mineq + r] = xl[i];
    }
    for (r, &i) in ub.iter().enumerate() {
        wg[mineq + nb.len() + r + i * mg] = -1.0;
        wh[mineq + nb.len() + r] = -xu[i];
    }
    let out = lsei(ld, meq, mg, n, &mut wa, &mut wb, &mut we, &mut wf, &mut wg, &mut wh);
    let mut y = vec![f64::NAN; m + 2 * n];
    let mut x = out.x;
    if out.mode == 1 {
        y[..meq].copy_from_slice(&out.emults);
        y[meq..m].copy_from_slice(&out.gmults[..mineq]);
    }
    for i in 0..n {
        if !xl[i].is_nan() && x[i] < xl[i] {
            x[i] = xl[i];
        } else if !xu[i].is_nan() && x[i] > xu[i] {
            x[i] = xu[i];
        }
    }
    (x, y, out.mode)
}

/// The options of [`minimize_slsqp`]: SciPy's keyword arguments of
/// `minimize(method='SLSQP')` and its `options` dict, with SciPy's defaults.
#[derive(Clone)]
pub struct SlsqpOptions<'a> {
    /// `jac=`: the gradient; `Jac::Default` is SciPy's `jac=None` (forward differences with the
    /// absolute step `eps`), `Jac::FiniteDiff` SciPy's `'2-point'`/`'3-point'`.
    pub jac: Jac<'a>,
    /// `bounds=` (`x0` is clipped into them).
    pub bounds: Option<super::bounds::Bounds>,
    /// `constraints=`: old-style dictionaries, or nonlinear/linear constraints converted as
    /// SciPy's `new_constraint_to_old` does.
    pub constraints: Vec<Constraint<'a>>,
    /// `ftol` (default 1e-6): precision goal for the objective in the stopping test.
    pub ftol: f64,
    /// `eps` (default 1.4901161193847656e-08): absolute finite-difference step.
    pub eps: f64,
    /// `maxiter` (default 100).
    pub maxiter: usize,
    /// `callback`: called once per major iteration, where SciPy calls it (after the first
    /// objective evaluation of the iteration's line search, at the trial point, or at the exit);
    /// `ControlFlow::Break(())` stops the run (status 99).
    pub callback: Option<Callback<'a>>,
}

impl Default for SlsqpOptions<'_> {
    fn default() -> Self {
        SlsqpOptions {
            jac: Jac::Default,
            bounds: None,
            constraints: Vec::new(),
            ftol: 1e-6,
            eps: 1.4901161193847656e-08,
            maxiter: 100,
            callback: None,
        }
    }
}

impl std::fmt::Debug for SlsqpOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SlsqpOptions")
            .field("jac", &self.jac)
            .field("bounds", &self.bounds)
            .field("constraints", &self.constraints)
            .field("ftol", &self.ftol)
            .field("eps", &self.eps)
            .field("maxiter", &self.maxiter)
            .finish()
    }
}

/// The result of [`minimize_slsqp`] (SciPy's `OptimizeResult` of SLSQP).
#[derive(Debug, Clone, PartialEq)]
pub struct SlsqpResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The objective at the last point evaluated (`x`).
    pub fun: f64,
    /// The gradient at the last point where it was evaluated.
    pub jac: Array1<f64>,
    /// Iterations.
    pub nit: usize,
    /// Objective evaluations (including finite differences).
    pub nfev: usize,
    /// Gradient evaluations.
    pub njev: usize,
    /// SciPy's exit mode (0 success, 2 more equalities than variables, 4 incompatible
    /// constraints, 8 positive directional derivative, 9 iteration limit, ...).
    pub status: i32,
    /// `status == 0`.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// The Lagrange multipliers of the constraints (equalities first, in the order given).
    pub multipliers: Array1<f64>,
}

/// Minimizes `fun` subject to bounds and equality/inequality constraints by sequential
/// least-squares quadratic programming, returning every field of SciPy's result.
///
/// SciPy equivalent: `scipy.optimize.minimize(method='SLSQP')` (SciPy 1.17's C rewrite of
/// Kraft's code; `callback` is missing).
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`] for bounds of the wrong length or a gradient of the wrong
///   length.
/// * [`OptimizeError::InvalidBounds`] when a lower bound exceeds its upper bound.
/// * [`OptimizeError::InvalidValue`] for a constraint Jacobian of the wrong shape, a NaN
///   `ftol` or a zero or non-finite `eps`.
/// * [`OptimizeError::NonFiniteInitial`] when the objective or a constraint is not finite at
///   `x0`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_slsqp, ConstraintDict, ConstraintType, SlsqpOptions, Bounds};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // HS 21: min x0^2 / 100 + x1^2 - 100 with 10 x0 - x1 >= 10 and bounds.
/// let f = |x: &Array1<f64>| 0.01 * x[0] * x[0] + x[1] * x[1] - 100.0;
/// let c = |x: &Array1<f64>| array![10.0 * x[0] - x[1] - 10.0];
/// let opts = SlsqpOptions {
///     constraints: vec![ConstraintDict::new(ConstraintType::Ineq, &c).into()],
///     bounds: Some(Bounds::new(array![2.0, -50.0], array![50.0, 50.0])),
///     ..Default::default()
/// };
/// let r = minimize_slsqp(f, &array![-1.0, -1.0], &opts)?;
/// assert!(r.success && (r.fun + 99.96).abs() < 1e-9);
/// assert_eq!((r.nit, r.nfev, r.njev), (2, 7, 2)); // SciPy's counts
/// assert_eq!(r.multipliers.len(), 1);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_slsqp<F, S>(
    mut fun: F,
    x0: &ndarray::ArrayBase<S, ndarray::Ix1>,
    options: &SlsqpOptions<'_>,
) -> Result<SlsqpResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: ndarray::Data<Elem = f64>,
{
    let o = options;
    let x0 = x0.to_owned();
    if x0.is_empty() {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if o.ftol.is_nan() {
        return Err(invalid("ftol", "must not be NaN"));
    }
    if !(o.eps.is_finite() && o.eps != 0.0) {
        return Err(invalid("eps", format!("must be finite and non-zero, got {}", o.eps)));
    }
    slsqp(&mut fun, o.jac, x0, o.bounds.as_ref(), &o.constraints, o.maxiter, o.ftol, o.eps, o.callback)
}

/// `minimize(method='SLSQP')`.
#[allow(clippy::too_many_arguments)]
fn slsqp(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    jac: Jac<'_>,
    x0: Array1<f64>,
    bounds: Option<&super::bounds::Bounds>,
    constraints: &[Constraint<'_>],
    maxiter: usize,
    ftol: f64,
    eps: f64,
    callback: Option<Callback<'_>>,
) -> Result<SlsqpResult> {
    let n = x0.len();
    let (lb, ub) = match bounds {
        Some(b) => {
            let b = b.broadcast(n)?;
            (b.lb.clone(), b.ub.clone())
        }
        None => (Array1::from_elem(n, f64::NEG_INFINITY), Array1::from_elem(n, f64::INFINITY)),
    };
    let mut x = Array1::from_shape_fn(n, |i| x0[i].max(lb[i]).min(ub[i]));
    let (mut eq, mut ineq): (Vec<OldCon<'_>>, Vec<OldCon<'_>>) = (Vec::new(), Vec::new());
    for c in constraints {
        let (e, i) = match c {
            Constraint::Dict(d) => {
                let con = OldCon {
                    fun: Box::new(d.fun) as VecFun<'_>,
                    jac: d.jac.map(|j| Box::new(j) as MatFun<'_>),
                };
                if d.kind == ConstraintType::Eq { (Some(con), None) } else { (None, Some(con)) }
            }
            Constraint::Nonlinear(nc) => {
                let jac = match nc.jac {
                    ConstraintJac::Fn(j) => Some(Box::new(j) as MatFun<'_>),
                    ConstraintJac::FiniteDiff(_) => None,
                };
                new_to_old(Box::new(nc.fun), jac, &nc.lb, &nc.ub, &x)?
            }
            Constraint::Linear(lc) => {
                if lc.a.ncols() != n {
                    return Err(OptimizeError::WrongLength {
                        arg: "LinearConstraint.A columns",
                        expected: n,
                        found: lc.a.ncols(),
                    });
                }
                let a = &lc.a;
                new_to_old(
                    Box::new(move |x| a.dot(x)),
                    Some(Box::new(move |_| a.clone())),
                    &lc.lb,
                    &lc.ub,
                    &x,
                )?
            }
        };
        eq.extend(e);
        ineq.extend(i);
    }
    let count = |cs: &[OldCon<'_>]| -> Result<usize> {
        let mut k = 0;
        for c in cs {
            let v = (c.fun)(&x);
            if let Some(bad) = v.iter().find(|v| !v.is_finite()) {
                return Err(OptimizeError::NonFiniteInitial { what: "constraint function", value: *bad });
            }
            if let Some(j) = &c.jac {
                let jm = j(&x);
                if jm.dim() != (v.len(), n) {
                    return Err(invalid(
                        "constraint jac",
                        format!("expected shape ({}, {n}), got {:?}", v.len(), jm.shape()),
                    ));
                }
            }
            k += v.len();
        }
        Ok(k)
    };
    let meq = count(&eq)?;
    let m = meq + count(&ineq)?;
    // SciPy: constraint Jacobians by forward differences with the absolute step `eps`, or by
    // the objective's scheme ('2-point', '3-point') with the relative step.
    let (abs, method) = match jac {
        Jac::FiniteDiff(m) => (None, m),
        _ => (Some(eps), FiniteDiff::TwoPoint),
    };
    let cons = Cons { eq, ineq, m, n, eps: abs, method, lb: lb.clone(), ub: ub.clone() };
    let xl: Vec<f64> = lb.iter().map(|&v| if v.is_finite() { v } else { f64::NAN }).collect();
    let xu: Vec<f64> = ub.iter().map(|&v| if v.is_finite() { v } else { f64::NAN }).collect();

    let mut problem = Problem::new(fun, jac, None).with_bounds(lb, ub).with_abs_step(eps);
    let mut fx = problem.fun(&x);
    if !fx.is_finite() {
        return Err(OptimizeError::NonFiniteInitial { what: "objective function", value: fx });
    }
    let mut g = problem.grad(&x).to_vec();
    if g.len() != n {
        return Err(OptimizeError::WrongLength { arg: "jac(x0)", expected: n, found: g.len() });
    }
    let mut cm = cons.normals(&x);
    let mut d = cons.values(&x);
    let lda = m.max(1);

    let acc = ftol.abs();
    let tol = 10.0 * acc;
    let n1 = n + 1;
    let n2 = n1 * n / 2;
    let mut iter = 0usize;
    let mut iter_prev = 0usize;
    let mut reset = 0;
    let mut s = vec![0.0; n1];
    let mut mu = vec![0.0; m];
    let mut bfgs = vec![0.0; n2];
    let mut u = vec![0.0; n1];
    let mut v = vec![0.0; n1];
    let mut mult = vec![0.0; m + 2 * n + 2];
    let mut x0v = vec![0.0; n];
    let mut f0 = 0.0;
    let mut badlin = false;
    let viol = |d: &[f64]| -> f64 { (0..m).map(|j| (-d[j]).max(if j < meq { d[j] } else { 0.0 })).sum() };
    let merit = |d: &[f64], mu: &[f64]| -> f64 {
        (0..m).map(|j| mu[j] * (-d[j]).max(if j < meq { d[j] } else { 0.0 })).sum()
    };
    let snorm = |s: &[f64]| s[..n].iter().map(|v| v * v).sum::<f64>().sqrt();
    let mode: i32 = 'run: loop {
        // RESET_BFGS.
        reset += 1;
        if reset > 5 {
            let h3 = viol(&d);
            let conv = ((fx - f0).abs() < tol || snorm(&s) < tol) && h3 < tol && !badlin && !fx.is_nan();
            break 'run if conv { 0 } else { 8 };
        }
        bfgs.iter_mut().for_each(|b| *b = 0.0);
        let mut j = 0;
        for i in 0..n {
            bfgs[j] = 1.0;
            j += n - i;
        }
        loop {
            // ITER_START.
            if iter >= maxiter {
                break 'run 9;
            }
            iter += 1;
            for i in 0..n {
                u[i] = xl[i] - x[i];
                v[i] = xu[i] - x[i];
            }
            let mut h4 = 1.0;
            let (sn, y, mut mode) = lsq(m, meq, n, None, &bfgs, &g, &cm, &d, &u, &v);
            s[..n].copy_from_slice(&sn[..n]);
            mult[..y.len()].copy_from_slice(&y);
            badlin = false;
            if mode == 6 && n == meq {
                mode = 4;
            }
            if mode == 4 {
                badlin = true;
                s.iter_mut().for_each(|v| *v = 0.0);
                let mut rho = 100.0;
                let mut inconsistent = 0;
                loop {
                    let (sn, y, md) = lsq(m, meq, n, Some(rho), &bfgs, &g, &cm, &d, &u, &v);
                    s.copy_from_slice(&sn[..n1]);
                    let k = y.len().min(mult.len());
                    mult[..k].copy_from_slice(&y[..k]);
                    mode = md;
                    h4 = 1.0 - s[n];
                    if mode == 4 {
                        rho *= 10.0;
                        inconsistent += 1;
                        if inconsistent > 5 {
                            break 'run 4;
                        }
                        continue;
                    } else if mode != 1 {
                        break 'run mode;
                    }
                    break;
                }
            } else if mode != 1 {
                break 'run mode;
            }
            // v = g - C^T mult (L1-test multipliers).
            for i in 0..n {
                v[i] = g[i] - (0..m).map(|j| cm[j + i * lda] * mult[j]).sum::<f64>();
            }
            f0 = fx;
            x0v.copy_from_slice(x.as_slice().expect("contiguous"));
            let gs: f64 = (0..n).map(|i| g[i] * s[i]).sum();
            let mut h1 = gs.abs();
            let mut h2 = 0.0;
            for j in 0..m {
                let h3 = if j < meq { d[j] } else { 0.0 };
                h2 += (-d[j]).max(h3);
                let am = mult[j].abs();
                mu[j] = am.max((mu[j] + am) / 2.0);
                h1 += am * d[j].abs();
            }
            if h1 < acc && h2 < acc && !badlin && !fx.is_nan() {
                break 'run 0;
            }
            let h1 = merit(&d, &mu);
            let t0 = fx + h1;
            let mut h3 = gs - h1 * h4;
            if h3 >= 0.0 {
                continue 'run;
            }
            // Line search on the L1 merit function.
            let mut line = 0;
            let mut alpha = 1.0;
            loop {
                line += 1;
                h3 *= alpha;
                for i in 0..n {
                    s[i] *= alpha;
                    x[i] = x0v[i] + s[i];
                }
                fx = problem.fun(&x);
                d = cons.values(&x);
                // SciPy calls back when it sees a new major iteration after an evaluation.
                if iter > iter_prev {
                    iter_prev = iter;
                    if halt(callback, &x, fx) {
                        break 'run 99;
                    }
                }
                let t = fx + merit(&d, &mu);
                let h1 = t - t0;
                if h1 > h3 / 10.0 && line <= 10 {
                    alpha = (h3 / (2.0 * (h3 - h1))).max(0.1);
                    continue;
                }
                break;
            }
            let h3 = viol(&d);
            if ((fx - f0).abs() < acc || snorm(&s) < acc) && h3 < acc && !badlin && !fx.is_nan() {
                break 'run 0;
            }
            g = problem.grad(&x).to_vec();
            cm = cons.normals(&x);
            // BFGS update of the LDL' factors.
            for i in 0..n {
                u[i] = g[i] - (0..m).map(|j| cm[j + i * lda] * mult[j]).sum::<f64>() - v[i];
            }
            v[..n].copy_from_slice(&s[..n]);
            // v = L^T v (unit lower packed, transposed).
            let mut kk = 0;
            let mut col_start = vec![0usize; n];
            for (i, cs) in col_start.iter_mut().enumerate() {
                *cs = kk;
                kk += n - i;
            }
            for i in 0..n {
                let mut t = v[i];
                for r in i + 1..n {
                    t += bfgs[col_start[i] + (r - i)] * v[r];
                }
                v[i] = t;
            }
            for i in 0..n {
                v[i] *= bfgs[col_start[i]];
            }
            // v = L v.
            for i in (0..n).rev() {
                let mut t = v[i];
                for c in 0..i {
                    t += bfgs[col_start[c] + (i - c)] * v[c];
                }
                v[i] = t;
            }
            let mut h1 = (0..n).map(|i| s[i] * u[i]).sum::<f64>();
            let h2 = (0..n).map(|i| s[i] * v[i]).sum::<f64>();
            let h3 = 0.2 * h2;
            if h1 < h3 {
                let h4 = (h2 - h3) / (h2 - h1);
                h1 = h3;
                for i in 0..n {
                    u[i] = h4 * u[i] + (1.0 - h4) * v[i];
                }
            }
            if h1 == 0.0 || h2 == 0.0 {
                continue 'run;
            }
            let mut w = vec![0.0; n];
            ldl_update(n, &mut bfgs, &mut u, 1.0 / h1, &mut w);
            ldl_update(n, &mut bfgs, &mut v, -1.0 / h2, &mut w);
        }
    };
    let mode = if mode != 99 && iter > iter_prev && halt(callback, &x, fx) { 99 } else { mode };
    Ok(SlsqpResult {
        x,
        fun: fx,
        jac: Array1::from(g),
        nit: iter,
        nfev: problem.nfev,
        njev: problem.njev,
        status: mode,
        success: mode == 0,
        message: if mode == 99 { CALLBACK_STOP } else { message(mode) }.to_string(),
        multipliers: Array1::from(mult[..m].to_vec()),
    })
}
