//! Second-order sections: `zpk2sos` (SciPy's pole/zero pairing, ported step by step).

use crate::error::{Result, invalid};
use crate::zpk::poly_real;
use ndarray::{Array1, Array2};
use num_complex::Complex64;

/// How `zpk2sos` pairs poles with zeros, SciPy's `pairing`.
///
/// # Examples
///
/// ```
/// let _ = sci_signal::Pairing::Nearest;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// `'nearest'` (the default for digital filters): every section has two poles and two zeros.
    Nearest,
    /// `'keep_odd'`: like nearest, but an odd-order system keeps one first-order section.
    KeepOdd,
    /// `'minimal'` (the default and only choice for analog filters): no extra zeros or poles.
    Minimal,
}

const TOL: f64 = 100.0 * f64::EPSILON;

/// SciPy's `_cplxreal`: one of each conjugate pair (positive imaginary part, averaged with its
/// partner) followed by the real values.
fn cplxreal(z: &[Complex64]) -> Result<Vec<Complex64>> {
    let mut z = z.to_vec();
    z.sort_by(|a, b| a.re.total_cmp(&b.re).then(a.im.abs().total_cmp(&b.im.abs())));
    let is_real = |v: &Complex64| v.im.abs() <= TOL * v.norm();
    let zr: Vec<Complex64> = z.iter().filter(|v| is_real(v)).map(|v| Complex64::new(v.re, 0.0)).collect();
    let rest: Vec<Complex64> = z.iter().filter(|v| !is_real(v)).copied().collect();
    let mut zp: Vec<Complex64> = rest.iter().filter(|v| v.im > 0.0).copied().collect();
    let mut zn: Vec<Complex64> = rest.iter().filter(|v| v.im < 0.0).copied().collect();
    let unmatched = || invalid("z", "Array contains complex value with no matching conjugate.");
    if zp.len() != zn.len() {
        return Err(unmatched());
    }
    // Within runs of equal real part, order each half by |imag|.
    let mut start = 0;
    while start < zp.len() {
        let mut stop = start + 1;
        while stop < zp.len() && zp[stop].re - zp[stop - 1].re <= TOL * zp[stop - 1].norm() {
            stop += 1;
        }
        if stop - start > 1 {
            zp[start..stop].sort_by(|a, b| a.im.abs().total_cmp(&b.im.abs()));
            zn[start..stop].sort_by(|a, b| a.im.abs().total_cmp(&b.im.abs()));
        }
        start = stop;
    }
    if zp.iter().zip(&zn).any(|(a, b)| (a - b.conj()).norm() > TOL * b.norm()) {
        return Err(unmatched());
    }
    let mut out: Vec<Complex64> = zp.iter().zip(&zn).map(|(a, b)| (a + b.conj()) / 2.0).collect();
    out.extend(zr);
    Ok(out)
}

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Real,
    Complex,
    Any,
}

fn isreal(v: &Complex64) -> bool {
    v.im == 0.0
}

fn nearest_idx(fro: &[Complex64], to: Complex64, which: Which) -> Result<usize> {
    let mut order: Vec<usize> = (0..fro.len()).collect();
    order.sort_by(|&i, &j| (fro[i] - to).norm().total_cmp(&(fro[j] - to).norm()));
    let found = match which {
        Which::Any => order.first().copied(),
        Which::Real => order.iter().copied().find(|&i| isreal(&fro[i])),
        Which::Complex => order.iter().copied().find(|&i| !isreal(&fro[i])),
    };
    // SciPy raises IndexError here (no zero of the needed kind is left to pair).
    found.ok_or_else(|| {
        invalid("z", "cannot pair the poles with the remaining zeros (no real/complex zero left)")
    })
}

fn single_sos(z: &[Complex64], p: &[Complex64]) -> Result<[f64; 6]> {
    let b = poly_real(z, "z")?;
    let a = poly_real(p, "p")?;
    let mut row = [0.0; 6];
    row[3 - b.len()..3].copy_from_slice(&b);
    row[6 - a.len()..6].copy_from_slice(&a);
    Ok(row)
}

fn argmin_by(v: &[Complex64], key: impl Fn(&Complex64) -> f64) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if key(&v[i]) < key(&v[best]) {
            best = i;
        }
    }
    best
}

pub(crate) fn zpk2sos_impl(z: &[Complex64], p: &[Complex64], k: f64, analog: bool) -> Result<Array2<f64>> {
    let pairing = if analog { Pairing::Minimal } else { Pairing::Nearest };
    zpk2sos_pairing(z, p, k, pairing, analog)
}

fn zpk2sos_pairing(
    z: &[Complex64],
    p: &[Complex64],
    k: f64,
    pairing: Pairing,
    analog: bool,
) -> Result<Array2<f64>> {
    if analog && pairing != Pairing::Minimal {
        return Err(invalid("pairing", "for analog zpk2sos conversion, pairing must be \"minimal\""));
    }
    if z.is_empty() && p.is_empty() {
        let row = if analog { [0.0, 0.0, k, 0.0, 0.0, 1.0] } else { [k, 0.0, 0.0, 1.0, 0.0, 0.0] };
        return Ok(Array2::from_shape_vec((1, 6), row.to_vec()).expect("1x6"));
    }
    let (mut z, mut p) = (z.to_vec(), p.to_vec());
    let n_sections;
    if pairing != Pairing::Minimal {
        let zero = Complex64::new(0.0, 0.0);
        let (lz, lp) = (z.len(), p.len());
        p.extend(std::iter::repeat_n(zero, lz.saturating_sub(lp)));
        z.extend(std::iter::repeat_n(zero, lp.saturating_sub(lz)));
        n_sections = p.len().max(z.len()).div_ceil(2);
        if p.len() % 2 == 1 && pairing == Pairing::Nearest {
            p.push(zero);
            z.push(zero);
        }
    } else {
        if p.len() < z.len() {
            return Err(invalid("z", "for analog zpk2sos conversion, must have len(p)>=len(z)"));
        }
        n_sections = p.len().div_ceil(2);
    }
    let mut z = cplxreal(&z)?;
    let mut p = cplxreal(&p)?;
    let worst = |v: &[Complex64]| {
        if analog { argmin_by(v, |x| x.re.abs()) } else { argmin_by(v, |x| (1.0 - x.norm()).abs()) }
    };
    let mut sos = Array2::<f64>::zeros((n_sections, 6));
    for si in (0..n_sections).rev() {
        let p1 = p.remove(worst(&p));
        let n_real_p = p.iter().filter(|v| isreal(v)).count();
        let row = if isreal(&p1) && n_real_p == 0 {
            // Special case (1): last remaining real pole.
            if pairing != Pairing::Minimal {
                let z1 = z.remove(nearest_idx(&z, p1, Which::Real)?);
                single_sos(&[z1, Complex64::new(0.0, 0.0)], &[p1, Complex64::new(0.0, 0.0)])?
            } else if !z.is_empty() {
                let z1 = z.remove(nearest_idx(&z, p1, Which::Real)?);
                single_sos(&[z1], &[p1])?
            } else {
                single_sos(&[], &[p1])?
            }
        } else if p.len() + 1 == z.len()
            && !isreal(&p1)
            && n_real_p == 1
            && z.iter().filter(|v| isreal(v)).count() == 1
        {
            // Special case (2): one real pole and one real zero left; pair with a complex zero.
            let z1 = z.remove(nearest_idx(&z, p1, Which::Complex)?);
            single_sos(&[z1, z1.conj()], &[p1, p1.conj()])?
        } else {
            let p2 = if isreal(&p1) {
                let real_idx: Vec<usize> = (0..p.len()).filter(|&i| isreal(&p[i])).collect();
                let reals: Vec<Complex64> = real_idx.iter().map(|&i| p[i]).collect();
                p.remove(real_idx[worst(&reals)])
            } else {
                p1.conj()
            };
            if !z.is_empty() {
                let z1 = z.remove(nearest_idx(&z, p1, Which::Any)?);
                if !isreal(&z1) {
                    single_sos(&[z1, z1.conj()], &[p1, p2])?
                } else if !z.is_empty() {
                    let z2 = z.remove(nearest_idx(&z, p1, Which::Real)?);
                    single_sos(&[z1, z2], &[p1, p2])?
                } else {
                    single_sos(&[z1], &[p1, p2])?
                }
            } else {
                single_sos(&[], &[p1, p2])?
            }
        };
        sos.row_mut(si).assign(&Array1::from(row.to_vec()));
    }
    for j in 0..3 {
        sos[[0, j]] *= k;
    }
    Ok(sos)
}

/// Second-order sections from zeros, poles and gain.
///
/// Rows are `[b0, b1, b2, a0, a1, a2]`, ordered so the poles closest to the unit circle
/// (digital) or to the imaginary axis (analog) come last; the gain goes into the first section.
/// `pairing` defaults (`None`) to [`Pairing::Nearest`] for digital and [`Pairing::Minimal`] for
/// analog systems, as in SciPy.
///
/// SciPy equivalent: `scipy.signal.zpk2sos(z, p, k, pairing, analog=analog)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`](crate::SignalError::InvalidValue) when a complex zero or pole
/// has no conjugate, or for an analog system with a pairing other than minimal or more zeros
/// than poles, or when a pole cannot be paired with a zero of the needed kind (where SciPy
/// raises `IndexError`).
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// use sci_array::num_complex::Complex64;
/// let z = array![Complex64::new(-1.0, 0.0), Complex64::new(-1.0, 0.0)];
/// let p = array![Complex64::new(0.5, 0.5), Complex64::new(0.5, -0.5)];
/// let sos = sci_signal::zpk2sos(&z, &p, 2.0, None, false).unwrap();
/// assert_eq!(sos.row(0).to_vec(), vec![2.0, 4.0, 2.0, 1.0, -1.0, 0.5]);
/// ```
pub fn zpk2sos(
    z: &Array1<Complex64>,
    p: &Array1<Complex64>,
    k: f64,
    pairing: Option<Pairing>,
    analog: bool,
) -> Result<Array2<f64>> {
    let pairing = pairing.unwrap_or(if analog { Pairing::Minimal } else { Pairing::Nearest });
    zpk2sos_pairing(&z.to_vec(), &p.to_vec(), k, pairing, analog)
}
