//! Quantiles of distributions without a closed-form inverse: safeguarded Newton iteration on
//! the CDF (lower tail) or the survival function (upper tail), so that tail probabilities keep
//! their relative accuracy.

/// The z in (lo, hi) with tail(z) = p, where `tail` is the CDF (`upper = false`) or the
/// survival function (`upper = true`) and `pdf` its derivative's magnitude. `lo` must be
/// finite; `hi` may be infinite. `x0` is the starting guess.
pub(crate) fn solve_tail(
    p: f64,
    upper: bool,
    tail: impl Fn(f64) -> f64,
    pdf: impl Fn(f64) -> f64,
    lo: f64,
    hi: f64,
    x0: f64,
) -> f64 {
    let (mut a, mut b) = (lo, hi);
    let mut x = if x0 > a && x0 < b && x0.is_finite() {
        x0
    } else if b.is_finite() {
        0.5 * (a + b)
    } else {
        a + 1.0
    };
    // g(x) increasing in x, zero at the answer.
    let g = |x: f64| if upper { p - tail(x) } else { tail(x) - p };
    for _ in 0..2000 {
        let gx = g(x);
        if gx == 0.0 {
            return x;
        }
        if gx < 0.0 {
            a = x;
        } else {
            b = x;
        }
        let d = pdf(x);
        let mut xn = x - gx / d;
        if !(xn > a && xn < b && xn.is_finite()) {
            // Outside the bracket: grow geometrically towards an infinite end, bisect a
            // finite bracket (geometrically when it spans orders of magnitude, as heavy
            // tails need).
            xn = if !b.is_finite() {
                (1e3 * x.max(1.0)).min(f64::MAX)
            } else if a > 0.0 && b > 4.0 * a {
                a.sqrt() * b.sqrt()
            } else {
                0.5 * (a + b)
            };
        }
        if (xn - x).abs() <= 2.0 * f64::EPSILON * xn.abs()
            || (b.is_finite() && b - a <= 2.0 * f64::EPSILON * b.abs())
        {
            return xn;
        }
        x = xn;
    }
    x
}
