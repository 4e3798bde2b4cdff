//! Checks and conversions of linkage and inconsistency matrices: `is_valid_linkage`,
//! `is_valid_im`, `is_monotonic`, `num_obs_linkage`, `correspond`, `from_mlab_linkage`,
//! `to_mlab_linkage`.

use crate::error::{ClusterError, Result};
use ndarray::{Array2, ArrayBase, Data, Ix1, Ix2, s};

fn name_str(name: Option<&str>) -> String {
    name.map_or_else(String::new, |n| format!("'{n}' "))
}

/// SciPy's checks of a linkage matrix, in SciPy's order, with SciPy's messages.
fn scipy_linkage_problem<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>, name: Option<&str>) -> Option<String> {
    let ns = name_str(name);
    if z.ncols() != 4 {
        return Some(format!("Linkage matrix {ns}must have 4 columns."));
    }
    if z.nrows() == 0 {
        return Some("Linkage must be computed on at least two observations.".into());
    }
    let n = z.nrows();
    if n < 2 {
        return None;
    }
    if z.slice(s![.., ..2]).iter().any(|&v| v < 0.0) {
        return Some(format!("Linkage {ns}contains negative indices."));
    }
    if z.column(2).iter().any(|&v| v < 0.0) {
        return Some(format!("Linkage {ns}contains negative distances."));
    }
    if z.column(3).iter().any(|&v| v < 0.0) {
        return Some(format!("Linkage {ns}contains negative counts."));
    }
    if z.column(3).iter().any(|&v| v > (n + 1) as f64) {
        return Some(format!("Linkage {ns}contains excessive observations in a cluster"));
    }
    // NumPy's max propagates NaN, and NaN >= bound is false.
    if z.rows().into_iter().enumerate().any(|(i, r)| {
        let m = if r[0].is_nan() || r[1].is_nan() { f64::NAN } else { r[0].max(r[1]) };
        m >= (n + 1 + i) as f64
    }) {
        return Some(format!("Linkage {ns}uses non-singleton cluster before it is formed."));
    }
    // np.unique counts all NaNs as one value.
    let mut idx: Vec<f64> = z.slice(s![.., ..2]).iter().copied().collect();
    idx.sort_by(f64::total_cmp);
    let mut unique = 0;
    for (k, v) in idx.iter().enumerate() {
        if k == 0 || !(*v == idx[k - 1] || v.is_nan() && idx[k - 1].is_nan()) {
            unique += 1;
        }
    }
    if unique < 2 * n {
        return Some(format!("Linkage {ns}uses the same cluster more than once."));
    }
    None
}

/// Whether `z` is a valid linkage matrix, by SciPy's rules.
///
/// A linkage matrix has 4 columns and at least one row; when it has two rows or more, its
/// indices, distances and counts are non-negative, no count exceeds the number of
/// observations, row `i` refers only to observations or to clusters formed before it (index
/// below `n + i` for `n` observations) and no cluster is merged twice. As in SciPy, a
/// one-row matrix passes without these checks.
///
/// # Examples
///
/// ```
/// use sci_cluster::is_valid_linkage;
/// use sci_cluster::sci_array::ndarray::array;
/// let mut z = array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]];
/// assert!(is_valid_linkage(&z));
/// z[[1, 1]] = 4.0; // cluster 4 is not formed yet
/// assert!(!is_valid_linkage(&z));
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_valid_linkage(Z)` (see [`check_linkage`] for
/// `throw=True`).
pub fn is_valid_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> bool {
    scipy_linkage_problem(z, None).is_none()
}

/// The error of `is_valid_linkage(Z, throw=True, name=name)`: `Ok` for a valid linkage matrix,
/// otherwise SciPy's message.
///
/// Beyond SciPy's checks, indices that are NaN or not integers, and a one-row matrix that does
/// not merge observations 0 and 1, are rejected too (SciPy truncates such indices and reads
/// whatever they point to); the functions of this crate that take a linkage matrix run this
/// check first.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] with SciPy's message, e.g. "Linkage 'Z' uses the same
/// cluster more than once.".
///
/// # Examples
///
/// ```
/// use sci_cluster::check_linkage;
/// use sci_cluster::sci_array::ndarray::array;
/// let z = array![[0.0, 1.0, 1.0, 2.0], [0.0, 2.0, 2.0, 3.0]];
/// let e = check_linkage(&z, Some("Z")).unwrap_err();
/// assert!(e.to_string().ends_with("Linkage 'Z' uses the same cluster more than once."));
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_valid_linkage(Z, throw=True, name=name)`.
pub fn check_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>, name: Option<&str>) -> Result<()> {
    if let Some(what) = scipy_linkage_problem(z, name) {
        return Err(ClusterError::InvalidLinkage { what });
    }
    let ns = name_str(name);
    let nobs = z.nrows() + 1;
    for (i, r) in z.rows().into_iter().enumerate() {
        for c in 0..2 {
            let v = r[c];
            if !(v >= 0.0 && v.fract() == 0.0 && v < (nobs + i) as f64) {
                return Err(ClusterError::InvalidLinkage {
                    what: format!(
                        "Linkage {ns}row {i} refers to cluster {v}, which is not an existing cluster"
                    ),
                });
            }
        }
        if r[0] == r[1] {
            return Err(ClusterError::InvalidLinkage {
                what: format!("Linkage {ns}uses the same cluster more than once."),
            });
        }
    }
    Ok(())
}

/// The checks above with the number of observations.
pub(crate) fn nobs_checked<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<usize> {
    check_linkage(z, Some("Z"))?;
    Ok(z.nrows() + 1)
}

fn scipy_im_problem<S: Data<Elem = f64>>(r: &ArrayBase<S, Ix2>, name: Option<&str>) -> Option<String> {
    let ns = name_str(name);
    if r.ncols() != 4 {
        return Some(format!("Inconsistency matrix {ns}must have 4 columns."));
    }
    if r.nrows() < 1 {
        return Some(format!("Inconsistency matrix {ns}must have at least one row."));
    }
    // SciPy's messages put a space after the name here.
    let msgs = [
        "contains negative link height means.",
        "contains negative link height standard deviations.",
        "contains negative link counts.",
    ];
    for (c, m) in msgs.iter().enumerate() {
        if r.column(c).iter().any(|&v| v < 0.0) {
            return Some(format!("Inconsistency matrix {ns} {m}"));
        }
    }
    None
}

/// Whether `r` is a valid inconsistency matrix (as [`inconsistent`](crate::inconsistent)
/// returns): 4 columns, at least one row, and no negative mean, standard deviation or count.
///
/// # Examples
///
/// ```
/// use sci_cluster::is_valid_im;
/// use sci_cluster::sci_array::ndarray::array;
/// assert!(is_valid_im(&array![[1.0, 0.0, 1.0, 0.0], [1.5, 0.7, 2.0, 0.7]]));
/// assert!(!is_valid_im(&array![[1.0, -0.5, 1.0, 0.0]]));
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_valid_im(R)` (see [`check_im`] for
/// `throw=True`).
pub fn is_valid_im<S: Data<Elem = f64>>(r: &ArrayBase<S, Ix2>) -> bool {
    scipy_im_problem(r, None).is_none()
}

/// The error of `is_valid_im(R, throw=True, name=name)`.
///
/// # Errors
///
/// [`ClusterError::InvalidInconsistency`] with SciPy's message.
///
/// # Examples
///
/// ```
/// use sci_cluster::check_im;
/// use sci_cluster::sci_array::ndarray::Array2;
/// let e = check_im(&Array2::<f64>::zeros((0, 4)), Some("R")).unwrap_err();
/// assert!(e.to_string().ends_with("Inconsistency matrix 'R' must have at least one row."));
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_valid_im(R, throw=True, name=name)`.
pub fn check_im<S: Data<Elem = f64>>(r: &ArrayBase<S, Ix2>, name: Option<&str>) -> Result<()> {
    match scipy_im_problem(r, name) {
        Some(what) => Err(ClusterError::InvalidInconsistency { what }),
        None => Ok(()),
    }
}

/// Whether the merge distances of a linkage never decrease (`Z[i+1, 2] >= Z[i, 2]`).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix ([`check_linkage`]).
///
/// # Examples
///
/// ```
/// use sci_cluster::{is_monotonic, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// // Three points at 0, 1 and 3 on a line.
/// assert!(is_monotonic(&linkage(&array![1.0, 3.0, 2.0], Method::Single)?)?);
/// // Centroid linkage can have inversions.
/// let z = linkage(&array![2.0, 2.0, 2.0], Method::Centroid)?;
/// assert!(!is_monotonic(&z)?);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.is_monotonic(Z)`.
pub fn is_monotonic<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<bool> {
    check_linkage(z, Some("Z"))?;
    let d = z.column(2);
    Ok((1..d.len()).all(|i| d[i] >= d[i - 1]))
}

/// The number of observations of a linkage matrix (its number of rows plus one).
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix ([`check_linkage`]).
///
/// # Examples
///
/// ```
/// use sci_cluster::num_obs_linkage;
/// use sci_cluster::sci_array::ndarray::array;
/// assert_eq!(num_obs_linkage(&array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]])?, 3);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.num_obs_linkage(Z)`.
pub fn num_obs_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<usize> {
    nobs_checked(z)
}

/// The number of observations of a condensed distance vector, with SciPy's `is_valid_y`
/// message for a length that is not `n(n-1)/2`.
pub(crate) fn num_obs_y<S: Data<Elem = f64>>(y: &ArrayBase<S, Ix1>, name: &str) -> Result<usize> {
    let len = y.len();
    let n = ((2.0 * len as f64).sqrt()).ceil() as usize;
    if n * n.saturating_sub(1) != 2 * len {
        return Err(ClusterError::InvalidValue {
            arg: "Y",
            expected: "a condensed distance matrix",
            found: format!(
                "Length n of condensed distance matrix '{name}' must be a binomial coefficient, i.e. \
                 there must be a k such that (k \\choose 2)=n)! (n = {len})"
            ),
        });
    }
    if len == 0 {
        return Err(ClusterError::InvalidValue {
            arg: "Y",
            expected: "a condensed distance matrix",
            found: "The number of observations cannot be determined on an empty distance matrix.".into(),
        });
    }
    Ok(n)
}

/// Whether a linkage matrix and a condensed distance vector describe the same number of
/// observations.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix; [`ClusterError::InvalidValue`]
/// when the length of `y` is not `n(n-1)/2` for any `n`.
///
/// # Examples
///
/// ```
/// use sci_cluster::{correspond, linkage, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let y = array![1.0, 3.0, 2.0];
/// let z = linkage(&y, Method::Single)?;
/// assert!(correspond(&z, &y)?);
/// assert!(!correspond(&z, &array![1.0])?);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.correspond(Z, Y)`.
pub fn correspond<S: Data<Elem = f64>, T: Data<Elem = f64>>(
    z: &ArrayBase<S, Ix2>,
    y: &ArrayBase<T, Ix1>,
) -> Result<bool> {
    check_linkage(z, None)?;
    Ok(num_obs_y(y, "Y")? == z.nrows() + 1)
}

/// Convert a MATLAB linkage matrix (1-based cluster indices, no count column) to SciPy's form:
/// indices minus one and a fourth column of cluster sizes.
///
/// A matrix with no rows is returned unchanged, as in SciPy.
///
/// # Errors
///
/// [`ClusterError::InvalidValue`] when `z` has fewer than 3 columns, when the indices are not
/// 1-based (SciPy's "The format of the indices is not 1..N", raised when the smallest index is
/// not 1 *and* the largest is not `2n`), or when an index is not an integer in `1..=2n`
/// (SciPy reads out of bounds there).
///
/// # Examples
///
/// ```
/// use sci_cluster::from_mlab_linkage;
/// use sci_cluster::sci_array::ndarray::array;
/// let mz = array![[1.0, 2.0, 1.0], [3.0, 4.0, 2.0]];
/// assert_eq!(from_mlab_linkage(&mz)?, array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.from_mlab_linkage(Z)`.
pub fn from_mlab_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<Array2<f64>> {
    let n = z.nrows();
    if n == 0 {
        return Ok(z.to_owned());
    }
    if z.ncols() < 3 {
        return Err(ClusterError::InvalidValue {
            arg: "Z",
            expected: "a MATLAB linkage matrix with 3 columns",
            found: format!("{} columns", z.ncols()),
        });
    }
    let idx = z.slice(s![.., ..2]);
    // NumPy's min/max propagate NaN.
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in idx {
        if v.is_nan() {
            (lo, hi) = (f64::NAN, f64::NAN);
            break;
        }
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let not_1n = || ClusterError::InvalidValue {
        arg: "Z",
        expected: "cluster indices in 1..N",
        found: "The format of the indices is not 1..N".into(),
    };
    if lo != 1.0 && hi != (2 * n) as f64 {
        return Err(not_1n());
    }
    let nobs = n + 1;
    let mut out = Array2::zeros((n, z.ncols() + 1));
    for i in 0..n {
        let mut size = 0.0;
        for c in 0..2 {
            let v = z[[i, c]] - 1.0;
            if !(v >= 0.0 && v.fract() == 0.0 && v < (2 * n + 1) as f64) {
                return Err(not_1n());
            }
            out[[i, c]] = v;
            let v = v as usize;
            // Clusters not formed yet count as 0, as SciPy's zero-initialised sizes.
            size += if v < nobs { 1.0 } else { out[[v - nobs, z.ncols()]] };
        }
        for c in 2..z.ncols() {
            out[[i, c]] = z[[i, c]];
        }
        out[[i, z.ncols()]] = size;
    }
    Ok(out)
}

/// Convert a linkage matrix to MATLAB's form: 1-based cluster indices and no count column.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix ([`check_linkage`]).
///
/// # Examples
///
/// ```
/// use sci_cluster::to_mlab_linkage;
/// use sci_cluster::sci_array::ndarray::array;
/// let z = array![[0.0, 1.0, 1.0, 2.0], [2.0, 3.0, 2.0, 3.0]];
/// assert_eq!(to_mlab_linkage(&z)?, array![[1.0, 2.0, 1.0], [3.0, 4.0, 2.0]]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.to_mlab_linkage(Z)`.
pub fn to_mlab_linkage<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<Array2<f64>> {
    check_linkage(z, Some("Z"))?;
    Ok(Array2::from_shape_fn((z.nrows(), 3), |(i, j)| if j < 2 { z[[i, j]] + 1.0 } else { z[[i, 2]] }))
}
