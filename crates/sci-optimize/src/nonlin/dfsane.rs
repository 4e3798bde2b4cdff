//! DF-SANE (La Cruz, Martinez, Raydan 2006), SciPy's `_spectral.py` step for step.

use super::dot;
use crate::error::{OptimizeError, Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use std::collections::VecDeque;

/// The non-monotone line search of [`df_sane`] (SciPy's `line_search=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DfSaneLineSearch {
    /// `'cruz'` (default): La Cruz et al.'s search over the last `M` merit values.
    #[default]
    Cruz,
    /// `'cheng'`: Cheng and Li's search.
    Cheng,
}

/// Options of [`df_sane`] (SciPy's `root(method='df-sane')` options).
#[derive(Clone, Copy)]
pub struct DfSaneOptions<'a> {
    /// `ftol` (default 1e-8): relative tolerance, `|F| < ftol |F0| + fatol`.
    pub ftol: f64,
    /// `fatol` (default 1e-300).
    pub fatol: f64,
    /// `maxfev` (default 1000): function evaluations.
    pub maxfev: usize,
    /// `M` (default 10): length of the non-monotone memory.
    pub m: usize,
    /// `sigma_eps` (default 1e-10): spectral coefficient bound.
    pub sigma_eps: f64,
    /// `sigma_0` (default 1.0): initial spectral coefficient.
    pub sigma_0: f64,
    /// `line_search` (default `Cruz`).
    pub line_search: DfSaneLineSearch,
    /// `fnorm(F)`: the norm of the convergence test `fnorm(F) < ftol fnorm(F0) + fatol`
    /// (default the Euclidean norm).
    pub fnorm: Option<&'a dyn Fn(&Array1<f64>) -> f64>,
    /// `eta_strategy(k, x, F)`: the slack `eta_k` of the non-monotone line search at iteration
    /// `k` (default `|F0|² / (1 + k)²`).
    pub eta_strategy: Option<&'a dyn Fn(usize, &Array1<f64>, &Array1<f64>) -> f64>,
    /// `callback(x, F)`, called at the start of every iteration, before the convergence test,
    /// as SciPy calls it.
    pub callback: Option<&'a dyn Fn(&Array1<f64>, &Array1<f64>)>,
}

impl Default for DfSaneOptions<'_> {
    fn default() -> Self {
        DfSaneOptions {
            ftol: 1e-8,
            fatol: 1e-300,
            maxfev: 1000,
            m: 10,
            sigma_eps: 1e-10,
            sigma_0: 1.0,
            line_search: DfSaneLineSearch::Cruz,
            fnorm: None,
            eta_strategy: None,
            callback: None,
        }
    }
}

impl std::fmt::Debug for DfSaneOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DfSaneOptions")
            .field("ftol", &self.ftol)
            .field("fatol", &self.fatol)
            .field("maxfev", &self.maxfev)
            .field("m", &self.m)
            .field("sigma_eps", &self.sigma_eps)
            .field("sigma_0", &self.sigma_0)
            .field("line_search", &self.line_search)
            .field("fnorm", &self.fnorm.is_some())
            .field("eta_strategy", &self.eta_strategy.is_some())
            .field("callback", &self.callback.is_some())
            .finish()
    }
}

/// The DF-SANE result: SciPy's `x`, `fun`, `nit`, `nfev`, `success`, `message`.
#[derive(Debug, Clone, PartialEq)]
pub struct DfSaneResult {
    /// The solution estimate.
    pub x: Array1<f64>,
    /// `F(x)`.
    pub fun: Array1<f64>,
    /// Iterations.
    pub nit: usize,
    /// Function evaluations.
    pub nfev: usize,
    /// Whether `|F| < ftol |F0| + fatol` was met.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// Derivative-free spectral residual method for `F(x) = 0` (DF-SANE); `fnorm`,
/// `eta_strategy` and `callback` as SciPy's options (defaults: the Euclidean norm and
/// `|F0|^2 / (1 + k)^2`).
///
/// SciPy equivalent: `scipy.optimize.root(method='df-sane')`.
///
/// # Errors
///
/// * [`OptimizeError::WrongLength`]: empty `x0`, or `F(x0)` of another length.
/// * [`OptimizeError::NonFiniteInitial`]: `F(x0)` is not finite.
/// * [`OptimizeError::InvalidValue`]: `M == 0`, `maxfev == 0`, negative or NaN tolerances.
///
/// # Examples
///
/// ```
/// use sci_optimize::{df_sane, DfSaneOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
/// let r = df_sane(f, &array![0.0, 0.0], &DfSaneOptions::default())?;
/// assert!(r.success);
/// assert_eq!((r.nit, r.nfev), (8, 9)); // as SciPy
/// assert!((r.x[0] - 0.8411639).abs() < 1e-6 && (r.x[1] - 0.1588361).abs() < 1e-6);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn df_sane<F, S>(mut fun: F, x0: &ArrayBase<S, Ix1>, options: &DfSaneOptions<'_>) -> Result<DfSaneResult>
where
    F: FnMut(&Array1<f64>) -> Array1<f64>,
    S: Data<Elem = f64>,
{
    let o = options;
    let n = x0.len();
    if n == 0 {
        return Err(OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
    }
    for (arg, v) in [("ftol", o.ftol), ("fatol", o.fatol), ("sigma_eps", o.sigma_eps)] {
        if v.is_nan() || v < 0.0 {
            return Err(invalid(arg, format!("must be non-negative, got {v}")));
        }
    }
    if o.m == 0 {
        return Err(invalid("M", "must be positive"));
    }
    if o.maxfev == 0 {
        return Err(invalid("maxfev", "must be positive"));
    }
    if !o.sigma_0.is_finite() {
        return Err(invalid("sigma_0", format!("must be finite, got {}", o.sigma_0)));
    }
    // np.linalg.norm(F)**2: sqrt of a plain dot product, squared.
    let fmerit = |f: &Array1<f64>| {
        let v = dot(f, f).sqrt();
        v * v
    };
    let mut x_k = x0.to_owned();
    let mut big_f = fun(&x_k);
    if big_f.len() != n {
        return Err(OptimizeError::WrongLength { arg: "F(x0)", expected: n, found: big_f.len() });
    }
    if let Some(v) = big_f.iter().find(|v| !v.is_finite()) {
        return Err(OptimizeError::NonFiniteInitial { what: "function", value: *v });
    }
    let mut nfev = 1usize;
    // `f(x)`: None once maxfev is reached (SciPy's _NoConvergence).
    let mut f = |x: &Array1<f64>| -> Option<(f64, Array1<f64>)> {
        if nfev >= o.maxfev {
            return None;
        }
        nfev += 1;
        let v = fun(x);
        Some((fmerit(&v), v))
    };
    let mut f_k = fmerit(&big_f);
    let f_0 = f_k;
    let mut k = 0usize;
    let mut sigma_k = o.sigma_0;
    // SciPy's default fnorm is the square root of the current merit value.
    let fnorm = |big_f: &Array1<f64>, f_k: f64| match o.fnorm {
        Some(n) => n(big_f),
        None => f_k.powf(0.5),
    };
    let f0_norm = fnorm(&big_f, f_k);
    let mut prev_fs: VecDeque<f64> = VecDeque::with_capacity(o.m);
    prev_fs.push_back(f_k);
    let (mut q, mut c) = (1.0f64, f_0);
    let (gamma, tau_min, tau_max, nu) = (1e-4, 0.1, 0.5, 0.85);
    // np.clip propagates NaN
    let clip = |a: f64, lo: f64, hi: f64| if a.is_nan() { a } else { a.max(lo).min(hi) };
    let mut converged = false;
    let mut message = "too many function evaluations required";
    loop {
        let fk_norm = fnorm(&big_f, f_k);
        if let Some(cb) = o.callback {
            cb(&x_k, &big_f);
        }
        if fk_norm < o.ftol * f0_norm + o.fatol {
            message = "successful convergence";
            converged = true;
            break;
        }
        if sigma_k.abs() > 1.0 / o.sigma_eps {
            sigma_k = 1.0 / o.sigma_eps * sigma_k.signum();
        } else if sigma_k.abs() < o.sigma_eps {
            sigma_k = o.sigma_eps;
        }
        let d = &big_f * -sigma_k;
        let eta = match o.eta_strategy {
            Some(e) => e(k, &x_k, &big_f),
            None => f_0 / ((1 + k) as f64).powi(2),
        };
        let bound = match o.line_search {
            DfSaneLineSearch::Cruz => prev_fs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            DfSaneLineSearch::Cheng => c,
        };
        // the non-monotone line search
        let (mut alpha_p, mut alpha_m) = (1.0f64, 1.0f64);
        let found = loop {
            let xp = &x_k + &(&d * alpha_p);
            let Some((fp, big_fp)) = f(&xp) else { break None };
            if fp <= bound + eta - gamma * (alpha_p * alpha_p) * f_k {
                break Some((xp, fp, big_fp));
            }
            let alpha_tp = alpha_p * alpha_p * f_k / (fp + (2.0 * alpha_p - 1.0) * f_k);
            let xp = &x_k - &(&d * alpha_m);
            let Some((fp, big_fp)) = f(&xp) else { break None };
            if fp <= bound + eta - gamma * (alpha_m * alpha_m) * f_k {
                break Some((xp, fp, big_fp));
            }
            let alpha_tm = alpha_m * alpha_m * f_k / (fp + (2.0 * alpha_m - 1.0) * f_k);
            alpha_p = clip(alpha_tp, tau_min * alpha_p, tau_max * alpha_p);
            alpha_m = clip(alpha_tm, tau_min * alpha_m, tau_max * alpha_m);
        };
        let Some((xp, fp, big_fp)) = found else { break };
        if o.line_search == DfSaneLineSearch::Cheng {
            let q_next = nu * q + 1.0;
            c = (nu * q * (c + eta) + fp) / q_next;
            q = q_next;
        }
        let s_k = &xp - &x_k;
        let y_k = &big_fp - &big_f;
        sigma_k = s_k.dot(&s_k) / s_k.dot(&y_k);
        x_k = xp;
        big_f = big_fp;
        f_k = fp;
        if o.line_search == DfSaneLineSearch::Cruz {
            if prev_fs.len() == o.m {
                prev_fs.pop_front();
            }
            prev_fs.push_back(fp);
        }
        k += 1;
    }
    Ok(DfSaneResult { x: x_k, fun: big_f, nit: k, nfev, success: converged, message: message.into() })
}
