//! Minkowski distances of broadcast arrays, `distance_matrix` and the hyperrectangles of the
//! k-d tree (`scipy.spatial.minkowski_distance`, `minkowski_distance_p`, `distance_matrix`,
//! `Rectangle`).

use crate::error::{Result, SpatialError};
use ndarray::{Array1, Array2, ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, Ix1, Ix2, IxDyn};

/// NumPy's pairwise summation (blocks of 128 with 8 accumulators), so that sums over a
/// coordinate axis carry NumPy's rounding.
pub(crate) fn pairwise(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 8 {
        x.iter().fold(0.0, |acc, v| acc + v)
    } else if n <= 128 {
        let mut r = [x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]];
        let m = n - n % 8;
        for c in x[8..m].chunks_exact(8) {
            for j in 0..8 {
                r[j] += c[j];
            }
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for v in &x[m..] {
            res += v;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(&x[..n2]) + pairwise(&x[n2..])
    }
}

/// `sum |d|^p` (or `max |d|` for `p = inf`) of the differences, which `buf` receives first.
fn power_sum(diffs: impl Iterator<Item = f64>, p: f64, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    if p == f64::INFINITY {
        // NumPy's maximum propagates NaN.
        return diffs
            .map(f64::abs)
            .fold(f64::NEG_INFINITY, |m, d| if m.is_nan() || d.is_nan() { f64::NAN } else { m.max(d) });
    }
    if p == 1.0 {
        buf.extend(diffs.map(f64::abs));
    } else if p == 2.0 {
        buf.extend(diffs.map(|d| d * d));
    } else {
        buf.extend(diffs.map(|d| d.abs().powf(p)));
    }
    pairwise(buf)
}

/// The p-th root of a power sum (not for `p` of 1 or infinity).
fn root(s: f64, p: f64) -> f64 {
    if p == 1.0 || p == f64::INFINITY {
        s
    } else if p == 2.0 {
        s.sqrt()
    } else {
        s.powf(1.0 / p)
    }
}

/// The maximum over an empty axis: NumPy raises, and so do these functions.
fn check_empty_max(k: usize, p: f64) -> Result<()> {
    if k == 0 && p == f64::INFINITY {
        return Err(SpatialError::InvalidValue {
            arg: "x",
            expected: "at least one coordinate for p = inf (the maximum of nothing)",
            found: "0 coordinates".into(),
        });
    }
    Ok(())
}

fn reduce_last<S1, S2, D1, D2>(
    x: &ArrayBase<S1, D1>,
    y: &ArrayBase<S2, D2>,
    p: f64,
    take_root: bool,
) -> Result<ArrayD<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
{
    let views: [ArrayViewD<'_, f64>; 2] = [x.view().into_dyn(), y.view().into_dyn()];
    let b = sci_array::broadcast_arrays(&views).map_err(|e| SpatialError::InvalidValue {
        arg: "y",
        expected: "an array that broadcasts against x",
        found: e.to_string(),
    })?;
    let nd = b[0].ndim();
    if nd == 0 {
        return Err(SpatialError::InvalidValue {
            arg: "x",
            expected: "at least one dimension (the coordinate axis)",
            found: "two scalars".into(),
        });
    }
    let k = b[0].shape()[nd - 1];
    check_empty_max(k, p)?;
    let out_shape = IxDyn(&b[0].shape()[..nd - 1]);
    let mut buf = Vec::with_capacity(k);
    let values: Vec<f64> = b[0]
        .lanes(Axis(nd - 1))
        .into_iter()
        .zip(b[1].lanes(Axis(nd - 1)))
        .map(|(a, c)| {
            let s = power_sum(a.iter().zip(c.iter()).map(|(u, v)| v - u), p, &mut buf);
            if take_root { root(s, p) } else { s }
        })
        .collect();
    Ok(ArrayD::from_shape_vec(out_shape, values).expect("one value per lane"))
}

/// The p-th power of the Minkowski distance, `sum |y - x|^p` over the last axis of the
/// broadcast arrays (`max |y - x|` for `p = inf`; no power is taken for `p = 1` or `inf`).
///
/// `p` is not checked, as in SciPy: `p < 1` evaluates the same formula.
///
/// # Errors
///
/// [`SpatialError::InvalidValue`] when the shapes do not broadcast, when both are scalars (no
/// coordinate axis), or for `p = inf` with no coordinates.
///
/// # Examples
///
/// ```
/// use sci_spatial::minkowski_distance_p;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = minkowski_distance_p(&array![[0.0, 0.0], [0.0, 0.0]], &array![[1.0, 1.0], [0.0, 1.0]], 2.0)?;
/// assert_eq!(d, array![2.0, 1.0].into_dyn());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.minkowski_distance_p(x, y, p)`.
pub fn minkowski_distance_p<S1, S2, D1, D2>(
    x: &ArrayBase<S1, D1>,
    y: &ArrayBase<S2, D2>,
    p: f64,
) -> Result<ArrayD<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
{
    reduce_last(x, y, p, false)
}

/// The Minkowski distance `(sum |y - x|^p)^(1/p)` over the last axis of the broadcast arrays.
///
/// # Errors
///
/// As [`minkowski_distance_p`].
///
/// # Examples
///
/// ```
/// use sci_spatial::minkowski_distance;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = minkowski_distance(&array![[0.0, 0.0], [0.0, 0.0]], &array![[1.0, 1.0], [0.0, 1.0]], 2.0)?;
/// assert_eq!(d, array![2f64.sqrt(), 1.0].into_dyn());
/// // One point against several: broadcasting.
/// let d = minkowski_distance(&array![0.0, 0.0], &array![[3.0, 4.0], [1.0, 0.0]], 1.0)?;
/// assert_eq!(d, array![7.0, 1.0].into_dyn());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.minkowski_distance(x, y, p)`.
pub fn minkowski_distance<S1, S2, D1, D2>(
    x: &ArrayBase<S1, D1>,
    y: &ArrayBase<S2, D2>,
    p: f64,
) -> Result<ArrayD<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    D1: Dimension,
    D2: Dimension,
{
    reduce_last(x, y, p, true)
}

/// The matrix of Minkowski distances between the rows of `x` (`m x k`) and of `y` (`n x k`).
///
/// SciPy's `threshold` only chooses between two evaluation orders that give the same values,
/// so it has no counterpart here.
///
/// # Errors
///
/// [`SpatialError::DimensionMismatch`] when `x` and `y` have different numbers of columns;
/// [`SpatialError::InvalidValue`] for `p = inf` with no columns.
///
/// # Examples
///
/// ```
/// use sci_spatial::distance_matrix;
/// use sci_spatial::sci_array::ndarray::array;
/// let d = distance_matrix(&array![[0.0, 0.0], [0.0, 1.0]], &array![[1.0, 0.0], [1.0, 1.0]], 2.0)?;
/// assert_eq!(d, array![[1.0, 2f64.sqrt()], [2f64.sqrt(), 1.0]]);
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.distance_matrix(x, y, p)`.
pub fn distance_matrix<S1, S2>(x: &ArrayBase<S1, Ix2>, y: &ArrayBase<S2, Ix2>, p: f64) -> Result<Array2<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    if x.ncols() != y.ncols() {
        return Err(SpatialError::DimensionMismatch { arg: "y", expected: x.ncols(), found: y.ncols() });
    }
    check_empty_max(x.ncols(), p)?;
    let mut buf = Vec::with_capacity(x.ncols());
    let mut out = Array2::zeros((x.nrows(), y.nrows()));
    for (i, xi) in x.rows().into_iter().enumerate() {
        for (j, yj) in y.rows().into_iter().enumerate() {
            let s = power_sum(xi.iter().zip(yj.iter()).map(|(a, b)| b - a), p, &mut buf);
            out[[i, j]] = root(s, p);
        }
    }
    Ok(out)
}

/// An axis-aligned hyperrectangle `[mins, maxes]`, as the k-d tree uses for its cells.
///
/// # Examples
///
/// ```
/// use sci_spatial::Rectangle;
/// use sci_spatial::sci_array::ndarray::array;
/// let r = Rectangle::new(&array![2.0, 1.0], &array![0.0, 0.0])?;
/// assert_eq!(r.volume(), 2.0);
/// let (lo, hi) = r.split(0, 0.5)?;
/// assert_eq!((lo.volume(), hi.volume()), (0.5, 1.5));
/// assert_eq!(r.min_distance_point(&array![3.0, 2.0], 2.0)?, 2f64.sqrt());
/// # Ok::<(), sci_spatial::SpatialError>(())
/// ```
///
/// SciPy equivalent: `scipy.spatial.Rectangle`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rectangle {
    /// The upper corner.
    pub maxes: Array1<f64>,
    /// The lower corner.
    pub mins: Array1<f64>,
}

impl Rectangle {
    /// The rectangle spanned by two corners (taken coordinate by coordinate, so the arguments
    /// may be given in either order; NaN propagates).
    ///
    /// # Errors
    ///
    /// [`SpatialError::LengthMismatch`] when the corners differ in length.
    ///
    /// SciPy equivalent: `scipy.spatial.Rectangle(maxes, mins)`.
    pub fn new<S1, S2>(maxes: &ArrayBase<S1, Ix1>, mins: &ArrayBase<S2, Ix1>) -> Result<Self>
    where
        S1: Data<Elem = f64>,
        S2: Data<Elem = f64>,
    {
        if maxes.len() != mins.len() {
            return Err(SpatialError::LengthMismatch {
                arg: "mins",
                expected: maxes.len(),
                found: mins.len(),
            });
        }
        // NumPy's maximum/minimum: NaN wins.
        let pick = |a: f64, b: f64, hi: bool| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else if hi {
                a.max(b)
            } else {
                a.min(b)
            }
        };
        let hi = maxes.iter().zip(mins.iter()).map(|(&a, &b)| pick(a, b, true)).collect();
        let lo = maxes.iter().zip(mins.iter()).map(|(&a, &b)| pick(a, b, false)).collect();
        Ok(Self { maxes: hi, mins: lo })
    }

    /// The dimension.
    pub fn m(&self) -> usize {
        self.maxes.len()
    }

    /// The volume, the product of the side lengths (1 in no dimensions).
    ///
    /// SciPy equivalent: `Rectangle.volume()`.
    pub fn volume(&self) -> f64 {
        self.maxes.iter().zip(self.mins.iter()).fold(1.0, |acc, (a, b)| acc * (a - b))
    }

    /// The two halves below and above `split` on axis `d`: `(less, greater)`.
    ///
    /// `split` is not checked to lie inside the rectangle, as in SciPy.
    ///
    /// # Errors
    ///
    /// [`SpatialError::InvalidValue`] when `d` is not an axis.
    ///
    /// SciPy equivalent: `Rectangle.split(d, split)`.
    pub fn split(&self, d: usize, split: f64) -> Result<(Rectangle, Rectangle)> {
        if d >= self.m() {
            return Err(SpatialError::InvalidValue {
                arg: "d",
                expected: "an axis of the rectangle",
                found: format!("{d} for {} dimensions", self.m()),
            });
        }
        let mut less = self.clone();
        less.maxes[d] = split;
        let mut greater = self.clone();
        greater.mins[d] = split;
        Ok((less, greater))
    }

    fn norm_of(&self, parts: impl Iterator<Item = f64>, p: f64) -> Result<f64> {
        check_empty_max(self.m(), p)?;
        let mut buf = Vec::with_capacity(self.m());
        Ok(root(power_sum(parts, p, &mut buf), p))
    }

    fn check_point<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>) -> Result<()> {
        if x.len() != self.m() {
            return Err(SpatialError::LengthMismatch { arg: "x", expected: self.m(), found: x.len() });
        }
        Ok(())
    }

    /// The Minkowski p-distance from the point `x` to the nearest point of the rectangle (0
    /// inside it).
    ///
    /// # Errors
    ///
    /// [`SpatialError::LengthMismatch`] when `x` has the wrong length; p = inf in no
    /// dimensions as [`minkowski_distance`].
    ///
    /// SciPy equivalent: `Rectangle.min_distance_point(x, p)`.
    pub fn min_distance_point<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>, p: f64) -> Result<f64> {
        self.check_point(x)?;
        let parts = (0..self.m()).map(|i| nan_max(0.0, nan_max(self.mins[i] - x[i], x[i] - self.maxes[i])));
        self.norm_of(parts, p)
    }

    /// The Minkowski p-distance from the point `x` to the farthest point of the rectangle.
    ///
    /// # Errors
    ///
    /// As [`Rectangle::min_distance_point`].
    ///
    /// SciPy equivalent: `Rectangle.max_distance_point(x, p)`.
    pub fn max_distance_point<S: Data<Elem = f64>>(&self, x: &ArrayBase<S, Ix1>, p: f64) -> Result<f64> {
        self.check_point(x)?;
        let parts = (0..self.m()).map(|i| nan_max(self.maxes[i] - x[i], x[i] - self.mins[i]));
        self.norm_of(parts, p)
    }

    /// The smallest Minkowski p-distance between a point of this rectangle and one of `other`.
    ///
    /// # Errors
    ///
    /// [`SpatialError::LengthMismatch`] for rectangles of different dimensions; p = inf in no
    /// dimensions as [`minkowski_distance`].
    ///
    /// SciPy equivalent: `Rectangle.min_distance_rectangle(other, p)`.
    pub fn min_distance_rectangle(&self, other: &Rectangle, p: f64) -> Result<f64> {
        self.check_point(&other.maxes)?;
        let parts = (0..self.m())
            .map(|i| nan_max(0.0, nan_max(self.mins[i] - other.maxes[i], other.mins[i] - self.maxes[i])));
        self.norm_of(parts, p)
    }

    /// The largest Minkowski p-distance between a point of this rectangle and one of `other`.
    ///
    /// # Errors
    ///
    /// As [`Rectangle::min_distance_rectangle`].
    ///
    /// SciPy equivalent: `Rectangle.max_distance_rectangle(other, p)`.
    pub fn max_distance_rectangle(&self, other: &Rectangle, p: f64) -> Result<f64> {
        self.check_point(&other.maxes)?;
        let parts =
            (0..self.m()).map(|i| nan_max(self.maxes[i] - other.mins[i], other.maxes[i] - self.mins[i]));
        self.norm_of(parts, p)
    }
}

/// NumPy's `maximum`: NaN propagates.
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) }
}
