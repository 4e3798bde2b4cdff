//! `approx_fprime` and `check_grad` against SciPy fixtures; bad input.

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    APPROX_FPRIME_EPSILON, CheckGradDirection, CheckGradOptions, Epsilon, OptimizeError, approx_fprime,
    approx_fprime_jac, check_grad, check_grad_jac, check_grad_with, rosen, rosen_der,
};

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

fn wavy_der_wrong(x: &Array1<f64>) -> Array1<f64> {
    wavy_der(x) + array![0.0, 1e-3]
}

fn vec_fn(name: &str) -> fn(&Array1<f64>) -> Array1<f64> {
    match name {
        "vec3" => |x| array![x[0] * x[1], x[0] + 2.0 * x[1], x[1].sin()],
        "rosen_res" => |x| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]],
        "single" => |x| array![x[0] * x[1]],
        "empty" => |_| Array1::zeros(0),
        "expsum" => |x| array![x.exp().sum(), x.product(), x[0] - x[x.len() - 1]],
        other => panic!("{other}"),
    }
}

fn epsilon(name: &str, n: usize) -> Epsilon {
    match name {
        "default" => Epsilon::default(),
        "1e-6" => 1e-6.into(),
        "neg" => (-1e-4).into(),
        "zero" => 0.0.into(),
        "array" => Array1::from_shape_fn(n, |i| 1e-7 * (i + 1) as f64).into(),
        "array1" => vec![3e-7].into(),
        "array_zero" => Array1::from_shape_fn(n, |i| if i == 0 { 0.0 } else { 2e-8 }).into(),
        other => panic!("{other}"),
    }
}

#[test]
fn approx_fprime_jac_epsilon_and_check_grad_random_match_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_numdiff_more.json"))
        .unwrap();
    let v = |p: &str| fx.array_f64(p).into_dimensionality::<Ix1>().unwrap();
    let mut counts = [0; 4];
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let x = v(&c("x"));
        // Same points, same differences: equal to rounding of f over the step.
        let scale = x.iter().fold(1.0f64, |m, v| m.max(v.abs()));
        let atol = 1e-14 * scale.powi(3) / 1e-8;
        match fx.str(&c("kind")) {
            "jac" => {
                let eps = epsilon(fx.str(&c("epsilon")), x.len());
                let got: ArrayD<f64> = approx_fprime_jac(&x, vec_fn(fx.str(&c("func"))), eps).unwrap();
                let want = fx.array_f64(&c("out"));
                assert_eq!(got.shape(), want.shape(), "{key}");
                assert_allclose(&got, &want, 1e-9, atol);
                counts[0] += 1;
            }
            "grad" => {
                let eps = epsilon(fx.str(&c("epsilon")), x.len());
                let f = if fx.str(&c("func")) == "rosen" { rosen } else { wavy };
                assert_allclose(&approx_fprime(&x, f, eps).unwrap(), &v(&c("out")), 1e-9, atol);
                counts[1] += 1;
            }
            "check" => {
                let (f, g): (fn(&Array1<f64>) -> f64, fn(&Array1<f64>) -> Array1<f64>) =
                    match fx.str(&c("func")) {
                        "rosen" => (rosen, rosen_der),
                        "wavy" => (wavy, wavy_der),
                        "wavy_wrong" => (wavy, wavy_der_wrong),
                        other => panic!("{other}"),
                    };
                let direction = if fx.get(&c("seed")).is_null() {
                    CheckGradDirection::All
                } else {
                    let seed = fx.get(&c("seed")).as_u64().unwrap();
                    // The direction SciPy draws.
                    let drawn = sci_array::random::default_rng(seed).standard_normal(x.len()).unwrap();
                    assert_eq!(drawn, v(&c("v")), "{key}");
                    CheckGradDirection::Random { seed }
                };
                let options = CheckGradOptions { epsilon: fx.f64(&c("epsilon_value")), direction };
                let e = check_grad_with(f, g, &x, options).unwrap();
                let want = fx.f64(&c("out"));
                assert!((e - want).abs() <= 1e-7 * want.abs() + atol, "{key}: {e} vs {want}");
                counts[2] += 1;
            }
            "check_jac" => {
                let name = fx.str(&c("func"));
                let jac = |x: &Array1<f64>| match name {
                    "vec3" => array![[x[1], x[0]], [1.0, 2.0], [0.0, x[1].cos()]],
                    "vec3_wrong" => array![[x[1], x[0]], [1.0, 2.0], [0.0, x[1].cos() + 1e-4]],
                    "rosen_res" => array![[-20.0 * x[0], 10.0], [-1.0, 0.0]],
                    "single" => array![[x[1], x[0]]],
                    other => panic!("{other}"),
                };
                let f = vec_fn(name.trim_end_matches("_wrong"));
                let e = check_grad_jac(f, jac, &x, fx.f64(&c("epsilon_value"))).unwrap();
                let want = fx.f64(&c("out"));
                assert!((e - want).abs() <= 1e-7 * want.abs() + atol, "{key}: {e} vs {want}");
                counts[3] += 1;
            }
            other => panic!("{other}"),
        }
    }
    assert_eq!(counts, [63, 16, 42, 10]);
}

#[test]
fn approx_fprime_jac_and_check_grad_with_bad_input() {
    let x = array![1.0, 2.0];
    let f = |x: &Array1<f64>| array![x[0], x[1]];
    let cases: Vec<(&str, Epsilon, OptimizeError)> = vec![
        (
            "short epsilon",
            vec![1e-8, 1e-8, 1e-8].into(),
            OptimizeError::WrongLength { arg: "epsilon", expected: 2, found: 3 },
        ),
        (
            "empty epsilon",
            Epsilon::PerVariable(Array1::zeros(0)),
            OptimizeError::WrongLength { arg: "epsilon", expected: 2, found: 0 },
        ),
        (
            "NaN epsilon",
            vec![1e-8, f64::NAN].into(),
            OptimizeError::InvalidValue { arg: "epsilon", reason: "must be finite, got NaN".into() },
        ),
        (
            "infinite epsilon",
            f64::INFINITY.into(),
            OptimizeError::InvalidValue { arg: "epsilon", reason: "must be finite, got inf".into() },
        ),
    ];
    for (what, eps, want) in cases {
        assert_eq!(approx_fprime_jac(&x, f, eps.clone()).unwrap_err(), want, "{what}");
        assert_eq!(approx_fprime(&x, |x: &Array1<f64>| x[0], eps).unwrap_err(), want, "{what}");
    }
    // f returning vectors of changing length.
    let mut calls = 0;
    let changing = |x: &Array1<f64>| {
        calls += 1;
        if calls == 1 { x.clone() } else { array![1.0] }
    };
    let e = approx_fprime_jac(&x, changing, 1e-8).unwrap_err();
    assert_eq!(e, OptimizeError::WrongLength { arg: "f(x)", expected: 2, found: 1 });
    // Bad gradient length and bad epsilon in check_grad_with, both directions.
    for direction in [CheckGradDirection::All, CheckGradDirection::Random { seed: 3 }] {
        let bad_g = |_: &Array1<f64>| array![1.0];
        let options = CheckGradOptions { direction, ..Default::default() };
        let e = check_grad_with(rosen, bad_g, &x, options).unwrap_err();
        assert!(matches!(e, OptimizeError::WrongLength { arg: "grad(x0)", .. }), "{e:?}");
        let options = CheckGradOptions { direction, epsilon: f64::NAN };
        let e = check_grad_with(rosen, rosen_der, &x, options).unwrap_err();
        assert!(matches!(e, OptimizeError::InvalidValue { arg: "epsilon", .. }), "{e:?}");
    }
    // check_grad_jac: a Jacobian of the wrong shape (rows, then columns).
    let f2 = |x: &Array1<f64>| array![x[0], x[1], 1.0];
    let e = check_grad_jac(f2, |_: &Array1<f64>| Array2::zeros((2, 2)), &x, 1e-8).unwrap_err();
    assert_eq!(e, OptimizeError::WrongLength { arg: "jac(x0)", expected: 3, found: 2 });
    let e = check_grad_jac(f2, |_: &Array1<f64>| Array2::zeros((3, 1)), &x, 1e-8).unwrap_err();
    assert_eq!(e, OptimizeError::WrongLength { arg: "jac(x0)", expected: 2, found: 1 });
    let e = check_grad_jac(f2, |_: &Array1<f64>| Array2::zeros((3, 2)), &x, f64::NAN).unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "epsilon", .. }), "{e:?}");
    // Views, no variables.
    let big = array![1.3, 0.0, 0.7, 0.0];
    let j =
        approx_fprime_jac(&big.slice(s![..;2]), |x: &Array1<f64>| array![x[0], 2.0 * x[1]], 1e-7).unwrap();
    assert_allclose(&j, &array![[1.0, 0.0], [0.0, 2.0]].into_dyn(), 1e-6, 1e-12);
    assert_eq!(
        approx_fprime_jac(&Array1::<f64>::zeros(0), |_: &Array1<f64>| array![1.0, 2.0], 1e-8)
            .unwrap()
            .shape(),
        &[2, 0]
    );
    let options =
        CheckGradOptions { direction: CheckGradDirection::Random { seed: 1 }, ..Default::default() };
    let e = check_grad_with(
        |_: &Array1<f64>| 1.0,
        |_: &Array1<f64>| Array1::zeros(0),
        &Array1::<f64>::zeros(0),
        options,
    );
    assert_eq!(e.unwrap(), 0.0);
}
