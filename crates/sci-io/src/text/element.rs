//! Element types that text files parse into and format from.

use super::printf::FmtValue;

mod sealed {
    pub trait Sealed {}
}

/// A number type that [`loadtxt`](crate::loadtxt) parses and [`savetxt`](crate::savetxt)
/// formats: `f64`, `f32`, `i8`..`i64`, `u8`..`u64` (and `bool` for writing).
///
/// Floats accept what NumPy's `loadtxt` accepts (`1.5`, `-.5`, `5.`, `1e-3`, `nan`, `inf`,
/// `Infinity`, any case); `f32` is parsed as `f64` and then rounded, as NumPy does. Integers
/// accept an optional sign and decimal digits only (`"1.5"` is an error for an integer dtype,
/// as in NumPy).
///
/// # Examples
///
/// ```
/// use sci_io::TxtElement;
/// assert_eq!(f64::parse_field(b"-1.5e3"), Some(-1500.0));
/// assert_eq!(i32::parse_field(b"+42"), Some(42));
/// assert_eq!(i32::parse_field(b"1.5"), None);
/// assert_eq!(u8::parse_field(b"300"), None);
/// ```
pub trait TxtElement: Copy + Send + Sync + 'static + sealed::Sealed {
    /// NumPy's name of the dtype, for messages (`"float64"`).
    const NAME: &'static str;
    /// Parses one field (already stripped of surrounding whitespace).
    fn parse_field(field: &[u8]) -> Option<Self>;
    /// The value for `%`-formatting.
    fn fmt_value(self) -> FmtValue;
}

#[inline]
fn parse_f64(field: &[u8]) -> Option<f64> {
    // fast-float2 accepts exactly Rust's float grammar: an optional sign, decimal digits with
    // optional point and exponent, `nan`, `inf`, `infinity` (any case); like NumPy it rejects
    // `1_0`, `0x10` and `1d5`.
    fast_float2::parse::<f64, _>(field).ok()
}

impl sealed::Sealed for f64 {}
impl TxtElement for f64 {
    const NAME: &'static str = "float64";
    #[inline]
    fn parse_field(field: &[u8]) -> Option<Self> {
        parse_f64(field)
    }
    fn fmt_value(self) -> FmtValue {
        FmtValue::Float(self)
    }
}

impl sealed::Sealed for f32 {}
impl TxtElement for f32 {
    const NAME: &'static str = "float32";
    #[inline]
    fn parse_field(field: &[u8]) -> Option<Self> {
        parse_f64(field).map(|x| x as f32)
    }
    fn fmt_value(self) -> FmtValue {
        FmtValue::Float(self.into())
    }
}

macro_rules! impl_int {
    ($t:ty, $name:literal, $variant:ident, $wide:ty) => {
        impl sealed::Sealed for $t {}
        impl TxtElement for $t {
            const NAME: &'static str = $name;
            #[inline]
            fn parse_field(field: &[u8]) -> Option<Self> {
                std::str::from_utf8(field).ok()?.parse().ok()
            }
            fn fmt_value(self) -> FmtValue {
                FmtValue::$variant(self as $wide)
            }
        }
    };
}

impl_int!(i8, "int8", Int, i64);
impl_int!(i16, "int16", Int, i64);
impl_int!(i32, "int32", Int, i64);
impl_int!(i64, "int64", Int, i64);
impl_int!(u8, "uint8", UInt, u64);
impl_int!(u16, "uint16", UInt, u64);
impl_int!(u32, "uint32", UInt, u64);
impl_int!(u64, "uint64", UInt, u64);

impl sealed::Sealed for bool {}
impl TxtElement for bool {
    const NAME: &'static str = "bool";
    /// `True`/`False` (as NumPy writes them) or an integer (nonzero is true).
    fn parse_field(field: &[u8]) -> Option<Self> {
        match field {
            b"True" | b"true" => Some(true),
            b"False" | b"false" => Some(false),
            _ => std::str::from_utf8(field).ok()?.parse::<i64>().ok().map(|v| v != 0),
        }
    }
    fn fmt_value(self) -> FmtValue {
        FmtValue::Int(i64::from(self))
    }
}
