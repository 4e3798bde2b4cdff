//! Analog prototype transforms in transfer-function form: `normalize`, `lp2lp`, `lp2hp`,
//! `lp2bp`, `lp2bs`, `bilinear` (SciPy's `ba` versions, operation by operation).

use crate::error::{Result, invalid};
use ndarray::{Array1, ArrayBase, Data, Ix1};

type Ba = (Array1<f64>, Array1<f64>);

/// Normalizes `b / a` so that `a[0] = 1`: leading zeros of `a` are dropped, and leading
/// numerator coefficients below `1e-14` too (keeping at least one; SciPy warns
/// `BadCoefficients` there).
///
/// SciPy equivalent: `scipy.signal.normalize(b, a)` (1-d numerator).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `a` is empty or all
/// zeros ("Denominator must have at least on nonzero element."), or `b` is empty.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::normalize(&array![0.0, 2.0, 4.0], &array![0.0, 2.0, 1.0]).unwrap();
/// assert_eq!(b.to_vec(), vec![1.0, 2.0]);
/// assert_eq!(a.to_vec(), vec![1.0, 0.5]);
/// ```
pub fn normalize<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    normalize_vec(&b.to_vec(), &a.to_vec())
}

fn normalize_vec(b: &[f64], a: &[f64]) -> Result<Ba> {
    if b.is_empty() {
        return Err(invalid("b", "coefficients must be non-empty"));
    }
    let Some(first) = a.iter().position(|&v| v != 0.0) else {
        return Err(invalid("a", "Denominator must have at least on nonzero element."));
    };
    let a0 = a[first];
    let den: Vec<f64> = a[first..].iter().map(|v| v / a0).collect();
    let num: Vec<f64> = b.iter().map(|v| v / a0).collect();
    let lead = num.iter().take_while(|v| v.abs() <= 1e-14).count().min(num.len() - 1);
    Ok((Array1::from(num[lead..].to_vec()), Array1::from(den)))
}

fn check_ba(b: &[f64], a: &[f64]) -> Result<()> {
    if b.is_empty() {
        return Err(invalid("b", "coefficients must be non-empty"));
    }
    if a.is_empty() {
        return Err(invalid("a", "coefficients must be non-empty"));
    }
    Ok(())
}

/// Moves a low-pass prototype `b / a` (cutoff 1 rad/s) to cutoff `wo` (`s -> s / wo`).
///
/// SciPy equivalent: `scipy.signal.lp2lp(b, a, wo)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `b` or `a` is empty, or
/// as [`normalize`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::lp2lp(&array![1.0], &array![1.0, 1.0], 2.0).unwrap();
/// assert_eq!((b.to_vec(), a.to_vec()), (vec![2.0], vec![1.0, 2.0]));
/// ```
pub fn lp2lp<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>, wo: f64) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_ba(&b, &a)?;
    let (d, n) = (a.len(), b.len());
    let m = d.max(n);
    let pwo: Vec<f64> = (0..m).map(|i| wo.powf((m - 1 - i) as f64)).collect();
    let (start1, start2) = (n.saturating_sub(d), d.saturating_sub(n));
    let b: Vec<f64> = b.iter().enumerate().map(|(i, v)| v * pwo[start1] / pwo[start2 + i]).collect();
    let a: Vec<f64> = a.iter().enumerate().map(|(i, v)| v * pwo[start1] / pwo[start1 + i]).collect();
    normalize_vec(&b, &a)
}

/// Turns a low-pass prototype `b / a` into a high-pass filter with cutoff `wo` (`s -> wo / s`).
///
/// SciPy equivalent: `scipy.signal.lp2hp(b, a, wo)`.
///
/// # Errors
///
/// As [`lp2lp`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::lp2hp(&array![1.0], &array![1.0, 1.0], 3.0).unwrap();
/// assert_eq!((b.to_vec(), a.to_vec()), (vec![1.0, 0.0], vec![1.0, 3.0]));
/// ```
pub fn lp2hp<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>, wo: f64) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_ba(&b, &a)?;
    let (d, n) = (a.len(), b.len());
    let m = d.max(n);
    let pwo: Vec<f64> = (0..m).map(|i| if wo != 1.0 { wo.powf(i as f64) } else { 1.0 }).collect();
    let flip = |v: &[f64], len: usize| {
        let mut out = vec![0.0; len];
        for (i, x) in v.iter().rev().enumerate() {
            out[i] = x * pwo[i];
        }
        out
    };
    normalize_vec(&flip(&b, m), &flip(&a, m))
}

/// Binomial coefficient as a float (`scipy.special.comb(n, k)`), exact for the small arguments
/// of filter transforms.
fn comb(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// Turns a low-pass prototype `b / a` into a band-pass filter centred on `wo` with bandwidth
/// `bw` (`s -> (s^2 + wo^2) / (s bw)`).
///
/// SciPy equivalent: `scipy.signal.lp2bp(b, a, wo, bw)`.
///
/// # Errors
///
/// As [`lp2lp`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::lp2bp(&array![1.0], &array![1.0, 1.0], 1.0, 1.0).unwrap();
/// assert_eq!((b.to_vec(), a.to_vec()), (vec![1.0, 0.0], vec![1.0, 1.0, 1.0]));
/// ```
pub fn lp2bp<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>, wo: f64, bw: f64) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_ba(&b, &a)?;
    let ma = (b.len() - 1).max(a.len() - 1);
    let wosq = wo * wo;
    let transform = |c: &[f64]| {
        let n = c.len() - 1;
        let np = n + ma;
        let mut out = vec![0.0; np + 1];
        for j in 0..=np {
            let mut val = 0.0;
            for i in 0..=n {
                for k in 0..=i {
                    if ma + 2 * k == j + i {
                        val += comb(i, k) * c[n - i] * wosq.powf((i - k) as f64) / bw.powf(i as f64);
                    }
                }
            }
            out[np - j] = val;
        }
        out
    };
    normalize_vec(&transform(&b), &transform(&a))
}

/// Turns a low-pass prototype `b / a` into a band-stop filter centred on `wo` with bandwidth
/// `bw` (`s -> s bw / (s^2 + wo^2)`).
///
/// SciPy equivalent: `scipy.signal.lp2bs(b, a, wo, bw)`.
///
/// # Errors
///
/// As [`lp2lp`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::lp2bs(&array![1.0], &array![1.0, 1.5], 1.0, 1.0).unwrap();
/// assert_eq!(b.len(), 3);
/// assert!((a[1] - 1.0 / 1.5).abs() < 1e-15);
/// ```
pub fn lp2bs<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>, wo: f64, bw: f64) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let (b, a) = (b.to_vec(), a.to_vec());
    check_ba(&b, &a)?;
    let m = (b.len() - 1).max(a.len() - 1);
    let wosq = wo * wo;
    let transform = |c: &[f64]| {
        let n = c.len() - 1;
        let np = 2 * m;
        let mut out = vec![0.0; np + 1];
        for j in 0..=np {
            let mut val = 0.0;
            for i in 0..=n {
                for k in 0..=m - i {
                    if i + 2 * k == j {
                        val += comb(m - i, k) * c[n - i] * wosq.powf((m - i - k) as f64) * bw.powf(i as f64);
                    }
                }
            }
            out[np - j] = val;
        }
        out
    };
    normalize_vec(&transform(&b), &transform(&a))
}

/// `numpy.convolve` of two coefficient vectors, with `numpy.polynomial`'s trimming of trailing
/// (highest-degree) zeros.
fn polymul(x: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len() + y.len() - 1];
    for (i, &xi) in x.iter().enumerate() {
        for (j, &yj) in y.iter().enumerate() {
            out[i + j] += xi * yj;
        }
    }
    trim(out)
}

fn trim(mut v: Vec<f64>) -> Vec<f64> {
    while v.len() > 1 && v[v.len() - 1] == 0.0 {
        v.pop();
    }
    v
}

fn polypow(c: &[f64], power: usize) -> Vec<f64> {
    match power {
        0 => vec![1.0],
        _ => (1..power).fold(c.to_vec(), |acc, _| polymul(&acc, c)),
    }
}

fn polyadd(x: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; x.len().max(y.len())];
    for (i, v) in out.iter_mut().enumerate() {
        *v = x.get(i).copied().unwrap_or(0.0) + y.get(i).copied().unwrap_or(0.0);
    }
    trim(out)
}

/// Digital filter from an analog one by the bilinear transform `s = 2 fs (z - 1) / (z + 1)`
/// (no pre-warping), in transfer-function form.
///
/// SciPy equivalent: `scipy.signal.bilinear(b, a, fs)` (real coefficients).
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when `b` or `a` is empty or
/// all zeros, or `fs` is not positive.
///
/// # Examples
///
/// SciPy's docstring: `H(s) = 1 / (s + 1)` at `fs = 2`:
///
/// ```
/// use sci_array::ndarray::array;
/// let (b, a) = sci_signal::bilinear(&array![1.0], &array![1.0, 1.0], 2.0).unwrap();
/// assert!((b[0] - 0.2).abs() < 1e-15 && (b[1] - 0.2).abs() < 1e-15);
/// assert!((a[1] + 0.6).abs() < 1e-15);
/// ```
pub fn bilinear<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>, fs: f64) -> Result<Ba>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    if !(fs.is_finite() && fs > 0.0) {
        return Err(invalid("fs", format!("Sampling frequency fs must be positive, got {fs}")));
    }
    let strip = |v: Vec<f64>| -> Vec<f64> { v.iter().copied().skip_while(|&x| x == 0.0).collect() };
    let (b, a) = (strip(b.to_vec()), strip(a.to_vec()));
    if b.is_empty() {
        return Err(invalid("b", "coefficients must contain a nonzero element"));
    }
    if a.is_empty() {
        return Err(invalid("a", "Denominator must have at least on nonzero element."));
    }
    let fac = (fs * 2.0).sqrt();
    let zp1 = [1.0 / fac, 1.0 / fac];
    let zm1 = [-fac, fac];
    let n = a.len().max(b.len()) - 1;
    let side = |c: &[f64]| {
        let mut acc = vec![0.0];
        for (q, &cq) in c.iter().rev().enumerate() {
            let scaled: Vec<f64> = trim(polypow(&zp1, n - q).iter().map(|v| cq * v).collect());
            acc = polyadd(&acc, &polymul(&scaled, &polypow(&zm1, q)));
        }
        acc.reverse();
        acc
    };
    normalize_vec(&side(&b), &side(&a))
}
