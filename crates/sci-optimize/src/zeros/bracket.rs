//! Bracketing scalar root finders: Brent (inverse quadratic / hyperbolic extrapolation),
//! bisection and Ridders' method, following the loops of SciPy's `Zeros/*.c` step for step so
//! that iteration and call counts agree with SciPy's.

use super::{RootFlag, RootResults, RootScalarMethod};

/// Which extrapolation Brent's method uses.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum BrentKind {
    Quadratic,
    Hyperbolic,
}

fn done(root: f64, iterations: usize, calls: usize, flag: RootFlag, method: RootScalarMethod) -> RootResults {
    RootResults {
        root,
        iterations,
        function_calls: calls,
        converged: flag == RootFlag::Converged,
        flag,
        method,
    }
}

/// Brent's method on `[xa, xb]`; the caller has checked the sign change of `fa`, `fb`.
pub(crate) fn brent(
    f: &mut dyn FnMut(f64) -> f64,
    xa: f64,
    xb: f64,
    fa: f64,
    fb: f64,
    xtol: f64,
    rtol: f64,
    maxiter: usize,
    kind: BrentKind,
) -> RootResults {
    let method =
        if kind == BrentKind::Quadratic { RootScalarMethod::Brentq } else { RootScalarMethod::Brenth };
    let (mut xpre, mut xcur, mut fpre, mut fcur) = (xa, xb, fa, fb);
    let (mut xblk, mut fblk, mut spre, mut scur) = (0.0, 0.0, 0.0, 0.0);
    let mut calls = 2;
    if fpre == 0.0 {
        return done(xpre, 0, calls, RootFlag::Converged, method);
    }
    if fcur == 0.0 {
        return done(xcur, 0, calls, RootFlag::Converged, method);
    }
    let mut iterations = 0;
    for _ in 0..maxiter {
        iterations += 1;
        if fpre * fcur < 0.0 {
            xblk = xpre;
            fblk = fpre;
            spre = xcur - xpre;
            scur = spre;
        }
        if fblk.abs() < fcur.abs() {
            xpre = xcur;
            xcur = xblk;
            xblk = xpre;
            fpre = fcur;
            fcur = fblk;
            fblk = fpre;
        }
        let delta = (xtol + rtol * xcur.abs()) / 2.0;
        let sbis = (xblk - xcur) / 2.0;
        if fcur == 0.0 || sbis.abs() < delta {
            return done(xcur, iterations, calls, RootFlag::Converged, method);
        }
        if spre.abs() > delta && fcur.abs() < fpre.abs() {
            let stry = if xpre == xblk {
                // secant (linear interpolation)
                -fcur * (xcur - xpre) / (fcur - fpre)
            } else {
                let dpre = (fpre - fcur) / (xpre - xcur);
                let dblk = (fblk - fcur) / (xblk - xcur);
                match kind {
                    BrentKind::Quadratic => {
                        -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
                    }
                    BrentKind::Hyperbolic => -fcur * (fblk - fpre) / (fblk * dpre - fpre * dblk),
                }
            };
            if 2.0 * stry.abs() < spre.abs().min(3.0 * sbis.abs() - delta) {
                spre = scur;
                scur = stry;
            } else {
                spre = sbis;
                scur = sbis;
            }
        } else {
            spre = sbis;
            scur = sbis;
        }
        xpre = xcur;
        fpre = fcur;
        if scur.abs() > delta {
            xcur += scur;
        } else {
            xcur += if sbis > 0.0 { delta } else { -delta };
        }
        fcur = f(xcur);
        calls += 1;
    }
    done(xcur, iterations, calls, RootFlag::ConvergenceError, method)
}

/// Bisection on `[xa, xb]`.
pub(crate) fn bisect(
    f: &mut dyn FnMut(f64) -> f64,
    mut xa: f64,
    xb: f64,
    fa: f64,
    fb: f64,
    xtol: f64,
    rtol: f64,
    maxiter: usize,
) -> RootResults {
    let method = RootScalarMethod::Bisect;
    let mut calls = 2;
    if fa == 0.0 {
        return done(xa, 0, calls, RootFlag::Converged, method);
    }
    if fb == 0.0 {
        return done(xb, 0, calls, RootFlag::Converged, method);
    }
    let mut dm = xb - xa;
    let mut iterations = 0;
    for _ in 0..maxiter {
        iterations += 1;
        dm *= 0.5;
        let xm = xa + dm;
        let fm = f(xm);
        calls += 1;
        if fm.is_sign_negative() == fa.is_sign_negative() {
            xa = xm;
        }
        if fm == 0.0 || dm.abs() < xtol + rtol * xm.abs() {
            return done(xm, iterations, calls, RootFlag::Converged, method);
        }
    }
    done(xa, iterations, calls, RootFlag::ConvergenceError, method)
}

/// Ridders' method on `[xa, xb]`.
pub(crate) fn ridder(
    f: &mut dyn FnMut(f64) -> f64,
    mut xa: f64,
    mut xb: f64,
    mut fa: f64,
    mut fb: f64,
    xtol: f64,
    rtol: f64,
    maxiter: usize,
) -> RootResults {
    let method = RootScalarMethod::Ridder;
    let sign = |v: f64| if v > 0.0 { 1.0 } else { -1.0 };
    let mut tol = xtol + rtol * xa.abs().min(xb.abs());
    let mut calls = 2;
    if fa == 0.0 {
        return done(xa, 0, calls, RootFlag::Converged, method);
    }
    if fb == 0.0 {
        return done(xb, 0, calls, RootFlag::Converged, method);
    }
    let mut xn = 0.0;
    let mut iterations = 0;
    for _ in 0..maxiter {
        iterations += 1;
        let dm = 0.5 * (xb - xa);
        let xm = xa + dm;
        let fm = f(xm);
        let dn = sign(fb - fa) * dm * fm / (fm * fm - fa * fb).sqrt();
        xn = xm - sign(dn) * dn.abs().min(dm.abs() - 0.5 * tol);
        let fnv = f(xn);
        calls += 2;
        if fnv.is_sign_negative() != fm.is_sign_negative() {
            xa = xn;
            fa = fnv;
            xb = xm;
            fb = fm;
        } else if fnv.is_sign_negative() != fa.is_sign_negative() {
            xb = xn;
            fb = fnv;
        } else {
            xa = xn;
            fa = fnv;
        }
        tol = xtol + rtol * xn;
        if fnv == 0.0 || (xb - xa).abs() < tol {
            return done(xn, iterations, calls, RootFlag::Converged, method);
        }
    }
    done(xn, iterations, calls, RootFlag::ConvergenceError, method)
}
