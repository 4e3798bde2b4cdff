//! Least squares and the SVD-based subspace tools: `lstsq`, `pinv`, `null_space`, `orth`.

use ndarray::{Array, Array1, Array2, ArrayBase, ArrayView2, Axis, Data, Dimension, Ix2, s};
use num_traits::{Float, Zero};

use crate::error::Result;
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::products::matmul_unchecked as matmul;
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, to_fortran, zeros_f};
use crate::svd::svd;

/// The result of [`lstsq`]: SciPy's `(x, residues, rank, s)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lstsq<T: LinalgScalar, D: Dimension> {
    /// The least-squares solution, `(n,)` or `(n, k)` like `b`.
    pub x: Array<T, D>,
    /// Squared 2-norm of the residual `b - a x` for each column of `b` (length 1 for a 1-d
    /// `b`, where SciPy returns a scalar); empty unless `m > n` and `rank == n`, as in SciPy.
    pub residues: Array1<RealOf<T>>,
    /// Effective rank of `a`.
    pub rank: usize,
    /// Singular values of `a`, descending.
    pub s: Array1<RealOf<T>>,
}

/// Least-squares solution of `a x = b`: minimizes `‖b - a x‖₂`, and among minimizers the
/// one of least norm (rank-deficient `a` is fine).
///
/// Computed from the SVD of `a` (as LAPACK `gelsd`, SciPy's default driver): singular values
/// at or below `cond · s[0]` count as zero; `cond = None` means machine epsilon.
///
/// SciPy equivalent: `scipy.linalg.lstsq(a, b, cond)` (NumPy: `numpy.linalg.lstsq`).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`](crate::LinalgError::ShapeMismatch) when `b` does not have
/// `m` rows, [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence).
///
/// # Examples
///
/// Fit `y = c0 + c1 x` through three points:
///
/// ```
/// use sci_linalg::lstsq;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]];
/// let r = lstsq(&a, &array![1.0, 2.0, 4.0], None).unwrap();
/// assert_allclose(&r.x, &array![5.0 / 6.0, 1.5], 1e-14, 0.0);
/// assert_eq!(r.rank, 2);
/// assert_allclose(&r.residues, &array![1.0 / 6.0], 1e-13, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 0.0)], [C::new(0.0, 1.0)]];
/// let r = sci_linalg::lstsq(&a, &array![C::new(1.0, 0.0), C::new(1.0, 0.0)], None)?;
/// assert_allclose(&r.x, &array![C::new(0.5, -0.5)], 1e-15, 1e-15); // (aᴴ a)⁻¹ aᴴ b
/// assert_allclose(&r.residues, &array![1.0], 1e-15, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn lstsq<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    cond: Option<RealOf<T>>,
) -> Result<Lstsq<T, D>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    T::lstsq_k(a.view(), b.view(), cond)
}

/// [`lstsq`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn lstsq_real<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    cond: Option<T>,
) -> Result<Lstsq<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let (m, n) = a.dim();
    check_finite(a, "a")?;
    let bm = rhs_matrix(b, m, "b")?;
    let cond = cond.unwrap_or_else(T::epsilon);
    #[cfg(feature = "lapack")]
    if m.min(n) > 0 && bm.ncols() > 0 {
        let (x, rank, sv) = lapack_gelsd(a, &bm, cond)?;
        let residues = residues(a, &bm, &x, rank);
        return Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: sv });
    }
    // The Gram route's bound κ² eps ≤ 1e-12 fails for every single-precision matrix (eps
    // 1.2e-7), which would only pay for aᵀ a and its eigenvalues to find that out.
    if m >= GRAM_MIN_RATIO * n
        && n >= GRAM_MIN_N
        && T::epsilon() <= T::lit(1e-12)
        && let Some((x, rank, sv)) = lstsq_gram(a, &bm, cond)?
    {
        let residues = residues(a, &bm, &x, rank);
        return Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: sv });
    }
    if m >= n && n > 0 {
        let (x, residues, rank, sv) = lstsq_tall(a.view(), &bm, cond)?;
        return Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: sv });
    }
    let d = svd(a, false)?;
    let cutoff = d.s.first().map_or(T::zero(), |&s0| cond * s0);
    let rank = d.s.iter().filter(|&&x| x > cutoff).count();
    // x = V[:, :r] · diag(1/s[:r]) · U[:, :r]ᵀ · b
    let mut c = matmul(d.u.slice(s![.., ..rank]).t(), bm.view());
    for (mut row, &sv) in c.axis_iter_mut(Axis(0)).zip(d.s.iter()) {
        row.mapv_inplace(|x| x / sv);
    }
    let x = if rank == 0 { zeros_f(n, bm.ncols()) } else { matmul(d.vh.slice(s![..rank, ..]).t(), c.view()) };
    let residues = residues(a, &bm, &x, rank);
    Ok(Lstsq { x: rhs_back(x, b.ndim()), residues, rank, s: d.s })
}

/// `lstsq` for `m >= n > 0` as LAPACK `gelsd`/`zgelsd` do it: a Householder QR `a = Q R`
/// first, then the singular values of the `(n, n)` factor `R` (those of `a`) decide the rank;
/// real and complex input alike (`a` already checked for NaN and infinity).
///
/// With full rank and a condition number of `R` at which the triangular solve
/// `R x = (Qᴴ b)[:n]` agrees with the SVD solve to well within the comparison's accuracy
/// ([`back_substitution_agrees`]), `x` is that solve; otherwise the SVD of `R` gives the
/// minimum-norm solution of the truncated problem, as the SVD of `a` would (never forming the
/// tall `U` of `a`). `residues` are the squared norms of `(Qᴴ b)[n:]`, as SciPy reads them from
/// `gelsd`'s `b`. The QR is the crate's blocked `dgeqrf` for `f64` and the generic blocked
/// `?geqrf` otherwise. A 2000 x 500 `lstsq` with 5 right-hand sides takes 32-35 ms in `f32`
/// (SciPy's `sgelsd` 35.5; faer's sequential QR, the SVD of `R` and the Gram attempt took 85) and
/// 136 ms in complex128 (255 through the SVD of `a`, SciPy 126).
pub(crate) fn lstsq_tall<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    bm: &Array2<T>,
    cond: RealOf<T>,
) -> Result<(Array2<T>, Array1<RealOf<T>>, usize, Array1<RealOf<T>>)> {
    use faer::linalg::triangular_solve;
    let (m, n) = a.dim();
    let k = bm.ncols();
    // Householder QR, 2 m n² - 2/3 n³ flops: one thread unless far larger (see `parallel`).
    let par = crate::scalar::parallel::par_for(
        crate::scalar::parallel::Kernel::Orthogonal,
        crate::scalar::parallel::gemm_flops(m, n, n),
    );
    let mut c = to_fortran(bm);
    let mut packed = to_fortran(&a);
    // c = Qᴴ b by the same blocks
    if let Some(tau) = crate::qr_blocked::geqrf_if_f64(&mut packed) {
        crate::qr_blocked::ormqr_if_f64(&packed, &tau, &mut c, true);
    } else {
        let tau = crate::complex::qr_blocked::geqrf_fortran(&mut packed);
        crate::complex::qr_blocked::unmqr(packed.view(), &tau, c.view_mut(), true, false);
    }
    let mut r = zeros_f(n, n);
    for j in 0..n {
        r.slice_mut(s![..=j, j]).assign(&packed.slice(s![..=j, j]));
    }
    drop(packed);
    let sv = T::svdvals_k(r.view())?;
    let cutoff = cond * sv[0];
    let rank = sv.iter().filter(|&&x| x > cutoff).count();
    let x = if rank == n && back_substitution_agrees(sv[0] / sv[n - 1]) {
        let mut x = c.slice(s![..n, ..]).to_owned();
        triangular_solve::solve_upper_triangular_in_place(as_faer(r.view()), as_faer_mut(x.view_mut()), par);
        x
    } else {
        // Minimum-norm solution from R = U_r S Vᴴ: x = V[:, :r] S⁻¹ U_r[:, :r]ᴴ (Qᴴ b)[:n].
        let d = T::svd_k(r.view(), false, crate::SvdDriver::Gesdd)?;
        let rank_r = rank.min(d.s.len());
        let mut y = adjoint_times(d.u.slice(s![.., ..rank_r]), c.slice(s![..n, ..]));
        for (mut row, &s) in y.axis_iter_mut(Axis(0)).zip(d.s.iter()) {
            row.mapv_inplace(|v| v / T::from_real(s));
        }
        if rank_r == 0 { zeros_f(n, k) } else { adjoint_times(d.vh.slice(s![..rank_r, ..]), y.view()) }
    };
    let residues = if m > n && rank == n {
        c.slice(s![n.., ..]).map_axis(Axis(0), |col| {
            col.iter().fold(RealOf::<T>::zero(), |acc, &v| acc + v.modulus().powi(2))
        })
    } else {
        Array1::zeros(0)
    };
    Ok((x, residues, rank, sv))
}

/// Whether the triangular solve `R x = c` may stand in for the SVD solve of a full-rank `R`
/// with condition number `kappa`: the two backward-stable solutions differ by about
/// `kappa · eps` relative, which must stay far below the accuracy at which results are compared
/// with LAPACK's. In double precision `kappa² · eps ≤ 1e-10` (`kappa` up to about 670, a
/// difference below 1.5e-13); in single precision, where `eps` is 1.2e-7 and no result is closer
/// to `gelsd`'s than about `kappa · eps` anyway, `kappa · eps ≤ 1e-5` (`kappa` up to 84). Random
/// tall matrices, twice as many rows as columns, have `kappa` of about 3.
fn back_substitution_agrees<R: LinalgFloat>(kappa: R) -> bool {
    let eps = R::epsilon();
    if eps > R::lit(1e-10) { kappa * eps <= R::lit(1e-5) } else { kappa * kappa * eps <= R::lit(1e-10) }
}

/// `aᴴ b` (the transpose for real input) without forming `aᴴ`.
fn adjoint_times<T: LinalgScalar>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    let mut out = zeros_f(a.ncols(), b.ncols());
    faer::linalg::matmul::matmul_with_conj(
        as_faer_mut(out.view_mut()),
        faer::Accum::Replace,
        as_faer(a).transpose(),
        faer::Conj::Yes,
        as_faer(b),
        faer::Conj::No,
        T::one(),
        faer::Par::Seq,
    );
    out
}

/// [`lstsq_gram`] is tried for `m >= GRAM_MIN_RATIO · n` (where `a` has a small condition
/// number more often than not, e.g. about 6 or less for random normal entries)...
const GRAM_MIN_RATIO: usize = 2;
/// ... and `n >= GRAM_MIN_N` (below, the QR route costs well under a millisecond).
const GRAM_MIN_N: usize = 32;

/// `lstsq` for a tall, well-conditioned `a` through the Gram matrix `G = aᵀ a` (`m n²` flops
/// at matrix-product speed, where the QR route spends `2 m n² - 2/3 n³` in Householder panels).
///
/// The eigenvalues of `G` are the squared singular values of `a`; their ratio is `κ(a)²`.
/// Only when `κ(a)² · eps ≤ 1e-12` (κ ≤ 67 in `f64`; `f32` never qualifies) and `cond` keeps
/// all `n` of them is the result used: the singular values `sqrt(λ)` are then within about
/// `κ² eps / 2 ≤ 5e-13` relative of `gelsd`'s, and `x` from the Cholesky solve of
/// `G x = aᵀ b` within `κ² eps` of the backward-stable solution. Otherwise `None`: the caller
/// takes the QR route (the Gram work, about half of the QR's, is then lost).
fn lstsq_gram<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    bm: &Array2<T>,
    cond: T,
) -> Result<Option<(Array2<T>, usize, Array1<T>)>> {
    use crate::scalar::parallel::{Kernel, gemm_flops, par_for};
    use faer::linalg::matmul::triangular::{BlockStructure, matmul as tri_matmul};
    use faer::linalg::triangular_solve as ts;
    let (m, n) = a.dim();
    // The lower triangle of G = aᵀ a.
    let mut g = zeros_f(n, n);
    tri_matmul(
        as_faer_mut(g.view_mut()),
        BlockStructure::TriangularLower,
        faer::Accum::Replace,
        as_faer(a.t()),
        BlockStructure::Rectangular,
        as_faer(a.view()),
        BlockStructure::Rectangular,
        T::one(),
        par_for(Kernel::Gemm, gemm_flops(n, n, m) / 2.0),
    );
    let (w, _) = crate::eig::sym_evd(&g, true, false)?;
    let (lmin, lmax) = (w[0], w[n - 1]);
    if lmin <= T::zero() || lmax * T::epsilon() > T::lit(1e-12) * lmin {
        return Ok(None);
    }
    let sv: Array1<T> = w.iter().rev().map(|&l| l.sqrt()).collect();
    if sv[n - 1] <= cond * sv[0] {
        // `cond` drops singular values: the truncated (minimum-norm) solution of the QR route.
        return Ok(None);
    }
    if crate::cholesky::llt_lower_in_place(&mut g).is_err() {
        return Ok(None);
    }
    // G x = aᵀ b: L y = aᵀ b, then Lᵀ x = y.
    let mut x = matmul(a.t(), bm.view());
    let par = par_for(Kernel::Gemm, gemm_flops(n, n, bm.ncols()));
    ts::solve_lower_triangular_in_place(as_faer(g.view()), as_faer_mut(x.view_mut()), par);
    ts::solve_upper_triangular_in_place(as_faer(g.t()), as_faer_mut(x.view_mut()), par);
    Ok(Some((x, n, sv)))
}

/// SciPy's `residues`: the squared 2-norm of each column of `b - a x` when `m > n` and `a`
/// has full rank, else empty.
fn residues<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    bm: &Array2<T>,
    x: &Array2<T>,
    rank: usize,
) -> Array1<T> {
    let (m, n) = a.dim();
    if m > n && rank == n {
        let r = bm - &matmul(a.view(), x.view());
        r.map_axis(Axis(0), |col| col.iter().fold(T::zero(), |acc, &v| acc + v * v))
    } else {
        Array1::zeros(0)
    }
}

/// LAPACK `gelsd` (SciPy's default `lapack_driver`) on copies of the non-empty `a` and `bm`:
/// the solution `(n, k)`, the effective rank and the singular values.
#[cfg(feature = "lapack")]
fn lapack_gelsd<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    bm: &Array2<T>,
    cond: T,
) -> Result<(Array2<T>, usize, Array1<T>)> {
    use crate::lapack::{buf, dim};
    let (m, n) = a.dim();
    let k = bm.ncols();
    let mut work = crate::scalar::to_fortran(a);
    let mut bb = zeros_f(m.max(n), k);
    bb.slice_mut(s![..m, ..]).assign(bm);
    let mut sv = Array1::zeros(m.min(n));
    let mut rank = 0;
    let info = T::gelsd(
        dim(m, "a")?,
        dim(n, "a")?,
        dim(k, "b")?,
        buf(&mut work),
        buf(&mut bb),
        sv.as_slice_mut().expect("internal: a new Array1 is contiguous"),
        cond,
        &mut rank,
    );
    if info > 0 {
        // gelsd's info > 0: the SVD did not converge.
        return Err(crate::error::LinalgError::NoConvergence { iterations: 0 });
    }
    let mut x = zeros_f(n, k);
    x.assign(&bb.slice(s![..n, ..]));
    Ok((x, rank as usize, sv))
}

/// Moore–Penrose pseudo-inverse.
///
/// Singular values at or below `atol + rtol · s_max` are treated as zero; `atol = None` is 0
/// and `rtol = None` is `max(m, n) · eps` (SciPy's defaults). [`pinv_with_rank`] also returns
/// the effective rank.
///
/// SciPy equivalent: `scipy.linalg.pinv(a, atol=, rtol=)` (NumPy: `numpy.linalg.pinv`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence), and
/// [`LinalgError::Array`](crate::LinalgError::Array) (`InvalidValue`) for a negative `atol`
/// or `rtol` (SciPy's `ValueError`).
///
/// # Examples
///
/// ```
/// use sci_linalg::pinv;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let p = pinv(&a, None, None).unwrap();
/// assert_allclose(&a.dot(&p).dot(&a), &a, 1e-13, 0.0);
/// assert_allclose(&p, &array![[-4.0 / 3.0, -1.0 / 3.0, 2.0 / 3.0], [13.0 / 12.0, 1.0 / 3.0, -5.0 / 12.0]], 1e-13, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`; computed by faer on both backends):
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 2.0), C::new(0.0, 0.0)]];
/// assert_allclose(&sci_linalg::pinv(&a, None, None)?, &array![[C::new(0.0, -0.5)], [C::new(0.0, 0.0)]], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn pinv<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: Option<RealOf<T>>,
    rtol: Option<RealOf<T>>,
) -> Result<Array2<T>> {
    Ok(pinv_with_rank(a, atol, rtol)?.0)
}

/// [`pinv`] with the effective rank: `(pinv, rank)`, `rank` the number of singular values
/// above `atol + rtol · s_max`.
///
/// SciPy equivalent: `scipy.linalg.pinv(a, atol=, rtol=, return_rank=True)`.
///
/// # Errors
///
/// As [`pinv`].
///
/// # Examples
///
/// ```
/// use sci_linalg::pinv_with_rank;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]; // rank 1
/// let (p, rank) = pinv_with_rank(&a, None, None)?;
/// assert_eq!(rank, 1);
/// assert_allclose(&a.dot(&p).dot(&a), &a, 1e-13, 1e-13);
/// let (_, rank) = pinv_with_rank(&array![[1.0, 0.0], [0.0, 1e-3]], Some(1e-2), None)?;
/// assert_eq!(rank, 1);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn pinv_with_rank<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: Option<RealOf<T>>,
    rtol: Option<RealOf<T>>,
) -> Result<(Array2<T>, usize)> {
    check_finite(a, "a")?;
    let zero: RealOf<T> = num_traits::Zero::zero();
    if atol.is_some_and(|t| t < zero) || rtol.is_some_and(|t| t < zero) {
        return Err(crate::error::invalid("atol", "atol and rtol values must be positive."));
    }
    T::pinv_k(a.view(), atol, rtol)
}

/// [`pinv`] for real matrices (faer, or LAPACK with the `lapack` feature).
pub(crate) fn pinv_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: Option<T>,
    rtol: Option<T>,
) -> Result<(Array2<T>, usize)> {
    let (m, n) = a.dim();
    let d = svd(a, false)?;
    let smax = d.s.first().copied().unwrap_or(T::zero());
    let rtol = rtol.unwrap_or_else(|| T::lit(m.max(n) as f64) * T::epsilon());
    let val = atol.unwrap_or(T::zero()) + rtol * smax;
    let rank = d.s.iter().filter(|&&x| x > val).count();
    // pinv = V[:, :r] · diag(1/s[:r]) · U[:, :r]ᵀ = (U[:, :r] / s[:r] · Vh[:r, :])ᵀ
    let mut us = zeros_f(m, rank);
    us.assign(&d.u.slice(s![.., ..rank]));
    for (mut col, &sv) in us.columns_mut().into_iter().zip(d.s.iter()) {
        col.mapv_inplace(|x| x / sv);
    }
    Ok((matmul(d.vh.slice(s![..rank, ..]).t(), us.t()), rank))
}

fn rank_cut<T: LinalgFloat>(s: &Array1<T>, m: usize, n: usize, rcond: Option<T>) -> usize {
    let rcond = rcond.unwrap_or_else(|| T::epsilon() * T::lit(m.max(n) as f64));
    let tol = s.iter().copied().fold(T::zero(), T::max) * rcond;
    s.iter().filter(|&&x| x > tol).count()
}

/// Orthonormal basis of the null space of `a`, one vector per column (from the SVD).
///
/// Singular values at or below `rcond · s_max` count as zero; `rcond = None` means
/// `eps · max(m, n)`.
///
/// SciPy equivalent: `scipy.linalg.null_space(a, rcond)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence).
///
/// # Examples
///
/// ```
/// use sci_linalg::null_space;
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 1.0], [1.0, 1.0]];
/// let ns = null_space(&a, None).unwrap();
/// assert_eq!(ns.dim(), (2, 1));
/// assert!(a.dot(&ns).iter().all(|x: &f64| x.abs() < 1e-15));
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`): `a · ns = 0` with `nsᴴ ns = I`:
///
/// ```
/// use sci_linalg::null_space;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(1.0, 0.0), C::new(0.0, 1.0)]];
/// let ns = null_space(&a, None)?;
/// assert_eq!(ns.dim(), (2, 1));
/// assert!(a.dot(&ns)[[0, 0]].norm() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn null_space<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    rcond: Option<RealOf<T>>,
) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    let d = svd(a, true)?;
    let num = rank_cut(&d.s, m, n, rcond);
    // SciPy: vh[num:, :].T.conj()
    Ok(d.vh.slice(s![num.., ..]).t().mapv(T::conj))
}

/// Orthonormal basis of the range (column space) of `a`, one vector per column.
///
/// Singular values at or below `rcond · s_max` count as zero; `rcond = None` means
/// `eps · max(m, n)`.
///
/// SciPy equivalent: `scipy.linalg.orth(a, rcond)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite),
/// [`LinalgError::NoConvergence`](crate::LinalgError::NoConvergence).
///
/// # Examples
///
/// ```
/// use sci_linalg::orth;
/// use sci_linalg::sci_array::ndarray::array;
/// let q = orth(&array![[1.0, 1.0], [1.0, 1.0], [0.0, 0.0]], None).unwrap();
/// assert_eq!(q.dim(), (3, 1));
/// let q00: f64 = q[[0, 0]];
/// assert!((q00.abs() - 0.5f64.sqrt()).abs() < 1e-15);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`):
///
/// ```
/// use sci_linalg::orth;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let q = orth(&array![[C::new(0.0, 2.0), C::new(0.0, 4.0)], [C::new(0.0, 0.0), C::new(0.0, 0.0)]], None)?;
/// assert_eq!(q.dim(), (2, 1));
/// assert!((q[[0, 0]].norm() - 1.0).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn orth<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    rcond: Option<RealOf<T>>,
) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    let d = svd(a, false)?;
    let num = rank_cut(&d.s, m, n, rcond);
    Ok(d.u.slice(s![.., ..num]).to_owned())
}
