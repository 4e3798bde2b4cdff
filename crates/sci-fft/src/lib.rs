//! # sci-fft: `scipy.fft` on ndarray
//!
//! Discrete Fourier transforms over any axis of any [`ndarray`](sci_array::ndarray) array, named
//! and normalized as in `scipy.fft` (and `numpy.fft`), computed by [`rustfft`] and [`realfft`]
//! (SIMD-accelerated, any length, O(n log n)).
//!
//! | SciPy | here |
//! |---|---|
//! | `fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft` | [`fft`], [`ifft`], [`rfft`], [`irfft`], [`hfft`], [`ihfft`] |
//! | `fft2`, `ifft2`, `fftn`, `ifftn` | [`fft2`], [`ifft2`], [`fftn`], [`ifftn`] |
//! | `rfft2`, `irfft2`, `rfftn`, `irfftn` | [`rfft2`], [`irfft2`], [`rfftn`], [`irfftn`] |
//! | `hfft2`, `ihfft2`, `hfftn`, `ihfftn` | [`hfft2`], [`ihfft2`], [`hfftn`], [`ihfftn`] |
//! | `dct`, `idct`, `dst`, `idst` | [`dct`], [`idct`], [`dst`], [`idst`] |
//! | `dctn`, `idctn`, `dstn`, `idstn` | [`dctn`], [`idctn`], [`dstn`], [`idstn`] |
//! | `fht`, `ifht`, `fhtoffset` (FFTLog) | [`fht`], [`ifht`], [`fhtoffset`] |
//! | `fftfreq`, `rfftfreq`, `fftshift`, `ifftshift`, `next_fast_len`, `prev_fast_len` | [`fftfreq`], [`rfftfreq`], [`fftshift`], [`ifftshift`], [`next_fast_len`], [`prev_fast_len`] |
//!
//! SciPy's keyword arguments become positional: `(x, n, axis, norm)` for the 1-d transforms and
//! `(x, s, axes, norm)` for the n-d ones, with `None`/`-1`/[`Norm::Backward`] as SciPy's defaults.
//! Inputs may be `f32`, `f64`, integers or `Complex<f32>`/`Complex<f64>`; `f32` data is
//! transformed in single precision, everything else in `f64`.
//!
//! Plans are cached per thread and reused across calls.
//!
//! ```
//! use sci_fft::{fft, fftfreq, Norm};
//! use sci_array::ndarray::Array1;
//! let y = fft(&Array1::range(0.0_f64, 8.0, 1.0), None, -1, Norm::Backward).unwrap();
//! assert!((y[4].re + 4.0).abs() < 1e-12);
//! assert_eq!(fftfreq(8, 0.1).unwrap()[4], -5.0);
//! ```
#![doc(test(attr(deny(warnings))))]

pub use sci_array;

mod basic;
mod engine;
mod error;
mod fftlog;
mod helper;
mod hermitian_nd;
mod nd;
mod realtrans;
mod realtrans_nd;

pub use basic::{fft, hfft, ifft, ihfft, irfft, rfft};
pub use engine::{FftFloat, FftInput, Norm, RealInput};
pub use error::{FftError, Result};
pub use fftlog::{fht, fhtoffset, ifht};
pub use helper::{fftfreq, fftshift, ifftshift, next_fast_len, prev_fast_len, rfftfreq};
pub use hermitian_nd::{hfft2, hfftn, ihfft2, ihfftn};
pub use nd::{fft2, fftn, ifft2, ifftn, irfft2, irfftn, rfft2, rfftn};
pub use realtrans::{DctType, dct, dst, idct, idst};
pub use realtrans_nd::{dctn, dstn, idctn, idstn};
