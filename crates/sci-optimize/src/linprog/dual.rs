//! A bounded dual simplex method (Koberstein's formulation, as in HiGHS's `HEkkDual`): dual
//! steepest-edge pricing, a bound-flipping ratio test with Harris tolerances, basis updates
//! (Forrest-Tomlin on the sparse LU, product form on the dense LU), and dual phase 1 by the
//! auxiliary box problem.
//!
//! The problem is `min c^T x` subject to `A x + s = 0`, `lo <= (x, s) <= up` with one logical
//! `s_i = -(A x)_i` per row; the logicals form the starting basis.

use super::lu::BasisLu;
use super::row::{Moves, PivotRow};
use super::sparse::Cs;

/// Primal feasibility tolerance (HiGHS's `primal_feasibility_tolerance`).
pub(crate) const PRIMAL_TOL: f64 = 1e-7;
/// Dual feasibility tolerance (HiGHS's `dual_feasibility_tolerance`).
pub(crate) const DUAL_TOL: f64 = 1e-7;
/// Smallest pivot-row entry taken in the ratio test.
pub(crate) const PIVOT_TOL: f64 = 1e-9;
/// Basis updates between refactorizations.
const REFACTOR_EVERY: usize = 64;

/// Harris's bound of one ratio-test candidate: the step that moves its reduced cost `d` (pivot
/// row entry `a`, sign-adjusted) to the dual feasibility tolerance.
#[inline]
pub(crate) fn harris_bound(d: f64, a: f64) -> f64 {
    ((d * a.signum()).max(0.0) + DUAL_TOL) / a.abs()
}

/// An LP in the solver's form: `m` rows of a sparse `A`, kept both row- and column-wise.
#[derive(Debug, Clone)]
pub(crate) struct StdLp {
    pub(crate) n: usize,
    pub(crate) m: usize,
    /// `A` by rows (`m` lanes of column indices).
    pub(crate) rows: Cs,
    /// `A` by columns (`n` lanes of row indices).
    pub(crate) cols: Cs,
    /// Cost of the structurals.
    pub(crate) c: Vec<f64>,
    /// Bounds of structurals then logicals (`n + m`).
    pub(crate) lo: Vec<f64>,
    /// Upper bounds, as `lo`.
    pub(crate) up: Vec<f64>,
    /// Factorize bases with the sparse LU (`A` is sparse enough).
    pub(crate) sparse_lu: bool,
}

impl StdLp {
    /// From `A` by rows (`m x n`), costs, column bounds and row-activity bounds `rl <= A x <= ru`.
    pub(crate) fn new(
        m: usize,
        n: usize,
        rows: Cs,
        c: Vec<f64>,
        bounds: (Vec<f64>, Vec<f64>),
        rl: &[f64],
        ru: &[f64],
    ) -> Self {
        let cols = rows.transpose(n);
        let (mut lo, mut up) = bounds;
        lo.extend(ru.iter().map(|&v| -v));
        up.extend(rl.iter().map(|&v| -v));
        // Dense bases factorize faster densely; most bases of a sparse A stay sparse.
        let sparse_lu = (rows.idx.len() as f64) < 0.3 * (m as f64) * (n as f64);
        StdLp { n, m, rows, cols, c, lo, up, sparse_lu }
    }
}

/// Where a variable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VarState {
    /// In the basis.
    Basic,
    /// Nonbasic at its lower bound.
    Lower,
    /// Nonbasic at its upper bound.
    Upper,
    /// Nonbasic free variable at zero.
    Zero,
}

/// How a solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Optimal,
    Infeasible,
    Unbounded,
    IterationLimit,
    Numerical,
}

/// The state of the dual simplex on one [`StdLp`] (bounds can be changed between solves, as
/// branch and bound does; the basis is kept: a warm start).
#[derive(Debug, Clone)]
pub(crate) struct DualSimplex<'a> {
    pub(crate) lp: &'a StdLp,
    pub(crate) lo: Vec<f64>,
    pub(crate) up: Vec<f64>,
    cost: Vec<f64>,
    pub(crate) head: Vec<usize>,
    pub(crate) state: Vec<VarState>,
    pub(crate) x: Vec<f64>,
    pub(crate) d: Vec<f64>,
    weights: Vec<f64>,
    lu: BasisLu,
    pub(crate) nit: usize,
    work: Vec<f64>,
}

/// The bound a nonbasic variable sits at: the one its reduced cost `d` points to when boxed.
pub(crate) fn nonbasic_state(lo: f64, up: f64, d: f64) -> VarState {
    match (lo.is_finite(), up.is_finite()) {
        (true, true) => {
            if lo == up || d >= 0.0 {
                VarState::Lower
            } else {
                VarState::Upper
            }
        }
        (true, false) => VarState::Lower,
        (false, true) => VarState::Upper,
        (false, false) => VarState::Zero,
    }
}

impl<'a> DualSimplex<'a> {
    /// The slack basis.
    pub(crate) fn new(lp: &'a StdLp) -> Self {
        let (n, m) = (lp.n, lp.m);
        let mut cost = lp.c.clone();
        cost.resize(n + m, 0.0);
        let mut state = vec![VarState::Lower; n + m];
        state[n..].iter_mut().for_each(|s| *s = VarState::Basic);
        DualSimplex {
            lp,
            lo: lp.lo.clone(),
            up: lp.up.clone(),
            cost,
            head: (n..n + m).collect(),
            state,
            x: vec![0.0; n + m],
            d: vec![0.0; n + m],
            weights: vec![1.0; m],
            lu: BasisLu::new(lp.sparse_lu),
            nit: 0,
            work: Vec::new(),
        }
    }

    /// Column `j` of `[A I]` added into `out` times `scale`.
    fn add_column(&self, j: usize, scale: f64, out: &mut [f64]) {
        let n = self.lp.n;
        if j < n {
            let (idx, val) = self.lp.cols.lane(j);
            for (&i, &a) in idx.iter().zip(val) {
                out[i] += scale * a;
            }
        } else {
            out[j - n] += scale;
        }
    }

    /// Factorize the basis, replacing dependent columns by logicals.
    fn refactor(&mut self) {
        let m = self.lp.m;
        loop {
            let (lp, head) = (self.lp, &self.head);
            let n = lp.n;
            let res = self.lu.factor(m, |k, idx, val| {
                let j = head[k];
                if j < n {
                    let (i, v) = lp.cols.lane(j);
                    idx.extend_from_slice(i);
                    val.extend_from_slice(v);
                } else {
                    idx.push(j - n);
                    val.push(1.0);
                }
            });
            match res {
                Ok(()) => return,
                Err(s) => {
                    // Swap the dependent column for the logical of an uncovered row.
                    let row = s
                        .rows
                        .iter()
                        .copied()
                        .find(|&i| self.state[n + i] != VarState::Basic)
                        .unwrap_or(s.rows[0]);
                    let out = self.head[s.col];
                    let (l, u) = (self.lo[out], self.up[out]);
                    self.state[out] = nonbasic_state(l, u, self.d[out]);
                    self.x[out] = self.nonbasic_value(out);
                    self.head[s.col] = n + row;
                    self.state[n + row] = VarState::Basic;
                    self.weights[s.col] = 1.0;
                }
            }
        }
    }

    fn nonbasic_value(&self, j: usize) -> f64 {
        match self.state[j] {
            VarState::Lower => self.lo[j],
            VarState::Upper => self.up[j],
            VarState::Zero => 0.0,
            VarState::Basic => self.x[j],
        }
    }

    /// `x_B = -B^{-1} N x_N`.
    fn compute_primal(&mut self) {
        let m = self.lp.m;
        let mut rhs = vec![0.0; m];
        for j in 0..self.x.len() {
            if self.state[j] != VarState::Basic {
                let v = self.nonbasic_value(j);
                self.x[j] = v;
                if v != 0.0 {
                    self.add_column(j, -v, &mut rhs);
                }
            }
        }
        self.lu.ftran(&mut rhs, &mut self.work);
        for (i, &j) in self.head.iter().enumerate() {
            self.x[j] = rhs[i];
        }
    }

    /// `y = B^{-T} c_B`, `d = c - [A I]^T y`; returns `y`.
    pub(crate) fn compute_dual(&mut self) -> Vec<f64> {
        let (n, m) = (self.lp.n, self.lp.m);
        let mut y: Vec<f64> = self.head.iter().map(|&j| self.cost[j]).collect();
        self.lu.btran(&mut y, &mut self.work);
        for j in 0..n {
            self.d[j] = self.cost[j] - self.lp.cols.dot(j, &y);
        }
        for i in 0..m {
            self.d[n + i] = self.cost[n + i] - y[i];
        }
        for &j in &self.head {
            self.d[j] = 0.0;
        }
        y
    }

    /// Place every nonbasic variable at the bound its reduced cost asks for.
    fn place_nonbasics(&mut self) {
        for j in 0..self.x.len() {
            if self.state[j] != VarState::Basic {
                self.state[j] = nonbasic_state(self.lo[j], self.up[j], self.d[j]);
            }
        }
    }

    /// The largest dual infeasibility of the nonbasic variables.
    fn dual_infeasibility(&self) -> f64 {
        let mut worst = 0.0f64;
        for j in 0..self.x.len() {
            let d = self.d[j];
            let (l, u) = (self.lo[j], self.up[j]);
            let v = match self.state[j] {
                VarState::Basic => 0.0,
                _ if l == u => 0.0,
                _ => {
                    let mut v = 0.0f64;
                    if !l.is_finite() || (u.is_finite() && self.state[j] == VarState::Upper) {
                        v = v.max(d);
                    }
                    if !u.is_finite() || (l.is_finite() && self.state[j] == VarState::Lower) {
                        v = v.max(-d);
                    }
                    v
                }
            };
            worst = worst.max(v);
        }
        worst
    }

    /// Solve from the current basis. `max_iter` counts all simplex iterations.
    pub(crate) fn solve(&mut self, max_iter: usize) -> Outcome {
        self.refactor();
        let mut perturbed = true;
        for _attempt in 0..20 {
            self.compute_dual();
            let infeasible_dual = {
                // Reduced costs with the wrong sign for a variable that cannot flip.
                let mut bad = false;
                for j in 0..self.x.len() {
                    if self.state[j] == VarState::Basic {
                        continue;
                    }
                    let (l, u, d) = (self.lo[j], self.up[j], self.d[j]);
                    if (d < -DUAL_TOL && !u.is_finite()) || (d > DUAL_TOL && !l.is_finite()) {
                        bad = true;
                        break;
                    }
                }
                bad
            };
            if infeasible_dual {
                match self.phase1(max_iter) {
                    Outcome::Optimal => {}
                    other => return other,
                }
            }
            self.place_nonbasics();
            self.compute_primal();
            if perturbed {
                self.perturb();
                perturbed = false;
            }
            let out = self.phase2(max_iter);
            self.reset_costs();
            if out != Outcome::Optimal {
                return out;
            }
            self.refactor();
            self.compute_dual();
            self.compute_primal();
            if self.dual_infeasibility() <= DUAL_TOL && self.primal_infeasibility() <= PRIMAL_TOL {
                return Outcome::Optimal;
            }
        }
        Outcome::Numerical
    }

    /// Small cost perturbations against dual degeneracy (removed before the final iterations).
    fn perturb(&mut self) {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for j in 0..self.lp.n {
            if self.state[j] == VarState::Basic || self.lo[j] == self.up[j] {
                continue;
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let r = ((seed >> 11) as f64) / ((1u64 << 53) as f64);
            let delta = (1.0 + r) * 5e-7 * (1.0 + self.cost[j].abs());
            let shift = match self.state[j] {
                VarState::Lower => delta,
                VarState::Upper => -delta,
                _ => 0.0,
            };
            self.cost[j] += shift;
            self.d[j] += shift;
        }
    }

    fn primal_infeasibility(&self) -> f64 {
        self.head
            .iter()
            .map(|&j| (self.lo[j] - self.x[j]).max(self.x[j] - self.up[j]).max(0.0))
            .fold(0.0, f64::max)
    }

    /// Dual phase 1: the auxiliary problem with boxes `[-1, 1]`, `[0, 1]`, `[-1, 0]`, `[0, 0]`.
    fn phase1(&mut self, max_iter: usize) -> Outcome {
        let (lo, up) = (self.lo.clone(), self.up.clone());
        for j in 0..lo.len() {
            let (l, u) = match (lo[j].is_finite(), up[j].is_finite()) {
                (false, false) => (-1000.0, 1000.0),
                (true, false) => (0.0, 1.0),
                (false, true) => (-1.0, 0.0),
                (true, true) => (0.0, 0.0),
            };
            self.lo[j] = l;
            self.up[j] = u;
        }
        self.place_nonbasics();
        self.compute_primal();
        let out = self.phase2(max_iter);
        self.reset_costs();
        self.lo = lo;
        self.up = up;
        if out != Outcome::Optimal {
            return out;
        }
        self.refactor();
        self.compute_dual();
        for j in 0..self.x.len() {
            if self.state[j] == VarState::Basic {
                continue;
            }
            let (l, u, d) = (self.lo[j], self.up[j], self.d[j]);
            if (d < -DUAL_TOL && !u.is_finite()) || (d > DUAL_TOL && !l.is_finite()) {
                return Outcome::Unbounded;
            }
        }
        Outcome::Optimal
    }

    /// Dual phase 2 from a dual feasible basis with `x` consistent.
    fn phase2(&mut self, max_iter: usize) -> Outcome {
        let (n, m) = (self.lp.n, self.lp.m);
        let mut rho = vec![0.0; m];
        let mut row = PivotRow::new(n, m);
        let mut moves = Moves::default();
        moves.rebuild(&self.state, &self.lo, &self.up);
        let mut col = vec![0.0; m];
        let mut tau = vec![0.0; m];
        let mut cands = Vec::new();
        let mut flips: Vec<usize> = Vec::new();
        let mut fresh = true;
        loop {
            // Pricing: dual steepest edge.
            let mut r = usize::MAX;
            let mut best = 0.0;
            // Without branches on feasibility: a feasible row scores 0, never above `best`.
            for (i, (&p, &w)) in self.head.iter().zip(&self.weights).enumerate() {
                let (xp, l, u) = (self.x[p], self.lo[p], self.up[p]);
                let inf = if xp < l - PRIMAL_TOL {
                    l - xp
                } else if xp > u + PRIMAL_TOL {
                    xp - u
                } else {
                    0.0
                };
                let score = inf * inf / w;
                if score > best {
                    best = score;
                    r = i;
                }
            }
            if r == usize::MAX {
                return Outcome::Optimal;
            }
            if self.nit >= max_iter {
                return Outcome::IterationLimit;
            }
            let p = self.head[r];
            let below = self.x[p] < self.lo[p];
            // BTRAN and the pivot row.
            rho.iter_mut().for_each(|v| *v = 0.0);
            rho[r] = 1.0;
            self.lu.btran_keep(r, &mut rho, &mut self.work);
            row.compute(&rho, &self.lp.rows, n);
            // Ratio test: candidates whose reduced cost moves toward zero.
            let sgn = if below { -1.0 } else { 1.0 };
            let mut bound = row.candidates(sgn, &moves, &self.d, &mut cands);
            let mut slope = if below { self.lo[p] - self.x[p] } else { self.x[p] - self.up[p] };
            flips.clear();
            let q = loop {
                if cands.is_empty() {
                    break None;
                }
                let mut pick = usize::MAX;
                let mut amax = 0.0;
                let mut drop = 0.0;
                let mut all_boxed = true;
                for (k, &(j, t, a)) in cands.iter().enumerate() {
                    let a = a.abs();
                    if t <= bound {
                        drop += a * (self.up[j] - self.lo[j]);
                        if !(self.lo[j].is_finite() && self.up[j].is_finite()) {
                            all_boxed = false;
                        }
                        if a > amax {
                            amax = a;
                            pick = k;
                        }
                    }
                }
                if all_boxed && slope - drop > PRIMAL_TOL {
                    slope -= drop;
                    cands.retain(|&(j, t, _)| {
                        if t <= bound {
                            flips.push(j);
                            false
                        } else {
                            true
                        }
                    });
                    bound = cands
                        .iter()
                        .map(|&(j, _, a)| harris_bound(self.d[j], a))
                        .fold(f64::INFINITY, f64::min);
                    continue;
                }
                break Some(cands[pick].0);
            };
            let Some(q) = q else {
                // No candidate, or every candidate flipped and the row stays infeasible: the
                // dual is unbounded.
                return Outcome::Infeasible;
            };
            // FTRAN the entering column.
            col.iter_mut().for_each(|v| *v = 0.0);
            self.add_column(q, 1.0, &mut col);
            // With the dual steepest-edge weights' B^{-1} rho, in the same passes.
            tau.copy_from_slice(&rho);
            self.lu.ftran2_keep(&mut col, &mut tau, &mut self.work);
            let arq = col[r];
            let alpha_q = row.alpha[q];
            if (arq - alpha_q).abs() > 1e-7 * (1.0 + alpha_q.abs()) || arq.abs() < PIVOT_TOL {
                if !fresh {
                    self.refactor();
                    self.compute_primal();
                    self.compute_dual();
                    moves.rebuild(&self.state, &self.lo, &self.up);
                    fresh = true;
                    continue;
                }
                if arq.abs() < PIVOT_TOL {
                    return Outcome::Numerical;
                }
            }
            self.nit += 1;
            // Dual update.
            let mut dq = self.d[q];
            if sgn * dq / alpha_q < 0.0 {
                dq = 0.0;
            }
            let theta_d = dq / alpha_q;
            if theta_d != 0.0 {
                row.update_duals(theta_d, &moves, &mut self.d);
            }
            self.d[q] = 0.0;
            self.d[p] = -theta_d;
            // Bound flips.
            if !flips.is_empty() {
                let mut delta = vec![0.0; m];
                for &j in &flips {
                    let (old, new, st) = match self.state[j] {
                        VarState::Lower => (self.lo[j], self.up[j], VarState::Upper),
                        _ => (self.up[j], self.lo[j], VarState::Lower),
                    };
                    self.state[j] = st;
                    moves.set(j, st, self.lo[j] == self.up[j]);
                    self.x[j] = new;
                    self.add_column(j, new - old, &mut delta);
                }
                self.lu.ftran(&mut delta, &mut self.work);
                for (i, &j) in self.head.iter().enumerate() {
                    self.x[j] -= delta[i];
                }
            }
            // Primal update.
            let target = if below { self.lo[p] } else { self.up[p] };
            let theta_p = (self.x[p] - target) / arq;
            for (i, &j) in self.head.iter().enumerate() {
                self.x[j] -= theta_p * col[i];
            }
            self.x[q] += theta_p;
            self.x[p] = target;
            // Dual steepest-edge weights.
            let wr = rho.iter().map(|v| v * v).sum::<f64>();
            // Every row in one pass (the weights stay at least 1e-4, so a row with k = 0 keeps
            // its weight; row r's is replaced below).
            for ((w, &c), &t) in self.weights.iter_mut().zip(&col).zip(&tau) {
                let k = c / arq;
                *w = (*w - 2.0 * k * t + k * k * wr).max(1e-4);
            }
            self.weights[r] = (wr / (arq * arq)).max(1e-4);
            // Basis change.
            self.head[r] = q;
            self.state[q] = VarState::Basic;
            self.state[p] = if below { VarState::Lower } else { VarState::Upper };
            if self.lo[p] == self.up[p] {
                self.state[p] = VarState::Lower;
            }
            moves.set(q, VarState::Basic, self.lo[q] == self.up[q]);
            moves.set(p, self.state[p], self.lo[p] == self.up[p]);
            self.lu.update(r, &col);
            fresh = false;
            if self.lu.updates() >= REFACTOR_EVERY || self.lu.stale() {
                self.refactor();
                self.compute_primal();
                self.recompute_dual_keep_sign();
                moves.rebuild(&self.state, &self.lo, &self.up);
                fresh = true;
            }
        }
    }

    /// Fresh reduced costs after a refactorization; tiny sign errors are zeroed (cost shifting).
    fn recompute_dual_keep_sign(&mut self) {
        self.compute_dual();
        for j in 0..self.x.len() {
            match self.state[j] {
                VarState::Lower if self.d[j] < 0.0 && self.lo[j] != self.up[j] => {
                    self.cost[j] -= self.d[j];
                    self.d[j] = 0.0;
                }
                VarState::Upper if self.d[j] > 0.0 => {
                    self.cost[j] -= self.d[j];
                    self.d[j] = 0.0;
                }
                VarState::Zero if self.d[j] != 0.0 => {
                    self.cost[j] -= self.d[j];
                    self.d[j] = 0.0;
                }
                _ => {}
            }
        }
    }

    /// Restore the true costs (after shifts) and recompute the duals.
    pub(crate) fn reset_costs(&mut self) {
        let n = self.lp.n;
        self.cost[..n].copy_from_slice(&self.lp.c);
        self.cost[n..].iter_mut().for_each(|c| *c = 0.0);
    }
}
