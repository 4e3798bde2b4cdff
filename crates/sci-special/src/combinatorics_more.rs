//! Multifactorials, Stirling numbers of the second kind, the multivariate log-gamma function,
//! polygamma, and the Bernoulli and Euler numbers.

use sci_array::ndarray::Array1;

use crate::{Result, SpecialError, binom, digamma, gamma, gammaln, lambertw, zeta_q};

/// The largest count of numbers [`bernoulli`] and [`euler`] return (beyond n ≈ 260 and
/// n ≈ 190 all of them overflow to ±inf anyway).
const MAX_NUMBERS: i64 = 1 << 24;

/// The multifactorial n(!k) = n (n-k) (n-2k) ⋯ for integer n, in floating point through the
/// gamma function, as SciPy's `exact=False`; 0 for n < 0, 1 for n = 0 and 1.
fn multifactorial(n: i64, k: i64) -> f64 {
    if n < 0 {
        return 0.0;
    }
    if n <= 1 {
        return 1.0;
    }
    if k == 1 {
        return gamma(n as f64 + 1.0);
    }
    let r = n % k;
    let (nf, kf, rf) = (n as f64, k as f64, r as f64);
    kf.powf((n - r) as f64 / kf) * gamma(nf / kf + 1.0) / gamma(rf / kf + 1.0) * rf.max(1.0)
}

/// The double factorial n!! = n (n-2) (n-4) ⋯ of an integer in floating point (through the
/// gamma function, so a few ulp from the exact integer); 0 for n < 0, `inf` beyond n = 300.
///
/// # Examples
///
/// ```
/// use sci_special::factorial2;
/// assert!((factorial2(7) - 105.0).abs() < 1e-12);
/// assert_eq!(factorial2(-3), 0.0);
/// assert_eq!(factorial2(0), 1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.factorial2(n, exact=False)` for integer `n` (the default
/// `extend='zero'`; SciPy rejects non-integer `n` there, which an `i64` cannot be).
pub fn factorial2(n: i64) -> f64 {
    multifactorial(n, 2)
}

/// The multifactorial n(!k) = n (n-k) (n-2k) ⋯ of an integer in floating point; 0 for n < 0.
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `k < 1`.
///
/// # Examples
///
/// ```
/// use sci_special::factorialk;
/// assert!((factorialk(10, 3)? - 280.0).abs() < 1e-12);
/// assert_eq!(factorialk(-5, 3)?, 0.0);
/// assert!(factorialk(5, 0).is_err());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.factorialk(n, k, exact=False)` for integer `n`.
pub fn factorialk(n: i64, k: i64) -> Result<f64> {
    if k < 1 {
        return Err(SpecialError::InvalidValue {
            arg: "k",
            reason: format!("k must be a positive integer, got {k}"),
        });
    }
    Ok(multifactorial(n, k))
}

/// The logarithm of the multivariate gamma function of dimension `d`,
/// ln Γ_d(a) = d(d-1)/4 ln π + Σ_{j=1..d} ln Γ(a - (j-1)/2).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `a ≤ (d-1)/2` (a NaN `a` passes the check and gives NaN,
/// as in SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::{gammaln, multigammaln};
/// assert!((multigammaln(3.0, 1)? - gammaln(3.0)).abs() < 1e-15);
/// assert!((multigammaln(3.0, 3)? - 2.694924879806965).abs() < 1e-14);
/// assert!(multigammaln(0.5, 2).is_err());
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.multigammaln`.
pub fn multigammaln(a: f64, d: u32) -> Result<f64> {
    let half = 0.5 * (f64::from(d) - 1.0);
    if a <= half {
        return Err(SpecialError::InvalidValue {
            arg: "a",
            reason: format!("condition a ({a}) > 0.5 * (d-1) ({half}) not met"),
        });
    }
    let df = f64::from(d);
    let mut sum = 0.0;
    for j in 1..=d {
        sum += gammaln(a - (f64::from(j) - 1.0) / 2.0);
    }
    Ok(df * (df - 1.0) * 0.25 * std::f64::consts::PI.ln() + sum)
}

/// The polygamma function ψ⁽ⁿ⁾(x), the n-th derivative of the digamma function:
/// ψ(x) for n = 0, (-1)^{n+1} n! ζ(n+1, x) above (NaN for non-integer n).
///
/// # Examples
///
/// ```
/// use sci_special::polygamma;
/// assert!((polygamma(1.0, 1.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-15);
/// assert!((polygamma(0.0, 1.0) + 0.5772156649015329).abs() < 1e-15);
/// assert!((polygamma(2.0, 1.0) + 2.4041138063191885).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.polygamma`.
pub fn polygamma(n: f64, x: f64) -> f64 {
    if n == 0.0 {
        return digamma(x);
    }
    (-1f64).powf(n + 1.0) * gamma(n + 1.0) * zeta_q(n + 1.0, x)
}

/// Checks the count of numbers for [`bernoulli`] and [`euler`].
fn number_count(n: i64) -> Result<usize> {
    if n < 0 {
        return Err(SpecialError::InvalidValue {
            arg: "n",
            reason: format!("n must be a non-negative integer, got {n}"),
        });
    }
    if n >= MAX_NUMBERS {
        return Err(SpecialError::InvalidValue {
            arg: "n",
            reason: format!("n must be below {MAX_NUMBERS}, got {n}"),
        });
    }
    Ok(n as usize)
}

/// The Bernoulli numbers B₀ … Bₙ (with B₁ = -1/2), from B_{2m} = (-1)^{m+1} 2 (2m)! ζ(2m) / (2π)^{2m}
/// (Zhang & Jin's `BERNOB`, as SciPy).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n < 0` (or n ≥ 2²⁴).
///
/// # Examples
///
/// ```
/// use sci_special::bernoulli;
/// let b = bernoulli(4)?;
/// assert_eq!(b.len(), 5);
/// assert_eq!(b[1], -0.5);
/// // SciPy sums ζ(4) only to terms of 1e-15: -1/30 to 2e-12.
/// assert_eq!(b[4], -0.033333333333275914);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.bernoulli`.
pub fn bernoulli(n: i64) -> Result<Array1<f64>> {
    let n = number_count(n)?;
    let len = n.max(2) + 1;
    let mut b = vec![0.0; len];
    b[0] = 1.0;
    b[1] = -0.5;
    b[2] = 1.0 / 6.0;
    let tpi = 2.0 * std::f64::consts::PI;
    let mut r1 = (2.0 / tpi) * (2.0 / tpi);
    let mut m = 4;
    while m < len {
        let mf = m as f64;
        r1 = -r1 * (mf - 1.0) * mf / (tpi * tpi);
        // ζ(m) summed until the terms drop below 1e-15.
        let mut r2 = 1.0;
        for k in 2..=10_000 {
            let s = (1.0 / f64::from(k)).powf(mf);
            r2 += s;
            if s < 1e-15 {
                break;
            }
        }
        b[m] = r1 * r2;
        m += 2;
    }
    b.truncate(n + 1);
    Ok(Array1::from(b))
}

/// The Euler numbers E₀ … Eₙ (1, 0, -1, 0, 5, 0, -61, ...), from
/// E_{2m} = (-1)^m 2^{2m+2} (2m)! β(2m+1) / π^{2m+1} (Zhang & Jin's `EULERB`, as SciPy).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n < 0` (or n ≥ 2²⁴).
///
/// # Examples
///
/// ```
/// use sci_special::euler;
/// let e = euler(6)?;
/// assert_eq!(e.len(), 7);
/// assert!((e[6] + 61.0).abs() < 1e-12);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.euler`.
pub fn euler(n: i64) -> Result<Array1<f64>> {
    let n = number_count(n)?;
    let len = n.max(2) + 1;
    let mut e = vec![0.0; len];
    e[0] = 1.0;
    e[2] = -1.0;
    let hpi = 2.0 / std::f64::consts::PI;
    let mut r1 = -4.0 * hpi * hpi * hpi;
    let mut m = 4;
    while m < len {
        let mf = m as f64;
        r1 = -r1 * (mf - 1.0) * mf * hpi * hpi;
        // Dirichlet's β(m+1) summed until the terms drop below 1e-15.
        let mut r2 = 1.0;
        let mut sign = 1.0;
        let mut k = 3;
        while k <= 1000 {
            sign = -sign;
            let s = (1.0 / f64::from(k)).powf(mf + 1.0);
            r2 += sign * s;
            if s < 1e-15 {
                break;
            }
            k += 2;
        }
        e[m] = r1 * r2;
        m += 2;
    }
    e.truncate(n + 1);
    Ok(Array1::from(e))
}

/// S(n, k) by the recurrence S(i+1, j) = j S(i, j) + S(i, j-1) in floating point, along the
/// shorter of the two directions of the table (n ≤ 50).
fn stirling2_table(n: i64, k: i64) -> f64 {
    if (n == 0 && k == 0) || (n == 1 && k == 1) {
        return 1.0;
    }
    if k <= 0 || k > n || n < 0 {
        return 0.0;
    }
    let m = n - k + 1;
    let mut row = vec![1.0; k.min(m) as usize];
    if k <= m {
        for _ in 1..m {
            for j in 1..row.len() {
                row[j] = (j as f64 + 1.0) * row[j] + row[j - 1];
            }
        }
    } else {
        for i in 1..k {
            for j in 1..row.len() {
                row[j] += (i as f64 + 1.0) * row[j - 1];
            }
        }
    }
    row[row.len() - 1]
}

/// Temme's (1993) uniform asymptotic estimate of S(n, k) with its second-order correction
/// (n > 50), the saddle point x₀ = W₀(-e^{-1/μ}/μ) + 1/μ for μ = k/n.
fn stirling2_temme(n: f64, k: f64) -> f64 {
    if (n == k && n >= 0.0) || (n > 0.0 && k == 1.0) {
        return 1.0;
    }
    if k <= 0.0 || k > n || n < 0.0 {
        return 0.0;
    }
    let mu = k / n;
    let d = (-1.0 / mu).exp() / mu;
    let x0 = lambertw(-d, 0) + 1.0 / mu;
    let t0 = 1.0 / mu - 1.0;
    let f = (t0 / ((1.0 + t0) * (x0 - t0))).sqrt();
    let a = -n * x0.ln() + k * (x0.exp() - 1.0).ln() - k * t0 + (n - k) * t0.ln();
    let xt = x0 * t0;
    let t3 = t0 * t0 * t0;
    let mut num = -2.0 * x0 * x0 * x0;
    num += ((t0 + 2.0) * t0 + 2.0) * (2.0 * t3);
    num += (-6.0 * t3 + (8.0 * t0 - 6.0 * x0 - 5.0) * xt + ((2.0 * x0 + 1.0) * x0 + 3.0) * x0) * xt;
    let dx = x0 - t0;
    let den = 24.0 * f * (1.0 + t0) * (1.0 + t0) * dx * dx * dx * dx;
    let f1 = num / den;
    a.exp() * k.powf(n - k) * binom(n, k) * (f - f1 / k)
}

/// The Stirling number of the second kind S(n, k), the number of partitions of n things into
/// k non-empty subsets, in floating point: 0 unless 0 ≤ k ≤ n (S(0, 0) = 1). For n ≤ 50 it
/// is the recurrence in floating point (exact while below 2⁵³); above, Temme's second-order
/// asymptotic estimate, as SciPy (a relative error of about 1e-6 or less).
///
/// # Examples
///
/// ```
/// use sci_special::stirling2;
/// assert_eq!(stirling2(5, 2), 15.0);
/// assert_eq!(stirling2(10, 4), 34105.0);
/// assert_eq!(stirling2(3, 5), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.stirling2(N, K, exact=False)`.
pub fn stirling2(n: i64, k: i64) -> f64 {
    if n <= 50 { stirling2_table(n, k) } else { stirling2_temme(n as f64, k as f64) }
}
