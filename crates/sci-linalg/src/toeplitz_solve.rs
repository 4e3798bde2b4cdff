//! `solve_toeplitz`: Levinson recursion, O(n²) instead of LU's O(n³).

use ndarray::{Array, Array1, ArrayBase, ArrayView1, Data, Dimension, Ix1, s};

use crate::error::{LinalgError, Result};
use crate::rhs::{rhs_back, rhs_matrix};
use crate::scalar::{LinalgFloat, check_finite};

/// Solves `T x = b` for the Toeplitz matrix `T = toeplitz(c, r)` (first column `c`, first
/// row `r`, `r[0]` ignored; `None` means `r = c`) by Levinson recursion in `O(n²)`.
///
/// Levinson recursion needs every leading principal minor of `T` to be non-singular (it does
/// not pivot) and is less stable than LU for indefinite or ill-conditioned `T`, as SciPy notes.
///
/// SciPy equivalent: `scipy.linalg.solve_toeplitz((c, r), b)`.
///
/// # Errors
///
/// [`LinalgError::Singular`] with the order of the first singular leading minor,
/// [`LinalgError::ShapeMismatch`] when `r` or `b` do not have `len(c)` entries or rows,
/// [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{solve, solve_toeplitz, toeplitz};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let c = array![1.0, 3.0, 6.0, 10.0];
/// let r = array![1.0, -1.0, -2.0, -3.0];
/// let b = array![1.0, 2.0, 2.0, 5.0];
/// let x = solve_toeplitz(&c, Some(r.view()), &b).unwrap();
/// assert_allclose(&x, &array![1.66666667, -1.0, -2.66666667, 2.33333333], 1e-8, 0.0);
/// assert_allclose(&x, &solve(&toeplitz(&c, Some(r.view())), &b).unwrap(), 1e-12, 0.0);
/// ```
pub fn solve_toeplitz<T, S1, S2, D>(
    c: &ArrayBase<S1, Ix1>,
    r: Option<ArrayView1<'_, T>>,
    b: &ArrayBase<S2, D>,
) -> Result<Array<T, D>>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
{
    let n = c.len();
    let r = r.unwrap_or_else(|| c.view());
    if r.len() != n {
        return Err(LinalgError::ShapeMismatch {
            arg: "r",
            expected: format!("({n},), the length of c"),
            found: r.shape().to_vec(),
        });
    }
    check_finite(c, "c")?;
    check_finite(&r, "r")?;
    let mut y = rhs_matrix(b, n, "b")?;
    if n == 0 {
        return Ok(rhs_back(y, b.ndim()));
    }
    // t(k) for k in -(n-1)..=(n-1): t(k) = c[k] for k >= 0, r[-k] for k < 0.
    let t = |k: isize| if k >= 0 { c[k as usize] } else { r[(-k) as usize] };
    let t0 = c[0];
    if t0 == T::zero() {
        return Err(LinalgError::Singular { pivot: 0 });
    }
    let k = y.ncols();
    let mut f = Array1::zeros(n); // forward vector: T_m f = e_first
    let mut bw = Array1::zeros(n); // backward vector: T_m b = e_last
    let mut x = ndarray::Array2::zeros((n, k));
    f[0] = T::one() / t0;
    bw[0] = T::one() / t0;
    for j in 0..k {
        x[[0, j]] = y[[0, j]] / t0;
    }
    for m in 1..n {
        let mut ef = T::zero();
        let mut eb = T::zero();
        for i in 0..m {
            ef += t((m - i) as isize) * f[i];
            eb += t(-((i + 1) as isize)) * bw[i];
        }
        let denom = T::one() - ef * eb;
        if denom == T::zero() {
            return Err(LinalgError::Singular { pivot: m });
        }
        // f' = ([f;0] - ef [0;b]) / denom,  b' = ([0;b] - eb [f;0]) / denom
        let fo = f.slice(s![..m]).to_owned();
        let bo = bw.slice(s![..m]).to_owned();
        for i in 0..=m {
            let f_i = if i < m { fo[i] } else { T::zero() };
            let b_im1 = if i > 0 { bo[i - 1] } else { T::zero() };
            f[i] = (f_i - ef * b_im1) / denom;
            bw[i] = (b_im1 - eb * f_i) / denom;
        }
        for j in 0..k {
            let mut ex = T::zero();
            for i in 0..m {
                ex += t((m - i) as isize) * x[[i, j]];
            }
            let corr = y[[m, j]] - ex;
            for i in 0..=m {
                x[[i, j]] += corr * bw[i];
            }
        }
    }
    y.assign(&x);
    Ok(rhs_back(y, b.ndim()))
}
