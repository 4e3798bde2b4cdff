//! least_squares (trf, lm) against SciPy fixtures (`tools/fixtures/optimize_least_squares.py`);
//! bad-input table.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, LeastSquaresOptions, Loss, LossFn, LsqCallback, LsqIntermediateResult, LsqJac, LsqMethod,
    OptimizeError, XScale, least_squares,
};
use std::ops::ControlFlow;

mod lsq_problems;
use lsq_problems::{assert_matches_scipy, rosen, run_case};

fn load() -> Fixture {
    lsq_problems::load("optimize_least_squares")
}

#[test]
fn least_squares_matches_scipy() {
    let fx = load();
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let method = if fx.str(&c("method")) == "lm" { LsqMethod::Lm } else { LsqMethod::Trf };
        let r = run_case(&fx, name, method, true);
        assert_matches_scipy(&fx, name, &r);
        checked += 1;
    }
    assert_eq!(checked, 26);
}

#[test]
fn non_contiguous_x0_and_non_finite_trial_steps() {
    let x0 = array![2.0, 0.0, 2.0];
    let view = x0.slice(sci_array::ndarray::s![..;2]);
    let r = least_squares(rosen, &view, &LeastSquaresOptions::default()).unwrap();
    let r2 = least_squares(rosen, &array![2.0, 2.0], &LeastSquaresOptions::default()).unwrap();
    assert_eq!(r.x, r2.x);
    // Residuals that are NaN beyond x0 = 3 shrink the trust region instead of failing.
    let f =
        |x: &Array1<f64>| if x[0] > 3.0 { array![f64::NAN, 0.0] } else { array![x[0] - 2.9, 1e-3 * x[0]] };
    let r = least_squares(f, &array![0.0], &LeastSquaresOptions::default()).unwrap();
    assert!(r.success && (r.x[0] - 2.9).abs() < 1e-3, "{r:?}");
}

#[test]
fn least_squares_bad_input() {
    let x0 = array![2.0, 2.0];
    let inf = f64::INFINITY;
    let bad_jac = |_: &Array1<f64>| Array2::zeros((3, 2));
    let cb = |_: &LsqIntermediateResult<'_>| ControlFlow::Continue(());
    let loss_2xm = |z: &Array1<f64>| Array2::ones((2, z.len()));
    let loss_3x1 = |_: &Array1<f64>| Array2::ones((3, 1));
    let cases: Vec<(&str, Array1<f64>, LeastSquaresOptions<'_>)> = vec![
        ("empty x0", array![], LeastSquaresOptions::default()),
        ("max_nfev", x0.clone(), LeastSquaresOptions { max_nfev: Some(0), ..Default::default() }),
        ("f_scale", x0.clone(), LeastSquaresOptions { f_scale: 0.0, ..Default::default() }),
        (
            "lm loss",
            x0.clone(),
            LeastSquaresOptions { method: LsqMethod::Lm, loss: Loss::Huber, ..Default::default() },
        ),
        (
            "lm bounds",
            x0.clone(),
            LeastSquaresOptions {
                method: LsqMethod::Lm,
                bounds: Some(Bounds::new(array![0.0, 0.0], array![inf, inf])),
                ..Default::default()
            },
        ),
        (
            "equal bounds",
            x0.clone(),
            LeastSquaresOptions {
                bounds: Some(Bounds::new(array![0.0, 2.0], array![3.0, 2.0])),
                ..Default::default()
            },
        ),
        (
            "bounds length",
            x0.clone(),
            LeastSquaresOptions { bounds: Some(Bounds::new(array![0.0], array![3.0])), ..Default::default() },
        ),
        (
            "x0 outside",
            x0.clone(),
            LeastSquaresOptions {
                bounds: Some(Bounds::new(array![0.0, 0.0], array![1.0, 3.0])),
                ..Default::default()
            },
        ),
        (
            "x_scale",
            x0.clone(),
            LeastSquaresOptions { x_scale: Some(XScale::Array(array![1.0, -1.0])), ..Default::default() },
        ),
        (
            "x_scale length",
            x0.clone(),
            LeastSquaresOptions { x_scale: Some(XScale::Array(array![1.0])), ..Default::default() },
        ),
        (
            "tolerances",
            x0.clone(),
            LeastSquaresOptions { ftol: None, xtol: Some(0.0), gtol: Some(1e-20), ..Default::default() },
        ),
        (
            "lm tolerance",
            x0.clone(),
            LeastSquaresOptions { method: LsqMethod::Lm, gtol: None, ..Default::default() },
        ),
        (
            "diff_step length",
            x0.clone(),
            LeastSquaresOptions { diff_step: Some(array![1e-3, 1e-3, 1e-3]), ..Default::default() },
        ),
        ("jac shape", x0.clone(), LeastSquaresOptions { jac: LsqJac::Fn(&bad_jac), ..Default::default() }),
        ("x0 nan", array![f64::NAN, 1.0], LeastSquaresOptions::default()),
        (
            "lm callable loss",
            x0.clone(),
            LeastSquaresOptions {
                method: LsqMethod::Lm,
                loss: Loss::Callable(LossFn(&loss_3x1)),
                ..Default::default()
            },
        ),
        (
            "loss shape",
            x0.clone(),
            LeastSquaresOptions { loss: Loss::Callable(LossFn(&loss_2xm)), ..Default::default() },
        ),
        (
            "loss shape dogbox",
            x0.clone(),
            LeastSquaresOptions {
                method: LsqMethod::Dogbox,
                loss: Loss::Callable(LossFn(&loss_3x1)),
                ..Default::default()
            },
        ),
        (
            "lm callback",
            x0.clone(),
            LeastSquaresOptions {
                method: LsqMethod::Lm,
                callback: Some(LsqCallback(&cb)),
                ..Default::default()
            },
        ),
    ];
    for (what, x0, opts) in &cases {
        let e = least_squares(rosen, x0, opts).expect_err(what);
        let ok = match *what {
            "empty x0" | "bounds length" | "x_scale length" | "diff_step length" => {
                matches!(e, OptimizeError::WrongLength { .. })
            }
            "lm loss" | "lm bounds" | "lm callable loss" => {
                matches!(e, OptimizeError::UnsupportedOption { method: "lm", .. })
            }
            "loss shape" | "loss shape dogbox" => {
                matches!(e, OptimizeError::InvalidValue { arg: "loss", .. })
            }
            "lm callback" => e == OptimizeError::UnsupportedOption { method: "lm", option: "callback" },
            _ => matches!(e, OptimizeError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
    // Residuals: non-finite at x0, fewer than variables with lm, changing length.
    let e = least_squares(|_x: &Array1<f64>| array![f64::INFINITY], &x0, &Default::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::NonFiniteInitial { .. }), "{e:?}");
    let lm = LeastSquaresOptions { method: LsqMethod::Lm, ..Default::default() };
    let e = least_squares(|x: &Array1<f64>| array![x[0] + x[1]], &x0, &lm).unwrap_err();
    assert!(matches!(e, OptimizeError::UnsupportedOption { .. }), "{e:?}");
    let mut calls = 0;
    let grow = |x: &Array1<f64>| {
        calls += 1;
        if calls > 1 { array![x[0], x[1], 1.0] } else { array![x[0], x[1]] }
    };
    let e = least_squares(grow, &x0, &Default::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "fun(x)", .. }), "{e:?}");
}
