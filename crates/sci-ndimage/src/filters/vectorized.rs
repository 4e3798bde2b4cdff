//! `vectorized_filter`: a user function over the window of every point.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::mode::Mode;
use crate::support::{check_axes, dyn_view, extents, nd_lines, pad, to_dim, try_filled};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, IxDyn};

/// Options of [`vectorized_filter`] (SciPy's keyword arguments and defaults).
///
/// * `size`: window shape, one entry for all filtered axes or one per entry of `axes`
///   (ignored when `footprint` is given; giving both is an error, as in SciPy).
/// * `footprint`: boolean window; only its true positions are passed to the function.
/// * `mode`: boundary extension (default `Reflect`; `Constant(cval)` for `cval`). As in
///   SciPy, `GridMirror` means `Mirror` here (SciPy pads with NumPy's `'reflect'`).
/// * `valid`: SciPy's `mode='valid'`: no extension, each filtered axis of the output is
///   shorter by the window length minus one (`mode` is then ignored, `origin` must be zero).
/// * `origin`: window shift per filtered axis (empty: zeros; one value for all).
/// * `axes`: the axes the window spans (`None`: all, in order). The window's axes follow
///   `axes` in the order given; the other axes are batch axes.
///
/// SciPy equivalent: the keyword arguments of `scipy.ndimage.vectorized_filter`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::VectorizedOptions;
/// let o = VectorizedOptions::size(&[3]);
/// assert!(!o.valid && o.axes.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VectorizedOptions {
    /// Window shape (one value for all filtered axes, or one per axis).
    pub size: Vec<usize>,
    /// Boolean window (its true positions, in C order, are passed to the function).
    pub footprint: Option<ArrayD<bool>>,
    /// Boundary mode (default `Reflect`).
    pub mode: Mode,
    /// SciPy's `mode='valid'`: no extension, smaller output.
    pub valid: bool,
    /// Window shift per filtered axis (empty: zeros).
    pub origin: Vec<isize>,
    /// The axes the window spans (`None`: all).
    pub axes: Option<Vec<isize>>,
}

impl VectorizedOptions {
    /// A box window of the given size (one entry for all axes, or one per axis).
    pub fn size(size: &[usize]) -> Self {
        VectorizedOptions { size: size.to_vec(), ..Default::default() }
    }

    /// A window given by a boolean footprint.
    pub fn footprint<S: Data<Elem = bool>, D: Dimension>(fp: &ArrayBase<S, D>) -> Self {
        VectorizedOptions { footprint: Some(fp.to_owned().into_dyn()), ..Default::default() }
    }
}

/// SciPy's `axes` of `vectorized_filter`: all axes by default, negative ones counted from the
/// end, each at most once; the order is kept.
fn window_axes(axes: Option<&[isize]>, nd: usize) -> Result<Vec<usize>> {
    if axes.is_some_and(|a| a.len() > nd) {
        return Err(invalid(
            "axes",
            "The length of `axes` may not exceed the dimensionality of `input`(`input.ndim`).",
        ));
    }
    check_axes(axes, nd)
}

/// Filter with a function of the window: `function` gets, for every point, the values in its
/// window (C order over the window's axes, which follow `opts.axes`; only the footprint's
/// true positions when a footprint is given; extended by `opts.mode` beyond the edges) and
/// returns the output value. The points are evaluated in parallel for large inputs.
///
/// The Rust counterpart of SciPy's vectorized callable is a plain closure over one window:
/// `|w| w.iter().sum::<f64>() / w.len() as f64` for `np.mean`.
///
/// SciPy equivalent: `scipy.ndimage.vectorized_filter` (no `output`, `batch_memory`).
///
/// # Errors
///
/// Neither or both of size and footprint; a zero size or a footprint with a zero-length
/// axis (for a non-empty input); `size`, `origin` or the footprint's rank not matching the
/// filtered axes; an invalid origin (or any origin with `valid`); bad or repeated axes; with
/// `valid`, a window longer than the (non-empty) input. An empty input is returned as it is.
///
/// # Examples
///
/// A moving median over 3 values, and the mean of every 2 × 2 block (`valid`):
///
/// ```
/// use sci_ndimage::{VectorizedOptions, vectorized_filter};
/// use sci_ndimage::sci_array::ndarray::array;
/// let median = |w: &[f64]| {
///     let mut v = w.to_vec();
///     v.sort_by(f64::total_cmp);
///     v[v.len() / 2]
/// };
/// let r = vectorized_filter(&array![2.0, 8.0, 0.0, 4.0, 1.0], median, &VectorizedOptions::size(&[3])).unwrap();
/// assert_eq!(r, array![2.0, 2.0, 4.0, 1.0, 1.0]);
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let o = VectorizedOptions { valid: true, ..VectorizedOptions::size(&[2]) };
/// let m = vectorized_filter(&a, |w: &[f64]| w.iter().sum::<f64>() / w.len() as f64, &o).unwrap();
/// assert_eq!(m, array![[3.0, 4.0]]);
/// ```
pub fn vectorized_filter<T, U, S, D, F>(
    input: &ArrayBase<S, D>,
    function: F,
    opts: &VectorizedOptions,
) -> Result<Array<U, D>>
where
    T: Element,
    U: Clone + Default + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
    F: Fn(&[T]) -> U + Sync,
{
    let nd = input.ndim();
    let axes = window_axes(opts.axes.as_deref(), nd)?;
    let k = axes.len();
    // Window shape over the filtered axes (in `axes` order) and the positions passed.
    let (wshape, foot): (Vec<usize>, Vec<bool>) = match (&opts.footprint, opts.size.is_empty()) {
        (Some(_), false) => {
            return Err(invalid("size", "Either `size` or `footprint` may be provided, not both."));
        }
        (None, true) => return Err(invalid("size", "Either `size` or `footprint` must be provided.")),
        (Some(f), true) => (f.shape().to_vec(), f.as_standard_layout().iter().copied().collect()),
        (None, false) => {
            let s = if opts.size.len() == 1 { vec![opts.size[0]; k] } else { opts.size.clone() };
            if s.contains(&0) {
                return Err(invalid("size", "All elements of `size` must be positive integers."));
            }
            let foot = try_filled(&s, true, "size")?.into_raw_vec_and_offset().0;
            (s, foot)
        }
    };
    if wshape.len() != k {
        return Err(invalid(
            "axes",
            "`axes` must be compatible with the dimensionality of the window specified by `size` or `footprint`.",
        ));
    }
    let origin = match opts.origin.len() {
        0 => vec![0; k],
        1 => vec![opts.origin[0]; k],
        n if n == k => opts.origin.clone(),
        _ => {
            return Err(invalid(
                "origin",
                "`origin` must be an integer or tuple of integers with length equal to the number of axes.",
            ));
        }
    };
    if opts.valid && origin.iter().any(|&o| o != 0) {
        return Err(invalid("origin", "`mode='valid'` is incompatible with use of `origin`."));
    }
    // SciPy returns an empty input as it is, before padding or windowing it.
    if input.is_empty() {
        return to_dim(ArrayD::from_elem(IxDyn(input.shape()), U::default()));
    }
    if wshape.contains(&0) {
        // NumPy's `np.pad` (or, with 'valid', `sliding_window_view`) rejects such a window.
        return Err(invalid("footprint", "the window must have a positive length along every axis"));
    }
    // Full-rank window shape and extensions (length 1 and none along batch axes).
    let mut fshape = vec![1usize; nd];
    let (mut before, mut after) = (vec![0usize; nd], vec![0usize; nd]);
    for (j, &ax) in axes.iter().enumerate() {
        fshape[ax] = wshape[j];
        if !opts.valid {
            (before[ax], after[ax]) = extents(wshape[j], origin[j])?;
        }
    }
    let v = dyn_view(input);
    let out_shape: Vec<usize> = if opts.valid {
        let mut s = v.shape().to_vec();
        for &ax in &axes {
            if fshape[ax] > s[ax] {
                return Err(invalid("size", "window shape cannot be larger than input array shape"));
            }
            s[ax] -= fshape[ax] - 1;
        }
        s
    } else {
        v.shape().to_vec()
    };
    if v.is_empty() || out_shape.contains(&0) {
        return to_dim(ArrayD::from_elem(IxDyn(&out_shape), U::default()));
    }
    // SciPy pads with `np.pad`, mapping 'grid-mirror' to NumPy's 'reflect', i.e. ndimage's
    // 'mirror' (unlike the other ndimage filters, where it is 'reflect').
    let mode = match opts.mode {
        Mode::GridMirror => Mode::Mirror,
        m => m.for_filter(),
    };
    let padded = pad(&v, &before, &after, mode, T::from_f64(mode.cval()));
    // Offsets (in the padded array) of the passed window positions, C order over `wshape`.
    let mut pstrides = vec![1usize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        pstrides[d] = pstrides[d + 1] * padded.shape()[d + 1];
    }
    let mut offs = Vec::with_capacity(foot.len());
    let mut idx = vec![0usize; k];
    for &f in &foot {
        if f {
            offs.push(idx.iter().zip(&axes).map(|(&i, &ax)| i * pstrides[ax]).sum::<usize>());
        }
        for j in (0..k).rev() {
            idx[j] += 1;
            if idx[j] < wshape[j] {
                break;
            }
            idx[j] = 0;
        }
    }
    let out = nd_lines(&padded, &out_shape, 2_000, |p, base, line: &mut [U]| {
        let mut buf: Vec<T> = Vec::with_capacity(offs.len());
        for (e, o) in line.iter_mut().enumerate() {
            buf.clear();
            buf.extend(offs.iter().map(|&w| p[base + e + w]));
            *o = function(&buf);
        }
    });
    to_dim(out)
}
