//! The digamma function ψ = Γ'/Γ.

use std::f64::consts::PI;

/// The positive zero of ψ, x₀ = X0_HI + X0_LO (more than double precision).
const X0_HI: f64 = 1.461_632_144_968_362_2;
const X0_LO: f64 = 9.549_995_429_965_697e-17;

/// Taylor coefficients ψ⁽ᵏ⁾(x₀)/k!, k = 1..40 (computed with mpmath at 50 digits).
const ROOT_SERIES: [f64; 40] = [
    0.9676722454476212,
    -0.4427631689835921,
    0.258499760955651,
    -0.16394270544240652,
    0.10782405069126237,
    -0.07219956125645471,
    0.04880428816414311,
    -0.03316112647484736,
    0.022597648232218104,
    -0.01542476590494896,
    0.010538791616612175,
    -0.007204534386356869,
    0.004926781395729853,
    -0.003369801655439328,
    0.002305126326734928,
    -0.0015769367714301972,
    0.0010788252019162967,
    -0.0007380709389960052,
    0.000504953265834602,
    -0.0003454680251063077,
    0.00023635601564027053,
    -0.00016170622091974803,
    0.0001106337276874741,
    -7.569179582195066e-05,
    5.178575795222081e-05,
    -3.5430070947659604e-05,
    2.424006611860132e-05,
    -1.6584242271854135e-05,
    1.134638458466385e-05,
    -7.762817668462094e-06,
    5.3110609208898636e-06,
    -3.6336507898010456e-06,
    2.486022733129538e-06,
    -1.7008538854332607e-06,
    1.1636675363548843e-06,
    -7.96142543124197e-07,
    5.446941930669446e-07,
    -3.7266161283438227e-07,
    2.549626552021554e-07,
    -1.7443695117727745e-07,
];

/// ψ(x) for x ≥ 10: ln x - 1/(2x) - Σ B₂ₖ/(2k x²ᵏ).
fn asymptotic(x: f64) -> f64 {
    let z = 1.0 / (x * x);
    // B2/2, B4/4, ..., B14/14
    let c = [1.0 / 12.0, -1.0 / 120.0, 1.0 / 252.0, -1.0 / 240.0, 1.0 / 132.0, -691.0 / 32760.0, 1.0 / 12.0];
    let mut s = 0.0;
    for &ck in c.iter().rev() {
        s = s * z + ck;
    }
    x.ln() - 0.5 / x - s * z
}

/// The digamma function, ψ(x) = d/dx ln Γ(x).
///
/// `-inf` at +0 and `inf` at -0, NaN at the negative integers and at `-inf`. Around its
/// positive zero x₀ = 1.4616... a Taylor series keeps the relative accuracy (x < 10 is brought
/// to it by the recurrence); negative x go
/// through the reflection ψ(x) = ψ(1-x) - π/tan(πx).
///
/// # Examples
///
/// ```
/// use sci_array::special::digamma;
/// let euler = 0.5772156649015329;
/// assert!((digamma(1.0) + euler).abs() < 1e-16);
/// assert!((digamma(0.5) + euler + 2.0 * 2f64.ln()).abs() < 1e-15);
/// assert!(digamma(-2.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.digamma` / `scipy.special.psi` (real argument).
pub fn digamma(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::INFINITY.copysign(-x);
    }
    if x < 0.0 {
        let r = x - x.round();
        if r == 0.0 {
            return f64::NAN;
        }
        // π cot(πr) with cos(πr) = sin(π(1/2 - |r|)), exact at r = ±1/2.
        let cot = (PI * (0.5 - r.abs())).sin() / (PI * r).sin();
        return digamma(1.0 - x) - PI * cot;
    }
    if x >= 10.0 {
        return asymptotic(x);
    }
    // Bring x into the window |x - x₀| < 1/2 of the Taylor series about the zero x₀: upwards
    // (ψ(x) = ψ(x+1) - 1/x) from below, downwards (ψ(x) = ψ(x-1) + 1/(x-1), x - k exact,
    // all terms positive: no cancellation) from above.
    let mut acc = 0.0;
    let mut y = x;
    while y < X0_HI - 0.5 {
        acc -= 1.0 / y;
        y += 1.0;
    }
    while y >= X0_HI + 0.5 {
        y -= 1.0;
        acc += 1.0 / y;
    }
    let dx = (y - X0_HI) - X0_LO;
    let mut s = 0.0;
    for &c in ROOT_SERIES.iter().rev() {
        s = s * dx + c;
    }
    s * dx + acc
}
