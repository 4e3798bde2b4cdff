//! [`eigs`](super::eigs) for complex matrices: restarted Arnoldi in complex arithmetic.

use faer::linalg::solvers::Eigen;
use sci_array::ndarray::{Array1, Array2, ArrayView1, s};
use sci_array::num_complex::Complex64;
use sci_array::random::default_rng;

use super::eigs::{EigsOptions, WhichEigs, arnoldi_setup, restart_basis};
use super::shift_complex::complex_a_inverse;
use crate::CsrMatrix;
use crate::error::{Result, SparseError, invalid, shape_err};

/// ARPACK's sort key for complex problems (`znaupd`): `LI`/`SI` on the imaginary part itself.
fn key(z: Complex64, which: WhichEigs) -> f64 {
    match which {
        WhichEigs::LM => -z.norm(),
        WhichEigs::SM => z.norm(),
        WhichEigs::LR => -z.re,
        WhichEigs::SR => z.re,
        WhichEigs::LI => -z.im,
        WhichEigs::SI => z.im,
    }
}

fn norm(x: &Array1<Complex64>) -> f64 {
    x.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt()
}

/// Orthogonalizes `w` against the first `j` rows of `v` (classical Gram-Schmidt in the
/// complex inner product, twice when needed); returns its remaining norm.
fn orthogonalize(v: &Array2<Complex64>, j: usize, w: &mut Array1<Complex64>) -> f64 {
    let before = norm(w);
    for _ in 0..2 {
        let basis = v.slice(s![..j, ..]);
        let h = basis.mapv(|z| z.conj()).dot(&*w);
        *w -= &basis.t().dot(&h);
        let after = norm(w);
        if after > 0.717 * before {
            return after;
        }
    }
    norm(w)
}

/// `k` eigenvalues and eigenvectors of a square complex matrix (SciPy's `eigs` with complex
/// `A`, ARPACK's `znaupd`): restarted Arnoldi in complex arithmetic with thick restarts that
/// keep the wanted half of the Ritz vectors; a pair has converged when its residual
/// `||A x - θ x||` is below `tol · max(|θ|, ε^(2/3))` (ARPACK's test). `which` orders as in
/// complex ARPACK (`LI`/`SI`: largest/smallest imaginary part, not its magnitude). Eigenvalues
/// come ordered by `which`, most wanted first (SciPy's order is ARPACK's and may differ:
/// compare them as sets); eigenvectors have unit 2-norm, each unique up to a complex phase.
///
/// With `opts.sigma` (and `opts.sigma_imag`), shift-invert mode (ARPACK's mode 3 for complex
/// `A`): the same iteration on `(A - sigma I)^-1`, factored once by a sparse LU of its real
/// form `[[A_r - sigma_r I, -(A_i - sigma_i I)], [A_i - sigma_i I, A_r - sigma_r I]]`;
/// `which` applies to `nu = 1 / (lambda - sigma)` and `lambda = sigma + 1 / nu` is returned.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigs(A, k, which=..., v0=..., ncv=..., maxiter=...,
/// tol=..., sigma=...)` with complex `A` (`M`, `Minv`, `OPinv` and complex `v0` missing).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square matrix or a `v0` of the wrong length;
/// [`SparseError::InvalidValue`] unless `0 < k < n - 1`, for a bad `ncv`, a zero `v0`, a
/// non-finite `sigma`, `sigma_imag` without `sigma`, `oppart` (SciPy's `ValueError`), an `M`,
/// `Minv` or `OPinv`, or non-finite products; [`SparseError::SingularMatrix`] when `sigma` is
/// an eigenvalue; [`SparseError::NoConvergence`] when `maxiter` restarts do
/// not converge (SciPy raises `ArpackNoConvergence`).
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::linalg::{eigs_complex, EigsOptions};
/// use sci_sparse::sci_array::num_complex::Complex64;
/// // upper triangular: the eigenvalues are the diagonal
/// let c = Complex64::new;
/// let diag = [c(1.0, 1.0), c(-3.0, 0.5), c(0.5, -0.5), c(0.25, 0.0), c(0.1, 0.1), c(0.2, 0.0)];
/// let (mut data, mut rows, mut cols) = (diag.to_vec(), (0..6).collect::<Vec<_>>(), (0..6).collect::<Vec<_>>());
/// data.push(c(0.0, 2.0));
/// rows.push(0);
/// cols.push(1);
/// let a = CsrMatrix::from_triplets(&data, &rows, &cols, (6, 6))?;
/// let (w, v) = eigs_complex(&a, 2, &EigsOptions::default())?;
/// assert!((w[0] - c(-3.0, 0.5)).norm() < 1e-12 && (w[1] - c(1.0, 1.0)).norm() < 1e-12);
/// let r = &a.dot(&v.column(0))? - &v.column(0).mapv(|z| z * w[0]);
/// assert!(r.iter().all(|z| z.norm() < 1e-12));
/// // shift-invert: the eigenvalue nearest 0.4 - 0.4i
/// let opts = EigsOptions { sigma: Some(0.4), sigma_imag: -0.4, ..Default::default() };
/// let (w, _) = eigs_complex(&a, 1, &opts)?;
/// assert!((w[0] - c(0.5, -0.5)).norm() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigs_complex(
    a: &CsrMatrix<Complex64>,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
    for (arg, given) in
        [("M", opts.m.is_some()), ("Minv", opts.minv.is_some()), ("OPinv", opts.opinv.is_some())]
    {
        if given {
            return Err(invalid(arg, "M, Minv and OPinv are not supported for complex A"));
        }
    }
    if opts.oppart.is_some() {
        return Err(invalid("OPpart", "OPpart should not be specified with sigma = None or complex A"));
    }
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    let Some(sr) = opts.sigma else {
        if opts.sigma_imag != 0.0 {
            return Err(invalid("sigma_imag", "a complex shift needs sigma (its real part)"));
        }
        return arnoldi(n, &|x| a.dot(&x), k, opts);
    };
    let si = opts.sigma_imag;
    if !sr.is_finite() || !si.is_finite() {
        return Err(invalid("sigma", "must be finite"));
    }
    // mode 3: the eigenvalues nu = 1 / (lambda - sigma) of (A - sigma I)^-1
    let solve = complex_a_inverse(&a.map(|z| z.re).tocsc(), &a.map(|z| z.im).tocsc(), sr, si)?;
    let op = |x: ArrayView1<'_, Complex64>| -> Result<Array1<Complex64>> {
        let b: Vec<f64> = x.iter().map(|z| z.re).chain(x.iter().map(|z| z.im)).collect();
        let mut y = vec![0.0; 2 * n];
        solve(&b, &mut y)?;
        Ok((0..n).map(|i| Complex64::new(y[i], y[n + i])).collect())
    };
    let (nu, vecs) = arnoldi(n, &op, k, opts)?;
    let sigma = Complex64::new(sr, si);
    Ok((nu.mapv(|z| sigma + Complex64::new(1.0, 0.0) / z), vecs))
}

/// The complex Arnoldi iteration of [`eigs_complex`] on the operator `op` of order `n`.
fn arnoldi(
    n: usize,
    op: &dyn Fn(ArrayView1<'_, Complex64>) -> Result<Array1<Complex64>>,
    k: usize,
    opts: &EigsOptions<'_>,
) -> Result<(Array1<Complex64>, Array2<Complex64>)> {
    let (ncv, maxiter, tol) = arnoldi_setup((n, n), k, opts)?;
    let eps23 = f64::EPSILON.powf(2.0 / 3.0);
    let mut rng = default_rng(0);
    let mut random = |n: usize| -> Result<Array1<Complex64>> {
        Ok(rng.uniform(-1.0, 1.0, n)?.mapv(|x| Complex64::new(x, 0.0)))
    };
    let v0 = match &opts.v0 {
        Some(v0) if v0.len() != n => return Err(shape_err("v0", format!("length {n}"), v0.shape())),
        Some(v0) => v0.mapv(|x| Complex64::new(x, 0.0)),
        None => random(n)?,
    };
    let nv0 = norm(&v0);
    if nv0 == 0.0 || !nv0.is_finite() {
        return Err(invalid("v0", "starting vector must be nonzero and finite"));
    }
    let mut v = Array2::<Complex64>::zeros((ncv + 1, n));
    let mut av = Array2::<Complex64>::zeros((ncv, n));
    v.row_mut(0).assign(&v0.mapv(|z| z / nv0));
    let mut l = 0usize;
    for _iter in 0..maxiter {
        for j in l..ncv {
            let w0 = op(v.row(j))?;
            let scale = norm(&w0);
            if !scale.is_finite() {
                return Err(invalid("A", "the products A v are not finite (NaN or inf in A)"));
            }
            av.row_mut(j).assign(&w0);
            let mut w = w0;
            let mut nw = orthogonalize(&v, j + 1, &mut w);
            if nw <= f64::EPSILON * scale.max(f64::MIN_POSITIVE) * 10.0 {
                // invariant subspace: continue with a random vector orthogonal to the basis
                for _ in 0..3 {
                    w = random(n)?;
                    nw = orthogonalize(&v, j + 1, &mut w);
                    if nw > 1e-8 {
                        break;
                    }
                }
            }
            v.row_mut(j + 1).assign(&w.mapv(|z| z / nw));
        }
        let basis = v.slice(s![..ncv, ..]);
        // H = V^H A V
        let h = basis.mapv(|z| z.conj()).dot(&av.t());
        let e = Eigen::<f64>::new(faer::Mat::<Complex64>::from_fn(ncv, ncv, |i, j| h[[i, j]]).as_ref())
            .map_err(|_| SparseError::NoConvergence { iterations: 0 })?;
        let theta: Vec<Complex64> = e.S().column_vector().iter().copied().collect();
        let y = Array2::from_shape_fn((ncv, ncv), |(i, j)| e.U()[(i, j)]);
        let mut order: Vec<usize> = (0..ncv).collect();
        order.sort_by(|&p, &q| key(theta[p], opts.which).total_cmp(&key(theta[q], opts.which)));
        let hnorm = h.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
        let mut converged = true;
        let mut vecs = Array2::<Complex64>::zeros((n, k));
        for (c, &i) in order[..k].iter().enumerate() {
            let yi = y.column(i);
            let x = basis.t().dot(&yi);
            let nx = norm(&x);
            let r = &av.t().dot(&yi) - &x.mapv(|z| z * theta[i]);
            let nr = norm(&r) / nx;
            if nr > tol * theta[i].norm().max(eps23) && nr > 1e3 * f64::EPSILON * hnorm {
                converged = false;
            }
            vecs.column_mut(c).assign(&x.mapv(|z| z / nx));
        }
        if converged {
            return Ok((order[..k].iter().map(|&i| theta[i]).collect(), vecs));
        }
        // thick restart: the wanted half of the Ritz vectors, orthonormalized (MGS, twice)
        let keep = (k + (ncv - k) / 2).min(ncv - 1);
        let mut q: Vec<Array1<Complex64>> = Vec::with_capacity(keep);
        for &i in &order[..keep] {
            let mut c = y.column(i).to_owned();
            for _ in 0..2 {
                for qq in &q {
                    let d: Complex64 = qq.iter().zip(&c).map(|(a, b)| a.conj() * b).sum();
                    c.scaled_add(-d, qq);
                }
            }
            let nc = norm(&c);
            if nc > 1e-10 {
                q.push(c.mapv(|z| z / nc));
            }
        }
        let qm = Array2::from_shape_fn((ncv, q.len()), |(r, c)| q[c][r]);
        l = restart_basis(&mut v, &mut av, &qm);
    }
    Err(SparseError::NoConvergence { iterations: maxiter })
}
