//! Least squares, pseudo-inverse, norms, rank and the exponential of complex matrices.

use ndarray::{Array1, Array2, ArrayView, ArrayView2, Axis, Dimension, Ix2, s};
use num_complex::Complex;

use super::chol::adjoint;
use super::decomp::{svd, svdvals};
use num_traits::{Float, Zero};

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lstsq::Lstsq;
use crate::norm::{NormOrd, norm_real};
use crate::products::matmul_unchecked as matmul;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, check_finite, check_square_finite, zeros_f};

/// `U[:, :r] / s[:r]`: the first `r` left singular vectors divided by their singular values.
fn scaled_u<T: LinalgScalar>(u: &Array2<T>, sv: &Array1<RealOf<T>>, r: usize) -> Array2<T> {
    let mut us = zeros_f(u.nrows(), r);
    us.assign(&u.slice(s![.., ..r]));
    for (mut col, &x) in us.columns_mut().into_iter().zip(sv.iter()) {
        col.mapv_inplace(|z| z / T::from_real(x));
    }
    us
}

/// Rows per column from which [`lstsq`] factors `a = Q R` first (LAPACK `zgelsd`'s
/// `m ≥ 1.6 n` crossover, rounded).
const QR_FIRST_RATIO: usize = 2;

/// Minimum-norm least squares from the SVD (as LAPACK `zgelsd`). For a tall `a` (at least
/// [`QR_FIRST_RATIO`] rows per column) the QR-first route shared with real input
/// ([`crate::lstsq::lstsq_tall`]).
pub(crate) fn lstsq<T: LinalgScalar, D: Dimension>(
    a: ArrayView2<'_, T>,
    b: ArrayView<'_, T, D>,
    cond: Option<RealOf<T>>,
) -> Result<Lstsq<T, D>> {
    let (m, n) = a.dim();
    check_finite(&a, "a")?;
    let bm = rhs_matrix(&b, m, "b")?;
    let cond = cond.unwrap_or_else(RealOf::<T>::epsilon);
    if n > 0 && m >= QR_FIRST_RATIO * n && bm.ncols() > 0 {
        let (x, residues, rank, sv) = crate::lstsq::lstsq_tall(a, &bm, cond)?;
        return Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: sv });
    }
    let d = svd(a, false, crate::SvdDriver::Gesdd)?;
    let cutoff = d.s.first().map_or(RealOf::<T>::zero(), |&s0| cond * s0);
    let rank = d.s.iter().filter(|&&x| x > cutoff).count();
    // x = V[:, :r] · (U[:, :r] / s[:r])ᴴ · b
    let c = matmul(adjoint(scaled_u(&d.u, &d.s, rank).view()).view(), bm.view());
    let x = matmul(adjoint(d.vh.slice(s![..rank, ..])).view(), c.view());
    let residues = if m > n && rank == n {
        let r = &bm - &matmul(a, x.view());
        r.map_axis(Axis(0), |col| col.iter().fold(RealOf::<T>::zero(), |acc, z| acc + z.modulus().powi(2)))
    } else {
        Array1::zeros(0)
    };
    Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: d.s })
}

pub(crate) fn pinv<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    atol: Option<RealOf<T>>,
    rtol: Option<RealOf<T>>,
) -> Result<(Array2<T>, usize)> {
    let (m, n) = a.dim();
    let d = svd(a, false, crate::SvdDriver::Gesdd)?;
    let smax = d.s.first().copied().unwrap_or(RealOf::<T>::zero());
    let rtol = rtol.unwrap_or_else(|| RealOf::<T>::lit(m.max(n) as f64) * RealOf::<T>::epsilon());
    let val = atol.unwrap_or(RealOf::<T>::zero()) + rtol * smax;
    let rank = d.s.iter().filter(|&&x| x > val).count();
    // pinv = V[:, :r] · (U[:, :r] / s[:r])ᴴ
    let us = adjoint(scaled_u(&d.u, &d.s, rank).view());
    Ok((matmul(adjoint(d.vh.slice(s![..rank, ..])).view(), us.view()), rank))
}

/// Every norm except the spectral ones depends on the moduli only, so it is the real norm of
/// `|a|`; the nuclear and (-)2-norms of a matrix come from its singular values.
pub(crate) fn norm<T: LinalgScalar, D: Dimension>(
    a: ArrayView<'_, T, D>,
    ord: Option<NormOrd>,
) -> Result<RealOf<T>> {
    check_finite(&a, "a")?;
    if let (2, Some(o @ (NormOrd::Nuc | NormOrd::P(2.0) | NormOrd::P(-2.0)))) = (a.ndim(), ord) {
        let m = a.into_dimensionality::<Ix2>().expect("ndim is 2");
        let sv = svdvals(m)?;
        return match o {
            NormOrd::Nuc => Ok(sv.sum()),
            NormOrd::P(p) if p > 0.0 => Ok(crate::norm::max0(sv)),
            _ => crate::norm::min_or_err(sv),
        };
    }
    norm_real(&a.mapv(T::modulus), ord)
}

pub(crate) fn matrix_rank<T: LinalgScalar>(a: ArrayView2<'_, T>, tol: Option<RealOf<T>>) -> Result<usize> {
    let sv = svdvals(a)?;
    let smax = sv.iter().copied().fold(RealOf::<T>::zero(), RealOf::<T>::max);
    let tol = tol
        .unwrap_or_else(|| smax * RealOf::<T>::lit(a.nrows().max(a.ncols()) as f64) * RealOf::<T>::epsilon());
    Ok(sv.iter().filter(|&&x| x > tol).count())
}

/// `expm` of `a = x + i y` from the real exponential of `[[x, -y], [y, x]]`, which is
/// `[[Re e, -Im e], [Im e, Re e]]` with `e = expm(a)`.
pub(crate) fn expm<R>(a: ArrayView2<'_, Complex<R>>) -> Result<Array2<Complex<R>>>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
{
    let n = check_square_finite(&a, "a")?;
    let mut big = zeros_f::<R>(2 * n, 2 * n);
    for ((i, j), z) in a.indexed_iter() {
        big[[i, j]] = z.re;
        big[[i + n, j + n]] = z.re;
        big[[i, j + n]] = -z.im;
        big[[i + n, j]] = z.im;
    }
    let e = crate::matfuncs::expm_real(&big)?;
    let mut out = zeros_f(n, n);
    for ((i, j), z) in out.indexed_iter_mut() {
        *z = Complex::new(e[[i, j]], e[[i + n, j]]);
    }
    Ok(out)
}
