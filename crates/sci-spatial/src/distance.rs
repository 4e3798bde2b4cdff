//! Distances between observation vectors: `scipy.spatial.distance`'s `pdist`, `cdist`,
//! `squareform` and the metrics they take.

use crate::error::{Result, SpatialError};
use ndarray::{Array1, Array2, ArrayBase, ArrayView1, Data, Ix1, Ix2};

/// A distance metric (SciPy's `metric` string).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Metric {
    /// `sqrt(sum (u - v)^2)` (the default).
    #[default]
    Euclidean,
    /// `sum (u - v)^2`.
    SqEuclidean,
    /// `sum |u - v|` (Manhattan).
    Cityblock,
    /// `max |u - v|`.
    Chebyshev,
    /// `(sum |u - v|^p)^(1/p)`, `p >= 1`.
    Minkowski(f64),
    /// `1 - u.v / (|u| |v|)`.
    Cosine,
    /// The cosine distance of the centred vectors.
    Correlation,
    /// `sum |u - v| / (|u| + |v|)`, terms with `0/0` counted as 0.
    Canberra,
    /// `sum |u - v| / sum |u + v|`.
    BrayCurtis,
    /// The fraction of coordinates that differ.
    Hamming,
}

impl Metric {
    fn check(&self) -> Result<()> {
        if let Metric::Minkowski(p) = self {
            if p.is_nan() || *p < 1.0 {
                return Err(SpatialError::InvalidValue {
                    arg: "p",
                    expected: "at least 1",
                    found: p.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The distance between `u` and `v` (same length).
    fn dist(&self, u: ArrayView1<'_, f64>, v: ArrayView1<'_, f64>) -> f64 {
        let pairs = || u.iter().zip(v.iter()).map(|(a, b)| (*a, *b));
        match *self {
            Metric::Euclidean => pairs().map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt(),
            Metric::SqEuclidean => pairs().map(|(a, b)| (a - b) * (a - b)).sum(),
            Metric::Cityblock => pairs().map(|(a, b)| (a - b).abs()).sum(),
            Metric::Chebyshev => pairs().map(|(a, b)| (a - b).abs()).fold(0.0, f64::max),
            Metric::Minkowski(p) => {
                if p == 1.0 {
                    Metric::Cityblock.dist(u, v)
                } else if p == 2.0 {
                    Metric::Euclidean.dist(u, v)
                } else if p.is_infinite() {
                    Metric::Chebyshev.dist(u, v)
                } else {
                    pairs().map(|(a, b)| (a - b).abs().powf(p)).sum::<f64>().powf(1.0 / p)
                }
            }
            Metric::Cosine => {
                let (mut uv, mut uu, mut vv) = (0.0, 0.0, 0.0);
                for (a, b) in pairs() {
                    uv += a * b;
                    uu += a * a;
                    vv += b * b;
                }
                // SciPy clips the cosine to [-1, 1] against round-off.
                1.0 - (uv / (uu.sqrt() * vv.sqrt())).clamp(-1.0, 1.0)
            }
            Metric::Correlation => {
                let n = u.len() as f64;
                let (mu, mv) = (u.sum() / n, v.sum() / n);
                let (mut uv, mut uu, mut vv) = (0.0, 0.0, 0.0);
                for (a, b) in pairs() {
                    let (a, b) = (a - mu, b - mv);
                    uv += a * b;
                    uu += a * a;
                    vv += b * b;
                }
                1.0 - (uv / (uu.sqrt() * vv.sqrt())).clamp(-1.0, 1.0)
            }
            Metric::Canberra => pairs()
                .map(|(a, b)| {
                    let d = a.abs() + b.abs();
                    if d == 0.0 { 0.0 } else { (a - b).abs() / d }
                })
                .sum(),
            Metric::BrayCurtis => {
                let num: f64 = pairs().map(|(a, b)| (a - b).abs()).sum();
                let den: f64 = pairs().map(|(a, b)| (a + b).abs()).sum();
                num / den
            }
            Metric::Hamming => pairs().filter(|(a, b)| a != b).count() as f64 / u.len() as f64,
        }
    }
}

fn check_finite<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix2>, arg: &'static str) -> Result<()> {
    if x.iter().all(|v| v.is_finite()) { Ok(()) } else { Err(SpatialError::NotFinite { arg }) }
}

/// Pairwise distances between the rows of `x`, condensed: the upper triangle row by row,
/// `n(n-1)/2` values for `n` rows (entry for rows `i < j` at `n i - i(i+1)/2 + j - i - 1`).
///
/// # Errors
///
/// [`SpatialError::NotFinite`] for NaN/inf coordinates (SciPy propagates them; sci refuses
/// them, like `check_finite`), [`SpatialError::InvalidValue`] for a Minkowski `p < 1`.
///
/// # Examples
///
/// ```
/// use sci_spatial::{pdist, Metric};
/// use sci_spatial::sci_array::ndarray::array;
/// let x = array![[0.0, 0.0], [3.0, 4.0], [6.0, 8.0]];
/// assert_eq!(pdist(&x, Metric::Euclidean)?, array![5.0, 10.0, 5.0]);
/// assert_eq!(pdist(&x, Metric::Cityblock)?, array![7.0, 14.0, 7.0]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.pdist(X, metric)`.
pub fn pdist<S: Data<Elem = f64>>(x: &ArrayBase<S, Ix2>, metric: Metric) -> Result<Array1<f64>> {
    metric.check()?;
    check_finite(x, "X")?;
    let n = x.nrows();
    let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            out.push(metric.dist(x.row(i), x.row(j)));
        }
    }
    Ok(Array1::from(out))
}

/// Distances between each row of `xa` and each row of `xb`: an `(ma, mb)` matrix.
///
/// # Errors
///
/// [`SpatialError::DimensionMismatch`] when the rows have different lengths; as [`pdist`].
///
/// # Examples
///
/// ```
/// use sci_spatial::{cdist, Metric};
/// use sci_spatial::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0], [1.0, 1.0]];
/// let b = array![[1.0, 0.0]];
/// assert_eq!(cdist(&a, &b, Metric::SqEuclidean)?, array![[1.0], [1.0]]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.cdist(XA, XB, metric)`.
pub fn cdist<S1, S2>(xa: &ArrayBase<S1, Ix2>, xb: &ArrayBase<S2, Ix2>, metric: Metric) -> Result<Array2<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    metric.check()?;
    if xa.ncols() != xb.ncols() {
        return Err(SpatialError::DimensionMismatch { arg: "XB", expected: xa.ncols(), found: xb.ncols() });
    }
    check_finite(xa, "XA")?;
    check_finite(xb, "XB")?;
    Ok(Array2::from_shape_fn((xa.nrows(), xb.nrows()), |(i, j)| metric.dist(xa.row(i), xb.row(j))))
}

/// Expands a condensed distance vector into the symmetric square matrix with zero diagonal.
///
/// # Errors
///
/// [`SpatialError::NotCondensed`] when the length is not `n(n-1)/2`.
///
/// # Examples
///
/// ```
/// use sci_spatial::squareform;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = squareform(&array![5.0, 10.0, 5.0])?;
/// assert_eq!(d, array![[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.squareform(X)` on a vector.
pub fn squareform<S: Data<Elem = f64>>(condensed: &ArrayBase<S, Ix1>) -> Result<Array2<f64>> {
    let len = condensed.len();
    // n(n - 1)/2 = len.
    let n = ((1.0 + (1.0 + 8.0 * len as f64).sqrt()) / 2.0).round() as usize;
    if n * n.saturating_sub(1) / 2 != len {
        return Err(SpatialError::NotCondensed { len });
    }
    let n = n.max(1);
    let mut out = Array2::zeros((n, n));
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            out[[i, j]] = condensed[k];
            out[[j, i]] = condensed[k];
            k += 1;
        }
    }
    Ok(out)
}

/// Condenses a symmetric distance matrix with zero diagonal into its upper triangle.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when the matrix is not square, not symmetric or has a
/// non-zero diagonal (SciPy's `checks=True`).
///
/// # Examples
///
/// ```
/// use sci_spatial::squareform_to_condensed;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = array![[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]];
/// assert_eq!(squareform_to_condensed(&d)?, array![5.0, 10.0, 5.0]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance.squareform(X)` on a matrix.
pub fn squareform_to_condensed<S: Data<Elem = f64>>(d: &ArrayBase<S, Ix2>) -> Result<Array1<f64>> {
    let n = d.nrows();
    if d.ncols() != n {
        return Err(SpatialError::InvalidValue {
            arg: "X",
            expected: "a square matrix",
            found: format!("shape {:?}", d.shape()),
        });
    }
    let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        if d[[i, i]] != 0.0 {
            return Err(SpatialError::InvalidValue {
                arg: "X",
                expected: "a matrix with a zero diagonal",
                found: format!("X[{i}, {i}] = {}", d[[i, i]]),
            });
        }
        for j in i + 1..n {
            if d[[i, j]] != d[[j, i]] {
                return Err(SpatialError::InvalidValue {
                    arg: "X",
                    expected: "a symmetric matrix",
                    found: format!("X[{i}, {j}] = {} but X[{j}, {i}] = {}", d[[i, j]], d[[j, i]]),
                });
            }
            out.push(d[[i, j]]);
        }
    }
    Ok(Array1::from(out))
}
