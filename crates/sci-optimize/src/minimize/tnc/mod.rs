//! `minimize(method='TNC')` and `fmin_tnc`: Nash's truncated-Newton method with bounds, as in
//! SciPy's `tnc.c` (Jean-Sebastien Roy's C version of TNBC): the variables are scaled and
//! offset, the Newton direction comes from a preconditioned conjugate-gradient iteration with
//! finite-difference Hessian-vector products, the step from Gill and Murray's safeguarded
//! cubic line search, and the bounds are handled by an active set.

mod core;
mod linesearch;

use self::core::{Params, tnc};
use super::MinimizeOptions;
use super::bounds::Bounds;
use super::callback::Callback;
use super::fixed::{Fixed, equal_bounds_result};
use crate::error::{OptimizeError, Result, invalid};
use crate::problem::{Jac, OptimizeResult, Problem};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use std::fmt;

/// SciPy's `RCSTRINGS` of TNC, by return code.
pub(crate) fn message(rc: i32) -> &'static str {
    match rc {
        -1 => "Infeasible (lower bound > upper bound)",
        0 => "Local minimum reached (|pg| ~= 0)",
        1 => "Converged (|f_n-f_(n-1)| ~= 0)",
        2 => "Converged (|x_n-x_(n-1)| ~= 0)",
        3 => "Max. number of function evaluations reached",
        4 => "Linear search failed",
        5 => "All lower bounds are equal to the upper bounds",
        6 => "Unable to progress",
        _ => "User requested end of minimization",
    }
}

/// Options of [`minimize_tnc`]: the keyword arguments of SciPy's `_minimize_tnc` with its
/// defaults, including its sentinels (a negative `eta`, `ftol`, `xtol`, `gtol` or `rescale`, a
/// zero `stepmx` or `accuracy` select the values computed from the others, as in SciPy).
#[derive(Clone)]
pub struct TncOptions<'a> {
    /// `jac`: the gradient, or SciPy's forward differences ([`Jac::Default`]: absolute step
    /// `eps`; [`Jac::FiniteDiff`]: SciPy's relative step rule), kept inside the bounds.
    pub jac: Jac<'a>,
    /// `bounds`: box constraints (default none).
    pub bounds: Option<Bounds>,
    /// `eps` (default 1e-8): the absolute step of the forward differences with [`Jac::Default`].
    pub eps: f64,
    /// `scale`: the scaling factor of each variable (default `ub - lb` for variables bounded on
    /// both sides, `1 + |x0|` for the others); a zero factor fixes the variable.
    pub scale: Option<Array1<f64>>,
    /// `offset`: the value subtracted from each variable (default `(ub + lb) / 2` for variables
    /// bounded on both sides, `x0` for the others).
    pub offset: Option<Array1<f64>>,
    /// `maxCGit`: Hessian-vector products per iteration (default `max(1, min(50, n / 2))`; 0
    /// takes the steepest-descent direction).
    pub max_cg_it: Option<usize>,
    /// `maxfun` (default `max(100, 10 n)`): limit on TNC's function evaluations (a
    /// finite-difference gradient costs `n` more each, not counted against the limit).
    pub maxfun: Option<usize>,
    /// `eta` (default -1, meaning 0.25): the severity of the line search, in `[0, 1)`.
    pub eta: f64,
    /// `stepmx` (default 0, meaning 10): the maximum step of the line search (increased when
    /// it is reached).
    pub stepmx: f64,
    /// `accuracy` (default 0, meaning `sqrt(eps)`): the relative precision of the
    /// finite-difference Hessian-vector products.
    pub accuracy: f64,
    /// `minfev` (default 0): an estimate of the minimum function value.
    pub minfev: f64,
    /// `ftol` (default -1, meaning `accuracy`): stop when the change of `f` is below it.
    pub ftol: f64,
    /// `xtol` (default -1, meaning `sqrt(eps)`): stop when the change of the scaled `x` is below
    /// it.
    pub xtol: f64,
    /// `gtol` (default -1, meaning `1e-2 sqrt(accuracy)`): stop when the projected scaled
    /// gradient is below it.
    pub gtol: f64,
    /// `rescale` (default -1, meaning 1.3): the `log10` of the gradient norm beyond which `f` is
    /// rescaled (0: at every iteration).
    pub rescale: f64,
    /// `callback`: called after each iteration with the current `x` and `fun`; returning
    /// `ControlFlow::Break(())` ends the run with TNC's status 7 ("User requested end of
    /// minimization").
    pub callback: Option<Callback<'a>>,
}

impl Default for TncOptions<'_> {
    fn default() -> Self {
        TncOptions {
            jac: Jac::Default,
            bounds: None,
            eps: 1e-8,
            scale: None,
            offset: None,
            max_cg_it: None,
            maxfun: None,
            eta: -1.0,
            stepmx: 0.0,
            accuracy: 0.0,
            minfev: 0.0,
            ftol: -1.0,
            xtol: -1.0,
            gtol: -1.0,
            rescale: -1.0,
            callback: None,
        }
    }
}

impl fmt::Debug for TncOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TncOptions")
            .field("jac", &self.jac)
            .field("bounds", &self.bounds)
            .field("eps", &self.eps)
            .field("scale", &self.scale)
            .field("offset", &self.offset)
            .field("max_cg_it", &self.max_cg_it)
            .field("maxfun", &self.maxfun)
            .field("eta", &self.eta)
            .field("stepmx", &self.stepmx)
            .field("accuracy", &self.accuracy)
            .field("minfev", &self.minfev)
            .field("ftol", &self.ftol)
            .field("xtol", &self.xtol)
            .field("gtol", &self.gtol)
            .field("rescale", &self.rescale)
            .finish_non_exhaustive()
    }
}

/// Minimizes `fun` subject to `bounds` with the truncated-Newton method TNC.
///
/// This is SciPy's `_minimize_tnc` (what `minimize(method='TNC')` runs once fixed variables
/// are removed; [`minimize`](crate::minimize) with [`Method::Tnc`](crate::Method::Tnc) does that
/// removal too): the iterates, `nit`, `nfev` and `status` follow SciPy's C code. `nfev` counts
/// the objective evaluations as SciPy's `ScalarFunction` does (the start `x0` first, a
/// finite-difference gradient `n` more, repeated points not again); `fun` and `jac` are
/// evaluated at the returned `x` (SciPy re-evaluates there); `njev` counts the gradient
/// evaluations (SciPy does not report it); `success` is `status` in 0..=2. The `callback` gets
/// the iterate before TNC projects it into the bounds, as SciPy's.
///
/// SciPy equivalent: `scipy.optimize.minimize(method='TNC')`.
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`] for an empty `x0`, bounds, `scale` or `offset` of another
///   length.
/// * [`OptimizeError::InvalidBounds`] for a lower bound above its upper bound.
/// * [`OptimizeError::InvalidValue`] for a NaN option, or `x0` outside the bounds when the
///   gradient is approximated (SciPy's "`x0` violates bound constraints.").
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_tnc, rosen, rosen_der, Bounds, Jac, TncOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let opts = TncOptions { jac: Jac::Fn(&rosen_der), ..Default::default() };
/// let r = minimize_tnc(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((r.nit, r.nfev, r.status), (25, 83, 1)); // SciPy's counts
/// assert!((r.x[0] - 1.0000803946252816).abs() < 1e-9); // SciPy's x[0]
///
/// // With the bound x0 <= 0.5 the minimum is on the bound.
/// let b = Bounds::from_pairs(&[(-2.0, 0.5), (-1.0, 2.0)]);
/// let opts = TncOptions { jac: Jac::Fn(&rosen_der), bounds: Some(b), ..Default::default() };
/// let r = minimize_tnc(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((r.nit, r.nfev, r.status), (13, 44, 0));
/// assert_eq!(r.x[0], 0.5);
/// assert_eq!(r.message, "Local minimum reached (|pg| ~= 0)");
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_tnc<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &TncOptions<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    let o = options;
    let (low, up) = match &o.bounds {
        Some(b) => {
            let b = b.broadcast(n)?;
            (b.lb.to_vec(), b.ub.to_vec())
        }
        None => (vec![f64::NEG_INFINITY; n], vec![f64::INFINITY; n]),
    };
    for (arg, v) in [("scale", &o.scale), ("offset", &o.offset)] {
        if let Some(v) = v {
            if v.len() != n {
                return Err(OptimizeError::WrongLength { arg, expected: n, found: v.len() });
            }
            if v.iter().any(|x| x.is_nan()) {
                return Err(invalid(arg, "must not be NaN"));
            }
        }
    }
    for (arg, v) in [
        ("eps", o.eps),
        ("eta", o.eta),
        ("stepmx", o.stepmx),
        ("accuracy", o.accuracy),
        ("minfev", o.minfev),
        ("ftol", o.ftol),
        ("xtol", o.xtol),
        ("gtol", o.gtol),
        ("rescale", o.rescale),
    ] {
        if v.is_nan() {
            return Err(invalid(arg, "must not be NaN"));
        }
    }
    let x0 = x0.to_owned();
    let fd = !matches!(o.jac, Jac::Fn(_));
    if fd && (0..n).any(|i| x0[i] < low[i] || x0[i] > up[i]) {
        return Err(invalid("x0", "`x0` violates bound constraints."));
    }
    let mut problem = Problem::new(&mut fun, o.jac, None)
        .with_bounds(Array1::from(low.clone()), Array1::from(up.clone()))
        .with_abs_step(o.eps);
    let mut eval = Evaluator { problem: &mut problem, last: None };
    // SciPy's ScalarFunction evaluates f and its gradient at x0 when it is built.
    eval.fun_and_grad(&x0);
    let maxfun = o.maxfun.unwrap_or(100.max(10 * n));
    let params = Params {
        scale: o.scale.as_ref().map(|s| s.to_vec()),
        offset: o.offset.as_ref().map(|s| s.to_vec()),
        max_cg_it: o.max_cg_it,
        maxfun,
        eta: o.eta,
        stepmx: o.stepmx,
        accuracy: o.accuracy,
        fmin: o.minfev,
        ftol: o.ftol,
        xtol: o.xtol,
        pgtol: o.gtol,
        rescale: o.rescale,
    };
    let mut x = x0.to_vec();
    let (rc, nit) = tnc(&mut eval, &mut x, low, up, &params, o.callback);
    let x = Array1::from(x);
    // SciPy re-evaluates f and the gradient at the returned x.
    let (f, g) = eval.fun_and_grad(&x);
    Ok(OptimizeResult {
        x,
        fun: f,
        jac: Some(g),
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit,
        nfev: problem.nfev,
        njev: problem.njev,
        nhev: 0,
        status: rc,
        success: (0..3).contains(&rc),
        message: message(rc).to_string(),
    })
}

/// Options of [`fmin_tnc`]: SciPy's keyword arguments (`approx_grad` is `fprime: None`; the
/// messages are not printed).
#[derive(Clone)]
pub struct FminTncOptions<'a> {
    /// `fprime`: the gradient; `None` approximates it by forward differences with the absolute
    /// step `epsilon` (SciPy's `approx_grad=True`).
    pub fprime: Option<&'a dyn Fn(&Array1<f64>) -> Array1<f64>>,
    /// `bounds`: `(min, max)` pairs, infinite where SciPy takes `None`.
    pub bounds: Option<Bounds>,
    /// `epsilon` (default 1e-8): the finite-difference step.
    pub epsilon: f64,
    /// `scale` (see [`TncOptions::scale`]).
    pub scale: Option<Array1<f64>>,
    /// `offset` (see [`TncOptions::offset`]).
    pub offset: Option<Array1<f64>>,
    /// `maxCGit` (see [`TncOptions::max_cg_it`]).
    pub max_cg_it: Option<usize>,
    /// `maxfun` (default `max(100, 10 n)`).
    pub maxfun: Option<usize>,
    /// `eta` (default -1, meaning 0.25).
    pub eta: f64,
    /// `stepmx` (default 0, meaning 10).
    pub stepmx: f64,
    /// `accuracy` (default 0, meaning `sqrt(eps)`).
    pub accuracy: f64,
    /// `fmin` (default 0): an estimate of the minimum function value.
    pub fmin: f64,
    /// `ftol` (default -1, meaning `accuracy`).
    pub ftol: f64,
    /// `xtol` (default -1, meaning `sqrt(eps)`).
    pub xtol: f64,
    /// `pgtol` (default -1, meaning `1e-2 sqrt(accuracy)`).
    pub pgtol: f64,
    /// `rescale` (default -1, meaning 1.3).
    pub rescale: f64,
    /// `callback`: called after each iteration (see [`TncOptions::callback`]).
    pub callback: Option<Callback<'a>>,
}

impl Default for FminTncOptions<'_> {
    fn default() -> Self {
        let d = TncOptions::default();
        FminTncOptions {
            fprime: None,
            bounds: None,
            epsilon: d.eps,
            scale: None,
            offset: None,
            max_cg_it: None,
            maxfun: None,
            eta: d.eta,
            stepmx: d.stepmx,
            accuracy: d.accuracy,
            fmin: d.minfev,
            ftol: d.ftol,
            xtol: d.xtol,
            pgtol: d.gtol,
            rescale: d.rescale,
            callback: None,
        }
    }
}

impl fmt::Debug for FminTncOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FminTncOptions")
            .field("fprime", &self.fprime.map(|_| ".."))
            .field("bounds", &self.bounds)
            .field("epsilon", &self.epsilon)
            .field("maxfun", &self.maxfun)
            .finish_non_exhaustive()
    }
}

/// Minimizes `func` subject to bounds with TNC; SciPy's legacy interface returning
/// `(x, nfeval, rc)`: the solution, the number of function evaluations and TNC's return code
/// (the `status` of [`minimize_tnc`]; its message is SciPy's `RCSTRINGS[rc]`).
///
/// Unlike `minimize(method='TNC')`, fixed variables (`lb == ub`) stay in the problem, as in
/// SciPy (TNC holds them constant).
///
/// SciPy equivalent: `scipy.optimize.fmin_tnc`.
///
/// # Errors
///
/// As [`minimize_tnc`]; a lower bound above its upper bound is
/// [`OptimizeError::InvalidBounds`] where SciPy returns `rc = -1`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{fmin_tnc, rosen, rosen_der, FminTncOptions};
/// use sci_optimize::sci_array::ndarray::array;
/// let opts = FminTncOptions { fprime: Some(&rosen_der), ..Default::default() };
/// let (x, nfeval, rc) = fmin_tnc(rosen, &array![-1.2, 1.0], &opts)?;
/// assert_eq!((nfeval, rc), (83, 1)); // SciPy's
/// assert!((x[1] - 1.0001611308365799).abs() < 1e-9);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn fmin_tnc<F, S>(
    func: F,
    x0: &ArrayBase<S, Ix1>,
    options: &FminTncOptions<'_>,
) -> Result<(Array1<f64>, usize, i32)>
where
    F: FnMut(&Array1<f64>) -> f64,
    S: Data<Elem = f64>,
{
    let o = options;
    let opts = TncOptions {
        jac: o.fprime.map_or(Jac::Default, Jac::Fn),
        bounds: o.bounds.clone(),
        eps: o.epsilon,
        scale: o.scale.clone(),
        offset: o.offset.clone(),
        max_cg_it: o.max_cg_it,
        maxfun: o.maxfun,
        eta: o.eta,
        stepmx: o.stepmx,
        accuracy: o.accuracy,
        minfev: o.fmin,
        ftol: o.ftol,
        xtol: o.xtol,
        gtol: o.pgtol,
        rescale: o.rescale,
        callback: o.callback,
    };
    let r = minimize_tnc(func, x0, &opts)?;
    Ok((r.x, r.nfev, r.status))
}

/// `minimize(method='TNC')`: SciPy's `minimize` removes the variables fixed by the bounds,
/// then runs [`minimize_tnc`] on the others.
pub(crate) fn tnc_method(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    o: &MinimizeOptions<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let d = TncOptions::default();
    let mut opts = TncOptions {
        jac: o.jac,
        bounds: o.bounds.clone(),
        eps: o.eps.unwrap_or(d.eps),
        scale: o.scale.clone(),
        offset: o.offset.clone(),
        max_cg_it: o.max_cg_it,
        maxfun: o.maxfun,
        eta: o.eta.unwrap_or(d.eta),
        stepmx: o.stepmx.unwrap_or(d.stepmx),
        accuracy: o.accuracy.unwrap_or(d.accuracy),
        minfev: o.minfev.unwrap_or(d.minfev),
        ftol: o.ftol.or(o.tol).unwrap_or(d.ftol),
        xtol: o.xtol.or(o.tol).unwrap_or(d.xtol),
        gtol: o.gtol.or(o.tol).unwrap_or(d.gtol),
        rescale: o.rescale.unwrap_or(d.rescale),
        callback: o.callback,
    };
    let Some(b) = &o.bounds else {
        return minimize_tnc(fun, &x0, &opts);
    };
    let b = &*b.broadcast(n)?;
    let Some(fx) = Fixed::of(b) else {
        return minimize_tnc(fun, &x0, &opts);
    };
    if fx.free.is_empty() {
        return equal_bounds_result(fun, b, &[]);
    }
    // SciPy's `_Remove_From_Func`: the free variables only; the callback sees all of them.
    let jac_fn = |xr: &Array1<f64>| match o.jac {
        Jac::Fn(g) => fx.reduce(&g(&fx.full(xr))),
        _ => unreachable!("only called with a gradient"),
    };
    let cs = if let Jac::ComplexStep(fc) = o.jac { Some(fx.reduced_cs(fc)) } else { None };
    if let Jac::Fn(_) = o.jac {
        opts.jac = Jac::Fn(&jac_fn);
    } else if let Some(c) = &cs {
        opts.jac = Jac::ComplexStep(c);
    }
    let cb = o.callback.map(|c| fx.callback(c));
    opts.callback = cb.as_ref().map(|c| c as Callback<'_>);
    opts.bounds = Some(fx.bounds(b));
    let r = minimize_tnc(|xr: &Array1<f64>| fun(&fx.full(xr)), &fx.reduce(&x0), &opts)?;
    Ok(fx.expand_result(r))
}

/// The objective and its gradient with the memory of SciPy's `ScalarFunction.fun_and_grad`:
/// asking again at the last point evaluates nothing.
struct Evaluator<'p, 'a> {
    problem: &'p mut Problem<'a>,
    last: Option<(Array1<f64>, f64, Array1<f64>)>,
}

impl Evaluator<'_, '_> {
    fn fun_and_grad(&mut self, x: &Array1<f64>) -> (f64, Array1<f64>) {
        if let Some((lx, f, g)) = &self.last {
            if lx == x {
                return (*f, g.clone());
            }
        }
        let f = self.problem.fun(x);
        let g = self.problem.grad(x);
        self.last = Some((x.clone(), f, g.clone()));
        (f, g)
    }

    /// `tnc.c`'s `function`: `f` and the gradient at `x` (unscaled), the gradient into `g`.
    fn call(&mut self, x: &[f64], g: &mut [f64]) -> f64 {
        let (f, gx) = self.fun_and_grad(&Array1::from(x.to_vec()));
        for (gi, v) in g.iter_mut().zip(&gx) {
            *gi = *v;
        }
        f
    }
}
