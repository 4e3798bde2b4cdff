//! Histograms and binning: `histogram`, `histogram_bin_edges`, `histogram2d`, `bincount`,
//! `digitize`.
//!
//! Binning follows NumPy exactly: bin `i` holds `edges[i] <= x < edges[i + 1]`, except the last
//! bin, which also holds `x == edges[n]`; values outside the edges and NaN are not counted.
//! Counts are returned as `f64` (they may be weighted or densities).

use crate::{ArrayError, Result};
use ndarray::{Array, Array1, Array2, ArrayBase, ArrayView1, Data, Dimension, Ix1};
use num_traits::{AsPrimitive, PrimInt};

/// The bins of a histogram (NumPy's `bins` argument).
#[derive(Debug, Clone, PartialEq)]
pub enum Bins {
    /// This many equal-width bins over the range (NumPy's integer `bins`; default 10).
    Count(usize),
    /// The bin edges, increasing (NumPy's array `bins`); the range is then ignored.
    Edges(Vec<f64>),
}

impl Default for Bins {
    fn default() -> Self {
        Bins::Count(10)
    }
}

fn invalid(arg: &'static str, reason: impl Into<String>) -> ArrayError {
    ArrayError::InvalidValue { arg, reason: reason.into() }
}

/// `numpy.linspace(start, stop, n + 1)`, bit for bit.
fn linspace_edges(start: f64, stop: f64, n: usize) -> Vec<f64> {
    let delta = stop - start;
    let step = delta / n as f64;
    let mut e: Vec<f64> = (0..=n)
        .map(|i| if step == 0.0 { i as f64 / n as f64 * delta + start } else { i as f64 * step + start })
        .collect();
    e[n] = stop;
    e
}

/// The outer edges: the range, or the data's min and max (widened by 0.5 when equal).
fn outer_edges(x: &[f64], range: Option<(f64, f64)>) -> Result<(f64, f64)> {
    let (lo, hi) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(invalid("range", "max must be larger than min in range parameter."));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(invalid("range", format!("supplied range of [{lo}, {hi}] is not finite")));
            }
            (lo, hi)
        }
        None if x.is_empty() => (0.0, 1.0),
        None => {
            let mut lo = f64::INFINITY;
            let mut hi = f64::NEG_INFINITY;
            for &v in x {
                if v.is_nan() {
                    return Err(invalid("a", "autodetected range of [nan, nan] is not finite"));
                }
                lo = lo.min(v);
                hi = hi.max(v);
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(invalid("a", format!("autodetected range of [{lo}, {hi}] is not finite")));
            }
            (lo, hi)
        }
    };
    Ok(if lo == hi { (lo - 0.5, hi + 0.5) } else { (lo, hi) })
}

/// The edges for `bins` over the data `x`.
fn edges_for(x: &[f64], bins: &Bins, range: Option<(f64, f64)>) -> Result<(Vec<f64>, bool)> {
    match bins {
        Bins::Count(0) => Err(invalid("bins", "`bins` must be positive, when an integer")),
        Bins::Count(n) => {
            let (lo, hi) = outer_edges(x, range)?;
            Ok((linspace_edges(lo, hi, *n), true))
        }
        Bins::Edges(e) => {
            if e.len() < 2 {
                return Err(invalid("bins", "`bins` must have at least two edges"));
            }
            if e.iter().any(|v| v.is_nan()) || e.windows(2).any(|w| w[0] > w[1]) {
                return Err(invalid("bins", "`bins` must increase monotonically, when an array"));
            }
            Ok((e.clone(), false))
        }
    }
}

/// The bin of `v` among `edges` (NumPy's rule), or `None` when outside or NaN.
#[inline]
fn bin_of(v: f64, edges: &[f64], uniform: bool) -> Option<usize> {
    let nb = edges.len() - 1;
    let (first, last) = (edges[0], edges[nb]);
    if !(v >= first && v <= last) {
        return None;
    }
    if uniform {
        // NumPy's fast path: compute the index, then correct it against the edges.
        let mut i = ((v - first) / (last - first) * nb as f64) as usize;
        if i >= nb {
            i = nb - 1;
        }
        if v < edges[i] {
            i -= 1;
        } else if v >= edges[i + 1] && i != nb - 1 {
            i += 1;
        }
        Some(i)
    } else {
        let k = edges.partition_point(|&e| e <= v);
        Some(if v == last { nb - 1 } else { k - 1 })
    }
}

fn to_f64_vec<A: AsPrimitive<f64>, S: Data<Elem = A>, D: Dimension>(a: &ArrayBase<S, D>) -> Vec<f64> {
    a.iter().map(|v| v.as_()).collect()
}

/// The bin edges [`histogram`] would use, without counting.
///
/// NumPy equivalent: `numpy.histogram_bin_edges` (integer or array `bins` only; the named
/// estimators such as `"auto"` are not implemented).
///
/// # Errors
///
/// As [`histogram`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{histogram_bin_edges, Bins};
/// let e = histogram_bin_edges(&array![1.0, 2.0, 5.0], &Bins::Count(4), None).unwrap();
/// assert_eq!(e, array![1.0, 2.0, 3.0, 4.0, 5.0]);
/// ```
pub fn histogram_bin_edges<A, S, D>(
    a: &ArrayBase<S, D>,
    bins: &Bins,
    range: Option<(f64, f64)>,
) -> Result<Array1<f64>>
where
    A: AsPrimitive<f64>,
    S: Data<Elem = A>,
    D: Dimension,
{
    Ok(Array1::from(edges_for(&to_f64_vec(a), bins, range)?.0))
}

/// Histogram of the (flattened) data: the counts (or summed weights, or the density) per bin
/// and the `n + 1` bin edges.
///
/// `range` limits equal-width bins (default: the data's min and max); `weights` (same shape as
/// `a`) are summed instead of counting; `density` normalises so that the integral over the
/// range is 1. Edges are computed in `f64` (NumPy keeps `float32` edges for `float32` data).
///
/// NumPy equivalent: `numpy.histogram`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for zero bins, decreasing edges, a reversed or non-finite range
/// or NaN/infinite data without a range; [`ArrayError::ShapeMismatch`] for weights of another
/// shape.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{histogram, Bins};
/// let (h, e) = histogram(&array![1, 2, 1], &Bins::Edges(vec![0.0, 1.0, 2.0, 3.0]), None, false, None).unwrap();
/// assert_eq!(h, array![0.0, 2.0, 1.0]);
/// assert_eq!(e, array![0.0, 1.0, 2.0, 3.0]);
/// let (h, _) = histogram(&array![0.5, 1.5, 2.5, 3.0], &Bins::Count(3), Some((0.0, 3.0)), true, None).unwrap();
/// assert_eq!(h, array![0.25, 0.25, 0.5]);
/// ```
pub fn histogram<A, S, D>(
    a: &ArrayBase<S, D>,
    bins: &Bins,
    range: Option<(f64, f64)>,
    density: bool,
    weights: Option<&ArrayBase<S, D>>,
) -> Result<(Array1<f64>, Array1<f64>)>
where
    A: AsPrimitive<f64>,
    S: Data<Elem = A>,
    D: Dimension,
{
    let x = to_f64_vec(a);
    if let Some(w) = weights
        && w.shape() != a.shape()
    {
        return Err(ArrayError::ShapeMismatch {
            arg: "weights",
            expected: format!("the shape of a, {:?}", a.shape()),
            found: w.shape().to_vec(),
        });
    }
    let w: Option<Vec<f64>> = weights.map(to_f64_vec);
    let (edges, uniform) = edges_for(&x, bins, range)?;
    let nb = edges.len() - 1;
    let mut counts = vec![0.0; nb];
    for (j, &v) in x.iter().enumerate() {
        if let Some(i) = bin_of(v, &edges, uniform) {
            counts[i] += w.as_ref().map_or(1.0, |w| w[j]);
        }
    }
    if density {
        let total: f64 = counts.iter().sum();
        for (i, c) in counts.iter_mut().enumerate() {
            *c = *c / (edges[i + 1] - edges[i]) / total;
        }
    }
    Ok((Array1::from(counts), Array1::from(edges)))
}

/// Two-dimensional histogram of the points `(x[i], y[i])`: counts (or summed weights, or the
/// density) of shape `(nx, ny)` and the edges along x and y.
///
/// Bins and ranges are given per axis; the binning rule is [`histogram`]'s.
///
/// NumPy equivalent: `numpy.histogram2d`.
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `x`, `y` (and `weights`) differ in length; otherwise
/// as [`histogram`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{histogram2d, Bins};
/// let x = array![0.0, 0.5, 1.0, 2.0];
/// let y = array![0.0, 1.0, 1.0, 2.0];
/// let (h, xe, ye) = histogram2d(&x, &y, [&Bins::Count(2), &Bins::Count(2)], None, false, None).unwrap();
/// assert_eq!(h, array![[1.0, 1.0], [0.0, 2.0]]);
/// assert_eq!(xe, array![0.0, 1.0, 2.0]);
/// assert_eq!(ye, array![0.0, 1.0, 2.0]);
/// ```
pub fn histogram2d<A, S>(
    x: &ArrayBase<S, Ix1>,
    y: &ArrayBase<S, Ix1>,
    bins: [&Bins; 2],
    range: Option<[(f64, f64); 2]>,
    density: bool,
    weights: Option<ArrayView1<'_, f64>>,
) -> Result<(Array2<f64>, Array1<f64>, Array1<f64>)>
where
    A: AsPrimitive<f64>,
    S: Data<Elem = A>,
{
    if x.len() != y.len() {
        return Err(ArrayError::LengthMismatch { a: "x", b: "y", len_a: x.len(), len_b: y.len() });
    }
    if let Some(w) = &weights
        && w.len() != x.len()
    {
        return Err(ArrayError::LengthMismatch { a: "weights", b: "x", len_a: w.len(), len_b: x.len() });
    }
    let xs = to_f64_vec(x);
    let ys = to_f64_vec(y);
    let (ex, _) = edges_for(&xs, bins[0], range.map(|r| r[0]))?;
    let (ey, _) = edges_for(&ys, bins[1], range.map(|r| r[1]))?;
    let mut h = Array2::<f64>::zeros((ex.len() - 1, ey.len() - 1));
    for i in 0..xs.len() {
        if let (Some(bx), Some(by)) = (bin_of(xs[i], &ex, false), bin_of(ys[i], &ey, false)) {
            h[[bx, by]] += weights.as_ref().map_or(1.0, |w| w[i]);
        }
    }
    if density {
        let s = h.sum();
        for ((i, j), v) in h.indexed_iter_mut() {
            *v = *v / (ex[i + 1] - ex[i]) / (ey[j + 1] - ey[j]) / s;
        }
    }
    Ok((h, Array1::from(ex), Array1::from(ey)))
}

fn bin_indices<A: PrimInt, S: Data<Elem = A>>(x: &ArrayBase<S, Ix1>) -> Result<Vec<usize>> {
    x.iter()
        .map(|v| v.to_usize().ok_or_else(|| invalid("x", "'list' argument must have no negative elements")))
        .collect()
}

/// Number of occurrences of each value in an array of non-negative integers: `out[v]` counts
/// the `v`s; the result has length `max(x) + 1`, at least `minlength`.
///
/// NumPy equivalent: `numpy.bincount(x, minlength=minlength)`; see [`bincount_weighted`]
/// for `weights`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `x` holds a negative value.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// assert_eq!(sci_array::bincount(&array![0, 1, 1, 3, 2, 1, 7], 0).unwrap(), array![1, 3, 1, 1, 0, 0, 0, 1]);
/// assert_eq!(sci_array::bincount(&array![1u8], 4).unwrap(), array![0, 1, 0, 0]);
/// assert!(sci_array::bincount(&array![1, -1], 0).is_err());
/// ```
pub fn bincount<A, S>(x: &ArrayBase<S, Ix1>, minlength: usize) -> Result<Array1<usize>>
where
    A: PrimInt,
    S: Data<Elem = A>,
{
    let idx = bin_indices(x)?;
    let n = idx.iter().map(|&i| i + 1).max().unwrap_or(0).max(minlength);
    let mut out = Array1::zeros(n);
    for i in idx {
        out[i] += 1;
    }
    Ok(out)
}

/// Weighted [`bincount`]: `out[v]` is the sum of `weights[i]` over the `i` with `x[i] == v`.
///
/// NumPy equivalent: `numpy.bincount(x, weights=weights, minlength=minlength)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for a negative value, [`ArrayError::LengthMismatch`] when
/// `weights` is not as long as `x`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let w = array![0.3, 0.5, 0.2, 0.7, 1.0, -0.6];
/// let x = array![0, 1, 1, 2, 2, 2];
/// sci_array::testing::assert_allclose(&sci_array::bincount_weighted(&x, &w.view(), 0).unwrap(), &array![0.3, 0.7, 1.1], 1e-15, 0.0);
/// ```
pub fn bincount_weighted<A, S>(
    x: &ArrayBase<S, Ix1>,
    weights: &ArrayView1<'_, f64>,
    minlength: usize,
) -> Result<Array1<f64>>
where
    A: PrimInt,
    S: Data<Elem = A>,
{
    if weights.len() != x.len() {
        return Err(ArrayError::LengthMismatch {
            a: "weights",
            b: "x",
            len_a: weights.len(),
            len_b: x.len(),
        });
    }
    let idx = bin_indices(x)?;
    let n = idx.iter().map(|&i| i + 1).max().unwrap_or(0).max(minlength);
    let mut out = Array1::zeros(n);
    for (i, &w) in idx.into_iter().zip(weights) {
        out[i] += w;
    }
    Ok(out)
}

/// The index of the bin each value falls in: for increasing `bins`, `i` with
/// `bins[i-1] <= x < bins[i]` (or `bins[i-1] < x <= bins[i]` with `right`); decreasing bins
/// are handled as in NumPy. Values below all bins give 0, above give `bins.len()`; NaN counts as
/// larger than every number.
///
/// NumPy equivalent: `numpy.digitize`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when `bins` is neither increasing nor decreasing.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::digitize;
/// let x = array![0.2, 6.4, 3.0, 1.6];
/// let bins = array![0.0, 1.0, 2.5, 4.0, 10.0];
/// assert_eq!(digitize(&x, &bins.view(), false).unwrap(), array![1, 4, 3, 2]);
/// let x = array![1.0, 4.0, 10.0, 11.0];
/// assert_eq!(digitize(&x, &bins.view(), true).unwrap(), array![1, 3, 4, 5]);
/// assert_eq!(digitize(&x, &bins.view(), false).unwrap(), array![2, 4, 5, 5]);
/// ```
pub fn digitize<S, D>(x: &ArrayBase<S, D>, bins: &ArrayView1<'_, f64>, right: bool) -> Result<Array<usize, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let b: Vec<f64> = bins.to_vec();
    let inc = b.windows(2).all(|w| w[0] <= w[1]);
    let dec = b.windows(2).all(|w| w[0] >= w[1]);
    if !inc && !dec {
        return Err(invalid("bins", "bins must be monotonically increasing or decreasing"));
    }
    // NumPy's searchsorted with NaN sorting last.
    let le = |e: f64, v: f64| e <= v || (v.is_nan() && !e.is_nan()) || (v.is_nan() && e.is_nan());
    let lt = |e: f64, v: f64| e < v || (v.is_nan() && !e.is_nan());
    let search = |s: &[f64], v: f64| {
        if right { s.partition_point(|&e| lt(e, v)) } else { s.partition_point(|&e| le(e, v)) }
    };
    if inc {
        Ok(x.mapv(|v| search(&b, v)))
    } else {
        let r: Vec<f64> = b.iter().rev().copied().collect();
        Ok(x.mapv(|v| b.len() - search(&r, v)))
    }
}
