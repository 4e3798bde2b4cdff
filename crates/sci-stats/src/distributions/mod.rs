//! Probability distributions with SciPy's frozen-distribution surface.
//!
//! A continuous distribution implements the standardized functions (loc = 0, scale = 1) of
//! [`ContinuousDistribution`]; the trait supplies SciPy's public methods with loc and scale
//! (`pdf`, `cdf`, `ppf`, `interval`, `stats`, `rvs`, ...) and their array forms. Discrete
//! distributions do the same through [`DiscreteDistribution`] (loc only, as in SciPy).

mod continuous;
mod discrete;
mod discrete_more;
mod gammas;
mod invert;
mod mvn;
mod normal;

pub use continuous::{ContinuousDistribution, Moments};
pub use discrete::{DiscreteDistribution, Geom};
pub use discrete_more::{Bernoulli, Binom, Hypergeom, Nbinom, Poisson, Randint};
pub use gammas::{Beta, Chi2, Expon, FDist, Gamma, StudentT, Uniform};
pub use mvn::MultivariateNormal;
pub use normal::{Lognorm, Norm};

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
