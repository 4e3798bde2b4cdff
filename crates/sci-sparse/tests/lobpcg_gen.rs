//! SciPy parity for `lobpcg` with a generalized `B` and constraints `Y` (fixtures from
//! tools/fixtures/sparse_lobpcg_gen.py, the problems of SciPy's test_lobpcg.py): from the
//! same initial block, the eigenvalues SciPy converges to, in SciPy's order, B-orthonormal
//! eigenvectors B-orthogonal to `Y`.

use sci_array::ndarray::{Array2, Ix1, Ix2};
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{FnOperator, LinearOperator, LobpcgOptions, lobpcg};
use sci_sparse::{CsrMatrix, SparseError};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_lobpcg_gen.json")).unwrap()
}

fn dense(f: &Fixture, path: &str) -> Array2<f64> {
    f.array_f64(path).into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn lobpcg_generalized_and_constrained_match_scipy() {
    let f = fx();
    let names = f.keys();
    assert_eq!(names.len(), 6);
    for c in names {
        let p = |k: &str| format!("{c}/{k}");
        let has = |k: &str| f.get(&c).as_object().unwrap().contains_key(k);
        let a = CsrMatrix::from_dense(&dense(&f, &p("a")));
        let x = dense(&f, &p("x"));
        let want = f.array_f64(&p("w")).into_dimensionality::<Ix1>().unwrap();
        let b = has("b").then(|| dense(&f, &p("b")));
        let y = has("y").then(|| dense(&f, &p("y")));
        let m = has("m").then(|| CsrMatrix::from_dense(&dense(&f, &p("m"))));
        // B once as a dense matrix (a LinearOperator) and once as a closure operator
        let b_op = b.as_ref().map(|b| FnOperator::new((b.nrows(), b.ncols()), move |v| b.dot(&v)));
        let b_choices: Vec<Option<&dyn LinearOperator>> = match (&b, &b_op) {
            (Some(b), Some(op)) => vec![Some(b as &dyn LinearOperator), Some(op as &dyn LinearOperator)],
            _ => vec![None],
        };
        for bb in b_choices {
            let o = LobpcgOptions {
                tol: Some(f.f64(&p("tol"))),
                maxiter: Some(f.i64(&p("maxiter")) as usize),
                largest: f.get(&p("largest")).as_bool().unwrap(),
                m: m.as_ref().map(|m| m as &dyn LinearOperator),
                b: bb,
                y: y.as_ref(),
                ..Default::default()
            };
            let r = lobpcg(&a, &x, &o).unwrap_or_else(|e| panic!("{c}: {e}"));
            assert!(r.converged, "{c}: {:?}", r.residual_norms);
            for (u, v) in r.eigenvalues.iter().zip(&want) {
                assert!((u - v).abs() <= 1e-8 * v.abs(), "{c}: {} vs SciPy {want}", r.eigenvalues);
            }
            let v = &r.eigenvectors;
            let bv = b.as_ref().map_or_else(|| v.clone(), |b| b.dot(v));
            // B-orthonormal, B-orthogonal to Y, residuals A v - lambda B v small
            let g = v.t().dot(&bv);
            for ((i, j), &e) in g.indexed_iter() {
                assert!((e - f64::from(u8::from(i == j))).abs() < 1e-10, "{c}: V^T B V");
            }
            if let Some(y) = &y {
                assert!(y.t().dot(&bv).iter().all(|e| e.abs() < 1e-10), "{c}: Y^T B V");
            }
            let av = a.toarray().dot(v);
            for (j, &l) in r.eigenvalues.iter().enumerate() {
                let res = &av.column(j) - &(&bv.column(j) * l);
                assert!(res.dot(&res).sqrt() <= f.f64(&p("tol")), "{c}: residual");
            }
        }
    }
}

#[test]
fn lobpcg_b_y_bad_input_table() {
    // n - sizeY >= 5 k except for `Y too wide` (SciPy's dense branch, which rejects Y)
    let n = 20;
    let a = CsrMatrix::<f64>::identity(n);
    let x = Array2::from_shape_fn((n, 2), |(i, j)| (i * (j + 1)) as f64 + 1.0);
    let small = CsrMatrix::<f64>::identity(3);
    let y_rows = Array2::<f64>::ones((3, 1));
    let y_dep = Array2::from_shape_fn((n, 2), |(i, j)| if i == 0 { (j + 1) as f64 } else { 0.0 });
    let y_big = Array2::<f64>::eye(n).slice_move(sci_array::ndarray::s![.., ..15]);
    let o = LobpcgOptions::default;
    let cases: Vec<(&str, sci_sparse::Result<()>, &str)> = vec![
        ("B shape", lobpcg(&a, &x, &LobpcgOptions { b: Some(&small), ..o() }).map(drop), "B"),
        ("Y rows", lobpcg(&a, &x, &LobpcgOptions { y: Some(&y_rows), ..o() }).map(drop), "Y"),
        ("Y dependent", lobpcg(&a, &x, &LobpcgOptions { y: Some(&y_dep), ..o() }).map(drop), "Y"),
        ("Y too wide", lobpcg(&a, &x, &LobpcgOptions { y: Some(&y_big), ..o() }).map(drop), "Y"),
        (
            "X in the span of Y",
            lobpcg(
                &a,
                &y_big.slice(sci_array::ndarray::s![.., ..1]).to_owned(),
                &LobpcgOptions { y: Some(&y_big.slice(sci_array::ndarray::s![.., ..1]).to_owned()), ..o() },
            )
            .map(drop),
            "X",
        ),
    ];
    for (name, r, arg) in cases {
        match r.unwrap_err() {
            SparseError::InvalidValue { arg: g, .. } | SparseError::ShapeMismatch { arg: g, .. } => {
                assert_eq!(g, arg, "{name}")
            }
            e => panic!("{name}: {e}"),
        }
    }
    // SciPy's message for dependent constraints
    let e = lobpcg(&a, &x, &LobpcgOptions { y: Some(&y_dep), ..o() }).unwrap_err();
    assert_eq!(e.to_string(), "invalid value for `Y`: Linearly dependent constraints");
}
