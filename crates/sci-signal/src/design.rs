//! IIR filter design: `butter` (as SciPy's `iirfilter` with `ftype='butter'`).

use crate::error::{Result, invalid};
use crate::sos::zpk2sos_impl;
use crate::zpk::{Zpk, bilinear_zpk, buttap, lp2bp_zpk, lp2bs_zpk, lp2hp_zpk, lp2lp_zpk, zpk2tf};
use ndarray::{Array1, Array2};
use std::f64::consts::PI;

/// The band type of a filter, SciPy's `btype`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::BType::default(), sci_signal::BType::Lowpass);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BType {
    /// `'lowpass'` (the default of `butter`): one critical frequency.
    #[default]
    Lowpass,
    /// `'highpass'`: one critical frequency.
    Highpass,
    /// `'bandpass'`: two critical frequencies `[low, high]`.
    Bandpass,
    /// `'bandstop'`: two critical frequencies `[low, high]`.
    Bandstop,
}

/// Validates `Wn` and designs the filter as zeros, poles and gain (SciPy's `iirfilter`).
pub(crate) fn iir_zpk(proto: Zpk, wn: &[f64], btype: BType, analog: bool, fs: Option<f64>) -> Result<Zpk> {
    if let Some(fs) = fs {
        if analog {
            return Err(invalid("fs", "fs cannot be specified for an analog filter"));
        }
        if !(fs.is_finite() && fs > 0.0) {
            return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
        }
    }
    let wn: Vec<f64> = match fs {
        Some(fs) => wn.iter().map(|w| w / (fs / 2.0)).collect(),
        None => wn.to_vec(),
    };
    let want = match btype {
        BType::Lowpass | BType::Highpass => 1,
        BType::Bandpass | BType::Bandstop => 2,
    };
    if wn.len() != want {
        return Err(invalid(
            "Wn",
            if want == 1 {
                "Must specify a single critical frequency Wn for lowpass or highpass filter"
            } else {
                "Wn must specify start and stop frequencies for bandpass or bandstop filter"
            },
        ));
    }
    if wn.iter().any(|&w| w <= 0.0 || w.is_nan()) {
        return Err(invalid("Wn", "filter critical frequencies must be greater than 0"));
    }
    if wn.len() > 1 && wn[0] >= wn[1] {
        return Err(invalid("Wn", "Wn[0] must be less than Wn[1]"));
    }
    let (warped, fs_d): (Vec<f64>, f64) = if analog {
        (wn.clone(), 0.0)
    } else {
        if wn.iter().any(|&w| w >= 1.0) {
            return Err(invalid(
                "Wn",
                match fs {
                    Some(fs) => format!(
                        "Digital filter critical frequencies must be 0 < Wn < fs/2 (fs={fs} -> fs/2={})",
                        fs / 2.0
                    ),
                    None => "Digital filter critical frequencies must be 0 < Wn < 1".to_string(),
                },
            ));
        }
        let fs = 2.0;
        (wn.iter().map(|&w| 2.0 * fs * (PI * w / fs).tan()).collect(), fs)
    };
    let Zpk { z, p, k } = proto;
    let zpk = match btype {
        BType::Lowpass => lp2lp_zpk(&z, &p, k, warped[0])?,
        BType::Highpass => lp2hp_zpk(&z, &p, k, warped[0])?,
        BType::Bandpass | BType::Bandstop => {
            let bw = warped[1] - warped[0];
            let wo = (warped[0] * warped[1]).sqrt();
            if btype == BType::Bandpass {
                lp2bp_zpk(&z, &p, k, wo, bw)?
            } else {
                lp2bs_zpk(&z, &p, k, wo, bw)?
            }
        }
    };
    if analog { Ok(zpk) } else { bilinear_zpk(&zpk.z, &zpk.p, zpk.k, fs_d) }
}

/// Butterworth filter design: zeros, poles and gain.
///
/// `n` is the order; `wn` the critical frequency (one value for low/high-pass, `[low, high]` for
/// band-pass/stop), normalized to Nyquist (`0 < wn < 1`) for digital filters unless `fs` is
/// given (then in the units of `fs`, `0 < wn < fs/2`), in rad/s for analog filters.
///
/// SciPy equivalent: `scipy.signal.butter(N, Wn, btype, analog, output='zpk', fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `wn` has the wrong
/// number of values for `btype`, is not positive, is not increasing, or (digital) is not below
/// Nyquist; when `fs` is given for an analog filter or is not positive.
///
/// # Examples
///
/// ```
/// use sci_signal::{butter_zpk, BType};
/// let zpk = butter_zpk(2, &[0.5], BType::Lowpass, false, None).unwrap();
/// assert!(zpk.z.iter().all(|z| (z.re + 1.0).abs() < 1e-15)); // zeros at Nyquist
/// assert!((zpk.k - 0.29289321881345254).abs() < 1e-15);
/// ```
pub fn butter_zpk(n: usize, wn: &[f64], btype: BType, analog: bool, fs: Option<f64>) -> Result<Zpk> {
    iir_zpk(buttap(n), wn, btype, analog, fs)
}

/// Butterworth filter design: transfer-function coefficients `(b, a)`.
///
/// See [`butter_zpk`] for the arguments; the coefficients come from `zpk2tf` as in SciPy.
///
/// SciPy equivalent: `scipy.signal.butter(N, Wn, btype, analog, output='ba', fs)`.
///
/// # Errors
///
/// As [`butter_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{butter, BType};
/// let (b, a) = butter(4, &[20.0 / 500.0], BType::Lowpass, false, None).unwrap();
/// assert!((b[0] - 1.32937289e-05).abs() < 1e-13);
/// assert!((a[1] + 3.67172909).abs() < 1e-8);
/// let (b, a) = butter(2, &[100.0], BType::Highpass, false, Some(1000.0)).unwrap();
/// assert_eq!(b.len(), 3);
/// assert!((a[2] - 0.41280159809618855).abs() < 1e-12);
/// ```
pub fn butter(
    n: usize,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = butter_zpk(n, wn, btype, analog, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Butterworth filter design: second-order sections (rows `[b0, b1, b2, a0, a1, a2]`).
///
/// The numerically robust form for high orders; filter with [`sosfilt`](crate::sosfilt).
///
/// SciPy equivalent: `scipy.signal.butter(N, Wn, btype, analog, output='sos', fs)`.
///
/// # Errors
///
/// As [`butter_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{butter_sos, BType};
/// let sos = butter_sos(4, &[0.1, 0.3], BType::Bandpass, false, None).unwrap();
/// assert_eq!(sos.shape(), &[4, 6]);
/// assert!(sos.rows().into_iter().all(|r| r[3] == 1.0));
/// ```
pub fn butter_sos(n: usize, wn: &[f64], btype: BType, analog: bool, fs: Option<f64>) -> Result<Array2<f64>> {
    let zpk = butter_zpk(n, wn, btype, analog, fs)?;
    zpk2sos_impl(&zpk.z.to_vec(), &zpk.p.to_vec(), zpk.k, analog)
}
