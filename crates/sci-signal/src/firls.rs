//! Least-squares linear-phase FIR design: `firls`.

use crate::error::{Result, SignalError, invalid};
use ndarray::Array1;
use std::f64::consts::PI;

/// `numpy.sinc`: `sin(pi x) / (pi x)`, 1 at 0.
fn sinc(x: f64) -> f64 {
    let y = PI * if x == 0.0 { 1.0e-20 } else { x };
    y.sin() / y
}

/// Solves the symmetric positive definite system `q a = b` by Cholesky (`q` row-major `n x n`);
/// `None` when `q` is not numerically positive definite or is ill-conditioned (where SciPy falls
/// back to a least-squares solve).
fn cholesky_solve(mut q: Vec<f64>, mut b: Vec<f64>, n: usize) -> Option<Vec<f64>> {
    for j in 0..n {
        let mut d = q[j * n + j];
        for k in 0..j {
            d -= q[j * n + k] * q[j * n + k];
        }
        if d.is_nan() || d <= 0.0 || d.is_infinite() {
            return None;
        }
        let d = d.sqrt();
        q[j * n + j] = d;
        for i in j + 1..n {
            let mut s = q[i * n + j];
            for k in 0..j {
                s -= q[i * n + k] * q[j * n + k];
            }
            q[i * n + j] = s / d;
        }
    }
    let diag: Vec<f64> = (0..n).map(|i| q[i * n + i]).collect();
    let (lo, hi) = diag.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    // (max L_ii / min L_ii)^2 bounds the condition number from below.
    if (hi / lo).powi(2) * f64::EPSILON > 1.0 {
        return None;
    }
    for i in 0..n {
        let mut s = b[i];
        for k in 0..i {
            s -= q[i * n + k] * b[k];
        }
        b[i] = s / q[i * n + i];
    }
    for i in (0..n).rev() {
        let mut s = b[i];
        for k in i + 1..n {
            s -= q[k * n + i] * b[k];
        }
        b[i] = s / q[i * n + i];
    }
    Some(b)
}

/// FIR filter design by least-squares error minimization: the linear-phase (type I) filter of
/// `numtaps` taps whose weighted squared error against a piecewise-linear desired response is
/// smallest.
///
/// `bands` holds the band edges in pairs and `desired` the gain at each edge (so it is as long
/// as `bands`), in `[0, fs/2]` (`fs` defaults to 2: normalized to Nyquist); `weight` one
/// non-negative weight per band (`None`: all 1).
///
/// SciPy equivalent: `scipy.signal.firls(numtaps, bands, desired, weight=weight, fs=fs)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) with SciPy's messages when
/// `numtaps` is even or 0, `bands` is not made of pairs, is outside `[0, fs/2]`, not
/// increasing, or overlaps, `desired` does not have one entry per band edge or is negative,
/// `weight` has the wrong length or is negative, `fs` is not positive; and
/// [`SignalError::Singular`](crate::SignalError::Singular) when the normal equations are
/// rank-deficient or ill-conditioned (SciPy then falls back to a least-squares solve, which is
/// not implemented here).
///
/// # Examples
///
/// A low-pass filter with a transition from 0.3 to 0.5 (of Nyquist):
///
/// ```
/// let taps = sci_signal::firls(11, &[0.0, 0.3, 0.5, 1.0], &[1.0, 1.0, 0.0, 0.0], None, None).unwrap();
/// assert_eq!(taps.len(), 11);
/// assert_eq!(taps[0], taps[10]); // linear phase
/// assert!((taps[5] - 0.3955296773336026).abs() < 1e-13);
/// assert!((taps[0] + 0.0031341874075948876).abs() < 1e-13);
/// ```
pub fn firls(
    numtaps: usize,
    bands: &[f64],
    desired: &[f64],
    weight: Option<&[f64]>,
    fs: Option<f64>,
) -> Result<Array1<f64>> {
    let fs = fs.unwrap_or(2.0);
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
    }
    let nyq = 0.5 * fs;
    if numtaps % 2 == 0 {
        return Err(invalid("numtaps", "numtaps must be odd and >= 1"));
    }
    let m = (numtaps - 1) / 2;
    let bands: Vec<f64> = bands.iter().map(|b| b / nyq).collect();
    if bands.len() % 2 != 0 || bands.is_empty() {
        return Err(invalid("bands", "bands must contain frequency pairs."));
    }
    if bands.iter().any(|&b| b.is_nan() || !(0.0..=1.0).contains(&b)) {
        return Err(invalid("bands", "bands must be between 0 and 1 relative to Nyquist"));
    }
    if desired.len() != bands.len() {
        return Err(invalid(
            "desired",
            format!(
                "desired must have one entry per frequency, got {} gains for {} frequencies.",
                desired.len(),
                bands.len()
            ),
        ));
    }
    let nb = bands.len() / 2;
    let edge = |k: usize, e: usize| bands[2 * k + e];
    if (0..nb).any(|k| edge(k, 1) - edge(k, 0) <= 0.0) || (1..nb).any(|k| edge(k, 0) - edge(k - 1, 0) < 0.0) {
        return Err(invalid("bands", "bands must be monotonically nondecreasing and have width > 0."));
    }
    if (1..nb).any(|k| edge(k - 1, 1) > edge(k, 0)) {
        return Err(invalid("bands", "bands must not overlap."));
    }
    if desired.iter().any(|&d| d.is_nan() || d < 0.0) {
        return Err(invalid("desired", "desired must be non-negative."));
    }
    let ones = vec![1.0; nb];
    let weight = weight.unwrap_or(&ones);
    if weight.len() != nb {
        return Err(invalid(
            "weight",
            format!("weight must be the same size as the number of band pairs ({nb})."),
        ));
    }
    if weight.iter().any(|&w| w.is_nan() || w < 0.0) {
        return Err(invalid("weight", "weight must be non-negative."));
    }
    // q[n] = sum_k w_k (sinc(f_k1 n) f_k1 - sinc(f_k0 n) f_k0), n < numtaps
    let q: Vec<f64> = (0..numtaps)
        .map(|n| {
            let n = n as f64;
            (0..nb)
                .map(|k| {
                    let (f0, f1) = (edge(k, 0), edge(k, 1));
                    (sinc(f1 * n) * f1 - sinc(f0 * n) * f0) * weight[k]
                })
                .sum()
        })
        .collect();
    let size = m + 1;
    let qm: Vec<f64> =
        (0..size * size).map(|ij| q[(ij / size).abs_diff(ij % size)] + q[ij / size + ij % size]).collect();
    let slope: Vec<f64> =
        (0..nb).map(|k| (desired[2 * k + 1] - desired[2 * k]) / (edge(k, 1) - edge(k, 0))).collect();
    let icpt: Vec<f64> = (0..nb).map(|k| desired[2 * k] - edge(k, 0) * slope[k]).collect();
    let rhs: Vec<f64> = (0..size)
        .map(|n| {
            let nf = n as f64;
            (0..nb)
                .map(|k| {
                    let term = |f: f64| {
                        let mut v = f * (slope[k] * f + icpt[k]) * sinc(f * nf);
                        if n == 0 {
                            v -= slope[k] * f * f / 2.0;
                        } else {
                            v += slope[k] * (nf * PI * f).cos() / (PI * nf).powi(2);
                        }
                        v
                    };
                    (term(edge(k, 1)) - term(edge(k, 0))) * weight[k]
                })
                .sum()
        })
        .collect();
    let a = cholesky_solve(qm, rhs, size).ok_or(SignalError::Singular {
        what: "firls normal equations (rank-deficient or ill-conditioned)",
    })?;
    let mut taps = Vec::with_capacity(numtaps);
    taps.extend(a[1..].iter().rev());
    taps.push(2.0 * a[0]);
    taps.extend(&a[1..]);
    Ok(Array1::from(taps))
}
