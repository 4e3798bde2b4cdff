//! Scalar kernels shared by `sci-special` and `sci-stats`.
//!
//! The domain crates may not depend on each other, so the few scalar functions both of them
//! need live here, once: the error function and the standard normal distribution
//! ([`erf`], [`erfc`], [`erfcx`], [`ndtr`], [`log_ndtr`], [`ndtri`], [`erfinv`], [`erfcinv`]),
//! log-gamma and digamma ([`gammaln`], [`digamma`]), and the regularized incomplete
//! gamma and beta functions ([`gammainc`], [`gammaincc`], [`betainc`]). Users normally call them
//! through `sci_special` (same names, same values); they are public so that any crate can.
//!
//! Like SciPy's ufuncs they never fail: outside the domain they return NaN.
//!
//! ```
//! use sci_array::special::{betainc, gammainc, ndtr};
//! assert_eq!(ndtr(0.0), 0.5);
//! assert!((gammainc(1.0, 2.0) - (1.0 - (-2f64).exp())).abs() < 1e-15);
//! assert!((betainc(1.0, 1.0, 0.3) - 0.3).abs() < 1e-15);
//! ```

mod digamma;
mod incbeta;
mod incgamma;
mod normal;

pub use digamma::digamma;
pub use incbeta::betainc;
pub use incgamma::{gammainc, gammaincc, gammaln};
pub use normal::{erf, erfc, erfcinv, erfcx, erfinv, log_ndtr, ndtr, ndtri};

/// Machine epsilon / 2 (Cephes' MACHEP).
pub(crate) const MACHEP: f64 = 1.110_223_024_625_156_5e-16;
/// ln(f64::MAX), where exp overflows.
pub(crate) const MAXLOG: f64 = 7.097_827_128_933_84e2;
/// ln of the smallest normal, where exp underflows (Cephes' MINLOG).
pub(crate) const MINLOG: f64 = -7.451_332_191_019_412e2;
/// Above this Γ overflows.
pub(crate) const MAXGAM: f64 = 171.624_376_956_302_7;
/// 2^52 and its inverse: the rescaling constants of Cephes' continued fractions.
pub(crate) const BIG: f64 = 4.503_599_627_370_496e15;
pub(crate) const BIGINV: f64 = 2.220_446_049_250_313e-16;
