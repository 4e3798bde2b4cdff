//! linprog against SciPy (`tools/fixtures/optimize_linprog.py`): SciPy's own linprog test
//! problems and seeded random feasible problems up to 200x400; bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::random::default_rng;
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{LinprogBounds, LinprogMethod, LinprogOptions, OptimizeError, linprog};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m2(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn linprog_scipy_test_problems() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linprog.json")).unwrap();
    let mut checked = 0;
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let c = v(&fx, &k("c"));
        let (a_ub, b_ub, a_eq, b_eq) =
            (m2(&fx, &k("A_ub")), v(&fx, &k("b_ub")), m2(&fx, &k("A_eq")), v(&fx, &k("b_eq")));
        let (lb, ub) = (v(&fx, &k("lb")), v(&fx, &k("ub")));
        let bounds = match fx.str(&k("bounds_kind")) {
            "none" => LinprogBounds::NonNegative,
            "all" => LinprogBounds::All(lb[0], ub[0]),
            _ => LinprogBounds::PerVariable(lb.iter().copied().zip(ub.iter().copied()).collect()),
        };
        for method in [LinprogMethod::Highs, LinprogMethod::HighsDs, LinprogMethod::HighsIpm] {
            let opts = LinprogOptions {
                a_ub: (a_ub.nrows() > 0).then(|| a_ub.view().into()),
                b_ub: (a_ub.nrows() > 0).then(|| b_ub.view()),
                a_eq: (a_eq.nrows() > 0).then(|| a_eq.view().into()),
                b_eq: (a_eq.nrows() > 0).then(|| b_eq.view()),
                bounds: bounds.clone(),
                method,
                ..Default::default()
            };
            let r = linprog(&c.view(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
            let status = fx.i64(&k("status"));
            assert_eq!(i64::from(r.status), status, "{name}: {}", r.message);
            assert_eq!(r.success, status == 0);
            if status != 0 {
                assert!(r.x.is_none() && r.fun.is_none(), "{name}");
                continue;
            }
            let x = r.x.clone().unwrap();
            let fun = fx.f64(&k("fun"));
            let scale = 1.0 + x.iter().fold(0.0f64, |a, b| a.max(b.abs()));
            // A vertex is exact up to the factorization's rounding (~1e-12 relative).
            assert!(
                (r.fun.unwrap() - fun).abs() <= 1e-9 * (1.0 + fun.abs()),
                "{name}: fun {:?} vs {fun}",
                r.fun
            );
            // Feasibility at SciPy's tolerance (primal_feasibility_tolerance = 1e-7).
            let slack = r.slack.clone().unwrap();
            let con = r.con.clone().unwrap();
            assert!(slack.iter().all(|&s| s >= -1e-7 * scale), "{name}: slack {slack}");
            assert!(con.iter().all(|&s| s.abs() <= 1e-7 * scale), "{name}: con {con}");
            assert!(x.iter().zip(&lb).all(|(x, l)| *x >= l - 1e-7), "{name}: lb");
            assert!(x.iter().zip(&ub).all(|(x, u)| *x <= u + 1e-7), "{name}: ub");
            assert_allclose(&slack, &(&b_ub - &a_ub.dot(&x)), 1e-12, 1e-10 * scale);
            let ineq = r.ineqlin.clone().unwrap();
            let eq = r.eqlin.clone().unwrap();
            let (lo, up) = (r.lower.clone().unwrap(), r.upper.clone().unwrap());
            // Sign conventions hold whether or not the multipliers are unique.
            assert!(ineq.marginals.iter().all(|&m| m <= 1e-9), "{name}: ineqlin {}", ineq.marginals);
            assert!(lo.marginals.iter().all(|&m| m >= -1e-9), "{name}: lower {}", lo.marginals);
            assert!(up.marginals.iter().all(|&m| m <= 1e-9), "{name}: upper {}", up.marginals);
            // Strong duality: c x = b_ub y_ub + b_eq y_eq + lb z_l + ub z_u (finite parts).
            let bound_part: f64 = lb
                .iter()
                .zip(&lo.marginals)
                .chain(ub.iter().zip(&up.marginals))
                .filter(|(_, m)| **m != 0.0)
                .map(|(b, m)| b * m)
                .sum();
            let dual = b_ub.dot(&ineq.marginals) + b_eq.dot(&eq.marginals) + bound_part;
            assert!((dual - fun).abs() <= 1e-8 * (1.0 + fun.abs()), "{name}: dual objective {dual} vs {fun}");
            if fx.i64(&k("x_unique")) == 1 {
                assert_allclose(&x, &v(&fx, &k("x")), 1e-9, 1e-9 * scale);
                assert_allclose(&con, &v(&fx, &k("con")), 1e-9, 1e-9 * scale);
            }
            if fx.i64(&k("marg_unique")) == 1 {
                let ms = 1.0
                    + v(&fx, &k("marg_ineq"))
                        .iter()
                        .chain(&v(&fx, &k("marg_eq")))
                        .fold(0.0f64, |a, b| a.max(b.abs()));
                assert_allclose(&ineq.marginals, &v(&fx, &k("marg_ineq")), 1e-8, 1e-9 * ms);
                assert_allclose(&eq.marginals, &v(&fx, &k("marg_eq")), 1e-8, 1e-9 * ms);
                assert_allclose(&lo.marginals, &v(&fx, &k("marg_lower")), 1e-8, 1e-9 * ms);
                assert_allclose(&up.marginals, &v(&fx, &k("marg_upper")), 1e-8, 1e-9 * ms);
            }
            checked += 1;
        }
    }
    assert!(checked >= 90, "{checked}");
}

/// The random problem of SciPy's generator, redrawn with NumPy's stream.
pub fn random_problem(seed: u64, m: usize, n: usize) -> (Array1<f64>, Array2<f64>, Array1<f64>) {
    let mut g = default_rng(seed);
    let a = g.random((m, n)).unwrap() * 2.0 - 1.0;
    let x0 = g.random(n).unwrap();
    let b = a.dot(&x0) + g.random(m).unwrap();
    let y = g.random(m).unwrap();
    let s = g.random(n).unwrap();
    let c = -a.t().dot(&y) + s;
    (c, a, b)
}

#[test]
fn linprog_random_problems() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linprog_random.json"))
            .unwrap();
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let (c, a, b) =
            random_problem(fx.i64(&k("seed")) as u64, fx.i64(&k("m")) as usize, fx.i64(&k("n")) as usize);
        let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), ..Default::default() };
        let r = linprog(&c.view(), &opts).unwrap();
        assert_eq!(r.status, 0, "{name}: {}", r.message);
        let fun = fx.f64(&k("fun"));
        assert!((r.fun.unwrap() - fun).abs() <= 1e-9 * (1.0 + fun.abs()), "{name}: {:?} vs {fun}", r.fun);
        assert_eq!(fx.i64(&k("x_unique")), 1);
        assert_allclose(r.x.as_ref().unwrap(), &v(&fx, &k("x")), 1e-8, 1e-9);
        assert_allclose(&r.ineqlin.unwrap().marginals, &v(&fx, &k("marg_ineq")), 1e-8, 1e-9);
        assert_allclose(&r.lower.unwrap().marginals, &v(&fx, &k("marg_lower")), 1e-8, 1e-9);
    }
}

#[test]
fn linprog_edges() {
    // Non-contiguous views give the same answer as contiguous arrays.
    let (c, a, b) = random_problem(7, 6, 10);
    let opts = LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b.view()), ..Default::default() };
    let r = linprog(&c.view(), &opts).unwrap();
    let at = a.t().to_owned();
    let c2 = Array1::from_iter(c.iter().flat_map(|&v| [v, 0.0]));
    let opts2 = LinprogOptions { a_ub: Some(at.t().into()), b_ub: Some(b.view()), ..Default::default() };
    let r2 = linprog(&c2.slice(sci_array::ndarray::s![..;2]), &opts2).unwrap();
    assert_eq!(r.x, r2.x);
    // Length 1, no constraints: x at the bound the cost points to.
    let r = linprog(
        &array![2.0].view(),
        &LinprogOptions { bounds: LinprogBounds::All(-1.0, 3.0), ..Default::default() },
    )
    .unwrap();
    assert_eq!((r.x.unwrap()[0], r.fun.unwrap(), r.nit), (-1.0, -2.0, 0));
    assert_eq!(r.lower.unwrap().marginals[0], 2.0);
    // Iteration limit: status 1 and SciPy's message.
    let (c, a, b) = random_problem(101, 20, 40);
    let opts = LinprogOptions {
        a_ub: Some(a.view().into()),
        b_ub: Some(b.view()),
        maxiter: Some(2),
        ..Default::default()
    };
    let r = linprog(&c.view(), &opts).unwrap();
    assert_eq!((r.status, r.nit, r.message.as_str()), (1, 2, "Iteration limit reached."));
    // lb > ub is an infeasible problem (status 2), as in SciPy; so is lb = inf.
    for bounds in [LinprogBounds::All(1.0, 0.0), LinprogBounds::All(f64::INFINITY, f64::INFINITY)] {
        let r = linprog(&array![1.0, 1.0].view(), &LinprogOptions { bounds, ..Default::default() }).unwrap();
        assert_eq!((r.status, r.message.as_str()), (2, "The problem is infeasible."));
    }
}

#[test]
fn linprog_bad_input() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let a3 = array![[1.0, 2.0, 3.0]];
    let b = array![1.0, 2.0];
    let b1 = array![1.0];
    let bnan = array![1.0, f64::NAN];
    let ainf = array![[1.0, f64::INFINITY], [0.0, 1.0]];
    let c = array![1.0, 1.0];
    let cnan = array![f64::NAN, 1.0];
    let empty = Array1::<f64>::zeros(0);
    let d = LinprogOptions::default;
    let cases: Vec<(&str, Array1<f64>, LinprogOptions<'_>, OptimizeError)> = vec![
        (
            "nan c",
            cnan,
            d(),
            OptimizeError::InvalidValue {
                arg: "c",
                reason: "c must not contain values inf, nan, or None".into(),
            },
        ),
        (
            "empty c",
            empty,
            d(),
            OptimizeError::InvalidValue {
                arg: "c",
                reason: "c must be a 1-D array and must not be empty".into(),
            },
        ),
        (
            "A_ub columns",
            c.clone(),
            LinprogOptions { a_ub: Some(a3.view().into()), b_ub: Some(b1.view()), ..d() },
            OptimizeError::WrongLength { arg: "A_ub", expected: 2, found: 3 },
        ),
        (
            "b_ub length",
            c.clone(),
            LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(b1.view()), ..d() },
            OptimizeError::WrongLength { arg: "b_ub", expected: 2, found: 1 },
        ),
        (
            "A_eq columns",
            c.clone(),
            LinprogOptions { a_eq: Some(a3.view().into()), b_eq: Some(b1.view()), ..d() },
            OptimizeError::WrongLength { arg: "A_eq", expected: 2, found: 3 },
        ),
        (
            "b_eq length",
            c.clone(),
            LinprogOptions { a_eq: Some(a.view().into()), b_eq: Some(b1.view()), ..d() },
            OptimizeError::WrongLength { arg: "b_eq", expected: 2, found: 1 },
        ),
        (
            "nan b_ub",
            c.clone(),
            LinprogOptions { a_ub: Some(a.view().into()), b_ub: Some(bnan.view()), ..d() },
            OptimizeError::InvalidValue {
                arg: "b_ub",
                reason: "b_ub must not contain values inf, nan, or None".into(),
            },
        ),
        (
            "inf A_eq",
            c.clone(),
            LinprogOptions { a_eq: Some(ainf.view().into()), b_eq: Some(b.view()), ..d() },
            OptimizeError::InvalidValue {
                arg: "A_eq",
                reason: "A_eq must not contain values inf, nan, or None".into(),
            },
        ),
        (
            "A_ub without b_ub",
            c.clone(),
            LinprogOptions { a_ub: Some(a.view().into()), ..d() },
            OptimizeError::MissingArgument { method: "linprog", arg: "b_ub" },
        ),
        (
            "bounds length",
            c.clone(),
            LinprogOptions { bounds: LinprogBounds::PerVariable(vec![(0.0, 1.0)]), ..d() },
            OptimizeError::WrongLength { arg: "bounds", expected: 2, found: 1 },
        ),
        (
            "nan bounds",
            c.clone(),
            LinprogOptions { bounds: LinprogBounds::All(f64::NAN, 1.0), ..d() },
            OptimizeError::InvalidValue { arg: "bounds", reason: "bounds must not contain nan".into() },
        ),
    ];
    for (what, c, opts, want) in cases {
        assert_eq!(linprog(&c.view(), &opts).unwrap_err(), want, "{what}");
    }
}

#[test]
fn linprog_mixed_problems() {
    // 150 seeded problems of every shape: status and optimum as SciPy's, for each method.
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linprog_mixed.json"))
            .unwrap();
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let (c, a, b, ae, be) = (
            v(&fx, &k("c")),
            m2(&fx, &k("A_ub")),
            v(&fx, &k("b_ub")),
            m2(&fx, &k("A_eq")),
            v(&fx, &k("b_eq")),
        );
        let (lb, ub) = (v(&fx, &k("lb")), v(&fx, &k("ub")));
        for method in [LinprogMethod::HighsDs, LinprogMethod::HighsIpm] {
            let opts = LinprogOptions {
                a_ub: (a.nrows() > 0).then(|| a.view().into()),
                b_ub: (a.nrows() > 0).then(|| b.view()),
                a_eq: (ae.nrows() > 0).then(|| ae.view().into()),
                b_eq: (ae.nrows() > 0).then(|| be.view()),
                bounds: LinprogBounds::PerVariable(lb.iter().copied().zip(ub.iter().copied()).collect()),
                method,
                ..Default::default()
            };
            let r = linprog(&c.view(), &opts).unwrap();
            let status = fx.i64(&k("status"));
            assert_eq!(i64::from(r.status), status, "{name} {method:?}: {}", r.message);
            if status == 0 {
                let fun = fx.f64(&k("fun"));
                let f = r.fun.unwrap();
                assert!((f - fun).abs() <= 1e-9 * (1.0 + fun.abs()), "{name} {method:?}: {f} vs {fun}");
                let x = r.x.unwrap();
                assert!(r.slack.unwrap().iter().all(|&s| s >= -1e-7), "{name}");
                assert!(r.con.unwrap().iter().all(|&s| s.abs() <= 1e-7), "{name}");
                assert!(
                    x.iter().zip(&lb).zip(&ub).all(|((x, l), u)| *x >= l - 1e-9 && *x <= u + 1e-9),
                    "{name}"
                );
            }
        }
    }
}
