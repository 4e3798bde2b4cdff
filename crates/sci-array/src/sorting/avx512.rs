//! An AVX-512 quicksort of the `u64` keys of the radix sort ([`super::radix`]).
//!
//! NumPy sorts `f64` with x86-simd-sort, a quicksort whose partition step writes each vector
//! of eight keys to both ends of the range at once and whose small ranges are sorted inside
//! the registers by bitonic networks. This is the same design, written for the
//! order-preserving `u64` keys of [`super::SortElement`]:
//!
//! * ranges of up to [`BASE`] keys: a bitonic network over up to 16 registers of eight keys,
//!   padded with `u64::MAX`;
//! * longer ranges: a pivot (the median of 8 sampled keys, of 64 for long ranges), one
//!   partition pass (`< pivot` to the left, `>= pivot` to the right) and recursion; a range
//!   whose pivot is its minimum splits off the keys equal to it instead, so ranges of equal
//!   keys end at once. Past a recursion depth of `2 log2 n` the range goes to the standard
//!   library's sort.
//! * [`par_sort`] hands the two sides of every long range to two rayon tasks.
//!
//! The partition reads eight vectors at a time and splits each by one permutation from a
//! table indexed by its comparison mask, written whole to both ends (the lanes that do not
//! belong land in free room). The shuffle port bounds it: two compresses per vector (as in
//! x86-simd-sort) took a third more time, and compress stores straight to memory more still.
//!
//! On an Intel Xeon (Emerald Rapids), best of 15, one thread: 10⁷ normal `f64` through `sort`
//! 99 ms (the compress version 122), 15,000 keys 0.08 ms against 0.31 for the radix sort's
//! in-cache passes (with the key mapping). Two threads: 52-57 ms, the radix sort 125-145 and
//! NumPy's `sort` (x86-simd-sort, one thread) 72 in the same minutes.
#![allow(unsafe_code)]

use std::arch::x86_64::{
    __m512i, _mm512_cmpge_epu64_mask, _mm512_load_epi64, _mm512_loadu_epi64, _mm512_mask_blend_epi64,
    _mm512_mask_loadu_epi64, _mm512_mask_storeu_epi64, _mm512_maskz_compress_epi64, _mm512_max_epu64,
    _mm512_min_epu64, _mm512_permutexvar_epi64, _mm512_set1_epi64, _mm512_setr_epi64, _mm512_storeu_epi64,
};

/// Keys per register.
const LANES: usize = 8;
/// Ranges of at most this many keys (16 registers) are sorted by a network.
const BASE: usize = 128;

/// Whether this CPU runs [`sort`] (AVX-512 F), checked once.
pub(super) fn available() -> bool {
    static HAS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HAS.get_or_init(|| {
        std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("popcnt")
    })
}

/// Sorts `v` ascending. Panics unless [`available`].
pub(super) fn sort(v: &mut [u64]) {
    assert!(available(), "internal: the AVX-512 key sort needs AVX-512 F");
    let depth = 2 * (v.len().max(2).ilog2() + 1);
    // SAFETY: the CPU supports AVX-512 F (checked above).
    unsafe { quicksort(v, depth) }
}

/// [`sort`] on several threads: each partition step of a range longer than [`PAR_MIN`] hands
/// its two sides to two rayon tasks.
#[cfg(feature = "rayon")]
pub(super) fn par_sort(v: &mut [u64]) {
    assert!(available(), "internal: the AVX-512 key sort needs AVX-512 F");
    let depth = 2 * (v.len().max(2).ilog2() + 1);
    par_quicksort(v, depth);
}

/// Ranges at least this long are split between threads by [`par_sort`].
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 1 << 16;

#[cfg(feature = "rayon")]
fn par_quicksort(v: &mut [u64], depth: u32) {
    if v.len() < PAR_MIN || depth == 0 {
        // SAFETY: `par_sort` checked the CPU.
        return unsafe { quicksort(v, depth) };
    }
    // SAFETY: as above.
    let (lo, hi) = unsafe { split(v) };
    rayon::join(|| par_quicksort(lo, depth - 1), || par_quicksort(hi, depth - 1));
}

#[target_feature(enable = "avx512f,popcnt")]
fn quicksort(v: &mut [u64], depth: u32) {
    let n = v.len();
    if n <= BASE {
        small(v);
        return;
    }
    if depth == 0 {
        v.sort_unstable();
        return;
    }
    let (lo, hi) = split(v);
    quicksort(lo, depth - 1);
    quicksort(hi, depth - 1);
}

/// One partition step of a range longer than [`BASE`]: the two parts of `v` still to sort,
/// the keys below the pivot and the others. When the pivot is the minimum (no key below it),
/// the keys equal to it (at least one) are split off instead and need no further sorting, so a
/// range of equal keys ends at once.
#[target_feature(enable = "avx512f,popcnt")]
fn split(v: &mut [u64]) -> (&mut [u64], &mut [u64]) {
    let pivot = pivot(v);
    let mid = partition_any(v, pivot);
    if mid > 0 {
        // `mid < n`: the pivot itself is on the right.
        return v.split_at_mut(mid);
    }
    // Every key is `>= pivot`, which is one of them: the keys equal to it go first.
    let equal = if pivot == u64::MAX { v.len() } else { partition_any(v, pivot + 1) };
    (&mut [], &mut v[equal..])
}

/// The pivot of `v` (`v.len() > BASE`): the median of 8 keys sampled across it, or of 64 for
/// ranges of [`WIDE_SAMPLE`] keys or more, where an even split matters most (the first
/// partitions of [`par_sort`] feed the two threads: with 8 samples the first split of 10⁷
/// normal keys was 71 / 29).
#[target_feature(enable = "avx512f,popcnt")]
fn pivot(v: &[u64]) -> u64 {
    if v.len() >= WIDE_SAMPLE { sampled_median::<8>(v) } else { sampled_median::<1>(v) }
}

/// Ranges at least this long take their pivot from 64 samples.
const WIDE_SAMPLE: usize = 1 << 14;

/// The median of `8 R` keys sampled evenly across `v` (`v.len() >= 8 R`), sorted by the
/// network of `R` registers.
#[target_feature(enable = "avx512f,popcnt")]
fn sampled_median<const R: usize>(v: &[u64]) -> u64 {
    let step = v.len() / (R * LANES);
    let mut sample = [[0u64; LANES]; R];
    for (i, s) in sample.iter_mut().flatten().enumerate() {
        *s = v[i * step + step / 2];
    }
    // SAFETY: each row of `sample` holds eight keys.
    let mut regs = sample.map(|row| unsafe { _mm512_loadu_epi64(row.as_ptr().cast()) });
    network::<R>(&mut regs);
    let middle = R * LANES / 2;
    let mut row = [0u64; LANES];
    // SAFETY: `row` holds eight keys.
    unsafe { _mm512_storeu_epi64(row.as_mut_ptr().cast(), regs[middle / LANES]) };
    row[middle % LANES]
}

/// Vectors read per step of [`partition`] on long ranges.
const UNROLL: usize = 8;

/// [`partition`], reading [`UNROLL`] vectors at a time when `v` is long enough for it.
#[target_feature(enable = "avx512f,popcnt")]
fn partition_any(v: &mut [u64], pivot: u64) -> usize {
    if v.len() >= 4 * UNROLL * LANES { partition::<UNROLL>(v, pivot) } else { partition::<1>(v, pivot) }
}

/// Reorders `v` (at least `2 U` vectors and seven keys) so that the keys `< pivot` come first;
/// returns their number.
///
/// x86-simd-sort's scheme: the first and last `U` vectors are held in registers, which frees
/// room at both ends; every further `U` vectors are read from the end with less room left,
/// and each is written, split by the comparison, to both ends at once; the held vectors go
/// last, into the gap that remains between the two sides. Reading `U > 1` vectors at a time
/// makes the choice of the end once per `U` vectors and lets their stores overlap.
#[target_feature(enable = "avx512f,popcnt")]
fn partition<const U: usize>(v: &mut [u64], pivot: u64) -> usize {
    let step = U * LANES;
    let n = v.len();
    debug_assert!(n >= 2 * step + LANES - 1);
    // Shorten the range to whole vectors from its left end, one key at a time.
    let (mut left, mut right) = (0, n);
    for _ in 0..n % LANES {
        if v[left] >= pivot {
            right -= 1;
            v.swap(left, right);
        } else {
            left += 1;
        }
    }
    let p = v.as_mut_ptr();
    let pv = _mm512_set1_epi64(pivot as i64);
    // SAFETY: every load reads keys of `[left, right)` not yet read (`right - left` is a
    // multiple of eight and at least `2 step`), and every store writes inside
    // `[l_store, r_end)`, whose keys have all been read (the free room: the held vectors' and
    // the current step's keys). Inside the loops each side has room for eight keys before
    // every vector's stores, as `split_store_full` needs: the room is `2 step` keys before
    // each step, the step reads from the side with less of it, so after the read that side
    // has at least `8 k` keys of room for the `k` vectors it reads, and the other side had at
    // least half of `2 step`. The held vectors at the end fill the gap exactly, by the masked
    // stores of `split_store`, which write no key beyond its side.
    unsafe {
        let mut held_left = [pv; U];
        let mut held_right = [pv; U];
        for u in 0..U {
            held_left[u] = _mm512_loadu_epi64(p.add(left + u * LANES).cast());
            held_right[u] = _mm512_loadu_epi64(p.add(right - step + u * LANES).cast());
        }
        let (mut l_store, mut r_end) = (left, right);
        left += step;
        right -= step;
        // Single vectors until the rest is a whole number of steps (the scalar loop above
        // would take up to `step - 1` keys, a mispredicted branch each, on every call).
        for _ in 0..((right - left) / LANES) % U {
            let c = if r_end - right < left - l_store {
                right -= LANES;
                _mm512_loadu_epi64(p.add(right).cast())
            } else {
                left += LANES;
                _mm512_loadu_epi64(p.add(left - LANES).cast())
            };
            let ge = split_store_full(p, l_store, r_end, c, pv);
            r_end -= ge;
            l_store += LANES - ge;
        }
        while right > left {
            let mut curr = [pv; U];
            if r_end - right < left - l_store {
                right -= step;
                for (u, c) in curr.iter_mut().enumerate() {
                    *c = _mm512_loadu_epi64(p.add(right + u * LANES).cast());
                }
            } else {
                for (u, c) in curr.iter_mut().enumerate() {
                    *c = _mm512_loadu_epi64(p.add(left + u * LANES).cast());
                }
                left += step;
            }
            for c in curr {
                let ge = split_store_full(p, l_store, r_end, c, pv);
                r_end -= ge;
                l_store += LANES - ge;
            }
        }
        for c in held_left.into_iter().chain(held_right) {
            let ge = split_store(p, l_store, r_end, c, pv);
            r_end -= ge;
            l_store += LANES - ge;
        }
        debug_assert_eq!(l_store, r_end);
        l_store
    }
}

/// For each mask of the lanes `>=` the pivot, the lane order that puts the other lanes first
/// and those lanes last (each group in lane order): one permutation partitions a vector.
#[repr(align(64))]
struct Perms([[u64; LANES]; 256]);

static PERMS: Perms = {
    let mut t = [[0u64; LANES]; 256];
    let mut m = 0;
    while m < 256 {
        let mut at = 0;
        let mut upper = 0;
        while upper < 2 {
            let mut l = 0;
            while l < LANES {
                if ((m >> l) & 1) == upper {
                    t[m][at] = l as u64;
                    at += 1;
                }
                l += 1;
            }
            upper += 1;
        }
        m += 1;
    }
    Perms(t)
};

/// As [`split_store`], by one table permutation and two full stores: the whole permuted vector
/// goes to `p[l_store..l_store + 8]` (its first keys those below the pivot) and to
/// `p[r_end - 8..r_end]` (its last keys the others); the other lanes land in free room, to be
/// overwritten later. Two cheap stores and one permutation instead of two compresses, whose
/// shuffle port bounds the partition.
///
/// # Safety
///
/// `p[l_store..l_store + 8]` and `p[r_end - 8..r_end]` must be free room: writable, and
/// holding no key still to be read or kept.
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn split_store_full(p: *mut u64, l_store: usize, r_end: usize, x: __m512i, pivot: __m512i) -> usize {
    let ge = _mm512_cmpge_epu64_mask(x, pivot);
    // SAFETY: the table row is 64 aligned bytes; the stores as the caller guarantees.
    unsafe {
        let order = _mm512_load_epi64(PERMS.0[ge as usize].as_ptr().cast());
        let y = _mm512_permutexvar_epi64(order, x);
        _mm512_storeu_epi64(p.add(l_store).cast(), y);
        _mm512_storeu_epi64(p.add(r_end - LANES).cast(), y);
    }
    ge.count_ones() as usize
}

/// Writes the keys of `x` below the pivot to `p[l_store..]` and the others to the slots just
/// before `p[r_end]`; returns the number of the others.
///
/// # Safety
///
/// Both destinations must be writable for as many keys as go there.
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn split_store(p: *mut u64, l_store: usize, r_end: usize, x: __m512i, pivot: __m512i) -> usize {
    let ge = _mm512_cmpge_epu64_mask(x, pivot);
    let count = ge.count_ones() as usize;
    // Compressed in registers, then written by masked stores: a compress straight to memory
    // is several times slower on Intel cores.
    let below = _mm512_maskz_compress_epi64(!ge, x);
    let above = _mm512_maskz_compress_epi64(ge, x);
    // SAFETY: as the caller guarantees; the masks cover `8 - count` and `count` keys.
    unsafe {
        _mm512_mask_storeu_epi64(p.add(l_store).cast(), lane_mask(LANES - count), below);
        _mm512_mask_storeu_epi64(p.add(r_end - count).cast(), lane_mask(count), above);
    }
    count
}

/// Sorts up to [`BASE`] keys by the network of the smallest power-of-two number of registers
/// that holds them.
#[target_feature(enable = "avx512f,popcnt")]
fn small(v: &mut [u64]) {
    match v.len().div_ceil(LANES) {
        0 => {}
        1 => in_registers::<1>(v),
        2 => in_registers::<2>(v),
        3 | 4 => in_registers::<4>(v),
        5..=8 => in_registers::<8>(v),
        _ => in_registers::<16>(v),
    }
}

/// Loads `v` (at most `8 R` keys) into `R` registers padded with `u64::MAX`, sorts them, and
/// stores the first `v.len()` keys back.
#[target_feature(enable = "avx512f,popcnt")]
fn in_registers<const R: usize>(v: &mut [u64]) {
    let n = v.len();
    debug_assert!(n <= R * LANES);
    let pad = _mm512_set1_epi64(-1);
    let mut regs = [pad; R];
    let p = v.as_mut_ptr();
    for (r, reg) in regs.iter_mut().enumerate() {
        let start = r * LANES;
        if start < n {
            let mask = lane_mask(n - start);
            // SAFETY: the mask selects the keys `start..min(start + 8, n)` of `v`.
            *reg = unsafe { _mm512_mask_loadu_epi64(pad, mask, p.add(start).cast()) };
        }
    }
    network::<R>(&mut regs);
    for (r, reg) in regs.iter().enumerate() {
        let start = r * LANES;
        if start < n {
            // SAFETY: as for the loads.
            unsafe { _mm512_mask_storeu_epi64(p.add(start).cast(), lane_mask(n - start), *reg) };
        }
    }
}

/// The mask of the first `min(k, 8)` lanes.
fn lane_mask(k: usize) -> u8 {
    if k >= LANES { u8::MAX } else { (1u8 << k) - 1 }
}

/// Bitonic sort of the `8 R` keys held in `regs` (key `i` in lane `i % 8` of register
/// `i / 8`; `R` a power of two up to 16): for every block size `k` and distance `j`, key `i`
/// is compared with key `i ^ j`, the smaller going first when `i & k == 0`. Every stage is its
/// own instance of [`stage`], so that its masks and permutations are constants and the
/// registers stay in registers.
#[inline(always)]
fn network<const R: usize>(regs: &mut [__m512i; R]) {
    macro_rules! blocks {
        ($( $k:literal: $($j:literal)* ;)*) => {
            $( if $k <= R * LANES { $( stage::<R, $k, $j>(regs); )* } )*
        };
    }
    blocks! {
        2: 1;
        4: 2 1;
        8: 4 2 1;
        16: 8 4 2 1;
        32: 16 8 4 2 1;
        64: 32 16 8 4 2 1;
        128: 64 32 16 8 4 2 1;
    }
}

/// Runs `$body` with `$r` bound to each register index below `R` (at most 16), written out
/// one by one so that the compiler sees every index as a constant: the registers then stay in
/// registers and the blend masks fold to constants (a loop over the array was compiled as one,
/// through the stack).
macro_rules! each_register {
    ($r:ident => $body:block) => {
        each_register!(@ $r $body; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
    };
    (@ $r:ident $body:block; $($n:literal)*) => {
        $( if $n < R {
            let $r: usize = $n;
            $body
        } )*
    };
}

/// Which lanes of register `r` keep the larger key of their pair at distance `j < 8` within
/// blocks of `k` keys: the upper lane of a pair in an ascending block, the lower in a
/// descending one.
#[inline(always)]
const fn take_larger(r: usize, j: usize, k: usize) -> u8 {
    let mut mask = 0u8;
    let mut l = 0;
    while l < LANES {
        if (l & j != 0) != ((r * LANES + l) & k != 0) {
            mask |= 1 << l;
        }
        l += 1;
    }
    mask
}

/// One stage of [`network`]: block size `K`, distance `J`. Distances of a register or more
/// compare whole registers; shorter ones compare each register with a permutation of itself.
#[inline(always)]
fn stage<const R: usize, const K: usize, const J: usize>(regs: &mut [__m512i; R]) {
    // SAFETY (all intrinsics below): callers are compiled with AVX-512 F (`target_feature`),
    // and the intrinsics only compute on registers.
    if J >= LANES {
        each_register!(r => {
            let r2 = r ^ (J / LANES);
            if r < r2 && r2 < R {
                let (a, b) = (regs[r], regs[r2]);
                let (lo, hi) = unsafe { (_mm512_min_epu64(a, b), _mm512_max_epu64(a, b)) };
                // K > J >= 8: the direction is the register's.
                let up = (r * LANES) & K == 0;
                (regs[r], regs[r2]) = if up { (lo, hi) } else { (hi, lo) };
            }
        });
    } else {
        let jl = J as i64;
        // SAFETY: as above.
        let idx = unsafe { _mm512_setr_epi64(jl, 1 ^ jl, 2 ^ jl, 3 ^ jl, 4 ^ jl, 5 ^ jl, 6 ^ jl, 7 ^ jl) };
        each_register!(r => {
            let x = regs[r];
            regs[r] = unsafe {
                let partner = _mm512_permutexvar_epi64(idx, x);
                let (lo, hi) = (_mm512_min_epu64(x, partner), _mm512_max_epu64(x, partner));
                _mm512_mask_blend_epi64(take_larger(r, J, K), lo, hi)
            };
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sorting::radix::tests::xorshift;

    fn check(mut v: Vec<u64>) {
        let mut want = v.clone();
        want.sort_unstable();
        sort(&mut v);
        assert_eq!(v, want, "length {}", want.len());
    }

    #[test]
    fn sorts_every_short_length_and_long_ones() {
        if !available() {
            eprintln!("sorts_every_short_length_and_long_ones: this CPU lacks AVX-512 F; nothing to test");
            return;
        }
        let mut r = xorshift(0x2545_f491_4f6c_dd1d);
        for n in (0..=300).chain([511, 512, 513, 1000, 4099, 20_000, 100_003]) {
            check((0..n).map(|_| r()).collect());
            // Few distinct keys (runs of equal keys, the pivot often the minimum).
            check((0..n).map(|_| r() % 3).collect());
            check((0..n).map(|_| u64::MAX - r() % 2).collect());
            // Sorted, reversed, constant.
            check((0..n as u64).collect());
            check((0..n as u64).rev().collect());
            check(vec![u64::MAX; n]);
            check(vec![0; n]);
        }
    }

    #[test]
    fn adversarial_patterns_stay_correct() {
        if !available() {
            eprintln!("adversarial_patterns_stay_correct: this CPU lacks AVX-512 F; nothing to test");
            return;
        }
        // Organ pipe and sawtooth shapes, which defeat sampled pivots.
        let n = 50_000u64;
        check((0..n).map(|i| i.min(n - i)).collect());
        check((0..n).map(|i| i % 257).collect());
        check((0..n).map(|i| (i * 8) % n).collect());
    }
}
