//! `minimize` with trust-ncg, trust-krylov, trust-exact and dogleg against SciPy fixtures;
//! the callback; bad input.

use sci_array::ndarray::{Array1, Array2, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    CALLBACK_STOP, Callback, IntermediateResult, Jac, Method, MinimizeOptions, OptimizeError, minimize,
    rosen, rosen_der, rosen_hess,
};
use std::cell::Cell;
use std::ops::ControlFlow;

type F = fn(&Array1<f64>) -> f64;
type G = fn(&Array1<f64>) -> Array1<f64>;
type H = fn(&Array1<f64>) -> Array2<f64>;

fn beale(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (1.5 - a + a * b).powi(2) + (2.25 - a + a * b * b).powi(2) + (2.625 - a + a * b.powi(3)).powi(2)
}

fn beale_der(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    let (t1, t2, t3) = (1.5 - a + a * b, 2.25 - a + a * b * b, 2.625 - a + a * b.powi(3));
    array![
        2.0 * t1 * (b - 1.0) + 2.0 * t2 * (b * b - 1.0) + 2.0 * t3 * (b.powi(3) - 1.0),
        2.0 * t1 * a + 2.0 * t2 * 2.0 * a * b + 2.0 * t3 * 3.0 * a * b * b
    ]
}

fn beale_hess(x: &Array1<f64>) -> Array2<f64> {
    let (a, b) = (x[0], x[1]);
    let (t1, t2, t3) = (1.5 - a + a * b, 2.25 - a + a * b * b, 2.625 - a + a * b.powi(3));
    let haa = 2.0 * (b - 1.0).powi(2) + 2.0 * (b * b - 1.0).powi(2) + 2.0 * (b.powi(3) - 1.0).powi(2);
    let hab = 2.0 * a * (b - 1.0)
        + 2.0 * t1
        + 2.0 * 2.0 * a * b * (b * b - 1.0)
        + 2.0 * t2 * 2.0 * b
        + 2.0 * 3.0 * a * b * b * (b.powi(3) - 1.0)
        + 2.0 * t3 * 3.0 * b * b;
    let hbb = 2.0 * a * a
        + 2.0 * (2.0 * a * b).powi(2)
        + 2.0 * t2 * 2.0 * a
        + 2.0 * (3.0 * a * b * b).powi(2)
        + 2.0 * t3 * 6.0 * a * b;
    array![[haa, hab], [hab, hbb]]
}

fn himmelblau(x: &Array1<f64>) -> f64 {
    (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
}

fn himmelblau_der(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    let (u, v) = (a * a + b - 11.0, a + b * b - 7.0);
    array![4.0 * a * u + 2.0 * v, 2.0 * u + 4.0 * b * v]
}

fn himmelblau_hess(x: &Array1<f64>) -> Array2<f64> {
    let (a, b) = (x[0], x[1]);
    let (u, v) = (a * a + b - 11.0, a + b * b - 7.0);
    array![[4.0 * u + 8.0 * a * a + 2.0, 4.0 * a + 4.0 * b], [4.0 * a + 4.0 * b, 2.0 + 4.0 * v + 8.0 * b * b]]
}

fn qa() -> Array2<f64> {
    array![[4.0, 1.0, 0.5], [1.0, 3.0, -0.5], [0.5, -0.5, 2.0]]
}

fn quad(x: &Array1<f64>) -> f64 {
    0.5 * x.dot(&qa().dot(x)) + array![1.0, -2.0, 0.5].dot(x)
}

fn quad_der(x: &Array1<f64>) -> Array1<f64> {
    qa().dot(x) + array![1.0, -2.0, 0.5]
}

fn quad_hess(_: &Array1<f64>) -> Array2<f64> {
    qa()
}

fn problem(name: &str) -> (F, G, H) {
    match name {
        "rosen" => (rosen, rosen_der, rosen_hess),
        "beale" => (beale, beale_der, beale_hess),
        "himmelblau" => (himmelblau, himmelblau_der, himmelblau_hess),
        "quad" => (quad, quad_der, quad_hess),
        _ => panic!("unknown problem {name}"),
    }
}

fn method(name: &str) -> Method {
    match name {
        "trust-ncg" => Method::TrustNcg,
        "trust-krylov" => Method::TrustKrylov,
        "trust-exact" => Method::TrustExact,
        "dogleg" => Method::Dogleg,
        _ => panic!("unknown method {name}"),
    }
}

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_trust_region.json")).unwrap()
}

#[test]
fn trust_region_methods_match_scipy() {
    let fx = load();
    let v = |p: &str| fx.array_f64(p).into_dimensionality::<Ix1>().unwrap();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("case")).collect();
    assert_eq!(keys.len(), 60);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let m = method(fx.str(&c("method")));
        let (f, g, h) = problem(fx.str(&c("fun_name")));
        let hessp = move |x: &Array1<f64>, p: &Array1<f64>| h(x).dot(p);
        let opts = fx.get(&c("options"));
        let num = |k: &str| opts.get(k).map(|_| fx.f64(&c(&format!("options/{k}"))));
        let calls = Cell::new(0usize);
        let cb = |_: &IntermediateResult<'_>| {
            calls.set(calls.get() + 1);
            ControlFlow::Continue(())
        };
        let use_hess = fx.str(&c("hess")) == "hess";
        let o = MinimizeOptions {
            method: m,
            jac: Jac::Fn(&g),
            hess: use_hess.then_some(&h as &dyn Fn(&Array1<f64>) -> Array2<f64>),
            hessp: (!use_hess).then_some(&hessp as &dyn Fn(&Array1<f64>, &Array1<f64>) -> Array1<f64>),
            initial_trust_radius: num("initial_trust_radius"),
            max_trust_radius: num("max_trust_radius"),
            eta: num("eta"),
            gtol: num("gtol"),
            maxiter: num("maxiter").map(|v| v as usize),
            callback: Some(&cb as Callback<'_>),
            ..Default::default()
        };
        let r = minimize(f, &v(&c("x0")), &o).unwrap();
        let counts = [r.nit, r.nfev, r.njev, r.nhev, calls.get()].map(|c| c as i64);
        let scipy = ["nit", "nfev", "njev", "nhev", "ncalls"].map(|k| fx.i64(&c(k)));
        assert_eq!(r.status as i64, fx.i64(&c("status")), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        if m == Method::TrustKrylov {
            // trlib's subproblem (CG, then Lanczos with its own tridiagonal solver) is replaced
            // by a Lanczos GLTR with trlib's stopping rules: the same steps to ~1e-10, so the
            // same counts; iterates agree less tightly than for the other methods.
            assert_allclose(&r.x, &v(&c("x")), 1e-6, 1e-8);
            assert_eq!(counts, scipy, "{key} (nit, nfev, njev, nhev, callback calls)");
            continue;
        }
        // The same iterates; LAPACK's blocked Cholesky and BLAS dots round differently.
        assert_allclose(&r.x, &v(&c("x")), 1e-8, 1e-10);
        assert_allclose(&array![r.fun], &array![fx.f64(&c("fun"))], 1e-8, 1e-14);
        assert_allclose(r.jac.as_ref().unwrap(), &v(&c("jac")), 1e-6, 1e-8);
        assert_eq!(counts, scipy, "{key} (nit, nfev, njev, nhev, callback calls)");
    }
}

#[test]
fn callback_stop_matches_scipy() {
    let fx = load();
    for j in 0..4 {
        let key = format!("stop{j}");
        let c = |k: &str| format!("{key}/{k}");
        let n = Cell::new(0);
        let cb = |_: &IntermediateResult<'_>| {
            n.set(n.get() + 1);
            if n.get() == 3 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        };
        let o = MinimizeOptions {
            method: method(fx.str(&c("method"))),
            jac: Jac::Fn(&rosen_der),
            hess: Some(&rosen_hess),
            callback: Some(&cb),
            ..Default::default()
        };
        let r = minimize(rosen, &array![-1.2, 1.0], &o).unwrap();
        assert_eq!((r.status, r.success, r.message.as_str()), (99, false, CALLBACK_STOP), "{key}");
        assert_eq!(r.message, fx.str(&c("message")));
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}");
        let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        let tol = if j == 1 { 1e-2 } else { 1e-10 }; // trust-krylov: a different inner solver
        assert_allclose(&r.x, &x, tol, 0.0);
    }
}

#[test]
fn trust_region_bad_input() {
    let x0 = array![-1.2, 1.0];
    let hp = |x: &Array1<f64>, p: &Array1<f64>| rosen_hess(x).dot(p);
    let base = |m: Method| MinimizeOptions {
        method: m,
        jac: Jac::Fn(&rosen_der),
        hess: Some(&rosen_hess),
        ..Default::default()
    };
    let cases: Vec<(MinimizeOptions<'_>, &str)> = vec![
        (MinimizeOptions { jac: Jac::Default, ..base(Method::TrustNcg) }, "jac"),
        (MinimizeOptions { hess: None, ..base(Method::TrustNcg) }, "hess"),
        (MinimizeOptions { hess: None, ..base(Method::TrustKrylov) }, "hess"),
        (MinimizeOptions { hess: None, hessp: Some(&hp), ..base(Method::TrustExact) }, "hessp"),
        (MinimizeOptions { hess: None, hessp: Some(&hp), ..base(Method::Dogleg) }, "hessp"),
        (MinimizeOptions { jac: Jac::Default, ..base(Method::Dogleg) }, "jac"),
        (MinimizeOptions { eta: Some(0.25), ..base(Method::TrustExact) }, "eta"),
        (MinimizeOptions { eta: Some(-0.1), ..base(Method::TrustNcg) }, "eta"),
        (MinimizeOptions { max_trust_radius: Some(0.0), ..base(Method::TrustNcg) }, "max_trust_radius"),
        (
            MinimizeOptions { initial_trust_radius: Some(-1.0), ..base(Method::Dogleg) },
            "initial_trust_radius",
        ),
        (
            MinimizeOptions { initial_trust_radius: Some(2e3), ..base(Method::TrustKrylov) },
            "initial_trust_radius",
        ),
        (MinimizeOptions { gtol: Some(f64::NAN), ..base(Method::TrustNcg) }, "gtol"),
        (MinimizeOptions { inexact: Some(false), ..base(Method::TrustNcg) }, "inexact"),
        (MinimizeOptions { subproblem_maxiter: Some(3), ..base(Method::Dogleg) }, "subproblem_maxiter"),
        (MinimizeOptions { eta: Some(0.1), hess: None, ..base(Method::Bfgs) }, "eta"),
    ];
    for (o, arg) in cases {
        let e = minimize(rosen, &x0, &o).unwrap_err();
        let named = match &e {
            OptimizeError::MissingArgument { arg, .. } => *arg,
            OptimizeError::UnsupportedOption { option, .. } => *option,
            OptimizeError::InvalidValue { arg, .. } => *arg,
            _ => "",
        };
        assert_eq!(named, arg, "{:?}: {e}", o.method);
    }
    let e = minimize(|_: &Array1<f64>| f64::NAN, &x0, &base(Method::TrustExact)).unwrap_err();
    assert!(matches!(e, OptimizeError::NonFiniteInitial { .. }), "{e:?}");
    // Derivatives of the wrong shape are errors, not panics, for every method.
    let short_jac = |_: &Array1<f64>| array![1.0];
    let bad_hess = |_: &Array1<f64>| Array2::<f64>::eye(3);
    let bad_hessp = |_: &Array1<f64>, _: &Array1<f64>| array![1.0, 2.0, 3.0];
    // Right at x0, wrong after the first step.
    let late_hess = |x: &Array1<f64>| if x[0] == -1.2 { rosen_hess(x) } else { Array2::<f64>::eye(1) };
    for m in [Method::TrustNcg, Method::TrustKrylov, Method::TrustExact, Method::Dogleg] {
        let e = minimize(rosen, &x0, &MinimizeOptions { jac: Jac::Fn(&short_jac), ..base(m) }).unwrap_err();
        assert!(
            matches!(e, OptimizeError::WrongLength { arg: "jac(x)", expected: 2, found: 1 }),
            "{m:?}: {e:?}"
        );
        let e = minimize(rosen, &x0, &MinimizeOptions { hess: Some(&bad_hess), ..base(m) }).unwrap_err();
        assert!(matches!(e, OptimizeError::InvalidValue { arg: "hess", .. }), "{m:?}: {e:?}");
        let e = minimize(rosen, &x0, &MinimizeOptions { hess: Some(&late_hess), ..base(m) }).unwrap_err();
        assert!(matches!(e, OptimizeError::InvalidValue { arg: "hess", .. }), "{m:?}: {e:?}");
    }
    for m in [Method::TrustNcg, Method::TrustKrylov] {
        let o = MinimizeOptions { hess: None, hessp: Some(&bad_hessp), ..base(m) };
        let e = minimize(rosen, &x0, &o).unwrap_err();
        assert!(matches!(e, OptimizeError::WrongLength { arg: "hessp(x, p)", .. }), "{m:?}: {e:?}");
    }
}

#[test]
fn trust_region_edge_cases() {
    // A non-contiguous x0 view gives the same run as the owned array.
    let x = array![-1.2, 99.0, 1.0];
    let view = x.slice(sci_array::ndarray::s![..;2]);
    let o = MinimizeOptions {
        method: Method::TrustExact,
        jac: Jac::Fn(&rosen_der),
        hess: Some(&rosen_hess),
        ..Default::default()
    };
    assert_eq!(minimize(rosen, &view, &o).unwrap(), minimize(rosen, &array![-1.2, 1.0], &o).unwrap());
    // Starting at the minimum: no iteration, SciPy's counts (f, g, H once each).
    for m in [Method::TrustNcg, Method::TrustKrylov, Method::TrustExact, Method::Dogleg] {
        let o = MinimizeOptions {
            method: m,
            jac: Jac::Fn(&rosen_der),
            hess: Some(&rosen_hess),
            ..Default::default()
        };
        let r = minimize(rosen, &array![1.0, 1.0], &o).unwrap();
        assert_eq!((r.nit, r.nfev, r.njev, r.nhev, r.status), (0, 1, 1, 1, 0), "{m:?}");
        assert_eq!(r.x, array![1.0, 1.0]);
    }
    let sq = |x: &Array1<f64>| (x[0] - 2.0).powi(2);
    let sq_g = |x: &Array1<f64>| array![2.0 * (x[0] - 2.0)];
    let sq_h = |_: &Array1<f64>| array![[2.0]];
    for m in [Method::TrustNcg, Method::TrustKrylov, Method::TrustExact, Method::Dogleg] {
        let o = MinimizeOptions { method: m, jac: Jac::Fn(&sq_g), hess: Some(&sq_h), ..Default::default() };
        let r = minimize(sq, &array![0.0], &o).unwrap();
        assert!(r.success && (r.x[0] - 2.0).abs() < 1e-12, "{m:?}: {r:?}");
    }
}
