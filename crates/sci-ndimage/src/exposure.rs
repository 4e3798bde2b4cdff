//! scikit-image's intensity and dtype helpers: `rescale_intensity`, `rgb2gray`,
//! `img_as_float`, `img_as_ubyte`.

use crate::element::Element;
use crate::error::{Result, invalid};
use sci_array::ndarray::{Array, ArrayBase, Axis, Data, Dimension, RemoveAxis};
use sci_array::normalize_axis;

/// An image element type as scikit-image sees it: its kind (`b`ool, `u`nsigned, `i`nteger,
/// `f`loat), bit width, and the float type `img_as_float` gives (`f32` for `f32`, else `f64`).
///
/// scikit-image equivalent: the dtype tables of `skimage.util.dtype` (`dtype_range`).
///
/// # Examples
///
/// ```
/// use sci_ndimage::ImageElement;
/// assert_eq!(<u16 as ImageElement>::BITS, 16);
/// assert_eq!(<i8 as ImageElement>::KIND, 'i');
/// assert_eq!(<f32 as ImageElement>::dtype_range(), (-1.0, 1.0));
/// assert_eq!(<u8 as ImageElement>::dtype_range(), (0.0, 255.0));
/// ```
pub trait ImageElement: Element {
    /// NumPy's dtype kind: `'b'`, `'u'`, `'i'` or `'f'`.
    const KIND: char;
    /// Bits per element.
    const BITS: u32;
    /// The type `img_as_float` returns.
    type Float: ImageElement;
    /// scikit-image's `dtype_range`: `(0, 1)` for bool, `(-1, 1)` for floats, the integer
    /// limits otherwise.
    fn dtype_range() -> (f64, f64) {
        match Self::KIND {
            'b' => (0.0, 1.0),
            'f' => (-1.0, 1.0),
            'u' => (0.0, 2f64.powi(Self::BITS as i32) - 1.0),
            _ => (-(2f64.powi(Self::BITS as i32 - 1)), 2f64.powi(Self::BITS as i32 - 1) - 1.0),
        }
    }
    /// The value as `i64` (integers and bool; floats truncate).
    fn to_i64(self) -> i64;
}

macro_rules! image_int {
    ($($t:ty => $k:literal),*) => {$(
        impl ImageElement for $t {
            const KIND: char = $k;
            const BITS: u32 = <$t>::BITS;
            type Float = f64;
            #[inline(always)]
            fn to_i64(self) -> i64 { self as i64 }
        }
    )*};
}
image_int!(u8 => 'u', u16 => 'u', u32 => 'u', u64 => 'u', i8 => 'i', i16 => 'i', i32 => 'i', i64 => 'i');

impl ImageElement for f32 {
    const KIND: char = 'f';
    const BITS: u32 = 32;
    type Float = f32;
    fn to_i64(self) -> i64 {
        self as i64
    }
}

impl ImageElement for f64 {
    const KIND: char = 'f';
    const BITS: u32 = 64;
    type Float = f64;
    fn to_i64(self) -> i64 {
        self as i64
    }
}

impl ImageElement for bool {
    const KIND: char = 'b';
    const BITS: u32 = 8;
    type Float = f64;
    fn to_i64(self) -> i64 {
        self as i64
    }
}

/// `v` rounded to the precision of `T` (identity for `f64`, `f32` rounding for `f32`).
#[inline(always)]
fn r<T: Element>(v: f64) -> f64 {
    T::from_f64(v).to_f64()
}

/// The intensity range argument of [`rescale_intensity`] (scikit-image's `in_range` /
/// `out_range`).
///
/// scikit-image equivalent: the `in_range`/`out_range` values `'image'`, `'dtype'`, a dtype
/// name, or a `(min, max)` pair.
///
/// # Examples
///
/// ```
/// use sci_ndimage::IntensityRange;
/// assert_eq!(IntensityRange::default(), IntensityRange::Image);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum IntensityRange {
    /// `'image'`: the image's minimum and maximum (default of `in_range`).
    #[default]
    Image,
    /// `'dtype'`: the range of the input's type ([`ImageElement::dtype_range`]); as
    /// `out_range` the lower bound becomes 0 when the input range is non-negative.
    Dtype,
    /// A named dtype range such as `'uint8'` = `DtypeRange(0.0, 255.0)` or `'float'` =
    /// `DtypeRange(-1.0, 1.0)`; as `out_range` the lower bound becomes 0 when the input range
    /// is non-negative.
    DtypeRange(f64, f64),
    /// An explicit `(min, max)` pair.
    Values(f64, f64),
}

/// The `(min, max)` of an intensity range (`clip_negative` as scikit-image).
/// `image` is the image's `(min, max)` (NaN when it holds a NaN, as NumPy's).
fn intensity_range<T: ImageElement>(
    image: (f64, f64),
    range: IntensityRange,
    clip_negative: bool,
) -> (f64, f64) {
    let named = |(lo, hi): (f64, f64)| (if clip_negative { 0.0 } else { lo }, hi);
    match range {
        IntensityRange::Image => image,
        IntensityRange::Dtype => named(T::dtype_range()),
        IntensityRange::DtypeRange(lo, hi) => named((lo, hi)),
        IntensityRange::Values(lo, hi) => (lo, hi),
    }
}

/// Return the image after stretching or shrinking its intensity levels.
///
/// The input levels `in_range` map linearly onto `out_range`; values outside `in_range` are
/// clipped first. The result has the element type `U` the caller asks for; scikit-image's
/// choice is: the input's type for `out_range` `'image'`/`'dtype'`, the named type for a
/// named range (`'uint8'` → `u8`), and the float type for a `(min, max)` pair. Computed as
/// scikit-image does: in the input's float precision (`f32` for `f32` images, else `f64`),
/// then cast to `U` (truncation toward zero for integers). A NaN in the image makes an
/// `'image'` range NaN, as in NumPy.
///
/// scikit-image equivalent: `skimage.exposure.rescale_intensity`.
///
/// # Errors
///
/// Empty image with an `'image'` range (NumPy's "zero-size array to reduction operation").
///
/// # Examples
///
/// scikit-image's docstring examples:
///
/// ```
/// use sci_ndimage::{IntensityRange, rescale_intensity};
/// use sci_ndimage::sci_array::ndarray::array;
/// let image = array![51u8, 102, 153];
/// let r: sci_ndimage::sci_array::ndarray::Array1<u8> =
///     rescale_intensity(&image, IntensityRange::Image, IntensityRange::Dtype).unwrap();
/// assert_eq!(r, array![0, 127, 255]);
/// let f = array![51.0, 102.0, 153.0];
/// let r: sci_ndimage::sci_array::ndarray::Array1<f64> =
///     rescale_intensity(&f, IntensityRange::Image, IntensityRange::Dtype).unwrap();
/// assert_eq!(r, array![0.0, 0.5, 1.0]);
/// let r: sci_ndimage::sci_array::ndarray::Array1<f64> =
///     rescale_intensity(&f, IntensityRange::Values(0.0, 255.0), IntensityRange::Dtype).unwrap();
/// assert_eq!(r, array![0.2, 0.4, 0.6]);
/// ```
pub fn rescale_intensity<T, U, S, D>(
    image: &ArrayBase<S, D>,
    in_range: IntensityRange,
    out_range: IntensityRange,
) -> Result<Array<U, D>>
where
    T: ImageElement,
    U: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let needs_image = matches!(in_range, IntensityRange::Image) || matches!(out_range, IntensityRange::Image);
    if image.is_empty() && needs_image {
        return Err(invalid("image", "zero-size array to reduction operation minimum which has no identity"));
    }
    let mut mm = (f64::INFINITY, f64::NEG_INFINITY);
    if needs_image {
        for v in image.iter() {
            let x = v.to_f64();
            if x.is_nan() {
                mm = (f64::NAN, f64::NAN);
                break;
            }
            mm = (mm.0.min(x), mm.1.max(x));
        }
    }
    let (imin, imax) = intensity_range::<T>(mm, in_range, false);
    let (omin, omax) = intensity_range::<T>(mm, out_range, imin >= 0.0);
    // NumPy works in the image's type for float images (Python floats are weak scalars) and
    // in float64 for integer images.
    let rt = |v: f64| if T::KIND == 'f' { r::<T>(v) } else { v };
    let bad_bounds = [imin, imax, omin, omax].iter().any(|v| v.is_nan());
    let clip = |x: f64, lo: f64, hi: f64| if x.is_nan() || bad_bounds { f64::NAN } else { x.max(lo).min(hi) };
    let (lo_t, hi_t) = (rt(imin), rt(imax));
    let (den, span, base) = (rt(imax - imin), rt(omax - omin), rt(omin));
    let (olo, ohi) = (rt(omin), rt(omax));
    let stretch = imin != imax;
    let f = |&v: &T| {
        let x = clip(v.to_f64(), lo_t, hi_t);
        let y = if stretch { rt(rt(rt(rt(x - lo_t) / den) * span) + base) } else { clip(x, olo, ohi) };
        U::from_f64(y)
    };
    Ok(image.map(f))
}

/// Compute the luminance of an RGB image: `0.2125 R + 0.7154 G + 0.0721 B`.
///
/// The channels lie along `channel_axis` (default `-1`), which must have length 3; the
/// image is first converted with [`img_as_float`] (so `u8` levels are divided by 255), and
/// the result drops the channel axis. `f32` images give `f32`, others `f64`.
///
/// scikit-image equivalent: `skimage.color.rgb2gray`.
///
/// # Errors
///
/// `channel_axis` out of range or not of length 3 ("the input array must have size 3 along
/// `channel_axis`").
///
/// # Examples
///
/// ```
/// use sci_ndimage::rgb2gray;
/// use sci_ndimage::sci_array::ndarray::array;
/// let rgb = array![[[255u8, 255, 255], [255, 0, 0]]];
/// let g = rgb2gray(&rgb, -1).unwrap();
/// assert_eq!(g.shape(), &[1, 2]);
/// assert!((g[[0, 0]] - 1.0).abs() < 1e-15);
/// assert!((g[[0, 1]] - 0.2125).abs() < 1e-15);
/// ```
pub fn rgb2gray<T, S, D>(image: &ArrayBase<S, D>, channel_axis: isize) -> Result<Array<T::Float, D::Smaller>>
where
    T: ImageElement,
    S: Data<Elem = T>,
    D: RemoveAxis,
{
    let ax = normalize_axis(channel_axis, image.ndim(), "channel_axis")?;
    if image.shape()[ax] != 3 {
        return Err(invalid(
            "image",
            format!("the input array must have size 3 along `channel_axis`, got {:?}", image.shape()),
        ));
    }
    let f = img_as_float(image)?;
    let w = [0.2125, 0.7154, 0.0721].map(r::<T::Float>);
    let (c0, c1, c2) = (f.index_axis(Axis(ax), 0), f.index_axis(Axis(ax), 1), f.index_axis(Axis(ax), 2));
    let mut out = c0.map(|v| r::<T::Float>(v.to_f64() * w[0]));
    sci_array::ndarray::Zip::from(&mut out).and(&c1).and(&c2).for_each(|o, g, b| {
        let s = r::<T::Float>(*o + r::<T::Float>(g.to_f64() * w[1]));
        *o = r::<T::Float>(s + r::<T::Float>(b.to_f64() * w[2]));
    });
    Ok(out.mapv(<T::Float as Element>::from_f64))
}

/// Convert an image to floating point, scaled as scikit-image does.
///
/// Floats are returned unchanged (`f32` stays `f32`); unsigned integers are divided by the
/// type's maximum (to `[0, 1]`); signed integers are divided by the maximum and clipped at
/// -1 (to `[-1, 1]`); booleans become 0/1.
///
/// scikit-image equivalent: `skimage.util.img_as_float`.
///
/// # Errors
///
/// None for the supported types (the `Result` keeps the signature uniform).
///
/// # Examples
///
/// ```
/// use sci_ndimage::img_as_float;
/// use sci_ndimage::sci_array::ndarray::array;
/// assert_eq!(img_as_float(&array![0u8, 51, 255]).unwrap(), array![0.0, 0.2, 1.0]);
/// assert_eq!(img_as_float(&array![-128i8, 127]).unwrap(), array![-1.0, 1.0]);
/// ```
pub fn img_as_float<T, S, D>(image: &ArrayBase<S, D>) -> Result<Array<T::Float, D>>
where
    T: ImageElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let imax = T::dtype_range().1;
    let scale = 1.0 / imax;
    Ok(image.map(|&v| {
        let x = v.to_f64();
        <T::Float as Element>::from_f64(match T::KIND {
            'f' | 'b' => x,
            'u' => x * scale,
            _ => (x * scale).max(-1.0),
        })
    }))
}

/// Convert an image to 8-bit unsigned integers, scaled and rounded as scikit-image does.
///
/// Floats in `[-1, 1]` are multiplied by 255 (in their own precision), rounded half to even
/// and clipped at 0; booleans become 0/255; wider unsigned integers are divided by
/// `2^(bits - 8)` (floor), or cast unchanged when their maximum is below 256 (scikit-image
/// warns); signed integers drop their sign bit the same way and negatives become 0 (with
/// scikit-image's intermediate `int16`/`int8` casts, bit for bit).
///
/// scikit-image equivalent: `skimage.util.img_as_ubyte`.
///
/// # Errors
///
/// A float image outside `[-1, 1]` ("Images of type float must be between -1 and 1."); an
/// empty image of a type whose conversion takes its minimum or maximum (floats, integers
/// wider than 8 bits), as NumPy's reductions fail there.
///
/// # Examples
///
/// ```
/// use sci_ndimage::img_as_ubyte;
/// use sci_ndimage::sci_array::ndarray::array;
/// assert_eq!(img_as_ubyte(&array![0.0, 0.5, 1.0, -0.5]).unwrap(), array![0u8, 128, 255, 0]);
/// assert_eq!(img_as_ubyte(&array![65535u16, 1000, 5, 300]).unwrap(), array![255u8, 3, 0, 1]);
/// assert!(img_as_ubyte(&array![1.5]).is_err());
/// ```
pub fn img_as_ubyte<T, S, D>(image: &ArrayBase<S, D>) -> Result<Array<u8, D>>
where
    T: ImageElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let reduces = T::KIND == 'f' || (T::BITS > 8 && T::KIND != 'b');
    if image.is_empty() && reduces {
        return Err(invalid("image", "zero-size array to reduction operation which has no identity"));
    }
    let max_int = image.iter().map(|v| v.to_i64()).max().unwrap_or(0);
    match (T::KIND, T::BITS) {
        ('b', _) => Ok(image.map(|&v| if v.to_f64() != 0.0 { 255 } else { 0 })),
        ('f', _) => {
            let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
            for v in image.iter() {
                lo = lo.min(v.to_f64());
                hi = hi.max(v.to_f64());
            }
            if lo < -1.0 || hi > 1.0 {
                return Err(invalid("image", "Images of type float must be between -1 and 1."));
            }
            Ok(image.map(|&v| r::<T>(v.to_f64() * 255.0).round_ties_even().clamp(0.0, 255.0) as u8))
        }
        ('u', 8) => Ok(image.map(|&v| v.to_i64() as u8)),
        ('u', bits) => {
            if max_int < 256 {
                Ok(image.map(|&v| v.to_i64() as u8))
            } else {
                let sh = bits - 8;
                Ok(image.map(|&v| ((v.to_i64() as u64) >> sh) as u8))
            }
        }
        ('i', 8) => {
            // scikit-image: multiply by 129 in int16, floor-divide by 64, clip at 0.
            Ok(image.map(|&v| ((v.to_i64() as i16 * 129).div_euclid(64)).max(0) as u8))
        }
        (_, bits) => {
            if max_int < 256 {
                // Cast to int16 without scaling (wrapping), then clip at 0 and cast.
                Ok(image.map(|&v| (v.to_i64() as i16).max(0) as u8))
            } else {
                let d = 1i64 << (bits - 9);
                Ok(image.map(|&v| (v.to_i64().div_euclid(d) as i16).max(0) as u8))
            }
        }
    }
}
