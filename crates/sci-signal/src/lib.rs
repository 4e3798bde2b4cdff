//! # sci-signal: `scipy.signal` on ndarray
#![doc(test(attr(deny(warnings))))]

pub use sci_array;
