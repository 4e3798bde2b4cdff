//! More special matrices and matrix helpers: `invpascal`, `fiedler_companion`, `cdf2rdf`.

use ndarray::{Array1, Array2, ArrayBase, ArrayView1, ArrayView2, ArrayViewMut2, Data, Ix1, Ix2};
use num_complex::Complex;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{LinalgFloat, check_finite, zeros_f};
use crate::special::{PascalKind, pascal};

/// `C(n, k)` exactly, `None` on overflow of `i128`.
fn binom_i128(n: u64, k: u64) -> Option<i128> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    let mut c: i128 = 1;
    for i in 0..k {
        // c · (n - i) is divisible by (i + 1): c = C(n, i) and C(n, i+1) = c (n - i) / (i + 1)
        c = c.checked_mul(i128::from(n - i))? / i128::from(i + 1);
    }
    Some(c)
}

/// Inverse of the Pascal matrix of order `n`, exactly in `i64` (SciPy's `exact=True`).
///
/// `Lower`/`Upper`: the Pascal matrix with alternating signs on its diagonals;
/// `Symmetric`: `inv[i, j] = (-1)^(i-j) Σ_k C(i+k, k) C(i+k, i+k-j)`, `k < n - i`. SciPy keeps
/// `int64` up to `n = 34` and switches to Python integers above; here an entry that does not
/// fit `i64` is an error. `exact=False` (floats) is `invpascal(n, kind)?.mapv(|x| x as f64)`
/// (exact integers rounded once; SciPy's floating `comb` may differ in the last bits).
///
/// SciPy equivalent: `scipy.linalg.invpascal(n, kind, exact=True)`.
///
/// # Errors
///
/// An invalid-value error naming `n` when an entry overflows `i64`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{PascalKind, invpascal, pascal};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// let p = invpascal(3, PascalKind::Symmetric)?;
/// assert_eq!(p, array![[3, -3, 1], [-3, 5, -2], [1, -2, 1]]);
/// let s = pascal(3, PascalKind::Symmetric)?.mapv(|x| x as i64);
/// let prod: Array2<i64> = s.dot(&p);
/// assert_eq!(prod, Array2::<i64>::eye(3));
/// assert_eq!(invpascal(3, PascalKind::Lower)?, array![[1, 0, 0], [-1, 1, 0], [1, -2, 1]]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn invpascal(n: usize, kind: PascalKind) -> Result<Array2<i64>> {
    let overflow = || invalid("n", format!("invpascal({n}) overflows i64"));
    let sign = |i: usize, j: usize| if (i + j).is_multiple_of(2) { 1i64 } else { -1i64 };
    match kind {
        PascalKind::Symmetric => {
            let mut out = Array2::<i64>::zeros((n, n));
            for i in 0..n {
                for j in 0..=i {
                    let mut v: i128 = 0;
                    for k in 0..n - i {
                        let (ik, kk, jj) = ((i + k) as u64, k as u64, (i + k - j) as u64);
                        let t = binom_i128(ik, kk)
                            .and_then(|a| a.checked_mul(binom_i128(ik, jj)?))
                            .ok_or_else(overflow)?;
                        v = v.checked_add(t).ok_or_else(overflow)?;
                    }
                    let v = i64::try_from(v).map_err(|_| overflow())? * sign(i, j);
                    out[[i, j]] = v;
                    out[[j, i]] = v;
                }
            }
            Ok(out)
        }
        _ => {
            let p = pascal(n, kind)?;
            let mut out = Array2::<i64>::zeros((n, n));
            for ((i, j), &x) in p.indexed_iter() {
                out[[i, j]] = i64::try_from(x).map_err(|_| overflow())? * sign(i, j);
            }
            Ok(out)
        }
    }
}

/// Fiedler's companion matrix of the polynomial with coefficients `a` (highest degree
/// first): a pentadiagonal `(n-1, n-1)` matrix with the roots of the polynomial as
/// eigenvalues.
///
/// As SciPy: `a` of length 2 gives `[[-a[1] / a[0]]]` (no zero check), length 0 or 1 an empty
/// matrix (SciPy: an empty 1-d array); real and complex coefficients.
///
/// SciPy equivalent: `scipy.linalg.fiedler_companion(a)` (1-d `a`).
///
/// # Errors
///
/// An invalid-value error naming `a` when `a[0] == 0` (length ≥ 3), SciPy's "Leading
/// coefficient is zero.".
///
/// # Examples
///
/// ```
/// use sci_linalg::{eigvals, fiedler_companion};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let p = array![1.0, -0.25, -1.125, 0.25, 0.125]; // roots 1, -1, 0.5, -0.25
/// let c = fiedler_companion(&p)?;
/// assert_allclose(&c, &array![[0.25, 1.125, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, -0.25, 0.0, -0.125], [0.0, 1.0, 0.0, 0.0]], 0.0, 0.0);
/// let mut w: Vec<f64> = eigvals(&c)?.iter().map(|z| z.re).collect();
/// w.sort_by(f64::total_cmp);
/// assert_allclose(&array![w[0], w[1], w[2], w[3]], &array![-1.0, -0.25, 0.5, 1.0], 1e-12, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn fiedler_companion<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix1>) -> Result<Array2<T>> {
    match a.len() {
        0 | 1 => return Ok(Array2::zeros((0, 0))),
        2 => return Ok(Array2::from_elem((1, 1), -(a[1] / a[0]))),
        _ => {}
    }
    let mut c = zeros_f::<T>(a.len() - 1, a.len() - 1);
    fiedler_into(a.view(), c.view_mut())?;
    Ok(c)
}

/// Writes Fiedler's companion matrix of `a` (length `n + 1 >= 3`) into the zeroed `(n, n)`
/// matrix `c`.
pub(crate) fn fiedler_into<T: LinalgScalar>(a: ArrayView1<'_, T>, mut c: ArrayViewMut2<'_, T>) -> Result<()> {
    if a[0] == T::zero() {
        return Err(invalid("a", "Leading coefficient is zero."));
    }
    let a0 = a[0];
    let a: Array1<T> = a.mapv(|x| x / a0);
    let n = a.len() - 1;
    // subdiagonals
    for (r, col) in (3..n).step_by(2).zip((1..n.saturating_sub(2)).step_by(2)) {
        c[[r, col]] = T::one();
    }
    for ((r, col), i) in (2..n).step_by(2).zip((1..n - 1).step_by(2)).zip((3..=n).step_by(2)) {
        c[[r, col]] = -a[i];
    }
    // superdiagonals
    for (r, col) in (0..n.saturating_sub(2)).step_by(2).zip((2..n).step_by(2)) {
        c[[r, col]] = T::one();
    }
    for ((r, col), i) in (0..n - 1).step_by(2).zip((1..n).step_by(2)).zip((2..=n).step_by(2)) {
        c[[r, col]] = -a[i];
    }
    c[[0, 0]] = -a[1];
    c[[1, 0]] = T::one();
    Ok(())
}

/// Converts complex eigenvalues `w` and eigenvectors `v` of a real matrix to the real block
/// diagonal form: `wr` has `[[Re λ, Im λ], [-Im λ, Re λ]]` blocks for each complex conjugate
/// pair and `vr` is real with `a · vr = vr · wr`.
///
/// The conjugate pairs must be adjacent (as [`eig`](crate::eig) returns them); as in SciPy,
/// the eigenvalue with an imaginary part is taken as complex, the first of each pair giving
/// `wr[j, k] = Im w[j]` and the second `wr[k, j] = Im w[k]`, and
/// `vr[:, j] = Re(0.5i (v[:, j] - v[:, k]))`, `vr[:, k] = Re(0.5 (v[:, j] + v[:, k]))`.
///
/// SciPy equivalent: `scipy.linalg.cdf2rdf(w, v)` (one matrix; no stacks).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for a non-square `v`, [`LinalgError::ShapeMismatch`] when `v`
/// does not have `len(w)` columns, an invalid-value error naming `w` for an odd number of
/// complex eigenvalues, [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{cdf2rdf, eig};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, -5.0, 4.0]];
/// let (w, v) = eig(&a)?;
/// let (wr, vr) = cdf2rdf(&w, &v)?;
/// assert_allclose(&a.dot(&vr), &vr.dot(&wr), 1e-12, 1e-12);
/// let w12: f64 = wr[[1, 2]];
/// assert!((w12.abs() - 5.0).abs() < 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[allow(clippy::type_complexity)]
pub fn cdf2rdf<R, S1, S2>(w: &ArrayBase<S1, Ix1>, v: &ArrayBase<S2, Ix2>) -> Result<(Array2<R>, Array2<R>)>
where
    R: LinalgFloat,
    Complex<R>: LinalgScalar<Real = R>,
    S1: Data<Elem = Complex<R>>,
    S2: Data<Elem = Complex<R>>,
{
    check_finite(w, "w")?;
    check_finite(v, "v")?;
    let n = w.len();
    if v.nrows() != v.ncols() {
        return Err(LinalgError::NotSquare { arg: "v", shape: v.shape().to_vec() });
    }
    if v.ncols() != n {
        return Err(LinalgError::ShapeMismatch {
            arg: "v",
            expected: format!("({n}, {n}): as many eigenvectors as eigenvalues"),
            found: v.shape().to_vec(),
        });
    }
    let (mut wr, mut vr) = (zeros_f::<R>(n, n), zeros_f::<R>(n, n));
    cdf2rdf_into(w.view(), v.view(), wr.view_mut(), vr.view_mut())?;
    Ok((wr, vr))
}

/// [`cdf2rdf`] for checked shapes (`w` `(n,)`, `v` `(n, n)`), into the zeroed `wr` and `vr`.
pub(crate) fn cdf2rdf_into<R>(
    w: ArrayView1<'_, Complex<R>>,
    v: ArrayView2<'_, Complex<R>>,
    mut wr: ArrayViewMut2<'_, R>,
    mut vr: ArrayViewMut2<'_, R>,
) -> Result<()>
where
    R: LinalgFloat,
{
    let n = w.len();
    let cplx: Vec<usize> = (0..n).filter(|&i| !w[i].im.is_zero()).collect();
    if !cplx.len().is_multiple_of(2) {
        return Err(invalid("w", "expected complex-conjugate pairs of eigenvalues"));
    }
    for i in 0..n {
        wr[[i, i]] = w[i].re;
    }
    vr.zip_mut_with(&v, |o, z| *o = z.re);
    let half = R::lit(0.5);
    for pair in cplx.chunks(2) {
        let (j, k) = (pair[0], pair[1]);
        wr[[j, k]] = w[j].im;
        wr[[k, j]] = w[k].im;
        for i in 0..n {
            let (vj, vk) = (v[[i, j]], v[[i, k]]);
            // Re(vj · 0.5i + vk · (-0.5i)) and Re(vj · 0.5 + vk · 0.5), as SciPy's v @ u
            vr[[i, j]] = -(vj.im * half) + vk.im * half;
            vr[[i, k]] = vj.re * half + vk.re * half;
        }
    }
    Ok(())
}
