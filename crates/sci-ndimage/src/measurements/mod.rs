//! Measurements (`scipy.ndimage._measurements`): labelling, bounding boxes and per-label
//! statistics.

pub(crate) mod label;
pub(crate) mod labeled;
pub(crate) mod stats;
pub(crate) mod watershed;
