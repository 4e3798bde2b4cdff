//! # sci: SciPy and NumPy for Rust
//!
//! One dependency for the whole stack. Each module is a crate of its own, behind a cargo
//! feature of the same name (all on by default):
//!
//! | sci | mirrors | crate | feature |
//! |---|---|---|---|
//! | [`array`] | `numpy` | `sci-array` | always |
//! | `io` | `numpy` file I/O, `scipy.io` | `sci-io` | `io` |
//!
//! ```
//! use sci::prelude::*;
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! assert_eq!(a.sum(), 10.0);
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array as array;
pub use sci_array::ndarray;

#[cfg(feature = "io")]
pub use sci_io as io;

/// The names most programs want: ndarray's prelude, the complex types and each module's prelude.
pub mod prelude {
    pub use sci_array::ndarray::prelude::*;
    pub use sci_array::num_complex::{Complex32, Complex64};
}
