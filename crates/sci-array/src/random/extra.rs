//! More distributions built on the normal, exponential and uniform draws: gamma family,
//! lognormal, Laplace, logistic, Gumbel, Rayleigh, Pareto, Weibull, power, Cauchy, Student's t,
//! geometric, negative binomial.

use ndarray::{Array, IntoDimension};

use super::continuous::{check_non_negative, standard_exponential, standard_normal};
use super::discrete::poisson;
use super::{Generator, Pcg64, fill, invalid};
use crate::Result;

/// Marsaglia & Tsang's gamma sampler (`shape >= 1`), Johnk-style rejection below 1, exactly
/// as NumPy's `random_standard_gamma`.
pub(crate) fn standard_gamma(bg: &mut Pcg64, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = bg.next_f64();
            let v = standard_exponential(bg);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = standard_normal(bg);
            v = 1.0 + c * x;
            if v > 0.0 {
                break;
            }
        }
        v = v * v * v;
        let u = bg.next_f64();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}

/// NumPy's `CONS_POSITIVE`: rejects 0 and a set sign bit, lets NaN through.
fn check_positive(v: f64, arg: &'static str) -> Result<()> {
    if v == 0.0 || (!v.is_nan() && v.is_sign_negative()) {
        return Err(invalid(arg, format!("{arg} <= 0")));
    }
    Ok(())
}

/// NumPy's `CONS_BOUNDED_GT_0_1`: `0 < p <= 1`.
fn check_gt0_le1(p: f64, arg: &'static str) -> Result<()> {
    if !(p > 0.0 && p <= 1.0) {
        return Err(invalid(arg, format!("{arg} <= 0, {arg} > 1 or {arg} contains NaNs")));
    }
    Ok(())
}

/// Geometric: search of the CDF for `p >= 1/3`, inversion of an exponential otherwise.
fn geometric(bg: &mut Pcg64, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        let mut x = 1;
        let (mut sum, mut prod) = (p, p);
        let q = 1.0 - p;
        let u = bg.next_f64();
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        x
    } else {
        let z = (-standard_exponential(bg) / (-p).ln_1p()).ceil();
        if z >= 9.223_372_036_854_776e18 { i64::MAX } else { z as i64 }
    }
}

impl Generator {
    /// Samples from the standard gamma distribution with the given `shape` (scale 1).
    ///
    /// NumPy equivalent: `numpy.random.Generator.standard_gamma(shape, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `shape` when it is
    /// negative; `shape` also when the output shape's size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let g = default_rng(0).standard_gamma(2.5, 3)?;
    /// // np.random.default_rng(0).standard_gamma(2.5, 3)
    /// assert_eq!(g.to_vec(), vec![2.357055914165985, 3.2526660756514123, 1.469962421810864]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn standard_gamma<Sh: IntoDimension>(&mut self, shape: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(shape, "shape")?;
        let bg = &mut self.bit_generator;
        fill(size, || standard_gamma(bg, shape))
    }

    /// Samples from the gamma distribution: `scale * standard_gamma(shape)`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.gamma(shape, scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `shape` or `scale`
    /// when negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let g = default_rng(0).gamma(2.5, 2.0, 2)?;
    /// assert_eq!(g.to_vec(), vec![2.0 * 2.357055914165985, 2.0 * 3.2526660756514123]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn gamma<Sh: IntoDimension>(
        &mut self,
        shape: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(shape, "shape")?;
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(size, || scale * standard_gamma(bg, shape))
    }

    /// Samples from the chi-square distribution: `2 * standard_gamma(df / 2)`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.chisquare(df, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `df` when `df <= 0`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let c = default_rng(0).chisquare(5.0, 2)?;
    /// assert_eq!(c.to_vec(), vec![2.0 * 2.357055914165985, 2.0 * 3.2526660756514123]);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn chisquare<Sh: IntoDimension>(&mut self, df: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(df, "df")?;
        let bg = &mut self.bit_generator;
        fill(size, || 2.0 * standard_gamma(bg, df / 2.0))
    }

    /// Samples from the log-normal distribution: `exp(mean + sigma * standard_normal())`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.lognormal(mean, sigma, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `sigma` when
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).lognormal(0.0, 1.0, 1)?;
    /// assert_eq!(x[0], 0.1257302210933933_f64.exp());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn lognormal<Sh: IntoDimension>(
        &mut self,
        mean: f64,
        sigma: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(sigma, "sigma")?;
        let bg = &mut self.bit_generator;
        fill(size, || (mean + sigma * standard_normal(bg)).exp())
    }

    /// Samples from the Laplace (double exponential) distribution, by inversion.
    ///
    /// NumPy equivalent: `numpy.random.Generator.laplace(loc, scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).laplace(0.0, 1.0, 1)?;
    /// // U = 0.6369616873214543 >= 0.5: -ln(2 - 2U)
    /// assert_eq!(x[0], -(2.0 - 0.6369616873214543 - 0.6369616873214543_f64).ln());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn laplace<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(size, || {
            loop {
                let u = bg.next_f64();
                if u >= 0.5 {
                    break loc - scale * (2.0 - u - u).ln();
                } else if u > 0.0 {
                    break loc + scale * (u + u).ln();
                }
            }
        })
    }

    /// Samples from the logistic distribution, `loc + scale * ln(U / (1 - U))`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.logistic(loc, scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).logistic(0.0, 1.0, 1)?;
    /// let u = 0.6369616873214543_f64;
    /// assert_eq!(x[0], (u / (1.0 - u)).ln());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn logistic<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(size, || {
            loop {
                let u = bg.next_f64();
                if u > 0.0 {
                    break loc + scale * (u / (1.0 - u)).ln();
                }
            }
        })
    }

    /// Samples from the Gumbel (extreme value type I) distribution,
    /// `loc - scale * ln(-ln(1 - U))`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.gumbel(loc, scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).gumbel(0.0, 1.0, 1)?;
    /// let u = 1.0 - 0.6369616873214543_f64;
    /// assert_eq!(x[0], -(-u.ln()).ln());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn gumbel<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(size, || {
            loop {
                let u = 1.0 - bg.next_f64();
                if u < 1.0 {
                    break loc - scale * (-u.ln()).ln();
                }
            }
        })
    }

    /// Samples from the Rayleigh distribution, `scale * sqrt(2 * standard_exponential())`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.rayleigh(scale, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `scale` when
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).rayleigh(1.0, 1)?;
    /// assert_eq!(x[0], (2.0 * 0.6799319039689096_f64).sqrt());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn rayleigh<Sh: IntoDimension>(&mut self, scale: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        fill(size, || scale * (2.0 * standard_exponential(bg)).sqrt())
    }

    /// Samples from the Pareto II (Lomax) distribution, `expm1(standard_exponential() / a)`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.pareto(a, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `a` when `a <= 0`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).pareto(3.0, 1)?;
    /// assert_eq!(x[0], (0.6799319039689096_f64 / 3.0).exp_m1());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn pareto<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(a, "a")?;
        let bg = &mut self.bit_generator;
        fill(size, || (standard_exponential(bg) / a).exp_m1())
    }

    /// Samples from the Weibull distribution, `standard_exponential() ^ (1 / a)` (0 for
    /// `a == 0`).
    ///
    /// NumPy equivalent: `numpy.random.Generator.weibull(a, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `a` when negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).weibull(2.0, 1)?;
    /// assert_eq!(x[0], 0.6799319039689096_f64.powf(0.5));
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn weibull<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(a, "a")?;
        let bg = &mut self.bit_generator;
        fill(size, || if a == 0.0 { 0.0 } else { standard_exponential(bg).powf(1.0 / a) })
    }

    /// Samples in `[0, 1]` from the power distribution with exponent `a - 1`,
    /// `(-expm1(-standard_exponential())) ^ (1 / a)`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.power(a, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `a` when `a <= 0`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).power(2.0, 1)?;
    /// assert_eq!(x[0], (-(-0.6799319039689096_f64).exp_m1()).powf(0.5));
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn power<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(a, "a")?;
        let bg = &mut self.bit_generator;
        fill(size, || (-(-standard_exponential(bg)).exp_m1()).powf(1.0 / a))
    }

    /// Samples from the standard Cauchy distribution, the ratio of two standard normals.
    ///
    /// NumPy equivalent: `numpy.random.Generator.standard_cauchy(size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) (`shape`) when the shape's
    /// size overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let x = default_rng(0).standard_cauchy(1)?;
    /// assert_eq!(x[0], 0.1257302210933933 / -0.1321048632913019);
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn standard_cauchy<Sh: IntoDimension>(&mut self, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        fill(size, || {
            let num = standard_normal(bg);
            num / standard_normal(bg)
        })
    }

    /// Samples from Student's t distribution with `df` degrees of freedom,
    /// `sqrt(df / 2) * N / sqrt(standard_gamma(df / 2))`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.standard_t(df, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `df` when `df <= 0`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let t = default_rng(0).standard_t(10.0, 1000)?;
    /// assert!(t.iter().all(|x| x.is_finite()));
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn standard_t<Sh: IntoDimension>(&mut self, df: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(df, "df")?;
        let bg = &mut self.bit_generator;
        fill(size, || {
            let num = standard_normal(bg);
            let denom = standard_gamma(bg, df / 2.0);
            (df / 2.0).sqrt() * num / denom.sqrt()
        })
    }

    /// Samples the number of trials up to and including the first success (support 1, 2, ...).
    ///
    /// NumPy equivalent: `numpy.random.Generator.geometric(p, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `p` unless
    /// `0 < p <= 1`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// assert!(rng.geometric(0.2, 100)?.iter().all(|&k| k >= 1));
    /// assert_eq!(rng.geometric(1.0, 3)?.to_vec(), vec![1, 1, 1]);
    /// assert!(rng.geometric(0.0, 3).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn geometric<Sh: IntoDimension>(&mut self, p: f64, size: Sh) -> Result<Array<i64, Sh::Dim>> {
        check_gt0_le1(p, "p")?;
        let bg = &mut self.bit_generator;
        fill(size, || geometric(bg, p))
    }

    /// Samples the number of failures before the `n`-th success, as a gamma–Poisson mixture:
    /// `poisson(gamma(n, (1 - p) / p))`.
    ///
    /// NumPy equivalent: `numpy.random.Generator.negative_binomial(n, p, size)`.
    ///
    /// # Errors
    ///
    /// [`ArrayError::InvalidValue`](crate::ArrayError::InvalidValue) naming `n` when
    /// `n <= 0` or NaN, `p` unless `0 < p <= 1`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_array::random::default_rng;
    /// let mut rng = default_rng(0);
    /// assert!(rng.negative_binomial(5.0, 0.5, 100)?.iter().all(|&k| k >= 0));
    /// assert!(rng.negative_binomial(0.0, 0.5, 1).is_err());
    /// # Ok::<(), sci_array::ArrayError>(())
    /// ```
    pub fn negative_binomial<Sh: IntoDimension>(
        &mut self,
        n: f64,
        p: f64,
        size: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        if n.is_nan() {
            return Err(invalid("n", "n <= 0"));
        }
        check_positive(n, "n")?;
        check_gt0_le1(p, "p")?;
        let bg = &mut self.bit_generator;
        fill(size, || {
            let y = (1.0 - p) / p * standard_gamma(bg, n);
            poisson(bg, y)
        })
    }
}
