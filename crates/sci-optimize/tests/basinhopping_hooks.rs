//! basinhopping's `take_step` and `accept_test` hooks against SciPy: every hook call, every
//! callback call and the result, bit for bit (Nelder-Mead local minimizations), with
//! deterministic steps from tools/fixtures/optimize_basinhopping_hooks.py.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    AcceptDecision, BasinhoppingOptions, Method, MinimizeOptions, OptimizeError, StepOutcome, TakeStep,
    basinhopping,
};
use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;

fn wavy1(x: &Array1<f64>) -> f64 {
    (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0]
}

fn wavy2(x: &Array1<f64>) -> f64 {
    (14.5 * x[0] - 0.3).cos() + (x[1] + 0.2) * x[1] + (x[0] + 0.2) * x[0]
}

fn himmelblau(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (a * a + b - 11.0) * (a * a + b - 11.0) + (a + b * b - 7.0) * (a + b * b - 7.0)
}

fn func(name: &str) -> fn(&Array1<f64>) -> f64 {
    match name {
        "wavy1" => wavy1,
        "wavy2" => wavy2,
        "himmelblau" => himmelblau,
        other => panic!("unknown function {other}"),
    }
}

/// The generator's integer congruential sequence mapped to [-1, 1).
fn lcg_unit(k: u64) -> f64 {
    ((1103515245 * k + 12345) % 65536) as f64 / 32768.0 - 1.0
}

/// Every hook call of one run.
#[derive(Default)]
struct Recorder {
    steps: RefCell<Vec<(Array1<f64>, f64)>>,
    reports: RefCell<Vec<(bool, f64, Array1<f64>, f64, Array1<f64>)>>,
    tests: RefCell<Vec<(f64, Array1<f64>, f64, Array1<f64>, AcceptDecision)>>,
    callbacks: RefCell<Vec<(Array1<f64>, f64, bool)>>,
}

impl Recorder {
    fn step(&self, x: &mut Array1<f64>, scale: f64, sized: bool) {
        let mut steps = self.steps.borrow_mut();
        steps.push((x.clone(), if sized { scale } else { f64::NAN }));
        let k = steps.len() as u64;
        for (i, v) in x.iter_mut().enumerate() {
            *v += scale * lcg_unit(k * 7 + i as u64);
        }
    }

    fn report(&self, accept: bool, s: &StepOutcome<'_>) {
        self.reports.borrow_mut().push((accept, s.f_new, s.x_new.clone(), s.f_old, s.x_old.clone()));
    }
}

/// The generator's SizedStep / SizedStepReport / PlainStepReport.
struct FixtureStep<'r> {
    rec: &'r Recorder,
    stepsize: Cell<f64>,
    sized: bool,
}

impl TakeStep for FixtureStep<'_> {
    fn take_step(&self, x: &mut Array1<f64>) {
        self.rec.step(x, self.stepsize.get(), self.sized);
    }

    fn stepsize(&self) -> Option<&Cell<f64>> {
        self.sized.then_some(&self.stepsize)
    }

    // Recorded always; SciPy (and basinhopping) call it only without a stepsize.
    fn report(&self, accept: bool, step: &StepOutcome<'_>) {
        self.rec.report(accept, step);
    }
}

/// The generator's accept rules on (f_new, x_new, f_old, x_old, call number).
fn rule(name: &str, f_new: f64, x_new: &Array1<f64>, f_old: f64, n: usize) -> AcceptDecision {
    match name {
        "box" => x_new.iter().all(|v| v.abs() <= 1.0).into(),
        "force_every_third" if n % 3 == 0 => AcceptDecision::ForceAccept,
        "force_every_third" => AcceptDecision::Accept,
        "never" => AcceptDecision::Reject,
        "mixed" if f_new > f_old + 1.0 => AcceptDecision::ForceAccept,
        "mixed" => (x_new[0] > -1.5).into(),
        other => panic!("unknown rule {other}"),
    }
}

fn rows(fx: &Fixture, key: &str) -> Array2<f64> {
    fx.array_f64(key).into_dimensionality::<Ix2>().unwrap()
}

fn check_rows(fx: &Fixture, key: &str, name: &str, got: &[Array1<f64>]) {
    let want = rows(fx, &format!("{key}/{name}"));
    assert_eq!(got.len(), want.nrows(), "{key}: {name} count");
    for (k, x) in got.iter().enumerate() {
        assert_eq!(x, &want.row(k), "{key}: {name} {k}");
    }
}

fn check_values(fx: &Fixture, key: &str, name: &str, got: &[f64]) {
    let want = fx.array_f64(&format!("{key}/{name}"));
    assert_eq!(got.len(), want.len(), "{key}: {name} count");
    for (k, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        assert!(g == w || g.is_nan() && w.is_nan(), "{key}: {name} {k}: {g} vs {w}");
    }
}

fn check_flags(fx: &Fixture, key: &str, name: &str, got: &[i64]) {
    assert_eq!(got, fx.array_i64(&format!("{key}/{name}")).as_slice().unwrap(), "{key}: {name}");
}

fn decision_code(d: AcceptDecision) -> i64 {
    match d {
        AcceptDecision::Reject => 0,
        AcceptDecision::Accept => 1,
        AcceptDecision::ForceAccept => 2,
    }
}

#[test]
fn basinhopping_hooks_match_scipy() {
    let fx = Fixture::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/optimize_basinhopping_hooks.json"
    ))
    .unwrap();
    let mut n = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let opts = fx.get(&c("opts"));
        let rec = Recorder::default();
        let scale = fx.f64(&c("step_scale"));
        let step_kind = fx.str(&c("step"));
        let sized =
            FixtureStep { rec: &rec, stepsize: Cell::new(scale), sized: step_kind.starts_with("sized") };
        let closure = |x: &mut Array1<f64>| rec.step(x, scale, false);
        let take_step: Option<&dyn TakeStep> = match step_kind {
            "none" => None,
            "plain" => Some(&closure),
            "sized" | "sized_report" | "plain_report" => Some(&sized),
            other => panic!("unknown step {other}"),
        };
        let (rule_name, new_style) = (fx.str(&c("test")), fx.str(&c("style")) == "new");
        let test = |s: &StepOutcome<'_>| {
            let (f_new, x_new, f_old, x_old) = if new_style {
                (s.res_new.fun, &s.res_new.x, s.res_old.fun, &s.res_old.x)
            } else {
                (s.f_new, s.x_new, s.f_old, s.x_old)
            };
            let n = rec.tests.borrow().len() + 1;
            let d = rule(rule_name, f_new, x_new, f_old, n);
            rec.tests.borrow_mut().push((f_new, x_new.clone(), f_old, x_old.clone(), d));
            d
        };
        let cb = |x: &Array1<f64>, f: f64, accept: bool| {
            rec.callbacks.borrow_mut().push((x.clone(), f, accept));
            ControlFlow::Continue(())
        };
        let usize_opt = |k: &str| opts.get(k).and_then(|v| v.as_u64()).map(|m| m as usize);
        let f64_opt = |k: &str, d: f64| opts.get(k).and_then(|v| v.as_f64()).unwrap_or(d);
        let o = BasinhoppingOptions {
            niter: usize_opt("niter").unwrap_or(100),
            seed: opts.get("rng").and_then(|v| v.as_u64()),
            t: f64_opt("T", 1.0),
            stepsize: f64_opt("stepsize", 0.5),
            interval: usize_opt("interval").unwrap_or(50),
            niter_success: usize_opt("niter_success"),
            target_accept_rate: f64_opt("target_accept_rate", 0.5),
            stepwise_factor: f64_opt("stepwise_factor", 0.9),
            minimizer: MinimizeOptions { method: Method::NelderMead, ..Default::default() },
            callback: Some(&cb),
            take_step,
            accept_test: (rule_name != "none").then_some(&test),
        };
        let x0 = fx.array_f64(&c("x0")).into_dimensionality::<Ix1>().unwrap();
        let r = basinhopping(func(fx.str(&c("func"))), &x0, &o).unwrap();

        let steps = rec.steps.borrow();
        check_rows(&fx, &key, "step_x", &steps.iter().map(|s| s.0.clone()).collect::<Vec<_>>());
        check_values(&fx, &key, "step_size", &steps.iter().map(|s| s.1).collect::<Vec<_>>());
        let reports = rec.reports.borrow();
        check_flags(&fx, &key, "report_accept", &reports.iter().map(|r| i64::from(r.0)).collect::<Vec<_>>());
        check_values(&fx, &key, "report_f_new", &reports.iter().map(|r| r.1).collect::<Vec<_>>());
        check_rows(&fx, &key, "report_x_new", &reports.iter().map(|r| r.2.clone()).collect::<Vec<_>>());
        check_values(&fx, &key, "report_f_old", &reports.iter().map(|r| r.3).collect::<Vec<_>>());
        check_rows(&fx, &key, "report_x_old", &reports.iter().map(|r| r.4.clone()).collect::<Vec<_>>());
        let tests = rec.tests.borrow();
        check_values(&fx, &key, "test_f_new", &tests.iter().map(|t| t.0).collect::<Vec<_>>());
        check_rows(&fx, &key, "test_x_new", &tests.iter().map(|t| t.1.clone()).collect::<Vec<_>>());
        check_values(&fx, &key, "test_f_old", &tests.iter().map(|t| t.2).collect::<Vec<_>>());
        check_rows(&fx, &key, "test_x_old", &tests.iter().map(|t| t.3.clone()).collect::<Vec<_>>());
        check_flags(
            &fx,
            &key,
            "test_decision",
            &tests.iter().map(|t| decision_code(t.4)).collect::<Vec<_>>(),
        );
        let calls = rec.callbacks.borrow();
        check_rows(&fx, &key, "cb_x", &calls.iter().map(|t| t.0.clone()).collect::<Vec<_>>());
        check_values(&fx, &key, "cb_f", &calls.iter().map(|t| t.1).collect::<Vec<_>>());
        check_flags(&fx, &key, "cb_accept", &calls.iter().map(|t| i64::from(t.2)).collect::<Vec<_>>());

        let want_size = fx.f64(&c("final_stepsize"));
        if sized.sized {
            assert_eq!(sized.stepsize.get(), want_size, "{key}: final stepsize");
        } else {
            assert!(want_size.is_nan(), "{key}: SciPy's step has a stepsize");
        }
        assert_eq!(
            (r.nit as i64, r.nfev as i64),
            (fx.i64(&c("nit")), fx.i64(&c("nfev"))),
            "{key}: nit, nfev"
        );
        assert_eq!(r.minimization_failures as i64, fx.i64(&c("minimization_failures")), "{key}: failures");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}: success");
        assert_eq!(r.message, fx.str(&c("message")), "{key}: message");
        assert_eq!(r.fun, fx.f64(&c("fun")), "{key}: fun");
        assert_eq!(r.x, fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap(), "{key}: x");
        n += 1;
    }
    assert!(n >= 13, "only {n} cases");
}

#[test]
fn basinhopping_hooks_bad_input() {
    let sphere = |x: &Array1<f64>| x.dot(x);
    let grow = |x: &mut Array1<f64>| *x = Array1::zeros(x.len() + 1);
    let shrink = |x: &mut Array1<f64>| *x = Array1::zeros(0);
    let table: Vec<(&dyn TakeStep, usize)> = vec![(&grow, 3), (&shrink, 0)];
    for (step, found) in table {
        let o = BasinhoppingOptions { niter: 3, seed: Some(0), take_step: Some(step), ..Default::default() };
        let e = basinhopping(sphere, &array![1.0, 2.0], &o).unwrap_err();
        assert_eq!(e, OptimizeError::WrongLength { arg: "take_step", expected: 2, found });
    }
}
