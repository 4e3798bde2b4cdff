//! Minimization of scalar functions of one variable: `minimize_scalar` (Brent, bounded
//! Brent/fminbound, golden section) and `bracket`, following SciPy's loops.

use crate::error::{OptimizeError, Result, invalid};

/// The methods of [`minimize_scalar`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScalarMethod {
    /// `"brent"`: Brent's parabolic interpolation / golden section (default without bounds).
    Brent,
    /// `"bounded"`: Brent's method on a closed interval, SciPy's `fminbound` (default with bounds).
    Bounded,
    /// `"golden"`: golden-section search.
    Golden,
}

impl ScalarMethod {
    fn name(self) -> &'static str {
        match self {
            Self::Brent => "brent",
            Self::Bounded => "bounded",
            Self::Golden => "golden",
        }
    }
}

/// A starting bracket for [`minimize_scalar`]: SciPy's `bracket=(a, b)` or `(a, b, c)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bracket {
    /// Two starting points for the downhill [`bracket`] search.
    Two(f64, f64),
    /// A valid bracket `a < b < c` (or `c < b < a`) with `f(b) < f(a)`, `f(b) < f(c)`.
    Three(f64, f64, f64),
}

/// Options of [`minimize_scalar`] (SciPy's keyword arguments and `options`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MinimizeScalarOptions {
    /// The method; `None` is `Brent` without bounds and `Bounded` with them.
    pub method: Option<ScalarMethod>,
    /// `bracket=` for Brent and golden (default: search from `(0, 1)`).
    pub bracket: Option<Bracket>,
    /// `bounds=(lo, hi)` for the bounded method.
    pub bounds: Option<(f64, f64)>,
    /// `tol=` / `options['xtol']` (relative tolerance; Brent 1.48e-8, golden sqrt(eps)); for
    /// `Bounded` it is taken as `xatol` as SciPy does.
    pub xtol: Option<f64>,
    /// `options['xatol']` of the bounded method (default 1e-5).
    pub xatol: Option<f64>,
    /// `options['maxiter']` (Brent 500, bounded 500 function calls, golden 5000).
    pub maxiter: Option<usize>,
}

/// The result of [`minimize_scalar`] (SciPy's `OptimizeResult` with scalar `x`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarResult {
    /// The minimizer.
    pub x: f64,
    /// The function value at `x`.
    pub fun: f64,
    /// Iterations.
    pub nit: usize,
    /// Function evaluations.
    pub nfev: usize,
    /// Status code (bounded method: 0 found, 1 too many calls, 2 NaN).
    pub status: i32,
    /// Whether the minimizer succeeded.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// The bracket found by [`bracket`]: `xa, xb, xc` with `f(xb)` below the two others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BracketResult {
    /// First end.
    pub xa: f64,
    /// Middle point.
    pub xb: f64,
    /// Other end.
    pub xc: f64,
    /// f(xa).
    pub fa: f64,
    /// f(xb).
    pub fb: f64,
    /// f(xc).
    pub fc: f64,
    /// Function evaluations.
    pub funcalls: usize,
}

fn bracket_raw(
    f: &mut dyn FnMut(f64) -> f64,
    xa: f64,
    xb: f64,
    grow_limit: f64,
    maxiter: usize,
) -> Result<BracketResult, (String, BracketResult)> {
    const GOLD: f64 = 1.618034;
    const VERYSMALL: f64 = 1e-21;
    let (mut xa, mut xb) = (xa, xb);
    let mut fa = f(xa);
    let mut fb = f(xb);
    if fa < fb {
        std::mem::swap(&mut xa, &mut xb);
        std::mem::swap(&mut fa, &mut fb);
    }
    let mut xc = xb + GOLD * (xb - xa);
    let mut fc = f(xc);
    let mut funcalls = 3;
    let mut iter = 0;
    while fc < fb {
        let tmp1 = (xb - xa) * (fb - fc);
        let tmp2 = (xb - xc) * (fb - fa);
        let val = tmp2 - tmp1;
        let denom = if val.abs() < VERYSMALL { 2.0 * VERYSMALL } else { 2.0 * val };
        let mut w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
        let wlim = xb + grow_limit * (xc - xb);
        if iter > maxiter {
            let r = BracketResult { xa, xb, xc, fa, fb, fc, funcalls };
            return Err(("No valid bracket was found before the iteration limit was reached.".into(), r));
        }
        iter += 1;
        let mut fw;
        if (w - xc) * (xb - w) > 0.0 {
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                xa = xb;
                xb = w;
                fa = fb;
                fb = fw;
                break;
            } else if fw > fb {
                xc = w;
                fc = fw;
                break;
            }
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (wlim - xc) >= 0.0 {
            w = wlim;
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (xc - w) > 0.0 {
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                xb = xc;
                xc = w;
                w = xc + GOLD * (xc - xb);
                fb = fc;
                fc = fw;
                fw = f(w);
                funcalls += 1;
            }
        } else {
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        }
        xa = xb;
        xb = xc;
        xc = w;
        fa = fb;
        fb = fc;
        fc = fw;
    }
    let r = BracketResult { xa, xb, xc, fa, fb, fc, funcalls };
    let cond1 = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
    let cond2 = (xa < xb && xb < xc) || (xc < xb && xb < xa);
    let cond3 = xa.is_finite() && xb.is_finite() && xc.is_finite();
    if cond1 && cond2 && cond3 {
        Ok(r)
    } else {
        Err(("The algorithm terminated without finding a valid bracket. Consider trying different initial points.".into(), r))
    }
}

/// Searches downhill from `xa`, `xb` for three points bracketing a minimum (SciPy's defaults
/// `grow_limit=110`, `maxiter=1000`).
///
/// SciPy equivalent: `scipy.optimize.bracket`.
///
/// # Errors
///
/// [`OptimizeError::NoConvergence`] when no valid bracket is found (SciPy's `BracketError`).
///
/// # Examples
///
/// ```
/// let b = sci_optimize::bracket(|x| (x - 3.0) * (x - 3.0), 0.0, 1.0)?;
/// assert!(b.xa < 3.0 && 3.0 < b.xc && b.fb < b.fa && b.fb < b.fc);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn bracket<F: FnMut(f64) -> f64>(mut f: F, xa: f64, xb: f64) -> Result<BracketResult> {
    bracket_raw(&mut f, xa, xb, 110.0, 1000).map_err(|(message, _)| OptimizeError::NoConvergence { message })
}

/// Gets `(xa, xb, xc, fa, fb, fc, funcalls)` from a user bracket.
fn bracket_info(
    f: &mut dyn FnMut(f64) -> f64,
    brack: Option<Bracket>,
) -> Result<Result<BracketResult, (String, BracketResult)>> {
    Ok(match brack {
        None => bracket_raw(f, 0.0, 1.0, 110.0, 1000),
        Some(Bracket::Two(a, b)) => bracket_raw(f, a, b, 110.0, 1000),
        Some(Bracket::Three(a, b, c)) => {
            let (xa, xc) = if a > c { (c, a) } else { (a, c) };
            let xb = b;
            if !(xa < xb && xb < xc) {
                return Err(invalid(
                    "bracket",
                    "Bracketing values (xa, xb, xc) do not fulfill this requirement: (xa < xb) and (xb < xc)",
                ));
            }
            let (fa, fb, fc) = (f(xa), f(xb), f(xc));
            if !(fb < fa && fb < fc) {
                return Err(invalid(
                    "bracket",
                    "Bracketing values (xa, xb, xc) do not fulfill this requirement: (f(xb) < f(xa)) and (f(xb) < f(xc))",
                ));
            }
            Ok(BracketResult { xa, xb, xc, fa, fb, fc, funcalls: 3 })
        }
    })
}

/// Result of a bracket failure: SciPy's `_recover_from_bracket_error`.
fn bracket_failure(msg: String, b: BracketResult) -> ScalarResult {
    let xs = [b.xa, b.xb, b.xc];
    let fs = [b.fa, b.fb, b.fc];
    let (x, fun) = if xs.iter().chain(fs.iter()).any(|v| v.is_nan()) {
        (f64::NAN, f64::NAN)
    } else {
        let mut i = 0;
        for k in 1..3 {
            if fs[k] < fs[i] {
                i = k;
            }
        }
        (xs[i], fs[i])
    };
    ScalarResult { x, fun, nit: 0, nfev: b.funcalls, status: 1, success: false, message: msg }
}

/// Brent's method from a bracket; returns `(x, fx, nit, nfev)`.
pub(crate) fn brent_core(
    f: &mut dyn FnMut(f64) -> f64,
    b: BracketResult,
    tol: f64,
    maxiter: usize,
) -> (f64, f64, usize, usize) {
    const MINTOL: f64 = 1.0e-11;
    const CG: f64 = 0.3819660;
    let mut funcalls = b.funcalls;
    let (mut x, mut w, mut v) = (b.xb, b.xb, b.xb);
    let (mut fx, mut fw, mut fv) = (b.fb, b.fb, b.fb);
    let (mut a, mut bb) = if b.xa < b.xc { (b.xa, b.xc) } else { (b.xc, b.xa) };
    let mut deltax: f64 = 0.0;
    let mut rat: f64 = 0.0;
    let mut iter = 0;
    while iter < maxiter {
        let tol1 = tol * x.abs() + MINTOL;
        let tol2 = 2.0 * tol1;
        let xmid = 0.5 * (a + bb);
        if (x - xmid).abs() < tol2 - 0.5 * (bb - a) {
            break;
        }
        if deltax.abs() <= tol1 {
            deltax = if x >= xmid { a - x } else { bb - x };
            rat = CG * deltax;
        } else {
            let tmp1 = (x - w) * (fx - fv);
            let mut tmp2 = (x - v) * (fx - fw);
            let mut p = (x - v) * tmp2 - (x - w) * tmp1;
            tmp2 = 2.0 * (tmp2 - tmp1);
            if tmp2 > 0.0 {
                p = -p;
            }
            tmp2 = tmp2.abs();
            let dx_temp = deltax;
            deltax = rat;
            if p > tmp2 * (a - x) && p < tmp2 * (bb - x) && p.abs() < (0.5 * tmp2 * dx_temp).abs() {
                rat = p / tmp2;
                let u = x + rat;
                if (u - a) < tol2 || (bb - u) < tol2 {
                    rat = if xmid - x >= 0.0 { tol1 } else { -tol1 };
                }
            } else {
                deltax = if x >= xmid { a - x } else { bb - x };
                rat = CG * deltax;
            }
        }
        let u = if rat.abs() < tol1 { if rat >= 0.0 { x + tol1 } else { x - tol1 } } else { x + rat };
        let fu = f(u);
        funcalls += 1;
        if fu > fx {
            if u < x {
                a = u;
            } else {
                bb = u;
            }
            if fu <= fw || w == x {
                v = w;
                w = u;
                fv = fw;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        } else {
            if u >= x {
                a = x;
            } else {
                bb = x;
            }
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        }
        iter += 1;
    }
    (x, fx, iter, funcalls)
}

fn unbounded_message(success: bool, nit: usize, maxiter: usize, x: f64, fx: f64, xtol: f64) -> String {
    if success {
        format!(
            "\nOptimization terminated successfully;\nThe returned value satisfies the termination criteria\n(using xtol = {xtol} )"
        )
    } else if x.is_nan() || fx.is_nan() {
        "NaN result encountered.".into()
    } else {
        debug_assert!(nit >= maxiter);
        "\nMaximum number of iterations exceeded".into()
    }
}

fn golden_core(
    f: &mut dyn FnMut(f64) -> f64,
    b: BracketResult,
    tol: f64,
    maxiter: usize,
) -> (f64, f64, usize, usize) {
    const GR: f64 = 0.61803399;
    const GC: f64 = 1.0 - GR;
    let (xa, xb, xc) = (b.xa, b.xb, b.xc);
    let mut funcalls = b.funcalls;
    let mut x3 = xc;
    let mut x0 = xa;
    let (mut x1, mut x2) =
        if (xc - xb).abs() > (xb - xa).abs() { (xb, xb + GC * (xc - xb)) } else { (xb - GC * (xb - xa), xb) };
    let mut f1 = f(x1);
    let mut f2 = f(x2);
    funcalls += 2;
    let mut nit = 0;
    for _ in 0..maxiter {
        if (x3 - x0).abs() <= tol * (x1.abs() + x2.abs()) {
            break;
        }
        if f2 < f1 {
            x0 = x1;
            x1 = x2;
            x2 = GR * x1 + GC * x3;
            f1 = f2;
            f2 = f(x2);
        } else {
            x3 = x2;
            x2 = x1;
            x1 = GR * x2 + GC * x0;
            f2 = f1;
            f1 = f(x1);
        }
        funcalls += 1;
        nit += 1;
    }
    if f1 < f2 { (x1, f1, nit, funcalls) } else { (x2, f2, nit, funcalls) }
}

fn bounded(f: &mut dyn FnMut(f64) -> f64, x1: f64, x2: f64, xatol: f64, maxfun: usize) -> ScalarResult {
    let sqrt_eps = 2.2e-16f64.sqrt();
    let golden_mean = 0.5 * (3.0 - 5f64.sqrt());
    let (mut a, mut b) = (x1, x2);
    let mut fulc = a + golden_mean * (b - a);
    let (mut nfc, mut xf) = (fulc, fulc);
    let (mut rat, mut e): (f64, f64) = (0.0, 0.0);
    let mut fx = f(xf);
    let mut num = 1;
    let mut fu = f64::INFINITY;
    let (mut ffulc, mut fnfc) = (fx, fx);
    let mut xm = 0.5 * (a + b);
    let mut tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
    let mut tol2 = 2.0 * tol1;
    let mut flag = 0;
    while (xf - xm).abs() > tol2 - 0.5 * (b - a) {
        let mut golden = true;
        if e.abs() > tol1 {
            golden = false;
            let mut r = (xf - nfc) * (fx - ffulc);
            let mut q = (xf - fulc) * (fx - fnfc);
            let mut p = (xf - fulc) * q - (xf - nfc) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            r = e;
            e = rat;
            if p.abs() < (0.5 * q * r).abs() && p > q * (a - xf) && p < q * (b - xf) {
                rat = p / q;
                let x = xf + rat;
                if (x - a) < tol2 || (b - x) < tol2 {
                    let d = xm - xf;
                    let si = if d > 0.0 {
                        1.0
                    } else if d < 0.0 {
                        -1.0
                    } else {
                        1.0
                    };
                    rat = tol1 * si;
                }
            } else {
                golden = true;
            }
        }
        if golden {
            e = if xf >= xm { a - xf } else { b - xf };
            rat = golden_mean * e;
        }
        let si = if rat > 0.0 {
            1.0
        } else if rat < 0.0 {
            -1.0
        } else {
            1.0
        };
        let x = xf + si * rat.abs().max(tol1);
        fu = f(x);
        num += 1;
        if fu <= fx {
            if x >= xf {
                a = xf;
            } else {
                b = xf;
            }
            fulc = nfc;
            ffulc = fnfc;
            nfc = xf;
            fnfc = fx;
            xf = x;
            fx = fu;
        } else {
            if x < xf {
                a = x;
            } else {
                b = x;
            }
            if fu <= fnfc || nfc == xf {
                fulc = nfc;
                ffulc = fnfc;
                nfc = x;
                fnfc = fu;
            } else if fu <= ffulc || fulc == xf || fulc == nfc {
                fulc = x;
                ffulc = fu;
            }
        }
        xm = 0.5 * (a + b);
        tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
        tol2 = 2.0 * tol1;
        if num >= maxfun {
            flag = 1;
            break;
        }
    }
    if xf.is_nan() || fx.is_nan() || fu.is_nan() {
        flag = 2;
    }
    let message = match flag {
        0 => "Solution found.",
        1 => "Maximum number of function calls reached.",
        _ => "NaN result encountered.",
    };
    ScalarResult {
        x: xf,
        fun: fx,
        nit: num,
        nfev: num,
        status: flag,
        success: flag == 0,
        message: message.into(),
    }
}

/// Minimizes a scalar function of one variable.
///
/// SciPy equivalent: `scipy.optimize.minimize_scalar` (and `brent`, `golden`, `fminbound`).
///
/// # Errors
///
/// * [`OptimizeError::UnsupportedOption`] for `bounds` with Brent or golden (SciPy's
///   "Use of `bounds` is incompatible"), `bracket` or `xatol` with the bounded method.
/// * [`OptimizeError::MissingArgument`] for the bounded method without bounds.
/// * [`OptimizeError::InvalidBounds`] when `lo > hi`; [`OptimizeError::InvalidValue`] for
///   non-finite bounds, a negative tolerance or an invalid three-point bracket.
///
/// A bracket search that fails is not an error: SciPy returns `success = false` with the best
/// point seen, and so does this function.
///
/// # Examples
///
/// ```
/// use sci_optimize::{minimize_scalar, MinimizeScalarOptions};
/// let f = |x: f64| x * x + 10.0 * x.sin();
/// let r = minimize_scalar(f, &MinimizeScalarOptions { bounds: Some((-2.0, 1.0)), ..Default::default() })?;
/// assert!((r.x + 1.3064406991598465).abs() < 1e-12); // SciPy's x
/// assert!((r.fun + 7.945823375612504).abs() < 1e-12);
/// assert_eq!(r.nfev, 9);
/// let r = minimize_scalar(f, &MinimizeScalarOptions::default())?; // Brent
/// assert!((r.x + 1.3064400120612139).abs() < 1e-12);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn minimize_scalar<F: FnMut(f64) -> f64>(
    mut f: F,
    options: &MinimizeScalarOptions,
) -> Result<ScalarResult> {
    let o = options;
    let method =
        o.method.unwrap_or(if o.bounds.is_some() { ScalarMethod::Bounded } else { ScalarMethod::Brent });
    let name = method.name();
    match method {
        ScalarMethod::Bounded => {
            if o.bracket.is_some() {
                return Err(OptimizeError::UnsupportedOption { method: name, option: "bracket" });
            }
            let (lo, hi) = o.bounds.ok_or(OptimizeError::MissingArgument { method: name, arg: "bounds" })?;
            if !lo.is_finite() || !hi.is_finite() {
                return Err(invalid("bounds", "Optimization bounds must be finite scalars."));
            }
            if lo > hi {
                return Err(OptimizeError::InvalidBounds { index: 0, lower: lo, upper: hi });
            }
            let xatol = o.xatol.or(o.xtol).unwrap_or(1e-5);
            let maxfun = o.maxiter.unwrap_or(500);
            Ok(bounded(&mut f, lo, hi, xatol, maxfun))
        }
        ScalarMethod::Brent | ScalarMethod::Golden => {
            if o.bounds.is_some() {
                return Err(OptimizeError::UnsupportedOption { method: name, option: "bounds" });
            }
            if o.xatol.is_some() {
                return Err(OptimizeError::UnsupportedOption { method: name, option: "xatol" });
            }
            let golden = method == ScalarMethod::Golden;
            let xtol = o.xtol.unwrap_or(if golden { f64::EPSILON.sqrt() } else { 1.48e-8 });
            if xtol < 0.0 || xtol.is_nan() {
                return Err(invalid("xtol", format!("tolerance should be >= 0, got {xtol}")));
            }
            let maxiter = o.maxiter.unwrap_or(if golden { 5000 } else { 500 });
            let b = match bracket_info(&mut f, o.bracket)? {
                Ok(b) => b,
                Err((msg, b)) => return Ok(bracket_failure(msg, b)),
            };
            let (x, fx, nit, nfev) = if golden {
                golden_core(&mut f, b, xtol, maxiter)
            } else {
                brent_core(&mut f, b, xtol, maxiter)
            };
            let success = nit < maxiter && !(x.is_nan() || fx.is_nan());
            let message = unbounded_message(success, nit, maxiter, x, fx, xtol);
            Ok(ScalarResult { x, fun: fx, nit, nfev, status: if success { 0 } else { 1 }, success, message })
        }
    }
}
