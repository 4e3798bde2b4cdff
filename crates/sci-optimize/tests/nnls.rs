//! nnls against SciPy fixtures (`tools/fixtures/optimize_nnls.py`); bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{OptimizeError, nnls};

#[test]
fn nnls_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_nnls.json")).unwrap();
    let names = fx.str("names").to_string();
    for name in names.split(' ') {
        let a: Array2<f64> = fx.array_f64(&format!("{name}/A")).into_dimensionality::<Ix2>().unwrap();
        let b: Array1<f64> = fx.array_f64(&format!("{name}/b")).into_dimensionality::<Ix1>().unwrap();
        let x_ref: Array1<f64> = fx.array_f64(&format!("{name}/x")).into_dimensionality::<Ix1>().unwrap();
        let (x, rnorm) = nnls(&a, &b, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The same active set; the solves on it round differently (QR vs SciPy's updates).
        assert_allclose(&x, &x_ref, 1e-10, 1e-12);
        let r_ref = fx.f64(&format!("{name}/rnorm"));
        assert!((rnorm - r_ref).abs() <= 1e-10 * r_ref + 1e-12, "{name}: rnorm {rnorm} vs {r_ref}");
        // Zeros are exact zeros, as SciPy's.
        for (xi, ri) in x.iter().zip(&x_ref) {
            assert_eq!(*xi == 0.0, *ri == 0.0, "{name}: support {x} vs {x_ref}");
        }
        // A transposed (non-contiguous) view gives the same answer.
        let at = a.t().to_owned();
        let (xv, _) = nnls(&at.t(), &b, None).unwrap();
        assert_eq!(xv, x);
    }
}

#[test]
fn nnls_edges_and_bad_input() {
    // Empty: no variables, or no rows.
    let (x, r) = nnls(&Array2::<f64>::zeros((3, 0)), &array![3.0, 4.0, 0.0], None).unwrap();
    assert_eq!((x.len(), r), (0, 5.0));
    let (x, r) = nnls(&Array2::<f64>::zeros((0, 2)), &Array1::<f64>::zeros(0), None).unwrap();
    assert_eq!((x, r), (array![0.0, 0.0], 0.0));
    // Non-contiguous b.
    let bb = array![2.0, 9.0, 1.0, 9.0, 1.0];
    let a = array![[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]];
    let (x, _) = nnls(&a, &bb.slice(s![..;2]), None).unwrap();
    assert_allclose(&x, &array![1.5, 1.0], 1e-15, 0.0);
    let cases: Vec<(&str, Array2<f64>, Array1<f64>, Option<usize>)> = vec![
        ("b length", a.clone(), array![1.0, 2.0], None),
        ("nan A", array![[f64::NAN, 0.0], [1.0, 0.0], [0.0, 1.0]], array![1.0, 2.0, 3.0], None),
        ("inf b", a.clone(), array![1.0, f64::INFINITY, 3.0], None),
        ("maxiter", Array2::eye(3), array![1.0, 2.0, 3.0], Some(3)),
    ];
    for (what, a, b, maxiter) in cases {
        let e = nnls(&a, &b, maxiter).expect_err(what);
        let ok = match what {
            "b length" => matches!(e, OptimizeError::WrongLength { arg: "b", .. }),
            "maxiter" => matches!(e, OptimizeError::NoConvergence { .. }),
            _ => matches!(e, OptimizeError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
}
