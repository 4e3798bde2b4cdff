//! Exponential and trigonometric integrals: `exp1`, `expi`, `expn`, `sici`, `shichi`, and
//! Spence's function (the dilogarithm).

/// Euler's constant γ.
const EULER: f64 = 0.577_215_664_901_532_9;

/// E₁(x) for real x: the series -γ - ln x + Σ for x ≤ 1, a continued fraction with
/// `20 + 80/x` terms above (the algorithm of Zhang & Jin's `E1XB`, which SciPy uses).
fn e1xb(x: f64) -> f64 {
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x <= 1.0 {
        let mut e1 = 1.0;
        let mut r = 1.0;
        for k in 1..=25 {
            let kf = f64::from(k);
            r = -r * kf * x / ((kf + 1.0) * (kf + 1.0));
            e1 += r;
            if r.abs() <= e1.abs() * 1e-15 {
                break;
            }
        }
        return -EULER - x.ln() + x * e1;
    }
    // C's `(int)(80/x)`: NaN gives a negative count (no terms), the result stays NaN.
    let m = if x.is_nan() { -1 } else { 20 + (80.0 / x) as i64 };
    let mut t0 = 0.0;
    let mut k = m;
    while k >= 1 {
        let kf = k as f64;
        t0 = kf / (1.0 + kf / (x + t0));
        k -= 1;
    }
    (-x).exp() / (x + t0)
}

/// The exponential integral E₁(x) = ∫₁^∞ e^{-xt}/t dt for real `x`: `inf` at 0, NaN for `x < 0`
/// (where the real function is not defined; SciPy's real ufunc gives NaN too).
///
/// # Examples
///
/// ```
/// use sci_special::exp1;
/// assert!((exp1(1.0) - 0.2193839343955205).abs() < 1e-16);
/// assert_eq!(exp1(0.0), f64::INFINITY);
/// assert!(exp1(-1.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.exp1` (real argument).
pub fn exp1(x: f64) -> f64 {
    e1xb(x)
}

/// The exponential integral Ei(x) = -PV ∫_{-x}^∞ e^{-t}/t dt: `-inf` at 0, `-E₁(-x)` for `x < 0`.
///
/// # Examples
///
/// ```
/// use sci_special::expi;
/// assert!((expi(1.0) - 1.8951178163559368).abs() < 1e-15);
/// assert_eq!(expi(0.0), f64::NEG_INFINITY);
/// assert!((expi(-1.0) + 0.2193839343955205).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.expi` (real argument).
pub fn expi(x: f64) -> f64 {
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x < 0.0 {
        return -e1xb(-x);
    }
    if x.abs() <= 40.0 {
        let mut ei = 1.0;
        let mut r = 1.0;
        for k in 1..=100 {
            let kf = f64::from(k);
            r = r * kf * x / ((kf + 1.0) * (kf + 1.0));
            ei += r;
            if (r / ei).abs() <= 1e-15 {
                break;
            }
        }
        return EULER + x.ln() + x * ei;
    }
    if x == f64::INFINITY {
        return f64::INFINITY;
    }
    let mut ei = 1.0;
    let mut r = 1.0;
    for k in 1..=20 {
        r = r * f64::from(k) / x;
        ei += r;
    }
    x.exp() / x * ei
}

/// The generalized exponential integral Eₙ(x) = ∫₁^∞ e^{-xt}/tⁿ dt for an integer order
/// `n ≥ 0` and `x ≥ 0` (NaN otherwise); `inf` at x = 0 for n ≤ 1, `1/(n-1)` at 0 above.
/// SciPy accepts a float `n` and truncates it; pass `n as i32` for that behaviour.
///
/// # Examples
///
/// ```
/// use sci_special::expn;
/// assert!((expn(1, 1.0) - 0.2193839343955205).abs() < 1e-16);
/// assert!((expn(3, 2.0) - 0.03013337979781591).abs() < 1e-16);
/// assert_eq!(expn(2, 0.0), 1.0);
/// assert!(expn(-1, 1.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.expn`.
pub fn expn(n: i32, x: f64) -> f64 {
    if x.is_nan() || n < 0 || x < 0.0 {
        return f64::NAN;
    }
    if x > 709.782_712_893_384 {
        return 0.0;
    }
    if x == 0.0 {
        return if n < 2 { f64::INFINITY } else { 1.0 / f64::from(n - 1) };
    }
    if n == 0 {
        return (-x).exp() / x;
    }
    if n > 50 {
        return expn_large_n(n, x);
    }
    let nf = f64::from(n);
    if x <= 1.0 {
        // Power series: (-x)^(n-1) (ψ(n) - ln x)/(n-1)! - Σ_{k≠n-1} (-x)^k / (k! (k - n + 1)).
        let mut psi = -EULER - x.ln();
        for i in 1..n {
            psi += 1.0 / f64::from(i);
        }
        let z = -x;
        let mut xk = 0.0;
        let mut yk = 1.0;
        let mut pk = 1.0 - nf;
        let mut ans = if n == 1 { 0.0 } else { 1.0 / pk };
        loop {
            xk += 1.0;
            yk *= z / xk;
            pk += 1.0;
            if pk != 0.0 {
                ans += yk / pk;
            }
            let t = if ans != 0.0 { (yk / ans).abs() } else { 1.0 };
            if t <= f64::EPSILON / 2.0 {
                break;
            }
        }
        return z.powf(nf - 1.0) * psi / crate::gamma::gamma(nf) - ans;
    }
    // Continued fraction (the even contraction of e^x Eₙ(x) = 1/(x + n/(1 + 1/(x + (n+1)/(1 + ...)))).
    const BIG: f64 = 4.503_599_627_370_496e15;
    let mut k = 1.0_f64;
    let (mut pkm2, mut qkm2, mut pkm1, mut qkm1) = (1.0, x, 1.0, x + nf);
    let mut ans = pkm1 / qkm1;
    loop {
        k += 1.0;
        let (yk, xk) = if k % 2.0 == 1.0 { (1.0, nf + (k - 1.0) / 2.0) } else { (x, k / 2.0) };
        let pk = pkm1 * yk + pkm2 * xk;
        let qk = qkm1 * yk + qkm2 * xk;
        let t = if qk != 0.0 {
            let r = pk / qk;
            let t = ((ans - r) / r).abs();
            ans = r;
            t
        } else {
            1.0
        };
        pkm2 = pkm1;
        pkm1 = pk;
        qkm2 = qkm1;
        qkm1 = qk;
        if pk.abs() > BIG {
            pkm2 /= BIG;
            pkm1 /= BIG;
            qkm2 /= BIG;
            qkm1 /= BIG;
        }
        if t <= f64::EPSILON / 2.0 {
            break;
        }
    }
    ans * (-x).exp()
}

/// Eₙ(x) for n > 50: the uniform expansion e^{-x}/(n + x) Σ_{k<13} A_k(λ) / (n (1 + λ)²)^k with
/// λ = x/n (DLMF 8.20.ii), A₀ = A₁ = 1 and A_{k+1} = (1 - 2kλ) A_k + λ(λ + 1) A_k'. SciPy stops
/// at these 13 terms too, so for x comparable to n (where the series converges slowly) both
/// carry the same truncation error (1e-7 relative at n = 100, x = 50).
fn expn_large_n(n: i32, x: f64) -> f64 {
    let p = f64::from(n);
    let lambda = x / p;
    let mult = 1.0 / p / (lambda + 1.0) / (lambda + 1.0);
    let expfac = (-lambda * p).exp() / (lambda + 1.0) / p;
    if expfac == 0.0 {
        return 0.0;
    }
    let mut fac = mult;
    let mut res = 1.0 + fac;
    // Polynomials in λ, coefficients lowest degree first; `a` holds A_k, starting from A₁ = 1.
    let mut a: Vec<f64> = vec![1.0];
    for k in 1..13 {
        let kf = f64::from(k);
        let mut next = vec![0.0; a.len() + 1];
        for (j, &c) in a.iter().enumerate() {
            let jf = j as f64;
            // (1 - 2kλ) c λ^j + λ(λ + 1) j c λ^(j-1)
            next[j] += c + jf * c;
            next[j + 1] += jf * c - 2.0 * kf * c;
        }
        // `next` is A_{k+1}; Cephes' loop index runs over A_2 .. A_12.
        a = next;
        if k + 1 >= 13 {
            break;
        }
        fac *= mult;
        let term = fac * a.iter().rev().fold(0.0, |acc, &c| acc * lambda + c);
        res += term;
        if term.abs() < f64::EPSILON / 2.0 * res.abs() {
            break;
        }
    }
    expfac * res
}

/// Si and Ci of `x > 0`: power series up to 2, the continued fraction of E₁(ix) above
/// (E₁(ix) = -Ci(x) + i (Si(x) - π/2)).
fn sici_pos(x: f64) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    if x <= 2.0 {
        let z = x * x;
        let (mut si, mut ci) = (x, 0.0);
        let mut t = 1.0; // (-1)^k x^{2k} / (2k)!
        let mut k = 1.0_f64;
        loop {
            // ci term k: t_{2k}/(2k); si term: t_{2k+1}/(2k+1)
            t *= -z / ((2.0 * k - 1.0) * (2.0 * k));
            let tc = t / (2.0 * k);
            ci += tc;
            let ts = t * x / (2.0 * k + 1.0);
            let ts = ts / (2.0 * k + 1.0);
            si += ts;
            if tc.abs() < 1e-18 * ci.abs().max(1e-300) && ts.abs() < 1e-18 * si.abs() {
                break;
            }
            k += 1.0;
            if k > 60.0 {
                break;
            }
        }
        return (si, EULER + x.ln() + ci);
    }
    if x.is_infinite() {
        return (FRAC_PI_2, 0.0);
    }
    // Modified Lentz on 1/(1+ix - 1/(3+ix - 4/(5+ix - ...))) (complex numbers as pairs).
    let tiny = 1e-300;
    let mut b = (1.0, x);
    let mut c = (1.0 / tiny, 0.0);
    let mut d = cinv(b);
    let mut h = d;
    for i in 2..1000 {
        let a = -f64::from(i - 1) * f64::from(i - 1);
        b.0 += 2.0;
        d = cinv((a * d.0 + b.0, a * d.1 + b.1));
        let ac = cmul((a, 0.0), cinv(c));
        c = (b.0 + ac.0, b.1 + ac.1);
        let del = cmul(c, d);
        h = cmul(h, del);
        if (del.0 - 1.0).abs() + del.1.abs() < 1e-16 {
            break;
        }
    }
    let h = cmul(h, (x.cos(), -x.sin()));
    (FRAC_PI_2 + h.1, -h.0)
}

fn cmul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn cinv(a: (f64, f64)) -> (f64, f64) {
    // Smith's algorithm, safe from overflow.
    if a.0.abs() >= a.1.abs() {
        let r = a.1 / a.0;
        let den = a.0 + a.1 * r;
        (1.0 / den, -r / den)
    } else {
        let r = a.0 / a.1;
        let den = a.0 * r + a.1;
        (r / den, -1.0 / den)
    }
}

/// The sine and cosine integrals (Si(x), Ci(x)): Si(x) = ∫₀ˣ sin t/t dt,
/// Ci(x) = γ + ln x + ∫₀ˣ (cos t - 1)/t dt. For `x < 0` Si is odd and Ci is returned for |x|
/// (the real part), as SciPy does; Ci(0) = `-inf`, Ci(-inf) = NaN.
///
/// # Examples
///
/// ```
/// use sci_special::sici;
/// let (si, ci) = sici(1.0);
/// assert!((si - 0.9460830703671831).abs() < 1e-15);
/// assert!((ci - 0.33740392290096816).abs() < 1e-15);
/// assert_eq!(sici(0.0), (0.0, f64::NEG_INFINITY));
/// ```
///
/// SciPy equivalent: `scipy.special.sici` (real argument).
pub fn sici(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (x, x);
    }
    if x == 0.0 {
        return (x, f64::NEG_INFINITY);
    }
    let (si, ci) = sici_pos(x.abs());
    if x < 0.0 { (-si, if x.is_infinite() { f64::NAN } else { ci }) } else { (si, ci) }
}

/// Ei(x) for x ≥ 8, to full precision: the series up to 50, the asymptotic series beyond.
fn ei_big(x: f64) -> f64 {
    if x <= 50.0 {
        let mut sum = 0.0;
        let mut t = 1.0;
        for k in 1..400 {
            let kf = f64::from(k);
            t *= x / kf;
            let term = t / kf;
            sum += term;
            if term < 1e-17 * sum {
                break;
            }
        }
        return EULER + x.ln() + sum;
    }
    let mut sum = 1.0;
    let mut t = 1.0;
    for k in 1..60 {
        t *= f64::from(k) / x;
        sum += t;
        if t < 1e-17 * sum {
            break;
        }
    }
    // e^x / x without overflowing e^x where the quotient is still finite (x up to ~716).
    let h = (0.5 * x).exp();
    h * (h / x) * sum
}

/// The hyperbolic sine and cosine integrals (Shi(x), Chi(x)): Shi(x) = ∫₀ˣ sinh t/t dt,
/// Chi(x) = γ + ln x + ∫₀ˣ (cosh t - 1)/t dt. Shi is odd; for `x < 0` Chi is returned for |x|
/// (the real part), as SciPy does; Chi(0) = `-inf`.
///
/// # Examples
///
/// ```
/// use sci_special::shichi;
/// let (shi, chi) = shichi(1.0);
/// assert!((shi - 1.0572508753757286).abs() < 1e-15);
/// assert!((chi - 0.8378669409802082).abs() < 1e-15);
/// assert_eq!(shichi(0.0), (0.0, f64::NEG_INFINITY));
/// ```
///
/// SciPy equivalent: `scipy.special.shichi` (real argument).
pub fn shichi(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (x, x);
    }
    if x == 0.0 {
        return (x, f64::NEG_INFINITY);
    }
    let a = x.abs();
    let (shi, chi) = if a < 8.0 {
        let z = a * a;
        let (mut s, mut c) = (1.0, 0.0);
        let mut t = 1.0;
        let mut k = 2.0_f64;
        loop {
            t *= z / k;
            c += t / k;
            k += 1.0;
            t /= k;
            s += t / k;
            k += 1.0;
            if (t / s).abs() <= f64::EPSILON / 2.0 {
                break;
            }
        }
        (a * s, EULER + a.ln() + c)
    } else if a > 1000.0 {
        (f64::INFINITY, f64::INFINITY)
    } else {
        let ei = ei_big(a);
        let e1 = e1xb(a);
        (0.5 * (ei + e1), 0.5 * (ei - e1))
    };
    (if x < 0.0 { -shi } else { shi }, chi)
}

/// Li₂(-w) = Σ (-w)^k / k² for |w| ≤ 1/2.
fn dilog_small(w: f64) -> f64 {
    let z = -w;
    let mut sum = 0.0;
    let mut p = 1.0;
    for k in 1..200 {
        let kf = f64::from(k);
        p *= z;
        let term = p / (kf * kf);
        sum += term;
        if term.abs() <= 1e-18 * sum.abs() {
            break;
        }
    }
    sum
}

/// Spence's function ∫₁ˣ ln t / (1 - t) dt = Li₂(1 - x) for real `x ≥ 0` (NaN for `x < 0`).
///
/// # Examples
///
/// ```
/// use sci_special::spence;
/// assert_eq!(spence(1.0), 0.0);
/// assert!((spence(0.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-15);
/// assert!((spence(2.0) + 0.8224670334241132).abs() < 1e-15);
/// assert!(spence(-1.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.spence` (real argument).
pub fn spence(x: f64) -> f64 {
    const PI2_6: f64 = 1.644_934_066_848_226_4;
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x == 0.0 {
        return PI2_6;
    }
    let mut x = x;
    let (mut inv, mut refl) = (false, false);
    if x > 2.0 {
        x = 1.0 / x;
        inv = true;
    }
    let w = if x > 1.5 {
        inv = true;
        1.0 / x - 1.0
    } else if x < 0.5 {
        refl = true;
        -x
    } else {
        x - 1.0
    };
    let mut y = dilog_small(w);
    if refl {
        y = PI2_6 - x.ln() * (-x).ln_1p() - y;
    }
    if inv {
        let z = x.ln();
        y = -0.5 * z * z - y;
    }
    y
}
