//! QR of complex matrices with column pivoting (LAPACK `zgeqp3`'s, by [`crate::geqp3`]) and in
//! LAPACK's raw `zgeqrf` form (`H_i = I - tau_i v_i v_iᴴ` with a real `R` diagonal, by [`crate::geqp3`]).

use ndarray::{Array1, Array2, ArrayView2};

use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::qr::QrMode;

/// `(q, r, p)` with `a[:, p] = q r`: `zgeqp3`'s factorization ([`crate::geqp3`]), `q` by the
/// blocked `zungqr`.
pub(crate) fn qr_pivoting<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    crate::qr::qr_from_geqp3(crate::geqp3::geqp3(a)?, mode)
}

/// Householder QR with LAPACK's reflectors (blocked `zgeqrf` with `zlarfg`): returns `(h, tau)` with
/// `R` (real diagonal, `β = -sign(Re α) ‖x‖`) on and above the diagonal of `h` and the
/// reflector vectors below it, `Q = H_0 ⋯ H_{k-1}`, `H_i = I - tau_i v_i v_iᴴ`.
pub(crate) fn geqrf_lapack<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<(Array2<T>, Array1<T>)> {
    super::qr_blocked::geqrf(a)
}
