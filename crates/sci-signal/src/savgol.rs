//! Savitzky-Golay smoothing: `savgol_coeffs`, `savgol_filter`.

use crate::error::{Result, invalid};
use crate::real::map_lanes;
use ndarray::{Array, Array1, ArrayBase, Axis, Data, Dimension};

/// How [`savgol_filter`] extends the signal at its edges, SciPy's `mode` (and `cval`).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::SavgolMode::default(), sci_signal::SavgolMode::Interp);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum SavgolMode {
    /// `'interp'` (default): a polynomial fitted to the first / last window gives the edge values.
    #[default]
    Interp,
    /// `'mirror'`: reflection about the edge sample (`c b | a b c`).
    Mirror,
    /// `'nearest'`: the edge sample repeated.
    Nearest,
    /// `'wrap'`: periodic.
    Wrap,
    /// `'constant'` with `cval`.
    Constant(f64),
}

/// Min-norm least squares basis: QR (modified Gram-Schmidt, twice) of the columns `cols`
/// (each of length `n`, `cols.len() <= n`): returns `(q, r)`, `r` upper triangular row-major.
fn qr(cols: &[Vec<f64>]) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let m = cols.len();
    let mut q: Vec<Vec<f64>> = Vec::with_capacity(m);
    let mut r = vec![vec![0.0; m]; m];
    for (j, c) in cols.iter().enumerate() {
        let mut v = c.clone();
        for _ in 0..2 {
            for (i, qi) in q.iter().enumerate() {
                let d: f64 = qi.iter().zip(&v).map(|(a, b)| a * b).sum();
                r[i][j] += d;
                v.iter_mut().zip(qi).for_each(|(a, b)| *a -= d * b);
            }
        }
        let nrm = v.iter().map(|a| a * a).sum::<f64>().sqrt();
        r[j][j] = nrm;
        v.iter_mut().for_each(|a| *a /= nrm);
        q.push(v);
    }
    (q, r)
}

fn factorial(n: usize) -> f64 {
    (1..=n).map(|v| v as f64).product()
}

/// The coefficients of a 1-d Savitzky-Golay FIR filter: the `deriv`-th derivative (at sample
/// `pos`, default the window's centre) of the least-squares polynomial of degree `polyorder`
/// fitted to a window of `window_length` samples spaced `delta` apart.
///
/// Returned in convolution order (SciPy's `use='conv'`); reverse them for `use='dot'`.
///
/// SciPy equivalent: `scipy.signal.savgol_coeffs(window_length, polyorder, deriv, delta, pos)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `polyorder >=
/// window_length` or `pos` is not in `[0, window_length)`.
///
/// # Examples
///
/// ```
/// let c = sci_signal::savgol_coeffs(5, 2, 0, 1.0, None).unwrap();
/// let want = [-3.0, 12.0, 17.0, 12.0, -3.0].map(|v| v / 35.0);
/// assert!(c.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-14));
/// ```
pub fn savgol_coeffs(
    window_length: usize,
    polyorder: usize,
    deriv: usize,
    delta: f64,
    pos: Option<f64>,
) -> Result<Array1<f64>> {
    if polyorder >= window_length {
        return Err(invalid("polyorder", "polyorder must be less than window_length."));
    }
    let (half, rem) = (window_length / 2, window_length % 2);
    let pos = pos.unwrap_or(if rem == 0 { half as f64 - 0.5 } else { half as f64 });
    if !(0.0 <= pos && pos < window_length as f64) {
        return Err(invalid("pos", "pos must be nonnegative and less than window_length."));
    }
    if deriv > polyorder {
        return Ok(Array1::zeros(window_length));
    }
    // x in convolution order, scaled to [-1, 1] for conditioning (the constraint set is the
    // same polynomial space; the right-hand side absorbs the scale).
    let x: Vec<f64> = (0..window_length).rev().map(|i| i as f64 - pos).collect();
    let s = x.iter().fold(1.0_f64, |m, v| m.max(v.abs()));
    let cols: Vec<Vec<f64>> =
        (0..=polyorder).map(|k| x.iter().map(|v| (v / s).powi(k as i32)).collect()).collect();
    let (q, r) = qr(&cols);
    // A = R^T Q^T with A's rows the powers; solve R^T z = y, c = Q z.
    let m = polyorder + 1;
    let mut y = vec![0.0; m];
    y[deriv] = factorial(deriv) / (delta.powi(deriv as i32) * s.powi(deriv as i32));
    let mut z = vec![0.0; m];
    for i in 0..m {
        let acc: f64 = (0..i).map(|k| r[k][i] * z[k]).sum();
        z[i] = (y[i] - acc) / r[i][i];
    }
    Ok(Array1::from_shape_fn(window_length, |j| (0..m).map(|i| q[i][j] * z[i]).sum()))
}

/// Weights `E` (rows: evaluation points `at`) with `E @ window` = the `deriv`-th derivative of
/// the least-squares polynomial through `window` (positions `0..w`), divided by `delta^deriv`.
fn edge_weights(w: usize, polyorder: usize, deriv: usize, delta: f64, at: &[usize]) -> Vec<Vec<f64>> {
    let c = (w as f64 - 1.0) / 2.0;
    let s = c.max(1.0);
    let t: Vec<f64> = (0..w).map(|i| (i as f64 - c) / s).collect();
    let cols: Vec<Vec<f64>> = (0..=polyorder).map(|k| t.iter().map(|v| v.powi(k as i32)).collect()).collect();
    let (q, r) = qr(&cols);
    let m = polyorder + 1;
    at.iter()
        .map(|&p| {
            let tp = (p as f64 - c) / s;
            // Basis derivatives at tp: d^deriv/dt^deriv of t^k, chain rule 1/s^deriv.
            let b: Vec<f64> = (0..m)
                .map(|k| {
                    if k < deriv {
                        0.0
                    } else {
                        factorial(k) / factorial(k - deriv) * tp.powi((k - deriv) as i32)
                    }
                })
                .collect();
            // coefficients = R^{-1} Q^T y; value = b . coefficients = (R^{-T} b) . (Q^T y).
            let mut u = vec![0.0; m];
            for i in 0..m {
                let acc: f64 = (0..i).map(|k| r[k][i] * u[k]).sum();
                u[i] = (b[i] - acc) / r[i][i];
            }
            let scale = 1.0 / (s.powi(deriv as i32) * delta.powi(deriv as i32));
            (0..w).map(|j| (0..m).map(|i| u[i] * q[i][j]).sum::<f64>() * scale).collect()
        })
        .collect()
}

fn ext_index(i: isize, n: usize, mode: SavgolMode) -> Option<usize> {
    let n_i = n as isize;
    if (0..n_i).contains(&i) {
        return Some(i as usize);
    }
    match mode {
        SavgolMode::Nearest | SavgolMode::Interp => Some(i.clamp(0, n_i - 1) as usize),
        SavgolMode::Wrap => Some(i.rem_euclid(n_i) as usize),
        SavgolMode::Mirror => {
            if n == 1 {
                return Some(0);
            }
            let p = 2 * (n_i - 1);
            let m = i.rem_euclid(p);
            Some(if m < n_i { m } else { p - m } as usize)
        }
        SavgolMode::Constant(_) => None,
    }
}

/// Smooths (or differentiates) `x` along `axis` with a Savitzky-Golay filter.
///
/// SciPy equivalent: `scipy.signal.savgol_filter(x, window_length, polyorder, deriv, delta,
/// axis, mode, cval)`.
///
/// # Errors
///
/// As [`savgol_coeffs`]; with [`SavgolMode::Interp`], also when `window_length` exceeds the
/// length of the axis. [`SignalError::Array`](crate::SignalError::Array) for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{savgol_filter, SavgolMode};
/// let x = array![2.0, 2.0, 5.0, 2.0, 1.0, 0.0, 1.0, 4.0, 9.0];
/// let y = savgol_filter(&x, 5, 2, 0, 1.0, -1, SavgolMode::Interp).unwrap();
/// let want = [1.65714286, 3.17142857, 3.54285714, 2.85714286, 0.65714286, 0.17142857, 1.0, 4.0, 9.0];
/// assert!(y.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-8));
/// ```
pub fn savgol_filter<S, D>(
    x: &ArrayBase<S, D>,
    window_length: usize,
    polyorder: usize,
    deriv: usize,
    delta: f64,
    axis: isize,
    mode: SavgolMode,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let coeffs = savgol_coeffs(window_length, polyorder, deriv, delta, None)?;
    let n = x.len_of(Axis(ax));
    if mode == SavgolMode::Interp && window_length > n {
        return Err(invalid(
            "window_length",
            "If mode is 'interp', window_length must be less than or equal to the size of x.",
        ));
    }
    let c = coeffs.to_vec();
    let half = window_length / 2;
    let edges = if mode == SavgolMode::Interp && n > 0 {
        let lo: Vec<usize> = (0..half).collect();
        let hi: Vec<usize> = (window_length - half..window_length).collect();
        Some((
            edge_weights(window_length, polyorder, deriv, delta, &lo),
            edge_weights(window_length, polyorder, deriv, delta, &hi),
        ))
    } else {
        None
    };
    let cval = if let SavgolMode::Constant(v) = mode { v } else { 0.0 };
    // y[i] = sum_k c[k] xe[i + h - k]: the full convolution of the extended lane
    // E[p] = xe[p - left] with c, at p = i + window_length - 1.
    let left = window_length - 1 - half;
    let ext_len = n + window_length - 1;
    Ok(map_lanes(
        x,
        ax,
        n,
        || vec![0.0; ext_len],
        |ext, xi, yo| {
            for (p, e) in ext.iter_mut().enumerate() {
                *e = ext_index(p as isize - left as isize, n, mode).map_or(cval, |j| xi[j]);
            }
            yo.fill(0.0);
            crate::convolve::conv1d_acc(ext, &c, window_length - 1, yo);
            if let Some((lo, hi)) = &edges {
                for (i, w) in lo.iter().enumerate() {
                    yo[i] = w.iter().zip(&xi[..window_length]).map(|(a, b)| a * b).sum();
                }
                let start = n - window_length;
                for (i, w) in hi.iter().enumerate() {
                    yo[n - half + i] = w.iter().zip(&xi[start..]).map(|(a, b)| a * b).sum();
                }
            }
        },
    ))
}
