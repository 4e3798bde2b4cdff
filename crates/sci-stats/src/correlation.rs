//! Correlation coefficients with their p-values.

use crate::Alternative;
use crate::descriptive::values;
use crate::error::{Result, StatsError, check_len};
use ndarray::{ArrayBase, Data, Ix1};
use sci_array::special::betainc;

/// A correlation coefficient (or other statistic) and its p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CorrelationResult {
    /// The statistic.
    pub statistic: f64,
    /// The p-value under the null hypothesis of no association.
    pub pvalue: f64,
}

pub(crate) fn same_len(x: usize, y: usize) -> Result<()> {
    if x == y {
        Ok(())
    } else {
        Err(StatsError::ShapeMismatch { arg: "y", expected: vec![x], found: vec![y] })
    }
}

/// Pearson's r of two samples and its p-value: the exact distribution of r for normal samples
/// is a beta distribution B(n/2 - 1, n/2 - 1) on [-1, 1].
///
/// A constant input gives NaN for both (SciPy warns `ConstantInputWarning`); n = 2 gives r = ±1
/// and p = 1.
///
/// # Errors
///
/// `ShapeMismatch` when the lengths differ, `TooShort` below 2 observations.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, pearsonr};
/// use sci_array::ndarray::array;
/// let x = array![1.0, 2.0, 3.0, 4.0, 5.0];
/// let y = array![10.0, 9.0, 2.5, 6.0, 4.0];
/// let r = pearsonr(&x, &y, Alternative::TwoSided)?;
/// assert!((r.statistic + 0.7426106572325056).abs() < 1e-15);
/// assert!((r.pvalue - 0.1505558088534455).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.pearsonr` (1-d input, `method=None`).
pub fn pearsonr<S1, S2>(
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
    Ok(pearson_slices(&values(x), &values(y), alternative))
}

/// Pearson's r and p-value of two equal-length slices with n ≥ 2.
pub(crate) fn pearson_slices(x: &[f64], y: &[f64], alternative: Alternative) -> CorrelationResult {
    let n = x.len();
    let constant = |v: &[f64]| v.iter().all(|&a| a == v[0]);
    if constant(x) || constant(y) {
        return CorrelationResult { statistic: f64::NAN, pvalue: f64::NAN };
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    // As SciPy: scale the deviations by their largest magnitude before the norm.
    let xmax = x.iter().fold(0.0f64, |m, &a| m.max((a - mx).abs()));
    let ymax = y.iter().fold(0.0f64, |m, &a| m.max((a - my).abs()));
    let nx = xmax * x.iter().map(|&a| ((a - mx) / xmax).powi(2)).sum::<f64>().sqrt();
    let ny = ymax * y.iter().map(|&a| ((a - my) / ymax).powi(2)).sum::<f64>().sqrt();
    let r: f64 = x.iter().zip(y).map(|(&a, &b)| ((a - mx) / nx) * ((b - my) / ny)).sum();
    let r = r.clamp(-1.0, 1.0);
    if n == 2 {
        return CorrelationResult { statistic: r.round(), pvalue: if r.is_nan() { f64::NAN } else { 1.0 } };
    }
    let ab = n as f64 / 2.0 - 1.0;
    // Beta(ab, ab) on [-1, 1]: cdf(r) = I_{(r+1)/2}(ab, ab), sf(r) = I_{1-(r+1)/2}(ab, ab).
    let cdf = |r: f64| betainc(ab, ab, (r + 1.0) / 2.0);
    let sf = |r: f64| betainc(ab, ab, 1.0 - (r + 1.0) / 2.0);
    let pvalue = match alternative {
        Alternative::TwoSided => 2.0 * sf(r.abs()),
        Alternative::Less => cdf(r),
        Alternative::Greater => sf(r),
    };
    CorrelationResult { statistic: r, pvalue }
}
