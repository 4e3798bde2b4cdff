//! Probability distributions with SciPy's frozen-distribution surface.
//!
//! A continuous distribution implements the standardized functions (loc = 0, scale = 1) of
//! [`ContinuousDistribution`]; the trait supplies SciPy's public methods with loc and scale
//! (`pdf`, `cdf`, `ppf`, `interval`, `stats`, `rvs`, ...) and their array forms. Discrete
//! distributions do the same through [`DiscreteDistribution`] (loc only, as in SciPy).

/// `loc()` and `scale()` from the fields of the same names.
macro_rules! loc_scale_fields {
    () => {
        fn loc(&self) -> f64 {
            self.loc
        }
        fn scale(&self) -> f64 {
            self.scale
        }
    };
}

/// A continuous distribution type with shape parameters (each checked by an expression over
/// the parameters), loc and scale, and its constructor.
macro_rules! shaped_dist {
    (
        $(#[$meta:meta])*
        $name:ident, $scipy:literal, [$($p:ident: $ok:expr, $expected:literal);*]
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("SciPy equivalent: `scipy.stats.", $scipy, "`.")]
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct $name {
            $($p: f64,)*
            loc: f64,
            scale: f64,
        }

        impl $name {
            #[doc = concat!("The `", $scipy, "` distribution with the given shape parameters, location and scale.")]
            ///
            /// # Errors
            ///
            /// `InvalidParameter` for a shape parameter outside its domain (where SciPy's
            /// methods return NaN), a non-finite loc or a scale that is not positive and
            /// finite.
            ///
            #[doc = concat!("SciPy equivalent: `scipy.stats.", $scipy, "(", $(stringify!($p), ", ",)* "loc, scale)`.")]
            pub fn new($($p: f64,)* loc: f64, scale: f64) -> Result<Self> {
                $(check($ok, stringify!($p), $expected, $p)?;)*
                check_loc_scale(loc, scale)?;
                Ok($name { $($p,)* loc, scale })
            }
        }
    };
}

mod continuous;
mod continuous_more;
mod discrete;
mod discrete_extra;
mod discrete_more;
mod gammas;
mod invert;
mod more_util;
mod mvn;
mod normal;
mod shape_families;
mod two_shape;

pub use continuous::{ContinuousDistribution, Moments};
pub use continuous_more::{
    Arcsine, Cauchy, GumbelL, GumbelR, Halfcauchy, Halflogistic, Halfnorm, Laplace, Levy, Logistic, Maxwell,
    Rayleigh,
};
pub use discrete::{DiscreteDistribution, Geom};
pub use discrete_extra::{Betabinom, Boltzmann, Dlaplace, Planck};
pub use discrete_more::{Bernoulli, Binom, Hypergeom, Nbinom, Poisson, Randint};
pub use gammas::{Beta, Chi2, Expon, FDist, Gamma, StudentT, Uniform};
pub use mvn::MultivariateNormal;
pub use normal::{Lognorm, Norm};
pub use shape_families::{
    Chi, Dweibull, Genextreme, Genpareto, Invgamma, Lomax, Nakagami, Pareto, Powerlaw, WeibullMax, WeibullMin,
};
pub use two_shape::{
    Burr, Burr12, Exponpow, Exponweib, Fisk, Gompertz, Invgauss, Loguniform, Reciprocal, Trapezoid, Triang,
    Wald,
};

use crate::error::{Result, check};
use ndarray::{Array, ArrayBase, Data, Dimension};

/// Checks loc (finite) and scale (> 0, finite), SciPy's `_argcheck` for every distribution.
pub(crate) fn check_loc_scale(loc: f64, scale: f64) -> Result<()> {
    check(loc.is_finite(), "loc", "finite", loc)?;
    check(scale > 0.0 && scale.is_finite(), "scale", "> 0 and finite", scale)
}

/// Elementwise `f` over `x`, on several threads for large arrays.
pub(crate) fn map_array<S, D, F>(x: &ArrayBase<S, D>, f: F) -> Array<f64, D>
where
    S: Data<Elem = f64>,
    D: Dimension,
    F: Fn(f64) -> f64 + Sync + Send,
{
    #[cfg(feature = "rayon")]
    {
        if x.len() >= 1 << 14 {
            let mut out = x.to_owned();
            out.par_mapv_inplace(f);
            return out;
        }
    }
    x.mapv(f)
}
