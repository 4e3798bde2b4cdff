//! Singular value decomposition: `svd`, `svdvals`, `diagsvd`, and low-rank reconstruction.

use faer::Accum;
use faer::linalg::svd as fsvd;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2, ShapeBuilder, s};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, zeros_f};

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

pub(crate) fn svd_err(_: fsvd::SvdError) -> LinalgError {
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
    T::svd_k(a.view(), full_matrices, SvdDriver::Gesdd)
}

/// SciPy's `lapack_driver` of `svd`: how the singular values of the bidiagonal matrix are
/// found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SvdDriver {
    /// `'gesdd'` (default): divide and conquer.
    #[default]
    Gesdd,
    /// `'gesvd'`: implicit QR iteration (slower; LAPACK's more conservative driver). With the
    /// `lapack` feature LAPACK's `?gesvd`; on faer, faer's bidiagonal QR algorithm for the
    /// whole matrix instead of at the leaves of its divide and conquer.
    Gesvd,
}

/// Options of [`svd_with`] (SciPy's keyword arguments of `svd`; `compute_uv=False` is
/// [`svdvals`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SvdOptions {
    /// `full_matrices` (default `true`): square `u` and `vh`, else the economy shapes.
    pub full_matrices: bool,
    /// `lapack_driver` (default [`SvdDriver::Gesdd`]).
    pub lapack_driver: SvdDriver,
}

impl Default for SvdOptions {
    fn default() -> Self {
        SvdOptions { full_matrices: true, lapack_driver: SvdDriver::Gesdd }
    }
}

/// [`svd`] with SciPy's keyword arguments, among them `lapack_driver`.
///
/// The singular values do not depend on the driver (beyond rounding); singular vectors of
/// distinct singular values agree up to their signs, which may differ between drivers, as in
/// LAPACK.
///
/// SciPy equivalent: `scipy.linalg.svd(a, full_matrices, lapack_driver=...)`.
///
/// # Errors
///
/// As [`svd`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{svd_with, SvdDriver, SvdOptions};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let o = SvdOptions { full_matrices: false, lapack_driver: SvdDriver::Gesvd };
/// let d = svd_with(&a, &o)?;
/// // SciPy: svd(a, full_matrices=False, lapack_driver='gesvd')[1]
/// assert_allclose(&d.s, &array![9.525518091565107, 0.5143005806586443], 1e-14, 0.0);
/// assert_allclose(&d.reconstruct(2), &a, 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn svd_with<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    options: &SvdOptions,
) -> Result<Svd<T>> {
    T::svd_k(a.view(), options.full_matrices, options.lapack_driver)
}

/// [`svd`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn svd_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    full_matrices: bool,
) -> Result<Svd<T>> {
    svd_real_driver(a, full_matrices, SvdDriver::Gesdd)
}

/// [`svd_with`] for real matrices.
pub(crate) fn svd_real_driver<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    full_matrices: bool,
    driver: SvdDriver,
) -> Result<Svd<T>> {
    check_finite(a, "a")?;
    #[cfg(feature = "lapack")]
    if !a.is_empty() {
        // LAPACK gesdd (SciPy's default driver) or gesvd; vh is Fortran-ordered here.
        let (m, n) = a.dim();
        let k = m.min(n);
        let (ur, vr) = if full_matrices { (m, n) } else { (k, k) };
        let (mut u, mut vh, mut sv) = (zeros_f(m, ur), zeros_f(vr, n), Array1::zeros(k));
        lapack_svd(a.view(), if full_matrices { b'A' } else { b'S' }, driver, &mut sv, &mut u, &mut vh)?;
        return Ok(Svd { u, s: sv, vh });
    }
    if driver == SvdDriver::Gesdd
        && let Some(d) = svd_by_qr(a.view(), full_matrices)?
    {
        return Ok(d);
    }
    crate::svd_faer::faer_svd(a.view(), full_matrices, driver)
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
    if !full_matrices
        && let Some(lease) = crate::worker::lease()
        && let Some(d) = overlapped_thin(&h, &tau, &r, lease)?
    {
        return Ok(Some(d));
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

/// The economy `U` of [`svd_by_qr`] with the independent middle steps side by side: the
/// caller computes the SVD of `r` while the crate's helper thread forms the thin `Q` from the
/// reflectors (`orgqr`, about a quarter as long), then `U = Q U_R` is one product on both
/// threads. This is LAPACK `gesdd`'s own order for a tall matrix (`dorgqr`, then `dgemm` at
/// the end). 1000 x 500, medians on an idle machine: 93.6 ms with `Q` applied after the SVD
/// (`ormqr`), 89 ms this way, 73-74 ms together with the two-thread divide and conquer of
/// [`svd_par`]. `None` for element types other than `f64`.
fn overlapped_thin<T: LinalgFloat>(
    h: &Array2<T>,
    tau: &Vec<T>,
    r: &Array2<T>,
    lease: crate::worker::Lease,
) -> Result<Option<Svd<T>>> {
    use crate::qr_blocked::{as_f64, as_f64_vec};
    let (Some(h), Some(tau), Some(r)) = (as_f64(h), as_f64_vec(tau), as_f64(r)) else { return Ok(None) };
    let (m, n) = h.dim();
    let mut q = zeros_f::<f64>(m, n);
    let mut d = None;
    lease.join(|| d = Some(svd_real(r, false)), || crate::qr_blocked::orgqr_seq(h.view(), tau, q.view_mut()));
    drop(lease);
    let d = d.expect("join ran the caller's closure")?;
    let mut u = zeros_f::<f64>(m, n);
    crate::blas::dgemm(
        1.0,
        q.view(),
        d.u.view(),
        0.0,
        u.view_mut(),
        par_for(Kernel::Dgemm, gemm_flops(m, n, n)),
    );
    let d: Box<dyn std::any::Any> = Box::new(Svd { u, s: d.s, vh: d.vh });
    Ok(d.downcast::<Svd<T>>().ok().map(|d| *d))
}

/// [`svd_by_qr`] from `min(m, n)` this large on (below, one SVD of `a` costs microseconds).
const QR_FIRST_MIN: usize = 16;

/// Singular values of `a`, descending (no singular vectors are computed).
///
/// SciPy equivalent: `scipy.linalg.svdvals` (`svd(a, compute_uv=False)`).
///
/// As LAPACK's `gesdd` without vectors: `a` (scaled by a power of two) is reduced to an upper
/// bidiagonal matrix by Householder reflections from both sides, after a QR factorization when
/// it has at least 5/3 as many rows as columns (or columns as rows), and the bidiagonal's
/// values are found by the dqds algorithm, which gives them to high relative accuracy. The
/// reduction is the crate's own, one pass over the trailing block per step, shared with the
/// crate's helper thread for larger matrices (500 × 500: 13-15 ms, SciPy 20-25). With the
/// `lapack` feature real input goes to LAPACK's `?gesdd` instead.
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
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by the crate on both backends):
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

/// [`svdvals`] for real matrices (the crate's reduction and dqds, or LAPACK with the `lapack` feature).
pub(crate) fn svdvals_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array1<T>> {
    check_finite(a, "a")?;
    singular_values(a.view())
}

/// Singular values without the finiteness check (callers have done it): LAPACK's `gesdd`
/// with the `lapack` feature, otherwise the crate's reduction and dqds
/// ([`crate::bidiag_values::singular_values`]).
pub(crate) fn singular_values<T: LinalgFloat>(a: ndarray::ArrayView2<'_, T>) -> Result<Array1<T>> {
    #[cfg(feature = "lapack")]
    if a.nrows().min(a.ncols()) > 0 {
        let (mut sv, mut u, mut vh) = (Array1::zeros(a.nrows().min(a.ncols())), zeros_f(1, 1), zeros_f(1, 1));
        lapack_svd(a, b'N', SvdDriver::Gesdd, &mut sv, &mut u, &mut vh)?;
        return Ok(sv);
    }
    crate::bidiag_values::singular_values(a)
}

/// LAPACK `gesdd` or `gesvd` on a copy of `a` (non-empty); `u` and `vh` are Fortran-ordered
/// and sized for `job` (`b'A'`, `b'S'`, or 1x1 dummies for `b'N'`).
#[cfg(feature = "lapack")]
fn lapack_svd<T: LinalgFloat>(
    a: ndarray::ArrayView2<'_, T>,
    job: u8,
    driver: SvdDriver,
    s: &mut Array1<T>,
    u: &mut Array2<T>,
    vh: &mut Array2<T>,
) -> Result<()> {
    use crate::lapack::{buf, dim};
    let mut w = crate::scalar::to_fortran(&a);
    let (m, n) = (dim(a.nrows(), "a")?, dim(a.ncols(), "a")?);
    let (ldu, ldvt) = (dim(u.nrows(), "a")?, dim(vh.nrows(), "a")?);
    let s = s.as_slice_mut().expect("internal: a new Array1 is contiguous");
    let gesvd = driver == SvdDriver::Gesvd;
    let info = T::gesxd(gesvd, job, (m, n), buf(&mut w), s, (buf(u), ldu), (buf(vh), ldvt));
    if info > 0 {
        // info > 0: the bidiagonal divide and conquer (or QR iteration) did not converge.
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

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::testing::assert_allclose;

    /// A deterministic `(m, n)` matrix with entries in `[-1, 1)`.
    fn sample(m: usize, n: usize) -> Array2<f64> {
        let mut s = 0x9e37_79b9_7f4a_7c15_u64;
        Array2::from_shape_fn((m, n), |_| {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        })
    }

    /// `u s vh` rebuilds `a`, `u` and `vh` have orthonormal columns / rows, and `s` equals
    /// the singular values faer computes without padding or the QR step.
    fn check(a: &Array2<f64>, d: &Svd<f64>) {
        let (m, n) = a.dim();
        let k = m.min(n);
        assert_eq!((d.u.dim(), d.s.len(), d.vh.dim()), ((m, k), k, (k, n)));
        let us = &d.u * &d.s.view().insert_axis(ndarray::Axis(0));
        assert_allclose(&us.dot(&d.vh), a, 1e-12, 1e-12);
        assert_allclose(&d.u.t().dot(&d.u), &Array2::eye(k), 1e-12, 1e-12);
        assert_allclose(&d.vh.dot(&d.vh.t()), &Array2::eye(k), 1e-12, 1e-12);
        let plain = crate::svd_faer::faer_svd_plain(a.view(), false, SvdDriver::Gesdd).unwrap();
        assert_allclose(&d.s, &plain.s, 1e-12, 1e-12);
        assert_allclose(&singular_values(a.view()).unwrap(), &plain.s, 1e-12, 1e-12);
    }

    #[test]
    fn padded_strides_give_the_same_decomposition() {
        // 256 rows: a 2 KiB column stride, padded; wide, through the transpose; tall enough
        // for the QR step with a padded 256 x 256 factor.
        for (m, n) in [(256, 256), (200, 256), (256, 200), (520, 256)] {
            let a = sample(m, n);
            check(&a, &svd(&a, false).unwrap());
        }
        // Square full_matrices is the thin case; padding applies too.
        let a = sample(256, 256);
        check(&a, &svd(&a, true).unwrap());
    }

    #[test]
    fn qr_first_with_and_without_the_helper_thread() {
        let a = sample(400, 120);
        check(&a, &svd(&a, false).unwrap());
        // With the helper thread leased here, the QR route applies Q after the SVD instead.
        let held = crate::worker::lease();
        check(&a, &svd(&a, false).unwrap());
        drop(held);
    }
}
