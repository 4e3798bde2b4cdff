//! # sci-stats: `scipy.stats` for Rust
//!
//! SciPy's statistics under SciPy's names, computing SciPy's values (every function is tested
//! against SciPy-generated fixtures). Following `scipy/stats/__init__.py`:
//!
//! * continuous distributions ([`ContinuousDistribution`]: `pdf`, `logpdf`, `cdf`, `logcdf`,
//!   `sf`, `logsf`, `ppf`, `isf`, `stats`, `mean`, `var`, `std`, `median`, `interval`,
//!   `entropy`, `moment`, seeded `rvs`): [`Norm`], [`Lognorm`], [`Uniform`], [`Expon`],
//!   [`Gamma`], [`Chi2`], [`Beta`], [`StudentT`] (`t`), [`FDist`] (`f`);
//! * discrete distributions ([`DiscreteDistribution`]: `pmf`, `logpmf`, `cdf`, `sf`, `ppf`,
//!   `isf`, `stats`, `interval`): [`Binom`], [`Bernoulli`], [`Poisson`], [`Geom`], [`Nbinom`],
//!   [`Hypergeom`], [`Randint`];
//! * multivariate distributions: [`MultivariateNormal`];
//! * summary statistics: [`describe`], [`gmean`], [`hmean`], [`pmean`], [`tmean`], [`tvar`],
//!   [`tstd`], [`tsem`], [`tmin`], [`tmax`], [`skew`], [`kurtosis`], [`moment`], [`sem`],
//!   [`zscore`], [`variation`], [`mode`];
//! * correlation and regression: [`pearsonr`], [`spearmanr`], [`linregress`], [`rankdata`];
//! * tests: [`ttest_1samp`], [`ttest_ind`], [`ttest_rel`], [`chisquare`], [`ks_1samp`], [`kstest`]; the distributions of the Kolmogorov-Smirnov statistics
//!   [`kstwo_sf`], [`kstwo_cdf`], [`ksone_sf`], [`kstwobign_sf`].
//!
//! Scalar kernels shared with `sci-special` (`ndtr`, `ndtri`, the incomplete gamma and beta
//! functions) come from `sci_array::special`. `docs/names/stats.tsv` lists every
//! `scipy.stats` name and what is still missing.
//!
//! ```
//! use sci_stats::{ContinuousDistribution, Norm, gmean};
//! use sci_array::ndarray::{Array1, array};
//! assert_eq!(Norm::standard().cdf(1.96), 0.9750021048517795);
//! assert!((gmean(&array![1.0, 4.0, 16.0], None::<&Array1<f64>>)? - 4.0).abs() < 1e-15);
//! # Ok::<(), sci_stats::StatsError>(())
//! ```
#![doc(test(attr(deny(warnings))))]
pub use sci_array;

mod correlation;
mod descriptive;
mod distributions;
mod error;
mod kde;
mod kernels;
mod kolmogorov;
mod ks;
mod ks2;
mod rank_tests;
mod tests;

pub use correlation::{CorrelationResult, pearsonr};
pub use descriptive::{
    DescribeResult, ModeResult, describe, gmean, hmean, kurtosis, mode, moment, pmean, sem, skew, tmax,
    tmean, tmin, tsem, tstd, tvar, variation, zscore,
};
pub use distributions::{
    Bernoulli, Beta, Binom, Chi2, ContinuousDistribution, DiscreteDistribution, Expon, FDist, Gamma, Geom,
    Hypergeom, Lognorm, Moments, MultivariateNormal, Nbinom, Norm, Poisson, Randint, StudentT, Uniform,
};
pub use error::{Result, StatsError};
pub use kde::{BwMethod, GaussianKde};
pub use ks::{KsMethod, KstestResult, ks_1samp, ksone_sf, kstest, kstwo_cdf, kstwo_sf, kstwobign_sf};
pub use ks2::ks_2samp;
pub use rank_tests::{KendallVariant, MannwhitneyuResult, PvalueMethod, kendalltau, mannwhitneyu};
pub use tests::{
    ChisquareResult, LinregressResult, RankMethod, TtestResult, chisquare, linregress, rankdata, spearmanr,
    ttest_1samp, ttest_ind, ttest_rel,
};

/// The alternative hypothesis of a test (SciPy's `alternative`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Alternative {
    /// `'two-sided'` (the default).
    #[default]
    TwoSided,
    /// `'less'`.
    Less,
    /// `'greater'`.
    Greater,
}
