//! # sci-cluster: `scipy.cluster` on ndarray
//!
//! Hierarchical clustering as `scipy.cluster.hierarchy`:
//!
//! - building the tree: [`linkage`] (single, complete, average, weighted, ward, centroid,
//!   median, with SciPy's algorithms, row order and labels), [`linkage_observations`] for an
//!   observation matrix, and the shortcuts [`single`], [`complete`], [`average`],
//!   [`weighted`], [`centroid`], [`median`], [`ward`];
//! - flat clusters: [`fcluster`] (maxclust, distance, inconsistent), [`fcluster_monocrit`],
//!   [`fcluster_maxclust_monocrit`], [`fclusterdata`],
//!   [`leaders`], [`cut_tree`];
//! - statistics of a linkage: [`cophenet`], [`cophenet_correlation`], [`inconsistent`],
//!   [`maxdists`], [`maxinconsts`], [`max_r_stat`] (SciPy's `maxRstat`);
//! - the tree and its leaves: [`to_tree`] ([`ClusterTree`], [`ClusterNode`]), [`leaves_list`],
//!   [`optimal_leaf_ordering`],
//!   and the layout of a [`dendrogram`] (leaf order, link coordinates and colours, no plot);
//! - checks and conversions: [`is_valid_linkage`] / [`check_linkage`], [`is_valid_im`] /
//!   [`check_im`], [`is_monotonic`], [`num_obs_linkage`], [`correspond`], [`is_isomorphic`],
//!   [`from_mlab_linkage`], [`to_mlab_linkage`];
//! - union-find: [`DisjointSet`].
//!
//! k-means as `scipy.cluster.vq`: [`whiten`], [`vq`], [`kmeans`], [`kmeans2`] (seeded like
//! NumPy's `default_rng`).
//!
//! `docs/names/cluster.tsv` lists every `scipy.cluster` name and what is still missing.
//!
//! ```
//! use sci_cluster::{fcluster, linkage, Criterion, Method};
//! use sci_cluster::sci_array::ndarray::array;
//! // Four points on a line at 0, 1, 10, 11 (condensed distances).
//! let y = array![1.0, 10.0, 11.0, 9.0, 10.0, 1.0];
//! let z = linkage(&y, Method::Average)?;
//! assert_eq!(fcluster(&z, Criterion::Distance(2.0))?, array![1, 1, 2, 2]);
//! # Ok::<(), sci_cluster::ClusterError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod dendrogram;
mod disjoint;
mod error;
mod hierarchy;
mod methods;
mod olo;
mod stats;
mod tree;
mod validate;
mod vq;

pub use dendrogram::{Dendrogram, DendrogramOptions, LeafSort, Truncate, dendrogram};
pub use disjoint::DisjointSet;
pub use error::{ClusterError, Result};
pub use hierarchy::{Criterion, Method, fcluster, linkage, linkage_observations};
pub use methods::{
    average, centroid, complete, fcluster_maxclust_monocrit, fcluster_monocrit, fclusterdata, median, single,
    ward, weighted,
};
pub use olo::optimal_leaf_ordering;
pub use stats::{
    cophenet, cophenet_correlation, inconsistent, is_isomorphic, leaders, leaves_list, max_r_stat, maxdists,
    maxinconsts,
};
pub use tree::{ClusterNode, ClusterTree, Cut, cut_tree, to_tree};
pub use validate::{
    check_im, check_linkage, correspond, from_mlab_linkage, is_monotonic, is_valid_im, is_valid_linkage,
    num_obs_linkage, to_mlab_linkage,
};
pub use vq::{Init, KMeans, kmeans, kmeans2, vq, whiten};
