//! The distributions of the Kolmogorov-Smirnov statistics: the two-sided D_n (SciPy's
//! `kstwo`, ported from `scipy/stats/_ksstats.py`: Ruben-Gambino, the Durbin matrix of
//! Marsaglia-Tsang-Wang, Pomeranz's recursion and the Pelz-Good expansion, chosen by n and
//! n·x² as Simard & L'Ecuyer (2011) recommend), the one-sided D_n⁺ (`smirnov`, the exact
//! Birnbaum-Tingey sum) and the limiting Kolmogorov distribution (`kolmogorov`).

use crate::kernels::log_dbinom;
use sci_array::special::gammaln;
use std::f64::consts::PI;

const E128: i32 = 128;
const EP128: f64 = 340_282_366_920_938_463_463_374_607_431_768_211_456.0; // 2^128
const EM128: f64 = 1.0 / EP128; // 2^-128

fn pick(cdfprob: f64, sfprob: f64, cdf: bool) -> f64 {
    (if cdf { cdfprob } else { sfprob }).clamp(0.0, 1.0)
}

/// P(D_n⁺ ≥ d), the one-sided statistic's survival function (`scipy.special.smirnov`).
pub(crate) fn smirnov(n: usize, d: f64) -> f64 {
    if d.is_nan() {
        return f64::NAN;
    }
    if d <= 0.0 {
        return 1.0;
    }
    if d >= 1.0 {
        return 0.0;
    }
    // SciPy's `smirnov` takes n as a C int: NaN from 2^31 on (instead of a sum of 2^64 terms).
    if n > i32::MAX as usize {
        return f64::NAN;
    }
    let nf = n as f64;
    // P(D_n⁺ ≥ d) ≤ exp(-2nd²) (Massart): 0 once that underflows, without the O(n) sum.
    if -2.0 * nf * d * d < -745.2 {
        return 0.0;
    }
    // d Σ_{j=0}^{⌊n(1-d)⌋} C(n, j) (1 - d - j/n)^(n-j) (d + j/n)^(j-1): with p = d + j/n the
    // term is the binomial probability b(j; n, p) divided by p, which Loader's expansion
    // gives to a few ulps for any n.
    let jmax = ((nf * (1.0 - d)).floor() as usize).min(n);
    let mut total = 0.0;
    for j in 0..=jmax {
        let jf = j as f64;
        let p = d + jf / nf;
        let q = 1.0 - d - jf / nf;
        if q <= 0.0 && j < n {
            continue;
        }
        total += (log_dbinom(jf, nf, p, q.max(0.0)) - p.ln()).exp();
    }
    (d * total).clamp(0.0, 1.0)
}

/// The limiting survival function P(√n D_n > x) as n → ∞ (`scipy.special.kolmogorov`).
pub(crate) fn kolmogorov(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x < 1.0 {
        // CDF = √(2π)/x Σ_{k≥1} exp(-(2k-1)²π²/(8x²)).
        let w = -PI * PI / (8.0 * x * x);
        let mut s = 0.0;
        for k in 1..=30 {
            let m = (2 * k - 1) as f64;
            let t = (w * m * m).exp();
            s += t;
            if t < 1e-20 * s {
                break;
            }
        }
        return (1.0 - (2.0 * PI).sqrt() / x * s).clamp(0.0, 1.0);
    }
    // SF = 2 Σ_{k≥1} (-1)^(k-1) exp(-2k²x²).
    let mut s = 0.0;
    let mut sign = 1.0;
    for k in 1..=100 {
        let kf = k as f64;
        let t = (-2.0 * kf * kf * x * x).exp();
        s += sign * t;
        sign = -sign;
        if t < 1e-20 {
            break;
        }
    }
    (2.0 * s).clamp(0.0, 1.0)
}

fn matmul(a: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for k in 0..m {
            let aik = a[i * m + k];
            if aik == 0.0 {
                continue;
            }
            for j in 0..m {
                c[i * m + j] += aik * b[k * m + j];
            }
        }
    }
    c
}

/// Pr(D_n ≤ d) by the Durbin matrix (Marsaglia, Tsang and Wang 2003).
fn kolmogn_dmtw(n: usize, d: f64) -> f64 {
    if d >= 1.0 {
        return 1.0;
    }
    let nd = n as f64 * d;
    if nd <= 0.5 {
        return 0.0;
    }
    let k = nd.ceil() as usize;
    let h = k as f64 - nd;
    let m = 2 * k - 1;
    let mut hm = vec![0.0; m * m];
    let mut v: Vec<f64> = (1..=m).map(|i| 1.0 - h.powi(i as i32)).collect();
    let mut w = vec![0.0; m];
    let mut fac = 1.0;
    for j in 1..=m {
        w[j - 1] = fac;
        fac /= j as f64;
        v[j - 1] *= fac;
    }
    let tt = (2.0 * h - 1.0).max(0.0).powi(m as i32) - 2.0 * h.powi(m as i32);
    v[m - 1] = (1.0 + tt) * fac;
    for i in 1..m {
        for r in (i - 1)..m {
            hm[r * m + i] = w[r - (i - 1)];
        }
    }
    for r in 0..m {
        hm[r * m] = v[r];
    }
    for c in 0..m {
        hm[(m - 1) * m + c] = v[m - 1 - c];
    }
    let mut pw = vec![0.0; m * m];
    for i in 0..m {
        pw[i * m + i] = 1.0;
    }
    let mut nn = n;
    let mut expnt: i32 = 0;
    let mut hexpnt: i32 = 0;
    while nn > 0 {
        if nn % 2 == 1 {
            pw = matmul(&pw, &hm, m);
            expnt += hexpnt;
        }
        hm = matmul(&hm, &hm, m);
        hexpnt *= 2;
        if hm[(k - 1) * m + (k - 1)].abs() > EP128 {
            for x in hm.iter_mut() {
                *x /= EP128;
            }
            hexpnt += E128;
        }
        nn /= 2;
    }
    let mut p = pw[(k - 1) * m + (k - 1)];
    for i in 1..=n {
        p = i as f64 * p / n as f64;
        if p.abs() < EM128 {
            p *= EP128;
            expnt -= E128;
        }
    }
    if expnt != 0 {
        p *= 2f64.powi(expnt);
    }
    p
}

fn pomeranz_j1j2(i: usize, n: usize, ll: i64, ceilf: i64, roundf: i64) -> (i64, i64) {
    let n = n as i64;
    let (j1, j2) = if i == 0 {
        (-ll - ceilf - 1, ll + ceilf - 1)
    } else {
        let (ip1div2, ip1mod2) = ((i as i64 + 1) / 2, (i as i64 + 1) % 2);
        if ip1mod2 == 0 {
            if ip1div2 == n + 1 {
                (n - ll - ceilf - 1, n + ll + ceilf - 1)
            } else {
                (ip1div2 - 1 - ll - roundf - 1, ip1div2 + ll - 1 + ceilf - 1)
            }
        } else {
            (ip1div2 - 1 - ll - 1, ip1div2 + ll + roundf - 1)
        }
    };
    ((j1 + 2).max(0), j2.min(n))
}

/// Pr(D_n ≤ x) by Pomeranz's recursion (1974).
fn kolmogn_pomeranz(n: usize, x: f64) -> f64 {
    let nf = n as f64;
    let t = nf * x;
    let ll = t.floor() as i64;
    let f = t - ll as f64;
    let g = f.min(1.0 - f);
    let ceilf = i64::from(f > 0.0);
    let roundf = i64::from(f > 0.5);
    let npwrs = 2 * (ll as usize + 1);
    let mut gpower = vec![1.0; npwrs];
    let mut twogpower = vec![1.0; npwrs];
    let mut onem2gpower = vec![1.0; npwrs];
    let (gn, tgn, omg) = (g / nf, 2.0 * g / nf, (1.0 - 2.0 * g) / nf);
    for m in 1..npwrs {
        gpower[m] = gpower[m - 1] * gn / m as f64;
        twogpower[m] = twogpower[m - 1] * tgn / m as f64;
        onem2gpower[m] = onem2gpower[m - 1] * omg / m as f64;
    }
    let mut v0 = vec![0.0; npwrs];
    let mut v1 = vec![0.0; npwrs];
    v1[0] = 1.0;
    let (mut v0s, mut v1s) = (0i64, 0i64);
    let mut expnt: i32 = 0;
    let (mut j1, _) = pomeranz_j1j2(0, n, ll, ceilf, roundf);
    for i in 1..(2 * n + 2) {
        let k1 = j1;
        std::mem::swap(&mut v0, &mut v1);
        std::mem::swap(&mut v0s, &mut v1s);
        v1.iter_mut().for_each(|x| *x = 0.0);
        let (nj1, j2) = pomeranz_j1j2(i, n, ll, ceilf, roundf);
        j1 = nj1;
        let pwrs = if i == 1 || i == 2 * n + 1 {
            &gpower
        } else if i % 2 == 1 {
            &twogpower
        } else {
            &onem2gpower
        };
        let ln2 = j2 - k1 + 1;
        if ln2 > 0 {
            let ln2 = ln2 as usize;
            let start = (k1 - v0s) as usize;
            let a = &v0[start..start + ln2];
            let b = &pwrs[..ln2];
            // Full convolution, entries conv_start..conv_start+conv_len.
            let conv_start = (j1 - k1) as usize;
            let conv_len = (j2 - j1 + 1).max(0) as usize;
            for (idx, out) in v1.iter_mut().take(conv_len).enumerate() {
                let c = conv_start + idx;
                let mut s = 0.0;
                let lo = c.saturating_sub(ln2 - 1);
                for p in lo..=c.min(ln2 - 1) {
                    s += a[p] * b[c - p];
                }
                *out = s;
            }
            let mx = v1.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if 0.0 < mx && mx < EM128 {
                v1.iter_mut().for_each(|x| *x *= EP128);
                expnt -= E128;
            }
            v1s = v0s + j1 - k1;
        }
    }
    let mut ans = v1[(n as i64 - v1s) as usize];
    for m in 1..=n {
        if ans.abs() > EP128 {
            ans *= EM128;
            expnt += E128;
        }
        ans *= m as f64;
    }
    if expnt != 0 {
        ans *= 2f64.powi(expnt);
    }
    ans
}

/// The Pelz-Good (1976) approximation to Pr(D_n ≤ x) (or its complement).
fn kolmogn_pelz_good(n: usize, x: f64, cdf: bool) -> f64 {
    if x <= 0.0 {
        return pick(0.0, 1.0, cdf);
    }
    if x >= 1.0 {
        return pick(1.0, 0.0, cdf);
    }
    let sqrt2pi = (2.0 * PI).sqrt();
    let (pi2, pi4, pi6) = (PI * PI, PI.powi(4), PI.powi(6));
    let z = (n as f64).sqrt() * x;
    let (z2, z3, z4, z6) = (z * z, z.powi(3), z.powi(4), z.powi(6));
    let qlog = -pi2 / 8.0 / z2;
    if qlog < -708.0 {
        return pick(0.0, 1.0, cdf);
    }
    let q = qlog.exp();
    let k1a = -z2;
    let k1b = pi2 / 4.0;
    let k2a = 6.0 * z6 + 2.0 * z4;
    let k2b = (2.0 * z4 - 5.0 * z2) * pi2 / 4.0;
    let k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
    let k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
    let k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
    let k3b = pi2 * (135.0 * z4 - 96.0 * z6) / 4.0;
    let k3a = -30.0 * z6 - 90.0 * z.powi(8);
    let mut k = [0.0f64; 4];
    let maxk = (16.0 * z / PI).ceil() as i64;
    for kk in (1..=maxk).rev() {
        let m = (2 * kk - 1) as f64;
        let (m2, m4, m6) = (m * m, m.powi(4), m.powi(6));
        let qp = q.powf(8.0 * kk as f64);
        let coeffs = [1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
        for i in 0..4 {
            k[i] = k[i] * qp + coeffs[i];
        }
    }
    let div = [z, 6.0 * z4, 72.0 * z.powi(7), 6480.0 * z.powi(10)];
    for i in 0..4 {
        k[i] = k[i] * q * sqrt2pi / div[i];
    }
    let q2 = (-pi2 / 2.0 / z2).exp();
    let sqrt3z = 3f64.sqrt() * z;
    let (mut k2extra, mut k3extra) = (0.0, 0.0);
    for kk in (1..=maxk).rev() {
        let ks = kk as f64;
        let ks2 = ks * ks;
        let qp = q2.powf(ks2);
        let kspi = PI * ks;
        k2extra += ks2 * qp;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
    }
    k[2] += k2extra * pi2 * sqrt2pi / (-36.0 * z3);
    k[3] += k3extra * pi2 * sqrt2pi / (216.0 * z6);
    for (i, ki) in k.iter_mut().enumerate() {
        *ki /= (n as f64).powf(i as f64 / 2.0);
    }
    if !cdf {
        for ki in k.iter_mut() {
            *ki = -*ki;
        }
        k[0] += 1.0;
    }
    k.iter().sum()
}

/// The CDF (or SF) of the two-sided statistic D_n at x (SciPy's `_kolmogn`).
pub(crate) fn kolmogn(n: usize, x: f64, cdf: bool) -> f64 {
    if x.is_nan() || n == 0 {
        return f64::NAN;
    }
    if x >= 1.0 {
        return pick(1.0, 0.0, cdf);
    }
    if x <= 0.0 {
        return pick(0.0, 1.0, cdf);
    }
    let nf = n as f64;
    let t = nf * x;
    if t <= 1.0 {
        if t <= 0.5 {
            return pick(0.0, 1.0, cdf);
        }
        let prob = if n <= 140 {
            (1..=n).map(|i| i as f64 * (1.0 / nf) * (2.0 * t - 1.0)).product()
        } else {
            (gammaln(nf + 1.0) - nf * nf.ln() + nf * (2.0 * t - 1.0).ln()).exp()
        };
        return pick(prob, 1.0 - prob, cdf);
    }
    if t >= nf - 1.0 {
        let prob = 2.0 * (1.0 - x).powf(nf);
        return pick(1.0 - prob, prob, cdf);
    }
    if x >= 0.5 {
        let prob = 2.0 * smirnov(n, x);
        return pick(1.0 - prob, prob, cdf);
    }
    let nxsquared = t * x;
    if n <= 140 {
        if nxsquared <= 0.754693 {
            let prob = kolmogn_dmtw(n, x);
            return pick(prob, 1.0 - prob, cdf);
        }
        if nxsquared <= 4.0 {
            let prob = kolmogn_pomeranz(n, x);
            return pick(prob, 1.0 - prob, cdf);
        }
        let prob = 2.0 * smirnov(n, x);
        return pick(1.0 - prob, prob, cdf);
    }
    if !cdf {
        if nxsquared >= 370.0 {
            return 0.0;
        }
        if nxsquared >= 2.2 {
            return (2.0 * smirnov(n, x)).clamp(0.0, 1.0);
        }
    }
    let cdfprob = if nxsquared >= 18.0 {
        1.0
    } else if n <= 100_000 && nf * x.powf(1.5) <= 1.4 {
        kolmogn_dmtw(n, x)
    } else {
        kolmogn_pelz_good(n, x, true)
    };
    pick(cdfprob, 1.0 - cdfprob, cdf)
}
