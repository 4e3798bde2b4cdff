//! Set routines on arrays: `unique` (with index, inverse and counts, over an axis),
//! `intersect1d`, `union1d`, `setdiff1d`, `setxor1d`, `isin`.
//!
//! Values are compared as [`sort`](crate::sort) orders them: `-0.0 == 0.0` and all NaNs are one
//! value (NumPy's `equal_nan=True`), except in [`isin`], which like NumPy uses `==` so NaN is
//! never found. Integer inputs with a small value range are handled by counting (no sort).

use crate::sorting::{SortElement, argsort_stable_vec, sort_vec};
use crate::{Result, normalize_axis};
use ndarray::{Array, Array1, ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn};
use std::cmp::Ordering;

/// Options of [`unique`]; the default returns only the unique values of the flattened array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UniqueOptions {
    /// Also return the index of the first occurrence of each unique value.
    pub return_index: bool,
    /// Also return, for each input element, the index of its value in the unique values.
    pub return_inverse: bool,
    /// Also return how often each unique value occurs.
    pub return_counts: bool,
    /// Find unique slices along this axis instead of unique elements of the flattened array.
    pub axis: Option<isize>,
}

/// The result of [`unique`]: the fields not asked for in [`UniqueOptions`] are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unique<T> {
    /// The sorted unique values (1-d), or the unique slices along the axis.
    pub values: ArrayD<T>,
    /// First occurrence of each unique value (in the flattened input, or along the axis).
    pub indices: Option<Array1<usize>>,
    /// For each input element (shape of the input, as NumPy 2) or slice along the axis (1-d):
    /// the index into `values` that rebuilds it.
    pub inverse: Option<ArrayD<usize>>,
    /// Number of occurrences of each unique value.
    pub counts: Option<Array1<usize>>,
}

#[inline]
fn same<T: SortElement>(a: &T, b: &T) -> bool {
    a.cmp_nan_last(b) == Ordering::Equal
}

/// NumPy's `==`: like [`same`] but NaN equals nothing.
#[inline]
fn equal<T: SortElement>(a: &T, b: &T) -> bool {
    !a.is_nan_elem() && same(a, b)
}

/// Largest key range handled by counting, relative to the input length.
fn counting_range_ok(range: u64, n: usize) -> bool {
    range < (1 << 24) && range <= 2 * n as u64 + 1024
}

/// The flattened unique of `v` (C order).
fn unique_flat<T: SortElement>(
    v: &[T],
    opts: &UniqueOptions,
) -> (Vec<T>, Vec<usize>, Vec<usize>, Vec<usize>) {
    let n = v.len();
    if T::EXACT_KEY && n > 0 {
        let (mut lo, mut hi) = (u64::MAX, 0u64);
        for x in v {
            let k = x.radix_key().unwrap_or(0);
            lo = lo.min(k);
            hi = hi.max(k);
        }
        if counting_range_ok(hi - lo, n) {
            return unique_counting(v, lo, (hi - lo) as usize + 1, opts);
        }
    }
    if !opts.return_index && !opts.return_inverse {
        let mut s = v.to_vec();
        sort_vec(&mut s);
        let mut vals: Vec<T> = Vec::new();
        let mut counts = Vec::new();
        for x in s {
            match vals.last() {
                Some(l) if same(l, &x) => *counts.last_mut().expect("counts follow values") += 1,
                _ => {
                    vals.push(x);
                    counts.push(1);
                }
            }
        }
        return (vals, Vec::new(), Vec::new(), counts);
    }
    let perm = argsort_stable_vec(v);
    let (mut vals, mut first, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    let mut inverse = if opts.return_inverse { vec![0; n] } else { Vec::new() };
    for &p in &perm {
        let x = v[p];
        match vals.last() {
            Some(l) if same(l, &x) => *counts.last_mut().expect("counts follow values") += 1,
            _ => {
                vals.push(x);
                first.push(p);
                counts.push(1);
            }
        }
        if opts.return_inverse {
            inverse[p] = vals.len() - 1;
        }
    }
    (vals, first, inverse, counts)
}

/// Unique by counting keys in `lo..lo + range` (integers with a small range).
fn unique_counting<T: SortElement>(
    v: &[T],
    lo: u64,
    range: usize,
    opts: &UniqueOptions,
) -> (Vec<T>, Vec<usize>, Vec<usize>, Vec<usize>) {
    let key = |x: &T| (x.radix_key().unwrap_or(0) - lo) as usize;
    let mut counts = vec![0usize; range];
    for x in v {
        counts[key(x)] += 1;
    }
    let mut rank = vec![usize::MAX; range];
    let mut vals = Vec::new();
    let mut cnt = Vec::new();
    for (k, &c) in counts.iter().enumerate() {
        if c > 0 {
            rank[k] = vals.len();
            vals.push(T::from_radix_key(k as u64 + lo));
            cnt.push(c);
        }
    }
    let mut first = Vec::new();
    if opts.return_index {
        first = vec![usize::MAX; vals.len()];
        for (i, x) in v.iter().enumerate() {
            let r = rank[key(x)];
            if first[r] == usize::MAX {
                first[r] = i;
            }
        }
    }
    let inverse = if opts.return_inverse { v.iter().map(|x| rank[key(x)]).collect() } else { Vec::new() };
    (vals, first, inverse, cnt)
}

/// Lexicographic NaN-last comparison of two rows.
fn cmp_rows<T: SortElement>(a: &[T], b: &[T]) -> Ordering {
    a.iter().zip(b).map(|(x, y)| x.cmp_nan_last(y)).find(|o| *o != Ordering::Equal).unwrap_or(Ordering::Equal)
}

/// The sorted unique elements of `a` (or unique slices along `opts.axis`), optionally with
/// first-occurrence indices, the inverse map and counts.
///
/// NaNs are collapsed into one value and `-0.0 == 0.0`, as in NumPy (`equal_nan=True`).
///
/// NumPy equivalent: `numpy.unique(a, return_index, return_inverse, return_counts, axis)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`](crate::ArrayError::AxisOutOfBounds) for a bad `opts.axis`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{unique, UniqueOptions};
/// let a = array![1, 1, 2, 2, 3, 3];
/// let u = unique(&a, UniqueOptions::default()).unwrap();
/// assert_eq!(u.values, array![1, 2, 3].into_dyn());
/// let b = array![[1, 0, 0], [1, 0, 0], [2, 3, 4]];
/// let opts = UniqueOptions { axis: Some(0), return_counts: true, ..Default::default() };
/// let u = unique(&b, opts).unwrap();
/// assert_eq!(u.values, array![[1, 0, 0], [2, 3, 4]].into_dyn());
/// assert_eq!(u.counts.unwrap(), array![2, 1]);
/// let opts = UniqueOptions { return_index: true, return_inverse: true, ..Default::default() };
/// let u = unique(&array![5.0, f64::NAN, 2.0, 5.0, f64::NAN], opts).unwrap();
/// assert_eq!(u.values.len(), 3);
/// assert_eq!(u.indices.unwrap(), array![2, 0, 1]);
/// assert_eq!(u.inverse.unwrap(), array![1, 2, 0, 1, 2].into_dyn());
/// ```
pub fn unique<T, S, D>(a: &ArrayBase<S, D>, opts: UniqueOptions) -> Result<Unique<T>>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let Some(axis) = opts.axis else {
        let flat: Vec<T> = match a.as_slice() {
            Some(s) => s.to_vec(),
            None => a.iter().copied().collect(),
        };
        let (vals, first, inverse, counts) = unique_flat(&flat, &opts);
        return Ok(Unique {
            values: Array1::from(vals).into_dyn(),
            indices: opts.return_index.then(|| Array1::from(first)),
            inverse: opts
                .return_inverse
                .then(|| ArrayD::from_shape_vec(IxDyn(a.shape()), inverse).expect("one entry per element")),
            counts: opts.return_counts.then(|| Array1::from(counts)),
        });
    };
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let n = a.len_of(Axis(ax));
    // Rows = slices along `ax`, flattened in C order.
    let moved = a.view().into_dyn();
    let rows: Vec<Vec<T>> = moved.axis_iter(Axis(ax)).map(|s| s.iter().copied().collect()).collect();
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&i, &j| cmp_rows(&rows[i], &rows[j]));
    let (mut keep, mut counts): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut inverse = vec![0; n];
    for &p in &perm {
        match keep.last() {
            Some(&l) if cmp_rows(&rows[l], &rows[p]) == Ordering::Equal => {
                *counts.last_mut().expect("counts follow values") += 1;
            }
            _ => {
                keep.push(p);
                counts.push(1);
            }
        }
        inverse[p] = keep.len() - 1;
    }
    let values = if keep.is_empty() {
        let mut sh = a.shape().to_vec();
        sh[ax] = 0;
        ArrayD::from_shape_vec(IxDyn(&sh), Vec::new()).expect("empty")
    } else {
        moved.select(Axis(ax), &keep)
    };
    Ok(Unique {
        values,
        indices: opts.return_index.then(|| Array1::from(keep)),
        inverse: opts.return_inverse.then(|| Array1::from(inverse).into_dyn()),
        counts: opts.return_counts.then(|| Array1::from(counts)),
    })
}

/// The sorted unique values of the flattened array (NumPy 2's array-API function).
///
/// NumPy equivalent: `numpy.unique_values(x)` (returned sorted here)
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::unique_values;
/// assert_eq!(unique_values(&array![[3, 1], [3, 2]]), array![1, 2, 3]);
/// ```
pub fn unique_values<T, S, D>(a: &ArrayBase<S, D>) -> Array1<T>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let flat: Vec<T> = a.iter().copied().collect();
    Array1::from(unique_flat(&flat, &UniqueOptions::default()).0)
}

/// The sorted unique values of the flattened array and how often each occurs.
///
/// Integer input whose range is at most about twice its length is counted directly, with no
/// sort.
///
/// NumPy equivalent: `numpy.unique_counts(x)` / `numpy.unique(x, return_counts=True)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::unique_counts;
/// let (v, c) = unique_counts(&array![4, 1, 4, 4, -2]);
/// assert_eq!(v, array![-2, 1, 4]);
/// assert_eq!(c, array![1, 1, 3]);
/// ```
pub fn unique_counts<T, S, D>(a: &ArrayBase<S, D>) -> (Array1<T>, Array1<usize>)
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let flat: Vec<T> = match a.as_slice() {
        Some(s) => s.to_vec(),
        None => a.iter().copied().collect(),
    };
    let opts = UniqueOptions { return_counts: true, ..Default::default() };
    let (v, _, _, c) = unique_flat(&flat, &opts);
    (Array1::from(v), Array1::from(c))
}

fn unique_sorted<T: SortElement>(v: impl Iterator<Item = T>) -> Vec<T> {
    let flat: Vec<T> = v.collect();
    unique_flat(&flat, &UniqueOptions::default()).0
}

/// The sorted common values of `a` and `b` (flattened).
///
/// NaN is never common (`NaN != NaN`, as in NumPy). With `assume_unique` the inputs are taken as already free of duplicates, which is faster;
/// if they are not, the result may hold duplicates (as in NumPy).
///
/// NumPy equivalent: `numpy.intersect1d(a, b, assume_unique)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::intersect1d;
/// assert_eq!(intersect1d(&array![1, 3, 4, 3], &array![3, 1, 2, 1], false), array![1, 3]);
/// ```
pub fn intersect1d<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    assume_unique: bool,
) -> Array1<T>
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    intersect1d_indices(a, b, assume_unique).0
}

/// [`intersect1d`] with the indices of the first occurrences of the common values in the
/// flattened `a` and `b` (NumPy's `return_indices=True`).
///
/// NumPy equivalent: `numpy.intersect1d(a, b, assume_unique, return_indices=True)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::intersect1d_indices;
/// let (v, ia, ib) = intersect1d_indices(&array![1, 1, 2, 3, 4], &array![2, 1, 4, 6], false);
/// assert_eq!(v, array![1, 2, 4]);
/// assert_eq!(ia, array![0, 2, 4]);
/// assert_eq!(ib, array![1, 0, 2]);
/// ```
pub fn intersect1d_indices<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    assume_unique: bool,
) -> (Array1<T>, Array1<usize>, Array1<usize>)
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let opts = UniqueOptions { return_index: true, ..Default::default() };
    let prep = |v: Vec<T>| -> (Vec<T>, Option<Vec<usize>>) {
        if assume_unique {
            (v, None)
        } else {
            let (u, first, _, _) = unique_flat(&v, &opts);
            (u, Some(first))
        }
    };
    let (ua, ia) = prep(a.iter().copied().collect());
    let (ub, ib) = prep(b.iter().copied().collect());
    let na = ua.len();
    let aux: Vec<T> = ua.into_iter().chain(ub).collect();
    let perm = argsort_stable_vec(&aux);
    let (mut vals, mut xa, mut xb) = (Vec::new(), Vec::new(), Vec::new());
    for w in perm.windows(2) {
        if equal(&aux[w[0]], &aux[w[1]]) {
            vals.push(aux[w[0]]);
            let (i, j) = (w[0], w[1].wrapping_sub(na));
            xa.push(ia.as_ref().map_or(i, |f| f[i]));
            xb.push(ib.as_ref().map_or(j, |f| f.get(j).copied().unwrap_or(j)));
        }
    }
    (Array1::from(vals), Array1::from(xa), Array1::from(xb))
}

/// The sorted unique values that are in `a`, in `b`, or in both.
///
/// NumPy equivalent: `numpy.union1d(a, b)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::union1d;
/// assert_eq!(union1d(&array![-1, 0, 1], &array![-2, 0, 2]), array![-2, -1, 0, 1, 2]);
/// ```
pub fn union1d<T, S1, S2, D1, D2>(a: &ArrayBase<S1, D1>, b: &ArrayBase<S2, D2>) -> Array1<T>
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    Array1::from(unique_sorted(a.iter().chain(b.iter()).copied()))
}

/// The unique values of `a` that are not in `b` (sorted; with `assume_unique`, in the order of
/// `a`).
///
/// NumPy equivalent: `numpy.setdiff1d(a, b, assume_unique)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::setdiff1d;
/// assert_eq!(setdiff1d(&array![1, 2, 3, 2, 4, 1], &array![3, 4, 5, 6], false), array![1, 2]);
/// assert_eq!(setdiff1d(&array![5, 1, 3], &array![3], true), array![5, 1]);
/// ```
pub fn setdiff1d<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    assume_unique: bool,
) -> Array1<T>
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let av: Vec<T> =
        if assume_unique { a.iter().copied().collect() } else { unique_sorted(a.iter().copied()) };
    let bv = unique_sorted(b.iter().copied());
    Array1::from(av.into_iter().filter(|x| !contains_eq(&bv, x)).collect::<Vec<T>>())
}

/// The sorted values that are in exactly one of `a` and `b` (a NaN, equal to nothing, is in
/// exactly one).
///
/// NumPy equivalent: `numpy.setxor1d(a, b, assume_unique)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::setxor1d;
/// assert_eq!(setxor1d(&array![1, 2, 3, 2, 4], &array![2, 3, 5, 7, 5], false), array![1, 4, 5, 7]);
/// ```
pub fn setxor1d<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    assume_unique: bool,
) -> Array1<T>
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (mut aux, bv): (Vec<T>, Vec<T>) = if assume_unique {
        (a.iter().copied().collect(), b.iter().copied().collect())
    } else {
        (unique_sorted(a.iter().copied()), unique_sorted(b.iter().copied()))
    };
    aux.extend(bv);
    sort_vec(&mut aux);
    let n = aux.len();
    let out: Vec<T> = (0..n)
        .filter(|&i| (i == 0 || !equal(&aux[i - 1], &aux[i])) && (i + 1 == n || !equal(&aux[i], &aux[i + 1])))
        .map(|i| aux[i])
        .collect();
    Array1::from(out)
}

/// Whether sorted-unique `sorted` holds a value `== x` (NaN equals nothing, as NumPy's `==`).
fn contains_eq<T: SortElement>(sorted: &[T], x: &T) -> bool {
    if x.is_nan_elem() {
        return false;
    }
    sorted.binary_search_by(|y| y.cmp_nan_last(x)).is_ok()
}

/// For each element of `element`, whether it equals some element of `test_elements` (or not,
/// with `invert`). The result has the shape of `element`. NaN is never found (`NaN != NaN`).
///
/// NumPy equivalent: `numpy.isin(element, test_elements, invert=invert)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::isin;
/// let e = array![[0, 2], [4, 6]];
/// assert_eq!(isin(&e, &array![1, 2, 4, 8], false), array![[false, true], [true, false]]);
/// assert_eq!(isin(&e, &array![1, 2, 4, 8], true), array![[true, false], [false, true]]);
/// assert_eq!(isin(&array![f64::NAN, -0.0], &array![f64::NAN, 0.0], false), array![false, true]);
/// ```
pub fn isin<T, S1, S2, D1, D2>(
    element: &ArrayBase<S1, D1>,
    test_elements: &ArrayBase<S2, D2>,
    invert: bool,
) -> Array<bool, D1>
where
    T: SortElement,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    if T::EXACT_KEY && !test_elements.is_empty() {
        let (mut lo, mut hi) = (u64::MAX, 0u64);
        for x in test_elements.iter() {
            let k = x.radix_key().unwrap_or(0);
            lo = lo.min(k);
            hi = hi.max(k);
        }
        if counting_range_ok(hi - lo, element.len() + test_elements.len()) {
            let mut present = vec![false; (hi - lo) as usize + 1];
            for x in test_elements.iter() {
                present[(x.radix_key().unwrap_or(0) - lo) as usize] = true;
            }
            return element.map(|x| {
                let k = x.radix_key().unwrap_or(0);
                (k >= lo && k <= hi && present[(k - lo) as usize]) != invert
            });
        }
    }
    let sorted = unique_sorted(test_elements.iter().copied());
    element.map(|x| contains_eq(&sorted, x) != invert)
}
