//! The digamma function ψ = Γ'/Γ (the kernel lives in `sci_array::special`, shared with
//! `sci-stats`).

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
/// use sci_special::digamma;
/// let euler = 0.5772156649015329;
/// assert!((digamma(1.0) + euler).abs() < 1e-16);
/// assert!((digamma(0.5) + euler + 2.0 * 2f64.ln()).abs() < 1e-15);
/// assert!(digamma(-2.0).is_nan());
/// ```
///
/// SciPy equivalent: `scipy.special.digamma` / `scipy.special.psi` (real argument).
pub fn digamma(x: f64) -> f64 {
    sci_array::special::digamma(x)
}

/// Alias of [`digamma`].
///
/// # Examples
///
/// ```
/// use sci_special::{digamma, psi};
/// assert_eq!(psi(3.5), digamma(3.5));
/// ```
///
/// SciPy equivalent: `scipy.special.psi`.
pub fn psi(x: f64) -> f64 {
    digamma(x)
}
