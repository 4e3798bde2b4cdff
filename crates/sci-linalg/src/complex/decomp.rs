//! QR, SVD and eigendecompositions of complex matrices.

use faer::ColMut;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::linalg::svd::{self as fsvd, ComputeSvdVectors};
use ndarray::{Array1, Array2, ArrayView2};
use num_complex::Complex;

use super::chol::adjoint;
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr::QrMode;
use crate::scalar::{
    LinalgFloat, as_faer, as_faer_mut, check_finite, check_square_finite, par, to_fortran, zeros_f,
};
use crate::svd::Svd;

fn no_convergence<E>(_: E) -> LinalgError {
    // faer reports only that its iteration budget ran out, not the count.
    LinalgError::NoConvergence { iterations: 0 }
}

/// Complex `qr`: LAPACK's reflectors (`zgeqrf`/`zungqr`), blocked, so `q` and `r` are SciPy's.
pub(crate) fn qr<T: LinalgScalar>(a: ArrayView2<'_, T>, mode: QrMode) -> Result<(Array2<T>, Array2<T>)> {
    super::qr_blocked::qr(a, mode == QrMode::Full)
}

/// Complex `qr_r`: the `(m, n)` `R` of LAPACK's `zgeqrf` (no `Q` formed).
pub(crate) fn qr_r<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<Array2<T>> {
    let (h, _) = super::qr_blocked::geqrf(a)?;
    Ok(crate::qr_raw::upper_rows(&h, h.nrows()))
}

/// faer's SVD with `u` and `v` (`a = u s vᴴ`) as asked; the singular values as reals.
fn faer_svd<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    mode: ComputeSvdVectors,
    u: Option<&mut Array2<T>>,
    v: Option<&mut Array2<T>>,
    driver: crate::SvdDriver,
) -> Result<Array1<RealOf<T>>> {
    let (m, n) = a.dim();
    let mut sv = vec![T::zero(); m.min(n)];
    let par = par();
    let params = crate::svd_faer::faer_params::<T>(driver);
    let mut mem = MemBuffer::new(fsvd::svd_scratch::<T>(m, n, mode, mode, par, params));
    fsvd::svd(
        as_faer(a),
        ColMut::from_slice_mut(&mut sv).as_diagonal_mut(),
        u.map(|u| as_faer_mut(u.view_mut())),
        v.map(|v| as_faer_mut(v.view_mut())),
        par,
        MemStack::new(&mut mem),
        params,
    )
    .map_err(no_convergence)?;
    Ok(sv.into_iter().map(|x| x.re()).collect())
}

pub(crate) fn svd<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    full_matrices: bool,
    driver: crate::SvdDriver,
) -> Result<Svd<T>> {
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let (ur, vr, mode) =
        if full_matrices { (m, n, ComputeSvdVectors::Full) } else { (k, k, ComputeSvdVectors::Thin) };
    let mut u = zeros_f(m, ur);
    let mut v = zeros_f(n, vr);
    let s = faer_svd(a, mode, Some(&mut u), Some(&mut v), driver)?;
    Ok(Svd { u, s, vh: adjoint(v.view()) })
}

pub(crate) fn svdvals<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<Array1<RealOf<T>>> {
    check_finite(&a, "a")?;
    crate::bidiag_values::singular_values(a)
}

/// Hermitian eigenvalues (ascending, real) and optionally the orthonormal eigenvectors.
#[allow(clippy::type_complexity)]
pub(crate) fn eigh<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    lower: bool,
    vectors: bool,
) -> Result<(Array1<RealOf<T>>, Option<Array2<T>>)> {
    let n = check_square_finite(&a, "a")?;
    let mut w = vec![T::zero(); n];
    let mut v = if vectors { Some(zeros_f(n, n)) } else { None };
    if n > 0 {
        // faer reads the lower triangle: for `upper`, that of aᴴ (the same Hermitian matrix).
        let src = if lower { to_fortran(&a) } else { adjoint(a) };
        let par = par();
        let cv = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
        let mut mem = MemBuffer::new(evd::self_adjoint_evd_scratch::<T>(n, cv, par, Default::default()));
        evd::self_adjoint_evd(
            as_faer(src.view()),
            ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
            v.as_mut().map(|v| as_faer_mut(v.view_mut())),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(no_convergence)?;
    }
    Ok((w.into_iter().map(|x| x.re()).collect(), v))
}

/// Eigenvalues and (when `vectors`) unit right eigenvectors, largest component real positive
/// (LAPACK `zgeev`'s normalization).
#[allow(clippy::type_complexity)]
pub(crate) fn eig<R>(
    a: ArrayView2<'_, Complex<R>>,
    vectors: bool,
) -> Result<(Array1<Complex<R>>, Option<Array2<Complex<R>>>)>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
{
    let n = check_square_finite(&a, "a")?;
    let mut w = vec![Complex::new(R::zero(), R::zero()); n];
    let mut v = if vectors { Some(zeros_f(n, n)) } else { None };
    if n > 0 {
        let par = par();
        let cv = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
        let mut mem = MemBuffer::new(evd::evd_scratch::<Complex<R>>(
            n,
            ComputeEigenvectors::No,
            cv,
            par,
            Default::default(),
        ));
        evd::evd_cplx(
            as_faer(a),
            ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
            None,
            v.as_mut().map(|v| as_faer_mut(v.view_mut())),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(no_convergence)?;
        if let Some(v) = v.as_mut() {
            crate::eig::normalize_columns(v);
        }
    }
    Ok((Array1::from(w), v))
}
