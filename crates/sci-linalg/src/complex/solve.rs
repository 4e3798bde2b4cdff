//! `solve` for complex matrices, with SciPy's `assume_a` (including `'her'`).

use ndarray::{Array, ArrayView, ArrayView2, Dimension};

use super::chol::cholesky_lower;
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::lu::PackedLu;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, to_fortran, zeros_f};
use crate::solve::{AssumeA, DiagOffset, SolveOptions, gtsv, triangular_in_place};

pub(crate) fn solve_with<T: LinalgScalar, D: Dimension>(
    a: ArrayView2<'_, T>,
    b: ArrayView<'_, T, D>,
    opts: SolveOptions,
) -> Result<Array<T, D>> {
    let n = check_square_finite(&a, "a")?;
    let mut x = rhs_matrix(&b, n, "b")?;
    let lu_solve = |m: ArrayView2<'_, T>, x: &mut ndarray::Array2<T>, transposed: bool| {
        let f = PackedLu::factor_faer(to_fortran(&m));
        if let Some(pivot) = f.zero_pivot() {
            return Err(LinalgError::Singular { pivot });
        }
        f.solve_in_place(x, transposed);
        Ok(())
    };
    // Hermitian a: aᵀ = conj(a), so aᵀ x = b is a conj(x) = conj(b).
    let conj_trick =
        opts.transposed && matches!(opts.assume_a, AssumeA::Hermitian | AssumeA::PositiveDefinite);
    if conj_trick {
        x.mapv_inplace(T::conj);
    }
    match opts.assume_a {
        // 'banded': no complex band LU here; the dense LU gives the same solution.
        AssumeA::General | AssumeA::Banded => lu_solve(a, &mut x, opts.transposed)?,
        AssumeA::Symmetric | AssumeA::Hermitian => {
            let her = opts.assume_a == AssumeA::Hermitian;
            let mut s = zeros_f(n, n);
            for j in 0..n {
                for i in 0..n {
                    let stored = (i >= j) == opts.lower;
                    let v = if stored { a[[i, j]] } else { a[[j, i]] };
                    s[[i, j]] = if !her || stored { v } else { v.conj() };
                }
                if her {
                    // LAPACK's hetrf reads only the real part of the diagonal.
                    s[[j, j]] = T::from_real(a[[j, j]].re());
                }
            }
            lu_solve(s.view(), &mut x, false)?;
        }
        AssumeA::PositiveDefinite => {
            let l = cholesky_lower(a, opts.lower)?;
            let lf = as_faer(l.view());
            let mut m = as_faer_mut(x.view_mut());
            let par = par();
            faer::linalg::triangular_solve::solve_lower_triangular_in_place(lf, m.as_mut(), par);
            faer::linalg::triangular_solve::solve_upper_triangular_in_place(lf.adjoint(), m, par);
        }
        AssumeA::Diagonal => {
            let d = a.diag();
            if let Some(pivot) = d.iter().position(|v| v.is_zero()) {
                return Err(LinalgError::Singular { pivot });
            }
            for mut col in x.columns_mut() {
                col.zip_mut_with(&d, |v, &di| *v /= di);
            }
        }
        AssumeA::Tridiagonal => {
            let (sub, sup) = if opts.transposed { (1isize, -1isize) } else { (-1, 1) };
            gtsv(a.diag_offset(sub).to_vec(), a.diag().to_vec(), a.diag_offset(sup).to_vec(), &mut x)?;
        }
        AssumeA::UpperTriangular | AssumeA::LowerTriangular => {
            let lower = opts.assume_a == AssumeA::LowerTriangular;
            triangular_in_place(&a, &mut x, lower, opts.transposed, false)?;
        }
    }
    if conj_trick {
        x.mapv_inplace(T::conj);
    }
    Ok(rhs_back(x, b.ndim()))
}
