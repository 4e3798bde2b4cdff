//! `eigh` with SciPy's keyword arguments: the generalized problem (`b=`) and eigenvalue
//! subsets (`subset_by_index=`, `subset_by_value=`); `eigh_tridiagonal` (solver in `tridiag.rs`).

use faer::linalg::triangular_solve;
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Axis, Data, Ix1, Ix2, ShapeBuilder};

use crate::banded::EigSelect;

use crate::cholesky::cholesky_packed;
use crate::eig::sym_evd;
use crate::error::{LinalgError, Result, invalid};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, check_square_finite, par, zeros_f};
use crate::tridiag;

/// Options of [`eigh_with`] and [`eigvalsh_with`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// use sci_linalg::EighOptions;
/// let o = EighOptions::<f64> { subset_by_index: Some((0, 1)), ..Default::default() };
/// assert!(o.lower && o.b.is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EighOptions<'a, T> {
    /// Read the lower triangle of `a` (and of `b`) when `true` (SciPy's default), else the upper.
    pub lower: bool,
    /// `b` of the generalized problem `a v = w b v` (symmetric positive definite); `None` is
    /// the identity.
    pub b: Option<ArrayView2<'a, T>>,
    /// Only the eigenvalues with 0-based ascending indices `lo..=hi`.
    pub subset_by_index: Option<(usize, usize)>,
    /// Only the eigenvalues in the half-open interval `(lo, hi]`.
    pub subset_by_value: Option<(T, T)>,
}

impl<T> Default for EighOptions<'_, T> {
    fn default() -> Self {
        Self { lower: true, b: None, subset_by_index: None, subset_by_value: None }
    }
}

/// Eigenvalues and eigenvectors of a real symmetric matrix, or of the symmetric-definite
/// pencil `a v = w b v`, optionally only a subset of them.
///
/// With `b`, the eigenvectors are `b`-orthonormal (`vᵀ b v = I`), as LAPACK `sygvd`'s
/// (SciPy's `type=1`). Computed by the Cholesky factor `b = L Lᵀ`: the standard problem of
/// `L⁻¹ a L⁻ᵀ`, then `v = L⁻ᵀ y`. Subsets are taken from the ascending spectrum:
/// `subset_by_index = (lo, hi)` keeps indices `lo..=hi`, `subset_by_value = (lo, hi)` keeps
/// `lo < w <= hi` (possibly none: `(0,)` and `(n, 0)` results). Eigenvector signs may differ
/// from SciPy's.
///
/// SciPy equivalent: `scipy.linalg.eigh(a, b, lower=True, subset_by_index=None,
/// subset_by_value=None)` (`type=1`; `type=2, 3` and `driver=` are not provided).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a` or `b`, [`LinalgError::ShapeMismatch`] when `b`'s shape
/// differs from `a`'s, [`LinalgError::NonFinite`], [`LinalgError::NotPositiveDefinite`] when
/// `b` is not positive definite, [`LinalgError::Array`] for both subsets at once, indices
/// outside `0 <= lo <= hi < n` or bounds not `lo < hi` (SciPy's `ValueError`s),
/// [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighOptions, eigh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0], [1.0, 2.0]];
/// let b = array![[2.0, 0.0], [0.0, 2.0]];
/// let (w, v) = eigh_with(&a, &EighOptions { b: Some(b.view()), ..Default::default() })?;
/// assert_allclose(&w, &array![0.5, 1.5], 1e-14, 0.0);
/// assert_allclose(&v.t().dot(&b).dot(&v), &array![[1.0, 0.0], [0.0, 1.0]], 1e-14, 1e-14);
/// let (w, v) = eigh_with(&a, &EighOptions { subset_by_value: Some((2.0, 5.0)), ..Default::default() })?;
/// assert_allclose(&w, &array![3.0], 1e-14, 0.0);
/// assert_eq!(v.dim(), (2, 1));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigh_with<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EighOptions<'_, T>,
) -> Result<(Array1<T>, Array2<T>)> {
    let (w, v) = solve_pencil(a, opts, true)?;
    Ok((w, v.expect("vectors were requested")))
}

/// Eigenvalues only of [`eigh_with`]'s problem (ascending).
///
/// SciPy equivalent: `scipy.linalg.eigvalsh(a, b, lower=True, subset_by_index=None,
/// subset_by_value=None)` (also `eigh(..., eigvals_only=True)`).
///
/// # Errors
///
/// As [`eigh_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EighOptions, eigvalsh_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[4.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 9.0]];
/// let w = eigvalsh_with(&a, &EighOptions { subset_by_index: Some((1, 2)), ..Default::default() })?;
/// assert_allclose(&w, &array![4.0, 9.0], 1e-14, 0.0);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn eigvalsh_with<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EighOptions<'_, T>,
) -> Result<Array1<T>> {
    Ok(solve_pencil(a, opts, false)?.0)
}

fn solve_pencil<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    opts: &EighOptions<'_, T>,
    vectors: bool,
) -> Result<(Array1<T>, Option<Array2<T>>)> {
    let n = check_square_finite(a, "a")?;
    if opts.subset_by_index.is_some() && opts.subset_by_value.is_some() {
        return Err(invalid("subset_by_index", "either index or value subset can be requested"));
    }
    if let Some((lo, hi)) = opts.subset_by_index
        && !(lo <= hi && hi < n)
    {
        let reason = format!(
            "requested eigenvalue indices are not valid: valid range is [0, {}] and start <= end, but start={lo}, end={hi} is given",
            n as i64 - 1
        );
        return Err(invalid("subset_by_index", reason));
    }
    if let Some((lo, hi)) = opts.subset_by_value
        && lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less)
    {
        let reason = format!(
            "requested eigenvalue bounds are not valid: valid range is (-inf, inf) and low < high, but low={lo}, high={hi} is given"
        );
        return Err(invalid("subset_by_value", reason));
    }
    let (w, v) = match opts.b {
        None => sym_evd(a, opts.lower, vectors)?,
        Some(b) => {
            let nb = check_square_finite(&b, "b")?;
            if nb != n {
                return Err(LinalgError::ShapeMismatch {
                    arg: "b",
                    expected: format!("({n}, {n}) as `a`"),
                    found: b.shape().to_vec(),
                });
            }
            generalized(a, b, opts.lower, vectors)?
        }
    };
    let keep: Vec<usize> = match (opts.subset_by_index, opts.subset_by_value) {
        (Some((lo, hi)), _) => (lo..=hi).collect(),
        (_, Some((lo, hi))) => (0..n).filter(|&i| w[i] > lo && w[i] <= hi).collect(),
        _ => return Ok((w, v)),
    };
    let w = w.select(Axis(0), &keep);
    let v = v.map(|v| {
        let mut out = zeros_f(n, keep.len());
        out.assign(&v.select(Axis(1), &keep));
        out
    });
    Ok((w, v))
}

/// `a v = w b v` through `b = L Lᵀ`: eigen-decompose `C = L⁻¹ a L⁻ᵀ`, then `v = L⁻ᵀ y`.
fn generalized<T: LinalgFloat, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    b: ArrayView2<'_, T>,
    lower: bool,
    vectors: bool,
) -> Result<(Array1<T>, Option<Array2<T>>)> {
    let n = a.nrows();
    let l = cholesky_packed(&b, lower)?;
    // The full symmetric a from the triangle that is read.
    let mut c = zeros_f(n, n);
    for j in 0..n {
        for i in j..n {
            let x = if lower { a[[i, j]] } else { a[[j, i]] };
            c[[i, j]] = x;
            c[[j, i]] = x;
        }
    }
    let par = par();
    // c <- L⁻¹ a; then (L⁻¹ a)ᵀ = a L⁻ᵀ and c <- L⁻¹ (a L⁻ᵀ).
    triangular_solve::solve_lower_triangular_in_place(as_faer(l.view()), as_faer_mut(c.view_mut()), par);
    let mut ct = zeros_f(n, n);
    ct.assign(&c.t());
    triangular_solve::solve_lower_triangular_in_place(as_faer(l.view()), as_faer_mut(ct.view_mut()), par);
    let (w, y) = sym_evd(&ct, true, vectors)?;
    let v = y.map(|mut y| {
        triangular_solve::solve_upper_triangular_in_place(
            as_faer(l.view()).transpose(),
            as_faer_mut(y.view_mut()),
            par,
        );
        y
    });
    Ok((w, v))
}

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
        let v =
            Array2::from_shape_vec((n, n).f(), v.into_iter().map(T::lit).collect()).expect("n * n entries");
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
