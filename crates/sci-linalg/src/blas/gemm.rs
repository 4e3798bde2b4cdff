//! A blocked `f64` GEMM in the GotoBLAS/BLIS design, for x86-64 CPUs with AVX2 and FMA.
//!
//! Loops, outer to inner: `jc` over `NC`-column panels of `B` and `C`; `pc` over `KC`-deep
//! slices of the inner dimension, where the `kc × nc` slice of `B` is packed into `NR`-column
//! micro-panels (shared by all threads, which pack one share each); `ic` over `MC`-row blocks
//! of `A` (each thread its own rows of `C`), packed into `MR`-row micro-panels that stay in the
//! core's L2; then `jr`, `ir` over the micro-panels, each pair one call of the `MR × NR`
//! microkernel ([`super::kernel_avx2`]) while the `B` micro-panel stays in L1. Packing copies
//! through any strides (transposed, sliced, negative), so the kernel always reads contiguous,
//! aligned data; edge panels are zero-padded.
//!
//! On two threads with enough columns, the caller and the crate's persistent helper thread
//! (`crate::worker`) each run this loop on one half of `C`'s columns, with nothing shared and
//! one join at the end (see `COLS_TEAM_MIN` for the measurements). On more threads,
//! [`gemm_cols`] has the threads claim chunks of `C`'s columns dynamically (each packing its
//! own chunk of `B`) and share one packed copy of `A`. Fixed row shares with a barrier per `KC`
//! slice made one descheduled thread stall both: with a niced compile job on the machine the
//! 1000 × 1000 product took 33-48 ms that way, and 27-29 ms with dynamic chunks (NumPy 25-27).

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Barrier, RwLock};
use std::time::Instant;

use ndarray::{ArrayView2, ArrayViewMut2, Axis, s};

use super::kernel_avx2::{MR, NR, Tile, kernel_8x6};
use super::kernel_avx512;
use crate::team;

/// Depth of a packed slice: a `B` micro-panel (`KC × NR`, 12 KiB) stays in the 32 KiB L1.
const KC: usize = 256;

/// [`KC`] on CPUs with AVX-512 and an L1 of 48 KiB or more (Ice Lake and later Intel cores),
/// where a 24 KiB `B` micro-panel still leaves room for the streaming `A` panels: half as many
/// slices, so `C` is read and written half as often, and each `A` block serves twice the work
/// per packing. With the next micro-panel prefetched during each sweep (see [`sweep`]), in
/// alternating calls in one process on two Emerald Rapids cores: 2000 × 2000 products min 103-110
/// against 109-118 ms with 256 (single thread 198 against 214), 1000 × 1000 14.6 against 15.2,
/// 3000 × 3000 396 against 404; `A` blocks of 192 or 432 rows were no faster than 288.
const KC_BIG_L1: usize = 512;

/// The depth of the packed slices on this CPU.
fn kc() -> usize {
    if super::avx512() && super::l1d_bytes() >= 48 << 10 { KC_BIG_L1 } else { KC }
}

/// Rows of a packed `A` block (`MC × KC`, 288 KiB) kept in the L2 of a core (512 KiB on Zen 2
/// and 3, 1 MiB on Zen 4, where `KC` 320-512 with `MC` 120-288 ran no faster at 2000³).
const MC: usize = 144;
/// [`MC`] on CPUs with AVX-512, all of which have at least 1 MiB of L2 per core (Skylake-X,
/// Ice Lake, Sapphire Rapids' 2 MiB, Zen 4): a 576 KiB block, so the packed `B` slice streams
/// through L1 half as often. On two Emerald Rapids cores (2 MiB of L2 each), in alternating
/// runs at a quiet moment, 1000 × 1000 took 13.4-13.7 ms against 13.9-15.4 with 144 rows and
/// 2000 × 2000 105-107 ms against 108-109 (NumPy 13.9-14.1 and 104.8-106.7 ms); a `16 × 12`
/// kernel over two `B` micro-panels (24 accumulators) was no faster than the `16 × 6` one.
const MC_AVX512: usize = 288;

/// Rows of a packed `A` block on this CPU.
fn mc() -> usize {
    if super::avx512() { MC_AVX512 } else { MC }
}
/// Columns of a packed `B` slice (`KC × NC`, 2 MiB) kept in the L3. With 4080 (8 MiB) the
/// single-thread 2000 × 2000 product ran at 46-48 GFLOP/s against 52.5 with 1020 (one core of an
/// EPYC Zen 4, 32 MiB L3): the `C` panel of a `B` slice (`m × NC`) then stays in the L3 across
/// the `KC` slices instead of going to memory and back once per slice.
const NC: usize = 1020;

/// Splits `len` into pieces of at most `max` that differ by less than `unit` (each a multiple
/// of `unit` but the last), so no block is left nearly empty: returns the piece size.
pub(super) fn balanced(len: usize, max: usize, unit: usize) -> usize {
    let pieces = len.div_ceil(max).max(1);
    len.div_ceil(pieces).div_ceil(unit) * unit
}

/// The rows of thread `t` of `threads` among `m`, in whole micro-panels.
fn share(m: usize, t: usize, threads: usize, unit: usize) -> usize {
    let units = m.div_ceil(unit);
    (units * t / threads * unit).min(m)
}

thread_local! {
    /// The packing buffers of the calling thread, kept between calls (no allocation and page
    /// faults per call).
    static SCRATCH: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on a 64-byte aligned scratch slice of `len` values (contents unspecified).
pub(super) fn with_scratch<R>(len: usize, f: impl FnOnce(&mut [f64]) -> R) -> R {
    let mut v = SCRATCH.with(|s| s.take());
    if v.len() < len + 8 {
        v = sci_array::alloc::zeroed_vec(len + 8);
    }
    let off = v.as_ptr().align_offset(64).min(8);
    let r = f(&mut v[off..off + len]);
    SCRATCH.with(|s| s.replace(v));
    r
}

/// Packs the `mc × kc` block `a` into `W`-row micro-panels: panel `q` holds, for each `p < kc`,
/// the `W` values `a[q W.., p]` (zero past the last row). `A` blocks are packed with `W = MR`,
/// `B` slices as `bᵀ` with `W = NR`.
fn pack<const W: usize>(a: ArrayView2<'_, f64>, dst: &mut [f64]) {
    let (mc, kc) = a.dim();
    let (rs, cs) = (a.strides()[0], a.strides()[1]);
    let base = a.as_ptr();
    let full = if rs == 1 { mc / W } else { 0 };
    if full > 0 {
        // Contiguous columns: copy `W` values at a time, eight columns per micro-panel before
        // the next, so that each panel gets eight columns' `8 W` values in one run (dealing one
        // column at a time out to all panels wrote one line per panel and took 1.6 times as
        // long: 4.0 against 2.5 ms per 2000 × 2000 matrix).
        const COLS: usize = 8;
        for p0 in (0..kc).step_by(COLS) {
            for q in 0..full {
                for p in p0..(p0 + COLS).min(kc) {
                    // SAFETY: elements `(q W..(q + 1) W, p)` of the view `a`, contiguous as
                    // `rs == 1` (`q < full`, `p < kc`).
                    #[allow(unsafe_code)]
                    let v = unsafe {
                        std::slice::from_raw_parts(base.offset(p as isize * cs + (q * W) as isize), W)
                    };
                    dst[q * kc * W + p * W..q * kc * W + (p + 1) * W].copy_from_slice(v);
                }
            }
        }
    }
    for (q, panel) in dst.chunks_exact_mut(kc * W).take(mc.div_ceil(W)).enumerate().skip(full) {
        let i0 = q * W;
        let mr = W.min(mc - i0);
        let src = base.wrapping_offset(i0 as isize * rs);
        if W == NR && mr == NR && cs == 1 {
            // SAFETY: `gemm`'s callers checked AVX2 and FMA; rows `i0..i0 + NR` of the view hold
            // `kc` contiguous values each (`cs == 1`) at `src + i * rs`; the panel holds
            // `kc * NR` values.
            #[allow(unsafe_code)]
            unsafe {
                pack_rows_nr(src, rs, kc, panel)
            };
        } else {
            if mr < W {
                panel.fill(0.0);
            }
            for (p, d) in panel.chunks_exact_mut(W).enumerate() {
                let col = src.wrapping_offset(p as isize * cs);
                for (i, x) in d[..mr].iter_mut().enumerate() {
                    // SAFETY: element `(i0 + i, p)` of the view `a` (`i < mr`, `p < kc`).
                    #[allow(unsafe_code)]
                    let v = unsafe { *col.offset(i as isize * rs) };
                    *x = v;
                }
            }
        }
    }
}

/// Packs `NR` contiguous rows (row `i` at `src + i * rs`, `kc` values each) into one `B`
/// micro-panel, `dst[p * NR + i] = row_i[p]`: four columns at a time through a register
/// transpose, instead of `NR` strided scalar loads per column.
///
/// # Safety
///
/// AVX2 is available; each row is valid for `kc` reads; `dst` holds `kc * NR` values.
#[allow(unsafe_code)]
#[target_feature(enable = "avx2")]
unsafe fn pack_rows_nr(src: *const f64, rs: isize, kc: usize, dst: &mut [f64]) {
    use std::arch::x86_64::*;
    debug_assert!(NR == 6 && dst.len() >= kc * NR);
    let row = |i: isize| src.wrapping_offset(i * rs);
    let d = dst.as_mut_ptr();
    let mut p = 0;
    // SAFETY (whole loop): reads `row(i)[p..p + 4]` with `p + 4 <= kc`; writes
    // `dst[p * NR..(p + 4) * NR]`, inside `kc * NR`.
    unsafe {
        while p + 4 <= kc {
            let r: [__m256d; 6] = std::array::from_fn(|i| _mm256_loadu_pd(row(i as isize).add(p)));
            let (t0, t1) = (_mm256_unpacklo_pd(r[0], r[1]), _mm256_unpackhi_pd(r[0], r[1]));
            let (t2, t3) = (_mm256_unpacklo_pd(r[2], r[3]), _mm256_unpackhi_pd(r[2], r[3]));
            let (u0, u1) = (_mm256_unpacklo_pd(r[4], r[5]), _mm256_unpackhi_pd(r[4], r[5]));
            let o = d.add(p * NR);
            _mm256_storeu_pd(o, _mm256_permute2f128_pd::<0x20>(t0, t2));
            _mm_storeu_pd(o.add(4), _mm256_castpd256_pd128(u0));
            _mm256_storeu_pd(o.add(6), _mm256_permute2f128_pd::<0x20>(t1, t3));
            _mm_storeu_pd(o.add(10), _mm256_castpd256_pd128(u1));
            _mm256_storeu_pd(o.add(12), _mm256_permute2f128_pd::<0x31>(t0, t2));
            _mm_storeu_pd(o.add(16), _mm256_extractf128_pd::<1>(u0));
            _mm256_storeu_pd(o.add(18), _mm256_permute2f128_pd::<0x31>(t1, t3));
            _mm_storeu_pd(o.add(22), _mm256_extractf128_pd::<1>(u1));
            p += 4;
        }
        for p in p..kc {
            for i in 0..NR {
                *d.add(p * NR + i) = *row(i as isize).add(p);
            }
        }
    }
}

/// The block sizes of one call.
#[derive(Clone, Copy)]
struct Blocks {
    kc: usize,
    mc: usize,
    nc: usize,
}

/// `c = alpha * a @ b + beta * c` on `threads` threads (1 = the calling thread only).
///
/// The caller has checked that the CPU has AVX2 and FMA, that the shapes agree and that `c`
/// is not empty, `alpha != 0` and `k > 0` (the cases that only scale `c`).
pub(super) fn gemm(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
    threads: usize,
) {
    let (m, n) = c.dim();
    let k = a.ncols();
    debug_assert!(m > 0 && n > 0 && k > 0 && alpha != 0.0);
    let cs = c.strides();
    if cs[1] == 1 && cs[0] != 1 {
        // The microkernel stores contiguous columns: compute the row-major cᵀ = bᵀ aᵀ instead.
        return gemm(alpha, b.t(), a.t(), beta, c.reversed_axes(), threads);
    }
    if threads == 2 && (n >= COLS_TEAM_MIN * threads || (n >= SMALL_TEAM_MIN * threads && m <= 4 * n)) {
        let Some(lease) = crate::worker::lease() else {
            // Another thread of the program holds the helper: this product runs on one thread.
            return gemm(alpha, a, b, beta, c, 1);
        };
        // Two independent single-thread products on two parts of C's columns (see
        // `COLS_TEAM_MIN`), sized by the two threads' recent speeds (see `CALLER_SHARE`).
        let share = CALLER_SHARE.load(Ordering::Relaxed);
        let mine = (n * share / SHARE_ONE).next_multiple_of(NR).clamp(NR, n - 1);
        let (c0, c1) = c.split_at(Axis(1), mine);
        let (b0, b1) = b.split_at(Axis(1), mine);
        let start = Instant::now();
        let (mut mine_us, mut theirs_us) = (0, 0);
        lease.join(
            || {
                gemm(alpha, a, b0, beta, c0, 1);
                mine_us = elapsed_us(start);
            },
            || {
                gemm(alpha, a, b1, beta, c1, 1);
                theirs_us = elapsed_us(start);
            },
        );
        // The first large call of the process also pays for starting the helper and faulting in
        // both threads' packing buffers: its times say nothing about the cores.
        if 2.0 * (m * n * k) as f64 >= SHARE_MIN_FLOPS && WARM.swap(true, Ordering::Relaxed) {
            rebalance(share, mine as f64 / n as f64, mine_us, theirs_us);
        }
        return;
    }
    if threads > 2 && n >= COLS_TEAM_MIN * threads {
        return gemm_cols(alpha, a, b, beta, c, threads);
    }
    // Each thread takes whole micro-panel rows of C; few rows are not worth a second thread,
    // nor is a product too small to pay for starting one and for the barriers.
    let small = 2.0 * (m as f64) * (n as f64) * (k as f64) < ROWS_TEAM_MIN_FLOPS;
    let threads = if small { 1 } else { threads.clamp(1, m.div_ceil(4 * MR)) };
    let rows_per_thread = m.div_ceil(threads);
    let blocks =
        Blocks { kc: balanced(k, kc(), 1), mc: balanced(rows_per_thread, mc(), MR), nc: balanced(n, NC, NR) };
    let b_share = blocks.nc.div_ceil(NR).div_ceil(threads) * blocks.kc * NR;
    let a_len = blocks.mc.div_ceil(MR) * MR * blocks.kc;
    with_scratch(threads * (a_len + b_share), |buf| {
        let (a_bufs, b_bufs) = buf.split_at_mut(threads * a_len);
        let b_parts: Vec<RwLock<&mut [f64]>> = b_bufs.chunks_exact_mut(b_share).map(RwLock::new).collect();
        let job = Job { alpha, beta, a, b, blocks, threads, b_parts: &b_parts };
        if threads == 1 {
            job.run(0, c, a_bufs, None);
            return;
        }
        let barrier = Barrier::new(threads);
        std::thread::scope(|scope| {
            let mut rest = c;
            let mut a_rest = a_bufs;
            for t in 0..threads {
                let rows = share(m, t + 1, threads, MR) - share(m, t, threads, MR);
                let (mine, tail) = rest.split_at(Axis(0), rows);
                rest = tail;
                let (a_buf, a_tail) = std::mem::take(&mut a_rest).split_at_mut(a_len);
                a_rest = a_tail;
                let (job, barrier) = (&job, &barrier);
                if t + 1 == threads {
                    job.run(t, mine, a_buf, Some(barrier));
                } else {
                    scope.spawn(move || job.run(t, mine, a_buf, Some(barrier)));
                }
            }
        });
    });
}

/// The caller's share of the columns when two threads split a product (see `COLS_TEAM_MIN`),
/// in units of [`SHARE_ONE`]: half at first, then after each product of at least
/// [`SHARE_MIN_FLOPS`] moved a third of the way toward the share that would have made both
/// threads finish together, from the columns per microsecond each achieved, when that share
/// differs by more than [`DEADBAND`] (kept within a quarter and three quarters).
///
/// On a shared machine one core may run slower than the other for seconds at a time (another
/// virtual machine on its sibling hardware thread, or a process on it): with fixed halves the
/// call then lasts as long as the slower half. Logged on two vCPUs of an Emerald Rapids host in
/// such a spell, ten 2000 × 2000 products with halves took 199-233 ms, the caller's half done
/// in 150-162 ms and the helper's in 199-233 (NumPy 174-183 ms at the same minutes); at a quiet
/// moment both halves took 107 ms. The result does not depend on the split: each column of `C`
/// gets the same operations in the same order whichever thread computes it.
static CALLER_SHARE: AtomicUsize = AtomicUsize::new(SHARE_ONE / 2);

/// Whether a two-thread product large enough to steer [`CALLER_SHARE`] has run (the first one
/// does not steer it).
static WARM: AtomicBool = AtomicBool::new(false);

/// Imbalance (as a fraction of the columns) below which [`CALLER_SHARE`] stays: the threads'
/// times vary by some percent from call to call on an idle machine too.
const DEADBAND: f64 = 0.03;

/// The unit of [`CALLER_SHARE`].
pub(super) const SHARE_ONE: usize = 1 << 12;

/// Sets [`CALLER_SHARE`] (the unit tests' way to place the split).
#[cfg(test)]
pub(super) fn set_caller_share(share: usize) {
    CALLER_SHARE.store(share, Ordering::Relaxed);
}

/// Work (`2 m n k`) from which a two-thread product updates [`CALLER_SHARE`] (about 2 ms on
/// two cores: shorter calls time too coarsely and too noisily to steer the split).
const SHARE_MIN_FLOPS: f64 = 2e8;

/// Microseconds since `start`.
fn elapsed_us(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Updates [`CALLER_SHARE`] (which was `share` for this call) after a split that gave the
/// caller the fraction `mine` of the columns and took `mine_us` and `theirs_us` microseconds.
fn rebalance(share: usize, mine: f64, mine_us: u64, theirs_us: u64) {
    let (tm, th) = (mine_us.max(1) as f64, theirs_us.max(1) as f64);
    let (rate_mine, rate_theirs) = (mine / tm, (1.0 - mine) / th);
    let ideal = rate_mine / (rate_mine + rate_theirs) * SHARE_ONE as f64;
    if (ideal - share as f64).abs() < DEADBAND * SHARE_ONE as f64 {
        return;
    }
    let next = (2.0 * share as f64 + ideal) / 3.0;
    let next = (next as usize).clamp(SHARE_ONE / 4, 3 * SHARE_ONE / 4);
    CALLER_SHARE.store(next, Ordering::Relaxed);
}

/// Work (`2 m n k`) from which a product with too few columns for [`gemm_cols`] splits its rows
/// between scoped threads (the measured break-even of that older path; the unit tests take it
/// from small products on).
const ROWS_TEAM_MIN_FLOPS: f64 = if cfg!(test) { 1e5 } else { 1e9 };

/// Most columns of `C` one claim of [`gemm_cols`] takes; a claim is a quarter of the columns
/// left, within `NR` (one `B` micro-panel) and this, in whole micro-panels. The last claims of
/// a band are single micro-panels, so the threads reach the band's end together: with at least
/// 24 columns per claim, one claim of a 1000-row band of a 2000 × 2000 product took 1.7 ms, and
/// the waits at the band ends summed to 0.5-1.5 ms per product, 0.1-0.7 ms with 6. Each claim streams the band's packed `A` from the L3
/// into the L2 once per `KC` slice, so larger claims reload it less often: with an eighth of what
/// is left, at most 96 columns (the factorizations' rule), 2000 × 2000 products took a median
/// 170-172 ms against 162-165 ms with a quarter, at most 576 (NumPy 160-166 ms in the same
/// alternating runs, two threads of an EPYC Zen 4); 1000 × 1000 ones 19.1 against 19.4 ms
/// (NumPy 20.1). These figures, and those of [`PACKED_A_MAX`], were taken when two threads
/// still used [`gemm_cols`]; two threads now take the column halves (`COLS_TEAM_MIN`).
const COLS_CHUNK_MAX: usize = 576;

/// Columns per thread from which two or more threads share the work by columns of `C`.
///
/// Two threads (the caller and the crate's helper thread) each run the single-thread loop on
/// one half of `C`'s columns, packing their own `A` and `B`, with no shared state and one join
/// at the end. Against [`gemm_cols`] (dynamic column chunks, one shared packed `A`), in
/// alternating runs on two cores of an EPYC Zen 4 (min / first quartile / median of 40 calls):
/// 2000 × 2000, 147.3-147.5 / 148.2-149.0 / 150.8-151.9 ms against 148.8-150.1 / 150.9-154.7 /
/// 153.0-156.6 (NumPy with OpenBLAS 0.3.31, 146.6-146.8 / 149.5-152.3 / 152.2-154.6); 1000 ×
/// 1000, 19.1 against 19.6 ms median (NumPy 21.0); 3000 × 3000, 504 against 523 ms. With a
/// nice-19 busy loop on the machine the halves stayed ahead (2000 × 2000: 154.2 against 157.3,
/// NumPy 159.8). The single-thread loop runs as fast as OpenBLAS's on one core (2000 × 2000:
/// 294-306 against 297-305 ms), which the shared-`A` division did not keep on two. More than
/// two threads use [`gemm_cols`].
const COLS_TEAM_MIN: usize = 96;

/// Columns per thread from which a product that is not much taller than wide (`m <= 4 n`)
/// takes the two column halves: each half packs all of `A`, which costs about a tenth of a
/// half's products at 48 columns and matters less the wider the half (square products from
/// 100³ on, where `Kernel::Dgemm` gives two threads: 100³ 23-26 µs against 41 on one). Tall
/// narrow products (the factorizations' panels) keep [`COLS_TEAM_MIN`].
const SMALL_TEAM_MIN: usize = 48;

/// Values of packed `A` one band of [`gemm_cols`] holds (16 MiB, half the shared L3; the unit
/// tests use small bands so that moderate shapes take several). Every band packs all of `B`
/// again: a 2000 × 2000 product takes two bands instead of four with 8 MiB, and measured
/// 149.7 / 155.0 / 158.3 ms (min / first quartile / median of 60 calls) against 150.6 / 156.6 /
/// 159.1 with four bands (NumPy 146.4 / 155.1 / 159.8), in alternating runs.
const PACKED_A_MAX: usize = if cfg!(test) { 1 << 14 } else { 1 << 21 };

/// Micro-panels of `A` per packing job of [`gemm_cols`] (256 rows; the unit tests use small
/// groups so that a band has several). With 512 rows a band of a 2000 x 2000 product was one
/// group per slice, so at the start of every band the second thread waited for the first to
/// pack each slice: 5.7 ms of waiting per product (summed over both threads), 0.1 ms with 256
/// rows (176-186 -> 174 ms).
const PACK_GROUP: usize = if cfg!(test) { 2 } else { 32 };

/// States of a group of packed `A` in [`gemm_cols`].
const FREE: u8 = 0;
const PACKING: u8 = 1;
const PACKED: u8 = 2;

/// A buffer the threads of [`gemm_cols`] fill in disjoint micro-panels, then all read.
#[derive(Clone, Copy)]
struct SharedBuf(*mut f64);

// SAFETY: written only in disjoint micro-panels claimed through an atomic counter, and read only
// after the counter of finished micro-panels (release/acquire) says every write is done.
#[allow(unsafe_code)]
unsafe impl Send for SharedBuf {}
// SAFETY: as for `Send`.
#[allow(unsafe_code)]
unsafe impl Sync for SharedBuf {}

impl SharedBuf {
    /// The pointer (a method, so that closures capture the whole `Sync` value).
    fn ptr(self) -> *mut f64 {
        self.0
    }
}

/// [`team::spin_until`] `done()`; panics if another thread of the call panicked.
fn spin_until(poisoned: &AtomicBool, done: impl Fn() -> bool) {
    team::spin_until(|| {
        assert!(!poisoned.load(Ordering::Relaxed), "another thread of the product panicked");
        done()
    });
}

/// `c = alpha * a @ b + beta * c` on `threads` threads that share the columns of `C`
/// dynamically: a preempted thread delays the call by one chunk of columns, not by a whole
/// slice as with fixed shares and a barrier per slice.
///
/// Each thread claims chunks of `C`'s columns ([`team::claim`]), packs that chunk of `B` slice
/// by slice into its own buffer (kept in its L2) and multiplies it by each group of packed `A`
/// micro-panels of the slice: one `B` micro-panel at a time stays in L1 while the group's `A`
/// micro-panels (256 rows, 512 KiB) stream from L2 with the kernel's prefetches, as in the
/// single-thread loop. The other order (one `A` micro-panel in L1, the chunk's `B` micro-panels
/// streaming from L2 without prefetch) ran the kernel some 10% slower: 2000 × 2000 products
/// took 165-187 ms against 152-166 ms (NumPy with OpenBLAS 0.3.31, 148-156 ms), 1000 × 1000
/// 20.4 against 18.8-20 ms, two threads of an EPYC Zen 4. `A` is packed once, in bands of at most [`PACKED_A_MAX`] values, into a buffer
/// all threads read: in groups of [`PACK_GROUP`] micro-panels, each packed by the first thread
/// that needs it (and used at once, so that the reads of `A` overlap the other thread's
/// products); a thread that finds a group being packed by the other computes the remaining
/// groups first. The only barrier is between bands.
fn gemm_cols(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
    threads: usize,
) {
    let (m, n) = c.dim();
    let k = a.ncols();
    let kc_max = balanced(k, KC, 1);
    let band = balanced(m, (PACKED_A_MAX / k / MR * MR).max(MR), MR);
    let bands = m.div_ceil(band);
    let slices = k.div_ceil(kc_max);
    let a_len = band.div_ceil(MR) * MR * k;
    let b_len = kc_max * COLS_CHUNK_MAX;
    let (rs, cs) = (c.strides()[0], c.strides()[1]);
    let c_ptr = SharedBuf(c.as_ptr().cast_mut());
    with_scratch(a_len + threads * b_len, |buf| {
        let (a_buf, b_bufs) = buf.split_at_mut(a_len);
        let packed_a = SharedBuf(a_buf.as_mut_ptr());
        let col_next: Vec<AtomicUsize> = (0..bands).map(|_| AtomicUsize::new(0)).collect();
        // The state of each (band, slice, group) of packed A: FREE, PACKING or PACKED.
        let groups = band.div_ceil(MR).div_ceil(PACK_GROUP);
        let state: Vec<AtomicU8> = (0..bands * slices * groups).map(|_| AtomicU8::new(FREE)).collect();
        let finished = AtomicUsize::new(0);
        let poisoned = AtomicBool::new(false);
        let run = |b_buf: &mut [f64]| {
            let _guard = team::PoisonFlag(&poisoned);
            for (bi, i0) in (0..m).step_by(band).enumerate() {
                let mb = band.min(m - i0);
                let panels = mb.div_ceil(MR);
                if bi > 0 {
                    // Nobody reads the previous band's packed A any more once all are done.
                    finished.fetch_add(1, Ordering::AcqRel);
                    spin_until(&poisoned, || finished.load(Ordering::Acquire) >= threads * bi);
                }
                while let Some(cols) = team::claim_share(&col_next[bi], 0..n, 4, (NR, COLS_CHUNK_MAX, NR)) {
                    for (si, pc) in (0..k).step_by(kc_max).enumerate() {
                        let kc = kc_max.min(k - pc);
                        let (a_len, b_len) = (MR * kc, NR * kc);
                        let bp = &mut b_buf[..cols.len().div_ceil(NR) * b_len];
                        pack::<NR>(b.slice(s![pc..pc + kc, cols.clone()]).t(), bp);
                        let beta = if pc == 0 { beta } else { 1.0 };
                        // Group `g` of this slice: its packed micro-panels and first row.
                        let group = |g: usize| {
                            let q0 = g * PACK_GROUP;
                            let len = (panels - q0).min(PACK_GROUP) * a_len;
                            (panels * MR * pc + q0 * a_len, len, i0 + q0 * MR)
                        };
                        let compute = |g: usize| {
                            let (off, len, row0) = group(g);
                            // SAFETY: the group is packed (its state was read as PACKED with
                            // acquire ordering, or this thread packed it) and is not written
                            // again before every thread has passed the next band's wait.
                            #[allow(unsafe_code)]
                            let ga = unsafe { std::slice::from_raw_parts(packed_a.ptr().add(off), len) };
                            for p in 0..bp.len() / b_len {
                                // This micro-panel and the ones after it (see `sweep`).
                                let b_panel = &bp[p * b_len..];
                                // SAFETY: `gemm`'s caller checked AVX2 and FMA; the panels
                                // hold `kc * MR` and `kc * NR` values; the tiles are
                                // inside `c` (rows below `i0 + mb <= m`, columns in `cols`), and
                                // the columns `cols` were claimed by this thread alone.
                                #[allow(unsafe_code)]
                                unsafe {
                                    sweep(
                                        kc,
                                        ga,
                                        b_panel,
                                        (alpha, beta),
                                        c_ptr.ptr(),
                                        (rs, cs),
                                        (row0, cols.start + p * NR),
                                        (i0 + mb, cols.end),
                                    )
                                };
                            }
                        };
                        // Groups another thread is packing, computed once they are packed.
                        let mut later = Vec::new();
                        for g in 0..panels.div_ceil(PACK_GROUP) {
                            let st = &state[(bi * slices + si) * groups + g];
                            if st.load(Ordering::Acquire) == PACKED {
                                compute(g);
                            } else if st
                                .compare_exchange(FREE, PACKING, Ordering::Acquire, Ordering::Relaxed)
                                .is_ok()
                            {
                                let (off, len, row0) = group(g);
                                // SAFETY: inside `a_buf` (`panels * MR * k` values), and this
                                // thread alone moved the group from FREE to PACKING.
                                #[allow(unsafe_code)]
                                let dst =
                                    unsafe { std::slice::from_raw_parts_mut(packed_a.ptr().add(off), len) };
                                let rows = row0..(row0 + PACK_GROUP * MR).min(i0 + mb);
                                pack::<MR>(a.slice(s![rows, pc..pc + kc]), dst);
                                st.store(PACKED, Ordering::Release);
                                compute(g);
                            } else {
                                later.push(g);
                            }
                        }
                        for g in later {
                            let st = &state[(bi * slices + si) * groups + g];
                            spin_until(&poisoned, || st.load(Ordering::Acquire) == PACKED);
                            compute(g);
                        }
                    }
                }
            }
        };
        let mut parts = b_bufs.chunks_exact_mut(b_len);
        let mine = parts.next().expect("one buffer per thread");
        std::thread::scope(|scope| {
            for part in parts {
                scope.spawn(|| run(part));
            }
            run(mine);
        });
    });
}

/// `C = alpha * A B + beta * C` for the packed `A` micro-panels `a` (`kc * MR` values each, the
/// first for rows `row0..row0 + MR` of `C`, the next below it) and one packed `B` micro-panel
/// (columns `col..col + NR`), the tiles clipped at `rows` rows and `cols` columns of `C` (at
/// `c`, strides `rs`, `cs`): one microkernel call per `A` micro-panel (with AVX-512, per pair
/// of them), the `B` micro-panel staying in L1 while the `A` panels stream from L2.
///
/// `b_panels` starts with that micro-panel (its first `kc * NR` values); the caller's next
/// micro-panel, when it follows, is prefetched into L1 a share per microkernel call (AVX-512
/// path), so that the next sweep does not start by waiting for it from L3: the first call of a
/// sweep took 1640-1800 cycles against 1210-1310 for the others in a 2000 × 2000 product, and
/// 1390-1470 with the prefetch (`KC` 256, two Emerald Rapids cores).
///
/// # Safety
///
/// The CPU has AVX2 and FMA; `a` holds whole micro-panels and `b_panels` at least `kc * NR` values; the
/// tiles' elements (rows `row0..rows`, at most `a.len() / (kc MR)` micro-panels of them, columns
/// `col..min(col + NR, cols)`) are valid for reads and writes and no other thread accesses them
/// during the call.
#[allow(unsafe_code)]
unsafe fn sweep(
    kc: usize,
    a: &[f64],
    b_panels: &[f64],
    (alpha, beta): (f64, f64),
    c: *mut f64,
    strides: (isize, isize),
    (row0, col): (usize, usize),
    (rows, cols): (usize, usize),
) {
    debug_assert!(b_panels.len() >= kc * NR);
    let (b_panel, next) = b_panels.split_at(kc * NR);
    let next = &next[..next.len().min(kc * NR)];
    let tile = |q: usize| Tile::at(c, strides, (row0 + q * MR, col), (rows, cols));
    let a = &a[..a.len() / (kc * MR) * kc * MR];
    if super::avx512() {
        // Two micro-panels per call (see `kernel_16x6`), the odd last one alone.
        let mut pairs = a.chunks_exact(2 * kc * MR);
        // The next B micro-panel's cache lines (8 values each), a share per call.
        let per_call = next.len().div_ceil(8).div_ceil(pairs.len().max(1)) * 8;
        for (q, pair) in pairs.by_ref().enumerate() {
            let (a0, a1) = pair.split_at(kc * MR);
            for line in (q * per_call..((q + 1) * per_call).min(next.len())).step_by(8) {
                use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
                // SAFETY: SSE is part of x86-64; a prefetch reads and writes no memory.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(next[line..].as_ptr().cast()) };
            }
            // SAFETY: the caller's contract, AVX-512F checked above; each panel holds `kc * MR`
            // values, `b_panel` `kc * NR`, and the two tiles (rows `row0 + 2q MR..`, clipped at
            // `rows` and `cols`) are distinct.
            unsafe {
                kernel_avx512::kernel_16x6(
                    kc,
                    (a0.as_ptr(), a1.as_ptr()),
                    b_panel.as_ptr(),
                    alpha,
                    beta,
                    (tile(2 * q), tile(2 * q + 1)),
                )
            };
        }
        let rest = pairs.remainder();
        if !rest.is_empty() {
            let q = (a.len() - rest.len()) / (kc * MR);
            // SAFETY: as above, for the last micro-panel.
            unsafe { kernel_avx512::kernel_8x6(kc, rest.as_ptr(), b_panel.as_ptr(), alpha, beta, tile(q)) };
        }
        return;
    }
    for (q, a_panel) in a.chunks_exact(kc * MR).enumerate() {
        // SAFETY: the caller's contract; the panels hold `kc * MR` and `kc * NR` values and the
        // tile is clipped at `rows` and `cols`.
        unsafe { kernel_8x6(kc, a_panel.as_ptr(), b_panel.as_ptr(), alpha, beta, tile(q)) };
    }
}

/// What every thread of one call shares.
struct Job<'a, 'b> {
    alpha: f64,
    beta: f64,
    a: ArrayView2<'a, f64>,
    b: ArrayView2<'a, f64>,
    blocks: Blocks,
    threads: usize,
    /// The packed `B` slice, one share (a run of micro-panels) per thread.
    b_parts: &'b [RwLock<&'b mut [f64]>],
}

impl Job<'_, '_> {
    /// Thread `t`'s part: its rows `c` of the result (starting at row `share(m, t, ..)`), its
    /// `A` packing buffer, and the barrier that orders packing `B` and reading it.
    fn run(&self, t: usize, mut c: ArrayViewMut2<'_, f64>, a_buf: &mut [f64], barrier: Option<&Barrier>) {
        let Blocks { kc: kc_max, mc: mc_max, nc: nc_max } = self.blocks;
        let (m, k, n) = (self.a.nrows(), self.a.ncols(), self.b.ncols());
        let row0 = share(m, t, self.threads, MR);
        let a = self.a.slice(s![row0..row0 + c.nrows(), ..]);
        let mt = c.nrows();
        let (rs, cs) = (c.strides()[0], c.strides()[1]);
        let c_ptr = c.as_mut_ptr();
        let wait = || {
            if let Some(b) = barrier {
                b.wait();
            }
        };
        for jc in (0..n).step_by(nc_max) {
            let nc = nc_max.min(n - jc);
            let np = nc.div_ceil(NR);
            for pc in (0..k).step_by(kc_max) {
                let kc = kc_max.min(k - pc);
                let panel_len = kc * NR;
                // This thread's share of the B micro-panels.
                {
                    let (lo, hi) = (np * t / self.threads, np * (t + 1) / self.threads);
                    let mut part = self.b_parts[t].write().unwrap_or_else(|e| e.into_inner());
                    let (j0, j1) = (jc + lo * NR, (jc + hi * NR).min(jc + nc));
                    if j0 < j1 {
                        pack::<NR>(
                            self.b.slice(s![pc..pc + kc, j0..j1]).t(),
                            &mut part[..(hi - lo) * panel_len],
                        );
                    }
                }
                wait();
                {
                    let parts: Vec<_> =
                        self.b_parts.iter().map(|l| l.read().unwrap_or_else(|e| e.into_inner())).collect();
                    let beta = if pc == 0 { self.beta } else { 1.0 };
                    for ic in (0..mt).step_by(mc_max) {
                        let mc = mc_max.min(mt - ic);
                        pack::<MR>(a.slice(s![ic..ic + mc, pc..pc + kc]), a_buf);
                        for (owner, part) in parts.iter().enumerate() {
                            let lo = np * owner / self.threads;
                            let hi = np * (owner + 1) / self.threads;
                            for q in lo..hi {
                                let j = q * NR;
                                // This micro-panel and the ones after it (see `sweep`).
                                let b_panel = &part[(q - lo) * panel_len..(hi - lo) * panel_len];
                                // SAFETY: `gemm`'s caller checked AVX2 and FMA; the
                                // panels hold `kc * MR` and `kc * NR` values; the
                                // tiles are rows `ic.. < mt` and columns `jc + j.. < n` of `c`,
                                // this thread's own rows, borrowed mutably for the call.
                                #[allow(unsafe_code)]
                                unsafe {
                                    sweep(
                                        kc,
                                        &a_buf[..mc.div_ceil(MR) * kc * MR],
                                        b_panel,
                                        (self.alpha, beta),
                                        c_ptr,
                                        (rs, cs),
                                        (ic, jc + j),
                                        (mt, jc + nc),
                                    )
                                };
                            }
                        }
                    }
                }
                wait();
            }
        }
    }
}

/// The rows of `a` (`m × k`, `k <= KC`) packed once into `MR`-row micro-panels of depth `k`,
/// for several products with different right-hand sides ([`gemm_packed`]).
pub(super) fn pack_lhs(a: ArrayView2<'_, f64>, dst: &mut Vec<f64>) {
    let (m, k) = a.dim();
    debug_assert!(k <= KC);
    dst.clear();
    dst.resize(m.div_ceil(MR) * MR * k, 0.0);
    pack::<MR>(a, dst);
}

/// Largest inner dimension [`pack_lhs`] takes.
pub(super) const PACKED_K_MAX: usize = KC;

/// `c = alpha * A @ b + beta * c` on the calling thread, for `A` (`m × k`) packed by
/// [`pack_lhs`] into `pa`. With `b == None` the right-hand side is `c` itself (then `m == k`):
/// `c` is packed completely before it is written, so `c = A @ c` is computed in place.
///
/// The caller has checked AVX2 and FMA and that `c` is not empty and `k > 0`.
pub(super) fn gemm_packed(
    alpha: f64,
    pa: &[f64],
    k: usize,
    b: Option<ArrayView2<'_, f64>>,
    beta: f64,
    mut c: ArrayViewMut2<'_, f64>,
) {
    let (m, n) = c.dim();
    debug_assert!(k > 0 && k <= KC && pa.len() >= m.div_ceil(MR) * MR * k);
    debug_assert!(b.is_none_or(|b| b.dim() == (k, n)) && (b.is_some() || m == k));
    let (rs, cs) = (c.strides()[0], c.strides()[1]);
    for jc in (0..n).step_by(NC) {
        let nc = NC.min(n - jc);
        let panel_len = k * NR;
        with_scratch(nc.div_ceil(NR) * panel_len, |pb| {
            match b {
                Some(b) => pack::<NR>(b.slice(s![.., jc..jc + nc]).t(), pb),
                None => pack::<NR>(c.slice(s![.., jc..jc + nc]).t(), pb),
            }
            let c_ptr = c.as_mut_ptr();
            let mc_max = mc();
            for ic in (0..m).step_by(mc_max) {
                let mc = mc_max.min(m - ic);
                for q in 0..nc.div_ceil(NR) {
                    let j = q * NR;
                    // This micro-panel and the ones after it (see `sweep`).
                    let b_panel = &pb[q * panel_len..];
                    // SAFETY: the caller checked AVX2 and FMA; the panels
                    // hold `k * MR` and `k * NR` values; the tiles are rows `ic.. < m` and columns
                    // `jc + j.. < n` of `c`, borrowed mutably for this call (the packed
                    // right-hand side is a copy, so writing `c` does not change it).
                    #[allow(unsafe_code)]
                    unsafe {
                        sweep(
                            k,
                            &pa[ic * k..(ic + mc).div_ceil(MR) * MR * k],
                            b_panel,
                            (alpha, beta),
                            c_ptr,
                            (rs, cs),
                            (ic, jc + j),
                            (m, jc + nc),
                        )
                    };
                }
            }
        });
    }
}
