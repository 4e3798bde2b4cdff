//! Harwell-Boeing files (`scipy.io.hb_read`, `hb_write`): real unsymmetric assembled
//! matrices in compressed sparse column form.

use std::fmt::Write as _;
use std::path::Path;

use sprs::CsMat;

use crate::error::{IoError, Result, file_err};

fn perr(file: &str, line: usize, reason: impl Into<String>) -> IoError {
    IoError::Parse { file: file.to_string(), line, reason: reason.into() }
}

/// Options of [`hb_write`]: the two header strings SciPy's `HBInfo` fills by default.
///
/// # Examples
///
/// ```
/// let o = sci_io::HbWriteOptions::default();
/// assert_eq!((o.title.as_str(), o.key.as_str()), ("Default title", "0"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HbWriteOptions {
    /// Title (first 72 characters of the first line).
    pub title: String,
    /// Key (8 characters after the title).
    pub key: String,
}

impl Default for HbWriteOptions {
    fn default() -> Self {
        HbWriteOptions { title: "Default title".into(), key: "0".into() }
    }
}

/// Number of decimal digits of `n` (at least 1).
fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// Writes values `width` characters wide, `per_line` to a line.
fn write_block(out: &mut String, items: &[String], per_line: usize) {
    for chunk in items.chunks(per_line.max(1)) {
        for s in chunk {
            out.push_str(s);
        }
        out.push('\n');
    }
}

/// Harwell-Boeing text of a real matrix, byte for byte as SciPy's `hb_write`: the header
/// (title, card counts, `RUA`, sizes, Fortran formats `(nIw)` chosen from the largest pointer
/// and index, `(3E25.16)` for the values) and the column pointers, row indices (1-based) and
/// values in compressed sparse column order.
///
/// SciPy equivalent: `scipy.io.hb_write(io.StringIO(), m)`.
///
/// # Errors
///
/// None in practice (`Result` for symmetry with [`hb_write`]).
///
/// # Examples
///
/// ```
/// use sci_io::{hb_write_string, HbWriteOptions};
/// let m = sprs::CsMat::new_csc((2, 2), vec![0, 1, 2], vec![0, 1], vec![1.5, -2.0]);
/// let s = hb_write_string(&m, &HbWriteOptions::default())?;
/// assert!(s.ends_with("(40I2)          (40I2)          (3E25.16)           \n 1 2 3\n 1 2\n  1.5000000000000000E+00 -2.0000000000000000E+00\n"));
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn hb_write_string(m: &CsMat<f64>, opts: &HbWriteOptions) -> Result<String> {
    let csc = m.to_csc();
    let (nrows, ncols) = csc.shape();
    let ptr: Vec<usize> = csc.indptr().to_proper().iter().map(|p| p + 1).collect();
    let ind: Vec<usize> = csc.indices().iter().map(|i| i + 1).collect();
    let val = csc.data();
    let nnz = val.len();
    let int_fmt = |max: usize| {
        let w = digits(max) + 1;
        (w, 80 / w)
    };
    let (pw, prep) = int_fmt(ptr.iter().copied().max().unwrap_or(1));
    let (iw, irep) = int_fmt(ind.iter().copied().max().unwrap_or(1));
    // ExpFormat for float64: 16 significant digits, 4 exponent digits, a sign: width 25,
    // 3 per line; Python's "%24.16E" writes them.
    let (vw, vprec, vrep) = (25usize, 16usize, 3usize);
    let ptr_s: Vec<String> = ptr.iter().map(|p| format!("{p:>pw$}")).collect();
    let ind_s: Vec<String> = ind.iter().map(|i| format!("{i:>iw$}")).collect();
    let val_s: Vec<String> = val
        .iter()
        .map(|&v| {
            let s = format!("{:.*E}", vprec, v);
            let (mant, exp) = s.split_once('E').unwrap_or((&s, "0"));
            let (sign, d) = exp.strip_prefix('-').map_or(("+", exp), |d| ("-", d));
            format!("{:>w$}", format!("{mant}E{sign}{d:0>2}"), w = vw - 1)
        })
        .collect();
    let cards = |n: usize, per: usize| n.div_ceil(per.max(1));
    let (ptrcrd, indcrd, valcrd) = (cards(ptr.len(), prep), cards(nnz, irep), cards(nnz, vrep));
    let totcrd = ptrcrd + indcrd + valcrd;
    let mut out = String::new();
    let title: String = opts.title.chars().take(72).collect();
    let key: String = opts.key.chars().take(8).collect();
    let _ = writeln!(out, "{title:<72}{key:<8}");
    let _ = writeln!(out, "{totcrd:>14}{ptrcrd:>14}{indcrd:>14}{valcrd:>14}");
    let _ = writeln!(out, "{:<14}{nrows:>14}{ncols:>14}{nnz:>14}{:>14}", "RUA", 0);
    let pf = format!("({prep}I{pw})");
    let inf = format!("({irep}I{iw})");
    let vf = format!("({vrep}E{vw}.{vprec})");
    let _ = writeln!(out, "{pf:<16}{inf:<16}{vf:<20}");
    write_block(&mut out, &ptr_s, prep);
    write_block(&mut out, &ind_s, irep);
    write_block(&mut out, &val_s, vrep);
    Ok(out)
}

/// Writes a real sparse matrix to a Harwell-Boeing file (see [`hb_write_string`]).
///
/// SciPy equivalent: `scipy.io.hb_write(path, m)`.
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be written.
///
/// # Examples
///
/// ```
/// use sci_io::{hb_read, hb_write, HbWriteOptions};
/// let path = std::env::temp_dir().join(format!("sci_io_doc_hb_{}.rua", std::process::id()));
/// let m = sprs::CsMat::new_csc((3, 2), vec![0, 2, 3], vec![0, 2, 1], vec![1.0, 2.0, 1e-300]);
/// hb_write(&path, &m, &HbWriteOptions::default())?;
/// assert_eq!(hb_read(&path)?, m);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hb_write(path: impl AsRef<Path>, m: &CsMat<f64>, opts: &HbWriteOptions) -> Result<()> {
    let path = path.as_ref();
    std::fs::write(path, hb_write_string(m, opts)?).map_err(file_err(path))
}

/// Reads a real unsymmetric assembled (`RUA`) Harwell-Boeing matrix into a CSC
/// [`sprs::CsMat`] (`sci-io` does not depend on `sci-sparse`; `sci_sparse::CsrMatrix::from_sprs`
/// converts it). As SciPy, the pointer, index and value cards are read as
/// whitespace-separated numbers (Fortran `D` exponents are accepted too).
///
/// SciPy equivalent: `scipy.io.hb_read(path)`.
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be read; [`IoError::Parse`] with the line number
/// for a malformed header, a type other than real unsymmetric assembled, right-hand sides,
/// a number that does not parse, or pointers, indices and values that do not make a valid
/// compressed matrix.
///
/// # Examples
///
/// ```
/// let text = "title                                                                   key     \n\
///              3             1             1             1\n\
/// RUA                        2             2             2             0\n\
/// (3I3)           (2I3)           (2E20.12)           \n  1  2  3\n  2  1\n  5.0E+00  -1.0D+00\n";
/// let m = sci_io::hb_read_str(text)?;
/// assert_eq!(m.to_dense(), sci_io::sci_array::ndarray::array![[0.0, -1.0], [5.0, 0.0]]);
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn hb_read(path: impl AsRef<Path>) -> Result<CsMat<f64>> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(file_err(path))?;
    let text = String::from_utf8_lossy(&bytes);
    read_all(&path.display().to_string(), &text)
}

/// [`hb_read`] of text in memory (the file is named `<string>` in errors).
///
/// SciPy equivalent: `scipy.io.hb_read(io.StringIO(text))`.
///
/// # Errors
///
/// As [`hb_read`].
///
/// # Examples
///
/// ```
/// let e = sci_io::hb_read_str("title\n 3 1 1 1\nRSA 2 2 2 0\n(3I3) (2I3) (2E20.12)\n").unwrap_err();
/// assert_eq!(e.to_string(), "<string>: line 3: only real unsymmetric assembled (RUA) matrices are supported, got RSA");
/// ```
pub fn hb_read_str(text: &str) -> Result<CsMat<f64>> {
    read_all("<string>", text)
}

fn ints(file: &str, line: usize, s: &str) -> Result<Vec<usize>> {
    s.split_whitespace()
        .map(|t| t.parse::<usize>().map_err(|_| perr(file, line, format!("invalid integer {t:?}"))))
        .collect()
}

fn read_all(file: &str, text: &str) -> Result<CsMat<f64>> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() < 4 {
        return Err(perr(file, lines.len() + 1, "file ends inside the 4-line header"));
    }
    let counts = ints(file, 2, lines[1])?;
    if counts.len() < 4 {
        return Err(perr(file, 2, format!("expected 4 or 5 card counts, found {}", counts.len())));
    }
    let (ptrcrd, indcrd, valcrd) = (counts[1], counts[2], counts[3]);
    let rhscrd = counts.get(4).copied().unwrap_or(0);
    let l3 = lines[2];
    let mxtype: String = l3.chars().take(3).collect::<String>().to_ascii_uppercase();
    if mxtype != "RUA" {
        return Err(perr(
            file,
            3,
            format!("only real unsymmetric assembled (RUA) matrices are supported, got {}", mxtype.trim()),
        ));
    }
    let sizes = ints(file, 3, l3.get(3..).unwrap_or(""))?;
    if sizes.len() < 3 {
        return Err(perr(file, 3, format!("expected nrows, ncols, nnz, found {} numbers", sizes.len())));
    }
    let (nrows, ncols, nnz) = (sizes[0], sizes[1], sizes[2]);
    if rhscrd > 0 {
        return Err(perr(file, 5, "right-hand sides are not supported (as in SciPy)"));
    }
    let mut at = 4usize;
    let mut take = |n: usize, what: &str| -> Result<(usize, String)> {
        if at + n > lines.len() {
            return Err(perr(
                file,
                lines.len() + 1,
                format!("file ends inside the {what} ({n} lines announced)"),
            ));
        }
        let s = lines[at..at + n].join(" ");
        at += n;
        Ok((at - n + 1, s))
    };
    let (lp, ps) = take(ptrcrd, "column pointers")?;
    let (li, is) = take(indcrd, "row indices")?;
    let (lv, vs) = take(valcrd, "values")?;
    let ptr = ints(file, lp, &ps)?;
    let ind = ints(file, li, &is)?;
    let val: Vec<f64> = vs
        .split_whitespace()
        .map(|t| {
            t.replace(['D', 'd'], "E")
                .parse::<f64>()
                .map_err(|_| perr(file, lv, format!("invalid value {t:?}")))
        })
        .collect::<Result<_>>()?;
    if ptr.len() != ncols + 1 {
        return Err(perr(file, lp, format!("expected {} column pointers, found {}", ncols + 1, ptr.len())));
    }
    if ind.len() != nnz || val.len() != nnz {
        return Err(perr(
            file,
            li,
            format!("expected {nnz} row indices and values, found {} and {}", ind.len(), val.len()),
        ));
    }
    if ptr[0] != 1 || ptr.windows(2).any(|w| w[1] < w[0]) || ptr[ncols] != nnz + 1 {
        return Err(perr(file, lp, "column pointers must start at 1, not decrease and end at nnz + 1"));
    }
    if let Some(&bad) = ind.iter().find(|&&i| i == 0 || i > nrows) {
        return Err(perr(file, li, format!("row index {bad} is out of range 1..={nrows}")));
    }
    let indptr: Vec<usize> = ptr.iter().map(|p| p - 1).collect();
    let indices: Vec<usize> = ind.iter().map(|i| i - 1).collect();
    // sprs needs sorted indices within a column: sort each column (values follow)
    let mut idx = indices;
    let mut data = val;
    for c in 0..ncols {
        let (a, b) = (indptr[c], indptr[c + 1]);
        let mut pairs: Vec<(usize, f64)> =
            idx[a..b].iter().copied().zip(data[a..b].iter().copied()).collect();
        pairs.sort_by_key(|p| p.0);
        if pairs.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(perr(file, li, format!("column {} repeats a row index", c + 1)));
        }
        for (k, (i, v)) in pairs.into_iter().enumerate() {
            idx[a + k] = i;
            data[a + k] = v;
        }
    }
    CsMat::try_new_csc((nrows, ncols), indptr, idx, data)
        .map_err(|(_, _, _, e)| perr(file, lp, format!("invalid compressed matrix: {e}")))
}
