//! `minimize` against SciPy fixtures; bad-input table.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{Jac, Method, MinimizeOptions, OptimizeError, minimize, rosen, rosen_der};

fn beale(x: &Array1<f64>) -> f64 {
    (1.5 - x[0] + x[0] * x[1]).powi(2)
        + (2.25 - x[0] + x[0] * x[1].powi(2)).powi(2)
        + (2.625 - x[0] + x[0] * x[1].powi(3)).powi(2)
}
fn booth(x: &Array1<f64>) -> f64 {
    (x[0] + 2.0 * x[1] - 7.0).powi(2) + (2.0 * x[0] + x[1] - 5.0).powi(2)
}
fn himmelblau(x: &Array1<f64>) -> f64 {
    (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
}
fn tour(x: &Array1<f64>) -> f64 {
    (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2)
}

#[test]
fn minimize_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_minimize.json")).unwrap();
    let mut report = String::new();
    for key in fx.keys().into_iter().filter(|k| k.starts_with("case")) {
        let c = |k: &str| format!("{key}/{k}");
        let f: fn(&Array1<f64>) -> f64 = match fx.str(&c("func")) {
            "rosen" => rosen,
            "beale" => beale,
            "booth" => booth,
            "himmelblau" => himmelblau,
            "tour" => tour,
            other => panic!("{other}"),
        };
        let method = match fx.str(&c("method")) {
            "Nelder-Mead" => Method::NelderMead,
            "BFGS" => Method::Bfgs,
            "CG" => Method::Cg,
            other => panic!("{other}"),
        };
        let jac = if fx.get(&c("jac")).as_bool().unwrap() { Jac::Fn(&rosen_der) } else { Jac::Default };
        let x0 = fx.array_f64(&c("x0")).into_dimensionality::<Ix1>().unwrap();
        let r = minimize(f, &x0, &MinimizeOptions { method, jac, ..Default::default() }).unwrap();
        let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        // Both stop at gtol 1e-5 (or Nelder-Mead's xatol 1e-4): the minimizers agree to
        // about the stopping tolerance, not to rounding.
        let tol = if method == Method::NelderMead { 2e-4 } else { 1e-5 };
        sci_array::testing::assert_allclose(&r.x, &x, 0.0, tol);
        assert!((r.fun - fx.f64(&c("fun"))).abs() < 1e-6, "{key}: fun {}", r.fun);
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        assert_eq!(r.status as i64, fx.i64(&c("status")), "{key}");
        report.push_str(&format!(
            "{key} {} {:?}: nit {} (SciPy {}), nfev {} (SciPy {}), njev {} (SciPy {})\n",
            fx.str(&c("func")),
            method,
            r.nit,
            fx.i64(&c("nit")),
            r.nfev,
            fx.i64(&c("nfev")),
            r.njev,
            fx.i64(&c("njev"))
        ));
    }
    println!("{report}");
}

#[test]
fn tour_example() {
    let f = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2);
    let r = minimize(f, &array![0.0, 0.0], &MinimizeOptions::default()).unwrap();
    sci_array::testing::assert_allclose(&r.x, &array![1.0, 2.0], 0.0, 1e-6);
    assert_eq!((r.nit, r.nfev, r.njev), (2, 9, 3)); // SciPy's counts
    assert!(r.hess_inv.is_some());
}

#[test]
fn minimize_views_and_maxiter() {
    let x0 = array![1.3, 9.0, 0.7, 9.0];
    let v = x0.slice(sci_array::ndarray::s![..;2]);
    let r = minimize(rosen, &v, &MinimizeOptions { jac: Jac::Fn(&rosen_der), ..Default::default() }).unwrap();
    sci_array::testing::assert_allclose(&r.x, &array![1.0, 1.0], 0.0, 1e-5);
    let r = minimize(rosen, &v, &MinimizeOptions { maxiter: Some(3), ..Default::default() }).unwrap();
    assert_eq!((r.status, r.success, r.nit), (1, false, 3));
    let r = minimize(
        rosen,
        &v,
        &MinimizeOptions { method: Method::NelderMead, maxfev: Some(10), ..Default::default() },
    )
    .unwrap();
    assert_eq!((r.status, r.nfev), (1, 10));
}

#[test]
fn minimize_bad_input() {
    let f = |x: &Array1<f64>| x.dot(x);
    type Check = fn(&OptimizeError) -> bool;
    let x0 = array![1.0, 2.0];
    let table: Vec<(Array1<f64>, MinimizeOptions<'_>, Check)> = vec![
        (Array1::zeros(0), MinimizeOptions::default(), |e| {
            matches!(e, OptimizeError::WrongLength { arg: "x0", .. })
        }),
        (
            x0.clone(),
            MinimizeOptions { method: Method::NelderMead, gtol: Some(1e-3), ..Default::default() },
            |e| matches!(e, OptimizeError::UnsupportedOption { option: "gtol", .. }),
        ),
        (
            x0.clone(),
            MinimizeOptions { method: Method::Bfgs, xatol: Some(1e-3), ..Default::default() },
            |e| matches!(e, OptimizeError::UnsupportedOption { option: "xatol", .. }),
        ),
        (x0.clone(), MinimizeOptions { method: Method::Cg, xrtol: Some(1e-3), ..Default::default() }, |e| {
            matches!(e, OptimizeError::UnsupportedOption { option: "xrtol", .. })
        }),
        (x0.clone(), MinimizeOptions { c1: Some(0.95), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "c1", .. })
        }),
        (x0.clone(), MinimizeOptions { tol: Some(-1.0), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "tol", .. })
        }),
        (
            x0.clone(),
            MinimizeOptions {
                method: Method::NelderMead,
                initial_simplex: Some(sci_array::ndarray::Array2::zeros((2, 2))),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::InvalidValue { arg: "initial_simplex", .. }),
        ),
    ];
    for (i, (x0, opts, check)) in table.iter().enumerate() {
        let e = minimize(f, x0, opts).unwrap_err();
        assert!(check(&e), "case {i}: {e}");
    }
    for m in [Method::Bfgs, Method::Cg, Method::NelderMead] {
        let e =
            minimize(|_: &Array1<f64>| f64::NAN, &x0, &MinimizeOptions { method: m, ..Default::default() })
                .unwrap_err();
        assert!(matches!(e, OptimizeError::NonFiniteInitial { .. }), "{m:?}: {e}");
    }
}
