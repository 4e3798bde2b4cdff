//! Matrix products through faer's GEMM (blocked, SIMD, rayon-parallel for large sizes).

use faer::Accum;
use ndarray::{Array2, ArrayView2};

use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, par, zeros_f};

/// `a @ b` into a new Fortran-order matrix (shapes are checked by the callers).
pub(crate) fn matmul<T: LinalgFloat>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    let mut out = zeros_f(a.nrows(), b.ncols());
    faer::linalg::matmul::matmul(
        as_faer_mut(out.view_mut()),
        Accum::Replace,
        as_faer(a),
        as_faer(b),
        T::one(),
        par(),
    );
    out
}
