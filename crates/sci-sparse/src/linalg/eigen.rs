//! `eigsh`: a few eigenvalues of a large symmetric operator by thick-restart Lanczos with
//! full reorthogonalization.

use sci_array::ndarray::{Array1, Array2, ArrayView1, s};
use sci_array::random::default_rng;

use super::lu::{SpluOptions, splu};
use super::operator::{FnOperator, LinearOperator};
use crate::CscMatrix;
use crate::error::{Result, SparseError, invalid, shape_err};

/// Which eigenvalues [`eigsh`] looks for (SciPy's `which`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{eigsh, EigshOptions, Which};
/// let a = sci_sparse::diags(&[vec![1.0, -4.0, 2.0, 3.0]], &[0], None)?;
/// let (w, _) = eigsh(&a, 1, &EigshOptions { which: Which::LM, ..Default::default() }, None)?;
/// assert!((w[0] + 4.0).abs() < 1e-12);
/// let (w, _) = eigsh(&a, 1, &EigshOptions { which: Which::LA, ..Default::default() }, None)?;
/// assert!((w[0] - 3.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Which {
    /// Largest magnitude (`"LM"`, SciPy's default).
    #[default]
    LM,
    /// Smallest magnitude (`"SM"`); slow to converge without `sigma`.
    SM,
    /// Largest algebraic (`"LA"`).
    LA,
    /// Smallest algebraic (`"SA"`).
    SA,
    /// Both ends (`"BE"`): half from each end, one more from the high end when `k` is odd.
    BE,
}

/// Options of [`eigsh`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{EigshOptions, Which};
/// let o = EigshOptions { which: Which::SA, ..Default::default() };
/// assert_eq!((o.ncv, o.tol, o.sigma), (None, 0.0, None));
/// ```
#[derive(Debug, Clone, Default)]
pub struct EigshOptions {
    /// Which `k` eigenvalues to find.
    pub which: Which,
    /// Lanczos basis size (default `min(n, max(2k + 1, 20))`); must satisfy `k < ncv <= n`.
    pub ncv: Option<usize>,
    /// Maximum number of restarts (default `10 n`).
    pub maxiter: Option<usize>,
    /// Relative accuracy of the Ritz values (0: machine precision).
    pub tol: f64,
    /// Starting vector (default: uniform in `[-1, 1)` from a fixed seed).
    pub v0: Option<Array1<f64>>,
    /// Shift-invert mode: find eigenvalues near `sigma` (`which` then applies to
    /// `1 / (lambda - sigma)`, as in SciPy). Needs the matrix, see [`eigsh`].
    pub sigma: Option<f64>,
}

/// Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi: (values, vectors
/// as columns).
pub(crate) fn jacobi_eigh(mut a: Array2<f64>) -> (Vec<f64>, Array2<f64>) {
    let n = a.nrows();
    let mut v = Array2::<f64>::eye(n);
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| a[[i, j]].powi(2))
            .sum();
        let total: f64 = a.iter().map(|x| x * x).sum();
        if off <= f64::EPSILON * f64::EPSILON * total.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[[p, q]];
                if apq == 0.0 {
                    continue;
                }
                let theta = (a[[q, q]] - a[[p, p]]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[[k, p]], a[[k, q]]);
                    a[[k, p]] = c * akp - s * akq;
                    a[[k, q]] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[[p, k]], a[[q, k]]);
                    a[[p, k]] = c * apk - s * aqk;
                    a[[q, k]] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[[k, p]], v[[k, q]]);
                    v[[k, p]] = c * vkp - s * vkq;
                    v[[k, q]] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[[i, i]]).collect(), v)
}

/// Orders Ritz value indices so that the wanted ones come first.
fn wanted_order(theta: &[f64], which: Which) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..theta.len()).collect();
    let key = |i: &usize| -> f64 {
        match which {
            Which::LM => -theta[*i].abs(),
            Which::SM => theta[*i].abs(),
            Which::LA | Which::BE => -theta[*i],
            Which::SA => theta[*i],
        }
    };
    idx.sort_by(|a, b| key(a).total_cmp(&key(b)));
    if which == Which::BE {
        // alternate from the top and the bottom: the first k are the wanted ones
        let (mut lo, mut hi) = (0usize, idx.len());
        let mut out = Vec::with_capacity(idx.len());
        while lo < hi {
            out.push(idx[lo]);
            lo += 1;
            if lo < hi {
                hi -= 1;
                out.push(idx[hi]);
            }
        }
        return out;
    }
    idx
}

/// Thick-restart Lanczos on `op`; returns (Ritz values, Ritz vectors) of the `k` wanted.
fn lanczos(op: &dyn LinearOperator, k: usize, opts: &EigshOptions) -> Result<(Vec<f64>, Array2<f64>)> {
    let n = op.shape().0;
    let ncv = opts.ncv.unwrap_or_else(|| n.min((2 * k + 1).max(20)));
    if ncv <= k || ncv > n {
        return Err(invalid("ncv", format!("ncv must be k < ncv <= n, ncv={ncv}, k={k}, n={n}")));
    }
    let maxiter = opts.maxiter.unwrap_or(10 * n).max(1);
    let tol = if opts.tol > 0.0 { opts.tol } else { f64::EPSILON };
    let eps23 = f64::EPSILON.powf(2.0 / 3.0);
    let mut rng = default_rng(0);
    // Basis vectors as rows (contiguous).
    let mut v = Array2::<f64>::zeros((ncv + 1, n));
    let v0 = match &opts.v0 {
        Some(v0) if v0.len() != n => return Err(shape_err("v0", format!("length {n}"), v0.shape())),
        Some(v0) => v0.clone(),
        None => rng.uniform(-1.0, 1.0, n)?,
    };
    let nv0 = v0.dot(&v0).sqrt();
    if nv0 == 0.0 || !nv0.is_finite() {
        return Err(invalid("v0", "starting vector must be nonzero and finite"));
    }
    v.row_mut(0).assign(&(&v0 / nv0));
    let mut t = Array2::<f64>::zeros((ncv, ncv));
    let mut l = 0usize;
    for _iter in 0..maxiter {
        let mut beta = 0.0;
        for j in l..ncv {
            let mut w = op.matvec(v.row(j));
            // Classical Gram-Schmidt twice against the whole basis.
            let basis = v.slice(s![..=j, ..]);
            let mut h = Array1::<f64>::zeros(j + 1);
            // DGKS: a second pass only when the first one cancelled much of `w`.
            let mut wnorm = w.dot(&w).sqrt();
            for _ in 0..2 {
                let h2 = basis.dot(&w);
                for (i, &c) in h2.iter().enumerate() {
                    w.scaled_add(-c, &basis.row(i));
                }
                h += &h2;
                let after = w.dot(&w).sqrt();
                if after > std::f64::consts::FRAC_1_SQRT_2 * wnorm {
                    break;
                }
                wnorm = after;
            }
            t[[j, j]] = h[j];
            if j == l {
                for i in 0..l {
                    t[[i, j]] = h[i];
                    t[[j, i]] = h[i];
                }
            }
            beta = w.dot(&w).sqrt();
            let scale = h.iter().map(|x| x.abs()).fold(0.0, f64::max).max(t[[j, j]].abs());
            if beta <= f64::EPSILON * scale.max(f64::MIN_POSITIVE) || beta == 0.0 {
                // Invariant subspace: continue with a fresh random direction, uncoupled.
                beta = 0.0;
                let mut r = rng.uniform(-1.0, 1.0, n)?;
                for _ in 0..2 {
                    let hb = basis.dot(&r);
                    for (i, &c) in hb.iter().enumerate() {
                        r.scaled_add(-c, &basis.row(i));
                    }
                }
                let nr = r.dot(&r).sqrt();
                if nr > 0.0 {
                    v.row_mut(j + 1).assign(&(&r / nr));
                } else {
                    v.row_mut(j + 1).fill(0.0);
                }
            } else {
                v.row_mut(j + 1).assign(&(&w / beta));
            }
            if j + 1 < ncv {
                t[[j, j + 1]] = beta;
                t[[j + 1, j]] = beta;
            }
        }
        let (theta, y) = jacobi_eigh(t.clone());
        let order = wanted_order(&theta, opts.which);
        let converged = order[..k].iter().all(|&i| {
            let res = (beta * y[[ncv - 1, i]]).abs();
            res <= tol * eps23.max(theta[i].abs())
        });
        if converged {
            let mut sel: Vec<usize> = order[..k].to_vec();
            sel.sort_by(|&a, &b| theta[a].total_cmp(&theta[b]));
            let vals = sel.iter().map(|&i| theta[i]).collect();
            let ysel = Array2::from_shape_fn((k, ncv), |(c, r)| y[[r, sel[c]]]);
            let vecs = ysel.dot(&v.slice(s![..ncv, ..])).reversed_axes();
            return Ok((vals, vecs));
        }
        // Thick restart: keep the best `l` Ritz vectors and the residual direction.
        l = ((k + ncv) / 2).max(k).min(ncv - 1);
        let keep = &order[..l];
        let ykeep = Array2::from_shape_fn((l, ncv), |(c, r)| y[[r, keep[c]]]);
        let newv = ykeep.dot(&v.slice(s![..ncv, ..]));
        let last = v.row(ncv).to_owned();
        v.slice_mut(s![..l, ..]).assign(&newv);
        v.row_mut(l).assign(&last);
        t.fill(0.0);
        for (c, &i) in keep.iter().enumerate() {
            t[[c, c]] = theta[i];
            let coupling = beta * y[[ncv - 1, i]];
            t[[c, l]] = coupling;
            t[[l, c]] = coupling;
        }
    }
    Err(SparseError::NoConvergence { iterations: maxiter })
}

/// `k` eigenvalues and eigenvectors of a real symmetric operator `A` (thick-restart Lanczos
/// with full reorthogonalization, ARPACK's convergence test). Eigenvalues come in ascending
/// order, eigenvectors as the columns of an `(n, k)` array (each unique up to sign).
///
/// With `sigma` set, shift-invert mode finds the eigenvalues nearest `sigma` through a
/// sparse LU of `A - sigma I`; it needs `A` as a matrix, hence the `matrix` argument (give
/// `None` when `sigma` is not used). SciPy's `mode`, `Minv`, `OPinv` and the generalized
/// problem (`M`) are not implemented.
///
/// SciPy equivalent: `scipy.sparse.linalg.eigsh(A, k, which=..., ncv=..., maxiter=...,
/// tol=..., v0=..., sigma=...)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square `A`; [`SparseError::InvalidValue`] unless
/// `0 < k < n`, for a bad `ncv` or `v0`, or `sigma` without `matrix`;
/// [`SparseError::NoConvergence`] when `maxiter` restarts do not converge (SciPy's
/// `ArpackNoConvergence`); [`SparseError::SingularMatrix`] when `sigma` is an eigenvalue.
///
/// # Examples
///
/// ```
/// use sci_sparse::diags;
/// use sci_sparse::linalg::{eigsh, EigshOptions, Which};
/// // 1-d Laplacian: eigenvalues 2 - 2 cos(j pi / (n + 1))
/// let n = 50;
/// let a = diags(&[vec![-1.0], vec![2.0], vec![-1.0]], &[-1, 0, 1], Some((n, n)))?;
/// let (w, v) = eigsh(&a, 3, &EigshOptions::default(), None)?;
/// let exact = |j: usize| 2.0 - 2.0 * (j as f64 * std::f64::consts::PI / (n as f64 + 1.0)).cos();
/// for (i, j) in [48, 49, 50].into_iter().enumerate() {
///     assert!((w[i] - exact(j)).abs() < 1e-10);
/// }
/// assert_eq!(v.dim(), (50, 3));
/// let opts = EigshOptions { which: Which::SA, ..Default::default() };
/// let (w, _) = eigsh(&a, 2, &opts, None)?;
/// assert!((w[0] - exact(1)).abs() < 1e-10);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn eigsh<A: LinearOperator + ?Sized>(
    a: &A,
    k: usize,
    opts: &EigshOptions,
    matrix: Option<&CscMatrix<f64>>,
) -> Result<(Array1<f64>, Array2<f64>)> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    if k == 0 || k >= n {
        return Err(invalid("k", format!("k must be between 1 and ndim(A)-1 (k={k}, n={n})")));
    }
    match opts.sigma {
        None => {
            let op = FnOperator::new((n, n), |x: ArrayView1<'_, f64>| a.matvec(x));
            let (vals, vecs) = lanczos(&op, k, opts)?;
            Ok((Array1::from(vals), vecs))
        }
        Some(sigma) => {
            let Some(mat) = matrix else {
                return Err(invalid("sigma", "shift-invert mode needs the matrix"));
            };
            if mat.shape() != (n, n) {
                let (p, q) = mat.shape();
                return Err(shape_err("matrix", format!("shape ({n}, {n})"), &[p, q]));
            }
            let shifted = mat.sub(&CscMatrix::<f64>::identity(n).scale(sigma))?;
            let lu = splu(&shifted, &SpluOptions::default())?;
            let op = FnOperator::new((n, n), |x: ArrayView1<'_, f64>| {
                lu.solve(&x).unwrap_or_else(|_| Array1::zeros(x.len()))
            });
            let (nu, vecs) = lanczos(&op, k, opts)?;
            let mut pairs: Vec<(f64, usize)> =
                nu.iter().enumerate().map(|(i, &x)| (sigma + 1.0 / x, i)).collect();
            pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let vals = Array1::from_iter(pairs.iter().map(|p| p.0));
            let vv = Array2::from_shape_fn((n, k), |(r, c)| vecs[[r, pairs[c].1]]);
            Ok((vals, vv))
        }
    }
}
