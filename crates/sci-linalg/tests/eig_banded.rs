//! SciPy parity for eig_banded / eigvals_banded on symmetric indefinite band matrices
//! (fixtures from tools/fixtures/linalg_eig_banded.py): eigenvalues of all, index and value
//! selections against SciPy's `sbevd`/`sbevx`; eigenvectors against SciPy's up to sign, and by
//! residual and orthogonality.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod signs;
use signs::fix_signs;

const CASES: [&str; 8] =
    ["b120_5_up", "b120_5_lo", "b60_1", "b40_12_lo", "b8_10", "b3_2", "b40_3_repeated", "b50_3_f32"];

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_eig_banded.json")).unwrap()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn has(f: &Fixture, key: &str, field: &str) -> bool {
    f.get(key).as_object().is_some_and(|o| o.contains_key(field))
}

#[test]
fn eigenvalues_match_scipy() {
    let f = fx();
    for key in CASES {
        let p = |k: &str| format!("{key}/{k}");
        let (ab, lower) = (m2(&f, &p("ab")), f.get(&p("lower")).as_bool().unwrap());
        let want = v1(&f, &p("w"));
        let scale = want.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        if key.ends_with("f32") {
            // SciPy's ssbevd works in f32, sci in f64 rounded to f32.
            let w = eigvals_banded(&ab.mapv(|x| x as f32), lower, EigSelect::All).unwrap();
            assert_allclose(&w.mapv(f64::from), &want, 0.0, 1e-5 * scale);
            continue;
        }
        // Both reduce the band by rotations, then QL (sterf) or bisection (stebz): a few eps of
        // the norm apart.
        let atol = 32.0 * f64::EPSILON * scale;
        assert_allclose(&eigvals_banded(&ab, lower, EigSelect::All).unwrap(), &want, 1e-13, atol);
        if has(&f, key, "w_i") {
            let wi = eigvals_banded(&ab, lower, EigSelect::Index(3, 10)).unwrap();
            assert_allclose(&wi, &v1(&f, &p("w_i")), 1e-13, atol);
            let r = v1(&f, &p("v_range"));
            let wv = eigvals_banded(&ab, lower, EigSelect::Value(r[0], r[1])).unwrap();
            assert_allclose(&wv, &v1(&f, &p("w_val")), 1e-13, atol);
            // non-contiguous view of the same band
            let wide = Array2::from_shape_fn((ab.nrows(), 2 * ab.ncols()), |(i, j)| ab[[i, j / 2]]);
            let wv2 = eigvals_banded(&wide.slice(s![.., ..;2]), lower, EigSelect::Value(r[0], r[1])).unwrap();
            assert_allclose(&wv2, &wv, 0.0, 0.0);
        }
    }
}

#[test]
fn eigenvectors_match_scipy() {
    let f = fx();
    for key in CASES {
        let p = |k: &str| format!("{key}/{k}");
        if !has(&f, key, "v") {
            continue;
        }
        let (ab, lower, a) = (m2(&f, &p("ab")), f.get(&p("lower")).as_bool().unwrap(), m2(&f, &p("a")));
        let (want_w, want_v) = (v1(&f, &p("w_v")), fix_signs(m2(&f, &p("v"))));
        let scale = want_w.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        if key.ends_with("f32") {
            let (w, v) = eig_banded(&ab.mapv(|x| x as f32), lower, EigSelect::All).unwrap();
            assert_allclose(&w.mapv(f64::from), &want_w, 0.0, 1e-5 * scale);
            // f32 vectors: SciPy's are accurate to ε₃₂‖A‖/gap (smallest gap here ~9e-3).
            assert_allclose(&fix_signs(v.mapv(f64::from)), &want_v, 0.0, 1e-3);
            continue;
        }
        let (w, v) = eig_banded(&ab, lower, EigSelect::All).unwrap();
        assert_allclose(&w, &want_w, 1e-13, 32.0 * f64::EPSILON * scale);
        // Vectors agree to ε‖A‖/gap; the smallest gaps of these spectra are above 1e-3.
        assert_allclose(&fix_signs(v.clone()), &want_v, 0.0, 1e-10);
        assert_allclose(&a.dot(&v), &(&v * &w), 0.0, 1e-13 * scale);
        // Orthonormal to working accuracy: LAPACK's sbevd gives ~1.4e-13 at n = 120.
        assert_allclose(&v.t().dot(&v), &Array2::eye(w.len()), 0.0, 1e-12);
    }
}
