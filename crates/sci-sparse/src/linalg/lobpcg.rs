//! `lobpcg`: locally optimal block preconditioned conjugate gradients for a few extreme
//! eigenpairs of a symmetric operator.

use sci_array::ndarray::{Array1, Array2, Axis, s};

use super::eigen::jacobi_eigh;
use super::operator::{LinearOperator, check_operator};
use crate::error::{Result, invalid, shape_err};

/// Options of [`lobpcg`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::LobpcgOptions::default();
/// assert_eq!((o.tol, o.maxiter, o.largest), (None, None, true));
/// assert_eq!((o.ret_lambda_history, o.ret_residual_norms_history, o.restart_control), (false, false, 20));
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
    /// SciPy's `retLambdaHistory`: return the eigenvalue history in
    /// [`LobpcgResult::lambda_history`].
    pub ret_lambda_history: bool,
    /// SciPy's `retResidualNormsHistory`: return the residual norm history in
    /// [`LobpcgResult::residual_norms_history`].
    pub ret_residual_norms_history: bool,
    /// SciPy's `restartControl` (default 20): the iterations restart without search
    /// directions (for good) once the mean residual norm exceeds `2^restart_control` times
    /// the smallest one seen.
    pub restart_control: i32,
}

impl Default for LobpcgOptions<'_> {
    fn default() -> Self {
        LobpcgOptions {
            tol: None,
            maxiter: None,
            largest: true,
            m: None,
            b: None,
            y: None,
            ret_lambda_history: false,
            ret_residual_norms_history: false,
            restart_control: 20,
        }
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
/// assert!(r.lambda_history.is_none() && r.residual_norms_history.is_none());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LobpcgResult {
    /// The `k` eigenvalues: descending when `largest`, else ascending (SciPy's order).
    pub eigenvalues: Array1<f64>,
    /// Eigenvectors as columns, `B`-orthonormal (`X^T B X = I`).
    pub eigenvectors: Array2<f64>,
    /// Final residual norms `||A x - λ B x||` of the returned pairs.
    pub residual_norms: Array1<f64>,
    /// Whether every final residual norm is at most `tol` (SciPy warns instead when not).
    pub converged: bool,
    /// Rayleigh–Ritz iterations made (at most `maxiter + 1`, as SciPy's loop).
    pub iterations: usize,
    /// With `ret_lambda_history`, SciPy's `lambdaHistory`: the Ritz values of the initial
    /// block and of each iterate up to the best one (the one with the smallest mean residual
    /// norm, which is returned), then those of the returned pairs; `None` otherwise and when
    /// SciPy's dense solver runs (`n - sizeY < 5 k`).
    pub lambda_history: Option<Vec<Array1<f64>>>,
    /// With `ret_residual_norms_history`, SciPy's `residualNormsHistory`, aligned with
    /// `lambda_history`.
    pub residual_norms_history: Option<Vec<Array1<f64>>>,
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

/// SciPy's `_get_indx`: positions of the `num` largest (descending) or smallest
/// (ascending) values.
fn get_indx(w: &[f64], num: usize, largest: bool) -> Vec<usize> {
    let mut ii: Vec<usize> = (0..w.len()).collect();
    ii.sort_by(|&p, &q| w[p].total_cmp(&w[q]));
    if largest {
        ii.into_iter().rev().take(num).collect()
    } else {
        ii.truncate(num);
        ii
    }
}

/// The `num` wanted eigenpairs of the pencil `(ga, gb)` read from their lower triangles (as
/// LAPACK's `sygv` in SciPy's `eigh(gramA, gramB)`), `None` when `gb` is not positive
/// definite (SciPy's `LinAlgError`).
fn gen_eigh(
    ga: &Array2<f64>,
    gb: &Array2<f64>,
    num: usize,
    largest: bool,
) -> Option<(Array1<f64>, Array2<f64>)> {
    let n = ga.nrows();
    let lower = |g: &Array2<f64>| Array2::from_shape_fn((n, n), |(i, j)| g[[i.max(j), i.min(j)]]);
    let l = cholesky(&lower(gb))?;
    let t = lower_solve(&l, &lower(ga));
    let c = lower_solve(&l, &t.t().to_owned());
    let c = (&c + &c.t()) * 0.5;
    if !c.iter().all(|v| v.is_finite()) {
        return None;
    }
    let (w, v) = jacobi_eigh(c);
    let ii = get_indx(&w, num, largest);
    let y = upper_solve(&l, &v.select(Axis(1), &ii));
    Some((ii.iter().map(|&i| w[i]).collect(), y))
}

/// `(A x - lambda B x)` column norms (`bx` is `x` when `B = I`).
fn residual_norms(ax: &Array2<f64>, bx: &Array2<f64>, lam: &Array1<f64>) -> Array1<f64> {
    let r = ax - &(bx * &lam.view().insert_axis(Axis(0)));
    r.axis_iter(Axis(1)).map(|c| c.dot(&c).sqrt()).collect()
}

/// `hist[i] = v`, growing `hist` with zero rows as SciPy's preallocated history.
fn record(hist: &mut Vec<Array1<f64>>, i: usize, v: &Array1<f64>) {
    if hist.len() <= i {
        hist.resize(i + 1, Array1::zeros(v.len()));
    }
    hist[i] = v.clone();
}

/// SciPy's dense branch (`n - sizeY < 5 k`): `eigh(A, B, subset_by_index=...)` on the
/// operators applied to the identity.
fn dense_lobpcg(
    a: &dyn LinearOperator,
    b: Option<&dyn LinearOperator>,
    k: usize,
    largest: bool,
    tol: f64,
) -> Result<LobpcgResult> {
    let n = a.shape().0;
    let k = k.min(n);
    let eye = Array2::<f64>::eye(n);
    let ad = apply(a, &eye);
    let bd = b.map(|b| apply(b, &eye));
    let (w, v) = gen_eigh(&ad, bd.as_ref().unwrap_or(&eye), k, largest)
        .ok_or_else(|| invalid("B", "Dense eigensolver failed: B is not positive definite"))?;
    let av = ad.dot(&v);
    let bv = bd.as_ref().map_or_else(|| v.clone(), |bd| bd.dot(&v));
    let norms = residual_norms(&av, &bv, &w);
    Ok(LobpcgResult {
        converged: norms.iter().all(|&r| r <= tol),
        eigenvalues: w,
        eigenvectors: v,
        residual_norms: norms,
        iterations: 0,
        lambda_history: None,
        residual_norms_history: None,
    })
}

/// A few largest or smallest eigenpairs of a symmetric operator by LOBPCG (Knyazev 2001),
/// step by step as SciPy's `lobpcg`: each iteration takes the Rayleigh–Ritz pairs of the
/// span of the current block `X`, the (preconditioned) residuals of the active columns and
/// their previous search directions; a column whose residual norm falls to `tol` is locked
/// for good (SciPy's active mask), and while every residual is above `sqrt(eps)` the Gram
/// matrices of the orthonormal blocks are taken as identities, as SciPy does. When the
/// search directions are linearly dependent or make the Rayleigh–Ritz pencil indefinite, the
/// iteration restarts without them; when the mean residual norm jumps above
/// `2^restart_control` times the smallest seen, `A X` is recomputed and the search
/// directions are dropped for the remaining iterations. The loop runs at most `maxiter + 1`
/// iterations (SciPy's). The block returned is the best iterate (smallest mean residual
/// norm), constrained again and put through a final Rayleigh–Ritz step. The number of
/// eigenpairs is the number of columns of the initial block `x`.
///
/// With `opts.b`, the generalized problem `A x = lambda B x` (`B` symmetric positive
/// definite): the blocks are kept `B`-orthonormal and the Rayleigh–Ritz step solves the
/// pencil `(S^T A S, S^T B S)`. With `opts.y`, the constraints of SciPy's `Y`: the initial
/// block and every preconditioned residual block are projected onto the `B`-orthogonal
/// complement of the columns of `Y` (`V -= Y (Y^T B Y)^-1 (B Y)^T V`), so the eigenpairs
/// found are those of the problem restricted to that complement.
///
/// When `n - sizeY < 5 k`, SciPy's dense branch: the `min(k, n)` wanted eigenpairs of the
/// operators applied to the identity (`x` only gives `k`; no histories; an error with `Y`).
///
/// SciPy equivalent: `scipy.sparse.linalg.lobpcg(A, X, B=B, M=M, Y=Y, tol=tol,
/// maxiter=maxiter, largest=largest, retLambdaHistory=..., retResidualNormsHistory=...,
/// restartControl=...)`, the histories in [`LobpcgResult`]; where SciPy warns about
/// non-convergence the result says `converged: false`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A`,
/// an `x` or `Y` with another number of rows, or a preconditioner or `B` of another size;
/// [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for an empty block,
/// constraints with `n - sizeY < 5 k` (SciPy refuses them too: its dense solver does not
/// take constraints), linearly dependent constraints or initial columns (after the
/// constraints; SciPy's `ValueError`s), a `B` that is not positive definite in the dense
/// branch, or a failed final Rayleigh–Ritz step.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lobpcg, LobpcgOptions};
/// use sci_sparse::sci_array::ndarray::Array2;
/// // the 1-d Laplacian: smallest eigenvalues 2 - 2 cos(k pi / 51)
/// let n = 50;
/// let a = sci_sparse::diags(&[vec![-1.0; n - 1], vec![2.0; n], vec![-1.0; n - 1]], &[-1, 0, 1], None)?;
/// let x = Array2::from_shape_fn((n, 3), |(i, j)| ((i * 37 + j * 101) % 97) as f64 / 97.0 - 0.5);
/// let o = LobpcgOptions { largest: false, tol: Some(1e-9), maxiter: Some(500), ..Default::default() };
/// let r = lobpcg(&a, &x, &LobpcgOptions { ret_lambda_history: true, ..o })?;
/// assert!(r.converged);
/// for k in 0..3 {
///     let exact = 2.0 - 2.0 * ((k + 1) as f64 * std::f64::consts::PI / 51.0).cos();
///     assert!((r.eigenvalues[k] - exact).abs() < 1e-12);
/// }
/// // the history ends with the eigenvalues returned
/// let h = r.lambda_history.unwrap();
/// assert_eq!(h.last(), Some(&r.eigenvalues));
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
    for (arg, op) in [("M", opts.m), ("B", opts.b)] {
        if let Some(op) = op
            && op.shape() != (n, n)
        {
            let (p, q) = op.shape();
            return Err(shape_err(arg, format!("shape ({n}, {n})"), &[p, q]));
        }
    }
    if let Some(y) = opts.y
        && y.nrows() != n
    {
        return Err(shape_err("Y", format!("{n} rows"), y.shape()));
    }
    check_operator("A", a, false)?;
    for (arg, op) in [("M", opts.m), ("B", opts.b)] {
        if let Some(op) = op {
            check_operator(arg, op, false)?;
        }
    }
    let tol = opts.tol.filter(|&t| t > 0.0).unwrap_or(f64::EPSILON.sqrt() * n as f64);
    let maxiter = opts.maxiter.unwrap_or(20);
    let largest = opts.largest;
    let bop = opts.b;
    let size_y = opts.y.map_or(0, |y| y.ncols());
    if n < size_y + 5 * k {
        if opts.y.is_some() {
            return Err(invalid("Y", "The dense eigensolver does not support constraints."));
        }
        return dense_lobpcg(a, bop, k, largest, tol);
    }
    let bimg = |v: &Array2<f64>| bop.map(|b| apply(b, v));
    // constraints: Y, B Y and the Cholesky factor of Y^T B Y
    let cons = match opts.y {
        None => None,
        Some(y) => {
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
    let (xb, bx, _) = orthonormalize(&x0, bx0.as_ref(), None)
        .ok_or_else(|| invalid("X", "Linearly dependent initial approximations"))?;
    let bx = bx.unwrap_or_else(|| xb.clone());
    let ax = apply(a, &xb);
    let eye_k = Array2::<f64>::eye(k);
    let (mut lam, v) = gen_eigh(&xb.t().dot(&ax), &eye_k, k, largest)
        .ok_or_else(|| invalid("X", "eigh failed on the initial block"))?;
    let (mut xb, mut ax, mut bx) = (xb.dot(&v), ax.dot(&v), bx.dot(&v));
    let mut lam_hist = vec![lam.clone()];
    let mut res_hist = Vec::new();
    // search directions with their A and B images (full width k)
    let mut p: Option<(Array2<f64>, Array2<f64>, Array2<f64>)> = None;
    let mut active = vec![true; k];
    let mut smallest = f64::MAX;
    let mut best = (maxiter, xb.clone());
    let mut it = 0;
    let mut iterations = 0;
    let mut forced_restart = false;
    let mut explicit_gram = false;
    let jump = 2f64.powi(opts.restart_control);
    loop {
        let r = &ax - &(&bx * &lam.view().insert_axis(Axis(0)));
        let norms: Array1<f64> = r.axis_iter(Axis(1)).map(|c| c.dot(&c).sqrt()).collect();
        record(&mut res_hist, it, &norms);
        let mean = norms.sum() / k as f64;
        if mean < smallest {
            smallest = mean;
            best = (it, xb.clone());
        } else if mean > jump * smallest {
            forced_restart = true;
            ax = apply(a, &xb);
            if let Some(b) = bop {
                bx = apply(b, &xb);
            }
        }
        for (j, act) in active.iter_mut().enumerate() {
            *act &= norms[j] > tol;
        }
        let idx: Vec<usize> = (0..k).filter(|&j| active[j]).collect();
        let cur = idx.len();
        if cur == 0 {
            break;
        }
        let mut ra = r.select(Axis(1), &idx);
        if let Some(mm) = opts.m {
            ra = apply(mm, &ra);
        }
        constrain(&mut ra);
        ra = &ra - &xb.dot(&bx.t().dot(&ra));
        let bra = bimg(&ra);
        let Some((ra, bra, _)) = orthonormalize(&ra, bra.as_ref(), None) else { break };
        let bra = bra.unwrap_or_else(|| ra.clone());
        let ar = apply(a, &ra);
        let mut restart = true;
        let mut pa = None;
        if let Some((pp, app, bpp)) = &p {
            let (pp, app, bpp) =
                (pp.select(Axis(1), &idx), app.select(Axis(1), &idx), bpp.select(Axis(1), &idx));
            if let Some((pq, bpq, Some(apq))) = orthonormalize(&pp, bop.map(|_| &bpp), Some(&app)) {
                let bpq = bpq.unwrap_or_else(|| pq.clone());
                pa = Some((pq, apq, bpq));
                restart = forced_restart;
            }
        }
        explicit_gram = explicit_gram || norms.iter().fold(0.0f64, |m, &v| m.max(v)) <= f64::EPSILON.sqrt();
        let xt = xb.t();
        let rt = ra.t();
        let gxar = xt.dot(&ar);
        let mut grar = rt.dot(&ar);
        let (gxax, gxbx, grbr, gxbr) = if explicit_gram {
            grar = (&grar + &grar.t()) * 0.5;
            let gxax = xt.dot(&ax);
            (((&gxax + &gxax.t()) * 0.5), xt.dot(&bx), rt.dot(&bra), xt.dot(&bra))
        } else {
            (Array2::from_diag(&lam), eye_k.clone(), Array2::eye(cur), Array2::zeros((k, cur)))
        };
        let mut ritz = None;
        if !restart && let Some((pq, apq, bpq)) = &pa {
            let pt = pq.t();
            let mut gpap = pt.dot(apq);
            let gpbp = if explicit_gram {
                gpap = (&gpap + &gpap.t()) * 0.5;
                pt.dot(bpq)
            } else {
                Array2::eye(cur)
            };
            let ga = block3(&[&gxax, &gxar, &xt.dot(apq)], &[&grar, &rt.dot(apq)], &gpap);
            let gb = block3(&[&gxbx, &gxbr, &xt.dot(bpq)], &[&grbr, &rt.dot(bpq)], &gpbp);
            ritz = gen_eigh(&ga, &gb, k, largest);
            restart = ritz.is_none();
        }
        if restart {
            let ga = block2(&gxax, &gxar, &grar);
            let gb = block2(&gxbx, &gxbr, &grbr);
            ritz = gen_eigh(&ga, &gb, k, largest);
        }
        let Some((w, v)) = ritz else { break };
        lam = w;
        record(&mut lam_hist, it + 1, &lam);
        let ex = v.slice(s![..k, ..]);
        let er = v.slice(s![k..k + cur, ..]);
        let (mut pp, mut app) = (ra.dot(&er), ar.dot(&er));
        let mut bpp = bop.map(|_| bra.dot(&er));
        if !restart && let Some((pq, apq, bpq)) = &pa {
            let ep = v.slice(s![k + cur.., ..]);
            pp += &pq.dot(&ep);
            app += &apq.dot(&ep);
            if let Some(bpp) = bpp.as_mut() {
                *bpp += &bpq.dot(&ep);
            }
        }
        xb = xb.dot(&ex) + &pp;
        ax = ax.dot(&ex) + &app;
        let bpp = match bpp {
            Some(bpp) => {
                bx = bx.dot(&ex) + &bpp;
                bpp
            }
            None => {
                bx = xb.clone();
                pp.clone()
            }
        };
        p = Some((pp, app, bpp));
        iterations += 1;
        if it == maxiter {
            break;
        }
        it += 1;
    }
    // the last iterate, recorded one past the last iteration (SciPy's)
    let norms = residual_norms(&ax, &bx, &lam);
    let last = it + 1;
    record(&mut lam_hist, last, &lam);
    record(&mut res_hist, last, &norms);
    if norms.sum() / (k as f64) < smallest {
        best = (last, xb);
    }
    let (best_it, mut xb) = best;
    // postprocessing: constraints again and a final Rayleigh-Ritz
    constrain(&mut xb);
    let ax = apply(a, &xb);
    let bx = bimg(&xb).unwrap_or_else(|| xb.clone());
    let sym = |g: Array2<f64>| (&g + &g.t()) * 0.5;
    let (lam, v) = gen_eigh(&sym(xb.t().dot(&ax)), &sym(xb.t().dot(&bx)), k, largest)
        .ok_or_else(|| invalid("X", "eigh has failed in lobpcg postprocessing"))?;
    let (xb, ax, bx) = (xb.dot(&v), ax.dot(&v), bx.dot(&v));
    let norms = residual_norms(&ax, &bx, &lam);
    record(&mut lam_hist, best_it + 1, &lam);
    record(&mut res_hist, best_it + 1, &norms);
    lam_hist.truncate(best_it + 2);
    res_hist.truncate(best_it + 2);
    Ok(LobpcgResult {
        converged: norms.iter().all(|&r| r <= tol),
        eigenvalues: lam,
        eigenvectors: xb,
        residual_norms: norms,
        iterations,
        lambda_history: opts.ret_lambda_history.then_some(lam_hist),
        residual_norms_history: opts.ret_residual_norms_history.then_some(res_hist),
    })
}

/// The symmetric block matrix `[[a, b], [b^T, c]]`.
fn block2(a: &Array2<f64>, b: &Array2<f64>, c: &Array2<f64>) -> Array2<f64> {
    let (p, q) = (a.nrows(), c.nrows());
    let mut g = Array2::zeros((p + q, p + q));
    g.slice_mut(s![..p, ..p]).assign(a);
    g.slice_mut(s![..p, p..]).assign(b);
    g.slice_mut(s![p.., ..p]).assign(&b.t());
    g.slice_mut(s![p.., p..]).assign(c);
    g
}

/// The symmetric block matrix `[[r0[0], r0[1], r0[2]], [., r1[0], r1[1]], [., ., c]]`, the
/// lower blocks the transposes of the upper ones.
fn block3(r0: &[&Array2<f64>; 3], r1: &[&Array2<f64>; 2], c: &Array2<f64>) -> Array2<f64> {
    let upper = block2(r1[0], r1[1], c);
    let (p, q) = (r0[0].nrows(), upper.nrows());
    let mut top = Array2::zeros((p, q));
    top.slice_mut(s![.., ..r1[0].nrows()]).assign(r0[1]);
    top.slice_mut(s![.., r1[0].nrows()..]).assign(r0[2]);
    block2(r0[0], &top, &upper)
}
