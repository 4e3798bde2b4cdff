//! SciPy parity for matmul_toeplitz_batched: SciPy 1.17's batched matmul_toeplitz (fixtures
//! from tools/fixtures/linalg_toeplitz_batch.py).

use sci_array::ArrayError;
use sci_array::ndarray::{ArrayD, ArrayViewD, array};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_toeplitz_batch.json")).unwrap()
}

fn is_complex(f: &Fixture, p: &str) -> bool {
    f.get(p).get("dtype").and_then(|d| d.as_str()).is_some_and(|d| d.starts_with("complex"))
}

fn load_c(f: &Fixture, p: &str) -> ArrayD<C> {
    if is_complex(f, p) { f.array_c64(p) } else { f.array_f64(p).mapv(|x| C::new(x, 0.0)) }
}

fn run<T: LinalgScalar>(
    c: &ArrayD<T>,
    r: Option<ArrayViewD<'_, T>>,
    x: &ArrayD<T>,
) -> Result<ArrayD<T>, LinalgError> {
    matmul_toeplitz_batched(c, r, x, MatmulToeplitzOptions::default())
}

#[test]
fn batched_products_match_scipy() {
    let f = fx();
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k != "_meta").collect();
    assert_eq!(keys.len(), 13);
    let mut compared = 0;
    for key in &keys {
        let p = |x: &str| format!("{key}/{x}");
        if f.get(key).get("error").is_some() {
            continue;
        }
        let has_r = f.get(key).get("r").is_some();
        let cplx = ["c", "r", "x"].iter().any(|a| f.get(key).get(*a).is_some() && is_complex(&f, &p(a)));
        let want = load_c(&f, &p("y"));
        if cplx {
            let (c, x) = (load_c(&f, &p("c")), load_c(&f, &p("x")));
            let r = has_r.then(|| load_c(&f, &p("r")));
            let y = run(&c, r.as_ref().map(|r| r.view()), &x).unwrap_or_else(|e| panic!("{key}: {e}"));
            assert_eq!(y.shape(), want.shape(), "{key}");
            assert_allclose(&y, &want, 1e-12, 1e-12);
        } else {
            let (c, x) = (f.array_f64(&p("c")), f.array_f64(&p("x")));
            let r = has_r.then(|| f.array_f64(&p("r")));
            let y = run(&c, r.as_ref().map(|r| r.view()), &x).unwrap_or_else(|e| panic!("{key}: {e}"));
            assert_eq!(y.shape(), want.shape(), "{key}");
            assert_allclose(&y.mapv(|v| C::new(v, 0.0)), &want, 1e-12, 1e-12);
        }
        compared += 1;
    }
    assert_eq!(compared, 11);
}

#[test]
fn batched_bad_input() {
    let f = fx();
    let get = |key: &str, a: &str| f.array_f64(&format!("{key}/{a}"));
    let (c, r, x) = (get("bad_broadcast", "c"), get("bad_broadcast", "r"), get("bad_broadcast", "x"));
    let e = run(&c, Some(r.view()), &x).unwrap_err();
    assert!(matches!(e, LinalgError::Array(ArrayError::Broadcast { .. })), "{e:?}");
    let (c, r, x) = (get("zero_batch", "c"), get("zero_batch", "r"), get("zero_batch", "x"));
    let e = run(&c, Some(r.view()), &x).unwrap_err();
    assert!(e.to_string().contains("does not support zero-size batches"), "{e}");
    // x's core must have len(r) rows
    let c2 = get("stacked_cr_x2d", "c");
    let r2 = get("stacked_cr_x2d", "r");
    let e = run(&c2, Some(r2.view()), &ArrayD::zeros(vec![2, 4, 5])).unwrap_err();
    assert!(matches!(e, LinalgError::ShapeMismatch { arg: "x", .. }), "{e:?}");
    // 0-d inputs
    let scalar = ArrayD::<f64>::zeros(vec![]);
    let e = run(&scalar, None, &ArrayD::zeros(vec![1])).unwrap_err();
    assert!(matches!(e, LinalgError::ShapeMismatch { arg: "c", .. }), "{e:?}");
    let e = run(&c2, Some(r2.view()), &scalar).unwrap_err();
    assert!(matches!(e, LinalgError::ShapeMismatch { arg: "x", .. }), "{e:?}");
    // NaN with check_finite, and workers = 0
    let mut xn = get("stacked_cr_x2d", "x");
    xn[[0, 0]] = f64::NAN;
    let checked = MatmulToeplitzOptions { check_finite: true, workers: None };
    let e = matmul_toeplitz_batched(&c2, Some(r2.view()), &xn, checked).unwrap_err();
    assert_eq!(e, LinalgError::NonFinite { arg: "x" });
    let zero = MatmulToeplitzOptions { check_finite: false, workers: Some(0) };
    let e = matmul_toeplitz_batched(&c2, Some(r2.view()), &xn, zero).unwrap_err();
    assert!(matches!(e, LinalgError::Array(ArrayError::InvalidValue { arg: "workers", .. })), "{e:?}");
}

#[test]
fn unbatched_and_view_inputs_agree_with_matmul_toeplitz() {
    let c = array![1.0, 2.0, -1.0];
    let r = array![1.0, 0.5];
    let x = array![[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]];
    let o = MatmulToeplitzOptions::default();
    let plain = matmul_toeplitz_with(&c, Some(r.view()), &x, o).unwrap();
    let batched = matmul_toeplitz_batched(&c, Some(r.view().into_dyn()), &x, o).unwrap();
    assert_eq!(batched, plain.into_dyn());
    // a non-contiguous stack of x (every other column of a wider array) and two threads
    let wide = sci_array::ndarray::Array3::from_shape_fn((2, 2, 6), |(b, i, j)| (b * 7 + i * 3 + j) as f64);
    let xs = wide.slice(sci_array::ndarray::s![.., .., ..;2]);
    let two = MatmulToeplitzOptions { check_finite: true, workers: Some(2) };
    let y = matmul_toeplitz_batched(&c, Some(r.view().into_dyn()), &xs, two).unwrap();
    for b in 0..2 {
        let want = toeplitz(&c, Some(r.view())).dot(&xs.index_axis(sci_array::ndarray::Axis(0), b));
        assert_allclose(&y.index_axis(sci_array::ndarray::Axis(0), b), &want.into_dyn(), 1e-13, 1e-13);
    }
}
