//! The thick-restart Lanczos engine behind [`eigsh`](super::eigsh): full reorthogonalization
//! (classical Gram-Schmidt with a DGKS second pass, as ARPACK's `dsaitr`) over a basis stored
//! as contiguous rows, dense steps through faer's SIMD kernels, and a symmetric eigensolver
//! for the small projected matrix.

use faer::diag::Diag;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{ComputeEigenvectors, self_adjoint_evd, self_adjoint_evd_scratch};
use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatMut, MatRef, Par};
use sci_array::ndarray::{Array2, ArrayView1, ArrayViewMut1};
use sci_array::random::default_rng;

use super::eigen::{EigshOptions, wanted_order};
use super::operator::LinearOperator;
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

/// Eigen-decomposition of the small symmetric projected matrix, with workspace kept between
/// restarts.
struct SmallEigh {
    m: usize,
    buf: MemBuffer,
    s: Diag<f64>,
    u: Mat<f64>,
}

impl SmallEigh {
    fn new(m: usize) -> Self {
        let req = self_adjoint_evd_scratch::<f64>(m, ComputeEigenvectors::Yes, Par::Seq, Default::default());
        SmallEigh { m, buf: MemBuffer::new(req), s: Diag::zeros(m), u: Mat::zeros(m, m) }
    }

    /// Ascending eigenvalues of the row-major `m x m` matrix `t`; the vectors are the columns
    /// of `self.u`. `None` when `t` is not finite or the solver fails.
    fn solve(&mut self, t: &[f64]) -> Option<Vec<f64>> {
        if !t.iter().all(|x| x.is_finite()) {
            return None;
        }
        let a = MatRef::from_row_major_slice(t, self.m, self.m);
        self_adjoint_evd(
            a,
            self.s.as_mut(),
            Some(self.u.as_mut()),
            Par::Seq,
            MemStack::new(&mut self.buf),
            Default::default(),
        )
        .ok()?;
        Some(self.s.column_vector().iter().copied().collect())
    }
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
    // The projected matrix (row-major ncv x ncv): tridiagonal, plus an arrow after a restart.
    let mut t = vec![0.0; ncv * ncv];
    let (mut h, mut h2) = (vec![0.0; ncv], vec![0.0; ncv]);
    let mut small = SmallEigh::new(ncv);
    let mut restarted = vec![0.0; ncv * n];
    let mut l = 0usize;
    for _iter in 0..maxiter {
        let mut beta = 0.0;
        for j in l..ncv {
            let (head, tail) = v.split_at_mut((j + 1) * n);
            let w = &mut tail[..n];
            op.matvec_into(ArrayView1::from(&head[j * n..]), ArrayViewMut1::from(&mut *w));
            let wnorm = dot(w, w).sqrt();
            project_out(head, j + 1, n, w, &mut h[..=j]);
            beta = dot(w, w).sqrt();
            // DGKS: a second pass only when the first one cancelled much of `w`.
            if beta <= std::f64::consts::FRAC_1_SQRT_2 * wnorm {
                project_out(head, j + 1, n, w, &mut h2[..=j]);
                h[..=j].iter_mut().zip(&h2).for_each(|(a, b)| *a += b);
                beta = dot(w, w).sqrt();
            }
            t[j * ncv + j] = h[j];
            if j == l {
                for i in 0..l {
                    t[i * ncv + j] = h[i];
                    t[j * ncv + i] = h[i];
                }
            }
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
            if j + 1 < ncv {
                t[j * ncv + j + 1] = beta;
                t[(j + 1) * ncv + j] = beta;
            }
        }
        let Some(theta) = small.solve(&t) else {
            // SciPy: ArpackError -9999, "Could not build an Arnoldi factorization".
            return Err(invalid("A", "the products A v are not finite (NaN or inf in A)"));
        };
        let y = small.u.as_ref();
        let order = wanted_order(&theta, opts.which);
        let converged =
            order[..k].iter().all(|&i| (beta * y[(ncv - 1, i)]).abs() <= tol * eps23.max(theta[i].abs()));
        let basis = MatRef::from_row_major_slice(&v[..ncv * n], ncv, n);
        if converged {
            let mut sel: Vec<usize> = order[..k].to_vec();
            sel.sort_by(|&a, &b| theta[a].total_cmp(&theta[b]));
            let vals = sel.iter().map(|&i| theta[i]).collect();
            let ysel = Mat::<f64>::from_fn(ncv, k, |r, c| y[(r, sel[c])]);
            let mut out = vec![0.0; n * k];
            let dst = MatMut::from_row_major_slice_mut(&mut out, n, k);
            matmul(dst, Accum::Replace, basis.transpose(), ysel.as_ref(), 1.0, Par::Seq);
            let vecs = Array2::from_shape_vec((n, k), out).map_err(|e| invalid("k", e.to_string()))?;
            return Ok((vals, vecs));
        }
        // Thick restart: keep the best `l` Ritz vectors and the residual direction.
        l = ((k + ncv) / 2).max(k).min(ncv - 1);
        let keep = &order[..l];
        let ykeep = Mat::<f64>::from_fn(l, ncv, |c, r| y[(r, keep[c])]);
        let dst = MatMut::from_row_major_slice_mut(&mut restarted[..l * n], l, n);
        matmul(dst, Accum::Replace, ykeep.as_ref(), basis, 1.0, Par::Seq);
        v[..l * n].copy_from_slice(&restarted[..l * n]);
        v.copy_within(ncv * n..(ncv + 1) * n, l * n);
        t.fill(0.0);
        for (c, &i) in keep.iter().enumerate() {
            t[c * ncv + c] = theta[i];
            let coupling = beta * y[(ncv - 1, i)];
            t[c * ncv + l] = coupling;
            t[l * ncv + c] = coupling;
        }
    }
    Err(SparseError::NoConvergence { iterations: maxiter })
}
