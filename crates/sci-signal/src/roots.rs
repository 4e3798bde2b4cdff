//! Polynomial roots as eigenvalues of the balanced companion matrix (Francis double-shift QR,
//! as `numpy.roots` does through LAPACK), and `tf2zpk` on top of them.

use crate::error::{Result, SignalError, invalid};
use crate::zpk::Zpk;
use ndarray::{Array1, ArrayBase, Data, Ix1};
use num_complex::Complex64;

/// Scales rows and columns by powers of two to equalize their norms (EISPACK `balanc`).
fn balance(a: &mut [Vec<f64>], n: usize) {
    const RADIX: f64 = 2.0;
    let sqrdx = RADIX * RADIX;
    let mut done = false;
    while !done {
        done = true;
        for i in 1..=n {
            let (mut r, mut c) = (0.0, 0.0);
            for j in 1..=n {
                if j != i {
                    c += a[j][i].abs();
                    r += a[i][j].abs();
                }
            }
            if c != 0.0 && r != 0.0 {
                let mut g = r / RADIX;
                let mut f = 1.0;
                let s = c + r;
                while c < g {
                    f *= RADIX;
                    c *= sqrdx;
                }
                g = r * RADIX;
                while c > g {
                    f /= RADIX;
                    c /= sqrdx;
                }
                if (c + r) / f < 0.95 * s {
                    done = false;
                    let g = 1.0 / f;
                    for j in 1..=n {
                        a[i][j] *= g;
                    }
                    for j in 1..=n {
                        a[j][i] *= f;
                    }
                }
            }
        }
    }
}

/// Eigenvalues of an upper Hessenberg matrix (1-based, EISPACK `hqr`); `None` if QR stalls.
fn hqr(a: &mut [Vec<f64>], n: usize) -> Option<Vec<Complex64>> {
    let sign = |a: f64, b: f64| if b >= 0.0 { a.abs() } else { -a.abs() };
    let mut wr = vec![0.0; n + 1];
    let mut wi = vec![0.0; n + 1];
    let mut anorm = 0.0;
    for i in 1..=n {
        for j in (i.max(2) - 1)..=n {
            anorm += a[i][j].abs();
        }
    }
    let mut nn = n;
    let mut t = 0.0;
    let (mut p, mut q, mut r, mut s, mut w, mut x, mut y, mut z);
    while nn >= 1 {
        let mut its = 0;
        loop {
            let mut l = nn;
            while l >= 2 {
                s = a[l - 1][l - 1].abs() + a[l][l].abs();
                if s == 0.0 {
                    s = anorm;
                }
                if a[l][l - 1].abs() + s == s {
                    a[l][l - 1] = 0.0;
                    break;
                }
                l -= 1;
            }
            x = a[nn][nn];
            if l == nn {
                wr[nn] = x + t;
                wi[nn] = 0.0;
                nn -= 1;
            } else {
                y = a[nn - 1][nn - 1];
                w = a[nn][nn - 1] * a[nn - 1][nn];
                if l == nn - 1 {
                    p = 0.5 * (y - x);
                    q = p * p + w;
                    z = q.abs().sqrt();
                    x += t;
                    if q >= 0.0 {
                        z = p + sign(z, p);
                        wr[nn - 1] = x + z;
                        wr[nn] = x + z;
                        if z != 0.0 {
                            wr[nn] = x - w / z;
                        }
                        wi[nn - 1] = 0.0;
                        wi[nn] = 0.0;
                    } else {
                        wr[nn - 1] = x + p;
                        wr[nn] = x + p;
                        wi[nn - 1] = -z;
                        wi[nn] = z;
                    }
                    nn -= 2;
                } else {
                    if its == 60 {
                        return None;
                    }
                    if its == 10 || its == 20 || its == 40 {
                        t += x;
                        for i in 1..=nn {
                            a[i][i] -= x;
                        }
                        s = a[nn][nn - 1].abs() + a[nn - 1][nn - 2].abs();
                        x = 0.75 * s;
                        y = x;
                        w = -0.4375 * s * s;
                    }
                    its += 1;
                    let mut m = nn - 2;
                    loop {
                        z = a[m][m];
                        r = x - z;
                        s = y - z;
                        p = (r * s - w) / a[m + 1][m] + a[m][m + 1];
                        q = a[m + 1][m + 1] - z - r - s;
                        r = a[m + 2][m + 1];
                        s = p.abs() + q.abs() + r.abs();
                        p /= s;
                        q /= s;
                        r /= s;
                        if m == l {
                            break;
                        }
                        let u = a[m][m - 1].abs() * (q.abs() + r.abs());
                        let v = p.abs() * (a[m - 1][m - 1].abs() + z.abs() + a[m + 1][m + 1].abs());
                        if u + v == v {
                            break;
                        }
                        m -= 1;
                    }
                    for i in m + 2..=nn {
                        a[i][i - 2] = 0.0;
                        if i != m + 2 {
                            a[i][i - 3] = 0.0;
                        }
                    }
                    for k in m..nn {
                        if k != m {
                            p = a[k][k - 1];
                            q = a[k + 1][k - 1];
                            r = 0.0;
                            if k != nn - 1 {
                                r = a[k + 2][k - 1];
                            }
                            x = p.abs() + q.abs() + r.abs();
                            if x != 0.0 {
                                p /= x;
                                q /= x;
                                r /= x;
                            }
                        }
                        s = sign((p * p + q * q + r * r).sqrt(), p);
                        if s != 0.0 {
                            if k == m {
                                if l != m {
                                    a[k][k - 1] = -a[k][k - 1];
                                }
                            } else {
                                a[k][k - 1] = -s * x;
                            }
                            p += s;
                            x = p / s;
                            y = q / s;
                            z = r / s;
                            q /= p;
                            r /= p;
                            for j in k..=nn {
                                p = a[k][j] + q * a[k + 1][j];
                                if k != nn - 1 {
                                    p += r * a[k + 2][j];
                                    a[k + 2][j] -= p * z;
                                }
                                a[k + 1][j] -= p * y;
                                a[k][j] -= p * x;
                            }
                            let mmin = if nn < k + 3 { nn } else { k + 3 };
                            for i in l..=mmin {
                                p = x * a[i][k] + y * a[i][k + 1];
                                if k != nn - 1 {
                                    p += z * a[i][k + 2];
                                    a[i][k + 2] -= p * r;
                                }
                                a[i][k + 1] -= p * q;
                                a[i][k] -= p;
                            }
                        }
                    }
                }
            }
            if nn < 2 || l >= nn - 1 {
                break;
            }
        }
    }
    Some((1..=n).map(|i| Complex64::new(wr[i], wi[i])).collect())
}

/// Roots of the polynomial `p[0] x^N + ... + p[N]` (`numpy.roots`), in no particular order.
pub(crate) fn roots(p: &[f64]) -> Result<Vec<Complex64>> {
    let Some(first) = p.iter().position(|v| *v != 0.0) else {
        return Ok(Vec::new());
    };
    let last = p.iter().rposition(|v| *v != 0.0).expect("a nonzero exists");
    let trailing = p.len() - last - 1;
    let p = &p[first..=last];
    let n = p.len() - 1;
    let mut out = Vec::with_capacity(n + trailing);
    if n > 0 {
        let mut a = vec![vec![0.0; n + 1]; n + 1];
        for j in 1..=n {
            a[1][j] = -p[j] / p[0];
        }
        for i in 2..=n {
            a[i][i - 1] = 1.0;
        }
        balance(&mut a, n);
        out =
            hqr(&mut a, n).ok_or(SignalError::Singular { what: "roots (QR iteration did not converge)" })?;
    }
    out.extend(std::iter::repeat_n(Complex64::new(0.0, 0.0), trailing));
    Ok(out)
}

/// Zeros, poles and gain of the transfer function `b / a`.
///
/// As SciPy: leading zeros of `a` are dropped, both are divided by `a[0]`, leading numerator
/// coefficients below `1e-14` are dropped (SciPy warns `BadCoefficients`), `k = b[0]`, and the
/// zeros and poles are the polynomial roots (eigenvalues of the companion matrices). The order
/// of the roots may differ from NumPy's.
///
/// SciPy equivalent: `scipy.signal.tf2zpk(b, a)`.
///
/// # Errors
///
/// [`SignalError::InvalidValue`] when `a` is all zeros or `b`/`a` is empty;
/// [`SignalError::Singular`] if the eigenvalue iteration fails to converge.
///
/// # Examples
///
/// ```
/// use sci_array::ndarray::array;
/// let zpk = sci_signal::tf2zpk(&array![2.0, 2.0], &array![1.0, -1.0, 0.5]).unwrap();
/// assert_eq!(zpk.k, 2.0);
/// assert!((zpk.z[0].re + 1.0).abs() < 1e-15);
/// assert!(zpk.p.iter().all(|p| (p.re - 0.5).abs() < 1e-15 && (p.im.abs() - 0.5).abs() < 1e-15));
/// ```
pub fn tf2zpk<Sb, Sa>(b: &ArrayBase<Sb, Ix1>, a: &ArrayBase<Sa, Ix1>) -> Result<Zpk>
where
    Sb: Data<Elem = f64>,
    Sa: Data<Elem = f64>,
{
    if b.is_empty() {
        return Err(invalid("b", "numerator must be non-empty"));
    }
    let Some(first) = a.iter().position(|v| *v != 0.0) else {
        return Err(invalid("a", "Denominator must have at least on nonzero element."));
    };
    let a0 = a[first];
    let den: Vec<f64> = a.iter().skip(first).map(|v| v / a0).collect();
    let mut num: Vec<f64> = b.iter().map(|v| v / a0).collect();
    let lead = num.iter().take_while(|v| v.abs() <= 1e-14).count().min(num.len() - 1);
    num.drain(..lead);
    let k = num[0];
    let num: Vec<f64> = num.iter().map(|v| v / k).collect();
    let z = if k == 0.0 { Vec::new() } else { roots(&num)? };
    Ok(Zpk { z: Array1::from(z), p: Array1::from(roots(&den)?), k })
}
