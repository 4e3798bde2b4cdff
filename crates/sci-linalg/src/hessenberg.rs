//! Hessenberg decomposition (also the first step of [`crate::schur`]).

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::evd::hessenberg as fhess;
use faer::linalg::householder;
use faer::{Conj, Mat};
use ndarray::{Array2, ArrayBase, Data, Ix2};

use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{as_faer, as_faer_mut, check_square_finite, par, to_fortran, zeros_f};

/// Reduces the Fortran-order square `h` to Hessenberg form in place and returns `Q`
/// (`A = Q H Qᵀ`).
pub(crate) fn hessenberg_in_place<T: LinalgScalar>(h: &mut Array2<T>) -> Array2<T> {
    let n = h.nrows();
    let mut q = zeros_f(n, n);
    q.diag_mut().fill(T::one());
    if n <= 2 {
        return q; // already Hessenberg; LAPACK's reflectors are the identity here too
    }
    let par = par();
    let bs = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<T>(n - 1, n - 1);
    let mut coeff = Mat::<T>::zeros(bs, n - 1);
    let req = StackReq::any_of(&[
        fhess::hessenberg_in_place_scratch::<T>(n, bs, par, Default::default()),
        householder::apply_block_householder_sequence_on_the_right_in_place_scratch::<T>(n - 1, bs, n - 1),
    ]);
    let mut mem = MemBuffer::new(req);
    let stack = MemStack::new(&mut mem);
    fhess::hessenberg_in_place(as_faer_mut(h.view_mut()), coeff.as_mut(), par, stack, Default::default());
    householder::apply_block_householder_sequence_on_the_right_in_place_with_conj(
        as_faer(h.view()).submatrix(1, 0, n - 1, n - 1),
        coeff.as_ref(),
        Conj::No,
        as_faer_mut(q.view_mut()).submatrix_mut(1, 1, n - 1, n - 1),
        par,
        stack,
    );
    for j in 0..n {
        for i in j + 2..n {
            h[[i, j]] = T::zero();
        }
    }
    q
}

/// Hessenberg decomposition `a = q · h · qᵀ`: `h` is zero below its first subdiagonal and
/// `q` is orthogonal.
///
/// Returns `(h, q)` (SciPy's `calc_q=True`; take `.0` for `calc_q=False`). The signs of the
/// Householder reflections may differ from LAPACK's, and with them rows/columns of `h`.
///
/// SciPy equivalent: `scipy.linalg.hessenberg(a, calc_q=True)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare),
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::hessenberg;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 5.0, 8.0, 7.0], [5.0, 2.0, 2.0, 8.0], [7.0, 5.0, 6.0, 6.0], [5.0, 4.0, 4.0, 8.0]];
/// let (h, q) = hessenberg(&a).unwrap();
/// assert_eq!((h[[2, 0]], h[[3, 0]], h[[3, 1]]), (0.0, 0.0, 0.0));
/// assert_allclose(&q.dot(&h).dot(&q.t()), &a, 1e-14, 1e-13);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`): `a = q h qᴴ` with `q` unitary:
///
/// ```
/// use sci_linalg::hessenberg;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![
///     [C::new(1.0, 1.0), C::new(2.0, 0.0), C::new(0.0, 3.0)],
///     [C::new(0.0, -1.0), C::new(4.0, 0.0), C::new(1.0, 1.0)],
///     [C::new(2.0, 2.0), C::new(0.0, 1.0), C::new(-1.0, 0.0)],
/// ];
/// let (h, q) = hessenberg(&a)?;
/// assert_eq!(h[[2, 0]], C::new(0.0, 0.0));
/// assert_allclose(&q.dot(&h).dot(&q.t().mapv(|z| z.conj())), &a, 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn hessenberg<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<T>, Array2<T>)> {
    check_square_finite(a, "a")?;
    let mut h = to_fortran(a);
    let q = hessenberg_in_place(&mut h);
    Ok((h, q))
}
