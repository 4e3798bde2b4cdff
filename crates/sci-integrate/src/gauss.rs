//! Fixed-order Gauss-Legendre quadrature.

use crate::error::{IntegrateError, Result};

/// Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1], ascending.
///
/// Newton's iteration on the three-term recurrence of P_n from Chebyshev-like starting points
/// converges to the roots to machine precision; the weights are 2 / ((1 - x^2) P_n'(x)^2).
#[cfg(test)]
pub(crate) fn gauss_legendre(n: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut x, mut w) = (vec![0.0; n], vec![0.0; n]);
    legendre_nodes(&mut x, &mut w);
    (x, w)
}

/// Fills `x` and `w` (of the same length `n`) with the `n`-point Gauss-Legendre rule.
fn legendre_nodes(x: &mut [f64], w: &mut [f64]) {
    let n = x.len();
    let nf = n as f64;
    // P_n and its derivative at t.
    let legendre = |t: f64| {
        let (mut p0, mut p1) = (1.0, t);
        for k in 2..=n {
            let kf = k as f64;
            let p2 = ((2.0 * kf - 1.0) * t * p1 - (kf - 1.0) * p0) / kf;
            p0 = p1;
            p1 = p2;
        }
        let p = if n == 0 { 1.0 } else { p1 };
        let dp = nf * (t * p - p0) / (t * t - 1.0);
        (p, dp)
    };
    for i in 0..n.div_ceil(2) {
        // Roots in descending order; the i-th from Tricomi's approximation.
        let theta = std::f64::consts::PI * (i as f64 + 0.75) / (nf + 0.5);
        let mut t = (1.0 - (nf - 1.0) / (8.0 * nf * nf * nf)) * theta.cos();
        for _ in 0..100 {
            let (p, dp) = legendre(t);
            let dt = p / dp;
            t -= dt;
            if dt.abs() <= 1e-16 * t.abs().max(1.0) {
                break;
            }
        }
        let (_, dp) = legendre(t);
        let wi = 2.0 / ((1.0 - t * t) * dp * dp);
        x[n - 1 - i] = t;
        x[i] = -t;
        w[n - 1 - i] = wi;
        w[i] = wi;
    }
    if n % 2 == 1 {
        x[n / 2] = 0.0;
    }
}

/// `n` zeros, or an error naming `n` when they cannot be allocated (NumPy: "array is too big"
/// above `isize::MAX` bytes, `MemoryError` below).
fn try_zeros(n: usize) -> Result<Vec<f64>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| IntegrateError::InvalidValue {
        arg: "n",
        expected: "small enough to allocate n nodes and weights",
        found: n.to_string(),
    })?;
    v.resize(n, 0.0);
    Ok(v)
}

/// Integrates `func` from `a` to `b` with the `n`-point Gauss-Legendre rule (exact for
/// polynomials of degree 2n - 1).
///
/// # Errors
///
/// [`IntegrateError::InvalidValue`] when `n == 0` or `n` nodes cannot be allocated (SciPy:
/// `ValueError: array is too big` or `MemoryError`); [`IntegrateError::NotFinite`] when a limit
/// is not finite (the rule needs a finite interval).
///
/// # Examples
///
/// ```
/// use sci_integrate::fixed_quad;
/// // Exact for x^2 with two points or more.
/// let v = fixed_quad(|x| x * x, 0.0, 4.0, 2)?;
/// assert!((v - 64.0 / 3.0).abs() < 1e-13);
/// # Ok::<(), sci_integrate::IntegrateError>(())
/// ```
///
/// SciPy equivalent: `scipy.integrate.fixed_quad` (returns the value; SciPy's second output is
/// always `None`).
pub fn fixed_quad<F: FnMut(f64) -> f64>(mut func: F, a: f64, b: f64, n: usize) -> Result<f64> {
    if n == 0 {
        return Err(IntegrateError::InvalidValue { arg: "n", expected: "at least 1", found: "0".into() });
    }
    for (arg, v) in [("a", a), ("b", b)] {
        if !v.is_finite() {
            return Err(IntegrateError::NotFinite { arg, value: v });
        }
    }
    let (mut x, mut w) = (try_zeros(n)?, try_zeros(n)?);
    legendre_nodes(&mut x, &mut w);
    let mut s = 0.0;
    for (xi, wi) in x.iter().zip(&w) {
        s += wi * func((b - a) * (xi + 1.0) / 2.0 + a);
    }
    Ok((b - a) / 2.0 * s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_and_weights() {
        let (x, w) = gauss_legendre(1);
        assert_eq!((x[0], w[0]), (0.0, 2.0));
        let (x, w) = gauss_legendre(2);
        assert!((x[1] - 1.0 / 3f64.sqrt()).abs() < 2e-16 && (w[0] - 1.0).abs() < 1e-15);
        for n in [3, 10, 31, 100] {
            let (x, w) = gauss_legendre(n);
            assert!((w.iter().sum::<f64>() - 2.0).abs() < 1e-13, "n = {n}");
            assert!(x.windows(2).all(|p| p[0] < p[1]));
        }
    }
}
