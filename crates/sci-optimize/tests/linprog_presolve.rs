//! linprog's presolve against SciPy (`tools/fixtures/optimize_linprog_presolve.py`): problems
//! exercising each reduction (fixed and empty columns, empty and singleton rows, redundant and
//! forcing rows, infeasible and unbounded problems found by presolve) and seeded random
//! problems with such structure, dense and sparse, each method, with and without presolve.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    ConstraintMatrix, LinprogBounds, LinprogMethod, LinprogOptions, LinprogResult, SparseMatrix, linprog,
};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m2(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn max_abs<'a>(it: impl IntoIterator<Item = &'a f64>) -> f64 {
    it.into_iter().fold(0.0f64, |a, b| a.max(b.abs()))
}

/// Check one result against the fixture case `name`.
fn check(fx: &Fixture, name: &str, what: &str, r: &LinprogResult, ab: (&Array2<f64>, &Array2<f64>)) {
    let k = |s: &str| format!("{name}/{s}");
    let status = fx.i64(&k("status"));
    assert_eq!(i64::from(r.status), status, "{what}: {}", r.message);
    assert_eq!(r.success, status == 0, "{what}");
    let message = match status {
        0 => "Optimization terminated successfully.",
        2 => "The problem is infeasible.",
        _ => "The problem is unbounded.",
    };
    assert_eq!(r.message, message, "{what}");
    if status != 0 {
        assert!(r.x.is_none() && r.fun.is_none() && r.eqlin.is_none(), "{what}");
        return;
    }
    let (a_ub, a_eq) = ab;
    let (b_ub, b_eq, lb, ub) = (v(fx, &k("b_ub")), v(fx, &k("b_eq")), v(fx, &k("lb")), v(fx, &k("ub")));
    let x = r.x.clone().unwrap();
    let fun = fx.f64(&k("fun"));
    let scale = 1.0 + max_abs(&x);
    assert!((r.fun.unwrap() - fun).abs() <= 1e-9 * (1.0 + fun.abs()), "{what}: fun {:?} vs {fun}", r.fun);
    let (slack, con) = (r.slack.clone().unwrap(), r.con.clone().unwrap());
    assert_allclose(&slack, &(&b_ub - &a_ub.dot(&x)), 1e-12, 1e-10 * scale);
    assert_allclose(&con, &(&b_eq - &a_eq.dot(&x)), 1e-12, 1e-10 * scale);
    assert!(slack.iter().all(|&s| s >= -1e-7 * scale), "{what}: slack {slack}");
    assert!(con.iter().all(|&s| s.abs() <= 1e-7 * scale), "{what}: con {con}");
    assert!(x.iter().zip(&lb).zip(&ub).all(|((x, l), u)| *x >= l - 1e-7 && *x <= u + 1e-7), "{what}: bounds");
    let (ineq, eq) = (r.ineqlin.clone().unwrap(), r.eqlin.clone().unwrap());
    let (lo, up) = (r.lower.clone().unwrap(), r.upper.clone().unwrap());
    assert_eq!(ineq.residual, slack, "{what}");
    assert_eq!(eq.residual, con, "{what}");
    // Sign conventions and complementary slackness, unique multipliers or not.
    assert!(ineq.marginals.iter().all(|&m| m <= 1e-9), "{what}: ineqlin {}", ineq.marginals);
    assert!(lo.marginals.iter().all(|&m| m >= -1e-9), "{what}: lower {}", lo.marginals);
    assert!(up.marginals.iter().all(|&m| m <= 1e-9), "{what}: upper {}", up.marginals);
    for (s, m) in slack.iter().zip(&ineq.marginals) {
        assert!(s.abs() <= 1e-7 * scale || m.abs() <= 1e-9, "{what}: slack {s} with marginal {m}");
    }
    for (j, (l, u)) in lo.marginals.iter().zip(&up.marginals).enumerate() {
        assert!(*l == 0.0 || (x[j] - lb[j]).abs() <= 1e-7 * scale, "{what}: lower marginal off bound {j}");
        assert!(*u == 0.0 || (ub[j] - x[j]).abs() <= 1e-7 * scale, "{what}: upper marginal off bound {j}");
    }
    // Stationarity: c = A_ub^T y_ub + A_eq^T y_eq + z_lower + z_upper.
    let c = v(fx, &k("c"));
    let grad = a_ub.t().dot(&ineq.marginals) + a_eq.t().dot(&eq.marginals) + &lo.marginals + &up.marginals;
    assert_allclose(&grad, &c, 1e-9, 1e-9 * (1.0 + max_abs(&c)));
    if fx.i64(&k("x_unique")) == 1 {
        assert_allclose(&x, &v(fx, &k("x")), 1e-9, 1e-9 * scale);
    }
    if fx.i64(&k("marg_unique")) == 1 {
        let ms = 1.0 + max_abs(v(fx, &k("marg_ineq")).iter().chain(&v(fx, &k("marg_eq"))));
        assert_allclose(&ineq.marginals, &v(fx, &k("marg_ineq")), 1e-8, 1e-9 * ms);
        assert_allclose(&eq.marginals, &v(fx, &k("marg_eq")), 1e-8, 1e-9 * ms);
        assert_allclose(&lo.marginals, &v(fx, &k("marg_lower")), 1e-8, 1e-9 * ms);
        assert_allclose(&up.marginals, &v(fx, &k("marg_upper")), 1e-8, 1e-9 * ms);
    }
}

#[test]
fn linprog_presolve_against_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linprog_presolve.json"))
            .unwrap();
    let (mut checked, mut by_presolve) = (0, 0);
    for name in fx.keys() {
        if name.starts_with('_') {
            continue;
        }
        let k = |s: &str| format!("{name}/{s}");
        let c = v(&fx, &k("c"));
        let (a_ub, b_ub, a_eq, b_eq) =
            (m2(&fx, &k("A_ub")), v(&fx, &k("b_ub")), m2(&fx, &k("A_eq")), v(&fx, &k("b_eq")));
        let (lb, ub) = (v(&fx, &k("lb")), v(&fx, &k("ub")));
        let (s_ub, s_eq) = (SparseMatrix::from_dense(&a_ub.view()), SparseMatrix::from_dense(&a_eq.view()));
        for sparse in [false, true] {
            let (mu, me): (ConstraintMatrix<'_>, ConstraintMatrix<'_>) = if sparse {
                ((&s_ub).into(), (&s_eq).into())
            } else {
                (a_ub.view().into(), a_eq.view().into())
            };
            for method in [LinprogMethod::Highs, LinprogMethod::HighsDs, LinprogMethod::HighsIpm] {
                for presolve in [true, false] {
                    let opts = LinprogOptions {
                        a_ub: (a_ub.nrows() > 0).then_some(mu),
                        b_ub: (a_ub.nrows() > 0).then(|| b_ub.view()),
                        a_eq: (a_eq.nrows() > 0).then_some(me),
                        b_eq: (a_eq.nrows() > 0).then(|| b_eq.view()),
                        bounds: LinprogBounds::PerVariable(
                            lb.iter().copied().zip(ub.iter().copied()).collect(),
                        ),
                        method,
                        presolve,
                        ..Default::default()
                    };
                    let what = format!("{name} sparse={sparse} {method:?} presolve={presolve}");
                    let r = linprog(&c.view(), &opts).unwrap_or_else(|e| panic!("{what}: {e}"));
                    check(&fx, &name, &what, &r, (&a_ub, &a_eq));
                    if presolve && r.nit == 0 {
                        by_presolve += 1;
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 12 * 65, "{checked}");
    // Presolve alone settles 19 problems (6 runs each with presolve): most of the hand-made
    // ones and the infeasible random ones.
    assert!(by_presolve >= 6 * 19, "{by_presolve}");
}

#[test]
fn linprog_presolve_by_reduction() {
    // Presolve alone solves these (nit 0), as HiGHS's presolve does; without presolve the
    // simplex iterates to the same solution and marginals.
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_linprog_presolve.json"))
            .unwrap();
    for name in [
        "fixed_col_all",
        "empty_cols",
        "singleton_ub_rows",
        "singleton_eq_rows",
        "all_singletons",
        "forcing_ub",
    ] {
        assert_eq!(fx.i64(&format!("{name}/nit0")), 1, "{name}");
    }
    // The problem of every reduction at once: singleton <= and == rows, a fixed column, an
    // empty row and column, a forcing row.
    let c = array![1.0, -1.0, 2.0, 0.5, -3.0];
    let a_ub = array![[1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0, 0.0]];
    let b_ub = array![4.0, 1.0, 0.0];
    let a_eq = array![[0.0, 0.0, 0.0, 2.0, 0.0]];
    let b_eq = array![3.0];
    let bounds =
        LinprogBounds::PerVariable(vec![(-1.0, 5.0), (0.0, 2.0), (0.0, 3.0), (0.0, 9.0), (1.0, 1.0)]);
    let base = LinprogOptions {
        a_ub: Some(a_ub.view().into()),
        b_ub: Some(b_ub.view()),
        a_eq: Some(a_eq.view().into()),
        b_eq: Some(b_eq.view()),
        bounds,
        ..Default::default()
    };
    let r = linprog(&c.view(), &base).unwrap();
    let r0 = linprog(&c.view(), &LinprogOptions { presolve: false, ..base.clone() }).unwrap();
    assert_eq!(r.nit, 0);
    assert_eq!(r.x.clone().unwrap(), array![-1.0, 0.0, 0.0, 1.5, 1.0]);
    assert_eq!(r.fun, Some(-3.25));
    for (a, b) in
        [(&r.ineqlin, &r0.ineqlin), (&r.eqlin, &r0.eqlin), (&r.lower, &r0.lower), (&r.upper, &r0.upper)]
    {
        let (a, b) = (a.clone().unwrap(), b.clone().unwrap());
        assert_allclose(&a.residual, &b.residual, 1e-12, 1e-12);
        assert_allclose(&a.marginals, &b.marginals, 1e-12, 1e-12);
    }
    // SciPy's values, with presolve and without.
    assert_eq!(r.ineqlin.unwrap().marginals, array![0.0, 0.0, -1.0]);
    assert_eq!(r.eqlin.unwrap().marginals, array![0.25]);
    assert_eq!(r.lower.unwrap().marginals, array![1.0, 0.0, 3.0, 0.0, 0.0]);
    assert_eq!(r.upper.unwrap().marginals, array![0.0, 0.0, 0.0, 0.0, -3.0]);
}
