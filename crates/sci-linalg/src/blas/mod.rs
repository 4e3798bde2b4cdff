//! Level-3 kernels the factorizations are built on (the BLAS layer of this crate).
//!
//! [`dgemm`] is the one entry point every blocked algorithm uses for its trailing updates, so a
//! faster product speeds all of them at once.

#[cfg(target_arch = "x86_64")]
pub(crate) mod complex_avx2;
pub(crate) mod embed;
#[cfg(target_arch = "x86_64")]
mod gemm;
mod gemv;
#[cfg(target_arch = "x86_64")]
mod kernel_avx2;
#[cfg(target_arch = "x86_64")]
mod kernel_avx512;
pub(crate) mod level1;
#[cfg(target_arch = "x86_64")]
pub(crate) mod zgemm;

use faer::{Accum, Par};
use ndarray::{Array2, ArrayView2, ArrayViewMut2, ShapeBuilder};

use crate::scalar::{as_faer, as_faer_mut};

pub(crate) use gemv::{cast, cast_mut, dots_conj};

/// Whether this CPU runs the AVX2 + FMA kernel (`is_x86_feature_detected!` caches its answer).
#[cfg(target_arch = "x86_64")]
pub(crate) fn avx2_fma() -> bool {
    is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma")
}

/// Whether this CPU runs the AVX-512 form of the GEMM microkernel (on top of AVX2 + FMA).
#[cfg(target_arch = "x86_64")]
fn avx512() -> bool {
    is_x86_feature_detected!("avx512f")
}

/// The size in bytes of the level-1 data cache of this core, from CPUID (Intel's leaf 4, AMD's
/// leaf `0x8000001D`, same layout); 32 KiB when the CPU does not say.
#[cfg(target_arch = "x86_64")]
fn l1d_bytes() -> usize {
    use core::arch::x86_64::{__cpuid, __cpuid_count};
    static L1D: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *L1D.get_or_init(|| {
        // The leaves are read only when the CPU reports them (the highest supported leaf).
        let leaf = if __cpuid(0).eax >= 4 {
            Some(4)
        } else if __cpuid(0x8000_0000).eax >= 0x8000_001D {
            Some(0x8000_001D)
        } else {
            None
        };
        leaf.and_then(|leaf| {
            (0..8).find_map(|sub| {
                let r = __cpuid_count(leaf, sub);
                let (kind, level) = (r.eax & 0x1f, (r.eax >> 5) & 0x7);
                (kind == 1 && level == 1).then(|| {
                    let ways = (r.ebx >> 22) as usize + 1;
                    let partitions = ((r.ebx >> 12) & 0x3ff) as usize + 1;
                    let line = (r.ebx & 0xfff) as usize + 1;
                    ways * partitions * line * (r.ecx as usize + 1)
                })
            })
        })
        .unwrap_or(32 << 10)
    })
}

/// `c = alpha * a @ b + beta * c` for `f64` matrices of any strides (BLAS `dgemm`).
///
/// As in BLAS, `beta == 0` overwrites `c` without reading it (NaN in `c` does not propagate),
/// and `alpha == 0` or `k == 0` only scales `c` by `beta` (`a` and `b` are not read).
/// `par` is the parallelism the caller chose (see `scalar::parallel::par_for`): with a degree
/// above one, that many threads (the caller's and scoped OS threads, which meet at barriers, so
/// not rayon jobs) each compute a band of `c`'s rows. Shapes must agree: `a` is `m × k`, `b` is
/// `k × n`, `c` is `m × n` (checked in debug builds).
///
/// On x86-64 CPUs with AVX2 and FMA this is the crate's own GEMM (`gemm.rs`), elsewhere faer's.
pub(crate) fn dgemm(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
    par: Par,
) {
    debug_assert_eq!(a.ncols(), b.nrows());
    debug_assert_eq!((a.nrows(), b.ncols()), c.dim());
    if c.is_empty() {
        return;
    }
    if alpha == 0.0 || a.ncols() == 0 {
        scale(c, beta);
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if avx2_fma() {
        gemm::gemm(alpha, a, b, beta, c, par.degree());
        return;
    }
    let mut c = as_faer_mut(c);
    if beta == 0.0 {
        faer::linalg::matmul::matmul(c, Accum::Replace, as_faer(a), as_faer(b), alpha, par);
    } else {
        if beta != 1.0 {
            c.copy_from(&(faer::Scale(beta) * c.as_ref()));
        }
        faer::linalg::matmul::matmul(c, Accum::Add, as_faer(a), as_faer(b), alpha, par);
    }
}

/// A left-hand side packed once for several products on one thread ([`dgemm_packed`]): the
/// trailing updates of a blocked factorization multiply one panel by many column blocks.
#[derive(Default)]
pub(crate) struct PackedLhs {
    data: Vec<f64>,
    m: usize,
    k: usize,
    /// Without the AVX2 kernel (or for `k` above its packing depth): `a` copied as it is.
    plain: Option<ndarray::Array2<f64>>,
}

impl PackedLhs {
    /// Packs `a` (`m × k`), reusing this value's storage.
    pub(crate) fn pack(&mut self, a: ArrayView2<'_, f64>) {
        (self.m, self.k) = a.dim();
        #[cfg(target_arch = "x86_64")]
        if avx2_fma() && self.k <= gemm::PACKED_K_MAX {
            self.plain = None;
            gemm::pack_lhs(a, &mut self.data);
            return;
        }
        self.plain = Some(a.to_owned());
    }
}

/// `c = alpha * a @ b + beta * c` on the calling thread for a packed `a` (see [`dgemm`]).
pub(crate) fn dgemm_packed(
    alpha: f64,
    a: &PackedLhs,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
) {
    debug_assert_eq!((a.m, a.k, b.ncols()), (c.nrows(), b.nrows(), c.ncols()));
    if c.is_empty() || alpha == 0.0 || a.k == 0 {
        scale(c, beta);
        return;
    }
    match &a.plain {
        Some(plain) => dgemm(alpha, plain.view(), b, beta, c, Par::Seq),
        #[cfg(target_arch = "x86_64")]
        None => gemm::gemm_packed(alpha, &a.data, a.k, Some(b), beta, c),
        #[cfg(not(target_arch = "x86_64"))]
        None => unreachable!("packed only on x86-64"),
    }
}

/// The row offsets [`dgemm_packed_rows`] takes are multiples of this (the packed micro-panels'
/// height).
pub(crate) const PACKED_ROW_STEP: usize = 8;
#[cfg(target_arch = "x86_64")]
const _: () = assert!(PACKED_ROW_STEP == kernel_avx2::MR);

/// [`dgemm_packed`] with the rows of `a` from `row0` on (`row0` a multiple of
/// [`PACKED_ROW_STEP`]): `c` has `m - row0` rows.
pub(crate) fn dgemm_packed_rows(
    alpha: f64,
    a: &PackedLhs,
    row0: usize,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
) {
    debug_assert!(row0.is_multiple_of(PACKED_ROW_STEP) && row0 <= a.m);
    debug_assert_eq!((a.m - row0, a.k, b.ncols()), (c.nrows(), b.nrows(), c.ncols()));
    if c.is_empty() || alpha == 0.0 || a.k == 0 {
        scale(c, beta);
        return;
    }
    match &a.plain {
        Some(plain) => dgemm(alpha, plain.slice(ndarray::s![row0.., ..]), b, beta, c, Par::Seq),
        #[cfg(target_arch = "x86_64")]
        None => gemm::gemm_packed(alpha, &a.data[row0 * a.k..], a.k, Some(b), beta, c),
        #[cfg(not(target_arch = "x86_64"))]
        None => unreachable!("packed only on x86-64"),
    }
}

/// `c = a @ c` in place on the calling thread, for a packed square `a` (`k × k`, `c` is `k × n`).
pub(crate) fn dgemm_packed_in_place(a: &PackedLhs, c: ArrayViewMut2<'_, f64>) {
    debug_assert_eq!((a.m, a.k), (c.nrows(), c.nrows()));
    if c.is_empty() {
        return;
    }
    if a.k == 0 {
        return;
    }
    match &a.plain {
        Some(plain) => {
            let b = c.to_owned();
            dgemm(1.0, plain.view(), b.view(), 0.0, c, Par::Seq);
        }
        #[cfg(target_arch = "x86_64")]
        None => gemm::gemm_packed(1.0, &a.data, a.k, None, 0.0, c),
        #[cfg(not(target_arch = "x86_64"))]
        None => unreachable!("packed only on x86-64"),
    }
}

/// `c = beta * c` (BLAS: `beta == 0` writes zeros without reading).
fn scale(mut c: ArrayViewMut2<'_, f64>, beta: f64) {
    if beta == 0.0 {
        c.fill(0.0);
    } else if beta != 1.0 {
        c.mapv_inplace(|x| beta * x);
    }
}

/// `out = a @ b` for a real element type: [`dgemm`] for `f64`; for `f32` the crate's `zgemm`
/// (AVX-512F) or faer's GEMM.
pub(crate) trait RealGemm: Sized {
    /// Overwrites `out` (`m × n`) with `a @ b` (`m × k` times `k × n`) on `par`'s threads.
    fn gemm_replace(out: ArrayViewMut2<'_, Self>, a: ArrayView2<'_, Self>, b: ArrayView2<'_, Self>, par: Par);

    /// `a @ b` into a new matrix, C-ordered when `c_order`, Fortran-ordered otherwise.
    fn gemm_new(a: ArrayView2<'_, Self>, b: ArrayView2<'_, Self>, c_order: bool, par: Par) -> Array2<Self>
    where
        Self: Clone + num_traits::Zero,
    {
        let (m, n) = (a.nrows(), b.ncols());
        let mut out = if c_order { crate::scalar::zeros_c(m, n) } else { crate::scalar::zeros_f(m, n) };
        Self::gemm_replace(out.view_mut(), a, b, par);
        out
    }
}

impl RealGemm for f64 {
    fn gemm_replace(out: ArrayViewMut2<'_, f64>, a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>, par: Par) {
        dgemm(1.0, a, b, 0.0, out, par);
    }

    /// Without zero-filling the result first: with `beta == 0` [`dgemm`] writes every element
    /// of `c` and reads none (a fill of 8 MB per 1000 × 1000 product saved).
    fn gemm_new(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>, c_order: bool, par: Par) -> Array2<f64> {
        let shape = (a.nrows(), b.ncols()).set_f(!c_order);
        let len = shape.size();
        let mut v: Vec<f64> = Vec::with_capacity(len);
        sci_array::alloc::advise_huge(v.spare_capacity_mut());
        // SAFETY: the view covers the `len` values of `v`'s allocation, in the layout of
        // `shape`; `dgemm` with `beta == 0` only writes through it (BLAS semantics, see its
        // docs), so every value is initialized, and none read, before `set_len`.
        #[allow(unsafe_code)]
        let out = unsafe { ArrayViewMut2::from_shape_ptr(shape, v.as_mut_ptr()) };
        dgemm(1.0, a, b, 0.0, out, par);
        // SAFETY: all `len` values were written by `dgemm` above.
        #[allow(unsafe_code)]
        unsafe {
            v.set_len(len)
        };
        Array2::from_shape_vec(shape, v).expect("the vector has the shape's size")
    }
}

impl RealGemm for f32 {
    /// The crate's GEMM on AVX-512F (`zgemm`, which has an `f32` kernel), else faer's.
    fn gemm_replace(out: ArrayViewMut2<'_, f32>, a: ArrayView2<'_, f32>, b: ArrayView2<'_, f32>, par: Par) {
        let mut out = out;
        #[cfg(target_arch = "x86_64")]
        if zgemm::zgemm(1.0, a, false, b, false, 0.0, out.view_mut(), par.degree()) {
            return;
        }
        faer::linalg::matmul::matmul(as_faer_mut(out), Accum::Replace, as_faer(a), as_faer(b), 1.0, par);
    }
}

#[cfg(test)]
mod tests;
