//! The beta function, Pochhammer's symbol and the combinatorial functions built on them.

use crate::gamma::{gamma, gammaln, gammasgn};

/// Above this Γ overflows.
const MAXGAM: f64 = 171.624_376_956_302_7;

/// Cephes' test for a pole of Γ (|x| < 1e13, so poch(-1e300, 1e300) is `inf` as SciPy's).
fn is_nonpos_int(x: f64) -> bool {
    x <= 0.0 && x == x.floor() && x.abs() < 1e13
}

/// C's `(int)x` on x86-64: the truncation when it fits an `int`, else `INT_MIN` (also for
/// NaN). Cephes compares `a == (int)a` to single out the negative integers it can handle.
fn c_int(x: f64) -> i32 {
    if x.is_nan() || x >= 2147483648.0 || x <= -2147483649.0 { i32::MIN } else { x as i32 }
}

/// Cephes' `lgam_sgn`: ln|Γ(x)| and the sign of Γ(x); ±inf and NaN are returned unchanged
/// with sign 1, the poles give `inf`.
fn lgam_sgn(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (x, 1.0);
    }
    let s = gammasgn(x);
    (gammaln(x), if s.is_nan() { 1.0 } else { s })
}

/// ln|B(a, b)| and its sign for |a| ≫ |b|: ln Γ(b) - b ln a + b(1-b)/(2a) + ... (the
/// expansion of Γ(a)/Γ(a+b) in 1/a).
fn lbeta_asymp(a: f64, b: f64) -> (f64, f64) {
    let (lg, sign) = lgam_sgn(b);
    let mut r = lg - b * a.ln();
    r += b * (1.0 - b) / (2.0 * a);
    r += b * (1.0 - b) * (1.0 - 2.0 * b) / (12.0 * a * a);
    r -= b * b * (1.0 - b) * (1.0 - b) / (12.0 * a * a * a);
    (r, sign)
}

/// Above this ln B overflows `exp`.
const MAXLOG: f64 = 709.782712893384;

/// (ln|B(a, b)|, sign of B) where B is finite and non-zero, or `Err(B)` for the special values
/// (poles, zeros, the Γ-ratio branch that is already exact). The order of the checks is
/// Cephes' `beta`/`lbeta` (SciPy's), so NaN and the infinities come out where SciPy's do:
/// a non-positive integer argument is a pole unless the other one is an integer that makes
/// B finite (also when that other one is NaN or infinite), and arguments that are not `int`s
/// (|x| ≥ 2^31, ±inf) count as poles when they are integral and non-positive.
fn beta_parts(a: f64, b: f64, want_log: bool) -> Result<(f64, f64), f64> {
    // B(a, b) with a a non-positive integer: finite only when b is an integer with 1 - a - b > 0.
    for (p, q) in [(a, b), (b, a)] {
        if p <= 0.0 && p == p.floor() {
            if p != f64::from(c_int(p)) {
                return Err(f64::INFINITY);
            }
            if q == f64::from(c_int(q)) && 1.0 - p - q > 0.0 {
                let sign = if c_int(q) % 2 == 0 { 1.0 } else { -1.0 };
                return match beta_parts(1.0 - p - q, q, want_log) {
                    Ok((l, s)) => Ok((l, s * sign)),
                    Err(v) => Err(sign * v),
                };
            }
            return Err(f64::INFINITY);
        }
    }
    let (a, b) = if a.abs() < b.abs() { (b, a) } else { (a, b) };
    if a.abs() > 1e6 * b.abs() && a > 1e6 {
        return Ok(lbeta_asymp(a, b));
    }
    let s = a + b;
    if s.abs() > MAXGAM || a.abs() > MAXGAM || b.abs() > MAXGAM {
        let (ls, ss) = lgam_sgn(s);
        let (lb, sb) = lgam_sgn(b);
        let (la, sa) = lgam_sgn(a);
        let l = la + (lb - ls);
        let sign = ss * sb * sa;
        if !want_log && l > MAXLOG {
            return Err(sign * f64::INFINITY);
        }
        return if l.is_finite() { Ok((l, sign)) } else { Err(sign * l.exp()) };
    }
    if is_nonpos_int(s) {
        // 1/Γ(a+b) = 0: B(a, b) is a (signed) zero.
        return Err(0.0 * gammasgn(a) * gammasgn(b));
    }
    // Cephes: 1/Γ(a+b) times the factor that brings it closer to 1 first (so Γ(a) = Γ(b) = inf
    // with 1/Γ(a+b) tiny gives inf, not NaN).
    let (y, ga, gb) = (crate::gamma::rgamma(s), gamma(a), gamma(b));
    if y.is_infinite() {
        return Err(f64::INFINITY);
    }
    let v =
        if ((ga * y).abs() - 1.0).abs() > ((gb * y).abs() - 1.0).abs() { gb * y * ga } else { ga * y * gb };
    if want_log { Ok((v.abs().ln(), v.signum())) } else { Err(v) }
}

/// The beta function, B(a, b) = Γ(a)Γ(b)/Γ(a+b).
///
/// Through Γ where that is finite, through ln Γ beyond, and through the expansion in 1/a when
/// |a| ≫ |b|; `inf` at the poles.
///
/// # Examples
///
/// ```
/// use sci_special::beta;
/// assert!((beta(2.0, 3.0) - 1.0 / 12.0).abs() < 1e-16);
/// assert!((beta(0.5, 0.5) - std::f64::consts::PI).abs() < 1e-15);
/// assert_eq!(beta(-1.0, 2.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.beta`.
pub fn beta(a: f64, b: f64) -> f64 {
    match beta_parts(a, b, false) {
        Ok((l, s)) => s * l.exp(),
        Err(v) => v,
    }
}

/// The natural logarithm of |B(a, b)|.
///
/// # Examples
///
/// ```
/// use sci_special::betaln;
/// assert!((betaln(2.0, 3.0) - (1.0f64 / 12.0).ln()).abs() < 1e-15);
/// assert!((betaln(1e10, 2.5) + 57.27994445456572).abs() < 1e-12);
/// ```
///
/// SciPy equivalent: `scipy.special.betaln`.
pub fn betaln(a: f64, b: f64) -> f64 {
    match beta_parts(a, b, true) {
        Ok((l, _)) => l,
        Err(v) => v.abs().ln(),
    }
}

/// Pochhammer's symbol (rising factorial), (a)ₘ = Γ(a+m)/Γ(a).
///
/// Integer parts of m are peeled off as exact products, so integer arguments give exact
/// integers while they fit.
///
/// # Examples
///
/// ```
/// use sci_special::poch;
/// assert_eq!(poch(3.0, 4.0), 360.0);
/// assert_eq!(poch(-3.0, 5.0), 0.0);
/// assert!((poch(0.5, 0.5) - 0.5641895835477564).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.poch`.
pub fn poch(a: f64, m: f64) -> f64 {
    // Cephes' order of checks, without an early NaN test: poch(nan, 0) = 1 and
    // poch(0, nan) = 0 (as SciPy).
    let mut m = m;
    let mut r = 1.0;
    while m >= 1.0 {
        if a + m == 1.0 {
            break;
        }
        m -= 1.0;
        r *= a + m;
        if !r.is_finite() || r == 0.0 {
            break;
        }
    }
    while m <= -1.0 {
        if a + m == 0.0 {
            break;
        }
        r /= a + m;
        m += 1.0;
        if !r.is_finite() || r == 0.0 {
            break;
        }
    }
    if m == 0.0 {
        return r;
    }
    if a > 1e4 && m.abs() <= 1.0 {
        // Γ(a+m)/Γ(a) = a^m (1 + m(m-1)/(2a) + ...)
        let t = m * (m - 1.0) / (2.0 * a)
            + m * (m - 1.0) * (m - 2.0) * (3.0 * m - 1.0) / (24.0 * a * a)
            + m * m * (m - 1.0) * (m - 1.0) * (m - 2.0) * (m - 3.0) / (48.0 * a * a * a);
        return r * a.powf(m) * (1.0 + t);
    }
    if is_nonpos_int(a + m) && !is_nonpos_int(a) && a + m != m {
        return f64::INFINITY;
    }
    if !is_nonpos_int(a + m) && is_nonpos_int(a) {
        return 0.0;
    }
    r * (gammaln(a + m) - gammaln(a)).exp() * gammasgn(a + m) * gammasgn(a)
}

/// The binomial coefficient as a function of two real variables, C(n, k) = 1/((n+1) B(n-k+1, k+1)).
///
/// Integer k below 20 uses the exact product formula; NaN for negative integer n.
///
/// # Examples
///
/// ```
/// use sci_special::binom;
/// assert_eq!(binom(10.0, 3.0), 120.0);
/// assert_eq!(binom(-1.5, 2.0), 1.875);
/// assert!((binom(4.5, 2.5) - 7.875).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.binom`.
pub fn binom(n: f64, k: f64) -> f64 {
    if n.is_nan() || k.is_nan() {
        return f64::NAN;
    }
    if n < 0.0 && n == n.floor() {
        return f64::NAN;
    }
    let mut kx = k.floor();
    if k == kx && (n.abs() > 1e-8 || n == 0.0) {
        let nx = n.floor();
        if nx == n && kx > nx / 2.0 && nx > 0.0 {
            kx = nx - kx;
        }
        if (0.0..20.0).contains(&kx) {
            let (mut num, mut den) = (1.0, 1.0);
            for i in 1..=(kx as i64) {
                num *= i as f64 + n - kx;
                den *= i as f64;
                if num.abs() > 1e50 {
                    num /= den;
                    den = 1.0;
                }
            }
            return num / den;
        }
    }
    if n >= 1e10 * k && k > 0.0 {
        return (-betaln(1.0 + n - k, 1.0 + k) - (n + 1.0).ln()).exp();
    }
    if k > 1e8 * n.abs() {
        let g = gamma(1.0 + n);
        let num = (g / k.abs() + g * n / (2.0 * k * k)) / (std::f64::consts::PI * k.abs().powf(n));
        let kf = k.floor();
        return if k > 0.0 {
            // As SciPy: the reduction k - floor(k) is used only while floor(k) fits an i32.
            let (dk, sgn) = if kf.abs() < 2147483648.0 {
                (k - kf, if kf % 2.0 == 0.0 { 1.0 } else { -1.0 })
            } else {
                (k, 1.0)
            };
            num * ((dk - n) * std::f64::consts::PI).sin() * sgn
        } else if kf.abs() < 2147483648.0 && kf == k {
            0.0
        } else {
            num * (k * std::f64::consts::PI).sin()
        };
    }
    1.0 / (n + 1.0) / beta(1.0 + n - k, 1.0 + k)
}

/// The number of combinations of N things taken k at a time (floating point), 0 unless
/// 0 ≤ k ≤ N (so also for NaN arguments, like SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::comb;
/// assert_eq!(comb(10.0, 3.0), 120.0);
/// assert_eq!(comb(3.0, 5.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.comb(N, k, exact=False)`.
pub fn comb(n: f64, k: f64) -> f64 {
    if k <= n && n >= 0.0 && k >= 0.0 { binom(n, k) } else { 0.0 }
}

/// The number of k-permutations of N things (floating point), N!/(N-k)!, 0 unless 0 ≤ k ≤ N.
///
/// # Examples
///
/// ```
/// use sci_special::perm;
/// assert_eq!(perm(10.0, 3.0), 720.0);
/// assert_eq!(perm(3.0, 4.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.perm(N, k, exact=False)`.
pub fn perm(n: f64, k: f64) -> f64 {
    if k <= n && n >= 0.0 && k >= 0.0 { poch(n - k + 1.0, k) } else { 0.0 }
}

/// The factorial n! = Γ(n+1) in floating point; 0 for n < 0.
///
/// # Examples
///
/// ```
/// use sci_special::factorial;
/// assert_eq!(factorial(5.0), 120.0);
/// assert_eq!(factorial(-1.0), 0.0);
/// assert_eq!(factorial(171.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.factorial(n, exact=False)`.
pub fn factorial(n: f64) -> f64 {
    if n < 0.0 { 0.0 } else { gamma(n + 1.0) }
}
