//! Cholesky factorization of `f64` matrices on the crate's own GEMM (LAPACK `dpotrf`, lower).
//!
//! The recursive formulation of LAPACK's `dpotrf2`: factor the leading half `A11 = L11 L11ᵀ`
//! (recursively), solve `L21 = A21 L11⁻ᵀ` (`dtrsm`), update `A22 -= L21 L21ᵀ` (`dsyrk`, by
//! products) and factor it (recursively). Blocks of order at most [`LEAF`] are factored by
//! LAPACK's unblocked `dpotf2`. The failing pivot is LAPACK's `info`: the first column whose
//! diagonal is not positive (or NaN) when it is reached.

use faer::Par;
use ndarray::{ArrayViewMut2, Axis, s};

use crate::triangular_blocked::{slice, slice_mut, syrk_lower_sub, trsm_right_lower_trans};

/// Diagonal blocks of at most this order are factored column by column.
const LEAF: usize = 32;

/// Factors the lower triangle of the square `a` (contiguous columns) in place as `L Lᵀ`;
/// the strict upper triangle is used as workspace (the caller clears it). `Err(j)` is the
/// 0-based column of the first non-positive pivot (LAPACK's `info - 1`).
pub(crate) fn dpotrf_lower(mut a: ArrayViewMut2<'_, f64>, par: Par) -> Result<(), usize> {
    let n = a.nrows();
    if n <= LEAF {
        return potf2(a);
    }
    let n1 = n / 2;
    let (mut left, right) = a.view_mut().split_at(Axis(1), n1);
    let (mut a11, mut a21) = left.view_mut().split_at(Axis(0), n1);
    dpotrf_lower(a11.view_mut(), par)?;
    trsm_right_lower_trans(a11.view(), a21.view_mut(), par);
    let mut a22 = right.slice_move(s![n1.., ..]);
    syrk_lower_sub(a21.view(), a22.view_mut(), par);
    dpotrf_lower(a22, par).map_err(|j| j + n1)
}

/// LAPACK's unblocked `dpotf2` (left-looking, lower) on `a` in place.
fn potf2(mut a: ArrayViewMut2<'_, f64>) -> Result<(), usize> {
    let n = a.nrows();
    for j in 0..n {
        let (done, mut rest) = a.view_mut().split_at(Axis(1), j);
        let cj = slice_mut(rest.column_mut(0));
        // Column j minus the contributions of the columns already factored (a gemv).
        for p in 0..j {
            let cp = slice(done.column(p));
            let ljp = cp[j];
            if ljp != 0.0 {
                for (x, &y) in cj[j..].iter_mut().zip(&cp[j..]) {
                    *x -= y * ljp;
                }
            }
        }
        let ajj = cj[j];
        if ajj.is_nan() || ajj <= 0.0 {
            return Err(j);
        }
        let ajj = ajj.sqrt();
        cj[j] = ajj;
        let r = 1.0 / ajj;
        cj[j + 1..].iter_mut().for_each(|x| *x *= r);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, ShapeBuilder};

    fn spd(n: usize, seed: u64) -> Array2<f64> {
        let b = crate::triangular_blocked::tests::mat(n, n, seed);
        let mut a = Array2::zeros((n, n).f());
        a.assign(&(b.dot(&b.t()) + Array2::<f64>::eye(n) * 0.5));
        a
    }

    fn lower_of(f: &Array2<f64>) -> Array2<f64> {
        Array2::from_shape_fn(f.dim(), |(i, j)| if i >= j { f[[i, j]] } else { 0.0 })
    }

    #[test]
    fn blocked_matches_unblocked_around_the_leaf_sizes() {
        for (idx, n) in [0, 1, 2, 31, 32, 33, 63, 64, 65, 100, 257].into_iter().enumerate() {
            let a = spd(n, idx as u64 + 3);
            let mut blocked = a.clone();
            dpotrf_lower(blocked.view_mut(), Par::Seq).unwrap();
            let mut plain = a.clone();
            potf2(plain.view_mut()).unwrap();
            let (lb, lp) = (lower_of(&blocked), lower_of(&plain));
            for (x, y) in lb.iter().zip(lp.iter()) {
                assert!((x - y).abs() < 1e-11 * (1.0 + y.abs()), "n={n}: {x} vs {y}");
            }
            let r = lb.dot(&lb.t());
            for (x, y) in r.iter().zip(a.iter()) {
                assert!((x - y).abs() < 1e-11 * (1.0 + y.abs()));
            }
        }
    }

    #[test]
    fn the_first_non_positive_pivot_is_reported() {
        for (n, bad) in [(5, 3), (40, 0), (40, 33), (100, 70), (100, 99)] {
            let mut a = spd(n, 9);
            // Make the leading (bad+1)x(bad+1) block singular-indefinite at column `bad`.
            for i in 0..n {
                a[[i, bad]] = if i == bad { -1.0 } else { 0.0 };
                a[[bad, i]] = a[[i, bad]];
            }
            assert_eq!(dpotrf_lower(a.view_mut(), Par::Seq), Err(bad), "n={n}");
            let mut nan = spd(n, 9);
            nan[[bad, bad]] = f64::NAN;
            assert_eq!(dpotrf_lower(nan.view_mut(), Par::Seq), Err(bad));
        }
    }
}
