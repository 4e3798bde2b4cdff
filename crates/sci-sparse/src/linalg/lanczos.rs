//! The thick-restart Lanczos engine behind [`eigsh`](super::eigsh): full reorthogonalization
//! (classical Gram-Schmidt with a DGKS second pass, as ARPACK's `dsaitr`) over a basis stored
//! as contiguous rows, dense steps through faer's SIMD kernels. Each thick restart reduces the
//! projected matrix back to tridiagonal form, so the small problem is always solved by
//! implicit QL, whose eigenvector last rows (ARPACK's Ritz estimates) are accurate.
//!
//! The generalized problems of ARPACK's modes 2-5 run the same iteration in the `B`-inner
//! product (`B = M`, or `A` in buckling mode): `OP` is symmetric in that inner product, the
//! basis is `B`-orthonormal, and `B` is applied to each new residual as in `dsaitr`.

use faer::linalg::matmul::matmul;
use faer::{Accum, Mat, MatMut, MatRef, Par};
use sci_array::ndarray::{Array2, ArrayView1, ArrayViewMut1};
use sci_array::random::default_rng;

use super::eigen::{EigshOptions, wanted_order};
use super::operator::LinearOperator;
use super::small_eig::{tridiag_ql, tridiagonalize_upper};
use crate::error::{Result, SparseError, invalid, shape_err};

/// `w = OP v` given `v` and `B v` (`v` itself when `B = I`): each mode applies `OP` from
/// whichever of the two it needs (shift-invert `(A - sigma M)^-1 M v` from `M v`).
pub(crate) type OpFn<'a> = dyn Fn(&[f64], &[f64], &mut [f64]) -> Result<()> + 'a;
/// `y = B x`.
pub(crate) type BFn<'a> = dyn Fn(&[f64], &mut [f64]) -> Result<()> + 'a;

/// The operators of one (generalized) symmetric eigenproblem in ARPACK's terms.
pub(crate) struct Pencil<'a> {
    /// Order of the problem.
    pub n: usize,
    /// `OP`, symmetric in the `B`-inner product.
    pub op: &'a OpFn<'a>,
    /// The inner-product matrix `B` (`None`: the identity, ARPACK's `bmat = 'I'`).
    pub b: Option<&'a BFn<'a>>,
    /// A complex Hermitian problem in its real form (`n` even, `x = [re; im]`, `OP` commuting
    /// with `J = [[0, -I], [I, 0]]`): the basis is also kept orthogonal to `J V`, i.e.
    /// orthogonal in the complex inner product, so each eigenvalue is found once.
    pub complex: bool,
}

/// Removes from `w` its components along `J v_i` for the `m` basis rows `v_i`
/// (`J [a; b] = [-b; a]`): `w = J (t - V^T V t)` with `t = J^T w`.
fn project_out_j(basis: &[f64], m: usize, n: usize, w: &mut [f64], h: &mut [f64]) {
    let half = n / 2;
    let (top, bot) = w.split_at_mut(half);
    for (a, b) in top.iter_mut().zip(bot.iter_mut()) {
        (*a, *b) = (*b, -*a);
    }
    project_out(basis, m, n, w, None, h);
    let (top, bot) = w.split_at_mut(half);
    for (a, b) in top.iter_mut().zip(bot.iter_mut()) {
        (*a, *b) = (-*b, *a);
    }
}

/// The Ritz values `theta` of `OP` that [`lanczos`] found, most wanted first, with their
/// (`B`-normalized) vectors as the columns of an `(n, k)` array when asked for.
pub(crate) type Ritz = (Vec<f64>, Option<Array2<f64>>);

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

/// One classical Gram-Schmidt pass over the `m x n` row-major basis `B`: `h = B w`, or
/// `h = B z` with `z = B_inner w` in a `B_inner`-inner product (the caller then recomputes
/// `z`), then `w -= B^T h`.
fn project_out(basis: &[f64], m: usize, n: usize, w: &mut [f64], z: Option<&[f64]>, h: &mut [f64]) {
    let b = MatRef::from_row_major_slice(basis, m, n);
    matmul(
        MatMut::from_column_major_slice_mut(h, m, 1),
        Accum::Replace,
        b,
        MatRef::from_column_major_slice(z.unwrap_or(w), n, 1),
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

/// The standard problem `OP = A`, `B = I` for an operator.
pub(crate) fn standard(a: &dyn LinearOperator) -> impl Fn(&[f64], &[f64], &mut [f64]) -> Result<()> + '_ {
    move |v: &[f64], _bv: &[f64], w: &mut [f64]| {
        a.matvec_into(ArrayView1::from(v), ArrayViewMut1::from(w));
        Ok(())
    }
}

/// `sqrt(w^T B w)` from `z = B w`; an error when it is clearly negative (ARPACK would go on
/// with a meaningless result: `B` must be positive definite).
fn b_norm(w: &[f64], z: &[f64]) -> Result<f64> {
    let wbw = dot(w, z);
    if wbw < -f64::EPSILON.sqrt() * (dot(w, w) * dot(z, z)).sqrt() {
        return Err(invalid(
            "M",
            "the inner-product matrix (M, or A in buckling mode) is not positive definite",
        ));
    }
    Ok(wbw.max(0.0).sqrt())
}

/// Orthogonalizes `w` against the `m` basis rows (classical Gram-Schmidt with a DGKS second
/// pass when the first cancelled much of `w`): in the `B`-inner product when `b` is given,
/// `z` then holding `B w` on return. Returns (`B`-norm of `w` after, coefficients of the
/// projection in `h`); `h2` is scratch.
#[allow(clippy::too_many_arguments)]
fn orthogonalize(
    basis: &[f64],
    m: usize,
    n: usize,
    w: &mut [f64],
    z: &mut [f64],
    b: Option<&BFn<'_>>,
    h: &mut [f64],
    h2: &mut [f64],
) -> Result<(f64, f64)> {
    let Some(b) = b else {
        let wnorm = dot(w, w).sqrt();
        project_out(basis, m, n, w, None, h);
        let mut beta = dot(w, w).sqrt();
        if beta <= std::f64::consts::FRAC_1_SQRT_2 * wnorm {
            project_out(basis, m, n, w, None, h2);
            h.iter_mut().zip(&*h2).for_each(|(a, b)| *a += b);
            beta = dot(w, w).sqrt();
        }
        return Ok((wnorm, beta));
    };
    b(w, z)?;
    let wnorm = b_norm(w, z)?;
    project_out(basis, m, n, w, Some(z), h);
    b(w, z)?;
    let mut beta = b_norm(w, z)?;
    if beta <= std::f64::consts::FRAC_1_SQRT_2 * wnorm {
        project_out(basis, m, n, w, Some(z), h2);
        h.iter_mut().zip(&*h2).for_each(|(a, b)| *a += b);
        b(w, z)?;
        beta = b_norm(w, z)?;
    }
    Ok((wnorm, beta))
}

/// Thick-restart Lanczos on the pencil `p`; returns the `k` wanted Ritz values of `OP`, most
/// wanted first, and their vectors when `vectors` is set.
pub(crate) fn lanczos(p: &Pencil<'_>, k: usize, opts: &EigshOptions<'_>, vectors: bool) -> Result<Ritz> {
    let n = p.n;
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
    // `B v_j` of the vector the next step starts from (unused when B = I)
    let mut bv = vec![0.0; if p.b.is_some() { n } else { 0 }];
    let mut z = bv.clone();
    if let Some(b) = p.b {
        // dgetv0: with B != I the start is forced into the range of OP
        b(&v[..n], &mut bv)?;
        let mut w = vec![0.0; n];
        (p.op)(&v[..n], &bv, &mut w)?;
        v[..n].copy_from_slice(&w);
        b(&v[..n], &mut bv)?;
    }
    let nv0 = if p.b.is_some() { b_norm(&v[..n], &bv)? } else { dot(&v[..n], &v[..n]).sqrt() };
    if nv0 == 0.0 || !nv0.is_finite() {
        return Err(invalid("v0", "starting vector must be nonzero and finite"));
    }
    v[..n].iter_mut().chain(bv.iter_mut()).for_each(|x| *x /= nv0);
    // The projected matrix is tridiagonal: `alpha` on the diagonal, `off[j]` coupling j and
    // j + 1 (`off[ncv - 1]` is the norm of the residual).
    let (mut alpha, mut off) = (vec![0.0; ncv], vec![0.0; ncv]);
    let (mut h, mut h2, mut h3) = (vec![0.0; ncv], vec![0.0; ncv], vec![0.0; ncv]);
    let (mut theta, mut y) = (vec![0.0; ncv], vec![0.0; ncv * ncv]);
    let mut restarted = vec![0.0; ncv * n];
    let mut l = 0usize;
    for _iter in 0..maxiter {
        for j in l..ncv {
            let (head, tail) = v.split_at_mut((j + 1) * n);
            let w = &mut tail[..n];
            let vj = &head[j * n..];
            (p.op)(vj, if p.b.is_some() { &bv } else { vj }, w)?;
            let (_, mut beta) = orthogonalize(head, j + 1, n, w, &mut z, p.b, &mut h[..=j], &mut h2[..=j])?;
            if p.complex {
                project_out_j(head, j + 1, n, w, &mut h2[..=j]);
                beta = dot(w, w).sqrt();
            }
            alpha[j] = h[j];
            let scale = h[..=j].iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if beta <= f64::EPSILON * scale.max(f64::MIN_POSITIVE) || !beta.is_finite() {
                if !beta.is_finite() {
                    return Err(invalid("A", "the products A v are not finite (NaN or inf in A)"));
                }
                // Invariant subspace: continue with a fresh random direction, uncoupled.
                beta = 0.0;
                w.iter_mut().zip(rng.uniform(-1.0, 1.0, n)?).for_each(|(d, s)| *d = s);
                let mut nr = 0.0;
                for _ in 0..2 {
                    nr = orthogonalize(head, j + 1, n, w, &mut z, p.b, &mut h2[..=j], &mut h3[..=j])?.1;
                    if p.complex {
                        project_out_j(head, j + 1, n, w, &mut h2[..=j]);
                        nr = dot(w, w).sqrt();
                    }
                }
                let inv = if nr > 0.0 { 1.0 / nr } else { 0.0 };
                w.iter_mut().chain(z.iter_mut()).for_each(|x| *x *= inv);
            } else {
                let inv = 1.0 / beta;
                w.iter_mut().chain(z.iter_mut()).for_each(|x| *x *= inv);
            }
            std::mem::swap(&mut bv, &mut z);
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
            let sel = &order[..k];
            let vals = sel.iter().map(|&i| theta[i]).collect();
            if !vectors {
                return Ok((vals, None));
            }
            let ysel = Mat::<f64>::from_fn(ncv, k, |r, c| y[r * ncv + sel[c]]);
            let mut out = vec![0.0; n * k];
            let dst = MatMut::from_row_major_slice_mut(&mut out, n, k);
            matmul(dst, Accum::Replace, basis.transpose(), ysel.as_ref(), 1.0, Par::Seq);
            let vecs = Array2::from_shape_vec((n, k), out).map_err(|e| invalid("k", e.to_string()))?;
            return Ok((vals, Some(vecs)));
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
