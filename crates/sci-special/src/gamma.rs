//! The gamma function and its logarithm.
//!
//! The core evaluations are the `tgamma`/`lgamma_r` of the `libm` crate (Rust's port of musl's
//! libm, the same algorithms as the C library's, accurate to about an ulp); this module adds
//! SciPy's conventions at poles, signed zeros and infinities.

/// The gamma function, Γ(x).
///
/// Γ(x) = ∫₀^∞ t^(x-1) e^(-t) dt, extended to negative non-integers by Γ(x+1) = xΓ(x).
/// Like SciPy: `gamma(±0) = ±inf`, NaN at the negative integers and at `-inf`,
/// `gamma(inf) = inf`; overflows to `inf` above x ≈ 171.62.
///
/// # Examples
///
/// ```
/// use sci_special::gamma;
/// assert_eq!(gamma(5.0), 24.0);
/// assert!((gamma(0.5) - std::f64::consts::PI.sqrt()).abs() < 1e-15);
/// assert_eq!(gamma(-0.0), f64::NEG_INFINITY);
/// assert!(gamma(-2.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.gamma` (real argument).
pub fn gamma(x: f64) -> f64 {
    if x == 0.0 {
        return f64::INFINITY.copysign(x);
    }
    if x.is_nan() || x == f64::NEG_INFINITY || (x < 0.0 && x == x.floor()) {
        return f64::NAN;
    }
    if x < -170.0 {
        // Reflection, Γ(x) = -π / (x sin(πx) Γ(-x)): underflows to ±0 where Γ(-x) overflows.
        let q = -x;
        let s = sinpi(q);
        return -std::f64::consts::PI / (q * s * libm::tgamma(q));
    }
    libm::tgamma(x)
}

/// sin(πx), exact at the integers.
pub(crate) fn sinpi(x: f64) -> f64 {
    let r = x % 2.0;
    if r == r.trunc() { 0.0 } else { (r * std::f64::consts::PI).sin() }
}

/// The reciprocal of the gamma function, 1/Γ(x): an entire function, zero at the poles of Γ.
///
/// # Examples
///
/// ```
/// use sci_special::rgamma;
/// assert_eq!(rgamma(4.0), 1.0 / 6.0);
/// assert_eq!(rgamma(-3.0), 0.0);
/// assert_eq!(rgamma(f64::NEG_INFINITY), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.rgamma` (real argument).
pub fn rgamma(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x <= 0.0 && x == x.floor() {
        return 0.0;
    }
    if x > 171.7 {
        // Γ overflows; 1/Γ underflows to zero there.
        return 0.0;
    }
    1.0 / libm::tgamma(x)
}

/// The logarithm of the absolute value of the gamma function, ln|Γ(x)|.
///
/// `inf` at the poles (0 and the negative integers) and at `±inf`... except that, like SciPy,
/// `gammaln(-inf) = -inf`. Accurate where Γ itself overflows (`gammaln(500.0)`).
///
/// # Examples
///
/// ```
/// use sci_special::gammaln;
/// assert_eq!(gammaln(1.0), 0.0);
/// assert!((gammaln(500.0) - 2605.115850361734).abs() < 1e-12);
/// assert_eq!(gammaln(-3.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.gammaln`.
pub fn gammaln(x: f64) -> f64 {
    // Cephes divides by x below 2: where 1/x overflows (|x| < 2^-1024, subnormals) SciPy's
    // value is `inf`, not -ln|x|.
    if x != 0.0 && x.abs() < 1.0 / f64::MAX {
        return f64::INFINITY;
    }
    sci_array::special::gammaln(x)
}

/// The sign of the gamma function: 1 or -1 (±1 at ±0 following the zero's sign), NaN at the
/// negative integers, `-inf` and NaN.
///
/// # Examples
///
/// ```
/// use sci_special::gammasgn;
/// assert_eq!(gammasgn(3.5), 1.0);
/// assert_eq!(gammasgn(-0.5), -1.0);
/// assert_eq!(gammasgn(-1.5), 1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.gammasgn`.
pub fn gammasgn(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 0.0 {
        return 1.0;
    }
    if x == 0.0 {
        return 1f64.copysign(x);
    }
    let fl = x.floor();
    if x.is_infinite() || x == fl {
        return f64::NAN;
    }
    // Γ is negative on (-1, 0), (-3, -2), ...: where floor(x) is odd.
    if (fl % 2.0) != 0.0 { -1.0 } else { 1.0 }
}

/// The principal branch of log Γ(x) for real x: ln Γ(x) for x ≥ 0, NaN for x < 0 (where Γ
/// changes sign and the complex logarithm is needed).
///
/// # Examples
///
/// ```
/// use sci_special::loggamma;
/// assert!((loggamma(10.0) - 362880f64.ln()).abs() < 1e-13);
/// assert!(loggamma(-2.5).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.loggamma` (real argument; the complex version is missing).
pub fn loggamma(x: f64) -> f64 {
    if x < 0.0 { f64::NAN } else { gammaln(x) }
}
