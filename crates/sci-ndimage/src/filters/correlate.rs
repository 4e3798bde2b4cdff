//! Linear filters with given weights: `correlate1d`, `convolve1d`, `correlate`, `convolve`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::rows::{inner_len, row_filter};
use crate::mode::Mode;
use crate::support::{
    check_axes, dyn_view, expand_to_axes, extents, footprint_offsets, lane_filter, nd_points, negate_origin,
    origins, pad, reverse_all, to_dim,
};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension};
use sci_array::normalize_axis;

/// Symmetry class of a 1-D kernel, as SciPy's `NI_Correlate1D` detects it.
fn symmetry(w: &[f64]) -> i32 {
    let n = w.len();
    if n % 2 == 0 {
        return 0;
    }
    let c = n / 2;
    if (1..=c).all(|i| (w[c + i] - w[c - i]).abs() <= f64::EPSILON) {
        return 1;
    }
    if (1..=c).all(|i| (w[c + i] + w[c - i]).abs() <= f64::EPSILON) {
        return -1;
    }
    0
}

/// 1-D correlation of a dynamic view along `axis` (already normalized), output cast to `U`.
pub(crate) fn correlate1d_dyn<T: Element, U: Element>(
    input: &ArrayViewD<'_, T>,
    weights: &[f64],
    axis: usize,
    mode: Mode,
    origin: isize,
) -> Result<ArrayD<U>> {
    if weights.is_empty() {
        return Err(invalid("weights", "no filter weights given"));
    }
    let (before, after) = extents(weights.len(), origin)?;
    let size1 = weights.len() / 2;
    let sym = symmetry(weights);
    let w = weights.to_vec();
    let kernel = move |ext: &[f64], out: &mut [f64]| {
        let n = out.len();
        // ext[i + k] holds the input under tap k for output i (before = size1 + origin).
        let base = 0usize;
        let mid = base + size1;
        match sym {
            1 => {
                let w0 = w[size1];
                for (o, e) in out.iter_mut().zip(&ext[mid..mid + n]) {
                    *o = e * w0;
                }
                for j in (1..=size1).rev() {
                    let wj = w[size1 - j];
                    let lo = &ext[mid - j..mid - j + n];
                    let hi = &ext[mid + j..mid + j + n];
                    for ((o, a), b) in out.iter_mut().zip(lo).zip(hi) {
                        *o += (a + b) * wj;
                    }
                }
            }
            -1 => {
                let w0 = w[size1];
                for (o, e) in out.iter_mut().zip(&ext[mid..mid + n]) {
                    *o = e * w0;
                }
                for j in (1..=size1).rev() {
                    let wj = w[size1 - j];
                    let lo = &ext[mid - j..mid - j + n];
                    let hi = &ext[mid + j..mid + j + n];
                    for ((o, a), b) in out.iter_mut().zip(lo).zip(hi) {
                        *o += (a - b) * wj;
                    }
                }
            }
            _ => {
                let last = w.len() - 1;
                let wl = w[last];
                for (o, e) in out.iter_mut().zip(&ext[base + last..base + last + n]) {
                    *o = e * wl;
                }
                for (k, &wk) in w[..last].iter().enumerate() {
                    for (o, e) in out.iter_mut().zip(&ext[base + k..base + k + n]) {
                        *o += e * wk;
                    }
                }
            }
        }
    };
    if axis + 1 < input.ndim() && inner_len(input.shape(), axis) > 1 {
        return Ok(row_filter(
            input,
            axis,
            weights.len(),
            before,
            mode.for_filter(),
            move |i, row, _, acc| {
                // The lane kernel above, on whole rows: extended row i + k is tap k of output row i.
                match sym {
                    1 | -1 => {
                        let w0 = weights[size1];
                        for (a, v) in acc.iter_mut().zip(row.get(i + size1)) {
                            *a = v * w0;
                        }
                        for j in (1..=size1).rev() {
                            let wj = weights[size1 - j];
                            let (lo, hi) = (row.get(i + size1 - j), row.get(i + size1 + j));
                            if sym == 1 {
                                for ((a, x), y) in acc.iter_mut().zip(lo).zip(hi) {
                                    *a += (x + y) * wj;
                                }
                            } else {
                                for ((a, x), y) in acc.iter_mut().zip(lo).zip(hi) {
                                    *a += (x - y) * wj;
                                }
                            }
                        }
                    }
                    _ => {
                        let last = weights.len() - 1;
                        let wl = weights[last];
                        for (a, v) in acc.iter_mut().zip(row.get(i + last)) {
                            *a = v * wl;
                        }
                        for (k, &wk) in weights[..last].iter().enumerate() {
                            for (a, v) in acc.iter_mut().zip(row.get(i + k)) {
                                *a += v * wk;
                            }
                        }
                    }
                }
            },
        ));
    }
    Ok(lane_filter(input, axis, before, after, mode.for_filter(), kernel))
}

/// Calculate a 1-D correlation along the given axis.
///
/// `out[i] = Σ_k weights[k] · in[i + k - len(weights)/2 - origin]` along `axis`, with the
/// input extended beyond its edges according to `mode`. Computed in `f64`; the result has
/// the input's element type (integers truncated toward zero, as SciPy's C cast).
///
/// SciPy equivalent: `scipy.ndimage.correlate1d`.
///
/// # Errors
///
/// `weights` empty, `axis` out of range, or `origin` outside
/// `-(len/2) ..= (len-1)/2` ("invalid origin").
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, correlate1d};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![2, 8, 0, 4, 1, 9, 9, 0];
/// let r = correlate1d(&a, &[1.0, 3.0], -1, Mode::Reflect, 0).unwrap();
/// assert_eq!(r, array![8, 26, 8, 12, 7, 28, 36, 9]);
/// ```
pub fn correlate1d<T, S, D>(
    input: &ArrayBase<S, D>,
    weights: &[f64],
    axis: isize,
    mode: Mode,
    origin: isize,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, input.ndim(), "axis")?;
    to_dim(correlate1d_dyn::<T, T>(&dyn_view(input), weights, ax, mode, origin)?)
}

/// Calculate a 1-D convolution along the given axis.
///
/// Convolution is correlation with the reversed weights and the origin negated (and moved
/// one more to the left for an even number of weights), exactly as SciPy does it.
///
/// SciPy equivalent: `scipy.ndimage.convolve1d`.
///
/// # Errors
///
/// As [`correlate1d`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, convolve1d};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![2, 8, 0, 4, 1, 9, 9, 0];
/// let r = convolve1d(&a, &[1.0, 3.0], -1, Mode::Reflect, 0).unwrap();
/// assert_eq!(r, array![14, 24, 4, 13, 12, 36, 27, 0]);
/// ```
pub fn convolve1d<T, S, D>(
    input: &ArrayBase<S, D>,
    weights: &[f64],
    axis: isize,
    mode: Mode,
    origin: isize,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let w: Vec<f64> = weights.iter().rev().copied().collect();
    let mut o = negate_origin(origin)?;
    if w.len() % 2 == 0 {
        o -= 1;
    }
    correlate1d(input, &w, axis, mode, o)
}

/// n-d correlation of a dynamic view with C-ordered weights (already in correlation form).
fn correlate_dyn<T: Element>(
    input: &ArrayViewD<'_, T>,
    weights: &ArrayD<f64>,
    mode: Mode,
    origin: &[isize],
) -> Result<ArrayD<T>> {
    let nd = input.ndim();
    if weights.ndim() != nd {
        return Err(invalid(
            "weights",
            format!("weights.ndim ({}) must match len(axes) ({nd})", weights.ndim()),
        ));
    }
    if weights.is_empty() {
        return Err(invalid("weights", "no filter weights given"));
    }
    let org = origins(origin, nd)?;
    let mut before = Vec::with_capacity(nd);
    let mut after = Vec::with_capacity(nd);
    for d in 0..nd {
        let (b, a) = extents(weights.shape()[d], org[d])?;
        before.push(b);
        after.push(a);
    }
    if input.is_empty() {
        return Ok(ArrayD::from_elem(input.raw_dim(), T::from_f64(0.0)));
    }
    let wstd = weights.as_standard_layout();
    let foot: Vec<bool> = wstd.iter().map(|w| w.abs() > f64::EPSILON).collect();
    let ww: Vec<f64> = wstd.iter().copied().filter(|w| w.abs() > f64::EPSILON).collect();
    let mode = mode.for_filter();
    let padded = pad(&input.mapv(|v| v.to_f64()).view(), &before, &after, mode, mode.cval());
    let offs = footprint_offsets(padded.shape(), weights.shape(), &foot);
    let out: ArrayD<f64> = nd_points(&padded, input.shape(), |p, base| {
        let mut tmp = 0.0;
        for (o, w) in offs.iter().zip(&ww) {
            tmp += w * p[base + o];
        }
        tmp
    });
    Ok(out.mapv(T::from_f64))
}

/// SciPy's `_correlate_or_convolve` for real input: weights of rank `len(axes)` expanded to
/// the input's rank, origins per listed axis, reversed weights for the convolution.
fn correlate_or_convolve<T: Element>(
    input: &ArrayViewD<'_, T>,
    weights: ArrayD<f64>,
    mode: Mode,
    origin: &[isize],
    axes: Option<&[isize]>,
    convolution: bool,
) -> Result<ArrayD<T>> {
    let nd = input.ndim();
    let axes = check_axes(axes, nd)?;
    let org = origins(origin, axes.len())?;
    let (w, mut org) = expand_to_axes(weights, org, &axes, nd, "weights")?;
    if w.ndim() != nd {
        return Err(invalid(
            "weights",
            format!("weights.ndim ({}) must match len(axes) ({})", w.ndim(), axes.len()),
        ));
    }
    if !convolution {
        return correlate_dyn(input, &w, mode, &org);
    }
    let w = reverse_all(&w);
    for d in 0..nd {
        org[d] = negate_origin(org[d])?;
        if w.shape()[d] % 2 == 0 {
            org[d] -= 1;
        }
    }
    correlate_dyn(input, &w, mode, &org)
}

/// Multidimensional correlation.
///
/// `out[i] = Σ_k weights[k] · in[i + k - shape(weights)/2 - origin]` over all weight
/// positions `k` (zero weights skipped, as SciPy does), with `mode` extension (one mode for
/// all axes, as SciPy). `origin` may be empty (all zeros), one value for every axis, or one
/// per axis. [`correlate_axes`] works along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.correlate`.
///
/// # Errors
///
/// `weights` of a different rank than `input` ("weights.ndim (1) must match len(axes) (2)")
/// or empty, or an invalid origin.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, correlate};
/// use sci_ndimage::sci_array::ndarray::{array, Array2};
/// let a = Array2::from_shape_fn((5, 5), |(i, j)| (5 * i + j) as f64);
/// let w = array![[0.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 0.0]];
/// let r = correlate(&a, &w, Mode::Reflect, &[]).unwrap();
/// assert_eq!(r[[2, 2]], 60.0);
/// assert_eq!(r[[0, 0]], 6.0);
/// ```
pub fn correlate<T, S, D, SW, DW>(
    input: &ArrayBase<S, D>,
    weights: &ArrayBase<SW, DW>,
    mode: Mode,
    origin: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    SW: Data<Elem = f64>,
    DW: Dimension,
{
    let w = weights.to_owned().into_dyn();
    to_dim(correlate_or_convolve(&dyn_view(input), w, mode, origin, None, false)?)
}

/// [`correlate`] along the listed `axes` only (SciPy's `axes=`): `weights` has one axis per
/// listed axis (its axes go to the listed axes in increasing order, as SciPy inserts
/// length-1 axes for the others) and `origin` one value or one per listed axis. As in SciPy,
/// listing every axis (in any order) is the same as [`correlate`].
///
/// SciPy equivalent: `scipy.ndimage.correlate(..., axes=axes)`.
///
/// # Errors
///
/// As [`correlate`]; an axis out of range or listed twice ("axes must be unique"); weights
/// whose rank is not `len(axes)` ("weights.ndim (2) must match len(axes) (1)").
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, correlate_axes};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// // The weights [1, 1] along axis 1 of every row.
/// let r = correlate_axes(&a, &array![1.0, 1.0], Mode::Constant(0.0), &[], &[1]).unwrap();
/// assert_eq!(r, array![[1.0, 3.0, 5.0], [4.0, 9.0, 11.0]]);
/// ```
pub fn correlate_axes<T, S, D, SW, DW>(
    input: &ArrayBase<S, D>,
    weights: &ArrayBase<SW, DW>,
    mode: Mode,
    origin: &[isize],
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    SW: Data<Elem = f64>,
    DW: Dimension,
{
    let w = weights.to_owned().into_dyn();
    to_dim(correlate_or_convolve(&dyn_view(input), w, mode, origin, Some(axes), false)?)
}

/// Multidimensional convolution.
///
/// Correlation with the weights reversed along every axis and each origin negated (minus one
/// more for even-sized axes), exactly as SciPy. [`convolve_axes`] works along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.convolve`.
///
/// # Errors
///
/// As [`correlate`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, convolve};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 0.0, 0.0], [5.0, 3.0, 0.0, 4.0], [0.0, 0.0, 0.0, 7.0], [9.0, 3.0, 0.0, 0.0]];
/// let k = array![[1.0, 1.0, 1.0], [1.0, 1.0, 0.0], [1.0, 0.0, 0.0]];
/// let r = convolve(&a, &k, Mode::Constant(0.0), &[]).unwrap();
/// assert_eq!(r, array![[11.0, 10.0, 7.0, 4.0], [10.0, 3.0, 11.0, 11.0], [15.0, 12.0, 14.0, 7.0], [12.0, 3.0, 7.0, 0.0]]);
/// ```
pub fn convolve<T, S, D, SW, DW>(
    input: &ArrayBase<S, D>,
    weights: &ArrayBase<SW, DW>,
    mode: Mode,
    origin: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    SW: Data<Elem = f64>,
    DW: Dimension,
{
    let w = weights.to_owned().into_dyn();
    to_dim(correlate_or_convolve(&dyn_view(input), w, mode, origin, None, true)?)
}

/// [`convolve`] along the listed `axes` only (SciPy's `axes=`), with `weights` and `origin`
/// over the listed axes as in [`correlate_axes`].
///
/// SciPy equivalent: `scipy.ndimage.convolve(..., axes=axes)`.
///
/// # Errors
///
/// As [`correlate_axes`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{Mode, convolve_axes};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// // [1, 2] along axis 0: out[i] = 2 * a[i] + 1 * a[i + 1] (zero below the last row).
/// let r = convolve_axes(&a, &array![1.0, 2.0], Mode::Constant(0.0), &[], &[0]).unwrap();
/// assert_eq!(r, array![[6.0, 9.0, 12.0], [8.0, 10.0, 12.0]]);
/// ```
pub fn convolve_axes<T, S, D, SW, DW>(
    input: &ArrayBase<S, D>,
    weights: &ArrayBase<SW, DW>,
    mode: Mode,
    origin: &[isize],
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    SW: Data<Elem = f64>,
    DW: Dimension,
{
    let w = weights.to_owned().into_dyn();
    to_dim(correlate_or_convolve(&dyn_view(input), w, mode, origin, Some(axes), true)?)
}
