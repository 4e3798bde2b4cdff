//! `imread` and friends: decode an image file into an [`Image`].

use std::io::{Cursor, Read};
use std::path::Path;

use image::{DynamicImage, ImageReader};
use sci_array::ndarray::{Array2, Array3, Axis, Zip};

use super::Image;
use crate::error::{IoError, Result, file_err};

/// Reads an image file (PNG, JPEG, TIFF or BMP, recognised by its first bytes, not its
/// extension) into an [`Image`] of `u8` or `u16` values.
///
/// Gray images give `(rows, cols)` arrays; gray + alpha, RGB and RGBA images give
/// `(rows, cols, channels)` arrays with 2, 3 or 4 channels. 16-bit PNG and TIFF files stay 16-bit.
/// Palette images are expanded to RGB (or RGBA with a transparency chunk), as Pillow does,
/// except BMP files whose palette is the gray ramp, which Pillow reads as gray images.
///
/// # Errors
///
/// [`IoError::File`] if the file cannot be read; [`IoError::Image`] if it is not an image in a
/// supported format, is truncated or corrupt, or holds float or CMYK samples.
///
/// # Examples
///
/// ```
/// use sci_io::{Image, ImsaveOptions, imread, imsave};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_imread_{}.png", std::process::id()));
/// let rgb = array![[[255u8, 0, 0], [0, 255, 0]], [[0, 0, 255], [10, 20, 30]]];
/// imsave(&path, &rgb, &ImsaveOptions::default())?;
/// assert_eq!(imread(&path)?, Image::Color8(rgb));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: `skimage.io.imread`, `imageio.v3.imread`, `matplotlib.pyplot.imread`
/// (which returns floats for PNG: use [`Image::into_f64`]).
pub fn imread(path: impl AsRef<Path>) -> Result<Image> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(file_err(path))?;
    decode(&bytes, &path.display().to_string())
}

/// Decodes an image held in memory; see [`imread`].
///
/// # Errors
///
/// [`IoError::Image`] if the bytes are not an image in a supported format, are truncated or
/// corrupt.
///
/// # Examples
///
/// ```
/// use sci_io::{IoError, imread_from_bytes};
/// assert!(matches!(imread_from_bytes(b"not an image"), Err(IoError::Image { .. })));
/// ```
///
/// SciPy equivalent: `imageio.v3.imread(bytes)`.
pub fn imread_from_bytes(bytes: &[u8]) -> Result<Image> {
    decode(bytes, "<bytes>")
}

/// Decodes an image from a reader (read to its end first); see [`imread`].
///
/// # Errors
///
/// [`IoError::Io`] if reading fails; [`IoError::Image`] if the stream is not an image in a
/// supported format, is truncated or corrupt.
///
/// # Examples
///
/// ```
/// use sci_io::{Image, ImageFormat, ImsaveOptions, imread_from_reader, imsave_to_bytes};
/// use sci_io::sci_array::ndarray::array;
/// let bytes = imsave_to_bytes(&array![[1u16, 60000]], ImageFormat::Tiff, &ImsaveOptions::default())?;
/// let img = imread_from_reader(std::io::Cursor::new(bytes))?;
/// assert_eq!(img, Image::Gray16(array![[1u16, 60000]]));
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: `imageio.v3.imread(file_object)`.
pub fn imread_from_reader<R: Read>(mut reader: R) -> Result<Image> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    decode(&bytes, "<reader>")
}

/// Reads an image file as a gray image of floats in `[0, 1]`, with scikit-image's `rgb2gray`
/// weights `0.2125 R + 0.7154 G + 0.0721 B` on the `[0, 1]` values.
///
/// RGBA images are first blended on a white background (`skimage.color.rgba2rgb`); gray images
/// are only scaled (scikit-image returns them unscaled in their integer type: divide by 255 or
/// 65535 to compare).
///
/// # Errors
///
/// As [`imread`], and [`IoError::InvalidArgument`] for a gray + alpha image (2 channels), which
/// `rgb2gray` rejects.
///
/// # Examples
///
/// ```
/// use sci_io::{ImsaveOptions, imread_as_gray, imsave};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_gray_{}.png", std::process::id()));
/// imsave(&path, &array![[[255u8, 0, 0], [255, 255, 255]]], &ImsaveOptions::default())?;
/// let g = imread_as_gray(&path)?;
/// assert!((g[[0, 0]] - 0.2125).abs() < 1e-15 && (g[[0, 1]] - 1.0).abs() < 1e-15);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), sci_io::IoError>(())
/// ```
///
/// SciPy equivalent: `skimage.io.imread(path, as_gray=True)`.
pub fn imread_as_gray(path: impl AsRef<Path>) -> Result<Array2<f64>> {
    let img = imread(path)?;
    if img.channels() == 2 {
        return Err(IoError::InvalidArgument {
            arg: "as_gray",
            reason: "the input array must have size 3 along `channel_axis`, got a gray + alpha image of 2 channels"
                .into(),
        });
    }
    let f = img.into_f64();
    if f.ndim() == 2 {
        return Ok(f.into_dimensionality().expect("2-d"));
    }
    let f = f.into_dimensionality::<sci_array::ndarray::Ix3>().expect("3-d");
    let (r, c) = (f.len_of(Axis(0)), f.len_of(Axis(1)));
    let mut out = Array2::zeros((r, c));
    let rgba = f.len_of(Axis(2)) == 4;
    Zip::from(&mut out).and(f.lanes(Axis(2))).for_each(|o, px| {
        let (mut rr, mut gg, mut bb) = (px[0], px[1], px[2]);
        if rgba {
            let a = px[3];
            let blend = |ch: f64| ((1.0 - a) * 1.0 + a * ch).clamp(0.0, 1.0);
            (rr, gg, bb) = (blend(rr), blend(gg), blend(bb));
        }
        *o = rr * 0.2125 + gg * 0.7154 + bb * 0.0721;
    });
    Ok(out)
}

/// Whether `bytes` are a BMP file of 8 bits or less per pixel whose palette is the gray ramp
/// `(i, i, i)`, which Pillow (and so scikit-image) reads as a gray image (mode "L").
fn bmp_gray_palette(bytes: &[u8]) -> bool {
    let u16_at = |o: usize| bytes.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at =
        |o: usize| bytes.get(o..o + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let (Some(dib), Some(bpp)) = (u32_at(14), u16_at(28)) else { return false };
    if !bytes.starts_with(b"BM") || dib < 40 || !(1..=8).contains(&bpp) {
        return false;
    }
    let colors = match u32_at(46) {
        Some(0) => 1 << bpp,
        Some(n) if n <= 256 => n,
        _ => return false,
    };
    // Pillow: a 2-colour palette must be (0, 255), longer ones the ramp 0, 1, 2, ...
    let level = |i: usize| if colors == 2 { i * 255 } else { i };
    (0..colors).all(|i| {
        let o = 14 + dib + 4 * i;
        bytes.get(o..o + 3).is_some_and(|e| e.iter().all(|&v| v as usize == level(i)))
    })
}

fn decode(bytes: &[u8], file: &str) -> Result<Image> {
    let bad = |reason: String| IoError::Image { file: file.to_string(), reason };
    let reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| bad(e.to_string()))?;
    if reader.format().is_none() {
        return Err(bad("not a PNG, JPEG, TIFF or BMP image (unknown format)".into()));
    }
    let img = reader.decode().map_err(|e| bad(e.to_string()))?;
    let (w, h) = (img.width() as usize, img.height() as usize);
    fn a2<T>(h: usize, w: usize, v: Vec<T>) -> Array2<T> {
        Array2::from_shape_vec((h, w), v).expect("decoder buffer matches its size")
    }
    fn a3<T>(h: usize, w: usize, c: usize, v: Vec<T>) -> Array3<T> {
        Array3::from_shape_vec((h, w, c), v).expect("decoder buffer matches its size")
    }
    Ok(match img {
        DynamicImage::ImageRgb8(b) if bmp_gray_palette(bytes) => {
            Image::Gray8(a2(h, w, b.into_raw().chunks_exact(3).map(|p| p[0]).collect()))
        }
        DynamicImage::ImageLuma8(b) => Image::Gray8(a2(h, w, b.into_raw())),
        DynamicImage::ImageLumaA8(b) => Image::Color8(a3(h, w, 2, b.into_raw())),
        DynamicImage::ImageRgb8(b) => Image::Color8(a3(h, w, 3, b.into_raw())),
        DynamicImage::ImageRgba8(b) => Image::Color8(a3(h, w, 4, b.into_raw())),
        DynamicImage::ImageLuma16(b) => Image::Gray16(a2(h, w, b.into_raw())),
        DynamicImage::ImageLumaA16(b) => Image::Color16(a3(h, w, 2, b.into_raw())),
        DynamicImage::ImageRgb16(b) => Image::Color16(a3(h, w, 3, b.into_raw())),
        DynamicImage::ImageRgba16(b) => Image::Color16(a3(h, w, 4, b.into_raw())),
        other => return Err(bad(format!("unsupported sample type {:?}", other.color()))),
    })
}
