//! Cholesky factorization: `cholesky`, `cho_factor`, `cho_solve`.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::cholesky::llt::factor as llt;
use ndarray::{Array, Array2, ArrayBase, Data, Dimension, Ix2, s};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::parallel::{Kernel, cube, gemm_flops, par_for};
use crate::scalar::{
    LinalgFloat, as_faer, as_faer_mut, check_finite, check_square, to_fortran_finite, zeros_f,
};

/// The lower factor `L` (`A = L Lᵀ`, zeros above the diagonal, Fortran order), reading the
/// lower triangle of `a` when `lower`, else the upper one. Checks square and finite.
pub(crate) fn cholesky_packed<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<Array2<T>> {
    let n = check_square(a, "a")?;
    // A row-major `a` read by its upper triangle (SciPy's default) is, transposed, a
    // column-major matrix whose lower triangle is that upper one: the working copy is one
    // memcpy (its strict upper triangle is zeroed after the factorization), checked for NaN and
    // infinity as it is made (2000 x 2000: a 32 MB `a` read once, not twice).
    let whole = !lower && a.is_standard_layout();
    if !whole {
        check_finite(a, "a")?;
    }
    let mut l = if whole { to_fortran_finite(&a.t(), "a")? } else { zeros_f(n, n) };
    if !whole {
        // Column j of L from column j (lower) or row j (upper) of a: whole-slice copies.
        for j in 0..n {
            let src = if lower { a.slice(s![j.., j]) } else { a.slice(s![j, j..]) };
            l.slice_mut(s![j.., j]).assign(&src);
        }
    }
    #[cfg(feature = "lapack")]
    if n > 0 {
        use crate::lapack::{buf, dim};
        // potrf reads and writes only the lower triangle.
        let info = T::potrf(b'L', dim(n, "a")?, buf(&mut l));
        if info > 0 {
            return Err(LinalgError::NotPositiveDefinite { index: info as usize - 1 });
        }
        if whole {
            for j in 1..n {
                l.column_mut(j).slice_mut(s![..j]).fill(T::zero());
            }
        }
        return Ok(l);
    }
    llt_lower_in_place(&mut l)?;
    Ok(l)
}

/// The Cholesky factorization `A = L Lᴴ` of the lower triangle of the square `l`, in place;
/// the strict upper triangle is zeroed. Column-major `f64` matrices are factored by the
/// crate's own Cholesky ([`crate::cholesky_blocked`]: the two-thread team when two threads are
/// chosen, else the recursive kernel), the others by faer.
pub(crate) fn llt_lower_in_place<T: LinalgScalar>(l: &mut Array2<T>) -> Result<()> {
    let n = l.nrows();
    if let Some(a) = (&mut *l as &mut dyn std::any::Any).downcast_mut::<Array2<f64>>()
        && (a.stride_of(ndarray::Axis(0)) == 1 || n <= 1)
    {
        let factored = if par_for(Kernel::TeamCholesky, cube(n) / 3.0) == faer::Par::Seq {
            crate::cholesky_blocked::dpotrf_lower(a.view_mut(), faer::Par::Seq)
        } else {
            crate::cholesky_blocked::dpotrf_team(a.view_mut())
        };
        factored.map_err(|index| LinalgError::NotPositiveDefinite { index })?;
    } else {
        llt_faer(l)?;
    }
    for j in 1..n {
        l.column_mut(j).slice_mut(ndarray::s![..j]).fill(T::zero());
    }
    Ok(())
}

/// faer's Cholesky of the lower triangle of `l` in place (the strict upper triangle is its
/// workspace).
fn llt_faer<T: LinalgScalar>(l: &mut Array2<T>) -> Result<()> {
    let n = l.nrows();
    let par = par_for(Kernel::Cholesky, crate::scalar::parallel::real_flops::<T>(cube(n) / 3.0));
    let mut mem = MemBuffer::new(llt::cholesky_in_place_scratch::<T>(n, par, Default::default()));
    llt::cholesky_in_place(
        as_faer_mut(l.view_mut()),
        Default::default(),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|e| match e {
        llt::LltError::NonPositivePivot { index } => LinalgError::NotPositiveDefinite { index },
    })?;
    Ok(())
}

/// Cholesky factor of a symmetric positive definite matrix: upper `U` with `A = Uᵀ U`
/// (SciPy's default), or lower `L` with `A = L Lᵀ` when `lower`.
///
/// Only the chosen triangle of `a` is read.
///
/// SciPy equivalent: `scipy.linalg.cholesky(a, lower=False)`.
///
/// # Errors
///
/// [`LinalgError::NotPositiveDefinite`] with the 0-based index of the failing pivot,
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::cholesky;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[4.0, 2.0], [2.0, 5.0]];
/// let u = cholesky(&a, false).unwrap();
/// assert_allclose(&u, &array![[2.0, 1.0], [0.0, 2.0]], 1e-15, 0.0);
/// assert_allclose(&u.t().dot(&u), &a, 1e-15, 0.0);
/// assert!(cholesky(&array![[1.0, 2.0], [2.0, 1.0]], true).is_err());
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(4.0, 0.0), C::new(0.0, 2.0)], [C::new(0.0, -2.0), C::new(5.0, 0.0)]];
/// let u = sci_linalg::cholesky(&a, false)?; // a = Uᴴ U
/// assert_allclose(&u, &array![[C::new(2.0, 0.0), C::new(0.0, 1.0)], [C::new(0.0, 0.0), C::new(2.0, 0.0)]], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn cholesky<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, lower: bool) -> Result<Array2<T>> {
    T::cholesky_k(a.view(), lower)
}

/// [`cholesky`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn cholesky_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<Array2<T>> {
    let l = cholesky_packed(a, lower)?;
    Ok(if lower { l } else { l.reversed_axes() })
}

/// A Cholesky factorization as returned by [`cho_factor`]: SciPy's `(c, lower)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoFactor<T> {
    /// The factor in the triangle chosen by `lower`; the other triangle keeps the entries of
    /// the input (as LAPACK `potrf` leaves them) and is never read.
    pub c: Array2<T>,
    /// Whether `c` holds the lower factor `L` (`A = L Lᵀ`) or the upper `U` (`A = Uᵀ U`).
    pub lower: bool,
}

/// Cholesky factorization for [`cho_solve`].
///
/// SciPy equivalent: `scipy.linalg.cho_factor(a, lower=False)`.
///
/// # Errors
///
/// As [`cholesky`].
///
/// # Examples
///
/// ```
/// use sci_linalg::cho_factor;
/// use sci_linalg::sci_array::ndarray::array;
/// let f = cho_factor(&array![[4.0, 2.0], [2.0, 5.0]], false).unwrap();
/// assert_eq!(f.c, array![[2.0, 1.0], [2.0, 2.0]]); // lower-left 2.0 is left from `a`
/// ```
pub fn cho_factor<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<ChoFactor<T>> {
    T::cho_factor_k(a.view(), lower)
}

/// [`cho_factor`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn cho_factor_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<ChoFactor<T>> {
    let l = cholesky_packed(a, lower)?;
    let n = l.nrows();
    let mut c = zeros_f(n, n);
    c.assign(a);
    for j in 0..n {
        for i in j..n {
            if lower {
                c[[i, j]] = l[[i, j]];
            } else {
                c[[j, i]] = l[[i, j]];
            }
        }
    }
    Ok(ChoFactor { c, lower })
}

/// Solves `A x = b` given [`cho_factor`]`(A)`; `b` is `(n,)` or `(n, k)`.
///
/// SciPy equivalent: `scipy.linalg.cho_solve((c, lower), b)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for a non-square `c`, [`LinalgError::ShapeMismatch`] when `b`
/// does not have `n` rows, [`LinalgError::NonFinite`] when `c` or `b` hold NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::{cho_factor, cho_solve};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let f = cho_factor(&array![[4.0, 2.0], [2.0, 3.0]], true).unwrap();
/// assert_allclose(&cho_solve(&f, &array![8.0, 7.0]).unwrap(), &array![1.25, 1.5], 1e-12, 0.0);
/// ```
pub fn cho_solve<T, S, D>(factor: &ChoFactor<T>, b: &ArrayBase<S, D>) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let n = crate::scalar::check_square(&factor.c, "c")?;
    crate::scalar::check_finite(&factor.c, "c")?;
    let mut x = rhs_matrix(b, n, "b")?;
    let c = as_faer(factor.c.view());
    let par = par_for(Kernel::Cholesky, gemm_flops(n, x.ncols(), n));
    let mut m = as_faer_mut(x.view_mut());
    use faer::linalg::triangular_solve as ts;
    // A = L Lᴴ = Uᴴ U: solve with L (or Uᴴ), then with Lᴴ (or U).
    if factor.lower {
        ts::solve_lower_triangular_in_place(c, m.as_mut(), par);
        ts::solve_upper_triangular_in_place(c.adjoint(), m, par);
    } else {
        ts::solve_lower_triangular_in_place(c.adjoint(), m.as_mut(), par);
        ts::solve_upper_triangular_in_place(c, m, par);
    }
    Ok(rhs_back(x, b.ndim()))
}
