//! The cumulative integral of samples by Simpson's rule on each interval (SciPy 1.12+'s
//! `cumulative_simpson`).

use crate::error::{IntegrateError, Result};
use crate::samples::{Spacing, axis_index, check_spacing};
use ndarray::{Array, Array1, ArrayBase, ArrayView1, Axis, Data, Dimension, Ix1};

/// The integral over the first interval `[x_0, x_1]` of the parabola through three samples
/// `f1, f2, f3` with spacings `h1 = x_1 - x_0`, `h2 = x_2 - x_1`. `equal` selects the form
/// SciPy uses for a scalar `dx` (same value for equal spacings, other rounding).
fn first_interval(f1: f64, f2: f64, f3: f64, h1: f64, h2: f64, equal: bool) -> f64 {
    if equal {
        h1 / 3.0 * (5.0 * f1 / 4.0 + 2.0 * f2 - f3 / 4.0)
    } else {
        let h31 = h1 + h2;
        let a = h1 / h31;
        let b = h1 / h2;
        let ab = a * b;
        h1 / 6.0 * ((3.0 - a) * f1 + (3.0 + ab + a) * f2 + -ab * f3)
    }
}

/// One lane of at least 3 samples with its `n - 1` spacings: `out[k]` is the integral over
/// the first `k + 1` intervals. Interval `i` takes the parabola through samples
/// `i, i + 1, i + 2` (counted from the left) when `i` is even and through `i - 1, i, i + 1`
/// (counted from the right) when `i` is odd, and the last interval always the latter.
fn simpson_lane(y: ArrayView1<'_, f64>, h: &[f64], equal: bool, out: &mut [f64]) {
    let n = y.len();
    let mut acc = 0.0;
    for i in 0..n - 1 {
        let from_right = i % 2 == 1 || i == n - 2;
        let v = if from_right {
            // The interval [x_i, x_{i+1}] seen from the right: f1 = y[i+1], f2 = y[i],
            // f3 = y[i-1], spacings h[i] then h[i-1].
            first_interval(y[i + 1], y[i], y[i - 1], h[i], h[i - 1], equal)
        } else {
            first_interval(y[i], y[i + 1], y[i + 2], h[i], h[i + 1], equal)
        };
        acc += v;
        out[i] = acc;
    }
}

/// The cumulative integral of `y` by Simpson's rule: entry `k` is the integral from the first
/// sample to sample `k + 1` (to sample `k` with `initial`, whose value is then prepended and
/// added to every entry).
///
/// Each interval is integrated over the quadratic through it and a neighbouring sample
/// (Cartwright's formula for uneven spacing), alternating the neighbour on the right and the
/// left so that pairs of intervals reproduce the composite Simpson's rule. With fewer than 3
/// samples it is the trapezoidal rule, as in SciPy.
///
/// # Errors
///
/// [`IntegrateError::TooShort`] for an empty `y`, [`IntegrateError::LengthMismatch`] when `x`
/// differs in length from `y`, [`IntegrateError::InvalidValue`] naming `x` when it is not
/// strictly increasing (SciPy's "Input x must be strictly increasing").
///
/// # Examples
///
/// ```
/// use sci_integrate::{cumulative_simpson, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// let y = array![0.0, 1.0, 4.0, 9.0, 16.0]; // x^2 on 0..4: exact for quadratics
/// let c = cumulative_simpson(&y, Spacing::Dx(1.0), Some(0.0))?;
/// assert_eq!(c.to_vec(), vec![0.0, 1.0 / 3.0, 8.0 / 3.0, 9.0, 64.0 / 3.0]);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.cumulative_simpson(y, x=x, dx=dx, initial=initial)`
/// (a scalar `initial`; `x` with one coordinate per sample).
pub fn cumulative_simpson<S: Data<Elem = f64>>(
    y: &ArrayBase<S, Ix1>,
    spacing: Spacing<'_>,
    initial: Option<f64>,
) -> Result<Array1<f64>> {
    cumulative_simpson_axis(y, spacing, -1, initial)
}

/// [`cumulative_simpson`] along `axis` of an n-d array.
///
/// # Errors
///
/// As [`cumulative_simpson`], and [`IntegrateError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_integrate::{cumulative_simpson_axis, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// let y = array![[1.0, 1.0, 1.0], [0.0, 1.0, 4.0]];
/// let c = cumulative_simpson_axis(&y, Spacing::Dx(0.5), 1, None)?;
/// // 4 t^2 sampled at t = 0, 0.5, 1: exact, as SciPy gives.
/// assert_eq!(c, array![[0.5, 1.0], [1.0 / 6.0, 4.0 / 3.0]]);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.cumulative_simpson(y, x=x, dx=dx, axis=axis,
/// initial=initial)`.
pub fn cumulative_simpson_axis<S, D>(
    y: &ArrayBase<S, D>,
    spacing: Spacing<'_>,
    axis: isize,
    initial: Option<f64>,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let ax = Axis(axis_index(axis, y.ndim())?);
    let n = y.len_of(ax);
    check_spacing(&spacing, n)?;
    if n == 0 {
        return Err(IntegrateError::TooShort { arg: "y", min: 1, found: 0 });
    }
    let (h, equal): (Vec<f64>, bool) = match spacing {
        Spacing::Dx(d) => (vec![d; n - 1], true),
        Spacing::X(x) => (x.windows(2).into_iter().map(|w| w[1] - w[0]).collect(), false),
    };
    if n >= 3 && !equal && h.iter().any(|d| *d <= 0.0) {
        return Err(IntegrateError::InvalidValue {
            arg: "x",
            expected: "strictly increasing",
            found: "a step <= 0".to_string(),
        });
    }
    let off = usize::from(initial.is_some());
    let init = initial.unwrap_or(0.0);
    let mut shape = y.raw_dim();
    shape[ax.index()] = n - 1 + off;
    let mut out = Array::zeros(shape);
    let mut buf = vec![0.0; n - 1];
    for (src, mut dst) in y.lanes(ax).into_iter().zip(out.lanes_mut(ax)) {
        if n >= 3 {
            simpson_lane(src, &h, equal, &mut buf);
        } else {
            let mut acc = 0.0;
            for i in 0..n - 1 {
                acc += h[i] * (src[i + 1] + src[i]) / 2.0;
                buf[i] = acc;
            }
        }
        if off == 1 {
            dst[0] = init;
        }
        for (k, v) in buf.iter().enumerate() {
            dst[k + off] = if off == 1 { v + init } else { *v };
        }
    }
    Ok(out)
}
