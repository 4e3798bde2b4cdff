//! SciPy's Rosenbrock test function and its derivatives.

use ndarray::{Array1, Array2};

/// The Rosenbrock function `sum(100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2)`.
///
/// SciPy equivalent: `scipy.optimize.rosen`.
///
/// # Examples
///
/// ```
/// use sci_optimize::rosen;
/// use sci_optimize::sci_array::ndarray::array;
/// assert_eq!(rosen(&array![1.0, 1.0, 1.0]), 0.0);
/// assert_eq!(rosen(&array![0.0, 0.0]), 1.0);
/// ```
pub fn rosen(x: &Array1<f64>) -> f64 {
    (0..x.len().saturating_sub(1))
        .map(|i| 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2))
        .sum()
}

/// The gradient of [`rosen`].
///
/// SciPy equivalent: `scipy.optimize.rosen_der`.
///
/// # Examples
///
/// ```
/// use sci_optimize::rosen_der;
/// use sci_optimize::sci_array::ndarray::array;
/// assert_eq!(rosen_der(&array![0.0, 0.0]), array![-2.0, 0.0]);
/// ```
pub fn rosen_der(x: &Array1<f64>) -> Array1<f64> {
    let n = x.len();
    let mut d = Array1::zeros(n);
    if n < 2 {
        return d;
    }
    for i in 1..n - 1 {
        let (xm, xm_m1, xm_p1) = (x[i], x[i - 1], x[i + 1]);
        d[i] = 200.0 * (xm - xm_m1 * xm_m1) - 400.0 * (xm_p1 - xm * xm) * xm - 2.0 * (1.0 - xm);
    }
    d[0] = -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]);
    d[n - 1] = 200.0 * (x[n - 1] - x[n - 2] * x[n - 2]);
    d
}

/// The Hessian of [`rosen`].
///
/// SciPy equivalent: `scipy.optimize.rosen_hess`.
///
/// # Examples
///
/// ```
/// use sci_optimize::rosen_hess;
/// use sci_optimize::sci_array::ndarray::array;
/// assert_eq!(rosen_hess(&array![0.0, 0.0]), array![[2.0, 0.0], [0.0, 200.0]]);
/// ```
pub fn rosen_hess(x: &Array1<f64>) -> Array2<f64> {
    let n = x.len();
    let mut h = Array2::zeros((n, n));
    if n < 2 {
        return h;
    }
    for i in 0..n - 1 {
        h[[i, i + 1]] = -400.0 * x[i];
        h[[i + 1, i]] = -400.0 * x[i];
    }
    h[[0, 0]] = 1200.0 * x[0] * x[0] - 400.0 * x[1] + 2.0;
    for i in 1..n - 1 {
        h[[i, i]] = 202.0 + 1200.0 * x[i] * x[i] - 400.0 * x[i + 1];
    }
    h[[n - 1, n - 1]] = 200.0;
    h
}
