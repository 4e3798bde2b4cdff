//! SciPy parity for pinvh, polar, orthogonal_procrustes, bandwidth, issymmetric, khatri_rao,
//! convolution_matrix and dft (fixtures from tools/fixtures/linalg_extra.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_extra.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

// SVD/eigen-based results carry the condition number of the input times eps (inputs here have
// condition numbers below ~1e2): rtol 1e-11.
const RTOL: f64 = 1e-11;
const ATOL: f64 = 1e-12;

#[test]
fn pinvh_polar_procrustes_match_scipy() {
    let f = fx();
    assert_allclose(
        &pinvh(&m(&f, "pinvh/sym"), None, None, true).unwrap(),
        &m(&f, "pinvh/pinvh"),
        RTOL,
        ATOL,
    );
    assert_allclose(
        &pinvh(&m(&f, "pinvh/low"), None, None, false).unwrap(),
        &m(&f, "pinvh/pinvh_low"),
        RTOL,
        ATOL,
    );
    // The polar factors are unique for full-rank input.
    for key in ["polar", "polar_square"] {
        let (u, p) = polar(&m(&f, &format!("{key}/a")), Side::Right).unwrap();
        assert_allclose(&u, &m(&f, &format!("{key}/u")), RTOL, ATOL);
        assert_allclose(&p, &m(&f, &format!("{key}/p")), RTOL, ATOL);
    }
    let (ul, pl) = polar(&m(&f, "polar/a").t(), Side::Left).unwrap();
    assert_allclose(&ul, &m(&f, "polar/ul"), RTOL, ATOL);
    assert_allclose(&pl, &m(&f, "polar/pl"), RTOL, ATOL);
    let (r, scale) = orthogonal_procrustes(&m(&f, "procrustes/a"), &m(&f, "procrustes/b")).unwrap();
    assert_allclose(&r, &m(&f, "procrustes/r"), RTOL, ATOL);
    assert!((scale - f.f64("procrustes/scale")).abs() < 1e-12 * scale);
}

#[test]
fn structure_helpers_match_scipy() {
    let f = fx();
    let (lo, up) = bandwidth(&m(&f, "bandwidth/a"));
    assert_eq!((lo as i64, up as i64), (f.i64("bandwidth/lower"), f.i64("bandwidth/upper")));
    assert_eq!(bandwidth(&Array2::<f64>::zeros((0, 0))), (0, 0));
    let s = m(&f, "pinvh/sym");
    assert!(issymmetric(&s, 0.0, 0.0));
    let mut t = s.clone();
    t[[0, 1]] += 1e-9;
    assert!(!issymmetric(&t, 0.0, 0.0));
    assert!(issymmetric(&t, 1e-8, 0.0));
    assert!(issymmetric(&s.view(), 0.0, 0.0));
}

#[test]
fn khatri_rao_convolution_dft_match_scipy() {
    let f = fx();
    let kr = khatri_rao(&m(&f, "khatri_rao/a"), &m(&f, "khatri_rao/b")).unwrap();
    assert_allclose(&kr, &m(&f, "khatri_rao/kr"), 0.0, 0.0);
    let c = f.array_f64("conv_1_full/a").into_dimensionality::<sci_array::ndarray::Ix1>().unwrap();
    for n in [1, 3, 5, 8] {
        for (mode, name) in
            [(ConvolveMode::Full, "full"), (ConvolveMode::Same, "same"), (ConvolveMode::Valid, "valid")]
        {
            let got = convolution_matrix(&c, n, mode).unwrap();
            assert_allclose(&got, &m(&f, &format!("conv_{n}_{name}/m")), 0.0, 0.0);
        }
    }
    for n in [1, 4, 7] {
        for (scale, name) in [(DftScale::None, "none"), (DftScale::N, "n"), (DftScale::SqrtN, "sqrtn")] {
            let want = f.array_c64(&format!("dft_{n}/{name}")).into_dimensionality::<Ix2>().unwrap();
            // SciPy forms the matrix by repeated powers of a root of unity, which rounds a little
            // more than the direct evaluation used here: 1e-13 absolute.
            assert_allclose(&dft(n, scale), &want, 0.0, 1e-13);
        }
    }
    assert_eq!(dft(0, DftScale::None).dim(), (0, 0));
    let _: Complex64 = dft(1, DftScale::None)[[0, 0]];
}

#[test]
fn solve_toeplitz_matches_scipy() {
    let f = fx();
    for n in [1, 4, 30] {
        let c = f.array_f64(&format!("toeplitz_{n}/c")).into_dimensionality::<Ix1>().unwrap();
        let r = f.array_f64(&format!("toeplitz_{n}/r")).into_dimensionality::<Ix1>().unwrap();
        let b = m(&f, &format!("toeplitz_{n}/b"));
        // Levinson and SciPy's Levinson use the same recursion; the matrices are diagonally
        // dominant (condition number < 10): rtol 1e-12.
        let x = solve_toeplitz(&c, Some(r.view()), &b).unwrap();
        assert_allclose(&x, &m(&f, &format!("toeplitz_{n}/x")), 1e-12, 1e-14);
        let xs = solve_toeplitz(&c, None, &b.column(0)).unwrap();
        let want = f.array_f64(&format!("toeplitz_{n}/x_sym")).into_dimensionality::<Ix1>().unwrap();
        assert_allclose(&xs, &want, 1e-12, 1e-14);
    }
    let e = Array1::<f64>::zeros(0);
    assert_eq!(solve_toeplitz(&e, None, &e).unwrap().len(), 0);
}

#[test]
fn bad_input_is_an_error() {
    let c = array![0.0, 1.0];
    assert_eq!(solve_toeplitz(&c, None, &array![1.0, 1.0]).unwrap_err(), LinalgError::Singular { pivot: 0 });
    let c = array![1.0, 1.0];
    assert_eq!(solve_toeplitz(&c, None, &array![1.0, 1.0]).unwrap_err(), LinalgError::Singular { pivot: 1 });
    let r = array![1.0, 2.0, 3.0];
    assert!(matches!(
        solve_toeplitz(&c, Some(r.view()), &c).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "r", .. }
    ));
    assert!(matches!(solve_toeplitz(&c, None, &r).unwrap_err(), LinalgError::ShapeMismatch { arg: "b", .. }));
    assert_eq!(
        solve_toeplitz(&array![1.0, f64::NAN], None, &c).unwrap_err(),
        LinalgError::NonFinite { arg: "c" }
    );
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let b = Array2::<f64>::zeros((3, 2));
    assert!(matches!(
        orthogonal_procrustes(&a, &b).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "B", .. }
    ));
    let nan = array![[f64::NAN, 0.0], [0.0, 1.0]];
    assert_eq!(orthogonal_procrustes(&nan, &a).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    assert_eq!(polar(&nan, Side::Right).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert!(matches!(pinvh(&b, None, None, true).unwrap_err(), LinalgError::NotSquare { .. }));
    assert!(matches!(
        khatri_rao(&a, &Array2::<f64>::zeros((2, 3))).unwrap_err(),
        LinalgError::ShapeMismatch { .. }
    ));
    assert!(convolution_matrix(&array![1.0], 0, ConvolveMode::Full).is_err());
    assert!(convolution_matrix(&sci_array::ndarray::Array1::<f64>::zeros(0), 2, ConvolveMode::Full).is_err());
}
