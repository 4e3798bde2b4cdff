//! The error function and the standard normal distribution.
//!
//! erf and erfc are the rational approximations of the `libm` crate (Sun's fdlibm `s_erf.c`
//! through musl: under one ulp of error), which agree with SciPy's Cephes values to a few units
//! in the last place. `ndtri` (and `erfcinv` through it) evaluates Cephes' rational
//! approximations exactly as SciPy does. `erfinv` (Boost's in SciPy) is computed by Newton's
//! method on the forward functions (on `erf` in the centre, on `log_ndtr` in the tails, so
//! arguments down to the smallest subnormal keep full relative accuracy), started from
//! Abramowitz and Stegun 26.2.23.

use super::MAXLOG;
use std::f64::consts::{FRAC_1_SQRT_2, PI};

/// The error function, erf(x) = 2/√π ∫₀ˣ exp(-t²) dt.
///
/// Odd (`erf(-0.0) = -0.0`), `erf(±inf) = ±1`.
///
/// # Examples
///
/// ```
/// use sci_array::special::erf;
/// assert_eq!(erf(0.5), 0.5204998778130465);
/// assert_eq!(erf(f64::NEG_INFINITY), -1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.erf` (real argument).
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// The complementary error function, erfc(x) = 1 - erf(x), without the cancellation for
/// large x (`erfc(10.0) = 2.088e-45`).
///
/// # Examples
///
/// ```
/// use sci_array::special::erfc;
/// assert_eq!(erfc(0.0), 1.0);
/// assert!((erfc(10.0) / 2.0884875837625446e-45 - 1.0).abs() < 1e-15);
/// assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
/// ```
///
/// SciPy equivalent: `scipy.special.erfc` (real argument).
pub fn erfc(x: f64) -> f64 {
    // Like SciPy, 0 (or 2) once exp(-x²) underflows, a little before erfc itself does.
    if x * x > MAXLOG {
        return if x > 0.0 { 0.0 } else { 2.0 };
    }
    libm::erfc(x)
}

/// 1/√π.
const FRAC_1_SQRT_PI: f64 = 0.564_189_583_547_756_3;

/// The standard normal cumulative distribution function, Φ(x) = (1 + erf(x/√2))/2.
///
/// Computed from `erfc` away from 0 so that the lower tail keeps its relative accuracy
/// (`ndtr(-30) = 4.9e-198`).
///
/// # Examples
///
/// ```
/// use sci_array::special::ndtr;
/// assert_eq!(ndtr(0.0), 0.5);
/// assert!((ndtr(1.0) - 0.8413447460685429).abs() < 1e-15);
/// assert!((ndtr(-30.0) / 4.906713927147908e-198 - 1.0).abs() < 1e-13);
/// ```
///
/// SciPy equivalent: `scipy.special.ndtr` (real argument).
pub fn ndtr(a: f64) -> f64 {
    if a.is_nan() {
        return f64::NAN;
    }
    let x = a * FRAC_1_SQRT_2;
    let z = x.abs();
    if z < FRAC_1_SQRT_2 {
        0.5 + 0.5 * erf(x)
    } else {
        let y = 0.5 * erfc(z);
        if x > 0.0 { 1.0 - y } else { y }
    }
}

/// The scaled complementary error function, erfcx(x) = exp(x²) erfc(x).
///
/// Behaves like 1/(x√π) for large x, without the underflow of erfc; overflows to `inf` for
/// x < -26.6.
///
/// # Examples
///
/// ```
/// use sci_array::special::erfcx;
/// assert_eq!(erfcx(0.0), 1.0);
/// assert!((erfcx(1e4) - 5.641895807268084e-5).abs() < 1e-19);
/// assert_eq!(erfcx(-30.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.erfcx` (real argument).
pub fn erfcx(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 2.0 {
        if x < -26.7 {
            return f64::INFINITY;
        }
        // exp(x²) with x² = hi + lo exactly, so that the rounding of x² is not amplified.
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        return hi.exp() * (1.0 + lo) * erfc(x);
    }
    if x > 1e9 {
        return FRAC_1_SQRT_PI / x;
    }
    // √π erfcx(x) = 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), modified Lentz.
    let tiny = 1e-300;
    let mut f = x;
    let mut c = x;
    let mut d = 0.0;
    for k in 1..5000 {
        let ak = 0.5 * k as f64;
        d = x + ak * d;
        if d == 0.0 {
            d = tiny;
        }
        c = x + ak / c;
        if c == 0.0 {
            c = tiny;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    FRAC_1_SQRT_PI / f
}

/// The logarithm of the standard normal CDF, ln Φ(x), accurate in both tails
/// (`log_ndtr(-40) = -804.6`, `log_ndtr(10) = -7.6e-24`).
///
/// # Examples
///
/// ```
/// use sci_array::special::log_ndtr;
/// assert!((log_ndtr(0.0) + 2f64.ln()).abs() < 1e-16);
/// assert!((log_ndtr(-40.0) + 804.6084420137538).abs() < 1e-12);
/// assert!((log_ndtr(10.0) + 7.61985302416047e-24).abs() < 1e-37);
/// ```
///
/// SciPy equivalent: `scipy.special.log_ndtr` (real argument).
pub fn log_ndtr(a: f64) -> f64 {
    let t = a * FRAC_1_SQRT_2;
    if a < -1.0 { (erfcx(-t) / 2.0).ln() - t * t } else { (-erfc(t) / 2.0).ln_1p() }
}

/// erf⁻¹ for |y| ≤ 1/2 by Newton on erf (relative accuracy near 0).
fn erfinv_central(y: f64) -> f64 {
    if y == 0.0 {
        return y;
    }
    // erfinv(y) = (√π/2)(y + π y³/12 + 7π² y⁵/480 + ...)
    let s = 0.5 * PI.sqrt();
    let mut x = s * y * (1.0 + PI * y * y / 12.0 + 7.0 * PI * PI * y.powi(4) / 480.0);
    for _ in 0..20 {
        let dx = (erf(x) - y) / (2.0 * FRAC_1_SQRT_PI * (-x * x).exp());
        x -= dx;
        // Quadratic convergence: once a step is this small the next would be below rounding.
        if dx.abs() <= 1e-9 * x.abs() {
            break;
        }
    }
    x
}

/// Φ⁻¹(q) for 0 < q < 1/2 by Newton on ln Φ (works down to the smallest subnormal q).
fn ndtri_lower(q: f64) -> f64 {
    let lq = q.ln();
    // Abramowitz and Stegun 26.2.23 (error below 4.5e-4).
    let t = (-2.0 * lq).sqrt();
    let mut x = -(t
        - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
    for _ in 0..50 {
        let l = log_ndtr(x);
        // d/dx ln Φ(x) = φ(x)/Φ(x)
        let deriv = (-0.5 * x * x - l).exp() / (2.0 * PI).sqrt();
        let dx = (l - lq) / deriv;
        x -= dx;
        // Quadratic convergence: once a step is this small the next would be below rounding.
        if dx.abs() <= 1e-9 * x.abs() {
            break;
        }
    }
    x
}

/// Horner's rule, highest degree first: Cephes' `polevl`.
#[inline(always)]
fn polevl<const N: usize>(x: f64, c: &[f64; N]) -> f64 {
    let mut a = c[0];
    for &ci in &c[1..] {
        a = a * x + ci;
    }
    a
}

/// Horner's rule with an implicit leading coefficient 1: Cephes' `p1evl`.
#[inline(always)]
fn p1evl<const N: usize>(x: f64, c: &[f64; N]) -> f64 {
    let mut a = x + c[0];
    for &ci in &c[1..] {
        a = a * x + ci;
    }
    a
}

/// √(2π).
const S2PI: f64 = 2.5066282746310007;
/// exp(-2): below it (and above 1 - exp(-2)) the tail approximations apply.
const EXP_M2: f64 = 0.1353352832366127;

// Cephes ndtri (S. L. Moshier): the rational approximations SciPy's `ndtri` evaluates.
/// Centre, |p - 1/2| ≤ 0.365: x/√(2π) = w + w³ P0(w²)/Q0(w²) with w = p - 1/2.
const NDTRI_P0: [f64; 5] =
    [-59.96335010141079, 98.00107541859997, -56.67628574690703, 13.931260938727968, -1.2391658386738125];
const NDTRI_Q0: [f64; 8] = [
    1.9544885833814176,
    4.676279128988815,
    86.36024213908905,
    -225.46268785411937,
    200.26021238006066,
    -82.03722561683334,
    15.90562251262117,
    -1.1833162112133,
];
/// Tail with z = √(-2 ln p) in [2, 8): x = z - ln(z)/z - P1(1/z)/(z Q1(1/z)).
const NDTRI_P1: [f64; 9] = [
    4.0554489230596245,
    31.525109459989388,
    57.16281922464213,
    44.08050738932008,
    14.684956192885803,
    2.1866330685079025,
    -0.1402560791713545,
    -0.03504246268278482,
    -0.0008574567851546854,
];
const NDTRI_Q1: [f64; 8] = [
    15.779988325646675,
    45.39076351288792,
    41.3172038254672,
    15.04253856929075,
    2.504649462083094,
    -0.14218292285478779,
    -0.03808064076915783,
    -0.0009332594808954574,
];
/// Tail with z ≥ 8 (p < exp(-32)).
const NDTRI_P2: [f64; 9] = [
    3.2377489177694603,
    6.915228890689842,
    3.9388102529247444,
    1.3330346081580755,
    0.20148538954917908,
    0.012371663481782003,
    0.00030158155350823543,
    2.6580697468673755e-06,
    6.239745391849833e-09,
];
const NDTRI_Q2: [f64; 8] = [
    6.02427039364742,
    3.6798356385616087,
    1.3770209948908132,
    0.21623699359449663,
    0.013420400608854318,
    0.00032801446468212774,
    2.8924786474538068e-06,
    6.790194080099813e-09,
];

/// The inverse of [`ndtr`]: the x with Φ(x) = p. `-inf` at 0, `inf` at 1, NaN outside [0, 1].
///
/// Cephes' rational approximations (as SciPy evaluates them, so the values agree to the last
/// bit or two): a rational function of (p - 1/2)² in the centre, and of 1/√(-2 ln p) in the
/// tails, which keeps full relative accuracy down to the smallest subnormal p.
///
/// # Examples
///
/// ```
/// use sci_array::special::ndtri;
/// assert_eq!(ndtri(0.5), 0.0);
/// assert_eq!(ndtri(0.975), 1.959963984540054);
/// assert_eq!(ndtri(0.01), -2.3263478740408408);
/// assert_eq!(ndtri(1e-300), -37.0470962993612);
/// assert!(ndtri(1.5).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.ndtri`.
#[inline]
pub fn ndtri(p: f64) -> f64 {
    // Centre first: the common case takes two comparisons and no log.
    if p > EXP_M2 && p <= 1.0 - EXP_M2 {
        let w = p - 0.5;
        let w2 = w * w;
        return (w + w * (w2 * polevl(w2, &NDTRI_P0) / p1evl(w2, &NDTRI_Q0))) * S2PI;
    }
    if !(p > 0.0 && p < 1.0) {
        return if p == 0.0 {
            f64::NEG_INFINITY
        } else if p == 1.0 {
            f64::INFINITY
        } else {
            f64::NAN
        };
    }
    // Here p ≤ exp(-2) or p > 1 - exp(-2); 1 - p is exact in the upper tail.
    let (y, upper) = if p > 0.5 { (1.0 - p, true) } else { (p, false) };
    let z = (-2.0 * y.ln()).sqrt();
    let x0 = z - z.ln() / z;
    let r = 1.0 / z;
    let x1 = if z < 8.0 {
        r * polevl(r, &NDTRI_P1) / p1evl(r, &NDTRI_Q1)
    } else {
        r * polevl(r, &NDTRI_P2) / p1evl(r, &NDTRI_Q2)
    };
    let x = x0 - x1;
    if upper { x } else { -x }
}

/// The inverse error function: erf(erfinv(y)) = y for -1 ≤ y ≤ 1 (±inf at ±1, NaN outside).
///
/// # Examples
///
/// ```
/// use sci_array::special::{erf, erfinv};
/// assert!((erf(erfinv(0.3)) - 0.3).abs() < 1e-16);
/// assert_eq!(erfinv(0.0), 0.0);
/// assert!((erfinv(0.5) - 0.4769362762044699).abs() < 1e-15);
/// assert_eq!(erfinv(-1.0), f64::NEG_INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.erfinv`.
pub fn erfinv(y: f64) -> f64 {
    if y.is_nan() || !(-1.0..=1.0).contains(&y) {
        return f64::NAN;
    }
    if y.abs() <= 0.5 {
        return erfinv_central(y);
    }
    // 1 - |y| is exact for |y| ≥ 1/2; erfinv(y) = -ndtri((1-|y|)/2)/√2.
    let q = 0.5 * (1.0 - y.abs());
    let x = if q == 0.0 { f64::INFINITY } else { -ndtri_lower(q) * FRAC_1_SQRT_2 };
    x.copysign(y)
}

/// The inverse complementary error function: erfc(erfcinv(z)) = z for 0 ≤ z ≤ 2 (`inf` at 0,
/// `-inf` at 2, NaN outside).
///
/// # Examples
///
/// ```
/// use sci_array::special::erfcinv;
/// assert_eq!(erfcinv(1.0), 0.0);
/// assert!((erfcinv(1e-100) - 15.065574702592647).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.erfcinv`.
pub fn erfcinv(z: f64) -> f64 {
    if z.is_nan() || !(0.0..=2.0).contains(&z) {
        return f64::NAN;
    }
    -ndtri(0.5 * z) * FRAC_1_SQRT_2
}
