//! SciPy parity for qr_delete / qr_update / qr_insert(Row) on economic (thin) QR
//! factorizations, and qr_delete on full ones: SciPy's algorithms, its shapes and values
//! (fixtures from tools/fixtures/linalg_qr_thin.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Axis, Ix1, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;
use common::{assert_upper_triangular, check_by_dtype, has, two};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_thin.json")).unwrap()
}

fn dtype(f: &Fixture, key: &str, field: &str) -> String {
    f.get(&format!("{key}/{field}")).get("dtype").and_then(|d| d.as_str()).unwrap_or("float64").to_string()
}

fn load(f: &Fixture, key: &str, field: &str) -> ArrayD<Complex64> {
    common::load_as_complex(f, key, field)
}

fn op(f: &Fixture, key: &str) -> String {
    f.get(&format!("{key}/op")).as_str().unwrap().to_string()
}

fn int(f: &Fixture, key: &str, field: &str) -> usize {
    f.i64(&format!("{key}/{field}")) as usize
}

/// Runs one case's operation with element type `T`.
fn run<T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    conv: &impl Fn(Complex64) -> T,
) -> Result<(Array2<T>, Array2<T>)> {
    let q = two(load(f, key, "q")).mapv(conv);
    let r = two(load(f, key, "r")).mapv(conv);
    match op(f, key).as_str() {
        "delete_row" => qr_delete(&q, &r, int(f, key, "k"), int(f, key, "p"), QrWhich::Row),
        "delete_col" => qr_delete(&q, &r, int(f, key, "k"), int(f, key, "p"), QrWhich::Col),
        "update" => qr_update(&q, &r, &load(f, key, "u").mapv(conv), &load(f, key, "v").mapv(conv)),
        "insert_row" => qr_insert(&q, &r, &load(f, key, "u").mapv(conv), int(f, key, "k"), QrWhich::Row),
        other => panic!("{key}: unknown op {other}"),
    }
}

/// The matrix the updated factors must reproduce.
fn target(f: &Fixture, key: &str) -> Array2<Complex64> {
    let a = two(load(f, key, "a"));
    let (m, n) = a.dim();
    match op(f, key).as_str() {
        "delete_row" => {
            let (k, p) = (int(f, key, "k"), int(f, key, "p"));
            a.select(Axis(0), &(0..m).filter(|i| !(k..k + p).contains(i)).collect::<Vec<_>>())
        }
        "delete_col" => {
            let (k, p) = (int(f, key, "k"), int(f, key, "p"));
            a.select(Axis(1), &(0..n).filter(|j| !(k..k + p).contains(j)).collect::<Vec<_>>())
        }
        "update" => {
            let (u, v) = (load(f, key, "u"), load(f, key, "v"));
            let u2 = u.to_shape((m, u.len() / m)).unwrap().to_owned();
            let v2 = v.to_shape((n, v.len() / n)).unwrap().to_owned();
            &a + &u2.dot(&v2.t().mapv(|z| z.conj()))
        }
        _ => {
            let k = int(f, key, "k");
            let u = load(f, key, "u");
            let u2 = u.to_shape((u.len() / n, n)).unwrap().to_owned();
            sci_array::ndarray::concatenate![Axis(0), a.slice(s![..k, ..]), u2, a.slice(s![k.., ..])]
        }
    }
}

fn keys(f: &Fixture) -> Vec<String> {
    f.keys().into_iter().filter(|k| k != "_meta").collect()
}

/// Checks one case with element type `T` against SciPy's factors (to `tol`) or its error.
fn check<T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    to: impl Fn(Complex64) -> T,
    of: impl Fn(T) -> Complex64,
    tol: f64,
) {
    let got = run(f, key, &to);
    if has(f, key, "error") {
        let want = f.get(&format!("{key}/error")).as_str().unwrap().to_string();
        let err = got.expect_err(key);
        assert!(err.to_string().contains(&want), "{key}: {err} against SciPy's {want}");
        return;
    }
    let (q1, r1) = got.unwrap_or_else(|e| panic!("{key}: {e}"));
    let (wq, wr) = (two(load(f, key, "q1")), two(load(f, key, "r1")));
    assert_eq!((q1.dim(), r1.dim()), (wq.dim(), wr.dim()), "{key}: shapes");
    let (q1c, r1c) = (q1.mapv(&of), r1.mapv(&of));
    assert_allclose(&q1c.dot(&r1c), &target(f, key), tol, tol);
    assert_upper_triangular(&r1c, key);
    assert_allclose(&q1c, &wq, tol, tol);
    assert_allclose(&r1c, &wr, tol, tol);
}

#[test]
fn thin_updates_match_scipy() {
    let f = fx();
    let mut counted = 0;
    for key in keys(&f) {
        check_by_dtype!(dtype(&f, &key, "a").as_str(), check, &f, &key, 1e-12);
        counted += 1;
    }
    assert_eq!(counted, 53);
}

#[test]
fn complex64_matches_complex128() {
    let f = fx();
    let c32 = |z: Complex64| Complex32::new(z.re as f32, z.im as f32);
    let up = |z: Complex32| Complex64::new(z.re as f64, z.im as f64);
    for key in ["del_row_cplx_k1_p5", "del_col_cplx_k1_p2", "upd_cplx_r2", "ins_rows_cplx_k3"] {
        let (q1, r1) = run(&f, key, &c32).unwrap();
        assert_allclose(&q1.mapv(up), &two(load(&f, key, "q1")), 1e-4, 1e-4);
        assert_allclose(&r1.mapv(up), &two(load(&f, key, "r1")), 1e-4, 1e-4);
    }
}

/// `(Q, R)` of a case as real arrays.
fn real_qr(f: &Fixture, key: &str) -> (Array2<f64>, Array2<f64>) {
    (two(load(f, key, "q")).mapv(|z| z.re), two(load(f, key, "r")).mapv(|z| z.re))
}

#[test]
fn non_contiguous_inputs_give_the_contiguous_results() {
    let f = fx();
    // Q stored transposed (a Fortran-order view), R a view with a column stride, u every
    // other element of a longer array
    let strided = |a: &Array2<f64>| {
        let mut wide = Array2::<f64>::zeros((a.nrows(), 2 * a.ncols()));
        wide.slice_mut(s![.., ..;2]).assign(a);
        wide
    };
    let (q, r) = real_qr(&f, "del_row_real_k2_p5");
    let qt = q.t().to_owned();
    let rw = strided(&r);
    let want = qr_delete(&q, &r, 2, 5, QrWhich::Row).unwrap();
    assert_eq!(qr_delete(&qt.t(), &rw.slice(s![.., ..;2]), 2, 5, QrWhich::Row).unwrap(), want);
    let (q, r) = real_qr(&f, "del_col_real_k1_p3");
    let qt = q.t().to_owned();
    let want = qr_delete(&q, &r, 1, 3, QrWhich::Col).unwrap();
    assert_eq!(qr_delete(&qt.t(), &strided(&r).slice(s![.., ..;2]), 1, 3, QrWhich::Col).unwrap(), want);
    let key = "upd_real_r2";
    let (q, r) = real_qr(&f, key);
    let u = two(load(&f, key, "u")).mapv(|z| z.re);
    let v = two(load(&f, key, "v")).mapv(|z| z.re);
    let want = qr_update(&q, &r, &u, &v).unwrap();
    let (uw, vw) = (strided(&u), strided(&v));
    let got = qr_update(&q.t().to_owned().t(), &r, &uw.slice(s![.., ..;2]), &vw.slice(s![.., ..;2])).unwrap();
    assert_eq!(got, want);
    let key = "ins_row_real_k2";
    let (q, r) = real_qr(&f, key);
    let u: Array1<f64> = load(&f, key, "u").into_dimensionality::<Ix1>().unwrap().mapv(|z| z.re);
    let want = qr_insert(&q, &r, &u, 2, QrWhich::Row).unwrap();
    let mut long = Array1::<f64>::zeros(2 * u.len());
    long.slice_mut(s![..;2]).assign(&u);
    assert_eq!(qr_insert(&q.t().to_owned().t(), &r, &long.slice(s![..;2]), 2, QrWhich::Row).unwrap(), want);
}

#[test]
fn row_whose_unit_vector_lies_in_the_span_of_q() {
    // Q's first column is e_0, so e_0 lies in span(Q): the thin deletion of row 0 falls back
    // to the row of Q of smallest norm (Daniel, Gragg, Kaufman and Stewart, p. 785). SciPy
    // 1.17.1 divides by the zero norm there and returns factors that do not reproduce A.
    let a = array![[2.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.0, 1.0]];
    let (q, r) = qr(&a, QrMode::Economic).unwrap();
    let (q1, r1) = qr_delete(&q, &r, 0, 1, QrWhich::Row).unwrap();
    assert_eq!((q1.dim(), r1.dim()), ((3, 2), (2, 2)));
    assert_allclose(&q1.dot(&r1), &a.slice(s![1.., ..]), 1e-14, 1e-14);
    assert_allclose(&q1.t().dot(&q1), &Array2::eye(2), 1e-14, 1e-14);
    assert_eq!(r1[[1, 0]], 0.0);
}

#[test]
fn update_with_zero_u_leaves_the_factors() {
    // SciPy 1.17.1 divides by ||u|| = 0 here (a ZeroDivisionError it prints and ignores)
    let f = fx();
    let (q, r) = real_qr(&f, "upd_real_r1");
    let (q1, r1) = qr_update(&q, &r, &Array1::<f64>::zeros(7), &array![1.0, 2.0, 3.0]).unwrap();
    assert_eq!((q1, r1), (q, r));
}
