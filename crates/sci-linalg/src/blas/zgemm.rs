//! A blocked complex GEMM (BLAS `zgemm` and `cgemm`, and `sgemm` for real `f32`) in the design
//! of [`super::gemm`], for CPUs with AVX-512F: `B` slices packed into `NR`-column micro-panels
//! (or read in place when column-major), `A` blocks into `MR`-row micro-panels kept in L2, and
//! an `MR × NR` microkernel on interleaved complex values (plain values for `f32`).
//!
//! The microkernel keeps, for each column `j` of its tile, two accumulators per register of
//! `A` values: `A · re b_j` and `A · im b_j` (a register holds four `Complex64` or eight
//! `Complex32` values as `[re, im, re, im, ...]`), so a `k` step is one FMA per accumulator
//! with `re b_j` or `im b_j` broadcast, and no shuffle. At the end the second accumulator has
//! its pairs swapped and is subtracted from the first in the real lanes and added in the
//! imaginary lanes (`fmaddsub`), which gives `re(a b) = ar br - ai bi` and
//! `im(a b) = ai br + ar bi`. The tile is two registers by six columns (`8 × 6` complex128,
//! `16 × 6` complex64 values): 24 accumulators, two loads of `A` and twelve broadcasts per
//! step, the FMA port busy every cycle (52-54 GFLOP/s on one core of an EPYC Zen 4 for
//! complex128, the real kernel's rate).
//!
//! Conjugating an operand (`Vᴴ V`, `Vᴴ C` of the block reflectors) happens in its packing, so
//! the kernel has one form. Before this module, complex and `f32` products ran on faer's
//! kernels (one thread below about 370³), complex128 ones of middling size and the complex128
//! QR's block updates on the real GEMM through the real embedding of `blas::embed`, which first
//! builds a real copy of one operand twice its size (that route stays for CPUs with AVX2 but
//! not AVX-512F). The complex64 QR keeps faer's kernel ([`for_reflectors`]).

use core::arch::x86_64::*;
use std::any::TypeId;
use std::ops::{Add, Mul};

use faer::{MatMut, MatRef};
use ndarray::{ArrayView2, ArrayViewMut2};
use num_complex::{Complex32, Complex64};

use super::gemm::balanced;

/// Columns of the microtile.
const NR: usize = 6;
/// Columns of a packed `B` slice (`KC × NC`, 1.5 MiB) kept in the L3.
const NC: usize = 510;
/// Columns (of the result) per thread from which two threads split the product.
const TEAM_MIN: usize = 2 * NR;
/// The fewest micro-panels of rows (`MR` each) that [`gemm`] splits into halves when `B` is
/// read in place: four per half, so that rounding a half to whole panels leaves them within
/// about a quarter of each other.
const ROWS_SPLIT_MIN: usize = 8;

/// A complex element type with a microkernel here.
pub(crate) trait Elem:
    Copy + PartialEq + Send + Sync + 'static + Add<Output = Self> + Mul<Output = Self>
{
    /// Rows of the microtile (two `zmm` registers).
    const MR: usize;
    /// Depth of a packed slice: a `B` micro-panel (`KC × NR`, 18 KiB) stays in L1.
    const KC: usize;
    /// Rows of a packed `A` block (`MC × KC`, 432 KiB) kept in a core's L2.
    const MC: usize;
    const ZERO: Self;
    const ONE: Self;
    fn conj(self) -> Self;
    /// `C_tile = alpha A_panel B_panel + beta C_tile` over `kc` steps: `a` holds `kc` columns
    /// of `MR` values (packed, zero-padded), `b` describes `kc` rows of `NR` values. With
    /// `beta == 0` the tile is written without being read.
    ///
    /// # Safety
    ///
    /// The CPU supports AVX-512F; `a` is valid for reads of `kc MR` values and `b` for its
    /// `kc NR`; the tile's elements are valid for reads and writes, accessed by no other
    /// thread.
    #[allow(unsafe_code)]
    unsafe fn kernel(kc: usize, a: *const Self, b: BPanel<Self>, alpha: Self, beta: Self, tile: Out<Self>);
}

/// Where the microkernel reads its `kc × NR` block of `B`: value `(p, j)` at
/// `ptr + p step + col[j]`. A packed micro-panel has `step = NR`, `col[j] = j`; an unpacked
/// column-major `B` (unit row stride) is read in place with `step = 1` and `col[j]` the column
/// offsets (the last column repeated for an edge panel's missing ones, whose results the
/// kernel drops).
#[derive(Clone, Copy)]
pub(crate) struct BPanel<E> {
    ptr: *const E,
    step: isize,
    col: [isize; NR],
}

/// Whether `T` is `Complex64`, `Complex32` or `f32` and this CPU runs the AVX-512
/// microkernels.
pub(crate) fn enabled<T: 'static>() -> bool {
    let t = TypeId::of::<T>();
    super::avx512()
        && super::avx2_fma()
        && (t == TypeId::of::<Complex64>() || t == TypeId::of::<Complex32>() || t == TypeId::of::<f32>())
}

/// Whether the complex QR's block reflectors (and `geqp3`'s block updates) take this GEMM:
/// for `Complex64` on AVX-512F. For `Complex32` faer's kernel stays: on those thin products
/// (`Vᴴ C` has 32 rows) it measured the same or faster (complex64 `qr(mode='r')` 500²,
/// medians: 7.2 ms on faer's, 7.0-9.9 on this one), while complex128 gained (12.9-14.7 ms
/// against 14.7-17.8 through the real embedding).
pub(crate) fn for_reflectors<T: 'static>() -> bool {
    enabled::<T>() && TypeId::of::<T>() == TypeId::of::<Complex64>()
}

/// A strided matrix operand: element `(i, j)` at `ptr + i rs + j cs`, read conjugated when
/// `conj`.
struct Operand<E> {
    ptr: *const E,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
    conj: bool,
}

impl<E> Clone for Operand<E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E> Copy for Operand<E> {}

impl<T> Operand<T> {
    fn of(a: ArrayView2<'_, T>, conj: bool) -> Self {
        let (rows, cols) = a.dim();
        let [rs, cs] = [a.strides()[0], a.strides()[1]];
        Operand { ptr: a.as_ptr(), rows, cols, rs, cs, conj }
    }

    /// The faer matrix `a`, or its conjugate transpose with `adjoint`.
    fn of_mat(a: MatRef<'_, T>, adjoint: bool) -> Self {
        let (rows, cols, rs, cs) = (a.nrows(), a.ncols(), a.row_stride(), a.col_stride());
        let op = Operand { ptr: a.as_ptr(), rows, cols, rs, cs, conj: adjoint };
        if adjoint { op.t() } else { op }
    }

    /// The same operand read as `E` (the callers check that `T` is `E`).
    fn cast<E>(self) -> Operand<E> {
        let Operand { ptr, rows, cols, rs, cs, conj } = self;
        Operand { ptr: ptr.cast(), rows, cols, rs, cs, conj }
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
}

impl<E: Elem> Operand<E> {
    /// Element `(i, j)`, conjugated if asked.
    ///
    /// # Safety
    ///
    /// `i < rows`, `j < cols`, and the operand describes readable memory (its constructor's
    /// view is alive).
    #[allow(unsafe_code)]
    unsafe fn get(&self, i: usize, j: usize) -> E {
        // SAFETY: the caller's contract.
        let z = unsafe { *self.ptr.offset(i as isize * self.rs + j as isize * self.cs) };
        if self.conj { z.conj() } else { z }
    }
}

/// The result matrix: element `(i, j)` at `ptr + i rs + j cs`.
pub(crate) struct Out<E> {
    ptr: *mut E,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
}

impl<E> Clone for Out<E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E> Copy for Out<E> {}

impl<T> Out<T> {
    fn of(mut c: ArrayViewMut2<'_, T>) -> Self {
        let (rows, cols) = c.dim();
        let [rs, cs] = [c.strides()[0], c.strides()[1]];
        Out { ptr: c.as_mut_ptr(), rows, cols, rs, cs }
    }

    fn of_mat(c: MatMut<'_, T>) -> Self {
        Out { ptr: c.as_ptr_mut(), rows: c.nrows(), cols: c.ncols(), rs: c.row_stride(), cs: c.col_stride() }
    }

    /// The same result read as `E` (the callers check that `T` is `E`).
    fn cast<E>(self) -> Out<E> {
        let Out { ptr, rows, cols, rs, cs } = self;
        Out { ptr: ptr.cast(), rows, cols, rs, cs }
    }

    fn block(self, (i, j): (usize, usize), (rows, cols): (usize, usize)) -> Self {
        debug_assert!(i + rows <= self.rows && j + cols <= self.cols);
        let ptr = self.ptr.wrapping_offset(i as isize * self.rs + j as isize * self.cs);
        Out { ptr, rows, cols, ..self }
    }
}

/// One half of a two-thread product: the operands and result block of one thread.
struct Half<E>(Operand<E>, Operand<E>, Out<E>);

// SAFETY: a `Half` is handed to the helper thread by `gemm` while the caller keeps the other
// half: the two `Out` blocks are disjoint (different columns or rows of `c`), the operands are
// only read, and `Lease::join` returns only after both halves are done, while the views the
// pointers come from are still borrowed by `zgemm`'s caller.
#[allow(unsafe_code)]
unsafe impl<E: Send> Send for Half<E> {}

/// Runs `f` on a 64-byte aligned scratch slice of `len` values (contents unspecified):
/// [`super::gemm`]'s per-thread buffer, as values of `E`.
fn with_scratch<E: Elem, R>(len: usize, f: impl FnOnce(&mut [E]) -> R) -> R {
    let floats = (len * size_of::<E>()).div_ceil(size_of::<f64>());
    super::gemm::with_scratch(floats, |buf| {
        // SAFETY: `E` is `Complex64`, `Complex32` (`repr(C)`) or `f32`: alignment 8 or 4, no
        // invalid bit patterns, so the `floats` values of `buf` (aligned to 64 bytes) hold `len`
        // of them, borrowed exclusively for the call.
        #[allow(unsafe_code)]
        let z = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<E>(), len) };
        f(z)
    })
}

/// Views `x` as `E` (`T` is `E`, checked by the callers through [`enabled`] and `TypeId`).
fn same<T: 'static + Copy, E: Elem>(x: T) -> E {
    assert!(TypeId::of::<T>() == TypeId::of::<E>(), "internal: zgemm element type");
    // SAFETY: the same type (asserted above).
    #[allow(unsafe_code)]
    unsafe {
        *(&x as *const T).cast::<E>()
    }
}

/// `c = alpha a b + beta c` for `Complex64`, `Complex32` or `f32` matrices of any strides, `a`
/// and `b` conjugated when `conj_a`, `conj_b` (BLAS `zgemm`/`cgemm` with `'C'` operands, and
/// conjugation without transposition too), on one thread or, with `threads >= 2` and enough
/// work, on the caller's and the crate's helper thread (`crate::worker`), each on one half of
/// `c`. As in BLAS, `beta == 0` writes `c` without reading it, and `alpha == 0` or `k == 0`
/// only scales `c`. Returns `false`, with `c` untouched, when [`enabled`] is not (another
/// element type, or no AVX-512F).
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
    c: ArrayViewMut2<'_, T>,
    threads: usize,
) -> bool {
    let (a, b) = (Operand::of(a, conj_a), Operand::of(b, conj_b));
    // SAFETY: the operands and the result describe the views `a`, `b` and `c`, borrowed for
    // this call.
    #[allow(unsafe_code)]
    unsafe {
        dispatch(alpha, a, b, beta, Out::of(c), threads)
    }
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
    let (a, b) = (Operand::of_mat(a, adj_a), Operand::of_mat(b, adj_b));
    // SAFETY: the operands and the result describe the matrices `a`, `b` and `c`, borrowed
    // for this call.
    #[allow(unsafe_code)]
    unsafe {
        dispatch(alpha, a, b, beta, Out::of_mat(c), threads)
    }
}

/// [`entry`] for the element type `T` is, or `false` when [`enabled`] is not.
///
/// # Safety
///
/// `a` and `b` are readable, `c` readable and writable, for the call.
#[allow(unsafe_code)]
unsafe fn dispatch<T: 'static + Copy>(
    alpha: T,
    a: Operand<T>,
    b: Operand<T>,
    beta: T,
    c: Out<T>,
    threads: usize,
) -> bool {
    /// # Safety
    ///
    /// As for [`dispatch`], and `T` is `E` with AVX-512F present.
    unsafe fn go<T: 'static + Copy, E: Elem>(
        alpha: T,
        a: Operand<T>,
        b: Operand<T>,
        beta: T,
        c: Out<T>,
        threads: usize,
    ) {
        // SAFETY: the caller's contract; `same` checks that `T` is `E`.
        unsafe { entry::<E>(same(alpha), a.cast(), b.cast(), same(beta), c.cast(), threads) }
    }
    if !enabled::<T>() {
        return false;
    }
    let t = TypeId::of::<T>();
    // SAFETY: the caller's contract; `enabled` checked AVX-512F and the three types.
    unsafe {
        if t == TypeId::of::<Complex64>() {
            go::<T, Complex64>(alpha, a, b, beta, c, threads);
        } else if t == TypeId::of::<Complex32>() {
            go::<T, Complex32>(alpha, a, b, beta, c, threads);
        } else {
            go::<T, f32>(alpha, a, b, beta, c, threads);
        }
    }
    true
}

/// The special cases of [`zgemm`], then the product.
///
/// # Safety
///
/// The CPU has AVX-512F; `a` and `b` are readable, `c` readable and writable, for the call.
#[allow(unsafe_code)]
unsafe fn entry<E: Elem>(alpha: E, a: Operand<E>, b: Operand<E>, beta: E, out: Out<E>, threads: usize) {
    debug_assert_eq!(a.cols, b.rows);
    debug_assert_eq!((a.rows, b.cols), (out.rows, out.cols));
    let (rows, cols, rs, cs) = (out.rows, out.cols, out.rs, out.cs);
    if rows == 0 || cols == 0 {
        return;
    }
    if alpha == E::ZERO || a.cols == 0 {
        for j in 0..cols {
            for i in 0..rows {
                // SAFETY: `(i, j)` is inside `c`, borrowed mutably for this call.
                unsafe {
                    let p = out.ptr.offset(i as isize * rs + j as isize * cs);
                    *p = if beta == E::ZERO { E::ZERO } else { beta * *p };
                }
            }
        }
        return;
    }
    // SAFETY: the caller's contract.
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
unsafe fn gemm<E: Elem>(alpha: E, a: Operand<E>, b: Operand<E>, beta: E, c: Out<E>, threads: usize) {
    if c.cs == 1 && c.rs != 1 {
        // The microkernel stores contiguous columns: compute the row-major cᵀ = bᵀ aᵀ.
        let ct = Out { rows: c.cols, cols: c.rows, rs: c.cs, cs: c.rs, ..c };
        // SAFETY: the same elements, transposed.
        return unsafe { gemm(alpha, b.t(), a.t(), beta, ct, threads) };
    }
    let (m, n) = (c.rows, c.cols);
    // A `B` read in place (see `single`) is shared by halves of `A`'s rows, so splitting the
    // rows packs each value of `A` once; halves of the columns would each pack all of `A`
    // (a 300³ `f32` product: 0.310-0.379 ms against 0.325-0.400 split by columns, calls
    // alternating, two Emerald Rapids cores).
    let rows_split = (b.rs == 1 && !b.conj && m >= ROWS_SPLIT_MIN * E::MR) || n < 2 * TEAM_MIN;
    if threads >= 2
        && (n >= 2 * TEAM_MIN || m >= 2 * TEAM_MIN * E::MR)
        && let Some(lease) = crate::worker::lease()
    {
        // Halves of the rows or of the columns (whole micro-panels); each packs its own operands.
        let halves = if !rows_split {
            let h = (n / 2).next_multiple_of(NR);
            (
                Half(a, b.block((0, 0), (b.rows, h)), c.block((0, 0), (m, h))),
                Half(a, b.block((0, h), (b.rows, n - h)), c.block((0, h), (m, n - h))),
            )
        } else {
            let h = (m / 2).next_multiple_of(E::MR);
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
unsafe fn single<E: Elem>(alpha: E, a: Operand<E>, b: Operand<E>, beta: E, c: Out<E>) {
    let (m, n, k) = (c.rows, c.cols, a.cols);
    let mr = E::MR;
    let (kc_max, mc_max, nc_max) = (balanced(k, E::KC, 1), balanced(m, E::MC, mr), balanced(n, NC, NR));
    let b_len = nc_max.div_ceil(NR) * NR * kc_max;
    let a_len = mc_max.div_ceil(mr) * mr * kc_max;
    // A column-major `B` is read in place: packing it cost as much as a fifth of the thin
    // products of the block reflectors (`Vᴴ C`, whose `B` is the whole trailing matrix, for 32
    // rows of result), and its micro-panels' columns are contiguous already.
    let in_place = b.rs == 1 && !b.conj;
    let b_len = if in_place { 0 } else { b_len };
    with_scratch(a_len + b_len, |buf: &mut [E]| {
        let (abuf, bbuf) = buf.split_at_mut(a_len);
        for jc in (0..n).step_by(nc_max) {
            let nc = nc_max.min(n - jc);
            for pc in (0..k).step_by(kc_max) {
                let kc = kc_max.min(k - pc);
                if !in_place {
                    // SAFETY: the block is inside `b` (the caller's contract).
                    unsafe { pack(b.block((pc, jc), (kc, nc)).t(), NR, bbuf) };
                }
                // Micro-panel `q` of this slice of `B`.
                let panel = |q: usize| {
                    if in_place {
                        let cols = NR.min(nc - q * NR);
                        let ptr = b.ptr.wrapping_offset(pc as isize + (jc + q * NR) as isize * b.cs);
                        BPanel { ptr, step: 1, col: std::array::from_fn(|j| j.min(cols - 1) as isize * b.cs) }
                    } else {
                        let ptr = bbuf[q * kc * NR..].as_ptr();
                        BPanel { ptr, step: NR as isize, col: std::array::from_fn(|j| j as isize) }
                    }
                };
                let beta = if pc == 0 { beta } else { E::ONE };
                for ic in (0..m).step_by(mc_max) {
                    let mc = mc_max.min(m - ic);
                    // SAFETY: the block is inside `a` (the caller's contract).
                    unsafe { pack(a.block((ic, pc), (mc, kc)), mr, abuf) };
                    for q in 0..nc.div_ceil(NR) {
                        let j = jc + q * NR;
                        let bp = panel(q);
                        for (r, ap) in abuf.chunks_exact(kc * mr).take(mc.div_ceil(mr)).enumerate() {
                            let i = ic + r * mr;
                            let tile = c.block((i, j), ((m - i).min(mr), (n - j).min(NR)));
                            // SAFETY: AVX-512F (the caller's contract); the `A` panel holds
                            // `kc MR` values, the `B` panel reads `kc` rows of columns inside
                            // `b` (or of the packed panel); the tile is inside `c`.
                            unsafe { E::kernel(kc, ap.as_ptr(), bp, alpha, beta, tile) };
                        }
                    }
                }
            }
        }
    });
}

/// Packs the `mc × kc` block `a` into `w`-row micro-panels: panel `q` holds, for each `p < kc`,
/// the `w` values `a[q w.., p]` (conjugated if `a.conj`; zero past the last row). `A` blocks
/// are packed with `w = MR`, `B` slices as `bᵀ` with `w = NR`.
///
/// # Safety
///
/// `a` is readable; `dst` holds at least `ceil(mc / w) w kc` values.
#[allow(unsafe_code)]
unsafe fn pack<E: Elem>(a: Operand<E>, w: usize, dst: &mut [E]) {
    let (mc, kc) = (a.rows, a.cols);
    for (q, panel) in dst.chunks_exact_mut(kc * w).take(mc.div_ceil(w)).enumerate() {
        let i0 = q * w;
        let rows = w.min(mc - i0);
        if a.rs == 1 && rows == w {
            for (p, d) in panel.chunks_exact_mut(w).enumerate() {
                // SAFETY: elements `(i0..i0 + w, p)`, contiguous as `rs == 1`.
                let src =
                    unsafe { std::slice::from_raw_parts(a.ptr.offset(i0 as isize + p as isize * a.cs), w) };
                d.copy_from_slice(src);
                if a.conj {
                    d.iter_mut().for_each(|x| *x = x.conj());
                }
            }
            continue;
        }
        if a.cs == 1 {
            // Contiguous rows (a transposed column-major matrix): one row at a time into
            // every `w`-th value, instead of `w` strided reads per step.
            if rows < w {
                panel.fill(E::ZERO);
            }
            for i in 0..rows {
                // SAFETY: row `i0 + i` holds `kc` contiguous values (`cs == 1`).
                let row = unsafe { std::slice::from_raw_parts(a.ptr.offset((i0 + i) as isize * a.rs), kc) };
                for (d, &x) in panel[i..].iter_mut().step_by(w).zip(row) {
                    *d = if a.conj { x.conj() } else { x };
                }
            }
            continue;
        }
        for (p, d) in panel.chunks_exact_mut(w).enumerate() {
            for (i, x) in d.iter_mut().enumerate() {
                // SAFETY: `(i0 + i, p)` is inside the block when `i < rows`.
                *x = if i < rows { unsafe { a.get(i0 + i, p) } } else { E::ZERO };
            }
        }
    }
}

/// The microkernel of one element type: `$r` the real type, `$lanes` complex values per
/// register, then the AVX-512 intrinsics of that width and the immediate that swaps the parts
/// of every complex value.
macro_rules! complex_kernel {
    ($e:ty, $r:ty, $lanes:expr, $kc:expr, $mc:expr, $vec:ty, $zero:ident, $load:ident, $store:ident,
     $set1:ident, $fmadd:ident, $fmaddsub:ident, $mul:ident, $add:ident, $perm:ident, $swap:expr) => {
        impl Elem for $e {
            const MR: usize = 2 * $lanes;
            const KC: usize = $kc;
            const MC: usize = $mc;
            const ZERO: Self = <$e>::new(0.0, 0.0);
            const ONE: Self = <$e>::new(1.0, 0.0);

            fn conj(self) -> Self {
                <$e>::conj(&self)
            }

            #[allow(unsafe_code)]
            #[target_feature(enable = "avx512f")]
            unsafe fn kernel(kc: usize, a: *const Self, b: BPanel<Self>, alpha: Self, beta: Self, tile: Out<Self>) {
                const MR: usize = 2 * $lanes;
                // Reals per register.
                const W: usize = 2 * $lanes;
                // SAFETY (whole body): the caller's contract; every offset stays inside the
                // panels or the tile.
                unsafe {
                    let a = a.cast::<$r>();
                    // In reals: the row step and the column offsets of `B`.
                    let (bstep, boff) = (2 * b.step, b.col.map(|o| 2 * o));
                    let b = b.ptr.cast::<$r>();
                    let z = $zero();
                    // `re[j][h]`: register `h` of the `A` column times `re b_j`; `im[j][h]`
                    // times `im b_j`.
                    let mut re = [[z; 2]; NR];
                    let mut im = [[z; 2]; NR];
                    let (mut ap, mut bp) = (a, b);
                    for _ in 0..kc {
                        let a0 = $load(ap);
                        let a1 = $load(ap.add(W));
                        for j in 0..NR {
                            let br = $set1(*bp.offset(boff[j]));
                            let bi = $set1(*bp.offset(boff[j] + 1));
                            re[j][0] = $fmadd(a0, br, re[j][0]);
                            re[j][1] = $fmadd(a1, br, re[j][1]);
                            im[j][0] = $fmadd(a0, bi, im[j][0]);
                            im[j][1] = $fmadd(a1, bi, im[j][1]);
                        }
                        ap = ap.add(2 * MR);
                        bp = bp.offset(bstep);
                    }
                    let one = $set1(1.0);
                    // `x s` for complex `x` (interleaved) and scalar `s`.
                    let scale = |x: $vec, s: Self| {
                        $fmaddsub(x, $set1(s.re), $mul($perm::<$swap>(x), $set1(s.im)))
                    };
                    let unit = alpha == Self::ONE;
                    let mut res = [[z; 2]; NR];
                    for j in 0..NR {
                        for h in 0..2 {
                            let v = $fmaddsub(re[j][h], one, $perm::<$swap>(im[j][h]));
                            res[j][h] = if unit { v } else { scale(v, alpha) };
                        }
                    }
                    if tile.rows == MR && tile.cols == NR && tile.rs == 1 {
                        for (j, r) in res.iter().enumerate() {
                            let p = tile.ptr.offset(j as isize * tile.cs).cast::<$r>();
                            for (h, &v) in r.iter().enumerate() {
                                let q = p.add(W * h);
                                let v = if beta == Self::ZERO {
                                    v
                                } else if beta == Self::ONE {
                                    $add(v, $load(q))
                                } else {
                                    $add(v, scale($load(q), beta))
                                };
                                $store(q, v);
                            }
                        }
                    } else {
                        let mut buf = [Self::ZERO; MR * NR];
                        for (j, r) in res.iter().enumerate() {
                            for (h, &v) in r.iter().enumerate() {
                                $store(buf.as_mut_ptr().add(j * MR + $lanes * h).cast::<$r>(), v);
                            }
                        }
                        for j in 0..tile.cols {
                            for i in 0..tile.rows {
                                let p = tile.ptr.offset(i as isize * tile.rs + j as isize * tile.cs);
                                let v = buf[j * MR + i];
                                *p = if beta == Self::ZERO { v } else { v + beta * *p };
                            }
                        }
                    }
                }
            }
        }
    };
}

complex_kernel!(
    Complex64,
    f64,
    4,
    192,
    144,
    __m512d,
    _mm512_setzero_pd,
    _mm512_loadu_pd,
    _mm512_storeu_pd,
    _mm512_set1_pd,
    _mm512_fmadd_pd,
    _mm512_fmaddsub_pd,
    _mm512_mul_pd,
    _mm512_add_pd,
    _mm512_permute_pd,
    0x55
);
complex_kernel!(
    Complex32,
    f32,
    8,
    384,
    144,
    __m512,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_storeu_ps,
    _mm512_set1_ps,
    _mm512_fmadd_ps,
    _mm512_fmaddsub_ps,
    _mm512_mul_ps,
    _mm512_add_ps,
    _mm512_permute_ps,
    0xB1
);

/// The real `f32` microkernel: a `32 × 6` tile in 12 accumulators (two registers of sixteen
/// rows per column), one FMA per accumulator and `k` step, the same loops and packing as the
/// complex ones. `f32` products ran on faer's kernel before, 1.1-1.25 times NumPy's time for
/// sizes 64-150.
impl Elem for f32 {
    const MR: usize = 32;
    const KC: usize = 512;
    const MC: usize = 224;
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;

    fn conj(self) -> Self {
        self
    }

    #[allow(unsafe_code)]
    #[target_feature(enable = "avx512f")]
    unsafe fn kernel(kc: usize, a: *const Self, b: BPanel<Self>, alpha: Self, beta: Self, tile: Out<Self>) {
        // SAFETY: the caller's contract. A tile of 16 rows or fewer (the last micro-panel of
        // `m = 300`, say, holds 12) runs on the panel's first sixteen rows only: the lower half
        // holds the packing's zeros, whose products were 6 % of a 300³ product's FMAs.
        unsafe {
            if tile.rows <= 16 {
                f32_kernel::<1>(kc, a, b, alpha, beta, tile)
            } else {
                f32_kernel::<2>(kc, a, b, alpha, beta, tile)
            }
        }
    }
}

/// [`f32`]'s microkernel on the first `16 H` rows of a `32`-row micro-panel.
///
/// # Safety
///
/// As for [`Elem::kernel`]; `tile.rows <= 16 H`.
#[allow(unsafe_code)]
#[target_feature(enable = "avx512f")]
unsafe fn f32_kernel<const H: usize>(
    kc: usize,
    a: *const f32,
    b: BPanel<f32>,
    alpha: f32,
    beta: f32,
    tile: Out<f32>,
) {
    const MR: usize = 32;
    // SAFETY (whole body): the caller's contract; every offset stays inside the panels or the
    // tile.
    unsafe {
        let z = _mm512_setzero_ps();
        let mut acc = [[z; H]; NR];
        let (bstep, boff) = (b.step, b.col);
        let (mut ap, mut bp) = (a, b.ptr);
        for _ in 0..kc {
            let mut av = [z; H];
            for (h, v) in av.iter_mut().enumerate() {
                *v = _mm512_loadu_ps(ap.add(16 * h));
            }
            for j in 0..NR {
                let bj = _mm512_set1_ps(*bp.offset(boff[j]));
                for h in 0..H {
                    acc[j][h] = _mm512_fmadd_ps(av[h], bj, acc[j][h]);
                }
            }
            ap = ap.add(MR);
            bp = bp.offset(bstep);
        }
        let va = _mm512_set1_ps(alpha);
        if tile.rows == 16 * H && tile.cols == NR && tile.rs == 1 {
            let vb = _mm512_set1_ps(beta);
            for (j, r) in acc.iter().enumerate() {
                let p = tile.ptr.offset(j as isize * tile.cs);
                for (h, &v) in r.iter().enumerate() {
                    let q = p.add(16 * h);
                    let v = if beta == 0.0 {
                        _mm512_mul_ps(va, v)
                    } else if beta == 1.0 {
                        _mm512_fmadd_ps(va, v, _mm512_loadu_ps(q))
                    } else {
                        _mm512_fmadd_ps(va, v, _mm512_mul_ps(vb, _mm512_loadu_ps(q)))
                    };
                    _mm512_storeu_ps(q, v);
                }
            }
        } else {
            let mut buf = [0.0f32; MR * NR];
            for (j, r) in acc.iter().enumerate() {
                for (h, &v) in r.iter().enumerate() {
                    _mm512_storeu_ps(buf.as_mut_ptr().add(j * MR + 16 * h), _mm512_mul_ps(va, v));
                }
            }
            for j in 0..tile.cols {
                for i in 0..tile.rows {
                    let p = tile.ptr.offset(i as isize * tile.rs + j as isize * tile.cs);
                    let v = buf[j * MR + i];
                    *p = if beta == 0.0 { v } else { v + beta * *p };
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

    #[test]
    fn complex64_products_equal_the_definition() {
        if !enabled::<Complex32>() {
            eprintln!("zgemm: no AVX-512F here, the Complex32 kernel is never taken");
            return;
        }
        let to32 = |x: &Array2<Complex64>| x.mapv(|v| Complex32::new(v.re as f32, v.im as f32));
        let to64 = |x: &Array2<Complex32>| x.mapv(|v| Complex64::new(v.re.into(), v.im.into()));
        let (one, zero) = (Complex32::new(1.0, 0.0), Complex32::new(0.0, 0.0));
        for (m, k, n) in [(1, 1, 1), (16, 3, 6), (17, 5, 7), (40, 400, 30), (300, 20, 31), (50, 7, 200)] {
            let (a, b) = (to32(&z(m, k, 0.3, true)), to32(&z(k, n, 1.1, false)));
            let c0 = to32(&z(m, n, 0.7, true));
            let c064 = to64(&c0);
            for (ca, cb) in [(false, false), (true, false), (false, true)] {
                let prod = naive(to64(&a).view(), ca, to64(&b).view(), cb);
                for (alpha, beta) in [(one, zero), (Complex32::new(0.5, -1.0), Complex32::new(-1.0, 0.25))] {
                    let (al, be) = (
                        Complex64::new(alpha.re.into(), alpha.im.into()),
                        Complex64::new(beta.re.into(), beta.im.into()),
                    );
                    let want = Array2::from_shape_fn((m, n), |(i, j)| {
                        al * prod[[i, j]]
                            + if beta == zero { Complex64::new(0.0, 0.0) } else { be * c064[[i, j]] }
                    });
                    for threads in [1, 2] {
                        let mut c = c0.clone();
                        assert!(zgemm(alpha, a.view(), ca, b.view(), cb, beta, c.view_mut(), threads));
                        for (x, y) in to64(&c).iter().zip(&want) {
                            assert!(
                                (x - y).norm() <= 1e-6 * (k as f64 + 4.0) * (2.0 + y.norm()),
                                "{m}x{k}x{n} {x} {y}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn f32_products_equal_the_definition() {
        if !enabled::<f32>() {
            eprintln!("zgemm: no AVX-512F here, the f32 kernel is never taken");
            return;
        }
        let r = |m: usize, n: usize, s: f64, f: bool| {
            Array2::from_shape_fn((m, n).set_f(f), |(i, j)| ((i as f64 * s + j as f64).sin()) as f32)
        };
        // the last micro-panel of 48 and 16 rows fills the 16-row kernel; 300 and 40 leave it partial
        let shapes = [
            (1, 1, 1),
            (32, 3, 6),
            (33, 5, 7),
            (40, 600, 30),
            (300, 20, 31),
            (50, 7, 200),
            (48, 9, 12),
            (16, 4, 6),
        ];
        for (m, k, n) in shapes {
            for (fa, fb) in [(true, true), (false, false), (true, false)] {
                let (a, b) = (r(m, k, 0.3, fa), r(k, n, 1.1, fb));
                let c0 = r(m, n, 0.7, true);
                for (alpha, beta) in [(1.0f32, 0.0f32), (-1.0, 1.0), (0.5, -0.25)] {
                    let want = Array2::from_shape_fn((m, n), |(i, j)| {
                        let p: f64 = (0..k).map(|q| f64::from(a[[i, q]]) * f64::from(b[[q, j]])).sum();
                        f64::from(alpha) * p
                            + if beta == 0.0 { 0.0 } else { f64::from(beta) * f64::from(c0[[i, j]]) }
                    });
                    for threads in [1, 2] {
                        let mut c =
                            if beta == 0.0 { Array2::from_elem((m, n).f(), f32::NAN) } else { c0.clone() };
                        assert!(zgemm(alpha, a.view(), false, b.view(), false, beta, c.view_mut(), threads));
                        for (x, y) in c.iter().zip(&want) {
                            assert!(
                                (f64::from(*x) - y).abs() <= 1e-6 * (k as f64 + 4.0) * (1.0 + y.abs()),
                                "{m}x{k}x{n}"
                            );
                        }
                    }
                }
            }
        }
    }
}
