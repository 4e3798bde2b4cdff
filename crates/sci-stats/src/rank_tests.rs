//! Rank-based tests: Kendall's tau and the Mann-Whitney U test, with SciPy's exact null
//! distributions for small samples and its normal approximations (tie-corrected) otherwise.

use crate::Alternative;
use crate::correlation::{CorrelationResult, same_len};
use crate::descriptive::values;
use crate::error::{Result, StatsError, check_len};
use ndarray::{ArrayBase, ArrayView1, Data, Ix1};
use sci_array::SortKind;
use sci_array::special::ndtr;

/// How the p-value of a rank test is computed (SciPy's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PvalueMethod {
    /// SciPy's rule per test: exact for small samples without ties, asymptotic otherwise.
    #[default]
    Auto,
    /// The exact null distribution of the statistic.
    Exact,
    /// The normal approximation (with SciPy's tie correction).
    Asymptotic,
}

/// Which Kendall tau is computed (SciPy's `variant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KendallVariant {
    /// Tau-b, adjusted for ties (the default).
    #[default]
    B,
    /// Tau-c (Stuart's tau), for rectangular contingency tables.
    C,
}

/// The p-value of a standard normal statistic `z` (SciPy's `_get_pvalue` with `_SimpleNormal`).
fn normal_pvalue(z: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::Less => ndtr(z),
        Alternative::Greater => ndtr(-z),
        Alternative::TwoSided => 2.0 * ndtr(-z.abs()),
    }
}

/// Dense ranks (1, 2, ...) of `v`, which is sorted.
fn dense_ranks_of_sorted(v: &[f64]) -> Vec<usize> {
    let mut out = Vec::with_capacity(v.len());
    let mut r = 0;
    for (i, &x) in v.iter().enumerate() {
        if i == 0 || x != v[i - 1] {
            r += 1;
        }
        out.push(r);
    }
    out
}

/// SciPy's `count_rank_tie`: (Σ t(t-1)/2, Σ t(t-1)(t-2), Σ t(t-1)(2t+5)) over tie groups of
/// dense ranks.
fn count_rank_tie(ranks: &[usize]) -> (i128, f64, f64) {
    let max = ranks.iter().copied().max().unwrap_or(0);
    let mut cnt = vec![0i128; max + 1];
    for &r in ranks {
        cnt[r] += 1;
    }
    let (mut a, mut b, mut c) = (0i128, 0.0, 0.0);
    for &t in cnt.iter().filter(|&&t| t > 1) {
        a += t * (t - 1) / 2;
        let tf = t as f64;
        b += tf * (tf - 1.0) * (tf - 2.0);
        c += tf * (tf - 1.0) * (2.0 * tf + 5.0);
    }
    (a, b, c)
}

/// Pairs i < j with y[i] > y[j] (SciPy's `_kendall_dis` counts the same pairs with a Fenwick
/// tree; a merge sort reads memory in order and splits across threads).
fn count_inversions(y: &[usize]) -> i128 {
    let mut a: Vec<u32> = y.iter().map(|&v| v as u32).collect();
    let mut buf = vec![0u32; a.len()];
    merge_count(&mut a, &mut buf) as i128
}

/// Sorts `a` (using `buf` of the same length) and returns its number of strict inversions.
fn merge_count(a: &mut [u32], buf: &mut [u32]) -> u64 {
    let n = a.len();
    if n <= 32 {
        // Insertion sort, counting the larger elements each one moves past.
        let mut inv = 0u64;
        for i in 1..n {
            let v = a[i];
            let mut j = i;
            while j > 0 && a[j - 1] > v {
                a[j] = a[j - 1];
                j -= 1;
            }
            inv += (i - j) as u64;
            a[j] = v;
        }
        return inv;
    }
    let mid = n / 2;
    let (al, ar) = a.split_at_mut(mid);
    let (bl, br) = buf.split_at_mut(mid);
    #[cfg(feature = "rayon")]
    let (il, ir) = if n >= 1 << 15 {
        rayon::join(|| merge_count(al, bl), || merge_count(ar, br))
    } else {
        (merge_count(al, bl), merge_count(ar, br))
    };
    #[cfg(not(feature = "rayon"))]
    let (il, ir) = (merge_count(al, bl), merge_count(ar, br));
    let mut inv = il + ir;
    // Branch-free merge: which side moves is data (a conditional move), not a jump, so random
    // ranks cost no mispredictions (the branching merge took a third of `kendalltau`).
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        let (l, r) = (a[i], a[j]);
        let right = usize::from(r < l);
        // All ones when the right element moves.
        let take = right.wrapping_neg();
        buf[k] = l ^ ((l ^ r) & take as u32);
        inv += (mid - i) as u64 & take as u64;
        j += right;
        i += 1 - right;
        k += 1;
    }
    buf[k..k + mid - i].copy_from_slice(&a[i..mid]);
    k += mid - i;
    buf[k..k + n - j].copy_from_slice(&a[j..n]);
    a.copy_from_slice(buf);
    inv
}

/// n! as f64 (exact up to 22!, then correctly rounded products as SciPy's Python ints
/// converted to float to within an ulp or two).
fn factorial(n: usize) -> f64 {
    (2..=n).fold(1.0, |acc, k| acc * k as f64)
}

/// SciPy's `_kendall_p_exact(n, c, alternative)`: the exact p-value of Kendall's statistic
/// with `c` concordant pairs among n untied observations.
fn kendall_p_exact(n: usize, c: i128, alternative: Alternative) -> f64 {
    let tot = (n * n.saturating_sub(1) / 2) as i128;
    let in_right_tail = c >= tot - c;
    let c = c.min(tot - c) as usize;
    let mut p_mass_at_c = 0.0;
    let mut prob;
    if n == 1 {
        prob = 1.0;
        p_mass_at_c = 1.0;
    } else if n == 2 {
        prob = 1.0;
        p_mass_at_c = 0.5;
    } else if c == 0 {
        prob = if n < 171 { 2.0 / factorial(n) } else { 0.0 };
        p_mass_at_c = prob / 2.0;
    } else if c == 1 {
        prob = if n < 172 { 2.0 / factorial(n - 1) } else { 0.0 };
        p_mass_at_c = (n - 1) as f64 / factorial(n);
    } else if 4 * c == n * (n - 1) && alternative == Alternative::TwoSided {
        prob = 1.0;
    } else {
        // new[k]: permutations of j items with k inversions (k ≤ c), built for j = 3..=n.
        let mut new = vec![0.0; c + 1];
        new[0] = 1.0;
        new[1] = 1.0;
        let large = n >= 171;
        for j in 3..=n {
            let mut acc = 0.0;
            for v in new.iter_mut() {
                acc += *v;
                *v = if large { acc / j as f64 } else { acc };
            }
            if j <= c {
                let old = new.clone();
                for k in j..=c {
                    new[k] -= old[k - j];
                }
            }
        }
        let sum: f64 = new.iter().sum();
        if large {
            prob = sum;
            p_mass_at_c = new[c] / 2.0;
        } else {
            let f = factorial(n);
            prob = 2.0 * sum / f;
            p_mass_at_c = new[c] / f;
        }
    }
    if alternative != Alternative::TwoSided {
        if in_right_tail == (alternative == Alternative::Greater) {
            prob /= 2.0;
        } else {
            prob = 1.0 - prob / 2.0 + p_mass_at_c;
        }
    }
    prob.clamp(0.0, 1.0)
}

/// Kendall's tau, a rank correlation for ordinal data, and its p-value.
///
/// Tau-b (default) is `(P - Q) / sqrt((P + Q + T) (P + Q + U))` with P concordant pairs, Q
/// discordant pairs, T ties only in `x` and U ties only in `y`; tau-c is
/// `2 (P - Q) / (n² (m - 1) / m)` with m the smaller number of distinct values. The p-value
/// follows SciPy: with `PvalueMethod::Auto` the exact distribution when there are no ties and
/// n ≤ 33 (or the data are nearly perfectly ordered), else the normal approximation with
/// SciPy's tie-corrected variance. NaN statistic and p-value for empty input, for a constant
/// `x` or `y`, or when either contains NaN (SciPy's `nan_policy='propagate'`).
///
/// # Errors
///
/// `ShapeMismatch` when the lengths differ; `InvalidValue` for `PvalueMethod::Exact` on data
/// with ties (SciPy: "Ties found, exact method cannot be used.").
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, KendallVariant, PvalueMethod, kendalltau};
/// use sci_array::ndarray::array;
/// let x = array![12.0, 2.0, 1.0, 12.0, 2.0];
/// let y = array![1.0, 4.0, 7.0, 1.0, 0.0];
/// let r = kendalltau(&x, &y, KendallVariant::B, PvalueMethod::Auto, Alternative::TwoSided)?;
/// assert!((r.statistic + 0.4714045207910316).abs() < 1e-15);
/// assert!((r.pvalue - 0.28274545993277467).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.kendalltau(x, y, method=..., variant=..., alternative=...)`.
pub fn kendalltau<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    variant: KendallVariant,
    method: PvalueMethod,
    alternative: Alternative,
) -> Result<CorrelationResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    same_len(x.len(), y.len())?;
    let nan = CorrelationResult { statistic: f64::NAN, pvalue: f64::NAN };
    let n = x.len();
    if n == 0 || x.iter().chain(y.iter()).any(|v| v.is_nan()) {
        return Ok(nan);
    }
    // Sort on y and convert y to dense ranks; then a stable sort on x (ties in x keep y's
    // order) and x to dense ranks, as SciPy.
    let stable = |v: &[f64]| -> Vec<usize> {
        sci_array::argsort(&ArrayView1::from(v), 0, SortKind::Stable).expect("axis 0 of a 1-d array").to_vec()
    };
    let yv: Vec<f64> = y.iter().copied().collect();
    let perm = stable(&yv);
    let ys: Vec<f64> = perm.iter().map(|&i| yv[i]).collect();
    let yr0 = dense_ranks_of_sorted(&ys);
    let xp: Vec<f64> = perm.iter().map(|&i| x[i]).collect();
    let order = stable(&xp);
    let xs: Vec<f64> = order.iter().map(|&i| xp[i]).collect();
    let xr = dense_ranks_of_sorted(&xs);
    let yr: Vec<usize> = order.iter().map(|&i| yr0[i]).collect();

    let dis = count_inversions(&yr);
    let mut ntie = 0i128;
    let mut run = 1i128;
    for i in 1..=n {
        if i < n && xr[i] == xr[i - 1] && yr[i] == yr[i - 1] {
            run += 1;
        } else {
            ntie += run * (run - 1) / 2;
            run = 1;
        }
    }
    let (xtie, x0, x1) = count_rank_tie(&xr);
    let (ytie, y0, y1) = count_rank_tie(&yr);
    let tot = (n as i128) * (n as i128 - 1) / 2;
    if xtie == tot || ytie == tot {
        return Ok(nan);
    }
    let con_minus_dis = tot - xtie - ytie + ntie - 2 * dis;
    let cmd = con_minus_dis as f64;
    let tau = match variant {
        KendallVariant::B => cmd / ((tot - xtie) as f64).sqrt() / ((tot - ytie) as f64).sqrt(),
        KendallVariant::C => {
            let m = xr[n - 1].min(*yr.iter().max().unwrap_or(&1)) as f64;
            2.0 * cmd / ((n * n) as f64 * (m - 1.0) / m)
        }
    };
    let tau = tau.clamp(-1.0, 1.0);
    let ties = xtie != 0 || ytie != 0;
    if method == PvalueMethod::Exact && ties {
        return Err(StatsError::InvalidValue {
            arg: "method",
            reason: "ties found, the exact method cannot be used".into(),
        });
    }
    let exact = match method {
        PvalueMethod::Exact => true,
        PvalueMethod::Asymptotic => false,
        PvalueMethod::Auto => !ties && (n <= 33 || dis.min(tot - dis) <= 1),
    };
    let pvalue = if exact {
        kendall_p_exact(n, tot - dis, alternative)
    } else {
        let nf = n as f64;
        let m = nf * (nf - 1.0);
        let var = (m * (2.0 * nf + 5.0) - x1 - y1) / 18.0
            + (2.0 * xtie as f64 * ytie as f64) / m
            + x0 * y0 / (9.0 * m * (nf - 2.0));
        normal_pvalue(cmd / var.sqrt(), alternative)
    };
    Ok(CorrelationResult { statistic: tau, pvalue })
}

/// The result of the Mann-Whitney U test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannwhitneyuResult {
    /// U₁, the statistic of the first sample.
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
}

/// Number of arrangements of the U statistic's null distribution for sample sizes n1 ≤ n2,
/// as probabilities: SciPy's `_MWU.build_u_freqs_array(maxu)` (Andrews' recurrence).
fn mwu_pmf(n1: usize, n2: usize, maxu: usize) -> Vec<f64> {
    // sigma[a] = Σ_{d | a, d ≤ n1} d - Σ_{d | a, n2 < d ≤ n1 + n2} d.
    let mut sigma = vec![0i64; maxu + 1];
    for d in 1..=n1 {
        for idx in (d..=maxu).step_by(d) {
            sigma[idx] += d as i64;
        }
    }
    for d in n2 + 1..=n1 + n2 {
        for idx in (d..=maxu).step_by(d) {
            sigma[idx] -= d as i64;
        }
    }
    let mut conf = vec![0.0f64; maxu + 1];
    conf[0] = 1.0;
    let mut is_uint = true;
    for u in 1..=maxu {
        let dot: f64 = (0..u).map(|t| conf[t] * sigma[u - t] as f64).sum();
        let mut val = dot / u as f64;
        if is_uint && val > u64::MAX as f64 {
            is_uint = false;
        }
        if is_uint {
            val = val.trunc();
        }
        conf[u] = val;
    }
    let total = binom(n1 + n2, n1);
    conf.iter().map(|c| c / total).collect()
}

/// The binomial coefficient C(n, k) in floating point (Cephes' multiplicative formula).
pub(crate) fn binom(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    let (mut num, mut den) = (1.0f64, 1.0f64);
    for i in 1..=k {
        num *= (i + n - k) as f64;
        den *= i as f64;
        if num.abs() > 1e50 {
            num /= den;
            den = 1.0;
        }
    }
    num / den
}

/// The survival function P(U ≥ k) of the exact null distribution (SciPy's `_MWU.sf`).
fn mwu_sf(n1: usize, n2: usize, k: i64) -> f64 {
    let (n1, n2) = (n1.min(n2), n1.max(n2));
    let kc = (n1 * n2) as i64 - k;
    if k < kc {
        let k = k.max(0) as usize;
        let pmf = mwu_pmf(n1, n2, k);
        let cdf: f64 = pmf.iter().sum();
        1.0 - cdf + pmf[k]
    } else {
        let kc = kc.max(0) as usize;
        mwu_pmf(n1, n2, kc).iter().sum()
    }
}

/// The Mann-Whitney U rank test on two independent samples.
///
/// The statistic is U₁ = R₁ - n₁(n₁+1)/2 with R₁ the sum of the (average) ranks of `x` in the
/// pooled sample. With `PvalueMethod::Auto` the p-value is exact when a sample has at most 8
/// observations and there are no ties, else it comes from the normal approximation with the
/// tie correction and (with `use_continuity`) the continuity correction — SciPy's rules.
///
/// # Errors
///
/// `InvalidValue` when `x` or `y` contains NaN; `TooShort` when either is empty.
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, PvalueMethod, mannwhitneyu};
/// use sci_array::ndarray::array;
/// let males = array![19.0, 22.0, 16.0, 29.0, 24.0];
/// let females = array![20.0, 11.0, 17.0, 12.0];
/// let r = mannwhitneyu(&males, &females, true, Alternative::Greater, PvalueMethod::Auto)?;
/// assert_eq!(r.statistic, 17.0);
/// assert!((r.pvalue - 0.05555555555555555).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.mannwhitneyu(x, y, use_continuity, alternative, method=...)`
/// (1-d input; `PermutationMethod` is not provided).
pub fn mannwhitneyu<S1, S2>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    use_continuity: bool,
    alternative: Alternative,
    method: PvalueMethod,
) -> Result<MannwhitneyuResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.iter().chain(y.iter()).any(|v| v.is_nan()) {
        return Err(StatsError::InvalidValue {
            arg: "x",
            reason: "`x` and `y` must not contain NaNs".into(),
        });
    }
    check_len("x", x.len(), 1)?;
    check_len("y", y.len(), 1)?;
    let (n1, n2) = (x.len(), y.len());
    let mut xy = values(x);
    xy.extend(y.iter().copied());
    let n = xy.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| xy[i].total_cmp(&xy[j]));
    let mut ranks = vec![0.0; n];
    let mut tie_term = 0.0;
    let mut any_ties = false;
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && xy[order[j]] == xy[order[i]] {
            j += 1;
        }
        let t = (j - i) as f64;
        any_ties |= j - i > 1;
        tie_term += t * t * t - t;
        for &idx in &order[i..j] {
            ranks[idx] = 0.5 * ((i + 1) + j) as f64;
        }
        i = j;
    }
    let r1: f64 = ranks[..n1].iter().sum();
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let u1 = r1 - n1f * (n1f + 1.0) / 2.0;
    let u2 = n1f * n2f - u1;
    let (u, f) = match alternative {
        Alternative::Greater => (u1, 1.0),
        Alternative::Less => (u2, 1.0),
        Alternative::TwoSided => (u1.max(u2), 2.0),
    };
    let exact = match method {
        PvalueMethod::Exact => true,
        PvalueMethod::Asymptotic => false,
        PvalueMethod::Auto => !((n1 > 8 && n2 > 8) || any_ties),
    };
    let p = if exact {
        mwu_sf(n1, n2, u as i64)
    } else {
        let mu = n1f * n2f / 2.0;
        let nf = n as f64;
        let s = (n1f * n2f / 12.0 * ((nf + 1.0) - tie_term / (nf * (nf - 1.0)))).sqrt();
        let num = if use_continuity { u - mu - 0.5 } else { u - mu };
        ndtr(-(num / s))
    };
    Ok(MannwhitneyuResult { statistic: u1, pvalue: (p * f).clamp(0.0, 1.0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_match_brute_force() {
        let y = [3, 1, 2, 2, 5, 4, 1];
        let brute =
            (0..y.len()).flat_map(|i| (i + 1..y.len()).map(move |j| (i, j))).filter(|&(i, j)| y[i] > y[j]);
        assert_eq!(count_inversions(&y), brute.count() as i128);
    }

    #[test]
    fn exact_null_distributions_sum_to_one() {
        let pmf = mwu_pmf(4, 6, 24);
        assert!((pmf.iter().sum::<f64>() - 1.0).abs() < 1e-14);
        assert_eq!(binom(10, 3), 120.0);
        assert_eq!(kendall_p_exact(5, 5, Alternative::TwoSided), 1.0);
    }
}
