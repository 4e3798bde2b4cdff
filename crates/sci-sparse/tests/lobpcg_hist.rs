//! SciPy parity for `lobpcg`'s histories (`retLambdaHistory`, `retResidualNormsHistory`),
//! its return of the best iterate, `restartControl` and its dense branch (fixtures from
//! tools/fixtures/sparse_lobpcg_hist.py): from the same initial block, the same number of
//! history entries, the eigenvalue history to 1e-10 relative, the residual norm history to
//! rounding, and eigenvectors checked by their residuals.

use sci_array::ndarray::{Array2, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_sparse::CsrMatrix;
use sci_sparse::linalg::{LinearOperator, LobpcgOptions, lobpcg};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_lobpcg_hist.json")).unwrap()
}

fn stack(rows: &[sci_array::ndarray::Array1<f64>]) -> Array2<f64> {
    let k = rows[0].len();
    Array2::from_shape_fn((rows.len(), k), |(i, j)| rows[i][j])
}

#[test]
fn lobpcg_histories_match_scipy() {
    let f = fx();
    let names = f.keys();
    assert_eq!(names.len(), 11);
    for c in names {
        let p = |k: &str| format!("{c}/{k}");
        let mat = |k: &str| f.array_f64(&p(k)).into_dimensionality::<Ix2>().unwrap();
        let dense = mat("a");
        let a = CsrMatrix::from_dense(&dense);
        let x = mat("x");
        let has = |k: &str| f.get(&c).get(k).is_some();
        let (b, m, y) = (has("b").then(|| mat("b")), has("m").then(|| mat("m")), has("y").then(|| mat("y")));
        let tol = f.f64(&p("tol"));
        let maxiter = f.get(&p("maxiter")).as_i64().unwrap();
        let o = LobpcgOptions {
            tol: (tol > 0.0).then_some(tol),
            maxiter: usize::try_from(maxiter).ok(),
            largest: f.get(&p("largest")).as_bool().unwrap(),
            b: b.as_ref().map(|b| b as &dyn LinearOperator),
            m: m.as_ref().map(|m| m as &dyn LinearOperator),
            y: y.as_ref(),
            ret_lambda_history: true,
            ret_residual_norms_history: true,
            restart_control: f.get(&p("restart_control")).as_i64().unwrap() as i32,
        };
        let r = lobpcg(&a, &x, &o).unwrap();
        let want = f.array_f64(&p("w")).into_dimensionality::<Ix1>().unwrap();
        let scale = dense.iter().fold(0.0f64, |s, v| s.max(v.abs()));
        assert_allclose(&r.eigenvalues, &want, 1e-10, 1e-12 * scale);
        // eigenvectors: B-orthonormal, with the residuals reported
        let v = &r.eigenvectors;
        let k = want.len();
        let bv = b.as_ref().map_or_else(|| v.clone(), |b| b.dot(v));
        assert_allclose(&v.t().dot(&bv), &Array2::eye(k), 0.0, 1e-10);
        for j in 0..k {
            let res = &dense.dot(&v.column(j)) - &(&bv.column(j) * r.eigenvalues[j]);
            let rn = res.dot(&res).sqrt();
            assert!(
                (rn - r.residual_norms[j]).abs() <= 1e-12 * scale * (1.0 + r.residual_norms[j]),
                "{c}: {j}"
            );
        }
        if f.get(&p("dense")).as_bool().unwrap() {
            assert!(r.lambda_history.is_none() && r.residual_norms_history.is_none(), "{c}");
            assert!(r.residual_norms.iter().all(|&v| v < 1e-12 * scale), "{c}");
            continue;
        }
        let lh = stack(r.lambda_history.as_ref().unwrap());
        let rh = stack(r.residual_norms_history.as_ref().unwrap());
        let lw = mat("lambda_history");
        let rw = mat("residual_history");
        assert_eq!(lh.dim(), lw.dim(), "{c}: lambda history");
        assert_eq!(rh.dim(), rw.dim(), "{c}: residual history");
        assert_allclose(&lh, &lw, 1e-10, 1e-12 * scale);
        assert_allclose(&rh, &rw, 1e-6, 1e-11 * scale);
        // the last entries are those of the pairs returned
        assert_eq!(lh.row(lh.nrows() - 1), r.eigenvalues);
        assert_eq!(rh.row(rh.nrows() - 1), r.residual_norms);
    }
}
