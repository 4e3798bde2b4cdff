//! Chebyshev filters: `cheb1ap`, `cheb2ap`, `cheby1`, `cheby2` (SciPy's `iirfilter` with
//! `ftype='cheby1'`/`'cheby2'`).

use crate::cplx::cdiv;
use crate::design::{BType, iir_zpk};
use crate::error::{Result, invalid};
use crate::sos::zpk2sos;
use crate::zpk::{Zpk, zpk2tf};
use ndarray::{Array1, Array2};
use num_complex::Complex64;
use std::f64::consts::PI;

/// `sinh(x + iy)` as C99 `csinh` computes it.
fn csinh(x: f64, y: f64) -> Complex64 {
    Complex64::new(x.sinh() * y.cos(), x.cosh() * y.sin())
}

pub(crate) fn check_ripple(arg: &'static str, r: f64) -> Result<()> {
    if r.is_finite() && r > 0.0 {
        Ok(())
    } else {
        Err(invalid(arg, format!("ripple/attenuation in dB must be positive, got {r}")))
    }
}

/// Analog prototype of an order-`n` Chebyshev type I low-pass filter with `rp` dB of passband
/// ripple (cutoff 1 rad/s, where the gain first drops below `-rp` dB).
///
/// SciPy equivalent: `scipy.signal.cheb1ap(N, rp)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `rp` is not positive.
///
/// # Examples
///
/// ```
/// let zpk = sci_signal::cheb1ap(3, 1.0).unwrap();
/// assert_eq!((zpk.z.len(), zpk.p.len()), (0, 3));
/// assert!(zpk.p.iter().all(|p| p.re < 0.0)); // stable
/// ```
pub fn cheb1ap(n: usize, rp: f64) -> Result<Zpk> {
    check_ripple("rp", rp)?;
    if n == 0 {
        return Ok(Zpk { z: Array1::zeros(0), p: Array1::zeros(0), k: 10f64.powf(-rp / 20.0) });
    }
    let nf = n as f64;
    let eps = (10f64.powf(0.1 * rp) - 1.0).sqrt();
    let mu = 1.0 / nf * (1.0 / eps).asinh();
    let p: Vec<Complex64> = (0..n)
        .map(|i| {
            let m = -nf + 1.0 + 2.0 * i as f64;
            let theta = PI * m / (2.0 * nf);
            -csinh(mu, theta)
        })
        .collect();
    let mut k = p.iter().fold(Complex64::new(1.0, 0.0), |acc, &v| acc * -v).re;
    if n % 2 == 0 {
        k /= (1.0 + eps * eps).sqrt();
    }
    Ok(Zpk { z: Array1::zeros(0), p: Array1::from(p), k })
}

/// Analog prototype of an order-`n` Chebyshev type II low-pass filter with `rs` dB of
/// stopband attenuation (the stopband starts at 1 rad/s).
///
/// SciPy equivalent: `scipy.signal.cheb2ap(N, rs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `rs` is not positive.
///
/// # Examples
///
/// ```
/// let zpk = sci_signal::cheb2ap(4, 40.0).unwrap();
/// assert_eq!((zpk.z.len(), zpk.p.len()), (4, 4));
/// assert!(zpk.z.iter().all(|z| z.re.abs() < 1e-15)); // zeros on the imaginary axis
/// ```
pub fn cheb2ap(n: usize, rs: f64) -> Result<Zpk> {
    check_ripple("rs", rs)?;
    if n == 0 {
        return Ok(Zpk { z: Array1::zeros(0), p: Array1::zeros(0), k: 1.0 });
    }
    let nf = n as f64;
    let de = 1.0 / (10f64.powf(0.1 * rs) - 1.0).sqrt();
    let mu = (1.0 / de).asinh() / nf;
    let ms: Vec<f64> =
        (0..n).map(|i| -nf + 1.0 + 2.0 * i as f64).filter(|&m| n % 2 == 0 || m != 0.0).collect();
    let one_i = Complex64::new(0.0, 1.0);
    let z: Vec<Complex64> =
        ms.iter().map(|&m| cdiv(one_i, Complex64::new((m * PI / (2.0 * nf)).sin(), 0.0))).collect();
    let p: Vec<Complex64> = (0..n)
        .map(|i| {
            let m = -nf + 1.0 + 2.0 * i as f64;
            let theta = PI * m / (2.0 * nf);
            cdiv(Complex64::new(-1.0, 0.0), csinh(mu, theta))
        })
        .collect();
    let prod = |v: &[Complex64]| v.iter().fold(Complex64::new(1.0, 0.0), |acc, &x| acc * -x);
    let k = cdiv(prod(&p), prod(&z)).re;
    Ok(Zpk { z: Array1::from(z), p: Array1::from(p), k })
}

/// Chebyshev type I filter design (equiripple passband, `rp` dB): zeros, poles and gain.
///
/// Arguments as [`butter_zpk`](crate::butter_zpk), plus the passband ripple `rp` in dB.
///
/// SciPy equivalent: `scipy.signal.cheby1(N, rp, Wn, btype, analog, output='zpk', fs)`.
///
/// # Errors
///
/// As [`butter_zpk`](crate::butter_zpk), and when `rp` is not positive.
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby1_zpk, BType};
/// let zpk = cheby1_zpk(4, 1.0, &[0.3], BType::Lowpass, false, None).unwrap();
/// assert_eq!(zpk.p.len(), 4);
/// assert!(zpk.p.iter().all(|p| p.norm() < 1.0)); // stable digital filter
/// ```
pub fn cheby1_zpk(n: usize, rp: f64, wn: &[f64], btype: BType, analog: bool, fs: Option<f64>) -> Result<Zpk> {
    iir_zpk(cheb1ap(n, rp)?, wn, btype, analog, fs)
}

/// Chebyshev type I filter design: transfer-function coefficients `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.cheby1(N, rp, Wn, btype, analog, output='ba', fs)`.
///
/// # Errors
///
/// As [`cheby1_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby1, BType};
/// let (b, a) = cheby1(2, 1.0, &[0.5], BType::Lowpass, false, None).unwrap();
/// assert_eq!((b.len(), a.len()), (3, 3));
/// // Even order: DC gain is -rp dB.
/// let dc = b.sum() / a.sum();
/// assert!((20.0 * dc.log10() + 1.0).abs() < 1e-12);
/// ```
pub fn cheby1(
    n: usize,
    rp: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = cheby1_zpk(n, rp, wn, btype, analog, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Chebyshev type I filter design: second-order sections.
///
/// SciPy equivalent: `scipy.signal.cheby1(N, rp, Wn, btype, analog, output='sos', fs)`.
///
/// # Errors
///
/// As [`cheby1_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby1_sos, BType};
/// let sos = cheby1_sos(5, 0.5, &[0.1, 0.4], BType::Bandpass, false, None).unwrap();
/// assert_eq!(sos.shape(), &[5, 6]);
/// ```
pub fn cheby1_sos(
    n: usize,
    rp: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = cheby1_zpk(n, rp, wn, btype, analog, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}

/// Chebyshev type II filter design (equiripple stopband, `rs` dB down): zeros, poles and gain.
///
/// `wn` is where the stopband begins (the gain first reaches `-rs` dB).
///
/// SciPy equivalent: `scipy.signal.cheby2(N, rs, Wn, btype, analog, output='zpk', fs)`.
///
/// # Errors
///
/// As [`butter_zpk`](crate::butter_zpk), and when `rs` is not positive.
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby2_zpk, BType};
/// let zpk = cheby2_zpk(4, 40.0, &[0.3], BType::Lowpass, false, None).unwrap();
/// assert!(zpk.z.iter().all(|z| (z.norm() - 1.0).abs() < 1e-12)); // zeros on the unit circle
/// ```
pub fn cheby2_zpk(n: usize, rs: f64, wn: &[f64], btype: BType, analog: bool, fs: Option<f64>) -> Result<Zpk> {
    iir_zpk(cheb2ap(n, rs)?, wn, btype, analog, fs)
}

/// Chebyshev type II filter design: transfer-function coefficients `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.cheby2(N, rs, Wn, btype, analog, output='ba', fs)`.
///
/// # Errors
///
/// As [`cheby2_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby2, BType};
/// let (b, a) = cheby2(3, 30.0, &[0.4], BType::Highpass, false, None).unwrap();
/// assert_eq!((b.len(), a.len()), (4, 4));
/// ```
pub fn cheby2(
    n: usize,
    rs: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = cheby2_zpk(n, rs, wn, btype, analog, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Chebyshev type II filter design: second-order sections.
///
/// SciPy equivalent: `scipy.signal.cheby2(N, rs, Wn, btype, analog, output='sos', fs)`.
///
/// # Errors
///
/// As [`cheby2_zpk`].
///
/// # Examples
///
/// ```
/// use sci_signal::{cheby2_sos, BType};
/// let sos = cheby2_sos(6, 50.0, &[0.2, 0.3], BType::Bandstop, false, None).unwrap();
/// assert_eq!(sos.shape(), &[6, 6]);
/// ```
pub fn cheby2_sos(
    n: usize,
    rs: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = cheby2_zpk(n, rs, wn, btype, analog, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}
