//! Complete elliptic integrals of the first and second kind and the Jacobian elliptic
//! functions, by the arithmetic-geometric mean (AGM). The parameter is m = k² (SciPy's
//! convention), not the modulus k.

use std::f64::consts::{FRAC_PI_2, PI};

/// The AGM of 1 and `g` with the Gauss sum Σ 2^(n-1) c_n² (n ≥ 1) of the squared half
/// differences c_n = (a_{n-1} - g_{n-1})/2.
fn agm(g: f64) -> (f64, f64) {
    let (mut a, mut b) = (1.0f64, g);
    let mut sum = 0.0;
    let mut pow = 1.0;
    for _ in 0..64 {
        let c = 0.5 * (a - b);
        if c.abs() <= f64::EPSILON * a.abs() || !c.is_finite() {
            sum += pow * c * c;
            break;
        }
        sum += pow * c * c;
        pow *= 2.0;
        let an = 0.5 * (a + b);
        b = (a * b).sqrt();
        a = an;
    }
    (0.5 * (a + b), sum)
}

/// Complete elliptic integral of the first kind around m = 1: K(1 - p).
///
/// K(1 - p) = π / (2 AGM(1, √p)); accurate for tiny p, where `ellipk(1 - p)` has lost the
/// digits of p. `inf` at p = 0, 0 at p = inf, NaN for p < 0.
///
/// # Examples
///
/// ```
/// use sci_special::ellipkm1;
/// assert!((ellipkm1(1.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-16);
/// assert!((ellipkm1(1e-20) - 24.412145291060348).abs() < 1e-13);
/// ```
///
/// SciPy equivalent: `scipy.special.ellipkm1`.
pub fn ellipkm1(p: f64) -> f64 {
    if p.is_nan() || p < 0.0 {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::INFINITY;
    }
    if p.is_infinite() {
        return 0.0;
    }
    PI / (2.0 * agm(p.sqrt()).0)
}

/// Complete elliptic integral of the first kind, K(m) = ∫₀^{π/2} dθ / √(1 - m sin²θ).
///
/// Defined for m ≤ 1 (`inf` at m = 1, 0 at `-inf`, NaN above 1), computed as
/// [`ellipkm1`]`(1 - m)` like SciPy.
///
/// # Examples
///
/// ```
/// use sci_special::ellipk;
/// assert_eq!(ellipk(0.0), std::f64::consts::FRAC_PI_2);
/// assert!((ellipk(0.5) - 1.8540746773013719).abs() < 1e-15);
/// assert_eq!(ellipk(1.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.ellipk`.
pub fn ellipk(m: f64) -> f64 {
    ellipkm1(1.0 - m)
}

/// Complete elliptic integral of the second kind, E(m) = ∫₀^{π/2} √(1 - m sin²θ) dθ.
///
/// Defined for m ≤ 1 (E(1) = 1, `inf` at `-inf`, NaN above 1). Negative m goes through
/// E(m) = √(1-m) E(m/(m-1)).
///
/// # Examples
///
/// ```
/// use sci_special::ellipe;
/// assert_eq!(ellipe(1.0), 1.0);
/// assert!((ellipe(0.5) - 1.3506438810476755).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.ellipe`.
pub fn ellipe(m: f64) -> f64 {
    if m.is_nan() || m > 1.0 {
        return f64::NAN;
    }
    if m == 1.0 {
        return 1.0;
    }
    if m == f64::NEG_INFINITY {
        return f64::INFINITY;
    }
    if m < 0.0 {
        return (1.0 - m).sqrt() * ellipe(m / (m - 1.0));
    }
    let (a, sum) = agm((1.0 - m).sqrt());
    // E = K (1 - m/2 - Σ_{n≥1} 2^(n-1) c_n²), K = π/(2 AGM).
    FRAC_PI_2 / a * ((1.0 - 0.5 * m) - sum)
}

/// The Jacobian elliptic functions sn, cn, dn and the amplitude φ = am(u | m).
///
/// Returns `(sn, cn, dn, ph)` for 0 ≤ m ≤ 1 (NaN outside, as SciPy): the descending Landen
/// (AGM) transformation, with the first-order expansions in m (m < 1e-9) and in 1 - m
/// (m ≥ 1 - 1e-10, Abramowitz and Stegun 16.13 and 16.15) at the ends.
///
/// # Examples
///
/// ```
/// use sci_special::ellipj;
/// let (sn, cn, dn, ph) = ellipj(0.5, 0.3);
/// assert!((sn - 0.47421562271182044).abs() < 1e-15);
/// assert!((sn * sn + cn * cn - 1.0).abs() < 1e-15);
/// assert!((dn * dn + 0.3 * sn * sn - 1.0).abs() < 1e-15);
/// assert!((ph.sin() - sn).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.ellipj`.
pub fn ellipj(u: f64, m: f64) -> (f64, f64, f64, f64) {
    let nan = (f64::NAN, f64::NAN, f64::NAN, f64::NAN);
    if u.is_nan() || m.is_nan() || !(0.0..=1.0).contains(&m) {
        return nan;
    }
    if m < 1e-9 {
        let (s, c) = u.sin_cos();
        let ai = 0.25 * m * (u - s * c);
        return (s - ai * c, c + ai * s, 1.0 - 0.5 * m * s * s, u - ai);
    }
    if m >= 0.9999999999 {
        let m1 = 1.0 - m;
        let (sh, ch) = (u.sinh(), u.cosh());
        let t = u.tanh();
        let b = 1.0 / ch;
        let ai = 0.25 * m1 * (sh * ch - u);
        let phi = 2.0 * u.exp().atan() - FRAC_PI_2 + ai * b;
        let twon = 0.25 * m1 * (sh * ch + u) * t * b;
        return (t + ai * b * b, b - ai * t * b, b + twon, phi);
    }
    // Descending Landen: a_n, c_n down to c_N/a_N < ε, then φ back up.
    let mut a = [0.0f64; 10];
    let mut c = [0.0f64; 10];
    a[0] = 1.0;
    let mut b = (1.0 - m).sqrt();
    c[0] = m.sqrt();
    let mut twon = 1.0;
    let mut i = 0;
    while (c[i] / a[i]).abs() > f64::EPSILON / 2.0 {
        if i == 8 {
            // The AGM converges quadratically; not settling in 8 steps means overflow.
            return nan;
        }
        let ai = a[i];
        i += 1;
        c[i] = 0.5 * (ai - b);
        let t = (ai * b).sqrt();
        a[i] = 0.5 * (ai + b);
        b = t;
        twon *= 2.0;
    }
    let mut phi = twon * a[i] * u;
    while i > 0 {
        let t = c[i] * phi.sin() / a[i];
        phi = 0.5 * (t.asin() + phi);
        i -= 1;
    }
    let (s, cphi) = phi.sin_cos();
    // dn² = cn² + (1-m) sn²: a sum of positive terms, where SciPy's 1 - m sn² cancels.
    (s, cphi, (cphi * cphi + (1.0 - m) * s * s).sqrt(), phi)
}
