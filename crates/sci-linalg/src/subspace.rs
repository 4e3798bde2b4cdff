//! Principal angles between subspaces: `subspace_angles`.

use ndarray::{Array1, Array2, ArrayBase, ArrayView2, Data, Ix2, s};
use num_traits::{Float, One, Zero};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::products::matmul_unchecked as matmul;
use crate::scalar::{LinalgFloat, check_finite};

/// SciPy's `orth(a)` for any element type: the left singular vectors of the singular values
/// above `eps · max(m, n) · s_max`.
fn orth_basis<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    let d = crate::svd::svd(&a, false)?;
    let eps = <RealOf<T> as Float>::epsilon();
    let tol = d.s.iter().copied().fold(RealOf::<T>::zero(), RealOf::<T>::max)
        * eps
        * RealOf::<T>::lit(m.max(n) as f64);
    let num = d.s.iter().filter(|&&x| x > tol).count();
    Ok(d.u.slice(s![.., ..num]).to_owned())
}

fn adjoint<T: LinalgScalar>(a: ArrayView2<'_, T>) -> Array2<T> {
    a.t().mapv(T::conj)
}

/// The principal angles between the column spaces of `a` and `b`, in radians, descending.
///
/// Both matrices need the same number of rows `m`; the result has
/// `min(rank(a), rank(b))` angles in `[0, π/2]`. The ranks come from [`orth`](crate::orth)'s
/// cut (`eps · max(m, n) · s_max`). As SciPy (Knyazev and Argentati's algorithm), the
/// cosines are the singular values `σ` of `Q_aᴴ Q_b`, and the angles with `σ² >= 1/2` are
/// taken from the sines (the singular values of the part of one basis orthogonal to the
/// other), which stay accurate for small angles. A zero matrix spans nothing: no angles.
///
/// SciPy equivalent: `scipy.linalg.subspace_angles(A, B)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`] for NaN or infinity in `a` or `b`,
/// [`LinalgError::ShapeMismatch`] when the row counts differ ("A and B must have the same number
/// of rows"), [`LinalgError::NoConvergence`] from the SVD.
///
/// # Examples
///
/// SciPy's docstring example: a Hadamard matrix has orthogonal columns, so the angle between
/// its first two and its last two columns is π/2; a plane and a line inside it meet at 0.
///
/// ```
/// use sci_linalg::{hadamard, subspace_angles};
/// use sci_linalg::sci_array::ndarray::{array, s};
/// let h = hadamard(4)?.mapv(|x| x as f64);
/// let theta = subspace_angles(&h.slice(s![.., ..2]), &h.slice(s![.., 2..]))?;
/// assert!((theta[0] - std::f64::consts::FRAC_PI_2).abs() < 1e-15 && theta.len() == 2);
/// let plane = array![[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]];
/// let line = array![[1.0], [1.0], [0.0]];
/// assert_eq!(subspace_angles(&plane, &line)?.to_vec(), vec![0.0]);
/// let line2 = array![[1.0], [0.0], [1.0]];
/// let t: f64 = subspace_angles(&plane, &line2)?[0];
/// assert!((t - std::f64::consts::FRAC_PI_4).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
///
/// Complex input (`Complex<f64>`, `Complex<f32>`) gives real angles:
///
/// ```
/// use sci_linalg::subspace_angles;
/// use sci_linalg::sci_array::ndarray::array;
/// use sci_linalg::sci_array::num_complex::Complex64 as C;
/// let a = array![[C::new(1.0, 0.0)], [C::new(0.0, 0.0)]];
/// let b = array![[C::new(0.0, 1.0)], [C::new(0.0, 1.0)]];
/// let t = subspace_angles(&a, &b)?;
/// assert!((t[0] - std::f64::consts::FRAC_PI_4).abs() < 1e-15);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn subspace_angles<T, S1, S2>(a: &ArrayBase<S1, Ix2>, b: &ArrayBase<S2, Ix2>) -> Result<Array1<RealOf<T>>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_finite(a, "a")?;
    let qa = orth_basis(a.view())?;
    check_finite(b, "b")?;
    if b.nrows() != qa.nrows() {
        return Err(LinalgError::ShapeMismatch {
            arg: "b",
            expected: format!("{} rows as `a` (A and B must have the same number of rows)", qa.nrows()),
            found: b.shape().to_vec(),
        });
    }
    let qb = orth_basis(b.view())?;
    let qa_h_qb = matmul(adjoint(qa.view()).view(), qb.view());
    let sigma = crate::svd::svdvals(&qa_h_qb)?;
    let resid = if qa.ncols() >= qb.ncols() {
        qb - matmul(qa.view(), qa_h_qb.view())
    } else {
        qa - matmul(qb.view(), adjoint(qa_h_qb.view()).view())
    };
    angles(&sigma, resid.view())
}

/// SciPy's step 5: `where(σ² >= 1/2, arcsin(μ), arccos(σ[::-1]))`, `μ` the singular values of
/// the residual basis (only computed when some `σ² >= 1/2`).
fn angles<T: LinalgScalar>(sigma: &Array1<RealOf<T>>, resid: ArrayView2<'_, T>) -> Result<Array1<RealOf<T>>> {
    let one = RealOf::<T>::one();
    let half = RealOf::<T>::lit(0.5);
    let clip = |x: RealOf<T>| x.max(-one).min(one);
    let mask: Vec<bool> = sigma.iter().map(|&x| x * x >= half).collect();
    let mu = if mask.iter().any(|&m| m) { crate::svd::svdvals(&resid)? } else { Array1::zeros(sigma.len()) };
    let k = sigma.len();
    Ok(Array1::from_shape_fn(k, |i| if mask[i] { clip(mu[i]).asin() } else { clip(sigma[k - 1 - i]).acos() }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn identical_subspaces_have_zero_angles() {
        let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]];
        let t = subspace_angles(&a, &a).unwrap();
        assert!(t.iter().all(|&x: &f64| x.abs() < 1e-14), "{t}");
    }
}
