//! `lgmres`: GMRES restarted with augmentation by previous error approximations.

use sci_array::ndarray::{Array1, ArrayBase, Data, Ix1};

use super::iterative::{DynRef, IterOptions, IterResult, norm, setup};
use super::operator::{IdentityOperator, LinearOperator};
use crate::error::{Result, invalid};

/// Options of [`lgmres`] beyond [`IterOptions`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::LgmresOptions::default();
/// assert_eq!((o.inner_m, o.outer_k, o.store_outer_av, o.prepend_outer_v), (30, 3, true, false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LgmresOptions {
    /// Inner GMRES iterations per outer iteration.
    pub inner_m: usize,
    /// Number of vectors carried between inner GMRES iterations.
    pub outer_k: usize,
    /// Also store `A v` for the carried vectors (saves a product each).
    pub store_outer_av: bool,
    /// Put the carried vectors before the Krylov vectors.
    pub prepend_outer_v: bool,
}

impl Default for LgmresOptions {
    fn default() -> Self {
        LgmresOptions { inner_m: 30, outer_k: 3, store_outer_av: true, prepend_outer_v: false }
    }
}

/// What one flexible GMRES cycle returns.
struct Fgmres {
    /// Least-squares coefficients.
    y: Vec<f64>,
    /// The Hessenberg columns (unrotated), `j + 2` entries each.
    h: Vec<Vec<f64>>,
    vs: Vec<Array1<f64>>,
    zs: Vec<Array1<f64>>,
    /// `B[j][i] = c_i . w_j`, the projections on `cs`.
    bmat: Vec<Vec<f64>>,
    res: f64,
}

/// SciPy's `_fgmres` (flexible GMRES with optional augmentation vectors), with Givens
/// rotations in place of SciPy's QR updates (the same least-squares problem).
pub(super) struct Precond<'a> {
    /// Applied after `A` (`lpsolve`).
    pub left: Option<&'a dyn LinearOperator>,
    /// Applied before `A` (`rpsolve`).
    pub right: Option<&'a dyn LinearOperator>,
}

fn fgmres(
    a: &dyn LinearOperator,
    pre: &Precond<'_>,
    v0: Array1<f64>,
    inner_m: usize,
    atol: f64,
    cs_in: &[Array1<f64>],
    outer_v: &[(Array1<f64>, Option<Array1<f64>>)],
    prepend: bool,
) -> Option<Fgmres> {
    let rp = |v: &Array1<f64>| pre.right.map_or_else(|| v.clone(), |m| m.matvec(v.view()));
    let total = inner_m + outer_v.len();
    let nouter = outer_v.len();
    let mut vs = vec![v0];
    let mut zs: Vec<Array1<f64>> = Vec::new();
    let mut h: Vec<Vec<f64>> = Vec::new();
    let mut r: Vec<Vec<f64>> = Vec::new(); // rotated columns (upper triangular)
    let (mut cs, mut sn): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    let mut g = vec![1.0];
    let mut res = f64::NAN;
    let mut bmat: Vec<Vec<f64>> = Vec::new();
    for j in 0..total {
        let (z, w0) = if prepend && j < nouter {
            (outer_v[j].0.clone(), outer_v[j].1.clone())
        } else if prepend && j == nouter {
            (rp(&vs[0]), None)
        } else if !prepend && j >= total - nouter {
            let o = &outer_v[j - (total - nouter)];
            (o.0.clone(), o.1.clone())
        } else {
            (rp(&vs[vs.len() - 1]), None)
        };
        let mut w = match w0 {
            Some(w) => w,
            None => {
                let aw = a.matvec(z.view());
                pre.left.map_or(aw.clone(), |m| m.matvec(aw.view()))
            }
        };
        let w_norm = norm(&w);
        let mut bcol = vec![0.0; cs_in.len()];
        for (i, c) in cs_in.iter().enumerate() {
            let alpha = c.dot(&w);
            bcol[i] = alpha;
            w.scaled_add(-alpha, c);
        }
        bmat.push(bcol);
        let mut hcur = vec![0.0; j + 2];
        for (i, v) in vs.iter().enumerate() {
            let alpha = v.dot(&w);
            hcur[i] = alpha;
            w.scaled_add(-alpha, v);
        }
        hcur[j + 1] = norm(&w);
        let inv = 1.0 / hcur[j + 1];
        if inv.is_finite() {
            w *= inv;
        }
        // SciPy's `not (h > eps * |w|)`: NaN counts as a breakdown too
        let breakdown =
            hcur[j + 1].partial_cmp(&(f64::EPSILON * w_norm)) != Some(std::cmp::Ordering::Greater);
        vs.push(w);
        zs.push(z);
        h.push(hcur.clone());
        // rotate the new column and zero its last entry
        let mut col = hcur;
        for i in 0..j {
            let (c, s) = (cs[i], sn[i]);
            let (x, y) = (col[i], col[i + 1]);
            col[i] = c * x + s * y;
            col[i + 1] = -s * x + c * y;
        }
        let (x, y) = (col[j], col[j + 1]);
        let rho = x.hypot(y);
        let (c, s) = if rho == 0.0 { (1.0, 0.0) } else { (x / rho, y / rho) };
        col[j] = rho;
        col[j + 1] = 0.0;
        cs.push(c);
        sn.push(s);
        g.push(-s * g[j]);
        g[j] *= c;
        r.push(col);
        res = g[j + 1].abs();
        if res < atol || breakdown {
            break;
        }
    }
    let k = r.len();
    if !r[k - 1][k - 1].is_finite() {
        return None;
    }
    // back substitution R y = g (SciPy: lstsq, the same for a nonsingular R)
    let mut y = vec![0.0; k];
    for i in (0..k).rev() {
        let mut acc = g[i];
        for l in i + 1..k {
            acc -= r[l][i] * y[l];
        }
        y[i] = if r[i][i] != 0.0 { acc / r[i][i] } else { 0.0 };
    }
    Some(Fgmres { y, h, vs, zs, bmat, res })
}

/// Solves `A x = b` by LGMRES (Baker, Jessup & Manteuffel 2005): restarted GMRES whose
/// Krylov space is augmented with the last `outer_k` error approximations, which avoids
/// the stagnation of plain restarted GMRES. A port of SciPy's `lgmres` (inner flexible
/// GMRES, inner tolerance control); `info` is 0 on convergence, the number of outer
/// iterations made otherwise. `maxiter` (default 1000) counts outer iterations.
///
/// SciPy equivalent: `scipy.sparse.linalg.lgmres(A, b, x0, rtol=1e-5, atol=0.0,
/// maxiter=1000, M, inner_m=30, outer_k=3, store_outer_Av=True, prepend_outer_v=False)`
/// (`outer_v` carried between calls and `callback` missing).
///
/// # Errors
///
/// As [`cg`](super::cg); [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for a
/// non-finite `b`, `inner_m = 0`, or a preconditioner that returns zero.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{lgmres, IterOptions, LgmresOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[3.0, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]]);
/// let r = lgmres(&a, &array![2.0, 4.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() }, &LgmresOptions::default())?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![2.0, -2.0, 9.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn lgmres<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
    lopts: &LgmresOptions,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let o = IterOptions { maxiter: Some(opts.maxiter.unwrap_or(1000)), ..*opts };
    let mut s = setup(a, b, &o, 1, &id)?;
    if s.b.iter().any(|v| !v.is_finite()) {
        return Err(invalid("b", "RHS must contain only finite numbers"));
    }
    if lopts.inner_m == 0 {
        return Err(invalid("inner_m", "inner_m must be positive"));
    }
    let b_norm = norm(&s.b);
    if b_norm == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let target = opts.atol.max(s.rtol * b_norm);
    let mut outer_v: Vec<(Array1<f64>, Option<Array1<f64>>)> = Vec::new();
    let mut ptol_max_factor = 1.0f64;
    for k_outer in 0..s.maxiter {
        let r_outer = &a.matvec(s.x.view()) - &s.b;
        let r_norm = norm(&r_outer);
        if r_norm <= target {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let mut v0 = -s.m.matvec(r_outer.view());
        let inner_res_0 = norm(&v0);
        if inner_res_0 == 0.0 {
            return Err(invalid(
                "M",
                format!("preconditioner returned a zero vector; |v| ~ {r_norm:.1e}, |M v| = 0"),
            ));
        }
        v0 /= inner_res_0;
        let ptol = ptol_max_factor.min(target / r_norm);
        let pre = Precond { left: Some(s.m), right: None };
        let Some(fg) = fgmres(a, &pre, v0, lopts.inner_m, ptol, &[], &outer_v, lopts.prepend_outer_v) else {
            return Ok(IterResult { x: s.x, info: (k_outer + 1) as i64 });
        };
        let y: Vec<f64> = fg.y.iter().map(|v| v * inner_res_0).collect();
        if y.iter().any(|v| !v.is_finite()) {
            return Ok(IterResult { x: s.x, info: (k_outer + 1) as i64 });
        }
        ptol_max_factor = if fg.res > ptol {
            (1.5 * ptol_max_factor).min(1.0)
        } else {
            (0.25 * ptol_max_factor).max(1e-16)
        };
        let mut dx = &fg.zs[0] * y[0];
        for (z, &yc) in fg.zs.iter().zip(&y).skip(1) {
            dx.scaled_add(yc, z);
        }
        let nx = norm(&dx);
        if nx > 0.0 {
            if lopts.store_outer_av {
                // q = H y, A dx (preconditioned) = sum_i q_i v_i
                let mut q = vec![0.0; y.len() + 1];
                for (col, &yc) in fg.h.iter().zip(&y) {
                    for (i, &hv) in col.iter().enumerate() {
                        q[i] += hv * yc;
                    }
                }
                let mut ax = &fg.vs[0] * q[0];
                for (v, &qc) in fg.vs.iter().zip(&q).skip(1) {
                    ax.scaled_add(qc, v);
                }
                outer_v.push((&dx / nx, Some(ax / nx)));
            } else {
                outer_v.push((&dx / nx, None));
            }
        }
        while outer_v.len() > lopts.outer_k {
            outer_v.remove(0);
        }
        s.x += &dx;
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}

/// Options of [`gcrotmk`] beyond [`IterOptions`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_sparse::linalg::GcrotmkOptions::default();
/// assert_eq!((o.m, o.k), (20, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GcrotmkOptions {
    /// Inner FGMRES iterations per outer iteration.
    pub m: usize,
    /// Number of vectors kept between outer iterations (default `m`).
    pub k: Option<usize>,
}

impl Default for GcrotmkOptions {
    fn default() -> Self {
        GcrotmkOptions { m: 20, k: None }
    }
}

/// Solves `A x = b` by GCROT(m, k) (Hicken & Zingg 2010): flexible GMRES(m) inner cycles
/// with a recycled subspace of `k` vectors kept orthogonal to the new Krylov space. A port of
/// SciPy's `gcrotmk` with `truncate='oldest'` (the right preconditioner `M` applied inside
/// the flexible cycle as SciPy does); `info` is 0 on convergence, else the number of outer
/// iterations made. `maxiter` (default 1000) counts outer iterations.
///
/// SciPy equivalent: `scipy.sparse.linalg.gcrotmk(A, b, x0, rtol=1e-5, atol=0.0,
/// maxiter=1000, M, m=20, k=None)` (`CU` carried between calls, `discard_C`,
/// `truncate='smallest'` and `callback` missing).
///
/// # Errors
///
/// As [`cg`](super::cg); [`SparseError::InvalidValue`](crate::SparseError::InvalidValue) for a
/// non-finite `b` or `m = 0`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{gcrotmk, GcrotmkOptions, IterOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// use sci_sparse::sci_array::testing::assert_allclose;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[3.0, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]]);
/// let r = gcrotmk(&a, &array![2.0, 4.0, -1.0], &IterOptions { rtol: 1e-12, ..Default::default() }, &GcrotmkOptions::default())?;
/// assert_eq!(r.info, 0);
/// assert_allclose(&r.x, &array![2.0, -2.0, 9.0], 1e-10, 0.0);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn gcrotmk<A: LinearOperator + ?Sized, S: Data<Elem = f64>>(
    a: &A,
    b: &ArrayBase<S, Ix1>,
    opts: &IterOptions<'_>,
    gopts: &GcrotmkOptions,
) -> Result<IterResult> {
    let id = IdentityOperator(b.len());
    let a: &dyn LinearOperator = &DynRef(a);
    let o = IterOptions { maxiter: Some(opts.maxiter.unwrap_or(1000)), ..*opts };
    let mut s = setup(a, b, &o, 1, &id)?;
    if s.b.iter().any(|v| !v.is_finite()) {
        return Err(invalid("b", "RHS must contain only finite numbers"));
    }
    if gopts.m == 0 {
        return Err(invalid("m", "m must be positive"));
    }
    let k = gopts.k.unwrap_or(gopts.m);
    let mut r = if opts.x0.is_some() { &s.b - &a.matvec(s.x.view()) } else { s.b.clone() };
    let b_norm = norm(&s.b);
    if b_norm == 0.0 {
        return Ok(IterResult { x: s.b, info: 0 });
    }
    let beta_tol = opts.atol.max(s.rtol * b_norm);
    let mut cu: Vec<(Array1<f64>, Array1<f64>)> = Vec::new();
    let pre = Precond { left: None, right: Some(s.m) };
    for j_outer in 0..s.maxiter {
        let mut beta = norm(&r);
        if beta <= beta_tol && (j_outer > 0 || !cu.is_empty()) {
            r = &s.b - &a.matvec(s.x.view());
            beta = norm(&r);
        }
        if beta <= beta_tol {
            return Ok(IterResult { x: s.x, info: 0 });
        }
        let ml = gopts.m + k.saturating_sub(cu.len());
        let cs: Vec<Array1<f64>> = cu.iter().map(|(c, _)| c.clone()).collect();
        let Some(fg) = fgmres(a, &pre, &r / beta, ml, beta_tol / beta, &cs, &[], false) else {
            return Ok(IterResult { x: s.x, info: (j_outer + 1) as i64 });
        };
        let y: Vec<f64> = fg.y.iter().map(|v| v * beta).collect();
        let mut ux = &fg.zs[0] * y[0];
        for (z, &yc) in fg.zs.iter().zip(&y).skip(1) {
            ux.scaled_add(yc, z);
        }
        // by = B y over the recycled vectors
        for (i, (_, u)) in cu.iter().enumerate() {
            let byc: f64 = fg.bmat.iter().zip(&y).map(|(col, &yc)| col[i] * yc).sum();
            ux.scaled_add(-byc, u);
        }
        let mut hy = vec![0.0; y.len() + 1];
        for (col, &yc) in fg.h.iter().zip(&y) {
            for (i, &hv) in col.iter().enumerate() {
                hy[i] += hv * yc;
            }
        }
        let mut cx = &fg.vs[0] * hy[0];
        for (v, &hc) in fg.vs.iter().zip(&hy).skip(1) {
            cx.scaled_add(hc, v);
        }
        let alpha = 1.0 / norm(&cx);
        if !alpha.is_finite() {
            continue;
        }
        cx *= alpha;
        ux *= alpha;
        let gamma = cx.dot(&r);
        r.scaled_add(-gamma, &cx);
        s.x.scaled_add(gamma, &ux);
        while cu.len() >= k && !cu.is_empty() {
            cu.remove(0);
        }
        cu.push((cx, ux));
    }
    Ok(IterResult { x: s.x, info: s.maxiter as i64 })
}
