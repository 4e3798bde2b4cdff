//! Values of the classical orthogonal polynomials at integer degree.
//!
//! Every function evaluates the three-term recurrence of its family written as an update of the
//! difference between consecutive polynomials (Levrie and Piessens' form, which loses less
//! accuracy near the end points than the plain recurrence), the algorithm SciPy uses for
//! integer degrees; Legendre and Gegenbauer switch to their power series about 0 for
//! `|x| < 1e-5`, and the Chebyshev families use Clenshaw's recurrence. The cost is O(n).
//!
//! SciPy also accepts a real degree, evaluated through the Gauss hypergeometric function
//! `hyp2f1` (or `hyp1f1` for Laguerre); that path is not provided here, so the degree is an
//! `i64`. To apply one of these functions to arrays, use [`ufunc2`](crate::ufunc2) or
//! [`ufunc3`](crate::ufunc3) with a closure that converts the degree.

use crate::{beta, binom};

/// Legendre polynomial Pₙ(x).
///
/// A negative degree uses P₋ₙ₋₁ = Pₙ. Defined for every real x (no domain restriction).
///
/// # Examples
///
/// ```
/// use sci_special::eval_legendre;
/// // P₂(x) = (3x² - 1)/2
/// assert!((eval_legendre(2, 0.5) - (-0.125)).abs() < 1e-16);
/// assert_eq!(eval_legendre(-3, 0.5), eval_legendre(2, 0.5));
/// ```
///
/// SciPy equivalent: `scipy.special.eval_legendre` (integer `n`).
pub fn eval_legendre(n: i64, x: f64) -> f64 {
    // P₋ₙ₋₁ = Pₙ; -n-1 never overflows for negative n.
    let n = if n < 0 { -(n + 1) } else { n };
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return x;
    }
    if x.abs() < 1e-5 {
        // Power series in x about 0: the recurrence cancels badly there.
        let a = n / 2;
        let sign = if a % 2 == 0 { 1.0 } else { -1.0 };
        let af = a as f64;
        let nf = n as f64;
        let mut d = if n == 2 * a {
            sign * (-2.0 / beta(af + 1.0, -0.5))
        } else {
            sign * (2.0 * x / beta(af + 1.0, 0.5))
        };
        let mut p = 0.0;
        for kk in 0..=a {
            p += d;
            let k = kk as f64;
            d *= -2.0 * x * x * (af - k) * (2.0 * nf + 1.0 - 2.0 * af + 2.0 * k)
                / ((nf + 1.0 - 2.0 * af + 2.0 * k) * (nf + 2.0 - 2.0 * af + 2.0 * k));
            if d.abs() == 1e-20 * p.abs() {
                break;
            }
        }
        return p;
    }
    let mut d = x - 1.0;
    let mut p = x;
    for kk in 0..n - 1 {
        let k = kk as f64 + 1.0;
        d = ((2.0 * k + 1.0) / (k + 1.0)) * (x - 1.0) * p + (k / (k + 1.0)) * d;
        p += d;
    }
    p
}

/// Shifted Legendre polynomial P*ₙ(x) = Pₙ(2x - 1), orthogonal on [0, 1].
///
/// # Examples
///
/// ```
/// use sci_special::eval_sh_legendre;
/// // P*₂(x) = 6x² - 6x + 1
/// assert!((eval_sh_legendre(2, 0.25) - (-0.125)).abs() < 1e-16);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_sh_legendre` (integer `n`).
pub fn eval_sh_legendre(n: i64, x: f64) -> f64 {
    eval_legendre(n, 2.0 * x - 1.0)
}

/// Clenshaw's recurrence for Chebyshev polynomials with argument `2x`: returns (b₀, b₂) after
/// `k + 1` steps, from which Tₖ = (b₀ - b₂)/2 and Uₖ = b₀.
fn chebyshev_clenshaw(k: u64, x: f64) -> (f64, f64) {
    let (mut b2, mut b1, mut b0) = (0.0, -1.0, 0.0);
    let x2 = 2.0 * x;
    for _ in 0..=k {
        b2 = b1;
        b1 = b0;
        b0 = x2 * b1 - b2;
    }
    (b0, b2)
}

/// Chebyshev polynomial of the first kind Tₙ(x).
///
/// T₋ₙ = Tₙ. Defined for every real x.
///
/// # Examples
///
/// ```
/// use sci_special::eval_chebyt;
/// // T₃(x) = 4x³ - 3x
/// assert!((eval_chebyt(3, 0.5) - (-1.0)).abs() < 1e-15);
/// assert_eq!(eval_chebyt(-3, 0.5), eval_chebyt(3, 0.5));
/// ```
///
/// SciPy equivalent: `scipy.special.eval_chebyt` (integer `n`).
pub fn eval_chebyt(n: i64, x: f64) -> f64 {
    let (b0, b2) = chebyshev_clenshaw(n.unsigned_abs(), x);
    (b0 - b2) / 2.0
}

/// Chebyshev polynomial of the second kind Uₙ(x).
///
/// U₋₁ = 0 and U₋ₙ = -Uₙ₋₂ for n ≥ 2.
///
/// # Examples
///
/// ```
/// use sci_special::eval_chebyu;
/// // U₂(x) = 4x² - 1
/// assert_eq!(eval_chebyu(2, 0.5), 0.0);
/// assert_eq!(eval_chebyu(3, 2.0), 56.0);
/// assert_eq!(eval_chebyu(-5, 2.0), -56.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_chebyu` (integer `n`).
pub fn eval_chebyu(n: i64, x: f64) -> f64 {
    if n == -1 {
        return 0.0;
    }
    let (k, sign) = if n < -1 { ((-(n + 2)) as u64, -1.0) } else { (n as u64, 1.0) };
    chebyshev_clenshaw(k, x).0 * sign
}

/// Chebyshev polynomial Cₙ(x) = 2 Tₙ(x/2) on [-2, 2].
///
/// # Examples
///
/// ```
/// use sci_special::eval_chebyc;
/// // C₂(x) = x² - 2
/// assert!((eval_chebyc(2, 3.0) - 7.0).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_chebyc` (integer `n`).
pub fn eval_chebyc(n: i64, x: f64) -> f64 {
    2.0 * eval_chebyt(n, 0.5 * x)
}

/// Chebyshev polynomial Sₙ(x) = Uₙ(x/2) on [-2, 2].
///
/// # Examples
///
/// ```
/// use sci_special::eval_chebys;
/// // S₂(x) = x² - 1
/// assert_eq!(eval_chebys(2, 3.0), 8.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_chebys` (integer `n`).
pub fn eval_chebys(n: i64, x: f64) -> f64 {
    eval_chebyu(n, 0.5 * x)
}

/// Shifted Chebyshev polynomial of the first kind T*ₙ(x) = Tₙ(2x - 1) on [0, 1].
///
/// # Examples
///
/// ```
/// use sci_special::eval_sh_chebyt;
/// // T*₂(x) = 8x² - 8x + 1
/// assert_eq!(eval_sh_chebyt(2, 0.5), -1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_sh_chebyt` (integer `n`).
pub fn eval_sh_chebyt(n: i64, x: f64) -> f64 {
    eval_chebyt(n, 2.0 * x - 1.0)
}

/// Shifted Chebyshev polynomial of the second kind U*ₙ(x) = Uₙ(2x - 1) on [0, 1].
///
/// # Examples
///
/// ```
/// use sci_special::eval_sh_chebyu;
/// // U*₂(x) = 16x² - 16x + 3
/// assert_eq!(eval_sh_chebyu(2, 0.5), -1.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_sh_chebyu` (integer `n`).
pub fn eval_sh_chebyu(n: i64, x: f64) -> f64 {
    eval_chebyu(n, 2.0 * x - 1.0)
}

/// Jacobi polynomial Pₙ^(α,β)(x).
///
/// NaN for a negative degree: SciPy evaluates that case through `hyp2f1`, which this crate does
/// not provide yet (its value is ±0 for most α, β).
///
/// # Examples
///
/// ```
/// use sci_special::eval_jacobi;
/// // P₁^(α,β)(x) = (α+1) + (α+β+2)(x-1)/2
/// assert!((eval_jacobi(1, 0.5, 1.5, 0.25) - 0.0).abs() < 1e-15);
/// // α = β = 0 gives the Legendre polynomials
/// assert!((eval_jacobi(4, 0.0, 0.0, 0.3) - sci_special::eval_legendre(4, 0.3)).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_jacobi` (integer `n >= 0`).
pub fn eval_jacobi(n: i64, alpha: f64, beta: f64, x: f64) -> f64 {
    if n < 0 {
        return f64::NAN;
    }
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return 0.5 * (2.0 * (alpha + 1.0) + (alpha + beta + 2.0) * (x - 1.0));
    }
    let mut d = (alpha + beta + 2.0) * (x - 1.0) / (2.0 * (alpha + 1.0));
    let mut p = d + 1.0;
    for kk in 0..n - 1 {
        let k = kk as f64 + 1.0;
        let t = 2.0 * k + alpha + beta;
        d = ((t * (t + 1.0) * (t + 2.0)) * (x - 1.0) * p + 2.0 * k * (k + beta) * (t + 2.0) * d)
            / (2.0 * (k + alpha + 1.0) * (k + alpha + beta + 1.0) * t);
        p += d;
    }
    binom(n as f64 + alpha, n as f64) * p
}

/// Shifted Jacobi polynomial Gₙ^(p,q)(x) = Pₙ^(p-q,q-1)(2x-1) / C(2n+p-1, n) on [0, 1].
///
/// NaN for a negative degree (see [`eval_jacobi`]).
///
/// # Examples
///
/// ```
/// use sci_special::eval_sh_jacobi;
/// // P₁^(1,0)(1/2) / C(3, 1) = 1.25 / 3
/// assert!((eval_sh_jacobi(1, 2.0, 1.0, 0.75) - 5.0 / 12.0).abs() < 1e-15);
/// assert!((eval_sh_jacobi(2, 2.0, 1.0, 0.75) - 0.0625).abs() < 1e-15);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_sh_jacobi` (integer `n >= 0`).
pub fn eval_sh_jacobi(n: i64, p: f64, q: f64, x: f64) -> f64 {
    eval_jacobi(n, p - q, q - 1.0, 2.0 * x - 1.0) / binom(2.0 * n as f64 + p - 1.0, n as f64)
}

/// Gegenbauer (ultraspherical) polynomial Cₙ^(α)(x).
///
/// 0 for a negative degree; for α = ±0 the value is ±0 with the sign of Tₙ(x) times that of
/// α, as SciPy's (except where Tₙ(x) = 0, x = 0 and odd n: there SciPy's sign of zero comes
/// from the rounding of its `hyp2f1`).
///
/// # Examples
///
/// ```
/// use sci_special::eval_gegenbauer;
/// // C₂^(α)(x) = 2α(α+1)x² - α
/// assert!((eval_gegenbauer(2, 1.5, 0.5) - 0.375).abs() < 1e-15);
/// assert_eq!(eval_gegenbauer(-1, 1.5, 0.5), 0.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_gegenbauer` (integer `n`).
pub fn eval_gegenbauer(n: i64, alpha: f64, x: f64) -> f64 {
    if alpha.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if n < 0 {
        return 0.0;
    }
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return 2.0 * alpha * x;
    }
    if alpha == 0.0 {
        // Γ(n)/(Γ(n+1) Γ(2α)) ₂F₁(-n, n; 1/2; (1-x)/2) = ±0 · Tₙ(x): Γ(±0) = ±inf.
        let g = crate::gamma(2.0 * alpha);
        let d = crate::gamma(n as f64) / crate::gamma(n as f64 + 1.0) / g;
        return d * eval_chebyt(n, x);
    }
    let nf = n as f64;
    if x.abs() < 1e-5 {
        // Power series about 0.
        let a = n / 2;
        let af = a as f64;
        let mut d = if a % 2 == 0 { 1.0 } else { -1.0 };
        d /= beta(alpha, 1.0 + af);
        if n == 2 * a {
            d /= af + alpha;
        } else {
            d *= 2.0 * x;
        }
        let mut p = 0.0;
        for kk in 0..=a {
            p += d;
            let k = kk as f64;
            d *= -4.0 * x * x * (af - k) * (-af + alpha + k + nf)
                / ((nf + 1.0 - 2.0 * af + 2.0 * k) * (nf + 2.0 - 2.0 * af + 2.0 * k));
            if d.abs() == 1e-20 * p.abs() {
                break;
            }
        }
        return p;
    }
    let mut d = x - 1.0;
    let mut p = x;
    for kk in 0..n - 1 {
        let k = kk as f64 + 1.0;
        d = (2.0 * (k + alpha) / (k + 2.0 * alpha)) * (x - 1.0) * p + (k / (k + 2.0 * alpha)) * d;
        p += d;
    }
    if (alpha / nf).abs() < 1e-8 { 2.0 * alpha / nf * p } else { binom(nf + 2.0 * alpha - 1.0, nf) * p }
}

/// Generalized Laguerre polynomial Lₙ^(α)(x).
///
/// NaN for α ≤ -1 (outside SciPy's domain) and 0 for a negative degree.
///
/// # Examples
///
/// ```
/// use sci_special::eval_genlaguerre;
/// // L₁^(α)(x) = -x + α + 1
/// assert_eq!(eval_genlaguerre(1, 0.5, 2.0), -0.5);
/// assert!(eval_genlaguerre(2, -1.0, 0.3).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.eval_genlaguerre` (integer `n`).
pub fn eval_genlaguerre(n: i64, alpha: f64, x: f64) -> f64 {
    if alpha <= -1.0 || alpha.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if n < 0 {
        return 0.0;
    }
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return -x + alpha + 1.0;
    }
    let mut d = -x / (alpha + 1.0);
    let mut p = d + 1.0;
    for kk in 0..n - 1 {
        let k = kk as f64 + 1.0;
        d = -x / (k + alpha + 1.0) * p + (k / (k + alpha + 1.0)) * d;
        p += d;
    }
    binom(n as f64 + alpha, n as f64) * p
}

/// Laguerre polynomial Lₙ(x) = Lₙ^(0)(x).
///
/// # Examples
///
/// ```
/// use sci_special::eval_laguerre;
/// // L₂(x) = (x² - 4x + 2)/2
/// assert_eq!(eval_laguerre(2, 1.0), -0.5);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_laguerre` (integer `n`).
pub fn eval_laguerre(n: i64, x: f64) -> f64 {
    eval_genlaguerre(n, 0.0, x)
}

/// Probabilists' Hermite polynomial Heₙ(x), by the backward three-term recurrence.
///
/// NaN for a negative degree.
///
/// # Examples
///
/// ```
/// use sci_special::eval_hermitenorm;
/// // He₃(x) = x³ - 3x
/// assert_eq!(eval_hermitenorm(3, 2.0), 2.0);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_hermitenorm`.
pub fn eval_hermitenorm(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if n < 0 {
        return f64::NAN;
    }
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return x;
    }
    let (mut y3, mut y2) = (0.0, 1.0);
    for k in (2..=n).rev() {
        let y1 = x * y2 - k as f64 * y3;
        y3 = y2;
        y2 = y1;
    }
    x * y2 - y3
}

/// Physicists' Hermite polynomial Hₙ(x) = 2^(n/2) Heₙ(√2 x).
///
/// NaN for a negative degree.
///
/// # Examples
///
/// ```
/// use sci_special::eval_hermite;
/// // H₂(x) = 4x² - 2
/// assert!((eval_hermite(2, 1.5) - 7.0).abs() < 1e-14);
/// ```
///
/// SciPy equivalent: `scipy.special.eval_hermite`.
pub fn eval_hermite(n: i64, x: f64) -> f64 {
    if n < 0 {
        return f64::NAN;
    }
    eval_hermitenorm(n, std::f64::consts::SQRT_2 * x) * 2f64.powf(n as f64 / 2.0)
}
