//! Maximum bipartite matching (SciPy's Hopcroft–Karp) and the structural rank.

use sci_array::ndarray::Array1;

use crate::CsrMatrix;

/// Which side [`maximum_bipartite_matching`] reports (SciPy's `perm_type`).
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{maximum_bipartite_matching, PermType};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]);
/// assert_eq!(maximum_bipartite_matching(&g, PermType::Row), array![-1, 0, -1]);
/// assert_eq!(maximum_bipartite_matching(&g, PermType::Column), array![1, -1]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PermType {
    /// For every column, the matched row (`"row"`, SciPy's default).
    #[default]
    Row,
    /// For every row, the matched column (`"column"`).
    Column,
}

/// Hopcroft–Karp on the bipartite graph rows -> columns of a CSR pattern, step by step as
/// SciPy's `_hopcroft_karp` (its queue, its stack-based search and its visiting order), so
/// the matching is SciPy's: `(match_col, match_row)`, `usize::MAX` when unmatched.
fn hopcroft_karp(a: &CsrMatrix<f64>) -> (Vec<usize>, Vec<usize>) {
    const NONE: usize = usize::MAX;
    const INF: usize = usize::MAX;
    let (i, j) = a.shape();
    let (indptr, indices) = (a.indptr(), a.indices());
    // x: row -> column; y: column -> row, `i` (an auxiliary vertex) while unmatched
    let mut x = vec![NONE; i];
    let mut y = vec![i; j];
    let mut dist = vec![INF; i + 1];
    let mut q = vec![0usize; i + 1];
    let mut stack: Vec<usize> = Vec::with_capacity(i + 1);
    let mut parents = vec![0usize; i];
    loop {
        let (mut head, mut tail) = (0, 0);
        for v in 0..i {
            if x[v] == NONE {
                dist[v] = 0;
                q[tail] = v;
                tail += 1;
            } else {
                dist[v] = INF;
            }
        }
        dist[i] = INF;
        while head < tail {
            let v = q[head];
            head += 1;
            if dist[v] < dist[i] {
                for &u in &indices[indptr[v]..indptr[v + 1]] {
                    if dist[y[u]] == INF {
                        dist[y[u]] = dist[v] + 1;
                        q[tail] = y[u];
                        tail += 1;
                    }
                }
            }
        }
        if dist[i] == INF {
            break;
        }
        for w in 0..i {
            if x[w] != NONE {
                continue;
            }
            let mut done = false;
            stack.clear();
            stack.push(w);
            while let Some(top) = stack.pop() {
                let mut v = top;
                for up in indptr[v]..indptr[v + 1] {
                    let mut u = indices[up];
                    let yu = y[u];
                    if dist[v] != INF && dist[yu] == dist[v] + 1 {
                        if yu == i {
                            done = true;
                            loop {
                                dist[v] = INF;
                                let u_old = x[v];
                                y[u] = v;
                                x[v] = u;
                                u = u_old;
                                if v == w {
                                    break;
                                }
                                v = parents[v];
                            }
                            break;
                        }
                        stack.push(yu);
                        parents[yu] = v;
                    }
                }
                if done {
                    break;
                }
            }
        }
    }
    let match_row = y.into_iter().map(|r| if r == i { NONE } else { r }).collect();
    (x, match_row)
}

/// A maximum matching of the bipartite graph whose rows and columns are the two node sets and
/// whose stored entries are the edges. With [`PermType::Row`] the result has one entry per
/// column, the matched row or -1; with [`PermType::Column`] one per row, the matched column or
/// -1. The search is SciPy's step by step, so the pairs are SciPy's too (explicit zeros are
/// edges, as in SciPy).
///
/// SciPy equivalent: `scipy.sparse.csgraph.maximum_bipartite_matching(graph, perm_type)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::{maximum_bipartite_matching, PermType};
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]);
/// let m = maximum_bipartite_matching(&g, PermType::Column);
/// assert_eq!(m, array![1, 0, 2]);
/// ```
pub fn maximum_bipartite_matching(graph: &CsrMatrix<f64>, perm_type: PermType) -> Array1<i64> {
    let (match_col, match_row) = hopcroft_karp(graph);
    let conv =
        |v: Vec<usize>| Array1::from_iter(v.into_iter().map(|x| if x == usize::MAX { -1 } else { x as i64 }));
    match perm_type {
        PermType::Row => conv(match_row),
        PermType::Column => conv(match_col),
    }
}

/// The structural rank: the largest rank any matrix with this sparsity pattern can have,
/// i.e. the size of a maximum matching between rows and columns.
///
/// SciPy equivalent: `scipy.sparse.csgraph.structural_rank(graph)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::csgraph::structural_rank;
/// use sci_sparse::sci_array::ndarray::array;
/// let g = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]);
/// assert_eq!(structural_rank(&g), 2);
/// ```
pub fn structural_rank(graph: &CsrMatrix<f64>) -> usize {
    hopcroft_karp(graph).0.iter().filter(|&&c| c != usize::MAX).count()
}
