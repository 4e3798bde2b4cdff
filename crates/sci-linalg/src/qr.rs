//! QR decomposition (`qr`, `qr` with `mode='r'`, with column pivoting) and RQ.

#[cfg(feature = "lapack")]
use ndarray::s;
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2};

use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
#[cfg(not(feature = "lapack"))]
use crate::qr_blocked::geqrf_if_f64;
use crate::qr_blocked::{as_f64, as_f64_mut, as_f64_vec, orgqr};
use crate::qr_raw::upper_rows;
use crate::scalar::{LinalgFloat, check_finite, to_fortran, zeros_f};

/// The `mode` of [`qr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum QrMode {
    /// `'full'` (SciPy's default): `q` is `(m, m)`, `r` is `(m, n)`.
    #[default]
    Full,
    /// `'economic'`: `q` is `(m, k)`, `r` is `(k, n)` with `k = min(m, n)`.
    Economic,
}

/// QR decomposition `a = q · r` with `q` orthogonal and `r` upper triangular (trapezoidal),
/// by blocked Householder reflections.
///
/// The reflectors are LAPACK `?geqrf`'s and `q` is formed as `?orgqr`/`?ungqr` forms it, so
/// `q` and `r` equal SciPy's entry for entry to rounding, including the signs (complex input:
/// phases) and, in [`QrMode::Full`], the extra columns of `q`: `r`'s diagonal is real, of the
/// opposite sign of the reduced column's leading entry (its real part). Past the numerical
/// rank of `a` the trailing reflectors, and so `q`'s later columns, are decided by rounding.
/// `f64` runs this crate's blocked QR on its own GEMM (LAPACK itself with the `lapack`
/// feature); `Complex<f32>`/`Complex<f64>` run this crate's blocked `zgeqrf`/`zungqr` on
/// faer's GEMM (both backends), and so does `f32` on the default backend (LAPACK with the
/// `lapack` feature).
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='full' | 'economic')` (NumPy:
/// `numpy.linalg.qr` with `'complete'` / `'reduced'`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite) when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::{qr, QrMode};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let (q, r) = qr(&a, QrMode::Full).unwrap();
/// assert_eq!((q.dim(), r.dim()), ((3, 3), (3, 2)));
/// assert_allclose(&q.dot(&r), &a, 1e-14, 1e-14);
/// assert_allclose(&q.t().dot(&q), &Array2::eye(3), 1e-14, 1e-14);
/// assert_eq!(r[[1, 0]], 0.0);
/// let r00: f64 = r[[0, 0]];
/// assert!((r00.abs() - 35f64.sqrt()).abs() < 1e-14);
/// let (q, r) = qr(&a, QrMode::Economic).unwrap();
/// assert_eq!((q.dim(), r.dim()), ((3, 2), (2, 2)));
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`), SciPy's real diagonal of `r`:
///
/// ```
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// use sci_linalg::{qr, QrMode};
/// let a = array![[C::new(1.0, 1.0), C::new(2.0, 0.0)], [C::new(0.0, 1.0), C::new(1.0, -1.0)], [C::new(3.0, 0.0), C::new(0.0, 2.0)]];
/// let (q, r) = qr(&a, QrMode::Economic)?;
/// assert_allclose(&q.dot(&r), &a, 1e-14, 1e-14);
/// let qh = q.t().mapv(|z| z.conj());
/// assert_allclose(&qh.dot(&q), &sci_linalg::sci_array::ndarray::Array2::eye(2), 1e-14, 1e-14);
/// // as scipy.linalg.qr: r[0, 0] = -‖a[:, 0]‖ = -√12, real (Re a[0, 0] > 0)
/// assert_allclose(&array![r[[0, 0]]], &array![C::new(-12f64.sqrt(), 0.0)], 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qr<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>)> {
    T::qr_k(a.view(), mode)
}

/// [`qr`] for real matrices (the crate's blocked QR, or LAPACK with the `lapack` feature).
pub(crate) fn qr_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>)> {
    let f = Packed::new(a)?;
    Ok((f.q(mode), f.r(mode)))
}

/// A Householder QR factorization in LAPACK's packed form: `R` on and above the diagonal of
/// `packed`, the reflectors below it, their scalars in `tau`.
struct Packed<T> {
    packed: Array2<T>,
    tau: Vec<T>,
}

impl<T: LinalgFloat> Packed<T> {
    /// `f64`: the crate's blocked `dgeqrf` on its own GEMM; `f32`: the generic blocked
    /// `?geqrf` that complex input also takes (faer's GEMM); with the `lapack` feature,
    /// LAPACK's `?geqrf`. All three make LAPACK's reflectors.
    fn new<S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Self> {
        check_finite(a, "a")?;
        let (m, n) = a.dim();
        let k = m.min(n);
        let mut packed = to_fortran(a);
        if k == 0 {
            return Ok(Self { packed, tau: Vec::new() });
        }
        #[cfg(feature = "lapack")]
        {
            use crate::lapack::{buf, dim};
            let mut tau = vec![T::zero(); k];
            T::geqrf(dim(m, "a")?, dim(n, "a")?, buf(&mut packed), &mut tau);
            Ok(Self { packed, tau })
        }
        #[cfg(not(feature = "lapack"))]
        match geqrf_if_f64(&mut packed) {
            Some(tau) => Ok(Self { packed, tau }),
            None => {
                let (packed, tau) = crate::complex::qr_blocked::geqrf(packed.view())?;
                Ok(Self { packed, tau: tau.to_vec() })
            }
        }
    }

    fn q(&self, mode: QrMode) -> Array2<T> {
        let (m, n) = self.packed.dim();
        let k = m.min(n);
        let qcols = if mode == QrMode::Full { m } else { k };
        #[cfg(feature = "lapack")]
        if k > 0 {
            // orgqr forms Q's first `qcols` columns from the reflectors below the diagonal.
            let mut q = zeros_f(m, qcols);
            for j in 0..k {
                q.slice_mut(s![j + 1.., j]).assign(&self.packed.slice(s![j + 1.., j]));
            }
            let to_int = |x: usize| std::ffi::c_int::try_from(x).expect("checked in Packed::new");
            T::orgqr(to_int(m), to_int(qcols), to_int(k), crate::lapack::buf(&mut q), &self.tau);
            return q;
        }
        let mut q = zeros_f(m, qcols);
        if let (Some(h), Some(tau), Some(qf)) =
            (as_f64(&self.packed), as_f64_vec(&self.tau), as_f64_mut(&mut q))
        {
            orgqr(h.view(), tau, qf.view_mut());
            return q;
        }
        crate::complex::qr_blocked::ungqr(self.packed.view(), &self.tau, qcols)
    }

    fn r(&self, mode: QrMode) -> Array2<T> {
        let (m, n) = self.packed.dim();
        upper_rows(&self.packed, if mode == QrMode::Full { m } else { m.min(n) })
    }
}

/// The `R` factor of the QR decomposition only (no `Q` is formed): `(m, n)`, upper
/// trapezoidal, as [`qr`]'s `r` in [`QrMode::Full`].
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='r')` (NumPy: `numpy.linalg.qr(a, 'r')`, which
/// returns the `(k, n)` economic `R`: take its first `min(m, n)` rows).
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{qr_r, qr, QrMode};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// assert_eq!(qr_r(&a).unwrap(), qr(&a, QrMode::Full).unwrap().1);
/// ```
pub fn qr_r<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    T::qr_r_k(a.view())
}

/// [`qr_r`] for real matrices (the crate's blocked QR, or LAPACK with the `lapack` feature).
pub(crate) fn qr_r_real<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> Result<Array2<T>> {
    Ok(Packed::new(a)?.r(QrMode::Full))
}

/// The `R` factor of the column-pivoted QR decomposition and the pivots: `(r, p)` with
/// `a[:, p] = Q r`, `r` `(m, n)` upper trapezoidal (no `Q` is returned).
///
/// One column-pivoted Householder factorization, LAPACK `geqp3`'s (the largest remaining
/// column norm first, the first of equal ones, norms downdated as LAPACK does): `r` is the
/// upper part of [`qr_raw_pivoting`](crate::qr_raw_pivoting)'s `h`, with `geqrf`'s signs, so
/// `r` and `p` equal SciPy's to rounding (`p` exactly), also for complex input (real
/// diagonal, as `zgeqp3`). Past the numerical rank of `a` the pivots and `r`'s trailing rows
/// are decided by rounding. `f32`/`f64` with the `lapack` feature call LAPACK's `?geqp3`;
/// otherwise this crate's `?geqp3` (LAPACK's blocked `?laqps` panels, then the `?laqp2`
/// sweep) factors the matrix.
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='r', pivoting=True)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{qr_pivoting, qr_r_pivoting, QrMode};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5], [7.0, 8.5, 10.0], [1.0, 0.0, 2.0]];
/// // scipy.linalg.qr(a, mode='r', pivoting=True)
/// let (r, p) = qr_r_pivoting(&a)?;
/// assert_eq!(p.to_vec(), vec![2, 1, 0]);
/// let want = array![
///     [-12.45993579, -9.91176857, -8.10598077],
///     [0.0, 1.73402532, 0.66630776],
///     [0.0, 0.0, -0.92147146],
///     [0.0, 0.0, 0.0],
/// ];
/// assert_allclose(&r, &want, 1e-8, 0.0);
/// // the same |r| and p as qr_pivoting
/// let (_, r2, p2) = qr_pivoting(&a, QrMode::Full)?;
/// assert_eq!(p, p2);
/// assert_allclose(&r.mapv(f64::abs), &r2.mapv(f64::abs), 1e-13, 1e-13);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_r_pivoting<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<(Array2<T>, Array1<usize>)> {
    let (h, _, p) = T::geqp3_k(a.view())?;
    Ok((upper_rows(&h, h.nrows()), p))
}

/// QR decomposition with column pivoting: `a[:, p] = q · r`, with the columns ordered so that
/// `|r[0, 0]| ≥ |r[1, 1]| ≥ …` (greedy largest remaining column norm, as LAPACK `geqp3`).
///
/// Returns `(q, r, p)`; `p` holds 0-based column indices. The factorization is
/// [`qr_r_pivoting`]'s (LAPACK `?geqp3`'s pivots, reflectors and signs: `r`'s diagonal real,
/// of the opposite sign of the pivot column's leading entry) and `q` is formed from its
/// reflectors as `?orgqr`/`?ungqr` form it, so `q`, `r` and `p` equal SciPy's entry for entry
/// to rounding, for real and complex input alike (`p` exactly, while no two remaining column
/// norms tie to rounding; past the numerical rank of `a` the pivots, the trailing rows of `r`
/// and the later columns of `q` are decided by rounding).
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='full' | 'economic', pivoting=True)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{qr_pivoting, QrMode};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]];
/// let (q, r, p) = qr_pivoting(&a, QrMode::Full).unwrap();
/// assert_eq!(p.to_vec(), vec![2, 0, 1]); // the column of largest norm first
/// let ap = a.select(sci_linalg::sci_array::ndarray::Axis(1), p.as_slice().unwrap());
/// assert_allclose(&q.dot(&r), &ap, 1e-14, 1e-14);
/// let r00: f64 = r[[0, 0]];
/// assert!((r00.abs() - 7.15891053).abs() < 1e-8);
/// ```
///
/// Complex input:
///
/// ```
/// use sci_linalg::{qr_pivoting, QrMode};
/// use sci_linalg::sci_array::ndarray::{array, Axis};
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 1.0), C::new(0.0, 3.0)], [C::new(0.0, 0.0), C::new(4.0, 0.0)]];
/// let (q, r, p) = qr_pivoting(&a, QrMode::Economic)?;
/// assert_eq!(p.to_vec(), vec![1, 0]); // column 1 has norm 5, column 0 norm √2
/// assert!((r[[0, 0]].norm() - 5.0).abs() < 1e-14);
/// assert_allclose(&q.dot(&r), &a.select(Axis(1), &[1, 0]), 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_pivoting<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    T::qr_pivoting_k(a.view(), mode)
}

/// [`qr_pivoting`] for real matrices.
#[allow(clippy::type_complexity)]
pub(crate) fn qr_pivoting_real<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    qr_from_geqp3(T::geqp3_k(a.view())?, mode)
}

/// `(q, r, p)` of [`qr_pivoting`] from `?geqp3`'s raw factorization: `q` as `?orgqr`/`?ungqr`
/// form it (`f64`: the crate's blocked `dorgqr`; other types the blocked `zungqr` loop, which
/// serves real elements too), `r` the upper rows of `h`.
pub(crate) fn qr_from_geqp3<T: LinalgScalar>(
    (h, tau, p): crate::geqp3::RawPivoted<T>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    let (m, n) = h.dim();
    let cols = if mode == QrMode::Full { m } else { m.min(n) };
    let tau = tau.to_vec();
    let q = match (as_f64(&h), as_f64_vec(&tau)) {
        (Some(hf), Some(tf)) => {
            let mut q = zeros_f::<T>(m, cols);
            let qf = as_f64_mut(&mut q).expect("T is f64 as h is");
            orgqr(hf.view(), tf, qf.view_mut());
            q
        }
        _ => crate::complex::qr_blocked::ungqr(h.view(), &tau, cols),
    };
    Ok((q, upper_rows(&h, cols), p))
}

/// RQ decomposition `a = r · q`: `r` upper trapezoidal (its last `min(m, n)` columns upper
/// triangular) and `q` orthogonal (unitary for complex input).
///
/// For an `(m, n)` matrix and `k = min(m, n)`: [`QrMode::Full`] gives `r` `(m, n)` and `q`
/// `(n, n)`; [`QrMode::Economic`] gives `r` `(m, k)` and `q` `(k, n)`. LAPACK `?gerqf`
/// reduces the rows from the last one up with reflectors of the conjugated rows; this is the
/// [`qr`] of `J aᴴ J` (`J` reversing the order) mirrored back, the same reflectors, so `r` and
/// `q` equal SciPy's entry for entry to rounding, signs (complex input: phases) included.
///
/// SciPy equivalent: `scipy.linalg.rq(a, mode='full' | 'economic')` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite).
///
/// # Examples
///
/// ```
/// use sci_linalg::{rq, QrMode};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]];
/// let (r, q) = rq(&a, QrMode::Full).unwrap();
/// assert_eq!((r.dim(), q.dim()), ((2, 3), (3, 3)));
/// assert_eq!(r[[0, 0]], 0.0); // upper trapezoidal: zero left of the shifted diagonal
/// assert_allclose(&r.dot(&q), &a, 1e-14, 1e-14);
/// assert_allclose(&q.dot(&q.t()), &Array2::eye(3), 1e-14, 1e-14);
/// let r11: f64 = r[[1, 2]];
/// assert!((r11.abs() - 9.1241438).abs() < 1e-7);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`):
///
/// ```
/// use sci_linalg::{rq, QrMode};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(1.0, 1.0), C::new(0.0, 2.0), C::new(3.0, 0.0)], [C::new(0.0, -1.0), C::new(4.0, 0.0), C::new(1.0, 1.0)]];
/// let (r, q) = rq(&a, QrMode::Economic)?;
/// assert_eq!((r.dim(), q.dim()), ((2, 2), (2, 3)));
/// assert_eq!(r[[1, 0]], C::new(0.0, 0.0));
/// assert_allclose(&r.dot(&q), &a, 1e-14, 1e-14);
/// let qqh = q.dot(&q.t().mapv(|z| z.conj()));
/// assert_allclose(&qqh, &Array2::eye(2), 1e-14, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn rq<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>)> {
    check_finite(a, "a")?;
    // LAPACK ?gerqf reduces the rows from the last one up, each reflector built (?larfg) from
    // the conjugated row with its last entry as alpha: the mirror image of ?geqrf on
    // c = J_n aᴴ J_m (J reverses the order). With c = q_c r_c, a = (J_m r_cᴴ J_n)(J_n q_cᴴ J_n),
    // the same reflectors, so r and q are SciPy's; the economic QR of c gives the economic RQ.
    let c = mirror_adjoint(a.view());
    let (qc, rc) = T::qr_k(c.view(), mode)?;
    Ok((mirror_adjoint(rc.view()), mirror_adjoint(qc.view())))
}

/// `J xᴴ J` (`J` reversing the order): `out[i, j] = conj(x[r - 1 - j, c - 1 - i])` for `x`
/// `(r, c)`, column-major.
fn mirror_adjoint<T: LinalgScalar>(x: ArrayView2<'_, T>) -> Array2<T> {
    let (r, c) = x.dim();
    let mut out = zeros_f(c, r);
    for j in 0..r {
        for i in 0..c {
            out[[i, j]] = x[[r - 1 - j, c - 1 - i]].conj();
        }
    }
    out
}
