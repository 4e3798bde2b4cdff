//! Writing Matrix Market files: `mmwrite`.

use std::fmt::Write as _;
use std::path::Path;

use sci_array::ndarray::{ArrayBase, Data, Ix2};
use sci_array::num_complex::{Complex32, Complex64};
use sprs::{CsMat, TriMat};

use super::{MmField, MmFormat, MmMatrix, MmSymmetry};
use crate::error::{IoError, Result, file_err};

/// Options of [`mmwrite`] (SciPy's keyword arguments).
///
/// # Examples
///
/// ```
/// use sci_io::{mmwrite_string, MmField, MmWriteOptions};
/// use sci_io::sci_array::ndarray::array;
/// let o = MmWriteOptions { field: Some(MmField::Integer), comment: "ints".into(), ..Default::default() };
/// assert_eq!(mmwrite_string(&array![[1.7, -2.7]], &o)?,
///     "%%MatrixMarket matrix array integer general\n%ints\n1 2\n1\n-2\n");
/// # Ok::<(), sci_io::IoError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MmWriteOptions {
    /// Comment written after the header, one `%` line per line of text (SciPy `comment`).
    pub comment: String,
    /// Field to write (SciPy `field`): `None` takes it from the element type (floats `real`,
    /// integers `integer`, complex `complex`); `Integer` truncates floats toward zero (NaN and
    /// out-of-range values become `i64::MIN`, as NumPy's cast does on x86-64), `Real` drops
    /// imaginary parts, `Pattern` writes positions only (ignored for dense arrays, as SciPy).
    pub field: Option<MmField>,
    /// Significant digits for floating-point values (SciPy `precision`, printed as C's
    /// `%.{precision-1}e`); `None` writes the shortest representation that reads back exactly.
    pub precision: Option<usize>,
    /// Symmetry to declare (SciPy `symmetry`): only the lower triangle (the strict lower
    /// triangle for a dense skew-symmetric matrix) is then written. `None` is SciPy's
    /// default `"AUTO"`: the symmetry is detected for matrices with fewer than 100 rows and
    /// columns, else `general`.
    pub symmetry: Option<MmSymmetry>,
    /// With `symmetry: None`, detect the symmetry whatever the size (SciPy `symmetry=None`).
    pub find_symmetry: bool,
}

/// A matrix [`mmwrite`] can write: dense 2-d arrays (any layout, written in array format) of
/// `f64`, `f32`, `i64`, `i32`, `Complex64`, `Complex32`; `sprs::TriMat` and `sprs::CsMat` of
/// those types (coordinate format; the triplets are written in their stored order, the
/// compressed matrix in storage order); an [`MmMatrix`] read by [`mmread`](super::mmread).
///
/// `sci_sparse` matrices convert to `sprs::TriMat`.
///
/// # Examples
///
/// ```
/// use sci_io::{mmwrite_string, MmWriteOptions};
/// let c = sprs::CsMat::<f64>::eye(2);
/// assert_eq!(mmwrite_string(&c, &MmWriteOptions::default())?,
///     "%%MatrixMarket matrix coordinate real symmetric\n%\n2 2 2\n1 1 1\n2 2 1\n");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub trait MmWritable: sealed::Sealed {}

mod sealed {
    use super::Body;
    pub trait Sealed {
        fn body(&self) -> Body;
    }
}

/// Values of one element type.
#[derive(Debug, Clone)]
pub enum Vals {
    F64(Vec<f64>),
    F32(Vec<f32>),
    I64(Vec<i64>),
    I32(Vec<i32>),
    C64(Vec<Complex64>),
    C32(Vec<Complex32>),
}

/// What gets written: dense values in row-major order, or triplets.
#[derive(Debug, Clone)]
pub struct Body {
    shape: (usize, usize),
    coords: Option<(Vec<usize>, Vec<usize>)>,
    vals: Vals,
}

/// An element type that can be written.
pub trait Val: Copy + PartialEq + Send + Sync + 'static {
    const COMPLEX: bool;
    fn into_vals(v: Vec<Self>) -> Vals;
    fn zero() -> Self;
    fn neg(self) -> Self;
    fn conj(self) -> Self;
    fn add(self, o: Self) -> Self;
    fn write(self, out: &mut String, precision: Option<usize>);
    fn to_c64(self) -> Complex64;
}

fn write_float(out: &mut String, v: f64, shortest: impl FnOnce(&mut String), precision: Option<usize>) {
    if v.is_nan() {
        out.push_str(if precision.is_some() { "nan" } else { "NaN" });
    } else if v.is_infinite() {
        out.push_str(if v > 0.0 { "Infinity" } else { "-Infinity" });
    } else if let Some(p) = precision {
        // C's %.{p-1}e: mantissa, 'e', sign, at least two exponent digits.
        let s = format!("{:.*e}", p.saturating_sub(1), v);
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let (sign, digits) = exp.strip_prefix('-').map_or(("+", exp), |d| ("-", d));
        let _ = write!(out, "{mant}e{sign}{digits:0>2}");
    } else {
        // The shortest digits that read back exactly, as Ryu's d2s writes them (what SciPy's
        // fast_matrix_market uses), with its "E0" suffix dropped.
        let start = out.len();
        shortest(out);
        if out.ends_with("E0") {
            out.truncate(out.len() - 2);
        }
        debug_assert!(out.len() > start);
    }
}

macro_rules! real_val {
    ($t:ty, $var:ident) => {
        impl Val for $t {
            const COMPLEX: bool = false;
            fn into_vals(v: Vec<Self>) -> Vals {
                Vals::$var(v)
            }
            fn zero() -> Self {
                0.0
            }
            fn neg(self) -> Self {
                -self
            }
            fn conj(self) -> Self {
                self
            }
            fn add(self, o: Self) -> Self {
                self + o
            }
            fn write(self, out: &mut String, precision: Option<usize>) {
                write_float(
                    out,
                    self as f64,
                    |o| {
                        let _ = write!(o, "{:E}", self);
                    },
                    precision,
                );
            }
            fn to_c64(self) -> Complex64 {
                Complex64::new(self as f64, 0.0)
            }
        }
    };
}
real_val!(f64, F64);
real_val!(f32, F32);

macro_rules! int_val {
    ($t:ty, $var:ident) => {
        impl Val for $t {
            const COMPLEX: bool = false;
            fn into_vals(v: Vec<Self>) -> Vals {
                Vals::$var(v)
            }
            fn zero() -> Self {
                0
            }
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            fn conj(self) -> Self {
                self
            }
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn write(self, out: &mut String, _precision: Option<usize>) {
                let _ = write!(out, "{self}");
            }
            fn to_c64(self) -> Complex64 {
                Complex64::new(self as f64, 0.0)
            }
        }
    };
}
int_val!(i64, I64);
int_val!(i32, I32);

macro_rules! complex_val {
    ($t:ty, $var:ident) => {
        impl Val for $t {
            const COMPLEX: bool = true;
            fn into_vals(v: Vec<Self>) -> Vals {
                Vals::$var(v)
            }
            fn zero() -> Self {
                <$t>::new(0.0, 0.0)
            }
            fn neg(self) -> Self {
                -self
            }
            fn conj(self) -> Self {
                <$t>::conj(&self)
            }
            fn add(self, o: Self) -> Self {
                self + o
            }
            fn write(self, out: &mut String, precision: Option<usize>) {
                self.re.write(out, precision);
                out.push(' ');
                self.im.write(out, precision);
            }
            fn to_c64(self) -> Complex64 {
                Complex64::new(self.re as f64, self.im as f64)
            }
        }
    };
}
complex_val!(Complex64, C64);
complex_val!(Complex32, C32);

/// Runs a generic body on whichever element type `vals` holds.
macro_rules! with_vals {
    ($vals:expr, $v:ident => $e:expr) => {
        match $vals {
            Vals::F64($v) => $e,
            Vals::F32($v) => $e,
            Vals::I64($v) => $e,
            Vals::I32($v) => $e,
            Vals::C64($v) => $e,
            Vals::C32($v) => $e,
        }
    };
}

impl<E: Val, S: Data<Elem = E>> sealed::Sealed for ArrayBase<S, Ix2> {
    fn body(&self) -> Body {
        Body { shape: self.dim(), coords: None, vals: E::into_vals(self.iter().copied().collect()) }
    }
}
impl<E: Val, S: Data<Elem = E>> MmWritable for ArrayBase<S, Ix2> {}

impl<E: Val> sealed::Sealed for TriMat<E> {
    fn body(&self) -> Body {
        Body {
            shape: self.shape(),
            coords: Some((self.row_inds().to_vec(), self.col_inds().to_vec())),
            vals: E::into_vals(self.data().to_vec()),
        }
    }
}
impl<E: Val> MmWritable for TriMat<E> {}

impl<E: Val> sealed::Sealed for CsMat<E> {
    fn body(&self) -> Body {
        let (mut r, mut c, mut v) =
            (Vec::with_capacity(self.nnz()), Vec::with_capacity(self.nnz()), Vec::new());
        for (&x, (i, j)) in self.iter() {
            r.push(i);
            c.push(j);
            v.push(x);
        }
        Body { shape: self.shape(), coords: Some((r, c)), vals: E::into_vals(v) }
    }
}
impl<E: Val> MmWritable for CsMat<E> {}

impl sealed::Sealed for MmMatrix {
    fn body(&self) -> Body {
        match self {
            MmMatrix::SparseReal(t) => t.body(),
            MmMatrix::SparseInteger(t) => t.body(),
            MmMatrix::SparseComplex(t) => t.body(),
            MmMatrix::DenseReal(a) => a.body(),
            MmMatrix::DenseInteger(a) => a.body(),
            MmMatrix::DenseComplex(a) => a.body(),
        }
    }
}
impl MmWritable for MmMatrix {}

/// SciPy's `MMFile._get_symmetry` on a dense row-major matrix, including its quirk that a
/// nonzero diagonal entry met while skew-symmetry is still possible skips the other tests.
fn dense_symmetry<T: Val>(v: &[T], n: usize) -> MmSymmetry {
    let pairs =
        (0..n).flat_map(|j| (j..n).map(move |i| (i, j))).map(|(i, j)| (v[i * n + j], v[j * n + i], i == j));
    detect(pairs)
}

fn detect<T: Val>(pairs: impl Iterator<Item = (T, T, bool)>) -> MmSymmetry {
    let (mut symm, mut skew, mut herm) = (true, true, T::COMPLEX);
    for (aij, aji, diag) in pairs {
        if skew && diag && aij != T::zero() {
            skew = false;
        } else {
            if symm && aij != aji {
                symm = false;
            }
            if skew && aij != aji.neg() {
                skew = false;
            }
            if herm && aij != aji.conj() {
                herm = false;
            }
        }
        if !(symm || skew || herm) {
            break;
        }
    }
    if symm {
        MmSymmetry::Symmetric
    } else if skew {
        MmSymmetry::SkewSymmetric
    } else if herm {
        MmSymmetry::Hermitian
    } else {
        MmSymmetry::General
    }
}

/// Sorts triplets row-major and sums duplicates (SciPy's in-place `sum_duplicates`, which its
/// symmetry search triggers).
fn canonicalize<T: Val>(r: &mut Vec<usize>, c: &mut Vec<usize>, v: &mut Vec<T>) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by_key(|&k| (r[k], c[k]));
    let (mut r2, mut c2, mut v2): (Vec<usize>, Vec<usize>, Vec<T>) = (Vec::new(), Vec::new(), Vec::new());
    for k in order {
        if r2.last() == Some(&r[k]) && c2.last() == Some(&c[k]) {
            let last = v2.len() - 1;
            v2[last] = v2[last].add(v[k]);
        } else {
            r2.push(r[k]);
            c2.push(c[k]);
            v2.push(v[k]);
        }
    }
    (*r, *c, *v) = (r2, c2, v2);
}

/// SciPy's symmetry search on (canonical) triplets.
fn sparse_symmetry<T: Val>(r: &[usize], c: &[usize], v: &[T]) -> MmSymmetry {
    let nz = |k: &usize| v[*k] != T::zero();
    let lower = (0..v.len()).filter(|k| nz(k) && r[*k] > c[*k]).count();
    let upper = (0..v.len()).filter(|k| nz(k) && r[*k] < c[*k]).count();
    if lower != upper {
        return MmSymmetry::General;
    }
    let pos: std::collections::HashMap<(usize, usize), T> =
        (0..v.len()).map(|k| ((r[k], c[k]), v[k])).collect();
    let pairs = (0..v.len()).filter(|&k| r[k] >= c[k]).map(|k| {
        let (i, j) = (r[k], c[k]);
        if i == j {
            (v[k], v[k], true)
        } else {
            (v[k], pos.get(&(j, i)).copied().unwrap_or(T::zero()), false)
        }
    });
    detect(pairs)
}

/// Applies `opts.field` to the values (SciPy's `_apply_field`).
fn apply_field(vals: Vals, field: Option<MmField>) -> Vals {
    fn to_i64(x: f64) -> i64 {
        // NumPy's float -> int64 cast on x86-64: truncation, i64::MIN when out of range or NaN.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
        if !(-LIMIT..LIMIT).contains(&x) { i64::MIN } else { x as i64 }
    }
    match field {
        None | Some(MmField::Pattern) => vals,
        Some(MmField::Real) => match vals {
            Vals::F64(v) => Vals::F64(v),
            other => Vals::F64(with_vals!(other, v => v.into_iter().map(|x| x.to_c64().re).collect())),
        },
        Some(MmField::Integer) => match vals {
            Vals::I64(v) => Vals::I64(v),
            Vals::I32(v) => Vals::I64(v.into_iter().map(i64::from).collect()),
            other => {
                Vals::I64(with_vals!(other, v => v.into_iter().map(|x| to_i64(x.to_c64().re)).collect()))
            }
        },
        Some(MmField::Complex) => match vals {
            Vals::C64(v) => Vals::C64(v),
            other => Vals::C64(with_vals!(other, v => v.into_iter().map(Val::to_c64).collect())),
        },
    }
}

fn natural_field(vals: &Vals) -> MmField {
    match vals {
        Vals::F64(_) | Vals::F32(_) => MmField::Real,
        Vals::I64(_) | Vals::I32(_) => MmField::Integer,
        Vals::C64(_) | Vals::C32(_) => MmField::Complex,
    }
}

/// Writes `a` as Matrix Market text into a `String`, byte for byte as SciPy's `mmwrite` does.
///
/// SciPy equivalent: `scipy.io.mmwrite(io.BytesIO(), a, ...)`.
///
/// # Errors
///
/// [`IoError::InvalidArgument`] when a declared symmetry needs a square matrix and `a` is not.
///
/// # Examples
///
/// ```
/// use sci_io::{mmwrite_string, MmWriteOptions};
/// use sci_io::sci_array::ndarray::array;
/// let s = mmwrite_string(&array![[0.0, 2.5e-7], [-2.5e-7, 0.0]], &MmWriteOptions::default())?;
/// assert_eq!(s, "%%MatrixMarket matrix array real skew-symmetric\n%\n2 2\n-2.5E-7\n");
/// # Ok::<(), sci_io::IoError>(())
/// ```
pub fn mmwrite_string<M: MmWritable + ?Sized>(a: &M, opts: &MmWriteOptions) -> Result<String> {
    let Body { shape, mut coords, mut vals } = a.body();
    let (m, n) = shape;
    let symmetry = match opts.symmetry {
        Some(s) => {
            if s != MmSymmetry::General && m != n {
                return Err(IoError::InvalidArgument {
                    arg: "symmetry",
                    reason: format!("a {} matrix must be square, got {m} x {n}", s.as_str()),
                });
            }
            s
        }
        None if m != n || !(opts.find_symmetry || m.max(n) < 100) => MmSymmetry::General,
        None => match &mut coords {
            None => with_vals!(&vals, v => dense_symmetry(v, n)),
            Some((r, c)) => with_vals!(&mut vals, v => {
                canonicalize(r, c, v);
                sparse_symmetry(r, c, v)
            }),
        },
    };
    let format = if coords.is_some() { MmFormat::Coordinate } else { MmFormat::Array };
    let pattern = opts.field == Some(MmField::Pattern) && format == MmFormat::Coordinate;
    let vals = apply_field(vals, opts.field);
    let field = if pattern { MmField::Pattern } else { natural_field(&vals) };
    let mut out = String::new();
    let _ =
        writeln!(out, "%%MatrixMarket matrix {} {} {}", format.as_str(), field.as_str(), symmetry.as_str());
    for line in opts.comment.split('\n') {
        let _ = writeln!(out, "%{line}");
    }
    let p = opts.precision;
    match coords {
        Some((r, c)) => {
            let keep: Vec<usize> =
                (0..r.len()).filter(|&k| symmetry == MmSymmetry::General || r[k] >= c[k]).collect();
            let _ = writeln!(out, "{m} {n} {}", keep.len());
            out.reserve(keep.len() * 16);
            with_vals!(&vals, v => for &k in &keep {
                let _ = write!(out, "{} {}", r[k] + 1, c[k] + 1);
                if !pattern {
                    out.push(' ');
                    v[k].write(&mut out, p);
                }
                out.push('\n');
            });
        }
        None => {
            let _ = writeln!(out, "{m} {n}");
            out.reserve(m * n * 8);
            with_vals!(&vals, v => for j in 0..n {
                let start = match symmetry {
                    MmSymmetry::General => 0,
                    MmSymmetry::SkewSymmetric => j + 1,
                    _ => j,
                };
                for i in start..m {
                    v[i * n + j].write(&mut out, p);
                    out.push('\n');
                }
            });
        }
    }
    Ok(out)
}

/// Writes a dense array (array format) or sparse triplets (coordinate format) to a Matrix
/// Market file, byte for byte as SciPy's `mmwrite` does: header, `%` comment lines, size
/// line, then the entries (1-based indices; floats in the shortest form that reads back
/// exactly, e.g. `2.5E-7`, `NaN`, `Infinity`, or C's `%.{p-1}e` with a precision). With the
/// default options the symmetry is detected for matrices below 100 x 100, as in SciPy, and a
/// symmetric matrix is stored as its lower triangle.
///
/// Sparse matrices are passed as [`sprs::TriMat`] or [`sprs::CsMat`] (`sci-io` does not depend
/// on `sci-sparse`, whose matrices convert to `sprs`).
///
/// SciPy equivalent: `scipy.io.mmwrite(target, a, comment, field, precision, symmetry)`.
///
/// # Errors
///
/// [`IoError::File`] when the file cannot be written; [`IoError::InvalidArgument`] as
/// [`mmwrite_string`].
///
/// # Examples
///
/// ```
/// use sci_io::{mmread, mmwrite, MmWriteOptions};
/// use sci_io::sci_array::ndarray::array;
/// let path = std::env::temp_dir().join(format!("sci_io_doc_mmwrite_{}.mtx", std::process::id()));
/// let a = array![[1.0, 2.0], [2.0, 5.0]];
/// mmwrite(&path, &a, &MmWriteOptions::default())?;
/// assert_eq!(std::fs::read_to_string(&path)?, "%%MatrixMarket matrix array real symmetric\n%\n2 2\n1\n2\n5\n");
/// assert_eq!(mmread(&path)?.to_dense_f64(), Some(a));
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mmwrite<M: MmWritable + ?Sized>(path: impl AsRef<Path>, a: &M, opts: &MmWriteOptions) -> Result<()> {
    let path = path.as_ref();
    let text = mmwrite_string(a, opts)?;
    std::fs::write(path, text).map_err(file_err(path))
}
