//! SciPy parity for the shift-invert modes of `eigsh`/`eigs` when `A` or `M` is only an
//! operator (fixtures from tools/fixtures/sparse_eig_shift.py): SciPy then solves with
//! `A - sigma M` by GMRES (`IterOpInv`), and so do we. The inner solves stop at
//! `rtol = 1000 sqrt(n) eps`, so eigenvalues agree with SciPy's to 1e-8 relative (not to
//! rounding), and eigenvectors are checked by their residual.

use sci_array::ndarray::{Array1, Array2, ArrayView1, Ix1};
use sci_array::num_complex::Complex64;
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{
    EigsOptions, EigshMode, EigshOptions, FnOperator, LinearOperator, OpPart, WhichEigs, eigs, eigs_complex,
    eigsh,
};
use sci_sparse::{CsrMatrix, SparseError};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_eig_shift.json")).unwrap()
}

fn matrix(f: &Fixture, name: &str) -> CsrMatrix<f64> {
    let n = f.i64(&format!("{name}/n")) as usize;
    let idx = |k: &str| f.array_i64(&format!("{name}/{k}")).iter().map(|&i| i as usize).collect::<Vec<_>>();
    let data: Vec<f64> = f.array_f64(&format!("{name}/data")).iter().copied().collect();
    CsrMatrix::from_triplets(&data, &idx("rows"), &idx("cols"), (n, n)).unwrap()
}

fn case_names(f: &Fixture, group: &str) -> Vec<String> {
    f.get(group).as_object().expect("an object").keys().cloned().collect()
}

/// `(A, M)` of a case: `A` as a closure operator (no `to_sparse`) or the matrix itself, `M`
/// likewise or absent.
struct Problem {
    a: CsrMatrix<f64>,
    m: CsrMatrix<f64>,
}

impl Problem {
    fn load(f: &Fixture, name: &str) -> Self {
        let a = matrix(f, name);
        let mdiag = f.array_f64("mdiag").into_dimensionality::<Ix1>().unwrap();
        let n = mdiag.len();
        let m = CsrMatrix::from_triplets(
            &mdiag.to_vec(),
            &(0..n).collect::<Vec<_>>(),
            &(0..n).collect::<Vec<_>>(),
            (n, n),
        )
        .unwrap();
        Problem { a, m }
    }
}

fn as_op(a: &CsrMatrix<f64>) -> FnOperator<impl Fn(ArrayView1<'_, f64>) -> Array1<f64> + Sync + '_> {
    FnOperator::new(LinearOperator::shape(a), move |x| a.matvec(x))
}

#[test]
fn eigsh_shift_invert_by_gmres_matches_scipy() {
    let f = fx();
    let names = case_names(&f, "eigsh");
    assert_eq!(names.len(), 7);
    let p = Problem::load(&f, "sym");
    let (a_op, m_op) = (as_op(&p.a), as_op(&p.m));
    for c in names {
        let g = |k: &str| format!("eigsh/{c}/{k}");
        let want = f.array_f64(&g("w")).into_dimensionality::<Ix1>().unwrap();
        let k = f.i64(&g("k")) as usize;
        let mode = match f.str(&g("mode")) {
            "normal" => EigshMode::Normal,
            "buckling" => EigshMode::Buckling,
            "cayley" => EigshMode::Cayley,
            other => panic!("{other}"),
        };
        let m: Option<&dyn LinearOperator> = match f.str(&g("m")) {
            "none" => None,
            "op" => Some(&m_op),
            _ => Some(&p.m),
        };
        let n = p.a.shape().0;
        let opts = EigshOptions {
            sigma: Some(f.f64(&g("sigma"))),
            mode,
            m,
            v0: Some(Array1::ones(n)),
            ..Default::default()
        };
        let a: &dyn LinearOperator = if f.get(&g("a_op")).as_bool().unwrap() { &a_op } else { &p.a };
        let (w, v) = eigsh(a, k, &opts, None).unwrap_or_else(|e| panic!("{c}: {e}"));
        for (x, y) in w.iter().zip(&want) {
            assert!((x - y).abs() <= 1e-8 * y.abs(), "{c}: {w} vs SciPy {want}");
        }
        let mx = |x: ArrayView1<'_, f64>| m.map_or_else(|| x.to_owned(), |m| m.matvec(x));
        for (j, &lam) in w.iter().enumerate() {
            let x = v.column(j);
            let r = &p.a.matvec(x) - &(&mx(x) * lam);
            let nr = r.dot(&r).sqrt() / x.dot(&x).sqrt();
            assert!(nr <= 1e-7, "{c}: residual {nr}");
        }
    }
}

#[test]
fn eigs_shift_invert_by_gmres_matches_scipy() {
    let f = fx();
    let names = case_names(&f, "eigs");
    assert_eq!(names.len(), 4);
    let p = Problem::load(&f, "nonsym");
    let (a_op, m_op) = (as_op(&p.a), as_op(&p.m));
    let ac = p.a.toarray().mapv(|x| Complex64::new(x, 0.0));
    let mc = p.m.toarray().mapv(|x| Complex64::new(x, 0.0));
    for c in names {
        let g = |k: &str| format!("eigs/{c}/{k}");
        let mut want: Vec<Complex64> = f.array_c64(&g("w")).iter().copied().collect();
        let k = f.i64(&g("k")) as usize;
        let (m, mm): (Option<&dyn LinearOperator>, Array2<Complex64>) = match f.str(&g("m")) {
            "none" => (None, Array2::eye(p.a.shape().0)),
            "op" => (Some(&m_op), mc.clone()),
            _ => (Some(&p.m), mc.clone()),
        };
        let n = p.a.shape().0;
        let opts = EigsOptions {
            sigma: Some(f.f64(&g("sigma"))),
            m,
            v0: Some(Array1::ones(n)),
            ..Default::default()
        };
        let a: &dyn LinearOperator = if f.get(&g("a_op")).as_bool().unwrap() { &a_op } else { &p.a };
        let (w, v) = eigs(a, k, &opts).unwrap_or_else(|e| panic!("{c}: {e}"));
        // ARPACK's order is its own: compare as sets (the spectrum is real here)
        let mut ours = w.to_vec();
        let by_re = |x: &Complex64, y: &Complex64| x.re.total_cmp(&y.re);
        ours.sort_by(by_re);
        want.sort_by(by_re);
        for (x, y) in ours.iter().zip(&want) {
            assert!((x - y).norm() <= 1e-8 * y.norm(), "{c}: {ours:?} vs SciPy {want:?}");
        }
        for (j, &lam) in w.iter().enumerate() {
            let x = v.column(j);
            let r = &ac.dot(&x) - &(&mm.dot(&x) * lam);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!(nr <= 1e-7, "{c}: residual {nr}");
        }
    }
}

#[test]
fn gmres_failure_is_an_error_with_scipys_message() {
    let f = fx();
    let d = CsrMatrix::from_triplets(
        &(1..=10).map(f64::from).collect::<Vec<_>>(),
        &(0..10).collect::<Vec<_>>(),
        &(0..10).collect::<Vec<_>>(),
        (10, 10),
    )
    .unwrap();
    let op = as_op(&d);
    let v0 = Some(Array1::ones(10));
    let e1 = eigsh(&op, 2, &EigshOptions { sigma: Some(3.0), v0: v0.clone(), ..Default::default() }, None)
        .unwrap_err();
    let e2 = eigs(&op, 2, &EigsOptions { sigma: Some(3.0), v0, ..Default::default() }).unwrap_err();
    for (e, which) in [(e1, "eigsh"), (e2, "eigs")] {
        let want = f.str(&format!("singular/{which}"));
        assert_eq!(e.to_string(), format!("invalid value for `sigma`: {want}"), "{which}");
    }
}

/// Sorted `(re, |im|)` keys: a conjugate pair split by `k` may be represented by either
/// member (ARPACK's choice among values tied under `which`).
fn pair_keys(w: &[Complex64]) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = w.iter().map(|z| (z.re, z.im.abs())).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    v
}

#[test]
fn eigs_complex_sigma_real_a_matches_scipy() {
    let f = fx();
    let names = case_names(&f, "complex_sigma");
    assert_eq!(names.len(), 6);
    let a = matrix(&f, "rot");
    let n = a.shape().0;
    let md = f.array_f64("m30diag").into_dimensionality::<Ix1>().unwrap();
    let idx: Vec<usize> = (0..n).collect();
    let m = CsrMatrix::from_triplets(&md.to_vec(), &idx, &idx, (n, n)).unwrap();
    let (a_op, m_op) = (as_op(&a), as_op(&m));
    let ac = a.toarray().mapv(|x| Complex64::new(x, 0.0));
    for c in names {
        let g = |k: &str| format!("complex_sigma/{c}/{k}");
        let sigma = f.array_f64(&g("sigma"));
        let want: Vec<Complex64> = f.array_c64(&g("w")).iter().copied().collect();
        let k = f.i64(&g("k")) as usize;
        let oppart = Some(if f.str(&g("part")) == "i" { OpPart::Imag } else { OpPart::Real });
        let (mo, mm): (Option<&dyn LinearOperator>, Array2<Complex64>) = match f.str(&g("m")) {
            "none" => (None, Array2::eye(n)),
            "op" => (Some(&m_op), m.toarray().mapv(|x| Complex64::new(x, 0.0))),
            _ => (Some(&m), m.toarray().mapv(|x| Complex64::new(x, 0.0))),
        };
        let opts = EigsOptions {
            sigma: Some(sigma[0]),
            sigma_imag: sigma[1],
            oppart,
            m: mo,
            v0: Some(Array1::ones(n)),
            ..Default::default()
        };
        let op: &dyn LinearOperator = if f.get(&g("a_op")).as_bool().unwrap() { &a_op } else { &a };
        let (w, v) = eigs(op, k, &opts).unwrap_or_else(|e| panic!("{c}: {e}"));
        let (ours, theirs) = (pair_keys(&w.to_vec()), pair_keys(&want));
        for (x, y) in ours.iter().zip(&theirs) {
            let tol = 1e-8 * (y.0.hypot(y.1));
            assert!(
                (x.0 - y.0).abs() <= tol && (x.1 - y.1).abs() <= tol,
                "{c}: {ours:?} vs SciPy {theirs:?}"
            );
        }
        for (j, &lam) in w.iter().enumerate() {
            let x = v.column(j);
            let r = &ac.dot(&x) - &(&mm.dot(&x) * lam);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!(nr <= 1e-8, "{c}: residual {nr}");
        }
    }
}

#[test]
fn eigs_complex_a_with_sigma_matches_scipy() {
    let f = fx();
    let names = case_names(&f, "complex_a");
    assert_eq!(names.len(), 3);
    let n = f.i64("cpx/n") as usize;
    let idx = |k: &str| f.array_i64(&format!("cpx/{k}")).iter().map(|&i| i as usize).collect::<Vec<_>>();
    let data: Vec<Complex64> = f.array_c64("cpx/data").iter().copied().collect();
    let a = CsrMatrix::from_triplets(&data, &idx("rows"), &idx("cols"), (n, n)).unwrap();
    let dense = a.toarray();
    for c in names {
        let g = |k: &str| format!("complex_a/{c}/{k}");
        let sigma = f.array_f64(&g("sigma"));
        let mut want: Vec<Complex64> = f.array_c64(&g("w")).iter().copied().collect();
        let k = f.i64(&g("k")) as usize;
        let which = if f.str(&g("which")) == "LR" { WhichEigs::LR } else { WhichEigs::LM };
        let opts = EigsOptions {
            sigma: Some(sigma[0]),
            sigma_imag: sigma[1],
            which,
            v0: Some(Array1::ones(n)),
            ..Default::default()
        };
        let (w, v) = eigs_complex(&a, k, &opts).unwrap_or_else(|e| panic!("{c}: {e}"));
        let mut ours = w.to_vec();
        let by = |x: &Complex64, y: &Complex64| x.re.total_cmp(&y.re).then(x.im.total_cmp(&y.im));
        ours.sort_by(by);
        want.sort_by(by);
        for (x, y) in ours.iter().zip(&want) {
            assert!((x - y).norm() <= 1e-10 * y.norm(), "{c}: {ours:?} vs SciPy {want:?}");
        }
        for (j, &lam) in w.iter().enumerate() {
            let x = v.column(j);
            let r = &dense.dot(&x) - &(&x * lam);
            let nr = r.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
            assert!(nr <= 1e-9 * lam.norm(), "{c}: residual {nr}");
        }
    }
}

#[test]
fn complex_sigma_bad_input_table() {
    let f = fx();
    let a = matrix(&f, "rot");
    let op = as_op(&a);
    let d = EigsOptions::default;
    let real_i = EigsOptions { sigma: Some(1.0), oppart: Some(OpPart::Imag), ..d() };
    let cases: Vec<(&str, sci_sparse::Result<()>, &str, Option<&str>)> = vec![
        ("OPpart i with real sigma", eigs(&a, 2, &real_i).map(drop), "OPpart", Some("oppart_real_sigma")),
        (
            "OPpart without sigma",
            eigs(&a, 2, &EigsOptions { oppart: Some(OpPart::Real), ..d() }).map(drop),
            "OPpart",
            Some("oppart_no_sigma"),
        ),
        (
            "sigma_imag without sigma",
            eigs(&a, 2, &EigsOptions { sigma_imag: 1.0, ..d() }).map(drop),
            "sigma_imag",
            None,
        ),
        (
            "sigma_imag nan",
            eigs(&a, 2, &EigsOptions { sigma: Some(1.0), sigma_imag: f64::NAN, ..d() }).map(drop),
            "sigma",
            None,
        ),
        (
            "OPinv with complex sigma",
            eigs(&a, 2, &EigsOptions { sigma: Some(1.0), sigma_imag: 1.0, opinv: Some(&op), ..d() })
                .map(drop),
            "OPinv",
            None,
        ),
    ];
    for (name, r, arg, msg) in cases {
        match r.unwrap_err() {
            SparseError::InvalidValue { arg: got, reason } => {
                assert_eq!(got, arg, "{name}");
                if let Some(key) = msg {
                    assert_eq!(reason, f.str(&format!("singular/{key}")), "{name}");
                }
            }
            e => panic!("{name}: {e}"),
        }
    }
    // a complex sigma on an eigenvalue of a complex A: the real form is singular
    let c = CsrMatrix::from_triplets(
        &[
            Complex64::new(1.0, 1.0),
            Complex64::new(2.0, 0.0),
            Complex64::new(3.0, -1.0),
            Complex64::new(4.0, 0.0),
        ],
        &[0, 1, 2, 3],
        &[0, 1, 2, 3],
        (4, 4),
    )
    .unwrap();
    let o = EigsOptions { sigma: Some(1.0), sigma_imag: 1.0, ..d() };
    assert_eq!(eigs_complex(&c, 1, &o).unwrap_err(), SparseError::SingularMatrix);
}

#[test]
fn eigsh_factors_a_sparse_a_without_the_matrix_argument() {
    // SciPy factors a sparse A itself; so does eigsh through LinearOperator::to_sparse
    let f = fx();
    let a = matrix(&f, "sym");
    let n = a.shape().0;
    let opts = EigshOptions { sigma: Some(0.5), v0: Some(Array1::ones(n)), ..Default::default() };
    let (w1, _) = eigsh(&a, 3, &opts, None).unwrap();
    let (w2, _) = eigsh(&a, 3, &opts, Some(&a.tocsc())).unwrap();
    assert_eq!(w1, w2);
    let want = f.array_f64("eigsh/normal/w").into_dimensionality::<Ix1>().unwrap();
    for (x, y) in w1.iter().zip(&want) {
        assert!((x - y).abs() <= 1e-10 * y.abs(), "{w1} vs SciPy {want}");
    }
}
