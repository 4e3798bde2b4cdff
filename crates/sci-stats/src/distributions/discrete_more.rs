//! Binomial, Bernoulli, Poisson, negative binomial, hypergeometric and discrete uniform
//! distributions.

use super::discrete::xlog1py;
use super::{DiscreteDistribution, Moments};
use crate::error::{Result, check};
use crate::kernels::log_dbinom;
use sci_array::special::{betainc, gammainc, gammaincc, gammaln};

fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln() }
}

fn betaln(a: f64, b: f64) -> f64 {
    gammaln(a) + gammaln(b) - gammaln(a + b)
}

fn check_loc(loc: f64) -> Result<()> {
    check(loc.is_finite() && loc == loc.floor(), "loc", "a finite integer", loc)
}

fn check_count(arg: &'static str, v: f64) -> Result<()> {
    check(v >= 0.0 && v.is_finite() && v == v.floor(), arg, "a non-negative integer", v)
}

/// The binomial distribution: successes in n Bernoulli(p) trials.
///
/// # Examples
///
/// ```
/// use sci_stats::{Binom, DiscreteDistribution};
/// let b = Binom::new(10.0, 0.3, 0.0)?;
/// assert!((b.pmf(3.0) - 0.26682793200000005).abs() < 1e-15);
/// assert!((b.cdf(3.0) - 0.6496107184000002).abs() < 1e-15);
/// assert_eq!(b.ppf(0.5), 3.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.binom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binom {
    n: f64,
    p: f64,
    loc: f64,
}

impl Binom {
    /// n trials (a non-negative integer) with success probability 0 ≤ p ≤ 1.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for a non-integer or negative n, p outside [0, 1] or a non-integer
    /// loc.
    ///
    /// SciPy equivalent: `scipy.stats.binom(n, p, loc)`.
    pub fn new(n: f64, p: f64, loc: f64) -> Result<Self> {
        check_count("n", n)?;
        check((0.0..=1.0).contains(&p), "p", "in [0, 1]", p)?;
        check_loc(loc)?;
        Ok(Binom { n, p, loc })
    }
}

impl DiscreteDistribution for Binom {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, self.n)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        self.std_logpmf(k).exp()
    }
    fn std_logpmf(&self, k: f64) -> f64 {
        log_dbinom(k, self.n, self.p, 1.0 - self.p)
    }
    fn std_cdf(&self, k: f64) -> f64 {
        betainc(self.n - k, k + 1.0, 1.0 - self.p)
    }
    fn std_sf(&self, k: f64) -> f64 {
        betainc(k + 1.0, self.n - k, self.p)
    }
    fn std_moments(&self) -> Moments {
        let (n, p) = (self.n, self.p);
        let q = 1.0 - p;
        let npq = n * p * q;
        Moments {
            mean: n * p,
            variance: npq,
            skewness: (q - p) / npq.sqrt(),
            kurtosis: (1.0 - 6.0 * p * q) / npq,
        }
    }
}

/// The Bernoulli distribution: 1 with probability p, else 0.
///
/// # Examples
///
/// ```
/// use sci_stats::{Bernoulli, DiscreteDistribution};
/// let b = Bernoulli::new(0.3, 0.0)?;
/// assert!((b.pmf(1.0) - 0.3).abs() < 1e-16);
/// assert!((b.cdf(0.0) - 0.7).abs() < 1e-16);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.bernoulli`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bernoulli {
    inner: Binom,
}

impl Bernoulli {
    /// Success probability 0 ≤ p ≤ 1.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for p outside [0, 1] or a non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.bernoulli(p, loc)`.
    pub fn new(p: f64, loc: f64) -> Result<Self> {
        Ok(Bernoulli { inner: Binom::new(1.0, p, loc)? })
    }
}

impl DiscreteDistribution for Bernoulli {
    fn loc(&self) -> f64 {
        self.inner.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, 1.0)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        if k == 1.0 { self.inner.p } else { 1.0 - self.inner.p }
    }
    fn std_cdf(&self, k: f64) -> f64 {
        self.inner.std_cdf(k)
    }
    fn std_sf(&self, k: f64) -> f64 {
        self.inner.std_sf(k)
    }
    fn std_moments(&self) -> Moments {
        self.inner.std_moments()
    }
}

/// The Poisson distribution with mean mu.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Poisson};
/// let p = Poisson::new(2.0, 0.0)?;
/// assert!((p.pmf(0.0) - (-2f64).exp()).abs() < 1e-16);
/// assert!((p.cdf(2.0) - 0.6766764161830635).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.poisson`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Poisson {
    mu: f64,
    loc: f64,
}

impl Poisson {
    /// The Poisson distribution with mean mu ≥ 0.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for a negative or non-finite mu or a non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.poisson(mu, loc)`.
    pub fn new(mu: f64, loc: f64) -> Result<Self> {
        check(mu >= 0.0 && mu.is_finite(), "mu", ">= 0 and finite", mu)?;
        check_loc(loc)?;
        Ok(Poisson { mu, loc })
    }
}

impl DiscreteDistribution for Poisson {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, f64::INFINITY)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        self.std_logpmf(k).exp()
    }
    fn std_logpmf(&self, k: f64) -> f64 {
        xlogy(k, self.mu) - gammaln(k + 1.0) - self.mu
    }
    fn std_cdf(&self, k: f64) -> f64 {
        gammaincc(k + 1.0, self.mu)
    }
    fn std_sf(&self, k: f64) -> f64 {
        gammainc(k + 1.0, self.mu)
    }
    fn std_moments(&self) -> Moments {
        let mu = self.mu;
        Moments { mean: mu, variance: mu, skewness: 1.0 / mu.sqrt(), kurtosis: 1.0 / mu }
    }
}

/// The negative binomial distribution: failures before the n-th success in Bernoulli(p)
/// trials (n may be real).
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Nbinom};
/// let d = Nbinom::new(3.0, 0.5, 0.0)?;
/// assert!((d.pmf(2.0) - 0.1875).abs() < 1e-15);
/// assert_eq!(d.mean(), 3.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.nbinom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nbinom {
    n: f64,
    p: f64,
    loc: f64,
}

impl Nbinom {
    /// n > 0 successes, success probability 0 < p ≤ 1.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for n ≤ 0, p outside (0, 1] or a non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.nbinom(n, p, loc)`.
    pub fn new(n: f64, p: f64, loc: f64) -> Result<Self> {
        check(n > 0.0 && n.is_finite(), "n", "> 0 and finite", n)?;
        check(p > 0.0 && p <= 1.0, "p", "in (0, 1]", p)?;
        check_loc(loc)?;
        Ok(Nbinom { n, p, loc })
    }
}

impl DiscreteDistribution for Nbinom {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, f64::INFINITY)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        self.std_logpmf(k).exp()
    }
    fn std_logpmf(&self, k: f64) -> f64 {
        let (n, p) = (self.n, self.p);
        gammaln(n + k) - gammaln(k + 1.0) - gammaln(n) + n * p.ln() + xlog1py(k, -p)
    }
    fn std_cdf(&self, k: f64) -> f64 {
        betainc(self.n, k + 1.0, self.p)
    }
    fn std_sf(&self, k: f64) -> f64 {
        betainc(k + 1.0, self.n, 1.0 - self.p)
    }
    fn std_moments(&self) -> Moments {
        let (n, p) = (self.n, self.p);
        let q = 1.0 - p;
        Moments {
            mean: n * q / p,
            variance: n * q / (p * p),
            skewness: (2.0 - p) / (n * q).sqrt(),
            kurtosis: (p * p + 6.0 * q) / (n * q),
        }
    }
}

/// The hypergeometric distribution: good objects among N drawn without replacement from M
/// objects of which n are good.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Hypergeom};
/// let h = Hypergeom::new(20.0, 7.0, 12.0, 0.0)?;
/// assert!((h.pmf(4.0) - 0.3575851393188855).abs() < 1e-14);
/// assert!((h.mean() - 4.2).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.hypergeom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hypergeom {
    m: f64,
    n: f64,
    draws: f64,
    loc: f64,
}

impl Hypergeom {
    /// Population M, n good ones, N drawn (integers with n, N ≤ M).
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for negative or non-integer counts, n or N above M, or a
    /// non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.hypergeom(M, n, N, loc)`.
    pub fn new(m: f64, n: f64, draws: f64, loc: f64) -> Result<Self> {
        check_count("M", m)?;
        check_count("n", n)?;
        check_count("N", draws)?;
        check(n <= m, "n", "<= M", n)?;
        check(draws <= m, "N", "<= M", draws)?;
        check_loc(loc)?;
        Ok(Hypergeom { m, n, draws, loc })
    }
}

/// From 2^53 on not every integer of the support is a double (so the tails cannot be summed
/// term by term); SciPy (Boost) gives NaN from M = 2^64 on and does not finish in between.
const HYPERGEOM_MAX_M: f64 = 9007199254740992.0;

impl Hypergeom {
    /// The mode, ⌊(n+1)(N+1)/(M+2)⌋: the pmf increases up to it and decreases after it.
    fn mode(&self) -> f64 {
        ((self.n + 1.0) * (self.draws + 1.0) / (self.m + 2.0)).floor()
    }

    /// Σ pmf(j) for j ≤ k, summed from k down (k below the mode, so the terms decrease) until
    /// they no longer change the sum.
    fn lower_tail(&self, k: f64) -> f64 {
        let (a, _) = self.std_support();
        let mut s = 0.0;
        let mut j = k.floor();
        while j >= a {
            let t = self.std_pmf(j);
            s += t;
            if t <= s * 1e-17 {
                break;
            }
            j -= 1.0;
        }
        s.min(1.0)
    }

    /// Σ pmf(j) for j > k, summed from k + 1 up (above the mode) until the terms are negligible.
    fn upper_tail(&self, k: f64) -> f64 {
        let (_, b) = self.std_support();
        let mut s = 0.0;
        let mut j = k.floor() + 1.0;
        while j <= b {
            let t = self.std_pmf(j);
            s += t;
            if t <= s * 1e-17 {
                break;
            }
            j += 1.0;
        }
        s.min(1.0)
    }
}

impl DiscreteDistribution for Hypergeom {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        ((self.draws - (self.m - self.n)).max(0.0), self.n.min(self.draws))
    }
    fn std_pmf(&self, k: f64) -> f64 {
        self.std_logpmf(k).exp()
    }
    fn std_logpmf(&self, k: f64) -> f64 {
        let (tot, good, draws) = (self.m, self.n, self.draws);
        if tot >= HYPERGEOM_MAX_M {
            return f64::NAN;
        }
        let bad = tot - good;
        betaln(good + 1.0, 1.0) + betaln(bad + 1.0, 1.0) + betaln(tot - draws + 1.0, draws + 1.0)
            - betaln(k + 1.0, good - k + 1.0)
            - betaln(draws - k + 1.0, bad - draws + k + 1.0)
            - betaln(tot + 1.0, 1.0)
    }
    fn std_cdf(&self, k: f64) -> f64 {
        if self.m >= HYPERGEOM_MAX_M {
            return f64::NAN;
        }
        if k < self.mode() { self.lower_tail(k) } else { 1.0 - self.upper_tail(k) }
    }
    fn std_sf(&self, k: f64) -> f64 {
        if self.m >= HYPERGEOM_MAX_M {
            return f64::NAN;
        }
        if k >= self.mode() { self.upper_tail(k) } else { 1.0 - self.lower_tail(k) }
    }
    fn std_moments(&self) -> Moments {
        let (mm, n, nn) = (self.m, self.n, self.draws);
        let m = mm - n;
        let p = n / mm;
        let mean = nn * p;
        let var = m * n * nn * (mm - nn) / (mm * mm * (mm - 1.0));
        let g1 = (m - n) * (mm - 2.0 * nn) / (mm - 2.0) * ((mm - 1.0) / (m * n * nn * (mm - nn))).sqrt();
        let mut g2 = mm * (mm + 1.0) - 6.0 * nn * (mm - nn) - 6.0 * n * m;
        g2 *= (mm - 1.0) * mm * mm;
        g2 += 6.0 * n * nn * (mm - nn) * m * (5.0 * mm - 6.0);
        g2 /= n * nn * (mm - nn) * m * (mm - 2.0) * (mm - 3.0);
        Moments { mean, variance: var, skewness: g1, kurtosis: g2 }
    }
}

/// The discrete uniform distribution on the integers low, ..., high - 1.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Randint};
/// let r = Randint::new(1.0, 7.0, 0.0)?;
/// assert!((r.pmf(3.0) - 1.0 / 6.0).abs() < 1e-16);
/// assert_eq!(r.mean(), 3.5);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.randint`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Randint {
    low: f64,
    high: f64,
    loc: f64,
}

impl Randint {
    /// The integers in [low, high), low < high.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for non-integer bounds, high ≤ low or a non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.randint(low, high, loc)`.
    pub fn new(low: f64, high: f64, loc: f64) -> Result<Self> {
        check(low.is_finite() && low == low.floor(), "low", "a finite integer", low)?;
        check(high.is_finite() && high == high.floor() && high > low, "high", "an integer > low", high)?;
        check_loc(loc)?;
        Ok(Randint { low, high, loc })
    }
}

impl DiscreteDistribution for Randint {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (self.low, self.high - 1.0)
    }
    fn std_pmf(&self, _k: f64) -> f64 {
        1.0 / (self.high - self.low)
    }
    fn std_cdf(&self, k: f64) -> f64 {
        (k - self.low + 1.0) / (self.high - self.low)
    }
    fn std_moments(&self) -> Moments {
        let (m2, m1) = (self.high, self.low);
        let d = m2 - m1;
        Moments {
            mean: (m2 + m1 - 1.0) / 2.0,
            variance: (d * d - 1.0) / 12.0,
            skewness: 0.0,
            kurtosis: -6.0 / 5.0 * (d * d + 1.0) / (d * d - 1.0),
        }
    }
}
