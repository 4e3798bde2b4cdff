//! J_v(x) for real order v.

use crate::gamma::gamma;

/// Bessel function of the first kind of real order, J_v(x).
///
/// Integer orders (any sign, any real x) go to [`jn`](crate::jn). For non-integer v, x must be
/// non-negative (NaN otherwise, as SciPy); at x = 0 the value is 0 for v > 0 and ±inf for
/// v < 0 (the sign of 1/Γ(v+1)). NaN at x = ±inf and for NaN arguments; for infinite v, 0
/// on [0, 2] and NaN elsewhere (as SciPy).
///
/// # Examples
///
/// ```
/// use sci_special::jv;
/// assert!((jv(1.0, 2.5) - 0.4970941024642741).abs() < 1e-15);
/// // J_{1/2}(x) = sqrt(2/(πx)) sin x
/// let x: f64 = 2.5;
/// let want = (2.0 / (std::f64::consts::PI * x)).sqrt() * x.sin();
/// assert!((jv(0.5, x) - want).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.jv` (real order and argument; the complex argument is
/// missing).
pub fn jv(v: f64, x: f64) -> f64 {
    if v.is_nan() || x.is_nan() || x.is_infinite() {
        return f64::NAN;
    }
    if v.is_infinite() {
        // SciPy (Cephes): 0 on [0, 2] (also at -0), NaN elsewhere.
        return if (0.0..=2.0).contains(&x) { 0.0 } else { f64::NAN };
    }
    if v == v.trunc() && v.abs() < i32::MAX as f64 {
        return crate::jn(v as i32, x);
    }
    if x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        // J_v(0) = 0 for every integer v ≠ 0, also beyond the i32 range (as SciPy).
        return if v > 0.0 || v == v.trunc() { 0.0 } else { f64::INFINITY.copysign(gamma(v + 1.0)) };
    }
    if x * x <= 2.0 * (v.abs() + 1.0) {
        return series(v, x);
    }
    if let Some(j) = hankel(v, x) {
        return j;
    }
    miller(v, x)
}

/// (x/2)^v / Γ(v+1), by powers where Γ does not overflow and by logarithms otherwise.
pub(super) fn leading(v: f64, x: f64) -> f64 {
    if v.abs() < 170.0 {
        (0.5 * x).powf(v) / gamma(v + 1.0)
    } else {
        let (lg, sign) = libm::lgamma_r(v + 1.0);
        f64::from(sign) * (v * (0.5 * x).ln() - lg).exp()
    }
}

/// Ascending series: J_v(x) = (x/2)^v/Γ(v+1) Σ (-x²/4)^k / (k! (v+1)_k).
fn series(v: f64, x: f64) -> f64 {
    let q = -0.25 * x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..500 {
        let kf = k as f64;
        term *= q / (kf * (v + kf));
        sum += term;
        if term.abs() <= f64::EPSILON * 0.25 * sum.abs() {
            break;
        }
    }
    leading(v, x) * sum
}

/// Hankel's expansion for large x; `None` when its terms do not get small enough.
fn hankel(v: f64, x: f64) -> Option<f64> {
    if x < 25.0 {
        return None;
    }
    let mu = 4.0 * v * v;
    let (mut p, mut q) = (1.0, 0.0);
    let mut term = 1.0;
    let mut converged = false;
    for k in 1..200 {
        let kf = k as f64;
        let odd = 2.0 * kf - 1.0;
        let next = term * (mu - odd * odd) / (kf * 8.0 * x);
        if next.abs() > term.abs() && k > 1 {
            break;
        }
        term = next;
        // a_k / x^k enters P (k even) or Q (k odd) with sign (-1)^(k/2) resp. (-1)^((k-1)/2).
        let s = if (k / 2) % 2 == 0 { 1.0 } else { -1.0 };
        if k % 2 == 0 {
            p += s * term;
        } else {
            q += s * term;
        }
        if term.abs() < 1e-17 {
            converged = true;
            break;
        }
    }
    if !converged {
        return None;
    }
    // χ = x - (v/2 + 1/4)π, with sin/cos of x and of the order shift taken separately.
    let phi = (0.5 * v + 0.25) * std::f64::consts::PI;
    let (sx, cx) = x.sin_cos();
    let (sp, cp) = phi.sin_cos();
    let (cchi, schi) = (cx * cp + sx * sp, sx * cp - cx * sp);
    Some((2.0 / (std::f64::consts::PI * x)).sqrt() * (p * cchi - q * schi))
}

/// Miller's backward recurrence from far above max(v, x) down to v, normalised at the
/// fractional part μ of v by Σ_k ε_k (μ+2k) Γ(μ+k)/(k! Γ(μ+1)) J_{μ+2k} = (x/2)^μ/Γ(μ+1).
fn miller(v: f64, x: f64) -> f64 {
    let mu = v - v.floor();
    let n_v = (v - mu) as i64; // order v = μ + n_v (n_v may be negative)
    let top_order = v.max(x) + 30.0 + (60.0 * x).sqrt();
    let low = n_v.min(0);
    if (top_order - mu).ceil() - low as f64 > 1e7 {
        // Orders or arguments beyond 10^7: no recurrence of that length. SciPy (Cephes) gives
        // the leading Hankel term for large x, and NaN otherwise.
        if x > 25.0 {
            let chi = x - (0.5 * v + 0.25) * std::f64::consts::PI;
            return (2.0 / (std::f64::consts::PI * x)).sqrt() * chi.cos();
        }
        return f64::NAN;
    }
    let mut top = (top_order - mu).ceil() as i64;
    top += top & 1; // even, so that the normalisation sum ends on a μ+2k order
    // f[i] ~ J_{μ+low+i}
    let len = (top - low + 2) as usize;
    let mut f = vec![0.0; len];
    let idx = |k: i64| (k - low) as usize;
    f[idx(top)] = 1e-300;
    let mut norm = 0.0;
    // r_k = Γ(μ+k)/(k! Γ(μ+1)), weight (μ+2k) r_k for k ≥ 1, 1 for k = 0.
    let weight = |k: i64| -> f64 {
        let mut r = 1.0;
        for j in 1..k {
            r *= (mu + j as f64) / (j + 1) as f64;
        }
        (mu + 2.0 * k as f64) * r
    };
    let mut w = if top >= 2 { weight(top / 2) } else { 1.0 };
    let mut k = top;
    while k > low {
        let order = mu + k as f64;
        let prev = 2.0 * order / x * f[idx(k)] - f[idx(k + 1)];
        if k >= 0 && k % 2 == 0 && k > 0 {
            norm += w * f[idx(k)];
            let half = (k / 2) as f64;
            // w_{h-1} from w_h: r_{h-1} = r_h·h/(μ+h-1), weight = (μ+2h-2) r_{h-1}
            w = if half > 1.0 {
                w / (mu + 2.0 * half) * half / (mu + half - 1.0) * (mu + 2.0 * half - 2.0)
            } else {
                1.0
            };
        }
        f[idx(k - 1)] = prev;
        if prev.abs() > 1e250 {
            for e in f.iter_mut() {
                *e *= 1e-250;
            }
            norm *= 1e-250;
        }
        k -= 1;
    }
    norm += f[idx(0)];
    f[idx(n_v)] / norm * leading(mu, x)
}

/// Bessel function of the second kind of real order, Y_v(x).
///
/// Integer orders go to [`yn`](crate::yn); other orders use
/// Y_v = (J_v cos vπ - J_{-v}) / sin vπ. NaN for x < 0 and at `inf`, `-inf` at x = 0.
///
/// # Examples
///
/// ```
/// use sci_special::yv;
/// // Y_{1/2}(x) = -sqrt(2/(πx)) cos x
/// let x: f64 = 2.5;
/// let want = -(2.0 / (std::f64::consts::PI * x)).sqrt() * x.cos();
/// assert!((yv(0.5, x) - want).abs() < 1e-15);
/// assert!((yv(1.0, 1.0) + 0.7812128213002887).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.yv` (real order and argument; the complex argument is
/// missing).
pub fn yv(v: f64, x: f64) -> f64 {
    if v.is_infinite() && x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if v.is_nan() || x.is_nan() || x < 0.0 || x == f64::INFINITY || v.is_infinite() {
        return f64::NAN;
    }
    if v == v.trunc() && v.abs() < i32::MAX as f64 {
        return crate::yn(v as i32, x);
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    // cos(vπ) and sin(vπ) from the reduced order, exact at the half-integers.
    let r = v % 2.0;
    let s = crate::gamma::sinpi(r);
    let c = crate::gamma::sinpi(0.5 - r.abs());
    (jv(v, x) * c - jv(-v, x)) / s
}
