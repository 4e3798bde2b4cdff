//! The standard normal distribution (`ndtr`, `log_ndtr`, `ndtri`), the scaled complementary
//! error function `erfcx` and the inverse error functions.
//!
//! The kernels live in `sci_array::special` (shared with `sci-stats`): the inverses are
//! computed by Newton's method on the forward functions (on `erf` in the centre, on `log_ndtr`
//! in the tails, so p down to the smallest subnormal keeps full relative accuracy).

/// The standard normal cumulative distribution function, Φ(x) = (1 + erf(x/√2))/2.
///
/// Computed from `erfc` away from 0 so that the lower tail keeps its relative accuracy
/// (`ndtr(-30) = 4.9e-198`).
///
/// # Examples
///
/// ```
/// use sci_special::ndtr;
/// assert_eq!(ndtr(0.0), 0.5);
/// assert!((ndtr(1.0) - 0.8413447460685429).abs() < 1e-15);
/// assert!((ndtr(-30.0) / 4.906713927147908e-198 - 1.0).abs() < 1e-13);
/// ```
///
/// SciPy equivalent: `scipy.special.ndtr` (real argument).
pub fn ndtr(a: f64) -> f64 {
    sci_array::special::ndtr(a)
}

/// The scaled complementary error function, erfcx(x) = exp(x²) erfc(x).
///
/// Behaves like 1/(x√π) for large x, without the underflow of erfc; overflows to `inf` for
/// x < -26.6.
///
/// # Examples
///
/// ```
/// use sci_special::erfcx;
/// assert_eq!(erfcx(0.0), 1.0);
/// assert!((erfcx(1e4) - 5.641895807268084e-5).abs() < 1e-19);
/// assert_eq!(erfcx(-30.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.erfcx` (real argument).
pub fn erfcx(x: f64) -> f64 {
    sci_array::special::erfcx(x)
}

/// The logarithm of the standard normal CDF, ln Φ(x), accurate in both tails
/// (`log_ndtr(-40) = -804.6`, `log_ndtr(10) = -7.6e-24`).
///
/// # Examples
///
/// ```
/// use sci_special::log_ndtr;
/// assert!((log_ndtr(0.0) + 2f64.ln()).abs() < 1e-16);
/// assert!((log_ndtr(-40.0) + 804.6084420137538).abs() < 1e-12);
/// assert!((log_ndtr(10.0) + 7.61985302416047e-24).abs() < 1e-37);
/// ```
///
/// SciPy equivalent: `scipy.special.log_ndtr` (real argument).
pub fn log_ndtr(a: f64) -> f64 {
    sci_array::special::log_ndtr(a)
}

/// The inverse of [`ndtr`]: the x with Φ(x) = p. `-inf` at 0, `inf` at 1, NaN outside [0, 1].
///
/// # Examples
///
/// ```
/// use sci_special::ndtri;
/// assert_eq!(ndtri(0.5), 0.0);
/// assert_eq!(ndtri(0.975), 1.959963984540054);
/// assert_eq!(ndtri(0.01), -2.3263478740408408);
/// assert_eq!(ndtri(1e-300), -37.0470962993612);
/// ```
///
/// SciPy equivalent: `scipy.special.ndtri`.
pub fn ndtri(p: f64) -> f64 {
    sci_array::special::ndtri(p)
}

/// The inverse error function: erf(erfinv(y)) = y for -1 ≤ y ≤ 1 (±inf at ±1, NaN outside).
///
/// # Examples
///
/// ```
/// use sci_special::{erf, erfinv};
/// assert!((erf(erfinv(0.3)) - 0.3).abs() < 1e-16);
/// assert_eq!(erfinv(0.0), 0.0);
/// assert!((erfinv(0.5) - 0.4769362762044699).abs() < 1e-15);
/// assert_eq!(erfinv(-1.0), f64::NEG_INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.erfinv`.
pub fn erfinv(y: f64) -> f64 {
    sci_array::special::erfinv(y)
}

/// The inverse complementary error function: erfc(erfcinv(z)) = z for 0 ≤ z ≤ 2 (`inf` at 0,
/// `-inf` at 2, NaN outside).
///
/// # Examples
///
/// ```
/// use sci_special::erfcinv;
/// assert_eq!(erfcinv(1.0), 0.0);
/// assert!((erfcinv(1e-100) - 15.065574702592647).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.erfcinv`.
pub fn erfcinv(z: f64) -> f64 {
    sci_array::special::erfcinv(z)
}
