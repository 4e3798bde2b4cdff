//! L-BFGS-B (Byrd, Lu, Nocedal, Zhu; version 3.0 of Morales and Nocedal), as SciPy's
//! `method='L-BFGS-B'`: the generalized Cauchy point along the projected steepest descent
//! path, subspace minimization over the free variables with the compact limited-memory BFGS
//! matrix (SciPy's `cauchy`, `freev`, `cmprlb`, `subsm` with the 3.0 projection), and the
//! Moré-Thuente line search (`dcsrch`, `ftol = 1e-3`, `gtol = 0.9`, `xtol = 0.1`).

use super::linesearch::dcsrch;
use crate::error::Result;
use crate::problem::{IterState, Problem, Solver, Termination, check_finite_start};
use ndarray::Array1;

/// Bound type of a variable (L-BFGS-B's `nbd`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nbd {
    Free,
    Lower,
    Both,
    Upper,
}

impl Nbd {
    fn has_lower(self) -> bool {
        matches!(self, Nbd::Lower | Nbd::Both)
    }
    fn has_upper(self) -> bool {
        matches!(self, Nbd::Upper | Nbd::Both)
    }
}

/// SciPy's message tails.
const CONV_PGTOL: &str = "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL";
const CONV_FACTR: &str = "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH";
const STOP_MAXITER: &str = "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT";
const STOP_MAXFUN: &str = "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT";
const ABNORMAL: &str = "ABNORMAL: ";

/// Why the subspace or Cauchy computations failed (L-BFGS-B then refreshes its memory).
struct Singular;

/// The pending BFGS update of the last step (L-BFGS-B does it on re-entry, after the
/// convergence tests).
struct Pending {
    s: Vec<f64>,
    y: Vec<f64>,
    gd: f64,
    gdold: f64,
    stp: f64,
    dtd: f64,
}

pub(crate) struct LBfgsB {
    m: usize,
    ftol: f64,
    pgtol: f64,
    maxls: usize,
    maxfun: usize,
    l: Vec<f64>,
    u: Vec<f64>,
    nbd: Vec<Nbd>,
    /// -1 free (unbounded), 0 free, 1 at lower, 2 at upper, 3 fixed (l == u).
    iwhere: Vec<i32>,
    cnstnd: bool,
    boxed: bool,
    /// Correction pairs, oldest first.
    s: Vec<Vec<f64>>,
    /// Correction pairs stored so far (L-BFGS-B's `iupdat`; skipped updates not counted).
    updates: usize,
    y: Vec<Vec<f64>>,
    /// `sy[i][j] = s_i . y_j` (lower triangle and diagonal used), `ss[i][j] = s_i . s_j`
    /// (upper triangle), `wt`: Cholesky factor (upper) of `theta SS + L D^-1 L^T`.
    sy: Vec<Vec<f64>>,
    ss: Vec<Vec<f64>>,
    wt: Vec<Vec<f64>>,
    theta: f64,
    sbgnrm: f64,
    fold: Option<f64>,
    pending: Option<Pending>,
    abnormal: bool,
}

impl LBfgsB {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        m: usize,
        ftol: f64,
        pgtol: f64,
        maxls: usize,
        maxfun: usize,
        l: &Array1<f64>,
        u: &Array1<f64>,
    ) -> Self {
        let n = l.len();
        let nbd: Vec<Nbd> = (0..n)
            .map(|i| match (l[i].is_finite(), u[i].is_finite()) {
                (false, false) => Nbd::Free,
                (true, false) => Nbd::Lower,
                (true, true) => Nbd::Both,
                (false, true) => Nbd::Upper,
            })
            .collect();
        let cnstnd = nbd.iter().any(|b| *b != Nbd::Free);
        let boxed = nbd.iter().all(|b| *b == Nbd::Both);
        let iwhere = (0..n)
            .map(|i| match nbd[i] {
                Nbd::Free => -1,
                Nbd::Both if u[i] - l[i] <= 0.0 => 3,
                _ => 0,
            })
            .collect();
        LBfgsB {
            m,
            ftol,
            pgtol,
            maxls,
            maxfun,
            l: l.iter().map(|v| if v.is_finite() { *v } else { 0.0 }).collect(),
            u: u.iter().map(|v| if v.is_finite() { *v } else { 0.0 }).collect(),
            nbd,
            iwhere,
            cnstnd,
            boxed,
            s: Vec::new(),
            updates: 0,
            y: Vec::new(),
            sy: Vec::new(),
            ss: Vec::new(),
            wt: Vec::new(),
            theta: 1.0,
            sbgnrm: 0.0,
            fold: None,
            pending: None,
            abnormal: false,
        }
    }

    fn col(&self) -> usize {
        self.s.len()
    }

    fn refresh(&mut self) {
        self.s.clear();
        self.y.clear();
        self.sy.clear();
        self.ss.clear();
        self.wt.clear();
        self.theta = 1.0;
    }

    /// Infinity norm of the projected gradient (`projgr`).
    fn projgr(&self, x: &Array1<f64>, g: &Array1<f64>) -> f64 {
        let mut norm = 0.0f64;
        for i in 0..x.len() {
            let mut gi = g[i];
            if gi.is_nan() {
                return f64::NAN;
            }
            if gi < 0.0 {
                if self.nbd[i].has_upper() {
                    gi = gi.max(x[i] - self.u[i]);
                }
            } else if self.nbd[i].has_lower() {
                gi = gi.min(x[i] - self.l[i]);
            }
            norm = norm.max(gi.abs());
        }
        norm
    }

    /// `v -> M v` for the middle matrix of the compact BFGS form (`bmv`).
    fn bmv(&self, v: &[f64]) -> std::result::Result<Vec<f64>, Singular> {
        let col = self.col();
        let mut p = vec![0.0; 2 * col];
        if col == 0 {
            return Ok(p);
        }
        let sy = &self.sy;
        p[col] = v[col];
        for i in 1..col {
            let sum: f64 = (0..i).map(|k| sy[i][k] * v[k] / sy[k][k]).sum();
            p[col + i] = v[col + i] + sum;
        }
        // Solve R^T p2 = p2, then R p2 = p2 (R = wt, upper triangular).
        for i in 0..col {
            if self.wt[i][i] == 0.0 {
                return Err(Singular);
            }
            let sum: f64 = (0..i).map(|k| self.wt[k][i] * p[col + k]).sum();
            p[col + i] = (p[col + i] - sum) / self.wt[i][i];
        }
        for i in 0..col {
            p[i] = v[i] / sy[i][i].sqrt();
        }
        for i in (0..col).rev() {
            let sum: f64 = (i + 1..col).map(|k| self.wt[i][k] * p[col + k]).sum();
            p[col + i] = (p[col + i] - sum) / self.wt[i][i];
        }
        for i in 0..col {
            p[i] = -p[i] / sy[i][i].sqrt();
        }
        for i in 0..col {
            let sum: f64 = (i + 1..col).map(|k| sy[k][i] * p[col + k] / sy[i][i]).sum();
            p[i] += sum;
        }
        Ok(p)
    }

    /// Row `i` of `W = [Y, theta S]`.
    fn wrow(&self, i: usize) -> Vec<f64> {
        let col = self.col();
        let mut w = vec![0.0; 2 * col];
        for j in 0..col {
            w[j] = self.y[j][i];
            w[col + j] = self.theta * self.s[j][i];
        }
        w
    }

    /// The generalized Cauchy point (`cauchy`): returns `xcp` and `c = W^T (xcp - x)`.
    fn cauchy(
        &mut self,
        x: &Array1<f64>,
        g: &Array1<f64>,
    ) -> std::result::Result<(Vec<f64>, Vec<f64>), Singular> {
        let n = x.len();
        let col = self.col();
        let theta = self.theta;
        let mut xcp = x.to_vec();
        let mut c = vec![0.0; 2 * col];
        if self.sbgnrm <= 0.0 {
            return Ok((xcp, c));
        }
        let mut bnded = true;
        let mut nfree = n;
        let mut iorder = vec![0usize; n];
        let mut t = vec![0.0; n];
        let mut nbreak = 0;
        let mut ibkmin = 0;
        let mut bkmin = 0.0;
        let mut f1 = 0.0;
        let mut d = vec![0.0; n];
        let mut p = vec![0.0; 2 * col];
        for i in 0..n {
            let neggi = -g[i];
            let (mut tl, mut tu) = (0.0, 0.0);
            if self.iwhere[i] != 3 && self.iwhere[i] != -1 {
                if self.nbd[i].has_lower() {
                    tl = x[i] - self.l[i];
                }
                if self.nbd[i].has_upper() {
                    tu = self.u[i] - x[i];
                }
                let xlower = self.nbd[i].has_lower() && tl <= 0.0;
                let xupper = self.nbd[i].has_upper() && tu <= 0.0;
                self.iwhere[i] = 0;
                if xlower {
                    if neggi <= 0.0 {
                        self.iwhere[i] = 1;
                    }
                } else if xupper {
                    if neggi >= 0.0 {
                        self.iwhere[i] = 2;
                    }
                } else if neggi.abs() <= 0.0 {
                    self.iwhere[i] = -3;
                }
            }
            if self.iwhere[i] != 0 && self.iwhere[i] != -1 {
                d[i] = 0.0;
            } else {
                d[i] = neggi;
                f1 -= neggi * neggi;
                for j in 0..col {
                    p[j] += self.y[j][i] * neggi;
                    p[col + j] += self.s[j][i] * neggi;
                }
                if self.nbd[i].has_lower() && neggi < 0.0 {
                    t[nbreak] = tl / -neggi;
                    iorder[nbreak] = i;
                    if nbreak == 0 || t[nbreak] < bkmin {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                    nbreak += 1;
                } else if self.nbd[i].has_upper() && neggi > 0.0 {
                    t[nbreak] = tu / neggi;
                    iorder[nbreak] = i;
                    if nbreak == 0 || t[nbreak] < bkmin {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                    nbreak += 1;
                } else {
                    nfree -= 1;
                    iorder[nfree] = i;
                    if neggi.abs() > 0.0 {
                        bnded = false;
                    }
                }
            }
        }
        if theta != 1.0 {
            for v in &mut p[col..] {
                *v *= theta;
            }
        }
        if nbreak == 0 && nfree == n {
            return Ok((xcp, c));
        }
        let mut f2 = -theta * f1;
        let f2_org = f2;
        if col > 0 {
            let v = self.bmv(&p)?;
            f2 -= dot(&v, &p);
        }
        let mut dtm = -f1 / f2;
        let mut tsum = 0.0;
        if nbreak > 0 {
            let mut nleft = nbreak;
            let mut iter = 1;
            let mut tj = 0.0;
            loop {
                let tj0 = tj;
                let ibp;
                if iter == 1 {
                    tj = bkmin;
                    ibp = iorder[ibkmin];
                } else {
                    if iter == 2 && ibkmin != nbreak - 1 {
                        t[ibkmin] = t[nbreak - 1];
                        iorder[ibkmin] = iorder[nbreak - 1];
                    }
                    hpsolb(&mut t[..nleft], &mut iorder[..nleft], iter == 2);
                    tj = t[nleft - 1];
                    ibp = iorder[nleft - 1];
                }
                let dt = tj - tj0;
                if dtm < dt {
                    break;
                }
                tsum += dt;
                nleft -= 1;
                iter += 1;
                let dibp = d[ibp];
                d[ibp] = 0.0;
                let zibp;
                if dibp > 0.0 {
                    zibp = self.u[ibp] - x[ibp];
                    xcp[ibp] = self.u[ibp];
                    self.iwhere[ibp] = 2;
                } else {
                    zibp = self.l[ibp] - x[ibp];
                    xcp[ibp] = self.l[ibp];
                    self.iwhere[ibp] = 1;
                }
                if nleft == 0 && nbreak == n {
                    // All n variables are fixed: xcp is the point reached.
                    dtm = dt;
                    for j in 0..2 * col {
                        c[j] += dtm * p[j];
                    }
                    return Ok((xcp, c));
                }
                let dibp2 = dibp * dibp;
                f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
                f2 -= theta * dibp2;
                if col > 0 {
                    for j in 0..2 * col {
                        c[j] += dt * p[j];
                    }
                    let wbp = self.wrow(ibp);
                    let v = self.bmv(&wbp)?;
                    let wmc = dot(&v, &c);
                    let wmp = dot(&v, &p);
                    let wmw = dot(&v, &wbp);
                    for j in 0..2 * col {
                        p[j] -= dibp * wbp[j];
                    }
                    f1 += dibp * wmc;
                    f2 += 2.0 * dibp * wmp - dibp2 * wmw;
                }
                f2 = (f64::EPSILON * f2_org).max(f2);
                if nleft > 0 {
                    dtm = -f1 / f2;
                    continue;
                } else if bnded {
                    dtm = 0.0;
                } else {
                    dtm = -f1 / f2;
                }
                break;
            }
        }
        if dtm <= 0.0 {
            dtm = 0.0;
        }
        tsum += dtm;
        for i in 0..n {
            xcp[i] += tsum * d[i];
        }
        for j in 0..2 * col {
            c[j] += dtm * p[j];
        }
        Ok((xcp, c))
    }

    /// Subspace minimization over the free variables `free` from the Cauchy point `z`
    /// (`cmprlb` + `subsm`, with L-BFGS-B 3.0's projection and backtracking).
    fn subspace(
        &self,
        x: &Array1<f64>,
        g: &Array1<f64>,
        z: &mut [f64],
        c: &[f64],
        free: &[usize],
    ) -> std::result::Result<(), Singular> {
        let col = self.col();
        let theta = self.theta;
        // Reduced gradient r = -Z^T (B (z - x) + g).
        let mut r: Vec<f64> = if !self.cnstnd {
            free.iter().map(|&k| -g[k]).collect()
        } else {
            let wmc = self.bmv(c)?;
            free.iter()
                .map(|&k| {
                    let mut v = -theta * (z[k] - x[k]) - g[k];
                    for j in 0..col {
                        v += self.y[j][k] * wmc[j] + self.s[j][k] * theta * wmc[col + j];
                    }
                    v
                })
                .collect()
        };
        // d = B_Z^-1 r by Sherman-Morrison-Woodbury: with W_Z = Z^T [Y, theta S] and
        // K = M^-1 - W_Z^T W_Z / theta (the matrix L-BFGS-B's formk factorizes),
        // d = r / theta + W_Z K^-1 W_Z^T r / theta^2.
        let nsub = free.len();
        let w2 = 2 * col;
        // W_Z^T, one contiguous row per column of W_Z: row j < col is y_j, row col + j is
        // theta s_j, at the free variables.
        let mut wzt = vec![0.0; w2 * nsub];
        {
            let (wy, ws) = wzt.split_at_mut(col * nsub);
            for j in 0..col {
                let (yj, sj) = (&self.y[j], &self.s[j]);
                let ry = &mut wy[j * nsub..(j + 1) * nsub];
                let rs = &mut ws[j * nsub..(j + 1) * nsub];
                for ((a, b), &f) in ry.iter_mut().zip(rs.iter_mut()).zip(free) {
                    *a = yj[f];
                    *b = theta * sj[f];
                }
            }
        }
        let row = |a: usize| &wzt[a * nsub..(a + 1) * nsub];
        let mut k = vec![vec![0.0; w2]; w2];
        for i in 0..col {
            k[i][i] = -self.sy[i][i];
            for j in 0..col {
                // M^-1 = [[-D, L^T], [L, theta S^T S]].
                if i > j {
                    k[col + i][j] = self.sy[i][j];
                    k[j][col + i] = self.sy[i][j];
                }
                let ssij = if i <= j { self.ss[i][j] } else { self.ss[j][i] };
                k[col + i][col + j] = theta * ssij;
            }
        }
        // The Gram matrix W_Z^T W_Z is symmetric: each inner product once.
        for a in 0..w2 {
            for b in a..w2 {
                let s = dot(row(a), row(b));
                k[a][b] -= s / theta;
                if b != a {
                    k[b][a] -= s / theta;
                }
            }
        }
        let mut wv: Vec<f64> = (0..w2).map(|a| dot(row(a), &r)).collect();
        solve_dense(&mut k, &mut wv)?;
        for (i, ri) in r.iter_mut().enumerate() {
            let corr: f64 = (0..w2).map(|a| wzt[a * nsub + i] * wv[a]).sum();
            *ri = (*ri + corr / theta) / theta;
        }
        let d = r;
        // Projection of z + d onto the box; if that is not a descent direction, backtrack.
        let xp: Vec<f64> = z.to_vec();
        let mut iword = false;
        for (i, &k) in free.iter().enumerate() {
            let xk = z[k] + d[i];
            z[k] = match self.nbd[k] {
                Nbd::Free => xk,
                Nbd::Lower => xk.max(self.l[k]),
                Nbd::Both => xk.max(self.l[k]).min(self.u[k]),
                Nbd::Upper => xk.min(self.u[k]),
            };
            if (self.nbd[k].has_lower() && z[k] == self.l[k])
                || (self.nbd[k].has_upper() && z[k] == self.u[k])
            {
                iword = true;
            }
        }
        if !iword {
            return Ok(());
        }
        let dd_p: f64 = (0..x.len()).map(|i| (z[i] - x[i]) * g[i]).sum();
        if dd_p <= 0.0 {
            return Ok(());
        }
        z.copy_from_slice(&xp);
        let mut d = d;
        let mut alpha = 1.0f64;
        let mut temp1 = alpha;
        let mut ibd = None;
        for (i, &k) in free.iter().enumerate() {
            let dk = d[i];
            if self.nbd[k] != Nbd::Free {
                if dk < 0.0 && self.nbd[k].has_lower() {
                    let temp2 = self.l[k] - z[k];
                    if temp2 >= 0.0 {
                        temp1 = 0.0;
                    } else if dk * alpha < temp2 {
                        temp1 = temp2 / dk;
                    }
                } else if dk > 0.0 && self.nbd[k].has_upper() {
                    let temp2 = self.u[k] - z[k];
                    if temp2 <= 0.0 {
                        temp1 = 0.0;
                    } else if dk * alpha > temp2 {
                        temp1 = temp2 / dk;
                    }
                }
                if temp1 < alpha {
                    alpha = temp1;
                    ibd = Some(i);
                }
            }
        }
        if alpha < 1.0 {
            if let Some(i) = ibd {
                let k = free[i];
                if d[i] > 0.0 {
                    z[k] = self.u[k];
                    d[i] = 0.0;
                } else if d[i] < 0.0 {
                    z[k] = self.l[k];
                    d[i] = 0.0;
                }
            }
        }
        for (i, &k) in free.iter().enumerate() {
            z[k] += alpha * d[i];
        }
        Ok(())
    }

    /// The stored correction pairs as SciPy hands them to `LbfgsInvHessProduct`: in the slots
    /// of L-BFGS-B's circular storage (update `u` in slot `u mod m`); before the first update
    /// there are no pairs and the operator is the identity.
    pub(crate) fn inv_hess_product(&self) -> Option<super::lbfgs_inv::LbfgsInvHessProduct> {
        let (col, n) = (self.col(), self.l.len());
        let mut sk = ndarray::Array2::zeros((col, n));
        let mut yk = ndarray::Array2::zeros((col, n));
        for (i, (s, y)) in self.s.iter().zip(&self.y).enumerate() {
            let slot = (self.updates - col + i) % self.m;
            sk.row_mut(slot).assign(&ndarray::ArrayView1::from(s));
            yk.row_mut(slot).assign(&ndarray::ArrayView1::from(y));
        }
        super::lbfgs_inv::LbfgsInvHessProduct::new(&sk, &yk).ok()
    }

    /// Adds the correction pair and refactors `T` (`matupd` + `formt`).
    fn update(&mut self, p: Pending) -> std::result::Result<(), Singular> {
        let rr = dot(&p.y, &p.y);
        let (dr, ddum) = if p.stp == 1.0 {
            (p.gd - p.gdold, -p.gdold)
        } else {
            ((p.gd - p.gdold) * p.stp, -p.gdold * p.stp)
        };
        if dr <= f64::EPSILON * ddum {
            return Ok(()); // skip the update
        }
        if self.col() == self.m {
            self.s.remove(0);
            self.y.remove(0);
            self.sy.remove(0);
            self.ss.remove(0);
            for row in self.sy.iter_mut().chain(self.ss.iter_mut()) {
                row.remove(0);
            }
        }
        let ssnew = if p.stp == 1.0 { p.dtd } else { p.stp * p.stp * p.dtd };
        let col = self.col() + 1;
        for row in self.sy.iter_mut().chain(self.ss.iter_mut()) {
            row.push(0.0);
        }
        let mut syrow = vec![0.0; col];
        let mut sscol = vec![0.0; col];
        for j in 0..col - 1 {
            syrow[j] = dot(&p.s, &self.y[j]);
            sscol[j] = dot(&self.s[j], &p.s);
        }
        syrow[col - 1] = dr;
        let mut ssrow = vec![0.0; col];
        ssrow[col - 1] = ssnew;
        for (j, v) in sscol.iter().enumerate().take(col - 1) {
            self.ss[j][col - 1] = *v;
        }
        self.sy.push(syrow);
        self.ss.push(ssrow);
        self.s.push(p.s);
        self.y.push(p.y);
        self.updates += 1;
        self.theta = rr / dr;
        // formt: T = theta SS + L D^-1 L^T (upper), Cholesky T = R^T R.
        let theta = self.theta;
        let mut wt = vec![vec![0.0; col]; col];
        for j in 0..col {
            wt[0][j] = theta * self.ss[0][j];
        }
        for i in 1..col {
            for j in i..col {
                let k1 = i.min(j);
                let ddum: f64 = (0..k1).map(|k| self.sy[i][k] * self.sy[j][k] / self.sy[k][k]).sum();
                wt[i][j] = ddum + theta * self.ss[i][j];
            }
        }
        // LINPACK dpofa.
        for j in 0..col {
            let mut s = 0.0;
            for k in 0..j {
                let mut t = wt[k][j] - (0..k).map(|i| wt[i][k] * wt[i][j]).sum::<f64>();
                t /= wt[k][k];
                wt[k][j] = t;
                s += t * t;
            }
            let s = wt[j][j] - s;
            if s <= 0.0 {
                return Err(Singular);
            }
            wt[j][j] = s.sqrt();
        }
        self.wt = wt;
        Ok(())
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Gaussian elimination with partial pivoting, in place (`b` becomes the solution).
fn solve_dense(a: &mut [Vec<f64>], b: &mut [f64]) -> std::result::Result<(), Singular> {
    let n = b.len();
    for k in 0..n {
        let piv = (k..n).max_by(|&i, &j| a[i][k].abs().total_cmp(&a[j][k].abs())).unwrap_or(k);
        if a[piv][k] == 0.0 || !a[piv][k].is_finite() {
            return Err(Singular);
        }
        a.swap(k, piv);
        b.swap(k, piv);
        for i in k + 1..n {
            let f = a[i][k] / a[k][k];
            for j in k..n {
                a[i][j] -= f * a[k][j];
            }
            b[i] -= f * b[k];
        }
    }
    for k in (0..n).rev() {
        let s: f64 = (k + 1..n).map(|j| a[k][j] * b[j]).sum();
        b[k] = (b[k] - s) / a[k][k];
    }
    Ok(())
}

/// `hpsolb`: heap step putting the least of `t` last (building the heap first when `build`).
fn hpsolb(t: &mut [f64], iorder: &mut [usize], build: bool) {
    let n = t.len();
    if build {
        for k in 1..n {
            let ddum = t[k];
            let indxin = iorder[k];
            let mut i = k + 1; // 1-based
            while i > 1 {
                let j = i / 2;
                if ddum < t[j - 1] {
                    t[i - 1] = t[j - 1];
                    iorder[i - 1] = iorder[j - 1];
                    i = j;
                } else {
                    break;
                }
            }
            t[i - 1] = ddum;
            iorder[i - 1] = indxin;
        }
    }
    if n > 1 {
        let mut i = 1;
        let out = t[0];
        let indxou = iorder[0];
        let ddum = t[n - 1];
        let indxin = iorder[n - 1];
        loop {
            let mut j = i + i;
            if j < n {
                if t[j] < t[j - 1] {
                    j += 1;
                }
                if t[j - 1] < ddum {
                    t[i - 1] = t[j - 1];
                    iorder[i - 1] = iorder[j - 1];
                    i = j;
                    continue;
                }
            }
            break;
        }
        t[i - 1] = ddum;
        iorder[i - 1] = indxin;
        t[n - 1] = out;
        iorder[n - 1] = indxou;
    }
}

impl Solver for LBfgsB {
    fn init(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        // x0 was clipped to the bounds by `minimize`, as SciPy does.
        let f0 = problem.fun(&state.x);
        check_finite_start(f0)?;
        let g0 = problem.grad(&state.x);
        self.sbgnrm = self.projgr(&state.x, &g0);
        state.fun = f0;
        state.jac = Some(g0);
        Ok(())
    }

    fn next_iter(&mut self, problem: &mut Problem<'_>, state: &mut IterState) -> Result<()> {
        if let Some(p) = self.pending.take() {
            if self.update(p).is_err() {
                self.refresh();
            }
        }
        let n = state.x.len();
        loop {
            let x = state.x.clone();
            let g = state.jac.clone().expect("initialized");
            let col = self.col();
            let (mut z, c, free): (Vec<f64>, Vec<f64>, Vec<usize>) = if !self.cnstnd && col > 0 {
                (x.to_vec(), Vec::new(), (0..n).collect())
            } else {
                match self.cauchy(&x, &g) {
                    Ok((z, c)) => {
                        let free = (0..n).filter(|&i| self.iwhere[i] <= 0).collect();
                        (z, c, free)
                    }
                    Err(Singular) => {
                        self.refresh();
                        continue;
                    }
                }
            };
            if !free.is_empty() && col > 0 && self.subspace(&x, &g, &mut z, &c, &free).is_err() {
                self.refresh();
                continue;
            }
            let d: Array1<f64> = (0..n).map(|i| z[i] - x[i]).collect();
            // Line search (lnsrlb).
            let dtd = d.dot(&d);
            let dnorm = dtd.sqrt();
            let mut stpmx = 1e10;
            if self.cnstnd {
                if state.nit == 0 {
                    stpmx = 1.0;
                } else {
                    for i in 0..n {
                        let a1 = d[i];
                        if self.nbd[i] == Nbd::Free {
                            continue;
                        }
                        if a1 < 0.0 && self.nbd[i].has_lower() {
                            let a2 = self.l[i] - x[i];
                            if a2 >= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx < a2 {
                                stpmx = a2 / a1;
                            }
                        } else if a1 > 0.0 && self.nbd[i].has_upper() {
                            let a2 = self.u[i] - x[i];
                            if a2 <= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx > a2 {
                                stpmx = a2 / a1;
                            }
                        }
                    }
                }
            }
            let stp0 = if state.nit == 0 && !self.boxed { (1.0 / dnorm).min(stpmx) } else { 1.0 };
            let gdold = g.dot(&d);
            let fold = state.fun;
            let mut last: Option<(f64, f64, Array1<f64>, Array1<f64>)> = None;
            let ls = if gdold >= 0.0 {
                None
            } else {
                let zarr = Array1::from(z.clone());
                let mut phi = |stp: f64| {
                    let xs = if stp == 1.0 { zarr.clone() } else { &x + &(&d * stp) };
                    let f = problem.fun(&xs);
                    let gs = problem.grad(&xs);
                    let gd = gs.dot(&d);
                    last = Some((stp, f, xs, gs));
                    (f, gd)
                };
                dcsrch(&mut phi, stp0, fold, gdold, 1e-3, 0.9, 0.1, 0.0, stpmx, self.maxls, true)
            };
            match (ls, last) {
                (Some((stp, f)), Some((lstp, _, xs, gs))) if lstp == stp => {
                    let gd = gs.dot(&d);
                    let s: Vec<f64> =
                        if stp == 1.0 { d.to_vec() } else { d.iter().map(|v| v * stp).collect() };
                    let y: Vec<f64> = (0..n).map(|i| gs[i] - g[i]).collect();
                    self.pending = Some(Pending { s, y, gd, gdold, stp, dtd });
                    self.fold = Some(fold);
                    self.sbgnrm = self.projgr(&xs, &gs);
                    state.x = xs;
                    state.fun = f;
                    state.jac = Some(gs);
                    state.nit += 1;
                    return Ok(());
                }
                _ => {
                    // Line search failed: keep the previous iterate.
                    if self.col() == 0 {
                        // Already steepest descent: give up (SciPy does not count this pass).
                        self.abnormal = true;
                        return Ok(());
                    }
                    self.refresh();
                }
            }
        }
    }

    fn terminate(&mut self, problem: &Problem<'_>, state: &IterState) -> Option<Termination> {
        if self.abnormal {
            return Some(Termination::new(2, ABNORMAL));
        }
        if state.nit > 0 {
            if state.nit >= state.maxiter {
                return Some(Termination::new(1, STOP_MAXITER));
            }
            if problem.nfev > self.maxfun {
                return Some(Termination::new(1, STOP_MAXFUN));
            }
        }
        if self.sbgnrm <= self.pgtol {
            return Some(Termination::new(0, CONV_PGTOL));
        }
        if let Some(fold) = self.fold {
            let f = state.fun;
            // tol = factr * epsmch with factr = ftol / eps, as SciPy passes it.
            let tol = self.ftol / f64::EPSILON * f64::EPSILON;
            if fold - f <= tol * fold.abs().max(f.abs()).max(1.0) {
                return Some(Termination::new(0, CONV_FACTR));
            }
        }
        if self.sbgnrm.is_nan() || state.fun.is_nan() {
            return Some(Termination::new(2, ABNORMAL));
        }
        None
    }
}
