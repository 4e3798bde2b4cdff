//! SciPy parity for qr(mode='raw') and the generalized eigenvalue problem eig(a, b) with left
//! eigenvectors (fixtures from tools/fixtures/linalg_qr_raw_eig_gen.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_raw_eig_gen.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn qr_raw_matches_geqrf() {
    let f = fx();
    for key in ["raw_1x1", "raw_3x2", "raw_2x3", "raw_5x5", "raw_7x4", "raw_triangular"] {
        let a = m(&f, &format!("{key}/a"));
        let ((h, tau), r) = qr_raw(&a).unwrap();
        // Same reflector convention as LAPACK: the values themselves agree.
        assert_allclose(&h, &m(&f, &format!("{key}/h")), 1e-12, 1e-14);
        assert_allclose(&tau, &v(&f, &format!("{key}/tau")), 1e-12, 1e-14);
        assert_allclose(&r, &m(&f, &format!("{key}/r")), 1e-12, 1e-14);
        let ((h32, tau32), _) = qr_raw(&a.mapv(|x| x as f32)).unwrap();
        assert_allclose(&h32.mapv(f64::from), &h, 1e-5, 1e-5);
        assert_allclose(&tau32.mapv(f64::from), &tau, 1e-5, 1e-5);
    }
    let ((h, tau), r) = qr_raw(&Array2::<f64>::zeros((0, 3))).unwrap();
    assert_eq!((h.dim(), tau.len(), r.dim()), ((0, 3), 0, (0, 3)));
    assert_eq!(
        qr_raw(&Array2::from_elem((2, 2), f64::NAN)).unwrap_err(),
        LinalgError::NonFinite { arg: "a" }
    );
}
