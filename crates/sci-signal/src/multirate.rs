//! Multirate processing: `upfirdn`, `resample_poly`, `decimate`.

use crate::cheby::cheby1_sos;
use crate::design::BType;
use crate::error::{Result, invalid};
use crate::filtfilt::{FiltfiltOptions, sosfiltfilt};
use crate::fir::{PassZero, firwin};
use crate::real::map_lanes;
use crate::sosfilt::sosfilt;
use crate::windows::Window;
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, Slice};

/// SciPy's `_output_len`: the length of `upfirdn`'s output, `ceil(((n - 1) up + len_h) / down)`.
fn output_len(len_h: usize, in_len: usize, up: usize, down: usize) -> usize {
    if in_len == 0 {
        return 0;
    }
    ((in_len - 1) * up + len_h).div_ceil(down)
}

/// The `up` phases of `h`, each reversed: `phases[p][len_p - 1 - m] = h[p + m up]`.
fn phases(h: &[f64], up: usize) -> Vec<Vec<f64>> {
    (0..up).map(|p| h.iter().skip(p).step_by(up).rev().copied().collect()).collect()
}

/// Polyphase upsample-filter-downsample of one lane: outputs `i0..i0 + out.len()`.
fn upfirdn_part(ph: &[Vec<f64>], x: &[f64], up: usize, down: usize, i0: usize, out: &mut [f64]) {
    let nx = x.len();
    for (i, o) in out.iter_mut().enumerate() {
        let t = (i0 + i) * down;
        let (q, p) = (t / up, t % up);
        let hp = &ph[p];
        let lp = hp.len();
        // x[j] contributes h[p + (q - j) up] for 0 <= q - j < lp.
        let j_hi = q.min(nx.saturating_sub(1));
        let j_lo = (q + 1).saturating_sub(lp);
        let mut acc = 0.0;
        if nx > 0 && lp > 0 && j_lo <= j_hi {
            // Index lp - 1 - q + j, non-negative since j >= q + 1 - lp.
            let hs = &hp[j_lo + lp - 1 - q..=j_hi + lp - 1 - q];
            for (a, b) in hs.iter().zip(&x[j_lo..=j_hi]) {
                acc += a * b;
            }
        }
        *o = acc;
    }
}

/// One lane, its outputs in chunks over threads when long (rayon feature; same sums).
fn upfirdn_lane(ph: &[Vec<f64>], x: &[f64], up: usize, down: usize, out: &mut [f64]) {
    #[cfg(feature = "rayon")]
    {
        const CHUNK: usize = 16_384;
        if out.len() > CHUNK && out.len().saturating_mul(ph[0].len()) >= 1_000_000 {
            use rayon::prelude::*;
            out.par_chunks_mut(CHUNK)
                .enumerate()
                .for_each(|(c, o)| upfirdn_part(ph, x, up, down, c * CHUNK, o));
            return;
        }
    }
    upfirdn_part(ph, x, up, down, 0, out);
}

/// Upsamples by `up` (zero insertion), filters with the FIR `h`, downsamples by `down`, along
/// `axis`.
///
/// SciPy equivalent: `scipy.signal.upfirdn(h, x, up, down, axis)` (`mode='constant'`, zero
/// `cval`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for an empty `h` or
/// `up`/`down` zero; [`SignalError::Array`](crate::SignalError::Array) for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let y = sci_signal::upfirdn(&[1.0, 1.0, 1.0], &array![1.0, 2.0, 3.0], 3, 1, -1).unwrap();
/// assert_eq!(y, array![1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0]);
/// let d = sci_signal::upfirdn(&[1.0], &array![0.0, 1.0, 2.0, 3.0, 4.0, 5.0], 1, 3, -1).unwrap();
/// assert_eq!(d, array![0.0, 3.0]);
/// ```
pub fn upfirdn<S, D>(
    h: &[f64],
    x: &ArrayBase<S, D>,
    up: usize,
    down: usize,
    axis: isize,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    if h.is_empty() {
        return Err(invalid("h", "h must be 1-D with non-zero length"));
    }
    if up == 0 || down == 0 {
        return Err(invalid("up", "Both up and down must be >= 1"));
    }
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let n = x.len_of(Axis(ax));
    let out_len = output_len(h.len(), n, up, down);
    let ph = phases(h, up);
    Ok(map_lanes(x, ax, out_len, || (), |_, xi, yo| upfirdn_lane(&ph, xi, up, down, yo)))
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The FIR filter of [`resample_poly`]: a named window (SciPy's default `('kaiser', 5.0)`)
/// or explicit coefficients.
///
/// # Examples
///
/// ```
/// use sci_signal::{ResampleWindow, Window};
/// assert_eq!(ResampleWindow::default(), ResampleWindow::Named(Window::Kaiser(5.0)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ResampleWindow {
    /// A window for `firwin(2 * 10 * max(up, down) + 1, 1 / max(up, down))`.
    Named(Window),
    /// The FIR coefficients themselves.
    Coefficients(Vec<f64>),
}

impl Default for ResampleWindow {
    fn default() -> Self {
        ResampleWindow::Named(Window::Kaiser(5.0))
    }
}

/// Resamples `x` along `axis` by the factor `up / down` with a polyphase FIR filter (zero
/// padding at the ends).
///
/// SciPy equivalent: `scipy.signal.resample_poly(x, up, down, axis, window)` (`padtype =
/// 'constant'`, zero `cval`). Note SciPy's default axis is `0`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `up` or `down` zero or
/// empty coefficients; [`SignalError::Array`](crate::SignalError::Array) for a bad axis.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{resample_poly, ResampleWindow};
/// let x = Array1::from_shape_fn(40, |i| (i as f64 * 0.2).sin());
/// let y = resample_poly(&x, 3, 2, 0, &ResampleWindow::default()).unwrap();
/// assert_eq!(y.len(), 60);
/// // Samples of the original grid are reproduced closely away from the edges.
/// assert!((y[30] - x[20]).abs() < 1e-3);
/// ```
pub fn resample_poly<S, D>(
    x: &ArrayBase<S, D>,
    up: usize,
    down: usize,
    axis: isize,
    window: &ResampleWindow,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    if up == 0 || down == 0 {
        return Err(invalid("up", "up and down must be >= 1"));
    }
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    let g = gcd(up, down);
    let (up, down) = (up / g, down / g);
    if up == 1 && down == 1 {
        return Ok(x.to_owned());
    }
    let n_in = x.len_of(Axis(ax));
    let n_out = (n_in * up).div_ceil(down);
    let (mut h, half_len) = match window {
        ResampleWindow::Coefficients(c) => {
            if c.is_empty() {
                return Err(invalid("window", "window must be a non-empty 1-D array"));
            }
            (c.clone(), (c.len() - 1) / 2)
        }
        ResampleWindow::Named(w) => {
            let max_rate = up.max(down);
            let half_len = 10 * max_rate;
            let h = firwin(2 * half_len + 1, &[1.0 / max_rate as f64], None, *w, PassZero::True, true, None)?;
            (h.to_vec(), half_len)
        }
    };
    if n_in == 0 {
        // SciPy's result is empty too; the padding search below would never end (no output
        // sample exists however long the filter).
        return Ok(Array::zeros(x.raw_dim()));
    }
    h.iter_mut().for_each(|v| *v *= up as f64);
    let n_pre_pad = down - half_len % down;
    let mut n_post_pad = 0;
    let n_pre_remove = (half_len + n_pre_pad) / down;
    while output_len(h.len() + n_pre_pad + n_post_pad, n_in, up, down) < n_out + n_pre_remove {
        n_post_pad += 1;
    }
    let mut hp = vec![0.0; n_pre_pad];
    hp.extend(&h);
    hp.extend(std::iter::repeat_n(0.0, n_post_pad));
    let y = upfirdn(&hp, x, up, down, ax as isize)?;
    Ok(y.slice_axis(Axis(ax), Slice::from(n_pre_remove..n_pre_remove + n_out)).to_owned())
}

/// The anti-aliasing filter of [`decimate`], SciPy's `ftype` (and `n`).
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::DecimateFilter::default(), sci_signal::DecimateFilter::Iir(None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimateFilter {
    /// `'iir'` (default): Chebyshev type I of order `n` (default 8), 0.05 dB ripple, cutoff
    /// `0.8 / q`, as second-order sections.
    Iir(Option<usize>),
    /// `'fir'`: Hamming-window `firwin` of order `n` (default `20 q`), cutoff `1 / q`.
    Fir(Option<usize>),
}

impl Default for DecimateFilter {
    fn default() -> Self {
        DecimateFilter::Iir(None)
    }
}

/// Downsamples `x` by `q` along `axis` after an anti-aliasing filter; `zero_phase` filters
/// forwards and backwards (IIR, `sosfiltfilt`) or compensates the FIR delay (`resample_poly`).
///
/// SciPy equivalent: `scipy.signal.decimate(x, q, n, ftype, axis, zero_phase)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `q == 0` or a filter
/// order of 0, and the errors of the filtering (a signal too short for `sosfiltfilt`'s
/// padding).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{decimate, DecimateFilter};
/// let x = Array1::from_shape_fn(200, |i| (i as f64 * 0.05).sin());
/// let y = decimate(&x, 4, DecimateFilter::default(), -1, true).unwrap();
/// assert_eq!(y.len(), 50);
/// assert!((y[25] - x[100]).abs() < 1e-2);
/// ```
pub fn decimate<S, D>(
    x: &ArrayBase<S, D>,
    q: usize,
    ftype: DecimateFilter,
    axis: isize,
    zero_phase: bool,
) -> Result<Array<f64, D>>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    if q == 0 {
        return Err(invalid("q", "q must be a positive integer"));
    }
    let ax = sci_array::normalize_axis(axis, x.ndim(), "axis")?;
    match ftype {
        DecimateFilter::Fir(n) => {
            let n = n.unwrap_or(20 * q);
            if n == 0 {
                return Err(invalid("n", "the filter order must be positive"));
            }
            let b = firwin(n + 1, &[1.0 / q as f64], None, Window::Hamming, PassZero::True, true, None)?;
            if zero_phase {
                resample_poly(x, 1, q, ax as isize, &ResampleWindow::Coefficients(b.to_vec()))
            } else {
                let n_out = x.len_of(Axis(ax)).div_ceil(q);
                let y = upfirdn(b.as_slice().expect("contiguous"), x, 1, q, ax as isize)?;
                Ok(y.slice_axis(Axis(ax), Slice::from(..n_out)).to_owned())
            }
        }
        DecimateFilter::Iir(n) => {
            let n = n.unwrap_or(8);
            if n == 0 {
                return Err(invalid("n", "the filter order must be positive"));
            }
            let sos = cheby1_sos(n, 0.05, &[0.8 / q as f64], BType::Lowpass, false, None)?;
            let y = if zero_phase {
                sosfiltfilt(&sos, x, FiltfiltOptions { axis: ax as isize, ..Default::default() })?
            } else {
                sosfilt(&sos, x, ax as isize)?
            };
            let step = q as isize;
            Ok(y.slice_axis(Axis(ax), Slice::new(0, None, step)).to_owned())
        }
    }
}
