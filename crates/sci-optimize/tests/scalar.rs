//! root_scalar and minimize_scalar against SciPy fixtures; bad-input tables.

use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bracket, MinimizeScalarOptions, OptimizeError, RootFlag, RootScalarMethod, RootScalarOptions,
    ScalarMethod, minimize_scalar, root_scalar,
};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_scalar.json")).unwrap()
}

fn f_of(name: &str) -> (fn(f64) -> f64, fn(f64) -> f64, fn(f64) -> f64) {
    match name {
        "quad" => (|x| (x - 1.0) * (x - 2.0), |x| 2.0 * x - 3.0, |_| 2.0),
        "cubic" => (|x| x.powi(3) - 2.0 * x - 5.0, |x| 3.0 * x * x - 2.0, |x| 6.0 * x),
        "cosx" => (|x| x.cos() - x, |x| -x.sin() - 1.0, |x| -x.cos()),
        "exp" => (|x| x.exp() - 2.0, |x| x.exp(), |x| x.exp()),
        _ => panic!("unknown function {name}"),
    }
}

fn method(name: &str) -> Option<RootScalarMethod> {
    Some(match name {
        "" => return None,
        "brentq" => RootScalarMethod::Brentq,
        "brenth" => RootScalarMethod::Brenth,
        "bisect" => RootScalarMethod::Bisect,
        "ridder" => RootScalarMethod::Ridder,
        "newton" => RootScalarMethod::Newton,
        "secant" => RootScalarMethod::Secant,
        "halley" => RootScalarMethod::Halley,
        _ => panic!("unknown method {name}"),
    })
}

#[test]
fn root_scalar_matches_scipy() {
    let fx = load();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("root")) {
        let c = |k: &str| format!("{key}/{k}");
        let (f, df, d2f) = f_of(fx.str(&c("func")));
        let br = fx.get(&c("bracket")).as_array().unwrap();
        let bracket = (!br.is_empty()).then(|| (br[0].as_f64().unwrap(), br[1].as_f64().unwrap()));
        let x0 = fx.f64(&c("x0"));
        let x1 = fx.f64(&c("x1"));
        let opts = RootScalarOptions {
            method: method(fx.str(&c("method"))),
            bracket,
            x0: (!x0.is_nan()).then_some(x0),
            x1: (!x1.is_nan()).then_some(x1),
            fprime: fx.get(&c("fprime")).as_bool().unwrap().then_some(&df as &dyn Fn(f64) -> f64),
            fprime2: fx.get(&c("fprime2")).as_bool().unwrap().then_some(&d2f as &dyn Fn(f64) -> f64),
            ..Default::default()
        };
        let r = root_scalar(f, &opts).unwrap();
        let root = fx.f64(&c("root"));
        // Same arithmetic in the same order: the root agrees to the last bits.
        assert!(
            (r.root - root).abs() <= 4.0 * f64::EPSILON * root.abs().max(1.0),
            "{key}: {} vs {root}",
            r.root
        );
        assert_eq!(r.method.name(), fx.str(&c("sel_method")), "{key}");
        assert_eq!(r.iterations as i64, fx.i64(&c("iterations")), "{key} iterations");
        assert_eq!(r.function_calls as i64, fx.i64(&c("function_calls")), "{key} calls");
        assert_eq!(r.converged, fx.get(&c("converged")).as_bool().unwrap(), "{key}");
        n += 1;
    }
    assert!(n > 30);
}

fn mfun(name: &str) -> fn(f64) -> f64 {
    match name {
        "tour" => |x| x * x + 10.0 * x.sin(),
        "quartic" => |x| (x - 2.0) * x * (x + 2.0).powi(2),
        "abs" => |x| (x - 0.3).abs() + 0.1 * x * x,
        _ => panic!("unknown function {name}"),
    }
}

#[test]
fn minimize_scalar_matches_scipy() {
    let fx = load();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("min")) {
        let c = |k: &str| format!("{key}/{k}");
        let f = mfun(fx.str(&c("func")));
        let br: Vec<f64> =
            fx.get(&c("bracket")).as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let bd: Vec<f64> =
            fx.get(&c("bounds")).as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let opts = MinimizeScalarOptions {
            method: match fx.str(&c("method")) {
                "" => None,
                "brent" => Some(ScalarMethod::Brent),
                "golden" => Some(ScalarMethod::Golden),
                "bounded" => Some(ScalarMethod::Bounded),
                m => panic!("{m}"),
            },
            bracket: match br.len() {
                0 => None,
                2 => Some(Bracket::Two(br[0], br[1])),
                _ => Some(Bracket::Three(br[0], br[1], br[2])),
            },
            bounds: (!bd.is_empty()).then(|| (bd[0], bd[1])),
            ..Default::default()
        };
        let r = minimize_scalar(f, &opts).unwrap();
        let (x, fun) = (fx.f64(&c("x")), fx.f64(&c("fun")));
        assert!((r.x - x).abs() <= 1e-13 * x.abs().max(1.0), "{key}: x {} vs {x}", r.x);
        assert!((r.fun - fun).abs() <= 1e-13 * fun.abs().max(1.0), "{key}: fun {} vs {fun}", r.fun);
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key} nit");
        assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key} nfev");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        n += 1;
    }
    assert!(n >= 12);
}

#[test]
fn root_scalar_bad_input() {
    let f = |x: f64| x * x - 2.0;
    let df = |x: f64| 2.0 * x;
    type Check = fn(&OptimizeError) -> bool;
    let table: Vec<(RootScalarOptions<'_>, Check)> = vec![
        (RootScalarOptions::default(), |e| matches!(e, OptimizeError::InvalidValue { arg: "bracket", .. })),
        (RootScalarOptions { bracket: Some((2.0, 3.0)), ..Default::default() }, |e| {
            matches!(e, OptimizeError::BracketSign { .. })
        }),
        (
            RootScalarOptions {
                method: Some(RootScalarMethod::Bisect),
                bracket: Some((-3.0, -2.0)),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::BracketSign { .. }),
        ),
        (
            RootScalarOptions { method: Some(RootScalarMethod::Ridder), x0: Some(1.0), ..Default::default() },
            |e| matches!(e, OptimizeError::MissingArgument { arg: "bracket", .. }),
        ),
        (
            RootScalarOptions {
                method: Some(RootScalarMethod::Newton),
                bracket: Some((0.0, 2.0)),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::MissingArgument { arg: "x0", .. }),
        ),
        (
            RootScalarOptions {
                method: Some(RootScalarMethod::Halley),
                x0: Some(1.0),
                fprime: Some(&df),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::MissingArgument { arg: "fprime2", .. }),
        ),
        (RootScalarOptions { bracket: Some((0.0, 2.0)), rtol: Some(1e-17), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "rtol", .. })
        }),
        (RootScalarOptions { bracket: Some((0.0, 2.0)), xtol: Some(0.0), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "xtol", .. })
        }),
        (RootScalarOptions { bracket: Some((0.0, f64::INFINITY)), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "bracket", .. })
        }),
        (RootScalarOptions { x0: Some(1.0), x1: Some(1.0), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "x1", .. })
        }),
        (RootScalarOptions { x0: Some(1.0), maxiter: Some(0), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "maxiter", .. })
        }),
    ];
    for (i, (opts, check)) in table.iter().enumerate() {
        let e = root_scalar(f, opts).unwrap_err();
        assert!(check(&e), "case {i}: {e}");
    }
}

#[test]
fn root_scalar_nonconvergence_and_nan() {
    // Zero derivative at the start: Newton stops with a convergence error, as SciPy.
    let r = root_scalar(
        |x: f64| x * x + 1.0,
        &RootScalarOptions { x0: Some(0.0), fprime: Some(&|x: f64| 2.0 * x), ..Default::default() },
    )
    .unwrap();
    assert!(!r.converged);
    assert_eq!(r.flag, RootFlag::ConvergenceError);
    // Too few iterations for brentq.
    let r = root_scalar(
        |x: f64| x.powi(3) - 2.0 * x - 5.0,
        &RootScalarOptions { bracket: Some((2.0, 3.0)), maxiter: Some(2), ..Default::default() },
    )
    .unwrap();
    assert!(!r.converged);
    assert_eq!(r.iterations, 2);
    assert!(sci_optimize::brentq(|x: f64| x * x + 1.0, -1.0, 2.0).is_err());
    // NaN inside the bracket is reported, not looped over silently.
    let r = root_scalar(
        |x: f64| if x > 0.5 && x < 1.5 { f64::NAN } else { x - 1.0 },
        &RootScalarOptions { bracket: Some((0.0, 3.0)), ..Default::default() },
    )
    .unwrap();
    assert_eq!(r.flag, RootFlag::NanValue);
    assert!(!r.converged);
}

#[test]
fn minimize_scalar_bad_input() {
    let f = |x: f64| x * x;
    type Check = fn(&OptimizeError) -> bool;
    let table: Vec<(MinimizeScalarOptions, Check)> = vec![
        (MinimizeScalarOptions { bounds: Some((1.0, -1.0)), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidBounds { .. })
        }),
        (MinimizeScalarOptions { bounds: Some((-1.0, f64::INFINITY)), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "bounds", .. })
        }),
        (MinimizeScalarOptions { method: Some(ScalarMethod::Bounded), ..Default::default() }, |e| {
            matches!(e, OptimizeError::MissingArgument { arg: "bounds", .. })
        }),
        (
            MinimizeScalarOptions {
                method: Some(ScalarMethod::Brent),
                bounds: Some((0.0, 1.0)),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::UnsupportedOption { option: "bounds", .. }),
        ),
        (
            MinimizeScalarOptions {
                method: Some(ScalarMethod::Golden),
                xatol: Some(1e-3),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::UnsupportedOption { option: "xatol", .. }),
        ),
        (
            MinimizeScalarOptions {
                bounds: Some((0.0, 1.0)),
                bracket: Some(Bracket::Two(0.0, 1.0)),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::UnsupportedOption { option: "bracket", .. }),
        ),
        (MinimizeScalarOptions { bracket: Some(Bracket::Three(0.0, 2.0, 1.0)), ..Default::default() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "bracket", .. })
        }),
        (
            MinimizeScalarOptions {
                bracket: Some(Bracket::Three(-1.0, 0.5, 2.0)),
                xtol: Some(-1.0),
                ..Default::default()
            },
            |e| matches!(e, OptimizeError::InvalidValue { arg: "xtol", .. }),
        ),
    ];
    for (i, (opts, check)) in table.iter().enumerate() {
        let e = minimize_scalar(f, opts).unwrap_err();
        assert!(check(&e), "case {i}: {e}");
    }
    // A failed bracket search is a result with success = false, as in SciPy.
    let r = minimize_scalar(|x: f64| -x, &MinimizeScalarOptions::default()).unwrap();
    assert!(!r.success);
}
