//! Maximum bipartite matching (Hopcroft–Karp) and the structural rank.

use std::collections::VecDeque;

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

/// Hopcroft–Karp on the bipartite graph rows -> columns of a CSR pattern: `match_col[i]`
/// for every row.
fn hopcroft_karp(a: &CsrMatrix<f64>) -> (Vec<usize>, Vec<usize>) {
    const NONE: usize = usize::MAX;
    let (m, n) = a.shape();
    let (indptr, indices) = (a.indptr(), a.indices());
    let mut match_row = vec![NONE; n]; // column -> row
    let mut match_col = vec![NONE; m]; // row -> column
    let mut dist = vec![0usize; m];
    loop {
        // BFS layers from the free rows.
        let mut queue = VecDeque::new();
        for i in 0..m {
            if match_col[i] == NONE {
                dist[i] = 0;
                queue.push_back(i);
            } else {
                dist[i] = NONE;
            }
        }
        let mut found = false;
        while let Some(i) = queue.pop_front() {
            for &j in &indices[indptr[i]..indptr[i + 1]] {
                let r = match_row[j];
                if r == NONE {
                    found = true;
                } else if dist[r] == NONE {
                    dist[r] = dist[i] + 1;
                    queue.push_back(r);
                }
            }
        }
        if !found {
            break;
        }
        // DFS for vertex-disjoint shortest augmenting paths, iteratively.
        let mut pos: Vec<usize> = (0..m).map(|i| indptr[i]).collect();
        for s in 0..m {
            if match_col[s] != NONE {
                continue;
            }
            let mut stack = vec![s];
            while let Some(&i) = stack.last() {
                if pos[i] == indptr[i + 1] {
                    dist[i] = NONE;
                    stack.pop();
                    continue;
                }
                let j = indices[pos[i]];
                pos[i] += 1;
                let r = match_row[j];
                if r == NONE {
                    // Augment along the stack.
                    let mut col = j;
                    while let Some(row) = stack.pop() {
                        let prev = match_col[row];
                        match_col[row] = col;
                        match_row[col] = row;
                        col = prev;
                    }
                    break;
                } else if dist[r] != NONE && dist[r] == dist[i] + 1 {
                    stack.push(r);
                }
            }
        }
    }
    (match_col, match_row)
}

/// A maximum matching of the bipartite graph whose rows and columns are the two node sets and
/// whose stored entries are the edges. With [`PermType::Row`] the result has one entry per
/// column, the matched row or -1; with [`PermType::Column`] one per row, the matched column or
/// -1. Maximum matchings are not unique: the size agrees with SciPy's, the pairs may differ.
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
