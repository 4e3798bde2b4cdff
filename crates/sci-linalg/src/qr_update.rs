//! Updating a QR factorization by Givens rotations: `qr_delete`, `qr_insert` (rows or
//! columns) and `qr_update` (rank-k `A + U Vᴴ`).

use ndarray::{Array1, Array2, ArrayBase, ArrayView1, ArrayView2, Data, Dimension, Ix2, s};
use num_traits::{Float, NumCast, One, ToPrimitive, Zero};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::qr_thin::{block_row_delete, col_delete, thin_rank1_update, thin_row_delete, thin_row_insert};
use crate::scalar::{LinalgFloat, check_finite, to_fortran, zeros_f};

/// SciPy's `which=` of [`qr_delete`] and [`qr_insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QrWhich {
    /// `'row'` (SciPy's default).
    #[default]
    Row,
    /// `'col'`.
    Col,
}

/// The unitary `(a, b) = (x, y) / ρ`, `ρ = ‖(x, y)‖`, of the rotation that zeroes `y` in
/// `[x; y]`; `None` when both are zero.
fn givens<T: LinalgScalar>(x: T, y: T) -> Option<(T, T)> {
    let (ax, ay) = (x.modulus(), y.modulus());
    let rho = ax.hypot(ay);
    if rho.is_zero() {
        return None;
    }
    let r = T::from_real(rho);
    Some((x / r, y / r))
}

/// Rows `i`, `j` of `m` ← `Gᴴ [m_i; m_j]` with `Gᴴ = [[ā, b̄], [-b, a]]`.
fn rot_rows<T: LinalgScalar>(m: &mut Array2<T>, i: usize, j: usize, (a, b): (T, T)) {
    for c in 0..m.ncols() {
        let (x, y) = (m[[i, c]], m[[j, c]]);
        m[[i, c]] = a.conj() * x + b.conj() * y;
        m[[j, c]] = a * y - b * x;
    }
}

/// Columns `i`, `j` of `m` ← `[m_i m_j] G` with `G = [[a, -b̄], [b, ā]]`.
fn rot_cols<T: LinalgScalar>(m: &mut Array2<T>, i: usize, j: usize, (a, b): (T, T)) {
    for r in 0..m.nrows() {
        let (x, y) = (m[[r, i]], m[[r, j]]);
        m[[r, i]] = a * x + b * y;
        m[[r, j]] = a.conj() * y - b.conj() * x;
    }
}

/// Checks `(Q, R)`: a full factorization (`Q` `(M, M)`, `R` `(M, N)`) gives `false`, an
/// economic one (`Q` `(M, N)`, `R` `(N, N)`, `M > N`) `true`.
fn check_factors<T, S1, S2>(q: &ArrayBase<S1, Ix2>, r: &ArrayBase<S2, Ix2>) -> Result<bool>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_finite(q, "Q")?;
    check_finite(r, "R")?;
    let (m, qn) = q.dim();
    let (rm, n) = r.dim();
    if qn == m && rm == m {
        return Ok(false);
    }
    if qn < m && rm == qn && n == qn {
        return Ok(true);
    }
    Err(LinalgError::ShapeMismatch {
        arg: "R",
        expected: format!("(M, N) with Q (M, M), or (N, N) with Q (M, N), M > N; Q is {:?}", q.shape()),
        found: r.shape().to_vec(),
    })
}

/// QR downdate: the QR factorization of `A = Q R` with `p` rows (`which = Row`) or columns
/// (`Col`) removed, starting at row or column `k`, by SciPy's algorithms.
///
/// `Q`, `R` are a full (`(M, M)`, `(M, N)`) or economic (`(M, N)`, `(N, N)`, `M > N`)
/// factorization. Rows of a full factorization go by SciPy's block deletion (the rows of `Q`
/// to delete reduced to `[I 0]` by LAPACK `?lartg` rotations, carried over to `R`); rows of an
/// economic one by SciPy's thin deletion while `Q` keeps `N` rows or more (each row's unit
/// vector reorthogonalized against `Q`, Daniel, Gragg, Kaufman and Stewart, and the
/// coefficients rotated away; `Q1` `(M - p, N)`, `R1` `(N, N)`), then, past `M - N` rows, the
/// block deletion of the now square factors (`Q1` `(M - p, M - p)`, `R1` `(M - p, N)`).
/// Columns: `R`'s remaining columns shifted left and retriangularized by rotations (`p = 1`) or
/// Householder reflectors (`p > 1`); an economic factorization gives `Q1` `(M, N - p)` and
/// `R1` `(N - p, N - p)`. Shapes and values are SciPy's (to rounding), signs of `R1`'s rows
/// included. When the deleted row's unit vector lies in the span of an economic `Q`, the row
/// of `Q` of smallest norm is used instead (SciPy's intent; SciPy 1.17.1 divides by zero there).
///
/// SciPy equivalent: `scipy.linalg.qr_delete(Q, R, k, p, which)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for factors of inconsistent shapes, an invalid-value error
/// naming `k` (`'k' is out of bounds`) when `k` is past the last row (column) or `p`
/// (`'p' is out of range`) when `k + p` exceeds the rows (columns) or `p` is 0, one naming `Q`
/// when no vector orthogonal to an economic `Q` is found (SciPy's "Reorthogonalization
/// Failed"; only for a `Q` without orthonormal columns), [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{QrMode, QrWhich, qr, qr_delete};
/// use sci_linalg::sci_array::ndarray::{array, s, concatenate, Axis};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[3.0, -2.0, -2.0], [6.0, -9.0, -3.0], [-3.0, 10.0, 1.0], [6.0, -7.0, 4.0], [7.0, 8.0, -6.0]];
/// let (q, r) = qr(&a, QrMode::Full)?;
/// let (q1, r1) = qr_delete(&q, &r, 2, 2, QrWhich::Row)?;
/// let kept = concatenate![Axis(0), a.slice(s![..2, ..]), a.slice(s![4.., ..])];
/// assert_eq!((q1.dim(), r1.dim()), ((3, 3), (3, 3)));
/// assert_allclose(&q1.dot(&r1), &kept, 1e-13, 1e-13);
/// // SciPy's R1, signs included
/// let want = array![[9.69535971, -0.4125685, -6.80738023], [0.0, 12.19958144, -1.62370412], [0.0, 0.0, 0.15218213]];
/// assert_allclose(&r1, &want, 0.0, 1e-8);
/// // the economic factorization stays thin: Q1 (3, 3) here, (4, 3) for one row
/// let (qe, re) = qr(&a, QrMode::Economic)?;
/// let (q2, r2) = qr_delete(&qe, &re, 1, 1, QrWhich::Row)?;
/// assert_eq!((q2.dim(), r2.dim()), ((4, 3), (3, 3)));
/// assert_allclose(&r2.row(2), &array![0.0, 0.0, -5.31892289], 0.0, 1e-8);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qr_delete<T, S1, S2>(
    q: &ArrayBase<S1, Ix2>,
    r: &ArrayBase<S2, Ix2>,
    k: usize,
    p: usize,
    which: QrWhich,
) -> Result<(Array2<T>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let econ = check_factors(q, r)?;
    let (m, n) = (q.nrows(), r.ncols());
    let limit = if which == QrWhich::Row { m } else { n };
    if k >= limit {
        return Err(invalid("k", "'k' is out of bounds"));
    }
    if p == 0 || k + p > limit {
        return Err(invalid("p", "'p' is out of range"));
    }
    let (qf, rf) = (to_fortran(q), to_fortran(r));
    match (which, econ) {
        (QrWhich::Row, true) => thin_row_delete(qf, rf, k, p),
        (QrWhich::Row, false) => Ok(block_row_delete(qf, rf, k, p)),
        (QrWhich::Col, _) => Ok(col_delete(qf, rf, k, p, econ)),
    }
}

/// `u` as a matrix of rows (`Row`: `(p, N)`, a 1-d `u` is one row) or columns (`Col`: `(M, p)`).
fn as_matrix<T: LinalgScalar, S: Data<Elem = T>, D: Dimension>(
    u: &ArrayBase<S, D>,
    rows: bool,
    len: usize,
    arg: &'static str,
) -> Result<Array2<T>> {
    check_finite(u, arg)?;
    let bad = || LinalgError::ShapeMismatch {
        arg,
        expected: if rows { format!("({len},) or (p, {len})") } else { format!("({len},) or ({len}, p)") },
        found: u.shape().to_vec(),
    };
    let m: ArrayView2<'_, T> = match u.ndim() {
        1 => {
            let v = u.view().into_dimensionality::<ndarray::Ix1>().map_err(|_| bad())?;
            if rows { v.insert_axis(ndarray::Axis(0)) } else { v.insert_axis(ndarray::Axis(1)) }
        }
        2 => u.view().into_dimensionality::<Ix2>().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if (rows && m.ncols() != len) || (!rows && m.nrows() != len) {
        return Err(bad());
    }
    Ok(m.to_owned())
}

/// Options of [`qr_insert_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::QrInsertOptions;
/// assert_eq!(QrInsertOptions::default().rcond, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct QrInsertOptions {
    /// SciPy's `rcond=`: the lower bound on the reciprocal condition number of `Q` augmented
    /// with `u/‖u‖` when columns are inserted into an economic factorization; `None` is the
    /// machine epsilon of the element type (as SciPy). Must be `None` for rows and for full
    /// factorizations (SciPy's `ValueError`).
    pub rcond: Option<f64>,
}

/// LAPACK `?lartg`'s rotation as `(a, b)` for [`rot_rows`] / [`rot_cols`]: `(x, y) / ρ` with
/// `ρ = sign(x) ‖(x, y)‖` (the phase of `x` for complex `x`, `+` for `x = 0`), so the rotated
/// entry keeps the sign (phase) of `x`; `None` when `y` is already zero (the identity).
fn lartg<T: LinalgScalar>(x: T, y: T) -> Option<(T, T)> {
    if y.modulus().is_zero() {
        return None;
    }
    let (ax, ay) = (x.modulus(), y.modulus());
    let rho = T::from_real(ax.hypot(ay));
    let phase = if ax.is_zero() { T::one() } else { x / T::from_real(ax) };
    let d = phase * rho;
    Some((x / d, y / d))
}

/// The 2-norm of `v`.
pub(crate) fn norm2<T: LinalgScalar>(v: ArrayView1<'_, T>) -> RealOf<T> {
    v.iter().fold(RealOf::<T>::zero(), |acc, x| acc.hypot(x.modulus()))
}

/// SciPy's reorthogonalization of `u` against the orthonormal columns of `q` (`(M, N)`,
/// Daniel, Gragg, Kaufman and Stewart; Reichel and Gragg): `u = Q s[..N] + s[N] w` with `w`
/// of unit length orthogonal to `Q`'s columns, returned as `(w, s)`.
///
/// The reciprocal condition number of `[Q, u/‖u‖]` is estimated as SciPy does,
/// `rc = ‖w₀‖ / (1 + ‖s₀‖)` with `s₀ = Qᴴ u/‖u‖`, `w₀ = u/‖u‖ - Q s₀` (`σ_max = √(1 + ‖s₀‖)`,
/// `σ_min = ‖w₀‖ / σ_max`), and `Err(rc)` is returned when `rc < rcond`. `w₀` is then
/// orthogonalized once more; when that removes more than `1 - 1/√2` of it, `u` lies in the span
/// of `Q` and `w = 0`, `s[N] = 0` (reachable only with `rcond` at or below such `rc`, as in
/// SciPy). A zero `u` has `rc = 0` and `w = s = 0`.
pub(crate) fn reorth<T: LinalgScalar>(
    q: &Array2<T>,
    u: ArrayView1<'_, T>,
    rcond: RealOf<T>,
) -> std::result::Result<(Array1<T>, Array1<T>), RealOf<T>> {
    let n = q.ncols();
    let qh = q.t().mapv(T::conj);
    let mut s = Array1::<T>::zeros(n + 1);
    let unorm = norm2(u);
    if unorm.is_zero() {
        return if RealOf::<T>::zero() < rcond {
            Err(RealOf::<T>::zero())
        } else {
            Ok((Array1::zeros(u.len()), s))
        };
    }
    let un = u.mapv(|x| x / T::from_real(unorm));
    let s0 = qh.dot(&un);
    let sigma_max = (RealOf::<T>::one() + norm2(s0.view())).sqrt();
    let mut w = &un - &q.dot(&s0);
    let wnorm = norm2(w.view());
    let rc = wnorm / sigma_max / sigma_max;
    if rc < rcond {
        return Err(rc);
    }
    let s1 = qh.dot(&w);
    w -= &q.dot(&s1);
    let wpnorm = norm2(w.view());
    let scale = T::from_real(unorm);
    for i in 0..n {
        s[i] = (s0[i] + s1[i]) * scale;
    }
    if wpnorm < wnorm / RealOf::<T>::lit(2.0).sqrt() {
        w.fill(T::zero());
    } else {
        w.mapv_inplace(|x| x / T::from_real(wpnorm));
        s[n] = T::from_real(wpnorm * unorm);
    }
    Ok((w, s))
}

/// Inserts the columns `um` before column `k` of the full factorization `(qf, rf)`
/// (`(M, M)`, `(M, N)`): `R~ = [R[:, :k], Qᴴ u, R[:, k:]]`, then `Qᴴ u`'s entries below the
/// diagonal rotated away, column by column.
fn insert_cols_full<T: LinalgScalar>(
    qf: &mut Array2<T>,
    mut rf: Array2<T>,
    um: ArrayView2<'_, T>,
    k: usize,
) -> Array2<T> {
    let m = qf.nrows();
    for (i, col) in um.columns().into_iter().enumerate() {
        let (nn, at) = (rf.ncols(), k + i);
        let qh_u: Array1<T> = qf.t().mapv(T::conj).dot(&col);
        let mut rt = zeros_f(m, nn + 1);
        rt.slice_mut(s![.., ..at]).assign(&rf.slice(s![.., ..at]));
        rt.column_mut(at).assign(&qh_u);
        rt.slice_mut(s![.., at + 1..]).assign(&rf.slice(s![.., at..]));
        for row in (at + 1..m).rev() {
            if let Some(g) = givens(rt[[row - 1, at]], rt[[row, at]]) {
                rot_rows(&mut rt, row - 1, row, g);
                rot_cols(qf, row - 1, row, g);
                rt[[row, at]] = T::zero();
            }
        }
        rf = rt;
    }
    rf
}

/// SciPy's column insertion into an economic factorization (`Q` `(M, N)`, `R` `(N, N)`):
/// the first `min(p, M - N)` columns of `u` are reorthogonalized against `Q` (the `rcond`
/// test) and appended to it, their coefficients put in `R` and rotated up to column `k + j`;
/// once `Q` is square, the remaining columns are inserted as into a full factorization.
/// Returns `Q1` `(M, N + p_eco)` and `R1` `(N + p_eco, N + p)`.
fn insert_cols_thin<T: LinalgScalar>(
    q: ArrayView2<'_, T>,
    r: ArrayView2<'_, T>,
    um: &Array2<T>,
    k: usize,
    rcond: RealOf<T>,
) -> Result<(Array2<T>, Array2<T>)> {
    let (m, n) = q.dim();
    let p = um.ncols();
    let p_eco = p.min(m - n);
    let mut q1 = zeros_f(m, n + p_eco);
    q1.slice_mut(s![.., ..n]).assign(&q);
    let mut r1 = zeros_f(n + p_eco, n + p);
    r1.slice_mut(s![..n, ..k]).assign(&r.slice(s![.., ..k]));
    r1.slice_mut(s![..n, k + p..]).assign(&r.slice(s![.., k..]));
    for j in 0..p_eco {
        let (w, sv) = reorth(&q1.slice(s![.., ..n + j]).to_owned(), um.column(j), rcond)
            .map_err(|rc| LinalgError::ColumnInSpan { arg: "u", rcond: rc.to_f64().unwrap_or(f64::NAN) })?;
        q1.column_mut(n + j).assign(&w);
        r1.slice_mut(s![..n + j + 1, k + j]).assign(&sv);
        for i in (k..n).rev() {
            let (top, bot) = (i + j, i + j + 1);
            if let Some(g) = lartg(r1[[top, k + j]], r1[[bot, k + j]]) {
                rot_rows(&mut r1, top, bot, g);
                rot_cols(&mut q1, top, bot, g);
                r1[[bot, k + j]] = T::zero();
            }
        }
    }
    if p_eco == p {
        return Ok((q1, r1));
    }
    // Q1 is square now: the rest as for a full factorization
    let at = k + p_eco;
    let mut rf = zeros_f(m, n + p_eco);
    rf.slice_mut(s![.., ..at]).assign(&r1.slice(s![.., ..at]));
    rf.slice_mut(s![.., at..]).assign(&r1.slice(s![.., k + p..]));
    let rf = insert_cols_full(&mut q1, rf, um.slice(s![.., p_eco..]), at);
    Ok((q1, rf))
}

/// QR update on row or column insertions: the QR factorization of `A = Q R` with the rows of
/// `u` (`which = Row`: `(N,)` or `(p, N)`) inserted before row `k`, or its columns
/// (`Col`: `(M,)` or `(M, p)`) before column `k`, by Givens rotations.
///
/// Full and economic factorizations as in [`qr_delete`]. Rows inserted into an economic
/// factorization take SciPy's thin path: `Q` bordered by an identity block, `R` stacked on
/// the rows retriangularized by LAPACK `?lartg` rotations (one row) or `?larfg` reflectors of
/// length `p + 1` (several), so `Q1` is `(M + p, N)` and `R1` `(N, N)` with SciPy's values (to
/// rounding); columns inserted into an economic one take
/// SciPy's route (see [`qr_insert_with`]): each new column is reorthogonalized against `Q`, so
/// `Q1` is `(M, N + p)` while `N + p ≤ M` (SciPy's shapes; `(M, M)` with `R1` `(M, N + p)`
/// beyond), and a column numerically in the span of `Q` is an error. Signs of `R1`'s rows
/// may differ from SciPy's in the full-factorization paths (rows and columns inserted into a
/// full `(M, M)` `Q`).
///
/// SciPy equivalent: `scipy.linalg.qr_insert(Q, R, u, k, which)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for factors or a `u` of inconsistent shapes, an
/// invalid-value error naming `k` when it is past the last row (column),
/// [`LinalgError::NonFinite`], [`LinalgError::ColumnInSpan`] as [`qr_insert_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{QrMode, QrWhich, qr, qr_insert};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]];
/// let (q, r) = qr(&a, QrMode::Full)?;
/// let (q1, r1) = qr_insert(&q, &r, &array![-1.0, 0.5], 1, QrWhich::Row)?;
/// assert_allclose(&q1.dot(&r1), &array![[1.0, 2.0], [-1.0, 0.5], [3.0, 4.0], [5.0, 7.0]], 1e-13, 1e-13);
/// let (q2, r2) = qr_insert(&q, &r, &array![1.0, 0.0, 1.0], 2, QrWhich::Col)?;
/// assert_allclose(&q2.dot(&r2), &array![[1.0, 2.0, 1.0], [3.0, 4.0, 0.0], [5.0, 7.0, 1.0]], 1e-13, 1e-13);
/// assert_eq!(r2[[2, 1]], 0.0);
/// // a row into an economic factorization: Q1 (4, 2), SciPy's R1
/// let (qe, re) = qr(&a, QrMode::Economic)?;
/// let (q3, r3) = qr_insert(&qe, &re, &array![-1.0, 0.5], 1, QrWhich::Row)?;
/// assert_eq!(q3.dim(), (4, 2));
/// assert_allclose(&r3, &array![[-6.0, -8.08333333], [0.0, 1.97730175]], 0.0, 1e-8);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qr_insert<T, S1, S2, S3, D>(
    q: &ArrayBase<S1, Ix2>,
    r: &ArrayBase<S2, Ix2>,
    u: &ArrayBase<S3, D>,
    k: usize,
    which: QrWhich,
) -> Result<(Array2<T>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
    D: Dimension,
{
    qr_insert_with(q, r, u, k, which, QrInsertOptions::default())
}

/// [`qr_insert`] with SciPy's `rcond=`.
///
/// Columns inserted into an economic factorization (`Q` `(M, N)`, `R` `(N, N)`) follow
/// SciPy's thin path: while `Q` has fewer than `M` columns, each column `u_j` is
/// reorthogonalized against the current `Q` (Daniel, Gragg, Kaufman and Stewart, one
/// reorthogonalization as Reichel and Gragg), its unit remainder appended to `Q` and its
/// coefficients rotated (LAPACK `?lartg`'s Givens rotations) into `R`'s column `k + j`; before
/// that, the reciprocal condition number of `Q` augmented with `u_j/‖u_j‖` is estimated as
/// SciPy does, `‖w‖ / (1 + ‖Qᴴ u_j‖/‖u_j‖)` with `w` the part of `u_j/‖u_j‖` orthogonal to
/// `Q`, and an estimate below `rcond` (default: the element type's machine epsilon) is
/// [`LinalgError::ColumnInSpan`]. Columns beyond `M - N` go in as for a full factorization.
/// `Q1` and `R1` are SciPy's, shapes and values (to rounding), in this path. With `rcond`
/// at or below `0` a column in the span of `Q` leaves a zero column in `Q1`, as in SciPy.
///
/// SciPy equivalent: `scipy.linalg.qr_insert(Q, R, u, k, which, rcond=rcond)`.
///
/// # Errors
///
/// As [`qr_insert`]; [`LinalgError::ColumnInSpan`] (SciPy's `LinAlgError` "One of the columns
/// of u lies in the span of Q ..."); an invalid-value error naming `rcond` when it is given
/// for rows or for a full factorization (SciPy's `ValueError`).
///
/// # Examples
///
/// ```
/// use sci_linalg::{LinalgError, QrInsertOptions, QrMode, QrWhich, qr, qr_insert_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 7.0], [0.0, 1.0]];
/// let (q, r) = qr(&a, QrMode::Economic)?;
/// let u = array![1.0, 1.0, 2.0, 0.0];
/// let (q1, r1) = qr_insert_with(&q, &r, &u, 1, QrWhich::Col, QrInsertOptions::default())?;
/// assert_eq!((q1.dim(), r1.dim()), ((4, 3), (3, 3)));
/// let want = array![[1.0, 1.0, 2.0], [3.0, 1.0, 4.0], [5.0, 2.0, 7.0], [0.0, 0.0, 1.0]];
/// assert_allclose(&q1.dot(&r1), &want, 1e-13, 1e-13);
/// // a column close to the span of Q fails a strict rcond
/// let close = array![1.0, 3.0, 5.0, 1e-6];
/// let o = QrInsertOptions { rcond: Some(1e-3) };
/// let err = qr_insert_with(&q, &r, &close, 1, QrWhich::Col, o).unwrap_err();
/// assert!(matches!(err, LinalgError::ColumnInSpan { arg: "u", rcond } if rcond < 1e-6));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qr_insert_with<T, S1, S2, S3, D>(
    q: &ArrayBase<S1, Ix2>,
    r: &ArrayBase<S2, Ix2>,
    u: &ArrayBase<S3, D>,
    k: usize,
    which: QrWhich,
    opts: QrInsertOptions,
) -> Result<(Array2<T>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
    D: Dimension,
{
    let rows = which == QrWhich::Row;
    if rows && opts.rcond.is_some() {
        return Err(invalid("rcond", "'rcond' is unused when inserting rows and must be None"));
    }
    let econ = check_factors(q, r)?;
    if !rows && econ {
        let (m, n) = q.dim();
        let um = as_matrix(u, false, m, "u")?;
        if k > n {
            return Err(invalid("k", "'k' is out of bounds"));
        }
        let rcond = match opts.rcond {
            Some(v) => <RealOf<T> as NumCast>::from(v).unwrap_or_else(RealOf::<T>::nan),
            None => RealOf::<T>::epsilon(),
        };
        return insert_cols_thin(q.view(), r.view(), &um, k, rcond);
    }
    if opts.rcond.is_some() {
        return Err(invalid(
            "rcond",
            "'rcond' is not used when updating full, (M,M) (M,N) decompositions and must be None.",
        ));
    }
    let (m, n) = (q.nrows(), r.ncols());
    let um = as_matrix(u, rows, if rows { n } else { m }, "u")?;
    if k > (if rows { m } else { n }) {
        return Err(invalid("k", "'k' is out of bounds"));
    }
    if econ {
        return Ok(thin_row_insert(q.view(), to_fortran(r), um, k));
    }
    let (mut qf, rf) = (to_fortran(q), to_fortran(r));
    if !rows {
        let rf = insert_cols_full(&mut qf, rf, um.view(), k);
        return Ok((qf, rf));
    }
    let mut rf = rf;
    for (i, row) in um.rows().into_iter().enumerate() {
        let (mm, at) = (qf.nrows(), k + i);
        // W = [[1, 0], [0, Q]], R~ = [u; R], then the sub-diagonal of R~ rotated away
        let mut w = zeros_f(mm + 1, mm + 1);
        w[[0, 0]] = T::one();
        w.slice_mut(s![1.., 1..]).assign(&qf);
        let mut rt = zeros_f(mm + 1, n);
        rt.row_mut(0).assign(&row);
        rt.slice_mut(s![1.., ..]).assign(&rf);
        for j in 0..n.min(mm) {
            if let Some(g) = givens(rt[[j, j]], rt[[j + 1, j]]) {
                rot_rows(&mut rt, j, j + 1, g);
                rot_cols(&mut w, j, j + 1, g);
                rt[[j + 1, j]] = T::zero();
            }
        }
        // the new row of A is row 0 of W: move it to position `at`
        let mut q1 = zeros_f(mm + 1, mm + 1);
        q1.slice_mut(s![..at, ..]).assign(&w.slice(s![1..at + 1, ..]));
        q1.row_mut(at).assign(&w.row(0));
        q1.slice_mut(s![at + 1.., ..]).assign(&w.slice(s![at + 1.., ..]));
        qf = q1;
        rf = rt;
    }
    Ok((qf, rf))
}

/// Rank-k QR update: the QR factorization of `A + U Vᴴ` (`A + U Vᵀ` for real input) from
/// `A = Q R`, with `u` `(M,)` or `(M, k)` and `v` `(N,)` or `(N, k)`, one rank-1 update per
/// column by Givens rotations.
///
/// Full and economic factorizations as in [`qr_delete`]. An economic factorization (`Q`
/// `(M, N)`, `R` `(N, N)`) takes SciPy's thin rank-1 update for each column: `u = Q s + σ w`
/// with `w ⟂ Q` (one reorthogonalization, as SciPy), `[s; σ]` rotated onto `e_0` with the
/// rotations applied to `[Q w]`, `s₀ vᴴ` added to `R`'s first row and the Hessenberg `R`
/// retriangularized; `Q1`, `R1` are SciPy's, shapes and values (to rounding). A full
/// factorization rotates `Qᴴ u` onto `e_0`, then the Hessenberg `R` back to triangular; there
/// signs of `R1`'s rows may differ from SciPy's (whose rank-k full update uses reflectors).
/// A zero `u` leaves the factors unchanged (SciPy 1.17.1 divides by `‖u‖` for economic ones).
///
/// SciPy equivalent: `scipy.linalg.qr_update(Q, R, u, v)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for factors, `u` or `v` of inconsistent shapes, an
/// invalid-value error naming `u` when the rank `k` exceeds `M` or `N` (SciPy's "Update rank
/// larger than np.dot(Q, R)."), [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{QrMode, qr, qr_update};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]];
/// let (q, r) = qr(&a, QrMode::Full)?;
/// let (u, v) = (array![1.0, 0.0, -1.0], array![2.0, 1.0]);
/// let (q1, r1) = qr_update(&q, &r, &u, &v)?;
/// assert_allclose(&q1.dot(&r1), &array![[3.0, 3.0], [3.0, 4.0], [3.0, 6.0]], 1e-13, 1e-13);
/// assert_eq!(r1[[1, 0]], 0.0);
/// // economic factors stay thin, with SciPy's R1
/// let (qe, re) = qr(&a, QrMode::Economic)?;
/// let (q2, r2) = qr_update(&qe, &re, &u, &v)?;
/// assert_eq!(q2.dim(), (3, 2));
/// assert_allclose(&r2, &array![[5.19615242, 7.5055535], [0.0, 2.1602469]], 0.0, 1e-8);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn qr_update<T, S1, S2, S3, S4, D>(
    q: &ArrayBase<S1, Ix2>,
    r: &ArrayBase<S2, Ix2>,
    u: &ArrayBase<S3, D>,
    v: &ArrayBase<S4, D>,
) -> Result<(Array2<T>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
    S4: Data<Elem = T>,
    D: Dimension,
{
    let econ = check_factors(q, r)?;
    let (m, n) = (q.nrows(), r.ncols());
    let um = as_matrix(u, false, m, "u")?;
    let vm = as_matrix(v, false, n, "v")?;
    if um.ncols() != vm.ncols() {
        return Err(LinalgError::ShapeMismatch {
            arg: "v",
            expected: format!("{} columns, as u", um.ncols()),
            found: v.shape().to_vec(),
        });
    }
    if um.ncols() > n || um.ncols() > m {
        return Err(invalid("u", "Update rank larger than np.dot(Q, R)."));
    }
    let (mut qf, mut rf) = (to_fortran(q), to_fortran(r));
    if econ {
        for (uc, vc) in um.columns().into_iter().zip(vm.columns()) {
            thin_rank1_update(&mut qf, &mut rf, uc, vc);
        }
        return Ok((qf, rf));
    }
    for (uc, vc) in um.columns().into_iter().zip(vm.columns()) {
        let mut w: Array2<T> = qf.t().mapv(T::conj).dot(&uc).insert_axis(ndarray::Axis(1));
        for i in (1..m).rev() {
            if let Some(g) = givens(w[[i - 1, 0]], w[[i, 0]]) {
                rot_rows(&mut w, i - 1, i, g);
                rot_rows(&mut rf, i - 1, i, g);
                rot_cols(&mut qf, i - 1, i, g);
                w[[i, 0]] = T::zero();
            }
        }
        let w0 = w[[0, 0]];
        for (c, &vj) in vc.iter().enumerate() {
            rf[[0, c]] += w0 * vj.conj();
        }
        for i in 0..m.saturating_sub(1).min(n) {
            if let Some(g) = givens(rf[[i, i]], rf[[i + 1, i]]) {
                rot_rows(&mut rf, i, i + 1, g);
                rot_cols(&mut qf, i, i + 1, g);
                rf[[i + 1, i]] = T::zero();
            }
        }
    }
    Ok((qf, rf))
}
