//! # sci-array: NumPy's toolbox on ndarray
//!
//! [`ndarray`] is the array type (re-exported as [`sci_array::ndarray`](ndarray)); this crate adds
//! the NumPy functions that ndarray lacks, as free functions named as in NumPy.
//!
//! | NumPy topic | module |
//! |---|---|
//! | errors, axis handling | [`ArrayError`], [`normalize_axis`] |
//! | `numpy.testing` | [`testing`] |
//! | Krylov solver cores (`scipy.sparse.linalg.gmres`, ...) shared by sci-sparse and sci-optimize | [`krylov`] |
//! | Python's `repr` of a float (for messages quoting NumPy's or SciPy's) | [`pyfmt`] |
//!
//! SciPy/NumPy users: see `docs/scipy-names.md` for where every NumPy name lives.
#![doc(test(attr(deny(warnings))))]

pub use ndarray;
pub use num_complex;

pub mod alloc;
mod error;
pub mod testing;

mod broadcast;
mod bytes;
mod comparison;
mod creation;
mod histograms;
mod indexing;
pub mod krylov;
mod manipulation;
mod math;
pub mod pyfmt;
pub mod random;
mod reductions;
mod sets;
mod sorting;
pub mod special;
mod statistics;
mod views;

pub use broadcast::*;
pub use bytes::*;
pub use comparison::*;
pub use creation::*;
pub use error::{ArrayError, Result, normalize_axis};
pub use histograms::*;
pub use indexing::*;
pub use manipulation::*;
pub use math::*;
pub use reductions::*;
pub use sets::*;
pub use sorting::*;
pub use statistics::*;
pub use views::*;
