//! Bessel functions of the first and second kind, J and Y, and the modified Bessel function
//! of the first kind, I.
//!
//! Integer orders use the `libm` crate's `j0`/`j1`/`jn`/`y0`/`y1`/`yn` (Sun's fdlibm through
//! musl). Real orders ([`jv`]) use the power series for small x, Hankel's asymptotic expansion
//! for large x and, in between, Miller's backward recurrence normalised with
//! Σ (μ+2k) Γ(μ+k)/(k! Γ(μ+1)) J_{μ+2k}(x) = (x/2)^μ / Γ(μ+1) at the fractional part μ of the
//! order.

mod derivatives;
mod modified;
mod modified_k;
mod real_order;
mod spherical;

pub use derivatives::{ivp, jvp, kvp, yvp};
pub use modified::{i0, i0e, i1, i1e, iv, ive};
pub use modified_k::{k0, k0e, k1, k1e, kn, kv, kve};
pub use real_order::{jv, yv};
pub use spherical::{spherical_in, spherical_jn, spherical_kn, spherical_yn};

/// Bessel function of the first kind of order 0, J₀(x).
///
/// Even in x; NaN at `±inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::j0;
/// assert_eq!(j0(0.0), 1.0);
/// assert!((j0(1.0) - 0.7651976865579666).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.j0`.
pub fn j0(x: f64) -> f64 {
    if x.is_infinite() { f64::NAN } else { libm::j0(x) }
}

/// Bessel function of the first kind of order 1, J₁(x).
///
/// Odd in x; NaN at `±inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::j1;
/// assert!((j1(2.5) - 0.4970941024642741).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.j1`.
pub fn j1(x: f64) -> f64 {
    if x.is_infinite() { f64::NAN } else { libm::j1(x) }
}

/// Bessel function of the first kind of integer order n, Jₙ(x).
///
/// J₋ₙ = (-1)ⁿ Jₙ and Jₙ(-x) = (-1)ⁿ Jₙ(x); NaN at `±inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::jn;
/// assert!((jn(3, -2.0) + 0.12894324947440208).abs() < 1e-16);
/// assert_eq!(jn(-3, 2.0), jn(3, -2.0));
/// ```
///
/// SciPy equivalent: `scipy.special.jn` (an alias of `jv` with integer order).
pub fn jn(n: i32, x: f64) -> f64 {
    if x.is_infinite() {
        return f64::NAN;
    }
    // |Jₙ(x)| ≤ (|x|/2)^|n| / |n|!: 0 once that underflows, without the |n| steps of the
    // recurrence (seconds for |n| near 2^31).
    let an = f64::from(n).abs();
    if an > 1000.0 && an * (0.5 * x.abs()).ln() - crate::gammaln(an + 1.0) < -745.2 {
        return 0.0;
    }
    libm::jn(n, x)
}

/// Bessel function of the second kind of order 0, Y₀(x): `-inf` at 0, NaN for x < 0 and at
/// `inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::y0;
/// assert!((y0(1.0) - 0.08825696421567697).abs() < 1e-16);
/// assert_eq!(y0(0.0), f64::NEG_INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.y0`.
pub fn y0(x: f64) -> f64 {
    if x == 0.0 {
        f64::NEG_INFINITY
    } else if x < 0.0 || x.is_infinite() {
        f64::NAN
    } else {
        libm::y0(x)
    }
}

/// Bessel function of the second kind of order 1, Y₁(x): `-inf` at 0, NaN for x < 0 and at
/// `inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::y1;
/// assert!((y1(1.0) + 0.7812128213002888).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.y1`.
pub fn y1(x: f64) -> f64 {
    if x == 0.0 {
        f64::NEG_INFINITY
    } else if x < 0.0 || x.is_infinite() {
        f64::NAN
    } else {
        libm::y1(x)
    }
}

/// Bessel function of the second kind of integer order n, Yₙ(x).
///
/// Y₋ₙ = (-1)ⁿ Yₙ; at x = 0 it is `-inf` for n ≥ 0 and (-1)^(n+1)·inf for n < 0; NaN for
/// x < 0 and at `inf` (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::yn;
/// assert!((yn(-3, 2.0) - 1.127783776840428).abs() < 1e-15);
/// assert_eq!(yn(-1, 0.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.yn`.
pub fn yn(n: i32, x: f64) -> f64 {
    if x.is_nan() || x < 0.0 || x.is_infinite() {
        return f64::NAN;
    }
    let sign = if n < 0 && n % 2 != 0 { -1.0 } else { 1.0 };
    if x == 0.0 {
        return -sign * f64::INFINITY;
    }
    // |Yₙ(x)| ≥ (|n|-1)!/π (2/x)^|n| for x < |n|: -inf (times the sign) once that overflows,
    // without the |n| steps of the recurrence.
    let an = f64::from(n).abs();
    if an > 1000.0 && x < an && crate::gammaln(an) + an * (2.0 / x).ln() - std::f64::consts::PI.ln() > 709.8 {
        return -sign * f64::INFINITY;
    }
    libm::yn(n, x)
}
