//! `lsq_linear`'s `unbounded_sol` against SciPy (tools/fixtures/optimize_lsq_linear_unbounded.py):
//! NumPy's `lstsq` tuple (x, residuals, rank, s) for `lsq_solver='exact'` and LSMR's tuple for
//! `'lsmr'`, with trf and bvls, inside and outside the bounds.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, LsmrTol, LsqLinearMethod, LsqLinearOptions, LsqSolver, SparseMatrix, UnboundedSol, lsq_linear,
    lsq_linear_sparse,
};

fn close(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() <= 1e-10 * want.abs() + 1e-14, "{what}: {got} vs {want}");
}

#[test]
fn unbounded_sol_matches_scipy() {
    let fx = Fixture::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/optimize_lsq_linear_unbounded.json"
    ))
    .unwrap();
    let mut n = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let v1 = |k: &str| fx.array_f64(&c(k)).into_dimensionality::<Ix1>().unwrap();
        let a: Array2<f64> = fx.array_f64(&c("a")).into_dimensionality::<Ix2>().unwrap();
        let b = v1("b");
        let opts = fx.get(&c("opts"));
        let o = LsqLinearOptions {
            bounds: Some(Bounds::new(v1("lb"), v1("ub"))),
            method: if opts.get("method").and_then(|m| m.as_str()) == Some("bvls") {
                LsqLinearMethod::Bvls
            } else {
                LsqLinearMethod::Trf
            },
            lsq_solver: opts.get("lsq_solver").map(|_| LsqSolver::Lsmr),
            lsmr_tol: opts.get("lsmr_tol").and_then(|t| t.as_f64()).map(LsmrTol::Value),
            lsmr_maxiter: opts.get("lsmr_maxiter").and_then(|t| t.as_u64()).map(|t| t as usize),
            ..Default::default()
        };
        let r = if fx.get(&c("sparse")).as_bool().unwrap() {
            lsq_linear_sparse(&SparseMatrix::from_dense(&a.view()), &b, &o).unwrap()
        } else {
            lsq_linear(&a, &b, &o).unwrap()
        };
        assert_eq!((i64::from(r.status), r.nit as i64), (fx.i64(&c("status")), fx.i64(&c("nit"))), "{key}");
        assert_allclose(&r.x, &v1("x"), 1e-9, 1e-12);
        assert_allclose(r.unbounded_sol.x(), &v1("u_x"), 1e-10, 1e-13);
        match (&r.unbounded_sol, fx.str(&c("kind"))) {
            (UnboundedSol::Lstsq { residuals, rank, s, .. }, "lstsq") => {
                assert_eq!(*rank as i64, fx.i64(&c("rank")), "{key}: rank");
                let want = v1("residuals");
                assert_eq!(residuals.len(), want.len(), "{key}: residuals");
                assert_allclose(residuals, &want, 1e-10, 0.0);
                assert_allclose(s, &v1("s"), 1e-12, 1e-14);
            }
            (UnboundedSol::Lsmr { istop, itn, normr, normar, norma, conda, normx, .. }, "lsmr") => {
                assert_eq!(
                    (i64::from(*istop), *itn as i64),
                    (fx.i64(&c("istop")), fx.i64(&c("itn"))),
                    "{key}"
                );
                for (got, name) in [(normr, "normr"), (norma, "norma"), (conda, "conda"), (normx, "normx")] {
                    close(*got, fx.f64(&c(name)), &format!("{key}: {name}"));
                }
                // |A^T r| is at rounding level when LSMR converged: compare on |A| |r|'s scale.
                let scale = fx.f64(&c("norma")) * fx.f64(&c("normr"));
                assert!((normar - fx.f64(&c("normar"))).abs() <= 1e-8 * scale, "{key}: normar");
            }
            (got, kind) => panic!("{key}: {got:?} where SciPy has {kind}"),
        }
        n += 1;
    }
    assert_eq!(n, 14);
}

/// The bad-input rows of `lsq_linear` still come before the unbounded solve.
#[test]
fn unbounded_sol_bad_input() {
    let a = Array2::<f64>::eye(3);
    let cases: Vec<(&str, Array1<f64>, LsqLinearOptions)> = vec![
        ("b", Array1::zeros(2), LsqLinearOptions::default()),
        (
            "bounds.lb",
            Array1::zeros(3),
            LsqLinearOptions {
                bounds: Some(Bounds::new(Array1::zeros(2), Array1::ones(2))),
                ..Default::default()
            },
        ),
        (
            "lsmr_tol",
            Array1::zeros(3),
            LsqLinearOptions {
                lsq_solver: Some(LsqSolver::Lsmr),
                lsmr_tol: Some(LsmrTol::Value(-1.0)),
                ..Default::default()
            },
        ),
    ];
    for (arg, b, o) in cases {
        let e = lsq_linear(&a, &b, &o).unwrap_err();
        assert!(e.to_string().contains(arg), "{arg}: {e}");
    }
}
