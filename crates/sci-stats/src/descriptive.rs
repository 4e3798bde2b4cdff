//! Descriptive statistics of a sample: `describe`, the power means, trimmed statistics,
//! moments, `sem`, `zscore`, `iqr`, `mode`, `variation`.
//!
//! Every function takes a 1-d array (any view, contiguous or not) and follows SciPy's
//! `nan_policy='propagate'`: a NaN in the sample gives NaN. An empty sample gives NaN where
//! SciPy returns NaN and an error where SciPy raises.

use crate::error::{Result, StatsError};
use ndarray::{Array1, ArrayBase, Data, Ix1};

/// The sample as a Vec (one pass over any view).
pub(crate) fn values<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>) -> Vec<f64> {
    a.iter().copied().collect()
}

pub(crate) fn mean_of(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// mean((x - center)^order).
fn central(v: &[f64], order: u32, center: f64) -> f64 {
    let s: f64 = match order {
        0 => v.len() as f64,
        1 => v.iter().map(|x| x - center).sum(),
        2 => v.iter().map(|x| (x - center) * (x - center)).sum(),
        _ => v.iter().map(|x| (x - center).powi(order as i32)).sum(),
    };
    s / v.len() as f64
}

/// Sum of squared deviations divided by n - ddof (NaN when n - ddof ≤ 0).
pub(crate) fn var_of(v: &[f64], ddof: usize) -> f64 {
    let n = v.len();
    if n <= ddof {
        return f64::NAN;
    }
    let m = mean_of(v);
    v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - ddof) as f64
}

/// The result of [`describe`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DescribeResult {
    /// Number of observations.
    pub nobs: usize,
    /// Minimum and maximum.
    pub minmax: (f64, f64),
    /// Arithmetic mean.
    pub mean: f64,
    /// Variance with `ddof` degrees of freedom removed.
    pub variance: f64,
    /// Skewness ([`skew`]).
    pub skewness: f64,
    /// Excess kurtosis ([`kurtosis`] with `fisher = true`).
    pub kurtosis: f64,
}

/// Number of observations, min and max, mean, variance, skewness and kurtosis.
///
/// SciPy's defaults are `ddof = 1`, `bias = true`.
///
/// # Errors
///
/// `TooShort` for an empty sample ("The input must not be empty").
///
/// # Examples
///
/// ```
/// use sci_stats::describe;
/// use sci_array::ndarray::array;
/// let d = describe(&array![2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.9, 3.7, 2.2, 6.1, 3.9], 1, true)?;
/// assert_eq!(d.nobs, 12);
/// assert_eq!(d.minmax, (1.9, 6.1));
/// assert!((d.variance - 1.8590151515151514).abs() < 1e-14);
/// assert!((d.skewness - 0.34277528597302986).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.describe` (1-d input).
pub fn describe<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    ddof: usize,
    bias: bool,
) -> Result<DescribeResult> {
    let v = values(a);
    crate::error::check_len("a", v.len(), 1)?;
    let nan = v.iter().any(|x| x.is_nan());
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &x in &v {
        lo = lo.min(x);
        hi = hi.max(x);
    }
    if nan {
        (lo, hi) = (f64::NAN, f64::NAN);
    }
    Ok(DescribeResult {
        nobs: v.len(),
        minmax: (lo, hi),
        mean: mean_of(&v),
        variance: var_of(&v, ddof),
        skewness: skew_of(&v, bias),
        kurtosis: kurtosis_of(&v, true, bias),
    })
}

fn skew_of(v: &[f64], bias: bool) -> f64 {
    let n = v.len() as f64;
    let m = mean_of(v);
    let m2 = central(v, 2, m);
    let m3 = central(v, 3, m);
    // SciPy: NaN when the sample is constant to rounding (m2 ≤ (eps·mean)²).
    if m2 <= (f64::EPSILON * m).powi(2) {
        return f64::NAN;
    }
    let g = m3 / m2.powf(1.5);
    if !bias && n > 2.0 { ((n - 1.0) * n).sqrt() / (n - 2.0) * g } else { g }
}

fn kurtosis_of(v: &[f64], fisher: bool, bias: bool) -> f64 {
    let n = v.len() as f64;
    let m = mean_of(v);
    let m2 = central(v, 2, m);
    let m4 = central(v, 4, m);
    if m2 <= (f64::EPSILON * m).powi(2) {
        return f64::NAN;
    }
    let mut k = m4 / (m2 * m2);
    if !bias && n > 3.0 {
        k = 1.0 / (n - 2.0) / (n - 3.0) * ((n * n - 1.0) * m4 / (m2 * m2) - 3.0 * (n - 1.0).powi(2)) + 3.0;
    }
    if fisher { k - 3.0 } else { k }
}

/// The sample skewness m₃/m₂^{3/2} (with `bias = false` the adjusted Fisher-Pearson
/// coefficient √(n(n-1))/(n-2)·m₃/m₂^{3/2}). NaN for a constant or empty sample.
///
/// # Examples
///
/// ```
/// use sci_stats::skew;
/// use sci_array::ndarray::array;
/// assert!((skew(&array![1.0, 2.0, 3.0, 4.0, 5.0], true)).abs() < 1e-15);
/// assert!((skew(&array![2.0, 8.0, 0.0, 4.0, 1.0, 9.0, 9.0, 0.0], true) - 0.2650554122698573).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.skew` (1-d input).
pub fn skew<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, bias: bool) -> f64 {
    skew_of(&values(a), bias)
}

/// The sample kurtosis m₄/m₂² (minus 3 when `fisher`; with `bias = false` the unbiased
/// estimator of the population excess kurtosis plus 3). NaN for a constant or empty sample.
///
/// # Examples
///
/// ```
/// use sci_stats::kurtosis;
/// use sci_array::ndarray::array;
/// let x = array![1.0, 2.0, 3.0, 4.0, 5.0];
/// assert!((kurtosis(&x, true, true) + 1.3).abs() < 1e-15);
/// assert!((kurtosis(&x, false, true) - 1.7).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.kurtosis` (1-d input).
pub fn kurtosis<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, fisher: bool, bias: bool) -> f64 {
    kurtosis_of(&values(a), fisher, bias)
}

/// The `order`-th moment about `center` (default: about the mean), mean((x - c)^order).
/// NaN for an empty sample or one containing NaN (any order).
///
/// # Examples
///
/// ```
/// use sci_stats::moment;
/// use sci_array::ndarray::array;
/// let x = array![1.0, 2.0, 3.0, 4.0, 5.0];
/// assert_eq!(moment(&x, 2, None), 2.0);
/// assert_eq!(moment(&x, 1, Some(0.0)), 3.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.moment` (1-d input).
pub fn moment<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, order: u32, center: Option<f64>) -> f64 {
    let v = values(a);
    if v.is_empty() || v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if order == 0 {
        return 1.0;
    }
    let c = center.unwrap_or_else(|| mean_of(&v));
    if center.is_none() && order == 1 {
        return 0.0;
    }
    central(&v, order, c)
}

/// Normalized weights (checks the length) or None.
fn weights_of<S: Data<Elem = f64>>(w: Option<&ArrayBase<S, Ix1>>, n: usize) -> Result<Option<Vec<f64>>> {
    match w {
        None => Ok(None),
        Some(w) if w.len() != n => {
            Err(StatsError::ShapeMismatch { arg: "weights", expected: vec![n], found: vec![w.len()] })
        }
        Some(w) => Ok(Some(values(w))),
    }
}

/// Weighted mean of f(x).
fn weighted_mean(v: &[f64], w: &Option<Vec<f64>>, f: impl Fn(f64) -> f64) -> f64 {
    match w {
        None => v.iter().map(|&x| f(x)).sum::<f64>() / v.len() as f64,
        Some(w) => v.iter().zip(w).map(|(&x, &wi)| wi * f(x)).sum::<f64>() / w.iter().sum::<f64>(),
    }
}

/// The geometric mean exp(mean(ln x)), optionally weighted. 0 if a value is 0, NaN if one is
/// negative or the sample is empty.
///
/// # Errors
///
/// `ShapeMismatch` when `weights` does not have the length of `a`.
///
/// # Examples
///
/// ```
/// use sci_stats::gmean;
/// use sci_array::ndarray::{Array1, array};
/// assert!((gmean(&array![1.0, 4.0, 16.0], None::<&Array1<f64>>)? - 4.0).abs() < 1e-15);
/// assert!((gmean(&array![1.0, 4.0, 7.0], Some(&array![3.0, 1.0, 3.0]))? - 2.80668351922014).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.gmean` (1-d input).
pub fn gmean<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<f64> {
    let v = values(a);
    let w = weights_of(weights, v.len())?;
    Ok(weighted_mean(&v, &w, f64::ln).exp())
}

/// The harmonic mean 1/mean(1/x), optionally weighted. 0 if a value is 0; NaN if one is
/// negative or the sample is empty.
///
/// # Errors
///
/// `ShapeMismatch` when `weights` does not have the length of `a`.
///
/// # Examples
///
/// ```
/// use sci_stats::hmean;
/// use sci_array::ndarray::{Array1, array};
/// assert!((hmean(&array![1.0, 4.0], None::<&Array1<f64>>)? - 1.6).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.hmean` (1-d input).
pub fn hmean<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<f64> {
    let v = values(a);
    let w = weights_of(weights, v.len())?;
    if v.iter().any(|&x| x < 0.0) {
        return Ok(f64::NAN);
    }
    Ok(1.0 / weighted_mean(&v, &w, |x| 1.0 / x))
}

/// The power mean (mean(x^p))^(1/p), optionally weighted; p = 0 is the geometric mean.
/// NaN if a value is negative or the sample is empty.
///
/// # Errors
///
/// `ShapeMismatch` when `weights` does not have the length of `a`; `InvalidParameter` for a
/// non-finite p.
///
/// # Examples
///
/// ```
/// use sci_stats::pmean;
/// use sci_array::ndarray::{Array1, array};
/// let x = array![1.0, 2.0, 3.0, 4.0];
/// assert!((pmean(&x, 2.0, None::<&Array1<f64>>)? - 7.5f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.pmean` (1-d input).
pub fn pmean<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    p: f64,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<f64> {
    crate::error::check(p.is_finite(), "p", "a finite number", p)?;
    if p == 0.0 {
        return gmean(a, weights);
    }
    let v = values(a);
    let w = weights_of(weights, v.len())?;
    if v.iter().any(|&x| x < 0.0) {
        return Ok(f64::NAN);
    }
    Ok(weighted_mean(&v, &w, |x| x.powf(p)).powf(1.0 / p))
}

/// The values inside `limits` (`inclusive` says whether each limit itself counts).
fn trimmed(v: &[f64], limits: Option<(f64, f64)>, inclusive: (bool, bool)) -> Vec<f64> {
    match limits {
        None => v.to_vec(),
        Some((lo, hi)) => v
            .iter()
            .copied()
            .filter(|&x| {
                x.is_nan()
                    || ((if inclusive.0 { x >= lo } else { x > lo })
                        && (if inclusive.1 { x <= hi } else { x < hi }))
            })
            .collect(),
    }
}

fn trimmed_nonempty(v: &[f64], limits: Option<(f64, f64)>, inclusive: (bool, bool)) -> Result<Vec<f64>> {
    // NaN propagates before the limits are looked at, as in SciPy.
    if v.iter().any(|x| x.is_nan()) {
        return Ok(vec![f64::NAN]);
    }
    let t = trimmed(v, limits, inclusive);
    if t.is_empty() && !v.is_empty() {
        return Err(StatsError::InvalidValue {
            arg: "limits",
            reason: "No array values within given limits".into(),
        });
    }
    Ok(t)
}

/// The mean of the values inside `limits` (None: all), each limit included when the matching
/// `inclusive` flag is set (SciPy's default `(true, true)`).
///
/// # Errors
///
/// `InvalidValue` when no value lies within the limits.
///
/// # Examples
///
/// ```
/// use sci_stats::tmean;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert_eq!(tmean(&x, None, (true, true))?, 9.5);
/// assert_eq!(tmean(&x, Some((3.0, 17.0)), (true, true))?, 10.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tmean` (1-d input).
pub fn tmean<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    limits: Option<(f64, f64)>,
    inclusive: (bool, bool),
) -> Result<f64> {
    let t = trimmed_nonempty(&values(a), limits, inclusive)?;
    Ok(mean_of(&t))
}

/// The variance (with `ddof`, SciPy's default 1) of the values inside `limits`.
///
/// # Errors
///
/// `InvalidValue` when no value lies within the limits.
///
/// # Examples
///
/// ```
/// use sci_stats::tvar;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert_eq!(tvar(&x, Some((3.0, 17.0)), (true, true), 1)?, 20.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tvar` (1-d input).
pub fn tvar<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    limits: Option<(f64, f64)>,
    inclusive: (bool, bool),
    ddof: usize,
) -> Result<f64> {
    let t = trimmed_nonempty(&values(a), limits, inclusive)?;
    Ok(var_of(&t, ddof))
}

/// The standard deviation (with `ddof`, SciPy's default 1) of the values inside `limits`.
///
/// # Errors
///
/// `InvalidValue` when no value lies within the limits.
///
/// # Examples
///
/// ```
/// use sci_stats::tstd;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert!((tstd(&x, Some((3.0, 17.0)), (true, true), 1)? - 20f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tstd` (1-d input).
pub fn tstd<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    limits: Option<(f64, f64)>,
    inclusive: (bool, bool),
    ddof: usize,
) -> Result<f64> {
    Ok(tvar(a, limits, inclusive, ddof)?.sqrt())
}

/// The standard error of the mean of the values inside `limits`, tstd/√n.
///
/// # Errors
///
/// `InvalidValue` when no value lies within the limits.
///
/// # Examples
///
/// ```
/// use sci_stats::tsem;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert!((tsem(&x, Some((3.0, 17.0)), (true, true), 1)? - 1.1547005383792515).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tsem` (1-d input).
pub fn tsem<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    limits: Option<(f64, f64)>,
    inclusive: (bool, bool),
    ddof: usize,
) -> Result<f64> {
    let t = trimmed_nonempty(&values(a), limits, inclusive)?;
    Ok(var_of(&t, ddof).sqrt() / (t.len() as f64).sqrt())
}

/// The minimum of the values above `lowerlimit` (or equal to it when `inclusive`).
/// NaN for an empty sample.
///
/// # Errors
///
/// `InvalidValue` when no value lies above the limit.
///
/// # Examples
///
/// ```
/// use sci_stats::tmin;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert_eq!(tmin(&x, Some(13.0), true)?, 13.0);
/// assert_eq!(tmin(&x, Some(13.0), false)?, 14.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tmin` (1-d input).
pub fn tmin<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    lowerlimit: Option<f64>,
    inclusive: bool,
) -> Result<f64> {
    let v = values(a);
    let t = trimmed_nonempty(&v, lowerlimit.map(|l| (l, f64::INFINITY)), (inclusive, true))?;
    Ok(extreme(&t, f64::min))
}

/// The maximum of the values below `upperlimit` (or equal to it when `inclusive`).
/// NaN for an empty sample.
///
/// # Errors
///
/// `InvalidValue` when no value lies below the limit.
///
/// # Examples
///
/// ```
/// use sci_stats::tmax;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert_eq!(tmax(&x, Some(13.0), true)?, 13.0);
/// assert_eq!(tmax(&x, Some(13.0), false)?, 12.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.tmax` (1-d input).
pub fn tmax<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    upperlimit: Option<f64>,
    inclusive: bool,
) -> Result<f64> {
    let v = values(a);
    let t = trimmed_nonempty(&v, upperlimit.map(|u| (f64::NEG_INFINITY, u)), (true, inclusive))?;
    Ok(extreme(&t, f64::max))
}

/// min or max with NaN propagation (NaN for an empty slice).
fn extreme(v: &[f64], f: fn(f64, f64) -> f64) -> f64 {
    if v.is_empty() || v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    v.iter().copied().reduce(f).unwrap_or(f64::NAN)
}

/// The standard error of the mean, std(ddof)/√n (SciPy's default ddof = 1); NaN below two
/// observations.
///
/// # Examples
///
/// ```
/// use sci_stats::sem;
/// use sci_array::ndarray::array;
/// assert!((sem(&array![1.0, 2.0, 3.0, 4.0, 5.0], 1) - 0.7071067811865476).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.sem` (1-d input).
pub fn sem<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, ddof: usize) -> f64 {
    let v = values(a);
    // SciPy needs at least two observations, whatever ddof.
    if v.len() < 2 {
        return f64::NAN;
    }
    var_of(&v, ddof).sqrt() / (v.len() as f64).sqrt()
}

/// The z-scores (x - mean)/std(ddof) (SciPy's default ddof = 0).
///
/// # Examples
///
/// ```
/// use sci_stats::zscore;
/// use sci_array::ndarray::array;
/// let z = zscore(&array![1.0, 2.0, 3.0], 0);
/// assert!((z[2] - 1.224744871391589).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.zscore` (1-d input).
pub fn zscore<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, ddof: usize) -> Array1<f64> {
    let v = values(a);
    let m = mean_of(&v);
    let s = var_of(&v, ddof).sqrt();
    v.iter().map(|x| (x - m) / s).collect()
}

/// The coefficient of variation std(ddof)/mean (SciPy's default ddof = 0).
///
/// # Examples
///
/// ```
/// use sci_stats::variation;
/// use sci_array::ndarray::array;
/// assert!((variation(&array![1.0, 2.0, 3.0, 4.0, 5.0], 0) - 0.47140452079103173).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.variation` (1-d input).
pub fn variation<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, ddof: usize) -> f64 {
    let v = values(a);
    if v.is_empty() {
        return f64::NAN;
    }
    var_of(&v, ddof).sqrt() / mean_of(&v)
}

/// The result of [`mode`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModeResult {
    /// The most frequent value (the smallest of them on a tie).
    pub mode: f64,
    /// How often it occurs.
    pub count: f64,
}

/// The most frequent value and its count (the smallest such value on a tie; NaNs count as one
/// value, above all others); NaN and 0 for an empty sample.
///
/// # Examples
///
/// ```
/// use sci_stats::mode;
/// use sci_array::ndarray::array;
/// let m = mode(&array![3.0, 0.0, 3.0, 7.0, 0.0]);
/// assert_eq!((m.mode, m.count), (0.0, 2.0));
/// ```
///
/// SciPy equivalent: `scipy.stats.mode` (1-d input).
pub fn mode<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>) -> ModeResult {
    let mut v = values(a);
    if v.is_empty() {
        return ModeResult { mode: f64::NAN, count: 0.0 };
    }
    // NaNs sort last and count as one value, as in NumPy's `unique`.
    v.sort_by(f64::total_cmp);
    let same = |a: f64, b: f64| a == b || (a.is_nan() && b.is_nan());
    let (mut best, mut best_count) = (v[0], 0usize);
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && same(v[j], v[i]) {
            j += 1;
        }
        if j - i > best_count {
            best = v[i];
            best_count = j - i;
        }
        i = j;
    }
    ModeResult { mode: best, count: best_count as f64 }
}
