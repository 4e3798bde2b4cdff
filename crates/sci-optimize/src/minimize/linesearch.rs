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

/// phi and its derivative along `xk + alpha pk`, remembering the last gradient.
struct Line<'p, 'a> {
    problem: &'p mut Problem<'a>,
    xk: &'p Array1<f64>,
    pk: &'p Array1<f64>,
    gval: Option<Array1<f64>>,
    gval_alpha: f64,
}

impl Line<'_, '_> {
    fn phi(&mut self, alpha: f64) -> f64 {
        let x = self.xk + &(self.pk * alpha);
        self.problem.fun(&x)
    }

    fn derphi(&mut self, alpha: f64) -> f64 {
        let x = self.xk + &(self.pk * alpha);
        let g = self.problem.grad(&x);
        let d = g.dot(self.pk);
        self.gval = Some(g);
        self.gval_alpha = alpha;
        d
    }

    fn extra(&mut self, alpha: f64, extra: &mut Option<&mut dyn FnMut(f64, &Array1<f64>) -> bool>) -> bool {
        let Some(cond) = extra.as_mut() else { return true };
        if self.gval_alpha != alpha || self.gval.is_none() {
            self.derphi(alpha);
        }
        cond(alpha, self.gval.as_ref().expect("just computed"))
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
    line: &mut Line<'_, '_>,
    mut a_lo: f64,
    mut a_hi: f64,
    mut phi_lo: f64,
    mut phi_hi: f64,
    mut derphi_lo: f64,
    phi0: f64,
    derphi0: f64,
    c1: f64,
    c2: f64,
    extra: &mut Option<&mut dyn FnMut(f64, &Array1<f64>) -> bool>,
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
            if derphi_aj.abs() <= -c2 * derphi0 && line.extra(a_j, extra) {
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

/// SciPy's `line_search_wolfe2` (`amax=1e100`, `maxiter=10`). The returned gradient is `None`
/// when SciPy's is (the caller then evaluates it at the new point).
#[allow(clippy::too_many_arguments)]
fn line_search_wolfe2(
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
    let amax = 1e100;
    let mut line = Line { problem, xk, pk, gval: None, gval_alpha: f64::NAN };
    let phi0 = old_fval;
    let derphi0 = gfk.dot(pk);
    let mut alpha0 = 0.0;
    let mut alpha1 =
        if derphi0 != 0.0 { 1f64.min(1.01 * 2.0 * (phi0 - old_old_fval) / derphi0) } else { 1.0 };
    if alpha1 < 0.0 {
        alpha1 = 1.0;
    }
    alpha1 = alpha1.min(amax);
    let mut phi_a1 = line.phi(alpha1);
    let mut phi_a0 = phi0;
    let mut derphi_a0 = derphi0;
    for i in 0..10 {
        if alpha1 == 0.0 || alpha0 > amax {
            return None;
        }
        if phi_a1 > phi0 + c1 * alpha1 * derphi0 || (phi_a1 >= phi_a0 && i > 0) {
            let (a, f, _) = zoom(
                &mut line, alpha0, alpha1, phi_a0, phi_a1, derphi_a0, phi0, derphi0, c1, c2, &mut extra,
            )?;
            return Some((a, f, line.gval));
        }
        let derphi_a1 = line.derphi(alpha1);
        if derphi_a1.abs() <= -c2 * derphi0 && line.extra(alpha1, &mut extra) {
            return Some((alpha1, phi_a1, line.gval));
        }
        if derphi_a1 >= 0.0 {
            let (a, f, _) = zoom(
                &mut line, alpha1, alpha0, phi_a1, phi_a0, derphi_a1, phi0, derphi0, c1, c2, &mut extra,
            )?;
            return Some((a, f, line.gval));
        }
        let alpha2 = (2.0 * alpha1).min(amax);
        alpha0 = alpha1;
        alpha1 = alpha2;
        phi_a0 = phi_a1;
        phi_a1 = line.phi(alpha1);
        derphi_a0 = derphi_a1;
    }
    Some((alpha1, phi_a1, None))
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
    line_search_wolfe2(problem, xk, pk, gfk, old_fval, old_old_fval, c1, c2, extra)
}
