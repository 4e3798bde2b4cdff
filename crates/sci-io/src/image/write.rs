//! `imsave`: encode an array as a PNG, JPEG, TIFF or BMP file.

use std::borrow::Cow;
use std::path::Path;

use image::codecs::{bmp::BmpEncoder, jpeg::JpegEncoder, png::PngEncoder, tiff::TiffEncoder};
use image::{ExtendedColorType, ImageEncoder};
use sci_array::ndarray::{ArrayBase, Data, Dimension};

use crate::error::{IoError, Result, file_err};

/// The file formats [`imsave`] writes.
///
/// # Examples
///
/// ```
/// use sci_io::ImageFormat;
/// assert_eq!(ImageFormat::from_extension("JPG"), Some(ImageFormat::Jpeg));
/// assert_eq!(ImageFormat::from_extension("gif"), None);
/// ```
///
/// SciPy equivalent: the `extension=` argument of `imageio.v3.imwrite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG: lossless, 8 or 16 bits, 1 to 4 channels.
    Png,
    /// JPEG: lossy, 8-bit gray or RGB.
    Jpeg,
    /// TIFF: lossless (uncompressed), 8 or 16 bits, gray, RGB or RGBA.
    Tiff,
    /// BMP: lossless, 8-bit gray, RGB or RGBA.
    Bmp,
}

impl ImageFormat {
    /// The format for a file extension (`png`, `jpg`/`jpeg`, `tif`/`tiff`, `bmp`; any case).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::ImageFormat;
    /// assert_eq!(ImageFormat::from_extension("tif"), Some(ImageFormat::Tiff));
    /// ```
    ///
    /// SciPy equivalent: imageio's choice of plugin by extension.
    pub fn from_extension(ext: &str) -> Option<ImageFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(ImageFormat::Png),
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "tif" | "tiff" => Some(ImageFormat::Tiff),
            "bmp" => Some(ImageFormat::Bmp),
            _ => None,
        }
    }
}

/// Options of [`imsave`].
///
/// # Examples
///
/// ```
/// use sci_io::ImsaveOptions;
/// let o = ImsaveOptions { quality: 90, ..Default::default() };
/// assert_eq!((o.quality, o.format), (90, None));
/// ```
///
/// SciPy equivalent: the keyword arguments of `imageio.v3.imwrite` (`quality`, `extension`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImsaveOptions {
    /// JPEG quality, 1 to 100 (Pillow's default 75); ignored by the lossless formats.
    pub quality: u8,
    /// The format; `None` (the default) takes it from the file extension.
    pub format: Option<ImageFormat>,
}

impl Default for ImsaveOptions {
    fn default() -> Self {
        ImsaveOptions { quality: 75, format: None }
    }
}

/// Pixel buffer in C order and its bit depth.
#[doc(hidden)]
pub enum Samples<'a> {
    /// 8-bit samples.
    U8(Cow<'a, [u8]>),
    /// 16-bit samples.
    U16(Cow<'a, [u16]>),
}

/// Element types [`imsave`] accepts: `u8` and `u16` are written as they are, `f32` and `f64`
/// must lie in `[0, 1]` and are scaled to `u8` as `skimage.util.img_as_ubyte` does
/// (`rint(x * 255)`, ties to even, computed in the input precision).
///
/// This trait is sealed.
pub trait ImageElement: Copy + private::Sealed {
    #[doc(hidden)]
    fn samples<'a, S: Data<Elem = Self>, D: Dimension>(a: &'a ArrayBase<S, D>) -> Result<Samples<'a>>;
}

mod private {
    pub trait Sealed {}
    impl Sealed for u8 {}
    impl Sealed for u16 {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

fn c_order<'a, T: Copy, S: Data<Elem = T>, D: Dimension>(a: &'a ArrayBase<S, D>) -> Cow<'a, [T]> {
    match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.iter().copied().collect()),
    }
}

impl ImageElement for u8 {
    fn samples<'a, S: Data<Elem = u8>, D: Dimension>(a: &'a ArrayBase<S, D>) -> Result<Samples<'a>> {
        Ok(Samples::U8(c_order(a)))
    }
}

impl ImageElement for u16 {
    fn samples<'a, S: Data<Elem = u16>, D: Dimension>(a: &'a ArrayBase<S, D>) -> Result<Samples<'a>> {
        Ok(Samples::U16(c_order(a)))
    }
}

macro_rules! float_element {
    ($t:ty) => {
        impl ImageElement for $t {
            fn samples<'a, S: Data<Elem = $t>, D: Dimension>(a: &'a ArrayBase<S, D>) -> Result<Samples<'a>> {
                let mut out = Vec::with_capacity(a.len());
                for &x in a.iter() {
                    if !(0.0..=1.0).contains(&x) {
                        return Err(IoError::InvalidArgument {
                            arg: "arr",
                            reason: format!("Images of type float must be between 0 and 1, found {x}"),
                        });
                    }
                    out.push((x * 255.0).round_ties_even() as u8);
                }
                Ok(Samples::U8(Cow::Owned(out)))
            }
        }
    };
}
float_element!(f32);
float_element!(f64);

/// Writes an array as an image file, the format taken from the extension of `path` (`png`,
/// `jpg`/`jpeg`, `tif`/`tiff`, `bmp`) unless [`ImsaveOptions::format`] names it.
///
/// `arr` has shape `(rows, cols)` (gray) or `(rows, cols, channels)` with 1 (gray), 2 (gray +
/// alpha), 3 (RGB) or 4 (RGBA) channels, any memory layout. `u8` and `u16` values are written as
/// they are (16 bits only to PNG and TIFF); `f32`/`f64` values must be in `[0, 1]` and are written
/// as 8-bit, scaled as `skimage.util.img_as_ubyte` does. JPEG takes gray or RGB only, TIFF and BMP no
/// gray + alpha, as Pillow.
///
/// # Errors
///
/// [`IoError::InvalidArgument`] for an unknown extension (`path`), a shape that is not an image,
/// an empty image, float values outside `[0, 1]` or NaN (`arr`), a channel count or bit depth the
/// format cannot store, a quality outside 1..=100; [`IoError::File`] if the file cannot be
/// written.
///
/// # Examples
///
/// ```
/// use sci_io::{Image, ImsaveOptions, imread, imsave};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_imsave_{}.png", std::process::id()));
/// imsave(&path, &array![[0.0, 0.5], [0.25, 1.0]], &ImsaveOptions::default())?;
/// assert_eq!(imread(&path)?, Image::Gray8(array![[0u8, 128], [64, 255]]));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: `skimage.io.imsave`, `imageio.v3.imwrite`, `matplotlib.pyplot.imsave`.
pub fn imsave<T: ImageElement, S: Data<Elem = T>, D: Dimension>(
    path: impl AsRef<Path>,
    arr: &ArrayBase<S, D>,
    options: &ImsaveOptions,
) -> Result<()> {
    let path = path.as_ref();
    let format = match options.format {
        Some(f) => f,
        None => {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            ImageFormat::from_extension(ext).ok_or_else(|| IoError::InvalidArgument {
                arg: "path",
                reason: format!(
                    "could not find a format to write {}: unknown extension {ext:?} (use png, jpg, jpeg, tif, tiff or bmp)",
                    path.display()
                ),
            })?
        }
    };
    let bytes = imsave_to_bytes(arr, format, options)?;
    std::fs::write(path, bytes).map_err(file_err(path))
}

/// Encodes an array as an image in memory; see [`imsave`].
///
/// # Errors
///
/// As [`imsave`], without the file errors.
///
/// # Examples
///
/// ```
/// use sci_io::{ImageFormat, ImsaveOptions, imsave_to_bytes};
/// use sci_io::sci_array::ndarray::Array3;
/// let bytes = imsave_to_bytes(&Array3::<u8>::zeros((4, 4, 3)), ImageFormat::Bmp, &ImsaveOptions::default())?;
/// assert_eq!(&bytes[..2], b"BM");
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: `imageio.v3.imwrite("<bytes>", arr, extension=".png")`.
pub fn imsave_to_bytes<T: ImageElement, S: Data<Elem = T>, D: Dimension>(
    arr: &ArrayBase<S, D>,
    format: ImageFormat,
    options: &ImsaveOptions,
) -> Result<Vec<u8>> {
    let invalid = |arg, reason: String| IoError::InvalidArgument { arg, reason };
    let shape = arr.shape();
    let channels = match shape.len() {
        2 => 1,
        3 if (1..=4).contains(&shape[2]) => shape[2],
        _ => {
            return Err(invalid(
                "arr",
                format!(
                    "expected an image of shape (rows, cols) or (rows, cols, 1..=4 channels), got shape {shape:?}"
                ),
            ));
        }
    };
    if shape[0] == 0 || shape[1] == 0 {
        return Err(invalid("arr", format!("cannot write an empty image of shape {shape:?}")));
    }
    let too_big = || invalid("arr", format!("image of shape {shape:?} is too large for an image file"));
    let h = u32::try_from(shape[0]).map_err(|_| too_big())?;
    let w = u32::try_from(shape[1]).map_err(|_| too_big())?;
    if format == ImageFormat::Jpeg && !(1..=100).contains(&options.quality) {
        return Err(invalid("quality", format!("must be between 1 and 100, got {}", options.quality)));
    }
    let samples = T::samples(arr)?;
    let sixteen = matches!(samples, Samples::U16(_));
    use ExtendedColorType as C;
    let color = match (channels, sixteen) {
        (1, false) => C::L8,
        (2, false) => C::La8,
        (3, false) => C::Rgb8,
        (4, false) => C::Rgba8,
        (1, true) => C::L16,
        (2, true) => C::La16,
        (3, true) => C::Rgb16,
        _ => C::Rgba16,
    };
    let supported = match format {
        ImageFormat::Png => true,
        ImageFormat::Jpeg => matches!(color, C::L8 | C::Rgb8),
        ImageFormat::Tiff => !matches!(color, C::La8 | C::La16),
        ImageFormat::Bmp => !sixteen && channels != 2,
    };
    if !supported {
        let bits = if sixteen { 16 } else { 8 };
        return Err(invalid(
            "arr",
            format!("{format:?} cannot store {bits}-bit images with {channels} channels (shape {shape:?})"),
        ));
    }
    let bytes: Cow<'_, [u8]> = match samples {
        Samples::U8(s) => s,
        Samples::U16(s) => Cow::Owned(s.iter().flat_map(|v| v.to_ne_bytes()).collect()),
    };
    let mut out = Vec::new();
    let res = match format {
        ImageFormat::Png => PngEncoder::new(&mut out).write_image(&bytes, w, h, color),
        ImageFormat::Jpeg => {
            JpegEncoder::new_with_quality(&mut out, options.quality).write_image(&bytes, w, h, color)
        }
        ImageFormat::Tiff => {
            TiffEncoder::new(std::io::Cursor::new(&mut out)).write_image(&bytes, w, h, color)
        }
        ImageFormat::Bmp => BmpEncoder::new(&mut out).write_image(&bytes, w, h, color),
    };
    res.map_err(|e| IoError::Image { file: "<bytes>".into(), reason: e.to_string() })?;
    Ok(out)
}
