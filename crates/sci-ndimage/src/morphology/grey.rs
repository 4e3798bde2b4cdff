//! Grey-scale morphology: erosion, dilation, opening, closing, top-hats, gradient.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::rank::{Window, min_or_max_dyn, resolve};
use crate::mode::Modes;
use crate::support::{check_axes, dyn_view, negate_origin, origins, per_axis, reverse_all, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension, IxDyn, Zip};

/// Options of the grey-scale morphology functions: a flat window (`size` or boolean
/// `footprint`) and/or a non-flat `structure` (values added for dilation, subtracted for
/// erosion), plus `mode` and `origin`, with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_ndimage::GreyOptions;
/// let o = GreyOptions::size(&[3, 3]);
/// assert!(o.footprint.is_none() && o.structure.is_none());
/// // Along axis 0 only (SciPy's `axes=[0]`).
/// use sci_ndimage::grey_erosion;
/// use sci_ndimage::sci_array::ndarray::array;
/// let o = GreyOptions { axes: Some(vec![0]), ..GreyOptions::size(&[2]) };
/// assert_eq!(grey_erosion(&array![[1, 5, 2], [7, 0, 3]], &o).unwrap(), array![[1, 5, 2], [1, 0, 2]]);
/// // One mode per axis (a box window only): wrap along axis 1, the constant 9 along axis 0.
/// use sci_ndimage::Mode;
/// let o = GreyOptions { mode: vec![Mode::Constant(9.0), Mode::Wrap].into(), ..GreyOptions::size(&[1, 2]) };
/// assert_eq!(grey_erosion(&array![[1, 5, 2], [7, 0, 3]], &o).unwrap(), array![[1, 1, 2], [3, 0, 0]]);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GreyOptions {
    /// Flat box size (one entry for all axes or one per axis).
    pub size: Vec<usize>,
    /// Flat boolean footprint (wins over `size`).
    pub footprint: Option<ArrayD<bool>>,
    /// Non-flat structuring element (its shape is the footprint when `footprint` is absent).
    pub structure: Option<ArrayD<f64>>,
    /// Boundary mode: one for every axis (default `Reflect`) or, for a flat box window
    /// (`size` or an all-true footprint), one per filtered axis, as SciPy.
    pub mode: Modes,
    /// Origin per axis (empty: zeros).
    pub origin: Vec<isize>,
    /// The axes to work along (`None`: all); `size`, `origin` and the ranks of `footprint`
    /// and `structure` then follow the listed axes.
    pub axes: Option<Vec<isize>>,
}

impl GreyOptions {
    /// A flat box window.
    pub fn size(size: &[usize]) -> Self {
        GreyOptions { size: size.to_vec(), ..Default::default() }
    }

    /// A flat window given by a boolean footprint.
    pub fn footprint<S: Data<Elem = bool>, D: Dimension>(fp: &ArrayBase<S, D>) -> Self {
        GreyOptions { footprint: Some(fp.to_owned().into_dyn()), ..Default::default() }
    }

    /// A non-flat structuring element.
    pub fn structure<S: Data<Elem = f64>, D: Dimension>(st: &ArrayBase<S, D>) -> Self {
        GreyOptions { structure: Some(st.to_owned().into_dyn()), ..Default::default() }
    }
}

/// The filtered axes, after SciPy's argument checks.
fn check(opts: &GreyOptions, nd: usize) -> Result<Vec<usize>> {
    let axes = check_axes(opts.axes.as_deref(), nd)?;
    // An empty size is a complete one when no axis is filtered (SciPy's `size=[], axes=()`).
    if opts.size.is_empty() && opts.footprint.is_none() && opts.structure.is_none() && !axes.is_empty() {
        return Err(invalid("size", "size, footprint, or structure must be specified"));
    }
    if let Some(s) = &opts.structure {
        if s.ndim() != axes.len() {
            return Err(invalid("structure", "structure array has incorrect shape"));
        }
        // SciPy fails on a structure without elements (a RuntimeError from its C code).
        if s.is_empty() {
            return Err(invalid("structure", "structure must not be empty"));
        }
    }
    Ok(axes)
}

fn window_of(
    opts: &GreyOptions,
    footprint: Option<&ArrayD<bool>>,
    structure: Option<&ArrayD<f64>>,
    k: usize,
) -> Result<Window> {
    match (footprint, structure) {
        (None, Some(s)) => Ok(Window::Foot(ArrayD::from_elem(s.raw_dim(), true))),
        (fp, _) => resolve(&opts.size, fp, k),
    }
}

pub(crate) fn erosion_dyn<T: Element>(input: &ArrayViewD<'_, T>, opts: &GreyOptions) -> Result<ArrayD<T>> {
    let axes = check(opts, input.ndim())?;
    let k = axes.len();
    let st = opts.structure.as_ref().map(|s| s.mapv(|v| -v));
    let w = window_of(opts, opts.footprint.as_ref(), opts.structure.as_ref(), k)?;
    if let (Window::Foot(f), Some(_)) = (&w, &st) {
        if f.ndim() != k {
            return Err(invalid("footprint", "footprint array has incorrect shape."));
        }
    }
    min_or_max_dyn(input, w, st.as_ref(), &opts.mode, &opts.origin, true, &axes)
}

pub(crate) fn dilation_dyn<T: Element>(input: &ArrayViewD<'_, T>, opts: &GreyOptions) -> Result<ArrayD<T>> {
    let axes = check(opts, input.ndim())?;
    let k = axes.len();
    let st = opts.structure.as_ref().map(reverse_all);
    let fp = opts.footprint.as_ref().map(reverse_all);
    let mut org = origins(&opts.origin, k)?;
    let sizes = if opts.size.is_empty() { Vec::new() } else { per_axis(&opts.size, k, "size")? };
    for d in 0..k {
        org[d] = negate_origin(org[d])?;
        let sz = if let Some(f) = &fp {
            f.shape().get(d).copied().unwrap_or(1)
        } else if let Some(s) = &st {
            s.shape()[d]
        } else {
            sizes[d]
        };
        if sz % 2 == 0 {
            org[d] -= 1;
        }
    }
    let w = window_of(opts, fp.as_ref(), st.as_ref(), k)?;
    min_or_max_dyn(input, w, st.as_ref(), &opts.mode, &org, false, &axes)
}

/// `a - b` in the element type (bool: xor); unsigned underflow saturates at 0 instead of
/// wrapping.
fn subtract<T: Element>(a: &ArrayD<T>, b: &ArrayD<T>) -> ArrayD<T> {
    let mut out = ArrayD::from_elem(IxDyn(a.shape()), T::from_f64(0.0));
    Zip::from(&mut out).and(a).and(b).for_each(|o, &x, &y| {
        *o = if T::IS_BOOL {
            T::from_f64(((x.to_f64() != 0.0) != (y.to_f64() != 0.0)) as u8 as f64)
        } else {
            T::from_f64(x.to_f64() - y.to_f64())
        };
    });
    out
}

macro_rules! grey_fn {
    ($name:ident, $scipy:literal, $doc:literal, $body:expr, $example:literal) => {
        #[doc = $doc]
        ///
        /// NaN and infinities give SciPy's values: a box `size` takes SciPy's separable 1-D
        /// passes (see [`maximum_filter1d`](crate::maximum_filter1d)), a footprint or
        /// structure its footprint loop (see [`maximum_filter`](crate::maximum_filter)).
        ///
        #[doc = concat!("SciPy equivalent: `scipy.ndimage.", $scipy, "`.")]
        ///
        /// # Errors
        ///
        /// None of size, footprint or structure given; wrong ranks; an empty structure; invalid origin.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use sci_ndimage::{", stringify!($name), ", GreyOptions};")]
        /// use sci_ndimage::sci_array::ndarray::{array, s, Array2};
        /// let mut a = Array2::<i64>::zeros((7, 7));
        /// a.slice_mut(s![1..6, 1..6]).fill(3);
        /// a[[4, 4]] = 2;
        /// a[[2, 3]] = 1;
        #[doc = concat!("let r = ", stringify!($name), "(&a, &GreyOptions::size(&[3, 3])).unwrap();")]
        #[doc = $example]
        /// ```
        pub fn $name<T, S, D>(input: &ArrayBase<S, D>, opts: &GreyOptions) -> Result<Array<T, D>>
        where
            T: Element,
            S: Data<Elem = T>,
            D: Dimension,
        {
            let f: fn(&ArrayViewD<'_, T>, &GreyOptions) -> Result<ArrayD<T>> = $body;
            to_dim(f(&dyn_view(input), opts)?)
        }
    };
}

grey_fn!(
    grey_erosion,
    "grey_erosion",
    "Grey-scale erosion: the minimum over the window (of `input - structure` when a structure is given).",
    |v, o| erosion_dyn(v, o),
    "assert_eq!(r.row(3), array![0, 0, 1, 1, 1, 0, 0]);\nassert_eq!(r.row(2), array![0, 0, 1, 1, 1, 0, 0]);"
);
grey_fn!(
    grey_dilation,
    "grey_dilation",
    "Grey-scale dilation: the maximum over the reflected window (of `input + structure`).",
    |v, o| dilation_dyn(v, o),
    "assert_eq!(r.row(0), array![3, 3, 3, 3, 3, 3, 3]);"
);
grey_fn!(
    grey_opening,
    "grey_opening",
    "Grey-scale opening: erosion followed by dilation.",
    |v, o| dilation_dyn(&erosion_dyn(v, o)?.view(), o),
    "assert_eq!(r.row(3), array![0, 3, 3, 3, 2, 2, 0]);"
);
grey_fn!(
    grey_closing,
    "grey_closing",
    "Grey-scale closing: dilation followed by erosion.",
    |v, o| erosion_dyn(&dilation_dyn(v, o)?.view(), o),
    "assert_eq!(r.row(2), array![3, 3, 3, 3, 3, 3, 3]);"
);
grey_fn!(
    white_tophat,
    "white_tophat",
    "White top-hat: `input - grey_opening(input)` (xor for booleans).",
    |v, o| {
        let op = dilation_dyn(&erosion_dyn(v, o)?.view(), o)?;
        Ok(subtract(&v.to_owned(), &op))
    },
    "assert_eq!(r.row(2), array![0, 2, 2, 0, 2, 2, 0]);"
);
grey_fn!(
    black_tophat,
    "black_tophat",
    "Black top-hat: `grey_closing(input) - input` (xor for booleans).",
    |v, o| {
        let cl = erosion_dyn(&dilation_dyn(v, o)?.view(), o)?;
        Ok(subtract(&cl, &v.to_owned()))
    },
    "assert_eq!(r.row(4), array![3, 0, 0, 0, 1, 0, 3]);"
);
grey_fn!(
    morphological_gradient,
    "morphological_gradient",
    "Morphological gradient: `grey_dilation(input) - grey_erosion(input)`.",
    |v, o| {
        let d = dilation_dyn(v, o)?;
        let e = erosion_dyn(v, o)?;
        Ok(subtract(&d, &e))
    },
    "assert_eq!(r.row(4), array![3, 3, 0, 1, 1, 3, 3]);"
);
