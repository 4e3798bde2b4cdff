//! scipy.stats parity for the distributions: tests/fixtures/stats_core.json (written by
//! tools/fixtures/stats_core.py).

mod common;
use common::*;
use sci_array::ndarray::{Array1, ArrayD};
use sci_array::testing::fixture::Fixture;
use sci_stats::*;

#[test]
fn norm_matches_scipy() {
    let fx = load("stats_core");
    // 1e-13: in the far tails (|x| ≈ 38) ndtr and log_ndtr differ from SciPy's Cephes by up
    // to 1e-14 relative (see sci-special's fixtures_ndtr.rs); 1e-15 elsewhere.
    check_continuous(&fx, "norm", &Norm::standard(), 1e-13);
    check_continuous(&fx, "norm_3_2", &Norm::new(3.0, 2.0).unwrap(), 1e-13);
}

#[test]
fn lognorm_matches_scipy() {
    let fx = load("stats_core");
    // 1e-13: ln(x)/s and exp(s·z) add a rounding each; the far tails inherit ndtr's 1e-13.
    check_continuous(&fx, "lognorm_0_5", &Lognorm::new(0.5, 0.0, 1.0).unwrap(), 1e-13);
    check_continuous(&fx, "lognorm_1_2_loc_scale", &Lognorm::new(1.2, -1.0, 3.0).unwrap(), 1e-13);
}

fn check_discrete<D: DiscreteDistribution>(fx: &Fixture, case: &str, d: &D, rtol: f64, quantiles: bool) {
    let k = fx.array_f64("k");
    let q = fx.array_f64("qd");
    let f = |name: &str| fx.array_f64(&format!("{case}/{name}"));
    let map = |a: &ArrayD<f64>, g: &dyn Fn(f64) -> f64| a.mapv(g);
    close_arr(&map(&k, &|v| d.pmf(v)), &f("pmf"), rtol, 0.0);
    close_arr(&map(&k, &|v| d.logpmf(v)), &f("logpmf"), rtol, 0.0);
    close_arr(&map(&k, &|v| d.cdf(v)), &f("cdf"), rtol, 0.0);
    close_arr(&map(&k, &|v| d.sf(v)), &f("sf"), rtol, 0.0);
    let m = d.stats();
    close_arr(
        &Array1::from(vec![m.mean, m.variance, m.skewness, m.kurtosis]).into_dyn(),
        &f("mvsk"),
        rtol,
        0.0,
    );
    if quantiles {
        close_arr(&map(&q, &|v| d.ppf(v)), &f("ppf"), 0.0, 0.0);
        close_arr(&map(&q, &|v| d.isf(v)), &f("isf"), 0.0, 0.0);
        close(d.median(), fx.f64(&format!("{case}/median")), 0.0, 0.0);
        let (lo, hi) = d.interval(0.9).unwrap();
        close_arr(&Array1::from(vec![lo, hi]).into_dyn(), &f("interval90"), 0.0, 0.0);
    }
}

#[test]
fn geom_matches_scipy() {
    let fx = load("stats_core");
    check_discrete(&fx, "geom_0_5", &Geom::new(0.5, 0.0).unwrap(), 1e-15, true);
    check_discrete(&fx, "geom_0_1_loc2", &Geom::new(0.1, 2.0).unwrap(), 1e-14, true);
    // p = 1: all the mass is at k = 1. SciPy's closed-form geom._ppf divides by log1p(-1) =
    // -inf and returns 0 (outside the support) for every 0 < q < 1; we return the quantile
    // by its definition, the smallest k with cdf(k) >= q.
    let g1 = Geom::new(1.0, 0.0).unwrap();
    check_discrete(&fx, "geom_1", &g1, 1e-15, false);
    for q in [1e-10, 0.3, 0.5, 0.999] {
        assert_eq!((g1.ppf(q), g1.isf(q)), (1.0, 1.0));
    }
}

#[test]
fn multivariate_normal_matches_scipy() {
    let fx = load("stats_core");
    for case in ["tutorial", "d1", "d3"] {
        let mean = vec1(&fx, &format!("mvn/{case}/mean"));
        let cov = fx.array_f64(&format!("mvn/{case}/cov")).into_dimensionality().unwrap();
        let x = fx.array_f64(&format!("mvn/{case}/x")).into_dimensionality().unwrap();
        let mv = MultivariateNormal::new(&mean, &cov).unwrap();
        // SciPy factors cov by eigh, we by Cholesky: the Mahalanobis distance differs in the
        // last bits, amplified by exp.
        close_arr(
            &mv.pdf_rows(&x).unwrap().into_dyn(),
            &fx.array_f64(&format!("mvn/{case}/pdf")),
            1e-13,
            0.0,
        );
        close_arr(
            &mv.logpdf_rows(&x).unwrap().into_dyn(),
            &fx.array_f64(&format!("mvn/{case}/logpdf")),
            1e-13,
            0.0,
        );
        close(mv.entropy(), fx.f64(&format!("mvn/{case}/entropy")), 1e-14, 0.0);
        let row = x.row(0);
        close(mv.pdf(&row).unwrap(), fx.array_f64(&format!("mvn/{case}/pdf"))[[0]], 1e-13, 0.0);
    }
}
