//! SciPy parity for solve_continuous_are and solve_discrete_are (fixtures from
//! tools/fixtures/linalg_riccati.py), residuals, and bad input.

use sci_array::ndarray::{Array2, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_riccati.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn riccati_matches_scipy() {
    let f = fx();
    for key in [
        "care_doc", "care_1x1", "care_3x1", "care_4x2", "care_6x3", "dare_1x1", "dare_3x1", "dare_4x2",
        "dare_6x3",
    ] {
        let g = |p: &str| m(&f, &format!("{key}/{p}"));
        let (a, b, q, r) = (g("a"), g("b"), g("q"), g("r"));
        let want = g("x");
        let scale = want.iter().fold(0.0f64, |s, v| s.max(v.abs()));
        let x = if key.starts_with("care") {
            let x = solve_continuous_are(&a, &b, &q, &r).unwrap();
            let k = solve(&r, &b.t().dot(&x)).unwrap();
            let res = a.t().dot(&x) + x.dot(&a) - x.dot(&b).dot(&k) + &q;
            assert_allclose(&res, &Array2::zeros(a.dim()), 0.0, 1e-10 * scale * (1.0 + scale));
            x
        } else {
            let x = solve_discrete_are(&a, &b, &q, &r).unwrap();
            let k = solve(&(b.t().dot(&x).dot(&b) + &r), &b.t().dot(&x).dot(&a)).unwrap();
            let res = a.t().dot(&x).dot(&a) - &x - a.t().dot(&x).dot(&b).dot(&k) + &q;
            assert_allclose(&res, &Array2::zeros(a.dim()), 0.0, 1e-10 * scale * (1.0 + scale));
            x
        };
        // Different (backward stable) algorithms: agreement to the conditioning, ~1e-10.
        assert_allclose(&x, &want, 1e-9, 1e-10 * scale);
        assert_eq!(x, x.t());
    }
}

#[test]
fn riccati_bad_input() {
    let e = Array2::<f64>::eye(2);
    let b = array![[1.0], [0.0]];
    let r = array![[1.0]];
    let asym = array![[1.0, 2.0], [0.0, 1.0]];
    let rows: Vec<(&str, LinalgError, LinalgError)> = vec![
        (
            "a rect",
            solve_continuous_are(&b, &b, &e, &r).unwrap_err(),
            LinalgError::NotSquare { arg: "a", shape: vec![2, 1] },
        ),
        (
            "b shape",
            solve_continuous_are(&e, &e, &e, &r).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "b",
                expected: "(2, 1): the rows of `a` by the columns of `r`".into(),
                found: vec![2, 2],
            },
        ),
        (
            "q shape",
            solve_discrete_are(&e, &b, &r, &r).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "q",
                expected: "(2, 2), the shape of `a`".into(),
                found: vec![1, 1],
            },
        ),
        (
            "q nan",
            solve_continuous_are(&e, &b, &array![[f64::NAN, 0.0], [0.0, 1.0]], &r).unwrap_err(),
            LinalgError::NonFinite { arg: "q" },
        ),
        (
            "r singular",
            solve_continuous_are(&e, &b, &e, &array![[0.0]]).unwrap_err(),
            LinalgError::Singular { pivot: 0 },
        ),
    ];
    for (what, got, want) in rows {
        assert_eq!(got, want, "{what}");
    }
    let err = solve_continuous_are(&e, &b, &asym, &r).unwrap_err();
    assert!(err.to_string().contains("Matrix q should be symmetric/hermitian."), "{err}");
    // no stabilizing solution: an unstable mode that b cannot reach
    let a = array![[1.0, 0.0], [0.0, -1.0]];
    let b0 = array![[0.0], [1.0]];
    assert!(solve_continuous_are(&a, &b0, &Array2::zeros((2, 2)), &r).is_err());
    assert_eq!(
        solve_continuous_are(
            &Array2::<f64>::zeros((0, 0)),
            &Array2::zeros((0, 1)),
            &Array2::zeros((0, 0)),
            &r
        )
        .unwrap()
        .dim(),
        (0, 0)
    );
}
