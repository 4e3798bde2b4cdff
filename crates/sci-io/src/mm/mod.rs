//! Matrix Market files (`scipy.io.mmread`, `mmwrite`, `mminfo`).
//!
//! Sparse (coordinate) matrices are read into and written from [`sprs::TriMat`], the triplet
//! type of the external `sprs` engine, so that `sci-io` does not depend on `sci-sparse`;
//! `sci_sparse::CooMatrix` and `CsrMatrix` convert from and to it. Dense (array) matrices are
//! `ndarray` arrays.

mod read;
mod write;

use sci_array::ndarray::Array2;
use sci_array::num_complex::Complex64;
use sprs::TriMat;

pub use read::{mminfo, mminfo_str, mmread, mmread_str};
pub use write::{MmWritable, MmWriteOptions, mmwrite, mmwrite_string};

/// The storage layout of a Matrix Market file: SciPy's `format` string of [`mminfo`].
///
/// # Examples
///
/// ```
/// assert_eq!(sci_io::MmFormat::Coordinate.as_str(), "coordinate");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MmFormat {
    /// Sparse: one `row col value` line per stored entry.
    Coordinate,
    /// Dense: every value in column-major order.
    Array,
}

/// The value type of a Matrix Market file: SciPy's `field` string.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_io::MmField::Pattern.as_str(), "pattern");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MmField {
    /// `real` (`float64`).
    Real,
    /// `integer` (`int64`).
    Integer,
    /// `complex` (`complex128`).
    Complex,
    /// `pattern`: positions only (read as ones, `float64`).
    Pattern,
}

/// The symmetry a Matrix Market file declares: SciPy's `symmetry` string.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_io::MmSymmetry::SkewSymmetric.as_str(), "skew-symmetric");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MmSymmetry {
    /// Every entry is stored.
    General,
    /// `a[j, i] == a[i, j]`; only the lower triangle is stored.
    Symmetric,
    /// `a[j, i] == -a[i, j]` and a zero diagonal; only the strict lower triangle is stored.
    SkewSymmetric,
    /// `a[j, i] == conj(a[i, j])`; only the lower triangle is stored.
    Hermitian,
}

macro_rules! names {
    ($ty:ident { $($v:ident => $s:literal),* $(,)? }) => {
        impl $ty {
            /// The keyword as it appears in the file header (and in SciPy's `mminfo`).
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("assert_eq!(sci_io::", stringify!($ty), "::from_keyword(\"", $($s,)* "\"), None);")]
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$v => $s),* }
            }

            /// Parses a header keyword (case-insensitive); `None` when it is not one of this type.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("let all = [", $("sci_io::", stringify!($ty), "::", stringify!($v), ", ",)* "];")]
            /// for v in all {
            #[doc = concat!("    assert_eq!(sci_io::", stringify!($ty), "::from_keyword(&v.as_str().to_uppercase()), Some(v));")]
            /// }
            /// ```
            pub fn from_keyword(s: &str) -> Option<Self> {
                let s = s.to_ascii_lowercase();
                $(if s == $s { return Some($ty::$v); })*
                None
            }
        }
    };
}

names!(MmFormat { Coordinate => "coordinate", Array => "array" });
names!(MmField { Real => "real", Integer => "integer", Complex => "complex", Pattern => "pattern" });
names!(MmSymmetry {
    General => "general",
    Symmetric => "symmetric",
    SkewSymmetric => "skew-symmetric",
    Hermitian => "hermitian",
});

/// What the header and size line of a Matrix Market file say: SciPy's
/// `(rows, cols, entries, format, field, symmetry)` tuple from `mminfo`.
///
/// `entries` is the number of stored entries for a coordinate file and `rows * cols` for an
/// array file, as in SciPy.
///
/// # Examples
///
/// ```
/// use sci_io::{mminfo_str, MmField, MmFormat, MmSymmetry};
/// let info = mminfo_str("%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n2 1 5.0\n")?;
/// assert_eq!((info.rows, info.cols, info.entries), (3, 3, 1));
/// assert_eq!((info.format, info.field, info.symmetry), (MmFormat::Coordinate, MmField::Real, MmSymmetry::Symmetric));
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MmInfo {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Stored entries (coordinate) or `rows * cols` (array).
    pub entries: usize,
    /// Coordinate or array.
    pub format: MmFormat,
    /// Value type.
    pub field: MmField,
    /// Declared symmetry.
    pub symmetry: MmSymmetry,
}

/// A matrix read from a Matrix Market file, typed as SciPy types it: coordinate files give
/// triplets (SciPy's `coo_array`; symmetric files expanded, the mirrored off-diagonal entries
/// appended after the stored ones exactly as SciPy orders them), array files a dense array;
/// `real` and `pattern` give `f64` (pattern values are ones), `integer` `i64`, `complex`
/// `Complex64`.
///
/// # Examples
///
/// ```
/// use sci_io::{mmread_str, MmMatrix};
/// let m = mmread_str("%%MatrixMarket matrix coordinate integer general\n2 2 1\n2 1 7\n")?;
/// let MmMatrix::SparseInteger(t) = &m else { panic!("expected integer triplets") };
/// assert_eq!((t.row_inds(), t.col_inds(), t.data()), (&[1][..], &[0][..], &[7][..]));
/// assert_eq!(m.shape(), (2, 2));
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, PartialEq)]
pub enum MmMatrix {
    /// A `coordinate real` or `coordinate pattern` file.
    SparseReal(TriMat<f64>),
    /// A `coordinate integer` file.
    SparseInteger(TriMat<i64>),
    /// A `coordinate complex` file.
    SparseComplex(TriMat<Complex64>),
    /// An `array real` file.
    DenseReal(Array2<f64>),
    /// An `array integer` file.
    DenseInteger(Array2<i64>),
    /// An `array complex` file.
    DenseComplex(Array2<Complex64>),
}

impl MmMatrix {
    /// `(rows, cols)`.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = sci_io::mmread_str("%%MatrixMarket matrix array real general\n2 3\n1\n2\n3\n4\n5\n6\n")?;
    /// assert_eq!(m.shape(), (2, 3));
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn shape(&self) -> (usize, usize) {
        match self {
            MmMatrix::SparseReal(t) => t.shape(),
            MmMatrix::SparseInteger(t) => t.shape(),
            MmMatrix::SparseComplex(t) => t.shape(),
            MmMatrix::DenseReal(a) => a.dim(),
            MmMatrix::DenseInteger(a) => a.dim(),
            MmMatrix::DenseComplex(a) => a.dim(),
        }
    }

    /// Whether the file was in coordinate (sparse) format.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = sci_io::mmread_str("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 2\n")?;
    /// assert!(m.is_sparse());
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn is_sparse(&self) -> bool {
        matches!(self, MmMatrix::SparseReal(_) | MmMatrix::SparseInteger(_) | MmMatrix::SparseComplex(_))
    }

    /// The dense matrix as complex numbers, whatever the field (duplicates add up).
    ///
    /// SciPy equivalent: `mmread(f).toarray().astype(complex)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::sci_array::num_complex::Complex64;
    /// let m = sci_io::mmread_str("%%MatrixMarket matrix coordinate complex hermitian\n2 2 1\n2 1 1 2\n")?;
    /// let d = m.to_dense_c64();
    /// assert_eq!((d[[1, 0]], d[[0, 1]]), (Complex64::new(1.0, 2.0), Complex64::new(1.0, -2.0)));
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn to_dense_c64(&self) -> Array2<Complex64> {
        match self {
            MmMatrix::SparseReal(t) => dense_of(t, |v| Complex64::new(v, 0.0)),
            MmMatrix::SparseInteger(t) => dense_of(t, |v| Complex64::new(v as f64, 0.0)),
            MmMatrix::SparseComplex(t) => dense_of(t, |v| v),
            MmMatrix::DenseReal(a) => a.mapv(|v| Complex64::new(v, 0.0)),
            MmMatrix::DenseInteger(a) => a.mapv(|v| Complex64::new(v as f64, 0.0)),
            MmMatrix::DenseComplex(a) => a.clone(),
        }
    }

    /// The dense matrix as `f64` for a real, integer or pattern file (duplicates add up);
    /// `None` for a complex one.
    ///
    /// SciPy equivalent: `mmread(f).toarray()` (and `np.asarray(mmread(f), float)` for arrays).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_io::sci_array::ndarray::array;
    /// let m = sci_io::mmread_str("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 3.5\n")?;
    /// assert_eq!(m.to_dense_f64(), Some(array![[0.0, -3.5], [3.5, 0.0]]));
    /// # Ok::<(), sci_io::IoError>(())
    /// ```
    pub fn to_dense_f64(&self) -> Option<Array2<f64>> {
        match self {
            MmMatrix::SparseReal(t) => Some(dense_of(t, |v| v)),
            MmMatrix::SparseInteger(t) => Some(dense_of(t, |v| v as f64)),
            MmMatrix::DenseReal(a) => Some(a.clone()),
            MmMatrix::DenseInteger(a) => Some(a.mapv(|v| v as f64)),
            MmMatrix::SparseComplex(_) | MmMatrix::DenseComplex(_) => None,
        }
    }
}

fn dense_of<T: Copy, U: Clone + num_traits::Zero + std::ops::AddAssign>(
    t: &TriMat<T>,
    f: impl Fn(T) -> U,
) -> Array2<U> {
    let mut out = Array2::<U>::zeros(t.shape());
    for ((&v, &i), &j) in t.data().iter().zip(t.row_inds()).zip(t.col_inds()) {
        out[[i, j]] += f(v);
    }
    out
}
