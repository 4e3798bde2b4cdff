//! Gauss quadrature rules of the classical orthogonal polynomials (`roots_*`).
//!
//! As in SciPy, the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the
//! three-term recurrence (Golub–Welsch), computed here by the implicit QL algorithm with
//! Wilkinson shifts (O(n²)), then polished by one Newton step on the polynomial itself. The
//! weights are 1/(pₙ₋₁(xᵢ) pₙ'(xᵢ)), rescaled to sum to the integral μ₀ of the weight function.
//! Symmetric rules are symmetrised exactly. The Chebyshev rules have closed forms.
//! As in SciPy, the derivative in the weight formula is the one of the Newton step, taken at the
//! eigenvalue: the weights therefore depend on the eigen-solver's last bits and carry relative
//! errors up to ~1e-10 for n in the hundreds (SciPy's do as well, of the same size but not the
//! same values, since LAPACK's eigenvalues differ from these in the last bits).

use ndarray::Array1;

use crate::gamma::sinpi;
use crate::orthopoly::{
    eval_gegenbauer, eval_genlaguerre, eval_hermite, eval_hermitenorm, eval_jacobi, eval_legendre,
};
use crate::{Result, SpecialError};

/// A Gauss quadrature rule: ∫ w(t) f(t) dt ≈ Σ wᵢ f(xᵢ).
///
/// SciPy's `roots_*` functions return `(x, w)`, or `(x, w, mu)` with `mu=True`; all three are
/// fields here.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadratureRule {
    /// The nodes, in increasing order.
    pub x: Array1<f64>,
    /// The weights.
    pub w: Array1<f64>,
    /// The integral of the weight function over its interval (the sum of the weights).
    pub mu: f64,
}

fn check_n(n: usize) -> Result<()> {
    if n == 0 {
        return Err(SpecialError::InvalidValue {
            arg: "n",
            reason: "n must be a positive integer, got 0".into(),
        });
    }
    Ok(())
}

fn check_finite(arg: &'static str, v: f64) -> Result<()> {
    if !v.is_finite() {
        return Err(SpecialError::InvalidValue { arg, reason: format!("{arg} must be finite, got {v}") });
    }
    Ok(())
}

/// Eigenvalues, ascending, of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (`e[i]` couples rows i and i+1; `e.len() == d.len()`, last entry unused),
/// by the implicit QL algorithm with Wilkinson shifts.
fn tridiagonal_eigenvalues(mut d: Vec<f64>, mut e: Vec<f64>) -> Vec<f64> {
    let n = d.len();
    if n > 0 {
        e[n - 1] = 0.0;
    }
    for l in 0..n {
        let mut iterations = 0;
        loop {
            let mut m = l;
            while m + 1 < n {
                let scale = d[m].abs() + d[m + 1].abs();
                if e[m].abs() <= f64::EPSILON * scale {
                    break;
                }
                m += 1;
            }
            if m == l || iterations >= 100 {
                break;
            }
            iterations += 1;
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            let mut r = g.hypot(1.0);
            g = d[m] - d[l] + e[l] / (g + r.copysign(g));
            let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
            let mut deflated = false;
            let mut i = m;
            while i > l {
                i -= 1;
                let f = s * e[i];
                let b = c * e[i];
                r = f.hypot(g);
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    deflated = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
            }
            if !deflated {
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }
    d.sort_by(f64::total_cmp);
    d
}

/// Golub–Welsch with one Newton step: `an(k)`, `bn(k)` give the Jacobi matrix's diagonal and
/// off-diagonal (k = 1..n-1), `f(n, x)` evaluates the polynomial and `df(n, x)` its derivative.
fn gen_roots_and_weights(
    n: usize,
    mu0: f64,
    an: impl Fn(f64) -> f64,
    bn: impl Fn(f64) -> f64,
    f: impl Fn(i64, f64) -> f64,
    df: impl Fn(i64, f64) -> f64,
    symmetrize: bool,
) -> QuadratureRule {
    let d: Vec<f64> = (0..n).map(|k| an(k as f64)).collect();
    let e: Vec<f64> = (1..=n).map(|k| if k < n { bn(k as f64) } else { 0.0 }).collect();
    let mut x = tridiagonal_eigenvalues(d, e);
    let ni = n as i64;
    let mut dy = vec![0.0; n];
    for (xi, dyi) in x.iter_mut().zip(dy.iter_mut()) {
        let y = f(ni, *xi);
        *dyi = df(ni, *xi);
        *xi -= y / *dyi;
    }
    let mut fm: Vec<f64> = x.iter().map(|&xi| f(ni - 1, xi)).collect();
    // Rescale both factors by the geometric mean of their extreme magnitudes so that the
    // product neither overflows nor underflows.
    let mid = |v: &[f64]| {
        let (lo, hi) = v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &t| {
            let l = t.abs().ln();
            (lo.min(l), hi.max(l))
        });
        ((hi + lo) / 2.0).exp()
    };
    let (sf, sd) = (mid(&fm), mid(&dy));
    fm.iter_mut().for_each(|v| *v /= sf);
    dy.iter_mut().for_each(|v| *v /= sd);
    let mut w: Vec<f64> = fm.iter().zip(&dy).map(|(a, b)| 1.0 / (a * b)).collect();
    if symmetrize {
        let wr: Vec<f64> = w.iter().rev().copied().collect();
        let xr: Vec<f64> = x.iter().rev().copied().collect();
        w.iter_mut().zip(&wr).for_each(|(a, b)| *a = (*a + b) / 2.0);
        x.iter_mut().zip(&xr).for_each(|(a, b)| *a = (*a - b) / 2.0);
    }
    let total: f64 = w.iter().sum();
    w.iter_mut().for_each(|v| *v *= mu0 / total);
    QuadratureRule { x: Array1::from(x), w: Array1::from(w), mu: mu0 }
}

/// Gauss–Legendre quadrature: weight 1 on [-1, 1].
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_legendre;
/// let r = roots_legendre(3)?;
/// assert!((r.x[2] - 0.6f64.sqrt()).abs() < 1e-15);
/// assert!((r.w[1] - 8.0 / 9.0).abs() < 1e-15);
/// assert_eq!(r.mu, 2.0);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_legendre`.
pub fn roots_legendre(n: usize) -> Result<QuadratureRule> {
    check_n(n)?;
    Ok(gen_roots_and_weights(
        n,
        2.0,
        |_| 0.0,
        |k| k * (1.0 / (4.0 * k * k - 1.0)).sqrt(),
        eval_legendre,
        |n, x| (-(n as f64) * x * eval_legendre(n, x) + n as f64 * eval_legendre(n - 1, x)) / (1.0 - x * x),
        true,
    ))
}

/// Gauss–Legendre quadrature shifted to [0, 1] (weight 1).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_sh_legendre;
/// let r = roots_sh_legendre(2)?;
/// assert!((r.x[0] - (0.5 - 0.5 / 3f64.sqrt())).abs() < 1e-15);
/// assert_eq!(r.w[0], 0.5);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_sh_legendre`.
pub fn roots_sh_legendre(n: usize) -> Result<QuadratureRule> {
    let r = roots_legendre(n)?;
    Ok(QuadratureRule { x: r.x.mapv(|x| (x + 1.0) / 2.0), w: r.w / 2.0, mu: 1.0 })
}

/// Gauss–Chebyshev quadrature of the first kind: weight 1/√(1-x²) on [-1, 1]; closed form
/// xᵢ = sin(π(2i - n + 1)/(2n)), wᵢ = π/n.
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_chebyt;
/// let r = roots_chebyt(3)?;
/// assert_eq!(r.x[1], 0.0);
/// assert!((r.x[2] - 0.75f64.sqrt()).abs() < 1e-15);
/// assert_eq!(r.w[0], std::f64::consts::PI / 3.0);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_chebyt`.
pub fn roots_chebyt(n: usize) -> Result<QuadratureRule> {
    check_n(n)?;
    let m = n as f64;
    let x = Array1::from_iter((0..n).map(|i| sinpi((2.0 * i as f64 - m + 1.0) / (2.0 * m))));
    Ok(QuadratureRule { x, w: Array1::from_elem(n, std::f64::consts::PI / m), mu: std::f64::consts::PI })
}

/// Gauss–Chebyshev quadrature of the second kind: weight √(1-x²) on [-1, 1]; closed form
/// xᵢ = cos(tᵢ), wᵢ = π sin²(tᵢ)/(n+1) with tᵢ = (n - i)π/(n+1).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_chebyu;
/// let r = roots_chebyu(1)?;
/// assert!(r.x[0].abs() < 1e-16);
/// assert_eq!(r.w[0], std::f64::consts::PI / 2.0);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_chebyu`.
pub fn roots_chebyu(n: usize) -> Result<QuadratureRule> {
    check_n(n)?;
    let m1 = n as f64 + 1.0;
    let t: Vec<f64> = (0..n).map(|i| (n - i) as f64 * std::f64::consts::PI / m1).collect();
    let x = Array1::from_iter(t.iter().map(|t| t.cos()));
    let w = Array1::from_iter(t.iter().map(|t| std::f64::consts::PI * t.sin().powi(2) / m1));
    Ok(QuadratureRule { x, w, mu: std::f64::consts::PI / 2.0 })
}

/// Gauss–Chebyshev quadrature for Cₙ: weight 1/√(1-x²/4) on [-2, 2] (the first-kind rule
/// scaled by 2).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_chebyc;
/// let r = roots_chebyc(2)?;
/// assert!((r.x[1] - 2f64.sqrt()).abs() < 1e-15);
/// assert_eq!(r.mu, 2.0 * std::f64::consts::PI);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_chebyc`.
pub fn roots_chebyc(n: usize) -> Result<QuadratureRule> {
    let r = roots_chebyt(n)?;
    Ok(QuadratureRule { x: r.x * 2.0, w: r.w * 2.0, mu: r.mu * 2.0 })
}

/// Gauss–Chebyshev quadrature for Sₙ: weight √(1-x²/4) on [-2, 2] (the second-kind rule
/// scaled by 2).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_chebys;
/// let r = roots_chebys(1)?;
/// assert_eq!(r.w[0], std::f64::consts::PI);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_chebys`.
pub fn roots_chebys(n: usize) -> Result<QuadratureRule> {
    let r = roots_chebyu(n)?;
    Ok(QuadratureRule { x: r.x * 2.0, w: r.w * 2.0, mu: r.mu * 2.0 })
}

/// Shifted Gauss–Chebyshev quadrature of the first kind: weight 1/√(x - x²) on [0, 1].
///
/// The weights are those of [`roots_chebyt`] (π/n), as in SciPy.
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_sh_chebyt;
/// let r = roots_sh_chebyt(3)?;
/// assert_eq!(r.x[1], 0.5);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_sh_chebyt`.
pub fn roots_sh_chebyt(n: usize) -> Result<QuadratureRule> {
    let r = roots_chebyt(n)?;
    Ok(QuadratureRule { x: r.x.mapv(|x| (x + 1.0) / 2.0), ..r })
}

/// Shifted Gauss–Chebyshev quadrature of the second kind: weight √(x - x²) on [0, 1].
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_sh_chebyu;
/// let r = roots_sh_chebyu(1)?;
/// assert!((r.x[0] - 0.5).abs() < 1e-16);
/// assert!((r.w[0] - std::f64::consts::PI / 8.0).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_sh_chebyu`.
pub fn roots_sh_chebyu(n: usize) -> Result<QuadratureRule> {
    let r = roots_chebyu(n)?;
    let m_us = crate::beta(1.5, 1.5);
    let scale = m_us / r.mu;
    Ok(QuadratureRule { x: r.x.mapv(|x| (x + 1.0) / 2.0), w: r.w.mapv(|w| w * scale), mu: m_us })
}

/// Gauss–Jacobi quadrature: weight (1-x)^α (1+x)^β on [-1, 1].
///
/// α = β = 0 gives [`roots_legendre`] and α = β the Gegenbauer rule with parameter α + 1/2,
/// as in SciPy.
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0, `alpha` or `beta` is ≤ -1 or not finite.
///
/// # Examples
///
/// ```
/// use sci_special::roots_jacobi;
/// let r = roots_jacobi(2, 1.0, 0.0)?;
/// // ∫ (1-x) dx over [-1, 1] = 2
/// assert!((r.w.sum() - 2.0).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_jacobi`.
pub fn roots_jacobi(n: usize, alpha: f64, beta: f64) -> Result<QuadratureRule> {
    check_n(n)?;
    check_finite("alpha", alpha)?;
    check_finite("beta", beta)?;
    if alpha <= -1.0 || beta <= -1.0 {
        return Err(SpecialError::InvalidValue {
            arg: "alpha",
            reason: format!("alpha and beta must be greater than -1, got {alpha} and {beta}"),
        });
    }
    if alpha == 0.0 && beta == 0.0 {
        return roots_legendre(n);
    }
    if alpha == beta {
        return roots_gegenbauer(n, alpha + 0.5);
    }
    let (a, b) = (alpha, beta);
    let mu0 = if a + b <= 1000.0 {
        2f64.powf(a + b + 1.0) * crate::beta(a + 1.0, b + 1.0)
    } else {
        ((a + b + 1.0) * 2f64.ln() + crate::betaln(a + 1.0, b + 1.0)).exp()
    };
    let an = |k: f64| {
        if k == 0.0 {
            (b - a) / (2.0 + a + b)
        } else if a + b == 0.0 {
            0.0
        } else {
            (b * b - a * a) / ((2.0 * k + a + b) * (2.0 * k + a + b + 2.0))
        }
    };
    let bn = |k: f64| {
        let tail = if k == 1.0 { 1.0 } else { (k * (k + a + b) / (2.0 * k + a + b - 1.0)).sqrt() };
        2.0 / (2.0 * k + a + b) * ((k + a) * (k + b) / (2.0 * k + a + b + 1.0)).sqrt() * tail
    };
    Ok(gen_roots_and_weights(
        n,
        mu0,
        an,
        bn,
        |n, x| eval_jacobi(n, a, b, x),
        |n, x| 0.5 * (n as f64 + a + b + 1.0) * eval_jacobi(n - 1, a + 1.0, b + 1.0, x),
        false,
    ))
}

/// Shifted Gauss–Jacobi quadrature: weight (1-x)^(p-q) x^(q-1) on [0, 1].
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0, `p - q` ≤ -1, `q` ≤ 0, or either is not
/// finite.
///
/// # Examples
///
/// ```
/// use sci_special::roots_sh_jacobi;
/// // p = q = 1: weight 1 on [0, 1]
/// let r = roots_sh_jacobi(2, 1.0, 1.0)?;
/// assert!((r.w[0] - 0.5).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_sh_jacobi`.
pub fn roots_sh_jacobi(n: usize, p: f64, q: f64) -> Result<QuadratureRule> {
    check_finite("p", p)?;
    check_finite("q", q)?;
    if p - q <= -1.0 || q <= 0.0 {
        return Err(SpecialError::InvalidValue {
            arg: "p",
            reason: format!(
                "(p - q) must be greater than -1, and q must be greater than 0, got p={p}, q={q}"
            ),
        });
    }
    let r = roots_jacobi(n, p - q, q - 1.0)?;
    let scale = 2f64.powf(p);
    Ok(QuadratureRule { x: r.x.mapv(|x| (x + 1.0) / 2.0), w: r.w / scale, mu: r.mu / scale })
}

/// Gauss–Gegenbauer quadrature: weight (1-x²)^(α-1/2) on [-1, 1].
///
/// α = 0 returns [`roots_chebyt`], as SciPy does.
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0, `alpha` < -1/2 or not finite.
///
/// # Examples
///
/// ```
/// use sci_special::roots_gegenbauer;
/// let r = roots_gegenbauer(2, 1.0)?;
/// // α = 1: weight √(1-x²), nodes ±1/2
/// assert!((r.x[1] - 0.5).abs() < 1e-15);
/// assert!((r.mu - std::f64::consts::PI / 2.0).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_gegenbauer`.
pub fn roots_gegenbauer(n: usize, alpha: f64) -> Result<QuadratureRule> {
    check_n(n)?;
    check_finite("alpha", alpha)?;
    if alpha < -0.5 {
        return Err(SpecialError::InvalidValue {
            arg: "alpha",
            reason: format!("alpha must be greater than -0.5, got {alpha}"),
        });
    }
    if alpha == 0.0 {
        return roots_chebyt(n);
    }
    let mu0 = if alpha <= 170.0 {
        std::f64::consts::PI.sqrt() * crate::gamma(alpha + 0.5) / crate::gamma(alpha + 1.0)
    } else {
        // Expansion of √π Γ(α+1/2)/Γ(α+1) in 1/α for large α.
        let inv = 1.0 / alpha;
        let coeffs = [0.000207186, -0.00152206, -0.000640869, 0.00488281, 0.0078125, -0.125, 1.0];
        coeffs[1..].iter().fold(coeffs[0], |acc, &c| acc * inv + c) * (std::f64::consts::PI / alpha).sqrt()
    };
    Ok(gen_roots_and_weights(
        n,
        mu0,
        |_| 0.0,
        |k| (k * (k + 2.0 * alpha - 1.0) / (4.0 * (k + alpha) * (k + alpha - 1.0))).sqrt(),
        |n, x| eval_gegenbauer(n, alpha, x),
        |n, x| {
            let nf = n as f64;
            (-nf * x * eval_gegenbauer(n, alpha, x)
                + (nf + 2.0 * alpha - 1.0) * eval_gegenbauer(n - 1, alpha, x))
                / (1.0 - x * x)
        },
        true,
    ))
}

/// Gauss–Laguerre quadrature, generalized: weight x^α e^(-x) on [0, ∞).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0, `alpha` < -1 or not finite.
///
/// # Examples
///
/// ```
/// use sci_special::roots_genlaguerre;
/// let r = roots_genlaguerre(1, 2.0)?;
/// assert_eq!((r.x[0], r.w[0]), (3.0, 2.0));
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_genlaguerre`.
pub fn roots_genlaguerre(n: usize, alpha: f64) -> Result<QuadratureRule> {
    check_n(n)?;
    check_finite("alpha", alpha)?;
    if alpha < -1.0 {
        return Err(SpecialError::InvalidValue {
            arg: "alpha",
            reason: format!("alpha must be greater than -1, got {alpha}"),
        });
    }
    let mu0 = crate::gamma(alpha + 1.0);
    if n == 1 {
        return Ok(QuadratureRule {
            x: Array1::from_elem(1, alpha + 1.0),
            w: Array1::from_elem(1, mu0),
            mu: mu0,
        });
    }
    Ok(gen_roots_and_weights(
        n,
        mu0,
        |k| 2.0 * k + alpha + 1.0,
        |k| -(k * (k + alpha)).sqrt(),
        |n, x| eval_genlaguerre(n, alpha, x),
        |n, x| {
            let nf = n as f64;
            (nf * eval_genlaguerre(n, alpha, x) - (nf + alpha) * eval_genlaguerre(n - 1, alpha, x)) / x
        },
        false,
    ))
}

/// Gauss–Laguerre quadrature: weight e^(-x) on [0, ∞).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0.
///
/// # Examples
///
/// ```
/// use sci_special::roots_laguerre;
/// let r = roots_laguerre(2)?;
/// assert!((r.x[0] - (2.0 - 2f64.sqrt())).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_laguerre`.
pub fn roots_laguerre(n: usize) -> Result<QuadratureRule> {
    roots_genlaguerre(n, 0.0)
}

/// The largest degree of the Hermite rules: SciPy switches to an asymptotic algorithm above it.
const HERMITE_MAX_N: usize = 150;

fn check_hermite_n(n: usize) -> Result<()> {
    check_n(n)?;
    if n > HERMITE_MAX_N {
        return Err(SpecialError::InvalidValue {
            arg: "n",
            reason: format!(
                "n > {HERMITE_MAX_N} (SciPy's asymptotic algorithm) is not supported yet, got {n}"
            ),
        });
    }
    Ok(())
}

/// Gauss–Hermite quadrature (physicists'): weight e^(-x²) on (-∞, ∞).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0 or greater than 150 (SciPy uses an asymptotic
/// algorithm there, not provided yet).
///
/// # Examples
///
/// ```
/// use sci_special::roots_hermite;
/// let r = roots_hermite(2)?;
/// assert!((r.x[1] - 0.5f64.sqrt()).abs() < 1e-15);
/// assert!((r.w[0] - std::f64::consts::PI.sqrt() / 2.0).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_hermite` (n ≤ 150).
pub fn roots_hermite(n: usize) -> Result<QuadratureRule> {
    check_hermite_n(n)?;
    Ok(gen_roots_and_weights(
        n,
        std::f64::consts::PI.sqrt(),
        |_| 0.0,
        |k| (k / 2.0).sqrt(),
        eval_hermite,
        |n, x| 2.0 * n as f64 * eval_hermite(n - 1, x),
        true,
    ))
}

/// Gauss–Hermite quadrature (probabilists'): weight e^(-x²/2) on (-∞, ∞).
///
/// # Errors
///
/// [`SpecialError::InvalidValue`] when `n` is 0 or greater than 150 (see [`roots_hermite`]).
///
/// # Examples
///
/// ```
/// use sci_special::roots_hermitenorm;
/// let r = roots_hermitenorm(2)?;
/// assert!((r.x[1] - 1.0).abs() < 1e-15);
/// # Ok::<(), sci_special::SpecialError>(())
/// ```
///
/// SciPy equivalent: `scipy.special.roots_hermitenorm` (n ≤ 150).
pub fn roots_hermitenorm(n: usize) -> Result<QuadratureRule> {
    check_hermite_n(n)?;
    Ok(gen_roots_and_weights(
        n,
        (2.0 * std::f64::consts::PI).sqrt(),
        |_| 0.0,
        |k| k.sqrt(),
        eval_hermitenorm,
        |n, x| n as f64 * eval_hermitenorm(n - 1, x),
        true,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ql_eigenvalues_of_a_known_matrix() {
        // tridiag(-1, 2, -1) of size 5: 2 - 2cos(kπ/6)
        let ev = tridiagonal_eigenvalues(vec![2.0; 5], vec![-1.0; 5]);
        for (k, v) in ev.iter().enumerate() {
            let want = 2.0 - 2.0 * ((k + 1) as f64 * std::f64::consts::PI / 6.0).cos();
            assert!((v - want).abs() < 1e-14, "{k}: {v} vs {want}");
        }
        assert!(tridiagonal_eigenvalues(vec![], vec![]).is_empty());
    }
}
