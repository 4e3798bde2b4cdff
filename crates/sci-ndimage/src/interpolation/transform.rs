//! Geometric transforms by spline interpolation: `map_coordinates`, `affine_transform`,
//! `shift`, `zoom`, `rotate` (SciPy's `NI_GeometricTransform` / `NI_ZoomShift`).

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::interpolation::splines::{floor, spline_filter_axis, spline_weights};
use crate::mode::Mode;
use crate::support::{PAR_THRESHOLD, check_alloc, dyn_view, pad, per_axis, to_dim, try_vec};
use rayon::prelude::*;
use sci_array::ArrayError;
use sci_array::ndarray::{Array, Array2, ArrayBase, ArrayD, ArrayViewD, Data, Dimension, IxDyn};

/// Options of the interpolation functions (SciPy's defaults: cubic splines, constant 0
/// outside, prefiltering on).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{InterpOptions, Mode};
/// let o = InterpOptions::default();
/// assert_eq!((o.order, o.mode, o.prefilter), (3, Mode::Constant(0.0), true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InterpOptions {
    /// Spline order, 0 to 5 (default 3).
    pub order: usize,
    /// Boundary mode (default `Constant(0.0)`).
    pub mode: Mode,
    /// Apply the B-spline prefilter first (default true; set false when the input already
    /// holds spline coefficients).
    pub prefilter: bool,
}

impl Default for InterpOptions {
    fn default() -> Self {
        InterpOptions { order: 3, mode: Mode::Constant(0.0), prefilter: true }
    }
}

impl InterpOptions {
    /// Default options with the given spline order.
    pub fn order(order: usize) -> Self {
        InterpOptions { order, ..Default::default() }
    }
}

/// Map a coordinate outside `0..=len-1` inside, as SciPy's `map_coordinate`; -1 for the
/// constant mode.
fn map_coordinate(mut x: f64, len: usize, mode: Mode) -> f64 {
    let l = len as f64;
    let li = len as i64;
    if x < 0.0 {
        match mode {
            Mode::Mirror => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz2 = (2 * li - 2) as f64;
                    x += sz2 * ((-x / sz2) as i64) as f64;
                    x = if x <= 1.0 - l { x + sz2 } else { -x };
                }
            }
            Mode::Reflect | Mode::GridMirror => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz2 = (2 * li) as f64;
                    if x < -sz2 {
                        x += sz2 * ((-x / sz2) as i64) as f64;
                    }
                    x = if x < -l { x + sz2 } else { (if x > -1e-15 { 1e-15 } else { -x }) - 1.0 };
                }
            }
            Mode::Wrap => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz = (li - 1) as f64;
                    x += sz * ((-x / sz) as i64).saturating_add(1) as f64;
                }
            }
            Mode::GridWrap => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    x += l * (((-1.0 - x) / l) as i64).saturating_add(1) as f64;
                }
            }
            Mode::Nearest => x = 0.0,
            Mode::Constant(_) => x = -1.0,
            Mode::GridConstant(_) => {}
        }
    } else if x > l - 1.0 {
        match mode {
            Mode::Mirror => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz2 = (2 * li - 2) as f64;
                    x -= sz2 * ((x / sz2) as i64) as f64;
                    if x >= l {
                        x = sz2 - x;
                    }
                }
            }
            Mode::Reflect | Mode::GridMirror => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz2 = (2 * li) as f64;
                    x -= sz2 * ((x / sz2) as i64) as f64;
                    if x >= l {
                        x = sz2 - x - 1.0;
                    }
                }
            }
            Mode::Wrap => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    let sz = (li - 1) as f64;
                    x -= sz * ((x / sz) as i64) as f64;
                }
            }
            Mode::GridWrap => {
                if len <= 1 {
                    x = 0.0;
                } else {
                    x -= l * ((x / l) as i64) as f64;
                }
            }
            Mode::Nearest => x = l - 1.0,
            Mode::Constant(_) => x = -1.0,
            Mode::GridConstant(_) => {}
        }
    }
    x
}

/// Index of a spline coefficient that lies outside the data (`GridConstant`: the value is cval).
const OUTSIDE: usize = usize::MAX;

/// Spline coefficients (prefiltered and possibly pre-padded input) ready for sampling.
struct Coeffs {
    data: ArrayD<f64>,
    /// C-order strides of `data`.
    strides: Vec<usize>,
    npad: usize,
    order: usize,
    mode: Mode,
}

fn prepare<T: Element>(input: &ArrayViewD<'_, T>, opts: &InterpOptions) -> Result<Coeffs> {
    if opts.order > 5 {
        return Err(invalid("order", "spline order not supported"));
    }
    if input.ndim() < 1 {
        return Err(invalid("input", "input and output rank must be > 0"));
    }
    if opts.prefilter && opts.order > 1 && opts.mode == Mode::Nearest {
        // SciPy pads the input with `np.pad(mode='edge')` first, which fails on an empty axis.
        if let Some(d) = input.shape().iter().position(|&n| n == 0) {
            return Err(invalid(
                "input",
                format!("can't extend empty axis {d} using modes other than 'constant' or 'empty'"),
            ));
        }
    }
    // SciPy's C code keeps a table of the `(order + 1)^rank` coefficient offsets of a point
    // (a `MemoryError` when it cannot be allocated; here every point sums as many terms).
    let terms = u32::try_from(input.ndim()).ok().and_then(|nd| (opts.order + 1).checked_pow(nd));
    try_vec::<isize>(&[terms.unwrap_or(usize::MAX)], "order")?;
    if opts.prefilter && opts.order > 1 && matches!(opts.mode, Mode::Nearest | Mode::GridConstant(_)) {
        // SciPy pads the input by 12 along every axis first.
        let padded: Vec<usize> = input.shape().iter().map(|&n| n.saturating_add(24)).collect();
        try_vec::<f64>(&padded, "input")?;
    }
    let vals: Vec<f64> = match input.as_slice() {
        Some(s) => s.iter().map(|v| v.to_f64()).collect(),
        None => input.iter().map(|v| v.to_f64()).collect(),
    };
    let f = ArrayD::from_shape_vec(input.raw_dim(), vals)
        .unwrap_or_else(|_| unreachable!("shape matches by construction"));
    let (data, npad) = if opts.prefilter && opts.order > 1 {
        let (mut data, npad) = match opts.mode {
            Mode::Nearest | Mode::GridConstant(_) => {
                let p = vec![12; input.ndim()];
                let m = if let Mode::GridConstant(c) = opts.mode { Mode::Constant(c) } else { Mode::Nearest };
                // np.pad with constant_values casts cval to the input's type.
                (pad(&f.view(), &p, &p, m, T::from_f64(opts.mode.cval()).to_f64()), 12)
            }
            _ => (f, 0),
        };
        for ax in 0..data.ndim() {
            spline_filter_axis(&mut data, opts.order, ax, opts.mode);
        }
        (data, npad)
    } else {
        (f, 0)
    };
    let dims = data.shape();
    let mut strides = vec![1usize; dims.len()];
    for d in (0..dims.len().saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * dims[d + 1];
    }
    Ok(Coeffs { data, strides, npad, order: opts.order, mode: opts.mode })
}

impl Coeffs {
    /// The coefficients in C order.
    fn flat(&self) -> &[f64] {
        self.data.as_slice().unwrap_or_else(|| unreachable!("coefficients are standard layout"))
    }

    /// The `order + 1` coefficient offsets along axis `d` (premultiplied by the stride,
    /// [`OUTSIDE`] for a cval coefficient) and weights for input coordinate `coor`; false when
    /// the point lies outside and takes cval (SciPy's `NI_GeometricTransform` per-axis step).
    #[inline]
    fn axis_point(&self, d: usize, coor: f64, idx: &mut [usize], w: &mut [f64]) -> bool {
        let order = self.order;
        let mode = self.mode;
        let len = self.data.shape()[d];
        let grid_const = matches!(mode, Mode::GridConstant(_));
        let spline_mode = match mode {
            Mode::Constant(_) | Mode::Wrap => Mode::Mirror,
            m => m,
        };
        let mut cc = coor + self.npad as f64;
        if !grid_const && mode != Mode::Nearest {
            cc = map_coordinate(cc, len, mode);
        }
        if !(cc > -1.0 || grid_const || mode == Mode::Nearest) {
            return false;
        }
        // Far outside (or beyond what the mode mapping can bring back), every coefficient the
        // point reaches lies past the edge: clamping the position keeps it there without the
        // integer overflow (SciPy's C casts such a coordinate out of range, undefined
        // behaviour). The weights still come from the coordinate itself (NaN for ±inf).
        let far = (order + 2) as f64;
        let ci = cc.clamp(-far, len as f64 - 1.0 + far);
        let start =
            if order & 1 == 1 { floor(ci) as i64 } else { floor(ci + 0.5) as i64 } - (order / 2) as i64;
        let n = len as i64;
        let edge = start < 0 || start + order as i64 >= n;
        let stride = self.strides[d];
        for (l, slot) in idx[..=order].iter_mut().enumerate() {
            let i = start + l as i64;
            *slot = if grid_const {
                if i < 0 || i >= n { OUTSIDE } else { i as usize * stride }
            } else if edge {
                map_coordinate(i as f64, len, spline_mode) as i64 as usize * stride
            } else {
                i as usize * stride
            };
        }
        if order > 0 {
            spline_weights(cc, order, w);
        }
        true
    }

    /// The interpolated value from per-axis offsets and weights (`order + 1` per axis, axis
    /// after axis): the sum over all coefficient combinations in C order of
    /// `coefficient * w_0 * w_1 * …`, multiplied left to right as SciPy does.
    #[inline]
    fn combine(&self, flat: &[f64], idx: &[usize], w: &[f64], f: &mut [usize]) -> f64 {
        let k = self.order + 1;
        let cval = self.mode.cval();
        let weighted = self.order > 0;
        if f.len() == 2 {
            let mut t = 0.0;
            for a in 0..k {
                let (ia, wa) = (idx[a], w[a]);
                for b in 0..k {
                    let ib = idx[k + b];
                    let mut c = if ia == OUTSIDE || ib == OUTSIDE { cval } else { flat[ia + ib] };
                    if weighted {
                        c *= wa;
                        c *= w[k + b];
                    }
                    t += c;
                }
            }
            return t;
        }
        let nd = f.len();
        f.fill(0);
        let mut t = 0.0;
        loop {
            let mut lin = 0usize;
            let mut outside = false;
            for d in 0..nd {
                let i = idx[d * k + f[d]];
                if i == OUTSIDE {
                    outside = true;
                } else {
                    lin += i;
                }
            }
            let mut c = if outside { cval } else { flat[lin] };
            if weighted {
                for d in 0..nd {
                    c *= w[d * k + f[d]];
                }
            }
            t += c;
            let mut d = nd;
            loop {
                if d == 0 {
                    return t;
                }
                d -= 1;
                f[d] += 1;
                if f[d] < k {
                    break;
                }
                f[d] = 0;
            }
        }
    }

    /// Evaluate at every output point of `out_shape`, with `coords(out_index, input_coords)`
    /// giving the input coordinates. Parallel over output lines.
    fn eval<T: Element, F>(&self, out_shape: &[usize], coords: F) -> ArrayD<T>
    where
        F: Fn(&[usize], &mut [f64]) + Sync,
    {
        let nd_in = self.data.ndim();
        let k = self.order + 1;
        let cval = self.mode.cval();
        if self.data.is_empty() {
            return empty_input_result(out_shape, cval);
        }
        let flat = self.flat();
        let init = || {
            (
                vec![0usize; nd_in * k],
                vec![0.0; nd_in * k],
                vec![0.0; nd_in],
                vec![0usize; out_shape.len()],
                vec![0usize; nd_in],
            )
        };
        // Tiles of TILE_LINES lines by TILE_COLS columns: the input region a tile samples
        // stays in cache even when the transform runs across the input's rows.
        const TILE_LINES: usize = 16;
        const TILE_COLS: usize = 64;
        let len = out_shape.last().copied().unwrap_or(1);
        self.lines(out_shape, k.saturating_pow(nd_in as u32), TILE_LINES, init, |st, r0, chunk| {
            let (idx, w, c, oi, f) = st;
            for c0 in (0..len).step_by(TILE_COLS) {
                for (li, line) in chunk.chunks_mut(len).enumerate() {
                    line_start(out_shape, r0 + li, oi);
                    if let Some(last) = oi.last_mut() {
                        *last = c0;
                    }
                    for o in line[c0..(c0 + TILE_COLS).min(len)].iter_mut() {
                        coords(oi, c);
                        let inside =
                            (0..nd_in).all(|d| self.axis_point(d, c[d], &mut idx[d * k..], &mut w[d * k..]));
                        *o = cast_out(if inside { self.combine(flat, idx, w, f) } else { cval });
                        if let Some(last) = oi.last_mut() {
                            *last += 1;
                        }
                    }
                }
            }
        })
    }

    /// Evaluate a transform whose input coordinate along axis `d` depends only on the output
    /// index along `d` (`coord(d, j)`; zoom and shift): the offsets and weights are computed
    /// once per axis and output index (SciPy's `NI_ZoomShift`).
    fn eval_separable<T: Element>(
        &self,
        out_shape: &[usize],
        coord: impl Fn(usize, usize) -> f64,
    ) -> ArrayD<T> {
        let nd = out_shape.len();
        let k = self.order + 1;
        let cval = self.mode.cval();
        let flat = self.flat();
        if out_shape.contains(&0) {
            return ArrayD::from_elem(IxDyn(out_shape), T::from_f64(0.0));
        }
        if self.data.is_empty() {
            return empty_input_result(out_shape, cval);
        }
        // Per axis: offsets and weights (k per output index) and whether the point is inside.
        let tabs: Vec<(Vec<usize>, Vec<f64>, Vec<bool>)> = (0..nd)
            .map(|d| {
                let n = out_shape[d];
                let (mut idx, mut w, mut ok) = (vec![0usize; n * k], vec![0.0; n * k], vec![false; n]);
                for j in 0..n {
                    ok[j] = self.axis_point(d, coord(d, j), &mut idx[j * k..], &mut w[j * k..]);
                }
                (idx, w, ok)
            })
            .collect();
        let init = || (vec![0usize; nd * k], vec![0.0; nd * k], vec![0usize; nd], vec![0usize; nd]);
        self.lines(out_shape, k.saturating_pow(nd as u32), 1, init, |(idx, w, f, first), r, line| {
            line_start(out_shape, r, first);
            for d in 0..nd - 1 {
                let j = first[d];
                if !tabs[d].2[j] {
                    line.fill(cast_out(cval));
                    return;
                }
                idx[d * k..(d + 1) * k].copy_from_slice(&tabs[d].0[j * k..(j + 1) * k]);
                w[d * k..(d + 1) * k].copy_from_slice(&tabs[d].1[j * k..(j + 1) * k]);
            }
            let (tidx, tw, tok) = &tabs[nd - 1];
            let last = (nd - 1) * k;
            for (j, o) in line.iter_mut().enumerate() {
                *o = cast_out(if tok[j] {
                    idx[last..].copy_from_slice(&tidx[j * k..(j + 1) * k]);
                    w[last..].copy_from_slice(&tw[j * k..(j + 1) * k]);
                    self.combine(flat, idx, w, f)
                } else {
                    cval
                });
            }
        })
    }

    /// Run `work(state, first_index, line)` over the output lines (along the last axis) of
    /// `out_shape`, in parallel when the work (`terms` per point) is large.
    fn lines<T: Element, St: Send>(
        &self,
        out_shape: &[usize],
        terms: usize,
        group: usize,
        init: impl Fn() -> St + Sync + Send,
        work: impl Fn(&mut St, usize, &mut [T]) + Sync + Send,
    ) -> ArrayD<T> {
        let total: usize = out_shape.iter().product();
        let mut out = vec![T::from_f64(0.0); total];
        // A 0-d output is one line of one point.
        let len = out_shape.last().copied().unwrap_or(1);
        if total > 0 {
            let chunk = len * group;
            if total.saturating_mul(terms) >= PAR_THRESHOLD {
                out.par_chunks_mut(chunk)
                    .enumerate()
                    .for_each_init(init, |st, (g, c)| work(st, g * group, c));
            } else {
                let mut st = init();
                out.chunks_mut(chunk).enumerate().for_each(|(g, c)| work(&mut st, g * group, c));
            }
        }
        ArrayD::from_shape_vec(IxDyn(out_shape), out)
            .unwrap_or_else(|_| unreachable!("shape matches by construction"))
    }
}

/// The output of an interpolation of an empty input: nothing to interpolate, every point takes
/// `cval`, as SciPy's constant modes give (its other modes leave such an output
/// uninitialised; the `cval` of those modes is 0).
fn empty_input_result<T: Element>(out_shape: &[usize], cval: f64) -> ArrayD<T> {
    ArrayD::from_elem(IxDyn(out_shape), cast_out(cval))
}

/// The output index of the first point of output line `r` (lines along the last axis).
fn line_start(out_shape: &[usize], mut r: usize, first: &mut [usize]) {
    first.fill(0);
    for d in (0..out_shape.len().saturating_sub(1)).rev() {
        first[d] = r % out_shape[d];
        r /= out_shape[d];
    }
}

/// SciPy's interpolation output cast: integers round half away from zero.
fn cast_out<T: Element>(t: f64) -> T {
    if T::IS_FLOAT || T::IS_BOOL {
        T::from_f64(t)
    } else {
        T::from_f64(if t > 0.0 { t + 0.5 } else { t - 0.5 })
    }
}

/// Map the input to new coordinates by spline interpolation.
///
/// `coordinates` has shape `(input.ndim(), …)`: `coordinates[:, j…]` are the input
/// coordinates sampled for output point `j…`; the output has shape `coordinates.shape[1..]`.
///
/// SciPy equivalent: `scipy.ndimage.map_coordinates`.
///
/// # Errors
///
/// `order > 5`, a coordinates array whose first axis is not the input's rank, 0-d input.
///
/// Also (as SciPy): an empty input with `Mode::Nearest` and the prefilter of an `order > 1`
/// spline ("can't extend empty axis"), and arrays too big to allocate ("array is too big",
/// `MemoryError`). Points of an empty input otherwise take `cval`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{map_coordinates, InterpOptions};
/// use sci_ndimage::sci_array::ndarray::{array, Array2};
/// let a = Array2::from_shape_fn((4, 3), |(i, j)| (3 * i + j) as f64);
/// let c = array![[0.5, 2.0], [0.5, 1.0]];
/// let r = map_coordinates(&a, &c, &InterpOptions::order(1)).unwrap();
/// assert_eq!(r, array![2.0, 7.0].into_dyn());
/// ```
pub fn map_coordinates<T, S, D, SC, DC>(
    input: &ArrayBase<S, D>,
    coordinates: &ArrayBase<SC, DC>,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    SC: Data<Elem = f64>,
    DC: Dimension,
{
    let c = coordinates.view().into_dyn();
    if c.ndim() < 1 || c.shape()[0] != input.ndim() {
        return Err(invalid("coordinates", "invalid shape for coordinate array"));
    }
    let co = prepare(&dyn_view(input), opts)?;
    let out_shape = c.shape()[1..].to_vec();
    let cs = c.as_standard_layout();
    let flat = cs.as_slice().unwrap_or_else(|| unreachable!("standard layout"));
    let n: usize = out_shape.iter().product();
    let nd_out = out_shape.len();
    Ok(co.eval(&out_shape, |oi, x| {
        let mut k = 0;
        for d in 0..nd_out {
            k = k * out_shape[d] + oi[d];
        }
        for (d, xd) in x.iter_mut().enumerate() {
            *xd = flat[d * n + k];
        }
    }))
}

/// Apply an affine transformation: output point `o` samples the input at
/// `matrix · o + offset`.
///
/// `matrix` is `(ndim, ndim)`, or `(ndim, ndim + 1)` / `(ndim + 1, ndim + 1)` homogeneous
/// (then its last column is the offset and `offset` is ignored). `offset` has one value for
/// all axes or one per axis (empty: zero). `output_shape` defaults to the input's shape.
///
/// SciPy equivalent: `scipy.ndimage.affine_transform` (2-D `matrix`).
///
/// # Errors
///
/// A matrix of the wrong shape, an offset of the wrong length, `order > 5`.
///
/// Also (as SciPy): an empty input with `Mode::Nearest` and the prefilter of an `order > 1`
/// spline ("can't extend empty axis"), and arrays too big to allocate ("array is too big",
/// `MemoryError`). Points of an empty input otherwise take `cval`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{affine_transform, InterpOptions};
/// use sci_ndimage::sci_array::ndarray::{array, Array2};
/// let a = Array2::from_shape_fn((3, 3), |(i, j)| (3 * i + j) as f64);
/// let t = affine_transform(&a, &array![[0.0, 1.0], [1.0, 0.0]], &[], None, &InterpOptions::order(1)).unwrap();
/// assert_eq!(t, a.t().into_dyn());
/// ```
pub fn affine_transform<T, S, D>(
    input: &ArrayBase<S, D>,
    matrix: &Array2<f64>,
    offset: &[f64],
    output_shape: Option<&[usize]>,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let (r, c) = matrix.dim();
    let (m, off): (Array2<f64>, Vec<f64>) = if r == nd && c == nd {
        (matrix.clone(), if offset.is_empty() { vec![0.0; nd] } else { per_axis(offset, nd, "offset")? })
    } else if (r == nd || r == nd + 1) && c == nd + 1 {
        let m = matrix.slice(sci_array::ndarray::s![..nd, ..nd]).to_owned();
        (m, (0..nd).map(|i| matrix[[i, nd]]).collect())
    } else {
        return Err(ArrayError::ShapeMismatch {
            arg: "matrix",
            expected: format!("({nd}, {nd}), ({nd}, {}) or ({}, {})", nd + 1, nd + 1, nd + 1),
            found: vec![r, c],
        }
        .into());
    };
    let out_shape = output_shape.map(|s| s.to_vec()).unwrap_or_else(|| input.shape().to_vec());
    if out_shape.len() != nd {
        return Err(invalid("output_shape", "output shape must have the input's rank"));
    }
    check_alloc(&out_shape, std::mem::size_of::<T>(), "output_shape")?;
    let co = prepare(&dyn_view(input), opts)?;
    let m: Vec<f64> = m.iter().copied().collect();
    Ok(co.eval(&out_shape, |oi, x| {
        for (h, xh) in x.iter_mut().enumerate() {
            let mut tmp = off[h];
            for (&o, &mv) in oi.iter().zip(&m[h * nd..(h + 1) * nd]) {
                tmp += o as f64 * mv;
            }
            *xh = tmp;
        }
    }))
}

/// Shift an array: output point `o` samples the input at `o - shift`.
///
/// SciPy equivalent: `scipy.ndimage.shift`.
///
/// # Errors
///
/// `shift` of a length other than 1 or `ndim`, `order > 5`.
///
/// Also (as SciPy): an empty input with `Mode::Nearest` and the prefilter of an `order > 1`
/// spline ("can't extend empty axis"), and arrays too big to allocate ("array is too big",
/// `MemoryError`). Points of an empty input otherwise take `cval`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{shift, InterpOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let r = shift(&array![1.0, 2.0, 3.0, 4.0], &[1.0], &InterpOptions::default()).unwrap();
/// for (a, b) in r.iter().zip([0.0f64, 1.0, 2.0, 3.0]) {
///     assert!((a - b).abs() < 1e-14);
/// }
/// ```
pub fn shift<T, S, D>(input: &ArrayBase<S, D>, shift: &[f64], opts: &InterpOptions) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let sh: Vec<f64> = per_axis(shift, nd, "shift")?.iter().map(|s| -s).collect();
    let co = prepare(&dyn_view(input), opts)?;
    to_dim(co.eval_separable(input.shape(), |d, j| j as f64 + sh[d]))
}

/// Zoom an array by spline interpolation; the output shape is `round(shape * zoom)` (ties to
/// even, as Python's `round`). With `grid_mode` the pixel edges (not centres) are aligned
/// (SciPy suggests `Mode::GridConstant` rather than `Mode::Constant` with it).
///
/// SciPy equivalent: `scipy.ndimage.zoom`.
///
/// # Errors
///
/// `zoom` of a length other than 1 or `ndim`, a non-finite zoom or one that makes an output
/// length negative (`round(n * zoom) < 0`; a zoom that rounds a length to 0 gives an empty
/// axis, as SciPy), `order > 5`.
///
/// Also (as SciPy): an empty input with `Mode::Nearest` and the prefilter of an `order > 1`
/// spline ("can't extend empty axis"), and arrays too big to allocate ("array is too big",
/// `MemoryError`). Points of an empty input otherwise take `cval`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{zoom, InterpOptions};
/// use sci_ndimage::sci_array::ndarray::{array, Array2};
/// let z = zoom(&Array2::<f64>::zeros((768, 1024)), &[2.0], false, &InterpOptions::order(0)).unwrap();
/// assert_eq!(z.shape(), &[1536, 2048]);
/// let r = zoom(&array![0.0, 1.0, 2.0], &[5.0 / 3.0], false, &InterpOptions::order(1)).unwrap();
/// assert_eq!(r, array![0.0, 0.5, 1.0, 1.5, 2.0]);
/// ```
pub fn zoom<T, S, D>(
    input: &ArrayBase<S, D>,
    zoom: &[f64],
    grid_mode: bool,
    opts: &InterpOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let zs = per_axis(zoom, nd, "zoom")?;
    if zs.iter().any(|z| !z.is_finite()) {
        return Err(invalid("zoom", "zoom factors must be finite (cannot convert to an integer shape)"));
    }
    let out_len: Vec<f64> =
        input.shape().iter().zip(&zs).map(|(&n, z)| (n as f64 * z).round_ties_even()).collect();
    if out_len.iter().any(|&n| n < 0.0) {
        return Err(invalid("zoom", "negative dimensions are not allowed"));
    }
    if out_len.iter().any(|&n| n > isize::MAX as f64) {
        return Err(invalid("zoom", "Maximum allowed dimension exceeded"));
    }
    // `-0.0` (a factor a little below zero) is an empty axis, as Python's `int(round(-0.4))`.
    let out_shape: Vec<usize> = out_len.iter().map(|&n| n as usize).collect();
    check_alloc(&out_shape, std::mem::size_of::<T>(), "zoom")?;
    let factors: Vec<f64> = (0..nd)
        .map(|d| {
            let (nom, div) = if grid_mode {
                (input.shape()[d] as f64, out_shape[d] as f64)
            } else {
                (input.shape()[d] as f64 - 1.0, out_shape[d] as f64 - 1.0)
            };
            if div != 0.0 { nom / div } else { 1.0 }
        })
        .collect();
    let o = *opts;
    if zs.iter().all(|&z| z == 1.0) && o.prefilter {
        // SciPy returns the input unchanged for unit zoom (gh-20999).
        return to_dim(dyn_view(input).to_owned());
    }
    if input.is_empty() || out_shape.contains(&0) {
        return to_dim(ArrayD::from_elem(IxDyn(&out_shape), T::from_f64(0.0)));
    }
    let co = prepare(&dyn_view(input), &o)?;
    to_dim(co.eval_separable(&out_shape, |d, j| {
        let mut cc = j as f64;
        if grid_mode {
            cc += 0.5;
            cc *= factors[d];
            cc -= 0.5;
        } else {
            cc *= factors[d];
        }
        cc
    }))
}

/// Cosine and sine of an angle in degrees, exact at multiples of 90 (as `scipy.special`'s
/// `cosdg`/`sindg`).
fn cos_sin_deg(angle: f64) -> (f64, f64) {
    let a = angle.rem_euclid(360.0);
    if a % 90.0 == 0.0 {
        match (a / 90.0) as i64 {
            0 => (1.0, 0.0),
            1 => (0.0, 1.0),
            2 => (-1.0, 0.0),
            _ => (0.0, -1.0),
        }
    } else {
        let r = angle.to_radians();
        (r.cos(), r.sin())
    }
}

/// Rotate a 2-D array by `angle` degrees (counter-clockwise in the `(1, 0)` axes plane, as
/// SciPy's default), about its centre. With `reshape` the output is enlarged to hold the
/// whole rotated input.
///
/// SciPy equivalent: `scipy.ndimage.rotate` for 2-D input and the default `axes=(1, 0)`.
///
/// # Errors
///
/// Input that is not 2-D, `order > 5`, a non-finite `angle` with `reshape` (SciPy's
/// "negative dimensions are not allowed"), and as [`affine_transform`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{rotate, InterpOptions};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let r = rotate(&a, 90.0, true, &InterpOptions::order(1)).unwrap();
/// assert_eq!(r, array![[3.0, 6.0], [2.0, 5.0], [1.0, 4.0]].into_dyn());
/// ```
pub fn rotate<T, S, D>(
    input: &ArrayBase<S, D>,
    angle: f64,
    reshape: bool,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    if input.ndim() != 2 {
        return Err(invalid("input", "only 2-D input is supported by this rotate"));
    }
    if reshape && !angle.is_finite() {
        // SciPy's output shape from NaN extents: "negative dimensions are not allowed".
        return Err(invalid("angle", "negative dimensions are not allowed (the angle is not finite)"));
    }
    let (c, s) = cos_sin_deg(angle);
    let rot = sci_array::ndarray::array![[c, s], [-s, c]];
    let (iy, ix) = (input.shape()[0] as f64, input.shape()[1] as f64);
    let out_plane: [usize; 2] = if reshape {
        let xs = [0.0, 0.0, iy, iy];
        let ys = [0.0, ix, 0.0, ix];
        let mut ob = [[0.0; 4]; 2];
        for k in 0..4 {
            ob[0][k] = rot[[0, 0]] * xs[k] + rot[[0, 1]] * ys[k];
            ob[1][k] = rot[[1, 0]] * xs[k] + rot[[1, 1]] * ys[k];
        }
        let ptp = |v: &[f64; 4]| {
            let mx = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mn = v.iter().copied().fold(f64::INFINITY, f64::min);
            (mx - mn + 0.5) as usize
        };
        [ptp(&ob[0]), ptp(&ob[1])]
    } else {
        [input.shape()[0], input.shape()[1]]
    };
    let oc = [(out_plane[0] as f64 - 1.0) / 2.0, (out_plane[1] as f64 - 1.0) / 2.0];
    let out_center = [rot[[0, 0]] * oc[0] + rot[[0, 1]] * oc[1], rot[[1, 0]] * oc[0] + rot[[1, 1]] * oc[1]];
    let in_center = [(iy - 1.0) / 2.0, (ix - 1.0) / 2.0];
    let offset = [in_center[0] - out_center[0], in_center[1] - out_center[1]];
    affine_transform(input, &rot, &offset, Some(&out_plane), opts)
}
