//! The least-squares test problems of `tools/fixtures/_lsq_problems.py` (Rosenbrock residuals,
//! an exponential fit with outliers, an underdetermined system) and the runner shared by the
//! trf/lm and dogbox fixture tests.
#![allow(dead_code)] // each test file uses part of it

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, FiniteDiff, LeastSquaresOptions, LeastSquaresResult, Loss, LossFn, LsqCallback, LsqJac,
    LsqMethod, TrSolver, XScale, least_squares,
};

/// Reads tests/fixtures/<name>.json.
pub fn load(name: &str) -> Fixture {
    Fixture::load(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A 1-d float array from the fixture.
pub fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

pub fn rosen(x: &Array1<f64>) -> Array1<f64> {
    array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]]
}

pub fn rosen_jac(x: &Array1<f64>) -> Array2<f64> {
    array![[-20.0 * x[0], 10.0], [-1.0, 0.0]]
}

pub fn under(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] * x[0] + 2.0 * x[1] * x[1] + x[2] - 4.0]
}

pub fn under_jac(x: &Array1<f64>) -> Array2<f64> {
    array![[2.0 * x[0], 4.0 * x[1], 1.0]]
}

/// `((1 + z)^0.75 - 1) / 0.75` and its derivatives: the callable loss of
/// `optimize_lsq_loss_callable.py`.
pub fn power_loss(z: &Array1<f64>) -> Array2<f64> {
    const P: f64 = 0.75;
    Array2::from_shape_fn((3, z.len()), |(k, i)| {
        let t = 1.0 + z[i];
        [(t.powf(P) - 1.0) / P, t.powf(P - 1.0), (P - 1.0) * t.powf(P - 2.0)][k]
    })
}

/// SciPy's 'cauchy' written as a callable loss.
pub fn cauchy_loss(z: &Array1<f64>) -> Array2<f64> {
    Array2::from_shape_fn((3, z.len()), |(k, i)| {
        let t = 1.0 + z[i];
        [z[i].ln_1p(), 1.0 / t, -1.0 / (t * t)][k]
    })
}

/// SciPy's loss name as a [`Loss`] ("power" and "cauchy_fn": the callable losses above).
pub fn loss(name: &str) -> Loss<'static> {
    match name {
        "power" => Loss::Callable(LossFn(&power_loss)),
        "cauchy_fn" => Loss::Callable(LossFn(&cauchy_loss)),
        "linear" => Loss::Linear,
        "soft_l1" => Loss::SoftL1,
        "huber" => Loss::Huber,
        "cauchy" => Loss::Cauchy,
        _ => Loss::Arctan,
    }
}

/// Runs fixture case `name` (problem, jac, bounds, loss, f_scale, x_scale, max_nfev and, when
/// the fixture has it, diff_step) with `method`.
pub fn run_case(fx: &Fixture, name: &str, method: LsqMethod, with_diff_step: bool) -> LeastSquaresResult {
    run_case_with(fx, name, method, with_diff_step, None, None)
}

/// [`run_case_with`] with the case's own `method` ("trf" or "dogbox") and `tr_solver` ("exact"
/// or "lsmr").
pub fn run_fixture_case(fx: &Fixture, name: &str, callback: Option<LsqCallback<'_>>) -> LeastSquaresResult {
    let method =
        if fx.str(&format!("{name}/method")) == "dogbox" { LsqMethod::Dogbox } else { LsqMethod::Trf };
    let tr_solver = (fx.str(&format!("{name}/tr_solver")) == "lsmr").then_some(TrSolver::Lsmr);
    run_case_with(fx, name, method, false, tr_solver, callback)
}

/// [`run_case`] with a trust-region solver and a callback.
pub fn run_case_with(
    fx: &Fixture,
    name: &str,
    method: LsqMethod,
    with_diff_step: bool,
    tr_solver: Option<TrSolver>,
    callback: Option<LsqCallback<'_>>,
) -> LeastSquaresResult {
    let (t, y) = (v(fx, "expfit_t"), v(fx, "expfit_y"));
    let expfit = |x: &Array1<f64>| t.mapv(|ti| x[0] + x[1] * (x[2] * ti).exp()) - &y;
    let expfit_jac = |x: &Array1<f64>| {
        let mut j = Array2::ones((t.len(), 3));
        for (i, &ti) in t.iter().enumerate() {
            let e = (x[2] * ti).exp();
            j[[i, 1]] = e;
            j[[i, 2]] = x[1] * ti * e;
        }
        j
    };
    let c = |k: &str| format!("{name}/{k}");
    let problem = fx.str(&c("problem")).to_string();
    let analytic: &dyn Fn(&Array1<f64>) -> Array2<f64> = match problem.as_str() {
        "rosen" => &rosen_jac,
        "expfit" => &expfit_jac,
        _ => &under_jac,
    };
    let jac = match fx.str(&c("jac")) {
        "2-point" => LsqJac::FiniteDiff(FiniteDiff::TwoPoint),
        "3-point" => LsqJac::FiniteDiff(FiniteDiff::ThreePoint),
        _ => LsqJac::Fn(analytic),
    };
    let (lb, ub) = (v(fx, &c("lb")), v(fx, &c("ub")));
    let bounded = lb.iter().chain(&ub).any(|b| b.is_finite());
    let opts = LeastSquaresOptions {
        method,
        jac,
        bounds: bounded.then(|| Bounds::new(lb, ub)),
        loss: loss(fx.str(&c("loss"))),
        f_scale: fx.f64(&c("f_scale")),
        x_scale: match fx.str(&c("x_scale")) {
            "jac" => Some(XScale::Jac),
            "array" => Some(XScale::Array(v(fx, &c("x_scale_values")))),
            _ => None,
        },
        diff_step: if with_diff_step { Some(v(fx, &c("diff_step"))).filter(|d| !d.is_empty()) } else { None },
        max_nfev: Some(fx.i64(&c("max_nfev")) as usize).filter(|&m| m > 0),
        tr_solver,
        callback,
        ..Default::default()
    };
    let x0 = v(fx, &c("x0"));
    match problem.as_str() {
        "rosen" => least_squares(rosen, &x0, &opts),
        "expfit" => least_squares(expfit, &x0, &opts),
        _ => least_squares(under, &x0, &opts),
    }
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Checks `r` against fixture case `name` (x, fun, cost, jac, grad, active_mask, counts, status
/// and message). Same iteration, so the counts and flags agree exactly. With an analytic
/// Jacobian x agrees to a few ulp; with finite differences the last-bit differences of `exp`
/// (libm vs NumPy's SIMD) are amplified by 1/h ~ 1e8 in the Jacobian, and x agrees to ~6e-8
/// (expfit_bounded_linear), the residuals to ~2e-9 absolute.
pub fn assert_matches_scipy(fx: &Fixture, name: &str, r: &LeastSquaresResult) {
    let c = |k: &str| format!("{name}/{k}");
    let x = v(fx, &c("x"));
    let scale = x.iter().fold(1.0f64, |a, v| a.max(v.abs()));
    assert_allclose(&r.x, &x, 1e-7, 1e-9 * scale);
    assert_allclose(&r.fun, &v(fx, &c("fun")), 1e-6, 1e-7);
    let cost = fx.f64(&c("cost"));
    assert!((r.cost - cost).abs() <= 1e-8 * cost + 1e-15, "{name}: cost {} vs {cost}", r.cost);
    let jac_out = fx.array_f64(&c("jac_out")).into_dimensionality::<Ix2>().unwrap();
    assert_allclose(&r.jac.to_dense(), &jac_out, 1e-5, 1e-7);
    // The gradient at the optimum is a difference of nearly cancelling terms.
    assert_allclose(&r.grad, &v(fx, &c("grad")), 1e-3, 1e-6);
    let active = fx.array_i64(&c("active_mask")).into_dimensionality::<Ix1>().unwrap();
    assert_eq!(r.active_mask.mapv(i64::from), active, "{name}: active_mask");
    assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{name}: nfev");
    assert_eq!(r.njev.map_or(-1, |n| n as i64), fx.i64(&c("njev")), "{name}: njev");
    assert_eq!(i64::from(r.status), fx.i64(&c("status")), "{name}: status");
    assert_eq!(r.message, fx.str(&c("message")), "{name}: message");
    assert_eq!(r.success, r.status > 0);
}
