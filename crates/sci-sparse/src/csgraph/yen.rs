//! Yen's K shortest loopless paths, step by step as SciPy's `_yen`.

use sci_array::ndarray::{Array1, Array2, s};

use super::dijkstra::{Scratch, reweight, sweep};
use super::{Graph, NULL_PREDECESSOR};
use crate::CsrMatrix;
use crate::error::{Result, SparseError, invalid};

const NULL: i64 = NULL_PREDECESSOR;
const INF: f64 = f64::INFINITY;

/// Mutable edge weights of the graph (out-edges and, undirected, the transpose) and the
/// originals to restore them from.
struct Weights {
    orig: Vec<f64>,
    orig_t: Vec<f64>,
}

/// One Dijkstra run from `spur` on the current weights: (distances, predecessors).
fn from_spur(g: &Graph, spur: usize, d: &mut Array1<f64>, p: &mut Array1<i64>, s: &mut Scratch) {
    d.fill(INF);
    p.fill(NULL);
    if let (Some(d), Some(p)) = (d.as_slice_mut(), p.as_slice_mut()) {
        sweep(g, &[spur], false, INF, d, p, None, s);
    }
}

/// Sets the weights of the out-edges (and transposed edges) of `node` to `inf`, or back to
/// their original values.
fn set_row(g: &mut Graph, w: &Weights, node: usize, remove: bool) {
    let (a, b) = (g.out.indptr[node], g.out.indptr[node + 1]);
    for k in a..b {
        g.out.data[k] = if remove { INF } else { w.orig[k] };
    }
    if let Some(t) = g.inn.as_mut() {
        for k in t.indptr[node]..t.indptr[node + 1] {
            t.data[k] = if remove { INF } else { w.orig_t[k] };
        }
    }
}

/// SciPy's `_yen_is_path_in_candidates`.
fn in_candidates(
    cand: &Array2<i64>,
    orig: &[i64],
    spur_path: &Array1<i64>,
    spur: usize,
    sink: usize,
) -> bool {
    'rows: for row in cand.rows() {
        let mut node = sink as i64;
        while node != spur as i64 {
            let u = node as usize;
            if row[u] != spur_path[u] {
                continue 'rows;
            }
            node = row[u];
        }
        while node != NULL {
            let u = node as usize;
            if row[u] != orig[u] {
                continue 'rows;
            }
            node = row[u];
        }
        return true;
    }
    false
}

/// The `K` shortest loopless paths from `source` to `sink` (fewer when there are fewer):
/// their lengths, ascending, and one predecessor row per path (-9999 off the path). Negative
/// weights are handled by Johnson's reweighting.
///
/// SciPy's algorithm step by step; among paths of equal length the ones reported may differ
/// from SciPy's, whose Dijkstra breaks ties in another order.
///
/// SciPy equivalent: `scipy.sparse.csgraph.yen(csgraph, source, sink, K, directed,
/// return_predecessors=True, unweighted)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square
/// matrix, [`SparseError::IndexOutOfBounds`] for `source` or `sink` outside the graph,
/// [`SparseError::InvalidValue`] for NaN weights, [`SparseError::NegativeCycle`] for a
/// negative cycle (SciPy's `NegativeCycleError`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::yen;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let (dist, pred) = yen(&g, 0, 3, 2, false, false)?;
/// assert_eq!(dist, array![2.0, 5.0]);
/// assert_eq!(pred, array![[-9999, 0, -9999, 1], [-9999, -9999, 0, 2]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn yen(
    csgraph: &CsrMatrix<f64>,
    source: usize,
    sink: usize,
    k: usize,
    directed: bool,
    unweighted: bool,
) -> Result<(Array1<f64>, Array2<i64>)> {
    let mut g = Graph::new(csgraph, directed)?;
    let n = g.n;
    for (arg, v) in [("source", source), ("sink", sink)] {
        if v >= n {
            return Err(SparseError::IndexOutOfBounds { arg, index: v as i64, bound: n });
        }
    }
    let mut h = None;
    if unweighted {
        g.out.data.iter_mut().for_each(|w| *w = 1.0);
        if let Some(t) = g.inn.as_mut() {
            t.data.iter_mut().for_each(|w| *w = 1.0);
        }
    } else {
        if g.out.data.iter().any(|w| w.is_nan()) {
            return Err(invalid("csgraph", "graph should not have NaN weights"));
        }
        if g.out.data.iter().any(|&w| w < 0.0) {
            h = Some(reweight(&mut g, directed)?);
            // undirected graphs with a negative edge are rejected above: the transpose
            // needs no reweighting (h = 0)
        }
    }
    let mut dist = Array1::from_elem(k, INF);
    let mut paths = Array2::from_elem((k, n), NULL);
    if k > 0 {
        yen_paths(&mut g, source, sink, &mut dist, &mut paths);
    }
    if let Some(h) = h {
        dist.mapv_inplace(|d| d + (h[sink] - h[source]));
    }
    let found = dist.iter().filter(|&&d| d < INF).count();
    Ok((dist.slice(s![..found]).to_owned(), paths.slice(s![..found, ..]).to_owned()))
}

/// SciPy's `_yen` on the (reweighted) graph: fills `dist` and `paths` (one row per path).
fn yen_paths(g: &mut Graph, source: usize, sink: usize, dist: &mut Array1<f64>, paths: &mut Array2<i64>) {
    let (kk, n) = paths.dim();
    let mut s = Scratch::default();
    let (mut d, mut p) = (Array1::from_elem(n, INF), Array1::from_elem(n, NULL));
    from_spur(g, source, &mut d, &mut p, &mut s);
    dist[0] = d[sink];
    if dist[0] == INF {
        return;
    }
    let w = Weights {
        orig: g.out.data.clone(),
        orig_t: g.inn.as_ref().map(|t| t.data.clone()).unwrap_or_default(),
    };
    let mut cand_dist = Array1::from_elem(kk, INF);
    let mut cand = Array2::from_elem((kk, n), NULL);
    let mut node = sink as i64;
    while node != NULL {
        paths[[0, node as usize]] = p[node as usize];
        node = p[node as usize];
    }
    for k in 1..kk {
        let prev: Vec<i64> = paths.row(k - 1).to_vec();
        let mut spur = sink;
        let mut root = dist[k - 1];
        while spur != source {
            // drop the last edge of the root path
            let tail = prev[spur] as usize;
            let mut last = INF;
            for q in g.out.indptr[tail]..g.out.indptr[tail + 1] {
                if g.out.indices[q] == spur {
                    last = g.out.data[q];
                    break;
                }
            }
            if let Some(t) = &g.inn {
                for q in t.indptr[tail]..t.indptr[tail + 1] {
                    if t.indices[q] == spur && t.data[q] < last {
                        last = t.data[q];
                        break;
                    }
                }
            }
            root -= last;
            spur = tail;
            // remove the edges out of the spur node that the found paths sharing this root take
            for idx in 0..k {
                let mut node = spur;
                while paths[[idx, node]] == prev[node] {
                    if node == source {
                        for q in g.out.indptr[spur]..g.out.indptr[spur + 1] {
                            if paths[[idx, g.out.indices[q]]] == spur as i64 {
                                g.out.data[q] = INF;
                            }
                        }
                        if let Some(t) = g.inn.as_mut() {
                            for q in t.indptr[spur]..t.indptr[spur + 1] {
                                if paths[[idx, t.indices[q]]] == spur as i64 {
                                    t.data[q] = INF;
                                }
                            }
                        }
                        break;
                    }
                    node = paths[[idx, node]] as usize;
                }
            }
            // remove the root path's nodes before the spur node
            let mut node = prev[spur];
            while node != NULL {
                set_row(g, &w, node as usize, true);
                node = prev[node as usize];
            }
            from_spur(g, spur, &mut d, &mut p, &mut s);
            let total = d[sink] + root;
            if total != INF && !in_candidates(&cand, &prev, &p, spur, sink) {
                let (mut slot, mut worst, mut worst_at) = (None, -INF, None);
                for i in 0..kk {
                    if cand_dist[i] == INF {
                        slot = Some(i);
                        break;
                    } else if cand_dist[i] > worst {
                        worst = cand_dist[i];
                        worst_at = Some(i);
                    }
                }
                if slot.is_none() && total < worst {
                    slot = worst_at;
                }
                if let Some(i) = slot {
                    cand_dist[i] = total;
                    cand.row_mut(i).fill(NULL);
                    let mut node = spur as i64;
                    while node != NULL {
                        cand[[i, node as usize]] = prev[node as usize];
                        node = prev[node as usize];
                    }
                    let mut node = sink;
                    while node != spur {
                        cand[[i, node]] = p[node];
                        node = p[node] as usize;
                    }
                }
            }
            // restore the weights
            let mut node = spur as i64;
            while node != NULL {
                set_row(g, &w, node as usize, false);
                node = prev[node as usize];
            }
        }
        let mut best = None;
        let mut best_d = INF;
        for i in 0..kk {
            if cand_dist[i] < best_d {
                best_d = cand_dist[i];
                best = Some(i);
            }
        }
        let Some(i) = best else { break };
        dist[k] = cand_dist[i];
        cand_dist[i] = INF;
        let row = cand.row(i).to_owned();
        paths.row_mut(k).assign(&row);
    }
}
