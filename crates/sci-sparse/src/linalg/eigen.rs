//! `eigsh`: a few eigenvalues of a large symmetric operator (the Lanczos engine is in
//! `lanczos.rs`).

use sci_array::ndarray::{Array1, Array2, ArrayView1};

use super::lanczos::lanczos;
use super::lu::{SpluOptions, splu};
use super::operator::{FnOperator, LinearOperator};
use crate::CscMatrix;
use crate::error::{Result, invalid, shape_err};

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
pub(crate) fn wanted_order(theta: &[f64], which: Which) -> Vec<usize> {
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
/// [`ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A`;
/// [`InvalidValue`](crate::SparseError::InvalidValue) unless `0 < k < n`, for a bad `ncv` or
/// `v0`, `which = BE` with `k = 1`, `sigma` without `matrix`, or an `A` whose products are not
/// finite (SciPy's `ArpackError`); [`NoConvergence`](crate::SparseError::NoConvergence) when
/// `maxiter` restarts do not converge (SciPy's `ArpackNoConvergence`);
/// [`SingularMatrix`](crate::SparseError::SingularMatrix) when `sigma` is an eigenvalue.
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
    if opts.which == Which::BE && k == 1 {
        // ARPACK's info -13
        return Err(invalid("which", "which='BE' needs k > 1 (NEV and WHICH = 'BE' are incompatible)"));
    }
    match opts.sigma {
        None => {
            let (vals, vecs) = lanczos(&a, k, opts)?;
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
