//! A sweep of the statistics over the inputs that break them most often: empty samples and
//! samples of length 1 and 2, constant samples (zero variance), NaN and ±inf values, ±1e300
//! and subnormal values, unequal lengths for paired tests, non-contiguous views (reversed and
//! stepped), distributions with extreme (but valid) and invalid parameters evaluated at
//! probabilities 0, 1, outside [0, 1] and NaN, and degenerate options (confidence outside
//! [0, 1], orders above 4, bandwidth factors 0 and NaN). Every call must return, `Ok` or an
//! error, and never panic; the values themselves are checked against SciPy by the other test
//! files (and, for the faults this sweep found, by the regression tests at the end).
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, ArrayView1, array, s};
use sci_array::testing::PanicSweep;
use sci_stats::*;

/// The samples, by name.
fn samples() -> Vec<(&'static str, Array1<f64>)> {
    let wave = Array1::from_shape_fn(24, |i| (i as f64 * 0.37).sin() * 3.0 + 0.1 * i as f64);
    let mut with_nan = wave.clone();
    with_nan[5] = f64::NAN;
    let mut with_inf = wave.clone();
    with_inf[3] = f64::INFINITY;
    let mut with_ninf = wave.clone();
    with_ninf[7] = f64::NEG_INFINITY;
    vec![
        ("empty", Array1::zeros(0)),
        ("[1]", array![1.0]),
        ("[nan]", array![f64::NAN]),
        ("[0, 1]", array![0.0, 1.0]),
        ("[2, 2]", array![2.0, 2.0]),
        ("5 values", array![0.3, -1.2, 2.5, 0.0, 4.0]),
        ("5 positive", array![0.3, 1.2, 2.5, 0.1, 4.0]),
        ("constant 7", Array1::from_elem(7, 2.0)),
        ("zeros 6", Array1::zeros(6)),
        ("wave 24", wave.clone()),
        ("wave 24 reversed", wave.slice(s![..;-1]).to_owned()),
        ("wave 24 with NaN", with_nan),
        ("wave 24 with inf", with_inf),
        ("wave 24 with -inf", with_ninf),
        ("[inf, inf, inf]", array![f64::INFINITY, f64::INFINITY, f64::INFINITY]),
        ("1e300 values", Array1::from_shape_fn(9, |i| 1e300 * (i as f64 - 4.0))),
        ("subnormal values", Array1::from_shape_fn(6, |i| 5e-324 * i as f64)),
        ("[-1e300, 1e300]", array![-1e300, 1e300]),
        ("ties 10", array![1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 1.0, 4.0, 2.0, 1.0]),
    ]
}

/// Consumes a result without letting the optimizer drop the call.
fn sink<T>(v: T) {
    std::hint::black_box(v);
}

const ALTS: [Alternative; 3] = [Alternative::TwoSided, Alternative::Less, Alternative::Greater];

/// Descriptive statistics and one-sample tests of one sample (and of a stepped view of it).
fn one_sample(p: &mut PanicSweep, label: &str, x: ArrayView1<'_, f64>) {
    let tag = |w: &str| format!("{w} on {label}");
    for ddof in [0usize, 1, 5, usize::MAX] {
        for bias in [true, false] {
            p.run(tag(&format!("describe ddof {ddof} bias {bias}")), || sink(describe(&x, ddof, bias)));
        }
        p.run(tag(&format!("sem {ddof}")), || sink(sem(&x, ddof)));
        p.run(tag(&format!("zscore {ddof}")), || sink(zscore(&x, ddof)));
        p.run(tag(&format!("variation {ddof}")), || sink(variation(&x, ddof)));
        for limits in [None, Some((0.0, 1.0)), Some((1.0, 0.0)), Some((f64::NAN, f64::NAN))] {
            for inclusive in [(true, true), (false, false)] {
                let t = |w: &str| tag(&format!("{w} {limits:?} {inclusive:?} ddof {ddof}"));
                p.run(t("tvar"), || sink(tvar(&x, limits, inclusive, ddof)));
                p.run(t("tstd"), || sink(tstd(&x, limits, inclusive, ddof)));
                p.run(t("tsem"), || sink(tsem(&x, limits, inclusive, ddof)));
            }
        }
    }
    for limits in [None, Some((0.0, 1.0)), Some((1.0, 0.0)), Some((f64::NAN, 2.0))] {
        for inclusive in [(true, true), (false, true)] {
            p.run(tag(&format!("tmean {limits:?} {inclusive:?}")), || sink(tmean(&x, limits, inclusive)));
        }
    }
    for lim in [None, Some(0.0), Some(f64::NAN), Some(f64::INFINITY)] {
        for inclusive in [true, false] {
            p.run(tag(&format!("tmin {lim:?} {inclusive}")), || sink(tmin(&x, lim, inclusive)));
            p.run(tag(&format!("tmax {lim:?} {inclusive}")), || sink(tmax(&x, lim, inclusive)));
        }
    }
    for bias in [true, false] {
        p.run(tag(&format!("skew bias {bias}")), || sink(skew(&x, bias)));
        for fisher in [true, false] {
            p.run(tag(&format!("kurtosis {fisher} {bias}")), || sink(kurtosis(&x, fisher, bias)));
        }
    }
    for order in [0u32, 1, 2, 5, 1000] {
        for center in [None, Some(0.0), Some(f64::NAN)] {
            p.run(tag(&format!("moment {order} {center:?}")), || sink(moment(&x, order, center)));
        }
    }
    let none = None::<&Array1<f64>>;
    let n = x.len();
    let weights: Vec<Array1<f64>> = vec![
        Array1::ones(n),
        Array1::zeros(n),
        Array1::from_elem(n, -1.0),
        Array1::from_elem(n, f64::NAN),
        Array1::ones(n + 1),
    ];
    p.run(tag("gmean"), || sink(gmean(&x, none)));
    p.run(tag("hmean"), || sink(hmean(&x, none)));
    for w in &weights {
        let wl = format!("weights {:?}", w.first());
        p.run(tag(&format!("gmean {wl} len {}", w.len())), || sink(gmean(&x, Some(w))));
        p.run(tag(&format!("hmean {wl} len {}", w.len())), || sink(hmean(&x, Some(w))));
        p.run(tag(&format!("pmean 2 {wl} len {}", w.len())), || sink(pmean(&x, 2.0, Some(w))));
    }
    for pw in [0.0, -1.0, 1.0, 3.0, 1e300, -1e300, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        p.run(tag(&format!("pmean {pw}")), || sink(pmean(&x, pw, none)));
    }
    p.run(tag("mode"), || sink(mode(&x)));
    for method in
        [RankMethod::Average, RankMethod::Min, RankMethod::Max, RankMethod::Dense, RankMethod::Ordinal]
    {
        p.run(tag(&format!("rankdata {method:?}")), || sink(rankdata(&x, method)));
    }
    for alt in ALTS {
        for popmean in [0.0, f64::NAN, f64::INFINITY, 1e300] {
            p.run(tag(&format!("ttest_1samp {popmean} {alt:?}")), || sink(ttest_1samp(&x, popmean, alt)));
        }
        for method in [KsMethod::Auto, KsMethod::Exact, KsMethod::Approx, KsMethod::Asymp] {
            let t = |w: &str| tag(&format!("{w} {alt:?} {method:?}"));
            p.run(t("kstest norm"), || sink(kstest(&x, &Norm::standard(), alt, method)));
            p.run(t("ks_1samp nan cdf"), || sink(ks_1samp(&x, |_| f64::NAN, alt, method)));
            p.run(t("ks_1samp cdf > 1"), || sink(ks_1samp(&x, |v| v * 1e10, alt, method)));
        }
    }
    for ddof in [0usize, 1, 4, 100] {
        p.run(tag(&format!("chisquare ddof {ddof}")), || sink(chisquare(&x, none, ddof)));
        for (el, e) in [("itself", x.to_owned()), ("ones", Array1::ones(n)), ("zeros", Array1::zeros(n))] {
            p.run(tag(&format!("chisquare f_exp {el} ddof {ddof}")), || sink(chisquare(&x, Some(&e), ddof)));
        }
        p.run(tag(&format!("chisquare f_exp longer ddof {ddof}")), || {
            sink(chisquare(&x, Some(&Array1::ones(n + 1)), ddof))
        });
    }
    for bw in [BwMethod::Scott, BwMethod::Silverman, BwMethod::Constant(0.0), BwMethod::Constant(f64::NAN)] {
        p.run(tag(&format!("gaussian_kde {bw:?}")), || {
            if let Ok(kde) = GaussianKde::new_1d(&x, bw, None) {
                sink(kde.evaluate_1d(&array![0.0, f64::NAN, f64::INFINITY, 1e300]));
                sink(kde.integrate_box_1d(f64::NEG_INFINITY, f64::INFINITY));
                sink(kde.integrate_box_1d(f64::NAN, 0.0));
                sink(kde.integrate_kde(&kde));
                sink(kde.logpdf(&array![[0.0, f64::NAN]]));
                sink(kde.integrate_gaussian(&array![0.0], &array![[1.0]]));
                sink(kde.integrate_gaussian(&array![0.0, 1.0], &array![[1.0]]));
                sink(kde.marginal(&[0]));
                sink(kde.marginal(&[5]));
                sink(kde.marginal(&[]));
                sink(kde.evaluate(&Array2::zeros((3, 2))));
            }
        });
        for w in &weights {
            p.run(tag(&format!("gaussian_kde {bw:?} weights {:?} len {}", w.first(), w.len())), || {
                if let Ok(mut kde) = GaussianKde::new_1d(&x, bw, Some(w.view())) {
                    sink(kde.evaluate_1d(&array![0.0, 1.0]));
                    sink(kde.set_bandwidth(BwMethod::Constant(-1.0)));
                    sink(kde.set_bandwidth(BwMethod::Constant(f64::INFINITY)));
                }
            });
        }
    }
    let x2 = Array2::from_shape_fn((2, n), |(i, j)| x[j] * (i as f64 + 1.0));
    p.run(tag("gaussian_kde 2-d"), || {
        if let Ok(kde) = GaussianKde::new(&x2, BwMethod::Scott, None) {
            sink(kde.evaluate(&array![[0.0], [1.0]]));
            sink(kde.marginal(&[-1]));
            sink(kde.marginal(&[0, 0]));
            sink(kde.integrate_gaussian(&array![0.0, 0.0], &array![[1.0, 0.0], [0.0, 0.0]]));
        }
    });
    p.run(tag("gaussian_kde transposed"), || sink(GaussianKde::new(&x2.t(), BwMethod::Scott, None)));
}

/// Two-sample tests and correlations of a pair of samples.
fn two_samples(p: &mut PanicSweep, label: &str, x: ArrayView1<'_, f64>, y: ArrayView1<'_, f64>) {
    let tag = |w: String| format!("{w} on {label}");
    for alt in ALTS {
        p.run(tag(format!("ttest_ind {alt:?}")), || sink(ttest_ind(&x, &y, true, alt)));
        p.run(tag(format!("ttest_ind welch {alt:?}")), || sink(ttest_ind(&x, &y, false, alt)));
        p.run(tag(format!("ttest_rel {alt:?}")), || sink(ttest_rel(&x, &y, alt)));
        p.run(tag(format!("pearsonr {alt:?}")), || sink(pearsonr(&x, &y, alt)));
        p.run(tag(format!("spearmanr {alt:?}")), || sink(spearmanr(&x, &y, alt)));
        p.run(tag(format!("linregress {alt:?}")), || sink(linregress(&x, &y, alt)));
        for method in [PvalueMethod::Auto, PvalueMethod::Exact, PvalueMethod::Asymptotic] {
            for variant in [KendallVariant::B, KendallVariant::C] {
                p.run(tag(format!("kendalltau {variant:?} {method:?} {alt:?}")), || {
                    sink(kendalltau(&x, &y, variant, method, alt))
                });
            }
            for cc in [true, false] {
                p.run(tag(format!("mannwhitneyu {cc} {method:?} {alt:?}")), || {
                    sink(mannwhitneyu(&x, &y, cc, alt, method))
                });
            }
        }
        for method in [KsMethod::Auto, KsMethod::Exact, KsMethod::Approx, KsMethod::Asymp] {
            p.run(tag(format!("ks_2samp {alt:?} {method:?}")), || sink(ks_2samp(&x, &y, alt, method)));
        }
    }
}

#[test]
fn no_statistic_panics_on_edge_samples() {
    let mut panics = PanicSweep::new();
    let all = samples();
    for (label, x) in &all {
        one_sample(&mut panics, label, x.view());
        let stepped = format!("{label}, every other element reversed");
        one_sample(&mut panics, &stepped, x.slice(s![..;-2]));
    }
    // Every pair of samples, including pairs of unequal lengths (and reversed views).
    for (lx, x) in &all {
        for (ly, y) in &all {
            two_samples(&mut panics, &format!("{lx} and {ly}"), x.view(), y.view());
        }
        two_samples(&mut panics, &format!("{lx} and itself reversed"), x.view(), x.slice(s![..;-1]));
    }
    panics.finish();
}

/// Points at which the distributions are evaluated.
const XS: [f64; 14] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    2.5,
    7.0,
    1e-300,
    5e-324,
    1e300,
    -1e300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

/// Probabilities for `ppf`/`isf`, valid and not.
const QS: [f64; 12] =
    [0.0, 1.0, 0.5, 1e-300, 5e-324, 1e-17, 0.9999999999999999, -0.1, 1.1, f64::NAN, f64::INFINITY, -0.0];

fn sweep_continuous<D: ContinuousDistribution + Sync>(p: &mut PanicSweep, label: &str, d: Result<D>) {
    let Ok(d) = d else { return };
    let tag = |w: String| format!("{label}.{w}");
    for x in XS {
        p.run(tag(format!("pdf({x:e})")), || sink(d.pdf(x)));
        p.run(tag(format!("logpdf({x:e})")), || sink(d.logpdf(x)));
        p.run(tag(format!("cdf({x:e})")), || sink(d.cdf(x)));
        p.run(tag(format!("logcdf({x:e})")), || sink(d.logcdf(x)));
        p.run(tag(format!("sf({x:e})")), || sink(d.sf(x)));
        p.run(tag(format!("logsf({x:e})")), || sink(d.logsf(x)));
    }
    for q in QS {
        p.run(tag(format!("ppf({q:e})")), || sink(d.ppf(q)));
        p.run(tag(format!("isf({q:e})")), || sink(d.isf(q)));
        p.run(tag(format!("interval({q:e})")), || sink(d.interval(q)));
    }
    p.run(tag("stats".into()), || sink(d.stats()));
    p.run(tag("mean var std".into()), || sink((d.mean(), d.var(), d.std())));
    p.run(tag("median".into()), || sink(d.median()));
    p.run(tag("entropy".into()), || sink(d.entropy()));
    for order in [0, 1, 2, 3, 4, 5, u32::MAX] {
        p.run(tag(format!("moment({order})")), || sink(d.moment(order)));
    }
    for size in [0usize, 1, 5] {
        p.run(tag(format!("rvs({size})")), || sink(d.rvs(size, 42)));
    }
    let xs = Array1::from(XS.to_vec());
    let rev = xs.slice(s![..;-1]);
    p.run(tag("pdf_array etc. on a reversed view".into()), || {
        sink((d.pdf_array(&rev), d.logpdf_array(&rev), d.cdf_array(&rev), d.sf_array(&rev)));
        sink((d.ppf_array(&rev), d.isf_array(&rev)));
    });
}

fn sweep_discrete<D: DiscreteDistribution>(p: &mut PanicSweep, label: &str, d: Result<D>) {
    let Ok(d) = d else { return };
    let tag = |w: String| format!("{label}.{w}");
    for x in XS {
        p.run(tag(format!("pmf({x:e})")), || sink(d.pmf(x)));
        p.run(tag(format!("logpmf({x:e})")), || sink(d.logpmf(x)));
        p.run(tag(format!("cdf({x:e})")), || sink(d.cdf(x)));
        p.run(tag(format!("logcdf({x:e})")), || sink(d.logcdf(x)));
        p.run(tag(format!("sf({x:e})")), || sink(d.sf(x)));
        p.run(tag(format!("logsf({x:e})")), || sink(d.logsf(x)));
    }
    for q in QS {
        p.run(tag(format!("ppf({q:e})")), || sink(d.ppf(q)));
        p.run(tag(format!("isf({q:e})")), || sink(d.isf(q)));
        p.run(tag(format!("interval({q:e})")), || sink(d.interval(q)));
    }
    p.run(tag("stats".into()), || sink(d.stats()));
    p.run(tag("mean var std".into()), || sink((d.mean(), d.var(), d.std())));
    p.run(tag("median".into()), || sink(d.median()));
}

/// Shape parameters: valid extremes and invalid values (the constructors must reject those).
const SHAPES: [f64; 12] =
    [1.0, 0.5, 3.0, 1e-300, 5e-324, 1e300, 0.0, -1.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];

/// Probability parameters.
const PROBS: [f64; 9] = [0.5, 0.0, 1.0, 1e-300, 0.9999999999999999, -0.1, 1.5, f64::NAN, f64::INFINITY];

/// Counts.
const COUNTS: [f64; 9] = [0.0, 1.0, 5.0, 1e9, 1e300, -1.0, 2.5, f64::NAN, f64::INFINITY];

#[test]
fn no_distribution_panics_on_edge_parameters() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    let locs = [0.0, -3.0, 1e300, f64::NAN, f64::INFINITY];
    let scales = [1.0, 1e-300, 5e-324, 1e300, 0.0, -1.0, f64::NAN, f64::INFINITY];
    for loc in locs {
        for scale in scales {
            let ls = format!("loc {loc:e} scale {scale:e}");
            sweep_continuous(p, &format!("norm({ls})"), Norm::new(loc, scale));
            sweep_continuous(p, &format!("uniform({ls})"), Uniform::new(loc, scale));
            sweep_continuous(p, &format!("expon({ls})"), Expon::new(loc, scale));
        }
    }
    for a in SHAPES {
        for (loc, scale) in [(0.0, 1.0), (-3.0, 1e300), (f64::NAN, 1.0), (0.0, 0.0)] {
            let ls = format!("loc {loc:e} scale {scale:e}");
            sweep_continuous(p, &format!("lognorm({a:e}, {ls})"), Lognorm::new(a, loc, scale));
            sweep_continuous(p, &format!("gamma({a:e}, {ls})"), Gamma::new(a, loc, scale));
            sweep_continuous(p, &format!("chi2({a:e}, {ls})"), Chi2::new(a, loc, scale));
            sweep_continuous(p, &format!("t({a:e}, {ls})"), StudentT::new(a, loc, scale));
        }
        for b in SHAPES {
            sweep_continuous(p, &format!("beta({a:e}, {b:e})"), Beta::new(a, b, 0.0, 1.0));
            sweep_continuous(p, &format!("f({a:e}, {b:e})"), FDist::new(a, b, 0.0, 1.0));
        }
    }
    for loc in [0.0, -2.0, 1e300, f64::NAN] {
        for pr in PROBS {
            sweep_discrete(p, &format!("bernoulli({pr:e}, loc {loc:e})"), Bernoulli::new(pr, loc));
            sweep_discrete(p, &format!("geom({pr:e}, loc {loc:e})"), Geom::new(pr, loc));
            for n in COUNTS {
                sweep_discrete(p, &format!("binom({n:e}, {pr:e}, loc {loc:e})"), Binom::new(n, pr, loc));
                sweep_discrete(p, &format!("nbinom({n:e}, {pr:e}, loc {loc:e})"), Nbinom::new(n, pr, loc));
            }
        }
        for mu in [0.0, 1.0, 1e-300, 1e9, 1e300, -1.0, f64::NAN, f64::INFINITY] {
            sweep_discrete(p, &format!("poisson({mu:e}, loc {loc:e})"), Poisson::new(mu, loc));
        }
    }
    for m in COUNTS {
        for n in COUNTS {
            for draws in COUNTS {
                let label = format!("hypergeom({m:e}, {n:e}, {draws:e})");
                sweep_discrete(p, &label, Hypergeom::new(m, n, draws, 0.0));
            }
        }
        for high in COUNTS {
            sweep_discrete(p, &format!("randint({m:e}, {high:e})"), Randint::new(m, high, 0.0));
            sweep_discrete(p, &format!("randint({:e}, {high:e})", -m), Randint::new(-m, high, 0.0));
        }
    }
    more_distributions(p);
    let means = [array![0.0], array![0.0, 1.0], array![f64::NAN, 0.0], Array1::zeros(0)];
    let covs = [
        array![[1.0]],
        array![[1.0, 0.0], [0.0, 1.0]],
        array![[1.0, 1.0], [1.0, 1.0]],
        array![[1e-300, 0.0], [0.0, 1e300]],
        array![[f64::NAN, 0.0], [0.0, 1.0]],
        array![[1.0, 2.0], [0.0, 1.0]],
        Array2::zeros((0, 0)),
        Array2::ones((2, 3)),
    ];
    for mean in &means {
        for cov in &covs {
            p.run(format!("multivariate_normal({mean}, {cov})"), || {
                if let Ok(mvn) = MultivariateNormal::new(mean, cov) {
                    for x in
                        [array![0.0], array![0.0, 0.0], array![f64::NAN, f64::INFINITY], Array1::zeros(0)]
                    {
                        sink((mvn.pdf(&x), mvn.logpdf(&x)));
                    }
                    sink((mvn.pdf_rows(&Array2::zeros((3, 2))), mvn.logpdf_rows(&Array2::zeros((0, 2)))));
                    sink((mvn.entropy(), mvn.rvs(0, 1), mvn.rvs(3, 1)));
                }
            });
        }
    }
    for n in [0usize, 1, 2, 10, 1000, usize::MAX] {
        for x in [0.0, -1.0, 0.5, 1.0, 2.0, 1e-300, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            p.run(format!("kstwo_sf({n}, {x:e})"), || sink(kstwo_sf(n, x)));
            p.run(format!("kstwo_cdf({n}, {x:e})"), || sink(kstwo_cdf(n, x)));
            p.run(format!("ksone_sf({n}, {x:e})"), || sink(ksone_sf(n, x)));
            p.run(format!("kstwobign_sf({x:e})"), || sink(kstwobign_sf(x)));
        }
    }
    panics.finish();
}

/// The distributions of `continuous_more`, `shape_families`, `two_shape` and
/// `discrete_extra` over the same edge parameters and arguments.
fn more_distributions(p: &mut PanicSweep) {
    let locs =
        [(0.0, 1.0), (-3.0, 1e300), (1e300, 1e-300), (f64::NAN, 1.0), (0.0, 0.0), (0.0, f64::INFINITY)];
    for (loc, scale) in locs {
        let ls = format!("loc {loc:e} scale {scale:e}");
        sweep_continuous(p, &format!("cauchy({ls})"), Cauchy::new(loc, scale));
        sweep_continuous(p, &format!("laplace({ls})"), Laplace::new(loc, scale));
        sweep_continuous(p, &format!("logistic({ls})"), Logistic::new(loc, scale));
        sweep_continuous(p, &format!("gumbel_r({ls})"), GumbelR::new(loc, scale));
        sweep_continuous(p, &format!("gumbel_l({ls})"), GumbelL::new(loc, scale));
        sweep_continuous(p, &format!("rayleigh({ls})"), Rayleigh::new(loc, scale));
        sweep_continuous(p, &format!("halfnorm({ls})"), Halfnorm::new(loc, scale));
        sweep_continuous(p, &format!("halfcauchy({ls})"), Halfcauchy::new(loc, scale));
        sweep_continuous(p, &format!("halflogistic({ls})"), Halflogistic::new(loc, scale));
        sweep_continuous(p, &format!("maxwell({ls})"), Maxwell::new(loc, scale));
        sweep_continuous(p, &format!("arcsine({ls})"), Arcsine::new(loc, scale));
        sweep_continuous(p, &format!("levy({ls})"), Levy::new(loc, scale));
        sweep_continuous(p, &format!("wald({ls})"), Wald::new(loc, scale));
    }
    let signed = [0.0, 0.3, -0.3, 2.0, -2.0, 1e-300, -1e-300, 1e300, -1e300, f64::NAN, f64::INFINITY];
    for c in SHAPES.iter().chain(signed.iter()).copied() {
        for (loc, scale) in [(0.0, 1.0), (-3.0, 1e300), (f64::NAN, 1.0)] {
            let t = |n: &str| format!("{n}({c:e}, loc {loc:e} scale {scale:e})");
            sweep_continuous(p, &t("weibull_min"), WeibullMin::new(c, loc, scale));
            sweep_continuous(p, &t("weibull_max"), WeibullMax::new(c, loc, scale));
            sweep_continuous(p, &t("dweibull"), Dweibull::new(c, loc, scale));
            sweep_continuous(p, &t("pareto"), Pareto::new(c, loc, scale));
            sweep_continuous(p, &t("lomax"), Lomax::new(c, loc, scale));
            sweep_continuous(p, &t("powerlaw"), Powerlaw::new(c, loc, scale));
            sweep_continuous(p, &t("invgamma"), Invgamma::new(c, loc, scale));
            sweep_continuous(p, &t("chi"), Chi::new(c, loc, scale));
            sweep_continuous(p, &t("nakagami"), Nakagami::new(c, loc, scale));
            sweep_continuous(p, &t("genextreme"), Genextreme::new(c, loc, scale));
            sweep_continuous(p, &t("genpareto"), Genpareto::new(c, loc, scale));
            sweep_continuous(p, &t("fisk"), Fisk::new(c, loc, scale));
            sweep_continuous(p, &t("gompertz"), Gompertz::new(c, loc, scale));
            sweep_continuous(p, &t("triang"), Triang::new(c, loc, scale));
            sweep_continuous(p, &t("invgauss"), Invgauss::new(c, loc, scale));
            sweep_continuous(p, &t("exponpow"), Exponpow::new(c, loc, scale));
        }
        for d in [1.0, 0.5, 3.0, 1e-300, 1e300, 0.0, -1.0, f64::NAN] {
            let t = |n: &str| format!("{n}({c:e}, {d:e})");
            sweep_continuous(p, &t("burr"), Burr::new(c, d, 0.0, 1.0));
            sweep_continuous(p, &t("burr12"), Burr12::new(c, d, 0.0, 1.0));
            sweep_continuous(p, &t("exponweib"), Exponweib::new(c, d, 0.0, 1.0));
            sweep_continuous(p, &t("loguniform"), Loguniform::new(c, d, 0.0, 1.0));
            sweep_continuous(p, &t("trapezoid"), Trapezoid::new(c, d, 0.0, 1.0));
        }
    }
    for loc in [0.0, -2.0, 1e300, f64::NAN] {
        for a in SHAPES {
            sweep_discrete(p, &format!("planck({a:e}, loc {loc:e})"), Planck::new(a, loc));
            sweep_discrete(p, &format!("dlaplace({a:e}, loc {loc:e})"), Dlaplace::new(a, loc));
            for n in COUNTS {
                sweep_discrete(
                    p,
                    &format!("boltzmann({a:e}, {n:e}, loc {loc:e})"),
                    Boltzmann::new(a, n, loc),
                );
            }
        }
    }
    // betabinom sums its CDF (up to 1e5 terms per call): fewer combinations.
    for n in COUNTS {
        for a in [1.0, 1e-300, 1e300, 0.0, f64::NAN] {
            for b in [0.5, 1e300, f64::NAN] {
                sweep_discrete(p, &format!("betabinom({n:e}, {a:e}, {b:e})"), Betabinom::new(n, a, b, 0.0));
            }
        }
    }
}

/// The faults the sweep found, against SciPy 1.17.1's values.
#[test]
fn huge_parameters_give_scipys_values_without_hanging() {
    // The quantile search of the discrete distributions bisected for ever once the bracket was
    // beyond 2^53 (the midpoint rounds to an end): SciPy gives binom(1e300, 0.5).ppf(0.5) =
    // 5e299, poisson(1e300).ppf(0.5) = isf(0.5) = 1e300, binom(1e9, 0.5).ppf(0.5) = 5e8.
    // (binom's CDF at n = 1e300 is NaN here, through sci-array's betainc, so its quantile ends
    // at the top of the support, 1e300: it returns, but not yet SciPy's value.)
    let close = |got: f64, want: f64| (got - want).abs() <= 1e-12 * want.abs();
    let b = Binom::new(1e300, 0.5, 0.0).unwrap();
    assert!((0.0..=1e300).contains(&b.ppf(0.5)), "{}", b.ppf(0.5));
    assert!((0.0..=1e300).contains(&b.isf(0.5)), "{}", b.isf(0.5));
    assert_eq!(Binom::new(1e9, 0.5, 0.0).unwrap().ppf(0.5), 5e8);
    let p = Poisson::new(1e300, 0.0).unwrap();
    assert!(close(p.ppf(0.5), 1e300) && close(p.isf(0.5), 1e300));
    // hypergeom summed its pmf one term at a time from the end of the support (never ending
    // once k + 1 == k): SciPy gives NaN from M = 2^64 on (and does not finish between 2^53 and
    // 2^64), and hypergeom(1e9, 5e8, 1e8).cdf(5e7) = sf(5e7 - 1) = 0.5000421049174009.
    let h = Hypergeom::new(1e20, 10.0, 5.0, 0.0).unwrap();
    assert!(h.cdf(1.0).is_nan() && h.sf(1.0).is_nan() && h.pmf(1.0).is_nan());
    let h = Hypergeom::new(1e300, 5e299, 1e299, 0.0).unwrap();
    assert!(h.cdf(1e298).is_nan() && h.sf(1e298).is_nan());
    // (To 2e-6 only: the pmf is a sum of six ln B terms of size ~1e9 that cancel.)
    let h = Hypergeom::new(1e9, 5e8, 1e8, 0.0).unwrap();
    assert!((h.cdf(5e7) - 0.5000421049174009).abs() < 2e-6, "{}", h.cdf(5e7));
    assert!((h.sf(5e7 - 1.0) - 0.5000421049174009).abs() < 2e-6, "{}", h.sf(5e7 - 1.0));
    // smirnov summed n terms (2^64 for n = usize::MAX): SciPy's ksone.sf and kstwo.sf are NaN
    // from n = 2^31 on (its n is a C int) and 0 once exp(-2nd²) underflows.
    let n31 = 1usize << 31;
    assert!(ksone_sf(n31, 0.5).is_nan() && ksone_sf(usize::MAX, 0.3).is_nan());
    assert!(kstwo_sf(n31, 0.5).is_nan());
    assert_eq!(kstwo_sf(n31, 0.3), 0.0);
    assert_eq!(ksone_sf(1_000_000_000, 1e-3), 0.0);
    assert_eq!(ksone_sf(n31 - 1, 0.5), 0.0);
}

/// The k-sample, paired, normality, contingency and descriptive additions on every edge sample
/// (alone, in pairs and as groups of three, including reversed and stepped views).
#[test]
fn tests_and_summaries_do_not_panic_on_edge_samples() {
    let mut p = PanicSweep::new();
    let all = samples();
    let none = None::<&Array1<f64>>;
    for (label, x) in &all {
        for view in [x.view(), x.slice(s![..;-2])] {
            let tag = |w: &str| format!("{w} on {label} (len {})", view.len());
            for alt in ALTS {
                p.run(tag(&format!("skewtest {alt:?}")), || sink(skewtest(&view, alt)));
                p.run(tag(&format!("kurtosistest {alt:?}")), || sink(kurtosistest(&view, alt)));
                for zm in [ZeroMethod::Wilcox, ZeroMethod::Pratt, ZeroMethod::Zsplit] {
                    for method in [PvalueMethod::Auto, PvalueMethod::Exact, PvalueMethod::Asymptotic] {
                        for corr in [false, true] {
                            p.run(tag(&format!("wilcoxon {zm:?} {method:?} {corr} {alt:?}")), || {
                                sink(wilcoxon(&view, none, zm, corr, alt, method))
                            });
                        }
                    }
                }
            }
            p.run(tag("shapiro"), || sink(shapiro(&view)));
            p.run(tag("normaltest"), || sink(normaltest(&view)));
            p.run(tag("jarque_bera"), || sink(jarque_bera(&view)));
            p.run(tag("anderson norm"), || {
                sink(anderson(&view, AndersonDist::Norm).map(|r| r.pvalue_interpolate()))
            });
            p.run(tag("anderson expon"), || sink(anderson(&view, AndersonDist::Expon)));
            p.run(tag("tiecorrect"), || sink(tiecorrect(&view)));
            for lam in [
                PowerLambda::Pearson,
                PowerLambda::LogLikelihood,
                PowerLambda::Neyman,
                PowerLambda::Value(f64::NAN),
            ] {
                p.run(tag(&format!("power_divergence {lam:?}")), || {
                    sink(power_divergence(&view, none, 0, lam))
                });
                p.run(tag(&format!("power_divergence self {lam:?}")), || {
                    sink(power_divergence(&view, Some(&view), 1, lam))
                });
            }
            for base in [None, Some(2.0), Some(0.0), Some(f64::NAN)] {
                p.run(tag(&format!("entropy {base:?}")), || sink(entropy(&view, none, base)));
                p.run(tag(&format!("entropy kl {base:?}")), || sink(entropy(&view, Some(&view), base)));
            }
            for rng in [(25.0, 75.0), (0.0, 100.0), (f64::NAN, 50.0), (-1.0, 50.0)] {
                p.run(tag(&format!("iqr {rng:?}")), || {
                    sink(iqr(&view, rng, Scale::Normal, sci_array::QuantileMethod::Nearest))
                });
            }
            p.run(tag("median_abs_deviation"), || sink(median_abs_deviation(&view, Scale::Normal)));
            p.run(tag("zmap"), || sink(zmap(&view, &view, 1)));
            p.run(tag("gstd"), || sink(gstd(&view, 1)));
            for cut in [0.0, 0.1, 0.5, 0.9, 1.0, -0.5, f64::NAN, f64::INFINITY] {
                p.run(tag(&format!("trim_mean {cut}")), || sink(trim_mean(&view, cut)));
                p.run(tag(&format!("trimboth {cut}")), || sink(trimboth(&view, cut)));
                p.run(tag(&format!("trim1 {cut}")), || sink(trim1(&view, cut, Tail::Left)));
                p.run(tag(&format!("levene trimmed {cut}")), || {
                    sink(levene(&[view, view], Center::Trimmed(cut)))
                });
            }
            for (lo, hi) in [(4.0, 4.0), (0.0, 0.0), (f64::NAN, 1.0), (-1.0, -1.0)] {
                p.run(tag(&format!("sigmaclip {lo} {hi}")), || sink(sigmaclip(&view, lo, hi)));
            }
            for score in [0.0, f64::NAN, f64::INFINITY] {
                p.run(tag(&format!("percentileofscore {score}")), || {
                    sink(percentileofscore(&view, score, PercentileKind::Rank))
                });
            }
            for per in [0.0, 50.0, 100.0, f64::NAN] {
                for limit in [None, Some((0.0, 1.0)), Some((5.0, -5.0))] {
                    p.run(tag(&format!("scoreatpercentile {per} {limit:?}")), || {
                        sink(scoreatpercentile(&view, per, limit, ScoreInterpolation::Fraction))
                    });
                }
            }
            for bins in [0usize, 1, 10] {
                for lim in [None, Some((0.0, 1.0)), Some((1.0, 0.0)), Some((f64::NAN, 1.0))] {
                    p.run(tag(&format!("cumfreq {bins} {lim:?}")), || sink(cumfreq(&view, bins, lim, none)));
                    p.run(tag(&format!("relfreq {bins} {lim:?}")), || {
                        sink(relfreq(&view, bins, lim, Some(&view)))
                    });
                }
            }
            p.run(tag("obrientransform"), || sink(obrientransform(&[view])));
            for m in [InterceptMethod::Separate, InterceptMethod::Joint, InterceptMethod::Hierarchical] {
                p.run(tag(&format!("theilslopes {m:?}")), || sink(theilslopes(&view, none, 0.95, m)));
                p.run(tag(&format!("theilslopes alpha nan {m:?}")), || {
                    sink(theilslopes(&view, Some(&view), f64::NAN, m))
                });
                p.run(tag(&format!("siegelslopes {m:?}")), || sink(siegelslopes(&view, Some(&view), m)));
            }
            for m in [
                CombineMethod::Fisher,
                CombineMethod::Pearson,
                CombineMethod::Tippett,
                CombineMethod::Stouffer,
                CombineMethod::MudholkarGeorge,
            ] {
                p.run(tag(&format!("combine_pvalues {m:?}")), || {
                    sink(combine_pvalues(&view, m, Some(&view)))
                });
            }
            p.run(tag("false_discovery_control"), || sink(false_discovery_control(&view, FdrMethod::By)));
            if view.len() % 2 == 0 && view.len() <= 24 {
                let t = view.to_shape((view.len() / 2, 2)).map(|t| t.to_owned());
                if let Ok(t) = t {
                    p.run(tag("chi2_contingency"), || {
                        sink(chi2_contingency(&t, true, Some(PowerLambda::CressieRead)))
                    });
                    p.run(tag("chi2_contingency transposed"), || sink(chi2_contingency(&t.t(), false, None)));
                    p.run(tag("fisher_exact"), || sink(fisher_exact(&t, Alternative::TwoSided)));
                }
            }
        }
    }
    for (lx, x) in &all {
        for (ly, y) in &all {
            let tag = |w: &str| format!("{w} on {lx} and {ly}");
            let (x, y) = (x.view(), y.view());
            let groups = [x, y, x.slice(s![..;-1])];
            p.run(tag("f_oneway"), || sink(f_oneway(&groups, true)));
            p.run(tag("f_oneway welch"), || sink(f_oneway(&groups[..2], false)));
            p.run(tag("kruskal"), || sink(kruskal(&groups)));
            p.run(tag("bartlett"), || sink(bartlett(&groups[..2])));
            for c in [Center::Mean, Center::Median, Center::Trimmed(0.2)] {
                p.run(tag(&format!("levene {c:?}")), || sink(levene(&groups, c)));
                p.run(tag(&format!("fligner {c:?}")), || sink(fligner(&groups, c)));
            }
            p.run(tag("friedmanchisquare"), || sink(friedmanchisquare(&groups)));
            p.run(tag("pointbiserialr"), || sink(pointbiserialr(&x, &y)));
            for alt in ALTS {
                p.run(tag(&format!("ranksums {alt:?}")), || sink(ranksums(&x, &y, alt)));
                p.run(tag(&format!("wilcoxon paired {alt:?}")), || {
                    sink(wilcoxon(&x, Some(&y), ZeroMethod::Zsplit, true, alt, PvalueMethod::Auto))
                });
            }
        }
    }
    for (k, n) in [(0u64, 0u64), (0, 1), (1, 1), (5, 3), (3, 10), (u64::MAX, u64::MAX), (1 << 40, 1 << 41)] {
        for pr in [0.0, 0.5, 1.0, f64::NAN, -0.1] {
            for alt in ALTS {
                p.run(format!("binomtest {k} {n} {pr} {alt:?}"), || {
                    if let Ok(r) = binomtest(k, n, pr, alt) {
                        for m in [
                            ProportionCiMethod::Exact,
                            ProportionCiMethod::Wilson,
                            ProportionCiMethod::WilsonCc,
                        ] {
                            sink(r.proportion_ci(0.95, m));
                            sink(r.proportion_ci(f64::NAN, m));
                        }
                    }
                });
            }
        }
    }
    for t in [
        array![[1e300, 1.0], [1.0, 1e300]],
        array![[f64::INFINITY, 1.0], [2.0, 3.0]],
        array![[0.0, 0.0], [0.0, 0.0]],
    ] {
        p.run(format!("fisher_exact {t:?}"), || sink(fisher_exact(&t, Alternative::Less)));
        p.run(format!("chi2_contingency {t:?}"), || sink(chi2_contingency(&t, true, None)));
    }
    for args in [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        [f64::NAN; 6],
        [1.0, -1.0, 2.0, 0.0, f64::INFINITY, 3.0],
    ] {
        for eq in [true, false] {
            p.run(format!("ttest_ind_from_stats {args:?} {eq}"), || {
                sink(ttest_ind_from_stats(
                    args[0],
                    args[1],
                    args[2],
                    args[3],
                    args[4],
                    args[5],
                    eq,
                    Alternative::TwoSided,
                ))
            });
        }
    }
    p.finish();
}
