//! The normal and log-normal distributions.

use super::{ContinuousDistribution, Moments, check_loc_scale};
use crate::error::{Result, check};
use ndarray::Array1;
use sci_array::random::Generator;
use sci_array::special::{log_ndtr, ndtr, ndtri};

/// ln √(2π).
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;
/// √(2π).
const SQRT_2PI: f64 = 2.506_628_274_631_000_7;

/// The normal distribution N(loc, scale²).
///
/// The density is exp(-z²/2)/√(2π)/scale with z = (x - loc)/scale; the CDF is `ndtr(z)`.
///
/// # Examples
///
/// ```
/// use sci_stats::{ContinuousDistribution, Norm};
/// let n = Norm::standard();
/// assert_eq!(n.cdf(1.96), 0.9750021048517795);
/// assert!((n.ppf(0.975) - 1.959963984540054).abs() < 1e-15);
/// assert!((Norm::new(3.0, 2.0)?.pdf(3.0) - 0.19947114020071635).abs() < 1e-16);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.norm`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Norm {
    loc: f64,
    scale: f64,
}

impl Norm {
    /// N(loc, scale²).
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless loc is finite and scale is finite and positive.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::{ContinuousDistribution, Norm};
    /// assert_eq!(Norm::new(1.0, 2.0)?.var(), 4.0);
    /// assert!(Norm::new(0.0, 0.0).is_err());
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.norm(loc, scale)`.
    pub fn new(loc: f64, scale: f64) -> Result<Self> {
        check_loc_scale(loc, scale)?;
        Ok(Norm { loc, scale })
    }

    /// The standard normal N(0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::{ContinuousDistribution, Norm};
    /// assert_eq!(Norm::standard().median(), 0.0);
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.norm()`.
    pub fn standard() -> Self {
        Norm { loc: 0.0, scale: 1.0 }
    }
}

impl ContinuousDistribution for Norm {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn scale(&self) -> f64 {
        self.scale
    }
    fn std_pdf(&self, z: f64) -> f64 {
        (-z * z / 2.0).exp() / SQRT_2PI
    }
    fn std_logpdf(&self, z: f64) -> f64 {
        -z * z / 2.0 - LN_SQRT_2PI
    }
    fn std_cdf(&self, z: f64) -> f64 {
        ndtr(z)
    }
    fn std_sf(&self, z: f64) -> f64 {
        ndtr(-z)
    }
    fn std_logcdf(&self, z: f64) -> f64 {
        log_ndtr(z)
    }
    fn std_logsf(&self, z: f64) -> f64 {
        log_ndtr(-z)
    }
    fn std_ppf(&self, q: f64) -> f64 {
        ndtri(q)
    }
    fn std_isf(&self, q: f64) -> f64 {
        -ndtri(q)
    }
    fn std_moments(&self) -> Moments {
        Moments { mean: 0.0, variance: 1.0, skewness: 0.0, kurtosis: 0.0 }
    }
    fn std_entropy(&self) -> f64 {
        0.5 * ((2.0 * std::f64::consts::PI).ln() + 1.0)
    }
    fn std_sample_n(&self, n: usize, rng: &mut Generator) -> Result<Array1<f64>> {
        Ok(rng.standard_normal(n)?)
    }
}

/// The log-normal distribution: exp(s·N(0, 1)), shifted by loc and scaled by scale
/// (scale = exp(μ) in the usual parametrization).
///
/// # Examples
///
/// ```
/// use sci_stats::{ContinuousDistribution, Lognorm};
/// let d = Lognorm::new(0.5, 0.0, 1.0)?;
/// assert_eq!(d.median(), 1.0);
/// assert!((d.mean() - 0.125f64.exp()).abs() < 1e-15);
/// assert_eq!(d.cdf(0.0), 0.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.lognorm`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lognorm {
    s: f64,
    loc: f64,
    scale: f64,
}

impl Lognorm {
    /// The log-normal with shape s (the σ of ln X), loc and scale.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless s > 0, loc finite, scale > 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::Lognorm;
    /// assert!(Lognorm::new(0.0, 0.0, 1.0).is_err());
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.lognorm(s, loc, scale)`.
    pub fn new(s: f64, loc: f64, scale: f64) -> Result<Self> {
        check(s > 0.0 && s.is_finite(), "s", "> 0 and finite", s)?;
        check_loc_scale(loc, scale)?;
        Ok(Lognorm { s, loc, scale })
    }
}

impl ContinuousDistribution for Lognorm {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn scale(&self) -> f64 {
        self.scale
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, f64::INFINITY)
    }
    fn std_pdf(&self, z: f64) -> f64 {
        if z == 0.0 {
            return 0.0;
        }
        let s = self.s;
        (-(z.ln().powi(2)) / (2.0 * s * s)).exp() / (s * z * SQRT_2PI)
    }
    fn std_logpdf(&self, z: f64) -> f64 {
        if z == 0.0 {
            return f64::NEG_INFINITY;
        }
        let s = self.s;
        -z.ln().powi(2) / (2.0 * s * s) - (s * z * SQRT_2PI).ln()
    }
    fn std_cdf(&self, z: f64) -> f64 {
        ndtr(z.ln() / self.s)
    }
    fn std_sf(&self, z: f64) -> f64 {
        ndtr(-z.ln() / self.s)
    }
    fn std_logcdf(&self, z: f64) -> f64 {
        log_ndtr(z.ln() / self.s)
    }
    fn std_logsf(&self, z: f64) -> f64 {
        log_ndtr(-z.ln() / self.s)
    }
    fn std_ppf(&self, q: f64) -> f64 {
        (self.s * ndtri(q)).exp()
    }
    fn std_isf(&self, q: f64) -> f64 {
        (-self.s * ndtri(q)).exp()
    }
    fn std_moments(&self) -> Moments {
        let p = (self.s * self.s).exp();
        Moments {
            mean: p.sqrt(),
            variance: p * (p - 1.0),
            skewness: (p - 1.0).sqrt() * (2.0 + p),
            kurtosis: (((p + 2.0) * p + 3.0) * p) * p - 6.0,
        }
    }
    fn std_entropy(&self) -> f64 {
        0.5 * (1.0 + (2.0 * std::f64::consts::PI).ln() + 2.0 * self.s.ln())
    }
    fn std_sample_n(&self, n: usize, rng: &mut Generator) -> Result<Array1<f64>> {
        Ok(rng.standard_normal(n)?.mapv(|z| (self.s * z).exp()))
    }
}
