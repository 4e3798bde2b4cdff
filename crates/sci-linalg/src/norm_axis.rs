//! `norm` along axes: vector norms of the lanes along one axis, matrix norms of the 2-d slices
//! spanned by two axes, and `keepdims` (NumPy 2's `numpy.linalg.norm` semantics, which
//! `scipy.linalg.norm` falls back to).

use ndarray::{ArrayBase, ArrayD, ArrayViewD, Axis, Data, Dimension, Ix2, IxDyn};
use sci_array::normalize_axis;

use crate::error::{LinalgError, Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::norm::{NormOrd, vector_norm};
use crate::scalar::check_finite;

/// The `axis` argument of [`norm_with`].
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormAxis, NormOptions, norm_with};
/// use sci_linalg::sci_array::ndarray::array;
/// let a = array![[3.0, 0.0], [4.0, 1.0]];
/// let cols = norm_with(&a, NormOptions { axis: Some(NormAxis::Vector(0)), ..Default::default() })?;
/// assert_eq!(cols, array![5.0, 1.0].into_dyn());
/// let whole = norm_with(&a, NormOptions { axis: Some(NormAxis::Matrix(0, 1)), ..Default::default() })?;
/// assert_eq!(whole, array![26f64.sqrt()].into_shape_with_order(()).unwrap().into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NormAxis {
    /// One axis: the vector norm of every lane along it (SciPy `axis=k`); negative values
    /// count from the end.
    Vector(isize),
    /// Two axes `(row, col)`: the matrix norm of every 2-d slice they span (SciPy
    /// `axis=(row, col)`), rows along `row` and columns along `col`.
    Matrix(isize, isize),
}

/// Keyword arguments of [`norm_with`], SciPy's defaults: `ord=None`, `axis=None`,
/// `keepdims=False`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormOptions, NormOrd, norm_with};
/// use sci_linalg::sci_array::ndarray::array;
/// let o = NormOptions::default();
/// assert_eq!((o.ord, o.axis, o.keepdims), (None, None, false));
/// // scipy.linalg.norm([[1, -2], [3, 0]], ord=np.inf, keepdims=True)
/// let a = array![[1.0, -2.0], [3.0, 0.0]];
/// let n = norm_with(&a, NormOptions { ord: Some(NormOrd::Inf), keepdims: true, ..o })?;
/// assert_eq!(n, array![[3.0]].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NormOptions {
    /// The order ([`NormOrd`]); `None` is the 2-norm of vectors and the Frobenius norm of
    /// matrices.
    pub ord: Option<NormOrd>,
    /// `None`: the whole array (with `ord = None` any number of dimensions, flattened;
    /// otherwise it must be 1-d or 2-d), else the axis or axes to reduce.
    pub axis: Option<NormAxis>,
    /// Keep the reduced axes as axes of length 1 (so the result broadcasts against `a`).
    pub keepdims: bool,
}

/// Vector or matrix norms along axes, with `keepdims`.
///
/// * `axis = None`: the norm of the whole array as [`norm`](crate::norm), returned as a 0-d
///   array (or with every axis of length 1 when `keepdims`).
/// * [`NormAxis::Vector(k)`](NormAxis::Vector): the vector norm of every lane along axis `k`;
///   the result has `a`'s shape without axis `k`. Orders: `None`/`2`, `inf`, `-inf`, `0`
///   (count of non-zeros), `1`, any `p` (`(Σ|x|^p)^(1/p)`).
/// * [`NormAxis::Matrix(r, c)`](NormAxis::Matrix): the matrix norm of every slice with rows
///   along axis `r` and columns along axis `c`; the result has `a`'s shape without both.
///   Orders: `None`/`'fro'`, `'nuc'`, `1`, `-1`, `2`, `-2`, `inf`, `-inf`.
///
/// Empty reductions follow NumPy 2: the maximum-type orders (`inf`, `1`, `2`, `'nuc'`) of an
/// empty lane or slice are 0, the minimum-type ones (`-inf`, `-1`, `-2`) are an error whenever
/// the axis they take the minimum over has length 0. Complex input gives real norms. 2-norms
/// and Frobenius norms are computed without overflow for huge elements (rescaling, as BLAS
/// `nrm2`), where NumPy's `sqrt(sum(x**2))` along axes overflows to `inf`.
///
/// SciPy equivalent: `scipy.linalg.norm(a, ord, axis, keepdims)` (NumPy:
/// `numpy.linalg.norm`).
///
/// # Errors
///
/// [`LinalgError::NonFinite`] for NaN or infinity in `a` (SciPy's `check_finite`); an
/// [`ArrayError::AxisOutOfBounds`](sci_array::ArrayError::AxisOutOfBounds) for an axis
/// beyond `a`'s dimensions; an [`ArrayError::InvalidValue`](sci_array::ArrayError::InvalidValue)
/// for equal matrix axes ("Duplicate axes given."), an order that does not apply (`'fro'` or
/// `'nuc'` along one axis, `3` over two axes), or `axis = None` with an `ord` on an array that
/// is not 1-d or 2-d; [`ArrayError::Empty`](sci_array::ArrayError::Empty) for a minimum over
/// an empty axis.
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormAxis, NormOptions, NormOrd, norm_with};
/// use sci_linalg::sci_array::ndarray::{array, Array};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // scipy.linalg.norm(c, axis=0), norm(c, axis=1), norm(c, ord=1, axis=1)
/// let c = array![[1.0, 2.0, 3.0], [-1.0, 1.0, 4.0]];
/// let cols = norm_with(&c, NormOptions { axis: Some(NormAxis::Vector(0)), ..Default::default() })?;
/// assert_allclose(&cols, &array![1.4142135623730951, 2.23606797749979, 5.0].into_dyn(), 1e-15, 0.0);
/// let rows = norm_with(&c, NormOptions { axis: Some(NormAxis::Vector(1)), ..Default::default() })?;
/// assert_allclose(&rows, &array![3.7416573867739413, 4.242640687119285].into_dyn(), 1e-15, 0.0);
/// let ones = norm_with(&c, NormOptions { ord: Some(NormOrd::P(1.0)), axis: Some(NormAxis::Vector(1)), keepdims: true })?;
/// assert_eq!(ones, array![[6.0], [6.0]].into_dyn());
///
/// // Matrix norms of a stack: m = arange(8).reshape(2, 2, 2); norm(m, axis=(1, 2))
/// let m = Array::from_shape_vec((2, 2, 2), (0..8).map(f64::from).collect()).unwrap();
/// let fro = norm_with(&m, NormOptions { axis: Some(NormAxis::Matrix(1, 2)), ..Default::default() })?;
/// assert_allclose(&fro, &array![3.7416573867739413, 11.224972160321824].into_dyn(), 1e-15, 0.0);
/// let one = norm_with(&m, NormOptions { ord: Some(NormOrd::P(1.0)), axis: Some(NormAxis::Matrix(-2, -1)), ..Default::default() })?;
/// assert_eq!(one, array![4.0, 12.0].into_dyn());
/// # assert_eq!(norm_with(&m, NormOptions { keepdims: true, ..Default::default() })?.shape(), &[1, 1, 1]);
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn norm_with<T, S, D>(a: &ArrayBase<S, D>, opts: NormOptions) -> Result<ArrayD<RealOf<T>>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    check_finite(a, "a")?;
    let a = a.view().into_dyn();
    let nd = a.ndim();
    match opts.axis {
        None => {
            let v = T::norm_k(a, opts.ord)?;
            let shape = if opts.keepdims { vec![1; nd] } else { vec![] };
            Ok(ArrayD::from_elem(IxDyn(&shape), v))
        }
        Some(NormAxis::Vector(k)) => {
            let k = normalize_axis(k, nd, "axis")?;
            let out = lane_norms(&a, k, opts.ord.unwrap_or(NormOrd::P(2.0)))?;
            Ok(if opts.keepdims { out.insert_axis(Axis(k)) } else { out })
        }
        Some(NormAxis::Matrix(r, c)) => {
            let (r, c) = (normalize_axis(r, nd, "axis")?, normalize_axis(c, nd, "axis")?);
            if r == c {
                return Err(invalid("axis", "Duplicate axes given."));
            }
            let out = slice_norms(a.view(), r, c, opts.ord.unwrap_or(NormOrd::Fro))?;
            if !opts.keepdims {
                return Ok(out);
            }
            let mut shape = a.shape().to_vec();
            shape[r] = 1;
            shape[c] = 1;
            Ok(out.into_shape_with_order(IxDyn(&shape)).expect("only axes of length 1 are added"))
        }
    }
}

fn empty_min() -> LinalgError {
    LinalgError::Array(sci_array::ArrayError::Empty { arg: "a", op: "minimum" })
}

/// Vector norms of the lanes along axis `k`.
pub(crate) fn lane_norms<T: LinalgScalar>(
    a: &ArrayViewD<'_, T>,
    k: usize,
    ord: NormOrd,
) -> Result<ArrayD<RealOf<T>>> {
    let len = a.len_of(Axis(k));
    match ord {
        NormOrd::Fro => return Err(invalid("ord", "Invalid norm order 'fro' for vectors")),
        NormOrd::Nuc => return Err(invalid("ord", "Invalid norm order 'nuc' for vectors")),
        NormOrd::NegInf if len == 0 => return Err(empty_min()),
        NormOrd::P(p) if p == f64::NEG_INFINITY && len == 0 => return Err(empty_min()),
        _ => {}
    }
    let mut shape = a.shape().to_vec();
    shape.remove(k);
    let vals = a
        .lanes(Axis(k))
        .into_iter()
        .map(|lane| vector_norm(lane.iter().map(|x| x.modulus()), ord))
        .collect::<Result<Vec<_>>>()?;
    Ok(ArrayD::from_shape_vec(IxDyn(&shape), vals).expect("one value per lane"))
}

/// Matrix norms of the slices with rows along axis `r` and columns along axis `c`.
fn slice_norms<T: LinalgScalar>(
    a: ArrayViewD<'_, T>,
    r: usize,
    c: usize,
    ord: NormOrd,
) -> Result<ArrayD<RealOf<T>>> {
    let (m, n) = (a.len_of(Axis(r)), a.len_of(Axis(c)));
    let (min_len, valid) = match ord {
        NormOrd::Fro | NormOrd::Nuc | NormOrd::Inf | NormOrd::P(1.0) | NormOrd::P(2.0) => (1, true),
        NormOrd::P(p) if p == f64::INFINITY => (1, true),
        NormOrd::NegInf => (m, true),
        NormOrd::P(p) if p == f64::NEG_INFINITY => (m, true),
        NormOrd::P(-1.0) => (n, true),
        NormOrd::P(-2.0) => (m.min(n), true),
        NormOrd::P(_) => (1, false),
    };
    if !valid {
        return Err(invalid("ord", "Invalid norm order for matrices."));
    }
    if min_len == 0 {
        return Err(empty_min());
    }
    let mut perm: Vec<usize> = (0..a.ndim()).filter(|&k| k != r && k != c).collect();
    let batch_shape: Vec<usize> = perm.iter().map(|&k| a.len_of(Axis(k))).collect();
    perm.extend([r, c]);
    let v = a.permuted_axes(IxDyn(&perm));
    let count: usize = batch_shape.iter().product();
    let mut vals = Vec::with_capacity(count);
    let mut idx = vec![0usize; batch_shape.len()];
    for _ in 0..count {
        let mut w = v.clone();
        for &i in &idx {
            w = w.index_axis_move(Axis(0), i);
        }
        let mat = w.into_dimensionality::<Ix2>().expect("two axes remain");
        vals.push(T::norm_k(mat.into_dyn(), Some(ord))?);
        // Next multi-index in row-major order.
        for (d, i) in idx.iter_mut().enumerate().rev() {
            *i += 1;
            if *i < batch_shape[d] {
                break;
            }
            *i = 0;
        }
    }
    Ok(ArrayD::from_shape_vec(IxDyn(&batch_shape), vals).expect("one value per slice"))
}
