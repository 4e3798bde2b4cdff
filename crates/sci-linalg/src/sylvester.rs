//! Matrix equations: `solve_sylvester`, `solve_continuous_lyapunov`, `solve_discrete_lyapunov`.

use ndarray::{Array2, ArrayBase, Data, Ix2};
use num_complex::Complex;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::lu::inv;
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{LinalgFloat, check_finite, check_square_finite, zeros_f};
use crate::solve::solve;
use crate::special::kron;

fn adjoint<R: LinalgFloat>(a: &Array2<Complex<R>>) -> Array2<Complex<R>> {
    a.t().mapv(|z| z.conj())
}

/// Solves the Sylvester equation `a x + x b = q` for `x`.
///
/// Bartels–Stewart: with the complex Schur forms `a = u r uᴴ` and `b = v s vᴴ` the equation
/// becomes `r y + y s = uᴴ q v` with triangular `r` and `s`, solved column by column, and
/// `x = u y vᴴ` (SciPy does the same with the real Schur forms and LAPACK `trsyl`). When `a`
/// and `-b` share an eigenvalue the equation is singular; then, as `trsyl`, a pivot
/// `r[i, i] + s[k, k]` smaller than `eps · max|r, s|` is replaced by that bound (SciPy returns
/// that perturbed solution without a warning). Empty `a` or `b` give an empty `x` of `q`'s
/// shape.
///
/// Real and complex input; the complex Schur form of a complex matrix comes from faer's
/// Hessenberg reduction and single-shift QR sweeps (as LAPACK `zlahqr`).
///
/// SciPy equivalent: `scipy.linalg.solve_sylvester`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a` or `b`, [`LinalgError::ShapeMismatch`] when `q` is not
/// `(m, n)`, [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`] from the Schur
/// decompositions.
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_linalg::solve_sylvester;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[-3.0, -2.0, 0.0], [-1.0, -1.0, 3.0], [3.0, -5.0, -1.0]];
/// let b = array![[1.0]];
/// let q = array![[1.0], [2.0], [3.0]];
/// let x = solve_sylvester(&a, &b, &q)?;
/// assert_allclose(&x, &array![[0.0625], [-0.5625], [0.6875]], 1e-13, 1e-15);
/// assert_allclose(&(a.dot(&x) + x.dot(&b)), &q, 1e-13, 1e-14);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_sylvester<T, S1, S2, S3>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
    q: &ArrayBase<S3, Ix2>,
) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
{
    let m = check_square_finite(a, "a")?;
    let n = check_square_finite(b, "b")?;
    if q.dim() != (m, n) {
        return Err(LinalgError::ShapeMismatch {
            arg: "q",
            expected: format!("({m}, {n}), the rows of `a` by the columns of `b`"),
            found: q.shape().to_vec(),
        });
    }
    check_finite(q, "q")?;
    if m == 0 || n == 0 {
        return Ok(zeros_f(m, n));
    }
    let (r, u) = T::schur_c_k(a.view())?;
    let (s, v) = T::schur_c_k(b.view())?;
    let qc = q.mapv(T::to_complex);
    let mut y = adjoint(&u).dot(&qc).dot(&v);
    sylvester_triangular(&r, &s, &mut y);
    let x = u.dot(&y).dot(&adjoint(&v));
    Ok(x.mapv(T::from_complex_k))
}

/// Solves `r y + y s = f` in place in `y` (holding `f`) for upper triangular `r` and `s`.
fn sylvester_triangular<R: LinalgFloat>(
    r: &Array2<Complex<R>>,
    s: &Array2<Complex<R>>,
    y: &mut Array2<Complex<R>>,
) {
    let (m, n) = y.dim();
    let big = |t: &Array2<Complex<R>>| t.iter().fold(R::zero(), |acc, z| acc.max(z.norm()));
    let smin = (R::epsilon() * big(r).max(big(s))).max(R::min_positive_value());
    // Column k of y: (r + s[k, k] I) y_k = f_k - sum_{j<k} s[j, k] y_j, back substitution.
    for k in 0..n {
        for j in 0..k {
            let sjk = s[[j, k]];
            if sjk != Complex::new(R::zero(), R::zero()) {
                for i in 0..m {
                    let yij = y[[i, j]];
                    y[[i, k]] -= sjk * yij;
                }
            }
        }
        for i in (0..m).rev() {
            let mut acc = y[[i, k]];
            for l in i + 1..m {
                acc -= r[[i, l]] * y[[l, k]];
            }
            let mut p = r[[i, i]] + s[[k, k]];
            if p.norm() < smin {
                p = Complex::new(smin, R::zero());
            }
            y[[i, k]] = acc / p;
        }
    }
}

/// Solves the continuous Lyapunov equation `a x + x aᴴ = q`.
///
/// It is [`solve_sylvester`]`(a, aᴴ, q)`, as in SciPy; real and complex input.
///
/// SciPy equivalent: `scipy.linalg.solve_continuous_lyapunov` (alias `solve_lyapunov`).
///
/// # Errors
///
/// As [`solve_sylvester`] (`q` must be `(n, n)`).
///
/// # Examples
///
/// ```
/// use sci_linalg::solve_continuous_lyapunov;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[-3.0, -2.0, 0.0], [-1.0, -1.0, 0.0], [0.0, -5.0, -1.0]];
/// let q = array![[2.0, 4.0, -1.0], [4.0, 0.0, 3.0], [-1.0, 3.0, 1.0]]; // SciPy's example
/// let x = solve_continuous_lyapunov(&a, &q)?;
/// assert_allclose(&(a.dot(&x) + x.dot(&a.t())), &q, 1e-13, 1e-13);
/// assert_allclose(&x, &x.t(), 1e-13, 1e-14); // symmetric q gives a symmetric x
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_continuous_lyapunov<T, S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    q: &ArrayBase<S2, Ix2>,
) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    solve_sylvester(a, &a.t().mapv(T::conj), q)
}

/// The `method` of [`solve_discrete_lyapunov`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DiscreteLyapunovMethod {
    /// `None` (SciPy's default): `Direct` for `n < 10`, else `Bilinear`.
    #[default]
    Auto,
    /// `'direct'`: the `n² × n²` linear system `(I - a ⊗ a) vec(x) = vec(q)`, `O(n⁶)`.
    Direct,
    /// `'bilinear'`: the Cayley transform to a continuous Lyapunov equation, `O(n³)`.
    Bilinear,
}

/// Solves the discrete Lyapunov equation `a x aᴴ - x + q = 0`.
///
/// `Direct` solves the Kronecker-product system `(I - a ⊗ ā) vec(x) = vec(q)`; `Bilinear` maps
/// the equation to `bᴴ x + x b = -c` with `b = (aᴴ - I)(aᴴ + I)⁻¹` and
/// `c = 2 (a + I)⁻¹ q (aᴴ + I)⁻¹` and calls [`solve_continuous_lyapunov`], exactly as SciPy.
/// Real and complex input.
///
/// SciPy equivalent: `scipy.linalg.solve_discrete_lyapunov(a, q, method=None | 'direct' |
/// 'bilinear')`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`] for `a`, [`LinalgError::ShapeMismatch`] when `q` is not
/// `(n, n)`, [`LinalgError::NonFinite`], [`LinalgError::Singular`] when the direct system or
/// `a + I` is singular (an eigenvalue of `a` at `-1`, or a pair with product 1).
///
/// # Examples
///
/// SciPy's docstring example:
///
/// ```
/// use sci_linalg::{solve_discrete_lyapunov, DiscreteLyapunovMethod};
/// use sci_linalg::sci_array::ndarray::{array, Array2};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[0.2, 0.5], [0.7, -0.9]];
/// let q = Array2::<f64>::eye(2);
/// let want = array![[0.70872893, 1.43518822], [1.43518822, -2.4266315]];
/// for method in [DiscreteLyapunovMethod::Auto, DiscreteLyapunovMethod::Bilinear] {
///     let x = solve_discrete_lyapunov(&a, &q, method)?;
///     assert_allclose(&x, &want, 1e-8, 0.0);
/// }
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn solve_discrete_lyapunov<T, S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    q: &ArrayBase<S2, Ix2>,
    method: DiscreteLyapunovMethod,
) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    let n = check_square_finite(a, "a")?;
    if q.dim() != (n, n) {
        return Err(LinalgError::ShapeMismatch {
            arg: "q",
            expected: format!("({n}, {n}), the shape of `a`"),
            found: q.shape().to_vec(),
        });
    }
    check_finite(q, "q")?;
    let direct = match method {
        DiscreteLyapunovMethod::Auto => n < 10,
        DiscreteLyapunovMethod::Direct => true,
        DiscreteLyapunovMethod::Bilinear => false,
    };
    let eye = |k: usize| {
        let mut e = zeros_f::<T>(k, k);
        e.diag_mut().fill(T::one());
        e
    };
    if direct {
        let lhs = eye(n * n) - kron(a, &a.mapv(T::conj));
        let rhs = q.iter().copied().collect::<ndarray::Array1<T>>(); // row-major flatten
        let x = solve(&lhs, &rhs)?;
        return x.into_shape_with_order((n, n)).map_err(|e| invalid("q", e.to_string()));
    }
    let ah = a.t().mapv(T::conj);
    let ahi_inv = inv(&(&ah + &eye(n)))?;
    let b = matmul((&ah - &eye(n)).view(), ahi_inv.view());
    let ai_inv = inv(&(a + &eye(n)))?;
    let c = matmul(matmul(ai_inv.view(), q.view()).view(), ahi_inv.view())
        .mapv(|x| x * T::from_real(RealOf::<T>::lit(-2.0)));
    solve_continuous_lyapunov(&b.t().mapv(T::conj), &c)
}
