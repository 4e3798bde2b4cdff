//! Analog frequency response (`freqs`, `freqs_zpk`, with SciPy's `findfreqs`) and the group
//! delay of a digital filter (`group_delay`).

use crate::cplx::cdiv;
use crate::error::{Result, invalid};
use crate::freqz::WorN;
use crate::roots::roots;
use ndarray::{Array1, ArrayBase, Data, Ix1};
use num_complex::Complex64;
use std::f64::consts::PI;

/// `numpy.logspace(start, stop, n)` (base 10, endpoint included).
fn logspace(start: f64, stop: f64, n: usize) -> Vec<f64> {
    let div = n.saturating_sub(1);
    let delta = stop - start;
    let mut y: Vec<f64> = (0..n)
        .map(|i| {
            let i = i as f64;
            if div == 0 {
                i * delta + start
            } else if delta / div as f64 == 0.0 {
                i / div as f64 * delta + start
            } else {
                i * (delta / div as f64) + start
            }
        })
        .collect();
    if n > 1 {
        y[n - 1] = stop;
    }
    y.into_iter().map(|v| 10f64.powf(v)).collect()
}

/// SciPy's `findfreqs`: `n` log-spaced frequencies covering the interesting part of the response
/// of a system with poles `ep` and zeros `tz` (a decade around their extremes).
fn findfreqs(tz: &[Complex64], ep: &[Complex64], n: usize) -> Vec<f64> {
    let mut ez: Vec<Complex64> = if ep.is_empty() {
        vec![Complex64::new(-1000.0, 0.0)]
    } else {
        ep.iter().filter(|v| v.im >= 0.0).copied().collect()
    };
    ez.extend(tz.iter().filter(|v| v.norm() < 1e5 && v.im >= 0.0));
    let integ = |v: &Complex64| if v.norm() < 1e-10 { 1.0 } else { 0.0 };
    let hi = ez.iter().map(|v| 3.0 * (v.re + integ(v)).abs() + 1.5 * v.im).fold(f64::NEG_INFINITY, f64::max);
    let lo = ez.iter().map(|v| 0.1 * ((v.re + integ(v)).abs() + 2.0 * v.im)).fold(f64::INFINITY, f64::min);
    let hfreq = (hi.log10() + 0.5).round_ties_even();
    let lfreq = (lo.log10() - 0.5).round_ties_even();
    logspace(lfreq, hfreq, n)
}

/// `numpy.polyval`: `p[0] x^N + ... + p[N]` by Horner's rule from a zero start.
fn polyval(p: &[f64], x: Complex64) -> Complex64 {
    p.iter().fold(Complex64::new(0.0, 0.0), |y, &c| y * x + c)
}

fn check_coefficients(b: &[f64], a: &[f64]) -> Result<()> {
    if b.is_empty() {
        return Err(invalid("b", "coefficients must be non-empty"));
    }
    if a.is_empty() {
        return Err(invalid("a", "coefficients must be non-empty"));
    }
    Ok(())
}

/// Frequency response `H(jw) = B(jw) / A(jw)` of an analog filter `b / a` (highest power first).
///
/// With [`WorN::N`] the `N` angular frequencies are chosen as SciPy's `findfreqs` does: log-spaced
/// over a decade beyond the poles and zeros (the roots of `a` and `b`). [`WorN::Freqs`] gives the
/// angular frequencies (rad/s) directly. Returns the frequencies and the complex response.
///
/// SciPy equivalent: `scipy.signal.freqs(b, a, worN)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `b` or `a` is empty;
/// [`SignalError::Singular`](crate::SignalError::Singular) if the roots cannot be found.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_signal::{freqs, WorN};
/// // H(s) = 1 / (s + 1): -3 dB and -45 degrees at 1 rad/s.
/// let (w, h) = freqs(&array![1.0], &array![1.0, 1.0], WorN::Freqs(vec![1.0])).unwrap();
/// assert_eq!(w[0], 1.0);
/// assert!((h[0].norm() - 0.5f64.sqrt()).abs() < 1e-15);
/// assert!((h[0].arg() + std::f64::consts::FRAC_PI_4).abs() < 1e-15);
/// let (w, _) = freqs(&array![1.0], &array![1.0, 1.0], WorN::N(200)).unwrap();
/// assert_eq!((w[0], w[199]), (0.01, 10.0)); // a decade below and above the pole
/// ```
pub fn freqs<Sb, Sa>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    worn: WorN,
) -> Result<(Array1<f64>, Array1<Complex64>)>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_coefficients(&b, &a)?;
    let w = match worn {
        WorN::N(n) => {
            let r = |p: &[f64]| if p.len() < 2 { Ok(Vec::new()) } else { roots(p) };
            findfreqs(&r(&b)?, &r(&a)?, n)
        }
        WorN::Freqs(f) => f,
    };
    let h = w
        .iter()
        .map(|&wi| {
            let s = Complex64::new(0.0, wi);
            cdiv(polyval(&b, s), polyval(&a, s))
        })
        .collect();
    Ok((Array1::from(w), Array1::from_vec(h)))
}

/// Frequency response `H(jw) = k prod(jw - z) / prod(jw - p)` of an analog filter given as
/// zeros, poles and gain.
///
/// [`WorN::N`] chooses the frequencies from the zeros and poles as SciPy's `findfreqs` does;
/// [`WorN::Freqs`] gives them (rad/s).
///
/// SciPy equivalent: `scipy.signal.freqs_zpk(z, p, k, worN)`.
///
/// # Errors
///
/// None for now (the `Result` keeps the signature uniform with [`freqs`]).
///
/// # Examples
///
/// ```
/// use sci_signal::{buttap, freqs_zpk, WorN};
/// let b = buttap(4);
/// let (_, h) = freqs_zpk(&b.z, &b.p, b.k, WorN::Freqs(vec![0.0, 1.0])).unwrap();
/// assert!((h[0].norm() - 1.0).abs() < 1e-15);
/// assert!((h[1].norm() - 0.5f64.sqrt()).abs() < 1e-15); // -3 dB at the cutoff
/// ```
pub fn freqs_zpk(
    z: &Array1<Complex64>,
    p: &Array1<Complex64>,
    k: f64,
    worn: WorN,
) -> Result<(Array1<f64>, Array1<Complex64>)> {
    let (zs, ps) = (z.to_vec(), p.to_vec());
    let w = match worn {
        WorN::N(n) => findfreqs(&zs, &ps, n),
        WorN::Freqs(f) => f,
    };
    let prod =
        |s: Complex64, r: &[Complex64]| r.iter().fold(Complex64::new(1.0, 0.0), |acc, &ri| acc * (s - ri));
    let h = w
        .iter()
        .map(|&wi| {
            let s = Complex64::new(0.0, wi);
            cdiv(prod(s, &zs) * Complex64::new(k, 0.0), prod(s, &ps))
        })
        .collect();
    Ok((Array1::from(w), Array1::from_vec(h)))
}

/// Group delay `-d arg H(e^{jw}) / dw` of the digital filter `b / a`, in samples.
///
/// [`WorN::N`] evaluates at `N` frequencies equally spaced on `[0, pi)` (`[0, 2 pi)` with
/// `whole`); [`WorN::Freqs`] at the given frequencies in the units of `fs` (default `2 pi`:
/// rad/sample). Computed as SciPy does from `c = b * reversed(a)` (Smith's method); where the
/// delay is singular (a zero or pole on the unit circle) it is set to 0, as SciPy does (SciPy
/// also warns).
///
/// SciPy equivalent: `scipy.signal.group_delay((b, a), w, whole, fs)`.
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
/// use sci_signal::{group_delay, WorN};
/// // A 5-tap symmetric FIR filter delays every frequency by 2 samples.
/// let b = array![1.0, 2.0, 3.0, 2.0, 1.0];
/// let (w, gd) = group_delay(&b, &array![1.0], WorN::N(8), false, 2.0 * std::f64::consts::PI).unwrap();
/// assert!((w[4] - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
/// assert!(gd.iter().all(|&d| (d - 2.0).abs() < 1e-12));
/// ```
pub fn group_delay<Sb, Sa>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    w: WorN,
    whole: bool,
    fs: f64,
) -> Result<(Array1<f64>, Array1<f64>)>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_coefficients(&b, &a)?;
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
    }
    let w: Vec<f64> = match w {
        WorN::N(n) => {
            let last = if whole { 2.0 * PI } else { PI };
            let step = last / n as f64;
            (0..n).map(|i| i as f64 * step).collect()
        }
        WorN::Freqs(f) => f.iter().map(|&v| 2.0 * PI * v / fs).collect(),
    };
    // c = convolve(b, a[::-1]), then its coefficients weighted by their index.
    let arev: Vec<f64> = a.iter().rev().copied().collect();
    let mut c = vec![0.0; b.len() + a.len() - 1];
    for (i, &bi) in b.iter().enumerate() {
        for (j, &aj) in arev.iter().enumerate() {
            c[i + j] += bi * aj;
        }
    }
    let cr: Vec<f64> = c.iter().enumerate().map(|(i, &v)| v * i as f64).collect();
    let (crev, crrev): (Vec<f64>, Vec<f64>) =
        (c.iter().rev().copied().collect(), cr.iter().rev().copied().collect());
    let shift = a.len() as f64 - 1.0;
    let gd = w
        .iter()
        .map(|&wi| {
            let z = Complex64::new(wi.cos(), -wi.sin());
            let g = cdiv(polyval(&crrev, z), polyval(&crev, z)).re - shift;
            if g.is_finite() { g } else { 0.0 }
        })
        .collect();
    let scale = fs / (2.0 * PI);
    Ok((Array1::from_iter(w.into_iter().map(|v| v * scale)), Array1::from_vec(gd)))
}
