//! FIR filter design by the window method: `firwin`, `firwin2`, `kaiser_beta`, `kaiser_atten`.

use crate::error::{Result, invalid};
use crate::windows::{Window, get_window};
use ndarray::Array1;
use num_complex::Complex64;
use realfft::RealFftPlanner;
use std::f64::consts::PI;

/// Which bands [`firwin`] passes, SciPy's `pass_zero`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::PassZero::default(), sci_signal::PassZero::True);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PassZero {
    /// `True` (default): the band starting at 0 passes.
    #[default]
    True,
    /// `False`: the band starting at 0 is stopped.
    False,
    /// `'lowpass'`: `True` with exactly one cutoff.
    Lowpass,
    /// `'highpass'`: `False` with exactly one cutoff.
    Highpass,
    /// `'bandpass'`: `False` with at least two cutoffs.
    Bandpass,
    /// `'bandstop'`: `True` with at least two cutoffs.
    Bandstop,
}

/// Kaiser's `beta` for a stop-band attenuation of `a` dB.
///
/// SciPy equivalent: `scipy.signal.kaiser_beta(a)`.
///
/// # Examples
///
/// ```
/// assert!((sci_signal::kaiser_beta(65.0) - 6.20426).abs() < 1e-5);
/// ```
pub fn kaiser_beta(a: f64) -> f64 {
    if a > 50.0 {
        0.1102 * (a - 8.7)
    } else if a > 21.0 {
        0.5842 * (a - 21.0).powf(0.4) + 0.07886 * (a - 21.0)
    } else {
        0.0
    }
}

/// The attenuation (dB) of a Kaiser FIR filter with `numtaps` taps and transition `width`
/// (fraction of Nyquist).
///
/// SciPy equivalent: `scipy.signal.kaiser_atten(numtaps, width)`.
///
/// # Examples
///
/// ```
/// assert!((sci_signal::kaiser_atten(211, 0.0375) - 64.48099630593983).abs() < 1e-9);
/// ```
pub fn kaiser_atten(numtaps: usize, width: f64) -> f64 {
    2.285 * (numtaps as f64 - 1.0) * PI * width + 7.95
}

/// Parameters of a Kaiser-window FIR filter: the number of taps and the window's `beta` for a
/// ripple (stop-band attenuation) of `ripple` dB and a transition `width` (fraction of Nyquist).
///
/// Use them with [`firwin`] and [`Window::Kaiser`](crate::Window::Kaiser).
///
/// SciPy equivalent: `scipy.signal.kaiserord(ripple, width)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `|ripple| < 8` (SciPy:
/// "Requested maximum ripple attenuation ... is too small for the Kaiser formula.") or is not
/// finite, or `width` is not positive and finite (SciPy divides by it).
///
/// # Examples
///
/// SciPy's docstring: 65 dB and a 24 Hz transition at 1000 Hz sampling.
///
/// ```
/// let (numtaps, beta) = sci_signal::kaiserord(65.0, 24.0 / 500.0).unwrap();
/// assert_eq!(numtaps, 167);
/// assert!((beta - 6.20426).abs() < 1e-5);
/// ```
pub fn kaiserord(ripple: f64, width: f64) -> Result<(usize, f64)> {
    let a = ripple.abs();
    if a.is_nan() || a < 8.0 {
        return Err(invalid(
            "ripple",
            format!("Requested maximum ripple attenuation {a:.6} is too small for the Kaiser formula."),
        ));
    }
    if a.is_infinite() {
        return Err(invalid("ripple", "ripple must be finite"));
    }
    if !(width.is_finite() && width > 0.0) {
        return Err(invalid("width", format!("width must be positive, got {width}")));
    }
    let numtaps = (a - 7.95) / 2.285 / (PI * width) + 1.0;
    Ok((numtaps.ceil() as usize, kaiser_beta(a)))
}

fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        let y = PI * x;
        y.sin() / y
    }
}

fn nyquist(fs: Option<f64>) -> Result<f64> {
    let fs = fs.unwrap_or(2.0);
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid(
            "fs",
            format!("Sampling frequency fs={fs} must be a single finite positive number"),
        ));
    }
    Ok(fs / 2.0)
}

/// Designs a linear-phase FIR filter of `numtaps` taps with the window method.
///
/// `cutoff` (in the units of `fs`, default 2 so that 1 is Nyquist) are the band edges;
/// `width: Some(w)` replaces `window` by a Kaiser window for a transition width `w`; `scale`
/// normalizes the response to 1 at the centre of the first pass band.
///
/// SciPy equivalent: `scipy.signal.firwin(numtaps, cutoff, width, window, pass_zero, scale,
/// fs=fs)` (default window `hamming`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for no cutoff, cutoffs not
/// strictly increasing within `(0, fs/2)`, a cutoff count that contradicts `pass_zero`, an
/// even `numtaps` with a pass band at Nyquist, or a bad `fs`.
///
/// # Examples
///
/// ```
/// use sci_signal::{firwin, PassZero, Window};
/// let h = firwin(3, &[0.1], None, Window::Hamming, PassZero::True, true, None).unwrap();
/// let want = [0.06799017, 0.86401967, 0.06799017];
/// assert!(h.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-8));
/// ```
pub fn firwin(
    numtaps: usize,
    cutoff: &[f64],
    width: Option<f64>,
    window: Window,
    pass_zero: PassZero,
    scale: bool,
    fs: Option<f64>,
) -> Result<Array1<f64>> {
    let nyq = nyquist(fs)?;
    if numtaps == 0 {
        return Err(invalid("numtaps", "numtaps must be positive"));
    }
    let cut: Vec<f64> = cutoff.iter().map(|c| c / nyq).collect();
    if cut.is_empty() {
        return Err(invalid("cutoff", "At least one cutoff frequency must be given."));
    }
    if cut.iter().any(|&c| c.is_nan() || c <= 0.0 || c >= 1.0) {
        return Err(invalid(
            "cutoff",
            "Invalid cutoff frequency: frequencies must be greater than 0 and less than fs/2.",
        ));
    }
    if cut.windows(2).any(|w| w[1] - w[0] <= 0.0) {
        return Err(invalid(
            "cutoff",
            "Invalid cutoff frequencies: the frequencies must be strictly increasing.",
        ));
    }
    let window = match width {
        Some(w) => Window::Kaiser(kaiser_beta(kaiser_atten(numtaps, w / nyq))),
        None => window,
    };
    let pz = match pass_zero {
        PassZero::True => true,
        PassZero::False => false,
        PassZero::Lowpass | PassZero::Highpass if cut.len() != 1 => {
            return Err(invalid(
                "cutoff",
                format!("cutoff must have one element for {pass_zero:?}, got {}", cut.len()),
            ));
        }
        PassZero::Bandpass | PassZero::Bandstop if cut.len() <= 1 => {
            return Err(invalid(
                "cutoff",
                format!("cutoff must have at least two elements for {pass_zero:?}, got {}", cut.len()),
            ));
        }
        PassZero::Lowpass | PassZero::Bandstop => true,
        PassZero::Highpass | PassZero::Bandpass => false,
    };
    let pass_nyquist = (cut.len() % 2 == 0) == pz;
    if pass_nyquist && numtaps % 2 == 0 {
        return Err(invalid(
            "numtaps",
            "A filter with an even number of coefficients must have zero response at the Nyquist frequency.",
        ));
    }
    let mut edges = Vec::with_capacity(cut.len() + 2);
    if pz {
        edges.push(0.0);
    }
    edges.extend(&cut);
    if pass_nyquist {
        edges.push(1.0);
    }
    let alpha = 0.5 * (numtaps as f64 - 1.0);
    let m: Vec<f64> = (0..numtaps).map(|i| i as f64 - alpha).collect();
    let mut h = vec![0.0; numtaps];
    for b in edges.chunks(2) {
        let (left, right) = (b[0], b[1]);
        for (hv, &mv) in h.iter_mut().zip(&m) {
            *hv += right * sinc(right * mv);
            *hv -= left * sinc(left * mv);
        }
    }
    let win = get_window(window, numtaps, false)?;
    h.iter_mut().zip(win.iter()).for_each(|(a, w)| *a *= w);
    if scale {
        let (left, right) = (edges[0], edges[1]);
        let f = if left == 0.0 {
            0.0
        } else if right == 1.0 {
            1.0
        } else {
            0.5 * (left + right)
        };
        let s: f64 = h.iter().zip(&m).map(|(a, mv)| a * (PI * mv * f).cos()).sum();
        h.iter_mut().for_each(|a| *a /= s);
    }
    Ok(Array1::from(h))
}

/// NumPy's `interp` for increasing `xp`.
fn interp(x: f64, xp: &[f64], fp: &[f64]) -> f64 {
    if x <= xp[0] {
        return fp[0];
    }
    let n = xp.len();
    if x >= xp[n - 1] {
        return fp[n - 1];
    }
    let j = xp.partition_point(|&v| v <= x) - 1;
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    slope * (x - xp[j]) + fp[j]
}

/// Designs an FIR filter of `numtaps` taps with the frequency sampling method: the gain
/// `gain[i]` at `freq[i]` (piecewise linear; a repeated frequency makes a step) is sampled on
/// `nfreqs` points, inverse transformed and windowed.
///
/// SciPy equivalent: `scipy.signal.firwin2(numtaps, freq, gain, nfreqs=nfreqs, window=window,
/// antisymmetric=antisymmetric, fs=fs)` (`window: None` for no window; SciPy's default is
/// `Some(Window::Hamming)`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) as SciPy: lengths differ,
/// `freq` not from 0 to `fs/2` or decreasing or with a value three times, `nfreqs <=
/// numtaps`, and non-zero gains where the filter type (I-IV) forces zeros.
///
/// # Examples
///
/// ```
/// use sci_signal::{firwin2, Window};
/// let h = firwin2(5, &[0.0, 0.5, 1.0], &[1.0, 1.0, 0.0], None, Some(Window::Hamming), false, None).unwrap();
/// assert_eq!(h.len(), 5);
/// assert!((h[0] - h[4]).abs() < 1e-15 && (h[2] - 0.75).abs() < 1e-12 && (h[1] - 0.11084404).abs() < 1e-8);
/// ```
pub fn firwin2(
    numtaps: usize,
    freq: &[f64],
    gain: &[f64],
    nfreqs: Option<usize>,
    window: Option<Window>,
    antisymmetric: bool,
    fs: Option<f64>,
) -> Result<Array1<f64>> {
    let nyq = nyquist(fs)?;
    if numtaps == 0 {
        return Err(invalid("numtaps", "numtaps must be positive"));
    }
    if freq.len() != gain.len() {
        return Err(invalid("gain", "freq and gain must be of same length."));
    }
    if let Some(nf) = nfreqs
        && numtaps >= nf
    {
        return Err(invalid(
            "nfreqs",
            format!(
                "ntaps must be less than nfreqs, but firwin2 was called with ntaps={numtaps} and nfreqs={nf}"
            ),
        ));
    }
    if freq.len() < 2 || freq[0] != 0.0 || freq[freq.len() - 1] != nyq {
        return Err(invalid("freq", "freq must start with 0 and end with fs/2."));
    }
    let d: Vec<f64> = freq.windows(2).map(|w| w[1] - w[0]).collect();
    if d.iter().any(|&v| v < 0.0 || v.is_nan()) {
        return Err(invalid("freq", "The values in freq must be nondecreasing."));
    }
    if d.windows(2).any(|w| w[0] + w[1] == 0.0) {
        return Err(invalid("freq", "A value in freq must not occur more than twice."));
    }
    if freq[1] == 0.0 {
        return Err(invalid("freq", "Value 0 must not be repeated in freq"));
    }
    if freq[freq.len() - 2] == nyq {
        return Err(invalid("freq", "Value fs/2 must not be repeated in freq"));
    }
    let ftype = match (antisymmetric, numtaps % 2 == 0) {
        (false, false) => 1,
        (false, true) => 2,
        (true, false) => 3,
        (true, true) => 4,
    };
    let (g0, gn) = (gain[0], gain[gain.len() - 1]);
    if ftype == 2 && gn != 0.0 {
        return Err(invalid("gain", "A Type II filter must have zero gain at the Nyquist frequency."));
    }
    if ftype == 3 && (g0 != 0.0 || gn != 0.0) {
        return Err(invalid(
            "gain",
            "A Type III filter must have zero gain at zero and Nyquist frequencies.",
        ));
    }
    if ftype == 4 && g0 != 0.0 {
        return Err(invalid("gain", "A Type IV filter must have zero gain at zero frequency."));
    }
    // Python's math.log(numtaps, 2) is ln(numtaps) / ln(2).
    let nfreqs = nfreqs.unwrap_or_else(|| 1 + ((numtaps as f64).ln() / 2f64.ln()).ceil().exp2() as usize);
    let mut fr = freq.to_vec();
    if d.contains(&0.0) {
        let eps = f64::EPSILON * nyq;
        for k in 0..fr.len() - 1 {
            if fr[k] == fr[k + 1] {
                fr[k] -= eps;
                fr[k + 1] += eps;
            }
        }
        if fr.windows(2).any(|w| w[1] - w[0] <= 0.0) {
            return Err(invalid(
                "freq",
                format!(
                    "freq cannot contain numbers that are too close (within eps * (fs/2): {eps}) to a repeated value"
                ),
            ));
        }
    }
    // x = linspace(0, nyq, nfreqs).
    let step = nyq / (nfreqs - 1) as f64;
    let mut spec: Vec<Complex64> = (0..nfreqs)
        .map(|i| {
            let x = if i == nfreqs - 1 { nyq } else { i as f64 * step };
            let fx = interp(x, &fr, gain);
            let mut shift = Complex64::from_polar(1.0, -(numtaps as f64 - 1.0) / 2.0 * PI * x / nyq);
            if ftype > 2 {
                shift *= Complex64::new(0.0, 1.0);
            }
            shift * fx
        })
        .collect();
    let n = 2 * (nfreqs - 1);
    let inv = RealFftPlanner::<f64>::new().plan_fft_inverse(n);
    let mut out = inv.make_output_vec();
    spec[0].im = 0.0;
    spec[nfreqs - 1].im = 0.0;
    inv.process(&mut spec, &mut out).expect("lengths match the plan");
    let wind = match window {
        Some(w) => get_window(w, numtaps, false)?.to_vec(),
        None => vec![1.0; numtaps],
    };
    let mut h: Vec<f64> = out[..numtaps].iter().zip(&wind).map(|(v, w)| v / n as f64 * w).collect();
    if ftype == 3 {
        let mid = h.len() / 2;
        h[mid] = 0.0;
    }
    Ok(Array1::from(h))
}
