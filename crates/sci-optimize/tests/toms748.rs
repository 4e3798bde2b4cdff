//! root_scalar(method='toms748'), `toms748` and the bracketing shortcuts with tolerances against
//! SciPy fixtures; bad-input table.

use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    BracketOptions, OptimizeError, RootFlag, RootScalarMethod, RootScalarOptions, bisect_with, brenth_with,
    brentq_with, ridder_with, root_scalar, toms748,
};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_toms748.json")).unwrap()
}

fn keys(fx: &Fixture, group: &str) -> Vec<String> {
    fx.get(group).as_object().unwrap().keys().cloned().collect()
}

fn pair(fx: &Fixture, path: &str) -> (f64, f64) {
    let a = fx.get(path).as_array().unwrap();
    (a[0].as_f64().unwrap(), a[1].as_f64().unwrap())
}

fn func(name: &str) -> fn(f64) -> f64 {
    match name {
        "quad" => |x| (x - 1.0) * (x - 2.0),
        "cubic" => |x| x.powf(3.0) - 2.0 * x - 5.0,
        "cosx" => |x| x.cos() - x,
        "exp" => |x| x.exp() - 2.0,
        "cube1" => |x| x.powf(3.0) - 1.0,
        "aps_poly" => |x| x.powf(20.0) - 1.0,
        "aps_exp" => |x| (-20.0 * x).exp() * (x - 1.0) + x.powf(20.0),
        "aps_sin" => |x| x.sin() - x / 2.0,
        "steep" => |x| (1e6 * (x - 0.3)).atan(),
        "root_at_a" => |x| x,
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn toms748_matches_scipy() {
    let fx = load();
    let keys = keys(&fx, "toms748");
    assert_eq!(keys.len(), 21);
    for key in keys {
        let c = |k: &str| format!("toms748/{key}/{k}");
        let f = func(fx.str(&c("func")));
        let br = pair(&fx, &c("bracket"));
        let given = |v: f64| (v != 0.0).then_some(v);
        let k = fx.i64(&c("k"));
        let maxiter = fx.i64(&c("maxiter"));
        let opts = RootScalarOptions {
            method: Some(RootScalarMethod::Toms748),
            bracket: Some((br.0, br.1)),
            k: (k != 0).then_some(k as usize),
            xtol: given(fx.f64(&c("xtol"))),
            rtol: given(fx.f64(&c("rtol"))),
            maxiter: (maxiter != 0).then_some(maxiter as usize),
            ..Default::default()
        };
        let r = root_scalar(f, &opts).unwrap();
        // The same arithmetic in the same order: the root is bit-identical.
        assert_eq!(r.root, fx.f64(&c("root")), "{key}");
        assert_eq!(r.iterations as i64, fx.i64(&c("iterations")), "{key}");
        assert_eq!(r.function_calls as i64, fx.i64(&c("function_calls")), "{key}");
        assert_eq!(r.converged, fx.get(&c("converged")).as_bool().unwrap(), "{key}");
        assert_eq!(r.method, RootScalarMethod::Toms748);
    }
}

#[test]
fn shortcuts_with_tolerances_match_scipy() {
    let fx = load();
    let keys = keys(&fx, "shortcuts");
    assert_eq!(keys.len(), 45);
    for key in keys {
        let c = |k: &str| format!("shortcuts/{key}/{k}");
        let f = func(fx.str(&c("func")));
        let br = pair(&fx, &c("bracket"));
        let rtol = fx.f64(&c("rtol"));
        let maxiter = fx.i64(&c("maxiter"));
        let d = BracketOptions::default();
        let o = BracketOptions {
            xtol: fx.f64(&c("xtol")),
            rtol: if rtol == 0.0 { d.rtol } else { rtol },
            maxiter: if maxiter == 0 { d.maxiter } else { maxiter as usize },
            ..d
        };
        let x = match fx.str(&c("method")) {
            "brentq" => brentq_with(f, br.0, br.1, &o),
            "brenth" => brenth_with(f, br.0, br.1, &o),
            "bisect" => bisect_with(f, br.0, br.1, &o),
            "ridder" => ridder_with(f, br.0, br.1, &o),
            "toms748" => toms748(f, br.0, br.1, &o),
            m => panic!("unknown method {m}"),
        }
        .unwrap();
        assert_eq!(x, fx.f64(&c("root")), "{key}");
    }
}

#[test]
fn toms748_nan_and_nonconvergence() {
    // SciPy: root_scalar reports the NaN point and the calls so far (iterations=nan there, 0 here).
    let f = |x: f64| if x > 0.5 { f64::NAN } else { x - 0.75 };
    let r = root_scalar(
        f,
        &RootScalarOptions {
            method: Some(RootScalarMethod::Toms748),
            bracket: Some((0.0, 1.0)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.root, r.function_calls, r.flag, r.converged), (1.0, 2, RootFlag::NanValue, false));
    assert!(matches!(
        toms748(f, 0.0, 1.0, &BracketOptions::default()),
        Err(OptimizeError::NoConvergence { .. })
    ));
    let o = BracketOptions { maxiter: 2, ..Default::default() };
    assert!(matches!(toms748(func("aps_poly"), 0.0, 5.0, &o), Err(OptimizeError::NoConvergence { .. })));
}

#[test]
fn toms748_bad_input() {
    let d = BracketOptions::default();
    let f = |x: f64| x - 0.25;
    let cases: Vec<(&str, f64, f64, BracketOptions, &str)> = vec![
        ("xtol 0", 0.0, 1.0, BracketOptions { xtol: 0.0, ..d }, "xtol"),
        ("xtol nan", 0.0, 1.0, BracketOptions { xtol: f64::NAN, ..d }, "xtol"),
        ("rtol tiny", 0.0, 1.0, BracketOptions { rtol: 1e-17, ..d }, "rtol"),
        ("maxiter 0", 0.0, 1.0, BracketOptions { maxiter: 0, ..d }, "maxiter"),
        ("a inf", f64::NEG_INFINITY, 1.0, d, "a"),
        ("b nan", 0.0, f64::NAN, d, "b"),
        ("a >= b", 1.0, 0.0, d, "bracket"),
    ];
    for (name, a, b, o, arg) in cases {
        match toms748(f, a, b, &o) {
            Err(OptimizeError::InvalidValue { arg: got, .. }) => assert_eq!(got, arg, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(matches!(toms748(f, 0.5, 1.0, &d), Err(OptimizeError::BracketSign { .. })));
    // An infinite value is SciPy's ValueError("Invalid function value").
    let g = |x: f64| if x == 0.0 { f64::NEG_INFINITY } else { x - 0.25 };
    assert!(matches!(toms748(g, 0.0, 1.0, &d), Err(OptimizeError::InvalidValue { arg: "f", .. })));
    // `k` is a toms748 option only; the bracket is needed.
    let o = RootScalarOptions {
        method: Some(RootScalarMethod::Brentq),
        bracket: Some((0.0, 1.0)),
        k: Some(2),
        ..Default::default()
    };
    assert!(matches!(root_scalar(f, &o), Err(OptimizeError::UnsupportedOption { option: "k", .. })));
    let o =
        RootScalarOptions { method: Some(RootScalarMethod::Toms748), x0: Some(0.0), ..Default::default() };
    assert!(matches!(root_scalar(f, &o), Err(OptimizeError::MissingArgument { arg: "bracket", .. })));
    // The shortcuts check their tolerances as SciPy.
    assert!(matches!(
        brentq_with(f, 0.0, 1.0, &BracketOptions { xtol: -1.0, ..d }),
        Err(OptimizeError::InvalidValue { arg: "xtol", .. })
    ));
    assert!(matches!(
        bisect_with(f, 0.0, 1.0, &BracketOptions { rtol: 1e-17, ..d }),
        Err(OptimizeError::InvalidValue { arg: "rtol", .. })
    ));
}
