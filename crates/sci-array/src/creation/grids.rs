//! Coordinate grids: `meshgrid`, `mgrid`, `ogrid`, `indices`.

use crate::error::{ArrayError, Result};
use ndarray::{Array2, ArrayD, ArrayView1, ArrayViewD, Axis, IxDyn};

/// Cartesian (`Xy`, NumPy's default) or matrix (`Ij`) indexing of [`meshgrid`] outputs.
///
/// # Examples
///
/// ```
/// use sci_array::Indexing;
/// assert_eq!(Indexing::default(), Indexing::Xy);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Indexing {
    /// `indexing='xy'`: for inputs of lengths `M`, `N`, outputs have shape `(N, M)`.
    #[default]
    Xy,
    /// `indexing='ij'`: outputs have shape `(M, N)`.
    Ij,
}

/// The output axis along which input `i` of `n` varies.
fn grid_pos(indexing: Indexing, i: usize, n: usize) -> usize {
    match (indexing, i) {
        (Indexing::Xy, 0) if n > 1 => 1,
        (Indexing::Xy, 1) => 0,
        _ => i,
    }
}

/// Each input reshaped to a 1 in all axes but its own (swapping the first two for `Xy`).
fn sparse_views<'a, T>(xi: &[ArrayView1<'a, T>], indexing: Indexing) -> Vec<ArrayViewD<'a, T>> {
    let n = xi.len();
    xi.iter()
        .enumerate()
        .map(|(i, x)| {
            let pos = grid_pos(indexing, i, n);
            let mut v = (*x).into_dyn();
            for _ in 0..pos {
                v = v.insert_axis(Axis(0));
            }
            for _ in pos + 1..n {
                let end = v.ndim();
                v = v.insert_axis(Axis(end));
            }
            v
        })
        .collect()
}

/// Coordinate matrices from coordinate vectors: one full array per input, all of the common
/// grid shape.
///
/// With [`Indexing::Xy`] and inputs of lengths `M, N, P...` the shape is `(N, M, P...)`; with
/// [`Indexing::Ij`] it is `(M, N, P...)`.
///
/// NumPy equivalent: `numpy.meshgrid(*xi, indexing=...)`.
///
/// # Examples
///
/// ```
/// use sci_array::{meshgrid, Indexing};
/// use sci_array::ndarray::array;
/// let (x, y) = (array![1, 2, 3], array![4, 5]);
/// let g = meshgrid(&[x.view(), y.view()], Indexing::Xy);
/// assert_eq!(g[0], array![[1, 2, 3], [1, 2, 3]].into_dyn());
/// assert_eq!(g[1], array![[4, 4, 4], [5, 5, 5]].into_dyn());
/// let g = meshgrid(&[x.view(), y.view()], Indexing::Ij);
/// assert_eq!(g[0].shape(), &[3, 2]);
/// ```
pub fn meshgrid<T: Clone>(xi: &[ArrayView1<'_, T>], indexing: Indexing) -> Vec<ArrayD<T>> {
    use crate::manipulation::kernels::repeat_chunks;
    let n = xi.len();
    let mut shape = vec![0usize; n];
    for (i, x) in xi.iter().enumerate() {
        shape[grid_pos(indexing, i, n)] = x.len();
    }
    xi.iter()
        .enumerate()
        .map(|(i, x)| {
            // In C order each element is repeated `inner` times and the whole run `outer` times.
            let p = grid_pos(indexing, i, n);
            let (outer, inner) = (shape[..p].iter().product(), shape[p + 1..].iter().product());
            let xs: Vec<T> = x.iter().cloned().collect();
            let run = repeat_chunks(&xs, (1, xs.len(), 1), |_| inner);
            let data = repeat_chunks(&run, (1, 1, run.len()), |_| outer);
            ArrayD::from_shape_vec(IxDyn(&shape), data).expect("grid size")
        })
        .collect()
}

/// The sparse form of [`meshgrid`]: each output has length 1 on all axes but its own, ready to
/// broadcast.
///
/// NumPy equivalent: `numpy.meshgrid(*xi, sparse=True, indexing=...)`.
///
/// # Examples
///
/// ```
/// use sci_array::{meshgrid_sparse, Indexing};
/// use sci_array::ndarray::array;
/// let (x, y) = (array![1.0, 2.0, 3.0], array![4.0, 5.0]);
/// let g = meshgrid_sparse(&[x.view(), y.view()], Indexing::Xy);
/// assert_eq!(g[0].shape(), &[1, 3]);
/// assert_eq!(g[1].shape(), &[2, 1]);
/// ```
pub fn meshgrid_sparse<T: Clone>(xi: &[ArrayView1<'_, T>], indexing: Indexing) -> Vec<ArrayD<T>> {
    sparse_views(xi, indexing).into_iter().map(|v| v.to_owned()).collect()
}

/// [`meshgrid`] of two vectors with typed 2-d outputs.
///
/// NumPy equivalent: `X, Y = numpy.meshgrid(x, y, indexing=...)`.
///
/// # Examples
///
/// ```
/// use sci_array::{meshgrid2, Indexing};
/// use sci_array::ndarray::array;
/// let (xx, yy) = meshgrid2(&array![0.0, 1.0], &array![5.0, 6.0, 7.0], Indexing::Xy);
/// assert_eq!(xx.shape(), &[3, 2]);
/// assert_eq!(yy.column(0).to_vec(), vec![5.0, 6.0, 7.0]);
/// ```
pub fn meshgrid2<T, S1, S2>(
    x: &ndarray::ArrayBase<S1, ndarray::Ix1>,
    y: &ndarray::ArrayBase<S2, ndarray::Ix1>,
    indexing: Indexing,
) -> (Array2<T>, Array2<T>)
where
    T: Clone,
    S1: ndarray::Data<Elem = T>,
    S2: ndarray::Data<Elem = T>,
{
    let (m, n) = (x.len(), y.len());
    match indexing {
        Indexing::Xy => (
            Array2::from_shape_fn((n, m), |(_, j)| x[j].clone()),
            Array2::from_shape_fn((n, m), |(i, _)| y[i].clone()),
        ),
        Indexing::Ij => (
            Array2::from_shape_fn((m, n), |(i, _)| x[i].clone()),
            Array2::from_shape_fn((m, n), |(_, j)| y[j].clone()),
        ),
    }
}

/// One axis of an [`mgrid`] / [`ogrid`]: NumPy's slice `start:stop:step` or, with a complex
/// step, `start:stop:num*1j`.
///
/// # Examples
///
/// ```
/// use sci_array::GridAxis;
/// let a = GridAxis::Step { start: 0.0, stop: 1.0, step: 0.5 }; // 0:1:0.5
/// let b = GridAxis::Num { start: 0.0, stop: 1.0, num: 5 }; // 0:1:5j
/// assert_ne!(a, b);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GridAxis {
    /// `start:stop:step`: values `start + i * step` for `i < ceil((stop - start) / step)`.
    Step {
        /// First value.
        start: f64,
        /// End (excluded).
        stop: f64,
        /// Spacing (non-zero).
        step: f64,
    },
    /// `start:stop:num*1j`: `num` points from `start` to `stop` inclusive.
    Num {
        /// First value.
        start: f64,
        /// Last value.
        stop: f64,
        /// Number of points.
        num: usize,
    },
}

impl GridAxis {
    /// The axis values.
    fn values(&self) -> Result<Vec<f64>> {
        match *self {
            GridAxis::Step { start, stop, step } => {
                if step == 0.0 {
                    return Err(ArrayError::InvalidValue {
                        arg: "step",
                        reason: "step must not be zero".into(),
                    });
                }
                let len = ((stop - start) / step).ceil();
                if len.is_nan() || len > isize::MAX as f64 {
                    return Err(ArrayError::InvalidValue {
                        arg: "stop",
                        reason: format!("cannot make a grid from {start} to {stop} with step {step}"),
                    });
                }
                let n = if len > 0.0 { len as usize } else { 0 };
                Ok((0..n).map(|i| i as f64 * step + start).collect())
            }
            GridAxis::Num { start, stop, num } => {
                let step = if num != 1 { (stop - start) / (num as f64 - 1.0) } else { 1.0 };
                Ok((0..num).map(|i| i as f64 * step + start).collect())
            }
        }
    }
}

/// A dense multi-dimensional "meshgrid": shape `(n, len_1, ..., len_n)`, where slice `k` holds
/// the values of axis `k` varying along axis `k`.
///
/// A single axis gives shape `(1, len)`, like NumPy's `np.mgrid[a:b:c,]` (for NumPy's 1-d
/// `np.mgrid[a:b:c]` use [`arange`](crate::arange) or [`linspace`](crate::linspace)).
///
/// NumPy equivalent: `numpy.mgrid[...]` (float grids).
///
/// # Errors
///
/// [`ArrayError::InvalidValue`] for a zero step or a length that cannot be computed.
///
/// # Examples
///
/// ```
/// use sci_array::{mgrid, GridAxis};
/// use sci_array::ndarray::array;
/// let g = mgrid(&[
///     GridAxis::Step { start: 0.0, stop: 2.0, step: 1.0 },
///     GridAxis::Num { start: -1.0, stop: 1.0, num: 3 },
/// ]).unwrap();
/// assert_eq!(g.shape(), &[2, 2, 3]);
/// assert_eq!(g.index_axis(sci_array::ndarray::Axis(0), 0), array![[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]].into_dyn());
/// assert_eq!(g.index_axis(sci_array::ndarray::Axis(0), 1), array![[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]].into_dyn());
/// ```
pub fn mgrid(axes: &[GridAxis]) -> Result<ArrayD<f64>> {
    let vals: Vec<ndarray::Array1<f64>> =
        axes.iter().map(|a| a.values().map(ndarray::Array1::from_vec)).collect::<Result<_>>()?;
    let views: Vec<ArrayView1<'_, f64>> = vals.iter().map(|v| v.view()).collect();
    let grids = meshgrid(&views, Indexing::Ij);
    let gv: Vec<ArrayViewD<'_, f64>> = grids.iter().map(|g| g.view()).collect();
    let mut shape = vec![axes.len()];
    shape.extend(vals.iter().map(|v| v.len()));
    if gv.is_empty() {
        return Ok(ArrayD::zeros(IxDyn(&shape)));
    }
    Ok(ndarray::stack(Axis(0), &gv).expect("meshgrid outputs share one shape"))
}

/// An open (sparse) grid: one array per axis, of length 1 on all other axes.
///
/// NumPy equivalent: `numpy.ogrid[...]` (float grids; always returns a list, even for one
/// axis).
///
/// # Errors
///
/// As [`mgrid`].
///
/// # Examples
///
/// ```
/// use sci_array::{ogrid, GridAxis};
/// let g = ogrid(&[
///     GridAxis::Step { start: 0.0, stop: 5.0, step: 1.0 },
///     GridAxis::Num { start: 0.0, stop: 1.0, num: 3 },
/// ]).unwrap();
/// assert_eq!(g[0].shape(), &[5, 1]);
/// assert_eq!(g[1].shape(), &[1, 3]);
/// assert_eq!(g[1][[0, 1]], 0.5);
/// ```
pub fn ogrid(axes: &[GridAxis]) -> Result<Vec<ArrayD<f64>>> {
    let vals: Vec<ndarray::Array1<f64>> =
        axes.iter().map(|a| a.values().map(ndarray::Array1::from_vec)).collect::<Result<_>>()?;
    let views: Vec<ArrayView1<'_, f64>> = vals.iter().map(|v| v.view()).collect();
    Ok(meshgrid_sparse(&views, Indexing::Ij))
}

/// An array of grid indices: shape `(len(dims), *dims)`, slice `k` holding the index along
/// axis `k`.
///
/// NumPy equivalent: `numpy.indices(dimensions)`.
///
/// # Examples
///
/// ```
/// use sci_array::indices;
/// use sci_array::ndarray::array;
/// let g = indices(&[2, 3]);
/// assert_eq!(g.shape(), &[2, 2, 3]);
/// assert_eq!(g.index_axis(sci_array::ndarray::Axis(0), 0), array![[0, 0, 0], [1, 1, 1]].into_dyn());
/// assert_eq!(g.index_axis(sci_array::ndarray::Axis(0), 1), array![[0, 1, 2], [0, 1, 2]].into_dyn());
/// ```
pub fn indices(dims: &[usize]) -> ArrayD<usize> {
    let mut shape = vec![dims.len()];
    shape.extend_from_slice(dims);
    ArrayD::from_shape_fn(IxDyn(&shape), |idx| idx[idx[0] + 1])
}

/// Index grids with length 1 on all axes but their own, ready to broadcast (`sparse=True`).
///
/// NumPy equivalent: `numpy.indices(dimensions, sparse=True)`.
///
/// # Examples
///
/// ```
/// use sci_array::indices_sparse;
/// let g = indices_sparse(&[2, 3]);
/// assert_eq!(g[0].shape(), &[2, 1]);
/// assert_eq!(g[1].shape(), &[1, 3]);
/// assert_eq!(g[1][[0, 2]], 2);
/// ```
pub fn indices_sparse(dims: &[usize]) -> Vec<ArrayD<usize>> {
    (0..dims.len())
        .map(|k| {
            let mut shape = vec![1usize; dims.len()];
            shape[k] = dims[k];
            ArrayD::from_shape_vec(IxDyn(&shape), (0..dims[k]).collect()).expect("one run of indices")
        })
        .collect()
}
