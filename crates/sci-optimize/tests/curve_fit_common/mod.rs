//! The fixture reading shared by the curve_fit tests (`optimize_curve_fit*.py` cases: bounds,
//! method, sigma, absolute_sigma; popt, pcov, nfev, fvec, mesg, ier).
#![allow(dead_code)] // each test file uses part of it

use sci_array::ndarray::{Array1, Array2, Dimension, Ix1, Ix2};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{Bounds, CurveFitJac, CurveFitOptions, CurveFitResult, LsqMethod, Sigma};

/// A 1-d float array from the fixture.
pub fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// A 2-d float array from the fixture.
pub fn m(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

/// The options of case `name` (sigma from `sigma_kind`, `cov` for "cov"), with `jac`.
pub fn options<'a, D: Dimension>(
    fx: &Fixture,
    name: &str,
    cov: &Array2<f64>,
    jac: Option<CurveFitJac<'a, D>>,
) -> CurveFitOptions<'a, D> {
    let c = |k: &str| format!("{name}/{k}");
    let (lb, ub) = (v(fx, &c("lb")), v(fx, &c("ub")));
    let bounded = lb.iter().chain(&ub).any(|b| b.is_finite());
    CurveFitOptions {
        sigma: match fx.str(&c("sigma_kind")) {
            "std" => Some(Sigma::Std(v(fx, &c("sigma_std")))),
            "cov" => Some(Sigma::Cov(cov.clone())),
            _ => None,
        },
        absolute_sigma: fx.get(&c("absolute_sigma")).as_bool().unwrap(),
        bounds: bounded.then(|| Bounds::new(lb, ub)),
        method: match fx.str(&c("method")) {
            "trf" => Some(LsqMethod::Trf),
            "dogbox" => Some(LsqMethod::Dogbox),
            _ => None,
        },
        jac,
        ..Default::default()
    }
}

/// Checks `r` against case `name`. An analytic Jacobian (`exact`) leaves only rounding of
/// `exp`; finite differences amplify last-bit differences ~1e8 (see tests/least_squares.rs),
/// and pcov comes from the final Jacobian. fvec is weighted by 1/sigma (up to 20): 2e-9
/// differences become ~4e-8.
pub fn assert_matches_scipy(fx: &Fixture, name: &str, r: &CurveFitResult, exact: bool) {
    let c = |k: &str| format!("{name}/{k}");
    let (rtol, atol) = if exact { (1e-10, 1e-12) } else { (1e-7, 1e-9) };
    assert_allclose(&r.popt, &v(fx, &c("popt")), rtol, atol);
    let pcov = m(fx, &c("pcov"));
    let scale = pcov.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    let (rtol, atol) = if exact { (1e-8, 1e-10 * scale) } else { (1e-5, 1e-6 * scale) };
    assert_allclose(&r.pcov, &pcov, rtol, atol);
    assert_allclose(&r.fvec, &v(fx, &c("fvec")), 1e-6, 1e-7);
    assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{name}: nfev");
    assert_eq!(i64::from(r.ier), fx.i64(&c("ier")), "{name}: ier");
    let mesg = fx.str(&c("mesg"));
    // MINPACK's messages are formatted by SciPy's own tolerances text.
    assert!(r.mesg.split_whitespace().eq(mesg.split_whitespace()), "{name}: {:?} vs {mesg:?}", r.mesg);
}
