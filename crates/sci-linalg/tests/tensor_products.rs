//! NumPy parity for tensordot, inner, outer, vdot, vecdot, cross, trace and matrix_transpose
//! (fixtures from tools/fixtures/linalg_products_nd.py): float64 and complex128 operands,
//! zero-length axes, broadcasting, non-contiguous views, float32, and the inputs NumPy rejects.

use sci_array::ArrayError;
use sci_array::ndarray::{Array2, ArrayD, Axis, IxDyn, array};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{
    CrossOptions, LinalgError, TensordotAxes, cross, cross_with, inner, matrix_transpose, outer, tensordot,
    trace, trace_nd, vdot, vecdot,
};

mod common;
use common::{fortran_strided, load_as_complex};

/// The case names `prefix` followed by a number (`t0`, `t1`, ...), checked to number `count`.
fn case_keys(f: &Fixture, prefix: char, count: usize) -> Vec<String> {
    let keys: Vec<String> = f
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(prefix) && k[1..].chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(keys.len(), count, "cases {prefix}0..");
    keys
}

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_products_nd.json")).unwrap()
}

fn is_complex(f: &Fixture, path: &str) -> bool {
    f.get(path).get("dtype").and_then(|d| d.as_str()).is_some_and(|d| d.starts_with("complex"))
}

fn int_list(f: &Fixture, path: &str) -> Vec<isize> {
    f.array_i64(path).iter().map(|&x| x as isize).collect()
}

fn shape(f: &Fixture, path: &str) -> Vec<usize> {
    f.array_i64(path).iter().map(|&x| x as usize).collect()
}

/// The `axes` of a tensordot case: `n` or the pair `axes_a`, `axes_b`.
fn axes_of(f: &Fixture, k: &str) -> TensordotAxes {
    if f.get(k).get("n").is_some() {
        TensordotAxes::Count(f.i64(&format!("{k}/n")) as usize)
    } else {
        TensordotAxes::Pairs(int_list(f, &format!("{k}/axes_a")), int_list(f, &format!("{k}/axes_b")))
    }
}

#[test]
fn tensordot_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 't', 10) {
        let axes = axes_of(&f, &k);
        if is_complex(&f, &format!("{k}/a")) {
            let (a, b, want) = (
                load_as_complex(&f, &k, "a"),
                load_as_complex(&f, &k, "b"),
                f.array_c64(&format!("{k}/out")),
            );
            let got = tensordot(&a, &b, axes.clone()).unwrap();
            assert_eq!(got.shape(), want.shape(), "{k}");
            assert_allclose(&got, &want, 1e-13, 1e-14);
            continue;
        }
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = tensordot(&a, &b, axes.clone()).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-13, 1e-14);
        let strided = tensordot(&fortran_strided(&a), &fortran_strided(&b), axes.clone()).unwrap();
        assert_allclose(&strided, &want, 1e-13, 1e-14);
        let (a32, b32) = (a.mapv(|x| x as f32), b.mapv(|x| x as f32));
        let got32 = tensordot(&a32, &b32, axes).unwrap().mapv(f64::from);
        assert_allclose(&got32, &want, 2e-5, 1e-5);
    }
}

#[test]
fn tensordot_rejects_what_numpy_rejects() {
    let f = fx();
    for k in ["b0", "b1", "b2", "b3", "b4"] {
        let p = format!("tensordot_bad/{k}");
        let (a, b) = (
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/a_shape")))),
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/b_shape")))),
        );
        let err = tensordot(&a, &b, axes_of(&f, &p)).unwrap_err();
        let numpy = f.str(&format!("{p}/message"));
        let ok = match k {
            // "shape-mismatch for sum": summed axes of different lengths
            "b0" => {
                matches!(&err, LinalgError::ShapeMismatch { arg: "b", .. })
                    && numpy.contains("shape-mismatch")
            }
            // "duplicate axes are not allowed in tensordot"
            "b1" => err.to_string().contains("duplicate axes are not allowed in tensordot"),
            // lists of different lengths (NumPy: "shape-mismatch for sum")
            "b2" => matches!(&err, LinalgError::Array(ArrayError::InvalidValue { arg: "axes", .. })),
            // an axis a does not have (NumPy: IndexError)
            "b3" => matches!(
                &err,
                LinalgError::Array(ArrayError::AxisOutOfBounds { arg: "axes", axis: 5, ndim: 3 })
            ),
            // more summed axes than a has (NumPy: IndexError)
            _ => matches!(&err, LinalgError::Array(ArrayError::InvalidValue { arg: "axes", .. })),
        };
        assert!(ok, "{k}: {err} / NumPy: {numpy}");
    }
}

#[test]
fn inner_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'i', 6) {
        if is_complex(&f, &format!("{k}/a")) {
            let (a, b, want) = (
                f.array_c64(&format!("{k}/a")),
                f.array_c64(&format!("{k}/b")),
                f.array_c64(&format!("{k}/out")),
            );
            assert_allclose(&inner(&a, &b).unwrap(), &want, 1e-14, 1e-14);
            continue;
        }
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = inner(&a, &b).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-14, 1e-14);
        assert_allclose(&inner(&fortran_strided(&a), &fortran_strided(&b)).unwrap(), &want, 1e-14, 1e-14);
    }
    let err = inner(&Array2::<f64>::ones((2, 3)), &Array2::<f64>::ones((4, 2))).unwrap_err();
    assert!(matches!(&err, LinalgError::ShapeMismatch { arg: "b", found, .. } if *found == [4, 2]), "{err}");
    assert!(f.str("inner_bad/message").contains("not aligned"));
}

#[test]
fn outer_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'o', 4) {
        if is_complex(&f, &format!("{k}/a")) {
            let (a, b, want) = (
                f.array_c64(&format!("{k}/a")),
                f.array_c64(&format!("{k}/b")),
                f.array_c64(&format!("{k}/out")),
            );
            assert_allclose(&outer(&a, &b).into_dyn(), &want, 1e-15, 0.0);
            continue;
        }
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        assert_eq!(outer(&a, &b).into_dyn(), want, "{k}");
        assert_eq!(outer(&fortran_strided(&a), &b).into_dyn(), want, "{k}");
    }
    // NaN and infinity propagate element by element
    let o = outer(&array![f64::NAN, 1.0], &array![f64::INFINITY, 0.0]);
    assert!(o[[0, 0]].is_nan() && o[[0, 1]].is_nan() && o[[1, 0]] == f64::INFINITY && o[[1, 1]] == 0.0);
}

#[test]
fn vdot_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'v', 4) {
        let (a, b) = (load_as_complex(&f, &k, "a"), load_as_complex(&f, &k, "b"));
        let want = load_as_complex(&f, &k, "out")[[]];
        let got = vdot(&a, &b).unwrap();
        assert!((got - want).norm() <= 1e-14 * (1.0 + want.norm()), "{k}: {got} against {want}");
        if !is_complex(&f, &format!("{k}/a")) {
            let got = vdot(&f.array_f64(&format!("{k}/a")), &f.array_f64(&format!("{k}/b"))).unwrap();
            assert!((got - want.re).abs() <= 1e-14 * (1.0 + want.re.abs()), "{k}");
        }
    }
    let err = vdot(&Array2::<f64>::ones((2, 3)), &ArrayD::<f64>::ones(IxDyn(&[5]))).unwrap_err();
    assert!(matches!(&err, LinalgError::ShapeMismatch { arg: "b", found, .. } if *found == [5]), "{err}");
    assert!(f.str("vdot_bad/message").contains("size 5"));
}

#[test]
fn vecdot_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'w', 6) {
        let axis = f.i64(&format!("{k}/axis")) as isize;
        if is_complex(&f, &format!("{k}/a")) {
            let (a, b, want) = (
                f.array_c64(&format!("{k}/a")),
                f.array_c64(&format!("{k}/b")),
                f.array_c64(&format!("{k}/out")),
            );
            assert_allclose(&vecdot(&a, &b, axis).unwrap(), &want, 1e-14, 1e-14);
            continue;
        }
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = vecdot(&a, &b, axis).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-14, 1e-14);
        assert_allclose(
            &vecdot(&fortran_strided(&a), &fortran_strided(&b), axis).unwrap(),
            &want,
            1e-14,
            1e-14,
        );
    }
}

#[test]
fn vecdot_rejects_what_numpy_rejects() {
    let f = fx();
    for k in ["b0", "b1", "b2"] {
        let p = format!("vecdot_bad/{k}");
        let (a, b) = (
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/a_shape")))),
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/b_shape")))),
        );
        let err = vecdot(&a, &b, f.i64(&format!("{p}/axis")) as isize).unwrap_err();
        let numpy = f.str(&format!("{p}/message"));
        let ok = if numpy.contains("core dimension") {
            matches!(&err, LinalgError::ShapeMismatch { arg: "b", .. })
        } else {
            matches!(&err, LinalgError::Array(ArrayError::Broadcast { .. }))
        };
        assert!(ok, "{k}: {err} / NumPy: {numpy}");
    }
    let err = vecdot(&array![1.0, 2.0], &array![1.0, 2.0], 1).unwrap_err();
    assert!(matches!(&err, LinalgError::Array(ArrayError::AxisOutOfBounds { arg: "axis", .. })), "{err}");
}

fn cross_opts(f: &Fixture, k: &str) -> CrossOptions {
    let get = |name: &str| f.get(k).get(name).map(|_| f.i64(&format!("{k}/{name}")) as isize);
    let d = CrossOptions::default();
    CrossOptions {
        axisa: get("axisa").unwrap_or(d.axisa),
        axisb: get("axisb").unwrap_or(d.axisb),
        axisc: get("axisc").unwrap_or(d.axisc),
        axis: get("axis"),
    }
}

#[test]
fn cross_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'x', 11) {
        let opts = cross_opts(&f, &k);
        if is_complex(&f, &format!("{k}/a")) {
            let (a, b, want) = (
                f.array_c64(&format!("{k}/a")),
                f.array_c64(&format!("{k}/b")),
                f.array_c64(&format!("{k}/out")),
            );
            let got = cross_with(&a, &b, opts).unwrap();
            assert_eq!(got.shape(), want.shape(), "{k}");
            assert_allclose(&got, &want, 1e-15, 1e-15);
            continue;
        }
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = cross_with(&a, &b, opts).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-15, 1e-15);
        assert_allclose(
            &cross_with(&fortran_strided(&a), &fortran_strided(&b), opts).unwrap(),
            &want,
            1e-15,
            1e-15,
        );
        if opts == CrossOptions::default() {
            assert_eq!(cross(&a, &b).unwrap(), got, "{k}");
        }
    }
    // numpy.linalg.cross on 3-vectors is cross with axis -1
    let (a, b, want) =
        (f.array_f64("linalg_cross/a"), f.array_f64("linalg_cross/b"), f.array_f64("linalg_cross/out"));
    let opts = CrossOptions { axis: Some(-1), ..Default::default() };
    assert_allclose(&cross_with(&a, &b, opts).unwrap(), &want, 1e-15, 1e-15);
    // integers, as NumPy
    assert_eq!(cross(&array![1i64, 2, 3], &array![4i64, 5, 6]).unwrap(), array![-3i64, 6, -3].into_dyn());
    // a missing third component contributes no product: infinity stays out of it, as in NumPy
    let c = cross(&array![1.0, 0.0], &array![0.0, f64::INFINITY, 1.0]).unwrap();
    assert_eq!(c, array![0.0, -1.0, f64::INFINITY].into_dyn());
}

#[test]
fn cross_rejects_what_numpy_rejects() {
    let f = fx();
    for (k, arg) in [("b0", "a"), ("b1", "b"), ("b2", "")] {
        let p = format!("cross_bad/{k}");
        let (a, b) = (
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/a_shape")))),
            ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{p}/b_shape")))),
        );
        let err = cross(&a, &b).unwrap_err();
        let numpy = f.str(&format!("{p}/message"));
        let ok = match &err {
            LinalgError::Array(ArrayError::InvalidValue { arg: got, reason }) => {
                *got == arg
                    && reason.contains("incompatible dimensions for cross product")
                    && numpy.contains("incompatible")
            }
            LinalgError::Array(ArrayError::Broadcast { .. }) => arg.is_empty() && numpy.contains("broadcast"),
            _ => false,
        };
        assert!(ok, "{k}: {err} / NumPy: {numpy}");
    }
    let err = cross(&ArrayD::<f64>::ones(IxDyn(&[])), &array![1.0, 2.0, 3.0]).unwrap_err();
    assert!(matches!(&err, LinalgError::Array(ArrayError::AxisOutOfBounds { arg: "axisa", .. })), "{err}");
    let opts = CrossOptions { axisc: 2, ..Default::default() };
    let err = cross_with(&array![1.0, 2.0, 3.0], &array![1.0, 2.0, 3.0], opts).unwrap_err();
    assert!(matches!(&err, LinalgError::Array(ArrayError::AxisOutOfBounds { arg: "axisc", .. })), "{err}");
}

#[test]
fn trace_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'r', 8) {
        let (offset, ax1, ax2) = (
            f.i64(&format!("{k}/offset")) as isize,
            f.i64(&format!("{k}/axis1")) as isize,
            f.i64(&format!("{k}/axis2")) as isize,
        );
        if is_complex(&f, &format!("{k}/a")) {
            let (a, want) = (f.array_c64(&format!("{k}/a")), f.array_c64(&format!("{k}/out")));
            assert_allclose(&trace_nd(&a, offset, ax1, ax2).unwrap(), &want, 1e-15, 1e-15);
            continue;
        }
        let (a, want) = (f.array_f64(&format!("{k}/a")), f.array_f64(&format!("{k}/out")));
        let got = trace_nd(&a, offset, ax1, ax2).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-15, 1e-15);
        assert_allclose(&trace_nd(&fortran_strided(&a), offset, ax1, ax2).unwrap(), &want, 1e-15, 1e-15);
        if a.ndim() == 2 && (ax1, ax2) == (0, 1) {
            let a2 = a.clone().into_dimensionality::<sci_array::ndarray::Ix2>().unwrap();
            assert_eq!(trace(&a2, offset), want[[]], "{k}");
            assert_eq!(trace(&a2.t(), -offset), want[[]], "{k}");
        }
    }
    let err = trace_nd(&array![1.0, 2.0, 3.0], 0, 0, 1).unwrap_err();
    assert!(err.to_string().contains("at least two dimensions"), "{err}");
    assert!(f.str("trace_bad/message").contains("at least two dimensions"));
    assert!(trace_nd(&Array2::<f64>::ones((2, 2)), 0, 0, 0).is_err());
    assert!(trace_nd(&Array2::<f64>::ones((2, 2)), 0, 0, 2).is_err());
    assert!(trace(&array![[f64::NAN, 0.0], [0.0, 1.0]], 0).is_nan());
}

#[test]
fn matrix_transpose_matches_numpy() {
    let f = fx();
    let (a, want) = (f.array_f64("matrix_transpose/a"), f.array_f64("matrix_transpose/out"));
    assert_eq!(matrix_transpose(&a).unwrap(), want);
    let strided = fortran_strided(&a);
    assert_eq!(matrix_transpose(&strided).unwrap(), want);
    assert_eq!(matrix_transpose(&a.index_axis(Axis(0), 1)).unwrap(), want.index_axis(Axis(0), 1));
    let err = matrix_transpose(&array![1.0, 2.0, 3.0]).unwrap_err();
    assert!(err.to_string().contains("at least 2-dimensional, but it is 1"), "{err}");
    assert!(f.str("matrix_transpose/message").contains("at least 2-dimensional"));
}

#[test]
fn tensordot_of_large_operands_uses_the_gemm_and_agrees_with_a_loop() {
    // (40, 30, 20) . (20, 30, 50) over a's axes (1, 2) and b's (1, 0): 2.4e6 multiply-adds
    let a = ArrayD::from_shape_fn(IxDyn(&[40, 30, 20]), |i| ((i[0] * 7 + i[1] * 3 + i[2]) % 11) as f64 - 5.0);
    let b = ArrayD::from_shape_fn(IxDyn(&[20, 30, 50]), |i| ((i[0] * 5 + i[1] * 2 + i[2]) % 13) as f64 - 6.0);
    let got = tensordot(&a, &b, ([1, 2], [1, 0])).unwrap();
    assert_eq!(got.shape(), &[40, 50]);
    for (i, l) in [(0, 0), (17, 33), (39, 49)] {
        let mut s = 0.0;
        for j in 0..30 {
            for k in 0..20 {
                s += a[[i, j, k]] * b[[k, j, l]];
            }
        }
        assert_eq!(got[[i, l]], s);
    }
    let z = tensordot(&array![C::new(0.0, 1.0)], &array![C::new(0.0, 1.0)], 1).unwrap();
    assert_eq!(z[[]], C::new(-1.0, 0.0), "no conjugation");
}
