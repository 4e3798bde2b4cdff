//! SciPy's `projections` for a dense constraint Jacobian `A` (`m x n`, `m <= n`): the null-space
//! projector `Z x = x - A^T (A A^T)^{-1} A x` (with iterative refinement), the least-squares
//! multipliers `LS x = (A A^T)^{-1} A x` and the row-space map `Y x = A^T (A A^T)^{-1} x`, by a
//! QR factorization of `A^T` with column pivoting (SciPy's `QRFactorization`), falling back to an
//! SVD of `A` when `A` is rank deficient (SciPy's `SVDFactorization`).

use crate::error::{OptimizeError, Result};
use ndarray::{Array1, Array2, s};

const ORTH_TOL: f64 = 1e-12;
const MAX_REFIN: usize = 3;
const TOL: f64 = 1e-15;

enum Factor {
    /// `m == 0`.
    Empty,
    /// `A^T P = Q R`: `Q` `n x m`, `R` `m x m` upper triangular, `perm[i]` the column of `A^T`
    /// in position `i`.
    Qr { q: Array2<f64>, r: Array2<f64>, perm: Vec<usize> },
    /// `A = U diag(s) V^T` with the singular values above `TOL` kept.
    Svd { u: Array2<f64>, s: Array1<f64>, vt: Array2<f64> },
}

/// The three operators of `projections(A)`.
pub(crate) struct Projections {
    a: Array2<f64>,
    factor: Factor,
}

/// Householder QR with column pivoting of `m` (`rows >= cols`), economic.
fn qr_pivoted(mut r: Array2<f64>) -> (Array2<f64>, Array2<f64>, Vec<usize>) {
    let (rows, cols) = r.dim();
    let k = rows.min(cols);
    let mut perm: Vec<usize> = (0..cols).collect();
    let mut vs: Vec<(Array1<f64>, f64)> = Vec::with_capacity(k);
    for j in 0..k {
        // Pivot: the remaining column of largest norm.
        let norms: Vec<f64> = (j..cols).map(|c| r.slice(s![j.., c]).dot(&r.slice(s![j.., c]))).collect();
        let mut best = 0;
        for (i, &v) in norms.iter().enumerate() {
            if v > norms[best] {
                best = i;
            }
        }
        let p = j + best;
        if p != j {
            for i in 0..rows {
                r.swap([i, j], [i, p]);
            }
            perm.swap(j, p);
        }
        let x = r.slice(s![j.., j]).to_owned();
        let alpha = x[0];
        let xnorm = x.slice(s![1..]).dot(&x.slice(s![1..])).sqrt();
        if xnorm == 0.0 {
            vs.push((Array1::zeros(rows - j), 0.0));
            continue;
        }
        let beta = -alpha.signum() * alpha.hypot(xnorm);
        let tau = (beta - alpha) / beta;
        let mut v = x / (alpha - beta);
        v[0] = 1.0;
        // Apply H = I - tau v v^T to the trailing columns.
        for c in j..cols {
            let w = tau * v.dot(&r.slice(s![j.., c]));
            for i in j..rows {
                r[[i, c]] -= w * v[i - j];
            }
        }
        r[[j, j]] = beta;
        for i in j + 1..rows {
            r[[i, j]] = 0.0;
        }
        vs.push((v, tau));
    }
    // Q = H_0 H_1 ... H_{k-1} applied to the first k columns of the identity.
    let mut q = Array2::<f64>::zeros((rows, k));
    for i in 0..k {
        q[[i, i]] = 1.0;
    }
    for (j, (v, tau)) in vs.iter().enumerate().rev() {
        for c in 0..k {
            let w = tau * v.dot(&q.slice(s![j.., c]));
            for i in j..rows {
                q[[i, c]] -= w * v[i - j];
            }
        }
    }
    (q, r.slice(s![..k, ..]).to_owned(), perm)
}

/// One-sided Jacobi SVD of `a` (`m x n`, `m <= n`): `a = U diag(s) V^T` with `U` `m x m`.
fn svd_jacobi(a: &Array2<f64>) -> (Array2<f64>, Array1<f64>, Array2<f64>) {
    // Orthogonalize the columns of W = A^T (n x m); rotations accumulate in U (m x m).
    let mut w = a.t().to_owned();
    let (n, m) = w.dim();
    let mut u = Array2::<f64>::eye(m);
    for _sweep in 0..60 {
        let mut off = 0.0f64;
        for p in 0..m {
            for q in p + 1..m {
                let alpha = w.column(p).dot(&w.column(p));
                let beta = w.column(q).dot(&w.column(q));
                let gamma = w.column(p).dot(&w.column(q));
                if gamma == 0.0 {
                    continue;
                }
                off = off.max(gamma.abs() / (alpha * beta).sqrt());
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let t = if zeta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (1.0 + t * t).sqrt();
                let sn = c * t;
                for i in 0..n {
                    let (x, y) = (w[[i, p]], w[[i, q]]);
                    w[[i, p]] = c * x - sn * y;
                    w[[i, q]] = sn * x + c * y;
                }
                for i in 0..m {
                    let (x, y) = (u[[i, p]], u[[i, q]]);
                    u[[i, p]] = c * x - sn * y;
                    u[[i, q]] = sn * x + c * y;
                }
            }
        }
        if off < 1e-15 {
            break;
        }
    }
    let sv: Array1<f64> = (0..m).map(|j| w.column(j).dot(&w.column(j)).sqrt()).collect();
    let mut vt = Array2::<f64>::zeros((m, n));
    for j in 0..m {
        if sv[j] > 0.0 {
            for i in 0..n {
                vt[[j, i]] = w[[i, j]] / sv[j];
            }
        }
    }
    (u, sv, vt)
}

fn solve_upper(r: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let m = b.len();
    let mut x = b.clone();
    for i in (0..m).rev() {
        let mut acc = x[i];
        for j in i + 1..m {
            acc -= r[[i, j]] * x[j];
        }
        x[i] = acc / r[[i, i]];
    }
    x
}

fn solve_upper_t(r: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let m = b.len();
    let mut x = b.clone();
    for i in 0..m {
        let mut acc = x[i];
        for j in 0..i {
            acc -= r[[j, i]] * x[j];
        }
        x[i] = acc / r[[i, i]];
    }
    x
}

fn norm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

impl Projections {
    /// `projections(A)`.
    pub(crate) fn new(a: &Array2<f64>) -> Result<Self> {
        let (m, n) = a.dim();
        if m == 0 {
            return Ok(Projections { a: a.clone(), factor: Factor::Empty });
        }
        if m > n {
            return Err(OptimizeError::InvalidValue {
                arg: "constraints",
                reason: format!(
                    "{m} equality constraints (including the equality forms of the inequalities) on {n} \
                     variables: more equality constraints than independent variables"
                ),
            });
        }
        let (q, r, perm) = qr_pivoted(a.t().to_owned());
        let last = r.row(m - 1).iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
        let factor = if last < TOL {
            let (u, sv, vt) = svd_jacobi(a);
            let keep: Vec<usize> = (0..m).filter(|&j| sv[j] > TOL).collect();
            Factor::Svd {
                u: u.select(ndarray::Axis(1), &keep),
                s: sv.select(ndarray::Axis(0), &keep),
                vt: vt.select(ndarray::Axis(0), &keep),
            }
        } else {
            Factor::Qr { q, r, perm }
        };
        Ok(Projections { a: a.clone(), factor })
    }

    /// `inv(A A^T) A x`.
    pub(crate) fn least_squares(&self, x: &Array1<f64>) -> Array1<f64> {
        match &self.factor {
            Factor::Empty => Array1::zeros(0),
            Factor::Qr { q, r, perm } => {
                let aux = solve_upper(r, &q.t().dot(x));
                let mut z = Array1::zeros(perm.len());
                for (i, &p) in perm.iter().enumerate() {
                    z[p] = aux[i];
                }
                z
            }
            Factor::Svd { u, s, vt } => u.dot(&(vt.dot(x) / s)),
        }
    }

    /// `A^T inv(A A^T) x`.
    pub(crate) fn row_space(&self, x: &Array1<f64>) -> Array1<f64> {
        match &self.factor {
            Factor::Empty => Array1::zeros(self.a.ncols()),
            Factor::Qr { q, r, perm } => {
                let aux: Array1<f64> = perm.iter().map(|&p| x[p]).collect();
                q.dot(&solve_upper_t(r, &aux))
            }
            Factor::Svd { u, s, vt } => vt.t().dot(&(u.t().dot(x) / s)),
        }
    }

    fn orthogonality(&self, g: &Array1<f64>) -> f64 {
        let ng = norm(g);
        let na = self.a.iter().map(|v| v * v).sum::<f64>().sqrt();
        if ng == 0.0 || na == 0.0 {
            return 0.0;
        }
        norm(&self.a.dot(g)) / (na * ng)
    }

    /// `x - A^T inv(A A^T) A x`, refined as SciPy does.
    pub(crate) fn null_space(&self, x: &Array1<f64>) -> Array1<f64> {
        if matches!(self.factor, Factor::Empty) {
            return x.clone();
        }
        let mut z = x - &self.a.t().dot(&self.least_squares(x));
        let mut k = 0;
        while self.orthogonality(&z) > ORTH_TOL {
            if k >= MAX_REFIN {
                break;
            }
            z = &z - &self.a.t().dot(&self.least_squares(&z));
            k += 1;
        }
        z
    }
}
