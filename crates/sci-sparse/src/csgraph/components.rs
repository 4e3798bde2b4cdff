//! Connected components and minimum spanning trees.

use sci_array::ndarray::Array1;

use super::Graph;
use crate::CsrMatrix;
use crate::cs::Cs;
use crate::error::{Result, shape_err};

/// Kind of connectivity for directed graphs (SciPy's `connection`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{connected_components, Connection};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0], [0.0, 0.0]]);
/// assert_eq!(connected_components(&g, true, Connection::Weak)?.0, 1);
/// assert_eq!(connected_components(&g, true, Connection::Strong)?.0, 2);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Connection {
    /// Connected when joined ignoring edge directions (`"weak"`, SciPy's default).
    #[default]
    Weak,
    /// Connected when each reaches the other along directed edges (`"strong"`).
    Strong,
}

/// Components ignoring edge directions, labelled in order of their lowest node: union by
/// size with path halving, then one pass over the nodes.
fn weak_components(g: &CsrMatrix<f64>) -> (usize, Array1<usize>) {
    let cs = &g.cs;
    let n = cs.nmajor;
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let find = |parent: &mut [usize], mut v: usize| {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    };
    for i in 0..n {
        for &j in &cs.indices[cs.indptr[i]..cs.indptr[i + 1]] {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri != rj {
                let (big, small) = if size[ri] >= size[rj] { (ri, rj) } else { (rj, ri) };
                parent[small] = big;
                size[big] += size[small];
            }
        }
    }
    const NONE: usize = usize::MAX;
    let mut label_of_root = vec![NONE; n];
    let mut count = 0;
    let labels = (0..n)
        .map(|v| {
            let r = find(&mut parent, v);
            if label_of_root[r] == NONE {
                label_of_root[r] = count;
                count += 1;
            }
            label_of_root[r]
        })
        .collect();
    (count, labels)
}

/// Number of connected components and the component label of each node.
///
/// Labels are numbered in order of each component's lowest node (as SciPy's for undirected
/// and weak connectivity; for strong connectivity SciPy numbers them differently, the
/// partition is the same).
///
/// SciPy equivalent: `scipy.sparse.csgraph.connected_components(csgraph, directed,
/// connection)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::csgraph::{connected_components, Connection};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = CsrMatrix::from_dense(&array![[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]);
/// let (n, labels) = connected_components(&g, false, Connection::Weak)?;
/// assert_eq!((n, labels.to_vec()), (1, vec![0, 0, 0, 0]));
/// let (n, labels) = connected_components(&g, true, Connection::Strong)?;
/// assert_eq!((n, labels.to_vec()), (2, vec![0, 0, 0, 1]));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn connected_components(
    csgraph: &CsrMatrix<f64>,
    directed: bool,
    connection: Connection,
) -> Result<(usize, Array1<usize>)> {
    let (m, n) = csgraph.shape();
    if m != n {
        return Err(shape_err("csgraph", "a square matrix", &[m, n]));
    }
    let strong = directed && connection == Connection::Strong;
    if !strong {
        // Weak and undirected connectivity both follow edges both ways: union-find over the
        // stored entries (explicit zeros are edges, as in SciPy).
        return Ok(weak_components(csgraph));
    }
    let g = Graph::new(csgraph, true)?;
    let mut labels = vec![usize::MAX; n];
    const NONE: usize = usize::MAX;
    // Tarjan's algorithm, iterative.
    let out = &g.out;
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut call: Vec<(usize, usize)> = Vec::new();
    let mut next_index = 0;
    let mut comp = vec![NONE; n];
    let mut ncomp = 0;
    for s in 0..n {
        if index[s] != NONE {
            continue;
        }
        call.push((s, out.indptr[s]));
        index[s] = next_index;
        low[s] = next_index;
        next_index += 1;
        stack.push(s);
        on_stack[s] = true;
        while let Some(top) = call.len().checked_sub(1) {
            let (v, p) = call[top];
            if p < out.indptr[v + 1] {
                call[top].1 += 1;
                let w = out.indices[p];
                if index[w] == NONE {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, out.indptr[w]));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some(&(parent, _)) = call.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp[w] = ncomp;
                        if w == v {
                            break;
                        }
                    }
                    ncomp += 1;
                }
            }
        }
    }
    // Renumber by lowest node.
    let mut map = vec![NONE; ncomp];
    let mut count = 0;
    for v in 0..n {
        let c = comp[v];
        if map[c] == NONE {
            map[c] = count;
            count += 1;
        }
        labels[v] = map[c];
    }
    Ok((count, Array1::from(labels)))
}

/// Minimum spanning tree (forest) of the undirected graph, by Kruskal's algorithm on the
/// edges in stable order of weight, exactly as SciPy: each kept edge stays where it was
/// stored (`[i, j]`), all other entries are dropped, and zero-weight edges do not appear.
///
/// SciPy equivalent: `scipy.sparse.csgraph.minimum_spanning_tree(csgraph)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::CsrMatrix;
/// use sci_sparse::csgraph::minimum_spanning_tree;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = CsrMatrix::from_dense(&array![[0.0, 8.0, 0.0, 3.0], [0.0, 0.0, 2.0, 5.0], [0.0, 0.0, 0.0, 6.0], [0.0, 0.0, 0.0, 0.0]]);
/// let t = minimum_spanning_tree(&g)?;
/// assert_eq!(t.toarray(), array![[0.0, 0.0, 0.0, 3.0], [0.0, 0.0, 2.0, 5.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn minimum_spanning_tree(csgraph: &CsrMatrix<f64>) -> Result<CsrMatrix<f64>> {
    let (m, n) = csgraph.shape();
    if m != n {
        return Err(shape_err("csgraph", "a square matrix", &[m, n]));
    }
    let mut c: Cs<f64> = csgraph.cs.clone();
    let nnz = c.nnz();
    let mut row = vec![0usize; nnz];
    for i in 0..n {
        for p in c.indptr[i]..c.indptr[i + 1] {
            row[p] = i;
        }
    }
    let mut order: Vec<usize> = (0..nnz).collect();
    order.sort_by(|&a, &b| c.data[a].total_cmp(&c.data[b]));
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &p in &order {
        let (r1, r2) = (find(&mut parent, row[p]), find(&mut parent, c.indices[p]));
        if r1 != r2 {
            parent[r1] = r2;
        } else {
            c.data[p] = 0.0;
        }
    }
    c.eliminate_zeros();
    c.sum_duplicates();
    Ok(CsrMatrix { cs: c })
}
