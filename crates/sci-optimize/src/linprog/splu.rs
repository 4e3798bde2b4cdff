//! A sparse LU of the simplex basis: left-looking (Gilbert and Peierls: a depth-first search
//! gives each column's nonzero pattern, then a sparse triangular solve), threshold partial
//! pivoting that prefers rows with few nonzeros; columns ordered as simplex codes do: column
//! singletons (logicals among them) first and row singletons last, both triangular parts
//! without fill, the remaining kernel by increasing column count.
//!
//! `L U = P B Q`: `pinv` maps a row of `B` to its pivot step, `q` a step to a basis position.

use super::lu::Singular;

/// Pivots at or below this magnitude make the basis singular.
const ABS_TOL: f64 = 1e-11;
/// Threshold pivoting: candidates within this factor of the column's largest entry.
const REL_TOL: f64 = 0.1;
const NONE: usize = usize::MAX;

#[derive(Debug, Clone, Default)]
pub(crate) struct SparseLu {
    m: usize,
    /// Columns of `L` below the unit diagonal (rows in step order after `factor`).
    lp: Vec<usize>,
    li: Vec<usize>,
    lx: Vec<f64>,
    /// Columns of `U` above the diagonal (rows in step order) and the diagonal.
    up: Vec<usize>,
    ui: Vec<usize>,
    ux: Vec<f64>,
    udiag: Vec<f64>,
    pinv: Vec<usize>,
    q: Vec<usize>,
    /// Scratch: `B` by columns, the dense accumulator, the pattern, the DFS stack and marks.
    bp: Vec<usize>,
    bi: Vec<usize>,
    bx: Vec<f64>,
    x: Vec<f64>,
    xi: Vec<usize>,
    stack: Vec<(usize, usize)>,
    mark: Vec<u32>,
    gen_: u32,
}

impl SparseLu {
    /// Factorize the `m x m` basis given by columns (`fill(k, idx, val)` pushes column `k`).
    pub(crate) fn factor(
        &mut self,
        m: usize,
        fill: impl Fn(usize, &mut Vec<usize>, &mut Vec<f64>),
    ) -> Result<(), Singular> {
        self.m = m;
        self.bp.clear();
        self.bi.clear();
        self.bx.clear();
        self.bp.push(0);
        for k in 0..m {
            fill(k, &mut self.bi, &mut self.bx);
            self.bp.push(self.bi.len());
        }
        let rowcnt = self.order(m);
        self.pinv.clear();
        self.pinv.resize(m, NONE);
        for v in [&mut self.lp, &mut self.up] {
            v.clear();
            v.push(0);
        }
        self.li.clear();
        self.lx.clear();
        self.ui.clear();
        self.ux.clear();
        self.udiag.clear();
        self.udiag.resize(m, 0.0);
        self.x.clear();
        self.x.resize(m, 0.0);
        self.xi.clear();
        self.xi.resize(m, 0);
        if self.mark.len() != m {
            self.mark.clear();
            self.mark.resize(m, 0);
            self.gen_ = 0;
        }
        for k in 0..m {
            let col = self.q[k];
            let top = self.reach(col);
            for p in self.bp[col]..self.bp[col + 1] {
                self.x[self.bi[p]] += self.bx[p];
            }
            // x = L \ b on the pattern, in topological order.
            for p in top..m {
                let i = self.xi[p];
                let j = self.pinv[i];
                let xj = self.x[i];
                if j == NONE || xj == 0.0 {
                    continue;
                }
                let (a, e) = (self.lp[j], self.lp[j + 1]);
                for (&r, &l) in self.li[a..e].iter().zip(&self.lx[a..e]) {
                    self.x[r] -= l * xj;
                }
            }
            let mut amax = 0.0f64;
            for &i in &self.xi[top..m] {
                if self.pinv[i] == NONE {
                    amax = amax.max(self.x[i].abs());
                }
            }
            if amax <= ABS_TOL {
                for &i in &self.xi[top..m] {
                    self.x[i] = 0.0;
                }
                let rows = (0..m).filter(|&i| self.pinv[i] == NONE).collect();
                return Err(Singular { col, rows });
            }
            let (mut best, mut best_cnt) = (NONE, u32::MAX);
            for &i in &self.xi[top..m] {
                let a = self.x[i].abs();
                if self.pinv[i] == NONE
                    && a >= REL_TOL * amax
                    && (rowcnt[i] < best_cnt || (rowcnt[i] == best_cnt && a > self.x[best].abs()))
                {
                    best = i;
                    best_cnt = rowcnt[i];
                }
            }
            let pivot = self.x[best];
            for &i in &self.xi[top..m] {
                let (s, v) = (self.pinv[i], self.x[i]);
                if s != NONE && v != 0.0 {
                    self.ui.push(s);
                    self.ux.push(v);
                }
            }
            self.up.push(self.ui.len());
            self.udiag[k] = pivot;
            self.pinv[best] = k;
            for &i in &self.xi[top..m] {
                let v = self.x[i];
                if self.pinv[i] == NONE && v != 0.0 {
                    self.li.push(i);
                    self.lx.push(v / pivot);
                }
                self.x[i] = 0.0;
            }
            self.lp.push(self.li.len());
        }
        for r in &mut self.li {
            *r = self.pinv[*r];
        }
        Ok(())
    }

    /// The column order `q`: column singletons first (their pivot row is forced, no fill), then
    /// the kernel by increasing count, then the row singletons (in reverse order of discovery,
    /// again forced pivots without fill). Returns the kernel row counts, which the pivot
    /// choice prefers small.
    fn order(&mut self, m: usize) -> Vec<u32> {
        let (bp, bi) = (&self.bp, &self.bi);
        // B by rows.
        let mut rp = vec![0usize; m + 1];
        for &i in bi {
            rp[i + 1] += 1;
        }
        for i in 0..m {
            rp[i + 1] += rp[i];
        }
        let mut next = rp.clone();
        let mut rc = vec![0usize; bi.len()];
        for k in 0..m {
            for &i in &bi[bp[k]..bp[k + 1]] {
                rc[next[i]] = k;
                next[i] += 1;
            }
        }
        let mut colcnt: Vec<usize> = (0..m).map(|k| bp[k + 1] - bp[k]).collect();
        let mut row_active = vec![true; m];
        let mut col_done = vec![false; m];
        self.q.clear();
        let mut stack: Vec<usize> = (0..m).filter(|&k| colcnt[k] == 1).collect();
        while let Some(k) = stack.pop() {
            if col_done[k] || colcnt[k] != 1 {
                continue;
            }
            let Some(&r) = bi[bp[k]..bp[k + 1]].iter().find(|&&i| row_active[i]) else { continue };
            col_done[k] = true;
            row_active[r] = false;
            self.q.push(k);
            for &k2 in &rc[rp[r]..rp[r + 1]] {
                if !col_done[k2] {
                    colcnt[k2] -= 1;
                    if colcnt[k2] == 1 {
                        stack.push(k2);
                    }
                }
            }
        }
        let mut rowcnt: Vec<u32> = (0..m)
            .map(|r| {
                if row_active[r] {
                    rc[rp[r]..rp[r + 1]].iter().filter(|&&k| !col_done[k]).count() as u32
                } else {
                    0
                }
            })
            .collect();
        let mut last = Vec::new();
        let mut stack: Vec<usize> = (0..m).filter(|&r| row_active[r] && rowcnt[r] == 1).collect();
        while let Some(r) = stack.pop() {
            if !row_active[r] || rowcnt[r] != 1 {
                continue;
            }
            let Some(&k) = rc[rp[r]..rp[r + 1]].iter().find(|&&k| !col_done[k]) else { continue };
            col_done[k] = true;
            row_active[r] = false;
            last.push(k);
            for &i in &bi[bp[k]..bp[k + 1]] {
                if row_active[i] {
                    rowcnt[i] -= 1;
                    if rowcnt[i] == 1 {
                        stack.push(i);
                    }
                }
            }
        }
        let mut kernel: Vec<usize> = (0..m).filter(|&k| !col_done[k]).collect();
        kernel.sort_by_key(|&k| colcnt[k]);
        self.q.extend(kernel);
        self.q.extend(last.iter().rev());
        rowcnt
    }

    /// The rows reached from column `col` of `B` through the columns of `L` so far, in
    /// topological order in `xi[top..m]`; returns `top`.
    fn reach(&mut self, col: usize) -> usize {
        self.gen_ = self.gen_.wrapping_add(1);
        if self.gen_ == 0 {
            self.mark.iter_mut().for_each(|v| *v = 0);
            self.gen_ = 1;
        }
        let g = self.gen_;
        let mut top = self.m;
        for p in self.bp[col]..self.bp[col + 1] {
            let start = self.bi[p];
            if self.mark[start] == g {
                continue;
            }
            self.mark[start] = g;
            self.stack.push((start, 0));
            while let Some(&mut (i, ref mut pos)) = self.stack.last_mut() {
                let j = self.pinv[i];
                let (a, b) = if j == NONE { (0, 0) } else { (self.lp[j], self.lp[j + 1]) };
                let mut pushed = None;
                while a + *pos < b {
                    let c = self.li[a + *pos];
                    *pos += 1;
                    if self.mark[c] != g {
                        self.mark[c] = g;
                        pushed = Some(c);
                        break;
                    }
                }
                match pushed {
                    Some(c) => self.stack.push((c, 0)),
                    None => {
                        self.stack.pop();
                        top -= 1;
                        self.xi[top] = i;
                    }
                }
            }
        }
        top
    }

    /// Solve `B x = b` in place (`b` by rows in, `x` by basis positions out).
    pub(crate) fn solve(&self, b: &mut [f64], work: &mut Vec<f64>) {
        let m = self.m;
        work.clear();
        work.resize(m, 0.0);
        for (&s, &v) in self.pinv.iter().zip(b.iter()) {
            work[s] = v;
        }
        // Columns of L and U are read as slices (the row indices are below m: no checks
        // beyond the one per entry on `work`).
        for j in 0..m {
            let xj = work[j];
            if xj != 0.0 {
                let (a, e) = (self.lp[j], self.lp[j + 1]);
                for (&i, &l) in self.li[a..e].iter().zip(&self.lx[a..e]) {
                    work[i] -= l * xj;
                }
            }
        }
        for j in (0..m).rev() {
            let xj = work[j] / self.udiag[j];
            work[j] = xj;
            if xj != 0.0 {
                let (a, e) = (self.up[j], self.up[j + 1]);
                for (&i, &u) in self.ui[a..e].iter().zip(&self.ux[a..e]) {
                    work[i] -= u * xj;
                }
            }
        }
        for (&pos, &v) in self.q.iter().zip(work.iter()) {
            b[pos] = v;
        }
    }

    /// Solve `B^T y = c` in place (`c` by basis positions in, `y` by rows out).
    pub(crate) fn solve_t(&self, c: &mut [f64], work: &mut Vec<f64>) {
        let m = self.m;
        work.clear();
        work.extend(self.q.iter().map(|&pos| c[pos]));
        for j in 0..m {
            let (a, e) = (self.up[j], self.up[j + 1]);
            let s: f64 = self.ui[a..e].iter().zip(&self.ux[a..e]).map(|(&i, &u)| u * work[i]).sum();
            work[j] = (work[j] - s) / self.udiag[j];
        }
        for j in (0..m).rev() {
            let (a, e) = (self.lp[j], self.lp[j + 1]);
            let s: f64 = self.li[a..e].iter().zip(&self.lx[a..e]).map(|(&i, &l)| l * work[i]).sum();
            work[j] -= s;
        }
        for (ci, &s) in c.iter_mut().zip(&self.pinv) {
            *ci = work[s];
        }
    }
}
