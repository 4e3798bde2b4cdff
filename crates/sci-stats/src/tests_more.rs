//! More tests and estimators: [`ttest_ind_from_stats`], [`pointbiserialr`], the robust
//! slopes [`theilslopes`] and [`siegelslopes`], and the p-value tools [`combine_pvalues`] and
//! [`false_discovery_control`].

use crate::correlation::{CorrelationResult, same_len};
use crate::distributions::{ContinuousDistribution, StudentT};
use crate::error::{Result, StatsError};
use crate::significance::{SignificanceResult, chi2_sf, normal_pvalue, np_median, np_sum};
use crate::tests::TtestResult;
use crate::{Alternative, pearsonr};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use sci_array::special::{betainc, gammainc, ndtri};

/// SciPy's `_SimpleStudentT` p-value: cdf(t) = stdtr(df, t), sf(t) = stdtr(df, -t).
fn t_pvalue(t: f64, df: f64, alternative: Alternative) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    let Ok(d) = StudentT::new(df, 0.0, 1.0) else { return f64::NAN };
    match alternative {
        Alternative::Less => d.cdf(t),
        Alternative::Greater => d.cdf(-t),
        Alternative::TwoSided => 2.0 * d.cdf(-t.abs()),
    }
}

/// The two-sample t-test from the samples' means, standard deviations (ddof 1) and sizes:
/// Student's pooled test when `equal_var`, else Welch's.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, ttest_ind_from_stats};
/// let r = ttest_ind_from_stats(15.0, 87.5f64.sqrt(), 13.0, 12.0, 39.0f64.sqrt(), 11.0, true, Alternative::TwoSided);
/// assert!((r.statistic - 0.9051358093310269).abs() < 1e-14);
/// assert!((r.pvalue - 0.3751996797581489).abs() < 1e-14);
/// assert_eq!(r.df, 22.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.ttest_ind_from_stats` (scalar statistics).
#[allow(clippy::too_many_arguments)]
pub fn ttest_ind_from_stats(
    mean1: f64,
    std1: f64,
    nobs1: f64,
    mean2: f64,
    std2: f64,
    nobs2: f64,
    equal_var: bool,
    alternative: Alternative,
) -> TtestResult {
    let (v1, v2) = (std1 * std1, std2 * std2);
    let (df, denom) = if equal_var {
        let v1 = if nobs1 == 1.0 { 0.0 } else { v1 };
        let v2 = if nobs2 == 1.0 { 0.0 } else { v2 };
        let df = nobs1 + nobs2 - 2.0;
        let svar = ((nobs1 - 1.0) * v1 + (nobs2 - 1.0) * v2) / df;
        (df, (svar * (1.0 / nobs1 + 1.0 / nobs2)).sqrt())
    } else {
        let (vn1, vn2) = (v1 / nobs1, v2 / nobs2);
        let df = (vn1 + vn2).powi(2) / (vn1 * vn1 / (nobs1 - 1.0) + vn2 * vn2 / (nobs2 - 1.0));
        (if df.is_nan() { 1.0 } else { df }, (vn1 + vn2).sqrt())
    };
    let t = (mean1 - mean2) / denom;
    TtestResult { statistic: t, pvalue: t_pvalue(t, df, alternative), df }
}

/// The point-biserial correlation between a binary variable `x` (0/1) and a continuous `y`:
/// Pearson's r of the two, with its p-value.
///
/// NaN below two observations (SciPy's small-sample rule) or for constant input.
///
/// # Errors
///
/// `ShapeMismatch` when the lengths differ.
///
/// # Examples
///
/// ```
/// use sci_stats::pointbiserialr;
/// use sci_array::ndarray::array;
/// let a = array![0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
/// let b = array![0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
/// let r = pointbiserialr(&a, &b)?;
/// assert!((r.statistic - 0.867227382716513).abs() < 1e-15);
/// assert!((r.pvalue - 0.01147133474246545).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.pointbiserialr(x, y)`.
pub fn pointbiserialr<S1, S2>(x: &ArrayBase<S1, Ix1>, y: &ArrayBase<S2, Ix1>) -> Result<CorrelationResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    same_len(x.len(), y.len())?;
    if x.len() < 2 || x.iter().chain(y.iter()).any(|v| v.is_nan()) {
        return Ok(CorrelationResult { statistic: f64::NAN, pvalue: f64::NAN });
    }
    pearsonr(x, y, Alternative::TwoSided)
}

/// How the intercept of [`theilslopes`] and [`siegelslopes`] is estimated (SciPy's
/// `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InterceptMethod {
    /// Theil-Sen: median(y) - slope·median(x) (`'separate'`, Theil's default); Siegel:
    /// median over points of the median intercept through each point (`'separate'`).
    #[default]
    Separate,
    /// Theil-Sen: median(y - slope·x) (`'joint'`).
    Joint,
    /// Siegel: median(y - slope·x) (`'hierarchical'`, Siegel's default).
    Hierarchical,
}

/// The result of [`theilslopes`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TheilslopesResult {
    /// The Theil-Sen slope (median of the pairwise slopes).
    pub slope: f64,
    /// The intercept.
    pub intercept: f64,
    /// The lower end of the confidence interval of the slope.
    pub low_slope: f64,
    /// The upper end of the confidence interval of the slope.
    pub high_slope: f64,
}

fn xy_pairs<S1, S2>(y: &ArrayBase<S1, Ix1>, x: Option<&ArrayBase<S2, Ix1>>) -> Result<(Vec<f64>, Vec<f64>)>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let yv: Vec<f64> = y.iter().copied().collect();
    let xv: Vec<f64> = match x {
        Some(x) => {
            if x.len() != y.len() {
                return Err(StatsError::ShapeMismatch {
                    arg: "x",
                    expected: vec![y.len()],
                    found: vec![x.len()],
                });
            }
            x.iter().copied().collect()
        }
        None => (0..yv.len()).map(|i| i as f64).collect(),
    };
    Ok((yv, xv))
}

/// Sizes of the groups of equal values (of size ≥ 2).
fn repeats(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let mut j = i + 1;
        while j < s.len() && s[j] == s[i] {
            j += 1;
        }
        if j - i > 1 {
            out.push((j - i) as f64);
        }
        i = j;
    }
    out
}

/// The Theil-Sen estimator: the median of the slopes of all pairs of points (with `x[j] >
/// x[i]`), and its confidence interval at level `alpha` from Kendall's tau's normal
/// approximation (Sen 1968). `x` defaults to 0, 1, 2, ...
///
/// NaN results below two points (SciPy's small-sample rule), when the data contain NaN or
/// when all x are equal.
///
/// # Errors
///
/// `ShapeMismatch` when `x` and `y` have different lengths; `InvalidValue` for `InterceptMethod::Hierarchical` (Siegel's only).
///
/// # Examples
///
/// ```
/// use sci_stats::{InterceptMethod, theilslopes};
/// use sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
/// let y = array![0.1, 1.3, 1.9, 3.2, 3.8, 5.5];
/// let r = theilslopes(&y, Some(&x), 0.95, InterceptMethod::Separate)?;
/// assert!((r.slope - 1.0333333333333334).abs() < 1e-15);
/// assert!((r.intercept + 0.03333333333333366).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.theilslopes(y, x, alpha, method)`.
pub fn theilslopes<S1, S2>(
    y: &ArrayBase<S1, Ix1>,
    x: Option<&ArrayBase<S2, Ix1>>,
    alpha: f64,
    method: InterceptMethod,
) -> Result<TheilslopesResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if method == InterceptMethod::Hierarchical {
        return Err(StatsError::InvalidValue {
            arg: "method",
            reason: "must be either 'joint' or 'separate'".into(),
        });
    }
    let (yv, xv) = xy_pairs(y, x)?;
    let n = yv.len();
    if n < 2 || yv.iter().chain(&xv).any(|v| v.is_nan()) {
        return Ok(TheilslopesResult {
            slope: f64::NAN,
            intercept: f64::NAN,
            low_slope: f64::NAN,
            high_slope: f64::NAN,
        });
    }
    let mut slopes = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        for j in 0..n {
            let dx = xv[i] - xv[j];
            if dx > 0.0 {
                slopes.push((yv[i] - yv[j]) / dx);
            }
        }
    }
    slopes.sort_by(f64::total_cmp);
    let medslope = np_median(&slopes);
    let medinter = if method == InterceptMethod::Joint {
        np_median(&yv.iter().zip(&xv).map(|(a, b)| a - medslope * b).collect::<Vec<f64>>())
    } else {
        np_median(&yv) - medslope * np_median(&xv)
    };
    let alpha = if alpha > 0.5 { 1.0 - alpha } else { alpha };
    let z = ndtri(alpha / 2.0);
    let nf = n as f64;
    let tie = |k: &f64| k * (k - 1.0) * (2.0 * k + 5.0);
    let sigsq = 1.0 / 18.0
        * (nf * (nf - 1.0) * (2.0 * nf + 5.0)
            - repeats(&xv).iter().map(tie).sum::<f64>()
            - repeats(&yv).iter().map(tie).sum::<f64>());
    let sigma = sigsq.sqrt();
    let nt = slopes.len() as f64;
    let (lo, hi) = if sigma.is_nan() || z.is_nan() || slopes.is_empty() {
        (f64::NAN, f64::NAN)
    } else {
        let ru = ((nt - z * sigma) / 2.0).round_ties_even().min(nt - 1.0);
        let rl = (((nt + z * sigma) / 2.0).round_ties_even() - 1.0).max(0.0);
        // NumPy's negative indices count from the end.
        let at = |r: f64| -> f64 {
            let r = if r < 0.0 { r + nt } else { r };
            if r < 0.0 || r >= nt { f64::NAN } else { slopes[r as usize] }
        };
        (at(rl), at(ru))
    };
    Ok(TheilslopesResult { slope: medslope, intercept: medinter, low_slope: lo, high_slope: hi })
}

/// The result of [`siegelslopes`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiegelslopesResult {
    /// Siegel's repeated-median slope.
    pub slope: f64,
    /// The intercept.
    pub intercept: f64,
}

/// Siegel's repeated-median estimator: for each point the median slope to all points with a
/// different x, then the median of those medians. `x` defaults to 0, 1, 2, ...
///
/// NaN results below two points or when the data contain NaN.
///
/// # Errors
///
/// `ShapeMismatch` when `x` and `y` have different lengths; `InvalidValue` for `InterceptMethod::Joint` (Theil-Sen's only).
///
/// # Examples
///
/// ```
/// use sci_stats::{InterceptMethod, siegelslopes};
/// use sci_array::ndarray::array;
/// let x = array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
/// let y = array![0.1, 1.3, 1.9, 3.2, 3.8, 5.5];
/// let r = siegelslopes(&y, Some(&x), InterceptMethod::Hierarchical)?;
/// assert!((r.slope - 0.9916666666666667).abs() < 1e-15);
/// assert!((r.intercept - 0.16250000000000003).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.siegelslopes(y, x, method)`.
pub fn siegelslopes<S1, S2>(
    y: &ArrayBase<S1, Ix1>,
    x: Option<&ArrayBase<S2, Ix1>>,
    method: InterceptMethod,
) -> Result<SiegelslopesResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if method == InterceptMethod::Joint {
        return Err(StatsError::InvalidValue {
            arg: "method",
            reason: "can only be 'hierarchical' or 'separate'".into(),
        });
    }
    let (yv, xv) = xy_pairs(y, x)?;
    let n = yv.len();
    if n < 2 || yv.iter().chain(&xv).any(|v| v.is_nan()) {
        return Ok(SiegelslopesResult { slope: f64::NAN, intercept: f64::NAN });
    }
    let mut slopes = Vec::with_capacity(n);
    let mut intercepts = Vec::with_capacity(n);
    let mut sj = Vec::with_capacity(n);
    let mut ij = Vec::with_capacity(n);
    for j in 0..n {
        sj.clear();
        ij.clear();
        for i in 0..n {
            let dx = xv[j] - xv[i];
            if dx != 0.0 {
                sj.push((yv[j] - yv[i]) / dx);
                if method == InterceptMethod::Separate {
                    ij.push((yv[i] * xv[j] - yv[j] * xv[i]) / dx);
                }
            }
        }
        slopes.push(np_median(&sj));
        if method == InterceptMethod::Separate {
            intercepts.push(np_median(&ij));
        }
    }
    let medslope = np_median(&slopes);
    let medinter = if method == InterceptMethod::Separate {
        np_median(&intercepts)
    } else {
        np_median(&yv.iter().zip(&xv).map(|(a, b)| a - medslope * b).collect::<Vec<f64>>())
    };
    Ok(SiegelslopesResult { slope: medslope, intercept: medinter })
}

/// How [`combine_pvalues`] combines independent p-values (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CombineMethod {
    /// Fisher: -2 Σ ln pᵢ ~ χ²(2k) (the default).
    #[default]
    Fisher,
    /// Pearson: 2 Σ ln(1 - pᵢ), p from χ²(2k) at its negative.
    Pearson,
    /// Tippett: min pᵢ ~ Beta(1, k).
    Tippett,
    /// Stouffer: Σ wᵢ Φ⁻¹(1 - pᵢ) / ‖w‖ ~ N(0, 1).
    Stouffer,
    /// Mudholkar and George: Σ ln(pᵢ/(1 - pᵢ)) scaled to Student's t with 5k + 4 degrees of
    /// freedom.
    MudholkarGeorge,
}

/// Combines p-values of independent tests of the same null hypothesis into one test.
///
/// `weights` are used by `Stouffer` only (default: equal). NaN for an empty input or one
/// containing NaN.
///
/// # Errors
///
/// `ShapeMismatch` when `weights` has another length than `pvalues`.
///
/// # Examples
///
/// ```
/// use sci_stats::{CombineMethod, combine_pvalues};
/// use sci_array::ndarray::{Array1, array};
/// let p = array![0.1, 0.05, 0.02, 0.3];
/// let r = combine_pvalues(&p, CombineMethod::Fisher, None::<&Array1<f64>>)?;
/// assert!((r.statistic - 20.828626352604235).abs() < 1e-13);
/// assert!((r.pvalue - 0.007616871850449092).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.combine_pvalues(pvalues, method, weights)` (1-d input).
pub fn combine_pvalues<S1, S2>(
    pvalues: &ArrayBase<S1, Ix1>,
    method: CombineMethod,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<SignificanceResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let p: Vec<f64> = pvalues.iter().copied().collect();
    let w: Vec<f64> = match weights {
        Some(w) => {
            if w.len() != p.len() {
                return Err(StatsError::ShapeMismatch {
                    arg: "weights",
                    expected: vec![p.len()],
                    found: vec![w.len()],
                });
            }
            w.iter().copied().collect()
        }
        None => vec![1.0; p.len()],
    };
    if p.is_empty() || p.iter().chain(&w).any(|v| v.is_nan()) {
        return Ok(SignificanceResult::NAN);
    }
    let n = p.len() as f64;
    let logs = || -> Vec<f64> { p.iter().map(|x| x.ln()).collect() };
    let log1ms = || -> Vec<f64> { p.iter().map(|x| (-x).ln_1p()).collect() };
    Ok(match method {
        CombineMethod::Fisher => {
            let stat = -2.0 * np_sum(&logs());
            SignificanceResult { statistic: stat, pvalue: chi2_sf(stat, 2.0 * n) }
        }
        CombineMethod::Pearson => {
            let stat = 2.0 * np_sum(&log1ms());
            // χ²(2k).cdf(-stat) = P(k, -stat/2) (NaN below 0, as Cephes' chdtr).
            let x = -stat;
            let pv = if x.is_nan() || x < 0.0 { f64::NAN } else { gammainc(n, x / 2.0) };
            SignificanceResult { statistic: stat, pvalue: pv }
        }
        CombineMethod::MudholkarGeorge => {
            let norm = (3.0 / n).sqrt() / std::f64::consts::PI;
            let stat = -np_sum(&logs()) + np_sum(&log1ms());
            let nu = 5.0 * n + 4.0;
            let approx = (nu / (nu - 2.0)).sqrt();
            SignificanceResult {
                statistic: stat,
                pvalue: t_pvalue(stat * norm * approx, nu, Alternative::Greater),
            }
        }
        CombineMethod::Tippett => {
            let stat = p.iter().copied().fold(f64::INFINITY, f64::min);
            let pv = if (0.0..=1.0).contains(&stat) { betainc(1.0, n, stat) } else { f64::NAN };
            SignificanceResult { statistic: stat, pvalue: pv }
        }
        CombineMethod::Stouffer => {
            let zi: Vec<f64> = p.iter().zip(&w).map(|(x, wi)| wi * -ndtri(*x)).collect();
            let norm = w.iter().map(|v| v * v).sum::<f64>().sqrt();
            let stat = np_sum(&zi) / norm;
            SignificanceResult { statistic: stat, pvalue: normal_pvalue(stat, Alternative::Greater) }
        }
    })
}

/// The false discovery rate procedure of [`false_discovery_control`] (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FdrMethod {
    /// Benjamini-Hochberg (`'bh'`, the default), for independent or positively correlated
    /// tests.
    #[default]
    Bh,
    /// Benjamini-Yekutieli (`'by'`), valid under any dependence.
    By,
}

/// Adjusts p-values to control the false discovery rate: the adjusted pᵢ is the smallest
/// level at which test i would be rejected by the Benjamini-Hochberg (or -Yekutieli)
/// procedure.
///
/// # Errors
///
/// `InvalidValue` when a p-value is outside [0, 1] or NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{FdrMethod, false_discovery_control};
/// use sci_array::ndarray::array;
/// let ps = array![0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324];
/// let q = false_discovery_control(&ps, FdrMethod::Bh)?;
/// assert!((q[0] - 0.001).abs() < 1e-15);
/// assert!((q[9] - 0.324).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.false_discovery_control(ps, method)` (1-d input).
pub fn false_discovery_control<S: Data<Elem = f64>>(
    ps: &ArrayBase<S, Ix1>,
    method: FdrMethod,
) -> Result<Array1<f64>> {
    if let Some(bad) = ps.iter().find(|p| !(0.0..=1.0).contains(*p)) {
        return Err(StatsError::InvalidValue {
            arg: "ps",
            reason: format!("`ps` must include only numbers between 0 and 1, got {bad}"),
        });
    }
    let m = ps.len();
    if m <= 1 {
        return Ok(ps.to_owned());
    }
    let v: Vec<f64> = ps.iter().copied().collect();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
    let mf = m as f64;
    let mut q: Vec<f64> = order.iter().enumerate().map(|(k, &i)| v[i] * (mf / (k + 1) as f64)).collect();
    if method == FdrMethod::By {
        let inv: Vec<f64> = (1..=m).map(|i| 1.0 / i as f64).collect();
        let c = np_sum(&inv);
        for x in &mut q {
            *x *= c;
        }
    }
    for k in (0..m - 1).rev() {
        q[k] = q[k].min(q[k + 1]);
    }
    let mut out = Array1::zeros(m);
    for (k, &i) in order.iter().enumerate() {
        out[i] = q[k].clamp(0.0, 1.0);
    }
    Ok(out)
}
