//! milp against SciPy (`tools/fixtures/optimize_milp.py`): SciPy's milp tests, knapsacks and
//! seeded small integer programs; semi-continuous and semi-integer variables
//! (`tools/fixtures/optimize_milp_semi.py`): where the semi-continuity binds or not, mixed with
//! integers, infeasible, equality constraints, HiGHS's rules for semi-variable bounds, seeded
//! covering and packing problems; bad-input tables.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{Bounds, LinearConstraint, MilpOptions, OptimizeError, milp};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

/// A fixture problem.
struct Case {
    c: Array1<f64>,
    integ: Vec<u8>,
    a: Array2<f64>,
    bl: Array1<f64>,
    bu: Array1<f64>,
    lb: Array1<f64>,
    ub: Array1<f64>,
}

impl Case {
    /// The fixture file `tests/fixtures/{file}.json` and its problems by name.
    fn load_all(file: &str) -> (Fixture, Vec<(String, Case)>) {
        let path = format!("{}/tests/fixtures/{file}.json", env!("CARGO_MANIFEST_DIR"));
        let fx = Fixture::load(&path).unwrap();
        let cases = fx
            .keys()
            .into_iter()
            .filter(|k| !k.starts_with('_'))
            .map(|k| (k.clone(), Case::load(&fx, &k)))
            .collect();
        (fx, cases)
    }

    fn load(fx: &Fixture, name: &str) -> Case {
        let k = |s: &str| format!("{name}/{s}");
        Case {
            c: v(fx, &k("c")),
            integ: fx.array_i64(&k("integrality")).iter().map(|&i| i as u8).collect(),
            a: fx.array_f64(&k("A")).into_dimensionality::<Ix2>().unwrap(),
            bl: v(fx, &k("bl")),
            bu: v(fx, &k("bu")),
            lb: v(fx, &k("lb")),
            ub: v(fx, &k("ub")),
        }
    }

    fn options(&self, gap: f64) -> MilpOptions {
        let constraints = if self.a.nrows() > 0 {
            vec![LinearConstraint::new(self.a.clone(), self.bl.clone(), self.bu.clone())]
        } else {
            vec![]
        };
        MilpOptions {
            integrality: self.integ.clone(),
            bounds: Some(Bounds::new(self.lb.clone(), self.ub.clone())),
            constraints,
            mip_rel_gap: gap,
            ..Default::default()
        }
    }
}

#[test]
fn milp_matches_scipy() {
    let (fx, cases) = Case::load_all("optimize_milp");
    let mut checked = 0;
    for (name, case) in &cases {
        let k = |s: &str| format!("{name}/{s}");
        let Case { c, integ, a, bl, bu, lb, ub } = case;
        let status = fx.i64(&k("status"));
        // Exact optimum (gap 0, as the fixture) and SciPy's default gap 1e-4.
        for gap in [0.0, 1e-4] {
            let r = milp(&c.view(), &case.options(gap)).unwrap_or_else(|e| panic!("{name}: {e}"));
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
            "integrality 4",
            c.clone(),
            MilpOptions { integrality: vec![4], ..d() },
            OptimizeError::InvalidValue {
                arg: "integrality",
                reason: "`integrality` must contain integers 0-3 and be broadcastable to `c.shape`".into(),
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

#[test]
fn milp_semi_matches_scipy() {
    let (fx, cases) = Case::load_all("optimize_milp_semi");
    let (mut solved, mut rejected, mut other) = (0, 0, 0);
    for (name, case) in &cases {
        let k = |s: &str| format!("{name}/{s}");
        let Case { c, integ, a, bl, bu, lb, ub } = case;
        let opts = case.options(0.0);
        let status = fx.i64(&k("status"));
        let message = fx.str(&k("message"));
        if fx.i64(&k("rejected")) == 1 {
            // SciPy: status 4, "(HiGHS Status 4: Solve error)"; sci refuses the bounds.
            assert_eq!((status, message), (4, ""), "{name}");
            match milp(&c.view(), &opts) {
                Err(OptimizeError::InvalidValue { arg: "bounds", .. }) => rejected += 1,
                r => panic!("{name}: {r:?}"),
            }
            continue;
        }
        let r = milp(&c.view(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(i64::from(r.status), status, "{name}: {}", r.message);
        assert_eq!(r.success, status == 0);
        // SciPy's message without "(HiGHS Status ...)"; empty for HiGHS's solve error.
        if message.is_empty() {
            assert!(r.message.starts_with("Solve error"), "{name}: {}", r.message);
        } else {
            assert_eq!(r.message, message, "{name}");
        }
        if status != 0 {
            assert!(r.x.is_none() && r.fun.is_none(), "{name}");
            other += 1;
            continue;
        }
        let x = r.x.clone().unwrap();
        let (f, fun) = (r.fun.unwrap(), fx.f64(&k("fun")));
        // HiGHS may leave a semi-variable up to its mip_feasibility_tolerance (1e-6) below its
        // lower bound (lots_small_demand: x = 3 - 6.7e-7); sci moves it onto the bound.
        assert!((f - fun).abs() <= 1e-6 * (1.0 + fun.abs()), "{name}: fun {f} vs {fun}");
        assert!((c.dot(&x) - f).abs() <= 1e-12 * (1.0 + f.abs()));
        for j in 0..x.len() {
            let (xj, semi) = (x[j], integ[j] >= 2 && lb[j] <= ub[j]);
            if semi && xj == 0.0 {
                continue;
            }
            if integ[j] >= 2 && lb[j] > ub[j] {
                assert_eq!(xj, 0.0, "{name}: x[{j}] (inconsistent semi bounds fix it at 0)");
                continue;
            }
            assert!(xj >= lb[j] - 1e-9 && xj <= ub[j] + 1e-9, "{name}: x[{j}] = {xj}");
            if integ[j] == 1 || integ[j] == 3 {
                assert_eq!(xj, xj.round(), "{name}: x[{j}]");
            }
        }
        let ax = a.dot(&x);
        for i in 0..ax.len() {
            assert!(ax[i] >= bl[i] - 1e-6 && ax[i] <= bu[i] + 1e-6, "{name}: row {i}: {}", ax[i]);
        }
        let (dual, g) = (r.mip_dual_bound.unwrap(), r.mip_gap.unwrap());
        assert!(dual <= f + 1e-9 && g <= 1e-12, "{name}: bound {dual}, gap {g}");
        if fx.i64(&k("x_unique")) == 1 {
            assert_allclose(&x, &v(&fx, &k("x")), 0.0, 1e-6);
        }
        solved += 1;
    }
    assert_eq!((solved, rejected, other), (24, 3, 5));
}

#[test]
fn milp_semi_bad_input() {
    let c = array![1.0, 1.0];
    let d = MilpOptions::default;
    let bounds = |l: Array1<f64>, u: Array1<f64>| Some(Bounds::new(l, u));
    let integ_msg = "`integrality` must contain integers 0-3 and be broadcastable to `c.shape`";
    let cases: Vec<(&str, MilpOptions, OptimizeError)> = vec![
        (
            "integrality 4",
            MilpOptions { integrality: vec![0, 4], ..d() },
            OptimizeError::InvalidValue { arg: "integrality", reason: integ_msg.into() },
        ),
        (
            "integrality 255 (SciPy's uint8 of -1)",
            MilpOptions { integrality: vec![255], ..d() },
            OptimizeError::InvalidValue { arg: "integrality", reason: integ_msg.into() },
        ),
        (
            "integrality length",
            MilpOptions { integrality: vec![2, 3, 2], ..d() },
            OptimizeError::WrongLength { arg: "integrality", expected: 2, found: 3 },
        ),
        (
            "semi negative lb",
            MilpOptions { integrality: vec![0, 2], bounds: bounds(array![-5.0, -0.5], array![1.0, 4.0]), ..d() },
            OptimizeError::InvalidValue {
                arg: "bounds",
                reason: "semi-continuous/integer variables must have a non-negative lower bound (variable 1: -0.5)"
                    .into(),
            },
        ),
        (
            "semi-integer -inf lb",
            MilpOptions { integrality: vec![3], bounds: bounds(array![f64::NEG_INFINITY], array![4.0]), ..d() },
            OptimizeError::InvalidValue {
                arg: "bounds",
                reason: "semi-continuous/integer variables must have a non-negative lower bound (variable 0: -inf)"
                    .into(),
            },
        ),
        (
            "semi large lb with large ub",
            MilpOptions {
                integrality: vec![1, 2],
                bounds: bounds(array![0.0, 20000.0], array![1.0, 2e5]),
                ..d()
            },
            OptimizeError::InvalidValue {
                arg: "bounds",
                reason: "semi-continuous/integer variable 1 has an upper bound above 1e5 that cannot be lowered \
                         to it: its lower bound 20000 exceeds 1e4"
                    .into(),
            },
        ),
    ];
    for (what, opts, want) in cases {
        assert_eq!(milp(&c.view(), &opts).unwrap_err(), want, "{what}");
    }
}
