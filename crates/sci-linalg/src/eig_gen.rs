//! The generalized eigenvalue problem `a v = w b v` (LAPACK `ggev`) and left eigenvectors:
//! `eig_with`, `eigvals_with`.

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::evd::ComputeEigenvectors;
use faer::linalg::gevd;
use faer::{ColMut, Mat};
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2};
use num_complex::Complex;
use num_traits::Zero;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::{LinalgFloat, check_finite, check_square_finite, par, to_fortran, zeros_f};

/// `(alpha, beta, vl, vr)` of a generalized eigendecomposition, `w = alpha / beta`.
#[doc(hidden)]
pub type Gevd<R> =
    (Array1<Complex<R>>, Array1<Complex<R>>, Option<Array2<Complex<R>>>, Option<Array2<Complex<R>>>);

/// Keyword options of [`eig_with`]; `Default` gives SciPy's defaults (`b=None`, `left=False`,
/// `right=True`, `homogeneous_eigvals=False`).
#[derive(Debug, Clone, Copy)]
pub struct EigOptions<'a, T> {
    /// The right-hand matrix of the generalized problem `a v = w b v` (`None`: the identity).
    pub b: Option<ArrayView2<'a, T>>,
    /// Compute the left eigenvectors `vl`: `vl[:, i]ᴴ a = w[i] vl[:, i]ᴴ b`.
    pub left: bool,
    /// Compute the right eigenvectors `vr`: `a vr[:, i] = w[i] b vr[:, i]`.
    pub right: bool,
    /// Also return the eigenvalues in homogeneous coordinates, [`Eig::homogeneous`].
    pub homogeneous_eigvals: bool,
}

impl<T> Default for EigOptions<'_, T> {
    fn default() -> Self {
        Self { b: None, left: false, right: true, homogeneous_eigvals: false }
    }
}

/// The result of [`eig_with`]: SciPy's `w`, `vl`, `vr` (the vectors only when asked for).
#[derive(Debug, Clone, PartialEq)]
pub struct Eig<R> {
    /// Eigenvalues; infinite (`inf + 0i`) where `beta = 0` and `alpha ≠ 0`, NaN where both are 0.
    pub w: Array1<Complex<R>>,
    /// Left eigenvectors (unit norm columns) when `left`.
    pub vl: Option<Array2<Complex<R>>>,
    /// Right eigenvectors (unit norm columns) when `right`.
    pub vr: Option<Array2<Complex<R>>>,
    /// With `homogeneous_eigvals`: SciPy's `(2, n)` array of the eigenvalues in homogeneous
    /// coordinates, `w[i] = homogeneous[0, i] / homogeneous[1, i]`. Without `b`: the eigenvalues
    /// over a row of ones. With `b`: the `(alpha, beta)` of the QZ decomposition, `beta` real
    /// and non-negative (as LAPACK `ggev`'s), zero for an infinite eigenvalue.
    pub homogeneous: Option<Array2<Complex<R>>>,
}

/// Eigenvalues and left and/or right eigenvectors of a square matrix, or of the generalized
/// problem `a v = w b v`.
///
/// Without `b` and `left` this is [`eig`](crate::eig). Otherwise faer's QZ algorithm (a
/// generalized Schur decomposition, LAPACK `ggev`'s method) computes `w = alpha / beta`, with
/// SciPy's rules for `beta = 0`: `inf` (a singular `b`) or NaN (`alpha = beta = 0`, a singular
/// pencil). Each eigenvector has unit norm with its largest component real and positive; the
/// order of the eigenvalues may differ from SciPy's. Real and complex input; computed by faer
/// also with the `lapack` feature.
///
/// With `homogeneous_eigvals`, [`Eig::homogeneous`] holds SciPy's `(2, n)` homogeneous
/// eigenvalues: without `b`, `w` over ones; with `b`, `(alpha, beta)` with `beta ≥ 0` real.
/// A pair is determined only up to a positive factor: faer's QZ scales `alpha` and `beta`
/// differently from LAPACK's, so only `alpha / beta` and the zero `beta`s agree with SciPy.
///
/// SciPy equivalent: `scipy.linalg.eig(a, b=None, left=False, right=True,
/// homogeneous_eigvals=False)` (`w` is always the ratios; the homogeneous form is the extra
/// field).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a` or `b`, [`LinalgError::ShapeMismatch`] when `b` is not
/// the shape of `a`, [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{eig_with, EigOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0f64, 0.0], [0.0, 3.0]];
/// let b = array![[1.0, 0.0], [0.0, 0.0]]; // singular b: one infinite eigenvalue
/// let e = eig_with(&a, &EigOptions { b: Some(b.view()), ..Default::default() })?;
/// assert!(e.w.iter().any(|z| (z - C::new(2.0, 0.0)).norm() < 1e-14));
/// assert!(e.w.iter().any(|z| z.re == f64::INFINITY));
/// // left and right vectors of a non-symmetric matrix
/// let a = array![[1.0, 2.0], [0.0, 3.0]];
/// let e = eig_with(&a, &EigOptions { left: true, ..Default::default() })?;
/// let (vl, vr) = (e.vl.unwrap(), e.vr.unwrap());
/// let ac = a.mapv(|x| C::new(x, 0.0));
/// assert_allclose(&ac.dot(&vr), &(&vr * &e.w), 1e-14, 1e-14);
/// let vlh = vl.t().mapv(|z| z.conj());
/// assert_allclose(&vlh.dot(&ac), &(&vlh * &e.w.view().insert_axis(sci_linalg::sci_array::ndarray::Axis(1))), 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Homogeneous eigenvalues: `eig([[1, 2], [3, 4]], [[1, 0], [0, 0]], homogeneous_eigvals=True)`
/// has the finite eigenvalue `-0.5` and an infinite one (`beta = 0`):
///
/// ```
/// use sci_linalg::{eig_with, EigOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[1.0, 0.0], [0.0, 0.0]];
/// let e = eig_with(&a, &EigOptions { b: Some(b.view()), right: false, homogeneous_eigvals: true, ..Default::default() })?;
/// let h = e.homogeneous.unwrap();
/// assert_eq!(h.dim(), (2, 2));
/// let fin = (0..2).find(|&i| h[[1, i]].norm() > 0.0).unwrap();
/// let w: C = h[[0, fin]] / h[[1, fin]];
/// assert!((w - C::new(-0.5, 0.0)).norm() < 1e-14); // SciPy: alpha = -0.4, beta = 0.8
/// assert!(h[[1, 1 - fin]].norm() == 0.0 && h[[0, 1 - fin]].norm() > 0.0);
/// assert!(h.row(1).iter().all(|z| z.im == 0.0 && z.re >= 0.0));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eig_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EigOptions<'_, T>,
) -> Result<Eig<RealOf<T>>> {
    if opts.b.is_none() && !opts.left {
        let (w, vr) = if opts.right {
            let (w, v) = T::eig_k(a.view())?;
            (w, Some(v))
        } else {
            (T::eigvals_k(a.view())?, None)
        };
        let homogeneous = opts.homogeneous_eigvals.then(|| over_ones(&w));
        return Ok(Eig { w, vl: None, vr, homogeneous });
    }
    let b = check_pencil(a, opts.b)?;
    let (alpha, beta, vl, vr) = T::gevd_k(a.view(), b.view(), opts.left, opts.right)?;
    let w = ratios(&alpha, &beta);
    let homogeneous = opts.homogeneous_eigvals.then(|| match opts.b {
        // SciPy's standard problem (geev) has no beta: the eigenvalues over ones.
        None => over_ones(&w),
        Some(_) => homogeneous_pairs(&alpha, &beta),
    });
    Ok(Eig { w, vl, vr, homogeneous })
}

/// SciPy's `vstack((w, ones))`.
fn over_ones<R: LinalgFloat>(w: &Array1<Complex<R>>) -> Array2<Complex<R>> {
    let n = w.len();
    Array2::from_shape_fn((2, n), |(r, i)| if r == 0 { w[i] } else { Complex::new(R::one(), R::zero()) })
}

/// `vstack((alpha, beta))` with each pair scaled by a unit factor that makes `beta` real and
/// non-negative (LAPACK's convention; the ratio is unchanged).
fn homogeneous_pairs<R: LinalgFloat>(
    alpha: &Array1<Complex<R>>,
    beta: &Array1<Complex<R>>,
) -> Array2<Complex<R>> {
    let mut h = Array2::from_elem((2, alpha.len()), Complex::new(R::zero(), R::zero()));
    for (i, (&al, &be)) in alpha.iter().zip(beta).enumerate() {
        let r = be.norm();
        let u = if r > R::zero() { be.conj() / r } else { Complex::new(R::one(), R::zero()) };
        h[[0, i]] = al * u;
        h[[1, i]] = Complex::new(r, R::zero());
    }
    h
}

/// Eigenvalues of a square matrix or of the pencil `(a, b)` (`a v = w b v`).
///
/// SciPy equivalent: `scipy.linalg.eigvals(a, b=None)`.
///
/// # Errors
///
/// As [`eig_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::eigvals_with;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[4.0, 0.0], [0.0, 9.0]];
/// let b = array![[2.0, 0.0], [0.0, 3.0]];
/// let mut w: Vec<f64> = eigvals_with(&a, Some(b.view()))?.iter().map(|z| z.re).collect();
/// w.sort_by(f64::total_cmp);
/// assert!((w[0] - 2.0).abs() < 1e-14 && (w[1] - 3.0).abs() < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvals_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    b: Option<ArrayView2<'_, T>>,
) -> Result<ndarray::Array1<Complex<RealOf<T>>>> {
    Ok(eig_with(a, &EigOptions { b, left: false, right: false, homogeneous_eigvals: false })?.w)
}

/// Checks `a` and `b` and returns `b` (the identity when absent) as a working copy.
fn check_pencil<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    b: Option<ArrayView2<'_, T>>,
) -> Result<Array2<T>> {
    let n = check_square_finite(a, "a")?;
    match b {
        None => {
            let mut e = zeros_f(n, n);
            e.diag_mut().fill(T::one());
            Ok(e)
        }
        Some(b) => {
            if b.dim() != (n, n) {
                if b.nrows() != b.ncols() {
                    return Err(LinalgError::NotSquare { arg: "b", shape: b.shape().to_vec() });
                }
                return Err(LinalgError::ShapeMismatch {
                    arg: "b",
                    expected: format!("({n}, {n}), the shape of `a`"),
                    found: b.shape().to_vec(),
                });
            }
            check_finite(&b, "b")?;
            Ok(to_fortran(&b))
        }
    }
}

/// SciPy's `_make_eigvals`: `alpha / beta`, `inf` for `beta = 0 ≠ alpha`, NaN for `0 / 0`.
fn ratios<R: LinalgFloat>(alpha: &Array1<Complex<R>>, beta: &Array1<Complex<R>>) -> Array1<Complex<R>> {
    let all_real = alpha.iter().all(|z| z.im == R::zero());
    alpha
        .iter()
        .zip(beta)
        .map(|(&al, &be)| {
            if !be.is_zero() {
                al / be
            } else if !al.is_zero() {
                Complex::new(R::infinity(), R::zero())
            } else if all_real {
                Complex::new(R::nan(), R::zero())
            } else {
                Complex::new(R::nan(), R::nan())
            }
        })
        .collect()
}

fn faer_err(_: gevd::GevdError) -> LinalgError {
    LinalgError::NoConvergence { iterations: 0 }
}

fn cv(flag: bool) -> ComputeEigenvectors {
    if flag { ComputeEigenvectors::Yes } else { ComputeEigenvectors::No }
}

/// faer's `gevd_scratch` plus room for the right-hand sides its eigenvector back-substitution
/// allocates (not counted by `gevd_scratch` in faer 0.24 for small `n`).
fn scratch<T: faer::traits::ComplexField>(n: usize, left: bool, right: bool, par: faer::Par) -> StackReq {
    gevd::gevd_scratch::<T>(n, cv(left), cv(right), par, Default::default())
        .and(faer::linalg::temp_mat_scratch::<T>(n, n + 2).array(3))
}

/// The generalized eigendecomposition of a real pencil; complex pairs of vectors are stored
/// by faer as LAPACK does (real and imaginary parts in columns `j`, `j + 1`).
pub(crate) fn gevd_real<R: LinalgFloat>(
    a: ArrayView2<'_, R>,
    b: ArrayView2<'_, R>,
    left: bool,
    right: bool,
) -> Result<Gevd<R>> {
    let n = a.nrows();
    let (mut aw, mut bw) = (to_fortran(&a), to_fortran(&b));
    let (mut re, mut im, mut beta) = (vec![R::zero(); n], vec![R::zero(); n], vec![R::zero(); n]);
    let mut ul = if left { Some(Mat::<R>::zeros(n, n)) } else { None };
    let mut ur = if right { Some(Mat::<R>::zeros(n, n)) } else { None };
    if n > 0 {
        let par = par();
        let mut mem = MemBuffer::new(scratch::<R>(n, left, right, par));
        gevd::gevd_real(
            crate::scalar::as_faer_mut(aw.view_mut()),
            crate::scalar::as_faer_mut(bw.view_mut()),
            ColMut::from_slice_mut(&mut re).as_diagonal_mut(),
            ColMut::from_slice_mut(&mut im).as_diagonal_mut(),
            ColMut::from_slice_mut(&mut beta).as_diagonal_mut(),
            ul.as_mut().map(|u| u.as_mut()),
            ur.as_mut().map(|u| u.as_mut()),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(faer_err)?;
    }
    // faer's values are those of the first eigenvalue of a complex pair (its test reads only
    // them); the second is the conjugate.
    let mut j = 0;
    while j < n {
        if im[j] != R::zero() && j + 1 < n {
            (re[j + 1], im[j + 1], beta[j + 1]) = (re[j], -im[j], beta[j]);
            j += 2;
        } else {
            j += 1;
        }
    }
    // Right vectors of a pair are u[:, j] ± i u[:, j + 1] (LAPACK's convention); faer's left
    // ones are the conjugates: u[:, j] ∓ i u[:, j + 1] belongs to the first eigenvalue.
    let unpack = |u: Mat<R>, sign: R| {
        let mut v = Array2::from_elem((n, n), Complex::new(R::zero(), R::zero()));
        let mut j = 0;
        while j < n {
            if im[j] != R::zero() && j + 1 < n {
                for i in 0..n {
                    let (x, y) = (u[(i, j)], sign * u[(i, j + 1)]);
                    v[[i, j]] = Complex::new(x, y);
                    v[[i, j + 1]] = Complex::new(x, -y);
                }
                j += 2;
            } else {
                for i in 0..n {
                    v[[i, j]] = Complex::new(u[(i, j)], R::zero());
                }
                j += 1;
            }
        }
        crate::eig::normalize_columns(&mut v);
        v
    };
    let alpha = re.iter().zip(&im).map(|(&r, &i)| Complex::new(r, i)).collect();
    let beta = beta.into_iter().map(|x| Complex::new(x, R::zero())).collect();
    Ok((alpha, beta, ul.map(|u| unpack(u, -R::one())), ur.map(|u| unpack(u, R::one()))))
}

/// The generalized eigendecomposition of a complex pencil.
pub(crate) fn gevd_complex<R>(
    a: ArrayView2<'_, Complex<R>>,
    b: ArrayView2<'_, Complex<R>>,
    left: bool,
    right: bool,
) -> Result<Gevd<R>>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
{
    let n = a.nrows();
    let (mut aw, mut bw) = (to_fortran(&a), to_fortran(&b));
    let zero = Complex::new(R::zero(), R::zero());
    let (mut alpha, mut beta) = (vec![zero; n], vec![zero; n]);
    let mut ul = if left { Some(zeros_f(n, n)) } else { None };
    let mut ur = if right { Some(zeros_f(n, n)) } else { None };
    if n > 0 {
        let par = par();
        let mut mem = MemBuffer::new(scratch::<Complex<R>>(n, left, right, par));
        gevd::gevd_cplx(
            crate::scalar::as_faer_mut(aw.view_mut()),
            crate::scalar::as_faer_mut(bw.view_mut()),
            ColMut::from_slice_mut(&mut alpha).as_diagonal_mut(),
            ColMut::from_slice_mut(&mut beta).as_diagonal_mut(),
            ul.as_mut().map(|u: &mut Array2<Complex<R>>| crate::scalar::as_faer_mut(u.view_mut())),
            ur.as_mut().map(|u: &mut Array2<Complex<R>>| crate::scalar::as_faer_mut(u.view_mut())),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(faer_err)?;
    }
    for v in [ul.as_mut(), ur.as_mut()].into_iter().flatten() {
        crate::eig::normalize_columns(v);
    }
    Ok((Array1::from(alpha), Array1::from(beta), ul, ur))
}
