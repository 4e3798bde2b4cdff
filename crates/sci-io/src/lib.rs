//! # sci-io: reading and writing NumPy's files
//!
//! Work in progress in this session.

pub use sci_array;
