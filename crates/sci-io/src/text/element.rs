//! Element types that text files parse into and format from.

use super::printf::FmtValue;
use sci_array::num_complex::{Complex32, Complex64};

mod sealed {
    pub trait Sealed {}
}

/// A number type that [`loadtxt`](crate::loadtxt) parses and [`savetxt`](crate::savetxt)
/// formats: `f64`, `f32`, `i8`..`i64`, `u8`..`u64`, `bool`, `Complex64` and `Complex32`.
///
/// Floats accept what NumPy's `loadtxt` accepts (`1.5`, `-.5`, `5.`, `1e-3`, `nan`, `inf`,
/// `Infinity`, any case); `f32` is parsed as `f64` and then rounded, as NumPy does. Integers
/// accept an optional sign and decimal digits only (`"1.5"` is an error for an integer dtype,
/// as in NumPy). Complex numbers are read as NumPy reads them: `1+2j`, `(1.5-2e3j)`, `-3j`,
/// `4`, `1+-2j`.
///
/// # Examples
///
/// ```
/// use sci_io::TxtElement;
/// assert_eq!(f64::parse_field(b"-1.5e3"), Some(-1500.0));
/// assert_eq!(i32::parse_field(b"+42"), Some(42));
/// assert_eq!(i32::parse_field(b"1.5"), None);
/// assert_eq!(u8::parse_field(b"300"), None);
/// use sci_io::sci_array::num_complex::Complex64;
/// assert_eq!(Complex64::parse_field(b"(1.5-2j)"), Some(Complex64::new(1.5, -2.0)));
/// ```
pub trait TxtElement: Copy + Send + Sync + 'static + sealed::Sealed {
    /// NumPy's name of the dtype, for messages (`"float64"`).
    const NAME: &'static str;
    /// Whether values are complex (formatted as two numbers, real and imaginary).
    const COMPLEX: bool = false;
    /// Parses one field (already stripped of surrounding whitespace).
    fn parse_field(field: &[u8]) -> Option<Self>;
    /// Appends the value(s) for `%`-formatting: one, or real and imaginary part.
    fn fmt_values(self, out: &mut Vec<FmtValue>);
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
    fn fmt_values(self, out: &mut Vec<FmtValue>) {
        out.push(FmtValue::Float(self));
    }
}

impl sealed::Sealed for f32 {}
impl TxtElement for f32 {
    const NAME: &'static str = "float32";
    #[inline]
    fn parse_field(field: &[u8]) -> Option<Self> {
        parse_f64(field).map(|x| x as f32)
    }
    fn fmt_values(self, out: &mut Vec<FmtValue>) {
        out.push(FmtValue::Float(self.into()));
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
            fn fmt_values(self, out: &mut Vec<FmtValue>) {
                out.push(FmtValue::$variant(self as $wide));
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
    fn fmt_values(self, out: &mut Vec<FmtValue>) {
        out.push(FmtValue::Int(i64::from(self)));
    }
}

/// NumPy's complex grammar: `[(]real[(+|-)imag j][)]` or `[(]imag j[)]`.
fn parse_complex(field: &[u8]) -> Option<(f64, f64)> {
    let body = match field {
        [b'(', inner @ .., b')'] => inner,
        _ => field,
    };
    let (first, n) = fast_float2::parse_partial::<f64, _>(body).ok()?;
    let rest = &body[n..];
    match rest {
        [] => Some((first, 0.0)),
        [b'j'] => Some((0.0, first)),
        [sign @ (b'+' | b'-'), ..] => {
            let imag = if *sign == b'+' { &rest[1..] } else { rest };
            let (im, m) = fast_float2::parse_partial::<f64, _>(imag).ok()?;
            (&imag[m..] == b"j").then_some((first, im))
        }
        _ => None,
    }
}

impl sealed::Sealed for Complex64 {}
impl TxtElement for Complex64 {
    const NAME: &'static str = "complex128";
    const COMPLEX: bool = true;
    fn parse_field(field: &[u8]) -> Option<Self> {
        parse_complex(field).map(|(re, im)| Complex64::new(re, im))
    }
    fn fmt_values(self, out: &mut Vec<FmtValue>) {
        out.push(FmtValue::Float(self.re));
        out.push(FmtValue::Float(self.im));
    }
}

impl sealed::Sealed for Complex32 {}
impl TxtElement for Complex32 {
    const NAME: &'static str = "complex64";
    const COMPLEX: bool = true;
    fn parse_field(field: &[u8]) -> Option<Self> {
        parse_complex(field).map(|(re, im)| Complex32::new(re as f32, im as f32))
    }
    fn fmt_values(self, out: &mut Vec<FmtValue>) {
        out.push(FmtValue::Float(self.re.into()));
        out.push(FmtValue::Float(self.im.into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_grammar_like_numpy() {
        let ok: &[(&str, (f64, f64))] = &[
            ("(1+2j)", (1.0, 2.0)),
            ("1+2j", (1.0, 2.0)),
            ("-3.5j", (0.0, -3.5)),
            ("4", (4.0, 0.0)),
            ("(5e-1-6j)", (0.5, -6.0)),
            ("1e+5j", (0.0, 1e5)),
            ("(1)", (1.0, 0.0)),
            ("1.5e+00+-2.0e+00j", (1.5, -2.0)),
            ("+2j", (0.0, 2.0)),
        ];
        for (s, want) in ok {
            assert_eq!(parse_complex(s.as_bytes()), Some(*want), "{s}");
        }
        let (re, im) = parse_complex(b"nan+infj").unwrap();
        assert!(re.is_nan() && im == f64::INFINITY);
        for s in ["j", "1+2J", "(1+2j", "1+2", "1+2jj", "", "()", "1 + 2j"] {
            assert_eq!(parse_complex(s.as_bytes()), None, "{s}");
        }
    }
}
