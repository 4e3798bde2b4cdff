//! Banded matrices in LAPACK's diagonal-ordered storage: `solve_banded` (band LU with
//! partial pivoting, LAPACK `gbsv`), `cholesky_banded`, `cho_solve_banded`, `solveh_banded`
//! (band Cholesky, `pbtrf`/`pbtrs`/`pbsv`), `eig_banded` and `eigvals_banded`.

use ndarray::{Array, Array1, Array2, ArrayBase, Data, Dimension, Ix2};

use crate::eigh_gen::{TridiagonalOptions, eigvalsh_tridiagonal_with};
use crate::error::{LinalgError, Result, invalid};
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, as_faer, as_faer_mut, check_finite, par, to_fortran, zeros_f};
use faer::ColMut;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors};

mod tridiagonalize;

/// Solves `a x = b` for a banded `a` with `l` sub- and `u` superdiagonals, given in
/// diagonal-ordered form: `ab[u + i - j, j] == a[i, j]` (`ab` is `(l + u + 1, n)`; entries
/// outside the band are ignored).
///
/// Band LU factorization with partial pivoting (LAPACK `gbtf2`/`gbtrs`, which SciPy calls as
/// `gbsv`, or `gtsv` for `l = u = 1`): `O(n·l·(l+u))` work. A `1×1` system is `b / ab[u, 0]`
/// (no singularity check, as SciPy); an empty `b` gives an empty result.
///
/// SciPy equivalent: `scipy.linalg.solve_banded((l, u), ab, b)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `ab` does not have `l + u + 1` rows or `b` does not
/// have `n` rows, [`LinalgError::NonFinite`] for NaN or infinity in `ab` or `b`,
/// [`LinalgError::Singular`] when a pivot is exactly zero (SciPy's "singular matrix").
///
/// # Examples
///
/// ```
/// use sci_linalg::solve_banded;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // SciPy's docstring example: l = 1, u = 2, a is 5×5
/// let ab = array![
///     [0.0, 0.0, -1.0, -1.0, -1.0],
///     [0.0, 2.0, 2.0, 2.0, 2.0],
///     [5.0, 4.0, 3.0, 2.0, 1.0],
///     [1.0, 1.0, 1.0, 1.0, 0.0],
/// ];
/// let x = solve_banded((1, 2), &ab, &array![0.0, 1.0, 2.0, 2.0, 3.0]).unwrap();
/// assert_allclose(&x, &array![-2.37288136, 3.93220339, -4.0, 4.3559322, -1.3559322], 1e-8, 0.0);
/// ```
pub fn solve_banded<T, S1, S2, D>(
    l_and_u: (usize, usize),
    ab: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
) -> Result<Array<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let (kl, ku) = l_and_u;
    let n = ab.ncols();
    if ab.nrows() != kl + ku + 1 {
        return Err(LinalgError::ShapeMismatch {
            arg: "ab",
            expected: format!("l + u + 1 = {} rows", kl + ku + 1),
            found: ab.shape().to_vec(),
        });
    }
    check_finite(ab, "ab")?;
    let mut x = rhs_matrix(b, n, "b")?;
    if x.is_empty() {
        return Ok(rhs_back(x, b.ndim()));
    }
    if n == 1 {
        let d = ab[[ku, 0]];
        x.mapv_inplace(|v| v / d);
        return Ok(rhs_back(x, b.ndim()));
    }
    let f = crate::band_solve::BandLu::factor(n, kl, ku, |i, j| ab[[ku + i - j, j]])?;
    f.solve_in_place(&mut x);
    Ok(rhs_back(x, b.ndim()))
}

/// Accessors for a symmetric band matrix in upper (`ab[u + i - j, j] = a[i, j]`, `i ≤ j`) or
/// lower (`ab[i - j, j] = a[i, j]`, `i ≥ j`) form; `get(i, j)` needs `i ≥ j` (lower triangle).
struct SymBand {
    kd: usize,
    lower: bool,
}

impl SymBand {
    /// Position in the band storage of the lower-triangle element `(i, j)`, `j ≤ i ≤ j + kd`.
    #[inline]
    fn pos(&self, i: usize, j: usize) -> [usize; 2] {
        if self.lower { [i - j, j] } else { [self.kd + j - i, i] }
    }
}

fn band_rows<T, S: Data<Elem = T>>(ab: &ArrayBase<S, Ix2>, arg: &'static str) -> Result<usize> {
    if ab.nrows() == 0 {
        return Err(LinalgError::ShapeMismatch {
            arg,
            expected: "at least one row (the diagonal)".into(),
            found: ab.shape().to_vec(),
        });
    }
    Ok(ab.nrows() - 1)
}

/// Band Cholesky in place on a copy of the storage: `a = L Lᵀ` (lower) or `Uᵀ U` (upper),
/// written over the same band positions (LAPACK `pbtf2`).
fn band_cholesky<T: LinalgFloat>(c: &mut Array2<T>, lower: bool) -> Result<()> {
    let kd = c.nrows() - 1;
    let n = c.ncols();
    let sb = SymBand { kd, lower };
    for j in 0..n {
        let lo = j.saturating_sub(kd);
        let mut s = c[sb.pos(j, j)];
        for k in lo..j {
            let v = c[sb.pos(j, k)];
            s -= v * v;
        }
        if s <= T::zero() || s.is_nan() {
            return Err(LinalgError::NotPositiveDefinite { index: j });
        }
        let d = s.sqrt();
        c[sb.pos(j, j)] = d;
        for i in j + 1..=(j + kd).min(n - 1) {
            let mut s = c[sb.pos(i, j)];
            for k in i.saturating_sub(kd)..j {
                s -= c[sb.pos(i, k)] * c[sb.pos(j, k)];
            }
            c[sb.pos(i, j)] = s / d;
        }
    }
    Ok(())
}

/// Cholesky factorization of a symmetric positive definite band matrix, in the same band
/// storage as the input.
///
/// Upper form (`lower = false`, SciPy's default): `ab[u + i - j, j] = a[i, j]` for `i ≤ j`,
/// and the result holds `U` with `a = Uᵀ U`; lower form: `ab[i - j, j] = a[i, j]` for
/// `i ≥ j`, result `L` with `a = L Lᵀ`. The unused corner of the storage is returned as
/// given, as LAPACK's `pbtrf` leaves it.
///
/// SciPy equivalent: `scipy.linalg.cholesky_banded(ab, lower=False)`.
///
/// # Errors
///
/// [`LinalgError::NotPositiveDefinite`], [`LinalgError::NonFinite`],
/// [`LinalgError::ShapeMismatch`] for an `ab` without rows.
///
/// # Examples
///
/// ```
/// use sci_linalg::cholesky_banded;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // a = [[4, 2, 0], [2, 5, 2], [0, 2, 5]] in upper form
/// let ab = array![[0.0, 2.0, 2.0], [4.0, 5.0, 5.0]];
/// let c = cholesky_banded(&ab, false).unwrap();
/// assert_allclose(&c, &array![[0.0, 1.0, 1.0], [2.0, 2.0, 2.0]], 1e-15, 0.0);
/// ```
pub fn cholesky_banded<T: LinalgFloat, S: Data<Elem = T>>(
    ab: &ArrayBase<S, Ix2>,
    lower: bool,
) -> Result<Array2<T>> {
    band_rows(ab, "ab")?;
    check_finite(ab, "ab")?;
    let mut c = to_fortran(ab);
    band_cholesky(&mut c, lower)?;
    Ok(c)
}

/// Solves with a factor from the band Cholesky (LAPACK `pbtrs`).
fn band_cho_solve<T: LinalgFloat>(c: &Array2<T>, lower: bool, x: &mut Array2<T>) {
    let kd = c.nrows() - 1;
    let n = c.ncols();
    let sb = SymBand { kd, lower };
    for mut col in x.columns_mut() {
        // L y = b (L[i, k] at pos(i, k))
        for i in 0..n {
            let mut s = col[i];
            for k in i.saturating_sub(kd)..i {
                s -= c[sb.pos(i, k)] * col[k];
            }
            col[i] = s / c[sb.pos(i, i)];
        }
        // Lᵀ x = y
        for i in (0..n).rev() {
            let mut s = col[i];
            for k in i + 1..=(i + kd).min(n - 1) {
                s -= c[sb.pos(k, i)] * col[k];
            }
            col[i] = s / c[sb.pos(i, i)];
        }
    }
}

/// Solves `a x = b` given the band Cholesky factor `cb` of `a` from [`cholesky_banded`].
///
/// SciPy equivalent: `scipy.linalg.cho_solve_banded((cb, lower), b)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `b` does not have `n` rows or `cb` has no rows,
/// [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{cho_solve_banded, cholesky_banded};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let ab = array![[0.0, 2.0, 2.0], [4.0, 5.0, 5.0]];
/// let c = cholesky_banded(&ab, false).unwrap();
/// let x = cho_solve_banded(&c, false, &array![6.0, 9.0, 7.0]).unwrap();
/// assert_allclose(&x, &array![1.0, 1.0, 1.0], 1e-15, 0.0);
/// ```
pub fn cho_solve_banded<T, S1, S2, D>(
    cb: &ArrayBase<S1, Ix2>,
    lower: bool,
    b: &ArrayBase<S2, D>,
) -> Result<Array<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    band_rows(cb, "cb")?;
    check_finite(cb, "cb")?;
    let mut x = rhs_matrix(b, cb.ncols(), "b")?;
    band_cho_solve(&to_fortran(cb), lower, &mut x);
    Ok(rhs_back(x, b.ndim()))
}

/// Solves `a x = b` for a symmetric positive definite band matrix `a` in upper
/// (`lower = false`, SciPy's default) or lower band storage (see [`cholesky_banded`]).
///
/// Band Cholesky then two band triangular solves (SciPy: LAPACK `pbsv`, or `ptsv` for a
/// tridiagonal `a`; the solutions agree to rounding).
///
/// SciPy equivalent: `scipy.linalg.solveh_banded(ab, b, lower=False)`.
///
/// # Errors
///
/// [`LinalgError::NotPositiveDefinite`] (SciPy's "k-th leading minor not positive
/// definite"), [`LinalgError::ShapeMismatch`], [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::solveh_banded;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // SciPy's docstring example (lower form, 6×6 pentadiagonal)
/// let ab = array![
///     [4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
///     [2.0, 2.0, 2.0, 2.0, 2.0, 0.0],
///     [-1.0, -1.0, -1.0, -1.0, 0.0, 0.0],
/// ];
/// let x = solveh_banded(&ab, &array![1.0, 2.0, 2.0, 3.0, 3.0, 3.0], true).unwrap();
/// assert_allclose(&x, &array![0.03431373, 0.45938375, 0.05602241, 0.47759104, 0.17577031, 0.34733894], 0.0, 1e-8);
/// ```
pub fn solveh_banded<T, S1, S2, D>(
    ab: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, D>,
    lower: bool,
) -> Result<Array<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    band_rows(ab, "ab")?;
    check_finite(ab, "ab")?;
    let mut x = rhs_matrix(b, ab.ncols(), "b")?;
    if x.is_empty() {
        return Ok(rhs_back(x, b.ndim()));
    }
    let mut c = to_fortran(ab);
    band_cholesky(&mut c, lower)?;
    band_cho_solve(&c, lower, &mut x);
    Ok(rhs_back(x, b.ndim()))
}

/// Which eigenvalues [`eig_banded`] and [`eigvals_banded`] compute (SciPy's `select` and
/// `select_range`).
///
/// # Examples
///
/// ```
/// use sci_linalg::EigSelect;
/// assert_eq!(EigSelect::<f64>::default(), EigSelect::All);
/// let _two_smallest = EigSelect::<f64>::Index(0, 1);
/// let _in_interval = EigSelect::Value(-1.0, 1.0); // (-1, 1]
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum EigSelect<T> {
    /// `select='a'`: all eigenvalues (the default).
    #[default]
    All,
    /// `select='v'`: eigenvalues in the half-open interval `(lo, hi]`.
    Value(T, T),
    /// `select='i'`: eigenvalues with (ascending, 0-based) indices `lo..=hi`.
    Index(usize, usize),
}

/// The dense symmetric matrix of a band in upper or lower storage (lower triangle filled).
fn band_to_dense<T: LinalgFloat>(ab: &Array2<T>, lower: bool) -> Array2<T> {
    let kd = ab.nrows() - 1;
    let n = ab.ncols();
    let sb = SymBand { kd, lower };
    let mut a = zeros_f(n, n);
    for j in 0..n {
        for i in j..=(j + kd).min(n.saturating_sub(1)) {
            a[[i, j]] = ab[sb.pos(i, j)];
        }
    }
    a
}

/// Eigenvalues (ascending) and eigenvectors of the dense symmetric `a` from its lower triangle,
/// by faer's divide and conquer on both backends: with the `lapack` feature, `eigh` would call
/// `syevr`, about 15% slower here than faer for `n = 2000` and than SciPy's `sbevd`.
fn dense_eigh<T: LinalgFloat>(a: &Array2<T>) -> Result<(Array1<T>, Array2<T>)> {
    let n = a.nrows();
    let (mut w, mut v) = (vec![T::zero(); n], zeros_f(n, n));
    if n == 0 {
        return Ok((Array1::from(w), v));
    }
    let (par, yes) = (par(), ComputeEigenvectors::Yes);
    let mut mem = MemBuffer::new(evd::self_adjoint_evd_scratch::<T>(n, yes, par, Default::default()));
    evd::self_adjoint_evd(
        as_faer(a.view()),
        ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
        Some(as_faer_mut(v.view_mut())),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    // faer reports only that its iteration budget ran out, not the count.
    .map_err(|_| LinalgError::NoConvergence { iterations: 0 })?;
    Ok((Array1::from(w), v))
}

/// Indices `lo..hi` (into the ascending eigenvalues `w`) that `select` keeps.
fn selected<T: LinalgFloat>(w: &Array1<T>, select: EigSelect<T>) -> Result<std::ops::Range<usize>> {
    let n = w.len();
    match select {
        EigSelect::All => Ok(0..n),
        EigSelect::Index(lo, hi) => {
            if lo > hi || hi >= n {
                return Err(invalid(
                    "select_range",
                    format!("expected 0 <= lo <= hi < {n}, got ({lo}, {hi})"),
                ));
            }
            Ok(lo..hi + 1)
        }
        EigSelect::Value(lo, hi) => {
            if lo >= hi || lo.is_nan() || hi.is_nan() {
                return Err(invalid("select_range", format!("expected lo < hi, got ({lo}, {hi})")));
            }
            let a = w.iter().take_while(|&&x| x <= lo).count();
            let b = w.iter().take_while(|&&x| x <= hi).count();
            Ok(a..b.max(a))
        }
    }
}

/// Eigenvalues and eigenvectors of a real symmetric band matrix in upper (`lower = false`,
/// SciPy's default) or lower band storage (see [`cholesky_banded`]).
///
/// Returns the selected eigenvalues `w` in ascending order and the matching orthonormal
/// eigenvectors as the columns of `v` (signs may differ from SciPy's). The band is expanded
/// to a dense matrix for faer's symmetric divide and conquer (on both backends): `O(n³)`, as
/// SciPy's `sbevd`/`sbevx`, whose band reduction accumulates its rotations into `Q` (`O(n³)`
/// too, and slower here).
/// For eigenvalues alone, [`eigvals_banded`] works on the band in `O(n² kd)`.
///
/// SciPy equivalent: `scipy.linalg.eig_banded(a_band, lower, select, select_range)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`], [`LinalgError::ShapeMismatch`]
/// for an `a_band` without rows, [`LinalgError::Array`] for an invalid selection.
///
/// # Examples
///
/// ```
/// use sci_linalg::{EigSelect, eig_banded};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // tridiagonal [[2, -1, 0], [-1, 2, -1], [0, -1, 2]] in upper form
/// let ab = array![[0.0, -1.0, -1.0], [2.0, 2.0, 2.0]];
/// let (w, v) = eig_banded(&ab, false, EigSelect::All).unwrap();
/// let s = 2f64.sqrt();
/// assert_allclose(&w, &array![2.0 - s, 2.0, 2.0 + s], 1e-14, 0.0);
/// assert_eq!(v.dim(), (3, 3));
/// let (w1, _) = eig_banded(&ab, false, EigSelect::Index(1, 1)).unwrap();
/// assert_allclose(&w1, &array![2.0], 1e-14, 0.0);
/// ```
#[allow(clippy::type_complexity)]
pub fn eig_banded<T: LinalgFloat, S: Data<Elem = T>>(
    a_band: &ArrayBase<S, Ix2>,
    lower: bool,
    select: EigSelect<T>,
) -> Result<(Array1<T>, Array2<T>)> {
    band_rows(a_band, "a_band")?;
    check_finite(a_band, "a_band")?;
    let a = band_to_dense(&to_fortran(a_band), lower);
    let (w, v) = dense_eigh(&a)?;
    let r = selected(&w, select)?;
    Ok((w.slice(ndarray::s![r.clone()]).to_owned(), v.slice(ndarray::s![.., r]).to_owned()))
}

/// Eigenvalues of a real symmetric band matrix, ascending (see [`eig_banded`]).
///
/// The band is reduced to a tridiagonal matrix by Givens rotations with bulge chasing (LAPACK
/// `sbtrd`, `O(n² kd)` work, `O(n kd)` memory), whose eigenvalues are found as SciPy does:
/// all of them by implicit QL (`sbevd` calls `sterf`), a selection by bisection (`sbevx` calls
/// `stebz`). Computed in `f64` for `f32` input.
///
/// SciPy equivalent: `scipy.linalg.eigvals_banded(a_band, lower, select, select_range)`.
///
/// # Errors
///
/// As [`eig_banded`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{EigSelect, eigvals_banded};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let ab = array![[2.0, 2.0, 2.0], [-1.0, -1.0, 0.0]]; // lower form of the same matrix
/// let w = eigvals_banded(&ab, true, EigSelect::Value(1.0, 10.0)).unwrap();
/// assert_allclose(&w, &array![2.0, 2.0 + 2f64.sqrt()], 1e-14, 0.0);
/// ```
pub fn eigvals_banded<T: LinalgFloat, S: Data<Elem = T>>(
    a_band: &ArrayBase<S, Ix2>,
    lower: bool,
    select: EigSelect<T>,
) -> Result<Array1<T>> {
    let kd = band_rows(a_band, "a_band")?;
    check_finite(a_band, "a_band")?;
    let n = a_band.ncols();
    let sb = SymBand { kd, lower };
    let scale = a_band.iter().fold(0.0f64, |m, x| m.max(x.to_f64_lossless().abs()));
    let s = if scale > 0.0 { scale } else { 1.0 };
    let (d, e) = tridiagonalize::tridiagonalize(n, kd, |i, j| a_band[sb.pos(i, j)].to_f64_lossless() / s);
    if n == 0 {
        return Ok(Array1::zeros(0));
    }
    let select = match select {
        EigSelect::All => EigSelect::All,
        EigSelect::Index(lo, hi) => EigSelect::Index(lo, hi),
        EigSelect::Value(lo, hi) => EigSelect::Value(lo.to_f64_lossless() / s, hi.to_f64_lossless() / s),
    };
    let opts = TridiagonalOptions { select, ..Default::default() };
    let w = eigvalsh_tridiagonal_with(&Array1::from(d), &Array1::from(e), &opts)?;
    Ok(w.iter().map(|&x| T::lit(x * s)).collect())
}
