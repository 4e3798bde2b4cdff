//! SciPy parity for schur, schur_complex, rsf2csf and the matrix functions sqrtm, logm, funm,
//! signm, fractional_matrix_power, cosm, sinm, tanm, coshm, sinhm, tanhm (fixtures from
//! tools/fixtures/linalg_matfun.py). The Schur form is not unique, so it is checked by
//! reconstruction, structure and eigenvalues; the matrix functions are unique and compared
//! with SciPy's values.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_matfun.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn is_complex(f: &Fixture, p: &str) -> bool {
    f.get(p)["dtype"].as_str().unwrap().starts_with("complex")
}

fn sort_c(mut w: Vec<Complex64>) -> Array1<Complex64> {
    // Conjugate pairs have equal real parts only up to round-off: sort on rounded real parts.
    let key = |z: &Complex64| (z.re * 1e8).round();
    w.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.im.total_cmp(&b.im)));
    Array1::from(w)
}

fn fro(a: &Array2<f64>) -> f64 {
    a.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Eigenvalues read off a real Schur form, checking its structure on the way: zero below the
/// subdiagonal, no two consecutive nonzero subdiagonal entries, 2×2 blocks standardized.
fn schur_eigs(t: &Array2<f64>) -> Vec<Complex64> {
    let n = t.nrows();
    for j in 0..n {
        for i in j + 2..n {
            assert_eq!(t[[i, j]], 0.0, "t[{i}, {j}]");
        }
    }
    let mut w = Vec::new();
    let mut i = 0;
    while i < n {
        if i + 1 < n && t[[i + 1, i]] != 0.0 {
            assert!(i + 2 >= n || t[[i + 2, i + 1]] == 0.0, "consecutive subdiagonal entries at {i}");
            let (a, b, c, d) = (t[[i, i]], t[[i, i + 1]], t[[i + 1, i]], t[[i + 1, i + 1]]);
            assert_eq!(a, d, "2x2 block at {i} not standardized");
            assert!(b * c < 0.0, "2x2 block at {i} has real eigenvalues");
            let im = (b.abs() * c.abs()).sqrt();
            w.push(Complex64::new(a, im));
            w.push(Complex64::new(a, -im));
            i += 2;
        } else {
            w.push(Complex64::new(t[[i, i]], 0.0));
            i += 1;
        }
    }
    w
}

const SCHUR_KEYS: [&str; 12] =
    ["s0", "s1", "s2c", "s2r", "s3", "rot", "jordan", "r6", "r30", "r120", "sym8", "zeros3"];

#[test]
fn schur_real_matches_scipy_eigenvalues_and_reconstructs() {
    let f = fx();
    for key in SCHUR_KEYS {
        let a = m(&f, &format!("schur_{key}/a"));
        let n = a.nrows();
        let want =
            sort_c(f.array_c64(&format!("schur_{key}/w")).into_dimensionality::<Ix1>().unwrap().to_vec());
        let scale = 1.0 + fro(&a);
        // Backward stable: reconstruction error a few eps · ‖A‖ · n.
        let tol = 1e-15 * scale * (n as f64 + 1.0) * 4.0;
        for view in [a.view(), a.t().reversed_axes()] {
            let (t, z) = schur(&view).unwrap();
            assert_eq!((t.dim(), z.dim()), ((n, n), (n, n)));
            assert_allclose(&z.dot(&t).dot(&z.t()), &a, 0.0, tol);
            assert_allclose(&z.t().dot(&z), &Array2::eye(n), 0.0, 1e-14 * (n as f64 + 1.0));
            let w = sort_c(schur_eigs(&t));
            // Eigenvalues of the defective Jordan block are ill conditioned (eps^(1/3)).
            let etol = if key == "jordan" { 1e-4 } else { 1e-11 * scale };
            assert_allclose(&w, &want, 0.0, etol);
            // SciPy's own real Schur form has the same eigenvalue structure.
            let w_scipy = sort_c(schur_eigs(&m(&f, &format!("schur_{key}/t_real"))));
            assert_eq!(
                w.iter().filter(|z| z.im != 0.0).count(),
                w_scipy.iter().filter(|z| z.im != 0.0).count()
            );
        }
    }
}

#[test]
fn schur_complex_and_rsf2csf() {
    let f = fx();
    for key in SCHUR_KEYS {
        let a = m(&f, &format!("schur_{key}/a"));
        let n = a.nrows();
        let want =
            sort_c(f.array_c64(&format!("schur_{key}/w")).into_dimensionality::<Ix1>().unwrap().to_vec());
        let scale = 1.0 + fro(&a);
        let (t, z) = schur_complex(&a).unwrap();
        for j in 0..n {
            for i in j + 1..n {
                assert_eq!(t[[i, j]], Complex64::new(0.0, 0.0));
            }
        }
        let ac = a.mapv(|x| Complex64::new(x, 0.0));
        let zh = z.t().mapv(|x| x.conj());
        assert_allclose(&z.dot(&t).dot(&zh), &ac, 0.0, 1e-14 * scale * (n as f64 + 1.0) * 4.0);
        assert_allclose(&zh.dot(&z), &Array2::eye(n).mapv(|x| Complex64::new(x, 0.0)), 0.0, 1e-13);
        let etol = if key == "jordan" { 1e-4 } else { 1e-11 * scale };
        assert_allclose(&sort_c(t.diag().to_vec()), &want, 0.0, etol);
        // rsf2csf of SciPy's real Schur form (with Z = I) triangularizes it to the same spectrum.
        let ts = m(&f, &format!("schur_{key}/t_real"));
        let (t2, z2) = rsf2csf(&ts, &Array2::<f64>::eye(n)).unwrap();
        let back = z2.dot(&t2).dot(&z2.t().mapv(|x| x.conj()));
        assert_allclose(&back, &ts.mapv(|x| Complex64::new(x, 0.0)), 0.0, 1e-13 * scale);
        assert_allclose(&sort_c(t2.diag().to_vec()), &want, 0.0, etol);
    }
}

#[test]
fn schur_f32_and_strided_views() {
    let f = fx();
    let a = m(&f, "schur_r6/a");
    let a32 = a.mapv(|x| x as f32);
    let (t, z) = schur(&a32).unwrap();
    let back = z.dot(&t).dot(&z.t());
    assert_allclose(&back, &a32, 0.0, 2e-5);
    // A strided, negative-stride view: the Schur form of the reversed matrix.
    let big = m(&f, "schur_r30/a");
    let v = big.slice(s![..;-3, 1..;3]);
    let (t, z) = schur(&v).unwrap();
    assert_allclose(&z.dot(&t).dot(&z.t()), &v.to_owned(), 0.0, 1e-13);
}

#[test]
fn schur_bad_input() {
    let cases: Vec<(Array2<f64>, LinalgError)> = vec![
        (Array2::zeros((2, 3)), LinalgError::NotSquare { arg: "a", shape: vec![2, 3] }),
        (array![[1.0, f64::NAN], [0.0, 1.0]], LinalgError::NonFinite { arg: "a" }),
        (array![[f64::INFINITY]], LinalgError::NonFinite { arg: "a" }),
    ];
    for (a, err) in cases {
        assert_eq!(schur(&a).unwrap_err(), err);
        assert_eq!(schur_complex(&a).unwrap_err(), err);
    }
    let eye = Array2::<f64>::eye(2);
    assert!(matches!(
        rsf2csf(&eye, &Array2::<f64>::eye(3)),
        Err(LinalgError::ShapeMismatch { arg: "Z", .. })
    ));
    assert!(matches!(
        rsf2csf(&Array2::<f64>::zeros((2, 3)), &eye),
        Err(LinalgError::NotSquare { arg: "T", .. })
    ));
    assert_eq!(rsf2csf(&array![[f64::NAN]], &array![[1.0]]), Err(LinalgError::NonFinite { arg: "T" }));
    assert_eq!(rsf2csf(&array![[1.0]], &array![[f64::NAN]]), Err(LinalgError::NonFinite { arg: "Z" }));
}

/// Compares a matrix-function result with SciPy's, including SciPy's real/complex choice
/// unless `same_kind` is false (fractional_matrix_power, where SciPy keeps complex dtype for
/// some real results).
#[track_caller]
fn check(f: &Fixture, key: &str, got: &RealOrComplex<f64>, rtol: f64, same_kind: bool) {
    if is_complex(f, key) {
        let want = f.array_c64(key).into_dimensionality::<Ix2>().unwrap();
        if same_kind {
            assert!(!got.is_real(), "{key}: SciPy's result is complex");
        }
        let atol = rtol * want.iter().map(|z| z.norm()).fold(0.0, f64::max);
        assert_allclose(&got.clone().into_complex(), &want, rtol, atol);
    } else {
        let want = m(f, key);
        assert!(got.is_real(), "{key}: SciPy's result is real");
        let atol = rtol * want.iter().map(|z| z.abs()).fold(0.0, f64::max);
        assert_allclose(&got.clone().into_real().unwrap(), &want, rtol, atol);
    }
}

const MF_KEYS: [&str; 6] = ["pos", "gen", "cpx", "r5", "upper", "one"];

// The matrix functions are computed by different (all backward-stable) algorithms than
// SciPy's; the inputs have condition numbers below ~1e2, so 1e-11 relative to the largest
// entry covers the difference.
const MF_RTOL: f64 = 1e-11;

#[test]
fn sqrtm_logm_match_scipy() {
    let f = fx();
    for key in MF_KEYS {
        let a = m(&f, &format!("mf_{key}/a"));
        check(&f, &format!("mf_{key}/sqrtm"), &sqrtm(&a).unwrap(), MF_RTOL, true);
        check(&f, &format!("mf_{key}/logm"), &logm(&a).unwrap(), MF_RTOL, true);
        // a transposed (non-contiguous) view gives the transposed function
        let at = a.t();
        let st = sqrtm(&at).unwrap().into_complex();
        let s = sqrtm(&a).unwrap().into_complex();
        assert_allclose(&st, &s.t().to_owned(), 1e-12, 1e-12);
    }
    let neg = m(&f, "mf_neg1/a");
    check(&f, "mf_neg1/sqrtm", &sqrtm(&neg).unwrap(), 1e-15, true);
    check(&f, "mf_neg1/logm", &logm(&neg).unwrap(), 1e-15, true);
    check(&f, "sqrtm_singular/sqrtm", &sqrtm(&m(&f, "sqrtm_singular/a")).unwrap(), 1e-12, true);
    let e = Array2::<f64>::zeros((0, 0));
    assert_eq!(sqrtm(&e).unwrap(), RealOrComplex::Real(e.clone()));
    assert_eq!(logm(&e).unwrap(), RealOrComplex::Real(e.clone()));
    // sqrtm of a singular matrix without a square root: infinite entries, as SciPy's
    let r = sqrtm(&array![[0.0, 1.0], [0.0, 0.0]]).unwrap().into_real().unwrap();
    assert_eq!(r[[0, 1]], f64::INFINITY);
    // f32
    let a32 = m(&f, "mf_pos/a").mapv(|x| x as f32);
    let r32 = sqrtm(&a32).unwrap().into_real().unwrap();
    assert_allclose(&r32, &m(&f, "mf_pos/sqrtm").mapv(|x| x as f32), 1e-5, 1e-6);
}

#[test]
fn funm_and_fractional_power_match_scipy() {
    let f = fx();
    for key in MF_KEYS {
        let a = m(&f, &format!("mf_{key}/a"));
        let (fe, err) = funm(&a, |x| x.exp()).unwrap();
        check(&f, &format!("mf_{key}/funm_exp"), &fe, MF_RTOL, true);
        assert!(err < 1e-12, "{key}: errest {err}");
        let (fs, _) = funm(&a, |x| x.sqrt()).unwrap();
        check(&f, &format!("mf_{key}/funm_sqrt"), &fs, MF_RTOL, true);
        for p in ["0.5", "-0.3", "1.7", "2.0", "-1.0"] {
            let got = fractional_matrix_power(&a, p.parse().unwrap()).unwrap();
            check(&f, &format!("mf_{key}/fmp_{p}"), &got, MF_RTOL, false);
        }
    }
    // a singular matrix: x^0.5 through the Schur-Parlett recurrence
    let sing = m(&f, "sqrtm_singular/a");
    let r = fractional_matrix_power(&sing, 0.5).unwrap();
    check(&f, "sqrtm_singular/sqrtm", &r, 1e-12, true);
}

#[test]
fn signm_matches_scipy() {
    let f = fx();
    for (a, s) in [("a", "s"), ("a2", "s2"), ("a3", "s3")] {
        let got = signm(&m(&f, &format!("signm/{a}"))).unwrap();
        assert_allclose(&got, &m(&f, &format!("signm/{s}")), 1e-10, 1e-10);
    }
    // A defective (Jordan) matrix: funm's estimate is poor, the Newton iteration takes over.
    let j = array![[2.0, 1.0], [0.0, 2.0]];
    assert_allclose(&signm(&j).unwrap(), &Array2::eye(2), 0.0, 1e-10);
    assert_eq!(signm(&Array2::<f64>::zeros((0, 0))).unwrap().dim(), (0, 0));
}

#[test]
fn trig_functions_match_scipy() {
    let f = fx();
    for key in MF_KEYS {
        let a = m(&f, &format!("mf_{key}/a"));
        let got = [cosm(&a), sinm(&a), tanm(&a), coshm(&a), sinhm(&a), tanhm(&a)];
        for (name, g) in ["cosm", "sinm", "tanm", "coshm", "sinhm", "tanhm"].iter().zip(got) {
            check(&f, &format!("mf_{key}/{name}"), &RealOrComplex::Real(g.unwrap()), MF_RTOL, true);
        }
    }
}

#[test]
fn matrix_functions_bad_input() {
    let bad: Vec<(Array2<f64>, LinalgError)> = vec![
        (Array2::zeros((2, 3)), LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }),
        (array![[f64::NAN]], LinalgError::NonFinite { arg: "A" }),
        (array![[1.0, f64::NEG_INFINITY], [0.0, 1.0]], LinalgError::NonFinite { arg: "A" }),
    ];
    for (a, err) in bad {
        assert_eq!(sqrtm(&a).unwrap_err(), err);
        assert_eq!(logm(&a).unwrap_err(), err);
        assert_eq!(funm(&a, |x| x).unwrap_err(), err);
        assert_eq!(signm(&a).unwrap_err(), err);
        assert_eq!(fractional_matrix_power(&a, 0.5).unwrap_err(), err);
        for g in [cosm(&a), sinm(&a), tanm(&a), coshm(&a), sinhm(&a), tanhm(&a)] {
            assert_eq!(g.unwrap_err(), err);
        }
    }
    let sing = array![[1.0, 1.0], [1.0, 1.0]];
    assert!(matches!(logm(&array![[0.0, 1.0], [0.0, 1.0]]), Err(LinalgError::Singular { .. })));
    assert!(matches!(fractional_matrix_power(&sing, -0.5), Err(LinalgError::Singular { .. })));
    assert!(matches!(fractional_matrix_power(&sing, -1.0), Err(LinalgError::Singular { .. })));
    assert!(matches!(fractional_matrix_power(&sing, f64::NAN), Err(LinalgError::Array(_))));
}
