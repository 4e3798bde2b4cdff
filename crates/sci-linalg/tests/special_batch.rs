//! SciPy parity for fiedler_companion_batched and cdf2rdf_batched (fixtures from
//! tools/fixtures/linalg_special_batch.py): stacks of polynomials of lengths 0 to 6 (real and
//! complex), stacked eigenvalues/eigenvectors, non-contiguous views, and the inputs SciPy rejects.

use sci_array::ndarray::{ArrayD, Axis, Ix2, IxDyn, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{LinalgError, cdf2rdf_batched, eig, fiedler_companion_batched};

mod common;
use common::{case_keys, fortran_strided, load_as_complex};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_special_batch.json")).unwrap()
}

#[test]
fn fiedler_companion_batched_matches_scipy() {
    let f = fx();
    for k in case_keys(&f, 'f', 9).into_iter().filter(|k| k != "fiedler_bad") {
        let (a, want) = (load_as_complex(&f, &k, "a"), load_as_complex(&f, &k, "c"));
        let got = fiedler_companion_batched(&a).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        // a / a[0] and a negation: NumPy's single roundings
        assert_allclose(&got, &want, 1e-15, 0.0);
        assert_eq!(fiedler_companion_batched(&fortran_strided(&a)).unwrap(), got, "{k}");
        if k != "f6" {
            let real = fiedler_companion_batched(&a.mapv(|z| z.re)).unwrap();
            assert_eq!(real, want.mapv(|z| z.re), "{k}");
        }
    }
    // a 0-d a is a length-1 polynomial: SciPy's empty 1-d result
    let zero_d = fiedler_companion_batched(&ArrayD::from_elem(IxDyn(&[]), 2.0)).unwrap();
    assert_eq!(zero_d.shape(), &[0]);
}

#[test]
fn fiedler_companion_batched_rejects_what_scipy_rejects() {
    let f = fx();
    for k in ["e0", "e1"] {
        let a = f.array_f64(&format!("fiedler_bad/{k}/a"));
        let err = fiedler_companion_batched(&a).unwrap_err();
        let numpy = f.str(&format!("fiedler_bad/{k}/message"));
        assert!(
            matches!(&err, LinalgError::Array(_)) && err.to_string().contains(numpy),
            "{k}: {err} / {numpy}"
        );
    }
}

#[test]
fn cdf2rdf_batched_matches_scipy() {
    let f = fx();
    for k in ["r0", "r1", "r2", "given"] {
        let p = |x: &str| format!("{k}/{x}");
        let (w, v) = (f.array_c64(&p("w")), f.array_c64(&p("v")));
        let (wr, vr) = cdf2rdf_batched(&w, &v).unwrap();
        assert_allclose(&wr, &f.array_f64(&p("wr")), 1e-15, 0.0);
        assert_allclose(&vr, &f.array_f64(&p("vr")), 1e-15, 1e-16);
        let (wr2, vr2) = cdf2rdf_batched(&fortran_strided(&w), &fortran_strided(&v)).unwrap();
        assert_eq!((wr2, vr2), (wr, vr), "{k}");
        if k != "given" {
            // with this crate's own eig, one matrix at a time: a vr = vr wr
            let a = f.array_f64(&p("a"));
            let n = a.shape()[a.ndim() - 1];
            let a3 = a.to_shape((a.len() / (n * n).max(1), n, n)).unwrap();
            for m in a3.outer_iter() {
                let (w, v) = eig(&m).unwrap();
                let (wr, vr) = cdf2rdf_batched(&w.insert_axis(Axis(0)), &v.insert_axis(Axis(0))).unwrap();
                let (wr, vr) = (
                    wr.index_axis(Axis(0), 0).into_dimensionality::<Ix2>().unwrap().to_owned(),
                    vr.index_axis(Axis(0), 0).into_dimensionality::<Ix2>().unwrap().to_owned(),
                );
                assert_allclose(&m.dot(&vr), &vr.dot(&wr), 0.0, 1e-12);
            }
        }
    }
    // empty stacks and empty matrices
    let (wr, vr) =
        cdf2rdf_batched(&ArrayD::<Complex64>::zeros(IxDyn(&[0, 3])), &ArrayD::zeros(IxDyn(&[0, 3, 3])))
            .unwrap();
    assert_eq!((wr.shape(), vr.shape()), (&[0, 3, 3][..], &[0, 3, 3][..]));
    let (wr, _) =
        cdf2rdf_batched(&ArrayD::<Complex64>::zeros(IxDyn(&[2, 0])), &ArrayD::zeros(IxDyn(&[2, 0, 0])))
            .unwrap();
    assert_eq!(wr.shape(), &[2, 0, 0]);
    // a batch of one from a slice of a bigger stack (non-contiguous)
    let (w, v) = (f.array_c64("r0/w"), f.array_c64("r0/v"));
    let (wr, vr) = cdf2rdf_batched(&w.slice(s![..;2, ..]), &v.slice(s![..;2, .., ..])).unwrap();
    assert_eq!(wr.shape(), &[2, 5, 5]);
    assert_allclose(&vr, &f.array_f64("r0/vr").slice(s![..;2, .., ..]).to_owned(), 1e-15, 1e-16);
}

#[test]
fn cdf2rdf_batched_rejects_what_scipy_rejects() {
    let f = fx();
    let shape = |p: &str| f.array_i64(p).iter().map(|&d| d as usize).collect::<Vec<_>>();
    for i in 0..5 {
        let key = format!("cdf2rdf_bad/e{i}");
        let w = ArrayD::<Complex64>::ones(IxDyn(&shape(&format!("{key}/w_shape"))));
        let v = ArrayD::<Complex64>::ones(IxDyn(&shape(&format!("{key}/v_shape"))));
        let err = cdf2rdf_batched(&w, &v).unwrap_err();
        let numpy = f.str(&format!("{key}/message"));
        let ok = match &err {
            LinalgError::ShapeMismatch { arg: "w", .. } => numpy.contains("w to be at least 1D"),
            LinalgError::ShapeMismatch { arg: "v", .. } => {
                numpy.contains("at least 2D")
                    || numpy.contains("one dimension more")
                    || numpy.contains("same number")
            }
            LinalgError::NotSquare { arg: "v", .. } => numpy.contains("square"),
            _ => false,
        };
        assert!(ok, "{key}: {err} / SciPy: {numpy}");
    }
    let w = f.array_c64("cdf2rdf_bad/odd/w");
    let err = cdf2rdf_batched(&w, &ArrayD::<Complex64>::ones(IxDyn(&[2, 2, 2]))).unwrap_err();
    assert!(err.to_string().contains(f.str("cdf2rdf_bad/odd/message")), "{err}");
    // batch axes that differ
    let err = cdf2rdf_batched(
        &ArrayD::<Complex64>::ones(IxDyn(&[2, 2])),
        &ArrayD::<Complex64>::ones(IxDyn(&[3, 2, 2])),
    );
    assert!(matches!(err, Err(LinalgError::ShapeMismatch { arg: "v", .. })));
    let mut nan = ArrayD::<Complex64>::ones(IxDyn(&[1, 2]));
    nan[[0, 1]] = Complex64::new(f64::NAN, 0.0);
    let err = cdf2rdf_batched(&nan, &ArrayD::<Complex64>::ones(IxDyn(&[1, 2, 2]))).unwrap_err();
    assert_eq!(err, LinalgError::NonFinite { arg: "w" });
}
