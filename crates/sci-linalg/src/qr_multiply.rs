//! `qr_multiply`: the product of the `Q` of a QR decomposition with a matrix, applied as
//! Householder reflectors (LAPACK `ormqr`/`unmqr`: blocks of reflectors in compact WY form,
//! one reflector at a time for small inputs) without forming `Q`.

use ndarray::{Array, Array1, Array2, ArrayBase, ArrayView2, Axis, Data, Dimension, Ix1, Ix2, IxDyn, s};

use crate::complex::qr_blocked::unmqr;
use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::procrustes::Side;
use crate::qr::{QrMode, qr_pivoting};
use crate::qr_blocked::ormqr_if_f64;
use crate::qr_raw::qr_raw;
use crate::scalar::{check_finite, zeros_c, zeros_f};

/// `Q c` (`side = Left`) or `c Q` (`Right`) with `Q = H_0 ⋯ H_{k-1}` given by LAPACK's
/// `(h, tau)`, on `c` in place; `c` has `m` rows (left) or columns (right).
///
/// When [`blocked`] (enough reflectors and columns of `c` to transform: left, or rows: right)
/// the reflectors are applied in blocks (LAPACK `?ormqr` / `?unmqr`: compact WY
/// `I - V T Vᴴ`, three matrix products per block) by the crate's blocked QR kernels,
/// [`crate::qr_blocked::ormqr`] for `f64` and [`crate::complex::qr_blocked::unmqr`] otherwise.
/// `c Q` is computed as `(Qᵀ cᵀ)ᵀ` on the transposed array (a stride swap, no copy;
/// `Qᵀ = conj(Q)ᴴ`, the adjoint of the conjugated reflectors), so only left-side block updates
/// are needed; a row-major `c` makes `cᵀ` the column-major operand they prefer. Smaller
/// problems keep the one-reflector-at-a-time loop, which then costs less than forming the
/// blocks' `T` factors.
pub(crate) fn apply_q<T: LinalgScalar>(h: &Array2<T>, tau: &Array1<T>, c: &mut Array2<T>, side: Side) {
    let cols = match side {
        Side::Left => c.ncols(),
        Side::Right => c.nrows(),
    };
    if blocked(tau.len(), cols) {
        let taus = tau.to_vec();
        match side {
            Side::Left => {
                if !ormqr_if_f64(h, &taus, c, false) {
                    unmqr(h.view(), &taus, c.view_mut(), false, false);
                }
            }
            Side::Right => {
                let mut ct = std::mem::take(c).reversed_axes();
                if !ormqr_if_f64(h, &taus, &mut ct, true) {
                    unmqr(h.view(), &taus, ct.view_mut(), true, true);
                }
                *c = ct.reversed_axes();
            }
        }
        return;
    }
    apply_q_unblocked(h, tau, c, side);
}

/// Whether [`apply_q`] takes the blocked path for `k` reflectors and `cols` columns of `c`
/// (rows for `c Q`) to transform.
fn blocked(k: usize, cols: usize) -> bool {
    k >= MIN_BLOCKED_K && cols >= MIN_BLOCKED_COLS && k * cols >= MIN_BLOCKED_WORK
}

/// Reflectors below which [`apply_q`] stays unblocked (one block of the blocked kernels).
const MIN_BLOCKED_K: usize = 32;

/// Columns of `c` (rows for `c Q`) below which [`apply_q`] stays unblocked.
const MIN_BLOCKED_COLS: usize = 16;

/// Reflectors times columns below which [`apply_q`] stays unblocked: complex128 with 40
/// reflectors and 16 columns was about 0.12 ms blocked against 0.10 one reflector at a time
/// (64 and 16, or 40 and 40, already faster blocked; f64 faster blocked throughout).
const MIN_BLOCKED_WORK: usize = 1024;

/// [`apply_q`] one reflector at a time: a rank-1 update of `c` per reflector.
fn apply_q_unblocked<T: LinalgScalar>(h: &Array2<T>, tau: &Array1<T>, c: &mut Array2<T>, side: Side) {
    let m = h.nrows();
    let k = tau.len();
    let v = |i: usize| -> Array1<T> {
        let mut v = Array1::zeros(m - i);
        v[0] = T::one();
        v.slice_mut(s![1..]).assign(&h.slice(s![i + 1.., i]));
        v
    };
    match side {
        Side::Left => {
            // H_0 (H_1 (⋯ (H_{k-1} c))), H_i = I - tau_i v vᴴ on rows i..
            for i in (0..k).rev() {
                if tau[i] == T::zero() {
                    continue;
                }
                let v = v(i);
                let mut blk = c.slice_mut(s![i.., ..]);
                for mut col in blk.columns_mut() {
                    let w = v.iter().zip(col.iter()).fold(T::zero(), |acc, (&vi, &ci)| acc + vi.conj() * ci);
                    let tw = tau[i] * w;
                    col.zip_mut_with(&v, |ci, &vi| *ci -= vi * tw);
                }
            }
        }
        Side::Right => {
            // ((c H_0) H_1) ⋯ H_{k-1}, on columns i..
            for i in 0..k {
                if tau[i] == T::zero() {
                    continue;
                }
                let v = v(i);
                let mut blk = c.slice_mut(s![.., i..]);
                for mut row in blk.rows_mut() {
                    let w = row.iter().zip(v.iter()).fold(T::zero(), |acc, (&ci, &vi)| acc + ci * vi);
                    let tw = w * tau[i];
                    row.zip_mut_with(&v, |ci, &vi| *ci -= tw * vi.conj());
                }
            }
        }
    }
}

/// Multiplies `c` by the `Q` of the QR decomposition of `a` without forming `Q`: returns
/// `(Q @ c, r)` with `side = Left` or `(c @ Q, r)` with `side = Right` (SciPy's default
/// `mode='right'`), where `Q` is the economic `(m, k)` factor (`k = min(m, n)`) and `r` the
/// `(k, n)` triangular factor.
///
/// `Left` needs `c` with `k` rows (a 1-d `c` of length `k`), `Right` needs `c` with `m`
/// columns (a 1-d `c` of length `m`); the result has `m` rows (left) or `k` columns (right).
/// `conjugate = true` multiplies by `conj(Q)` instead (no effect on real input). `Q` and `r`
/// are LAPACK's (`geqrf`'s reflectors, the signs of [`qr_raw`](crate::qr_raw)), so the
/// result is SciPy's to rounding. As LAPACK's `?ormqr`/`?unmqr`, `Q` is applied in blocks of
/// reflectors (compact WY form `I - V T Vᴴ`, three matrix products each) once there are 32
/// reflectors or more and enough columns (left) or rows (right) of `c`; `c @ Q` is taken as
/// `(Qᵀ cᵀ)ᵀ` on a transposed view, without copying `c`. As in SciPy, an empty `c` returns an
/// empty array of `c`'s own shape.
///
/// SciPy equivalent: `scipy.linalg.qr_multiply(a, c, mode, pivoting=False, conjugate)`
/// (`pivoting=True` is [`qr_multiply_pivoting`]).
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] for a `c` of the wrong shape (or not 1-d/2-d),
/// [`LinalgError::NonFinite`] naming `c` or `a`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{QrMode, Side, qr, qr_multiply};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let (_, r) = qr(&a, QrMode::Economic)?;
/// let c = array![[1.0, 0.0, 2.0], [0.5, 1.0, -1.0]];
/// let (cq, r2) = qr_multiply(&a, &c, Side::Right, false)?; // c @ Q: (2, 3) @ (3, 2)
/// assert_eq!(cq.dim(), (2, 2));
/// assert_allclose(&r2.mapv(f64::abs), &r.mapv(f64::abs), 1e-14, 1e-14);
/// // Q c with c of k = 2 rows
/// let (qc, _) = qr_multiply(&a, &array![1.0, 0.0], Side::Left, false)?;
/// assert_eq!(qc.len(), 3);
/// assert_allclose(&a.dot(&sci_linalg::inv(&r2)?).column(0).to_owned(), &qc, 1e-13, 1e-13);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_multiply<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    c: &ArrayBase<S2, D>,
    side: Side,
    conjugate: bool,
) -> Result<(Array<T, D>, Array2<T>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    check_finite(c, "c")?;
    let (m, n) = a.dim();
    let k = m.min(n);
    let bad = |expected: String| LinalgError::ShapeMismatch { arg: "c", expected, found: c.shape().to_vec() };
    // c as a matrix: a 1-d c is a column (left) or a row (right)
    let c2: ArrayView2<'_, T> = match (c.ndim(), side) {
        (1, Side::Left) => c.view().into_dimensionality::<Ix1>().expect("1-d").insert_axis(Axis(1)),
        (1, Side::Right) => c.view().into_dimensionality::<Ix1>().expect("1-d").insert_axis(Axis(0)),
        (2, _) => c.view().into_dimensionality::<Ix2>().expect("2-d"),
        _ => return Err(bad("a 1-d or 2-d array".into())),
    };
    match side {
        Side::Left if c2.nrows() != k => {
            return Err(bad(format!("{k} rows for Q @ c with a of shape ({m}, {n})")));
        }
        Side::Right if c2.ncols() != m => {
            return Err(bad(format!("{m} columns for c @ Q with a of shape ({m}, {n})")));
        }
        _ => {}
    }
    let ((mut h, mut tau), r) = qr_raw(a)?;
    if c.is_empty() {
        let out = Array::zeros(IxDyn(c.shape())).into_dimensionality::<D>().expect("c's own dimension");
        return Ok((out, r));
    }
    if conjugate {
        h.mapv_inplace(T::conj);
        tau.mapv_inplace(T::conj);
    }
    let out = match side {
        Side::Left => {
            let mut cc = zeros_f(m, c2.ncols());
            cc.slice_mut(s![..k, ..]).assign(&c2);
            apply_q(&h, &tau, &mut cc, Side::Left);
            cc
        }
        Side::Right => {
            // row-major: its transpose is the column-major operand of the blocked path
            let mut cc = zeros_c(c2.nrows(), m);
            cc.assign(&c2);
            apply_q(&h, &tau, &mut cc, Side::Right);
            cc.slice(s![.., ..k]).to_owned()
        }
    };
    let out = if c.ndim() == 1 {
        let len = out.len();
        out.into_shape_with_order(IxDyn(&[len])).expect("a single row or column").into_dimensionality::<D>()
    } else {
        out.into_dyn().into_dimensionality::<D>()
    };
    Ok((out.expect("c's own dimension"), r))
}

/// [`qr_multiply`] of the column-pivoted QR decomposition `a[:, p] = Q r`: returns
/// `(Q @ c or c @ Q, r, p)`.
///
/// The pivots `p` are [`qr_pivoting`](crate::qr_pivoting)'s (LAPACK `geqp3`'s rule: the
/// largest remaining column norm first); `Q` and `r` are the Householder QR (`geqrf`'s
/// reflectors and signs) of `a[:, p]`, which is what `geqp3` computes for those pivots, so the
/// product, `r` and `p` are SciPy's (to rounding; `p` exactly unless two column norms tie).
/// Shapes and `conjugate` as [`qr_multiply`].
///
/// SciPy equivalent: `scipy.linalg.qr_multiply(a, c, mode, pivoting=True, conjugate)`.
///
/// # Errors
///
/// As [`qr_multiply`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{Side, qr_multiply_pivoting};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.5], [7.0, 8.5, 10.0], [1.0, 0.0, 2.0]];
/// let c = array![[1.0, 0.0, 2.0, 1.0], [0.5, 1.0, -1.0, 2.0]];
/// // scipy.linalg.qr_multiply(a, c, pivoting=True)
/// let (cq, r, p) = qr_multiply_pivoting(&a, &c, Side::Right, false)?;
/// assert_eq!(p.to_vec(), vec![2, 1, 0]);
/// let want = array![[-2.00643088, -0.51168721, -0.08340029], [-0.16051447, -2.35924023, 0.24867525]];
/// assert_allclose(&cq, &want, 1e-7, 0.0);
/// assert!((r[[0, 0]] + 12.45993579f64).abs() < 1e-7);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn qr_multiply_pivoting<T, S1, S2, D>(
    a: &ArrayBase<S1, Ix2>,
    c: &ArrayBase<S2, D>,
    side: Side,
    conjugate: bool,
) -> Result<(Array<T, D>, Array2<T>, Array1<usize>)>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    check_finite(c, "c")?;
    let (_, _, p) = qr_pivoting(a, QrMode::Economic)?;
    let ap = a.select(Axis(1), p.as_slice().expect("a new 1-d array"));
    let (cq, r) = qr_multiply(&ap, c, side, conjugate)?;
    Ok((cq, r, p))
}

#[cfg(test)]
mod tests {
    use ndarray::Array2;
    use num_complex::Complex64 as C;

    use super::*;
    use crate::qr_blocked::tests::rand_mat;

    fn crand(m: usize, n: usize, seed: u64) -> Array2<C> {
        let (re, im) = (rand_mat(m, n, seed), rand_mat(m, n, seed + 500));
        ndarray::Zip::from(&re).and(&im).map_collect(|&x, &y| C::new(x, y))
    }

    fn max_diff<T: LinalgScalar>(a: &Array2<T>, b: &Array2<T>) -> f64 {
        a.iter().zip(b.iter()).fold(0.0f64, |acc, (&x, &y)| {
            acc.max(num_traits::ToPrimitive::to_f64(&(x - y).modulus()).unwrap())
        })
    }

    /// The blocked path against the one-reflector loop, both sides, across block edges.
    fn blocked_equals_unblocked<T: LinalgScalar>(rand: impl Fn(usize, usize, u64) -> Array2<T>, tol: f64) {
        let mut n_blocked = 0;
        for (i, &(m, n)) in
            [(150, 90), (90, 150), (32, 32), (64, 40), (97, 65), (300, 257)].iter().enumerate()
        {
            let ((h, tau), _) = qr_raw(&rand(m, n, 40 + i as u64)).unwrap();
            for cols in [16, 45] {
                n_blocked += usize::from(blocked(tau.len(), cols));
                let left = rand(m, cols, 7);
                let right = rand(cols, m, 8);
                for (side, c) in [(Side::Left, left), (Side::Right, right)] {
                    let (mut got, mut plain) = (c.clone(), c.clone());
                    apply_q(&h, &tau, &mut got, side);
                    apply_q_unblocked(&h, &tau, &mut plain, side);
                    let d = max_diff(&got, &plain);
                    assert!(d < tol, "{m}x{n} {cols} columns {side:?}: {d}");
                    assert!(max_diff(&got, &c) > 1e-3, "Q changed c");
                }
            }
        }
        assert_eq!(n_blocked, 10, "the blocked path runs on all but (32, 32) and (64, 40) with 16");
    }

    #[test]
    fn blocked_equals_unblocked_f64() {
        blocked_equals_unblocked(rand_mat, 1e-13);
    }

    #[test]
    fn blocked_equals_unblocked_complex() {
        blocked_equals_unblocked(crand, 1e-13);
    }

    #[test]
    fn blocked_equals_unblocked_f32() {
        blocked_equals_unblocked(|m, n, s| rand_mat(m, n, s).mapv(|x| x as f32), 1e-5);
    }

    #[test]
    fn zero_reflectors_and_a_strided_c() {
        // zero columns give tau = 0 (identity reflectors) inside and at block edges
        let mut a = crand(120, 80, 3);
        for j in [0, 31, 32, 70] {
            a.column_mut(j).fill(C::new(0.0, 0.0));
        }
        let ((h, tau), _) = qr_raw(&a).unwrap();
        assert!(tau[31] == C::new(0.0, 0.0));
        for side in [Side::Left, Side::Right] {
            // a column-major c for the right side (its transpose row-major)
            let c = match side {
                Side::Left => crand(120, 40, 9),
                Side::Right => crand(40, 120, 9).t().as_standard_layout().t().to_owned(),
            };
            let (mut got, mut plain) = (c.clone(), c);
            apply_q(&h, &tau, &mut got, side);
            apply_q_unblocked(&h, &tau, &mut plain, side);
            assert!(max_diff(&got, &plain) < 1e-13, "{side:?}");
        }
    }
}
