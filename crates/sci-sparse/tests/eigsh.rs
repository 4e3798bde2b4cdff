//! SciPy parity for `eigsh` on a random symmetric matrix like the benchmark's and on a
//! clustered spectrum (fixtures from tools/fixtures/sparse_eigsh.py), the operator kinds it
//! accepts, and `LinearOperator::matvec_into`; from tools/fixtures/sparse_eigsh_more.py: the
//! order of `return_eigenvectors=False` ([`eigsh_values`]) and the generalized problems
//! `A x = lambda M x` of ARPACK's modes 2-5 (`M`, `Minv`, `OPinv`, shift-invert, buckling,
//! Cayley), float32 and complex Hermitian input, `svds` without vectors, with their bad-input
//! tables.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{
    EigsOptions, EigshMode, EigshOptions, FnOperator, LinearOperator, SpluOptions, Which, WhichEigs, eigs,
    eigs_complex, eigs_f32, eigsh, eigsh_f32, eigsh_hermitian, eigsh_hermitian_values, eigsh_values,
    eigsh_values_f32, splu, svds_values,
};
use sci_sparse::{CsrMatrix, SparseError};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_eigsh.json")).unwrap()
}

fn fx_more() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_eigsh_more.json")).unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn mat(f: &Fixture, p: &str) -> CsrMatrix {
    let u = |k: &str| f.array_i64(&format!("{p}/{k}")).iter().map(|&x| x as usize).collect::<Vec<_>>();
    let sh = u("shape");
    CsrMatrix::from_triplets(
        v(f, &format!("{p}/data")).as_slice().unwrap(),
        &u("row"),
        &u("col"),
        (sh[0], sh[1]),
    )
    .unwrap()
}

fn opts(which: Which) -> EigshOptions<'static> {
    EigshOptions { which, ..Default::default() }
}

/// Both solvers converge to `tol = eps` relative to each Ritz value (ARPACK's test), so the
/// values agree to a few ulps of `||A||` (about 10 here).
const VALS: f64 = 1e-12;

#[test]
fn eigsh_which_and_k_match_scipy() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let spectrum = v(&f, "rand/spectrum");
    for (which, key) in [(Which::LM, "LM"), (Which::LA, "LA"), (Which::SA, "SA"), (Which::BE, "BE")] {
        // SciPy refuses BE with k = 1
        for k in if which == Which::BE { [2, 6] } else { [1, 6] } {
            let name = format!("rand/{key}_k{k}");
            let (w, vecs) = eigsh(&a, k, &opts(which), None).unwrap();
            assert_allclose(&w, &v(&f, &name), 0.0, VALS * 10.0);
            assert_eq!(vecs.dim(), (500, k));
            // A x = lambda x, |x| = 1
            for j in 0..k {
                let x = vecs.column(j);
                assert!((x.dot(&x) - 1.0).abs() < 1e-12, "{name}");
                let r = &a.dot(&x).unwrap() - &(&x * w[j]);
                assert!(r.dot(&r).sqrt() < 1e-10, "{name}: residual {}", r.dot(&r).sqrt());
            }
        }
    }
    // every computed value is an eigenvalue of the dense matrix
    let (w, _) = eigsh(&a, 6, &opts(Which::LM), None).unwrap();
    for x in &w {
        let d = spectrum.iter().map(|s| (s - x).abs()).fold(f64::INFINITY, f64::min);
        assert!(d < 1e-10, "{x} not in the spectrum");
    }
}

#[test]
fn eigsh_vectors_match_scipy_up_to_sign() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let want = f.array_f64("rand/LM_vecs").into_dimensionality::<Ix2>().unwrap();
    let (w, vecs) = eigsh(&a, 6, &EigshOptions::default(), None).unwrap();
    assert_allclose(&w, &v(&f, "rand/LM_vals"), 0.0, VALS * 10.0);
    for j in 0..6 {
        let (x, y) = (vecs.column(j), want.column(j));
        let sign = x.dot(&y).signum();
        // eigenvector error ~ eps ||A|| / gap, the gaps being ~0.05 here
        assert_allclose(&(&x * sign), &y, 0.0, 1e-10);
    }
}

#[test]
fn eigsh_options_match_scipy() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let n = 500;
    let o = EigshOptions { which: Which::LA, ncv: Some(25), ..Default::default() };
    assert_allclose(&eigsh(&a, 10, &o, None).unwrap().0, &v(&f, "rand/LA_k10_ncv25"), 0.0, VALS * 10.0);
    // tol 1e-6: each Ritz value within 1e-6 |theta| of an eigenvalue (Ritz values of a
    // symmetric matrix are much closer: their error is the square of the residual's)
    let o = EigshOptions { tol: 1e-6, ..Default::default() };
    assert_allclose(&eigsh(&a, 4, &o, None).unwrap().0, &v(&f, "rand/LM_k4_tol1e-6"), 1e-6, 0.0);
    let o = EigshOptions { which: Which::SA, v0: Some(Array1::ones(n)), ..Default::default() };
    assert_allclose(&eigsh(&a, 3, &o, None).unwrap().0, &v(&f, "rand/SA_k3_v0ones"), 0.0, VALS * 10.0);
    let o = EigshOptions { sigma: Some(0.5), ..Default::default() };
    let (w, vecs) = eigsh(&a, 4, &o, Some(&a.tocsc())).unwrap();
    assert_allclose(&w, &v(&f, "rand/sigma_0.5_k4"), 0.0, 1e-11);
    for j in 0..4 {
        let x = vecs.column(j);
        let r = &a.dot(&x).unwrap() - &(&x * w[j]);
        assert!(r.dot(&r).sqrt() < 1e-9);
    }
}

#[test]
fn eigsh_clustered_spectrum_matches_scipy() {
    let f = fx();
    let a = mat(&f, "lap1d/a");
    assert_allclose(&eigsh(&a, 4, &opts(Which::LA), None).unwrap().0, &v(&f, "lap1d/LA_k4"), 0.0, 1e-12);
    // two of them ~1e-4: converging to tol = eps relative to themselves needs accurate Ritz
    // estimates (the last row of the projected eigenvectors). Ours are within ~1e-14 of the
    // exact 2 - 2 cos(j pi / 301), SciPy's largest ones within ~5e-14: tens of eps ||A||
    // (||A|| = 4), not eps relative.
    assert_allclose(&eigsh(&a, 5, &opts(Which::BE), None).unwrap().0, &v(&f, "lap1d/BE_k5"), 0.0, 1e-13);
}

#[test]
fn eigsh_any_operator_gives_the_same_answer() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let want = v(&f, "rand/LM_k6");
    let dense = a.toarray();
    let csc = a.tocsc();
    let closure = FnOperator::new((500, 500), |x| a.dot(&x).unwrap());
    for w in [
        eigsh(&csc, 6, &EigshOptions::default(), None).unwrap().0,
        eigsh(&dense, 6, &EigshOptions::default(), None).unwrap().0,
        eigsh(&closure, 6, &EigshOptions::default(), None).unwrap().0,
        eigsh(&&a, 6, &EigshOptions::default(), None).unwrap().0,
    ] {
        assert_allclose(&w, &want, 0.0, VALS * 10.0);
    }
}

#[test]
fn matvec_into_matches_scipy_and_matvec() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let (x, ax) = (v(&f, "rand/x"), v(&f, "rand/ax"));
    let mut y = Array1::from_elem(500, f64::NAN);
    a.matvec_into(x.view(), y.view_mut());
    assert_allclose(&y, &ax, 1e-13, 1e-13);
    // strided input and output
    let xs = Array2::from_shape_fn((500, 2), |(i, j)| if j == 0 { x[i] } else { f64::NAN });
    let mut ys = Array2::from_elem((500, 3), f64::NAN);
    a.matvec_into(xs.column(0), ys.column_mut(1));
    assert_allclose(&ys.column(1), &ax, 1e-13, 1e-13);
    assert!(ys.column(0).iter().chain(ys.column(2)).all(|z| z.is_nan()));
    // the default method (a closure operator) and the blanket impl for references
    let op = FnOperator::new((500, 500), |x| a.matvec(x));
    op.matvec_into(x.view(), y.view_mut());
    assert_allclose(&y, &ax, 1e-13, 1e-13);
    (&&a).matvec_into(x.view(), y.view_mut());
    assert_allclose(&y, &ax, 1e-13, 1e-13);
    // empty rows and an empty matrix
    let e = CsrMatrix::<f64>::zeros((3, 2));
    let mut y3 = Array1::from_elem(3, 1.0);
    e.matvec_into(Array1::ones(2).view(), y3.view_mut());
    assert_eq!(y3, Array1::<f64>::zeros(3));
    CsrMatrix::<f64>::zeros((0, 0)).matvec_into(Array1::zeros(0).view(), Array1::zeros(0).view_mut());
}

#[test]
fn matvec_into_parallel_rows_match_matvec() {
    // above the parallel threshold (2^20 nonzeros): a banded matrix with 9 diagonals, rows of
    // 1..9 entries (remainders of the 4-way unrolled dot) compared with matvec
    let n = 240_000;
    let mut rows = Vec::new();
    let mut cols = Vec::new();
    let mut data = Vec::new();
    for i in 0..n {
        for d in 0..=(i % 9) {
            rows.push(i);
            cols.push((i * 7 + d * 13) % n);
            data.push(((i + 3 * d) % 17) as f64 - 8.0);
        }
    }
    let a = CsrMatrix::from_triplets(&data, &rows, &cols, (n, n)).unwrap();
    assert!(a.nnz() >= 1 << 20, "{}", a.nnz());
    let x = Array1::from_shape_fn(n, |i| ((i % 101) as f64 - 50.0) / 7.0);
    let mut y = Array1::zeros(n);
    a.matvec_into(x.view(), y.view_mut());
    assert_allclose(&y, &a.matvec(x.view()), 1e-14, 1e-12);
}

#[test]
fn eigsh_bad_input_table() {
    let f = fx();
    let a = mat(&f, "rand/a");
    let nan = CsrMatrix::from_dense(&Array2::from_diag(&Array1::from_iter(
        (0..40).map(|i| if i == 3 { f64::NAN } else { i as f64 + 1.0 }),
    )));
    let inf = CsrMatrix::from_dense(&Array2::from_diag(&Array1::from_iter(
        (0..40).map(|i| if i == 3 { f64::INFINITY } else { i as f64 + 1.0 }),
    )));
    let cases: Vec<(&str, Result<(Array1<f64>, Array2<f64>), SparseError>)> = vec![
        ("BE k=1", eigsh(&a, 1, &opts(Which::BE), None)),
        ("NaN in A", eigsh(&nan, 2, &EigshOptions::default(), None)),
        ("inf in A", eigsh(&inf, 2, &EigshOptions::default(), None)),
        (
            "v0 NaN",
            eigsh(
                &a,
                2,
                &EigshOptions { v0: Some(Array1::from_elem(500, f64::NAN)), ..Default::default() },
                None,
            ),
        ),
        ("v0 length", eigsh(&a, 2, &EigshOptions { v0: Some(Array1::ones(3)), ..Default::default() }, None)),
        ("ncv = k", eigsh(&a, 2, &EigshOptions { ncv: Some(2), ..Default::default() }, None)),
        ("ncv > n", eigsh(&a, 2, &EigshOptions { ncv: Some(501), ..Default::default() }, None)),
    ];
    for (name, r) in cases {
        match r.unwrap_err() {
            SparseError::InvalidValue { arg, .. } => {
                let want = match name {
                    "BE k=1" => "which",
                    "NaN in A" | "inf in A" => "A",
                    "v0 NaN" => "v0",
                    _ => "ncv",
                };
                assert_eq!(arg, want, "{name}");
            }
            SparseError::ShapeMismatch { arg, .. } => assert_eq!((name, arg), ("v0 length", "v0")),
            e => panic!("{name}: {e}"),
        }
    }
}

const WHICH: [(Which, &str); 5] =
    [(Which::LM, "LM"), (Which::SM, "SM"), (Which::LA, "LA"), (Which::SA, "SA"), (Which::BE, "BE")];

fn which(key: &str) -> Which {
    WHICH.iter().find(|(_, k)| *k == key).unwrap().0
}

#[test]
fn eigsh_values_order_matches_scipy() {
    let f = fx_more();
    let a = mat(&f, "a");
    for (w, key) in WHICH {
        for k in [4, 5] {
            let name = format!("values/{key}_k{k}");
            let o = EigshOptions { which: w, ..Default::default() };
            // element by element: the order is SciPy's (least wanted first), not sorted
            assert_allclose(&eigsh_values(&a, k, &o, None).unwrap(), &v(&f, &name), 0.0, VALS * 10.0);
        }
    }
    let csc = a.tocsc();
    for key in ["LM", "LA", "SA"] {
        let o = EigshOptions { which: which(key), sigma: Some(0.3), ..Default::default() };
        let w = eigsh_values(&a, 4, &o, Some(&csc)).unwrap();
        assert_allclose(&w, &v(&f, &format!("values/sigma_{key}")), 0.0, VALS);
        // with vectors: the same values, ascending
        let (w2, _) = eigsh(&a, 4, &o, Some(&csc)).unwrap();
        assert_allclose(&w2, &w, 0.0, VALS);
    }
}

/// `||A x - lambda B x||` of each pair, `x^T B x = 1` (`B` the inner product of the mode),
/// and SciPy's vectors up to sign.
fn check_pairs(
    a: &CsrMatrix,
    b: &CsrMatrix,
    binner: &CsrMatrix,
    w: &Array1<f64>,
    x: &Array2<f64>,
    want: &Array2<f64>,
) {
    for j in 0..w.len() {
        let xj = x.column(j);
        let r = &a.dot(&xj).unwrap() - &(&b.dot(&xj).unwrap() * w[j]);
        assert!(r.dot(&r).sqrt() < 1e-10, "residual {} of pair {j}", r.dot(&r).sqrt());
        assert!((xj.dot(&binner.dot(&xj).unwrap()) - 1.0).abs() < 1e-11, "pair {j} not B-normalized");
        let sign = xj.dot(&want.column(j)).signum();
        // eigenvector error ~ eps ||A|| / gap (gaps ~0.003 here)
        assert_allclose(&(&xj * sign), &want.column(j), 0.0, 1e-9);
    }
}

#[test]
fn eigsh_generalized_mode2_matches_scipy() {
    let f = fx_more();
    let (a, m) = (mat(&f, "a"), mat(&f, "m"));
    let spec = v(&f, "gen_spectrum");
    for key in ["LM", "LA", "SA", "BE"] {
        let o = EigshOptions { which: which(key), m: Some(&m), ..Default::default() };
        let w = eigsh_values(&a, 4, &o, None).unwrap();
        assert_allclose(&w, &v(&f, &format!("mode2/{key}_vals")), 0.0, VALS);
        for x in &w {
            assert!(spec.iter().any(|g| (g - x).abs() < 1e-12), "{key}: {x} not an eigenvalue of (A, M)");
        }
    }
    let o = EigshOptions { which: Which::LA, m: Some(&m), ..Default::default() };
    let (w, x) = eigsh(&a, 4, &o, None).unwrap();
    assert_allclose(&w, &v(&f, "mode2/LA_w"), 0.0, VALS);
    let want = f.array_f64("mode2/LA_v").into_dimensionality::<Ix2>().unwrap();
    check_pairs(&a, &m, &m, &w, &x, &want);
    // Minv given as an operator
    let lu = splu(&m.tocsc(), &SpluOptions::default()).unwrap();
    let minv = FnOperator::new((150, 150), |x| lu.solve(&x).unwrap());
    let o = EigshOptions { which: Which::LA, m: Some(&m), minv: Some(&minv), ..Default::default() };
    assert_allclose(&eigsh(&a, 4, &o, None).unwrap().0, &v(&f, "mode2/minv_LA"), 0.0, VALS);
    // M only as an operator: inverted by GMRES to 1000 sqrt(n) eps relative, as SciPy's
    // IterInv, so the eigenvalues are only that accurate (SciPy's too)
    let mop = FnOperator::new((150, 150), |x| m.dot(&x).unwrap());
    let o = EigshOptions { which: Which::LA, m: Some(&mop), ..Default::default() };
    assert_allclose(&eigsh(&a, 4, &o, None).unwrap().0, &v(&f, "mode2/mop_LA"), 0.0, 1e-9);
}

#[test]
fn eigsh_shift_invert_with_m_matches_scipy() {
    let f = fx_more();
    let (a, m) = (mat(&f, "a"), mat(&f, "m"));
    let csc = a.tocsc();
    for key in ["LM", "LA", "SA"] {
        let o = EigshOptions { which: which(key), m: Some(&m), sigma: Some(0.1), ..Default::default() };
        assert_allclose(
            &eigsh_values(&a, 4, &o, Some(&csc)).unwrap(),
            &v(&f, &format!("mode3/{key}_vals")),
            0.0,
            VALS,
        );
    }
    let o = EigshOptions { m: Some(&m), sigma: Some(0.1), ..Default::default() };
    let (w, x) = eigsh(&a, 4, &o, Some(&csc)).unwrap();
    assert_allclose(&w, &v(&f, "mode3/LM_w"), 0.0, VALS);
    let want = f.array_f64("mode3/LM_v").into_dimensionality::<Ix2>().unwrap();
    check_pairs(&a, &m, &m, &w, &x, &want);
    // OPinv given (then the matrix is not needed)
    let lu = splu(&csc.sub(&m.tocsc().scale(0.1)).unwrap(), &SpluOptions::default()).unwrap();
    let opinv = FnOperator::new((150, 150), |x| lu.solve(&x).unwrap());
    let o = EigshOptions { m: Some(&m), sigma: Some(0.1), opinv: Some(&opinv), ..Default::default() };
    assert_allclose(&eigsh(&a, 4, &o, None).unwrap().0, &v(&f, "mode3/opinv_LM"), 0.0, VALS);
    // sigma = 0 factors A itself
    let o = EigshOptions { m: Some(&m), sigma: Some(0.0), ..Default::default() };
    assert_allclose(&eigsh(&a, 3, &o, Some(&csc)).unwrap().0, &v(&f, "mode3/sigma0_LM"), 0.0, VALS);
}

#[test]
fn eigsh_buckling_and_cayley_match_scipy() {
    let f = fx_more();
    let (a, m) = (mat(&f, "a"), mat(&f, "m"));
    // buckling: K = M (positive definite), KG = A
    let k = m.tocsc();
    for key in ["LM", "LA", "SA"] {
        let o = EigshOptions {
            which: which(key),
            m: Some(&a),
            sigma: Some(0.5),
            mode: EigshMode::Buckling,
            ..Default::default()
        };
        let w = eigsh_values(&m, 4, &o, Some(&k)).unwrap();
        assert_allclose(&w, &v(&f, &format!("buckling/{key}_vals")), 0.0, VALS);
        let spec = v(&f, "buckling_spectrum");
        assert!(w.iter().all(|x| spec.iter().any(|s| (s - x).abs() < 1e-11)), "{key}");
    }
    let o = EigshOptions { m: Some(&a), sigma: Some(0.5), mode: EigshMode::Buckling, ..Default::default() };
    let (w, x) = eigsh(&m, 4, &o, Some(&k)).unwrap();
    assert_allclose(&w, &v(&f, "buckling/LM_w"), 0.0, VALS);
    let want = f.array_f64("buckling/LM_v").into_dimensionality::<Ix2>().unwrap();
    // K x = lambda KG x, normalized in the K inner product
    check_pairs(&m, &a, &m, &w, &x, &want);
    let o = EigshOptions { sigma: Some(3.0), mode: EigshMode::Buckling, ..Default::default() };
    assert_allclose(&eigsh(&m, 3, &o, Some(&k)).unwrap().0, &v(&f, "buckling/noM_LM"), 0.0, VALS);

    let csc = a.tocsc();
    for key in ["LM", "LA", "SA"] {
        let o = EigshOptions {
            which: which(key),
            m: Some(&m),
            sigma: Some(0.1),
            mode: EigshMode::Cayley,
            ..Default::default()
        };
        let w = eigsh_values(&a, 4, &o, Some(&csc)).unwrap();
        assert_allclose(&w, &v(&f, &format!("cayley/{key}_vals")), 0.0, VALS);
    }
    let o = EigshOptions { m: Some(&m), sigma: Some(0.1), mode: EigshMode::Cayley, ..Default::default() };
    let (w, x) = eigsh(&a, 4, &o, Some(&csc)).unwrap();
    assert_allclose(&w, &v(&f, "cayley/LM_w"), 0.0, VALS);
    let want = f.array_f64("cayley/LM_v").into_dimensionality::<Ix2>().unwrap();
    check_pairs(&a, &m, &m, &w, &x, &want);
    let o = EigshOptions { sigma: Some(-0.2), mode: EigshMode::Cayley, ..Default::default() };
    assert_allclose(&eigsh(&a, 3, &o, Some(&csc)).unwrap().0, &v(&f, "cayley/noM_LM"), 0.0, VALS);
}

#[test]
fn eigsh_generalized_bad_input_table() {
    let f = fx_more();
    let (a, m) = (mat(&f, "a"), mat(&f, "m"));
    let csc = a.tocsc();
    let small = CsrMatrix::<f64>::identity(3);
    let singular = CsrMatrix::<f64>::zeros((150, 150));
    let op = FnOperator::new((150, 150), |x| x.to_owned());
    // diag(1, -1, 1, -1, ...): SciPy returns meaningless values (ARPACK needs M positive definite)
    let indefinite =
        sci_sparse::diags(&[(0..150).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect()], &[0], None)
            .unwrap();
    let o = |e: EigshOptions<'_>| eigsh(&a, 2, &e, Some(&csc)).map(drop);
    let d = EigshOptions::default;
    let cases: Vec<(&str, Result<(), SparseError>)> = vec![
        ("OPinv without sigma", o(EigshOptions { opinv: Some(&op), ..d() })),
        ("Minv without M", o(EigshOptions { minv: Some(&op), ..d() })),
        ("Minv with sigma", o(EigshOptions { m: Some(&m), minv: Some(&op), sigma: Some(0.1), ..d() })),
        ("M shape", o(EigshOptions { m: Some(&small), ..d() })),
        ("OPinv shape", o(EigshOptions { opinv: Some(&small), sigma: Some(0.1), ..d() })),
        ("sigma NaN", o(EigshOptions { sigma: Some(f64::NAN), ..d() })),
        ("sigma inf", o(EigshOptions { sigma: Some(f64::INFINITY), ..d() })),
        ("M singular", o(EigshOptions { m: Some(&singular), ..d() })),
        (
            "matrix shape",
            eigsh(&a, 2, &EigshOptions { sigma: Some(0.1), ..d() }, Some(&small.tocsc())).map(drop),
        ),
        ("values k0", eigsh_values(&a, 0, &d(), None).map(drop)),
        ("M indefinite", o(EigshOptions { m: Some(&indefinite), ..d() })),
    ];
    for (name, r) in cases {
        let got = match r.unwrap_err() {
            SparseError::InvalidValue { arg, .. } => ("invalid", arg),
            SparseError::ShapeMismatch { arg, .. } => ("shape", arg),
            SparseError::SingularMatrix => ("singular", ""),
            e => panic!("{name}: {e}"),
        };
        let want = match name {
            "OPinv without sigma" => ("invalid", "OPinv"),
            "Minv without M" | "Minv with sigma" => ("invalid", "Minv"),
            "M shape" => ("shape", "M"),
            "OPinv shape" => ("shape", "OPinv"),
            "sigma NaN" | "sigma inf" => ("invalid", "sigma"),
            "M indefinite" => ("invalid", "M"),
            "M singular" => ("singular", ""),
            "matrix shape" => ("shape", "matrix"),
            _ => ("invalid", "k"),
        };
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn eigsh_float32_matches_scipy() {
    let f = fx_more();
    let a = mat(&f, "a32").map(|x| x as f32);
    // SciPy iterates in float32 (ssaupd) to tol = eps(float32) and rounds in float32
    // throughout: its eigenvalues are within ~20 eps(float32) relative (2.2e-6 seen here) of
    // the exact ones; ours are the exact ones rounded to float32
    let exact = v(&f, "f32/spectrum");
    for key in ["LM", "LA", "SA", "BE"] {
        let o = EigshOptions { which: which(key), ..Default::default() };
        let w = eigsh_values_f32(&a, 4, &o).unwrap();
        let want = f.array_f64(&format!("f32/{key}_vals")).into_dimensionality::<Ix1>().unwrap();
        assert_allclose(&w.mapv(f64::from), &want, 1e-5, 0.0);
        for x in &w {
            assert!(exact.iter().any(|e| (e - f64::from(*x)).abs() <= 1e-6 * e.abs()), "{key}: {x}");
        }
    }
    let (w, x) = eigsh_f32(&a, 4, &EigshOptions { which: Which::LA, ..Default::default() }).unwrap();
    assert_allclose(&w.mapv(f64::from), &v(&f, "f32/LA_w"), 1e-5, 0.0);
    let want = f.array_f64("f32/LA_v").into_dimensionality::<Ix2>().unwrap();
    for j in 0..4 {
        let xj = x.column(j).mapv(f64::from);
        let sign = xj.dot(&want.column(j)).signum();
        // float32 vectors of eigenvalues ~0.2 apart
        assert_allclose(&(&xj * sign), &want.column(j), 0.0, 1e-4);
    }
    let o = EigshOptions { sigma: Some(0.3), ..Default::default() };
    assert_allclose(&eigsh_f32(&a, 3, &o).unwrap().0.mapv(f64::from), &v(&f, "f32/sigma_LM"), 1e-5, 0.0);
}

fn cmat(f: &Fixture, p: &str) -> sci_sparse::CsrMatrix<Complex64> {
    let u = |k: &str| f.array_i64(&format!("{p}/{k}")).iter().map(|&x| x as usize).collect::<Vec<_>>();
    let data: Vec<Complex64> = f.array_c64(&format!("{p}/data")).iter().copied().collect();
    let sh = u("shape");
    sci_sparse::CsrMatrix::from_triplets(&data, &u("row"), &u("col"), (sh[0], sh[1])).unwrap()
}

#[test]
fn eigsh_complex_hermitian_matches_scipy() {
    let f = fx_more();
    let h = cmat(&f, "h");
    for key in ["LM", "SM", "LA", "SA"] {
        let o = EigshOptions { which: which(key), ..Default::default() };
        let w = eigsh_hermitian_values(&h, 4, &o).unwrap();
        assert_allclose(&w, &v(&f, &format!("herm/{key}_vals")), 0.0, VALS * 10.0);
    }
    for key in ["LM", "LA", "SA"] {
        let o = EigshOptions { which: which(key), ..Default::default() };
        let (w, x) = eigsh_hermitian(&h, 4, &o).unwrap();
        let want_w = v(&f, &format!("herm/{key}_w"));
        let want_x = f.array_c64("herm/LA_v").into_dimensionality::<Ix2>().unwrap();
        if key == "LM" {
            // SciPy's order here is that of ARPACK's Schur form: compare as sets
            let mut s = w.to_vec();
            s.sort_by(f64::total_cmp);
            let mut t = want_w.to_vec();
            t.sort_by(f64::total_cmp);
            assert_allclose(&Array1::from(s), &Array1::from(t), 0.0, VALS * 10.0);
        } else {
            assert_allclose(&w, &want_w, 0.0, VALS * 10.0);
        }
        for j in 0..4 {
            let xj = x.column(j);
            let r = &h.dot(&xj).unwrap() - &xj.mapv(|z| z * w[j]);
            assert!(r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt() < 1e-10, "{key} residual");
            if key == "LA" {
                // the same vector up to a complex phase: |<x, y>| = 1
                let ip: Complex64 = xj.iter().zip(want_x.column(j)).map(|(a, b)| a.conj() * b).sum();
                assert!((ip.norm() - 1.0).abs() < 1e-10, "{key}: |<x, y>| = {}", ip.norm());
            }
        }
    }
}

#[test]
fn eigs_complex_matches_scipy() {
    let f = fx_more();
    let c = cmat(&f, "c");
    let spectrum = f.array_c64("eigs_complex/spectrum");
    let sorted = |w: &Array1<Complex64>| {
        let mut s = w.to_vec();
        s.sort_by(|a, b| a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im)));
        s
    };
    for (which, key) in [
        (WhichEigs::LM, "LM"),
        (WhichEigs::LR, "LR"),
        (WhichEigs::SR, "SR"),
        (WhichEigs::LI, "LI"),
        (WhichEigs::SI, "SI"),
    ] {
        let (w, x) = eigs_complex(&c, 4, &EigsOptions { which, ..Default::default() }).unwrap();
        // SciPy's order is ARPACK's: compare as sets; |lambda| ~ 4, converged to eps relative
        let want = f.array_c64(&format!("eigs_complex/{key}_w")).into_dimensionality::<Ix1>().unwrap();
        for (a, b) in sorted(&w).iter().zip(sorted(&want)) {
            assert!((a - b).norm() < 1e-11, "{key}: {a} vs {b}");
        }
        for j in 0..4 {
            assert!(spectrum.iter().any(|s| (s - w[j]).norm() < 1e-10), "{key}: {} not an eigenvalue", w[j]);
            let xj = x.column(j);
            let r = &c.dot(&xj).unwrap() - &xj.mapv(|z| z * w[j]);
            assert!(r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt() < 1e-10, "{key} residual");
            if which == WhichEigs::LM {
                let want_x = f.array_c64("eigs_complex/LM_v").into_dimensionality::<Ix2>().unwrap();
                let p = want.iter().position(|t| (t - w[j]).norm() < 1e-9).unwrap();
                let ip: Complex64 = xj.iter().zip(want_x.column(p)).map(|(a, b)| a.conj() * b).sum();
                assert!((ip.norm() - 1.0).abs() < 1e-10, "|<x, y>| = {}", ip.norm());
            }
        }
    }
    // bad input
    let d = EigsOptions::default;
    for (name, r, arg) in [
        ("k0", eigs_complex(&c, 0, &d()), "k"),
        ("k = n - 1", eigs_complex(&c, 149, &d()), "k"),
        ("ncv", eigs_complex(&c, 4, &EigsOptions { ncv: Some(5), ..d() }), "ncv"),
        ("sigma nan", eigs_complex(&c, 2, &EigsOptions { sigma: Some(f64::NAN), ..d() }), "sigma"),
        ("sigma_imag alone", eigs_complex(&c, 2, &EigsOptions { sigma_imag: 1.0, ..d() }), "sigma_imag"),
        (
            "OPpart",
            eigs_complex(
                &c,
                2,
                &EigsOptions { sigma: Some(0.5), oppart: Some(sci_sparse::linalg::OpPart::Real), ..d() },
            ),
            "OPpart",
        ),
        (
            "M",
            eigs_complex(
                &c,
                2,
                &EigsOptions { m: Some(&sci_sparse::CsrMatrix::<f64>::identity(150)), ..d() },
            ),
            "M",
        ),
        ("v0", eigs_complex(&c, 2, &EigsOptions { v0: Some(Array1::zeros(150)), ..d() }), "v0"),
        ("v0 length", eigs_complex(&c, 2, &EigsOptions { v0: Some(Array1::ones(2)), ..d() }), "v0"),
        ("rect", eigs_complex(&sci_sparse::CsrMatrix::<Complex64>::zeros((3, 4)), 1, &d()), "A"),
    ] {
        match r.unwrap_err() {
            SparseError::InvalidValue { arg: a, .. } | SparseError::ShapeMismatch { arg: a, .. } => {
                assert_eq!(a, arg, "{name}")
            }
            e => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn eigs_float32_matches_scipy() {
    let f = fx_more();
    let a = mat(&f, "n32").map(|x| x as f32);
    let spectrum = f.array_c64("eigs_f32/spectrum");
    let sorted = |w: Vec<Complex64>| {
        let mut s = w;
        s.sort_by(|a, b| a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im)));
        s
    };
    let cases = [
        (EigsOptions { which: WhichEigs::LM, ..Default::default() }, "LM_w", 4),
        (EigsOptions { which: WhichEigs::LR, ..Default::default() }, "LR_w", 4),
        (EigsOptions { which: WhichEigs::SR, ..Default::default() }, "SR_w", 4),
        (EigsOptions { sigma: Some(0.3), ..Default::default() }, "sigma_LM", 3),
    ];
    for (o, key, k) in cases {
        let (w, x) = eigs_f32(&a, k, &o).unwrap();
        assert_eq!(x.dim(), (150, k));
        let w: Vec<Complex64> = w.iter().map(|z| Complex64::new(f64::from(z.re), f64::from(z.im))).collect();
        let want = f.array_c64(&format!("eigs_f32/{key}")).iter().copied().collect::<Vec<_>>();
        // SciPy iterates in float32 (snaupd): within ~20 eps(float32) |lambda| of the exact
        // eigenvalues; ours are the exact ones rounded to float32. Compared as sets (SciPy's
        // order is ARPACK's)
        for (p, q) in sorted(w.clone()).iter().zip(sorted(want)) {
            assert!((p - q).norm() <= 1e-5 * q.norm(), "{key}: {p} vs {q}");
        }
        for z in &w {
            assert!(spectrum.iter().any(|s| (s - z).norm() <= 1e-6 * s.norm().max(1.0)), "{key}: {z}");
        }
    }
}

#[test]
fn eigs_generalized_matches_scipy() {
    let f = fx_more();
    let (a, m) = (mat(&f, "n"), mat(&f, "m"));
    let spectrum = f.array_c64("eigs_gen/spectrum");
    // as sets, a conjugate pair's member by |im| (ARPACK keeps either one when k splits a pair)
    let sorted = |w: &[Complex64]| {
        let mut s: Vec<(f64, f64)> = w.iter().map(|z| (z.re, z.im.abs())).collect();
        s.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        s
    };
    let lu = splu(&m.tocsc(), &SpluOptions::default()).unwrap();
    let minv = FnOperator::new((150, 150), |x| lu.solve(&x).unwrap());
    let mop = FnOperator::new((150, 150), |x| m.dot(&x).unwrap());
    let oplu = splu(&a.tocsc().sub(&m.tocsc().scale(0.3)).unwrap(), &SpluOptions::default()).unwrap();
    let opinv = FnOperator::new((150, 150), |x| oplu.solve(&x).unwrap());
    let d = EigsOptions::default;
    let cases = [
        ("LM_w", EigsOptions { m: Some(&m), ..d() }, 1e-12),
        ("LR_w", EigsOptions { m: Some(&m), which: WhichEigs::LR, ..d() }, 1e-12),
        ("SR_w", EigsOptions { m: Some(&m), which: WhichEigs::SR, ..d() }, 1e-12),
        ("minv_LM", EigsOptions { m: Some(&m), minv: Some(&minv), ..d() }, 1e-12),
        // M^-1 by GMRES to 1000 sqrt(n) eps, as SciPy's IterInv
        ("mop_LM", EigsOptions { m: Some(&mop), ..d() }, 1e-9),
        ("sigma_LM", EigsOptions { m: Some(&m), sigma: Some(0.3), ..d() }, 1e-12),
        ("opinv_LM", EigsOptions { m: Some(&m), sigma: Some(0.3), opinv: Some(&opinv), ..d() }, 1e-12),
    ];
    for (key, o, tol) in cases {
        let (w, x) = eigs(&a, 4, &o).unwrap();
        let want = f.array_c64(&format!("eigs_gen/{key}")).iter().copied().collect::<Vec<_>>();
        for (p, q) in sorted(&w.to_vec()).iter().zip(sorted(&want)) {
            assert!((p.0 - q.0).abs() < tol && (p.1 - q.1).abs() < tol, "{key}: {p:?} vs {q:?}");
        }
        for j in 0..4 {
            assert!(spectrum.iter().any(|s| (s - w[j]).norm() < 1e-9), "{key}: {}", w[j]);
            // A x = lambda M x
            let xj = x.column(j);
            let re = xj.mapv(|z| z.re);
            let im = xj.mapv(|z| z.im);
            let ax = a.dot(&re).unwrap().mapv(|v| Complex64::new(v, 0.0))
                + a.dot(&im).unwrap().mapv(|v| Complex64::new(0.0, v));
            let mx = m.dot(&re).unwrap().mapv(|v| Complex64::new(v, 0.0))
                + m.dot(&im).unwrap().mapv(|v| Complex64::new(0.0, v));
            let r = &ax - &mx.mapv(|z| z * w[j]);
            assert!(
                r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt() < tol.max(1e-10) * 10.0,
                "{key} residual"
            );
        }
    }
    // SciPy's ValueErrors and shapes
    let small = CsrMatrix::<f64>::identity(3);
    for (name, r, arg) in [
        ("OPinv without sigma", eigs(&a, 2, &EigsOptions { opinv: Some(&opinv), ..d() }), "OPinv"),
        ("Minv without M", eigs(&a, 2, &EigsOptions { minv: Some(&minv), ..d() }), "Minv"),
        (
            "Minv with sigma",
            eigs(&a, 2, &EigsOptions { m: Some(&m), minv: Some(&minv), sigma: Some(0.3), ..d() }),
            "Minv",
        ),
        ("M shape", eigs(&a, 2, &EigsOptions { m: Some(&small), ..d() }), "M"),
        ("OPinv shape", eigs(&a, 2, &EigsOptions { opinv: Some(&small), sigma: Some(0.3), ..d() }), "OPinv"),
    ] {
        match r.unwrap_err() {
            SparseError::InvalidValue { arg: g, .. } | SparseError::ShapeMismatch { arg: g, .. } => {
                assert_eq!(g, arg, "{name}")
            }
            e => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn svds_values_match_scipy() {
    let f = fx_more();
    let (a, m) = (mat(&f, "a"), mat(&f, "m"));
    assert_allclose(
        &svds_values(&a, 4, &EigshOptions::default()).unwrap(),
        &v(&f, "svds/LM"),
        0.0,
        VALS * 10.0,
    );
    let o = EigshOptions { which: Which::SM, ..Default::default() };
    assert_allclose(&svds_values(&m, 3, &o).unwrap(), &v(&f, "svds/SM"), 0.0, VALS * 10.0);
}

#[test]
fn eigsh_dtypes_bad_input_table() {
    let f = fx_more();
    let h = cmat(&f, "h");
    let a32 = mat(&f, "a32").map(|x| x as f32);
    let rect = sci_sparse::CsrMatrix::<Complex64>::zeros((3, 4));
    let m = mat(&f, "m");
    let hv = |k: usize, o: EigshOptions<'_>| eigsh_hermitian_values(&h, k, &o).map(drop);
    let d = EigshOptions::default;
    let cases: Vec<(&str, Result<(), SparseError>, &str)> = vec![
        ("complex k0", hv(0, d()), "k"),
        ("complex k = n - 1", hv(149, d()), "k"),
        ("complex BE", hv(2, EigshOptions { which: Which::BE, ..d() }), "which"),
        ("complex buckling", hv(2, EigshOptions { mode: EigshMode::Buckling, ..d() }), "mode"),
        ("complex sigma", hv(2, EigshOptions { sigma: Some(0.1), ..d() }), "sigma"),
        ("complex M", hv(2, EigshOptions { m: Some(&m), ..d() }), "sigma"),
        ("complex ncv", hv(4, EigshOptions { ncv: Some(5), ..d() }), "ncv"),
        ("complex v0", hv(2, EigshOptions { v0: Some(Array1::ones(3)), ..d() }), "v0"),
        ("complex rect", eigsh_hermitian(&rect, 1, &d()).map(drop), "A"),
        ("f32 k", eigsh_f32(&a32, 150, &d()).map(drop), "k"),
        (
            "f32 BE k=1",
            eigsh_values_f32(&a32, 1, &EigshOptions { which: Which::BE, ..d() }).map(drop),
            "which",
        ),
        ("svds k", svds_values(&m, 150, &d()).map(drop), "k"),
        ("svds M", svds_values(&m, 2, &EigshOptions { m: Some(&m), ..d() }).map(drop), "M"),
        ("svds mode", svds_values(&m, 2, &EigshOptions { mode: EigshMode::Cayley, ..d() }).map(drop), "M"),
    ];
    for (name, r, want) in cases {
        let arg = match r.unwrap_err() {
            SparseError::InvalidValue { arg, .. } | SparseError::ShapeMismatch { arg, .. } => arg,
            e => panic!("{name}: {e}"),
        };
        assert_eq!(arg, want, "{name}");
    }
}
