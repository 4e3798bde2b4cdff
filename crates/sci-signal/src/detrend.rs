//! `detrend`: remove a constant or piecewise-linear least-squares fit along an axis.

use crate::error::{Result, invalid};
use crate::real::{Real, cst, map_lanes};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension};

/// The trend [`detrend`] removes, SciPy's `type`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::DetrendType::default(), sci_signal::DetrendType::Linear);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetrendType {
    /// `'linear'` (default): the least-squares line of each segment between breakpoints.
    #[default]
    Linear,
    /// `'constant'`: the mean.
    Constant,
}

/// Removes the least-squares fit `y ~ slope * t + offset` from `y` in place.
fn remove_line<T: Real>(y: &mut [T]) {
    let n = y.len();
    if n < 2 {
        // A single point is its own fit (NaN and infinities still propagate, as in SciPy).
        for v in y.iter_mut() {
            let fit = *v;
            *v = *v - fit;
        }
        return;
    }
    let nf = cst::<T>(n as f64);
    // SciPy's design matrix uses t = (1..=n) / n; the fit does not depend on the scaling.
    let t = |i: usize| cst::<T>((i + 1) as f64) / nf;
    let tm = (0..n).fold(T::zero(), |s, i| s + t(i)) / nf;
    let ym = y.iter().fold(T::zero(), |s, &v| s + v) / nf;
    let (mut sxx, mut sxy) = (T::zero(), T::zero());
    for (i, &v) in y.iter().enumerate() {
        let dt = t(i) - tm;
        sxx = sxx + dt * dt;
        sxy = sxy + dt * (v - ym);
    }
    let slope = sxy / sxx;
    for (i, v) in y.iter_mut().enumerate() {
        *v = *v - (ym + slope * (t(i) - tm));
    }
}

/// Removes a linear trend (piecewise between breakpoints `bp`) or the mean along `axis`.
///
/// With [`DetrendType::Linear`], the least-squares line of each segment
/// `[bp[i], bp[i+1])` (with `0` and `len` added) is subtracted; `bp` is ignored for
/// [`DetrendType::Constant`].
///
/// SciPy equivalent: `scipy.signal.detrend(data, axis, type, bp)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when a breakpoint exceeds
/// the length of the axis; [`SignalError::Array`](crate::SignalError::Array) for an axis out of
/// bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::{array, Array1};
/// use sci_signal::{detrend, DetrendType};
/// let wiggle = array![0.0_f64, 1.0, 0.0, -1.0, 0.0, 1.0, 0.0, -1.0, 0.0, 1.0];
/// let x = Array1::range(0.0, 10.0, 1.0) * 2.0 + 1.0 + &wiggle;
/// let y = detrend(&x, -1, DetrendType::Linear, &[]).unwrap();
/// assert!((y[0] + 0.07272727).abs() < 1e-8 && (y[1] - 0.92121212).abs() < 1e-8);
/// let c = detrend(&array![1.0_f64, 2.0, 6.0], -1, DetrendType::Constant, &[]).unwrap();
/// assert_eq!(c, array![-2.0, -1.0, 3.0]);
/// ```
pub fn detrend<T, S, D>(
    data: &ArrayBase<S, D>,
    axis: isize,
    kind: DetrendType,
    bp: &[usize],
) -> Result<Array<T, D>>
where
    T: Real,
    S: Data<Elem = T>,
    D: Dimension,
{
    let ax = sci_array::normalize_axis(axis, data.ndim(), "axis")?;
    let n = data.len_of(Axis(ax));
    match kind {
        DetrendType::Constant => Ok(map_lanes(
            data,
            ax,
            n,
            || (),
            |_, x, y| {
                let mean = x.iter().fold(T::zero(), |s, &v| s + v) / cst(n as f64);
                y.iter_mut().zip(x).for_each(|(d, &v)| *d = v - mean);
            },
        )),
        DetrendType::Linear => {
            if bp.iter().any(|&b| b > n) {
                return Err(invalid("bp", "Breakpoints must be less than length of data along given axis."));
            }
            let mut cuts: Vec<usize> = bp.to_vec();
            cuts.push(0);
            cuts.push(n);
            cuts.sort_unstable();
            cuts.dedup();
            Ok(map_lanes(
                data,
                ax,
                n,
                || (),
                |_, x, y| {
                    y.copy_from_slice(x);
                    for w in cuts.windows(2) {
                        remove_line(&mut y[w[0]..w[1]]);
                    }
                },
            ))
        }
    }
}
