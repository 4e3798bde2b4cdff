//! Laplace and gradient-magnitude filters from 1-D derivatives: `generic_laplace`,
//! `generic_gradient_magnitude`, `gaussian_laplace`, `gaussian_gradient_magnitude`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::gaussian::{GaussianOptions, gaussian_filter};
use crate::mode::{Mode, Modes};
use crate::support::{check_axes, dyn_view, per_axis, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension};

/// Call `derivative(input, axis, mode)` for every filtered axis (SciPy's `axes`, `None`: all)
/// with its mode, checking the result's shape.
fn per_axis_derivatives<T, F>(
    input: &ArrayViewD<'_, T>,
    mode: &Modes,
    axes: Option<&[isize]>,
    mut derivative: F,
) -> Result<Vec<ArrayD<T>>>
where
    T: Element,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    let axes = check_axes(axes, input.ndim())?;
    let modes = mode.per_axis(axes.len())?;
    axes.iter()
        .zip(modes)
        .map(|(&ax, m)| {
            let r = derivative(input, ax, m)?;
            if r.shape() != input.shape() {
                return Err(invalid(
                    "derivative",
                    format!("derivative returned shape {:?}, expected {:?}", r.shape(), input.shape()),
                ));
            }
            Ok(r)
        })
        .collect()
}

/// The sum of the second derivatives in the input's type (SciPy's `output += tmp`).
pub(crate) fn laplace_sum<T, F>(
    v: &ArrayViewD<'_, T>,
    mode: &Modes,
    axes: Option<&[isize]>,
    derivative2: F,
) -> Result<ArrayD<T>>
where
    T: Element,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    let mut parts = per_axis_derivatives(v, mode, axes, derivative2)?.into_iter();
    let Some(mut acc) = parts.next() else {
        return Ok(v.to_owned());
    };
    for t in parts {
        acc.zip_mut_with(&t, |a, b| *a = T::from_f64(a.to_f64() + b.to_f64()));
    }
    Ok(acc)
}

/// `sqrt` of the sum of the squared first derivatives, each step in the input's type.
fn magnitude<T, F>(
    v: &ArrayViewD<'_, T>,
    mode: &Modes,
    axes: Option<&[isize]>,
    derivative: F,
) -> Result<ArrayD<T>>
where
    T: Element,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    let sq = |x: T| T::from_f64(x.to_f64() * x.to_f64());
    let mut parts = per_axis_derivatives(v, mode, axes, derivative)?.into_iter();
    let Some(mut acc) = parts.next() else {
        return Ok(v.to_owned());
    };
    acc.mapv_inplace(sq);
    for t in parts {
        acc.zip_mut_with(&t, |a, &b| *a = T::from_f64(a.to_f64() + sq(b).to_f64()));
    }
    acc.mapv_inplace(|x| T::from_f64(x.to_f64().sqrt()));
    Ok(acc)
}

/// N-D Laplace filter from a user-supplied second-derivative function.
///
/// `derivative2(input, axis, mode)` returns the second derivative along `axis`; the results
/// for all axes are added in the input's element type (SciPy's `output += tmp`). `mode` is
/// one [`Mode`] for every axis or one per axis (each call gets its axis' mode). A 0-d input
/// is returned unchanged. [`generic_laplace_axes`] filters along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.generic_laplace` (extra arguments are captured by the
/// closure).
///
/// # Errors
///
/// Any error of `derivative2`; a result of another shape than the input; a `mode` sequence
/// whose length is not the input's rank.
///
/// # Examples
///
/// With the `[1, -2, 1]` stencil this is [`laplace`](crate::laplace):
///
/// ```
/// use sci_ndimage::{correlate1d, generic_laplace, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]];
/// let l = generic_laplace(&a, |x, axis, mode| correlate1d(x, &[1.0, -2.0, 1.0], axis as isize, mode, 0), Mode::Constant(0.0))
///     .unwrap();
/// assert_eq!(l, array![[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]);
/// ```
pub fn generic_laplace<T, S, D, F>(
    input: &ArrayBase<S, D>,
    derivative2: F,
    mode: impl Into<Modes>,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    to_dim(laplace_sum(&dyn_view(input), &mode.into(), None, derivative2)?)
}

/// [`generic_laplace`] along the listed `axes` only (SciPy's `axes=`): the second
/// derivatives along those axes are added, in the order of `axes`; a `mode` sequence has one
/// entry per listed axis. With no axes the input is returned unchanged.
///
/// SciPy equivalent: `scipy.ndimage.generic_laplace(..., axes=axes)`.
///
/// # Errors
///
/// As [`generic_laplace`]; an axis out of range ("specified axis: 3 is out of range") or
/// listed twice ("axes must be unique"); a `mode` sequence of another length than `axes`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{correlate1d, generic_laplace_axes, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]];
/// let l = generic_laplace_axes(&a, |x, axis, mode| correlate1d(x, &[1.0, -2.0, 1.0], axis as isize, mode, 0), Mode::Constant(0.0), &[-1])
///     .unwrap();
/// assert_eq!(l, array![[0.0, 0.0, 0.0], [1.0, -2.0, 1.0], [0.0, 0.0, 0.0]]);
/// ```
pub fn generic_laplace_axes<T, S, D, F>(
    input: &ArrayBase<S, D>,
    derivative2: F,
    mode: impl Into<Modes>,
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    to_dim(laplace_sum(&dyn_view(input), &mode.into(), Some(axes), derivative2)?)
}

/// Gradient magnitude from a user-supplied first-derivative function.
///
/// `derivative(input, axis, mode)` returns the first derivative along `axis`; the result is
/// `sqrt(sum of squares)`, each step stored in the input's element type as in SciPy. `mode`
/// is one [`Mode`] for every axis or one per axis. A 0-d input is returned unchanged.
/// [`generic_gradient_magnitude_axes`] works along some axes only.
///
/// SciPy equivalent: `scipy.ndimage.generic_gradient_magnitude` (extra arguments are
/// captured by the closure).
///
/// # Errors
///
/// Any error of `derivative`; a result of another shape than the input; a `mode` sequence
/// whose length is not the input's rank.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{correlate1d, generic_gradient_magnitude, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 3.0, 4.0], [0.0, 0.0, 0.0]];
/// let g = generic_gradient_magnitude(&a, |x, axis, mode| correlate1d(x, &[-1.0, 0.0, 1.0], axis as isize, mode, 0), Mode::Constant(0.0))
///     .unwrap();
/// assert_eq!(g[[1, 1]], 4.0);
/// assert_eq!(g[[0, 1]], 3.0);
/// ```
pub fn generic_gradient_magnitude<T, S, D, F>(
    input: &ArrayBase<S, D>,
    derivative: F,
    mode: impl Into<Modes>,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    to_dim(magnitude(&dyn_view(input), &mode.into(), None, derivative)?)
}

/// [`generic_gradient_magnitude`] along the listed `axes` only (SciPy's `axes=`); a `mode`
/// sequence has one entry per listed axis. With no axes the input is returned unchanged.
///
/// SciPy equivalent: `scipy.ndimage.generic_gradient_magnitude(..., axes=axes)`.
///
/// # Errors
///
/// As [`generic_gradient_magnitude`]; an axis out of range or listed twice; a `mode`
/// sequence of another length than `axes`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{correlate1d, generic_gradient_magnitude_axes, Mode};
/// use sci_ndimage::sci_array::ndarray::array;
/// let a = array![[0.0, 0.0, 0.0], [0.0, 3.0, 4.0], [0.0, 0.0, 0.0]];
/// let g = generic_gradient_magnitude_axes(&a, |x, axis, mode| correlate1d(x, &[-1.0, 0.0, 1.0], axis as isize, mode, 0), [Mode::Wrap], &[1])
///     .unwrap();
/// assert_eq!(g.row(1).to_vec(), vec![1.0, 4.0, 3.0]);
/// ```
pub fn generic_gradient_magnitude_axes<T, S, D, F>(
    input: &ArrayBase<S, D>,
    derivative: F,
    mode: impl Into<Modes>,
    axes: &[isize],
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    to_dim(magnitude(&dyn_view(input), &mode.into(), Some(axes), derivative)?)
}

/// The Gaussian options of a derivative of order `n` along `axis` (order 0 elsewhere), with
/// one `mode` for every axis and no `axes` (SciPy's `derivative` helpers call
/// `gaussian_filter` so).
fn derivative_opts(
    opts: &GaussianOptions,
    ndim: usize,
    axis: usize,
    n: usize,
    mode: Mode,
) -> Result<GaussianOptions> {
    if !opts.order.is_empty() {
        return Err(invalid("order", "the derivative order is set by the function; leave `order` empty"));
    }
    let mut order = vec![0; ndim];
    order[axis] = n;
    Ok(GaussianOptions { order, mode: mode.into(), axes: None, ..opts.clone() })
}

/// Multidimensional Laplace filter using Gaussian second derivatives.
///
/// The sum over axes of [`gaussian_filter`] with order 2 along that axis (0 elsewhere), as
/// [`generic_laplace`] adds them. `sigma` has one value or one per filtered axis; `opts`
/// gives `mode` (one, or one per filtered axis: the term of axis `k` is smoothed with mode
/// `k` along every axis, as in SciPy), `truncate`, `radius` and `axes` (its `order` must stay
/// empty). With `axes`, the other axes get sigma 0 (no smoothing) and only the listed axes
/// contribute a term; as in SciPy 1.17, `sigma` is then matched to the axes by position only
/// when some axis is left out (listing every axis keeps `sigma` in axis order).
///
/// SciPy equivalent: `scipy.ndimage.gaussian_laplace`.
///
/// # Errors
///
/// As [`gaussian_filter`]; a non-empty `opts.order`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{gaussian_laplace, GaussianOptions};
/// use sci_ndimage::sci_array::ndarray::Array2;
/// let mut a = Array2::<f64>::zeros((5, 5));
/// a[[2, 2]] = 1.0;
/// let l = gaussian_laplace(&a, &[1.0], &GaussianOptions::default()).unwrap();
/// // scipy.ndimage.gaussian_laplace(a, 1.0)[2, 2]
/// assert!((l[[2, 2]] - -0.31831178348375944).abs() < 1e-15);
/// // Along axis 1 only: scipy.ndimage.gaussian_laplace(a, 1.0, axes=[1])[2, 2]
/// let o = GaussianOptions { axes: Some(vec![1]), ..Default::default() };
/// let l = gaussian_laplace(&a, &[1.0], &o).unwrap();
/// assert!((l[[2, 2]] - -0.39894346935609776).abs() < 1e-15);
/// ```
pub fn gaussian_laplace<T, S, D>(
    input: &ArrayBase<S, D>,
    sigma: &[f64],
    opts: &GaussianOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    let axes = check_axes(opts.axes.as_deref(), nd)?;
    let s = per_axis(sigma, axes.len(), "sigma")?;
    // SciPy: sigma 0 for the axes not filtered (only when some axis is left out).
    let sigma_full = if axes.len() < nd {
        let mut full = vec![0.0; nd];
        for (&v, &ax) in s.iter().zip(&axes) {
            full[ax] = v;
        }
        full
    } else {
        s
    };
    let ax: Vec<isize> = axes.iter().map(|&a| a as isize).collect();
    to_dim(laplace_sum(&dyn_view(input), &opts.mode, Some(&ax), |x, axis, mode| {
        gaussian_filter(x, &sigma_full, &derivative_opts(opts, nd, axis, 2, mode)?)
    })?)
}

/// Multidimensional gradient magnitude using Gaussian derivatives.
///
/// `sqrt` of the sum over axes of the squared [`gaussian_filter`] with order 1 along that
/// axis, as [`generic_gradient_magnitude`] computes it. `opts` gives `mode` (one, or one per
/// filtered axis: the term of axis `k` is smoothed with mode `k` along every axis, as in
/// SciPy), `truncate`, `radius` and `axes` (its `order` must stay empty). With `axes`, only
/// the listed axes contribute a derivative; as in SciPy 1.17, `sigma` is not restricted to
/// them: it has one value (smoothing along every axis of the input) or one per input axis.
///
/// SciPy equivalent: `scipy.ndimage.gaussian_gradient_magnitude`.
///
/// # Errors
///
/// As [`gaussian_filter`]; a non-empty `opts.order`.
///
/// # Examples
///
/// ```
/// use sci_ndimage::{gaussian_gradient_magnitude, GaussianOptions};
/// use sci_ndimage::sci_array::ndarray::Array1;
/// let a = Array1::from_iter((0..9).map(|i| i as f64));
/// let g = gaussian_gradient_magnitude(&a, &[1.0], &GaussianOptions::default()).unwrap();
/// // scipy.ndimage.gaussian_gradient_magnitude(np.arange(9.0), 1.0)[4]: the sampled
/// // derivative-of-Gaussian kernel, truncated at 4 sigma, sums to just under 1.
/// assert!((g[4] - 0.9999279998270713).abs() < 1e-15);
/// ```
pub fn gaussian_gradient_magnitude<T, S, D>(
    input: &ArrayBase<S, D>,
    sigma: &[f64],
    opts: &GaussianOptions,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
{
    let nd = input.ndim();
    to_dim(magnitude(&dyn_view(input), &opts.mode, opts.axes.as_deref(), |x, axis, mode| {
        gaussian_filter(x, sigma, &derivative_opts(opts, nd, axis, 1, mode)?)
    })?)
}
