//! # sci-special: `scipy.special` for Rust
//!
//! SciPy's special functions under SciPy's names, computing SciPy's values (every function is
//! tested against SciPy-generated fixtures, including poles, signed zeros, infinities and NaN).
//! Each function is a plain scalar `fn(f64) -> f64`; [`ufunc1`], [`ufunc2`] and [`ufunc3`] apply
//! it to arrays of any shape with NumPy broadcasting, as SciPy's ufuncs do.
//!
//! Following `scipy/special/__init__.py`:
//!
//! * gamma and related functions: [`gamma`], [`gammaln`], [`loggamma`], [`gammasgn`],
//!   [`rgamma`], [`digamma`] ([`psi`]), [`beta`], [`betaln`], [`poch`], the regularized
//!   incomplete functions [`gammainc`], [`gammaincc`], [`betainc`];
//! * error function: [`erf`], [`erfc`], [`erfcx`], [`erfinv`], [`erfcinv`];
//! * statistical functions: [`ndtr`], [`log_ndtr`], [`ndtri`];
//! * Bessel functions: [`jv`], [`jn`], [`j0`], [`j1`], [`yv`], [`y0`], [`y1`], [`yn`], [`iv`], [`ive`],
//!   [`i0`], [`i0e`], [`i1`], [`i1e`];
//! * elliptic functions and integrals: [`ellipj`], [`ellipk`], [`ellipkm1`], [`ellipe`];
//! * zeta functions: [`zeta`] (Riemann), [`zeta_q`] (Hurwitz, SciPy's `zeta(x, q)`), [`zetac`];
//! * combinatorics: [`binom`], [`comb`], [`perm`], [`factorial`];
//! * [`lambertw`] (real branches 0 and -1);
//! * convenience functions: [`xlogy`], [`xlog1py`], [`expit`], [`logit`], [`log_expit`],
//!   [`exprel`], [`logsumexp`] (and [`logsumexp_sign`] for `return_sign=True`), [`softmax`],
//!   [`log_softmax`].
//!
//! Outside their domain the functions return NaN (and ±inf at poles), like SciPy's ufuncs;
//! only the array entry points return a [`SpecialError`] (shapes that do not broadcast, an
//! axis out of range). `docs/names/special.tsv` lists every `scipy.special` name and what is
//! still missing.
//!
//! ```
//! use sci_special::{gammaln, ufunc1, ufunc2, xlog1py};
//! use sci_array::ndarray::array;
//! let lg = ufunc1(&array![5.0, 50.0, 500.0], gammaln);
//! assert!((lg[0] - 24f64.ln()).abs() < 1e-15);
//! // Γ(500)/Γ(499) = 499 without overflow:
//! assert!(((gammaln(500.0) - gammaln(499.0)).exp() - 499.0).abs() < 1e-9);
//! let r = ufunc2(&array![1.0, 2.0], &array![[3.0], [4.0], [5.0]], xlog1py)?;
//! assert_eq!(r.shape(), &[3, 2]);
//! # Ok::<(), sci_special::SpecialError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod bessel;
mod combinatorics;
mod digamma;
mod elliptic;
mod erf;
mod error;
mod gamma;
mod incomplete;
mod lambertw;
mod logexp;
mod logsumexp;
mod ndtr;
mod ufunc;
mod zeta;

pub use bessel::{i0, i0e, i1, i1e, iv, ive, j0, j1, jn, jv, y0, y1, yn, yv};
pub use combinatorics::{beta, betaln, binom, comb, factorial, perm, poch};
pub use digamma::{digamma, psi};
pub use elliptic::{ellipe, ellipj, ellipk, ellipkm1};
pub use erf::{erf, erfc};
pub use error::{Result, SpecialError};
pub use gamma::{gamma, gammaln, gammasgn, loggamma, rgamma};
pub use incomplete::{betainc, gammainc, gammaincc};
pub use lambertw::lambertw;
pub use logexp::{expit, exprel, log_expit, logit, xlog1py, xlogy};
pub use logsumexp::{LogsumexpOptions, log_softmax, logsumexp, logsumexp_sign, softmax};
pub use ndtr::{erfcinv, erfcx, erfinv, log_ndtr, ndtr, ndtri};
pub use ufunc::{ufunc1, ufunc2, ufunc3};
pub use zeta::{zeta, zeta_q, zetac};
