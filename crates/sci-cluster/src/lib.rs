//! # sci-cluster: `scipy.cluster` on ndarray
//!
//! Hierarchical clustering as `scipy.cluster.hierarchy`: [`linkage`] (single, complete,
//! average, weighted, ward, centroid, median, with SciPy's algorithms, row order and labels),
//! [`linkage_observations`] for an observation matrix, and flat clusters with [`fcluster`];
//! k-means as `scipy.cluster.vq`: [`whiten`], [`vq`], [`kmeans`], [`kmeans2`] (seeded like
//! NumPy's `default_rng`).
//!
//! `docs/names/cluster.tsv` lists every `scipy.cluster` name and what is still missing
//! (dendrograms, cophenetic distances, inconsistency).
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

mod error;
mod hierarchy;
mod vq;

pub use error::{ClusterError, Result};
pub use hierarchy::{Criterion, Method, fcluster, linkage, linkage_observations};
pub use vq::{Init, KMeans, kmeans, kmeans2, vq, whiten};
