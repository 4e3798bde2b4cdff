//! `savetxt`: an array as a text table, formatted with Python's `%` specifications.

use super::element::TxtElement;
use super::printf::{FmtValue, Format};
use crate::error::{IoError, Result, file_err};
use sci_array::ndarray::{ArrayBase, Axis, Data, Dimension, Ix2};
use std::io::Write;
use std::path::Path;

/// How [`savetxt`] formats the numbers: NumPy's `fmt` argument.
///
/// # Examples
///
/// ```
/// use sci_io::TxtFmt;
/// assert_eq!(TxtFmt::default(), TxtFmt::Single("%.18e".into()));
/// let per_column = TxtFmt::Columns(vec!["%d".into(), "%.3f".into()]);
/// # let _ = per_column;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxtFmt {
    /// One `%` specification used for every column (joined by the delimiter), or a whole-row
    /// format with exactly one specification per column (`"%d, %.3f"`).
    Single(String),
    /// One specification per column, joined by the delimiter.
    Columns(Vec<String>),
}

impl Default for TxtFmt {
    fn default() -> Self {
        TxtFmt::Single("%.18e".into())
    }
}

impl From<&str> for TxtFmt {
    fn from(s: &str) -> Self {
        TxtFmt::Single(s.into())
    }
}

/// Options of [`savetxt`], with NumPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_io::SaveTxtOptions;
/// let o = SaveTxtOptions { fmt: "%d".into(), delimiter: ",".into(), ..Default::default() };
/// assert_eq!(o.comments, "# ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveTxtOptions {
    /// The number format (default `"%.18e"`).
    pub fmt: TxtFmt,
    /// Between columns (default `" "`).
    pub delimiter: String,
    /// After each line (default `"\n"`).
    pub newline: String,
    /// Written first, each of its lines prefixed by `comments` (default: none).
    pub header: String,
    /// Written last, each of its lines prefixed by `comments` (default: none).
    pub footer: String,
    /// The prefix of header and footer lines (default `"# "`).
    pub comments: String,
}

impl Default for SaveTxtOptions {
    fn default() -> Self {
        Self {
            fmt: TxtFmt::default(),
            delimiter: " ".into(),
            newline: "\n".into(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".into(),
        }
    }
}

/// Rows formatted per task.
const CHUNK_ROWS: usize = 2048;
/// Chunks formatted before writing (bounds the memory held).
const BATCH_CHUNKS: usize = 64;
/// Tables with at least this many elements are formatted in parallel (feature `rayon`).
#[cfg(feature = "rayon")]
const PARALLEL_ELEMS: usize = 50_000;

fn row_format(fmt: &TxtFmt, ncol: usize, delimiter: &str, complex: bool) -> Result<Format> {
    // Complex values take two conversions each (real, imaginary), as in NumPy.
    let nvals = if complex { 2 * ncol } else { ncol };
    let text = match fmt {
        TxtFmt::Columns(v) => {
            if v.len() != ncol {
                return Err(IoError::InvalidArgument {
                    arg: "fmt",
                    reason: format!("fmt has wrong shape: {} formats for {ncol} columns", v.len()),
                });
            }
            v.join(delimiter)
        }
        TxtFmt::Single(s) => {
            let n = s.matches('%').count();
            if n == 1 {
                let one = if complex { format!(" ({s}+{s}j)") } else { s.clone() };
                vec![one; ncol].join(delimiter)
            } else if n != nvals {
                return Err(IoError::InvalidArgument {
                    arg: "fmt",
                    reason: format!("fmt has wrong number of % formats: {s:?} for {ncol} columns"),
                });
            } else {
                s.clone()
            }
        }
    };
    let f = Format::parse(&text)?;
    if f.n_specs() != nvals {
        return Err(IoError::InvalidArgument {
            arg: "fmt",
            reason: format!("{text:?} has {} conversions for {nvals} values per row", f.n_specs()),
        });
    }
    Ok(f)
}

fn write_table<T, S, D, W>(w: &mut W, x: &ArrayBase<S, D>, opts: &SaveTxtOptions) -> Result<()>
where
    T: TxtElement,
    S: Data<Elem = T>,
    D: Dimension,
    W: Write,
{
    let table = match x.ndim() {
        // A 1-d array (any strides) is one column.
        1 => x
            .view()
            .insert_axis(Axis(x.ndim()))
            .into_dimensionality::<Ix2>()
            .map_err(|e| IoError::InvalidArgument { arg: "X", reason: e.to_string() })?,
        2 => x
            .view()
            .into_dimensionality::<Ix2>()
            .map_err(|e| IoError::InvalidArgument { arg: "X", reason: e.to_string() })?,
        n => {
            return Err(IoError::InvalidArgument {
                arg: "X",
                reason: format!("Expected 1D or 2D array, got {n}D array instead"),
            });
        }
    };
    let ncol = table.ncols();
    let fmt = row_format(&opts.fmt, ncol, &opts.delimiter, T::COMPLEX)?;
    let commented = |text: &str| {
        format!("{}{}{}", opts.comments, text.replace('\n', &format!("\n{}", opts.comments)), opts.newline)
    };
    if !opts.header.is_empty() {
        w.write_all(commented(&opts.header).as_bytes())?;
    }
    let fmt_rows = |rows: sci_array::ndarray::ArrayView2<'_, T>| -> Result<String> {
        let mut text = String::with_capacity(rows.len() * 26);
        let mut values: Vec<FmtValue> = Vec::with_capacity(2 * ncol);
        for row in rows.axis_iter(Axis(0)) {
            values.clear();
            for v in row {
                v.fmt_values(&mut values);
            }
            if T::COMPLEX {
                // NumPy writes `1-2j`, not `1+-2j`.
                let mut line = String::new();
                fmt.write(&mut line, &values)?;
                text.push_str(&line.replace("+-", "-"));
            } else {
                fmt.write(&mut text, &values)?;
            }
            text.push_str(&opts.newline);
        }
        Ok(text)
    };
    let step = CHUNK_ROWS;
    let starts: Vec<usize> = (0..table.nrows()).step_by(step).collect();
    // Format batches of row chunks (in parallel with `rayon`) and write them in order.
    for batch in starts.chunks(BATCH_CHUNKS) {
        let piece = |&r0: &usize| {
            fmt_rows(table.slice(sci_array::ndarray::s![r0..(r0 + step).min(table.nrows()), ..]))
        };
        #[cfg(feature = "rayon")]
        let texts: Vec<Result<String>> = {
            use rayon::prelude::*;
            if table.len() >= PARALLEL_ELEMS {
                batch.par_iter().map(piece).collect()
            } else {
                batch.iter().map(piece).collect()
            }
        };
        #[cfg(not(feature = "rayon"))]
        let texts: Vec<Result<String>> = batch.iter().map(piece).collect();
        for t in texts {
            w.write_all(t?.as_bytes())?;
        }
    }
    if !opts.footer.is_empty() {
        w.write_all(commented(&opts.footer).as_bytes())?;
    }
    Ok(())
}

/// Saves a 1-d or 2-d array to a text file, one row per line.
///
/// A 1-d array is written as a single column, as NumPy does. Complex arrays are written as
/// NumPy writes them: a single format `f` becomes ` (f+fj)` per column. The numbers are formatted with
/// Python's `%` rules (`"%.18e"` by default, so floats round-trip exactly); the output is
/// byte-identical to `numpy.savetxt` with the same arguments.
///
/// NumPy equivalent: `numpy.savetxt`.
///
/// # Errors
///
/// [`IoError::InvalidArgument`] for a 0-d or 3-d+ array, a malformed `fmt` or one with the
/// wrong number of conversions, or `"%d"` applied to NaN/inf; [`IoError::File`] /
/// [`IoError::Io`] when writing fails.
///
/// # Examples
///
/// ```
/// use sci_io::{loadtxt, savetxt, LoadTxtOptions, SaveTxtOptions};
/// use sci_io::sci_array::ndarray::{array, Ix2};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_savetxt_{}.txt", std::process::id()));
/// let a = array![[1.0, 0.5], [-2.0, 1e-3]];
/// savetxt(&path, &a, &SaveTxtOptions { header: "x y".into(), ..Default::default() })?;
/// assert_eq!(
///     std::fs::read_to_string(&path)?,
///     "# x y\n1.000000000000000000e+00 5.000000000000000000e-01\n\
///      -2.000000000000000000e+00 1.000000000000000021e-03\n"
/// );
/// assert_eq!(loadtxt::<f64, Ix2>(&path, &LoadTxtOptions::default())?, a);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn savetxt<T, S, D>(path: impl AsRef<Path>, x: &ArrayBase<S, D>, opts: &SaveTxtOptions) -> Result<()>
where
    T: TxtElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let path = path.as_ref();
    let f = std::fs::File::create(path).map_err(file_err(path))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
    write_table(&mut w, x, opts)?;
    w.flush().map_err(file_err(path))?;
    Ok(())
}

/// [`savetxt`] into a `String`.
///
/// NumPy equivalent: `numpy.savetxt(io.StringIO(), ...)`.
///
/// # Errors
///
/// As [`savetxt`].
///
/// # Examples
///
/// ```
/// use sci_io::{savetxt_string, SaveTxtOptions, TxtFmt};
/// use sci_io::sci_array::ndarray::array;
/// let a = array![[1, 2], [3, 4]];
/// let o = SaveTxtOptions { fmt: "%d".into(), delimiter: ",".into(), footer: "end".into(), ..Default::default() };
/// assert_eq!(savetxt_string(&a, &o)?, "1,2\n3,4\n# end\n");
/// let o = SaveTxtOptions { fmt: TxtFmt::Columns(vec!["%d".into(), "%.2f".into()]), ..Default::default() };
/// assert_eq!(savetxt_string(&a, &o)?, "1 2.00\n3 4.00\n");
/// assert_eq!(savetxt_string(&array![0.25, 2.0], &SaveTxtOptions { fmt: "%.3f".into(), ..Default::default() })?, "0.250\n2.000\n");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn savetxt_string<T, S, D>(x: &ArrayBase<S, D>, opts: &SaveTxtOptions) -> Result<String>
where
    T: TxtElement,
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut buf = Vec::new();
    write_table(&mut buf, x, opts)?;
    String::from_utf8(buf).map_err(|e| IoError::InvalidArgument { arg: "opts", reason: e.to_string() })
}
