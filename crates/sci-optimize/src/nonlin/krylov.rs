//! SciPy's `KrylovJacobian`: Newton-Krylov steps whose inverse Jacobian is applied by an inner
//! Krylov solver on forward-difference Jacobian-vector products. The default inner LGMRES is
//! one restart cycle (`scipy.sparse.linalg.lgmres` with `maxiter=1`, `atol=0`, `outer_v`
//! carried across Newton steps and prepended, `store_outer_Av=False`, `inner_M` as its
//! left preconditioner); GMRES runs one cycle
//! of `inner_maxiter` vectors, BiCGSTAB, CGS, MINRES and TFQMR `inner_maxiter` iterations
//! (`sci_array::krylov`'s cores, with the preconditioner `inner_M`).

use super::jacobians::JacApprox;
use super::{InnerPreconditioner, KrylovMethod, norm};
use crate::error::{OptimizeError, Result};
use ndarray::Array1;
use sci_array::krylov::{self, KrylovError, KrylovOperator, KrylovParams};

/// The preconditioner `inner_M` (`M v`, approximating `J^{-1} v`).
pub(super) type Precond<'a> = &'a dyn InnerPreconditioner;

/// The inner solver's settings (SciPy's `method`, `inner_maxiter`, `inner_rtol`,
/// `inner_atol`, `inner_restart`, `inner_shift`, `inner_M`).
pub(super) struct Inner<'a> {
    pub method: KrylovMethod,
    pub maxiter: usize,
    /// GMRES's cycle length (`inner_restart`, else `inner_maxiter`).
    pub restart: usize,
    /// MINRES's `shift`.
    pub shift: f64,
    pub rtol: Option<f64>,
    pub atol: Option<f64>,
    pub precond: Option<Precond<'a>>,
}

/// `KrylovJacobian(rdiff, method, inner_maxiter, inner_M, outer_k, inner_inner_m, ...)`.
pub(super) struct Krylov<'a> {
    rdiff: Option<f64>,
    inner_m: usize,
    outer_k: usize,
    inner: Inner<'a>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    omega: f64,
    /// LGMRES's augmentation vectors `dx / |dx|` of the previous Newton steps.
    outer_v: Vec<Array1<f64>>,
}

fn maxabs(a: &Array1<f64>) -> f64 {
    a.iter().fold(f64::NEG_INFINITY, |m, v| if v.abs() > m || v.is_nan() { v.abs() } else { m })
}

/// BLAS `ddot` as OpenBLAS's tail loop computes it: fused multiply-adds in order.
fn blas_dot(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.iter().zip(b).fold(0.0, |s, (x, y)| y.mul_add(*x, s))
}

/// BLAS `daxpy` (`y += alpha x`) with fused multiply-adds, as OpenBLAS's kernels.
fn blas_axpy(alpha: f64, x: &Array1<f64>, y: &mut Array1<f64>) {
    y.zip_mut_with(x, |yi, xi| *yi = alpha.mul_add(*xi, *yi));
}

/// The finite-difference Jacobian and `inner_M` as the operator of `sci_array::krylov`'s
/// solvers, with OpenBLAS's `ddot` rounding (NumPy's `dot`, `inner` and `linalg.norm`).
struct JacOp<'k, 'a, 'f> {
    jac: &'k Krylov<'a>,
    func: &'f mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
}

impl KrylovOperator for JacOp<'_, '_, '_> {
    type Error = OptimizeError;
    fn matvec(&mut self, x: &Array1<f64>) -> Result<Array1<f64>> {
        self.jac.matvec(x, self.func)
    }
    fn psolve(&mut self, x: &Array1<f64>) -> Result<Array1<f64>> {
        self.jac.precondition(x)
    }
    fn dot(&self, a: &Array1<f64>, b: &Array1<f64>) -> f64 {
        blas_dot(a, b)
    }
}

impl<'a> Krylov<'a> {
    pub(super) fn new(rdiff: Option<f64>, inner_m: usize, outer_k: usize, inner: Inner<'a>) -> Self {
        Self {
            rdiff,
            inner_m,
            outer_k,
            inner,
            x0: Array1::zeros(0),
            f0: Array1::zeros(0),
            omega: 0.0,
            outer_v: Vec::new(),
        }
    }

    /// `M x` with the preconditioner `inner_M` (`x` without one), its length checked.
    fn precondition(&self, x: &Array1<f64>) -> Result<Array1<f64>> {
        let Some(m) = self.inner.precond else { return Ok(x.clone()) };
        let y = m.apply(x);
        if y.len() != x.len() {
            return Err(OptimizeError::WrongLength { arg: "inner_M(v)", expected: x.len(), found: y.len() });
        }
        Ok(y)
    }

    /// `_update_diff_step`: `omega = rdiff max(1, |x0|_inf) / max(1, |f0|_inf)`.
    fn update_diff_step(&mut self) {
        let rdiff = self.rdiff.unwrap_or(f64::EPSILON.sqrt());
        self.omega = rdiff * maxabs(&self.x0).max(1.0) / maxabs(&self.f0).max(1.0);
    }

    /// `J v ~ (F(x0 + omega v / |v|) - F(x0)) |v| / omega`.
    fn matvec(
        &self,
        v: &Array1<f64>,
        func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Array1<f64>> {
        let nv = norm(v);
        if nv == 0.0 {
            return Ok(v * 0.0);
        }
        let sc = self.omega / nv;
        let xt = &self.x0 + &(v * sc);
        let r = (func(&xt) - &self.f0) / sc;
        if r.iter().any(|t| !t.is_finite()) && v.iter().all(|t| t.is_finite()) {
            return Err(OptimizeError::NoConvergence {
                message: "Function returned non-finite results".into(),
            });
        }
        Ok(r)
    }

    /// `lgmres(J, b, rtol=tol, atol=0, maxiter=1, inner_m, outer_k, outer_v,
    /// prepend_outer_v=True, store_outer_Av=False)` from `x = 0`.
    fn lgmres(
        &mut self,
        b: &Array1<f64>,
        rtol: f64,
        func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Array1<f64>> {
        let n = b.len();
        if b.iter().any(|t| !t.is_finite()) {
            return Err(OptimizeError::NoConvergence {
                message: "RHS must contain only finite numbers".into(),
            });
        }
        let b_norm = norm(b);
        let atol = self.inner.atol.unwrap_or(0.0).max(rtol * b_norm);
        if b_norm == 0.0 {
            return Ok(b.clone());
        }
        // x = 0: matvec(0) = 0 without a call, r_outer = -b.
        let r_norm = b_norm;
        if r_norm <= atol {
            return Ok(Array1::zeros(n));
        }
        // v0 = -M r_outer with r_outer = J 0 - b = -b
        let (v0, inner_res_0) = match self.inner.precond {
            None => (b.clone(), b_norm),
            Some(_) => {
                let v = -self.precondition(&-b)?;
                let nv = norm(&v);
                if nv == 0.0 {
                    return Err(crate::error::invalid(
                        "inner_M",
                        format!("Preconditioner returned a zero vector; |v| ~ {b_norm:.1e}, |M v| = 0"),
                    ));
                }
                (v, nv)
            }
        };
        let v0 = v0 * (1.0 / inner_res_0);
        let ptol = 1f64.min(atol / r_norm);
        let Some((zs, mut y)) = self.fgmres(v0, ptol, func)? else {
            return Ok(Array1::zeros(n));
        };
        y.mapv_inplace(|t| t * inner_res_0);
        if y.iter().any(|t| !t.is_finite()) {
            return Ok(Array1::zeros(n));
        }
        let mut dx = &zs[0] * y[0];
        for (w, &yc) in zs.iter().zip(y.iter()).skip(1) {
            blas_axpy(yc, w, &mut dx);
        }
        let nx = norm(&dx);
        if nx > 0.0 {
            self.outer_v.push(&dx / nx);
        }
        while self.outer_v.len() > self.outer_k {
            self.outer_v.remove(0);
        }
        Ok(dx)
    }

    /// `_fgmres(matvec, v0, inner_m, atol, outer_v, prepend_outer_v=True)`: the `zs` and the
    /// least-squares coefficients `y`; `None` on SciPy's `LinAlgError` (non-finite `R`).
    #[allow(clippy::type_complexity)]
    fn fgmres(
        &self,
        v0: Array1<f64>,
        atol: f64,
        func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Option<(Vec<Array1<f64>>, Array1<f64>)>> {
        let nouter = self.outer_v.len();
        let m = self.inner_m + nouter;
        let mut vs = vec![v0];
        let mut zs: Vec<Array1<f64>> = Vec::with_capacity(m);
        // Q (j+1) x (j+1) row-major in a (m+1)^2 buffer, R upper triangular by columns.
        let dim = m + 1;
        let mut q = vec![0.0f64; dim * dim];
        q[0] = 1.0;
        let mut r: Vec<Vec<f64>> = Vec::with_capacity(m);
        let mut jlast = 0;
        for j in 0..m {
            jlast = j;
            let z = if j < nouter {
                self.outer_v[j].clone()
            } else if j == nouter {
                vs[0].clone()
            } else {
                vs[j].clone()
            };
            let mut w = self.precondition(&self.matvec(&z, func)?)?;
            let w_norm = norm(&w);
            let mut hcur = vec![0.0f64; j + 2];
            for (i, v) in vs.iter().enumerate() {
                let alpha = blas_dot(v, &w);
                hcur[i] = alpha;
                blas_axpy(-alpha, v, &mut w);
            }
            hcur[j + 1] = norm(&w);
            let alpha = 1.0 / hcur[j + 1];
            if alpha.is_finite() {
                w.mapv_inplace(|t| t * alpha);
            }
            // NaN counts as a breakdown, as in SciPy's `not (h > eps |w|)`
            let breakdown =
                hcur[j + 1].partial_cmp(&(f64::EPSILON * w_norm)) != Some(std::cmp::Ordering::Greater);
            vs.push(w);
            zs.push(z);
            // qr_insert of column hcur: u = diag(Q, 1)^T hcur, one rotation on rows j, j+1.
            q[(j + 1) * dim + j + 1] = 1.0;
            let mut u = vec![0.0f64; j + 2];
            for (k, uk) in u.iter_mut().enumerate().take(j + 1) {
                *uk = (0..=j).map(|i| q[i * dim + k] * hcur[i]).sum();
            }
            u[j + 1] = hcur[j + 1];
            let (f, g) = (u[j], u[j + 1]);
            let h = f.hypot(g);
            let (c, s, rr) = if g == 0.0 || h == 0.0 { (1.0, 0.0, f) } else { (f / h, g / h, h) };
            u[j] = rr;
            for i in 0..j + 2 {
                let (a, bb) = (q[i * dim + j], q[i * dim + j + 1]);
                q[i * dim + j] = c * a + s * bb;
                q[i * dim + j + 1] = -s * a + c * bb;
            }
            u.truncate(j + 1);
            r.push(u);
            let res = q[j + 1].abs();
            if res < atol || breakdown {
                break;
            }
        }
        let j = jlast;
        if !r[j][j].is_finite() {
            return Ok(None);
        }
        // y = lstsq(R[:j+1, :j+1], Q[0, :j+1]) (SciPy's gelsd, singular values below
        // eps s_max dropped): a breakdown leaves R numerically singular.
        let rhs: Vec<f64> = (0..=j).map(|k| q[k]).collect();
        let y = lstsq_upper(&r[..=j], &rhs);
        Ok(Some((zs, y)))
    }
}

/// Minimum-norm least-squares solution of `R y = rhs` for the upper triangular `R` given by
/// columns, by a one-sided Jacobi SVD `R V = U S`, singular values `< eps s_max` dropped
/// (`scipy.linalg.lstsq`'s default `cond`).
fn lstsq_upper(cols: &[Vec<f64>], rhs: &[f64]) -> Array1<f64> {
    let k = cols.len();
    let mut w: Vec<Vec<f64>> =
        cols.iter().map(|c| (0..k).map(|i| c.get(i).copied().unwrap_or(0.0)).collect()).collect();
    let mut v: Vec<Vec<f64>> =
        (0..k).map(|j| (0..k).map(|i| f64::from(u8::from(i == j))).collect()).collect();
    let d = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    for _sweep in 0..60 {
        let mut off = 0.0f64;
        for p in 0..k {
            for qq in p + 1..k {
                let (alpha, beta, gamma) = (d(&w[p], &w[p]), d(&w[qq], &w[qq]), d(&w[p], &w[qq]));
                if gamma == 0.0 || alpha == 0.0 || beta == 0.0 {
                    continue;
                }
                off = off.max(gamma.abs() / (alpha * beta).sqrt());
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = if zeta == 0.0 { 1.0 } else { zeta.signum() / (zeta.abs() + zeta.hypot(1.0)) };
                let c = 1.0 / t.hypot(1.0);
                let sn = c * t;
                for m in [&mut w, &mut v] {
                    for i in 0..k {
                        let (x, y) = (m[p][i], m[qq][i]);
                        m[p][i] = c * x - sn * y;
                        m[qq][i] = sn * x + c * y;
                    }
                }
            }
        }
        if off < 1e-15 {
            break;
        }
    }
    let sv: Vec<f64> = w.iter().map(|c| d(c, c).sqrt()).collect();
    let smax = sv.iter().fold(0.0f64, |m, &x| m.max(x));
    let mut y = Array1::zeros(k);
    for j in 0..k {
        if sv[j] > f64::EPSILON * smax {
            let coef = d(&w[j], rhs) / (sv[j] * sv[j]);
            for i in 0..k {
                y[i] += coef * v[j][i];
            }
        }
    }
    y
}

impl Krylov<'_> {
    /// One inner solve `J dx = v` by the chosen method, called as SciPy's
    /// `KrylovJacobian.solve` calls it.
    fn inner_solve(
        &mut self,
        v: &Array1<f64>,
        tol: f64,
        func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Array1<f64>> {
        let rtol = self.inner.rtol.unwrap_or(tol);
        if self.inner.method == KrylovMethod::Lgmres {
            return self.lgmres(v, rtol, func);
        }
        let mut p = KrylovParams {
            rtol,
            atol: self.inner.atol.unwrap_or(0.0),
            maxiter: Some(self.inner.maxiter),
            shift: self.inner.shift,
            ..Default::default()
        };
        let mut op = JacOp { jac: self, func };
        let r = match self.inner.method {
            KrylovMethod::Gmres => {
                // GMRES's restarts replaced by Newton steps: one cycle of inner_maxiter vectors
                p.restart = Some(self.inner.restart);
                p.maxiter = Some(1);
                krylov::gmres(&mut op, v, &p)
            }
            KrylovMethod::Bicgstab => krylov::bicgstab(&mut op, v, &p),
            KrylovMethod::Cgs => krylov::cgs(&mut op, v, &p),
            KrylovMethod::Minres => krylov::minres(&mut op, v, &p),
            _ => krylov::tfqmr(&mut op, v, &p),
        };
        match r {
            Ok(s) => Ok(s.x),
            Err(KrylovError::Operator(e)) => Err(e),
            Err(KrylovError::InvalidValue { arg, message }) => Err(crate::error::invalid(arg, message)),
            Err(e) => Err(crate::error::invalid("inner", e.to_string())),
        }
    }
}

impl JacApprox for Krylov<'_> {
    fn setup(&mut self, x: &Array1<f64>, f: &Array1<f64>) {
        self.x0 = x.clone();
        self.f0 = f.clone();
        self.update_diff_step();
        if let Some(m) = self.inner.precond {
            m.setup(x, f);
        }
    }

    fn solve(&mut self, _v: &Array1<f64>) -> Result<Array1<f64>> {
        unreachable!("the Krylov Jacobian is solved through solve_with")
    }

    fn solve_with(
        &mut self,
        v: &Array1<f64>,
        tol: f64,
        func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Array1<f64>> {
        self.inner_solve(v, tol, func)
    }

    fn update(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<()> {
        self.x0 = x.clone();
        self.f0 = f.clone();
        self.update_diff_step();
        if let Some(m) = self.inner.precond {
            m.update(x, f);
        }
        Ok(())
    }
}
