//! More SVD/eigen-based tools: `pinvh`, `polar`, `orthogonal_procrustes`, plus the structure
//! tests `issymmetric` and `bandwidth`.

use ndarray::{Array2, ArrayBase, Data, Ix2};
use num_traits::{Float, Zero};

use crate::eig::eigh;
use crate::error::{LinalgError, Result};
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{LinalgFloat, check_finite, zeros_f};
use crate::svd::svd;

/// Pseudo-inverse of a symmetric matrix from its eigendecomposition (only the lower triangle
/// is read when `lower`, else the upper one).
///
/// Eigenvalues with `|w| <= atol + rtol · max|w|` count as zero; `atol = None` is 0 and
/// `rtol = None` is `n · eps` (SciPy's defaults).
///
/// Complex Hermitian input (`Complex<f64>`, `Complex<f32>`): `V_k diag(1/w_k) V_kᴴ`.
/// Negative `atol` or `rtol` is an error, as SciPy's.
///
/// SciPy equivalent: `scipy.linalg.pinvh(a, atol, rtol, lower)` (real and complex input;
/// `return_rank=True` is [`pinvh_with_rank`]).
///
/// # Errors
///
/// [`LinalgError::NotSquare`], [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{pinvh, pinv};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 1.0, 1.0], [1.0, 2.0, 1.0], [1.0, 1.0, 2.0]];
/// assert_allclose(&pinvh(&a, None, None, true).unwrap(), &pinv(&a, None, None).unwrap(), 1e-13, 1e-14);
/// ```
///
/// Complex Hermitian input:
///
/// ```
/// use sci_linalg::pinvh;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let h = array![[C::new(1.0, 0.0), C::new(0.0, -1.0)], [C::new(0.0, 1.0), C::new(1.0, 0.0)]]; // rank 1
/// let p = pinvh(&h, None, None, true)?;
/// assert_allclose(&h.dot(&p).dot(&h), &h, 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn pinvh<T: crate::LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: Option<crate::RealOf<T>>,
    rtol: Option<crate::RealOf<T>>,
    lower: bool,
) -> Result<Array2<T>> {
    Ok(pinvh_with_rank(a, atol, rtol, lower)?.0)
}

/// [`pinvh`] with the effective rank: `(pinvh, rank)`, `rank` the number of eigenvalues with
/// `|w| > atol + rtol · max|w|`.
///
/// SciPy equivalent: `scipy.linalg.pinvh(a, atol, rtol, lower, return_rank=True)`.
///
/// # Errors
///
/// As [`pinvh`].
///
/// # Examples
///
/// ```
/// use sci_linalg::pinvh_with_rank;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, 1.0], [1.0, 1.0]]; // eigenvalues 0 and 2
/// let (p, rank) = pinvh_with_rank(&a, None, None, true)?;
/// assert_eq!(rank, 1);
/// assert_allclose(&p, &array![[0.25, 0.25], [0.25, 0.25]], 1e-14, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn pinvh_with_rank<T: crate::LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: Option<crate::RealOf<T>>,
    rtol: Option<crate::RealOf<T>>,
    lower: bool,
) -> Result<(Array2<T>, usize)> {
    let (w, v) = eigh(a, lower)?;
    let n = w.len();
    let zero = crate::RealOf::<T>::zero();
    let wmax = w.iter().fold(zero, |m, x| m.max(x.abs()));
    let atol = atol.unwrap_or(zero);
    let rtol = rtol.unwrap_or_else(|| crate::RealOf::<T>::lit(n as f64) * crate::RealOf::<T>::epsilon());
    if atol < zero || rtol < zero {
        return Err(crate::error::invalid("atol", "atol and rtol values must be positive."));
    }
    let cut = atol + rtol * wmax;
    let keep: Vec<usize> = (0..n).filter(|&i| w[i].abs() > cut).collect();
    // pinv = V_k diag(1/w_k) V_kᴴ
    let mut vk = zeros_f(n, keep.len());
    let mut vs = zeros_f(n, keep.len());
    for (c, &i) in keep.iter().enumerate() {
        vk.column_mut(c).assign(&v.column(i));
        let wi = T::from_real(w[i]);
        vs.column_mut(c).assign(&v.column(i).mapv(|x| x / wi));
    }
    let vkh = vk.t().mapv(T::conj);
    Ok((matmul(vs.view(), vkh.view()), keep.len()))
}

/// Polar decomposition `a = u · p` (`side = Right`, SciPy's default) or `a = p · u`
/// (`Left`): `u` has orthonormal columns (rows) and `p` is symmetric positive semidefinite.
///
/// SciPy equivalent: `scipy.linalg.polar(a, side)` (real and complex input).
///
/// # Errors
///
/// [`LinalgError::NonFinite`], [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{polar, Side};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[1.0, -1.0], [2.0, 4.0]];
/// let (u, p) = polar(&a, Side::Right).unwrap();
/// assert_allclose(&u.dot(&p), &a, 1e-14, 1e-14);
/// assert_allclose(&u, &array![[0.85749293, -0.51449576], [0.51449576, 0.85749293]], 1e-8, 0.0);
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`): `u` unitary, `p` Hermitian positive
/// semidefinite:
///
/// ```
/// use sci_linalg::{Side, polar};
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[C::new(0.0, 2.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(3.0, 0.0)]];
/// let (u, p) = polar(&a, Side::Right)?;
/// assert_allclose(&u, &array![[C::new(0.0, 1.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(1.0, 0.0)]], 1e-15, 1e-15);
/// assert_allclose(&p, &array![[C::new(2.0, 0.0), C::new(0.0, 0.0)], [C::new(0.0, 0.0), C::new(3.0, 0.0)]], 1e-15, 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn polar<T: crate::LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    side: Side,
) -> Result<(Array2<T>, Array2<T>)> {
    let d = svd(a, false)?;
    let u = matmul(d.u.view(), d.vh.view());
    let p = match side {
        // p = V diag(s) Vᴴ
        Side::Right => {
            let mut sv = d.vh.t().mapv(T::conj);
            for (mut col, &x) in sv.columns_mut().into_iter().zip(d.s.iter()) {
                col.mapv_inplace(|y| y * T::from_real(x));
            }
            matmul(sv.view(), d.vh.view())
        }
        // p = U diag(s) Uᴴ
        Side::Left => {
            let mut us = d.u.clone();
            for (mut col, &x) in us.columns_mut().into_iter().zip(d.s.iter()) {
                col.mapv_inplace(|y| y * T::from_real(x));
            }
            let uh = d.u.t().mapv(T::conj);
            matmul(us.view(), uh.view())
        }
    };
    Ok((u, p))
}

/// Which side the positive factor of [`polar`] goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// `a = u p` (SciPy's default `side='right'`).
    #[default]
    Right,
    /// `a = p u`.
    Left,
}

/// The orthogonal matrix `r` that maps `a` closest onto `b` (minimizes `‖a r - b‖_F`), and
/// the sum of the singular values of `aᵀ b` (`scale`).
///
/// SciPy equivalent: `scipy.linalg.orthogonal_procrustes(A, B)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when the shapes differ, [`LinalgError::NonFinite`],
/// [`LinalgError::NoConvergence`].
///
/// # Examples
///
/// ```
/// use sci_linalg::orthogonal_procrustes;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::testing::assert_allclose;
/// let a = array![[2.0, 0.0, 1.0], [-2.0, 0.0, 0.0]];
/// let b = a.slice(sci_linalg::sci_array::ndarray::s![.., ..;-1]).to_owned();
/// let (r, scale) = orthogonal_procrustes(&a, &b).unwrap();
/// assert_allclose(&r, &array![[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], 0.0, 1e-14);
/// assert!((scale - 9.0f64).abs() < 1e-14);
/// ```
pub fn orthogonal_procrustes<T, S1, S2>(
    a: &ArrayBase<S1, Ix2>,
    b: &ArrayBase<S2, Ix2>,
) -> Result<(Array2<T>, T)>
where
    T: LinalgFloat,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    if a.shape() != b.shape() {
        return Err(LinalgError::ShapeMismatch {
            arg: "B",
            expected: format!("the shape of A, {:?}", a.shape()),
            found: b.shape().to_vec(),
        });
    }
    check_finite(a, "A")?;
    check_finite(b, "B")?;
    let atb = matmul(a.t(), b.view());
    let d = svd(&atb, false)?;
    let r = matmul(d.u.view(), d.vh.view());
    Ok((r, d.s.sum()))
}

/// Whether `a` is square and equal to its transpose, within `atol + rtol · |a[j, i]|` per
/// element (exactly when both are 0, SciPy's default).
///
/// SciPy equivalent: `scipy.linalg.issymmetric(a, atol, rtol)`.
///
/// # Examples
///
/// ```
/// use sci_linalg::issymmetric;
/// use sci_linalg::sci_array::ndarray::array;
/// assert!(issymmetric(&array![[1.0, 2.0], [2.0, 3.0]], 0.0, 0.0));
/// assert!(!issymmetric(&array![[1.0, 2.0], [2.5, 3.0]], 0.0, 0.0));
/// assert!(!issymmetric(&array![[1.0, 2.0, 3.0]], 0.0, 0.0));
/// ```
pub fn issymmetric<T: LinalgFloat, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, atol: T, rtol: T) -> bool {
    let n = a.nrows();
    if n != a.ncols() {
        return false;
    }
    (0..n).all(|i| (0..i).all(|j| (a[[i, j]] - a[[j, i]]).abs() <= atol + rtol * a[[j, i]].abs()))
}

/// Whether the square `a` equals its conjugate transpose, within `atol + rtol · |a[j, i]|` per
/// element (exactly when both are 0, SciPy's default `atol=None, rtol=None`).
///
/// For real `a` this is [`issymmetric`]; for complex `a` the diagonal's imaginary parts are
/// checked too (`|a[i, i] - conj(a[i, i])| = 2 |Im a[i, i]|`). A NaN off the diagonal makes
/// the matrix non-Hermitian, as SciPy's comparisons do.
///
/// SciPy equivalent: `scipy.linalg.ishermitian(a, atol=None, rtol=None)`.
///
/// # Errors
///
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare) for a non-square `a` (SciPy:
/// "Input array must be square.").
///
/// # Examples
///
/// ```
/// use sci_linalg::ishermitian;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let h = array![[C::new(1.0, 0.0), C::new(2.0, 1.0)], [C::new(2.0, -1.0), C::new(1.0, 0.0)]];
/// assert!(ishermitian(&h, 0.0, 0.0)?);
/// let s = array![[C::new(1.0, 0.0), C::new(2.0, 1.0)], [C::new(2.0, 1.0), C::new(1.0, 0.0)]];
/// assert!(!ishermitian(&s, 0.0, 0.0)?); // symmetric, not Hermitian
/// assert!(!ishermitian(&array![[C::new(1.0, 1.0)]], 0.0, 0.0)?);
/// assert!(ishermitian(&array![[C::new(1.0, 1e-9)]], 1e-8, 0.0)?);
/// assert!(ishermitian(&array![[1.0, 2.0], [2.0000001, 1.0]], 0.0, 1e-6)?);
/// assert!(ishermitian(&array![[1.0, 2.0, 3.0]], 0.0, 0.0).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn ishermitian<T: crate::LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    atol: crate::RealOf<T>,
    rtol: crate::RealOf<T>,
) -> crate::Result<bool> {
    let n = crate::scalar::check_square(a, "a")?;
    let diag = usize::from(T::IS_COMPLEX);
    Ok((0..n).all(|i| {
        (0..i + diag).all(|j| (a[[i, j]] - a[[j, i]].conj()).modulus() <= atol + rtol * a[[j, i]].modulus())
    }))
}

/// Lower and upper bandwidth of a matrix: the largest distances below and above the
/// diagonal of a non-zero entry.
///
/// SciPy equivalent: `scipy.linalg.bandwidth(a)` (2-d input).
///
/// # Examples
///
/// ```
/// use sci_linalg::bandwidth;
/// use sci_linalg::sci_array::ndarray::array;
/// assert_eq!(bandwidth(&array![[1, 2, 0], [0, 3, 4], [5, 0, 6]]), (2, 1));
/// assert_eq!(bandwidth(&array![[1.0, 0.0], [0.0, 1.0]]), (0, 0));
/// ```
pub fn bandwidth<T, S>(a: &ArrayBase<S, Ix2>) -> (usize, usize)
where
    T: num_traits::Zero + PartialEq,
    S: Data<Elem = T>,
{
    let (mut lo, mut up) = (0, 0);
    for ((i, j), x) in a.indexed_iter() {
        if !x.is_zero() {
            if i > j {
                lo = lo.max(i - j);
            } else {
                up = up.max(j - i);
            }
        }
    }
    (lo, up)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn polar_left_and_pinvh_rank_deficient() {
        let a: Array2<f64> = array![[1.0, -1.0], [2.0, 4.0], [0.5, 0.0]];
        let (u, p) = polar(&a.t(), Side::Left).unwrap();
        let back = p.dot(&u);
        assert!(back.iter().zip(a.t().iter()).all(|(x, y)| (x - y).abs() < 1e-13));
        let r1: Array2<f64> = array![[1.0, 2.0], [2.0, 4.0]];
        let p1 = pinvh(&r1, None, None, true).unwrap();
        let want: Array2<f64> = array![[0.04, 0.08], [0.08, 0.16]];
        assert!(p1.iter().zip(want.iter()).all(|(x, y)| (x - y).abs() < 1e-14));
    }
}
