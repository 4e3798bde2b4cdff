//! Dijkstra's algorithm (with `limit` and `min_only`) and Johnson's algorithm.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rayon::prelude::*;
use sci_array::ndarray::{Array1, Array2, Axis};

use super::paths::{ShortestPaths, sources};
use super::{Graph, NULL_PREDECESSOR};
use crate::CsrMatrix;
use crate::error::{Result, SparseError, invalid};

/// Keyword arguments of [`dijkstra_with`] and [`dijkstra_min_only`] (SciPy's defaults).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::DijkstraOptions;
/// let o = DijkstraOptions::default();
/// assert!(o.directed && !o.unweighted && o.limit == f64::INFINITY);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DijkstraOptions {
    /// Follow edges only from row to column (`directed=True`, the default).
    pub directed: bool,
    /// Count edges instead of summing weights (`unweighted=False`).
    pub unweighted: bool,
    /// Largest distance to compute (`limit=np.inf`): nodes farther than `limit` are reported
    /// as unreachable (`inf`, predecessor -9999). Must be `>= 0`.
    pub limit: f64,
}

impl Default for DijkstraOptions {
    fn default() -> Self {
        DijkstraOptions { directed: true, unweighted: false, limit: f64::INFINITY }
    }
}

/// Result of [`dijkstra_min_only`]: for every node, the distance from the nearest source.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{dijkstra_min_only, DijkstraOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 0.0], [0.0, 0.0, 5.0], [0.0, 0.0, 0.0]]);
/// let r = dijkstra_min_only(&g, Some(&[0, 2]), &DijkstraOptions::default())?;
/// assert_eq!(r.dist, array![0.0, 1.0, 0.0]);
/// assert_eq!(r.sources, array![0, 0, 2]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MinOnlyPaths {
    /// Distance from the nearest source (`inf` when none is within `limit`), length `n`.
    pub dist: Array1<f64>,
    /// Node before each node on its shortest path, -9999 for sources and unreached nodes.
    pub predecessors: Array1<i64>,
    /// The source each node's shortest path starts from (a source is its own), -9999 when
    /// unreached.
    pub sources: Array1<i64>,
}

/// Totally ordered `f64` for the heap (distances are never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OrdF64(pub f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

const NOT_IN_HEAP: u8 = 0;
const IN_HEAP: u8 = 1;
const SCANNED: u8 = 2;
const POPPED: u8 = 3;

/// Reusable heap and node states of one Dijkstra sweep.
#[derive(Default)]
pub(super) struct Scratch {
    heap: BinaryHeap<Reverse<(OrdF64, usize)>>,
    state: Vec<u8>,
}

/// One multi-source Dijkstra sweep as SciPy's `_dijkstra_*_multi` runs it: the sources start
/// scanned at distance 0; a node enters the heap when reached within `limit`. `d`, `p` (and
/// `from`) must hold `inf`, -9999 (and -9999) on entry.
pub(super) fn sweep(
    g: &Graph,
    srcs: &[usize],
    unweighted: bool,
    limit: f64,
    d: &mut [f64],
    p: &mut [i64],
    mut from: Option<&mut [i64]>,
    s: &mut Scratch,
) {
    s.heap.clear();
    s.state.clear();
    s.state.resize(g.n, NOT_IN_HEAP);
    for &x in srcs {
        if s.state[x] == SCANNED {
            continue;
        }
        s.state[x] = SCANNED;
        d[x] = 0.0;
        if let Some(f) = from.as_deref_mut() {
            f[x] = x as i64;
        }
        s.heap.push(Reverse((OrdF64(0.0), x)));
    }
    let state = &mut s.state;
    let heap = &mut s.heap;
    let parts = [Some(&g.out), g.inn.as_ref()];
    while let Some(Reverse((OrdF64(dv), v))) = heap.pop() {
        if state[v] == POPPED || dv > d[v] {
            continue;
        }
        state[v] = POPPED;
        let src_v = from.as_deref().map(|f| f[v]);
        // the row of the matrix, then (undirected) the row of its transpose, as SciPy scans
        for c in parts.iter().flatten() {
            let (a, b) = (c.indptr[v], c.indptr[v + 1]);
            for (&u, &w) in c.indices[a..b].iter().zip(&c.data[a..b]) {
                if state[u] >= SCANNED {
                    continue;
                }
                let nd = dv + if unweighted { 1.0 } else { w };
                if nd <= limit && (state[u] == NOT_IN_HEAP || nd < d[u]) {
                    state[u] = IN_HEAP;
                    d[u] = nd;
                    p[u] = v as i64;
                    if let (Some(f), Some(sv)) = (from.as_deref_mut(), src_v) {
                        f[u] = sv;
                    }
                    heap.push(Reverse((OrdF64(nd), u)));
                }
            }
        }
    }
}

/// One row per source, rows swept in parallel.
fn rows(g: &Graph, src: &[usize], unweighted: bool, limit: f64) -> Result<ShortestPaths> {
    let n = g.n;
    let mut dist = vec![f64::INFINITY; src.len() * n];
    let mut pred = vec![NULL_PREDECESSOR; src.len() * n];
    dist.par_chunks_mut(n.max(1))
        .zip(pred.par_chunks_mut(n.max(1)))
        .zip(src.par_iter())
        .with_min_len(8)
        .for_each_init(Scratch::default, |s, ((d, p), &x)| sweep(g, &[x], unweighted, limit, d, p, None, s));
    let shape = (src.len(), n);
    let bad = |e: sci_array::ndarray::ShapeError| invalid("indices", e.to_string());
    Ok(ShortestPaths {
        dist: Array2::from_shape_vec(shape, dist).map_err(bad)?,
        predecessors: Array2::from_shape_vec(shape, pred).map_err(bad)?,
    })
}

fn checked_graph(csgraph: &CsrMatrix<f64>, o: &DijkstraOptions) -> Result<Graph> {
    let g = Graph::new(csgraph, o.directed)?;
    if !o.unweighted && g.out.data.iter().any(|&w| w.is_nan() || w < 0.0) {
        return Err(invalid("csgraph", "graph should not have negative weights for Dijkstra"));
    }
    if o.limit.is_nan() || o.limit < 0.0 {
        return Err(invalid("limit", "limit must be >= 0"));
    }
    Ok(g)
}

/// Shortest paths from `indices` (all nodes by default) by Dijkstra's algorithm; weights
/// must be non-negative. Shorthand for [`dijkstra_with`] without a `limit`.
///
/// SciPy equivalent: `scipy.sparse.csgraph.dijkstra(csgraph, directed, indices,
/// return_predecessors=True, unweighted)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square
/// matrix, [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a
/// source outside the graph, [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// for negative (or NaN) weights (SciPy only warns and returns unreliable paths).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::dijkstra;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let sp = dijkstra(&g, false, Some(&[0]), false)?;
/// assert_eq!(sp.dist, array![[0.0, 1.0, 2.0, 2.0]]);
/// assert_eq!(sp.predecessors, array![[-9999, 0, 0, 1]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn dijkstra(
    csgraph: &CsrMatrix<f64>,
    directed: bool,
    indices: Option<&[usize]>,
    unweighted: bool,
) -> Result<ShortestPaths> {
    dijkstra_with(csgraph, indices, &DijkstraOptions { directed, unweighted, ..Default::default() })
}

/// Dijkstra's algorithm from each of `indices` (all nodes by default) with SciPy's keyword
/// arguments: distances beyond `limit` are `inf` (the search stops there, so a small limit
/// is fast).
///
/// One row per source (a source given twice gives two rows); rows are computed in parallel.
///
/// SciPy equivalent: `scipy.sparse.csgraph.dijkstra(csgraph, directed, indices,
/// return_predecessors=True, unweighted, limit)`.
///
/// # Errors
///
/// As [`dijkstra`], and [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// for a negative or NaN `limit` ("limit must be >= 0").
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{dijkstra_with, DijkstraOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let sp = dijkstra_with(&g, Some(&[0]), &DijkstraOptions { limit: 1.5, ..Default::default() })?;
/// assert_eq!(sp.dist, array![[0.0, 1.0, f64::INFINITY, f64::INFINITY]]);
/// assert_eq!(sp.predecessors, array![[-9999, 0, -9999, -9999]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn dijkstra_with(
    csgraph: &CsrMatrix<f64>,
    indices: Option<&[usize]>,
    options: &DijkstraOptions,
) -> Result<ShortestPaths> {
    let g = checked_graph(csgraph, options)?;
    let src = sources(g.n, indices)?;
    rows(&g, &src, options.unweighted, options.limit)
}

/// Dijkstra's algorithm from all of `indices` at once (`min_only=True`): for every node the
/// distance from the nearest source, the predecessor on that path and the source it starts
/// from. All nodes are sources when `indices` is `None`.
///
/// When two sources are equally near, the one reported may differ from SciPy's (its
/// Fibonacci heap breaks ties in another order); distances agree.
///
/// SciPy equivalent: `scipy.sparse.csgraph.dijkstra(csgraph, directed, indices,
/// return_predecessors=True, unweighted, limit, min_only=True)`.
///
/// # Errors
///
/// As [`dijkstra_with`].
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{dijkstra_min_only, DijkstraOptions};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let r = dijkstra_min_only(&g, Some(&[0, 3]), &DijkstraOptions::default())?;
/// assert_eq!(r.dist, array![0.0, 1.0, 2.0, 0.0]);
/// assert_eq!(r.predecessors, array![-9999, 0, 0, -9999]);
/// assert_eq!(r.sources, array![0, 0, 0, 3]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn dijkstra_min_only(
    csgraph: &CsrMatrix<f64>,
    indices: Option<&[usize]>,
    options: &DijkstraOptions,
) -> Result<MinOnlyPaths> {
    let g = checked_graph(csgraph, options)?;
    let src = sources(g.n, indices)?;
    let n = g.n;
    let mut dist = Array1::from_elem(n, f64::INFINITY);
    let mut predecessors = Array1::from_elem(n, NULL_PREDECESSOR);
    let mut from = Array1::from_elem(n, NULL_PREDECESSOR);
    let mut s = Scratch::default();
    if let (Some(d), Some(p), Some(f)) =
        (dist.as_slice_mut(), predecessors.as_slice_mut(), from.as_slice_mut())
    {
        sweep(&g, &src, options.unweighted, options.limit, d, p, Some(f), &mut s);
    }
    Ok(MinOnlyPaths { dist, predecessors, sources: from })
}

/// Shortest paths by Johnson's algorithm: Bellman–Ford potentials from a virtual node
/// reweight the edges to non-negative ones, then Dijkstra runs from each source. Negative
/// weights are allowed (a negative edge in an undirected graph is a negative cycle).
///
/// SciPy equivalent: `scipy.sparse.csgraph.johnson(csgraph, directed, indices,
/// return_predecessors=True, unweighted)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square
/// matrix, [`SparseError::IndexOutOfBounds`](crate::SparseError::IndexOutOfBounds) for a
/// source outside the graph, [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// for NaN weights, [`SparseError::NegativeCycle`](crate::SparseError::NegativeCycle) for a
/// negative cycle (SciPy's `NegativeCycleError`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::johnson;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 4.0, 1.0], [0.0, 0.0, 0.0], [0.0, -2.0, 0.0]]);
/// let sp = johnson(&g, true, Some(&[0]), false)?;
/// assert_eq!(sp.dist, array![[0.0, -1.0, 1.0]]);
/// assert_eq!(sp.predecessors, array![[-9999, 2, 0]]);
/// assert!(johnson(&g, false, None, false).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn johnson(
    csgraph: &CsrMatrix<f64>,
    directed: bool,
    indices: Option<&[usize]>,
    unweighted: bool,
) -> Result<ShortestPaths> {
    if unweighted {
        return dijkstra(csgraph, directed, indices, true);
    }
    let mut g = Graph::new(csgraph, directed)?;
    if g.out.data.iter().any(|w| w.is_nan()) {
        return Err(invalid("csgraph", "graph should not have NaN weights"));
    }
    let src = sources(g.n, indices)?;
    let h = reweight(&mut g, directed)?;
    let mut sp = rows(&g, &src, false, f64::INFINITY)?;
    for (mut row, &s) in sp.dist.axis_iter_mut(Axis(0)).zip(&src) {
        for (d, &hj) in row.iter_mut().zip(&h) {
            *d += hj;
            *d -= h[s];
        }
    }
    Ok(sp)
}

/// Johnson's reweighting in place: Bellman-Ford potentials `h` from a virtual node joined to
/// every node by a 0 edge, relaxed in SciPy's order (rows in turn, updates seen at once) so
/// the potentials match its, then `w(i, j) += h[i] - h[j]`. Returns `h`.
pub(super) fn reweight(g: &mut Graph, directed: bool) -> Result<Vec<f64>> {
    let n = g.n;
    let c = &g.out;
    let mut h = vec![0.0f64; n];
    if directed {
        for _ in 0..n {
            for j in 0..n {
                let d1 = h[j];
                for k in c.indptr[j]..c.indptr[j + 1] {
                    if d1 + c.data[k] < h[c.indices[k]] {
                        h[c.indices[k]] = d1 + c.data[k];
                    }
                }
            }
        }
        for j in 0..n {
            for k in c.indptr[j]..c.indptr[j + 1] {
                if h[j] + c.data[k] + 1e-15 < h[c.indices[k]] {
                    return Err(SparseError::NegativeCycle { node: j });
                }
            }
        }
    } else if let Some(k) = c.data.iter().position(|&w| w < 0.0) {
        // |h_i - h_j| <= w fails for every negative undirected edge; with none, h = 0.
        let node = c.indptr.partition_point(|&p| p <= k) - 1;
        return Err(SparseError::NegativeCycle { node });
    }
    for j in 0..n {
        for k in g.out.indptr[j]..g.out.indptr[j + 1] {
            g.out.data[k] += h[j];
            g.out.data[k] -= h[g.out.indices[k]];
        }
    }
    Ok(h)
}
