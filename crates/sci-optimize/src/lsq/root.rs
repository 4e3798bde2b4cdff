//! `root` (methods hybr and lm) and `fsolve`.

use super::hybrd::{HybrdOutput, HybrdParams, hybrd};
use super::{LeastsqOptions, leastsq};
use crate::error::{OptimizeError, Result, invalid};
use crate::nonlin::{
    DfSaneOptions, InnerPreconditioner, LineSearch, NonlinJacOptions, NonlinMethod, NonlinOptions, df_sane,
    nonlin_solve,
};
use crate::problem::OptimizeResult;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use std::fmt;

/// The methods of [`root`] (SciPy's `method=` strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RootMethod {
    /// `"hybr"` (SciPy's default): Powell's hybrid dogleg method, MINPACK `hybrd`/`hybrj`;
    /// needs as many equations as unknowns.
    #[default]
    Hybr,
    /// `"lm"`: Levenberg-Marquardt in the least-squares sense (works for `m >= n` equations).
    Lm,
    /// `"broyden1"`: Broyden's first method ([`nonlin_solve`](crate::nonlin_solve)).
    Broyden1,
    /// `"broyden2"`: Broyden's second method.
    Broyden2,
    /// `"anderson"`: Anderson mixing.
    Anderson,
    /// `"linearmixing"`: scalar Jacobian approximation.
    LinearMixing,
    /// `"diagbroyden"`: diagonal Broyden approximation.
    DiagBroyden,
    /// `"excitingmixing"`: tuned diagonal approximation.
    ExcitingMixing,
    /// `"df-sane"`: derivative-free spectral method ([`df_sane`](crate::df_sane)).
    DfSane,
    /// `"krylov"`: Newton-Krylov with LGMRES ([`newton_krylov`](crate::newton_krylov)).
    Krylov,
}

impl RootMethod {
    /// SciPy's name of the method.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_optimize::RootMethod::Hybr.name(), "hybr");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Hybr => "hybr",
            Self::Lm => "lm",
            Self::Broyden1 => "broyden1",
            Self::Broyden2 => "broyden2",
            Self::Anderson => "anderson",
            Self::LinearMixing => "linearmixing",
            Self::DiagBroyden => "diagbroyden",
            Self::ExcitingMixing => "excitingmixing",
            Self::DfSane => "df-sane",
            Self::Krylov => "krylov",
        }
    }

    fn nonlin(self) -> Option<NonlinMethod> {
        Some(match self {
            Self::Broyden1 => NonlinMethod::Broyden1,
            Self::Broyden2 => NonlinMethod::Broyden2,
            Self::Anderson => NonlinMethod::Anderson,
            Self::LinearMixing => NonlinMethod::LinearMixing,
            Self::DiagBroyden => NonlinMethod::DiagBroyden,
            Self::ExcitingMixing => NonlinMethod::ExcitingMixing,
            Self::Krylov => NonlinMethod::Krylov,
            _ => return None,
        })
    }
}

/// Options of [`root`]: SciPy's `method`, `jac`, `tol` and the method's `options` dict.
/// `None` means SciPy's default; an option the method does not take is an error
/// ([`OptimizeError::UnsupportedOption`]).
#[derive(Clone, Default)]
pub struct RootOptions<'a> {
    /// The method (default `Hybr`).
    pub method: RootMethod,
    /// `jac`: the Jacobian `(m, n)` of `fun` (default: MINPACK's forward differences).
    pub jac: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    /// `tol`: sets `xtol` (hybr) or `xtol` and `ftol` (lm).
    pub tol: Option<f64>,
    /// `xtol` (default 1.49012e-8): relative error between two consecutive iterates.
    pub xtol: Option<f64>,
    /// `ftol` (lm; default 1.49012e-8).
    pub ftol: Option<f64>,
    /// `gtol` (lm; default 0).
    pub gtol: Option<f64>,
    /// `maxfev` (hybr; default `200 (n + 1)`, `100 (n + 1)` with `jac`).
    pub maxfev: Option<usize>,
    /// `maxiter` (lm; the limit on function calls, default as `maxfev` of hybr).
    pub maxiter: Option<usize>,
    /// `eps`: forward-difference step `sqrt(eps) |x|` (default machine epsilon).
    pub eps: Option<f64>,
    /// `factor` (default 100): initial step bound `factor * ||diag x||`.
    pub factor: Option<f64>,
    /// `diag` (hybr, lm): positive scale factors of the variables (default: from the
    /// Jacobian's column norms).
    pub diag: Option<Array1<f64>>,
    /// `band` (hybr, without `jac`): `(ml, mu)` sub- and super-diagonals of a banded Jacobian.
    pub band: Option<(usize, usize)>,
    /// `nit` (broyden1, ...): make exactly this many iterations.
    pub nit: Option<usize>,
    /// `fatol` (broyden1, ...: absolute residual tolerance, default 6e-6; df-sane: default
    /// 1e-300).
    pub fatol: Option<f64>,
    /// `xatol` (broyden1, ...): absolute step tolerance (default: not used).
    pub xatol: Option<f64>,
    /// `tol_norm` (broyden1, ...): the norm of the convergence test (default the maximum norm).
    pub tol_norm: Option<&'a dyn Fn(&Array1<f64>) -> f64>,
    /// `line_search` (broyden1, ...; default Armijo).
    pub line_search: Option<LineSearch>,
    /// `jac_options` (broyden1, ...): the Jacobian approximation's parameters.
    pub jac_options: Option<NonlinJacOptions>,
    /// df-sane's other options (`M`, `sigma_eps`, `sigma_0`, `line_search`, `fnorm`,
    /// `eta_strategy`); `tol`, `ftol`, `fatol`, `maxfev` and `callback` given here take
    /// precedence over the struct's.
    pub df_sane: Option<DfSaneOptions<'a>>,
    /// `callback(x, f)` on every iteration (broyden1, ..., krylov: after each step;
    /// df-sane: before each convergence test, as SciPy). SciPy warns and ignores it for hybr
    /// and lm; here that is an error.
    pub callback: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>)>,
    /// `jac_options['inner_M']` (krylov): the inner
    /// solver's preconditioner `v -> M v`, a closure or an [`InnerPreconditioner`] (see
    /// [`NonlinOptions::inner_precond`]).
    pub inner_precond: Option<&'a dyn InnerPreconditioner>,
}

impl fmt::Debug for RootOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RootOptions")
            .field("method", &self.method)
            .field("jac", &self.jac.is_some())
            .field("tol", &self.tol)
            .field("xtol", &self.xtol)
            .field("maxfev", &self.maxfev)
            .field("callback", &self.callback.is_some())
            .finish_non_exhaustive()
    }
}

fn hybr_message(info: i32, xtol: f64, maxfev: usize) -> String {
    match info {
        1 => "The solution converged.".to_string(),
        2 => format!("The number of calls to function has reached maxfev = {maxfev}."),
        3 => format!("xtol={xtol:.6} is too small, no further improvement in the approximate\n solution is possible."),
        4 => "The iteration is not making good progress, as measured by the \n improvement from the last five Jacobian evaluations.".to_string(),
        _ => "The iteration is not making good progress, as measured by the \n improvement from the last ten iterations.".to_string(),
    }
}

/// Validates the input and runs MINPACK `hybrd`/`hybrj`.
#[allow(clippy::too_many_arguments)]
fn run_hybr(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    jac: Option<&dyn Fn(&Array1<f64>) -> Array2<f64>>,
    x0: Array1<f64>,
    xtol: f64,
    maxfev: Option<usize>,
    band: Option<(usize, usize)>,
    eps: Option<f64>,
    factor: f64,
    diag: Option<&Array1<f64>>,
) -> Result<(HybrdOutput, usize)> {
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    if xtol.is_nan() || xtol < 0.0 {
        return Err(invalid("xtol", format!("must be non-negative, got {xtol}")));
    }
    if factor.is_nan() || factor <= 0.0 {
        return Err(invalid("factor", format!("must be positive, got {factor}")));
    }
    let epsfcn = eps.unwrap_or(f64::EPSILON);
    if epsfcn.is_nan() {
        return Err(invalid("eps", "must not be NaN"));
    }
    if let Some(d) = diag {
        if d.len() != n {
            return Err(OptimizeError::WrongLength { arg: "diag", expected: n, found: d.len() });
        }
        if let Some(v) = d.iter().find(|v| v.is_nan() || **v <= 0.0) {
            return Err(invalid("diag", format!("entries must be positive, got {v}")));
        }
    }
    let f0 = fun(&x0);
    if f0.len() != n {
        return Err(OptimizeError::WrongLength { arg: "fun(x0)", expected: n, found: f0.len() });
    }
    if let Some(v) = f0.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "function", value: *v });
    }
    if let Some(j) = jac {
        let j0 = j(&x0);
        if j0.dim() != (n, n) {
            return Err(invalid("jac", format!("expected shape ({n}, {n}), got {:?}", j0.shape())));
        }
    }
    let maxfev =
        maxfev.filter(|&m| m > 0).unwrap_or(if jac.is_some() { 100 * (n + 1) } else { 200 * (n + 1) });
    let (ml, mu) = match (jac, band) {
        (None, Some((ml, mu))) => (ml, mu),
        _ => (n - 1, n - 1),
    };
    let p = HybrdParams { xtol, maxfev, ml, mu, epsfcn, factor, diag: diag.map(|d| d.to_vec()) };
    Ok((hybrd(fun, jac, x0, f0, &p), maxfev))
}

/// The `OptimizeResult` of a system solver: `x`, `F(x)` in `fvec`, counts and status.
#[allow(clippy::too_many_arguments)]
fn system_result(
    x: Array1<f64>,
    fvec: Array1<f64>,
    nit: usize,
    nfev: usize,
    njev: usize,
    status: i32,
    success: bool,
    message: String,
) -> OptimizeResult {
    OptimizeResult {
        x,
        fun: f64::NAN,
        jac: None,
        fvec: Some(fvec),
        jac_matrix: None,
        hess_inv: None,
        nit,
        nfev,
        njev,
        nhev: 0,
        status,
        success,
        message,
    }
}

/// Finds a root of a vector function `fun: R^n -> R^m` from `x0`.
///
/// SciPy equivalent: `scipy.optimize.root`.
///
/// * `Broyden1`, `Broyden2`, `Anderson`, `LinearMixing`, `DiagBroyden`, `ExcitingMixing`,
///   `Krylov` (`jac_options`: `method` for the inner solver LGMRES, GMRES, BiCGSTAB, CGS, MINRES or TFQMR,
///   `rdiff`, `inner_maxiter`, `inner_m`, `outer_k`, `inner_rtol`, `inner_atol`, `inner_restart`, `inner_shift`;
///   `inner_precond` for `inner_M`): SciPy's `nonlin_solve` ([`nonlin_solve`](crate::nonlin_solve)) with options `nit`,
///   `maxiter`, `ftol`, `fatol`, `xtol`, `xatol`, `tol_norm`, `line_search`, `jac_options`;
///   `nit`, `nfev` and `status` as SciPy's; `callback(x, f)` after every step.
/// * `DfSane`: [`df_sane`](crate::df_sane) with `ftol`, `fatol`, `maxfev` and the rest of
///   [`DfSaneOptions`](crate::DfSaneOptions) in `df_sane` (`fnorm`, `eta_strategy`); SciPy's
///   `nit`, `nfev`; `status` is 1 on success, else 2 (SciPy sets none); `callback(x, f)` at
///   the start of every iteration.
///
/// * `Hybr` (the default) is MINPACK's modified Powell hybrid method (`hybrd`, or `hybrj` with
///   `jac`), for `m = n`: the same iterates and `status` as SciPy. `nfev` counts the calls of
///   `fun`: SciPy's is 2 higher, because its wrappers call `fun(x0)` twice more to check the
///   output shape. `njev` counts the Jacobian evaluations (finite-difference ones too; SciPy
///   reports `njev` only with `jac`).
/// * `Lm` is MINPACK's Levenberg-Marquardt (`lmdif`/`lmder`, as [`leastsq`]), for `m >= n`.
///
/// The result has `x`, `fvec` (SciPy's `fun`), `status` (MINPACK's `info`), `success`,
/// `message`, `nfev` and `njev`. [`fsolve`] also returns hybr's final `fjac`, `r` and `qtf`.
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`]: empty `x0`, `fun(x0)` of another length than `x0` (hybr)
///   or shorter than `x0` (lm), `diag` of the wrong length.
/// * [`OptimizeError::NonFiniteInitial`]: `fun(x0)` is not finite.
/// * [`OptimizeError::InvalidValue`]: negative tolerances, non-positive `factor` or `diag`,
///   a Jacobian of the wrong shape.
/// * [`OptimizeError::UnsupportedOption`]: an option the method does not take.
///
/// # Examples
///
/// ```
/// use sci_optimize::{root, RootMethod, RootOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // The circle x0^2 + x1^2 = 1 meets the line x1 = x0 at (1/sqrt 2, 1/sqrt 2).
/// let f = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0]];
/// let r = root(f, &array![0.0, 0.0], &RootOptions::default())?;
/// assert!(r.success);
/// assert!((r.x[0] - 0.7071067811865476).abs() < 1e-12 && (r.x[1] - 0.7071067811865476).abs() < 1e-12);
/// assert_eq!(r.nfev, 21); // SciPy: 23, with its two shape-check calls
///
/// // Three equations, two unknowns: lm returns the least-squares point.
/// let g = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0], x[1] - x[0] * x[0]];
/// let r = root(g, &array![1.0, 1.0], &RootOptions { method: RootMethod::Lm, ..Default::default() })?;
/// assert!((r.x[0] - 0.7609606619950791).abs() < 1e-8); // SciPy's x
/// assert!((r.x[1] - 0.660177364636421).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn root<F, S>(mut fun: F, x0: &ArrayBase<S, Ix1>, options: &RootOptions<'_>) -> Result<OptimizeResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    let o = options;
    let reject = |given: &[(&'static str, bool)]| match given.iter().find(|(_, g)| *g) {
        Some((option, _)) => Err(OptimizeError::UnsupportedOption { method: o.method.name(), option }),
        None => Ok(()),
    };
    let nonlin_given = [
        ("callback", o.callback.is_some()),
        ("nit", o.nit.is_some()),
        ("fatol", o.fatol.is_some()),
        ("xatol", o.xatol.is_some()),
        ("tol_norm", o.tol_norm.is_some()),
        ("line_search", o.line_search.is_some()),
        ("jac_options", o.jac_options.is_some()),
        ("df_sane", o.df_sane.is_some()),
        ("inner_M", o.inner_precond.is_some()),
    ];
    let minpack_given = [
        ("jac", o.jac.is_some()),
        ("gtol", o.gtol.is_some()),
        ("eps", o.eps.is_some()),
        ("factor", o.factor.is_some()),
        ("diag", o.diag.is_some()),
        ("band", o.band.is_some()),
    ];
    if let Some(m) = o.method.nonlin() {
        reject(&minpack_given)?;
        reject(&[("maxfev", o.maxfev.is_some()), ("df_sane", o.df_sane.is_some())])?;
        // SciPy: `tol` sets xtol and makes the other tolerances infinite unless given.
        let inf = o.tol.map(|_| f64::INFINITY);
        let no = NonlinOptions {
            iter: o.nit,
            maxiter: o.maxiter,
            f_tol: o.fatol.or(inf),
            f_rtol: o.ftol.or(inf),
            x_tol: o.xatol.or(inf),
            x_rtol: o.xtol.or(o.tol),
            tol_norm: o.tol_norm,
            line_search: o.line_search.unwrap_or_default(),
            jac: o.jac_options.unwrap_or_default(),
            inner_precond: o.inner_precond,
            callback: o.callback,
        };
        let r = nonlin_solve(fun, x0, m, &no)?;
        return Ok(system_result(r.x, r.fun, r.nit, r.nfev, 0, r.status, r.success, r.message));
    }
    if o.method == RootMethod::DfSane {
        reject(&minpack_given)?;
        reject(&[
            ("nit", o.nit.is_some()),
            ("xtol", o.xtol.is_some()),
            ("xatol", o.xatol.is_some()),
            ("maxiter", o.maxiter.is_some()),
            ("tol_norm", o.tol_norm.is_some()),
            ("line_search", o.line_search.is_some()),
            ("jac_options", o.jac_options.is_some()),
            ("inner_M", o.inner_precond.is_some()),
        ])?;
        let base = o.df_sane.unwrap_or_default();
        let d = DfSaneOptions {
            ftol: o.ftol.or(o.tol).unwrap_or(base.ftol),
            fatol: o.fatol.unwrap_or(base.fatol),
            maxfev: o.maxfev.unwrap_or(base.maxfev),
            callback: o.callback.or(base.callback),
            ..base
        };
        let r = df_sane(fun, x0, &d)?;
        return Ok(system_result(
            r.x,
            r.fun,
            r.nit,
            r.nfev,
            0,
            if r.success { 1 } else { 2 },
            r.success,
            r.message,
        ));
    }
    reject(&nonlin_given)?;
    match o.method {
        RootMethod::Hybr => {
            reject(&[
                ("ftol", o.ftol.is_some()),
                ("gtol", o.gtol.is_some()),
                ("maxiter", o.maxiter.is_some()),
            ])?;
            let xtol = o.xtol.or(o.tol).unwrap_or(1.49012e-8);
            let (out, maxfev) = run_hybr(
                &mut fun,
                o.jac,
                x0.to_owned(),
                xtol,
                o.maxfev,
                o.band,
                o.eps,
                o.factor.unwrap_or(100.0),
                o.diag.as_ref(),
            )?;
            Ok(system_result(
                out.x,
                out.fvec,
                0,
                out.nfev,
                out.njev,
                out.info,
                out.info == 1,
                hybr_message(out.info, xtol, maxfev),
            ))
        }
        RootMethod::Lm => {
            reject(&[("maxfev", o.maxfev.is_some()), ("band", o.band.is_some())])?;
            let d = LeastsqOptions::default();
            let diag = o.diag.as_ref().map(|v| v.to_vec());
            let lo = LeastsqOptions {
                jac: o.jac,
                ftol: o.ftol.or(o.tol).unwrap_or(d.ftol),
                xtol: o.xtol.or(o.tol).unwrap_or(d.xtol),
                gtol: o.gtol.unwrap_or(d.gtol),
                maxfev: o.maxiter,
                epsfcn: o.eps.unwrap_or(d.epsfcn),
                factor: o.factor.unwrap_or(d.factor),
                diag: diag.as_deref(),
            };
            let r = leastsq(fun, x0, &lo)?;
            Ok(system_result(r.x, r.fvec, 0, r.nfev, r.njev, r.ier, (1..=4).contains(&r.ier), r.mesg))
        }
        _ => unreachable!("nonlin and df-sane methods return above"),
    }
}

/// Options of [`fsolve`] (SciPy's keyword arguments).
#[derive(Clone)]
pub struct FsolveOptions<'a> {
    /// `fprime`: the Jacobian `(n, n)` (default: forward differences).
    pub fprime: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    /// `xtol` (default 1.49012e-8).
    pub xtol: f64,
    /// `maxfev` (default `None`: `200 (n + 1)`, `100 (n + 1)` with `fprime`).
    pub maxfev: Option<usize>,
    /// `band`: `(ml, mu)` of a banded Jacobian (without `fprime`).
    pub band: Option<(usize, usize)>,
    /// `epsfcn` (default `None`: machine epsilon).
    pub epsfcn: Option<f64>,
    /// `factor` (default 100).
    pub factor: f64,
    /// `diag`: positive scale factors of the variables.
    pub diag: Option<Array1<f64>>,
}

impl Default for FsolveOptions<'_> {
    fn default() -> Self {
        FsolveOptions {
            fprime: None,
            xtol: 1.49012e-8,
            maxfev: None,
            band: None,
            epsfcn: None,
            factor: 100.0,
            diag: None,
        }
    }
}

impl fmt::Debug for FsolveOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FsolveOptions")
            .field("fprime", &self.fprime.is_some())
            .field("xtol", &self.xtol)
            .field("maxfev", &self.maxfev)
            .field("factor", &self.factor)
            .finish_non_exhaustive()
    }
}

/// The result of [`fsolve`]: SciPy's `full_output=True` tuple `(x, infodict, ier, mesg)`.
#[derive(Debug, Clone, PartialEq)]
pub struct FsolveResult {
    /// The solution (or the last iterate).
    pub x: Array1<f64>,
    /// Calls of `func` (SciPy's count is 2 higher: its wrappers call `func(x0)` twice more to
    /// check the output shape).
    pub nfev: usize,
    /// Calls of `fprime` (`None` without it, as SciPy's `infodict`).
    pub njev: Option<usize>,
    /// The orthogonal factor of the QR factorization `J = Q R` of the final approximate
    /// Jacobian as SciPy returns it, that is `Q^T`: `fjac.t().dot(&R)` approximates `J`.
    pub fjac: Array2<f64>,
    /// Its upper triangular R, packed by rows (length `n (n + 1) / 2`).
    pub r: Array1<f64>,
    /// `Q^T fvec`.
    pub qtf: Array1<f64>,
    /// `func` at `x`.
    pub fvec: Array1<f64>,
    /// MINPACK's `info`: 1 converged; 2 `maxfev` reached; 3 `xtol` too small; 4, 5 no progress.
    pub ier: i32,
    /// SciPy's message.
    pub mesg: String,
}

/// Finds a root of `func: R^n -> R^n` from `x0` by MINPACK's hybrid Powell method.
///
/// SciPy equivalent: `scipy.optimize.fsolve` (with `full_output=True`; where SciPy warns for
/// `ier` 2-5, look at `ier` and `mesg`).
///
/// # Errors
///
/// As [`root`] with `Hybr`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{fsolve, FsolveOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let r = fsolve(|x: &Array1<f64>| x.mapv(|v| v + 3.0), &array![-2.0], &FsolveOptions::default())?;
/// assert_eq!(r.ier, 1);
/// assert!((r.x[0] + 3.0).abs() < 1e-12);
///
/// // SciPy's docstring example, with the Jacobian.
/// let f = |x: &Array1<f64>| array![x[0] * (x[1]).cos() - 4.0, x[1] * x[0] - x[1] - 5.0];
/// let jac = |x: &Array1<f64>| array![[x[1].cos(), -x[0] * x[1].sin()], [x[1], x[0] - 1.0]];
/// let r = fsolve(f, &array![1.0, 1.0], &FsolveOptions { fprime: Some(&jac), ..Default::default() })?;
/// assert!((r.x[0] - 6.50409711).abs() < 1e-8 && (r.x[1] - 0.90841421).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn fsolve<F, S>(mut func: F, x0: &ArrayBase<S, Ix1>, options: &FsolveOptions<'_>) -> Result<FsolveResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    let o = options;
    let (out, maxfev) = run_hybr(
        &mut func,
        o.fprime,
        x0.to_owned(),
        o.xtol,
        o.maxfev,
        o.band,
        o.epsfcn,
        o.factor,
        o.diag.as_ref(),
    )?;
    Ok(FsolveResult {
        mesg: hybr_message(out.info, o.xtol, maxfev),
        x: out.x,
        nfev: out.nfev,
        njev: o.fprime.map(|_| out.njev),
        fjac: out.fjac,
        r: out.r,
        qtf: out.qtf,
        fvec: out.fvec,
        ier: out.info,
    })
}
