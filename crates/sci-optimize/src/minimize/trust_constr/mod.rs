//! `minimize(method='trust-constr')`: SciPy's `_minimize_trustregion_constr`, the
//! Byrd-Omojokun trust-region SQP for equality constraints and the trust-region interior-point
//! (barrier) method when there are inequalities or bounds.

mod functions;
mod hess_update;
mod projections;
mod qp;
mod sqp;

use self::functions::{ConstraintFd, NonlinearFn, Prepared, ScalarFn, VecFn};
use self::qp::CgInfo;
use self::sqp::{SqpProblem, equality_constrained_sqp};
use super::bounds::Bounds;
use super::callback::{Callback, halt};
use super::constraints::{
    Constraint, ConstraintJac, ConstraintType, HessianUpdateStrategy, NonlinearConstraint, broadcast_bounds,
    broadcast_keep_feasible,
};
use crate::error::{OptimizeError, Result, invalid};
use crate::problem::Jac;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, concatenate, s};
use std::fmt;

/// SciPy's `TERMINATION_MESSAGES` of trust-constr.
const MESSAGES: [&str; 5] = [
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` raised `StopIteration`.",
    "Constraint violation exceeds 'gtol'",
];

/// The options of [`minimize_trust_constr`]: SciPy's keyword arguments of
/// `minimize(method='trust-constr')` and its `options` dict, with SciPy's defaults.
#[derive(Clone)]
pub struct TrustConstrOptions<'a> {
    /// `jac=`: the gradient, or finite differences (`Jac::Default` is `'2-point'`).
    pub jac: Jac<'a>,
    /// `hess=` as a function returning the `(n, n)` Hessian (takes precedence over
    /// `hess_update`).
    pub hess: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    /// `hessp=`: the Hessian times a vector, `hessp(x, p)` (used when `hess` is not given).
    pub hessp: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>>,
    /// `hess=BFGS()` / `SR1()` (default `BFGS()` when neither `hess` nor `hessp` is given).
    pub hess_update: Option<HessianUpdateStrategy>,
    /// `bounds=`.
    pub bounds: Option<Bounds>,
    /// `constraints=`: nonlinear, linear or old-style dictionaries (converted as SciPy does:
    /// `eq` to `0 <= fun <= 0`, `ineq` to `0 <= fun <= inf`).
    pub constraints: Vec<Constraint<'a>>,
    /// `gtol` (default 1e-8): stop when the Lagrangian gradient and the constraint violation
    /// are both below it.
    pub gtol: f64,
    /// `xtol` (default 1e-8): stop when the trust radius is below it.
    pub xtol: f64,
    /// `barrier_tol` (default 1e-8): with inequalities, `xtol` stops only once the barrier
    /// parameter is below it.
    pub barrier_tol: f64,
    /// `maxiter` (default 1000).
    pub maxiter: usize,
    /// `initial_tr_radius` (default 1).
    pub initial_tr_radius: f64,
    /// `initial_constr_penalty` (default 1).
    pub initial_constr_penalty: f64,
    /// `initial_barrier_parameter` (default 0.1).
    pub initial_barrier_parameter: f64,
    /// `initial_barrier_tolerance` (default 0.1).
    pub initial_barrier_tolerance: f64,
    /// `callback`: called once per iteration with the current `x` and `fun` (SciPy passes its
    /// whole state); `ControlFlow::Break(())` stops the run with status 3.
    pub callback: Option<Callback<'a>>,
}

impl Default for TrustConstrOptions<'_> {
    fn default() -> Self {
        TrustConstrOptions {
            jac: Jac::Default,
            hess: None,
            hessp: None,
            hess_update: None,
            bounds: None,
            constraints: Vec::new(),
            gtol: 1e-8,
            xtol: 1e-8,
            barrier_tol: 1e-8,
            maxiter: 1000,
            initial_tr_radius: 1.0,
            initial_constr_penalty: 1.0,
            initial_barrier_parameter: 0.1,
            initial_barrier_tolerance: 0.1,
            callback: None,
        }
    }
}

impl fmt::Debug for TrustConstrOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TrustConstrOptions")
            .field("jac", &self.jac)
            .field("hess_update", &self.hess_update)
            .field("bounds", &self.bounds)
            .field("constraints", &self.constraints)
            .field("gtol", &self.gtol)
            .field("xtol", &self.xtol)
            .field("maxiter", &self.maxiter)
            .finish_non_exhaustive()
    }
}

/// Which algorithm trust-constr used (SciPy's `method` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustConstrMethod {
    /// `'equality_constrained_sqp'`: no inequalities or bounds.
    EqualityConstrainedSqp,
    /// `'tr_interior_point'`.
    TrInteriorPoint,
}

/// The result of [`minimize_trust_constr`] (SciPy's `OptimizeResult` of trust-constr). Values
/// per constraint are in the order of `constraints`, with the bounds last.
#[derive(Debug, Clone, PartialEq)]
pub struct TrustConstrResult {
    /// The solution.
    pub x: Array1<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The objective's gradient at `x`.
    pub grad: Array1<f64>,
    /// The Lagrangian's gradient at `x`.
    pub lagrangian_grad: Array1<f64>,
    /// Infinity norm of `lagrangian_grad`.
    pub optimality: f64,
    /// Largest constraint violation.
    pub constr_violation: f64,
    /// The constraint values.
    pub constr: Vec<Array1<f64>>,
    /// The constraint Jacobians.
    pub jac: Vec<Array2<f64>>,
    /// The Lagrange multipliers (positive: upper bound active, negative: lower bound active).
    pub v: Vec<Array1<f64>>,
    /// Iterations.
    pub nit: usize,
    /// Objective evaluations (including finite differences).
    pub nfev: usize,
    /// Gradient evaluations.
    pub njev: usize,
    /// Hessian evaluations.
    pub nhev: usize,
    /// Constraint evaluations, per constraint.
    pub constr_nfev: Vec<usize>,
    /// Constraint Jacobian evaluations, per constraint.
    pub constr_njev: Vec<usize>,
    /// Constraint Hessian evaluations, per constraint.
    pub constr_nhev: Vec<usize>,
    /// Total conjugate-gradient iterations.
    pub cg_niter: usize,
    /// Why the last CG run stopped (0 not run, 1 iteration limit, 2 trust-region boundary,
    /// 3 negative curvature, 4 tolerance).
    pub cg_stop_cond: i32,
    /// The last trust radius.
    pub tr_radius: f64,
    /// The last penalty parameter.
    pub constr_penalty: f64,
    /// The last barrier parameter (interior point only, else `NaN`).
    pub barrier_parameter: f64,
    /// The last barrier tolerance (interior point only, else `NaN`).
    pub barrier_tolerance: f64,
    /// The algorithm used.
    pub method: TrustConstrMethod,
    /// 0: iteration limit, 1: `gtol`, 2: `xtol`, 4: constraint violation exceeds `gtol`.
    pub status: i32,
    /// `status` is 1 or 2.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// SciPy's `state` of trust-constr, updated at each stopping test.
struct State {
    nit: usize,
    x: Array1<f64>,
    fun: f64,
    grad: Array1<f64>,
    lagrangian_grad: Array1<f64>,
    optimality: f64,
    constr_violation: f64,
    constr: Vec<Array1<f64>>,
    jac: Vec<Array2<f64>>,
    v: Vec<Array1<f64>>,
    cg_niter: usize,
    cg_stop_cond: i32,
    tr_radius: f64,
    constr_penalty: f64,
    barrier_parameter: f64,
    barrier_tolerance: f64,
}

/// The objective with its constraints in canonical form (`c_eq = 0`, `c_ineq <= 0`).
struct Outer<'a> {
    obj: ScalarFn<'a>,
    cons: Vec<Prepared<'a>>,
    n_eq: usize,
    n_ineq: usize,
    state: State,
    gtol: f64,
    xtol: f64,
    barrier_tol: f64,
    maxiter: usize,
    status: i32,
    callback: Option<Callback<'a>>,
}

impl Outer<'_> {
    fn canon_fun(&mut self, x: &Array1<f64>) -> (Array1<f64>, Array1<f64>) {
        let (mut ce, mut ci) = (Vec::new(), Vec::new());
        for c in &mut self.cons {
            let f = c.fun.fun(x);
            c.canonical(&f, &mut ce, &mut ci);
        }
        (Array1::from(ce), Array1::from(ci))
    }

    fn canon_jac(&mut self, x: &Array1<f64>) -> (Array2<f64>, Array2<f64>) {
        let n = x.len();
        let (mut je, mut ji) = (Vec::new(), Vec::new());
        for c in &mut self.cons {
            let j = c.fun.jac(x);
            c.canonical_jac(&j, &mut je, &mut ji);
        }
        (stack_rows(&je, n), stack_rows(&ji, n))
    }

    /// The Lagrangian Hessian brought to `(x, v_eq, v_ineq)`.
    fn lagr_hess(&mut self, x: &Array1<f64>, v_eq: &[f64], v_ineq: &[f64]) {
        self.obj.hess(x);
        let (mut ie, mut ii) = (0, 0);
        for c in &mut self.cons {
            let (ne, ni) = (c.n_eq(), c.n_ineq());
            let v = c.multipliers(&v_eq[ie..ie + ne], &v_ineq[ii..ii + ni]);
            c.fun.hess(x, v);
            ie += ne;
            ii += ni;
        }
    }

    fn lagr_dot(&self, p: &Array1<f64>) -> Array1<f64> {
        let mut hc = Array1::zeros(p.len());
        for c in &self.cons {
            c.fun.hess_dot_add(p, &mut hc);
        }
        self.obj.hess_dot(p) + hc
    }

    /// `update_state_sqp` followed by SciPy's tests; true when the method stops.
    fn global_stop(
        &mut self,
        x: &Array1<f64>,
        last_iteration_failed: bool,
        tr_radius: f64,
        penalty: f64,
        cg_info: CgInfo,
        barrier: Option<(f64, f64)>,
    ) -> bool {
        let st = &mut self.state;
        st.nit += 1;
        if !last_iteration_failed {
            st.x = x.clone();
            st.fun = self.obj.f;
            st.grad = self.obj.g.clone();
            let memo: Vec<_> = self.cons.iter().map(|c| c.fun.memo()).collect();
            let mut lg = st.grad.clone();
            let mut viol = 0.0f64;
            for (c, (f, j, v)) in self.cons.iter().zip(&memo) {
                lg = lg + j.t().dot(v);
                for i in 0..f.len() {
                    viol = viol.max(c.lb[i] - f[i]).max(f[i] - c.ub[i]);
                }
            }
            st.optimality = lg.iter().fold(0.0f64, |a, v| a.max(v.abs()));
            st.lagrangian_grad = lg;
            st.constr_violation = viol;
            st.constr = memo.iter().map(|m| m.0.clone()).collect();
            st.jac = memo.iter().map(|m| m.1.clone()).collect();
            st.v = memo.into_iter().map(|m| m.2).collect();
        }
        st.tr_radius = tr_radius;
        st.constr_penalty = penalty;
        st.cg_niter += cg_info.niter;
        st.cg_stop_cond = cg_info.stop_cond;
        if let Some((mu, tol)) = barrier {
            st.barrier_parameter = mu;
            st.barrier_tolerance = tol;
        }
        if halt(self.callback, &st.x, st.fun) {
            self.status = 3;
            return true;
        }
        let x_stop = st.tr_radius < self.xtol && barrier.is_none_or(|(mu, _)| mu < self.barrier_tol);
        self.status = if st.optimality < self.gtol && st.constr_violation < self.gtol {
            1
        } else if x_stop {
            2
        } else if st.nit >= self.maxiter {
            0
        } else {
            -1
        };
        self.status >= 0
    }
}

impl SqpProblem for Outer<'_> {
    fn fun_and_constr(&mut self, x: &mut Array1<f64>) -> (f64, Array1<f64>) {
        let f = self.obj.fun(x);
        (f, self.canon_fun(x).0)
    }

    fn grad_and_jac(&mut self, x: &Array1<f64>) -> (Array1<f64>, Array2<f64>) {
        let g = self.obj.grad(x);
        (g, self.canon_jac(x).0)
    }

    fn lagr_hess(&mut self, x: &Array1<f64>, v: &Array1<f64>) {
        Outer::lagr_hess(self, x, v.as_slice().expect("contiguous"), &[]);
    }

    fn hess_dot(&self, p: &Array1<f64>) -> Array1<f64> {
        self.lagr_dot(p)
    }

    fn scaling(&self, _x: &Array1<f64>) -> Option<Array1<f64>> {
        None
    }

    fn stop(
        &mut self,
        x: &Array1<f64>,
        failed: bool,
        _o: f64,
        _c: f64,
        tr: f64,
        penalty: f64,
        cg: CgInfo,
    ) -> bool {
        self.global_stop(x, failed, tr, penalty, cg, None)
    }
}

/// SciPy's `BarrierSubproblem`: `min f(x) - mu sum(log s)` subject to `c_eq(x) = 0`,
/// `c_ineq(x) + s = 0`, in the variables `z = [x, s]` scaled by `diag(1, s)`.
struct Barrier<'o, 'a> {
    outer: &'o mut Outer<'a>,
    n: usize,
    mu: f64,
    tolerance: f64,
    s_hs_s: Array1<f64>,
    terminate: bool,
    /// `keep_feasible` of each inequality row (SciPy's `enforce_feasibility`).
    enforce: Vec<bool>,
    /// SciPy's strict bounds (`keep_feasible` bounds): outside them nothing is evaluated.
    strict: Option<(Array1<f64>, Array1<f64>)>,
}

impl Barrier<'_, '_> {
    /// The barrier function; the slacks of `keep_feasible` rows are first set to `-c_ineq`
    /// (Nocedal & Wright p. 576), in place as SciPy does.
    fn barrier_fun(&self, f: f64, c_ineq: &Array1<f64>, s: &mut ndarray::ArrayViewMut1<'_, f64>) -> f64 {
        for (k, &e) in self.enforce.iter().enumerate() {
            if e {
                s[k] = -c_ineq[k];
            }
        }
        let log_s: f64 = s.iter().map(|&v| if v > 0.0 { v.ln() } else { f64::NEG_INFINITY }).sum();
        f - self.mu * log_s
    }

    fn grad(&self, g: &Array1<f64>) -> Array1<f64> {
        concatenate![ndarray::Axis(0), g.view(), Array1::from_elem(self.outer.n_ineq, -self.mu).view()]
    }

    fn jac(&self, je: &Array2<f64>, ji: &Array2<f64>, s: &Array1<f64>) -> Array2<f64> {
        let (ne, ni, n) = (self.outer.n_eq, self.outer.n_ineq, self.n);
        let mut j = Array2::zeros((ne + ni, n + ni));
        j.slice_mut(s![..ne, ..n]).assign(je);
        j.slice_mut(s![ne.., ..n]).assign(ji);
        for i in 0..ni {
            j[[ne + i, n + i]] = s[i];
        }
        j
    }

    fn constr(&self, ce: &Array1<f64>, ci: &Array1<f64>, s: &Array1<f64>) -> Array1<f64> {
        concatenate![ndarray::Axis(0), ce.view(), (ci + s).view()]
    }
}

impl SqpProblem for Barrier<'_, '_> {
    fn fun_and_constr(&mut self, z: &mut Array1<f64>) -> (f64, Array1<f64>) {
        let x = z.slice(s![..self.n]).to_owned();
        let outside =
            self.strict.as_ref().is_some_and(|(l, u)| (0..self.n).any(|i| x[i] < l[i] || x[i] > u[i]));
        let (f, ce, ci) = if outside {
            (f64::INFINITY, Array1::zeros(self.outer.n_eq), Array1::zeros(self.outer.n_ineq))
        } else {
            let f = self.outer.obj.fun(&x);
            let (ce, ci) = self.outer.canon_fun(&x);
            (f, ce, ci)
        };
        let mut sl = z.slice_mut(s![self.n..]);
        let fb = self.barrier_fun(f, &ci, &mut sl);
        let sl = sl.to_owned();
        (fb, self.constr(&ce, &ci, &sl))
    }

    fn grad_and_jac(&mut self, z: &Array1<f64>) -> (Array1<f64>, Array2<f64>) {
        let x = z.slice(s![..self.n]).to_owned();
        let sl = z.slice(s![self.n..]).to_owned();
        let g = self.outer.obj.grad(&x);
        let (je, ji) = self.outer.canon_jac(&x);
        (self.grad(&g), self.jac(&je, &ji, &sl))
    }

    fn lagr_hess(&mut self, z: &Array1<f64>, v: &Array1<f64>) {
        let (n, ne, ni) = (self.n, self.outer.n_eq, self.outer.n_ineq);
        let x = z.slice(s![..n]).to_owned();
        let v_eq: Vec<f64> = v.slice(s![..ne]).to_vec();
        let v_ineq: Vec<f64> = v.slice(s![ne..ne + ni]).to_vec();
        self.outer.lagr_hess(&x, &v_eq, &v_ineq);
        let sl = z.slice(s![n..]);
        let vt = v.slice(s![v.len() - ni..]);
        self.s_hs_s = Array1::from_shape_fn(ni, |i| if vt[i] > 0.0 { vt[i] * sl[i] } else { self.mu });
    }

    fn hess_dot(&self, p: &Array1<f64>) -> Array1<f64> {
        let px = p.slice(s![..self.n]).to_owned();
        let hx = self.outer.lagr_dot(&px);
        let hs = &self.s_hs_s * &p.slice(s![self.n..]);
        concatenate![ndarray::Axis(0), hx.view(), hs.view()]
    }

    fn scaling(&self, z: &Array1<f64>) -> Option<Array1<f64>> {
        let mut d = z.clone();
        d.slice_mut(s![..self.n]).fill(1.0);
        Some(d)
    }

    fn stop(
        &mut self,
        z: &Array1<f64>,
        failed: bool,
        opt: f64,
        cv: f64,
        tr: f64,
        penalty: f64,
        cg: CgInfo,
    ) -> bool {
        let x = z.slice(s![..self.n]).to_owned();
        if self.outer.global_stop(&x, failed, tr, penalty, cg, Some((self.mu, self.tolerance))) {
            self.terminate = true;
            return true;
        }
        (opt < self.tolerance && cv < self.tolerance) || tr < self.outer.xtol
    }
}

/// The trust-constr constraint list, with old-style dictionaries converted.
fn nonlinear_from_dict<'a>(c: &super::constraints::ConstraintDict<'a>) -> NonlinearConstraint<'a> {
    let ub = if c.kind == ConstraintType::Eq { 0.0 } else { f64::INFINITY };
    let mut nc = NonlinearConstraint::new(c.fun, Array1::from_elem(1, 0.0), Array1::from_elem(1, ub));
    if let Some(j) = c.jac {
        nc.jac = ConstraintJac::Fn(j);
    }
    nc
}

type FdBounds = Option<(Array1<f64>, Array1<f64>)>;

fn prepare<'a>(c: &Constraint<'a>, x0: &Array1<f64>, fd: &FdBounds) -> Result<Prepared<'a>> {
    let n = x0.len();
    match c {
        Constraint::Nonlinear(nc) => prepare_nonlinear(nc, x0, fd),
        Constraint::Dict(d) => prepare_nonlinear(&nonlinear_from_dict(d), x0, fd),
        Constraint::Linear(lc) => {
            if lc.a.ncols() != n {
                return Err(OptimizeError::WrongLength {
                    arg: "LinearConstraint.A columns",
                    expected: n,
                    found: lc.a.ncols(),
                });
            }
            let (lb, ub) = broadcast_bounds(&lc.lb, &lc.ub, lc.a.nrows())?;
            let keep = broadcast_keep_feasible(&lc.keep_feasible, lc.a.nrows())?;
            Prepared::new(VecFn::linear(Some(lc.a.clone()), x0), lb, ub, keep)
        }
    }
}

fn prepare_nonlinear<'a>(
    nc: &NonlinearConstraint<'a>,
    x0: &Array1<f64>,
    fd: &FdBounds,
) -> Result<Prepared<'a>> {
    let n = x0.len();
    let f = (nc.fun)(x0);
    let m = f.len();
    if m == 0 {
        return Err(OptimizeError::WrongLength { arg: "constraint fun(x0)", expected: 1, found: 0 });
    }
    if let Some(v) = f.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "constraint function", value: *v });
    }
    if let ConstraintJac::Fn(j) = nc.jac {
        let jm = j(x0);
        if jm.dim() != (m, n) {
            return Err(invalid(
                "constraint jac",
                format!("expected shape ({m}, {n}), got {:?}", jm.shape()),
            ));
        }
    }
    let (lb, ub) = broadcast_bounds(&nc.lb, &nc.ub, m)?;
    let keep = broadcast_keep_feasible(&nc.keep_feasible, m)?;
    let cfd = ConstraintFd::of(nc, m, n)?;
    let fun = NonlinearFn::new(nc.fun, nc.jac, nc.hess, x0, fd.clone(), cfd);
    Prepared::new(VecFn::Nonlinear(Box::new(fun)), lb, ub, keep)
}

/// Minimizes `fun` subject to bounds and nonlinear/linear constraints by SciPy's trust-constr
/// algorithm, returning every field of SciPy's result.
///
/// SciPy equivalent: `scipy.optimize.minimize(method='trust-constr')`.
///
/// Without inequalities (and without bounds) the method is the Byrd-Omojokun trust-region SQP
/// (`equality_constrained_sqp`); otherwise the trust-region interior-point method
/// (`tr_interior_point`), with bounds moved one ulp outwards and handled as inequality
/// constraints, as SciPy does. Derivatives, quasi-Newton updates and the memoization of the
/// objective and constraint functions follow SciPy's, so iterates, `nit`, `nfev` and `njev`
/// follow SciPy's; the projections use a pivoted QR of the Jacobian (SciPy's
/// `QRFactorization`, also where SciPy picks its sparse `AugmentedSystem` for bounds only) and a
/// Jacobi SVD when it is rank deficient. `callback` is called once per iteration (status 3
/// when it stops the run). `keep_feasible` and sparse Jacobians are missing.
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`] for an empty `x0`, bounds or constraint bounds of the wrong
///   length, a gradient of the wrong length, or a linear constraint matrix with the wrong number
///   of columns.
/// * [`OptimizeError::InvalidBounds`] when a lower bound exceeds its upper bound.
/// * [`OptimizeError::InvalidValue`] for a Hessian or constraint Jacobian of the wrong shape, more
///   equality constraints than variables, or a negative tolerance.
/// * [`OptimizeError::NonFiniteInitial`] when the objective or a constraint is not finite at
///   `x0`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_trust_constr, Bounds, NonlinearConstraint, TrustConstrOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // -|x0 - x1 - 1| / 2 on the unit circle inside [-1, 1]^2 (SciPy's tutorial).
/// let f = |x: &Array1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
/// let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1]];
/// let opts = TrustConstrOptions {
///     constraints: vec![NonlinearConstraint::new(&circle, array![1.0], array![1.0]).into()],
///     bounds: Some(Bounds::new(array![-1.0, -1.0], array![1.0, 1.0])),
///     ..Default::default()
/// };
/// let r = minimize_trust_constr(f, &array![0.0, 1.0], &opts)?;
/// assert!((r.fun + 1.2071067811865415).abs() < 1e-6); // SciPy: -(1 + sqrt 2) / 2
/// assert!((r.x[0] + 0.7071067811865476).abs() < 1e-6 && (r.x[1] - 0.7071067811865476).abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_trust_constr<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &TrustConstrOptions<'_>,
) -> Result<TrustConstrResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let o = options;
    let x0 = x0.to_owned();
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    for (arg, v) in [
        ("gtol", o.gtol),
        ("xtol", o.xtol),
        ("barrier_tol", o.barrier_tol),
        ("initial_tr_radius", o.initial_tr_radius),
        ("initial_constr_penalty", o.initial_constr_penalty),
        ("initial_barrier_parameter", o.initial_barrier_parameter),
        ("initial_barrier_tolerance", o.initial_barrier_tolerance),
    ] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(arg, format!("must be non-negative, got {v}")));
        }
    }
    let bounds = o.bounds.as_ref().map(|b| b.broadcast(n)).transpose()?;
    if let Some(v) = x0.iter().find(|v| !v.is_finite()) {
        return Err(invalid("x0", format!("must be finite, got {v}")));
    }
    // SciPy moves finite bounds one ulp outwards; `keep_feasible` bounds are strict: finite
    // differences stay inside them and the barrier problem evaluates nothing outside them.
    let moved = bounds.as_deref().map(|b| {
        let lb = b.lb.mapv(|v| if v.is_finite() { next_down(v) } else { v });
        let ub = b.ub.mapv(|v| if v.is_finite() { next_up(v) } else { v });
        let keep: Vec<bool> = (0..n).map(|i| b.keep_feasible_at(i)).collect();
        (lb, ub, keep)
    });
    let strict: FdBounds = moved.as_ref().filter(|m| m.2.iter().any(|&k| k)).map(|(lb, ub, keep)| {
        let l = Array1::from_shape_fn(n, |i| if keep[i] { lb[i] } else { f64::NEG_INFINITY });
        let u = Array1::from_shape_fn(n, |i| if keep[i] { ub[i] } else { f64::INFINITY });
        (l, u)
    });
    let mut cons = o.constraints.iter().map(|c| prepare(c, &x0, &strict)).collect::<Result<Vec<_>>>()?;
    if let Some((lb, ub, keep)) = moved {
        cons.push(Prepared::new(VecFn::linear(None, &x0), lb, ub, keep)?);
    }
    let update = o.hess_update.unwrap_or_default();
    let fref: &mut dyn FnMut(&Array1<f64>) -> f64 = &mut fun;
    let hessp = if o.hess_update.is_some() { None } else { o.hessp };
    let obj = ScalarFn::new(fref, &x0, o.jac, o.hess, hessp, update, strict.clone());
    if !obj.f.is_finite() {
        return Err(OptimizeError::NonFiniteInitial { what: "objective function", value: obj.f });
    }
    if obj.g.len() != n {
        return Err(OptimizeError::WrongLength { arg: "jac(x0)", expected: n, found: obj.g.len() });
    }
    if let self::functions::ObjHess::Fn(_, h) = &obj.hess {
        if h.dim() != (n, n) {
            return Err(invalid("hess", format!("expected shape ({n}, {n}), got {:?}", h.shape())));
        }
    }
    let n_eq: usize = cons.iter().map(|c| c.n_eq()).sum();
    let n_ineq: usize = cons.iter().map(|c| c.n_ineq()).sum();
    let state = State {
        nit: 0,
        x: x0.clone(),
        fun: obj.f,
        grad: obj.g.clone(),
        lagrangian_grad: obj.g.clone(),
        optimality: f64::NAN,
        constr_violation: f64::NAN,
        constr: Vec::new(),
        jac: Vec::new(),
        v: Vec::new(),
        cg_niter: 0,
        cg_stop_cond: 0,
        tr_radius: o.initial_tr_radius,
        constr_penalty: o.initial_constr_penalty,
        barrier_parameter: f64::NAN,
        barrier_tolerance: f64::NAN,
    };
    let mut outer = Outer {
        obj,
        cons,
        n_eq,
        n_ineq,
        state,
        gtol: o.gtol,
        xtol: o.xtol,
        barrier_tol: o.barrier_tol,
        maxiter: o.maxiter,
        status: -1,
        callback: o.callback,
    };
    // Initial canonical values from the memoized constraint values (no extra evaluation).
    let (mut ce, mut ci, mut je, mut ji) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for c in &outer.cons {
        let (f, j, _) = c.fun.memo();
        c.canonical(&f, &mut ce, &mut ci);
        c.canonical_jac(&j, &mut je, &mut ji);
    }
    let (c_eq0, c_ineq0, j_eq0, j_ineq0) =
        (Array1::from(ce), Array1::from(ci), stack_rows(&je, n), stack_rows(&ji, n));
    let (f0, g0) = (outer.obj.f, outer.obj.g.clone());
    let method;
    if n_ineq == 0 {
        method = TrustConstrMethod::EqualityConstrainedSqp;
        let inf = Array1::from_elem(n, f64::INFINITY);
        equality_constrained_sqp(
            &mut outer,
            &x0,
            f0,
            g0,
            c_eq0,
            j_eq0,
            o.initial_constr_penalty,
            o.initial_tr_radius,
            &(-&inf),
            &inf,
        )?;
    } else {
        method = TrustConstrMethod::TrInteriorPoint;
        tr_interior_point(&mut outer, &x0, f0, &g0, &c_ineq0, &j_ineq0, &c_eq0, &j_eq0, o, strict)?;
    }
    let mut status = outer.status;
    if (status == 1 || status == 2) && outer.state.constr_violation > o.gtol {
        status = 4;
    }
    let st = outer.state;
    let counts: Vec<_> = outer.cons.iter().map(|c| c.fun.counts()).collect();
    Ok(TrustConstrResult {
        x: st.x,
        fun: st.fun,
        grad: st.grad,
        lagrangian_grad: st.lagrangian_grad,
        optimality: st.optimality,
        constr_violation: st.constr_violation,
        constr: st.constr,
        jac: st.jac,
        v: st.v,
        nit: st.nit,
        nfev: outer.obj.nfev,
        njev: outer.obj.ngev,
        nhev: outer.obj.nhev,
        constr_nfev: counts.iter().map(|c| c.0).collect(),
        constr_njev: counts.iter().map(|c| c.1).collect(),
        constr_nhev: counts.iter().map(|c| c.2).collect(),
        cg_niter: st.cg_niter,
        cg_stop_cond: st.cg_stop_cond,
        tr_radius: st.tr_radius,
        constr_penalty: st.constr_penalty,
        barrier_parameter: st.barrier_parameter,
        barrier_tolerance: st.barrier_tolerance,
        method,
        status,
        success: status == 1 || status == 2,
        message: MESSAGES[status as usize].to_string(),
    })
}

/// The rows as an `(rows, n)` matrix.
fn stack_rows(rows: &[Array1<f64>], n: usize) -> Array2<f64> {
    let mut m = Array2::zeros((rows.len(), n));
    for (i, r) in rows.iter().enumerate() {
        m.row_mut(i).assign(r);
    }
    m
}

fn next_up(v: f64) -> f64 {
    if v == 0.0 {
        f64::from_bits(1)
    } else if v > 0.0 {
        f64::from_bits(v.to_bits() + 1)
    } else {
        f64::from_bits(v.to_bits() - 1)
    }
}

fn next_down(v: f64) -> f64 {
    -next_up(-v)
}

/// SciPy's `tr_interior_point`: a sequence of barrier problems with decreasing `mu`.
#[allow(clippy::too_many_arguments)]
fn tr_interior_point(
    outer: &mut Outer<'_>,
    x0: &Array1<f64>,
    fun0: f64,
    grad0: &Array1<f64>,
    c_ineq0: &Array1<f64>,
    j_ineq0: &Array2<f64>,
    c_eq0: &Array1<f64>,
    j_eq0: &Array2<f64>,
    o: &TrustConstrOptions<'_>,
    strict: FdBounds,
) -> Result<()> {
    const BOUNDARY_PARAMETER: f64 = 0.995;
    const BARRIER_DECAY_RATIO: f64 = 0.2;
    const TRUST_ENLARGEMENT: f64 = 5.0;
    let n = x0.len();
    let n_ineq = outer.n_ineq;
    let mut mu = o.initial_barrier_parameter;
    let mut tolerance = o.initial_barrier_tolerance;
    let mut trust_radius = o.initial_tr_radius;
    let mut s0 = c_ineq0.mapv(|c| (-1.5 * c).max(1.0));
    let enforce: Vec<bool> = outer.cons.iter().flat_map(|c| c.ineq_keep()).collect();
    let mut sub =
        Barrier { outer, n, mu, tolerance, s_hs_s: Array1::zeros(n_ineq), terminate: false, enforce, strict };
    let mut f_sub = sub.barrier_fun(fun0, c_ineq0, &mut s0.view_mut());
    let mut z = concatenate![ndarray::Axis(0), x0.view(), s0.view()];
    let mut c_sub = sub.constr(c_eq0, c_ineq0, &s0);
    let mut g_sub = sub.grad(grad0);
    let mut j_sub = sub.jac(j_eq0, j_ineq0, &s0);
    let trust_lb = concatenate![
        ndarray::Axis(0),
        Array1::from_elem(n, f64::NEG_INFINITY).view(),
        Array1::from_elem(n_ineq, -BOUNDARY_PARAMETER).view()
    ];
    let trust_ub = Array1::from_elem(n + n_ineq, f64::INFINITY);
    loop {
        let (zn, tr) = equality_constrained_sqp(
            &mut sub,
            &z,
            f_sub,
            g_sub,
            c_sub,
            j_sub,
            o.initial_constr_penalty,
            trust_radius,
            &trust_lb,
            &trust_ub,
        )?;
        z = zn;
        if sub.terminate {
            break;
        }
        trust_radius = o.initial_tr_radius.max(TRUST_ENLARGEMENT * tr);
        mu *= BARRIER_DECAY_RATIO;
        tolerance *= BARRIER_DECAY_RATIO;
        sub.mu = mu;
        sub.tolerance = tolerance;
        (f_sub, c_sub) = sub.fun_and_constr(&mut z);
        (g_sub, j_sub) = sub.grad_and_jac(&z);
    }
    Ok(())
}
