//! Complex Schur decomposition `a = z t zᴴ` of a complex matrix: faer's Hessenberg reduction,
//! then single-shift complex QR sweeps with Givens rotations (Wilkinson shifts, LAPACK
//! `zlahqr`'s deflation test), for `solve_sylvester` and the Lyapunov solvers.

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::evd::hessenberg;
use faer::linalg::householder;
use faer::{Conj, Mat};
use ndarray::{Array2, ArrayView2, s};
use num_complex::Complex;
use num_traits::Zero;

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_square_finite, par, to_fortran, zeros_f};

/// `(t, z)`: `t` upper triangular, `z` unitary, `a = z t zᴴ`.
pub(crate) fn schur<R>(a: ArrayView2<'_, Complex<R>>) -> Result<(Array2<Complex<R>>, Array2<Complex<R>>)>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
{
    let n = check_square_finite(&a, "a")?;
    let one = Complex::new(R::one(), R::zero());
    let mut h = to_fortran(&a);
    let mut z = zeros_f(n, n);
    z.diag_mut().fill(one);
    if n <= 1 {
        return Ok((h, z));
    }
    let par = par();
    let bs = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<Complex<R>>(n - 1, n - 1);
    let mut mem = MemBuffer::new(StackReq::any_of(&[
        hessenberg::hessenberg_in_place_scratch::<Complex<R>>(n, bs, par, Default::default()),
        householder::apply_block_householder_sequence_on_the_right_in_place_scratch::<Complex<R>>(
            n - 1,
            bs,
            n - 1,
        ),
    ]));
    let stack = MemStack::new(&mut mem);
    let mut coeff = Mat::<Complex<R>>::zeros(bs, n - 1);
    hessenberg::hessenberg_in_place(
        as_faer_mut(h.view_mut()),
        coeff.as_mut(),
        par,
        stack,
        Default::default(),
    );
    householder::apply_block_householder_sequence_on_the_right_in_place_with_conj(
        as_faer(h.slice(s![1.., ..n - 1])),
        coeff.as_ref(),
        Conj::No,
        as_faer_mut(z.slice_mut(s![1.., 1..])),
        par,
        stack,
    );
    for j in 0..n {
        for i in j + 2..n {
            h[[i, j]] = Complex::zero();
        }
    }
    hessenberg_qr(&mut h, &mut z)?;
    for j in 0..n {
        for i in j + 1..n {
            h[[i, j]] = Complex::zero();
        }
    }
    Ok((h, z))
}

/// `|re| + |im|`, LAPACK's `cabs1`.
fn abs1<R: LinalgFloat>(x: Complex<R>) -> R {
    x.re.abs() + x.im.abs()
}

/// The Givens rotation `g = [[c, s], [-s̄, c]]` with `g [x; y] = [r; 0]`.
fn givens<R: LinalgFloat>(x: Complex<R>, y: Complex<R>) -> (R, Complex<R>) {
    let (ax, ay) = (x.norm(), y.norm());
    if ay == R::zero() {
        return (R::one(), Complex::zero());
    }
    if ax == R::zero() {
        return (R::zero(), Complex::new(R::one(), R::zero()));
    }
    let rho = ax.hypot(ay);
    (ax / rho, (x / ax) * y.conj() / rho)
}

/// Reduces the upper Hessenberg `h` to upper triangular form in place by shifted QR sweeps,
/// accumulating the rotations into `z`.
fn hessenberg_qr<R: LinalgFloat>(h: &mut Array2<Complex<R>>, z: &mut Array2<Complex<R>>) -> Result<()> {
    let n = h.nrows();
    let eps = R::epsilon();
    let max_iter = 30 * n.max(10);
    let mut hi = n - 1;
    let mut its = 0;
    let mut total = 0;
    while hi > 0 {
        // deflation: the largest l <= hi with a negligible h[l, l-1]
        let mut l = hi;
        while l > 0 {
            let sub = abs1(h[[l, l - 1]]);
            let mut tst = abs1(h[[l - 1, l - 1]]) + abs1(h[[l, l]]);
            if tst == R::zero() {
                tst = (0..n).map(|i| abs1(h[[i, i]])).fold(R::zero(), R::max);
            }
            if sub <= eps * tst || sub <= R::min_positive_value() {
                h[[l, l - 1]] = Complex::zero();
                break;
            }
            l -= 1;
        }
        if l == hi {
            hi -= 1;
            its = 0;
            continue;
        }
        its += 1;
        total += 1;
        if total > max_iter {
            return Err(LinalgError::NoConvergence { iterations: max_iter });
        }
        // Wilkinson shift from the trailing 2x2 block (exceptional shifts every 10 sweeps)
        let mu = if its % 10 == 0 {
            h[[hi, hi]] + Complex::new(abs1(h[[hi, hi - 1]]) * R::lit(0.75), R::zero())
        } else {
            let (a, b, c, d) = (h[[hi - 1, hi - 1]], h[[hi - 1, hi]], h[[hi, hi - 1]], h[[hi, hi]]);
            let half = Complex::new(R::lit(0.5), R::zero());
            let m = (a - d) * half;
            let disc = (m * m + b * c).sqrt();
            // the eigenvalues of the 2x2 block are (a + d)/2 ± disc = d + m ± disc
            let (l1, l2) = (d + m + disc, d + m - disc);
            if (l1 - d).norm() <= (l2 - d).norm() { l1 } else { l2 }
        };
        // implicit single-shift QR sweep on rows/columns l..=hi
        let mut x = h[[l, l]] - mu;
        let mut y = h[[l + 1, l]];
        for k in l..hi {
            if k > l {
                x = h[[k, k - 1]];
                y = h[[k + 1, k - 1]];
            }
            let (c, sn) = givens(x, y);
            let cc = Complex::new(c, R::zero());
            let start = if k > l { k - 1 } else { l };
            for j in start..n {
                let (h1, h2) = (h[[k, j]], h[[k + 1, j]]);
                h[[k, j]] = cc * h1 + sn * h2;
                h[[k + 1, j]] = cc * h2 - sn.conj() * h1;
            }
            let stop = (k + 2).min(hi);
            for i in 0..=stop {
                let (h1, h2) = (h[[i, k]], h[[i, k + 1]]);
                h[[i, k]] = cc * h1 + sn.conj() * h2;
                h[[i, k + 1]] = cc * h2 - sn * h1;
            }
            for i in 0..n {
                let (z1, z2) = (z[[i, k]], z[[i, k + 1]]);
                z[[i, k]] = cc * z1 + sn.conj() * z2;
                z[[i, k + 1]] = cc * z2 - sn * z1;
            }
            if k > l {
                h[[k + 1, k - 1]] = Complex::zero();
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex<f64> {
        Complex::new(re, im)
    }

    #[test]
    fn schur_reconstructs_and_is_triangular() {
        for n in [1usize, 2, 3, 7, 40] {
            let mut st = n as u64 * 7919 + 1;
            let mut rnd = || {
                st = st.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((st >> 11) as f64 / (1u64 << 53) as f64) - 0.5
            };
            let a = Array2::from_shape_fn((n, n), |_| c(rnd(), rnd()));
            let (t, z) = schur(a.view()).unwrap();
            let zh = z.t().mapv(|v| v.conj());
            let back = z.dot(&t).dot(&zh);
            let err = (&back - &a).iter().fold(0.0f64, |m, v| m.max(v.norm()));
            assert!(err < 1e-13 * n as f64, "n={n}: |z t zᴴ - a| = {err:e}");
            let orth =
                (&zh.dot(&z) - &Array2::<Complex<f64>>::eye(n)).iter().fold(0.0f64, |m, v| m.max(v.norm()));
            assert!(orth < 1e-13 * n as f64, "n={n}: z not unitary ({orth:e})");
            for j in 0..n {
                for i in j + 1..n {
                    assert_eq!(t[[i, j]], c(0.0, 0.0));
                }
            }
            // the diagonal holds the eigenvalues
            let w = crate::complex::decomp::eig::<f64>(a.view(), false).unwrap().0;
            for d in t.diag() {
                let dist = w.iter().map(|x| (x - d).norm()).fold(f64::INFINITY, f64::min);
                assert!(dist < 1e-10, "n={n}: {d} is not an eigenvalue ({dist:e})");
            }
        }
        // a matrix that is already triangular, and one with a zero column
        let t0 =
            Array2::from_shape_fn((4, 4), |(i, j)| if i <= j { c((i + j) as f64, 1.0) } else { c(0.0, 0.0) });
        let (t, _) = schur(t0.view()).unwrap();
        assert_eq!(t.diag().to_vec(), t0.diag().to_vec());
        let z0 =
            Array2::from_shape_fn((3, 3), |(i, j)| if j == 1 { c(0.0, 0.0) } else { c(i as f64, j as f64) });
        assert!(schur(z0.view()).is_ok());
    }
}
