//! SciPy parity for solve_circulant (fixtures from tools/fixtures/linalg_circulant.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_circulant.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// FFT-based solves agree with NumPy's pocketfft to cond(C) · eps · log n; the random c here
// have condition numbers below ~1e3.
const RTOL: f64 = 1e-10;

#[test]
fn solve_circulant_matches_scipy() {
    let f = fx();
    for n in [1, 2, 3, 7, 8, 12, 31, 64, 100] {
        let k = format!("n{n}");
        let c = v(&f, &format!("{k}/c"));
        let x = solve_circulant(&c, &v(&f, &format!("{k}/b")), CirculantSingular::Raise, None).unwrap();
        let want = v(&f, &format!("{k}/x"));
        let atol = 1e-12 * want.iter().fold(0.0f64, |a, x| a.max(x.abs()));
        assert_allclose(&x, &want, RTOL, atol);
        let b2 = m(&f, &format!("{k}/b2"));
        let x2 = solve_circulant(&c, &b2, CirculantSingular::Raise, None).unwrap();
        let want2 = m(&f, &format!("{k}/x2"));
        let atol2 = 1e-12 * want2.iter().fold(0.0f64, |a, x| a.max(x.abs()));
        assert_allclose(&x2, &want2, RTOL, atol2);
        // non-contiguous views
        let x2r =
            solve_circulant(&c.view(), &b2.slice(s![.., ..;-1]), CirculantSingular::Raise, None).unwrap();
        assert_allclose(&x2r, &want2.slice(s![.., ..;-1]).to_owned(), RTOL, atol2);
        // the definition: circulant(c) @ x = b
        assert_allclose(&circulant(&c).dot(&x), &v(&f, &format!("{k}/b")), 1e-9, 1e-9);
    }
    for k in ["sing_ones4", "sing_alt6"] {
        let x = solve_circulant(
            &v(&f, &format!("{k}/c")),
            &v(&f, &format!("{k}/b")),
            CirculantSingular::Lstsq,
            None,
        )
        .unwrap();
        assert_allclose(&x, &v(&f, &format!("{k}/x")), 1e-12, 1e-14);
    }
    let x =
        solve_circulant(&v(&f, "tol/c"), &v(&f, "tol/b"), CirculantSingular::Lstsq, Some(f.f64("tol/tol")))
            .unwrap();
    assert_allclose(&x, &v(&f, "tol/x"), 1e-12, 1e-14);
    // f32 and empty
    let c32 = v(&f, "n7/c").mapv(|x| x as f32);
    let x32 =
        solve_circulant(&c32, &v(&f, "n7/b").mapv(|x| x as f32), CirculantSingular::Raise, None).unwrap();
    assert_allclose(&x32, &v(&f, "n7/x").mapv(|x| x as f32), 1e-3, 1e-4);
    let e =
        solve_circulant(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0), CirculantSingular::Raise, None)
            .unwrap();
    assert_eq!(e.len(), 0);
}

#[test]
fn solve_circulant_bad_input() {
    let r = CirculantSingular::Raise;
    assert!(matches!(
        solve_circulant(&array![1.0, 1.0], &array![1.0, 2.0], r, None),
        Err(LinalgError::NearSingular { index: 1 })
    ));
    assert!(matches!(
        solve_circulant(&array![1.0, 2.0, 3.0], &array![1.0, 2.0], r, None),
        Err(LinalgError::ShapeMismatch { arg: "b", .. })
    ));
    assert_eq!(
        solve_circulant(&array![1.0, f64::NAN], &array![1.0, 2.0], r, None).unwrap_err(),
        LinalgError::NonFinite { arg: "c" }
    );
    assert_eq!(
        solve_circulant(&array![1.0, 3.0], &array![1.0, f64::INFINITY], r, None).unwrap_err(),
        LinalgError::NonFinite { arg: "b" }
    );
    assert_eq!(
        solve_circulant(&array![0.0], &array![1.0], r, None).unwrap_err(),
        LinalgError::NearSingular { index: 0 }
    );
}
