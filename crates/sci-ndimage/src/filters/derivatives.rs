//! Derivative filters: `sobel`, `prewitt`, `laplace`.

use crate::element::Element;
use crate::error::Result;
use crate::filters::correlate::correlate1d_dyn;
use crate::mode::Mode;
use crate::support::{dyn_view, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};
use sci_array::normalize_axis;

fn smooth_diff<T, S, D>(
    input: &ArrayBase<S, D>,
    axis: isize,
    mode: Mode,
    smooth: &[f64],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = normalize_axis(axis, input.ndim(), "axis")?;
    let mut cur: ArrayD<T> = correlate1d_dyn(&dyn_view(input), &[-1.0, 0.0, 1.0], ax, mode, 0)?;
    for d in 0..input.ndim() {
        if d != ax {
            cur = correlate1d_dyn(&cur.view(), smooth, d, mode, 0)?;
        }
    }
    to_dim(cur)
}

/// Sobel filter: the derivative `[-1, 0, 1]` along `axis` and the smoothing `[1, 2, 1]`
/// along every other axis (results stored in the input's type between passes, as SciPy).
///
/// SciPy equivalent: `scipy.ndimage.sobel`.
///
/// # Errors
///
/// `axis` out of range.
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
pub fn sobel<T, S, D>(input: &ArrayBase<S, D>, axis: isize, mode: Mode) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    smooth_diff(input, axis, mode, &[1.0, 2.0, 1.0])
}

/// Prewitt filter: the derivative `[-1, 0, 1]` along `axis` and `[1, 1, 1]` along every
/// other axis.
///
/// SciPy equivalent: `scipy.ndimage.prewitt`.
///
/// # Errors
///
/// `axis` out of range.
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
pub fn prewitt<T, S, D>(input: &ArrayBase<S, D>, axis: isize, mode: Mode) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    smooth_diff(input, axis, mode, &[1.0, 1.0, 1.0])
}

/// Laplace filter: the sum over axes of the second differences `[1, -2, 1]` (each
/// computed from the input and stored in its type, then added in that type).
///
/// SciPy equivalent: `scipy.ndimage.laplace`.
///
/// # Errors
///
/// None for valid arrays (kept as `Result` for uniformity).
///
/// # Examples
///
/// ```
/// use sci_ndimage::{laplace, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]];
/// let l = laplace(&a, Mode::Constant(0.0)).unwrap();
/// assert_eq!(l, array![[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]);
/// ```
pub fn laplace<T, S, D>(input: &ArrayBase<S, D>, mode: Mode) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let v = dyn_view(input);
    let nd = v.ndim();
    if nd == 0 {
        return to_dim(v.to_owned());
    }
    let mut acc: ArrayD<T> = correlate1d_dyn(&v, &[1.0, -2.0, 1.0], 0, mode, 0)?;
    for d in 1..nd {
        let t: ArrayD<T> = correlate1d_dyn(&v, &[1.0, -2.0, 1.0], d, mode, 0)?;
        acc.zip_mut_with(&t, |a, b| *a = T::from_f64(a.to_f64() + b.to_f64()));
    }
    to_dim(acc)
}
