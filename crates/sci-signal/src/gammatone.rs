//! Gammatone auditory filters: `gammatone` (FIR after Patterson's impulse response, IIR after
//! Slaney's design), as in SciPy.

use crate::error::{Result, invalid};
use ndarray::{Array1, array};
use num_complex::Complex64;
use std::f64::consts::PI;

/// The kind of gammatone filter, SciPy's `ftype` with the FIR-only arguments.
///
/// # Examples
///
/// ```
/// use sci_signal::GammatoneType;
/// assert_eq!(GammatoneType::fir(), GammatoneType::Fir { order: 4, numtaps: None });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GammatoneType {
    /// `'fir'`: the sampled gammatone impulse response.
    Fir {
        /// Filter order, `1..=24` (SciPy's default 4).
        order: usize,
        /// Number of taps (`None`: `max(fs * 0.015, 15)` as SciPy).
        numtaps: Option<usize>,
    },
    /// `'iir'`: Slaney's fourth-order IIR approximation (8 poles).
    Iir,
}

impl GammatoneType {
    /// `'fir'` with SciPy's defaults (order 4, default length).
    ///
    /// # Examples
    ///
    /// ```
    /// use sci_signal::{gammatone, GammatoneType};
    /// let (b, _) = gammatone(1000.0, GammatoneType::fir(), Some(16000.0)).unwrap();
    /// assert_eq!(b.len(), 240); // fs * 0.015 taps
    /// ```
    pub fn fir() -> Self {
        GammatoneType::Fir { order: 4, numtaps: None }
    }
}

/// Equivalent rectangular bandwidth at `hz` (Glasberg and Moore).
fn hz_to_erb(hz: f64) -> f64 {
    hz / 9.26449 + 24.7
}

/// Gammatone filter centred on `freq`: `(b, a)`.
///
/// `freq` and `fs` in the same units (`fs` defaults to 2: `freq` normalized to Nyquist).
///
/// SciPy equivalent: `scipy.signal.gammatone(freq, ftype, order, numtaps, fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `freq` is not strictly
/// between 0 and `fs/2` (SciPy's message), the FIR order is not in `1..=24`, `numtaps` is 0, or
/// `fs` is not positive.
///
/// # Examples
///
/// SciPy's docstring: a 440 Hz IIR gammatone filter at 16 kHz.
///
/// ```
/// use sci_signal::{gammatone, GammatoneType};
/// let (b, a) = gammatone(440.0, GammatoneType::Iir, Some(16000.0)).unwrap();
/// assert_eq!((b.len(), a.len()), (5, 9));
/// assert!((b[0] - 1.3149446136746419e-06).abs() < 1e-18);
/// assert!((a[1] + 7.656462354542177).abs() < 1e-13);
/// ```
pub fn gammatone(freq: f64, ftype: GammatoneType, fs: Option<f64>) -> Result<(Array1<f64>, Array1<f64>)> {
    let fs = fs.unwrap_or(2.0);
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
    }
    if freq.is_nan() || freq <= 0.0 || freq >= fs / 2.0 {
        return Err(invalid(
            "freq",
            format!("The frequency must be between 0 and {} (Nyquist), but given {freq}.", fs / 2.0),
        ));
    }
    match ftype {
        GammatoneType::Fir { order, numtaps } => {
            if !(1..=24).contains(&order) {
                return Err(invalid("order", "Invalid order: order must be > 0 and <= 24."));
            }
            let numtaps = numtaps.unwrap_or_else(|| ((fs * 0.015) as usize).max(15));
            if numtaps == 0 {
                return Err(invalid("numtaps", "numtaps must be positive"));
            }
            let bw = 1.019 * hz_to_erb(freq);
            let fact = (1..order).fold(1.0, |acc, k| acc * k as f64);
            let scale = 2.0 * (2.0 * PI * bw).powf(order as f64) / fact / fs;
            let b = Array1::from_shape_fn(numtaps, |i| {
                let t = i as f64 / fs;
                let v = t.powf((order - 1) as f64) * (-2.0 * PI * bw * t).exp();
                v * (2.0 * PI * freq * t).cos() * scale
            });
            Ok((b, array![1.0]))
        }
        GammatoneType::Iir => {
            let t = 1.0 / fs;
            let bw = 2.0 * PI * 1.019 * hz_to_erb(freq);
            let fr = 2.0 * freq * PI * t;
            let bwt = bw * t;
            let cexp = |re: f64, im: f64| Complex64::from_polar(re.exp(), im);
            let g1 = cexp(0.0, 2.0 * fr) * (-2.0 * t);
            let g2 = cexp(-bwt, fr) * (2.0 * t);
            let g3 = (3.0 + 2f64.powf(1.5)).sqrt() * fr.sin();
            let g4 = (3.0 - 2f64.powf(1.5)).sqrt() * fr.sin();
            let g5 = cexp(0.0, 2.0 * fr);
            let mut g = g1 + g2 * (fr.cos() - g4);
            g *= g1 + g2 * (fr.cos() + g4);
            g *= g1 + g2 * (fr.cos() - g3);
            g *= g1 + g2 * (fr.cos() + g3);
            let d = -g5 * 2.0 + (-2.0 / (2.0 * bwt).exp()) + (g5 + 1.0) * 2.0 / bwt.exp();
            let d2 = d * d;
            g /= d2 * d2;
            let g = g.re.hypot(g.im);
            let e = |k: f64| (k * bw * t).exp();
            let t4 = t.powi(4);
            let b = array![
                t4 / g,
                -4.0 * t4 * fr.cos() / e(1.0) / g,
                6.0 * t4 * (2.0 * fr).cos() / e(2.0) / g,
                -4.0 * t4 * (3.0 * fr).cos() / e(3.0) / g,
                t4 * (4.0 * fr).cos() / e(4.0) / g,
            ];
            let a = array![
                1.0,
                -8.0 * fr.cos() / e(1.0),
                4.0 * (4.0 + 3.0 * (2.0 * fr).cos()) / e(2.0),
                -8.0 * (6.0 * fr.cos() + (3.0 * fr).cos()) / e(3.0),
                2.0 * (18.0 + 16.0 * (2.0 * fr).cos() + (4.0 * fr).cos()) / e(4.0),
                -8.0 * (6.0 * fr.cos() + (3.0 * fr).cos()) / e(5.0),
                4.0 * (4.0 + 3.0 * (2.0 * fr).cos()) / e(6.0),
                -8.0 * fr.cos() / e(7.0),
                (-8.0 * bw * t).exp(),
            ];
            Ok((b, a))
        }
    }
}
