//! SciPy's `ScalarFunction` and `VectorFunction` memoization for `trust-constr`: each keeps the
//! last point with its value, derivative and quasi-Newton state, and moving to a new point
//! updates the quasi-Newton approximation exactly when SciPy's does (so iterates follow SciPy's).

use super::hess_update::QuasiNewton;
use crate::error::{OptimizeError, Result, invalid};
use crate::lsq::CsrMatrix;
use crate::minimize::constraints::{
    ConstraintHess, ConstraintJac, HessianUpdateStrategy, NonlinearConstraint,
};
use crate::numdiff::{self, FiniteDiff};
use crate::problem::Jac;
use ndarray::{Array1, Array2};

/// The objective's Hessian rule.
pub(crate) enum ObjHess<'a> {
    Fn(&'a dyn Fn(&Array1<f64>) -> Array2<f64>, Array2<f64>),
    /// `hessp(x, p)` at the point of the last `hess(x)` (SciPy's `HessianLinearOperator`).
    Prod(&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>, Array1<f64>),
    Update(QuasiNewton),
}

/// `ScalarFunction`.
pub(crate) struct ScalarFn<'a> {
    fun: &'a mut dyn FnMut(&Array1<f64>) -> f64,
    grad: Jac<'a>,
    pub(crate) hess: ObjHess<'a>,
    pub(crate) x: Array1<f64>,
    pub(crate) f: f64,
    pub(crate) g: Array1<f64>,
    f_updated: bool,
    g_updated: bool,
    h_updated: bool,
    x_prev: Option<Array1<f64>>,
    g_prev: Option<Array1<f64>>,
    fd_bounds: Option<(Array1<f64>, Array1<f64>)>,
    pub(crate) nfev: usize,
    pub(crate) ngev: usize,
    pub(crate) nhev: usize,
}

impl<'a> ScalarFn<'a> {
    pub(crate) fn new(
        fun: &'a mut dyn FnMut(&Array1<f64>) -> f64,
        x0: &Array1<f64>,
        grad: Jac<'a>,
        hess: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
        hessp: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>>,
        update: HessianUpdateStrategy,
        fd_bounds: Option<(Array1<f64>, Array1<f64>)>,
    ) -> Self {
        let n = x0.len();
        let mut s = ScalarFn {
            fun,
            grad,
            hess: ObjHess::Update(QuasiNewton::new(update, n)),
            x: x0.clone(),
            f: f64::NAN,
            g: Array1::zeros(n),
            f_updated: false,
            g_updated: false,
            h_updated: true,
            x_prev: None,
            g_prev: None,
            fd_bounds,
            nfev: 0,
            ngev: 0,
            nhev: 0,
        };
        s.update_fun();
        s.update_grad();
        if let Some(h) = hess {
            let m = h(x0);
            s.nhev += 1;
            s.hess = ObjHess::Fn(h, m);
        } else if let Some(hp) = hessp {
            s.nhev += 1;
            s.hess = ObjHess::Prod(hp, x0.clone());
        }
        s
    }

    fn update_fun(&mut self) {
        if !self.f_updated {
            self.f = (self.fun)(&self.x);
            self.nfev += 1;
            self.f_updated = true;
        }
    }

    fn update_grad(&mut self) {
        if !self.g_updated {
            self.g = match self.grad {
                Jac::Fn(g) => g(&self.x),
                Jac::ComplexStep(fc) => {
                    self.update_fun();
                    let (g, k) = numdiff::gradient_cs(fc, &self.x);
                    self.nfev += k;
                    g
                }
                Jac::Default | Jac::FiniteDiff(_) => {
                    self.update_fun();
                    let method = if let Jac::FiniteDiff(m) = self.grad { m } else { FiniteDiff::TwoPoint };
                    let b = self.fd_bounds.as_ref().map(|(l, u)| (l, u));
                    let (g, k) = numdiff::gradient(&mut *self.fun, &self.x, self.f, method, b, None);
                    self.nfev += k;
                    g
                }
            };
            self.ngev += 1;
            self.g_updated = true;
        }
    }

    fn update_hess(&mut self) {
        if !self.h_updated {
            match &mut self.hess {
                ObjHess::Fn(h, m) => {
                    *m = h(&self.x);
                    self.nhev += 1;
                }
                ObjHess::Prod(_, at) => {
                    *at = self.x.clone();
                    self.nhev += 1;
                }
                ObjHess::Update(_) => {
                    self.update_grad();
                    let dx = &self.x - self.x_prev.as_ref().expect("set by update_x");
                    let dg = &self.g - self.g_prev.as_ref().expect("set by update_x");
                    if let ObjHess::Update(q) = &mut self.hess {
                        q.update(&dx, &dg);
                    }
                }
            }
            self.h_updated = true;
        }
    }

    fn update_x(&mut self, x: &Array1<f64>) {
        if *x == self.x {
            return;
        }
        if matches!(self.hess, ObjHess::Update(_)) {
            self.update_grad();
            self.x_prev = Some(std::mem::replace(&mut self.x, x.clone()));
            self.g_prev = Some(self.g.clone());
            self.f_updated = false;
            self.g_updated = false;
            self.h_updated = false;
            self.update_hess();
        } else {
            self.x = x.clone();
            self.f_updated = false;
            self.g_updated = false;
            self.h_updated = false;
        }
    }

    pub(crate) fn fun(&mut self, x: &Array1<f64>) -> f64 {
        self.update_x(x);
        self.update_fun();
        self.f
    }

    pub(crate) fn grad(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.update_x(x);
        self.update_grad();
        self.g.clone()
    }

    /// `hess(x)`: brings the Hessian rule to `x`; [`Self::hess_dot`] then applies it.
    pub(crate) fn hess(&mut self, x: &Array1<f64>) {
        self.update_x(x);
        self.update_hess();
    }

    pub(crate) fn hess_dot(&self, p: &Array1<f64>) -> Array1<f64> {
        match &self.hess {
            ObjHess::Fn(_, m) => m.dot(p),
            ObjHess::Prod(hp, at) => hp(at, p),
            ObjHess::Update(q) => q.dot(p),
        }
    }
}

/// `VectorFunction` (a nonlinear constraint) or `LinearVectorFunction` (linear constraints and
/// bounds: `A = None` is the identity).
#[allow(clippy::large_enum_variant)] // one per constraint: size does not matter
pub(crate) enum VecFn<'a> {
    Nonlinear(Box<NonlinearFn<'a>>),
    Linear { a: Option<Array2<f64>>, f: Array1<f64>, v: Array1<f64>, x: Array1<f64>, m: usize },
}

pub(crate) enum ConHess<'a> {
    Fn(&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array2<f64>, Array2<f64>),
    Update(QuasiNewton),
}

pub(crate) struct NonlinearFn<'a> {
    fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>,
    jac: ConstraintJac<'a>,
    hess: ConHess<'a>,
    x: Array1<f64>,
    pub(crate) f: Array1<f64>,
    pub(crate) j: Array2<f64>,
    pub(crate) v: Array1<f64>,
    f_updated: bool,
    j_updated: bool,
    h_updated: bool,
    x_prev: Option<Array1<f64>>,
    j_prev: Option<Array2<f64>>,
    fd_bounds: Option<(Array1<f64>, Array1<f64>)>,
    fd: ConstraintFd,
    pub(crate) nfev: usize,
    pub(crate) njev: usize,
    pub(crate) nhev: usize,
}

/// A nonlinear constraint's `finite_diff_rel_step` and `finite_diff_jac_sparsity` (as its
/// column groups), checked.
#[derive(Default)]
pub(crate) struct ConstraintFd {
    pub(crate) rel_step: Option<Vec<f64>>,
    pub(crate) pattern: Option<numdiff::SparsePattern>,
}

impl ConstraintFd {
    /// The finite-difference options of `nc` for `m` values of `n` variables (used only with
    /// a finite-difference `jac`, as SciPy).
    pub(crate) fn of(nc: &NonlinearConstraint<'_>, m: usize, n: usize) -> Result<Self> {
        if !matches!(nc.jac, ConstraintJac::FiniteDiff(_)) {
            return Ok(ConstraintFd::default());
        }
        let rel_step = match &nc.finite_diff_rel_step {
            Some(r) if r.len() != 1 && r.len() != n => {
                return Err(OptimizeError::WrongLength {
                    arg: "finite_diff_rel_step",
                    expected: n,
                    found: r.len(),
                });
            }
            Some(r) if r.iter().any(|v| !v.is_finite()) => {
                return Err(invalid("finite_diff_rel_step", "must be finite"));
            }
            r => r.as_ref().map(|r| r.to_vec()),
        };
        let pattern = match &nc.finite_diff_jac_sparsity {
            Some(s) if s.shape() != (m, n) => {
                return Err(invalid(
                    "finite_diff_jac_sparsity",
                    format!("has wrong shape: expected ({m}, {n}), got {:?}", s.shape()),
                ));
            }
            Some(s) => Some(numdiff::SparsePattern::new(&CsrMatrix::from_sparse(s))),
            None => None,
        };
        Ok(ConstraintFd { rel_step, pattern })
    }
}

impl<'a> NonlinearFn<'a> {
    pub(crate) fn new(
        fun: &'a dyn Fn(&Array1<f64>) -> Array1<f64>,
        jac: ConstraintJac<'a>,
        hess: ConstraintHess<'a>,
        x0: &Array1<f64>,
        fd_bounds: Option<(Array1<f64>, Array1<f64>)>,
        fd: ConstraintFd,
    ) -> Self {
        let n = x0.len();
        let f = fun(x0);
        let m = f.len();
        let mut s = NonlinearFn {
            fun,
            jac,
            hess: ConHess::Update(QuasiNewton::new(HessianUpdateStrategy::bfgs(), n)),
            x: x0.clone(),
            f,
            j: Array2::zeros((m, n)),
            v: Array1::zeros(m),
            f_updated: true,
            j_updated: false,
            h_updated: true,
            x_prev: None,
            j_prev: None,
            fd_bounds,
            fd,
            nfev: 1,
            njev: 0,
            nhev: 0,
        };
        s.compute_jac();
        s.hess = match hess {
            ConstraintHess::Fn(h) => {
                let m0 = h(x0, &s.v);
                s.nhev += 1;
                ConHess::Fn(h, m0)
            }
            ConstraintHess::Update(u) => ConHess::Update(QuasiNewton::new(u, n)),
        };
        s
    }

    fn compute_jac(&mut self) {
        match self.jac {
            ConstraintJac::Fn(j) => {
                self.j = j(&self.x);
                self.njev += 1;
            }
            ConstraintJac::FiniteDiff(method) => {
                let fun = self.fun;
                let b = self.fd_bounds.as_ref().map(|(l, u)| (l, u));
                let rel_step = self.fd.rel_step.as_deref();
                let (j, k) = match &self.fd.pattern {
                    Some(p) => {
                        let (j, k) = numdiff::sparse_jacobian(
                            &mut |x| fun(x),
                            &self.x,
                            &self.f,
                            method,
                            b,
                            rel_step,
                            p,
                        );
                        (j.to_dense(), k)
                    }
                    None => numdiff::jacobian_rel_step(
                        &mut |x| fun(x),
                        &self.x,
                        &self.f,
                        method,
                        b,
                        None,
                        rel_step,
                    ),
                };
                self.j = j;
                self.nfev += k;
            }
        }
        self.j_updated = true;
    }

    fn update_fun(&mut self) {
        if !self.f_updated {
            self.f = (self.fun)(&self.x);
            self.nfev += 1;
            self.f_updated = true;
        }
    }

    fn update_jac(&mut self) {
        if !self.j_updated {
            if matches!(self.jac, ConstraintJac::FiniteDiff(_)) {
                self.update_fun();
            }
            self.compute_jac();
        }
    }

    fn update_hess(&mut self) {
        if !self.h_updated {
            if let ConHess::Fn(h, m) = &mut self.hess {
                *m = h(&self.x, &self.v);
                self.nhev += 1;
            } else {
                self.update_jac();
                if let (Some(xp), Some(jp)) = (&self.x_prev, &self.j_prev) {
                    let dx = &self.x - xp;
                    let dg = self.j.t().dot(&self.v) - jp.t().dot(&self.v);
                    if let ConHess::Update(q) = &mut self.hess {
                        q.update(&dx, &dg);
                    }
                }
            }
            self.h_updated = true;
        }
    }

    fn update_x(&mut self, x: &Array1<f64>) {
        if *x == self.x {
            return;
        }
        if matches!(self.hess, ConHess::Update(_)) {
            self.update_jac();
            self.x_prev = Some(std::mem::replace(&mut self.x, x.clone()));
            self.j_prev = Some(self.j.clone());
            self.f_updated = false;
            self.j_updated = false;
            self.h_updated = false;
            self.update_hess();
        } else {
            self.x = x.clone();
            self.f_updated = false;
            self.j_updated = false;
            self.h_updated = false;
        }
    }
}

impl VecFn<'_> {
    pub(crate) fn m(&self) -> usize {
        match self {
            VecFn::Nonlinear(c) => c.f.len(),
            VecFn::Linear { m, .. } => *m,
        }
    }

    pub(crate) fn linear(a: Option<Array2<f64>>, x0: &Array1<f64>) -> Self {
        let f = match &a {
            Some(a) => a.dot(x0),
            None => x0.clone(),
        };
        let m = f.len();
        VecFn::Linear { a, f, v: Array1::zeros(m), x: x0.clone(), m }
    }

    pub(crate) fn fun(&mut self, x: &Array1<f64>) -> Array1<f64> {
        match self {
            VecFn::Nonlinear(c) => {
                c.update_x(x);
                c.update_fun();
                c.f.clone()
            }
            VecFn::Linear { a, f, x: lx, .. } => {
                if x != lx {
                    *lx = x.clone();
                    *f = match a {
                        Some(a) => a.dot(x),
                        None => x.clone(),
                    };
                }
                f.clone()
            }
        }
    }

    pub(crate) fn jac(&mut self, x: &Array1<f64>) -> Array2<f64> {
        match self {
            VecFn::Nonlinear(c) => {
                c.update_x(x);
                c.update_jac();
                c.j.clone()
            }
            VecFn::Linear { a, x: lx, .. } => match a {
                Some(a) => a.clone(),
                None => Array2::eye(lx.len()),
            },
        }
    }

    /// `hess(x, v)`: sets the multipliers and brings the Hessian rule to `x`.
    pub(crate) fn hess(&mut self, x: &Array1<f64>, v: Array1<f64>) {
        match self {
            VecFn::Nonlinear(c) => {
                if v != c.v {
                    c.v = v;
                    c.h_updated = false;
                }
                c.update_x(x);
                c.update_hess();
            }
            VecFn::Linear { v: lv, .. } => *lv = v,
        }
    }

    /// Adds `H p` to `out` (zero for linear functions).
    pub(crate) fn hess_dot_add(&self, p: &Array1<f64>, out: &mut Array1<f64>) {
        if let VecFn::Nonlinear(c) = self {
            match &c.hess {
                ConHess::Fn(_, m) => *out += &m.dot(p),
                ConHess::Update(q) => *out += &q.dot(p),
            }
        }
    }

    /// The memoized value, Jacobian and multipliers (SciPy's `fun.f`, `fun.J`, `fun.v`).
    pub(crate) fn memo(&self) -> (Array1<f64>, Array2<f64>, Array1<f64>) {
        match self {
            VecFn::Nonlinear(c) => (c.f.clone(), c.j.clone(), c.v.clone()),
            VecFn::Linear { a, f, v, x, .. } => (
                f.clone(),
                match a {
                    Some(a) => a.clone(),
                    None => Array2::eye(x.len()),
                },
                v.clone(),
            ),
        }
    }

    /// `(nfev, njev, nhev)`.
    pub(crate) fn counts(&self) -> (usize, usize, usize) {
        match self {
            VecFn::Nonlinear(c) => (c.nfev, c.njev, c.nhev),
            VecFn::Linear { .. } => (0, 0, 0),
        }
    }
}

/// A prepared constraint with its canonical form: equality rows `f[i] - lb[i]`, inequality
/// rows `sign * (f[i] - bound)` (`+1`: `f - ub <= 0`, `-1`: `lb - f <= 0`), in SciPy's order.
pub(crate) struct Prepared<'a> {
    pub(crate) fun: VecFn<'a>,
    pub(crate) lb: Array1<f64>,
    pub(crate) ub: Array1<f64>,
    keep: Vec<bool>,
    eq: Vec<usize>,
    ineq: Vec<(usize, f64)>,
}

impl<'a> Prepared<'a> {
    /// Checks that `x0` satisfies the `keep_feasible` inequalities (SciPy's
    /// `PreparedConstraint`).
    pub(crate) fn new(
        fun: VecFn<'a>,
        lb: Array1<f64>,
        ub: Array1<f64>,
        keep: Vec<bool>,
    ) -> crate::Result<Self> {
        let m = fun.m();
        let all = |p: &dyn Fn(usize) -> bool| (0..m).all(p);
        let (mut eq, mut ineq) = (Vec::new(), Vec::new());
        let (ni, pi) = (f64::NEG_INFINITY, f64::INFINITY);
        if all(&|i| lb[i] == ni) && all(&|i| ub[i] == pi) {
        } else if all(&|i| lb[i] == ub[i]) {
            eq = (0..m).collect();
        } else if all(&|i| lb[i] == ni) {
            ineq = (0..m).filter(|&i| ub[i] < pi).map(|i| (i, 1.0)).collect();
        } else if all(&|i| ub[i] == pi) {
            ineq = (0..m).filter(|&i| lb[i] > ni).map(|i| (i, -1.0)).collect();
        } else {
            let lb_inf = |i: usize| lb[i] == ni;
            let ub_inf = |i: usize| ub[i] == pi;
            eq = (0..m).filter(|&i| lb[i] == ub[i]).collect();
            let interval: Vec<usize> =
                (0..m).filter(|&i| lb[i] != ub[i] && !lb_inf(i) && !ub_inf(i)).collect();
            ineq.extend((0..m).filter(|&i| lb_inf(i) && !ub_inf(i)).map(|i| (i, 1.0)));
            ineq.extend((0..m).filter(|&i| ub_inf(i) && !lb_inf(i)).map(|i| (i, -1.0)));
            ineq.extend(interval.iter().map(|&i| (i, 1.0)));
            ineq.extend(interval.iter().map(|&i| (i, -1.0)));
        }
        let (f0, _, _) = fun.memo();
        if (0..m).any(|i| keep[i] && lb[i] != ub[i] && (f0[i] < lb[i] || f0[i] > ub[i])) {
            return Err(crate::error::invalid(
                "x0",
                "`x0` is infeasible with respect to some inequality constraint with `keep_feasible` set to True.",
            ));
        }
        Ok(Prepared { fun, lb, ub, keep, eq, ineq })
    }

    /// `keep_feasible` of each canonical inequality row.
    pub(crate) fn ineq_keep(&self) -> impl Iterator<Item = bool> + '_ {
        self.ineq.iter().map(|&(i, _)| self.keep[i])
    }

    pub(crate) fn n_eq(&self) -> usize {
        self.eq.len()
    }

    pub(crate) fn n_ineq(&self) -> usize {
        self.ineq.len()
    }

    /// Canonical values of `f` (appended to `ce`, `ci`).
    pub(crate) fn canonical(&self, f: &Array1<f64>, ce: &mut Vec<f64>, ci: &mut Vec<f64>) {
        ce.extend(self.eq.iter().map(|&i| f[i] - self.lb[i]));
        ci.extend(
            self.ineq.iter().map(|&(i, s)| if s > 0.0 { f[i] - self.ub[i] } else { self.lb[i] - f[i] }),
        );
    }

    /// Canonical Jacobian rows of `j`.
    pub(crate) fn canonical_jac(
        &self,
        j: &Array2<f64>,
        je: &mut Vec<Array1<f64>>,
        ji: &mut Vec<Array1<f64>>,
    ) {
        je.extend(self.eq.iter().map(|&i| j.row(i).to_owned()));
        ji.extend(self.ineq.iter().map(|&(i, s)| if s > 0.0 { j.row(i).to_owned() } else { -&j.row(i) }));
    }

    /// The constraint's multipliers from canonical ones (SciPy's `hess` of the canonical forms).
    pub(crate) fn multipliers(&self, v_eq: &[f64], v_ineq: &[f64]) -> Array1<f64> {
        let mut v = Array1::zeros(self.fun.m());
        for (k, &i) in self.eq.iter().enumerate() {
            v[i] = v_eq[k];
        }
        for (k, &(i, s)) in self.ineq.iter().enumerate() {
            v[i] += s * v_ineq[k];
        }
        v
    }
}
