//! Image files (PNG, JPEG, TIFF, BMP) to and from ndarray arrays, as `skimage.io.imread` /
//! `imsave` and `imageio.v3.imread` / `imwrite` give them.
//!
//! Decoding and encoding are done by the pure-Rust [`image`] crate (no system library, fuzzed
//! decoders, allocation limits on untrusted headers); this module only maps its pixel buffers to
//! arrays of shape `(rows, cols)` or `(rows, cols, channels)` and back, with scikit-image's
//! conventions for float images.

mod read;
mod write;

pub use read::{imread, imread_as_gray, imread_from_bytes, imread_from_reader};
pub use write::{ImageElement, ImageFormat, ImsaveOptions, imsave, imsave_to_bytes};

use sci_array::ndarray::{Array2, Array3, ArrayD, Axis};

/// A decoded image: gray images are 2-d `(rows, cols)`, images with more than one channel are
/// 3-d `(rows, cols, channels)` with 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channels, in the file's
/// bit depth (8-bit files give `u8`, 16-bit PNG and TIFF files give `u16`), as
/// `skimage.io.imread` returns them.
///
/// # Examples
///
/// ```
/// use sci_io::{Image, ImageFormat, ImsaveOptions, imread_from_bytes, imsave_to_bytes};
/// use sci_io::sci_array::ndarray::array;
/// let bytes = imsave_to_bytes(&array![[0u8, 255], [51, 102]], ImageFormat::Png, &ImsaveOptions::default())?;
/// let img = imread_from_bytes(&bytes)?;
/// assert_eq!(img.shape(), vec![2, 2]);
/// assert!(matches!(&img, Image::Gray8(a) if a == array![[0u8, 255], [51, 102]]));
/// assert_eq!(img.into_f64().into_raw_vec_and_offset().0, vec![0.0, 1.0, 0.2, 0.4]);
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: the array returned by `skimage.io.imread` / `imageio.v3.imread`.
#[derive(Debug, Clone, PartialEq)]
pub enum Image {
    /// An 8-bit gray image, shape `(rows, cols)`.
    Gray8(Array2<u8>),
    /// A 16-bit gray image, shape `(rows, cols)`.
    Gray16(Array2<u16>),
    /// An 8-bit image with 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channels, shape
    /// `(rows, cols, channels)`.
    Color8(Array3<u8>),
    /// A 16-bit image with 2, 3 or 4 channels, shape `(rows, cols, channels)`.
    Color16(Array3<u16>),
}

impl Image {
    /// The array's shape: `[rows, cols]` or `[rows, cols, channels]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Image;
    /// use sci_io::sci_array::ndarray::Array3;
    /// assert_eq!(Image::Color8(Array3::zeros((2, 5, 3))).shape(), vec![2, 5, 3]);
    /// ```
    ///
    /// SciPy equivalent: `img.shape`.
    pub fn shape(&self) -> Vec<usize> {
        match self {
            Image::Gray8(a) => a.shape().to_vec(),
            Image::Gray16(a) => a.shape().to_vec(),
            Image::Color8(a) => a.shape().to_vec(),
            Image::Color16(a) => a.shape().to_vec(),
        }
    }

    /// Number of channels: 1 for gray images, else the length of the last axis.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Image;
    /// use sci_io::sci_array::ndarray::{Array2, Array3};
    /// assert_eq!(Image::Gray16(Array2::zeros((2, 2))).channels(), 1);
    /// assert_eq!(Image::Color8(Array3::zeros((2, 2, 4))).channels(), 4);
    /// ```
    ///
    /// SciPy equivalent: `1 if img.ndim == 2 else img.shape[2]`.
    pub fn channels(&self) -> usize {
        match self {
            Image::Gray8(_) | Image::Gray16(_) => 1,
            Image::Color8(a) => a.len_of(Axis(2)),
            Image::Color16(a) => a.len_of(Axis(2)),
        }
    }

    /// The image as floats in `[0, 1]`: 8-bit values divided by 255, 16-bit values by 65535,
    /// same shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Image;
    /// use sci_io::sci_array::ndarray::array;
    /// let f = Image::Gray16(array![[0u16, 65535]]).into_f64();
    /// assert_eq!(f.shape(), &[1, 2]);
    /// assert_eq!(f[[0, 1]], 1.0);
    /// ```
    ///
    /// SciPy equivalent: `skimage.util.img_as_float(skimage.io.imread(...))`.
    pub fn into_f64(self) -> ArrayD<f64> {
        match self {
            Image::Gray8(a) => a.mapv(|v| v as f64 / 255.0).into_dyn(),
            Image::Gray16(a) => a.mapv(|v| v as f64 / 65535.0).into_dyn(),
            Image::Color8(a) => a.mapv(|v| v as f64 / 255.0).into_dyn(),
            Image::Color16(a) => a.mapv(|v| v as f64 / 65535.0).into_dyn(),
        }
    }
}
