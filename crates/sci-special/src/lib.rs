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
//! * statistical functions: [`ndtr`], [`log_ndtr`], [`ndtri`], [`ndtri_exp`];
//! * inverses of the incomplete functions: [`gammaincinv`], [`gammainccinv`], [`betaincinv`],
//!   [`betainccinv`], and the complement [`betaincc`];
//! * distribution functions: binomial [`bdtr`], [`bdtrc`], [`bdtri`]; negative binomial
//!   [`nbdtr`], [`nbdtrc`], [`nbdtri`]; Poisson [`pdtr`], [`pdtrc`], [`pdtri`], [`pdtrik`];
//!   gamma [`gdtr`], [`gdtrc`], [`gdtrix`]; chi-square [`chdtr`], [`chdtrc`], [`chdtri`], noncentral
//!   [`chndtr`]; F [`fdtr`], [`fdtrc`], [`fdtri`]; Student t [`stdtr`], [`stdtrit`];
//!   Kolmogorov [`kolmogorov`], [`kolmogi`], [`smirnov`], [`smirnovi`];
//! * Bessel functions: [`jv`], [`jn`], [`j0`], [`j1`], [`yv`], [`y0`], [`y1`], [`yn`], [`iv`], [`ive`],
//!   [`i0`], [`i0e`], [`i1`], [`i1e`], [`kv`], [`kve`], [`kn`], [`k0`], [`k0e`], [`k1`], [`k1e`],
//!   derivatives [`jvp`], [`yvp`], [`ivp`], [`kvp`], spherical Bessel functions [`spherical_jn`],
//!   [`spherical_yn`], [`spherical_in`], [`spherical_kn`];
//! * elliptic functions and integrals: [`ellipj`], [`ellipk`], [`ellipkm1`], [`ellipe`];
//! * zeta functions: [`zeta`] (Riemann), [`zeta_q`] (Hurwitz, SciPy's `zeta(x, q)`), [`zetac`];
//! * combinatorics: [`binom`], [`comb`], [`perm`], [`factorial`];
//! * multifactorials and number sequences: [`factorial2`], [`factorialk`], [`stirling2`],
//!   [`bernoulli`], [`euler`]; [`multigammaln`], [`polygamma`];
//! * [`lambertw`] (real branches 0 and -1);
//! * elementary functions: [`cbrt`], [`exp10`], [`exp2`], [`expm1`], [`log1p`], [`cosm1`],
//!   [`powm1`], [`round`], [`sinc`], [`softplus`], [`agm`], [`diric`]; angles in degrees:
//!   [`radian`], [`sindg`], [`cosdg`], [`tandg`], [`cotdg`];
//! * information theory and losses: [`entr`], [`rel_entr`], [`kl_div`], [`huber`],
//!   [`pseudo_huber`]; Box-Cox: [`boxcox`], [`boxcox1p`], [`inv_boxcox`], [`inv_boxcox1p`];
//! * integrals: [`exp1`], [`expi`], [`expn`], [`sici`], [`shichi`], [`spence`], [`dawsn`],
//!   [`erfi`];
//! * orthogonal polynomials at integer degree: [`eval_legendre`], [`eval_chebyt`], [`eval_chebyu`],
//!   [`eval_chebyc`], [`eval_chebys`], [`eval_jacobi`], [`eval_gegenbauer`], [`eval_genlaguerre`],
//!   [`eval_laguerre`], [`eval_hermite`], [`eval_hermitenorm`] and the shifted `eval_sh_*`;
//! * Gauss quadrature rules ([`QuadratureRule`]): [`roots_legendre`], [`roots_chebyt`],
//!   [`roots_chebyu`], [`roots_chebyc`], [`roots_chebys`], [`roots_jacobi`], [`roots_gegenbauer`],
//!   [`roots_laguerre`], [`roots_genlaguerre`], [`roots_hermite`], [`roots_hermitenorm`] and the
//!   shifted `roots_sh_*`;
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
mod cdf;
mod combinatorics;
mod combinatorics_more;
mod dawson;
mod digamma;
mod elementary;
mod elliptic;
mod erf;
mod error;
mod expint;
mod gamma;
mod incomplete;
mod incomplete_inv;
mod information;
mod kolmogorov;
mod lambertw;
mod logexp;
mod logsumexp;
mod ndtr;
mod orthopoly;
mod quadrature;
mod ufunc;
mod zeta;

pub use bessel::{
    i0, i0e, i1, i1e, iv, ive, ivp, j0, j1, jn, jv, jvp, k0, k0e, k1, k1e, kn, kv, kve, kvp, spherical_in,
    spherical_jn, spherical_kn, spherical_yn, y0, y1, yn, yv, yvp,
};
pub use cdf::{
    bdtr, bdtrc, bdtri, chdtr, chdtrc, chdtri, chndtr, fdtr, fdtrc, fdtri, gdtr, gdtrc, gdtrix, nbdtr,
    nbdtrc, nbdtri, pdtr, pdtrc, pdtri, pdtrik, stdtr, stdtrit,
};
pub use combinatorics::{beta, betaln, binom, comb, factorial, perm, poch};
pub use combinatorics_more::{bernoulli, euler, factorial2, factorialk, multigammaln, polygamma, stirling2};
pub use dawson::{dawsn, erfi};
pub use digamma::{digamma, psi};
pub use elementary::{
    agm, cbrt, cosdg, cosm1, cotdg, diric, exp2, exp10, expm1, log1p, powm1, radian, round, sinc, sindg,
    softplus, tandg,
};
pub use elliptic::{ellipe, ellipj, ellipk, ellipkm1};
pub use erf::{erf, erfc};
pub use error::{Result, SpecialError};
pub use expint::{exp1, expi, expn, shichi, sici, spence};
pub use gamma::{gamma, gammaln, gammasgn, loggamma, rgamma};
pub use incomplete::{betainc, gammainc, gammaincc};
pub use incomplete_inv::{betaincc, betainccinv, betaincinv, gammainccinv, gammaincinv, ndtri_exp};
pub use information::{
    boxcox, boxcox1p, entr, huber, inv_boxcox, inv_boxcox1p, kl_div, pseudo_huber, rel_entr,
};
pub use kolmogorov::{kolmogi, kolmogorov, smirnov, smirnovi};
pub use lambertw::lambertw;
pub use logexp::{expit, exprel, log_expit, logit, xlog1py, xlogy};
pub use logsumexp::{LogsumexpOptions, log_softmax, logsumexp, logsumexp_sign, softmax};
pub use ndtr::{erfcinv, erfcx, erfinv, log_ndtr, ndtr, ndtri};
pub use orthopoly::{
    eval_chebyc, eval_chebys, eval_chebyt, eval_chebyu, eval_gegenbauer, eval_genlaguerre, eval_hermite,
    eval_hermitenorm, eval_jacobi, eval_laguerre, eval_legendre, eval_sh_chebyt, eval_sh_chebyu,
    eval_sh_jacobi, eval_sh_legendre,
};
pub use quadrature::{
    QuadratureRule, roots_chebyc, roots_chebys, roots_chebyt, roots_chebyu, roots_gegenbauer,
    roots_genlaguerre, roots_hermite, roots_hermitenorm, roots_jacobi, roots_laguerre, roots_legendre,
    roots_sh_chebyt, roots_sh_chebyu, roots_sh_jacobi, roots_sh_legendre,
};
pub use ufunc::{ufunc1, ufunc2, ufunc3};
pub use zeta::{zeta, zeta_q, zetac};
