//! `minimize(method='trust-constr')` against SciPy fixtures (Hock-Schittkowski problems and the
//! tutorial's constrained Rosenbrock); bad-input table.

use sci_array::ndarray::{Array1, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Constraint, ConstraintHess, ConstraintJac, FiniteDiff, HessianUpdateStrategy, Jac,
    LinearConstraint, Method, MinimizeOptions, NonlinearConstraint, OptimizeError, TrustConstrMethod,
    TrustConstrOptions, minimize, minimize_trust_constr, rosen, rosen_der, rosen_hess,
};

mod common;

/// The fixture cases where `nit` and `nfev` equal SciPy's.
const EXACT_COUNTS: [&str; 13] = [
    "rosen_hessp",
    "tc0",
    "tc2",
    "tc4",
    "tc8",
    "tc10",
    "tc12",
    "rosen_exact",
    "rosen_bfgs_cons",
    "rosen_sr1",
    "rosen_fd",
    "rosen_unconstrained",
    "one_d_tc",
];

use common::{INF, hs, load, x1};

#[allow(clippy::too_many_arguments)]
fn check(
    fx: &Fixture,
    key: &str,
    x: &Array1<f64>,
    fun: f64,
    success: bool,
    status: i32,
    nit: usize,
    nfev: usize,
) -> String {
    let c = |k: &str| format!("{key}/{k}");
    // Both runs stop at gtol/xtol 1e-8 on the same iterates up to rounding; the solutions
    // agree to far better than the tolerance of the method, not to the last bit.
    sci_array::testing::assert_allclose(x, &x1(fx, &c("x")), 1e-6, 1e-7);
    assert!(
        (fun - fx.f64(&c("fun"))).abs() <= 1e-7 * (1.0 + fun.abs()),
        "{key}: fun {fun} vs {}",
        fx.f64(&c("fun"))
    );
    assert_eq!(success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
    // Where finite differences make the last iterations noise-driven, one run can stop on
    // `xtol` (status 2) where the other stops on `gtol` (status 1): both are successes.
    let st = fx.i64(&c("status"));
    assert!(status as i64 == st || (success && [1, 2].contains(&st)), "{key}: status {status} vs {st}");
    // Where the runs take SciPy's path to the last iteration, the counts are SciPy's; elsewhere
    // (finite differences near the solution, a rounding-level difference in a late trust-radius
    // or second-order-correction decision) they are reported only.
    if EXACT_COUNTS.contains(&key) {
        assert_eq!((nit as i64, nfev as i64), (fx.i64(&c("nit")), fx.i64(&c("nfev"))), "{key}: nit, nfev");
    }
    format!(
        "{key}: nit {nit} (SciPy {}), nfev {nfev} (SciPy {}), status {status} (SciPy {st})\n",
        fx.i64(&c("nit")),
        fx.i64(&c("nfev"))
    )
}

/// On the cases that take SciPy's path: the multipliers, constraint values and gradients.
fn check_fields(fx: &Fixture, key: &str, r: &sci_optimize::TrustConstrResult) {
    if !EXACT_COUNTS.contains(&key) {
        return;
    }
    let c = |k: &str| format!("{key}/{k}");
    for (i, (v, con)) in r.v.iter().zip(&r.constr).enumerate() {
        sci_array::testing::assert_allclose(v, &x1(fx, &c(&format!("v{i}"))), 1e-6, 1e-9);
        sci_array::testing::assert_allclose(con, &x1(fx, &c(&format!("constr{i}"))), 1e-7, 1e-10);
    }
    // Forward-difference gradients carry ~1e-8 relative noise.
    sci_array::testing::assert_allclose(&r.grad, &x1(fx, &c("grad")), 1e-7, 1e-10);
    // Below gtol = 1e-8 on both sides: equal up to that.
    sci_array::testing::assert_allclose(&r.lagrangian_grad, &x1(fx, &c("lagrangian_grad")), 0.0, 2e-8);
    assert!((r.optimality - fx.f64(&c("optimality"))).abs() <= 2e-8, "{key}: optimality");
}

#[test]
fn trust_constr_hock_schittkowski_matches_scipy() {
    let fx = load();
    let mut report = String::new();
    for key in fx.keys().into_iter().filter(|k| k.starts_with("tc")) {
        let c = |k: &str| format!("{key}/{k}");
        let p = hs(fx.str(&c("problem")));
        let jac = fx.get(&c("jac")).as_bool().unwrap();
        let mut cons: Vec<Constraint<'_>> = Vec::new();
        for (f, j) in &p.eq {
            let mut nc = NonlinearConstraint::new(f, array![0.0], array![0.0]);
            if jac {
                nc.jac = ConstraintJac::Fn(j);
            }
            cons.push(nc.into());
        }
        for (f, j) in &p.ineq {
            let mut nc = NonlinearConstraint::new(f, array![0.0], array![INF]);
            if jac {
                nc.jac = ConstraintJac::Fn(j);
            }
            cons.push(nc.into());
        }
        let opts = TrustConstrOptions {
            jac: if jac { Jac::Fn(&p.g) } else { Jac::FiniteDiff(FiniteDiff::TwoPoint) },
            constraints: cons,
            bounds: p.bounds.clone(),
            ..Default::default()
        };
        let r = minimize_trust_constr(p.f, &x1(&fx, &c("x0")), &opts).unwrap();
        report += &check(&fx, &key, &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
        check_fields(&fx, &key, &r);
        assert!(r.constr_violation < 1e-8, "{key}: violation {}", r.constr_violation);
    }
    println!("{report}");
}

#[test]
fn trust_constr_three_point_differences_match_scipy() {
    let fx = load();
    let p = hs("hs71");
    let (eq, ineq) = (p.eq[0].0, p.ineq[0].0);
    let mut ce = NonlinearConstraint::new(&eq, array![0.0], array![0.0]);
    ce.jac = ConstraintJac::FiniteDiff(FiniteDiff::ThreePoint);
    let mut ci = NonlinearConstraint::new(&ineq, array![0.0], array![INF]);
    ci.jac = ConstraintJac::FiniteDiff(FiniteDiff::ThreePoint);
    let opts = TrustConstrOptions {
        jac: Jac::FiniteDiff(FiniteDiff::ThreePoint),
        constraints: vec![ce.into(), ci.into()],
        bounds: p.bounds.clone(),
        ..Default::default()
    };
    let r = minimize_trust_constr(p.f, &x1(&fx, "hs71_3point/x0"), &opts).unwrap();
    println!("{}", check(&fx, "hs71_3point", &r.x, r.fun, r.success, r.status, r.nit, r.nfev));
}

#[test]
fn trust_constr_keep_feasible_matches_scipy() {
    let fx = load();
    let p = hs("hs35");
    let mut report = String::new();
    for (kb, kc) in [(true, false), (true, true), (false, true)] {
        let key = format!("hs35_keep_{}{}", kb as u8, kc as u8);
        let (f, j) = p.ineq[0];
        let mut nc = NonlinearConstraint::new(&f, array![0.0], array![INF]);
        nc.jac = ConstraintJac::Fn(&j);
        nc.keep_feasible = array![kc];
        let b = p.bounds.clone().unwrap().with_keep_feasible(array![kb]);
        let opts = TrustConstrOptions {
            jac: Jac::Fn(&p.g),
            constraints: vec![nc.into()],
            bounds: Some(b),
            ..Default::default()
        };
        let r = minimize_trust_constr(p.f, &x1(&fx, &format!("{key}/x0")), &opts).unwrap();
        report += &check(&fx, &key, &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    }
    // The tutorial's problem with its box kept feasible, finite differences and SR1.
    let lin = LinearConstraint::new(array![[1.0, 2.0], [2.0, 1.0]], array![-INF, 1.0], array![1.0, 1.0]);
    let cons_f = |x: &Array1<f64>| array![x[0] * x[0] + x[1], x[0] * x[0] - x[1]];
    let mut nl = NonlinearConstraint::new(&cons_f, array![-INF], array![1.0]);
    nl.hess = ConstraintHess::Update(HessianUpdateStrategy::sr1());
    let opts = TrustConstrOptions {
        jac: Jac::FiniteDiff(FiniteDiff::TwoPoint),
        hess_update: Some(HessianUpdateStrategy::sr1()),
        constraints: vec![lin.into(), nl.into()],
        bounds: Some(Bounds::new(array![0.0, -0.5], array![1.0, 2.0]).with_keep_feasible(array![true])),
        ..Default::default()
    };
    let r = minimize_trust_constr(rosen, &array![0.5, 0.0], &opts).unwrap();
    report += &check(&fx, "rosen_keep", &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    println!("{report}");
}

#[test]
fn trust_constr_rosenbrock_tutorial_matches_scipy() {
    let fx = load();
    let bounds = Bounds::new(array![0.0, -0.5], array![1.0, 2.0]);
    let lin = LinearConstraint::new(array![[1.0, 2.0], [2.0, 1.0]], array![-INF, 1.0], array![1.0, 1.0]);
    let cons_f = |x: &Array1<f64>| array![x[0] * x[0] + x[1], x[0] * x[0] - x[1]];
    let cons_j = |x: &Array1<f64>| array![[2.0 * x[0], 1.0], [2.0 * x[0], -1.0]];
    let cons_h = |_x: &Array1<f64>, v: &Array1<f64>| array![[2.0 * v[0] + 2.0 * v[1], 0.0], [0.0, 0.0]];
    let mut report = String::new();
    for variant in ["exact", "bfgs_cons", "sr1", "fd"] {
        let key = format!("rosen_{variant}");
        let mut nl = NonlinearConstraint::new(&cons_f, array![-INF], array![1.0]);
        let mut opts = TrustConstrOptions {
            jac: Jac::Fn(&rosen_der),
            hess: Some(&rosen_hess),
            bounds: Some(bounds.clone()),
            ..Default::default()
        };
        match variant {
            "exact" => {
                nl.jac = ConstraintJac::Fn(&cons_j);
                nl.hess = ConstraintHess::Fn(&cons_h);
            }
            "bfgs_cons" => nl.jac = ConstraintJac::Fn(&cons_j),
            "sr1" => {
                nl.jac = ConstraintJac::Fn(&cons_j);
                opts.hess = None;
                opts.hess_update = Some(HessianUpdateStrategy::sr1());
            }
            _ => {
                nl.hess = ConstraintHess::Update(HessianUpdateStrategy::sr1());
                opts.jac = Jac::FiniteDiff(FiniteDiff::TwoPoint);
                opts.hess = None;
                opts.hess_update = Some(HessianUpdateStrategy::sr1());
            }
        }
        opts.constraints = vec![lin.clone().into(), nl.into()];
        let r = minimize_trust_constr(rosen, &array![0.5, 0.0], &opts).unwrap();
        assert_eq!(r.method, TrustConstrMethod::TrInteriorPoint);
        report += &check(&fx, &key, &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
        check_fields(&fx, &key, &r);
    }
    // Bounds only: the interior-point method on the box alone.
    let opts = TrustConstrOptions {
        jac: Jac::Fn(&rosen_der),
        hess: Some(&rosen_hess),
        bounds: Some(Bounds::new(array![-2.0, -2.0], array![0.5, 2.0])),
        ..Default::default()
    };
    let r = minimize_trust_constr(rosen, &array![-1.2, 1.0], &opts).unwrap();
    assert_eq!(r.method, TrustConstrMethod::TrInteriorPoint);
    report += &check(&fx, "rosen_box", &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    // hessp: the objective's Hessian as a product.
    let hessp = |x: &Array1<f64>, p: &Array1<f64>| rosen_hess(x).dot(p);
    let mut nl = NonlinearConstraint::new(&cons_f, array![-INF], array![1.0]);
    nl.jac = ConstraintJac::Fn(&cons_j);
    nl.hess = ConstraintHess::Fn(&cons_h);
    let opts = TrustConstrOptions {
        jac: Jac::Fn(&rosen_der),
        hessp: Some(&hessp),
        bounds: Some(bounds.clone()),
        constraints: vec![lin.clone().into(), nl.into()],
        ..Default::default()
    };
    let r = minimize_trust_constr(rosen, &array![0.5, 0.0], &opts).unwrap();
    report += &check(&fx, "rosen_hessp", &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    check_fields(&fx, "rosen_hessp", &r);
    assert_eq!((r.nhev, r.njev), (8, 8)); // SciPy: a Hessian operator per new point
    // Unconstrained and equality-only: the SQP method.
    let opts = TrustConstrOptions { jac: Jac::Fn(&rosen_der), hess: Some(&rosen_hess), ..Default::default() };
    let r = minimize_trust_constr(rosen, &array![-1.2, 1.0], &opts).unwrap();
    assert_eq!(r.method, TrustConstrMethod::EqualityConstrainedSqp);
    report += &check(&fx, "rosen_unconstrained", &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    check_fields(&fx, "rosen_unconstrained", &r);
    let opts = TrustConstrOptions {
        jac: Jac::Fn(&rosen_der),
        constraints: vec![LinearConstraint::new(array![[1.0, 1.0]], array![1.0], array![1.0]).into()],
        ..Default::default()
    };
    let r = minimize_trust_constr(rosen, &array![-1.2, 1.0], &opts).unwrap();
    report += &check(&fx, "rosen_lineq", &r.x, r.fun, r.success, r.status, r.nit, r.nfev);
    assert!((r.x[0] + r.x[1] - 1.0).abs() < 1e-12);
    println!("{report}");
}

#[test]
fn minimize_method_trust_constr_is_minimize_trust_constr() {
    // SciPy's tutorial call (the tour's `optimize.trust_constr_circle`).
    let f = |x: &Array1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
    let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1]];
    let opts = MinimizeOptions {
        method: Method::TrustConstr,
        jac: Jac::FiniteDiff(FiniteDiff::TwoPoint),
        hess_update: Some(HessianUpdateStrategy::bfgs()),
        constraints: vec![NonlinearConstraint::new(&circle, array![1.0], array![1.0]).into()],
        bounds: Some(Bounds::new(array![-1.0, -1.0], array![1.0, 1.0])),
        ..Default::default()
    };
    let r = minimize(f, &array![0.0, 1.0], &opts).unwrap();
    // SciPy 1.17.1: fun, x.
    let expected = array![-1.2071067811865415, -0.7071066500032215, 0.7071069123698613];
    let got = array![r.fun, r.x[0], r.x[1]];
    // |x0 - x1 - 1| is not differentiable on the path and its forward differences feed BFGS:
    // the runs agree to about 1e-9, far inside the method's tolerance.
    sci_array::testing::assert_allclose(&got, &expected, 1e-8, 0.0);
    assert!(r.success);
    let t = TrustConstrOptions {
        jac: Jac::FiniteDiff(FiniteDiff::TwoPoint),
        constraints: opts.constraints.clone(),
        bounds: opts.bounds.clone(),
        ..Default::default()
    };
    let full = minimize_trust_constr(f, &array![0.0, 1.0], &t).unwrap();
    assert_eq!((full.x, full.nit, full.nfev), (r.x, r.nit, r.nfev));
    assert_eq!(full.method, TrustConstrMethod::TrInteriorPoint);
    assert_eq!(full.v.len(), 2); // the circle, then the bounds
    assert_eq!(full.message, "`gtol` termination condition is satisfied.");
}

#[test]
fn trust_constr_bad_input() {
    let f = |x: &Array1<f64>| x.dot(x);
    let g = |x: &Array1<f64>| array![x[0] + x[1]];
    let g_nan = |_: &Array1<f64>| array![f64::NAN];
    let bad_jac = |_: &Array1<f64>| array![[1.0, 1.0, 1.0]];
    let two = |x: &Array1<f64>| array![x[0], x[1], x[0] - x[1]];
    let short_grad = |x: &Array1<f64>| array![x[0]];
    let small_hess = |_: &Array1<f64>| sci_array::ndarray::Array2::<f64>::eye(1);
    let nl = |lb: f64, ub: f64| NonlinearConstraint::new(&g, array![lb], array![ub]);
    let mut wrong_jac = nl(0.0, 0.0);
    wrong_jac.jac = ConstraintJac::Fn(&bad_jac);
    let x0 = array![1.0, 2.0];
    let base = TrustConstrOptions::default;
    let cases: Vec<(&str, Array1<f64>, TrustConstrOptions<'_>)> = vec![
        ("empty x0", array![], base()),
        (
            "constraint lb > ub",
            x0.clone(),
            TrustConstrOptions { constraints: vec![nl(1.0, 0.0).into()], ..base() },
        ),
        (
            "constraint bounds of the wrong length",
            x0.clone(),
            TrustConstrOptions {
                constraints: vec![NonlinearConstraint::new(&g, array![0.0, 0.0], array![1.0, 1.0]).into()],
                ..base()
            },
        ),
        (
            "constraint jac of the wrong shape",
            x0.clone(),
            TrustConstrOptions { constraints: vec![wrong_jac.into()], ..base() },
        ),
        (
            "constraint not finite at x0",
            x0.clone(),
            TrustConstrOptions {
                constraints: vec![NonlinearConstraint::new(&g_nan, array![0.0], array![0.0]).into()],
                ..base()
            },
        ),
        (
            "linear constraint with the wrong number of columns",
            x0.clone(),
            TrustConstrOptions {
                constraints: vec![
                    LinearConstraint::new(array![[1.0, 1.0, 1.0]], array![0.0], array![1.0]).into(),
                ],
                ..base()
            },
        ),
        (
            "more equalities than variables",
            x0.clone(),
            TrustConstrOptions {
                constraints: vec![NonlinearConstraint::new(&two, array![0.0], array![0.0]).into()],
                ..base()
            },
        ),
        (
            "infeasible bounds (lb > ub)",
            x0.clone(),
            TrustConstrOptions { bounds: Some(Bounds::new(array![0.0, 1.0], array![1.0, 0.0])), ..base() },
        ),
        (
            "bounds of the wrong length",
            x0.clone(),
            TrustConstrOptions { bounds: Some(Bounds::new(Array1::zeros(3), Array1::ones(3))), ..base() },
        ),
        ("negative gtol", x0.clone(), TrustConstrOptions { gtol: -1.0, ..base() }),
        ("NaN x0", array![f64::NAN, 1.0], base()),
        (
            "x0 outside keep_feasible bounds",
            array![2.0, 0.5],
            TrustConstrOptions {
                bounds: Some(
                    Bounds::new(array![0.0, 0.0], array![1.0, 1.0]).with_keep_feasible(array![true]),
                ),
                ..base()
            },
        ),
        (
            "keep_feasible of the wrong length",
            x0.clone(),
            TrustConstrOptions {
                bounds: Some(
                    Bounds::new(array![0.0, 0.0], array![5.0, 5.0])
                        .with_keep_feasible(array![true, true, true]),
                ),
                ..base()
            },
        ),
        (
            "gradient of the wrong length",
            x0.clone(),
            TrustConstrOptions { jac: Jac::Fn(&short_grad), ..base() },
        ),
        ("Hessian of the wrong shape", x0.clone(), TrustConstrOptions { hess: Some(&small_hess), ..base() }),
    ];
    for (what, x, o) in cases {
        let e = minimize_trust_constr(f, &x, &o).expect_err(what);
        let ok = matches!(
            e,
            OptimizeError::WrongLength { .. }
                | OptimizeError::InvalidBounds { .. }
                | OptimizeError::InvalidValue { .. }
                | OptimizeError::NonFiniteInitial { .. }
        );
        assert!(ok, "{what}: {e}");
    }
    let e = minimize_trust_constr(|_: &Array1<f64>| f64::INFINITY, &x0, &base()).unwrap_err();
    assert!(matches!(e, OptimizeError::NonFiniteInitial { what: "objective function", .. }), "{e}");
    // Constraints are an error for methods that cannot take them (SciPy warns).
    let o = MinimizeOptions { constraints: vec![nl(0.0, 0.0).into()], ..Default::default() };
    let e = minimize(f, &x0, &o).unwrap_err();
    assert_eq!(e, OptimizeError::UnsupportedOption { method: "BFGS", option: "constraints" });
}

#[test]
fn trust_constr_one_variable_from_a_strided_view() {
    // min (x - 2)^2 with x <= 1, x0 = 0 given as a non-contiguous view.
    let fx = load();
    let f = |x: &Array1<f64>| (x[0] - 2.0).powi(2);
    let g = |x: &Array1<f64>| array![2.0 * (x[0] - 2.0)];
    let buf = array![0.0, 9.0];
    let x0 = buf.slice(sci_array::ndarray::s![..;2]);
    let opts = TrustConstrOptions {
        jac: Jac::Fn(&g),
        bounds: Some(Bounds::new(array![-INF], array![1.0])),
        ..Default::default()
    };
    let r = minimize_trust_constr(f, &x0, &opts).unwrap();
    println!("{}", check(&fx, "one_d_tc", &r.x, r.fun, r.success, r.status, r.nit, r.nfev));
    check_fields(&fx, "one_d_tc", &r);
    assert_eq!((r.nit, r.nfev), (9, 6)); // SciPy's counts
}
