//! The callbacks of the global optimizers against SciPy: where they are called, with what,
//! and how a stop ends the run.

use sci_array::ndarray::{Array1, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    DifferentialEvolutionIntermediate, DifferentialEvolutionOptions, Updating, differential_evolution,
};
use std::cell::RefCell;
use std::ops::ControlFlow;

fn sphere(x: &Array1<f64>) -> f64 {
    x.iter().fold(0.0, |s, &v| s + v * v)
}

fn rastrigin(x: &Array1<f64>) -> f64 {
    x.iter().fold(10.0 * x.len() as f64, |s, &v| s + (v * v - 10.0 * (2.0 * std::f64::consts::PI * v).cos()))
}

fn himmelblau(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (a * a + b - 11.0) * (a * a + b - 11.0) + (a + b * b - 7.0) * (a + b * b - 7.0)
}

fn func(name: &str) -> fn(&Array1<f64>) -> f64 {
    match name {
        "sphere" => sphere,
        "rastrigin" => rastrigin,
        "himmelblau" => himmelblau,
        other => panic!("unknown function {other}"),
    }
}

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_global_callback.json"))
        .unwrap()
}

/// (x, fun, convergence, nit, nfev) of one call.
type DeCall = (Array1<f64>, f64, f64, usize, usize);

#[test]
fn differential_evolution_callback_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("de_")) {
        let c = |k: &str| format!("{key}/{k}");
        let bounds: Vec<(f64, f64)> = fx
            .array_f64(&c("bounds"))
            .into_dimensionality::<Ix2>()
            .unwrap()
            .rows()
            .into_iter()
            .map(|r| (r[0], r[1]))
            .collect();
        let stop_at = fx.i64(&c("stop_at"));
        let stop_below = fx.f64(&c("stop_below"));
        let calls: RefCell<Vec<DeCall>> = RefCell::new(Vec::new());
        let cb = |r: &DifferentialEvolutionIntermediate<'_>| {
            let mut v = calls.borrow_mut();
            v.push((r.x.clone(), r.fun, r.convergence, r.nit, r.nfev));
            if v.len() as i64 == stop_at || r.fun < stop_below {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let opts = fx.get(&c("opts"));
        let mut o = DifferentialEvolutionOptions {
            seed: opts.get("rng").and_then(|v| v.as_u64()),
            polish: opts.get("polish").and_then(|v| v.as_bool()).unwrap_or(true),
            callback: Some(&cb),
            ..Default::default()
        };
        if let Some(m) = opts.get("maxiter").and_then(|v| v.as_u64()) {
            o.maxiter = m as usize;
        }
        if opts.get("updating").and_then(|v| v.as_str()) == Some("deferred") {
            o.updating = Updating::Deferred;
        }
        let r = differential_evolution(func(fx.str(&c("func"))), &bounds, &o).unwrap();
        let calls = calls.into_inner();
        assert_eq!(calls.len() as i64, fx.i64(&c("calls")), "{key}: calls");
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
        assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        assert_eq!(r.message, fx.str(&c("message")), "{key}: message");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}: success");
        // The path without polishing is SciPy's bit for bit; polishing (L-BFGS-B) agrees closely.
        let polished = opts.get("polish").and_then(|v| v.as_bool()).unwrap_or(true);
        let rtol = if polished { 1e-7 } else { 0.0 };
        assert_allclose(&r.x, &fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap(), rtol, 1e-12);
        if !calls.is_empty() {
            let want_x = fx.array_f64(&c("cb_x")).into_dimensionality::<Ix2>().unwrap();
            for (k, (x, fun, conv, nit, nfev)) in calls.iter().enumerate() {
                assert_eq!(x, &want_x.row(k), "{key}: call {k} x");
                assert_eq!(*fun, fx.array_f64(&c("cb_fun"))[[k]], "{key}: call {k} fun");
                assert_eq!(*conv, fx.array_f64(&c("cb_convergence"))[[k]], "{key}: call {k} convergence");
                assert_eq!(*nit as i64, fx.array_i64(&c("cb_nit"))[[k]], "{key}: call {k} nit");
                assert_eq!(*nfev as i64, fx.array_i64(&c("cb_nfev"))[[k]], "{key}: call {k} nfev");
            }
        }
        n += 1;
    }
    assert!(n >= 9, "only {n} cases");
}
