//! The AVX2 + FMA register-blocked microkernel of [`super::gemm`]: an `8 × 6` tile of `C`
//! held in 12 `ymm` accumulators (two 4-row halves × 6 columns), updated per `k` step by two
//! vector loads of the packed `A` column, six broadcasts of the packed `B` row and 12 FMAs.

#[cfg(target_arch = "x86_64")]
use core::arch::x86_64::*;

/// Rows of the microtile (the height of a packed `A` micro-panel).
pub(super) const MR: usize = 8;
/// Columns of the microtile (the width of a packed `B` micro-panel).
pub(super) const NR: usize = 6;

/// Where and how the microkernel writes its tile: `C[i, j]` (for `i < m`, `j < n`) lives at
/// `ptr + i * rs + j * cs`.
#[derive(Clone, Copy)]
pub(super) struct Tile {
    pub ptr: *mut f64,
    pub rs: isize,
    pub cs: isize,
    pub m: usize,
    pub n: usize,
}

impl Tile {
    /// The tile at row `i`, column `j` of the matrix at `ptr` (strides `rs`, `cs`) with `rows`
    /// rows and `cols` columns: at most `MR × NR`, clipped at the matrix's edge.
    pub(super) fn at(
        ptr: *mut f64,
        (rs, cs): (isize, isize),
        (i, j): (usize, usize),
        (rows, cols): (usize, usize),
    ) -> Self {
        Tile {
            ptr: ptr.wrapping_offset(i as isize * rs + j as isize * cs),
            rs,
            cs,
            m: MR.min(rows - i),
            n: NR.min(cols - j),
        }
    }
}

/// The `k` loop both microkernels share: prefetches the tile of `C` (read at the end), then runs
/// `$step!(a_offset, b_offset)` for each of the `kc` steps, unrolled by four, with the packed
/// `A` eight steps ahead prefetched into L1; `$ap` and `$bp` advance through the panels.
macro_rules! k_loop {
    ($kc:expr, $tile:expr, $ap:ident, $bp:ident, $step:ident) => {{
        for j in 0..$tile.n {
            let cj = $tile.ptr.offset(j as isize * $tile.cs);
            _mm_prefetch::<_MM_HINT_T0>(cj as *const i8);
            _mm_prefetch::<_MM_HINT_T0>(cj.offset(($tile.m as isize - 1) * $tile.rs) as *const i8);
        }
        for _ in 0..$kc / 4 {
            _mm_prefetch::<_MM_HINT_T0>($ap.add(8 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>($ap.add(9 * MR) as *const i8);
            $step!(0, 0);
            $step!(MR, NR);
            _mm_prefetch::<_MM_HINT_T0>($ap.add(10 * MR) as *const i8);
            _mm_prefetch::<_MM_HINT_T0>($ap.add(11 * MR) as *const i8);
            $step!(2 * MR, 2 * NR);
            $step!(3 * MR, 3 * NR);
            $ap = $ap.add(4 * MR);
            $bp = $bp.add(4 * NR);
        }
        for _ in 0..$kc % 4 {
            $step!(0, 0);
            $ap = $ap.add(MR);
            $bp = $bp.add(NR);
        }
    }};
}
pub(super) use k_loop;

/// `C_tile = alpha * A_panel B_panel + beta * C_tile` over `kc` steps, where `a` holds `kc`
/// columns of `MR` values and `b` holds `kc` rows of `NR` values (packed, zero-padded). With
/// `beta == 0` the tile is written without being read.
///
/// # Safety
///
/// The CPU supports AVX2 and FMA; `a` and `b` are valid for reads of `kc * MR` and `kc * NR`
/// values; every `C[i, j]` with `i < tile.m <= MR`, `j < tile.n <= NR` is valid for reads and
/// writes and no other thread accesses it during the call.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
#[target_feature(enable = "avx2,fma")]
pub(super) unsafe fn kernel_8x6(kc: usize, a: *const f64, b: *const f64, alpha: f64, beta: f64, tile: Tile) {
    // SAFETY (whole body): the caller's contract above; every pointer offset below stays inside
    // the `kc * MR` / `kc * NR` packed panels or inside the tile.
    unsafe {
        let mut c00 = _mm256_setzero_pd();
        let mut c01 = _mm256_setzero_pd();
        let mut c02 = _mm256_setzero_pd();
        let mut c03 = _mm256_setzero_pd();
        let mut c04 = _mm256_setzero_pd();
        let mut c05 = _mm256_setzero_pd();
        let mut c10 = _mm256_setzero_pd();
        let mut c11 = _mm256_setzero_pd();
        let mut c12 = _mm256_setzero_pd();
        let mut c13 = _mm256_setzero_pd();
        let mut c14 = _mm256_setzero_pd();
        let mut c15 = _mm256_setzero_pd();
        let mut ap = a;
        let mut bp = b;

        macro_rules! step {
            ($ao:expr, $bo:expr) => {{
                let a0 = _mm256_loadu_pd(ap.add($ao));
                let a1 = _mm256_loadu_pd(ap.add($ao + 4));
                let bb = _mm256_broadcast_sd(&*bp.add($bo));
                c00 = _mm256_fmadd_pd(a0, bb, c00);
                c10 = _mm256_fmadd_pd(a1, bb, c10);
                let bb = _mm256_broadcast_sd(&*bp.add($bo + 1));
                c01 = _mm256_fmadd_pd(a0, bb, c01);
                c11 = _mm256_fmadd_pd(a1, bb, c11);
                let bb = _mm256_broadcast_sd(&*bp.add($bo + 2));
                c02 = _mm256_fmadd_pd(a0, bb, c02);
                c12 = _mm256_fmadd_pd(a1, bb, c12);
                let bb = _mm256_broadcast_sd(&*bp.add($bo + 3));
                c03 = _mm256_fmadd_pd(a0, bb, c03);
                c13 = _mm256_fmadd_pd(a1, bb, c13);
                let bb = _mm256_broadcast_sd(&*bp.add($bo + 4));
                c04 = _mm256_fmadd_pd(a0, bb, c04);
                c14 = _mm256_fmadd_pd(a1, bb, c14);
                let bb = _mm256_broadcast_sd(&*bp.add($bo + 5));
                c05 = _mm256_fmadd_pd(a0, bb, c05);
                c15 = _mm256_fmadd_pd(a1, bb, c15);
            }};
        }

        k_loop!(kc, tile, ap, bp, step);

        let acc = [[c00, c10], [c01, c11], [c02, c12], [c03, c13], [c04, c14], [c05, c15]];
        let va = _mm256_set1_pd(alpha);
        if tile.m == MR && tile.n == NR && tile.rs == 1 {
            // A full tile in contiguous columns: vector read-modify-write.
            let vb = _mm256_set1_pd(beta);
            for (j, col) in acc.iter().enumerate() {
                let cj = tile.ptr.offset(j as isize * tile.cs);
                for (h, &v) in col.iter().enumerate() {
                    let p = cj.add(4 * h);
                    let r = if beta == 0.0 {
                        _mm256_mul_pd(va, v)
                    } else if beta == 1.0 {
                        _mm256_fmadd_pd(va, v, _mm256_loadu_pd(p))
                    } else {
                        _mm256_fmadd_pd(va, v, _mm256_mul_pd(vb, _mm256_loadu_pd(p)))
                    };
                    _mm256_storeu_pd(p, r);
                }
            }
        } else {
            // An edge tile or a strided C: through a local buffer, element by element.
            let mut buf = [0.0f64; MR * NR];
            for (j, col) in acc.iter().enumerate() {
                _mm256_storeu_pd(buf.as_mut_ptr().add(j * MR), _mm256_mul_pd(va, col[0]));
                _mm256_storeu_pd(buf.as_mut_ptr().add(j * MR + 4), _mm256_mul_pd(va, col[1]));
            }
            write_tile(&buf, beta, tile);
        }
    }
}

/// `C_tile = buf + beta * C_tile` element by element, for edge tiles and strided `C` (`buf`
/// holds the tile's `alpha`-scaled product column by column, `MR` values per column). With
/// `beta == 0` the tile is written without being read.
///
/// # Safety
///
/// Every `C[i, j]` with `i < tile.m <= MR`, `j < tile.n <= NR` is valid for reads and writes and
/// no other thread accesses it during the call.
#[allow(unsafe_code)]
pub(super) unsafe fn write_tile(buf: &[f64; MR * NR], beta: f64, tile: Tile) {
    for j in 0..tile.n {
        let cj = tile.ptr.wrapping_offset(j as isize * tile.cs);
        for i in 0..tile.m {
            let p = cj.wrapping_offset(i as isize * tile.rs);
            let v = buf[j * MR + i];
            // SAFETY: `C[i, j]` of the tile, the caller's contract.
            unsafe {
                *p = if beta == 0.0 {
                    v
                } else if beta == 1.0 {
                    v + *p
                } else {
                    v + beta * *p
                };
            }
        }
    }
}
