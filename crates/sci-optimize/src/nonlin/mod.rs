//! Large-scale nonlinear solvers of SciPy's `_nonlin.py` (`broyden1`, `broyden2`, `anderson`,
//! `linearmixing`, `diagbroyden`, `excitingmixing`: an inexact Newton iteration on a Jacobian
//! approximation with SciPy's Armijo line search) and DF-SANE (`_spectral.py`).

mod dfsane;
mod jacobians;
mod krylov;

pub use dfsane::{DfSaneLineSearch, DfSaneOptions, DfSaneResult, df_sane};

use crate::error::{OptimizeError, Result, invalid};
use jacobians::{Anderson, Broyden, DiagKind, Diagonal, JacApprox};
use krylov::{Inner, Krylov, Precond};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use std::fmt;

pub(crate) fn dot(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `scipy.linalg.norm` of a vector: BLAS `dnrm2`, which OpenBLAS on x86-64 computes as the
/// square root of the sum of squares in 80-bit extended precision, rounded once. Here the sum
/// is kept in double-double arithmetic (scaled by a power of two when the entries are huge or
/// tiny, as the extended exponent range allows) and the square root is rounded correctly, so
/// the result is OpenBLAS's up to a rare double rounding.
pub(crate) fn norm(a: &Array1<f64>) -> f64 {
    let m = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if m == 0.0 || !m.is_finite() {
        return if a.iter().any(|v| v.is_nan()) { f64::NAN } else { m };
    }
    // 2^k with m 2^-k in [1, 2): exact scaling
    let k = ((m.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let scaled = !(-400..=400).contains(&k);
    let (down, up) = if scaled { (2f64.powi(-k), 2f64.powi(k)) } else { (1.0, 1.0) };
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &v in a {
        let x = v * down;
        let p = x * x;
        let e = x.mul_add(x, -p);
        let s = hi + p;
        let bb = s - hi;
        let t = (hi - (s - bb)) + (p - bb);
        lo += t + e;
        hi = s + lo;
        lo -= hi - s;
    }
    let r = hi.sqrt();
    if r == 0.0 {
        return 0.0;
    }
    let res = (-r).mul_add(r, hi) + lo;
    (r + res / (2.0 * r)) * up
}

/// SciPy's `scipy.linalg.norm` checks its input is finite (`ValueError`): here the iteration
/// diverged.
pub(crate) fn diverged() -> OptimizeError {
    OptimizeError::NoConvergence {
        message: "the iteration diverged: array must not contain infs or NaNs".into(),
    }
}

/// `norm(v)` with `scipy.linalg.norm`'s finiteness check.
pub(crate) fn checked_norm(v: &Array1<f64>) -> Result<f64> {
    if v.iter().all(|t| t.is_finite()) { Ok(norm(v)) } else { Err(diverged()) }
}

/// `v**2` of a Python float: `OverflowError` when it overflows.
pub(crate) fn pysq(v: f64) -> Result<f64> {
    let s = v * v;
    if s.is_infinite() && v.is_finite() {
        return Err(OptimizeError::NoConvergence {
            message: format!("the iteration diverged: {v:e}**2 overflows (SciPy's OverflowError)"),
        });
    }
    Ok(s)
}

fn maxnorm(a: &Array1<f64>) -> f64 {
    a.iter().fold(f64::NEG_INFINITY, |m, v| if v.abs() > m || v.is_nan() { v.abs() } else { m })
}

/// How Broyden's methods keep the rank of their inverse-Jacobian update bounded (SciPy's
/// `reduction_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ReductionMethod {
    /// `'restart'` (default): drop all updates once there are more than `max_rank - 1`.
    #[default]
    Restart,
    /// `'simple'`: drop the oldest updates beyond `max_rank - 1`.
    Simple,
    /// `('svd', to_retain)`: once `max_rank - 1` updates are stored, keep the `to_retain`
    /// (default `max_rank - 3`) largest singular directions of their sum.
    Svd {
        /// `to_retain` (SciPy's second tuple entry).
        to_retain: Option<usize>,
    },
}

/// The line search of the nonlinear solvers (SciPy's `line_search=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum LineSearch {
    /// `'armijo'` (default): backtracking on `|F(x + s dx)|^2` with `s >= 0.01`.
    #[default]
    Armijo,
    /// `'wolfe'`: MINPACK's `dcsrch` on `|F(x + s dx)|^2` with a finite-difference slope
    /// (SciPy's `scalar_search_wolfe1`, `xtol = 0.01`, `amin = 0.01`).
    Wolfe,
    /// `None`: take the full step.
    None,
}

/// The preconditioner `inner_M` of the Newton-Krylov inner solver: `M v`, approximating
/// `J(x)^{-1} v`, with SciPy's optional hooks, called on the preconditioner object as
/// SciPy's `KrylovJacobian` calls them: `setup(x0, F(x0))` before the first step and
/// `update(x, F(x))` after every step (SciPy's `setup` also receives `F` itself; here capture
/// it). Any closure `v -> M v` is one without hooks. The hooks take `&self`: keep the state
/// they change in a `Cell` or `RefCell`.
///
/// SciPy equivalent: the `inner_M` argument of `scipy.optimize.newton_krylov` (a
/// `LinearOperator` with optional `setup` and `update` methods).
///
/// # Examples
///
/// ```
/// use sci_optimize::{newton_krylov, InnerPreconditioner, KrylovMethod, NonlinJacOptions, NonlinOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// use std::cell::RefCell;
/// // M = diag(1 / J(x)_ii) of F(x) = x^3 - 1, refreshed after every Newton step
/// struct Diag(RefCell<Array1<f64>>);
/// impl InnerPreconditioner for Diag {
///     fn apply(&self, v: &Array1<f64>) -> Array1<f64> {
///         &*self.0.borrow() * v
///     }
///     fn setup(&self, x: &Array1<f64>, f: &Array1<f64>) {
///         self.update(x, f)
///     }
///     fn update(&self, x: &Array1<f64>, _f: &Array1<f64>) {
///         *self.0.borrow_mut() = x.mapv(|t| 1.0 / (3.0 * t * t));
///     }
/// }
/// let m = Diag(RefCell::new(Array1::ones(2)));
/// let o = NonlinOptions {
///     jac: NonlinJacOptions { method: Some(KrylovMethod::Bicgstab), ..Default::default() },
///     inner_precond: Some(&m),
///     ..Default::default()
/// };
/// let x = newton_krylov(|x: &Array1<f64>| x.mapv(|t| t * t * t - 1.0), &array![2.0, 0.5], &o)?;
/// assert!((&x - &array![1.0, 1.0]).iter().all(|d| d.abs() < 1e-5));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub trait InnerPreconditioner {
    /// `M v`.
    fn apply(&self, v: &Array1<f64>) -> Array1<f64>;
    /// SciPy's `setup(x, F, func)` hook, before the first Newton step (nothing by default).
    fn setup(&self, x: &Array1<f64>, f: &Array1<f64>) {
        let _ = (x, f);
    }
    /// SciPy's `update(x, F)` hook, after every Newton step (nothing by default).
    fn update(&self, x: &Array1<f64>, f: &Array1<f64>) {
        let _ = (x, f);
    }
}

impl<F: Fn(&Array1<f64>) -> Array1<f64>> InnerPreconditioner for F {
    fn apply(&self, v: &Array1<f64>) -> Array1<f64> {
        self(v)
    }
}

/// The inner linear solver of the Newton-Krylov method (SciPy's `KrylovJacobian(method=...)`),
/// run on the forward-difference Jacobian as SciPy runs `scipy.sparse.linalg`'s solver:
/// `rtol` the Newton forcing term (or `inner_rtol`), `atol = 0` (or `inner_atol`), the
/// preconditioner `inner_M`.
///
/// SciPy equivalent: the `method` argument of `scipy.optimize.newton_krylov` and of
/// `root(method='krylov')`'s `jac_options`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{root, KrylovMethod, NonlinJacOptions, RootMethod, RootOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0];
/// let o = RootOptions {
///     method: RootMethod::Krylov,
///     jac_options: Some(NonlinJacOptions { method: Some(KrylovMethod::Gmres), ..Default::default() }),
///     ..Default::default()
/// };
/// let r = root(f, &array![1.0, 2.0, 3.0], &o)?;
/// assert_eq!((r.nit, r.nfev), (2, 6)); // SciPy's counts
/// assert!((r.x[2] + 3.49999933).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum KrylovMethod {
    /// `'lgmres'` (default): one LGMRES cycle of `inner_m` vectors, augmented by the last
    /// `outer_k` Newton steps.
    #[default]
    Lgmres,
    /// `'gmres'`: one GMRES cycle of `inner_maxiter` vectors (SciPy passes
    /// `restart=inner_maxiter, maxiter=1`).
    Gmres,
    /// `'bicgstab'`: at most `inner_maxiter` BiCGSTAB iterations.
    Bicgstab,
    /// `'cgs'`: at most `inner_maxiter` CGS iterations.
    Cgs,
    /// `'minres'`: at most `inner_maxiter` MINRES iterations (meant for symmetric Jacobians;
    /// SciPy's `ValueError` on a detected non-symmetric one is an error here too).
    Minres,
    /// `'tfqmr'`: at most `inner_maxiter` TFQMR iterations.
    Tfqmr,
}

impl KrylovMethod {
    /// SciPy's name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::KrylovMethod::Bicgstab.name(), "bicgstab");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Lgmres => "lgmres",
            Self::Gmres => "gmres",
            Self::Bicgstab => "bicgstab",
            Self::Cgs => "cgs",
            Self::Minres => "minres",
            Self::Tfqmr => "tfqmr",
        }
    }
}

/// Parameters of the Jacobian approximation (SciPy's `jac_options` of `root`, or the keyword
/// arguments of `broyden1`, `anderson`, ...). `None` means SciPy's default; a parameter the
/// method does not take is an error.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NonlinJacOptions {
    /// `alpha`: initial Jacobian approximation `-1/alpha` (default
    /// `0.5 max(|x0|, 1) / |F(x0)|`).
    pub alpha: Option<f64>,
    /// `reduction_method` (broyden1/2; default `Restart`).
    pub reduction_method: Option<ReductionMethod>,
    /// `max_rank` (broyden1/2; default unlimited): at least 2.
    pub max_rank: Option<usize>,
    /// `w0` (anderson; default 0.01): regularization.
    pub w0: Option<f64>,
    /// `M` (anderson; default 5): number of previous steps kept.
    pub m: Option<usize>,
    /// `alphamax` (excitingmixing; default 1.0): the largest entry of the diagonal.
    pub alphamax: Option<f64>,
    /// `rdiff` (krylov; default `sqrt(eps)`): relative step of the forward-difference
    /// Jacobian-vector product.
    pub rdiff: Option<f64>,
    /// `method` (krylov; default [`KrylovMethod::Lgmres`]): the inner linear solver.
    pub method: Option<KrylovMethod>,
    /// `inner_maxiter` (krylov; default 20): the inner solver's iteration budget (GMRES's
    /// cycle length); with LGMRES SciPy replaces it by `maxiter=1` (one restart cycle per
    /// Newton step), so there it has no effect. Must be positive for the other methods.
    pub inner_maxiter: Option<usize>,
    /// `inner_inner_m` (krylov, LGMRES only; default 30): LGMRES's inner Krylov subspace size.
    pub inner_m: Option<usize>,
    /// `outer_k` (krylov; default 10): LGMRES augmentation vectors kept across Newton steps
    /// (accepted and unused by the other methods, as in SciPy).
    pub outer_k: Option<usize>,
    /// `inner_rtol` (krylov): a fixed relative tolerance of the inner solver instead of the
    /// Newton forcing term.
    pub inner_rtol: Option<f64>,
    /// `inner_atol` (krylov, not MINRES; default 0): the inner solver's absolute tolerance.
    pub inner_atol: Option<f64>,
    /// `inner_restart` (krylov, GMRES only; default `inner_maxiter`): the length of GMRES's
    /// one cycle.
    pub inner_restart: Option<usize>,
    /// `inner_shift` (krylov, MINRES only; default 0): MINRES solves `(J - shift I) dx = v`.
    pub inner_shift: Option<f64>,
}

/// The Jacobian approximations of [`nonlin_solve`] (SciPy's `jacobian=` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NonlinMethod {
    /// `'broyden1'`: Broyden's first ("good") method.
    Broyden1,
    /// `'broyden2'`: Broyden's second ("bad") method.
    Broyden2,
    /// `'anderson'`: extended Anderson mixing.
    Anderson,
    /// `'linearmixing'`: the scalar Jacobian `-1/alpha`.
    LinearMixing,
    /// `'diagbroyden'`: a diagonal Broyden approximation.
    DiagBroyden,
    /// `'excitingmixing'`: a tuned diagonal approximation.
    ExcitingMixing,
    /// `'krylov'`: Newton-Krylov, the inverse Jacobian applied by an inner Krylov solver
    /// (LGMRES by default, see [`KrylovMethod`]) on forward-difference Jacobian-vector products
    /// (SciPy's `KrylovJacobian`).
    Krylov,
}

impl NonlinMethod {
    /// SciPy's name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::NonlinMethod::DiagBroyden.name(), "diagbroyden");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Broyden1 => "broyden1",
            Self::Broyden2 => "broyden2",
            Self::Anderson => "anderson",
            Self::LinearMixing => "linearmixing",
            Self::DiagBroyden => "diagbroyden",
            Self::ExcitingMixing => "excitingmixing",
            Self::Krylov => "krylov",
        }
    }

    fn jacobian<'a>(
        self,
        o: &NonlinJacOptions,
        precond: Option<Precond<'a>>,
    ) -> Result<Box<dyn JacApprox + 'a>> {
        let name = self.name();
        let reject = |given: &[(&'static str, bool)]| match given.iter().find(|(_, g)| *g) {
            Some((option, _)) => Err(OptimizeError::UnsupportedOption { method: name, option }),
            None => Ok(()),
        };
        if let Some(a) = o.alpha
            && (a.is_nan() || a == 0.0)
        {
            return Err(invalid("alpha", format!("must be non-zero, got {a}")));
        }
        let broyden_only =
            [("reduction_method", o.reduction_method.is_some()), ("max_rank", o.max_rank.is_some())];
        let anderson_only = [("w0", o.w0.is_some()), ("M", o.m.is_some())];
        let exciting_only = [("alphamax", o.alphamax.is_some())];
        let krylov_only = [
            ("rdiff", o.rdiff.is_some()),
            ("inner_maxiter", o.inner_maxiter.is_some()),
            ("inner_m", o.inner_m.is_some()),
            ("outer_k", o.outer_k.is_some()),
            ("method", o.method.is_some()),
            ("inner_rtol", o.inner_rtol.is_some()),
            ("inner_atol", o.inner_atol.is_some()),
            ("inner_restart", o.inner_restart.is_some()),
            ("inner_shift", o.inner_shift.is_some()),
            ("inner_M", precond.is_some()),
        ];
        if self != Self::Krylov {
            reject(&krylov_only)?;
        }
        Ok(match self {
            Self::Krylov => {
                reject(&[("alpha", o.alpha.is_some())])?;
                reject(&broyden_only)?;
                reject(&anderson_only)?;
                reject(&exciting_only)?;
                if let Some(r) = o.rdiff
                    && !(r.is_finite() && r > 0.0)
                {
                    return Err(invalid("rdiff", format!("must be positive and finite, got {r}")));
                }
                if o.inner_m == Some(0) {
                    return Err(invalid("inner_m", "must be positive, got 0"));
                }
                let method = o.method.unwrap_or_default();
                let inner_name = method.name();
                let reject_inner = |given: &[(&'static str, bool)]| match given.iter().find(|(_, g)| *g) {
                    Some((option, _)) => Err(OptimizeError::UnsupportedOption { method: inner_name, option }),
                    None => Ok(()),
                };
                // SciPy warns that an option is not one of the inner solver's, and ignores it
                if method != KrylovMethod::Lgmres {
                    reject_inner(&[("inner_m", o.inner_m.is_some())])?;
                }
                if method != KrylovMethod::Gmres {
                    reject_inner(&[("inner_restart", o.inner_restart.is_some())])?;
                }
                if method != KrylovMethod::Minres {
                    reject_inner(&[("inner_shift", o.inner_shift.is_some())])?;
                } else {
                    reject_inner(&[("inner_atol", o.inner_atol.is_some())])?;
                }
                // zero iterations: SciPy's gmres fails (UnboundLocalError), the others return a
                // zero step
                match method {
                    KrylovMethod::Lgmres => {}
                    KrylovMethod::Gmres if o.inner_restart == Some(0) => {
                        return Err(invalid("inner_restart", "must be positive, got 0"));
                    }
                    KrylovMethod::Gmres if o.inner_restart.is_some() => {}
                    _ if o.inner_maxiter == Some(0) => {
                        return Err(invalid("inner_maxiter", "must be positive, got 0"));
                    }
                    _ => {}
                }
                let maxiter = o.inner_maxiter.unwrap_or(20);
                let inner = Inner {
                    method,
                    maxiter,
                    restart: o.inner_restart.unwrap_or(maxiter),
                    shift: o.inner_shift.unwrap_or(0.0),
                    rtol: o.inner_rtol,
                    atol: o.inner_atol,
                    precond,
                };
                Box::new(Krylov::new(o.rdiff, o.inner_m.unwrap_or(30), o.outer_k.unwrap_or(10), inner))
            }
            Self::Broyden1 | Self::Broyden2 => {
                reject(&anderson_only)?;
                reject(&exciting_only)?;
                if let Some(r) = o.max_rank
                    && r < 2
                {
                    return Err(invalid("max_rank", format!("must be at least 2, got {r}")));
                }
                Box::new(Broyden::new(
                    self == Self::Broyden2,
                    o.alpha,
                    o.reduction_method.unwrap_or_default(),
                    o.max_rank,
                ))
            }
            Self::Anderson => {
                reject(&broyden_only)?;
                reject(&exciting_only)?;
                Box::new(Anderson::new(o.alpha, o.w0.unwrap_or(0.01), o.m.unwrap_or(5)))
            }
            _ => {
                reject(&broyden_only)?;
                reject(&anderson_only)?;
                let kind = match self {
                    Self::LinearMixing => DiagKind::Linear,
                    Self::DiagBroyden => DiagKind::Broyden,
                    _ => DiagKind::Exciting { alphamax: o.alphamax.unwrap_or(1.0) },
                };
                if self != Self::ExcitingMixing {
                    reject(&exciting_only)?;
                }
                Box::new(Diagonal::new(kind, o.alpha))
            }
        })
    }
}

/// Options of the nonlinear solvers (SciPy's keyword arguments of `broyden1`, ..., and
/// `nonlin_solve`), `None` meaning SciPy's default.
#[derive(Clone, Copy, Default)]
pub struct NonlinOptions<'a> {
    /// `iter`: make exactly this many iterations (then `success` is false unless `F = 0`).
    pub iter: Option<usize>,
    /// `maxiter` (default `iter + 1`, else `100 (n + 1)`).
    pub maxiter: Option<usize>,
    /// `f_tol`: absolute tolerance on `tol_norm(F)` (default `eps^(1/3)` = 6.06e-6).
    pub f_tol: Option<f64>,
    /// `f_rtol`: relative tolerance on the residual (default: not used).
    pub f_rtol: Option<f64>,
    /// `x_tol`: absolute tolerance on the step (default: not used).
    pub x_tol: Option<f64>,
    /// `x_rtol`: relative tolerance on the step (default: not used).
    pub x_rtol: Option<f64>,
    /// `tol_norm`: the norm of the convergence test (default the maximum norm).
    pub tol_norm: Option<&'a dyn Fn(&Array1<f64>) -> f64>,
    /// `line_search` (default `Armijo`).
    pub line_search: LineSearch,
    /// The Jacobian approximation's parameters.
    pub jac: NonlinJacOptions,
    /// `inner_M` (krylov): the preconditioner of the inner solver, `v -> M v` with `M`
    /// approximating the inverse Jacobian, passed as SciPy passes `M` to
    /// `scipy.sparse.linalg`'s solver: a closure, or an [`InnerPreconditioner`] with SciPy's
    /// `setup`/`update` hooks.
    pub inner_precond: Option<&'a dyn InnerPreconditioner>,
    /// `callback(x, F)`, called after every iteration's step and Jacobian update, as SciPy's
    /// `nonlin_solve` calls it (not for the starting point).
    pub callback: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>)>,
}

impl fmt::Debug for NonlinOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NonlinOptions")
            .field("iter", &self.iter)
            .field("maxiter", &self.maxiter)
            .field("f_tol", &self.f_tol)
            .field("f_rtol", &self.f_rtol)
            .field("x_tol", &self.x_tol)
            .field("x_rtol", &self.x_rtol)
            .field("tol_norm", &self.tol_norm.is_some())
            .field("line_search", &self.line_search)
            .field("jac", &self.jac)
            .field("inner_precond", &self.inner_precond.is_some())
            .field("callback", &self.callback.is_some())
            .finish()
    }
}

/// The outcome of [`nonlin_solve`] (SciPy's `full_output` info and the solution).
#[derive(Debug, Clone, PartialEq)]
pub struct NonlinResult {
    /// The solution estimate.
    pub x: Array1<f64>,
    /// `F(x)`.
    pub fun: Array1<f64>,
    /// Iterations (SciPy's `nit`: the number of convergence checks).
    pub nit: usize,
    /// Calls of `F`.
    pub nfev: usize,
    /// 1: converged; 2: the iteration limit was reached.
    pub status: i32,
    /// `status == 1`.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// `scalar_search_armijo(phi, phi0, derphi0, c1=1e-4, alpha0=1, amin)`.
fn scalar_search_armijo(
    phi: &mut dyn FnMut(f64) -> Result<f64>,
    phi0: f64,
    derphi0: f64,
    amin: f64,
) -> Result<Option<f64>> {
    let c1 = 1e-4;
    let mut alpha0 = 1.0;
    let mut phi_a0 = phi(alpha0)?;
    if phi_a0 <= phi0 + c1 * alpha0 * derphi0 {
        return Ok(Some(alpha0));
    }
    let mut alpha1 = -derphi0 * alpha0 * alpha0 / 2.0 / (phi_a0 - phi0 - derphi0 * alpha0);
    let mut phi_a1 = phi(alpha1)?;
    if phi_a1 <= phi0 + c1 * alpha1 * derphi0 {
        return Ok(Some(alpha1));
    }
    while alpha1 > amin {
        let factor = alpha0 * alpha0 * alpha1 * alpha1 * (alpha1 - alpha0);
        let a = (alpha0 * alpha0 * (phi_a1 - phi0 - derphi0 * alpha1)
            - alpha1 * alpha1 * (phi_a0 - phi0 - derphi0 * alpha0))
            / factor;
        let b = (-(alpha0 * alpha0 * alpha0) * (phi_a1 - phi0 - derphi0 * alpha1)
            + alpha1 * alpha1 * alpha1 * (phi_a0 - phi0 - derphi0 * alpha0))
            / factor;
        let mut alpha2 = (-b + (b * b - 3.0 * a * derphi0).abs().sqrt()) / (3.0 * a);
        let phi_a2 = phi(alpha2)?;
        if phi_a2 <= phi0 + c1 * alpha2 * derphi0 {
            return Ok(Some(alpha2));
        }
        if (alpha1 - alpha2) > alpha1 / 2.0 || (1.0 - alpha2 / alpha1) < 0.96 {
            alpha2 = alpha1 / 2.0;
        }
        alpha0 = alpha1;
        alpha1 = alpha2;
        phi_a0 = phi_a1;
        phi_a1 = phi_a2;
    }
    Ok(None)
}

/// `_safe_norm(v)**2`.
fn safe_norm2(v: &Array1<f64>) -> Result<f64> {
    if v.iter().all(|t| t.is_finite()) { pysq(norm(v)) } else { Ok(f64::INFINITY) }
}

/// `_nonlin_line_search(func, x, Fx, dx, 'armijo')`: returns the new `x`, `F(x)`.
fn armijo_step(
    func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x: &Array1<f64>,
    fx: &Array1<f64>,
    dx: &Array1<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let mut tmp_s = 0.0;
    let mut tmp_fx = fx.clone();
    let mut tmp_phi = pysq(checked_norm(fx)?)?;
    let phi0 = tmp_phi;
    // s_norm = norm(x) / norm(dx) (unused by the Armijo search, but checked by SciPy)
    checked_norm(x)?;
    checked_norm(dx)?;
    let s = {
        let mut phi = |s: f64| {
            if s == tmp_s {
                return Ok(tmp_phi);
            }
            let xt = x + &(dx * s);
            let v = func(&xt);
            let p = safe_norm2(&v)?;
            tmp_s = s;
            tmp_phi = p;
            tmp_fx = v;
            Ok(p)
        };
        scalar_search_armijo(&mut phi, phi0, -phi0, 1e-2)?.unwrap_or(1.0)
    };
    let xn = x + &(dx * s);
    let fxn = if s == tmp_s { tmp_fx } else { func(&xn) };
    Ok((xn, fxn))
}

/// `_nonlin_line_search(func, x, Fx, dx, 'wolfe')`: returns the new `x`, `F(x)`.
fn wolfe_step(
    func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    x: &Array1<f64>,
    fx: &Array1<f64>,
    dx: &Array1<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let rdiff = 1e-8;
    let mut tmp_s = 0.0;
    let mut tmp_fx = fx.clone();
    let mut tmp_phi = pysq(checked_norm(fx)?)?;
    let phi0 = tmp_phi;
    let s_norm = checked_norm(x)? / checked_norm(dx)?;
    let mut err: Option<OptimizeError> = None;
    let s = {
        let mut phi = |s: f64, store: bool| -> f64 {
            if s == tmp_s {
                return tmp_phi;
            }
            let xt = x + &(dx * s);
            let v = func(&xt);
            let p = match safe_norm2(&v) {
                Ok(p) => p,
                Err(e) => {
                    err.get_or_insert(e);
                    f64::NAN
                }
            };
            if store {
                tmp_s = s;
                tmp_phi = p;
                tmp_fx = v;
            }
            p
        };
        // derphi(s) = (phi(s + ds) - phi(s)) / ds, ds = (|s| + s_norm + 1) rdiff
        let ds0 = (0.0 + s_norm + 1.0) * rdiff;
        let derphi0 = (phi(ds0, false) - phi(0.0, true)) / ds0;
        let mut both = |s: f64| -> (f64, f64) {
            let f = phi(s, true);
            let ds = (s.abs() + s_norm + 1.0) * rdiff;
            let g = (phi(s + ds, false) - phi(s, true)) / ds;
            (f, g)
        };
        crate::minimize::linesearch::dcsrch(
            &mut both, 1.0, phi0, derphi0, 1e-4, 0.9, 1e-2, 1e-2, 50.0, 100, false,
        )
        .map(|(s, _)| s)
        .unwrap_or(1.0)
    };
    if let Some(e) = err {
        return Err(e);
    }
    let xn = x + &(dx * s);
    let fxn = if s == tmp_s { tmp_fx } else { func(&xn) };
    Ok((xn, fxn))
}

/// Finds a root of `F: R^n -> R^n` with a Jacobian approximation and an inexact Newton
/// iteration, SciPy's `nonlin_solve` step for step (the same iterates, `nit` and status).
///
/// SciPy equivalent: `scipy.optimize.nonlin.nonlin_solve` (with `full_output=True,
/// raise_exception=False`), behind `root(method='broyden1', ...)`.
///
/// Stopping: `tol_norm(F) <= f_tol` and `tol_norm(F) <= f_rtol tol_norm(F0)` and
/// `|dx| <= x_tol` and `|dx| <= x_rtol |x|` (all in `tol_norm`), or `iter` iterations.
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`]: empty `x0`, or `F(x0)` of another length.
/// * [`OptimizeError::NonFiniteInitial`]: `F(x0)` is not finite.
/// * [`OptimizeError::InvalidValue`] / [`OptimizeError::UnsupportedOption`]: bad Jacobian
///   parameters (`alpha = 0`, `max_rank < 2`, a parameter of another method), `maxiter = 0`,
///   or a Jacobian approximation that yields a zero step (SciPy's `ValueError`).
///
/// # Examples
///
/// ```
/// use sci_optimize::{nonlin_solve, NonlinMethod, NonlinOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // SciPy's root tutorial system.
/// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
/// let r = nonlin_solve(f, &array![0.0, 0.0], NonlinMethod::Broyden1, &NonlinOptions::default())?;
/// assert!(r.success);
/// assert!((r.x[0] - 0.8411639).abs() < 1e-5 && (r.x[1] - 0.1588361).abs() < 1e-5);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn nonlin_solve<F, S>(
    fun: F,
    x0: &ArrayBase<S, Ix1>,
    method: NonlinMethod,
    options: &NonlinOptions<'_>,
) -> Result<NonlinResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    Ok(solve(fun, x0.to_owned(), method, options)?.0)
}

/// `nonlin_solve`, and whether the iteration limit ran out (SciPy's `NoConvergence`).
fn solve<F: FnMut(&Array1<f64>) -> Array1<f64>>(
    mut fun: F,
    x0: Array1<f64>,
    method: NonlinMethod,
    options: &NonlinOptions<'_>,
) -> Result<(NonlinResult, bool)> {
    let o = options;
    let mut jac = method.jacobian(&o.jac, o.inner_precond)?;
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if o.maxiter == Some(0) {
        return Err(invalid("maxiter", "must be positive"));
    }
    let mut nfev = 0usize;
    let mut func = |x: &Array1<f64>| {
        nfev += 1;
        fun(x)
    };
    let tol_norm = |v: &Array1<f64>| match o.tol_norm {
        Some(t) => t(v),
        None => maxnorm(v),
    };
    let mut x = x0;
    let mut fx = func(&x);
    if fx.len() != n {
        return Err(OptimizeError::WrongLength { arg: "F(x0)", expected: n, found: fx.len() });
    }
    if let Some(v) = fx.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "function", value: *v });
    }
    let mut fx_norm = checked_norm(&fx)?;
    jac.setup(&x, &fx);
    let maxiter = o.maxiter.unwrap_or(match o.iter {
        Some(it) => it + 1,
        None => 100 * (n + 1),
    });
    let f_tol = o.f_tol.unwrap_or(f64::EPSILON.powf(1.0 / 3.0));
    let f_rtol = o.f_rtol.unwrap_or(f64::INFINITY);
    let x_tol = o.x_tol.unwrap_or(f64::INFINITY);
    let x_rtol = o.x_rtol.unwrap_or(f64::INFINITY);
    let mut iteration = 0usize;
    let mut f0_norm: Option<f64> = None;
    let mut check = |f: &Array1<f64>, x: &Array1<f64>, dx: &Array1<f64>| -> i32 {
        iteration += 1;
        let f_norm = tol_norm(f);
        let x_norm = tol_norm(x);
        let dx_norm = tol_norm(dx);
        let f0 = *f0_norm.get_or_insert(f_norm);
        if f_norm == 0.0 {
            return 1;
        }
        if let Some(it) = o.iter {
            return if iteration > it { 2 } else { 0 };
        }
        i32::from(
            (f_norm <= f_tol && f_norm / f_rtol <= f0) && (dx_norm <= x_tol && dx_norm / x_rtol <= x_norm),
        )
    };
    let (gamma, eta_max, eta_treshold): (f64, f64, f64) = (0.9, 0.9999, 0.1);
    let mut eta: f64 = 1e-3;
    let mut dx = Array1::from_elem(n, f64::INFINITY);
    let mut status = 2;
    let mut exhausted = true;
    for _ in 0..maxiter {
        let st = check(&fx, &x, &dx);
        if st != 0 {
            status = st;
            exhausted = false;
            break;
        }
        // the tolerance, as computed for scipy.sparse.linalg's solvers
        let tol = eta.min(eta * fx_norm);
        dx = -jac.solve_with(&fx, tol, &mut func)?;
        if checked_norm(&dx)? == 0.0 {
            return Err(invalid(
                "jacobian",
                "Jacobian inversion yielded zero vector. This indicates a bug in the Jacobian approximation.",
            ));
        }
        (x, fx) = match o.line_search {
            LineSearch::Armijo => armijo_step(&mut func, &x, &fx, &dx)?,
            LineSearch::Wolfe => wolfe_step(&mut func, &x, &fx, &dx)?,
            LineSearch::None => {
                let xn = &x + &dx;
                let f = func(&xn);
                (xn, f)
            }
        };
        let fx_norm_new = checked_norm(&fx)?;
        jac.update(&x, &fx)?;
        if let Some(cb) = o.callback {
            cb(&x, &fx);
        }
        let den = pysq(fx_norm)?;
        if den == 0.0 {
            // SciPy divides Python floats here and raises ZeroDivisionError.
            return Err(OptimizeError::NoConvergence {
                message: "|F(x)|**2 underflowed to zero (SciPy's ZeroDivisionError); x is a root to \
                          working precision"
                    .into(),
            });
        }
        let eta_a = gamma * pysq(fx_norm_new)? / den;
        eta = if gamma * eta * eta < eta_treshold {
            eta_max.min(eta_a)
        } else {
            eta_max.min(eta_a.max(gamma * eta * eta))
        };
        fx_norm = fx_norm_new;
    }
    Ok((
        NonlinResult {
            x,
            fun: fx,
            nit: iteration,
            nfev,
            status,
            success: status == 1,
            message: if status == 1 {
                "A solution was found at the specified tolerance.".into()
            } else {
                "The maximum number of iterations allowed has been reached.".into()
            },
        },
        exhausted,
    ))
}

fn shortcut<F: FnMut(&Array1<f64>) -> Array1<f64>, S: Data<Elem = f64>>(
    f: F,
    x0: &ArrayBase<S, Ix1>,
    method: NonlinMethod,
    options: &NonlinOptions<'_>,
) -> Result<Array1<f64>> {
    let (r, exhausted) = solve(f, x0.to_owned(), method, options)?;
    if exhausted {
        return Err(OptimizeError::NoConvergence { message: format!("{} x = {}", r.message, r.x) });
    }
    Ok(r.x)
}

macro_rules! nonlin_shortcut {
    ($(#[$doc:meta])* $name:ident, $method:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        ///
        /// As [`nonlin_solve`], and [`OptimizeError::NoConvergence`] when `maxiter` iterations
        /// do not meet the tolerances (SciPy's `NoConvergence`) or the iteration diverges.
        pub fn $name<F, S>(f: F, x0: &ArrayBase<S, Ix1>, options: &NonlinOptions<'_>) -> Result<Array1<f64>>
        where
            F: FnMut(&Array1<f64>) -> Array1<f64>,
            S: Data<Elem = f64>,
        {
            shortcut(f, x0, $method, options)
        }
    };
}

nonlin_shortcut!(
    /// Root of `F(x) = 0` by Broyden's first (good) method.
    ///
    /// SciPy equivalent: `scipy.optimize.broyden1` (`alpha`, `reduction_method`, `max_rank` in
    /// [`NonlinOptions::jac`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{broyden1, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
    /// let x = broyden1(f, &array![0.0, 0.0], &NonlinOptions::default())?;
    /// assert!((x[0] - 0.84116396).abs() < 1e-8 && (x[1] - 0.15883641).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    broyden1,
    NonlinMethod::Broyden1
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` by Broyden's second (bad) method.
    ///
    /// SciPy equivalent: `scipy.optimize.broyden2`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{broyden2, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
    /// let x = broyden2(f, &array![0.0, 0.0], &NonlinOptions::default())?;
    /// assert!((x[0] - 0.84116365).abs() < 1e-8 && (x[1] - 0.15883529).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    broyden2,
    NonlinMethod::Broyden2
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` by (extended) Anderson mixing.
    ///
    /// SciPy equivalent: `scipy.optimize.anderson` (`alpha`, `w0`, `M` in
    /// [`NonlinOptions::jac`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{anderson, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
    /// let x = anderson(f, &array![0.0, 0.0], &NonlinOptions::default())?;
    /// assert!((x[0] - 0.84116588).abs() < 1e-8 && (x[1] - 0.15883789).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    anderson,
    NonlinMethod::Anderson
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` with the scalar Jacobian approximation `-1/alpha`.
    ///
    /// SciPy equivalent: `scipy.optimize.linearmixing`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{linearmixing, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0];
    /// let x = linearmixing(f, &array![1.0, 2.0, 3.0], &NonlinOptions::default())?;
    /// assert!((x[0] + 2.49999303).abs() < 1e-8 && (x[1] + 3.99999014).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    linearmixing,
    NonlinMethod::LinearMixing
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` with a diagonal Broyden Jacobian approximation.
    ///
    /// SciPy equivalent: `scipy.optimize.diagbroyden`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{diagbroyden, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
    /// let x = diagbroyden(f, &array![0.0, 0.0], &NonlinOptions::default())?;
    /// assert!((x[0] - 0.84116403).abs() < 1e-8 && (x[1] - 0.15883384).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    diagbroyden,
    NonlinMethod::DiagBroyden
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` with a tuned diagonal Jacobian approximation (`alpha`, `alphamax`).
    ///
    /// SciPy equivalent: `scipy.optimize.excitingmixing`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{excitingmixing, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0];
    /// let x = excitingmixing(f, &array![1.0, 2.0, 3.0], &NonlinOptions::default())?;
    /// assert!((x[0] + 2.49999581).abs() < 1e-8 && (x[1] + 3.99999413).abs() < 1e-8); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    excitingmixing,
    NonlinMethod::ExcitingMixing
);

nonlin_shortcut!(
    /// Root of `F(x) = 0` by Newton-Krylov steps: the inverse Jacobian applied by an inner
    /// Krylov solver on forward-difference Jacobian-vector products. The default is one LGMRES
    /// cycle with its augmentation vectors carried across the Newton steps (`rdiff`,
    /// `inner_m`, `outer_k` in [`NonlinOptions::jac`]); [`KrylovMethod`] selects GMRES,
    /// BiCGSTAB, CGS, MINRES or TFQMR instead (`inner_maxiter`, `inner_rtol`, `inner_atol`,
    /// `inner_restart`, `inner_shift`),
    /// with the preconditioner `inner_M` as [`NonlinOptions::inner_precond`].
    ///
    /// SciPy equivalent: `scipy.optimize.newton_krylov(F, xin, rdiff, method, inner_maxiter,
    /// inner_M, outer_k, ...)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_optimize::{newton_krylov, KrylovMethod, NonlinJacOptions, NonlinOptions};
    /// use sci_optimize::sci_array::ndarray::{array, Array1};
    /// let f = |x: &Array1<f64>| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0];
    /// let x = newton_krylov(f, &array![1.0, 2.0, 3.0], &NonlinOptions::default())?;
    /// assert!((x[0] + 2.49999972).abs() < 1e-8 && (x[1] + 3.99999948).abs() < 1e-8); // SciPy's x
    /// // method='tfqmr', inner_M = -I/2 (the inverse of the Jacobian's diagonal)
    /// let m = |v: &Array1<f64>| v * -0.5;
    /// let o = NonlinOptions {
    ///     jac: NonlinJacOptions { method: Some(KrylovMethod::Tfqmr), ..Default::default() },
    ///     inner_precond: Some(&m),
    ///     ..Default::default()
    /// };
    /// let x = newton_krylov(f, &array![1.0, 2.0, 3.0], &o)?;
    /// assert!((x[0] + 2.4999998).abs() < 1e-7 && (x[1] + 3.99999942).abs() < 1e-7); // SciPy's x
    /// # Ok::<(), sci_optimize::OptimizeError>(())
    /// ```
    newton_krylov,
    NonlinMethod::Krylov
);
