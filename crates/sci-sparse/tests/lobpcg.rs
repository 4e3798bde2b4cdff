//! SciPy parity for `lobpcg` (fixtures from tools/fixtures/sparse_lobpcg.py): from the same
//! initial block, the eigenvalues SciPy converges to, in SciPy's order.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{LobpcgOptions, lobpcg};
use sci_sparse::{CsrMatrix, diags};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_lobpcg.json")).unwrap()
}

#[test]
fn lobpcg_matches_scipy() {
    let f = fx();
    let names = f.keys();
    assert_eq!(names.len(), 7);
    for c in names {
        let p = |k: &str| format!("{c}/{k}");
        let dense = f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap();
        let a = CsrMatrix::from_dense(&dense);
        let x: Array2<f64> = f.array_f64(&p("x")).into_dimensionality::<Ix2>().unwrap();
        let largest = f.get(&p("largest")).as_bool().unwrap();
        let tol = f.f64(&p("tol"));
        let jacobi = diags(&[a.diagonal(0).mapv(|d| 1.0 / d).to_vec()], &[0], None).unwrap();
        let m = f
            .get(&p("precond"))
            .as_bool()
            .unwrap()
            .then_some(&jacobi as &dyn sci_sparse::linalg::LinearOperator);
        let o = LobpcgOptions { tol: Some(tol), maxiter: Some(2000), largest, m, ..Default::default() };
        let r = lobpcg(&a, &x, &o).unwrap();
        assert!(r.converged, "{c}: {}", r.residual_norms);
        let want = f.array_f64(&p("w")).into_dimensionality::<Ix1>().unwrap();
        let exact = f.array_f64(&p("exact")).into_dimensionality::<Ix1>().unwrap();
        // Both stop at residual norms below tol: eigenvalue errors are below tol^2 / gap, far
        // below tol; compare at tol relative to the spectrum's scale.
        let scale = exact.iter().fold(1.0f64, |s, v| s.max(v.abs()));
        assert_allclose(&r.eigenvalues, &want, 0.0, tol * scale);
        assert_allclose(&r.eigenvalues, &exact, 0.0, tol * scale);
        // orthonormal eigenvectors with the reported residuals
        let v = &r.eigenvectors;
        let k = x.ncols();
        assert_allclose(&v.t().dot(v), &Array2::eye(k), 0.0, 1e-10);
        for j in 0..k {
            let res = &dense.dot(&v.column(j)) - &(&v.column(j) * r.eigenvalues[j]);
            assert!(res.dot(&res).sqrt() <= tol * 1.0001, "{c}: column {j}");
        }
    }
}

#[test]
fn not_converging_is_reported() {
    let n = 200;
    let a = diags(&[(1..=n).map(|i| i as f64).collect()], &[0], None).unwrap();
    let x = Array2::from_shape_fn((n, 2), |(i, j)| ((i * 7 + j) % 13) as f64 - 6.0);
    let r = lobpcg(
        &a,
        &x,
        &LobpcgOptions { tol: Some(1e-14), maxiter: Some(2), largest: false, ..Default::default() },
    )
    .unwrap();
    assert!(!r.converged);
    // SciPy's loop makes maxiter + 1 Rayleigh-Ritz steps
    assert_eq!(r.iterations, 3);
    assert!(r.residual_norms.iter().any(|&v| v > 1e-14));
}

#[test]
fn bad_input_is_an_error() {
    let a = CsrMatrix::<f64>::identity(5);
    let o = LobpcgOptions::default();
    let m3 = CsrMatrix::<f64>::identity(3);
    let cases = [
        lobpcg(&CsrMatrix::<f64>::zeros((4, 5)), &Array2::ones((4, 1)), &o).map(drop),
        lobpcg(&a, &Array2::ones((4, 1)), &o).map(drop),
        lobpcg(&a, &Array2::zeros((5, 0)), &o).map(drop),
        lobpcg(&CsrMatrix::<f64>::identity(10), &Array2::ones((10, 2)), &o).map(drop),
        // n - sizeY < 5 k: SciPy's dense branch does not support constraints
        lobpcg(&a, &Array2::eye(5), &LobpcgOptions { y: Some(&Array2::eye(5)), ..o }).map(drop),
        lobpcg(&a, &Array2::ones((5, 1)), &LobpcgOptions { m: Some(&m3), ..o }).map(drop),
    ];
    for (k, r) in cases.into_iter().enumerate() {
        assert!(r.is_err(), "case {k}");
    }
    let _ = Array1::<f64>::zeros(1);
}
