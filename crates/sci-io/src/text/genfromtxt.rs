//! `genfromtxt`: tables with missing values, named columns and per-column type inference.

use crate::error::{IoError, Result, file_err};
use sci_array::ndarray::{Array1, Array2};
use std::path::Path;

/// The element type of [`genfromtxt`]'s columns: NumPy's `dtype` argument.
///
/// NumPy equivalent: `dtype=float` / `dtype=None` of `numpy.genfromtxt`.
///
/// # Examples
///
/// ```
/// use sci_io::GenDtype;
/// assert_eq!(GenDtype::default(), GenDtype::Float64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum GenDtype {
    /// Every column is `float64` (NumPy's default `dtype=float`); fields that are not numbers
    /// become NaN, as in NumPy.
    #[default]
    Float64,
    /// Each column gets the narrowest type that holds all its values, tried in NumPy's order
    /// bool (`True`/`False`), int64, float64, then string (NumPy's `dtype=None`). Complex
    /// columns are not detected (they become strings).
    Infer,
}

/// Options of [`genfromtxt`], with NumPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_io::{GenDtype, GenFromTxtOptions};
/// let o = GenFromTxtOptions { delimiter: Some(','), names: true, dtype: GenDtype::Infer, ..Default::default() };
/// assert!(o.invalid_raise);
/// assert_eq!(o.filling_values, None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GenFromTxtOptions {
    /// The field separator; `None` (the default) splits on runs of whitespace.
    pub delimiter: Option<char>,
    /// The start of a comment (default `Some("#")`).
    pub comments: Option<String>,
    /// Lines to skip at the start of the file (default 0).
    pub skip_header: usize,
    /// Data rows to drop at the end (default 0).
    pub skip_footer: usize,
    /// Read the column names from the first line after `skip_header` (which may start with
    /// the comment marker). Names are cleaned as NumPy does: spaces become `_`, the characters
    /// ``~!@#$%^&*()-=+\|]}[{';: /?.>,<`` are removed, empty names become `f0`, `f1`, ...,
    /// repeats get `_1`, `_2`. Without names, columns are called `f0`, `f1`, ...
    pub names: bool,
    /// Columns to read (negative counts from the end), in this order. Default: all.
    pub usecols: Option<Vec<isize>>,
    /// Strings that mean "missing" besides the empty field.
    pub missing_values: Vec<String>,
    /// The value of missing fields: `None` gives NumPy's defaults (NaN for floats, -1 for
    /// ints, false for bools, `""` for strings); a number is used for numeric columns.
    pub filling_values: Option<f64>,
    /// The column types (default all `float64`).
    pub dtype: GenDtype,
    /// Read at most this many data rows.
    pub max_rows: Option<usize>,
    /// Fail on rows with the wrong number of columns (default); if false they are skipped.
    pub invalid_raise: bool,
    /// Strip whitespace around string fields (numbers are always read without it).
    pub autostrip: bool,
}

impl Default for GenFromTxtOptions {
    fn default() -> Self {
        Self {
            delimiter: None,
            comments: Some("#".into()),
            skip_header: 0,
            skip_footer: 0,
            names: false,
            usecols: None,
            missing_values: Vec::new(),
            filling_values: None,
            dtype: GenDtype::Float64,
            max_rows: None,
            invalid_raise: true,
            autostrip: false,
        }
    }
}

/// One column of a [`Table`].
///
/// NumPy equivalent: one field of the structured array returned by `numpy.genfromtxt`.
///
/// # Examples
///
/// ```
/// use sci_io::{genfromtxt_str, Column, GenDtype, GenFromTxtOptions};
/// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
/// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
/// assert!(matches!(&t.columns[1], Column::Bool(b) if b.to_vec() == [true, false]));
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Column {
    /// `float64` values.
    F64(Array1<f64>),
    /// `int64` values.
    I64(Array1<i64>),
    /// `bool` values.
    Bool(Array1<bool>),
    /// Strings.
    Str(Vec<String>),
}

impl Column {
    /// The number of values.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, GenDtype, GenFromTxtOptions};
    /// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
    /// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
    /// assert_eq!(t.columns[2].len(), 2);
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn len(&self) -> usize {
        match self {
            Column::F64(a) => a.len(),
            Column::I64(a) => a.len(),
            Column::Bool(a) => a.len(),
            Column::Str(v) => v.len(),
        }
    }

    /// Whether the column is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::Column;
    /// assert!(Column::Str(vec![]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values as `f64`, or `None` for a string column.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, GenDtype, GenFromTxtOptions};
    /// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
    /// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
    /// assert_eq!(t.columns[1].to_f64().unwrap().to_vec(), [1.0, 0.0]);
    /// assert!(t.columns[2].to_f64().is_none());
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn to_f64(&self) -> Option<Array1<f64>> {
        match self {
            Column::F64(a) => Some(a.clone()),
            Column::I64(a) => Some(a.mapv(|v| v as f64)),
            Column::Bool(a) => Some(a.mapv(|v| f64::from(u8::from(v)))),
            Column::Str(_) => None,
        }
    }
}

/// Named columns read by [`genfromtxt`]: the equivalent of NumPy's structured array.
///
/// # Examples
///
/// ```
/// use sci_io::{genfromtxt_str, Column, GenDtype, GenFromTxtOptions};
/// let o = GenFromTxtOptions { delimiter: Some(','), names: true, dtype: GenDtype::Infer, ..Default::default() };
/// let t = genfromtxt_str("a,b\n1,x\n2,y\n", &o)?;
/// assert_eq!(t.names, ["a", "b"]);
/// assert_eq!((t.nrows(), t.ncols()), (2, 2));
/// assert!(matches!(t.column("b"), Some(Column::Str(v)) if v == &["x", "y"]));
/// assert!(t.to_array_f64().is_err()); // a string column
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The column names.
    pub names: Vec<String>,
    /// The columns, all of the same length.
    pub columns: Vec<Column>,
}

impl Table {
    /// The column called `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, Column, GenDtype, GenFromTxtOptions};
    /// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
    /// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
    /// assert!(matches!(t.column("f0"), Some(Column::I64(_))));
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.names.iter().position(|n| n == name).map(|k| &self.columns[k])
    }

    /// The number of rows.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, GenDtype, GenFromTxtOptions};
    /// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
    /// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
    /// assert_eq!(t.nrows(), 2);
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn nrows(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    /// The number of columns.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, GenDtype, GenFromTxtOptions};
    /// let o = GenFromTxtOptions { delimiter: Some(','), dtype: GenDtype::Infer, ..Default::default() };
    /// let t = genfromtxt_str("1,True,x\n2,False,y\n", &o)?;
    /// assert_eq!(t.ncols(), 3);
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn ncols(&self) -> usize {
        self.columns.len()
    }

    /// The numeric columns side by side as a `(rows, columns)` array (NumPy's 2-d result for
    /// a homogeneous table).
    ///
    /// # Errors
    ///
    /// [`IoError::InvalidArgument`] if a column holds strings.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::{genfromtxt_str, GenFromTxtOptions};
    /// use sci_io::sci_array::ndarray::array;
    /// let t = genfromtxt_str("1 2\n3 nan\n", &GenFromTxtOptions::default())?;
    /// let a = t.to_array_f64()?;
    /// assert_eq!(a.slice(sci_io::sci_array::ndarray::s![.., 0]), array![1.0, 3.0]);
    /// assert!(a[[1, 1]].is_nan());
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn to_array_f64(&self) -> Result<Array2<f64>> {
        let mut out = Array2::zeros((self.nrows(), self.ncols()));
        for (j, c) in self.columns.iter().enumerate() {
            let v = c.to_f64().ok_or_else(|| IoError::InvalidArgument {
                arg: "table",
                reason: format!("column '{}' holds strings", self.names[j]),
            })?;
            out.column_mut(j).assign(&v);
        }
        Ok(out)
    }
}

/// NumPy's `NameValidator` with its defaults.
fn validate_names(raw: &[String]) -> Vec<String> {
    const DELETE: &str = "~!@#$%^&*()-=+~\\|]}[{';: /?.>,<\"";
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut nempty = 0;
    for r in raw {
        let mut n: String = r.trim().replace(' ', "_").chars().filter(|c| !DELETE.contains(*c)).collect();
        if n.is_empty() {
            n = format!("f{nempty}");
            nempty += 1;
        }
        let base = n.clone();
        let mut k = 1;
        while out.contains(&n) {
            n = format!("{base}_{k}");
            k += 1;
        }
        out.push(n);
    }
    out
}

fn strip_comment<'a>(line: &'a str, comments: Option<&str>) -> &'a str {
    match comments.and_then(|c| line.find(c)) {
        Some(k) => &line[..k],
        None => line,
    }
}

fn split(line: &str, delimiter: Option<char>) -> Vec<&str> {
    match delimiter {
        None => line.split_whitespace().collect(),
        Some(d) => line.trim_matches([' ', '\r', '\n']).split(d).collect(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Kind {
    Bool,
    Int,
    Float,
    Str,
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_uppercase().as_str() {
        "TRUE" => Some(true),
        "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

fn parse_float(s: &str) -> Option<f64> {
    fast_float2::parse::<f64, _>(s.trim()).ok()
}

fn parses(kind: Kind, s: &str) -> bool {
    match kind {
        Kind::Bool => parse_bool(s).is_some(),
        Kind::Int => parse_int(s).is_some(),
        Kind::Float => parse_float(s).is_some(),
        Kind::Str => true,
    }
}

fn build(text: &str, file: &str, o: &GenFromTxtOptions) -> Result<Table> {
    if o.comments.as_deref() == Some("") {
        return Err(IoError::InvalidArgument { arg: "comments", reason: "must not be empty".into() });
    }
    if o.usecols.as_ref().is_some_and(Vec::is_empty) {
        return Err(IoError::InvalidArgument {
            arg: "usecols",
            reason: "must select at least one column".into(),
        });
    }
    let comments = o.comments.as_deref();
    let mut lines = text.split('\n').enumerate().skip(o.skip_header);
    let mut header: Option<Vec<String>> = None;
    if o.names {
        for (_, raw) in lines.by_ref() {
            // The names line may be commented out: take what follows the marker.
            let line = match comments.and_then(|c| raw.find(c).map(|k| (k, c.len()))) {
                Some((k, n)) if raw[..k].trim().is_empty() => &raw[k + n..],
                _ => strip_comment(raw, comments),
            };
            if line.trim().is_empty() {
                continue;
            }
            header = Some(split(line, o.delimiter).into_iter().map(|s| s.trim().to_string()).collect());
            break;
        }
    }
    // Data rows as (line number, fields).
    let mut rows: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut ncols = header.as_ref().map(Vec::len);
    let mut invalid = Vec::new();
    for (ln, raw) in lines {
        if o.max_rows.is_some_and(|m| rows.len() >= m) {
            break;
        }
        let line = strip_comment(raw, comments);
        if line.trim().is_empty() {
            continue;
        }
        let fields = split(line, o.delimiter);
        let n = *ncols.get_or_insert(fields.len());
        if fields.len() != n && o.usecols.is_none() {
            invalid.push(format!("Line #{} (got {} columns instead of {n})", ln + 1, fields.len()));
            continue;
        }
        rows.push((ln + 1, fields));
    }
    if !invalid.is_empty() && o.invalid_raise {
        let line =
            invalid[0].split(' ').nth(1).and_then(|s| s.trim_start_matches('#').parse().ok()).unwrap_or(0);
        return Err(IoError::Parse {
            file: file.into(),
            line,
            reason: format!("some rows have the wrong number of columns: {}", invalid.join("; ")),
        });
    }
    rows.truncate(rows.len().saturating_sub(o.skip_footer));
    let ncols_all = ncols.unwrap_or(0);
    let names_all: Vec<String> = match &header {
        Some(h) => h.clone(),
        None => vec![String::new(); ncols_all],
    };
    // Resolve usecols against the header (or the first row).
    let cols: Vec<usize> = match &o.usecols {
        None => (0..ncols_all).collect(),
        Some(uc) => uc
            .iter()
            .map(|&c| {
                let k = if c < 0 { c + ncols_all as isize } else { c };
                if k < 0 || k >= ncols_all as isize {
                    Err(IoError::InvalidArgument {
                        arg: "usecols",
                        reason: format!("column index {c} is out of range for {ncols_all} columns"),
                    })
                } else {
                    Ok(k as usize)
                }
            })
            .collect::<Result<_>>()?,
    };
    let names = validate_names(
        &cols.iter().map(|&k| names_all.get(k).cloned().unwrap_or_default()).collect::<Vec<_>>(),
    );
    let is_missing = |s: &str| {
        let t = s.trim();
        t.is_empty() || o.missing_values.iter().any(|m| m.trim() == t)
    };
    let mut columns = Vec::with_capacity(cols.len());
    for &k in &cols {
        let mut values: Vec<&str> = Vec::with_capacity(rows.len());
        for (ln, f) in &rows {
            match f.get(k) {
                Some(v) => values.push(v),
                None => {
                    return Err(IoError::Parse {
                        file: file.into(),
                        line: *ln,
                        reason: format!("row has {} columns, column {k} is missing", f.len()),
                    });
                }
            }
        }
        let kind = match o.dtype {
            GenDtype::Float64 => Kind::Float,
            GenDtype::Infer => {
                let present: Vec<&str> = values.iter().copied().filter(|s| !is_missing(s)).collect();
                [Kind::Bool, Kind::Int, Kind::Float, Kind::Str]
                    .into_iter()
                    .find(|&kd| present.iter().all(|s| parses(kd, s)))
                    .unwrap_or(Kind::Str)
            }
        };
        let fill = o.filling_values;
        let col = match kind {
            Kind::Bool => Column::Bool(
                values
                    .iter()
                    .map(|s| {
                        if is_missing(s) {
                            fill.is_some_and(|v| v != 0.0)
                        } else {
                            parse_bool(s).unwrap_or(false)
                        }
                    })
                    .collect(),
            ),
            Kind::Int => Column::I64(
                values
                    .iter()
                    .map(|s| {
                        if is_missing(s) { fill.map_or(-1, |v| v as i64) } else { parse_int(s).unwrap_or(-1) }
                    })
                    .collect(),
            ),
            // Unparsable fields in a float column are NaN, as in NumPy's default float mode.
            Kind::Float => Column::F64(
                values
                    .iter()
                    .map(|s| {
                        if is_missing(s) {
                            fill.unwrap_or(f64::NAN)
                        } else {
                            parse_float(s).unwrap_or(f64::NAN)
                        }
                    })
                    .collect(),
            ),
            Kind::Str => Column::Str(
                values
                    .iter()
                    .map(|s| {
                        if is_missing(s) {
                            String::new()
                        } else if o.autostrip {
                            s.trim().to_string()
                        } else {
                            s.to_string()
                        }
                    })
                    .collect(),
            ),
        };
        columns.push(col);
    }
    Ok(Table { names, columns })
}

/// Loads a table from a text file, with missing values filled in and, optionally, column
/// names from a header line and a type inferred for each column.
///
/// With the default [`GenDtype::Float64`] every column is `f64` and
/// [`Table::to_array_f64`] gives NumPy's 2-d result; with [`GenDtype::Infer`] (NumPy's
/// `dtype=None`) each column is bool, int64, float64 or string, like the fields of NumPy's
/// structured array.
///
/// NumPy equivalent: `numpy.genfromtxt`.
///
/// # Errors
///
/// [`IoError::File`] if the file cannot be read; [`IoError::Parse`] for rows with the wrong
/// number of columns (unless `invalid_raise` is false) or missing `usecols` columns;
/// [`IoError::InvalidArgument`] for an out-of-range `usecols` index or an empty `comments`.
///
/// # Examples
///
/// ```
/// use sci_io::{genfromtxt, Column, GenDtype, GenFromTxtOptions};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_genfromtxt_{}.csv", std::process::id()));
/// std::fs::write(&path, "ID,Result,Type\n1,3.5,a\n2,,b\n3,4.25,c\n")?;
/// let o = GenFromTxtOptions { delimiter: Some(','), names: true, dtype: GenDtype::Infer, ..Default::default() };
/// let t = genfromtxt(&path, &o)?;
/// assert_eq!(t.names, ["ID", "Result", "Type"]);
/// let Some(Column::I64(id)) = t.column("ID") else { panic!("ID is int64") };
/// assert_eq!(id.to_vec(), [1, 2, 3]);
/// let Some(Column::F64(r)) = t.column("Result") else { panic!("Result is float64") };
/// assert!(r[1].is_nan()); // missing -> NaN
/// assert!(matches!(t.column("Type"), Some(Column::Str(s)) if s == &["a", "b", "c"]));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn genfromtxt(path: impl AsRef<Path>, opts: &GenFromTxtOptions) -> Result<Table> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(file_err(path))?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| IoError::Parse {
        file: name.clone(),
        line: 0,
        reason: format!("the file is not UTF-8: {e}"),
    })?;
    build(&text, &name, opts)
}

/// [`genfromtxt`] on text in memory.
///
/// NumPy equivalent: `numpy.genfromtxt(io.StringIO(text))`.
///
/// # Errors
///
/// As [`genfromtxt`], with the file named `<string>`.
///
/// # Examples
///
/// ```
/// use sci_io::{genfromtxt_str, GenFromTxtOptions};
/// use sci_io::sci_array::ndarray::array;
/// let o = GenFromTxtOptions { delimiter: Some(','), missing_values: vec!["N/A".into()], filling_values: Some(-9.0), ..Default::default() };
/// let t = genfromtxt_str("1,2\n3,N/A\n", &o)?;
/// assert_eq!(t.to_array_f64()?, array![[1.0, 2.0], [3.0, -9.0]]);
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn genfromtxt_str(text: &str, opts: &GenFromTxtOptions) -> Result<Table> {
    build(text, "<string>", opts)
}
