//! t-tests, Spearman's rank correlation, linear regression, rank data and the chi-square
//! goodness-of-fit test.

use crate::Alternative;
use crate::correlation::{CorrelationResult, pearson_slices, same_len};
use crate::descriptive::{mean_of, values, var_of};
use crate::distributions::{Chi2, ContinuousDistribution, StudentT};
use crate::error::{Result, StatsError, check_len};
use ndarray::{Array1, ArrayBase, Data, Ix1};

/// The p-value of statistic `t` under Student's t with `df` degrees of freedom.
fn t_pvalue(t: f64, df: f64, alternative: Alternative) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    let Ok(dist) = StudentT::new(df, 0.0, 1.0) else { return f64::NAN };
    match alternative {
        Alternative::TwoSided => 2.0 * dist.sf(t.abs()),
        Alternative::Less => dist.cdf(t),
        Alternative::Greater => dist.sf(t),
    }
}

/// The result of a t-test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TtestResult {
    /// The t statistic.
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
    /// The degrees of freedom.
    pub df: f64,
}

/// The one-sample t-test of H₀: the mean of `a` is `popmean`.
///
/// NaN statistic and p-value below two observations (SciPy warns).
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, ttest_1samp};
/// use sci_array::ndarray::array;
/// let r = ttest_1samp(&array![5.1, 4.9, 5.6, 5.8, 6.0, 5.5], 5.0, Alternative::TwoSided);
/// assert!((r.statistic - 2.8409535854132097).abs() < 1e-13);
/// assert!((r.pvalue - 0.03620590324044119).abs() < 1e-13);
/// assert_eq!(r.df, 5.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.ttest_1samp` (1-d input).
pub fn ttest_1samp<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    popmean: f64,
    alternative: Alternative,
) -> TtestResult {
    one_sample(&values(a), popmean, alternative)
}

fn one_sample(v: &[f64], popmean: f64, alternative: Alternative) -> TtestResult {
    let n = v.len() as f64;
    if v.len() < 2 {
        return TtestResult { statistic: f64::NAN, pvalue: f64::NAN, df: n - 1.0 };
    }
    let t = (mean_of(v) - popmean) / (var_of(v, 1) / n).sqrt();
    TtestResult { statistic: t, pvalue: t_pvalue(t, n - 1.0, alternative), df: n - 1.0 }
}

/// The two-sample t-test of H₀: equal means; Student's pooled-variance test when `equal_var`
/// (SciPy's default), Welch's test otherwise.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, ttest_ind};
/// use sci_array::ndarray::array;
/// let a = array![1.0, 2.0, 3.0, 4.0, 5.0];
/// let b = array![3.0, 4.5, 5.0, 6.5, 7.0, 8.0];
/// let r = ttest_ind(&a, &b, true, Alternative::TwoSided);
/// assert!((r.statistic + 2.5504508519628075).abs() < 1e-13);
/// assert_eq!(r.df, 9.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.ttest_ind` (1-d inputs; permutations, trimming missing).
pub fn ttest_ind<S1, S2>(
    a: &ArrayBase<S1, Ix1>,
    b: &ArrayBase<S2, Ix1>,
    equal_var: bool,
    alternative: Alternative,
) -> TtestResult
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let (va, vb) = (values(a), values(b));
    let (n1, n2) = (va.len() as f64, vb.len() as f64);
    let (v1, v2) = (var_of(&va, 1), var_of(&vb, 1));
    let (df, denom) = if equal_var {
        let df = n1 + n2 - 2.0;
        let svar = ((n1 - 1.0) * v1 + (n2 - 1.0) * v2) / df;
        (df, (svar * (1.0 / n1 + 1.0 / n2)).sqrt())
    } else {
        let (vn1, vn2) = (v1 / n1, v2 / n2);
        let df = (vn1 + vn2).powi(2) / (vn1 * vn1 / (n1 - 1.0) + vn2 * vn2 / (n2 - 1.0));
        (df, (vn1 + vn2).sqrt())
    };
    if va.len() < 2 || vb.len() < 2 {
        return TtestResult {
            statistic: f64::NAN,
            pvalue: f64::NAN,
            df: if df.is_finite() { df } else { f64::NAN },
        };
    }
    let t = (mean_of(&va) - mean_of(&vb)) / denom;
    TtestResult { statistic: t, pvalue: t_pvalue(t, df, alternative), df }
}

/// The paired t-test of H₀: the mean of a - b is 0.
///
/// # Errors
///
/// `ShapeMismatch` when the samples have different lengths.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, ttest_rel};
/// use sci_array::ndarray::array;
/// let r = ttest_rel(&array![1.0, 2.0, 3.0, 4.0], &array![1.5, 2.0, 3.9, 4.2], Alternative::TwoSided)?;
/// assert_eq!(r.df, 3.0);
/// assert!(r.statistic < 0.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.ttest_rel` (1-d input).
pub fn ttest_rel<S1, S2>(
    a: &ArrayBase<S1, Ix1>,
    b: &ArrayBase<S2, Ix1>,
    alternative: Alternative,
) -> Result<TtestResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    same_len(a.len(), b.len())?;
    let d: Vec<f64> = a.iter().zip(b.iter()).map(|(x, y)| x - y).collect();
    Ok(one_sample(&d, 0.0, alternative))
}

/// How [`rankdata`] ranks tied values (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankMethod {
    /// The mean of the ranks the ties span (the default).
    #[default]
    Average,
    /// The smallest rank.
    Min,
    /// The largest rank.
    Max,
    /// Consecutive ranks without gaps.
    Dense,
    /// Distinct ranks in order of appearance.
    Ordinal,
}

/// Ranks from 1 to n, ties resolved by `method`; all NaN when the data contain NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{RankMethod, rankdata};
/// use sci_array::ndarray::array;
/// let a = array![0.0, 2.0, 3.0, 2.0];
/// assert_eq!(rankdata(&a, RankMethod::Average), array![1.0, 2.5, 4.0, 2.5]);
/// assert_eq!(rankdata(&a, RankMethod::Min), array![1.0, 2.0, 4.0, 2.0]);
/// assert_eq!(rankdata(&a, RankMethod::Dense), array![1.0, 2.0, 3.0, 2.0]);
/// assert_eq!(rankdata(&a, RankMethod::Ordinal), array![1.0, 2.0, 4.0, 3.0]);
/// ```
///
/// SciPy equivalent: `scipy.stats.rankdata` (1-d input).
pub fn rankdata<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, method: RankMethod) -> Array1<f64> {
    Array1::from(rank_slice(&values(a), method))
}

pub(crate) fn rank_slice(v: &[f64], method: RankMethod) -> Vec<f64> {
    let n = v.len();
    if v.iter().any(|x| x.is_nan()) {
        return vec![f64::NAN; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Stable, like SciPy's mergesort.
    order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
    let mut ranks = vec![0.0; n];
    let mut i = 0;
    let mut dense = 0.0;
    while i < n {
        let mut j = i + 1;
        while j < n && v[order[j]] == v[order[i]] {
            j += 1;
        }
        dense += 1.0;
        for (t, &idx) in order[i..j].iter().enumerate() {
            ranks[idx] = match method {
                RankMethod::Average => 0.5 * ((i + 1) + j) as f64,
                RankMethod::Min => (i + 1) as f64,
                RankMethod::Max => j as f64,
                RankMethod::Dense => dense,
                RankMethod::Ordinal => (i + 1 + t) as f64,
            };
        }
        i = j;
    }
    ranks
}

/// Spearman's rank correlation coefficient and its p-value (t distribution with n - 2
/// degrees of freedom).
///
/// # Errors
///
/// `ShapeMismatch` when the lengths differ, `TooShort` below 2 observations.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, spearmanr};
/// use sci_array::ndarray::array;
/// let r = spearmanr(&array![1.0, 2.0, 3.0, 4.0, 5.0], &array![5.0, 6.0, 7.0, 8.0, 7.0], Alternative::TwoSided)?;
/// assert!((r.statistic - 0.8207826816681233).abs() < 1e-15);
/// assert!((r.pvalue - 0.08858700531354381).abs() < 1e-12);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.spearmanr` (two 1-d inputs).
pub fn spearmanr<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    alternative: Alternative,
) -> Result<CorrelationResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    same_len(x.len(), y.len())?;
    check_len("x", x.len(), 2)?;
    let (rx, ry) = (rank_slice(&values(x), RankMethod::Average), rank_slice(&values(y), RankMethod::Average));
    let rs = pearson_slices(&rx, &ry, Alternative::TwoSided).statistic;
    let dof = x.len() as f64 - 2.0;
    let t = rs * (dof / ((rs + 1.0) * (1.0 - rs))).max(0.0).sqrt();
    Ok(CorrelationResult { statistic: rs, pvalue: t_pvalue(t, dof, alternative) })
}

/// The result of [`linregress`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinregressResult {
    /// Slope of the regression line.
    pub slope: f64,
    /// Intercept of the regression line.
    pub intercept: f64,
    /// Pearson's correlation coefficient.
    pub rvalue: f64,
    /// p-value of H₀: slope = 0 (t distribution, n - 2 degrees of freedom).
    pub pvalue: f64,
    /// Standard error of the slope.
    pub stderr: f64,
    /// Standard error of the intercept.
    pub intercept_stderr: f64,
}

/// Least-squares regression line of y on x, with r, the p-value and standard errors.
///
/// # Errors
///
/// `ShapeMismatch` when the lengths differ, `TooShort` below 2 points, `InvalidValue` when
/// all x are identical.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, linregress};
/// use sci_array::ndarray::array;
/// let r = linregress(&array![0.0, 1.0, 2.0, 3.0], &array![1.0, 3.1, 4.9, 7.0], Alternative::TwoSided)?;
/// assert!((r.slope - 1.98).abs() < 1e-14);
/// assert!((r.intercept - 1.03).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.linregress`.
pub fn linregress<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    alternative: Alternative,
) -> Result<LinregressResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    same_len(x.len(), y.len())?;
    check_len("x", x.len(), 2)?;
    let (xv, yv) = (values(x), values(y));
    let n = xv.len() as f64;
    let (xm, ym) = (mean_of(&xv), mean_of(&yv));
    if xv.iter().all(|&v| v == xv[0]) {
        return Err(StatsError::InvalidValue {
            arg: "x",
            reason: "Cannot calculate a linear regression if all x values are identical".into(),
        });
    }
    let ssxm = xv.iter().map(|v| (v - xm) * (v - xm)).sum::<f64>() / n;
    let ssym = yv.iter().map(|v| (v - ym) * (v - ym)).sum::<f64>() / n;
    let ssxym = xv.iter().zip(&yv).map(|(a, b)| (a - xm) * (b - ym)).sum::<f64>() / n;
    let r_den = (ssxm * ssym).sqrt();
    let r = if r_den == 0.0 { 0.0 } else { (ssxym / r_den).clamp(-1.0, 1.0) };
    let slope = ssxym / ssxm;
    let intercept = ym - slope * xm;
    let (pvalue, stderr, intercept_stderr) = if xv.len() == 2 {
        (if yv[0] == yv[1] { 1.0 } else { 0.0 }, 0.0, 0.0)
    } else {
        let df = n - 2.0;
        const TINY: f64 = 1.0e-20;
        let t = r * (df / ((1.0 - r + TINY) * (1.0 + r + TINY))).sqrt();
        let se = ((1.0 - r * r) * ssym / ssxm / df).sqrt();
        (t_pvalue(t, df, alternative), se, se * (ssxm + xm * xm).sqrt())
    };
    Ok(LinregressResult { slope, intercept, rvalue: r, pvalue, stderr, intercept_stderr })
}

/// The result of [`chisquare`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChisquareResult {
    /// Pearson's chi-squared statistic Σ (obs - exp)²/exp.
    pub statistic: f64,
    /// The p-value (chi-squared with k - 1 - ddof degrees of freedom).
    pub pvalue: f64,
}

/// Pearson's chi-square goodness-of-fit test of observed against expected frequencies
/// (uniform when `f_exp` is None).
///
/// # Errors
///
/// `ShapeMismatch` when `f_exp` has another length; `InvalidValue` when the sums of observed
/// and expected frequencies differ by more than a relative 1e-8 (SciPy's check).
///
/// # Examples
///
/// ```
/// use sci_stats::chisquare;
/// use sci_array::ndarray::{Array1, array};
/// let r = chisquare(&array![16.0, 18.0, 16.0, 14.0, 12.0, 12.0], None::<&Array1<f64>>, 0)?;
/// assert!((r.statistic - 2.0).abs() < 1e-14);
/// assert!((r.pvalue - 0.8491450360846096).abs() < 1e-13);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.chisquare` (1-d input).
pub fn chisquare<S1, S2>(
    f_obs: &ArrayBase<S1, Ix1>,
    f_exp: Option<&ArrayBase<S2, Ix1>>,
    ddof: usize,
) -> Result<ChisquareResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let obs = values(f_obs);
    let k = obs.len();
    let exp = match f_exp {
        None => vec![mean_of(&obs); k],
        Some(e) => {
            same_len(k, e.len()).map_err(|_| StatsError::ShapeMismatch {
                arg: "f_exp",
                expected: vec![k],
                found: vec![e.len()],
            })?;
            let e = values(e);
            let (so, se) = (obs.iter().sum::<f64>(), e.iter().sum::<f64>());
            if (so - se).abs() > 1e-8 * so.abs().min(se.abs()) {
                return Err(StatsError::InvalidValue {
                    arg: "f_exp",
                    reason: format!(
                        "For each axis slice, the sum of the observed frequencies must agree with the sum of the expected frequencies to a relative tolerance of 1e-08, but the percent differences are: {}",
                        (so - se).abs() / so.abs().min(se.abs())
                    ),
                });
            }
            e
        }
    };
    let stat: f64 = obs.iter().zip(&exp).map(|(o, e)| (o - e) * (o - e) / e).sum();
    let df = k as f64 - 1.0 - ddof as f64;
    let pvalue = match Chi2::new(df, 0.0, 1.0) {
        Ok(d) => d.sf(stat),
        Err(_) => f64::NAN,
    };
    Ok(ChisquareResult { statistic: stat, pvalue })
}
