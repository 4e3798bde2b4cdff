//! Interpolation (`scipy.ndimage._interpolation`): B-spline prefilters and geometric
//! transforms.

pub(crate) mod geometric;
pub(crate) mod rotate_nd;
pub(crate) mod splines;
pub(crate) mod transform;
