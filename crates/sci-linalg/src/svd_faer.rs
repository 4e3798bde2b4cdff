//! faer's SVD behind the real `svd` (the pure-Rust backend): threads, tuning, and the
//! padding of cache-unfriendly strides.

use faer::ColMut;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::svd::{self as fsvd, ComputeSvdVectors};
use ndarray::{Array1, Array2, s};

use crate::error::Result;
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, zeros_c, zeros_f};
use crate::svd::{Svd, SvdDriver, svd_err};

/// faer's SVD of `a` (no finiteness check): `u` column-major, `vh` C-ordered.
///
/// faer bidiagonalizes a copy of `a` (of its transpose when wide) whose columns are
/// `max(m, n)` rounded up to whole SIMD vectors apart. When that stride is a multiple of
/// 2 KiB, the row sweeps of the unblocked bidiagonalization keep hitting the same cache sets:
/// measured here, 512 x 512 took 94 ms and 520 x 512 75 ms, 256 x 256 15.1 ms and 264 x 264
/// 13.5 ms. Such an `a` gets [`ALIAS_PAD`] zero rows (columns when wide) appended: they do
/// not change `s` or the other factor, and the rows of `u` they add stay exactly zero (every
/// reflector and update is zero there), so they are dropped. Not done for `full_matrices` with
/// `m != n`, where the padded `u` would be the wrong size.
pub(crate) fn faer_svd<T: LinalgFloat>(
    a: ndarray::ArrayView2<'_, T>,
    full_matrices: bool,
    driver: SvdDriver,
) -> Result<Svd<T>> {
    let (m, n) = a.dim();
    if full_matrices && m != n {
        return faer_svd_plain(a, true, driver);
    }
    let Some(p) = padded(a) else { return faer_svd_plain(a, full_matrices, driver) };
    let d = faer_svd_plain(p.view(), false, driver)?;
    Ok(if m >= n {
        Svd { u: crate::scalar::to_fortran(&d.u.slice(s![..m, ..])), s: d.s, vh: d.vh }
    } else {
        let mut vh = zeros_c(m, n);
        vh.assign(&d.vh.slice(s![.., ..n]));
        Svd { u: d.u, s: d.s, vh }
    })
}

/// `a` with [`ALIAS_PAD`] zero rows appended (zero columns when wide) when faer's working
/// copy would have a column stride of a multiple of 2 KiB (see [`faer_svd`]); `None` otherwise.
pub(crate) fn padded<T: LinalgFloat>(a: ndarray::ArrayView2<'_, T>) -> Option<Array2<T>> {
    let (m, n) = a.dim();
    let lanes = 64 / std::mem::size_of::<T>();
    let stride_bytes = m.max(n).div_ceil(lanes) * lanes * std::mem::size_of::<T>();
    if !stride_bytes.is_multiple_of(2048) || m.min(n) == 0 {
        return None;
    }
    let mut p = if m >= n { zeros_f(m + ALIAS_PAD, n) } else { zeros_c(m, n + ALIAS_PAD) };
    p.slice_mut(s![..m, ..n]).assign(&a);
    Some(p)
}

/// Rows (or columns) [`faer_svd`] appends to break a 2 KiB column stride.
const ALIAS_PAD: usize = 8;

/// [`faer_svd`] without the padding.
pub(crate) fn faer_svd_plain<T: LinalgFloat>(
    a: ndarray::ArrayView2<'_, T>,
    full_matrices: bool,
    driver: SvdDriver,
) -> Result<Svd<T>> {
    let (m, n) = a.dim();
    let k = m.min(n);
    let (ur, vr, mode) =
        if full_matrices { (m, n, ComputeSvdVectors::Full) } else { (k, k, ComputeSvdVectors::Thin) };
    let mut u = zeros_f(m, ur);
    // vh is C-ordered so that its transpose, faer's V, is column-major.
    let mut vh = zeros_c(vr, n);
    let mut sv = vec![T::zero(); k];
    let (par, params) = svd_par(m, n, driver);
    let mut mem = MemBuffer::new(fsvd::svd_scratch::<T>(m, n, mode, mode, par, params));
    fsvd::svd(
        as_faer(a),
        ColMut::from_slice_mut(&mut sv).as_diagonal_mut(),
        Some(as_faer_mut(u.view_mut())),
        Some(as_faer_mut(vh.view_mut().reversed_axes())),
        par,
        MemStack::new(&mut mem),
        params,
    )
    .map_err(svd_err)?;
    Ok(Svd { u, s: Array1::from(sv), vh })
}

/// faer's threads and tuning for an `(m, n)` SVD with vectors.
///
/// The bidiagonalization stays on one thread: faer splits every column's update over rayon,
/// which measured no faster on two cores (500 x 500: 65 ms either way). The divide and
/// conquer of the bidiagonal matrix runs its two halves on two threads, and recurses down to
/// blocks of [`SVD_LEAF`] (faer's default 128; LAPACK's `dbdsdc` stops at 25). Measured on
/// 500 x 500 (ms, one thread and leaves of 128 -> this): 65 -> 52; 200 x 200: 6.7 -> 6.1;
/// 128 x 128 was slower on two threads (2.7 -> 3.2), hence the threshold.
///
/// [`SvdDriver::Gesvd`] runs faer's bidiagonal QR iteration on the whole matrix (on one
/// thread), which is LAPACK `gesvd`'s method.
fn svd_par<T: LinalgFloat>(
    m: usize,
    n: usize,
    driver: SvdDriver,
) -> (faer::Par, faer::Spec<fsvd::SvdParams, T>) {
    let k = m.min(n);
    let mut params: fsvd::SvdParams = faer::Auto::<T>::auto();
    params.bidiag.par_threshold = usize::MAX;
    if driver == SvdDriver::Gesvd {
        params.recursion_threshold = usize::MAX;
        return (faer::Par::Seq, params.into());
    }
    params.recursion_threshold = SVD_LEAF;
    (par_for(Kernel::SvdMerge, 8.0 * gemm_flops(k, k, k)), params.into())
}

/// faer's SVD parameters for `driver` with its default tuning (the complex SVD).
pub(crate) fn faer_params<T: faer::traits::ComplexField>(
    driver: SvdDriver,
) -> faer::Spec<fsvd::SvdParams, T> {
    let mut params: fsvd::SvdParams = faer::Auto::<T>::auto();
    if driver == SvdDriver::Gesvd {
        params.recursion_threshold = usize::MAX;
    }
    params.into()
}

/// Leaf size of the bidiagonal divide and conquer (see [`svd_par`]).
const SVD_LEAF: usize = 32;
