//! SciPy parity for ldl (fixtures from tools/fixtures/linalg_ldl.py): the Bunch–Kaufman
//! pivoting decisions are the same as LAPACK's, so lu, d and perm equal SciPy's.

use sci_array::ndarray::{Array2, Axis, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_ldl.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

const KEYS: [&str; 11] =
    ["doc", "one", "zero2", "offdiag", "spd", "s4", "s7", "s12", "s40", "singular", "perm"];

#[test]
fn ldl_matches_scipy() {
    let f = fx();
    for key in KEYS {
        let a = m(&f, &format!("{key}/a"));
        let n = a.nrows();
        let scale = 1.0 + a.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        for (lower, tag) in [(true, "lo"), (false, "up")] {
            let (lu, d, perm) = ldl(&a, lower).unwrap();
            let want_perm: Vec<usize> = f
                .array_i64(&format!("{key}/perm_{tag}"))
                .into_dimensionality::<Ix1>()
                .unwrap()
                .iter()
                .map(|&i| i as usize)
                .collect();
            assert_eq!(perm.to_vec(), want_perm, "{key} {tag}");
            // Same pivots as LAPACK; the entries agree to rounding (growth is bounded by
            // Bunch–Kaufman's α, and the inputs are well scaled).
            assert_allclose(&lu, &m(&f, &format!("{key}/lu_{tag}")), 1e-11, 1e-12);
            assert_allclose(&d, &m(&f, &format!("{key}/d_{tag}")), 1e-11, 1e-12 * scale);
            assert_allclose(&lu.dot(&d).dot(&lu.t()), &a, 0.0, 1e-12 * scale * n as f64);
            let tri = lu.select(Axis(0), perm.as_slice().unwrap());
            for i in 0..n {
                for j in 0..n {
                    if (lower && j > i) || (!lower && j < i) {
                        assert_eq!(tri[[i, j]], 0.0, "{key} {tag}: lu[perm] not triangular");
                    }
                }
            }
        }
    }
}

#[test]
fn ldl_reads_one_triangle_and_any_layout() {
    let f = fx();
    let a = m(&f, "s7/a");
    let (lu, d, perm) = ldl(&a, true).unwrap();
    // junk in the strict upper triangle is ignored with lower = true, and vice versa
    let mut junk = a.clone();
    for i in 0..7 {
        for j in i + 1..7 {
            junk[[i, j]] = 1e9;
        }
    }
    assert_eq!(ldl(&junk, true).unwrap(), (lu.clone(), d.clone(), perm.clone()));
    let (_, d_up, _) = ldl(&junk.t(), false).unwrap();
    assert_allclose(&d_up, &m(&f, "s7/d_up"), 1e-11, 1e-12);
    // transposed / strided views
    let big = m(&f, "s40/a");
    let v = big.slice(s![..;3, ..;3]);
    let (lu, d, _) = ldl(&v, true).unwrap();
    assert_allclose(&lu.dot(&d).dot(&lu.t()), &v.to_owned(), 0.0, 1e-12);
    // f32
    let a32 = a.mapv(|x| x as f32);
    let (lu, d, _) = ldl(&a32, true).unwrap();
    assert_allclose(&lu.dot(&d).dot(&lu.t()), &a32, 0.0, 1e-4);
    // empty
    let (lu, d, perm) = ldl(&Array2::<f64>::zeros((0, 0)), true).unwrap();
    assert_eq!((lu.dim(), d.dim(), perm.len()), ((0, 0), (0, 0), 0));
}

#[test]
fn ldl_bad_input() {
    assert_eq!(
        ldl(&Array2::<f64>::zeros((2, 3)), true).unwrap_err(),
        LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }
    );
    assert_eq!(
        ldl(&array![[1.0, 0.0], [f64::NAN, 1.0]], true).unwrap_err(),
        LinalgError::NonFinite { arg: "A" }
    );
    assert_eq!(ldl(&array![[f64::INFINITY]], false).unwrap_err(), LinalgError::NonFinite { arg: "A" });
}
