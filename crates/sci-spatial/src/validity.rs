//! Checks of distance matrices and condensed distance vectors: `is_valid_dm`, `is_valid_y`,
//! `num_obs_dm`, `num_obs_y`.

use crate::error::{Result, SpatialError};
use ndarray::{ArrayBase, Data, Dimension, Ix2};

fn invalid(arg: &'static str, expected: &'static str, found: String) -> SpatialError {
    SpatialError::InvalidValue { arg, expected, found }
}

/// Checks that `d` is a distance matrix, like SciPy's `is_valid_dm(D, tol, throw=True)`:
/// two-dimensional and square, symmetric and with a zero diagonal (`tol == 0`, exact
/// comparisons) or with `D[i, j] - D[j, i] <= tol` and `D[i, i] <= tol` (`tol != 0`).
/// Negative entries are allowed, NaN never is (its comparisons fail).
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] naming the first failure: not 2-d, not square, not
/// symmetric (within `tol`), non-zero diagonal (beyond `tol`).
///
/// # Examples
///
/// ```
/// use sci_spatial::check_valid_dm;
/// use sci_spatial::sci_array::ndarray::array;
/// assert!(check_valid_dm(&array![[0.0, 1.0], [1.0, 0.0]], 0.0).is_ok());
/// let e = check_valid_dm(&array![[0.0, 1.0], [1.2, 0.0]], 0.0).unwrap_err();
/// assert!(e.to_string().contains("symmetric"));
/// assert!(check_valid_dm(&array![[0.0, 1.0], [1.05, 0.0]], 0.1).is_ok());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.is_valid_dm(D, tol, throw=True)`.
pub fn check_valid_dm<S: Data<Elem = f64>, D: Dimension>(d: &ArrayBase<S, D>, tol: f64) -> Result<()> {
    let Ok(d) = d.view().into_dimensionality::<Ix2>() else {
        return Err(invalid("D", "a two-dimensional distance matrix", format!("{} dimensions", d.ndim())));
    };
    let n = d.nrows();
    if d.ncols() != n {
        return Err(invalid("D", "a square distance matrix", format!("shape {:?}", d.shape())));
    }
    for i in 0..n {
        for j in 0..n {
            let (a, b) = (d[[i, j]], d[[j, i]]);
            let ok = if tol == 0.0 { a == b } else { a - b <= tol };
            if !ok {
                let expected = if tol == 0.0 { "symmetric" } else { "symmetric within tol" };
                return Err(invalid("D", expected, format!("D[{i}, {j}] = {a} but D[{j}, {i}] = {b}")));
            }
        }
    }
    for i in 0..n {
        let a = d[[i, i]];
        let ok = if tol == 0.0 { a == 0.0 } else { a <= tol };
        if !ok {
            let expected =
                if tol == 0.0 { "a matrix with a zero diagonal" } else { "a diagonal within tol of zero" };
            return Err(invalid("D", expected, format!("D[{i}, {i}] = {a}")));
        }
    }
    Ok(())
}

/// Whether `d` is a valid distance matrix (see [`check_valid_dm`] for the conditions).
///
/// # Examples
///
/// ```
/// use sci_spatial::is_valid_dm;
/// use sci_spatial::sci_array::ndarray::array;
/// assert!(is_valid_dm(&array![[0.0, 2.0], [2.0, 0.0]], 0.0));
/// assert!(!is_valid_dm(&array![[1.0, 2.0], [2.0, 0.0]], 0.0));
/// assert!(!is_valid_dm(&array![0.0, 2.0], 0.0));
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.is_valid_dm(D, tol)`.
pub fn is_valid_dm<S: Data<Elem = f64>, D: Dimension>(d: &ArrayBase<S, D>, tol: f64) -> bool {
    check_valid_dm(d, tol).is_ok()
}

/// The number of points `k` with `k (k - 1) / 2 = len`, if there is one.
fn condensed_points(len: usize) -> Option<usize> {
    // The smallest k with k^2 >= 2 len, SciPy's ceil(sqrt(2 len)), in exact integers.
    let two = len.checked_mul(2)?;
    let mut k = (two as f64).sqrt() as usize;
    while k.checked_mul(k).is_some_and(|kk| kk < two) {
        k += 1;
    }
    while k > 0 && (k - 1).checked_mul(k - 1).is_some_and(|kk| kk >= two) {
        k -= 1;
    }
    (k.checked_mul(k.saturating_sub(1)).map(|x| x / 2) == Some(len)).then_some(k)
}

/// Checks that `y` is a condensed distance vector: one-dimensional, of a length `k (k-1)/2`.
/// The values themselves are not checked (as in SciPy).
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when `y` is not 1-d, [`SpatialError::NotCondensed`] when its
/// length is not a binomial coefficient `k choose 2`.
///
/// # Examples
///
/// ```
/// use sci_spatial::check_valid_y;
/// use sci_spatial::sci_array::ndarray::array;
/// assert!(check_valid_y(&array![1.0, 2.0, 3.0]).is_ok());
/// assert!(check_valid_y(&array![1.0, 2.0]).is_err());
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.is_valid_y(y, throw=True)`.
pub fn check_valid_y<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>) -> Result<()> {
    if y.ndim() != 1 {
        return Err(invalid(
            "Y",
            "a one-dimensional condensed distance matrix",
            format!("{} dimensions", y.ndim()),
        ));
    }
    condensed_points(y.len()).map(|_| ()).ok_or(SpatialError::NotCondensed { len: y.len() })
}

/// Whether `y` is a valid condensed distance vector (see [`check_valid_y`]); lengths 0 and 1
/// are valid.
///
/// # Examples
///
/// ```
/// use sci_spatial::is_valid_y;
/// use sci_spatial::sci_array::ndarray::{array, Array1};
/// assert!(is_valid_y(&array![5.0, 10.0, 5.0]));
/// assert!(is_valid_y(&Array1::<f64>::zeros(0)));
/// assert!(!is_valid_y(&array![[0.0, 1.0], [1.0, 0.0]]));
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.is_valid_y(y)`.
pub fn is_valid_y<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>) -> bool {
    check_valid_y(y).is_ok()
}

/// The number of points of a square distance matrix (its number of rows).
///
/// Only the shape is checked (SciPy's `is_valid_dm(tol=inf)`), and that no entry is NaN.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when `d` is not square and 2-d or holds NaN.
///
/// # Examples
///
/// ```
/// use sci_spatial::num_obs_dm;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(num_obs_dm(&array![[0.0, 1.0], [1.0, 0.0]])?, 2);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.num_obs_dm(d)`.
pub fn num_obs_dm<S: Data<Elem = f64>, D: Dimension>(d: &ArrayBase<S, D>) -> Result<usize> {
    check_valid_dm(d, f64::INFINITY)?;
    Ok(d.shape()[0])
}

/// The number of points `k` of a condensed distance vector of length `k (k - 1) / 2`.
///
/// # Errors
///
/// As [`check_valid_y`], and [`SpatialError::InvalidValue`] for an empty vector (the number of
/// points, 0 or 1, is ambiguous).
///
/// # Examples
///
/// ```
/// use sci_spatial::num_obs_y;
/// use sci_spatial::sci_array::ndarray::array;
/// assert_eq!(num_obs_y(&array![5.0, 10.0, 5.0])?, 3);
/// assert_eq!(num_obs_y(&array![1.0])?, 2);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.num_obs_y(Y)`.
pub fn num_obs_y<S: Data<Elem = f64>, D: Dimension>(y: &ArrayBase<S, D>) -> Result<usize> {
    check_valid_y(y)?;
    if y.is_empty() {
        return Err(invalid("Y", "a non-empty condensed distance matrix", "an empty one".into()));
    }
    condensed_points(y.len()).ok_or(SpatialError::NotCondensed { len: y.len() })
}
