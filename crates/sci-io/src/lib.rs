//! # sci-io: reading and writing NumPy's files
//!
//! Files written by sci open in NumPy and vice versa.
//!
//! | NumPy | sci |
//! |---|---|
//! | `numpy.load` (either format) | [`load`] |
//! | `numpy.save`, `numpy.load` (`.npy`) | [`save_npy`], [`load_npy`], [`load_npy_dyn`], [`write_npy`], [`read_npy`] |
//! | `numpy.load(..., mmap_mode="r")` | [`open_npy_mmap`] |
//! | `numpy.savez`, `numpy.savez_compressed`, `numpy.load` (`.npz`) | [`savez`], [`savez_compressed`], [`load_npz`] |
//! | `numpy.loadtxt`, `numpy.savetxt` | [`loadtxt`], [`savetxt`] |
//! | `numpy.genfromtxt` | [`genfromtxt`] |
//!
//! Malformed files give an [`IoError`], never a panic, and no allocation is sized by an
//! untrusted header before the file is known to hold that much data.
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod error;
mod load;
mod npy;
mod npz;
mod pod;
mod text;

pub use error::{IoError, Result};
pub use load::{Loaded, load};
pub use npy::*;
pub use npz::*;
pub use text::*;
