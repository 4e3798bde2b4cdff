//! More discrete distributions: Planck, Boltzmann (truncated Planck), discrete Laplace,
//! beta-binomial.

use super::{DiscreteDistribution, Moments};
use crate::error::{Result, check};
use sci_array::special::gammaln;

fn betaln(a: f64, b: f64) -> f64 {
    gammaln(a) + gammaln(b) - gammaln(a + b)
}

fn check_loc(loc: f64) -> Result<()> {
    check(loc.is_finite() && loc == loc.floor(), "loc", "a finite integer", loc)
}

/// The most terms a CDF is summed over (SciPy sums the whole range, which does not finish
/// for huge supports either); beyond it the CDF is NaN.
const MAX_TERMS: f64 = 1e5;

/// Σ pmf(j) for j = a, ..., k in order (SciPy's generic `_cdf_single`).
fn sum_pmf(pmf: impl Fn(f64) -> f64, a: f64, k: f64) -> f64 {
    if k - a > MAX_TERMS {
        return f64::NAN;
    }
    let mut s = 0.0;
    let mut j = a;
    while j <= k {
        let t = pmf(j);
        s += t;
        j += 1.0;
    }
    s
}

/// Overrides `logsf` with a standardized `std_logsf` (accurate where sf underflows).
macro_rules! logsf_from_std {
    () => {
        fn logsf(&self, x: f64) -> f64 {
            let k = (x - self.loc()).floor();
            let (a, b) = self.std_support();
            if k.is_nan() {
                f64::NAN
            } else if k < a {
                0.0
            } else if k >= b {
                f64::NEG_INFINITY
            } else {
                self.std_logsf(k)
            }
        }
    };
}

/// The Planck (discrete exponential) distribution: pmf (1 - e^(-λ)) e^(-λk) for k ≥ 0.
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Planck};
/// let d = Planck::new(0.5, 0.0)?;
/// assert!((d.pmf(2.0) - 0.1447492810230125).abs() < 1e-16);
/// assert!((d.cdf(2.0) - 0.7768698398515702).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.planck`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planck {
    lambda: f64,
    loc: f64,
}

impl Planck {
    /// The Planck distribution with λ > 0, shifted by the integer loc.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless λ > 0 (finite) and loc is a finite integer.
    ///
    /// SciPy equivalent: `scipy.stats.planck(lambda_, loc)`.
    pub fn new(lambda: f64, loc: f64) -> Result<Self> {
        check(lambda > 0.0 && lambda.is_finite(), "lambda_", "> 0 and finite", lambda)?;
        check_loc(loc)?;
        Ok(Planck { lambda, loc })
    }

    fn std_logsf(&self, k: f64) -> f64 {
        -self.lambda * (k + 1.0)
    }
}

impl DiscreteDistribution for Planck {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, f64::INFINITY)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        -(-self.lambda).exp_m1() * (-self.lambda * k).exp()
    }
    fn std_cdf(&self, k: f64) -> f64 {
        -(-self.lambda * (k + 1.0)).exp_m1()
    }
    fn std_sf(&self, k: f64) -> f64 {
        self.std_logsf(k).exp()
    }
    fn std_moments(&self) -> Moments {
        let l = self.lambda;
        Moments {
            mean: 1.0 / l.exp_m1(),
            variance: (-l).exp() / (-l).exp_m1().powi(2),
            skewness: 2.0 * (l / 2.0).cosh(),
            kurtosis: 4.0 + 2.0 * l.cosh(),
        }
    }
    logsf_from_std!();
}

/// The Boltzmann (truncated Planck) distribution on 0, ..., N - 1: pmf ∝ e^(-λk).
///
/// # Examples
///
/// ```
/// use sci_stats::{Boltzmann, DiscreteDistribution};
/// let d = Boltzmann::new(1.4, 19.0, 0.0)?;
/// assert!((d.pmf(2.0) - 0.04581448580486873).abs() < 1e-16);
/// assert!((d.cdf(2.0) - 0.9850044231822842).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.boltzmann`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boltzmann {
    lambda: f64,
    n: f64,
    loc: f64,
}

impl Boltzmann {
    /// The Boltzmann distribution with λ > 0 on N ≥ 1 values, shifted by the integer loc.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless λ > 0 (finite), N is a positive integer and loc a finite
    /// integer.
    ///
    /// SciPy equivalent: `scipy.stats.boltzmann(lambda_, N, loc)`.
    pub fn new(lambda: f64, n: f64, loc: f64) -> Result<Self> {
        check(lambda > 0.0 && lambda.is_finite(), "lambda_", "> 0 and finite", lambda)?;
        check(n > 0.0 && n.is_finite() && n == n.floor(), "N", "a positive integer", n)?;
        check_loc(loc)?;
        Ok(Boltzmann { lambda, n, loc })
    }
}

impl DiscreteDistribution for Boltzmann {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (0.0, self.n - 1.0)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        let (l, n) = (self.lambda, self.n);
        let fact = (1.0 - (-l).exp()) / (1.0 - (-l * n).exp());
        fact * (-l * k).exp()
    }
    fn std_cdf(&self, k: f64) -> f64 {
        let (l, n) = (self.lambda, self.n);
        (1.0 - (-l * (k + 1.0)).exp()) / (1.0 - (-l * n).exp())
    }
    fn std_moments(&self) -> Moments {
        let (l, n) = (self.lambda, self.n);
        let z = (-l).exp();
        let zn = (-l * n).exp();
        let mean = z / (1.0 - z) - n * zn / (1.0 - zn);
        let variance = z / (1.0 - z).powi(2) - n * n * zn / (1.0 - zn).powi(2);
        let trm = (1.0 - zn) / (1.0 - z);
        let trm2 = z * trm * trm - n * n * zn;
        let g1 = (z * (1.0 + z) * trm.powi(3) - n.powi(3) * zn * (1.0 + zn)) / trm2.powf(1.5);
        let g2 = (z * (1.0 + 4.0 * z + z * z) * trm.powi(4) - n.powi(4) * zn * (1.0 + 4.0 * zn + zn * zn))
            / trm2
            / trm2;
        Moments { mean, variance, skewness: g1, kurtosis: g2 }
    }
}

/// The discrete Laplace distribution on the integers: pmf tanh(a/2) e^(-a|k|).
///
/// # Examples
///
/// ```
/// use sci_stats::{DiscreteDistribution, Dlaplace};
/// let d = Dlaplace::new(0.8, 0.0)?;
/// assert!((d.pmf(-1.0) - 0.1707220736275535).abs() < 1e-16);
/// assert!((d.cdf(1.0) - 0.8606965547551659).abs() < 1e-15);
/// assert_eq!(d.ppf(0.5), 0.0);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.dlaplace`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dlaplace {
    a: f64,
    loc: f64,
}

impl Dlaplace {
    /// The discrete Laplace distribution with a > 0, shifted by the integer loc.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` unless a > 0 (finite) and loc is a finite integer.
    ///
    /// SciPy equivalent: `scipy.stats.dlaplace(a, loc)`.
    pub fn new(a: f64, loc: f64) -> Result<Self> {
        check(a > 0.0 && a.is_finite(), "a", "> 0 and finite", a)?;
        check_loc(loc)?;
        Ok(Dlaplace { a, loc })
    }
}

impl DiscreteDistribution for Dlaplace {
    fn loc(&self) -> f64 {
        self.loc
    }
    fn std_support(&self) -> (f64, f64) {
        (f64::NEG_INFINITY, f64::INFINITY)
    }
    fn std_pmf(&self, k: f64) -> f64 {
        (self.a / 2.0).tanh() * (-self.a * k.abs()).exp()
    }
    fn std_cdf(&self, k: f64) -> f64 {
        let a = self.a;
        if k >= 0.0 {
            1.0 - (-a * k).exp() / (a.exp() + 1.0)
        } else {
            (a * (k + 1.0)).exp() / (a.exp() + 1.0)
        }
    }
    fn std_moments(&self) -> Moments {
        let ea = self.a.exp();
        let mu2 = 2.0 * ea / (ea - 1.0).powi(2);
        let mu4 = 2.0 * ea * (ea * ea + 10.0 * ea + 1.0) / (ea - 1.0).powi(4);
        Moments { mean: 0.0, variance: mu2, skewness: 0.0, kurtosis: mu4 / (mu2 * mu2) - 3.0 }
    }
}

/// The beta-binomial distribution: binomial(n, p) with p ~ Beta(a, b).
///
/// The CDF is the sum of the masses (as SciPy computes it), NaN beyond 1e5 terms.
///
/// # Examples
///
/// ```
/// use sci_stats::{Betabinom, DiscreteDistribution};
/// let d = Betabinom::new(10.0, 2.0, 3.0, 0.0)?;
/// assert!((d.pmf(3.0) - 0.14385614385614395).abs() < 1e-15);
/// assert!((d.mean() - 4.0).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.betabinom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Betabinom {
    n: f64,
    a: f64,
    b: f64,
    loc: f64,
}

impl Betabinom {
    /// n trials (a non-negative integer), a, b > 0, shifted by the integer loc.
    ///
    /// # Errors
    ///
    /// `InvalidParameter` for a negative or non-integer n, a or b not positive and finite, or
    /// a non-integer loc.
    ///
    /// SciPy equivalent: `scipy.stats.betabinom(n, a, b, loc)`.
    pub fn new(n: f64, a: f64, b: f64, loc: f64) -> Result<Self> {
        check(n >= 0.0 && n.is_finite() && n == n.floor(), "n", "a non-negative integer", n)?;
        check(a > 0.0 && a.is_finite(), "a", "> 0 and finite", a)?;
        check(b > 0.0 && b.is_finite(), "b", "> 0 and finite", b)?;
        check_loc(loc)?;
        Ok(Betabinom { n, a, b, loc })
    }
}

impl DiscreteDistribution for Betabinom {
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
        let (n, a, b) = (self.n, self.a, self.b);
        let combiln = -(n + 1.0).ln() - betaln(n - k + 1.0, k + 1.0);
        combiln + betaln(k + a, n - k + b) - betaln(a, b)
    }
    fn std_cdf(&self, k: f64) -> f64 {
        sum_pmf(|j| self.std_pmf(j), 0.0, k)
    }
    fn std_moments(&self) -> Moments {
        let (n, a, b) = (self.n, self.a, self.b);
        let e_p = a / (a + b);
        let e_q = 1.0 - e_p;
        let mu = n * e_p;
        let var = n * (a + b + n) * e_p * e_q / (a + b + 1.0);
        let g1 = 1.0 / var.sqrt() * (a + b + 2.0 * n) * (b - a) / ((a + b + 2.0) * (a + b));
        let mut g2 = a + b;
        g2 *= a + b - 1.0 + 6.0 * n;
        g2 += 3.0 * a * b * (n - 2.0);
        g2 += 6.0 * n * n;
        g2 -= 3.0 * e_p * b * n * (6.0 - n);
        g2 -= 18.0 * e_p * e_q * n * n;
        g2 *= (a + b).powi(2) * (1.0 + a + b);
        g2 /= n * a * b * (a + b + 2.0) * (a + b + 3.0) * (a + b + n);
        g2 -= 3.0;
        Moments { mean: mu, variance: var, skewness: g1, kurtosis: g2 }
    }
}
