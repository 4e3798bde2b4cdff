//! The AVX-512 forms of the microkernel of [`super::gemm`], on the same packed panels as
//! [`super::kernel_avx2`]: a tile's eight rows fit one `zmm` register, so its six columns are
//! six accumulators, updated per `k` step by one vector load of the packed `A` column and six
//! FMAs, each with its `B` value broadcast. [`kernel_16x6`] runs two such tiles, one above the
//! other, on the same `B` micro-panel, and is the one the GEMM calls wherever two `A`
//! micro-panels are left.
//!
//! On Zen 4, whose 512-bit FMAs run as two 256-bit halves, the peak is the AVX2 kernel's (58.7
//! GFLOP/s per core, measured with independent FMA chains); the gain is in issuing half the
//! instructions: with the `A` block in L2 and the `B` micro-panel in L1, a C model of each
//! kernel ran at 58.2 GFLOP/s here against 56.6 for the AVX2 one. On Intel cores with two
//! 512-bit FMA units the six chains of one tile cap the rate at three quarters of the peak,
//! which the two tiles' twelve lift (see [`kernel_16x6`]).

#[cfg(target_arch = "x86_64")]
use core::arch::x86_64::*;

use super::kernel_avx2::{MR, NR, Tile, k_loop, write_tile};

/// `C_tile = alpha * A_panel B_panel + beta * C_tile` over `kc` steps, with the packed panels
/// and tile of [`super::kernel_avx2::kernel_8x6`].
///
/// # Safety
///
/// The CPU supports AVX-512F; `a` and `b` are valid for reads of `kc * MR` and `kc * NR`
/// values; every `C[i, j]` with `i < tile.m <= MR`, `j < tile.n <= NR` is valid for reads and
/// writes and no other thread accesses it during the call.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn kernel_8x6(kc: usize, a: *const f64, b: *const f64, alpha: f64, beta: f64, tile: Tile) {
    const _: () = assert!(MR == 8 && NR == 6);
    // SAFETY (whole body): the caller's contract above; every pointer offset below stays inside
    // the `kc * MR` / `kc * NR` packed panels or inside the tile.
    unsafe {
        let mut c0 = _mm512_setzero_pd();
        let mut c1 = _mm512_setzero_pd();
        let mut c2 = _mm512_setzero_pd();
        let mut c3 = _mm512_setzero_pd();
        let mut c4 = _mm512_setzero_pd();
        let mut c5 = _mm512_setzero_pd();
        let mut ap = a;
        let mut bp = b;

        macro_rules! step {
            ($ao:expr, $bo:expr) => {{
                let av = _mm512_loadu_pd(ap.add($ao));
                c0 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo)), c0);
                c1 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo + 1)), c1);
                c2 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo + 2)), c2);
                c3 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo + 3)), c3);
                c4 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo + 4)), c4);
                c5 = _mm512_fmadd_pd(av, _mm512_set1_pd(*bp.add($bo + 5)), c5);
            }};
        }

        k_loop!(kc, tile, ap, bp, step);

        store([c0, c1, c2, c3, c4, c5], alpha, beta, tile);
    }
}

/// Two vertically adjacent `8 × 6` tiles at once: `C_top = alpha * A0 B + beta * C_top` and
/// `C_bottom = alpha * A1 B + beta * C_bottom` for the packed `A` micro-panels `a0`, `a1` of
/// [`kernel_8x6`] and one packed `B` micro-panel, per `k` step two vector loads of `A`, six
/// broadcasts of `B` and 12 FMAs into 12 accumulators.
///
/// Twelve independent accumulators keep both FMA units of an Intel core busy: with a
/// four-cycle FMA latency and two 512-bit FMAs per cycle (Sapphire and Emerald Rapids), the six
/// chains of [`kernel_8x6`] issue at most six FMAs per four cycles, three quarters of the peak.
/// Zen 4, which issues one 512-bit FMA per cycle, is served by six already.
///
/// # Safety
///
/// The CPU supports AVX-512F; `a0`, `a1` are valid for reads of `kc * MR` values and `b` of
/// `kc * NR`; the elements of `top` and `bottom` are valid for reads and writes, the two tiles
/// do not overlap, and no other thread accesses them during the call.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn kernel_16x6(
    kc: usize,
    (a0, a1): (*const f64, *const f64),
    b: *const f64,
    alpha: f64,
    beta: f64,
    (top, bottom): (Tile, Tile),
) {
    // SAFETY (whole body): the caller's contract above; every pointer offset below stays inside
    // the packed panels (prefetches may point past them: they do not fault) or inside the tiles.
    unsafe {
        for tile in [top, bottom] {
            for j in 0..tile.n {
                let cj = tile.ptr.offset(j as isize * tile.cs);
                _mm_prefetch::<_MM_HINT_T0>(cj as *const i8);
                _mm_prefetch::<_MM_HINT_T0>(cj.offset((tile.m as isize - 1) * tile.rs) as *const i8);
            }
        }
        let mut t = [_mm512_setzero_pd(); NR];
        let mut u = [_mm512_setzero_pd(); NR];
        let (mut ap, mut aq, mut bp) = (a0, a1, b);
        macro_rules! step {
            ($o:expr) => {{
                let x = _mm512_loadu_pd(ap.add($o * MR));
                let y = _mm512_loadu_pd(aq.add($o * MR));
                for j in 0..NR {
                    let bj = _mm512_set1_pd(*bp.add($o * NR + j));
                    t[j] = _mm512_fmadd_pd(x, bj, t[j]);
                    u[j] = _mm512_fmadd_pd(y, bj, u[j]);
                }
            }};
        }
        for _ in 0..kc / 4 {
            _mm_prefetch::<_MM_HINT_T0>(ap.add(8 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>(aq.add(8 * MR) as *const i8);
            step!(0);
            _mm_prefetch::<_MM_HINT_T0>(ap.add(9 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>(aq.add(9 * MR) as *const i8);
            step!(1);
            _mm_prefetch::<_MM_HINT_T0>(ap.add(10 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>(aq.add(10 * MR) as *const i8);
            step!(2);
            _mm_prefetch::<_MM_HINT_T0>(ap.add(11 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>(aq.add(11 * MR) as *const i8);
            step!(3);
            ap = ap.add(4 * MR);
            aq = aq.add(4 * MR);
            bp = bp.add(4 * NR);
        }
        for _ in 0..kc % 4 {
            step!(0);
            ap = ap.add(MR);
            aq = aq.add(MR);
            bp = bp.add(NR);
        }
        store(t, alpha, beta, top);
        store(u, alpha, beta, bottom);
    }
}

/// `C_tile = alpha * acc + beta * C_tile` for the accumulated columns `acc` of one `8 × 6` tile;
/// with `beta == 0` the tile is written without being read.
///
/// # Safety
///
/// The CPU supports AVX-512F; every `C[i, j]` with `i < tile.m <= MR`, `j < tile.n <= NR` is
/// valid for reads and writes and no other thread accesses it during the call.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn store(acc: [__m512d; NR], alpha: f64, beta: f64, tile: Tile) {
    // SAFETY (whole body): the caller's contract above.
    unsafe {
        let va = _mm512_set1_pd(alpha);
        if tile.m == MR && tile.n == NR && tile.rs == 1 {
            // A full tile in contiguous columns: vector read-modify-write.
            let vb = _mm512_set1_pd(beta);
            for (j, &v) in acc.iter().enumerate() {
                let p = tile.ptr.offset(j as isize * tile.cs);
                let r = if beta == 0.0 {
                    _mm512_mul_pd(va, v)
                } else if beta == 1.0 {
                    _mm512_fmadd_pd(va, v, _mm512_loadu_pd(p))
                } else {
                    _mm512_fmadd_pd(va, v, _mm512_mul_pd(vb, _mm512_loadu_pd(p)))
                };
                _mm512_storeu_pd(p, r);
            }
        } else {
            // An edge tile or a strided C: through a local buffer, element by element.
            let mut buf = [0.0f64; MR * NR];
            for (j, &v) in acc.iter().enumerate() {
                _mm512_storeu_pd(buf.as_mut_ptr().add(j * MR), _mm512_mul_pd(va, v));
            }
            write_tile(&buf, beta, tile);
        }
    }
}
