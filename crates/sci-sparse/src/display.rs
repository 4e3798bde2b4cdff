//! SciPy-style `Display` of the sparse formats: a header, then `(row, col)\tvalue` lines
//! (the first and last 25 when there are more than 50 entries).

use std::fmt;

use crate::scalar::SparseScalar;
use crate::{CooMatrix, CscMatrix, CsrMatrix};

/// NumPy's name of the element type.
fn dtype<T>() -> &'static str {
    let t = std::any::type_name::<T>();
    match t {
        "f64" => "float64",
        "f32" => "float32",
        "i64" => "int64",
        "i32" => "int32",
        "i16" => "int16",
        "i8" => "int8",
        "u64" => "uint64",
        "u32" => "uint32",
        "u16" => "uint16",
        "u8" => "uint8",
        _ if t.ends_with("Complex<f64>") => "complex128",
        _ if t.ends_with("Complex<f32>") => "complex64",
        _ => t,
    }
}

const MAXPRINT: usize = 50;

fn write_sparse<T: fmt::Debug>(
    f: &mut fmt::Formatter<'_>,
    kind: &str,
    shape: (usize, usize),
    entries: &[(usize, usize, T)],
) -> fmt::Result {
    write!(
        f,
        "<{kind} sparse array of dtype '{}'\n\twith {} stored elements and shape ({}, {})>",
        dtype::<T>(),
        entries.len(),
        shape.0,
        shape.1
    )?;
    if entries.is_empty() {
        return Ok(());
    }
    write!(f, "\n  Coords\tValues")?;
    let half = MAXPRINT / 2;
    let truncated = entries.len() > MAXPRINT;
    for (k, (i, j, v)) in entries.iter().enumerate() {
        if truncated && k >= half && k < entries.len() - half {
            if k == half {
                write!(f, "\n  :\t:")?;
            }
            continue;
        }
        write!(f, "\n  ({i}, {j})\t{v:?}")?;
    }
    Ok(())
}

/// Prints like SciPy's `str(A)` (values in Rust's `Debug` format).
///
/// # Examples
///
/// ```
/// let a = sci_sparse::CsrMatrix::from_triplets(&[1.0, 2.0], &[0, 1], &[1, 0], (2, 2))?;
/// assert_eq!(
///     a.to_string(),
///     "<Compressed Sparse Row sparse array of dtype 'float64'\n\twith 2 stored elements and shape (2, 2)>\n  Coords\tValues\n  (0, 1)\t1.0\n  (1, 0)\t2.0"
/// );
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
impl<T: SparseScalar> fmt::Display for CsrMatrix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.tocoo();
        let e: Vec<_> = (0..c.nnz()).map(|k| (c.row()[k], c.col()[k], c.data()[k])).collect();
        write_sparse(f, "Compressed Sparse Row", self.shape(), &e)
    }
}

/// Prints like SciPy's `str(A)`: entries in column order.
///
/// # Examples
///
/// ```
/// let a = sci_sparse::CscMatrix::<f64>::eye(2, 2, 0);
/// assert!(a.to_string().starts_with("<Compressed Sparse Column sparse array of dtype 'float64'"));
/// assert!(a.to_string().ends_with("(1, 1)\t1.0"));
/// ```
impl<T: SparseScalar> fmt::Display for CscMatrix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.tocoo();
        let e: Vec<_> = (0..c.nnz()).map(|k| (c.row()[k], c.col()[k], c.data()[k])).collect();
        write_sparse(f, "Compressed Sparse Column", self.shape(), &e)
    }
}

/// Prints like SciPy's `str(A)`.
///
/// # Examples
///
/// ```
/// let a = sci_sparse::CooMatrix::<i64>::new(vec![], vec![], vec![], (2, 3))?;
/// assert_eq!(a.to_string(), "<COOrdinate sparse array of dtype 'int64'\n\twith 0 stored elements and shape (2, 3)>");
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
impl<T: SparseScalar> fmt::Display for CooMatrix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e: Vec<_> = (0..self.nnz()).map(|k| (self.row()[k], self.col()[k], self.data()[k])).collect();
        write_sparse(f, "COOrdinate", self.shape(), &e)
    }
}
