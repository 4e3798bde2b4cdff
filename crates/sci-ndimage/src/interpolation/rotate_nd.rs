//! `rotate` for n-d input in any plane (`axes`).

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::interpolation::transform::{InterpOptions, rotate};
use sci_array::ndarray::{ArrayBase, ArrayD, Axis, Data, Dimension, IxDyn};

/// Rotate an array of rank 2 or more by `angle` degrees in the plane of `axes`.
///
/// As SciPy: the two axes are sorted (so `(1, 0)` and `(0, 1)` name the same plane), every
/// plane parallel to them is rotated about its centre like the 2-D [`rotate`] (same matrix,
/// offset, output plane size with `reshape`, spline `opts`), and the other axes are kept.
///
/// SciPy equivalent: `scipy.ndimage.rotate(input, angle, axes, reshape, ...)`.
///
/// # Errors
///
/// Input of rank below 2 ("input array should be at least 2D"), an axis out of range
/// ("invalid rotation plane specified"), twice the same axis (SciPy fails with "output shape
/// not correct"), and as [`crate::rotate`].
///
/// # Examples
///
/// Rotate a 3-D array by 90° in the plane of its last two axes:
///
/// ```
/// use sci_ndimage::{InterpOptions, rotate_axes};
/// use sci_ndimage::sci_array::ndarray::{Array3, array};
/// let a = Array3::from_shape_fn((2, 2, 3), |(i, j, k)| (6 * i + 3 * j + k) as f64);
/// let r = rotate_axes(&a, 90.0, (1, 2), true, &InterpOptions::order(1)).unwrap();
/// assert_eq!(r.shape(), &[2, 3, 2]);
/// let plane0 = array![[2.0, 5.0], [1.0, 4.0], [0.0, 3.0]];
/// assert_eq!(r.index_axis(sci_ndimage::sci_array::ndarray::Axis(0), 0), plane0.into_dyn());
/// ```
pub fn rotate_axes<T, S, D>(
    input: &ArrayBase<S, D>,
    angle: f64,
    axes: (isize, isize),
    reshape: bool,
    opts: &InterpOptions,
) -> Result<ArrayD<T>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    if nd < 2 {
        return Err(invalid("input", "input array should be at least 2D"));
    }
    let norm = |a: isize| {
        let a = if a < 0 { a + nd as isize } else { a };
        if a < 0 || a >= nd as isize {
            Err(invalid("axes", "invalid rotation plane specified"))
        } else {
            Ok(a as usize)
        }
    };
    let (mut a0, mut a1) = (norm(axes.0)?, norm(axes.1)?);
    if a0 == a1 {
        return Err(invalid("axes", "output shape not correct (the two axes must differ)"));
    }
    if a0 > a1 {
        std::mem::swap(&mut a0, &mut a1);
    }
    // Other axes first, then the plane: one 2-D plane per index of the other axes.
    let others: Vec<usize> = (0..nd).filter(|&d| d != a0 && d != a1).collect();
    let mut perm = others.clone();
    perm.extend([a0, a1]);
    let moved = input.view().into_dyn().permuted_axes(IxDyn(&perm));
    let moved = moved.as_standard_layout();
    let oshape: Vec<usize> = others.iter().map(|&d| input.shape()[d]).collect();
    let nplanes: usize = oshape.iter().product();
    let (h, w) = (input.shape()[a0], input.shape()[a1]);
    let planes = moved
        .into_shape_with_order(IxDyn(&[nplanes, h, w]))
        .unwrap_or_else(|_| unreachable!("standard layout reshapes"));
    let mut rotated = Vec::with_capacity(nplanes);
    for p in planes.axis_iter(Axis(0)) {
        rotated.push(rotate(&p, angle, reshape, opts)?);
    }
    let (oh, ow) = match rotated.first() {
        Some(r) => (r.shape()[0], r.shape()[1]),
        // No planes (an empty other axis): the plane size still follows from the input.
        None => {
            let probe = ArrayD::from_elem(IxDyn(&[h, w]), T::from_f64(0.0));
            let r: ArrayD<T> = rotate(&probe, angle, reshape, opts)?;
            (r.shape()[0], r.shape()[1])
        }
    };
    let mut flat = Vec::with_capacity(nplanes * oh * ow);
    for r in &rotated {
        flat.extend(r.iter().copied());
    }
    let mut mshape = oshape;
    mshape.extend([oh, ow]);
    let out = ArrayD::from_shape_vec(IxDyn(&mshape), flat).unwrap_or_else(|_| unreachable!("sizes match"));
    // Undo the permutation.
    let mut inv = vec![0usize; nd];
    for (i, &p) in perm.iter().enumerate() {
        inv[p] = i;
    }
    Ok(out.permuted_axes(IxDyn(&inv)).as_standard_layout().into_owned())
}
