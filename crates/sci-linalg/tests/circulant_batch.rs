//! SciPy parity for solve_circulant_with (fixtures from tools/fixtures/linalg_circulant_batch.py):
//! stacked c and b with caxis/baxis/outaxis, broadcast batch axes, singular='lstsq' and 'raise'
//! on a stack, an explicit tol, empty b, non-contiguous views, and the inputs SciPy rejects.

use sci_array::ArrayError;
use sci_array::ndarray::{ArrayD, Axis, IxDyn};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::{CirculantSingular, LinalgError, SolveCirculantOptions, solve_circulant_with};

mod common;
use common::{case_keys, fortran_strided};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_circulant_batch.json")).unwrap()
}

fn axes(f: &Fixture, key: &str) -> SolveCirculantOptions {
    let ax = |p: &str| f.i64(&format!("{key}/{p}")) as isize;
    SolveCirculantOptions {
        caxis: ax("caxis"),
        baxis: ax("baxis"),
        outaxis: ax("outaxis"),
        ..Default::default()
    }
}

fn shape(f: &Fixture, path: &str) -> Vec<usize> {
    f.array_i64(path).iter().map(|&d| d as usize).collect()
}

// FFT solves agree with NumPy's pocketfft to cond(C) · eps · log n (well-conditioned c here).
const RTOL: f64 = 1e-11;

#[test]
fn solve_circulant_with_matches_scipy() {
    let f = fx();
    for k in case_keys(&f, 's', 9) {
        let (c, b, want) =
            (f.array_f64(&format!("{k}/c")), f.array_f64(&format!("{k}/b")), f.array_f64(&format!("{k}/x")));
        let o = axes(&f, &k);
        let x = solve_circulant_with(&c, &b, o).unwrap();
        assert_eq!(x.shape(), want.shape(), "{k}");
        assert_allclose(&x, &want, RTOL, 1e-13);
        // non-contiguous (reversed-stride) c and b
        let x = solve_circulant_with(&fortran_strided(&c).view(), &fortran_strided(&b), o).unwrap();
        assert_allclose(&x, &want, RTOL, 1e-13);
        // f32 input
        let x32 = solve_circulant_with(&c.mapv(|v| v as f32), &b.mapv(|v| v as f32), o).unwrap();
        assert_allclose(&x32.mapv(f64::from), &want, 1e-4, 1e-5);
    }
}

#[test]
fn solve_circulant_with_singular_stack_and_tol() {
    let f = fx();
    let (c, b) = (f.array_f64("lstsq/c"), f.array_f64("lstsq/b"));
    let lstsq = SolveCirculantOptions { singular: CirculantSingular::Lstsq, ..Default::default() };
    let x = solve_circulant_with(&c, &b, lstsq).unwrap();
    assert_allclose(&x, &f.array_f64("lstsq/x"), 1e-12, 1e-14);
    // 'raise': SciPy's "near singular circulant matrix." (the first matrix of the stack)
    assert!(f.str("lstsq/raise_message").contains("near singular"));
    let err = solve_circulant_with(&c, &b, SolveCirculantOptions::default()).unwrap_err();
    assert!(matches!(err, LinalgError::NearSingular { index: 1 }), "{err}");
    // the second matrix alone is regular
    let row = c.index_axis(Axis(0), 1);
    assert_allclose(
        &solve_circulant_with(&row, &b, SolveCirculantOptions::default()).unwrap(),
        &f.array_f64("lstsq/x").index_axis(Axis(1), 1).to_owned(),
        1e-12,
        1e-14,
    );
    let (c, b) = (f.array_f64("tol/c"), f.array_f64("tol/b"));
    let o = SolveCirculantOptions { tol: Some(f.f64("tol/tol")), ..lstsq };
    assert_allclose(&solve_circulant_with(&c, &b, o).unwrap(), &f.array_f64("tol/x"), 1e-12, 1e-14);
}

#[test]
fn solve_circulant_with_empty_b() {
    let f = fx();
    let c = ArrayD::<f64>::ones(IxDyn(&shape(&f, "empty/c_shape")));
    let b = ArrayD::<f64>::ones(IxDyn(&shape(&f, "empty/b_shape")));
    let x = solve_circulant_with(&c, &b, SolveCirculantOptions::default()).unwrap();
    assert_eq!(x.shape(), shape(&f, "empty/x_shape").as_slice());
    // empty batch axes of c with a non-empty b: SciPy's empty result of the broadcast shape
    for i in 0..4 {
        let key = format!("empty_batch/e{i}");
        let c = ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{key}/c_shape"))));
        let b = ArrayD::<f64>::ones(IxDyn(&shape(&f, &format!("{key}/b_shape"))));
        let x = solve_circulant_with(&c, &b, SolveCirculantOptions::default()).unwrap();
        assert_eq!(x.shape(), shape(&f, &format!("{key}/x_shape")).as_slice(), "{key}");
    }
}

#[test]
fn solve_circulant_with_rejects_what_scipy_rejects() {
    let f = fx();
    for i in 0..6 {
        let key = format!("bad/e{i}");
        let (sc, sb) = (shape(&f, &format!("{key}/c_shape")), shape(&f, &format!("{key}/b_shape")));
        // all-ones c is singular, but every case fails on its shapes or axes first
        let c = ArrayD::<f64>::ones(IxDyn(&sc));
        let b = ArrayD::<f64>::ones(IxDyn(&sb));
        let err = solve_circulant_with(&c, &b, axes(&f, &key)).unwrap_err();
        let numpy = f.str(&format!("{key}/message"));
        let ok = match &err {
            LinalgError::ShapeMismatch { arg: "b", found, .. } => {
                numpy.contains("incompatible") && *found == sb
            }
            LinalgError::Array(ArrayError::Broadcast { .. }) => numpy.contains("could not be broadcast"),
            LinalgError::Array(ArrayError::AxisOutOfBounds { arg, .. }) => {
                numpy.contains(&format!("'{arg}'")) || (*arg == "outaxis" && numpy.contains("destination"))
            }
            _ => false,
        };
        assert!(ok, "{key}: {err} / SciPy: {numpy}");
    }
    let o = SolveCirculantOptions::default();
    let nan = ArrayD::from_elem(IxDyn(&[2, 3]), f64::NAN);
    let one = ArrayD::<f64>::ones(IxDyn(&[3]));
    assert_eq!(solve_circulant_with(&nan, &one, o).unwrap_err(), LinalgError::NonFinite { arg: "c" });
    assert_eq!(solve_circulant_with(&one, &nan.t(), o).unwrap_err(), LinalgError::NonFinite { arg: "b" });
}
