//! The limiting Kolmogorov distribution of √n·Dₙ (the two-sided Kolmogorov–Smirnov statistic),
//! the exact distribution of the one-sided statistic Dₙ⁺ (Smirnov), and their inverses.
//!
//! The survival function is summed from whichever of its two theta-function series converges
//! fastest: for x > 0.82, Q(x) = 2 Σ (-1)^(k-1) e^(-2k²x²); below, the CDF
//! P(x) = √(2π)/x Σ e^(-(2k-1)²π²/(8x²)), each needing only a handful of terms.

use std::f64::consts::PI;

/// Below this x the CDF series is used, above it the survival series.
const CUTOVER: f64 = 0.82;

/// (CDF, survival function, density) of the Kolmogorov distribution at x > 0.
fn kolmogorov_parts(x: f64) -> (f64, f64, f64) {
    if x <= CUTOVER {
        // P(x) = √(2π)/x Σ_{k≥1} w^((2k-1)²) with w = e^(-π²/(8x²))
        let logw = -PI * PI / (8.0 * x * x);
        let w = logw.exp();
        if w == 0.0 {
            return (0.0, 1.0, 0.0);
        }
        // Σ_k w^((2k-1)²) = w Σ_k w^((2k-1)² - 1); ds carries the factor (2k-1)² of the derivative
        let (mut s, mut ds) = (1.0, 1.0);
        let mut k = 1.0f64;
        loop {
            let m = (2.0 * k + 1.0) * (2.0 * k + 1.0);
            let t = (logw * (m - 1.0)).exp();
            if t < 1e-17 * s {
                break;
            }
            s += t;
            ds += m * t;
            k += 1.0;
        }
        let c = (2.0 * PI).sqrt() / x;
        let cdf = c * w * s;
        // d/dx [c w^m] = c w^m (m π²/(4x³) - 1/x)
        let pdf = c * w * (ds * PI * PI / (4.0 * x * x * x) - s / x);
        (cdf, 1.0 - cdf, pdf)
    } else {
        // Q(x) = 2 Σ_{k≥1} (-1)^(k-1) t^(k²) with t = e^(-2x²)
        let t = (-2.0 * x * x).exp();
        let (mut s, mut ds) = (0.0, 0.0);
        let mut k = 1.0f64;
        let mut sign = 1.0;
        loop {
            let term = t.powf(k * k);
            s += sign * term;
            ds += sign * k * k * term;
            if term < 1e-17 * s.abs() || term == 0.0 {
                break;
            }
            sign = -sign;
            k += 1.0;
        }
        let sf = 2.0 * s;
        // d/dx t^(k²) = -4x k² t^(k²)
        let pdf = 8.0 * x * ds;
        (1.0 - sf, sf, pdf)
    }
}

/// The survival function of the Kolmogorov distribution: the limit of
/// P(√n·Dₙ > x) for the two-sided Kolmogorov–Smirnov statistic Dₙ.
///
/// 1 for x ≤ 0, 0 at `inf`, NaN for NaN.
///
/// # Examples
///
/// ```
/// use sci_special::kolmogorov;
/// assert!((kolmogorov(1.0) - 0.26999967167735456).abs() < 1e-15);
/// assert!((kolmogorov(0.5) - 0.9639452436648751).abs() < 1e-15);
/// assert_eq!(kolmogorov(0.0), 1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.kolmogorov`.
pub fn kolmogorov(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    kolmogorov_parts(x).1
}

/// The inverse of [`kolmogorov`]: the x with `kolmogorov(x) = p`, for p in [0, 1] (`inf` at 0,
/// 0 at 1, NaN outside).
///
/// # Examples
///
/// ```
/// use sci_special::{kolmogi, kolmogorov};
/// assert!((kolmogi(0.05) - 1.3580986393225507).abs() < 1e-14);
/// assert!((kolmogorov(kolmogi(0.3)) - 0.3).abs() < 1e-15);
/// assert_eq!(kolmogi(1.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.kolmogi`.
pub fn kolmogi(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::INFINITY;
    }
    if p == 1.0 {
        return 0.0;
    }
    let q = 1.0 - p;
    // first guess: the leading term of either series
    let mut x = if p < 0.5 {
        (-0.5 * (0.5 * p).ln()).sqrt()
    } else {
        // P(x) ≈ √(2π)/x e^(-π²/(8x²)); ignoring the prefactor's variation
        let l = (q * (PI / 2.0).sqrt().recip() * 0.5).ln().min(-0.1);
        (PI * PI / (-8.0 * l)).sqrt()
    };
    let (mut lo, mut hi) = (0.0f64, f64::INFINITY);
    for _ in 0..200 {
        let (cdf, sf, pdf) = kolmogorov_parts(x);
        // solve with the smaller of the two tails for accuracy
        let f = if p < 0.5 { sf - p } else { q - cdf };
        if f == 0.0 {
            return x;
        }
        if f > 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        // Newton on ln Q in the upper tail (Q falls like e^(-2x²)), on P itself below
        let mut next = if pdf <= 0.0 {
            f64::NAN
        } else if p < 0.5 {
            x + (sf / p).ln() * sf / pdf
        } else {
            x + f / pdf
        };
        if !(next > lo && next < hi) {
            next = if hi.is_infinite() { 2.0 * x } else { 0.5 * (lo + hi) };
        }
        let done = (next - x).abs() <= 2.0 * f64::EPSILON * x;
        x = next;
        if done {
            break;
        }
    }
    x
}

/// (survival function, its derivative in d) of the one-sided statistic Dₙ⁺ for n ≥ 1 and
/// 0 < d < 1, from the exact Smirnov / Birnbaum–Tingey sum
/// P(Dₙ⁺ ≥ d) = d Σ_{j=0}^{⌊n(1-d)⌋} C(n, j) (1 - d - j/n)^(n-j) (d + j/n)^(j-1).
fn smirnov_parts(n: f64, d: f64) -> (f64, f64) {
    let jmax = (n * (1.0 - d)).floor().min(n);
    let mut s = 0.0;
    let mut ds = 0.0;
    let big = n > 1000.0;
    let ln_n1 = if big { crate::gamma::gammaln(n + 1.0) } else { 0.0 };
    let mut c = 1.0; // C(n, j), exact for n ≤ 1000 (below overflow)
    let mut j = 0.0;
    while j <= jmax {
        let a = (n - j) / n - d;
        let b = d + j / n;
        if a > 0.0 {
            let lt = (n - j) * a.ln() + (j - 1.0) * b.ln() + d.ln();
            let t = if j == 0.0 {
                // d · d^(-1) cancels (and would overflow at subnormal d)
                a.powf(n)
            } else if big {
                (ln_n1 - crate::gamma::gammaln(j + 1.0) - crate::gamma::gammaln(n - j + 1.0) + lt).exp()
            } else if lt > -700.0 {
                // powers directly (each correctly rounded to ~1 ulp) rather than exp of the
                // summed logarithms, which would lose |lt|·eps
                c * a.powf(n - j) * b.powf(j - 1.0) * d
            } else {
                // the power product alone would underflow: fold C(n, j) into the exponent
                (c.ln() + lt).exp()
            };
            s += t;
            ds += t * (1.0 / d - (n - j) / a + (j - 1.0) / b);
        }
        c *= (n - j) / (j + 1.0);
        j += 1.0;
    }
    (s, ds)
}

/// The survival function of the one-sided Kolmogorov–Smirnov statistic: P(Dₙ⁺ ≥ d) for a
/// sample of size n (truncated to an integer), exact for finite n.
///
/// 1 at d = 0, 0 for d ≥ 1; NaN for n < 1, d outside [0, 1] or NaN. The exact sum takes
/// O(n) operations; for n > 10⁶ only the case 2nd² > 745 (where the value underflows to 0) is
/// computed, other d give NaN.
///
/// # Examples
///
/// ```
/// use sci_special::smirnov;
/// assert!((smirnov(5.0, 0.3) - 0.34282).abs() < 1e-15);
/// assert!((smirnov(1.0, 0.25) - 0.75).abs() < 1e-16);
/// assert_eq!(smirnov(5.0, 0.0), 1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.smirnov`.
pub fn smirnov(n: f64, d: f64) -> f64 {
    if n.is_nan() || d.is_nan() || !(0.0..=1.0).contains(&d) {
        return f64::NAN;
    }
    let n = if n.abs() < 2_147_483_648.0 { n.trunc() } else { return f64::NAN };
    if n < 1.0 {
        return f64::NAN;
    }
    if d == 0.0 {
        return 1.0;
    }
    if d == 1.0 {
        return 0.0;
    }
    // P(Dₙ⁺ ≥ d) ≤ e^(-2nd²) (Massart): below the smallest subnormal it is 0
    if 2.0 * n * d * d > 745.2 {
        return 0.0;
    }
    if n > MAX_EXACT_N {
        return f64::NAN;
    }
    smirnov_parts(n, d).0
}

/// The exact sum costs O(n); larger n (where SciPy switches to an asymptotic expansion) are
/// not supported yet.
const MAX_EXACT_N: f64 = 1e6;

/// The inverse of [`smirnov`] in d: the d with `smirnov(n, d) = p` (n ≤ 10⁶, NaN above).
///
/// # Examples
///
/// ```
/// use sci_special::{smirnov, smirnovi};
/// let d = smirnovi(5.0, 0.34282);
/// assert!((smirnov(5.0, d) - 0.34282).abs() < 1e-15);
/// assert!((d - 0.3).abs() < 1e-14);
/// assert_eq!(smirnovi(5.0, 1.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.smirnovi`.
pub fn smirnovi(n: f64, p: f64) -> f64 {
    if n.is_nan() || p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    let n = if n.abs() < 2_147_483_648.0 { n.trunc() } else { return f64::NAN };
    if n < 1.0 {
        return f64::NAN;
    }
    if p == 1.0 {
        return 0.0;
    }
    if p == 0.0 {
        return 1.0;
    }
    if n > MAX_EXACT_N {
        return f64::NAN;
    }
    // first guess from the limit P(Dₙ⁺ ≥ d) ≈ e^(-2nd²), then safeguarded Newton
    let mut x = ((-p.ln()) / (2.0 * n)).sqrt().clamp(1e-3, 1.0 - 1e-3);
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..200 {
        let (s, ds) = smirnov_parts(n, x);
        let f = s - p;
        if f == 0.0 {
            return x;
        }
        if f > 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        // Newton on ln S in the tail (S falls like (1-d)^n or e^(-2nd²)), on S itself above
        let mut next = if ds >= 0.0 || s <= 0.0 {
            f64::NAN
        } else if p < 0.5 {
            x - (s / p).ln() * s / ds
        } else {
            x - f / ds
        };
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        let done = (next - x).abs() <= 2.0 * f64::EPSILON * x;
        x = next;
        if done {
            break;
        }
    }
    x
}
