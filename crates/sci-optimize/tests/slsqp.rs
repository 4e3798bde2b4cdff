//! `minimize(method='SLSQP')` against SciPy fixtures (Hock-Schittkowski problems, the
//! tutorial's constrained Rosenbrock); bad-input table.

use sci_array::ndarray::{Array1, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Constraint, ConstraintDict, ConstraintJac, ConstraintType, Jac, LinearConstraint, Method,
    MinimizeOptions, NonlinearConstraint, OptimizeError, SlsqpOptions, minimize, minimize_slsqp, rosen,
    rosen_der,
};

mod common;

use common::{INF, hs, load, x1};

fn check(fx: &Fixture, key: &str, r: &sci_optimize::OptimizeResult) -> String {
    let c = |k: &str| format!("{key}/{k}");
    // SciPy's algorithm with the same iterates up to rounding: the solutions agree far inside
    // ftol.
    sci_array::testing::assert_allclose(&r.x, &x1(fx, &c("x")), 1e-6, 1e-8);
    assert!((r.fun - fx.f64(&c("fun"))).abs() <= 1e-8 * (1.0 + r.fun.abs()), "{key}: fun {}", r.fun);
    assert_eq!(r.status as i64, fx.i64(&c("status")), "{key}");
    assert_eq!(r.message, fx.str(&c("message")), "{key}");
    // The same iterates: SciPy's iteration and evaluation counts.
    assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
    assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
    assert_eq!(r.njev as i64, fx.i64(&c("njev")), "{key}: njev");
    format!(
        "{key}: nit {} (SciPy {}), nfev {} (SciPy {}), njev {} (SciPy {})\n",
        r.nit,
        fx.i64(&c("nit")),
        r.nfev,
        fx.i64(&c("nfev")),
        r.njev,
        fx.i64(&c("njev"))
    )
}

#[test]
fn slsqp_hock_schittkowski_matches_scipy() {
    let fx = load();
    let mut report = String::new();
    for key in fx.keys().into_iter().filter(|k| k.starts_with("sl")) {
        let c = |k: &str| format!("{key}/{k}");
        let p = hs(fx.str(&c("problem")));
        let jac = fx.get(&c("jac")).as_bool().unwrap();
        let mut cons: Vec<Constraint<'_>> = Vec::new();
        for (kind, list) in [(ConstraintType::Eq, &p.eq), (ConstraintType::Ineq, &p.ineq)] {
            for (f, j) in list {
                let mut d = ConstraintDict::new(kind, f);
                if jac {
                    d.jac = Some(j);
                }
                cons.push(d.into());
            }
        }
        let opts = MinimizeOptions {
            method: Method::Slsqp,
            jac: if jac { Jac::Fn(&p.g) } else { Jac::Default },
            constraints: cons,
            bounds: p.bounds.clone(),
            ..Default::default()
        };
        let r = minimize(p.f, &x1(&fx, &c("x0")), &opts).unwrap();
        report += &check(&fx, &key, &r);
        // The full result: the same run, with SciPy's multipliers.
        let full = minimize_slsqp(
            p.f,
            &x1(&fx, &c("x0")),
            &SlsqpOptions {
                jac: opts.jac,
                constraints: opts.constraints.clone(),
                bounds: opts.bounds.clone(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!((&full.x, full.nit, full.nfev), (&r.x, r.nit, r.nfev));
        sci_array::testing::assert_allclose(&full.multipliers, &x1(&fx, &c("multipliers")), 1e-6, 1e-9);
    }
    println!("{report}");
}

#[test]
fn slsqp_rosenbrock_tutorial_matches_scipy() {
    let fx = load();
    let ineq =
        |x: &Array1<f64>| array![1.0 - x[0] - 2.0 * x[1], 1.0 - x[0] * x[0] - x[1], 1.0 - x[0] * x[0] + x[1]];
    let ineq_j = |x: &Array1<f64>| array![[-1.0, -2.0], [-2.0 * x[0], -1.0], [-2.0 * x[0], 1.0]];
    let eq = |x: &Array1<f64>| array![2.0 * x[0] + x[1] - 1.0];
    let eq_j = |_: &Array1<f64>| array![[2.0, 1.0]];
    let opts = MinimizeOptions {
        method: Method::Slsqp,
        jac: Jac::Fn(&rosen_der),
        constraints: vec![
            ConstraintDict { kind: ConstraintType::Eq, fun: &eq, jac: Some(&eq_j) }.into(),
            ConstraintDict { kind: ConstraintType::Ineq, fun: &ineq, jac: Some(&ineq_j) }.into(),
        ],
        ftol: Some(1e-9),
        bounds: Some(Bounds::new(array![0.0, -0.5], array![1.0, 2.0])),
        ..Default::default()
    };
    let r = minimize(rosen, &array![0.5, 0.0], &opts).unwrap();
    println!("{}", check(&fx, "rosen_slsqp", &r));
    assert!(r.success);
}

#[test]
fn slsqp_new_style_constraints_match_scipy() {
    // The tutorial's LinearConstraint and NonlinearConstraint, converted as SciPy's
    // `new_constraint_to_old` does.
    let fx = load();
    let lin = LinearConstraint::new(array![[1.0, 2.0], [2.0, 1.0]], array![-INF, 1.0], array![1.0, 1.0]);
    let cons_f = |x: &Array1<f64>| array![x[0] * x[0] + x[1], x[0] * x[0] - x[1]];
    let cons_j = |x: &Array1<f64>| array![[2.0 * x[0], 1.0], [2.0 * x[0], -1.0]];
    for (key, analytic) in [("rosen_slsqp_new", true), ("rosen_slsqp_new_fd", false)] {
        let mut nl = NonlinearConstraint::new(&cons_f, array![-INF], array![1.0]);
        if analytic {
            nl.jac = ConstraintJac::Fn(&cons_j);
        }
        let opts = MinimizeOptions {
            method: Method::Slsqp,
            jac: Jac::Fn(&rosen_der),
            constraints: vec![lin.clone().into(), nl.into()],
            ftol: Some(1e-9),
            bounds: Some(Bounds::new(array![0.0, -0.5], array![1.0, 2.0])),
            ..Default::default()
        };
        let r = minimize(rosen, &array![0.5, 0.0], &opts).unwrap();
        println!("{}", check(&fx, key, &r));
    }
}

#[test]
fn slsqp_bad_input() {
    let f = |x: &Array1<f64>| x.dot(x);
    let g = |x: &Array1<f64>| array![x[0] + x[1] - 1.0];
    let bad_j = |_: &Array1<f64>| array![[1.0, 1.0, 1.0]];
    let g_nan = |_: &Array1<f64>| array![f64::NAN];
    let short_grad = |x: &Array1<f64>| array![x[0]];
    let x0 = array![1.0, 2.0];
    let cases: Vec<(&str, MinimizeOptions<'_>)> = vec![
        (
            "bounds lb > ub",
            MinimizeOptions {
                method: Method::Slsqp,
                bounds: Some(Bounds::new(array![1.0, 0.0], array![0.0, 1.0])),
                ..Default::default()
            },
        ),
        (
            "bounds of the wrong length",
            MinimizeOptions {
                method: Method::Slsqp,
                bounds: Some(Bounds::new(Array1::zeros(3), Array1::ones(3))),
                ..Default::default()
            },
        ),
        (
            "constraint jac of the wrong shape",
            MinimizeOptions {
                method: Method::Slsqp,
                constraints: vec![
                    ConstraintDict { kind: ConstraintType::Eq, fun: &g, jac: Some(&bad_j) }.into(),
                ],
                ..Default::default()
            },
        ),
        (
            "constraint not finite at x0",
            MinimizeOptions {
                method: Method::Slsqp,
                constraints: vec![ConstraintDict::new(ConstraintType::Ineq, &g_nan).into()],
                ..Default::default()
            },
        ),
        ("zero eps", MinimizeOptions { method: Method::Slsqp, eps: Some(0.0), ..Default::default() }),
        (
            "gradient of the wrong length",
            MinimizeOptions { method: Method::Slsqp, jac: Jac::Fn(&short_grad), ..Default::default() },
        ),
        (
            "unsupported option",
            MinimizeOptions { method: Method::Slsqp, gtol: Some(1e-3), ..Default::default() },
        ),
    ];
    for (what, o) in cases {
        let e = minimize(f, &x0, &o).expect_err(what);
        let ok = matches!(
            e,
            OptimizeError::WrongLength { .. }
                | OptimizeError::InvalidBounds { .. }
                | OptimizeError::InvalidValue { .. }
                | OptimizeError::NonFiniteInitial { .. }
                | OptimizeError::UnsupportedOption { .. }
        );
        assert!(ok, "{what}: {e}");
    }
    // More equality constraints than variables: SciPy's exit mode 2.
    let three = |x: &Array1<f64>| array![x[0], x[1], x[0] + x[1] - 1.0];
    let o = MinimizeOptions {
        method: Method::Slsqp,
        constraints: vec![ConstraintDict::new(ConstraintType::Eq, &three).into()],
        ..Default::default()
    };
    let r = minimize(f, &x0, &o).unwrap();
    assert_eq!((r.status, r.success), (2, false));
    assert_eq!(r.message, "More equality constraints than independent variables");
}

#[test]
fn slsqp_one_variable_from_a_strided_view() {
    // min (x - 2)^2 with 1 - x >= 0, x0 = 0 given as a non-contiguous view.
    let fx = load();
    let f = |x: &Array1<f64>| (x[0] - 2.0).powi(2);
    let g = |x: &Array1<f64>| array![2.0 * (x[0] - 2.0)];
    let c = |x: &Array1<f64>| array![1.0 - x[0]];
    let buf = array![0.0, 9.0];
    let x0 = buf.slice(sci_array::ndarray::s![..;2]);
    let opts = MinimizeOptions {
        method: Method::Slsqp,
        jac: Jac::Fn(&g),
        constraints: vec![ConstraintDict::new(ConstraintType::Ineq, &c).into()],
        ..Default::default()
    };
    let r = minimize(f, &x0, &opts).unwrap();
    println!("{}", check(&fx, "one_d_sl", &r));
}

#[test]
fn slsqp_without_constraints_and_with_bounds_only() {
    let fx = load();
    for (key, bounds) in [
        ("rosen_slsqp_free", None),
        ("rosen_slsqp_box", Some(Bounds::new(array![-2.0, -2.0], array![0.5, 2.0]))),
    ] {
        let opts =
            MinimizeOptions { method: Method::Slsqp, jac: Jac::Fn(&rosen_der), bounds, ..Default::default() };
        let r = minimize(rosen, &array![-1.2, 1.0], &opts).unwrap();
        println!("{}", check(&fx, key, &r));
    }
}

#[test]
fn slsqp_three_point_differences_match_scipy() {
    let fx = load();
    let p = hs("hs71");
    let cons: Vec<Constraint<'_>> = vec![
        ConstraintDict::new(ConstraintType::Eq, &p.eq[0].0).into(),
        ConstraintDict::new(ConstraintType::Ineq, &p.ineq[0].0).into(),
    ];
    let opts = MinimizeOptions {
        method: Method::Slsqp,
        jac: Jac::FiniteDiff(sci_optimize::FiniteDiff::ThreePoint),
        constraints: cons,
        bounds: p.bounds.clone(),
        ..Default::default()
    };
    let r = minimize(p.f, &x1(&fx, "hs71_slsqp_3point/x0"), &opts).unwrap();
    println!("{}", check(&fx, "hs71_slsqp_3point", &r));
}
