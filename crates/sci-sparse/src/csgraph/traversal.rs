//! Breadth-first and depth-first orders, and the reverse Cuthill–McKee permutation.

use std::collections::VecDeque;

use sci_array::ndarray::Array1;

use super::{Graph, NULL_PREDECESSOR};
use crate::CsrMatrix;
use crate::error::{Result, SparseError, shape_err};

fn check_start(n: usize, i_start: usize) -> Result<()> {
    if i_start >= n {
        return Err(SparseError::IndexOutOfBounds { arg: "i_start", index: i_start as i64, bound: n });
    }
    Ok(())
}

/// Nodes in breadth-first order from `i_start`, and each node's predecessor in the search
/// tree (-9999 for the start and unreached nodes). Neighbours are visited in storage order,
/// as SciPy does.
///
/// SciPy equivalent: `scipy.sparse.csgraph.breadth_first_order(csgraph, i_start, directed,
/// return_predecessors=True)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square matrix, [`SparseError::IndexOutOfBounds`]
/// for `i_start >= n`.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::breadth_first_order;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let (order, pred) = breadth_first_order(&g, 0, true)?;
/// assert_eq!(order, array![0, 1, 2, 3]);
/// assert_eq!(pred, array![-9999, 0, 0, 1]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn breadth_first_order(
    csgraph: &CsrMatrix<f64>,
    i_start: usize,
    directed: bool,
) -> Result<(Array1<usize>, Array1<i64>)> {
    let g = Graph::new(csgraph, directed)?;
    check_start(g.n, i_start)?;
    let mut pred = vec![NULL_PREDECESSOR; g.n];
    let mut seen = vec![false; g.n];
    let mut order = Vec::new();
    let mut queue = VecDeque::from([i_start]);
    seen[i_start] = true;
    while let Some(v) = queue.pop_front() {
        order.push(v);
        g.for_each(v, |u, _| {
            if !seen[u] {
                seen[u] = true;
                pred[u] = v as i64;
                queue.push_back(u);
            }
        });
    }
    Ok((Array1::from(order), Array1::from(pred)))
}

/// Nodes in depth-first order from `i_start`, and each node's predecessor in the search tree
/// (-9999 for the start and unreached nodes). Each step descends into the first unvisited
/// neighbour in storage order, as SciPy does.
///
/// SciPy equivalent: `scipy.sparse.csgraph.depth_first_order(csgraph, i_start, directed,
/// return_predecessors=True)`.
///
/// # Errors
///
/// As [`breadth_first_order`].
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::depth_first_order;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 1.0], [2.0, 0.0, 0.0, 3.0], [0.0, 0.0, 0.0, 0.0]]);
/// let (order, pred) = depth_first_order(&g, 0, true)?;
/// assert_eq!(order, array![0, 1, 3, 2]);
/// assert_eq!(pred, array![-9999, 0, 0, 1]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn depth_first_order(
    csgraph: &CsrMatrix<f64>,
    i_start: usize,
    directed: bool,
) -> Result<(Array1<usize>, Array1<i64>)> {
    let g = Graph::new(csgraph, directed)?;
    check_start(g.n, i_start)?;
    let mut pred = vec![NULL_PREDECESSOR; g.n];
    let mut seen = vec![false; g.n];
    let mut order = vec![i_start];
    let mut stack = vec![i_start];
    seen[i_start] = true;
    while let Some(&v) = stack.last() {
        let mut child = None;
        g.for_each(v, |u, _| {
            if child.is_none() && !seen[u] {
                child = Some(u);
            }
        });
        match child {
            Some(u) => {
                seen[u] = true;
                pred[u] = v as i64;
                order.push(u);
                stack.push(u);
            }
            None => {
                stack.pop();
            }
        }
    }
    Ok((Array1::from(order), Array1::from(pred)))
}

/// The reverse Cuthill–McKee permutation, which brings the nonzeros of a sparse matrix near
/// the diagonal: `perm[k]` is the node placed k-th. Follows SciPy's algorithm (nodes seeded
/// by increasing degree, each level sorted by degree, then reversed); among nodes of equal
/// degree the order may differ from SciPy's, whose sort is not stable.
///
/// SciPy equivalent: `scipy.sparse.csgraph.reverse_cuthill_mckee(graph, symmetric_mode)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::reverse_cuthill_mckee;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 1.0], [1.0, 0.0, 1.0, 1.0]]);
/// let p = reverse_cuthill_mckee(&g, true)?;
/// assert_eq!(p, array![1, 2, 3, 0]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn reverse_cuthill_mckee(graph: &CsrMatrix<f64>, symmetric_mode: bool) -> Result<Array1<usize>> {
    let (m, n) = graph.shape();
    if m != n {
        return Err(shape_err("graph", "a square matrix", &[m, n]));
    }
    // Pattern of G (+ G^T), sorted per row.
    let g = graph.cs.canonical();
    let mut adj: Vec<Vec<usize>> = (0..n).map(|i| g.indices[g.indptr[i]..g.indptr[i + 1]].to_vec()).collect();
    if !symmetric_mode {
        for i in 0..n {
            for p in g.indptr[i]..g.indptr[i + 1] {
                adj[g.indices[p]].push(i);
            }
        }
        for a in &mut adj {
            a.sort_unstable();
            a.dedup();
        }
    }
    // SciPy's degree counts the diagonal entry twice.
    let degree: Vec<usize> = (0..n).map(|i| adj[i].len() + usize::from(adj[i].contains(&i))).collect();
    let mut inds: Vec<usize> = (0..n).collect();
    inds.sort_by_key(|&i| degree[i]);
    let mut visited = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for &seed in &inds {
        if visited[seed] {
            continue;
        }
        visited[seed] = true;
        order.push(seed);
        let (mut level_start, mut level_end) = (order.len() - 1, order.len());
        while level_start < level_end {
            for ii in level_start..level_end {
                let i = order[ii];
                let old = order.len();
                for &j in &adj[i] {
                    if !visited[j] {
                        visited[j] = true;
                        order.push(j);
                    }
                }
                // stable insertion sort of the new nodes by degree
                order[old..].sort_by_key(|&v| degree[v]);
            }
            level_start = level_end;
            level_end = order.len();
        }
        if order.len() == n {
            break;
        }
    }
    order.reverse();
    Ok(Array1::from(order))
}

/// The tree of a search as a sparse graph: edge `predecessors[j] -> j` for every node with a
/// predecessor, weighted by `csgraph[pred, j]` (undirected: the smaller nonzero of the two
/// directions, zeros counting as missing, as SciPy does).
///
/// SciPy equivalent: `scipy.sparse.csgraph.reconstruct_path(csgraph, predecessors,
/// directed)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`] for a non-square graph or `predecessors` of the wrong
/// length; [`SparseError::IndexOutOfBounds`] for a predecessor outside the graph.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{breadth_first_order, reconstruct_path};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 2.0], [0.0, 0.0, 5.0], [0.0, 0.0, 0.0]]);
/// let (_, pred) = breadth_first_order(&g, 0, true)?;
/// let t = reconstruct_path(&g, &pred, true)?;
/// assert_eq!(t.toarray(), array![[0.0, 1.0, 2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn reconstruct_path(
    csgraph: &CsrMatrix<f64>,
    predecessors: &Array1<i64>,
    directed: bool,
) -> Result<CsrMatrix<f64>> {
    let (m, n) = csgraph.shape();
    if m != n {
        return Err(shape_err("csgraph", "a square matrix", &[m, n]));
    }
    if predecessors.len() != n {
        return Err(shape_err("predecessors", format!("length {n}"), predecessors.shape()));
    }
    let (mut data, mut row, mut col) = (Vec::new(), Vec::new(), Vec::new());
    for (j, &p) in predecessors.iter().enumerate() {
        if p < 0 {
            continue;
        }
        if p as usize >= n {
            return Err(SparseError::IndexOutOfBounds { arg: "predecessors", index: p, bound: n });
        }
        let p = p as usize;
        let w = if directed {
            csgraph.get(p, j)?
        } else {
            let nz = |w: f64| if w == 0.0 { f64::INFINITY } else { w };
            nz(csgraph.get(p, j)?).min(nz(csgraph.get(j, p)?))
        };
        data.push(w);
        row.push(p);
        col.push(j);
    }
    Ok(crate::CooMatrix::new(data, row, col, (n, n))?.tocsr())
}

/// The breadth-first search tree from `i_start` as a sparse graph.
///
/// SciPy equivalent: `scipy.sparse.csgraph.breadth_first_tree(csgraph, i_start, directed)`.
///
/// # Errors
///
/// As [`breadth_first_order`].
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::breadth_first_tree;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 8.0, 0.0, 3.0], [0.0, 0.0, 2.0, 5.0], [0.0, 0.0, 0.0, 6.0], [0.0, 0.0, 0.0, 0.0]]);
/// let t = breadth_first_tree(&g, 0, false)?;
/// assert_eq!(t.toarray(), array![[0.0, 8.0, 0.0, 3.0], [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn breadth_first_tree(
    csgraph: &CsrMatrix<f64>,
    i_start: usize,
    directed: bool,
) -> Result<CsrMatrix<f64>> {
    let (_, pred) = breadth_first_order(csgraph, i_start, directed)?;
    reconstruct_path(csgraph, &pred, directed)
}

/// The depth-first search tree from `i_start` as a sparse graph.
///
/// SciPy equivalent: `scipy.sparse.csgraph.depth_first_tree(csgraph, i_start, directed)`.
///
/// # Errors
///
/// As [`depth_first_order`].
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::depth_first_tree;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 8.0, 0.0, 3.0], [0.0, 0.0, 2.0, 5.0], [0.0, 0.0, 0.0, 6.0], [0.0, 0.0, 0.0, 0.0]]);
/// let t = depth_first_tree(&g, 0, false)?;
/// assert_eq!(t.toarray(), array![[0.0, 8.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 6.0], [0.0, 0.0, 0.0, 0.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn depth_first_tree(csgraph: &CsrMatrix<f64>, i_start: usize, directed: bool) -> Result<CsrMatrix<f64>> {
    let (_, pred) = depth_first_order(csgraph, i_start, directed)?;
    reconstruct_path(csgraph, &pred, directed)
}
