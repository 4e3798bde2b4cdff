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
    // Row-major copy (negated when maximizing), checked as SciPy does.
    let mut cost = Vec::with_capacity(nr * nc);
    for row in view.rows() {
        for &v in row {
            let v = if maximize { -v } else { v };
            if v.is_nan() || v == f64::NEG_INFINITY {
                return Err(invalid("cost_matrix", "matrix contains invalid numeric entries"));
            }
            cost.push(v);
        }
    }
    let col4row = solve(nr, nc, &cost, Scan::detect(nc))
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

/// The shortest augmenting path solver on a row-major `nr x nc` matrix with `nr <= nc`, with
/// the scan kernels `simd`; returns the column of every row, or `None` when infeasible.
fn solve(nr: usize, nc: usize, cost: &[f64], simd: Scan) -> Option<Vec<usize>> {
    let mut u = vec![0.0; nr];
    let mut v = vec![0.0; nc];
    let mut spc = vec![0.0; nc];
    let mut path = vec![NONE; nc];
    let mut col4row = vec![NONE; nr];
    let mut row4col = vec![NONE; nc];
    // The columns not reached yet (`remaining`, in SciPy's order: removal swaps the last entry
    // in, which decides ties), with their `v`, shortest path cost and predecessor row stored
    // in the same order, so that the scan reads them contiguously.
    let mut rem = Search { col: vec![0; nc], v: vec![0.0; nc], spc: vec![0.0; nc], path: vec![0; nc] };
    let mut rows_seen = Vec::with_capacity(nr);
    let mut cols_seen = Vec::with_capacity(nc);

    for cur_row in 0..nr {
        // Dijkstra-like search for the shortest augmenting path from `cur_row`.
        let mut min_val = 0.0;
        let mut num_remaining = nc;
        for (it, ((c, rv), rs)) in rem.col.iter_mut().zip(&mut rem.v).zip(&mut rem.spc).enumerate() {
            *c = (nc - it - 1) as u32;
            *rv = v[nc - it - 1];
            *rs = f64::INFINITY;
        }
        rows_seen.clear();
        cols_seen.clear();
        let mut i = cur_row;
        let sink = loop {
            let k = num_remaining;
            let row = &cost[i * nc..(i + 1) * nc];
            // SciPy's order of operations: `minVal + cost - u[i] - v[j]`, rounded as there
            // (another order changes which of several tied columns is taken).
            let step = Step { row, min_val, ui: u[i], i: i as u32 };
            let lowest = simd.relax(step, rem.lanes(k));
            if lowest == f64::INFINITY {
                return None;
            }
            // SciPy's pick among the columns at `lowest`: a free column if any (it ends the
            // search; the last such in the scan order), else the first.
            let mut first = NONE;
            let mut free = NONE;
            simd.ties(&rem.spc[..k], lowest, |it| {
                if first == NONE {
                    first = it;
                }
                if row4col[rem.col[it] as usize] == NONE {
                    free = it;
                }
            });
            let index = if free == NONE { first } else { free };
            min_val = lowest;
            let j = rem.col[index] as usize;
            spc[j] = rem.spc[index];
            path[j] = rem.path[index] as usize;
            cols_seen.push(j);
            num_remaining -= 1;
            rem.swap_remove(index, num_remaining);
            if row4col[j] == NONE {
                break j;
            }
            i = row4col[j];
            rows_seen.push(i);
        };

        // Update the dual variables.
        u[cur_row] += min_val;
        for &i in &rows_seen {
            u[i] += min_val - spc[col4row[i]];
        }
        for &j in &cols_seen {
            v[j] -= min_val - spc[j];
        }

        // Augment along the path.
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

/// The columns not reached yet by one search, and their state, in the search's order.
struct Search {
    col: Vec<u32>,
    v: Vec<f64>,
    spc: Vec<f64>,
    path: Vec<u32>,
}

/// The first entries of a [`Search`].
struct Lanes<'a> {
    col: &'a [u32],
    v: &'a [f64],
    spc: &'a mut [f64],
    path: &'a mut [u32],
}

/// One step of a search: row `i` (its costs `row`, its dual `ui`) relaxes the remaining
/// columns, at the search's distance `min_val`.
#[derive(Clone, Copy)]
struct Step<'a> {
    row: &'a [f64],
    min_val: f64,
    ui: f64,
    i: u32,
}

impl Search {
    /// Entries `..k`.
    fn lanes(&mut self, k: usize) -> Lanes<'_> {
        Lanes { col: &self.col[..k], v: &self.v[..k], spc: &mut self.spc[..k], path: &mut self.path[..k] }
    }

    /// Removes entry `index` by moving entry `last` there (SciPy's order of `remaining`).
    fn swap_remove(&mut self, index: usize, last: usize) {
        self.col[index] = self.col[last];
        self.v[index] = self.v[last];
        self.spc[index] = self.spc[last];
        self.path[index] = self.path[last];
    }
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
    fn detect(nc: usize) -> Self {
        #[cfg(target_arch = "x86_64")]
        if nc >= 4 && nc < i32::MAX as usize && std::arch::is_x86_feature_detected!("avx2") {
            return Self::Avx2;
        }
        let _ = nc;
        Self::Portable
    }

    /// Relaxes the remaining columns `lanes` through row `i` (`spc = min(spc, min_val +
    /// row[j] - ui - v[j])`, `path = i` where it decreased) and returns the smallest `spc`.
    fn relax(self, step: Step<'_>, lanes: Lanes<'_>) -> f64 {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` checked AVX2 and `nc < i32::MAX`; the columns are below
            // `row.len() = nc`, the lanes' slices have equal lengths (`Search::lanes`).
            #[allow(unsafe_code)]
            Self::Avx2 => unsafe { avx2::relax(step, lanes) },
            Self::Portable => relax_portable(step, lanes),
        }
    }

    /// Calls `f` on the positions of `spc` equal to `lowest`, in order.
    fn ties(self, spc: &[f64], lowest: f64, mut f: impl FnMut(usize)) {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` checked AVX2.
            #[allow(unsafe_code)]
            Self::Avx2 => unsafe { avx2::ties(spc, lowest, &mut f) },
            Self::Portable => spc.iter().enumerate().filter(|&(_, &s)| s == lowest).for_each(|(it, _)| f(it)),
        }
    }
}

/// [`Scan::relax`] entry by entry.
#[inline(always)]
fn relax_portable(Step { row, min_val, ui, i }: Step<'_>, Lanes { col, v, spc, path }: Lanes<'_>) -> f64 {
    let mut lowest = f64::INFINITY;
    for (((&j, &vj), s), p) in col.iter().zip(v).zip(spc.iter_mut()).zip(path.iter_mut()) {
        let r = min_val + row[j as usize] - ui - vj;
        if r < *s {
            *s = r;
            *p = i;
        }
        lowest = lowest.min(*s);
    }
    lowest
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx2 {
    use super::{Lanes, Step};
    use std::arch::x86_64::*;

    /// [`super::Scan::relax`], four columns at a time (the tail entry by entry).
    ///
    /// # Safety
    ///
    /// The CPU has AVX2; `v`, `spc` and `path` have the length of `col`, whose entries are
    /// below `row.len()` and `i32::MAX`.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn relax(step: Step<'_>, lanes: Lanes<'_>) -> f64 {
        let Step { row, min_val, ui, i } = step;
        let Lanes { col, v, spc, path } = lanes;
        let k = col.len();
        let full = k / 4 * 4;
        let (mv, uv, iv) = (_mm256_set1_pd(min_val), _mm256_set1_pd(ui), _mm_set1_epi32(i as i32));
        // The low halves of the four 64-bit comparison lanes, as a 32-bit mask for `path`.
        let halves = _mm256_setr_epi32(0, 2, 4, 6, 0, 0, 0, 0);
        let mut low = _mm256_set1_pd(f64::INFINITY);
        let mut it = 0;
        // SAFETY: lanes `it..it + 4` are in bounds of the four slices (`it + 4 <= k`), and the
        // gathered indices are in bounds of `row`.
        unsafe {
            while it < full {
                let idx = _mm_loadu_si128(col.as_ptr().add(it).cast());
                let c = _mm256_i32gather_pd::<8>(row.as_ptr(), idx);
                let r = _mm256_sub_pd(
                    _mm256_sub_pd(_mm256_add_pd(mv, c), uv),
                    _mm256_loadu_pd(v.as_ptr().add(it)),
                );
                let s = _mm256_loadu_pd(spc.as_ptr().add(it));
                let lt = _mm256_cmp_pd::<_CMP_LT_OQ>(r, s);
                let s = _mm256_blendv_pd(s, r, lt);
                _mm256_storeu_pd(spc.as_mut_ptr().add(it), s);
                let lt32 =
                    _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(_mm256_castpd_si256(lt), halves));
                _mm_maskstore_epi32(path.as_mut_ptr().add(it).cast(), lt32, iv);
                low = _mm256_min_pd(low, s);
                it += 4;
            }
        }
        let mut lanes = [0.0; 4];
        // SAFETY: `lanes` holds four f64.
        unsafe { _mm256_storeu_pd(lanes.as_mut_ptr(), low) };
        let rest = Lanes { col: &col[full..], v: &v[full..], spc: &mut spc[full..], path: &mut path[full..] };
        let tail = super::relax_portable(step, rest);
        lanes.iter().fold(tail, |a, &b| a.min(b))
    }

    /// [`super::Scan::ties`], four entries compared at a time.
    ///
    /// # Safety
    ///
    /// The CPU has AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn ties(spc: &[f64], lowest: f64, f: &mut impl FnMut(usize)) {
        let lv = _mm256_set1_pd(lowest);
        let mut chunks = spc.chunks_exact(4);
        let mut base = 0;
        for c in &mut chunks {
            // SAFETY: `c` holds 4 entries.
            let s = unsafe { _mm256_loadu_pd(c.as_ptr()) };
            let mut m = _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_EQ_OQ>(s, lv)) as u32;
            while m != 0 {
                f(base + m.trailing_zeros() as usize);
                m &= m - 1;
            }
            base += 4;
        }
        for (t, &s) in chunks.remainder().iter().enumerate() {
            if s == lowest {
                f(base + t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sci_array::random::default_rng;

    /// The vector scans give the portable code's assignment (bit-equal arithmetic, the same
    /// ties): floats, small integers (many ties), `+inf` holes, square and rectangular, sizes
    /// around the vector width.
    #[test]
    fn simd_scan_matches_portable() {
        let mut rng = default_rng(11);
        let mut n_cases = 0;
        for (nr, nc) in
            [(1, 1), (3, 8), (7, 9), (8, 8), (15, 16), (16, 17), (23, 40), (40, 40), (57, 64), (100, 100)]
        {
            for kind in 0..3 {
                let u = rng.uniform(0.0, 1.0, nr * nc).unwrap().to_vec();
                let cost: Vec<f64> = match kind {
                    0 => u,
                    1 => u.iter().map(|x| (x * 3.0).floor()).collect(),
                    _ => u
                        .iter()
                        .map(|&x| if x < 0.2 { f64::INFINITY } else { (x * 6.0).floor() * 0.1 })
                        .collect(),
                };
                let want = solve(nr, nc, &cost, Scan::Portable);
                assert_eq!(solve(nr, nc, &cost, Scan::detect(nc)), want, "{nr}x{nc} kind {kind}");
                if kind < 2 {
                    assert!(want.is_some());
                }
                n_cases += 1;
            }
        }
        assert_eq!(n_cases, 30);
    }
}
