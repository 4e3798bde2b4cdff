//! Kolmogorov-Smirnov goodness-of-fit tests.

use crate::Alternative;
use crate::distributions::ContinuousDistribution;
use crate::error::{Result, check_len};
use crate::kolmogorov::{kolmogn, kolmogorov, smirnov};
use ndarray::{ArrayBase, Data, Ix1};

/// How the p-value of a Kolmogorov-Smirnov test is computed (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KsMethod {
    /// SciPy's default: `Exact` for the one-sample test.
    #[default]
    Auto,
    /// The exact distribution of the statistic (`kstwo`).
    Exact,
    /// Twice the one-sided p-value.
    Approx,
    /// The limiting Kolmogorov distribution of √n D.
    Asymp,
}

/// The result of a Kolmogorov-Smirnov test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KstestResult {
    /// The statistic D (D⁺ or D⁻ for the one-sided alternatives).
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
    /// The observation at which the statistic is attained.
    pub statistic_location: f64,
    /// +1 when the empirical CDF is above the hypothesized one there, -1 when below.
    pub statistic_sign: i8,
}

/// The one-sample Kolmogorov-Smirnov test of a sample against a continuous CDF.
///
/// D⁺ = max(i/n - F(x₍ᵢ₎)), D⁻ = max(F(x₍ᵢ₎) - (i-1)/n), D = max(D⁺, D⁻). The two-sided p-value
/// comes from the exact distribution of D_n (`kstwo`, SciPy's `method='auto'`), the one-sided
/// ones from the exact distribution of D_n⁺ (`ksone`).
///
/// # Errors
///
/// `TooShort` for an empty sample.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, KsMethod, ks_1samp, Norm, ContinuousDistribution};
/// use sci_array::ndarray::array;
/// let x = array![-1.2, -0.4, 0.1, 0.3, 0.9, 1.7];
/// let n = Norm::standard();
/// let r = ks_1samp(&x, |v| n.cdf(v), Alternative::TwoSided, KsMethod::Auto)?;
/// assert!((r.statistic - 0.20649450394369567).abs() < 1e-15);
/// assert!((r.pvalue - 0.9166052869510778).abs() < 1e-13);
/// assert_eq!((r.statistic_location, r.statistic_sign), (0.1, -1));
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.ks_1samp` (1-d input).
pub fn ks_1samp<S, F>(
    x: &ArrayBase<S, Ix1>,
    cdf: F,
    alternative: Alternative,
    method: KsMethod,
) -> Result<KstestResult>
where
    S: Data<Elem = f64>,
    F: Fn(f64) -> f64,
{
    let n = x.len();
    check_len("x", n, 1)?;
    let mut v: Vec<f64> = x.iter().copied().collect();
    v.sort_by(f64::total_cmp);
    let nf = n as f64;
    let cdfv: Vec<f64> = v.iter().map(|&t| cdf(t)).collect();
    // First index of the maximum, as NumPy's argmax.
    let argmax = |d: &mut dyn Iterator<Item = f64>| {
        let mut best = (f64::NEG_INFINITY, 0usize);
        for (i, val) in d.enumerate() {
            if val > best.0 || (val.is_nan() && !best.0.is_nan()) {
                best = (val, i);
            }
        }
        best
    };
    let (dplus, ip) = argmax(&mut cdfv.iter().enumerate().map(|(i, c)| (i + 1) as f64 / nf - c));
    let (dminus, im) = argmax(&mut cdfv.iter().enumerate().map(|(i, c)| c - i as f64 / nf));
    Ok(match alternative {
        Alternative::Greater => KstestResult {
            statistic: dplus,
            pvalue: smirnov(n, dplus),
            statistic_location: v[ip],
            statistic_sign: 1,
        },
        Alternative::Less => KstestResult {
            statistic: dminus,
            pvalue: smirnov(n, dminus),
            statistic_location: v[im],
            statistic_sign: -1,
        },
        Alternative::TwoSided => {
            let plus = dplus > dminus;
            let d = if plus { dplus } else { dminus };
            let p = match method {
                KsMethod::Auto | KsMethod::Exact => kolmogn(n, d, false),
                KsMethod::Asymp => kolmogorov(d * nf.sqrt()),
                KsMethod::Approx => 2.0 * smirnov(n, d),
            };
            KstestResult {
                statistic: d,
                pvalue: p.clamp(0.0, 1.0),
                statistic_location: if plus { v[ip] } else { v[im] },
                statistic_sign: if plus { 1 } else { -1 },
            }
        }
    })
}

/// The one-sample Kolmogorov-Smirnov test against a distribution.
///
/// # Errors
///
/// `TooShort` for an empty sample.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, KsMethod, kstest, Norm};
/// use sci_array::ndarray::array;
/// let x = array![-1.2, -0.4, 0.1, 0.3, 0.9, 1.7];
/// let r = kstest(&x, &Norm::standard(), Alternative::TwoSided, KsMethod::Auto)?;
/// assert!(r.pvalue > 0.9);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.kstest` with a distribution as `cdf` (1-d input).
pub fn kstest<S, Dist>(
    x: &ArrayBase<S, Ix1>,
    dist: &Dist,
    alternative: Alternative,
    method: KsMethod,
) -> Result<KstestResult>
where
    S: Data<Elem = f64>,
    Dist: ContinuousDistribution,
{
    ks_1samp(x, |v| dist.cdf(v), alternative, method)
}

/// The survival function P(D_n > x) of the two-sided one-sample statistic (SciPy's exact
/// `kstwo` distribution; NaN for n = 0).
///
/// # Examples
///
/// ```
/// use sci_stats::kstwo_sf;
/// assert!((kstwo_sf(12, 0.11302969109099775) - 0.9932186704018653).abs() < 1e-13);
/// assert_eq!(kstwo_sf(5, 1.0), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.kstwo.sf(x, n)`.
pub fn kstwo_sf(n: usize, x: f64) -> f64 {
    kolmogn(n, x, false)
}

/// The CDF P(D_n ≤ x) of the two-sided one-sample statistic (SciPy's `kstwo`).
///
/// # Examples
///
/// ```
/// use sci_stats::kstwo_cdf;
/// assert_eq!(kstwo_cdf(5, 0.05), 0.0);
/// assert!((kstwo_cdf(1, 0.75) - 0.5).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.kstwo.cdf(x, n)`.
pub fn kstwo_cdf(n: usize, x: f64) -> f64 {
    kolmogn(n, x, true)
}

/// The survival function P(D_n⁺ ≥ x) of the one-sided statistic (SciPy's `ksone`, the
/// function `scipy.special.smirnov`).
///
/// # Examples
///
/// ```
/// use sci_stats::ksone_sf;
/// assert!((ksone_sf(1, 0.3) - 0.7).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.ksone.sf(x, n)`.
pub fn ksone_sf(n: usize, x: f64) -> f64 {
    if n == 0 { f64::NAN } else { smirnov(n, x) }
}

/// The survival function of the limiting distribution of √n D_n (SciPy's `kstwobign`, the
/// function `scipy.special.kolmogorov`).
///
/// # Examples
///
/// ```
/// use sci_stats::kstwobign_sf;
/// assert!((kstwobign_sf(1.0) - 0.26999967167735456).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.kstwobign.sf`.
pub fn kstwobign_sf(x: f64) -> f64 {
    kolmogorov(x)
}
