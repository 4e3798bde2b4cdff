//! Cholesky factorization of Hermitian positive definite matrices: `A = L Lᴴ = Uᴴ U`.

use ndarray::{Array2, ArrayView2};

use crate::cholesky::{ChoFactor, llt_lower_in_place};
use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{check_square_finite, zeros_f};

/// The lower factor `L` (`A = L Lᴴ`, zeros above the diagonal), reading the lower triangle of
/// `a` when `lower`, else the upper one (as the conjugate of the lower). Checks square and
/// finite.
pub(crate) fn cholesky_lower<T: LinalgScalar>(a: ArrayView2<'_, T>, lower: bool) -> Result<Array2<T>> {
    let n = check_square_finite(&a, "a")?;
    let mut l = zeros_f(n, n);
    for j in 0..n {
        for i in j..n {
            l[[i, j]] = if lower { a[[i, j]] } else { a[[j, i]].conj() };
        }
    }
    llt_lower_in_place(&mut l)?;
    Ok(l)
}

/// The conjugate transpose as a new Fortran-order matrix.
pub(crate) fn adjoint<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Array2<T> {
    let mut out = zeros_f(a.ncols(), a.nrows());
    out.zip_mut_with(&a.t(), |o, &x| *o = x.conj());
    out
}

pub(crate) fn cholesky<T: LinalgScalar>(a: ArrayView2<'_, T>, lower: bool) -> Result<Array2<T>> {
    let l = cholesky_lower(a, lower)?;
    Ok(if lower { l } else { adjoint(l.view()) })
}

pub(crate) fn cho_factor<T: LinalgScalar>(a: ArrayView2<'_, T>, lower: bool) -> Result<ChoFactor<T>> {
    let l = cholesky_lower(a, lower)?;
    let n = l.nrows();
    let mut c = zeros_f(n, n);
    c.assign(&a);
    for j in 0..n {
        for i in j..n {
            if lower {
                c[[i, j]] = l[[i, j]];
            } else {
                c[[j, i]] = l[[i, j]].conj();
            }
        }
    }
    Ok(ChoFactor { c, lower })
}
