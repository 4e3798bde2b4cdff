//! least_squares with a callable loss against SciPy
//! (`tools/fixtures/optimize_lsq_loss_callable.py`): a power loss and 'cauchy' as a callable,
//! with trf (free, bounded, lsmr) and dogbox.

use sci_array::ndarray::{Array1, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_optimize::{LeastSquaresOptions, Loss, LossFn, LsqJac, LsqMethod, TrSolver, least_squares};

mod lsq_problems;
use lsq_problems::{cauchy_loss, rosen, rosen_jac, run_case_with, v};

#[test]
fn callable_loss_matches_scipy() {
    let fx = lsq_problems::load("optimize_lsq_loss_callable");
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let method = if fx.str(&c("method")) == "dogbox" { LsqMethod::Dogbox } else { LsqMethod::Trf };
        let tr_solver = (fx.str(&c("tr_solver")) == "lsmr").then_some(TrSolver::Lsmr);
        let r = run_case_with(&fx, name, method, false, tr_solver, None);
        // The tolerances of tests/least_squares.rs (the same iterations; finite differences in
        // run03 amplify last-bit differences by 1/h).
        let x = v(&fx, &c("x"));
        let scale = x.iter().fold(1.0f64, |a, v| a.max(v.abs()));
        assert_allclose(&r.x, &x, 1e-7, 1e-9 * scale);
        assert_allclose(&r.fun, &v(&fx, &c("fun")), 1e-6, 1e-7);
        let cost = fx.f64(&c("cost"));
        assert!((r.cost - cost).abs() <= 1e-8 * cost + 1e-15, "{name}: cost {} vs {cost}", r.cost);
        let jac_out = fx.array_f64(&c("jac_out")).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&r.jac.to_dense(), &jac_out, 1e-5, 1e-7);
        assert_allclose(&r.grad, &v(&fx, &c("grad")), 1e-3, 1e-6);
        let active = fx.array_i64(&c("active_mask")).into_dimensionality::<Ix1>().unwrap();
        assert_eq!(r.active_mask.mapv(i64::from), active, "{name}: active_mask");
        assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{name}: nfev");
        assert_eq!(r.njev.map_or(-1, |n| n as i64), fx.i64(&c("njev")), "{name}: njev");
        assert_eq!(i64::from(r.status), fx.i64(&c("status")), "{name}: status");
        assert_eq!(r.message, fx.str(&c("message")), "{name}: message");
        checked += 1;
    }
    assert_eq!(checked, 8);
}

#[test]
fn callable_cauchy_is_the_named_cauchy() {
    // The same formulas, so the same run to the last bit, f_scale applied around the callable.
    for method in [LsqMethod::Trf, LsqMethod::Dogbox] {
        let named = LeastSquaresOptions {
            method,
            jac: LsqJac::Fn(&rosen_jac),
            loss: Loss::Cauchy,
            f_scale: 0.3,
            ..Default::default()
        };
        let callable = LeastSquaresOptions { loss: Loss::Callable(LossFn(&cauchy_loss)), ..named.clone() };
        let a = least_squares(rosen, &array![-1.2, 1.0], &named).unwrap();
        let b = least_squares(rosen, &array![-1.2, 1.0], &callable).unwrap();
        assert_eq!((a.x, a.cost, a.fun, a.nfev, a.status), (b.x, b.cost, b.fun, b.nfev, b.status));
    }
    let wrong = |z: &Array1<f64>| sci_array::ndarray::Array2::zeros((2, z.len()));
    assert_ne!(Loss::Callable(LossFn(&wrong)), Loss::Callable(LossFn(&cauchy_loss)));
    assert_eq!(format!("{:?}", Loss::Callable(LossFn(&wrong))), "Callable(LossFn(..))");
}
