//! NumPy's tensor solvers: `tensorsolve` and `tensorinv`, reshaping an n-d array into the
//! square matrix that [`solve`](crate::solve) or [`inv`](crate::inv) works on.

use ndarray::{Array1, Array2, ArrayBase, ArrayD, Data, Dimension, IxDyn};

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::LinalgScalar;
use crate::lu::inv;
use crate::solve::solve;

/// Product of a shape, `None` on overflow.
fn shape_prod(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |p, &k| p.checked_mul(k))
}

/// The elements of `a` in C order as a `(rows, cols)` matrix (NumPy's `reshape`).
fn c_matrix<T: LinalgScalar>(a: ndarray::ArrayViewD<'_, T>, rows: usize, cols: usize) -> Array2<T> {
    Array2::from_shape_vec((rows, cols), a.iter().copied().collect()).expect("size checked by the caller")
}

/// Solves the tensor equation `tensordot(a, x, axes=x.ndim) == b` for `x`.
///
/// `x` gets the shape of `a`'s trailing axes: `a.shape[b.ndim..]` (NumPy's
/// `a.shape[-(a.ndim - b.ndim):]`, which is the whole shape when `a.ndim == b.ndim`), and the
/// product of those lengths must equal the product of the leading ones. `axes` (NumPy's
/// `axes`) moves the listed axes of `a`, in the order given, to the end before that; they must
/// be non-negative axes of `a` (NumPy's `list.remove` rejects negative ones too); a repeated
/// axis is moved to the end again, as in NumPy.
/// `a` is reshaped (C order) to a `(prod, prod)` matrix and `b` flattened, then
/// [`solve`](crate::solve)d. Real and complex types; empty problems (`prod = 0`) give an
/// empty `x`.
///
/// NumPy equivalent: `numpy.linalg.tensorsolve(a, b, axes)`.
///
/// # Errors
///
/// [`LinalgError::ShapeMismatch`] when `prod(a.shape[b.ndim:]) ** 2 != a.size` (NumPy's
/// "Input arrays must satisfy the requirement prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
/// or `b.size != prod` (NumPy: a core-dimension mismatch in `solve`); an invalid-value error
/// naming `axes` for an axis that is not (or no longer) in `a`'s axes;
/// [`LinalgError::Singular`] (NumPy: "Singular matrix"); [`LinalgError::NonFinite`] for NaN
/// or infinity (NumPy does not check; this crate's `solve` does).
///
/// # Examples
///
/// ```
/// use sci_linalg::tensorsolve;
/// use sci_linalg::sci_array::ndarray::{Array, Array2, IxDyn};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // a = eye(6).reshape(6, 2, 3) * 2; b = arange(6.); tensorsolve(a, b) -> b.reshape(2, 3) / 2
/// let a = (Array2::<f64>::eye(6) * 2.0).into_shape_with_order((6, 2, 3)).unwrap();
/// let b = Array::from_iter((0..6).map(f64::from));
/// let x = tensorsolve(&a, &b, None)?;
/// assert_eq!(x.shape(), &[2, 3]);
/// let want = Array::from_iter((0..6).map(|k| f64::from(k) / 2.0)).into_shape_with_order(IxDyn(&[2, 3])).unwrap();
/// assert_allclose(&x, &want, 1e-15, 0.0);
/// // axes=[0] moves axis 0 to the end: a' has shape (2, 3, 6), x the shape (6,)
/// let b2 = Array::from_iter((0..6).map(f64::from)).into_shape_with_order((2, 3)).unwrap();
/// assert_eq!(tensorsolve(&a, &b2, Some(&[0]))?.shape(), &[6]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn tensorsolve<T, S1, S2, D1, D2>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    axes: Option<&[usize]>,
) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let an = a.ndim();
    let mut a = a.view().into_dyn();
    if let Some(axes) = axes {
        let mut all: Vec<usize> = (0..an).collect();
        for &k in axes {
            // NumPy: allaxes.remove(k); allaxes.insert(an, k)
            let pos = all
                .iter()
                .position(|&x| x == k)
                .ok_or_else(|| invalid("axes", format!("list.remove(x): x not in list (axis {k})")))?;
            all.remove(pos);
            all.push(k);
        }
        a = a.permuted_axes(IxDyn(&all));
    }
    let bn = b.ndim();
    // a.shape[-(an - bn):] in Python's slice semantics
    let start = if an == bn {
        0
    } else if an > bn {
        bn
    } else {
        (bn - an).min(an)
    };
    let oldshape = a.shape()[start..].to_vec();
    let mismatch = || LinalgError::ShapeMismatch {
        arg: "a",
        expected: "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])".into(),
        found: a.shape().to_vec(),
    };
    let prod = shape_prod(&oldshape).ok_or_else(mismatch)?;
    if prod.checked_mul(prod) != Some(a.len()) {
        return Err(mismatch());
    }
    if b.len() != prod {
        return Err(LinalgError::ShapeMismatch {
            arg: "b",
            expected: format!("{prod} elements (prod(a.shape[b.ndim:]))"),
            found: b.shape().to_vec(),
        });
    }
    let a2 = c_matrix(a.view(), prod, prod);
    let b1 = Array1::from_iter(b.iter().copied());
    let x = solve(&a2, &b1)?;
    Ok(x.into_shape_with_order(IxDyn(&oldshape)).expect("prod elements"))
}

/// The inverse of an n-d array with respect to [`tensordot`]-style contraction: `ainv` with
/// `tensordot(ainv, a, ind) == eye` reshaped.
///
/// `a`'s first `ind` axes are the "output" axes: `a` is reshaped (C order) to
/// `(prod(a.shape[ind:]), -1)`, which must be square, inverted with [`inv`](crate::inv),
/// and the inverse is reshaped to `a.shape[ind:] + a.shape[:ind]`. An `ind` beyond `a.ndim`
/// acts as `a.ndim` (Python slicing). Real and complex types.
///
/// [`tensordot`]: https://numpy.org/doc/stable/reference/generated/numpy.tensordot.html
///
/// NumPy equivalent: `numpy.linalg.tensorinv(a, ind=2)`.
///
/// # Errors
///
/// An invalid-value error naming `ind` for `ind = 0` (NumPy: "Invalid ind argument."); one
/// naming `a` when its size is not a multiple of `prod(a.shape[ind:])` or that product is 0
/// (NumPy: "cannot reshape array of size ... into shape (p,newaxis)");
/// [`LinalgError::NotSquare`] when the reshaped matrix is not square; [`LinalgError::Singular`];
/// [`LinalgError::NonFinite`].
///
/// # Examples
///
/// ```
/// use sci_linalg::tensorinv;
/// use sci_linalg::sci_array::ndarray::Array2;
/// // a = eye(24).reshape(4, 6, 8, 3); tensorinv(a, ind=2).shape == (8, 3, 4, 6)
/// let a = Array2::<f64>::eye(24).into_shape_with_order((4, 6, 8, 3)).unwrap();
/// let ainv = tensorinv(&a, 2)?;
/// assert_eq!(ainv.shape(), &[8, 3, 4, 6]);
/// assert_eq!(ainv.iter().sum::<f64>(), 24.0);
/// assert!(tensorinv(&a, 0).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn tensorinv<T, S, D>(a: &ArrayBase<S, D>, ind: usize) -> Result<ArrayD<T>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    if ind == 0 {
        return Err(invalid("ind", "Invalid ind argument."));
    }
    let shape = a.shape();
    let ind = ind.min(shape.len());
    let invshape: Vec<usize> = shape[ind..].iter().chain(&shape[..ind]).copied().collect();
    let size = a.len();
    let reshape_err =
        |p: usize| invalid("a", format!("cannot reshape array of size {size} into shape ({p},newaxis)"));
    let prod = shape_prod(&shape[ind..]).ok_or_else(|| reshape_err(usize::MAX))?;
    if prod == 0 || !size.is_multiple_of(prod) {
        return Err(reshape_err(prod));
    }
    let cols = size / prod;
    if cols != prod {
        return Err(LinalgError::NotSquare { arg: "a", shape: vec![prod, cols] });
    }
    let a2 = c_matrix(a.view().into_dyn(), prod, prod);
    let ia = inv(&a2)?;
    let ia = Array2::from_shape_vec((prod, prod), ia.iter().copied().collect()).expect("square");
    Ok(ia.into_shape_with_order(IxDyn(&invshape)).expect("same size"))
}
