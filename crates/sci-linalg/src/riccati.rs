//! Algebraic Riccati equations: `solve_continuous_are`, `solve_discrete_are`.

use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2, s};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::LinalgFloat;
use crate::schur_sort::{SchurSort, schur_sorted};
use crate::solve::solve;

/// Keyword arguments of [`solve_continuous_are_with`] and [`solve_discrete_are_with`], with
/// SciPy's defaults (`e=None`, `s=None`, `balanced=True`).
///
/// # Examples
///
/// ```
/// use sci_linalg::AreOptions;
/// let o = AreOptions::<f64>::default();
/// assert!(o.e.is_none() && o.s.is_none() && o.balanced);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AreOptions<'a, T> {
    /// `e` of the generalized equation (nonsingular, the shape of `a`); `None` is the identity.
    pub e: Option<ArrayView2<'a, T>>,
    /// `s`, the cross term (the shape of `b`); `None` is zero.
    pub s: Option<ArrayView2<'a, T>>,
    /// Balance the Hamiltonian (symplectic) matrix by a symplectic diagonal scaling first.
    pub balanced: bool,
}

impl<T> Default for AreOptions<'_, T> {
    fn default() -> Self {
        Self { e: None, s: None, balanced: true }
    }
}

/// SciPy's balancing of the pencil, on the `2n x 2n` Hamiltonian or symplectic `h`: `gebal`
/// scaling of `|h|` without its diagonal, then the symplectic `diag(d, d⁻¹)` nearest to it
/// (`d_i = 2^round((log2 s_{n+i} - log2 s_i) / 2)`, Benner). Returns `d` (`None` when the
/// scaling is the identity, as SciPy's `allclose(sca, 1)` test).
fn balance<T: LinalgFloat>(h: &mut Array2<T>, n: usize) -> Option<Vec<T>> {
    let mut m = h.mapv(|v| v.abs());
    m.diag_mut().fill(T::zero());
    let d = symplectic_scaling(&m, n)?;
    let full: Vec<T> = d.iter().copied().chain(d.iter().map(|&v| T::one() / v)).collect();
    for ((i, j), v) in h.indexed_iter_mut() {
        *v *= full[i] / full[j];
    }
    Some(d)
}

/// The `d` of [`balance`] from `m = |h|` without its diagonal (`None`: no scaling).
pub(crate) fn symplectic_scaling<T: LinalgFloat>(m: &Array2<T>, n: usize) -> Option<Vec<T>> {
    let sca = crate::balance::scaling_factors(m);
    if sca.iter().all(|&v| (v - T::one()).abs() <= T::lit(1e-8) + T::lit(1e-5)) {
        return None;
    }
    Some(
        (0..n)
            .map(|i| {
                let l = (sca[n + i].log2() - sca[i].log2()).to_f64_lossless() / 2.0;
                T::lit(2f64.powf(l.round_ties_even()))
            })
            .collect(),
    )
}

/// The stabilizing solution from the ordered Schur vectors of the (balanced) `h`.
pub(crate) fn stable_solution<T: LinalgFloat>(
    mut h: Array2<T>,
    n: usize,
    sort: SchurSort,
    balanced: bool,
) -> Result<Array2<T>> {
    let d = if balanced { balance(&mut h, n) } else { None };
    let (_, z, sdim) = schur_sorted(&h, sort)?;
    if sdim != n {
        return Err(LinalgError::NearSingular { index: sdim });
    }
    let mut x = from_subspace(&z, n)?;
    if let Some(d) = d {
        for ((i, j), v) in x.indexed_iter_mut() {
            *v *= d[i] * d[j];
        }
    }
    Ok(x)
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
/// The stable invariant subspace of the Hamiltonian `[[a, -b r⁻¹ bᵀ], [-q, -aᵀ]]`, balanced
/// first (SciPy's default `balanced=True`), is found by an ordered real Schur decomposition
/// (stable eigenvalues first); `x = u21 u11⁻¹`, symmetrized, as SciPy (which uses the QZ
/// algorithm on an extended pencil; the solutions agree to rounding for well-conditioned
/// problems). [`solve_continuous_are_with`] takes SciPy's `e=`, `s=` and `balanced=`.
///
/// Complex input (`Complex<f64>`, `Complex<f32>`): the same equation with conjugate
/// transposes (`aᴴ x + x a - x b r⁻¹ bᴴ x + q = 0`, `q` and `r` Hermitian, `x` Hermitian),
/// solved on an ordered complex Schur form of the Hamiltonian (adjacent swaps as LAPACK
/// `ztrexc`).
///
/// SciPy equivalent: `scipy.linalg.solve_continuous_are(a, b, q, r)` (real and complex input).
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
///
/// Complex input: `a = i`, `b = q = r = 1` gives `x² = 1` (`aᴴ x + x a = 0`), so `x = 1`:
///
/// ```
/// use sci_linalg::solve_continuous_are;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let one = array![[C::new(1.0, 0.0)]];
/// let x = solve_continuous_are(&array![[C::new(0.0, 1.0)]], &one, &one, &one)?;
/// assert!((x[[0, 0]] - C::new(1.0, 0.0)).norm() < 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_continuous_are<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<Array2<T>> {
    solve_continuous_are_with(a, b, q, r, &AreOptions::default())
}

/// [`solve_continuous_are`] with SciPy's `e=`, `s=` and `balanced=`: the generalized equation
/// `aᵀ x e + eᵀ x a - (eᵀ x b + s) r⁻¹ (bᵀ x e + sᵀ) + q = 0`.
///
/// With a nonsingular `e` and the cross term `s`, the equation is the standard one for
/// `y = eᵀ x e` with `â = e⁻¹ (a - b r⁻¹ sᵀ)`, `b̂ = e⁻¹ b` and `q̄ = q - s r⁻¹ sᵀ`; it is solved
/// as [`solve_continuous_are`] and `x = e⁻ᵀ y e⁻¹` (SciPy solves the extended `(2n + m)`
/// pencil by QZ; the solutions agree to rounding for well-conditioned `e`). `balanced` scales
/// the Hamiltonian by `diag(d, d⁻¹)` from LAPACK `gebal`'s factors (Benner's symplectic
/// balancing, as SciPy's); it changes only rounding.
///
/// Complex input: `ᵀ` becomes `ᴴ` throughout (see [`solve_continuous_are`]).
///
/// SciPy equivalent: `scipy.linalg.solve_continuous_are(a, b, q, r, e=None, s=None,
/// balanced=True)` (real and complex input).
///
/// # Errors
///
/// As [`solve_continuous_are`], plus [`LinalgError::NotSquare`] / [`LinalgError::ShapeMismatch`]
/// / [`LinalgError::NonFinite`] for `e` and `s`, and an invalid-value error for a numerically
/// singular `e` (SciPy: "Matrix e is numerically singular.").
///
/// # Examples
///
/// ```
/// use sci_linalg::{AreOptions, solve_continuous_are_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[-2.0f64, 1.0], [0.0, -3.0]];
/// let b = array![[1.0], [1.0]];
/// let q = array![[1.0, 0.0], [0.0, 2.0]];
/// let r = array![[1.0]];
/// let e = array![[2.0, 0.5], [0.0, 1.0]];
/// let s = array![[0.1], [0.2]];
/// let o = AreOptions { e: Some(e.view()), s: Some(s.view()), ..Default::default() };
/// let x = solve_continuous_are_with(&a, &b, &q, &r, &o)?;
/// // aᵀ x e + eᵀ x a - (eᵀ x b + s) r⁻¹ (bᵀ x e + sᵀ) + q = 0
/// let g = e.t().dot(&x).dot(&b) + &s;
/// let res = a.t().dot(&x).dot(&e) + e.t().dot(&x).dot(&a) - g.dot(&g.t()) + &q;
/// assert_allclose(&res, &array![[0.0, 0.0], [0.0, 0.0]], 0.0, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_continuous_are_with<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<Array2<T>> {
    crate::riccati_complex::care(a, b, q, r, opts)
}

/// Solves the discrete-time algebraic Riccati equation
/// `aᵀ x a - x - aᵀ x b (r + bᵀ x b)⁻¹ bᵀ x a + q = 0` for the stabilizing symmetric `x`.
///
/// SciPy's own route, for real and complex input: the extended symplectic pencil of order
/// `2n + m` (balanced first, SciPy's default), deflated by the `r` column block, its stable
/// deflating subspace (eigenvalues inside the unit circle) from an ordered QZ decomposition
/// ([`crate::ordqz`] for real input, [`crate::ordqz_complex`] for complex input, as SciPy's
/// `output=` by type), `x = u10 u00⁻¹`, symmetrized. It needs no inverse of `a`, so a singular
/// `a` is solved as SciPy solves it. For complex input (`Complex<f64>`, `Complex<f32>`) `ᵀ`
/// becomes `ᴴ` throughout and `x` is Hermitian. [`solve_discrete_are_with`] takes `e=`, `s=`,
/// `balanced=`.
///
/// SciPy equivalent: `scipy.linalg.solve_discrete_are(a, b, q, r)`.
///
/// # Errors
///
/// As [`solve_continuous_are`] (a singular `r` is an error when `r` is inverted, as SciPy's
/// argument checks), plus, as SciPy, [`LinalgError::NearSingular`] when no finite solution is
/// found ("Failed to find a finite solution") and an invalid-value error when the pencil has
/// eigenvalues too close to the unit circle.
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
/// // SciPy's docstring example: a singular `a` (and `r`); x = q there.
/// let a0 = array![[0.0, 1.0], [0.0, -1.0]];
/// let q0 = array![[-4.0, -4.0], [-4.0, 7.0]];
/// let x0 = solve_discrete_are(&a0, &b, &q0, &array![[9.0, 3.0], [3.0, 1.0]])?;
/// assert_allclose(&x0, &q0, 1e-12, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Complex input: `a = i/2`, `b = q = r = 1` gives `x² - x/4 - 1 = 0`:
///
/// ```
/// use sci_linalg::solve_discrete_are;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let one = array![[C::new(1.0, 0.0)]];
/// let x = solve_discrete_are(&array![[C::new(0.0, 0.5)]], &one, &one, &one)?;
/// let want = (0.25 + 4.0625f64.sqrt()) / 2.0;
/// assert!((x[[0, 0]] - C::new(want, 0.0)).norm() < 1e-14);
/// // a singular complex `a` (here nilpotent): x = q + aᴴ x a = q + aᴴ q a
/// let z = C::new(0.0, 0.0);
/// let a0 = array![[z, C::new(1.0, 1.0)], [z, z]];
/// let b0 = array![[C::new(1.0, 0.0)], [C::new(0.0, 1.0)]];
/// let q0 = array![[C::new(2.0, 0.0), z], [z, C::new(1.0, 0.0)]];
/// let x0 = solve_discrete_are(&a0, &b0, &q0, &one)?;
/// let aha = a0.t().mapv(|v| v.conj()).dot(&x0).dot(&a0);
/// let g = a0.t().mapv(|v| v.conj()).dot(&x0).dot(&b0);
/// let k = (&one + &b0.t().mapv(|v| v.conj()).dot(&x0).dot(&b0))[[0, 0]];
/// let res = &aha - &x0 - g.dot(&g.t().mapv(|v| v.conj())).mapv(|v| v / k) + &q0;
/// assert!(res.iter().all(|v| v.norm() < 1e-12));
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_discrete_are<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
) -> Result<Array2<T>> {
    solve_discrete_are_with(a, b, q, r, &AreOptions::default())
}

/// [`solve_discrete_are`] with SciPy's `e=`, `s=` and `balanced=`: the generalized equation
/// `aᵀ x a - eᵀ x e - (aᵀ x b + s) (r + bᵀ x b)⁻¹ (bᵀ x a + sᵀ) + q = 0`.
///
/// `e` and `s` enter SciPy's extended pencil directly (see [`solve_discrete_are`]), for real
/// and complex input; `balanced` scales it by `diag(d, d⁻¹, ·)` from LAPACK `gebal`'s factors
/// of `|H| + |J|`, as SciPy. With `e` and a singular `a`, SciPy's answers need not satisfy the
/// equation (residuals up to 0.3 on the fixtures) and some such pencils fail its
/// unit-circle check; both are reproduced as they are.
///
/// SciPy equivalent: `scipy.linalg.solve_discrete_are(a, b, q, r, e=None, s=None,
/// balanced=True)` (real and complex input).
///
/// # Errors
///
/// As [`solve_discrete_are`] and [`solve_continuous_are_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{AreOptions, solve_discrete_are_with};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[0.9f64, 0.2], [0.0, 0.7]];
/// let b = array![[1.0], [0.5]];
/// let q = array![[1.0, 0.0], [0.0, 1.0]];
/// let r = array![[2.0]];
/// let e = array![[1.0, 0.1], [0.0, 1.2]];
/// let s = array![[0.1], [0.0]];
/// let o = AreOptions { e: Some(e.view()), s: Some(s.view()), balanced: false };
/// let x = solve_discrete_are_with(&a, &b, &q, &r, &o)?;
/// let g = a.t().dot(&x).dot(&b) + &s;
/// let k = sci_linalg::solve(&(&r + &b.t().dot(&x).dot(&b)), &g.t())?;
/// let res = a.t().dot(&x).dot(&a) - e.t().dot(&x).dot(&e) - g.dot(&k) + &q;
/// assert_allclose(&res, &array![[0.0, 0.0], [0.0, 0.0]], 0.0, 1e-12);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_discrete_are_with<T: LinalgScalar>(
    a: &ArrayBase<impl Data<Elem = T>, Ix2>,
    b: &ArrayBase<impl Data<Elem = T>, Ix2>,
    q: &ArrayBase<impl Data<Elem = T>, Ix2>,
    r: &ArrayBase<impl Data<Elem = T>, Ix2>,
    opts: &AreOptions<'_, T>,
) -> Result<Array2<T>> {
    crate::riccati_complex::dare(a, b, q, r, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn balance_is_a_symplectic_power_of_two_scaling() {
        // A badly scaled Hamiltonian: balancing must act, with d a power of 2.
        let mut h = array![
            [1.0, 0.0, -1e6, 0.0],
            [0.0, -1.0, 0.0, -1.0],
            [-1e-6, 0.0, -1.0, 0.0],
            [0.0, -1.0, 0.0, 1.0]
        ];
        let h0 = h.clone();
        let d = balance(&mut h, 2).expect("scaling acts on this matrix");
        assert!(d.iter().all(|v: &f64| v.log2().fract() == 0.0));
        let full = [d[0], d[1], 1.0 / d[0], 1.0 / d[1]];
        for ((i, j), v) in h.indexed_iter() {
            assert_eq!(*v, h0[[i, j]] * full[i] / full[j]);
        }
        assert!(h[[0, 2]].abs() < 1e6 && h[[2, 0]].abs() > 1e-6);
        // An already balanced matrix is left alone.
        let mut e = Array2::<f64>::eye(4);
        assert!(balance(&mut e, 2).is_none());
    }
}
