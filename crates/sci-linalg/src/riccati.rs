//! Algebraic Riccati equations: `solve_continuous_are`, `solve_discrete_are`.

use ndarray::{Array2, ArrayBase, Data, Ix2, s};

use crate::error::{LinalgError, Result, invalid};
use crate::lu::inv;
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{LinalgFloat, check_finite, check_square_finite, zeros_f};
use crate::schur_sort::{SchurSort, schur_sorted};
use crate::solve::solve;

/// SciPy's `_are_validate_args`: shapes, finiteness and symmetry of `q` and `r`.
fn validate<T: LinalgFloat>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<(usize, usize)> {
    let n = check_square_finite(a, "a")?;
    let m = check_square_finite(r, "r")?;
    check_finite(b, "b")?;
    if b.dim() != (n, m) {
        let expected = format!("({n}, {m}): the rows of `a` by the columns of `r`");
        return Err(LinalgError::ShapeMismatch { arg: "b", expected, found: b.shape().to_vec() });
    }
    check_square_finite(q, "q")?;
    if q.nrows() != n {
        return Err(LinalgError::ShapeMismatch {
            arg: "q",
            expected: format!("({n}, {n}), the shape of `a`"),
            found: q.shape().to_vec(),
        });
    }
    for (x, name) in [(q.view(), "q"), (r.view(), "r")] {
        let one_norm = |m: ndarray::ArrayView2<'_, T>| {
            m.columns()
                .into_iter()
                .map(|c| c.iter().fold(T::zero(), |s, v| s + v.abs()))
                .fold(T::zero(), T::max)
        };
        let asym = one_norm((&x - &x.t()).view());
        // SciPy: norm(x - x.T, 1) > spacing(norm(x, 1)) * 100
        if asym > one_norm(x) * T::epsilon() * T::lit(100.0) {
            return Err(invalid(name, format!("Matrix {name} should be symmetric/hermitian.")));
        }
    }
    Ok((n, m))
}

/// Validates the arguments and returns `n` and `g = b r⁻¹ bᵀ`.
fn gain<T: LinalgFloat>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<(usize, Array2<T>)> {
    let (n, _) = validate(a, b, q, r)?;
    let rinv_bt = solve(r, &b.t())?;
    Ok((n, matmul(b.view(), rinv_bt.view())))
}

/// `x = u21 u11⁻¹` from the first `n` Schur vectors, symmetrized; SciPy's "Failed to find a
/// finite solution" when `u11` is (numerically) singular.
fn from_subspace<T: LinalgFloat>(z: &Array2<T>, n: usize) -> Result<Array2<T>> {
    let u11 = z.slice(s![..n, ..n]);
    let u21 = z.slice(s![n.., ..n]);
    // x u11 = u21  ⇔  u11ᵀ xᵀ = u21ᵀ
    let rc = crate::norm::cond(&u11, Some(crate::NormOrd::P(1.0)))?;
    let rcond = T::one() / rc;
    if rcond.is_nan() || rcond < T::epsilon() {
        return Err(LinalgError::NearSingular { index: 0 });
    }
    let xt = solve(&u11.t(), &u21.t())?;
    let x = xt.t().to_owned();
    Ok((&x + &x.t()).mapv(|v| v * T::lit(0.5)))
}

/// Solves the continuous-time algebraic Riccati equation
/// `aᵀ x + x a - x b r⁻¹ bᵀ x + q = 0` for the stabilizing symmetric `x`.
///
/// The stable invariant subspace of the Hamiltonian `[[a, -b r⁻¹ bᵀ], [-q, -aᵀ]]` is found by
/// an ordered real Schur decomposition (stable eigenvalues first); `x = u21 u11⁻¹`,
/// symmetrized, as SciPy (which uses the QZ algorithm on an extended pencil and balancing; the
/// solutions agree to rounding for well-conditioned problems).
///
/// SciPy equivalent: `scipy.linalg.solve_continuous_are(a, b, q, r)` (real input; `e=`, `s=`
/// and `balanced=False` are not provided).
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a`, `q` or `r`, [`LinalgError::ShapeMismatch`] for `b` or
/// `q`, [`LinalgError::NonFinite`], an invalid-value error when `q` or `r` is not symmetric
/// (SciPy's wording), [`LinalgError::Singular`] for a singular `r`, and
/// [`LinalgError::NearSingular`] when no stabilizing solution exists (SciPy: "Failed to find a
/// finite solution").
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_linalg::solve_continuous_are;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[4.0f64, 3.0], [-4.5, -3.5]];
/// let b = array![[1.0], [-1.0]];
/// let q = array![[9.0, 6.0], [6.0, 4.0]];
/// let r = array![[1.0]];
/// let x = solve_continuous_are(&a, &b, &q, &r)?;
/// assert_allclose(&x, &array![[21.72792206, 14.48528137], [14.48528137, 9.65685425]], 1e-8, 0.0);
/// let res = a.t().dot(&x) + x.dot(&a) - x.dot(&b).dot(&b.t()).dot(&x) + &q;
/// assert!(res.iter().all(|v| v.abs() < 1e-10));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_continuous_are<T: LinalgFloat>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<Array2<T>> {
    let (n, g) = gain(a, b, q, r)?;
    if n == 0 {
        return Ok(zeros_f(0, 0));
    }
    let mut h = zeros_f(2 * n, 2 * n);
    h.slice_mut(s![..n, ..n]).assign(a);
    h.slice_mut(s![..n, n..]).assign(&g.mapv(|v| -v));
    h.slice_mut(s![n.., ..n]).assign(&q.mapv(|v| -v));
    h.slice_mut(s![n.., n..]).assign(&a.t().mapv(|v| -v));
    let (_, z, sdim) = schur_sorted(&h, SchurSort::Lhp)?;
    if sdim != n {
        return Err(LinalgError::NearSingular { index: sdim });
    }
    from_subspace(&z, n)
}

/// Solves the discrete-time algebraic Riccati equation
/// `aᵀ x a - x - aᵀ x b (r + bᵀ x b)⁻¹ bᵀ x a + q = 0` for the stabilizing symmetric `x`.
///
/// The stable invariant subspace (eigenvalues inside the unit circle) of the symplectic matrix
/// `[[a + g a⁻ᵀ q, -g a⁻ᵀ], [-a⁻ᵀ q, a⁻ᵀ]]` with `g = b r⁻¹ bᵀ` comes from an ordered real
/// Schur decomposition; `x = u21 u11⁻¹`, symmetrized. This needs an invertible `a` (SciPy's QZ
/// on the extended pencil does not); the solutions agree to rounding otherwise.
///
/// SciPy equivalent: `scipy.linalg.solve_discrete_are(a, b, q, r)` (real input, invertible
/// `a`; `e=`, `s=` and `balanced=False` are not provided).
///
/// # Errors
///
/// As [`solve_continuous_are`], plus [`LinalgError::Singular`] for a singular `a` (or `r`;
/// SciPy accepts a singular `r` when `r + bᵀ x b` is invertible).
///
/// # Examples
///
/// ```
/// use sci_linalg::solve_discrete_are;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[0.5, 1.0], [0.0, -0.9]];
/// let b = array![[1.0, 0.0], [2.0, 1.0]];
/// let q = array![[2.0, -1.0], [-1.0, 3.0]];
/// let r = array![[2.0, 1.0], [1.0, 1.0]];
/// let x = solve_discrete_are(&a, &b, &q, &r)?;
/// assert_allclose(&x, &array![[2.25840831, -0.2656211], [-0.2656211, 5.45788734]], 1e-8, 0.0);
/// // SciPy's docstring example has a singular `a` (and `r`): an error here.
/// let a0 = array![[0.0, 1.0], [0.0, -1.0]];
/// assert!(solve_discrete_are(&a0, &b, &q, &array![[9.0, 3.0], [3.0, 1.0]]).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_discrete_are<T: LinalgFloat>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<Array2<T>> {
    let (n, g) = gain(a, b, q, r)?;
    if n == 0 {
        return Ok(zeros_f(0, 0));
    }
    let ait = inv(&a.t())?;
    let ait_q = matmul(ait.view(), q.view());
    let g_ait = matmul(g.view(), ait.view());
    let mut z = zeros_f(2 * n, 2 * n);
    z.slice_mut(s![..n, ..n]).assign(&(a + &matmul(g.view(), ait_q.view())));
    z.slice_mut(s![..n, n..]).assign(&g_ait.mapv(|v| -v));
    z.slice_mut(s![n.., ..n]).assign(&ait_q.mapv(|v| -v));
    z.slice_mut(s![n.., n..]).assign(&ait);
    let (_, u, sdim) = schur_sorted(&z, SchurSort::Iuc)?;
    if sdim != n {
        return Err(LinalgError::NearSingular { index: sdim });
    }
    from_subspace(&u, n)
}
