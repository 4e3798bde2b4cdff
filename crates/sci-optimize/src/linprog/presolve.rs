//! Presolve of [`linprog`](crate::linprog) (SciPy's `presolve=True`, HiGHS's presolve in
//! spirit): reductions on the sparse problem `min c x`, `rl <= A x <= ru`, `lb <= x <= ub`
//! before the solver, and the postsolve that maps the reduced solution (primal values, row
//! duals, reduced costs and the nonbasic states that split them into `lower` / `upper`
//! marginals) back to the original problem.
//!
//! Reductions, applied until none applies:
//! * fixed columns (`lb == ub`): substituted into the rows and the objective;
//! * empty columns: fixed at the bound the cost prefers (unbounded direction if none);
//! * empty rows: dropped after a feasibility check;
//! * singleton rows: turned into column bounds; in postsolve the row takes over the column's
//!   reduced cost when the bound it implied is the active one;
//! * rows whose activity bounds (from the column bounds) show them redundant (dropped),
//!   forcing (every column fixed at the bound that attains the row's bound; the row's dual is
//!   recovered in postsolve as the largest one keeping the reduced costs dual feasible) or
//!   infeasible.

use super::dual::{PRIMAL_TOL, VarState};
use super::sparse::Cs;

/// Relative tolerance under which a row's activity bound counts as equal to its side.
const FORCING_TOL: f64 = 1e-9;

/// The problem presolve works on: `min c x`, `rl <= A x <= ru`, `lb <= x <= ub`.
pub(crate) struct Problem<'a> {
    pub(crate) c: &'a [f64],
    /// `A` by rows (`m` lanes).
    pub(crate) rows: &'a Cs,
    pub(crate) rl: &'a [f64],
    pub(crate) ru: &'a [f64],
    pub(crate) lb: &'a [f64],
    pub(crate) ub: &'a [f64],
}

/// One reduction, undone in reverse order by postsolve.
#[derive(Debug, Clone)]
enum Step {
    /// Column `j` fixed at `value` and removed.
    FixCol { j: usize, value: f64 },
    /// Singleton row `i` (entry `a` in column `j`) replaced by column bounds; the bounds of
    /// `j` before and after.
    SingletonRow { i: usize, j: usize, a: f64, before: (f64, f64), after: (f64, f64) },
    /// Row `i` forcing at its lower (`at_upper == false`) or upper activity bound; its columns
    /// are fixed by the `FixCol` steps that follow.
    ForcingRow { i: usize, at_upper: bool },
}

/// A reduced problem and what postsolve needs.
pub(crate) struct Reduced {
    /// Reduced column `k` is original column `cols[k]`.
    pub(crate) cols: Vec<usize>,
    /// Reduced row `k` is original row `rows[k]`.
    pub(crate) rows: Vec<usize>,
    /// `A` of the reduced problem by rows.
    pub(crate) a: Cs,
    pub(crate) c: Vec<f64>,
    pub(crate) lb: Vec<f64>,
    pub(crate) ub: Vec<f64>,
    pub(crate) rl: Vec<f64>,
    pub(crate) ru: Vec<f64>,
    /// An empty column's cost decreases without bound: the problem is unbounded if the reduced
    /// problem is feasible (and infeasible otherwise).
    pub(crate) unbounded_ray: bool,
    steps: Vec<Step>,
}

/// The outcome of presolve.
pub(crate) enum Presolved {
    /// Nothing to reduce: solve the problem as it is.
    Unchanged,
    /// Infeasibility found.
    Infeasible,
    /// A smaller problem to solve, then [`Reduced::postsolve`].
    Reduced(Box<Reduced>),
}

/// The solution of the full problem from postsolve.
pub(crate) struct Full {
    pub(crate) x: Vec<f64>,
    /// Row duals (`d = c - A^T y`).
    pub(crate) y: Vec<f64>,
    /// Reduced costs of the columns.
    pub(crate) d: Vec<f64>,
    /// Nonbasic state of the columns (which bound a reduced cost belongs to).
    pub(crate) state: Vec<VarState>,
}

struct Work<'a> {
    p: &'a Problem<'a>,
    cols: &'a Cs,
    lb: Vec<f64>,
    ub: Vec<f64>,
    rl: Vec<f64>,
    ru: Vec<f64>,
    col_on: Vec<bool>,
    row_on: Vec<bool>,
    col_len: Vec<usize>,
    row_len: Vec<usize>,
    steps: Vec<Step>,
    unbounded_ray: bool,
    changed: bool,
}

/// Infeasibility found by a reduction.
struct Infeasible;

fn violated(excess: f64) -> bool {
    excess > PRIMAL_TOL
}

impl Work<'_> {
    /// Fix active column `j` at `value`: move it to the rows' sides and drop it.
    fn fix(&mut self, j: usize, value: f64) {
        let (idx, val) = self.cols.lane(j);
        for (&i, &a) in idx.iter().zip(val) {
            if self.row_on[i] {
                self.rl[i] -= a * value;
                self.ru[i] -= a * value;
                self.row_len[i] -= 1;
            }
        }
        self.col_on[j] = false;
        self.steps.push(Step::FixCol { j, value });
        self.changed = true;
    }

    fn drop_row(&mut self, i: usize) {
        let p = self.p;
        let (idx, _) = p.rows.lane(i);
        for &j in idx {
            if self.col_on[j] {
                self.col_len[j] -= 1;
            }
        }
        self.row_on[i] = false;
        self.changed = true;
    }

    fn column(&mut self, j: usize) {
        let (l, u) = (self.lb[j], self.ub[j]);
        if l == u {
            self.fix(j, l);
        } else if self.col_len[j] == 0 {
            let c = self.p.c[j];
            // HiGHS's choice: the bound the cost points to; for no cost, lb, else ub, else 0.
            let value = if c > 0.0 || (c == 0.0 && l.is_finite()) {
                l
            } else if c < 0.0 || u.is_finite() {
                u
            } else {
                0.0
            };
            let value = if value.is_finite() {
                value
            } else {
                self.unbounded_ray = true;
                [l, u, 0.0].into_iter().find(|v| v.is_finite()).unwrap_or(0.0)
            };
            self.fix(j, value);
        }
    }

    fn row(&mut self, i: usize) -> Result<(), Infeasible> {
        let p = self.p;
        let (rl, ru) = (self.rl[i], self.ru[i]);
        match self.row_len[i] {
            0 => {
                if violated(rl) || violated(-ru) {
                    return Err(Infeasible);
                }
                self.drop_row(i);
            }
            1 => {
                let (idx, val) = p.rows.lane(i);
                let (j, a) =
                    idx.iter().zip(val).find(|(j, _)| self.col_on[**j]).map(|(&j, &a)| (j, a)).unwrap();
                let (lo, hi) = if a > 0.0 { (rl / a, ru / a) } else { (ru / a, rl / a) };
                let before = (self.lb[j], self.ub[j]);
                let mut after = (before.0.max(lo), before.1.min(hi));
                if after.0 > after.1 {
                    if violated((after.0 - after.1) * a.abs()) {
                        return Err(Infeasible);
                    }
                    // Crossed within the tolerance: fix at the bound the row did not move.
                    if after.0 == before.0 {
                        after.1 = after.0;
                    } else {
                        after.0 = after.1;
                    }
                }
                self.lb[j] = after.0;
                self.ub[j] = after.1;
                self.drop_row(i);
                self.steps.push(Step::SingletonRow { i, j, a, before, after });
                self.column(j);
            }
            _ => {
                // Activity bounds from the active columns' bounds.
                let (idx, val) = p.rows.lane(i);
                let (mut lo, mut hi) = (0.0, 0.0);
                let mut mag = 0.0f64;
                for (&j, &a) in idx.iter().zip(val) {
                    if self.col_on[j] {
                        let (l, u) =
                            if a > 0.0 { (self.lb[j], self.ub[j]) } else { (self.ub[j], self.lb[j]) };
                        lo += a * l;
                        hi += a * u;
                        for t in [a * l, a * u] {
                            if t.is_finite() {
                                mag = mag.max(t.abs());
                            }
                        }
                    }
                }
                if violated(lo - ru) || violated(rl - hi) {
                    return Err(Infeasible);
                }
                let tol = FORCING_TOL * (1.0 + mag);
                let forcing_up = ru.is_finite() && lo.is_finite() && (lo - ru).abs() <= tol;
                let forcing_lo = rl.is_finite() && hi.is_finite() && (hi - rl).abs() <= tol;
                if forcing_up || forcing_lo {
                    // Every column at the bound attaining the forced activity.
                    self.steps.push(Step::ForcingRow { i, at_upper: forcing_up });
                    self.drop_row(i);
                    for (&j, &a) in idx.iter().zip(val) {
                        if self.col_on[j] {
                            let v = if (a > 0.0) == forcing_up { self.lb[j] } else { self.ub[j] };
                            self.fix(j, v);
                        }
                    }
                } else if lo >= rl - tol && hi <= ru + tol {
                    self.drop_row(i);
                }
            }
        }
        Ok(())
    }
}

/// Reduce `p`.
pub(crate) fn presolve(p: &Problem<'_>) -> Presolved {
    let (m, n) = (p.rl.len(), p.c.len());
    let cols = p.rows.transpose(n);
    let col_len = (0..n).map(|j| cols.ptr[j + 1] - cols.ptr[j]).collect();
    let row_len = (0..m).map(|i| p.rows.ptr[i + 1] - p.rows.ptr[i]).collect();
    let mut w = Work {
        p,
        cols: &cols,
        lb: p.lb.to_vec(),
        ub: p.ub.to_vec(),
        rl: p.rl.to_vec(),
        ru: p.ru.to_vec(),
        col_on: vec![true; n],
        row_on: vec![true; m],
        col_len,
        row_len,
        steps: Vec::new(),
        unbounded_ray: false,
        changed: true,
    };
    let mut any = false;
    while w.changed {
        w.changed = false;
        for j in 0..n {
            if w.col_on[j] {
                w.column(j);
            }
        }
        for i in 0..m {
            if w.row_on[i] && w.row(i).is_err() {
                return Presolved::Infeasible;
            }
        }
        any |= w.changed;
    }
    if !any {
        return Presolved::Unchanged;
    }
    let cols: Vec<usize> = (0..n).filter(|&j| w.col_on[j]).collect();
    let rows: Vec<usize> = (0..m).filter(|&i| w.row_on[i]).collect();
    let mut new_col = vec![usize::MAX; n];
    for (k, &j) in cols.iter().enumerate() {
        new_col[j] = k;
    }
    let mut a = Cs::new();
    for &i in &rows {
        let (idx, val) = p.rows.lane(i);
        for (&j, &v) in idx.iter().zip(val) {
            if w.col_on[j] {
                a.idx.push(new_col[j]);
                a.val.push(v);
            }
        }
        a.ptr.push(a.idx.len());
    }
    Presolved::Reduced(Box::new(Reduced {
        c: cols.iter().map(|&j| p.c[j]).collect(),
        lb: cols.iter().map(|&j| w.lb[j]).collect(),
        ub: cols.iter().map(|&j| w.ub[j]).collect(),
        rl: rows.iter().map(|&i| w.rl[i]).collect(),
        ru: rows.iter().map(|&i| w.ru[i]).collect(),
        cols,
        rows,
        a,
        unbounded_ray: w.unbounded_ray,
        steps: w.steps,
    }))
}

impl Reduced {
    /// The solution of `p` from the reduced problem's `x`, row duals `y`, reduced costs `d`
    /// and column states.
    pub(crate) fn postsolve(
        &self,
        p: &Problem<'_>,
        x: &[f64],
        y: &[f64],
        d: &[f64],
        state: &[VarState],
    ) -> Full {
        let (m, n) = (p.rl.len(), p.c.len());
        let mut f =
            Full { x: vec![0.0; n], y: vec![0.0; m], d: vec![0.0; n], state: vec![VarState::Basic; n] };
        for (k, &j) in self.cols.iter().enumerate() {
            f.x[j] = x[k];
            f.d[j] = d[k];
            f.state[j] = state[k];
        }
        for (k, &i) in self.rows.iter().enumerate() {
            f.y[i] = y[k];
        }
        let cols = p.rows.transpose(n);
        // Give row `i` the dual `yi`: the reduced costs of its columns move by `-a yi`.
        let set_dual = |f: &mut Full, i: usize, yi: f64| {
            f.y[i] = yi;
            let (idx, val) = p.rows.lane(i);
            for (&j, &a) in idx.iter().zip(val) {
                f.d[j] -= a * yi;
            }
        };
        for step in self.steps.iter().rev() {
            match *step {
                Step::FixCol { j, value } => {
                    f.x[j] = value;
                    let d = p.c[j] - cols.dot(j, &f.y);
                    f.d[j] = d;
                    f.state[j] = sign_state(d);
                }
                Step::SingletonRow { i, j, a, before, after } => {
                    let d = f.d[j];
                    let tol = PRIMAL_TOL * (1.0 + f.x[j].abs());
                    // The row's bound is the active one: its dual is the column's reduced cost.
                    let takes = (d > 0.0 && after.0 > before.0 && f.x[j] <= after.0 + tol)
                        || (d < 0.0 && after.1 < before.1 && f.x[j] >= after.1 - tol);
                    if takes {
                        set_dual(&mut f, i, d / a);
                        f.d[j] = 0.0;
                        f.state[j] = VarState::Basic;
                    }
                }
                Step::ForcingRow { i, at_upper } => {
                    // The largest dual (in the row side's sign) keeping every column's reduced
                    // cost on the side of the bound it sits at.
                    let (idx, val) = p.rows.lane(i);
                    let ratios = idx.iter().zip(val).map(|(&j, &a)| f.d[j] / a);
                    let (yi, pick) = if at_upper {
                        ratios
                            .enumerate()
                            .fold((0.0, usize::MAX), |b, (k, r)| if r < b.0 { (r, k) } else { b })
                    } else {
                        ratios
                            .enumerate()
                            .fold((0.0, usize::MAX), |b, (k, r)| if r > b.0 { (r, k) } else { b })
                    };
                    if pick != usize::MAX {
                        set_dual(&mut f, i, yi);
                        f.d[idx[pick]] = 0.0;
                    }
                    for &j in idx {
                        f.state[j] = sign_state(f.d[j]);
                    }
                }
            }
        }
        f
    }
}

/// The state of a removed column: the bound its reduced cost belongs to (none for zero).
fn sign_state(d: f64) -> VarState {
    if d > 0.0 {
        VarState::Lower
    } else if d < 0.0 {
        VarState::Upper
    } else {
        VarState::Basic
    }
}
