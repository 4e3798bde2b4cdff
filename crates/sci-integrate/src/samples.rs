//! Integrating sampled values: the composite trapezoidal and Simpson rules, their cumulative
//! form, and Romberg integration, along any axis of an n-d array.

use crate::error::{IntegrateError, Result};
use ndarray::{Array, Array1, ArrayBase, ArrayView1, Axis, Data, Dimension, Ix1, RemoveAxis};

/// Where the samples lie: evenly spaced by `dx` (SciPy's `dx=`, default 1) or at the points `x`
/// (SciPy's `x=`, one coordinate per sample along the axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spacing<'a> {
    /// Samples `dx` apart.
    Dx(f64),
    /// Samples at these coordinates.
    X(ArrayView1<'a, f64>),
}

impl Default for Spacing<'_> {
    fn default() -> Self {
        Spacing::Dx(1.0)
    }
}

pub(crate) fn axis_index(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(IntegrateError::AxisOutOfBounds { axis, ndim });
    }
    Ok(a as usize)
}

/// Checks that `x` has one coordinate per sample.
pub(crate) fn check_spacing(spacing: &Spacing<'_>, n: usize) -> Result<()> {
    if let Spacing::X(x) = spacing {
        if x.len() != n {
            return Err(IntegrateError::LengthMismatch { x: x.len(), y: n });
        }
    }
    Ok(())
}

/// The width of interval i (between samples i and i + 1).
fn width(spacing: &Spacing<'_>, i: usize) -> f64 {
    match spacing {
        Spacing::Dx(d) => *d,
        Spacing::X(x) => x[i + 1] - x[i],
    }
}

fn trapezoid_lane(y: ArrayView1<'_, f64>, spacing: &Spacing<'_>) -> f64 {
    (0..y.len().saturating_sub(1)).map(|i| width(spacing, i) * (y[i + 1] + y[i]) / 2.0).sum()
}

/// Simpson's rule on the samples `start..=stop` (an even number of intervals), SciPy's
/// `_basic_simpson`, with its formula for uneven spacing.
fn basic_simpson(y: ArrayView1<'_, f64>, stop: usize, spacing: &Spacing<'_>) -> f64 {
    let mut s = 0.0;
    match spacing {
        Spacing::Dx(dx) => {
            for i in (0..stop).step_by(2) {
                s += y[i] + 4.0 * y[i + 1] + y[i + 2];
            }
            s * dx / 3.0
        }
        Spacing::X(x) => {
            let div = |a: f64, b: f64| if b != 0.0 { a / b } else { 0.0 };
            for i in (0..stop).step_by(2) {
                let h0 = x[i + 1] - x[i];
                let h1 = x[i + 2] - x[i + 1];
                let hsum = h0 + h1;
                let hprod = h0 * h1;
                let h0divh1 = div(h0, h1);
                s += hsum / 6.0
                    * (y[i] * (2.0 - div(1.0, h0divh1))
                        + y[i + 1] * (hsum * div(hsum, hprod))
                        + y[i + 2] * (2.0 - h0divh1));
            }
            s
        }
    }
}

fn simpson_lane(y: ArrayView1<'_, f64>, spacing: &Spacing<'_>) -> f64 {
    let n = y.len();
    if n % 2 == 1 {
        return basic_simpson(y, n - 2, spacing);
    }
    if n == 2 {
        return 0.5 * width(spacing, 0) * (y[1] + y[0]);
    }
    // An even number of samples: Simpson on all but the last interval, and Cartwright's
    // correction for the last one (SciPy >= 1.11).
    let mut result = basic_simpson(y, n - 3, spacing);
    let (h0, h1) = (width(spacing, n - 3), width(spacing, n - 2));
    let div = |a: f64, b: f64| if b != 0.0 { a / b } else { 0.0 };
    let alpha = div(2.0 * h1 * h1 + 3.0 * h0 * h1, 6.0 * (h1 + h0));
    let beta = div(h1 * h1 + 3.0 * h0 * h1, 6.0 * h0);
    let eta = div(h1 * h1 * h1, 6.0 * h0 * (h0 + h1));
    result += alpha * y[n - 1] + beta * y[n - 2] - eta * y[n - 3];
    result
}

fn romb_lane(y: ArrayView1<'_, f64>, dx: f64) -> f64 {
    let ninterv = y.len() - 1;
    let k = ninterv.trailing_zeros() as usize;
    let mut h = ninterv as f64 * dx;
    let mut prev_row = vec![(y[0] + y[ninterv]) / 2.0 * h];
    let (mut start, stop, mut step) = (ninterv, ninterv, ninterv);
    for i in 1..=k {
        start >>= 1;
        let mut sum = 0.0;
        let mut j = start;
        while j < stop {
            sum += y[j];
            j += step;
        }
        step >>= 1;
        let mut row = vec![0.5 * (prev_row[0] + h * sum)];
        for j in 1..=i {
            let p = row[j - 1];
            row.push(p + (p - prev_row[j - 1]) / ((1u64 << (2 * j)) - 1) as f64);
        }
        h /= 2.0;
        prev_row = row;
    }
    prev_row[k]
}

/// Applies `lane` along `axis`, after SciPy's argument checks.
fn reduce<S, D, L>(
    y: &ArrayBase<S, D>,
    spacing: &Spacing<'_>,
    axis: isize,
    lane: L,
) -> Result<Array<f64, D::Smaller>>
where
    S: Data<Elem = f64>,
    D: RemoveAxis,
    L: Fn(ArrayView1<'_, f64>) -> f64,
{
    let ax = Axis(axis_index(axis, y.ndim())?);
    check_spacing(spacing, y.len_of(ax))?;
    if y.len_of(ax) == 0 {
        // An empty axis integrates to zero (map_axis needs a non-empty lane).
        let shape = y.raw_dim().remove_axis(ax);
        return Ok(Array::zeros(shape));
    }
    Ok(y.map_axis(ax, lane))
}

/// Integrates the samples `y` with the composite trapezoidal rule.
///
/// An empty or single-sample `y` integrates to 0. For n-d arrays see [`trapezoid_axis`].
///
/// # Errors
///
/// [`IntegrateError::LengthMismatch`] when `x` does not have one coordinate per sample.
///
/// # Examples
///
/// ```
/// use sci_integrate::{trapezoid, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// assert_eq!(trapezoid(&array![1.0, 2.0, 3.0], Spacing::default())?, 4.0);
/// let x = array![4.0, 6.0, 8.0];
/// assert_eq!(trapezoid(&array![1.0, 2.0, 3.0], Spacing::X(x.view()))?, 8.0);
/// assert_eq!(trapezoid(&array![1.0, 2.0, 3.0], Spacing::Dx(2.0))?, 8.0);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.trapezoid` (and `numpy.trapezoid`).
pub fn trapezoid<S: Data<Elem = f64>>(y: &ArrayBase<S, Ix1>, spacing: Spacing<'_>) -> Result<f64> {
    Ok(trapezoid_axis(y, spacing, -1)?.into_scalar())
}

/// [`trapezoid`] along `axis` (negative counts from the end) of an n-d array.
///
/// # Errors
///
/// As [`trapezoid`], and [`IntegrateError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_integrate::{trapezoid_axis, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// let a = array![[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]];
/// assert_eq!(trapezoid_axis(&a, Spacing::default(), 0)?, array![1.5, 2.5, 3.5]);
/// assert_eq!(trapezoid_axis(&a, Spacing::default(), 1)?, array![2.0, 8.0]);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.trapezoid(y, x, dx, axis)`.
pub fn trapezoid_axis<S, D>(
    y: &ArrayBase<S, D>,
    spacing: Spacing<'_>,
    axis: isize,
) -> Result<Array<f64, D::Smaller>>
where
    S: Data<Elem = f64>,
    D: RemoveAxis,
{
    reduce(y, &spacing, axis, |lane| trapezoid_lane(lane, &spacing))
}

/// Integrates the samples `y` with the composite Simpson's rule.
///
/// With an even number of samples the last interval uses Cartwright's correction, as SciPy
/// does since 1.11; two samples use the trapezoidal rule; one integrates to 0.
///
/// # Errors
///
/// [`IntegrateError::LengthMismatch`] when `x` does not have one coordinate per sample;
/// [`IntegrateError::TooShort`] for an empty `y` (SciPy raises `IndexError`).
///
/// # Examples
///
/// ```
/// use sci_integrate::{simpson, Spacing};
/// use sci_integrate::sci_array::ndarray::Array1;
/// let x = Array1::linspace(0.0, 4.0, 9);
/// let y = x.mapv(|v| v * v);
/// // Exact for polynomials up to degree 3.
/// assert!((simpson(&y, Spacing::X(x.view()))? - 64.0 / 3.0).abs() < 1e-13);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.simpson`.
pub fn simpson<S: Data<Elem = f64>>(y: &ArrayBase<S, Ix1>, spacing: Spacing<'_>) -> Result<f64> {
    Ok(simpson_axis(y, spacing, -1)?.into_scalar())
}

/// [`simpson`] along `axis` of an n-d array.
///
/// # Errors
///
/// As [`simpson`], and [`IntegrateError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_integrate::{simpson_axis, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// let y = array![[1.0, 2.0, 3.0], [1.0, 4.0, 9.0]];
/// let s = simpson_axis(&y, Spacing::default(), 1)?;
/// assert!((s[0] - 4.0).abs() < 1e-15 && (s[1] - 26.0 / 3.0).abs() < 1e-15);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.simpson(y, x, dx, axis)`.
pub fn simpson_axis<S, D>(
    y: &ArrayBase<S, D>,
    spacing: Spacing<'_>,
    axis: isize,
) -> Result<Array<f64, D::Smaller>>
where
    S: Data<Elem = f64>,
    D: RemoveAxis,
{
    let ax = axis_index(axis, y.ndim())?;
    if y.len_of(Axis(ax)) == 0 {
        return Err(IntegrateError::TooShort { arg: "y", min: 1, found: 0 });
    }
    reduce(y, &spacing, axis, |lane| if lane.len() < 2 { 0.0 } else { simpson_lane(lane, &spacing) })
}

/// Romberg integration of `2^k + 1` evenly spaced samples `dx` apart.
///
/// # Errors
///
/// [`IntegrateError::InvalidValue`] when the number of samples is not one plus a power of 2.
///
/// # Examples
///
/// ```
/// use sci_integrate::romb;
/// use sci_integrate::sci_array::ndarray::Array1;
/// let x = Array1::linspace(0.0, std::f64::consts::PI, 17);
/// let y = x.mapv(f64::sin);
/// // SciPy: 2 - 5.41e-9 with 17 samples.
/// assert!((romb(&y, x[1] - x[0])? - 2.0).abs() < 1e-8);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.romb` (without `show`).
pub fn romb<S: Data<Elem = f64>>(y: &ArrayBase<S, Ix1>, dx: f64) -> Result<f64> {
    Ok(romb_axis(y, dx, -1)?.into_scalar())
}

/// [`romb`] along `axis` of an n-d array.
///
/// # Errors
///
/// As [`romb`], and [`IntegrateError::AxisOutOfBounds`].
///
/// # Examples
///
/// ```
/// use sci_integrate::romb_axis;
/// use sci_integrate::sci_array::ndarray::array;
/// let y = array![[0.0, 1.0, 4.0], [1.0, 1.0, 1.0]];
/// let r = romb_axis(&y, 1.0, 1)?;
/// assert!((r[0] - 8.0 / 3.0).abs() < 1e-15 && (r[1] - 2.0).abs() < 1e-15);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.romb(y, dx, axis)`.
pub fn romb_axis<S, D>(y: &ArrayBase<S, D>, dx: f64, axis: isize) -> Result<Array<f64, D::Smaller>>
where
    S: Data<Elem = f64>,
    D: RemoveAxis,
{
    let ax = axis_index(axis, y.ndim())?;
    let n = y.len_of(Axis(ax));
    if n < 2 || !(n - 1).is_power_of_two() {
        return Err(IntegrateError::InvalidValue {
            arg: "y",
            expected: "one plus a non-negative power of 2 samples along the axis",
            found: n.to_string(),
        });
    }
    reduce(y, &Spacing::Dx(dx), axis, |lane| romb_lane(lane, dx))
}

/// The running integral of `y` by the trapezoidal rule: `n - 1` values, or `n` with a leading
/// 0 when `initial` is true (SciPy's `initial=0`, the only value it accepts).
///
/// # Errors
///
/// [`IntegrateError::LengthMismatch`] when `x` does not have one coordinate per sample.
///
/// # Examples
///
/// ```
/// use sci_integrate::{cumulative_trapezoid, Spacing};
/// use sci_integrate::sci_array::ndarray::{array, Array1};
/// let x = Array1::linspace(-2.0, 2.0, 5);
/// let y = x.mapv(|v| v * v);
/// let c = cumulative_trapezoid(&y, Spacing::X(x.view()), true)?;
/// assert_eq!(c, array![0.0, 2.5, 3.0, 3.5, 6.0]);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.cumulative_trapezoid`.
pub fn cumulative_trapezoid<S: Data<Elem = f64>>(
    y: &ArrayBase<S, Ix1>,
    spacing: Spacing<'_>,
    initial: bool,
) -> Result<Array1<f64>> {
    cumulative_trapezoid_axis(y, spacing, -1, initial)
}

/// [`cumulative_trapezoid`] along `axis` of an n-d array.
///
/// # Errors
///
/// As [`cumulative_trapezoid`], and [`IntegrateError::AxisOutOfBounds`]; an empty axis is an
/// error as in SciPy (there is no interval).
///
/// # Examples
///
/// ```
/// use sci_integrate::{cumulative_trapezoid_axis, Spacing};
/// use sci_integrate::sci_array::ndarray::array;
/// let y = array![[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]];
/// let c = cumulative_trapezoid_axis(&y, Spacing::default(), 1, false)?;
/// assert_eq!(c, array![[1.5, 4.0], [1.0, 2.0]]);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.cumulative_trapezoid(y, x, dx, axis, initial)`.
pub fn cumulative_trapezoid_axis<S, D>(
    y: &ArrayBase<S, D>,
    spacing: Spacing<'_>,
    axis: isize,
    initial: bool,
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
    let off = usize::from(initial);
    let mut shape = y.raw_dim();
    shape[ax.index()] = n - 1 + off;
    let mut out = Array::zeros(shape);
    for (src, mut dst) in y.lanes(ax).into_iter().zip(out.lanes_mut(ax)) {
        let mut acc = 0.0;
        for i in 0..n - 1 {
            acc += width(&spacing, i) * (src[i + 1] + src[i]) / 2.0;
            dst[i + off] = acc;
        }
    }
    Ok(out)
}
