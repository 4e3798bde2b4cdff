//! Reordering a complex Schur form (LAPACK `ztrexc`/`ztrsen`): adjacent swaps of diagonal
//! entries by Givens rotations, for sorted complex Schur forms and the Riccati solvers.

use ndarray::{Array2, s};
use num_complex::Complex;
use num_traits::Zero;

use crate::scalar::LinalgFloat;

/// LAPACK `zlartg`: `c` real, `s` complex with `[c s; -s̄ c] [f; g] = [r; 0]`.
fn lartg<R: LinalgFloat>(f: Complex<R>, g: Complex<R>) -> (R, Complex<R>) {
    if g.is_zero() {
        return (R::one(), Complex::zero());
    }
    if f.is_zero() {
        return (R::zero(), g.conj() / Complex::from(g.norm()));
    }
    let (fa, ga) = (f.norm(), g.norm());
    let d = fa.hypot(ga);
    (fa / d, (f / Complex::from(fa)) * g.conj() / Complex::from(d))
}

/// BLAS `zrot` on two sequences: `x ← c x + s y`, `y ← c y - s̄ x`.
fn rot<R: LinalgFloat>(
    mut x: ndarray::ArrayViewMut1<'_, Complex<R>>,
    mut y: ndarray::ArrayViewMut1<'_, Complex<R>>,
    c: R,
    s: Complex<R>,
) {
    let c = Complex::from(c);
    for (xi, yi) in x.iter_mut().zip(y.iter_mut()) {
        let (u, v) = (*xi, *yi);
        *xi = c * u + s * v;
        *yi = c * v - s.conj() * u;
    }
}

/// Swaps the diagonal entries `k` and `k + 1` of the upper triangular `t` (LAPACK `ztrexc`),
/// updating the Schur vectors `z`.
fn swap<R: LinalgFloat>(t: &mut Array2<Complex<R>>, z: &mut Array2<Complex<R>>, k: usize) {
    let n = t.nrows();
    let (t11, t22) = (t[[k, k]], t[[k + 1, k + 1]]);
    let (c, sn) = lartg(t[[k, k + 1]], t22 - t11);
    if k + 2 < n {
        let (r1, r2) = t.multi_slice_mut((s![k, k + 2..], s![k + 1, k + 2..]));
        rot(r1, r2, c, sn);
    }
    let (c1, c2) = t.multi_slice_mut((s![..k, k], s![..k, k + 1]));
    rot(c1, c2, c, sn.conj());
    t[[k, k]] = t22;
    t[[k + 1, k + 1]] = t11;
    let (z1, z2) = z.multi_slice_mut((s![.., k], s![.., k + 1]));
    rot(z1, z2, c, sn.conj());
}

/// Moves the selected eigenvalues of the complex Schur form to the top (LAPACK `ztrsen`'s
/// order: each selected one moves up past the unselected ones before it); returns their count.
pub(crate) fn reorder<R: LinalgFloat>(
    t: &mut Array2<Complex<R>>,
    z: &mut Array2<Complex<R>>,
    select: impl Fn(Complex<R>) -> bool,
) -> usize {
    let mut ks = 0;
    for k in 0..t.nrows() {
        if select(t[[k, k]]) {
            for j in (ks..k).rev() {
                swap(t, z, j);
            }
            ks += 1;
        }
    }
    ks
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn c(re: f64, im: f64) -> Complex<f64> {
        Complex::new(re, im)
    }

    #[test]
    fn reorder_keeps_the_decomposition_and_moves_the_selected_up() {
        let a = array![
            [c(1.0, 1.0), c(2.0, 0.0), c(0.0, 1.0), c(0.5, 0.0)],
            [c(0.0, 0.0), c(-2.0, 0.5), c(1.0, 1.0), c(0.0, -1.0)],
            [c(0.0, 0.0), c(0.0, 0.0), c(3.0, -1.0), c(2.0, 2.0)],
            [c(0.0, 0.0), c(0.0, 0.0), c(0.0, 0.0), c(-0.5, 0.0)]
        ];
        let (mut t, mut z) = (a.clone(), Array2::<Complex<f64>>::eye(4));
        assert_eq!(reorder(&mut t, &mut z, |w| w.re < 0.0), 2);
        let rebuilt = z.dot(&t).dot(&z.t().mapv(|v| v.conj()));
        assert!((&rebuilt - &a).iter().all(|v| v.norm() < 1e-14), "{rebuilt}");
        assert!(t[[0, 0]].re < 0.0 && t[[1, 1]].re < 0.0 && t[[2, 2]].re > 0.0 && t[[3, 3]].re > 0.0);
        assert!((0..4).all(|j| (j + 1..4).all(|i| t[[i, j]].norm() < 1e-15)));
    }
}
