//! Derivative filters: `sobel`, `prewitt`, `laplace`.

use crate::element::Element;
use crate::error::Result;
use crate::filters::correlate::correlate1d_dyn;
use crate::filters::generic_derivatives::laplace_sum;
use crate::mode::{Mode, Modes};
use crate::support::{dyn_view, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension};
use sci_array::normalize_axis;

fn smooth_diff<T, S, D>(
    input: &ArrayBase<S, D>,
    axis: isize,
    mode: Modes,
    smooth: &[f64],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let modes = mode.per_axis(nd)?;
    let ax = normalize_axis(axis, nd, "axis")?;
    let mut cur: ArrayD<T> = correlate1d_dyn(&dyn_view(input), &[-1.0, 0.0, 1.0], ax, modes[ax], 0)?;
    for d in 0..nd {
        if d != ax {
            cur = correlate1d_dyn(&cur.view(), smooth, d, modes[d], 0)?;
        }
    }
    to_dim(cur)
}

/// Sobel filter: the derivative `[-1, 0, 1]` along `axis` and the smoothing `[1, 2, 1]`
/// along every other axis (results stored in the input's type between passes, as SciPy).
/// `mode` is one [`Mode`](crate::Mode) or one per input axis (the pass along axis `d` uses
/// mode `d`).
///
/// SciPy equivalent: `scipy.ndimage.sobel`.
///
/// # Errors
///
/// `axis` out of range; a `mode` sequence whose length is not the input's rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{sobel, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]];
/// let s = sobel(&a, 1, Mode::Reflect).unwrap();
/// assert_eq!(s, array![[0, 4, 4, 0], [0, 4, 4, 0], [0, 4, 4, 0]]);
/// ```
pub fn sobel<T, S, D>(input: &ArrayBase<S, D>, axis: isize, mode: impl Into<Modes>) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    smooth_diff(input, axis, mode.into(), &[1.0, 2.0, 1.0])
}

/// Prewitt filter: the derivative `[-1, 0, 1]` along `axis` and `[1, 1, 1]` along every
/// other axis. `mode` is one [`Mode`](crate::Mode) or one per input axis.
///
/// SciPy equivalent: `scipy.ndimage.prewitt`.
///
/// # Errors
///
/// `axis` out of range; a `mode` sequence whose length is not the input's rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{prewitt, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]];
/// let s = prewitt(&a, 1, Mode::Reflect).unwrap();
/// assert_eq!(s, array![[0, 3, 3, 0], [0, 3, 3, 0], [0, 3, 3, 0]]);
/// ```
pub fn prewitt<T, S, D>(input: &ArrayBase<S, D>, axis: isize, mode: impl Into<Modes>) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    smooth_diff(input, axis, mode.into(), &[1.0, 1.0, 1.0])
}

/// The second difference `[1, -2, 1]` along `axis` (SciPy's `laplace` derivative).
fn second_difference<T: Element>(x: &ArrayViewD<'_, T>, axis: usize, mode: Mode) -> Result<ArrayD<T>> {
    correlate1d_dyn(x, &[1.0, -2.0, 1.0], axis, mode, 0)
}

/// Laplace filter: the sum over axes of the second differences `[1, -2, 1]` (each
/// computed from the input and stored in its type, then added in that type). `mode` is one
/// [`Mode`](crate::Mode) or one per axis. [`laplace_axes`] works along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.laplace`.
///
/// # Errors
///
/// A `mode` sequence whose length is not the input's rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{laplace, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]];
/// let l = laplace(&a, Mode::Constant(0.0)).unwrap();
/// assert_eq!(l, array![[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]);
/// // Wrapping along axis 0, the constant 1 beyond the edges of axis 1.
/// let l = laplace(&a, [Mode::Wrap, Mode::Constant(1.0)]).unwrap();
/// assert_eq!(l, array![[1.0, 1.0, 1.0], [2.0, -4.0, 2.0], [1.0, 1.0, 1.0]]);
/// ```
pub fn laplace<T, S, D>(input: &ArrayBase<S, D>, mode: impl Into<Modes>) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(laplace_sum(&dyn_view(input), &mode.into(), None, second_difference)?)
}

/// [`laplace`] along the listed `axes` only (SciPy's `axes=`): the second differences along
/// those axes are added, in the order of `axes`; a `mode` sequence has one entry per listed
/// axis. With no axes the input is returned unchanged.
///
/// SciPy equivalent: `scipy.ndimage.laplace(..., axes=axes)`.
///
/// # Errors
///
/// An axis out of range ("specified axis: 2 is out of range") or listed twice ("axes must
/// be unique"); a `mode` sequence of another length than `axes`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{laplace_axes, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]];
/// let l = laplace_axes(&a, Mode::Constant(0.0), &[0]).unwrap();
/// assert_eq!(l, array![[0.0, 1.0, 0.0], [0.0, -2.0, 0.0], [0.0, 1.0, 0.0]]);
/// ```
pub fn laplace_axes<T, S, D>(
    input: &ArrayBase<S, D>,
    mode: impl Into<Modes>,
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    to_dim(laplace_sum(&dyn_view(input), &mode.into(), Some(axes), second_difference)?)
}
