//! Second-order notch and peak filters and comb filters: `iirnotch`, `iirpeak`, `iircomb`.

use crate::error::{Result, invalid};
use ndarray::{Array1, array};
use std::f64::consts::PI;

fn check_fs(fs: f64) -> Result<()> {
    if fs.is_finite() && fs > 0.0 {
        Ok(())
    } else {
        Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")))
    }
}

fn check_q(q: f64) -> Result<()> {
    if q.is_finite() && q > 0.0 {
        Ok(())
    } else {
        Err(invalid("Q", format!("quality factor Q must be positive, got {q}")))
    }
}

/// SciPy's `_design_notch_peak_filter` (Orfanidis, eqs. 11.3.4-11.3.21, -3 dB bandwidth).
fn notch_peak(w0: f64, q: f64, fs: f64, notch: bool) -> Result<(Array1<f64>, Array1<f64>)> {
    check_fs(fs)?;
    check_q(q)?;
    let w0 = 2.0 * w0 / fs;
    if w0.is_nan() || !(0.0..=1.0).contains(&w0) {
        return Err(invalid("w0", "w0 should be such that 0 < w0 < 1"));
    }
    let bw = w0 / q * PI;
    let w0 = w0 * PI;
    let beta = (bw / 2.0).tan();
    let gain = 1.0 / (1.0 + beta);
    let b = if notch {
        array![1.0, -2.0 * w0.cos(), 1.0].mapv(|v| gain * v)
    } else {
        array![1.0, 0.0, -1.0].mapv(|v| (1.0 - gain) * v)
    };
    let a = array![1.0, -2.0 * gain * w0.cos(), 2.0 * gain - 1.0];
    Ok((b, a))
}

/// Second-order IIR notch filter: rejects frequency `w0` with quality factor `Q` (`w0 / Q` is the
/// -3 dB bandwidth); returns `(b, a)`.
///
/// `w0` is in the units of `fs` (SciPy's default `fs = 2`: normalized to Nyquist).
///
/// SciPy equivalent: `scipy.signal.iirnotch(w0, Q, fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `w0` is outside
/// `[0, fs/2]`, `Q` is not positive (SciPy divides by it) or `fs` is not positive.
///
/// # Examples
///
/// SciPy's docstring: remove 60 Hz from a signal sampled at 200 Hz with `Q = 30`.
///
/// ```
/// let (b, a) = sci_signal::iirnotch(60.0, 30.0, 200.0).unwrap();
/// assert!((b[0] - 0.96953125).abs() < 1e-8 && (b[1] - 0.59920327).abs() < 1e-8);
/// assert!((a[2] - 0.9390625058174924).abs() < 1e-15);
/// ```
pub fn iirnotch(w0: f64, q: f64, fs: f64) -> Result<(Array1<f64>, Array1<f64>)> {
    notch_peak(w0, q, fs, true)
}

/// Second-order IIR peak (resonator) filter: passes frequency `w0` with quality factor `Q`;
/// returns `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.iirpeak(w0, Q, fs)`.
///
/// # Errors
///
/// As [`iirnotch`].
///
/// # Examples
///
/// SciPy's docstring: a 1 kHz peak at 8 kHz sampling with `Q = 30`.
///
/// ```
/// let (b, a) = sci_signal::iirpeak(1000.0, 30.0, 8000.0).unwrap();
/// assert!((b[0] - 0.012921564539159491).abs() < 1e-15 && b[1] == 0.0 && b[2] == -b[0]);
/// assert!((a[1] + 1.3959397105547366).abs() < 1e-15);
/// ```
pub fn iirpeak(w0: f64, q: f64, fs: f64) -> Result<(Array1<f64>, Array1<f64>)> {
    notch_peak(w0, q, fs, false)
}

/// Kind of comb filter, SciPy's `ftype` of `iircomb`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::CombType::default(), sci_signal::CombType::Notch);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CombType {
    /// `'notch'` (the default): rejects `w0` and its harmonics.
    #[default]
    Notch,
    /// `'peak'`: passes `w0` and its harmonics.
    Peak,
}

/// IIR comb filter: notches (or peaks) at `w0` and its harmonics, with quality factor `Q`;
/// returns `(b, a)`, each of length `fs / w0 + 1`.
///
/// `fs` must be a multiple of `w0`. `pass_zero` puts a peak (not a notch) at DC for a notch
/// comb, and a notch at DC for a peak comb, as in SciPy.
///
/// SciPy equivalent: `scipy.signal.iircomb(w0, Q, ftype, fs, pass_zero=pass_zero)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `w0` is not strictly
/// between 0 and `fs/2`, `fs` is not a multiple of `w0` ("fs must be divisible by w0."), `Q` is
/// not positive or `fs` is not positive.
///
/// # Examples
///
/// SciPy's docstring: a 20 Hz notch comb at 200 Hz sampling, `Q = 30`.
///
/// ```
/// use sci_signal::{iircomb, CombType};
/// let (b, a) = iircomb(20.0, 30.0, CombType::Notch, 200.0, false).unwrap();
/// assert_eq!((b.len(), a.len()), (11, 11));
/// assert!((b[0] - 0.9502020221489199).abs() < 1e-15 && b[10] == -b[0]);
/// assert!((a[10] + 0.9004040442978398).abs() < 1e-15);
/// ```
pub fn iircomb(
    w0: f64,
    q: f64,
    ftype: CombType,
    fs: f64,
    pass_zero: bool,
) -> Result<(Array1<f64>, Array1<f64>)> {
    check_fs(fs)?;
    check_q(q)?;
    if w0.is_nan() || w0 <= 0.0 || w0 >= fs / 2.0 {
        return Err(invalid(
            "w0",
            format!("w0 must be between 0 and {} (Nyquist), but given {w0}.", fs / 2.0),
        ));
    }
    let n = (fs / w0).round_ties_even();
    if (w0 - fs / n).abs() / fs > 1e-14 {
        return Err(invalid("fs", "fs must be divisible by w0."));
    }
    let n = n as usize;
    let w0 = (2.0 * PI * w0) / fs;
    let w_delta = w0 / q;
    let (g0, g) = match ftype {
        CombType::Notch => (1.0, 0.0),
        CombType::Peak => (0.0, 1.0),
    };
    let beta = (n as f64 * w_delta / 4.0).tan();
    let ax = (1.0 - beta) / (1.0 + beta);
    let bx = (g0 + g * beta) / (1.0 + beta);
    let cx = (g0 - g * beta) / (1.0 + beta);
    let negative = (ftype == CombType::Peak && pass_zero) || (ftype == CombType::Notch && !pass_zero);
    let sgn = if negative { -1.0 } else { 1.0 };
    let mut b = Array1::zeros(n + 1);
    b[0] = bx;
    b[n] = sgn * cx;
    let mut a = Array1::zeros(n + 1);
    a[0] = 1.0;
    a[n] = sgn * ax;
    Ok((b, a))
}
