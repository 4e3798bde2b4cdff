//! The Riemann and Hurwitz zeta functions.
//!
//! ζ(s, q) = Σ_{k≥0} (q+k)^{-s} is evaluated by Euler–Maclaurin summation: the first N terms
//! directly (q + N ≥ 10), the tail by its integral, half its first term and 13 Bernoulli
//! corrections. Negative arguments of the Riemann zeta function go through the functional
//! equation ζ(x) = 2^x π^{x-1} sin(πx/2) Γ(1-x) ζ(1-x).

use crate::gamma::{gamma, gammaln, sinpi};
use std::f64::consts::PI;

/// B_{2j}/(2j)!, j = 1..13 (from the exact Bernoulli numbers).
const BERNOULLI_OVER_FACTORIAL: [f64; 13] = [
    0.083_333_333_333_333_33,
    -0.001_388_888_888_888_889,
    3.306_878_306_878_307e-5,
    -8.267_195_767_195_768e-7,
    2.087_675_698_786_81e-8,
    -5.284_190_138_687_493e-10,
    1.338_253_653_068_467_9e-11,
    -3.389_680_296_322_582_7e-13,
    8.586_062_056_277_845e-15,
    -2.174_868_698_558_062e-16,
    5.509_002_828_360_229_5e-18,
    -1.395_446_468_581_252_2e-19,
    3.534_707_039_629_467e-21,
];

/// Euler–Maclaurin for ζ(s, q), s ≠ 1; q > 0, or q < 0 with integer s.
fn euler_maclaurin(s: f64, q: f64) -> f64 {
    let n = (10.0 - q).ceil().max(10.0);
    let mut sum = 0.0;
    let mut k = 0.0;
    while k < n {
        sum += (q + k).powf(-s);
        k += 1.0;
    }
    let a = q + n;
    let a_s = a.powf(-s);
    sum += a * a_s / (s - 1.0) + 0.5 * a_s;
    // T_j = B_{2j}/(2j)! · s(s+1)...(s+2j-2) · a^{-s-2j+1}
    let mut fac = s * a_s / a;
    for (j, &b) in BERNOULLI_OVER_FACTORIAL.iter().enumerate() {
        if j > 0 {
            let m = 2.0 * j as f64;
            fac *= (s + m - 1.0) * (s + m) / (a * a);
        }
        let t = b * fac;
        sum += t;
        if t.abs() < 1e-17 * sum.abs() {
            break;
        }
    }
    sum
}

/// The Hurwitz zeta function ζ(x, q) = Σ_{k≥0} (q+k)^{-x}.
///
/// Defined for x > 1 (`inf` at x = 1, NaN below); `inf` at the non-positive integers q, NaN for
/// other negative q unless x is an integer. At x = inf, as SciPy: 1 for q = 1, `inf` for
/// q < 1, NaN for 1 < q ≤ 1e8 and 0 above.
///
/// # Examples
///
/// ```
/// use sci_special::zeta_q;
/// assert!((zeta_q(2.0, 1.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-15);
/// assert!((zeta_q(3.0, 2.0) - 0.2020569031595942).abs() < 1e-15);
/// assert_eq!(zeta_q(2.0, -1.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.zeta(x, q)`.
pub fn zeta_q(x: f64, q: f64) -> f64 {
    // SciPy's order of checks (so zeta(1, nan) = zeta(nan, 0) = inf, zeta(0.5, 0) = nan).
    if x == 1.0 {
        return f64::INFINITY;
    }
    if x < 1.0 {
        return f64::NAN;
    }
    if q <= 0.0 && q == q.floor() {
        return f64::INFINITY;
    }
    if x.is_nan() || q.is_nan() {
        return f64::NAN;
    }
    if q < 0.0 && x != x.floor() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return if q == 1.0 {
            1.0
        } else if q < 1.0 {
            f64::INFINITY
        } else if q > 1e8 {
            0.0
        } else {
            f64::NAN
        };
    }
    if q == f64::INFINITY {
        return 0.0;
    }
    euler_maclaurin(x, q)
}

/// The Riemann zeta function ζ(x) = Σ_{k≥1} k^{-x}, continued to all real x ≠ 1.
///
/// `inf` at 1, 1 at `inf`, NaN at `-inf`, zero at the negative even integers. Below x = -169
/// the functional equation goes through ln Γ and the relative error grows to ~2e-13.
///
/// # Examples
///
/// ```
/// use sci_special::zeta;
/// assert!((zeta(2.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-15);
/// assert_eq!(zeta(0.0), -0.5);
/// assert!((zeta(-1.0) + 1.0 / 12.0).abs() < 1e-15);
/// assert_eq!(zeta(-2.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.zeta(x)` (q = None).
pub fn zeta(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == 1.0 {
        return f64::INFINITY;
    }
    if x == f64::INFINITY {
        return 1.0;
    }
    if x >= 0.0 {
        return euler_maclaurin(x, 1.0);
    }
    let s = sinpi(0.5 * x);
    if s == 0.0 {
        return 0.0;
    }
    let z = zeta(1.0 - x);
    if 1.0 - x < 170.0 {
        2f64.powf(x) * PI.powf(x - 1.0) * s * gamma(1.0 - x) * z
    } else {
        let l = x * std::f64::consts::LN_2 + (x - 1.0) * PI.ln() + s.abs().ln() + gammaln(1.0 - x) + z.ln();
        s.signum() * l.exp()
    }
}

/// ζ(x) - 1, accurate for large x where ζ(x) rounds to 1 (computed as ζ(x, 2) for x > 1).
///
/// Keeps the value 2^-x for x ≥ 127, where SciPy's Cephes returns 0.
///
/// # Examples
///
/// ```
/// use sci_special::zetac;
/// assert!((zetac(60.0) / 8.673617380119933e-19 - 1.0).abs() < 1e-14);
/// assert_eq!(zetac(0.0), -1.5);
/// ```
///
/// SciPy equivalent: `scipy.special.zetac`.
pub fn zetac(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x > 1.0 { euler_maclaurin(x, 2.0) } else { zeta(x) - 1.0 }
}
