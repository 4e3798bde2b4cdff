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
//! | `numpy.loadtxt`, `numpy.savetxt` | [`loadtxt`], [`loadtxt_str`], [`savetxt`], [`savetxt_string`] |
//! | `numpy.genfromtxt` | [`genfromtxt`], [`genfromtxt_str`] (a [`Table`] of named [`Column`]s) |
//! | `scipy.io.hb_read`, `hb_write` | [`hb_read`], [`hb_write`] (real unsymmetric assembled; [`sprs::CsMat`]) |
//! | `skimage.io.imread`/`imsave`, `imageio.v3.imread`/`imwrite`, `matplotlib.pyplot.imread`/`imsave` | [`imread`], [`imread_as_gray`], [`imread_from_bytes`], [`imread_from_reader`], [`imsave`], [`imsave_to_bytes`] (PNG, JPEG, TIFF, BMP; feature `image`) |
//! | `scipy.io.mmread`, `mmwrite`, `mminfo` | [`mmread`], [`mmwrite`], [`mminfo`] (and `_str`/`_string` forms; sparse matrices as [`sprs::TriMat`]) |
//!
//! Malformed files give an [`IoError`], never a panic, and no allocation is sized by an
//! untrusted header before the file is known to hold that much data.
//!
//! Image files are decoded and encoded by the pure-Rust [`image`](https://docs.rs/image) crate
//! (feature `image`, on by default, with only its PNG, JPEG, TIFF and BMP codecs): no system
//! library, decoders hardened against malformed files, and allocation limits on the sizes an
//! untrusted header claims; sci maps its pixel buffers to ndarray arrays.
//!
//! Speed: `.npy` arrays in native byte order are written with one bulk write and read with
//! one read into a preallocated buffer; `loadtxt` parses without per-line allocation using
//! `fast-float2`, in parallel chunks of lines for inputs above 1 MiB (feature `rayon`, on by
//! default), with results identical to a sequential parse.
//!
//! # Examples
//!
//! ```
//! use sci_io::{load_npz, loadtxt_str, savez, LoadTxtOptions};
//! use sci_io::sci_array::ndarray::{array, Ix2};
//! let a = loadtxt_str::<f64, Ix2>("1 2\n3 4\n", &LoadTxtOptions::default())?;
//! let path = std::env::temp_dir().join(format!("sci_io_doc_crate_{}.npz", std::process::id()));
//! savez(&path, &[("a", &a)])?;
//! assert_eq!(load_npz(&path)?["a"].clone().into_array::<f64, Ix2>()?, array![[1.0, 2.0], [3.0, 4.0]]);
//! # std::fs::remove_file(&path)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod error;
mod hb;
#[cfg(feature = "image")]
mod image;
mod load;
mod mm;
mod npy;
mod npz;
mod pod;
mod text;

pub use error::{IoError, Result};
pub use hb::{HbWriteOptions, hb_read, hb_read_str, hb_write, hb_write_string};
#[cfg(feature = "image")]
pub use image::{
    Image, ImageElement, ImageFormat, ImsaveOptions, imread, imread_as_gray, imread_from_bytes,
    imread_from_reader, imsave, imsave_to_bytes,
};
pub use load::{Loaded, load};
pub use mm::{
    MmField, MmFormat, MmInfo, MmMatrix, MmSymmetry, MmWritable, MmWriteOptions, mminfo, mminfo_str, mmread,
    mmread_str, mmwrite, mmwrite_string,
};
pub use npy::*;
pub use npz::*;
pub use text::*;
