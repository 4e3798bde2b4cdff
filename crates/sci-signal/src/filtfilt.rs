//! Zero-phase filtering: `filtfilt`, `sosfiltfilt`, and the edge extensions they pad with.

use crate::error::{Result, SignalError};
use crate::filter::{Coeffs, lfilter_zi};
use crate::real::{Real, map_lanes};
use crate::sosfilt::{sos_run, sosfilt_zi, validate_sos};
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

/// Writes `x` extended by `edge` samples at both ends into `ext`.
fn extend<T: Real>(x: &[T], edge: usize, pad: Option<PadType>, ext: &mut Vec<T>) {
    ext.clear();
    let n = x.len();
    let two = T::one() + T::one();
    match pad {
        None => ext.extend_from_slice(x),
        Some(PadType::Odd) => {
            ext.extend((1..=edge).rev().map(|i| two * x[0] - x[i]));
            ext.extend_from_slice(x);
            ext.extend((1..=edge).map(|i| two * x[n - 1] - x[n - 1 - i]));
        }
        Some(PadType::Even) => {
            ext.extend((1..=edge).rev().map(|i| x[i]));
            ext.extend_from_slice(x);
            ext.extend((1..=edge).map(|i| x[n - 1 - i]));
        }
        Some(PadType::Constant) => {
            ext.extend(std::iter::repeat_n(x[0], edge));
            ext.extend_from_slice(x);
            ext.extend(std::iter::repeat_n(x[n - 1], edge));
        }
    }
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
    let init = || (Vec::new(), Vec::new(), vec![T::zero(); order]);
    Ok(map_lanes(x, ax, n, init, |(ext, y1, z), xi, yo| {
        extend(xi, edge, opts.padtype, ext);
        y1.resize(ext.len(), T::zero());
        z.iter_mut().zip(&zi).for_each(|(d, s)| *d = *s * ext[0]);
        c.run(ext, y1, z);
        y1.reverse();
        z.iter_mut().zip(&zi).for_each(|(d, s)| *d = *s * y1[0]);
        ext.copy_from_slice(y1);
        c.run(ext, y1, z);
        y1.reverse();
        yo.copy_from_slice(&y1[edge..edge + n]);
    }))
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
    let init = || (Vec::new(), Vec::new(), zi.clone());
    Ok(map_lanes(x, ax, n, init, |(ext, y1, z), xi, yo| {
        extend(xi, edge, opts.padtype, ext);
        y1.resize(ext.len(), T::zero());
        z.iter_mut().zip(&zi).for_each(|(d, s)| *d = [s[0] * ext[0], s[1] * ext[0]]);
        sos_run(&s, ext, y1, z);
        y1.reverse();
        z.iter_mut().zip(&zi).for_each(|(d, s)| *d = [s[0] * y1[0], s[1] * y1[0]]);
        ext.copy_from_slice(y1);
        sos_run(&s, ext, y1, z);
        y1.reverse();
        yo.copy_from_slice(&y1[edge..edge + n]);
    }))
}
