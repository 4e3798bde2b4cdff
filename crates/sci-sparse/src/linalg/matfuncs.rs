//! Matrix norms, the sparse inverse, bandwidth and triangularity tests.

use super::ToCsc;
use super::lu::{SpluOptions, splu};
use crate::cs::Cs;
use crate::error::{Result, invalid, shape_err};
use sci_array::ndarray::Array1;

use crate::{CscMatrix, CsrMatrix};

/// Which matrix norm [`norm`] computes (SciPy's `ord`).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{norm, NormOrd};
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, -2.0], [3.0, 0.0]]);
/// assert_eq!((norm(&a, NormOrd::One)?, norm(&a, NormOrd::NegOne)?), (4.0, 2.0));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NormOrd {
    /// Frobenius norm (`None` / `"fro"`).
    #[default]
    Fro,
    /// Largest absolute row sum (`inf`).
    Inf,
    /// Smallest absolute row sum (`-inf`).
    NegInf,
    /// Largest absolute column sum (`1`).
    One,
    /// Smallest absolute column sum (`-1`).
    NegOne,
}

/// A norm of a sparse matrix (duplicates summed first).
///
/// SciPy equivalent: `scipy.sparse.linalg.norm(x, ord)` (the 2-norm, which SciPy does not
/// support for sparse input either, is absent).
///
/// # Errors
///
/// As NumPy's reductions under SciPy's call: the `±inf` norms of a matrix without rows and
/// the `±1` norms of one without columns ("zero-size array to reduction operation maximum
/// which has no identity"). The Frobenius norm of an empty matrix is 0.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::{norm, NormOrd};
/// use sci_sparse::sci_array::ndarray::{array, Array2};
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[-4.0, -3.0], [0.0, 0.0]]);
/// assert_eq!(norm(&a, NormOrd::Fro)?, 5.0);
/// assert_eq!(norm(&a, NormOrd::Inf)?, 7.0);
/// assert_eq!(norm(&a, NormOrd::One)?, 4.0);
/// assert_eq!(norm(&a, NormOrd::NegInf)?, 0.0);
/// let empty = sci_sparse::CsrMatrix::from_dense(&Array2::<f64>::zeros((0, 3)));
/// assert_eq!(norm(&empty, NormOrd::One)?, 0.0);
/// assert!(norm(&empty, NormOrd::Inf).is_err());
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn norm(x: &CsrMatrix<f64>, ord: NormOrd) -> Result<f64> {
    let (m, n) = x.shape();
    let (reduced, op) = match ord {
        NormOrd::Fro => (1, ""),
        NormOrd::Inf => (m, "maximum"),
        NormOrd::NegInf => (m, "minimum"),
        NormOrd::One => (n, "maximum"),
        NormOrd::NegOne => (n, "minimum"),
    };
    if reduced == 0 {
        return Err(invalid(
            "x",
            format!("zero-size array to reduction operation {op} which has no identity"),
        ));
    }
    Ok(norm_of(x, ord))
}

/// [`norm`] without its checks: the `±inf`/`±1` norms of an empty matrix are 0 and ∞.
pub(crate) fn norm_of(x: &CsrMatrix<f64>, ord: NormOrd) -> f64 {
    let c: Cs<f64> = x.cs.canonical();
    let abs = c.map(f64::abs);
    // NumPy's max and min propagate NaN (`f64::max` would drop it)
    let fold = |v: Vec<f64>, max: bool| {
        v.into_iter().fold(if max { 0.0 } else { f64::INFINITY }, |a, b| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else if max {
                a.max(b)
            } else {
                a.min(b)
            }
        })
    };
    match ord {
        NormOrd::Fro => c.data.iter().map(|v| v * v).sum::<f64>().sqrt(),
        NormOrd::Inf => fold(abs.major_sums(), true),
        NormOrd::NegInf => fold(abs.major_sums(), false),
        NormOrd::One => fold(abs.minor_sums(), true),
        NormOrd::NegOne => fold(abs.minor_sums(), false),
    }
}

/// The inverse of a square sparse matrix, as a sparse matrix (zeros not stored). Usually
/// dense: prefer [`spsolve`](super::spsolve) or [`splu`].
///
/// SciPy equivalent: `scipy.sparse.linalg.inv(A)`.
///
/// # Errors
///
/// Those of [`splu`]: non-square or singular `A`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::inv;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CscMatrix::from_dense(&array![[2.0, 0.0], [0.0, 4.0]]);
/// assert_eq!(inv(&a)?.toarray(), array![[0.5, 0.0], [0.0, 0.25]]);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn inv<A: ToCsc + ?Sized>(a: &A) -> Result<CscMatrix<f64>> {
    let lu = splu(a, &SpluOptions::default())?;
    let n = lu.shape().0;
    let eye = sci_array::ndarray::Array2::<f64>::eye(n);
    Ok(CscMatrix::from_dense(&lu.solve(&eye)?))
}

/// Lower and upper bandwidth of a sparse matrix: the largest `i - j` and `j - i` over the
/// stored entries (0 when there are none).
///
/// SciPy equivalent: `scipy.sparse.linalg.spbandwidth(A)`.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::spbandwidth;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0, 2.0], [3.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
/// assert_eq!(spbandwidth(&a), (1, 2));
/// ```
pub fn spbandwidth(a: &CsrMatrix<f64>) -> (usize, usize) {
    let c = &a.cs;
    let (mut lo, mut up) = (0, 0);
    for i in 0..c.nmajor {
        for &j in &c.indices[c.indptr[i]..c.indptr[i + 1]] {
            if i > j {
                lo = lo.max(i - j);
            } else {
                up = up.max(j - i);
            }
        }
    }
    (lo, up)
}

/// Whether a square sparse matrix is lower and/or upper triangular (by its stored entries).
///
/// SciPy equivalent: `scipy.sparse.linalg.is_sptriangular(A)`.
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square matrix.
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::is_sptriangular;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [3.0, 1.0]]);
/// assert_eq!(is_sptriangular(&a)?, (true, false));
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn is_sptriangular(a: &CsrMatrix<f64>) -> Result<(bool, bool)> {
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    let (lo, up) = spbandwidth(a);
    Ok((up == 0, lo == 0))
}

/// SciPy's table of `theta_m` for double precision (Al-Mohy & Higham 2011).
const THETA: [(usize, f64); 35] = [
    (1, 2.29e-16),
    (2, 2.58e-8),
    (3, 1.39e-5),
    (4, 3.40e-4),
    (5, 2.40e-3),
    (6, 9.07e-3),
    (7, 2.38e-2),
    (8, 5.00e-2),
    (9, 8.96e-2),
    (10, 1.44e-1),
    (11, 2.14e-1),
    (12, 3.00e-1),
    (13, 4.00e-1),
    (14, 5.14e-1),
    (15, 6.41e-1),
    (16, 7.81e-1),
    (17, 9.31e-1),
    (18, 1.09),
    (19, 1.26),
    (20, 1.44),
    (21, 1.62),
    (22, 1.82),
    (23, 2.01),
    (24, 2.22),
    (25, 2.43),
    (26, 2.64),
    (27, 2.86),
    (28, 3.08),
    (29, 3.31),
    (30, 3.54),
    (35, 4.7),
    (40, 6.0),
    (45, 7.2),
    (50, 8.5),
    (55, 9.9),
];

/// The action `exp(A) B` of the matrix exponential of a square sparse `A` on a vector or
/// matrix `B`, without forming `exp(A)`: SciPy's algorithm (Al-Mohy & Higham 2011: shift by
/// `trace(A)/n`, `s` scaling steps of a truncated Taylor series with early termination).
/// The degree `m` and `s` are chosen from the exact 1-norm as SciPy does for
/// `||A||_1 <= 63 / k` (`k` columns of `B`); above that SciPy refines the choice with norm
/// estimates of powers of `A`, which this version skips (same accuracy, maybe more products).
///
/// SciPy equivalent: `scipy.sparse.linalg.expm_multiply(A, B)` (`start`/`stop`/`num`
/// interval mode missing).
///
/// # Errors
///
/// [`SparseError::ShapeMismatch`](crate::SparseError::ShapeMismatch) for a non-square `A` or
/// a `B` that does not fit; [`SparseError::InvalidValue`](crate::SparseError::InvalidValue)
/// when the 1-norm of `A` is infinite or so large that the number of steps overflows (SciPy
/// raises `ValueError` / `OverflowError` there).
///
/// # Examples
///
/// ```
/// use sci_sparse::linalg::expm_multiply;
/// use sci_sparse::sci_array::ndarray::array;
/// let a = sci_sparse::CsrMatrix::from_dense(&array![[1.0, 0.0], [0.0, -2.0]]);
/// let y = expm_multiply(&a, &array![1.0, 1.0])?;
/// assert!((y[0] - 1f64.exp()).abs() < 1e-14 && (y[1] - (-2f64).exp()).abs() < 1e-15);
/// # Ok::<(), sci_sparse::SparseError>(())
/// ```
pub fn expm_multiply<S: sci_array::ndarray::Data<Elem = f64>, D: sci_array::ndarray::Dimension>(
    a: &CsrMatrix<f64>,
    b: &sci_array::ndarray::ArrayBase<S, D>,
) -> Result<sci_array::ndarray::Array<f64, D>> {
    use sci_array::ndarray::{Array2, Axis};
    let (m, n) = a.shape();
    if m != n {
        return Err(shape_err("A", "a square matrix", &[m, n]));
    }
    let cols = super::rhs_columns(b, n)?;
    let n0 = cols.len();
    let mut bm = Array2::<f64>::zeros((n, n0));
    for (j, c) in cols.iter().enumerate() {
        bm.column_mut(j).assign(&Array1::from(c.clone()));
    }
    let mu = if n == 0 { 0.0 } else { a.trace(0) / n as f64 };
    let shifted = a.sub(&CsrMatrix::identity(n).scale(mu))?;
    let mut norm1 = norm_of(&shifted, NormOrd::One);
    if norm1.is_nan() {
        // NaN entries: the steps follow the finite entries, so that NaN reaches only the rows
        // it reaches in exact arithmetic (SciPy: `[nan, e^2, e^3, e^4]` for diag(1, 2, 3, 4)
        // with a NaN at (0, 1))
        norm1 = norm_of(&shifted.map(|v| if v.is_nan() { 0.0 } else { v }), NormOrd::One);
    }
    let (m_star, s) = if norm1 == 0.0 {
        (0usize, 1usize)
    } else {
        // the cost `m * s` in floating point: an infinite or huge norm must not overflow
        let mut best = (0usize, 0.0f64);
        for &(mm, theta) in &THETA {
            let s = (norm1 / theta).ceil();
            if best.0 == 0 || mm as f64 * s < best.0 as f64 * best.1 {
                best = (mm, s);
            }
        }
        let cost = best.0 as f64 * best.1;
        if cost.is_nan() || cost > usize::MAX as f64 {
            // SciPy: `ValueError: cannot convert float NaN to integer` for an infinite norm,
            // `OverflowError: cannot convert float infinity to integer` for a huge one
            return Err(invalid(
                "A",
                format!(
                    "the 1-norm of A minus its mean diagonal ({norm1:e}) is too large: the number of Taylor steps overflows"
                ),
            ));
        }
        (best.0, (best.1 as usize).max(1))
    };
    let inf_norm = |x: &Array2<f64>| {
        x.axis_iter(Axis(0)).map(|r| r.iter().map(|v| v.abs()).sum::<f64>()).fold(0.0, f64::max)
    };
    let tol = 2f64.powi(-53);
    let eta = (mu / s as f64).exp();
    let mut f = bm.clone();
    let mut bb = bm;
    for _ in 0..s {
        let mut c1 = inf_norm(&bb);
        for j in 0..m_star {
            let coeff = 1.0 / (s * (j + 1)) as f64;
            bb = shifted.dot_dense(&bb)? * coeff;
            let c2 = inf_norm(&bb);
            f += &bb;
            if c1 + c2 <= tol * inf_norm(&f) {
                break;
            }
            c1 = c2;
        }
        f *= eta;
        bb = f.clone();
    }
    let cols: Vec<Vec<f64>> = f.axis_iter(Axis(1)).map(|c| c.to_vec()).collect();
    super::assemble(cols, b.raw_dim(), n)
}
