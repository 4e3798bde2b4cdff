//! NumPy's `numpy.linalg.qr`: its four modes on a matrix or a stack of matrices, each matrix
//! factored by [`qr`], [`qr_r`] or [`qr_raw`] and placed in NumPy's output shapes.

use ndarray::{Array, ArrayBase, ArrayD, ArrayViewMut, Axis, Data, Dimension, Ix1, Ix2, IxDyn};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::qr::{QrMode, qr};
use crate::qr_raw::qr_raw;
use crate::stacked::matrix;

/// The `mode` of [`np_qr`] (NumPy's strings).
///
/// NumPy equivalent: the `mode` argument of `numpy.linalg.qr`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{np_qr, NpQr, NpQrMode};
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(NpQrMode::default(), NpQrMode::Reduced);
/// let NpQr::R(r) = np_qr(&array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], NpQrMode::R)? else { unreachable!() };
/// assert_eq!(r.dim(), (2, 3));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NpQrMode {
    /// `'reduced'` (NumPy's default): `q` `(..., m, k)`, `r` `(..., k, n)`, `k = min(m, n)`.
    #[default]
    Reduced,
    /// `'complete'`: `q` `(..., m, m)`, `r` `(..., m, n)`.
    Complete,
    /// `'r'`: only `r`, `(..., k, n)`.
    R,
    /// `'raw'`: LAPACK `geqrf`'s packed factors, `h` `(..., n, m)` (transposed) and `tau`
    /// `(..., k)`.
    Raw,
}

/// The result of [`np_qr`]: one variant per shape of NumPy's return value.
///
/// NumPy returns a `QRResult(Q, R)` named tuple for `'reduced'` and `'complete'`, a bare
/// array for `'r'` and a plain `(h, tau)` tuple for `'raw'`; an enum keeps each mode's fields
/// without `Option`s that a caller would have to unwrap. `q`, `r` and `h` have the input's
/// number of axes (`D`), `tau` one fewer.
///
/// NumPy equivalent: the return value of `numpy.linalg.qr`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{np_qr, NpQr, NpQrMode};
/// use sci_linalg::sci_array::ndarray::Array3;
/// // numpy.linalg.qr(np.zeros((2, 0, 4)), mode='raw'): h (2, 4, 0), tau (2, 0)
/// match np_qr(&Array3::<f64>::zeros((2, 0, 4)), NpQrMode::Raw)? {
///     NpQr::Raw { h, tau } => assert_eq!((h.dim(), tau.dim()), ((2, 4, 0), (2, 0))),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum NpQr<T, D: Dimension> {
    /// `'reduced'` or `'complete'`: `a = q @ r` for every matrix of the stack.
    Qr {
        /// The orthonormal (unitary) factors.
        q: Array<T, D>,
        /// The upper trapezoidal factors.
        r: Array<T, D>,
    },
    /// `'r'`: the upper trapezoidal factors `(..., min(m, n), n)`.
    R(Array<T, D>),
    /// `'raw'`: `h` `(..., n, m)` is SciPy's `(m, n)` raw `h` transposed (NumPy hands LAPACK's
    /// Fortran-ordered array back as it is stored); `R` lies on and above its transposed
    /// diagonal and the Householder vectors below it; `tau` `(..., min(m, n))` holds the
    /// reflector scalars.
    Raw {
        /// The packed factors, transposed (the last two axes are `(n, m)`).
        h: Array<T, D>,
        /// The Householder scalars.
        tau: Array<T, D::Smaller>,
    },
}

/// QR decomposition with NumPy's modes and shapes, of a matrix or of every matrix of a stack
/// `(..., m, n)`.
///
/// Each matrix goes through this crate's SciPy-mirroring functions: `'reduced'` and
/// `'complete'` are [`qr`] with [`QrMode::Economic`] / [`QrMode::Full`]; `'r'` is [`qr_raw`]'s `(k, n)` `r`
/// (SciPy's `mode='r'` keeps all `m` rows); `'raw'` is [`qr_raw`]'s `(h, tau)` with `h`
/// transposed. NumPy and SciPy both call LAPACK `geqrf`/`orgqr`, so the
/// signs are LAPACK's and the values equal NumPy's to rounding. Zero-length axes give NumPy's
/// empty shapes (e.g. `'complete'` on `(3, 0)` gives `q = I₃` and `r` `(3, 0)`; a `(2, 0, 4)`
/// stack in `'raw'` mode gives `h` `(2, 4, 0)` and `tau` `(2, 0)`). The results are C-ordered.
///
/// Unlike NumPy, which factors NaN and infinity without a check (its results then hold NaN),
/// the input is checked as in SciPy's `check_finite=True` and every other function of the
/// crate.
///
/// NumPy equivalent: `numpy.linalg.qr(a, mode='reduced' | 'complete' | 'r' | 'raw')`, real
/// and complex input (`f32`, `f64`, `Complex<f32>`, `Complex<f64>`), any `ndim >= 2`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] naming `a` when it has fewer than two axes (NumPy's
/// `LinAlgError`: "1-dimensional array given. Array must be at least two-dimensional");
/// [`LinalgError::NonFinite`] naming `a` when a matrix holds NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::{np_qr, NpQr, NpQrMode};
/// use sci_linalg::sci_array::ndarray::{array, Array3, Axis};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, 1.0], [4.0, 2.0], [0.0, 2.0]];
/// // numpy.linalg.qr(a): Q (3, 2), R (2, 2) with LAPACK's signs
/// let NpQr::Qr { q, r } = np_qr(&a, NpQrMode::Reduced)? else { unreachable!() };
/// assert_eq!((q.dim(), r.dim()), ((3, 2), (2, 2)));
/// assert_allclose(&q.dot(&r), &a, 1e-14, 1e-14);
/// assert!((r[[0, 0]] + 5.0f64).abs() < 1e-14);
/// // mode='r' keeps min(m, n) rows, mode='raw' returns h transposed
/// let NpQr::R(r2) = np_qr(&a, NpQrMode::R)? else { unreachable!() };
/// assert_allclose(&r2, &r, 1e-14, 0.0);
/// let NpQr::Raw { h, tau } = np_qr(&a, NpQrMode::Raw)? else { unreachable!() };
/// assert_eq!((h.dim(), tau.len()), ((2, 3), 2));
/// assert!((h[[1, 1]] - r[[1, 1]]).abs() < 1e-14);
/// // a stack of four (3, 2) matrices: each factored on its own
/// let s = Array3::from_shape_fn((4, 3, 2), |(k, i, j)| (k + 1) as f64 * a[[i, j]]);
/// let NpQr::Qr { q, r } = np_qr(&s, NpQrMode::Complete)? else { unreachable!() };
/// assert_eq!((q.shape(), r.shape()), (&[4, 3, 3][..], &[4, 3, 2][..]));
/// assert!((r[[3, 0, 0]] + 20.0f64).abs() < 1e-13);
/// assert_allclose(&q.index_axis(Axis(0), 3).dot(&r.index_axis(Axis(0), 3)), &s.index_axis(Axis(0), 3), 1e-14, 1e-13);
/// assert!(np_qr(&array![1.0, 2.0], NpQrMode::Reduced).is_err()); // 1-d input
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn np_qr<T, S, D>(a: &ArrayBase<S, D>, mode: NpQrMode) -> Result<NpQr<T, D>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    if nd < 2 {
        return Err(LinalgError::ShapeMismatch {
            arg: "a",
            expected: format!(
                "at least two dimensions ({nd}-dimensional array given. Array must be at least two-dimensional)"
            ),
            found: a.shape().to_vec(),
        });
    }
    let a = a.view().into_dyn();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let k = m.min(n);
    let batch = a.shape()[..nd - 2].to_vec();
    let stack = |core: &[usize]| ArrayD::<T>::zeros(IxDyn(&[&batch[..], core].concat()));
    let back = |x: ArrayD<T>| x.into_dimensionality::<D>().expect("the input's number of axes");
    let each = ndarray::indices(IxDyn(&batch));
    Ok(match mode {
        NpQrMode::Reduced | NpQrMode::Complete => {
            let (qr_mode, cols) =
                if mode == NpQrMode::Complete { (QrMode::Full, m) } else { (QrMode::Economic, k) };
            let (mut q, mut r) = (stack(&[m, cols]), stack(&[cols, n]));
            for idx in each {
                let (qi, ri) = qr(&matrix(a.view(), idx.slice()), qr_mode)?;
                at::<_, Ix2>(&mut q, idx.slice()).assign(&qi);
                at::<_, Ix2>(&mut r, idx.slice()).assign(&ri);
            }
            NpQr::Qr { q: back(q), r: back(r) }
        }
        NpQrMode::R => {
            let mut r = stack(&[k, n]);
            for idx in each {
                let (_, ri) = qr_raw(&matrix(a.view(), idx.slice()))?;
                at::<_, Ix2>(&mut r, idx.slice()).assign(&ri);
            }
            NpQr::R(back(r))
        }
        NpQrMode::Raw => {
            let (mut h, mut tau) = (stack(&[n, m]), stack(&[k]));
            for idx in each {
                let ((hi, ti), _) = qr_raw(&matrix(a.view(), idx.slice()))?;
                at::<_, Ix2>(&mut h, idx.slice()).assign(&hi.t());
                at::<_, Ix1>(&mut tau, idx.slice()).assign(&ti);
            }
            let tau = tau.into_dimensionality::<D::Smaller>().expect("one axis fewer than the input");
            NpQr::Raw { h: back(h), tau }
        }
    })
}

/// The core (the axes after the batch axes, `E`'s number of them) of `x` at batch index `idx`.
fn at<'a, T, E: Dimension>(x: &'a mut ArrayD<T>, idx: &[usize]) -> ArrayViewMut<'a, T, E> {
    let mut v = x.view_mut();
    for &i in idx {
        v = v.index_axis_move(Axis(0), i);
    }
    v.into_dimensionality().expect("the core's number of axes")
}
