//! `curve_fit`: Levenberg-Marquardt without bounds, Trust Region Reflective with them; 1-D
//! standard deviations or a 2-D covariance as `sigma`.

use super::common::Loss;
use super::dense::svd_lsq;
use super::least_squares::{
    LeastSquaresOptions, LsqCallback, LsqJac, LsqMethod, TrOptions, TrSolver, XScale, least_squares,
};
use super::{LeastsqOptions, leastsq_with};
use crate::error::{OptimizeError, Result, invalid};
use crate::linprog::SparseMatrix;
use crate::minimize::Bounds;
use crate::numdiff::FiniteDiff;
use ndarray::{Array, Array1, Array2, ArrayBase, Axis, CowArray, Data, Dimension, Ix1, RemoveAxis};
use sci_array::num_complex::Complex64;
use std::borrow::Cow;
use std::iter::Sum;
use std::ops::{Div, Mul, Sub};
use std::sync::OnceLock;

/// The uncertainty of `ydata` (SciPy's `sigma=`).
#[derive(Debug, Clone, PartialEq)]
pub enum Sigma {
    /// Standard deviations, one per point (or one for all): residuals are divided by them.
    Std(Array1<f64>),
    /// The covariance matrix of the errors: residuals are whitened by its Cholesky factor.
    Cov(Array2<f64>),
}

/// What [`curve_fit`] does with NaN in `xdata`/`ydata` (SciPy's `nan_policy=`; `'propagate'`
/// is refused by SciPy and absent here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NanPolicy {
    /// `'raise'`: an error if any NaN is present.
    Raise,
    /// `'omit'`: points with a NaN in `xdata` or `ydata` are dropped (with their `sigma` rows
    /// and columns); with n-d `xdata` a point is an index of its last axis, dropped when any
    /// entry there is NaN (SciPy's `xdata[..., ~has_nan]`).
    Omit,
}

/// The starting parameters of [`curve_fit`] (SciPy's `p0`).
///
/// # Examples
///
/// ```
/// use sci_optimize::P0;
/// use sci_optimize::sci_array::ndarray::array;
/// assert_eq!(P0::from(&array![1.0, 2.0]), P0::Values(array![1.0, 2.0]));
/// // SciPy's `p0=None` for a model with three parameters.
/// let p0 = P0::Default { n_params: 3 };
/// assert_eq!(p0.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum P0 {
    /// The given values.
    Values(Array1<f64>),
    /// SciPy's `p0=None`: all ones, or inside the bounds (the middle of two finite bounds,
    /// `lb + 1` or `ub - 1` with one). SciPy counts the parameters by inspecting the model's
    /// signature; here their number is given.
    Default {
        /// The number of parameters of the model.
        n_params: usize,
    },
}

impl P0 {
    /// The number of parameters.
    pub fn len(&self) -> usize {
        match self {
            P0::Values(v) => v.len(),
            P0::Default { n_params } => *n_params,
        }
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<S: Data<Elem = f64>> From<&ArrayBase<S, Ix1>> for P0 {
    fn from(p: &ArrayBase<S, Ix1>) -> Self {
        P0::Values(p.to_owned())
    }
}

/// SciPy's `_initialize_feasible(lb, ub)`.
fn initialize_feasible(lb: &Array1<f64>, ub: &Array1<f64>) -> Array1<f64> {
    Array1::from_shape_fn(lb.len(), |i| match (lb[i].is_finite(), ub[i].is_finite()) {
        (true, true) => 0.5 * (lb[i] + ub[i]),
        (true, false) => lb[i] + 1.0,
        (false, true) => ub[i] - 1.0,
        (false, false) => 1.0,
    })
}

/// The Jacobian of a [`curve_fit`] model, `jac(xdata, p)` of shape `(len(ydata), len(p))`
/// (SciPy's callable `jac` of `curve_fit`). `D` is the dimension of `xdata` (one-dimensional
/// by default; see [`curve_fit`] for n-d `xdata`).
///
/// # Examples
///
/// ```
/// use sci_optimize::CurveFitJac;
/// use sci_optimize::sci_array::ndarray::{array, Array1, Array2};
/// // The model p[0] + p[1] x.
/// let line = |x: &Array1<f64>, _p: &Array1<f64>| Array2::from_shape_fn((x.len(), 2), |(i, j)| [1.0, x[i]][j]);
/// let jac: CurveFitJac<'_> = &line;
/// assert_eq!(jac(&array![0.0, 2.0], &array![1.0, 1.0]), array![[1.0, 0.0], [1.0, 2.0]]);
/// ```
pub type CurveFitJac<'a, D = Ix1> = &'a (dyn Fn(&Array<f64, D>, &Array1<f64>) -> Array2<f64> + Sync);

/// A [`curve_fit`] model continued to complex parameters, `f(xdata, p)` for a `Complex64` `p`
/// (SciPy's `jac='cs'` calls the model itself with complex parameters; here it is given again
/// for them). `D` is the dimension of `xdata`.
///
/// # Examples
///
/// ```
/// use sci_optimize::CurveFitComplexModel;
/// use sci_optimize::sci_array::{ndarray::{array, Array1}, num_complex::Complex64};
/// // The model p[0] exp(-p[1] x).
/// let model = |x: &Array1<f64>, p: &Array1<Complex64>| x.mapv(|t| p[0] * (-p[1] * t).exp());
/// let fc: CurveFitComplexModel<'_> = &model;
/// let y = fc(&array![0.0], &array![Complex64::new(2.0, 1e-20), Complex64::new(1.0, 0.0)]);
/// assert_eq!(y[0], Complex64::new(2.0, 1e-20));
/// ```
pub type CurveFitComplexModel<'a, D = Ix1> =
    &'a (dyn Fn(&Array<f64, D>, &Array1<Complex64>) -> Array1<Complex64> + Sync);

/// Options of [`curve_fit`] and [`curve_fit_full`]; `D` is the dimension of `xdata` (only
/// [`CurveFitOptions::jac`] depends on it).
#[derive(Clone)]
pub struct CurveFitOptions<'a, D: Dimension = Ix1> {
    /// `sigma` (default: none, every point weighs the same).
    pub sigma: Option<Sigma>,
    /// `absolute_sigma`: `pcov` is not rescaled by the reduced chi-square when `true`.
    pub absolute_sigma: bool,
    /// `bounds` on the parameters (default: none).
    pub bounds: Option<Bounds>,
    /// `method` (default `None`: `'lm'` without bounds, `'trf'` with them).
    pub method: Option<LsqMethod>,
    /// `maxfev` (default `200 * (n + 1)` for `'lm'`, `100 * (n + 1)` with `jac`; 0 is the
    /// default too, as in `leastsq`). With `'trf'` and `'dogbox'` it is `least_squares`'
    /// `max_nfev` (default `100 n`; 0 is an error there), unless
    /// [`CurveFitOptions::max_nfev`] is given as well (an error, as in SciPy).
    pub maxfev: Option<usize>,
    /// `nan_policy` (default `None`: non-finite data is an error, SciPy's `check_finite=True`).
    pub nan_policy: Option<NanPolicy>,
    /// `jac`: the model's Jacobian `jac(xdata, p)` with respect to the parameters, an
    /// `(m, n)` matrix (default `None`: forward differences). SciPy weights it by `sigma` as
    /// the residuals.
    pub jac: Option<CurveFitJac<'a, D>>,
    /// `ftol` (default `None`: the solver's, 1.49012e-8 for `'lm'` and 1e-8 for `'trf'` and
    /// `'dogbox'`); `Some(0.0)` is `least_squares`' `ftol=None` (the test is disabled).
    pub ftol: Option<f64>,
    /// `xtol` (default `None`: 1.49012e-8 for `'lm'`, 1e-8 for `'trf'` and `'dogbox'`).
    pub xtol: Option<f64>,
    /// `gtol` (default `None`: 0 for `'lm'`, 1e-8 for `'trf'` and `'dogbox'`).
    pub gtol: Option<f64>,
    /// `'lm'` only: `leastsq`'s `epsfcn` (default machine epsilon), the forward-difference
    /// step `sqrt(epsfcn) |p|`.
    pub epsfcn: Option<f64>,
    /// `'lm'` only: `leastsq`'s `factor` (default 100), the initial step bound.
    pub factor: Option<f64>,
    /// `'lm'` only: `leastsq`'s `diag`, `n` positive scale factors of the parameters.
    pub diag: Option<Array1<f64>>,
    /// `'trf'`/`'dogbox'` only: `least_squares`' `loss` (default `'linear'`). As in SciPy it
    /// is applied to the residuals weighted by `sigma`, and `pcov` is scaled by the robust cost
    /// `2 * res.cost` (not by the sum of squares) unless `absolute_sigma`.
    pub loss: Option<Loss<'a>>,
    /// `'trf'`/`'dogbox'` only: `f_scale` (default 1), the soft margin of the robust loss.
    pub f_scale: Option<f64>,
    /// `'trf'`/`'dogbox'` only: `x_scale` (default 1 per parameter).
    pub x_scale: Option<XScale>,
    /// `'trf'`/`'dogbox'` only: `diff_step`, the relative finite-difference step (one value or
    /// one per parameter).
    pub diff_step: Option<Array1<f64>>,
    /// `'trf'`/`'dogbox'` only: `tr_solver` (default `'exact'`: curve_fit's Jacobian is dense).
    pub tr_solver: Option<TrSolver>,
    /// `'trf'`/`'dogbox'` only: `tr_options` of the `'lsmr'` solver.
    pub tr_options: Option<TrOptions>,
    /// `'trf'`/`'dogbox'` only: `least_squares`' `max_nfev`. SciPy renames `maxfev` to it, so
    /// giving both is refused (as SciPy's `least_squares` refuses the extra `maxfev`).
    pub max_nfev: Option<usize>,
    /// `'trf'`/`'dogbox'` only: SciPy's `jac='2-point'` / `'3-point'` (the difference scheme
    /// `least_squares` uses when no [`jac`](Self::jac) function is given; default
    /// `'2-point'`). Not together with `jac` or `jac_cs`.
    pub jac_scheme: Option<FiniteDiff>,
    /// `'trf'`/`'dogbox'` only: SciPy's `jac='cs'`, complex-step derivatives
    /// `Im r(p + i h e_j) / h` of the (sigma-weighted) residuals, given the model continued to
    /// complex parameters (it must agree with the real model on real `p`; `diff_step` sets the
    /// relative step as for `least_squares`' [`LsqJac::ComplexStep`]). Not together with
    /// `jac`, `jac_scheme` or `jac_sparsity`; `'lm'` refuses it as SciPy's `leastsq` does.
    pub jac_cs: Option<CurveFitComplexModel<'a, D>>,
    /// `'trf'`/`'dogbox'` only: `least_squares`' `jac_sparsity`, the `(m, n)` pattern of the
    /// Jacobian of the residuals (points by parameters) for grouped differences.
    pub jac_sparsity: Option<SparseMatrix>,
    /// `'trf'`/`'dogbox'` only: `least_squares`' `callback`, called after each iteration with
    /// the (sigma-weighted) residuals; `ControlFlow::Break` stops the fit, which then fails as
    /// SciPy's (status -2 is not a success).
    pub callback: Option<LsqCallback<'a>>,
}

impl<D: Dimension> Default for CurveFitOptions<'_, D> {
    fn default() -> Self {
        CurveFitOptions {
            sigma: None,
            absolute_sigma: false,
            bounds: None,
            method: None,
            maxfev: None,
            nan_policy: None,
            jac: None,
            ftol: None,
            xtol: None,
            gtol: None,
            epsfcn: None,
            factor: None,
            diag: None,
            loss: None,
            f_scale: None,
            x_scale: None,
            diff_step: None,
            tr_solver: None,
            tr_options: None,
            max_nfev: None,
            jac_scheme: None,
            jac_cs: None,
            jac_sparsity: None,
            callback: None,
        }
    }
}

impl<D: Dimension> CurveFitOptions<'_, D> {
    /// SciPy forwards curve_fit's extra keywords to `leastsq` (`'lm'`) or `least_squares`
    /// (`'trf'`, `'dogbox'`), which refuse (a `TypeError`) those they do not take.
    fn check_method_options(&self, method: LsqMethod) -> Result<()> {
        let unsupported = |option| match method {
            LsqMethod::Lm => OptimizeError::UnsupportedOption { method: "lm", option },
            LsqMethod::Trf => OptimizeError::UnsupportedOption { method: "trf", option },
            LsqMethod::Dogbox => OptimizeError::UnsupportedOption { method: "dogbox", option },
        };
        let given = if method == LsqMethod::Lm {
            [
                ("loss", self.loss.is_some()),
                ("f_scale", self.f_scale.is_some()),
                ("x_scale", self.x_scale.is_some()),
                ("diff_step", self.diff_step.is_some()),
                ("tr_solver", self.tr_solver.is_some()),
                ("tr_options", self.tr_options.is_some()),
                ("max_nfev", self.max_nfev.is_some()),
                ("jac_scheme", self.jac_scheme.is_some()),
                ("jac_cs", self.jac_cs.is_some()),
                ("jac_sparsity", self.jac_sparsity.is_some()),
                ("callback", self.callback.is_some()),
            ]
            .to_vec()
        } else {
            // `maxfev` is renamed `max_nfev` unless `max_nfev` is given too.
            [
                ("epsfcn", self.epsfcn.is_some()),
                ("factor", self.factor.is_some()),
                ("diag", self.diag.is_some()),
                ("maxfev", self.maxfev.is_some() && self.max_nfev.is_some()),
            ]
            .to_vec()
        };
        match given.into_iter().find(|(_, g)| *g) {
            Some((option, _)) => Err(unsupported(option)),
            None => Ok(()),
        }
    }
}

impl<D: Dimension> std::fmt::Debug for CurveFitOptions<'_, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CurveFitOptions")
            .field("sigma", &self.sigma)
            .field("absolute_sigma", &self.absolute_sigma)
            .field("bounds", &self.bounds)
            .field("method", &self.method)
            .field("maxfev", &self.maxfev)
            .field("nan_policy", &self.nan_policy)
            .field("jac", &self.jac.map(|_| ".."))
            .field("ftol", &self.ftol)
            .field("xtol", &self.xtol)
            .field("gtol", &self.gtol)
            .field("epsfcn", &self.epsfcn)
            .field("factor", &self.factor)
            .field("diag", &self.diag)
            .field("loss", &self.loss)
            .field("f_scale", &self.f_scale)
            .field("x_scale", &self.x_scale)
            .field("diff_step", &self.diff_step)
            .field("tr_solver", &self.tr_solver)
            .field("tr_options", &self.tr_options)
            .field("max_nfev", &self.max_nfev)
            .field("jac_scheme", &self.jac_scheme)
            .field("jac_cs", &self.jac_cs.map(|_| ".."))
            .field("jac_sparsity", &self.jac_sparsity.as_ref().map(|j| j.shape()))
            .field("callback", &self.callback.is_some())
            .finish()
    }
}

/// [`curve_fit_full`]'s result (SciPy's `full_output=True`: `popt, pcov, infodict, mesg, ier`).
#[derive(Debug, Clone, PartialEq)]
pub struct CurveFitResult {
    /// The fitted parameters.
    pub popt: Array1<f64>,
    /// Their estimated covariance (`inf` where it cannot be estimated).
    pub pcov: Array2<f64>,
    /// `infodict['nfev']`: function evaluations.
    pub nfev: usize,
    /// `infodict['fvec']`: the (weighted) residuals at `popt`.
    pub fvec: Array1<f64>,
    /// `mesg`.
    pub mesg: String,
    /// `ier`: MINPACK's code for `'lm'`, `least_squares`' `status` for `'trf'`.
    pub ier: i32,
}

/// Lower Cholesky factor of a symmetric positive definite matrix (`None` if it is not).
fn cholesky_lower(a: &Array2<f64>) -> Option<Array2<f64>> {
    let n = a.nrows();
    let mut l = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        let d = a[[j, j]] - (0..j).map(|k| l[[j, k]] * l[[j, k]]).sum::<f64>();
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        let d = d.sqrt();
        l[[j, j]] = d;
        for i in j + 1..n {
            let s: f64 = (0..j).map(|k| l[[i, k]] * l[[j, k]]).sum();
            l[[i, j]] = (a[[i, j]] - s) / d;
        }
    }
    Some(l)
}

/// How residuals are weighted.
enum Transform {
    None,
    Scale(Array1<f64>),
    Whiten(Array2<f64>),
}

impl Transform {
    /// The weighted residuals, real or complex (`jac='cs'` weighs the complex ones the same).
    fn apply<T>(&self, mut r: Array1<T>) -> Array1<T>
    where
        T: Copy + Mul<f64, Output = T> + Sub<Output = T> + Div<f64, Output = T> + Sum,
    {
        match self {
            Transform::None => r,
            Transform::Scale(w) if w.len() == 1 => r.mapv_into(|v| v * w[0]),
            Transform::Scale(w) => {
                r.zip_mut_with(w, |v, &s| *v = *v * s);
                r
            }
            Transform::Whiten(l) => {
                // Forward substitution L z = r.
                for i in 0..r.len() {
                    let s: T = (0..i).map(|k| r[k] * l[[i, k]]).sum();
                    r[i] = (r[i] - s) / l[[i, i]];
                }
                r
            }
        }
    }

    /// The Jacobian weighted as the residuals (SciPy's `_wrap_jac`).
    fn apply_jac(&self, mut j: Array2<f64>) -> Array2<f64> {
        match self {
            Transform::None => {}
            Transform::Scale(w) => {
                for (i, mut row) in j.rows_mut().into_iter().enumerate() {
                    row *= w[if w.len() == 1 { 0 } else { i }];
                }
            }
            Transform::Whiten(_) => {
                for mut col in j.columns_mut() {
                    let z = self.apply(col.to_owned());
                    col.assign(&z);
                }
            }
        }
        j
    }
}

/// Fits `f(xdata, p)` to `ydata` by least squares from `p0`; returns `(popt, pcov)`.
///
/// Without bounds the default method is MINPACK's Levenberg-Marquardt (as
/// [`leastsq`](crate::leastsq)); with [`CurveFitOptions::bounds`] it is [`least_squares`]'
/// Trust Region Reflective (or `'dogbox'` with [`LsqMethod::Dogbox`]), and `pcov` comes from
/// the SVD of the final Jacobian, as in SciPy. `pcov` is filled with `inf` when it cannot be
/// estimated (singular Jacobian, or no more points than parameters with
/// `absolute_sigma=false`).
///
/// The model is `Fn + Sync`: with `'lm'` and 4096 points or more, the columns of the
/// forward-difference Jacobian (one model call each) are computed in parallel on rayon's
/// threads, so `f` may run on several threads at once. The result is the same as in sequence.
///
/// `p0` is an array or [`P0::Default`] (SciPy's `p0=None`, with the number of parameters
/// given); [`CurveFitOptions::jac`] is SciPy's callable `jac`.
///
/// `xdata` may have any dimension `D` (SciPy passes `xdata` to the model as is): the model
/// and [`CurveFitOptions::jac`] receive it as an `Array<f64, D>`, e.g. `(k, M)` for a model
/// of `k` variables at `M` points, and return `M` values (an `(M, n)` Jacobian). Only
/// [`NanPolicy::Omit`] looks inside `xdata`: its last axis indexes the points.
///
/// The keywords SciPy forwards to the solver are fields of [`CurveFitOptions`]: `ftol`,
/// `xtol`, `gtol`, `epsfcn`, `factor`, `diag` and `maxfev` for `'lm'` (`leastsq`); `loss`,
/// `f_scale`, `x_scale`, `diff_step`, `tr_solver`, `tr_options`, `max_nfev` (or `maxfev`)
/// and the tolerances for `'trf'` and `'dogbox'` (`least_squares`). A robust `loss` applies
/// to the residuals weighted by `sigma`, and `pcov` is then scaled by the robust cost.
///
/// SciPy's `jac='2-point'`/`'3-point'` is [`CurveFitOptions::jac_scheme`] and `jac='cs'` is
/// [`CurveFitOptions::jac_cs`] (the model given again for complex parameters), both for
/// `'trf'` and `'dogbox'`.
///
/// SciPy equivalent: `scipy.optimize.curve_fit` (`verbose` is not forwarded).
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] when the solver does not report success (SciPy's
/// "Optimal parameters not found"); [`OptimizeError::WrongLength`] when `ydata`, `sigma` and
/// `f`'s output do not match or there are fewer points than parameters (`'lm'`);
/// [`OptimizeError::InvalidValue`] for non-finite or empty data, a covariance `sigma` that is
/// not positive definite, or bad bounds, and for option values `leastsq` or `least_squares`
/// refuse (e.g. `maxfev = 0` with `'trf'`, all tolerances disabled);
/// [`OptimizeError::UnsupportedOption`] for `'lm'` with bounds, and for an option the method's
/// solver does not take (SciPy's `TypeError`): `loss`, `f_scale`, `x_scale`, `diff_step`,
/// `tr_solver`, `tr_options`, `max_nfev`, `jac_scheme`, `jac_cs`, `jac_sparsity` or
/// `callback` with `'lm'` (also `'lm'` as the default method without bounds), `epsfcn`,
/// `factor` or `diag` with `'trf'`/`'dogbox'`, both `maxfev` and `max_nfev` with
/// `'trf'`/`'dogbox'`, and `jac_cs` with `jac_sparsity`. [`OptimizeError::InvalidValue`] also
/// when more than one of `jac`, `jac_scheme` and `jac_cs` is given.
///
/// # Examples
///
/// ```
/// use sci_optimize::{curve_fit, Bounds, CurveFitOptions, P0};
/// use sci_optimize::sci_array::ndarray::{Array1, Array2, array};
/// let x = Array1::linspace(0.0, 4.0, 50);
/// let y = x.mapv(|t: f64| 2.5 * (-1.3 * t).exp() + 0.5);
/// let f = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|t| p[0] * (-p[1] * t).exp() + p[2]);
/// let (popt, _pcov) = curve_fit(f, &x, &y, &array![1.0, 1.0, 1.0], &CurveFitOptions::default())?;
/// assert!((popt[0] - 2.5).abs() < 1e-8 && (popt[1] - 1.3).abs() < 1e-8 && (popt[2] - 0.5).abs() < 1e-8);
/// // With bounds (Trust Region Reflective): a <= 2 is active.
/// let opts = CurveFitOptions {
///     bounds: Some(Bounds::new(array![0.0, 0.0, -0.5], array![2.0, 3.0, 0.5])),
///     ..Default::default()
/// };
/// let (popt, _pcov) = curve_fit(f, &x, &y, &array![1.0, 1.0, 0.0], &opts)?;
/// assert!((popt[0] - 2.0).abs() < 1e-6);
/// // SciPy's p0=None (here: the middle of the bounds) and an analytic Jacobian.
/// let jac = |x: &Array1<f64>, p: &Array1<f64>| {
///     Array2::from_shape_fn((x.len(), 3), |(i, j)| {
///         let e = (-p[1] * x[i]).exp();
///         [e, -p[0] * x[i] * e, 1.0][j]
///     })
/// };
/// let opts = CurveFitOptions { jac: Some(&jac), ..opts };
/// let (popt, _pcov) = curve_fit(f, &x, &y, P0::Default { n_params: 3 }, &opts)?;
/// assert!((popt[0] - 2.0).abs() < 1e-6);
///
/// // A model of two variables: xdata of shape (2, M), one column per point.
/// let xy = Array2::from_shape_fn((2, 30), |(r, i)| if r == 0 { 0.1 * i as f64 } else { (i % 7) as f64 });
/// let z = xy.columns().into_iter().map(|c| 3.0 * (-0.5 * c[0]).exp() + 0.25 * c[1]).collect::<Array1<f64>>();
/// let g = |xy: &Array2<f64>, p: &Array1<f64>| {
///     xy.columns().into_iter().map(|c| p[0] * (-p[1] * c[0]).exp() + p[2] * c[1]).collect()
/// };
/// let (popt, _pcov) = curve_fit(g, &xy, &z, &array![1.0, 1.0, 1.0], &CurveFitOptions::default())?;
/// assert!((popt[0] - 3.0).abs() < 1e-8 && (popt[1] - 0.5).abs() < 1e-8 && (popt[2] - 0.25).abs() < 1e-8);
///
/// // A robust loss (least_squares' keywords, 'trf'): an outlier barely moves the fit.
/// use sci_optimize::{Loss, LsqMethod, OptimizeError};
/// let mut y_out = y.clone();
/// y_out[10] += 5.0;
/// let robust = CurveFitOptions { method: Some(LsqMethod::Trf), loss: Some(Loss::SoftL1), f_scale: Some(0.1), ..Default::default() };
/// let (popt, _pcov) = curve_fit(f, &x, &y_out, &array![1.0, 1.0, 1.0], &robust)?;
/// // SciPy: [2.50019165, 1.2852475, 0.4968926] (without the loss b = 0.845).
/// let scipy = array![2.50019165, 1.2852475, 0.4968926];
/// assert!((&popt - &scipy).iter().all(|d| d.abs() < 1e-6));
/// // 'lm' (leastsq) takes no loss: SciPy's TypeError.
/// let lm = CurveFitOptions { method: Some(LsqMethod::Lm), ..robust };
/// let e = curve_fit(f, &x, &y_out, &array![1.0, 1.0, 1.0], &lm).unwrap_err();
/// assert_eq!(e, OptimizeError::UnsupportedOption { method: "lm", option: "loss" });
///
/// // SciPy's jac='cs': complex-step derivatives of the model given for complex parameters.
/// use sci_optimize::sci_array::num_complex::Complex64;
/// let fc = |x: &Array1<f64>, p: &Array1<Complex64>| x.mapv(|t| p[0] * (-p[1] * t).exp() + p[2]);
/// let cs = CurveFitOptions { method: Some(LsqMethod::Trf), jac_cs: Some(&fc), ..Default::default() };
/// let (popt, _pcov) = curve_fit(f, &x, &y, &array![1.0, 1.0, 1.0], &cs)?;
/// assert!((popt[1] - 1.3).abs() < 1e-8);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn curve_fit<F, S1, S2, D>(
    f: F,
    xdata: &ArrayBase<S1, D>,
    ydata: &ArrayBase<S2, Ix1>,
    p0: impl Into<P0>,
    options: &CurveFitOptions<'_, D>,
) -> Result<(Array1<f64>, Array2<f64>)>
where
    F: Fn(&Array<f64, D>, &Array1<f64>) -> Array1<f64> + Sync,
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D: Dimension + RemoveAxis,
{
    curve_fit_full(f, xdata, ydata, p0, options).map(|r| (r.popt, r.pcov))
}

/// [`curve_fit`] with SciPy's `full_output=True` information (`nfev`, `fvec`, `mesg`, `ier`).
///
/// SciPy equivalent: `scipy.optimize.curve_fit(..., full_output=True)`.
///
/// # Errors
///
/// As [`curve_fit`].
///
/// # Examples
///
/// ```
/// use sci_optimize::{curve_fit_full, CurveFitOptions, Sigma};
/// use sci_optimize::sci_array::ndarray::{array, Array1, Array2};
/// let x = array![0.0, 1.0, 2.0, 3.0];
/// let y = array![1.0, 3.1, 4.9, 7.2];
/// let line = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|t| p[0] + p[1] * t);
/// // A diagonal covariance is the same as standard deviations sqrt(diag).
/// let cov = Array2::from_diag(&array![1.0, 4.0, 1.0, 4.0]);
/// let opts = CurveFitOptions { sigma: Some(Sigma::Cov(cov)), ..Default::default() };
/// let r = curve_fit_full(line, &x, &y, &array![0.0, 1.0], &opts)?;
/// let opts = CurveFitOptions { sigma: Some(Sigma::Std(array![1.0, 2.0, 1.0, 2.0])), ..Default::default() };
/// let r2 = curve_fit_full(line, &x, &y, &array![0.0, 1.0], &opts)?;
/// assert!((&r.popt - &r2.popt).iter().all(|d| d.abs() < 1e-10));
/// assert!((1..=4).contains(&r.ier));
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn curve_fit_full<F, S1, S2, D>(
    f: F,
    xdata: &ArrayBase<S1, D>,
    ydata: &ArrayBase<S2, Ix1>,
    p0: impl Into<P0>,
    options: &CurveFitOptions<'_, D>,
) -> Result<CurveFitResult>
where
    F: Fn(&Array<f64, D>, &Array1<f64>) -> Array1<f64> + Sync,
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D: Dimension + RemoveAxis,
{
    let mut xdata = xdata.to_owned();
    // ydata is read in place unless NaN points are dropped.
    let mut ydata = CowArray::from(ydata.view());
    let mut sigma = options.sigma.clone();
    let p0 = p0.into();
    let n = p0.len();
    let bounds = options.bounds.as_ref().map(|b| b.stretch_scalar(n));
    if let Some(b) = &bounds {
        for (arg, found) in [("bounds.lb", b.lb.len()), ("bounds.ub", b.ub.len())] {
            if found != n {
                return Err(OptimizeError::WrongLength { arg, expected: n, found });
            }
        }
    }
    let p0 = match p0 {
        P0::Values(p) => p,
        P0::Default { n_params } => match &bounds {
            Some(b) => initialize_feasible(&b.lb, &b.ub),
            None => Array1::ones(n_params),
        },
    };
    match options.nan_policy {
        None => {
            if xdata.iter().chain(ydata.iter()).any(|v| !v.is_finite()) {
                return Err(invalid("ydata", "array must not contain infs or NaNs"));
            }
        }
        Some(NanPolicy::Raise) => {
            if xdata.iter().chain(ydata.iter()).any(|v| v.is_nan()) {
                return Err(invalid("ydata", "The input contains nan values"));
            }
        }
        Some(NanPolicy::Omit) if xdata.shape().last() == Some(&ydata.len()) => {
            // A point is one index of xdata's last axis (SciPy's `xdata[..., ~has_nan]`).
            let last = Axis(xdata.ndim() - 1);
            let keep: Vec<usize> = (0..ydata.len())
                .filter(|&i| !ydata[i].is_nan() && !xdata.index_axis(last, i).iter().any(|v| v.is_nan()))
                .collect();
            let m0 = ydata.len();
            if keep.len() < m0 {
                xdata = xdata.select(last, &keep);
                ydata = CowArray::from(keep.iter().map(|&i| ydata[i]).collect::<Array1<f64>>());
                let k = keep.len();
                // Per-point sigma is filtered with the data; other shapes are left to the checks.
                sigma = match sigma {
                    Some(Sigma::Std(s)) if s.len() == m0 && m0 > 1 => {
                        Some(Sigma::Std(keep.iter().map(|&i| s[i]).collect()))
                    }
                    Some(Sigma::Cov(c)) if c.dim() == (m0, m0) => {
                        Some(Sigma::Cov(Array2::from_shape_fn((k, k), |(i, j)| c[[keep[i], keep[j]]])))
                    }
                    other => other,
                };
            }
        }
        Some(NanPolicy::Omit) => {
            return Err(OptimizeError::WrongLength {
                arg: "xdata",
                expected: ydata.len(),
                found: xdata.shape().last().copied().unwrap_or(0),
            });
        }
    }
    let m = ydata.len();
    if m == 0 {
        return Err(invalid("ydata", "`ydata` must not be empty!"));
    }
    let bounded = bounds.as_ref().is_some_and(|b| {
        b.lb.iter().any(|v| *v > f64::NEG_INFINITY) || b.ub.iter().any(|v| *v < f64::INFINITY)
    });
    let method = options.method.unwrap_or(if bounded { LsqMethod::Trf } else { LsqMethod::Lm });
    if method == LsqMethod::Lm && bounded {
        return Err(OptimizeError::UnsupportedOption { method: "lm", option: "bounds" });
    }
    if method == LsqMethod::Lm && m < n {
        return Err(OptimizeError::WrongLength { arg: "ydata", expected: n, found: m });
    }
    let transform = match &sigma {
        None => Transform::None,
        Some(Sigma::Std(s)) if s.len() == m || s.len() == 1 => Transform::Scale(s.mapv(|v| 1.0 / v)),
        Some(Sigma::Std(s)) => {
            return Err(OptimizeError::WrongLength { arg: "sigma", expected: m, found: s.len() });
        }
        Some(Sigma::Cov(c)) if c.dim() == (m, m) => Transform::Whiten(
            cholesky_lower(c).ok_or_else(|| invalid("sigma", "`sigma` must be positive definite."))?,
        ),
        Some(Sigma::Cov(c)) => {
            return Err(invalid(
                "sigma",
                format!("`sigma` has incorrect shape {:?}, expected ({m}, {m})", c.shape()),
            ));
        }
    };
    // The first wrong model length met (the model may run on several threads at once).
    let bad_len = OnceLock::new();
    let resid = |p: &Array1<f64>| {
        let model = f(&xdata, p);
        if model.len() != m {
            let _ = bad_len.set(model.len());
            return Array1::from_elem(m, f64::NAN);
        }
        transform.apply(model - &ydata)
    };
    // The first Jacobian of the wrong shape met.
    let bad_jac = OnceLock::new();
    let jac_fn = options.jac.map(|jac| {
        let (xdata, transform, bad_jac) = (&xdata, &transform, &bad_jac);
        move |p: &Array1<f64>| {
            let j = jac(xdata, p);
            if j.dim() != (m, n) {
                let _ = bad_jac.set(j.dim());
                return Array2::from_elem((m, n), f64::NAN);
            }
            transform.apply_jac(j)
        }
    });
    let jac_dyn = jac_fn.as_ref().map(|j| j as &dyn Fn(&Array1<f64>) -> Array2<f64>);
    // jac='cs': the weighted residuals of the complex model.
    let resid_cs = options.jac_cs.map(|fc| {
        let (xdata, ydata, transform, bad_len) = (&xdata, &ydata, &transform, &bad_len);
        move |p: &Array1<Complex64>| {
            let model = fc(xdata, p);
            if model.len() != m {
                let _ = bad_len.set(model.len());
                return Array1::from_elem(m, Complex64::new(f64::NAN, 0.0));
            }
            transform.apply(model.iter().zip(ydata.iter()).map(|(&v, &y)| v - y).collect())
        }
    });
    let resid_cs = resid_cs.as_ref().map(|r| r as &dyn Fn(&Array1<Complex64>) -> Array1<Complex64>);
    let check_jac = || match bad_jac.get() {
        Some(&(r, c)) => Err(invalid("jac", format!("returned shape ({r}, {c}), expected ({m}, {n})"))),
        None => Ok(()),
    };
    options.check_method_options(method)?;
    let (popt, pcov, fvec, nfev, mesg, ier, cost) = if method == LsqMethod::Lm {
        let d = LeastsqOptions::default();
        // An owned array may still be non-contiguous (e.g. reversed).
        let diag = options.diag.as_ref().map(|d| d.to_vec());
        let opts = LeastsqOptions {
            maxfev: options.maxfev,
            jac: jac_dyn,
            ftol: options.ftol.unwrap_or(d.ftol),
            xtol: options.xtol.unwrap_or(d.xtol),
            gtol: options.gtol.unwrap_or(d.gtol),
            epsfcn: options.epsfcn.unwrap_or(d.epsfcn),
            factor: options.factor.unwrap_or(d.factor),
            diag: diag.as_deref(),
        };
        // The forward-difference Jacobian of a large fit evaluates its columns in parallel.
        let res = leastsq_with(&mut |p: &Array1<f64>| resid(p), Some(&resid), p0, &opts);
        if let Some(&found) = bad_len.get() {
            return Err(OptimizeError::WrongLength { arg: "f(xdata, p)", expected: m, found });
        }
        check_jac()?;
        let res = res?;
        if !(1..=4).contains(&res.ier) {
            return Err(OptimizeError::NoConvergence {
                message: format!("Optimal parameters not found: {}", res.mesg),
            });
        }
        let cost = res.fvec.iter().map(|v| v * v).sum();
        (res.x, res.cov_x, res.fvec, res.nfev, res.mesg, res.ier, cost)
    } else {
        let d = LeastSquaresOptions::default();
        let opts = LeastSquaresOptions {
            bounds: bounds.map(Cow::into_owned),
            method,
            max_nfev: options.max_nfev.or(options.maxfev),
            jac: match (jac_dyn, options.jac_scheme, resid_cs) {
                (Some(j), None, None) => LsqJac::Fn(j),
                (None, None, Some(fc)) => LsqJac::ComplexStep(fc),
                (None, scheme, None) => LsqJac::FiniteDiff(scheme.unwrap_or_default()),
                (_, Some(_), _) => {
                    return Err(invalid(
                        "jac_scheme",
                        "give one of a jac function, a difference scheme or jac_cs",
                    ));
                }
                (Some(_), None, Some(_)) => {
                    return Err(invalid(
                        "jac_cs",
                        "give one of a jac function, a difference scheme or jac_cs",
                    ));
                }
            },
            jac_sparsity: options.jac_sparsity.clone(),
            callback: options.callback,
            ftol: options.ftol.or(d.ftol),
            xtol: options.xtol.or(d.xtol),
            gtol: options.gtol.or(d.gtol),
            loss: options.loss.unwrap_or(d.loss),
            f_scale: options.f_scale.unwrap_or(d.f_scale),
            x_scale: options.x_scale.clone(),
            diff_step: options.diff_step.clone(),
            tr_solver: options.tr_solver,
            tr_options: options.tr_options.unwrap_or(d.tr_options),
        };
        let res = least_squares(resid, &p0, &opts);
        if let Some(&found) = bad_len.get() {
            return Err(OptimizeError::WrongLength { arg: "f(xdata, p)", expected: m, found });
        }
        check_jac()?;
        let res = res?;
        if !res.success {
            return Err(OptimizeError::NoConvergence {
                message: format!("Optimal parameters not found: {}", res.message),
            });
        }
        // pcov = V diag(1/s^2) V^T over the singular values above SciPy's threshold.
        // curve_fit's Jacobian is dense (no `jac_sparsity`).
        let jac = res.jac.into_dense();
        let svd = svd_lsq(&jac, &vec![1.0; n], None, &vec![0.0; jac.nrows()]);
        let threshold = f64::EPSILON * m.max(n) as f64 * svd.s.first().copied().unwrap_or(0.0);
        let pcov = Array2::from_shape_fn((n, n), |(i, j)| {
            svd.s
                .iter()
                .zip(&svd.v)
                .filter(|(s, _)| **s > threshold)
                .map(|(s, v)| v[i] * v[j] / (s * s))
                .sum()
        });
        // SciPy's `cost = 2 * res.cost`: the robust cost with a `loss`.
        (res.x, Some(pcov), res.fun, res.nfev, res.message, res.status, 2.0 * res.cost)
    };
    let pcov = match pcov {
        Some(c) if c.iter().any(|v| v.is_nan()) => Array2::from_elem((n, n), f64::INFINITY),
        Some(c) if options.absolute_sigma => c,
        Some(c) if m > n => c * (cost / (m - n) as f64),
        _ => Array2::from_elem((n, n), f64::INFINITY),
    };
    Ok(CurveFitResult { popt, pcov, nfev, fvec, mesg, ier })
}
