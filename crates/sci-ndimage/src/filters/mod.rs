//! Filters (`scipy.ndimage._filters`): correlation and convolution, Gaussian, derivative,
//! uniform, order-statistic and generic filters.

pub(crate) mod correlate;
pub(crate) mod derivatives;
mod extreme;
pub(crate) mod gaussian;
pub(crate) mod generic_derivatives;
pub(crate) mod rank;
mod rows;
pub(crate) mod vectorized;
