//! `lombscargle`: the generalized Lomb-Scargle periodogram of unevenly sampled data.

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};

/// The normalization of [`lombscargle`], SciPy's `normalize`.
///
/// # Examples
///
/// ```
/// assert_eq!(sci_signal::LombNormalize::default(), sci_signal::LombNormalize::Power);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LombNormalize {
    /// `False` / `'power'` (default): power in units of `y² N / 4`.
    #[default]
    Power,
    /// `True` / `'normalize'`: the fraction of the total power, in `[0, 1]`.
    Normalize,
}

/// Computes the (generalized, weighted) Lomb-Scargle periodogram of samples `y` at times `x`,
/// at the angular frequencies `freqs`.
///
/// `weights: None` weighs all samples equally; `floating_mean` fits a constant offset along
/// with each sinusoid. SciPy's deprecated `precenter` is not offered (pass `y - mean(y)`).
///
/// SciPy equivalent: `scipy.signal.lombscargle(x, y, freqs, normalize=..., weights=...,
/// floating_mean=...)` (no `normalize='amplitude'`).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `x`, `y` (and
/// `weights`) are empty or of different lengths, `freqs` is empty, or the weights are negative
/// or sum to zero.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::{array, Array1};
/// use sci_signal::{lombscargle, LombNormalize};
/// let t = Array1::from_shape_fn(200, |i| i as f64 * 0.37 + 0.1 * ((i * i) % 5) as f64);
/// let y = t.mapv(|v: f64| (1.5 * v).sin());
/// let w = array![0.5, 1.5, 2.5];
/// let p = lombscargle(&t, &y, &w, None, false, LombNormalize::Normalize).unwrap();
/// assert!(p[1] > 0.99 && p[0] < 0.05 && p[2] < 0.05);
/// ```
pub fn lombscargle<S1, S2, S3>(
    x: &ArrayBase<S1, Ix1>,
    y: &ArrayBase<S2, Ix1>,
    freqs: &ArrayBase<S3, Ix1>,
    weights: Option<&Array1<f64>>,
    floating_mean: bool,
    normalize: LombNormalize,
) -> Result<Array1<f64>>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
    S3: Data<Elem = f64>,
{
    let n = x.len();
    let wlen = weights.map_or(n, |w| w.len());
    if n == 0 || y.len() != n || wlen != n {
        return Err(invalid("x", "Parameters x, y, weights must be 1-D arrays of equal non-zero length!"));
    }
    if freqs.is_empty() {
        return Err(invalid("freqs", "Parameter freqs must be a 1-D array of non-zero length!"));
    }
    let mut w: Vec<f64> = weights.map_or_else(|| vec![1.0; n], |w| w.to_vec());
    let total: f64 = w.iter().sum();
    if w.iter().any(|&v| v < 0.0 || v.is_nan()) || total <= 0.0 || total.is_nan() {
        return Err(invalid(
            "weights",
            "Parameter weights must have only non-negative entries which sum to a positive value!",
        ));
    }
    let inv = 1.0 / total;
    w.iter_mut().for_each(|v| *v *= inv);
    let (xs, ys): (Vec<f64>, Vec<f64>) = (x.to_vec(), y.to_vec());
    let yy_mean: f64 = w.iter().zip(&ys).map(|(a, b)| a * b).sum();
    let yy: f64 = w.iter().zip(&ys).map(|(a, b)| a * b * b).sum();
    let epsneg = f64::EPSILON / 2.0;
    let out = freqs.iter().map(|&f| {
        let (mut cc, mut cs, mut c, mut s) = (0.0, 0.0, 0.0, 0.0);
        for (&t, &wi) in xs.iter().zip(&w) {
            let (sn, cn) = (f * t).sin_cos();
            cc += wi * cn * cn;
            cs += wi * cn * sn;
            c += wi * cn;
            s += wi * sn;
        }
        let mut ss = 1.0 - cc;
        if floating_mean {
            cc -= c * c;
            ss -= s * s;
            cs -= c * s;
        }
        let tau = 0.5 * (2.0 * cs).atan2(cc - ss);
        let (mut yc, mut ys_, mut cc2, mut c2, mut s2) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for ((&t, &wi), &yi) in xs.iter().zip(&w).zip(&ys) {
            let (sn, cn) = (f * t - tau).sin_cos();
            yc += wi * yi * cn;
            ys_ += wi * yi * sn;
            cc2 += wi * cn * cn;
            c2 += wi * cn;
            s2 += wi * sn;
        }
        let mut ss2 = 1.0 - cc2;
        if floating_mean {
            yc -= yy_mean * c2;
            ys_ -= yy_mean * s2;
            cc2 -= c2 * c2;
            ss2 -= s2 * s2;
        }
        let cc2 = if cc2 < epsneg { epsneg } else { cc2 };
        let ss2 = if ss2 < epsneg { epsneg } else { ss2 };
        let p = 2.0 * (yc / cc2 * yc + ys_ / ss2 * ys_);
        match normalize {
            LombNormalize::Power => p * n as f64 / 4.0,
            LombNormalize::Normalize => {
                let d = if floating_mean { yy - yy_mean * yy_mean } else { yy };
                p * (0.5 / d)
            }
        }
    });
    Ok(out.collect())
}
