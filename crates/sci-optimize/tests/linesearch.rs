//! `line_search` (SciPy's `line_search_wolfe2`) against SciPy fixtures: the functions and
//! directions of SciPy's `test_linesearch.py`, amax/maxiter/extra_condition cases; bad input.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{LineSearchOptions, OptimizeError, line_search};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linesearch.json")).unwrap()
}

fn opt(fx: &Fixture, p: &str) -> Option<f64> {
    (!fx.get(p).is_null()).then(|| fx.f64(p))
}

fn close(a: Option<f64>, b: Option<f64>, what: &str) {
    match (a, b) {
        (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-10 * b.abs().max(1.0), "{what}: {a} vs {b}"),
        (a, b) => assert_eq!(a, b, "{what}"),
    }
}

#[test]
fn line_search_matches_scipy() {
    let fx = load();
    let v = |p: &str| fx.array_f64(p).into_dimensionality::<Ix1>().unwrap();
    let a: Array2<f64> = fx.array_f64("matrix/A").into_dimensionality::<Ix2>().unwrap();
    let at = &a + &a.t();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k != "matrix") {
        let c = |k: &str| format!("{key}/{k}");
        let quad = |x: &Array1<f64>| x.dot(x);
        let quad_g = |x: &Array1<f64>| 2.0 * x;
        let f2 = |x: &Array1<f64>| x.dot(&a.dot(x)) + 1.0;
        let g2 = |x: &Array1<f64>| at.dot(x);
        let (f, g): (&dyn Fn(&Array1<f64>) -> f64, &dyn Fn(&Array1<f64>) -> Array1<f64>) =
            match fx.str(&c("func")) {
                "line_func_1" | "quad" => (&quad, &quad_g),
                "line_func_2" => (&f2, &g2),
                other => panic!("{other}"),
            };
        let mut calls = Vec::new();
        let extra = fx.get(&c("extra")).as_str().map(str::to_owned);
        let mut cond = |alpha: f64, x: &Array1<f64>, fval: f64, gval: &Array1<f64>| {
            // SciPy hands the point, f and the gradient there.
            assert_eq!(x.len(), gval.len());
            assert!(fval.is_finite());
            calls.push(alpha);
            match extra.as_deref() {
                Some("small_step") => alpha <= 0.3,
                Some("reject_all") => false,
                other => panic!("{other:?}"),
            }
        };
        let options = LineSearchOptions {
            gfk: (!fx.get(&c("gfk")).is_null()).then(|| v(&c("gfk"))),
            old_fval: opt(&fx, &c("old_fval")),
            old_old_fval: opt(&fx, &c("old_old_fval")),
            c1: fx.f64(&c("c1")),
            c2: fx.f64(&c("c2")),
            amax: opt(&fx, &c("amax")),
            extra_condition: if extra.is_some() { Some(&mut cond) } else { None },
            maxiter: fx.i64(&c("maxiter")) as usize,
        };
        let r = line_search(f, g, &v(&c("x")), &v(&c("p")), options).unwrap();
        close(r.alpha, opt(&fx, &c("alpha")), &c("alpha"));
        assert_eq!((r.fc, r.gc), (fx.i64(&c("fc")) as usize, fx.i64(&c("gc")) as usize), "{key}");
        close(r.new_fval, opt(&fx, &c("new_fval")), &c("new_fval"));
        close(r.old_fval, opt(&fx, &c("old_fval_out")), &c("old_fval"));
        match (&r.new_slope, fx.get(&c("new_slope")).is_null()) {
            (Some(s), false) => assert_allclose(s, &v(&c("new_slope")), 1e-10, 1e-10),
            (None, true) => {}
            (s, _) => panic!("{key}: new_slope {s:?}"),
        }
        let want_calls = v(&c("extra_calls"));
        assert_allclose(&Array1::from(calls), &want_calls, 1e-10, 0.0);
        n += 1;
    }
    assert_eq!(n, 58);
}

#[test]
fn line_search_bad_input() {
    let f = |x: &Array1<f64>| x.dot(x);
    let g = |x: &Array1<f64>| 2.0 * x;
    let x = array![1.0, 2.0];
    let p = array![-1.0, -1.0];
    let c = |c1: f64, c2: f64| LineSearchOptions { c1, c2, ..Default::default() };
    let cases: Vec<(&str, Array1<f64>, LineSearchOptions<'_>, &str)> = vec![
        ("c1 = 0", p.clone(), c(0.0, 0.9), "c1"),
        ("c1 = c2", p.clone(), c(0.5, 0.5), "c1"),
        ("c2 = 1", p.clone(), c(1e-4, 1.0), "c1"),
        ("c1 > c2", p.clone(), c(0.9, 1e-4), "c1"),
        ("c1 NaN", p.clone(), c(f64::NAN, 0.9), "c1"),
        ("short pk", array![-1.0], LineSearchOptions::default(), "pk"),
        (
            "short gfk",
            p.clone(),
            LineSearchOptions { gfk: Some(array![1.0, 2.0, 3.0]), ..Default::default() },
            "gfk",
        ),
    ];
    for (what, pk, options, arg) in cases {
        let e = line_search(f, g, &x, &pk, options).unwrap_err();
        let got = match &e {
            OptimizeError::InvalidValue { arg, .. } | OptimizeError::WrongLength { arg, .. } => *arg,
            other => panic!("{what}: {other:?}"),
        };
        assert_eq!(got, arg, "{what}: {e}");
    }
    let e = line_search(f, g, &x, &p, c(0.0, 0.9)).unwrap_err();
    assert_eq!(e.to_string(), "invalid value for `c1`: 'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'.");
    // A gradient of the wrong length (after the first, correct one) is an error, not a panic.
    let mut first = true;
    let bad_g = |x: &Array1<f64>| {
        if std::mem::take(&mut first) { 2.0 * x } else { array![1.0] }
    };
    let e = line_search(f, bad_g, &x, &p, LineSearchOptions::default()).unwrap_err();
    assert_eq!(e, OptimizeError::WrongLength { arg: "myfprime(x)", expected: 2, found: 1 });
}
