//! Elementary functions with extra accuracy or SciPy-specific edge behaviour: cube root,
//! powers of 10 and 2, `expm1`/`log1p`/`cosm1`/`powm1`, trigonometry in degrees, rounding
//! half to even, `sinc`, `softplus`, the arithmetic-geometric mean and the Dirichlet kernel.

use crate::elliptic::ellipkm1;

/// π/180, the nearest double.
const PI180: f64 = 0.017_453_292_519_943_295;

/// π/648000: radians per arc second.
const P64800: f64 = 4.848_136_811_095_36e-6;

/// Above this many degrees the trigonometric functions give up (the reduction has no digits left)
/// and return 0, as SciPy's Cephes code does.
const LOSSTH: f64 = 1.0e14;

/// The real cube root.
///
/// # Examples
///
/// ```
/// use sci_special::cbrt;
/// assert_eq!(cbrt(27.0), 3.0);
/// assert_eq!(cbrt(-8.0), -2.0);
/// ```
///
/// SciPy equivalent: `scipy.special.cbrt`.
pub fn cbrt(x: f64) -> f64 {
    x.cbrt()
}

/// `10**x` (0 below `-log10(f64::MAX)` = -308.25..., as SciPy's Cephes code).
///
/// # Examples
///
/// ```
/// use sci_special::exp10;
/// assert_eq!(exp10(3.0), 1000.0);
/// assert_eq!(exp10(f64::NEG_INFINITY), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.exp10`.
pub fn exp10(x: f64) -> f64 {
    // Cephes flushes to 0 below -log10(DBL_MAX) rather than going subnormal all the way.
    if x < -308.254_715_559_916_75 { 0.0 } else { 10f64.powf(x) }
}

/// `2**x` (0 below -1024, as SciPy's Cephes code).
///
/// # Examples
///
/// ```
/// use sci_special::exp2;
/// assert_eq!(exp2(10.0), 1024.0);
/// assert_eq!(exp2(-1.0), 0.5);
/// ```
///
/// SciPy equivalent: `scipy.special.exp2`.
pub fn exp2(x: f64) -> f64 {
    // Cephes flushes to 0 below -1024.
    if x < -1024.0 { 0.0 } else { x.exp2() }
}

/// `exp(x) - 1`, accurate for tiny `x`.
///
/// # Examples
///
/// ```
/// use sci_special::expm1;
/// assert_eq!(expm1(1e-20), 1e-20);
/// assert_eq!(expm1(f64::NEG_INFINITY), -1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.expm1` (real argument).
pub fn expm1(x: f64) -> f64 {
    if x != 0.0 && x.abs() < f64::MIN_POSITIVE {
        // SciPy's rational form halves a subnormal x and doubles it back, rounding to even.
        let h = x / (2.0 - x);
        return h + h;
    }
    x.exp_m1()
}

/// `ln(1 + x)`, accurate for tiny `x`; `-inf` at -1 and NaN below.
///
/// # Examples
///
/// ```
/// use sci_special::log1p;
/// assert_eq!(log1p(1e-20), 1e-20);
/// assert_eq!(log1p(-1.0), f64::NEG_INFINITY);
/// assert!(log1p(-2.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.log1p` (real argument).
pub fn log1p(x: f64) -> f64 {
    x.ln_1p()
}

/// `cos(x) - 1`, accurate for small `x` (a polynomial in x² for |x| ≤ π/4).
///
/// # Examples
///
/// ```
/// use sci_special::cosm1;
/// assert_eq!(cosm1(1e-10), -5.0000000000000005e-21);
/// assert!((cosm1(std::f64::consts::PI) + 2.0).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.cosm1`.
pub fn cosm1(x: f64) -> f64 {
    if x.abs() > std::f64::consts::FRAC_PI_4 {
        x.cos() - 1.0
    } else {
        // -x²/2 + x⁴ P(x²), P the minimax fit of (cos x - 1 + x²/2)/x⁴ on [0, π/4] (Cephes').
        const P: [f64; 7] = [
            4.737_750_796_424_621e-14,
            -1.147_028_484_342_536e-11,
            2.087_675_428_708_152e-9,
            -2.755_731_921_499_979e-7,
            2.480_158_730_157_055e-5,
            -1.388_888_888_888_887_2e-3,
            4.166_666_666_666_666_4e-2,
        ];
        let xx = x * x;
        let p = P.iter().fold(0.0, |acc, &c| acc * xx + c);
        -0.5 * xx + xx * xx * p
    }
}

/// `x**y - 1`, accurate when `x**y` is close to 1. `0**y` is `inf` for `y < 0`; a negative
/// `x` needs a finite integral `y` (NaN otherwise); `x**0 - 1` and `1**y - 1` are 0 for every
/// other argument, NaN included. Where `x**y` overflows with `y < 0` (a base below 1) SciPy
/// returns 0, and so does this function.
///
/// # Examples
///
/// ```
/// use sci_special::powm1;
/// assert_eq!(powm1(2.0, 3.0), 7.0);
/// assert!((powm1(1.0 + 1e-12, 2.0) - 2.0001778011656825e-12).abs() < 1e-27);
/// assert!(powm1(-2.0, 0.5).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.powm1`.
pub fn powm1(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 0.0;
    }
    if x == 0.0 {
        if y < 0.0 {
            return f64::INFINITY;
        } else if y > 0.0 {
            return -1.0;
        }
    }
    if x < 0.0 && (y.trunc() != y || y.is_infinite()) {
        return f64::NAN;
    }
    let r = powm1_core(x, y);
    // SciPy answers an overflow as `pow` would for |x| > 1: 0 when y < 0, whatever x is.
    if r.is_infinite() && y < 0.0 { 0.0 } else { r }
}

/// `x**y - 1` once the special cases are out of the way: through `expm1(y ln x)` when the
/// result is small, through `pow` otherwise (even powers of negative bases through `-x`).
fn powm1_core(x: f64, y: f64) -> f64 {
    if !x.is_sign_negative() {
        if (y * (x - 1.0)).abs() < 0.5 || y.abs() < 0.2 {
            let l = y * x.ln();
            if l < 0.5 {
                return l.exp_m1();
            }
            if l > 709.782_712_893_384 {
                return f64::INFINITY;
            }
        }
    } else if x < 0.0 && (y / 2.0).trunc() == y / 2.0 {
        return powm1_core(-x, y);
    }
    x.powf(y) - 1.0
}

/// Degrees, arc minutes and arc seconds to radians.
///
/// # Examples
///
/// ```
/// use sci_special::radian;
/// assert!((radian(90.0, 0.0, 0.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
/// assert!((radian(0.0, 60.0, 0.0) - radian(1.0, 0.0, 0.0)).abs() < 1e-18);
/// ```
///
/// SciPy equivalent: `scipy.special.radian`.
pub fn radian(d: f64, m: f64, s: f64) -> f64 {
    (60.0 * (60.0 * d + m) + s) * P64800
}

/// Reduces `|x|` degrees to an octant: returns (j, z) with `|x| = 45 y + z/π180`,
/// j = y mod 8 (rounded up to even), z in radians in [-π/4, π/4].
fn octant(x: f64) -> (u32, f64) {
    let mut y = (x / 45.0).floor();
    let mut j = (y - 16.0 * (y / 16.0).floor()) as u32;
    if j & 1 == 1 {
        j += 1;
        y += 1.0;
    }
    (j & 7, (x - y * 45.0) * PI180)
}

/// The sine of an angle in degrees, exact at multiples of 90°; 0 beyond 1e14 degrees.
///
/// # Examples
///
/// ```
/// use sci_special::sindg;
/// assert_eq!(sindg(90.0), 1.0);
/// assert_eq!(sindg(180.0), 0.0);
/// assert!((sindg(30.0) - 0.5).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.sindg`.
pub fn sindg(x: f64) -> f64 {
    let (mut sign, a) = if x < 0.0 { (-1.0, -x) } else { (1.0, x) };
    if a > LOSSTH {
        return 0.0;
    }
    let (mut j, z) = octant(a);
    if j > 3 {
        sign = -sign;
        j -= 4;
    }
    let v = if j == 1 || j == 2 { z.cos() } else { z.sin() };
    sign * v
}

/// The cosine of an angle in degrees, exact at multiples of 90°; 0 beyond 1e14 degrees.
///
/// # Examples
///
/// ```
/// use sci_special::cosdg;
/// assert_eq!(cosdg(90.0), 0.0);
/// assert_eq!(cosdg(180.0), -1.0);
/// assert!((cosdg(60.0) - 0.5).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.cosdg`.
pub fn cosdg(x: f64) -> f64 {
    let a = x.abs();
    if a > LOSSTH {
        return 0.0;
    }
    let (mut j, z) = octant(a);
    let mut sign = 1.0;
    if j > 3 {
        j -= 4;
        sign = -sign;
    }
    if j > 1 {
        sign = -sign;
    }
    let v = if j == 1 || j == 2 { z.sin() } else { z.cos() };
    sign * v
}

/// Tangent (`cot = false`) or cotangent (`cot = true`) of `x` degrees.
fn tancot(x: f64, cot: bool) -> f64 {
    let (mut sign, mut a) = if x < 0.0 { (-1.0, -x) } else { (1.0, x) };
    if a > LOSSTH {
        return 0.0;
    }
    a -= 180.0 * (a / 180.0).floor();
    if cot {
        if a <= 90.0 {
            a = 90.0 - a;
        } else {
            a -= 90.0;
            sign = -sign;
        }
    } else if a > 90.0 {
        a = 180.0 - a;
        sign = -sign;
    }
    if a == 0.0 {
        0.0
    } else if a == 45.0 {
        sign
    } else if a == 90.0 {
        f64::INFINITY
    } else {
        sign * (a * PI180).tan()
    }
}

/// The tangent of an angle in degrees: exactly ±1 at odd multiples of 45°, `inf` at odd
/// multiples of 90° (of either sign), 0 beyond 1e14 degrees.
///
/// # Examples
///
/// ```
/// use sci_special::tandg;
/// assert_eq!(tandg(45.0), 1.0);
/// assert_eq!(tandg(-45.0), -1.0);
/// assert_eq!(tandg(90.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.tandg`.
pub fn tandg(x: f64) -> f64 {
    tancot(x, false)
}

/// The cotangent of an angle in degrees: `inf` at multiples of 180°, 0 at odd multiples of 90°.
///
/// # Examples
///
/// ```
/// use sci_special::cotdg;
/// assert_eq!(cotdg(45.0), 1.0);
/// assert_eq!(cotdg(90.0), 0.0);
/// assert_eq!(cotdg(0.0), f64::INFINITY);
/// ```
///
/// SciPy equivalent: `scipy.special.cotdg`.
pub fn cotdg(x: f64) -> f64 {
    tancot(x, true)
}

/// Rounds to the nearest integer, halves to the even neighbour (`round(2.5) = 2`).
///
/// # Examples
///
/// ```
/// use sci_special::round;
/// assert_eq!(round(2.5), 2.0);
/// assert_eq!(round(3.5), 4.0);
/// assert_eq!(round(-1.7), -2.0);
/// ```
///
/// SciPy equivalent: `scipy.special.round`.
pub fn round(x: f64) -> f64 {
    let y = x.floor();
    let r = x - y;
    if r > 0.5 || (r == 0.5 && y - 2.0 * (0.5 * y).floor() == 1.0) { y + 1.0 } else { y }
}

/// The normalized sinc function `sin(πx)/(πx)`, 1 at 0 (NumPy's `sinc`).
///
/// # Examples
///
/// ```
/// use sci_special::sinc;
/// assert_eq!(sinc(0.0), 1.0);
/// assert!(sinc(1.0).abs() < 1e-16);
/// assert!((sinc(0.5) - 2.0 / std::f64::consts::PI).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.sinc` (`numpy.sinc`).
pub fn sinc(x: f64) -> f64 {
    let y = std::f64::consts::PI * if x == 0.0 { 1.0e-20 } else { x };
    y.sin() / y
}

/// The softplus function `ln(1 + exp(x))`, NumPy's `logaddexp(0, x)`.
///
/// # Examples
///
/// ```
/// use sci_special::softplus;
/// assert_eq!(softplus(0.0), std::f64::consts::LN_2);
/// assert_eq!(softplus(1000.0), 1000.0);
/// assert_eq!(softplus(-1000.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.softplus`.
pub fn softplus(x: f64) -> f64 {
    if x == 0.0 {
        return std::f64::consts::LN_2;
    }
    let t = -x;
    if t > 0.0 {
        x.exp().ln_1p()
    } else if t <= 0.0 {
        x + t.exp().ln_1p()
    } else {
        t
    }
}

/// The arithmetic-geometric mean of `a` and `b` (both of the same sign; NaN for opposite
/// signs and for `0` with `inf`).
///
/// # Examples
///
/// ```
/// use sci_special::agm;
/// assert!((agm(24.0, 6.0) - 13.458171481725614).abs() < 1e-13);
/// assert_eq!(agm(3.0, 3.0), 3.0);
/// assert!(agm(-1.0, 2.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.agm`.
pub fn agm(a: f64, b: f64) -> f64 {
    const BIG: f64 = 9.480_751_908_109_176e153;
    const SMALL: f64 = 1.054_768_661_486_3e-154;
    if a.is_nan() || b.is_nan() || (a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0) {
        return f64::NAN;
    }
    if (a.is_infinite() || b.is_infinite()) && (a == 0.0 || b == 0.0) {
        return f64::NAN;
    }
    if a == 0.0 || b == 0.0 {
        return 0.0;
    }
    if a == b {
        return a;
    }
    let (sgn, a, b) = if a < 0.0 { (-1.0, -a, -b) } else { (1.0, a, b) };
    if SMALL < a && a < BIG && SMALL < b && b < BIG {
        let e = 4.0 * a * b / ((a + b) * (a + b));
        return sgn * std::f64::consts::FRAC_PI_4 * (a + b) / ellipkm1(e);
    }
    let (mut a, mut b) = (a, b);
    let mut mean = 0.5 * a + 0.5 * b;
    let mut count = 20;
    while count > 0 && mean != a && mean != b {
        let g = a.sqrt() * b.sqrt();
        a = mean;
        b = g;
        mean = 0.5 * a + 0.5 * b;
        count -= 1;
    }
    sgn * mean
}

/// The periodic sinc (Dirichlet) function `sin(n x/2) / (n sin(x/2))` for a positive integer
/// `n` (NaN otherwise, and for non-finite `x` or `n`); ±1 where `sin(x/2)` is below 1e-7 in magnitude.
///
/// # Examples
///
/// ```
/// use sci_special::diric;
/// assert_eq!(diric(0.0, 3.0), 1.0);
/// assert_eq!(diric(2.0 * std::f64::consts::PI, 4.0), -1.0);
/// assert!((diric(1.0, 3.0) - 0.6935348705787598).abs() < 1e-15);
/// assert!(diric(1.0, 2.5).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.diric`.
pub fn diric(x: f64, n: f64) -> f64 {
    // SciPy broadcasts with `x + (n - n)` and `n + (x - x)`: a non-finite argument makes both NaN.
    if !x.is_finite() || !n.is_finite() || n <= 0.0 || n != n.floor() {
        return f64::NAN;
    }
    let h = x / 2.0;
    let d = h.sin();
    if d.abs() < 1e-7 {
        let k = (h / std::f64::consts::PI).round_ties_even() * (n - 1.0);
        return (-1f64).powf(k);
    }
    (n * h).sin() / (n * d)
}
