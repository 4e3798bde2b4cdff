//! More summary statistics: [`entropy`], [`iqr`], [`median_abs_deviation`], [`zmap`],
//! [`gstd`], trimming ([`trim_mean`], [`trimboth`], [`trim1`], [`sigmaclip`]), percentiles
//! ([`percentileofscore`], [`scoreatpercentile`]), histograms ([`cumfreq`], [`relfreq`]) and
//! [`obrientransform`].

use crate::anova::trimmed_mean_of;
use crate::error::{Result, StatsError};
use crate::significance::{np_mean, np_median, np_sum, np_var};
use ndarray::{Array1, ArrayBase, ArrayView1, Data, Ix1};
use sci_array::{Bins, QuantileMethod};

fn values<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>) -> Vec<f64> {
    a.iter().copied().collect()
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

/// -x ln x (SciPy's `entr`): 0 at 0, -inf below 0.
fn entr(x: f64) -> f64 {
    if x.is_nan() {
        x
    } else if x > 0.0 {
        -x * x.ln()
    } else if x == 0.0 {
        0.0
    } else {
        f64::NEG_INFINITY
    }
}

/// x ln(x/y) (SciPy's `rel_entr`): 0 when x = 0 and y ≥ 0, inf when x > 0 and y ≤ 0 or x < 0.
fn rel_entr(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        x * (x / y).ln()
    } else if x == 0.0 && y >= 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}

/// The Shannon entropy of the distribution `pk` (normalized to sum 1), or with `qk` the
/// relative entropy (Kullback-Leibler divergence) Σ pk ln(pk/qk); in units of `base`
/// (natural logarithm by default).
///
/// # Errors
///
/// `InvalidParameter` when `base` is not positive; `ShapeMismatch` when `qk` has another
/// length than `pk`.
///
/// # Examples
///
/// ```
/// use sci_stats::entropy;
/// use sci_array::ndarray::{Array1, array};
/// let fair = array![0.5, 0.5];
/// assert_eq!(entropy(&fair, None::<&Array1<f64>>, Some(2.0))?, 1.0);
/// let biased = array![9.0 / 10.0, 1.0 / 10.0];
/// assert!((entropy(&biased, None::<&Array1<f64>>, Some(2.0))? - 0.46899559358928117).abs() < 1e-15);
/// assert!((entropy(&fair, Some(&biased), None)? - 0.5108256237659906).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.entropy(pk, qk, base)` (1-d input).
pub fn entropy<S1, S2>(
    pk: &ArrayBase<S1, Ix1>,
    qk: Option<&ArrayBase<S2, Ix1>>,
    base: Option<f64>,
) -> Result<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if let Some(b) = base {
        if b.is_nan() || b <= 0.0 {
            return Err(StatsError::InvalidParameter {
                arg: "base",
                expected: "a positive number or None",
                found: b,
            });
        }
    }
    let p = values(pk);
    let sp = np_sum(&p);
    let terms: Vec<f64> = match qk {
        None => p.iter().map(|x| entr(x / sp)).collect(),
        Some(q) => {
            if q.len() != p.len() {
                return Err(StatsError::ShapeMismatch {
                    arg: "qk",
                    expected: vec![p.len()],
                    found: vec![q.len()],
                });
            }
            let q = values(q);
            let sq = np_sum(&q);
            p.iter().zip(&q).map(|(x, y)| rel_entr(x / sp, y / sq)).collect()
        }
    };
    let s = np_sum(&terms);
    Ok(match base {
        Some(b) => s / b.ln(),
        None => s,
    })
}

/// The scale [`iqr`] and [`median_abs_deviation`] divide by (SciPy's `scale`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Divide by this value (SciPy's numeric `scale`; 1 is the default).
    Value(f64),
    /// `'normal'`: scale so that the result estimates the standard deviation of normal data
    /// (2√2 erf⁻¹(1/2) ≈ 1.349 for the IQR, Φ⁻¹(3/4) ≈ 0.6745 for the MAD).
    Normal,
}

impl Default for Scale {
    fn default() -> Self {
        Scale::Value(1.0)
    }
}

/// The interquartile range (or any range `rng` of percentiles) of the data, divided by
/// `scale`, with NumPy's percentile `interpolation`.
///
/// NaN for empty input or input containing NaN.
///
/// # Errors
///
/// `InvalidParameter` when a bound of `rng` is NaN or outside [0, 100].
///
/// # Examples
///
/// ```
/// use sci_stats::{Scale, iqr};
/// use sci_array::QuantileMethod;
/// use sci_array::ndarray::array;
/// let x = array![10.0, 7.0, 4.0, 3.0, 2.0, 1.0];
/// assert_eq!(iqr(&x, (25.0, 75.0), Scale::Value(1.0), QuantileMethod::Linear)?, 4.0);
/// assert!((iqr(&x, (25.0, 75.0), Scale::Normal, QuantileMethod::Linear)? - 2.9652044370112036).abs() < 1e-15);
/// assert_eq!(iqr(&x, (25.0, 75.0), Scale::Value(1.0), QuantileMethod::Lower)?, 2.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.iqr(x, rng=..., scale=..., interpolation=...)` (1-d input).
pub fn iqr<S: Data<Elem = f64>>(
    x: &ArrayBase<S, Ix1>,
    rng: (f64, f64),
    scale: Scale,
    interpolation: QuantileMethod,
) -> Result<f64> {
    for r in [rng.0, rng.1] {
        if r.is_nan() {
            return Err(StatsError::InvalidParameter { arg: "rng", expected: "not NaN", found: r });
        }
    }
    let (lo, hi) =
        if rng.0 < rng.1 { (rng.0 / 100.0, rng.1 / 100.0) } else { (rng.1 / 100.0, rng.0 / 100.0) };
    if lo < 0.0 || hi > 1.0 {
        let bad = if lo < 0.0 { lo * 100.0 } else { hi * 100.0 };
        return Err(StatsError::InvalidParameter {
            arg: "rng",
            expected: "in the range [0, 100]",
            found: bad,
        });
    }
    let v = values(x);
    if v.is_empty() || v.iter().any(|t| t.is_nan()) {
        return Ok(f64::NAN);
    }
    let q = sci_array::quantile(&ArrayView1::from(&v[..]), &[lo, hi], None, interpolation)?;
    let q: Vec<f64> = q.iter().copied().collect();
    let out = q[1] - q[0];
    Ok(match scale {
        Scale::Value(1.0) => out,
        Scale::Value(s) => out / s,
        Scale::Normal => out / 1.3489795003921634,
    })
}

/// The median absolute deviation from the median, median(|x - median(x)|), divided by
/// `scale`.
///
/// NaN for empty input or input containing NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{Scale, median_abs_deviation};
/// use sci_array::ndarray::array;
/// let x = array![1.0, 2.0, 3.0, 4.0, 100.0];
/// assert_eq!(median_abs_deviation(&x, Scale::Value(1.0)), 1.0);
/// assert!((median_abs_deviation(&x, Scale::Normal) - 1.482602218505602).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.median_abs_deviation(x, scale=...)` (1-d input, median
/// centre).
pub fn median_abs_deviation<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix1>, scale: Scale) -> f64 {
    let v = values(x);
    let med = np_median(&v);
    let dev: Vec<f64> = v.iter().map(|t| (t - med).abs()).collect();
    let mad = np_median(&dev);
    match scale {
        Scale::Value(s) => mad / s,
        Scale::Normal => mad / 0.6744897501960817,
    }
}

/// The z scores of `scores` relative to the mean and standard deviation (with `ddof`) of
/// `compare`: (scores - mean(compare)) / std(compare).
///
/// All NaN when `compare` is empty or contains NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::zmap;
/// use sci_array::ndarray::array;
/// let z = zmap(&array![0.5, 2.0, 2.5, 3.0], &array![0.0, 1.0, 2.0, 3.0, 4.0], 0);
/// assert!((z[1] - 0.0).abs() < 1e-15);
/// assert!((z[3] - 0.7071067811865475).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.zmap(scores, compare, ddof=...)` (1-d input).
pub fn zmap<S1, S2>(scores: &ArrayBase<S1, Ix1>, compare: &ArrayBase<S2, Ix1>, ddof: usize) -> Array1<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let c = values(compare);
    let mn = np_mean(&c);
    let std = np_var(&c, ddof).sqrt();
    scores.mapv(|s| (s - mn) / std)
}

/// The geometric standard deviation exp(std(ln a, ddof)).
///
/// NaN when a value is not positive (SciPy warns), for NaN input and when there are at most
/// `ddof` values.
///
/// # Examples
///
/// ```
/// use sci_stats::gstd;
/// use sci_array::ndarray::array;
/// let x = array![1.0, 2.0, 4.0, 8.0];
/// assert!((gstd(&x, 1) - 2.4469666667017522).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.gstd(a, ddof=...)` (1-d input).
pub fn gstd<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, ddof: usize) -> f64 {
    let logs: Vec<f64> = a.iter().map(|x| if *x < 0.0 { f64::NAN } else { x.ln() }).collect();
    np_var(&logs, ddof).sqrt().exp()
}

fn proportion_error(p: f64) -> StatsError {
    StatsError::InvalidParameter {
        arg: "proportiontocut",
        expected: "small enough to leave values (Proportion too big.)",
        found: p,
    }
}

/// The mean of the data after cutting the fraction `proportiontocut` of the values from
/// each end (`int(proportiontocut · n)` values each).
///
/// NaN for empty input or input containing NaN.
///
/// # Errors
///
/// `InvalidParameter` when the cut leaves fewer than zero values ("Proportion too big.") or
/// is a negative number of values.
///
/// # Examples
///
/// ```
/// use sci_stats::trim_mean;
/// use sci_array::ndarray::Array1;
/// let x = Array1::range(0.0, 20.0, 1.0);
/// assert_eq!(trim_mean(&x, 0.1)?, 9.5);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.trim_mean(a, proportiontocut)` (1-d input).
pub fn trim_mean<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, proportiontocut: f64) -> Result<f64> {
    let v = values(a);
    if v.is_empty() {
        return Ok(f64::NAN);
    }
    let m = trimmed_mean_of(&v, proportiontocut)?;
    Ok(if v.iter().any(|x| x.is_nan()) { f64::NAN } else { m })
}

/// The number of values to cut, `int(p · n)` (Python's truncation); a negative count (which
/// makes NumPy's partition index out of bounds) or NaN is an error.
fn cut_count(p: f64, n: usize) -> Result<usize> {
    let c = (p * n as f64).trunc();
    if c.is_nan() || c < 0.0 {
        return Err(proportion_error(p));
    }
    Ok((c.min(n as f64 + 1.0)) as usize)
}

/// The data without the fraction `proportiontocut` of the values at each end, in ascending
/// order (SciPy returns the same values in `np.partition`'s order).
///
/// # Errors
///
/// `InvalidParameter` when nothing would be left ("Proportion too big.") or the proportion
/// cuts a negative number of values.
///
/// # Examples
///
/// ```
/// use sci_stats::trimboth;
/// use sci_array::ndarray::{Array1, array};
/// let x = Array1::range(0.0, 10.0, 1.0);
/// assert_eq!(trimboth(&x, 0.1)?, array![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.trimboth(a, proportiontocut)` (1-d input).
pub fn trimboth<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, proportiontocut: f64) -> Result<Array1<f64>> {
    let v = values(a);
    if v.is_empty() {
        return Ok(Array1::zeros(0));
    }
    let n = v.len();
    let low = cut_count(proportiontocut, n)?;
    if low >= n.saturating_sub(low) || 2 * low >= n {
        return Err(proportion_error(proportiontocut));
    }
    Ok(Array1::from(sorted(&v)[low..n - low].to_vec()))
}

/// Which end [`trim1`] cuts (SciPy's `tail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tail {
    /// Cut the largest values (`'right'`, the default).
    #[default]
    Right,
    /// Cut the smallest values (`'left'`).
    Left,
}

/// The data without the fraction `proportiontocut` of the values at one end, in ascending
/// order; empty when `proportiontocut` ≥ 1.
///
/// # Examples
///
/// ```
/// use sci_stats::{Tail, trim1};
/// use sci_array::ndarray::{Array1, array};
/// let x = Array1::range(0.0, 10.0, 1.0);
/// assert_eq!(trim1(&x, 0.2, Tail::Left)?, array![2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// # Errors
///
/// `InvalidParameter` when `proportiontocut` is NaN or cuts a negative number of values.
///
/// SciPy equivalent: `scipy.stats.trim1(a, proportiontocut, tail)` (1-d input).
pub fn trim1<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    proportiontocut: f64,
    tail: Tail,
) -> Result<Array1<f64>> {
    if proportiontocut >= 1.0 {
        return Ok(Array1::zeros(0));
    }
    let v = values(a);
    let n = v.len();
    let c = cut_count(proportiontocut, n)?.min(n);
    let s = sorted(&v);
    Ok(Array1::from(match tail {
        Tail::Right => s[..n - c].to_vec(),
        Tail::Left => s[c..].to_vec(),
    }))
}

/// The result of [`sigmaclip`].
#[derive(Debug, Clone, PartialEq)]
pub struct SigmaclipResult {
    /// The values kept, in their original order.
    pub clipped: Array1<f64>,
    /// The final lower clipping bound mean - low·std.
    pub lower: f64,
    /// The final upper clipping bound mean + high·std.
    pub upper: f64,
}

/// Iterative sigma clipping: drop the values outside [mean - low·std, mean + high·std] until
/// none is dropped (std with ddof 0).
///
/// # Examples
///
/// ```
/// use sci_stats::sigmaclip;
/// use sci_array::ndarray::{Array1, Axis, concatenate};
/// let a = concatenate![Axis(0), Array1::linspace(9.5, 10.5, 31), Array1::linspace(0.0, 20.0, 5)];
/// let r = sigmaclip(&a, 1.5, 1.5);
/// assert!((r.lower - 9.964644660940673).abs() < 1e-12);
/// assert!((r.upper - 10.035355339059327).abs() < 1e-12);
/// assert_eq!(r.clipped.len(), 4);
/// ```
///
/// SciPy equivalent: `scipy.stats.sigmaclip(a, low, high)`.
pub fn sigmaclip<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>, low: f64, high: f64) -> SigmaclipResult {
    let mut c = values(a);
    loop {
        let std = np_var(&c, 0).sqrt();
        let mean = np_mean(&c);
        let size = c.len();
        let lower = mean - std * low;
        let upper = mean + std * high;
        c.retain(|&x| x >= lower && x <= upper);
        if c.len() == size {
            return SigmaclipResult { clipped: Array1::from(c), lower, upper };
        }
    }
}

/// How [`percentileofscore`] counts values equal to the score (SciPy's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PercentileKind {
    /// The average percentage ranking of the score (`'rank'`, the default).
    #[default]
    Rank,
    /// The percentage of values strictly below the score (`'strict'`).
    Strict,
    /// The percentage of values at most the score (`'weak'`).
    Weak,
    /// The average of `Strict` and `Weak` (`'mean'`).
    Mean,
}

/// The percentile rank of `score` among the values of `a`.
///
/// NaN when `a` is empty or contains NaN, or when `score` is NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{PercentileKind, percentileofscore};
/// use sci_array::ndarray::array;
/// let a = array![1.0, 2.0, 3.0, 3.0, 4.0];
/// assert_eq!(percentileofscore(&a, 3.0, PercentileKind::Rank), 70.0);
/// assert_eq!(percentileofscore(&a, 3.0, PercentileKind::Strict), 40.0);
/// assert_eq!(percentileofscore(&a, 3.0, PercentileKind::Weak), 80.0);
/// assert_eq!(percentileofscore(&a, 3.0, PercentileKind::Mean), 60.0);
/// ```
///
/// SciPy equivalent: `scipy.stats.percentileofscore(a, score, kind)` (scalar score).
pub fn percentileofscore<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    score: f64,
    kind: PercentileKind,
) -> f64 {
    let n = a.len();
    if n == 0 || score.is_nan() || a.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let left = a.iter().filter(|&&x| x < score).count() as f64;
    let right = a.iter().filter(|&&x| x <= score).count() as f64;
    let nf = n as f64;
    match kind {
        PercentileKind::Rank => (left + right + if left < right { 1.0 } else { 0.0 }) * (50.0 / nf),
        PercentileKind::Strict => left * (100.0 / nf),
        PercentileKind::Weak => right * (100.0 / nf),
        PercentileKind::Mean => (left + right) * (50.0 / nf),
    }
}

/// How [`scoreatpercentile`] picks a value between two data points (SciPy's
/// `interpolation_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScoreInterpolation {
    /// Linear interpolation between the two neighbours (`'fraction'`, the default).
    #[default]
    Fraction,
    /// The lower neighbour (`'lower'`).
    Lower,
    /// The higher neighbour (`'higher'`).
    Higher,
}

/// The score at the percentile `per` of the data, optionally only of the values within
/// `limit` (inclusive).
///
/// NaN for empty input; 0 when no value lies within `limit` and `per` is 0 or 100 (SciPy's
/// sum over an empty selection).
///
/// # Errors
///
/// `InvalidParameter` when `per` is outside [0, 100]; `InvalidValue` when no value lies
/// within `limit` for another `per` (SciPy raises a broadcasting error).
///
/// # Examples
///
/// ```
/// use sci_stats::{ScoreInterpolation, scoreatpercentile};
/// use sci_array::ndarray::Array1;
/// let a = Array1::range(0.0, 100.0, 1.0);
/// assert_eq!(scoreatpercentile(&a, 50.0, None, ScoreInterpolation::Fraction)?, 49.5);
/// assert_eq!(scoreatpercentile(&a, 50.0, None, ScoreInterpolation::Higher)?, 50.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.scoreatpercentile(a, per, limit, interpolation_method)`
/// (scalar `per`, 1-d input).
pub fn scoreatpercentile<S: Data<Elem = f64>>(
    a: &ArrayBase<S, Ix1>,
    per: f64,
    limit: Option<(f64, f64)>,
    interpolation: ScoreInterpolation,
) -> Result<f64> {
    if a.is_empty() {
        return Ok(f64::NAN);
    }
    let mut v = values(a);
    if let Some((lo, hi)) = limit {
        v.retain(|&x| lo <= x && x <= hi);
    }
    if !(0.0..=100.0).contains(&per) {
        return Err(StatsError::InvalidParameter {
            arg: "per",
            expected: "in the range [0, 100]",
            found: per,
        });
    }
    // NumPy's sort puts NaN last.
    v.sort_by(|x, y| x.partial_cmp(y).unwrap_or_else(|| x.is_nan().cmp(&y.is_nan())));
    let mut idx = per / 100.0 * (v.len() as f64 - 1.0);
    if idx.trunc() != idx {
        match interpolation {
            ScoreInterpolation::Lower => idx = idx.floor(),
            ScoreInterpolation::Higher => idx = idx.ceil(),
            ScoreInterpolation::Fraction => {}
        }
    }
    if v.is_empty() {
        // No value within `limit`: SciPy sums an empty slice (0) at an integral index and
        // fails to broadcast the two interpolation weights otherwise.
        if idx.trunc() == idx {
            return Ok(0.0);
        }
        return Err(StatsError::InvalidValue {
            arg: "limit",
            reason: "no values within `limit` to interpolate between".into(),
        });
    }
    let i = idx.trunc();
    if i == idx {
        return Ok(v[i as usize]);
    }
    let iu = i as usize;
    let (w0, w1) = (i + 1.0 - idx, idx - i);
    Ok((v[iu] * w0 + v[iu + 1] * w1) / (w0 + w1))
}

/// A histogram summary: [`cumfreq`]'s cumulative counts or [`relfreq`]'s relative
/// frequencies, with the bins' lower limit and width and the number of points outside them.
#[derive(Debug, Clone, PartialEq)]
pub struct FreqResult {
    /// Cumulative counts ([`cumfreq`]) or relative frequencies ([`relfreq`]) per bin.
    pub frequency: Array1<f64>,
    /// The lower limit of the first bin.
    pub lowerlimit: f64,
    /// The width of each bin.
    pub binsize: f64,
    /// The number of points outside the limits.
    pub extrapoints: usize,
}

fn histogram_of(
    a: &[f64],
    numbins: usize,
    limits: Option<(f64, f64)>,
    weights: Option<&[f64]>,
) -> Result<FreqResult> {
    if numbins == 0 {
        return Err(StatsError::InvalidParameter { arg: "numbins", expected: ">= 1", found: 0.0 });
    }
    if let Some(w) = weights {
        if w.len() != a.len() {
            return Err(StatsError::ShapeMismatch {
                arg: "weights",
                expected: vec![a.len()],
                found: vec![w.len()],
            });
        }
    }
    let limits = match limits {
        Some(l) => l,
        None if a.is_empty() => (0.0, 1.0),
        None => {
            let mn = a.iter().copied().fold(f64::INFINITY, |m, x| if x < m || x.is_nan() { x } else { m });
            let mx =
                a.iter().copied().fold(f64::NEG_INFINITY, |m, x| if x > m || x.is_nan() { x } else { m });
            let s = (mx - mn) / (2.0 * (numbins as f64 - 1.0));
            (mn - s, mx + s)
        }
    };
    let av = ArrayView1::from(a);
    let wv = weights.map(ArrayView1::from);
    let (hist, edges) = sci_array::histogram(&av, &Bins::Count(numbins), Some(limits), false, wv.as_ref())?;
    let extrapoints = a.iter().filter(|&&v| limits.0 > v || v > limits.1).count();
    Ok(FreqResult { frequency: hist, lowerlimit: limits.0, binsize: edges[1] - edges[0], extrapoints })
}

/// The cumulative histogram of the data: `numbins` equal bins over `defaultreallimits`
/// (default: the data's range widened by half a bin on each side).
///
/// # Errors
///
/// `InvalidParameter` for zero bins; `ShapeMismatch` for weights of another length; the
/// histogram's errors for NaN or infinite data without limits or reversed limits.
///
/// # Examples
///
/// ```
/// use sci_stats::cumfreq;
/// use sci_array::ndarray::{Array1, array};
/// let r = cumfreq(&array![1.0, 4.0, 2.0, 1.0, 3.0, 1.0], 4, Some((1.5, 5.0)), None::<&Array1<f64>>)?;
/// assert_eq!(r.frequency, array![1.0, 2.0, 3.0, 3.0]);
/// assert_eq!(r.extrapoints, 3);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.cumfreq(a, numbins, defaultreallimits, weights)`.
pub fn cumfreq<S1, S2>(
    a: &ArrayBase<S1, Ix1>,
    numbins: usize,
    defaultreallimits: Option<(f64, f64)>,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<FreqResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let w = weights.map(values);
    let mut r = histogram_of(&values(a), numbins, defaultreallimits, w.as_deref())?;
    let mut acc = 0.0;
    r.frequency.mapv_inplace(|h| {
        acc += h;
        acc
    });
    Ok(r)
}

/// The relative frequency histogram of the data (counts divided by the number of values);
/// bins as [`cumfreq`].
///
/// # Errors
///
/// As [`cumfreq`].
///
/// # Examples
///
/// ```
/// use sci_stats::relfreq;
/// use sci_array::ndarray::{Array1, array};
/// let r = relfreq(&array![2.0, 4.0, 1.0, 2.0, 3.0, 2.0], 4, None, None::<&Array1<f64>>)?;
/// assert_eq!(r.frequency, array![1.0 / 6.0, 0.5, 1.0 / 6.0, 1.0 / 6.0]);
/// assert_eq!(r.lowerlimit, 0.5);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.relfreq(a, numbins, defaultreallimits, weights)`.
pub fn relfreq<S1, S2>(
    a: &ArrayBase<S1, Ix1>,
    numbins: usize,
    defaultreallimits: Option<(f64, f64)>,
    weights: Option<&ArrayBase<S2, Ix1>>,
) -> Result<FreqResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let w = weights.map(values);
    let mut r = histogram_of(&values(a), numbins, defaultreallimits, w.as_deref())?;
    let n = a.len() as f64;
    r.frequency.mapv_inplace(|h| h / n);
    Ok(r)
}

/// O'Brien's transformation of each sample, whose means are the sample variances (ddof 1), so
/// that an ANOVA of the transformed samples tests equal variances.
///
/// # Errors
///
/// `InvalidValue` when a transformed mean does not reproduce the variance to √ε (SciPy's "Lack
/// of convergence in obrientransform.").
///
/// # Examples
///
/// ```
/// use sci_stats::obrientransform;
/// use sci_array::ndarray::array;
/// let t = obrientransform(&[array![1.0, 2.0, 4.0, 8.0]])?;
/// assert!((t[0][0] - 10.208333333333334).abs() < 1e-13);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.obrientransform(*samples)`.
pub fn obrientransform<S: Data<Elem = f64>>(samples: &[ArrayBase<S, Ix1>]) -> Result<Vec<Array1<f64>>> {
    let tiny = f64::EPSILON.sqrt();
    let mut out = Vec::with_capacity(samples.len());
    for (k, s) in samples.iter().enumerate() {
        let v = values(s);
        let n = v.len() as f64;
        let mu = np_mean(&v);
        let sq: Vec<f64> = v.iter().map(|x| (x - mu).powi(2)).collect();
        let sumsq = np_sum(&sq);
        let t: Vec<f64> =
            sq.iter().map(|q| ((n - 1.5) * n * q - 0.5 * sumsq) / ((n - 1.0) * (n - 2.0))).collect();
        let var = sumsq / (n - 1.0);
        if (var - np_mean(&t)).abs() > tiny {
            return Err(StatsError::InvalidValue {
                arg: "samples",
                reason: format!("lack of convergence in obrientransform (sample {k})"),
            });
        }
        out.push(Array1::from(t));
    }
    Ok(out)
}
