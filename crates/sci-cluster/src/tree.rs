//! The linkage as a tree: `to_tree` / `ClusterNode` and `cut_tree`.

use crate::error::{ClusterError, Result};
use crate::validate::nobs_checked;
use ndarray::{Array2, ArrayBase, Data, Ix2};

/// One node of a [`ClusterTree`]: an observation (a leaf) or a merge.
///
/// Children are referred to by id; look them up with [`ClusterTree::node`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterNode {
    /// The node's id: `0..n` for observations, `n + i` for the merge in row `i` of the linkage.
    pub id: usize,
    /// The id of the left child (`None` for a leaf).
    pub left: Option<usize>,
    /// The id of the right child (`None` for a leaf).
    pub right: Option<usize>,
    /// The merge distance (0 for a leaf).
    pub dist: f64,
    /// The number of observations under the node.
    pub count: usize,
}

impl ClusterNode {
    /// Whether the node is an observation.
    pub fn is_leaf(&self) -> bool {
        self.left.is_none()
    }
}

/// A linkage as a binary tree: every node, indexed by id (SciPy's `to_tree(Z, rd=True)` list),
/// with the root last.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterTree {
    nodes: Vec<ClusterNode>,
}

impl ClusterTree {
    /// The root (the last merge).
    pub fn root(&self) -> &ClusterNode {
        &self.nodes[self.nodes.len() - 1]
    }

    /// The node with this id, if there is one.
    pub fn node(&self, id: usize) -> Option<&ClusterNode> {
        self.nodes.get(id)
    }

    /// All nodes, by id: the `n` observations, then the `n - 1` merges.
    pub fn nodes(&self) -> &[ClusterNode] {
        &self.nodes
    }

    /// The observation ids under node `id` in pre-order, left child first (SciPy's
    /// `ClusterNode.pre_order()`); empty for an id that is not in the tree.
    pub fn pre_order(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        if id >= self.nodes.len() {
            return out;
        }
        let mut stack = vec![id];
        while let Some(x) = stack.pop() {
            let nd = &self.nodes[x];
            match (nd.left, nd.right) {
                (Some(l), Some(r)) => {
                    stack.push(r);
                    stack.push(l);
                }
                _ => out.push(x),
            }
        }
        out
    }
}

/// The linkage matrix as a tree of [`ClusterNode`]s.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] for an invalid linkage matrix, or when a count `Z[i, 3]`
/// is not the number of observations under the merge (SciPy: "Corrupt matrix Z. The count
/// Z[i,3] is incorrect.").
///
/// # Examples
///
/// ```
/// use sci_cluster::{linkage, to_tree, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 3.0, 2.0], Method::Single)?;
/// let tree = to_tree(&z)?;
/// let root = tree.root();
/// assert_eq!((root.id, root.count, root.dist), (4, 3, 2.0));
/// assert_eq!((root.left, root.right), (Some(2), Some(3)));
/// assert_eq!(tree.pre_order(root.id), vec![2, 0, 1]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.to_tree(Z, rd=True)` (the root is
/// [`ClusterTree::root`]).
pub fn to_tree<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>) -> Result<ClusterTree> {
    let n = nobs_checked(z)?;
    let mut nodes: Vec<ClusterNode> =
        (0..n).map(|id| ClusterNode { id, left: None, right: None, dist: 0.0, count: 1 }).collect();
    for i in 0..n - 1 {
        let (l, r) = (z[[i, 0]] as usize, z[[i, 1]] as usize);
        let count = nodes[l].count + nodes[r].count;
        if z[[i, 3]] != count as f64 {
            return Err(ClusterError::InvalidLinkage {
                what: format!("Corrupt matrix Z. The count Z[{i},3] is incorrect."),
            });
        }
        nodes.push(ClusterNode { id: n + i, left: Some(l), right: Some(r), dist: z[[i, 2]], count });
    }
    Ok(ClusterTree { nodes })
}

/// Where [`cut_tree`] cuts (SciPy's `n_clusters` / `height` arguments).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cut {
    /// Every level, from `n` clusters down to 1 (both arguments `None`, the default).
    #[default]
    All,
    /// For each entry, the partition into that many clusters (`n_clusters`).
    NClusters(Vec<usize>),
    /// For each entry, the partition made by the merges below that height (`height`).
    Heights(Vec<f64>),
}

/// NumPy's `<` for sorting, with NaN largest.
fn lt_nan(a: f64, b: f64) -> bool {
    a < b || (b.is_nan() && !a.is_nan())
}

/// The cluster of each observation at chosen levels of the tree: column `j` of the result is
/// the partition at the `j`-th requested level, clusters numbered `0, 1, ...` in order of their
/// smallest observation.
///
/// The merges are applied in SciPy's order: sorted by distance, ties in reverse breadth-first
/// order from the root. [`Cut::Heights`] takes the merges with distance below each height;
/// [`Cut::NClusters`] stops at that many clusters (more clusters than observations leaves a
/// column of zeros, as in SciPy). SciPy's quirks are kept: a request that resolves to the
/// unmerged level (0 merges, e.g. `n` clusters or a height at or below the lowest merge) fills
/// the *first* column with `0..n` and leaves its own column zero.
///
/// # Errors
///
/// [`ClusterError::InvalidLinkage`] as [`to_tree`].
///
/// # Examples
///
/// ```
/// use sci_cluster::{cut_tree, linkage, Cut, Method};
/// use sci_cluster::sci_array::ndarray::array;
/// let z = linkage(&array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0], Method::Single)?;
/// let c = cut_tree(&z, &Cut::NClusters(vec![4, 2, 1]))?;
/// assert_eq!(c, array![[0, 0, 0], [1, 0, 0], [2, 1, 0], [3, 1, 0]]);
/// # Ok::<(), sci_cluster::ClusterError>(())
/// ```
///
/// SciPy equivalent: `scipy.cluster.hierarchy.cut_tree(Z, n_clusters, height)`.
pub fn cut_tree<S: Data<Elem = f64>>(z: &ArrayBase<S, Ix2>, cut: &Cut) -> Result<Array2<i64>> {
    let tree = to_tree(z)?;
    let nobs = z.nrows() + 1;
    // SciPy's _order_cluster_tree: breadth-first from the root (right child queued before
    // left), each merge inserted with bisect.insort_left by distance.
    let mut order: Vec<usize> = Vec::with_capacity(nobs - 1);
    let mut queue = std::collections::VecDeque::from([tree.root().id]);
    while let Some(id) = queue.pop_front() {
        let nd = &tree.nodes[id];
        if let (Some(l), Some(r)) = (nd.left, nd.right) {
            let mut lo = 0;
            let mut hi = order.len();
            while lo < hi {
                let mid = (lo + hi) / 2;
                if tree.nodes[order[mid]].dist < nd.dist {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            order.insert(lo, id);
            queue.push_back(r);
            queue.push_back(l);
        }
    }
    let cols: Vec<usize> = match cut {
        Cut::All => (0..nobs).collect(),
        Cut::Heights(h) => {
            h.iter().map(|&v| order.partition_point(|&id| lt_nan(tree.nodes[id].dist, v))).collect()
        }
        Cut::NClusters(k) => k.iter().map(|&k| nobs - k.min(nobs)).collect(),
    };
    let mut groups = Array2::<i64>::zeros((nobs, cols.len()));
    let mut last: Vec<i64> = (0..nobs as i64).collect();
    let fill = |groups: &mut Array2<i64>, level: usize, g: &[i64]| {
        for (j, &c) in cols.iter().enumerate() {
            if c == level {
                for (i, &v) in g.iter().enumerate() {
                    groups[[i, j]] = v;
                }
            }
        }
    };
    // SciPy writes level 0 into the first column whenever any column asks for level 0 (and
    // leaves the columns that asked for it zero unless it is the first).
    if cols.contains(&0) {
        for (i, &v) in last.iter().enumerate() {
            groups[[i, 0]] = v;
        }
    }
    for (i, &id) in order.iter().enumerate() {
        let idx = tree.pre_order(id);
        let lo = idx.iter().map(|&k| last[k]).min().unwrap_or(0);
        let hi = idx.iter().map(|&k| last[k]).max().unwrap_or(0);
        let mut this = last.clone();
        for &k in &idx {
            this[k] = lo;
        }
        for v in &mut this {
            if *v > hi {
                *v -= 1;
            }
        }
        fill(&mut groups, i + 1, &this);
        last = this;
    }
    Ok(groups)
}
