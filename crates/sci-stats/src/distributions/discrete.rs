//! The discrete-distribution trait (SciPy's `rv_discrete` methods) and the discrete
//! distributions.

use super::Moments;
use crate::error::{Result, check};

/// A discrete distribution on the integers with SciPy's frozen-distribution methods.
///
/// Implementors provide the standardized functions (loc = 0) at integers k inside the
/// support; the provided methods apply `loc`, floor non-integer arguments of the CDF and SF,
/// give a zero mass at non-integers and outside the support, and NaN for probabilities outside
/// [0, 1], as SciPy does. `ppf(q)` is the smallest k with cdf(k) ≥ q.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Geom};
/// let g = Geom::new(0.5, 0.0)?;
/// assert_eq!(g.pmf(3.0), 0.125);
/// assert_eq!(g.cdf(3.0), 0.875);
/// assert_eq!(g.cdf(3.5), 0.875);
/// assert_eq!(g.ppf(0.875), 3.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
pub trait DiscreteDistribution {
    /// The location (an integer shift of the support).
    fn loc(&self) -> f64;
    /// The support [a, b] of the standardized distribution (b may be `inf`).
    fn std_support(&self) -> (f64, f64);
    /// The standardized mass at an integer k inside the support.
    fn std_pmf(&self, k: f64) -> f64;
    /// ln of the standardized mass.
    fn std_logpmf(&self, k: f64) -> f64 {
        self.std_pmf(k).ln()
    }
    /// The standardized CDF at an integer k inside the support.
    fn std_cdf(&self, k: f64) -> f64;
    /// The standardized survival function P(X > k) at an integer k inside the support.
    fn std_sf(&self, k: f64) -> f64 {
        1.0 - self.std_cdf(k)
    }
    /// Mean, variance, skewness and excess kurtosis of the standardized distribution.
    fn std_moments(&self) -> Moments;

    /// The probability mass function (0 at non-integers and outside the support).
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.pmf`.
    fn pmf(&self, k: f64) -> f64 {
        let k = k - self.loc();
        let (a, b) = self.std_support();
        if k.is_nan() {
            f64::NAN
        } else if k < a || k > b || k != k.floor() {
            0.0
        } else {
            self.std_pmf(k)
        }
    }

    /// ln of the mass (`-inf` where the mass is 0).
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.logpmf`.
    fn logpmf(&self, k: f64) -> f64 {
        let k = k - self.loc();
        let (a, b) = self.std_support();
        if k.is_nan() {
            f64::NAN
        } else if k < a || k > b || k != k.floor() {
            f64::NEG_INFINITY
        } else {
            self.std_logpmf(k)
        }
    }

    /// The CDF P(X ≤ x), for any real x.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.cdf`.
    fn cdf(&self, x: f64) -> f64 {
        let k = (x - self.loc()).floor();
        let (a, b) = self.std_support();
        if k.is_nan() {
            f64::NAN
        } else if k < a {
            0.0
        } else if k >= b {
            1.0
        } else {
            self.std_cdf(k)
        }
    }

    /// ln of the CDF.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.logcdf`.
    fn logcdf(&self, x: f64) -> f64 {
        self.cdf(x).ln()
    }

    /// The survival function P(X > x).
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.sf`.
    fn sf(&self, x: f64) -> f64 {
        let k = (x - self.loc()).floor();
        let (a, b) = self.std_support();
        if k.is_nan() {
            f64::NAN
        } else if k < a {
            1.0
        } else if k >= b {
            0.0
        } else {
            self.std_sf(k)
        }
    }

    /// ln of the survival function.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.logsf`.
    fn logsf(&self, x: f64) -> f64 {
        self.sf(x).ln()
    }

    /// The quantile function: the smallest k with cdf(k) ≥ q (`a - 1` at q = 0, NaN outside
    /// [0, 1]).
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.ppf`.
    fn ppf(&self, q: f64) -> f64 {
        let (a, b) = self.std_support();
        if q.is_nan() || !(0.0..=1.0).contains(&q) {
            return f64::NAN;
        }
        let k = if q == 0.0 {
            a - 1.0
        } else if q == 1.0 {
            b
        } else {
            let m = self.std_moments();
            let guess = m.mean + m.variance.sqrt() * sci_array::special::ndtri(q);
            search(|k| self.std_cdf(k) >= q, a, b, guess)
        };
        k + self.loc()
    }

    /// The inverse survival function: the smallest k with sf(k) ≤ q.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.isf`.
    fn isf(&self, q: f64) -> f64 {
        let (a, b) = self.std_support();
        if q.is_nan() || !(0.0..=1.0).contains(&q) {
            return f64::NAN;
        }
        let k = if q == 0.0 {
            b
        } else if q == 1.0 {
            a - 1.0
        } else {
            let m = self.std_moments();
            let guess = m.mean - m.variance.sqrt() * sci_array::special::ndtri(q);
            search(|k| self.std_sf(k) <= q, a, b, guess)
        };
        k + self.loc()
    }

    /// Mean, variance, skewness and excess kurtosis.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.stats(moments='mvsk')`.
    fn stats(&self) -> Moments {
        let m = self.std_moments();
        Moments { mean: m.mean + self.loc(), ..m }
    }

    /// The mean.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.mean`.
    fn mean(&self) -> f64 {
        self.stats().mean
    }

    /// The variance.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.var`.
    fn var(&self) -> f64 {
        self.stats().variance
    }

    /// The standard deviation.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.std`.
    fn std(&self) -> f64 {
        self.var().sqrt()
    }

    /// The median, `ppf(0.5)`.
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.median`.
    fn median(&self) -> f64 {
        self.ppf(0.5)
    }

    /// The interval with equal tail areas containing at least `confidence` of the mass.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` when `confidence` is not in [0, 1].
    ///
    /// SciPy equivalent: `scipy.stats.rv_discrete.interval`.
    fn interval(&self, confidence: f64) -> Result<(f64, f64)> {
        check((0.0..=1.0).contains(&confidence), "confidence", "in [0, 1]", confidence)?;
        let q = (1.0 - confidence) / 2.0;
        Ok((self.ppf(q), self.ppf(1.0 - q)))
    }
}

/// The smallest integer k in [a, b] with `pred(k)` (pred monotone: false then true), starting
/// the search at `guess`.
fn search(pred: impl Fn(f64) -> bool, a: f64, b: f64, guess: f64) -> f64 {
    let mut k = if guess.is_finite() { guess.round().clamp(a, b) } else { a };
    // Bracket: lo fails (or is a - 1), hi passes.
    let (mut lo, mut hi);
    if pred(k) {
        hi = k;
        let mut step = 1.0;
        loop {
            let t = hi - step;
            if t < a {
                lo = a - 1.0;
                break;
            }
            if pred(t) {
                hi = t;
                step *= 2.0;
            } else {
                lo = t;
                break;
            }
        }
    } else {
        lo = k;
        let mut step = 1.0;
        loop {
            let t = (lo + step).min(b);
            if pred(t) || t >= b {
                hi = t;
                break;
            }
            lo = t;
            step *= 2.0;
        }
    }
    while hi - lo > 1.0 {
        k = ((lo + hi) / 2.0).floor();
        // Beyond 2^53 the integers between lo and hi are not all representable: the midpoint
        // can round to an end, and hi is then the closest answer (without this check the
        // bisection never ends, e.g. for binom(1e300, 0.5).ppf(0.5)).
        if k <= lo || k >= hi {
            break;
        }
        if pred(k) {
            hi = k;
        } else {
            lo = k;
        }
    }
    hi
}

/// The geometric distribution: the number of Bernoulli(p) trials up to and including the first
/// success, pmf(k) = (1-p)^(k-1) p for k ≥ 1.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Geom};
/// let g = Geom::new(0.5, 0.0)?;
/// assert_eq!((g.pmf(3.0), g.cdf(3.0)), (0.125, 0.875));
/// assert_eq!(g.mean(), 2.0);
/// assert!(Geom::new(1.5, 0.0).is_err());
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.geom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geom {
    p: f64,
    loc: f64,
}

impl Geom {
    /// The geometric distribution with success probability 0 < p ≤ 1, shifted by loc.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless 0 < p ≤ 1 and loc is finite.
    ///
    /// SciPy equivalent: `scipy.stats.geom(p, loc)`.
    pub fn new(p: f64, loc: f64) -> Result<Self> {
        check(p > 0.0 && p <= 1.0, "p", "in (0, 1]", p)?;
        check(loc.is_finite(), "loc", "finite", loc)?;
        Ok(Geom { p, loc })
    }
}

impl DiscreteDistribution for Geom {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (1.0, f64::INFINITY)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        (1.0 - self.p).powf(k - 1.0) * self.p
    }
    fn std_logpmf(&self, k: f64) -> f64 {
        xlog1py(k - 1.0, -self.p) + self.p.ln()
    }
    fn std_cdf(&self, k: f64) -> f64 {
        -((-self.p).ln_1p() * k).exp_m1()
    }
    fn std_sf(&self, k: f64) -> f64 {
        ((-self.p).ln_1p() * k).exp()
    }
    fn std_moments(&self) -> Moments {
        let p = self.p;
        Moments {
            mean: 1.0 / p,
            variance: (1.0 - p) / (p * p),
            skewness: (2.0 - p) / (1.0 - p).sqrt(),
            kurtosis: (p * p - 6.0 * p + 6.0) / (1.0 - p),
        }
    }
}

/// x·ln(1 + y), 0 when x = 0.
pub(crate) fn xlog1py(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln_1p() }
}
