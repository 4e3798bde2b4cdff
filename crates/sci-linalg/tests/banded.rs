//! SciPy parity for solve_banded, solveh_banded, cholesky_banded, cho_solve_banded,
//! eig_banded and eigvals_banded (fixtures from tools/fixtures/linalg_banded.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_banded.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// Random band matrices here have condition numbers up to ~1e3; LU with partial pivoting
// agrees with LAPACK's to cond · eps.
const RTOL: f64 = 1e-11;

#[test]
fn solve_banded_matches_scipy() {
    let f = fx();
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k.starts_with("gb_")).collect();
    assert_eq!(keys.len(), 11);
    for k in keys {
        let ab = m(&f, &format!("{k}/ab"));
        let lu = (f.i64(&format!("{k}/l")) as usize, f.i64(&format!("{k}/u")) as usize);
        let x = solve_banded(lu, &ab, &v(&f, &format!("{k}/b"))).unwrap();
        assert_allclose(&x, &v(&f, &format!("{k}/x")), RTOL, 1e-13);
        if !k.starts_with("gb_pivot") {
            let b2 = m(&f, &format!("{k}/b2"));
            let x2 = solve_banded(lu, &ab, &b2).unwrap();
            assert_allclose(&x2, &m(&f, &format!("{k}/x2")), RTOL, 1e-13);
            // non-contiguous b (reversed columns) and ab given through a transposed view
            let abt = ab.t().to_owned();
            let x2r = solve_banded(lu, &abt.t(), &b2.slice(s![.., ..;-1])).unwrap();
            assert_allclose(&x2r, &m(&f, &format!("{k}/x2")).slice(s![.., ..;-1]).to_owned(), RTOL, 1e-13);
        }
    }
    // f32
    let ab = m(&f, "gb_5_1_2/ab").mapv(|x| x as f32);
    let x = solve_banded((1, 2), &ab, &v(&f, "gb_5_1_2/b").mapv(|x| x as f32)).unwrap();
    assert_allclose(&x, &v(&f, "gb_5_1_2/x").mapv(|x| x as f32), 1e-4, 1e-5);
    // empty right-hand side
    let e = solve_banded((1, 1), &Array2::<f64>::zeros((3, 2)), &Array2::<f64>::zeros((2, 0))).unwrap();
    assert_eq!(e.dim(), (2, 0));
}

fn pb_keys(f: &Fixture) -> Vec<String> {
    f.keys().into_iter().filter(|k| k.starts_with("pb_") && k != "pb_notpd").collect()
}

#[test]
fn cholesky_and_solveh_banded_match_scipy() {
    let f = fx();
    let keys = pb_keys(&f);
    assert_eq!(keys.len(), 6);
    for k in keys {
        let (up, lo) = (m(&f, &format!("{k}/up")), m(&f, &format!("{k}/lo")));
        let b = v(&f, &format!("{k}/b"));
        let cu = cholesky_banded(&up, false).unwrap();
        assert_allclose(&cu, &m(&f, &format!("{k}/c_up")), 1e-13, 1e-14);
        let cl = cholesky_banded(&lo, true).unwrap();
        assert_allclose(&cl, &m(&f, &format!("{k}/c_lo")), 1e-13, 1e-14);
        // SPD with a dominant diagonal: well conditioned, so tight tolerances
        assert_allclose(&solveh_banded(&up, &b, false).unwrap(), &v(&f, &format!("{k}/x")), 1e-13, 1e-15);
        assert_allclose(&solveh_banded(&lo, &b, true).unwrap(), &v(&f, &format!("{k}/x_lo")), 1e-13, 1e-15);
        let b2 = m(&f, &format!("{k}/b2"));
        assert_allclose(&solveh_banded(&up, &b2, false).unwrap(), &m(&f, &format!("{k}/x2")), 1e-13, 1e-15);
        assert_allclose(&cho_solve_banded(&cu, false, &b).unwrap(), &v(&f, &format!("{k}/x")), 1e-13, 1e-15);
        assert_allclose(&cho_solve_banded(&cl, true, &b2).unwrap(), &m(&f, &format!("{k}/x2")), 1e-13, 1e-15);
        // strided view of the band
        let wide = sci_array::ndarray::concatenate![sci_array::ndarray::Axis(1), up.view(), up.view()];
        let view = wide.slice(s![.., ..;2]);
        if up.ncols() == 1 {
            assert_allclose(
                &solveh_banded(&view, &b, false).unwrap(),
                &v(&f, &format!("{k}/x")),
                1e-13,
                1e-15,
            );
        }
    }
}

#[test]
fn eig_banded_matches_scipy() {
    let f = fx();
    for k in pb_keys(&f) {
        let (up, lo, a) = (m(&f, &format!("{k}/up")), m(&f, &format!("{k}/lo")), m(&f, &format!("{k}/a")));
        let want = if k == "pb_1_2" {
            // SciPy 1.17 returns [0.0] for this 1×1 matrix [[12.5]] stored with kd = 2 > n - 1
            // (LAPACK's sbevd is called outside its contract); the eigenvalue is a[0, 0].
            assert_eq!(v(&f, &format!("{k}/w")), array![0.0]);
            array![a[[0, 0]]]
        } else {
            v(&f, &format!("{k}/w"))
        };
        let scale = want.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        assert_allclose(&eigvals_banded(&up, false, EigSelect::All).unwrap(), &want, 1e-13, 1e-14 * scale);
        if k != "pb_1_2" {
            let w_lo = v(&f, &format!("{k}/w_lo"));
            assert_allclose(&eigvals_banded(&lo, true, EigSelect::All).unwrap(), &w_lo, 1e-13, 1e-14 * scale);
        }
        let (w, vecs) = eig_banded(&up, false, EigSelect::All).unwrap();
        assert_allclose(&w, &want, 1e-13, 1e-14 * scale);
        assert_allclose(&a.dot(&vecs), &(&vecs * &w), 0.0, 1e-13 * scale);
        assert_allclose(&vecs.t().dot(&vecs), &Array2::eye(w.len()), 0.0, 1e-13);
        if a.nrows() >= 4 {
            let wi = eigvals_banded(&up, false, EigSelect::Index(1, 2)).unwrap();
            assert_allclose(&wi, &v(&f, &format!("{k}/w_i")), 1e-13, 1e-14 * scale);
            let r = v(&f, &format!("{k}/v_range"));
            let wv = eigvals_banded(&up, false, EigSelect::Value(r[0], r[1])).unwrap();
            assert_allclose(&wv, &v(&f, &format!("{k}/w_v")), 1e-13, 1e-14 * scale);
            let (wv2, vv) = eig_banded(&up, false, EigSelect::Value(r[0], r[1])).unwrap();
            assert_eq!((wv2.len(), vv.ncols()), (wv.len(), wv.len()));
        }
    }
}

#[test]
fn banded_bad_input() {
    let f = fx();
    let ab = m(&f, "gb_5_1_2/ab");
    let b = v(&f, "gb_5_1_2/b");
    assert!(matches!(solve_banded((1, 1), &ab, &b), Err(LinalgError::ShapeMismatch { arg: "ab", .. })));
    assert!(matches!(
        solve_banded((1, 2), &ab, &array![1.0, 2.0]),
        Err(LinalgError::ShapeMismatch { arg: "b", .. })
    ));
    let mut nan = ab.clone();
    nan[[1, 1]] = f64::NAN;
    assert_eq!(solve_banded((1, 2), &nan, &b).unwrap_err(), LinalgError::NonFinite { arg: "ab" });
    let mut bi = b.clone();
    bi[0] = f64::INFINITY;
    assert_eq!(solve_banded((1, 2), &ab, &bi).unwrap_err(), LinalgError::NonFinite { arg: "b" });
    // exactly singular: a zero column
    let sing = array![[0.0, 1.0, 1.0], [0.0, 2.0, 2.0], [0.0, 3.0, 0.0]];
    assert!(matches!(solve_banded((1, 1), &sing, &array![1.0, 1.0, 1.0]), Err(LinalgError::Singular { .. })));
    // 1x1: division without a check, as SciPy
    assert_eq!(solve_banded((0, 0), &array![[0.0]], &array![1.0]).unwrap(), array![f64::INFINITY]);
    let notpd = m(&f, "pb_notpd/up");
    assert_eq!(cholesky_banded(&notpd, false).unwrap_err(), LinalgError::NotPositiveDefinite { index: 1 });
    assert_eq!(
        solveh_banded(&notpd, &array![1.0, 1.0, 1.0], false).unwrap_err(),
        LinalgError::NotPositiveDefinite { index: 1 }
    );
    assert!(matches!(
        solveh_banded(&notpd, &array![1.0], false),
        Err(LinalgError::ShapeMismatch { arg: "b", .. })
    ));
    assert!(matches!(
        cholesky_banded(&Array2::<f64>::zeros((0, 3)), false),
        Err(LinalgError::ShapeMismatch { arg: "ab", .. })
    ));
    assert_eq!(
        cho_solve_banded(&array![[f64::NAN]], false, &array![1.0]).unwrap_err(),
        LinalgError::NonFinite { arg: "cb" }
    );
    assert_eq!(
        eigvals_banded(&array![[f64::NAN]], false, EigSelect::All).unwrap_err(),
        LinalgError::NonFinite { arg: "a_band" }
    );
    let up = m(&f, "pb_4_1/up");
    assert!(matches!(eig_banded(&up, false, EigSelect::Index(2, 9)), Err(LinalgError::Array(_))));
    assert!(matches!(eigvals_banded(&up, false, EigSelect::Value(3.0, 1.0)), Err(LinalgError::Array(_))));
}
