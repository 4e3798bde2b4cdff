//! Morphology (`scipy.ndimage._morphology`): structuring elements, binary and grey-scale
//! operations.

pub(crate) mod binary;
pub(crate) mod distance;
pub(crate) mod distance_bf;
pub(crate) mod distance_cdt;
pub(crate) mod extra;
pub(crate) mod grey;
pub(crate) mod structure;
