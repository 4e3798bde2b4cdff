//! A blocked complex GEMM (BLAS `zgemm`) in the design of [`super::gemm`], for CPUs with
//! AVX-512F: `B` slices packed into `NR`-column micro-panels, `A` blocks into `MR`-row
//! micro-panels kept in L2, and an `MR × NR` microkernel on interleaved complex values.
//!
//! The microkernel keeps, for each column `j` of its tile, two accumulators per register of
//! `A` values: `A · re b_j` and `A · im b_j` (each register holds four complex values as
//! `[re, im, re, im, ...]`), so a `k` step is one FMA per accumulator with `re b_j` or
//! `im b_j` broadcast from memory by the instruction itself, and no shuffle. At the end the
//! second accumulator has its pairs swapped and is subtracted from the first in the real
//! lanes and added in the imaginary lanes (`fmaddsub`), which gives `re(a b) = ar br - ai bi`
//! and `im(a b) = ai br + ar bi`. The tile is `8 × 6` complex values: 24 accumulators, two
//! loads of `A` and twelve broadcasts per step, the FMA port busy every cycle.
//!
//! Conjugating an operand (`Aᴴ C`, `V Fᴴ` in the block reflectors) happens in its packing, so
//! the kernel has one form. Before this module, complex128 products ran on faer's complex
//! kernel (one thread below about 370³) or, for middling sizes, on the real GEMM through the
//! real embedding of `blas::embed`, which first builds a real copy of one operand twice its
//! size.

use core::arch::x86_64::*;
use std::any::TypeId;

use faer::{MatMut, MatRef};
use ndarray::{ArrayView2, ArrayViewMut2};

use super::gemm::balanced;
use num_complex::Complex64;

/// Rows of the microtile (complex values; two `zmm` registers).
const MR: usize = 8;
/// Columns of the microtile.
const NR: usize = 6;
/// Depth of a packed slice: a `B` micro-panel (`KC × NR` complex values, 18 KiB) stays in L1.
const KC: usize = 192;
/// Rows of a packed `A` block (`MC × KC`, 432 KiB) kept in a core's L2.
const MC: usize = 144;
/// Columns of a packed `B` slice (`KC × NC`, 1.5 MiB) kept in the L3.
const NC: usize = 510;
/// Columns (of the result) per thread from which two threads split the product.
const TEAM_MIN: usize = 2 * NR;

/// Whether `T` is `Complex64` and this CPU runs the AVX-512 microkernel.
pub(crate) fn enabled<T: 'static>() -> bool {
    super::avx512() && super::avx2_fma() && TypeId::of::<T>() == TypeId::of::<Complex64>()
}

/// A strided matrix operand: element `(i, j)` at `ptr + i rs + j cs` (complex values), read
/// conjugated when `conj`.
#[derive(Clone, Copy)]
struct Operand {
    ptr: *const Complex64,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
    conj: bool,
}

impl Operand {
    fn of<T: 'static>(a: ArrayView2<'_, T>, conj: bool) -> Self {
        debug_assert!(TypeId::of::<T>() == TypeId::of::<Complex64>());
        let (rows, cols) = a.dim();
        let [rs, cs] = [a.strides()[0], a.strides()[1]];
        Operand { ptr: a.as_ptr().cast(), rows, cols, rs, cs, conj }
    }

    /// The faer matrix `a`, or its conjugate transpose with `adjoint`.
    fn of_mat<T: 'static>(a: MatRef<'_, T>, adjoint: bool) -> Self {
        debug_assert!(TypeId::of::<T>() == TypeId::of::<Complex64>());
        let (rows, cols, rs, cs) = (a.nrows(), a.ncols(), a.row_stride(), a.col_stride());
        let op = Operand { ptr: a.as_ptr().cast(), rows, cols, rs, cs, conj: adjoint };
        if adjoint { op.t() } else { op }
    }

    fn t(self) -> Self {
        Operand { rows: self.cols, cols: self.rows, rs: self.cs, cs: self.rs, ..self }
    }

    /// The `rows × cols` block at `(i, j)`.
    fn block(self, (i, j): (usize, usize), (rows, cols): (usize, usize)) -> Self {
        debug_assert!(i + rows <= self.rows && j + cols <= self.cols);
        let ptr = self.ptr.wrapping_offset(i as isize * self.rs + j as isize * self.cs);
        Operand { ptr, rows, cols, ..self }
    }

    /// Element `(i, j)`, conjugated if asked.
    ///
    /// # Safety
    ///
    /// `i < rows`, `j < cols`, and the operand describes readable memory (its constructor's
    /// view is alive).
    #[allow(unsafe_code)]
    unsafe fn get(&self, i: usize, j: usize) -> Complex64 {
        // SAFETY: the caller's contract.
        let z = unsafe { *self.ptr.offset(i as isize * self.rs + j as isize * self.cs) };
        if self.conj { z.conj() } else { z }
    }
}

/// The result matrix: element `(i, j)` at `ptr + i rs + j cs`.
#[derive(Clone, Copy)]
struct Out {
    ptr: *mut Complex64,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
}

impl Out {
    fn block(self, (i, j): (usize, usize), (rows, cols): (usize, usize)) -> Self {
        debug_assert!(i + rows <= self.rows && j + cols <= self.cols);
        let ptr = self.ptr.wrapping_offset(i as isize * self.rs + j as isize * self.cs);
        Out { ptr, rows, cols, ..self }
    }
}

/// One half of a two-thread product: the operands and result block of one thread.
struct Half(Operand, Operand, Out);

// SAFETY: a `Half` is handed to the helper thread by `gemm` while the caller keeps the other
// half: the two `Out` blocks are disjoint (different columns or rows of `c`), the operands are
// only read, and `Lease::join` returns only after both halves are done, while the views the
// pointers come from are still borrowed by `zgemm`'s caller.
#[allow(unsafe_code)]
unsafe impl Send for Half {}

/// Runs `f` on a 64-byte aligned scratch slice of `len` complex values (contents
/// unspecified): [`super::gemm`]'s per-thread buffer, as pairs of `f64`.
fn with_scratch<R>(len: usize, f: impl FnOnce(&mut [Complex64]) -> R) -> R {
    super::gemm::with_scratch(2 * len, |buf| {
        // SAFETY: `Complex64` is `repr(C)`, two `f64` (alignment 8), so the `2 len` values
        // of `buf` are `len` complex values, borrowed exclusively for the call.
        #[allow(unsafe_code)]
        let z = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<Complex64>(), len) };
        f(z)
    })
}

/// `c = alpha a b + beta c` for `Complex64` matrices of any strides, `a` and `b` conjugated
/// when `conj_a`, `conj_b` (BLAS `zgemm` with `'C'` operands, and conjugation without
/// transposition too), on one thread or, with `threads >= 2` and enough work, on the caller's
/// and the crate's helper thread (`crate::worker`), each on one half of `c`. As in BLAS,
/// `beta == 0` writes `c` without reading it, and `alpha == 0` or `k == 0` only scales `c`.
/// Returns `false`, with `c` untouched, when [`enabled`] is not (`T` is not `Complex64`, or no
/// AVX-512F).
///
/// Shapes must agree (`a` is `m × k`, `b` is `k × n`, `c` is `m × n`; debug-checked).
#[allow(clippy::too_many_arguments)]
pub(crate) fn zgemm<T: 'static + Copy>(
    alpha: T,
    a: ArrayView2<'_, T>,
    conj_a: bool,
    b: ArrayView2<'_, T>,
    conj_b: bool,
    beta: T,
    mut c: ArrayViewMut2<'_, T>,
    threads: usize,
) -> bool {
    if !enabled::<T>() {
        return false;
    }
    let (rows, cols) = c.dim();
    let [rs, cs] = [c.strides()[0], c.strides()[1]];
    let out = Out { ptr: c.as_mut_ptr().cast(), rows, cols, rs, cs };
    // SAFETY: the operands and `out` describe the views `a`, `b` and `c`, borrowed for this call.
    #[allow(unsafe_code)]
    unsafe {
        entry(alpha, Operand::of(a, conj_a), Operand::of(b, conj_b), beta, out, threads)
    };
    true
}

/// [`zgemm`] on faer matrices, `a` and `b` replaced by their conjugate transposes with
/// `adj_a`, `adj_b` (BLAS `'C'`): `c = alpha op(a) op(b) + beta c`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn zgemm_mat<T: 'static + Copy>(
    alpha: T,
    a: MatRef<'_, T>,
    adj_a: bool,
    b: MatRef<'_, T>,
    adj_b: bool,
    beta: T,
    c: MatMut<'_, T>,
    threads: usize,
) -> bool {
    if !enabled::<T>() {
        return false;
    }
    let (rows, cols, rs, cs) = (c.nrows(), c.ncols(), c.row_stride(), c.col_stride());
    let out = Out { ptr: c.as_ptr_mut().cast(), rows, cols, rs, cs };
    // SAFETY: the operands and `out` describe the matrices `a`, `b` and `c`, borrowed for this
    // call.
    #[allow(unsafe_code)]
    unsafe {
        entry(alpha, Operand::of_mat(a, adj_a), Operand::of_mat(b, adj_b), beta, out, threads)
    };
    true
}

/// The checks and special cases of [`zgemm`] (`T` is `Complex64`, AVX-512F is there).
///
/// # Safety
///
/// `a` and `b` are readable, `c` readable and writable, for the call.
#[allow(unsafe_code)]
unsafe fn entry<T: 'static + Copy>(alpha: T, a: Operand, b: Operand, beta: T, out: Out, threads: usize) {
    debug_assert_eq!(a.cols, b.rows);
    debug_assert_eq!((a.rows, b.cols), (out.rows, out.cols));
    // SAFETY: `T` is `Complex64` (`enabled`), so these are reads of the same type.
    #[allow(unsafe_code)]
    let (alpha, beta) =
        unsafe { (*(&alpha as *const T).cast::<Complex64>(), *(&beta as *const T).cast::<Complex64>()) };
    let (rows, cols, rs, cs) = (out.rows, out.cols, out.rs, out.cs);
    if rows == 0 || cols == 0 {
        return;
    }
    let zero = Complex64::new(0.0, 0.0);
    if alpha == zero || a.cols == 0 {
        for j in 0..cols {
            for i in 0..rows {
                // SAFETY: `(i, j)` is inside `c`, borrowed mutably for this call.
                #[allow(unsafe_code)]
                unsafe {
                    let p = out.ptr.offset(i as isize * rs + j as isize * cs);
                    *p = if beta == zero { zero } else { beta * *p };
                }
            }
        }
        return;
    }
    // SAFETY: the callers checked AVX-512F (`enabled`); the caller's contract.
    unsafe { gemm(alpha, a, b, beta, out, threads) }
}

/// [`zgemm`]'s product after the checks.
///
/// # Safety
///
/// The CPU has AVX-512F; `a` (`m × k`, `k > 0`) and `b` (`k × n`) are readable, `c` (`m × n`,
/// not empty) readable and writable and not read or written by another thread during the call
/// (the two halves of a team excepted, which are disjoint).
#[allow(unsafe_code)]
unsafe fn gemm(alpha: Complex64, a: Operand, b: Operand, beta: Complex64, c: Out, threads: usize) {
    if c.cs == 1 && c.rs != 1 {
        // The microkernel stores contiguous columns: compute the row-major cᵀ = bᵀ aᵀ.
        let ct = Out { rows: c.cols, cols: c.rows, rs: c.cs, cs: c.rs, ..c };
        // SAFETY: the same elements, transposed.
        return unsafe { gemm(alpha, b.t(), a.t(), beta, ct, threads) };
    }
    let (m, n) = (c.rows, c.cols);
    if threads >= 2
        && (n >= 2 * TEAM_MIN || m >= 2 * TEAM_MIN * MR)
        && let Some(lease) = crate::worker::lease()
    {
        // Split the longer side (in whole micro-panels); each half packs its own operands.
        let halves = if n >= 2 * TEAM_MIN {
            let h = (n / 2).next_multiple_of(NR);
            (
                Half(a, b.block((0, 0), (b.rows, h)), c.block((0, 0), (m, h))),
                Half(a, b.block((0, h), (b.rows, n - h)), c.block((0, h), (m, n - h))),
            )
        } else {
            let h = (m / 2).next_multiple_of(MR);
            (
                Half(a.block((0, 0), (h, a.cols)), b, c.block((0, 0), (h, n))),
                Half(a.block((h, 0), (m - h, a.cols)), b, c.block((h, 0), (m - h, n))),
            )
        };
        let (mine, theirs) = halves;
        // SAFETY (both closures): the halves are disjoint blocks of `c` (see `Half`).
        lease.join(
            || unsafe { single(alpha, mine.0, mine.1, beta, mine.2) },
            move || {
                let theirs = theirs;
                unsafe { single(alpha, theirs.0, theirs.1, beta, theirs.2) }
            },
        );
        return;
    }
    // SAFETY: the caller's contract.
    unsafe { single(alpha, a, b, beta, c) }
}

/// The product on the calling thread: the GotoBLAS loops `jc`, `pc`, `ic`, then micro-panels.
///
/// # Safety
///
/// As for [`gemm`].
#[allow(unsafe_code)]
unsafe fn single(alpha: Complex64, a: Operand, b: Operand, beta: Complex64, c: Out) {
    let (m, n, k) = (c.rows, c.cols, a.cols);
    let (kc_max, mc_max, nc_max) = (balanced(k, KC, 1), balanced(m, MC, MR), balanced(n, NC, NR));
    let b_len = nc_max.div_ceil(NR) * NR * kc_max;
    let a_len = mc_max.div_ceil(MR) * MR * kc_max;
    with_scratch(a_len + b_len, |buf| {
        let (abuf, bbuf) = buf.split_at_mut(a_len);
        for jc in (0..n).step_by(nc_max) {
            let nc = nc_max.min(n - jc);
            for pc in (0..k).step_by(kc_max) {
                let kc = kc_max.min(k - pc);
                // SAFETY: the blocks are inside `a` and `b` (the caller's contract).
                unsafe { pack::<NR>(b.block((pc, jc), (kc, nc)).t(), bbuf) };
                let beta = if pc == 0 { beta } else { Complex64::new(1.0, 0.0) };
                for ic in (0..m).step_by(mc_max) {
                    let mc = mc_max.min(m - ic);
                    // SAFETY: as above.
                    unsafe { pack::<MR>(a.block((ic, pc), (mc, kc)), abuf) };
                    for (q, bp) in bbuf.chunks_exact(kc * NR).take(nc.div_ceil(NR)).enumerate() {
                        let j = jc + q * NR;
                        for (r, ap) in abuf.chunks_exact(kc * MR).take(mc.div_ceil(MR)).enumerate() {
                            let i = ic + r * MR;
                            let tile = c.block((i, j), ((m - i).min(MR), (n - j).min(NR)));
                            // SAFETY: AVX-512F (the caller's contract); the panels hold
                            // `kc MR` and `kc NR` values; the tile is inside `c`.
                            unsafe { kernel(kc, ap.as_ptr().cast(), bp.as_ptr().cast(), alpha, beta, tile) };
                        }
                    }
                }
            }
        }
    });
}

/// Packs the `mc × kc` block `a` into `W`-row micro-panels: panel `q` holds, for each `p < kc`,
/// the `W` values `a[q W.., p]` (conjugated if `a.conj`; zero past the last row). `A` blocks
/// are packed with `W = MR`, `B` slices as `bᵀ` with `W = NR`.
///
/// # Safety
///
/// `a` is readable; `dst` holds at least `ceil(mc / W) W kc` values.
#[allow(unsafe_code)]
unsafe fn pack<const W: usize>(a: Operand, dst: &mut [Complex64]) {
    let (mc, kc) = (a.rows, a.cols);
    for (q, panel) in dst.chunks_exact_mut(kc * W).take(mc.div_ceil(W)).enumerate() {
        let i0 = q * W;
        let w = W.min(mc - i0);
        if a.rs == 1 && w == W {
            for (p, d) in panel.chunks_exact_mut(W).enumerate() {
                // SAFETY: elements `(i0..i0 + W, p)`, contiguous as `rs == 1`.
                let src =
                    unsafe { std::slice::from_raw_parts(a.ptr.offset(i0 as isize + p as isize * a.cs), W) };
                d.copy_from_slice(src);
                if a.conj {
                    d.iter_mut().for_each(|x| x.im = -x.im);
                }
            }
            continue;
        }
        if a.cs == 1 {
            // Contiguous rows (a transposed column-major matrix): one row at a time into
            // every `W`-th value, instead of `W` strided reads per step.
            if w < W {
                panel.fill(Complex64::new(0.0, 0.0));
            }
            for i in 0..w {
                // SAFETY: row `i0 + i` holds `kc` contiguous values (`cs == 1`).
                let row = unsafe { std::slice::from_raw_parts(a.ptr.offset((i0 + i) as isize * a.rs), kc) };
                for (d, &x) in panel[i..].iter_mut().step_by(W).zip(row) {
                    *d = if a.conj { x.conj() } else { x };
                }
            }
            continue;
        }
        for (p, d) in panel.chunks_exact_mut(W).enumerate() {
            for (i, x) in d.iter_mut().enumerate() {
                // SAFETY: `(i0 + i, p)` is inside the block when `i < w`.
                *x = if i < w { unsafe { a.get(i0 + i, p) } } else { Complex64::new(0.0, 0.0) };
            }
        }
    }
}

/// `C_tile = alpha A_panel B_panel + beta C_tile` over `kc` steps: `a` holds `kc` columns of
/// `MR` complex values, `b` `kc` rows of `NR` (packed, zero-padded), both as interleaved
/// `f64`. With `beta == 0` the tile is written without being read.
///
/// # Safety
///
/// The CPU supports AVX-512F; `a` and `b` are valid for reads of `2 kc MR` and `2 kc NR`
/// values; the tile's elements are valid for reads and writes, accessed by no other thread.
#[allow(unsafe_code)]
#[target_feature(enable = "avx512f")]
unsafe fn kernel(kc: usize, a: *const f64, b: *const f64, alpha: Complex64, beta: Complex64, tile: Out) {
    // SAFETY (whole body): the caller's contract; every offset stays inside the panels or tile.
    unsafe {
        let z = _mm512_setzero_pd();
        // `re[j][h]`: rows `4h..4h + 4` of `A` times `re b_j`; `im[j][h]` times `im b_j`.
        let mut re = [[z; 2]; NR];
        let mut im = [[z; 2]; NR];
        let (mut ap, mut bp) = (a, b);
        for _ in 0..kc {
            let a0 = _mm512_loadu_pd(ap);
            let a1 = _mm512_loadu_pd(ap.add(8));
            for j in 0..NR {
                let br = _mm512_set1_pd(*bp.add(2 * j));
                let bi = _mm512_set1_pd(*bp.add(2 * j + 1));
                re[j][0] = _mm512_fmadd_pd(a0, br, re[j][0]);
                re[j][1] = _mm512_fmadd_pd(a1, br, re[j][1]);
                im[j][0] = _mm512_fmadd_pd(a0, bi, im[j][0]);
                im[j][1] = _mm512_fmadd_pd(a1, bi, im[j][1]);
            }
            ap = ap.add(2 * MR);
            bp = bp.add(2 * NR);
        }
        let one = _mm512_set1_pd(1.0);
        // `x s` for complex `x` (interleaved) and scalar `s`.
        let scale = |x: __m512d, s: Complex64| {
            let swapped = _mm512_permute_pd::<0x55>(x);
            _mm512_fmaddsub_pd(x, _mm512_set1_pd(s.re), _mm512_mul_pd(swapped, _mm512_set1_pd(s.im)))
        };
        let unit = alpha == Complex64::new(1.0, 0.0);
        let mut res = [[z; 2]; NR];
        for j in 0..NR {
            for h in 0..2 {
                let v = _mm512_fmaddsub_pd(re[j][h], one, _mm512_permute_pd::<0x55>(im[j][h]));
                res[j][h] = if unit { v } else { scale(v, alpha) };
            }
        }
        let (zero, one_c) = (Complex64::new(0.0, 0.0), Complex64::new(1.0, 0.0));
        if tile.rows == MR && tile.cols == NR && tile.rs == 1 {
            for (j, r) in res.iter().enumerate() {
                let p = tile.ptr.offset(j as isize * tile.cs).cast::<f64>();
                for (h, &v) in r.iter().enumerate() {
                    let q = p.add(8 * h);
                    let v = if beta == zero {
                        v
                    } else if beta == one_c {
                        _mm512_add_pd(v, _mm512_loadu_pd(q))
                    } else {
                        _mm512_add_pd(v, scale(_mm512_loadu_pd(q), beta))
                    };
                    _mm512_storeu_pd(q, v);
                }
            }
        } else {
            let mut buf = [zero; MR * NR];
            for (j, r) in res.iter().enumerate() {
                for (h, &v) in r.iter().enumerate() {
                    _mm512_storeu_pd(buf.as_mut_ptr().add(j * MR + 4 * h).cast::<f64>(), v);
                }
            }
            for j in 0..tile.cols {
                for i in 0..tile.rows {
                    let p = tile.ptr.offset(i as isize * tile.rs + j as isize * tile.cs);
                    let v = buf[j * MR + i];
                    *p = if beta == zero { v } else { v + beta * *p };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, ShapeBuilder, s};

    fn z(m: usize, n: usize, s: f64, f_order: bool) -> Array2<Complex64> {
        Array2::from_shape_fn((m, n).set_f(f_order), |(i, j)| {
            Complex64::new((i as f64 * s + j as f64).sin(), (j as f64 * s - i as f64).cos())
        })
    }

    fn naive(
        a: ArrayView2<'_, Complex64>,
        ca: bool,
        b: ArrayView2<'_, Complex64>,
        cb: bool,
    ) -> Array2<Complex64> {
        let cj = |x: Complex64, c: bool| if c { x.conj() } else { x };
        Array2::from_shape_fn((a.nrows(), b.ncols()), |(i, j)| {
            (0..a.ncols()).map(|p| cj(a[[i, p]], ca) * cj(b[[p, j]], cb)).sum()
        })
    }

    #[test]
    fn products_equal_the_definition() {
        if !enabled::<Complex64>() {
            eprintln!("zgemm: no AVX-512F here, the kernel is never taken");
            assert!(!zgemm(
                Complex64::new(1.0, 0.0),
                z(2, 2, 0.1, true).view(),
                false,
                z(2, 2, 0.2, true).view(),
                false,
                Complex64::new(0.0, 0.0),
                Array2::zeros((2, 2)).view_mut(),
                1
            ));
            return;
        }
        let (one, zero) = (Complex64::new(1.0, 0.0), Complex64::new(0.0, 0.0));
        let alphas = [one, Complex64::new(-1.0, 0.0), Complex64::new(0.3, -1.7)];
        let betas = [zero, one, Complex64::new(-0.5, 2.0)];
        // edges of every kind, a k past one slice, rows past one A block, two threads
        for (m, k, n) in
            [(1, 1, 1), (8, 3, 6), (9, 1, 7), (13, 17, 5), (30, 300, 40), (300, 20, 31), (40, 9, 200)]
        {
            for (fa, fb, fc) in [(true, true, true), (false, false, false), (true, false, false)] {
                let (a, b) = (z(m, k, 0.3, fa), z(k, n, 1.1, fb));
                for (ca, cb) in [(false, false), (true, false), (false, true)] {
                    let prod = naive(a.view(), ca, b.view(), cb);
                    for (&alpha, &beta) in alphas.iter().zip(&betas) {
                        let c0 = if beta == zero {
                            Array2::from_elem((m, n).set_f(fc), Complex64::new(f64::NAN, 0.0))
                        } else {
                            z(m, n, 0.7, fc)
                        };
                        let want = if beta == zero {
                            prod.mapv(|x| alpha * x)
                        } else {
                            Array2::from_shape_fn((m, n), |(i, j)| alpha * prod[[i, j]] + beta * c0[[i, j]])
                        };
                        for threads in [1, 2] {
                            let mut c = c0.clone();
                            assert!(zgemm(alpha, a.view(), ca, b.view(), cb, beta, c.view_mut(), threads));
                            for (x, y) in c.iter().zip(&want) {
                                assert!((x - y).norm() <= 1e-12 * (1.0 + y.norm()), "{m}x{k}x{n} {x} {y}");
                            }
                        }
                    }
                }
            }
        }
        // strided and transposed views, a result with negative strides
        let big = z(40, 30, 0.9, true);
        let a = big.slice(s![..;2, 1..15]);
        let b = big.slice(s![3..17, ..;-3]).reversed_axes().reversed_axes();
        let mut cbig = Array2::from_elem((30, 30), Complex64::new(f64::NAN, 0.0));
        let mut c = cbig.slice_mut(s![..20;-1, ..10]);
        assert!(zgemm(one, a, true, b, false, zero, c.view_mut(), 2));
        let want = naive(a, true, b, false);
        for (x, y) in c.iter().zip(&want) {
            assert!((x - y).norm() <= 1e-12 * (1.0 + y.norm()));
        }
        // k == 0 and alpha == 0 only scale c; empty c
        let mut c = z(3, 4, 0.2, true);
        let c0 = c.clone();
        assert!(zgemm(
            one,
            z(3, 0, 0.1, true).view(),
            false,
            z(0, 4, 0.1, true).view(),
            false,
            Complex64::new(2.0, 0.0),
            c.view_mut(),
            1
        ));
        assert_eq!(c, c0.mapv(|x| x * 2.0));
        assert!(zgemm(
            zero,
            z(3, 5, 0.1, true).view(),
            false,
            z(5, 4, 0.1, true).view(),
            false,
            zero,
            c.view_mut(),
            1
        ));
        assert!(c.iter().all(|x| *x == zero));
        assert!(zgemm(
            one,
            z(0, 5, 0.1, true).view(),
            false,
            z(5, 4, 0.1, true).view(),
            false,
            zero,
            Array2::zeros((0, 4)).view_mut(),
            1
        ));
        assert!(!zgemm(
            1.0,
            Array2::<f64>::ones((2, 2)).view(),
            false,
            Array2::<f64>::ones((2, 2)).view(),
            false,
            0.0,
            Array2::zeros((2, 2)).view_mut(),
            1
        ));
    }
}
