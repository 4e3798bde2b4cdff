//! Log-space helpers: `xlogy`, `xlog1py`, the logistic function and its inverse.

/// `x * ln(y)`, defined as 0 when `x == 0` (unless `y` is NaN), so that `0 * ln(0) = 0`.
///
/// # Examples
///
/// ```
/// use sci_special::xlogy;
/// assert_eq!(xlogy(0.0, 0.0), 0.0);
/// assert_eq!(xlogy(2.0, std::f64::consts::E), 2.0);
/// assert!(xlogy(0.0, f64::NAN).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.xlogy` (real arguments).
pub fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln() }
}

/// `x * ln(1 + y)`, defined as 0 when `x == 0` (unless `y` is NaN); accurate for tiny `y`.
///
/// # Examples
///
/// ```
/// use sci_special::xlog1py;
/// assert_eq!(xlog1py(0.0, -1.0), 0.0);
/// assert_eq!(xlog1py(2.5, 1e-18), 2.5e-18);
/// ```
///
/// SciPy equivalent: `scipy.special.xlog1py` (real arguments).
pub fn xlog1py(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln_1p() }
}

/// The logistic sigmoid, `expit(x) = 1 / (1 + exp(-x))`, the inverse of [`logit`].
///
/// # Examples
///
/// ```
/// use sci_special::expit;
/// assert_eq!(expit(0.0), 0.5);
/// assert_eq!(expit(f64::INFINITY), 1.0);
/// assert_eq!(expit(-800.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.expit`.
pub fn expit(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The logit function, `ln(p / (1 - p))`, the inverse of [`expit`]: `-inf` at 0, `inf` at 1,
/// NaN outside [0, 1]. Near p = 1/2 it is evaluated as `log1p(s) - log1p(-s)`, s = 2p - 1.
///
/// # Examples
///
/// ```
/// use sci_special::logit;
/// assert_eq!(logit(0.5), 0.0);
/// assert_eq!(logit(1.0), f64::INFINITY);
/// assert!((logit(0.75) - 3f64.ln()).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.logit`.
pub fn logit(p: f64) -> f64 {
    if (0.3..=0.65).contains(&p) {
        let s = 2.0 * (p - 0.5);
        s.ln_1p() - (-s).ln_1p()
    } else {
        (p / (1.0 - p)).ln()
    }
}

/// The logarithm of the logistic sigmoid, `ln(expit(x))`, without underflow for very negative
/// `x` and without loss of precision for large positive `x`.
///
/// # Examples
///
/// ```
/// use sci_special::log_expit;
/// assert_eq!(log_expit(-1000.0), -1000.0);
/// assert!((log_expit(0.0) + 2f64.ln()).abs() < 1e-16);
/// assert_eq!(log_expit(100.0), -3.720075976020836e-44);
/// ```
///
/// SciPy equivalent: `scipy.special.log_expit`.
pub fn log_expit(x: f64) -> f64 {
    if x < 0.0 { x - x.exp().ln_1p() } else { -(-x).exp().ln_1p() }
}

/// `(exp(x) - 1) / x`, accurate near 0 (where it is 1).
///
/// # Examples
///
/// ```
/// use sci_special::exprel;
/// assert_eq!(exprel(0.0), 1.0);
/// assert!((exprel(1.0) - (std::f64::consts::E - 1.0)).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.exprel`.
pub fn exprel(x: f64) -> f64 {
    if x.abs() < f64::EPSILON {
        1.0
    } else if x > 717.0 {
        f64::INFINITY
    } else {
        x.exp_m1() / x
    }
}
