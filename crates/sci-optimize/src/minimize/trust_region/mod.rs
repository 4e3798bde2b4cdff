//! SciPy's `_minimize_trust_region` driver and its quadratic subproblems: `trust-ncg`
//! (Steihaug CG), `dogleg`, `trust-exact` (Moré-Sorensen) and `trust-krylov` (GLTR).

mod dogleg;
mod exact;
mod krylov;
mod ncg;

use super::callback::{CALLBACK_STOP, Callback, halt};
use super::messages;
use crate::error::{OptimizeError, Result, invalid};
use crate::numdiff::{self, FiniteDiff};
use crate::problem::{Jac, OptimizeResult, check_finite_start};
use ndarray::{Array1, Array2};

/// The subproblem solver of a trust-region method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Ncg,
    Dogleg,
    Exact,
    Krylov,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Ncg => "trust-ncg",
            Kind::Dogleg => "dogleg",
            Kind::Exact => "trust-exact",
            Kind::Krylov => "trust-krylov",
        }
    }
}

/// The options of `_minimize_trust_region`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub initial_trust_radius: f64,
    pub max_trust_radius: f64,
    pub eta: f64,
    pub gtol: f64,
    pub maxiter: usize,
    /// trust-exact: Moré-Sorensen iterations per subproblem (default 25).
    pub subproblem_maxiter: usize,
    /// trust-krylov: the inexact (default) or accurate subproblem tolerances.
    pub inexact: bool,
}

type HessFn<'a> = &'a dyn Fn(&Array1<f64>) -> Array2<f64>;
type HesspFn<'a> = &'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>;

/// SciPy's `ScalarFunction`: one cached point, values computed on demand, SciPy's counters
/// (including the placeholder Hessian SciPy evaluates once at `x0` when only `hessp` is given).
struct ScalarFunction<'a> {
    fun: &'a mut dyn FnMut(&Array1<f64>) -> f64,
    jac: Jac<'a>,
    hess: Option<HessFn<'a>>,
    x: Array1<f64>,
    f: Option<f64>,
    g: Option<Array1<f64>>,
    h: Option<Array2<f64>>,
    nfev: usize,
    ngev: usize,
    nhev: usize,
    /// The first wrongly shaped `jac`/`hess`/`hessp` output (replaced by NaN so the
    /// iteration can unwind; the driver then returns the error).
    bad: Option<OptimizeError>,
}

/// `v` if it has length `n`, else NaNs, recording the error.
fn checked_vec(v: Array1<f64>, n: usize, arg: &'static str, bad: &mut Option<OptimizeError>) -> Array1<f64> {
    if v.len() == n {
        return v;
    }
    bad.get_or_insert(OptimizeError::WrongLength { arg, expected: n, found: v.len() });
    Array1::from_elem(n, f64::NAN)
}

impl ScalarFunction<'_> {
    fn move_to(&mut self, x: &Array1<f64>) {
        if *x != self.x {
            self.x.assign(x);
            self.f = None;
            self.g = None;
            self.h = None;
        }
    }

    fn fun(&mut self, x: &Array1<f64>) -> f64 {
        self.move_to(x);
        if let Some(f) = self.f {
            return f;
        }
        let f = (self.fun)(&self.x);
        self.nfev += 1;
        self.f = Some(f);
        f
    }

    fn grad(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.move_to(x);
        if let Some(g) = &self.g {
            return g.clone();
        }
        let g = match self.jac {
            Jac::Fn(j) => checked_vec(j(&self.x), self.x.len(), "jac(x)", &mut self.bad),
            Jac::ComplexStep(fc) => {
                self.fun(x);
                let (g, n) = numdiff::gradient_cs(fc, &self.x);
                self.nfev += n;
                g
            }
            Jac::Default | Jac::FiniteDiff(_) => {
                let method = if let Jac::FiniteDiff(m) = self.jac { m } else { FiniteDiff::TwoPoint };
                let f0 = self.fun(x);
                let (g, n) = numdiff::gradient(&mut *self.fun, &self.x, f0, method, None, None);
                self.nfev += n;
                g
            }
        };
        self.ngev += 1;
        self.g = Some(g.clone());
        g
    }

    fn hess(&mut self, x: &Array1<f64>) -> Array2<f64> {
        self.move_to(x);
        if let Some(h) = &self.h {
            return h.clone();
        }
        let n = self.x.len();
        let mut h = (self.hess.expect("the Hessian is given"))(&self.x);
        if h.dim() != (n, n) {
            self.bad.get_or_insert(invalid(
                "hess",
                format!("the return value has wrong shape: expected ({n}, {n}), actual {:?}", h.shape()),
            ));
            h = Array2::from_elem((n, n), f64::NAN);
        }
        self.nhev += 1;
        self.h = Some(h.clone());
        h
    }
}

/// The objective's derivatives for the subproblems, counting `hessp` calls as SciPy's
/// `_wrap_function` does.
struct Oracle<'a> {
    sf: ScalarFunction<'a>,
    hessp: Option<HesspFn<'a>>,
    nhessp: usize,
}

/// The quadratic model at `x` (SciPy's `BaseQuadraticSubproblem`): `f`, `g` and `H` fetched
/// on demand from the [`ScalarFunction`] and kept, plus the solver's state.
struct Model {
    x: Array1<f64>,
    f: Option<f64>,
    g: Option<Array1<f64>>,
    g_mag: Option<f64>,
    h: Option<Array2<f64>>,
    /// dogleg's cached Cauchy and Newton points.
    cauchy: Option<Array1<f64>>,
    newton: Option<std::result::Result<Array1<f64>, ()>>,
    exact: Option<exact::State>,
    krylov: Option<krylov::State>,
}

/// The subproblem failed where SciPy raises `LinAlgError` (status 3).
struct LinAlgError;

impl Model {
    fn new(x: Array1<f64>) -> Self {
        Model {
            x,
            f: None,
            g: None,
            g_mag: None,
            h: None,
            cauchy: None,
            newton: None,
            exact: None,
            krylov: None,
        }
    }

    /// What SciPy's subproblem constructors evaluate: the Hessian (trust-exact), the gradient
    /// (trust-krylov's trlib wrapper sizes its work arrays from it).
    fn init(&mut self, o: &mut Oracle<'_>, kind: Kind) {
        match kind {
            Kind::Exact => exact::init(self, o),
            Kind::Krylov => {
                self.jac(o);
            }
            Kind::Ncg | Kind::Dogleg => {}
        }
    }

    fn fun(&mut self, o: &mut Oracle<'_>) -> f64 {
        if self.f.is_none() {
            self.f = Some(o.sf.fun(&self.x));
        }
        self.f.unwrap_or(f64::NAN)
    }

    fn jac(&mut self, o: &mut Oracle<'_>) -> Array1<f64> {
        if self.g.is_none() {
            self.g = Some(o.sf.grad(&self.x));
        }
        self.g.clone().unwrap_or_default()
    }

    fn jac_mag(&mut self, o: &mut Oracle<'_>) -> f64 {
        if self.g_mag.is_none() {
            let g = self.jac(o);
            self.g_mag = Some(norm(&g));
        }
        self.g_mag.unwrap_or(f64::NAN)
    }

    fn hess(&mut self, o: &mut Oracle<'_>) -> Array2<f64> {
        if self.h.is_none() {
            self.h = Some(o.sf.hess(&self.x));
        }
        self.h.clone().unwrap_or_default()
    }

    fn hessp(&mut self, o: &mut Oracle<'_>, p: &Array1<f64>) -> Array1<f64> {
        match o.hessp {
            Some(hp) => {
                o.nhessp += 1;
                checked_vec(hp(&self.x, p), p.len(), "hessp(x, p)", &mut o.sf.bad)
            }
            None => {
                if self.h.is_none() {
                    self.h = Some(o.sf.hess(&self.x));
                }
                self.h.as_ref().map(|h| h.dot(p)).unwrap_or_default()
            }
        }
    }

    /// The model value `f + g.p + p.H p / 2`.
    fn value(&mut self, o: &mut Oracle<'_>, p: &Array1<f64>) -> f64 {
        let f = self.fun(o);
        let g = self.jac(o);
        let hp = self.hessp(o, p);
        f + g.dot(p) + 0.5 * p.dot(&hp)
    }

    fn solve(
        &mut self,
        o: &mut Oracle<'_>,
        kind: Kind,
        radius: f64,
        p: &Params,
    ) -> Result<(Array1<f64>, bool), LinAlgError> {
        match kind {
            Kind::Ncg => Ok(ncg::solve(self, o, radius)),
            Kind::Dogleg => dogleg::solve(self, o, radius),
            Kind::Exact => Ok(exact::solve(self, o, radius, p.subproblem_maxiter)),
            Kind::Krylov => Ok(krylov::solve(self, o, radius, p.inexact)),
        }
    }
}

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// SciPy's `get_boundaries_intersections`: the two `t` with `||z + t d|| = radius`, sorted.
fn boundaries_intersections(z: &Array1<f64>, d: &Array1<f64>, radius: f64) -> (f64, f64) {
    let a = d.dot(d);
    let b = 2.0 * z.dot(d);
    let c = z.dot(z) - radius * radius;
    let sqrt_discriminant = (b * b - 4.0 * a * c).sqrt();
    let aux = b + sqrt_discriminant.copysign(b);
    let ta = -aux / (2.0 * a);
    let tb = -2.0 * c / aux;
    if ta <= tb { (ta, tb) } else { (tb, ta) }
}

/// The arguments of a trust-region `minimize` call.
pub(crate) struct Args<'a, 'f> {
    pub fun: &'f mut dyn FnMut(&Array1<f64>) -> f64,
    pub jac: Jac<'a>,
    pub hess: Option<HessFn<'a>>,
    pub hessp: Option<HesspFn<'a>>,
    pub callback: Option<Callback<'a>>,
}

/// SciPy's `_minimize_trust_region` with the subproblem of `kind`.
pub(crate) fn minimize_trust_region(
    kind: Kind,
    args: Args<'_, '_>,
    x0: Array1<f64>,
    params: &Params,
) -> Result<OptimizeResult> {
    let method = kind.name();
    if matches!(args.jac, Jac::Default) {
        return Err(OptimizeError::MissingArgument { method, arg: "jac" });
    }
    let hessp = match kind {
        Kind::Dogleg | Kind::Exact => {
            if args.hess.is_none() {
                return Err(OptimizeError::MissingArgument { method, arg: "hess" });
            }
            if args.hessp.is_some() {
                return Err(OptimizeError::UnsupportedOption { method, option: "hessp" });
            }
            None
        }
        Kind::Ncg | Kind::Krylov => {
            if args.hess.is_none() && args.hessp.is_none() {
                return Err(OptimizeError::MissingArgument { method, arg: "hess" });
            }
            // SciPy uses the Hessian when both are given.
            if args.hess.is_some() { None } else { args.hessp }
        }
    };
    let Params { initial_trust_radius, max_trust_radius, eta, gtol, maxiter, .. } = *params;
    if !(0.0..0.25).contains(&eta) {
        return Err(invalid(
            "eta",
            format!("invalid acceptance stringency: must be in [0, 0.25), got {eta}"),
        ));
    }
    if max_trust_radius.is_nan() || max_trust_radius <= 0.0 {
        return Err(invalid("max_trust_radius", "the max trust radius must be positive"));
    }
    if initial_trust_radius.is_nan() || initial_trust_radius <= 0.0 {
        return Err(invalid("initial_trust_radius", "the initial trust radius must be positive"));
    }
    if initial_trust_radius >= max_trust_radius {
        return Err(invalid(
            "initial_trust_radius",
            "the initial trust radius must be less than the max trust radius",
        ));
    }
    if gtol.is_nan() || gtol < 0.0 {
        return Err(invalid("gtol", format!("must be non-negative, got {gtol}")));
    }

    let mut sf = ScalarFunction {
        fun: args.fun,
        jac: args.jac,
        hess: args.hess,
        x: x0.clone(),
        f: None,
        g: None,
        h: None,
        nfev: 0,
        ngev: 0,
        nhev: 0,
        bad: None,
    };
    // ScalarFunction's constructor: f, g and (a placeholder when only hessp is given) H.
    check_finite_start(sf.fun(&x0))?;
    sf.grad(&x0);
    if sf.hess.is_some() {
        sf.hess(&x0);
    } else {
        sf.nhev += 1;
    }
    if let Some(e) = sf.bad.take() {
        return Err(e);
    }
    let mut o = Oracle { sf, hessp, nhessp: 0 };

    let mut radius = initial_trust_radius;
    let mut x = x0;
    let mut m = Model::new(x.clone());
    m.init(&mut o, kind);
    let mut k = 0;
    let mut warnflag = 0;
    let mut stopped = false;
    while m.jac_mag(&mut o) >= gtol {
        let Ok((p, hits_boundary)) = m.solve(&mut o, kind, radius, params) else {
            warnflag = 3;
            break;
        };
        let predicted_value = m.value(&mut o, &p);
        let x_proposed = &x + &p;
        let mut m_proposed = Model::new(x_proposed.clone());
        m_proposed.init(&mut o, kind);
        let f = m.fun(&mut o);
        let actual_reduction = f - m_proposed.fun(&mut o);
        let predicted_reduction = f - predicted_value;
        if predicted_reduction <= 0.0 {
            warnflag = 2;
            break;
        }
        let rho = actual_reduction / predicted_reduction;
        if rho < 0.25 {
            radius *= 0.25;
        } else if rho > 0.75 && hits_boundary {
            radius = (2.0 * radius).min(max_trust_radius);
        }
        if rho > eta {
            x = x_proposed;
            m = m_proposed;
        }
        k += 1;
        if let Some(e) = o.sf.bad.take() {
            return Err(e);
        }
        let fx = m.fun(&mut o);
        if halt(args.callback, &x, fx) {
            stopped = true;
            break;
        }
        if m.jac_mag(&mut o) < gtol {
            warnflag = 0;
            break;
        }
        if k >= maxiter {
            warnflag = 1;
            break;
        }
    }
    if let Some(e) = o.sf.bad.take() {
        return Err(e);
    }
    let message = match warnflag {
        0 => messages::SUCCESS,
        1 => messages::MAXITER,
        2 => "A bad approximation caused failure to predict improvement.",
        _ => "A linalg error occurred, such as a non-psd Hessian.",
    };
    let (status, message) = if stopped { (99, CALLBACK_STOP) } else { (warnflag, message) };
    let fun = m.fun(&mut o);
    let jac = m.jac(&mut o);
    Ok(OptimizeResult {
        x,
        fun,
        jac: Some(jac),
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: k,
        nfev: o.sf.nfev,
        njev: o.sf.ngev,
        nhev: o.sf.nhev + o.nhessp,
        status,
        success: status == 0,
        message: message.into(),
    })
}
