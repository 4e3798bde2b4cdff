//! Level-3 kernels the factorizations are built on (the BLAS layer of this crate).
//!
//! [`dgemm`] is the one entry point every blocked algorithm uses for its trailing updates, so a
//! faster product speeds all of them at once.

use faer::{Accum, Par};
use ndarray::{ArrayView2, ArrayViewMut2};

use crate::scalar::{as_faer, as_faer_mut};

/// `c = alpha * a @ b + beta * c` for `f64` matrices of any strides (BLAS `dgemm`).
///
/// As in BLAS, `beta == 0` overwrites `c` without reading it (NaN in `c` does not propagate).
/// `par` is the parallelism the caller chose (see `scalar::parallel::par_for`). Shapes must
/// agree: `a` is `m × k`, `b` is `k × n`, `c` is `m × n` (checked in debug builds).
#[allow(dead_code)] // the blocked LU, Cholesky and QR and matmul switch to it next
pub(crate) fn dgemm(
    alpha: f64,
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    beta: f64,
    c: ArrayViewMut2<'_, f64>,
    par: Par,
) {
    debug_assert_eq!(a.ncols(), b.nrows());
    debug_assert_eq!((a.nrows(), b.ncols()), c.dim());
    let mut c = as_faer_mut(c);
    if beta == 0.0 {
        faer::linalg::matmul::matmul(c, Accum::Replace, as_faer(a), as_faer(b), alpha, par);
    } else {
        if beta != 1.0 {
            c.copy_from(&(faer::Scale(beta) * c.as_ref()));
        }
        faer::linalg::matmul::matmul(c, Accum::Add, as_faer(a), as_faer(b), alpha, par);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, ShapeBuilder};

    fn naive(alpha: f64, a: &Array2<f64>, b: &Array2<f64>, beta: f64, c: &Array2<f64>) -> Array2<f64> {
        let mut out = c.mapv(|x| if beta == 0.0 { 0.0 } else { beta * x });
        for i in 0..a.nrows() {
            for j in 0..b.ncols() {
                let s: f64 = (0..a.ncols()).map(|p| a[[i, p]] * b[[p, j]]).sum();
                out[[i, j]] += alpha * s;
            }
        }
        out
    }

    #[test]
    fn dgemm_matches_the_definition() {
        for &(m, n, k) in &[(0, 3, 2), (3, 0, 2), (3, 4, 0), (1, 1, 1), (7, 5, 9), (33, 17, 65)] {
            let a = Array2::from_shape_fn((m, k), |(i, j)| (i * 3 + j * 7 % 5) as f64 - 2.5);
            let b = Array2::from_shape_fn((k, n).f(), |(i, j)| (i * 2 + j) as f64 * 0.5 - 1.0);
            let c0 = Array2::from_shape_fn((m, n), |(i, j)| if i == j { f64::NAN } else { (i + j) as f64 });
            for &(alpha, beta) in &[(1.0, 0.0), (-1.0, 1.0), (2.0, 0.5)] {
                let mut c = c0.clone();
                dgemm(alpha, a.view(), b.view(), beta, c.view_mut(), Par::Seq);
                let want = naive(alpha, &a, &b, beta, &c0);
                for (x, y) in c.iter().zip(want.iter()) {
                    assert!(
                        x == y || (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-12 * y.abs().max(1.0)
                    );
                }
            }
        }
    }
}
