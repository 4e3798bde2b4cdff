//! Procrustes analysis (`scipy.spatial.procrustes`).

use crate::error::{Result, SpatialError};
use ndarray::{Array2, ArrayBase, Axis, Data, Ix2};

/// The result of [`procrustes`].
#[derive(Debug, Clone, PartialEq)]
pub struct Procrustes {
    /// `data1` centred and scaled to unit Frobenius norm.
    pub mtx1: Array2<f64>,
    /// `data2` centred, scaled, rotated (or reflected) and rescaled to fit `mtx1` best.
    pub mtx2: Array2<f64>,
    /// The sum of squared differences `sum (mtx1 - mtx2)^2`, in `[0, 1]`.
    pub disparity: f64,
}

/// The matrix centred on its column means and divided by its Frobenius norm.
fn standardize<S: Data<Elem = f64>>(data: &ArrayBase<S, Ix2>, arg: &'static str) -> Result<Array2<f64>> {
    let n = data.nrows() as f64;
    // NumPy's mean over axis 0 adds the rows one after another.
    let mut mean = ndarray::Array1::<f64>::zeros(data.ncols());
    for row in data.rows() {
        mean += &row;
    }
    mean /= n;
    let mut m = data.to_owned() - &mean.insert_axis(Axis(0));
    let norm = m.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm == 0.0 {
        return Err(SpatialError::InvalidValue {
            arg,
            expected: "at least 2 distinct points (rows)",
            found: "all rows equal".into(),
        });
    }
    m /= norm;
    Ok(m)
}

/// Procrustes analysis: standardizes both point sets (centred, unit Frobenius norm), then
/// rotates, reflects and scales the second onto the first to minimize the sum of squared
/// differences, which is returned as the disparity.
///
/// The fit rotation is `R = U V^T` from the SVD `mtx1^T mtx2 = U S V^T` (computed by faer) and
/// the scale is `sum S`; the disparity equals `1 - (sum S)^2`. When `mtx1^T mtx2` is
/// singular (e.g. points on a line in the plane) the best rotation is not unique, and `mtx2`
/// may differ from SciPy's while the disparity does not.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when the shapes differ, the matrices are empty, or one has
/// all rows equal; [`SpatialError::NotFinite`] for NaN or infinite entries (SciPy's
/// `orthogonal_procrustes` refuses them).
///
/// # Examples
///
/// ```
/// use sci_spatial::procrustes;
/// use sci_spatial::sci_array::ndarray::array;
/// let a = array![[1.0, 3.0], [1.0, 2.0], [1.0, 1.0], [2.0, 1.0]];
/// let b = array![[4.0, -2.0], [4.0, -4.0], [4.0, -6.0], [2.0, -6.0]];
/// let fit = procrustes(&a, &b)?;
/// assert!(fit.disparity.abs() < 1e-15);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.procrustes(data1, data2)`.
pub fn procrustes<S1, S2>(data1: &ArrayBase<S1, Ix2>, data2: &ArrayBase<S2, Ix2>) -> Result<Procrustes>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if data1.shape() != data2.shape() {
        return Err(SpatialError::InvalidValue {
            arg: "data2",
            expected: "the shape of data1",
            found: format!("{:?} and {:?}", data1.shape(), data2.shape()),
        });
    }
    if data1.is_empty() {
        return Err(SpatialError::InvalidValue {
            arg: "data1",
            expected: "a matrix with more than 0 rows and 0 columns",
            found: format!("shape {:?}", data1.shape()),
        });
    }
    for (arg, d) in [("data1", data1.view()), ("data2", data2.view())] {
        if !d.iter().all(|v| v.is_finite()) {
            return Err(SpatialError::NotFinite { arg });
        }
    }
    let mtx1 = standardize(data1, "data1")?;
    let mtx2 = standardize(data2, "data2")?;
    let k = mtx1.ncols();
    let cross = mtx1.t().dot(&mtx2);
    let svd = faer::Mat::<f64>::from_fn(k, k, |i, j| cross[[i, j]])
        .svd()
        .map_err(|_| SpatialError::NotFinite { arg: "data1^T data2 (the SVD did not converge)" })?;
    let (u, v, s) = (svd.U(), svd.V(), svd.S().column_vector());
    let scale: f64 = (0..k).map(|i| s[i]).sum();
    // R = U V^T; mtx2 R^T scale.
    let r = Array2::from_shape_fn((k, k), |(i, j)| (0..k).map(|l| u[(i, l)] * v[(j, l)]).sum::<f64>());
    let fitted = mtx2.dot(&r.t()) * scale;
    let diff: Vec<f64> = mtx1.iter().zip(fitted.iter()).map(|(a, b)| (a - b) * (a - b)).collect();
    let disparity = crate::minkowski::pairwise(&diff);
    Ok(Procrustes { mtx1, mtx2: fitted, disparity })
}
