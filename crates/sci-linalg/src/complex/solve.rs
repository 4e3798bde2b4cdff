//! `solve` for complex matrices, with SciPy's `assume_a` (including `'her'`).

use ndarray::{Array, ArrayView, ArrayView2, Dimension};

use super::chol::cholesky_lower;
use crate::condest;
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::lu::PackedLu;
use crate::lu::Trans;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, to_fortran};
use crate::solve::{
    AssumeA, SolveOptions, diagonal_estimate, diagonal_in_place, triangular_in_place, tridiagonal_in_place,
};
use crate::sym_factor::SymFactor;
use crate::warning::Estimate;

pub(crate) fn solve_with<T: LinalgScalar, D: Dimension>(
    a: ArrayView2<'_, T>,
    b: ArrayView<'_, T, D>,
    opts: SolveOptions,
    estimate: bool,
) -> Result<(Array<T, D>, Option<Estimate>)> {
    let n = check_square_finite(&a, "a")?;
    let mut x = rhs_matrix(&b, n, "b")?;
    // SciPy estimates nothing for an empty system or a 1×1 `a`.
    // SciPy estimates for every non-empty banded system (1×1 included).
    let banded_estimate = estimate;
    let estimate = estimate && n > 1 && x.ncols() > 0;
    // LU solve; with `estimate` also gecon's rcond.
    let lu_solve = |m: ArrayView2<'_, T>, x: &mut ndarray::Array2<T>, transposed: bool| {
        let f = PackedLu::factor_faer(to_fortran(&m));
        if let Some(pivot) = f.zero_pivot() {
            return Err(LinalgError::Singular { pivot });
        }
        f.solve_in_place(x, transposed);
        let anorm = || condest::norm1(&m);
        Ok(estimate.then(|| condest::lu_rcond(f.lu.view(), false, anorm())))
    };
    let mut rcond = None;
    // Hermitian a: aᵀ = conj(a), so aᵀ x = b is a conj(x) = conj(b).
    let conj_trick =
        opts.transposed && matches!(opts.assume_a, AssumeA::Hermitian | AssumeA::PositiveDefinite);
    if conj_trick {
        x.mapv_inplace(T::conj);
    }
    match opts.assume_a {
        AssumeA::General => rcond = lu_solve(a, &mut x, opts.transposed)?,
        AssumeA::Banded => {
            // gbsv and gbcon; with `transposed` the band of aᵀ is factored and solved (SciPy
            // refuses transposed complex systems, this crate solves them for every kind)
            let est = crate::band_solve::banded_in_place(a.view(), &mut x, opts.transposed)?;
            return Ok((rhs_back(x, b.ndim()), est.filter(|_| banded_estimate)));
        }
        AssumeA::Symmetric | AssumeA::Hermitian => {
            // sysv/hesv (Bunch–Kaufman) and sycon/hecon
            let her = opts.assume_a == AssumeA::Hermitian;
            let f = SymFactor::new(a, opts.lower, her)?;
            f.solve_in_place(&mut x);
            if estimate {
                rcond = Some(f.rcond(condest::norm1_sym(&a, opts.lower, her)));
            }
        }
        AssumeA::PositiveDefinite => {
            let l = cholesky_lower(a, opts.lower)?;
            let lf = as_faer(l.view());
            let mut m = as_faer_mut(x.view_mut());
            let par = par();
            faer::linalg::triangular_solve::solve_lower_triangular_in_place(lf, m.as_mut(), par);
            faer::linalg::triangular_solve::solve_upper_triangular_in_place(lf.adjoint(), m, par);
            if estimate {
                let anorm = condest::norm1_sym(&a, opts.lower, true);
                rcond = Some(condest::cholesky_rcond(l.view(), anorm));
            }
        }
        AssumeA::Diagonal => {
            diagonal_in_place(&a, &mut x)?;
            if estimate {
                return Ok((rhs_back(x, b.ndim()), Some(diagonal_estimate(&a))));
            }
        }
        AssumeA::Tridiagonal => {
            let trans = if opts.transposed { Trans::T } else { Trans::N };
            rcond = tridiagonal_in_place(&a, &mut x, trans, estimate)?;
        }
        AssumeA::UpperTriangular | AssumeA::LowerTriangular => {
            let lower = opts.assume_a == AssumeA::LowerTriangular;
            triangular_in_place(&a, &mut x, lower, opts.transposed, false)?;
            if estimate {
                rcond = Some(condest::triangular_rcond(&a, lower));
            }
        }
    }
    if conj_trick {
        x.mapv_inplace(T::conj);
    }
    Ok((rhs_back(x, b.ndim()), rcond.map(Estimate::of)))
}
