//! The error function and its complement.
//!
//! The kernels live in `sci_array::special` (shared with `sci-stats`): the rational
//! approximations of the `libm` crate (Sun's fdlibm `s_erf.c` through musl: under one ulp of
//! error), which agree with SciPy's Cephes values to a few units in the last place.

/// The error function, erf(x) = 2/√π ∫₀ˣ exp(-t²) dt.
///
/// Odd (`erf(-0.0) = -0.0`), `erf(±inf) = ±1`.
///
/// # Examples
///
/// ```
/// use sci_special::erf;
/// assert_eq!(erf(0.5), 0.5204998778130465);
/// assert_eq!(erf(f64::NEG_INFINITY), -1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.erf` (real argument).
pub fn erf(x: f64) -> f64 {
    sci_array::special::erf(x)
}

/// The complementary error function, erfc(x) = 1 - erf(x), without the cancellation for
/// large x (`erfc(10.0) = 2.088e-45`).
///
/// # Examples
///
/// ```
/// use sci_special::erfc;
/// assert_eq!(erfc(0.0), 1.0);
/// assert!((erfc(10.0) / 2.0884875837625446e-45 - 1.0).abs() < 1e-15);
/// assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
/// ```
///
/// SciPy equivalent: `scipy.special.erfc` (real argument).
pub fn erfc(x: f64) -> f64 {
    sci_array::special::erfc(x)
}
