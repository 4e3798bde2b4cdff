//! Shared loops of the reductions: NumPy's pairwise summation, per-lane and row-accumulating
//! axis reductions, with rayon above a size threshold.

use ndarray::{ArrayBase, ArrayD, ArrayView1, ArrayViewD, ArrayViewMutD, Axis, Data, Dimension, IxDyn, Zip};
use num_complex::Complex;
use std::borrow::Cow;

/// Above this many elements the reductions spread their work over threads.
pub(crate) const PAR_MIN: usize = 1 << 17;

/// Input bytes per column block of [`accumulate_rows`].
#[cfg(feature = "rayon")]
const BLOCK_BYTES: usize = 2 << 20;

/// NumPy's block size of the pairwise summation (`PW_BLOCKSIZE`).
const PW_BLOCKSIZE: usize = 128;

/// An element type that can be summed and multiplied: the integers (wrapping on overflow, as
/// NumPy does), `f32`, `f64` and `Complex<f32/f64>`.
///
/// # Examples
///
/// ```
/// use sci_array::SumElement;
/// assert_eq!(i8::MAX.add_elem(1), i8::MIN);
/// assert_eq!(<f64 as SumElement>::one_elem(), 1.0);
/// ```
pub trait SumElement: Copy + Send + Sync + 'static {
    /// The additive identity.
    fn zero_elem() -> Self;
    /// The multiplicative identity.
    fn one_elem() -> Self;
    /// `self + other` (wrapping for integers).
    fn add_elem(self, other: Self) -> Self;
    /// `self * other` (wrapping for integers).
    fn mul_elem(self, other: Self) -> Self;
    /// `self - other` (wrapping for integers).
    fn sub_elem(self, other: Self) -> Self;
}

macro_rules! sum_int {
    ($($t:ty),*) => {$(
        impl SumElement for $t {
            #[inline] fn zero_elem() -> Self { 0 }
            #[inline] fn one_elem() -> Self { 1 }
            #[inline] fn add_elem(self, other: Self) -> Self { self.wrapping_add(other) }
            #[inline] fn mul_elem(self, other: Self) -> Self { self.wrapping_mul(other) }
            #[inline] fn sub_elem(self, other: Self) -> Self { self.wrapping_sub(other) }
        }
    )*};
}
sum_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! sum_float {
    ($($t:ty),*) => {$(
        impl SumElement for $t {
            #[inline] fn zero_elem() -> Self { 0.0 }
            #[inline] fn one_elem() -> Self { 1.0 }
            #[inline] fn add_elem(self, other: Self) -> Self { self + other }
            #[inline] fn mul_elem(self, other: Self) -> Self { self * other }
            #[inline] fn sub_elem(self, other: Self) -> Self { self - other }
        }
        impl SumElement for Complex<$t> {
            #[inline] fn zero_elem() -> Self { Complex::new(0.0, 0.0) }
            #[inline] fn one_elem() -> Self { Complex::new(1.0, 0.0) }
            #[inline] fn add_elem(self, other: Self) -> Self { self + other }
            #[inline] fn mul_elem(self, other: Self) -> Self { self * other }
            #[inline] fn sub_elem(self, other: Self) -> Self { self - other }
        }
    )*};
}
sum_float!(f32, f64);

/// Runs two closures, in parallel when the `rayon` feature is on.
#[inline]
pub(crate) fn join<RA: Send, RB: Send>(
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    #[cfg(feature = "rayon")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "rayon"))]
    {
        (a(), b())
    }
}

/// NumPy's pairwise summation of a slice: blocks of 128 summed with 8 accumulators, halves
/// summed recursively. Gives the same bits as `numpy.add.reduce` on a contiguous array; the
/// halves of long slices run in parallel, which does not change the result.
#[inline]
pub(crate) fn pairwise_sum<A: SumElement>(x: &[A]) -> A {
    pairwise_sum_map(x, &|v| v)
}

/// NumPy's pairwise sum of a slice (for the other modules of the crate).
pub(crate) fn pairwise_sum_slice<A: SumElement>(x: &[A]) -> A {
    pairwise_sum(x)
}

/// [`pairwise_sum`] of `f(x[i])`, without a temporary array.
pub(crate) fn pairwise_sum_map<A: SumElement, F: Fn(A) -> A + Sync>(x: &[A], f: &F) -> A {
    let n = x.len();
    if n < 8 {
        let mut res = A::zero_elem();
        for &v in x {
            res = res.add_elem(f(v));
        }
        res
    } else if n <= PW_BLOCKSIZE {
        let mut r = [f(x[0]), f(x[1]), f(x[2]), f(x[3]), f(x[4]), f(x[5]), f(x[6]), f(x[7])];
        let m = n - n % 8;
        for c in x[8..m].chunks_exact(8) {
            for j in 0..8 {
                r[j] = r[j].add_elem(f(c[j]));
            }
        }
        let mut res = ((r[0].add_elem(r[1])).add_elem(r[2].add_elem(r[3])))
            .add_elem((r[4].add_elem(r[5])).add_elem(r[6].add_elem(r[7])));
        for &v in &x[m..] {
            res = res.add_elem(f(v));
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        let (lo, hi) = x.split_at(n2);
        if n >= PAR_MIN {
            let (a, b) = join(|| pairwise_sum_map(lo, f), || pairwise_sum_map(hi, f));
            a.add_elem(b)
        } else {
            pairwise_sum_map(lo, f).add_elem(pairwise_sum_map(hi, f))
        }
    }
}

/// Folds a slice chunk by chunk (in parallel for long slices) and combines the chunk results.
pub(crate) fn fold_chunks<A, B, F, C>(x: &[A], chunk: F, combine: C) -> B
where
    A: Sync,
    B: Send,
    F: Fn(&[A], usize) -> B + Sync + Send,
    C: Fn(B, B) -> B + Sync + Send,
{
    const CHUNK: usize = 1 << 16;
    #[cfg(feature = "rayon")]
    if x.len() >= PAR_MIN {
        use rayon::prelude::*;
        return x
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(i, c)| chunk(c, i * CHUNK))
            .reduce_with(&combine)
            .unwrap_or_else(|| chunk(&[], 0));
    }
    let _ = &combine;
    chunk(x, 0)
}

/// The elements of a 1-d lane as a slice: borrowed when contiguous, copied otherwise.
pub(crate) fn lane_slice<'a, A: Copy>(lane: &'a ArrayView1<'_, A>) -> Cow<'a, [A]> {
    match lane.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(lane.iter().copied().collect()),
    }
}

/// All elements of `a`: in memory order when `a` is contiguous (the order does not matter to
/// the caller), otherwise copied in logical order.
pub(crate) fn all_elements<'a, A: Copy, S: Data<Elem = A>, D: Dimension>(
    a: &'a ArrayBase<S, D>,
) -> Cow<'a, [A]> {
    match a.as_slice_memory_order() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.iter().copied().collect()),
    }
}

/// All elements of `a` in logical (C) order, borrowed when `a` is C-contiguous.
pub(crate) fn c_order_elements<'a, A: Copy, S: Data<Elem = A>, D: Dimension>(
    a: &'a ArrayBase<S, D>,
) -> Cow<'a, [A]> {
    match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.iter().copied().collect()),
    }
}

/// Applies `f` to every lane of `a` along `axis`; the result has the shape of `a` without
/// `axis`. Lanes are processed in parallel when `a` is large.
pub(crate) fn map_lanes<A, B, F>(a: &ArrayViewD<'_, A>, axis: usize, f: F) -> ArrayD<B>
where
    A: Copy + Sync,
    B: Send,
    F: Fn(ArrayView1<'_, A>) -> B + Sync + Send,
{
    let lanes = a.lanes(Axis(axis));
    #[cfg(feature = "rayon")]
    if a.len() >= PAR_MIN && a.len_of(Axis(axis)) < a.len() {
        return Zip::from(lanes).par_map_collect(f);
    }
    Zip::from(lanes).map_collect(f)
}

/// True when reducing along `axis` is best done lane by lane (the lanes are contiguous or the
/// array is 1-d); otherwise rows are accumulated with [`accumulate_rows`].
pub(crate) fn lanes_are_fast<A>(a: &ArrayViewD<'_, A>, axis: usize) -> bool {
    if a.ndim() <= 1 || a.len_of(Axis(axis)) <= 1 {
        return true;
    }
    let s = a.stride_of(Axis(axis)).unsigned_abs();
    // The lanes are the fastest way when `axis` has the smallest stride among the axes that
    // are longer than one.
    a.shape().iter().zip(a.strides()).all(|(&len, &st)| len <= 1 || st.unsigned_abs() >= s)
}

/// Reduces along `axis` by handing column blocks to `f`: `f(block, out)` receives a view of
/// `a` restricted to some of the other indices (still with `axis`, which is moved to the
/// front) and the matching block of the output, initialised with `init`. Blocks run in
/// parallel when `a` is large. `f` typically walks `block.outer_iter()` (rows) and accumulates
/// into `out`, reading memory contiguously.
pub(crate) fn accumulate_rows<A, B, F>(a: &ArrayViewD<'_, A>, axis: usize, init: B, f: F) -> ArrayD<B>
where
    A: Copy + Sync,
    B: Copy + Send + Sync,
    F: Fn(ArrayViewD<'_, A>, ArrayViewMutD<'_, B>) + Sync + Send,
{
    let mut out_shape = a.shape().to_vec();
    out_shape.remove(axis);
    let mut out = ArrayD::from_elem(IxDyn(&out_shape), init);
    // Axis order: `axis` first, the others as they were.
    let mut perm: Vec<usize> = vec![axis];
    perm.extend((0..a.ndim()).filter(|&k| k != axis));
    let v = a.view().permuted_axes(IxDyn(&perm));
    // Split over the output's last axis (the fastest-varying one for C-ordered input).
    let split_out = out.ndim().saturating_sub(1);
    #[cfg(feature = "rayon")]
    if a.len() >= PAR_MIN && out.ndim() > 0 && out.len_of(Axis(split_out)) > 1 {
        use rayon::prelude::*;
        let cols = out.len_of(Axis(split_out));
        let threads = rayon::current_num_threads().max(1);
        // Blocks of at most ~2 MiB of input, so that a second pass over a block (as in `var`)
        // reads it from cache, and at least 16 columns (whole cache lines per row).
        let block_bytes = (a.len() / cols).max(1) * std::mem::size_of::<A>();
        let block = (BLOCK_BYTES / block_bytes).clamp(16, cols.div_ceil(threads * 4).max(16));
        let pairs: Vec<_> = v
            .axis_chunks_iter(Axis(split_out + 1), block)
            .zip(out.axis_chunks_iter_mut(Axis(split_out), block))
            .collect();
        pairs.into_par_iter().for_each(|(blk, o)| f(blk, o));
        return out;
    }
    let _ = split_out;
    f(v, out.view_mut());
    out
}
