//! `NonlinearConstraint::finite_diff_rel_step` and `finite_diff_jac_sparsity` against SciPy
//! (tools/fixtures/optimize_constraint_fd.py): trust-constr estimates the constraint Jacobian
//! with them (SciPy's counts of constraint evaluations show the column groups); SLSQP and
//! COBYLA ignore them as SciPy.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Constraint, ConstraintJac, FiniteDiff, Jac, Method, MinimizeOptions, NonlinearConstraint, OptimizeError,
    SparseMatrix, TrustConstrOptions, minimize, minimize_trust_constr,
};

const W: [f64; 4] = [1.0, 2.0, 0.5, 1.5];
const C: [f64; 4] = [1.0, -0.5, 2.0, 0.3];

fn f(x: &Array1<f64>) -> f64 {
    (0..4).map(|i| W[i] * (x[i] - C[i]) * (x[i] - C[i])).sum::<f64>() + 0.1 * x[0] * x[3]
}

fn grad(x: &Array1<f64>) -> Array1<f64> {
    let mut g = Array1::from_shape_fn(4, |i| 2.0 * W[i] * (x[i] - C[i]));
    g[0] += 0.1 * x[3];
    g[3] += 0.1 * x[0];
    g
}

fn cons(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] * x[0] + x[1], x[1] * x[1] + x[2], x[2] * x[2] + x[3]]
}

fn pattern() -> SparseMatrix {
    SparseMatrix::from_dense(&array![[1.0, 1.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.0, 0.0, 1.0, 1.0]].view())
}

/// The fixture case's constraint, and the same without the finite-difference options.
fn constraints(fx: &Fixture, key: &str) -> (NonlinearConstraint<'static>, NonlinearConstraint<'static>) {
    let c = |k: &str| format!("{key}/{k}");
    let jac = if fx.str(&c("jac")) == "3-point" { FiniteDiff::ThreePoint } else { FiniteDiff::TwoPoint };
    let (lb, ub) = (fx.f64(&c("lb")), fx.f64(&c("ub")));
    let plain = NonlinearConstraint {
        jac: ConstraintJac::FiniteDiff(jac),
        ..NonlinearConstraint::new(&cons, array![lb], array![ub])
    };
    let rel_step = match fx.get(&c("rel_step")).as_str() {
        Some("none") => None,
        _ => Some(fx.array_f64(&c("rel_step")).into_dimensionality::<Ix1>().unwrap()),
    };
    let with = NonlinearConstraint {
        finite_diff_rel_step: rel_step,
        finite_diff_jac_sparsity: fx.get(&c("sparsity")).as_bool().unwrap().then(pattern),
        ..plain.clone()
    };
    (with, plain)
}

#[test]
fn constraint_fd_options_match_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_constraint_fd.json"))
            .unwrap();
    let x0 = array![0.5, 0.5, 0.5, 0.5];
    let mut n = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let (with, plain) = constraints(&fx, &key);
        let want_x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        match fx.str(&c("method")) {
            "trust-constr" => {
                let o = TrustConstrOptions {
                    jac: Jac::Fn(&grad),
                    constraints: vec![with.into()],
                    ..Default::default()
                };
                let r = minimize_trust_constr(f, &x0, &o).unwrap();
                assert_allclose(&r.x, &want_x, 0.0, 1e-7);
                let want_cn = fx.array_i64(&c("constr_nfev"));
                assert_eq!(r.constr_nfev[0] as i64, want_cn[[0]], "{key}: constr_nfev");
                assert_eq!(
                    (r.nit as i64, r.nfev as i64),
                    (fx.i64(&c("nit")), fx.i64(&c("nfev"))),
                    "{key}: nit, nfev"
                );
            }
            m => {
                let method = if m == "SLSQP" { Method::Slsqp } else { Method::Cobyla };
                let run = |nc: NonlinearConstraint<'static>| {
                    let cons: Vec<Constraint<'_>> = vec![nc.into()];
                    let jac = if method == Method::Slsqp { Jac::Fn(&grad) } else { Jac::default() };
                    let o = MinimizeOptions { method, jac, constraints: cons, ..Default::default() };
                    minimize(f, &x0, &o).unwrap()
                };
                let (r, r_plain) = (run(with), run(plain));
                // Ignored, as SciPy: the same run as without the options.
                assert_eq!(r, r_plain, "{key}: the options are ignored");
                assert_allclose(&r.x, &want_x, 0.0, 1e-6);
                assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
            }
        }
        n += 1;
    }
    assert_eq!(n, 13);
}

#[test]
fn constraint_fd_bad_input() {
    let x0 = array![0.5, 0.5, 0.5, 0.5];
    let base = || NonlinearConstraint::new(&cons, array![f64::NEG_INFINITY], array![1.0]);
    let wrong_shape = SparseMatrix::from_dense(&array![[1.0, 1.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0]].view());
    let cases: Vec<(&str, NonlinearConstraint<'static>, OptimizeError)> = vec![
        (
            "rel_step length",
            NonlinearConstraint { finite_diff_rel_step: Some(array![1e-4, 1e-4]), ..base() },
            OptimizeError::WrongLength { arg: "finite_diff_rel_step", expected: 4, found: 2 },
        ),
        (
            "rel_step NaN",
            NonlinearConstraint { finite_diff_rel_step: Some(array![f64::NAN]), ..base() },
            OptimizeError::InvalidValue { arg: "finite_diff_rel_step", reason: "must be finite".into() },
        ),
        (
            "sparsity shape",
            NonlinearConstraint { finite_diff_jac_sparsity: Some(wrong_shape), ..base() },
            OptimizeError::InvalidValue {
                arg: "finite_diff_jac_sparsity",
                reason: "has wrong shape: expected (3, 4), got (2, 4)".into(),
            },
        ),
    ];
    for (what, nc, want) in cases {
        let o =
            TrustConstrOptions { jac: Jac::Fn(&grad), constraints: vec![nc.into()], ..Default::default() };
        assert_eq!(minimize_trust_constr(f, &x0, &o).unwrap_err(), want, "{what}");
    }
}
