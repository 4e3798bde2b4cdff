//! NumPy parity for polyfit, polyfit_full, polyfit_cov, polyval and roots (fixtures from
//! tools/fixtures/linalg_poly.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_poly.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// polyfit solves a least-squares problem whose (column-scaled) Vandermonde matrix has
// condition number up to ~1e4 for degree 6 on [-2, 3]; SVD-based solvers agree to
// cond · eps relative: 1e-10.
const RTOL: f64 = 1e-10;

#[test]
fn polyfit_matches_numpy() {
    let f = fx();
    for deg in [0usize, 1, 3, 6] {
        let k = format!("fit_{deg}");
        let (x, y, w) = (v(&f, &format!("{k}/x")), v(&f, &format!("{k}/y")), v(&f, &format!("{k}/w")));
        let opts = PolyfitOptions::default();
        let wopts = PolyfitOptions { w: Some(w.clone()), ..Default::default() };
        let atol = 1e-12;
        assert_allclose(&polyfit(&x, &y, deg, &opts).unwrap(), &v(&f, &format!("{k}/p")), RTOL, atol);
        assert_allclose(&polyfit(&x, &y, deg, &wopts).unwrap(), &v(&f, &format!("{k}/pw")), RTOL, atol);
        let full = polyfit_full(&x, &y, deg, &opts).unwrap();
        assert_allclose(&full.residuals, &v(&f, &format!("{k}/full_res")), RTOL, 0.0);
        assert_eq!(full.rank as i64, f.i64(&format!("{k}/full_rank")));
        assert_allclose(&full.singular_values, &v(&f, &format!("{k}/full_sv")), 1e-13, 0.0);
        assert_eq!(full.rcond, f.f64(&format!("{k}/full_rcond")));
        let (_, cov) = polyfit_cov(&x, &y, deg, &opts, true).unwrap();
        assert_allclose(&cov, &m(&f, &format!("{k}/cov")), RTOL, 0.0);
        let (_, covu) = polyfit_cov(&x, &y, deg, &wopts, false).unwrap();
        assert_allclose(&covu, &m(&f, &format!("{k}/covu")), RTOL, 0.0);
        // 2-d y: one fit per column; and a strided view of it
        let y2 = m(&f, &format!("{k}/y2"));
        assert_allclose(&polyfit(&x, &y2, deg, &opts).unwrap(), &m(&f, &format!("{k}/p2")), RTOL, atol);
        let y2r = y2.slice(s![.., ..;-1]);
        let p2r = polyfit(&x, &y2r, deg, &opts).unwrap();
        assert_allclose(&p2r, &m(&f, &format!("{k}/p2")).slice(s![.., ..;-1]).to_owned(), RTOL, atol);
    }
    for k in ["exact", "single", "shifted"] {
        let (x, y, want) = (v(&f, &format!("{k}/x")), v(&f, &format!("{k}/y")), v(&f, &format!("{k}/p")));
        let deg = want.len() - 1;
        let got = polyfit(&x, &y, deg, &PolyfitOptions::default()).unwrap();
        assert_allclose(&got, &want, 1e-9, 1e-12);
    }
    // rank deficient: the minimum-norm solution, NumPy's rank and singular values
    let full = polyfit_full(&v(&f, "rankdef/x"), &v(&f, "rankdef/y"), 3, &PolyfitOptions::default()).unwrap();
    assert_eq!(full.rank as i64, f.i64("rankdef/rank"));
    assert_allclose(&full.singular_values, &v(&f, "rankdef/sv"), 1e-12, 1e-15);
    assert_allclose(&full.coef, &v(&f, "rankdef/p"), 1e-10, 1e-12);
    assert_eq!(full.residuals.len(), 0);
    // f32
    let x = v(&f, "fit_1/x").mapv(|a| a as f32);
    let y = v(&f, "fit_1/y").mapv(|a| a as f32);
    let p = polyfit(&x, &y, 1, &PolyfitOptions::default()).unwrap();
    assert_allclose(&p, &v(&f, "fit_1/p").mapv(|a| a as f32), 1e-4, 1e-5);
}

#[test]
fn polyval_matches_numpy() {
    let f = fx();
    let got = polyval(&v(&f, "polyval/p"), &m(&f, "polyval/x"));
    assert_allclose(&got, &m(&f, "polyval/y"), 1e-15, 0.0); // NaN and inf propagate alike
    assert_eq!(polyval(&Array1::<f64>::zeros(0), &array![1.0, 2.0]), array![0.0, 0.0]);
    assert_eq!(polyval(&array![3.0], &array![1.0, 2.0]), array![3.0, 3.0]);
    let p = array![1.0, 2.0, 3.0, 4.0];
    assert_eq!(polyval(&p.slice(s![..;-1]), &array![2.0]), array![4.0 * 8.0 + 3.0 * 4.0 + 2.0 * 2.0 + 1.0]);
}

fn sort_c(mut w: Vec<Complex64>) -> Array1<Complex64> {
    let key = |z: &Complex64| (z.re * 1e8).round();
    w.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.im.total_cmp(&b.im)));
    Array1::from(w)
}

#[test]
fn roots_match_numpy() {
    let f = fx();
    for k in ["quad", "cplx", "lead0", "trail0", "both0", "deg7", "wilk", "const", "zeros", "empty", "lin"] {
        let p = v(&f, &format!("roots_{k}/p"));
        let want =
            sort_c(f.array_c64(&format!("roots_{k}/r")).into_dimensionality::<Ix1>().unwrap().to_vec());
        let got = sort_c(roots(&p).unwrap().to_vec());
        // Wilkinson's polynomial: its roots are famously ill conditioned (~1e-10 relative
        // perturbations move them by ~1e-6 at the largest), so the two eigenvalue solvers agree
        // to 1e-8 relative there.
        let rtol = if k == "wilk" { 1e-8 } else { 1e-12 };
        assert_allclose(&got, &want, rtol, 1e-14);
    }
    // a strided view
    let p = array![1.0, 9.0, -3.0, 9.0, 2.0];
    assert_allclose(
        &sort_c(roots(&p.slice(s![..;2])).unwrap().to_vec()),
        &sort_c(roots(&array![1.0, -3.0, 2.0]).unwrap().to_vec()),
        1e-14,
        0.0,
    );
}

#[test]
fn polynomial_bad_input() {
    let x = array![0.0, 1.0, 2.0];
    let y = array![1.0, 2.0, 3.0];
    let o = PolyfitOptions::default();
    assert!(matches!(
        polyfit(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0), 1, &o),
        Err(LinalgError::Array(_))
    ));
    assert!(matches!(
        polyfit(&x, &array![1.0, 2.0], 1, &o),
        Err(LinalgError::ShapeMismatch { arg: "y", .. })
    ));
    let bad_w = PolyfitOptions { w: Some(array![1.0, 2.0]), ..Default::default() };
    assert!(matches!(polyfit(&x, &y, 1, &bad_w), Err(LinalgError::ShapeMismatch { arg: "w", .. })));
    let nan_w = PolyfitOptions { w: Some(array![1.0, f64::NAN, 2.0]), ..Default::default() };
    assert_eq!(polyfit(&x, &y, 1, &nan_w).unwrap_err(), LinalgError::NonFinite { arg: "w" });
    assert_eq!(
        polyfit(&array![0.0, f64::INFINITY, 1.0], &y, 1, &o).unwrap_err(),
        LinalgError::NonFinite { arg: "x" }
    );
    assert_eq!(
        polyfit(&x, &array![0.0, f64::NAN, 1.0], 1, &o).unwrap_err(),
        LinalgError::NonFinite { arg: "y" }
    );
    let y3 = sci_array::ndarray::Array3::<f64>::zeros((3, 1, 1));
    assert!(matches!(polyfit(&x, &y3, 1, &o), Err(LinalgError::ShapeMismatch { arg: "y", .. })));
    assert!(matches!(polyfit_cov(&x, &y, 2, &o, true), Err(LinalgError::Array(_))));
    assert!(polyfit_cov(&x, &y, 2, &o, false).is_ok());
    assert_eq!(roots(&array![1.0, f64::NAN]).unwrap_err(), LinalgError::NonFinite { arg: "p" });
}
