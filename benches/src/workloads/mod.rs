//! Workload definitions, one module per crate (see [`crate::registry`] for how to add one).

pub mod array;
pub mod io;
