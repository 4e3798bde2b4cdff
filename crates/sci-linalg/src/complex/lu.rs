//! LU-based routines for complex matrices: `det`, `slogdet`, `inv` (the factorization itself
//! is [`PackedLu::factor_faer`], shared with the real routines).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting as pp;
use ndarray::{Array2, ArrayView2};
use num_traits::{Float, Zero};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::PackedLu;
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, to_fortran, zeros_f};
use crate::warning::Estimate;

pub(crate) fn det<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<T> {
    check_square_finite(&a, "a")?;
    let f = PackedLu::factor_faer(to_fortran(&a));
    let mut d = if f.transpositions % 2 == 0 { T::one() } else { T::zero() - T::one() };
    for &x in f.lu.diag() {
        d *= x;
    }
    Ok(d)
}

/// NumPy's `slogdet`: `sign` of modulus 1 (0 for a singular matrix) and `log|det|`.
pub(crate) fn slogdet<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<(T, RealOf<T>)> {
    check_square_finite(&a, "a")?;
    let f = PackedLu::factor_faer(to_fortran(&a));
    let mut sign = if f.transpositions % 2 == 0 { T::one() } else { T::zero() - T::one() };
    let mut logdet = RealOf::<T>::zero();
    for &d in f.lu.diag() {
        let r = d.modulus();
        if r.is_zero() {
            return Ok((T::zero(), RealOf::<T>::neg_infinity()));
        }
        sign *= d / T::from_real(r);
        logdet += r.ln();
    }
    Ok((sign, logdet))
}

pub(crate) fn inv<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    let n = check_square_finite(&a, "a")?;
    let f = PackedLu::factor_faer(to_fortran(&a));
    if let Some(pivot) = f.zero_pivot() {
        return Err(LinalgError::Singular { pivot });
    }
    let est = (estimate && n > 1)
        .then(|| Estimate::of(crate::condest::lu_rcond(f.lu.view(), false, crate::condest::norm1(&a))));
    let mut out = zeros_f(n, n);
    let par = par();
    let mut mem = MemBuffer::new(pp::inverse::inverse_scratch::<usize, T>(n, par));
    let l = as_faer(f.lu.view());
    pp::inverse::inverse(as_faer_mut(out.view_mut()), l, l, f.perm_ref(), par, MemStack::new(&mut mem));
    Ok((out, est))
}
