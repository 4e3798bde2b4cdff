//! Order-statistic and moving-window filters: uniform, minimum/maximum, rank, percentile,
//! median and generic filters.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::extreme::moving_extreme;
use crate::filters::rows::{inner_len, row_filter};
use crate::mode::{Mode, Modes};
use crate::support::{
    c_order, check_alloc, check_axes, dyn_view, expand_to_axes, extents, footprint_offsets, lane_filter,
    nd_points, origins, pad, per_axis, to_dim, try_filled,
};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension};
use sci_array::normalize_axis;
use std::cmp::Ordering;

/// The window of a footprint-based filter: a box `size` or a boolean `footprint`, plus the
/// boundary `mode` and `origin` (SciPy's `size`, `footprint`, `mode`, `cval`, `origin`).
///
/// `size` has one entry for all axes or one per axis; `footprint`, when given, wins over
/// `size` (SciPy warns and ignores `size`). `origin` may be empty (zeros), one value, or one
/// per axis. With `axes` (SciPy's `axes=`), only the listed axes are filtered: `size`,
/// `origin`, a `mode` sequence and the footprint's rank then follow `axes`. A sequence of
/// modes needs a separable window (a box `size` or an all-true footprint) and the minimum or
/// maximum filter (or a rank filter whose rank picks the minimum or maximum), as in SciPy.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{FootprintOptions, Mode, Modes};
/// let o = FootprintOptions::size(&[3]);
/// assert_eq!(o.size, vec![3]);
/// assert_eq!(o.mode, Modes::All(Mode::Reflect));
/// let o = FootprintOptions::size(&[3]).with_mode([Mode::Wrap, Mode::Nearest]);
/// assert_eq!(o.mode, Modes::PerAxis(vec![Mode::Wrap, Mode::Nearest]));
/// // Along axis 1 only (SciPy's `axes=[1]`).
/// use sci_ndimage::maximum_filter;
/// use sci_ndimage::sci_array::ndarray::array;
/// let o = FootprintOptions { axes: Some(vec![1]), ..FootprintOptions::size(&[2]) };
/// assert_eq!(maximum_filter(&array![[1, 5, 2], [7, 0, 3]], &o).unwrap(), array![[1, 5, 5], [7, 7, 3]]);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FootprintOptions {
    /// Box size per axis (or one for all); ignored when `footprint` is set.
    pub size: Vec<usize>,
    /// Boolean footprint of the same rank as the input.
    pub footprint: Option<ArrayD<bool>>,
    /// Boundary mode: one for every axis (default `Reflect`) or one per filtered axis.
    pub mode: Modes,
    /// Origin per axis (or one for all, or empty for zeros).
    pub origin: Vec<isize>,
    /// The axes to filter along (`None`: all). `size`, `origin` and the footprint's rank then
    /// follow the listed axes, as SciPy's `axes=`.
    pub axes: Option<Vec<isize>>,
}

impl FootprintOptions {
    /// A box window of the given size (one entry for all axes, or one per axis).
    pub fn size(size: &[usize]) -> Self {
        FootprintOptions { size: size.to_vec(), ..Default::default() }
    }

    /// A window given by a boolean footprint.
    pub fn footprint<S: Data<Elem = bool>, D: Dimension>(fp: &ArrayBase<S, D>) -> Self {
        FootprintOptions { footprint: Some(fp.to_owned().into_dyn()), ..Default::default() }
    }

    /// The same options with another mode (a [`Mode`] or one per filtered axis).
    pub fn with_mode(mut self, mode: impl Into<Modes>) -> Self {
        self.mode = mode.into();
        self
    }
}

/// A resolved window: either separable box sizes or an explicit footprint.
pub(crate) enum Window {
    Sizes(Vec<usize>),
    Foot(ArrayD<bool>),
}

/// Resolve size / footprint as SciPy's `_min_or_max_filter` and `_rank_filter` do.
pub(crate) fn resolve(size: &[usize], footprint: Option<&ArrayD<bool>>, nd: usize) -> Result<Window> {
    match footprint {
        Some(fp) => {
            if fp.ndim() != nd {
                return Err(invalid("footprint", "footprint array has incorrect shape."));
            }
            if !fp.iter().any(|&b| b) {
                return Err(invalid("footprint", "All-zero footprint is not supported."));
            }
            Ok(Window::Foot(fp.clone()))
        }
        None => {
            if size.is_empty() && nd == 0 {
                // No axis to filter (SciPy's `axes=()`): the empty size list is complete.
                return Ok(Window::Sizes(vec![]));
            }
            if size.is_empty() {
                return Err(invalid("size", "no footprint provided"));
            }
            let s = per_axis(size, nd, "size")?;
            if s.contains(&0) {
                return Err(invalid("size", "incorrect filter size"));
            }
            Ok(Window::Sizes(s))
        }
    }
}

/// The filtered axes (SciPy's `axes`) and the window over them.
pub(crate) fn resolve_axes(
    size: &[usize],
    footprint: Option<&ArrayD<bool>>,
    nd: usize,
    axes: Option<&[isize]>,
) -> Result<(Vec<usize>, Window)> {
    let axes = check_axes(axes, nd)?;
    let w = resolve(size, footprint, axes.len())?;
    Ok((axes, w))
}

/// Number of true positions of a window (NumPy's "array is too big" for a box whose
/// footprint SciPy could not allocate).
fn window_len(w: &Window) -> Result<usize> {
    match w {
        Window::Foot(f) => Ok(f.iter().filter(|&&b| b).count()),
        Window::Sizes(s) => {
            check_alloc(s, 1, "size")?;
            Ok(s.iter().product())
        }
    }
}

/// The all-true footprint of a box window (SciPy's `np.ones(size, dtype=bool)`, a
/// `MemoryError` when too big).
fn box_footprint(sizes: &[usize]) -> Result<ArrayD<bool>> {
    try_filled(sizes, true, "size")
}

/// Pad extents for a footprint shape and origins.
pub(crate) fn pad_extents(fshape: &[usize], org: &[isize]) -> Result<(Vec<usize>, Vec<usize>)> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (d, &f) in fshape.iter().enumerate() {
        let (b, a) = extents(f, org[d])?;
        before.push(b);
        after.push(a);
    }
    Ok((before, after))
}

// ---------------------------------------------------------------- uniform

fn uniform1d_dyn<T: Element>(
    input: &ArrayViewD<'_, T>,
    size: usize,
    axis: usize,
    mode: Mode,
    origin: isize,
) -> Result<ArrayD<T>> {
    if size < 1 {
        return Err(invalid("size", "incorrect filter size"));
    }
    let (before, after) = extents(size, origin)?;
    let fs = size as f64;
    if axis + 1 < input.ndim() && inner_len(input.shape(), axis) > 1 {
        return Ok(row_filter(input, axis, size, before, mode.for_filter(), move |i, row, tmp, acc| {
            // The running sum below, on whole rows.
            if i == 0 {
                tmp.fill(0.0);
                for p in 0..size {
                    for (t, v) in tmp.iter_mut().zip(row.get(p)) {
                        *t += v;
                    }
                }
            } else {
                for ((t, a), b) in tmp.iter_mut().zip(row.get(i - 1 + size)).zip(row.get(i - 1)) {
                    *t += a - b;
                }
            }
            for (a, t) in acc.iter_mut().zip(tmp.iter()) {
                *a = t / fs;
            }
        }));
    }
    Ok(lane_filter(input, axis, before, after, mode.for_filter(), move |ext: &[f64], out: &mut [f64]| {
        // Running sum, divided at each output (SciPy >= 1.11 arithmetic).
        let mut tmp = 0.0;
        for v in &ext[..size] {
            tmp += v;
        }
        out[0] = tmp / fs;
        for l in 1..out.len() {
            tmp += ext[l - 1 + size] - ext[l - 1];
            out[l] = tmp / fs;
        }
    }))
}

/// 1-D uniform (moving-average) filter of the given `size` along `axis`, with SciPy's
/// running-sum arithmetic (sum updated by `in - out` per step, divided by `size` per output).
///
/// SciPy equivalent: `scipy.ndimage.uniform_filter1d`.
///
/// # Errors
///
/// `size < 1`, invalid origin, axis out of range.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{uniform_filter1d, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = uniform_filter1d(&array![2, 8, 0, 4, 1, 9, 9, 0], 3, -1, Mode::Reflect, 0).unwrap();
/// assert_eq!(r, array![4, 3, 4, 1, 4, 6, 6, 3]);
/// ```
pub fn uniform_filter1d<T, S, D>(
    input: &ArrayBase<S, D>,
    size: usize,
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
    to_dim(uniform1d_dyn(&dyn_view(input), size, ax, mode, origin)?)
}

/// SciPy's `uniform_filter`: 1-D passes along the filtered axes whose size is above 1.
fn uniform_dyn<T: Element>(
    view: &ArrayViewD<'_, T>,
    size: &[usize],
    mode: &Modes,
    origin: &[isize],
    axes: Option<&[isize]>,
) -> Result<ArrayD<T>> {
    let axes = check_axes(axes, view.ndim())?;
    let k = axes.len();
    let sizes = per_axis(size, k, "size")?;
    let org = origins(origin, k)?;
    let modes = mode.per_axis(k)?;
    // No copy of the input: the first pass reads it directly.
    let mut cur: Option<ArrayD<T>> = None;
    // As SciPy, axes of size 0 or 1 are left alone (only uniform_filter1d rejects size 0).
    for (j, &ax) in axes.iter().enumerate() {
        if sizes[j] > 1 {
            let src = cur.as_ref().map_or_else(|| view.view(), |c| c.view());
            cur = Some(uniform1d_dyn(&src, sizes[j], ax, modes[j], org[j])?);
        }
    }
    Ok(cur.unwrap_or_else(|| view.to_owned()))
}

/// Multidimensional uniform filter: [`uniform_filter1d`] along every axis whose size is
/// above 1 (intermediates stored in the input's type, as SciPy). `mode` is one [`Mode`] or
/// one per axis. [`uniform_filter_axes`] filters along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.uniform_filter`.
///
/// # Errors
///
/// `size`, `origin` or a `mode` sequence of a wrong length, an invalid origin. A size of 0
/// or 1 leaves that axis unfiltered, as in SciPy.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{uniform_filter, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 0.0]];
/// let r = uniform_filter(&a, &[3], Mode::Constant(0.0), &[]).unwrap();
/// assert_eq!(r, array![[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]);
/// ```
pub fn uniform_filter<T, S, D>(
    input: &ArrayBase<S, D>,
    size: &[usize],
    mode: impl Into<Modes>,
    origin: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(uniform_dyn(&dyn_view(input), size, &mode.into(), origin, None)?)
}

/// [`uniform_filter`] along the listed `axes` only (SciPy's `axes=`): `size`, `origin` and a
/// `mode` sequence have one entry (or one for all) per listed axis, in the order of `axes`.
///
/// SciPy equivalent: `scipy.ndimage.uniform_filter(..., axes=axes)`.
///
/// # Errors
///
/// As [`uniform_filter`]; an axis out of range ("specified axis: 2 is out of range") or
/// listed twice ("axes must be unique").
///
/// # Examples
///
/// ```
/// use sci_ndimage::{uniform_filter_axes, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 0.0]];
/// let r = uniform_filter_axes(&a, &[3], Mode::Constant(0.0), &[], &[-1]).unwrap();
/// assert_eq!(r, array![[0.0, 0.0, 0.0], [3.0, 3.0, 3.0], [0.0, 0.0, 0.0]]);
/// ```
pub fn uniform_filter_axes<T, S, D>(
    input: &ArrayBase<S, D>,
    size: &[usize],
    mode: impl Into<Modes>,
    origin: &[isize],
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(uniform_dyn(&dyn_view(input), size, &mode.into(), origin, Some(axes))?)
}

// ---------------------------------------------------------------- minimum / maximum

pub(crate) fn minmax1d_dyn<T: Element>(
    input: &ArrayViewD<'_, T>,
    size: usize,
    axis: usize,
    mode: Mode,
    origin: isize,
    minimum: bool,
) -> Result<ArrayD<T>> {
    if size < 1 {
        return Err(invalid("size", "incorrect filter size"));
    }
    let (before, _) = extents(size, origin)?;
    let data = c_order(input);
    Ok(moving_extreme(&data, input.shape(), axis, size, before, mode.for_filter(), minimum))
}

/// The minimum/maximum filter of SciPy's `_min_or_max_filter`, with an optional additive
/// structuring element (grey morphology). `window`, `structure` and `origin` are over the
/// filtered `axes` (in their order); `structure` is already negated for minimum.
pub(crate) fn min_or_max_dyn<T: Element>(
    input: &ArrayViewD<'_, T>,
    window: Window,
    structure: Option<&ArrayD<f64>>,
    mode: &Modes,
    origin: &[isize],
    minimum: bool,
    axes: &[usize],
) -> Result<ArrayD<T>> {
    let nd = input.ndim();
    let org = origins(origin, axes.len())?;
    match (window, structure) {
        (Window::Sizes(s), None) => {
            let modes = mode.per_axis(axes.len())?;
            let mut cur: Option<ArrayD<T>> = None;
            for (j, &ax) in axes.iter().enumerate() {
                if s[j] > 1 {
                    let src = cur.as_ref().map_or_else(|| input.view(), |c| c.view());
                    cur = Some(minmax1d_dyn(&src, s[j], ax, modes[j], org[j], minimum)?);
                } else {
                    extents(s[j], org[j])?;
                }
            }
            Ok(cur.unwrap_or_else(|| input.to_owned()))
        }
        (Window::Foot(fp), None) if fp.iter().all(|&b| b) => {
            min_or_max_dyn(input, Window::Sizes(fp.shape().to_vec()), None, mode, origin, minimum, axes)
        }
        (w, st) => {
            let fp = match w {
                Window::Foot(f) => f,
                Window::Sizes(s) => box_footprint(&s)?,
            };
            if let Some(st) = st {
                if st.shape() != fp.shape() {
                    return Err(invalid("structure", "structure array has incorrect shape"));
                }
            }
            // The window over all axes (length 1 along the others), as SciPy expands it.
            let (fp, org) = expand_to_axes(fp, org, axes, nd, "footprint")?;
            let st = match st {
                Some(s) => Some(expand_to_axes(s.clone(), vec![], axes, nd, "structure")?.0),
                None => None,
            };
            let st = st.as_ref();
            let (before, after) = pad_extents(fp.shape(), &org)?;
            let mode = mode.single("A sequence of modes is not supported for non-separable footprints")?;
            if input.is_empty() {
                return Ok(input.to_owned());
            }
            let mode = mode.for_filter();
            let padded = pad(input, &before, &after, mode, T::from_f64(mode.cval()));
            let fstd = fp.as_standard_layout();
            let foot: Vec<bool> = fstd.iter().copied().collect();
            let offs = footprint_offsets(padded.shape(), fp.shape(), &foot);
            let ss: Option<Vec<f64>> = st.map(|s| {
                let s = s.as_standard_layout();
                s.iter().zip(&foot).filter(|(_, f)| **f).map(|(v, _)| *v).collect()
            });
            let out = nd_points(&padded, input.shape(), |p, base| {
                // As SciPy's kernel: the first value gets the structure added in double
                // precision, the others the structure value cast to the input's type (this
                // differs only for integer inputs with non-integral structures).
                let get = |j: usize| {
                    let v = p[base + offs[j]];
                    match &ss {
                        Some(s) if j == 0 => T::from_f64(v.to_f64() + s[0]),
                        Some(s) => T::from_f64(v.to_f64() + T::from_f64(s[j]).to_f64()),
                        None => v,
                    }
                };
                let mut res = get(0);
                for j in 1..offs.len() {
                    let t = get(j);
                    let take = if minimum { t < res } else { t > res };
                    if take {
                        res = t;
                    }
                }
                Wrap(res)
            });
            Ok(out.mapv(|w| w.0))
        }
    }
}

/// A `Default` wrapper so that [`nd_points`] can pre-fill its output.
#[derive(Clone, Copy)]
struct Wrap<T>(T);
impl<T: Element> Default for Wrap<T> {
    fn default() -> Self {
        Wrap(T::from_f64(0.0))
    }
}

macro_rules! minmax1d_fn {
    ($name:ident, $min:expr, $scipy:literal, $doc:literal, $example:literal, $nan:literal) => {
        #[doc = $doc]
        ///
        /// NaN and infinities give SciPy's values: lanes holding a NaN follow SciPy's
        /// ring-buffer deque walk exactly, in which a NaN stays the result until a later value
        /// beats the window's extreme (so it does not always spread over the window).
        ///
        #[doc = concat!("SciPy equivalent: `scipy.ndimage.", $scipy, "`.")]
        ///
        /// # Errors
        ///
        /// `size < 1`, invalid origin, axis out of range.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use sci_ndimage::{", stringify!($name), ", Mode};")]
        /// use sci_ndimage::sci_array::ndarray::array;
        #[doc = concat!("let r = ", stringify!($name), "(&array![2, 8, 0, 4, 1, 9, 9, 0], 3, -1, Mode::Reflect, 0).unwrap();")]
        #[doc = $example]
        /// let nan = f64::NAN;
        #[doc = concat!("let r = ", stringify!($name), "(&array![1.0, nan, 3.0, f64::INFINITY, 0.0], 3, -1, Mode::Reflect, 0).unwrap();")]
        #[doc = $nan]
        /// ```
        pub fn $name<T, S, D>(input: &ArrayBase<S, D>, size: usize, axis: isize, mode: Mode, origin: isize) -> Result<Array<T, D>>
        where
            T: Element,
            S: Data<Elem = T>,
            D: Dimension,
        {
            let ax = normalize_axis(axis, input.ndim(), "axis")?;
            to_dim(minmax1d_dyn(&dyn_view(input), size, ax, mode, origin, $min)?)
        }
    };
}

minmax1d_fn!(
    minimum_filter1d,
    true,
    "minimum_filter1d",
    "1-D moving minimum of width `size` along `axis`.",
    "assert_eq!(r, array![2, 0, 0, 0, 1, 1, 0, 0]);",
    "assert_eq!(r.mapv(|v| v.to_string()), array![\"1\", \"1\", \"NaN\", \"0\", \"0\"].mapv(String::from));"
);
minmax1d_fn!(
    maximum_filter1d,
    false,
    "maximum_filter1d",
    "1-D moving maximum of width `size` along `axis`.",
    "assert_eq!(r, array![8, 8, 8, 4, 9, 9, 9, 9]);",
    "assert_eq!(r, array![1.0, 3.0, f64::INFINITY, f64::INFINITY, f64::INFINITY]);"
);

macro_rules! minmax_fn {
    ($name:ident, $min:expr, $scipy:literal, $doc:literal, $example:literal) => {
        #[doc = $doc]
        ///
        /// A box `size` (or an all-true footprint) is done as separable 1-D passes; a general
        /// footprint visits its true positions. NaN gives SciPy's values on both paths: the
        /// 1-D passes follow SciPy's deque walk (see [`maximum_filter1d`]); a footprint starts
        /// from its first true position and takes a value only when it compares greater
        /// (smaller), so a NaN there is kept and a NaN elsewhere is skipped.
        ///
        #[doc = concat!("SciPy equivalent: `scipy.ndimage.", $scipy, "`.")]
        ///
        /// # Errors
        ///
        /// Neither size nor footprint, an all-false footprint, wrong ranks, invalid origin.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use sci_ndimage::{", stringify!($name), ", FootprintOptions};")]
        /// use sci_ndimage::sci_array::ndarray::array;
        /// let a = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
        #[doc = concat!("let r = ", stringify!($name), "(&a, &FootprintOptions::size(&[2])).unwrap();")]
        #[doc = $example]
        /// ```
        pub fn $name<T, S, D>(input: &ArrayBase<S, D>, opts: &FootprintOptions) -> Result<Array<T, D>>
        where
            T: Element,
            S: Data<Elem = T>,
            D: Dimension,
        {
            let (axes, w) =
                resolve_axes(&opts.size, opts.footprint.as_ref(), input.ndim(), opts.axes.as_deref())?;
            to_dim(min_or_max_dyn(&dyn_view(input), w, None, &opts.mode, &opts.origin, $min, &axes)?)
        }
    };
}

minmax_fn!(
    minimum_filter,
    true,
    "minimum_filter",
    "Multidimensional minimum filter.",
    "assert_eq!(r, array![[1, 1, 2], [1, 1, 2], [4, 4, 5]]);"
);
minmax_fn!(
    maximum_filter,
    false,
    "maximum_filter",
    "Multidimensional maximum filter.",
    "assert_eq!(r, array![[1, 2, 3], [4, 5, 6], [7, 8, 9]]);"
);

// ---------------------------------------------------------------- rank / median / percentile / generic

/// Footprint, padded input (as `f64`, constant `cval` as given) and offsets for the
/// value-gathering filters.
fn gather_setup<T: Element>(
    input: &ArrayViewD<'_, T>,
    opts: &FootprintOptions,
) -> Result<(ArrayD<bool>, Option<(ArrayD<f64>, Vec<usize>)>)> {
    let nd = input.ndim();
    let (axes, w) = resolve_axes(&opts.size, opts.footprint.as_ref(), nd, opts.axes.as_deref())?;
    let fp = match w {
        Window::Foot(f) => f,
        Window::Sizes(s) => box_footprint(&s)?,
    };
    let org = origins(&opts.origin, axes.len())?;
    let (fp, org) = expand_to_axes(fp, org, &axes, nd, "footprint")?;
    let (before, after) = pad_extents(fp.shape(), &org)?;
    if input.is_empty() {
        return Ok((fp, None));
    }
    let mode = opts.mode.single("boundary mode not supported")?.for_filter();
    let padded = pad(&input.mapv(|v| v.to_f64()).view(), &before, &after, mode, mode.cval());
    let foot: Vec<bool> = fp.as_standard_layout().iter().copied().collect();
    let offs = footprint_offsets(padded.shape(), fp.shape(), &foot);
    Ok((fp, Some((padded, offs))))
}

/// The median of 9 values by Paeth's exchange network (19 compare-exchanges, in registers and
/// without branches).
fn median9(p: &[f64]) -> f64 {
    let [mut p0, mut p1, mut p2, mut p3, mut p4, mut p5, mut p6, mut p7, mut p8] =
        [p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]];
    macro_rules! sort {
        ($a:ident, $b:ident) => {
            let (x, y) = ($a, $b);
            $a = if y < x { y } else { x };
            $b = if y < x { x } else { y };
        };
    }
    sort!(p1, p2);
    sort!(p4, p5);
    sort!(p7, p8);
    sort!(p0, p1);
    sort!(p3, p4);
    sort!(p6, p7);
    sort!(p1, p2);
    sort!(p4, p5);
    sort!(p7, p8);
    sort!(p0, p3);
    sort!(p5, p8);
    sort!(p4, p7);
    sort!(p3, p6);
    sort!(p1, p4);
    sort!(p2, p5);
    sort!(p4, p7);
    sort!(p4, p2);
    sort!(p6, p4);
    sort!(p4, p2);
    let _ = (p0, p1, p2, p3, p5, p6, p7, p8);
    p4
}

/// SciPy's `_rank_filter` with a sequence of modes: the minimum (rank 0) or maximum (last
/// rank) goes to the minimum/maximum filter over all axes, which takes one mode per axis when
/// the footprint is separable; any other rank is an error. As in SciPy, the footprint and the
/// origins over the listed axes are expanded as for the other rank filters (in axis order),
/// while the modes are placed at their listed axes.
fn rank_mode_sequence<T: Element>(
    input: &ArrayViewD<'_, T>,
    rank: isize,
    opts: &FootprintOptions,
) -> Result<ArrayD<T>> {
    let nd = input.ndim();
    let (axes, w) = resolve_axes(&opts.size, opts.footprint.as_ref(), nd, opts.axes.as_deref())?;
    let modes = opts.mode.per_axis(axes.len())?;
    let fsize = window_len(&w)? as isize;
    let r = if rank < 0 { rank + fsize } else { rank };
    if r < 0 || r >= fsize {
        return Err(invalid("rank", "rank not within filter footprint size"));
    }
    if r != 0 && r != fsize - 1 {
        return Err(invalid("mode", "A sequence of modes is not supported by non-separable rank filters"));
    }
    let fp = match w {
        Window::Foot(f) => f,
        Window::Sizes(s) => box_footprint(&s)?,
    };
    let org = origins(&opts.origin, axes.len())?;
    let (fp, org) = expand_to_axes(fp, org, &axes, nd, "footprint")?;
    let mut full = vec![Mode::Constant(0.0); nd];
    for (m, &ax) in modes.into_iter().zip(&axes) {
        full[ax] = m;
    }
    let all: Vec<usize> = (0..nd).collect();
    min_or_max_dyn(input, Window::Foot(fp), None, &Modes::PerAxis(full), &org, r == 0, &all)
}

fn rank_dyn<T: Element>(
    input: &ArrayViewD<'_, T>,
    rank: isize,
    opts: &FootprintOptions,
) -> Result<ArrayD<T>> {
    if let Modes::PerAxis(_) = &opts.mode {
        return rank_mode_sequence(input, rank, opts);
    }
    let (fp, setup) = gather_setup(input, opts)?;
    let fsize = fp.iter().filter(|&&b| b).count() as isize;
    let r = if rank < 0 { rank + fsize } else { rank };
    if r < 0 || r >= fsize {
        return Err(invalid("rank", "rank not within filter footprint size"));
    }
    let Some((padded, offs)) = setup else { return Ok(input.to_owned()) };
    let r = r as usize;
    let select = |buf: &mut [f64]| {
        if buf.len() == 9 && r == 4 {
            return median9(buf);
        }
        if buf.len() <= 16 {
            // Small windows: an insertion sort beats the general selection (same order: NaN
            // compares as equal).
            for i in 1..buf.len() {
                let v = buf[i];
                let mut j = i;
                while j > 0 && v < buf[j - 1] {
                    buf[j] = buf[j - 1];
                    j -= 1;
                }
                buf[j] = v;
            }
            return buf[r];
        }
        let (_, v, _) = buf.select_nth_unstable_by(r, |a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
        *v
    };
    let out = nd_points(&padded, input.shape(), |p, base| {
        // Windows of up to 64 values are gathered on the stack (no allocation per point).
        if offs.len() <= 64 {
            let mut buf = [0.0f64; 64];
            for (b, &o) in buf.iter_mut().zip(&offs) {
                *b = p[base + o];
            }
            select(&mut buf[..offs.len()])
        } else {
            select(&mut offs.iter().map(|&o| p[base + o]).collect::<Vec<f64>>())
        }
    });
    Ok(out.mapv(T::from_f64))
}

/// Multidimensional rank filter: the `rank`-th smallest value in the window (negative
/// ranks count from the largest).
///
/// SciPy equivalent: `scipy.ndimage.rank_filter`.
///
/// # Errors
///
/// `rank` outside the footprint size ("rank not within filter footprint size"), and the
/// errors of [`FootprintOptions`] resolution.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{rank_filter, FootprintOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = rank_filter(&array![2, 8, 0, 4, 1, 9, 9, 0], 1, &FootprintOptions::size(&[3])).unwrap();
/// assert_eq!(r, array![2, 2, 4, 1, 4, 9, 9, 0]);
/// ```
pub fn rank_filter<T, S, D>(
    input: &ArrayBase<S, D>,
    rank: isize,
    opts: &FootprintOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(rank_dyn(&dyn_view(input), rank, opts)?)
}

/// Multidimensional median filter (rank `filter_size / 2`).
///
/// SciPy equivalent: `scipy.ndimage.median_filter`.
///
/// # Errors
///
/// As [`rank_filter`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{median_filter, FootprintOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = median_filter(&array![2.0, 8.0, 0.0, 4.0, 1.0, 9.0, 9.0, 0.0], &FootprintOptions::size(&[3])).unwrap();
/// assert_eq!(r, array![2.0, 2.0, 4.0, 1.0, 4.0, 9.0, 9.0, 0.0]);
/// ```
pub fn median_filter<T, S, D>(input: &ArrayBase<S, D>, opts: &FootprintOptions) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let fp = window_len(
        &resolve_axes(&opts.size, opts.footprint.as_ref(), input.ndim(), opts.axes.as_deref())?.1,
    )?;
    to_dim(rank_dyn(&dyn_view(input), (fp / 2) as isize, opts)?)
}

/// Multidimensional percentile filter: rank `int(filter_size * percentile / 100)`
/// (`percentile` may be negative, counted from 100).
///
/// SciPy equivalent: `scipy.ndimage.percentile_filter`.
///
/// # Errors
///
/// `percentile` outside `-100..=100` ("invalid percentile"), and as [`rank_filter`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{percentile_filter, FootprintOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = percentile_filter(&array![2, 8, 0, 4, 1, 9, 9, 0], 20.0, &FootprintOptions::size(&[5])).unwrap();
/// assert_eq!(r, array![2, 2, 1, 1, 1, 1, 0, 0]);
/// ```
pub fn percentile_filter<T, S, D>(
    input: &ArrayBase<S, D>,
    percentile: f64,
    opts: &FootprintOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let fsize = window_len(
        &resolve_axes(&opts.size, opts.footprint.as_ref(), input.ndim(), opts.axes.as_deref())?.1,
    )?;
    let mut p = percentile;
    if p < 0.0 {
        p += 100.0;
    }
    if !(0.0..=100.0).contains(&p) {
        return Err(invalid("percentile", "invalid percentile"));
    }
    let rank = if p == 100.0 { fsize - 1 } else { (fsize as f64 * p / 100.0) as usize };
    to_dim(rank_dyn(&dyn_view(input), rank as isize, opts)?)
}

/// Multidimensional filter with a user function: `function` receives the window's values
/// (as `f64`, in footprint C order, `cval` for constant extension) and returns the output
/// value, cast to the input's type.
///
/// SciPy equivalent: `scipy.ndimage.generic_filter` (with a Python callable).
///
/// # Errors
///
/// As [`FootprintOptions`] resolution.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{generic_filter, FootprintOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![1.0, 2.0, 3.0, 4.0];
/// let r = generic_filter(&a, |w| w.iter().sum::<f64>(), &FootprintOptions::size(&[3])).unwrap();
/// assert_eq!(r, array![4.0, 6.0, 9.0, 11.0]);
/// ```
pub fn generic_filter<T, S, D, F>(
    input: &ArrayBase<S, D>,
    function: F,
    opts: &FootprintOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: Fn(&[f64]) -> f64 + Sync,
{
    let v = dyn_view(input);
    let (_, setup) = gather_setup(&v, opts)?;
    let Some((padded, offs)) = setup else { return to_dim(v.to_owned()) };
    let out = nd_points(&padded, v.shape(), |p, base| {
        let buf: Vec<f64> = offs.iter().map(|&o| p[base + o]).collect();
        function(&buf)
    });
    to_dim(out.mapv(T::from_f64))
}
