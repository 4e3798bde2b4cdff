//! The result type shared by the significance tests and the NumPy-exact reductions and p-value
//! helpers they use.

use crate::Alternative;
use crate::distributions::{Chi2, ContinuousDistribution, FDist};
use ndarray::ArrayView1;
use sci_array::special::ndtr;

/// The statistic of a hypothesis test and its p-value (SciPy's `SignificanceResult`, and the
/// two-field named tuples `F_onewayResult`, `KruskalResult`, `LeveneResult`, ... which carry
/// the same two numbers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignificanceResult {
    /// The test statistic.
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
}

impl SignificanceResult {
    pub(crate) const NAN: Self = Self { statistic: f64::NAN, pvalue: f64::NAN };
}

/// NumPy's `np.sum` of a contiguous 1-d array: pairwise summation (8 accumulators per block of
/// at most 128 elements), so that sums agree with SciPy's to the last bit.
pub(crate) fn np_sum(v: &[f64]) -> f64 {
    sci_array::sum(&ArrayView1::from(v), None).map_or(f64::NAN, |s| s.iter().next().copied().unwrap_or(0.0))
}

/// NumPy's `np.mean` of a 1-d array (NaN when empty).
pub(crate) fn np_mean(v: &[f64]) -> f64 {
    np_sum(v) / v.len() as f64
}

/// NumPy's `np.var(v, ddof=ddof)`: mean, then the pairwise sum of squared deviations (NaN when
/// n ≤ ddof).
pub(crate) fn np_var(v: &[f64], ddof: usize) -> f64 {
    if v.len() <= ddof {
        return f64::NAN;
    }
    let m = np_mean(v);
    let sq: Vec<f64> = v.iter().map(|x| (x - m) * (x - m)).collect();
    np_sum(&sq) / (v.len() - ddof) as f64
}

/// NumPy's `np.median` of a 1-d array (NaN when empty or when it contains NaN).
pub(crate) fn np_median(v: &[f64]) -> f64 {
    let n = v.len();
    if n == 0 || v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 }
}

/// The p-value of a standard normal statistic (SciPy's `_get_pvalue` with `_SimpleNormal`).
pub(crate) fn normal_pvalue(z: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::Less => ndtr(z),
        Alternative::Greater => ndtr(-z),
        Alternative::TwoSided => 2.0 * ndtr(-z.abs()),
    }
}

/// P(X > x) for X ~ χ²(df) (SciPy's `chdtrc`); NaN for an invalid `df` or x < 0.
pub(crate) fn chi2_sf(x: f64, df: f64) -> f64 {
    // Cephes' chdtrc: a negative statistic is outside the domain.
    if x < 0.0 {
        return f64::NAN;
    }
    Chi2::new(df, 0.0, 1.0).map_or(f64::NAN, |d| d.sf(x))
}

/// P(X > x) for X ~ F(dfn, dfd) (SciPy's `fdtrc`); NaN for invalid degrees of freedom or
/// x < 0.
pub(crate) fn f_sf(x: f64, dfn: f64, dfd: f64) -> f64 {
    // Cephes' fdtrc: a negative statistic is outside the domain.
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    FDist::new(dfn, dfd, 0.0, 1.0).map_or(f64::NAN, |d| d.sf(x))
}

/// Average ranks (1-based) of `v` and the sizes of its groups of ties, ranked in sorted order
/// (SciPy's `_rankdata(v, 'average', return_ties=True)`; `v` must not contain NaN).
pub(crate) fn avg_ranks_ties(v: &[f64]) -> (Vec<f64>, Vec<usize>) {
    let n = v.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
    let mut ranks = vec![0.0; n];
    let mut ties = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && v[order[j]] == v[order[i]] {
            j += 1;
        }
        ties.push(j - i);
        let r = (i + 1) as f64 + ((j - i) as f64 - 1.0) / 2.0;
        for &idx in &order[i..j] {
            ranks[idx] = r;
        }
        i = j;
    }
    (ranks, ties)
}
