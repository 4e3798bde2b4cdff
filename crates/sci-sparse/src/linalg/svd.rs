//! `svds`: a few singular triplets of a sparse matrix through `eigsh` on its Gram matrix.

use sci_array::ndarray::{Array1, Array2, ArrayView1};

use super::eigen::{EigshMode, EigshOptions, Which, eigsh, jacobi_eigh};
use super::operator::FnOperator;
use crate::CsrMatrix;
use crate::error::{Result, invalid};
use crate::products::{gather_vec, scatter_vec};

/// The `k` largest (`Which::LM`, default) or smallest (`Which::SM`) singular values of `A`
/// with their singular vectors: `(u, s, vt)` with `u` `(m, k)`, `s` ascending, `vt` `(k, n)`.
///
/// As SciPy's default `solver='arpack'`, it runs [`eigsh`] on `A^T A` (or `A A^T`, whichever
/// is smaller) and recovers the other side by a small dense SVD of `A V`. Singular vectors
/// are unique up to sign. `opts.tol` is squared for the eigenproblem, as in SciPy; `sigma`
/// must be `None`.
///
/// SciPy equivalent: `scipy.sparse.linalg.svds(A, k, ncv, tol, which, v0, maxiter)`.
///
/// # Errors
///
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) unless
/// `0 < k < min(m, n)`, for `which` other than LM/SM, a `sigma`, or any of `m`, `minv`,
/// `opinv`, `mode` set (SciPy's `svds` has no such arguments); those of [`eigsh`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{svds, EigshOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[3.0, 0.0, 0.0], [0.0, 0.0, 2.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]);
/// let (u, s, vt) = svds(&a, 2, &EigshOptions::default())?;
/// assert!((s[0] - 2.0).abs() < 1e-12 && (s[1] - 3.0).abs() < 1e-12);
/// assert_eq!((u.dim(), vt.dim()), ((4, 2), (2, 3)));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn svds(
    a: &CsrMatrix<f64>,
    k: usize,
    opts: &EigshOptions<'_>,
) -> Result<(Array2<f64>, Array1<f64>, Array2<f64>)> {
    let (m, n) = a.shape();
    if k == 0 || k >= m.min(n) {
        return Err(invalid(
            "k",
            format!("k must be between 1 and min(A.shape) - 1 (k={k}, shape=({m}, {n}))"),
        ));
    }
    if !matches!(opts.which, Which::LM | Which::SM) {
        return Err(invalid("which", "which must be LM or SM"));
    }
    if opts.sigma.is_some() {
        return Err(invalid("sigma", "svds has no shift-invert mode"));
    }
    if opts.m.is_some() || opts.minv.is_some() || opts.opinv.is_some() || opts.mode != EigshMode::Normal {
        return Err(invalid("M", "svds takes no M, Minv, OPinv or mode"));
    }
    let cs = &a.cs;
    let tall = m >= n;
    let dim = if tall { n } else { m };
    // Gram operator on the smaller side.
    let gram = FnOperator::new((dim, dim), |x: ArrayView1<'_, f64>| {
        if tall { scatter_vec(cs, &gather_vec(cs, &x)) } else { gather_vec(cs, &scatter_vec(cs, &x)) }
    });
    let eopts = EigshOptions { tol: opts.tol * opts.tol, ..opts.clone() };
    let (_, vecs) = eigsh(&gram, k, &eopts, None)?;
    // W = A V (tall) or A^T U (wide); thin SVD of W from the k x k Gram matrix.
    let mut w = Array2::<f64>::zeros((if tall { m } else { n }, k));
    for j in 0..k {
        let col = vecs.column(j);
        let y = if tall { gather_vec(cs, &col) } else { scatter_vec(cs, &col) };
        w.column_mut(j).assign(&y);
    }
    let (lam, q) = jacobi_eigh(w.t().dot(&w));
    let mut idx: Vec<usize> = (0..k).collect();
    idx.sort_by(|&i, &j| lam[i].total_cmp(&lam[j]));
    let s = Array1::from_iter(idx.iter().map(|&i| lam[i].max(0.0).sqrt()));
    let qs = Array2::from_shape_fn((k, k), |(r, c)| q[[r, idx[c]]]);
    let mut other = w.dot(&qs);
    for (j, &sj) in s.iter().enumerate() {
        let mut c = other.column_mut(j);
        if sj > 0.0 {
            c /= sj;
        } else {
            c.fill(0.0);
        }
    }
    let side = vecs.dot(&qs);
    if tall { Ok((other, s, side.reversed_axes())) } else { Ok((side, s, other.reversed_axes())) }
}
