//! `lobpcg`: locally optimal block preconditioned conjugate gradients for a few extreme
//! eigenpairs of a symmetric operator.

use sci_array::ndarray::{Array1, Array2, Axis, concatenate, s};

use super::eigen::jacobi_eigh;
use super::operator::LinearOperator;
use crate::error::{Result, invalid, shape_err};

/// Options of [`lobpcg`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::LobpcgOptions::default();
/// assert_eq!((o.tol, o.maxiter, o.largest), (None, None, true));
/// ```
#[derive(Clone, Copy)]
pub struct LobpcgOptions<'a> {
    /// Residual norm below which a pair has converged (default `sqrt(eps) * n`, SciPy's).
    pub tol: Option<f64>,
    /// Maximum number of iterations (default 20, SciPy's).
    pub maxiter: Option<usize>,
    /// Largest (`true`, SciPy's default) or smallest eigenvalues.
    pub largest: bool,
    /// Preconditioner `M` applied to the residuals.
    pub m: Option<&'a dyn LinearOperator>,
}

impl Default for LobpcgOptions<'_> {
    fn default() -> Self {
        LobpcgOptions { tol: None, maxiter: None, largest: true, m: None }
    }
}

/// Result of [`lobpcg`].
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lobpcg, LobpcgOptions};
/// use sci_sparse::sci_array::ndarray::Array2;
/// let a = sci_sparse::diags(&[(1..=20).map(f64::from).collect()], &[0], None)?;
/// let x = Array2::from_shape_fn((20, 2), |(i, j)| ((i + 3 * j) % 7) as f64 + 1.0);
/// let r = lobpcg(&a, &x, &LobpcgOptions { maxiter: Some(100), tol: Some(1e-10), ..Default::default() })?;
/// assert!(r.converged);
/// assert!((r.eigenvalues[0] - 20.0).abs() < 1e-12 && (r.eigenvalues[1] - 19.0).abs() < 1e-12);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LobpcgResult {
    /// The `k` eigenvalues: descending when `largest`, else ascending (SciPy's order).
    pub eigenvalues: Array1<f64>,
    /// Orthonormal eigenvectors as columns.
    pub eigenvectors: Array2<f64>,
    /// Final residual norms `||A x - λ x||`.
    pub residual_norms: Array1<f64>,
    /// Whether every residual norm fell below `tol` (SciPy warns instead when not).
    pub converged: bool,
    /// Iterations made.
    pub iterations: usize,
}

fn apply(a: &dyn LinearOperator, x: &Array2<f64>) -> Array2<f64> {
    let mut out = Array2::zeros((a.shape().0, x.ncols()));
    for (j, c) in x.axis_iter(Axis(1)).enumerate() {
        out.column_mut(j).assign(&a.matvec(c));
    }
    out
}

/// Lower Cholesky factor of a symmetric positive definite matrix, `None` when it is not.
fn cholesky(g: &Array2<f64>) -> Option<Array2<f64>> {
    let n = g.nrows();
    let mut l = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        let d = g[[j, j]] - (0..j).map(|k| l[[j, k]] * l[[j, k]]).sum::<f64>();
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        let dj = d.sqrt();
        l[[j, j]] = dj;
        for i in j + 1..n {
            l[[i, j]] = (g[[i, j]] - (0..j).map(|k| l[[i, k]] * l[[j, k]]).sum::<f64>()) / dj;
        }
    }
    Some(l)
}

/// `L^{-1} B` for lower triangular `L`.
fn lower_solve(l: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let n = l.nrows();
    let mut x = b.clone();
    for c in 0..b.ncols() {
        for i in 0..n {
            let acc = x[[i, c]] - (0..i).map(|k| l[[i, k]] * x[[k, c]]).sum::<f64>();
            x[[i, c]] = acc / l[[i, i]];
        }
    }
    x
}

/// Orthonormalizes the columns of `v` (and applies the same transform to `av`) through the
/// Cholesky factor of `v^T v`, as SciPy's `_b_orthonormalize`; `None` when they are
/// dependent.
fn orthonormalize(v: &Array2<f64>, av: Option<&Array2<f64>>) -> Option<(Array2<f64>, Option<Array2<f64>>)> {
    let l = cholesky(&v.t().dot(v))?;
    // V L^{-T} = (L^{-1} V^T)^T
    let q = lower_solve(&l, &v.t().to_owned()).t().to_owned();
    let aq = av.map(|a| lower_solve(&l, &a.t().to_owned()).t().to_owned());
    Some((q, aq))
}

/// Rayleigh–Ritz on the orthonormal-within-blocks basis `s` (`as_ = A s`): eigenpairs of the
/// pencil `(s^T A s, s^T s)`, sorted by `largest`.
fn rayleigh_ritz(s: &Array2<f64>, as_: &Array2<f64>, largest: bool) -> Option<(Vec<f64>, Array2<f64>)> {
    let ga = s.t().dot(as_);
    let ga = (&ga + &ga.t()) * 0.5;
    let gb = s.t().dot(s);
    let gb = (&gb + &gb.t()) * 0.5;
    let l = cholesky(&gb)?;
    let t = lower_solve(&l, &ga);
    let c = lower_solve(&l, &t.t().to_owned());
    let c = (&c + &c.t()) * 0.5;
    let (w, v) = jacobi_eigh(c);
    // back-transform the eigenvectors: y = L^{-T} v
    let n = l.nrows();
    let mut y = v.clone();
    for col in 0..v.ncols() {
        for i in (0..n).rev() {
            let acc = y[[i, col]] - (i + 1..n).map(|k| l[[k, i]] * y[[k, col]]).sum::<f64>();
            y[[i, col]] = acc / l[[i, i]];
        }
    }
    let mut order: Vec<usize> = (0..w.len()).collect();
    order.sort_by(|&p, &q| if largest { w[q].total_cmp(&w[p]) } else { w[p].total_cmp(&w[q]) });
    let ws = order.iter().map(|&i| w[i]).collect();
    let ys = Array2::from_shape_fn((n, order.len()), |(i, j)| y[[i, order[j]]]);
    Some((ws, ys))
}

/// A few largest or smallest eigenpairs of a symmetric operator by LOBPCG (Knyazev 2001):
/// each iteration takes the Rayleigh–Ritz pairs of the span of the current block `X`, the
/// (preconditioned) residuals of the unconverged columns and the previous search
/// directions; converged columns are locked out of the residual block, as SciPy does. The
/// number of eigenpairs is the number of columns of the initial block `x`.
///
/// SciPy equivalent: `scipy.sparse.linalg.lobpcg(A, X, M=M, tol=tol, maxiter=maxiter,
/// largest=largest)` (generalized `B`, constraints `Y`, `retLambdaHistory` /
/// `retResidualNormsHistory` and restarts on ill-conditioning missing; where SciPy warns
/// about non-convergence the result says `converged: false`).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A`,
/// an `x` with another number of rows, or a preconditioner of another size;
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for an empty block, a
/// block with as many columns as rows or more (SciPy switches to a dense solver there), or
/// linearly dependent initial columns.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lobpcg, LobpcgOptions};
/// use sci_sparse::sci_array::ndarray::Array2;
/// // the 1-d Laplacian: smallest eigenvalues 2 - 2 cos(k pi / 51)
/// let n = 50;
/// let a = sci_sparse::diags(&[vec![-1.0; n - 1], vec![2.0; n], vec![-1.0; n - 1]], &[-1, 0, 1], None)?;
/// let x = Array2::from_shape_fn((n, 3), |(i, j)| ((i * (j + 2)) % 5) as f64 - 2.0 + (j == 0) as u8 as f64);
/// let o = LobpcgOptions { largest: false, tol: Some(1e-9), maxiter: Some(500), ..Default::default() };
/// let r = lobpcg(&a, &x, &o)?;
/// assert!(r.converged);
/// for k in 0..3 {
///     let exact = 2.0 - 2.0 * ((k + 1) as f64 * std::f64::consts::PI / 51.0).cos();
///     assert!((r.eigenvalues[k] - exact).abs() < 1e-12);
/// }
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn lobpcg<A: LinearOperator + ?Sized>(
    a: &A,
    x: &Array2<f64>,
    opts: &LobpcgOptions<'_>,
) -> Result<LobpcgResult> {
    let a: &dyn LinearOperator = &super::iterative::DynRef(a);
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square operator", &[m, n]));
    }
    let k = x.ncols();
    if x.nrows() != n {
        return Err(shape_err("X", format!("{n} rows"), x.shape()));
    }
    if k == 0 {
        return Err(invalid("X", "the initial block must have at least one column"));
    }
    if k >= n {
        return Err(invalid("X", format!("block size {k} must be smaller than n = {n}")));
    }
    if let Some(mm) = opts.m
        && mm.shape() != (n, n)
    {
        let (p, q) = mm.shape();
        return Err(shape_err("M", format!("shape ({n}, {n})"), &[p, q]));
    }
    let tol = opts.tol.unwrap_or(f64::EPSILON.sqrt() * n as f64);
    let maxiter = opts.maxiter.unwrap_or(20);
    let largest = opts.largest;
    let (mut xb, _) = orthonormalize(x, None)
        .ok_or_else(|| invalid("X", "the initial block has linearly dependent columns"))?;
    let mut ax = apply(a, &xb);
    let (w, y) = rayleigh_ritz(&xb, &ax, largest)
        .ok_or_else(|| invalid("X", "Rayleigh-Ritz failed on the initial block"))?;
    let mut lam: Vec<f64> = w[..k].to_vec();
    xb = xb.dot(&y.slice(s![.., ..k]));
    ax = ax.dot(&y.slice(s![.., ..k]));
    let mut p: Option<(Array2<f64>, Array2<f64>)> = None;
    let mut norms = Array1::<f64>::zeros(k);
    let mut iterations = 0;
    let mut converged = false;
    for it in 0..=maxiter {
        // residuals and locking
        let mut r = ax.clone();
        for j in 0..k {
            let xc = xb.column(j).to_owned();
            r.column_mut(j).scaled_add(-lam[j], &xc);
        }
        norms = r.axis_iter(Axis(1)).map(|c| c.dot(&c).sqrt()).collect();
        let active: Vec<usize> = (0..k).filter(|&j| norms[j] > tol).collect();
        if active.is_empty() {
            converged = true;
            break;
        }
        if it == maxiter {
            break;
        }
        iterations = it + 1;
        let mut ra = r.select(Axis(1), &active);
        if let Some(mm) = opts.m {
            ra = apply(mm, &ra);
        }
        // R orthogonal to X, then orthonormal
        ra = &ra - &xb.dot(&xb.t().dot(&ra));
        let Some((ra, _)) = orthonormalize(&ra, None) else { break };
        let ar = apply(a, &ra);
        let mut blocks_s = vec![xb.clone(), ra];
        let mut blocks_as = vec![ax.clone(), ar];
        if let Some((pp, app)) = &p {
            let pa =
                pp.select(Axis(1), &active.iter().copied().filter(|&j| j < pp.ncols()).collect::<Vec<_>>());
            let apa =
                app.select(Axis(1), &active.iter().copied().filter(|&j| j < app.ncols()).collect::<Vec<_>>());
            if pa.ncols() > 0
                && let Some((pq, Some(apq))) = orthonormalize(&pa, Some(&apa))
            {
                blocks_s.push(pq);
                blocks_as.push(apq);
            }
        }
        let join = |blocks: &[Array2<f64>]| -> Result<Array2<f64>> {
            let views: Vec<_> = blocks.iter().map(|b| b.view()).collect();
            concatenate(Axis(1), &views).map_err(|e| invalid("X", e.to_string()))
        };
        let (mut sb, mut asb) = (join(&blocks_s)?, join(&blocks_as)?);
        let mut rr = rayleigh_ritz(&sb, &asb, largest);
        if rr.is_none() && blocks_s.len() == 3 {
            // the search directions made the basis ill-conditioned: restart without them,
            // as SciPy does
            (sb, asb) = (join(&blocks_s[..2])?, join(&blocks_as[..2])?);
            rr = rayleigh_ritz(&sb, &asb, largest);
        }
        let Some((w, y)) = rr else { break };
        let yk = y.slice(s![.., ..k]).to_owned();
        let new_x = sb.dot(&yk);
        let new_ax = asb.dot(&yk);
        // search directions: the components outside the current X block, full width k
        let rest = yk.slice(s![k.., ..]).to_owned();
        let pn = sb.slice(s![.., k..]).dot(&rest);
        let apn = asb.slice(s![.., k..]).dot(&rest);
        p = Some((pn, apn));
        xb = new_x;
        ax = new_ax;
        lam = w[..k].to_vec();
    }
    Ok(LobpcgResult {
        eigenvalues: Array1::from(lam),
        eigenvectors: xb,
        residual_norms: norms,
        converged,
        iterations,
    })
}
