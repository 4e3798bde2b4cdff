//! Zero-phase filtering: `filtfilt`, `sosfiltfilt`, and the edge extensions they pad with.

use crate::error::{Result, SignalError};
use crate::filter::{Coeffs, lfilter_zi};
use crate::real::{Real, map_lanes};
use crate::sosfilt::{sos_run, sos_run_in_place, sos_run_rev_in_place, sosfilt_zi, validate_sos};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, Ix1, Ix2};

mod gust;

/// How [`filtfilt`] treats the edges, SciPy's `method`.
///
/// # Examples
///
/// ```
/// use sci_signal::FiltfiltMethod;
/// assert_eq!(FiltfiltMethod::default(), FiltfiltMethod::Pad);
/// let g = FiltfiltMethod::Gust { irlen: Some(50) };
/// assert_ne!(g, FiltfiltMethod::Pad);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FiltfiltMethod {
    /// `'pad'` (default): extend the signal ([`FiltfiltOptions::padtype`], `padlen`) and start
    /// each pass from the scaled steady state.
    #[default]
    Pad,
    /// `'gust'`: Gustafsson's method, initial conditions chosen so that forward-backward and
    /// backward-forward filtering agree; `irlen` (SciPy's `irlen`) is the length of the impulse
    /// response taken into account (`None`: the whole signal).
    Gust {
        /// Effective impulse response length; used only when the signal is longer than
        /// `2 * irlen`.
        irlen: Option<usize>,
    },
}

/// How `filtfilt` extends the signal at both ends before filtering, SciPy's `padtype`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::PadType::default(), sci_signal::PadType::Odd);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PadType {
    /// `'odd'` (default): point reflection about the end samples, `2 x[0] - x[n:0:-1]`.
    #[default]
    Odd,
    /// `'even'`: mirror reflection, `x[n:0:-1]`.
    Even,
    /// `'constant'`: repeat the end samples.
    Constant,
}

/// Options of [`filtfilt`] and [`sosfiltfilt`], with SciPy's defaults.
///
/// # Examples
///
/// ```
/// let o = sci_signal::FiltfiltOptions::default();
/// assert_eq!((o.axis, o.padtype, o.padlen), (-1, Some(sci_signal::PadType::Odd), None));
/// assert_eq!(o.method, sci_signal::FiltfiltMethod::Pad);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiltfiltOptions {
    /// The axis to filter along (default `-1`).
    pub axis: isize,
    /// The extension at both ends; `None` for no padding (SciPy `padtype=None`).
    pub padtype: Option<PadType>,
    /// Samples added at each end; default `3 * max(len(a), len(b))` (`filtfilt`) or
    /// `3 * (2 * n_sections + 1 - trailing zeros)` (`sosfiltfilt`).
    pub padlen: Option<usize>,
    /// Edge handling of [`filtfilt`] (`padtype` and `padlen` apply to [`FiltfiltMethod::Pad`]
    /// only); [`sosfiltfilt`] has only `Pad`.
    pub method: FiltfiltMethod,
}

impl Default for FiltfiltOptions {
    fn default() -> Self {
        FiltfiltOptions { axis: -1, padtype: Some(PadType::Odd), padlen: None, method: FiltfiltMethod::Pad }
    }
}

/// Resolves the pad length and checks the signal is long enough (SciPy's `_validate_pad`).
fn edge_len(opts: &FiltfiltOptions, n: usize, ntaps: usize) -> Result<usize> {
    let edge = match opts.padtype {
        None => 0,
        Some(_) => opts.padlen.unwrap_or(3 * ntaps),
    };
    if n <= edge {
        return Err(SignalError::InputTooShort { padlen: edge, len: n });
    }
    Ok(edge)
}

/// Writes the `edge` samples that extend `x` before its start into `left` and after its end
/// into `right` (SciPy's `odd_ext`, `even_ext`, `const_ext`).
fn edges<T: Real>(x: &[T], edge: usize, pad: Option<PadType>, left: &mut Vec<T>, right: &mut Vec<T>) {
    left.clear();
    right.clear();
    let n = x.len();
    let two = T::one() + T::one();
    match pad {
        None => {}
        Some(PadType::Odd) => {
            left.extend((1..=edge).rev().map(|i| two * x[0] - x[i]));
            right.extend((1..=edge).map(|i| two * x[n - 1] - x[n - 1 - i]));
        }
        Some(PadType::Even) => {
            left.extend((1..=edge).rev().map(|i| x[i]));
            right.extend((1..=edge).map(|i| x[n - 1 - i]));
        }
        Some(PadType::Constant) => {
            left.extend(std::iter::repeat_n(x[0], edge));
            right.extend(std::iter::repeat_n(x[n - 1], edge));
        }
    }
}

/// A filter run forward and backward by [`pad_lane`]: its state and its passes.
trait ZeroPhase<T> {
    /// Sets the state to the steady state for the constant input `v` (`zi * v`).
    fn start(&mut self, v: T);
    /// Filters `x` into `y`.
    fn forward(&mut self, x: &[T], y: &mut [T]);
    /// Filters `buf` in place.
    fn forward_in_place(&mut self, buf: &mut [T]);
    /// Filters `buf` in place from its end back to its start.
    fn backward_in_place(&mut self, buf: &mut [T]);
}

/// `b / a` with its steady state `zi`.
struct TfPass<'c, T> {
    c: &'c Coeffs<T>,
    zi: &'c [T],
    z: Vec<T>,
}

impl<T: Real> ZeroPhase<T> for TfPass<'_, T> {
    fn start(&mut self, v: T) {
        self.z.iter_mut().zip(self.zi).for_each(|(d, s)| *d = *s * v);
    }
    fn forward(&mut self, x: &[T], y: &mut [T]) {
        self.c.run(x, y, &mut self.z);
    }
    fn forward_in_place(&mut self, buf: &mut [T]) {
        self.c.run_in_place(buf, &mut self.z);
    }
    fn backward_in_place(&mut self, buf: &mut [T]) {
        self.c.run_rev_in_place(buf, &mut self.z);
    }
}

/// Second-order sections with their steady state `zi`.
struct SosPass<'c, T> {
    s: &'c [[T; 6]],
    zi: &'c [[T; 2]],
    z: Vec<[T; 2]>,
}

impl<T: Real> ZeroPhase<T> for SosPass<'_, T> {
    fn start(&mut self, v: T) {
        self.z.iter_mut().zip(self.zi).for_each(|(d, s)| *d = [s[0] * v, s[1] * v]);
    }
    fn forward(&mut self, x: &[T], y: &mut [T]) {
        sos_run(self.s, x, y, &mut self.z);
    }
    fn forward_in_place(&mut self, buf: &mut [T]) {
        sos_run_in_place(self.s, buf, &mut self.z);
    }
    fn backward_in_place(&mut self, buf: &mut [T]) {
        sos_run_rev_in_place(self.s, buf, &mut self.z);
    }
}

/// Zero-phase filtering of one lane `x` into `y` (same length), as SciPy's `filtfilt` with
/// padding: extend by `edge` samples, filter forward from `zi * first`, backward from
/// `zi * last`, crop. The forward pass writes the middle straight into `y` and the backward
/// pass runs on `y` in place and stops at its start (the left extension is cropped anyway), so
/// only the two extensions need buffers. The same operations in the same order as filtering
/// the extended signal, reversing it and filtering again.
fn pad_lane<T: Real, F: ZeroPhase<T>>(
    f: &mut F,
    x: &[T],
    y: &mut [T],
    edge: usize,
    pad: Option<PadType>,
    (left, right): &mut (Vec<T>, Vec<T>),
) {
    edges(x, edge, pad, left, right);
    f.start(left.first().copied().unwrap_or(x[0]));
    f.forward_in_place(left);
    f.forward(x, y);
    f.forward_in_place(right);
    f.start(right.last().copied().unwrap_or(y[y.len() - 1]));
    f.backward_in_place(right);
    f.backward_in_place(y);
}

/// Forward-backward filtering with `b / a`: zero phase, squared magnitude response.
///
/// With [`FiltfiltMethod::Pad`] (default), the signal is extended at both ends (`padtype`,
/// `padlen`), filtered forward and backward with [`lfilter`](crate::lfilter) started from the
/// [`lfilter_zi`] steady state scaled by the first sample of each pass, then cropped back.
/// With [`FiltfiltMethod::Gust`], nothing is padded: the initial conditions of both passes are
/// the least-squares solution that makes forward-backward and backward-forward filtering
/// agree (Gustafsson, 1996).
///
/// SciPy equivalent: `scipy.signal.filtfilt(b, a, x, axis, padtype, padlen, method, irlen)`.
///
/// # Errors
///
/// [`SignalError::InputTooShort`] when the signal is not longer than `padlen` (method `Pad`);
/// [`SignalError::InvalidValue`] for empty `b`/`a` or `a[0] == 0`; [`SignalError::Singular`]
/// for a pole at `z = 1`; [`SignalError::Array`] for an axis out of bounds.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{butter, filtfilt, BType, FiltfiltOptions};
/// use std::f64::consts::PI;
/// let t = Array1::from_shape_fn(1000, |i| i as f64 / 1000.0);
/// let x = t.mapv(|t| (2.0 * PI * 10.0 * t).sin() + 0.5 * (2.0 * PI * 120.0 * t).sin());
/// let (b, a) = butter(4, &[20.0 / 500.0], BType::Lowpass, false, None).unwrap();
/// let y = filtfilt(&b, &a, &x, FiltfiltOptions::default()).unwrap();
/// let err = (&y - &t.mapv(|t| (2.0 * PI * 10.0 * t).sin())).mapv(f64::abs).fold(0.0f64, |m, v| m.max(*v));
/// assert!((y[0] + 0.00512368).abs() < 1e-8 && (y[1] - 0.04510845).abs() < 1e-8);
/// assert!((err - 0.54047497).abs() < 1e-8);
/// // Gustafsson's method: no padding.
/// use sci_signal::FiltfiltMethod;
/// let g = filtfilt(&b, &a, &x, FiltfiltOptions { method: FiltfiltMethod::Gust { irlen: None }, ..Default::default() }).unwrap();
/// assert!((g[0] - 0.59793546).abs() < 1e-8 && (g[1] - 0.60263584).abs() < 1e-8);
/// ```
pub fn filtfilt<T, Sb, Sa, Sx, D>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    x: &ArrayBase<Sx, D>,
    opts: FiltfiltOptions,
) -> Result<Array<T, D>>
where
    T: Real,
    Sb: Data<Elem = T>,
    Sa: Data<Elem = T>,
    Sx: Data<Elem = T>,
    D: Dimension,
{
    let c = Coeffs::new(b, a)?;
    let ax = sci_array::normalize_axis(opts.axis, x.ndim(), "axis")?;
    let n = x.len_of(Axis(ax));
    if let FiltfiltMethod::Gust { irlen } = opts.method {
        let g = gust::Gust::new(c, n, irlen);
        return Ok(map_lanes(x, ax, n, Vec::new, |buf, xi, yo| g.run(xi, yo, buf)));
    }
    let edge = edge_len(&opts, n, a.len().max(b.len()))?;
    let zi = lfilter_zi(b, a)?.to_vec();
    let order = c.order();
    let init = || (TfPass { c: &c, zi: &zi, z: vec![T::zero(); order] }, (Vec::new(), Vec::new()));
    Ok(map_lanes(x, ax, n, init, |(f, bufs), xi, yo| pad_lane(f, xi, yo, edge, opts.padtype, bufs)))
}

/// Forward-backward filtering with second-order sections: zero phase.
///
/// Like [`filtfilt`], with [`sosfilt`](crate::sosfilt) and [`sosfilt_zi`].
///
/// SciPy equivalent: `scipy.signal.sosfiltfilt(sos, x, axis, padtype, padlen)`.
///
/// # Errors
///
/// As [`filtfilt`], and [`SignalError::InvalidValue`] for a malformed `sos` or a `method`
/// other than [`FiltfiltMethod::Pad`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::Array1;
/// use sci_signal::{butter_sos, sosfiltfilt, BType, FiltfiltOptions};
/// let x = Array1::from_shape_fn(200, |i| if i % 2 == 0 { 1.0 } else { -1.0 } + 2.0);
/// let sos = butter_sos(4, &[0.1], BType::Lowpass, false, None).unwrap();
/// let y = sosfiltfilt(&sos, &x, FiltfiltOptions::default()).unwrap();
/// assert!(y.iter().skip(20).take(160).all(|v| (v - 2.0).abs() < 0.05));
/// ```
pub fn sosfiltfilt<T, Ss, Sx, D>(
    sos: &ArrayBase<Ss, Ix2>,
    x: &ArrayBase<Sx, D>,
    opts: FiltfiltOptions,
) -> Result<Array<T, D>>
where
    T: Real,
    Ss: Data<Elem = T>,
    Sx: Data<Elem = T>,
    D: Dimension,
{
    let s = validate_sos(sos)?;
    if opts.method != FiltfiltMethod::Pad {
        return Err(crate::error::invalid("method", "sosfiltfilt has no method argument: only padding"));
    }
    let ax = sci_array::normalize_axis(opts.axis, x.ndim(), "axis")?;
    let n = x.len_of(Axis(ax));
    let zeros_b = s.iter().filter(|r| r[2] == T::zero()).count();
    let zeros_a = s.iter().filter(|r| r[5] == T::zero()).count();
    let ntaps = 2 * s.len() + 1 - zeros_b.min(zeros_a);
    let edge = edge_len(&opts, n, ntaps)?;
    let zi = sosfilt_zi(sos)?;
    let zi: Vec<[T; 2]> = zi.rows().into_iter().map(|r| [r[0], r[1]]).collect();
    let init = || (SosPass { s: &s, zi: &zi, z: zi.clone() }, (Vec::new(), Vec::new()));
    Ok(map_lanes(x, ax, n, init, |(f, bufs), xi, yo| pad_lane(f, xi, yo, edge, opts.padtype, bufs)))
}
