//! `eigh_tridiagonal` with SciPy's keyword arguments (solver in `tridiag.rs`); the generalized
//! and subset `eigh` is in `eigh_pencil.rs`.

use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, ShapeBuilder};

use crate::banded::EigSelect;

use crate::error::{LinalgError, Result, invalid};
use crate::scalar::{LinalgFloat, check_finite, zeros_f};
use crate::tridiag;

/// SciPy's `lapack_driver=` of [`eigh_tridiagonal_with`]: how the eigenvalues are found.
///
/// # Examples
///
/// ```
/// use sci_linalg::TridiagonalDriver;
/// assert_eq!(TridiagonalDriver::default(), TridiagonalDriver::Auto);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TridiagonalDriver {
    /// `'auto'`: as SciPy's `stevd` for the whole spectrum (divide and conquer with
    /// eigenvectors, implicit QL without), bisection and inverse iteration for subsets.
    #[default]
    Auto,
    /// `'stebz'`: bisection on Sturm counts to `tol` (LAPACK `stebz`), for every selection.
    Stebz,
    /// `'sterf'`: implicit QL, eigenvalues only and `select` [`EigSelect::All`] only.
    Sterf,
}

/// Keyword arguments of [`eigh_tridiagonal_with`] / [`eigvalsh_tridiagonal_with`], with SciPy's
/// defaults.
///
/// # Examples
///
/// ```
/// use sci_linalg::{EigSelect, TridiagonalDriver, TridiagonalOptions};
/// let o = TridiagonalOptions::<f64> { lapack_driver: TridiagonalDriver::Stebz, ..Default::default() };
/// assert_eq!((o.select, o.tol), (EigSelect::All, 0.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TridiagonalOptions<T> {
    /// `select=` / `select_range=`.
    pub select: EigSelect<T>,
    /// `tol=`: absolute width to which bisection ([`TridiagonalDriver::Stebz`] or a subset)
    /// pins each eigenvalue; `<= 0` (the default) means `ε · max(|gl|, |gu|)` over the
    /// Gershgorin interval `[gl, gu]`.
    pub tol: T,
    /// `lapack_driver=`.
    pub lapack_driver: TridiagonalDriver,
}

impl<T: LinalgFloat> Default for TridiagonalOptions<T> {
    fn default() -> Self {
        Self { select: EigSelect::All, tol: T::zero(), lapack_driver: TridiagonalDriver::Auto }
    }
}

/// Eigenvalues and eigenvectors of the real symmetric tridiagonal matrix with diagonal `d`
/// (length `n`) and off-diagonal `e` (length `n - 1`), optionally a subset.
///
/// `select` is SciPy's `select`/`select_range`: [`EigSelect::All`], [`EigSelect::Value`]
/// `(lo, hi]` or [`EigSelect::Index`] `lo..=hi`. Eigenvalues ascend; eigenvector signs may
/// differ from SciPy's (here the largest-modulus entry of each vector is positive). Solved on
/// the tridiagonal (the whole spectrum with vectors by divide and conquer, as SciPy's
/// `stevd`): see [`eigh_tridiagonal_with`], of which this is the default `tol` and
/// `lapack_driver`.
///
/// SciPy equivalent: `scipy.linalg.eigh_tridiagonal(d, e, select, select_range)`
/// (`eigvals_only=True` is [`eigvalsh_tridiagonal`]).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for `e` when `d.len() != e.len() + 1` (SciPy: "d (3) must
/// have one more element than e (3)"), [`LinalgError::NonFinite`] for `d` or `e`,
/// [`LinalgError::Array`] for an invalid `select` range, [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EigSelect, eigh_tridiagonal};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let (w, v) = eigh_tridiagonal(&array![2.0, 2.0, 2.0], &array![-1.0, -1.0], EigSelect::All)?;
/// let r = 2f64.sqrt();
/// assert_allclose(&w, &array![2.0 - r, 2.0, 2.0 + r], 1e-14, 0.0);
/// assert_allclose(&v.column(0), &array![0.5, r / 2.0, 0.5], 1e-14, 1e-15);
/// let (w, _) = eigh_tridiagonal(&array![2.0, 2.0, 2.0], &array![-1.0, -1.0], EigSelect::Index(2, 2))?;
/// assert_allclose(&w, &array![2.0 + r], 1e-14, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigh_tridiagonal<T, S1, S2>(
    d: &ArrayBase<S1, Ix1>,
    e: &ArrayBase<S2, Ix1>,
    select: EigSelect<T>,
) -> Result<(Array1<T>, Array2<T>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    eigh_tridiagonal_with(d, e, &TridiagonalOptions { select, ..Default::default() })
}

/// Eigenvalues only of [`eigh_tridiagonal`]'s problem (ascending).
///
/// SciPy equivalent: `scipy.linalg.eigvalsh_tridiagonal(d, e, select, select_range)`.
///
/// # Errors
///
/// As [`eigh_tridiagonal`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EigSelect, eigvalsh_tridiagonal};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let w = eigvalsh_tridiagonal(&array![1.0, 1.0], &array![1.0], EigSelect::Value(0.5, 3.0))?;
/// assert_allclose(&w, &array![2.0], 1e-14, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvalsh_tridiagonal<T, S1, S2>(
    d: &ArrayBase<S1, Ix1>,
    e: &ArrayBase<S2, Ix1>,
    select: EigSelect<T>,
) -> Result<Array1<T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    eigvalsh_tridiagonal_with(d, e, &TridiagonalOptions { select, ..Default::default() })
}

/// [`eigh_tridiagonal`] with SciPy's `tol=` and `lapack_driver=`.
///
/// The whole spectrum with eigenvectors ([`TridiagonalDriver::Auto`], SciPy's `stevd`): Cuppen's
/// divide and conquer as LAPACK `stedc` (rank-one tearing, deflation, the secular equation
/// solved per root, Gu-Eisenstat vectors, back-multiplication by GEMM; blocks of up to 25 rows
/// by implicit QL), `O(n²)` to `O(n³)` depending on deflation, both halves on two threads.
/// Otherwise eigenvalues: the whole spectrum by the implicit QL method with Wilkinson shifts
/// ([`TridiagonalDriver::Auto`], [`TridiagonalDriver::Sterf`]), subsets and
/// [`TridiagonalDriver::Stebz`] by bisection on Sturm counts to the width `tol` (LAPACK
/// `stebz`). Eigenvectors: inverse iteration on `T - λI` (LAPACK `stein`: partial-pivoting
/// tridiagonal LU, up to 5 steps), Gram-Schmidt against the other vectors of a cluster of
/// eigenvalues closer than `1e-4 ‖T‖₁` (`stein` uses `1e-3`, which makes the clusters of a
/// random matrix's spectrum huge: SciPy's `'stebz'` is `O(n³)` there). `O(n)` per eigenvalue and
/// per vector, threads above about 10⁵ flops. Computed in `f64` for `f32` input.
///
/// SciPy equivalent: `scipy.linalg.eigh_tridiagonal(d, e, select=, select_range=, tol=,
/// lapack_driver=)` (`'stemr'`, `'stev'`, `'stevd'` are not provided as such: `Auto` takes
/// their place).
///
/// # Errors
///
/// As [`eigh_tridiagonal`]; [`LinalgError::Array`] (`lapack_driver`) for
/// [`TridiagonalDriver::Sterf`] with eigenvectors or a subset (SciPy: "sterf can only be used
/// when select == \"a\"").
///
/// # Examples
///
/// ```
/// use sci_linalg::{TridiagonalDriver, TridiagonalOptions, eigh_tridiagonal_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let o = TridiagonalOptions { lapack_driver: TridiagonalDriver::Stebz, tol: 1e-6, ..Default::default() };
/// let (w, v) = eigh_tridiagonal_with(&array![2.0, 1.0, 3.0], &array![0.0, 0.0], &o)?;
/// assert_allclose(&w, &array![1.0, 2.0, 3.0], 0.0, 1e-6);
/// let p = array![[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]];
/// assert_allclose(&v, &p, 0.0, 1e-6);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigh_tridiagonal_with<T, S1, S2>(
    d: &ArrayBase<S1, Ix1>,
    e: &ArrayBase<S2, Ix1>,
    opts: &TridiagonalOptions<T>,
) -> Result<(Array1<T>, Array2<T>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let (w, v) = tridiagonal(d, e, opts, true)?;
    Ok((w, v.expect("vectors were requested")))
}

/// [`eigvalsh_tridiagonal`] with SciPy's `tol=` and `lapack_driver=` (see
/// [`eigh_tridiagonal_with`]).
///
/// SciPy equivalent: `scipy.linalg.eigvalsh_tridiagonal(d, e, select=, select_range=, tol=,
/// lapack_driver=)`.
///
/// # Errors
///
/// As [`eigh_tridiagonal_with`] (`Sterf` is accepted with `select` [`EigSelect::All`]).
///
/// # Examples
///
/// ```
/// use sci_linalg::{TridiagonalDriver, TridiagonalOptions, eigvalsh_tridiagonal_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let o = TridiagonalOptions { lapack_driver: TridiagonalDriver::Sterf, ..Default::default() };
/// let w = eigvalsh_tridiagonal_with(&array![3.0, 3.0], &array![4.0], &o)?;
/// assert_allclose(&w, &array![-1.0, 7.0], 1e-15, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvalsh_tridiagonal_with<T, S1, S2>(
    d: &ArrayBase<S1, Ix1>,
    e: &ArrayBase<S2, Ix1>,
    opts: &TridiagonalOptions<T>,
) -> Result<Array1<T>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    Ok(tridiagonal(d, e, opts, false)?.0)
}

fn tridiagonal<T, S1, S2>(
    d: &ArrayBase<S1, Ix1>,
    e: &ArrayBase<S2, Ix1>,
    opts: &TridiagonalOptions<T>,
    vectors: bool,
) -> Result<(Array1<T>, Option<Array2<T>>)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let n = d.len();
    if n != e.len() + 1 {
        return Err(LinalgError::ShapeMismatch {
            arg: "e",
            expected: format!("one element fewer than d ({n})"),
            found: vec![e.len()],
        });
    }
    check_finite(d, "d")?;
    check_finite(e, "e")?;
    match opts.select {
        EigSelect::Index(lo, hi) if lo > hi || hi >= n => {
            return Err(invalid("select_range", format!("expected 0 <= lo <= hi < {n}, got ({lo}, {hi})")));
        }
        EigSelect::Value(lo, hi) if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) => {
            return Err(invalid("select_range", format!("expected lo < hi, got ({lo}, {hi})")));
        }
        _ => {}
    }
    let driver = opts.lapack_driver;
    if driver == TridiagonalDriver::Sterf && (vectors || opts.select != EigSelect::All) {
        let why = if vectors { "eigvals_only is True" } else { "select == \"a\"" };
        return Err(invalid("lapack_driver", format!("sterf can only be used when {why}")));
    }
    // Solved on the matrix scaled to unit max-norm (no overflow or underflow in the counts,
    // pivots and start vectors); the zero matrix is diagonal already.
    let scale = d.iter().chain(e.iter()).fold(0.0f64, |m, x| m.max(x.to_f64_lossless().abs()));
    let s = if scale > 0.0 { scale } else { 1.0 };
    let df: Vec<f64> = d.iter().map(|x| x.to_f64_lossless() / s).collect();
    let ef: Vec<f64> = e.iter().map(|x| x.to_f64_lossless() / s).collect();
    if vectors && scale > 0.0 && opts.select == EigSelect::All && driver == TridiagonalDriver::Auto {
        // SciPy's 'auto' runs `stevd`: divide and conquer.
        let (w, v) = tridiag::dc::eigh(&df, &ef)?;
        // In place for f64 (`collect` reuses the buffer of an element of the same size).
        let v: Vec<T> = v.into_iter().map(T::lit).collect();
        let v = Array2::from_shape_vec((n, n).f(), v).expect("n * n entries");
        return Ok((w.into_iter().map(|x| T::lit(x * s)).collect(), Some(v)));
    }
    let b = tridiag::bounds(&df, &ef);
    let tol = opts.tol.to_f64_lossless() / s;
    let mut w = match opts.select {
        EigSelect::All if driver != TridiagonalDriver::Stebz => tridiag::ql_values(&df, &ef)?,
        EigSelect::Index(lo, hi) => tridiag::bisect(&df, &ef, &b, lo, hi + 1, tol),
        EigSelect::Value(lo, hi) => {
            let (lo, hi) = (lo.to_f64_lossless() / s, hi.to_f64_lossless() / s);
            let (kl, ku) = (tridiag::count_below(&df, &ef, &b, lo), tridiag::count_below(&df, &ef, &b, hi));
            let w = tridiag::bisect(&df, &ef, &b, kl, ku, tol);
            w.into_iter().filter(|&x| x > lo && x <= hi).collect()
        }
        _ => tridiag::bisect(&df, &ef, &b, 0, n, tol),
    };
    let v = if !vectors {
        None
    } else if scale == 0.0 {
        let mut v = zeros_f(n, w.len());
        let first = match opts.select {
            EigSelect::Index(lo, _) => lo,
            _ => 0,
        };
        (0..w.len()).for_each(|j| v[[first + j, j]] = T::one());
        Some(v)
    } else {
        let v = tridiag::inverse_iteration(&df, &ef, &w, b.onenrm)?;
        let v: Vec<T> = v.into_iter().map(T::lit).collect();
        Some(Array2::from_shape_vec((n, w.len()).f(), v).expect("n * m entries"))
    };
    w.iter_mut().for_each(|x| *x *= s);
    Ok((w.into_iter().map(T::lit).collect(), v))
}
