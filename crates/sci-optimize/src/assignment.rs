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
    let col4row = solve(nr, nc, &cost).ok_or_else(|| invalid("cost_matrix", "cost matrix is infeasible"))?;
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

/// The shortest augmenting path solver on a row-major `nr x nc` matrix with `nr <= nc`; returns
/// the column of every row, or `None` when infeasible.
fn solve(nr: usize, nc: usize, cost: &[f64]) -> Option<Vec<usize>> {
    let mut u = vec![0.0; nr];
    let mut v = vec![0.0; nc];
    let mut spc = vec![0.0; nc];
    let mut path = vec![NONE; nc];
    let mut col4row = vec![NONE; nr];
    let mut row4col = vec![NONE; nc];
    let mut sr = vec![false; nr];
    let mut sc = vec![false; nc];
    let mut remaining = vec![0usize; nc];

    for cur_row in 0..nr {
        // Dijkstra-like search for the shortest augmenting path from `cur_row`; `remaining`
        // lists the columns not reached yet, in SciPy's order (removal swaps the last entry
        // in), which decides ties.
        let mut min_val = 0.0;
        let mut num_remaining = nc;
        for (it, r) in remaining.iter_mut().enumerate() {
            *r = nc - it - 1;
        }
        sr.fill(false);
        sc.fill(false);
        spc.fill(f64::INFINITY);
        let mut i = cur_row;
        let sink = loop {
            sr[i] = true;
            let row = &cost[i * nc..(i + 1) * nc];
            let ui = u[i];
            let mut lowest = f64::INFINITY;
            let mut index = NONE;
            for (it, &j) in remaining[..num_remaining].iter().enumerate() {
                // SciPy's order of operations: `minVal + cost - u[i] - v[j]`, rounded as there
                // (another order changes which of several tied columns is taken).
                let r = min_val + row[j] - ui - v[j];
                if r < spc[j] {
                    path[j] = i;
                    spc[j] = r;
                }
                let s = spc[j];
                // Among ties prefer a column that is still free: it ends the search (important
                // for integer matrices with small entries, and what fixes SciPy's choice).
                if s < lowest || (s == lowest && row4col[j] == NONE) {
                    lowest = s;
                    index = it;
                }
            }
            min_val = lowest;
            if min_val == f64::INFINITY {
                return None;
            }
            let j = remaining[index];
            sc[j] = true;
            num_remaining -= 1;
            remaining[index] = remaining[num_remaining];
            if row4col[j] == NONE {
                break j;
            }
            i = row4col[j];
        };

        // Update the dual variables.
        u[cur_row] += min_val;
        for i in 0..nr {
            if sr[i] && i != cur_row {
                u[i] += min_val - spc[col4row[i]];
            }
        }
        for j in 0..nc {
            if sc[j] {
                v[j] -= min_val - spc[j];
            }
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
