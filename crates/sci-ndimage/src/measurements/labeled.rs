//! Per-label medians, histograms and user functions, and the indices of every value:
//! `median`, `histogram`, `labeled_comprehension`, `value_indices`.

use crate::element::{Element, LabelElement};
use crate::error::{Result, invalid};
use crate::measurements::stats::{groups, zip_c_order};
use crate::support::check_alloc;
use sci_array::ndarray::{ArrayBase, Data, Dimension};
use std::collections::BTreeMap;

/// NumPy's sort order for floats: NaN after everything.
fn total(a: f64, b: f64) -> std::cmp::Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        _ => a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal),
    }
}

/// `(a + b) / 2` in the input's precision (`f32` inputs round the sum to `f32`, as NumPy).
fn mid<T: Element>(a: f64, b: f64) -> f64 {
    let s = if T::IS_FLOAT { T::from_f64(a + b).to_f64() } else { a + b };
    s / 2.0
}

/// Median of the values of labelled regions.
///
/// With `index = None` the median of all pixels with a positive label (`numpy.median`: NaN
/// when a value is NaN or there is none); with `index = Some(idx)` one median per requested
/// label, computed as SciPy does: the values sorted by (label, value) (NaN last) and the two
/// middle values of each label averaged. A requested label that does not occur gets SciPy's
/// value for it: the first value of that sorted order (the smallest value of the smallest
/// label). Pass `labels` of ones for the median of the whole array. `f32` inputs average in
/// `f32`.
///
/// SciPy equivalent: `scipy.ndimage.median`.
///
/// # Errors
///
/// `labels` of another shape than the input; an empty input with `index` given (NumPy's
/// "zero-size array to reduction operation maximum").
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_ndimage::{label, median};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 1], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let (labels, _) = label(&a, None).unwrap();
/// assert_eq!(median(&a, &labels, Some(&[1, 2, 3])).unwrap(), vec![2.5, 4.0, 6.0]);
/// assert_eq!(median(&a, &labels.mapv(|_| 1), None).unwrap(), vec![1.0]);
/// assert_eq!(median(&a, &labels, None).unwrap(), vec![3.0]);
/// ```
pub fn median<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<f64>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    let g = groups(input, labels, index)?;
    let mut members = g.members(input);
    let Some(_) = index else {
        let mut v: Vec<f64> = members[0].0.iter().map(|x| x.to_f64()).collect();
        if v.is_empty() || v.iter().any(|x| x.is_nan()) {
            return Ok(vec![f64::NAN]);
        }
        let (l, h) = middle(&mut v);
        return Ok(vec![if l == h { h } else { mid::<T>(l, h) }]);
    };
    if input.is_empty() {
        return Err(invalid(
            "labels",
            "zero-size array to reduction operation maximum which has no identity",
        ));
    }
    // SciPy sorts by (label, value) and reads the middle of each label's run; a label that
    // does not occur reads the first element of that order. Selecting the middle of each
    // requested label's values gives the same numbers without the full sort.
    let mut first: Option<(i64, f64)> = None;
    zip_c_order(input, labels, |v, l| {
        let (l, v) = (l.to_i64(), v.to_f64());
        if first.is_none_or(|(fl, fv)| l < fl || (l == fl && total(v, fv).is_lt())) {
            first = Some((l, v));
        }
    });
    let first = first.map_or(f64::NAN, |f| f.1);
    let medians: Vec<f64> = members
        .iter_mut()
        .map(|(v, _)| {
            if v.is_empty() {
                return mid::<T>(first, first);
            }
            let mut b: Vec<f64> = v.iter().map(|x| x.to_f64()).collect();
            let (l, h) = middle(&mut b);
            mid::<T>(l, h)
        })
        .collect();
    Ok(g.slot.iter().map(|&k| medians[k]).collect())
}

fn middle(v: &mut [f64]) -> (f64, f64) {
    let n = v.len();
    let (left, h, _) = v.select_nth_unstable_by(n / 2, |a, c| total(*a, *c));
    let h = *h;
    if n % 2 == 1 {
        return (h, h);
    }
    (left.iter().copied().max_by(|a, c| total(*a, *c)).unwrap_or(h), h)
}

/// Apply `func(values, positions)` to each labelled region.
///
/// With `index = None`, one call on all pixels with a positive label; with `index =
/// Some(idx)`, one call per requested label on its pixels, and `default` for a label that
/// does not occur. `values` are the pixels in C order and `positions` their flat C-order
/// indices (SciPy's `pass_positions=True`; ignore them otherwise). SciPy hands a group's
/// pixels over in the order of an unstable sort of the labels; here they always come in C
/// order.
///
/// SciPy equivalent: `scipy.ndimage.labeled_comprehension` (`out_dtype` is the closure's
/// return type).
///
/// # Errors
///
/// `labels` of another shape than the input.
///
/// # Examples
///
/// SciPy's docstring example: the sum of each region and a default for a missing label.
///
/// ```
/// use sci_ndimage::{label, labeled_comprehension};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]];
/// let (lbl, _) = label(&a, None).unwrap();
/// let f = |v: &[i32], _: &[usize]| v.iter().sum::<i32>() as f64;
/// let r = labeled_comprehension(&a, &lbl, Some(&[1, 2, 3]), f, 0.0).unwrap();
/// assert_eq!(r, vec![11.0, 11.0, 12.0]);
/// let r = labeled_comprehension(&a, &lbl, Some(&[1, 2, -1]), f, -1.0).unwrap();
/// assert_eq!(r, vec![11.0, 11.0, -1.0]);
/// ```
pub fn labeled_comprehension<T, S, D, L, SL, R, F>(
    input: &ArrayBase<S, D>,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
    func: F,
    default: R,
) -> Result<Vec<R>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
    R: Clone,
    F: Fn(&[T], &[usize]) -> R,
{
    let g = groups(input, labels, index)?;
    let members = g.members(input);
    if index.is_none() {
        return Ok(vec![func(&members[0].0, &members[0].1)]);
    }
    Ok(g.slot
        .iter()
        .map(|&k| match &members[k] {
            (v, p) if !v.is_empty() => func(v, p),
            _ => default.clone(),
        })
        .collect())
}

/// The histogram of the values of labelled regions.
///
/// `bins` equal bins between `min` and `max` (edges `numpy.linspace(min, max, bins + 1)`;
/// the last bin includes `max`; values outside and NaN are not counted), per region as in
/// [`labeled_comprehension`]; `None` for a requested label that does not occur.
///
/// SciPy equivalent: `scipy.ndimage.histogram`.
///
/// # Errors
///
/// `labels` of another shape than the input, `bins == 0`, `min > max` ("`bins` must
/// increase monotonically"), non-finite `min`/`max`.
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_ndimage::histogram;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]];
/// let a = a + array![[0.0, 0.2146, 0.5962, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.7778], [0.0, 0.0, 0.0, 0.0]];
/// let ones = a.mapv(|_| 1);
/// let h = histogram(&a, 0.0, 1.0, 10, &ones, None).unwrap();
/// assert_eq!(h, vec![Some(vec![13, 0, 1, 0, 0, 1, 0, 1, 0, 0])]);
/// ```
pub fn histogram<T, S, D, L, SL>(
    input: &ArrayBase<S, D>,
    min: f64,
    max: f64,
    bins: usize,
    labels: &ArrayBase<SL, D>,
    index: Option<&[i64]>,
) -> Result<Vec<Option<Vec<usize>>>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    L: LabelElement,
    SL: Data<Elem = L>,
{
    if bins == 0 {
        return Err(invalid("bins", "bins must be positive"));
    }
    if !min.is_finite() || !max.is_finite() {
        return Err(invalid("min", "range of the bins must be finite"));
    }
    if min > max {
        return Err(invalid("max", "`bins` must increase monotonically, when an array"));
    }
    // numpy.linspace: start + i * step, the last edge exactly `max`.
    let step = (max - min) / bins as f64;
    // NumPy's "array is too big" / MemoryError for the `bins + 1` edges.
    let n_edges = bins.saturating_add(1);
    check_alloc(&[n_edges], std::mem::size_of::<f64>(), "bins")?;
    let mut edges: Vec<f64> = Vec::new();
    edges
        .try_reserve_exact(n_edges)
        .map_err(|_| invalid("bins", "Unable to allocate the bin edges (MemoryError)"))?;
    edges.extend((0..=bins).map(|i| min + i as f64 * step));
    edges[bins] = max;
    let hist = |v: &[T], _: &[usize]| {
        let mut s: Vec<f64> = v.iter().map(|x| x.to_f64()).collect();
        s.sort_by(|a, b| total(*a, *b));
        // NumPy's counts: searchsorted left on every edge but the last, right on the last.
        let mut cum: Vec<usize> = edges[..bins].iter().map(|&e| s.partition_point(|&x| x < e)).collect();
        cum.push(s.partition_point(|&x| x <= max));
        Some(cum.windows(2).map(|w| w[1] - w[0]).collect::<Vec<usize>>())
    };
    labeled_comprehension(input, labels, index, hist, None)
}

/// The indices of every distinct value of an integer array.
///
/// Returns, ordered by value, each value with its indices as one list of coordinates per
/// axis (C order), like the tuples of arrays SciPy returns; `ignore_value` is left out.
///
/// SciPy equivalent: `scipy.ndimage.value_indices`.
///
/// # Errors
///
/// A `bool` array ("Parameter 'arr' must be an integer array").
///
/// # Examples
///
/// ```
/// use sci_ndimage::value_indices;
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[3, 1, 3], [0, -2, 1]];
/// let v = value_indices(&a, Some(3)).unwrap();
/// assert_eq!(v.keys().copied().collect::<Vec<_>>(), vec![-2, 0, 1]);
/// assert_eq!(v[&1], vec![vec![0, 1], vec![1, 2]]);
/// ```
pub fn value_indices<T, S, D>(
    arr: &ArrayBase<S, D>,
    ignore_value: Option<T>,
) -> Result<BTreeMap<T, Vec<Vec<usize>>>>
where
    T: LabelElement + Ord,
    S: Data<Elem = T>,
    D: Dimension,
{
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<bool>() {
        return Err(invalid("arr", "Parameter 'arr' must be an integer array"));
    }
    let nd = arr.ndim();
    let mut out: BTreeMap<T, Vec<Vec<usize>>> = BTreeMap::new();
    for (idx, &v) in arr.view().into_dyn().indexed_iter() {
        if ignore_value == Some(v) {
            continue;
        }
        let e = out.entry(v).or_insert_with(|| vec![Vec::new(); nd]);
        for (d, coords) in e.iter_mut().enumerate() {
            coords.push(idx[d]);
        }
    }
    Ok(out)
}
