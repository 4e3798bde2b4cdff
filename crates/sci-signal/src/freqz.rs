//! `freqz`: frequency response of a digital filter.

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};
use num_complex::Complex64;
use realfft::RealFftPlanner;
use std::f64::consts::PI;

/// Where [`freqz`] evaluates the response, SciPy's `worN`.
#[derive(Debug, Clone, PartialEq)]
pub enum WorN {
    /// `N` equally spaced frequencies on `[0, pi)` (or `[0, 2 pi)` with `whole`).
    N(usize),
    /// These frequencies, in the units of `fs`.
    Freqs(Vec<f64>),
}

/// Options of [`freqz`], with SciPy's defaults (`worN=512`, `whole=False`, `fs=2*pi`,
/// `include_nyquist=False`).
///
/// # Examples
///
/// ```
/// let o = sci_signal::FreqzOptions::default();
/// assert_eq!(o.worn, sci_signal::WorN::N(512));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FreqzOptions {
    /// The frequencies to evaluate.
    pub worn: WorN,
    /// Cover the whole unit circle `[0, fs)` instead of `[0, fs/2)`.
    pub whole: bool,
    /// Sampling frequency (default `2 pi`: frequencies in rad/sample).
    pub fs: f64,
    /// With `whole = false`, include `fs/2` as the last frequency.
    pub include_nyquist: bool,
}

impl Default for FreqzOptions {
    fn default() -> Self {
        FreqzOptions { worn: WorN::N(512), whole: false, fs: 2.0 * PI, include_nyquist: false }
    }
}

/// `c[0] + c[1] x + c[2] x^2 + ...` by Horner's rule (NumPy's `polyval` order).
fn polyval(x: Complex64, c: &[f64]) -> Complex64 {
    let mut acc = Complex64::new(c[c.len() - 1], 0.0);
    for &ci in c.iter().rev().skip(1) {
        acc = acc * x + ci;
    }
    acc
}

/// Frequency response `H(e^{jw}) = B(e^{-jw}) / A(e^{-jw})` of the digital filter `b / a`.
///
/// Returns the frequencies (in the units of `fs`) and the complex response. For an FIR filter
/// (`a` of length 1) on `N` points the response comes from one real FFT, as in SciPy.
///
/// SciPy equivalent: `scipy.signal.freqz(b, a, worN, whole, fs=fs, include_nyquist)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `b` or `a` is empty or
/// `fs` is not positive.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{freqz, FreqzOptions, WorN};
/// let opts = FreqzOptions { worn: WorN::N(4), ..FreqzOptions::default() };
/// let (w, h) = freqz(&array![0.5, 0.5], &array![1.0], opts).unwrap();
/// assert!((w[2] - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
/// assert!((h[0].re - 1.0).abs() < 1e-15);
/// assert!((h[2].norm() - 0.5f64.sqrt()).abs() < 1e-15);
/// ```
pub fn freqz<Sb, Sa>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    opts: FreqzOptions,
) -> Result<(Array1<f64>, Array1<Complex64>)>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    if b.is_empty() || a.is_empty() {
        return Err(invalid(if b.is_empty() { "b" } else { "a" }, "coefficients must be non-empty"));
    }
    if !(opts.fs.is_finite() && opts.fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {}", opts.fs)));
    }
    let (b, a) = (b.to_vec(), a.to_vec());
    let fs = opts.fs;
    let (w, h) = match opts.worn {
        WorN::N(n) => {
            let last = if opts.whole { 2.0 * PI } else { PI };
            let endpoint = opts.include_nyquist && !opts.whole;
            let div = if endpoint { n.saturating_sub(1) } else { n };
            let step = if div > 0 { last / div as f64 } else { 0.0 };
            let mut w: Vec<f64> = (0..n).map(|i| i as f64 * step).collect();
            if endpoint && n > 1 {
                w[n - 1] = last;
            }
            let n_fft = if opts.whole {
                n
            } else if opts.include_nyquist {
                2 * n.saturating_sub(1)
            } else {
                2 * n
            };
            let h = if a.len() == 1 && n_fft >= b.len() && n_fft > 0 {
                let plan = RealFftPlanner::<f64>::new().plan_fft_forward(n_fft);
                let mut inb = vec![0.0; n_fft];
                inb[..b.len()].copy_from_slice(&b);
                let mut spec = plan.make_output_vec();
                plan.process(&mut inb, &mut spec).expect("lengths match the plan");
                let a0 = Complex64::new(a[0], 0.0);
                let mut h: Vec<Complex64> = spec.iter().take(n).map(|v| v / a0).collect();
                if opts.whole {
                    let stop = if n_fft % 2 == 1 { h.len() } else { h.len() - 1 };
                    let tail: Vec<Complex64> = h[1..stop].iter().rev().map(|v| v.conj()).collect();
                    h.extend(tail);
                }
                h
            } else {
                w.iter()
                    .map(|&wi| {
                        let zm1 = Complex64::new(wi.cos(), -wi.sin());
                        polyval(zm1, &b) / polyval(zm1, &a)
                    })
                    .collect()
            };
            (w, h)
        }
        WorN::Freqs(f) => {
            let w: Vec<f64> = f.iter().map(|&v| 2.0 * PI * v / fs).collect();
            let h = w
                .iter()
                .map(|&wi| {
                    let zm1 = Complex64::new(wi.cos(), -wi.sin());
                    polyval(zm1, &b) / polyval(zm1, &a)
                })
                .collect();
            (w, h)
        }
    };
    let scale = fs / (2.0 * PI);
    Ok((Array1::from_iter(w.into_iter().map(|v| v * scale)), Array1::from(h)))
}

fn unit_circle(worn: &WorN, whole: bool, fs: f64) -> Vec<f64> {
    match worn {
        WorN::N(n) => {
            let last = if whole { 2.0 * PI } else { PI };
            let step = if *n > 0 { last / *n as f64 } else { 0.0 };
            (0..*n).map(|i| i as f64 * step).collect()
        }
        WorN::Freqs(f) => f.iter().map(|&v| 2.0 * PI * v / fs).collect(),
    }
}

/// Frequency response of a digital filter given as zeros, poles and gain.
///
/// `H = k * prod(e^{jw} - z) / prod(e^{jw} - p)`; `include_nyquist` is not used (as in SciPy).
///
/// SciPy equivalent: `scipy.signal.freqz_zpk(z, p, k, worN, whole, fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `fs` is not positive.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// use sci_signal::{freqz_zpk, FreqzOptions, WorN};
/// let z = array![Complex64::new(-1.0, 0.0)];
/// let opts = FreqzOptions { worn: WorN::N(2), ..FreqzOptions::default() };
/// let (_, h) = freqz_zpk(&z, &array![], 0.5, opts).unwrap();
/// assert!((h[0].re - 1.0).abs() < 1e-15); // DC gain 0.5 * (1 + 1)
/// ```
pub fn freqz_zpk(
    z: &Array1<Complex64>,
    p: &Array1<Complex64>,
    k: f64,
    opts: FreqzOptions,
) -> Result<(Array1<f64>, Array1<Complex64>)> {
    if !(opts.fs.is_finite() && opts.fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {}", opts.fs)));
    }
    let w = unit_circle(&opts.worn, opts.whole, opts.fs);
    let h: Vec<Complex64> = w
        .iter()
        .map(|&wi| {
            let e = Complex64::new(wi.cos(), wi.sin());
            let num = z.iter().fold(Complex64::new(1.0, 0.0), |acc, &r| acc * (e - r));
            let den = p.iter().fold(Complex64::new(1.0, 0.0), |acc, &r| acc * (e - r));
            num * k / den
        })
        .collect();
    let scale = opts.fs / (2.0 * PI);
    Ok((Array1::from_iter(w.into_iter().map(|v| v * scale)), Array1::from(h)))
}

/// Frequency response of a cascade of second-order sections: the product of the sections'
/// [`freqz`] responses.
///
/// SciPy equivalent: `scipy.signal.sosfreqz(sos, worN, whole, fs)` (`freqz_sos` in newer SciPy).
///
/// # Errors
///
/// As [`freqz`], and [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for a
/// malformed `sos`.
///
/// # Examples
///
/// ```
/// use sci_signal::{butter_sos, sosfreqz, BType, FreqzOptions, WorN};
/// let sos = butter_sos(4, &[0.5], BType::Lowpass, false, None).unwrap();
/// let (_, h) = sosfreqz(&sos, FreqzOptions { worn: WorN::N(2), ..FreqzOptions::default() }).unwrap();
/// assert!((h[0].norm() - 1.0).abs() < 1e-12); // unit DC gain
/// assert!((h[1].norm() - 0.5f64.sqrt()).abs() < 1e-12); // -3 dB at the cutoff
/// ```
pub fn sosfreqz<S: Data<Elem = f64>>(
    sos: &ArrayBase<S, ndarray::Ix2>,
    opts: FreqzOptions,
) -> Result<(Array1<f64>, Array1<Complex64>)> {
    let s = crate::sosfilt::validate_sos(sos)?;
    let mut out: Option<(Array1<f64>, Array1<Complex64>)> = None;
    for row in &s {
        let (w, h) = freqz(&Array1::from(row[..3].to_vec()), &Array1::from(row[3..].to_vec()), opts.clone())?;
        out = Some(match out {
            None => (w, h),
            Some((w0, h0)) => (w0, h0 * h),
        });
    }
    Ok(out.expect("validate_sos guarantees one section"))
}
