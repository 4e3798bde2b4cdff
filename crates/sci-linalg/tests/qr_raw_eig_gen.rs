//! SciPy parity for qr(mode='raw') and the generalized eigenvalue problem eig(a, b) with left
//! eigenvectors (fixtures from tools/fixtures/linalg_qr_raw_eig_gen.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;
use common::assert_same_set;

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

use sci_array::num_complex::Complex64 as C;

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn cv(f: &Fixture, p: &str) -> Array1<C> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

/// `a vr = b vr diag(w)` and `vlᴴ a = diag(w) vlᴴ b`, unit-norm columns.
fn check_vectors(a: &Array2<C>, b: &Array2<C>, e: &Eig<f64>, tol: f64) {
    let w = &e.w;
    let vr = e.vr.as_ref().unwrap();
    assert_allclose(&a.dot(vr), &(&b.dot(vr) * w), 0.0, tol);
    let vlh = e.vl.as_ref().unwrap().t().mapv(|z| z.conj());
    let wc = w.view().insert_axis(sci_array::ndarray::Axis(1));
    assert_allclose(&vlh.dot(a), &(&vlh.dot(b) * &wc), 0.0, tol);
    for v in [vr, e.vl.as_ref().unwrap()] {
        for col in v.columns() {
            assert!((col.iter().map(|z| z.norm_sqr()).sum::<f64>() - 1.0).abs() < 1e-13);
        }
    }
}

#[test]
fn generalized_eig_matches_scipy() {
    let f = fx();
    for n in [1usize, 3, 6] {
        // real pencil
        let k = format!("geig_{n}");
        let (a, b) = (m(&f, &format!("{k}/a")), m(&f, &format!("{k}/b")));
        let both = EigOptions { b: Some(b.view()), left: true, right: true, ..Default::default() };
        let e = eig_with(&a, &both).unwrap();
        // generalized eigenvalues are less well conditioned than standard ones: 1e-10
        assert_same_set(&e.w, &cv(&f, &format!("{k}/w")), 1e-10);
        let tol = 1e-12
            * (1.0 + norm(&a, None).unwrap() + norm(&b, None).unwrap())
            * (1.0 + e.w.iter().fold(0.0f64, |s, z| s.max(z.norm())));
        let (ac, bc) = (a.mapv(|x| C::new(x, 0.0)), b.mapv(|x| C::new(x, 0.0)));
        check_vectors(&ac, &bc, &e, tol);
        assert_same_set(&eigvals_with(&a, Some(b.view())).unwrap(), &cv(&f, &format!("{k}/w")), 1e-10);
        // standard problem with left vectors: b = I
        let e = eig_with(&a, &EigOptions { left: true, ..Default::default() }).unwrap();
        assert_same_set(&e.w, &cv(&f, &format!("{k}/w_std")), 1e-11);
        check_vectors(&ac, &Array2::eye(n), &e, 1e-12 * (1.0 + norm(&a, None).unwrap()));
        // complex pencil
        let k = format!("geig_c{n}");
        let (a, b) = (cm(&f, &format!("{k}/a")), cm(&f, &format!("{k}/b")));
        let e =
            eig_with(&a, &EigOptions { b: Some(b.view()), left: true, right: true, ..Default::default() })
                .unwrap();
        assert_same_set(&e.w, &cv(&f, &format!("{k}/w")), 1e-10);
        let tol = 1e-12
            * (1.0 + norm(&a, None).unwrap() + norm(&b, None).unwrap())
            * (1.0 + e.w.iter().fold(0.0f64, |s, z| s.max(z.norm())));
        check_vectors(&a, &b, &e, tol);
    }
}

#[test]
fn generalized_eig_edge_cases() {
    let f = fx();
    let (a, b) = (m(&f, "geig_inf/a"), m(&f, "geig_inf/b"));
    let w = eigvals_with(&a, Some(b.view())).unwrap();
    let inf: Vec<&C> = w.iter().filter(|z| z.re == f64::INFINITY).collect();
    assert_eq!(inf.len() as i64, f.i64("geig_inf/n_inf"));
    assert!(inf.iter().all(|z| z.im == 0.0));
    let finite: Array1<C> = w.iter().copied().filter(|z| z.re.is_finite()).collect();
    assert_same_set(&finite, &cv(&f, "geig_inf/w_finite"), 1e-12);
    // singular pencil: alpha = beta = 0 gives NaN
    let z = Array2::<f64>::zeros((1, 1));
    let w = eigvals_with(&z, Some(z.view())).unwrap();
    assert!(w[0].re.is_nan() && w[0].im == 0.0);
    // empty
    let e = Array2::<f64>::zeros((0, 0));
    let r = eig_with(&e, &EigOptions { b: Some(e.view()), left: true, right: true, ..Default::default() })
        .unwrap();
    assert_eq!((r.w.len(), r.vl.unwrap().dim(), r.vr.unwrap().dim()), (0, (0, 0), (0, 0)));
    // defaults: b = None, right only is eig
    let a = m(&f, "geig_3/a");
    let r = eig_with(&a, &EigOptions::default()).unwrap();
    assert!(r.vl.is_none());
    assert_eq!(r.vr.unwrap(), eig(&a).unwrap().1);
    let r = eig_with(&a, &EigOptions { right: false, ..Default::default() }).unwrap();
    assert!(r.vr.is_none() && r.vl.is_none());
    // bad input
    let sq = Array2::<f64>::eye(2);
    let rows: Vec<(&str, LinalgError, LinalgError)> = vec![
        (
            "b rect",
            eig_with(&sq, &EigOptions { b: Some(Array2::zeros((2, 3)).view()), ..Default::default() })
                .unwrap_err(),
            LinalgError::NotSquare { arg: "b", shape: vec![2, 3] },
        ),
        (
            "b size",
            eigvals_with(&sq, Some(Array2::eye(3).view())).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "b",
                expected: "(2, 2), the shape of `a`".into(),
                found: vec![3, 3],
            },
        ),
        (
            "b nan",
            eigvals_with(&sq, Some(Array2::from_elem((2, 2), f64::NAN).view())).unwrap_err(),
            LinalgError::NonFinite { arg: "b" },
        ),
        (
            "a rect",
            eig_with(&Array2::<f64>::zeros((2, 3)), &EigOptions { left: true, ..Default::default() })
                .unwrap_err(),
            LinalgError::NotSquare { arg: "a", shape: vec![2, 3] },
        ),
    ];
    for (what, got, want) in rows {
        assert_eq!(got, want, "{what}");
    }
}
