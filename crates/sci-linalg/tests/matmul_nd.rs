//! NumPy parity for matmul_nd and multi_dot_nd (fixtures from tools/fixtures/linalg_matmul_nd.py):
//! stacked and 1-d operands, batch broadcasting, zero-length axes, transposed and strided views,
//! NaN/inf, float32, complex64/complex128, and the operands NumPy rejects.

use sci_array::ArrayError;
use sci_array::ndarray::{ArrayD, ArrayViewD, IxDyn, Slice};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{LinalgError, matmul_nd, multi_dot_nd};

mod common;
use common::fortran_strided;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_matmul_nd.json")).unwrap()
}

/// Every other element on each axis, the last axis reversed: a non-contiguous layout.
fn every_other<T>(big: &ArrayD<T>) -> ArrayViewD<'_, T> {
    let last = big.ndim().saturating_sub(1);
    big.slice_each_axis(|ax| Slice::new(0, None, if ax.axis.index() == last { -2 } else { 2 }))
}

/// `a` stored inside a twice as long array filled with `junk` (see [`every_other`]).
fn spread<T: Clone>(a: &ArrayD<T>, junk: T) -> ArrayD<T> {
    let shape: Vec<usize> = a.shape().iter().map(|&d| 2 * d).collect();
    let mut big = ArrayD::from_elem(IxDyn(&shape), junk);
    let last = big.ndim().saturating_sub(1);
    big.slice_each_axis_mut(|ax| Slice::new(0, None, if ax.axis.index() == last { -2 } else { 2 })).assign(a);
    big
}

#[test]
fn matmul_nd_matches_numpy() {
    let f = fx();
    // m00 .. m18 (the keys multi and multi_bad start with m too)
    let keys: Vec<String> = f.keys().into_iter().filter(|k| k.len() == 3 && k.starts_with('m')).collect();
    assert_eq!(keys.len(), 19);
    for k in keys {
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = matmul_nd(&a, &b).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-13, 1e-13);
        let got = matmul_nd(&fortran_strided(&a), &fortran_strided(&b)).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k} (Fortran strides)");
        assert_allclose(&got, &want, 1e-13, 1e-13);
        let (ba, bb) = (spread(&a, f64::NAN), spread(&b, f64::NAN));
        let got = matmul_nd(&every_other(&ba), &every_other(&bb)).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k} (strided)");
        assert_allclose(&got, &want, 1e-13, 1e-13);
    }
}

#[test]
fn matmul_nd_transposed_view_matches_numpy() {
    let f = fx();
    let (at, b, want) =
        (f.array_f64("transposed/at"), f.array_f64("transposed/b"), f.array_f64("transposed/out"));
    let mut a = at.view();
    a.swap_axes(1, 2);
    assert_allclose(&matmul_nd(&a, &b).unwrap(), &want, 1e-13, 1e-13);
    // the same with b transposed twice (a view with swapped strides)
    let bt = b.view().permuted_axes(vec![0, 2, 1]).to_owned();
    let mut bv = bt.view();
    bv.swap_axes(1, 2);
    assert_allclose(&matmul_nd(&a, &bv).unwrap(), &want, 1e-13, 1e-13);
}

#[test]
fn matmul_nd_propagates_nan_and_inf_as_numpy() {
    let f = fx();
    let (a, b) = (f.array_f64("nonfinite/a"), f.array_f64("nonfinite/b"));
    let got = matmul_nd(&a, &b).unwrap();
    assert!(got.iter().any(|x| x.is_nan()) && got.iter().any(|x| x.is_infinite()));
    assert_allclose(&got, &f.array_f64("nonfinite/out"), 0.0, 0.0);
    assert_allclose(
        &matmul_nd(&a, &f.array_f64("nonfinite/v")).unwrap(),
        &f.array_f64("nonfinite/out_vec"),
        0.0,
        0.0,
    );
}

#[test]
fn matmul_nd_f32_and_complex_match_numpy() {
    let f = fx();
    let (a, b) = (f.array_f64("f32/a").mapv(|x| x as f32), f.array_f64("f32/b").mapv(|x| x as f32));
    let got = matmul_nd(&a, &b).unwrap().mapv(f64::from);
    assert_allclose(&got, &f.array_f64("f32/out"), 2e-5, 2e-5);
    let (a, b) = (f.array_c64("c128/a"), f.array_c64("c128/b"));
    let want = f.array_c64("c128/out");
    assert_eq!(want.shape(), &[2, 3, 3, 2]);
    assert_allclose(&matmul_nd(&a, &b).unwrap(), &want, 1e-13, 1e-13);
    let (ba, bb) = (spread(&a, Complex64::new(f64::NAN, 0.0)), spread(&b, Complex64::new(0.0, f64::NAN)));
    assert_allclose(&matmul_nd(&every_other(&ba), &every_other(&bb)).unwrap(), &want, 1e-13, 1e-13);
    // batch products above the plain-loop size: faer's GEMM for complex128
    let (a, b) = (f.array_c64("c128b/a"), f.array_c64("c128b/b"));
    let want = f.array_c64("c128b/out");
    assert_eq!(want.shape(), &[2, 3, 10, 8]);
    assert_allclose(&matmul_nd(&a, &b).unwrap(), &want, 1e-13, 1e-13);
    assert_allclose(&matmul_nd(&fortran_strided(&a), &b).unwrap(), &want, 1e-13, 1e-13);
    let c32 = |z: &Complex64| Complex32::new(z.re as f32, z.im as f32);
    let (a, b) = (f.array_c64("c64/a").map(c32), f.array_c64("c64/b").map(c32));
    let got = matmul_nd(&a, &b).unwrap().mapv(|z| Complex64::new(z.re.into(), z.im.into()));
    assert_eq!(got.shape(), &[2, 2]);
    assert_allclose(&got, &f.array_c64("c64/out"), 2e-5, 2e-5);
}

fn shape(f: &Fixture, path: &str) -> Vec<usize> {
    f.array_i64(path).iter().map(|&d| d as usize).collect()
}

#[test]
fn matmul_nd_rejects_what_numpy_rejects() {
    let f = fx();
    for k in ["b0", "b1", "b2", "b3", "b4", "b5"] {
        let (sa, sb) = (shape(&f, &format!("bad/{k}/a_shape")), shape(&f, &format!("bad/{k}/b_shape")));
        let (a, b) = (ArrayD::<f64>::ones(IxDyn(&sa)), ArrayD::<f64>::ones(IxDyn(&sb)));
        let err = matmul_nd(&a, &b).unwrap_err();
        let (msg, numpy) = (err.to_string(), f.str(&format!("bad/{k}/message")));
        if numpy.contains("does not have enough dimensions") {
            let (arg, op) = if sa.is_empty() { ("a", "operand 0") } else { ("b", "operand 1") };
            assert!(numpy.contains(op), "{k}: {numpy}");
            assert!(matches!(&err, LinalgError::ShapeMismatch { arg: x, .. } if *x == arg), "{k}: {err}");
            assert!(msg.contains(op) && msg.contains("scalars"), "{k}: {msg}");
        } else if numpy.contains("mismatch in its core dimension 0") {
            assert!(
                matches!(&err, LinalgError::ShapeMismatch { arg: "b", found, .. } if *found == sb),
                "{k}: {err}"
            );
            // NumPy's numbers: "(size 4 is different from 3)"
            let sizes = numpy.rsplit('(').next().unwrap().trim_end_matches(')');
            assert!(msg.contains(sizes), "{k}: {msg} / {numpy}");
        } else {
            assert!(numpy.contains("could not be broadcast"), "{k}: {numpy}");
            assert!(matches!(&err, LinalgError::Array(ArrayError::Broadcast { .. })), "{k}: {err}");
            assert!(msg.contains(&format!("{sa:?} {sb:?}")), "{k}: {msg}");
        }
    }
}

#[test]
fn multi_dot_nd_matches_numpy() {
    let f = fx();
    for i in 0..7 {
        let key = format!("multi/c{i}");
        let n = f.i64(&format!("{key}/n")) as usize;
        let arrs: Vec<ArrayD<f64>> = (0..n).map(|j| f.array_f64(&format!("{key}/a{j}"))).collect();
        let want = f.array_f64(&format!("{key}/out"));
        let views: Vec<_> = arrs.iter().map(|x| x.view()).collect();
        let got = multi_dot_nd(&views).unwrap();
        assert_eq!(got.shape(), want.shape(), "{key}");
        assert_allclose(&got, &want, 1e-13, 1e-13);
        let bigs: Vec<ArrayD<f64>> = arrs.iter().map(|x| spread(x, f64::NAN)).collect();
        let views: Vec<_> = bigs.iter().map(every_other).collect();
        assert_allclose(&multi_dot_nd(&views).unwrap(), &want, 1e-13, 1e-13);
    }
}

#[test]
fn multi_dot_nd_rejects_what_numpy_rejects() {
    let f = fx();
    for i in 0..4 {
        let key = format!("multi_bad/e{i}");
        let n = f.i64(&format!("{key}/n")) as usize;
        let arrs: Vec<ArrayD<f64>> =
            (0..n).map(|j| ArrayD::ones(IxDyn(&shape(&f, &format!("{key}/s{j}"))))).collect();
        let views: Vec<_> = arrs.iter().map(|x| x.view()).collect();
        let err = multi_dot_nd(&views).unwrap_err();
        let (msg, numpy) = (err.to_string(), f.str(&format!("{key}/message")));
        if numpy.contains("dimensional array given") {
            // "3-dimensional array given. Array must be two-dimensional"
            assert!(matches!(&err, LinalgError::ShapeMismatch { arg: "arrays", .. }), "{key}: {err}");
            assert!(msg.contains(numpy), "{key}: {msg} / {numpy}");
        } else if numpy.contains("not aligned") {
            assert!(matches!(&err, LinalgError::ShapeMismatch { arg: "arrays", .. }), "{key}: {err}");
        } else {
            assert_eq!(numpy, "Expecting at least two arrays.");
            assert!(msg.contains(numpy), "{key}: {msg}");
        }
    }
}
