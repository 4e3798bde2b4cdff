//! Joining and replicating arrays: `concatenate`, `stack`, `hstack`, `vstack`, `dstack`,
//! `column_stack`, `tile`, `repeat`.

use crate::error::{ArrayError, Result, normalize_axis};
use ndarray::{Array, ArrayBase, ArrayD, ArrayView, ArrayViewD, Axis, Data, Dimension, IxDyn, RemoveAxis};

/// Checks NumPy's concatenation rules and returns NumPy's messages on failure.
fn check_join<T, D: Dimension>(arrays: &[ArrayView<'_, T, D>], axis: Option<usize>) -> Result<()> {
    let Some(first) = arrays.first() else {
        return Err(ArrayError::InvalidValue {
            arg: "arrays",
            reason: "need at least one array to concatenate".into(),
        });
    };
    for (i, b) in arrays.iter().enumerate().skip(1) {
        if b.ndim() != first.ndim() {
            return Err(ArrayError::ShapeMismatch {
                arg: "arrays",
                expected: format!(
                    "all the input arrays must have same number of dimensions, but the array at index 0 has \
                     {} dimension(s) and the array at index {i} has {} dimension(s)",
                    first.ndim(),
                    b.ndim()
                ),
                found: b.shape().to_vec(),
            });
        }
        for d in 0..first.ndim() {
            if Some(d) != axis && b.shape()[d] != first.shape()[d] {
                let what = if axis.is_some() { "except for the concatenation axis " } else { "" };
                return Err(ArrayError::ShapeMismatch {
                    arg: "arrays",
                    expected: format!(
                        "all the input array dimensions {what}must match exactly, but along dimension {d}, the \
                         array at index 0 has size {} and the array at index {i} has size {}",
                        first.shape()[d],
                        b.shape()[d]
                    ),
                    found: b.shape().to_vec(),
                });
            }
        }
    }
    Ok(())
}

/// Joins arrays along an existing axis.
///
/// NumPy equivalent: `numpy.concatenate(arrays, axis)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for an empty list, [`ArrayError::AxisOutOfBounds`] for a bad
/// axis, [`ArrayError::ShapeMismatch`] (with NumPy's message) when the shapes differ off the axis.
///
/// # Examples
///
/// ```
/// use sci_array::concatenate;
/// use sci_array::ndarray::array;
/// let a = array![[1, 2], [3, 4]];
/// let b = array![[5, 6]];
/// assert_eq!(concatenate(&[a.view(), b.view()], 0).unwrap(), array![[1, 2], [3, 4], [5, 6]]);
/// assert_eq!(concatenate(&[a.view(), b.t()], 1).unwrap(), array![[1, 2, 5], [3, 4, 6]]);
/// assert!(concatenate(&[a.view(), b.view()], 1).is_err());
/// ```
pub fn concatenate<T, D>(arrays: &[ArrayView<'_, T, D>], axis: isize) -> Result<Array<T, D>>
where
    T: Clone,
    D: RemoveAxis,
{
    let ndim = arrays.first().map_or(0, |a| a.ndim());
    if arrays.is_empty() {
        check_join(arrays, None)?;
    }
    let ax = normalize_axis(axis, ndim, "axis")?;
    check_join(arrays, Some(ax))?;
    let mut dim = arrays[0].raw_dim();
    dim[ax] = arrays.iter().map(|a| a.len_of(Axis(ax))).sum();
    let data = super::kernels::join_blocks(arrays, ax);
    Ok(Array::from_shape_vec(dim, data).expect("joined blocks fill the result"))
}

/// Joins arrays of equal shape along a new axis (`axis` indexes the result's dimensions).
///
/// NumPy equivalent: `numpy.stack(arrays, axis)`.
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for an empty list, [`ArrayError::ShapeMismatch`] when the
/// shapes differ ("all input arrays must have the same shape"), [`ArrayError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_array::stack;
/// use sci_array::ndarray::array;
/// let a = array![1, 2, 3];
/// let b = array![4, 5, 6];
/// assert_eq!(stack(&[a.view(), b.view()], 0).unwrap(), array![[1, 2, 3], [4, 5, 6]]);
/// assert_eq!(stack(&[a.view(), b.view()], -1).unwrap(), array![[1, 4], [2, 5], [3, 6]]);
/// ```
pub fn stack<T, D>(arrays: &[ArrayView<'_, T, D>], axis: isize) -> Result<Array<T, D::Larger>>
where
    T: Clone,
    D: Dimension,
    D::Larger: RemoveAxis,
{
    check_join(arrays, None).map_err(|e| match e {
        ArrayError::ShapeMismatch { arg, found, .. } => ArrayError::ShapeMismatch {
            arg,
            expected: "all input arrays must have the same shape".into(),
            found,
        },
        other => other,
    })?;
    let ax = normalize_axis(axis, arrays[0].ndim() + 1, "axis")?;
    ndarray::stack(Axis(ax), arrays)
        .map_err(|e| ArrayError::InvalidValue { arg: "arrays", reason: e.to_string() })
}

/// Promotes a view to at least `n` dimensions the NumPy way (`atleast_2d`: `(N,)` -> `(1, N)`;
/// `atleast_3d`: `(N,)` -> `(1, N, 1)`, `(M, N)` -> `(M, N, 1)`).
fn atleast<'a, T, D: Dimension>(a: &ArrayView<'a, T, D>, n: usize) -> ArrayViewD<'a, T> {
    let mut v = a.clone().into_dyn();
    match (n, v.ndim()) {
        (1, 0) => v = v.insert_axis(Axis(0)),
        (2, 0) => v = v.insert_axis(Axis(0)).insert_axis(Axis(0)),
        (2, 1) => v = v.insert_axis(Axis(0)),
        (3, 0) => v = v.insert_axis(Axis(0)).insert_axis(Axis(0)).insert_axis(Axis(0)),
        (3, 1) => v = v.insert_axis(Axis(0)).insert_axis(Axis(2)),
        (3, 2) => v = v.insert_axis(Axis(2)),
        _ => {}
    }
    v
}

fn join_dyn<T: Clone>(views: Vec<ArrayViewD<'_, T>>, axis: usize) -> Result<ArrayD<T>> {
    concatenate(&views, axis as isize)
}

/// Stacks arrays horizontally: along axis 1, or along axis 0 for 1-d arrays (0-d arrays are
/// treated as 1-d).
///
/// NumPy equivalent: `numpy.hstack`.
///
/// # Errors
///
/// As [`concatenate`].
///
/// # Examples
///
/// ```
/// use sci_array::hstack;
/// use sci_array::ndarray::array;
/// let (a, b) = (array![1, 2], array![3]);
/// assert_eq!(hstack(&[a.view(), b.view()]).unwrap(), array![1, 2, 3].into_dyn());
/// let (c, d) = (array![[1], [2]], array![[3], [4]]);
/// assert_eq!(hstack(&[c.view(), d.view()]).unwrap(), array![[1, 3], [2, 4]].into_dyn());
/// ```
pub fn hstack<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>]) -> Result<ArrayD<T>> {
    let views: Vec<_> = arrays.iter().map(|a| atleast(a, 1)).collect();
    let axis = if views.first().is_some_and(|v| v.ndim() == 1) { 0 } else { 1 };
    join_dyn(views, axis)
}

/// Stacks arrays vertically (row wise), after promoting 1-d arrays `(N,)` to `(1, N)`.
///
/// NumPy equivalent: `numpy.vstack` (alias `numpy.row_stack`).
///
/// # Errors
///
/// As [`concatenate`].
///
/// # Examples
///
/// ```
/// use sci_array::vstack;
/// use sci_array::ndarray::array;
/// let (a, b) = (array![1, 2, 3], array![4, 5, 6]);
/// assert_eq!(vstack(&[a.view(), b.view()]).unwrap(), array![[1, 2, 3], [4, 5, 6]].into_dyn());
/// ```
pub fn vstack<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>]) -> Result<ArrayD<T>> {
    join_dyn(arrays.iter().map(|a| atleast(a, 2)).collect(), 0)
}

/// Stacks arrays depth wise (along axis 2), after promoting `(N,)` to `(1, N, 1)` and `(M, N)`
/// to `(M, N, 1)`.
///
/// NumPy equivalent: `numpy.dstack`.
///
/// # Errors
///
/// As [`concatenate`].
///
/// # Examples
///
/// ```
/// use sci_array::dstack;
/// use sci_array::ndarray::array;
/// let (a, b) = (array![1, 2, 3], array![4, 5, 6]);
/// assert_eq!(dstack(&[a.view(), b.view()]).unwrap(), array![[[1, 4], [2, 5], [3, 6]]].into_dyn());
/// ```
pub fn dstack<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>]) -> Result<ArrayD<T>> {
    join_dyn(arrays.iter().map(|a| atleast(a, 3)).collect(), 2)
}

/// Stacks 1-d arrays as columns of a 2-d array; arrays with 2 or more dimensions are joined
/// along axis 1 as in [`hstack`].
///
/// NumPy equivalent: `numpy.column_stack`.
///
/// # Errors
///
/// As [`concatenate`].
///
/// # Examples
///
/// ```
/// use sci_array::column_stack;
/// use sci_array::ndarray::array;
/// let (a, b) = (array![1, 2, 3], array![4, 5, 6]);
/// assert_eq!(column_stack(&[a.view(), b.view()]).unwrap(), array![[1, 4], [2, 5], [3, 6]].into_dyn());
/// ```
pub fn column_stack<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>]) -> Result<ArrayD<T>> {
    let views = arrays
        .iter()
        .map(|a| {
            let v = a.clone().into_dyn();
            match v.ndim() {
                0 => v.insert_axis(Axis(0)).insert_axis(Axis(1)),
                1 => v.insert_axis(Axis(1)),
                _ => v,
            }
        })
        .collect();
    join_dyn(views, 1)
}

/// Builds an array by repeating `a` the number of times given by `reps` along each axis.
///
/// As in NumPy, when `reps` is shorter than `a.ndim()` it is padded with ones in front, and
/// when it is longer `a` gets new leading axes of length one.
///
/// NumPy equivalent: `numpy.tile(A, reps)`.
///
/// # Examples
///
/// ```
/// use sci_array::tile;
/// use sci_array::ndarray::array;
/// let a = array![0, 1, 2];
/// assert_eq!(tile(&a, &[2]), array![0, 1, 2, 0, 1, 2].into_dyn());
/// assert_eq!(tile(&a, &[2, 2]), array![[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]].into_dyn());
/// let b = array![[1, 2], [3, 4]];
/// assert_eq!(tile(&b, &[2]), array![[1, 2, 1, 2], [3, 4, 3, 4]].into_dyn());
/// ```
pub fn tile<T, S, D>(a: &ArrayBase<S, D>, reps: &[usize]) -> ArrayD<T>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = a.ndim().max(reps.len());
    let mut v = a.view().into_dyn();
    while v.ndim() < nd {
        v = v.insert_axis(Axis(0));
    }
    let mut r = vec![1usize; nd - reps.len()];
    r.extend_from_slice(reps);
    let c = super::kernels::c_order(&v);
    let src = super::kernels::slice_of(&c);
    let shape = v.shape().to_vec();
    let out_shape: Vec<usize> = shape.iter().zip(&r).map(|(s, k)| s * k).collect();
    let total: usize = out_shape.iter().product();
    if nd == 0 || total == 0 {
        return ArrayD::from_shape_vec(IxDyn(&out_shape), src.iter().take(total).cloned().collect())
            .expect("tiled size");
    }
    // One pass over the output rows (last axis): each is the matching input row repeated.
    let last = shape[nd - 1];
    let mut out = Vec::with_capacity(total);
    let ones = vec![0usize; nd - 1];
    super::kernels::for_each_in_box(&out_shape[..nd - 1], &ones, &out_shape[..nd - 1], |lin| {
        // Input row of output row `lin`: each output index modulo the input length.
        let (mut rem, mut row, mut scale) = (lin, 0usize, 1usize);
        for k in (0..nd - 1).rev() {
            row += (rem % out_shape[k]) % shape[k] * scale;
            rem /= out_shape[k];
            scale *= shape[k];
        }
        let chunk = &src[row * last..(row + 1) * last];
        for _ in 0..r[nd - 1] {
            out.extend_from_slice(chunk);
        }
    });
    ArrayD::from_shape_vec(IxDyn(&out_shape), out).expect("tiled size")
}

/// Repeats each element `repeats` times along `axis`, or in the flattened (C order) array
/// when `axis` is `None` (the result is then 1-d).
///
/// `repeats` holds one count for all elements, or one count per element along the axis.
///
/// NumPy equivalent: `numpy.repeat(a, repeats, axis)`.
///
/// # Errors
///
/// [`ArrayError::ShapeMismatch`] when `repeats` has neither length 1 nor the axis length,
/// [`ArrayError::AxisOutOfBounds`] for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::repeat;
/// use sci_array::ndarray::array;
/// let x = array![[1, 2], [3, 4]];
/// assert_eq!(repeat(&x, &[2], None).unwrap(), array![1, 1, 2, 2, 3, 3, 4, 4].into_dyn());
/// assert_eq!(repeat(&x, &[3], Some(1)).unwrap(), array![[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]].into_dyn());
/// assert_eq!(repeat(&x, &[1, 2], Some(0)).unwrap(), array![[1, 2], [3, 4], [3, 4]].into_dyn());
/// ```
pub fn repeat<T, S, D>(a: &ArrayBase<S, D>, repeats: &[usize], axis: Option<isize>) -> Result<ArrayD<T>>
where
    T: Clone,
    S: Data<Elem = T>,
    D: Dimension,
{
    let (dims, mut shape) = match axis {
        None => ((1, a.len(), 1), vec![a.len()]),
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim(), "axis")?;
            (super::kernels::split_dims(a.shape(), ax), a.shape().to_vec())
        }
    };
    let n = dims.1;
    if repeats.len() != 1 && repeats.len() != n {
        return Err(ArrayError::ShapeMismatch {
            arg: "repeats",
            expected: format!("length 1 or {n} (operands could not be broadcast together)"),
            found: vec![repeats.len()],
        });
    }
    let count = |i: usize| if repeats.len() == 1 { repeats[0] } else { repeats[i] };
    let c = super::kernels::c_order(a);
    let data = super::kernels::repeat_chunks(super::kernels::slice_of(&c), dims, count);
    let ax = axis.map_or(0, |x| normalize_axis(x, a.ndim(), "axis").expect("checked above"));
    shape[ax] = (0..n).map(count).sum();
    Ok(ArrayD::from_shape_vec(IxDyn(&shape), data).expect("repeated chunks fill the result"))
}

/// Views `a` with at least one dimension (a 0-d array becomes shape `(1,)`).
///
/// NumPy equivalent: `numpy.atleast_1d`.
///
/// # Examples
///
/// ```
/// use sci_array::atleast_1d;
/// use sci_array::ndarray::arr0;
/// assert_eq!(atleast_1d(&arr0(3.0)).shape(), &[1]);
/// ```
pub fn atleast_1d<'a, T, S: Data<Elem = T>, D: Dimension>(a: &'a ArrayBase<S, D>) -> ArrayViewD<'a, T> {
    atleast(&a.view(), 1)
}

/// Views `a` with at least two dimensions: `(N,)` becomes `(1, N)`.
///
/// NumPy equivalent: `numpy.atleast_2d`.
///
/// # Examples
///
/// ```
/// use sci_array::atleast_2d;
/// use sci_array::ndarray::array;
/// assert_eq!(atleast_2d(&array![1, 2, 3]).shape(), &[1, 3]);
/// ```
pub fn atleast_2d<'a, T, S: Data<Elem = T>, D: Dimension>(a: &'a ArrayBase<S, D>) -> ArrayViewD<'a, T> {
    atleast(&a.view(), 2)
}

/// Views `a` with at least three dimensions: `(N,)` becomes `(1, N, 1)` and `(M, N)` becomes
/// `(M, N, 1)`.
///
/// NumPy equivalent: `numpy.atleast_3d`.
///
/// # Examples
///
/// ```
/// use sci_array::atleast_3d;
/// use sci_array::ndarray::array;
/// assert_eq!(atleast_3d(&array![1, 2, 3]).shape(), &[1, 3, 1]);
/// assert_eq!(atleast_3d(&array![[1, 2]]).shape(), &[1, 2, 1]);
/// ```
pub fn atleast_3d<'a, T, S: Data<Elem = T>, D: Dimension>(a: &'a ArrayBase<S, D>) -> ArrayViewD<'a, T> {
    atleast(&a.view(), 3)
}

/// Joins the flattened (C order) arrays into one 1-d array.
///
/// NumPy equivalent: `numpy.concatenate(arrays, axis=None)`.
///
/// # Examples
///
/// ```
/// use sci_array::concatenate_flat;
/// use sci_array::ndarray::array;
/// let (a, b) = (array![[1, 2], [3, 4]], array![[5, 6]]);
/// assert_eq!(concatenate_flat(&[a.view(), b.view()]), array![1, 2, 3, 4, 5, 6]);
/// ```
pub fn concatenate_flat<T: Clone, D: Dimension>(arrays: &[ArrayView<'_, T, D>]) -> ndarray::Array1<T> {
    let mut out = Vec::with_capacity(arrays.iter().map(|a| a.len()).sum());
    for a in arrays {
        out.extend_from_slice(super::kernels::slice_of(&super::kernels::c_order(a)));
    }
    ndarray::Array1::from_vec(out)
}

/// Assembles an array from a two-level nested list of blocks: the blocks of each row are
/// joined along the last axis, then the rows along the second-to-last axis. Blocks are first
/// given at least 2 (and all the same number of) dimensions by prepending axes of length 1.
///
/// NumPy equivalent: `numpy.block([[A, B], [C, D]])` (two nesting levels only).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for an empty list or row; [`ArrayError::ShapeMismatch`] when
/// the blocks do not fit together.
///
/// # Examples
///
/// ```
/// use sci_array::block;
/// use sci_array::ndarray::{array, Array2};
/// let a = Array2::<f64>::eye(2) * 2.0;
/// let b = Array2::<f64>::zeros((2, 1));
/// let c = array![[5.0, 6.0, 7.0]];
/// let m = block(&[vec![a.view().into_dyn(), b.view().into_dyn()], vec![c.view().into_dyn()]]).unwrap();
/// assert_eq!(m, array![[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [5.0, 6.0, 7.0]].into_dyn());
/// ```
pub fn block<'a, T: Clone>(rows: &[Vec<ArrayViewD<'a, T>>]) -> Result<ArrayD<T>> {
    if rows.is_empty() || rows.iter().any(|r| r.is_empty()) {
        return Err(ArrayError::InvalidValue { arg: "arrays", reason: "Lists cannot be empty".into() });
    }
    let nd = rows.iter().flatten().map(|a| a.ndim()).max().unwrap_or(0).max(2);
    let promote = |a: &ArrayViewD<'a, T>| -> ArrayViewD<'a, T> {
        let mut v = a.clone();
        while v.ndim() < nd {
            v = v.insert_axis(Axis(0));
        }
        v
    };
    let joined: Vec<ArrayD<T>> = rows
        .iter()
        .map(|r| concatenate(&r.iter().map(promote).collect::<Vec<_>>(), -1))
        .collect::<Result<_>>()?;
    concatenate(&joined.iter().map(|a| a.view()).collect::<Vec<_>>(), -2)
}
