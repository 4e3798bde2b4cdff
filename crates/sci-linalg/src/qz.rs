//! `qz`: the generalized Schur (QZ) decomposition of a matrix pencil, by faer's QR of `B`,
//! Hessenberg–triangular reduction and QZ iteration (LAPACK's `?gges` path without sorting).

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::evd::ComputeEigenvectors;
use faer::linalg::gevd::{self, GevdParams};
use faer::linalg::householder;
use faer::linalg::qr::no_pivoting::factor as fqr;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{ColMut, Conj, Mat, MatMut, Par, Spec};
use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2};
use num_complex::Complex;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, as_faer_mut, check_finite, check_square, par, to_fortran, zeros_f};

/// `(AA, BB, Q, Z)` of a generalized Schur decomposition `A = Q AA Zᴴ`, `B = Q BB Zᴴ`.
pub type Qz<T> = (Array2<T>, Array2<T>, Array2<T>, Array2<T>);

/// faer's real QZ iteration (`dhgeqz` with Schur form and `Q`, `Z` accumulated).
fn qz_real_kernel<R: LinalgFloat>(
    a: MatMut<'_, R>,
    b: MatMut<'_, R>,
    q: MatMut<'_, R>,
    z: MatMut<'_, R>,
    par: Par,
    stack: &mut MemStack,
) {
    let n = a.nrows();
    let (mut re, mut im, mut beta) = (vec![R::zero(); n], vec![R::zero(); n], vec![R::zero(); n]);
    let params: Spec<GevdParams, R> = Default::default();
    gevd::qz_real::hessenberg_to_qz(
        a,
        b,
        Some(q),
        Some(z),
        ColMut::from_slice_mut(&mut re),
        ColMut::from_slice_mut(&mut im),
        ColMut::from_slice_mut(&mut beta),
        ComputeEigenvectors::Yes,
        par,
        params.config.schur,
        stack,
    );
}

/// faer's complex QZ iteration (`zhgeqz` with Schur form and `Q`, `Z` accumulated).
fn qz_cplx_kernel<R>(
    a: MatMut<'_, Complex<R>>,
    b: MatMut<'_, Complex<R>>,
    q: MatMut<'_, Complex<R>>,
    z: MatMut<'_, Complex<R>>,
    par: Par,
    stack: &mut MemStack,
) where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
{
    let n = a.nrows();
    let zero = Complex::new(R::zero(), R::zero());
    let (mut alpha, mut beta) = (vec![zero; n], vec![zero; n]);
    let params: Spec<GevdParams, Complex<R>> = Default::default();
    gevd::qz_cplx::hessenberg_to_qz(
        a,
        b,
        Some(q),
        Some(z),
        ColMut::from_slice_mut(&mut alpha),
        ColMut::from_slice_mut(&mut beta),
        ComputeEigenvectors::Yes,
        par,
        params.config.schur,
        stack,
    );
}

/// The shared reduction: `B = Q₀ R` (QR), `A ← Q₀ᴴ A`, then Hessenberg–triangular form and
/// the QZ iteration `to_qz`, accumulating `Q` and `Z`.
fn qz_generic<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    to_qz: impl FnOnce(MatMut<'_, T>, MatMut<'_, T>, MatMut<'_, T>, MatMut<'_, T>, Par, &mut MemStack),
) -> Result<Qz<T>> {
    let n = a.nrows();
    let (mut aa, mut bb) = (to_fortran(&a), to_fortran(&b));
    let (mut q, mut z) = (zeros_f::<T>(n, n), zeros_f::<T>(n, n));
    for i in 0..n {
        q[[i, i]] = T::one();
        z[[i, i]] = T::one();
    }
    if n == 0 {
        return Ok((aa, bb, q, z));
    }
    let par = par();
    let bs = fqr::recommended_block_size::<T>(n, n);
    let params: Spec<GevdParams, T> = Default::default();
    let req = StackReq::any_of(&[
        gevd::gevd_scratch::<T>(
            n,
            ComputeEigenvectors::Yes,
            ComputeEigenvectors::Yes,
            par,
            Default::default(),
        ),
        fqr::qr_in_place_scratch::<T>(n, n, bs, par, Default::default()),
        householder::apply_block_householder_sequence_transpose_on_the_left_in_place_scratch::<T>(n, bs, n),
    ])
    .and(faer::linalg::temp_mat_scratch::<T>(n, n + 2).array(3));
    let mut mem = MemBuffer::new(req);
    let stack = MemStack::new(&mut mem);
    let mut hh = Mat::<T>::zeros(bs, n);
    {
        let mut bm = as_faer_mut(bb.view_mut());
        fqr::qr_in_place(bm.rb_mut(), hh.as_mut(), par, stack, Default::default());
        householder::apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj(
            bm.rb(),
            hh.as_ref(),
            Conj::Yes,
            as_faer_mut(aa.view_mut()),
            par,
            stack,
        );
        householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
            bm.rb(),
            hh.as_ref(),
            Conj::No,
            as_faer_mut(q.view_mut()),
            par,
            stack,
        );
    }
    for j in 0..n {
        for i in j + 1..n {
            bb[[i, j]] = T::zero();
        }
    }
    gevd::gen_hessenberg::generalized_hessenberg(
        as_faer_mut(aa.view_mut()),
        as_faer_mut(bb.view_mut()),
        Some(as_faer_mut(q.view_mut())),
        Some(as_faer_mut(z.view_mut())),
        par,
        stack,
        params.config.hessenberg,
    );
    to_qz(
        as_faer_mut(aa.view_mut()),
        as_faer_mut(bb.view_mut()),
        as_faer_mut(q.view_mut()),
        as_faer_mut(z.view_mut()),
        par,
        stack,
    );
    Ok((aa, bb, q, z))
}

pub(crate) fn check_pencil<T: LinalgScalar, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
) -> Result<()> {
    check_finite(a, "A")?;
    check_finite(b, "B")?;
    check_square(a, "A")?;
    check_square(b, "B")?;
    if a.dim() != b.dim() {
        return Err(LinalgError::ShapeMismatch {
            arg: "B",
            expected: format!("the shape of A, {:?}", a.shape()),
            found: b.shape().to_vec(),
        });
    }
    Ok(())
}

/// Generalized Schur (QZ) decomposition of a real matrix pencil: `A = Q AA Zᵀ`,
/// `B = Q BB Zᵀ` with `Q`, `Z` orthogonal, `BB` upper triangular with a non-negative diagonal
/// and `AA` upper quasi-triangular (1×1 blocks for real generalized eigenvalues, 2×2 blocks
/// for complex pairs, whose `BB` block is diagonal with positive entries).
///
/// The generalized eigenvalues are `AA[j, j] / BB[j, j]` (and those of the 2×2 blocks); their
/// order along the diagonal comes from the QZ iteration and may differ from LAPACK's. Computed
/// by faer (QR of `B`, Hessenberg–triangular reduction, multishift QZ) on both backends.
///
/// SciPy equivalent: `scipy.linalg.qz(A, B, output='real')`; `output='complex'` is
/// [`qz_complex`].
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::ShapeMismatch`] when the shapes differ,
/// [`LinalgError::NonFinite`] naming `A` or `B`.
///
/// # Examples
///
/// ```
/// use sci_linalg::qz;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, -1.0], [5.0, 5.0, 5.0], [2.0, 4.0, -8.0]];
/// let b = array![[1.0, 1.0, -3.0], [3.0, 1.0, -1.0], [5.0, 6.0, -2.0]];
/// let (aa, bb, q, z) = qz(&a, &b)?;
/// assert_allclose(&q.dot(&aa).dot(&z.t()), &a, 1e-13, 1e-13);
/// assert_allclose(&q.dot(&bb).dot(&z.t()), &b, 1e-13, 1e-13);
/// assert_eq!(bb[[1, 0]], 0.0);
/// assert!(bb.diag().iter().all(|&x| x >= 0.0));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qz<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Qz<T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_pencil(a, b)?;
    qz_generic(a.view(), b.view(), qz_real_kernel::<T>)
}

/// Complex generalized Schur (QZ) decomposition of a real or complex matrix pencil:
/// `A = Q AA Zᴴ`, `B = Q BB Zᴴ` with `Q`, `Z` unitary, `AA` upper triangular and `BB` upper
/// triangular with a real non-negative diagonal; the generalized eigenvalues are
/// `AA[j, j] / BB[j, j]` (order as the QZ iteration leaves them, which may differ from
/// LAPACK's).
///
/// SciPy equivalent: `scipy.linalg.qz(A, B, output='complex')` (real input is converted to
/// complex first, as SciPy).
///
/// # Errors
///
/// As [`qz`].
///
/// # Examples
///
/// ```
/// use sci_linalg::qz_complex;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [-3.0, 1.0]];
/// let b = array![[2.0, 0.0], [1.0, 1.0]];
/// let (aa, bb, q, z) = qz_complex(&a, &b)?;
/// let zh = z.t().mapv(|x| x.conj());
/// let ac = a.mapv(|x| C::new(x, 0.0));
/// assert_allclose(&q.dot(&aa).dot(&zh), &ac, 1e-13, 1e-13);
/// assert_eq!(aa[[1, 0]], C::new(0.0, 0.0));
/// assert!(bb.diag().iter().all(|x| x.im == 0.0 && x.re >= 0.0));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qz_complex<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Qz<Complex<RealOf<T>>>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    Complex<RealOf<T>>: LinalgScalar<Real = RealOf<T>>,
{
    check_pencil(a, b)?;
    let (ac, bc) = (a.mapv(T::to_complex), b.mapv(T::to_complex));
    qz_generic(ac.view(), bc.view(), qz_cplx_kernel::<RealOf<T>>)
}
