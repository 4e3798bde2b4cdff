//! Spherical Bessel functions jₙ, yₙ and modified spherical Bessel functions iₙ, kₙ of
//! integer order and real argument, and their derivatives.
//!
//! jₙ and yₙ use the upward recurrence f_{k+1} = (2k+1)/x f_k - f_{k-1} from the elementary
//! j₀ = sin x/x, y₀ = -cos x/x (for jₙ only while n < x, where it is stable; beyond,
//! √(π/(2x)) J_{n+1/2}(x)). iₙ and kₙ are √(π/(2x)) I_{n+1/2}(x) and √(π/(2x)) K_{n+1/2}(x).
//! Negative arguments use the reflections jₙ(-x) = (-1)ⁿ jₙ(x), yₙ(-x) = (-1)ⁿ⁺¹ yₙ(x),
//! iₙ(-x) = (-1)ⁿ iₙ(x) and kₙ(-x) = -π iₙ(x) - (-1)ⁿ kₙ(x) (the real continuation SciPy
//! obtains through complex arithmetic). Derivatives follow DLMF 10.51.2 and 10.51.5.

use std::f64::consts::{FRAC_PI_2, PI};

use super::{iv, jv, kv};

fn parity(n: i64) -> f64 {
    if n % 2 == 0 { 1.0 } else { -1.0 }
}

/// jₙ(x) for x ≥ 0 (or -0), NaN and n < 0 handled.
fn sph_j(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if n < 0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if x == 0.0 {
        return if n == 0 { 1.0 } else { 0.0 };
    }
    if n > 0 && n as f64 >= x {
        return (FRAC_PI_2 / x).sqrt() * jv(n as f64 + 0.5, x);
    }
    let s0 = x.sin() / x;
    if n == 0 {
        return s0;
    }
    let s1 = (s0 - x.cos()) / x;
    if n == 1 {
        return s1;
    }
    upward(n, x, s0, s1)
}

/// The recurrence f_{k+1} = (2k+1)/x f_k - f_{k-1} from (f₀, f₁) to fₙ, stopping at overflow.
fn upward(n: i64, x: f64, mut s0: f64, mut s1: f64) -> f64 {
    let mut sn = s1;
    for i in 0..n - 1 {
        sn = (2 * i + 3) as f64 * s1 / x - s0;
        s0 = s1;
        s1 = sn;
        if sn.is_infinite() {
            return sn;
        }
    }
    sn
}

fn sph_y(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if n < 0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    let s0 = -x.cos() / x;
    if n == 0 {
        return s0;
    }
    let s1 = (s0 - x.sin()) / x;
    if n == 1 {
        return s1;
    }
    upward(n, x, s0, s1)
}

fn sph_i(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if n < 0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return if n == 0 { 1.0 } else { 0.0 };
    }
    if x.is_infinite() {
        return if x < 0.0 { parity(n) * f64::INFINITY } else { f64::INFINITY };
    }
    (FRAC_PI_2 / x).sqrt() * iv(n as f64 + 0.5, x)
}

/// kₙ(x) for x ≥ 0 (or -0).
fn sph_k(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if n < 0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x.is_infinite() {
        return if x > 0.0 { 0.0 } else { f64::NEG_INFINITY };
    }
    (FRAC_PI_2 / x).sqrt() * kv(n as f64 + 0.5, x)
}

/// kₙ at a negative argument x < 0 (or -inf): -π iₙ(|x|) - (-1)ⁿ kₙ(|x|).
fn sph_k_negative(n: i64, x: f64) -> f64 {
    if n < 0 {
        return f64::NAN;
    }
    if x == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    let r = -PI * sph_i(n, -x) - parity(n) * sph_k(n, -x);
    // SciPy evaluates this through complex AMOS, where an overflow ends as inf - inf = NaN.
    if r.is_infinite() { f64::NAN } else { r }
}

/// kₙ at any real argument.
fn sph_k_any(n: i64, x: f64) -> f64 {
    if x.is_nan() || x >= 0.0 { sph_k(n, x) } else { sph_k_negative(n, x) }
}

/// Applies a function defined for x ≥ 0 with the reflection `f(-x)·sign`, `sign` being the
/// sign for even n (flipped for odd n and once more for a derivative), as SciPy's wrapper.
fn reflect(n: i64, x: f64, derivative: bool, even_sign: f64, f: impl Fn(i64, f64) -> f64) -> f64 {
    if x >= 0.0 {
        return f(n, x);
    }
    let mut sign = if n % 2 == 0 { even_sign } else { -even_sign };
    if derivative {
        sign = -sign;
    }
    f(n, -x) * sign
}

/// Spherical Bessel function of the first kind jₙ(x), or its derivative jₙ'(x).
///
/// NaN for n < 0.
///
/// # Examples
///
/// ```
/// use sci_special::spherical_jn;
/// // j₁(x) = sin x/x² - cos x/x
/// let x: f64 = 2.5;
/// let j1 = x.sin() / (x * x) - x.cos() / x;
/// assert!((spherical_jn(1, x, false) - j1).abs() < 1e-15);
/// assert!((spherical_jn(0, x, true) + j1).abs() < 1e-15);
/// assert!((spherical_jn(2, -1.0, false) - 0.062035052011373916).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.spherical_jn` (real argument).
pub fn spherical_jn(n: i64, x: f64, derivative: bool) -> f64 {
    if !derivative {
        return reflect(n, x, false, 1.0, sph_j);
    }
    reflect(n, x, true, 1.0, |n, z| {
        if n == 0 {
            return -sph_j(1, z);
        }
        if z == 0.0 {
            return if n == 1 { 1.0 / 3.0 } else { 0.0 };
        }
        sph_j(n - 1, z) - (n + 1) as f64 * sph_j(n, z) / z
    })
}

/// Spherical Bessel function of the second kind yₙ(x), or its derivative yₙ'(x).
///
/// -inf at x = 0, NaN for n < 0.
///
/// # Examples
///
/// ```
/// use sci_special::spherical_yn;
/// assert!((spherical_yn(0, 1.0, false) + 1f64.cos()).abs() < 1e-16);
/// // y₀' = -y₁
/// assert!((spherical_yn(0, 1.0, true) - 1.3817732906760363).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.spherical_yn` (real argument).
pub fn spherical_yn(n: i64, x: f64, derivative: bool) -> f64 {
    if !derivative {
        return reflect(n, x, false, -1.0, sph_y);
    }
    reflect(n, x, true, -1.0, |n, z| {
        if n == 0 { -sph_y(1, z) } else { sph_y(n - 1, z) - (n + 1) as f64 * sph_y(n, z) / z }
    })
}

/// Modified spherical Bessel function of the first kind iₙ(x), or its derivative iₙ'(x).
///
/// NaN for n < 0.
///
/// # Examples
///
/// ```
/// use sci_special::spherical_in;
/// assert!((spherical_in(0, 1.0, false) - 1f64.sinh()).abs() < 1e-15);
/// assert!((spherical_in(1, -1.0, false) + 0.3678794411714423).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.spherical_in` (real argument).
pub fn spherical_in(n: i64, x: f64, derivative: bool) -> f64 {
    if !derivative {
        return reflect(n, x, false, 1.0, sph_i);
    }
    reflect(n, x, true, 1.0, |n, z| {
        if n == 0 {
            return sph_i(1, z);
        }
        if z == 0.0 {
            return if n == 1 { 1.0 / 3.0 } else { 0.0 };
        }
        sph_i(n - 1, z) - (n + 1) as f64 * sph_i(n, z) / z
    })
}

/// Modified spherical Bessel function of the second kind kₙ(x), or its derivative kₙ'(x).
///
/// +inf at x = 0, NaN for n < 0; for x < 0 the real continuation
/// kₙ(-x) = -π iₙ(x) - (-1)ⁿ kₙ(x), NaN where it overflows (as SciPy's complex evaluation).
///
/// # Examples
///
/// ```
/// use sci_special::spherical_kn;
/// // k₀(x) = π e^(-x) / (2x)
/// assert!((spherical_kn(0, 1.0, false) - std::f64::consts::FRAC_PI_2 * (-1f64).exp()).abs() < 1e-15);
/// assert!((spherical_kn(0, -1.0, false) + 4.269867111336788).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.spherical_kn` (real argument).
pub fn spherical_kn(n: i64, x: f64, derivative: bool) -> f64 {
    if !derivative {
        return sph_k_any(n, x);
    }
    if n == 0 { -sph_k_any(1, x) } else { -sph_k_any(n - 1, x) - (n + 1) as f64 * sph_k_any(n, x) / x }
}
