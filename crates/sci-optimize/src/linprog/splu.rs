//! A sparse LU of the simplex basis: left-looking (Gilbert and Peierls: a depth-first search
//! gives each column's nonzero pattern, then a sparse triangular solve), threshold partial
//! pivoting that prefers rows with few nonzeros; columns ordered as simplex codes do: column
//! singletons (logicals among them) first and row singletons last, both triangular parts
//! without fill; the remaining kernel in the order and with the pivot rows of a symbolic
//! Markowitz elimination (each planned pivot taken when it passes the threshold test), until
//! the kernel's Schur complement is dense, then by increasing column count.
//!
//! `L U = P B Q`: `pinv` maps a row of `B` to its pivot step, `q` a step to a basis position.
//!
//! Basis changes are Forrest-Tomlin updates (as HiGHS's default): the entering column,
//! solved through `L` and the earlier updates (the spike), replaces the leaving step's column
//! of `U` and that step moves last in the pivot order; a row eta, taken from the BTRAN of the
//! leaving row through `U` (which the dual simplex computes anyway), eliminates the step's row
//! from the other columns. `U` stays triangular in the pivot order and the row etas are as
//! sparse as `U^{-T} e_p`, where the product form would store the dense `B^{-1} a_q`.

use super::lu::Singular;

/// Pivots at or below this magnitude make the basis singular.
const ABS_TOL: f64 = 1e-11;
/// Threshold pivoting: candidates within this factor of the column's largest entry.
const REL_TOL: f64 = 0.1;
const NONE: usize = usize::MAX;

/// An entry of a row of `U`: its column (step), value, and position in `ui/ux`.
#[derive(Debug, Clone, Copy)]
struct UEntry {
    col: usize,
    val: f64,
    pos: usize,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SparseLu {
    m: usize,
    /// Columns of `L` below the unit diagonal (rows in step order after `factor`).
    lp: Vec<usize>,
    li: Vec<usize>,
    lx: Vec<f64>,
    /// Columns of `U` above the diagonal (rows in step order) and the diagonal: column `j` is
    /// `ui/ux[ubeg[j]..uend[j]]` (updates append new columns).
    up: Vec<usize>,
    ubeg: Vec<usize>,
    uend: Vec<usize>,
    ui: Vec<usize>,
    ux: Vec<f64>,
    udiag: Vec<f64>,
    /// The pivot order of `U`'s steps (`0..m` after `factor`, updated steps moved last).
    ord: Vec<usize>,
    /// `L` by rows (columns in step order), for transposed solves that skip zeros.
    lrp: Vec<usize>,
    lri: Vec<usize>,
    lrx: Vec<f64>,
    /// The entries of each row of `U` (transposed solves read them in place; an update
    /// eliminates a row through them and removes a replaced column's entries).
    urow: Vec<Vec<UEntry>>,
    /// Row etas of the updates: eta `k` does `z[epiv[k]] -= sum ex * z[ei]` over
    /// `ep[k]..ep[k + 1]`.
    ep: Vec<usize>,
    ei: Vec<usize>,
    ex: Vec<f64>,
    epiv: Vec<usize>,
    /// The spike of the last `solve_keep` (`L` and row etas applied, by step).
    spike: Vec<f64>,
    /// Scratch of `solve2_keep`: two vectors interleaved.
    pair: Vec<[f64; 2]>,
    /// `U^{-T} e_p` of the last `solve_t_keep`, and its step `p` (`NONE`: none kept).
    vrow: Vec<f64>,
    vrow_step: usize,
    pinv: Vec<usize>,
    q: Vec<usize>,
    qinv: Vec<usize>,
    /// The pivot row `order` planned for each column of `B` (`NONE`: none), taken when it
    /// passes the threshold test.
    pref: Vec<usize>,
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

/// The next entry of the count bucket `buck` from position `*t` that `valid` accepts
/// (entries whose count has changed since are dropped on the way).
fn next_valid(buck: &mut Vec<usize>, t: &mut usize, valid: impl Fn(usize) -> bool) -> Option<usize> {
    while *t < buck.len() {
        let v = buck[*t];
        if valid(v) {
            *t += 1;
            return Some(v);
        }
        buck.swap_remove(*t);
    }
    None
}

/// Symbolic Markowitz elimination of the kernel: the columns `cols` of `B` (by `bp/bi`)
/// restricted to the rows `rows`. Each step takes, among the entries of the shortest columns
/// and the shortest rows of the active submatrix, one of least `(r - 1)(c - 1)` (its row and
/// column counts), and the pattern of the Schur complement grows by the fill. Returns the
/// (column, row) pivots in order; a column left without rows gets `NONE` (the numeric
/// factorization then finds it singular). Once the active submatrix is dense (a quarter of
/// its entries nonzero) the remaining columns follow by count without a planned row: the
/// numeric threshold pivoting picks those.
fn markowitz(bp: &[usize], bi: &[usize], cols: &[usize], rows: &[usize], m: usize) -> Vec<(usize, usize)> {
    let nk = cols.len();
    let mut in_kernel = vec![false; m];
    rows.iter().for_each(|&i| in_kernel[i] = true);
    // Column patterns by local column index, row patterns by global row index.
    let mut cpat: Vec<Vec<usize>> = cols
        .iter()
        .map(|&k| bi[bp[k]..bp[k + 1]].iter().copied().filter(|&i| in_kernel[i]).collect())
        .collect();
    let mut rpat: Vec<Vec<usize>> = vec![Vec::new(); m];
    for (c, pat) in cpat.iter().enumerate() {
        for &i in pat {
            rpat[i].push(c);
        }
    }
    // Columns and rows by count (lazily: an entry is valid while the count still matches).
    let mut col_live = vec![true; nk];
    let mut row_live = in_kernel;
    let (mut ncols, mut nrows) = (nk, rows.len());
    let mut cbuck: Vec<Vec<usize>> = vec![Vec::new(); m + 2];
    let mut rbuck: Vec<Vec<usize>> = vec![Vec::new(); m + 2];
    for (c, pat) in cpat.iter().enumerate() {
        cbuck[pat.len()].push(c);
    }
    for &i in rows {
        rbuck[rpat[i].len()].push(i);
    }
    let mut mark = vec![usize::MAX; nk];
    let mut out = Vec::with_capacity(nk);
    let mut active: usize = cpat.iter().map(Vec::len).sum();
    while ncols > 0 {
        if ncols > 8 && 4 * active > ncols * nrows {
            let mut rest: Vec<usize> = (0..nk).filter(|&c| col_live[c]).collect();
            rest.sort_by_key(|&c| cpat[c].len());
            out.extend(rest.iter().map(|&c| (cols[c], NONE)));
            break;
        }
        // Markowitz search over up to 4 shortest columns and 4 shortest rows.
        let (mut best, mut bc, mut br) = (usize::MAX, NONE, NONE);
        let (mut seen, mut cmin) = (0, 1);
        'cols: for k in 0..cbuck.len() {
            let mut t = 0;
            while let Some(c) = next_valid(&mut cbuck[k], &mut t, |c| col_live[c] && cpat[c].len() == k) {
                if seen == 0 {
                    cmin = k;
                }
                if k == 0 {
                    bc = c;
                    best = 0;
                    break 'cols;
                }
                for &i in &cpat[c] {
                    let cost = (rpat[i].len() - 1) * (k - 1);
                    if cost < best {
                        (best, bc, br) = (cost, c, i);
                    }
                }
                seen += 1;
                if best == 0 || seen >= 4 {
                    break 'cols;
                }
            }
        }
        if best > 0 {
            let mut seen = 0;
            'rows: for k in 1..rbuck.len() {
                if (k - 1) * (cmin - 1) >= best {
                    break;
                }
                let mut t = 0;
                while let Some(i) = next_valid(&mut rbuck[k], &mut t, |i| row_live[i] && rpat[i].len() == k) {
                    for &c in &rpat[i] {
                        let cost = (k - 1) * (cpat[c].len() - 1);
                        if cost < best {
                            (best, bc, br) = (cost, c, i);
                        }
                    }
                    seen += 1;
                    if best == 0 || seen >= 4 {
                        break 'rows;
                    }
                }
            }
        }
        out.push((cols[bc], br));
        col_live[bc] = false;
        ncols -= 1;
        if br == NONE {
            continue;
        }
        row_live[br] = false;
        nrows -= 1;
        // Eliminate: every other row of column bc gains the pattern of row br.
        let prow = std::mem::take(&mut rpat[br]);
        let pcol = std::mem::take(&mut cpat[bc]);
        active -= prow.len() + pcol.len() - 1;
        for &c in &prow {
            if c != bc {
                cpat[c].retain(|&i| i != br);
            }
        }

        for &r in &pcol {
            if r == br {
                continue;
            }
            rpat[r].retain(|&c| c != bc);
            for &c in &rpat[r] {
                mark[c] = r;
            }
            for &c in &prow {
                if c != bc && mark[c] != r {
                    mark[c] = r;
                    active += 1;
                    rpat[r].push(c);
                    cpat[c].push(r);
                }
            }
            rbuck[rpat[r].len()].push(r);
        }
        for &c in &prow {
            if c != bc {
                cbuck[cpat[c].len()].push(c);
            }
        }
    }
    out
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
            let pr = self.pref[col];
            if pr != NONE && self.pinv[pr] == NONE && self.x[pr].abs() >= REL_TOL * amax {
                best = pr;
                best_cnt = 0;
            }
            for &i in &self.xi[top..m] {
                let a = self.x[i].abs();
                if self.pinv[i] == NONE
                    && best_cnt > 0
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
        self.ubeg.clear();
        self.ubeg.extend_from_slice(&self.up[..m]);
        self.uend.clear();
        self.uend.extend_from_slice(&self.up[1..]);
        self.ord.clear();
        self.ord.extend(0..m);
        self.urow.resize_with(m, Vec::new);
        self.urow.truncate(m);
        self.urow.iter_mut().for_each(Vec::clear);
        for col in 0..m {
            for pos in self.up[col]..self.up[col + 1] {
                self.urow[self.ui[pos]].push(UEntry { col, val: self.ux[pos], pos });
            }
        }
        // L by rows.
        self.lrp.clear();
        self.lrp.resize(m + 1, 0);
        for &i in &self.li {
            self.lrp[i + 1] += 1;
        }
        for i in 0..m {
            self.lrp[i + 1] += self.lrp[i];
        }
        self.lri.clear();
        self.lri.resize(self.li.len(), 0);
        self.lrx.clear();
        self.lrx.resize(self.li.len(), 0.0);
        let mut next = self.lrp.clone();
        for j in 0..m {
            for p in self.lp[j]..self.lp[j + 1] {
                let i = self.li[p];
                self.lri[next[i]] = j;
                self.lrx[next[i]] = self.lx[p];
                next[i] += 1;
            }
        }
        self.ep.clear();
        self.ep.push(0);
        self.ei.clear();
        self.ex.clear();
        self.epiv.clear();
        self.qinv.clear();
        self.qinv.resize(m, 0);
        for (k, &pos) in self.q.iter().enumerate() {
            self.qinv[pos] = k;
        }
        self.vrow_step = NONE;
        Ok(())
    }

    /// Number of updates since `factor`.
    pub(crate) fn updates(&self) -> usize {
        self.epiv.len()
    }

    /// Forrest-Tomlin update: basis position `r` now holds the column whose `solve_keep` was
    /// the last one, `solve_t_keep(r, ..)` was the last transposed solve of a unit vector, and
    /// `alpha` is the solved column's entry at `r`. Returns false when the new diagonal disagrees
    /// with `alpha` (the factors have lost accuracy: refactorize).
    pub(crate) fn update(&mut self, r: usize, alpha: f64) -> bool {
        let p = self.qinv[r];
        debug_assert_eq!(self.vrow_step, p, "update without the BTRAN of its row");
        self.vrow_step = NONE;
        let dp = self.udiag[p];
        // The row eta: row p of U minus the combination of later rows that clears it.
        let mut dnew = self.spike[p];
        for (j, &v) in self.vrow.iter().enumerate() {
            if v != 0.0 && j != p {
                let e = -v * dp;
                self.ei.push(j);
                self.ex.push(e);
                dnew -= e * self.spike[j];
            }
        }
        self.ep.push(self.ei.len());
        self.epiv.push(p);
        // Row p leaves the other columns; the spike becomes column p, pivoted last.
        for e in &self.urow[p] {
            self.ux[e.pos] = 0.0;
        }
        self.urow[p].clear();
        for pos in self.ubeg[p]..self.uend[p] {
            let row = &mut self.urow[self.ui[pos]];
            if let Some(k) = row.iter().position(|e| e.pos == pos) {
                row.swap_remove(k);
            }
            self.ux[pos] = 0.0;
        }
        self.ubeg[p] = self.ui.len();
        for (i, &v) in self.spike.iter().enumerate() {
            if v != 0.0 && i != p {
                self.urow[i].push(UEntry { col: p, val: v, pos: self.ui.len() });
                self.ui.push(i);
                self.ux.push(v);
            }
        }
        self.uend[p] = self.ui.len();
        self.udiag[p] = dnew;
        if let Some(k) = self.ord.iter().position(|&j| j == p) {
            self.ord.remove(k);
        }
        self.ord.push(p);
        let expect = dp * alpha;
        dnew.abs() > ABS_TOL && (dnew - expect).abs() <= 1e-8 * (1.0 + expect.abs())
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
        self.pref.clear();
        self.pref.resize(m, NONE);
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
            self.pref[k] = r;
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
        let krows: Vec<usize> = (0..m).filter(|&i| row_active[i]).collect();
        let plan = markowitz(bp, bi, &kernel, &krows, m);
        kernel.clear();
        for (k, r) in plan {
            kernel.push(k);
            self.pref[k] = r;
        }
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
        self.solve_lower(b, work);
        self.solve_upper(b, work);
    }

    /// As [`SparseLu::solve`], keeping the spike for [`SparseLu::update`].
    pub(crate) fn solve_keep(&mut self, b: &mut [f64], work: &mut Vec<f64>) {
        self.solve_lower(b, work);
        self.spike.clear();
        self.spike.extend_from_slice(work);
        self.solve_upper(b, work);
    }

    /// As [`SparseLu::solve_keep`] for `b`, solving `B x = c` alongside in the same passes
    /// over the factors (each entry of `L`, the row etas and `U` read once for both).
    pub(crate) fn solve2_keep(&mut self, b: &mut [f64], c: &mut [f64]) {
        let m = self.m;
        let mut w = std::mem::take(&mut self.pair);
        w.clear();
        w.resize(m, [0.0; 2]);
        for (k, &s) in self.pinv.iter().enumerate() {
            w[s] = [b[k], c[k]];
        }
        for j in 0..m {
            let [x, y] = w[j];
            if x != 0.0 || y != 0.0 {
                let (a, e) = (self.lp[j], self.lp[j + 1]);
                for (&i, &l) in self.li[a..e].iter().zip(&self.lx[a..e]) {
                    w[i][0] -= l * x;
                    w[i][1] -= l * y;
                }
            }
        }
        for (k, &p) in self.epiv.iter().enumerate() {
            let (a, e) = (self.ep[k], self.ep[k + 1]);
            let (mut s0, mut s1) = (0.0, 0.0);
            for (&i, &v) in self.ei[a..e].iter().zip(&self.ex[a..e]) {
                s0 += v * w[i][0];
                s1 += v * w[i][1];
            }
            w[p][0] -= s0;
            w[p][1] -= s1;
        }
        self.spike.clear();
        self.spike.extend(w.iter().map(|v| v[0]));
        for &j in self.ord.iter().rev() {
            let [x, y] = w[j];
            if x != 0.0 || y != 0.0 {
                let d = self.udiag[j];
                let (x, y) = (x / d, y / d);
                w[j] = [x, y];
                let (a, e) = (self.ubeg[j], self.uend[j]);
                for (&i, &u) in self.ui[a..e].iter().zip(&self.ux[a..e]) {
                    w[i][0] -= u * x;
                    w[i][1] -= u * y;
                }
            }
        }
        for (&pos, v) in self.q.iter().zip(&w) {
            b[pos] = v[0];
            c[pos] = v[1];
        }
        self.pair = w;
    }

    /// `work = R L^{-1} P b` (by step).
    fn solve_lower(&self, b: &[f64], work: &mut Vec<f64>) {
        let m = self.m;
        work.clear();
        work.resize(m, 0.0);
        for (&s, &v) in self.pinv.iter().zip(b.iter()) {
            work[s] = v;
        }
        // Columns of L are read as slices (the row indices are below m: no checks beyond the
        // one per entry on `work`).
        for j in 0..m {
            let xj = work[j];
            if xj != 0.0 {
                let (a, e) = (self.lp[j], self.lp[j + 1]);
                for (&i, &l) in self.li[a..e].iter().zip(&self.lx[a..e]) {
                    work[i] -= l * xj;
                }
            }
        }
        for (k, &p) in self.epiv.iter().enumerate() {
            let (a, e) = (self.ep[k], self.ep[k + 1]);
            let s: f64 = self.ei[a..e].iter().zip(&self.ex[a..e]).map(|(&i, &v)| v * work[i]).sum();
            work[p] -= s;
        }
    }

    /// `b = Q U^{-1} work`.
    fn solve_upper(&self, b: &mut [f64], work: &mut [f64]) {
        for &j in self.ord.iter().rev() {
            if work[j] != 0.0 {
                let xj = work[j] / self.udiag[j];
                work[j] = xj;
                let (a, e) = (self.ubeg[j], self.uend[j]);
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
        self.solve_t_upper(c, work);
        self.solve_t_lower(c, work);
    }

    /// As [`SparseLu::solve_t`] for `c` = the unit vector at basis position `r`, keeping
    /// `U^{-T} e_p` for [`SparseLu::update`].
    pub(crate) fn solve_t_keep(&mut self, r: usize, c: &mut [f64], work: &mut Vec<f64>) {
        self.solve_t_upper(c, work);
        self.vrow.clear();
        self.vrow.extend_from_slice(work);
        self.vrow_step = self.qinv[r];
        self.solve_t_lower(c, work);
    }

    /// `work = U^{-T} Q^T c` (by step).
    fn solve_t_upper(&self, c: &[f64], work: &mut Vec<f64>) {
        work.clear();
        work.extend(self.q.iter().map(|&pos| c[pos]));
        // By rows of U (axpy form): zeros of a sparse `c` cost nothing.
        for &j in &self.ord {
            if work[j] != 0.0 {
                let xj = work[j] / self.udiag[j];
                work[j] = xj;
                for e in &self.urow[j] {
                    work[e.col] -= e.val * xj;
                }
            }
        }
    }

    /// `c = P^T L^{-T} R^T work`.
    fn solve_t_lower(&self, c: &mut [f64], work: &mut [f64]) {
        let m = self.m;
        for (k, &p) in self.epiv.iter().enumerate().rev() {
            let wp = work[p];
            if wp != 0.0 {
                let (a, e) = (self.ep[k], self.ep[k + 1]);
                for (&i, &v) in self.ei[a..e].iter().zip(&self.ex[a..e]) {
                    work[i] -= v * wp;
                }
            }
        }
        for i in (0..m).rev() {
            let wi = work[i];
            if wi != 0.0 {
                let (a, e) = (self.lrp[i], self.lrp[i + 1]);
                for (&j, &l) in self.lri[a..e].iter().zip(&self.lrx[a..e]) {
                    work[j] -= l * wi;
                }
            }
        }
        for (ci, &s) in c.iter_mut().zip(&self.pinv) {
            *ci = work[s];
        }
    }
}
