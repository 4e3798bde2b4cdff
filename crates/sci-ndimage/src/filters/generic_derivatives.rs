//! Laplace and gradient-magnitude filters from 1-D derivatives: `generic_laplace`,
//! `generic_gradient_magnitude`, `gaussian_laplace`, `gaussian_gradient_magnitude`.

use crate::element::Element;
use crate::error::{Result, invalid};
use crate::filters::gaussian::{GaussianOptions, gaussian_filter};
use crate::mode::Mode;
use crate::support::{dyn_view, to_dim};
use sci_array::ndarray::{Array, ArrayBase, ArrayD, ArrayViewD, Data, Dimension};

/// Call `derivative(input, axis, mode)` for every axis, checking the result's shape.
fn per_axis_derivatives<T, F>(
    input: &ArrayViewD<'_, T>,
    mode: Mode,
    mut derivative: F,
) -> Result<Vec<ArrayD<T>>>
where
    T: Element,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    (0..input.ndim())
        .map(|ax| {
            let r = derivative(input, ax, mode)?;
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

/// N-D Laplace filter from a user-supplied second-derivative function.
///
/// `derivative2(input, axis, mode)` returns the second derivative along `axis`; the results
/// for all axes are added in the input's element type (SciPy's `output += tmp`). A 0-d input
/// is returned unchanged.
///
/// SciPy equivalent: `scipy.ndimage.generic_laplace` (extra arguments are captured by the
/// closure; no `axes` argument).
///
/// # Errors
///
/// Any error of `derivative2`; a result of another shape than the input.
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
pub fn generic_laplace<T, S, D, F>(input: &ArrayBase<S, D>, derivative2: F, mode: Mode) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    let v = dyn_view(input);
    let mut parts = per_axis_derivatives(&v, mode, derivative2)?.into_iter();
    let Some(mut acc) = parts.next() else {
        return to_dim(v.to_owned());
    };
    for t in parts {
        acc.zip_mut_with(&t, |a, b| *a = T::from_f64(a.to_f64() + b.to_f64()));
    }
    to_dim(acc)
}

/// Gradient magnitude from a user-supplied first-derivative function.
///
/// `derivative(input, axis, mode)` returns the first derivative along `axis`; the result is
/// `sqrt(sum of squares)`, each step stored in the input's element type as in SciPy. A 0-d
/// input is returned unchanged.
///
/// SciPy equivalent: `scipy.ndimage.generic_gradient_magnitude` (extra arguments are
/// captured by the closure; no `axes` argument).
///
/// # Errors
///
/// Any error of `derivative`; a result of another shape than the input.
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
    mode: Mode,
) -> Result<Array<T, D>>
where
    T: Element,
    S: Data<Elem = T>,
    D: Dimension,
    F: FnMut(&ArrayViewD<'_, T>, usize, Mode) -> Result<ArrayD<T>>,
{
    let v = dyn_view(input);
    let sq = |x: T| T::from_f64(x.to_f64() * x.to_f64());
    let mut parts = per_axis_derivatives(&v, mode, derivative)?.into_iter();
    let Some(mut acc) = parts.next() else {
        return to_dim(v.to_owned());
    };
    acc.mapv_inplace(sq);
    for t in parts {
        acc.zip_mut_with(&t, |a, &b| *a = T::from_f64(a.to_f64() + sq(b).to_f64()));
    }
    acc.mapv_inplace(|x| T::from_f64(x.to_f64().sqrt()));
    to_dim(acc)
}

/// The Gaussian options of a derivative of order `n` along `axis` (order 0 elsewhere).
fn derivative_opts(opts: &GaussianOptions, ndim: usize, axis: usize, n: usize) -> Result<GaussianOptions> {
    if !opts.order.is_empty() {
        return Err(invalid("order", "the derivative order is set by the function; leave `order` empty"));
    }
    let mut order = vec![0; ndim];
    order[axis] = n;
    Ok(GaussianOptions { order, ..opts.clone() })
}

/// Multidimensional Laplace filter using Gaussian second derivatives.
///
/// The sum over axes of [`gaussian_filter`] with order 2 along that axis (0 elsewhere), as
/// [`generic_laplace`] adds them. `sigma` has one value or one per axis; `opts` gives
/// `mode`, `truncate` and `radius` (its `order` must stay empty).
///
/// SciPy equivalent: `scipy.ndimage.gaussian_laplace` (no `axes` argument).
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
    generic_laplace(
        input,
        |x, axis, mode| {
            gaussian_filter(x, sigma, &GaussianOptions { mode, ..derivative_opts(opts, nd, axis, 2)? })
        },
        opts.mode,
    )
}

/// Multidimensional gradient magnitude using Gaussian derivatives.
///
/// `sqrt` of the sum over axes of the squared [`gaussian_filter`] with order 1 along that
/// axis, as [`generic_gradient_magnitude`] computes it. `sigma` has one value or one per
/// axis; `opts` gives `mode`, `truncate` and `radius` (its `order` must stay empty).
///
/// SciPy equivalent: `scipy.ndimage.gaussian_gradient_magnitude` (no `axes` argument).
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
    generic_gradient_magnitude(
        input,
        |x, axis, mode| {
            gaussian_filter(x, sigma, &GaussianOptions { mode, ..derivative_opts(opts, nd, axis, 1)? })
        },
        opts.mode,
    )
}
