//! Modified Bessel functions of the second kind, K_v(x), for real order and argument.
//!
//! K is even in the order. With v = μ + m, |μ| ≤ 1/2, K_μ and K_{μ+1} come from Temme's series
//! for x ≤ 2 and from Steed's continued fraction (CF2, Thompson–Barnett) for x > 2; forward
//! recurrence K_{ν+1} = (2ν/x) K_ν + K_{ν-1}, stable for K, then reaches the order. Orders
//! above 5000 use the uniform (Debye) asymptotic expansion through its u₃ term. SciPy evaluates K with AMOS; its range limits are reproduced: NaN for x or |v|
//! above 2³⁰ - 1/2 (AMOS gives up; `kv` first returns 0 where x > 710(1 + |v|)), +inf for
//! 0 < x < 1000 · 2.2e-308, and 0 for values below AMOS's underflow limit e^-700.92.

use std::f64::consts::PI;

/// Taylor coefficients of 1/Γ(1+z) about 0 (a₀ … a₂₉).
const RGAMMA1P: [f64; 30] = [
    1.0,
    0.5772156649015329,
    -0.6558780715202539,
    -0.04200263503409524,
    0.16653861138229148,
    -0.04219773455554433,
    -0.009621971527876973,
    0.0072189432466631,
    -0.0011651675918590652,
    -0.00021524167411495098,
    0.0001280502823881162,
    -2.013485478078824e-05,
    -1.2504934821426706e-06,
    1.133027231981696e-06,
    -2.056338416977607e-07,
    6.116095104481416e-09,
    5.002007644469223e-09,
    -1.18127457048702e-09,
    1.0434267116911005e-10,
    7.782263439905071e-12,
    -3.696805618642206e-12,
    5.100370287454476e-13,
    -2.0583260535665066e-14,
    -5.348122539423018e-15,
    1.2267786282382608e-15,
    -1.1812593016974588e-16,
    1.1866922547516004e-18,
    1.4123806553180319e-18,
    -2.29874568443537e-19,
    1.7144063219273374e-20,
];

/// Orders above which the Debye expansion (truncated after u₃, error ~u₄/v⁴) replaces the
/// recurrence.
const DEBYE_MIN_ORDER: f64 = 5000.0;

/// AMOS's limit on |z| and the order (half the largest 32-bit integer).
const AMOS_LIMIT: f64 = 1_073_741_823.5;

/// (Γ₁(μ), Γ₂(μ)) of Temme's method: Γ₁ = (1/Γ(1-μ) - 1/Γ(1+μ))/(2μ), Γ₂ = (1/Γ(1-μ) +
/// 1/Γ(1+μ))/2, from the even and odd parts of the Taylor series of 1/Γ(1+z).
fn temme_gammas(mu: f64) -> (f64, f64) {
    let m2 = mu * mu;
    let (mut odd, mut even) = (0.0, 0.0);
    for k in (0..15).rev() {
        even = even * m2 + RGAMMA1P[2 * k];
        odd = odd * m2 + RGAMMA1P[2 * k + 1];
    }
    (-odd, even)
}

/// (K_μ(x), K_{μ+1}(x)), multiplied by e^x when `scaled`, for |μ| ≤ 1/2 and finite x > 0.
fn k_pair(mu: f64, x: f64, scaled: bool) -> (f64, f64) {
    if x <= 2.0 {
        let (g1, g2) = temme_gammas(mu);
        let gampl = g2 - mu * g1; // 1/Γ(1+μ)
        let gammi = g2 + mu * g1; // 1/Γ(1-μ)
        let x2 = 0.5 * x;
        let pimu = PI * mu;
        let fact = if pimu.abs() < f64::EPSILON { 1.0 } else { pimu / pimu.sin() };
        let d = -x2.ln();
        let e = mu * d;
        let fact2 = if e.abs() < f64::EPSILON { 1.0 } else { e.sinh() / e };
        let mut ff = fact * (g1 * e.cosh() + g2 * fact2 * d);
        let mut sum = ff;
        let ee = e.exp();
        let mut p = 0.5 * ee / gampl;
        let mut q = 0.5 / (ee * gammi);
        let mut c = 1.0;
        let dd = x2 * x2;
        let mut sum1 = p;
        for i in 1..500 {
            let fi = f64::from(i);
            ff = (fi * ff + p + q) / (fi * fi - mu * mu);
            c *= dd / fi;
            p /= fi - mu;
            q /= fi + mu;
            let del = c * ff;
            sum += del;
            sum1 += c * (p - fi * ff);
            if del.abs() < sum.abs() * 1e-17 {
                break;
            }
        }
        let s = if scaled { x.exp() } else { 1.0 };
        (sum * s, sum1 * (2.0 / x) * s)
    } else {
        let mut b = 2.0 * (1.0 + x);
        let mut d = 1.0 / b;
        let mut h = d;
        let mut delh = d;
        let (mut q1, mut q2) = (0.0, 1.0);
        let a1 = 0.25 - mu * mu;
        let mut q = a1;
        let mut c = a1;
        let mut a = -a1;
        let mut s = 1.0 + q * delh;
        for i in 1..10_000 {
            let fi = f64::from(i);
            a -= 2.0 * fi;
            c = -a * c / (fi + 1.0);
            let qnew = (q1 - b * q2) / a;
            q1 = q2;
            q2 = qnew;
            q += c * qnew;
            b += 2.0;
            d = 1.0 / (b + a * d);
            delh *= b * d - 1.0;
            h += delh;
            let dels = q * delh;
            s += dels;
            if (dels / s).abs() < 1e-17 {
                break;
            }
        }
        h *= a1;
        let base = (PI / (2.0 * x)).sqrt() / s;
        let kmu = if scaled { base } else { base * (-x).exp() };
        (kmu, kmu * (mu + x + 0.5 - h) / x)
    }
}

/// Debye's uniform expansion of K_v(x) (e^x K_v(x) when `scaled`) for large v > 0.
fn k_debye(v: f64, x: f64, scaled: bool) -> f64 {
    let z = x / v;
    let r = z.hypot(1.0);
    let t = 1.0 / r;
    // η = √(1+z²) + ln(z/(1+√(1+z²))); the exponent -vη (+ x when scaled).
    // With the scaling, x - v√(1+z²) = -v²/(x + v√(1+z²)) avoids cancelling x.
    // -v ln(z/(1+√(1+z²))) = v asinh(1/z), without the cancellation of ln near 1.
    let log_part = v * (v / x).asinh();
    let expo = if scaled { -v * v / (x + v * r) + log_part } else { -v * r + log_part };
    let t2 = t * t;
    let u1 = t * (3.0 - 5.0 * t2) / 24.0;
    let u2 = t2 * (81.0 + t2 * (-462.0 + 385.0 * t2)) / 1152.0;
    let u3 = t * t2 * (30375.0 + t2 * (-369_603.0 + t2 * (765_765.0 - 425_425.0 * t2))) / 414_720.0;
    let series = 1.0 - u1 / v + u2 / (v * v) - u3 / (v * v * v);
    (PI / (2.0 * v)).sqrt() * t.sqrt() * expo.exp() * series
}

fn kv_impl(v: f64, x: f64, scaled: bool) -> f64 {
    if x == 0.0 {
        return f64::INFINITY;
    }
    if v.is_nan() || x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    let v = v.abs();
    if !scaled && x > 710.0 * (1.0 + v) {
        return 0.0;
    }
    if x > AMOS_LIMIT || v > AMOS_LIMIT {
        return f64::NAN;
    }
    if x < 1e3 * f64::MIN_POSITIVE {
        return f64::INFINITY;
    }
    if v > DEBYE_MIN_ORDER {
        return underflow(k_debye(v, x, scaled), scaled);
    }
    let m = (v + 0.5).floor();
    let mu = v - m;
    // K_{μ+m} after m - 1 steps from (K_μ, K_{μ+1}), for x > 2 on e^x K (no underflow for
    // large x), divided by 2^800 whenever it grows past 2^800 (`rescaled` counts them).
    let pre_scaled = scaled || x > 2.0;
    let (mut k0, mut k1) = k_pair(mu, x, pre_scaled);
    if m == 0.0 {
        k1 = k0;
    }
    let mut rescaled = 0;
    let two_over_x = 2.0 / x;
    const BIG: f64 = 6.668_014_432_879_854e240; // 2^800
    for i in 1..(m as u32) {
        let next = (mu + f64::from(i)) * two_over_x * k1 + k0;
        k0 = k1;
        k1 = next;
        if k1 > BIG {
            k0 /= BIG;
            k1 /= BIG;
            rescaled += 1;
        }
    }
    let mut k = k1;
    let unscale = !scaled && pre_scaled;
    if rescaled > 0 {
        // Near overflow: combine the factors in logarithms.
        let log =
            k.ln() + f64::from(rescaled) * 800.0 * std::f64::consts::LN_2 - if unscale { x } else { 0.0 };
        k = log.exp();
    } else if unscale {
        // e^-x in two halves: each stays normal where the product does.
        let h = (-0.5 * x).exp();
        k = k * h * h;
    }
    underflow(k, scaled)
}

/// AMOS's underflow limit ELIM = 2.303 (1021 log₁₀ 2 - 3): K below e^-ELIM is returned as 0.
const AMOS_ELIM: f64 = 700.921_793_694_445_9;

fn underflow(k: f64, scaled: bool) -> f64 {
    if !scaled && k.ln() < -AMOS_ELIM { 0.0 } else { k }
}

/// Modified Bessel function of the second kind of real order v, K_v(x).
///
/// Even in v; +inf at x = 0, NaN for x < 0, 0 at x = inf. As SciPy (AMOS): NaN for |v| or x
/// above about 1.07·10⁹ unless K_v(x) underflows (x > 710(1+|v|)), +inf for x < 2.2e-305.
///
/// # Examples
///
/// ```
/// use sci_special::kv;
/// assert!((kv(0.0, 0.5) - 0.9244190712276656).abs() < 1e-15);
/// assert!((kv(2.5, 0.5) - 20.425904466498487).abs() < 1e-13);
/// assert_eq!(kv(-2.5, 0.5), kv(2.5, 0.5));
/// assert_eq!(kv(1.0, 0.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.kv` (real argument).
pub fn kv(v: f64, x: f64) -> f64 {
    kv_impl(v, x, false)
}

/// Exponentially scaled modified Bessel function of the second kind, e^x K_v(x).
///
/// Same domain as [`kv`], except that at x = inf and for x above about 1.07·10⁹ the value is
/// NaN, as SciPy's.
///
/// # Examples
///
/// ```
/// use sci_special::kve;
/// assert!((kve(0.0, 30.0) - 0.22788666561625373).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.kve` (real argument).
pub fn kve(v: f64, x: f64) -> f64 {
    kv_impl(v, x, true)
}

/// Modified Bessel function of the second kind of integer order n, Kₙ(x) = K_|n|(x).
///
/// # Examples
///
/// ```
/// use sci_special::kn;
/// assert!((kn(31, 5.0) - 4.969739303360209e19).abs() < 1e6);
/// ```
///
/// SciPy equivalent: `scipy.special.kn`.
pub fn kn(n: i32, x: f64) -> f64 {
    kv(f64::from(n), x)
}

/// Modified Bessel function of the second kind of order 0, K₀(x).
///
/// # Examples
///
/// ```
/// use sci_special::k0;
/// assert!((k0(1e-300) - 690.8914594138721).abs() < 1e-12);
/// assert!(k0(-1.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.k0`.
pub fn k0(x: f64) -> f64 {
    if x.is_infinite() && x > 0.0 {
        return 0.0;
    }
    if x > 0.0 && x < 1e3 * f64::MIN_POSITIVE {
        // K₀(x) = -ln(x/2) - γ + O(x²) (SciPy's Cephes k0 is finite down to the subnormals).
        return -(0.5 * x).ln() - 0.577_215_664_901_532_9;
    }
    // Cephes' form e^-x · (e^x K₀(x)) beyond 2: down to the subnormals, without AMOS's
    // underflow cut.
    if x > 2.0 { (-x).exp() * k0e(x) } else { kv(0.0, x) }
}

/// Exponentially scaled K₀: e^x K₀(x).
///
/// # Examples
///
/// ```
/// use sci_special::k0e;
/// assert!((k0e(30.0) - 0.22788666561625373).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.k0e`.
pub fn k0e(x: f64) -> f64 {
    if x.is_infinite() && x > 0.0 {
        return 0.0;
    }
    if x > 0.0 && x < 1e3 * f64::MIN_POSITIVE {
        return -(0.5 * x).ln() - 0.577_215_664_901_532_9;
    }
    if x > AMOS_LIMIT {
        // e^x K₀(x) ~ √(π/(2x)) (1 - 1/(8x)): exact to rounding here.
        return (PI / (2.0 * x)).sqrt() * (1.0 - 0.125 / x);
    }
    kve(0.0, x)
}

/// Modified Bessel function of the second kind of order 1, K₁(x).
///
/// # Examples
///
/// ```
/// use sci_special::k1;
/// assert!((k1(1e-300) - 1e300).abs() < 1e285);
/// ```
///
/// SciPy equivalent: `scipy.special.k1`.
pub fn k1(x: f64) -> f64 {
    if x.is_infinite() && x > 0.0 {
        return 0.0;
    }
    if x > 0.0 && x < 1e3 * f64::MIN_POSITIVE {
        // Cephes' form ln(x/2) I₁(x) + c/x: NaN once x/2 underflows to 0 (as SciPy).
        return if 0.5 * x == 0.0 { f64::NAN } else { 1.0 / x };
    }
    if x > 2.0 { (-x).exp() * k1e(x) } else { kv(1.0, x) }
}

/// Exponentially scaled K₁: e^x K₁(x).
///
/// # Examples
///
/// ```
/// use sci_special::k1e;
/// assert!(k1e(0.0).is_infinite());
/// ```
///
/// SciPy equivalent: `scipy.special.k1e`.
pub fn k1e(x: f64) -> f64 {
    if x.is_infinite() && x > 0.0 {
        return 0.0;
    }
    if x > 0.0 && x < 1e3 * f64::MIN_POSITIVE {
        return if 0.5 * x == 0.0 { f64::NAN } else { 1.0 / x };
    }
    if x > AMOS_LIMIT {
        return (PI / (2.0 * x)).sqrt() * (1.0 + 0.375 / x);
    }
    kve(1.0, x)
}
