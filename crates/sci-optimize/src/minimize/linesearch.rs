//! The Moré-Thuente line search (MINPACK-2 `dcsrch`), as SciPy's `line_search_wolfe1`.

use crate::problem::Problem;
use ndarray::Array1;

/// `dcstep`: safeguarded cubic/quadratic step of Moré-Thuente. Returns the new
/// `(stx, fx, dx, sty, fy, dy, stp, brackt)`.
#[allow(clippy::too_many_arguments)]
fn dcstep(
    mut stx: f64,
    mut fx: f64,
    mut dx: f64,
    mut sty: f64,
    mut fy: f64,
    mut dy: f64,
    stp: f64,
    fp: f64,
    dp: f64,
    mut brackt: bool,
    stpmin: f64,
    stpmax: f64,
) -> (f64, f64, f64, f64, f64, f64, f64, bool) {
    let sgn = |v: f64| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let sgnd = sgn(dp) * sgn(dx);
    let stpf;
    if fp > fx {
        let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        let s = theta.abs().max(dx.abs()).max(dp.abs());
        let mut gamma = s * ((theta / s).powi(2) - (dx / s) * (dp / s)).sqrt();
        if stp < stx {
            gamma = -gamma;
        }
        let p = (gamma - dx) + theta;
        let q = ((gamma - dx) + gamma) + dp;
        let r = p / q;
        let stpc = stx + r * (stp - stx);
        let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
        stpf = if (stpc - stx).abs() <= (stpq - stx).abs() { stpc } else { stpc + (stpq - stpc) / 2.0 };
        brackt = true;
    } else if sgnd < 0.0 {
        let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        let s = theta.abs().max(dx.abs()).max(dp.abs());
        let mut gamma = s * ((theta / s).powi(2) - (dx / s) * (dp / s)).sqrt();
        if stp > stx {
            gamma = -gamma;
        }
        let p = (gamma - dp) + theta;
        let q = ((gamma - dp) + gamma) + dx;
        let r = p / q;
        let stpc = stp + r * (stx - stp);
        let stpq = stp + (dp / (dp - dx)) * (stx - stp);
        stpf = if (stpc - stp).abs() > (stpq - stp).abs() { stpc } else { stpq };
        brackt = true;
    } else if dp.abs() < dx.abs() {
        let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        let s = theta.abs().max(dx.abs()).max(dp.abs());
        let mut gamma = s * (0f64.max((theta / s).powi(2) - (dx / s) * (dp / s))).sqrt();
        if stp > stx {
            gamma = -gamma;
        }
        let p = (gamma - dp) + theta;
        let q = (gamma + (dx - dp)) + gamma;
        let r = p / q;
        let stpc = if r < 0.0 && gamma != 0.0 {
            stp + r * (stx - stp)
        } else if stp > stx {
            stpmax
        } else {
            stpmin
        };
        let stpq = stp + (dp / (dp - dx)) * (stx - stp);
        if brackt {
            let mut t = if (stpc - stp).abs() < (stpq - stp).abs() { stpc } else { stpq };
            t = if stp > stx { (stp + 0.66 * (sty - stp)).min(t) } else { (stp + 0.66 * (sty - stp)).max(t) };
            stpf = t;
        } else {
            let t = if (stpc - stp).abs() > (stpq - stp).abs() { stpc } else { stpq };
            stpf = t.clamp(stpmin, stpmax);
        }
    } else if brackt {
        let theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
        let s = theta.abs().max(dy.abs()).max(dp.abs());
        let mut gamma = s * ((theta / s).powi(2) - (dy / s) * (dp / s)).sqrt();
        if stp > sty {
            gamma = -gamma;
        }
        let p = (gamma - dp) + theta;
        let q = ((gamma - dp) + gamma) + dy;
        let r = p / q;
        stpf = stp + r * (sty - stp);
    } else if stp > stx {
        stpf = stpmax;
    } else {
        stpf = stpmin;
    }
    if fp > fx {
        sty = stp;
        fy = fp;
        dy = dp;
    } else {
        if sgnd < 0.0 {
            sty = stx;
            fy = fx;
            dy = dx;
        }
        stx = stp;
        fx = fp;
        dx = dp;
    }
    (stx, fx, dx, sty, fy, dy, stpf, brackt)
}

/// `dcsrch` driven to the end: returns the accepted step and `phi` there, or `None` on
/// an error, on a warning unless `accept_warning` (L-BFGS-B takes the point of a warning as
/// its new iterate), or after `maxiter` evaluations without convergence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn dcsrch(
    phi: &mut dyn FnMut(f64) -> (f64, f64),
    mut stp: f64,
    finit: f64,
    ginit: f64,
    ftol: f64,
    gtol: f64,
    xtol: f64,
    stpmin: f64,
    stpmax: f64,
    maxiter: usize,
    accept_warning: bool,
) -> Option<(f64, f64)> {
    const P5: f64 = 0.5;
    const P66: f64 = 0.66;
    const XTRAPL: f64 = 1.1;
    const XTRAPU: f64 = 4.0;
    if stp < stpmin || stp > stpmax || ginit >= 0.0 || stpmax < stpmin {
        return None;
    }
    let mut brackt = false;
    let mut stage = 1;
    let gtest = ftol * ginit;
    let mut width = stpmax - stpmin;
    let mut width1 = width / P5;
    let (mut stx, mut fx, mut gx) = (0.0, finit, ginit);
    let (mut sty, mut fy, mut gy) = (0.0, finit, ginit);
    let mut stmin = 0.0;
    let mut stmax = stp + XTRAPU * stp;
    for _ in 0..maxiter {
        if !stp.is_finite() {
            return None;
        }
        let (f, g) = phi(stp);
        let ftest = finit + stp * gtest;
        if stage == 1 && f <= ftest && g >= 0.0 {
            stage = 2;
        }
        let mut warn = false;
        if brackt && (stp <= stmin || stp >= stmax) {
            warn = true;
        }
        if brackt && stmax - stmin <= xtol * stmax {
            warn = true;
        }
        if stp == stpmax && f <= ftest && g <= gtest {
            warn = true;
        }
        if stp == stpmin && (f > ftest || g >= gtest) {
            warn = true;
        }
        if f <= ftest && g.abs() <= gtol * -ginit {
            return Some((stp, f));
        }
        if warn {
            return accept_warning.then_some((stp, f));
        }
        let t = if stage == 1 && f <= fx && f > ftest {
            let fm = f - stp * gtest;
            let fxm = fx - stx * gtest;
            let fym = fy - sty * gtest;
            let gm = g - gtest;
            let gxm = gx - gtest;
            let gym = gy - gtest;
            let t = dcstep(stx, fxm, gxm, sty, fym, gym, stp, fm, gm, brackt, stmin, stmax);
            (t.0, t.1 + t.0 * gtest, t.2 + gtest, t.3, t.4 + t.3 * gtest, t.5 + gtest, t.6, t.7)
        } else {
            dcstep(stx, fx, gx, sty, fy, gy, stp, f, g, brackt, stmin, stmax)
        };
        (stx, fx, gx, sty, fy, gy, stp, brackt) = t;
        if brackt {
            if (sty - stx).abs() >= P66 * width1 {
                stp = stx + P5 * (sty - stx);
            }
            width1 = width;
            width = (sty - stx).abs();
            stmin = stx.min(sty);
            stmax = stx.max(sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = stp.clamp(stpmin, stpmax);
        if brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax) {
            stp = stx;
        }
    }
    None
}

/// What a successful line search returns.
pub(crate) struct LineSearch {
    /// The step.
    pub alpha: f64,
    /// f at the new point.
    pub fval: f64,
    /// The gradient at the new point (from the last derivative evaluation).
    pub gval: Array1<f64>,
}

/// SciPy's `line_search_wolfe1` with `amin=1e-100`, `amax=1e100`, `xtol=1e-14`.
fn line_search_wolfe1(
    problem: &mut Problem<'_>,
    xk: &Array1<f64>,
    pk: &Array1<f64>,
    gfk: &Array1<f64>,
    old_fval: f64,
    old_old_fval: f64,
    c1: f64,
    c2: f64,
) -> Option<LineSearch> {
    let derphi0 = gfk.dot(pk);
    let mut alpha1 =
        if derphi0 != 0.0 { 1f64.min(1.01 * 2.0 * (old_fval - old_old_fval) / derphi0) } else { 1.0 };
    if alpha1 < 0.0 || alpha1.is_nan() {
        alpha1 = 1.0;
    }
    let mut gval = gfk.clone();
    let mut phi = |s: f64| {
        let x = xk + &(pk * s);
        let f = problem.fun(&x);
        gval = problem.grad(&x);
        (f, gval.dot(pk))
    };
    let (alpha, fval) =
        dcsrch(&mut phi, alpha1, old_fval, derphi0, c1, c2, 1e-14, 1e-100, 1e100, 100, false)?;
    Some(LineSearch { alpha, fval, gval })
}

/// The objective and gradient the Wolfe zoom search evaluates: a counting [`Problem`] inside
/// the minimizers, the user's two closures (counted as SciPy's `fc`/`gc`) in [`line_search`].
pub(crate) trait Objective {
    fn f(&mut self, x: &Array1<f64>) -> f64;
    fn g(&mut self, x: &Array1<f64>) -> Array1<f64>;
}

impl Objective for Problem<'_> {
    fn f(&mut self, x: &Array1<f64>) -> f64 {
        self.fun(x)
    }

    fn g(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.grad(x)
    }
}

/// SciPy's `extra_condition(alpha, x, phi, gval)`.
pub(crate) type ExtraCondition<'e> = &'e mut dyn FnMut(f64, &Array1<f64>, f64, &Array1<f64>) -> bool;

/// phi and its derivative along `xk + alpha pk`, remembering the last gradient.
struct Line<'p> {
    obj: &'p mut dyn Objective,
    xk: &'p Array1<f64>,
    pk: &'p Array1<f64>,
    gval: Option<Array1<f64>>,
    gval_alpha: f64,
}

impl Line<'_> {
    fn phi(&mut self, alpha: f64) -> f64 {
        let x = self.xk + &(self.pk * alpha);
        self.obj.f(&x)
    }

    fn derphi(&mut self, alpha: f64) -> f64 {
        let x = self.xk + &(self.pk * alpha);
        let g = self.obj.g(&x);
        let d = g.dot(self.pk);
        self.gval = Some(g);
        self.gval_alpha = alpha;
        d
    }

    fn extra(&mut self, alpha: f64, phi: f64, extra: &mut Option<ExtraCondition<'_>>) -> bool {
        let Some(cond) = extra.as_mut() else { return true };
        if self.gval_alpha != alpha || self.gval.is_none() {
            self.derphi(alpha);
        }
        let x = self.xk + &(self.pk * alpha);
        cond(alpha, &x, phi, self.gval.as_ref().expect("just computed"))
    }
}

fn cubicmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64, c: f64, fc: f64) -> Option<f64> {
    let cc = fpa;
    let db = b - a;
    let dc = c - a;
    let denom = (db * dc).powi(2) * (db - dc);
    let (r0, r1) = (fb - fa - cc * db, fc - fa - cc * dc);
    let aa = (dc * dc * r0 - db * db * r1) / denom;
    let bb = (-dc.powi(3) * r0 + db.powi(3) * r1) / denom;
    let radical = bb * bb - 3.0 * aa * cc;
    let xmin = a + (-bb + radical.sqrt()) / (3.0 * aa);
    // NumPy raises (and SciPy returns None) on division by zero, overflow or invalid values.
    (denom != 0.0 && aa != 0.0 && radical >= 0.0 && xmin.is_finite()).then_some(xmin)
}

fn quadmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64) -> Option<f64> {
    let db = b - a;
    let bb = (fb - fa - fpa * db) / (db * db);
    let xmin = a - fpa / (2.0 * bb);
    (db != 0.0 && bb != 0.0 && xmin.is_finite()).then_some(xmin)
}

#[allow(clippy::too_many_arguments)]
fn zoom(
    line: &mut Line<'_>,
    mut a_lo: f64,
    mut a_hi: f64,
    mut phi_lo: f64,
    mut phi_hi: f64,
    mut derphi_lo: f64,
    phi0: f64,
    derphi0: f64,
    c1: f64,
    c2: f64,
    extra: &mut Option<ExtraCondition<'_>>,
) -> Option<(f64, f64, f64)> {
    let (delta1, delta2) = (0.2, 0.1);
    let mut phi_rec = phi0;
    let mut a_rec = 0.0;
    let mut i = 0;
    loop {
        let dalpha = a_hi - a_lo;
        let (a, b) = if dalpha < 0.0 { (a_hi, a_lo) } else { (a_lo, a_hi) };
        let mut a_j = None;
        if i > 0 {
            let cchk = delta1 * dalpha;
            a_j = cubicmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi, a_rec, phi_rec)
                .filter(|&v| !(v > b - cchk || v < a + cchk));
        }
        let a_j = match a_j {
            Some(v) => v,
            None => {
                let qchk = delta2 * dalpha;
                match quadmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi) {
                    Some(v) if !(v > b - qchk || v < a + qchk) => v,
                    _ => a_lo + 0.5 * dalpha,
                }
            }
        };
        let phi_aj = line.phi(a_j);
        if phi_aj > phi0 + c1 * a_j * derphi0 || phi_aj >= phi_lo {
            phi_rec = phi_hi;
            a_rec = a_hi;
            a_hi = a_j;
            phi_hi = phi_aj;
        } else {
            let derphi_aj = line.derphi(a_j);
            if derphi_aj.abs() <= -c2 * derphi0 && line.extra(a_j, phi_aj, extra) {
                return Some((a_j, phi_aj, derphi_aj));
            }
            if derphi_aj * (a_hi - a_lo) >= 0.0 {
                phi_rec = phi_hi;
                a_rec = a_hi;
                a_hi = a_lo;
                phi_hi = phi_lo;
            } else {
                phi_rec = phi_lo;
                a_rec = a_lo;
            }
            a_lo = a_j;
            phi_lo = phi_aj;
            derphi_lo = derphi_aj;
        }
        i += 1;
        if i > 10 {
            return None;
        }
    }
}

/// What SciPy's `line_search_wolfe2` returns: `alpha_star` (`None` when the search fails),
/// `phi_star`, the returned `old_fval` and the gradient at the last derivative evaluation
/// (`None` when SciPy's `derphi_star` is).
pub(crate) struct Wolfe2 {
    pub alpha: Option<f64>,
    pub phi: Option<f64>,
    pub old_fval: Option<f64>,
    pub gval: Option<Array1<f64>>,
}

/// SciPy's `line_search_wolfe2` / `scalar_search_wolfe2` with `phi0 = old_fval` and
/// `derphi0 = gfk . pk` given.
#[allow(clippy::too_many_arguments)]
pub(crate) fn wolfe2(
    obj: &mut dyn Objective,
    xk: &Array1<f64>,
    pk: &Array1<f64>,
    gfk: &Array1<f64>,
    old_fval: f64,
    old_old_fval: Option<f64>,
    c1: f64,
    c2: f64,
    amax: Option<f64>,
    mut extra: Option<ExtraCondition<'_>>,
    maxiter: usize,
) -> Wolfe2 {
    let mut line = Line { obj, xk, pk, gval: None, gval_alpha: f64::NAN };
    let phi0 = old_fval;
    let derphi0 = gfk.dot(pk);
    let mut alpha0 = 0.0;
    let mut alpha1 = match old_old_fval {
        Some(old) if derphi0 != 0.0 => 1f64.min(1.01 * 2.0 * (phi0 - old) / derphi0),
        _ => 1.0,
    };
    if alpha1 < 0.0 {
        alpha1 = 1.0;
    }
    if let Some(amax) = amax {
        alpha1 = alpha1.min(amax);
    }
    let mut phi_a1 = line.phi(alpha1);
    let mut phi_a0 = phi0;
    let mut derphi_a0 = derphi0;
    let zoomed = |line: Line<'_>, z: Option<(f64, f64, f64)>| match z {
        Some((a, f, _)) => Wolfe2 { alpha: Some(a), phi: Some(f), old_fval: Some(phi0), gval: line.gval },
        None => Wolfe2 { alpha: None, phi: None, old_fval: Some(phi0), gval: None },
    };
    for i in 0..maxiter {
        if alpha1 == 0.0 || amax.is_some_and(|amax| alpha0 > amax) {
            // SciPy returns `phi_star = phi0` and `old_phi0` in the place of `phi0`.
            return Wolfe2 { alpha: None, phi: Some(phi0), old_fval: old_old_fval, gval: None };
        }
        if phi_a1 > phi0 + c1 * alpha1 * derphi0 || (phi_a1 >= phi_a0 && i > 0) {
            let z =
                zoom(&mut line, alpha0, alpha1, phi_a0, phi_a1, derphi_a0, phi0, derphi0, c1, c2, &mut extra);
            return zoomed(line, z);
        }
        let derphi_a1 = line.derphi(alpha1);
        if derphi_a1.abs() <= -c2 * derphi0 && line.extra(alpha1, phi_a1, &mut extra) {
            return Wolfe2 { alpha: Some(alpha1), phi: Some(phi_a1), old_fval: Some(phi0), gval: line.gval };
        }
        if derphi_a1 >= 0.0 {
            let z =
                zoom(&mut line, alpha1, alpha0, phi_a1, phi_a0, derphi_a1, phi0, derphi0, c1, c2, &mut extra);
            return zoomed(line, z);
        }
        let mut alpha2 = 2.0 * alpha1;
        if let Some(amax) = amax {
            alpha2 = alpha2.min(amax);
        }
        alpha0 = alpha1;
        alpha1 = alpha2;
        phi_a0 = phi_a1;
        phi_a1 = line.phi(alpha1);
        derphi_a0 = derphi_a1;
    }
    Wolfe2 { alpha: Some(alpha1), phi: Some(phi_a1), old_fval: Some(phi0), gval: None }
}

/// SciPy's `_line_search_wolfe12`: `dcsrch`, then (on failure or when `extra` rejects the step)
/// the Wolfe zoom search. The gradient is `None` when SciPy's is.
#[allow(clippy::too_many_arguments)]
pub(crate) fn line_search_wolfe12(
    problem: &mut Problem<'_>,
    xk: &Array1<f64>,
    pk: &Array1<f64>,
    gfk: &Array1<f64>,
    old_fval: f64,
    old_old_fval: f64,
    c1: f64,
    c2: f64,
    mut extra: Option<&mut dyn FnMut(f64, &Array1<f64>) -> bool>,
) -> Option<(f64, f64, Option<Array1<f64>>)> {
    if let Some(ls) = line_search_wolfe1(problem, xk, pk, gfk, old_fval, old_old_fval, c1, c2) {
        let ok = match extra.as_mut() {
            Some(cond) => cond(ls.alpha, &ls.gval),
            None => true,
        };
        if ok {
            return Some((ls.alpha, ls.fval, Some(ls.gval)));
        }
    }
    let mut cond = extra.map(|c| move |a: f64, _: &Array1<f64>, _: f64, g: &Array1<f64>| c(a, g));
    let cond = cond.as_mut().map(|c| c as ExtraCondition<'_>);
    let r = wolfe2(problem, xk, pk, gfk, old_fval, Some(old_old_fval), c1, c2, Some(1e100), cond, 10);
    Some((r.alpha?, r.phi?, r.gval))
}

/// Options of [`line_search`]: SciPy's keyword arguments of `line_search_wolfe2` (`args` are
/// captured by the closures).
pub struct LineSearchOptions<'a> {
    /// The gradient at `xk` (SciPy's `gfk`); `None` evaluates `myfprime(xk)` (not counted in
    /// `gc`, as SciPy).
    pub gfk: Option<Array1<f64>>,
    /// `f(xk)` (SciPy's `old_fval`); `None` evaluates it (counted in `fc`).
    pub old_fval: Option<f64>,
    /// `f` at the point before `xk` (SciPy's `old_old_fval`), used for the first step guess.
    pub old_old_fval: Option<f64>,
    /// Armijo constant (default `1e-4`).
    pub c1: f64,
    /// Curvature constant (default `0.9`).
    pub c2: f64,
    /// The largest step (`None`: unbounded, SciPy's default).
    pub amax: Option<f64>,
    /// SciPy's `extra_condition(alpha, x, f, g)`: a step is accepted only where it returns
    /// `true`.
    pub extra_condition: Option<&'a mut dyn FnMut(f64, &Array1<f64>, f64, &Array1<f64>) -> bool>,
    /// Iterations of the bracketing phase (default 10).
    pub maxiter: usize,
}

impl Default for LineSearchOptions<'_> {
    fn default() -> Self {
        LineSearchOptions {
            gfk: None,
            old_fval: None,
            old_old_fval: None,
            c1: 1e-4,
            c2: 0.9,
            amax: None,
            extra_condition: None,
            maxiter: 10,
        }
    }
}

impl std::fmt::Debug for LineSearchOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineSearchOptions")
            .field("gfk", &self.gfk)
            .field("old_fval", &self.old_fval)
            .field("old_old_fval", &self.old_old_fval)
            .field("c1", &self.c1)
            .field("c2", &self.c2)
            .field("amax", &self.amax)
            .field("extra_condition", &self.extra_condition.as_ref().map(|_| ".."))
            .field("maxiter", &self.maxiter)
            .finish()
    }
}

/// The six values SciPy's `line_search` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSearchResult {
    /// The step (`None` when the search failed: the zoom phase did not find a step, the step
    /// underflowed to 0, or no step up to `amax` satisfies the conditions). When `maxiter` runs
    /// out SciPy returns the last trial step here (with `new_slope = None`).
    pub alpha: Option<f64>,
    /// Function evaluations.
    pub fc: usize,
    /// Gradient evaluations.
    pub gc: usize,
    /// `f(xk + alpha pk)` (`None` where SciPy returns `None`; when the step fell to 0 or beyond
    /// `amax`, SciPy returns `f(xk)` here).
    pub new_fval: Option<f64>,
    /// `f(xk)` (SciPy returns `old_old_fval` here when the step fell to 0 or beyond `amax`).
    pub old_fval: Option<f64>,
    /// The gradient at the accepted point (SciPy documents the slope `<g, pk>` but returns the
    /// gradient vector); `None` when the search did not converge.
    pub new_slope: Option<Array1<f64>>,
}

/// The user's closures, counting calls as SciPy's `fc`/`gc` and catching gradients of the
/// wrong length (the search then sees NaN and the call returns the error).
struct Counted<'f, F, G> {
    f: &'f mut F,
    g: &'f mut G,
    fc: usize,
    gc: usize,
    bad_grad: Option<usize>,
}

impl<F, G> Objective for Counted<'_, F, G>
where
    F: FnMut(&Array1<f64>) -> f64,
    G: FnMut(&Array1<f64>) -> Array1<f64>,
{
    fn f(&mut self, x: &Array1<f64>) -> f64 {
        self.fc += 1;
        (self.f)(x)
    }

    fn g(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.gc += 1;
        let g = (self.g)(x);
        if g.len() == x.len() {
            g
        } else {
            self.bad_grad.get_or_insert(g.len());
            Array1::from_elem(x.len(), f64::NAN)
        }
    }
}

/// Finds a step `alpha` along the direction `pk` from `xk` that satisfies the strong Wolfe
/// conditions (Nocedal and Wright's Algorithm 3.5 with the zoom of Algorithm 3.6).
///
/// SciPy equivalent: `scipy.optimize.line_search` (`line_search_wolfe2`), with SciPy's trial
/// steps, interpolation and call counts; the same search BFGS and CG fall back to.
/// SciPy's `LineSearchWarning`s show as `alpha == None` or `new_slope == None`.
///
/// # Errors
///
/// [`OptimizeError::InvalidValue`](crate::OptimizeError::InvalidValue) unless
/// `0 < c1 < c2 < 1`; [`OptimizeError::WrongLength`](crate::OptimizeError::WrongLength) when
/// `pk`, `gfk` or a gradient `myfprime` returns do not have the length of `xk`.
///
/// # Examples
///
/// ```
/// use sci_optimize::{line_search, LineSearchOptions};
/// use sci_optimize::sci_array::ndarray::{array, Array1};
/// let f = |x: &Array1<f64>| x.dot(x);
/// let g = |x: &Array1<f64>| 2.0 * x;
/// let r = line_search(f, g, &array![1.8, 1.7], &array![-1.0, -1.0], LineSearchOptions::default())?;
/// assert_eq!(r.alpha, Some(1.0)); // SciPy's (1.0, 2, 1, 1.1300000000000001, 6.13, [1.6, 1.4])
/// assert_eq!((r.fc, r.gc), (2, 1));
/// assert!((r.new_fval.unwrap() - 1.13).abs() < 1e-15);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn line_search<F, G, S1, S2>(
    mut f: F,
    mut myfprime: G,
    xk: &ndarray::ArrayBase<S1, ndarray::Ix1>,
    pk: &ndarray::ArrayBase<S2, ndarray::Ix1>,
    options: LineSearchOptions<'_>,
) -> crate::Result<LineSearchResult>
where
    F: FnMut(&Array1<f64>) -> f64,
    G: FnMut(&Array1<f64>) -> Array1<f64>,
    S1: ndarray::Data<Elem = f64>,
    S2: ndarray::Data<Elem = f64>,
{
    let LineSearchOptions { gfk, old_fval, old_old_fval, c1, c2, amax, extra_condition, maxiter } = options;
    // SciPy's `_check_c1_c2` (NaN fails it too).
    if !(0.0 < c1 && c1 < c2 && c2 < 1.0) {
        return Err(crate::error::invalid("c1", "'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'."));
    }
    let n = xk.len();
    let wrong = |arg, found| crate::OptimizeError::WrongLength { arg, expected: n, found };
    if pk.len() != n {
        return Err(wrong("pk", pk.len()));
    }
    let (xk, pk) = (xk.to_owned(), pk.to_owned());
    let gfk = match gfk {
        Some(g) => g,
        None => myfprime(&xk),
    };
    if gfk.len() != n {
        return Err(wrong("gfk", gfk.len()));
    }
    let mut obj = Counted { f: &mut f, g: &mut myfprime, fc: 0, gc: 0, bad_grad: None };
    let phi0 = match old_fval {
        Some(v) => v,
        None => obj.f(&xk),
    };
    let r = wolfe2(&mut obj, &xk, &pk, &gfk, phi0, old_old_fval, c1, c2, amax, extra_condition, maxiter);
    if let Some(found) = obj.bad_grad {
        return Err(wrong("myfprime(x)", found));
    }
    Ok(LineSearchResult {
        alpha: r.alpha,
        fc: obj.fc,
        gc: obj.gc,
        new_fval: r.phi,
        old_fval: r.old_fval,
        new_slope: r.gval,
    })
}
