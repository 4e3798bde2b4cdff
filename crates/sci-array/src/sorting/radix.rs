//! Most-significant-digit radix sort on the order-preserving `u64` keys of [`SortElement`], and
//! the AVX-512 quicksort of those keys where the CPU has AVX-512.
//!
//! NumPy sorts `f64` with an AVX-512 quicksort (x86-simd-sort). On a CPU with AVX-512 this
//! module does the same on the keys ([`super::avx512`]), on both cores: the values become their
//! keys (in place for 8-byte types), the keys are sorted, the values written back. Elsewhere, a
//! radix sort that touches main memory only a few times:
//!
//! 1. one pass maps the values to keys and counts the top 16 key bits (in parallel chunks);
//! 2. one scatter by those bits (coarsened to at most [`TOP_ACTIVE`] non-empty buckets, so that
//!    the write heads stay in cache; the chunks of pass 1 in parallel) splits the keys into
//!    buckets that fit in L2 for typical data (normal or uniform floats put their sign, exponent
//!    and first mantissa bits there);
//! 3. each bucket is then sorted in cache, in parallel over buckets: MSD passes on the highest
//!    bits in which the bucket's keys differ (so shared prefixes, such as a common exponent, cost
//!    nothing), down to small runs finished by insertion sort, and the values are written back
//!    from the sorted keys.
//!
//! LSD radix sorts need a pass per digit over all of memory (6 for 64-bit keys with 11-bit
//! digits) and crates such as `voracious_radix_sort` or `rdst` do the same work in general
//! form; this specialised version does about three passes over memory.
//!
//! The sort is by key, so it orders as [`SortElement::cmp_nan_last`] does, with `-0.0` before
//! `0.0` (NumPy treats them as equal; any order of the two is a valid NumPy result) and every
//! NaN written back as the same quiet NaN.

use super::SortElement;
use crate::math::buffer;

/// Runs at most this long are finished by insertion sort.
const SMALL: usize = 16;
/// Widest digit of a counting pass (2048 counts stay in L1).
const DIGIT_BITS: u32 = 11;
/// Buckets up to this length (256 KiB of keys and scratch, in L2) are sorted in cache by LSD
/// passes; longer ones are split by an MSD pass first.
const IN_CACHE: usize = 1 << 17;
/// Bits counted by the first pass.
const TOP_BITS: u32 = 16;
/// The first scatter coarsens its digit until at most this many buckets are non-empty.
const TOP_ACTIVE: usize = 4096;
/// Below this length the first pass is the generic in-cache one.
const TOP_MIN: usize = 1 << 16;
/// Above this length the first pass and the bucket sorts run in parallel.
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 1 << 17;

/// Sorts `v` by radix key (`T::HAS_RADIX_KEY` must hold).
pub(super) fn sort<T: SortElement>(v: &mut [T]) {
    #[cfg(target_arch = "x86_64")]
    let simd = super::avx512::available();
    #[cfg(not(target_arch = "x86_64"))]
    let simd = false;
    sort_with(v, simd);
}

/// [`sort`], with the buckets sorted by the AVX-512 quicksort when `simd` (which the CPU must
/// support) or else by in-cache radix passes.
fn sort_with<T: SortElement>(v: &mut [T], simd: bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n < TOP_MIN {
        let mut keys: Vec<u64> = v.iter().map(|x| key(*x)).collect();
        sort_keys(&mut keys, None, v, 64, simd);
        return;
    }
    let tasks = tasks(n);
    let chunk = n.div_ceil(tasks);
    #[cfg(all(target_arch = "x86_64", feature = "rayon"))]
    if simd {
        // The keys, their parallel AVX-512 quicksort, and the values written back.
        if let Some(words) = as_words(v) {
            // 8-byte values become their keys in place: no key buffer to allocate.
            use rayon::prelude::*;
            #[allow(unsafe_code)]
            // SAFETY (both maps): `as_words` only accepts types whose values are exactly the
            // 64-bit patterns, so a word holds a value's bits and a value's bits make a word.
            words.par_chunks_mut(chunk).for_each(|c| {
                for w in c {
                    *w = key(unsafe { std::mem::transmute_copy::<u64, T>(w) });
                }
            });
            super::avx512::par_sort(words);
            #[allow(unsafe_code)]
            words.par_chunks_mut(chunk).for_each(|c| {
                for w in c {
                    *w = unsafe { std::mem::transmute_copy::<T, u64>(&T::from_radix_key(*w)) };
                }
            });
            return;
        }
        let mut keys = vec![0u64; n];
        buffer::advise_huge(&keys);
        map_chunks(&mut keys, v, chunk, |k, x| {
            for (k, x) in k.iter_mut().zip(x) {
                *k = key(*x);
            }
        });
        super::avx512::par_sort(&mut keys);
        map_chunks_back(&keys, v, chunk);
        return;
    }
    // Pass 1: keys and the counts of their top bits, chunk by chunk.
    let mut keys = vec![0u64; n];
    buffer::advise_huge(&keys);
    let mut hists: Vec<Vec<u32>> = map_chunks(&mut keys, v, chunk, |k, x| {
        let mut h = vec![0u32; 1 << TOP_BITS];
        for (k, x) in k.iter_mut().zip(x) {
            *k = key(*x);
            h[(*k >> (64 - TOP_BITS)) as usize] += 1;
        }
        h
    });
    // Coarsen the digit while too many buckets are in use.
    let mut bits = TOP_BITS;
    let total = |hists: &[Vec<u32>], bits: u32| -> Vec<usize> {
        let mut t = vec![0usize; 1 << bits];
        for h in hists {
            for (t, &c) in t.iter_mut().zip(h.iter()) {
                *t += c as usize;
            }
        }
        t
    };
    let mut counts = total(&hists, bits);
    while bits > DIGIT_BITS && counts.iter().filter(|&&c| c > 0).count() > TOP_ACTIVE {
        bits -= 1;
        for h in hists.iter_mut() {
            for i in 0..1 << bits {
                h[i] = h[2 * i] + h[2 * i + 1];
            }
        }
        counts = total(&hists, bits);
    }
    if counts.contains(&n) {
        // One bucket: the top bits are all equal; let the generic passes find the digits.
        sort_keys(&mut keys, None, v, 64, simd);
        return;
    }
    // Pass 2: scatter by the top `bits` bits.
    let shift = 64 - bits;
    let mut tmp = vec![0u64; n];
    buffer::advise_huge(&tmp);
    scatter_top(&keys, &mut tmp, &hists, chunk, shift);
    // Pass 3: sort every bucket in cache (now in `tmp`, with `keys` as scratch).
    let mut jobs = Vec::new();
    let (mut t, mut s, mut o) = (&mut tmp[..], &mut keys[..], &mut *v);
    for &c in counts.iter().filter(|&&c| c > 0) {
        let (t0, t1) = t.split_at_mut(c);
        let (s0, s1) = s.split_at_mut(c);
        let (o0, o1) = o.split_at_mut(c);
        jobs.push((t0, s0, o0));
        (t, s, o) = (t1, s1, o1);
    }
    #[cfg(feature = "rayon")]
    if tasks > 1 {
        use rayon::prelude::*;
        jobs.into_par_iter().with_max_len(16).for_each(|(t, s, o)| sort_keys(t, Some(s), o, shift, simd));
        return;
    }
    for (t, s, o) in jobs {
        sort_keys(t, Some(s), o, shift, simd);
    }
}

/// Sorts `keys`, which agree on all bits from `span` up, and writes their values to `out`: by
/// the AVX-512 quicksort ([`super::avx512`]) when `simd`, else by [`msd_below`] with `tmp`
/// (allocated here when `None`) as scratch.
fn sort_keys<T: SortElement>(
    keys: &mut [u64],
    tmp: Option<&mut [u64]>,
    out: &mut [T],
    span: u32,
    simd: bool,
) {
    #[cfg(target_arch = "x86_64")]
    if simd {
        super::avx512::sort(keys);
        write_values(keys, out);
        return;
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = simd;
    match tmp {
        Some(tmp) => msd_below(keys, tmp, out, span),
        None => {
            let mut tmp = vec![0u64; keys.len()];
            buffer::advise_huge(&tmp);
            msd_below(keys, &mut tmp, out, span);
        }
    }
}

/// Pass 2 of [`sort`]: the stable scatter of `keys` into `tmp` by `key >> shift`, the chunks of
/// `chunk` keys (whose digit counts are `hists`) in parallel, each into its own slots of every
/// bucket (after the earlier chunks' slots, so equal digits keep their order).
///
/// The scatter is bound by the latency of its writes to scattered lines; one thread took 60 ms
/// for 1e7 normal `f64` keys in 660 buckets, a third of the whole sort.
fn scatter_top(keys: &[u64], tmp: &mut [u64], hists: &[Vec<u32>], chunk: usize, shift: u32) {
    let buckets = 1usize << (64 - shift);
    // Where each chunk's keys of each bucket start: bucket by bucket, chunk by chunk.
    let mut starts: Vec<Vec<usize>> = vec![Vec::with_capacity(buckets); hists.len()];
    let mut sum = 0;
    for d in 0..buckets {
        for (s, h) in starts.iter_mut().zip(hists) {
            s.push(sum);
            sum += h[d] as usize;
        }
    }
    debug_assert_eq!(sum, keys.len());
    let run = |src: &[u64], next: &mut [usize], dst: Dst| {
        for &k in src {
            let d = (k >> shift) as usize;
            // SAFETY: `next[d]` runs through this chunk's slots of bucket `d`, which no other
            // chunk writes (the starts partition `0..n`, each chunk's slots of a bucket as many
            // as its keys with that digit), all inside `tmp` (`dst.1 == n`).
            #[allow(unsafe_code)]
            unsafe {
                debug_assert!(next[d] < dst.1);
                *dst.0.add(next[d]) = k;
            }
            next[d] += 1;
        }
    };
    let dst = Dst(tmp.as_mut_ptr(), tmp.len());
    #[cfg(feature = "rayon")]
    if hists.len() > 1 {
        use rayon::prelude::*;
        keys.par_chunks(chunk).zip(starts.par_iter_mut()).for_each(|(src, next)| run(src, next, dst));
        return;
    }
    for (src, next) in keys.chunks(chunk).zip(starts.iter_mut()) {
        run(src, next, dst);
    }
}

/// The destination of [`scatter_top`]: its start and length.
#[derive(Clone, Copy)]
struct Dst(*mut u64, usize);
// SAFETY: the threads of `scatter_top` write disjoint slots through it, and the buffer outlives
// the parallel loop (it is borrowed mutably for the whole call).
#[allow(unsafe_code)]
unsafe impl Send for Dst {}
// SAFETY: as for `Send`.
#[allow(unsafe_code)]
unsafe impl Sync for Dst {}

/// The number of parallel tasks for `n` elements.
fn tasks(n: usize) -> usize {
    #[cfg(feature = "rayon")]
    if n >= PAR_MIN {
        return rayon::current_num_threads().max(1);
    }
    let _ = n;
    1
}

/// `f` over matching chunks of `keys` and `v`, in parallel when there are several.
fn map_chunks<T, R, F>(keys: &mut [u64], v: &[T], chunk: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&mut [u64], &[T]) -> R + Sync + Send,
{
    #[cfg(feature = "rayon")]
    if chunk < keys.len() {
        use rayon::prelude::*;
        return keys.par_chunks_mut(chunk).zip(v.par_chunks(chunk)).map(|(k, x)| f(k, x)).collect();
    }
    keys.chunks_mut(chunk).zip(v.chunks(chunk)).map(|(k, x)| f(k, x)).collect()
}

/// `v` seen as 64-bit words, for the 8-byte types whose values are exactly the 64-bit patterns
/// (`f64`, `u64`, `i64`, `usize`, `isize`); `None` for every other type.
#[cfg(all(target_arch = "x86_64", feature = "rayon"))]
#[allow(unsafe_code)]
fn as_words<T: SortElement>(v: &mut [T]) -> Option<&mut [u64]> {
    use std::any::TypeId;
    let t = TypeId::of::<T>();
    let plain = [
        TypeId::of::<f64>(),
        TypeId::of::<u64>(),
        TypeId::of::<i64>(),
        TypeId::of::<usize>(),
        TypeId::of::<isize>(),
    ];
    if !plain.contains(&t) || size_of::<T>() != 8 || align_of::<T>() != 8 {
        return None;
    }
    // SAFETY: `T` is one of the types above: 8 bytes, 8-aligned, every bit pattern a value and
    // every value a bit pattern; the words borrow `v` mutably for as long as they live.
    Some(unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<u64>(), v.len()) })
}

/// The values of the sorted `keys`, written to `out` in parallel chunks of `chunk`.
#[cfg(all(target_arch = "x86_64", feature = "rayon"))]
fn map_chunks_back<T: SortElement>(keys: &[u64], out: &mut [T], chunk: usize) {
    use rayon::prelude::*;
    out.par_chunks_mut(chunk).zip(keys.par_chunks(chunk)).for_each(|(o, k)| write_values(k, o));
}

#[inline]
fn key<T: SortElement>(x: T) -> u64 {
    x.radix_key().unwrap_or(0)
}

/// Sorts the keys in `src`, known to agree on all bits from `span` up (using `tmp`, of the
/// same length, as scratch), and writes the matching values to `out`.
fn msd_below<T: SortElement>(src: &mut [u64], tmp: &mut [u64], out: &mut [T], span: u32) {
    let n = src.len();
    if n <= SMALL {
        insertion_sort(src);
        write_values(src, out);
        return;
    }
    if n <= IN_CACHE && span > 0 && lsd_top(src, tmp, out, span) {
        return;
    }
    let (mut lo, mut hi) = (u64::MAX, 0u64);
    for &k in src.iter() {
        lo = lo.min(k);
        hi = hi.max(k);
    }
    if lo == hi {
        out.fill(T::from_radix_key(lo));
        return;
    }
    // Only the bits below the common prefix of the keys matter.
    let span = 64 - (lo ^ hi).leading_zeros();
    if n > IN_CACHE {
        let bits = DIGIT_BITS.min(span);
        split(src, tmp, out, span - bits, bits);
    } else if !lsd_top(src, tmp, out, span) {
        // The top digit of the span is never constant here; this is not reached.
        split(src, tmp, out, span - 1, 1);
    }
}

/// In cache: sorts by the top `bits` bits below `span` (about two keys per value of those
/// bits) with one or two LSD passes counted together, then finishes by insertion sort.
/// Returns false, having changed nothing, when the keys all share the top digit (the caller
/// then looks for the bits in which they differ).
fn lsd_top<T: SortElement>(src: &mut [u64], tmp: &mut [u64], out: &mut [T], span: u32) -> bool {
    let n = src.len();
    let bits = (n.ilog2() + 1).min(span).min(2 * DIGIT_BITS);
    let shift = span - bits;
    let low = bits / 2;
    let high = bits - low;
    let (mask_lo, mask_hi) = ((1usize << low) - 1, (1usize << high) - 1);
    let mut count_lo = [0u32; 1 << DIGIT_BITS];
    let mut count_hi = [0u32; 1 << DIGIT_BITS];
    let (count_lo, count_hi) = (&mut count_lo[..=mask_lo], &mut count_hi[..=mask_hi]);
    for &k in src.iter() {
        count_lo[(k >> shift) as usize & mask_lo] += 1;
        count_hi[(k >> (shift + low)) as usize & mask_hi] += 1;
    }
    if count_hi.contains(&(n as u32)) {
        return false;
    }
    if low > 0 && !count_lo.contains(&(n as u32)) {
        scatter(src, tmp, count_lo, shift, mask_lo);
        scatter(tmp, src, count_hi, shift + low, mask_hi);
    } else {
        scatter(src, tmp, count_hi, shift + low, mask_hi);
        src.copy_from_slice(tmp);
    }
    finish(src, tmp, out, shift);
    true
}

/// Stable counting scatter from `src` to `dst` by `(key >> shift) & mask`, given the counts
/// of every digit (turned into bucket ends).
fn scatter(src: &[u64], dst: &mut [u64], count: &mut [u32], shift: u32, mask: usize) {
    let mut sum = 0;
    for c in count.iter_mut() {
        let t = *c;
        *c = sum;
        sum += t;
    }
    for &k in src {
        let d = (k >> shift) as usize & mask;
        dst[count[d] as usize] = k;
        count[d] += 1;
    }
}

/// Completes the sort of keys already ordered by `key >> shift`: insertion sort, which moves
/// keys only within their run of equal `key >> shift`. If the runs turn out long (many moves),
/// the long runs are sorted by [`msd_below`] instead.
fn finish<T: SortElement>(src: &mut [u64], tmp: &mut [u64], out: &mut [T], shift: u32) {
    let n = src.len();
    let mut budget = 8 * n;
    let mut done = true;
    for i in 1..n {
        let x = src[i];
        let mut j = i;
        while j > 0 && src[j - 1] > x {
            src[j] = src[j - 1];
            j -= 1;
        }
        src[j] = x;
        budget = budget.saturating_sub(i - j);
        if budget == 0 {
            done = false;
            break;
        }
    }
    if done {
        write_values(src, out);
        return;
    }
    // Long runs: each run of equal `key >> shift` on its own.
    let mut i = 0;
    while i < n {
        let p = src[i] >> shift;
        let j = i + src[i..].partition_point(|&k| k >> shift == p);
        if j - i > SMALL {
            msd_below(&mut src[i..j], &mut tmp[i..j], &mut out[i..j], shift);
        } else {
            insertion_sort(&mut src[i..j]);
            write_values(&src[i..j], &mut out[i..j]);
        }
        i = j;
    }
}

/// The values of sorted keys.
fn write_values<T: SortElement>(keys: &[u64], out: &mut [T]) {
    for (o, &k) in out.iter_mut().zip(keys) {
        *o = T::from_radix_key(k);
    }
}

/// One MSD pass by the digit `(key >> shift) & (2^bits - 1)`, from `src` to `tmp`, then
/// [`msd`] on every bucket with the roles of the buffers swapped.
fn split<T: SortElement>(src: &mut [u64], tmp: &mut [u64], out: &mut [T], shift: u32, bits: u32) {
    let mask = (1usize << bits) - 1;
    let mut count = [0u32; 1 << DIGIT_BITS];
    let count = &mut count[..=mask];
    for &k in src.iter() {
        count[(k >> shift) as usize & mask] += 1;
    }
    let mut ends = count.to_vec();
    scatter(src, tmp, &mut ends, shift, mask);
    let (mut t, mut s, mut o) = (tmp, src, out);
    for &c in count.iter() {
        let c = c as usize;
        if c == 0 {
            continue;
        }
        let (t0, t1) = t.split_at_mut(c);
        let (s0, s1) = s.split_at_mut(c);
        let (o0, o1) = o.split_at_mut(c);
        msd_below(t0, s0, o0, shift);
        (t, s, o) = (t1, s1, o1);
    }
}

/// Sorts a short run of keys.
fn insertion_sort(v: &mut [u64]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A small xorshift generator for the tests (also used by the AVX-512 sort's tests).
    pub(in crate::sorting) fn xorshift(seed: u64) -> impl FnMut() -> u64 {
        let mut s = seed;
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        }
    }

    fn check<T: SortElement + std::fmt::Debug + PartialEq>(mut v: Vec<T>) {
        let mut want = v.clone();
        want.sort_by(T::cmp_nan_last);
        // The portable bucket sorts, then the AVX-512 ones where the CPU has them.
        let mut portable = v.clone();
        sort_with(&mut portable, false);
        sort(&mut v);
        for got in [&portable, &v] {
            for (i, (a, b)) in got.iter().zip(&want).enumerate() {
                assert_eq!(a.cmp_nan_last(b), std::cmp::Ordering::Equal, "at {i}: {a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn sorts_like_the_comparison_sort() {
        let mut r = xorshift(0x9e37_79b9_7f4a_7c15);
        // Lengths below and above the top-pass and parallel thresholds.
        for n in [0usize, 1, 2, 31, 33, 1000, 70_000, 300_000] {
            // Random bits (the top pass must coarsen), uniform and normal-like floats, and
            // data in a narrow range (one top bucket).
            check((0..n).map(|_| r()).collect::<Vec<u64>>());
            check((0..n).map(|_| r() as i64).collect::<Vec<i64>>());
            check((0..n).map(|_| (r() >> 11) as f64 / (1u64 << 53) as f64).collect::<Vec<f64>>());
            check(
                (0..n)
                    .map(|_| ((r() >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * ((r() % 16) as f64).exp2())
                    .collect::<Vec<f64>>(),
            );
            check((0..n).map(|_| 1.0 + (r() % 1000) as f64 * 1e-12).collect::<Vec<f64>>());
            check((0..n).map(|_| (r() % 7) as i8 - 3).collect::<Vec<i8>>());
            check((0..n).map(|_| (r() >> 40) as f32 - 1e6).collect::<Vec<f32>>());
        }
    }

    #[test]
    fn special_values() {
        let mut r = xorshift(7);
        let specials = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, f64::MIN_POSITIVE, -1e-310];
        let v: Vec<f64> = (0..100_000)
            .map(|i| if i % 3 == 0 { specials[(r() % 7) as usize] } else { (r() % 100) as f64 - 50.0 })
            .collect();
        check(v);
        check(vec![f64::NAN; 70_000]);
        check(vec![2.5f64; 70_000]);
    }
}
