//! # sci-spatial: `scipy.spatial` on ndarray
//!
//! * distances: [`pdist`], [`cdist`], [`squareform`] / [`squareform_to_condensed`] with the
//!   [`Metric`]s of `scipy.spatial.distance`;
//! * nearest neighbours: [`KDTree`] (`query`, `query_ball_point`);
//! * planar geometry: [`ConvexHull`] and [`Delaunay`] for 2-d points.
//!
//! `docs/names/spatial.tsv` lists every `scipy.spatial` name and what is still missing (Qhull's
//! n-d hulls and triangulations, Voronoi, rotations, most metrics of boolean vectors).
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

mod distance;
mod error;
mod geometry;
mod kdtree;

pub use distance::{Metric, cdist, pdist, squareform, squareform_to_condensed};
pub use error::{Result, SpatialError};
pub use geometry::{ConvexHull, Delaunay};
pub use kdtree::KDTree;
