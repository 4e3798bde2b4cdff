//! Elementwise and linear-algebra helpers: `clip`, `hypot`, `axpy`, 1-d `convolve` /
//! `correlate`, and `einsum`.

pub(crate) mod buffer;
mod convolve;
mod einsum;
mod elementwise;

pub use convolve::*;
pub use einsum::*;
pub use elementwise::*;
