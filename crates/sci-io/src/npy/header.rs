//! The `.npy` header: magic string, version, and the Python dict literal
//! `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.

use super::dtype::Dtype;
use crate::error::{IoError, Result};
use std::io::Read;

/// `\x93NUMPY`, the first six bytes of every `.npy` file.
pub(crate) const MAGIC: &[u8; 6] = b"\x93NUMPY";
/// Headers longer than this are refused before anything is allocated for them.
const MAX_HEADER_LEN: usize = 1 << 20;
/// NumPy pads the header so that the data starts at a multiple of this.
const ARRAY_ALIGN: usize = 64;
/// NumPy leaves room for the growth axis to reach this many digits.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// The metadata at the start of a `.npy` file.
///
/// NumPy equivalent: `numpy.lib.format.read_array_header_1_0` / `_2_0`.
///
/// # Examples
///
/// ```
/// use sci_io::{NpyHeader, Dtype};
/// let h = NpyHeader { dtype: Dtype::parse("<f8").unwrap(), fortran_order: false, shape: vec![3, 4] };
/// let bytes = h.to_bytes();
/// assert_eq!(bytes.len() % 64, 0);
/// assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
/// let (back, len) = NpyHeader::from_bytes(&bytes).unwrap();
/// assert_eq!((back, len), (h, bytes.len()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpyHeader {
    /// The element type and its byte order.
    pub dtype: Dtype,
    /// Whether the data is stored in column-major (Fortran) order.
    pub fortran_order: bool,
    /// The array's shape (empty for a 0-d array).
    pub shape: Vec<usize>,
}

impl NpyHeader {
    /// The number of elements, or `None` if it overflows `usize`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{Dtype, NpyHeader};
    /// let h = NpyHeader { dtype: Dtype::parse("<f4").unwrap(), fortran_order: false, shape: vec![3, 0] };
    /// assert_eq!(h.len(), Some(0));
    /// ```
    pub fn len(&self) -> Option<usize> {
        self.shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
    }

    /// Whether the array has no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{Dtype, NpyHeader};
    /// let h = NpyHeader { dtype: Dtype::parse("<f4").unwrap(), fortran_order: false, shape: vec![3, 0] };
    /// assert!(h.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.shape.contains(&0)
    }

    /// The number of data bytes, or `None` if it overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{Dtype, NpyHeader};
    /// let h = NpyHeader { dtype: Dtype::parse("<c16").unwrap(), fortran_order: true, shape: vec![2, 3] };
    /// assert_eq!(h.data_len(), Some(96));
    /// ```
    pub fn data_len(&self) -> Option<usize> {
        self.len()?.checked_mul(self.dtype.size)
    }

    /// Serializes the header exactly as NumPy's `numpy.save` does (format version 1.0, or 2.0
    /// when the dict is longer than 65535 bytes), padded so that the data is 64-byte aligned.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{Dtype, NpyHeader};
    /// let h = NpyHeader { dtype: Dtype::parse("<i8").unwrap(), fortran_order: false, shape: vec![3] };
    /// let b = h.to_bytes();
    /// assert!(b.starts_with(b"\x93NUMPY\x01\x00v\x00{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }"));
    /// assert_eq!(b.len(), 128);
    /// assert_eq!(b[127], b'\n');
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let shape = match self.shape.len() {
            0 => "()".to_string(),
            1 => format!("({},)", self.shape[0]),
            _ => {
                let dims: Vec<String> = self.shape.iter().map(|d| d.to_string()).collect();
                format!("({})", dims.join(", "))
            }
        };
        let fo = if self.fortran_order { "True" } else { "False" };
        let mut dict =
            format!("{{'descr': '{}', 'fortran_order': {fo}, 'shape': {shape}, }}", self.dtype.descr());
        if !self.shape.is_empty() {
            let axis = if self.fortran_order { self.shape.len() - 1 } else { 0 };
            let digits = self.shape[axis].to_string().len();
            dict.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits)));
        }
        let hlen = dict.len() + 1;
        let pad_for = |prefix_len: usize| ARRAY_ALIGN - ((prefix_len + hlen) % ARRAY_ALIGN);
        // Version 1.0 stores the header length in a u16; NumPy falls back to 2.0 beyond that.
        let (version, padlen) =
            if hlen + pad_for(10) <= u16::MAX as usize { (1u8, pad_for(10)) } else { (2u8, pad_for(12)) };
        let prefix_len = if version == 1 { 10 } else { 12 };
        let total_hlen = hlen + padlen;
        let mut out = Vec::with_capacity(prefix_len + total_hlen);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[version, 0]);
        if version == 1 {
            out.extend_from_slice(&(total_hlen as u16).to_le_bytes());
        } else {
            out.extend_from_slice(&(total_hlen as u32).to_le_bytes());
        }
        out.extend_from_slice(dict.as_bytes());
        out.resize(out.len() + padlen, b' ');
        out.push(b'\n');
        out
    }

    /// Parses a header from the start of `bytes`; returns it and the offset of the data.
    ///
    /// # Errors
    ///
    /// [`IoError::BadMagic`], [`IoError::Truncated`], [`IoError::BadHeader`] or
    /// [`IoError::UnsupportedDtype`].
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::NpyHeader;
    /// assert!(NpyHeader::from_bytes(b"PK\x03\x04").is_err());
    /// assert!(NpyHeader::from_bytes(b"\x93NUMPY\x01\x00\xff\x00{").is_err()); // truncated
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<(Self, usize)> {
        let mut r = bytes;
        read_header(&mut r, "<bytes>", Some(bytes.len() as u64))
    }
}

fn bad(file: &str, reason: impl Into<String>) -> IoError {
    IoError::BadHeader { file: file.to_string(), reason: reason.into() }
}

/// Reads `buf.len()` bytes or as many as there are; returns how many were read.
pub(crate) fn read_full<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match r.read(&mut buf[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// Reads and validates the header. `remaining` is the number of bytes left in the source, if
/// known; it bounds every allocation.
/// Returns the header and the number of bytes it took.
pub(crate) fn read_header<R: Read + ?Sized>(
    r: &mut R,
    file: &str,
    remaining: Option<u64>,
) -> Result<(NpyHeader, usize)> {
    let mut pre = [0u8; 8];
    let n = read_full(r, &mut pre)?;
    if n < 6 || &pre[..6] != MAGIC {
        if n >= 6 || pre[..n] != MAGIC[..n] {
            return Err(IoError::BadMagic { file: file.to_string(), found: pre[..n.min(6)].to_vec() });
        }
        return Err(IoError::Truncated {
            file: file.to_string(),
            what: "magic string",
            expected: 8,
            found: n as u64,
        });
    }
    if n < 8 {
        return Err(IoError::Truncated {
            file: file.to_string(),
            what: "format version",
            expected: 8,
            found: n as u64,
        });
    }
    let (major, minor) = (pre[6], pre[7]);
    let len_bytes = match (major, minor) {
        (1, 0) => 2,
        (2, 0) | (3, 0) => 4,
        _ => return Err(bad(file, format!("unsupported format version {major}.{minor}"))),
    };
    let mut lb = [0u8; 4];
    let n = read_full(r, &mut lb[..len_bytes])?;
    if n < len_bytes {
        return Err(IoError::Truncated {
            file: file.to_string(),
            what: "header length",
            expected: len_bytes as u64,
            found: n as u64,
        });
    }
    let hlen = u32::from_le_bytes(lb) as usize;
    if hlen > MAX_HEADER_LEN {
        return Err(bad(file, format!("header length {hlen} exceeds the limit of {MAX_HEADER_LEN} bytes")));
    }
    let prefix = 8 + len_bytes as u64;
    if let Some(rem) = remaining {
        let left = rem.saturating_sub(prefix);
        if (hlen as u64) > left {
            return Err(IoError::Truncated {
                file: file.to_string(),
                what: "header",
                expected: hlen as u64,
                found: left,
            });
        }
    }
    let mut text = vec![0u8; hlen];
    let n = read_full(r, &mut text)?;
    if n < hlen {
        return Err(IoError::Truncated {
            file: file.to_string(),
            what: "header",
            expected: hlen as u64,
            found: n as u64,
        });
    }
    let text = if major == 3 {
        String::from_utf8(text).map_err(|_| bad(file, "header is not UTF-8"))?
    } else {
        if !text.is_ascii() {
            // NumPy decodes version 1/2 headers as latin-1; a numeric header is plain ASCII.
            return Err(bad(file, "header is not ASCII"));
        }
        String::from_utf8(text).map_err(|_| bad(file, "header is not ASCII"))?
    };
    Ok((parse_dict(&text, file)?, 8 + len_bytes + hlen))
}

/// A Python literal value, as much of it as `.npy` headers use.
#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Str(String),
    Bool(bool),
    Int(u64),
    Tuple(Vec<Lit>),
    List(Vec<Lit>),
    Dict(Vec<(Lit, Lit)>),
    None,
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> std::result::Result<(), String> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at offset {}", c as char, self.pos))
        }
    }

    /// Items separated by commas up to `close` (a trailing comma is allowed).
    fn seq(&mut self, close: u8) -> std::result::Result<(Vec<Lit>, bool), String> {
        let mut items = Vec::new();
        let mut trailing_comma = false;
        loop {
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok((items, trailing_comma));
            }
            items.push(self.value()?);
            trailing_comma = false;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    trailing_comma = true;
                }
                Some(c) if c == close => {}
                _ => return Err(format!("expected ',' or '{}' at offset {}", close as char, self.pos)),
            }
        }
    }

    fn value(&mut self) -> std::result::Result<Lit, String> {
        self.depth += 1;
        if self.depth > 32 {
            return Err("header nests too deeply".into());
        }
        let v = self.value_inner();
        self.depth -= 1;
        v
    }

    fn value_inner(&mut self) -> std::result::Result<Lit, String> {
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => {
                self.pos += 1;
                let start = self.pos;
                while self.pos < self.s.len() && self.s[self.pos] != q {
                    if self.s[self.pos] == b'\\' {
                        return Err("escape sequences in header strings are not supported".into());
                    }
                    self.pos += 1;
                }
                if self.pos >= self.s.len() {
                    return Err("unterminated string".into());
                }
                let v = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
                self.pos += 1;
                Ok(Lit::Str(v))
            }
            Some(b'(') => {
                self.pos += 1;
                let (items, trailing) = self.seq(b')')?;
                if items.len() == 1 && !trailing {
                    // `(3)` is just a parenthesized 3 in Python.
                    return Ok(items.into_iter().next().unwrap_or(Lit::None));
                }
                Ok(Lit::Tuple(items))
            }
            Some(b'[') => {
                self.pos += 1;
                Ok(Lit::List(self.seq(b']')?.0))
            }
            Some(b'{') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        return Ok(Lit::Dict(items));
                    }
                    let k = self.value()?;
                    self.expect(b':')?;
                    let v = self.value()?;
                    items.push((k, v));
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {}
                        _ => return Err(format!("expected ',' or '}}' at offset {}", self.pos)),
                    }
                }
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                    self.pos += 1;
                }
                let digits = std::str::from_utf8(&self.s[start..self.pos]).map_err(|e| e.to_string())?;
                let v: u64 = digits.parse().map_err(|_| format!("integer {digits} is too large"))?;
                // Python 2 wrote long integers as `3L`.
                if self.pos < self.s.len() && self.s[self.pos] == b'L' {
                    self.pos += 1;
                }
                Ok(Lit::Int(v))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                while self.pos < self.s.len()
                    && (self.s[self.pos].is_ascii_alphanumeric() || self.s[self.pos] == b'_')
                {
                    self.pos += 1;
                }
                match &self.s[start..self.pos] {
                    b"True" => Ok(Lit::Bool(true)),
                    b"False" => Ok(Lit::Bool(false)),
                    b"None" => Ok(Lit::None),
                    w => Err(format!("unexpected name {:?}", String::from_utf8_lossy(w))),
                }
            }
            Some(b'-') => Err("negative numbers are not allowed in a shape".into()),
            Some(c) => Err(format!("unexpected character {:?} at offset {}", c as char, self.pos)),
            None => Err("unexpected end of header".into()),
        }
    }
}

fn describe(l: &Lit) -> String {
    match l {
        Lit::Str(s) => format!("'{s}'"),
        Lit::List(_) => "a structured dtype (list of fields)".into(),
        Lit::Dict(_) => "a dtype dict".into(),
        other => format!("{other:?}"),
    }
}

fn parse_dict(text: &str, file: &str) -> Result<NpyHeader> {
    let mut p = Parser { s: text.as_bytes(), pos: 0, depth: 0 };
    let v = p.value().map_err(|e| bad(file, e))?;
    if p.peek().is_some() {
        return Err(bad(file, format!("unexpected data after the header dict at offset {}", p.pos)));
    }
    let Lit::Dict(items) = v else {
        return Err(bad(file, "header is not a dict"));
    };
    let (mut descr, mut fortran, mut shape) = (None, None, None);
    for (k, v) in items {
        match k {
            Lit::Str(k) if k == "descr" => descr = Some(v),
            Lit::Str(k) if k == "fortran_order" => fortran = Some(v),
            Lit::Str(k) if k == "shape" => shape = Some(v),
            Lit::Str(k) => return Err(bad(file, format!("unexpected key '{k}'"))),
            _ => return Err(bad(file, "header keys must be strings")),
        }
    }
    let descr = descr.ok_or_else(|| bad(file, "missing key 'descr'"))?;
    let dtype = match &descr {
        Lit::Str(s) => Dtype::parse(s)
            .ok_or_else(|| IoError::UnsupportedDtype { file: file.into(), descr: format!("'{s}'") })?,
        other => return Err(IoError::UnsupportedDtype { file: file.into(), descr: describe(other) }),
    };
    let fortran_order = match fortran.ok_or_else(|| bad(file, "missing key 'fortran_order'"))? {
        Lit::Bool(b) => b,
        other => return Err(bad(file, format!("'fortran_order' is not a bool: {}", describe(&other)))),
    };
    let shape = match shape.ok_or_else(|| bad(file, "missing key 'shape'"))? {
        Lit::Tuple(items) => items
            .into_iter()
            .map(|d| match d {
                Lit::Int(n) => {
                    usize::try_from(n).map_err(|_| bad(file, format!("dimension {n} is too large")))
                }
                other => {
                    Err(bad(file, format!("shape entries must be integers, found {}", describe(&other))))
                }
            })
            .collect::<Result<Vec<usize>>>()?,
        other => return Err(bad(file, format!("'shape' is not a tuple: {}", describe(&other)))),
    };
    let h = NpyHeader { dtype, fortran_order, shape };
    if h.data_len().is_none_or(|n| n > isize::MAX as usize) {
        return Err(bad(file, format!("shape {:?} is too large", h.shape)));
    }
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numpy_headers() {
        let h = parse_dict("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }   \n", "x").unwrap();
        assert_eq!(h.shape, vec![3, 4]);
        let h = parse_dict("{'descr': '|b1', 'fortran_order': True, 'shape': (5,), }", "x").unwrap();
        assert_eq!((h.shape, h.fortran_order), (vec![5], true));
        let h = parse_dict("{\"shape\": (), \"fortran_order\": False, \"descr\": \">i2\"}", "x").unwrap();
        assert!(h.shape.is_empty());
        let h = parse_dict("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L)}", "x").unwrap();
        assert_eq!(h.shape, vec![2, 3]);
    }

    #[test]
    fn rejects_bad_headers() {
        for t in [
            "",
            "{",
            "{'descr': '<f8'}",
            "{'descr': '<f8', 'fortran_order': 1, 'shape': ()}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} junk",
            "[1, 2]",
            "((((((((((((((((((((((((((((((((((((((((((((((",
        ] {
            assert!(matches!(parse_dict(t, "x"), Err(IoError::BadHeader { .. })), "{t}");
        }
        assert!(matches!(
            parse_dict("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,)}", "x"),
            Err(IoError::UnsupportedDtype { .. })
        ));
    }
}
