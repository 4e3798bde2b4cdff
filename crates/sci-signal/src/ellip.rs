//! Elliptic (Cauer) filters: `ellipap`, `ellip` (SciPy's `iirfilter` with `ftype='ellip'`).

use crate::cheby::check_ripple;
use crate::cplx::{cdiv, cprod};
use crate::design::{BType, iir_zpk};
use crate::elliptic::{arc_jac_sc1, ellipdeg, ellipj, ellipk, pow10m1};
use crate::error::{Result, invalid};
use crate::sos::zpk2sos;
use crate::zpk::{Zpk, zpk2tf};
use ndarray::{Array1, Array2};
use num_complex::Complex64;

/// SciPy's `EPSILON` in `_filter_design.py`: the threshold for a zero `sn` and a real pole.
const EPSILON: f64 = 2e-16;

/// Analog prototype of an order-`n` elliptic low-pass filter with `rp` dB of passband ripple
/// and a stopband `rs` dB down (cutoff 1 rad/s, where the gain first drops below `-rp` dB).
///
/// Zeros and poles come from the Jacobi elliptic functions at the modulus that solves the degree
/// equation (Orfanidis' nome series), as in SciPy.
///
/// SciPy equivalent: `scipy.signal.ellipap(N, rp, rs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `rp` or `rs` is not
/// positive, or when `rp` and `rs` admit no filter (SciPy: "Cannot design a filter with given rp
/// and rs specifications.").
///
/// # Examples
///
/// ```
/// let zpk = sci_signal::ellipap(4, 1.0, 40.0).unwrap();
/// assert_eq!((zpk.z.len(), zpk.p.len()), (4, 4));
/// assert!(zpk.p.iter().all(|p| p.re < 0.0)); // stable
/// assert!((zpk.k - 0.01).abs() < 1e-3); // even order: gain at infinity = stopband level
/// ```
pub fn ellipap(n: usize, rp: f64, rs: f64) -> Result<Zpk> {
    check_ripple("rp", rp)?;
    check_ripple("rs", rs)?;
    let empty = || Array1::<Complex64>::zeros(0);
    if n == 0 {
        return Ok(Zpk { z: empty(), p: empty(), k: 10f64.powf(-rp / 20.0) });
    }
    if n == 1 {
        let p = -(1.0 / pow10m1(0.1 * rp)).sqrt();
        return Ok(Zpk { z: empty(), p: Array1::from(vec![Complex64::new(p, 0.0)]), k: -p });
    }
    let nf = n as f64;
    let eps_sq = pow10m1(0.1 * rp);
    let eps = eps_sq.sqrt();
    let ck1_sq = eps_sq / pow10m1(0.1 * rs);
    if ck1_sq == 0.0 {
        return Err(invalid("rs", "Cannot design a filter with given rp and rs specifications."));
    }
    let val0 = ellipk(ck1_sq);
    let m = ellipdeg(n, ck1_sq);
    let capk = ellipk(m);
    let scd: Vec<(f64, f64, f64)> =
        (1 - n % 2..n).step_by(2).map(|j| ellipj(j as f64 * capk / nf, m)).collect();
    let sqrt_m = m.sqrt();
    let mut z: Vec<Complex64> = scd
        .iter()
        .filter(|(s, _, _)| s.abs() > EPSILON)
        .map(|&(s, _, _)| Complex64::new(0.0, 1.0 / (sqrt_m * s)))
        .collect();
    let conj: Vec<Complex64> = z.iter().map(|v| v.conj()).collect();
    z.extend(conj);
    let r = arc_jac_sc1(1.0 / eps, ck1_sq)
        .ok_or_else(|| invalid("rs", "Cannot design a filter with given rp and rs specifications."))?;
    let v0 = capk * r / (nf * val0);
    let (sv, cv, dv) = ellipj(v0, 1.0 - m);
    let mut p: Vec<Complex64> = scd
        .iter()
        .map(|&(s, c, d)| {
            let num = Complex64::new(c * d * sv * cv, s * dv);
            -cdiv(num, Complex64::new(1.0 - (d * sv).powi(2), 0.0))
        })
        .collect();
    let conj: Vec<Complex64> = if n % 2 == 1 {
        let norm = p.iter().map(|v| (v * v.conj()).re).sum::<f64>().sqrt();
        p.iter().filter(|v| v.im.abs() > EPSILON * norm).map(|v| v.conj()).collect()
    } else {
        p.iter().map(|v| v.conj()).collect()
    };
    p.extend(conj);
    let neg = |v: &[Complex64]| v.iter().map(|&x| -x).collect::<Vec<_>>();
    let mut k = cdiv(cprod(&neg(&p)), cprod(&neg(&z))).re;
    if n % 2 == 0 {
        k /= (1.0 + eps_sq).sqrt();
    }
    Ok(Zpk { z: Array1::from(z), p: Array1::from(p), k })
}

/// Elliptic (Cauer) filter design: zeros, poles and gain.
///
/// Equiripple in both bands: `rp` dB of passband ripple, at least `rs` dB of stopband
/// attenuation; `wn` is where the gain first drops below `-rp` dB. The other arguments are as
/// for [`butter_zpk`](crate::butter_zpk).
///
/// SciPy equivalent: `scipy.signal.ellip(N, rp, rs, Wn, btype, analog, output='zpk', fs)`.
///
/// # Errors
///
/// As [`butter_zpk`](crate::butter_zpk), and as [`ellipap`].
///
/// # Examples
///
/// ```
/// use sci_signal::{ellip_zpk, BType};
/// let zpk = ellip_zpk(4, 1.0, 40.0, &[0.3], BType::Lowpass, false, None).unwrap();
/// assert!(zpk.z.iter().all(|z| (z.norm() - 1.0).abs() < 1e-12)); // zeros on the unit circle
/// assert!(zpk.p.iter().all(|p| p.norm() < 1.0)); // stable
/// ```
pub fn ellip_zpk(
    n: usize,
    rp: f64,
    rs: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Zpk> {
    iir_zpk(ellipap(n, rp, rs)?, wn, btype, analog, fs)
}

/// Elliptic (Cauer) filter design: transfer-function coefficients `(b, a)`.
///
/// SciPy equivalent: `scipy.signal.ellip(N, rp, rs, Wn, btype, analog, output='ba', fs)`.
///
/// # Errors
///
/// As [`ellip_zpk`].
///
/// # Examples
///
/// SciPy's docstring example, `signal.ellip(4, 5, 40, 100, 'low', analog=True)`:
///
/// ```
/// use sci_signal::{ellip, BType};
/// let (b, a) = ellip(4, 5.0, 40.0, &[100.0], BType::Lowpass, true, None).unwrap();
/// assert!((b[0] - 0.01).abs() < 1e-12);
/// assert!((a[1] - 41.1412083014697).abs() < 1e-9);
/// assert!((b[4] / a[4] - 10f64.powf(-5.0 / 20.0)).abs() < 1e-12); // DC gain -rp dB (even order)
/// ```
pub fn ellip(
    n: usize,
    rp: f64,
    rs: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let zpk = ellip_zpk(n, rp, rs, wn, btype, analog, fs)?;
    zpk2tf(&zpk.z, &zpk.p, zpk.k)
}

/// Elliptic (Cauer) filter design: second-order sections.
///
/// SciPy equivalent: `scipy.signal.ellip(N, rp, rs, Wn, btype, analog, output='sos', fs)`.
///
/// # Errors
///
/// As [`ellip_zpk`], and as [`zpk2sos`](crate::zpk2sos).
///
/// # Examples
///
/// ```
/// use sci_signal::{ellip_sos, BType};
/// let sos = ellip_sos(5, 0.5, 60.0, &[100.0, 200.0], BType::Bandpass, false, Some(1000.0)).unwrap();
/// assert_eq!(sos.shape(), &[5, 6]);
/// ```
pub fn ellip_sos(
    n: usize,
    rp: f64,
    rs: f64,
    wn: &[f64],
    btype: BType,
    analog: bool,
    fs: Option<f64>,
) -> Result<Array2<f64>> {
    let zpk = ellip_zpk(n, rp, rs, wn, btype, analog, fs)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, None, analog)
}
