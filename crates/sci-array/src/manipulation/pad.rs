//! `numpy.pad`.

use crate::error::{ArrayError, Result};
use ndarray::{Array, ArrayBase, ArrayView, Axis, Data, RemoveAxis, Slice, Zip};
use num_complex::Complex;

/// How [`pad`] fills the new elements: NumPy's `mode=` argument.
///
/// # Examples
///
/// ```
/// use sci_array::PadMode;
/// let m: PadMode<f64> = PadMode::Constant(0.0);
/// assert_eq!(m, PadMode::Constant(0.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum PadMode<T> {
    /// Pads with a constant value (`mode='constant', constant_values=v`).
    Constant(T),
    /// Pads with the edge values (`mode='edge'`).
    Edge,
    /// Mirror without repeating the edge value: `[1, 2, 3]` -> `3 2 | 1 2 3 | 2 1`
    /// (`mode='reflect'`).
    Reflect,
    /// Mirror repeating the edge value: `[1, 2, 3]` -> `2 1 | 1 2 3 | 3 2` (`mode='symmetric'`).
    Symmetric,
    /// Periodic continuation: `[1, 2, 3]` -> `2 3 | 1 2 3 | 1 2` (`mode='wrap'`).
    Wrap,
    /// Linear ramp from `end` (outermost) to the edge value, the edge itself excluded
    /// (`mode='linear_ramp', end_values=end`).
    LinearRamp(T),
}

/// An element type that [`PadMode::LinearRamp`] can interpolate.
///
/// NumPy computes the ramp with `linspace` in the array's dtype, so integer ramps are rounded
/// down (floor), as NumPy 2 does.
pub trait PadElement: Clone {
    /// Value `i` of `n` of the ramp from `end` towards `edge` (`i = 0` is `end`; `edge` is
    /// reached at `i = n`, which is not part of the ramp).
    fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self;
}

macro_rules! pad_float {
    ($($t:ty),*) => {$(
        impl PadElement for $t {
            fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self {
                let step = (*edge - *end) / n as $t;
                *end + i as $t * step
            }
        }
        impl PadElement for Complex<$t> {
            fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self {
                Complex::new(<$t>::ramp(&end.re, &edge.re, i, n), <$t>::ramp(&end.im, &edge.im, i, n))
            }
        }
    )*};
}
pad_float!(f32, f64);

macro_rules! pad_int {
    ($($t:ty),*) => {$(
        impl PadElement for $t {
            fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self {
                let step = (*edge as f64 - *end as f64) / n as f64;
                (*end as f64 + i as f64 * step).floor() as $t
            }
        }
    )*};
}
pad_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// Source index along an axis of length `n` for output position `j` (relative to the first
/// original element), for the index-mapping modes.
fn source_index<T>(mode: &PadMode<T>, j: isize, n: usize) -> usize {
    let n_i = n as isize;
    match mode {
        PadMode::Edge => j.clamp(0, n_i - 1) as usize,
        PadMode::Wrap => j.rem_euclid(n_i) as usize,
        PadMode::Reflect => {
            if n == 1 {
                return 0;
            }
            let period = 2 * (n_i - 1);
            let r = j.rem_euclid(period);
            (if r >= n_i { period - r } else { r }) as usize
        }
        PadMode::Symmetric => {
            let period = 2 * n_i;
            let r = j.rem_euclid(period);
            (if r >= n_i { period - 1 - r } else { r }) as usize
        }
        PadMode::Constant(_) | PadMode::LinearRamp(_) => unreachable!("not an index-mapping mode"),
    }
}

fn ramp_block<T: PadElement, D: RemoveAxis>(
    edge: ArrayView<'_, T, D>,
    end: &T,
    width: usize,
    ax: Axis,
    before: bool,
) -> Array<T, D> {
    let views: Vec<ArrayView<'_, T, D>> = vec![edge.clone(); width];
    let mut block = if width == 0 {
        edge.slice_axis(ax, Slice::from(0..0)).to_owned()
    } else {
        ndarray::concatenate(ax, &views).expect("equal shapes")
    };
    for k in 0..width {
        // Position k of the ramp counted from the outer end.
        let pos = if before { k } else { width - 1 - k };
        let mut lane = block.slice_axis_mut(ax, Slice::from(pos..pos + 1));
        Zip::from(&mut lane).for_each(|x| *x = T::ramp(end, x, k, width));
    }
    block
}

/// Pads an array: `pad_width` gives `(before, after)` counts per axis, or one pair for all
/// axes.
///
/// Axes are padded in order, so corners of later axes see the padding of earlier ones, as in
/// NumPy. The statistic modes (`maximum`, `mean`, `median`, `minimum`), `empty` and callable
/// modes are not provided.
///
/// NumPy equivalent: `numpy.pad(array, pad_width, mode)`.
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `pad_width` has neither 1 nor `ndim` entries;
/// [`ArrayError::InvalidValue`] when a non-constant mode must extend an empty axis.
///
/// # Examples
///
/// ```
/// use sci_array::{pad, PadMode};
/// use sci_array::ndarray::array;
/// let a = array![1, 2, 3, 4, 5];
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Constant(0)).unwrap(), array![0, 0, 1, 2, 3, 4, 5, 0, 0, 0]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Edge).unwrap(), array![1, 1, 1, 2, 3, 4, 5, 5, 5, 5]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Reflect).unwrap(), array![3, 2, 1, 2, 3, 4, 5, 4, 3, 2]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Symmetric).unwrap(), array![2, 1, 1, 2, 3, 4, 5, 5, 4, 3]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Wrap).unwrap(), array![4, 5, 1, 2, 3, 4, 5, 1, 2, 3]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::LinearRamp(5)).unwrap(), array![5, 3, 1, 2, 3, 4, 5, 5, 5, 5]);
/// ```
pub fn pad<T, S, D>(
    a: &ArrayBase<S, D>,
    pad_width: &[(usize, usize)],
    mode: PadMode<T>,
) -> Result<Array<T, D>>
where
    T: PadElement,
    S: Data<Elem = T>,
    D: RemoveAxis,
{
    let nd = a.ndim();
    if pad_width.len() != 1 && pad_width.len() != nd {
        return Err(ArrayError::LengthMismatch {
            a: "pad_width",
            b: "array dimensions",
            len_a: pad_width.len(),
            len_b: nd,
        });
    }
    let width = |d: usize| if pad_width.len() == 1 { pad_width[0] } else { pad_width[d] };
    let mut cur = a.to_owned();
    for d in 0..nd {
        let (before, after) = width(d);
        if before == 0 && after == 0 {
            continue;
        }
        let ax = Axis(d);
        let n = cur.len_of(ax);
        cur = match &mode {
            PadMode::Constant(v) => {
                let mut shape = cur.raw_dim();
                shape[d] = before;
                let b = Array::from_elem(shape.clone(), v.clone());
                shape[d] = after;
                let e = Array::from_elem(shape, v.clone());
                ndarray::concatenate(ax, &[b.view(), cur.view(), e.view()]).expect("equal shapes")
            }
            _ if n == 0 => {
                return Err(ArrayError::InvalidValue {
                    arg: "mode",
                    reason: format!(
                        "can't extend empty axis {d} using modes other than 'constant' or 'empty'"
                    ),
                });
            }
            PadMode::LinearRamp(end) => {
                let first = cur.slice_axis(ax, Slice::from(0..1));
                let last = cur.slice_axis(ax, Slice::from(n - 1..n));
                let b = ramp_block(first, end, before, ax, true);
                let e = ramp_block(last, end, after, ax, false);
                ndarray::concatenate(ax, &[b.view(), cur.view(), e.view()]).expect("equal shapes")
            }
            m => {
                let idx: Vec<usize> =
                    (-(before as isize)..(n + after) as isize).map(|j| source_index(m, j, n)).collect();
                cur.select(ax, &idx)
            }
        };
    }
    Ok(cur)
}
