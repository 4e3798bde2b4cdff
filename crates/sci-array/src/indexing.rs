//! Integer-array ("fancy") and boolean-mask indexing: `a[[0, 1], [2, 0]]`, `a[mask]`,
//! `a[mask] = v`, `take`, `take_along_axis`, `put`, `where`, `nonzero`, `argwhere`,
//! `count_nonzero`, `compress`, `extract`, `place`, `putmask`.
//!
//! Index arrays may hold any integer type ([`IndexElement`]); negative indices count from the
//! end as in NumPy. Masks and conditions may hold any [`Truthy`] type (`bool`, numbers).

use crate::error::format_shapes;
use crate::{ArrayError, Result, normalize_axis};
use ndarray::{
    Array, Array1, Array2, ArrayBase, ArrayD, ArrayViewD, Axis, Data, DataMut, Dimension, Ix1, IxDyn,
    RemoveAxis, Zip,
};
use num_complex::Complex;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, Ordering};

/// An integer type usable as an index (NumPy's `intp` and friends).
///
/// # Examples
///
/// ```
/// use sci_array::IndexElement;
/// assert_eq!((-1i32).to_index(), Some(-1));
/// assert_eq!(u64::MAX.to_index(), None);
/// ```
pub trait IndexElement: Copy + Send + Sync {
    /// The index as `isize`, or `None` when it does not fit.
    fn to_index(self) -> Option<isize>;
}

macro_rules! index_element {
    ($($t:ty),*) => {$(
        impl IndexElement for $t {
            #[inline]
            fn to_index(self) -> Option<isize> { isize::try_from(self).ok() }
        }
    )*};
}
index_element!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// A value with NumPy truthiness: nonzero numbers (NaN included) and `true` are true.
///
/// # Examples
///
/// ```
/// use sci_array::Truthy;
/// assert!(f64::NAN.is_truthy());
/// assert!(!0.0f64.is_truthy() && !(-0.0f64).is_truthy());
/// assert!(true.is_truthy() && !0u8.is_truthy());
/// ```
pub trait Truthy {
    /// True when the value is nonzero.
    fn is_truthy(&self) -> bool;
}

impl Truthy for bool {
    #[inline]
    fn is_truthy(&self) -> bool {
        *self
    }
}

macro_rules! truthy_num {
    ($($t:ty),*) => {$(
        impl Truthy for $t {
            #[inline]
            #[allow(clippy::float_cmp)]
            fn is_truthy(&self) -> bool { *self != (0 as $t) }
        }
    )*};
}
truthy_num!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

impl<F: Truthy> Truthy for Complex<F> {
    fn is_truthy(&self) -> bool {
        self.re.is_truthy() || self.im.is_truthy()
    }
}

/// How [`take`] and [`put`] treat indices outside the axis (NumPy's `mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TakeMode {
    /// An error (NumPy's default `"raise"`); negative indices count from the end.
    #[default]
    Raise,
    /// Wrap around modulo the length (`"wrap"`).
    Wrap,
    /// Clip into `0..len` (`"clip"`; negative indices become 0).
    Clip,
}

/// Resolves one index against an axis of length `n`.
#[inline]
fn resolve<I: IndexElement>(i: I, n: usize, mode: TakeMode, arg: &'static str, axis: usize) -> Result<usize> {
    let oob = |index: isize| ArrayError::IndexOutOfBounds { arg, index, axis, size: n };
    let Some(k) = i.to_index() else {
        return Err(oob(isize::MAX));
    };
    let len = n as isize;
    match mode {
        TakeMode::Raise => {
            let r = if k < 0 { k + len } else { k };
            if r < 0 || r >= len { Err(oob(k)) } else { Ok(r as usize) }
        }
        TakeMode::Wrap | TakeMode::Clip if n == 0 => Err(ArrayError::InvalidValue {
            arg,
            reason: "cannot do a non-empty take from an empty axes".into(),
        }),
        TakeMode::Wrap => Ok(k.rem_euclid(len) as usize),
        TakeMode::Clip => Ok(k.clamp(0, len - 1) as usize),
    }
}

/// The broadcast shape of several shapes (NumPy's rules), or an error naming them.
fn broadcast_shape(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        for (o, &d) in out[nd - s.len()..].iter_mut().zip(s.iter()) {
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(ArrayError::Broadcast { shapes: format_shapes(shapes) });
            }
        }
    }
    Ok(out)
}

fn check_mask_shape(a: &[usize], mask: &[usize]) -> Result<()> {
    if a != mask {
        return Err(ArrayError::ShapeMismatch {
            arg: "mask",
            expected: format!("{a:?} (the shape of a)"),
            found: mask.to_vec(),
        });
    }
    Ok(())
}

/// NumPy's `a[idx0, idx1, ...]` with 1-d integer index arrays for the first axes.
///
/// The index arrays are broadcast together (equal lengths, or length 1); the result has shape
/// `[m] + a.shape[k..]` where `m` is their common length and `k` their number. Negative indices
/// count from the end.
///
/// NumPy equivalent: `a[idx0, idx1, ...]` (advanced indexing)
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for more index arrays than axes, [`ArrayError::Broadcast`] when
/// their lengths differ, [`ArrayError::IndexOutOfBounds`] for an index outside its axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::{array, Array};
/// use sci_array::fancy_index;
/// let a = Array::from_iter(1..10).into_shape_with_order((3, 3)).unwrap();
/// let d = fancy_index(&a, &[&array![0, 1, 2], &array![0, 1, 2]]).unwrap();
/// assert_eq!(d, array![1, 5, 9].into_dyn());
/// let rows = fancy_index(&a, &[&array![-1, 0]]).unwrap();
/// assert_eq!(rows, array![[7, 8, 9], [1, 2, 3]].into_dyn());
/// ```
pub fn fancy_index<T, S, D, I, SI>(a: &ArrayBase<S, D>, indices: &[&ArrayBase<SI, Ix1>]) -> Result<ArrayD<T>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
    I: IndexElement,
    SI: Data<Elem = I>,
{
    let k = indices.len();
    if k > a.ndim() {
        return Err(ArrayError::InvalidValue {
            arg: "indices",
            reason: format!(
                "too many indices for array: array is {}-dimensional, but {k} were indexed",
                a.ndim()
            ),
        });
    }
    let lens: Vec<[usize; 1]> = indices.iter().map(|ix| [ix.len()]).collect();
    let shapes: Vec<&[usize]> = lens.iter().map(|l| &l[..]).collect();
    let m = broadcast_shape(&shapes)?.first().copied().unwrap_or(1);
    // Resolve all indices first so that an error leaves nothing half done.
    let mut resolved: Vec<Vec<usize>> = Vec::with_capacity(k);
    for (ax, ix) in indices.iter().enumerate() {
        let n = a.len_of(Axis(ax));
        let r: Result<Vec<usize>> =
            ix.iter().map(|&i| resolve(i, n, TakeMode::Raise, "indices", ax)).collect();
        resolved.push(r?);
    }
    let av = a.view().into_dyn();
    let rest: Vec<usize> = a.shape()[k..].to_vec();
    let rest_len: usize = rest.iter().product();
    let mut data = Vec::with_capacity(m * rest_len);
    for j in 0..m {
        let mut sub: ArrayViewD<'_, T> = av.clone();
        for r in &resolved {
            let i = if r.len() == 1 { r[0] } else { r[j] };
            sub = sub.index_axis_move(Axis(0), i);
        }
        data.extend(sub.iter().cloned());
    }
    let mut shape = vec![m];
    shape.extend(rest);
    Ok(ArrayD::from_shape_vec(IxDyn(&shape), data).expect("shape matches data length"))
}

/// Fewest indices for which [`gather`] runs on several threads.
#[cfg(feature = "rayon")]
const GATHER_PAR_MIN: usize = 1 << 16;

/// `flat[i]` for every index, resolved by `mode` (NumPy's flat `take`).
///
/// The gather reads every index once, in a tight loop without early exits (on several threads
/// for many indices, which keeps more cache misses in flight): out-of-range indices are clamped
/// while reading and flagged, and reported (the first of them, as `resolve` words it) after.
fn gather<T, I>(flat: &[T], idx: &[I], mode: TakeMode) -> Result<Vec<T>>
where
    T: Clone + Send + Sync,
    I: IndexElement,
{
    let n = flat.len();
    let report = || -> Result<Vec<T>> {
        for &i in idx {
            resolve(i, n, mode, "indices", 0)?;
        }
        unreachable!("an index was flagged as invalid")
    };
    if idx.is_empty() {
        return Ok(Vec::new());
    }
    if n == 0 {
        return report();
    }
    let len = n as isize;
    let bad = AtomicBool::new(false);
    // Indices that do not fit in `isize` are invalid in every mode.
    let out = match mode {
        TakeMode::Raise => gather_with(flat, idx, &bad, |k| {
            let k = k.unwrap_or(isize::MAX);
            let r = (if k < 0 { k.wrapping_add(len) } else { k }) as usize;
            (r.min(n - 1), r < n)
        }),
        TakeMode::Wrap => {
            gather_with(flat, idx, &bad, |k| k.map_or((0, false), |k| (k.rem_euclid(len) as usize, true)))
        }
        TakeMode::Clip => {
            gather_with(flat, idx, &bad, |k| k.map_or((0, false), |k| (k.clamp(0, len - 1) as usize, true)))
        }
    };
    if bad.load(Ordering::Relaxed) { report() } else { Ok(out) }
}

/// `flat[pick(k)]` for every index `k` (`None` for one that does not fit in `isize`), into a
/// fresh buffer; `pick` returns a position in `flat` and whether the index was valid, and `bad`
/// is set when one was not.
fn gather_with<T, I, P>(flat: &[T], idx: &[I], bad: &AtomicBool, pick: P) -> Vec<T>
where
    T: Clone + Send + Sync,
    I: IndexElement,
    P: Fn(Option<isize>) -> (usize, bool) + Sync,
{
    #[cfg(feature = "rayon")]
    let par_min = GATHER_PAR_MIN;
    #[cfg(not(feature = "rayon"))]
    let par_min = usize::MAX;
    let fill = |start: usize, out: &mut [MaybeUninit<T>]| {
        let idx = &idx[start..start + out.len()];
        let mut ok = true;
        for (o, &i) in out.iter_mut().zip(idx) {
            let (p, valid) = pick(i.to_index());
            ok &= valid;
            o.write(flat[p].clone());
        }
        if !ok {
            bad.store(true, Ordering::Relaxed);
        }
    };
    #[allow(unsafe_code)]
    // SAFETY: `fill` writes every element of the chunk it is given.
    unsafe {
        crate::math::buffer::build(idx.len(), par_min, fill)
    }
}

/// Elements of `a` at `indices` along `axis`, or of the flattened `a` when `axis` is `None`.
///
/// The result's shape is `a.shape[..axis] + indices.shape + a.shape[axis+1..]` (or
/// `indices.shape` for `axis = None`).
///
/// NumPy equivalent: `numpy.take(a, indices, axis, mode)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad `axis`; [`ArrayError::IndexOutOfBounds`] for an
/// index outside the axis in [`TakeMode::Raise`]; [`ArrayError::InvalidValue`] for taking
/// from an empty axis with `Wrap`/`Clip`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{take, TakeMode};
/// let a = array![4, 3, 5, 7, 6, 8];
/// assert_eq!(take(&a, &array![0, 1, 4], None, TakeMode::Raise).unwrap(), array![4, 3, 6].into_dyn());
/// assert_eq!(take(&a, &array![[0, 1], [2, 3]], None, TakeMode::Raise).unwrap(), array![[4, 3], [5, 7]].into_dyn());
/// assert_eq!(take(&a, &array![7, -8], None, TakeMode::Wrap).unwrap(), array![3, 6].into_dyn());
/// let b = array![[1, 2], [3, 4]];
/// assert_eq!(take(&b, &array![1], Some(1), TakeMode::Clip).unwrap(), array![[2], [4]].into_dyn());
/// ```
pub fn take<T, S, D, I, SI, DI>(
    a: &ArrayBase<S, D>,
    indices: &ArrayBase<SI, DI>,
    axis: Option<isize>,
    mode: TakeMode,
) -> Result<ArrayD<T>>
where
    T: Clone + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
    I: IndexElement,
    SI: Data<Elem = I>,
    DI: Dimension,
{
    let Some(ax) = axis else {
        // Flattened: gather straight from the C-order elements (no copy of a contiguous input).
        let owned: Vec<T>;
        let flat: &[T] = match a.as_slice() {
            Some(s) => s,
            None => {
                owned = a.iter().cloned().collect();
                &owned
            }
        };
        let owned_idx: Vec<I>;
        let idx: &[I] = match indices.as_slice() {
            Some(s) => s,
            None => {
                owned_idx = indices.iter().copied().collect();
                &owned_idx
            }
        };
        let data = gather(flat, idx, mode)?;
        return Ok(ArrayD::from_shape_vec(IxDyn(indices.shape()), data).expect("one value per index"));
    };
    let (src, ax) = (a.view().into_dyn(), normalize_axis(ax, a.ndim(), "axis")?);
    let n = src.len_of(Axis(ax));
    let idx: Vec<usize> =
        indices.iter().map(|&i| resolve(i, n, mode, "indices", ax)).collect::<Result<_>>()?;
    let picked = if idx.is_empty() {
        let mut sh = src.shape().to_vec();
        sh[ax] = 0;
        ArrayD::from_shape_vec(IxDyn(&sh), Vec::new()).expect("empty")
    } else {
        src.select(Axis(ax), &idx)
    };
    let mut shape: Vec<usize> = src.shape()[..ax].to_vec();
    shape.extend_from_slice(indices.shape());
    shape.extend_from_slice(&src.shape()[ax + 1..]);
    let data: Vec<T> = picked.iter().cloned().collect();
    Ok(ArrayD::from_shape_vec(IxDyn(&shape), data).expect("shape matches data length"))
}

/// Picks values along `axis` with an index array of the same dimension, such as the output of
/// [`argsort`](crate::argsort) (`indices` and `a` are broadcast in the other axes).
///
/// NumPy equivalent: `numpy.take_along_axis(a, indices, axis)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad `axis`; [`ArrayError::Broadcast`] when the other
/// axes do not broadcast; [`ArrayError::IndexOutOfBounds`] for an index outside the axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{argsort, take_along_axis, SortKind};
/// let a = array![[10, 30, 20], [60, 40, 50]];
/// let i = argsort(&a, 1, SortKind::Stable).unwrap();
/// assert_eq!(take_along_axis(&a, &i, 1).unwrap(), array![[10, 20, 30], [40, 50, 60]]);
/// ```
pub fn take_along_axis<T, S, D, I, SI>(
    a: &ArrayBase<S, D>,
    indices: &ArrayBase<SI, D>,
    axis: isize,
) -> Result<Array<T, D>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
    I: IndexElement,
    SI: Data<Elem = I>,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    let mut sa = a.shape().to_vec();
    let mut si = indices.shape().to_vec();
    let (na, ni) = (sa[ax], si[ax]);
    sa[ax] = 1;
    si[ax] = 1;
    let mut out_shape = broadcast_shape(&[&sa, &si])
        .map_err(|_| ArrayError::Broadcast { shapes: format_shapes(&[a.shape(), indices.shape()]) })?;
    out_shape[ax] = ni;
    let ib = indices
        .broadcast(IxDyn(&out_shape))
        .ok_or_else(|| ArrayError::Broadcast { shapes: format_shapes(&[a.shape(), indices.shape()]) })?;
    let av = a.view().into_dyn();
    let mut data = Vec::with_capacity(ib.len());
    let mut pos = vec![0usize; out_shape.len()];
    for (ix, &i) in ib.indexed_iter() {
        for (d, p) in pos.iter_mut().enumerate() {
            *p = if d == ax || a.shape()[d] == 1 { 0 } else { ix[d] };
        }
        pos[ax] = resolve(i, na, TakeMode::Raise, "indices", ax)?;
        data.push(av[IxDyn(&pos)].clone());
    }
    let out = ArrayD::from_shape_vec(IxDyn(&out_shape), data).expect("shape matches data length");
    Ok(out.into_dimensionality::<D>().expect("same dimension as the input"))
}

/// Sets `a.flat[indices] = values`, repeating `values` cyclically (flat index in C order).
///
/// NumPy equivalent: `numpy.put(a, indices, values, mode)`
///
/// # Errors
///
/// [`ArrayError::IndexOutOfBounds`] for an index outside `a` in [`TakeMode::Raise`] (nothing
/// is written then); [`ArrayError::InvalidValue`] when `values` is empty but `indices` is not.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::{put, TakeMode};
/// let mut a = array![[0, 1, 2], [3, 4, 5]];
/// put(&mut a, &array![0, 2, -1], &array![-44, -55], TakeMode::Raise).unwrap();
/// assert_eq!(a, array![[-44, 1, -55], [3, 4, -44]]);
/// ```
pub fn put<T, S, D, I, SI, DI, SV>(
    a: &mut ArrayBase<S, D>,
    indices: &ArrayBase<SI, DI>,
    values: &ArrayBase<SV, Ix1>,
    mode: TakeMode,
) -> Result<()>
where
    T: Clone,
    S: DataMut<Elem = T>,
    D: Dimension,
    I: IndexElement,
    SI: Data<Elem = I>,
    DI: Dimension,
    SV: Data<Elem = T>,
{
    if values.is_empty() {
        if indices.is_empty() {
            return Ok(());
        }
        return Err(ArrayError::InvalidValue {
            arg: "values",
            reason: "cannot put from an empty array".into(),
        });
    }
    let n = a.len();
    let flat: Vec<usize> =
        indices.iter().map(|&i| resolve(i, n, mode, "indices", 0)).collect::<Result<_>>()?;
    let shape = a.shape().to_vec();
    let mut av = a.view_mut().into_dyn();
    for (k, f) in flat.into_iter().enumerate() {
        av[unravel(f, &shape)] = values[k % values.len()].clone();
    }
    Ok(())
}

/// The C-order multi-index of flat position `f` in `shape`.
fn unravel(mut f: usize, shape: &[usize]) -> IxDyn {
    let mut ix = vec![0; shape.len()];
    for (d, &n) in shape.iter().enumerate().rev() {
        ix[d] = f % n;
        f /= n;
    }
    IxDyn(&ix)
}

/// Appends to `out` the elements of `src` where `mask` is true (contiguous fast path: one
/// 64-bit word of mask bits at a time, no per-element branch).
fn select_contiguous<T: Clone>(src: &[T], mask: &[bool], out: &mut Vec<T>) {
    let mut chunks = src.chunks_exact(64).zip(mask.chunks_exact(64));
    for (s, m) in &mut chunks {
        let mut bits = 0u64;
        for (j, &b) in m.iter().enumerate() {
            bits |= u64::from(b) << j;
        }
        while bits != 0 {
            let j = bits.trailing_zeros() as usize;
            out.push(s[j].clone());
            bits &= bits - 1;
        }
    }
    let tail = src.len() - src.len() % 64;
    for (x, &b) in src[tail..].iter().zip(&mask[tail..]) {
        if b {
            out.push(x.clone());
        }
    }
}

/// NumPy's `a[mask]`: the elements where the boolean `mask` (same shape as `a`) is true, in C
/// order.
///
/// NumPy equivalent: `a[mask]` (boolean indexing)
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `mask` does not have the shape of `a`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::{array, Array1};
/// use sci_array::mask_select;
/// let a = Array1::from_iter(1..6);
/// assert_eq!(mask_select(&a, &a.mapv(|x| x > 2)).unwrap(), array![3, 4, 5]);
/// ```
pub fn mask_select<T, S, D, SM>(a: &ArrayBase<S, D>, mask: &ArrayBase<SM, D>) -> Result<Array1<T>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
    SM: Data<Elem = bool>,
{
    check_mask_shape(a.shape(), mask.shape())?;
    if let (Some(s), Some(m)) = (a.as_slice(), mask.as_slice()) {
        let count = m.iter().filter(|&&b| b).count();
        let mut out = Vec::with_capacity(count);
        select_contiguous(s, m, &mut out);
        return Ok(Array1::from(out));
    }
    let count = mask.iter().filter(|&&b| b).count();
    let mut out = Vec::with_capacity(count);
    for (x, &b) in a.iter().zip(mask.iter()) {
        if b {
            out.push(x.clone());
        }
    }
    Ok(Array1::from(out))
}

/// NumPy's `a[mask] = value`: sets every element where `mask` is true.
///
/// NumPy equivalent: `a[mask] = value`
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `mask` does not have the shape of `a`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::mask_assign;
/// let mut a = array![[1.0, f64::NAN], [3.0, f64::NAN]];
/// let m = a.mapv(f64::is_nan);
/// mask_assign(&mut a, &m, 0.0).unwrap();
/// assert_eq!(a, array![[1.0, 0.0], [3.0, 0.0]]);
/// ```
pub fn mask_assign<T, S, D, SM>(a: &mut ArrayBase<S, D>, mask: &ArrayBase<SM, D>, value: T) -> Result<()>
where
    T: Clone,
    S: DataMut<Elem = T>,
    D: Dimension,
    SM: Data<Elem = bool>,
{
    mask_apply(a, mask, |_| value.clone())
}

/// Applies `f` in place where `mask` is true: NumPy's `a[mask] *= -1` and friends.
///
/// NumPy equivalent: `a[mask] = f(a[mask])`
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `mask` does not have the shape of `a`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_array::mask_apply;
/// let mut z = Array1::from_iter(0..11);
/// let m = z.mapv(|x| 3 < x && x <= 8);
/// mask_apply(&mut z, &m, |x| -x).unwrap();
/// assert_eq!(z.to_vec(), [0, 1, 2, 3, -4, -5, -6, -7, -8, 9, 10]);
/// ```
pub fn mask_apply<T, S, D, SM, F>(a: &mut ArrayBase<S, D>, mask: &ArrayBase<SM, D>, mut f: F) -> Result<()>
where
    T: Clone,
    S: DataMut<Elem = T>,
    D: Dimension,
    SM: Data<Elem = bool>,
    F: FnMut(T) -> T,
{
    check_mask_shape(a.shape(), mask.shape())?;
    Zip::from(a.view_mut()).and(mask).for_each(|x, &b| {
        if b {
            *x = f(x.clone());
        }
    });
    Ok(())
}

/// Elementwise choice: `x` where `condition` is true, else `y`, all three broadcast together.
///
/// Named `where_` because `where` is a Rust keyword. Pass scalars as 0-d arrays
/// (`ndarray::arr0`).
///
/// NumPy equivalent: `numpy.where(condition, x, y)`
///
/// # Errors
///
/// [`ArrayError::Broadcast`] when the shapes do not broadcast.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::{arr0, array};
/// use sci_array::where_;
/// let a = array![0, 1, 2, 3, 4, 5];
/// let r = where_(&a.mapv(|x| x < 3), &a, &a.mapv(|x| 10 * x)).unwrap();
/// assert_eq!(r, array![0, 1, 2, 30, 40, 50].into_dyn());
/// let c = array![[true], [false]];
/// assert_eq!(where_(&c, &array![1, 2], &arr0(0)).unwrap(), array![[1, 2], [0, 0]].into_dyn());
/// ```
pub fn where_<T, C, SC, DC, SX, DX, SY, DY>(
    condition: &ArrayBase<SC, DC>,
    x: &ArrayBase<SX, DX>,
    y: &ArrayBase<SY, DY>,
) -> Result<ArrayD<T>>
where
    T: Clone,
    C: Truthy,
    SC: Data<Elem = C>,
    DC: Dimension,
    SX: Data<Elem = T>,
    DX: Dimension,
    SY: Data<Elem = T>,
    DY: Dimension,
{
    let shapes = [condition.shape(), x.shape(), y.shape()];
    let shape = IxDyn(&broadcast_shape(&shapes)?);
    let err = || ArrayError::Broadcast { shapes: format_shapes(&shapes) };
    let c = condition.broadcast(shape.clone()).ok_or_else(err)?;
    let xb = x.broadcast(shape.clone()).ok_or_else(err)?;
    let yb = y.broadcast(shape).ok_or_else(err)?;
    Ok(Zip::from(&c)
        .and(&xb)
        .and(&yb)
        .map_collect(|c, x, y| if c.is_truthy() { x.clone() } else { y.clone() }))
}

/// The indices of the nonzero elements, one array per axis (C order).
///
/// NumPy equivalent: `numpy.nonzero(a)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::nonzero;
/// let x = array![[3, 0, 0], [0, 4, 0], [5, 6, 0]];
/// let nz = nonzero(&x);
/// assert_eq!(nz[0], array![0, 1, 2, 2]);
/// assert_eq!(nz[1], array![0, 1, 0, 1]);
/// ```
pub fn nonzero<T, S, D>(a: &ArrayBase<S, D>) -> Vec<Array1<usize>>
where
    T: Truthy,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nd];
    for (ix, x) in a.view().into_dyn().indexed_iter() {
        if x.is_truthy() {
            for (d, o) in out.iter_mut().enumerate() {
                o.push(ix[d]);
            }
        }
    }
    out.into_iter().map(Array1::from).collect()
}

/// The indices of the nonzero elements as rows of an `(N, ndim)` array.
///
/// NumPy equivalent: `numpy.argwhere(a)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::argwhere;
/// let x = array![[0, 1, 2], [3, 4, 5]];
/// assert_eq!(argwhere(&x.mapv(|v| v > 1)), array![[0, 2], [1, 0], [1, 1], [1, 2]]);
/// ```
pub fn argwhere<T, S, D>(a: &ArrayBase<S, D>) -> Array2<usize>
where
    T: Truthy,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    let mut data = Vec::new();
    let mut rows = 0;
    for (ix, x) in a.view().into_dyn().indexed_iter() {
        if x.is_truthy() {
            data.extend_from_slice(ix.slice());
            rows += 1;
        }
    }
    Array2::from_shape_vec((rows, nd), data).expect("shape matches data length")
}

/// The number of nonzero elements.
///
/// NumPy equivalent: `numpy.count_nonzero(a)`
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::count_nonzero;
/// assert_eq!(count_nonzero(&array![[0, 1, 7, 0], [3, 0, 2, 19]]), 5);
/// ```
pub fn count_nonzero<T, S, D>(a: &ArrayBase<S, D>) -> usize
where
    T: Truthy,
    S: Data<Elem = T>,
    D: Dimension,
{
    a.iter().filter(|x| x.is_truthy()).count()
}

/// The number of nonzero elements along `axis`.
///
/// NumPy equivalent: `numpy.count_nonzero(a, axis)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad `axis`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::count_nonzero_axis;
/// let a = array![[0, 1, 7, 0], [3, 0, 2, 19]];
/// assert_eq!(count_nonzero_axis(&a, 0).unwrap(), array![1, 1, 2, 1]);
/// assert_eq!(count_nonzero_axis(&a, -1).unwrap(), array![2, 3]);
/// ```
pub fn count_nonzero_axis<T, S, D>(a: &ArrayBase<S, D>, axis: isize) -> Result<Array<usize, D::Smaller>>
where
    T: Truthy,
    S: Data<Elem = T>,
    D: RemoveAxis,
{
    let ax = normalize_axis(axis, a.ndim(), "axis")?;
    Ok(a.map_axis(Axis(ax), |lane| lane.iter().filter(|x| x.is_truthy()).count()))
}

/// The slices of `a` along `axis` (or elements of the flattened `a` for `None`) where
/// `condition` is true; a `condition` shorter than the axis counts as false beyond its end.
///
/// NumPy equivalent: `numpy.compress(condition, a, axis)`
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad `axis`; [`ArrayError::IndexOutOfBounds`] when
/// `condition` is true beyond the end of the axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::compress;
/// let a = array![[1, 2], [3, 4], [5, 6]];
/// assert_eq!(compress(&array![false, true], &a, Some(0)).unwrap(), array![[3, 4]].into_dyn());
/// assert_eq!(compress(&array![false, true, true], &a, Some(0)).unwrap(), array![[3, 4], [5, 6]].into_dyn());
/// assert_eq!(compress(&array![false, true], &a, None).unwrap(), array![2].into_dyn());
/// ```
pub fn compress<T, S, D, C, SC>(
    condition: &ArrayBase<SC, Ix1>,
    a: &ArrayBase<S, D>,
    axis: Option<isize>,
) -> Result<ArrayD<T>>
where
    T: Clone + Send + Sync,
    S: Data<Elem = T>,
    D: Dimension,
    C: Truthy,
    SC: Data<Elem = C>,
{
    let idx: Vec<usize> =
        condition.iter().enumerate().filter(|(_, c)| c.is_truthy()).map(|(i, _)| i).collect();
    take(a, &Array1::from(idx), axis, TakeMode::Raise)
}

/// The elements of the flattened `a` where the flattened `condition` is nonzero.
///
/// NumPy equivalent: `numpy.extract(condition, arr)`
///
/// # Errors
///
/// [`ArrayError::IndexOutOfBounds`] when `condition` is true beyond the size of `a`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::extract;
/// let a = array![[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]];
/// let cond = a.mapv(|x| x % 3 == 0);
/// assert_eq!(extract(&cond, &a).unwrap(), array![0, 3, 6, 9]);
/// ```
pub fn extract<T, S, D, C, SC, DC>(condition: &ArrayBase<SC, DC>, a: &ArrayBase<S, D>) -> Result<Array1<T>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
    C: Truthy,
    SC: Data<Elem = C>,
    DC: Dimension,
{
    let flat: Vec<&T> = a.iter().collect();
    let mut out = Vec::new();
    for (i, c) in condition.iter().enumerate() {
        if c.is_truthy() {
            let x = flat.get(i).ok_or(ArrayError::IndexOutOfBounds {
                arg: "condition",
                index: i as isize,
                axis: 0,
                size: flat.len(),
            })?;
            out.push((*x).clone());
        }
    }
    Ok(Array1::from(out))
}

/// Writes `values` (repeated cyclically) into the places where `mask` is true, in C order.
///
/// NumPy equivalent: `numpy.place(arr, mask, vals)`
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `mask` does not have the shape of `a`;
/// [`ArrayError::InvalidValue`] when `values` is empty but `mask` has a true element.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::place;
/// let mut a = array![[0, 1, 2], [3, 4, 5]];
/// let m = a.mapv(|x| x > 2);
/// place(&mut a, &m, &array![44, 55]).unwrap();
/// assert_eq!(a, array![[0, 1, 2], [44, 55, 44]]);
/// ```
pub fn place<T, S, D, SM, SV>(
    a: &mut ArrayBase<S, D>,
    mask: &ArrayBase<SM, D>,
    values: &ArrayBase<SV, Ix1>,
) -> Result<()>
where
    T: Clone,
    S: DataMut<Elem = T>,
    D: Dimension,
    SM: Data<Elem = bool>,
    SV: Data<Elem = T>,
{
    check_mask_shape(a.shape(), mask.shape())?;
    if values.is_empty() {
        if mask.iter().any(|&b| b) {
            return Err(ArrayError::InvalidValue {
                arg: "values",
                reason: "Cannot insert from an empty array!".into(),
            });
        }
        return Ok(());
    }
    let mut k = 0;
    for (x, &b) in a.iter_mut().zip(mask.iter()) {
        if b {
            *x = values[k % values.len()].clone();
            k += 1;
        }
    }
    Ok(())
}

/// Sets `a.flat[i] = values[i % len]` wherever `mask.flat[i]` is true (values aligned by
/// position, unlike [`place`]).
///
/// NumPy equivalent: `numpy.putmask(a, mask, values)`
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `mask` does not have the shape of `a`;
/// [`ArrayError::InvalidValue`] when `values` is empty but `mask` has a true element.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::putmask;
/// let mut x = array![[0, 1, 2], [3, 4, 5]];
/// let m = x.mapv(|v| v > 2);
/// putmask(&mut x, &m, &array![-1, -2]).unwrap();
/// assert_eq!(x, array![[0, 1, 2], [-2, -1, -2]]);
/// ```
pub fn putmask<T, S, D, SM, SV>(
    a: &mut ArrayBase<S, D>,
    mask: &ArrayBase<SM, D>,
    values: &ArrayBase<SV, Ix1>,
) -> Result<()>
where
    T: Clone,
    S: DataMut<Elem = T>,
    D: Dimension,
    SM: Data<Elem = bool>,
    SV: Data<Elem = T>,
{
    check_mask_shape(a.shape(), mask.shape())?;
    if values.is_empty() {
        if mask.iter().any(|&b| b) {
            return Err(ArrayError::InvalidValue {
                arg: "values",
                reason: "cannot put from an empty array".into(),
            });
        }
        return Ok(());
    }
    for (k, (x, &b)) in a.iter_mut().zip(mask.iter()).enumerate() {
        if b {
            *x = values[k % values.len()].clone();
        }
    }
    Ok(())
}
