//! Shape manipulation: NumPy's `reshape`, `ravel`, `flip`, `rot90`, `swapaxes`, `moveaxis`,
//! `squeeze`, `expand_dims`, `roll`, the contiguity helpers, and (in submodules) joining,
//! splitting, tiling, repeating and padding.
//!
//! Functions that NumPy implements as views return [`ArrayView`]s (zero copy); functions that
//! NumPy implements as "view if possible, else copy" return a [`CowArray`].

use crate::error::{ArrayError, Result, normalize_axis};
use ndarray::{
    Array, ArrayBase, ArrayView, ArrayViewD, Axis, CowArray, Data, Dimension, IxDyn, ShapeBuilder,
};

mod edit;
mod join;
pub(crate) mod kernels;
mod pad;
mod split;

pub use edit::*;
pub use join::*;
pub use pad::*;
pub use split::*;

/// Memory layout order, as NumPy's `order=` argument: `C` (row major, last index fastest) or
/// `F` (Fortran, column major, first index fastest).
///
/// # Examples
///
/// ```
/// use sci_array::Order;
/// assert_eq!(Order::default(), Order::C);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// Row major (`order='C'`), NumPy's default.
    #[default]
    C,
    /// Column major (`order='F'`).
    F,
}

impl From<Order> for ndarray::Order {
    fn from(o: Order) -> Self {
        match o {
            Order::C => ndarray::Order::RowMajor,
            Order::F => ndarray::Order::ColumnMajor,
        }
    }
}

/// Resolves a NumPy `newshape` that may contain one `-1` against `size` elements.
pub(crate) fn resolve_shape(size: usize, shape: &[isize]) -> Result<Vec<usize>> {
    let mut unknown = None;
    let mut known = 1usize;
    for (i, &d) in shape.iter().enumerate() {
        if d == -1 {
            if unknown.is_some() {
                return Err(ArrayError::InvalidValue {
                    arg: "shape",
                    reason: "can only specify one unknown dimension".into(),
                });
            }
            unknown = Some(i);
        } else if d < 0 {
            return Err(ArrayError::InvalidValue {
                arg: "shape",
                reason: format!("negative dimensions not allowed, got {shape:?}"),
            });
        } else {
            known = known.saturating_mul(d as usize);
        }
    }
    let bad = || ArrayError::InvalidValue {
        arg: "shape",
        reason: format!("cannot reshape array of size {size} into shape {shape:?}"),
    };
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(i) = unknown {
        if known == 0 || !size.is_multiple_of(known) {
            return Err(bad());
        }
        out[i] = size / known;
    } else if known != size {
        return Err(bad());
    }
    Ok(out)
}

/// Gives a new shape to an array without changing its data; `-1` in `shape` is inferred.
///
/// Elements are read and placed in `order` (C: last index fastest, F: first index fastest).
/// Returns a view when the layout allows, otherwise a copy, like NumPy.
///
/// NumPy equivalent: `numpy.reshape(a, shape, order=...)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when the sizes differ (`"cannot reshape array of size 6 into
/// shape [4]"`), more than one `-1` is given, or a dimension is negative.
///
/// # Examples
///
/// ```
/// use sci_array::{reshape, Order};
/// use sci_array::ndarray::{array, arr2};
/// let a = array![1, 2, 3, 4, 5, 6];
/// assert_eq!(reshape(&a, &[2, -1], Order::C).unwrap(), arr2(&[[1, 2, 3], [4, 5, 6]]).into_dyn());
/// assert_eq!(reshape(&a, &[2, 3], Order::F).unwrap(), arr2(&[[1, 3, 5], [2, 4, 6]]).into_dyn());
/// assert!(reshape(&a, &[4], Order::C).is_err());
/// ```
pub fn reshape<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    shape: &[isize],
    order: Order,
) -> Result<CowArray<'a, T, IxDyn>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let new = resolve_shape(a.len(), shape)?;
    a.to_shape((IxDyn(&new), ndarray::Order::from(order)))
        .map_err(|e| ArrayError::InvalidValue { arg: "shape", reason: e.to_string() })
}

/// Returns the elements as a 1-d array, read in `order`; a view when the array is contiguous
/// in that order, a copy otherwise.
///
/// NumPy equivalent: `numpy.ravel(a, order=...)`.
///
/// # Examples
///
/// ```
/// use sci_array::{ravel, Order};
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(ravel(&a, Order::C), array![1, 2, 3, 4, 5, 6]);
/// assert_eq!(ravel(&a, Order::F), array![1, 4, 2, 5, 3, 6]);
/// assert!(ravel(&a, Order::C).is_view());
/// ```
pub fn ravel<'a, T, S, D>(a: &'a ArrayBase<S, D>, order: Order) -> CowArray<'a, T, ndarray::Ix1>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let n = a.len();
    if order == Order::F && a.ndim() == 2 && a.is_standard_layout() && !a.t().is_standard_layout() {
        let (r, c) = (a.shape()[0], a.shape()[1]);
        let src = a.as_slice_memory_order().expect("contiguous");
        return CowArray::from(Array::from_vec(kernels::transpose_2d(src, r, c)));
    }
    match a.to_shape((n, ndarray::Order::from(order))) {
        Ok(c) => c,
        // Unreachable in practice (the size always matches); fall back to an explicit copy.
        Err(_) => CowArray::from(match order {
            Order::C => Array::from_iter(a.iter().cloned()),
            Order::F => Array::from_iter(a.t().iter().cloned()),
        }),
    }
}

/// Returns the array in C (row-major) contiguous layout: the input itself when it already is,
/// a copy otherwise.
///
/// Unlike NumPy, a 0-d input stays 0-d.
///
/// NumPy equivalent: `numpy.ascontiguousarray`.
///
/// # Examples
///
/// ```
/// use sci_array::ascontiguousarray;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2], [3, 4]];
/// let t = a.t();
/// let c = ascontiguousarray(&t);
/// assert!(c.is_standard_layout() && !c.is_view());
/// assert_eq!(c, array![[1, 3], [2, 4]]);
/// assert!(ascontiguousarray(&a).is_view());
/// ```
pub fn ascontiguousarray<'a, T, S, D>(a: &'a ArrayBase<S, D>) -> CowArray<'a, T, D>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    if a.is_standard_layout() {
        CowArray::from(a.view())
    } else {
        CowArray::from(a.as_standard_layout().into_owned())
    }
}

/// Returns the array in Fortran (column-major) contiguous layout: the input itself when it
/// already is, a copy otherwise.
///
/// NumPy equivalent: `numpy.asfortranarray`.
///
/// # Examples
///
/// ```
/// use sci_array::asfortranarray;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// let f = asfortranarray(&a);
/// assert_eq!(f, a);
/// assert!(f.t().is_standard_layout());
/// assert_eq!(f.strides(), &[1, 2]);
/// ```
pub fn asfortranarray<'a, T, S, D>(a: &'a ArrayBase<S, D>) -> CowArray<'a, T, D>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    if a.t().is_standard_layout() {
        return CowArray::from(a.view());
    }
    if a.ndim() == 2 && a.is_standard_layout() {
        let (r, c) = (a.shape()[0], a.shape()[1]);
        let src = a.as_slice_memory_order().expect("contiguous");
        let t = Array::from_shape_vec((c, r), kernels::transpose_2d(src, r, c)).expect("transposed size");
        let mut dim = a.raw_dim();
        dim.slice_mut().copy_from_slice(&[r, c]);
        let f = Array::from_shape_vec(dim.f(), t.into_raw_vec_and_offset().0).expect("same size");
        return CowArray::from(f);
    }
    // The C-order copy of the transpose, transposed back, is the F-order copy.
    CowArray::from(a.t().as_standard_layout().into_owned().reversed_axes())
}

/// Reverses the order of elements along `axis`, or along every axis when `axis` is `None`.
/// Returns a view (negative strides), like NumPy.
///
/// NumPy equivalent: `numpy.flip`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::flip;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(flip(&a, Some(0)).unwrap(), array![[3, 4], [1, 2]]);
/// assert_eq!(flip(&a, Some(-1)).unwrap(), array![[2, 1], [4, 3]]);
/// assert_eq!(flip(&a, None).unwrap(), array![[4, 3], [2, 1]]);
/// ```
pub fn flip<'a, T, S, D>(a: &'a ArrayBase<S, D>, axis: Option<isize>) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut v = a.view();
    match axis {
        Some(ax) => v.invert_axis(Axis(normalize_axis(ax, a.ndim(), "axis")?)),
        None => (0..a.ndim()).for_each(|i| v.invert_axis(Axis(i))),
    }
    Ok(v)
}

/// Reverses the columns (axis 1) of an array with at least 2 dimensions; a view.
///
/// NumPy equivalent: `numpy.fliplr`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when the array has fewer than 2 dimensions.
///
/// # Examples
///
/// ```
/// use sci_array::fliplr;
/// use sci_array::ndarray::array;
/// assert_eq!(fliplr(&array![[1, 2, 3]]).unwrap(), array![[3, 2, 1]]);
/// ```
pub fn fliplr<'a, T, S, D>(a: &'a ArrayBase<S, D>) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    if a.ndim() < 2 {
        return Err(ArrayError::ShapeMismatch {
            arg: "m",
            expected: "an array with at least 2 dimensions".into(),
            found: a.shape().to_vec(),
        });
    }
    flip(a, Some(1))
}

/// Reverses the rows (axis 0) of an array with at least 1 dimension; a view.
///
/// NumPy equivalent: `numpy.flipud`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] for a 0-d array.
///
/// # Examples
///
/// ```
/// use sci_array::flipud;
/// use sci_array::ndarray::array;
/// assert_eq!(flipud(&array![[1, 2], [3, 4]]).unwrap(), array![[3, 4], [1, 2]]);
/// ```
pub fn flipud<'a, T, S, D>(a: &'a ArrayBase<S, D>) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    if a.ndim() < 1 {
        return Err(ArrayError::ShapeMismatch {
            arg: "m",
            expected: "an array with at least 1 dimension".into(),
            found: a.shape().to_vec(),
        });
    }
    flip(a, Some(0))
}

/// Interchanges two axes; a view.
///
/// NumPy equivalent: `numpy.swapaxes`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::swapaxes;
/// use sci_array::ndarray::{array, Array3};
/// assert_eq!(swapaxes(&array![[1, 2, 3]], 0, 1).unwrap(), array![[1], [2], [3]]);
/// let a = Array3::<f64>::zeros((2, 3, 4));
/// assert_eq!(swapaxes(&a, 0, -1).unwrap().shape(), &[4, 3, 2]);
/// ```
pub fn swapaxes<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    axis1: isize,
    axis2: isize,
) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let i = normalize_axis(axis1, a.ndim(), "axis1")?;
    let j = normalize_axis(axis2, a.ndim(), "axis2")?;
    let mut v = a.view();
    v.swap_axes(i, j);
    Ok(v)
}

/// Normalizes a list of axes and rejects repeats (NumPy's `normalize_axis_tuple`).
pub(crate) fn normalize_axes(axes: &[isize], ndim: usize, arg: &'static str) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &ax in axes {
        let a = normalize_axis(ax, ndim, arg)?;
        if out.contains(&a) {
            return Err(ArrayError::InvalidValue {
                arg,
                reason: format!("repeated axis in `{arg}` argument"),
            });
        }
        out.push(a);
    }
    Ok(out)
}

/// Moves axes to new positions; the other axes keep their relative order. A view.
///
/// NumPy equivalent: `numpy.moveaxis(a, source, destination)`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad axis, [`ArrayError::InvalidValue`] for a repeated
/// axis, [`ArrayError::LengthMismatch`] when `source` and `destination` differ in length.
///
/// # Examples
///
/// ```
/// use sci_array::moveaxis;
/// use sci_array::ndarray::Array3;
/// let x = Array3::<f64>::zeros((3, 4, 5));
/// assert_eq!(moveaxis(&x, &[0], &[-1]).unwrap().shape(), &[4, 5, 3]);
/// assert_eq!(moveaxis(&x, &[-1], &[0]).unwrap().shape(), &[5, 3, 4]);
/// assert_eq!(moveaxis(&x, &[0, 1], &[-1, -2]).unwrap().shape(), &[5, 4, 3]);
/// ```
pub fn moveaxis<'a, T, S, D>(
    a: &'a ArrayBase<S, D>,
    source: &[isize],
    destination: &[isize],
) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    let src = normalize_axes(source, nd, "source")?;
    let dst = normalize_axes(destination, nd, "destination")?;
    if src.len() != dst.len() {
        return Err(ArrayError::LengthMismatch {
            a: "source",
            b: "destination",
            len_a: src.len(),
            len_b: dst.len(),
        });
    }
    let mut order: Vec<usize> = (0..nd).filter(|i| !src.contains(i)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.iter().copied().zip(src.iter().copied()).collect();
    pairs.sort_unstable();
    for (d, s) in pairs {
        order.insert(d, s);
    }
    let mut perm = D::zeros(nd);
    perm.slice_mut().copy_from_slice(&order);
    Ok(a.view().permuted_axes(perm))
}

/// Rotates an array by 90 degrees `k` times in the plane of `axes`, from the first axis
/// towards the second. A view.
///
/// NumPy equivalent: `numpy.rot90(m, k, axes)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when the axes are equal or the array has fewer than 2
/// dimensions, [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::rot90;
/// use sci_array::ndarray::array;
/// let m = array![[1, 2], [3, 4]];
/// assert_eq!(rot90(&m, 1, (0, 1)).unwrap(), array![[2, 4], [1, 3]]);
/// assert_eq!(rot90(&m, 2, (0, 1)).unwrap(), array![[4, 3], [2, 1]]);
/// assert_eq!(rot90(&m, -1, (0, 1)).unwrap(), array![[3, 1], [4, 2]]);
/// ```
pub fn rot90<'a, T, S, D>(a: &'a ArrayBase<S, D>, k: i64, axes: (isize, isize)) -> Result<ArrayView<'a, T, D>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim();
    if nd < 2 {
        return Err(ArrayError::InvalidValue { arg: "m", reason: "array must be at least 2-d".into() });
    }
    let a0 = normalize_axis(axes.0, nd, "axes")?;
    let a1 = normalize_axis(axes.1, nd, "axes")?;
    if a0 == a1 {
        return Err(ArrayError::InvalidValue { arg: "axes", reason: "Axes must be different.".into() });
    }
    let mut v = a.view();
    match k.rem_euclid(4) {
        0 => {}
        2 => {
            v.invert_axis(Axis(a0));
            v.invert_axis(Axis(a1));
        }
        1 => {
            v.invert_axis(Axis(a1));
            v.swap_axes(a0, a1);
        }
        _ => {
            v.swap_axes(a0, a1);
            v.invert_axis(Axis(a1));
        }
    }
    Ok(v)
}

/// Removes axes of length one: all of them (`axis = None`) or the listed ones. A view.
///
/// NumPy equivalent: `numpy.squeeze(a, axis)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] when a listed axis does not have length one,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::squeeze;
/// use sci_array::ndarray::Array3;
/// let x = Array3::<f64>::zeros((1, 3, 1));
/// assert_eq!(squeeze(&x, None).unwrap().shape(), &[3]);
/// assert_eq!(squeeze(&x, Some(&[0])).unwrap().shape(), &[3, 1]);
/// assert!(squeeze(&x, Some(&[1])).is_err());
/// ```
pub fn squeeze<'a, T, S, D>(a: &'a ArrayBase<S, D>, axis: Option<&[isize]>) -> Result<ArrayViewD<'a, T>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut remove: Vec<usize> = match axis {
        None => (0..a.ndim()).filter(|&i| a.shape()[i] == 1).collect(),
        Some(ax) => {
            let ax = normalize_axes(ax, a.ndim(), "axis")?;
            if let Some(&bad) = ax.iter().find(|&&i| a.shape()[i] != 1) {
                return Err(ArrayError::InvalidValue {
                    arg: "axis",
                    reason: format!(
                        "cannot select an axis to squeeze out which has size not equal to one (axis {bad} \
                         has size {})",
                        a.shape()[bad]
                    ),
                });
            }
            ax
        }
    };
    remove.sort_unstable();
    let mut v = a.view().into_dyn();
    for &i in remove.iter().rev() {
        v = v.index_axis_move(Axis(i), 0);
    }
    Ok(v)
}

/// Inserts new axes of length one at the positions `axis` of the expanded array. A view.
///
/// NumPy equivalent: `numpy.expand_dims(a, axis)`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] when a position is not in `-(ndim + len)..ndim + len`,
/// [`ArrayError::InvalidValue`] for a repeated position.
///
/// # Examples
///
/// ```
/// use sci_array::expand_dims;
/// use sci_array::ndarray::array;
/// let x = array![1, 2];
/// assert_eq!(expand_dims(&x, &[0]).unwrap().shape(), &[1, 2]);
/// assert_eq!(expand_dims(&x, &[-1]).unwrap().shape(), &[2, 1]);
/// assert_eq!(expand_dims(&x, &[0, 2]).unwrap().shape(), &[1, 2, 1]);
/// ```
pub fn expand_dims<'a, T, S, D>(a: &'a ArrayBase<S, D>, axis: &[isize]) -> Result<ArrayViewD<'a, T>>
where
    S: Data<Elem = T>,
    D: Dimension,
{
    let mut ax = normalize_axes(axis, a.ndim() + axis.len(), "axis")?;
    ax.sort_unstable();
    let mut v = a.view().into_dyn();
    for i in ax {
        v = v.insert_axis(Axis(i));
    }
    Ok(v)
}

/// Rolls elements along `axis` by `shift` positions (elements pushed off the end come back at
/// the start). With `axis = None` the array is rolled as if flattened (C order), then given its
/// shape back.
///
/// NumPy equivalent: `numpy.roll(a, shift, axis)`.
///
/// # Errors
///
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::roll;
/// use sci_array::ndarray::array;
/// assert_eq!(roll(&array![0, 1, 2, 3, 4], 2, None).unwrap(), array![3, 4, 0, 1, 2]);
/// assert_eq!(roll(&array![0, 1, 2, 3, 4], -1, Some(0)).unwrap(), array![1, 2, 3, 4, 0]);
/// let x = array![[0, 1, 2], [3, 4, 5]];
/// assert_eq!(roll(&x, 1, None).unwrap(), array![[5, 0, 1], [2, 3, 4]]);
/// assert_eq!(roll(&x, 1, Some(1)).unwrap(), array![[2, 0, 1], [5, 3, 4]]);
/// ```
pub fn roll<T, S, D>(a: &ArrayBase<S, D>, shift: isize, axis: Option<isize>) -> Result<Array<T, D>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let c = kernels::c_order(a);
    let src = kernels::slice_of(&c);
    let dims = match axis {
        None => (1, a.len(), 1),
        Some(ax) => kernels::split_dims(a.shape(), normalize_axis(ax, a.ndim(), "axis")?),
    };
    let out = if dims.1 == 0 || a.is_empty() {
        src.to_vec()
    } else {
        kernels::roll_chunks(src, dims, shift.rem_euclid(dims.1 as isize) as usize)
    };
    Ok(Array::from_shape_vec(a.raw_dim(), out).expect("same number of elements"))
}

/// Rolls along several axes at once: `shifts` and `axes` are paired (one of them may have
/// length 1 and is then used for all); shifts along a repeated axis add up.
///
/// NumPy equivalent: `numpy.roll(a, shift=(..), axis=(..))`.
///
/// # Errors
///
/// [`ArrayError::LengthMismatch`] when `shifts` and `axes` have different lengths, neither
/// being 1; [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::roll_axes;
/// use sci_array::ndarray::array;
/// let x = array![[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]];
/// assert_eq!(roll_axes(&x, &[1, 1], &[1, 0]).unwrap(), array![[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]);
/// assert_eq!(roll_axes(&x, &[2, -1], &[1, 1]).unwrap(), array![[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]);
/// ```
pub fn roll_axes<T, S, D>(a: &ArrayBase<S, D>, shifts: &[isize], axes: &[isize]) -> Result<Array<T, D>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let n = shifts.len().max(axes.len());
    if (shifts.len() != n && shifts.len() != 1) || (axes.len() != n && axes.len() != 1) {
        return Err(ArrayError::LengthMismatch {
            a: "shift",
            b: "axis",
            len_a: shifts.len(),
            len_b: axes.len(),
        });
    }
    let mut total = vec![0isize; a.ndim()];
    for i in 0..n {
        let ax = normalize_axis(axes[if axes.len() == 1 { 0 } else { i }], a.ndim(), "axis")?;
        total[ax] += shifts[if shifts.len() == 1 { 0 } else { i }];
    }
    let mut out = a.to_owned();
    for (ax, &sh) in total.iter().enumerate() {
        if sh != 0 {
            out = roll(&out, sh, Some(ax as isize))?;
        }
    }
    Ok(out)
}
