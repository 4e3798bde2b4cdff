//! Reading Matrix Market files: `mmread`, `mminfo`.

use std::path::Path;

use sci_array::ndarray::Array2;
use sci_array::num_complex::Complex64;
use sprs::TriMat;

use super::{MmField, MmFormat, MmInfo, MmMatrix, MmSymmetry};
use crate::error::{IoError, Result, file_err};

/// A parse error at a 1-based line.
fn perr(file: &str, line: usize, reason: impl Into<String>) -> IoError {
    IoError::Parse { file: file.to_string(), line, reason: reason.into() }
}

/// The lines of a file with their 1-based numbers.
struct Lines<'a> {
    file: &'a str,
    iter: std::iter::Enumerate<std::str::Lines<'a>>,
    last: usize,
}

impl<'a> Lines<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        Lines { file, iter: text.lines().enumerate(), last: 0 }
    }

    /// The next line that is neither blank nor a `%` comment.
    fn next_data(&mut self) -> Option<(usize, &'a str)> {
        for (k, l) in self.iter.by_ref() {
            self.last = k + 1;
            let t = l.trim();
            if !t.is_empty() && !t.starts_with('%') {
                return Some((k + 1, t));
            }
        }
        None
    }

    /// The next data line, or an error naming what was expected at the end of the file.
    fn need(&mut self, what: &str) -> Result<(usize, &'a str)> {
        match self.next_data() {
            Some(x) => Ok(x),
            None => Err(perr(self.file, self.last + 1, format!("file ends where {what} was expected"))),
        }
    }
}

fn parse_usize(file: &str, line: usize, tok: &str, what: &str) -> Result<usize> {
    tok.parse::<usize>().map_err(|_| perr(file, line, format!("invalid {what} {tok:?}")))
}

/// Header and size line; leaves `lines` at the first entry.
fn header<'a>(file: &'a str, text: &'a str) -> Result<(MmInfo, Lines<'a>)> {
    let mut lines = Lines::new(file, text);
    let Some((_, first)) = lines.iter.next() else {
        return Err(perr(file, 1, "empty file: the %%MatrixMarket header is missing"));
    };
    lines.last = 1;
    let toks: Vec<&str> = first.split_whitespace().collect();
    if toks.first().map(|t| t.to_ascii_lowercase()) != Some("%%matrixmarket".to_string()) {
        return Err(perr(file, 1, "not a Matrix Market file: the first line must start with %%MatrixMarket"));
    }
    if toks.len() != 5 {
        return Err(perr(
            file,
            1,
            format!(
                "header needs 5 words (%%MatrixMarket matrix format field symmetry), found {}",
                toks.len()
            ),
        ));
    }
    if !toks[1].eq_ignore_ascii_case("matrix") {
        return Err(perr(file, 1, format!("unsupported object {:?}: only \"matrix\" is supported", toks[1])));
    }
    let format = MmFormat::from_keyword(toks[2]).ok_or_else(|| {
        perr(file, 1, format!("invalid format {:?}: expected coordinate or array", toks[2]))
    })?;
    let field = if toks[3].eq_ignore_ascii_case("double") {
        MmField::Real
    } else {
        MmField::from_keyword(toks[3]).ok_or_else(|| {
            perr(file, 1, format!("invalid field {:?}: expected real, integer, complex or pattern", toks[3]))
        })?
    };
    let symmetry = MmSymmetry::from_keyword(toks[4]).ok_or_else(|| {
        perr(
            file,
            1,
            format!(
                "invalid symmetry {:?}: expected general, symmetric, skew-symmetric or hermitian",
                toks[4]
            ),
        )
    })?;
    if format == MmFormat::Array && field == MmField::Pattern {
        return Err(perr(file, 1, "an array file cannot have the pattern field"));
    }
    let (ln, size) = lines.need("the size line")?;
    let nums: Vec<&str> = size.split_whitespace().collect();
    let want = if format == MmFormat::Coordinate { 3 } else { 2 };
    if nums.len() != want {
        return Err(perr(file, ln, format!("size line needs {want} numbers, found {}", nums.len())));
    }
    let rows = parse_usize(file, ln, nums[0], "number of rows")?;
    let cols = parse_usize(file, ln, nums[1], "number of columns")?;
    let entries = if format == MmFormat::Coordinate {
        parse_usize(file, ln, nums[2], "number of entries")?
    } else {
        rows.checked_mul(cols).ok_or_else(|| perr(file, ln, "rows * cols overflows"))?
    };
    if symmetry != MmSymmetry::General && rows != cols {
        return Err(perr(
            file,
            ln,
            format!("a {} matrix must be square, got {rows} x {cols}", symmetry.as_str()),
        ));
    }
    Ok((MmInfo { rows, cols, entries, format, field, symmetry }, lines))
}

/// Reads a Matrix Market file's header: size, number of entries, format, field and symmetry.
///
/// SciPy equivalent: `scipy.io.mminfo(source)`.
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be read; [`IoError::Parse`] (with the line number)
/// for a malformed header or size line.
///
/// # Examples
///
/// ```
/// use sci_io::{mminfo, mmwrite, MmWriteOptions, MmField};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_mminfo_{}.mtx", std::process::id()));
/// mmwrite(&path, &array![[1i64, 2], [3, 4]], &MmWriteOptions::default())?;
/// let info = mminfo(&path)?;
/// assert_eq!((info.rows, info.cols, info.entries, info.field), (2, 2, 4, MmField::Integer));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mminfo(path: impl AsRef<Path>) -> Result<MmInfo> {
    let path = path.as_ref();
    let text = read_text(path)?;
    Ok(header(&path.display().to_string(), &text)?.0)
}

/// [`mminfo`] of Matrix Market text in memory (the file is named `<string>` in errors).
///
/// SciPy equivalent: `scipy.io.mminfo(io.BytesIO(text))`.
///
/// # Errors
///
/// As [`mminfo`].
///
/// # Examples
///
/// ```
/// let e = sci_io::mminfo_str("%%MatrixMarket matrix coordinate real general\n% c\n3 3\n").unwrap_err();
/// assert_eq!(e.to_string(), "<string>: line 3: size line needs 3 numbers, found 2");
/// ```
pub fn mminfo_str(text: &str) -> Result<MmInfo> {
    Ok(header("<string>", text)?.0)
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(file_err(path))?;
    String::from_utf8(bytes).map_err(|e| IoError::Parse {
        file: path.display().to_string(),
        line: 0,
        reason: format!("not UTF-8 text: {e}"),
    })
}

/// Reads a Matrix Market file into triplets (coordinate files) or a dense array (array
/// files), as SciPy does: symmetric, skew-symmetric and Hermitian files are expanded to the
/// full matrix (mirrored off-diagonal entries appended after the stored ones, in SciPy's
/// order); `real`/`pattern` give `f64` (pattern values are 1), `integer` gives `i64`,
/// `complex` gives `Complex64`. Header words are case-insensitive; `%` comment lines and
/// blank lines are skipped; values may be `nan`, `inf`, `Infinity`, as SciPy writes them.
///
/// The triplets are a [`sprs::TriMat`] (`sci-io` does not depend on `sci-sparse`):
/// `sci_sparse::CooMatrix` / `CsrMatrix` convert from it.
///
/// SciPy equivalent: `scipy.io.mmread(source)` (`coo_array` for coordinate files, `ndarray`
/// for array files).
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be read; [`IoError::Parse`] with the 1-based line
/// number for a malformed header, a bad or out-of-range index, a value that does not parse
/// as the field's type, a wrong number of fields on a line, too few or too many entries.
///
/// # Examples
///
/// ```
/// use sci_io::{mmread, mmwrite, MmMatrix, MmWriteOptions};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_mmread_{}.mtx", std::process::id()));
/// let t = sprs::TriMat::from_triplets((3, 3), vec![0, 2], vec![0, 1], vec![1.5, -2.0]);
/// mmwrite(&path, &t, &MmWriteOptions::default())?;
/// assert_eq!(std::fs::read_to_string(&path)?,
///     "%%MatrixMarket matrix coordinate real general\n%\n3 3 2\n1 1 1.5\n3 2 -2\n");
/// let MmMatrix::SparseReal(back) = mmread(&path)? else { panic!("expected real triplets") };
/// assert_eq!(back, t);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mmread(path: impl AsRef<Path>) -> Result<MmMatrix> {
    let path = path.as_ref();
    let text = read_text(path)?;
    read_all(&path.display().to_string(), &text)
}

/// [`mmread`] of Matrix Market text in memory (the file is named `<string>` in errors).
///
/// SciPy equivalent: `scipy.io.mmread(io.BytesIO(text))`.
///
/// # Errors
///
/// As [`mmread`].
///
/// # Examples
///
/// ```
/// use sci_io::sci_array::ndarray::array;
/// let m = sci_io::mmread_str("%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n")?;
/// assert_eq!(m.to_dense_f64(), Some(array![[1.0, 2.0], [2.0, 3.0]]));
/// let e = sci_io::mmread_str("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n").unwrap_err();
/// assert_eq!(e.to_string(), "<string>: line 3: row index 3 is out of range 1..=2");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn mmread_str(text: &str) -> Result<MmMatrix> {
    read_all("<string>", text)
}

/// A value of one of the three field types, parsed from its tokens.
trait Field: Copy + Default {
    const NTOK: usize;
    fn parse(toks: &[&str]) -> Option<Self>;
    fn neg(self) -> Self;
    fn conj(self) -> Self;
}

fn parse_f64(t: &str) -> Option<f64> {
    t.parse::<f64>().ok()
}

impl Field for f64 {
    const NTOK: usize = 1;
    fn parse(toks: &[&str]) -> Option<Self> {
        parse_f64(toks[0])
    }
    fn neg(self) -> Self {
        -self
    }
    fn conj(self) -> Self {
        self
    }
}

impl Field for i64 {
    const NTOK: usize = 1;
    fn parse(toks: &[&str]) -> Option<Self> {
        toks[0].parse().ok()
    }
    fn neg(self) -> Self {
        self.wrapping_neg()
    }
    fn conj(self) -> Self {
        self
    }
}

impl Field for Complex64 {
    const NTOK: usize = 2;
    fn parse(toks: &[&str]) -> Option<Self> {
        Some(Complex64::new(parse_f64(toks[0])?, parse_f64(toks[1])?))
    }
    fn neg(self) -> Self {
        -self
    }
    fn conj(self) -> Self {
        Complex64::conj(&self)
    }
}

fn read_all(file: &str, text: &str) -> Result<MmMatrix> {
    let (info, mut lines) = header(file, text)?;
    let budget = text.len();
    Ok(match (info.format, info.field) {
        (MmFormat::Coordinate, MmField::Real) => {
            MmMatrix::SparseReal(coo::<f64>(&info, &mut lines, 1, budget)?)
        }
        (MmFormat::Coordinate, MmField::Pattern) => {
            MmMatrix::SparseReal(coo::<f64>(&info, &mut lines, 0, budget)?)
        }
        (MmFormat::Coordinate, MmField::Integer) => {
            MmMatrix::SparseInteger(coo::<i64>(&info, &mut lines, 1, budget)?)
        }
        (MmFormat::Coordinate, MmField::Complex) => {
            MmMatrix::SparseComplex(coo::<Complex64>(&info, &mut lines, 2, budget)?)
        }
        (MmFormat::Array, MmField::Real | MmField::Pattern) => {
            MmMatrix::DenseReal(array::<f64>(&info, &mut lines, budget)?)
        }
        (MmFormat::Array, MmField::Integer) => {
            MmMatrix::DenseInteger(array::<i64>(&info, &mut lines, budget)?)
        }
        (MmFormat::Array, MmField::Complex) => {
            MmMatrix::DenseComplex(array::<Complex64>(&info, &mut lines, budget)?)
        }
    })
}

fn type_name(field: MmField) -> &'static str {
    match field {
        MmField::Integer => "an integer",
        MmField::Complex => "a complex number (two reals)",
        _ => "a real number",
    }
}

/// After the last expected entry, any further data line is an error.
fn expect_end(info: &MmInfo, lines: &mut Lines<'_>, expected: usize) -> Result<()> {
    match lines.next_data() {
        Some((ln, _)) => Err(perr(
            lines.file,
            ln,
            format!(
                "more entries than the {expected} the size line of the {} file announces",
                info.format.as_str()
            ),
        )),
        None => Ok(()),
    }
}

/// Coordinate body with `nval` value tokens per line (0 for pattern).
fn coo<T: Field + num_traits::One>(
    info: &MmInfo,
    lines: &mut Lines<'_>,
    nval: usize,
    budget: usize,
) -> Result<TriMat<T>> {
    debug_assert!(nval == 0 || nval == T::NTOK);
    let file = lines.file;
    let n = info.entries;
    // Each entry needs at least 4 bytes ("1 1\n"): never reserve more than the text can hold.
    let cap = n.min(budget / 4 + 1);
    let (mut rows, mut cols, mut vals) =
        (Vec::with_capacity(cap), Vec::with_capacity(cap), Vec::with_capacity(cap));
    for k in 0..n {
        let (ln, l) = lines.need(&format!("entry {} of {n}", k + 1))?;
        let toks: Vec<&str> = l.split_whitespace().collect();
        if toks.len() != 2 + nval {
            return Err(perr(
                file,
                ln,
                format!(
                    "expected {} fields (row, column{}), found {}",
                    2 + nval,
                    if nval == 0 {
                        ""
                    } else if nval == 1 {
                        ", value"
                    } else {
                        ", real, imaginary"
                    },
                    toks.len()
                ),
            ));
        }
        let idx = |t: &str, what: &str, bound: usize| -> Result<usize> {
            let v = t.parse::<usize>().map_err(|_| perr(file, ln, format!("invalid {what} index {t:?}")))?;
            if v == 0 || v > bound {
                return Err(perr(file, ln, format!("{what} index {v} is out of range 1..={bound}")));
            }
            Ok(v - 1)
        };
        let i = idx(toks[0], "row", info.rows)?;
        let j = idx(toks[1], "column", info.cols)?;
        let v = if nval == 0 {
            T::one()
        } else {
            T::parse(&toks[2..]).ok_or_else(|| {
                perr(
                    file,
                    ln,
                    format!("could not read {:?} as {}", toks[2..].join(" "), type_name(info.field)),
                )
            })?
        };
        rows.push(i);
        cols.push(j);
        vals.push(v);
    }
    expect_end(info, lines, n)?;
    if info.symmetry != MmSymmetry::General {
        // SciPy appends the mirrored off-diagonal entries after the stored ones.
        for k in 0..n {
            let (i, j) = (rows[k], cols[k]);
            if i != j {
                let v = match info.symmetry {
                    MmSymmetry::SkewSymmetric => vals[k].neg(),
                    MmSymmetry::Hermitian => vals[k].conj(),
                    _ => vals[k],
                };
                rows.push(j);
                cols.push(i);
                vals.push(v);
            }
        }
    }
    Ok(TriMat::from_triplets((info.rows, info.cols), rows, cols, vals))
}

/// Array body: column-major values (the lower triangle for symmetric kinds).
fn array<T: Field + Clone + num_traits::Zero>(
    info: &MmInfo,
    lines: &mut Lines<'_>,
    budget: usize,
) -> Result<Array2<T>> {
    let file = lines.file;
    let (m, n) = (info.rows, info.cols);
    let expected = match info.symmetry {
        MmSymmetry::General => m * n,
        MmSymmetry::SkewSymmetric => n * n.saturating_sub(1) / 2,
        _ => n * (n + 1) / 2,
    };
    // Each value needs at least 2 bytes ("1\n"): refuse to allocate for a matrix the text
    // cannot hold.
    if expected > budget / 2 + 1 {
        let (ln, _) = lines.need("the first value")?;
        return Err(perr(
            file,
            ln,
            format!("the file is too short for the {expected} values of a {m} x {n} array"),
        ));
    }
    let mut out = Array2::<T>::zeros((m, n));
    let mut count = 0usize;
    for j in 0..n {
        let start = match info.symmetry {
            MmSymmetry::General => 0,
            MmSymmetry::SkewSymmetric => j + 1,
            _ => j,
        };
        for i in start..m {
            count += 1;
            let (ln, l) = lines.need(&format!("value {count} of {expected}"))?;
            let toks: Vec<&str> = l.split_whitespace().collect();
            if toks.len() != T::NTOK {
                return Err(perr(
                    file,
                    ln,
                    format!(
                        "expected {} field{}, found {}",
                        T::NTOK,
                        if T::NTOK == 1 { "" } else { "s" },
                        toks.len()
                    ),
                ));
            }
            let v = T::parse(&toks).ok_or_else(|| {
                perr(file, ln, format!("could not read {:?} as {}", l, type_name(info.field)))
            })?;
            out[[i, j]] = v;
            if i != j {
                match info.symmetry {
                    MmSymmetry::General => {}
                    MmSymmetry::Symmetric => out[[j, i]] = v,
                    MmSymmetry::SkewSymmetric => out[[j, i]] = v.neg(),
                    MmSymmetry::Hermitian => out[[j, i]] = v.conj(),
                }
            }
        }
    }
    expect_end(info, lines, expected)?;
    Ok(out)
}
