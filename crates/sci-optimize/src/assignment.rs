//! `linear_sum_assignment`: the rectangular linear assignment problem, solved as SciPy does with
//! Crouse's variant of the Jonker-Volgenant shortest augmenting path algorithm.

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix2};

/// Solves the linear sum assignment problem.
///
/// Given a cost matrix `C` of shape `(n, m)`, finds the rows `r` and columns `c` (each used at most
/// once, `min(n, m)` pairs) that minimize (or, with `maximize`, maximize) `sum C[r[k], c[k]]`.
/// `+inf` entries (`-inf` when maximizing) forbid a pair.
///
/// The algorithm is SciPy's (Crouse's shortest augmenting path, a variant of Jonker-Volgenant,
/// with the same tie-breaking), so the assignment returned is the one SciPy returns, also when
/// several assignments have the same total cost. Rows come back sorted; when `n > m` the
/// problem is solved on the transpose and the pairs sorted by row, as SciPy does. Cost
/// `O(n^2 m)` at worst.
///
/// SciPy equivalent: `scipy.optimize.linear_sum_assignment`.
///
/// # Errors
///
/// [`crate::OptimizeError::InvalidValue`] (`cost_matrix`) with SciPy's messages: "matrix contains
/// invalid numeric entries" for NaN or `-inf` (`+inf` when maximizing), "cost matrix is
/// infeasible" when no complete assignment avoids the forbidden entries.
///
/// # Examples
///
/// ```
/// use sci_optimize::linear_sum_assignment;
/// use sci_optimize::sci_array::ndarray::array;
/// let cost = array![[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]];
/// let (rows, cols) = linear_sum_assignment(&cost, false)?;
/// assert_eq!(rows.to_vec(), vec![0, 1, 2]);
/// assert_eq!(cols.to_vec(), vec![1, 0, 2]);
/// let total: f64 = rows.iter().zip(&cols).map(|(&r, &c)| cost[[r, c]]).sum();
/// assert_eq!(total, 5.0);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn linear_sum_assignment<S>(
    cost_matrix: &ArrayBase<S, Ix2>,
    maximize: bool,
) -> Result<(Array1<usize>, Array1<usize>)>
where
    S: Data<Elem = f64>,
{
    let (nr0, nc0) = cost_matrix.dim();
    if nr0 == 0 || nc0 == 0 {
        return Ok((Array1::zeros(0), Array1::zeros(0)));
    }
    let transpose = nc0 < nr0;
    let view = if transpose { cost_matrix.t() } else { cost_matrix.view() };
    let (nr, nc) = view.dim();
    let bad = || invalid("cost_matrix", "matrix contains invalid numeric entries");
    // Row-major costs (negated when maximizing), checked as SciPy does: NaN and `-inf` are
    // invalid. A row-major input is read in place.
    let copy;
    let cost: &[f64] = match view.as_slice() {
        Some(c) if !maximize => {
            if !c.iter().fold(true, |ok, &x| ok & (x > f64::NEG_INFINITY)) {
                return Err(bad());
            }
            c
        }
        _ => {
            let sign = if maximize { -1.0 } else { 1.0 };
            copy = view.iter().map(|&x| sign * x).collect::<Vec<f64>>();
            if !copy.iter().fold(true, |ok, &x| ok & (x > f64::NEG_INFINITY)) {
                return Err(bad());
            }
            &copy
        }
    };
    let col4row = solve(nr, nc, cost, Scan::detect())
        .ok_or_else(|| invalid("cost_matrix", "cost matrix is infeasible"))?;
    if transpose {
        // Pairs (col4row[i], i) sorted by their first entry (all distinct).
        let mut order: Vec<usize> = (0..nr).collect();
        order.sort_unstable_by_key(|&i| col4row[i]);
        let a = order.iter().map(|&i| col4row[i]).collect();
        Ok((Array1::from_vec(a), Array1::from_vec(order)))
    } else {
        Ok((Array1::from_iter(0..nr), Array1::from_vec(col4row)))
    }
}

const NONE: usize = usize::MAX;

/// One row visited by a search: the row, its dual and the search's distance when it was scanned.
#[derive(Clone, Copy)]
struct Visit {
    row: usize,
    ui: f64,
    min_val: f64,
}

/// One column reached by a search, in the order reached: its dual and shortest path cost when
/// reached, and the swap-removal from `remaining` that took it out (position `index` received
/// column `moved`).
#[derive(Clone, Copy)]
struct Reached {
    col: usize,
    v: f64,
    spc: f64,
    index: usize,
    moved: usize,
}

/// The shortest augmenting path solver on a row-major `nr x nc` matrix with `nr <= nc`, with
/// the scan kernels `simd`; returns the column of every row, or `None` when infeasible.
///
/// SciPy's search scans its list `remaining` of the columns not reached yet; here every step
/// scans all `nc` columns contiguously, and a reached column is kept out by its working dual
/// `v[j] = -inf` (its candidate cost `min_val + c - u - v` is `+inf`, which never relaxes) and
/// its working `spc[j] = +inf` (never the smallest); its true dual and path cost are kept in
/// [`Reached`]. `remaining` (SciPy's order, swap-removal) is kept only through the positions
/// `pos`, to break ties as SciPy does, and restored entry by entry after each search. The
/// predecessor row of a column is recomputed, only for the columns on the augmenting path, from
/// the rows visited (the first visit reaching its final path cost, the last strict decrease in
/// SciPy's scan), so the scan stores nothing but `spc`.
fn solve(nr: usize, nc: usize, cost: &[f64], simd: Scan) -> Option<Vec<usize>> {
    let mut u = vec![0.0; nr];
    let mut v = vec![0.0; nc];
    let mut spc = vec![0.0; nc];
    let mut col4row = vec![NONE; nr];
    let mut row4col = vec![NONE; nc];
    // `remaining[p]` at the start of every search, and the position of column `j` there.
    let start = |p: usize| nc - 1 - p;
    let mut remaining: Vec<usize> = (0..nc).map(start).collect();
    let mut pos: Vec<usize> = (0..nc).map(start).collect();
    let mut visits: Vec<Visit> = Vec::with_capacity(nr);
    let mut reached: Vec<Reached> = Vec::with_capacity(nr);
    // The step at which a column reached by the current search was reached.
    let mut step_of = vec![0usize; nc];

    for cur_row in 0..nr {
        // Dijkstra-like search for the shortest augmenting path from `cur_row`.
        let mut min_val = 0.0;
        let mut num_remaining = nc;
        visits.clear();
        reached.clear();
        let mut i = cur_row;
        let sink = loop {
            let row = &cost[i * nc..(i + 1) * nc];
            let ui = u[i];
            // SciPy's order of operations: `minVal + cost - u[i] - v[j]`, rounded as there
            // (another order changes which of several tied columns is taken). The first step
            // overwrites `spc` (SciPy starts from `+inf`, which every finite value relaxes).
            let lowest = simd.relax(visits.is_empty(), row, min_val, ui, &v, &mut spc);
            visits.push(Visit { row: i, ui, min_val });
            if lowest == f64::INFINITY {
                return None;
            }
            // SciPy's pick among the columns at `lowest`: a free column if any (it ends the
            // search; the last such in `remaining` order), else the first in that order.
            let (mut free, mut first) = (NONE, NONE);
            simd.ties(&spc, lowest, |j| {
                let better = |k: usize, last: bool| k == NONE || (pos[j] > pos[k]) == last;
                if row4col[j] == NONE {
                    if better(free, true) {
                        free = j;
                    }
                } else if better(first, false) {
                    first = j;
                }
            });
            let j = if free == NONE { first } else { free };
            min_val = lowest;
            num_remaining -= 1;
            let (index, moved) = (pos[j], remaining[num_remaining]);
            remaining[index] = moved;
            pos[moved] = index;
            step_of[j] = reached.len();
            reached.push(Reached { col: j, v: v[j], spc: spc[j], index, moved });
            v[j] = f64::NEG_INFINITY;
            spc[j] = f64::INFINITY;
            if row4col[j] == NONE {
                break j;
            }
            i = row4col[j];
        };

        // Update the dual variables (the rows visited after `cur_row` were reached through
        // their columns), restore `remaining`.
        u[cur_row] += min_val;
        for (visit, r) in visits[1..].iter().zip(&reached) {
            u[visit.row] += min_val - r.spc;
        }
        for r in &reached {
            v[r.col] = r.v - (min_val - r.spc);
            remaining[r.index] = start(r.index);
            pos[r.moved] = start(r.moved);
        }

        // Augment along the path.
        let mut j = sink;
        loop {
            let t = step_of[j];
            let i = predecessor(&visits[..=t], &reached[t], cost, nc);
            row4col[j] = i;
            std::mem::swap(&mut col4row[i], &mut j);
            if i == cur_row {
                break;
            }
        }
    }
    Some(col4row)
}

/// The row from which the search reached column `r.col` (SciPy's `path`): among the rows
/// `visits` scanned before it was reached, the first whose candidate cost (computed as the
/// scan does) is the smallest.
fn predecessor(visits: &[Visit], r: &Reached, cost: &[f64], nc: usize) -> usize {
    let mut best = (f64::INFINITY, NONE);
    for visit in visits {
        let c = visit.min_val + cost[visit.row * nc + r.col] - visit.ui - r.v;
        if c < best.0 {
            best = (c, visit.row);
        }
    }
    best.1
}
/// The scan kernels: AVX2 when the CPU has it (the same IEEE operations, so the same
/// results), else portable code.
#[derive(Clone, Copy)]
enum Scan {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

impl Scan {
    fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            return Self::Avx2;
        }
        Self::Portable
    }

    /// One step of a search: row `row` (dual `ui`) relaxes every column at distance
    /// `min_val`, `spc[j] = min(spc[j], min_val + row[j] - ui - v[j])` (`spc[j]` is
    /// overwritten when `first`), and returns the smallest `spc`.
    fn relax(self, first: bool, row: &[f64], min_val: f64, ui: f64, v: &[f64], spc: &mut [f64]) -> f64 {
        let (row, v) = (&row[..spc.len()], &v[..spc.len()]);
        match (self, first) {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` checked AVX2; the three slices have equal lengths.
            #[allow(unsafe_code)]
            (Self::Avx2, true) => unsafe { avx2::relax::<true>(row, min_val, ui, v, spc) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above.
            #[allow(unsafe_code)]
            (Self::Avx2, false) => unsafe { avx2::relax::<false>(row, min_val, ui, v, spc) },
            (Self::Portable, true) => relax_portable::<true>(row, min_val, ui, v, spc),
            (Self::Portable, false) => relax_portable::<false>(row, min_val, ui, v, spc),
        }
    }

    /// Calls `f` on the columns `j` with `spc[j] == lowest`, in order.
    fn ties(self, spc: &[f64], lowest: f64, mut f: impl FnMut(usize)) {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` checked AVX2.
            #[allow(unsafe_code)]
            Self::Avx2 => unsafe { avx2::ties(spc, lowest, &mut f) },
            Self::Portable => spc.iter().enumerate().filter(|&(_, &s)| s == lowest).for_each(|(j, _)| f(j)),
        }
    }
}

/// [`Scan::relax`] in plain code, four independent minima (`row`, `v`, `spc` of equal lengths).
#[inline(always)]
fn relax_portable<const FIRST: bool>(row: &[f64], min_val: f64, ui: f64, v: &[f64], spc: &mut [f64]) -> f64 {
    let mut low = [f64::INFINITY; 4];
    for (j, s) in spc.iter_mut().enumerate() {
        let r = min_val + row[j] - ui - v[j];
        // `r < s ? r : s`, SciPy's strict comparison.
        if FIRST || r < *s {
            *s = r;
        }
        let l = &mut low[j % 4];
        *l = if *s < *l { *s } else { *l };
    }
    low.iter().fold(f64::INFINITY, |a, &b| a.min(b))
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx2 {
    use std::arch::x86_64::*;

    /// [`super::Scan::relax`], eight columns at a time (the tail entry by entry).
    ///
    /// # Safety
    ///
    /// The CPU has AVX2; `row`, `v` and `spc` have equal lengths.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn relax<const FIRST: bool>(
        row: &[f64],
        min_val: f64,
        ui: f64,
        v: &[f64],
        spc: &mut [f64],
    ) -> f64 {
        let n = spc.len();
        let full = n / 8 * 8;
        let (mv, uv) = (_mm256_set1_pd(min_val), _mm256_set1_pd(ui));
        let (mut low0, mut low1) = (_mm256_set1_pd(f64::INFINITY), _mm256_set1_pd(f64::INFINITY));
        let (rp, vp, sp) = (row.as_ptr(), v.as_ptr(), spc.as_mut_ptr());
        let step = |at: usize| {
            // SAFETY: `at + 4 <= full <= n`, the length of the three slices.
            unsafe {
                let r = _mm256_sub_pd(
                    _mm256_sub_pd(_mm256_add_pd(mv, _mm256_loadu_pd(rp.add(at))), uv),
                    _mm256_loadu_pd(vp.add(at)),
                );
                // `min(r, s)` is `r < s ? r : s`: SciPy's strict comparison.
                let s = if FIRST { r } else { _mm256_min_pd(r, _mm256_loadu_pd(sp.add(at))) };
                _mm256_storeu_pd(sp.add(at), s);
                s
            }
        };
        let mut at = 0;
        while at < full {
            low0 = _mm256_min_pd(low0, step(at));
            low1 = _mm256_min_pd(low1, step(at + 4));
            at += 8;
        }
        let mut lanes = [0.0; 4];
        // SAFETY: `lanes` holds four f64.
        unsafe { _mm256_storeu_pd(lanes.as_mut_ptr(), _mm256_min_pd(low0, low1)) };
        let tail = super::relax_portable::<FIRST>(&row[full..], min_val, ui, &v[full..], &mut spc[full..]);
        lanes.iter().fold(tail, |a, &b| a.min(b))
    }

    /// [`super::Scan::ties`], sixteen entries tested at a time (ties are rare in float data).
    ///
    /// # Safety
    ///
    /// The CPU has AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn ties(spc: &[f64], lowest: f64, f: &mut impl FnMut(usize)) {
        let lv = _mm256_set1_pd(lowest);
        let sp = spc.as_ptr();
        // SAFETY: `at + 4 <= spc.len()` at every call below.
        let eq = |at: usize| unsafe { _mm256_cmp_pd::<_CMP_EQ_OQ>(_mm256_loadu_pd(sp.add(at)), lv) };
        let full = spc.len() / 16 * 16;
        let mut at = 0;
        while at < full {
            let e = [eq(at), eq(at + 4), eq(at + 8), eq(at + 12)];
            let any = _mm256_or_pd(_mm256_or_pd(e[0], e[1]), _mm256_or_pd(e[2], e[3]));
            if _mm256_movemask_pd(any) != 0 {
                for (k, &e) in e.iter().enumerate() {
                    let mut m = _mm256_movemask_pd(e) as u32;
                    while m != 0 {
                        f(at + 4 * k + m.trailing_zeros() as usize);
                        m &= m - 1;
                    }
                }
            }
            at += 16;
        }
        for (t, &s) in spc[full..].iter().enumerate() {
            if s == lowest {
                f(full + t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::random::default_rng;

    /// SciPy's `augmenting_path` and its caller, transcribed literally (`remaining` scanned in
    /// order, `path` stored, duals updated through `SR`/`SC`): the reference for [`solve`].
    fn scipy_lsap(nr: usize, nc: usize, cost: &[f64]) -> Option<Vec<usize>> {
        let (mut u, mut v) = (vec![0.0; nr], vec![0.0; nc]);
        let (mut spc, mut path) = (vec![0.0; nc], vec![NONE; nc]);
        let (mut col4row, mut row4col) = (vec![NONE; nr], vec![NONE; nc]);
        let mut remaining = vec![0; nc];
        for cur_row in 0..nr {
            let mut min_val: f64 = 0.0;
            let mut num_remaining = nc;
            for (it, r) in remaining.iter_mut().enumerate() {
                *r = nc - it - 1;
            }
            let (mut sr, mut sc) = (vec![false; nr], vec![false; nc]);
            spc.fill(f64::INFINITY);
            let mut i = cur_row;
            let mut sink = NONE;
            while sink == NONE {
                let mut index = NONE;
                let mut lowest = f64::INFINITY;
                sr[i] = true;
                for (it, &j) in remaining[..num_remaining].iter().enumerate() {
                    let r = min_val + cost[i * nc + j] - u[i] - v[j];
                    if r < spc[j] {
                        path[j] = i;
                        spc[j] = r;
                    }
                    if spc[j] < lowest || (spc[j] == lowest && row4col[j] == NONE) {
                        lowest = spc[j];
                        index = it;
                    }
                }
                min_val = lowest;
                if min_val == f64::INFINITY {
                    return None;
                }
                let j = remaining[index];
                if row4col[j] == NONE {
                    sink = j;
                } else {
                    i = row4col[j];
                }
                sc[j] = true;
                num_remaining -= 1;
                remaining[index] = remaining[num_remaining];
            }
            u[cur_row] += min_val;
            for i in (0..nr).filter(|&i| sr[i] && i != cur_row) {
                u[i] += min_val - spc[col4row[i]];
            }
            for j in (0..nc).filter(|&j| sc[j]) {
                v[j] -= min_val - spc[j];
            }
            let mut j = sink;
            loop {
                let i = path[j];
                row4col[j] = i;
                std::mem::swap(&mut col4row[i], &mut j);
                if i == cur_row {
                    break;
                }
            }
        }
        Some(col4row)
    }

    /// Both scan kernels give SciPy's assignment (the literal transcription): floats, small
    /// integers (many ties), all equal, tenths (inexact ties), `+inf` holes, square and
    /// rectangular, sizes around the vector widths.
    #[test]
    fn scans_match_scipy_transcription() {
        let mut rng = default_rng(11);
        let (mut n_cases, mut n_infeasible) = (0, 0);
        for (nr, nc) in [
            (1, 1),
            (1, 9),
            (3, 8),
            (7, 9),
            (8, 8),
            (9, 9),
            (15, 16),
            (16, 17),
            (23, 40),
            (40, 40),
            (57, 64),
            (61, 61),
            (100, 100),
            (90, 131),
        ] {
            for kind in 0..5 {
                let u = rng.uniform(0.0, 1.0, nr * nc).unwrap().to_vec();
                let cost: Vec<f64> = match kind {
                    0 => u,
                    1 => u.iter().map(|x| (x * 3.0).floor()).collect(),
                    2 => vec![1.0; nr * nc],
                    3 => u.iter().map(|x| (x * 10.0).floor() * 0.1).collect(),
                    _ => u
                        .iter()
                        .map(|&x| if x < 0.2 { f64::INFINITY } else { (x * 6.0).floor() * 0.1 })
                        .collect(),
                };
                let want = scipy_lsap(nr, nc, &cost);
                assert_eq!(solve(nr, nc, &cost, Scan::Portable), want, "{nr}x{nc} kind {kind} portable");
                assert_eq!(solve(nr, nc, &cost, Scan::detect()), want, "{nr}x{nc} kind {kind}");
                if kind < 4 {
                    assert!(want.is_some());
                }
                n_infeasible += usize::from(want.is_none());
                n_cases += 1;
            }
        }
        assert_eq!(n_cases, 70);
        assert!(n_infeasible > 0 && n_infeasible < 14, "{n_infeasible} infeasible");
    }
}
