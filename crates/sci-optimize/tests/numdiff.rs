//! `approx_fprime` and `check_grad` against SciPy fixtures; bad input.

use sci_array::ndarray::{Array1, Ix1, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{APPROX_FPRIME_EPSILON, OptimizeError, approx_fprime, check_grad, rosen, rosen_der};

fn wavy(x: &Array1<f64>) -> f64 {
    x[0].sin() * x[1].exp() + x[0].powi(3) - 2.0 * x[1]
}

fn wavy_der(x: &Array1<f64>) -> Array1<f64> {
    array![x[0].cos() * x[1].exp() + 3.0 * x[0] * x[0], x[0].sin() * x[1].exp() - 2.0]
}

#[test]
fn numdiff_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_numdiff.json")).unwrap();
    let v = |p: &str| fx.array_f64(p).into_dimensionality::<Ix1>().unwrap();
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let (f, g): (fn(&Array1<f64>) -> f64, fn(&Array1<f64>) -> Array1<f64>) = match fx.str(&c("func")) {
            "rosen" => (rosen, rosen_der),
            "wavy" => (wavy, wavy_der),
            other => panic!("{other}"),
        };
        let x = v(&c("x"));
        // Same points, same differences: equal to rounding of f.
        let scale = x.iter().fold(1.0f64, |m, v| m.max(v.abs()));
        let atol = 1e-14 * scale * scale * scale / APPROX_FPRIME_EPSILON;
        assert_allclose(&approx_fprime(&x, f, APPROX_FPRIME_EPSILON).unwrap(), &v(&c("fprime")), 1e-12, atol);
        assert_allclose(&approx_fprime(&x, f, 1e-6).unwrap(), &v(&c("fprime_1e6")), 1e-12, atol);
        let e = check_grad(f, g, &x, APPROX_FPRIME_EPSILON).unwrap();
        let want = fx.f64(&c("check_grad"));
        assert!((e - want).abs() <= 1e-9 * want.abs().max(1.0) + atol, "{key}: {e} vs {want}");
    }
}

#[test]
fn numdiff_views_empty_and_bad_input() {
    let big = array![1.3, 0.0, 0.7, 0.0];
    let g = approx_fprime(&big.slice(s![..;2]), rosen, APPROX_FPRIME_EPSILON).unwrap();
    // Forward differences: error about h f'' / 2 ~ 1e-8 * 1500.
    assert_allclose(&g, &rosen_der(&array![1.3, 0.7]), 1e-7, 0.0);
    assert_eq!(approx_fprime(&Array1::<f64>::zeros(0), |_: &Array1<f64>| 1.0, 1e-8).unwrap().len(), 0);
    let e = approx_fprime(&array![1.0], |x: &Array1<f64>| x[0], f64::NAN).unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "epsilon", .. }), "{e:?}");
    let e = check_grad(rosen, |_: &Array1<f64>| array![1.0], &array![1.0, 2.0], 1e-8).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "grad(x0)", expected: 2, found: 1 }), "{e:?}");
}
