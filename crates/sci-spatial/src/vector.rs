//! Two-vector distances with parameters: `jensenshannon`, `mahalanobis`, `seuclidean`.

use crate::error::{Result, SpatialError};
use ndarray::{Array1, ArrayBase, ArrayView1, Axis, Data, Ix1, Ix2};

/// SciPy's `rel_entr`: `x ln(x/y)` for positive `x, y`, 0 for `x = 0, y >= 0`, infinity
/// otherwise, NaN for a NaN argument.
fn rel_entr(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        x * (x / y).ln()
    } else if x == 0.0 && y >= 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}

/// The Jensen-Shannon distance of one pair of probability vectors, each first divided by its
/// sum (NumPy's pairwise sums).
fn js_pair(p: ArrayView1<'_, f64>, q: ArrayView1<'_, f64>, ln_base: Option<f64>) -> f64 {
    let total = |a: ArrayView1<'_, f64>| sci_array::sum(&a, None).map_or(f64::NAN, |s| s[[]]);
    let (ps, qs) = (total(p), total(q));
    let n = p.len();
    let (mut left, mut right) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (a, b) in p.iter().zip(q.iter()) {
        let (a, b) = (a / ps, b / qs);
        let m = (a + b) / 2.0;
        left.push(rel_entr(a, m));
        right.push(rel_entr(b, m));
    }
    let sum = |v: Vec<f64>| sci_array::sum(&Array1::from(v), None).map_or(f64::NAN, |s| s[[]]);
    let mut js = sum(left) + sum(right);
    if let Some(l) = ln_base {
        js /= l;
    }
    (js / 2.0).sqrt()
}

/// The Jensen-Shannon distance `sqrt((D(p || m) + D(q || m)) / 2)`, `m = (p + q)/2`, of two
/// probability vectors (each divided by its sum first), with logarithms to `base` (`None`:
/// natural logarithms).
///
/// As in SciPy: a vector summing to zero gives NaN, a negative entry infinity, empty vectors
/// 0.
///
/// # Errors
///
/// [`SpatialError::LengthMismatch`] when `p` and `q` differ in length.
///
/// # Examples
///
/// ```
/// use sci_spatial::jensenshannon;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = jensenshannon(&array![1.0, 0.0, 0.0], &array![0.0, 1.0, 0.0], Some(2.0))?;
/// assert!((d - 1.0).abs() < 1e-15);
/// let d = jensenshannon(&array![1.0, 0.0], &array![0.5, 0.5], None)?;
/// assert!((d - 0.464501404022459).abs() < 1e-15);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.jensenshannon(p, q, base)`.
pub fn jensenshannon<S1, S2>(p: &ArrayBase<S1, Ix1>, q: &ArrayBase<S2, Ix1>, base: Option<f64>) -> Result<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if p.len() != q.len() {
        return Err(SpatialError::LengthMismatch { arg: "q", expected: p.len(), found: q.len() });
    }
    // SciPy divides by ln(base): base 1 gives infinity, a negative base NaN, as in NumPy.
    Ok(js_pair(p.view(), q.view(), base.map(f64::ln)))
}

/// The Jensen-Shannon distances of the columns (`axis = Axis(0)`) or rows (`Axis(1)`) of two
/// matrices of the same shape: SciPy's `jensenshannon(p, q, base, axis=axis)` on 2-d input.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when the shapes differ, [`SpatialError::InvalidValue`] for
/// an axis other than 0 or 1.
///
/// # Examples
///
/// ```
/// use sci_spatial::{jensenshannon, jensenshannon_axis};
/// use sci_spatial::sci_array::ndarray::{array, Axis};
/// let p = array![[1.0, 2.0], [3.0, 4.0]];
/// let q = array![[1.0, 0.0], [2.0, 1.0]];
/// let rows = jensenshannon_axis(&p, &q, None, Axis(1))?;
/// assert_eq!(rows[1], jensenshannon(&array![3.0, 4.0], &array![2.0, 1.0], None)?);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.jensenshannon(p, q, base, axis=axis)`.
pub fn jensenshannon_axis<S1, S2>(
    p: &ArrayBase<S1, Ix2>,
    q: &ArrayBase<S2, Ix2>,
    base: Option<f64>,
    axis: Axis,
) -> Result<Array1<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if p.shape() != q.shape() {
        return Err(SpatialError::InvalidValue {
            arg: "q",
            expected: "the shape of p",
            found: format!("{:?} and {:?}", p.shape(), q.shape()),
        });
    }
    if axis.index() > 1 {
        return Err(SpatialError::InvalidValue {
            arg: "axis",
            expected: "0 or 1 for 2-d input",
            found: axis.index().to_string(),
        });
    }
    let lanes = p.lanes(axis).into_iter().zip(q.lanes(axis));
    Ok(lanes.map(|(a, b)| js_pair(a, b, base.map(f64::ln))).collect())
}

/// The Mahalanobis distance `sqrt((u - v) VI (u - v)^T)` for the inverse covariance `vi`.
///
/// A `vi` that is not positive semi-definite may make the quadratic form negative; its square
/// root is then NaN, as in SciPy.
///
/// # Errors
///
/// [`SpatialError::LengthMismatch`] when `v` differs in length from `u`,
/// [`SpatialError::DimensionMismatch`] when `vi` is not `n x n`.
///
/// # Examples
///
/// ```
/// use sci_spatial::mahalanobis;
/// use sci_spatial::sci_array::ndarray::array;
/// let vi = array![[1.0, 0.5, 0.5], [0.5, 1.0, 0.5], [0.5, 0.5, 1.0]];
/// assert_eq!(mahalanobis(&array![1.0, 0.0, 0.0], &array![0.0, 1.0, 0.0], &vi)?, 1.0);
/// let d = mahalanobis(&array![2.0, 0.0, 0.0], &array![0.0, 1.0, 0.0], &vi)?;
/// assert!((d - 1.7320508075688772).abs() < 1e-15);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.mahalanobis(u, v, VI)`.
pub fn mahalanobis<S1, S2, S3>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    vi: &ArrayBase<S3, Ix2>,
) -> Result<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
{
    let n = u.len();
    if v.len() != n {
        return Err(SpatialError::LengthMismatch { arg: "v", expected: n, found: v.len() });
    }
    if vi.nrows() != n {
        return Err(SpatialError::LengthMismatch { arg: "VI (rows)", expected: n, found: vi.nrows() });
    }
    if vi.ncols() != n {
        return Err(SpatialError::DimensionMismatch { arg: "VI", expected: n, found: vi.ncols() });
    }
    let delta = u - v;
    // (delta VI) delta, in NumPy's order.
    let t = delta.dot(vi);
    Ok(t.dot(&delta).sqrt())
}

/// The standardized Euclidean distance `sqrt(sum (u_i - v_i)^2 / V_i)` for the component
/// variances `V`.
///
/// # Errors
///
/// [`SpatialError::LengthMismatch`] when `v` or `V` differ in length from `u`,
/// [`SpatialError::InvalidValue`] for a negative variance, [`SpatialError::NotFinite`] when a
/// scaled difference is NaN or infinite (a zero variance, or NaN/inf input; SciPy's
/// "array must not contain infs or NaNs").
///
/// # Examples
///
/// ```
/// use sci_spatial::seuclidean;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = seuclidean(&array![1.0, 0.0, 0.0], &array![0.0, 1.0, 0.0], &array![0.1, 0.1, 0.1])?;
/// assert!((d - 4.47213595499958).abs() < 1e-14);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.seuclidean(u, v, V)`.
#[allow(non_snake_case)]
pub fn seuclidean<S1, S2, S3>(
    u: &ArrayBase<S1, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    V: &ArrayBase<S3, Ix1>,
) -> Result<f64>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
{
    let n = u.len();
    if v.len() != n {
        return Err(SpatialError::LengthMismatch { arg: "v", expected: n, found: v.len() });
    }
    if V.len() != n {
        return Err(SpatialError::LengthMismatch { arg: "V", expected: n, found: V.len() });
    }
    if let Some(bad) = V.iter().find(|x| **x < 0.0) {
        return Err(SpatialError::InvalidValue {
            arg: "V",
            expected: "non-negative variances",
            found: bad.to_string(),
        });
    }
    let mut acc = 0.0;
    for ((a, b), var) in u.iter().zip(v.iter()).zip(V.iter()) {
        // SciPy weighs the difference by sqrt(1/V).
        let d = (1.0 / var).sqrt() * (a - b);
        if !d.is_finite() {
            return Err(SpatialError::NotFinite { arg: "(u - v) / sqrt(V)" });
        }
        acc += d * d;
    }
    Ok(acc.sqrt())
}

/// The inverse by Gauss-Jordan elimination with partial pivoting, `None` when a pivot is
/// exactly zero (LAPACK's `getrf` reports the same singular matrices).
pub(crate) fn inverse(mut a: ndarray::Array2<f64>) -> Option<ndarray::Array2<f64>> {
    let n = a.nrows();
    let mut inv = ndarray::Array2::<f64>::eye(n);
    for k in 0..n {
        let piv = (k..n).max_by(|&i, &j| a[[i, k]].abs().total_cmp(&a[[j, k]].abs()))?;
        if a[[piv, k]] == 0.0 {
            return None;
        }
        if piv != k {
            for j in 0..n {
                a.swap([k, j], [piv, j]);
                inv.swap([k, j], [piv, j]);
            }
        }
        let d = a[[k, k]];
        for j in 0..n {
            a[[k, j]] /= d;
            inv[[k, j]] /= d;
        }
        for i in 0..n {
            if i != k {
                let f = a[[i, k]];
                if f != 0.0 {
                    for j in 0..n {
                        a[[i, j]] -= f * a[[k, j]];
                        inv[[i, j]] -= f * inv[[k, j]];
                    }
                }
            }
        }
    }
    Some(inv)
}
