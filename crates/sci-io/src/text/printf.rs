//! Python's `%`-formatting (`"%.18e"`, `"%d"`, `"%10.3f"`, ...), as `numpy.savetxt` applies it.

use sci_array::pyfmt::float_repr;

use crate::error::{IoError, Result};

/// A number to format: Python formats ints and floats differently.
///
/// # Examples
///
/// ```
/// use sci_io::{FmtValue, TxtElement};
/// let mut v = Vec::new();
/// 7u8.fmt_values(&mut v);
/// assert_eq!(v, [FmtValue::UInt(7)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FmtValue {
    /// A signed integer (or a bool as 0/1).
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A float.
    Float(f64),
}

#[derive(Debug, Clone, PartialEq)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    precision: Option<usize>,
    conv: u8,
}

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Lit(String),
    Spec(Spec),
}

/// A parsed format string: literal text and conversion specifications.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Format {
    segs: Vec<Seg>,
}

fn bad_fmt(fmt: &str, reason: &str) -> IoError {
    IoError::InvalidArgument { arg: "fmt", reason: format!("{reason} in format {fmt:?}") }
}

impl Format {
    /// Parses a Python `%` format string.
    pub(crate) fn parse(fmt: &str) -> Result<Self> {
        let b = fmt.as_bytes();
        let mut segs = Vec::new();
        let mut lit = String::new();
        let mut i = 0;
        while i < b.len() {
            let Some(off) = fmt[i..].find('%') else {
                lit.push_str(&fmt[i..]);
                break;
            };
            lit.push_str(&fmt[i..i + off]);
            i += off + 1;
            if b.get(i) == Some(&b'%') {
                lit.push('%');
                i += 1;
                continue;
            }
            let mut s = Spec {
                left: false,
                plus: false,
                space: false,
                zero: false,
                alt: false,
                width: 0,
                precision: None,
                conv: 0,
            };
            while let Some(&c) = b.get(i) {
                match c {
                    b'-' => s.left = true,
                    b'+' => s.plus = true,
                    b' ' => s.space = true,
                    b'0' => s.zero = true,
                    b'#' => s.alt = true,
                    _ => break,
                }
                i += 1;
            }
            let num = |i: &mut usize| {
                let start = *i;
                while b.get(*i).is_some_and(u8::is_ascii_digit) {
                    *i += 1;
                }
                fmt[start..*i].parse::<usize>().ok()
            };
            s.width = num(&mut i).unwrap_or(0);
            if b.get(i) == Some(&b'.') {
                i += 1;
                s.precision = Some(num(&mut i).unwrap_or(0));
            }
            if s.width > 1000 || s.precision.is_some_and(|p| p > 1000) {
                return Err(bad_fmt(fmt, "width or precision above 1000"));
            }
            while matches!(b.get(i), Some(b'l' | b'h' | b'L')) {
                i += 1;
            }
            match b.get(i) {
                Some(
                    &c @ (b'd' | b'i' | b'u' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b's' | b'x' | b'X'
                    | b'o' | b'r'),
                ) => {
                    s.conv = c;
                    i += 1;
                }
                Some(_) => return Err(bad_fmt(fmt, "unsupported conversion character")),
                None => return Err(bad_fmt(fmt, "incomplete format")),
            }
            if !lit.is_empty() {
                segs.push(Seg::Lit(std::mem::take(&mut lit)));
            }
            segs.push(Seg::Spec(s));
        }
        if !lit.is_empty() {
            segs.push(Seg::Lit(lit));
        }
        Ok(Format { segs })
    }

    /// The number of conversions.
    pub(crate) fn n_specs(&self) -> usize {
        self.segs.iter().filter(|s| matches!(s, Seg::Spec(_))).count()
    }

    /// Appends the formatted values (exactly `n_specs()` of them) to `out`.
    pub(crate) fn write(&self, out: &mut String, values: &[FmtValue]) -> Result<()> {
        let mut vals = values.iter();
        for seg in &self.segs {
            match seg {
                Seg::Lit(s) => out.push_str(s),
                Seg::Spec(spec) => {
                    let v = vals.next().ok_or_else(|| bad_fmt("", "not enough values"))?;
                    format_one(out, spec, *v)?;
                }
            }
        }
        Ok(())
    }
}

fn pad(out: &mut String, spec: &Spec, sign: &str, body: &str, zero_ok: bool) {
    let len = sign.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.push_str(sign);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero && zero_ok {
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(body);
    }
}

fn sign_str(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// Appends `mantissa e±XX` (at least two exponent digits) to `out`, from Rust's exact
/// `{:.p$e}` (which rounds correctly, as Python does).
fn push_exp(out: &mut String, a: f64, prec: usize, upper: bool) {
    use std::fmt::Write;
    let start = out.len();
    let _ = write!(out, "{a:.prec$e}");
    let Some(k) = out[start..].rfind('e').map(|k| start + k) else { return };
    let exp: i32 = out[k + 1..].parse().unwrap_or(0);
    out.truncate(k);
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    let _ = write!(out, "{e}");
}

fn exp_form(a: f64, prec: usize, upper: bool) -> String {
    let mut s = String::new();
    push_exp(&mut s, a, prec, upper);
    s
}

fn general(a: f64, prec: usize, spec: &Spec) -> String {
    sci_array::pyfmt::format_g(a, prec, spec.conv == b'G', spec.alt)
}

fn format_int(out: &mut String, spec: &Spec, neg: bool, mag: u128) {
    let mut body = match spec.conv {
        b'x' => format!("{mag:x}"),
        b'X' => format!("{mag:X}"),
        b'o' => format!("{mag:o}"),
        _ => mag.to_string(),
    };
    if let Some(p) = spec.precision
        && body.len() < p
    {
        body = "0".repeat(p - body.len()) + &body;
    }
    if spec.alt {
        match spec.conv {
            b'x' => body.insert_str(0, "0x"),
            b'X' => body.insert_str(0, "0X"),
            b'o' => body.insert_str(0, "0o"),
            _ => {}
        }
    }
    pad(out, spec, sign_str(neg, spec), &body, spec.precision.is_none());
}

fn format_one(out: &mut String, spec: &Spec, v: FmtValue) -> Result<()> {
    match spec.conv {
        b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
            let (neg, mag) = match v {
                FmtValue::Int(i) => (i < 0, i.unsigned_abs() as u128),
                FmtValue::UInt(u) => (false, u as u128),
                FmtValue::Float(f) => {
                    if !f.is_finite() {
                        return Err(IoError::InvalidArgument {
                            arg: "X",
                            reason: format!(
                                "cannot convert float {} to integer for format %{}",
                                float_repr(f),
                                spec.conv as char
                            ),
                        });
                    }
                    if matches!(spec.conv, b'x' | b'X' | b'o') {
                        return Err(IoError::InvalidArgument {
                            arg: "X",
                            reason: format!(
                                "%{} format: an integer is required, not float",
                                spec.conv as char
                            ),
                        });
                    }
                    let t = f.trunc();
                    (t < 0.0, t.abs() as u128)
                }
            };
            format_int(out, spec, neg, mag);
        }
        b's' | b'r' => {
            let body = match v {
                FmtValue::Int(i) => i.to_string(),
                FmtValue::UInt(u) => u.to_string(),
                FmtValue::Float(f) => float_repr(f),
            };
            let body = match spec.precision {
                Some(p) if p < body.len() => body[..p].to_string(),
                _ => body,
            };
            pad(out, spec, "", &body, false);
        }
        _ => {
            let f = match v {
                FmtValue::Int(i) => i as f64,
                FmtValue::UInt(u) => u as f64,
                FmtValue::Float(f) => f,
            };
            let neg = f.is_sign_negative() && !f.is_nan();
            let upper = spec.conv.is_ascii_uppercase();
            if !f.is_finite() {
                let body = match (f.is_nan(), upper) {
                    (true, false) => "nan",
                    (true, true) => "NAN",
                    (false, false) => "inf",
                    (false, true) => "INF",
                };
                // Python zero-pads `inf` and `nan` too: '%08.3f' % inf == '00000inf'.
                pad(out, spec, sign_str(neg, spec), body, true);
                return Ok(());
            }
            let a = f.abs();
            let prec = spec.precision.unwrap_or(6);
            if spec.width == 0 && !spec.alt && matches!(spec.conv, b'e' | b'E' | b'f' | b'F') {
                // Fast path (savetxt's default "%.18e"): format straight into the output.
                out.push_str(sign_str(neg, spec));
                if matches!(spec.conv, b'e' | b'E') {
                    push_exp(out, a, prec, upper);
                } else {
                    use std::fmt::Write;
                    let _ = write!(out, "{a:.prec$}");
                }
                return Ok(());
            }
            let mut body = match spec.conv {
                b'f' | b'F' => format!("{a:.prec$}"),
                b'e' | b'E' => exp_form(a, prec, upper),
                _ => general(a, prec, spec),
            };
            if spec.alt && !body.contains('.') && matches!(spec.conv, b'f' | b'F' | b'e' | b'E') {
                match body.find(['e', 'E']) {
                    Some(k) => body.insert(k, '.'),
                    None => body.push('.'),
                }
            }
            pad(out, spec, sign_str(neg, spec), &body, true);
        }
    }
    Ok(())
}

/// Formats one value with a one-conversion format; used in tests and docs.
#[cfg(test)]
fn fmt1(fmt: &str, v: FmtValue) -> String {
    let f = Format::parse(fmt).unwrap();
    let mut s = String::new();
    f.write(&mut s, &[v]).unwrap();
    s
}

#[cfg(test)]
mod tests {
    use super::FmtValue::*;
    use super::*;

    #[test]
    fn matches_python_percent_formatting() {
        // Expected strings are Python's `fmt % value`.
        let cases: &[(&str, FmtValue, &str)] = &[
            ("%.18e", Float(1.0), "1.000000000000000000e+00"),
            ("%.18e", Float(-0.1), "-1.000000000000000056e-01"),
            ("%.18e", Float(1e300), "1.000000000000000053e+300"),
            ("%.3e", Float(0.0), "0.000e+00"),
            ("%e", Float(123456.0), "1.234560e+05"),
            ("%E", Float(1.5e-10), "1.500000E-10"),
            ("%.3f", Float(2.0005), "2.001"),
            ("%.3f", Float(-0.0), "-0.000"),
            ("%.0f", Float(0.5), "0"),
            ("%.0f", Float(1.5), "2"),
            ("%10.3f", Float(3.14259), "     3.143"),
            ("%-10.3f|", Float(3.14259), "3.143     |"),
            ("%010.3f", Float(-3.14259), "-00003.143"),
            ("%+.2f", Float(1.0), "+1.00"),
            ("% .2f", Float(1.0), " 1.00"),
            ("%f", Float(f64::NAN), "nan"),
            ("%.3e", Float(f64::NEG_INFINITY), "-inf"),
            ("%8.3f", Float(f64::INFINITY), "     inf"),
            ("%08.3f", Float(f64::INFINITY), "00000inf"),
            ("%F", Float(f64::NAN), "NAN"),
            ("%g", Float(0.0001), "0.0001"),
            ("%g", Float(0.00001), "1e-05"),
            ("%g", Float(123456.0), "123456"),
            ("%g", Float(1234567.0), "1.23457e+06"),
            ("%.3g", Float(2.5), "2.5"),
            ("%.10g", Float(0.1), "0.1"),
            ("%#.3g", Float(2.0), "2.00"),
            ("%G", Float(1e-20), "1E-20"),
            ("%g", Float(100000.0), "100000"),
            ("%g", Float(999999.5), "1e+06"),
            ("%d", Int(-42), "-42"),
            ("%d", Float(2.7), "2"),
            ("%d", Float(-2.7), "-2"),
            ("%5d", Int(42), "   42"),
            ("%-5d|", Int(42), "42   |"),
            ("%05d", Int(-42), "-0042"),
            ("%.3d", Int(5), "005"),
            ("%+d", Int(5), "+5"),
            ("%d", UInt(u64::MAX), "18446744073709551615"),
            ("%x", Int(255), "ff"),
            ("%#X", Int(255), "0XFF"),
            ("%o", Int(8), "10"),
            ("%s", Float(1.5), "1.5"),
            ("%s", Float(1e20), "1e+20"),
            ("%s", Float(1e-5), "1e-05"),
            ("%s", Float(0.0001), "0.0001"),
            ("%s", Float(3.0), "3.0"),
            ("%s", Int(7), "7"),
            ("%.2s", Float(3.25), "3."),
            ("%ld", Int(3), "3"),
            ("%.3f%%", Float(50.0), "50.000%"),
            ("%.2f", Int(3), "3.00"),
        ];
        for (fmt, v, want) in cases {
            assert_eq!(fmt1(fmt, *v), *want, "{fmt} % {v:?}");
        }
    }

    #[test]
    fn rejects_bad_formats() {
        for f in ["%", "%q", "%.3", "%5000f", "%.5000f", "abc %z"] {
            assert!(matches!(Format::parse(f), Err(IoError::InvalidArgument { arg: "fmt", .. })), "{f}");
        }
        let f = Format::parse("%d").unwrap();
        assert!(f.write(&mut String::new(), &[Float(f64::NAN)]).is_err());
        assert_eq!(Format::parse("%.3f,%d and %s").unwrap().n_specs(), 3);
    }
}
