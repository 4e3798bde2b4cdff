//! Linear systems: `solve` (with SciPy's `assume_a`) and `solve_triangular`.

use ndarray::{Array, ArrayBase, Data, Dimension, Ix2};
use num_traits::{Float, One, Zero};

use crate::cholesky::cholesky_packed;
use crate::condest;
use crate::error::{LinalgError, Result};
use crate::gttrf::{gttrf, norm1_tridiag};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::{PackedLu, Trans};
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{
    LinalgFloat, as_faer, as_faer_mut, check_finite, check_square, check_square_finite, par,
    to_fortran_either_finite,
};
use crate::sym_factor::SymFactor;
use crate::warning::{Estimate, WarningAction};
#[cfg(doc)]
use crate::warning::{LinAlgWarning, solve_report};

/// The structure `solve` may assume of `a` (SciPy's `assume_a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AssumeA {
    /// `'general'` / `'gen'`: LU with partial pivoting (LAPACK `gesv`).
    #[default]
    General,
    /// `'symmetric'` / `'sym'`: only the triangle chosen by `lower` is read.
    Symmetric,
    /// `'positive definite'` / `'pos'`: Cholesky (of a Hermitian matrix when complex); only
    /// the triangle chosen by `lower` is read.
    PositiveDefinite,
    /// `'hermitian'` / `'her'`: only the triangle chosen by `lower` is read and mirrored with
    /// conjugation; the imaginary part of the diagonal is ignored (as LAPACK `hesv`). For real
    /// matrices the same as `Symmetric`.
    Hermitian,
    /// `'diagonal'`: only the diagonal is read.
    Diagonal,
    /// `'upper triangular'`: only the upper triangle is read.
    UpperTriangular,
    /// `'lower triangular'`: only the lower triangle is read.
    LowerTriangular,
    /// `'tridiagonal'`: only the three central diagonals are read (LAPACK `gttrf`/`gttrs`: Gaussian
    /// elimination with partial pivoting, `O(n)` per right-hand side).
    Tridiagonal,
    /// `'banded'`: the lower and upper bandwidths are measured and the band is solved by LU
    /// with partial pivoting (LAPACK `gbsv`, as SciPy, real and complex), whose condition is
    /// estimated by `gbcon` (see [`solve_report`](crate::solve_report)).
    Banded,
}

/// Keyword options of [`solve_with`]; `Default` gives SciPy's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SolveOptions {
    /// Structure of `a` (default [`AssumeA::General`]).
    pub assume_a: AssumeA,
    /// For `Symmetric` and `PositiveDefinite`: read the lower triangle instead of the upper
    /// one (default `false`, as SciPy).
    pub lower: bool,
    /// Solve `aᵀ x = b` instead (default `false`).
    pub transposed: bool,
    /// What to do when `a` is ill-conditioned ([`LinAlgWarning`]): [`WarningAction::Ignore`]
    /// (default) returns the solution without estimating the condition, use [`solve_report`]
    /// to receive the warning; [`WarningAction::Error`] fails with
    /// [`LinalgError::IllConditioned`].
    pub ill_conditioned: WarningAction,
}

/// Solves the linear system `a x = b` for a square `a`; `b` is `(n,)` or `(n, k)` and the
/// solution has the same shape.
///
/// Uses LU with partial pivoting; see [`solve_with`] for SciPy's `assume_a`, `lower` and
/// `transposed` options.
///
/// SciPy equivalent: `scipy.linalg.solve` (NumPy: `numpy.linalg.solve`).
///
/// # Errors
///
/// [`LinalgError::Singular`] when a pivot is exactly zero, [`LinalgError::NotSquare`],
/// [`LinalgError::ShapeMismatch`] when `b` does not have `n` rows,
/// [`LinalgError::NonFinite`] when `a` or `b` hold NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::solve;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, 6.0, -5.0], [1.0, -3.0, 2.0], [5.0, -1.0, 4.0]];
/// let x = solve(&a, &array![12.0, -2.0, 10.0]).unwrap();
/// assert_allclose(&x, &array![1.75, 1.75, 0.75], 1e-12, 0.0);
/// let x = solve(&array![[1.0, 2.0], [2.0, 3.0]], &array![14.0, 23.0]).unwrap();
/// assert_allclose(&x, &array![4.0, 5.0], 1e-12, 0.0);
/// ```
pub fn solve<T, S1, S2, D>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, D>) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    solve_with(a, b, SolveOptions::default())
}

/// [`solve`] with SciPy's keyword options.
///
/// `Symmetric` and `Hermitian` factor the chosen triangle by Bunch–Kaufman `L D Lᵀ` (`L D Lᴴ`)
/// as SciPy's `sysv`/`hesv` (complex symmetric input: the crate's unblocked `sytf2`, as
/// [`ldl_with`](crate::ldl_with)); an exactly zero `1×1` block of `D` is
/// [`LinalgError::Singular`] at LAPACK's index.
///
/// SciPy equivalent: `scipy.linalg.solve(a, b, assume_a=..., lower=..., transposed=...)`.
///
/// # Errors
///
/// As [`solve`], plus [`LinalgError::NotPositiveDefinite`] for `PositiveDefinite` when the
/// Cholesky factorization fails.
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_with, AssumeA, SolveOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[4.0, 2.0], [2.0, 3.0]];
/// let opts = SolveOptions { assume_a: AssumeA::PositiveDefinite, ..Default::default() };
/// let x = solve_with(&a, &array![8.0, 7.0], opts).unwrap();
/// assert_allclose(&x, &array![1.25, 1.5], 1e-12, 0.0);
/// // 'banded': bandwidths (1, 0) measured, band LU
/// let l = array![[2.0, 0.0, 0.0], [1.0, 2.0, 0.0], [0.0, 1.0, 2.0]];
/// let opts = SolveOptions { assume_a: AssumeA::Banded, ..Default::default() };
/// assert_allclose(&solve_with(&l, &array![2.0, 3.0, 3.0], opts).unwrap(), &array![1.0, 1.0, 1.0], 1e-15, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// use sci_linalg::{solve_with, AssumeA, SolveOptions};
/// // Hermitian positive definite; only the upper triangle is read with `lower: false`.
/// let a = array![[C::new(4.0, 0.0), C::new(1.0, -1.0)], [C::new(f64::NAN, 0.0), C::new(3.0, 0.0)]];
/// let b = array![C::new(1.0, 0.0), C::new(0.0, 1.0)];
/// let full = array![[C::new(4.0, 0.0), C::new(1.0, -1.0)], [C::new(1.0, 1.0), C::new(3.0, 0.0)]];
/// let upper_only = a.mapv(|z| if z.re.is_nan() { C::new(0.0, 0.0) } else { z });
/// for assume_a in [AssumeA::Hermitian, AssumeA::PositiveDefinite] {
///     let x = solve_with(&upper_only, &b, SolveOptions { assume_a, ..Default::default() })?;
///     assert_allclose(&full.dot(&x), &b, 1e-14, 1e-14);
/// }
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_with<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    opts: SolveOptions,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let strict = opts.ill_conditioned == WarningAction::Error;
    Ok(crate::warning::solve_checked(a.view(), b.view(), opts, strict)?.0)
}

/// [`solve_with`] for real matrices (faer, or LAPACK with the `lapack` feature); with `estimate`
/// also the condition estimate SciPy makes (none for an empty system or a `1×1` `a`).
pub(crate) fn solve_with_real<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    opts: SolveOptions,
    estimate: bool,
) -> Result<(Array<T, D>, Option<Estimate>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let n = check_square(a, "a")?;
    // The general solver's working copy of `a` is checked for NaN and infinity as it is made
    // (one pass over a large `a` instead of two), before `b` as SciPy does. LAPACK's `gesv`
    // factors `a` itself; the crate's LU takes a row-major `a` as `aᵀ`, whose Fortran-order
    // copy is a plain memcpy (and solves the transposed system).
    let general_copy = if opts.assume_a == AssumeA::General {
        let gesv = cfg!(feature = "lapack") && !opts.transposed;
        Some(to_fortran_either_finite(a, !gesv, "a")?)
    } else {
        check_finite(a, "a")?;
        None
    };
    let mut x = rhs_matrix(b, n, "b")?;
    // SciPy estimates for every non-empty banded system (1×1 included).
    let banded_estimate = estimate;
    let estimate = estimate && n > 1 && x.ncols() > 0;
    let mut rcond = None;
    match opts.assume_a {
        #[cfg(feature = "lapack")]
        AssumeA::General if !opts.transposed && n > 0 && x.ncols() > 0 => {
            use crate::lapack::{buf, dim};
            let (mut lu, _) = general_copy.expect("made above for the general case, of `a` itself");
            let mut ipiv = vec![0; n];
            let info = T::gesv(dim(n, "a")?, dim(x.ncols(), "b")?, buf(&mut lu), &mut ipiv, buf(&mut x));
            if info > 0 {
                return Err(LinalgError::Singular { pivot: info as usize - 1 });
            }
            if estimate {
                rcond = Some(condest::lu_rcond(lu.view(), false, condest::norm1(a)));
            }
        }
        AssumeA::General => {
            // A row-major `a` is factored as `aᵀ` (whose Fortran-order copy is a plain memcpy,
            // not a transposing copy) and the transposed system solved; a singular `a` is
            // refactored as it is, so that the reported pivot is `a`'s own.
            let (copy, of_t) = general_copy.expect("made above for the general case");
            let f = PackedLu::factor_copy(copy, false);
            if let Some(pivot) = f.own_zero_pivot(a, of_t) {
                return Err(LinalgError::Singular { pivot });
            }
            f.solve_in_place(&mut x, opts.transposed != of_t);
            if estimate {
                rcond = Some(condest::lu_rcond(f.lu.view(), of_t, condest::norm1(a)));
            }
        }
        AssumeA::Symmetric | AssumeA::Hermitian => {
            // sysv (Bunch–Kaufman) and sycon
            let f = SymFactor::new(a.view(), opts.lower, false)?;
            f.solve_in_place(&mut x);
            if estimate {
                rcond = Some(f.rcond(condest::norm1_sym(a, opts.lower, false)));
            }
        }
        AssumeA::PositiveDefinite => {
            // The factor L with A = L Lᵀ; Aᵀ = A so `transposed` changes nothing.
            let l = cholesky_packed(a, opts.lower)?;
            let lf = as_faer(l.view());
            let mut m = as_faer_mut(x.view_mut());
            let par = par();
            faer::linalg::triangular_solve::solve_lower_triangular_in_place(lf, m.as_mut(), par);
            faer::linalg::triangular_solve::solve_upper_triangular_in_place(lf.transpose(), m, par);
            if estimate {
                let anorm = condest::norm1_sym(a, opts.lower, true);
                rcond = Some(condest::cholesky_rcond(l.view(), anorm));
            }
        }
        AssumeA::Diagonal => {
            diagonal_in_place(a, &mut x)?;
            if estimate {
                return Ok((rhs_back(x, b.ndim()), Some(diagonal_estimate(a))));
            }
        }
        AssumeA::Tridiagonal => {
            let trans = if opts.transposed { Trans::T } else { Trans::N };
            rcond = tridiagonal_in_place(a, &mut x, trans, estimate)?;
        }
        AssumeA::UpperTriangular | AssumeA::LowerTriangular => {
            let lower = opts.assume_a == AssumeA::LowerTriangular;
            triangular_in_place(a, &mut x, lower, opts.transposed, false)?;
            if estimate {
                rcond = Some(condest::triangular_rcond(a, lower));
            }
        }
        AssumeA::Banded => {
            // gbsv and gbcon
            let est = crate::band_solve::banded_in_place(a.view(), &mut x, opts.transposed)?;
            return Ok((rhs_back(x, b.ndim()), est.filter(|_| banded_estimate)));
        }
    }
    Ok((rhs_back(x, b.ndim()), rcond.map(Estimate::of)))
}

/// `'diagonal'`: divides each row of `x` by the diagonal element of `a`.
pub(crate) fn diagonal_in_place<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    x: &mut ndarray::Array2<T>,
) -> Result<()> {
    let d = a.diag();
    if let Some(pivot) = d.iter().position(|v| *v == T::zero()) {
        return Err(LinalgError::Singular { pivot });
    }
    for mut col in x.columns_mut() {
        col.zip_mut_with(&d, |v, &di| *v /= di);
    }
    Ok(())
}

/// SciPy's condition test of a diagonal `a`: `max|dᵢ| · max|1/dᵢ|` above `1/eps` (its
/// reciprocal is the reported `rcond`; SciPy 1.17's message prints the product itself).
pub(crate) fn diagonal_estimate<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Estimate {
    let (mut maxa, mut maxinva) = (<RealOf<T>>::zero(), <RealOf<T>>::zero());
    for &v in a.diag() {
        maxa = maxa.max(v.modulus());
        maxinva = maxinva.max((T::one() / v).modulus());
    }
    let cond = maxa * maxinva;
    let ill = cond > <RealOf<T>>::one() / <RealOf<T>>::epsilon();
    Estimate {
        rcond: (<RealOf<T>>::one() / cond).to_f64_lossless(),
        ill,
        shown: cond.to_f64_lossless(),
        legacy_text: false,
    }
}

/// `'tridiagonal'`: `gttrf` of `a`'s three central diagonals and `gttrs` with `trans`; with
/// `estimate` also `gtcon`'s reciprocal condition number of `a`.
pub(crate) fn tridiagonal_in_place<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    x: &mut ndarray::Array2<T>,
    trans: Trans,
    estimate: bool,
) -> Result<Option<RealOf<T>>> {
    let (dl, d, du) = (a.diag_offset(-1).to_vec(), a.diag().to_vec(), a.diag_offset(1).to_vec());
    let anorm = if estimate { norm1_tridiag(&dl, &d, &du) } else { <RealOf<T>>::zero() };
    let f = gttrf(dl, d, du)?;
    f.solve_in_place(x, trans);
    Ok(estimate.then(|| f.rcond(anorm)))
}

pub(crate) trait DiagOffset<T> {
    fn diag_offset(&self, k: isize) -> ndarray::Array1<T>;
}

impl<T: LinalgScalar, S: Data<Elem = T>> DiagOffset<T> for ArrayBase<S, Ix2> {
    /// The `k`-th diagonal (`k < 0` below, `k > 0` above the main one).
    fn diag_offset(&self, k: isize) -> ndarray::Array1<T> {
        let n = self.nrows().min(self.ncols());
        let len = n.saturating_sub(k.unsigned_abs());
        ndarray::Array1::from_shape_fn(len, |i| {
            if k < 0 { self[[i + k.unsigned_abs(), i]] } else { self[[i, i + k as usize]] }
        })
    }
}

/// Solves with the triangle of `a` in place; the shared core of `solve_triangular`.
pub(crate) fn triangular_in_place<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    x: &mut ndarray::Array2<T>,
    lower: bool,
    trans: bool,
    unit_diagonal: bool,
) -> Result<()> {
    if !unit_diagonal && let Some(pivot) = a.diag().iter().position(|v| *v == T::zero()) {
        return Err(LinalgError::Singular { pivot });
    }
    let mut t = as_faer(a.view());
    let mut lower = lower;
    if trans {
        t = t.transpose();
        lower = !lower;
    }
    let m = as_faer_mut(x.view_mut());
    let par = par();
    use faer::linalg::triangular_solve as ts;
    match (lower, unit_diagonal) {
        (true, false) => ts::solve_lower_triangular_in_place(t, m, par),
        (true, true) => ts::solve_unit_lower_triangular_in_place(t, m, par),
        (false, false) => ts::solve_upper_triangular_in_place(t, m, par),
        (false, true) => ts::solve_unit_upper_triangular_in_place(t, m, par),
    }
    Ok(())
}

/// Keyword options of [`solve_triangular`]; `Default` gives SciPy's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TriangularOptions {
    /// Use the lower triangle of `a` (default `false`: upper, as SciPy).
    pub lower: bool,
    /// Solve `aᵀ x = b` (SciPy `trans=1` or `'T'`; for real input `'C'` is the same).
    pub trans: bool,
    /// With `trans`: solve `aᴴ x = b` instead (SciPy `trans=2` or `'C'`; no effect on real
    /// input).
    pub conjugate: bool,
    /// Assume the diagonal is all ones and do not read it.
    pub unit_diagonal: bool,
}

/// Solves `a x = b` for a triangular `a`, reading only the chosen triangle.
///
/// SciPy equivalent: `scipy.linalg.solve_triangular`.
///
/// # Errors
///
/// [`LinalgError::Singular`] when a diagonal element is exactly zero (unless
/// `unit_diagonal`), [`LinalgError::NotSquare`], [`LinalgError::ShapeMismatch`],
/// [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve_triangular, TriangularOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, 0.0, 0.0, 0.0], [2.0, 1.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]];
/// let b = array![4.0, 2.0, 4.0, 2.0];
/// let x = solve_triangular(&a, &b, TriangularOptions { lower: true, ..Default::default() }).unwrap();
/// assert_allclose(&x, &array![4.0 / 3.0, -2.0 / 3.0, 8.0 / 3.0, -4.0 / 3.0], 1e-12, 0.0);
/// ```
pub fn solve_triangular<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    opts: TriangularOptions,
) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let n = check_square_finite(a, "a")?;
    let mut x = rhs_matrix(b, n, "b")?;
    // aᴴ x = b  ⇔  aᵀ conj(x) = conj(b)
    let conj = T::IS_COMPLEX && opts.trans && opts.conjugate;
    if conj {
        x.mapv_inplace(T::conj);
    }
    triangular_in_place(a, &mut x, opts.lower, opts.trans, opts.unit_diagonal)?;
    if conj {
        x.mapv_inplace(T::conj);
    }
    Ok(rhs_back(x, b.ndim()))
}
