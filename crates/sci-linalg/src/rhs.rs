//! Right-hand sides: `b` may be a vector (`(n,)`) or a matrix (`(n, k)`), as in SciPy.

use ndarray::{Array, Array2, ArrayBase, Data, Dimension, Ix2};

use crate::error::{LinalgError, Result};
use crate::linalg_scalar::LinalgScalar;
use crate::scalar::{check_finite, zeros_f};

/// Copies `b` (1-d or 2-d, `n` rows) into a Fortran-order `(n, k)` working matrix that faer's
/// in-place solvers overwrite with the solution.
pub(crate) fn rhs_matrix<T, S, D>(b: &ArrayBase<S, D>, n: usize, arg: &'static str) -> Result<Array2<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    let b2 = match b.ndim() {
        1 => b.view().into_dimensionality::<ndarray::Ix1>().expect("ndim is 1").insert_axis(ndarray::Axis(1)),
        2 => b.view().into_dimensionality::<Ix2>().map_err(|_| shape_err(b.shape(), n, arg))?,
        _ => return Err(shape_err(b.shape(), n, arg)),
    };
    if b2.nrows() != n {
        return Err(shape_err(b.shape(), n, arg));
    }
    check_finite(b, arg)?;
    let mut x = zeros_f(n, b2.ncols());
    x.assign(&b2);
    Ok(x)
}

fn shape_err(found: &[usize], n: usize, arg: &'static str) -> LinalgError {
    LinalgError::ShapeMismatch { arg, expected: format!("({n},) or ({n}, k)"), found: found.to_vec() }
}

/// Gives the solution the dimensionality of `b` back.
pub(crate) fn rhs_back<T: LinalgScalar, D: Dimension>(x: Array2<T>, ndim: usize) -> Array<T, D> {
    let x = if ndim == 1 {
        let n = x.nrows();
        // An (n, 1) matrix is contiguous in either order, so this reshape never copies or fails.
        x.into_shape_with_order(ndarray::IxDyn(&[n])).expect("(n, 1) reshapes to (n,)")
    } else {
        x.into_dyn()
    };
    x.into_dimensionality::<D>().expect("ndim matches the input's")
}
