//! Rank tests on k samples and on paired samples: [`kruskal`], [`ranksums`],
//! [`friedmanchisquare`], [`wilcoxon`] and the tie correction [`tiecorrect`].

use crate::anova::collect_samples;
use crate::error::{Result, StatsError};
use crate::rank_tests::PvalueMethod;
use crate::significance::{SignificanceResult, avg_ranks_ties, chi2_sf, normal_pvalue, np_sum};
use crate::{Alternative, correlation::same_len};
use ndarray::{ArrayBase, Data, Ix1};

/// The tie correction factor 1 - Σ(t³ - t)/(n³ - n) of the Kruskal-Wallis and Mann-Whitney
/// tests, from the ranks `rankvals` (t runs over the sizes of the groups of equal values);
/// 1 for fewer than two values.
///
/// # Examples
///
/// ```
/// use sci_stats::tiecorrect;
/// use sci_array::ndarray::array;
/// assert_eq!(tiecorrect(&array![1.0, 2.5, 2.5, 4.0]), 0.9);
/// ```
///
/// SciPy equivalent: `scipy.stats.tiecorrect`.
pub fn tiecorrect<S: Data<Elem = f64>>(rankvals: &ArrayBase<S, Ix1>) -> f64 {
    let n = rankvals.len();
    if n < 2 {
        return 1.0;
    }
    let mut v: Vec<f64> = rankvals.iter().copied().collect();
    v.sort_by(f64::total_cmp);
    let mut s = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        // NaN never equals itself: each NaN is a group of one, as NumPy's comparison.
        while j < n && v[j] == v[i] {
            j += 1;
        }
        let t = (j - i) as f64;
        s += t * t * t - t;
        i = j;
    }
    let nf = n as f64;
    1.0 - s / (nf * nf * nf - nf)
}

/// The Kruskal-Wallis H test: H₀ is that all samples come from the same distribution
/// (equal population medians).
///
/// H = (12/(N(N+1)) Σ Rᵢ²/nᵢ - 3(N+1)) / (1 - Σ(t³-t)/(N³-N)) with Rᵢ the rank sums (average
/// ranks for ties), compared with χ²(k - 1). NaN when a sample is empty or has NaN, and when
/// all values are equal.
///
/// # Errors
///
/// `TooShort` for fewer than two samples.
///
/// # Examples
///
/// ```
/// use sci_stats::kruskal;
/// use sci_array::ndarray::array;
/// let x = array![1.0, 3.0, 5.0, 7.0, 9.0];
/// let y = array![2.0, 4.0, 6.0, 8.0, 10.0];
/// let r = kruskal(&[x, y])?;
/// assert!((r.statistic - 0.2727272727272734).abs() < 1e-14);
/// assert!((r.pvalue - 0.6015081344405895).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.kruskal(*samples)` (1-d samples).
pub fn kruskal<S: Data<Elem = f64>>(samples: &[ArrayBase<S, Ix1>]) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 2)?;
    if v.iter().any(|s| s.is_empty() || s.iter().any(|x| x.is_nan())) {
        return Ok(SignificanceResult::NAN);
    }
    let all: Vec<f64> = v.iter().flatten().copied().collect();
    let n = all.len() as f64;
    let (ranks, ties) = avg_ranks_ties(&all);
    let t: Vec<f64> = ties.iter().map(|&t| (t * t * t - t) as f64).collect();
    let tie = 1.0 - np_sum(&t) / (n * n * n - n);
    let mut ssbn = 0.0;
    let mut start = 0;
    for s in &v {
        let r = np_sum(&ranks[start..start + s.len()]);
        start += s.len();
        ssbn += r * r / s.len() as f64;
    }
    let h = (12.0 / (n * (n + 1.0)) * ssbn - 3.0 * (n + 1.0)) / tie;
    Ok(SignificanceResult { statistic: h, pvalue: chi2_sf(h, v.len() as f64 - 1.0) })
}

/// The Wilcoxon rank-sum test of two independent samples (normal approximation, no tie
/// correction): z = (R₁ - n₁(n₁+n₂+1)/2) / √(n₁n₂(n₁+n₂+1)/12).
///
/// NaN when a sample is empty or has NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, ranksums};
/// use sci_array::ndarray::array;
/// let x = array![1.0, 3.0, 5.0, 7.0, 9.0];
/// let y = array![2.0, 4.0, 6.0, 8.0, 10.0];
/// let r = ranksums(&x, &y, Alternative::TwoSided);
/// assert!((r.statistic + 0.5222329678670935).abs() < 1e-15);
/// assert!((r.pvalue - 0.6015081344405899).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.stats.ranksums(x, y, alternative=...)`.
pub fn ranksums<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    alternative: Alternative,
) -> SignificanceResult
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let (n1, n2) = (x.len(), y.len());
    if n1 == 0 || n2 == 0 || x.iter().chain(y.iter()).any(|v| v.is_nan()) {
        return SignificanceResult::NAN;
    }
    let all: Vec<f64> = x.iter().chain(y.iter()).copied().collect();
    let (ranks, _) = avg_ranks_ties(&all);
    let s = np_sum(&ranks[..n1]);
    let (a, b) = (n1 as f64, n2 as f64);
    let expected = a * (a + b + 1.0) / 2.0;
    let z = (s - expected) / (a * b * (a + b + 1.0) / 12.0).sqrt();
    SignificanceResult { statistic: z, pvalue: normal_pvalue(z, alternative) }
}

/// The Friedman test for repeated measurements: k ≥ 3 paired samples (treatments) of n
/// subjects each; each subject's k values are ranked.
///
/// χ²_F = (12/(nk(k+1)) Σⱼ Rⱼ² - 3n(k+1)) / (1 - Σ t(t²-1)/(nk(k²-1))), compared with
/// χ²(k - 1). NaN when the samples are empty or contain NaN.
///
/// # Errors
///
/// `TooShort` for fewer than three samples ("At least 3 samples must be given"),
/// `ShapeMismatch` when their lengths differ.
///
/// # Examples
///
/// ```
/// use sci_stats::friedmanchisquare;
/// use sci_array::ndarray::array;
/// let before = array![72.0, 96.0, 88.0, 92.0, 74.0, 76.0, 82.0];
/// let immediately_after = array![120.0, 120.0, 132.0, 120.0, 101.0, 96.0, 112.0];
/// let five_min_after = array![76.0, 95.0, 104.0, 96.0, 84.0, 72.0, 76.0];
/// let r = friedmanchisquare(&[before, immediately_after, five_min_after])?;
/// assert!((r.statistic - 10.57142857142857).abs() < 1e-13);
/// assert!((r.pvalue - 0.005063414171757498).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.friedmanchisquare(*samples)` (1-d samples).
pub fn friedmanchisquare<S: Data<Elem = f64>>(samples: &[ArrayBase<S, Ix1>]) -> Result<SignificanceResult> {
    let v = collect_samples(samples, 3)?;
    let n = v[0].len();
    for s in &v[1..] {
        if s.len() != n {
            return Err(StatsError::ShapeMismatch {
                arg: "samples",
                expected: vec![n],
                found: vec![s.len()],
            });
        }
    }
    if n == 0 || v.iter().flatten().any(|x| x.is_nan()) {
        return Ok(SignificanceResult::NAN);
    }
    let k = v.len();
    let mut colsum = vec![0.0; k];
    let mut ties = 0.0;
    let mut row = vec![0.0; k];
    for i in 0..n {
        for (r, s) in row.iter_mut().zip(&v) {
            *r = s[i];
        }
        let (ranks, t) = avg_ranks_ties(&row);
        for (c, r) in colsum.iter_mut().zip(&ranks) {
            *c += r;
        }
        ties += t.iter().map(|&t| (t * (t * t - 1)) as f64).sum::<f64>();
    }
    let (kf, nf) = (k as f64, n as f64);
    let c = 1.0 - ties / (kf * (kf * kf - 1.0) * nf);
    let ssbn: f64 = np_sum(&colsum.iter().map(|r| r * r).collect::<Vec<f64>>());
    let stat = (12.0 / (kf * nf * (kf + 1.0)) * ssbn - 3.0 * nf * (kf + 1.0)) / c;
    Ok(SignificanceResult { statistic: stat, pvalue: chi2_sf(stat, kf - 1.0) })
}

/// How [`wilcoxon`] treats zero differences (SciPy's `zero_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZeroMethod {
    /// Drop the zeros (`'wilcox'`, the default).
    #[default]
    Wilcox,
    /// Rank the zeros with the others, then drop their ranks (`'pratt'`).
    Pratt,
    /// Rank the zeros and split their ranks evenly between the positive and negative sums
    /// (`'zsplit'`).
    Zsplit,
}

/// The result of [`wilcoxon`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WilcoxonResult {
    /// The rank sum of the positive differences (`alternative` less or greater), or the smaller
    /// of the positive and negative rank sums (two-sided).
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
    /// The normal statistic, only when `method` is `PvalueMethod::Asymptotic` (SciPy's
    /// `zstatistic`; -|z| for the two-sided test).
    pub zstatistic: Option<f64>,
}

/// Rank sums and normal approximation of the signed-rank statistic (SciPy's
/// `_wilcoxon_statistic`): (r_plus, r_minus, se, z, count, has_ties).
struct SignedRank {
    r_plus: f64,
    r_minus: f64,
    se: f64,
    count: usize,
    has_ties: bool,
}

fn signed_rank(d: &[f64], zero_method: ZeroMethod) -> (SignedRank, Vec<f64>) {
    let n_zero = d.iter().filter(|&&x| x == 0.0).count();
    let wilcox = zero_method == ZeroMethod::Wilcox;
    // With 'wilcox' the zeros are left out of the ranking (SciPy ranks them as NaN, after every
    // other value, which leaves the other ranks unchanged).
    let idx: Vec<usize> = (0..d.len()).filter(|&i| !(wilcox && d[i] == 0.0)).collect();
    let absd: Vec<f64> = idx.iter().map(|&i| d[i].abs()).collect();
    let (r, ties) = avg_ranks_ties(&absd);
    let mut ranks = vec![0.0; d.len()];
    for (&i, &ri) in idx.iter().zip(&r) {
        ranks[i] = ri;
    }
    let mut r_plus = 0.0;
    let mut r_minus = 0.0;
    let mut r_zero = 0.0;
    for (&x, &rk) in d.iter().zip(&ranks) {
        if x > 0.0 {
            r_plus += rk;
        } else if x < 0.0 {
            r_minus += rk;
        } else {
            r_zero += rk;
        }
    }
    let has_ties = ties.iter().any(|&t| t > 1);
    if zero_method == ZeroMethod::Zsplit {
        r_plus += r_zero / 2.0;
        r_minus += r_zero / 2.0;
    }
    let count = idx.len();
    let c = count as f64;
    let mut se = c * (c + 1.0) * (2.0 * c + 1.0);
    let mut tie_groups: &[usize] = &ties;
    if zero_method == ZeroMethod::Pratt {
        let z = n_zero as f64;
        se -= z * (z + 1.0) * (2.0 * z + 1.0);
        // The zeros, the first group of the sorted |d|, do not count as ties.
        if n_zero > 0 {
            tie_groups = &ties[1..];
        }
    }
    let tie_correct: f64 = tie_groups.iter().map(|&t| (t * t * t - t) as f64).sum();
    let se = ((se - tie_correct / 2.0) / 24.0).sqrt();
    (SignedRank { r_plus, r_minus, se, count, has_ties }, ranks)
}

/// The largest number of ranked differences for `PvalueMethod::Exact` (its table has
/// n(n+1)/2 entries and takes O(n³) operations to build).
const MAX_EXACT: usize = 2000;

/// The exact null distribution of the signed-rank statistic of `n` untied nonzero
/// differences: P(T⁺ = k) for k = 0..=n(n+1)/2 (each rank enters with probability 1/2).
fn signed_rank_pmf(n: usize) -> Vec<f64> {
    let mut c = vec![1.0];
    for k in 1..=n {
        let mut next = vec![0.0; k * (k + 1) / 2 + 1];
        let m = c.len();
        for (dst, src) in next.iter_mut().zip(&c) {
            *dst = src * 0.5;
        }
        let off = next.len() - m;
        for (dst, src) in next[off..].iter_mut().zip(&c) {
            *dst += src * 0.5;
        }
        c = next;
    }
    c
}

/// P(T⁺ ≤ k) of the exact distribution, summing the shorter tail as SciPy does (k ≥ 0).
fn signed_rank_cdf(pmf: &[f64], mean: f64, k: i64) -> f64 {
    let len = pmf.len() as i64;
    if k < 0 {
        return 0.0;
    }
    if k as f64 <= mean {
        np_sum(&pmf[..(k + 1).min(len) as usize])
    } else {
        1.0 - np_sum(&pmf[(k + 1).min(len) as usize..])
    }
}

/// P(T⁺ ≥ k) of the exact distribution (k ≥ 0).
fn signed_rank_sf(pmf: &[f64], mean: f64, k: i64) -> f64 {
    let len = pmf.len() as i64;
    let k = k.max(0);
    if k as f64 <= mean {
        np_sum(&pmf[k.min(len) as usize..])
    } else {
        1.0 - np_sum(&pmf[..k.min(len) as usize])
    }
}

/// The Wilcoxon signed-rank test: H₀ is that the differences `x - y` (or `x` alone) are
/// symmetric about zero.
///
/// The statistic is the rank sum T⁺ of the positive differences (ranks of |d|, average ranks
/// for ties), reported as min(T⁺, T⁻) for the two-sided test. `zero_method` chooses how zero
/// differences are handled. The p-value follows SciPy 1.17's `method`:
/// * `Exact`: the exact distribution of T⁺ over the number of ranked differences;
/// * `Asymptotic`: the normal approximation with tie (and, for `Pratt`, zero) corrections and,
///   with `correction`, a continuity correction of 1/2; `zstatistic` is set;
/// * `Auto`: asymptotic above 50 observations; else exact without ties and zeros; else (at
///   most 13 observations) the exact permutation distribution over all 2ⁿ sign changes
///   (SciPy's `PermutationMethod()`, which enumerates them all at that size); else asymptotic.
///
/// NaN statistic and p-value for empty input or input containing NaN.
///
/// # Errors
///
/// `ShapeMismatch` when `y` is given with another length than `x`; `InvalidValue` for
/// `PvalueMethod::Exact` with more than 2000 ranked differences (the exact table would take
/// O(n³) time; SciPy computes it regardless).
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, PvalueMethod, ZeroMethod, wilcoxon};
/// use sci_array::ndarray::{Array1, array};
/// let d = array![6.0, 8.0, 14.0, 16.0, 23.0, 24.0, 28.0, 29.0, 41.0, -48.0, 49.0, 56.0, 60.0, -67.0, 75.0];
/// let r = wilcoxon(&d, None::<&Array1<f64>>, ZeroMethod::Wilcox, false, Alternative::TwoSided, PvalueMethod::Auto)?;
/// assert_eq!(r.statistic, 24.0);
/// assert!((r.pvalue - 0.041259765625).abs() < 1e-15);
/// let r = wilcoxon(&d, None::<&Array1<f64>>, ZeroMethod::Wilcox, false, Alternative::Greater, PvalueMethod::Auto)?;
/// assert_eq!(r.statistic, 96.0);
/// assert!((r.pvalue - 0.0206298828125).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.wilcoxon(x, y, zero_method, correction, alternative,
/// method)` (1-d input; a user-supplied `PermutationMethod` is not provided).
pub fn wilcoxon<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: Option<&ArrayBase<S2, Ix1>>,
    zero_method: ZeroMethod,
    correction: bool,
    alternative: Alternative,
    method: PvalueMethod,
) -> Result<WilcoxonResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let d: Vec<f64> = match y {
        Some(y) => {
            same_len(x.len(), y.len())?;
            x.iter().zip(y.iter()).map(|(a, b)| a - b).collect()
        }
        None => x.iter().copied().collect(),
    };
    let want_z = method == PvalueMethod::Asymptotic;
    let nan =
        WilcoxonResult { statistic: f64::NAN, pvalue: f64::NAN, zstatistic: want_z.then_some(f64::NAN) };
    let has_nan = d.iter().any(|v| v.is_nan())
        || y.is_some_and(|y| y.iter().any(|v| v.is_nan()))
        || x.iter().any(|v| v.is_nan());
    if d.is_empty() || has_nan {
        return Ok(nan);
    }
    let n = d.len();
    let n_zero = d.iter().filter(|&&v| v == 0.0).count();
    let (sr, ranks) = signed_rank(&d, zero_method);
    let c = sr.count as f64;
    let mut mn = c * (c + 1.0) * 0.25;
    if zero_method == ZeroMethod::Pratt {
        let z = n_zero as f64;
        mn -= z * (z + 1.0) * 0.25;
    }
    let mut z = (sr.r_plus - mn) / sr.se;
    #[derive(PartialEq)]
    enum Kind {
        Exact,
        Asymptotic,
        Permutation,
    }
    let kind = match method {
        PvalueMethod::Exact => Kind::Exact,
        PvalueMethod::Asymptotic => Kind::Asymptotic,
        PvalueMethod::Auto if n > 50 => Kind::Asymptotic,
        PvalueMethod::Auto if !(sr.has_ties || n_zero > 0) => Kind::Exact,
        PvalueMethod::Auto if n <= 13 => Kind::Permutation,
        PvalueMethod::Auto => Kind::Asymptotic,
    };
    let pvalue = match kind {
        Kind::Asymptotic => {
            if correction {
                let sign = match alternative {
                    Alternative::Greater => 1.0,
                    Alternative::Less => -1.0,
                    Alternative::TwoSided => {
                        if z > 0.0 {
                            1.0
                        } else if z < 0.0 {
                            -1.0
                        } else {
                            z * 0.0
                        }
                    }
                };
                z -= sign * 0.5 / sr.se;
            }
            normal_pvalue(z, alternative)
        }
        Kind::Exact => {
            if sr.count > MAX_EXACT {
                return Err(StatsError::InvalidValue {
                    arg: "method",
                    reason: format!(
                        "the exact distribution is computed for at most {MAX_EXACT} nonzero differences, got {}; use the asymptotic method",
                        sr.count
                    ),
                });
            }
            let pmf = signed_rank_pmf(sr.count);
            let mean = c * (c + 1.0) / 4.0;
            let (lo, hi) = (sr.r_plus.ceil() as i64, sr.r_plus.floor() as i64);
            match alternative {
                Alternative::Less => signed_rank_cdf(&pmf, mean, lo),
                Alternative::Greater => signed_rank_sf(&pmf, mean, hi),
                Alternative::TwoSided => (2.0
                    * signed_rank_sf(&pmf, mean, hi).min(signed_rank_cdf(&pmf, mean, lo)))
                .clamp(0.0, 1.0),
            }
        }
        Kind::Permutation => sign_flip_pvalue(&d, &ranks, zero_method, sr.r_plus, alternative),
    };
    let statistic = match alternative {
        Alternative::TwoSided => sr.r_plus.min(sr.r_minus),
        _ => sr.r_plus,
    };
    if alternative == Alternative::TwoSided && kind == Kind::Asymptotic {
        z = -z.abs();
    }
    Ok(WilcoxonResult { statistic, pvalue, zstatistic: want_z.then_some(z) })
}

/// The p-value of T⁺ over all 2ⁿ sign changes of the differences (SciPy's exact
/// `permutation_test(..., permutation_type='samples')`, used by `method='auto'` when n ≤ 13
/// and there are ties or zeros). Ranks do not change with signs, so each sign pattern's T⁺ is
/// the sum of the ranks of the differences made positive.
fn sign_flip_pvalue(
    d: &[f64],
    ranks: &[f64],
    zero_method: ZeroMethod,
    observed: f64,
    alt: Alternative,
) -> f64 {
    let n = d.len();
    // Zeros stay zero under a sign change: their contribution (zsplit) is a constant.
    let zero_part: f64 = if zero_method == ZeroMethod::Zsplit {
        d.iter().zip(ranks).filter(|(x, _)| **x == 0.0).map(|(_, r)| r).sum::<f64>() / 2.0
    } else {
        0.0
    };
    let nz: Vec<f64> = d.iter().zip(ranks).filter(|(x, _)| **x != 0.0).map(|(_, r)| *r).collect();
    let total = 1usize << n;
    let gamma = (f64::EPSILON * 100.0 * observed).abs();
    let (mut le, mut ge) = (0usize, 0usize);
    // Each pattern of the nonzero differences appears 2^(number of zeros) times.
    let reps = 1usize << (n - nz.len());
    for mask in 0..(1usize << nz.len()) {
        let mut s = 0.0;
        for (b, r) in nz.iter().enumerate() {
            if mask >> b & 1 == 1 {
                s += r;
            }
        }
        s += zero_part;
        if s <= observed + gamma {
            le += reps;
        }
        if s >= observed - gamma {
            ge += reps;
        }
    }
    let (pl, pg) = (le as f64 / total as f64, ge as f64 / total as f64);
    let p = match alt {
        Alternative::Less => pl,
        Alternative::Greater => pg,
        Alternative::TwoSided => 2.0 * pl.min(pg),
    };
    p.clamp(0.0, 1.0)
}
