//! Tests on counts: [`power_divergence`], [`chi2_contingency`] (with [`expected_freq`]),
//! [`fisher_exact`] and [`binomtest`].

use crate::Alternative;
use crate::distributions::{Binom, DiscreteDistribution, Hypergeom};
use crate::error::{Result, StatsError};
use crate::significance::{SignificanceResult, chi2_sf, np_mean, np_sum};
use ndarray::{Array2, ArrayBase, Axis, Data, Ix1, Ix2};
use sci_array::special::ndtri;

/// The power λ of the Cressie-Read statistic in [`power_divergence`] (SciPy's `lambda_`,
/// given by name or value).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum PowerLambda {
    /// λ = 1, Pearson's chi-squared statistic (`"pearson"`, the default).
    #[default]
    Pearson,
    /// λ = 0, the G-test (`"log-likelihood"`).
    LogLikelihood,
    /// λ = -1/2 (`"freeman-tukey"`).
    FreemanTukey,
    /// λ = -1 (`"mod-log-likelihood"`).
    ModLogLikelihood,
    /// λ = -2 (`"neyman"`).
    Neyman,
    /// λ = 2/3, recommended by Cressie and Read (`"cressie-read"`).
    CressieRead,
    /// Any other power.
    Value(f64),
}

impl PowerLambda {
    /// The numeric power λ.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(sci_stats::PowerLambda::FreemanTukey.value(), -0.5);
    /// ```
    pub fn value(self) -> f64 {
        match self {
            PowerLambda::Pearson => 1.0,
            PowerLambda::LogLikelihood => 0.0,
            PowerLambda::FreemanTukey => -0.5,
            PowerLambda::ModLogLikelihood => -1.0,
            PowerLambda::Neyman => -2.0,
            PowerLambda::CressieRead => 2.0 / 3.0,
            PowerLambda::Value(v) => v,
        }
    }
}

/// x·ln(y), 0 when x = 0 (SciPy's `xlogy`).
fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln() }
}

/// Σ of the Cressie-Read terms of observed against expected counts (same lengths) and the
/// χ² p-value with `df` degrees of freedom.
fn divergence(obs: &[f64], exp: &[f64], df: f64, lambda: f64) -> SignificanceResult {
    let terms: Vec<f64> = obs
        .iter()
        .zip(exp)
        .map(|(&o, &e)| {
            if lambda == 1.0 {
                (o - e) * (o - e) / e
            } else if lambda == 0.0 {
                2.0 * xlogy(o, o / e)
            } else if lambda == -1.0 {
                2.0 * xlogy(e, e / o)
            } else {
                o * ((o / e).powf(lambda) - 1.0) / (0.5 * lambda * (lambda + 1.0))
            }
        })
        .collect();
    let stat = np_sum(&terms);
    SignificanceResult { statistic: stat, pvalue: chi2_sf(stat, df) }
}

/// The Cressie-Read power divergence goodness-of-fit test of observed frequencies against
/// expected ones (the mean of `f_obs` when `f_exp` is None), with k - 1 - `ddof` degrees of
/// freedom.
///
/// λ = 1 is Pearson's chi-squared test ([`crate::chisquare`]), λ = 0 the G-test.
///
/// # Errors
///
/// `ShapeMismatch` when `f_exp` has another length; `InvalidValue` when the sums of the
/// observed and expected frequencies differ by more than a relative √ε ≈ 1.5e-8 (SciPy's
/// check).
///
/// # Examples
///
/// ```
/// use sci_stats::{PowerLambda, power_divergence};
/// use sci_array::ndarray::{Array1, array};
/// let obs = array![16.0, 18.0, 16.0, 14.0, 12.0, 12.0];
/// let r = power_divergence(&obs, None::<&Array1<f64>>, 0, PowerLambda::LogLikelihood)?;
/// assert!((r.statistic - 2.006573162632538).abs() < 1e-14);
/// assert!((r.pvalue - 0.8482347677946377).abs() < 1e-14);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.power_divergence(f_obs, f_exp, ddof, lambda_=...)` (1-d
/// input).
pub fn power_divergence<S1, S2>(
    f_obs: &ArrayBase<S1, Ix1>,
    f_exp: Option<&ArrayBase<S2, Ix1>>,
    ddof: usize,
    lambda: PowerLambda,
) -> Result<SignificanceResult>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let obs: Vec<f64> = f_obs.iter().copied().collect();
    let k = obs.len();
    let exp: Vec<f64> = match f_exp {
        None => vec![np_mean(&obs); k],
        Some(e) => {
            if e.len() != k {
                return Err(StatsError::ShapeMismatch {
                    arg: "f_exp",
                    expected: vec![k],
                    found: vec![e.len()],
                });
            }
            let e: Vec<f64> = e.iter().copied().collect();
            let (so, se) = (np_sum(&obs), np_sum(&e));
            let rel = (so - se).abs() / so.min(se);
            if rel > f64::EPSILON.sqrt() {
                return Err(StatsError::InvalidValue {
                    arg: "f_exp",
                    reason: format!(
                        "the sum of the observed frequencies ({so}) must agree with the sum of the expected frequencies ({se}) to a relative tolerance of {}, but the relative difference is {rel}",
                        f64::EPSILON.sqrt()
                    ),
                });
            }
            e
        }
    };
    let df = k as f64 - 1.0 - ddof as f64;
    Ok(divergence(&obs, &exp, df, lambda.value()))
}

/// The expected frequencies of a two-way contingency table under independence:
/// row sum · column sum / total.
///
/// # Examples
///
/// ```
/// use sci_stats::expected_freq;
/// use sci_array::ndarray::array;
/// let e = expected_freq(&array![[10.0, 10.0, 20.0], [20.0, 20.0, 20.0]]);
/// assert_eq!(e, array![[12.0, 12.0, 16.0], [18.0, 18.0, 24.0]]);
/// ```
///
/// SciPy equivalent: `scipy.stats.contingency.expected_freq` (2-d tables).
pub fn expected_freq<S: Data<Elem = f64>>(observed: &ArrayBase<S, Ix2>) -> Array2<f64> {
    let rows: Vec<f64> = observed.axis_iter(Axis(0)).map(|r| np_sum(&r.to_vec())).collect();
    // NumPy sums a non-contiguous axis row by row.
    let cols = observed.sum_axis(Axis(0));
    let flat: Vec<f64> = observed.iter().copied().collect();
    let total = np_sum(&flat);
    Array2::from_shape_fn(observed.dim(), |(i, j)| rows[i] * cols[j] / total)
}

/// The result of [`chi2_contingency`].
#[derive(Debug, Clone, PartialEq)]
pub struct Chi2ContingencyResult {
    /// The test statistic (Pearson's χ² by default).
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
    /// The degrees of freedom (r - 1)(c - 1).
    pub dof: usize,
    /// The expected frequencies under independence ([`expected_freq`]).
    pub expected_freq: Array2<f64>,
}

/// The chi-square test of independence of the variables of a two-way contingency table.
///
/// With one degree of freedom and `correction` (SciPy's default) Yates' continuity correction
/// moves each observed count up to 0.5 toward its expected value. `lambda` selects another
/// Cressie-Read statistic (None: Pearson's). With zero degrees of freedom (a single row or
/// column) the statistic is 0 and the p-value 1.
///
/// # Errors
///
/// `InvalidValue` for a negative count, an empty table, or an expected frequency of zero
/// (a row or column of zeros), as SciPy.
///
/// # Examples
///
/// ```
/// use sci_stats::chi2_contingency;
/// use sci_array::ndarray::array;
/// let obs = array![[10.0, 10.0, 20.0], [20.0, 20.0, 20.0]];
/// let r = chi2_contingency(&obs, true, None)?;
/// assert!((r.statistic - 2.7777777777777777).abs() < 1e-14);
/// assert!((r.pvalue - 0.24935220877729622).abs() < 1e-15);
/// assert_eq!(r.dof, 2);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.chi2_contingency(observed, correction, lambda_)` (2-d
/// tables; the resampling `method` is not provided).
pub fn chi2_contingency<S: Data<Elem = f64>>(
    observed: &ArrayBase<S, Ix2>,
    correction: bool,
    lambda: Option<PowerLambda>,
) -> Result<Chi2ContingencyResult> {
    if observed.iter().any(|&v| v < 0.0) {
        return Err(StatsError::InvalidValue {
            arg: "observed",
            reason: "all values in `observed` must be nonnegative".into(),
        });
    }
    if observed.is_empty() {
        return Err(StatsError::InvalidValue {
            arg: "observed",
            reason: "no data; `observed` has size 0".into(),
        });
    }
    let expected = expected_freq(observed);
    if let Some(((i, j), _)) = expected.indexed_iter().find(|(_, e)| **e == 0.0) {
        return Err(StatsError::InvalidValue {
            arg: "observed",
            reason: format!(
                "the internally computed table of expected frequencies has a zero element at ({i}, {j})"
            ),
        });
    }
    let (r, c) = observed.dim();
    let dof = (r - 1) * (c - 1);
    if dof == 0 {
        return Ok(Chi2ContingencyResult { statistic: 0.0, pvalue: 1.0, dof, expected_freq: expected });
    }
    let mut obs: Vec<f64> = observed.iter().copied().collect();
    let exp: Vec<f64> = expected.iter().copied().collect();
    if dof == 1 && correction {
        for (o, e) in obs.iter_mut().zip(&exp) {
            let diff = e - *o;
            let dir = if diff > 0.0 {
                1.0
            } else if diff < 0.0 {
                -1.0
            } else {
                diff * 0.0
            };
            *o += diff.abs().min(0.5) * dir;
        }
    }
    let res = divergence(&obs, &exp, dof as f64, lambda.unwrap_or_default().value());
    Ok(Chi2ContingencyResult { statistic: res.statistic, pvalue: res.pvalue, dof, expected_freq: expected })
}

/// SciPy's `_binary_search_for_binom_tst`: the largest x in [lo, hi] with a(x) ≤ d for a
/// nondecreasing `a` (bisection over integers).
fn binary_search(a: impl Fn(f64) -> f64, d: f64, mut lo: f64, mut hi: f64) -> f64 {
    while lo < hi {
        let mid = lo + ((hi - lo) / 2.0).floor();
        let v = a(mid);
        if v < d {
            lo = mid + 1.0;
        } else if v > d {
            hi = mid - 1.0;
        } else {
            return mid;
        }
    }
    if a(lo) <= d { lo } else { lo - 1.0 }
}

/// A count of a table (a nonnegative integer).
fn count(v: f64) -> Result<f64> {
    if v >= 0.0 && v.fract() == 0.0 && v.is_finite() {
        Ok(v)
    } else {
        Err(StatsError::InvalidParameter { arg: "table", expected: "nonnegative integer counts", found: v })
    }
}

/// Fisher's exact test on a 2×2 contingency table.
///
/// The statistic is the sample odds ratio `table[0,0]·table[1,1] / (table[0,1]·table[1,0])`
/// (inf when the denominator is 0); the p-value sums the hypergeometric probabilities of the
/// tables with the same margins that are at most as likely as the observed one (two-sided),
/// or of one tail. A table with a zero row or column sum gives (NaN, 1).
///
/// # Errors
///
/// `ShapeMismatch` for a table that is not 2×2 (SciPy's r×c extension is not provided);
/// `InvalidParameter` for a negative or non-integer count (SciPy truncates floats to integers).
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, fisher_exact};
/// use sci_array::ndarray::array;
/// let r = fisher_exact(&array![[6.0, 2.0], [1.0, 4.0]], Alternative::TwoSided)?;
/// assert_eq!(r.statistic, 12.0);
/// assert!((r.pvalue - 0.10256410256410256).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.fisher_exact(table, alternative)` (2×2 tables).
pub fn fisher_exact<S: Data<Elem = f64>>(
    table: &ArrayBase<S, Ix2>,
    alternative: Alternative,
) -> Result<SignificanceResult> {
    if table.dim() != (2, 2) {
        return Err(StatsError::ShapeMismatch {
            arg: "table",
            expected: vec![2, 2],
            found: table.shape().to_vec(),
        });
    }
    let (c00, c01, c10, c11) =
        (count(table[[0, 0]])?, count(table[[0, 1]])?, count(table[[1, 0]])?, count(table[[1, 1]])?);
    if c00 + c10 == 0.0 || c01 + c11 == 0.0 || c00 + c01 == 0.0 || c10 + c11 == 0.0 {
        return Ok(SignificanceResult { statistic: f64::NAN, pvalue: 1.0 });
    }
    let oddsratio = if c10 > 0.0 && c01 > 0.0 { c00 * c11 / (c10 * c01) } else { f64::INFINITY };
    let n1 = c00 + c01;
    let n2 = c10 + c11;
    let n = c00 + c10;
    let h = Hypergeom::new(n1 + n2, n1, n, 0.0)?;
    let pmf = |x: f64| h.pmf(x);
    let pvalue = match alternative {
        Alternative::Less => h.cdf(c00),
        Alternative::Greater => Hypergeom::new(n1 + n2, n1, c01 + c11, 0.0)?.cdf(c01),
        Alternative::TwoSided => {
            let mode = ((n + 1.0) * (n1 + 1.0) / (n1 + n2 + 2.0)).trunc();
            let pexact = pmf(c00);
            let pmode = pmf(mode);
            let epsilon = 1e-14;
            let gamma = 1.0 + epsilon;
            if (pexact - pmode).abs() / pexact.max(pmode) <= epsilon {
                return Ok(SignificanceResult { statistic: oddsratio, pvalue: 1.0 });
            } else if c00 < mode {
                let plower = h.cdf(c00);
                if pmf(n) > pexact * gamma {
                    return Ok(SignificanceResult { statistic: oddsratio, pvalue: plower });
                }
                let guess = binary_search(|x| -pmf(x), -pexact * gamma, mode, n);
                plower + h.sf(guess)
            } else {
                let pupper = h.sf(c00 - 1.0);
                if pmf(0.0) > pexact * gamma {
                    return Ok(SignificanceResult { statistic: oddsratio, pvalue: pupper });
                }
                let guess = binary_search(pmf, pexact * gamma, 0.0, mode);
                pupper + h.cdf(guess)
            }
        }
    };
    Ok(SignificanceResult { statistic: oddsratio, pvalue: pvalue.min(1.0) })
}

/// How [`BinomTestResult::proportion_ci`] computes the confidence interval (SciPy's
/// `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProportionCiMethod {
    /// The Clopper-Pearson exact interval (`'exact'`, the default).
    #[default]
    Exact,
    /// The Wilson score interval (`'wilson'`).
    Wilson,
    /// The Wilson score interval with continuity correction (`'wilsoncc'`).
    WilsonCc,
}

/// The result of [`binomtest`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BinomTestResult {
    /// The number of successes.
    pub k: u64,
    /// The number of trials.
    pub n: u64,
    /// The alternative hypothesis of the test.
    pub alternative: Alternative,
    /// The estimated proportion k/n.
    pub statistic: f64,
    /// The p-value.
    pub pvalue: f64,
}

/// The parameter p where the monotone function `f` of p crosses zero on [0, 1]: bisection
/// to the last bit (SciPy uses `brentq` with its default tolerance of 2e-12).
fn find_p(f: impl Fn(f64) -> f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    let flo = f(lo);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let fm = f(mid);
        if fm == 0.0 {
            return mid;
        }
        if (fm > 0.0) == (flo > 0.0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

impl BinomTestResult {
    /// A confidence interval for the estimated proportion, one- or two-sided after the test's
    /// `alternative`.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` when `confidence_level` is outside [0, 1].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::{Alternative, ProportionCiMethod, binomtest};
    /// let r = binomtest(3, 15, 0.1, Alternative::Greater)?;
    /// let (lo, hi) = r.proportion_ci(0.95, ProportionCiMethod::Exact)?;
    /// assert!((lo - 0.05684686759024681).abs() < 1e-11);
    /// assert_eq!(hi, 1.0);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `BinomTestResult.proportion_ci(confidence_level, method)`.
    pub fn proportion_ci(&self, confidence_level: f64, method: ProportionCiMethod) -> Result<(f64, f64)> {
        if !(0.0..=1.0).contains(&confidence_level) {
            return Err(StatsError::InvalidParameter {
                arg: "confidence_level",
                expected: "in the interval [0, 1]",
                found: confidence_level,
            });
        }
        let (k, n) = (self.k as f64, self.n as f64);
        let alt = self.alternative;
        if method == ProportionCiMethod::Exact {
            let two = alt == Alternative::TwoSided;
            let alpha = if two { (1.0 - confidence_level) / 2.0 } else { 1.0 - confidence_level };
            let sf_root = |p: f64| Binom::new(n, p, 0.0).map_or(f64::NAN, |b| b.sf(k - 1.0)) - alpha;
            let cdf_root = |p: f64| Binom::new(n, p, 0.0).map_or(f64::NAN, |b| b.cdf(k)) - alpha;
            let low = if alt == Alternative::Less || self.k == 0 { 0.0 } else { find_p(sf_root) };
            let high = if alt == Alternative::Greater || self.k == self.n { 1.0 } else { find_p(cdf_root) };
            return Ok((low, high));
        }
        let p = k / n;
        let z = if alt == Alternative::TwoSided {
            ndtri(0.5 + 0.5 * confidence_level)
        } else {
            ndtri(confidence_level)
        };
        let denom = 2.0 * (n + z * z);
        let center = (2.0 * n * p + z * z) / denom;
        let q = 1.0 - p;
        let no_low = alt == Alternative::Less || self.k == 0;
        let no_high = alt == Alternative::Greater || self.k == self.n;
        let (lo, hi) = if method == ProportionCiMethod::WilsonCc {
            let dlo = (1.0 + z * (z * z - 2.0 - 1.0 / n + 4.0 * p * (n * q + 1.0)).sqrt()) / denom;
            let dhi = (1.0 + z * (z * z + 2.0 - 1.0 / n + 4.0 * p * (n * q - 1.0)).sqrt()) / denom;
            (center - dlo, center + dhi)
        } else {
            let delta = z / denom * (4.0 * n * p * q + z * z).sqrt();
            (center - delta, center + delta)
        };
        Ok((if no_low { 0.0 } else { lo }, if no_high { 1.0 } else { hi }))
    }
}

/// The exact binomial test of H₀: the probability of success is `p`, given `k` successes in
/// `n` trials.
///
/// The two-sided p-value adds the probabilities of all outcomes at most as likely as `k`
/// (with SciPy's relative tolerance of 1e-7 on "as likely").
///
/// # Errors
///
/// `InvalidParameter` when n = 0, k > n, or `p` is outside [0, 1].
///
/// # Examples
///
/// ```
/// use sci_stats::{Alternative, binomtest};
/// let r = binomtest(3, 15, 0.1, Alternative::Greater)?;
/// assert!((r.pvalue - 0.18406106910639106).abs() < 1e-15);
/// assert_eq!(r.statistic, 0.2);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.binomtest(k, n, p, alternative)`.
pub fn binomtest(k: u64, n: u64, p: f64, alternative: Alternative) -> Result<BinomTestResult> {
    if n < 1 {
        return Err(StatsError::InvalidParameter { arg: "n", expected: ">= 1", found: n as f64 });
    }
    if k > n {
        return Err(StatsError::InvalidParameter { arg: "k", expected: "<= n", found: k as f64 });
    }
    if !(0.0..=1.0).contains(&p) {
        return Err(StatsError::InvalidParameter { arg: "p", expected: "in range [0, 1]", found: p });
    }
    let (kf, nf) = (k as f64, n as f64);
    let b = Binom::new(nf, p, 0.0)?;
    let pvalue = match alternative {
        Alternative::Less => b.cdf(kf),
        Alternative::Greater => b.sf(kf - 1.0),
        Alternative::TwoSided => {
            let d = b.pmf(kf);
            let rerr = 1.0 + 1e-7;
            let pn = p * nf;
            let pval = if kf == pn {
                1.0
            } else if kf < pn {
                let ix = binary_search(|x| -b.pmf(x), -d * rerr, pn.ceil(), nf);
                let y = nf - ix + if d * rerr == b.pmf(ix) { 1.0 } else { 0.0 };
                b.cdf(kf) + b.sf(nf - y)
            } else {
                let ix = binary_search(|x| b.pmf(x), d * rerr, 0.0, pn.floor());
                let y = ix + 1.0;
                b.cdf(y - 1.0) + b.sf(kf - 1.0)
            };
            pval.min(1.0)
        }
    };
    Ok(BinomTestResult { k, n, alternative, statistic: kf / nf, pvalue })
}
