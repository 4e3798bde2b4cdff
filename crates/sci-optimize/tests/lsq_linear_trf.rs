//! lsq_linear(method='trf') with lsq_solver 'exact' and 'lsmr', dense and sparse A, against
//! SciPy fixtures (`tools/fixtures/optimize_lsq_linear_trf.py`); bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    Bounds, LsmrTol, LsqLinearMethod, LsqLinearOptions, LsqSolver, OptimizeError, SparseMatrix, lsq_linear,
    lsq_linear_sparse,
};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn ints(fx: &Fixture, p: &str) -> Vec<usize> {
    fx.array_i64(p).iter().map(|&v| v as usize).collect()
}

#[test]
fn lsq_linear_trf_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_lsq_linear_trf.json"))
            .unwrap();
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let opts = LsqLinearOptions {
            bounds: Some(Bounds::new(v(&fx, &c("lb")), v(&fx, &c("ub")))),
            tol: fx.f64(&c("tol")),
            lsq_solver: match fx.str(&c("lsq_solver")) {
                "lsmr" => Some(LsqSolver::Lsmr),
                _ => None,
            },
            lsmr_tol: match fx.str(&c("lsmr_tol")) {
                "auto" => Some(LsmrTol::Auto),
                "value" => Some(LsmrTol::Value(fx.f64(&c("lsmr_tol_value")))),
                _ => None,
            },
            lsmr_maxiter: Some(fx.i64(&c("lsmr_maxiter")) as usize).filter(|&k| k > 0),
            max_iter: Some(fx.i64(&c("max_iter")) as usize).filter(|&k| k > 0),
            ..Default::default()
        };
        let b = v(&fx, &c("b"));
        let r = if fx.get(&c("sparse")).as_bool().unwrap() {
            let shape = ints(&fx, &c("shape"));
            let a = SparseMatrix::csr(
                (shape[0], shape[1]),
                ints(&fx, &c("indptr")),
                ints(&fx, &c("indices")),
                v(&fx, &c("data")).to_vec(),
            )
            .unwrap();
            lsq_linear_sparse(&a, &b, &opts)
        } else {
            let a: Array2<f64> = fx.array_f64(&c("A")).into_dimensionality::<Ix2>().unwrap();
            lsq_linear(&a, &b, &opts)
        }
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{name}: nit");
        assert_eq!(i64::from(r.status), fx.i64(&c("status")), "{name}: status");
        assert_eq!(r.message, fx.str(&c("message")), "{name}");
        assert_eq!(r.success, r.status > 0);
        let mask = fx.array_i64(&c("active_mask")).into_dimensionality::<Ix1>().unwrap();
        assert_eq!(r.active_mask.mapv(i64::from), mask, "{name}: active_mask");
        // The same iterates; the QR (Householder here, LAPACK's blocked dgeqp3 there) rounds
        // differently (~1e-12). LSMR stops short of the exact step (atol = btol = 1e-12 by
        // default) after dozens of products summed in another order than SciPy's, and its
        // early stop amplifies that to ~1e-8 in x (sparse: 1.2e-8).
        let sparse_or_lsmr = fx.get(&c("sparse")).as_bool().unwrap() || fx.str(&c("lsq_solver")) == "lsmr";
        let rtol = if sparse_or_lsmr { 1e-7 } else { 1e-9 };
        // sparse_doc's A (200 nonzeros in 2000 x 1000) is rank-deficient: x is not unique
        // along its null space and LSMR's rounding moves it there (1e-5); A x, the cost and
        // the flags are what SciPy's are.
        if name != "sparse_doc" {
            assert_allclose(&r.x, &v(&fx, &c("x")), rtol, 1e-2 * rtol);
        }
        assert_allclose(&r.fun, &v(&fx, &c("fun")), rtol, 1e-2 * rtol);
        let cost = fx.f64(&c("cost"));
        assert!((r.cost - cost).abs() <= rtol * cost, "{name}: cost {} vs {cost}", r.cost);
        let opt = fx.f64(&c("optimality"));
        assert!(
            (r.optimality - opt).abs() <= 1e-6 * opt + 1e-12,
            "{name}: optimality {} vs {opt}",
            r.optimality
        );
        checked += 1;
    }
    assert_eq!(checked, 16);
}

#[test]
fn lsq_linear_trf_bad_input() {
    let a = array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]];
    let sa = SparseMatrix::from_dense(&a.view());
    let b = array![2.0, -1.0, 1.0];
    let o = LsqLinearOptions::default;
    let cases: Vec<(&str, LsqLinearOptions, OptimizeError)> = vec![
        (
            "bvls with lsmr",
            LsqLinearOptions { method: LsqLinearMethod::Bvls, lsq_solver: Some(LsqSolver::Lsmr), ..o() },
            OptimizeError::UnsupportedOption { method: "bvls", option: "lsq_solver='lsmr'" },
        ),
        (
            "lsmr_maxiter 0",
            LsqLinearOptions { lsmr_maxiter: Some(0), ..o() },
            OptimizeError::InvalidValue {
                arg: "lsmr_maxiter",
                reason: "must be None or positive integer".into(),
            },
        ),
        (
            "lsmr_tol <= 0",
            LsqLinearOptions { lsmr_tol: Some(LsmrTol::Value(0.0)), ..o() },
            OptimizeError::InvalidValue {
                arg: "lsmr_tol",
                reason: "must be None, 'auto', or positive float, got 0".into(),
            },
        ),
        (
            "max_iter 0",
            LsqLinearOptions { max_iter: Some(0), ..o() },
            OptimizeError::InvalidValue {
                arg: "max_iter",
                reason: "must be None or positive integer".into(),
            },
        ),
    ];
    for (what, opts, err) in cases {
        assert_eq!(lsq_linear(&a, &b, &opts).unwrap_err(), err, "{what}");
    }
    assert_eq!(
        lsq_linear_sparse(&sa, &b, &LsqLinearOptions { method: LsqLinearMethod::Bvls, ..o() }).unwrap_err(),
        OptimizeError::UnsupportedOption { method: "bvls", option: "sparse A" }
    );
    assert_eq!(
        lsq_linear_sparse(&sa, &b, &LsqLinearOptions { lsq_solver: Some(LsqSolver::Exact), ..o() })
            .unwrap_err(),
        OptimizeError::UnsupportedOption { method: "trf", option: "lsq_solver='exact' with sparse A" }
    );
    assert!(matches!(
        lsq_linear_sparse(&sa, &array![1.0, 2.0], &o()),
        Err(OptimizeError::WrongLength { arg: "b", expected: 3, found: 2 })
    ));
    let bad = SparseMatrix::csr((1, 1), vec![0, 1], vec![0], vec![f64::NAN]).unwrap();
    assert!(matches!(
        lsq_linear_sparse(&bad, &array![1.0], &o()),
        Err(OptimizeError::InvalidValue { arg: "A", .. })
    ));
}

#[test]
fn trf_edges_non_contiguous_and_dense_equals_sparse() {
    // Non-contiguous A: the same run as the contiguous copy.
    let a = array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]];
    let at = a.t().to_owned();
    let b = array![2.0, -1.0, 1.0];
    let opts = LsqLinearOptions {
        bounds: Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0])),
        ..Default::default()
    };
    let r1 = lsq_linear(&a, &b, &opts).unwrap();
    let r2 = lsq_linear(&at.t(), &b, &opts).unwrap();
    assert_eq!(r1.x, r2.x);
    // Dense lsmr and sparse (lsmr) agree.
    let r3 =
        lsq_linear(&a, &b, &LsqLinearOptions { lsq_solver: Some(LsqSolver::Lsmr), ..opts.clone() }).unwrap();
    let r4 = lsq_linear_sparse(&SparseMatrix::from_dense(&a.view()), &b, &opts).unwrap();
    assert_allclose(&r3.x, &r4.x, 1e-12, 1e-14);
    assert_eq!((r3.nit, r3.status), (r4.nit, r4.status));
    // One variable, one row.
    let r = lsq_linear(
        &array![[2.0]],
        &array![4.0],
        &LsqLinearOptions { bounds: Some(Bounds::new(array![0.0], array![1.0])), ..Default::default() },
    )
    .unwrap();
    assert!((r.x[0] - 1.0).abs() < 1e-9 && r.active_mask[0] == 1);
}
