//! Powell's conjugate direction method, as SciPy's `_minimize_powell`: Brent line searches
//! along each direction (bounded searches over the feasible segment with `bounds`), with the
//! direction of largest decrease replaced by the extrapolated step when that pays.

use super::callback::{CALLBACK_STOP, Callback, halt};
use super::messages;
use crate::error::Result;
use crate::problem::OptimizeResult;
use crate::scalar_min::{MinimizeScalarOptions, ScalarMethod, minimize_scalar};
use ndarray::{Array1, Array2};

const OUT_OF_BOUNDS: &str = "The result is outside of the provided bounds.";

/// Counts calls and refuses those beyond `maxfun` (SciPy raises `_MaxFuncCallError` there).
struct Counted<'f> {
    fun: &'f mut dyn FnMut(&Array1<f64>) -> f64,
    ncalls: usize,
    maxfun: usize,
    exhausted: bool,
}

impl Counted<'_> {
    fn call(&mut self, x: &Array1<f64>) -> f64 {
        if self.ncalls >= self.maxfun {
            self.exhausted = true;
            return f64::NAN;
        }
        self.ncalls += 1;
        (self.fun)(x)
    }
}

/// `_line_for_search`: the range of `l` keeping `x0 + l d` inside the bounds.
fn line_for_search(x0: &Array1<f64>, d: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> (f64, f64) {
    let (mut lmin, mut lmax) = (f64::NEG_INFINITY, f64::INFINITY);
    for i in 0..x0.len() {
        if d[i] == 0.0 {
            continue;
        }
        let low = (lb[i] - x0[i]) / d[i];
        let high = (ub[i] - x0[i]) / d[i];
        let (a, b) = if d[i] > 0.0 { (low, high) } else { (high, low) };
        lmin = lmin.max(a);
        lmax = lmax.min(b);
    }
    if lmax >= lmin { (lmin, lmax) } else { (0.0, 0.0) }
}

/// `_linesearch_powell`: minimizes along `xi` from `p`; returns `(fval, p + alpha xi, alpha xi)`,
/// or `None` when the evaluation budget ran out inside the search.
fn linesearch(
    f: &mut Counted<'_>,
    p: &Array1<f64>,
    xi: &Array1<f64>,
    tol: f64,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    fval: f64,
) -> Result<Option<(f64, Array1<f64>, Array1<f64>)>> {
    if xi.iter().all(|v| *v == 0.0) {
        return Ok(Some((fval, p.clone(), xi.clone())));
    }
    let range = bounds.map(|(lb, ub)| line_for_search(p, xi, lb, ub));
    let (alpha, fret) = match range {
        Some((lo, hi)) if lo.is_finite() && hi.is_finite() => {
            let o = MinimizeScalarOptions {
                method: Some(ScalarMethod::Bounded),
                bounds: Some((lo, hi)),
                xatol: Some(tol / 100.0),
                ..Default::default()
            };
            let r = minimize_scalar(|a| f.call(&(p + &(xi * a))), &o)?;
            (r.x, r.fun)
        }
        Some((lo, hi)) if lo.is_finite() || hi.is_finite() => {
            // One-sided: search over atan of the step, as SciPy does.
            let o = MinimizeScalarOptions {
                method: Some(ScalarMethod::Bounded),
                bounds: Some((lo.atan(), hi.atan())),
                xatol: Some(tol / 100.0),
                ..Default::default()
            };
            let r = minimize_scalar(|a| f.call(&(p + &(xi * a.tan()))), &o)?;
            (r.x.tan(), r.fun)
        }
        _ => {
            let o = MinimizeScalarOptions {
                method: Some(ScalarMethod::Brent),
                xtol: Some(tol),
                ..Default::default()
            };
            let r = minimize_scalar(|a| f.call(&(p + &(xi * a))), &o)?;
            (r.x, r.fun)
        }
    };
    if f.exhausted {
        return Ok(None);
    }
    let step = xi * alpha;
    Ok(Some((fret, p + &step, step)))
}

/// Options of [`powell`] (SciPy's names).
pub(crate) struct PowellParams<'a> {
    pub xtol: f64,
    pub ftol: f64,
    pub maxiter: usize,
    pub maxfun: usize,
    pub direc: Array2<f64>,
    pub callback: Option<Callback<'a>>,
}

/// SciPy's `_minimize_powell`.
pub(crate) fn powell(
    fun: &mut dyn FnMut(&Array1<f64>) -> f64,
    x0: Array1<f64>,
    bounds: Option<(&Array1<f64>, &Array1<f64>)>,
    p: PowellParams<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let mut f = Counted { fun, ncalls: 0, maxfun: p.maxfun, exhausted: false };
    let mut direc = p.direc;
    let mut x = x0;
    let mut fval = f.call(&x);
    let mut x1 = x.clone();
    let mut iter = 0;
    let mut stopped = false;
    let tol = p.xtol * 100.0;
    'outer: loop {
        if f.exhausted {
            break;
        }
        let fx = fval;
        let mut bigind = 0;
        let mut delta = 0.0;
        for i in 0..n {
            let d = direc.row(i).to_owned();
            let fx2 = fval;
            let Some((fv, xn, _)) = linesearch(&mut f, &x, &d, tol, bounds, fval)? else { break 'outer };
            fval = fv;
            x = xn;
            if fx2 - fval > delta {
                delta = fx2 - fval;
                bigind = i;
            }
        }
        iter += 1;
        if halt(p.callback, &x, fval) {
            stopped = true;
            break;
        }
        let bnd = p.ftol * (fx.abs() + fval.abs()) + 1e-20;
        if 2.0 * (fx - fval) <= bnd
            || f.ncalls >= p.maxfun
            || iter >= p.maxiter
            || (fx.is_nan() && fval.is_nan())
        {
            break;
        }
        let direc1 = &x - &x1;
        x1 = x.clone();
        let lmax = match bounds {
            None => 1.0,
            Some((lb, ub)) => line_for_search(&x, &direc1, lb, ub).1,
        };
        let x2 = &x + &(&direc1 * lmax.min(1.0));
        let fx2 = f.call(&x2);
        if f.exhausted {
            break;
        }
        if fx > fx2 {
            let mut t = 2.0 * (fx + fx2 - 2.0 * fval);
            let temp = fx - fval - delta;
            t *= temp * temp;
            let temp = fx - fx2;
            t -= delta * temp * temp;
            if t < 0.0 {
                let Some((fv, xn, d1)) = linesearch(&mut f, &x, &direc1, tol, bounds, fval)? else { break };
                fval = fv;
                x = xn;
                if d1.iter().any(|v| *v != 0.0) {
                    let last = direc.row(n - 1).to_owned();
                    direc.row_mut(bigind).assign(&last);
                    direc.row_mut(n - 1).assign(&d1);
                }
            }
        }
    }
    let outside = bounds.is_some_and(|(lb, ub)| (0..n).any(|i| lb[i] > x[i] || x[i] > ub[i]));
    let (status, message) = if stopped {
        (99, CALLBACK_STOP)
    } else if outside {
        (4, OUT_OF_BOUNDS)
    } else if f.ncalls >= p.maxfun {
        (1, messages::MAXFEV)
    } else if iter >= p.maxiter {
        (2, messages::MAXITER)
    } else if fval.is_nan() || x.iter().any(|v| v.is_nan()) {
        (3, messages::NAN)
    } else {
        (0, messages::SUCCESS)
    };
    Ok(OptimizeResult {
        x,
        fun: fval,
        jac: None,
        fvec: None,
        jac_matrix: None,
        hess_inv: None,
        nit: iter,
        nfev: f.ncalls,
        njev: 0,
        nhev: 0,
        status,
        success: status == 0,
        message: message.to_string(),
    })
}
