//! `generic_filter1d`: a user function over the extended lines of one axis.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::mode::Mode;
use crate::support::{dyn_view, extents, lane_filter, to_dim};
use sci_array::ndarray::{Array, ArrayBase, Data, Dimension};
use sci_array::normalize_axis;

/// Calculate a 1-D filter along `axis` with a user function over line buffers.
///
/// For every line along `axis`, `function(input_line, output_line)` is called with the line
/// as `f64`, extended by `filter_size / 2 + origin` values before and the rest of
/// `filter_size - 1` after according to `mode` (so `input_line.len() == n + filter_size - 1`),
/// and must fill `output_line` (length `n`), which is cast back to the input's type (C
/// casts: truncation for integers), as SciPy does.
///
/// SciPy equivalent: `scipy.ndimage.generic_filter1d` (the closure replaces the Python or
/// `LowLevelCallable` function and its `extra_arguments`).
///
/// # Errors
///
/// `filter_size < 1` ("invalid filter size"), an origin outside
/// `-(filter_size / 2) ..= (filter_size - 1) / 2` ("invalid origin"), `axis` out of range.
///
/// # Examples
///
/// A 3-tap weighted sum along the last axis (reflected at the edges):
///
/// ```
/// use sci_ndimage::{Mode, generic_filter1d};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[2.0, 8.0, 0.0, 4.0, 1.0, 9.0, 9.0, 0.0]];
/// let f = |inp: &[f64], out: &mut [f64]| {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = inp[i] + 2.0 * inp[i + 1] + 3.0 * inp[i + 2];
///     }
/// };
/// let r = generic_filter1d(&a, f, 3, -1, Mode::Reflect, 0).unwrap();
/// assert_eq!(r, array![[30.0, 18.0, 20.0, 11.0, 33.0, 46.0, 27.0, 9.0]]);
/// ```
pub fn generic_filter1d<T, S, D, F>(
    input: &ArrayBase<S, D>,
    function: F,
    filter_size: usize,
    axis: isize,
    mode: Mode,
    origin: isize,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: Fn(&[f64], &mut [f64]) + Sync,
{
    if filter_size < 1 {
        return Err(invalid("filter_size", "invalid filter size"));
    }
    let ax = normalize_axis(axis, input.ndim(), "axis")?;
    let (before, after) = extents(filter_size, origin)?;
    to_dim(lane_filter::<T, T, _>(&dyn_view(input), ax, before, after, mode, function))
}
