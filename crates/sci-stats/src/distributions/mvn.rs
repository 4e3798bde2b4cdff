//! The multivariate normal distribution.

use crate::error::{Result, StatsError};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};

/// ln(2π).
const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// The multivariate normal distribution N(mean, cov) in d dimensions.
///
/// The covariance must be symmetric positive definite (SciPy's default
/// `allow_singular=False`); it is factored once by Cholesky, so each density costs one
/// triangular solve.
///
/// # Examples
///
/// ```
/// use sci_stats::MultivariateNormal;
/// use sci_array::ndarray::array;
/// let mv = MultivariateNormal::new(&array![-5.0, -5.0], &array![[10.0, 2.0], [2.0, 20.0]])?;
/// assert!((mv.pdf(&array![0.0, 0.0])? - 0.0021655137206057).abs() < 1e-17);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.multivariate_normal`.
#[derive(Debug, Clone, PartialEq)]
pub struct MultivariateNormal {
    mean: Array1<f64>,
    cov: Array2<f64>,
    /// Lower Cholesky factor of cov.
    chol: Array2<f64>,
    log_det: f64,
}

impl MultivariateNormal {
    /// N(mean, cov).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when cov is not d×d for a mean of length d; `InvalidValue` when mean is
    /// empty, the entries are not finite or cov is not symmetric positive definite.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// assert!(MultivariateNormal::new(&array![0.0, 0.0], &array![[1.0, 2.0], [2.0, 1.0]]).is_err());
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal(mean, cov)`.
    pub fn new<S1, S2>(mean: &ArrayBase<S1, Ix1>, cov: &ArrayBase<S2, Ix2>) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        let d = mean.len();
        if d == 0 {
            return Err(StatsError::InvalidValue { arg: "mean", reason: "must not be empty".into() });
        }
        if cov.dim() != (d, d) {
            return Err(StatsError::ShapeMismatch {
                arg: "cov",
                expected: vec![d, d],
                found: cov.shape().to_vec(),
            });
        }
        if !mean.iter().chain(cov.iter()).all(|v| v.is_finite()) {
            return Err(StatsError::InvalidValue {
                arg: "cov",
                reason: "mean and cov must contain only finite values".into(),
            });
        }
        for i in 0..d {
            for j in 0..i {
                if cov[[i, j]] != cov[[j, i]] {
                    return Err(StatsError::InvalidValue { arg: "cov", reason: "must be symmetric".into() });
                }
            }
        }
        let chol = cholesky(cov).ok_or_else(|| StatsError::InvalidValue {
            arg: "cov",
            reason: "the input matrix must be symmetric positive definite".into(),
        })?;
        let log_det = 2.0 * chol.diag().iter().map(|v| v.ln()).sum::<f64>();
        Ok(MultivariateNormal { mean: mean.to_owned(), cov: cov.to_owned(), chol, log_det })
    }

    /// The mean vector.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![1.0], &array![[2.0]])?;
    /// assert_eq!(mv.mean(), &array![1.0]);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.mean`.
    pub fn mean(&self) -> &Array1<f64> {
        &self.mean
    }

    /// The covariance matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![1.0], &array![[2.0]])?;
    /// assert_eq!(mv.cov(), &array![[2.0]]);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.cov`.
    pub fn cov(&self) -> &Array2<f64> {
        &self.cov
    }

    /// ln of the density at the point x.
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when x does not have the dimension of the distribution.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![0.0, 0.0], &array![[1.0, 0.0], [0.0, 1.0]])?;
    /// assert!((mv.logpdf(&array![0.0, 0.0])? + (2.0 * std::f64::consts::PI).ln()).abs() < 1e-15);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.logpdf`.
    pub fn logpdf<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Result<f64> {
        let d = self.mean.len();
        if x.len() != d {
            return Err(StatsError::ShapeMismatch { arg: "x", expected: vec![d], found: x.shape().to_vec() });
        }
        Ok(self.logpdf_slice(x.iter().copied()))
    }

    fn logpdf_slice(&self, x: impl Iterator<Item = f64>) -> f64 {
        let d = self.mean.len();
        // Forward substitution L y = x - mean; maha = |y|².
        let mut y: Vec<f64> = x.zip(self.mean.iter()).map(|(a, m)| a - m).collect();
        let mut maha = 0.0;
        for i in 0..d {
            let mut s = y[i];
            for j in 0..i {
                s -= self.chol[[i, j]] * y[j];
            }
            y[i] = s / self.chol[[i, i]];
            maha += y[i] * y[i];
        }
        -0.5 * (d as f64 * LN_2PI + self.log_det + maha)
    }

    /// The density at the point x.
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when x does not have the dimension of the distribution.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![-5.0, -5.0], &array![[10.0, 2.0], [2.0, 20.0]])?;
    /// assert!((mv.pdf(&array![-5.0, -5.0])? - 0.011368210220849664).abs() < 1e-16);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.pdf`.
    pub fn pdf<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Result<f64> {
        Ok(self.logpdf(x)?.exp())
    }

    /// ln of the density at each row of `x` (n points × d).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the rows do not have the dimension of the distribution.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![0.0], &array![[1.0]])?;
    /// let l = mv.logpdf_rows(&array![[0.0], [1.0]])?;
    /// assert!((l[0] - l[1] - 0.5).abs() < 1e-15);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.logpdf` with a 2-d `x`.
    pub fn logpdf_rows<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
        let d = self.mean.len();
        if x.ncols() != d {
            return Err(StatsError::ShapeMismatch {
                arg: "x",
                expected: vec![x.nrows(), d],
                found: x.shape().to_vec(),
            });
        }
        Ok(x.rows().into_iter().map(|r| self.logpdf_slice(r.iter().copied())).collect())
    }

    /// The density at each row of `x` (n points × d).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the rows do not have the dimension of the distribution.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![0.0], &array![[1.0]])?;
    /// let p = mv.pdf_rows(&array![[0.0], [0.0]])?;
    /// assert_eq!(p[0], p[1]);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.pdf` with a 2-d `x`.
    pub fn pdf_rows<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
        Ok(self.logpdf_rows(x)?.mapv(f64::exp))
    }

    /// The differential entropy, (d(1 + ln 2π) + ln det cov)/2.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![0.0], &array![[1.0]])?;
    /// assert!((mv.entropy() - 1.4189385332046727).abs() < 1e-15);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.entropy`.
    pub fn entropy(&self) -> f64 {
        0.5 * (self.mean.len() as f64 * (1.0 + LN_2PI) + self.log_det)
    }

    /// `size` samples (rows) seeded like `numpy.random.default_rng(seed)`.
    ///
    /// Each row is mean + L z with L the Cholesky factor of cov and z drawn with NumPy's
    /// `standard_normal`; NumPy's `multivariate_normal` transforms by an SVD of cov instead,
    /// so the samples follow the same distribution but are not SciPy's numbers.
    ///
    /// # Errors
    ///
    /// From the generator (a size too large to allocate).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_stats::MultivariateNormal;
    /// use sci_array::ndarray::array;
    /// let mv = MultivariateNormal::new(&array![1.0, -1.0], &array![[1.0, 0.5], [0.5, 2.0]])?;
    /// let x = mv.rvs(20_000, 7)?;
    /// assert_eq!(x.dim(), (20_000, 2));
    /// let m = x.mean_axis(sci_array::ndarray::Axis(0)).unwrap();
    /// assert!((m[0] - 1.0).abs() < 0.03 && (m[1] + 1.0).abs() < 0.03);
    /// # Ok::<(), sci_stats::StatsError>(())
    /// ```
    ///
    /// SciPy equivalent: `scipy.stats.multivariate_normal.rvs` (same distribution, different
    /// stream).
    pub fn rvs(&self, size: usize, seed: u64) -> Result<Array2<f64>> {
        let d = self.mean.len();
        let z = sci_array::random::default_rng(seed).standard_normal((size, d))?;
        let mut out = Array2::zeros((size, d));
        for (mut o, zr) in out.rows_mut().into_iter().zip(z.rows()) {
            for i in 0..d {
                let mut s = self.mean[i];
                for j in 0..=i {
                    s += self.chol[[i, j]] * zr[j];
                }
                o[i] = s;
            }
        }
        Ok(out)
    }
}

/// The lower Cholesky factor, or None when `a` is not positive definite.
fn cholesky<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix2>) -> Option<Array2<f64>> {
    let n = a.nrows();
    let mut l = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        let mut s = a[[j, j]];
        for k in 0..j {
            s -= l[[j, k]] * l[[j, k]];
        }
        if s.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            return None;
        }
        let d = s.sqrt();
        l[[j, j]] = d;
        for i in j + 1..n {
            let mut s = a[[i, j]];
            for k in 0..j {
                s -= l[[i, k]] * l[[j, k]];
            }
            l[[i, j]] = s / d;
        }
    }
    Some(l)
}
