//! NumPy 2's array-API norms: `vector_norm` (any set of axes, flattened by default) and
//! `matrix_norm` (over the last two axes of a stack), on the crate's `norm` internals.

use ndarray::{ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn};
use sci_array::normalize_axis;

use crate::error::{Result, invalid};
use crate::linalg_scalar::{LinalgScalar, RealOf};
use crate::norm::NormOrd;
use crate::norm_axis::{NormAxis, NormOptions, lane_norms, norm_with};
use crate::scalar::check_finite;

/// Keyword arguments of [`vector_norm`], NumPy's defaults: `axis=None`, `keepdims=False`,
/// `ord=2`.
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormOrd, VectorNormOptions};
/// let o = VectorNormOptions::default();
/// assert_eq!((o.axis, o.keepdims, o.ord), (None, false, NormOrd::P(2.0)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct VectorNormOptions {
    /// `None`: every axis (the flattened array); otherwise the axes to reduce (NumPy's `int`
    /// or tuple; negative values count from the end; an empty list reduces nothing, giving
    /// the moduli).
    pub axis: Option<Vec<isize>>,
    /// Keep the reduced axes as axes of length 1.
    pub keepdims: bool,
    /// The order: a number `p` (`0` counts non-zeros), [`NormOrd::Inf`] or
    /// [`NormOrd::NegInf`]; `'fro'`/`'nuc'` are errors as in NumPy.
    pub ord: NormOrd,
}

impl Default for VectorNormOptions {
    fn default() -> Self {
        Self { axis: None, keepdims: false, ord: NormOrd::P(2.0) }
    }
}

/// The vector norm of `x` over `axis`: every axis (flattened) by default, or any set of axes,
/// which are treated as one flattened axis.
///
/// The axes listed are moved to the front (in the order given) and flattened into one; the
/// vector norm of every lane along it is taken, as [`norm_with`](crate::norm_with) with
/// [`NormAxis::Vector`]. The result has `x`'s shape without the reduced axes (0-d for
/// `axis = None`), or with them of length 1 when `keepdims`. A 0-d `x` is a vector of one
/// element. Complex input gives real norms. Empty reductions follow NumPy 2 (`inf` and `p > 0`
/// give 0, `-inf` is an error).
///
/// NumPy equivalent: `numpy.linalg.vector_norm(x, axis=axis, keepdims=keepdims, ord=ord)`.
///
/// # Errors
///
/// [`LinalgError::NonFinite`](crate::LinalgError::NonFinite) for NaN or infinity in `x` (NumPy
/// propagates them; this crate's `norm` checks, as SciPy's); an
/// [`ArrayError::AxisOutOfBounds`](sci_array::ArrayError::AxisOutOfBounds) for an axis beyond
/// `x`'s dimensions; an invalid-value error for a repeated axis (NumPy: "repeated axis") or
/// `ord = 'fro'`/`'nuc'` ("Invalid norm order 'fro' for vectors");
/// [`ArrayError::Empty`](sci_array::ArrayError::Empty) for `-inf` over an empty axis.
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormOrd, VectorNormOptions, vector_norm};
/// use sci_linalg::sci_array::ndarray::{array, Array};
/// // x = arange(-4, 4.).reshape(2, 2, 2)
/// let x = Array::from_iter((-4..4).map(f64::from)).into_shape_with_order((2, 2, 2)).unwrap();
/// let all = vector_norm(&x, &VectorNormOptions::default())?;
/// assert!((all[[]] - 44f64.sqrt()).abs() < 1e-15);
/// // axis=(0, 2), ord=1, keepdims=True
/// let o = VectorNormOptions { axis: Some(vec![0, 2]), keepdims: true, ord: NormOrd::P(1.0) };
/// assert_eq!(vector_norm(&x, &o)?, array![[[8.0], [8.0]]].into_dyn());
/// // axis=-1, ord=inf
/// let o = VectorNormOptions { axis: Some(vec![-1]), ord: NormOrd::Inf, ..Default::default() };
/// assert_eq!(vector_norm(&x, &o)?, array![[4.0, 2.0], [1.0, 3.0]].into_dyn());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn vector_norm<T, S, D>(x: &ArrayBase<S, D>, opts: &VectorNormOptions) -> Result<ArrayD<RealOf<T>>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    check_finite(x, "x")?;
    let nd = x.ndim();
    let axes: Vec<usize> = match &opts.axis {
        None => (0..nd).collect(),
        Some(list) => {
            let mut out = Vec::with_capacity(list.len());
            for &k in list {
                let k = normalize_axis(k, nd, "axis")?;
                if out.contains(&k) {
                    return Err(invalid("axis", "repeated axis"));
                }
                out.push(k);
            }
            out
        }
    };
    let rest: Vec<usize> = (0..nd).filter(|k| !axes.contains(k)).collect();
    let mut perm = axes.clone();
    perm.extend(&rest);
    let v = x.view().into_dyn().permuted_axes(IxDyn(&perm));
    let len: usize = axes.iter().map(|&k| x.len_of(Axis(k))).product();
    let mut flat_shape = vec![len];
    flat_shape.extend(rest.iter().map(|&k| x.len_of(Axis(k))));
    let flat = ArrayD::from_shape_vec(IxDyn(&flat_shape), v.iter().copied().collect()).expect("same size");
    let out = lane_norms(&flat.view(), 0, opts.ord)?;
    if !opts.keepdims {
        return Ok(out);
    }
    let mut shape = x.shape().to_vec();
    for &k in &axes {
        shape[k] = 1;
    }
    Ok(out.into_shape_with_order(IxDyn(&shape)).expect("only axes of length 1 are added"))
}

/// Matrix norms of the matrices in the last two axes of `x` (one matrix or a stack).
///
/// The same as [`norm_with`](crate::norm_with) with `axis = (-2, -1)`: orders
/// [`NormOrd::Fro`] (the default), [`NormOrd::Nuc`], `1`, `-1`, `2`, `-2`,
/// [`NormOrd::Inf`], [`NormOrd::NegInf`]. The result has `x`'s batch shape, or `x`'s shape with
/// the last two axes of length 1 when `keepdims`. Complex input gives real norms.
///
/// NumPy equivalent: `numpy.linalg.matrix_norm(x, keepdims=keepdims, ord=ord)`.
///
/// # Errors
///
/// An [`ArrayError::AxisOutOfBounds`](sci_array::ArrayError::AxisOutOfBounds) for `x` with
/// fewer than 2 dimensions; an invalid-value error for an order that does not apply to
/// matrices (`3`, `0.5`, ...: "Invalid norm order for matrices.");
/// [`ArrayError::Empty`](sci_array::ArrayError::Empty) for a minimum-type order over an empty
/// axis; [`LinalgError::NonFinite`](crate::LinalgError::NonFinite) for NaN or infinity.
///
/// # Examples
///
/// ```
/// use sci_linalg::{NormOrd, matrix_norm};
/// use sci_linalg::sci_array::ndarray::{array, Array};
/// use sci_linalg::sci_array::testing::assert_allclose;
/// // x = arange(8.).reshape(2, 2, 2); matrix_norm(x), matrix_norm(x, ord=1, keepdims=True)
/// let x = Array::from_iter((0..8).map(f64::from)).into_shape_with_order((2, 2, 2)).unwrap();
/// let fro = matrix_norm(&x, false, NormOrd::Fro)?;
/// assert_allclose(&fro, &array![3.7416573867739413, 11.224972160321824].into_dyn(), 1e-15, 0.0);
/// assert_eq!(matrix_norm(&x, true, NormOrd::P(1.0))?, array![[[4.0]], [[12.0]]].into_dyn());
/// assert!(matrix_norm(&array![1.0, 2.0], false, NormOrd::Fro).is_err());
/// # Ok::<(), sci_linalg::LinalgError>(())
/// ```
pub fn matrix_norm<T, S, D>(x: &ArrayBase<S, D>, keepdims: bool, ord: NormOrd) -> Result<ArrayD<RealOf<T>>>
where
    T: LinalgScalar,
    S: Data<Elem = T>,
    D: Dimension,
{
    norm_with(x, NormOptions { ord: Some(ord), axis: Some(NormAxis::Matrix(-2, -1)), keepdims })
}
