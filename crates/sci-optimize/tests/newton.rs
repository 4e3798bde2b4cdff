//! `newton_with` (scalar `newton` with all of SciPy's options) and `newton_array` (vectorized)
//! against SciPy fixtures: roots, counts and flags bit for bit; bad input; views. Their complex
//! forms `newton_complex_with`, `newton_complex` and `newton_array_complex` (SciPy's `newton`
//! with a complex `x0`): scalar roots, counts, flags and messages bit for bit, vectorized roots
//! to rounding.

use sci_array::ndarray::{Array1, Ix1, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    NewtonArrayComplexOptions, NewtonArrayOptions, NewtonComplexOptions, NewtonOptions, OptimizeError,
    RootFlag, RootScalarMethod, newton, newton_array, newton_array_complex, newton_complex,
    newton_complex_with, newton_with,
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

/// SciPy's message up to the value (a length-1 array `x0` prints as an array in SciPy's).
fn message_prefix(m: &str) -> &str {
    m.find("value is").map_or(m, |k| &m[..k])
}

/// The result when the fixture has one; otherwise checks SciPy's error (`error`: a
/// `RuntimeError`, the whole message when `exact`, else up to the value; `value_error`: a
/// `ValueError`) and returns `None`.
fn checked<T: std::fmt::Debug>(
    fx: &Fixture,
    key: &str,
    got: Result<T, OptimizeError>,
    exact: bool,
) -> Option<T> {
    let case = fx.get(key);
    if let Some(want) = case.get("error").and_then(|v| v.as_str()) {
        match got {
            Err(OptimizeError::NoConvergence { message }) if exact => assert_eq!(message, want, "{key}"),
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
        if let Some(r) = checked(&fx, &key, got, true) {
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
        if let Some(r) = checked(&fx, &key, got, false) {
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

// Complex x0.

fn c(re: f64, im: f64) -> Complex64 {
    Complex64::new(re, im)
}

type CF = fn(Complex64) -> Complex64;

/// The generator's functions, with each real constant promoted to complex as NumPy does.
fn complex_fns(name: &str) -> (CF, CF, CF) {
    match name {
        "sq1" => (|z| z * z + c(1.0, 0.0), |z| c(2.0, 0.0) * z, |z| c(2.0, 0.0) + c(0.0, 0.0) * z),
        "cube" => (|z| z * z * z - c(1.0, 0.0), |z| c(3.0, 0.0) * z * z, |z| c(6.0, 0.0) * z),
        "quart" => (|z| z * z * z * z + c(4.0, 0.0), |z| c(4.0, 0.0) * z * z * z, |z| c(12.0, 0.0) * z * z),
        "shifted" => (
            |z| (z - c(1.0, 2.0)) * (z + c(0.5, -1.0)),
            |z| c(2.0, 0.0) * z - c(0.5, 3.0),
            |z| c(2.0, 0.0) + c(0.0, 0.0) * z,
        ),
        "flat" => (|z| c(3.0, 1.0) + c(0.0, 0.0) * z, |z| c(0.0, 0.0) * z, |z| c(0.0, 0.0) * z),
        _ => panic!("unknown function {name}"),
    }
}

type CG = Box<dyn Fn(&Array1<Complex64>) -> Array1<Complex64>>;

fn complex_array_fns(name: &str) -> (CG, CG, CG) {
    let (f, fp, fp2) = match name {
        "square" => {
            let a4 = array![c(-4.0, 0.0), c(0.0, 2.0), c(1.0, 1.0), c(-1.0, 0.0)];
            let f: CG = Box::new(move |z| z * z - &a4);
            return (
                f,
                Box::new(|z| z.mapv(|v| c(2.0, 0.0) * v)),
                Box::new(|z| z.mapv(|v| c(2.0, 0.0) + c(0.0, 0.0) * v)),
            );
        }
        "const" => {
            let (f, fp, fp2) = complex_fns("flat");
            (f, fp, fp2)
        }
        other => complex_fns(other),
    };
    (Box::new(move |z| z.mapv(f)), Box::new(move |z| z.mapv(fp)), Box::new(move |z| z.mapv(fp2)))
}

fn load_complex() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_newton_complex.json"))
        .unwrap()
}

fn scalar(fx: &Fixture, key: &str) -> Complex64 {
    fx.array_c64(key).iter().copied().next().unwrap()
}

#[test]
fn newton_complex_with_matches_scipy() {
    let fx = load_complex();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| fx.str(&format!("{k}/kind")) == "scalar") {
        let k = |s: &str| format!("{key}/{s}");
        let (f, fp, fp2) = complex_fns(fx.str(&k("func")));
        let deriv = fx.i64(&k("deriv"));
        let o = NewtonComplexOptions {
            fprime: (deriv >= 1).then_some(&fp as &dyn Fn(Complex64) -> Complex64),
            fprime2: (deriv >= 2).then_some(&fp2 as &dyn Fn(Complex64) -> Complex64),
            tol: fx.f64(&k("tol")),
            rtol: fx.f64(&k("rtol")),
            maxiter: fx.i64(&k("maxiter")).max(0) as usize,
            x1: fx.get(&k("x1")).is_object().then(|| scalar(&fx, &k("x1"))),
            disp: fx.get(&k("disp")).as_bool().unwrap(),
        };
        let got = newton_complex_with(f, scalar(&fx, &k("x0")), &o);
        if let Some(r) = checked(&fx, &key, got, true) {
            assert_eq!(r.root, scalar(&fx, &k("root")), "{key}: root");
            assert_eq!(r.iterations as i64, fx.i64(&k("iterations")), "{key}: iterations");
            assert_eq!(r.function_calls as i64, fx.i64(&k("function_calls")), "{key}: function_calls");
            assert_eq!(r.converged, fx.get(&k("converged")).as_bool().unwrap(), "{key}: converged");
            assert_eq!(r.flag.to_string(), fx.str(&k("flag")), "{key}: flag");
            assert_eq!(r.method.name(), fx.str(&k("method")), "{key}: method");
        }
        n += 1;
    }
    assert!(n >= 75, "only {n} cases");
}

#[test]
fn newton_array_complex_matches_scipy() {
    let fx = load_complex();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| fx.str(&format!("{k}/kind")) == "array") {
        let k = |s: &str| format!("{key}/{s}");
        let (f, fp, fp2) = complex_array_fns(fx.str(&k("func")));
        let deriv = fx.i64(&k("deriv"));
        let o = NewtonArrayComplexOptions {
            fprime: (deriv >= 1).then_some(&*fp),
            fprime2: (deriv >= 2).then_some(&*fp2),
            tol: fx.f64(&k("tol")),
            maxiter: fx.i64(&k("maxiter")) as usize,
        };
        let x0 = fx.array_c64(&k("x0")).into_dimensionality::<Ix1>().unwrap();
        if let Some(r) = checked(&fx, &key, newton_array_complex(f, &x0, &o), true) {
            // NumPy multiplies complex arrays with fused multiply-adds, these loops do not: the
            // roots agree to rounding, the flags exactly.
            assert_allclose(&r.root, &fx.array_c64(&k("root")), 1e-14, 1e-15);
            assert_eq!(
                r.converged.to_vec(),
                fx.array_bool(&k("converged")).iter().copied().collect::<Vec<_>>(),
                "{key}"
            );
            assert_eq!(
                r.zero_der.to_vec(),
                fx.array_bool(&k("zero_der")).iter().copied().collect::<Vec<_>>(),
                "{key}"
            );
        }
        n += 1;
    }
    assert!(n >= 19, "only {n} cases");
}

/// The `newton_complex` shortcut returns `newton_complex_with`'s root, or its error.
#[test]
fn complex_shortcut_agrees() {
    let (f, fp, _) = complex_fns("cube");
    let x0 = c(-1.0, 1.0);
    let with = newton_complex_with(f, x0, &NewtonComplexOptions { fprime: Some(&fp), ..Default::default() });
    assert_eq!(newton_complex(f, x0, Some(&fp)).unwrap(), with.unwrap().root);
    let secant = newton_complex_with(f, x0, &NewtonComplexOptions::default()).unwrap();
    assert_eq!(secant.method, RootScalarMethod::Secant);
    assert_eq!(newton_complex(f, x0, None).unwrap(), secant.root);
    // z^2 + 1 from a real start stays real and never converges.
    let (g, gp, _) = complex_fns("sq1");
    let e = newton_complex(g, c(0.5, 0.0), Some(&gp)).unwrap_err();
    assert!(matches!(e, OptimizeError::NoConvergence { .. }), "{e:?}");
    let r = newton_complex_with(
        g,
        c(0.5, 0.0),
        &NewtonComplexOptions { fprime: Some(&gp), disp: false, ..Default::default() },
    )
    .unwrap();
    assert_eq!((r.flag, r.root.im), (RootFlag::ConvergenceError, 0.0));
}

/// Bad input of the complex forms, one row per argument.
#[test]
fn bad_input_complex() {
    let f = |z: Complex64| z - c(1.0, 1.0);
    let d = NewtonComplexOptions::default;
    let rows: Vec<(NewtonComplexOptions<'_>, &str)> = vec![
        (NewtonComplexOptions { tol: 0.0, ..d() }, "tol"),
        (NewtonComplexOptions { tol: f64::NAN, ..d() }, "tol"),
        (NewtonComplexOptions { maxiter: 0, ..d() }, "maxiter"),
        (NewtonComplexOptions { x1: Some(c(2.0, 0.5)), ..d() }, "x1"),
    ];
    for (o, arg) in rows {
        match newton_complex_with(f, c(2.0, 0.5), &o) {
            Err(OptimizeError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg),
            other => panic!("{arg}: expected an error, got {other:?}"),
        }
    }
    let g = |z: &Array1<Complex64>| z.mapv(|v| v - c(1.0, 0.0));
    let da = NewtonArrayComplexOptions::default;
    let x0 = array![c(2.0, 0.0), c(0.0, 3.0)];
    let empty = Array1::<Complex64>::zeros(0);
    let arrays: Vec<(&Array1<Complex64>, NewtonArrayComplexOptions<'_>, &str)> = vec![
        (&x0, NewtonArrayComplexOptions { tol: -1.0, ..da() }, "tol"),
        (&x0, NewtonArrayComplexOptions { maxiter: 0, ..da() }, "maxiter"),
        (&empty, da(), "x0"),
    ];
    for (x, o, arg) in arrays {
        match newton_array_complex(g, x, &o) {
            Err(OptimizeError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg),
            other => panic!("{arg}: expected an error, got {other:?}"),
        }
    }
    let wrong = |_: &Array1<Complex64>| Array1::zeros(3);
    let o = NewtonArrayComplexOptions { fprime: Some(&wrong), ..da() };
    assert_eq!(
        newton_array_complex(g, &x0, &o),
        Err(OptimizeError::WrongLength { arg: "fprime(x)", expected: 2, found: 3 })
    );
    assert_eq!(
        newton_array_complex(wrong, &x0, &da()),
        Err(OptimizeError::WrongLength { arg: "func(x)", expected: 2, found: 3 })
    );
}
