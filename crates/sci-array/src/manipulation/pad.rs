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
    /// Maximum of the `stat_length` values at each edge (all values when `None`)
    /// (`mode='maximum', stat_length=...`). NaN propagates.
    Maximum(Option<usize>),
    /// Minimum of the values at each edge (`mode='minimum'`). NaN propagates.
    Minimum(Option<usize>),
    /// Mean of the values at each edge (`mode='mean'`); rounded half to even for integers.
    Mean(Option<usize>),
    /// Median of the values at each edge (`mode='median'`); rounded half to even for integers.
    Median(Option<usize>),
}

/// The statistic of a [`PadMode`] statistic mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadStat {
    /// Largest value.
    Maximum,
    /// Smallest value.
    Minimum,
    /// Arithmetic mean.
    Mean,
    /// Median (mean of the two middle values for an even count).
    Median,
}

/// An element type that [`PadMode::LinearRamp`] can interpolate.
///
/// NumPy computes the ramp with `linspace` in the array's dtype, so integer ramps are rounded
/// down (floor), as NumPy 2 does.
///
/// Statistics follow NumPy: NaN propagates through maximum, minimum and median; complex
/// numbers are ordered lexicographically (real part, then imaginary part).
pub trait PadElement: Clone {
    /// Value `i` of `n` of the ramp from `end` towards `edge` (`i = 0` is `end`; `edge` is
    /// reached at `i = n`, which is not part of the ramp).
    fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self;
    /// The statistic of a non-empty slice of values.
    fn stat(values: &mut [Self], stat: PadStat) -> Self;
}

/// Max, min or median of values with a total order, NaN-like values (`is_nan`) propagating.
fn ordered_stat<T: Clone>(
    values: &mut [T],
    stat: PadStat,
    is_nan: impl Fn(&T) -> bool,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
    mid: impl Fn(&T, &T) -> T,
) -> T {
    if let Some(n) = values.iter().find(|v| is_nan(v)) {
        return n.clone();
    }
    match stat {
        PadStat::Maximum => values.iter().max_by(|a, b| cmp(a, b)).expect("non-empty").clone(),
        PadStat::Minimum => values.iter().min_by(|a, b| cmp(a, b)).expect("non-empty").clone(),
        _ => {
            values.sort_by(&cmp);
            let n = values.len();
            if n % 2 == 1 { values[n / 2].clone() } else { mid(&values[n / 2 - 1], &values[n / 2]) }
        }
    }
}

macro_rules! pad_float {
    ($($t:ty),*) => {$(
        impl PadElement for $t {
            fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self {
                let step = (*edge - *end) / n as $t;
                *end + i as $t * step
            }
            fn stat(values: &mut [Self], stat: PadStat) -> Self {
                if stat == PadStat::Mean {
                    return values.iter().sum::<$t>() / values.len() as $t;
                }
                ordered_stat(values, stat, |v| v.is_nan(), |a, b| a.total_cmp(b), |a, b| (*a + *b) / 2.0)
            }
        }
        impl PadElement for Complex<$t> {
            fn ramp(end: &Self, edge: &Self, i: usize, n: usize) -> Self {
                Complex::new(<$t>::ramp(&end.re, &edge.re, i, n), <$t>::ramp(&end.im, &edge.im, i, n))
            }
            fn stat(values: &mut [Self], stat: PadStat) -> Self {
                if stat == PadStat::Mean {
                    return values.iter().sum::<Complex<$t>>() / values.len() as $t;
                }
                ordered_stat(
                    values,
                    stat,
                    |v| v.re.is_nan() || v.im.is_nan(),
                    |a, b| a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im)),
                    |a, b| (*a + *b) / 2.0,
                )
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
            fn stat(values: &mut [Self], stat: PadStat) -> Self {
                let round = |x: f64| x.round_ties_even() as $t;
                if stat == PadStat::Mean {
                    let sum: f64 = values.iter().map(|&v| v as f64).sum();
                    return round(sum / values.len() as f64);
                }
                ordered_stat(values, stat, |_| false, |a, b| a.cmp(b), |a, b| round((*a as f64 + *b as f64) / 2.0))
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
        _ => unreachable!("not an index-mapping mode"),
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

/// A block of `width` copies (along `ax`) of the statistic of each lane over `range`.
fn stat_block<T: PadElement, D: RemoveAxis>(
    cur: &Array<T, D>,
    ax: Axis,
    range: std::ops::Range<usize>,
    width: usize,
    stat: PadStat,
) -> Array<T, D> {
    let part = cur.slice_axis(ax, Slice::from(range));
    let vals: Vec<T> = part
        .lanes(ax)
        .into_iter()
        .map(|lane| {
            let mut v = lane.to_vec();
            T::stat(&mut v, stat)
        })
        .collect();
    let mut one = cur.raw_dim();
    one[ax.index()] = 1;
    let stats = Array::from_shape_vec(one, vals).expect("one value per lane");
    let mut full = cur.raw_dim();
    full[ax.index()] = width;
    stats.broadcast(full).expect("length-1 axis broadcasts").to_owned()
}

/// Pads an array: `pad_width` gives `(before, after)` counts per axis, or one pair for all
/// axes.
///
/// Axes are padded in order, so corners of later axes see the padding of earlier ones, as in
/// NumPy. The `empty` and callable modes, `reflect_type='odd'` and separate before/after
/// `constant_values`, `end_values` or `stat_length` are not provided.
///
/// NumPy equivalent: `numpy.pad(array, pad_width, mode)`.
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `pad_width` has neither 1 nor `ndim` entries;
/// [`ArrayError::InvalidValue`] when a non-constant mode must extend an empty axis, or for a
/// `stat_length` of 0.
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
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Maximum(None)).unwrap(), array![5, 5, 1, 2, 3, 4, 5, 5, 5, 5]);
/// assert_eq!(pad(&a, &[(2, 3)], PadMode::Mean(Some(2))).unwrap(), array![2, 2, 1, 2, 3, 4, 5, 4, 4, 4]);
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
            PadMode::Maximum(len) | PadMode::Minimum(len) | PadMode::Mean(len) | PadMode::Median(len) => {
                let stat = match &mode {
                    PadMode::Maximum(_) => PadStat::Maximum,
                    PadMode::Minimum(_) => PadStat::Minimum,
                    PadMode::Mean(_) => PadStat::Mean,
                    _ => PadStat::Median,
                };
                let l = len.unwrap_or(n).min(n);
                if l == 0 {
                    return Err(ArrayError::InvalidValue {
                        arg: "stat_length",
                        reason: "stat_length of 0 yields no value for padding".into(),
                    });
                }
                let b = stat_block(&cur, ax, 0..l, before, stat);
                let e = stat_block(&cur, ax, n - l..n, after, stat);
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
