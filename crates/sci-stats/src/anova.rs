//! Tests on k independent samples: one-way ANOVA ([`f_oneway`]) and the tests of equal
//! variances ([`bartlett`], [`levene`], [`fligner`]).

use crate::error::{Result, StatsError};
use crate::significance::{
    SignificanceResult, avg_ranks_ties, chi2_sf, f_sf, np_mean, np_median, np_sum, np_var,
};
use ndarray::{ArrayBase, Data, Ix1};
use sci_array::special::ndtri;

/// The location each sample is centred on in [`levene`] and [`fligner`] (SciPy's `center`
/// and `proportiontocut`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Center {
    /// The sample mean (`center='mean'`).
    Mean,
    /// The sample median (`center='median'`, the default: the Brown-Forsythe test).
    #[default]
    Median,
    /// The trimmed mean cutting this proportion from each end (`center='trimmed'`,
    /// `proportiontocut`; SciPy's default proportion is 0.05).
    Trimmed(f64),
}

/// The samples as vectors, checking that there are at least `min` of them.
pub(crate) fn collect_samples<S: Data<Elem = f64>>(
    samples: &[ArrayBase<S, Ix1>],
    min: usize,
) -> Result<Vec<Vec<f64>>> {
    if samples.len() < min {
        return Err(StatsError::TooShort { arg: "samples", min, found: samples.len() });
    }
    Ok(samples.iter().map(|s| s.iter().copied().collect()).collect())
}

/// SciPy's `nan_policy='propagate'` and its small-sample rule for k-sample tests: NaN when a
/// sample is empty or contains NaN.
fn degenerate(v: &[Vec<f64>]) -> bool {
    v.iter().any(|s| s.is_empty() || s.iter().any(|x| x.is_nan()))
}

/// Sorted copy of `v` (total order; the callers have no NaN).
fn sorted(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

/// The mean after cutting `int(proportiontocut · n)` values from each end (SciPy's
/// `trim_mean` on a 1-d sample without NaN).
pub(crate) fn trimmed_mean_of(v: &[f64], proportiontocut: f64) -> Result<f64> {
    let n = v.len();
    if n == 0 {
        return Ok(f64::NAN);
    }
    // Python's int() truncates toward zero. A cut below -1 value makes NumPy's partition fail
    // (its index is out of bounds); one leaving a negative count is "Proportion too big.".
    let low = (proportiontocut * n as f64).trunc();
    if !low.is_finite() || low > n as f64 - low || low < 0.0 {
        return Err(StatsError::InvalidParameter {
            arg: "proportiontocut",
            expected: "a proportion leaving values to average (Proportion too big.)",
            found: proportiontocut,
        });
    }
    let low = low as usize;
    let s = sorted(v);
    Ok(np_mean(&s[low..n - low]))
}

fn center_of(v: &[f64], center: Center) -> Result<f64> {
    match center {
        Center::Mean => Ok(np_mean(v)),
        Center::Median => Ok(np_median(v)),
        Center::Trimmed(p) => trimmed_mean_of(v, p),
    }
}

/// One-way analysis of variance: H₀ is that all groups have the same population mean.
///
/// With `equal_var` (SciPy's default) the classic F = MS_between / MS_within with (k - 1,
/// N - k) degrees of freedom; otherwise Welch's heteroscedastic F test with its approximate
/// denominator degrees of freedom. Edge cases follow SciPy: NaN when a sample is empty or has
/// NaN or when every sample has one value; when every group is constant, F = inf and p = 0
/// (or NaN statistic and p-value if all values are the same).
///
/// # Errors
///
/// `TooShort` for fewer than two samples.
///
/// # Examples
///
/// ```
/// use sci_stats::f_oneway;
/// use sci_array::ndarray::array;
/// // SciPy's docstring example (mussel shell measurements at three of the sites).
/// let tillamook = array![0.0571, 0.0813, 0.0831, 0.0976, 0.0817, 0.0859, 0.0735, 0.0659, 0.0923, 0.0836];
/// let newport = array![0.0873, 0.0662, 0.0672, 0.0819, 0.0749, 0.0649, 0.0835, 0.0725];
/// let petersburg = array![0.0974, 0.1352, 0.0817, 0.1016, 0.0968, 0.1064, 0.105];
/// let r = f_oneway(&[tillamook, newport, petersburg], true)?;
/// assert!((r.statistic - 11.200832489917017).abs() < 1e-12);
/// assert!((r.pvalue - 0.00044183251892694603).abs() < 1e-16);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.f_oneway(*samples, equal_var=...)` (1-d samples).
pub fn f_oneway<S: Data<Elem = f64>>(
    samples: &[ArrayBase<S, Ix1>],
    equal_var: bool,
) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 2)?;
    if degenerate(&v) || v.iter().all(|s| s.len() == 1) {
        return Ok(SignificanceResult::NAN);
    }
    let k = v.len() as f64;
    let all: Vec<f64> = v.iter().flatten().copied().collect();
    let bign = all.len() as f64;
    let all_const = v.iter().all(|s| s.iter().all(|&x| x == s[0]));
    let all_same = all.iter().all(|&x| x == all[0]);
    let (mut f, dfn, dfd) = if equal_var {
        let offset = np_mean(&all);
        let centred: Vec<f64> = all.iter().map(|x| x - offset).collect();
        let normalized_ss = np_sum(&centred).powi(2) / bign;
        let sq: Vec<f64> = centred.iter().map(|x| x * x).collect();
        let sstot = np_sum(&sq) - normalized_ss;
        let mut ssbn = 0.0;
        for s in &v {
            let c: Vec<f64> = s.iter().map(|x| x - offset).collect();
            ssbn += np_sum(&c).powi(2) / s.len() as f64;
        }
        ssbn -= normalized_ss;
        let sswn = sstot - ssbn;
        let (dfbn, dfwn) = (k - 1.0, bign - k);
        ((ssbn / dfbn) / (sswn / dfwn), dfbn, dfwn)
    } else {
        let means: Vec<f64> = v.iter().map(|s| np_mean(s)).collect();
        let ns: Vec<f64> = v.iter().map(|s| s.len() as f64).collect();
        let w: Vec<f64> = v.iter().zip(&ns).map(|(s, n)| n / np_var(s, 1)).collect();
        let sw = np_sum(&w);
        let y_hat = w.iter().zip(&means).map(|(a, b)| a * b).sum::<f64>() / sw;
        let num = w.iter().zip(&means).map(|(a, m)| a * (m - y_hat).powi(2)).sum::<f64>() / (k - 1.0);
        let lam: f64 = ns.iter().zip(&w).map(|(n, wi)| (1.0 / (n - 1.0)) * (1.0 - wi / sw).powi(2)).sum();
        let den = 1.0 + 2.0 * (k - 2.0) / (k * k - 1.0) * lam;
        (num / den, k - 1.0, (k * k - 1.0) / (3.0 * lam))
    };
    if all_const {
        f = f64::INFINITY;
    }
    if all_same {
        f = f64::NAN;
    }
    Ok(SignificanceResult { statistic: f, pvalue: f_sf(f, dfn, dfd) })
}

/// Bartlett's test of equal variances of k normal samples.
///
/// T = ((N - k) ln s²ₚ - Σ (nᵢ - 1) ln s²ᵢ) / (1 + (Σ 1/(nᵢ - 1) - 1/(N - k)) / (3(k - 1))),
/// compared with χ²(k - 1). NaN when a sample is empty or has NaN; a sample of one value
/// (variance NaN) gives NaN, a constant sample next to a varying one T = inf, p = 0 (SciPy).
///
/// # Errors
///
/// `TooShort` for fewer than two samples.
///
/// # Examples
///
/// ```
/// use sci_stats::bartlett;
/// use sci_array::ndarray::array;
/// let a = array![8.88, 9.12, 9.04, 8.98, 9.00, 9.08, 9.01, 8.85, 9.06, 8.99];
/// let b = array![8.88, 8.95, 9.29, 9.44, 9.15, 9.58, 8.36, 9.18, 8.67, 9.05];
/// let c = array![8.95, 9.12, 8.95, 8.85, 9.03, 8.84, 9.07, 8.98, 8.86, 8.98];
/// let r = bartlett(&[a, b, c])?;
/// assert!((r.statistic - 22.789434813726768).abs() < 1e-12);
/// assert!((r.pvalue - 1.1254782518834628e-05).abs() < 1e-17);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.bartlett(*samples)` (1-d samples).
pub fn bartlett<S: Data<Elem = f64>>(samples: &[ArrayBase<S, Ix1>]) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 2)?;
    if degenerate(&v) {
        return Ok(SignificanceResult::NAN);
    }
    let k = v.len() as f64;
    let ni: Vec<f64> = v.iter().map(|s| s.len() as f64).collect();
    let ssq: Vec<f64> = v.iter().map(|s| np_var(s, 1)).collect();
    let ntot = np_sum(&ni);
    let weighted: Vec<f64> = ni.iter().zip(&ssq).map(|(n, s)| (n - 1.0) * s).collect();
    let spsq = np_sum(&weighted) / (ntot - k);
    let logs: Vec<f64> = ni.iter().zip(&ssq).map(|(n, s)| (n - 1.0) * s.ln()).collect();
    let numer = (ntot - k) * spsq.ln() - np_sum(&logs);
    let inv: Vec<f64> = ni.iter().map(|n| 1.0 / (n - 1.0)).collect();
    let denom = 1.0 + 1.0 / (3.0 * (k - 1.0)) * (np_sum(&inv) - 1.0 / (ntot - k));
    let t = numer / denom;
    let pvalue = chi2_sf(t, k - 1.0);
    Ok(SignificanceResult { statistic: if t.is_nan() { t } else { t.max(0.0) }, pvalue })
}

/// Levene's test of equal variances (Brown-Forsythe with the default median centre).
///
/// The one-way ANOVA F statistic of the absolute deviations |xᵢⱼ - cᵢ| from each sample's
/// centre cᵢ, compared with F(k - 1, N - k). NaN when a sample is empty or has NaN.
///
/// # Errors
///
/// `TooShort` for fewer than two samples; `InvalidParameter` when a trimmed centre cuts
/// more than the whole sample ("Proportion too big.").
///
/// # Examples
///
/// ```
/// use sci_stats::{Center, levene};
/// use sci_array::ndarray::array;
/// let a = array![8.88, 9.12, 9.04, 8.98, 9.00, 9.08, 9.01, 8.85, 9.06, 8.99];
/// let b = array![8.88, 8.95, 9.29, 9.44, 9.15, 9.58, 8.36, 9.18, 8.67, 9.05];
/// let c = array![8.95, 9.12, 8.95, 8.85, 9.03, 8.84, 9.07, 8.98, 8.86, 8.98];
/// let r = levene(&[a, b, c], Center::Median)?;
/// assert!((r.statistic - 7.584952754501659).abs() < 1e-12);
/// assert!((r.pvalue - 0.002431505967249677).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.levene(*samples, center=..., proportiontocut=...)` (1-d
/// samples).
pub fn levene<S: Data<Elem = f64>>(
    samples: &[ArrayBase<S, Ix1>],
    center: Center,
) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 2)?;
    if degenerate(&v) {
        return Ok(SignificanceResult::NAN);
    }
    let k = v.len() as f64;
    let mut z = Vec::with_capacity(v.len());
    for s in &v {
        let c = center_of(s, center)?;
        z.push(s.iter().map(|x| (x - c).abs()).collect::<Vec<f64>>());
    }
    let ni: Vec<f64> = v.iter().map(|s| s.len() as f64).collect();
    let ntot: f64 = ni.iter().sum();
    let zbari: Vec<f64> = z.iter().map(|zi| np_mean(zi)).collect();
    let zbar = ni.iter().zip(&zbari).map(|(n, m)| n * m).sum::<f64>() / ntot;
    let dfd = ntot - k;
    let numer = dfd * ni.iter().zip(&zbari).map(|(n, m)| n * (m - zbar).powi(2)).sum::<f64>();
    let dfn = k - 1.0;
    let within: f64 = z
        .iter()
        .zip(&zbari)
        .map(|(zi, m)| np_sum(&zi.iter().map(|x| (x - m).powi(2)).collect::<Vec<f64>>()))
        .sum();
    let w = numer / (dfn * within);
    Ok(SignificanceResult { statistic: w, pvalue: f_sf(w, dfn, dfd) })
}

/// The Fligner-Killeen test of equal variances, a rank test robust to non-normality.
///
/// The absolute deviations from each sample's centre are ranked jointly, turned into normal
/// scores aᵢ = Φ⁻¹(1/2 + rank/(2(N + 1))), and Σ nᵢ (āᵢ - ā)² / s²ₐ is compared with
/// χ²(k - 1). NaN when a sample is empty or has NaN.
///
/// # Errors
///
/// `TooShort` for fewer than two samples; `InvalidParameter` when a trimmed centre cuts
/// more than the whole sample.
///
/// # Examples
///
/// ```
/// use sci_stats::{Center, fligner};
/// use sci_array::ndarray::array;
/// let a = array![8.88, 9.12, 9.04, 8.98, 9.00, 9.08, 9.01, 8.85, 9.06, 8.99];
/// let b = array![8.88, 8.95, 9.29, 9.44, 9.15, 9.58, 8.36, 9.18, 8.67, 9.05];
/// let c = array![8.95, 9.12, 8.95, 8.85, 9.03, 8.84, 9.07, 8.98, 8.86, 8.98];
/// let r = fligner(&[a, b, c], Center::Median)?;
/// assert!((r.statistic - 10.803687663522238).abs() < 1e-12);
/// assert!((r.pvalue - 0.00450826080004775).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.fligner(*samples, center=..., proportiontocut=...)` (1-d
/// samples).
pub fn fligner<S: Data<Elem = f64>>(
    samples: &[ArrayBase<S, Ix1>],
    center: Center,
) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 2)?;
    if degenerate(&v) {
        return Ok(SignificanceResult::NAN);
    }
    let k = v.len() as f64;
    let mut dev = Vec::new();
    for s in &v {
        let c = center_of(s, center)?;
        dev.extend(s.iter().map(|x| (x - c).abs()));
    }
    let n = dev.len() as f64;
    if dev.iter().any(|x| x.is_nan()) {
        return Ok(SignificanceResult::NAN);
    }
    let (ranks, _) = avg_ranks_ties(&dev);
    let a: Vec<f64> = ranks.iter().map(|r| ndtri(r / (2.0 * (n + 1.0)) + 0.5)).collect();
    let abar = np_mean(&a);
    let v2 = np_var(&a, 1);
    let mut stat = 0.0;
    let mut start = 0;
    for s in &v {
        let ai = &a[start..start + s.len()];
        start += s.len();
        stat += s.len() as f64 * (np_mean(ai) - abar).powi(2);
    }
    let stat = stat / v2;
    Ok(SignificanceResult { statistic: stat, pvalue: chi2_sf(stat, k - 1.0) })
}
