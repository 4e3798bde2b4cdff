//! QR decomposition.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::householder;
use faer::linalg::qr::no_pivoting::factor as fqr;
use faer::{Conj, Mat};
use ndarray::{Array2, ArrayBase, Data, Ix2, s};

use crate::error::Result;
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, par, to_fortran, zeros_f};

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
/// The signs of the rows of `r` (and matching columns of `q`) are not unique and may differ
/// from SciPy's.
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
pub fn qr<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>)> {
    check_finite(a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let qcols = if mode == QrMode::Full { m } else { k };
    let rrows = qcols;
    let mut q = zeros_f(m, qcols);
    for i in 0..qcols {
        q[[i, i]] = T::one();
    }
    if k == 0 {
        return Ok((q, zeros_f(rrows, n)));
    }
    let mut packed = to_fortran(a);
    let par = par();
    let bs = fqr::recommended_block_size::<T>(m, n);
    let mut coeff = Mat::<T>::zeros(bs, k);
    {
        let mut mem = MemBuffer::new(fqr::qr_in_place_scratch::<T>(m, n, bs, par, Default::default()));
        fqr::qr_in_place(
            as_faer_mut(packed.view_mut()),
            coeff.as_mut(),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        );
    }
    // Householder vectors: unit lower trapezoidal (m, k).
    let mut basis = zeros_f(m, k);
    for j in 0..k {
        basis[[j, j]] = T::one();
        basis.slice_mut(s![j + 1.., j]).assign(&packed.slice(s![j + 1.., j]));
    }
    let mut mem = MemBuffer::new(
        householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<T>(m, bs, qcols),
    );
    householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
        as_faer(basis.view()),
        coeff.as_ref(),
        Conj::No,
        as_faer_mut(q.view_mut()),
        par,
        MemStack::new(&mut mem),
    );
    let mut r = zeros_f(rrows, n);
    for j in 0..n {
        let top = (j + 1).min(rrows);
        r.slice_mut(s![..top, j]).assign(&packed.slice(s![..top, j]));
    }
    Ok((q, r))
}
