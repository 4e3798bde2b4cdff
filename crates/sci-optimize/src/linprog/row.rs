//! The pivot row of the dual simplex (`alpha = rho^T [A I]` for the BTRAN'd unit row `rho`),
//! the candidates of its ratio test and the dual update along it.
//!
//! A dense row (the usual case once the basis has filled in) is handled by passes over every
//! variable in index order that do not branch on the data: the variables' states enter as 0/1
//! masks, and the candidates are compacted by advancing the write position by the test's
//! outcome. A sparse row keeps the list of its nonzero positions and visits only those.

use super::dual::{PIVOT_TOL, VarState, harris_bound};
use super::sparse::Cs;

/// The ways each variable's reduced cost can reach zero in a dual step, as 0/1 factors
/// (kept in step with the variables' states and bounds).
#[derive(Debug, Clone, Default)]
pub(crate) struct Moves {
    /// 1 where a positive sign-adjusted pivot-row entry makes the variable a ratio-test
    /// candidate (nonbasic at its lower bound, or free at zero).
    rise: Vec<f64>,
    /// 1 where a negative entry does (at its upper bound, or free at zero).
    fall: Vec<f64>,
    /// 1 for nonbasic variables: their reduced costs move with the dual step.
    nonbasic: Vec<f64>,
}

impl Moves {
    /// The factors of all variables.
    pub(crate) fn rebuild(&mut self, state: &[VarState], lo: &[f64], up: &[f64]) {
        let nt = state.len();
        for v in [&mut self.rise, &mut self.fall, &mut self.nonbasic] {
            v.clear();
            v.resize(nt, 0.0);
        }
        for j in 0..nt {
            self.set(j, state[j], lo[j] == up[j]);
        }
    }

    /// The factors of variable `j`, now in state `st` (`fixed`: its bounds are equal).
    pub(crate) fn set(&mut self, j: usize, st: VarState, fixed: bool) {
        let (rise, fall) = match st {
            _ if fixed => (false, false),
            VarState::Basic => (false, false),
            VarState::Lower => (true, false),
            VarState::Upper => (false, true),
            VarState::Zero => (true, true),
        };
        self.rise[j] = f64::from(u8::from(rise));
        self.fall[j] = f64::from(u8::from(fall));
        self.nonbasic[j] = f64::from(u8::from(st != VarState::Basic));
    }
}

/// A ratio-test candidate: variable, step to its reduced cost's zero (at least 0), and its
/// sign-adjusted pivot-row entry.
pub(crate) type Cand = (usize, f64, f64);

/// The pivot row and its scratch.
#[derive(Debug, Clone, Default)]
pub(crate) struct PivotRow {
    /// `alpha` over the structurals then the logicals.
    pub(crate) alpha: Vec<f64>,
    /// The nonzero positions of a sparse row (sorted), and a mark per structural.
    nz: Vec<usize>,
    touched: Vec<bool>,
    /// The last row was computed densely (its structural part is not covered by `nz`).
    dense: bool,
    /// Scratch: the rows of `A` that `rho` weighs, and candidate positions.
    rows: Vec<usize>,
    picks: Vec<usize>,
}

impl PivotRow {
    /// Scratch for `n` structurals and `m` logicals.
    pub(crate) fn new(n: usize, m: usize) -> Self {
        PivotRow {
            alpha: vec![0.0; n + m],
            touched: vec![false; n],
            picks: vec![0; n + m],
            ..Default::default()
        }
    }

    /// `alpha = rho^T [A I]` with `A` by rows (`n` columns).
    pub(crate) fn compute(&mut self, rho: &[f64], a: &Cs, n: usize) {
        let (alpha_s, alpha_l) = self.alpha.split_at_mut(n);
        if self.dense {
            alpha_s.iter_mut().for_each(|v| *v = 0.0);
        } else {
            for &j in &self.nz {
                if j < n {
                    alpha_s[j] = 0.0;
                    self.touched[j] = false;
                }
            }
        }
        self.nz.clear();
        // The rows rho weighs, and the number of entries they hold.
        self.rows.clear();
        self.rows.resize(rho.len(), 0);
        let (mut k, mut est) = (0, 0);
        for (i, (&ri, w)) in rho.iter().zip(a.ptr.windows(2)).enumerate() {
            let live = ri != 0.0;
            self.rows[k] = i;
            k += usize::from(live);
            est += usize::from(live) * (w[1] - w[0]);
        }
        self.rows.truncate(k);
        // Rows of A summed in index order either way (the ratio test breaks ties by
        // position). A dense row by a plain scatter; a sparse one with marks and a sort.
        self.dense = est * 16 > n;
        if self.dense {
            for &i in &self.rows {
                let ri = rho[i];
                let (idx, val) = a.lane(i);
                for (&j, &v) in idx.iter().zip(val) {
                    alpha_s[j] += ri * v;
                }
            }
        } else {
            for &i in &self.rows {
                let ri = rho[i];
                let (idx, val) = a.lane(i);
                for (&j, &v) in idx.iter().zip(val) {
                    if !self.touched[j] {
                        self.touched[j] = true;
                        self.nz.push(j);
                    }
                    alpha_s[j] += ri * v;
                }
            }
            self.nz.sort_unstable();
            self.nz.extend(self.rows.iter().map(|&i| n + i));
        }
        alpha_l.copy_from_slice(rho);
    }

    /// The ratio test's candidates in index order, as [`Cand`]s, for the pivot row signed by
    /// `sgn`; returns Harris's bound, the largest step any candidate allows within the
    /// tolerance (infinite when there is none).
    pub(crate) fn candidates(&mut self, sgn: f64, moves: &Moves, d: &[f64], out: &mut Vec<Cand>) -> f64 {
        let k = if self.dense {
            self.pick(0..self.alpha.len(), sgn, moves)
        } else {
            let nz = std::mem::take(&mut self.nz);
            let k = self.pick(nz.iter().copied(), sgn, moves);
            self.nz = nz;
            k
        };
        out.clear();
        let mut bound = f64::INFINITY;
        for &j in &self.picks[..k] {
            let (a, dj) = (sgn * self.alpha[j], d[j]);
            bound = bound.min(harris_bound(dj, a));
            out.push((j, (dj / a).max(0.0), a));
        }
        bound
    }

    /// Compact the candidate positions among `pos` into `picks`; returns their number.
    #[inline]
    fn pick(&mut self, pos: impl Iterator<Item = usize>, sgn: f64, moves: &Moves) -> usize {
        let mut k = 0;
        for j in pos {
            let a = sgn * self.alpha[j];
            let ok = (a * moves.rise[j]).max(-a * moves.fall[j]) > PIVOT_TOL;
            self.picks[k] = j;
            k += usize::from(ok);
        }
        k
    }

    /// The dual step: `d -= theta alpha` over the nonbasic variables.
    pub(crate) fn update_duals(&self, theta: f64, moves: &Moves, d: &mut [f64]) {
        if self.dense {
            for ((dj, &a), &nb) in d.iter_mut().zip(&self.alpha).zip(&moves.nonbasic) {
                *dj -= theta * a * nb;
            }
        } else {
            for &j in &self.nz {
                d[j] -= theta * self.alpha[j] * moves.nonbasic[j];
            }
        }
    }
}
