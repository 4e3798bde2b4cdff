//! `geometric_transform`: spline interpolation at coordinates given by a user mapping.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::interpolation::transform::{InterpOptions, map_coordinates};
use crate::support::{check_alloc, per_axis};
use sci_array::ndarray::{ArrayBase, ArrayD, Data, Dimension, IxDyn};

/// Apply an arbitrary geometric transform.
///
/// For every output index `o` (of shape `output_shape`, default the input's shape),
/// `mapping(o, x)` writes the input coordinates `x` (one per input axis) to sample; the value
/// there is found by spline interpolation of order `opts.order` with `opts.mode` and
/// `opts.prefilter`, exactly as [`map_coordinates`] does (integer outputs are rounded).
///
/// SciPy equivalent: `scipy.ndimage.geometric_transform` (the closure replaces the Python or
/// `LowLevelCallable` mapping and its `extra_arguments`).
///
/// # Errors
///
/// `order > 5`; a 0-d input or 0-d `output_shape` ("input and output rank must be > 0");
/// and as [`crate::map_coordinates`] (an `output_shape` too big to allocate, ...).
///
/// # Examples
///
/// SciPy's docstring example: shift by half a pixel in both axes.
///
/// ```
/// use sci_ndimage::{InterpOptions, geometric_transform};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let a = Array2::from_shape_fn((4, 3), |(i, j)| (3 * i + j) as f64);
/// let shift = |o: &[usize], x: &mut [f64]| {
///     x[0] = o[0] as f64 - 0.5;
///     x[1] = o[1] as f64 - 0.5;
/// };
/// let r = geometric_transform(&a, shift, None, &InterpOptions::default()).unwrap();
/// let want = [[0.0, 0.0, 0.0], [0.0, 1.3625, 2.7375], [0.0, 4.8125, 6.1875], [0.0, 8.2625, 9.6375]];
/// for i in 0..4 {
///     for j in 0..3 {
///         assert!((r[[i, j]] - want[i][j]).abs() < 1e-12);
///     }
/// }
/// ```
pub fn geometric_transform<T, S, D, F>(
    input: &ArrayBase<S, D>,
    mapping: F,
    output_shape: Option<&[usize]>,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: Fn(&[usize], &mut [f64]),
{
    let nd = input.ndim();
    if nd == 0 {
        return Err(invalid("input", "input and output rank must be > 0"));
    }
    let out_shape = output_shape.map(<[usize]>::to_vec).unwrap_or_else(|| input.shape().to_vec());
    if out_shape.is_empty() {
        return Err(invalid("output_shape", "input and output rank must be > 0"));
    }
    let mut cshape = vec![nd];
    cshape.extend_from_slice(&out_shape);
    // The coordinates of every output point are gathered first (`nd` values per point).
    check_alloc(&cshape, std::mem::size_of::<f64>(), "output_shape")?;
    let n: usize = out_shape.iter().product();
    let mut coords = ArrayD::<f64>::zeros(IxDyn(&cshape));
    {
        let flat = coords.as_slice_mut().unwrap_or_else(|| unreachable!("fresh arrays are contiguous"));
        let mut o = vec![0usize; out_shape.len()];
        let mut x = vec![0.0; nd];
        for k in 0..n {
            mapping(&o, &mut x);
            for (d, &xd) in x.iter().enumerate() {
                flat[d * n + k] = xd;
            }
            for d in (0..o.len()).rev() {
                o[d] += 1;
                if o[d] < out_shape[d] {
                    break;
                }
                o[d] = 0;
            }
        }
    }
    map_coordinates(input, &coords, opts)
}

/// Apply an affine transformation given by a diagonal matrix: output point `o` samples the
/// input at `(o + offset / diagonal) · diagonal` along each axis (SciPy's 1-D `matrix`, which
/// it evaluates as a zoom and shift in this form).
///
/// `offset` has one value for all axes or one per axis (empty: zero); `output_shape`
/// defaults to the input's shape. Interpolation as [`map_coordinates`].
///
/// SciPy equivalent: `scipy.ndimage.affine_transform` with a 1-D `matrix` (the 2-D forms:
/// [`affine_transform`](crate::affine_transform)).
///
/// # Errors
///
/// `diagonal` of a length other than the input's rank ("affine matrix has wrong number of
/// rows"), an offset of the wrong length, an `output_shape` of another rank, 0-d input,
/// `order > 5`, and as [`crate::map_coordinates`].
///
/// # Examples
///
/// ```
/// use sci_ndimage::{InterpOptions, affine_transform_diagonal};
/// use sci_ndimage::sci_array::ndarray::{Array2, array};
/// let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
/// // Sample every second column, starting at column 1.
/// let r = affine_transform_diagonal(&a, &[1.0, 2.0], &[0.0, 1.0], Some(&[3, 2]), &InterpOptions::order(1)).unwrap();
/// assert_eq!(r, array![[1.0, 3.0], [5.0, 7.0], [9.0, 11.0]].into_dyn());
/// ```
pub fn affine_transform_diagonal<T, S, D>(
    input: &ArrayBase<S, D>,
    diagonal: &[f64],
    offset: &[f64],
    output_shape: Option<&[usize]>,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    if diagonal.len() != nd {
        return Err(invalid("matrix", "affine matrix has wrong number of rows"));
    }
    let off = if offset.is_empty() { vec![0.0; nd] } else { per_axis(offset, nd, "offset")? };
    if let Some(s) = output_shape {
        if s.len() != nd {
            return Err(invalid("output_shape", "output shape must have the input's rank"));
        }
    }
    let shift: Vec<f64> = off.iter().zip(diagonal).map(|(o, m)| o / m).collect();
    let mapping = |o: &[usize], x: &mut [f64]| {
        for d in 0..nd {
            x[d] = (o[d] as f64 + shift[d]) * diagonal[d];
        }
    };
    geometric_transform(input, mapping, output_shape, opts)
}
