//! Workload definitions, one module per crate (see [`crate::registry`] for how to add one).

pub mod array;
pub mod fft;
pub mod io;
pub mod linalg;
pub mod ndimage;
pub mod optimize;
pub mod signal;
pub mod sparse;
pub mod stats;

/// An error of a sci call as the workload's error message.
pub(crate) fn msg<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}
