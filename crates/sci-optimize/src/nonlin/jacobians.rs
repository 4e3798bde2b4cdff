//! SciPy's Jacobian approximations of `_nonlin.py`: Broyden's first and second methods on a
//! low-rank inverse, Anderson mixing, diagonal Broyden, linear and exciting mixing.

use super::{ReductionMethod, checked_norm, diverged, dot, norm, pysq};
use crate::error::Result;
use ndarray::{Array1, Array2};

/// The interface `nonlin_solve` drives (SciPy's `Jacobian`: `setup`, `solve`, `update`).
/// `solve` and `update` fail where SciPy's `scipy.linalg` calls reject non-finite input.
pub(super) trait JacApprox {
    fn setup(&mut self, x: &Array1<f64>, f: &Array1<f64>);
    /// `J^-1 v`.
    fn solve(&mut self, v: &Array1<f64>) -> Result<Array1<f64>>;
    /// `solve(v, tol=tol)` with access to `F` (SciPy's `Jacobian.solve(rhs, tol)` after
    /// `setup(x, F, func)`): only the Krylov approximation uses them.
    fn solve_with(
        &mut self,
        v: &Array1<f64>,
        _tol: f64,
        _func: &mut dyn FnMut(&Array1<f64>) -> Array1<f64>,
    ) -> Result<Array1<f64>> {
        self.solve(v)
    }
    fn update(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<()>;
}

/// `GenericBroyden.update`'s differences and their (checked) norms.
fn deltas(last: &Last, x: &Array1<f64>, f: &Array1<f64>) -> Result<(Array1<f64>, Array1<f64>, f64, f64)> {
    let df = f - &last.f;
    let dx = x - &last.x;
    let dxn = checked_norm(&dx)?;
    let dfn = checked_norm(&df)?;
    Ok((dx, df, dxn, dfn))
}

/// Solves the small dense system `a x = b` by LU with partial pivoting (LAPACK `gesv`'s
/// choice of pivots); `None` when a pivot is exactly zero (`LinAlgError`).
pub(super) fn dense_solve(a: &Array2<f64>, b: &Array1<f64>) -> Option<Array1<f64>> {
    let n = b.len();
    let mut m = a.clone();
    let mut x = b.clone();
    for k in 0..n {
        let mut p = k;
        for i in k + 1..n {
            if m[(i, k)].abs() > m[(p, k)].abs() {
                p = i;
            }
        }
        if m[(p, k)] == 0.0 {
            return None;
        }
        if p != k {
            for j in 0..n {
                m.swap((k, j), (p, j));
            }
            x.swap(k, p);
        }
        let piv = m[(k, k)];
        for i in k + 1..n {
            let l = m[(i, k)] / piv;
            if l != 0.0 {
                for j in k + 1..n {
                    m[(i, j)] -= l * m[(k, j)];
                }
                x[i] -= l * x[k];
            }
        }
    }
    for k in (0..n).rev() {
        let mut s = x[k];
        for j in k + 1..n {
            s -= m[(k, j)] * x[j];
        }
        x[k] = s / m[(k, k)];
    }
    Some(x)
}

/// The state shared by the Broyden-type approximations (SciPy's `GenericBroyden`).
#[derive(Clone)]
pub(super) struct Last {
    x: Array1<f64>,
    f: Array1<f64>,
}

/// `alpha` defaults to `0.5 max(|x0|, 1) / |F(x0)|` (1 when `F(x0) = 0`).
fn default_alpha(alpha: Option<f64>, x: &Array1<f64>, f: &Array1<f64>) -> f64 {
    alpha.unwrap_or_else(|| {
        let nf = norm(f);
        if nf != 0.0 { 0.5 * norm(x).max(1.0) / nf } else { 1.0 }
    })
}

/// `G = alpha I + sum_k c_k d_k^T`, collapsed to a dense matrix once the rank exceeds `n`.
struct LowRank {
    alpha: f64,
    cs: Vec<Array1<f64>>,
    ds: Vec<Array1<f64>>,
    collapsed: Option<Array2<f64>>,
}

impl LowRank {
    fn new(alpha: f64) -> Self {
        LowRank { alpha, cs: Vec::new(), ds: Vec::new(), collapsed: None }
    }

    fn matvec_with(v: &Array1<f64>, alpha: f64, cs: &[Array1<f64>], ds: &[Array1<f64>]) -> Array1<f64> {
        let mut w = v * alpha;
        for (c, d) in cs.iter().zip(ds) {
            let a = dot(d, v);
            w.scaled_add(a, c);
        }
        w
    }

    fn matvec(&self, v: &Array1<f64>) -> Array1<f64> {
        match &self.collapsed {
            Some(g) => g.dot(v),
            None => Self::matvec_with(v, self.alpha, &self.cs, &self.ds),
        }
    }

    fn rmatvec(&self, v: &Array1<f64>) -> Array1<f64> {
        match &self.collapsed {
            Some(g) => g.t().dot(v),
            None => Self::matvec_with(v, self.alpha, &self.ds, &self.cs),
        }
    }

    fn append(&mut self, c: Array1<f64>, d: Array1<f64>) {
        if let Some(g) = self.collapsed.as_mut() {
            let n = c.len();
            for i in 0..n {
                for j in 0..n {
                    g[(i, j)] += c[i] * d[j];
                }
            }
            return;
        }
        let n = c.len();
        self.cs.push(c);
        self.ds.push(d);
        if self.cs.len() > n {
            let mut g = Array2::eye(n) * self.alpha;
            for (c, d) in self.cs.iter().zip(&self.ds) {
                for i in 0..n {
                    for j in 0..n {
                        g[(i, j)] += c[i] * d[j];
                    }
                }
            }
            self.collapsed = Some(g);
            self.cs.clear();
            self.ds.clear();
        }
    }

    fn reduce(&mut self, method: ReductionMethod, rank: Option<usize>) {
        if self.collapsed.is_some() {
            return;
        }
        if let ReductionMethod::Svd { to_retain } = method {
            // SciPy's max_rank = inf still reduces once the rank reaches n.
            self.svd_reduce(rank.unwrap_or(usize::MAX), to_retain);
            return;
        }
        let Some(rank) = rank else { return };
        match method {
            ReductionMethod::Restart => {
                if self.cs.len() > rank {
                    self.cs.clear();
                    self.ds.clear();
                }
            }
            ReductionMethod::Simple => {
                while self.cs.len() > rank {
                    self.cs.remove(0);
                    self.ds.remove(0);
                }
            }
            ReductionMethod::Svd { .. } => unreachable!("handled above"),
        }
    }

    /// `LowRankMatrix.svd_reduce(max_rank, to_retain)`: `D = Q R`, `C R^T = U S W^T`, keep the
    /// `q` leading pairs `(U S, Q W)`; the kept rank-one terms do not depend on the signs or
    /// the QR/SVD algorithm, only on the (distinct) singular values.
    fn svd_reduce(&mut self, max_rank: usize, to_retain: Option<usize>) {
        let mut p = max_rank;
        let q0 = to_retain.unwrap_or(p.saturating_sub(2)).min(i64::MAX as usize) as i64;
        if let Some(c0) = self.cs.first() {
            p = p.min(c0.len());
        }
        let q = q0.min(p as i64 - 1).max(0) as usize;
        let m = self.cs.len();
        if m < p {
            return;
        }
        // Modified Gram-Schmidt (twice) on the columns of D: D = Q R.
        let mut qs: Vec<Array1<f64>> = self.ds.clone();
        let mut r = Array2::<f64>::zeros((m, m));
        for k in 0..m {
            for _ in 0..2 {
                for i in 0..k {
                    let h = dot(&qs[i], &qs[k]);
                    r[(i, k)] += h;
                    let qi = qs[i].clone();
                    qs[k].scaled_add(-h, &qi);
                }
            }
            let nk = norm(&qs[k]);
            r[(k, k)] = nk;
            if nk > 0.0 {
                qs[k] /= nk;
            }
        }
        // C R^T: column k is sum_j C_j R[k, j].
        let mut cs: Vec<Array1<f64>> = (0..m)
            .map(|k| {
                let mut col = Array1::zeros(self.cs[0].len());
                for j in k..m {
                    col.scaled_add(r[(k, j)], &self.cs[j]);
                }
                col
            })
            .collect();
        // One-sided Jacobi on the columns of C R^T, the same rotations on Q.
        for _ in 0..60 {
            let mut rotated = false;
            for i in 0..m {
                for j in i + 1..m {
                    let (a, b, g) = (dot(&cs[i], &cs[i]), dot(&cs[j], &cs[j]), dot(&cs[i], &cs[j]));
                    if g == 0.0 || g.abs() <= f64::EPSILON * (a * b).sqrt() {
                        continue;
                    }
                    rotated = true;
                    let zeta = (b - a) / (2.0 * g);
                    let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                    let c = 1.0 / (1.0 + t * t).sqrt();
                    let s = c * t;
                    for v in [&mut cs, &mut qs] {
                        let (vi, vj) = (v[i].clone(), v[j].clone());
                        v[i] = &vi * c - &vj * s;
                        v[j] = &vi * s + &vj * c;
                    }
                }
            }
            if !rotated {
                break;
            }
        }
        let mut order: Vec<usize> = (0..m).collect();
        let sv: Vec<f64> = cs.iter().map(norm).collect();
        order.sort_by(|&x, &y| sv[y].total_cmp(&sv[x]));
        self.cs = order.iter().take(q).map(|&k| cs[k].clone()).collect();
        self.ds = order.iter().take(q).map(|&k| qs[k].clone()).collect();
    }
}

/// Broyden's first (`good`) or second (`bad`) method on the inverse Jacobian.
pub(super) struct Broyden {
    pub second: bool,
    pub alpha: Option<f64>,
    pub reduction: ReductionMethod,
    /// `max_rank - 1` (None: unlimited).
    pub rank: Option<usize>,
    gm: LowRank,
    last: Option<Last>,
}

impl Broyden {
    pub(super) fn new(
        second: bool,
        alpha: Option<f64>,
        reduction: ReductionMethod,
        max_rank: Option<usize>,
    ) -> Self {
        Broyden { second, alpha, reduction, rank: max_rank.map(|m| m - 1), gm: LowRank::new(0.0), last: None }
    }
}

impl JacApprox for Broyden {
    fn setup(&mut self, x: &Array1<f64>, f: &Array1<f64>) {
        let alpha = default_alpha(self.alpha, x, f);
        self.alpha = Some(alpha);
        self.gm = LowRank::new(-alpha);
        self.last = Some(Last { x: x.clone(), f: f.clone() });
    }

    fn solve(&mut self, v: &Array1<f64>) -> Result<Array1<f64>> {
        let r = self.gm.matvec(v);
        if r.iter().all(|t| t.is_finite()) {
            return Ok(r);
        }
        let last = self.last.clone().expect("setup before solve");
        self.setup(&last.x, &last.f);
        Ok(self.gm.matvec(v))
    }

    fn update(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<()> {
        let last = self.last.as_ref().expect("setup before update");
        let (dx, df, _, dfn) = deltas(last, x, f)?;
        // reduce first to preserve the secant condition
        self.gm.reduce(self.reduction, self.rank);
        let c = &dx - &self.gm.matvec(&df);
        let d = if self.second {
            &df / pysq(dfn)?
        } else {
            let v = self.gm.rmatvec(&dx);
            let s = dot(&df, &v);
            v / s
        };
        self.gm.append(c, d);
        self.last = Some(Last { x: x.clone(), f: f.clone() });
        Ok(())
    }
}

/// Anderson mixing with `M` previous steps and weight `w0`.
pub(super) struct Anderson {
    pub alpha: Option<f64>,
    pub w0: f64,
    pub m: usize,
    dx: Vec<Array1<f64>>,
    df: Vec<Array1<f64>>,
    a: Array2<f64>,
    last: Option<Last>,
}

impl Anderson {
    pub(super) fn new(alpha: Option<f64>, w0: f64, m: usize) -> Self {
        Anderson { alpha, w0, m, dx: Vec::new(), df: Vec::new(), a: Array2::zeros((0, 0)), last: None }
    }
}

impl JacApprox for Anderson {
    fn setup(&mut self, x: &Array1<f64>, f: &Array1<f64>) {
        self.alpha = Some(default_alpha(self.alpha, x, f));
        self.last = Some(Last { x: x.clone(), f: f.clone() });
    }

    fn solve(&mut self, f: &Array1<f64>) -> Result<Array1<f64>> {
        let alpha = self.alpha.expect("setup before solve");
        let mut dx = f * -alpha;
        let n = self.dx.len();
        if n == 0 {
            return Ok(dx);
        }
        let df_f: Array1<f64> = self.df.iter().map(|d| dot(d, f)).collect();
        if !self.a.iter().chain(df_f.iter()).all(|v| v.is_finite()) {
            return Err(diverged());
        }
        let Some(gamma) = dense_solve(&self.a, &df_f) else {
            self.dx.clear();
            self.df.clear();
            return Ok(dx);
        };
        for m in 0..n {
            let t = &self.dx[m] + &(&self.df[m] * alpha);
            dx.scaled_add(gamma[m], &t);
        }
        Ok(dx)
    }

    fn update(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<()> {
        let last = self.last.take().expect("setup before update");
        let (dx, df, _, _) = deltas(&last, x, f)?;
        self.last = Some(Last { x: x.clone(), f: f.clone() });
        if self.m == 0 {
            return Ok(());
        }
        self.dx.push(dx);
        self.df.push(df);
        while self.dx.len() > self.m {
            self.dx.remove(0);
            self.df.remove(0);
        }
        let n = self.dx.len();
        let mut a = Array2::zeros((n, n));
        for i in 0..n {
            for j in i..n {
                let wd = if i == j { self.w0 * self.w0 } else { 0.0 };
                a[(i, j)] = (1.0 + wd) * dot(&self.df[i], &self.df[j]);
            }
        }
        for i in 0..n {
            for j in i + 1..n {
                a[(j, i)] = a[(i, j)];
            }
        }
        self.a = a;
        Ok(())
    }
}

/// The diagonal approximations: `DiagBroyden`, `LinearMixing`, `ExcitingMixing`.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum DiagKind {
    Broyden,
    Linear,
    Exciting { alphamax: f64 },
}

pub(super) struct Diagonal {
    pub kind: DiagKind,
    pub alpha: Option<f64>,
    /// DiagBroyden's `d` (`J = -diag(d)`), ExcitingMixing's `beta` (`J^-1 = -diag(beta)`).
    v: Array1<f64>,
    last: Option<Last>,
}

impl Diagonal {
    pub(super) fn new(kind: DiagKind, alpha: Option<f64>) -> Self {
        Diagonal { kind, alpha, v: Array1::zeros(0), last: None }
    }
}

impl JacApprox for Diagonal {
    fn setup(&mut self, x: &Array1<f64>, f: &Array1<f64>) {
        let alpha = default_alpha(self.alpha, x, f);
        self.alpha = Some(alpha);
        self.v = match self.kind {
            DiagKind::Broyden => Array1::from_elem(f.len(), 1.0 / alpha),
            DiagKind::Exciting { .. } => Array1::from_elem(f.len(), alpha),
            DiagKind::Linear => Array1::zeros(0),
        };
        self.last = Some(Last { x: x.clone(), f: f.clone() });
    }

    fn solve(&mut self, f: &Array1<f64>) -> Result<Array1<f64>> {
        Ok(match self.kind {
            DiagKind::Broyden => -f / &self.v,
            DiagKind::Linear => -f * self.alpha.expect("setup before solve"),
            DiagKind::Exciting { .. } => -f * &self.v,
        })
    }

    fn update(&mut self, x: &Array1<f64>, f: &Array1<f64>) -> Result<()> {
        let last = self.last.take().expect("setup before update");
        let alpha = self.alpha.expect("setup before update");
        let (dx, df, dxn, _) = deltas(&last, x, f)?;
        match self.kind {
            DiagKind::Broyden => {
                let t = (&df + &(&self.v * &dx)) * &dx / pysq(dxn)?;
                self.v -= &t;
            }
            DiagKind::Linear => {}
            DiagKind::Exciting { alphamax } => {
                for i in 0..f.len() {
                    let b = if f[i] * last.f[i] > 0.0 { self.v[i] + alpha } else { alpha };
                    self.v[i] = b.max(0.0).min(alphamax);
                }
            }
        }
        self.last = Some(Last { x: x.clone(), f: f.clone() });
        Ok(())
    }
}
