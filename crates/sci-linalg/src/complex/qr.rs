//! QR of complex matrices with column pivoting (faer's, as `zgeqp3`) and in LAPACK's raw
//! `zgeqrf` form (`H_i = I - tau_i v_i v_iᴴ` with a real `R` diagonal, by [`crate::geqp3`]).

use faer::Mat;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::qr::col_pivoting::factor as cpqr;
use faer::linalg::qr::no_pivoting::factor as fqr;
use ndarray::{Array1, Array2, ArrayView2};

use super::decomp::{q_factor, r_factor};
use crate::error::Result;
use crate::linalg_scalar::LinalgScalar;
use crate::qr::QrMode;
use crate::scalar::{as_faer_mut, check_finite, par, to_fortran};

/// `(q, r, p)` with `a[:, p] = q r` by faer's column-pivoted Householder QR (greedy largest
/// remaining column norm, as `geqp3`).
pub(crate) fn qr_pivoting<T: LinalgScalar>(
    a: ArrayView2<'_, T>,
    mode: QrMode,
) -> Result<(Array2<T>, Array2<T>, Array1<usize>)> {
    check_finite(&a, "a")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut packed = to_fortran(&a);
    let bs = if k == 0 { 1 } else { fqr::recommended_block_size::<T>(m, n) };
    let mut coeff = Mat::<T>::zeros(bs, k);
    let mut p: Vec<usize> = (0..n).collect();
    let par = par();
    if k > 0 {
        let mut p_inv = vec![0usize; n];
        let mut mem =
            MemBuffer::new(cpqr::qr_in_place_scratch::<usize, T>(m, n, bs, par, Default::default()));
        cpqr::qr_in_place(
            as_faer_mut(packed.view_mut()),
            coeff.as_mut(),
            &mut p,
            &mut p_inv,
            par,
            MemStack::new(&mut mem),
            Default::default(),
        );
    }
    Ok((q_factor(&packed, &coeff, bs, mode), r_factor(&packed, mode), Array1::from(p)))
}

/// Householder QR with LAPACK's reflectors (blocked `zgeqrf` with `zlarfg`): returns `(h, tau)` with
/// `R` (real diagonal, `β = -sign(Re α) ‖x‖`) on and above the diagonal of `h` and the
/// reflector vectors below it, `Q = H_0 ⋯ H_{k-1}`, `H_i = I - tau_i v_i v_iᴴ`.
pub(crate) fn geqrf_lapack<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<(Array2<T>, Array1<T>)> {
    super::qr_blocked::geqrf(a)
}
