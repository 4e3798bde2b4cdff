//! LU with partial pivoting and what is built on it: `det`, `slogdet`, `inv`, `lu`,
//! `lu_factor`, `lu_solve`.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting as pp;
use faer::perm::PermRef;
use ndarray::{Array, Array1, Array2, ArrayBase, Data, Dimension, Ix2};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::parallel::{Kernel, cube, gemm_flops, lu_flops, par_for};
use crate::scalar::{
    LinalgFloat, as_faer, as_faer_mut, check_finite, check_square, to_fortran, to_fortran_either_finite,
    zeros_f,
};
use crate::warning::Estimate;

/// A packed LU factorization `P A = L U` (LAPACK `getrf` layout: unit-lower `L` below the
/// diagonal, `U` on and above it) with faer's row permutation.
#[doc(hidden)]
pub struct PackedLu<T> {
    pub lu: Array2<T>,
    /// `perm[i]` is the row of `A` that ended up in row `i`: `(P A)[i] = A[perm[i]]`.
    pub perm: Vec<usize>,
    pub perm_inv: Vec<usize>,
    pub transpositions: usize,
}

impl<T: LinalgFloat> PackedLu<T> {
    /// Factors a copy of `a` (any shape; no checks).
    pub fn new<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Self {
        Self::new_with(a, false)
    }

    /// [`Self::new`]; with `only_u` the strict lower triangle may hold `L`'s values in another
    /// row order (the interchanges of later panels not applied): enough for a determinant.
    fn new_with<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, only_u: bool) -> Self {
        Self::factor_copy(to_fortran(a), only_u)
    }

    /// Factors the Fortran-order working copy `lu` in place (LAPACK's `getrf` with the
    /// `lapack` feature, else [`Self::factor_default`]). `only_u` as in [`Self::new_with`].
    #[cfg_attr(not(feature = "lapack"), allow(unused_mut))] // getrf writes it with `lapack`
    pub(crate) fn factor_copy(mut lu: Array2<T>, only_u: bool) -> Self {
        #[cfg(feature = "lapack")]
        if let Some(ipiv) = lapack_getrf(&mut lu) {
            return Self::from_ipiv(lu, &ipiv);
        }
        Self::factor_default(lu, only_u)
    }

    /// Factors the Fortran-order working copy `lu` in place on the default backend: `f64`
    /// by the crate's two-thread LU with look-ahead ([`crate::lu_blocked::dgetrf_team`]) when
    /// two threads are chosen, else (and for `f32`) by faer, whose sequential LU is the
    /// fastest on one thread (n = 1000 on an idle Zen 2: 19.7 ms against 26.6 ms for the
    /// crate's recursive kernel; the team takes 13.8 ms). `only_u` as in [`Self::new_with`].
    pub fn factor_default(mut lu: Array2<T>, only_u: bool) -> Self {
        let (m, n) = lu.dim();
        if let Some(a) = (&mut lu as &mut dyn std::any::Any).downcast_mut::<Array2<f64>>()
            && par_for(Kernel::TeamLu, lu_flops(m, n)) != faer::Par::Seq
        {
            let (piv, _) = crate::lu_blocked::dgetrf_team(a.view_mut(), crate::lu_blocked::TEAM_NB, only_u);
            return Self::from_piv(lu, &piv);
        }
        Self::factor_faer(lu)
    }

    /// Factors `a` or, when `a` is row-major, its transpose: the working copy is then a plain
    /// memcpy instead of a cache-unfriendly transposing copy. SciPy's `check_finite` on `a`
    /// (named `arg` in the error) is done while copying ([`to_fortran_finite`]). Returns the
    /// factors and whether they are `aᵀ`'s. `only_u` as in [`Self::new_with`].
    pub fn new_either_finite<S: Data<Elem = T>>(
        a: &ArrayBase<S, Ix2>,
        only_u: bool,
        arg: &'static str,
    ) -> Result<(Self, bool)> {
        let (copy, transposed) = to_fortran_either_finite(a, true, arg)?;
        Ok((Self::factor_copy(copy, only_u), transposed))
    }

    /// The first exactly zero pivot of `a`'s own LU when these factors (of `a`, or of `aᵀ` when
    /// `transposed`) have one: `aᵀ`'s pivot may sit elsewhere, so `a` is refactored then (`0`
    /// if rounding leaves `a`'s own factors without one). `None` when these factors have none.
    pub fn own_zero_pivot<S: Data<Elem = T>>(
        &self,
        a: &ArrayBase<S, Ix2>,
        transposed: bool,
    ) -> Option<usize> {
        let pivot = self.zero_pivot()?;
        Some(if transposed { Self::new(a).zero_pivot().unwrap_or(0) } else { pivot })
    }

    /// The factors and row order from LAPACK's 1-based `ipiv` (row `i` swapped with
    /// `ipiv[i] - 1`, in order).
    #[cfg(feature = "lapack")]
    fn from_ipiv(lu: Array2<T>, ipiv: &[std::ffi::c_int]) -> Self {
        let piv: Vec<usize> = ipiv.iter().map(|&p| p as usize - 1).collect();
        Self::from_piv(lu, &piv)
    }

    /// The factors and row order from the 0-based `piv` (row `i` swapped with `piv[i]`, in
    /// order).
    fn from_piv(lu: Array2<T>, piv: &[usize]) -> Self {
        let m = lu.nrows();
        let mut perm: Vec<usize> = (0..m).collect();
        let mut transpositions = 0;
        for (i, &j) in piv.iter().enumerate() {
            if j != i {
                perm.swap(i, j);
                transpositions += 1;
            }
        }
        let mut perm_inv = vec![0usize; m];
        for (i, &p) in perm.iter().enumerate() {
            perm_inv[p] = i;
        }
        Self { lu, perm, perm_inv, transpositions }
    }

    /// `(sign, log|det|)` of the square factored matrix.
    pub fn slogdet(&self) -> (T, T) {
        let mut sign = if self.transpositions.is_multiple_of(2) { T::one() } else { -T::one() };
        let mut logdet = T::zero();
        for &d in self.lu.diag() {
            if d == T::zero() {
                return (T::zero(), T::neg_infinity());
            }
            if d < T::zero() {
                sign = -sign;
            }
            logdet += d.abs().ln();
        }
        (sign, logdet)
    }
}

impl<T: LinalgScalar> PackedLu<T> {
    /// Factors the Fortran-order working copy `lu` in place with faer (any shape; no checks).
    pub fn factor_faer(mut lu: Array2<T>) -> Self {
        let (m, n) = lu.dim();
        let mut perm = vec![0usize; m];
        let mut perm_inv = vec![0usize; m];
        let par = if T::IS_COMPLEX {
            par_for(Kernel::ComplexLu, crate::scalar::parallel::real_flops::<T>(lu_flops(m, n)))
        } else if std::any::TypeId::of::<T>() == std::any::TypeId::of::<f32>() {
            par_for(Kernel::SingleLu, lu_flops(m, n))
        } else {
            par_for(Kernel::Lu, lu_flops(m, n))
        };
        let mut mem =
            MemBuffer::new(pp::factor::lu_in_place_scratch::<usize, T>(m, n, par, Default::default()));
        let (info, _) = pp::factor::lu_in_place(
            as_faer_mut(lu.view_mut()),
            &mut perm,
            &mut perm_inv,
            par,
            MemStack::new(&mut mem),
            Default::default(),
        );
        Self { lu, perm, perm_inv, transpositions: info.transposition_count }
    }

    /// The first exactly-zero pivot, as LAPACK's `info > 0`.
    pub fn zero_pivot(&self) -> Option<usize> {
        self.lu.diag().iter().position(|d| *d == T::zero())
    }

    pub fn perm_ref(&self) -> PermRef<'_, usize> {
        PermRef::new_checked(&self.perm, &self.perm_inv, self.perm.len())
    }

    /// Solves `A x = b` (or `Aᵀ x = b`) in place; `A` must be square.
    pub fn solve_in_place(&self, x: &mut Array2<T>, transposed: bool) {
        let n = self.lu.nrows();
        let par = par_for(Kernel::Lu, gemm_flops(n, x.ncols(), n));
        let l = as_faer(self.lu.view());
        let mut mem = MemBuffer::new(if transposed {
            pp::solve::solve_transpose_in_place_scratch::<usize, T>(n, x.ncols(), par)
        } else {
            pp::solve::solve_in_place_scratch::<usize, T>(n, x.ncols(), par)
        });
        let stack = MemStack::new(&mut mem);
        let rhs = as_faer_mut(x.view_mut());
        if transposed {
            pp::solve::solve_transpose_in_place(l, l, self.perm_ref(), rhs, par, stack);
        } else {
            pp::solve::solve_in_place(l, l, self.perm_ref(), rhs, par, stack);
        }
    }

    /// LAPACK's `ipiv` (0-based): row `i` was interchanged with row `piv[i]`, in order.
    pub fn lapack_piv(&self) -> Vec<usize> {
        let m = self.perm.len();
        let k = m.min(self.lu.ncols());
        // cur[p] = original row at position p; pos[r] = position of original row r.
        let mut cur: Vec<usize> = (0..m).collect();
        let mut pos: Vec<usize> = (0..m).collect();
        let mut piv = Vec::with_capacity(k);
        for i in 0..k {
            let j = pos[self.perm[i]];
            piv.push(j);
            let (ri, rj) = (cur[i], cur[j]);
            cur.swap(i, j);
            pos[ri] = j;
            pos[rj] = i;
        }
        piv
    }

    /// `L` `(m, k)` (unit diagonal) and `U` `(k, n)` unpacked, `k = min(m, n)`.
    fn unpack(&self) -> (Array2<T>, Array2<T>) {
        let (m, n) = self.lu.dim();
        let k = m.min(n);
        let mut l = zeros_f(m, k);
        let mut u = zeros_f(k, n);
        for j in 0..k {
            l[[j, j]] = T::one();
            for i in j + 1..m {
                l[[i, j]] = self.lu[[i, j]];
            }
        }
        for j in 0..n {
            for i in 0..=j.min(k.saturating_sub(1)) {
                if i < k {
                    u[[i, j]] = self.lu[[i, j]];
                }
            }
        }
        (l, u)
    }
}

/// LAPACK `getrf` on the Fortran-ordered `lu` in place, returning `ipiv`; `None` (nothing
/// done) when a dimension exceeds LAPACK's integers, so the caller falls back to faer.
#[cfg(feature = "lapack")]
fn lapack_getrf<T: LinalgFloat>(lu: &mut Array2<T>) -> Option<Vec<std::ffi::c_int>> {
    use crate::lapack::{buf, dim};
    let (m, n) = (dim(lu.nrows(), "a").ok()?, dim(lu.ncols(), "a").ok()?);
    let mut ipiv = vec![0; m.min(n) as usize];
    // info > 0 (an exactly zero pivot) is read back from the diagonal by `zero_pivot`.
    T::getrf(m, n, buf(lu), &mut ipiv);
    Some(ipiv)
}

/// Determinant of a square matrix, from its LU factorization.
///
/// An exactly singular matrix gives `0.0` (no error), like SciPy; the empty `0×0` matrix
/// has determinant `1.0`.
///
/// SciPy equivalent: `scipy.linalg.det` (NumPy: `numpy.linalg.det`).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for a non-square `a`, [`LinalgError::NonFinite`] when `a` holds
/// NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::det;
/// use sci_linalg::sci_array::ndarray::array;
/// let d: f64 = det(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// assert!((d - -2.0).abs() < 1e-12);
/// assert_eq!(det(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap(), 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 2.0), C::new(2.0, 0.0)], [C::new(3.0, 0.0), C::new(4.0, -1.0)]];
/// let d = sci_linalg::det(&a)?;
/// assert!((d - C::new(0.0, 7.0)).norm() < 1e-14); // (1+2i)(4-i) - 6
/// # assert_allclose(&array![d], &array![C::new(0.0, 7.0)], 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn det<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<T> {
    T::det_k(a.view())
}

/// [`det`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn det_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<T> {
    check_square(a, "a")?;
    let (f, _) = PackedLu::new_either_finite(a, true, "a")?;
    let mut d = if f.transpositions % 2 == 0 { T::one() } else { -T::one() };
    for &x in f.lu.diag() {
        d *= x;
    }
    Ok(d)
}

/// Sign and natural logarithm of the absolute determinant, without overflow.
///
/// Returns `(sign, logabsdet)`; a singular matrix gives `(0.0, -inf)`.
///
/// NumPy equivalent: `numpy.linalg.slogdet`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::slogdet;
/// use sci_linalg::sci_array::ndarray::array;
/// let (sign, logdet) = slogdet(&array![[1.0f64, 2.0], [3.0, 4.0]]).unwrap();
/// assert_eq!(sign, -1.0);
/// assert!((logdet - 2f64.ln()).abs() < 1e-12);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 2.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(3.0, 0.0)]];
/// let (sign, logabsdet) = sci_linalg::slogdet(&a)?; // det = 6i
/// assert_allclose(&array![sign], &array![C::new(0.0, 1.0)], 1e-15, 1e-15);
/// assert!((logabsdet - 6f64.ln()).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn slogdet<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<(T, RealOf<T>)> {
    T::slogdet_k(a.view())
}

/// [`slogdet`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn slogdet_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<(T, T)> {
    check_square(a, "a")?;
    Ok(PackedLu::new_either_finite(a, true, "a")?.0.slogdet())
}

/// Inverse of a square matrix.
///
/// As SciPy 1.17's default `assume_a=None`, `a` is first inspected: a diagonal or triangular
/// `a` is inverted as such (the inverse then has its exact zero pattern), a symmetric
/// (Hermitian) one by Cholesky, or by the symmetric inverse when Cholesky fails, anything else
/// by LU with partial pivoting; the test stops at the first entry that rules a structure out,
/// `O(1)` on a dense general matrix. See [`inv_with`](crate::inv_with) to name the structure.
///
/// SciPy equivalent: `scipy.linalg.inv` (NumPy: `numpy.linalg.inv`, always LU).
///
/// # Errors
///
/// [`LinalgError::Singular`] when a pivot (or a diagonal entry of a diagonal or triangular
/// `a`) is exactly zero, [`LinalgError::NotSquare`], [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::inv;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_allclose(&inv(&a).unwrap(), &array![[-2.0, 1.0], [1.5, -0.5]], 1e-12, 0.0);
/// assert!(inv(&array![[1.0, 2.0], [2.0, 4.0]]).is_err());
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 1.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(2.0, 0.0)]];
/// assert_allclose(&sci_linalg::inv(&a)?, &array![[C::new(0.0, -1.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(0.5, 0.0)]], 1e-15, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn inv<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    crate::inv_with(a, &crate::InvOptions::default())
}

/// [`inv`] for real matrices (faer, or LAPACK with the `lapack` feature); with `estimate` also
/// `gecon`'s reciprocal condition number from the factors, as SciPy's `inv` makes it (none for
/// `n ≤ 1`).
pub(crate) fn inv_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    estimate: bool,
) -> Result<(Array2<T>, Option<Estimate>)> {
    let n = check_square(a, "a")?;
    // A row-major `a` is inverted as `inv(aᵀ)ᵀ`: the Fortran-order working copy of `aᵀ` is a
    // plain memcpy and the transpose of the Fortran-order result is a row-major array, free.
    // A singular `a` is refactored as it is, so that the reported pivot is `a`'s own.
    let (f, transposed) = PackedLu::new_either_finite(a, false, "a")?;
    if let Some(pivot) = f.own_zero_pivot(a, transposed) {
        return Err(LinalgError::Singular { pivot });
    }
    let est = (estimate && n > 1)
        .then(|| Estimate::of(crate::condest::lu_rcond(f.lu.view(), transposed, crate::condest::norm1(a))));
    let out = inv_from_factors(f, n)?;
    Ok((if transposed { out.reversed_axes() } else { out }, est))
}

/// The inverse (Fortran order) of the square nonsingular matrix factored in `f`.
fn inv_from_factors<T: LinalgFloat>(f: PackedLu<T>, n: usize) -> Result<Array2<T>> {
    #[cfg(feature = "lapack")]
    if n > 0 {
        use crate::lapack::{buf, dim};
        let ipiv: Vec<std::ffi::c_int> = f.lapack_piv().iter().map(|&p| p as std::ffi::c_int + 1).collect();
        let mut out = f.lu;
        // getri's info > 0 is a zero pivot, excluded by the caller.
        T::getri(dim(n, "a")?, buf(&mut out), &ipiv);
        return Ok(out);
    }
    let mut f = f;
    let piv = f.lapack_piv();
    if let Some(x) = (&mut f.lu as &mut dyn std::any::Any).downcast_mut::<Array2<f64>>() {
        if par_for(Kernel::TeamInverse, 4.0 / 3.0 * cube(n)) != faer::Par::Seq {
            // Two threads: the identity's block columns solved independently.
            let mut inv = Some(crate::lu_blocked::inverse_team(x.view(), &f.perm, true));
            let inv = (&mut inv as &mut dyn std::any::Any).downcast_mut::<Option<Array2<T>>>();
            return Ok(inv.and_then(Option::take).expect("T is f64 here"));
        }
        // One thread: getri's way on the crate's own kernels, in the factors' place.
        crate::lu_blocked::dgetri(x.view_mut(), &piv, faer::Par::Seq);
        return Ok(f.lu);
    }
    let mut out = zeros_f(n, n);
    // The inverse from the factors: about 4/3 n³ flops.
    let par = par_for(Kernel::Lu, 4.0 / 3.0 * cube(n));
    let mut mem = MemBuffer::new(pp::inverse::inverse_scratch::<usize, T>(n, par));
    let l = as_faer(f.lu.view());
    pp::inverse::inverse(as_faer_mut(out.view_mut()), l, l, f.perm_ref(), par, MemStack::new(&mut mem));
    Ok(out)
}

/// A packed LU factorization as returned by [`lu_factor`]: SciPy's `(lu, piv)`.
#[derive(Debug, Clone, PartialEq)]
pub struct LuFactor<T> {
    /// `L` (unit diagonal not stored) below the diagonal and `U` on and above it.
    pub lu: Array2<T>,
    /// 0-based pivot indices: row `i` was interchanged with row `piv[i]`, for `i` in order.
    pub piv: Array1<usize>,
}

/// LU factorization with partial pivoting in LAPACK's packed form, for [`lu_solve`].
///
/// An exactly singular matrix is factored without error (SciPy only warns); [`lu_solve`]
/// with it then gives infinities or NaN.
///
/// SciPy equivalent: `scipy.linalg.lu_factor`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::lu_factor;
/// use sci_linalg::sci_array::ndarray::array;
/// let f = lu_factor(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// assert_eq!(f.piv.to_vec(), vec![1, 1]);
/// assert_eq!(f.lu, array![[3.0, 4.0], [1.0 / 3.0, 2.0 - 4.0 / 3.0]]);
/// ```
pub fn lu_factor<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<LuFactor<T>> {
    check_finite(a, "a")?;
    let f = T::lu_packed_k(a.view());
    let piv = Array1::from(f.lapack_piv());
    Ok(LuFactor { lu: f.lu, piv })
}

/// Which system [`lu_solve`] solves with the factors of `A`: SciPy's `trans=0`, `1`, `2`
/// (LAPACK's `'N'`, `'T'`, `'C'`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{Trans, lu_factor, lu_solve};
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(Trans::default(), Trans::N);
/// let f = lu_factor(&array![[2.0, 1.0], [0.0, 4.0]])?;
/// assert_eq!(lu_solve(&f, &array![2.0, 4.0], Trans::N)?, array![0.5, 1.0]); // [[2, 1], [0, 4]] x = b
/// assert_eq!(lu_solve(&f, &array![2.0, 5.0], Trans::T)?, array![1.0, 1.0]); // [[2, 0], [1, 4]] x = b
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Trans {
    /// `A x = b` (SciPy `trans=0`, the default).
    #[default]
    N,
    /// `Aᵀ x = b` (SciPy `trans=1`).
    T,
    /// `Aᴴ x = b`, the conjugate transpose (SciPy `trans=2`); the same as [`Trans::T`] for
    /// real matrices.
    C,
}

/// Solves `A x = b`, `Aᵀ x = b` or `Aᴴ x = b` (by `trans`) given [`lu_factor`]`(A)`.
///
/// `b` is `(n,)` or `(n, k)` and the solution has its shape; real and complex factorizations
/// (`f32`, `f64`, `Complex<f32>`, `Complex<f64>`). An empty `0×0` factorization gives an empty
/// solution. An exactly singular factorization gives infinities or NaN, as LAPACK's `getrs`.
///
/// SciPy equivalent: `scipy.linalg.lu_solve` (`trans=0`, `1`, `2` are [`Trans::N`],
/// [`Trans::T`], [`Trans::C`]).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] when the factorization is not square,
/// [`LinalgError::ShapeMismatch`] when `b` is not `(n,)` or `(n, k)`, or `piv` is not `(n,)`
/// with entries below `n`, [`LinalgError::NonFinite`] when `lu` or `b` hold NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::{Trans, lu_factor, lu_solve};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, 6.0, -5.0], [1.0, -3.0, 2.0], [5.0, -1.0, 4.0]];
/// let f = lu_factor(&a)?;
/// let x = lu_solve(&f, &array![12.0, -2.0, 10.0], Trans::N)?;
/// assert_allclose(&x, &array![1.75, 1.75, 0.75], 1e-12, 0.0);
/// let xt = lu_solve(&f, &array![12.0, -2.0, 10.0], Trans::T)?; // aᵀ xt = b
/// assert_allclose(&a.t().dot(&xt), &array![12.0, -2.0, 10.0], 1e-12, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// The conjugate transpose of a complex matrix (`trans=2`):
///
/// ```
/// use sci_linalg::{Trans, lu_factor, lu_solve};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(2.0, 1.0), C::new(0.0, 0.0)], [C::new(1.0, 0.0), C::new(0.0, 4.0)]];
/// let f = lu_factor(&a)?;
/// // aᴴ = [[2 - i, 1], [0, -4i]]: x = [(1 - 0.25 i) / (2 - i), 0.25 i] for b = [1, 1]
/// let x = lu_solve(&f, &array![C::new(1.0, 0.0), C::new(1.0, 0.0)], Trans::C)?;
/// assert_allclose(&x, &array![C::new(0.45, 0.1), C::new(0.0, 0.25)], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn lu_solve<T, S, D>(factor: &LuFactor<T>, b: &ArrayBase<S, D>, trans: Trans) -> Result<Array<T, D>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let n = crate::scalar::check_square(&factor.lu, "lu")?;
    check_finite(&factor.lu, "lu")?;
    if factor.piv.len() != n || factor.piv.iter().any(|&p| p >= n) {
        return Err(LinalgError::ShapeMismatch {
            arg: "piv",
            expected: format!("({n},) with entries below {n}"),
            found: factor.piv.shape().to_vec(),
        });
    }
    let mut x = rhs_matrix(b, n, "b")?;
    let lu = as_faer(factor.lu.view());
    let par = par_for(Kernel::Lu, gemm_flops(n, x.ncols(), n));
    if trans == Trans::N {
        for (i, &p) in factor.piv.iter().enumerate() {
            if p != i {
                swap_rows(&mut x, i, p);
            }
        }
        let mut m = as_faer_mut(x.view_mut());
        faer::linalg::triangular_solve::solve_unit_lower_triangular_in_place(lu, m.as_mut(), par);
        faer::linalg::triangular_solve::solve_upper_triangular_in_place(lu, m, par);
    } else {
        // Aᵀ = Uᵀ Lᵀ Pᵀ (Aᴴ with adjoints): solve with the transposed factors, then undo the
        // row interchanges in reverse order.
        use faer::linalg::triangular_solve as ts;
        let conj = if trans == Trans::C { faer::Conj::Yes } else { faer::Conj::No };
        let mut m = as_faer_mut(x.view_mut());
        ts::solve_lower_triangular_in_place_with_conj(lu.transpose(), conj, m.as_mut(), par);
        ts::solve_unit_upper_triangular_in_place_with_conj(lu.transpose(), conj, m, par);
        for (i, &p) in factor.piv.iter().enumerate().rev() {
            if p != i {
                swap_rows(&mut x, i, p);
            }
        }
    }
    Ok(rhs_back(x, b.ndim()))
}

fn swap_rows<T: LinalgScalar>(x: &mut Array2<T>, i: usize, j: usize) {
    for mut col in x.columns_mut() {
        col.swap(i, j);
    }
}

/// LU decomposition with partial pivoting: `A = P L U`.
///
/// For an `(m, n)` matrix, with `k = min(m, n)`: `P` is `(m, m)`, `L` is `(m, k)` unit lower
/// triangular and `U` is `(k, n)` upper triangular.
///
/// SciPy equivalent: `scipy.linalg.lu` (defaults: `permute_l=False`, `p_indices=False`; the
/// other two forms are [`lu_permute_l`] and [`lu_p_indices`]).
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::lu;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let (p, l, u) = lu(&a).unwrap();
/// assert_eq!(p, array![[0.0, 1.0], [1.0, 0.0]]);
/// assert_eq!(l, array![[1.0, 0.0], [1.0 / 3.0, 1.0]]);
/// assert_eq!(p.dot(&l).dot(&u), a);
/// ```
pub fn lu<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<T>, Array2<T>, Array2<T>)> {
    let (f, l, u) = lu_parts(a)?;
    let m = f.perm.len();
    let mut p = Array2::zeros((m, m));
    for (i, &r) in f.perm.iter().enumerate() {
        p[[r, i]] = T::one();
    }
    Ok((p, l, u))
}

/// Factors `a` and unpacks `L` `(m, k)` and `U` `(k, n)`.
fn lu_parts<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(PackedLu<T>, Array2<T>, Array2<T>)> {
    check_finite(a, "a")?;
    let f = T::lu_packed_k(a.view());
    let (l, u) = f.unpack();
    Ok((f, l, u))
}

/// LU decomposition with the permutation applied to `L`: `A = (P L) U`, returning
/// `(P L, U)`; `P L` is a row permutation of a unit lower triangular matrix.
///
/// SciPy equivalent: `scipy.linalg.lu(a, permute_l=True)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::lu_permute_l;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]];
/// let (pl, u) = lu_permute_l(&a).unwrap();
/// assert_eq!(pl, array![[0.25, 1.0], [1.0, 0.0]]);
/// assert_eq!(u, array![[4.0, 5.0, 6.5], [0.0, 0.75, 1.375]]);
/// assert_eq!(pl.dot(&u), a);
/// ```
pub fn lu_permute_l<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<T>, Array2<T>)> {
    let (f, l, u) = lu_parts(a)?;
    let mut pl = zeros_f(l.nrows(), l.ncols());
    for (i, &r) in f.perm.iter().enumerate() {
        pl.row_mut(r).assign(&l.row(i));
    }
    Ok((pl, u))
}

/// LU decomposition with the permutation as row indices: `A = L[p] U`, returning `(p, L, U)`.
///
/// SciPy equivalent: `scipy.linalg.lu(a, p_indices=True)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::lu_p_indices;
/// use sci_linalg::sci_array::ndarray::{array, Axis};
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]];
/// let (p, l, u) = lu_p_indices(&a).unwrap();
/// assert_eq!(p.to_vec(), vec![1, 0]);
/// assert_eq!(l.select(Axis(0), p.as_slice().unwrap()).dot(&u), a);
/// ```
#[allow(clippy::type_complexity)]
pub fn lu_p_indices<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array1<usize>, Array2<T>, Array2<T>)> {
    let (f, l, u) = lu_parts(a)?;
    Ok((Array1::from(f.perm_inv.clone()), l, u))
}
