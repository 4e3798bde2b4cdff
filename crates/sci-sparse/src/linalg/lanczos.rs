//! The thick-restart Lanczos engine behind [`eigsh`](super::eigsh): full reorthogonalization
//! (classical Gram-Schmidt with a DGKS second pass, as ARPACK's `dsaitr`) over a basis stored
//! as contiguous rows, dense steps through faer's SIMD kernels. Each thick restart reduces the
//! projected matrix back to tridiagonal form, so the small problem is always solved by
//! implicit QL, whose eigenvector last rows (ARPACK's Ritz estimates) are accurate.

use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatMut, MatRef, Par};
use sci_array::ndarray::{Array2, ArrayView1, ArrayViewMut1};
use sci_array::random::default_rng;

use super::eigen::{EigshOptions, wanted_order};
use super::operator::LinearOperator;
use super::small_eig::{tridiag_ql, tridiagonalize_upper};
use crate::error::{Result, SparseError, invalid, shape_err};

/// `sum(a * b)` with eight independent partial sums (vectorizes; no single add chain).
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut s = [0.0f64; 8];
    let (mut ca, mut cb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut ca).zip(&mut cb) {
        for t in 0..8 {
            s[t] += x[t] * y[t];
        }
    }
    let tail: f64 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7])) + tail
}

/// One classical Gram-Schmidt pass: `h = B w`, then `w -= B^T h`, for the `m x n` row-major
/// basis `B`.
fn project_out(basis: &[f64], m: usize, n: usize, w: &mut [f64], h: &mut [f64]) {
    let b = MatRef::from_row_major_slice(basis, m, n);
    matmul(
        MatMut::from_column_major_slice_mut(h, m, 1),
        Accum::Replace,
        b,
        MatRef::from_column_major_slice(w, n, 1),
        1.0,
        Par::Seq,
    );
    matmul(
        MatMut::from_column_major_slice_mut(w, n, 1),
        Accum::Add,
        b.transpose(),
        MatRef::from_column_major_slice(h, m, 1),
        -1.0,
        Par::Seq,
    );
}

/// Thick-restart Lanczos on `op`; returns (Ritz values, Ritz vectors as the columns of an
/// `(n, k)` array) of the `k` wanted eigenpairs, values ascending.
pub(crate) fn lanczos(
    op: &dyn LinearOperator,
    k: usize,
    opts: &EigshOptions,
) -> Result<(Vec<f64>, Array2<f64>)> {
    let n = op.shape().0;
    let ncv = opts.ncv.unwrap_or_else(|| n.min((2 * k + 1).max(20)));
    if ncv <= k || ncv > n {
        return Err(invalid("ncv", format!("ncv must be k < ncv <= n, ncv={ncv}, k={k}, n={n}")));
    }
    let maxiter = opts.maxiter.unwrap_or(10 * n).max(1);
    let tol = if opts.tol > 0.0 { opts.tol } else { f64::EPSILON };
    let eps23 = f64::EPSILON.powf(2.0 / 3.0);
    let mut rng = default_rng(0);
    // Basis vectors as the rows of an (ncv + 1) x n row-major array.
    let mut v = vec![0.0; (ncv + 1) * n];
    match &opts.v0 {
        Some(v0) if v0.len() != n => return Err(shape_err("v0", format!("length {n}"), v0.shape())),
        Some(v0) => v[..n].iter_mut().zip(v0).for_each(|(d, &s)| *d = s),
        None => v[..n].iter_mut().zip(rng.uniform(-1.0, 1.0, n)?).for_each(|(d, s)| *d = s),
    }
    let nv0 = dot(&v[..n], &v[..n]).sqrt();
    if nv0 == 0.0 || !nv0.is_finite() {
        return Err(invalid("v0", "starting vector must be nonzero and finite"));
    }
    v[..n].iter_mut().for_each(|x| *x /= nv0);
    // The projected matrix is tridiagonal: `alpha` on the diagonal, `off[j]` coupling j and
    // j + 1 (`off[ncv - 1]` is the norm of the residual).
    let (mut alpha, mut off) = (vec![0.0; ncv], vec![0.0; ncv]);
    let (mut h, mut h2) = (vec![0.0; ncv], vec![0.0; ncv]);
    let (mut theta, mut y) = (vec![0.0; ncv], vec![0.0; ncv * ncv]);
    let mut restarted = vec![0.0; ncv * n];
    let mut l = 0usize;
    for _iter in 0..maxiter {
        for j in l..ncv {
            let (head, tail) = v.split_at_mut((j + 1) * n);
            let w = &mut tail[..n];
            op.matvec_into(ArrayView1::from(&head[j * n..]), ArrayViewMut1::from(&mut *w));
            let wnorm = dot(w, w).sqrt();
            project_out(head, j + 1, n, w, &mut h[..=j]);
            let mut beta = dot(w, w).sqrt();
            // DGKS: a second pass only when the first one cancelled much of `w`.
            if beta <= std::f64::consts::FRAC_1_SQRT_2 * wnorm {
                project_out(head, j + 1, n, w, &mut h2[..=j]);
                h[..=j].iter_mut().zip(&h2).for_each(|(a, b)| *a += b);
                beta = dot(w, w).sqrt();
            }
            alpha[j] = h[j];
            let scale = h[..=j].iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if beta <= f64::EPSILON * scale.max(f64::MIN_POSITIVE) {
                // Invariant subspace: continue with a fresh random direction, uncoupled.
                beta = 0.0;
                w.iter_mut().zip(rng.uniform(-1.0, 1.0, n)?).for_each(|(d, s)| *d = s);
                for _ in 0..2 {
                    project_out(head, j + 1, n, w, &mut h2[..=j]);
                }
                let nr = dot(w, w).sqrt();
                let inv = if nr > 0.0 { 1.0 / nr } else { 0.0 };
                w.iter_mut().for_each(|x| *x *= inv);
            } else {
                let inv = 1.0 / beta;
                w.iter_mut().for_each(|x| *x *= inv);
            }
            off[j] = beta;
        }
        let beta = off[ncv - 1];
        theta.copy_from_slice(&alpha);
        if !tridiag_ql(&mut theta, &off, &mut y) {
            // SciPy: ArpackError -9999, "Could not build an Arnoldi factorization".
            return Err(invalid("A", "the products A v are not finite (NaN or inf in A)"));
        }
        let last = &y[(ncv - 1) * ncv..];
        let order = wanted_order(&theta, opts.which);
        let converged = order[..k].iter().all(|&i| (beta * last[i]).abs() <= tol * eps23.max(theta[i].abs()));
        let basis = MatRef::from_row_major_slice(&v[..ncv * n], ncv, n);
        if converged {
            let mut sel: Vec<usize> = order[..k].to_vec();
            sel.sort_by(|&a, &b| theta[a].total_cmp(&theta[b]));
            let vals = sel.iter().map(|&i| theta[i]).collect();
            let ysel = Mat::<f64>::from_fn(ncv, k, |r, c| y[r * ncv + sel[c]]);
            let mut out = vec![0.0; n * k];
            let dst = MatMut::from_row_major_slice_mut(&mut out, n, k);
            matmul(dst, Accum::Replace, basis.transpose(), ysel.as_ref(), 1.0, Par::Seq);
            let vecs = Array2::from_shape_vec((n, k), out).map_err(|e| invalid("k", e.to_string()))?;
            return Ok((vals, vecs));
        }
        // Thick restart: keep the best `l` Ritz vectors and the residual direction. The
        // projected matrix is then an arrowhead (the kept Ritz values, coupled to the residual
        // by `beta * y_last`); rotating the kept vectors by `Q` makes it tridiagonal again.
        l = ((k + ncv) / 2).max(k).min(ncv - 1);
        let keep = &order[..l];
        let m = l + 1;
        let mut arrow = vec![0.0; m * m];
        for (c, &i) in keep.iter().enumerate() {
            arrow[c * m + c] = theta[i];
            arrow[c * m + l] = beta * last[i];
            arrow[l * m + c] = beta * last[i];
        }
        let mut q = vec![0.0; m * m];
        let (d, e) = tridiagonalize_upper(&mut arrow, m, &mut q);
        // rows of the new basis: (Y_keep Q)^T V
        let coef =
            Mat::<f64>::from_fn(l, ncv, |c, r| (0..l).map(|i| y[r * ncv + keep[i]] * q[i * m + c]).sum());
        let dst = MatMut::from_row_major_slice_mut(&mut restarted[..l * n], l, n);
        matmul(dst, Accum::Replace, coef.as_ref(), basis, 1.0, Par::Seq);
        v[..l * n].copy_from_slice(&restarted[..l * n]);
        v.copy_within(ncv * n..(ncv + 1) * n, l * n);
        alpha[..l].copy_from_slice(&d[..l]);
        off[..l].copy_from_slice(&e[..l]);
    }
    Err(SparseError::NoConvergence { iterations: maxiter })
}
