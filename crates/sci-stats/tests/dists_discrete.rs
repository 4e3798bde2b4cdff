//! scipy.stats parity for binom, bernoulli, poisson, nbinom, hypergeom and randint:
//! tests/fixtures/stats_discrete.json (written by tools/fixtures/stats_discrete.py).

mod common;
use common::*;
use sci_array::ndarray::{Array1, ArrayD};
use sci_array::testing::fixture::Fixture;
use sci_stats::*;

fn check<D: DiscreteDistribution>(fx: &Fixture, case: &str, d: &D, rtol: f64) {
    let k = fx.array_f64("k");
    let q = fx.array_f64("qd");
    let f = |name: &str| fx.array_f64(&format!("{case}/{name}"));
    let map = |a: &ArrayD<f64>, g: &dyn Fn(f64) -> f64| a.mapv(g);
    close_arr(&map(&k, &|v| d.pmf(v)), &f("pmf"), rtol, 1e-300);
    close_arr(&map(&k, &|v| d.logpmf(v)), &f("logpmf"), rtol, 0.0);
    // SciPy's hypergeom (Boost) returns NaN for the CDF and SF at a non-integer k; like every
    // other discrete distribution of SciPy we floor k, so those entries must equal the values
    // at the integer below.
    for (name, g) in [("cdf", &(|v: f64| d.cdf(v)) as &dyn Fn(f64) -> f64), ("sf", &|v: f64| d.sf(v))] {
        let mut want = f(name);
        let got = map(&k, g);
        for ((w, &kv), gv) in want.iter_mut().zip(k.iter()).zip(got.iter()) {
            if w.is_nan() && kv.is_finite() && kv != kv.floor() {
                assert_eq!(*gv, g(kv.floor()), "{case} {name}({kv})");
                *w = *gv;
            }
        }
        close_arr(&got, &want, rtol, 1e-300);
    }
    close_arr(&map(&q, &|v| d.ppf(v)), &f("ppf"), 0.0, 0.0);
    close_arr(&map(&q, &|v| d.isf(v)), &f("isf"), 0.0, 0.0);
    let m = d.stats();
    close_arr(
        &Array1::from(vec![m.mean, m.variance, m.skewness, m.kurtosis]).into_dyn(),
        &f("mvsk"),
        1e-13,
        0.0,
    );
    close(d.median(), fx.f64(&format!("{case}/median")), 0.0, 0.0);
    let (lo, hi) = d.interval(0.9).unwrap();
    close_arr(&Array1::from(vec![lo, hi]).into_dyn(), &f("interval90"), 0.0, 0.0);
}

// SciPy evaluates these through Boost (binomial, negative binomial, hypergeometric) or
// Cephes (Poisson); we use Loader's binomial expansion and the Cephes incomplete gamma/beta
// ports: 1e-12.
const RTOL: f64 = 1e-12;

#[test]
fn binomial_family_matches_scipy() {
    let fx = load("stats_discrete");
    check(&fx, "binom_10_0_3", &Binom::new(10.0, 0.3, 0.0).unwrap(), RTOL);
    check(&fx, "binom_40_0_9_loc", &Binom::new(40.0, 0.9, -3.0).unwrap(), RTOL);
    check(&fx, "bernoulli_0_3", &Bernoulli::new(0.3, 0.0).unwrap(), RTOL);
    check(&fx, "nbinom_3_0_5", &Nbinom::new(3.0, 0.5, 0.0).unwrap(), RTOL);
    check(&fx, "nbinom_2_5_0_2", &Nbinom::new(2.5, 0.2, 0.0).unwrap(), RTOL);
}

#[test]
fn poisson_matches_scipy() {
    let fx = load("stats_discrete");
    check(&fx, "poisson_2", &Poisson::new(2.0, 0.0).unwrap(), RTOL);
    check(&fx, "poisson_25_loc", &Poisson::new(25.0, 1.0).unwrap(), RTOL);
}

#[test]
fn hypergeom_and_randint_match_scipy() {
    let fx = load("stats_discrete");
    check(&fx, "hypergeom_20_7_12", &Hypergeom::new(20.0, 7.0, 12.0, 0.0).unwrap(), RTOL);
    check(&fx, "hypergeom_50_30_10", &Hypergeom::new(50.0, 30.0, 10.0, 0.0).unwrap(), RTOL);
    check(&fx, "randint_1_7", &Randint::new(1.0, 7.0, 0.0).unwrap(), 1e-15);
    check(&fx, "randint_m3_20", &Randint::new(-3.0, 20.0, 0.0).unwrap(), 1e-15);
}

#[test]
fn bad_parameters_are_errors() {
    let cases: Vec<(&str, Result<()>)> = vec![
        ("binom n", Binom::new(2.5, 0.3, 0.0).map(drop)),
        ("binom p", Binom::new(3.0, 1.3, 0.0).map(drop)),
        ("binom loc", Binom::new(3.0, 0.3, 0.5).map(drop)),
        ("bernoulli p", Bernoulli::new(-0.1, 0.0).map(drop)),
        ("poisson mu", Poisson::new(-1.0, 0.0).map(drop)),
        ("nbinom n", Nbinom::new(0.0, 0.5, 0.0).map(drop)),
        ("nbinom p", Nbinom::new(1.0, 0.0, 0.0).map(drop)),
        ("hypergeom n > M", Hypergeom::new(5.0, 6.0, 2.0, 0.0).map(drop)),
        ("hypergeom N > M", Hypergeom::new(5.0, 2.0, 6.0, 0.0).map(drop)),
        ("randint high", Randint::new(3.0, 3.0, 0.0).map(drop)),
        ("interval", Binom::new(3.0, 0.3, 0.0).unwrap().interval(-0.5).map(drop)),
    ];
    for (what, r) in cases {
        assert!(matches!(r, Err(StatsError::InvalidParameter { .. })), "{what}");
    }
}
