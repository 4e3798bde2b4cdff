//! `minimize(method='TNC')` and `fmin_tnc` against SciPy fixtures; bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Callback, FiniteDiff, FminTncOptions, IntermediateResult, Jac, Method, MinimizeOptions,
    OptimizeError, TncOptions, fmin_tnc, minimize, minimize_tnc, rosen, rosen_der,
};
use std::cell::RefCell;
use std::ops::ControlFlow;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_tnc.json")).unwrap()
}

fn v1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

/// Beale's function as the generator computes it (Python's `**` is C's `pow`, correctly
/// rounded for `x**3`, where `powi(3)` rounds twice).
fn beale(x: &Array1<f64>) -> f64 {
    (1.5 - x[0] + x[0] * x[1]).powi(2)
        + (2.25 - x[0] + x[0] * x[1].powf(2.0)).powi(2)
        + (2.625 - x[0] + x[0] * x[1].powf(3.0)).powi(2)
}

fn quad(x: &Array1<f64>) -> f64 {
    x.iter().enumerate().map(|(i, v)| (i as f64 + 1.0) * (v - (i as f64 - 1.0)).powi(2)).sum()
}

fn quad_der(x: &Array1<f64>) -> Array1<f64> {
    Array1::from_shape_fn(x.len(), |i| 2.0 * (i as f64 + 1.0) * (x[i] - (i as f64 - 1.0)))
}

type Grad = dyn Fn(&Array1<f64>) -> Array1<f64>;

fn funs(name: &str) -> (fn(&Array1<f64>) -> f64, Option<&'static Grad>) {
    match name {
        "rosen" => (rosen, Some(&rosen_der)),
        "beale" => (beale, None),
        "quad" => (quad, Some(&quad_der)),
        other => panic!("{other}"),
    }
}

#[test]
fn tnc_matches_scipy() {
    let fx = fixture();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("case")).collect();
    assert_eq!(keys.len(), 28);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let name = fx.str(&c("func"));
        let (f, g) = funs(name);
        let jac = match fx.str(&c("jac")) {
            "fn" => Jac::Fn(g.unwrap()),
            "none" => Jac::Default,
            "2-point" => Jac::FiniteDiff(FiniteDiff::TwoPoint),
            other => panic!("{other}"),
        };
        let opts = fx.get(&c("options"));
        let get_f = |k: &str| opts.get(k).map(|_| fx.f64(&c(&format!("options/{k}"))));
        let get_u = |k: &str| opts.get(k).map(|_| fx.i64(&c(&format!("options/{k}"))) as usize);
        let get_a = |k: &str| opts.get(k).map(|_| v1(&fx, &c(&format!("options/{k}"))));
        let bounds = fx.get(key).get("lb").map(|_| Bounds::new(v1(&fx, &c("lb")), v1(&fx, &c("ub"))));
        let iterates = RefCell::new(Vec::new());
        let cb = |r: &IntermediateResult<'_>| {
            iterates.borrow_mut().push(r.x.clone());
            ControlFlow::Continue(())
        };
        let o = MinimizeOptions {
            method: Method::Tnc,
            jac,
            bounds,
            maxfun: get_u("maxfun"),
            max_cg_it: get_u("maxCGit"),
            eta: get_f("eta"),
            stepmx: get_f("stepmx"),
            accuracy: get_f("accuracy"),
            rescale: get_f("rescale"),
            minfev: get_f("minfev"),
            ftol: get_f("ftol"),
            xtol: get_f("xtol"),
            gtol: get_f("gtol"),
            scale: get_a("scale"),
            offset: get_a("offset"),
            callback: Some(&cb as Callback<'_>),
            ..Default::default()
        };
        let r = minimize(f, &v1(&fx, &c("x0")), &o).unwrap();
        let counts = (r.nit as i64, r.nfev as i64, r.status as i64);
        let scipy = (fx.i64(&c("nit")), fx.i64(&c("nfev")), fx.i64(&c("status")));
        assert_eq!(counts, scipy, "{key} {name}: (nit, nfev, status)");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        // The same iteration step for step: the iterates agree to rounding. case25 (minfev -1)
        // starts to differ in the last bits at its 5th direction, which the finite-difference
        // Hessian products (divided by delta ~ 1e-8) amplify to ~1e-8 relative; the path, counts
        // and status stay SciPy's, the iterates agree to 1e-5.
        let rtol = if key == "case25" { 1e-5 } else { 1e-10 };
        let want: Array2<f64> = fx.array_f64(&c("iterates")).into_dimensionality::<Ix2>().unwrap();
        let got = iterates.borrow();
        assert_eq!(got.len(), want.nrows(), "{key}: callback calls");
        for (k, xk) in got.iter().enumerate() {
            assert_allclose(xk, &want.row(k), rtol, 1e-12);
        }
        assert_allclose(&r.x, &v1(&fx, &c("x")), rtol, 1e-12);
        let fun = fx.f64(&c("fun"));
        let ftol = if key == "case25" { 1e-10 } else { 1e-12 };
        assert!((r.fun - fun).abs() <= ftol * (1.0 + fun.abs()), "{key}: fun {} vs {fun}", r.fun);
        // The gradient at x (NaN at the variables fixed by the bounds, as SciPy's).
        let grad = v1(&fx, &c("grad"));
        let jac = r.jac.unwrap();
        assert_eq!(jac.len(), grad.len());
        for (a, b) in jac.iter().zip(&grad) {
            let gtol = if key == "case25" { 1e-3 } else { 1e-6 };
            assert!(
                a.is_nan() == b.is_nan() && (a.is_nan() || (a - b).abs() <= gtol * (1.0 + b.abs())),
                "{key}"
            );
        }
    }
}

#[test]
fn tnc_all_variables_fixed() {
    let fx = fixture();
    let b = Bounds::from_pairs(&[(1.0, 1.0), (2.0, 2.0)]);
    let o = MinimizeOptions { method: Method::Tnc, bounds: Some(b), ..Default::default() };
    let r = minimize(rosen, &array![0.0, 0.0], &o).unwrap();
    assert_allclose(&r.x, &v1(&fx, "all_fixed/x"), 0.0, 0.0);
    assert_eq!(r.fun, fx.f64("all_fixed/fun"));
    assert_eq!(r.nfev as i64, fx.i64("all_fixed/nfev"));
    assert_eq!(r.message, fx.str("all_fixed/message"));
    assert!(r.success);
}

#[test]
fn fmin_tnc_matches_scipy() {
    let fx = fixture();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("fmin")).collect();
    assert_eq!(keys.len(), 5);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let (f, g) = funs(fx.str(&c("func")));
        let approx = fx.get(&c("approx_grad")).as_bool().unwrap();
        let opts = fx.get(&c("options"));
        let get_f = |k: &str| opts.get(k).map(|_| fx.f64(&c(&format!("options/{k}"))));
        let d = FminTncOptions::default();
        let o = FminTncOptions {
            fprime: if approx { None } else { g },
            bounds: fx.get(key).get("lb").map(|_| Bounds::new(v1(&fx, &c("lb")), v1(&fx, &c("ub")))),
            epsilon: get_f("epsilon").unwrap_or(d.epsilon),
            pgtol: get_f("pgtol").unwrap_or(d.pgtol),
            fmin: get_f("fmin").unwrap_or(d.fmin),
            maxfun: get_f("maxfun").map(|v| v as usize),
            ..d
        };
        let (x, nfeval, rc) = fmin_tnc(f, &v1(&fx, &c("x0")), &o).unwrap();
        assert_eq!((nfeval as i64, rc as i64), (fx.i64(&c("nfeval")), fx.i64(&c("rc"))), "{key}");
        assert_allclose(&x, &v1(&fx, &c("x")), 1e-10, 1e-12);
    }
}

#[test]
fn tnc_non_contiguous_x0_and_direct_call() {
    // A strided view as x0; minimize_tnc directly gives the same as minimize.
    let x0 = array![-1.2, 0.0, 1.0, 0.0];
    let o = TncOptions { jac: Jac::Fn(&rosen_der), ..Default::default() };
    let r = minimize_tnc(rosen, &x0.slice(s![..;2]), &o).unwrap();
    let m = MinimizeOptions { method: Method::Tnc, jac: Jac::Fn(&rosen_der), ..Default::default() };
    let r2 = minimize(rosen, &array![-1.2, 1.0], &m).unwrap();
    assert_eq!(r, r2);
    assert_eq!((r.nit, r.nfev), (25, 83));
}

#[test]
fn tnc_callback_stops() {
    let calls = RefCell::new(0);
    let cb = |_: &IntermediateResult<'_>| {
        *calls.borrow_mut() += 1;
        if *calls.borrow() == 3 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    };
    let o =
        TncOptions { jac: Jac::Fn(&rosen_der), callback: Some(&cb as Callback<'_>), ..Default::default() };
    let r = minimize_tnc(rosen, &array![-1.2, 1.0], &o).unwrap();
    assert_eq!((r.nit, r.status, r.success), (3, 7, false));
    assert_eq!(r.message, "User requested end of minimization");
}

#[test]
fn tnc_nan_objective_does_not_panic() {
    // A NaN objective ends the run through TNC's own tests (no panic, no success).
    let f = |x: &Array1<f64>| if x[0] > -1.0 { f64::NAN } else { rosen(x) };
    let o = TncOptions { jac: Jac::Fn(&rosen_der), ..Default::default() };
    let r = minimize_tnc(f, &array![-1.2, 1.0], &o).unwrap();
    assert!(r.nfev >= 1);
    let r = minimize_tnc(|_: &Array1<f64>| f64::NAN, &array![1.0, 2.0], &TncOptions::default()).unwrap();
    assert!(!r.success || r.fun.is_nan());
}

#[test]
fn tnc_bad_input() {
    type Case = (&'static str, Array1<f64>, MinimizeOptions<'static>, fn(&OptimizeError) -> bool);
    let tnc = |o: MinimizeOptions<'static>| MinimizeOptions { method: Method::Tnc, ..o };
    let d = MinimizeOptions::default;
    let cases: Vec<Case> = vec![
        ("empty x0", array![], tnc(d()), |e| matches!(e, OptimizeError::WrongLength { arg: "x0", .. })),
        (
            "bounds length",
            array![1.0, 2.0],
            tnc(MinimizeOptions { bounds: Some(Bounds::from_pairs(&[(0.0, 1.0); 3])), ..d() }),
            |e| matches!(e, OptimizeError::WrongLength { arg: "bounds.lb", .. }),
        ),
        (
            "lb > ub",
            array![1.0, 2.0],
            tnc(MinimizeOptions { bounds: Some(Bounds::from_pairs(&[(0.0, 1.0), (3.0, 2.0)])), ..d() }),
            |e| matches!(e, OptimizeError::InvalidBounds { index: 1, .. }),
        ),
        (
            "x0 outside bounds with a finite-difference gradient",
            array![5.0, 2.0],
            tnc(MinimizeOptions { bounds: Some(Bounds::from_pairs(&[(0.0, 1.0), (0.0, 3.0)])), ..d() }),
            |e| matches!(e, OptimizeError::InvalidValue { arg: "x0", .. }),
        ),
        ("scale length", array![1.0, 2.0], tnc(MinimizeOptions { scale: Some(array![1.0]), ..d() }), |e| {
            matches!(e, OptimizeError::WrongLength { arg: "scale", .. })
        }),
        (
            "offset length",
            array![1.0, 2.0],
            tnc(MinimizeOptions { offset: Some(array![1.0, 2.0, 3.0]), ..d() }),
            |e| matches!(e, OptimizeError::WrongLength { arg: "offset", .. }),
        ),
        ("NaN eta", array![1.0, 2.0], tnc(MinimizeOptions { eta: Some(f64::NAN), ..d() }), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "eta", .. })
        }),
        ("NaN ftol", array![1.0, 2.0], tnc(MinimizeOptions { ftol: Some(f64::NAN), ..d() }), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "ftol", .. })
        }),
        (
            "option of another method",
            array![1.0, 2.0],
            tnc(MinimizeOptions { maxcor: Some(3), ..d() }),
            |e| matches!(e, OptimizeError::UnsupportedOption { method: "TNC", option: "maxcor" }),
        ),
        ("TNC option on BFGS", array![1.0, 2.0], MinimizeOptions { stepmx: Some(3.0), ..d() }, |e| {
            matches!(e, OptimizeError::UnsupportedOption { method: "BFGS", option: "stepmx" })
        }),
    ];
    for (what, x0, o, check) in cases {
        let e = minimize(rosen, &x0, &o).unwrap_err();
        assert!(check(&e), "{what}: {e:?}");
    }
    // fmin_tnc: the same checks.
    let o = FminTncOptions { bounds: Some(Bounds::from_pairs(&[(2.0, 1.0)])), ..Default::default() };
    assert!(matches!(fmin_tnc(rosen, &array![1.0], &o), Err(OptimizeError::InvalidBounds { .. })));
    let o = FminTncOptions { accuracy: f64::NAN, ..Default::default() };
    assert!(matches!(
        fmin_tnc(rosen, &array![1.0], &o),
        Err(OptimizeError::InvalidValue { arg: "accuracy", .. })
    ));
}
