//! Eigenvalue problems: `eigh`, `eigvalsh` (symmetric) and `eig`, `eigvals` (general).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::{ColMut, MatRef};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix2, ShapeBuilder};
use num_complex::Complex;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::parallel::{Kernel, cube, par_for};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_square_finite, par, zeros_f};

fn evd_err(_: evd::EvdError) -> LinalgError {
    // faer reports only that its iteration budget ran out, not the count.
    LinalgError::NoConvergence { iterations: 0 }
}

/// The triangle faer reads (always the lower one) of the symmetric matrix stored in `a`.
fn lower_view<T, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, lower: bool) -> MatRef<'_, T> {
    let f = as_faer(a.view());
    if lower { f } else { f.transpose() }
}

pub(crate) fn sym_evd<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
    vectors: bool,
) -> Result<(Array1<T>, Option<Array2<T>>)> {
    let n = check_square_finite(a, "a")?;
    let mut w = vec![T::zero(); n];
    let mut v = if vectors { Some(zeros_f(n, n)) } else { None };
    if n == 0 {
        return Ok((Array1::from(w), v));
    }
    #[cfg(feature = "lapack")]
    if n > 0 {
        use crate::lapack::{buf, dim};
        // LAPACK syevr (MRRR, SciPy's default driver 'evr') on a Fortran copy; it reads only
        // the `lower` triangle.
        let mut work = crate::scalar::to_fortran(a);
        let mut z = if vectors { zeros_f(n, n) } else { zeros_f(1, 1) };
        let jobz = if vectors { b'V' } else { b'N' };
        let uplo = if lower { b'L' } else { b'U' };
        if T::syevr(jobz, uplo, dim(n, "a")?, buf(&mut work), &mut w, buf(&mut z)) > 0 {
            return Err(LinalgError::NoConvergence { iterations: 0 });
        }
        return Ok((Array1::from(w), if vectors { Some(z) } else { None }));
    }
    let par = par();
    let cv = if vectors { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No };
    let mut mem = MemBuffer::new(evd::self_adjoint_evd_scratch::<T>(n, cv, par, Default::default()));
    evd::self_adjoint_evd(
        lower_view(a, lower),
        ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
        v.as_mut().map(|v| as_faer_mut(v.view_mut())),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(evd_err)?;
    Ok((Array1::from(w), v))
}

/// Eigenvalues and eigenvectors of a real symmetric matrix: `a · v[:, i] = w[i] · v[:, i]`.
///
/// The eigenvalues `w` are in ascending order, the eigenvectors `v` orthonormal columns
/// (their signs are arbitrary and may differ from SciPy's). Only the lower triangle is read
/// when `lower` (SciPy's default `lower=True`), else the upper one.
///
/// SciPy equivalent: `scipy.linalg.eigh(a, lower=True)` (NumPy: `numpy.linalg.eigh`).
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::eigh;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0], [1.0, 2.0]];
/// let (w, v) = eigh(&a, true).unwrap();
/// assert_allclose(&w, &array![1.0, 3.0], 1e-14, 0.0);
/// assert_allclose(&a.dot(&v), &(&v * &w), 1e-14, 1e-14);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // Hermitian: real eigenvalues
/// let a = array![[C::new(2.0, 0.0), C::new(0.0, -1.0)], [C::new(0.0, 1.0), C::new(2.0, 0.0)]];
/// let (w, v) = sci_linalg::eigh(&a, true)?;
/// assert_allclose(&w, &array![1.0, 3.0], 1e-14, 0.0);
/// assert_allclose(&a.dot(&v), &(&v * &w.mapv(|x| C::new(x, 0.0))), 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigh<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<(Array1<RealOf<T>>, Array2<T>)> {
    let (w, v) = T::eigh_k(a.view(), lower, true)?;
    Ok((w, v.expect("vectors were requested")))
}

/// Eigenvalues of a real symmetric matrix, ascending.
///
/// SciPy equivalent: `scipy.linalg.eigvalsh(a, lower=True)` (NumPy: `numpy.linalg.eigvalsh`).
///
/// # Errors
///
/// As [`eigh`].
///
/// # Examples
///
/// ```
/// use sci_linalg::eigvalsh;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let w = eigvalsh(&array![[1.0, -2.0], [-2.0, 1.0]], true).unwrap();
/// assert_allclose(&w, &array![-1.0, 3.0], 1e-14, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let w = sci_linalg::eigvalsh(&array![[C::new(1.0, 0.0), C::new(0.0, 2.0)], [C::new(0.0, -2.0), C::new(1.0, 0.0)]], true)?;
/// assert_allclose(&w, &array![-1.0, 3.0], 1e-14, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvalsh<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<Array1<RealOf<T>>> {
    Ok(T::eigh_k(a.view(), lower, false)?.0)
}

/// Eigenvalues and right eigenvectors of a general real square matrix:
/// `a · v[:, i] = w[i] · v[:, i]`.
///
/// Eigenvalues of a real matrix come in complex-conjugate pairs, so `w` and `v` are complex.
/// Each eigenvector has unit Euclidean norm and its largest-modulus component real and
/// positive (LAPACK makes it real but leaves the sign; so vectors may differ from SciPy's by a
/// factor -1, and for complex eigenvalues by a phase). The order of the eigenvalues is the
/// order the QR algorithm delivers them in and may differ from SciPy's.
///
/// SciPy equivalent: `scipy.linalg.eig(a)` (NumPy: `numpy.linalg.eig`).
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::eig;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64;
/// let a = array![[0.0, -1.0], [1.0, 0.0]]; // rotation by 90°: eigenvalues ±i
/// let (w, v) = eig(&a).unwrap();
/// let mut im: Vec<f64> = w.iter().map(|z| z.im).collect();
/// im.sort_by(f64::total_cmp);
/// assert!((im[0] + 1.0).abs() < 1e-14 && (im[1] - 1.0).abs() < 1e-14);
/// let ac = a.mapv(|x| Complex64::new(x, 0.0));
/// let residual = &ac.dot(&v) - &(&v * &w);
/// assert!(residual.iter().all(|z| z.norm() < 1e-14));
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 1.0), C::new(1.0, 0.0)], [C::new(0.0, 0.0), C::new(2.0, -1.0)]];
/// let (w, v) = sci_linalg::eig(&a)?; // triangular: the eigenvalues are the diagonal
/// assert!(w.iter().any(|z| (z - C::new(1.0, 1.0)).norm() < 1e-14));
/// assert!(w.iter().any(|z| (z - C::new(2.0, -1.0)).norm() < 1e-14));
/// assert_allclose(&a.dot(&v), &(&v * &w), 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn eig<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array1<Complex<RealOf<T>>>, Array2<Complex<RealOf<T>>>)> {
    T::eig_k(a.view())
}

/// [`eig`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn eig_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array1<Complex<T>>, Array2<Complex<T>>)> {
    let n = check_square_finite(a, "a")?;
    #[cfg(feature = "lapack")]
    if n > 0 {
        let (w, v) = lapack_geev(a, true)?;
        let mut v = v.expect("vectors were requested");
        normalize_columns(&mut v);
        return Ok((w, v));
    }
    // Real Schur form and real eigenvector pairs straight into a Fortran-order matrix (no
    // intermediate complex copy); Hessenberg + QR iteration + vectors are ~25 n³ flops.
    let (mut re, mut im) = (vec![T::zero(); n], vec![T::zero(); n]);
    let mut vr = zeros_f(n, n);
    let par = par_for(Kernel::Orthogonal, 25.0 * cube(n));
    let (no, yes) = (ComputeEigenvectors::No, ComputeEigenvectors::Yes);
    let mut mem = MemBuffer::new(evd::evd_scratch::<T>(n, no, yes, par, Default::default()));
    evd::evd_real(
        as_faer(a.view()),
        ColMut::from_slice_mut(&mut re).as_diagonal_mut(),
        ColMut::from_slice_mut(&mut im).as_diagonal_mut(),
        None,
        Some(as_faer_mut(vr.view_mut())),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(evd_err)?;
    let mut v = pairs_to_complex(&im, &vr);
    normalize_columns(&mut v);
    Ok((complex_values(&re, &im), v))
}

/// Eigenvalues from their real and imaginary parts.
fn complex_values<T: LinalgFloat>(re: &[T], im: &[T]) -> Array1<Complex<T>> {
    re.iter().zip(im).map(|(&r, &i)| Complex::new(r, i)).collect()
}

/// Complex eigenvectors (Fortran order) from LAPACK's real storage: a conjugate pair `j, j+1`
/// (`im[j] != 0`) is held as the real and imaginary parts in columns `j` and `j + 1`.
fn pairs_to_complex<T: LinalgFloat>(im: &[T], vr: &Array2<T>) -> Array2<Complex<T>> {
    let n = vr.ncols();
    let mut v = Array2::from_elem((vr.nrows(), n).f(), Complex::new(T::zero(), T::zero()));
    let mut j = 0;
    while j < n {
        if im[j] != T::zero() && j + 1 < n {
            for ((z, &x), &y) in v.column_mut(j).iter_mut().zip(vr.column(j)).zip(vr.column(j + 1)) {
                *z = Complex::new(x, y);
            }
            for ((z, &x), &y) in v.column_mut(j + 1).iter_mut().zip(vr.column(j)).zip(vr.column(j + 1)) {
                *z = Complex::new(x, -y);
            }
            j += 2;
        } else {
            for (z, &x) in v.column_mut(j).iter_mut().zip(vr.column(j)) {
                *z = Complex::new(x, T::zero());
            }
            j += 1;
        }
    }
    v
}

/// LAPACK `geev` on a Fortran copy of the non-empty square `a`: eigenvalues and, when asked,
/// right eigenvectors as complex columns (LAPACK stores a conjugate pair `j, j+1` as the real
/// and imaginary parts in columns `j` and `j+1`).
#[cfg(feature = "lapack")]
#[allow(clippy::type_complexity)]
fn lapack_geev<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    vectors: bool,
) -> Result<(Array1<Complex<T>>, Option<Array2<Complex<T>>>)> {
    use crate::lapack::{buf, dim};
    let n = a.nrows();
    let mut work = crate::scalar::to_fortran(a);
    let (mut wr, mut wi) = (vec![T::zero(); n], vec![T::zero(); n]);
    let mut vr = if vectors { zeros_f(n, n) } else { zeros_f(1, 1) };
    let jobvr = if vectors { b'V' } else { b'N' };
    let info = T::geev(jobvr, dim(n, "a")?, buf(&mut work), &mut wr, &mut wi, buf(&mut vr));
    if info > 0 {
        // geev's info > 0: the QR algorithm failed to compute all eigenvalues.
        return Err(LinalgError::NoConvergence { iterations: 0 });
    }
    let w = complex_values(&wr, &wi);
    if !vectors {
        return Ok((w, None));
    }
    Ok((w, Some(pairs_to_complex(&wi, &vr))))
}

/// Scales each eigenvector column to unit length with its largest component real positive.
///
/// One pass finds each column's squared norm and largest component, a second multiplies by
/// the conjugate phase over the norm (three passes with a complex division per entry cost
/// 0.6 ms more of a 500 x 500 `eig`'s 110).
pub(crate) fn normalize_columns<T: LinalgFloat>(v: &mut Array2<Complex<T>>) {
    for mut col in v.columns_mut() {
        let (mut norm2, mut big, mut big2) = (T::zero(), Complex::new(T::zero(), T::zero()), T::zero());
        for &z in col.iter() {
            let a = z.norm_sqr();
            norm2 += a;
            if a > big2 {
                (big, big2) = (z, a);
            }
        }
        if norm2 > T::zero() {
            // Multiplying by conj(big / |big|) / norm gives unit length and a real positive `big`.
            let phase = big / Complex::new(big.norm(), T::zero());
            let inv = phase.conj() / Complex::new(norm2.sqrt(), T::zero());
            col.mapv_inplace(|z| z * inv);
        }
    }
}

/// Eigenvalues of a general real square matrix (complex, unordered).
///
/// SciPy equivalent: `scipy.linalg.eigvals(a)` (NumPy: `numpy.linalg.eigvals`).
///
/// # Errors
///
/// As [`eig`].
///
/// # Examples
///
/// ```
/// use sci_linalg::eigvals;
/// use sci_linalg::sci_array::ndarray::array;
/// let w = eigvals(&array![[2.0, 0.0], [0.0, 3.0]]).unwrap();
/// let mut re: Vec<f64> = w.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert_eq!(re, vec![2.0, 3.0]);
/// assert!(w.iter().all(|z| z.im == 0.0));
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let w = sci_linalg::eigvals(&array![[C::new(0.0, 3.0)]])?;
/// assert_eq!(w, array![C::new(0.0, 3.0)]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvals<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<Array1<Complex<RealOf<T>>>> {
    T::eigvals_k(a.view())
}

/// [`eigvals`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn eigvals_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<Array1<Complex<T>>> {
    let n = check_square_finite(a, "a")?;
    #[cfg(feature = "lapack")]
    if n > 0 {
        return Ok(lapack_geev(a, false)?.0);
    }
    let mut re = vec![T::zero(); n];
    let mut im = vec![T::zero(); n];
    // Hessenberg reduction and QR iteration without vectors: ~10 n³ flops.
    let par = par_for(Kernel::Orthogonal, 10.0 * cube(n));
    let no = ComputeEigenvectors::No;
    let mut mem = MemBuffer::new(evd::evd_scratch::<T>(n, no, no, par, Default::default()));
    evd::evd_real(
        as_faer(a.view()),
        ColMut::from_slice_mut(&mut re).as_diagonal_mut(),
        ColMut::from_slice_mut(&mut im).as_diagonal_mut(),
        None,
        None,
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(evd_err)?;
    Ok(complex_values(&re, &im))
}
