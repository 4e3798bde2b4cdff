//! Shared helpers of the fixture tests.
#![allow(dead_code)]

use sci_array::ndarray::{Array1, ArrayD, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;

/// Reads tests/fixtures/<name>.json.
pub fn load(name: &str) -> Fixture {
    Fixture::load(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A 1-d float array from the fixture.
pub fn vec1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

/// assert_allclose on two scalars.
#[track_caller]
pub fn close(got: f64, want: f64, rtol: f64, atol: f64) {
    assert_allclose(&array![got], &array![want], rtol, atol);
}

/// assert_allclose on two arrays.
#[track_caller]
pub fn close_arr(got: &ArrayD<f64>, want: &ArrayD<f64>, rtol: f64, atol: f64) {
    assert_allclose(got, want, rtol, atol);
}

/// Compares every method of a continuous distribution with the SciPy values of `case` (at the
/// fixture's points `x` and probabilities `q`).
#[track_caller]
pub fn check_continuous<D: sci_stats::ContinuousDistribution + Sync>(
    fx: &Fixture,
    case: &str,
    d: &D,
    rtol: f64,
) {
    let x = fx.array_f64("x");
    let q = fx.array_f64("q");
    let f = |name: &str| fx.array_f64(&format!("{case}/{name}"));
    for (name, got) in [
        ("pdf", d.pdf_array(&x)),
        ("logpdf", d.logpdf_array(&x)),
        ("cdf", d.cdf_array(&x)),
        ("logcdf", x.mapv(|v| d.logcdf(v))),
        ("sf", d.sf_array(&x)),
        ("logsf", x.mapv(|v| d.logsf(v))),
    ] {
        close_arr(&got, &f(name), rtol, 1e-300);
    }
    // Quantiles. Where SciPy's inverse gives NaN or inf for a q inside (0, 1) (Boost's
    // betaincinv/fdtri underflow or overflow for q ≈ 1e-300), ours must be finite and invert
    // the tail probability instead.
    for (name, got) in [("ppf", d.ppf_array(&q)), ("isf", d.isf_array(&q))] {
        let mut want = f(name);
        let mut got_cmp = got.clone();
        for ((g, w), &qv) in got_cmp.iter_mut().zip(want.iter_mut()).zip(q.iter()) {
            if !w.is_finite() && qv > 0.0 && qv < 1.0 {
                assert!(g.is_finite(), "{case} {name}({qv})");
                let back = if name == "ppf" { d.cdf(*g) } else { d.sf(*g) };
                let end = if name == "ppf" { d.ppf(0.0) } else { d.isf(1.0) };
                assert!((back - qv).abs() <= 1e-9 * qv || *g == end, "{case} {name}({qv}): {back}");
                (*g, *w) = (f64::NAN, f64::NAN);
            }
        }
        close_arr(&got_cmp, &want, rtol, 1e-300);
    }
    let m = d.stats();
    close_arr(
        &Array1::from(vec![m.mean, m.variance, m.skewness, m.kurtosis]).into_dyn(),
        &f("mvsk"),
        rtol,
        0.0,
    );
    close(d.median(), fx.f64(&format!("{case}/median")), rtol, 0.0);
    close(d.entropy(), fx.f64(&format!("{case}/entropy")), rtol, 1e-15);
    let (lo, hi) = d.interval(0.95).unwrap();
    close_arr(&Array1::from(vec![lo, hi]).into_dyn(), &f("interval95"), rtol, 0.0);
    let mom: Array1<f64> = (0..5).map(|k| d.moment(k).unwrap()).collect();
    close_arr(&mom.into_dyn(), &f("moments"), 1e-13, 0.0);
    // Same seed, same stream as SciPy's rvs(random_state=np.random.default_rng(5)).
    close_arr(&d.rvs(7, 5).unwrap().into_dyn(), &f("rvs_seed5"), 1e-14, 0.0);
}
