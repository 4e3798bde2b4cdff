//! SciPy parity for `eigs` (fixtures from tools/fixtures/sparse_eigs.py). ARPACK returns the
//! wanted eigenvalues in its own order and, among eigenvalues tied under `which`, its own
//! choice: the tests compare the selection keys with SciPy's and check that every value is an
//! eigenvalue with a small residual. `eigs_values` (`return_eigenvectors=False`, fixtures from
//! tools/fixtures/sparse_eigs_values.py): the same eigenvalues in SciPy's (ARPACK's) order, to
//! 1e-10 relative; the members of a conjugate pair may come in either order.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{EigsOptions, FnOperator, LinearOperator, WhichEigs, eigs, eigs_values};
use sci_sparse::{CsrMatrix, SparseError};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_eigs.json")).unwrap()
}

fn which_of(s: &str) -> WhichEigs {
    match s {
        "LM" => WhichEigs::LM,
        "SM" => WhichEigs::SM,
        "LR" => WhichEigs::LR,
        "SR" => WhichEigs::SR,
        "LI" => WhichEigs::LI,
        "SI" => WhichEigs::SI,
        other => panic!("which {other}"),
    }
}

fn key(z: Complex64, w: WhichEigs) -> f64 {
    match w {
        WhichEigs::LM | WhichEigs::SM => z.norm(),
        WhichEigs::LR | WhichEigs::SR => z.re,
        _ => z.im.abs(),
    }
}

#[test]
fn eigs_matches_scipy() {
    let f = fx();
    let mut names: Vec<String> = f.keys();
    names.retain(|k| k != "_meta" && k != "sigma");
    assert!(names.len() >= 18, "{}", names.len());
    for c in names {
        let a = CsrMatrix::from_dense(&f.array_f64(&format!("{c}/a")).into_dimensionality::<Ix2>().unwrap());
        let which = which_of(f.str(&format!("{c}/which")));
        let k = f.i64(&format!("{c}/k")) as usize;
        let want: Array1<Complex64> = f.array_c64(&format!("{c}/w")).into_dimensionality::<Ix1>().unwrap();
        let spectrum: Vec<Complex64> = f.array_c64(&format!("{c}/spectrum")).iter().copied().collect();
        let (w, v) =
            eigs(&a, k, &EigsOptions { which, ..Default::default() }).unwrap_or_else(|e| panic!("{c}: {e}"));
        assert_eq!((w.len(), v.dim()), (k, (a.shape().0, k)), "{c}");
        let scale = spectrum.iter().fold(1.0f64, |m, z| m.max(z.norm()));
        // the selection: same keys as ARPACK's
        let mut ours: Vec<f64> = w.iter().map(|&z| key(z, which)).collect();
        let mut theirs: Vec<f64> = want.iter().map(|&z| key(z, which)).collect();
        ours.sort_by(f64::total_cmp);
        theirs.sort_by(f64::total_cmp);
        for (x, y) in ours.iter().zip(&theirs) {
            assert!((x - y).abs() <= 1e-9 * scale, "{c}: keys {ours:?} vs SciPy {theirs:?}");
        }
        // every value is an eigenvalue, every vector a unit eigenvector
        let ac = a.toarray().mapv(|x| Complex64::new(x, 0.0));
        for (j, &lam) in w.iter().enumerate() {
            let d = spectrum.iter().map(|z| (z - lam).norm()).fold(f64::INFINITY, f64::min);
            assert!(d <= 1e-9 * scale, "{c}: {lam} is not in the spectrum ({d})");
            let x = v.column(j);
            let nx = x.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!((nx - 1.0).abs() < 1e-12, "{c}");
            let r = &ac.dot(&x) - &(&x * lam);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!(nr <= 1e-8 * scale, "{c}: residual {nr}");
        }
    }
}

#[test]
fn eigs_shift_invert_matches_scipy() {
    let f = fx();
    for c in ["convdiff_100", "random_60", "rotations_30", "upper_50"] {
        let p = |k: &str| format!("sigma/{c}/{k}");
        let dense = f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap();
        let sigma = f.f64(&p("sigma"));
        let k = f.i64(&p("k")) as usize;
        let want: Vec<Complex64> = f.array_c64(&p("w")).iter().copied().collect();
        let spectrum: Vec<Complex64> = f.array_c64(&p("spectrum")).iter().copied().collect();
        let opts = EigsOptions { sigma: Some(sigma), ..Default::default() };
        // a CSR matrix, and the same matrix dense (a different LinearOperator)
        let (w, v) = eigs(&CsrMatrix::from_dense(&dense), k, &opts).unwrap_or_else(|e| panic!("{c}: {e}"));
        let (w2, _) = eigs(&dense, k, &opts).unwrap();
        let scale = spectrum.iter().fold(1.0f64, |m, z| m.max(z.norm()));
        // the selection: the same distances to sigma as ARPACK's (a conjugate pair may be
        // represented by either member when k splits it)
        let dist = |w: &[Complex64]| {
            let mut d: Vec<f64> = w.iter().map(|z| (z - sigma).norm()).collect();
            d.sort_by(f64::total_cmp);
            d
        };
        let theirs = dist(&want);
        for ours in [dist(&w.to_vec()), dist(&w2.to_vec())] {
            for (x, y) in ours.iter().zip(&theirs) {
                assert!((x - y).abs() <= 1e-9 * scale, "{c}: {ours:?} vs SciPy {theirs:?}");
            }
        }
        let ac = dense.mapv(|x| Complex64::new(x, 0.0));
        for (j, &lam) in w.iter().enumerate() {
            let d = spectrum.iter().map(|z| (z - lam).norm()).fold(f64::INFINITY, f64::min);
            assert!(d <= 1e-9 * scale, "{c}: {lam} is not in the spectrum ({d})");
            let x = v.column(j);
            let r = &ac.dot(&x) - &(&x * lam);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!(nr <= 1e-8 * scale, "{c}: residual {nr}");
        }
    }
    // sigma on an eigenvalue: A - sigma I is singular
    let d = CsrMatrix::from_dense(&Array2::from_diag(&Array1::from_iter((1..=8).map(f64::from))));
    let opts = EigsOptions { sigma: Some(3.0), ..Default::default() };
    assert_eq!(eigs(&d, 2, &opts).unwrap_err(), SparseError::SingularMatrix);
}

#[test]
fn eigs_v0_ncv_and_operators() {
    // the same answer from a closure operator, a given v0 and a larger basis
    let n = 40;
    let a = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            (i + 1) as f64
        } else if j == i + 1 {
            2.0
        } else if i == j + 3 {
            -1.0
        } else {
            0.0
        }
    });
    let csr = CsrMatrix::from_dense(&a);
    let base = eigs(&csr, 3, &EigsOptions::default()).unwrap().0;
    let op = FnOperator::new((n, n), |x| a.dot(&x));
    let o = EigsOptions { v0: Some(Array1::ones(n)), ncv: Some(30), tol: 1e-12, ..Default::default() };
    let other = eigs(&op, 3, &o).unwrap().0;
    let key = |w: &Array1<Complex64>| {
        let mut v: Vec<f64> = w.iter().map(|z| z.norm()).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    for (x, y) in key(&base).iter().zip(key(&other)) {
        assert!((x - y).abs() < 1e-9 * x, "{x} {y}");
    }
    assert_eq!(LinearOperator::shape(&csr), (n, n));
}

#[test]
fn bad_input_is_an_error() {
    let a = CsrMatrix::<f64>::identity(6);
    let d = EigsOptions::default();
    let cases: Vec<(&str, sci_sparse::Result<()>)> = vec![
        ("k = 0", eigs(&a, 0, &d).map(drop)),
        ("k = n - 1", eigs(&a, 5, &d).map(drop)),
        ("non-square", eigs(&CsrMatrix::<f64>::zeros((3, 4)), 1, &d).map(drop)),
        ("ncv too small", eigs(&a, 2, &EigsOptions { ncv: Some(3), ..Default::default() }).map(drop)),
        ("ncv too big", eigs(&a, 2, &EigsOptions { ncv: Some(7), ..Default::default() }).map(drop)),
        (
            "v0 length",
            eigs(&a, 2, &EigsOptions { v0: Some(Array1::ones(5)), ..Default::default() }).map(drop),
        ),
        ("v0 zero", eigs(&a, 2, &EigsOptions { v0: Some(Array1::zeros(6)), ..Default::default() }).map(drop)),
        ("sigma nan", eigs(&a, 2, &EigsOptions { sigma: Some(f64::NAN), ..Default::default() }).map(drop)),
        (
            "sigma non-square",
            eigs(
                &CsrMatrix::<f64>::zeros((3, 4)),
                1,
                &EigsOptions { sigma: Some(0.5), ..Default::default() },
            )
            .map(drop),
        ),
    ];
    for (name, r) in cases {
        assert!(r.is_err(), "{name}");
    }
    assert_eq!(
        eigs(&a, 5, &d).unwrap_err().to_string(),
        "invalid value for `k`: k=5 must be less than ndim(A)-1=5"
    );
    // a budget too small to converge is reported, as SciPy raises ArpackNoConvergence
    let n = 200;
    let hard = CsrMatrix::from_dense(&Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            1.0 + 1e-6 * i as f64
        } else if j == i + 1 {
            0.5
        } else {
            0.0
        }
    }));
    let o = EigsOptions { which: WhichEigs::SM, maxiter: Some(1), ncv: Some(5), ..Default::default() };
    assert!(matches!(eigs(&hard, 2, &o), Err(SparseError::NoConvergence { iterations: 1 })));
}

#[test]
fn eigs_values_match_scipy_order() {
    let f = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_eigs_values.json"))
        .unwrap();
    let names = f.keys();
    assert_eq!(names.len(), 72);
    for c in names {
        let p = |k: &str| format!("{c}/{k}");
        let a = CsrMatrix::from_dense(&f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap());
        let m = f.array_f64(&p("m")).into_dimensionality::<Ix2>().unwrap();
        let m = (m.nrows() > 0).then(|| CsrMatrix::from_dense(&m));
        let sigma = f.f64(&p("sigma"));
        let v0: Array1<f64> = f.array_f64(&p("v0")).into_dimensionality::<Ix1>().unwrap();
        let k = f.i64(&p("k")) as usize;
        let o = EigsOptions {
            which: which_of(f.str(&p("which"))),
            sigma: (!sigma.is_nan()).then_some(sigma),
            m: m.as_ref().map(|m| m as &dyn LinearOperator),
            v0: Some(v0),
            tol: 1e-13,
            ..Default::default()
        };
        let w = eigs_values(&a, k, &o).unwrap_or_else(|e| panic!("{c}: {e}"));
        let want = f.array_c64(&p("w")).into_dimensionality::<Ix1>().unwrap();
        assert_eq!(w.len(), want.len(), "{c}");
        for (i, (&z, &y)) in w.iter().zip(&want).enumerate() {
            let close = |u: Complex64| (u - y).norm() <= 1e-10 * y.norm().max(1e-3);
            assert!(close(z) || close(z.conj()), "{c}: position {i}: {z} vs SciPy {y} ({w} vs {want})");
        }
    }
}

#[test]
fn complex_shift_is_an_error() {
    let a = CsrMatrix::<f64>::identity(8);
    let o = EigsOptions { sigma: Some(0.5), sigma_imag: 0.5, ..Default::default() };
    assert!(eigs_values(&a, 2, &o).is_err());
}
