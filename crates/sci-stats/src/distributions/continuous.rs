//! The continuous-distribution trait: SciPy's `rv_continuous` methods on top of a few
//! standardized functions.

use super::map_array;
use crate::error::{Result, check};
use ndarray::{Array, Array1, ArrayBase, Data, Dimension};
use sci_array::random::Generator;

/// Mean, variance, skewness and excess kurtosis (SciPy's `stats(moments='mvsk')`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    /// The mean.
    pub mean: f64,
    /// The variance.
    pub variance: f64,
    /// The skewness.
    pub skewness: f64,
    /// The excess (Fisher) kurtosis.
    pub kurtosis: f64,
}

/// A continuous distribution with SciPy's frozen-distribution methods.
///
/// Implementors provide the standardized functions (`std_*`, loc = 0, scale = 1, evaluated
/// inside the support); the provided methods apply `loc` and `scale`, handle the support ends,
/// NaN and probabilities outside [0, 1] as SciPy does: the density is 0 and the CDF 0 or 1
/// outside the support, `ppf`/`isf` of a q outside [0, 1] (or NaN) is NaN.
///
/// # Examples
///
/// ```
/// use sci_stats::{ContinuousDistribution, Norm};
/// let n = Norm::new(1.0, 2.0)?;
/// assert!((n.cdf(1.0) - 0.5).abs() < 1e-16);
/// assert!((n.ppf(0.975) - (1.0 + 2.0 * 1.959963984540054)).abs() < 1e-14);
/// let (lo, hi) = n.interval(0.95)?;
/// assert!((hi - lo - 4.0 * 1.959963984540054).abs() < 1e-13);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
pub trait ContinuousDistribution {
    /// The location parameter.
    fn loc(&self) -> f64;
    /// The scale parameter.
    fn scale(&self) -> f64;
    /// The support (a, b) of the standardized distribution.
    fn std_support(&self) -> (f64, f64) {
        (f64::NEG_INFINITY, f64::INFINITY)
    }
    /// The standardized density at z inside the support.
    fn std_pdf(&self, z: f64) -> f64;
    /// ln of the standardized density.
    fn std_logpdf(&self, z: f64) -> f64 {
        self.std_pdf(z).ln()
    }
    /// The standardized CDF at z inside the support.
    fn std_cdf(&self, z: f64) -> f64;
    /// The standardized survival function.
    fn std_sf(&self, z: f64) -> f64 {
        1.0 - self.std_cdf(z)
    }
    /// ln of the standardized CDF: ln(cdf) below the median, ln1p(-sf) above (SciPy's
    /// generic `_logcdf`).
    fn std_logcdf(&self, z: f64) -> f64 {
        if z < self.std_ppf(0.5) { self.std_cdf(z).ln() } else { (-self.std_sf(z)).ln_1p() }
    }
    /// ln of the standardized survival function: ln(sf) above the median, ln1p(-cdf) below.
    fn std_logsf(&self, z: f64) -> f64 {
        if z > self.std_ppf(0.5) { self.std_sf(z).ln() } else { (-self.std_cdf(z)).ln_1p() }
    }
    /// The standardized quantile function for 0 < q < 1.
    fn std_ppf(&self, q: f64) -> f64;
    /// The standardized inverse survival function for 0 < q < 1.
    fn std_isf(&self, q: f64) -> f64 {
        self.std_ppf(1.0 - q)
    }
    /// Mean, variance, skewness and excess kurtosis of the standardized distribution.
    fn std_moments(&self) -> Moments;
    /// The differential entropy of the standardized distribution.
    fn std_entropy(&self) -> f64;
    /// `n` standardized variates drawn from `rng`, with the same calls to NumPy's `Generator`
    /// as SciPy's `_rvs` (so seeded streams agree with SciPy's).
    ///
    /// # Errors
    ///
    /// From the generator (a size too large to allocate).
    fn std_sample_n(&self, n: usize, rng: &mut Generator) -> Result<Array1<f64>>;

    /// The probability density function at x.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.pdf`.
    fn pdf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z < a || z > b {
            0.0
        } else {
            self.std_pdf(z) / self.scale()
        }
    }

    /// ln of the density (`-inf` outside the support).
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.logpdf`.
    fn logpdf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z < a || z > b {
            f64::NEG_INFINITY
        } else {
            self.std_logpdf(z) - self.scale().ln()
        }
    }

    /// The cumulative distribution function P(X ≤ x).
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.cdf`.
    fn cdf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z <= a {
            0.0
        } else if z >= b {
            1.0
        } else {
            self.std_cdf(z)
        }
    }

    /// ln of the CDF, accurate in the lower tail where the distribution provides it.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.logcdf`.
    fn logcdf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z <= a {
            f64::NEG_INFINITY
        } else if z >= b {
            0.0
        } else {
            self.std_logcdf(z)
        }
    }

    /// The survival function P(X > x) = 1 - cdf(x), accurate in the upper tail.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.sf`.
    fn sf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z <= a {
            1.0
        } else if z >= b {
            0.0
        } else {
            self.std_sf(z)
        }
    }

    /// ln of the survival function.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.logsf`.
    fn logsf(&self, x: f64) -> f64 {
        let z = (x - self.loc()) / self.scale();
        let (a, b) = self.std_support();
        if z.is_nan() {
            f64::NAN
        } else if z <= a {
            0.0
        } else if z >= b {
            f64::NEG_INFINITY
        } else {
            self.std_logsf(z)
        }
    }

    /// The quantile function (inverse of the CDF); NaN for q outside [0, 1].
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.ppf`.
    fn ppf(&self, q: f64) -> f64 {
        let (a, b) = self.std_support();
        let z = if q.is_nan() || !(0.0..=1.0).contains(&q) {
            return f64::NAN;
        } else if q == 0.0 {
            a
        } else if q == 1.0 {
            b
        } else {
            self.std_ppf(q)
        };
        z * self.scale() + self.loc()
    }

    /// The inverse survival function; NaN for q outside [0, 1].
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.isf`.
    fn isf(&self, q: f64) -> f64 {
        let (a, b) = self.std_support();
        let z = if q.is_nan() || !(0.0..=1.0).contains(&q) {
            return f64::NAN;
        } else if q == 0.0 {
            b
        } else if q == 1.0 {
            a
        } else {
            self.std_isf(q)
        };
        z * self.scale() + self.loc()
    }

    /// Mean, variance, skewness and excess kurtosis.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.stats(moments='mvsk')`.
    fn stats(&self) -> Moments {
        let m = self.std_moments();
        let s = self.scale();
        Moments { mean: m.mean * s + self.loc(), variance: m.variance * s * s, ..m }
    }

    /// The mean.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.mean`.
    fn mean(&self) -> f64 {
        self.stats().mean
    }

    /// The variance.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.var`.
    fn var(&self) -> f64 {
        self.stats().variance
    }

    /// The standard deviation.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.std`.
    fn std(&self) -> f64 {
        self.var().sqrt()
    }

    /// The median, `ppf(0.5)`.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.median`.
    fn median(&self) -> f64 {
        self.ppf(0.5)
    }

    /// The differential entropy.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.entropy`.
    fn entropy(&self) -> f64 {
        self.std_entropy() + self.scale().ln()
    }

    /// The non-central moment E[X^order] for order 0 to 4 (from the mean, variance, skewness
    /// and kurtosis, as SciPy does when no closed form is given).
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for an order above 4.
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.moment`.
    fn moment(&self, order: u32) -> Result<f64> {
        check(order <= 4, "order", "at most 4", f64::from(order))?;
        let m = self.std_moments();
        // Non-central moments of the standardized distribution.
        let mu = m.mean;
        let m2 = m.variance + mu * mu;
        let mu3 = m.skewness * m.variance.powf(1.5);
        let m3 = mu3 + 3.0 * mu * m.variance + mu.powi(3);
        let mu4 = (m.kurtosis + 3.0) * m.variance * m.variance;
        let m4 = mu4 + 4.0 * mu * mu3 + 6.0 * mu * mu * m.variance + mu.powi(4);
        let std = [1.0, mu, m2, m3, m4];
        // E[(loc + scale Z)^n] = Σ C(n, k) loc^(n-k) scale^k E[Z^k].
        let (loc, scale) = (self.loc(), self.scale());
        let n = order as usize;
        if loc == 0.0 {
            return Ok(scale.powi(order as i32) * std[n]);
        }
        let mut binom = 1.0;
        let mut total = 0.0;
        for k in 0..=n {
            if k > 0 {
                binom = binom * (n + 1 - k) as f64 / k as f64;
            }
            total += binom * loc.powi((n - k) as i32) * scale.powi(k as i32) * std[k];
        }
        Ok(total)
    }

    /// The interval with equal tail areas that contains `confidence` of the distribution.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` when `confidence` is not in [0, 1].
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.interval`.
    fn interval(&self, confidence: f64) -> Result<(f64, f64)> {
        check((0.0..=1.0).contains(&confidence), "confidence", "in [0, 1]", confidence)?;
        let q = (1.0 - confidence) / 2.0;
        Ok((self.ppf(q), self.ppf(1.0 - q)))
    }

    /// `size` random variates from `numpy.random.default_rng(seed)`: the same numbers as
    /// SciPy's `rvs(size=size, random_state=np.random.default_rng(seed))`.
    ///
    /// # Errors
    ///
    /// From the generator (a size too large to allocate).
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.rvs`.
    fn rvs(&self, size: usize, seed: u64) -> Result<Array1<f64>> {
        self.rvs_with(size, &mut sci_array::random::default_rng(seed))
    }

    /// `size` random variates drawn from `rng`.
    ///
    /// # Errors
    ///
    /// From the generator (a size too large to allocate).
    ///
    /// SciPy equivalent: `scipy.stats.rv_continuous.rvs(random_state=rng)`.
    fn rvs_with(&self, size: usize, rng: &mut Generator) -> Result<Array1<f64>> {
        let (loc, scale) = (self.loc(), self.scale());
        Ok(self.std_sample_n(size, rng)?.mapv(|z| z * scale + loc))
    }

    /// [`pdf`](Self::pdf) of every element (several threads for large arrays).
    fn pdf_array<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(x, |v| self.pdf(v))
    }

    /// [`logpdf`](Self::logpdf) of every element.
    fn logpdf_array<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(x, |v| self.logpdf(v))
    }

    /// [`cdf`](Self::cdf) of every element.
    fn cdf_array<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(x, |v| self.cdf(v))
    }

    /// [`sf`](Self::sf) of every element.
    fn sf_array<S: Data<Elem = f64>, D: Dimension>(&self, x: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(x, |v| self.sf(v))
    }

    /// [`ppf`](Self::ppf) of every element.
    fn ppf_array<S: Data<Elem = f64>, D: Dimension>(&self, q: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(q, |v| self.ppf(v))
    }

    /// [`isf`](Self::isf) of every element.
    fn isf_array<S: Data<Elem = f64>, D: Dimension>(&self, q: &ArrayBase<S, D>) -> Array<f64, D>
    where
        Self: Sync + Sized,
    {
        map_array(q, |v| self.isf(v))
    }
}
