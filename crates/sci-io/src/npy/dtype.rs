//! NumPy dtype descriptors (`'<f8'`, `'|b1'`, ...) and the element types sci reads and writes.

use super::NpyArray;
use sci_array::ndarray::ArrayD;
use sci_array::num_complex::{Complex32, Complex64};

/// The kind of a NumPy dtype (the letter in its descriptor).
///
/// NumPy equivalent: `numpy.dtype.kind` (`'b'`, `'i'`, `'u'`, `'f'`, `'c'`).
///
/// # Examples
///
/// ```
/// use sci_io::{Dtype, DtypeKind};
/// assert_eq!(Dtype::parse("<u4").unwrap().kind, DtypeKind::UInt);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DtypeKind {
    /// `b`: booleans stored as one byte, 0 or 1.
    Bool,
    /// `i`: signed integers.
    Int,
    /// `u`: unsigned integers.
    UInt,
    /// `f`: IEEE floats.
    Float,
    /// `c`: complex numbers, two floats (real, imaginary).
    Complex,
}

/// A NumPy dtype that sci supports: kind, item size in bytes and byte order.
///
/// NumPy equivalent: `numpy.dtype` (for the numeric dtypes).
///
/// # Examples
///
/// ```
/// use sci_io::{Dtype, DtypeKind};
/// let d = Dtype::parse(">i4").unwrap();
/// assert_eq!((d.kind, d.size, d.big_endian), (DtypeKind::Int, 4, true));
/// assert_eq!(d.descr(), ">i4");
/// assert_eq!(Dtype::parse("|b1").unwrap().descr(), "|b1");
/// assert!(Dtype::parse("|O").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dtype {
    /// The kind of element.
    pub kind: DtypeKind,
    /// The item size in bytes.
    pub size: usize,
    /// Whether multi-byte items are stored most significant byte first.
    pub big_endian: bool,
}

impl Dtype {
    /// Parses a NumPy descriptor such as `'<f8'`, `'>c16'`, `'|u1'`, `'?'`, `'=i4'`.
    ///
    /// Returns `None` for descriptors sci does not support (object, strings, structured,
    /// float16, datetimes, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Dtype;
    /// assert_eq!(Dtype::parse("<c16").unwrap().size, 16);
    /// assert!(Dtype::parse("<f2").is_none());
    /// ```
    pub fn parse(descr: &str) -> Option<Self> {
        let bytes = descr.as_bytes();
        let (order, rest) = match bytes.first()? {
            b'<' | b'>' | b'|' | b'=' => (bytes[0], &descr[1..]),
            _ => (b'=', descr),
        };
        if rest == "?" {
            return Some(Dtype { kind: DtypeKind::Bool, size: 1, big_endian: false });
        }
        let mut chars = rest.chars();
        let kind = match chars.next()? {
            'b' => DtypeKind::Bool,
            'i' => DtypeKind::Int,
            'u' => DtypeKind::UInt,
            'f' => DtypeKind::Float,
            'c' => DtypeKind::Complex,
            _ => return None,
        };
        let size: usize = chars.as_str().parse().ok()?;
        let ok = match kind {
            DtypeKind::Bool => size == 1,
            DtypeKind::Int | DtypeKind::UInt => matches!(size, 1 | 2 | 4 | 8),
            DtypeKind::Float => matches!(size, 4 | 8),
            DtypeKind::Complex => matches!(size, 8 | 16),
        };
        if !ok {
            return None;
        }
        let big_endian = match order {
            b'>' => true,
            b'<' | b'|' => false,
            _ => cfg!(target_endian = "big"),
        };
        Some(Dtype { kind, size, big_endian: big_endian && size > 1 })
    }

    /// The descriptor NumPy writes for this dtype (`'<f8'`, `'|u1'`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyElement;
    /// assert_eq!(<f32 as NpyElement>::DTYPE.descr(), "<f4");
    /// ```
    pub fn descr(&self) -> String {
        let letter = match self.kind {
            DtypeKind::Bool => 'b',
            DtypeKind::Int => 'i',
            DtypeKind::UInt => 'u',
            DtypeKind::Float => 'f',
            DtypeKind::Complex => 'c',
        };
        let order = if self.size == 1 {
            '|'
        } else if self.big_endian {
            '>'
        } else {
            '<'
        };
        format!("{order}{letter}{}", self.size)
    }

    /// Whether items in this byte order can be used without swapping on this machine.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Dtype;
    /// assert!(Dtype::parse("|u1").unwrap().is_native());
    /// assert_eq!(Dtype::parse(">f8").unwrap().is_native(), cfg!(target_endian = "big"));
    /// ```
    pub fn is_native(&self) -> bool {
        self.size == 1 || self.big_endian == cfg!(target_endian = "big")
    }

    /// Whether `other` has the same kind and size (byte order may differ).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Dtype;
    /// assert!(Dtype::parse(">i2").unwrap().same_type(&Dtype::parse("<i2").unwrap()));
    /// assert!(!Dtype::parse("<i2").unwrap().same_type(&Dtype::parse("<u2").unwrap()));
    /// ```
    pub fn same_type(&self, other: &Dtype) -> bool {
        self.kind == other.kind && self.size == other.size
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An element type that `.npy` files can hold: `bool`, `i8`..`i64`, `u8`..`u64`, `f32`, `f64`,
/// `Complex32`, `Complex64`.
///
/// The trait is sealed: these are the numeric dtypes NumPy and sci share.
///
/// # Examples
///
/// ```
/// use sci_io::NpyElement;
/// assert_eq!(<f64 as NpyElement>::DTYPE.descr(), "<f8");
/// assert_eq!(<bool as NpyElement>::DTYPE.descr(), "|b1");
/// assert_eq!(<i16 as NpyElement>::from_bytes(&[1, 2], true), 0x0102);
/// ```
pub trait NpyElement: Copy + Send + Sync + 'static + sealed::Sealed {
    /// The dtype in this machine's byte order.
    const DTYPE: Dtype;
    /// Whether every bit pattern of the right size is a valid value (false for `bool`).
    const ANY_BIT_PATTERN: bool;
    /// The zero value (used to preallocate buffers).
    const ZERO: Self;
    /// Decodes one item from exactly `DTYPE.size` bytes in the given byte order.
    fn from_bytes(bytes: &[u8], big_endian: bool) -> Self;
    /// Encodes one item into exactly `DTYPE.size` bytes in this machine's byte order.
    fn write_native(self, out: &mut [u8]);
    /// Wraps an array of this type in the dynamically typed [`NpyArray`].
    fn into_npy_array(a: ArrayD<Self>) -> NpyArray;
    /// Takes the array out of an [`NpyArray`] of this type, or gives it back.
    fn from_npy_array(a: NpyArray) -> Result<ArrayD<Self>, NpyArray>;
}

macro_rules! impl_prim {
    ($t:ty, $kind:expr, $variant:ident) => {
        impl sealed::Sealed for $t {}
        impl NpyElement for $t {
            const DTYPE: Dtype = Dtype {
                kind: $kind,
                size: std::mem::size_of::<$t>(),
                big_endian: cfg!(target_endian = "big") && std::mem::size_of::<$t>() > 1,
            };
            const ANY_BIT_PATTERN: bool = true;
            const ZERO: Self = 0 as $t;
            #[inline]
            fn from_bytes(bytes: &[u8], big_endian: bool) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                if big_endian { <$t>::from_be_bytes(b) } else { <$t>::from_le_bytes(b) }
            }
            #[inline]
            fn write_native(self, out: &mut [u8]) {
                out.copy_from_slice(&self.to_ne_bytes());
            }
            fn into_npy_array(a: ArrayD<Self>) -> NpyArray {
                NpyArray::$variant(a)
            }
            fn from_npy_array(a: NpyArray) -> Result<ArrayD<Self>, NpyArray> {
                match a {
                    NpyArray::$variant(x) => Ok(x),
                    other => Err(other),
                }
            }
        }
    };
}

impl_prim!(i8, DtypeKind::Int, I8);
impl_prim!(i16, DtypeKind::Int, I16);
impl_prim!(i32, DtypeKind::Int, I32);
impl_prim!(i64, DtypeKind::Int, I64);
impl_prim!(u8, DtypeKind::UInt, U8);
impl_prim!(u16, DtypeKind::UInt, U16);
impl_prim!(u32, DtypeKind::UInt, U32);
impl_prim!(u64, DtypeKind::UInt, U64);
impl_prim!(f32, DtypeKind::Float, F32);
impl_prim!(f64, DtypeKind::Float, F64);

impl sealed::Sealed for bool {}
impl NpyElement for bool {
    const DTYPE: Dtype = Dtype { kind: DtypeKind::Bool, size: 1, big_endian: false };
    const ANY_BIT_PATTERN: bool = false;
    const ZERO: Self = false;
    /// Any nonzero byte is `true`, as when NumPy views such bytes as `bool`.
    #[inline]
    fn from_bytes(bytes: &[u8], _big_endian: bool) -> Self {
        bytes[0] != 0
    }
    #[inline]
    fn write_native(self, out: &mut [u8]) {
        out[0] = u8::from(self);
    }
    fn into_npy_array(a: ArrayD<Self>) -> NpyArray {
        NpyArray::Bool(a)
    }
    fn from_npy_array(a: NpyArray) -> Result<ArrayD<Self>, NpyArray> {
        match a {
            NpyArray::Bool(x) => Ok(x),
            other => Err(other),
        }
    }
}

macro_rules! impl_complex {
    ($t:ty, $f:ty, $variant:ident) => {
        impl sealed::Sealed for $t {}
        impl NpyElement for $t {
            const DTYPE: Dtype = Dtype {
                kind: DtypeKind::Complex,
                size: 2 * std::mem::size_of::<$f>(),
                big_endian: cfg!(target_endian = "big"),
            };
            const ANY_BIT_PATTERN: bool = true;
            const ZERO: Self = <$t>::new(0.0, 0.0);
            #[inline]
            fn from_bytes(bytes: &[u8], big_endian: bool) -> Self {
                let h = std::mem::size_of::<$f>();
                <$t>::new(
                    <$f as NpyElement>::from_bytes(&bytes[..h], big_endian),
                    <$f as NpyElement>::from_bytes(&bytes[h..], big_endian),
                )
            }
            #[inline]
            fn write_native(self, out: &mut [u8]) {
                let h = std::mem::size_of::<$f>();
                out[..h].copy_from_slice(&self.re.to_ne_bytes());
                out[h..].copy_from_slice(&self.im.to_ne_bytes());
            }
            fn into_npy_array(a: ArrayD<Self>) -> NpyArray {
                NpyArray::$variant(a)
            }
            fn from_npy_array(a: NpyArray) -> Result<ArrayD<Self>, NpyArray> {
                match a {
                    NpyArray::$variant(x) => Ok(x),
                    other => Err(other),
                }
            }
        }
    };
}

impl_complex!(Complex32, f32, C64);
impl_complex!(Complex64, f64, C128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_roundtrip() {
        for d in ["<f8", ">f8", "<f4", "|b1", "|i1", "|u1", "<i2", ">u8", "<c8", ">c16"] {
            assert_eq!(Dtype::parse(d).unwrap().descr(), d);
        }
        for d in ["|O", "<U5", "|S3", "<f2", "<i3", "", "<", "|V8", "<M8[ns]", "<b2", "<f16"] {
            assert!(Dtype::parse(d).is_none(), "{d}");
        }
        assert_eq!(Dtype::parse("?").unwrap(), bool::DTYPE);
        assert_eq!(Dtype::parse("=f8").unwrap(), f64::DTYPE);
    }

    #[test]
    fn complex_swaps_each_half() {
        let mut b = Vec::new();
        b.extend_from_slice(&1.5f32.to_be_bytes());
        b.extend_from_slice(&(-2.0f32).to_be_bytes());
        assert_eq!(Complex32::from_bytes(&b, true), Complex32::new(1.5, -2.0));
    }
}
