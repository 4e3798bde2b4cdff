//! `minimize`: local minimization of a scalar function of several variables.

mod bounds;
mod callback;
mod cobyla;
mod constraints;
mod fixed;
mod lbfgs_inv;
mod lbfgsb;
pub(crate) mod linesearch;
mod neldermead;
mod newton_cg;
mod powell;
mod quasi_newton;
mod slsqp;
mod testfuncs;
mod tnc;
mod trust_constr;
mod trust_region;

pub use bounds::Bounds;
pub(crate) use callback::halt;
pub use callback::{CALLBACK_STOP, Callback, IntermediateResult};
pub use cobyla::{CobylaOptions, CobylaResult, FminCobylaOptions, fmin_cobyla, minimize_cobyla};
pub use constraints::{
    Constraint, ConstraintDict, ConstraintHess, ConstraintJac, ConstraintType, ExceptionStrategy,
    HessianUpdateStrategy, InitScale, LinearConstraint, NonlinearConstraint,
};
pub use lbfgs_inv::LbfgsInvHessProduct;
pub use linesearch::{LineSearchOptions, LineSearchResult, line_search};
pub use slsqp::{SlsqpOptions, SlsqpResult, minimize_slsqp};
pub use testfuncs::{rosen, rosen_der, rosen_hess};
pub use tnc::{FminTncOptions, TncOptions, fmin_tnc, minimize_tnc};
pub use trust_constr::{TrustConstrMethod, TrustConstrOptions, TrustConstrResult, minimize_trust_constr};

use crate::error::{OptimizeError, Result, invalid};
use crate::problem::{Jac, OptimizeResult, Problem, run_with_callback};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use std::borrow::Cow;
use std::fmt;

/// SciPy's `_status_message` texts.
pub(crate) mod messages {
    pub const SUCCESS: &str = "Optimization terminated successfully.";
    pub const MAXFEV: &str = "Maximum number of function evaluations has been exceeded.";
    pub const MAXITER: &str = "Maximum number of iterations has been exceeded.";
    pub const PR_LOSS: &str = "Desired error not necessarily achieved due to precision loss.";
    pub const NAN: &str = "NaN result encountered.";
}

/// The methods of [`minimize`] (SciPy's `method=` strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Method {
    /// `"Nelder-Mead"`: the downhill simplex (derivative free).
    NelderMead,
    /// `"BFGS"`: quasi-Newton with the BFGS inverse-Hessian update (SciPy's default without
    /// bounds or constraints).
    #[default]
    Bfgs,
    /// `"CG"`: nonlinear conjugate gradients (Polak-Ribière).
    Cg,
    /// `"L-BFGS-B"`: limited-memory BFGS with bounds (SciPy's default with bounds).
    LBfgsB,
    /// `"Powell"`: Powell's conjugate direction method (derivative free; takes bounds).
    Powell,
    /// `"Newton-CG"`: truncated Newton with conjugate gradients (needs `jac`).
    NewtonCg,
    /// `"trust-constr"`: trust-region SQP / interior point with bounds and constraints (see
    /// [`minimize_trust_constr`] for the full result).
    TrustConstr,
    /// `"SLSQP"`: sequential least-squares quadratic programming with bounds and
    /// equality/inequality constraints.
    Slsqp,
    /// `"trust-ncg"`: trust region with a Steihaug conjugate-gradient subproblem (needs `jac`
    /// and `hess` or `hessp`).
    TrustNcg,
    /// `"trust-krylov"`: trust region with a generalized Lanczos (GLTR) subproblem (needs
    /// `jac` and `hess` or `hessp`).
    TrustKrylov,
    /// `"trust-exact"`: trust region with the nearly exact Moré-Sorensen subproblem (needs
    /// `jac` and `hess`).
    TrustExact,
    /// `"dogleg"`: trust region with the dog-leg step (needs `jac` and a positive definite
    /// `hess`).
    Dogleg,
    /// `"TNC"`: truncated Newton with bounds (see [`minimize_tnc`]).
    Tnc,
    /// `"COBYLA"`: derivative-free, with bounds and inequality/equality constraints by
    /// linear approximations (see [`minimize_cobyla`]; `maxiter` counts evaluations).
    Cobyla,
}

impl Method {
    /// SciPy's name of the method.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::Method::NelderMead.name(), "Nelder-Mead");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::NelderMead => "Nelder-Mead",
            Self::Bfgs => "BFGS",
            Self::Cg => "CG",
            Self::LBfgsB => "L-BFGS-B",
            Self::Powell => "Powell",
            Self::NewtonCg => "Newton-CG",
            Self::TrustConstr => "trust-constr",
            Self::Slsqp => "SLSQP",
            Self::TrustNcg => "trust-ncg",
            Self::TrustKrylov => "trust-krylov",
            Self::TrustExact => "trust-exact",
            Self::Dogleg => "dogleg",
            Self::Tnc => "TNC",
            Self::Cobyla => "COBYLA",
        }
    }
}

/// Options of [`minimize`]: SciPy's keyword arguments and the entries of its `options` dict.
/// `None` means SciPy's default for the method; an option the method does not take is an
/// error ([`OptimizeError::UnsupportedOption`]), where SciPy warns.
#[derive(Clone, Default)]
pub struct MinimizeOptions<'a> {
    /// The method (default BFGS).
    pub method: Method,
    /// `jac=`: the gradient, or how to approximate it (BFGS, CG).
    pub jac: Jac<'a>,
    /// `tol=`: sets `gtol` (BFGS, CG) or `xatol` and `fatol` (Nelder-Mead).
    pub tol: Option<f64>,
    /// `maxiter` (default `200 * n`).
    pub maxiter: Option<usize>,
    /// `gtol` (BFGS, CG; default 1e-5): stop when the largest gradient entry is below it.
    pub gtol: Option<f64>,
    /// `c1`, `c2`: Wolfe line-search constants (BFGS default 1e-4, 0.9; CG 1e-4, 0.4).
    pub c1: Option<f64>,
    /// See `c1`.
    pub c2: Option<f64>,
    /// `xrtol` (BFGS; default 0): stop when the step is below `xrtol * |x|`.
    pub xrtol: Option<f64>,
    /// `xatol` (Nelder-Mead; default 1e-4).
    pub xatol: Option<f64>,
    /// `fatol` (Nelder-Mead; default 1e-4).
    pub fatol: Option<f64>,
    /// `maxfev` (Nelder-Mead, default `200 * n`; Powell, default `1000 * n`).
    pub maxfev: Option<usize>,
    /// `adaptive` (Nelder-Mead; default false): dimension-dependent coefficients.
    pub adaptive: Option<bool>,
    /// `initial_simplex` (Nelder-Mead): `(n + 1, n)` starting vertices.
    pub initial_simplex: Option<Array2<f64>>,
    /// `bounds` (L-BFGS-B, Powell): box constraints on the variables.
    pub bounds: Option<Bounds>,
    /// `maxcor` (L-BFGS-B; default 10): number of correction pairs kept.
    pub maxcor: Option<usize>,
    /// `ftol` (L-BFGS-B, default 2.2204460492503131e-09: stop when
    /// `(f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) <= ftol`; Powell, default 1e-4: stop when
    /// `2 (f_k - f_{k+1}) <= ftol (|f_k| + |f_{k+1}|)`).
    pub ftol: Option<f64>,
    /// `eps` (L-BFGS-B, default 1e-8: absolute step of the forward-difference gradient;
    /// Newton-CG, default `sqrt(eps)`: step of the gradient differences for Hessian products).
    pub eps: Option<f64>,
    /// `maxfun` (L-BFGS-B; default 15000): limit on function evaluations.
    pub maxfun: Option<usize>,
    /// `maxls` (L-BFGS-B; default 20): limit on line-search steps per iteration.
    pub maxls: Option<usize>,
    /// `xtol` (Powell, default 1e-4: line-search tolerance; Newton-CG, default 1e-5: stop when
    /// the average step entry is below it).
    pub xtol: Option<f64>,
    /// `direc` (Powell; default the identity): the initial set of directions, one per row.
    pub direc: Option<Array2<f64>>,
    /// `hess` (Newton-CG, trust-constr): the Hessian matrix.
    pub hess: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    /// `hessp` (Newton-CG, trust-constr): the Hessian times a vector `p`, `hessp(x, p)`.
    pub hessp: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>>,
    /// `constraints` (trust-constr, SLSQP): nonlinear, linear or old-style constraints.
    pub constraints: Vec<Constraint<'a>>,
    /// `hess=BFGS()` / `SR1()` (trust-constr; default `BFGS()` when `hess` is not given).
    pub hess_update: Option<HessianUpdateStrategy>,
    /// `barrier_tol` (trust-constr; default 1e-8).
    pub barrier_tol: Option<f64>,
    /// `initial_tr_radius` (trust-constr; default 1).
    pub initial_tr_radius: Option<f64>,
    /// `initial_constr_penalty` (trust-constr; default 1).
    pub initial_constr_penalty: Option<f64>,
    /// `initial_trust_radius` (trust-ncg, trust-krylov, trust-exact, dogleg; default 1).
    pub initial_trust_radius: Option<f64>,
    /// `max_trust_radius` (trust-ncg, trust-krylov, trust-exact, dogleg; default 1000).
    pub max_trust_radius: Option<f64>,
    /// `eta` (trust-ncg, trust-krylov, trust-exact, dogleg; default 0.15): a step is accepted
    /// when the actual over the predicted reduction exceeds it; in `[0, 0.25)`. TNC (default
    /// -1, meaning 0.25): the severity of the line search.
    pub eta: Option<f64>,
    /// `scale` (TNC): scaling factors of the variables (see [`TncOptions::scale`]).
    pub scale: Option<Array1<f64>>,
    /// `offset` (TNC): offsets of the variables (see [`TncOptions::offset`]).
    pub offset: Option<Array1<f64>>,
    /// `maxCGit` (TNC): Hessian-vector products per iteration (see [`TncOptions::max_cg_it`]).
    pub max_cg_it: Option<usize>,
    /// `stepmx` (TNC; default 0, meaning 10): the maximum line-search step.
    pub stepmx: Option<f64>,
    /// `accuracy` (TNC; default 0, meaning `sqrt(eps)`): the relative precision of the
    /// finite-difference Hessian-vector products.
    pub accuracy: Option<f64>,
    /// `minfev` (TNC; default 0): an estimate of the minimum function value.
    pub minfev: Option<f64>,
    /// `rescale` (TNC; default -1, meaning 1.3): see [`TncOptions::rescale`].
    pub rescale: Option<f64>,
    /// `inexact` (trust-krylov; default true): the looser subproblem tolerances.
    pub inexact: Option<bool>,
    /// `subproblem_maxiter` (trust-exact; default 25): Moré-Sorensen iterations per step.
    pub subproblem_maxiter: Option<usize>,
    /// `rhobeg` (COBYLA; default 1): the initial trust-region radius.
    pub rhobeg: Option<f64>,
    /// `catol` (COBYLA; default `sqrt(eps)`): tolerance on the constraint violation.
    pub catol: Option<f64>,
    /// `f_target` (COBYLA; default `-inf`): stop at a feasible point with `f <= f_target`.
    pub f_target: Option<f64>,
    /// `callback`: called after each iteration with the current `x` and `fun`; returning
    /// `ControlFlow::Break(())` stops the run (status 99, [`CALLBACK_STOP`]).
    pub callback: Option<Callback<'a>>,
}

impl fmt::Debug for MinimizeOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MinimizeOptions")
            .field("method", &self.method)
            .field("jac", &self.jac)
            .field("tol", &self.tol)
            .field("maxiter", &self.maxiter)
            .finish_non_exhaustive()
    }
}

/// The method-specific options given in `o`, by SciPy name.
fn given_options(o: &MinimizeOptions<'_>) -> [(&'static str, bool); 40] {
    [
        ("jac", !matches!(o.jac, Jac::Default)),
        ("gtol", o.gtol.is_some()),
        ("c1", o.c1.is_some()),
        ("c2", o.c2.is_some()),
        ("xrtol", o.xrtol.is_some()),
        ("xatol", o.xatol.is_some()),
        ("fatol", o.fatol.is_some()),
        ("maxfev", o.maxfev.is_some()),
        ("adaptive", o.adaptive.is_some()),
        ("initial_simplex", o.initial_simplex.is_some()),
        ("bounds", o.bounds.is_some()),
        ("maxcor", o.maxcor.is_some()),
        ("ftol", o.ftol.is_some()),
        ("eps", o.eps.is_some()),
        ("maxfun", o.maxfun.is_some()),
        ("maxls", o.maxls.is_some()),
        ("xtol", o.xtol.is_some()),
        ("direc", o.direc.is_some()),
        ("hess", o.hess.is_some()),
        ("hessp", o.hessp.is_some()),
        ("constraints", !o.constraints.is_empty()),
        ("hess_update", o.hess_update.is_some()),
        ("barrier_tol", o.barrier_tol.is_some()),
        ("initial_tr_radius", o.initial_tr_radius.is_some()),
        ("initial_constr_penalty", o.initial_constr_penalty.is_some()),
        ("initial_trust_radius", o.initial_trust_radius.is_some()),
        ("max_trust_radius", o.max_trust_radius.is_some()),
        ("eta", o.eta.is_some()),
        ("inexact", o.inexact.is_some()),
        ("subproblem_maxiter", o.subproblem_maxiter.is_some()),
        ("scale", o.scale.is_some()),
        ("offset", o.offset.is_some()),
        ("maxCGit", o.max_cg_it.is_some()),
        ("stepmx", o.stepmx.is_some()),
        ("accuracy", o.accuracy.is_some()),
        ("minfev", o.minfev.is_some()),
        ("rescale", o.rescale.is_some()),
        ("rhobeg", o.rhobeg.is_some()),
        ("catol", o.catol.is_some()),
        ("f_target", o.f_target.is_some()),
    ]
}

/// The options each method takes (besides `tol` and `maxiter`).
fn accepted(method: Method) -> &'static [&'static str] {
    match method {
        Method::NelderMead => &["xatol", "fatol", "maxfev", "adaptive", "initial_simplex"],
        Method::Bfgs => &["jac", "gtol", "c1", "c2", "xrtol"],
        Method::Cg => &["jac", "gtol", "c1", "c2"],
        Method::LBfgsB => &["jac", "gtol", "bounds", "maxcor", "ftol", "eps", "maxfun", "maxls"],
        Method::Powell => &["bounds", "xtol", "ftol", "maxfev", "direc"],
        Method::NewtonCg => &["jac", "hess", "hessp", "xtol", "eps", "c1", "c2"],
        Method::TrustConstr => &[
            "jac",
            "hess",
            "hessp",
            "gtol",
            "xtol",
            "bounds",
            "constraints",
            "hess_update",
            "barrier_tol",
            "initial_tr_radius",
            "initial_constr_penalty",
        ],
        Method::Slsqp => &["jac", "bounds", "constraints", "ftol", "eps"],
        Method::TrustNcg => {
            &["jac", "hess", "hessp", "gtol", "initial_trust_radius", "max_trust_radius", "eta"]
        }
        Method::TrustKrylov => {
            &["jac", "hess", "hessp", "gtol", "initial_trust_radius", "max_trust_radius", "eta", "inexact"]
        }
        Method::TrustExact => {
            &["jac", "hess", "gtol", "initial_trust_radius", "max_trust_radius", "eta", "subproblem_maxiter"]
        }
        Method::Dogleg => &["jac", "hess", "gtol", "initial_trust_radius", "max_trust_radius", "eta"],
        Method::Tnc => &[
            "jac", "bounds", "eps", "scale", "offset", "maxCGit", "maxfun", "eta", "stepmx", "accuracy",
            "minfev", "ftol", "xtol", "gtol", "rescale",
        ],
        Method::Cobyla => &["bounds", "constraints", "rhobeg", "catol", "f_target"],
    }
}

/// [`OptimizeError::UnsupportedOption`] for the first option `o.method` does not take.
fn check_options(o: &MinimizeOptions<'_>) -> Result<()> {
    let direc = ("direc", o.direc.is_some());
    match given_options(o)
        .into_iter()
        .chain([direc])
        .find(|(name, g)| *g && !accepted(o.method).contains(name))
    {
        Some((option, _)) => Err(OptimizeError::UnsupportedOption { method: o.method.name(), option }),
        None => Ok(()),
    }
}

/// Minimizes a scalar function of one or more variables from `x0`.
///
/// SciPy equivalent: `scipy.optimize.minimize` (methods Nelder-Mead, Powell, CG, BFGS,
/// Newton-CG, L-BFGS-B, TNC, trust-constr, SLSQP, trust-ncg, trust-krylov, trust-exact, dogleg, COBYLA).
///
/// trust-ncg, trust-krylov, trust-exact and dogleg run SciPy's `_minimize_trust_region`
/// (`initial_trust_radius`, `max_trust_radius`, `eta`, `gtol` on the gradient's 2-norm) with
/// SciPy's subproblems: Steihaug CG, the dog-leg step, Moré-Sorensen (`subproblem_maxiter`), and
/// for trust-krylov a Lanczos GLTR with trlib's stopping rules in place of trlib; `jac` is
/// required, `hess` (or, for trust-ncg and trust-krylov, `hessp`) too; `nit`, `nfev`, `njev`,
/// `nhev` (Hessian plus `hessp` calls) count as SciPy's.
///
/// `callback` is called where SciPy calls it (see [`Callback`]): once per iteration of every
/// method (Nelder-Mead also after a pass cut short by `maxfev`; SLSQP after the first objective
/// evaluation of each major iteration, at the line search's trial point). A stop request ends
/// the run with status 99 and [`CALLBACK_STOP`], except trust-constr, which ends with its own
/// status 3 (SciPy's behaviour).
///
/// The methods are SciPy's algorithms with its defaults: BFGS and CG use the same Moré-Thuente
/// line search (MINPACK-2 `dcsrch`) and, without `jac`, the same forward-difference gradient
/// (SciPy's absolute step `eps = sqrt(eps)`), so iterates, `nit`, `nfev` and `njev` follow SciPy's.
/// When `dcsrch` fails they fall back, as SciPy, to [`line_search`] (`line_search_wolfe2`).
///
/// L-BFGS-B is SciPy's algorithm (L-BFGS-B 3.0: generalized Cauchy point, subspace
/// minimization with projection, the same line search and tests; `x0` is clipped into the
/// bounds; without `jac` the gradient uses forward differences with the absolute step `eps`).
/// The subspace step is computed by the Sherman-Morrison-Woodbury formula on the same
/// compact matrices instead of L-BFGS-B's `formk` factorization: the same step up to rounding.
/// `hess_inv` is `None` here for L-BFGS-B: [`minimize_lbfgsb`] returns SciPy's operator.
///
/// Powell is SciPy's `_minimize_powell`: Brent line searches (bounded ones over the feasible
/// segment with `bounds`), the same directions, iterates and `nfev`; the final direction set
/// (SciPy's `direc`) is not returned.
///
/// trust-constr is SciPy's `_minimize_trustregion_constr` with `constraints` and `bounds`
/// ([`minimize_trust_constr`] returns all its result fields: multipliers, constraint values,
/// optimality, ...).
///
/// SLSQP is SciPy 1.17's SLSQP (Kraft's algorithm as rewritten in C: LDL' BFGS model,
/// LSQ/LSEI/LSI/LDP/NNLS subproblem, L1 line search, augmented problem for inconsistent
/// linearizations) with `bounds` and old-style [`ConstraintDict`] constraints (nonlinear and
/// linear constraints are converted as SciPy's `new_constraint_to_old` does), SciPy's `nit`,
/// `nfev`, `njev` and exit modes; the least-squares step without inequality rows uses a
/// Householder QR where SciPy calls `dgelsy`; [`minimize_slsqp`] also returns the
/// `multipliers`.
///
/// Variables fixed by the bounds (`lb == ub`) with SLSQP and L-BFGS-B are handled as SciPy's
/// `minimize` does: all of them fixed, the result is `f(lb)` with one evaluation, no `jac`,
/// and SciPy's message (for SLSQP with constraints, whether `lb` satisfies them, with the
/// maximum violation); some of them fixed and finite differences needed (no `jac` function,
/// or an SLSQP constraint without a Jacobian function), they are removed from the objective,
/// gradient, constraints (evaluated on the full `x`, fixed columns dropped from their
/// Jacobians) and callback (which sees the full `x`), and put back in `x`, with NaN `jac`
/// entries; otherwise the solver keeps them fixed itself.
///
/// TNC is SciPy's `_minimize_tnc` ([`minimize_tnc`]: the same iterates, `nit`, `nfev` and
/// status); as SciPy's `minimize`, variables fixed by the bounds (`lb == ub`) are removed from
/// the problem first (their `jac` entries are NaN), and with all of them fixed the result is
/// `f(lb)` with SciPy's message "All independent variables were fixed by bounds."; `tol` sets
/// `xtol`, `ftol` and `gtol`. A callback stop ends TNC with its status 7.
///
/// Newton-CG is SciPy's `_minimize_newtoncg` (needs `jac`; `hess`, `hessp`, or forward
/// differences of the gradient with step `eps` for the Hessian products).
///
/// # Errors
///
/// * [`OptimizeError::NonFiniteInitial`] when `f(x0)` is not finite.
/// * [`OptimizeError::UnsupportedOption`] for an option the method does not take.
/// * [`OptimizeError::WrongLength`] / [`OptimizeError::InvalidValue`] for an empty `x0`, a
///   badly shaped `initial_simplex` or a negative tolerance.
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize, rosen, rosen_der, Jac, Method, MinimizeOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // BFGS with a finite-difference gradient, as SciPy's default.
/// let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2);
/// let r = minimize(f, &array![0.0, 0.0], &MinimizeOptions::default())?;
/// assert!(r.success);
/// assert!((r.x[0] - 1.0).abs() < 1e-6 && (r.x[1] - 2.0).abs() < 1e-6);
///
/// // Rosenbrock with its gradient.
/// let opts = MinimizeOptions { jac: Jac::Fn(&rosen_der), ..Default::default() };
/// let r = minimize(rosen, &array![1.3, 0.7, 0.8, 1.9, 1.2], &opts)?;
/// assert!(r.x.iter().all(|v| (v - 1.0).abs() < 1e-5));
///
/// let opts = MinimizeOptions { method: Method::NelderMead, ..Default::default() };
/// let r = minimize(rosen, &array![1.3, 0.7], &opts)?;
/// assert!((r.x[0] - 1.0).abs() < 1e-3);
///
/// // L-BFGS-B with the bound x0 >= 1.5: the minimum moves to the bound.
/// use sci_optimize::Bounds;
/// let opts = MinimizeOptions {
///     method: Method::LBfgsB,
///     jac: Jac::Fn(&rosen_der),
///     bounds: Some(Bounds::from_pairs(&[(1.5, f64::INFINITY), (f64::NEG_INFINITY, f64::INFINITY)])),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![2.0, 2.0], &opts)?;
/// assert!(r.success);
/// assert!((r.x[0] - 1.5).abs() < 1e-12 && (r.x[1] - 2.25).abs() < 1e-4);
///
/// // Powell (derivative free) in the box [-2, 0.5] x [-1, 2].
/// let opts = MinimizeOptions {
///     method: Method::Powell,
///     bounds: Some(Bounds::from_pairs(&[(-2.0, 0.5), (-1.0, 2.0)])),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((r.nit, r.nfev), (10, 309)); // SciPy's counts
/// assert!((r.x[0] + 0.4579264166292454).abs() < 1e-9); // SciPy's x[0]
///
/// // Newton-CG with the exact Hessian: SciPy's counts.
/// use sci_optimize::rosen_hess;
/// let opts = MinimizeOptions {
///     method: Method::NewtonCg,
///     jac: Jac::Fn(&rosen_der),
///     hess: Some(&rosen_hess),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-4);
/// assert_eq!((r.nit, r.nfev, r.njev, r.nhev), (83, 105, 105, 83));
///
/// // trust-constr: Rosenbrock on the line x0 + x1 = 1.
/// use sci_optimize::LinearConstraint;
/// let opts = MinimizeOptions {
///     method: Method::TrustConstr,
///     jac: Jac::Fn(&rosen_der),
///     constraints: vec![LinearConstraint::new(array![[1.0, 1.0]], array![1.0], array![1.0]).into()],
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert!(r.success && (r.x[0] - 0.6187956190750267).abs() < 1e-7); // SciPy's x[0]
///
/// // SLSQP: the same problem as an old-style equality constraint; from (-1.2, 1) SciPy's
/// // SLSQP stops at the other local minimum on the line, with the same counts.
/// use sci_optimize::{ConstraintDict, ConstraintType};
/// let line = |x: &Array1<f64>| array![x[0] + x[1] - 1.0];
/// let opts = MinimizeOptions {
///     method: Method::Slsqp,
///     jac: Jac::Fn(&rosen_der),
///     constraints: vec![ConstraintDict::new(ConstraintType::Eq, &line).into()],
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert!(r.success && (r.x[0] + 1.6127702896090599).abs() < 1e-6); // SciPy's x[0]
/// assert_eq!((r.nit, r.nfev, r.njev), (7, 10, 7));
///
/// // SLSQP with x1 fixed by its bounds and a finite-difference gradient: SciPy's values.
/// let opts = MinimizeOptions {
///     method: Method::Slsqp,
///     bounds: Some(Bounds::from_pairs(&[(0.0, 2.0), (0.5, 0.5), (0.0, 2.0)])),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![0.3, 0.5, 0.8], &opts)?;
/// assert!((r.x[0] - 0.7085341153153867).abs() < 1e-8 && r.x[1] == 0.5);
/// assert!(r.jac.unwrap()[1].is_nan());
/// assert_eq!((r.nit, r.nfev, r.njev), (9, 30, 9));
///
/// // trust-exact and trust-ncg on Rosenbrock: SciPy's iterations and counts.
/// let opts = MinimizeOptions {
///     method: Method::TrustExact,
///     jac: Jac::Fn(&rosen_der),
///     hess: Some(&rosen_hess),
///     ..Default::default()
/// };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-6);
/// assert_eq!((r.nit, r.nfev, r.njev, r.nhev), (25, 26, 23, 26));
/// let opts = MinimizeOptions { method: Method::TrustNcg, ..opts };
/// let r = minimize(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((r.nit, r.nfev, r.njev, r.nhev), (29, 30, 27, 26));
///
/// // COBYLA (derivative free): SciPy's tutorial problem, with SciPy's nfev.
/// let c = |x: &Array1<f64>| array![x[0] - 2.0 * x[1] + 2.0, -x[0] - 2.0 * x[1] + 6.0, -x[0] + 2.0 * x[1] + 2.0];
/// let opts = MinimizeOptions {
///     method: Method::Cobyla,
///     constraints: vec![ConstraintDict::new(ConstraintType::Ineq, &c).into()],
///     bounds: Some(Bounds::from_pairs(&[(0.0, f64::INFINITY), (0.0, f64::INFINITY)])),
///     ..Default::default()
/// };
/// let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
/// let r = minimize(f, &array![2.0, 0.0], &opts)?;
/// assert!(r.success && (r.x[0] - 1.4).abs() < 1e-4 && (r.x[1] - 1.7).abs() < 1e-4);
/// assert_eq!(r.nfev, 32);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &MinimizeOptions<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let n = x0.len();
    check_common(options, n)?;
    let o = &*with_broadcast_bounds(options, n)?;
    let maxiter = o.maxiter.unwrap_or(200 * n);
    let x0 = x0.to_owned();
    if o.method == Method::Powell {
        return powell_method(&mut fun, x0, o);
    }
    if let Some(kind) = trust_region_kind(o.method) {
        let params = trust_region::Params {
            initial_trust_radius: o.initial_trust_radius.unwrap_or(1.0),
            max_trust_radius: o.max_trust_radius.unwrap_or(1000.0),
            eta: o.eta.unwrap_or(0.15),
            gtol: o.gtol.or(o.tol).unwrap_or(1e-4),
            maxiter,
            subproblem_maxiter: o.subproblem_maxiter.unwrap_or(25),
            inexact: o.inexact.unwrap_or(true),
        };
        let args = trust_region::Args {
            fun: &mut fun,
            jac: o.jac,
            hess: o.hess,
            hessp: o.hessp,
            callback: o.callback,
        };
        return trust_region::minimize_trust_region(kind, args, x0, &params);
    }
    if o.method == Method::LBfgsB {
        return lbfgsb(&mut fun, x0, o).map(|r| r.result);
    }
    if o.method == Method::Tnc {
        return tnc::tnc_method(&mut fun, x0, o);
    }
    if o.method == Method::TrustConstr {
        return trust_constr_method(&mut fun, x0, o);
    }
    if o.method == Method::Cobyla {
        return cobyla_method(&mut fun, x0, o);
    }
    if o.method == Method::Slsqp {
        return slsqp_method(&mut fun, x0, o);
    }
    if o.method == Method::NewtonCg {
        if matches!(o.jac, Jac::Default) {
            return Err(OptimizeError::MissingArgument { method: "Newton-CG", arg: "jac" });
        }
        let xtol = o.xtol.or(o.tol).unwrap_or(1e-5);
        let (c1, c2) = (o.c1.unwrap_or(1e-4), o.c2.unwrap_or(0.9));
        if !(0.0 < c1 && c1 < c2 && c2 < 1.0) {
            return Err(invalid("c1", "'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'"));
        }
        let eps = o.eps.unwrap_or(f64::EPSILON.sqrt());
        if !(eps.is_finite() && eps != 0.0) {
            return Err(invalid("eps", format!("must be finite and non-zero, got {eps}")));
        }
        let hess = match (o.hess, o.hessp) {
            (Some(h), _) => newton_cg::Hessian::Full(h),
            (None, Some(hp)) => newton_cg::Hessian::Product(hp),
            (None, None) => newton_cg::Hessian::Approx(eps),
        };
        let mut problem = Problem::new(&mut fun, o.jac, None);
        return newton_cg::newton_cg(&mut problem, hess, x0, xtol, maxiter, c1, c2, o.callback);
    }
    // BFGS and CG difference with SciPy's absolute step `eps` (default sqrt(eps)) when
    // `jac=None`.
    let mut problem = Problem::new(&mut fun, o.jac, None).with_abs_step(1.4901161193847656e-08);
    match o.method {
        Method::NelderMead => {
            if let Some(s) = &o.initial_simplex {
                if s.dim() != (n + 1, n) {
                    return Err(invalid(
                        "initial_simplex",
                        format!("expected shape ({}, {n}), got {:?}", n + 1, s.shape()),
                    ));
                }
            }
            // SciPy: with only one of maxiter/maxfev given, the other is unlimited.
            let (maxiter, maxfev) = match (o.maxiter, o.maxfev) {
                (None, None) => (200 * n, 200 * n),
                (Some(i), None) => (i, usize::MAX),
                (None, Some(f)) => (usize::MAX, f),
                (Some(i), Some(f)) => (i, f),
            };
            let tol = o.tol;
            let mut solver = neldermead::NelderMead::new(
                o.xatol.or(tol).unwrap_or(1e-4),
                o.fatol.or(tol).unwrap_or(1e-4),
                maxfev,
                o.adaptive.unwrap_or(false),
                o.initial_simplex.clone(),
            );
            run_with_callback(&mut solver, &mut problem, x0, maxiter, o.callback)
        }
        Method::Bfgs | Method::Cg => {
            let gtol = o.gtol.or(o.tol).unwrap_or(1e-5);
            let c1 = o.c1.unwrap_or(1e-4);
            let c2 = o.c2.unwrap_or(if o.method == Method::Bfgs { 0.9 } else { 0.4 });
            if !(0.0 < c1 && c1 < c2 && c2 < 1.0) {
                return Err(invalid("c1", "'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'"));
            }
            if o.method == Method::Bfgs {
                let mut solver = quasi_newton::Bfgs::new(gtol, c1, c2, o.xrtol.unwrap_or(0.0));
                run_with_callback(&mut solver, &mut problem, x0, maxiter, o.callback)
            } else {
                let mut solver = quasi_newton::Cg::new(gtol, c1, c2);
                run_with_callback(&mut solver, &mut problem, x0, maxiter, o.callback)
            }
        }
        Method::LBfgsB
        | Method::Powell
        | Method::NewtonCg
        | Method::TrustConstr
        | Method::Slsqp
        | Method::TrustNcg
        | Method::TrustKrylov
        | Method::TrustExact
        | Method::Dogleg
        | Method::Tnc
        | Method::Cobyla => {
            unreachable!("handled above")
        }
    }
}

/// `minimize(method='SLSQP')`: [`minimize_slsqp`] with the options of `o`. As SciPy's
/// `minimize`, all variables fixed by the bounds give [`fixed::equal_bounds_result`], and
/// when finite differences are needed (no `jac` function, or a constraint without one) the
/// fixed variables are removed from the objective, its gradient, the constraints and the
/// callback, then put back in `x` (and as NaN in `jac`).
fn slsqp_method(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let d = SlsqpOptions::default();
    let opts = SlsqpOptions {
        jac: o.jac,
        bounds: o.bounds.clone(),
        constraints: o.constraints.clone(),
        ftol: o.ftol.or(o.tol).unwrap_or(d.ftol),
        eps: o.eps.unwrap_or(d.eps),
        maxiter: o.maxiter.unwrap_or(d.maxiter),
        callback: o.callback,
    };
    let as_result = |r: SlsqpResult| OptimizeResult {
        x: r.x,
        fun: r.fun,
        jac: Some(r.jac),
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: r.nit,
        nfev: r.nfev,
        njev: r.njev,
        nhev: 0,
        status: r.status,
        success: r.success,
        message: r.message,
    };
    let Some(b) = &o.bounds else {
        return minimize_slsqp(fun, &x0, &opts).map(as_result);
    };
    b.check(n)?;
    let Some(fx) = fixed::Fixed::of(b) else {
        return minimize_slsqp(fun, &x0, &opts).map(as_result);
    };
    if fx.free.is_empty() {
        return fixed::equal_bounds_result(fun, b, &o.constraints);
    }
    if !fixed::fd_needed(matches!(o.jac, Jac::Fn(_)), &o.constraints) {
        return minimize_slsqp(fun, &x0, &opts).map(as_result);
    }
    let Some(funs) = fixed::ReducedFuns::new(&fx, &o.constraints) else {
        // A linear constraint of the wrong width: the solver reports it.
        return minimize_slsqp(fun, &x0, &opts).map(as_result);
    };
    let jac_fn = |xr: &Array1<f64>| match o.jac {
        Jac::Fn(g) => fx.reduce(&g(&fx.full(xr))),
        _ => unreachable!("only called with a gradient"),
    };
    let cb = o.callback.map(|c| fx.callback(c));
    let cs = if let Jac::ComplexStep(fc) = o.jac { Some(fx.reduced_cs(fc)) } else { None };
    let reduced = SlsqpOptions {
        jac: match (o.jac, &cs) {
            (Jac::Fn(_), _) => Jac::Fn(&jac_fn),
            (_, Some(c)) => Jac::ComplexStep(c),
            (jac, None) => jac,
        },
        bounds: Some(fx.bounds(b)),
        constraints: funs.constraints(&o.constraints),
        callback: cb.as_ref().map(|c| c as Callback<'_>),
        ..opts
    };
    let r = minimize_slsqp(|xr: &Array1<f64>| fun(&fx.full(xr)), &fx.reduce(&x0), &reduced)?;
    Ok(fx.expand_result(as_result(r)))
}

/// `minimize(method='L-BFGS-B')`: checks its options, clips `x0` and runs the solver. As
/// SciPy's `minimize`, all variables fixed by the bounds give `f(lb)` (SciPy's
/// `_optimize_result_for_equal_bounds`), and without a `jac` function the fixed variables
/// are removed (the solver keeps them fixed otherwise), then put back in `x` (and as NaN in
/// `jac`).
fn lbfgsb(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<LbfgsbResult> {
    let n = x0.len();
    let bounds = match &o.bounds {
        Some(b) => {
            b.check(n)?;
            b.clone()
        }
        None => Bounds::new(Array1::from_elem(n, f64::NEG_INFINITY), Array1::from_elem(n, f64::INFINITY)),
    };
    let ftol = o.ftol.or(o.tol).unwrap_or(2.220_446_049_250_313e-9);
    let gtol = o.gtol.or(o.tol).unwrap_or(1e-5);
    for (arg, v) in [("ftol", ftol), ("gtol", gtol)] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(arg, format!("must be non-negative, got {v}")));
        }
    }
    let maxcor = o.maxcor.unwrap_or(10);
    let maxls = o.maxls.unwrap_or(20);
    if maxcor == 0 {
        return Err(invalid("maxcor", "must be positive"));
    }
    if maxls == 0 {
        return Err(invalid("maxls", "maxls must be positive."));
    }
    let eps = o.eps.unwrap_or(1e-8);
    if !(eps.is_finite() && eps != 0.0) {
        return Err(invalid("eps", format!("must be finite and non-zero, got {eps}")));
    }
    if let Some(fx) = fixed::Fixed::of(&bounds) {
        if fx.free.is_empty() {
            return fixed::equal_bounds_result(fun, &bounds, &[])
                .map(|result| LbfgsbResult { result, hess_inv: None });
        }
        if !matches!(o.jac, Jac::Fn(_)) {
            let cb = o.callback.map(|c| fx.callback(c));
            let cs = if let Jac::ComplexStep(fc) = o.jac { Some(fx.reduced_cs(fc)) } else { None };
            let reduced = MinimizeOptions {
                jac: cs.as_ref().map_or(o.jac, |c| Jac::ComplexStep(c)),
                bounds: Some(fx.bounds(&bounds)),
                callback: cb.as_ref().map(|c| c as Callback<'_>),
                ..o.clone()
            };
            // SciPy's minimize drops hess_inv when it removed fixed variables.
            let r = lbfgsb(&mut |xr: &Array1<f64>| fun(&fx.full(xr)), fx.reduce(&x0), &reduced)?;
            return Ok(LbfgsbResult { result: fx.expand_result(r.result), hess_inv: None });
        }
    }
    let x0 = bounds.clip(&x0);
    let mut problem =
        Problem::new(fun, o.jac, None).with_bounds(bounds.lb.clone(), bounds.ub.clone()).with_abs_step(eps);
    let mut solver =
        lbfgsb::LBfgsB::new(maxcor, ftol, gtol, maxls, o.maxfun.unwrap_or(15000), &bounds.lb, &bounds.ub);
    let result = run_with_callback(&mut solver, &mut problem, x0, o.maxiter.unwrap_or(15000), o.callback)?;
    Ok(LbfgsbResult { result, hess_inv: solver.inv_hess_product() })
}

/// What [`minimize_lbfgsb`] returns: `minimize`'s result and SciPy's `hess_inv`.
#[derive(Debug, Clone)]
pub struct LbfgsbResult {
    /// As [`minimize`] returns it for `Method::LBfgsB` (`hess_inv` there is `None`).
    pub result: OptimizeResult,
    /// The L-BFGS inverse-Hessian operator of the last stored correction pairs (SciPy's
    /// `res.hess_inv`; the identity before the first update); `None` when variables fixed by
    /// the bounds were removed (SciPy then drops it too).
    pub hess_inv: Option<LbfgsInvHessProduct>,
}

/// `minimize(method='L-BFGS-B')` with SciPy's `hess_inv`: the same run as [`minimize`] with
/// `Method::LBfgsB` (the method in `options` is ignored), returning the limited-memory
/// inverse-Hessian operator as well ([`LbfgsInvHessProduct`]).
///
/// SciPy equivalent: `scipy.optimize.minimize(fun, x0, method='L-BFGS-B', ...)`, its
/// `hess_inv` (and `fmin_l_bfgs_b`).
///
/// # Errors
///
/// As [`minimize`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_lbfgsb, rosen, MinimizeOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let r = minimize_lbfgsb(|x| rosen(x), &array![1.3, 0.7, 0.8], &MinimizeOptions::default())?;
/// assert!(r.result.success);
/// let h = r.hess_inv.expect("several updates were made");
/// assert_eq!(h.shape(), (3, 3));
/// assert_eq!(h.n_corrs(), 10); // maxcor pairs are kept
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_lbfgsb<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &MinimizeOptions<'_>,
) -> Result<LbfgsbResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let o = MinimizeOptions { method: Method::LBfgsB, ..options.clone() };
    check_common(&o, x0.len())?;
    lbfgsb(&mut fun, x0.to_owned(), &*with_broadcast_bounds(&o, x0.len())?)
}

/// `o` with its bounds broadcast to `n` variables (SciPy's `_validate_bounds`).
fn with_broadcast_bounds<'o, 'a>(
    o: &'o MinimizeOptions<'a>,
    n: usize,
) -> Result<Cow<'o, MinimizeOptions<'a>>> {
    match o.bounds.as_ref().map(|b| b.broadcast(n)).transpose()? {
        Some(Cow::Owned(b)) => Ok(Cow::Owned(MinimizeOptions { bounds: Some(b), ..o.clone() })),
        _ => Ok(Cow::Borrowed(o)),
    }
}

/// The checks every method shares: a non-empty `x0`, a non-negative `tol`, and only the
/// options the method takes.
fn check_common(o: &MinimizeOptions<'_>, n: usize) -> Result<()> {
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if let Some(t) = o.tol {
        if t.is_nan() || t < 0.0 {
            return Err(invalid("tol", format!("tolerance must be non-negative, got {t}")));
        }
    }
    check_options(o)
}

/// `minimize(method='trust-constr')`: [`minimize_trust_constr`] with the options of `o`, its
/// result as an [`OptimizeResult`] (`jac` is the objective's gradient).
fn trust_constr_method(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<OptimizeResult> {
    let d = TrustConstrOptions::default();
    let opts = TrustConstrOptions {
        jac: o.jac,
        hess: o.hess,
        hessp: o.hessp,
        hess_update: o.hess_update,
        bounds: o.bounds.clone(),
        constraints: o.constraints.clone(),
        gtol: o.gtol.or(o.tol).unwrap_or(d.gtol),
        xtol: o.xtol.or(o.tol).unwrap_or(d.xtol),
        barrier_tol: o.barrier_tol.or(o.tol).unwrap_or(d.barrier_tol),
        maxiter: o.maxiter.unwrap_or(d.maxiter),
        initial_tr_radius: o.initial_tr_radius.unwrap_or(d.initial_tr_radius),
        initial_constr_penalty: o.initial_constr_penalty.unwrap_or(d.initial_constr_penalty),
        callback: o.callback,
        ..d
    };
    let r = minimize_trust_constr(fun, &x0, &opts)?;
    Ok(OptimizeResult {
        x: r.x,
        fun: r.fun,
        jac: Some(r.grad),
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: r.nit,
        nfev: r.nfev,
        njev: r.njev,
        nhev: r.nhev,
        status: r.status,
        success: r.success,
        message: r.message,
    })
}

/// `minimize(method='COBYLA')`: [`minimize_cobyla`] with the options of `o`, its result as
/// an [`OptimizeResult`] (`nit` is 0: SciPy does not report it; `maxcv` is in
/// [`CobylaResult`]).
fn cobyla_method(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<OptimizeResult> {
    let d = CobylaOptions::default();
    let opts = CobylaOptions {
        rhobeg: o.rhobeg.unwrap_or(d.rhobeg),
        tol: o.tol.unwrap_or(d.tol),
        maxiter: o.maxiter.unwrap_or(d.maxiter),
        catol: o.catol.unwrap_or(d.catol),
        f_target: o.f_target.unwrap_or(d.f_target),
        bounds: o.bounds.clone(),
        constraints: o.constraints.clone(),
        callback: o.callback,
    };
    let r = minimize_cobyla(fun, &x0, &opts)?;
    Ok(OptimizeResult {
        x: r.x,
        fun: r.fun,
        jac: None,
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: 0,
        nfev: r.nfev,
        njev: 0,
        nhev: 0,
        status: r.status,
        success: r.success,
        message: r.message,
    })
}

/// `minimize(method='Powell')`: checks its options and runs SciPy's `_minimize_powell`.
fn powell_method(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    if let Some(b) = &o.bounds {
        b.check(n)?;
    }
    let xtol = o.xtol.or(o.tol).unwrap_or(1e-4);
    let ftol = o.ftol.or(o.tol).unwrap_or(1e-4);
    for (arg, v) in [("xtol", xtol), ("ftol", ftol)] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(arg, format!("must be non-negative, got {v}")));
        }
    }
    let direc = match &o.direc {
        Some(d) if d.dim() != (n, n) => {
            return Err(invalid("direc", format!("expected shape ({n}, {n}), got {:?}", d.shape())));
        }
        Some(d) => d.clone(),
        None => Array2::eye(n),
    };
    // SciPy: with only one of maxiter/maxfev given, the other is unlimited.
    let (maxiter, maxfun) = match (o.maxiter, o.maxfev) {
        (None, None) => (1000 * n, 1000 * n),
        (Some(i), None) => (i, usize::MAX),
        (None, Some(f)) => (usize::MAX, f),
        (Some(i), Some(f)) => (i, f),
    };
    let bounds = o.bounds.as_ref().map(|b| (&b.lb, &b.ub));
    powell::powell(
        fun,
        x0,
        bounds,
        powell::PowellParams { xtol, ftol, maxiter, maxfun, direc, callback: o.callback },
    )
}

/// The subproblem of a trust-region method.
fn trust_region_kind(m: Method) -> Option<trust_region::Kind> {
    match m {
        Method::TrustNcg => Some(trust_region::Kind::Ncg),
        Method::TrustKrylov => Some(trust_region::Kind::Krylov),
        Method::TrustExact => Some(trust_region::Kind::Exact),
        Method::Dogleg => Some(trust_region::Kind::Dogleg),
        _ => None,
    }
}
