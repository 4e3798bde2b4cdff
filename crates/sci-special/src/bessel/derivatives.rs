//! n-th derivatives of the Bessel functions with respect to the argument.
//!
//! The derivatives are finite sums of the functions themselves at orders v - n, v - n + 2, …,
//! v + n (Abramowitz & Stegun 9.1.31 and 9.6.29): for J and Y,
//! f⁽ⁿ⁾ = 2⁻ⁿ Σₖ (-1)ᵏ C(n, k) f_{v-n+2k}; for I the same sum without the signs; for K the
//! unsigned sum times (-1)ⁿ. This is also how SciPy evaluates them.

use super::{iv, jv, kv, yv};

/// 2⁻ⁿ Σₖ phaseᵏ C(n, k) f(v - n + 2k, z), accumulated in SciPy's order.
fn diff_formula(v: f64, z: f64, n: u32, f: fn(f64, f64) -> f64, phase: f64) -> f64 {
    let nf = f64::from(n);
    let mut p = 1.0;
    let mut s = f(v - nf, z);
    for i in 1..=n {
        let fi = f64::from(i);
        p = phase * (p * (nf - fi + 1.0)) / fi;
        s += p * f(v - nf + 2.0 * fi, z);
    }
    s / 2f64.powi(n as i32)
}

/// n-th derivative of the Bessel function of the first kind, dⁿJ_v(z)/dzⁿ (n = 0 gives J_v).
///
/// # Examples
///
/// ```
/// use sci_special::{j1, jvp};
/// // J₀' = -J₁
/// assert!((jvp(0.0, 2.0, 1) + j1(2.0)).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.jvp` (real argument; `n` defaults to 1 in SciPy).
pub fn jvp(v: f64, z: f64, n: u32) -> f64 {
    if n == 0 { jv(v, z) } else { diff_formula(v, z, n, jv, -1.0) }
}

/// n-th derivative of the Bessel function of the second kind, dⁿY_v(z)/dzⁿ.
///
/// # Examples
///
/// ```
/// use sci_special::{y1, yvp};
/// // Y₀' = -Y₁
/// assert!((yvp(0.0, 2.0, 1) + y1(2.0)).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.yvp` (real argument).
pub fn yvp(v: f64, z: f64, n: u32) -> f64 {
    if n == 0 { yv(v, z) } else { diff_formula(v, z, n, yv, -1.0) }
}

/// n-th derivative of the modified Bessel function of the first kind, dⁿI_v(z)/dzⁿ.
///
/// # Examples
///
/// ```
/// use sci_special::{i1, ivp};
/// // I₀' = I₁
/// assert!((ivp(0.0, 2.0, 1) - i1(2.0)).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.ivp` (real argument).
pub fn ivp(v: f64, z: f64, n: u32) -> f64 {
    if n == 0 { iv(v, z) } else { diff_formula(v, z, n, iv, 1.0) }
}

/// n-th derivative of the modified Bessel function of the second kind, dⁿK_v(z)/dzⁿ.
///
/// # Examples
///
/// ```
/// use sci_special::{k1, kvp};
/// // K₀' = -K₁
/// assert!((kvp(0.0, 2.0, 1) + k1(2.0)).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.kvp` (real argument).
pub fn kvp(v: f64, z: f64, n: u32) -> f64 {
    if n == 0 {
        kv(v, z)
    } else {
        let sign = if n % 2 == 0 { 1.0 } else { -1.0 };
        sign * diff_formula(v, z, n, kv, 1.0)
    }
}
