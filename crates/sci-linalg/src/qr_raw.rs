//! QR decomposition in LAPACK's raw form (`geqrf`): SciPy's `qr(a, mode='raw')`.

use std::any::TypeId;

use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2, s};

use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::qr_blocked::geqrf_if_f64;
use crate::scalar::{check_finite, to_fortran, zeros_f};

/// QR decomposition in the raw form of LAPACK `geqrf`: `((h, tau), r)`.
///
/// `h` (`(m, n)`) holds `R` on and above the diagonal and the Householder vectors below it
/// (their leading 1 implied); `tau` (`min(m, n)`) the scalars, so that
/// `Q = H_0 H_1 … H_{k-1}` with `H_i = I - tau[i] v_i v_iᵀ`; `r` is the `(k, n)` upper
/// trapezoidal factor (the upper part of `h`'s first `k` rows), as SciPy returns it. The
/// reflectors follow LAPACK's convention (`R`'s diagonal has the opposite sign of the
/// column's leading entry), so `h`, `tau` and `r` equal SciPy's to rounding. `f64` input is
/// factored by this crate's blocked Householder QR (LAPACK `dgeqrf`'s algorithm), `f32` by
/// the generic blocked `?geqrf` that complex input takes; on both backends.
///
/// Complex input (`Complex<f32>`, `Complex<f64>`) follows LAPACK `zgeqrf`'s reflectors:
/// `H_i = I - tau_i v_i v_iᴴ` with complex `tau_i` and a real diagonal of `R`
/// (`-sign(Re α) ‖x‖` for the column `x` with leading entry `α`), so `h`, `tau` and `r` equal
/// SciPy's to rounding; computed by this crate's blocked `zgeqrf` (recursive panels,
/// compact WY blocks on faer's GEMM).
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='raw')` (NumPy's `'raw'` returns `h`
/// transposed).
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite) when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::qr_raw;
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 1.0], [2.0, 4.0], [4.0, 5.0]];
/// let ((h, tau), r) = qr_raw(&a)?;
/// assert_eq!((h.dim(), tau.len(), r.dim()), ((3, 2), 2, (2, 2)));
/// // Q from the reflectors: Q = (I - tau0 v0 v0ᵀ)(I - tau1 v1 v1ᵀ)
/// let mut q = Array2::<f64>::eye(3);
/// for i in (0..2).rev() {
///     let mut v = Array2::<f64>::zeros((3, 1));
///     v[[i, 0]] = 1.0;
///     for j in i + 1..3 {
///         v[[j, 0]] = h[[j, i]];
///     }
///     q = &q - &(v.dot(&v.t().dot(&q)) * tau[i]);
/// }
/// assert_allclose(&q.slice(sci_linalg::sci_array::ndarray::s![.., ..2]).dot(&r), &a, 1e-14, 1e-14);
/// assert!((r[[0, 0]] + 21f64.sqrt()).abs() < 1e-14); // LAPACK's sign: -‖a[:, 0]‖
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Complex input, SciPy's values for `qr([[1j, 2], [1, 1j]], mode='raw')`:
///
/// ```
/// use sci_linalg::qr_raw;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 1.0), C::new(2.0, 0.0)], [C::new(1.0, 0.0), C::new(0.0, 1.0)]];
/// let ((h, tau), r) = qr_raw(&a)?;
/// let s = 2f64.sqrt();
/// // tau_0 = (β - α) / β with α = i, β = -√2; the last reflector makes r[1, 1] real
/// assert_allclose(&tau, &array![C::new(1.0, 1.0 / s), C::new(4.0 / 3.0, -2.0 * s / 3.0)], 1e-15, 1e-15);
/// assert_allclose(&r, &array![[C::new(-s, 0.0), C::new(0.0, s / 2.0)], [C::new(0.0, 0.0), C::new(1.5 * s, 0.0)]], 1e-15, 1e-15);
/// assert_allclose(&array![h[[1, 0]]], &array![C::new(1.0, 0.0) / C::new(s, 1.0)], 1e-15, 0.0); // v = [1, 1/(α - β)]
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_raw<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<((Array2<T>, Array1<T>), Array2<T>)> {
    let (h, tau) = match blocked_raw(a.view())? {
        Some(raw) => raw,
        // f32 and complex input: the generic blocked ?geqrf with LAPACK's reflectors.
        None => crate::complex::qr::geqrf_lapack(a.view())?,
    };
    let r = upper_rows(&h, h.nrows().min(h.ncols()));
    Ok(((h, tau), r))
}

/// The upper trapezoidal part of `h`'s first `rows` rows (`rows ≤ h.nrows()`), zeros below
/// the diagonal: the `R` factor of a packed Householder QR.
pub(crate) fn upper_rows<T: Clone + num_traits::Zero>(h: &Array2<T>, rows: usize) -> Array2<T> {
    let n = h.ncols();
    let mut r = zeros_f(rows, n);
    for j in 0..n {
        let top = (j + 1).min(rows);
        r.slice_mut(s![..top, j]).assign(&h.slice(s![..top, j]));
    }
    r
}

/// QR decomposition with column pivoting in the raw form of LAPACK `geqp3`:
/// `((h, tau), r, p)` with `a[:, p] = Q r`.
///
/// One column-pivoted Householder factorization, LAPACK `geqp3`'s: at each step the
/// remaining column of largest norm (the first of equal ones) is swapped in, reduced by
/// `geqrf`'s reflector (`R`'s diagonal real, of the opposite sign of the column's leading
/// entry), and the other columns' norms are downdated (recomputed when cancellation has
/// eaten half their digits), so `h`, `tau`, `r` and `p` equal SciPy's to rounding (`p`
/// exactly; past the numerical rank of `a` the pivots, reflectors and trailing rows of `r`
/// are decided by rounding). `f32`/`f64` input goes through LAPACK's `?geqp3` with the
/// `lapack` feature; otherwise, and for `Complex<f32>`/`Complex<f64>` on both backends, through
/// this crate's `?geqp3`: LAPACK's blocked algorithm (`?laqps` panels of 32 columns whose
/// trailing update is one matrix product, while more than 128 reflectors remain), then the
/// unblocked `?laqp2` sweep, which alone factors matrices of up to 128 rows or columns.
/// Shapes as [`qr_raw`]: `h` `(m, n)`, `tau`
/// `min(m, n)`, `r` `(min(m, n), n)`. `p` holds 0-based column indices.
///
/// SciPy equivalent: `scipy.linalg.qr(a, mode='raw', pivoting=True)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite) when `a` holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::qr_raw_pivoting;
/// use sci_linalg::sci_array::ndarray::{array, Axis};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5], [7.0, 8.5, 10.0], [1.0, 0.0, 2.0]];
/// // scipy.linalg.qr(a, mode='raw', pivoting=True)
/// let ((h, tau), r, p) = qr_raw_pivoting(&a)?;
/// assert_eq!(p.to_vec(), vec![2, 1, 0]);
/// assert_eq!((h.dim(), tau.len(), r.dim()), ((4, 3), 3, (3, 3)));
/// assert!((r[[0, 0]] + 12.45993579f64).abs() < 1e-7);
/// assert!((tau[0] - 1.24077171f64).abs() < 1e-7);
/// // the reflectors of h and tau rebuild a[:, p] = Q r
/// let mut qr = r.clone();
/// qr.push_row(array![0.0, 0.0, 0.0].view())?;
/// for i in (0..3).rev() {
///     let mut v = array![0.0, 0.0, 0.0, 0.0];
///     v[i] = 1.0;
///     for j in i + 1..4 {
///         v[j] = h[[j, i]];
///     }
///     let w = v.dot(&qr) * tau[i];
///     for (row, &vi) in v.iter().enumerate() {
///         for c in 0..3 {
///             qr[[row, c]] -= vi * w[c];
///         }
///     }
/// }
/// assert_allclose(&qr, &a.select(Axis(1), p.as_slice().unwrap()), 1e-14, 1e-13);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_raw_pivoting<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> Result<((Array2<T>, Array1<T>), Array2<T>, Array1<usize>)> {
    let (h, tau, p) = T::geqp3_k(a.view())?;
    let r = upper_rows(&h, h.nrows().min(h.ncols()));
    Ok(((h, tau), r, p))
}

/// `f64` input: `(h, tau)` from the blocked [`geqrf`](crate::qr_blocked::geqrf) (LAPACK's
/// algorithm and reflectors); `None` for other element types.
fn blocked_raw<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<Option<(Array2<T>, Array1<T>)>> {
    if TypeId::of::<T>() != TypeId::of::<f64>() {
        return Ok(None);
    }
    check_finite(&a, "a")?;
    let mut h = to_fortran(&a);
    Ok(geqrf_if_f64(&mut h).map(|tau| (h, Array1::from(tau))))
}
