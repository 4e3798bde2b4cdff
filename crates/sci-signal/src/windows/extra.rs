//! More windows of `scipy.signal.windows`: `barthann`, `general_hamming`, `general_gaussian`,
//! `lanczos`, `taylor`, `kaiser_bessel_derived`.

use super::{build, general_cosine, kaiser};
use crate::error::{Result, invalid};
use ndarray::{Array1, concatenate, s};
use std::f64::consts::PI;

/// The modified Bartlett-Hann window `0.62 - 0.48 |f| + 0.38 cos(2 pi f)`,
/// `f = n / (M - 1) - 1/2`.
///
/// SciPy equivalent: `scipy.signal.windows.barthann(M, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::barthann(5, true);
/// assert!(w[0].abs() < 1e-15 && (w[1] - 0.5).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn barthann(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let d = big as f64 - 1.0;
        (0..big)
            .map(|n| {
                let fac = (n as f64 / d - 0.5).abs();
                0.62 - 0.48 * fac + 0.38 * (2.0 * PI * fac).cos()
            })
            .collect()
    })
}

/// The generalized Hamming window `alpha - (1 - alpha) cos(2 pi n / (M - 1))` (`alpha = 0.5`
/// is [`hann`](super::hann), `0.54` [`hamming`](super::hamming)).
///
/// SciPy equivalent: `scipy.signal.windows.general_hamming(M, alpha, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::general_hamming(5, 0.7, true);
/// assert!((w[0] - 0.4).abs() < 1e-15 && (w[1] - 0.7).abs() < 1e-15 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn general_hamming(m: usize, alpha: f64, sym: bool) -> Array1<f64> {
    general_cosine(m, &[alpha, 1.0 - alpha], sym)
}

/// The generalized Gaussian window `exp(-1/2 |n / sig|^(2 p))`, `n` centred; `p = 1` is the
/// [`gaussian`](super::gaussian) window, `p = 0.5` the shape of the Laplace distribution.
///
/// SciPy equivalent: `scipy.signal.windows.general_gaussian(M, p, sig, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::general_gaussian(3, 1.5, 1.0, true);
/// assert!((w[0] - (-0.5_f64).exp()).abs() < 1e-15 && w[1] == 1.0);
/// ```
pub fn general_gaussian(m: usize, p: f64, sig: f64, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let c = (big as f64 - 1.0) / 2.0;
        (0..big).map(|n| (-0.5 * ((n as f64 - c) / sig).abs().powf(2.0 * p)).exp()).collect()
    })
}

/// NumPy's `sinc(x) = sin(pi x) / (pi x)`.
fn sinc(x: f64) -> f64 {
    let y = PI * if x == 0.0 { 1e-20 } else { x };
    y.sin() / y
}

/// The Lanczos (sinc) window `sinc(2 n / (M - 1) - 1)`, built symmetric from its right half as
/// SciPy does.
///
/// SciPy equivalent: `scipy.signal.windows.lanczos(M, sym)`.
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::lanczos(5, true);
/// assert!(w[0].abs() < 1e-15 && (w[1] - 2.0 / std::f64::consts::PI).abs() < 1e-15 && w[2] == 1.0);
/// ```
pub fn lanczos(m: usize, sym: bool) -> Array1<f64> {
    build(m, sym, |big| {
        let d = big as f64 - 1.0;
        let start = big.div_ceil(2); // M/2 (even) or (M+1)/2 (odd)
        let half: Vec<f64> = (start..big).map(|n| sinc(2.0 * n as f64 / d - 1.0)).collect();
        let mut w: Vec<f64> = half.iter().rev().copied().collect();
        if big % 2 == 1 {
            w.push(1.0);
        }
        w.extend_from_slice(&half);
        w
    })
}

/// The Taylor window: `nbar` nearly constant-level sidelobes next to the main lobe, `sll` dB
/// below it; `norm` scales the centre to 1 (SciPy's defaults: `nbar = 4`, `sll = 30`,
/// `norm = true`).
///
/// SciPy equivalent: `scipy.signal.windows.taylor(M, nbar, sll, norm, sym)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for `nbar == 0` (SciPy
/// fails on the negative array size it implies).
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::taylor(5, 4, 30.0, true, true).unwrap();
/// assert!((w[0] - 0.33249695).abs() < 1e-8 && (w[1] - 0.77201458).abs() < 1e-8 && (w[2] - 1.0).abs() < 1e-15);
/// ```
pub fn taylor(m: usize, nbar: usize, sll: f64, norm: bool, sym: bool) -> Result<Array1<f64>> {
    if nbar == 0 {
        return Err(invalid("nbar", "nbar must be a positive integer"));
    }
    Ok(build(m, sym, |big| {
        let b = 10f64.powf(sll / 20.0);
        let a = b.acosh() / PI;
        let a2 = a * a;
        let s2 = (nbar * nbar) as f64 / (a2 + (nbar as f64 - 0.5).powi(2));
        let ma: Vec<f64> = (1..nbar).map(|v| v as f64).collect();
        let fm: Vec<f64> = ma
            .iter()
            .enumerate()
            .map(|(mi, &mv)| {
                let m2 = mv * mv;
                let sign = if mi % 2 == 0 { 1.0 } else { -1.0 };
                let numer =
                    sign * ma.iter().map(|&k| 1.0 - m2 / s2 / (a2 + (k - 0.5).powi(2))).product::<f64>();
                let d1: f64 = ma[..mi].iter().map(|&k| 1.0 - m2 / (k * k)).product();
                let d2: f64 = ma[mi + 1..].iter().map(|&k| 1.0 - m2 / (k * k)).product();
                numer / (2.0 * d1 * d2)
            })
            .collect();
        let mf = big as f64;
        let wf = |n: f64| {
            1.0 + 2.0
                * fm.iter()
                    .zip(&ma)
                    .map(|(f, k)| f * (2.0 * PI * k * (n - mf / 2.0 + 0.5) / mf).cos())
                    .sum::<f64>()
        };
        let scale = if norm { 1.0 / wf((mf - 1.0) / 2.0) } else { 1.0 };
        (0..big).map(|n| wf(n as f64) * scale).collect()
    }))
}

/// The Kaiser-Bessel derived window of even length `m` (for the MDCT): the square root of the
/// normalized cumulative sum of a [`kaiser`] window of length `m / 2 + 1`, mirrored.
///
/// SciPy equivalent: `scipy.signal.windows.kaiser_bessel_derived(M, beta, sym)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `sym` is `false`
/// ("only defined for symmetric shapes") or `m` is odd ("only defined for even number of
/// points").
///
/// # Examples
///
/// ```
/// let w = sci_signal::windows::kaiser_bessel_derived(4, 0.0, true).unwrap();
/// // beta = 0: the Kaiser window is a boxcar, the halves are sqrt(1/3), sqrt(2/3).
/// assert!((w[0] - (1.0_f64 / 3.0).sqrt()).abs() < 1e-15 && (w[1] - (2.0_f64 / 3.0).sqrt()).abs() < 1e-15);
/// assert!(sci_signal::windows::kaiser_bessel_derived(5, 1.0, true).is_err());
/// ```
pub fn kaiser_bessel_derived(m: usize, beta: f64, sym: bool) -> Result<Array1<f64>> {
    if !sym {
        return Err(invalid("sym", "Kaiser-Bessel Derived windows are only defined for symmetric shapes"));
    }
    if m == 0 {
        return Ok(Array1::zeros(0));
    }
    if m % 2 == 1 {
        return Err(invalid("M", "Kaiser-Bessel Derived windows are only defined for even number of points"));
    }
    let k = kaiser(m / 2 + 1, beta, true);
    let mut csum = k.to_vec();
    for i in 1..csum.len() {
        csum[i] += csum[i - 1];
    }
    let total = csum[csum.len() - 1];
    let half = Array1::from_iter(csum[..m / 2].iter().map(|c| (c / total).sqrt()));
    Ok(concatenate![ndarray::Axis(0), half, half.slice(s![..;-1])])
}
