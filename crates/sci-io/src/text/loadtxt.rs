//! `loadtxt`: a table of numbers from a text file, parsed without per-line allocation and in
//! parallel chunks for large files.

use super::element::TxtElement;
use crate::error::{IoError, Result, file_err};
use sci_array::ndarray::{Array, Array1, Array2, ArrayD, Dimension, IxDyn};
use std::path::Path;

/// Inputs above this many bytes are parsed in parallel chunks (with the `rayon` feature).
#[cfg(feature = "rayon")]
const PARALLEL_BYTES: usize = 1 << 20;

/// Options of [`loadtxt`], with NumPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_io::LoadTxtOptions;
/// let o = LoadTxtOptions { delimiter: Some(','), skiprows: 1, ..Default::default() };
/// assert_eq!(o.comments.as_deref(), Some("#"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadTxtOptions {
    /// The field separator; `None` (the default) splits on runs of whitespace. Whitespace
    /// around fields is ignored either way.
    pub delimiter: Option<char>,
    /// The start of a comment: the rest of the line is ignored. Default `Some("#")`.
    pub comments: Option<String>,
    /// Lines to skip at the start of the file, comments and blank lines included. Default 0.
    pub skiprows: usize,
    /// Columns to read (negative counts from the end), in this order. Default: all.
    pub usecols: Option<Vec<isize>>,
    /// Read at most this many data rows (blank and comment lines do not count). Default: all.
    pub max_rows: Option<usize>,
    /// Return the transpose, so that each column of the file is a row of the result.
    pub unpack: bool,
}

impl Default for LoadTxtOptions {
    fn default() -> Self {
        Self {
            delimiter: None,
            comments: Some("#".into()),
            skiprows: 0,
            usecols: None,
            max_rows: None,
            unpack: false,
        }
    }
}

/// A parse failure inside a chunk: local line index (0-based) and message.
#[derive(Debug)]
struct LocalErr {
    line: usize,
    reason: String,
}

/// The rows parsed from one chunk of lines.
#[derive(Debug)]
struct Chunk<T> {
    data: Vec<T>,
    rows: usize,
    ncols: Option<usize>,
    /// Local line index of the first data row.
    first_row_line: usize,
}

struct Splitter<'a> {
    delim: Option<&'a [u8]>,
    comment: Option<&'a [u8]>,
}

#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c)
}

#[inline]
fn trim(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if is_ws(*first) {
            s = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = s {
        if is_ws(*last) {
            s = rest;
        } else {
            break;
        }
    }
    s
}

#[inline]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => None,
        [b] => hay.iter().position(|c| c == b),
        _ => hay.windows(needle.len()).position(|w| w == needle),
    }
}

impl Splitter<'_> {
    /// The line without its comment, or `None` if nothing but whitespace is left.
    #[inline]
    fn content<'l>(&self, line: &'l [u8]) -> Option<&'l [u8]> {
        let line = match self.comment.and_then(|c| find(line, c)) {
            Some(k) => &line[..k],
            None => line,
        };
        let t = trim(line);
        (!t.is_empty()).then_some(t)
    }

    /// Calls `f` on each field of a (trimmed, non-empty) line.
    #[inline]
    fn fields<'l>(
        &self,
        line: &'l [u8],
        mut f: impl FnMut(&'l [u8]) -> std::result::Result<(), String>,
    ) -> std::result::Result<(), String> {
        match self.delim {
            None => {
                let mut i = 0;
                while i < line.len() {
                    while i < line.len() && is_ws(line[i]) {
                        i += 1;
                    }
                    if i == line.len() {
                        break;
                    }
                    let start = i;
                    while i < line.len() && !is_ws(line[i]) {
                        i += 1;
                    }
                    f(&line[start..i])?;
                }
                Ok(())
            }
            Some(d) => {
                let mut rest = line;
                loop {
                    match find(rest, d) {
                        Some(k) => {
                            f(trim(&rest[..k]))?;
                            rest = &rest[k + d.len()..];
                        }
                        None => return f(trim(rest)),
                    }
                }
            }
        }
    }
}

fn convert_err<T: TxtElement>(field: &[u8], col: usize) -> String {
    format!(
        "could not convert string {:?} to {} (column {})",
        String::from_utf8_lossy(field),
        T::NAME,
        col + 1
    )
}

/// Parses the lines of `text` (a whole number of lines) into rows.
fn parse_chunk<T: TxtElement>(
    text: &[u8],
    sp: &Splitter<'_>,
    usecols: Option<&[isize]>,
    max_rows: Option<usize>,
) -> std::result::Result<Chunk<T>, LocalErr> {
    let mut out = Chunk { data: Vec::new(), rows: 0, ncols: None, first_row_line: 0 };
    let mut fields: Vec<&[u8]> = Vec::new();
    for (ln, raw) in text.split(|&b| b == b'\n').enumerate() {
        if max_rows.is_some_and(|m| out.rows >= m) {
            break;
        }
        let Some(line) = sp.content(raw) else { continue };
        let before = out.data.len();
        let res = match usecols {
            None => {
                let mut col = 0;
                let data = &mut out.data;
                let r = sp.fields(line, |field| {
                    let v = T::parse_field(field).ok_or_else(|| convert_err::<T>(field, col))?;
                    data.push(v);
                    col += 1;
                    Ok(())
                });
                r.map(|()| col)
            }
            Some(cols) => {
                fields.clear();
                let r = sp.fields(line, |field| {
                    fields.push(field);
                    Ok(())
                });
                r.and_then(|()| {
                    let n = fields.len() as isize;
                    for &c in cols {
                        let k = if c < 0 { c + n } else { c };
                        if k < 0 || k >= n {
                            return Err(format!("invalid column index {c} for a row with {n} columns"));
                        }
                        let field = fields[k as usize];
                        out.data
                            .push(T::parse_field(field).ok_or_else(|| convert_err::<T>(field, k as usize))?);
                    }
                    Ok(cols.len())
                })
            }
        };
        let ncols = res.map_err(|reason| LocalErr { line: ln, reason })?;
        match out.ncols {
            None => {
                out.ncols = Some(ncols);
                out.first_row_line = ln;
            }
            Some(n) if n != ncols => {
                out.data.truncate(before);
                return Err(LocalErr {
                    line: ln,
                    reason: format!(
                        "the number of columns changed from {n} to {ncols}; use `usecols` to select a subset and avoid this error"
                    ),
                });
            }
            Some(_) => {}
        }
        out.rows += 1;
    }
    Ok(out)
}

fn count_lines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

/// Splits `body` into about `n` pieces at line boundaries.
#[cfg(feature = "rayon")]
fn split_lines(body: &[u8], n: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::with_capacity(n);
    let mut rest = body;
    let target = body.len().div_ceil(n.max(1)).max(1);
    while !rest.is_empty() {
        if rest.len() <= target {
            pieces.push(rest);
            break;
        }
        let cut = match rest[target..].iter().position(|&b| b == b'\n') {
            Some(k) => target + k + 1,
            None => rest.len(),
        };
        pieces.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    pieces
}

/// Parses the text after the skipped rows; returns the data, rows and columns.
fn parse_body<T: TxtElement>(
    body: &[u8],
    first_line: usize,
    file: &str,
    opts: &LoadTxtOptions,
) -> Result<(Vec<T>, usize, usize)> {
    let mut dbuf = [0u8; 4];
    let delim = opts.delimiter.map(|c| c.encode_utf8(&mut dbuf).as_bytes().to_vec());
    if opts.comments.as_deref() == Some("") {
        return Err(IoError::InvalidArgument { arg: "comments", reason: "must not be empty".into() });
    }
    if let Some(d) = &delim
        && (d.as_slice() == b"\n" || d.as_slice() == b"\r")
    {
        return Err(IoError::InvalidArgument { arg: "delimiter", reason: "cannot be a newline".into() });
    }
    let sp = Splitter { delim: delim.as_deref(), comment: opts.comments.as_deref().map(str::as_bytes) };
    let usecols = opts.usecols.as_deref();
    if usecols.is_some_and(<[isize]>::is_empty) {
        return Err(IoError::InvalidArgument {
            arg: "usecols",
            reason: "must select at least one column".into(),
        });
    }
    let global = |pieces: &[&[u8]], k: usize, local: usize| {
        first_line + pieces[..k].iter().map(|p| count_lines(p)).sum::<usize>() + local + 1
    };
    let pieces: Vec<&[u8]> = {
        #[cfg(feature = "rayon")]
        {
            if opts.max_rows.is_none() && body.len() > PARALLEL_BYTES {
                split_lines(body, rayon::current_num_threads() * 4)
            } else {
                vec![body]
            }
        }
        #[cfg(not(feature = "rayon"))]
        {
            vec![body]
        }
    };
    let results: Vec<std::result::Result<Chunk<T>, LocalErr>> = {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            pieces.par_iter().map(|p| parse_chunk::<T>(p, &sp, usecols, opts.max_rows)).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            pieces.iter().map(|p| parse_chunk::<T>(p, &sp, usecols, opts.max_rows)).collect()
        }
    };
    let mut chunks = Vec::with_capacity(results.len());
    for (k, r) in results.into_iter().enumerate() {
        match r {
            Ok(c) => chunks.push(c),
            Err(e) => {
                return Err(IoError::Parse {
                    file: file.into(),
                    line: global(&pieces, k, e.line),
                    reason: e.reason,
                });
            }
        }
    }
    let mut ncols = None;
    for (k, c) in chunks.iter().enumerate() {
        match (ncols, c.ncols) {
            (None, Some(n)) => ncols = Some(n),
            (Some(n), Some(m)) if n != m => {
                return Err(IoError::Parse {
                    file: file.into(),
                    line: global(&pieces, k, c.first_row_line),
                    reason: format!(
                        "the number of columns changed from {n} to {m}; use `usecols` to select a subset and avoid this error"
                    ),
                });
            }
            _ => {}
        }
    }
    let rows = chunks.iter().map(|c| c.rows).sum();
    let data = if chunks.len() == 1 {
        chunks.pop().map(|c| c.data).unwrap_or_default()
    } else {
        let mut all = Vec::with_capacity(chunks.iter().map(|c| c.data.len()).sum());
        for c in &chunks {
            all.extend_from_slice(&c.data);
        }
        all
    };
    Ok((data, rows, ncols.unwrap_or(0)))
}

/// Gives the parsed table NumPy's `ndmin` semantics for the requested dimension `D`.
fn shape_result<T: TxtElement, D: Dimension>(
    data: Vec<T>,
    rows: usize,
    cols: usize,
    unpack: bool,
    file: &str,
) -> Result<Array<T, D>> {
    let dim_err = |expected: usize, found: Vec<usize>| IoError::DimensionMismatch {
        file: file.into(),
        expected,
        found,
    };
    let shape_err =
        |e: sci_array::ndarray::ShapeError| IoError::InvalidArgument { arg: "X", reason: e.to_string() };
    let table =
        if rows == 0 { None } else { Some(Array2::from_shape_vec((rows, cols), data).map_err(shape_err)?) };
    let squeeze = |t: Array2<T>| -> Result<ArrayD<T>> {
        let shape: Vec<usize> = t.shape().iter().copied().filter(|&d| d != 1).collect();
        t.into_shape_with_order(IxDyn(&shape)).map_err(shape_err)
    };
    let out: ArrayD<T> = match D::NDIM {
        Some(2) => {
            let t = match table {
                Some(t) => t,
                None => Array2::from_shape_vec((0, 1), Vec::new()).map_err(shape_err)?,
            };
            let t = if unpack { t.reversed_axes() } else { t };
            t.into_dyn()
        }
        Some(1) => match table {
            None => Array1::from_vec(Vec::new()).into_dyn(),
            Some(t) => {
                let s = squeeze(t)?;
                match s.ndim() {
                    0 => s.into_shape_with_order(IxDyn(&[1])).map_err(shape_err)?,
                    1 => s,
                    _ => return Err(dim_err(1, vec![rows, cols])),
                }
            }
        },
        Some(0) => match table {
            Some(t) if t.len() == 1 => squeeze(t)?,
            _ => return Err(dim_err(0, vec![rows, cols])),
        },
        None => match table {
            None => Array1::from_vec(Vec::new()).into_dyn(),
            Some(t) => {
                let s = squeeze(t)?;
                if unpack && s.ndim() == 2 { s.reversed_axes() } else { s }
            }
        },
        Some(n) => {
            return Err(IoError::InvalidArgument {
                arg: "D",
                reason: format!("loadtxt gives at most 2 dimensions, not {n}"),
            });
        }
    };
    let shape = out.shape().to_vec();
    out.into_dimensionality::<D>().map_err(|_| dim_err(D::NDIM.unwrap_or(0), shape))
}

fn load_bytes<T: TxtElement, D: Dimension>(
    bytes: &[u8],
    file: &str,
    opts: &LoadTxtOptions,
) -> Result<Array<T, D>> {
    let mut start = 0;
    for _ in 0..opts.skiprows {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(k) => start += k + 1,
            None => {
                start = bytes.len();
                break;
            }
        }
    }
    let (data, rows, cols) = parse_body::<T>(&bytes[start..], opts.skiprows, file, opts)?;
    shape_result(data, rows, cols, opts.unpack, file)
}

/// Loads a table of numbers from a text file.
///
/// Each non-blank line is a row; fields are separated by `delimiter` (whitespace by default);
/// text after the comment marker is ignored. The element type `T` is the dtype (`f64` for
/// NumPy's default). The dimension `D` plays the role of NumPy's `ndmin`:
///
/// - `Ix2`: always a 2-d `(rows, columns)` array (NumPy's `ndmin=2`); an empty file gives
///   shape `(0, 1)`;
/// - `Ix1`: a single row or a single column as a 1-d array (`ndmin=1`); an error otherwise;
/// - `Ix0`: a file holding exactly one number;
/// - `IxDyn`: NumPy's default `ndmin=0` — dimensions of length 1 are squeezed out.
///
/// With `unpack`, 2-d results are transposed (each file column becomes a row).
///
/// Large inputs are parsed in parallel chunks of lines (feature `rayon`); the result is
/// identical to a sequential parse.
///
/// NumPy equivalent: `numpy.loadtxt`.
///
/// # Errors
///
/// [`IoError::File`] if the file cannot be read; [`IoError::Parse`] with the line number for a
/// field that is not a number of type `T`, a row with a different number of columns, or a
/// `usecols` index out of range; [`IoError::DimensionMismatch`] if the table does not fit `D`;
/// [`IoError::InvalidArgument`] for an empty `comments` or `usecols`.
///
/// # Examples
///
/// ```
/// use sci_io::{loadtxt, LoadTxtOptions};
/// use sci_io::sci_array::ndarray::{array, Ix1, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_loadtxt_{}.txt", std::process::id()));
/// std::fs::write(&path, "# x y\n1 2\n3 4 # comment\n\n5 6\n")?;
/// let a = loadtxt::<f64, Ix2>(&path, &LoadTxtOptions::default())?;
/// assert_eq!(a, array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
/// let y = loadtxt::<i64, Ix1>(&path, &LoadTxtOptions { usecols: Some(vec![-1]), ..Default::default() })?;
/// assert_eq!(y, array![2, 4, 6]);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn loadtxt<T: TxtElement, D: Dimension>(
    path: impl AsRef<Path>,
    opts: &LoadTxtOptions,
) -> Result<Array<T, D>> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(file_err(path))?;
    load_bytes(&bytes, &path.display().to_string(), opts)
}

/// [`loadtxt`] on text in memory (NumPy accepts a `StringIO` or a list of lines).
///
/// NumPy equivalent: `numpy.loadtxt(io.StringIO(text))`.
///
/// # Errors
///
/// As [`loadtxt`], with the file named `<string>`.
///
/// # Examples
///
/// ```
/// use sci_io::{loadtxt_str, LoadTxtOptions};
/// use sci_io::sci_array::ndarray::{array, Ix0, Ix2, IxDyn};
/// let o = LoadTxtOptions { delimiter: Some(','), ..Default::default() };
/// assert_eq!(loadtxt_str::<f64, Ix2>("1, 2\n3, 4\n", &o)?, array![[1.0, 2.0], [3.0, 4.0]]);
/// // NumPy's default ndmin=0 squeezes a single column to 1-d, a single value to 0-d.
/// assert_eq!(loadtxt_str::<f64, IxDyn>("1\n2\n3\n", &o)?.shape(), &[3]);
/// assert_eq!(loadtxt_str::<f64, Ix0>("7.5\n", &o)?[()], 7.5);
/// let e = loadtxt_str::<f64, Ix2>("1,2\n3,x\n", &o).unwrap_err();
/// assert_eq!(e.to_string(), "<string>: line 2: could not convert string \"x\" to float64 (column 2)");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn loadtxt_str<T: TxtElement, D: Dimension>(text: &str, opts: &LoadTxtOptions) -> Result<Array<T, D>> {
    load_bytes(text.as_bytes(), "<string>", opts)
}
