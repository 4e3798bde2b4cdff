//! Scalar helpers shared by the distributions added in `continuous_more`, `shape_families`
//! and `discrete_extra`: SciPy's `xlogy`/`xlog1py`, moments from raw moments, the gamma and
//! beta functions, the scaled exponential integral and a Gauss-Kronrod integrator for the
//! entropies SciPy computes numerically.

use super::Moments;
use sci_array::special::gammaln;

/// Euler's constant γ.
pub(crate) const EULER: f64 = 0.577_215_664_901_532_9;
/// ζ(3), Apéry's constant.
pub(crate) const ZETA3: f64 = 1.202_056_903_159_594_2;

/// x·ln(y), 0 when x = 0 (SciPy's `xlogy`).
pub(crate) fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln() }
}

/// x·ln(1 + y), 0 when x = 0 (SciPy's `xlog1py`).
pub(crate) fn xlog1py(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() { 0.0 } else { x * y.ln_1p() }
}

/// Γ(x) for x > 0 (exp of ln Γ; the arguments here are moderate).
pub(crate) fn gamma_fn(x: f64) -> f64 {
    if x == x.floor() && x > 0.0 && x < 30.0 {
        // Exact factorials.
        let mut f = 1.0;
        let mut k = 2.0;
        while k < x {
            f *= k;
            k += 1.0;
        }
        return f;
    }
    gammaln(x).exp()
}

/// B(a, b) for a, b > 0.
pub(crate) fn beta_fn(a: f64, b: f64) -> f64 {
    (gammaln(a) + gammaln(b) - gammaln(a + b)).exp()
}

/// Mean, variance, skewness and excess kurtosis from the raw moments E[X], ..., E[X⁴], in
/// the order of operations of SciPy's generic `rv_continuous.stats`.
pub(crate) fn moments_from_raw(m1: f64, m2: f64, m3: f64, m4: f64) -> Moments {
    let mu = m1;
    let mu2 = m2 - mu * mu;
    let mu3 = m3 - 3.0 * mu * mu2 - mu.powi(3);
    let g1 = mu3 / mu2.powf(1.5);
    let mu4 = m4 - 4.0 * mu * mu3 - 6.0 * mu * mu * mu2 - mu.powi(4);
    let g2 = mu4 / (mu2 * mu2) - 3.0;
    Moments { mean: mu, variance: mu2, skewness: g1, kurtosis: g2 }
}

/// E[(loc + scale·Z)^n] from the raw moments of Z (SciPy's `moment` with loc and scale).
pub(crate) fn shifted_moment(loc: f64, scale: f64, n: u32, raw: impl Fn(u32) -> f64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if loc == 0.0 {
        return scale.powi(n as i32) * raw(n);
    }
    let fac = scale / loc;
    let mut binom = 1.0;
    let mut res = 0.0;
    for k in 0..=n {
        if k > 0 {
            binom = binom * f64::from(n + 1 - k) / f64::from(k);
        }
        let rk = if k == 0 { 1.0 } else { raw(k) };
        res += binom * fac.powi(k as i32) * rk;
    }
    res * loc.powi(n as i32)
}

/// SciPy's `_moment_from_stats`: E[Z^n] from the mean, variance, skewness and kurtosis
/// that `_stats` returned for this order (`None` where it returned None), else `munp(n)`.
pub(crate) fn moment_from_stats(n: u32, st: [Option<f64>; 4], munp: &impl Fn(u32) -> f64) -> f64 {
    let [mu, mu2, g1, g2] = st;
    match (n, mu, mu2, g1, g2) {
        (0, ..) => 1.0,
        (1, Some(mu), ..) => mu,
        (2, Some(mu), Some(mu2), ..) => mu2 + mu * mu,
        (3, Some(mu), Some(mu2), Some(g1), _) => {
            let mu3 = g1 * mu2.powf(1.5);
            mu3 + 3.0 * mu * mu2 + mu.powi(3)
        }
        (4, Some(mu), Some(mu2), Some(g1), Some(g2)) => {
            let mu4 = (g2 + 3.0) * mu2 * mu2;
            let mu3 = g1 * mu2.powf(1.5);
            mu4 + 4.0 * mu * mu3 + 6.0 * mu * mu * mu2 + mu.powi(4)
        }
        _ => munp(n),
    }
}

/// SciPy's `rv_continuous.moment(n)` with loc and scale, for a distribution whose `_stats`
/// computes only the requested moments (`stats_for(n)`) and whose `_munp` is `munp`.
pub(crate) fn scipy_moment(
    loc: f64,
    scale: f64,
    n: u32,
    stats_for: impl Fn(u32) -> [Option<f64>; 4],
    munp: impl Fn(u32) -> f64,
) -> f64 {
    let st = stats_for(n);
    let val = moment_from_stats(n, st, &munp);
    if loc == 0.0 {
        return scale.powi(n as i32) * val;
    }
    let fac = scale / loc;
    let mut binom = 1.0;
    let mut res = 0.0;
    for k in 0..n {
        if k > 0 {
            binom = binom * f64::from(n + 1 - k) / f64::from(k);
        }
        res += binom * fac.powi(k as i32) * moment_from_stats(k, st, &munp);
    }
    res += fac.powi(n as i32) * val;
    res * loc.powi(n as i32)
}

/// x·eˣ·E₁(x) for x > 0 (SciPy's `_scaled_exp1`).
pub(crate) fn scaled_exp1(x: f64) -> f64 {
    if x <= 1.0 {
        // E₁(x) = -γ - ln x - Σ (-x)^k/(k·k!).
        let mut term = 1.0;
        let mut sum = 0.0;
        for k in 1..60 {
            let k = f64::from(k);
            term *= -x / k;
            let t = term / k;
            sum += t;
            if t.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        let e1 = -EULER - x.ln() - sum;
        x * x.exp() * e1
    } else {
        // Continued fraction eˣ E₁(x) = 1/(x + 1 - 1/(x + 3 - 4/(x + 5 - ...))), modified
        // Lentz.
        let tiny = 1e-300;
        let mut b = x + 1.0;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..500 {
            let fi = f64::from(i);
            let an = -fi * fi;
            b += 2.0;
            d = 1.0 / (an * d + b);
            c = b + an / c;
            let del = c * d;
            h *= del;
            if (del - 1.0).abs() < 1e-16 {
                break;
            }
        }
        x * h
    }
}

const XGK: [f64; 8] = [
    0.991_455_371_120_812_6,
    0.949_107_912_342_758_5,
    0.864_864_423_359_769_1,
    0.741_531_185_599_394_4,
    0.586_087_235_467_691_1,
    0.405_845_151_377_397_2,
    0.207_784_955_007_898_5,
    0.0,
];
const WGK: [f64; 8] = [
    0.022_935_322_010_529_22,
    0.063_092_092_629_978_55,
    0.104_790_010_322_250_2,
    0.140_653_259_715_525_9,
    0.169_004_726_639_267_9,
    0.190_350_578_064_785_4,
    0.204_432_940_075_298_9,
    0.209_482_141_084_727_8,
];
const WG: [f64; 4] =
    [0.129_484_966_168_869_7, 0.279_705_391_489_276_7, 0.381_830_050_505_118_9, 0.417_959_183_673_469_4];

/// Gauss-Kronrod 7/15 on [a, b]: (integral, error estimate).
fn gk15(f: &impl Fn(f64) -> f64, a: f64, b: f64) -> (f64, f64) {
    let c = 0.5 * (a + b);
    let h = 0.5 * (b - a);
    let fc = f(c);
    let mut k = fc * WGK[7];
    let mut g = fc * WG[3];
    for j in 0..7 {
        let dx = h * XGK[j];
        let s = f(c - dx) + f(c + dx);
        k += WGK[j] * s;
        if j % 2 == 1 {
            g += WG[j / 2] * s;
        }
    }
    (k * h, ((k - g) * h).abs())
}

/// ∫ f over (a, b) (ends may be infinite), adaptive Gauss-Kronrod to a relative accuracy of
/// about 1e-12, like QUADPACK's QAGS/QAGI that SciPy's generic entropy calls.
pub(crate) fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    if a.is_finite() && b.is_finite() {
        return adapt(&f, a, b);
    }
    // Unit intervals next to a finite end are integrated in x itself (so that bisection can
    // resolve a singularity at the end down to the smallest doubles); the tails through
    // x = c ± (1 - t)/t with t in (0, 1/2].
    let tail = |c: f64, sign: f64| {
        let g = |t: f64| if t * t == 0.0 { 0.0 } else { f(c + sign * (1.0 - t) / t) / (t * t) };
        adapt(&g, 0.0, 0.5)
    };
    if a.is_finite() {
        return adapt(&f, a, a + 1.0) + tail(a, 1.0);
    }
    if b.is_finite() {
        return adapt(&f, b - 1.0, b) + tail(b, -1.0);
    }
    adapt(&f, -1.0, 1.0) + tail(0.0, 1.0) + tail(0.0, -1.0)
}

fn adapt(f: &impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    let mut parts = vec![(a, b, gk15(f, a, b))];
    for _ in 0..4000 {
        let total: f64 = parts.iter().map(|p| p.2.0).sum();
        let err: f64 = parts.iter().map(|p| p.2.1).sum();
        if err.is_nan() || err <= 1e-13 * total.abs().max(1e-300) {
            return total;
        }
        let (i, _) = parts
            .iter()
            .enumerate()
            .fold((0, -1.0), |best, (i, p)| if p.2.1 > best.1 { (i, p.2.1) } else { best });
        let (lo, hi, _) = parts.swap_remove(i);
        let mid = 0.5 * (lo + hi);
        if !(mid > lo && mid < hi) {
            parts.push((lo, hi, (0.0, 0.0)));
            continue;
        }
        parts.push((lo, mid, gk15(f, lo, mid)));
        parts.push((mid, hi, gk15(f, mid, hi)));
    }
    parts.iter().map(|p| p.2.0).sum()
}

/// -∫ p ln p over the support, from the log-density (SciPy's generic `_entropy`).
pub(crate) fn numeric_entropy(logpdf: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    integrate(
        |x| {
            // A node that rounds onto an end where the density is infinite (an integrable
            // singularity) or zero contributes nothing.
            let lp = logpdf(x);
            if lp.is_finite() { -lp.exp() * lp } else { 0.0 }
        },
        a,
        b,
    )
}
