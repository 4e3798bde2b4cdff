//! `inv` with SciPy 1.17's `assume_a` and `lower`: the structure test SciPy makes when
//! `assume_a` is not given, and the diagonal, triangular, Cholesky and symmetric inverses.

use faer::linalg::triangular_inverse as ti;
use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2};

use crate::complex::chol::cholesky_lower;
use crate::condest;
use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{as_faer, as_faer_mut, check_finite, check_square, par, zeros_f};
use crate::solve::{AssumeA, diagonal_estimate};
use crate::sym_factor::SymFactor;
use crate::warning::{Estimate, InvReport, LinAlgWarning, WarningAction};

/// Keyword options of [`inv_with`] and [`inv_report_with`]; `Default` gives SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_linalg::{AssumeA, InvOptions};
/// let opts = InvOptions { assume_a: Some(AssumeA::PositiveDefinite), lower: true };
/// assert_eq!(InvOptions::default(), InvOptions { assume_a: None, lower: false });
/// # let _ = opts;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InvOptions {
    /// The structure of `a` (SciPy's `assume_a`): `General`, `Diagonal`, `UpperTriangular`,
    /// `LowerTriangular`, `PositiveDefinite`, `Symmetric` or `Hermitian`. `None` (the default)
    /// inspects `a` as SciPy does: diagonal, else upper or lower triangular (by the zero
    /// pattern), else symmetric or Hermitian (exact equality of mirrored entries; Cholesky
    /// first, the symmetric indefinite inverse when that fails), else general. The test stops
    /// at the first entry that rules a structure out, so a dense general `a` costs `O(1)`
    /// extra. `Tridiagonal` and `Banded` are not options of SciPy's `inv` (an error here).
    pub assume_a: Option<AssumeA>,
    /// For `PositiveDefinite`, `Symmetric` and `Hermitian`: read the lower triangle instead of
    /// the upper one (default `false`, as SciPy); the other triangle is not referenced.
    pub lower: bool,
}

/// The inverse of a square matrix with SciPy's `assume_a` and `lower` options.
///
/// | `assume_a` | method (SciPy's LAPACK routine) | entries read |
/// |---|---|---|
/// | `General` | LU with partial pivoting (`getrf`/`getri`) | all |
/// | `Diagonal` | `1/aᵢᵢ` | the diagonal |
/// | `UpperTriangular`, `LowerTriangular` | triangular inverse (`trtri`) | that triangle |
/// | `PositiveDefinite` | Cholesky `a = L Lᴴ`, `a⁻¹ = L⁻ᴴ L⁻¹` (`potrf`/`potri`) | the `lower` or upper triangle |
/// | `Symmetric`, `Hermitian` | Bunch–Kaufman `L D Lᵀ` / `L D Lᴴ` (`sytrf`/`hetrf`), inverse by solving with the identity (SciPy: `sytri`/`hetri`; same inverse up to rounding) | the `lower` or upper triangle |
///
/// The result of the last three is exactly symmetric (Hermitian for `PositiveDefinite` and
/// `Hermitian`), its other triangle mirrored from the computed one, as SciPy's. An explicit
/// `Diagonal` returns the inverse of the diagonal part, with zeros elsewhere (SciPy 1.17.1
/// returns the unread off-diagonal entries unchanged there, which is not an inverse).
/// An empty `a` gives an empty inverse.
///
/// SciPy equivalent: `scipy.linalg.inv(a, assume_a=..., lower=...)`; [`inv`](crate::inv) is
/// `inv_with(a, &InvOptions::default())`.
///
/// # Errors
///
/// [`LinalgError::Singular`] for an exactly singular `a` (a zero diagonal entry for the
/// diagonal and triangular cases, a zero pivot otherwise), [`LinalgError::NotPositiveDefinite`]
/// when `PositiveDefinite` is given and the Cholesky factorization fails (SciPy raises
/// `LinAlgError`), [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], and an
/// invalid-value error for `Tridiagonal` and `Banded` (SciPy: `KeyError`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{inv_with, AssumeA, InvOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // Only the upper triangle is read with 'pos' (the 9.0 below the diagonal is ignored).
/// let a = array![[4.0, 2.0], [9.0, 3.0]];
/// let pos = InvOptions { assume_a: Some(AssumeA::PositiveDefinite), lower: false };
/// assert_allclose(&inv_with(&a, &pos)?, &array![[0.375, -0.25], [-0.25, 0.5]], 1e-15, 0.0);
/// // None: an upper triangular `a` is detected and its inverse is exactly upper triangular.
/// let u = array![[2.0, 5.0], [0.0, 4.0]];
/// assert_eq!(inv_with(&u, &InvOptions::default())?, array![[0.5, -0.625], [0.0, 0.25]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn inv_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &InvOptions,
) -> Result<Array2<T>> {
    Ok(inv_structured(a.view(), opts, false)?.0)
}

/// [`inv_with`] that also returns the reciprocal condition number estimate and the
/// [`LinAlgWarning`] SciPy 1.17's `inv` emits for the structure it inverts (or, with
/// `ill_conditioned` set to [`WarningAction::Error`], fails instead).
///
/// The estimate is the one SciPy's branch makes: `gecon` on the LU factors (general),
/// `1 / (max|aᵢᵢ| · max|1/aᵢᵢ|)` (diagonal; SciPy's message then prints the condition number
/// itself), `trcon` of the computed triangular inverse (triangular), `pocon` on the Cholesky
/// factor (positive definite), `sycon`/`hecon`'s `inv(a)` estimate (symmetric, Hermitian).
/// `rcond` is `None` for an empty `a` and for a `1×1` `a` inverted as general.
///
/// SciPy equivalent: `scipy.linalg.inv(a, assume_a=..., lower=...)` run under
/// `warnings.catch_warnings(record=True)`.
///
/// # Errors
///
/// As [`inv_with`], plus [`LinalgError::IllConditioned`] under [`WarningAction::Error`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{inv_report_with, InvOptions, LinalgError, WarningAction};
/// use sci_linalg::sci_array::ndarray::array;
/// // Detected as diagonal; SciPy warns "... slice 0 has rcond = 1e+17."
/// let d = array![[1.0, 0.0], [0.0, 1e-17]];
/// let r = inv_report_with(&d, &InvOptions::default(), WarningAction::Ignore)?;
/// assert_eq!(r.inv, array![[1.0, 0.0], [0.0, 1e17]]);
/// assert_eq!(r.warning.unwrap().to_string(), "An ill-conditioned matrix detected: slice 0 has rcond = 1e+17.");
/// let strict = inv_report_with(&d, &InvOptions::default(), WarningAction::Error);
/// assert!(matches!(strict, Err(LinalgError::IllConditioned(_))));
/// # Ok::<(), LinalgError>(())
/// ```
pub fn inv_report_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &InvOptions,
    ill_conditioned: WarningAction,
) -> Result<InvReport<T>> {
    let (inv, est) = inv_structured(a.view(), opts, true)?;
    let warning = est.and_then(LinAlgWarning::new_if);
    if let (Some(w), WarningAction::Error) = (warning, ill_conditioned) {
        return Err(LinalgError::IllConditioned(w));
    }
    Ok(InvReport { inv, rcond: est.map(|e| e.rcond), warning })
}

/// The inverse by the structure `opts` gives or detects; with `estimate` also SciPy's
/// condition estimate for that structure.
pub(crate) fn inv_structured<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    opts: &InvOptions,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    let n = check_square(&a, "a")?;
    if n == 0 {
        check_finite(&a, "a")?;
        return Ok((Array2::zeros((0, 0)), None));
    }
    // With detection, a symmetric (Hermitian) `a` tries Cholesky first and falls back.
    let (kind, fallback) = match opts.assume_a {
        Some(k) => (k, false),
        None => detect(a),
    };
    if kind == AssumeA::General {
        // The general inverse checks finiteness itself (one pass over `a`, not two).
        return T::inv_k(a, estimate);
    }
    check_finite(&a, "a")?;
    match kind {
        AssumeA::Diagonal => diagonal(a, estimate),
        AssumeA::UpperTriangular | AssumeA::LowerTriangular => {
            triangular(a, kind == AssumeA::LowerTriangular, estimate)
        }
        AssumeA::PositiveDefinite => match positive_definite(a, opts.lower, estimate) {
            Err(LinalgError::NotPositiveDefinite { .. }) if fallback => {
                symmetric(a, opts.lower, T::IS_COMPLEX, estimate)
            }
            r => r,
        },
        AssumeA::Symmetric => symmetric(a, opts.lower, false, estimate),
        AssumeA::Hermitian => symmetric(a, opts.lower, T::IS_COMPLEX, estimate),
        _ => Err(invalid("assume_a", format!("{kind:?} is not an option of inv"))),
    }
}

/// SciPy's structure test for `assume_a=None` on a nonempty square `a`: the structure and
/// whether a failed Cholesky falls back to the symmetric inverse.
fn detect<T: LinalgScalar>(a: ArrayView2<'_, T>) -> (AssumeA, bool) {
    let n = a.nrows();
    let zero = T::zero();
    // From the far corner inwards, so that a dense matrix is ruled out at once.
    let lower_zero = (0..n).all(|c| (c + 1..n).rev().all(|r| a[[r, c]] == zero));
    let upper_zero = (0..n).rev().all(|c| (0..c).all(|r| a[[r, c]] == zero));
    match (lower_zero, upper_zero) {
        (true, true) => return (AssumeA::Diagonal, false),
        (true, false) => return (AssumeA::UpperTriangular, false),
        (false, true) => return (AssumeA::LowerTriangular, false),
        _ => {}
    }
    let (mut sym, mut her) = (true, T::IS_COMPLEX);
    for i in 0..n {
        for j in 0..=i {
            let (x, y) = (a[[i, j]], a[[j, i]]);
            sym &= x == y;
            her &= x == y.conj();
            if !sym && !her {
                return (AssumeA::General, false);
            }
        }
    }
    if her {
        (AssumeA::PositiveDefinite, true)
    } else if T::IS_COMPLEX {
        // complex symmetric, not Hermitian
        (AssumeA::Symmetric, false)
    } else {
        (AssumeA::PositiveDefinite, true)
    }
}

/// The first exactly zero diagonal entry as a [`LinalgError::Singular`].
fn zero_diagonal<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<()> {
    match a.diag().iter().position(|v| *v == T::zero()) {
        Some(pivot) => Err(LinalgError::Singular { pivot }),
        None => Ok(()),
    }
}

fn diagonal<T: LinalgScalar>(a: ArrayView2<'_, T>, estimate: bool) -> Result<(Array2<T>, Option<Estimate>)> {
    zero_diagonal(a)?;
    let n = a.nrows();
    let mut out = Array2::zeros((n, n));
    for (o, &d) in out.diag_mut().iter_mut().zip(a.diag()) {
        *o = T::one() / d;
    }
    Ok((out, estimate.then(|| diagonal_estimate(&a))))
}

fn triangular<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    lower: bool,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    zero_diagonal(a)?;
    let n = a.nrows();
    let mut out = zeros_f(n, n);
    let (dst, src) = (as_faer_mut(out.view_mut()), as_faer(a));
    if lower {
        ti::invert_lower_triangular(dst, src, par());
    } else {
        ti::invert_upper_triangular(dst, src, par());
    }
    zero_other_triangle(&mut out, lower);
    // SciPy runs trcon on the inverse trtri returned.
    let est = estimate.then(|| Estimate::of(condest::triangular_rcond(&out, lower)));
    Ok((out, est))
}

fn positive_definite<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    lower: bool,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    let l = cholesky_lower(a, lower)?;
    let est = estimate.then(|| {
        let anorm = condest::norm1_sym(&a, lower, true);
        Estimate::of(condest::cholesky_rcond(l.view(), anorm))
    });
    // a⁻¹ = L⁻ᴴ L⁻¹: invert L, then one triangular product.
    let n = a.nrows();
    let mut linv = zeros_f(n, n);
    ti::invert_lower_triangular(as_faer_mut(linv.view_mut()), as_faer(l.view()), par());
    zero_other_triangle(&mut linv, true);
    let mut out = zeros_f(n, n);
    faer::linalg::matmul::matmul(
        as_faer_mut(out.view_mut()),
        faer::Accum::Replace,
        as_faer(linv.view()).adjoint(),
        as_faer(linv.view()),
        T::one(),
        par(),
    );
    mirror(&mut out, lower, true);
    Ok((out, est))
}

fn symmetric<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    lower: bool,
    her: bool,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    // sytrf/hetrf, sycon/hecon, and the inverse from the same factors
    let f = SymFactor::new(a, lower, her)?;
    let est = estimate.then(|| Estimate::of(f.rcond(condest::norm1_sym(&a, lower, her))));
    let mut out = f.inverse();
    mirror(&mut out, lower, her);
    Ok((out, est))
}

/// Zeros the triangle opposite to the `lower` (or upper) one, diagonal excluded.
fn zero_other_triangle<T: LinalgScalar>(m: &mut Array2<T>, lower: bool) {
    let n = m.nrows();
    for j in 0..n {
        let rows = if lower { 0..j } else { j + 1..n };
        for i in rows {
            m[[i, j]] = T::zero();
        }
    }
}

/// Copies the `lower` (or upper) triangle onto the other one, conjugated with `her` (whose
/// diagonal is then made real), so that `m` is exactly symmetric or Hermitian.
fn mirror<T: LinalgScalar>(m: &mut Array2<T>, lower: bool, her: bool) {
    let n = m.nrows();
    for j in 0..n {
        for i in j + 1..n {
            let (src, dst) = if lower { ((i, j), (j, i)) } else { ((j, i), (i, j)) };
            let v = m[src];
            m[dst] = if her { v.conj() } else { v };
        }
        if her {
            m[[j, j]] = T::from_real(m[[j, j]].re());
        }
    }
}
