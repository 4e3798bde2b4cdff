//! # sci-spatial: `scipy.spatial` on ndarray
//!
//! * distances: [`pdist`], [`cdist`], [`squareform`] / [`squareform_to_condensed`] with the
//!   [`Metric`]s of `scipy.spatial.distance`;
//! * boolean dissimilarities: [`dice`], [`jaccard`], [`rogerstanimoto`], [`russellrao`],
//!   [`sokalsneath`], [`yule`] (with weights);
//! * distances with parameters: [`jensenshannon`] / [`jensenshannon_axis`], [`mahalanobis`],
//!   [`seuclidean`]; between point sets: [`directed_hausdorff`];
//! * checks of distance matrices: [`is_valid_dm`] / [`check_valid_dm`], [`is_valid_y`] /
//!   [`check_valid_y`], [`num_obs_dm`], [`num_obs_y`];
//! * Minkowski distances: [`minkowski_distance`], [`minkowski_distance_p`],
//!   [`distance_matrix`], and the k-d tree's hyperrectangles, [`Rectangle`];
//! * nearest neighbours: [`KDTree`] (`query`, `query_ball_point`);
//! * shapes: [`procrustes`] analysis, [`geometric_slerp`] on the unit n-sphere;
//! * planar geometry: [`ConvexHull`], [`Delaunay`] and [`tsearch`], [`Voronoi`] diagrams, for
//!   2-d points.
//!
//! `docs/names/spatial.tsv` lists every `scipy.spatial` name and what is still missing (Qhull's
//! n-d hulls, triangulations and Voronoi diagrams, rotations, spherical Voronoi).
//!
//! ```
//! use sci_spatial::{pdist, squareform, Metric};
//! use sci_spatial::sci_array::ndarray::array;
//! let x = array![[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
//! let d = squareform(&pdist(&x, Metric::Euclidean)?)?;
//! assert_eq!(d[[0, 2]], 2f64.sqrt());
//! # Ok::<(), sci_spatial::SpatialError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod boolean;
mod distance;
mod error;
mod geometry;
mod hausdorff;
mod kdtree;
mod minkowski;
mod procrustes;
mod slerp;
mod validity;
mod vector;
mod voronoi;

pub use boolean::{dice, jaccard, rogerstanimoto, russellrao, sokalsneath, yule};
pub use distance::{Metric, cdist, pdist, squareform, squareform_to_condensed};
pub use error::{Result, SpatialError};
pub use geometry::{ConvexHull, Delaunay};
pub use hausdorff::directed_hausdorff;
pub use kdtree::KDTree;
pub use minkowski::{Rectangle, distance_matrix, minkowski_distance, minkowski_distance_p};
pub use procrustes::{Procrustes, procrustes};
pub use slerp::geometric_slerp;
pub use validity::{check_valid_dm, check_valid_y, is_valid_dm, is_valid_y, num_obs_dm, num_obs_y};
pub use vector::{jensenshannon, jensenshannon_axis, mahalanobis, seuclidean};
pub use voronoi::{Voronoi, tsearch};
