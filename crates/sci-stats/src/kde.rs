//! Kernel density estimation with Gaussian kernels (`scipy.stats.gaussian_kde`).
//!
//! The data covariance, its Cholesky factor and the kernel sums are computed the way SciPy
//! does (whitened coordinates by a triangular solve, then a direct sum over the data points for
//! every evaluation point), so densities agree with SciPy's to rounding. The d×d algebra (d is
//! the number of variables, small) is done here rather than through a linear-algebra crate.

use crate::error::{Result, StatsError};
use ndarray::{Array1, Array2, ArrayBase, ArrayView1, Axis, Data, Ix1, Ix2};
use sci_array::special::ndtr;

/// How the bandwidth factor of a [`GaussianKde`] is chosen (SciPy's `bw_method`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum BwMethod {
    /// Scott's rule, n_eff^(-1/(d+4)) (the default).
    #[default]
    Scott,
    /// Silverman's rule, (n_eff (d+2)/4)^(-1/(d+4)).
    Silverman,
    /// A fixed factor (SciPy's scalar `bw_method`).
    Constant(f64),
}

/// A Gaussian kernel density estimate of a d-variate sample.
///
/// # Examples
///
/// ```
/// use sci_stats::{BwMethod, GaussianKde};
/// use sci_array::ndarray::array;
/// let kde = GaussianKde::new_1d(&array![-1.0, 0.0, 0.5, 2.0], BwMethod::Scott, None)?;
/// assert!((kde.factor() - 0.757858283255199).abs() < 1e-15);
/// let p = kde.evaluate_1d(&array![0.0, 1.0])?;
/// assert!((p[0] - 0.26851976816364626).abs() < 1e-15);
/// assert!((kde.integrate_box_1d(f64::NEG_INFINITY, f64::INFINITY)? - 1.0).abs() < 1e-15);
/// # Ok::<(), sci_stats::StatsError>(())
/// ```
///
/// SciPy equivalent: `scipy.stats.gaussian_kde(dataset, bw_method, weights)`.
#[derive(Debug, Clone, PartialEq)]
pub struct GaussianKde {
    /// The data, shape (d, n): one column per observation.
    dataset: Array2<f64>,
    weights: Array1<f64>,
    neff: f64,
    bw: BwMethod,
    factor: f64,
    data_covariance: Array2<f64>,
    data_cho: Array2<f64>,
    covariance: Array2<f64>,
    cho_cov: Array2<f64>,
    /// The data whitened by `cho_cov` (one row per observation), kept for every evaluation.
    whitened: Vec<Vec<f64>>,
}

/// Lower Cholesky factor of a symmetric positive definite d×d matrix, or `None`.
fn cholesky(a: &Array2<f64>) -> Option<Array2<f64>> {
    let d = a.nrows();
    let mut l = Array2::<f64>::zeros((d, d));
    for j in 0..d {
        let mut s = a[[j, j]];
        for k in 0..j {
            s -= l[[j, k]] * l[[j, k]];
        }
        if s.is_nan() || s <= 0.0 {
            return None;
        }
        let ljj = s.sqrt();
        l[[j, j]] = ljj;
        for i in j + 1..d {
            let mut s = a[[i, j]];
            for k in 0..j {
                s -= l[[i, k]] * l[[j, k]];
            }
            l[[i, j]] = s / ljj;
        }
    }
    Some(l)
}

/// Solves L z = v in place for lower-triangular L.
fn forward_solve(l: &Array2<f64>, v: &mut [f64]) {
    for i in 0..v.len() {
        let mut s = v[i];
        for k in 0..i {
            s -= l[[i, k]] * v[k];
        }
        v[i] = s / l[[i, i]];
    }
}

/// The columns of `x` (d × m) whitened by L: L⁻¹ x, returned as m rows of length d.
fn whiten(l: &Array2<f64>, x: &Array2<f64>) -> Vec<Vec<f64>> {
    x.axis_iter(Axis(1))
        .map(|c| {
            let mut v = c.to_vec();
            forward_solve(l, &mut v);
            v
        })
        .collect()
}

/// Sum over the data of w_i f(|z_i - x_j|²/2) for every evaluation column j (several threads
/// for many points; each point's sum runs over the data in order, as SciPy's loop).
fn kernel_sums<F>(data: &[Vec<f64>], points: &[Vec<f64>], init: f64, f: F) -> Array1<f64>
where
    F: Fn(f64, usize, f64) -> f64 + Sync,
{
    let one = |x: &Vec<f64>| {
        let mut acc = init;
        for (i, z) in data.iter().enumerate() {
            let arg: f64 = z.iter().zip(x).map(|(a, b)| (a - b) * (a - b)).sum();
            acc = f(acc, i, arg);
        }
        acc
    };
    #[cfg(feature = "rayon")]
    if points.len() * data.len() >= 1 << 15 {
        use rayon::prelude::*;
        return points.par_iter().map(one).collect::<Vec<_>>().into();
    }
    points.iter().map(one).collect()
}

impl GaussianKde {
    /// The estimate of the sample `dataset` of shape (d, n) (each column one observation,
    /// as SciPy), with optional `weights` of length n (normalized to sum 1).
    ///
    /// # Errors
    ///
    /// `InvalidValue` for a dataset with fewer than 2 elements, more variables than
    /// observations, a singular data covariance (the data lie in a lower-dimensional
    /// subspace), weights of the wrong length, negative or all zero, or a non-positive
    /// constant bandwidth.
    ///
    /// SciPy equivalent: `scipy.stats.gaussian_kde(dataset, bw_method, weights)`.
    pub fn new<S: Data<Elem = f64>>(
        dataset: &ArrayBase<S, Ix2>,
        bw_method: BwMethod,
        weights: Option<ArrayView1<'_, f64>>,
    ) -> Result<Self> {
        // One C-ordered copy: the sums below then run identically for views and copies.
        let dataset = dataset.as_standard_layout().into_owned();
        let (d, n) = dataset.dim();
        let invalid = |arg: &'static str, reason: String| Err(StatsError::InvalidValue { arg, reason });
        if d * n <= 1 {
            return invalid("dataset", "`dataset` input should have multiple elements".into());
        }
        let weights = match weights {
            None => Array1::from_elem(n, 1.0 / n as f64),
            Some(w) => {
                if w.len() != n {
                    return invalid(
                        "weights",
                        format!("`weights` input should be of length n = {n}, got {}", w.len()),
                    );
                }
                let total: f64 = w.sum();
                if w.iter().any(|&v| v.is_nan() || v < 0.0 || v.is_infinite())
                    || total.is_nan()
                    || total <= 0.0
                {
                    return invalid(
                        "weights",
                        "weights must be finite, non-negative and not all zero".into(),
                    );
                }
                w.mapv(|v| v / total)
            }
        };
        if d > n {
            return invalid(
                "dataset",
                format!(
                    "number of dimensions ({d}) is greater than number of samples ({n}); each column of `dataset` is a point"
                ),
            );
        }
        let neff = 1.0 / weights.dot(&weights);
        // numpy.cov(dataset, rowvar=1, bias=False, aweights=weights).
        let avg: Vec<f64> = dataset.axis_iter(Axis(0)).map(|row| row.dot(&weights)).collect();
        let fact = 1.0 - weights.dot(&weights);
        let centered = Array2::from_shape_fn((d, n), |(r, c)| dataset[[r, c]] - avg[r]);
        let weighted = &centered * &weights.view().insert_axis(Axis(0));
        let data_covariance = centered.dot(&weighted.t()) / fact;
        let Some(data_cho) = cholesky(&data_covariance) else {
            return invalid(
                "dataset",
                "the data appear to lie in a lower-dimensional subspace: the data covariance matrix is singular".into(),
            );
        };
        let mut kde = GaussianKde {
            dataset,
            weights,
            neff,
            bw: bw_method,
            factor: f64::NAN,
            covariance: data_covariance.clone(),
            cho_cov: data_cho.clone(),
            whitened: Vec::new(),
            data_covariance,
            data_cho,
        };
        kde.set_bandwidth(bw_method)?;
        Ok(kde)
    }

    /// The estimate of a univariate sample (SciPy's 1-d `dataset`).
    ///
    /// # Errors
    ///
    /// As [`GaussianKde::new`].
    ///
    /// SciPy equivalent: `scipy.stats.gaussian_kde(dataset)` with 1-d `dataset`.
    pub fn new_1d<S: Data<Elem = f64>>(
        dataset: &ArrayBase<S, Ix1>,
        bw_method: BwMethod,
        weights: Option<ArrayView1<'_, f64>>,
    ) -> Result<Self> {
        Self::new(&dataset.view().insert_axis(Axis(0)), bw_method, weights)
    }

    /// Changes the bandwidth rule and recomputes the kernel covariance.
    ///
    /// # Errors
    ///
    /// `InvalidValue` for a constant factor that is not positive and finite.
    ///
    /// SciPy equivalent: `gaussian_kde.set_bandwidth(bw_method)`.
    pub fn set_bandwidth(&mut self, bw_method: BwMethod) -> Result<()> {
        let d = self.d() as f64;
        let factor = match bw_method {
            BwMethod::Scott => self.neff.powf(-1.0 / (d + 4.0)),
            BwMethod::Silverman => (self.neff * (d + 2.0) / 4.0).powf(-1.0 / (d + 4.0)),
            BwMethod::Constant(f) => {
                if !(f > 0.0 && f.is_finite()) {
                    return Err(StatsError::InvalidValue {
                        arg: "bw_method",
                        reason: format!("a constant bandwidth factor must be positive and finite, got {f}"),
                    });
                }
                f
            }
        };
        self.bw = bw_method;
        self.factor = factor;
        self.covariance = &self.data_covariance * (factor * factor);
        self.cho_cov = &self.data_cho * factor;
        self.whitened = whiten(&self.cho_cov, &self.dataset);
        Ok(())
    }

    /// Number of variables d.
    pub fn d(&self) -> usize {
        self.dataset.nrows()
    }

    /// Number of observations n.
    pub fn n(&self) -> usize {
        self.dataset.ncols()
    }

    /// The effective sample size 1 / Σ wᵢ².
    pub fn neff(&self) -> f64 {
        self.neff
    }

    /// The normalized weights.
    pub fn weights(&self) -> &Array1<f64> {
        &self.weights
    }

    /// The bandwidth factor multiplying the data covariance's square root.
    pub fn factor(&self) -> f64 {
        self.factor
    }

    /// The bandwidth rule in use.
    pub fn bw_method(&self) -> BwMethod {
        self.bw
    }

    /// The kernel covariance: the data covariance times factor².
    pub fn covariance(&self) -> &Array2<f64> {
        &self.covariance
    }

    /// The inverse of the kernel covariance.
    ///
    /// SciPy equivalent: `gaussian_kde.inv_cov`.
    pub fn inv_cov(&self) -> Array2<f64> {
        let d = self.d();
        let mut inv = Array2::<f64>::zeros((d, d));
        for c in 0..d {
            // Solve C x = e_c through L Lᵀ.
            let mut v = vec![0.0; d];
            v[c] = 1.0;
            forward_solve(&self.cho_cov, &mut v);
            for i in (0..d).rev() {
                let mut s = v[i];
                for k in i + 1..d {
                    s -= self.cho_cov[[k, i]] * v[k];
                }
                v[i] = s / self.cho_cov[[i, i]];
            }
            inv.column_mut(c).assign(&Array1::from(v));
        }
        inv
    }

    fn check_points<S: Data<Elem = f64>>(&self, points: &ArrayBase<S, Ix2>) -> Result<Array2<f64>> {
        let (d, m) = points.dim();
        if d == self.d() {
            return Ok(points.to_owned());
        }
        if d == 1 && m == self.d() {
            return Ok(points.t().to_owned());
        }
        Err(StatsError::ShapeMismatch { arg: "points", expected: vec![self.d(), m], found: vec![d, m] })
    }

    /// The density at each column of `points` (shape (d, m); a (1, d) row is one point).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the points do not have d coordinates.
    ///
    /// SciPy equivalent: `gaussian_kde.evaluate(points)` (also `pdf`, `__call__`).
    pub fn evaluate<S: Data<Elem = f64>>(&self, points: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
        let pts = self.check_points(points)?;
        let d = self.d();
        let mut norm = (2.0 * std::f64::consts::PI).powf(-(d as f64) / 2.0);
        for i in 0..d {
            norm /= self.cho_cov[[i, i]];
        }
        let w = &self.weights;
        Ok(kernel_sums(&self.whitened, &whiten(&self.cho_cov, &pts), 0.0, |acc, i, arg| {
            acc + w[i] * ((-arg / 2.0).exp() * norm)
        }))
    }

    /// The density of a univariate estimate at each of `x`.
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the estimate is not univariate.
    ///
    /// SciPy equivalent: `gaussian_kde.evaluate(x)` with 1-d `x`.
    pub fn evaluate_1d<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Result<Array1<f64>> {
        self.univariate("x")?;
        self.evaluate(&x.view().insert_axis(Axis(0)))
    }

    /// The log-density at each column of `points`, summed in log space (accurate far in the
    /// tails where [`evaluate`](Self::evaluate) underflows to 0).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the points do not have d coordinates.
    ///
    /// SciPy equivalent: `gaussian_kde.logpdf(points)`.
    pub fn logpdf<S: Data<Elem = f64>>(&self, points: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
        let pts = self.check_points(points)?;
        let d = self.d();
        let mut log_norm = -(d as f64) / 2.0 * (2.0 * std::f64::consts::PI).ln();
        for i in 0..d {
            log_norm -= self.cho_cov[[i, i]].ln();
        }
        let logw: Vec<f64> = self.weights.iter().map(|w| w.ln()).collect();
        Ok(kernel_sums(&self.whitened, &whiten(&self.cho_cov, &pts), f64::NEG_INFINITY, |acc, i, arg| {
            let b = -arg / 2.0 + log_norm + logw[i];
            let c = acc.max(b);
            c + ((acc - c).exp() + (b - c).exp()).ln()
        }))
    }

    fn univariate(&self, what: &'static str) -> Result<()> {
        if self.d() == 1 {
            Ok(())
        } else {
            Err(StatsError::InvalidValue {
                arg: what,
                reason: format!("this method only handles 1-d estimates, the estimate has d = {}", self.d()),
            })
        }
    }

    /// The probability mass of a univariate estimate between `low` and `high`.
    ///
    /// # Errors
    ///
    /// `InvalidValue` when the estimate is not univariate.
    ///
    /// SciPy equivalent: `gaussian_kde.integrate_box_1d(low, high)`.
    pub fn integrate_box_1d(&self, low: f64, high: f64) -> Result<f64> {
        self.univariate("self")?;
        let sd = self.covariance[[0, 0]].sqrt();
        Ok(self
            .dataset
            .row(0)
            .iter()
            .zip(&self.weights)
            .map(|(&x, &w)| w * (ndtr((high - x) / sd) - ndtr((low - x) / sd)))
            .sum())
    }

    /// Σ wᵢ N(xᵢ; mean, Σ + cov) over the data with `sum_cov = Σ + cov` factored once.
    fn gaussian_overlap(&self, mean: &[f64], sum_chol: &Array2<f64>) -> f64 {
        self.dataset
            .axis_iter(Axis(1))
            .zip(&self.weights)
            .map(|(col, &w)| {
                let mut z: Vec<f64> = col.iter().zip(mean).map(|(a, b)| a - b).collect();
                forward_solve(sum_chol, &mut z);
                let energy: f64 = z.iter().map(|v| v * v).sum::<f64>() / 2.0;
                (-energy).exp() * w
            })
            .sum()
    }

    fn sum_cov_chol(&self, cov: &Array2<f64>, arg: &'static str) -> Result<(Array2<f64>, f64)> {
        let sum = &self.covariance + cov;
        let chol = cholesky(&sum).ok_or_else(|| StatsError::InvalidValue {
            arg,
            reason: "the summed covariance is not positive definite".into(),
        })?;
        let sqrt_det: f64 = chol.diag().product();
        let norm = (2.0 * std::f64::consts::PI).powf(self.d() as f64 / 2.0) * sqrt_det;
        Ok((chol, norm))
    }

    /// The integral of the estimate times the normal density N(mean, cov).
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when `mean` is not of length d or `cov` not d×d; `InvalidValue` when
    /// the kernel covariance plus `cov` is not positive definite.
    ///
    /// SciPy equivalent: `gaussian_kde.integrate_gaussian(mean, cov)`.
    pub fn integrate_gaussian<S1, S2>(
        &self,
        mean: &ArrayBase<S1, Ix1>,
        cov: &ArrayBase<S2, Ix2>,
    ) -> Result<f64>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        let d = self.d();
        if mean.len() != d {
            return Err(StatsError::ShapeMismatch {
                arg: "mean",
                expected: vec![d],
                found: vec![mean.len()],
            });
        }
        if cov.dim() != (d, d) {
            return Err(StatsError::ShapeMismatch {
                arg: "cov",
                expected: vec![d, d],
                found: cov.shape().to_vec(),
            });
        }
        let (chol, norm) = self.sum_cov_chol(&cov.to_owned(), "cov")?;
        Ok(self.gaussian_overlap(&mean.to_vec(), &chol) / norm)
    }

    /// The integral of the product of two estimates of the same dimension.
    ///
    /// # Errors
    ///
    /// `ShapeMismatch` when the dimensions differ.
    ///
    /// SciPy equivalent: `gaussian_kde.integrate_kde(other)`.
    pub fn integrate_kde(&self, other: &GaussianKde) -> Result<f64> {
        if other.d() != self.d() {
            return Err(StatsError::ShapeMismatch {
                arg: "other",
                expected: vec![self.d()],
                found: vec![other.d()],
            });
        }
        let (small, large) = if other.n() < self.n() { (other, self) } else { (self, other) };
        let (chol, norm) = large.sum_cov_chol(&small.covariance, "other")?;
        let mut result = 0.0;
        for (col, &w) in small.dataset.axis_iter(Axis(1)).zip(&small.weights) {
            result += large.gaussian_overlap(&col.to_vec(), &chol) * w;
        }
        Ok(result / norm)
    }

    /// The estimate of the marginal distribution of the variables `dimensions` (negative
    /// indices count from the end), with the same bandwidth factor.
    ///
    /// # Errors
    ///
    /// `InvalidValue` for an index out of range or repeated.
    ///
    /// SciPy equivalent: `gaussian_kde.marginal(dimensions)`.
    pub fn marginal(&self, dimensions: &[isize]) -> Result<GaussianKde> {
        let d = self.d() as isize;
        let mut dims = Vec::with_capacity(dimensions.len());
        for &k in dimensions {
            let kk = if k < 0 { k + d } else { k };
            if !(0..d).contains(&kk) || dims.contains(&(kk as usize)) {
                return Err(StatsError::InvalidValue {
                    arg: "dimensions",
                    reason: format!(
                        "dimension {k} is invalid or repeated for a distribution in {d} dimensions"
                    ),
                });
            }
            dims.push(kk as usize);
        }
        let data = self.dataset.select(Axis(0), &dims);
        GaussianKde::new(&data, BwMethod::Constant(self.factor), Some(self.weights.view()))
    }
}
