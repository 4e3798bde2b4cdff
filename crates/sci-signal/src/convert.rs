//! Conversions between filter representations: `sos2tf`, `sos2zpk`, `tf2sos`.

use crate::error::Result;
use crate::roots::tf2zpk;
use crate::sos::{Pairing, zpk2sos};
use crate::sosfilt::validate_sos;
use crate::zpk::Zpk;
use ndarray::{Array1, Array2, ArrayBase, Data, Ix1, Ix2};
use num_complex::Complex64;

/// Full convolution of two coefficient vectors (`numpy.convolve`).
fn convolve(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// Transfer function `(b, a)` of a cascade of second-order sections.
///
/// SciPy equivalent: `scipy.signal.sos2tf(sos)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for a malformed `sos`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let sos = array![[1.0, 1.0, 0.0, 1.0, -0.5, 0.0], [1.0, 0.0, 0.0, 1.0, 0.25, 0.0]];
/// let (b, a) = sci_signal::sos2tf(&sos).unwrap();
/// assert_eq!(b.to_vec(), vec![1.0, 1.0, 0.0, 0.0, 0.0]);
/// assert_eq!(a.to_vec(), vec![1.0, -0.25, -0.125, 0.0, 0.0]);
/// ```
pub fn sos2tf<S: Data<Elem = f64>>(sos: &ArrayBase<S, Ix2>) -> Result<(Array1<f64>, Array1<f64>)> {
    let s = validate_sos(sos)?;
    let (mut b, mut a) = (vec![1.0], vec![1.0]);
    for row in &s {
        b = convolve(&b, &row[..3]);
        a = convolve(&a, &row[3..]);
    }
    Ok((Array1::from(b), Array1::from(a)))
}

/// Zeros, poles and gain of a cascade of second-order sections (two zeros and two poles per
/// section, zero-padded as in SciPy).
///
/// SciPy equivalent: `scipy.signal.sos2zpk(sos)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) for a malformed `sos`.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let zpk = sci_signal::sos2zpk(&array![[2.0, 2.0, 0.0, 1.0, -0.5, 0.0]]).unwrap();
/// assert_eq!(zpk.k, 2.0);
/// assert!((zpk.z[0].re + 1.0).abs() < 1e-15 && (zpk.p[0].re - 0.5).abs() < 1e-15);
/// assert_eq!((zpk.z.len(), zpk.p.len()), (2, 2));
/// ```
pub fn sos2zpk<S: Data<Elem = f64>>(sos: &ArrayBase<S, Ix2>) -> Result<Zpk> {
    let s = validate_sos(sos)?;
    let zero = Complex64::new(0.0, 0.0);
    let mut z = vec![zero; 2 * s.len()];
    let mut p = vec![zero; 2 * s.len()];
    let mut k = 1.0;
    for (i, row) in s.iter().enumerate() {
        let sec = tf2zpk(&Array1::from(row[..3].to_vec()), &Array1::from(row[3..].to_vec()))?;
        z[2 * i..2 * i + sec.z.len()].copy_from_slice(sec.z.as_slice().expect("contiguous"));
        p[2 * i..2 * i + sec.p.len()].copy_from_slice(sec.p.as_slice().expect("contiguous"));
        k *= sec.k;
    }
    Ok(Zpk { z: Array1::from(z), p: Array1::from(p), k })
}

/// Second-order sections of the transfer function `b / a` (`zpk2sos(tf2zpk(b, a))`).
///
/// SciPy equivalent: `scipy.signal.tf2sos(b, a, pairing, analog=analog)`.
///
/// # Errors
///
/// As [`tf2zpk`] and [`zpk2sos`].
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let sos = sci_signal::tf2sos(&array![1.0, 2.0, 1.0], &array![1.0, -1.0, 0.5], None, false).unwrap();
/// let want = [1.0, 2.0, 1.0, 1.0, -1.0, 0.5];
/// assert!(sos.row(0).iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-12));
/// ```
pub fn tf2sos<Sb, Sa>(
    b: &ArrayBase<Sb, Ix1>,
    a: &ArrayBase<Sa, Ix1>,
    pairing: Option<Pairing>,
    analog: bool,
) -> Result<Array2<f64>>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    let zpk = tf2zpk(b, a)?;
    zpk2sos(&zpk.z, &zpk.p, zpk.k, pairing, analog)
}
