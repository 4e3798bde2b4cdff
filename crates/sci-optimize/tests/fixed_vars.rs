//! `minimize` (SLSQP, L-BFGS-B) with variables fixed by the bounds (`lb == ub`) against
//! SciPy fixtures: removed before the solver when finite differences are needed, put back in
//! `x` and as NaN in `jac`; all fixed: `f(lb)` with SciPy's messages. Bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Callback, Constraint, ConstraintDict, ConstraintType, IntermediateResult, Jac, LinearConstraint,
    Method, MinimizeOptions, NonlinearConstraint, OptimizeError, minimize, rosen, rosen_der,
};
use std::cell::RefCell;
use std::ops::ControlFlow;

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_fixed_vars.json")).unwrap()
}

fn v1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

fn eq(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] + x[1] + x[2] - 1.5]
}

fn ineq(x: &Array1<f64>) -> Array1<f64> {
    array![1.0 - x[0].powi(2) - x[2]]
}

fn ineq_jac(x: &Array1<f64>) -> Array2<f64> {
    array![[-2.0 * x[0], 0.0, -1.0]]
}

fn sq(x: &Array1<f64>) -> Array1<f64> {
    array![x[0].powi(2) + x[1].powi(2) + x[2].powi(2)]
}

fn lin() -> LinearConstraint {
    LinearConstraint::new(
        array![[1.0, 1.0, 1.0], [1.0, -1.0, 0.0]],
        array![f64::NEG_INFINITY, -0.2],
        array![1.6, 0.2],
    )
}

fn b1() -> Bounds {
    Bounds::from_pairs(&[(0.0, 2.0), (0.5, 0.5), (0.0, 2.0)])
}

fn all_fixed(x0: f64) -> Bounds {
    Bounds::from_pairs(&[(x0, x0), (0.5, 0.5), (0.2, 0.2)])
}

/// The generator's problems: (method, jac given, bounds, constraints).
fn problem(name: &str) -> (Method, bool, Bounds, Vec<Constraint<'static>>) {
    let d = |kind, f: &'static dyn Fn(&Array1<f64>) -> Array1<f64>| -> Constraint<'static> {
        ConstraintDict::new(kind, f).into()
    };
    let ineq_with_jac =
        ConstraintDict { kind: ConstraintType::Ineq, fun: &ineq, jac: Some(&ineq_jac) }.into();
    match name {
        "slsqp_bounds_fd" => (Method::Slsqp, false, b1(), vec![]),
        "slsqp_bounds_jac" => (Method::Slsqp, true, b1(), vec![]),
        "slsqp_eq_fd" => (Method::Slsqp, false, b1(), vec![d(ConstraintType::Eq, &eq)]),
        "slsqp_ineq_con_fd" => (Method::Slsqp, true, b1(), vec![d(ConstraintType::Ineq, &ineq)]),
        "slsqp_ineq_con_jac" => (Method::Slsqp, true, b1(), vec![ineq_with_jac]),
        "slsqp_eq_ineq_fd" => {
            (Method::Slsqp, false, b1(), vec![d(ConstraintType::Eq, &eq), d(ConstraintType::Ineq, &ineq)])
        }
        "slsqp_nonlinear" => (
            Method::Slsqp,
            true,
            b1(),
            vec![NonlinearConstraint::new(&sq, array![f64::NEG_INFINITY], array![1.2]).into()],
        ),
        "slsqp_linear_fd" => (Method::Slsqp, false, b1(), vec![lin().into()]),
        "slsqp_two_fixed" => (
            Method::Slsqp,
            false,
            Bounds::from_pairs(&[(0.7, 0.7), (0.0, 2.0), (0.4, 0.4)]),
            vec![d(ConstraintType::Ineq, &ineq)],
        ),
        "slsqp_all_fixed" => (Method::Slsqp, false, all_fixed(1.0), vec![]),
        "slsqp_all_fixed_ok" => (Method::Slsqp, false, all_fixed(0.5), vec![d(ConstraintType::Ineq, &ineq)]),
        "slsqp_all_fixed_bad" => {
            (Method::Slsqp, false, all_fixed(1.0), vec![d(ConstraintType::Eq, &eq), lin().into()])
        }
        "lbfgsb_fd" => (Method::LBfgsB, false, b1(), vec![]),
        "lbfgsb_jac" => (Method::LBfgsB, true, b1(), vec![]),
        "lbfgsb_all_fixed" => (Method::LBfgsB, false, all_fixed(1.0), vec![]),
        _ => panic!("unknown case {name}"),
    }
}

#[test]
fn fixed_variables_match_scipy() {
    let fx = fixture();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k != "_meta").collect();
    assert_eq!(keys.len(), 15);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let (method, jac, bounds, constraints) = problem(key);
        let seen = RefCell::new(Vec::<Array1<f64>>::new());
        let cb = |r: &IntermediateResult<'_>| {
            seen.borrow_mut().push(r.x.clone());
            ControlFlow::Continue(())
        };
        let o = MinimizeOptions {
            method,
            jac: if jac { Jac::Fn(&rosen_der) } else { Jac::Default },
            bounds: Some(bounds),
            constraints,
            callback: Some(&cb as Callback<'_>),
            ..Default::default()
        };
        let r = minimize(rosen, &array![0.3, 0.5, 0.8], &o).unwrap();
        assert_allclose(&r.x, &v1(&fx, &c("x")), 1e-8, 1e-10);
        let fun = fx.f64(&c("fun"));
        assert!((r.fun - fun).abs() <= 1e-10 * (1.0 + fun.abs()), "{key}: fun {} vs {fun}", r.fun);
        assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        assert_eq!(r.njev as i64, fx.i64(&c("njev")), "{key}: njev");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        assert_eq!(r.success, fx.get(key).get("success").unwrap().as_bool().unwrap(), "{key}");
        if fx.get(key).get("nit").is_some() {
            assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
            assert_eq!(r.status as i64, fx.i64(&c("status")), "{key}: status");
            let want = v1(&fx, &c("jac"));
            let got = r.jac.clone().unwrap();
            assert_eq!(got.len(), 3, "{key}");
            for (a, b) in got.iter().zip(&want) {
                assert!(
                    a.is_nan() == b.is_nan() && (a.is_nan() || (a - b).abs() <= 1e-6 * (1.0 + b.abs())),
                    "{key}: jac {got} vs {want}"
                );
            }
        } else {
            assert!(r.jac.is_none() && r.nit == 0, "{key}");
        }
        // The callback sees all the variables, the fixed ones at their bounds.
        let want = fx.array_f64(&c("callback_x")).into_dimensionality::<Ix2>().unwrap();
        let seen = seen.into_inner();
        assert_eq!(seen.len(), want.nrows(), "{key}: callbacks");
        // (The iterates agree to ~1e-7: the QP steps round differently near the bounds.)
        for (s, w) in seen.iter().zip(want.rows()) {
            assert_allclose(s, &w.to_owned(), 1e-6, 1e-8);
        }
    }
}

#[test]
fn fixed_variables_callback_stop() {
    // A callback stop on the reduced problem still returns the full x.
    let stop = |_: &IntermediateResult<'_>| ControlFlow::Break(());
    let o = MinimizeOptions {
        method: Method::Slsqp,
        bounds: Some(b1()),
        callback: Some(&stop as Callback<'_>),
        ..Default::default()
    };
    let r = minimize(rosen, &array![0.3, 0.5, 0.8], &o).unwrap();
    assert_eq!(r.x.len(), 3);
    assert_eq!(r.x[1], 0.5);
    assert!(r.jac.unwrap()[1].is_nan());
}

#[test]
fn fixed_variables_bad_input() {
    let bad_lin: Constraint<'static> =
        LinearConstraint::new(array![[1.0, 1.0]], array![0.0], array![1.0]).into();
    let bad_nl: Constraint<'static> =
        NonlinearConstraint::new(&sq, array![0.0, 0.0], array![1.0, 1.0]).into();
    let cases: Vec<(&str, Method, Bounds, Vec<Constraint<'static>>)> = vec![
        ("bounds of the wrong length", Method::Slsqp, Bounds::from_pairs(&[(0.5, 0.5); 2]), vec![]),
        ("inverted bounds", Method::Slsqp, Bounds::from_pairs(&[(1.0, 0.0), (0.5, 0.5), (0.0, 1.0)]), vec![]),
        ("linear constraint too narrow", Method::Slsqp, b1(), vec![bad_lin.clone()]),
        ("all fixed, linear constraint too narrow", Method::Slsqp, all_fixed(1.0), vec![bad_lin]),
        ("all fixed, constraint bounds of the wrong length", Method::Slsqp, all_fixed(1.0), vec![bad_nl]),
        ("L-BFGS-B bounds of the wrong length", Method::LBfgsB, Bounds::from_pairs(&[(0.5, 0.5); 2]), vec![]),
    ];
    for (what, method, bounds, constraints) in cases {
        let o = MinimizeOptions { method, bounds: Some(bounds), constraints, ..Default::default() };
        let r = minimize(rosen, &array![0.3, 0.5, 0.8], &o);
        assert!(
            matches!(r, Err(OptimizeError::WrongLength { .. } | OptimizeError::InvalidBounds { .. })),
            "{what}: {r:?}"
        );
    }
}
