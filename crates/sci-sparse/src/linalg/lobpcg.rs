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
    /// `B` of the generalized problem `A x = lambda B x` (symmetric positive definite;
    /// `None`: the identity).
    pub b: Option<&'a dyn LinearOperator>,
    /// Constraints `Y` (`n x sizeY`): the iterates stay in the `B`-orthogonal complement of
    /// its columns.
    pub y: Option<&'a Array2<f64>>,
}

impl Default for LobpcgOptions<'_> {
    fn default() -> Self {
        LobpcgOptions { tol: None, maxiter: None, largest: true, m: None, b: None, y: None }
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
    /// Eigenvectors as columns, `B`-orthonormal (`X^T B X = I`).
    pub eigenvectors: Array2<f64>,
    /// Final residual norms `||A x - λ B x||`.
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

/// `L^{-T} B` for lower triangular `L`.
fn upper_solve(l: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    let n = l.nrows();
    let mut x = b.clone();
    for c in 0..b.ncols() {
        for i in (0..n).rev() {
            let acc = x[[i, c]] - (i + 1..n).map(|k| l[[k, i]] * x[[k, c]]).sum::<f64>();
            x[[i, c]] = acc / l[[i, i]];
        }
    }
    x
}

/// `B`-orthonormalizes the columns of `v` (`bv = B v`, `None` when `B = I`) and applies the
/// same transform to `av`, through the Cholesky factor of `v^T B v`, as SciPy's
/// `_b_orthonormalize`: `(v, B v, A v)`, `None` when the columns are dependent.
#[allow(clippy::type_complexity)]
fn orthonormalize(
    v: &Array2<f64>,
    bv: Option<&Array2<f64>>,
    av: Option<&Array2<f64>>,
) -> Option<(Array2<f64>, Option<Array2<f64>>, Option<Array2<f64>>)> {
    let l = cholesky(&v.t().dot(bv.unwrap_or(v)))?;
    // V L^{-T} = (L^{-1} V^T)^T
    let tr = |a: &Array2<f64>| lower_solve(&l, &a.t().to_owned()).t().to_owned();
    Some((tr(v), bv.map(tr), av.map(tr)))
}

/// Rayleigh–Ritz on the orthonormal-within-blocks basis `s` (`as_ = A s`): eigenpairs of the
/// pencil `(s^T A s, s^T B s)` (`bs = B s`), sorted by `largest`.
fn rayleigh_ritz(
    s: &Array2<f64>,
    as_: &Array2<f64>,
    bs: &Array2<f64>,
    largest: bool,
) -> Option<(Vec<f64>, Array2<f64>)> {
    let ga = s.t().dot(as_);
    let ga = (&ga + &ga.t()) * 0.5;
    let gb = s.t().dot(bs);
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
/// With `opts.b`, the generalized problem `A x = lambda B x` (`B` symmetric positive
/// definite): the blocks are kept `B`-orthonormal and the Rayleigh–Ritz step solves the
/// pencil `(S^T A S, S^T B S)`. With `opts.y`, the constraints of SciPy's `Y`: the initial
/// block and every preconditioned residual block are projected onto the `B`-orthogonal
/// complement of the columns of `Y` (`V -= Y (Y^T B Y)^-1 (B Y)^T V`), so the eigenpairs
/// found are those of the problem restricted to that complement.
///
/// SciPy equivalent: `scipy.sparse.linalg.lobpcg(A, X, B=B, M=M, Y=Y, tol=tol,
/// maxiter=maxiter, largest=largest)` (`retLambdaHistory` / `retResidualNormsHistory`,
/// SciPy's return of the best iterate and its restarts on residual jumps missing; where SciPy warns
/// about non-convergence the result says `converged: false`).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A`,
/// an `x` or `Y` with another number of rows, or a preconditioner or `B` of another size;
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for an empty block, a
/// block with as many columns as rows or more (SciPy switches to a dense solver there), as
/// many constraints plus block columns as rows or more, linearly dependent constraints
/// (SciPy's `ValueError`), or linearly dependent initial columns (after the constraints).
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
/// // generalized, B = diag(2): the eigenvalues halve; Y = e_1 excludes the smallest pair
/// let b = sci_sparse::diags(&[vec![2.0; n]], &[0], None)?;
/// let y = Array2::from_shape_fn((n, 1), |(i, _)| if i == 0 { 1.0 } else { 0.0 });
/// let d = sci_sparse::diags(&[(1..=n).map(|i| i as f64).collect()], &[0], None)?;
/// let o = LobpcgOptions { b: Some(&b), y: Some(&y), ..o };
/// let r = lobpcg(&d, &x, &o)?;
/// assert!(r.converged);
/// for k in 0..3 {
///     assert!((r.eigenvalues[k] - (k + 2) as f64 / 2.0).abs() < 1e-10);
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
    for (arg, op) in [("M", opts.m), ("B", opts.b)] {
        if let Some(op) = op
            && op.shape() != (n, n)
        {
            let (p, q) = op.shape();
            return Err(shape_err(arg, format!("shape ({n}, {n})"), &[p, q]));
        }
    }
    let tol = opts.tol.filter(|&t| t > 0.0).unwrap_or(f64::EPSILON.sqrt() * n as f64);
    let maxiter = opts.maxiter.unwrap_or(20);
    let largest = opts.largest;
    let bop = opts.b;
    let bimg = |v: &Array2<f64>| bop.map(|b| apply(b, v));
    // constraints: Y, B Y and the Cholesky factor of Y^T B Y
    let cons = match opts.y {
        None => None,
        Some(y) => {
            if y.nrows() != n {
                return Err(shape_err("Y", format!("{n} rows"), y.shape()));
            }
            if y.ncols() + k >= n {
                return Err(invalid(
                    "Y",
                    format!("{} constraints and block size {k} must leave room in n = {n}", y.ncols()),
                ));
            }
            let by = bimg(y).unwrap_or_else(|| y.clone());
            let l =
                cholesky(&y.t().dot(&by)).ok_or_else(|| invalid("Y", "Linearly dependent constraints"))?;
            Some((y, by, l))
        }
    };
    // V -= Y (Y^T B Y)^{-1} (B Y)^T V
    let constrain = |v: &mut Array2<f64>| {
        if let Some((y, by, l)) = &cons {
            let t = lower_solve(l, &by.t().dot(&*v));
            let c = upper_solve(l, &t);
            *v -= &y.dot(&c);
        }
    };
    let mut x0 = x.clone();
    constrain(&mut x0);
    let bx0 = bimg(&x0);
    let (mut xb, bx, _) = orthonormalize(&x0, bx0.as_ref(), None)
        .ok_or_else(|| invalid("X", "Linearly dependent initial approximations"))?;
    let mut bx = bx.unwrap_or_else(|| xb.clone());
    let mut ax = apply(a, &xb);
    let (w, yv) = rayleigh_ritz(&xb, &ax, &bx, largest)
        .ok_or_else(|| invalid("X", "Rayleigh-Ritz failed on the initial block"))?;
    let mut lam: Vec<f64> = w[..k].to_vec();
    let yk = yv.slice(s![.., ..k]);
    (xb, ax, bx) = (xb.dot(&yk), ax.dot(&yk), bx.dot(&yk));
    // search directions with their A and B images
    let mut p: Option<(Array2<f64>, Array2<f64>, Array2<f64>)> = None;
    let mut norms = Array1::<f64>::zeros(k);
    let mut iterations = 0;
    let mut converged = false;
    for it in 0..=maxiter {
        // residuals and locking
        let mut r = ax.clone();
        for j in 0..k {
            r.column_mut(j).scaled_add(-lam[j], &bx.column(j));
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
        constrain(&mut ra);
        // R B-orthogonal to X, then B-orthonormal
        ra = &ra - &xb.dot(&bx.t().dot(&ra));
        let bra = bimg(&ra);
        let Some((ra, bra, _)) = orthonormalize(&ra, bra.as_ref(), None) else { break };
        let bra = bra.unwrap_or_else(|| ra.clone());
        let ar = apply(a, &ra);
        let mut blocks_s = vec![xb.clone(), ra];
        let mut blocks_as = vec![ax.clone(), ar];
        let mut blocks_bs = vec![bx.clone(), bra];
        if let Some((pp, app, bpp)) = &p {
            let keep: Vec<usize> = active.iter().copied().filter(|&j| j < pp.ncols()).collect();
            let (pa, apa, bpa) =
                (pp.select(Axis(1), &keep), app.select(Axis(1), &keep), bpp.select(Axis(1), &keep));
            let bref = bop.map(|_| &bpa);
            if pa.ncols() > 0
                && let Some((pq, bpq, Some(apq))) = orthonormalize(&pa, bref, Some(&apa))
            {
                blocks_bs.push(bpq.unwrap_or_else(|| pq.clone()));
                blocks_s.push(pq);
                blocks_as.push(apq);
            }
        }
        let join = |blocks: &[Array2<f64>]| -> Result<Array2<f64>> {
            let views: Vec<_> = blocks.iter().map(|b| b.view()).collect();
            concatenate(Axis(1), &views).map_err(|e| invalid("X", e.to_string()))
        };
        let (mut sb, mut asb, mut bsb) = (join(&blocks_s)?, join(&blocks_as)?, join(&blocks_bs)?);
        let mut rr = rayleigh_ritz(&sb, &asb, &bsb, largest);
        if rr.is_none() && blocks_s.len() == 3 {
            // the search directions made the basis ill-conditioned: restart without them,
            // as SciPy does
            (sb, asb, bsb) = (join(&blocks_s[..2])?, join(&blocks_as[..2])?, join(&blocks_bs[..2])?);
            rr = rayleigh_ritz(&sb, &asb, &bsb, largest);
        }
        let Some((w, y)) = rr else { break };
        let yk = y.slice(s![.., ..k]).to_owned();
        // search directions: the components outside the current X block, full width k
        let rest = yk.slice(s![k.., ..]).to_owned();
        let tail = |m: &Array2<f64>| m.slice(s![.., k..]).dot(&rest);
        p = Some((tail(&sb), tail(&asb), tail(&bsb)));
        (xb, ax, bx) = (sb.dot(&yk), asb.dot(&yk), bsb.dot(&yk));
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
