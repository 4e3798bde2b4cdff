//! Bessel/Thomson filters: `besselap`, `bessel` (SciPy's `iirfilter` with
//! `ftype='bessel_phase'`, `'bessel_delay'`, `'bessel_mag'`).

use crate::cplx::{cdiv, div_r, mul_r};
use crate::design::{BType, iir_zpk};
use crate::error::{Result, SignalError, invalid};
use crate::sos::zpk2sos;
use crate::zpk::{Zpk, zpk2tf};
use ndarray::{Array1, Array2};
use num_complex::Complex64;

/// Frequency normalization of a Bessel filter, SciPy's `norm`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::BesselNorm::default(), sci_signal::BesselNorm::Phase);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BesselNorm {
    /// `'phase'` (the default, as MATLAB): the phase response reaches its midpoint at the cutoff;
    /// the magnitude asymptotes match a Butterworth filter of the same order and cutoff.
    #[default]
    Phase,
    /// `'delay'`: the passband group delay is `1 / Wn` (the "natural" Bessel polynomial).
    Delay,
    /// `'mag'`: the gain is -3 dB at the cutoff.
    Mag,
}

/// Campos and Calderon's closed-form approximations of the zeros of `y_n` (SciPy's
/// `_campos_zeros`): the starting points of the Aberth iteration.
fn campos_zeros(n: usize) -> Vec<Complex64> {
    if n == 1 {
        return vec![Complex64::new(-1.0, 0.0)];
    }
    let nf = n as f64;
    let pv = |x: f64, c: &[f64]| c.iter().rev().fold(0.0, |acc, &ci| acc * x + ci);
    let s = pv(nf, &[0.0, 0.0, 2.0, 0.0, -3.0, 1.0]);
    let b3 = pv(nf, &[16.0, -8.0]) / s;
    let b2 = pv(nf, &[-24.0, -12.0, 12.0]) / s;
    let b1 = pv(nf, &[8.0, 24.0, -12.0, -2.0]) / s;
    let b0 = pv(nf, &[0.0, -6.0, 0.0, 5.0, -1.0]) / s;
    let r = pv(nf, &[0.0, 0.0, 2.0, 1.0]);
    let a1 = pv(nf, &[-6.0, -6.0]) / r;
    let a2 = 6.0 / r;
    (1..=n)
        .map(|k| {
            let k = k as f64;
            Complex64::new(pv(k, &[0.0, a1, a2]), pv(k, &[b0, b1, b2, b3]))
        })
        .collect()
}

/// A double-double number `hi + lo` (error-free transformations), enough to evaluate the Bessel
/// polynomial near its roots to full double precision.
#[derive(Clone, Copy)]
struct Dd(f64, f64);

impl Dd {
    fn two_sum(a: f64, b: f64) -> Dd {
        let s = a + b;
        let bb = s - a;
        Dd(s, (a - (s - bb)) + (b - bb))
    }
    fn add(self, o: Dd) -> Dd {
        let s = Dd::two_sum(self.0, o.0);
        let lo = s.1 + self.1 + o.1;
        Dd::two_sum(s.0, lo)
    }
    fn mul_f(self, b: f64) -> Dd {
        let p = self.0 * b;
        let e = self.0.mul_add(b, -p);
        Dd::two_sum(p, e + self.1 * b)
    }
    fn neg(self) -> Dd {
        Dd(-self.0, -self.1)
    }
}

/// A complex double-double.
#[derive(Clone, Copy)]
struct Cdd(Dd, Dd);

impl Cdd {
    fn from(v: Complex64) -> Cdd {
        Cdd(Dd(v.re, 0.0), Dd(v.im, 0.0))
    }
    /// `self * x * c + y` for a double complex `x` and a real `c`.
    fn mul_add(self, x: Complex64, c: f64, y: Cdd) -> Cdd {
        let re = self.0.mul_f(x.re).add(self.1.mul_f(x.im).neg());
        let im = self.0.mul_f(x.im).add(self.1.mul_f(x.re));
        Cdd(re.mul_f(c).add(y.0), im.mul_f(c).add(y.1))
    }
    fn value(self) -> Complex64 {
        Complex64::new(self.0.0 + self.0.1, self.1.0 + self.1.1)
    }
}

/// `y_n(x)` (in double-double) and `y_n'(x)` by the forward recurrence
/// `y_{j+1} = (2j+1) x y_j + y_{j-1}` (the recurrence of `K_{j+1/2}(1/x)`, stable upwards).
fn eval_with_derivative(n: usize, x: Complex64) -> (Complex64, Complex64) {
    let one = Complex64::new(1.0, 0.0);
    let (mut y0, mut y1) = (Cdd::from(one), Cdd(Dd::two_sum(1.0, x.re), Dd(x.im, 0.0)));
    let (mut d0, mut d1) = (Complex64::new(0.0, 0.0), one);
    if n == 0 {
        return (one, d0);
    }
    for j in 1..n {
        let c = (2 * j + 1) as f64;
        let y2 = y1.mul_add(x, c, y0);
        let d2 = (y1.value() + x * d1) * c + d0;
        (y0, y1, d0, d1) = (y1, y2, d1, d2);
    }
    (y1.value(), d1)
}

fn not_converged() -> SignalError {
    invalid("N", "Bessel polynomial zeros failed to converge")
}

/// Zeros of the ordinary Bessel polynomial of order `n` (SciPy's `_bessel_zeros`): Aberth-Ehrlich
/// iteration from Campos-Calderon's starting points, Newton polishing, then symmetrized with the
/// conjugates.
fn bessel_zeros(n: usize) -> Result<Vec<Complex64>> {
    let mut x = campos_zeros(n);
    let mut converged = false;
    let mut last_step = f64::INFINITY;
    for _ in 0..50 {
        let alpha: Vec<Complex64> = x
            .iter()
            .map(|&xi| {
                let (f, fp) = eval_with_derivative(n, xi);
                -cdiv(f, fp)
            })
            .collect();
        let beta: Vec<Complex64> = (0..n)
            .map(|k| {
                (0..n).filter(|&j| j != k).fold(Complex64::new(0.0, 0.0), |acc, j| {
                    acc + cdiv(Complex64::new(1.0, 0.0), x[k] - x[j])
                })
            })
            .collect();
        for k in 0..n {
            x[k] += cdiv(alpha[k], Complex64::new(1.0, 0.0) + alpha[k] * beta[k]);
        }
        if x.iter().any(|v| !(v.re.is_finite() && v.im.is_finite())) {
            return Err(not_converged());
        }
        // SciPy stops at a Newton step of 1e-15; rounding in the polynomial's value can keep
        // the step just above that, so also stop once the steps no longer shrink.
        let largest = alpha.iter().map(|a| a.norm()).fold(0.0f64, f64::max);
        if largest <= 1e-15 || (largest <= 1e-11 && largest >= last_step) {
            converged = true;
            break;
        }
        last_step = largest;
    }
    if !converged {
        return Err(not_converged());
    }
    for xi in x.iter_mut() {
        let mut last = f64::INFINITY;
        for _ in 0..50 {
            let (f, fp) = eval_with_derivative(n, *xi);
            if f.re == 0.0 && f.im == 0.0 {
                break;
            }
            let step = cdiv(f, fp);
            if step.norm() >= last {
                break; // rounding level reached
            }
            *xi -= step;
            last = step.norm();
            if last <= 1e-15 {
                break;
            }
        }
    }
    let sym: Vec<Complex64> = (0..n).map(|i| (x[i] + x[n - 1 - i].conj()) / 2.0).collect();
    let sum: Complex64 = sym.iter().sum();
    if (sum + 1.0).norm() > 1e-12 {
        return Err(invalid("N", "Generated zeros are inaccurate"));
    }
    Ok(sym)
}

/// SciPy's `_norm_factor`: the frequency where the delay-normalized filter's gain is -3 dB, by
/// `optimize.newton`'s secant method from 1.5 (`tol = 1.48e-8`).
fn norm_factor(p: &[Complex64], k: f64) -> Result<f64> {
    let cutoff = |w: f64| {
        let s = Complex64::new(0.0, w);
        let den = p.iter().fold(Complex64::new(1.0, 0.0), |acc, &pi| acc * (s - pi));
        cdiv(Complex64::new(k, 0.0), den).norm() - 1.0 / std::f64::consts::SQRT_2
    };
    let tol = 1.48e-8;
    let mut p0 = 1.5;
    let mut p1 = p0 * (1.0 + 1e-4);
    p1 += if p1 >= 0.0 { 1e-4 } else { -1e-4 };
    let mut q0 = cutoff(p0);
    let mut q1 = cutoff(p1);
    if q1.abs() < q0.abs() {
        std::mem::swap(&mut p0, &mut p1);
        std::mem::swap(&mut q0, &mut q1);
    }
    for _ in 0..50 {
        if q1 == q0 {
            return Ok((p1 + p0) / 2.0);
        }
        let p = if q1.abs() > q0.abs() {
            (-q0 / q1 * p1 + p0) / (1.0 - q0 / q1)
        } else {
            (-q1 / q0 * p0 + p1) / (1.0 - q1 / q0)
        };
        if (p - p1).abs() <= tol {
            return Ok(p);
        }
        p0 = p1;
        q0 = q1;
        p1 = p;
        q1 = cutoff(p1);
    }
    Err(invalid("norm", "the -3 dB frequency search failed to converge"))
}

/// Analog prototype of an order-`n` Bessel/Thomson low-pass filter.
///
/// The poles are the reciprocals of the zeros of the Bessel polynomial `y_n`, found as SciPy does
/// (Campos-Calderon starting points, Aberth-Ehrlich iteration, Newton polishing), then scaled by
/// `norm`. There are no zeros; the gain is 1 for [`BesselNorm::Phase`].
///
/// SciPy equivalent: `scipy.signal.besselap(N, norm)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when the root finding fails
/// (very high orders, where the polynomial's coefficients overflow).
///
/// # Examples
///
/// ```
/// use sci_signal::{besselap, BesselNorm};
/// let zpk = besselap(2, BesselNorm::Delay).unwrap();
/// // s^2 + 3 s + 3: poles -1.5 +- i sqrt(3)/2, gain 3
/// assert!((zpk.p[0].re + 1.5).abs() < 1e-15);
/// assert!((zpk.p[0].im.abs() - 0.75f64.sqrt()).abs() < 1e-15);
/// assert_eq!(zpk.k, 3.0);
/// ```
pub fn besselap(n: usize, norm: BesselNorm) -> Result<Zpk> {
    if n == 0 {
        return Ok(Zpk { z: Array1::zeros(0), p: Array1::zeros(0), k: 1.0 });
    }
    let mut p: Vec<Complex64> =
        bessel_zeros(n)?.into_iter().map(|x| cdiv(Complex64::new(1.0, 0.0), x)).collect();
    // (2n)! / (2^n n!), the constant coefficient of the reverse Bessel polynomial.
    let a_last = (n + 1..=2 * n).fold(1.0, |acc, j| acc * j as f64) / 2f64.powi(n as i32);
    let k = match norm {
        BesselNorm::Delay => a_last,
        BesselNorm::Mag => {
            let f = norm_factor(&p, a_last)?;
            p = p.into_iter().map(|v| div_r(v, f)).collect();
            f.powi(-(n as i32)) * a_last
        }
        BesselNorm::Phase => {
            let scale = 10f64.powf(-a_last.log10() / n as f64);
            p = p.into_iter().map(|v| mul_r(v, scale)).collect();
            1.0
        }
    };
    Ok(Zpk { z: Array1::zeros(0), p: Array1::from(p), k })
}

/// Bessel/Thomson filter design (maximally flat group delay): zeros, poles and gain.
///
/// Arguments as [`butter_zpk`](crate::butter_zpk), plus the normalization `norm` that decides
/// what `wn` means (see [`BesselNorm`]).
///
/// SciPy equivalent: `scipy.signal.bessel(N, Wn, btype, analog, output='zpk', norm, fs)`.
///
/// # Errors
///
/// As [`butter_zpk`](crate::butter_zpk) and [`besselap`].
///
/// # Examples
///
/// ```
/// use sci_signal::{bessel_zpk, BesselNorm, BType};
/// let zpk = bessel_zpk(3, &[0.2], BType::Lowpass, false, BesselNorm::Phase, None).unwrap();
/// assert_eq!((zpk.z.len(), zpk.p.len()), (3, 3));
/// assert!(zpk.z.iter().all(|z| (z.re + 1.0).abs() < 1e-15)); // zeros at Nyquist
/// ```
pub fn bessel_zpk(
    n: usize,
    wn: &[f64],
    btype: BType,
    analog: bool,
    norm: BesselNorm,
    fs: Option<f64>,
) -> Result<Zpk> {
    iir_zpk(besselap(n, norm)?, wn, btype, analog, fs)
}

/// Bessel/Thomson filter design: transfer-function coefficients `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.bessel(N, Wn, btype, analog, output='ba', norm, fs)`.
///
/// # Errors
///
/// As [`bessel_zpk`].
///
/// # Examples
///
/// SciPy's docstring: `signal.bessel(4, 100, 'low', analog=True, norm='delay')` has a passband
/// group delay of 1/100 s, i.e. `a[3] / a[4]` (the delay of an all-pole filter at DC).
///
/// ```
/// use sci_signal::{bessel, BesselNorm, BType};
/// let (b, a) = bessel(4, &[100.0], BType::Lowpass, true, BesselNorm::Delay, None).unwrap();
/// assert!((a[3] / a[4] - 0.01).abs() < 1e-15);
/// assert!((b[0] - a[4]).abs() < 1e-6 * a[4]); // unit DC gain
/// ```
pub fn bessel(
    n: usize,
    wn: &[f64],
    btype: BType,
    analog: bool,
    norm: BesselNorm,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = bessel_zpk(n, wn, btype, analog, norm, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Bessel/Thomson filter design: second-order sections.
///
/// SciPy equivalent: `scipy.signal.bessel(N, Wn, btype, analog, output='sos', norm, fs)`.
///
/// # Errors
///
/// As [`bessel_zpk`], and as [`zpk2sos`](crate::zpk2sos).
///
/// # Examples
///
/// ```
/// use sci_signal::{bessel_sos, BesselNorm, BType};
/// let sos = bessel_sos(4, &[10.0, 20.0], BType::Bandpass, false, BesselNorm::Mag, Some(100.0)).unwrap();
/// assert_eq!(sos.shape(), &[4, 6]);
/// ```
pub fn bessel_sos(
    n: usize,
    wn: &[f64],
    btype: BType,
    analog: bool,
    norm: BesselNorm,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = bessel_zpk(n, wn, btype, analog, norm, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}
