//! `matrix_balance` against SciPy (fixtures from tools/fixtures/linalg_matrix_balance.py): the
//! balanced matrix, scaling factors, permutation and T for every permute/scale combination,
//! real and complex, isolating rows and columns, 1x1; empty input and the bad-input table.

use sci_array::ndarray::{Array2, Ix1, Ix2, array};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_matrix_balance.json")).unwrap()
}

#[test]
fn matches_scipy() {
    let f = fx();
    let keys = f.keys();
    assert_eq!(keys.len(), 28);
    for k in &keys {
        let p = |x: &str| format!("{k}/{x}");
        let (permute, scale) = (f.i64(&p("permute")) != 0, f.i64(&p("scale")) != 0);
        let want_sc = f.array_f64(&p("sc")).into_dimensionality::<Ix1>().unwrap();
        let want_perm: Vec<usize> = f.array_i64(&p("perm")).iter().map(|&x| x as usize).collect();
        let complex = f.str(&p("a/dtype")).starts_with("complex");
        // Balancing multiplies by powers of 2 only: results are exact.
        if complex {
            let a = f.array_c64(&p("a")).into_dimensionality::<Ix2>().unwrap();
            let bal = matrix_balance(&a, permute, scale).unwrap();
            assert_eq!(bal.scale, want_sc, "{k}");
            assert_eq!(bal.perm.to_vec(), want_perm, "{k}");
            assert_allclose(&bal.b, &f.array_c64(&p("b")).into_dimensionality::<Ix2>().unwrap(), 0.0, 0.0);
            // SciPy's T is real (np.diag of the real scaling) also for complex input.
            let t = f.array_f64(&p("t")).into_dimensionality::<Ix2>().unwrap().mapv(|x| C::new(x, 0.0));
            assert_allclose(&bal.t(), &t, 0.0, 0.0);
        } else {
            let a = f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap();
            let bal = matrix_balance(&a, permute, scale).unwrap();
            assert_eq!(bal.scale, want_sc, "{k}");
            assert_eq!(bal.perm.to_vec(), want_perm, "{k}");
            assert_allclose(&bal.b, &f.array_f64(&p("b")).into_dimensionality::<Ix2>().unwrap(), 0.0, 0.0);
            let t = bal.t();
            assert_allclose(&t, &f.array_f64(&p("t")).into_dimensionality::<Ix2>().unwrap(), 0.0, 0.0);
            // a t = t b
            assert_allclose(
                &a.dot(&t),
                &t.dot(&bal.b),
                1e-13,
                1e-13 * a.iter().fold(0.0f64, |m, x| m.max(x.abs())),
            );
        }
    }
}

#[test]
fn empty_and_views() {
    let e = matrix_balance(&Array2::<f64>::zeros((0, 0)), true, true).unwrap();
    assert_eq!((e.b.dim(), e.scale.len(), e.perm.len(), e.t().dim()), ((0, 0), 0, 0, (0, 0)));
    let a = array![[1.0, 2.0], [3e5, 4.0]];
    let at = a.t().to_owned();
    let v = matrix_balance(&at.t(), true, true).unwrap();
    assert_eq!(v, matrix_balance(&a, true, true).unwrap());
}

#[test]
fn bad_input_table() {
    let rect = Array2::<f64>::zeros((2, 3));
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let cinf = array![[C::new(f64::INFINITY, 0.0)]];
    assert_eq!(
        matrix_balance(&rect, true, true).unwrap_err(),
        LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }
    );
    assert_eq!(matrix_balance(&nan, false, true).unwrap_err(), LinalgError::NonFinite { arg: "A" });
    assert_eq!(matrix_balance(&cinf, true, false).unwrap_err(), LinalgError::NonFinite { arg: "A" });
}
