//! Shortest paths: Bellman–Ford, Floyd–Warshall and [`shortest_path`] (Dijkstra and Johnson
//! are in `dijkstra.rs`).

use sci_array::ndarray::Array2;

use super::dijkstra::{dijkstra, johnson};
use super::{Graph, NULL_PREDECESSOR};
use crate::CsrMatrix;
use crate::error::{Result, SparseError, invalid};

/// Distances and predecessors from each source node.
///
/// `dist[[s, j]]` is the length of a shortest path from source `s` (row `s` of the result,
/// the `s`-th entry of `indices`) to node `j` (`inf` if unreachable); `predecessors[[s, j]]`
/// is the node before `j` on it, or [`NULL_PREDECESSOR`](super::NULL_PREDECESSOR) (-9999).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::dijkstra;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0], [0.0, 0.0]]);
/// let sp = dijkstra(&g, true, None, false)?;
/// assert_eq!(sp.dist, array![[0.0, 1.0], [f64::INFINITY, 0.0]]);
/// assert_eq!(sp.predecessors, array![[-9999, 0], [-9999, -9999]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ShortestPaths {
    /// Path lengths, `(sources, n)`.
    pub dist: Array2<f64>,
    /// Predecessor nodes, `(sources, n)`.
    pub predecessors: Array2<i64>,
}

/// Algorithm of [`shortest_path`] (SciPy's `method`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{shortest_path, Method};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 2.0], [0.0, 0.0]]);
/// let d = shortest_path(&g, Method::FloydWarshall, true, false, None)?.dist;
/// assert_eq!(d, array![[0.0, 2.0], [f64::INFINITY, 0.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Method {
    /// SciPy's choice (`"auto"`): Floyd–Warshall when `indices` is `None` and at least a
    /// quarter of the `n^2` entries are stored; otherwise Johnson when a stored weight is
    /// negative, else Dijkstra.
    #[default]
    Auto,
    /// Dijkstra with a binary heap (`"D"`).
    Dijkstra,
    /// Bellman–Ford (`"BF"`).
    BellmanFord,
    /// Floyd–Warshall (`"FW"`).
    FloydWarshall,
    /// Johnson: Bellman–Ford reweighting, then Dijkstra (`"J"`).
    Johnson,
}

pub(crate) fn sources(n: usize, indices: Option<&[usize]>) -> Result<Vec<usize>> {
    match indices {
        None => Ok((0..n).collect()),
        Some(ix) => {
            if let Some(&bad) = ix.iter().find(|&&i| i >= n) {
                return Err(SparseError::IndexOutOfBounds { arg: "indices", index: bad as i64, bound: n });
            }
            Ok(ix.to_vec())
        }
    }
}

fn weight(w: f64, unweighted: bool) -> f64 {
    if unweighted { 1.0 } else { w }
}

/// Shortest paths by the Bellman–Ford algorithm; negative weights allowed.
///
/// SciPy equivalent: `scipy.sparse.csgraph.bellman_ford(csgraph, directed, indices,
/// return_predecessors=True, unweighted)`.
///
/// # Errors
///
/// As [`dijkstra`], and [`SparseError::NegativeCycle`] when a negative cycle is reachable
/// (SciPy's `NegativeCycleError`; an undirected negative edge is such a cycle).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::bellman_ford;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 4.0, 1.0], [0.0, 0.0, 0.0], [0.0, -2.0, 0.0]]);
/// let sp = bellman_ford(&g, true, Some(&[0]), false)?;
/// assert_eq!(sp.dist, array![[0.0, -1.0, 1.0]]);
/// assert!(bellman_ford(&g, false, None, false).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn bellman_ford(
    csgraph: &CsrMatrix<f64>,
    directed: bool,
    indices: Option<&[usize]>,
    unweighted: bool,
) -> Result<ShortestPaths> {
    let g = Graph::new(csgraph, directed)?;
    let src = sources(g.n, indices)?;
    let n = g.n;
    let mut dist = Array2::from_elem((src.len(), n), f64::INFINITY);
    let mut pred = Array2::from_elem((src.len(), n), NULL_PREDECESSOR);
    for (si, &s) in src.iter().enumerate() {
        let mut d = dist.row_mut(si);
        let mut p = pred.row_mut(si);
        d[s] = 0.0;
        for round in 0..=n {
            let mut changed = false;
            let mut first_tail = None;
            for v in 0..n {
                let dv = d[v];
                if dv == f64::INFINITY {
                    continue;
                }
                g.for_each(v, |u, w| {
                    let nd = dv + weight(w, unweighted);
                    if nd < d[u] {
                        d[u] = nd;
                        p[u] = v as i64;
                        changed = true;
                        first_tail.get_or_insert(v);
                    }
                });
            }
            if !changed {
                break;
            }
            if round == n {
                return Err(SparseError::NegativeCycle { node: first_tail.unwrap_or(s) });
            }
        }
    }
    Ok(ShortestPaths { dist, predecessors: pred })
}

/// All-pairs shortest paths by the Floyd–Warshall algorithm.
///
/// SciPy equivalent: `scipy.sparse.csgraph.floyd_warshall(csgraph, directed,
/// return_predecessors=True, unweighted)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix,
/// [`SparseError::NegativeCycle`] for a negative cycle.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::floyd_warshall;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 5.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]);
/// let sp = floyd_warshall(&g, true, false)?;
/// assert_eq!(sp.dist.row(0).to_vec(), vec![0.0, 1.0, 2.0]);
/// assert_eq!(sp.predecessors.row(0).to_vec(), vec![-9999, 0, 1]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn floyd_warshall(csgraph: &CsrMatrix<f64>, directed: bool, unweighted: bool) -> Result<ShortestPaths> {
    let g = Graph::new(csgraph, directed)?;
    let n = g.n;
    let mut d = Array2::from_elem((n, n), f64::INFINITY);
    let mut p = Array2::from_elem((n, n), NULL_PREDECESSOR);
    for i in 0..n {
        g.for_each(i, |j, w| {
            let w = weight(w, unweighted);
            if w < d[[i, j]] {
                d[[i, j]] = w;
                p[[i, j]] = i as i64;
            }
        });
    }
    for i in 0..n {
        if d[[i, i]] < 0.0 {
            return Err(SparseError::NegativeCycle { node: i });
        }
        d[[i, i]] = 0.0;
        p[[i, i]] = NULL_PREDECESSOR;
    }
    for k in 0..n {
        for i in 0..n {
            let dik = d[[i, k]];
            if dik == f64::INFINITY {
                continue;
            }
            for j in 0..n {
                let nd = dik + d[[k, j]];
                if nd < d[[i, j]] {
                    d[[i, j]] = nd;
                    p[[i, j]] = p[[k, j]];
                }
            }
        }
    }
    if let Some(node) = (0..n).find(|&i| d[[i, i]] < 0.0) {
        return Err(SparseError::NegativeCycle { node });
    }
    Ok(ShortestPaths { dist: d, predecessors: p })
}

/// Shortest paths with the chosen [`Method`] (from every node when `indices` is `None`).
///
/// SciPy equivalent: `scipy.sparse.csgraph.shortest_path(csgraph, method, directed,
/// return_predecessors=True, unweighted, indices=indices)`.
///
/// # Errors
///
/// Those of the method used; [`SparseError::InvalidValue`] for `FloydWarshall` with
/// `indices` given.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{shortest_path, Method};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let sp = shortest_path(&g, Method::Auto, false, false, None)?;
/// assert_eq!(sp.dist.row(3).to_vec(), vec![2.0, 1.0, 3.0, 0.0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn shortest_path(
    csgraph: &CsrMatrix<f64>,
    method: Method,
    directed: bool,
    unweighted: bool,
    indices: Option<&[usize]>,
) -> Result<ShortestPaths> {
    match method {
        Method::Dijkstra => dijkstra(csgraph, directed, indices, unweighted),
        Method::BellmanFord => bellman_ford(csgraph, directed, indices, unweighted),
        Method::FloydWarshall => {
            if indices.is_some() {
                return Err(invalid(
                    "indices",
                    "Floyd-Warshall computes all pairs; indices are not supported",
                ));
            }
            floyd_warshall(csgraph, directed, unweighted)
        }
        Method::Johnson => johnson(csgraph, directed, indices, unweighted),
        Method::Auto => {
            // SciPy: `Nk < N * N / 4` with Nk the stored entries (explicit zeros included).
            let n = csgraph.shape().0 as f64;
            if indices.is_some() || (csgraph.nnz() as f64) < n * n / 4.0 {
                if csgraph.data().iter().any(|&w| w < 0.0) {
                    johnson(csgraph, directed, indices, unweighted)
                } else {
                    dijkstra(csgraph, directed, indices, unweighted)
                }
            } else {
                floyd_warshall(csgraph, directed, unweighted)
            }
        }
    }
}
