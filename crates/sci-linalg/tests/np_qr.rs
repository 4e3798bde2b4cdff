//! NumPy parity for np_qr (numpy.linalg.qr, modes 'reduced', 'complete', 'r', 'raw'), fixtures
//! from tools/fixtures/linalg_np_qr.py: every output compared value by value with NumPy's
//! (LAPACK's signs) on f64, complex128 and f32 input, 2-d and stacked, and empty shapes.

mod common;

use common::{check_by_dtype, load_as_complex};
use sci_array::ndarray::{ArrayD, IxDyn, array};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_np_qr.json")).unwrap()
}

const MODES: [(NpQrMode, &str); 4] = [
    (NpQrMode::Reduced, "reduced"),
    (NpQrMode::Complete, "complete"),
    (NpQrMode::R, "r"),
    (NpQrMode::Raw, "raw"),
];

/// Compares every mode of case `key` with NumPy's outputs; returns how many arrays were compared.
fn check<T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    to_t: impl Fn(Complex64) -> T + Copy,
    from_t: impl Fn(T) -> Complex64 + Copy,
    rtol: f64,
) -> usize {
    let a: ArrayD<T> = load_as_complex(f, key, "a").mapv(to_t);
    let cmp = |got: &ArrayD<T>, field: &str| {
        let want = load_as_complex(f, key, field);
        assert_eq!(got.shape(), want.shape(), "{key}: shape of {field}");
        let atol = rtol * want.iter().fold(1.0f64, |s, z| s.max(z.norm()));
        assert_allclose(&got.mapv(from_t), &want, rtol, atol);
    };
    let mut compared = 0;
    for (mode, name) in MODES {
        match np_qr(&a, mode).unwrap_or_else(|e| panic!("{key} {name}: {e}")) {
            NpQr::Qr { q, r } => {
                assert!(matches!(mode, NpQrMode::Reduced | NpQrMode::Complete), "{key} {name}");
                cmp(&q, &format!("{name}_q"));
                cmp(&r, &format!("{name}_r"));
                compared += 2;
            }
            NpQr::R(r) => {
                assert_eq!(mode, NpQrMode::R, "{key}");
                cmp(&r, "r_r");
                compared += 1;
            }
            NpQr::Raw { h, tau } => {
                assert_eq!(mode, NpQrMode::Raw, "{key}");
                cmp(&h, "raw_h");
                cmp(&tau, "raw_tau");
                compared += 2;
            }
        }
    }
    compared
}

#[test]
fn np_qr_matches_numpy_on_every_fixture_case() {
    let f = fx();
    let keys = f.keys();
    assert_eq!(keys.len(), 14, "fixture cases");
    let mut compared = 0;
    for key in &keys {
        let dtype = f.str(&format!("{key}/a/dtype")).to_string();
        let tol = if dtype == "float32" { 1e-4 } else { 1e-10 };
        compared += check_by_dtype!(dtype.as_str(), check, &f, key, tol);
    }
    assert_eq!(compared, 14 * 7);
}

#[test]
fn np_qr_complex64_and_fixed_dimensions() {
    // complex64 through the same path: q @ r rebuilds a, shapes as NumPy's
    let f = fx();
    let a = load_as_complex(&f, "c128_tall", "a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let a2 = a.clone().into_dimensionality::<sci_array::ndarray::Ix2>().unwrap();
    let NpQr::Qr { q, r } = np_qr(&a2, NpQrMode::Reduced).unwrap() else { panic!("mode reduced") };
    assert_eq!((q.dim(), r.dim()), ((5, 3), (3, 3)));
    assert_allclose(&q.dot(&r), &a2, 1e-5, 1e-5);
    let want = load_as_complex(&f, "c128_tall", "raw_h");
    let NpQr::Raw { h, tau } = np_qr(&a2, NpQrMode::Raw).unwrap() else { panic!("mode raw") };
    assert_eq!((h.dim(), tau.dim()), ((3, 5), 3));
    let h64 = h.mapv(|z| Complex64::new(f64::from(z.re), f64::from(z.im))).into_dyn();
    assert_allclose(&h64, &want, 1e-4, 1e-4);
    // a fixed 3-d stack keeps Ix3 for q, r, h and gives Ix2 for tau
    let s = load_as_complex(&f, "f64_stack", "a").mapv(|z| z.re);
    let s4 = s.into_dimensionality::<sci_array::ndarray::Ix4>().unwrap();
    let NpQr::Raw { h, tau } = np_qr(&s4, NpQrMode::Raw).unwrap() else { panic!("mode raw") };
    assert_eq!((h.dim(), tau.dim()), ((2, 3, 3, 4), (2, 3, 3)));
}

#[test]
fn np_qr_bad_input() {
    let cases: Vec<(&str, ArrayD<f64>, &str)> = vec![
        ("1-d", array![1.0, 2.0].into_dyn(), "1-dimensional array given"),
        ("0-d", ArrayD::from_elem(IxDyn(&[]), 1.0), "0-dimensional array given"),
        ("NaN", array![[1.0, f64::NAN], [0.0, 1.0]].into_dyn(), "infs or NaNs"),
        (
            "inf in a stack",
            {
                let mut s = ArrayD::<f64>::ones(IxDyn(&[2, 2, 2]));
                s[[1, 0, 1]] = f64::INFINITY;
                s
            },
            "infs or NaNs",
        ),
    ];
    for (what, a, msg) in &cases {
        for (mode, name) in MODES {
            let e = np_qr(a, mode).expect_err(&format!("{what} {name}"));
            let text = e.to_string();
            assert!(text.contains(msg) && text.contains("`a`"), "{what} {name}: {text}");
            match (*what, &e) {
                ("1-d" | "0-d", LinalgError::ShapeMismatch { arg: "a", .. }) => {}
                ("NaN" | "inf in a stack", LinalgError::NonFinite { arg: "a" }) => {}
                _ => panic!("{what} {name}: unexpected {e:?}"),
            }
        }
    }
}
