//! SciPy parity for qr_insert_with's column insertion into economic QR factorizations, with
//! SciPy's rcond= test (fixtures from tools/fixtures/linalg_qr_insert_rcond.py).

use sci_array::ArrayError;
use sci_array::ndarray::{Array2, ArrayD, Ix2, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;
use common::{assert_upper_triangular, check_by_dtype, has, two};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_insert_rcond.json")).unwrap()
}

fn opts(f: &Fixture, key: &str) -> QrInsertOptions {
    QrInsertOptions { rcond: has(f, key, "rcond").then(|| f.f64(&format!("{key}/rcond"))) }
}

fn load(f: &Fixture, key: &str, field: &str) -> ArrayD<Complex64> {
    common::load_as_complex(f, key, field)
}

/// Runs one case with element type `T` (`conv` maps the fixture's values to it) and checks
/// it against SciPy's: the same factors (to `tol`) or the same failure.
fn check<T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    conv: impl Fn(Complex64) -> T,
    back: impl Fn(T) -> Complex64,
    tol: f64,
) {
    let q = two(load(f, key, "q")).mapv(&conv);
    let r = two(load(f, key, "r")).mapv(&conv);
    let u = load(f, key, "u").mapv(&conv);
    let k = f.i64(&format!("{key}/k")) as usize;
    let got = qr_insert_with(&q, &r, &u, k, QrWhich::Col, opts(f, key));
    if has(f, key, "error_rc") {
        match got {
            Err(LinalgError::ColumnInSpan { arg: "u", rcond }) => {
                let want = f.f64(&format!("{key}/error_rc"));
                // SciPy's estimate, when its message reports it and it is not rounding noise
                if want.is_finite() && want > 1e-10 {
                    assert!((rcond - want).abs() <= 1e-8 * want, "{key}: rc {rcond} against SciPy's {want}");
                }
            }
            other => panic!("{key}: expected ColumnInSpan, got {other:?}"),
        }
        return;
    }
    let (q1, r1) = got.unwrap_or_else(|e| panic!("{key}: {e}"));
    let (wq, wr) = (two(load(f, key, "q1")), two(load(f, key, "r1")));
    assert_eq!((q1.dim(), r1.dim()), (wq.dim(), wr.dim()), "{key}: shapes");
    let (q1c, r1c) = (q1.mapv(&back), r1.mapv(&back));
    // Q1 R1 is A with the columns inserted, R1 upper triangular
    assert_allclose(&q1c.dot(&r1c), &two(load(f, key, "want")), tol, tol);
    assert_upper_triangular(&r1c, key);
    let (m, n) = q.dim();
    let p = r1.ncols() - n;
    if n + p <= m {
        // SciPy's thin path throughout: its very factors
        assert_allclose(&q1c, &wq, tol, tol);
        assert_allclose(&r1c, &wr, tol, tol);
    } else {
        // the columns past M - N go in as into a full factorization: R1's rows agree up to
        // their signs (phases), and Q1's columns before k + (M - N) are SciPy's
        assert_allclose(&r1c.mapv(|z| z.norm()), &wr.mapv(|z| z.norm()), tol, tol);
        // (the full insertion rotates Q1's columns from k + p_eco on only)
        let keep = k + (m - n);
        assert_allclose(&q1c.slice(s![.., ..keep]), &wq.slice(s![.., ..keep]), tol, tol);
    }
}

fn keys(f: &Fixture) -> Vec<String> {
    f.keys().into_iter().filter(|k| k != "_meta").collect()
}

#[test]
fn thin_column_insertion_matches_scipy() {
    let f = fx();
    let mut counted = 0;
    for key in keys(&f) {
        let dtype = f.get(&format!("{key}/q")).get("dtype").and_then(|d| d.as_str()).unwrap().to_string();
        // a column near the span of Q (rc ~ 1e-5) magnifies rounding by 1 / rc
        let tol = if key.contains("near") { 1e-9 } else { 1e-12 };
        check_by_dtype!(dtype.as_str(), check, &f, &key, tol);
        counted += 1;
    }
    assert_eq!(counted, 21);
}

#[test]
fn complex64_and_views_match_the_contiguous_results() {
    let f = fx();
    // complex64 factors of a complex case give complex128's results to f32 rounding
    let key = "cplx_two_k0";
    let q = two(load(&f, key, "q"));
    let r = two(load(&f, key, "r"));
    let u = load(&f, key, "u");
    let c32 = |z: Complex64| Complex32::new(z.re as f32, z.im as f32);
    let (q1, r1) =
        qr_insert_with(&q.mapv(c32), &r.mapv(c32), &u.mapv(c32), 0, QrWhich::Col, Default::default())
            .unwrap();
    let up = |z: Complex32| Complex64::new(z.re as f64, z.im as f64);
    assert_allclose(&q1.mapv(up), &two(load(&f, key, "q1")), 1e-4, 1e-4);
    assert_allclose(&r1.mapv(up), &two(load(&f, key, "r1")), 1e-4, 1e-4);
    // non-contiguous views: Q in Fortran order, u every other column of a wider array
    let key = "real_two_k1";
    let re = |a: ArrayD<Complex64>| a.mapv(|z| z.re);
    let q = two(load(&f, key, "q")).mapv(|z| z.re);
    let r = two(load(&f, key, "r")).mapv(|z| z.re);
    let u = re(load(&f, key, "u")).into_dimensionality::<Ix2>().unwrap();
    let qt = q.t().to_owned();
    let mut wide = Array2::<f64>::zeros((u.nrows(), 2 * u.ncols()));
    wide.slice_mut(s![.., ..;2]).assign(&u);
    let (q1, r1) =
        qr_insert_with(&qt.t(), &r, &wide.slice(s![.., ..;2]), 1, QrWhich::Col, Default::default()).unwrap();
    let (q2, r2) = qr_insert(&q, &r, &u, 1, QrWhich::Col).unwrap();
    assert_eq!((q1, r1), (q2, r2));
}

#[test]
fn rcond_only_for_economic_column_insertion() {
    let f = fx();
    let key = "real_one_k2";
    let q = two(load(&f, key, "q")).mapv(|z| z.re);
    let r = two(load(&f, key, "r")).mapv(|z| z.re);
    let (qf, rf) = qr(&two(load(&f, key, "a")).mapv(|z| z.re), QrMode::Full).unwrap();
    let strict = QrInsertOptions { rcond: Some(1e-3) };
    let col = array![1.0, 2.0, 0.0, -1.0, 0.5, 0.0, 3.0];
    let mut nan = col.clone();
    nan[1] = f64::NAN;
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "rcond with rows",
            qr_insert_with(&q, &r, &array![1.0, 2.0, 3.0], 0, QrWhich::Row, strict).unwrap_err(),
            Box::new(move |e| invalid(e, "rcond")),
        ),
        (
            "rcond with a full factorization",
            qr_insert_with(&qf, &rf, &col, 0, QrWhich::Col, strict).unwrap_err(),
            Box::new(move |e| invalid(e, "rcond")),
        ),
        (
            "k past the last column",
            qr_insert_with(&q, &r, &col, 4, QrWhich::Col, strict).unwrap_err(),
            Box::new(move |e| invalid(e, "k")),
        ),
        (
            "column of the wrong length",
            qr_insert_with(&q, &r, &array![1.0, 2.0], 0, QrWhich::Col, strict).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "u", .. })),
        ),
        (
            "NaN column",
            qr_insert_with(&q, &r, &nan, 0, QrWhich::Col, strict).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "u" }),
        ),
        (
            "zero column",
            qr_insert_with(
                &q,
                &r,
                &array![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                0,
                QrWhich::Col,
                Default::default(),
            )
            .unwrap_err(),
            Box::new(|e| *e == LinalgError::ColumnInSpan { arg: "u", rcond: 0.0 }),
        ),
        (
            "a column of Q itself",
            qr_insert_with(&q, &r, &q.column(1), 0, QrWhich::Col, QrInsertOptions { rcond: Some(1e-10) })
                .unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ColumnInSpan { arg: "u", rcond } if *rcond < 1e-14)),
        ),
    ];
    for (name, err, ok) in &table {
        assert!(ok(err), "{name}: {err:?}");
    }
    let msg = table[5].1.to_string();
    assert!(msg.starts_with("One of the columns of `u` lies in the span of Q."), "{msg}");
    // without rcond a zero column is accepted when the test is disabled (rcond <= 0): Q1 gets
    // a zero column, R1 a zero column
    let off = QrInsertOptions { rcond: Some(0.0) };
    let (q1, r1) =
        qr_insert_with(&q, &r, &array![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], 3, QrWhich::Col, off).unwrap();
    assert_eq!((q1.dim(), r1.dim()), ((7, 4), (4, 4)));
    assert!(r1.column(3).iter().all(|&x| x == 0.0) && q1.column(3).iter().all(|&x| x == 0.0));
}
