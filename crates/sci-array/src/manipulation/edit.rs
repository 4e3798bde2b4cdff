//! Adding and removing elements: `append`, `delete`, `resize`, `trim_zeros`.

use super::kernels;
use crate::error::{ArrayError, Result, normalize_axis};
use ndarray::{ArrayBase, ArrayD, ArrayView1, Axis, Data, Dimension, Ix1, IxDyn, Slice};

/// Appends `values` to `arr`: both flattened (C order) when `axis` is `None`, otherwise joined
/// along `axis` (the shapes must match elsewhere).
///
/// NumPy equivalent: `numpy.append(arr, values, axis)`.
///
/// # Errors
///
/// As [`concatenate`](crate::concatenate) when `axis` is given.
///
/// # Examples
///
/// ```
/// use sci_array::append;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(append(&a, &array![[7, 8, 9]], None).unwrap(), array![1, 2, 3, 4, 5, 6, 7, 8, 9].into_dyn());
/// assert_eq!(append(&a, &array![[7, 8, 9]], Some(0)).unwrap().shape(), &[3, 3]);
/// assert!(append(&a, &array![7, 8, 9], Some(0)).is_err());
/// ```
pub fn append<T, S1, S2, D1, D2>(
    arr: &ArrayBase<S1, D1>,
    values: &ArrayBase<S2, D2>,
    axis: Option<isize>,
) -> Result<ArrayD<T>>
where
    T: Clone,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let (a, v) = (arr.view().into_dyn(), values.view().into_dyn());
    match axis {
        None => Ok(super::concatenate_flat(&[a, v]).into_dyn()),
        Some(ax) => super::concatenate(&[a, v], ax),
    }
}

/// Inserts `values` before position `index` along `axis` (of the flattened array when `axis`
/// is `None`), with NumPy's rules for a scalar `obj`: `values` gets at least `arr.ndim()`
/// dimensions (leading axes of length 1), its first axis is moved to `axis`, and it is
/// broadcast to `arr`'s shape on the other axes. A 0-d `values` inserts one slice.
///
/// NumPy equivalent: `numpy.insert(arr, obj, values, axis)` with an integer `obj`.
///
/// # Errors
///
/// [`ArrayError::IndexOutOfBounds`] when `index` is not in `-len..=len`,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis, [`ArrayError::Broadcast`] when `values`
/// does not fit.
///
/// # Examples
///
/// ```
/// use sci_array::insert;
/// use sci_array::ndarray::{arr0, array};
/// let a = array![[1, 1], [2, 2], [3, 3]];
/// assert_eq!(insert(&a, 1, &arr0(5), Some(1)).unwrap(), array![[1, 5, 1], [2, 5, 2], [3, 5, 3]].into_dyn());
/// assert_eq!(insert(&a, 1, &array![7, 8, 9], Some(1)).unwrap(), array![[1, 7, 1], [2, 8, 2], [3, 9, 3]].into_dyn());
/// assert_eq!(insert(&a, -1, &array![0, 0], None).unwrap(), array![1, 1, 2, 2, 3, 0, 0, 3].into_dyn());
/// ```
pub fn insert<T, S1, S2, D1, D2>(
    arr: &ArrayBase<S1, D1>,
    index: isize,
    values: &ArrayBase<S2, D2>,
    axis: Option<isize>,
) -> Result<ArrayD<T>>
where
    T: Clone,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    let flat;
    let (a, ax) = match axis {
        None => {
            flat = super::concatenate_flat(&[arr.view()]);
            (flat.view().into_dyn(), 0)
        }
        Some(x) => (arr.view().into_dyn(), normalize_axis(x, arr.ndim(), "axis")?),
    };
    let n = a.len_of(Axis(ax));
    let at = if index < 0 { index + n as isize } else { index };
    if at < 0 || at > n as isize {
        return Err(ArrayError::IndexOutOfBounds { arg: "obj", index, axis: ax, size: n });
    }
    let at = at as usize;
    let mut v = values.view().into_dyn();
    while v.ndim() < a.ndim() {
        v = v.insert_axis(Axis(0));
    }
    let mut order: Vec<usize> = (1..v.ndim()).collect();
    order.insert(ax.min(order.len()), 0);
    let v = v.permuted_axes(IxDyn(&order));
    let mut target = a.shape().to_vec();
    target[ax] = v.shape().get(ax).copied().unwrap_or(1);
    let vb = v.broadcast(IxDyn(&target)).ok_or_else(|| ArrayError::Broadcast {
        shapes: crate::error::format_shapes(&[values.shape(), &target]),
    })?;
    super::concatenate(
        &[a.slice_axis(Axis(ax), Slice::from(..at)), vb, a.slice_axis(Axis(ax), Slice::from(at..))],
        ax as isize,
    )
}

/// Removes the sub-arrays at `indices` along `axis` (or the elements of the flattened array
/// when `axis` is `None`). Negative indices count from the end; repeated indices are removed
/// once.
///
/// NumPy equivalent: `numpy.delete(arr, obj, axis)` (with a list of integer indices).
///
/// # Errors
///
/// [`ArrayError::IndexOutOfBounds`] for an index outside the axis,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::delete;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
/// assert_eq!(delete(&a, &[1], Some(0)).unwrap(), array![[1, 2, 3, 4], [9, 10, 11, 12]].into_dyn());
/// assert_eq!(delete(&a, &[0, -1], Some(1)).unwrap(), array![[2, 3], [6, 7], [10, 11]].into_dyn());
/// assert_eq!(delete(&a, &[1, 3, 5], None).unwrap(), array![1, 3, 5, 7, 8, 9, 10, 11, 12].into_dyn());
/// ```
pub fn delete<T, S, D>(arr: &ArrayBase<S, D>, indices: &[isize], axis: Option<isize>) -> Result<ArrayD<T>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let c = kernels::c_order(arr);
    let (dims, mut shape, ax) = match axis {
        None => ((1, arr.len(), 1), vec![arr.len()], 0),
        Some(a) => {
            let a = normalize_axis(a, arr.ndim(), "axis")?;
            (kernels::split_dims(arr.shape(), a), arr.shape().to_vec(), a)
        }
    };
    let n = dims.1;
    let mut keep = vec![true; n];
    for &i in indices {
        let j = if i < 0 { i + n as isize } else { i };
        if j < 0 || j >= n as isize {
            return Err(ArrayError::IndexOutOfBounds { arg: "obj", index: i, axis: ax, size: n });
        }
        keep[j as usize] = false;
    }
    let data = kernels::repeat_chunks(kernels::slice_of(&c), dims, |i| usize::from(keep[i]));
    shape[ax] = keep.iter().filter(|&&k| k).count();
    Ok(ArrayD::from_shape_vec(IxDyn(&shape), data).expect("kept chunks fill the result"))
}

/// A new array of shape `new_shape` filled with the elements of `a` (C order), repeated
/// cyclically as needed; an empty `a` gives `T::default()` (zeros), as NumPy does.
///
/// NumPy equivalent: `numpy.resize(a, new_shape)` (not the in-place `ndarray.resize`).
///
/// # Examples
///
/// ```
/// use sci_array::resize;
/// use sci_array::ndarray::array;
/// let a = array![[0, 1], [2, 3]];
/// assert_eq!(resize(&a, &[2, 3]), array![[0, 1, 2], [3, 0, 1]].into_dyn());
/// assert_eq!(resize(&a, &[1, 4]), array![[0, 1, 2, 3]].into_dyn());
/// assert_eq!(resize(&a, &[5]), array![0, 1, 2, 3, 0].into_dyn());
/// ```
pub fn resize<T, S, D>(a: &ArrayBase<S, D>, new_shape: &[usize]) -> ArrayD<T>
where
    T: Clone + Default,
    S: Data<Elem = T>,
    D: Dimension,
{
    let total: usize = new_shape.iter().product();
    let c = kernels::c_order(a);
    let src = kernels::slice_of(&c);
    let data: Vec<T> = if src.is_empty() {
        vec![T::default(); total]
    } else {
        src.iter().cycle().take(total).cloned().collect()
    };
    ArrayD::from_shape_vec(IxDyn(new_shape), data).expect("filled to the new size")
}

/// Which ends [`trim_zeros`] trims: NumPy's `trim='fb'`, `'f'`, `'b'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Trim {
    /// Both ends (`'fb'`, the default).
    #[default]
    Both,
    /// Leading zeros only (`'f'`).
    Front,
    /// Trailing zeros only (`'b'`).
    Back,
}

/// A view of a 1-d array without its leading and/or trailing zeros (`T::default()`).
///
/// NumPy equivalent: `numpy.trim_zeros(filt, trim)` (1-d).
///
/// # Examples
///
/// ```
/// use sci_array::{trim_zeros, Trim};
/// use sci_array::ndarray::array;
/// let a = array![0, 0, 0, 1, 2, 3, 0, 2, 1, 0];
/// assert_eq!(trim_zeros(&a, Trim::Both), array![1, 2, 3, 0, 2, 1]);
/// assert_eq!(trim_zeros(&a, Trim::Back), array![0, 0, 0, 1, 2, 3, 0, 2, 1]);
/// assert_eq!(trim_zeros(&array![0.0, 0.0], Trim::Both).len(), 0);
/// ```
pub fn trim_zeros<'a, T, S>(filt: &'a ArrayBase<S, Ix1>, trim: Trim) -> ArrayView1<'a, T>
where
    T: Default + PartialEq,
    S: Data<Elem = T>,
{
    let zero = T::default();
    let n = filt.len();
    let first = if trim == Trim::Back { 0 } else { filt.iter().position(|x| *x != zero).unwrap_or(n) };
    let last = if trim == Trim::Front {
        n
    } else {
        filt.iter().rposition(|x| *x != zero).map_or(first, |i| i + 1).max(first)
    };
    filt.slice_axis(Axis(0), Slice::from(first..last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array1, array};

    #[test]
    fn delete_out_of_bounds_is_an_error() {
        let e = delete(&array![1, 2, 3], &[3], None).unwrap_err();
        assert_eq!(e, ArrayError::IndexOutOfBounds { arg: "obj", index: 3, axis: 0, size: 3 });
        assert!(delete(&array![1, 2, 3], &[-4], None).is_err());
        assert_eq!(delete(&array![1, 2, 3], &[-1, 2], None).unwrap(), array![1, 2].into_dyn());
    }

    #[test]
    fn resize_and_trim_edge_cases() {
        assert_eq!(resize(&Array1::<f64>::zeros(0), &[2]), array![0.0, 0.0].into_dyn());
        assert_eq!(resize(&array![true], &[0]).len(), 0);
        let only_zeros = array![0, 0, 0];
        assert_eq!(trim_zeros(&only_zeros, Trim::Front).len(), 0);
        assert_eq!(trim_zeros(&only_zeros, Trim::Back).len(), 0);
    }
}
