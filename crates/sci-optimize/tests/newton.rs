//! `newton_with` (scalar `newton` with all of SciPy's options) and `newton_array` (vectorized)
//! against SciPy fixtures: roots, counts and flags bit for bit; bad input; views.

use sci_array::ndarray::{Array1, array, s};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    NewtonArrayOptions, NewtonOptions, OptimizeError, RootFlag, newton, newton_array, newton_with,
};

type F = fn(f64) -> f64;

fn scalar_fns(name: &str) -> (F, F, F) {
    match name {
        "cubic" => (|x| x * x * x - 1.0, |x| 3.0 * x * x, |x| 6.0 * x),
        "quad" => (|x| (x - 1.0) * (x - 2.0), |x| 2.0 * x - 3.0, |_| 2.0),
        "cosx" => (|x| x.cos() - x, |x| -x.sin() - 1.0, |x| -x.cos()),
        "noroot" => (|x| x * x + 1.0, |x| 2.0 * x, |_| 2.0),
        "flat" => (|_| 3.0, |_| 0.0, |_| 0.0),
        "expm" => (|x| x.exp() - 2.0, f64::exp, f64::exp),
        "atan" => (f64::atan, |x| 1.0 / (1.0 + x * x), |x| -2.0 * x / (1.0 + x * x).powi(2)),
        _ => panic!("unknown function {name}"),
    }
}

type G = Box<dyn Fn(&Array1<f64>) -> Array1<f64>>;

fn array_fns(name: &str) -> (G, G, G) {
    let a100 = Array1::from_iter((-50..50).map(f64::from));
    let a4 = array![4.0, 2.0, -1.0, 0.0];
    match name {
        "cube" => (Box::new(move |x| x * x * x - &a100), Box::new(|x| 3.0 * x * x), Box::new(|x| 6.0 * x)),
        "square" => (Box::new(move |x| x * x - &a4), Box::new(|x| 2.0 * x), Box::new(|x| 2.0 + 0.0 * x)),
        "sq2" => (Box::new(|x| x * x - 2.0), Box::new(|x| 2.0 * x), Box::new(|x| 2.0 + 0.0 * x)),
        "noroot" => (Box::new(|x| x * x + 1.0), Box::new(|x| 2.0 * x), Box::new(|x| 2.0 + 0.0 * x)),
        "zero" => (Box::new(|x| 0.0 * x), Box::new(|x| 1.0 + 0.0 * x), Box::new(|x| 0.0 * x)),
        "const" => (Box::new(|x| 0.0 * x + 3.0), Box::new(|x| 0.0 * x), Box::new(|x| 0.0 * x)),
        "rational" => (
            Box::new(|x| x.mapv(|v| 1.0 / (1.0 + v * v) - 0.5)),
            Box::new(|x| x.mapv(|v| -2.0 * v / ((1.0 + v * v) * (1.0 + v * v)))),
            Box::new(|x| x.mapv(|v| (6.0 * v * v - 2.0) / ((1.0 + v * v) * (1.0 + v * v) * (1.0 + v * v)))),
        ),
        _ => panic!("unknown function {name}"),
    }
}

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_newton.json")).unwrap()
}

/// SciPy's message up to the value (Python and Rust print floats differently).
fn message_prefix(m: &str) -> &str {
    m.find("value is").map_or(m, |k| &m[..k])
}

/// The result when the fixture has one; otherwise checks SciPy's error (`error`: a
/// `RuntimeError`, `value_error`: a `ValueError`) and returns `None`.
fn checked<T: std::fmt::Debug>(fx: &Fixture, key: &str, got: Result<T, OptimizeError>) -> Option<T> {
    let case = fx.get(key);
    if let Some(want) = case.get("error").and_then(|v| v.as_str()) {
        match got {
            Err(OptimizeError::NoConvergence { message }) => {
                assert_eq!(message_prefix(&message), message_prefix(want), "{key}")
            }
            other => panic!("{key}: expected {want:?}, got {other:?}"),
        }
        None
    } else if let Some(want) = case.get("value_error").and_then(|v| v.as_str()) {
        match got {
            Err(OptimizeError::InvalidValue { reason, .. }) => assert_eq!(reason, want, "{key}"),
            other => panic!("{key}: expected an error, got {other:?}"),
        }
        None
    } else {
        Some(got.unwrap_or_else(|e| panic!("{key}: {e}")))
    }
}

#[test]
fn newton_with_matches_scipy() {
    let fx = load();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| fx.str(&format!("{k}/kind")) == "scalar") {
        let c = |k: &str| format!("{key}/{k}");
        let (f, fp, fp2) = scalar_fns(fx.str(&c("func")));
        let deriv = fx.i64(&c("deriv"));
        let o = NewtonOptions {
            fprime: (deriv >= 1).then_some(&fp as &dyn Fn(f64) -> f64),
            fprime2: (deriv >= 2).then_some(&fp2 as &dyn Fn(f64) -> f64),
            tol: fx.f64(&c("tol")),
            rtol: fx.f64(&c("rtol")),
            maxiter: fx.i64(&c("maxiter")).max(0) as usize,
            x1: fx.get(&c("x1")).as_f64(),
            disp: fx.get(&c("disp")).as_bool().unwrap(),
        };
        let got = newton_with(f, fx.f64(&c("x0")), &o);
        if let Some(r) = checked(&fx, &key, got) {
            assert_eq!(r.root, fx.f64(&c("root")), "{key}: root");
            assert_eq!(r.iterations as i64, fx.i64(&c("iterations")), "{key}: iterations");
            assert_eq!(r.function_calls as i64, fx.i64(&c("function_calls")), "{key}: function_calls");
            assert_eq!(r.converged, fx.get(&c("converged")).as_bool().unwrap(), "{key}: converged");
            assert_eq!(r.flag.to_string(), fx.str(&c("flag")), "{key}: flag");
            assert_eq!(r.method.name(), fx.str(&c("method")), "{key}: method");
        }
        n += 1;
    }
    assert!(n >= 60, "only {n} cases");
}

#[test]
fn newton_array_matches_scipy() {
    let fx = load();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| fx.str(&format!("{k}/kind")) == "array") {
        let c = |k: &str| format!("{key}/{k}");
        let (f, fp, fp2) = array_fns(fx.str(&c("func")));
        let deriv = fx.i64(&c("deriv"));
        let o = NewtonArrayOptions {
            fprime: (deriv >= 1).then_some(&*fp),
            fprime2: (deriv >= 2).then_some(&*fp2),
            tol: fx.f64(&c("tol")),
            maxiter: fx.i64(&c("maxiter")) as usize,
        };
        let x0 = fx.array_f64(&c("x0")).into_dimensionality().unwrap();
        let got = newton_array(f, &x0, &o);
        if let Some(r) = checked(&fx, &key, got) {
            let root = fx.array_f64(&c("root"));
            assert_eq!(r.root.len(), root.len(), "{key}");
            for (i, (&a, &b)) in r.root.iter().zip(root.iter()).enumerate() {
                assert!(a == b || (a.is_nan() && b.is_nan()), "{key}: root[{i}] {a} vs {b}");
            }
            assert_eq!(
                r.converged.to_vec(),
                fx.array_bool(&c("converged")).iter().copied().collect::<Vec<_>>(),
                "{key}"
            );
            assert_eq!(
                r.zero_der.to_vec(),
                fx.array_bool(&c("zero_der")).iter().copied().collect::<Vec<_>>(),
                "{key}"
            );
        }
        n += 1;
    }
    assert!(n >= 30, "only {n} cases");
}

/// The scalar `newton` shortcut is unchanged and agrees with `newton_with`.
#[test]
fn scalar_shortcut_unchanged() {
    let f = |x: f64| x * x * x - 1.0;
    let df = |x: f64| 3.0 * x * x;
    let a = newton(f, 1.5, Some(&df)).unwrap();
    let b = newton_with(f, 1.5, &NewtonOptions { fprime: Some(&df), ..Default::default() }).unwrap();
    assert_eq!(a, b.root);
    assert_eq!(newton(f, 1.5, None).unwrap(), newton_with(f, 1.5, &NewtonOptions::default()).unwrap().root);
    let r = newton_with(
        |x| x * x + 1.0,
        0.5,
        &NewtonOptions { fprime: Some(&|x| 2.0 * x), disp: false, ..Default::default() },
    )
    .unwrap();
    assert_eq!(r.flag, RootFlag::ConvergenceError);
}

/// A strided view as `x0` gives the owned copy's answer.
#[test]
fn non_contiguous_x0() {
    let big = Array1::linspace(0.5, 3.0, 20);
    let view = big.slice(s![..;4]);
    let f = |x: &Array1<f64>| x * x - 2.0;
    let df = |x: &Array1<f64>| 2.0 * x;
    for fprime in [None, Some(&df as &dyn Fn(&Array1<f64>) -> Array1<f64>)] {
        let o = NewtonArrayOptions { fprime, ..Default::default() };
        let a = newton_array(f, &view, &o).unwrap();
        assert_eq!(a, newton_array(f, &view.to_owned(), &o).unwrap());
        assert!(a.root.iter().all(|&r| (r - 2f64.sqrt()).abs() < 1e-12));
    }
}

/// Bad input, one row per argument.
#[test]
fn bad_input() {
    let f = |x: f64| x - 1.0;
    let d = NewtonOptions::default;
    let scalar: Vec<(NewtonOptions<'_>, &str)> = vec![
        (NewtonOptions { tol: 0.0, ..d() }, "tol"),
        (NewtonOptions { tol: f64::NAN, ..d() }, "tol"),
        (NewtonOptions { maxiter: 0, ..d() }, "maxiter"),
        (NewtonOptions { x1: Some(2.0), ..d() }, "x1"),
    ];
    for (o, arg) in scalar {
        match newton_with(f, 2.0, &o) {
            Err(OptimizeError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg),
            other => panic!("{arg}: expected an error, got {other:?}"),
        }
    }
    let g = |x: &Array1<f64>| x - 1.0;
    let da = NewtonArrayOptions::default;
    let x0 = array![2.0, 3.0];
    let empty = Array1::<f64>::zeros(0);
    let arrays: Vec<(&Array1<f64>, NewtonArrayOptions<'_>, &str)> = vec![
        (&x0, NewtonArrayOptions { tol: -1.0, ..da() }, "tol"),
        (&x0, NewtonArrayOptions { maxiter: 0, ..da() }, "maxiter"),
        (&empty, da(), "x0"),
    ];
    for (x, o, arg) in arrays {
        match newton_array(g, x, &o) {
            Err(OptimizeError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg),
            other => panic!("{arg}: expected an error, got {other:?}"),
        }
    }
    let wrong = |_: &Array1<f64>| Array1::zeros(3);
    let o = NewtonArrayOptions { fprime: Some(&wrong), ..da() };
    assert_eq!(
        newton_array(g, &x0, &o),
        Err(OptimizeError::WrongLength { arg: "fprime(x)", expected: 2, found: 3 })
    );
    assert_eq!(
        newton_array(wrong, &x0, &da()),
        Err(OptimizeError::WrongLength { arg: "func(x)", expected: 2, found: 3 })
    );
}
