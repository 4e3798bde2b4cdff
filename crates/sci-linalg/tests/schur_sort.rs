//! SciPy parity for schur(a, sort=...) (fixtures from tools/fixtures/linalg_schur_sort.py):
//! sdim and the sets of leading (selected) and trailing eigenvalues equal SciPy's; the form is
//! checked by reconstruction and structure.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_schur_sort.json")).unwrap()
}

fn sort_c(mut w: Vec<Complex64>) -> Array1<Complex64> {
    let key = |z: &Complex64| (z.re * 1e8).round();
    w.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.im.total_cmp(&b.im)));
    Array1::from(w)
}

fn c1(f: &Fixture, p: &str) -> Array1<Complex64> {
    sort_c(f.array_c64(p).into_dimensionality::<Ix1>().unwrap().to_vec())
}

const SORTS: [(SchurSort, &str); 4] =
    [(SchurSort::Lhp, "lhp"), (SchurSort::Rhp, "rhp"), (SchurSort::Iuc, "iuc"), (SchurSort::Ouc, "ouc")];

#[test]
fn schur_sorted_matches_scipy() {
    let f = fx();
    for key in ["r5", "r8", "r20", "r60", "rot", "one"] {
        let a = f.array_f64(&format!("{key}/a")).into_dimensionality::<Ix2>().unwrap();
        let n = a.nrows();
        for (sort, name) in SORTS {
            let (t, z, sdim) = schur_sorted(&a, sort).unwrap();
            assert_eq!(sdim as i64, f.i64(&format!("{key}/{name}_sdim")), "{key} {name}");
            assert_allclose(&z.dot(&t).dot(&z.t()), &a, 0.0, 1e-12 * n as f64);
            assert_allclose(&z.t().dot(&z), &Array2::eye(n), 0.0, 1e-13 * n as f64);
            for j in 0..n {
                for i in j + 2..n {
                    assert_eq!(t[[i, j]], 0.0);
                }
            }
            // the split between selected and unselected falls between blocks
            if sdim > 0 && sdim < n {
                assert_eq!(t[[sdim, sdim - 1]], 0.0, "{key} {name}");
            }
            let (tc, zc, sdim_c) = schur_complex_sorted(&a, sort).unwrap();
            assert_eq!(sdim_c, sdim);
            let w = tc.diag().to_vec();
            let tol = 1e-10;
            assert_allclose(&sort_c(w[..sdim].to_vec()), &c1(&f, &format!("{key}/{name}_lead")), tol, tol);
            assert_allclose(&sort_c(w[sdim..].to_vec()), &c1(&f, &format!("{key}/{name}_rest")), tol, tol);
            let zh = zc.t().mapv(|x| x.conj());
            assert_allclose(
                &zc.dot(&tc).dot(&zh),
                &a.mapv(|x| Complex64::new(x, 0.0)),
                0.0,
                1e-12 * n as f64,
            );
        }
    }
    // a callable selection equal to 'iuc'
    let a5 = f.array_f64("r5/a").into_dimensionality::<Ix2>().unwrap();
    let (_, _, sdim) = schur_sorted_by(&a5, |re: f64, im: f64| re.hypot(im) <= 1.0).unwrap();
    assert_eq!(sdim as i64, f.i64("r5/iuc_sdim"));
    // a strided view
    let a = f.array_f64("r20/a").into_dimensionality::<Ix2>().unwrap();
    let v = a.slice(s![..;2, 1..;2]);
    let (t, z, _) = schur_sorted(&v, SchurSort::Lhp).unwrap();
    assert_allclose(&z.dot(&t).dot(&z.t()), &v.to_owned(), 0.0, 1e-12);
    assert_eq!(schur_sorted(&Array2::<f64>::zeros((0, 0)), SchurSort::Rhp).unwrap().2, 0);
}

#[test]
fn schur_sorted_bad_input() {
    let e = schur_sorted(&Array2::<f64>::zeros((2, 3)), SchurSort::Lhp).unwrap_err();
    assert_eq!(e, LinalgError::NotSquare { arg: "a", shape: vec![2, 3] });
    let nan = sci_array::ndarray::array![[f64::NAN]];
    assert_eq!(schur_complex_sorted(&nan, SchurSort::Iuc).unwrap_err(), LinalgError::NonFinite { arg: "a" });
}
