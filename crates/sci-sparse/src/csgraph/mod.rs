//! `scipy.sparse.csgraph`: graph algorithms on sparse adjacency matrices.
//!
//! A graph with `n` nodes is an `n x n` [`CsrMatrix`]: every stored entry
//! `(i, j, w)` is an edge from `i` to `j` of weight `w` — stored zeros included, as in
//! SciPy; duplicates are summed first. With `directed = false`, edges are followed both ways.

mod assignment;
mod components;
mod convert;
mod dijkstra;
mod flow;
mod laplacian;
mod matching;
mod paths;
mod traversal;
mod yen;

pub use assignment::min_weight_full_bipartite_matching;
pub use components::{Connection, connected_components, minimum_spanning_tree};
pub use convert::{construct_dist_matrix, csgraph_from_dense, csgraph_to_dense};
pub use dijkstra::{DijkstraOptions, MinOnlyPaths, dijkstra, dijkstra_min_only, dijkstra_with, johnson};
pub use flow::{FlowMethod, MaximumFlowResult, maximum_flow};
pub use laplacian::{LaplacianOperator, LaplacianOptions, laplacian, laplacian_operator, laplacian_with};
pub use matching::{PermType, maximum_bipartite_matching, structural_rank};
pub use paths::{Method, ShortestPaths, bellman_ford, floyd_warshall, shortest_path};
pub use traversal::{
    breadth_first_order, breadth_first_tree, depth_first_order, depth_first_tree, reconstruct_path,
    reverse_cuthill_mckee,
};
pub use yen::yen;

use crate::CsrMatrix;
use crate::cs::Cs;
use crate::error::{Result, shape_err};

/// SciPy's marker for "no predecessor".
///
/// # Examples
///
/// ```
/// assert_eq!(sci_sparse::csgraph::NULL_PREDECESSOR, -9999);
/// ```
pub const NULL_PREDECESSOR: i64 = -9999;

/// Canonical out-adjacency (and, for undirected graphs, in-adjacency) of a square graph.
pub(crate) struct Graph {
    pub n: usize,
    pub out: Cs<f64>,
    /// The transpose (in-edges), used when the graph is undirected.
    pub inn: Option<Cs<f64>>,
}

impl Graph {
    pub fn new(g: &CsrMatrix<f64>, directed: bool) -> Result<Self> {
        let (m, n) = g.shape();
        if m != n {
            return Err(shape_err("csgraph", "a square matrix", &[m, n]));
        }
        let out = g.cs.canonical();
        let inn = if directed { None } else { Some(out.swap_major()) };
        Ok(Graph { n, out, inn })
    }

    /// Calls `f(j, w)` for every edge leaving `i` (both directions when undirected), in
    /// SciPy's order: the row of the matrix, then the row of its transpose.
    pub fn for_each(&self, i: usize, mut f: impl FnMut(usize, f64)) {
        for p in self.out.indptr[i]..self.out.indptr[i + 1] {
            f(self.out.indices[p], self.out.data[p]);
        }
        if let Some(t) = &self.inn {
            for p in t.indptr[i]..t.indptr[i + 1] {
                f(t.indices[p], t.data[p]);
            }
        }
    }
}
