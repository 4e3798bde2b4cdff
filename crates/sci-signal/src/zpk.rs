//! Zeros-poles-gain representation and the analog prototype transforms:
//! `buttap`, `lp2lp_zpk`, `lp2hp_zpk`, `lp2bp_zpk`, `lp2bs_zpk`, `bilinear_zpk`, `zpk2tf`.
//!
//! Each step follows SciPy's `_filter_design.py` operation by operation, so designed filters
//! agree with SciPy to rounding.

use crate::cplx::{cdiv, cprod, csqrt, div_r, mul_r};
use crate::error::{Result, invalid};
use ndarray::Array1;
use num_complex::Complex64;
use std::f64::consts::PI;

/// A system as zeros, poles and a gain: `H(s) = k * prod(s - z) / prod(s - p)`.
///
/// # Examples
///
/// ```
/// let zpk = sci_signal::buttap(2);
/// assert_eq!(zpk.z.len(), 0);
/// assert_eq!(zpk.p.len(), 2);
/// assert_eq!(zpk.k, 1.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Zpk {
    /// Zeros.
    pub z: Array1<Complex64>,
    /// Poles.
    pub p: Array1<Complex64>,
    /// Gain.
    pub k: f64,
}

fn relative_degree(z: &[Complex64], p: &[Complex64]) -> Result<usize> {
    p.len()
        .checked_sub(z.len())
        .ok_or_else(|| invalid("z", "Improper transfer function. Must have at least as many poles as zeros."))
}

fn as_slice(a: &Array1<Complex64>) -> Vec<Complex64> {
    a.to_vec()
}

/// Analog prototype of an order-`n` Butterworth low-pass filter (cutoff 1 rad/s).
///
/// Poles `-exp(i pi m / (2n))` for `m = -n+1, -n+3, ..., n-1`, no zeros, gain 1.
///
/// SciPy equivalent: `scipy.signal.buttap(N)`.
///
/// # Examples
///
/// ```
/// let zpk = sci_signal::buttap(3);
/// assert!((zpk.p[1].re + 1.0).abs() < 1e-15 && zpk.p[1].im == 0.0);
/// assert!((zpk.p[0].re + 0.5).abs() < 1e-15 && (zpk.p[0].im - 0.75f64.sqrt()).abs() < 1e-15);
/// ```
pub fn buttap(n: usize) -> Zpk {
    let nf = n as f64;
    let p = Array1::from_shape_fn(n, |i| {
        let m = -(nf) + 1.0 + 2.0 * i as f64;
        // NumPy evaluates `1j * pi * m / (2 * N)` as a complex product, then a complex division
        // by `2N`, which multiplies by `1 / (2N)`.
        let theta = (PI * m) * (1.0 / (2.0 * nf));
        -Complex64::new(theta.cos(), theta.sin())
    });
    Zpk { z: Array1::zeros(0), p, k: 1.0 }
}

/// Moves a low-pass prototype's cutoff from 1 to `wo` rad/s.
///
/// SciPy equivalent: `scipy.signal.lp2lp_zpk(z, p, k, wo)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when there are more zeros
/// than poles.
///
/// # Examples
///
/// ```
/// let b = sci_signal::buttap(2);
/// let s = sci_signal::lp2lp_zpk(&b.z, &b.p, b.k, 10.0).unwrap();
/// assert!((s.k - 100.0).abs() < 1e-12);
/// assert!((s.p[0].norm() - 10.0).abs() < 1e-12);
/// ```
pub fn lp2lp_zpk(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64, wo: f64) -> Result<Zpk> {
    let degree = relative_degree(&as_slice(z), &as_slice(p))?;
    Ok(Zpk { z: z.mapv(|v| mul_r(v, wo)), p: p.mapv(|v| mul_r(v, wo)), k: k * wo.powf(degree as f64) })
}

/// Turns a low-pass prototype into a high-pass filter with cutoff `wo` rad/s.
///
/// SciPy equivalent: `scipy.signal.lp2hp_zpk(z, p, k, wo)`.
///
/// # Errors
///
/// As [`lp2lp_zpk`].
///
/// # Examples
///
/// ```
/// let b = sci_signal::buttap(2);
/// let s = sci_signal::lp2hp_zpk(&b.z, &b.p, b.k, 3.0).unwrap();
/// assert_eq!(s.z.len(), 2); // two zeros at s = 0
/// assert!(s.z.iter().all(|z| z.norm() == 0.0));
/// assert!((s.k - 1.0).abs() < 1e-15);
/// ```
pub fn lp2hp_zpk(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64, wo: f64) -> Result<Zpk> {
    let (zs, ps) = (as_slice(z), as_slice(p));
    let degree = relative_degree(&zs, &ps)?;
    let w = Complex64::new(wo, 0.0);
    let mut zh: Vec<Complex64> = zs.iter().map(|&v| cdiv(w, v)).collect();
    zh.extend(std::iter::repeat_n(Complex64::new(0.0, 0.0), degree));
    let ph: Vec<Complex64> = ps.iter().map(|&v| cdiv(w, v)).collect();
    let neg = |v: &[Complex64]| v.iter().map(|&x| -x).collect::<Vec<_>>();
    let kh = k * cdiv(cprod(&neg(&zs)), cprod(&neg(&ps))).re;
    Ok(Zpk { z: Array1::from(zh), p: Array1::from(ph), k: kh })
}

/// `x ± sqrt(x^2 - wo^2)` for every `x`, all `+` roots first (as SciPy concatenates them).
fn split_roots(v: &[Complex64], wo: f64) -> Vec<Complex64> {
    let r: Vec<Complex64> = v.iter().map(|&x| csqrt(x * x - wo * wo)).collect();
    let mut out: Vec<Complex64> = v.iter().zip(&r).map(|(&x, &s)| x + s).collect();
    out.extend(v.iter().zip(&r).map(|(&x, &s)| x - s));
    out
}

/// Turns a low-pass prototype into a band-pass filter centred on `wo` with bandwidth `bw` (rad/s).
///
/// SciPy equivalent: `scipy.signal.lp2bp_zpk(z, p, k, wo, bw)`.
///
/// # Errors
///
/// As [`lp2lp_zpk`].
///
/// # Examples
///
/// ```
/// let b = sci_signal::buttap(1);
/// let s = sci_signal::lp2bp_zpk(&b.z, &b.p, b.k, 1.0, 0.5).unwrap();
/// assert_eq!((s.z.len(), s.p.len()), (1, 2));
/// assert!((s.k - 0.5).abs() < 1e-15);
/// ```
pub fn lp2bp_zpk(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64, wo: f64, bw: f64) -> Result<Zpk> {
    let (zs, ps) = (as_slice(z), as_slice(p));
    let degree = relative_degree(&zs, &ps)?;
    let zl: Vec<Complex64> = zs.iter().map(|&v| div_r(mul_r(v, bw), 2.0)).collect();
    let pl: Vec<Complex64> = ps.iter().map(|&v| div_r(mul_r(v, bw), 2.0)).collect();
    let mut zb = split_roots(&zl, wo);
    zb.extend(std::iter::repeat_n(Complex64::new(0.0, 0.0), degree));
    let pb = split_roots(&pl, wo);
    Ok(Zpk { z: Array1::from(zb), p: Array1::from(pb), k: k * bw.powf(degree as f64) })
}

/// Turns a low-pass prototype into a band-stop filter centred on `wo` with bandwidth `bw` (rad/s).
///
/// SciPy equivalent: `scipy.signal.lp2bs_zpk(z, p, k, wo, bw)`.
///
/// # Errors
///
/// As [`lp2lp_zpk`].
///
/// # Examples
///
/// ```
/// let b = sci_signal::buttap(1);
/// let s = sci_signal::lp2bs_zpk(&b.z, &b.p, b.k, 2.0, 0.5).unwrap();
/// // zeros at +-i*wo
/// assert!((s.z[0].im - 2.0).abs() < 1e-15 && (s.z[1].im + 2.0).abs() < 1e-15);
/// ```
pub fn lp2bs_zpk(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64, wo: f64, bw: f64) -> Result<Zpk> {
    let (zs, ps) = (as_slice(z), as_slice(p));
    let degree = relative_degree(&zs, &ps)?;
    let half = Complex64::new(bw / 2.0, 0.0);
    let zh: Vec<Complex64> = zs.iter().map(|&v| cdiv(half, v)).collect();
    let ph: Vec<Complex64> = ps.iter().map(|&v| cdiv(half, v)).collect();
    let mut zb = split_roots(&zh, wo);
    zb.extend(std::iter::repeat_n(Complex64::new(0.0, wo), degree));
    zb.extend(std::iter::repeat_n(Complex64::new(0.0, -wo), degree));
    let pb = split_roots(&ph, wo);
    let neg = |v: &[Complex64]| v.iter().map(|&x| -x).collect::<Vec<_>>();
    let kb = k * cdiv(cprod(&neg(&zs)), cprod(&neg(&ps))).re;
    Ok(Zpk { z: Array1::from(zb), p: Array1::from(pb), k: kb })
}

/// Bilinear transform of an analog zpk system to a digital one at sampling frequency `fs`.
///
/// `z -> (2 fs + z) / (2 fs - z)`, with the missing zeros placed at `-1` (Nyquist).
///
/// SciPy equivalent: `scipy.signal.bilinear_zpk(z, p, k, fs)`.
///
/// # Errors
///
/// As [`lp2lp_zpk`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// let d = sci_signal::bilinear_zpk(&array![], &array![Complex64::new(-1.0, 0.0)], 1.0, 2.0).unwrap();
/// assert!((d.p[0].re - 0.6).abs() < 1e-15 && (d.z[0].re + 1.0).abs() < 1e-15);
/// assert!((d.k - 0.2).abs() < 1e-15);
/// ```
pub fn bilinear_zpk(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64, fs: f64) -> Result<Zpk> {
    let (zs, ps) = (as_slice(z), as_slice(p));
    let degree = relative_degree(&zs, &ps)?;
    let fs2 = Complex64::new(2.0 * fs, 0.0);
    let mut zz: Vec<Complex64> = zs.iter().map(|&v| cdiv(fs2 + v, fs2 - v)).collect();
    zz.extend(std::iter::repeat_n(Complex64::new(-1.0, 0.0), degree));
    let pz: Vec<Complex64> = ps.iter().map(|&v| cdiv(fs2 + v, fs2 - v)).collect();
    let num: Vec<Complex64> = zs.iter().map(|&v| fs2 - v).collect();
    let den: Vec<Complex64> = ps.iter().map(|&v| fs2 - v).collect();
    let kz = k * cdiv(cprod(&num), cprod(&den)).re;
    Ok(Zpk { z: Array1::from(zz), p: Array1::from(pz), k: kz })
}

/// Monic polynomial with the given roots, highest power first (`numpy.poly`), in complex.
pub(crate) fn poly_complex(roots: &[Complex64]) -> Vec<Complex64> {
    let mut a = vec![Complex64::new(1.0, 0.0)];
    for &r in roots {
        let m = -r;
        let mut next = Vec::with_capacity(a.len() + 1);
        next.push(a[0]);
        for i in 1..a.len() {
            next.push(a[i] + a[i - 1] * m);
        }
        next.push(a[a.len() - 1] * m);
        a = next;
    }
    a
}

/// `numpy.poly` for roots that come in conjugate pairs: the real coefficients.
pub(crate) fn poly_real(roots: &[Complex64], arg: &'static str) -> Result<Vec<f64>> {
    let c = poly_complex(roots);
    let mut im: Vec<f64> = roots.iter().map(|r| r.im).collect();
    let mut neg: Vec<f64> = roots.iter().map(|r| -r.im).collect();
    im.sort_by(f64::total_cmp);
    neg.sort_by(f64::total_cmp);
    let paired = im.iter().zip(&neg).all(|(a, b)| a == b);
    if !paired {
        let scale = c.iter().map(|v| v.norm()).fold(0.0, f64::max);
        if c.iter().any(|v| v.im.abs() > 1e-10 * scale) {
            return Err(invalid(arg, "complex roots must come in conjugate pairs for a real polynomial"));
        }
    }
    Ok(c.iter().map(|v| v.re).collect())
}

/// Transfer-function (numerator `b`, denominator `a`) coefficients from zeros, poles and gain.
///
/// Coefficients are highest power first. Zeros and poles must come in conjugate pairs (the
/// coefficients are real).
///
/// SciPy equivalent: `scipy.signal.zpk2tf(z, p, k)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when the zeros or poles are
/// not conjugate-symmetric (SciPy would return complex coefficients).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// let z = array![Complex64::new(-1.0, 0.0)];
/// let p = array![Complex64::new(0.5, 0.5), Complex64::new(0.5, -0.5)];
/// let (b, a) = sci_signal::zpk2tf(&z, &p, 2.0).unwrap();
/// assert_eq!(b.to_vec(), vec![2.0, 2.0]);
/// assert_eq!(a.to_vec(), vec![1.0, -1.0, 0.5]);
/// ```
pub fn zpk2tf(z: &Array1<Complex64>, p: &Array1<Complex64>, k: f64) -> Result<(Array1<f64>, Array1<f64>)> {
    let b = poly_real(&as_slice(z), "z")?;
    let a = poly_real(&as_slice(p), "p")?;
    Ok((Array1::from_iter(b.into_iter().map(|v| k * v)), Array1::from(a)))
}
