//! `numpy.pad`.

use super::kernels;
use crate::error::{ArrayError, Result};
use ndarray::{Array, ArrayBase, Data, Dimension};
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
    /// The statistic of each column of a C-ordered `(rows, inner)` block, when the type can
    /// compute it row by row (faster than column gathers); `None` otherwise.
    fn stat_rows(block: &[Self], inner: usize, stat: PadStat) -> Option<Vec<Self>> {
        let _ = (block, inner, stat);
        None
    }
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
            fn stat_rows(block: &[Self], inner: usize, stat: PadStat) -> Option<Vec<Self>> {
                let mut rows = block.chunks_exact(inner);
                let mut acc = rows.next()?.to_vec();
                let l = block.len() / inner;
                match stat {
                    PadStat::Mean => rows.for_each(|r| acc.iter_mut().zip(r).for_each(|(a, x)| *a += *x)),
                    // `x > a || x.is_nan()` keeps a NaN once seen and picks up new ones.
                    PadStat::Maximum => rows.for_each(|r| {
                        acc.iter_mut().zip(r).for_each(|(a, &x)| if x > *a || x.is_nan() { *a = x })
                    }),
                    PadStat::Minimum => rows.for_each(|r| {
                        acc.iter_mut().zip(r).for_each(|(a, &x)| if x < *a || x.is_nan() { *a = x })
                    }),
                    PadStat::Median => return None,
                }
                if stat == PadStat::Mean {
                    acc.iter_mut().for_each(|a| *a /= l as $t);
                }
                Some(acc)
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
            fn stat_rows(block: &[Self], inner: usize, stat: PadStat) -> Option<Vec<Self>> {
                let mut rows = block.chunks_exact(inner);
                let first = rows.next()?;
                match stat {
                    PadStat::Mean => {
                        let l = block.len() / inner;
                        let mut acc: Vec<f64> = first.iter().map(|&x| x as f64).collect();
                        rows.for_each(|r| acc.iter_mut().zip(r).for_each(|(a, &x)| *a += x as f64));
                        Some(acc.into_iter().map(|a| (a / l as f64).round_ties_even() as $t).collect())
                    }
                    PadStat::Maximum | PadStat::Minimum => {
                        let mut acc = first.to_vec();
                        let max = stat == PadStat::Maximum;
                        rows.for_each(|r| {
                            acc.iter_mut().zip(r).for_each(|(a, &x)| *a = if max { (*a).max(x) } else { (*a).min(x) })
                        });
                        Some(acc)
                    }
                    PadStat::Median => None,
                }
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

fn empty_axis(d: usize) -> ArrayError {
    ArrayError::InvalidValue {
        arg: "mode",
        reason: format!("can't extend empty axis {d} using modes other than 'constant' or 'empty'"),
    }
}

/// Constant and index-mapping modes: one allocation, the input copied to the centre, then the
/// pad areas filled axis by axis (last axis first, so every copy is a contiguous chunk; these
/// modes are separable, so the order does not change the result).
fn pad_in_place<T, S, D>(
    a: &ArrayBase<S, D>,
    width: &dyn Fn(usize) -> (usize, usize),
    mode: &PadMode<T>,
) -> Result<Array<T, D>>
where
    T: PadElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    let shape = a.shape();
    let constant = matches!(mode, PadMode::Constant(_));
    for d in 0..nd {
        let (b, e) = width(d);
        if !constant && shape[d] == 0 && (b > 0 || e > 0) {
            return Err(empty_axis(d));
        }
    }
    let starts: Vec<usize> = (0..nd).map(|d| width(d).0).collect();
    let out_shape: Vec<usize> = (0..nd).map(|d| shape[d] + width(d).0 + width(d).1).collect();
    let mut dim = a.raw_dim();
    dim.slice_mut().copy_from_slice(&out_shape);
    let total: usize = out_shape.iter().product();
    let c = kernels::c_order(a);
    let src = kernels::slice_of(&c);
    let fill = match mode {
        PadMode::Constant(v) => v.clone(),
        _ if total == 0 => return Ok(Array::from_shape_vec(dim, Vec::new()).expect("empty")),
        // Non-empty output and no empty padded axis: the input has elements.
        _ => src[0].clone(),
    };
    let mut buf = vec![fill; total];
    if nd == 0 {
        buf[0] = src[0].clone();
    } else if !src.is_empty() {
        let row = shape[nd - 1];
        let mut r = 0;
        kernels::for_each_in_box(&out_shape[..nd - 1], &starts[..nd - 1], &shape[..nd - 1], |lin| {
            let dst = lin * out_shape[nd - 1] + starts[nd - 1];
            buf[dst..dst + row].clone_from_slice(&src[r * row..(r + 1) * row]);
            r += 1;
        });
    }
    if !constant {
        for d in (0..nd).rev() {
            let (before, after) = width(d);
            if before == 0 && after == 0 {
                continue;
            }
            let n = shape[d];
            let od = out_shape[d];
            let inner: usize = out_shape[d + 1..].iter().product();
            let map: Vec<usize> = (0..before)
                .chain(before + n..od)
                .map(|j| before + source_index(mode, j as isize - before as isize, n))
                .collect();
            kernels::for_each_in_box(&out_shape[..d], &starts[..d], &shape[..d], |lin| {
                let base = lin * od * inner;
                let targets = (0..before).chain(before + n..od);
                for (j, &s) in targets.zip(&map) {
                    kernels::clone_within(&mut buf, base + s * inner, base + j * inner, inner);
                }
            });
        }
    }
    Ok(Array::from_shape_vec(dim, buf).expect("buffer has the padded size"))
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
    D: Dimension,
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
    if matches!(
        mode,
        PadMode::Constant(_) | PadMode::Edge | PadMode::Reflect | PadMode::Symmetric | PadMode::Wrap
    ) {
        return pad_in_place(a, &width, &mode);
    }
    // Ramp and statistic modes: axis by axis in order, so corners see the padding of earlier
    // axes as in NumPy; each pass is one contiguous copy of the (outer, n, inner) blocks.
    let c = kernels::c_order(a);
    let mut shape = a.shape().to_vec();
    let mut data: std::borrow::Cow<'_, [T]> = std::borrow::Cow::Borrowed(kernels::slice_of(&c));
    for d in 0..nd {
        let (before, after) = width(d);
        if before == 0 && after == 0 {
            continue;
        }
        let n = shape[d];
        if n == 0 {
            return Err(empty_axis(d));
        }
        let stat = match &mode {
            PadMode::Maximum(l) => Some((PadStat::Maximum, *l)),
            PadMode::Minimum(l) => Some((PadStat::Minimum, *l)),
            PadMode::Mean(l) => Some((PadStat::Mean, *l)),
            PadMode::Median(l) => Some((PadStat::Median, *l)),
            _ => None,
        };
        let stat = match stat {
            Some((_, Some(0))) => {
                return Err(ArrayError::InvalidValue {
                    arg: "stat_length",
                    reason: "stat_length of 0 yields no value for padding".into(),
                });
            }
            Some((s, l)) => Some((s, l.unwrap_or(n).min(n))),
            None => None,
        };
        let (outer, _, inner) = kernels::split_dims(&shape, d);
        let mut out = Vec::with_capacity(outer * (n + before + after) * inner);
        let mut scratch: Vec<T> = Vec::new();
        for o in 0..outer {
            let block = &data[o * n * inner..(o + 1) * n * inner];
            match (&mode, stat) {
                (PadMode::LinearRamp(end), _) => {
                    let (first, last) = (&block[..inner], &block[(n - 1) * inner..]);
                    for k in 0..before {
                        out.extend(first.iter().map(|e| T::ramp(end, e, k, before)));
                    }
                    out.extend_from_slice(block);
                    for k in 0..after {
                        out.extend(last.iter().map(|e| T::ramp(end, e, after - 1 - k, after)));
                    }
                }
                (_, Some((st, l))) => {
                    let b = lane_stats(block, inner, 0..l, st, &mut scratch);
                    let e =
                        if l == n { b.clone() } else { lane_stats(block, inner, n - l..n, st, &mut scratch) };
                    for _ in 0..before {
                        out.extend_from_slice(&b);
                    }
                    out.extend_from_slice(block);
                    for _ in 0..after {
                        out.extend_from_slice(&e);
                    }
                }
                _ => unreachable!("index modes are padded in place"),
            }
        }
        shape[d] += before + after;
        data = out.into();
    }
    let mut dim = a.raw_dim();
    dim.slice_mut().copy_from_slice(&shape);
    Ok(Array::from_shape_vec(dim, data.into_owned()).expect("buffer has the padded size"))
}

/// The statistic over rows `rows` of a C-ordered `(n, inner)` block, one value per column.
fn lane_stats<T: PadElement>(
    block: &[T],
    inner: usize,
    rows: std::ops::Range<usize>,
    stat: PadStat,
    scratch: &mut Vec<T>,
) -> Vec<T> {
    if inner == 1 {
        scratch.clear();
        scratch.extend_from_slice(&block[rows]);
        return vec![T::stat(scratch, stat)];
    }
    if let Some(v) = T::stat_rows(&block[rows.start * inner..rows.end * inner], inner, stat) {
        return v;
    }
    let l = rows.len();
    // Transpose the rows into one contiguous run of `l` values per column (reads in order).
    // Done in column tiles so that only a few output runs are written at a time (cache friendly).
    const TILE: usize = 32;
    scratch.clear();
    scratch.extend_from_slice(&block[..l * inner]);
    let src = &block[rows.start * inner..rows.end * inner];
    for p0 in (0..inner).step_by(TILE) {
        let p1 = (p0 + TILE).min(inner);
        for i in 0..l {
            for p in p0..p1 {
                scratch[p * l + i] = src[i * inner + p].clone();
            }
        }
    }
    let cols = scratch;
    cols.chunks_mut(l).map(|c| T::stat(c, stat)).collect()
}
