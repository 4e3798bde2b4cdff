//! Sorting and searching: `sort`, `argsort`, `lexsort`, `partition`, `argpartition`,
//! `searchsorted`.
//!
//! All of them order elements as NumPy does: ascending, NaN after every number (for complex
//! numbers lexicographically on `(re, im)` with NaN parts last), `-0.0 == 0.0`. The element
//! types are those of [`SortElement`]: the integers, `bool`, `f32`, `f64` and `Complex<f32/f64>`.
//!
//! Large inputs of integers and floats are sorted on an order-preserving integer key: `sort` by
//! an AVX-512 quicksort (NumPy's x86-simd-sort design, on both cores with the `rayon` feature)
//! on CPUs with AVX-512 and by an MSD radix sort elsewhere (see `sorting/radix.rs`); `argsort`
//! by a stable LSD radix sort of (key, index) pairs (in parallel halves merged in parallel with
//! the `rayon` feature).

#[cfg(target_arch = "x86_64")]
mod avx512;
mod radix;

use crate::{ArrayError, Result, normalize_axis};
use ndarray::{Array, Array1, ArrayBase, ArrayView1, Axis, Data, Dimension, Zip};
use num_complex::Complex;
use std::cmp::Ordering;

/// Below this length slices are sorted by comparison; above it by radix sort.
const RADIX_MIN: usize = 1 << 12;
/// Above this many elements sorting work is spread over threads.
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 1 << 17;

/// The sorting algorithm, NumPy's `kind` argument.
///
/// The result of [`sort`] is the same for both; for [`argsort`] `Stable` keeps equal elements
/// in their original order (NumPy's `kind="stable"` / `"mergesort"`), while `QuickSort` gives
/// no guarantee for ties (this crate's quicksort happens to be stable for large integer and
/// float inputs, but do not rely on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKind {
    /// NumPy's default `kind="quicksort"` (an introsort; not stable).
    #[default]
    QuickSort,
    /// NumPy's `kind="stable"` (also `"mergesort"`): ties keep their input order.
    Stable,
}

/// Which side [`searchsorted`] returns for values equal to an element of the sorted array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The first suitable position: `a[i-1] < v <= a[i]` (NumPy's default).
    #[default]
    Left,
    /// The last suitable position: `a[i-1] <= v < a[i]`.
    Right,
}

/// An element type that can be sorted the way NumPy sorts it.
///
/// [`cmp_nan_last`](SortElement::cmp_nan_last) is a total order: numbers ascending, NaN last
/// (NaNs equal to each other), `-0.0 == 0.0`.
///
/// # Examples
///
/// ```
/// use sci_array::SortElement;
/// use std::cmp::Ordering;
/// assert_eq!(f64::NAN.cmp_nan_last(&f64::INFINITY), Ordering::Greater);
/// assert_eq!((-0.0f64).cmp_nan_last(&0.0), Ordering::Equal);
/// assert_eq!(3i32.cmp_nan_last(&-1), Ordering::Greater);
/// ```
pub trait SortElement: Copy + Send + Sync + 'static {
    /// NumPy's sort order: ascending with NaN last.
    fn cmp_nan_last(&self, other: &Self) -> Ordering;

    /// An order-preserving `u64` key (`a < b` iff `key(a) < key(b)` up to `-0.0`/`0.0` and NaN
    /// payloads), when the type has one; enables the radix sort.
    #[doc(hidden)]
    fn radix_key(self) -> Option<u64> {
        None
    }

    /// The inverse of [`radix_key`](SortElement::radix_key).
    #[doc(hidden)]
    fn from_radix_key(_key: u64) -> Self {
        unreachable!("from_radix_key is only called for types with a radix key")
    }

    /// Whether [`radix_key`](SortElement::radix_key) is available.
    #[doc(hidden)]
    const HAS_RADIX_KEY: bool = false;

    /// Whether equal radix keys mean equal values and vice versa (integers: no `-0.0`/NaN).
    #[doc(hidden)]
    const EXACT_KEY: bool = false;

    /// True for NaN (and complex numbers with a NaN part).
    #[doc(hidden)]
    fn is_nan_elem(&self) -> bool {
        false
    }
}

macro_rules! sort_unsigned {
    ($($t:ty),*) => {$(
        impl SortElement for $t {
            #[inline]
            fn cmp_nan_last(&self, other: &Self) -> Ordering { self.cmp(other) }
            #[inline]
            fn radix_key(self) -> Option<u64> { Some(self as u64) }
            #[inline]
            fn from_radix_key(key: u64) -> Self { key as $t }
            const HAS_RADIX_KEY: bool = true;
            const EXACT_KEY: bool = true;
        }
    )*};
}
sort_unsigned!(u8, u16, u32, u64, usize);

macro_rules! sort_signed {
    ($($t:ty),*) => {$(
        impl SortElement for $t {
            #[inline]
            fn cmp_nan_last(&self, other: &Self) -> Ordering { self.cmp(other) }
            #[inline]
            fn radix_key(self) -> Option<u64> { Some((self as i64 as u64) ^ (1 << 63)) }
            #[inline]
            fn from_radix_key(key: u64) -> Self { (key ^ (1 << 63)) as i64 as $t }
            const HAS_RADIX_KEY: bool = true;
            const EXACT_KEY: bool = true;
        }
    )*};
}
sort_signed!(i8, i16, i32, i64, isize);

impl SortElement for bool {
    fn cmp_nan_last(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

#[inline]
fn cmp_float<F: PartialOrd + Copy>(a: F, b: F) -> Ordering {
    match a.partial_cmp(&b) {
        Some(o) => o,
        #[allow(clippy::eq_op)]
        None => match (a != a, b != b) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            _ => Ordering::Less,
        },
    }
}

impl SortElement for f64 {
    #[inline]
    fn cmp_nan_last(&self, other: &Self) -> Ordering {
        cmp_float(*self, *other)
    }
    #[inline]
    fn radix_key(self) -> Option<u64> {
        // Negative: all bits flipped; positive: the sign bit set. Branch-free (the sign of
        // random data is unpredictable).
        let b = self.to_bits();
        let k = b ^ (((b as i64 >> 63) as u64) | (1 << 63));
        Some(if self.is_nan() { u64::MAX } else { k })
    }
    #[inline]
    fn from_radix_key(key: u64) -> Self {
        f64::from_bits(key ^ ((!(key as i64 >> 63) as u64) | (1 << 63)))
    }
    const HAS_RADIX_KEY: bool = true;
    fn is_nan_elem(&self) -> bool {
        self.is_nan()
    }
}

impl SortElement for f32 {
    #[inline]
    fn cmp_nan_last(&self, other: &Self) -> Ordering {
        cmp_float(*self, *other)
    }
    #[inline]
    fn radix_key(self) -> Option<u64> {
        let b = self.to_bits();
        let k = b ^ (((b as i32 >> 31) as u32) | (1 << 31));
        Some(u64::from(if self.is_nan() { u32::MAX } else { k }))
    }
    #[inline]
    fn from_radix_key(key: u64) -> Self {
        let k = key as u32;
        f32::from_bits(k ^ ((!(k as i32 >> 31) as u32) | (1 << 31)))
    }
    const HAS_RADIX_KEY: bool = true;
    fn is_nan_elem(&self) -> bool {
        self.is_nan()
    }
}

macro_rules! sort_complex {
    ($($t:ty),*) => {$(
        impl SortElement for Complex<$t> {
            fn cmp_nan_last(&self, other: &Self) -> Ordering {
                match (self.re.is_nan(), other.re.is_nan()) {
                    (false, false) => cmp_float(self.re, other.re).then(cmp_float(self.im, other.im)),
                    (true, true) => cmp_float(self.im, other.im),
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                }
            }
            fn is_nan_elem(&self) -> bool { self.re.is_nan() || self.im.is_nan() }
        }
    )*};
}
sort_complex!(f32, f64);

// ---------------------------------------------------------------------------------------------
// Kernels on slices.

/// Runs two closures, in parallel when the `rayon` feature is on.
fn join<A: FnOnce() + Send, B: FnOnce() + Send>(a: A, b: B) {
    #[cfg(feature = "rayon")]
    {
        rayon::join(a, b);
    }
    #[cfg(not(feature = "rayon"))]
    {
        a();
        b();
    }
}

/// Stable LSD radix sort by an 11-bit digit of `key`; digits equal for all items are skipped.
fn radix_sort_by_key<T: Copy + Default, K: Fn(&T) -> u64>(v: &mut [T], key: K) {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    const PASSES: usize = 6;
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut hist = vec![[0usize; BUCKETS]; PASSES];
    for x in v.iter() {
        let k = key(x);
        for (p, h) in hist.iter_mut().enumerate() {
            h[((k >> (p as u32 * BITS)) as usize) & (BUCKETS - 1)] += 1;
        }
    }
    let mut buf = vec![T::default(); n];
    let mut in_v = true; // whether the current data lives in `v`
    for (p, h) in hist.iter_mut().enumerate() {
        if h.contains(&n) {
            continue; // every item has the same digit: the pass would be the identity
        }
        let mut sum = 0;
        for c in h.iter_mut() {
            let t = *c;
            *c = sum;
            sum += t;
        }
        let shift = p as u32 * BITS;
        let (src, dst): (&[T], &mut [T]) = if in_v { (&*v, &mut buf) } else { (&buf, &mut *v) };
        for x in src {
            let d = ((key(x) >> shift) as usize) & (BUCKETS - 1);
            dst[h[d]] = *x;
            h[d] += 1;
        }
        in_v = !in_v;
    }
    if !in_v {
        v.copy_from_slice(&buf);
    }
}

/// Stable merge of the sorted runs `a` and `b` into `dst` (`dst.len() == a.len() + b.len()`),
/// splitting the work over threads for long runs.
fn merge_into<T: Copy + Send + Sync, F: Fn(&T, &T) -> Ordering + Sync>(
    a: &[T],
    b: &[T],
    dst: &mut [T],
    cmp: &F,
) {
    const SEQ: usize = 1 << 16;
    if a.len() + b.len() <= SEQ || a.is_empty() || b.is_empty() {
        let (mut i, mut j) = (0, 0);
        for d in dst.iter_mut() {
            if j >= b.len() || (i < a.len() && cmp(&b[j], &a[i]) != Ordering::Less) {
                *d = a[i];
                i += 1;
            } else {
                *d = b[j];
                j += 1;
            }
        }
        return;
    }
    // Split at the middle of the longer run; ties go left for `a`, right for `b` (stable).
    let (ia, ib) = if a.len() >= b.len() {
        let ia = a.len() / 2;
        (ia, b.partition_point(|y| cmp(y, &a[ia]) == Ordering::Less))
    } else {
        let ib = b.len() / 2;
        (a.partition_point(|x| cmp(x, &b[ib]) != Ordering::Greater), ib)
    };
    let (d0, d1) = dst.split_at_mut(ia + ib);
    join(|| merge_into(&a[..ia], &b[..ib], d0, cmp), || merge_into(&a[ia..], &b[ib..], d1, cmp));
}

/// Radix sort by key, in two parallel halves merged in parallel for large inputs.
fn radix_sort_par<T, K>(v: &mut [T], key: &K)
where
    T: Copy + Default + Send + Sync,
    K: Fn(&T) -> u64 + Sync,
{
    #[cfg(feature = "rayon")]
    if v.len() >= PAR_MIN && rayon::current_num_threads() > 1 {
        let mid = v.len() / 2;
        {
            let (lo, hi) = v.split_at_mut(mid);
            join(|| radix_sort_par(lo, key), || radix_sort_par(hi, key));
        }
        let src = v.to_vec();
        let (lo, hi) = src.split_at(mid);
        merge_into(lo, hi, v, &|x: &T, y: &T| key(x).cmp(&key(y)));
        return;
    }
    radix_sort_by_key(v, key);
}

/// Sorts a slice in NumPy order.
fn sort_slice<T: SortElement>(v: &mut [T], kind: SortKind) {
    if T::HAS_RADIX_KEY && v.len() >= RADIX_MIN {
        radix::sort(v);
        return;
    }
    match kind {
        SortKind::QuickSort => v.sort_unstable_by(T::cmp_nan_last),
        SortKind::Stable => v.sort_by(T::cmp_nan_last),
    }
}

/// Writes into `out` the permutation that sorts `lane` (stable for radix-keyed types and for
/// [`SortKind::Stable`]).
fn argsort_lane<T: SortElement>(lane: &ArrayView1<'_, T>, out: &mut [usize], kind: SortKind) {
    if T::HAS_RADIX_KEY && lane.len() >= RADIX_MIN {
        let mut pairs: Vec<(u64, usize)> =
            lane.iter().enumerate().map(|(i, x)| (x.radix_key().unwrap_or(0), i)).collect();
        radix_sort_par(&mut pairs, &|p: &(u64, usize)| p.0);
        for (o, p) in out.iter_mut().zip(&pairs) {
            *o = p.1;
        }
        return;
    }
    let mut pairs: Vec<(T, usize)> = lane.iter().copied().zip(0..).collect();
    match kind {
        SortKind::QuickSort => {
            pairs.sort_unstable_by(|x, y| x.0.cmp_nan_last(&y.0).then(x.1.cmp(&y.1)));
        }
        SortKind::Stable => pairs.sort_by(|x, y| x.0.cmp_nan_last(&y.0)),
    }
    for (o, p) in out.iter_mut().zip(&pairs) {
        *o = p.1;
    }
}

/// Applies `f` to every lane of `a` along `axis`, through a contiguous buffer when the lane is
/// strided; lanes are processed in parallel for large arrays.
fn for_each_lane_mut<T, D, F>(a: &mut Array<T, D>, axis: usize, f: F)
where
    T: Copy + Send + Sync,
    D: Dimension,
    F: Fn(&mut [T]) + Sync + Send,
{
    let run = |mut lane: ndarray::ArrayViewMut1<'_, T>| match lane.as_slice_mut() {
        Some(s) => f(s),
        None => {
            let mut buf = lane.to_vec();
            f(&mut buf);
            for (d, s) in lane.iter_mut().zip(&buf) {
                *d = *s;
            }
        }
    };
    #[cfg(feature = "rayon")]
    if a.len() >= PAR_MIN && a.len_of(Axis(axis)) < a.len() {
        Zip::from(a.lanes_mut(Axis(axis))).par_for_each(run);
        return;
    }
    Zip::from(a.lanes_mut(Axis(axis))).for_each(run);
}

/// `a.to_owned()`, copied into a huge-page buffer (in parallel for large arrays) when `a` is in
/// standard order.
fn owned_copy<T, S, D>(a: &ArrayBase<S, D>) -> Array<T, D>
where
    T: Copy + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
{
    let Some(src) = a.as_slice() else {
        return a.to_owned();
    };
    let copy = |start: usize, out: &mut [std::mem::MaybeUninit<T>]| {
        let len = out.len();
        for (o, &x) in out.iter_mut().zip(&src[start..start + len]) {
            o.write(x);
        }
    };
    #[cfg(feature = "rayon")]
    let par_min = PAR_MIN;
    #[cfg(not(feature = "rayon"))]
    let par_min = usize::MAX;
    #[allow(unsafe_code)]
    // SAFETY: `copy` writes every element of its chunk.
    let v = unsafe { crate::math::buffer::build(src.len(), par_min, copy) };
    Array::from_shape_vec(a.raw_dim(), v).expect("standard order: the data matches the shape")
}

// ---------------------------------------------------------------------------------------------
// Public functions.

/// A sorted copy of `a` along `axis` (negative counts from the end).
///
/// NaN goes to the end, as in NumPy. To sort the flattened array (NumPy's `axis=None`), pass
/// `&a.flatten()` and axis 0.
///
/// NumPy equivalent: `numpy.sort(a, axis, kind)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is not in `-ndim..ndim` (also for 0-d input).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{sort, SortKind};
/// let a = array![[1.0, 4.0, f64::NAN], [3.0, 1.0, 2.0]];
/// let s = sort(&a, -1, SortKind::QuickSort).unwrap();
/// assert_eq!(s.row(1), array![1.0, 2.0, 3.0]);
/// assert!(s[[0, 2]].is_nan());
/// assert_eq!(sort(&a.row(1), 0, SortKind::Stable).unwrap(), array![1.0, 2.0, 3.0]);
/// assert_eq!(sort(&array![[3, 1], [1, 2]], 0, SortKind::QuickSort).unwrap(), array![[1, 1], [3, 2]]);
/// ```
pub fn sort<T, S, D>(a: &ArrayBase<S, D>, axis: isize, kind: SortKind) -> Result<Array<T, D>>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut out = owned_copy(a);
    sort_inplace(&mut out, axis, kind)?;
    Ok(out)
}

/// Sorts `a` in place along `axis` (NumPy's method `ndarray.sort`).
///
/// NumPy equivalent: `numpy.ndarray.sort(axis, kind)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is not in `-ndim..ndim`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{sort_inplace, SortKind};
/// let mut a = array![[5, 2, 9], [0, -1, 3]];
/// sort_inplace(&mut a, 0, SortKind::QuickSort).unwrap();
/// assert_eq!(a, array![[0, -1, 3], [5, 2, 9]]);
/// ```
pub fn sort_inplace<T, D>(a: &mut Array<T, D>, axis: isize, kind: SortKind) -> Result<()>
where
    T: SortElement,
    D: Dimension,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    for_each_lane_mut(a, ax, |s| sort_slice(s, kind));
    Ok(())
}

/// The indices that sort `a` along `axis`.
///
/// With [`SortKind::Stable`] equal elements keep their original order.
///
/// NumPy equivalent: `numpy.argsort(a, axis, kind)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when `axis` is not in `-ndim..ndim`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{argsort, SortKind};
/// assert_eq!(argsort(&array![3.0, f64::NAN, 1.0, 2.0], 0, SortKind::Stable).unwrap(), array![2, 3, 0, 1]);
/// let x = array![[0, 3], [2, 2]];
/// assert_eq!(argsort(&x, 0, SortKind::Stable).unwrap(), array![[0, 1], [1, 0]]);
/// assert_eq!(argsort(&x, -1, SortKind::Stable).unwrap(), array![[0, 1], [0, 1]]);
/// ```
pub fn argsort<T, S, D>(a: &ArrayBase<S, D>, axis: isize, kind: SortKind) -> Result<Array<usize, D>>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let mut out = Array::<usize, D>::zeros(a.raw_dim());
    let run = |lane: ArrayView1<'_, T>, mut o: ndarray::ArrayViewMut1<'_, usize>| match o.as_slice_mut() {
        Some(s) => argsort_lane(&lane, s, kind),
        None => {
            let mut buf = vec![0; lane.len()];
            argsort_lane(&lane, &mut buf, kind);
            for (d, s) in o.iter_mut().zip(&buf) {
                *d = *s;
            }
        }
    };
    let zip = Zip::from(a.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax)));
    #[cfg(feature = "rayon")]
    if a.len() >= PAR_MIN && a.len_of(Axis(ax)) < a.len() {
        zip.par_for_each(run);
        return Ok(out);
    }
    zip.for_each(run);
    Ok(out)
}

/// Indirect stable sort on several keys: the permutation that sorts by the **last** key first,
/// then by the one before it, and so on (NumPy's convention).
///
/// NumPy equivalent: `numpy.lexsort(keys)` for 1-d keys
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for no keys, [`ArrayError::LengthMismatch`] when the keys
/// differ in length.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::lexsort;
/// // Sort by last name, then by first name.
/// let first = array![3, 1, 2, 1];
/// let last = array![1, 0, 1, 0];
/// assert_eq!(lexsort(&[first.view(), last.view()]).unwrap(), array![1, 3, 2, 0]);
/// ```
pub fn lexsort<T: SortElement>(keys: &[ArrayView1<'_, T>]) -> Result<Array1<usize>> {
    let Some(first) = keys.first() else {
        return Err(ArrayError::InvalidValue {
            arg: "keys",
            reason: "need sequence of keys with len > 0".into(),
        });
    };
    let n = first.len();
    if let Some(k) = keys.iter().find(|k| k.len() != n) {
        return Err(ArrayError::LengthMismatch { a: "keys[0]", b: "keys[i]", len_a: n, len_b: k.len() });
    }
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&i, &j| {
        for k in keys.iter().rev() {
            match k[i].cmp_nan_last(&k[j]) {
                Ordering::Equal => continue,
                o => return o,
            }
        }
        Ordering::Equal
    });
    Ok(Array1::from(idx))
}

/// Resolves the `kth` list of [`partition`] against a lane length: sorted, deduplicated.
fn resolve_kth(kth: &[isize], n: usize) -> Result<Vec<usize>> {
    let mut ks = Vec::with_capacity(kth.len());
    for &k in kth {
        let r = if k < 0 { k + n as isize } else { k };
        if r < 0 || r >= n as isize {
            return Err(ArrayError::IndexOutOfBounds { arg: "kth", index: k, axis: 0, size: n });
        }
        ks.push(r as usize);
    }
    ks.sort_unstable();
    ks.dedup();
    Ok(ks)
}

/// Puts each `kth` element where it would be in sorted order, smaller-or-equal elements before
/// it and larger-or-equal after (order within the parts unspecified).
fn partition_slice<T: Copy>(v: &mut [T], ks: &[usize], cmp: &impl Fn(&T, &T) -> Ordering) {
    let mut start = 0;
    for &k in ks {
        v[start..].select_nth_unstable_by(k - start, cmp);
        start = k + 1;
    }
}

/// A copy of `a` partitioned along `axis` around the elements of rank `kth`: each of them
/// lands where sorting would put it, with no larger element before and no smaller after.
///
/// Several `kth` may be given (negative counts from the end). The order inside each part is
/// unspecified (as in NumPy, though it may differ from NumPy's).
///
/// NumPy equivalent: `numpy.partition(a, kth, axis)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad `axis`; [`ArrayError::IndexOutOfBounds`] when a
/// `kth` is outside the axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::partition;
/// let p = partition(&array![3, 4, 2, 1], &[2], 0).unwrap();
/// assert_eq!(p[2], 3);
/// assert!(p[0] <= 3 && p[1] <= 3 && p[3] >= 3);
/// let q = partition(&array![7.0, f64::NAN, 1.0, 5.0], &[-1], 0).unwrap();
/// assert!(q[3].is_nan());
/// ```
pub fn partition<T, S, D>(a: &ArrayBase<S, D>, kth: &[isize], axis: isize) -> Result<Array<T, D>>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let ks = resolve_kth(kth, a.len_of(Axis(ax)))?;
    let mut out = a.to_owned();
    for_each_lane_mut(&mut out, ax, |s| partition_slice(s, &ks, &T::cmp_nan_last));
    Ok(out)
}

/// The indices that would [`partition`] `a` along `axis` around the ranks `kth`.
///
/// NumPy equivalent: `numpy.argpartition(a, kth, axis)`
///
/// # Errors
///
/// As [`partition`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::argpartition;
/// let x = array![3, 4, 2, 1];
/// let i = argpartition(&x, &[2], 0).unwrap();
/// assert_eq!(x[i[2]], 3);
/// assert!(x[i[0]] <= 3 && x[i[1]] <= 3 && x[i[3]] >= 3);
/// ```
pub fn argpartition<T, S, D>(a: &ArrayBase<S, D>, kth: &[isize], axis: isize) -> Result<Array<usize, D>>
where
    T: SortElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let ks = resolve_kth(kth, a.len_of(Axis(ax)))?;
    let mut out = Array::<usize, D>::zeros(a.raw_dim());
    Zip::from(a.lanes(Axis(ax))).and(out.lanes_mut(Axis(ax))).for_each(|lane, mut o| {
        let mut pairs: Vec<(T, usize)> = lane.iter().copied().zip(0..).collect();
        partition_slice(&mut pairs, &ks, &|x: &(T, usize), y: &(T, usize)| x.0.cmp_nan_last(&y.0));
        for (d, p) in o.iter_mut().zip(&pairs) {
            *d = p.1;
        }
    });
    Ok(out)
}

/// Where to insert each element of `v` into the sorted 1-d array `a` to keep it sorted.
///
/// `a` must be ascending in NumPy order (NaN last), or `sorter` must be the permutation that
/// sorts it (e.g. from [`argsort`]). The result has the shape of `v`.
///
/// NumPy equivalent: `numpy.searchsorted(a, v, side, sorter)`
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `sorter` and `a` differ in length;
/// [`ArrayError::IndexOutOfBounds`] when `sorter` holds an index outside `a`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{searchsorted, Side};
/// let a = array![1, 2, 3, 4, 5];
/// assert_eq!(searchsorted(&a, &array![3], Side::Left, None).unwrap(), array![2]);
/// assert_eq!(searchsorted(&a, &array![3], Side::Right, None).unwrap(), array![3]);
/// assert_eq!(searchsorted(&a, &array![-10, 10, 2, 3], Side::Left, None).unwrap(), array![0, 5, 1, 2]);
/// let unsorted = array![30.0, 10.0, 20.0];
/// let sorter = array![1, 2, 0];
/// assert_eq!(searchsorted(&unsorted, &array![25.0], Side::Left, Some(&sorter.view())).unwrap(), array![2]);
/// ```
pub fn searchsorted<T, S, S2, D>(
    a: &ArrayBase<S, ndarray::Ix1>,
    v: &ArrayBase<S2, D>,
    side: Side,
    sorter: Option<&ArrayView1<'_, usize>>,
) -> Result<Array<usize, D>>
where
    T: SortElement,
    S: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let sorted: Vec<T> = match sorter {
        None => a.to_vec(),
        Some(p) => {
            if p.len() != a.len() {
                return Err(ArrayError::LengthMismatch {
                    a: "sorter",
                    b: "a",
                    len_a: p.len(),
                    len_b: a.len(),
                });
            }
            let mut s = Vec::with_capacity(a.len());
            for &i in p.iter() {
                let x = a.get(i).ok_or(ArrayError::IndexOutOfBounds {
                    arg: "sorter",
                    index: i as isize,
                    axis: 0,
                    size: a.len(),
                })?;
                s.push(*x);
            }
            s
        }
    };
    Ok(v.map(|x| match side {
        Side::Left => sorted.partition_point(|y| y.cmp_nan_last(x) == Ordering::Less),
        Side::Right => sorted.partition_point(|y| y.cmp_nan_last(x) != Ordering::Greater),
    }))
}

/// `numpy.sort_complex`: a complex array sorted by real part, then imaginary part (1-d).
///
/// NumPy equivalent: `numpy.sort_complex(a)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64 as C;
/// use sci_array::sort_complex;
/// let a = array![C::new(1.0, 2.0), C::new(1.0, -1.0), C::new(0.0, 5.0)];
/// assert_eq!(sort_complex(&a), array![C::new(0.0, 5.0), C::new(1.0, -1.0), C::new(1.0, 2.0)]);
/// ```
pub fn sort_complex<F, S>(a: &ArrayBase<S, ndarray::Ix1>) -> Array1<Complex<F>>
where
    Complex<F>: SortElement,
    S: Data<Elem = Complex<F>>,
{
    let mut v = a.to_vec();
    v.sort_unstable_by(SortElement::cmp_nan_last);
    Array1::from(v)
}

/// Stable argsort of a flat slice (for the set routines).
pub(crate) fn argsort_stable_vec<T: SortElement>(v: &[T]) -> Vec<usize> {
    let mut out = vec![0; v.len()];
    argsort_lane(&ArrayView1::from(v), &mut out, SortKind::Stable);
    out
}

/// Sorts a flat vector in NumPy order (for the set routines).
pub(crate) fn sort_vec<T: SortElement>(v: &mut [T]) {
    sort_slice(v, SortKind::QuickSort);
}
