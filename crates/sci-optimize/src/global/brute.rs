//! `brute`: minimization over a grid, then a local polish.

use super::{check_workers, map_points, np_argmin};
use crate::error::{Result, invalid};
use crate::minimize::{Method, MinimizeOptions, minimize};
use ndarray::{Array1, ArrayD, IxDyn};

/// One axis of the [`brute`] grid (an entry of SciPy's `ranges`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GridRange {
    /// `(low, high)`: `Ns` points from `low` to `high` inclusive.
    Bounds(f64, f64),
    /// `slice(start, stop, step)`: `start, start + step, ...` below `stop` (as `np.arange`).
    Slice(f64, f64, f64),
}

/// Options of [`brute`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BruteOptions {
    /// `Ns`: grid points along every [`GridRange::Bounds`] axis (default 20).
    pub ns: usize,
    /// `finish`: the local minimizer started from the best grid point (default `Some(NelderMead)`,
    /// SciPy's `fmin`); `None` returns the grid point itself.
    pub finish: Option<Method>,
    /// `workers`: 1 evaluates serially (default), -1 on all cores, `n > 1` on `n` threads.
    pub workers: isize,
}

impl Default for BruteOptions {
    fn default() -> Self {
        BruteOptions { ns: 20, finish: Some(Method::NelderMead), workers: 1 }
    }
}

/// The result of [`brute`] (SciPy's `full_output=True` tuple).
#[derive(Debug, Clone, PartialEq)]
pub struct BruteResult {
    /// `x0`: the minimizer (after `finish`).
    pub x0: Array1<f64>,
    /// `fval`: the objective there.
    pub fval: f64,
    /// `grid`: the grid points, shape `(N, n_1, ..., n_N)` (for one variable `(n_1,)`), as
    /// `np.mgrid`.
    pub grid: ArrayD<f64>,
    /// `Jout`: the objective on the grid, shape `(n_1, ..., n_N)`.
    pub jout: ArrayD<f64>,
}

/// Minimizes a function over a grid ("brute force"), then polishes the best grid point with a
/// local minimizer.
///
/// The grid is `np.mgrid` of the ranges (the same points, to the bit); the objective is
/// evaluated at every point in C order (on threads with `workers`), the first smallest value
/// (or the first NaN, as `np.argmin`) is taken and `finish` started from it. As in SciPy, the
/// finishing result replaces the grid point even when it reports failure, and may leave the
/// ranges.
///
/// SciPy equivalent: `scipy.optimize.brute` (with `full_output=True`).
///
/// # Errors
///
/// [`crate::OptimizeError::InvalidValue`] for no ranges or more than 40 ("Brute Force not
/// possible with more than 40 variables."), an empty grid axis or a non-finite range, a bad
/// `workers`; what `finish` returns.
///
/// # Examples
///
/// ```
/// use sci_optimize::{brute, BruteOptions, GridRange};
/// use sci_optimize::sci_array::ndarray::Array1;
/// // Himmelblau's function has four global minima; the grid picks the basin of (3, 2).
/// let f = |x: &Array1<f64>| (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2);
/// let ranges = [GridRange::Slice(-4.0, 4.0, 0.25), GridRange::Slice(-4.0, 4.0, 0.25)];
/// let r = brute(f, &ranges, &BruteOptions::default())?;
/// assert!((r.x0[0] - 3.0).abs() < 1e-4 && (r.x0[1] - 2.0).abs() < 1e-4);
/// assert_eq!(r.jout.shape(), &[32, 32]);
/// # Ok::<(), sci_optimize::OptimizeError>(())
/// ```
pub fn brute<F>(func: F, ranges: &[GridRange], options: &BruteOptions) -> Result<BruteResult>
where
    F: Fn(&Array1<f64>) -> f64 + Sync,
{
    let n = ranges.len();
    if n == 0 {
        return Err(invalid("ranges", "at least one range is needed"));
    }
    if n > 40 {
        return Err(invalid("ranges", "Brute Force not possible with more than 40 variables."));
    }
    check_workers(options.workers)?;
    // Each axis as np.mgrid builds it: start + i * step.
    let mut specs = Vec::with_capacity(n);
    for (k, r) in ranges.iter().enumerate() {
        let (start, step, len) = match *r {
            GridRange::Bounds(lo, hi) => {
                let ns = options.ns;
                let step = if ns == 1 { 1.0 } else { (hi - lo) / (ns as f64 - 1.0) };
                (lo, step, ns)
            }
            GridRange::Slice(start, stop, step) => {
                let len = ((stop - start) / step).ceil();
                if !len.is_finite() || len > isize::MAX as f64 {
                    return Err(invalid("ranges", format!("range {k} is not finite")));
                }
                (start, step, if len > 0.0 { len as usize } else { 0 })
            }
        };
        if !(start.is_finite() && step.is_finite()) {
            return Err(invalid("ranges", format!("range {k} is not finite")));
        }
        if len == 0 {
            return Err(invalid("ranges", format!("range {k} holds no grid point")));
        }
        specs.push((start, step, len, *r));
    }
    let total = specs
        .iter()
        .try_fold(1usize, |t, s| t.checked_mul(s.2).filter(|&t| t <= isize::MAX as usize / 8))
        .ok_or_else(|| invalid("ranges", "the grid is too large"))?;
    let mut axes: Vec<Vec<f64>> = Vec::with_capacity(n);
    for &(start, step, len, r) in &specs {
        let axis = match (n, r) {
            // One slice alone is `np.arange(start, stop, step)`: start, start + step, then
            // start + i * ((start + step) - start).
            (1, GridRange::Slice(..)) => {
                let delta = (start + step) - start;
                (0..len).map(|i| if i == 1 { start + step } else { start + i as f64 * delta }).collect()
            }
            _ => (0..len).map(|i| i as f64 * step + start).collect(),
        };
        axes.push(axis);
    }
    let shape: Vec<usize> = axes.iter().map(Vec::len).collect();
    let points: Vec<Array1<f64>> = (0..total)
        .map(|mut flat| {
            let mut x = Array1::zeros(n);
            for k in (0..n).rev() {
                x[k] = axes[k][flat % shape[k]];
                flat /= shape[k];
            }
            x
        })
        .collect();
    let values = map_points(&func, &points, options.workers);
    let best = np_argmin(&values);
    let mut x0 = points[best].clone();
    let mut fval = values[best];
    if let Some(method) = options.finish {
        let r = minimize(|x: &Array1<f64>| func(x), &x0, &MinimizeOptions { method, ..Default::default() })?;
        x0 = r.x;
        fval = r.fun;
    }
    let mut gshape = vec![n];
    gshape.extend(&shape);
    let grid = if n == 1 {
        ArrayD::from_shape_vec(IxDyn(&shape), axes[0].clone())
    } else {
        let mut g = Vec::with_capacity(n * total);
        for k in 0..n {
            g.extend(points.iter().map(|p| p[k]));
        }
        ArrayD::from_shape_vec(IxDyn(&gshape), g)
    }
    .expect("grid shape");
    let jout = ArrayD::from_shape_vec(IxDyn(&shape), values).expect("grid shape");
    Ok(BruteResult { x0, fval, grid, jout })
}
