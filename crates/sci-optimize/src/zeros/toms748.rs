//! Alefeld, Potra and Shi's Algorithm 748, step for step as SciPy's `TOMS748Solver`
//! (`scipy/optimize/_zeros_py.py`), so that roots, iterations and calls agree with SciPy's.

use super::{RootFlag, RootResults, RootScalarMethod};
use crate::error::{Result, invalid};

/// `np.sign(a) * np.sign(b) > 0`.
fn same_sign(a: f64, b: f64) -> bool {
    (a > 0.0 && b > 0.0) || (a < 0.0 && b < 0.0)
}

/// `_notclose(fs, rtol=0, atol)`: all given, non-zero, finite and pairwise further than `atol`.
fn notclose(fs: &[Option<f64>], atol: f64) -> bool {
    let mut v = [0.0; 4];
    for (i, f) in fs.iter().enumerate() {
        match f {
            Some(x) if *x != 0.0 && x.is_finite() => v[i] = *x,
            _ => return false,
        }
    }
    let v = &v[..fs.len()];
    for i in 0..v.len() {
        for j in i + 1..v.len() {
            if (v[i] - v[j]).abs() <= atol {
                return false;
            }
        }
    }
    true
}

/// `_secant`: a secant step through two points, taking a little care.
fn secant(x0: f64, x1: f64, f0: f64, f1: f64) -> f64 {
    if f0 == f1 {
        return f64::NAN;
    }
    if f1.abs() > f0.abs() {
        (-f0 / f1 * x1 + x0) / (1.0 - f0 / f1)
    } else {
        (-f1 / f0 * x0 + x1) / (1.0 - f1 / f0)
    }
}

/// `_interpolated_poly`: Neville's algorithm for the interpolant through `(xs, fs)` at `x`.
fn interpolated_poly(xs: &[f64; 4], fs: &[f64; 4], x: f64) -> f64 {
    const N: usize = 4;
    let mut q = [[0.0; N]; N];
    let mut d = [[0.0; N]; N];
    for i in 0..N {
        q[i][0] = fs[i];
        d[i][0] = fs[i];
    }
    for k in 1..N {
        for j in 0..N - k {
            let alpha = d[k + j][k - 1] - q[k - 1 + j][k - 1];
            let diffik = xs[j] - xs[k + j];
            q[k + j][k] = (xs[k + j] - x) / diffik * alpha;
            d[k + j][k] = (xs[j] - x) / diffik * alpha;
        }
    }
    // np.sum(Q[-1, 1:]) adds pairwise left to right for three terms.
    (q[N - 1][1] + q[N - 1][2]) + q[N - 1][3] + q[N - 1][0]
}

/// `_newton_quadratic`: `k` Newton steps on the quadratic through `a`, `b`, `d`.
fn newton_quadratic(ab: [f64; 2], fab: [f64; 2], d: f64, fd: f64, k: usize) -> f64 {
    let [a, b] = ab;
    let [fa, fb] = fab;
    let r1 = [(fb - fa) / (b - a), (fd - fb) / (d - b)];
    let big_b = r1[0];
    let big_a = (r1[1] - r1[0]) / (d - a);
    let p = |x: f64| (big_a * (x - b) + big_b) * (x - a) + fa;
    if big_a == 0.0 {
        return a - fa / big_b;
    }
    let mut r = if same_sign(big_a, fa) { a } else { b };
    for _ in 0..k {
        let r1 = r - p(r) / (big_b + big_a * (2.0 * r - a - b));
        if !(ab[0] < r1 && r1 < ab[1]) {
            if ab[0] < r && r < ab[1] {
                return r;
            }
            r = (ab[0] + ab[1]) / 2.0;
            break;
        }
        r = r1;
    }
    r
}

/// `frexp(x).1`: the binary exponent with `x = m 2^e`, `0.5 <= |m| < 1` (0 for 0).
fn frexp_exp(x: f64) -> i32 {
    if x == 0.0 || !x.is_finite() {
        return 0;
    }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // subnormal: scale up first
        return frexp_exp(x * 2f64.powi(64)) - 64;
    }
    e - 1022
}

struct Solver<'f> {
    f: &'f mut dyn FnMut(f64) -> f64,
    calls: usize,
    iterations: usize,
    ab: [f64; 2],
    fab: [f64; 2],
    xtol: f64,
    rtol: f64,
}

/// The solver stopped: the root estimate and whether it converged.
enum Stop {
    Done(f64, RootFlag),
    Nan(f64, usize),
}

impl Solver<'_> {
    fn call(&mut self, x: f64) -> std::result::Result<f64, Stop> {
        let v = (self.f)(x);
        self.calls += 1;
        if v.is_nan() {
            return Err(Stop::Nan(x, self.calls));
        }
        Ok(v)
    }

    /// `_update_bracket`: replace the end with the same sign as `fc`, return the old end.
    fn update(&mut self, c: f64, fc: f64) -> (f64, f64) {
        let idx = if same_sign(self.fab[0], fc) { 0 } else { 1 };
        let old = (self.ab[idx], self.fab[idx]);
        self.ab[idx] = c;
        self.fab[idx] = fc;
        old
    }

    fn mid(&self) -> f64 {
        (self.ab[0] + self.ab[1]) / 2.0
    }
}

fn infinite(x: f64, v: f64) -> crate::error::OptimizeError {
    invalid("f", format!("Invalid function value: f({x:.6}) -> {v}"))
}

/// Runs TOMS 748 on `[a, b]` (the caller has validated the arguments).
pub(crate) fn toms748(
    f: &mut dyn FnMut(f64) -> f64,
    a: f64,
    b: f64,
    k: usize,
    xtol: f64,
    rtol: f64,
    maxiter: usize,
) -> Result<RootResults> {
    let k = k.clamp(1, 100);
    let mut s = Solver { f, calls: 0, iterations: 0, ab: [a, b], fab: [f64::NAN; 2], xtol, rtol };
    let out = run(&mut s, k, maxiter)?;
    let (root, iterations, calls, flag) = match out {
        Stop::Done(x, flag) => (x, s.iterations, s.calls, flag),
        // SciPy reports iterations=nan here; 0 stands in for it.
        Stop::Nan(x, calls) => (x, 0, calls, RootFlag::NanValue),
    };
    Ok(RootResults {
        root,
        iterations,
        function_calls: calls,
        converged: flag == RootFlag::Converged,
        flag,
        method: RootScalarMethod::Toms748,
    })
}

fn run(s: &mut Solver<'_>, k: usize, maxiter: usize) -> Result<Stop> {
    macro_rules! call {
        ($x:expr) => {{
            let x = $x;
            match s.call(x) {
                Ok(v) if v.is_infinite() => return Err(infinite(x, v)),
                Ok(v) => v,
                Err(stop) => return Ok(stop),
            }
        }};
    }
    let converged = |x| Ok(Stop::Done(x, RootFlag::Converged));
    let [a, b] = s.ab;
    let fa = call!(a);
    if fa == 0.0 {
        return converged(a);
    }
    let fb = call!(b);
    if fb == 0.0 {
        return converged(b);
    }
    if same_sign(fa, fb) {
        return Err(crate::error::OptimizeError::BracketSign { fa, fb });
    }
    s.fab = [fa, fb];
    // The first step only has two x-values.
    let mut c = secant(s.ab[0], s.ab[1], s.fab[0], s.fab[1]);
    if !(s.ab[0] < c && c < s.ab[1]) {
        c = s.mid();
    }
    let fc = call!(c);
    if fc == 0.0 {
        return converged(c);
    }
    let (mut d, mut fd) = s.update(c, fc);
    let (mut e, mut fe): (Option<f64>, Option<f64>) = (None, None);
    s.iterations += 1;
    let eps = f64::EPSILON;
    loop {
        // iterate()
        s.iterations += 1;
        let ab_width = s.ab[1] - s.ab[0];
        let mut c: Option<f64> = None;
        for nsteps in 2..k + 2 {
            if notclose(&[Some(s.fab[0]), Some(s.fab[1]), Some(fd), fe], 32.0 * eps) {
                let (ev, fev) = (e.unwrap_or(f64::NAN), fe.unwrap_or(f64::NAN));
                let c0 = interpolated_poly(&[s.fab[0], s.fab[1], fd, fev], &[s.ab[0], s.ab[1], d, ev], 0.0);
                if s.ab[0] < c0 && c0 < s.ab[1] {
                    c = Some(c0);
                }
            }
            let cc = match c {
                Some(v) => v,
                None => {
                    let v = newton_quadratic(s.ab, s.fab, d, fd, nsteps);
                    c = Some(v);
                    v
                }
            };
            let fc = call!(cc);
            if fc == 0.0 {
                return converged(cc);
            }
            e = Some(d);
            fe = Some(fd);
            (d, fd) = s.update(cc, fc);
        }
        // u is the endpoint with the smallest f-value
        let uix = if s.fab[0].abs() < s.fab[1].abs() { 0 } else { 1 };
        let (u, fu) = (s.ab[uix], s.fab[uix]);
        let big_a = (s.fab[1] - s.fab[0]) / (s.ab[1] - s.ab[0]);
        let mut c = u - 2.0 * fu / big_a;
        if (c - u).abs() > 0.5 * (s.ab[1] - s.ab[0]) {
            c = s.mid();
        } else if (c - u).abs() <= eps * u.abs() {
            // c didn't change (much)
            if frexp_exp(s.fab[uix]) < frexp_exp(s.fab[1 - uix]) - 50 {
                c = (31.0 * s.ab[uix] + s.ab[1 - uix]) / 32.0;
            } else {
                let mm = if uix == 0 { 1.0 } else { -1.0 };
                let adj = mm * c.abs() * s.rtol + mm * s.xtol;
                c = u + adj;
            }
            if !(s.ab[0] < c && c < s.ab[1]) {
                c = s.mid();
            }
        }
        let fc = call!(c);
        if fc == 0.0 {
            return converged(c);
        }
        e = Some(d);
        fe = Some(fd);
        (d, fd) = s.update(c, fc);
        // If the width of the new interval did not decrease enough, bisect
        if s.ab[1] - s.ab[0] > 0.5 * ab_width {
            e = Some(d);
            fe = Some(fd);
            let z = s.mid();
            let fz = call!(z);
            if fz == 0.0 {
                return converged(z);
            }
            (d, fd) = s.update(z, fz);
        }
        // get_status()
        let [a, b] = s.ab;
        if (a - b).abs() <= s.xtol + s.rtol * b.abs() {
            return converged(s.mid());
        }
        if s.iterations >= maxiter {
            return Ok(Stop::Done(s.mid(), RootFlag::ConvergenceError));
        }
    }
}
