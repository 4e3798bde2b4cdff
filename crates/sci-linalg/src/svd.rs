//! Singular value decomposition: `svd`, `svdvals`, `diagsvd`, and low-rank reconstruction.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::svd::{self as fsvd, ComputeSvdVectors};
use faer::{Accum, ColMut};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2, ShapeBuilder, s};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, zeros_c, zeros_f};

/// The result of [`svd`]: `a = u · diag(s) · vh`.
///
/// With `full_matrices`, `u` is `(m, m)` and `vh` is `(n, n)`; otherwise (economy size)
/// `u` is `(m, k)` and `vh` is `(k, n)` with `k = min(m, n)`. `s` holds the `k` singular
/// values in descending order.
#[derive(Debug, Clone, PartialEq)]
pub struct Svd<T: LinalgScalar> {
    /// Left singular vectors, one per column.
    pub u: Array2<T>,
    /// Singular values, non-negative, descending (real also for complex `a`).
    pub s: Array1<RealOf<T>>,
    /// Right singular vectors, one per row (`Vᴴ`, as SciPy returns it).
    pub vh: Array2<T>,
}

impl<T: LinalgScalar> Svd<T> {
    /// The best rank-`k` approximation of the decomposed matrix (Eckart–Young):
    /// `u[:, :k] @ diag(s[:k]) @ vh[:k, :]`, computed with one matrix product.
    ///
    /// `k` larger than the number of singular values is clamped to it. This is SVD image
    /// compression: keep the top `k` singular triplets of an image matrix.
    ///
    /// NumPy equivalent: `u[:, :k] @ np.diag(s[:k]) @ vh[:k, :]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_linalg::svd;
    /// use sci_linalg::sci_array::ndarray::{array, Array2};
    /// use sci_linalg::sci_array::testing::assert_allclose;
    /// // a rank-1 "image" plus a little rank-1 noise
    /// let img = Array2::from_shape_fn((225, 225), |(i, j)| ((i * j) as f64).sqrt() + 1e-3 * (i % 7) as f64);
    /// let d = svd(&img, false).unwrap();
    /// let approx = d.reconstruct(20);
    /// assert_eq!(approx.dim(), (225, 225));
    /// let err = (&approx - &img).mapv(|x| x * x).sum().sqrt();
    /// let tail = d.s.slice(sci_linalg::sci_array::ndarray::s![20..]).mapv(|x| x * x).sum().sqrt();
    /// assert!((err - tail).abs() <= 1e-9 * img.mapv(|x| x * x).sum().sqrt());
    /// // all triplets give back the matrix
    /// assert_allclose(&d.reconstruct(225), &img, 1e-10, 1e-10);
    /// # let _ = array![1.0];
    /// ```
    pub fn reconstruct(&self, k: usize) -> Array2<T> {
        let k = k.min(self.s.len());
        let (m, n) = (self.u.nrows(), self.vh.ncols());
        // Scale the k kept columns of u by s, then one GEMM with the kept rows of vh.
        let mut us = zeros_f(m, k);
        us.assign(&self.u.slice(s![.., ..k]));
        for (mut col, &sv) in us.columns_mut().into_iter().zip(self.s.iter()) {
            col.mapv_inplace(|x| x * T::from_real(sv));
        }
        let mut out = zeros_f(m, n);
        faer::linalg::matmul::matmul(
            as_faer_mut(out.view_mut()),
            Accum::Replace,
            as_faer(us.view()),
            as_faer(self.vh.slice(s![..k, ..])),
            T::one(),
            par_for(Kernel::Gemm, gemm_flops(m, n, k)),
        );
        out
    }
}

fn svd_err(_: fsvd::SvdError) -> LinalgError {
    // faer reports only that its iteration budget ran out, not the count.
    LinalgError::NoConvergence { iterations: 0 }
}

/// Singular value decomposition `a = u · diag(s) · vh`.
///
/// `full_matrices = true` is SciPy's default (square `u` and `vh`); `false` gives the economy
/// size. For the singular values alone use [`svdvals`] (SciPy's `compute_uv=False`).
/// The signs of singular vector pairs are arbitrary and may differ from SciPy's (LAPACK's);
/// the product `u · diag(s) · vh` and `s` agree.
///
/// SciPy equivalent: `scipy.linalg.svd` (NumPy: `numpy.linalg.svd`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`] when `a` holds NaN or infinity, [`LinalgError::NoConvergence`]
/// when the iteration fails.
///
/// # Examples
///
/// ```
/// use sci_linalg::svd;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [2.0, 3.0]];
/// let d = svd(&a, true).unwrap();
/// assert_allclose(&d.s, &array![4.23606797749979, 0.2360679774997897], 1e-14, 0.0);
/// let rebuilt = (&d.u * &d.s).dot(&d.vh);
/// assert_allclose(&rebuilt, &a, 1e-14, 1e-14);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 3.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(-4.0, 0.0)]];
/// let d = sci_linalg::svd(&a, true)?;
/// assert_allclose(&d.s, &array![4.0, 3.0], 1e-15, 0.0); // real singular values
/// assert_allclose(&d.reconstruct(2), &a, 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn svd<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, full_matrices: bool) -> Result<Svd<T>> {
    T::svd_k(a.view(), full_matrices)
}

/// [`svd`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn svd_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    full_matrices: bool,
) -> Result<Svd<T>> {
    check_finite(a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let (ur, vr, mode) =
        if full_matrices { (m, n, ComputeSvdVectors::Full) } else { (k, k, ComputeSvdVectors::Thin) };
    #[cfg(feature = "lapack")]
    if k > 0 {
        // LAPACK gesdd (divide and conquer, SciPy's default driver); vh is Fortran-ordered here.
        let (mut u, mut vh, mut sv) = (zeros_f(m, ur), zeros_f(vr, n), Array1::zeros(k));
        lapack_gesdd(a.view(), if full_matrices { b'A' } else { b'S' }, &mut sv, &mut u, &mut vh)?;
        return Ok(Svd { u, s: sv, vh });
    }
    if let Some(d) = svd_by_qr(a.view(), full_matrices)? {
        return Ok(d);
    }
    let mut u = zeros_f(m, ur);
    // vh is C-ordered so that its transpose, faer's V, is column-major.
    let mut vh = zeros_c(vr, n);
    let mut sv = vec![T::zero(); k];
    // Bidiagonalization (4 m n k - 4/3 k³ flops) plus the vectors: a few times 2 m n k.
    let par = par_for(Kernel::Orthogonal, 4.0 * gemm_flops(m, n, k));
    let mut mem = MemBuffer::new(fsvd::svd_scratch::<T>(m, n, mode, mode, par, Default::default()));
    fsvd::svd(
        as_faer(a.view()),
        ColMut::from_slice_mut(&mut sv).as_diagonal_mut(),
        Some(as_faer_mut(u.view_mut())),
        Some(as_faer_mut(vh.view_mut().reversed_axes())),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(svd_err)?;
    Ok(Svd { u, s: Array1::from(sv), vh })
}

/// `m ≥ 1.6 n` (or `n ≥ 1.6 m`): LAPACK `gesdd`'s route for a tall (wide) matrix, taken for
/// `f64` input. The blocked Householder QR `a = Q R` first (half the flops of a
/// bidiagonalization of `a`, mostly in matrix products), then the SVD of the `(n, n)` factor
/// `R = U_R S Vᵀ`, and `U = Q [U_R; 0]` (`full_matrices`: `Q [U_R, 0; 0, I]`) by applying the
/// reflectors blockwise. A wide `a` goes through its transpose. `None` for other element
/// types and for shapes closer to square (then the SVD of `a` itself).
fn svd_by_qr<T: LinalgFloat>(a: ndarray::ArrayView2<'_, T>, full_matrices: bool) -> Result<Option<Svd<T>>> {
    let (m, n) = a.dim();
    if std::any::TypeId::of::<T>() != std::any::TypeId::of::<f64>() || m.min(n) < QR_FIRST_MIN {
        return Ok(None);
    }
    if 5 * n >= 8 * m {
        // a = (aᵀ)ᵀ = (U S Vᵀ)ᵀ = V S Uᵀ
        return Ok(svd_by_qr(a.t(), full_matrices)?.map(|d| Svd {
            u: crate::scalar::to_fortran(&d.vh.t()),
            s: d.s,
            vh: crate::scalar::to_fortran(&d.u.t()),
        }));
    }
    if 5 * m < 8 * n {
        return Ok(None);
    }
    let mut h = crate::scalar::to_fortran(&a);
    let Some(tau) = crate::qr_blocked::geqrf_if_f64(&mut h) else { return Ok(None) };
    let mut r = zeros_f(n, n);
    for j in 0..n {
        r.slice_mut(s![..=j, j]).assign(&h.slice(s![..=j, j]));
    }
    let d = svd_real(&r, false)?;
    drop(r);
    let mut u = zeros_f(m, if full_matrices { m } else { n });
    u.slice_mut(s![..n, ..n]).assign(&d.u);
    for i in n..u.ncols() {
        u[[i, i]] = T::one();
    }
    let applied = crate::qr_blocked::ormqr_if_f64(&h, &tau, &mut u, false);
    debug_assert!(applied, "f64 checked above");
    Ok(Some(Svd { u, s: d.s, vh: d.vh }))
}

/// [`svd_by_qr`] from `min(m, n)` this large on (below, one SVD of `a` costs microseconds).
const QR_FIRST_MIN: usize = 16;

/// Singular values of `a`, descending (no singular vectors are computed).
///
/// SciPy equivalent: `scipy.linalg.svdvals` (`svd(a, compute_uv=False)`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::svdvals;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let s = svdvals(&array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]).unwrap();
/// assert_allclose(&s, &array![70f64.sqrt(), 0.0], 1e-14, 1e-14);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let s = sci_linalg::svdvals(&array![[C::new(0.0, 2.0)], [C::new(0.0, 0.0)]])?;
/// assert_eq!(s, array![2.0]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn svdvals<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array1<RealOf<T>>> {
    T::svdvals_k(a.view())
}

/// [`svdvals`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn svdvals_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array1<T>> {
    check_finite(a, "a")?;
    singular_values(a.view())
}

/// Singular values without the finiteness check (callers have done it).
pub(crate) fn singular_values<T: LinalgFloat>(a: ndarray::ArrayView2<'_, T>) -> Result<Array1<T>> {
    let (m, n) = a.dim();
    #[cfg(feature = "lapack")]
    if m.min(n) > 0 {
        let (mut sv, mut u, mut vh) = (Array1::zeros(m.min(n)), zeros_f(1, 1), zeros_f(1, 1));
        lapack_gesdd(a, b'N', &mut sv, &mut u, &mut vh)?;
        return Ok(sv);
    }
    let mut sv = vec![T::zero(); m.min(n)];
    let par = par_for(Kernel::Orthogonal, 2.0 * gemm_flops(m, n, m.min(n)));
    let no = ComputeSvdVectors::No;
    let mut mem = MemBuffer::new(fsvd::svd_scratch::<T>(m, n, no, no, par, Default::default()));
    fsvd::svd(
        as_faer(a),
        ColMut::from_slice_mut(&mut sv).as_diagonal_mut(),
        None,
        None,
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(svd_err)?;
    Ok(Array1::from(sv))
}

/// LAPACK `gesdd` on a copy of `a` (non-empty); `u` and `vh` are Fortran-ordered and sized
/// for `jobz` (`b'A'`, `b'S'`, or 1x1 dummies for `b'N'`).
#[cfg(feature = "lapack")]
fn lapack_gesdd<T: LinalgFloat>(
    a: ndarray::ArrayView2<'_, T>,
    jobz: u8,
    s: &mut Array1<T>,
    u: &mut Array2<T>,
    vh: &mut Array2<T>,
) -> Result<()> {
    use crate::lapack::{buf, dim};
    let mut w = crate::scalar::to_fortran(&a);
    let (m, n) = (dim(a.nrows(), "a")?, dim(a.ncols(), "a")?);
    let (ldu, ldvt) = (dim(u.nrows(), "a")?, dim(vh.nrows(), "a")?);
    let s = s.as_slice_mut().expect("internal: a new Array1 is contiguous");
    let info = T::gesdd(jobz, m, n, buf(&mut w), s, buf(u), ldu, buf(vh), ldvt);
    if info > 0 {
        // gesdd's info > 0: the bidiagonal divide and conquer did not converge.
        return Err(LinalgError::NoConvergence { iterations: 0 });
    }
    Ok(())
}

/// The `(m, n)` matrix with the singular values `s` on its diagonal: the middle factor of an
/// SVD, `a = u · diagsvd(s, m, n) · vh`.
///
/// SciPy equivalent: `scipy.linalg.diagsvd`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `s.len()` is not `min(m, n)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::diagsvd;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(diagsvd(&array![3.0, 2.0], 2, 3).unwrap(), array![[3.0, 0.0, 0.0], [0.0, 2.0, 0.0]]);
/// ```
pub fn diagsvd<T: LinalgFloat, S: Data<Elem = T>>(
    s: &ArrayBase<S, Ix1>,
    m: usize,
    n: usize,
) -> Result<Array2<T>> {
    if s.len() != m.min(n) {
        return Err(LinalgError::ShapeMismatch {
            arg: "s",
            expected: format!("length min({m}, {n}) = {}", m.min(n)),
            found: s.shape().to_vec(),
        });
    }
    let mut out = Array2::zeros((m, n).f());
    out.diag_mut().assign(s);
    Ok(out)
}
