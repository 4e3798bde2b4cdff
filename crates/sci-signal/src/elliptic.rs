//! Complete elliptic integral `K`, Jacobi elliptic functions and the degree equation used by
//! the elliptic (Cauer) filter design (SciPy's `special.ellipk`, `special.ellipkm1`,
//! `special.ellipj`, and `_ellipdeg` / `_arc_jac_sn` / `_arc_jac_sc1` in `_filter_design.py`).

use std::f64::consts::{FRAC_PI_2, PI};

/// Coefficients of Cephes' `ellpk` approximation `K(1 - x) = P(x) - log(x) Q(x)` (highest power
/// first), the one `scipy.special.ellipk` evaluates: using the same formula keeps order
/// selection's bounded searches on SciPy's path.
// The decimals as published (they parse to the same doubles as SciPy's tables).
#[allow(clippy::excessive_precision)]
const ELLPK_P: [f64; 11] = [
    1.37982864606273237150E-4,
    2.28025724005875567385E-3,
    7.97404013220415179367E-3,
    9.85821379021226008714E-3,
    6.87489687449949877925E-3,
    6.18901033637687613229E-3,
    8.79078273952743772254E-3,
    1.49380448916805252718E-2,
    3.08851465246711995998E-2,
    9.65735902811690126535E-2,
    1.38629436111989062502E0,
];
#[allow(clippy::excessive_precision)]
const ELLPK_Q: [f64; 11] = [
    2.94078955048598507511E-5,
    9.14184723865917226571E-4,
    5.94058303753167793257E-3,
    1.54850516649762399335E-2,
    2.39089602715924892727E-2,
    3.01204715227604046988E-2,
    3.73774314173823228969E-2,
    4.88280347570998239232E-2,
    7.03124996963957469739E-2,
    1.24999999999870820058E-1,
    4.99999999999999999821E-1,
];

fn polevl(x: f64, c: &[f64]) -> f64 {
    c[1..].iter().fold(c[0], |acc, &ci| acc * x + ci)
}

/// `K(1 - p)` from the complementary parameter `p = 1 - m` (Cephes `ellpk`), infinite at
/// `p = 0`, NaN for `p < 0`.
fn ellpk(p: f64) -> f64 {
    if p.is_nan() || p < 0.0 {
        return f64::NAN;
    }
    if p > 1.0 {
        if p.is_infinite() {
            return 0.0;
        }
        return ellpk(1.0 / p) / p.sqrt();
    }
    if p > f64::EPSILON / 2.0 {
        polevl(p, &ELLPK_P) - p.ln() * polevl(p, &ELLPK_Q)
    } else if p == 0.0 {
        f64::INFINITY
    } else {
        std::f64::consts::LN_2 * 2.0 - 0.5 * p.ln()
    }
}

/// Complete elliptic integral of the first kind `K(m)` (parameter `m = k^2`, SciPy's
/// `special.ellipk`).
pub(crate) fn ellipk(m: f64) -> f64 {
    ellpk(1.0 - m)
}

/// `K(1 - p)`, accurate for small `p` (SciPy's `special.ellipkm1`).
pub(crate) fn ellipkm1(p: f64) -> f64 {
    ellpk(p)
}

/// Jacobi elliptic functions `(sn, cn, dn)` of `u` with parameter `m` (Cephes `ellpj`: descending
/// Landen/AGM sequence, with the series near `m = 0` and `m = 1`).
pub(crate) fn ellipj(u: f64, m: f64) -> (f64, f64, f64) {
    if !(0.0..=1.0).contains(&m) || m.is_nan() || u.is_nan() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    if m < 1.0e-9 {
        let t = u.sin();
        let b = u.cos();
        let ai = 0.25 * m * (u - t * b);
        return (t - ai * b, b + ai * t, 1.0 - 0.5 * m * t * t);
    }
    if m >= 0.9999999999 {
        let mut ai = 0.25 * (1.0 - m);
        let b = u.cosh();
        let t = u.tanh();
        let phi = 1.0 / b;
        let twon = b * u.sinh();
        let sn = t + ai * (twon - u) / (b * b);
        ai *= t * phi;
        let cn = phi - ai * (twon - u);
        let dn = phi + ai * (twon + u);
        return (sn, cn, dn);
    }
    let mut a = [0.0f64; 9];
    let mut c = [0.0f64; 9];
    a[0] = 1.0;
    let mut b = (1.0 - m).sqrt();
    c[0] = m.sqrt();
    let mut twon = 1.0;
    let mut i = 0;
    while (c[i] / a[i]).abs() > f64::EPSILON / 2.0 {
        if i > 7 {
            break;
        }
        let ai = a[i];
        i += 1;
        c[i] = (ai - b) / 2.0;
        let t = (ai * b).sqrt();
        a[i] = (ai + b) / 2.0;
        b = t;
        twon *= 2.0;
    }
    let mut phi = twon * a[i] * u;
    let mut prev = phi;
    while i > 0 {
        let t = c[i] * phi.sin() / a[i];
        prev = phi;
        phi = (t.asin() + phi) / 2.0;
        i -= 1;
    }
    let sn = phi.sin();
    let cn = phi.cos();
    (sn, cn, cn / (phi - prev).cos())
}

/// `10^x - 1`, accurate for small `x` (SciPy's `_pow10m1`).
pub(crate) fn pow10m1(x: f64) -> f64 {
    (std::f64::consts::LN_10 * x).exp_m1()
}

/// Solves the degree equation `n K(m) / K'(m) = K(m1) / K'(m1)` for `m` with nomes (SciPy's
/// `_ellipdeg`; Orfanidis, eq. 49).
pub(crate) fn ellipdeg(n: usize, m1: f64) -> f64 {
    const MMAX: i32 = 7;
    let k1 = ellipk(m1);
    let k1p = ellipkm1(m1);
    let q1 = (-PI * k1p / k1).exp();
    let q = q1.powf(1.0 / n as f64);
    let num: f64 = (0..=MMAX).map(|j| q.powi(j * (j + 1))).sum();
    let den = 1.0 + 2.0 * (1..=MMAX + 1).map(|j| q.powi(j * j)).sum::<f64>();
    16.0 * q * (num / den).powi(4)
}

/// Real inverse of the Jacobi `sc` function with the complementary parameter: `z` with
/// `w = sc(z, 1 - m)` (SciPy's `_arc_jac_sc1`, via `_arc_jac_sn(1j * w, m)`, whose descending
/// Landen sequence stays on the imaginary axis for imaginary arguments).
pub(crate) fn arc_jac_sc1(w: f64, m: f64) -> Option<f64> {
    let complement = |kx: f64| ((1.0 - kx) * (1.0 + kx)).sqrt();
    let k = m.sqrt();
    if k.is_nan() || k > 1.0 {
        return None;
    }
    if k == 1.0 {
        // arctanh(i w) = i atan(w)
        return Some(w.atan());
    }
    let mut ks = vec![k];
    while *ks.last().expect("non-empty") != 0.0 {
        let kp = complement(*ks.last().expect("non-empty"));
        ks.push((1.0 - kp) / (1.0 + kp));
        if ks.len() > 11 {
            return None; // Landen transformation not converging
        }
    }
    let capk = ks[1..].iter().fold(1.0, |acc, &v| acc * (1.0 + v)) * FRAC_PI_2;
    // Imaginary parts of the sequence w_n (the real parts stay zero).
    let mut y = w;
    for pair in ks.windows(2) {
        let (kn, knext) = (pair[0], pair[1]);
        let kw = kn * y;
        y = 2.0 * y / ((1.0 + knext) * (1.0 + (1.0 + kw * kw).sqrt()));
    }
    // arcsin(i y) = i asinh(y)
    Some(capk * (2.0 / PI * y.asinh()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_values() {
        // scipy.special.ellipk(0.5), ellipkm1(1e-10)
        assert!((ellipk(0.5) - 1.8540746773013719).abs() < 1e-15);
        assert!((ellipkm1(1e-10) - 12.8992198263876).abs() < 1e-13);
        assert!((ellipk(0.0) - FRAC_PI_2).abs() < 1e-16);
        assert!(ellipk(1.0).is_infinite() && ellipk(1.5).is_nan());
    }

    #[test]
    fn jacobi_values() {
        // scipy.special.ellipj(0.7, 0.3)
        let (sn, cn, dn) = ellipj(0.7, 0.3);
        assert!((sn - 0.6323047763108646).abs() < 1e-15, "{sn}");
        assert!((cn - 0.7747197363269298).abs() < 1e-15, "{cn}");
        assert!((dn - 0.9381136396814304).abs() < 1e-15, "{dn}");
        // sn^2 + cn^2 = 1 over the parameter range, including the series branches
        for &m in &[1e-12, 1e-5, 0.5, 0.999, 1.0 - 1e-12] {
            let (sn, cn, dn) = ellipj(1.3, m);
            assert!((sn * sn + cn * cn - 1.0).abs() < 1e-14);
            assert!((dn * dn + m * sn * sn - 1.0).abs() < 1e-14);
        }
        assert!(ellipj(0.5, 1.5).0.is_nan());
    }
}
