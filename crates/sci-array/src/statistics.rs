//! Covariance and correlation matrices: `cov`, `corrcoef`.

use crate::reductions::pairwise_sum_slice;
use crate::{ArrayError, Result};
use ndarray::{Array2, ArrayBase, ArrayView1, ArrayViewD, Axis, Data, Dimension, concatenate};

/// The keyword arguments of [`cov`], with NumPy's defaults.
#[derive(Debug, Clone)]
pub struct CovOptions<'a> {
    /// Each row is a variable and each column an observation (`true`, NumPy's default), or
    /// the transpose.
    pub rowvar: bool,
    /// Normalise by `N` instead of `N - 1` (when `ddof` is `None`).
    pub bias: bool,
    /// Delta degrees of freedom; overrides `bias` when given.
    pub ddof: Option<f64>,
    /// Integer frequency weights: how many times each observation occurs.
    pub fweights: Option<ArrayView1<'a, i64>>,
    /// Observation ("analytic") weights.
    pub aweights: Option<ArrayView1<'a, f64>>,
}

impl Default for CovOptions<'_> {
    fn default() -> Self {
        Self { rowvar: true, bias: false, ddof: None, fweights: None, aweights: None }
    }
}

fn invalid(arg: &'static str, reason: impl Into<String>) -> ArrayError {
    ArrayError::InvalidValue { arg, reason: reason.into() }
}

/// The data as a `variables x observations` matrix (NumPy's `array(m, ndmin=2)` and
/// transpose for `rowvar = false`).
fn as_rows(m: &ArrayViewD<'_, f64>, rowvar: bool, arg: &'static str) -> Result<Array2<f64>> {
    let x = match m.ndim() {
        0 => Array2::from_elem((1, 1), m[[] as [usize; 0]]),
        1 => m.to_owned().into_shape_with_order((1, m.len())).map_err(|e| invalid(arg, e.to_string()))?,
        2 => m.to_owned().into_dimensionality().map_err(|e| invalid(arg, e.to_string()))?,
        _ => {
            return Err(ArrayError::ShapeMismatch {
                arg,
                expected: "at most 2 dimensions".into(),
                found: m.shape().to_vec(),
            });
        }
    };
    Ok(if !rowvar && x.nrows() != 1 { x.reversed_axes().as_standard_layout().into_owned() } else { x })
}

/// Covariance matrix of the variables in `m` (and `y`, appended as more variables).
///
/// Each row of `m` is a variable and each column an observation (or the reverse with
/// `rowvar = false`); the result is `variables x variables`, always 2-d (NumPy squeezes a
/// single variable to a 0-d array). Frequency and analytic weights and `ddof` follow NumPy's
/// formula exactly; when the degrees of freedom are `<= 0` the divisor becomes 0 (infinite or
/// NaN entries), as in NumPy.
///
/// NumPy equivalent: `numpy.cov`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] for more than 2 dimensions; [`ArrayError::LengthMismatch`]
/// when `y` or the weights do not match the number of observations;
/// [`ArrayError::InvalidValue`] for negative weights.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{cov, CovOptions};
/// let x = array![[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]];
/// let c = cov(&x, None, &CovOptions::default()).unwrap();
/// assert_eq!(c, array![[1.0, -1.0], [-1.0, 1.0]]);
/// let c = cov(&array![1.0, 2.0, 4.0], None, &CovOptions { bias: true, ..Default::default() }).unwrap();
/// assert_eq!(c[[0, 0]], 14.0 / 9.0);
/// ```
pub fn cov<S, D>(
    m: &ArrayBase<S, D>,
    y: Option<ArrayViewD<'_, f64>>,
    opts: &CovOptions<'_>,
) -> Result<Array2<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut x = as_rows(&m.view().into_dyn(), opts.rowvar, "m")?;
    if x.nrows() == 0 {
        return Ok(Array2::zeros((0, 0)));
    }
    if let Some(y) = y {
        let yr = as_rows(&y, opts.rowvar, "y")?;
        if yr.ncols() != x.ncols() {
            return Err(ArrayError::LengthMismatch { a: "m", b: "y", len_a: x.ncols(), len_b: yr.ncols() });
        }
        x = concatenate(Axis(0), &[x.view(), yr.view()]).map_err(|e| invalid("y", e.to_string()))?;
    }
    let nobs = x.ncols();
    let ddof = opts.ddof.unwrap_or(if opts.bias { 0.0 } else { 1.0 });
    let mut w: Option<Vec<f64>> = None;
    if let Some(f) = &opts.fweights {
        if f.len() != nobs {
            return Err(ArrayError::LengthMismatch {
                a: "fweights",
                b: "observations",
                len_a: f.len(),
                len_b: nobs,
            });
        }
        if f.iter().any(|&v| v < 0) {
            return Err(invalid("fweights", "fweights cannot be negative"));
        }
        w = Some(f.iter().map(|&v| v as f64).collect());
    }
    if let Some(a) = &opts.aweights {
        if a.len() != nobs {
            return Err(ArrayError::LengthMismatch {
                a: "aweights",
                b: "observations",
                len_a: a.len(),
                len_b: nobs,
            });
        }
        if a.iter().any(|&v| v < 0.0) {
            return Err(invalid("aweights", "aweights cannot be negative"));
        }
        w = Some(match w {
            Some(w) => w.iter().zip(a).map(|(p, q)| p * q).collect(),
            None => a.to_vec(),
        });
    }
    // The (weighted) means and the sum of weights.
    let w_sum = match &w {
        Some(w) => pairwise_sum_slice(w),
        None => nobs as f64,
    };
    if w.is_some() && w_sum == 0.0 {
        return Err(invalid("weights", "Weights sum to zero, can't be normalized"));
    }
    for mut row in x.rows_mut() {
        let avg = match &w {
            Some(w) => {
                let p: Vec<f64> = row.iter().zip(w).map(|(a, b)| a * b).collect();
                pairwise_sum_slice(&p) / w_sum
            }
            None => pairwise_sum_slice(&row.to_vec()) / nobs as f64,
        };
        row.mapv_inplace(|v| v - avg);
    }
    let mut fact = match (&w, &opts.aweights) {
        (None, _) => nobs as f64 - ddof,
        _ if ddof == 0.0 => w_sum,
        (Some(_), None) => w_sum - ddof,
        (Some(w), Some(a)) => {
            let p: Vec<f64> = w.iter().zip(a).map(|(p, q)| p * q).collect();
            w_sum - ddof * pairwise_sum_slice(&p) / w_sum
        }
    };
    if fact <= 0.0 {
        fact = 0.0;
    }
    let xt = match &w {
        None => x.t().to_owned(),
        Some(w) => {
            let mut xw = x.clone();
            for (j, mut col) in xw.axis_iter_mut(Axis(1)).enumerate() {
                col.mapv_inplace(|v| v * w[j]);
            }
            xw.reversed_axes()
        }
    };
    let mut c = x.dot(&xt);
    let inv = 1.0 / fact;
    c.mapv_inplace(|v| v * inv);
    Ok(c)
}

/// Pearson correlation coefficients: [`cov`] normalised by the standard deviations, clipped to
/// `[-1, 1]`. Constant variables give NaN rows and columns.
///
/// NumPy equivalent: `numpy.corrcoef`.
///
/// # Errors
///
/// As [`cov`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::corrcoef;
/// let x = array![1.0, 2.0, 3.0, 4.0];
/// let y = array![2.0, 4.0, 6.0, 8.5];
/// let r = corrcoef(&x, Some(y.view().into_dyn()), true).unwrap();
/// assert_eq!(r[[0, 0]], 1.0);
/// assert!((r[[0, 1]] - 0.99838144).abs() < 1e-8);
/// ```
pub fn corrcoef<S, D>(
    x: &ArrayBase<S, D>,
    y: Option<ArrayViewD<'_, f64>>,
    rowvar: bool,
) -> Result<Array2<f64>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut c = cov(x, y, &CovOptions { rowvar, ..Default::default() })?;
    let sd: Vec<f64> = c.diag().iter().map(|v| v.sqrt()).collect();
    for ((i, j), v) in c.indexed_iter_mut() {
        *v = (*v / sd[i] / sd[j]).clamp(-1.0, 1.0);
    }
    Ok(c)
}
