//! SciPy/NumPy parity for matmul, dot, multi_dot and lstsq on tall matrices (fixtures from
//! tools/fixtures/linalg_products.py).

use sci_array::ndarray::{Array1, Array2, ArrayView2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_products.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// Products: a few eps per accumulated term (inner dimensions up to 100).
const RTOL: f64 = 1e-12;
const ATOL: f64 = 1e-12;

#[test]
fn matmul_and_dot_match_numpy() {
    let f = fx();
    for key in ["square", "rect", "row_col", "outer", "big"] {
        let (a, b) = (m(&f, &format!("matmul_{key}/a")), m(&f, &format!("matmul_{key}/b")));
        let want = m(&f, &format!("matmul_{key}/c"));
        assert_allclose(&matmul(&a, &b).unwrap(), &want, RTOL, ATOL);
        assert_allclose(&dot(&a, &b).unwrap(), &m(&f, &format!("matmul_{key}/dot")), RTOL, ATOL);
        // transposed and reversed-stride views give the same numbers
        let (at, bt) = (a.t().to_owned(), b.t().to_owned());
        assert_allclose(&matmul(&at.t(), &bt.t()).unwrap(), &want, RTOL, ATOL);
        let ar = a.slice(s![.., ..;-1]);
        let br = b.slice(s![..;-1, ..]);
        assert_allclose(&matmul(&ar, &br).unwrap(), &want, RTOL, ATOL);
    }
    let e = matmul(&m(&f, "matmul_empty_inner/a"), &m(&f, "matmul_empty_inner/b")).unwrap();
    assert_eq!(e, m(&f, "matmul_empty_inner/c"));
    assert_eq!(e.dim(), (3, 4));
    assert_eq!(matmul(&Array2::<f64>::zeros((0, 2)), &Array2::zeros((2, 3))).unwrap().dim(), (0, 3));
    assert_allclose(
        &matmul(&m(&f, "matmul_nonfinite/a"), &m(&f, "matmul_nonfinite/b")).unwrap(),
        &m(&f, "matmul_nonfinite/c"),
        RTOL,
        ATOL,
    );
    let a32 = m(&f, "matmul_f32/a").mapv(|x| x as f32);
    let b32 = m(&f, "matmul_f32/b").mapv(|x| x as f32);
    // f32 products: NumPy's float32 GEMM rounds differently (a few f32 eps).
    assert_allclose(&matmul(&a32, &b32).unwrap(), &m(&f, "matmul_f32/c").mapv(|x| x as f32), 1e-5, 1e-6);
}

#[test]
fn multi_dot_matches_numpy() {
    let f = fx();
    for key in ["three", "three_right", "four", "six", "two"] {
        let n = f.i64(&format!("multi_dot_{key}/n")) as usize;
        let arrs: Vec<Array2<f64>> = (0..n).map(|i| m(&f, &format!("multi_dot_{key}/a{i}"))).collect();
        let views: Vec<ArrayView2<'_, f64>> = arrs.iter().map(|a| a.view()).collect();
        assert_allclose(&multi_dot(&views).unwrap(), &m(&f, &format!("multi_dot_{key}/c")), RTOL, ATOL);
    }
    // NumPy: "Expecting at least two arrays." for one array or none.
    let one = array![[1.0, 2.0], [3.0, 4.0]];
    for arrays in [&[one.view()][..], &[]] {
        let e = multi_dot(arrays).unwrap_err();
        assert!(e.to_string().contains("Expecting at least two arrays."), "{e}");
    }
}

#[test]
fn lstsq_tall_matches_scipy() {
    let f = fx();
    for key in
        ["tall_120x40", "tall_multi", "vander_ill", "deficient_tall_2d", "zero_col", "one_col", "square_8"]
    {
        let p = |k: &str| format!("lstsq_{key}/{k}");
        let a = m(&f, &p("a"));
        let rank = f.i64(&p("rank")) as usize;
        let b = f.array_f64(&p("b"));
        // The Vandermonde case has condition number ~1e5: x carries that times eps.
        let (rtol, atol) = if key == "vander_ill" { (1e-9, 1e-9) } else { (1e-11, 1e-12) };
        if b.ndim() == 1 {
            let r = lstsq(&a, &b.into_dimensionality::<Ix1>().unwrap(), None).unwrap();
            assert_allclose(&r.x, &f.array_f64(&p("x")).into_dimensionality::<Ix1>().unwrap(), rtol, atol);
            assert_eq!(r.rank, rank, "{key}");
            assert_allclose(&r.s, &f.array_f64(&p("s")).into_dimensionality::<Ix1>().unwrap(), 1e-12, 1e-12);
            assert_allclose(
                &r.residues,
                &f.array_f64(&p("residues")).into_dimensionality::<Ix1>().unwrap(),
                1e-10,
                1e-12,
            );
        } else {
            let r = lstsq(&a, &b.into_dimensionality::<Ix2>().unwrap(), None).unwrap();
            assert_allclose(&r.x, &m(&f, &p("x")), rtol, atol);
            assert_eq!(r.rank, rank, "{key}");
            assert_allclose(
                &r.residues,
                &f.array_f64(&p("residues")).into_dimensionality::<Ix1>().unwrap(),
                1e-10,
                1e-12,
            );
        }
    }
    // a non-contiguous view of the tall input gives the same solution
    let a = m(&f, "lstsq_tall_multi/a");
    let b = m(&f, "lstsq_tall_multi/b");
    let at = a.t().to_owned();
    let r = lstsq(&at.t(), &b, None).unwrap();
    assert_allclose(&r.x, &m(&f, "lstsq_tall_multi/x"), 1e-11, 1e-12);
    // no right-hand sides
    let r = lstsq(&a, &Array2::<f64>::zeros((50, 0)), None).unwrap();
    assert_eq!(r.x.dim(), (8, 0));
}

#[test]
fn bad_input_is_an_error() {
    let a = Array2::<f64>::zeros((2, 3));
    let b = Array2::<f64>::zeros((2, 4));
    let mismatch =
        |e: LinalgError, want: &str| matches!(e, LinalgError::ShapeMismatch { arg, .. } if arg == want);
    assert!(mismatch(matmul(&a, &b).unwrap_err(), "b"));
    assert!(mismatch(dot(&a, &b).unwrap_err(), "b"));
    assert!(mismatch(multi_dot(&[a.view(), a.t(), b.view(), a.view()]).unwrap_err(), "arrays"));
    let e = multi_dot(&[a.view(), b.view()]).unwrap_err();
    assert!(e.to_string().contains("arrays[0]"), "{e}");
    assert!(matches!(multi_dot::<f64>(&[]).unwrap_err(), LinalgError::Array(_)));
    let tall = Array2::<f64>::ones((5, 2));
    assert!(matches!(
        lstsq(&tall, &array![1.0, 2.0], None).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    let mut nan = tall.clone();
    nan[[3, 1]] = f64::NAN;
    assert_eq!(
        lstsq(&nan, &Array1::from_elem(5, 1.0), None).unwrap_err(),
        LinalgError::NonFinite { arg: "a" }
    );
    assert_eq!(
        lstsq(&tall, &array![1.0, 2.0, f64::INFINITY, 0.0, 0.0], None).unwrap_err(),
        LinalgError::NonFinite { arg: "b" }
    );
}
