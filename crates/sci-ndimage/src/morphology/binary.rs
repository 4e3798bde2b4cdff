//! Binary morphology: erosion, dilation, opening, closing, hole filling.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::rank::pad_extents;
use crate::mode::Mode;
use crate::morphology::structure::generate_binary_structure;
use crate::support::{
    PAR_THRESHOLD, check_axes, expand_to_axes, extents, footprint_offsets, nd_lines, negate_origin, origins,
    pad, reverse_all, to_dim,
};
use sci_array::ArrayError;
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension, IxDyn};
use std::collections::VecDeque;

/// Options of the binary morphology functions (SciPy's keyword arguments and defaults).
///
/// * `structure`: structuring element of the input's rank; `None` means
///   `generate_binary_structure(rank, 1)` (the cross).
/// * `iterations`: repeat count (default 1); 0 or negative repeats until the result stops
///   changing.
/// * `mask`: where `false`, the input is copied to the output unchanged.
/// * `border_value`: the value of the pixels outside the array (default `false`).
/// * `origin`: shift of the structure per axis (empty: zeros).
/// * `axes`: the axes to work along (`None`: all). The structure (default: the cross of
///   rank `axes.len()`) and `origin` then have one entry per listed axis; the other axes are
///   left alone (length-1 structure axes, as SciPy's `axes=`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::BinaryOptions;
/// let o = BinaryOptions::default();
/// assert_eq!(o.iterations, 1);
/// assert!(!o.border_value);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryOptions {
    /// Structuring element (default: the rank-1-connectivity cross).
    pub structure: Option<ArrayD<bool>>,
    /// Number of repetitions; `<= 0` means until stable.
    pub iterations: isize,
    /// Only pixels where the mask is true are modified.
    pub mask: Option<ArrayD<bool>>,
    /// Value assumed outside the array.
    pub border_value: bool,
    /// Origin of the structure per axis (per listed axis when `axes` is given).
    pub origin: Vec<isize>,
    /// The axes to work along (`None`: all axes).
    pub axes: Option<Vec<isize>>,
}

impl Default for BinaryOptions {
    fn default() -> Self {
        BinaryOptions {
            structure: None,
            iterations: 1,
            mask: None,
            border_value: false,
            origin: Vec::new(),
            axes: None,
        }
    }
}

impl BinaryOptions {
    /// Default options with the given structuring element.
    pub fn structure<S: Data<Elem = bool>, D: Dimension>(structure: &ArrayBase<S, D>) -> Self {
        BinaryOptions { structure: Some(structure.to_owned().into_dyn()), ..Default::default() }
    }
}

/// Convert any input to booleans (`x != 0`; NaN is true as in NumPy).
pub(crate) fn to_bool<T: Element, S: Data<Elem = T>, D: Dimension>(a: &ArrayBase<S, D>) -> ArrayD<bool> {
    a.map(|&v| v.to_f64() != 0.0).into_dyn()
}

/// Resolved structure and mask of a binary operation.
struct Prepared {
    structure: ArrayD<bool>,
    mask: Option<ArrayD<bool>>,
    origin: Vec<isize>,
}

/// The structure, origin and mask as SciPy's `binary_erosion`/`binary_dilation` resolve
/// them: the default structure has the rank of `axes`; for a dilation the structure is
/// reflected and the origins negated (minus one along even-sized axes) before both are
/// expanded to the input's rank.
fn prepare(shape: &[usize], opts: &BinaryOptions, dilate: bool) -> Result<Prepared> {
    let nd = shape.len();
    let axes = check_axes(opts.axes.as_deref(), nd)?;
    let k = axes.len();
    let mut structure = match &opts.structure {
        Some(s) => {
            if s.ndim() != k {
                let reason = if k == nd {
                    "structure and input must have same dimensionality".to_string()
                } else {
                    format!("structure.ndim ({}) must match len(axes) ({k})", s.ndim())
                };
                return Err(invalid("structure", reason));
            }
            if s.is_empty() {
                return Err(invalid("structure", "structure must not be empty"));
            }
            s.clone()
        }
        None => generate_binary_structure(k, 1)?,
    };
    if let Some(m) = &opts.mask {
        if m.shape() != shape {
            return Err(ArrayError::ShapeMismatch {
                arg: "mask",
                expected: format!("{shape:?} (the input's shape)"),
                found: m.shape().to_vec(),
            }
            .into());
        }
    }
    let mut origin = origins(&opts.origin, k)?;
    if dilate {
        structure = reverse_all(&structure);
        for (d, o) in origin.iter_mut().enumerate() {
            *o = negate_origin(*o)?;
            if structure.shape()[d] % 2 == 0 {
                *o -= 1;
            }
        }
    }
    let (structure, origin) = expand_to_axes(structure, origin, &axes, nd, "structure")?;
    Ok(Prepared { structure, mask: opts.mask.clone(), origin })
}

/// One erosion (`dilate == false`: all over the structure) or "any" pass (`dilate == true`:
/// the structure is used as given, so the caller reflects it). Returns (result, changed);
/// `changed` is only computed when `track` is set (and false otherwise).
fn pass(
    input: &ArrayD<bool>,
    p: &Prepared,
    border: bool,
    dilate: bool,
    track: bool,
) -> Result<(ArrayD<bool>, bool)> {
    if input.is_empty() {
        return Ok((input.clone(), false));
    }
    let (before, after) = pad_extents(p.structure.shape(), &p.origin)?;
    let padded = pad(&input.view(), &before, &after, Mode::Constant(0.0), border);
    let foot: Vec<bool> = p.structure.as_standard_layout().iter().copied().collect();
    let offs = footprint_offsets(padded.shape(), p.structure.shape(), &foot);
    // Whole lines at once: AND (OR for the "any" pass) of the shifted padded lines, branch-free.
    let mut out: ArrayD<bool> =
        nd_lines(&padded, input.shape(), PAR_THRESHOLD, |pp, base, line: &mut [bool]| {
            line.fill(!dilate);
            for &o in &offs {
                let src = &pp[base + o..base + o + line.len()];
                if dilate {
                    line.iter_mut().zip(src).for_each(|(l, &s)| *l |= s);
                } else {
                    line.iter_mut().zip(src).for_each(|(l, &s)| *l &= s);
                }
            }
        });
    if let Some(m) = &p.mask {
        sci_array::ndarray::Zip::from(&mut out).and(input).and(m).for_each(|o, &i, &mk| {
            if !mk {
                *o = i;
            }
        });
    }
    let changed = track && out != *input;
    Ok((out, changed))
}

/// Repeat `pass` as SciPy's `_binary_erosion` does.
fn iterate(
    input: ArrayD<bool>,
    p: &Prepared,
    border: bool,
    dilate: bool,
    iterations: isize,
) -> Result<ArrayD<bool>> {
    // SciPy passes `iterations` to C as an `int`.
    if i32::try_from(iterations).is_err() {
        let reason = if iterations > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        };
        return Err(invalid("iterations", reason));
    }
    let until_stable = iterations < 1;
    let n = iterations.max(1) as usize;
    // A pass depends on the state alone: a state a pass leaves unchanged stays so (SciPy stops
    // there too), and once a state recurs the sequence cycles. With a structure that misses
    // its own centre the states need not settle: such runs are watched for a cycle (Brent's
    // method, one stored state); repeated until stable they end with an error (SciPy loops
    // for ever), with a number of iterations they skip the whole periods.
    let track = until_stable || n > 1;
    let (mut cur, mut changed) = pass(&input, p, border, dilate, track)?;
    let watch = !centre_set(p);
    let (mut snap, mut snap_at, mut power) = (cur.clone(), 1usize, 1usize);
    let mut ii = 1usize;
    while changed && (until_stable || ii < n) {
        let (next, ch) = pass(&cur, p, border, dilate, true)?;
        cur = next;
        changed = ch;
        ii += 1;
        if watch && changed {
            if cur == snap {
                if until_stable {
                    return Err(invalid(
                        "structure",
                        "the operation repeated until stable cycles: the structure (at its origin) does not contain its centre",
                    ));
                }
                for _ in 0..(n - ii) % (ii - snap_at) {
                    cur = pass(&cur, p, border, dilate, false)?.0;
                }
                return Ok(cur);
            }
            if ii - snap_at == power {
                snap = cur.clone();
                snap_at = ii;
                power *= 2;
            }
        }
    }
    Ok(cur)
}

/// SciPy's `_center_is_true` for the structure as a pass uses it (origin included).
fn centre_set(p: &Prepared) -> bool {
    let idx: Option<Vec<usize>> = p
        .structure
        .shape()
        .iter()
        .zip(&p.origin)
        .map(|(&s, &o)| {
            ((s / 2) as isize).checked_add(o).and_then(|i| usize::try_from(i).ok()).filter(|&i| i < s)
        })
        .collect();
    idx.is_some_and(|i| p.structure[IxDyn(&i)])
}

fn erosion_dyn(input: ArrayD<bool>, opts: &BinaryOptions) -> Result<ArrayD<bool>> {
    let p = prepare(input.shape(), opts, false)?;
    iterate(input, &p, opts.border_value, false, opts.iterations)
}

fn dilation_dyn(input: ArrayD<bool>, opts: &BinaryOptions) -> Result<ArrayD<bool>> {
    let p = prepare(input.shape(), opts, true)?;
    iterate(input, &p, opts.border_value, true, opts.iterations)
}

/// Multidimensional binary erosion with a structuring element.
///
/// A pixel stays true when every pixel under the (shifted) structure is true; pixels
/// outside the array have the value `border_value`.
///
/// SciPy equivalent: `scipy.ndimage.binary_erosion`.
///
/// # Errors
///
/// A structure of another rank (than the input, or than `axes`) or empty, a mask of another
/// shape, an invalid origin, an axis out of range or repeated, `iterations` outside C's
/// `int` (SciPy's `OverflowError`); with `iterations <= 0`, a structure missing its centre
/// whose repetitions cycle instead of settling (SciPy loops for ever there).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{binary_erosion, BinaryOptions};
/// use sci_ndimage::sci_array::ndarray::{s, Array2};
/// let mut a = Array2::<i64>::zeros((7, 7));
/// a.slice_mut(s![1..6, 2..5]).fill(1);
/// let e = binary_erosion(&a, &BinaryOptions::default()).unwrap();
/// assert_eq!(e.iter().filter(|&&b| b).count(), 3);
/// assert!(e[[2, 3]] && e[[3, 3]] && e[[4, 3]]);
/// let big = BinaryOptions::structure(&Array2::from_elem((5, 5), true));
/// assert_eq!(binary_erosion(&a, &big).unwrap().iter().filter(|&&b| b).count(), 0);
/// ```
pub fn binary_erosion<T, S, D>(input: &ArrayBase<S, D>, opts: &BinaryOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(erosion_dyn(to_bool(input), opts)?)
}

/// Multidimensional binary dilation with a structuring element.
///
/// A pixel becomes true when any pixel under the reflected structure is true.
///
/// SciPy equivalent: `scipy.ndimage.binary_dilation`.
///
/// # Errors
///
/// As [`binary_erosion`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{binary_dilation, BinaryOptions};
/// use sci_ndimage::sci_array::ndarray::{array, Array2};
/// let mut a = Array2::<f64>::zeros((5, 5));
/// a[[2, 2]] = 1.0;
/// let d = binary_dilation(&a, &BinaryOptions::default()).unwrap();
/// assert_eq!(d.mapv(u8::from), array![
///     [0, 0, 0, 0, 0],
///     [0, 0, 1, 0, 0],
///     [0, 1, 1, 1, 0],
///     [0, 0, 1, 0, 0],
///     [0, 0, 0, 0, 0]]);
/// ```
pub fn binary_dilation<T, S, D>(input: &ArrayBase<S, D>, opts: &BinaryOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(dilation_dyn(to_bool(input), opts)?)
}

/// Binary opening: erosion then dilation (each repeated `iterations` times) with the same
/// structure.
///
/// SciPy equivalent: `scipy.ndimage.binary_opening`.
///
/// # Errors
///
/// As [`binary_erosion`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{binary_opening, BinaryOptions};
/// use sci_ndimage::sci_array::ndarray::{s, Array2};
/// let mut a = Array2::<i32>::zeros((5, 5));
/// a.slice_mut(s![1..4, 1..4]).fill(1);
/// a[[4, 4]] = 1;
/// let o = binary_opening(&a, &BinaryOptions::structure(&Array2::from_elem((3, 3), true))).unwrap();
/// assert_eq!(o.iter().filter(|&&b| b).count(), 9);
/// assert!(!o[[4, 4]]);
/// let c = binary_opening(&a, &BinaryOptions::default()).unwrap();
/// assert_eq!(c.iter().filter(|&&b| b).count(), 5);
/// ```
pub fn binary_opening<T, S, D>(input: &ArrayBase<S, D>, opts: &BinaryOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let e = erosion_dyn(to_bool(input), opts)?;
    to_dim(dilation_dyn(e, opts)?)
}

/// Binary closing: dilation then erosion with the same structure.
///
/// SciPy equivalent: `scipy.ndimage.binary_closing`.
///
/// # Errors
///
/// As [`binary_erosion`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{binary_closing, BinaryOptions};
/// use sci_ndimage::sci_array::ndarray::{s, Array2};
/// let mut a = Array2::<u8>::zeros((5, 5));
/// a.slice_mut(s![1..4, 1..4]).fill(1);
/// a[[2, 2]] = 0;
/// let c = binary_closing(&a, &BinaryOptions::default()).unwrap();
/// assert!(c[[2, 2]]);
/// ```
pub fn binary_closing<T, S, D>(input: &ArrayBase<S, D>, opts: &BinaryOptions) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let d = dilation_dyn(to_bool(input), opts)?;
    to_dim(erosion_dyn(d, opts)?)
}

/// Fill the holes in binary objects: the background components not connected (through the
/// structure) to the array border become foreground.
///
/// Computed as SciPy defines it (`not binary_dilation(zeros, structure, iterations=-1,
/// mask=not input, border_value=1)`), by a breadth-first propagation from the border that
/// reaches the same fixed point in linear time.
///
/// SciPy equivalent: `scipy.ndimage.binary_fill_holes`.
///
/// # Errors
///
/// A structure of another rank (than the input, or than `axes`) or empty, an invalid origin,
/// an axis out of range or repeated.
///
/// # Examples
///
/// ```
/// use sci_ndimage::binary_fill_holes;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 1, 1, 1, 0], [0, 1, 0, 1, 0], [0, 1, 1, 1, 0]];
/// let f = binary_fill_holes(&a, None, &[], None).unwrap();
/// assert!(f[[1, 2]]);
/// assert!(!f[[1, 0]]);
/// // Along the rows only (SciPy's `axes=[1]`), a gap closed left and right is a hole.
/// let b = array![[0, 0, 0], [1, 0, 1], [0, 0, 0]];
/// assert!(binary_fill_holes(&b, None, &[], Some(&[1])).unwrap()[[1, 1]]);
/// assert!(!binary_fill_holes(&b, None, &[], Some(&[0])).unwrap()[[1, 1]]);
/// assert!(!binary_fill_holes(&b, None, &[], None).unwrap()[[1, 1]]);
/// ```
pub fn binary_fill_holes<T, S, D>(
    input: &ArrayBase<S, D>,
    structure: Option<&ArrayD<bool>>,
    origin: &[isize],
    axes: Option<&[isize]>,
) -> Result<Array<bool, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let inp = to_bool(input);
    let opts = BinaryOptions {
        structure: structure.cloned(),
        origin: origin.to_vec(),
        axes: axes.map(<[isize]>::to_vec),
        ..Default::default()
    };
    let p = prepare(inp.shape(), &opts, true)?;
    let nd = inp.ndim();
    // SciPy indexes the structure at its origin (an IndexError, or a crash, outside it).
    for (&s, &o) in p.structure.shape().iter().zip(&p.origin) {
        extents(s, o)?;
    }
    let shape = inp.shape().to_vec();
    let total = inp.len();
    let flat: Vec<bool> = inp.iter().copied().collect();
    // Offsets of the reflected, shifted structure: pixel x is reached when x + off is
    // outside the array or reached, for some off, and x is background.
    let st = p.structure.as_standard_layout();
    let mut offs: Vec<Vec<isize>> = Vec::new();
    for (idx, &v) in st.indexed_iter() {
        if v {
            offs.push(
                (0..nd).map(|d| idx[d] as isize - (st.shape()[d] / 2) as isize - p.origin[d]).collect(),
            );
        }
    }
    let mut strides = vec![1isize; nd];
    for d in (0..nd.saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * shape[d + 1] as isize;
    }
    let unravel = |mut f: usize| {
        let mut c = vec![0isize; nd];
        for d in (0..nd).rev() {
            c[d] = (f % shape[d]) as isize;
            f /= shape[d];
        }
        c
    };
    let mut reached = vec![false; total];
    let mut queue = VecDeque::new();
    for f in 0..total {
        if flat[f] {
            continue;
        }
        let c = unravel(f);
        let touches =
            offs.iter().any(|o| (0..nd).any(|d| c[d] + o[d] < 0 || c[d] + o[d] >= shape[d] as isize));
        if touches {
            reached[f] = true;
            queue.push_back(f);
        }
    }
    while let Some(q) = queue.pop_front() {
        let c = unravel(q);
        for o in &offs {
            // x + o = q  =>  x = q - o
            let mut lin = 0isize;
            let mut ok = true;
            for d in 0..nd {
                let x = c[d] - o[d];
                if x < 0 || x >= shape[d] as isize {
                    ok = false;
                    break;
                }
                lin += x * strides[d];
            }
            if ok {
                let x = lin as usize;
                if !flat[x] && !reached[x] {
                    reached[x] = true;
                    queue.push_back(x);
                }
            }
        }
    }
    let out = ArrayD::from_shape_vec(inp.raw_dim(), reached.into_iter().map(|r| !r).collect())
        .map_err(|e| invalid("input", e.to_string()))?;
    to_dim(out)
}
