//! NumPy parity for dot_nd (fixtures from tools/fixtures/linalg_dot_nd.py): operands of 0 to 3
//! dimensions, zero-length axes, complex128, non-contiguous views, and the shape pairs NumPy
//! rejects.

use sci_array::ndarray::{ArrayD, IxDyn};
mod common;

use common::{case_keys, fortran_strided};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{LinalgError, dot_nd};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_dot_nd.json")).unwrap()
}

#[test]
fn dot_nd_matches_numpy() {
    let f = fx();
    for k in case_keys(&f, 'd', 12) {
        let (a, b, want) = (
            f.array_f64(&format!("{k}/a")),
            f.array_f64(&format!("{k}/b")),
            f.array_f64(&format!("{k}/out")),
        );
        let got = dot_nd(&a, &b).unwrap();
        assert_eq!(got.shape(), want.shape(), "{k}");
        assert_allclose(&got, &want, 1e-14, 1e-14);
        assert_allclose(&dot_nd(&fortran_strided(&a), &fortran_strided(&b)).unwrap(), &want, 1e-14, 1e-14);
    }
}

#[test]
fn dot_nd_complex_matches_numpy() {
    let f = fx();
    let (a, b, want) = (f.array_c64("complex/a"), f.array_c64("complex/b"), f.array_c64("complex/out"));
    assert_eq!(want.shape(), &[2, 4, 2]);
    assert_allclose(&dot_nd(&a, &b).unwrap(), &want, 1e-14, 1e-14);
    assert_allclose(&dot_nd(&fortran_strided(&a).view(), &b.view()).unwrap(), &want, 1e-14, 1e-14);
}

#[test]
fn dot_nd_rejects_what_numpy_rejects() {
    let f = fx();
    for k in ["b0", "b1", "b2"] {
        let shape =
            |p: &str| f.array_i64(&format!("bad/{k}/{p}")).iter().map(|&d| d as usize).collect::<Vec<_>>();
        let (sa, sb) = (shape("a_shape"), shape("b_shape"));
        let (a, b) = (ArrayD::<f64>::ones(IxDyn(&sa)), ArrayD::<f64>::ones(IxDyn(&sb)));
        let err = dot_nd(&a, &b).unwrap_err();
        assert!(
            matches!(&err, LinalgError::ShapeMismatch { arg: "b", found, .. } if *found == sb),
            "{k}: {err}"
        );
        // NumPy's numbers: "... not aligned: 3 (dim 1) != 4 (dim 0)".
        let numpy = f.str(&format!("bad/{k}/message"));
        let dim_a = numpy.split("(dim ").nth(1).unwrap().split(')').next().unwrap();
        assert!(err.to_string().contains(&format!("(dim {dim_a})")), "{k}: {err} / {numpy}");
    }
}
