//! lsq_linear (bvls) against SciPy fixtures (`tools/fixtures/optimize_lsq_linear.py`); bad-input
//! table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{Bounds, LsqLinearMethod, LsqLinearOptions, OptimizeError, lsq_linear};

fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn lsq_linear_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_lsq_linear.json"))
        .unwrap();
    let names = fx.str("names").to_string();
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let a: Array2<f64> = fx.array_f64(&c("A")).into_dimensionality::<Ix2>().unwrap();
        let opts = LsqLinearOptions {
            bounds: Some(Bounds::new(v(&fx, &c("lb")), v(&fx, &c("ub")))),
            max_iter: Some(fx.i64(&c("max_iter")) as usize).filter(|&k| k > 0),
            method: LsqLinearMethod::Bvls,
            ..Default::default()
        };
        let r = lsq_linear(&a, &v(&fx, &c("b")), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Same active sets; the free-set solves are QR here, SVD (gelsd) in NumPy.
        assert_allclose(&r.x, &v(&fx, &c("x")), 1e-12, 1e-14);
        assert_allclose(&r.fun, &v(&fx, &c("fun")), 1e-11, 1e-13);
        let cost = fx.f64(&c("cost"));
        assert!((r.cost - cost).abs() <= 1e-12 * cost, "{name}: cost {} vs {cost}", r.cost);
        // At the solution the optimality is rounding noise of the gradient (~1e-14).
        let opt = fx.f64(&c("optimality"));
        assert!(
            (r.optimality - opt).abs() <= 1e-9 * opt.abs() + 1e-12,
            "{name}: optimality {} vs {opt}",
            r.optimality
        );
        let mask = fx.array_i64(&c("active_mask")).into_dimensionality::<Ix1>().unwrap();
        assert_eq!(r.active_mask.mapv(i64::from), mask, "{name}: active_mask");
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{name}: nit");
        assert_eq!(i64::from(r.status), fx.i64(&c("status")), "{name}: status");
        assert_eq!(r.message, fx.str(&c("message")), "{name}");
        assert_eq!(r.success, r.status > 0);
    }
}

#[test]
fn lsq_linear_edges_and_bad_input() {
    let a = array![[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]];
    let b = array![2.0, -1.0, 1.0];
    // No bounds: the unconstrained solution, status 3; non-contiguous A gives the same.
    let r = lsq_linear(&a, &b, &LsqLinearOptions::default()).unwrap();
    assert_eq!((r.status, r.nit), (3, 0));
    let at = a.t().to_owned();
    assert_eq!(lsq_linear(&at.t(), &b, &LsqLinearOptions::default()).unwrap().x, r.x);
    let inf = f64::INFINITY;
    let cases: Vec<(&str, Array1<f64>, LsqLinearOptions)> = vec![
        ("b length", array![1.0, 2.0], LsqLinearOptions::default()),
        ("nan b", array![1.0, f64::NAN, 2.0], LsqLinearOptions::default()),
        ("max_iter", b.clone(), LsqLinearOptions { max_iter: Some(0), ..Default::default() }),
        ("tol", b.clone(), LsqLinearOptions { tol: -1.0, ..Default::default() }),
        (
            "equal bounds",
            b.clone(),
            LsqLinearOptions {
                bounds: Some(Bounds::new(array![0.0, 1.0], array![inf, 1.0])),
                ..Default::default()
            },
        ),
        (
            "bounds length",
            b.clone(),
            LsqLinearOptions { bounds: Some(Bounds::new(array![0.0], array![1.0])), ..Default::default() },
        ),
    ];
    for (what, b, opts) in &cases {
        let e = lsq_linear(&a, b, opts).expect_err(what);
        let ok = match *what {
            "b length" | "bounds length" => matches!(e, OptimizeError::WrongLength { .. }),
            _ => matches!(e, OptimizeError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
}
