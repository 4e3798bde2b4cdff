//! least_squares' callback on 'trf' and 'dogbox' against SciPy
//! (`tools/fixtures/optimize_lsq_callback.py`): the (nit, nfev, cost, x, fun) of every call, the
//! result of the full run, and a callback that stops the run at its second call (status -2).

use sci_array::ndarray::{Array1, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_optimize::{LSQ_CALLBACK_STOP, LeastSquaresOptions, LsqCallback, LsqIntermediateResult};
use std::cell::RefCell;
use std::ops::ControlFlow;

mod lsq_problems;
use lsq_problems::{assert_matches_scipy, run_fixture_case, v};

/// One callback call: (nit, nfev, cost, x, fun).
type Call = (usize, usize, f64, Array1<f64>, Array1<f64>);

#[test]
fn least_squares_callback_matches_scipy() {
    let fx = lsq_problems::load("optimize_lsq_callback");
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let stop_at = fx.i64(&c("stop_at")) as usize;
        let calls: RefCell<Vec<Call>> = RefCell::new(Vec::new());
        let cb = |r: &LsqIntermediateResult<'_>| {
            let mut calls = calls.borrow_mut();
            calls.push((r.nit, r.nfev, r.cost, r.x.clone(), r.fun.clone()));
            if calls.len() == stop_at { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        };
        let r = run_fixture_case(&fx, name, Some(LsqCallback(&cb)));
        let calls = calls.into_inner();
        // Same iterations, so the counts agree exactly. The values agree to the tolerances of
        // least_squares.rs: the finite-difference Jacobian (run01) amplifies last-bit
        // differences by 1/h ~ 1e8, and SciPy's Huber rescaling `rho' + 2 rho'' z` of an outlier
        // is a cancellation to ~eps (then clipped at eps), so run04 moves x by ~1e-8.
        let tol = |x: &Array1<f64>| (1e-7, 1e-9 * x.iter().fold(1.0f64, |a, v| a.max(v.abs())));
        let (frtol, fatol) = (1e-6, 1e-7); // the cost too, relative

        let nit = fx.array_i64(&c("cb_nit")).into_dimensionality::<Ix1>().unwrap();
        let nfev = fx.array_i64(&c("cb_nfev")).into_dimensionality::<Ix1>().unwrap();
        let cost = v(&fx, &c("cb_cost"));
        let xs = fx.array_f64(&c("cb_x")).into_dimensionality::<Ix2>().unwrap();
        let funs = fx.array_f64(&c("cb_fun")).into_dimensionality::<Ix2>().unwrap();
        if name == "run05" {
            for (k, cl) in calls.iter().enumerate() {
                eprintln!("{k} {} {} {:.12e} {:?}", cl.0, cl.1, cl.2, cl.3.to_vec());
            }
            eprintln!("{nfev} {cost} {xs}");
        }
        assert_eq!(calls.len(), nit.len(), "{name}: number of calls");
        for (k, (it, fe, co, x, f)) in calls.iter().enumerate() {
            assert_eq!((*it as i64, *fe as i64), (nit[k], nfev[k]), "{name}: call {k} (nit, nfev)");
            assert!(
                (co - cost[k]).abs() <= 1e-6 * cost[k].abs() + 1e-15,
                "{name}: call {k} cost {co} vs {}",
                cost[k]
            );
            let (rtol, atol) = tol(x);
            assert_allclose(x, &xs.row(k), rtol, atol);
            assert_allclose(f, &funs.row(k), frtol, fatol);
        }

        assert_matches_scipy(&fx, name, &r);
        let opt = fx.f64(&c("optimality"));
        assert!(
            (r.optimality - opt).abs() <= 1e-3 * opt + 1e-6,
            "{name}: optimality {} vs {opt}",
            r.optimality
        );
        if stop_at > 0 {
            assert_eq!((r.status, r.message.as_str()), (-2, LSQ_CALLBACK_STOP));
        }
        checked += 1;
    }
    assert_eq!(checked, 32);
}

#[test]
fn options_debug_names_the_callback() {
    // `lm` with a callback is a row of least_squares.rs' bad-input table.
    let cb = |_: &LsqIntermediateResult<'_>| ControlFlow::Continue(());
    let opts = LeastSquaresOptions { callback: Some(LsqCallback(&cb)), ..Default::default() };
    assert!(format!("{opts:?}").contains("callback: Some(LsqCallback(..))"));
    assert!(format!("{:?}", LeastSquaresOptions::default()).contains("callback: None"));
}
