//! Information-theory and convex-analysis functions (`entr`, `rel_entr`, `kl_div`, `huber`,
//! `pseudo_huber`) and the Box-Cox transformations.

/// The elementwise entropy `-x ln x`: 0 at 0, `-inf` for `x < 0`.
///
/// # Examples
///
/// ```
/// use sci_special::entr;
/// assert_eq!(entr(0.0), 0.0);
/// assert_eq!(entr(1.0), 0.0);
/// assert_eq!(entr(-1.0), f64::NEG_INFINITY);
/// assert!((entr(0.5) - 0.5 * 2f64.ln()).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.entr`.
pub fn entr(x: f64) -> f64 {
    if x.is_nan() {
        x
    } else if x > 0.0 {
        -x * x.ln()
    } else if x == 0.0 {
        0.0
    } else {
        f64::NEG_INFINITY
    }
}

/// The elementwise relative entropy `x ln(x/y)` for `x, y > 0`; 0 when `x = 0` and `y ≥ 0`,
/// `inf` otherwise. Accurate when `x ≈ y` and without overflow of `x/y`.
///
/// # Examples
///
/// ```
/// use sci_special::rel_entr;
/// assert_eq!(rel_entr(0.0, 3.0), 0.0);
/// assert_eq!(rel_entr(1.0, 0.0), f64::INFINITY);
/// assert!((rel_entr(2.0, 1.0) - 2.0 * 2f64.ln()).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.rel_entr`.
pub fn rel_entr(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 || y <= 0.0 {
        return if x == 0.0 && y >= 0.0 { 0.0 } else { f64::INFINITY };
    }
    let ratio = x / y;
    if 0.5 < ratio && ratio < 2.0 {
        x * ((x - y) / y).ln_1p()
    } else if f64::MIN_POSITIVE < ratio && ratio < f64::INFINITY {
        x * ratio.ln()
    } else {
        x * (x.ln() - y.ln())
    }
}

/// The elementwise Kullback-Leibler divergence `x ln(x/y) - x + y` for `x, y > 0`; `y` when
/// `x = 0` and `y ≥ 0`, `inf` otherwise.
///
/// # Examples
///
/// ```
/// use sci_special::kl_div;
/// assert_eq!(kl_div(0.0, 3.0), 3.0);
/// assert_eq!(kl_div(1.0, 1.0), 0.0);
/// assert!((kl_div(2.0, 1.0) - (2.0 * 2f64.ln() - 1.0)).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.kl_div`.
pub fn kl_div(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        x * (x / y).ln() - x + y
    } else if x == 0.0 && y >= 0.0 {
        y
    } else {
        f64::INFINITY
    }
}

/// The Huber loss: `r²/2` for `|r| ≤ delta`, `delta (|r| - delta/2)` beyond; `inf` for
/// `delta < 0`.
///
/// # Examples
///
/// ```
/// use sci_special::huber;
/// assert_eq!(huber(1.0, 0.5), 0.125);
/// assert_eq!(huber(1.0, 3.0), 2.5);
/// assert_eq!(huber(-1.0, 3.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.huber`.
pub fn huber(delta: f64, r: f64) -> f64 {
    if delta < 0.0 {
        f64::INFINITY
    } else if r.abs() <= delta {
        0.5 * r * r
    } else {
        delta * (r.abs() - 0.5 * delta)
    }
}

/// The pseudo-Huber loss `delta² (sqrt(1 + (r/delta)²) - 1)`, accurate for small `r/delta`;
/// 0 when `delta` or `r` is 0, `inf` for `delta < 0`.
///
/// # Examples
///
/// ```
/// use sci_special::pseudo_huber;
/// assert_eq!(pseudo_huber(1.0, 0.0), 0.0);
/// assert!((pseudo_huber(1.0, 1e-10) - 5e-21).abs() < 1e-35);
/// assert!((pseudo_huber(2.0, 3.0) - 4.0 * ((1.0f64 + 2.25).sqrt() - 1.0)).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.pseudo_huber`.
pub fn pseudo_huber(delta: f64, r: f64) -> f64 {
    if delta < 0.0 {
        return f64::INFINITY;
    }
    if delta == 0.0 || r == 0.0 {
        return 0.0;
    }
    let v = r / delta;
    delta * delta * (0.5 * (v * v).ln_1p()).exp_m1()
}

/// `(exp(lmbda t) - 1) / lmbda` for `t = ln x` or `ln(1 + x)`, without overflow of the
/// intermediate `exp` when the quotient is still finite.
fn boxcox_of_log(t: f64, lmbda: f64) -> f64 {
    if lmbda * t < 709.78 {
        (lmbda * t).exp_m1() / lmbda
    } else {
        1f64.copysign(lmbda) * (lmbda * t - lmbda.abs().ln()).exp() - 1.0 / lmbda
    }
}

/// The Box-Cox transformation `(x**lmbda - 1) / lmbda` (`ln x` for `lmbda = 0`).
///
/// # Examples
///
/// ```
/// use sci_special::boxcox;
/// assert_eq!(boxcox(1.0, 2.5), 0.0);
/// assert!((boxcox(4.0, 0.5) - 2.0).abs() < 1e-15);
/// assert_eq!(boxcox(std::f64::consts::E, 0.0), 1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.boxcox`.
pub fn boxcox(x: f64, lmbda: f64) -> f64 {
    if lmbda.abs() < 1e-19 { x.ln() } else { boxcox_of_log(x.ln(), lmbda) }
}

/// The Box-Cox transformation of `1 + x`, `((1+x)**lmbda - 1) / lmbda`, accurate for tiny `x`.
///
/// # Examples
///
/// ```
/// use sci_special::boxcox1p;
/// assert_eq!(boxcox1p(1e-20, 0.5), 1e-20);
/// assert!((boxcox1p(3.0, 0.5) - 2.0).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.boxcox1p`.
pub fn boxcox1p(x: f64, lmbda: f64) -> f64 {
    let t = x.ln_1p();
    if lmbda.abs() < 1e-19 || (t.abs() < 1e-289 && lmbda.abs() < 1e273) { t } else { boxcox_of_log(t, lmbda) }
}

/// `exp(ln(c sign(lmbda) (y + 1/lmbda)) + ln|lmbda|) / lmbda)`: the inverse transform for
/// `lmbda y` beyond the largest double, where `ln(1 + lmbda y)` would overflow.
fn inv_boxcox_big(y: f64, lmbda: f64) -> f64 {
    ((1f64.copysign(lmbda) * (y + 1.0 / lmbda)).ln() + lmbda.abs().ln()) / lmbda
}

/// The inverse of [`boxcox`]: `(1 + lmbda y)**(1/lmbda)` (`exp(y)` for `lmbda = 0`).
///
/// # Examples
///
/// ```
/// use sci_special::{boxcox, inv_boxcox};
/// assert!((inv_boxcox(2.0, 0.5) - 4.0).abs() < 1e-15);
/// assert!((inv_boxcox(boxcox(7.0, -1.5), -1.5) - 7.0).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.inv_boxcox`.
pub fn inv_boxcox(y: f64, lmbda: f64) -> f64 {
    if lmbda == 0.0 {
        y.exp()
    } else if lmbda * y < 1.79e308 {
        ((lmbda * y).ln_1p() / lmbda).exp()
    } else {
        inv_boxcox_big(y, lmbda).exp()
    }
}

/// The inverse of [`boxcox1p`]: `(1 + lmbda y)**(1/lmbda) - 1`, accurate for tiny `y`.
///
/// # Examples
///
/// ```
/// use sci_special::inv_boxcox1p;
/// assert!((inv_boxcox1p(2.0, 0.5) - 3.0).abs() < 1e-15);
/// assert_eq!(inv_boxcox1p(1e-200, 3.0), 1e-200);
/// ```
///
/// SciPy equivalent: `scipy.special.inv_boxcox1p`.
pub fn inv_boxcox1p(y: f64, lmbda: f64) -> f64 {
    if lmbda == 0.0 {
        y.exp_m1()
    } else if (lmbda * y).abs() < 1e-154 {
        y
    } else if lmbda * y < 1.79e308 {
        ((lmbda * y).ln_1p() / lmbda).exp_m1()
    } else {
        inv_boxcox_big(y, lmbda).exp_m1()
    }
}
