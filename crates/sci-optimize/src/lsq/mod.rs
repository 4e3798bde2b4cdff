//! Least squares and nonlinear systems: `least_squares` (Trust Region Reflective, MINPACK's
//! Levenberg-Marquardt), `leastsq`, `root(method='lm')`, `curve_fit` and `nnls`.

mod common;
mod curve_fit;
mod dense;
mod dogbox;
mod hybrd;
mod jacobian;
mod least_squares;
mod lsmr;
mod lsq_linear;
mod minpack_lm;
mod nnls;
mod root;
mod sparse;
mod trf;
mod trf_linear;
mod unbounded_sol;

pub use common::{Loss, LossFn};
pub use curve_fit::{
    CurveFitComplexModel, CurveFitJac, CurveFitOptions, CurveFitResult, NanPolicy, P0, Sigma, curve_fit,
    curve_fit_full,
};
pub use jacobian::LsqJacobian;
pub use least_squares::{
    LSQ_CALLBACK_STOP, LeastSquaresOptions, LeastSquaresResult, LsqCallback, LsqIntermediateResult, LsqJac,
    LsqMethod, TrOptions, TrSolver, XScale, least_squares,
};
pub use lsq_linear::{
    LsmrTol, LsqLinearMethod, LsqLinearOptions, LsqLinearResult, LsqSolver, lsq_linear, lsq_linear_sparse,
};
pub use nnls::nnls;
pub use root::{FsolveOptions, FsolveResult, RootMethod, RootOptions, fsolve, root};
pub(crate) use sparse::CsrMatrix;
pub use unbounded_sol::UnboundedSol;

use crate::error::{OptimizeError, Result, invalid};
use minpack_lm::{LmParams, SyncFun, covariance, lm_from};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1};
use std::fmt;

pub(super) fn lm_message(info: i32, p: &LmParams) -> String {
    match info {
        1 => format!(
            "Both actual and predicted relative reductions in the sum of squares\n  are at most {:.6}",
            p.ftol
        ),
        2 => format!("The relative error between two consecutive iterates is at most {:.6}", p.xtol),
        3 => format!(
            "Both actual and predicted relative reductions in the sum of squares\n  are at most {:.6} and the relative error between two consecutive iterates is at \n  most {:.6}",
            p.ftol, p.xtol
        ),
        4 => format!(
            "The cosine of the angle between func(x) and any column of the\n  Jacobian is at most {:.6} in absolute value",
            p.gtol
        ),
        5 => format!("Number of calls to function has reached maxfev = {}.", p.maxfev),
        6 => format!(
            "ftol={:.6} is too small, no further reduction in the sum of squares\n  is possible.",
            p.ftol
        ),
        7 => format!(
            "xtol={:.6} is too small, no further improvement in the approximate\n  solution is possible.",
            p.xtol
        ),
        _ => format!(
            "gtol={:.6} is too small, func(x) is orthogonal to the columns of\n  the Jacobian to machine precision.",
            p.gtol
        ),
    }
}

/// Options of [`leastsq`] and [`root`] with `Lm` (SciPy's `leastsq` keywords).
#[derive(Clone, Copy)]
pub struct LeastsqOptions<'a> {
    /// `Dfun`: the Jacobian `(m, n)` of the residuals (default: forward differences).
    pub jac: Option<&'a dyn Fn(&Array1<f64>) -> Array2<f64>>,
    /// `ftol` (default 1.49012e-8): relative reduction of the sum of squares.
    pub ftol: f64,
    /// `xtol` (default 1.49012e-8): relative change of the solution.
    pub xtol: f64,
    /// `gtol` (default 0): orthogonality of residuals and Jacobian columns.
    pub gtol: f64,
    /// `maxfev` (default `None`: `200 * (n + 1)` without `jac`, `100 * (n + 1)` with it).
    pub maxfev: Option<usize>,
    /// `epsfcn` (default 0, i.e. machine epsilon): forward-difference step is `sqrt(epsfcn) * |x|`.
    pub epsfcn: f64,
    /// `factor` (default 100): initial trust-region radius factor.
    pub factor: f64,
    /// `diag` (default `None`): `n` positive scale factors of the variables, kept fixed
    /// (MINPACK `mode = 2`); `None` takes them from the Jacobian's column norms (`mode = 1`).
    pub diag: Option<&'a [f64]>,
}

impl Default for LeastsqOptions<'_> {
    fn default() -> Self {
        LeastsqOptions {
            jac: None,
            ftol: 1.49012e-8,
            xtol: 1.49012e-8,
            gtol: 0.0,
            maxfev: None,
            epsfcn: 0.0,
            factor: 100.0,
            diag: None,
        }
    }
}

impl fmt::Debug for LeastsqOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LeastsqOptions")
            .field("jac", &self.jac.is_some())
            .field("ftol", &self.ftol)
            .field("xtol", &self.xtol)
            .field("gtol", &self.gtol)
            .field("maxfev", &self.maxfev)
            .finish_non_exhaustive()
    }
}

/// The result of [`leastsq`] (SciPy's `full_output=True` tuple).
#[derive(Debug, Clone, PartialEq)]
pub struct LeastsqResult {
    /// The solution.
    pub x: Array1<f64>,
    /// `cov_x`: `inv(J^T J)` at the solution, `None` when singular.
    pub cov_x: Option<Array2<f64>>,
    /// The residuals at `x`.
    pub fvec: Array1<f64>,
    /// Function evaluations (including finite differences).
    pub nfev: usize,
    /// Jacobian evaluations.
    pub njev: usize,
    /// MINPACK's `ier`: 1-4 success.
    pub ier: i32,
    /// SciPy's message.
    pub mesg: String,
}

/// Minimizes the sum of squares of `fun(x)` (length `m >= n`) by MINPACK's
/// Levenberg-Marquardt (`lmdif`, or `lmder` with `jac`).
///
/// SciPy equivalent: `scipy.optimize.leastsq` (with `full_output=True`).
///
/// # Errors
///
/// [`OptimizeError::WrongLength`] when `fun` returns fewer values than `x0` has (SciPy:
/// "Improper input"), [`OptimizeError::NonFiniteInitial`] for non-finite residuals at `x0`,
/// [`OptimizeError::InvalidValue`] for negative tolerances or a Jacobian of the wrong shape.
///
/// # Examples
///
/// ```
/// use sci_optimize::{leastsq, LeastsqOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// // Fit y = a exp(b t) through three points.
/// let (t, y) = (array![0.0, 1.0, 2.0], array![2.0, 2.0 * 1.5f64.exp(), 2.0 * 3f64.exp()]);
/// let r = leastsq(|p: &Array1<f64>| &t.mapv(|ti| p[0] * (p[1] * ti).exp()) - &y, &array![1.0, 1.0], &LeastsqOptions::default())?;
/// assert!((1..=4).contains(&r.ier));
/// assert!((r.x[0] - 2.0).abs() < 1e-7 && (r.x[1] - 1.5).abs() < 1e-7);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn leastsq<F, S>(
    mut fun: F,
    x0: &ArrayBase<S, Ix1>,
    options: &LeastsqOptions<'_>,
) -> Result<LeastsqResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    leastsq_with(&mut fun, None, x0.to_owned(), options)
}

/// [`leastsq`] on `fun`; `par_fun`, the same function callable from several threads, lets
/// MINPACK compute the columns of a large finite-difference Jacobian in parallel.
fn leastsq_with(
    fun: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    par_fun: Option<SyncFun<'_>>,
    x0: Array1<f64>,
    options: &LeastsqOptions<'_>,
) -> Result<LeastsqResult> {
    let o = options;
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    for (name, v) in [("ftol", o.ftol), ("xtol", o.xtol), ("gtol", o.gtol), ("epsfcn", o.epsfcn)] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(name, format!("must be non-negative, got {v}")));
        }
    }
    if o.factor.is_nan() || o.factor <= 0.0 {
        return Err(invalid("factor", format!("must be positive, got {}", o.factor)));
    }
    if let Some(d) = o.diag {
        if d.len() != n {
            return Err(OptimizeError::WrongLength { arg: "diag", expected: n, found: d.len() });
        }
        // MINPACK stops with info = 0 ("Improper input parameters.", a TypeError in SciPy).
        if let Some(v) = d.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
            return Err(invalid("diag", format!("entries must be positive, got {v}")));
        }
    }
    let f0 = fun(&x0);
    if f0.len() < n {
        return Err(OptimizeError::WrongLength { arg: "fun(x0)", expected: n, found: f0.len() });
    }
    if let Some(v) = f0.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "residuals", value: *v });
    }
    if let Some(j) = o.jac {
        let j0 = j(&x0);
        if j0.dim() != (f0.len(), n) {
            return Err(invalid("jac", format!("expected shape ({}, {n}), got {:?}", f0.len(), j0.shape())));
        }
    }
    let p = LmParams {
        ftol: o.ftol,
        xtol: o.xtol,
        gtol: o.gtol,
        maxfev: o.maxfev.filter(|&m| m > 0).unwrap_or(if o.jac.is_some() {
            100 * (n + 1)
        } else {
            200 * (n + 1)
        }),
        epsfcn: o.epsfcn,
        factor: o.factor,
        diag: o.diag.map(<[f64]>::to_vec),
    };
    // f0 is MINPACK's first evaluation: the model is not called twice at x0.
    let out = lm_from(fun, par_fun, o.jac, x0, Some(f0), &p);
    Ok(LeastsqResult {
        cov_x: covariance(&out.r, &out.ipvt),
        x: out.x,
        fvec: out.fvec,
        nfev: out.nfev,
        njev: out.njev,
        ier: out.info,
        mesg: lm_message(out.info, &p),
    })
}
