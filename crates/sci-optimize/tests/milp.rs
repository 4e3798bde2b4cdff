//! milp against SciPy (`tools/fixtures/optimize_milp.py`): SciPy's milp tests, knapsacks and
//! seeded small integer programs; bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{Bounds, LinearConstraint, MilpOptions, OptimizeError, milp};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn milp_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_milp.json")).unwrap();
    let mut checked = 0;
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let c = v(&fx, &k("c"));
        let integ: Vec<u8> = fx.array_i64(&k("integrality")).iter().map(|&i| i as u8).collect();
        let a: Array2<f64> = fx.array_f64(&k("A")).into_dimensionality::<Ix2>().unwrap();
        let (bl, bu, lb, ub) = (v(&fx, &k("bl")), v(&fx, &k("bu")), v(&fx, &k("lb")), v(&fx, &k("ub")));
        let constraints = if a.nrows() > 0 {
            vec![LinearConstraint::new(a.clone(), bl.clone(), bu.clone())]
        } else {
            vec![]
        };
        let status = fx.i64(&k("status"));
        // Exact optimum (gap 0, as the fixture) and SciPy's default gap 1e-4.
        for gap in [0.0, 1e-4] {
            let opts = MilpOptions {
                integrality: integ.clone(),
                bounds: Some(Bounds::new(lb.clone(), ub.clone())),
                constraints: constraints.clone(),
                mip_rel_gap: gap,
                ..Default::default()
            };
            let r = milp(&c.view(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(i64::from(r.status), status, "{name}: {}", r.message);
            assert_eq!(r.success, status == 0);
            if status != 0 {
                assert!(r.x.is_none() && r.fun.is_none(), "{name}");
                continue;
            }
            let x = r.x.clone().unwrap();
            let fun = fx.f64(&k("fun"));
            let f = r.fun.unwrap();
            if gap == 0.0 {
                assert!((f - fun).abs() <= 1e-9 * (1.0 + fun.abs()), "{name}: fun {f} vs {fun}");
            } else {
                assert!(
                    f >= fun - 1e-9 * (1.0 + fun.abs()) && f - fun <= 1e-4 * fun.abs() + 1e-9,
                    "{name}: {f} vs {fun}"
                );
            }
            assert!((c.dot(&x) - f).abs() <= 1e-12 * (1.0 + f.abs()));
            // Feasible: bounds, rows (HiGHS's feasibility tolerance 1e-6) and integrality (exact).
            for j in 0..x.len() {
                assert!(x[j] >= lb[j] - 1e-9 && x[j] <= ub[j] + 1e-9, "{name}: x[{j}] = {}", x[j]);
                if integ[j] == 1 {
                    assert_eq!(x[j], x[j].round(), "{name}: x[{j}]");
                }
            }
            let ax = a.dot(&x);
            for i in 0..ax.len() {
                assert!(ax[i] >= bl[i] - 1e-6 && ax[i] <= bu[i] + 1e-6, "{name}: row {i}: {}", ax[i]);
            }
            let (dual, g) = (r.mip_dual_bound.unwrap(), r.mip_gap.unwrap());
            assert!(dual <= f + 1e-9 && g <= gap + 1e-12, "{name}: bound {dual}, gap {g}");
            if gap == 0.0 && fx.i64(&k("x_unique")) == 1 {
                assert_allclose(&x, &v(&fx, &k("x")), 1e-9, 1e-9);
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked}");
}

#[test]
fn milp_limits_and_messages() {
    // A 0-1 knapsack that needs branching: a node limit of 1 stops at the root.
    let w = array![[21.0, 11.0, 15.0, 9.0, 34.0, 25.0, 41.0, 52.0]];
    let vals = -array![22.0, 12.0, 16.0, 10.0, 35.0, 26.0, 42.0, 53.0];
    let opts = MilpOptions {
        integrality: vec![1],
        bounds: Some(Bounds::new(array![0.0], array![1.0])),
        constraints: vec![LinearConstraint::new(w, array![0.0], array![100.0])],
        node_limit: Some(1),
        ..Default::default()
    };
    let r = milp(&vals.view(), &opts).unwrap();
    assert_eq!((r.status, r.message.as_str(), r.mip_node_count), (1, "Iteration limit reached.", Some(1)));
    assert!(r.mip_dual_bound.unwrap() <= -105.0);
    let r = milp(&vals.view(), &MilpOptions { node_limit: None, ..opts }).unwrap();
    assert_eq!(
        (r.status, r.fun, r.message.as_str()),
        (0, Some(-105.0), "Optimization terminated successfully.")
    );
    let r = milp(&array![-1.0].view(), &MilpOptions::default()).unwrap();
    assert_eq!((r.status, r.message.as_str()), (3, "The problem is unbounded."));
}

#[test]
fn milp_bad_input() {
    let c = array![1.0, 1.0];
    let d = MilpOptions::default;
    let cons = |a: Array2<f64>, l: Array1<f64>, u: Array1<f64>| vec![LinearConstraint::new(a, l, u)];
    let cases: Vec<(&str, Array1<f64>, MilpOptions, OptimizeError)> = vec![
        (
            "nan c",
            array![f64::NAN, 1.0],
            d(),
            OptimizeError::InvalidValue {
                arg: "c",
                reason: "`c` must be a one-dimensional array of finite numbers with at least one element"
                    .into(),
            },
        ),
        (
            "integrality length",
            c.clone(),
            MilpOptions { integrality: vec![1, 0, 1], ..d() },
            OptimizeError::WrongLength { arg: "integrality", expected: 2, found: 3 },
        ),
        (
            "integrality 2",
            c.clone(),
            MilpOptions { integrality: vec![2], ..d() },
            OptimizeError::InvalidValue {
                arg: "integrality",
                reason: "only 0 (continuous) and 1 (integer) are supported".into(),
            },
        ),
        (
            "bounds length",
            c.clone(),
            MilpOptions { bounds: Some(Bounds::new(array![0.0, 0.0, 0.0], array![1.0])), ..d() },
            OptimizeError::WrongLength { arg: "bounds.lb", expected: 2, found: 3 },
        ),
        (
            "nan bounds",
            c.clone(),
            MilpOptions { bounds: Some(Bounds::new(array![f64::NAN], array![1.0])), ..d() },
            OptimizeError::InvalidValue {
                arg: "bounds",
                reason: "`bounds.lb` and `bounds.ub` must contain reals".into(),
            },
        ),
        (
            "A columns",
            c.clone(),
            MilpOptions { constraints: cons(array![[1.0, 2.0, 3.0]], array![0.0], array![1.0]), ..d() },
            OptimizeError::WrongLength { arg: "constraints.A", expected: 2, found: 3 },
        ),
        (
            "constraint ub length",
            c.clone(),
            MilpOptions { constraints: cons(array![[1.0, 2.0]], array![0.0], array![1.0, 2.0]), ..d() },
            OptimizeError::WrongLength { arg: "constraints.ub", expected: 1, found: 2 },
        ),
        (
            "gap",
            c.clone(),
            MilpOptions { mip_rel_gap: -1.0, ..d() },
            OptimizeError::InvalidValue { arg: "mip_rel_gap", reason: "must be non-negative".into() },
        ),
    ];
    for (what, c, opts, want) in cases {
        assert_eq!(milp(&c.view(), &opts).unwrap_err(), want, "{what}");
    }
}
