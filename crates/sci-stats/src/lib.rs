//! # sci-stats: `scipy.stats` for Rust
//!
//! SciPy's statistics under SciPy's names, computing SciPy's values (every function is tested
//! against SciPy-generated fixtures). Following `scipy/stats/__init__.py`:
//!
//! * continuous distributions ([`ContinuousDistribution`]: `pdf`, `logpdf`, `cdf`, `logcdf`,
//!   `sf`, `logsf`, `ppf`, `isf`, `stats`, `mean`, `var`, `std`, `median`, `interval`,
//!   `entropy`, `moment`, seeded `rvs`): [`Norm`], [`Lognorm`], [`Uniform`], [`Expon`],
//!   [`Gamma`], [`Chi2`], [`Beta`], [`StudentT`] (`t`), [`FDist`] (`f`);
//! * more continuous distributions: [`Cauchy`], [`Laplace`], [`Logistic`], [`GumbelR`],
//!   [`GumbelL`], [`Rayleigh`], [`Halfnorm`], [`Halfcauchy`], [`Halflogistic`], [`Maxwell`],
//!   [`Arcsine`], [`Levy`], [`WeibullMin`], [`WeibullMax`], [`Dweibull`], [`Pareto`], [`Lomax`],
//!   [`Powerlaw`], [`Invgamma`], [`Chi`], [`Nakagami`], [`Genextreme`], [`Genpareto`], [`Burr`],
//!   [`Burr12`], [`Fisk`], [`Gompertz`], [`Triang`], [`Loguniform`] ([`Reciprocal`]),
//!   [`Trapezoid`], [`Invgauss`], [`Wald`], [`Exponweib`], [`Exponpow`];
//! * discrete distributions ([`DiscreteDistribution`]: `pmf`, `logpmf`, `cdf`, `sf`, `ppf`,
//!   `isf`, `stats`, `interval`): [`Binom`], [`Bernoulli`], [`Poisson`], [`Geom`], [`Nbinom`],
//!   [`Hypergeom`], [`Randint`];
//! * more discrete distributions: [`Planck`], [`Boltzmann`], [`Dlaplace`], [`Betabinom`];
//! * multivariate distributions: [`MultivariateNormal`];
//! * summary statistics: [`describe`], [`gmean`], [`hmean`], [`pmean`], [`tmean`], [`tvar`],
//!   [`tstd`], [`tsem`], [`tmin`], [`tmax`], [`skew`], [`kurtosis`], [`moment`], [`sem`],
//!   [`zscore`], [`variation`], [`mode`];
//! * correlation and regression: [`pearsonr`], [`spearmanr`], [`linregress`], [`rankdata`];
//! * tests: [`ttest_1samp`], [`ttest_ind`], [`ttest_rel`], [`chisquare`], [`ks_1samp`], [`kstest`]; the distributions of the Kolmogorov-Smirnov statistics
//!   [`kstwo_sf`], [`kstwo_cdf`], [`ksone_sf`], [`kstwobign_sf`];
//! * k-sample and paired tests: [`f_oneway`], [`kruskal`], [`ranksums`], [`wilcoxon`],
//!   [`friedmanchisquare`], [`tiecorrect`]; tests of equal variances: [`levene`], [`bartlett`],
//!   [`fligner`];
//! * normality tests: [`shapiro`], [`normaltest`], [`skewtest`], [`kurtosistest`],
//!   [`jarque_bera`], [`anderson`];
//! * tests on counts: [`chi2_contingency`] ([`expected_freq`]), [`fisher_exact`],
//!   [`binomtest`], [`power_divergence`];
//! * more summaries: [`entropy`], [`iqr`], [`median_abs_deviation`], [`zmap`], [`gstd`],
//!   [`trim_mean`], [`trimboth`], [`trim1`], [`sigmaclip`], [`percentileofscore`],
//!   [`scoreatpercentile`], [`cumfreq`], [`relfreq`], [`obrientransform`];
//! * more tests and estimators: [`ttest_ind_from_stats`], [`pointbiserialr`], [`theilslopes`],
//!   [`siegelslopes`], [`combine_pvalues`], [`false_discovery_control`].
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

// k-sample, paired and normality tests, contingency tables, more descriptive statistics.
mod anova;
mod contingency;
mod descriptive_more;
mod nonparametric;
mod normality;
mod significance;
mod tests_more;
pub use anova::{Center, bartlett, f_oneway, fligner, levene};
pub use contingency::{
    BinomTestResult, Chi2ContingencyResult, PowerLambda, ProportionCiMethod, binomtest, chi2_contingency,
    expected_freq, fisher_exact, power_divergence,
};
pub use descriptive_more::{
    FreqResult, PercentileKind, Scale, ScoreInterpolation, SigmaclipResult, Tail, cumfreq, entropy, gstd,
    iqr, median_abs_deviation, obrientransform, percentileofscore, relfreq, scoreatpercentile, sigmaclip,
    trim_mean, trim1, trimboth, zmap,
};
pub use nonparametric::{
    WilcoxonResult, ZeroMethod, friedmanchisquare, kruskal, ranksums, tiecorrect, wilcoxon,
};
pub use normality::{
    AndersonDist, AndersonResult, anderson, jarque_bera, kurtosistest, normaltest, shapiro, skewtest,
};
pub use significance::SignificanceResult;
pub use tests_more::{
    CombineMethod, FdrMethod, InterceptMethod, SiegelslopesResult, TheilslopesResult, combine_pvalues,
    false_discovery_control, pointbiserialr, siegelslopes, theilslopes, ttest_ind_from_stats,
};

pub use correlation::{CorrelationResult, pearsonr};
pub use descriptive::{
    DescribeResult, ModeResult, describe, gmean, hmean, kurtosis, mode, moment, pmean, sem, skew, tmax,
    tmean, tmin, tsem, tstd, tvar, variation, zscore,
};
pub use distributions::{
    Arcsine, Betabinom, Boltzmann, Burr, Burr12, Cauchy, Chi, Dlaplace, Dweibull, Exponpow, Exponweib, Fisk,
    Genextreme, Genpareto, Gompertz, GumbelL, GumbelR, Halfcauchy, Halflogistic, Halfnorm, Invgamma,
    Invgauss, Laplace, Levy, Logistic, Loguniform, Lomax, Maxwell, Nakagami, Pareto, Planck, Powerlaw,
    Rayleigh, Reciprocal, Trapezoid, Triang, Wald, WeibullMax, WeibullMin,
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
