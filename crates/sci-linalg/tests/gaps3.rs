//! SciPy parity for ldl of complex input (hermitian=True/False), rq of complex input,
//! pinv/pinvh with return_rank, invpascal, fiedler_companion, cdf2rdf, matmul_toeplitz,
//! expm_frechet and expm_cond (fixtures from tools/fixtures/linalg_gaps3.py).

use sci_array::ndarray::{Array1, Array2, Axis, Ix1, Ix2, array, s};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_gaps3.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn mc(f: &Fixture, p: &str) -> Array2<Complex64> {
    f.array_c64(p).into_dimensionality::<Ix2>().unwrap()
}

fn idx(f: &Fixture, p: &str) -> Vec<usize> {
    f.array_i64(p).into_dimensionality::<Ix1>().unwrap().iter().map(|&i| i as usize).collect()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn vc(f: &Fixture, p: &str) -> Array1<Complex64> {
    f.array_c64(p).into_dimensionality::<Ix1>().unwrap()
}

fn adj(a: &Array2<Complex64>) -> Array2<Complex64> {
    a.t().mapv(|z| z.conj())
}

const LDL_KEYS: [(&str, bool); 16] = [
    ("h1", true),
    ("h2", true),
    ("h_offdiag", true),
    ("h_zero", true),
    ("h4", true),
    ("h7", true),
    ("h12", true),
    ("h_small_diag", true),
    ("h_pd", true),
    ("s1", false),
    ("s2", false),
    ("s_offdiag", false),
    ("s4", false),
    ("s7", false),
    ("s12", false),
    ("s_small_diag", false),
];

#[test]
fn ldl_complex_matches_scipy() {
    let f = fx();
    for (key, hermitian) in LDL_KEYS {
        let p = |k: &str| format!("ldl_{key}/{k}");
        let a = mc(&f, &p("a"));
        let n = a.nrows();
        let scale = 1.0 + a.iter().fold(0.0f64, |acc, z| acc.max(z.norm()));
        for (lower, tag) in [(true, "lo"), (false, "up")] {
            let (lu, d, perm) = ldl_with(&a, LdlOptions { lower, hermitian }).unwrap();
            // The same pivoting decisions as LAPACK's ?hetrf / ?sytrf (cabs1 measure), so the
            // permutation is SciPy's exactly and the factors agree to rounding.
            assert_eq!(perm.to_vec(), idx(&f, &p(&format!("perm_{tag}"))), "{key} {tag}");
            assert_allclose(&lu, &mc(&f, &p(&format!("lu_{tag}"))), 1e-11, 1e-12);
            assert_allclose(&d, &mc(&f, &p(&format!("d_{tag}"))), 1e-11, 1e-12 * scale);
            let lut = if hermitian { adj(&lu) } else { lu.t().to_owned() };
            assert_allclose(&lu.dot(&d).dot(&lut), &a, 0.0, 1e-12 * scale * n as f64);
            let tri = lu.select(Axis(0), perm.as_slice().unwrap());
            for i in 0..n {
                for j in 0..n {
                    if (lower && j > i) || (!lower && j < i) {
                        assert_eq!(tri[[i, j]], Complex64::new(0.0, 0.0), "{key} {tag}: not triangular");
                    }
                }
            }
            if hermitian {
                assert!(d.diag().iter().all(|z| z.im == 0.0), "{key} {tag}: d's diagonal is real");
            }
        }
    }
    // ldl(a, lower) is hermitian=True
    let a = mc(&f, "ldl_h7/a");
    assert_eq!(ldl(&a, false).unwrap(), ldl_with(&a, LdlOptions { lower: false, hermitian: true }).unwrap());
    // the imaginary parts of a Hermitian input's diagonal are ignored (SciPy warns)
    let (lu, d, perm) = ldl(&mc(&f, "ldl_imag_diag/a"), true).unwrap();
    assert_eq!(perm.to_vec(), idx(&f, "ldl_imag_diag/perm_lo"));
    assert_allclose(&lu, &mc(&f, "ldl_imag_diag/lu_lo"), 1e-11, 1e-12);
    assert_allclose(&d, &mc(&f, "ldl_imag_diag/d_lo"), 1e-11, 1e-11);
    // only one triangle is read; views of any layout
    let mut junk = a.clone();
    for i in 0..7 {
        for j in i + 1..7 {
            junk[[i, j]] = Complex64::new(1e9, -1e9);
        }
    }
    assert_eq!(ldl(&junk, true).unwrap(), ldl(&a, true).unwrap());
    let at = a.t().as_standard_layout().to_owned();
    let (lu, d, perm) = ldl(&at.t(), true).unwrap();
    assert_eq!(perm.to_vec(), idx(&f, "ldl_h7/perm_lo"));
    assert_allclose(&lu.dot(&d).dot(&adj(&lu)), &a, 0.0, 1e-11);
    let s12 = mc(&f, "ldl_s12/a");
    let v = s12.slice(s![..;2, ..;2]);
    let opts = LdlOptions { hermitian: false, ..Default::default() };
    let (lu, d, _) = ldl_with(&v, opts).unwrap();
    assert_allclose(&lu.dot(&d).dot(&lu.t()), &v.to_owned(), 0.0, 1e-11);
    // complex64: same pivots for this well-separated input, reconstruction to f32 rounding
    let a32 = mc(&f, "ldl_h4/a").mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (lu, d, perm) = ldl(&a32, true).unwrap();
    assert_eq!(perm.to_vec(), idx(&f, "ldl_h4/perm_lo"));
    let luh = lu.t().mapv(|z| z.conj());
    assert_allclose(&lu.dot(&d).dot(&luh), &a32, 0.0, 1e-4);
    // real input: hermitian has no effect
    let r = array_re(&mc(&f, "ldl_h7/a"));
    let sym = &r + &r.t();
    assert_eq!(ldl_with(&sym, opts).unwrap(), ldl(&sym, true).unwrap());
    // empty
    let (lu, d, perm) = ldl(&Array2::<Complex64>::zeros((0, 0)), true).unwrap();
    assert_eq!((lu.dim(), d.dim(), perm.len()), ((0, 0), (0, 0), 0));
}

fn array_re(a: &Array2<Complex64>) -> Array2<f64> {
    a.mapv(|z| z.re)
}

#[test]
fn rq_complex_matches_scipy() {
    let f = fx();
    for key in ["4x4", "3x5", "5x3", "1x3", "3x1"] {
        let p = |k: &str| format!("rq_{key}/{k}");
        let a = mc(&f, &p("a"));
        let (mm, nn) = a.dim();
        let k = mm.min(nn);
        for (mode, tag, rdim, qdim) in
            [(QrMode::Full, "full", (mm, nn), (nn, nn)), (QrMode::Economic, "economic", (mm, k), (k, nn))]
        {
            let (r, q) = rq(&a, mode).unwrap();
            assert_eq!((r.dim(), q.dim()), (rdim, qdim), "{key} {tag}");
            // unique up to a unit-modulus factor per column of r (row of q): the moduli agree
            let absr = r.mapv(|z| z.norm());
            assert_allclose(&absr, &mc(&f, &p(&format!("r_{tag}"))).mapv(|z| z.norm()), 1e-12, 1e-13);
            assert_allclose(&r.dot(&q), &a, 0.0, 1e-13);
            let qqh = q.dot(&adj(&q));
            assert_allclose(&qqh, &Array2::eye(qdim.0), 0.0, 1e-14);
            // and the phases: q = diag(ph) q_scipy with |ph| = 1, for the rows spanning a's row
            // space (the first n - k rows of a full q complete it arbitrarily)
            let qs = mc(&f, &p(&format!("q_{tag}")));
            for i in qdim.0 - k..qdim.0 {
                let ph = q.row(i).dot(&qs.row(i).mapv(|z| z.conj()));
                assert!((ph.norm() - 1.0).abs() < 1e-12, "{key} {tag}: row {i} of q");
            }
            // zeros below the shifted diagonal
            for i in 0..rdim.0 {
                for j in 0..rdim.1 {
                    if j + rdim.0 < i + rdim.1 {
                        assert_eq!(r[[i, j]], Complex64::new(0.0, 0.0), "{key} {tag}: r[{i}, {j}]");
                    }
                }
            }
        }
    }
    let a = mc(&f, "rq_3x5/a");
    let v = a.slice(s![..;-1, ..]);
    let (r, q) = rq(&v, QrMode::Economic).unwrap();
    assert_allclose(&r.dot(&q), &v.to_owned(), 0.0, 1e-13);
    let a32 = a.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let (r, q) = rq(&a32, QrMode::Full).unwrap();
    assert_allclose(&r.dot(&q), &a32, 0.0, 1e-5);
    let (r, q) = rq(&Array2::<Complex64>::zeros((0, 2)), QrMode::Full).unwrap();
    assert_eq!((r.dim(), q.dim()), ((0, 2), (2, 2)));
}

#[test]
fn pinv_with_rank_matches_scipy() {
    let f = fx();
    let a = m(&f, "pinv_rank/a");
    for (tag, atol, rtol) in [
        ("default", None, None),
        ("atol", Some(1e-6), None),
        ("rtol", None, Some(1e-2)),
        ("both", Some(1e-10), Some(1e-4)),
    ] {
        let (p, rank) = pinv_with_rank(&a, atol, rtol).unwrap();
        assert_eq!(rank as i64, f.i64(&format!("pinv_rank/rank_{tag}")), "{tag}");
        // singular values kept are >= 1e-9 here: condition <= 3e9, so the pseudo-inverse
        // agrees to ~1e-6 relative with the default cut, tighter with the others
        let rtol_cmp = if tag == "default" { 1e-5 } else { 1e-9 };
        assert_allclose(&p, &m(&f, &format!("pinv_rank/p_{tag}")), rtol_cmp, 1e-9);
        assert_allclose(&pinv(&a, atol, rtol).unwrap(), &p, 0.0, 0.0);
    }
    let (p, rank) = pinv_with_rank(&mc(&f, "pinv_rank_c/a"), None, None).unwrap();
    assert_eq!(rank as i64, f.i64("pinv_rank_c/rank"));
    assert_allclose(&p, &mc(&f, "pinv_rank_c/p"), 1e-10, 1e-12);
    let s = m(&f, "pinvh_rank/a");
    for (tag, atol, rtol) in [("default", None, None), ("atol", Some(1e-6), None), ("rtol", None, Some(1e-2))]
    {
        let (p, rank) = pinvh_with_rank(&s, atol, rtol, true).unwrap();
        assert_eq!(rank as i64, f.i64(&format!("pinvh_rank/rank_{tag}")), "{tag}");
        // default keeps the eigenvalue 1e-8 next to 0 and 1e-15: its eigenvector is accurate to
        // ~eps ‖a‖ / 1e-8 ≈ 7e-8, weighted by 1e8 in the inverse (LAPACK's syevr: 1.4e-6 off)
        // (the others keep -1e-4: the lapack backend's syevr differs by 1.5e-9 relative)
        let rtol_cmp = if tag == "default" { 1e-5 } else { 1e-8 };
        assert_allclose(&p, &m(&f, &format!("pinvh_rank/p_{tag}")), rtol_cmp, 1e-9);
        assert_allclose(&pinvh(&s, atol, rtol, true).unwrap(), &p, 0.0, 0.0);
    }
    let (p, rank) = pinvh_with_rank(&mc(&f, "pinvh_rank_c/a"), None, None, true).unwrap();
    assert_eq!(rank as i64, f.i64("pinvh_rank_c/rank"));
    // the kept eigenvalue 1e-9 has a relative error of ~eps ‖a‖ / 1e-9 ≈ 4e-7 in either code
    assert_allclose(&p, &mc(&f, "pinvh_rank_c/p"), 1e-5, 1e-9);
    // empty input: rank 0, transposed shape
    let (p, rank) = pinv_with_rank(&Array2::<f64>::zeros((0, 3)), None, None).unwrap();
    assert_eq!((p.dim(), rank), ((3, 0), 0));
}

#[test]
fn gaps3_bad_input() {
    let nan = Array2::from_elem((2, 2), f64::NAN);
    let cnan = Array2::from_elem((2, 2), Complex64::new(0.0, f64::NAN));
    let rect = Array2::<Complex64>::zeros((2, 3));
    let ok = Array2::<f64>::eye(2);
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let sym = LdlOptions { hermitian: false, lower: false };
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "ldl complex non-square",
            ldl(&rect, true).unwrap_err(),
            Box::new(|e| *e == LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }),
        ),
        (
            "ldl_with symmetric non-square",
            ldl_with(&rect, sym).unwrap_err(),
            Box::new(|e| *e == LinalgError::NotSquare { arg: "A", shape: vec![2, 3] }),
        ),
        (
            "ldl complex NaN",
            ldl(&cnan, true).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "A" }),
        ),
        (
            "ldl_with symmetric NaN",
            ldl_with(&cnan, sym).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "A" }),
        ),
        (
            "rq complex NaN",
            rq(&cnan, QrMode::Full).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        (
            "pinv_with_rank NaN",
            pinv_with_rank(&nan, None, None).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
        (
            "pinv_with_rank atol < 0",
            pinv_with_rank(&ok, Some(-1.0), None).unwrap_err(),
            Box::new(move |e| invalid(e, "atol")),
        ),
        ("pinv rtol < 0", pinv(&ok, None, Some(-1e-3)).unwrap_err(), Box::new(move |e| invalid(e, "atol"))),
        (
            "pinvh_with_rank rtol < 0",
            pinvh_with_rank(&ok, None, Some(-1.0), true).unwrap_err(),
            Box::new(move |e| invalid(e, "atol")),
        ),
        (
            "pinvh_with_rank non-square",
            pinvh_with_rank(&rect, None, None, true).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { .. })),
        ),
        (
            "pinvh_with_rank NaN",
            pinvh_with_rank(&nan, None, None, true).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

#[test]
fn invpascal_matches_scipy() {
    let f = fx();
    for (kind, tag) in
        [(PascalKind::Symmetric, "symmetric"), (PascalKind::Lower, "lower"), (PascalKind::Upper, "upper")]
    {
        for n in [0usize, 1, 2, 3, 5, 8, 20, 34] {
            let want = f.array_i64(&format!("invpascal_{tag}_{n}")).into_dimensionality::<Ix2>().unwrap();
            assert_eq!(invpascal(n, kind).unwrap(), want, "{tag} {n}");
        }
    }
    // exact inverse: P · invpascal(P) = I (in i128 to avoid overflow of the products)
    let p = pascal(12, PascalKind::Symmetric).unwrap().mapv(i128::from);
    let q = invpascal(12, PascalKind::Symmetric).unwrap().mapv(i128::from);
    assert_eq!(p.dot(&q), Array2::<i128>::eye(12));
}

#[test]
fn fiedler_companion_matches_scipy() {
    let f = fx();
    for key in ["len2", "len3", "len4", "len5", "len6", "len9"] {
        let a = v1(&f, &format!("fiedler_{key}/a"));
        // a / a[0] and a negation: the same single roundings as NumPy's
        assert_eq!(fiedler_companion(&a).unwrap(), m(&f, &format!("fiedler_{key}/c")), "{key}");
    }
    let a = vc(&f, "fiedler_complex/a");
    assert_allclose(&fiedler_companion(&a).unwrap(), &mc(&f, "fiedler_complex/c"), 1e-15, 0.0);
    // the eigenvalues are the roots
    let a = v1(&f, "fiedler_len5/a");
    let mut w: Vec<f64> = eigvals(&fiedler_companion(&a).unwrap()).unwrap().iter().map(|z| z.re).collect();
    w.sort_by(f64::total_cmp);
    assert_allclose(&Array1::from(w), &array![-1.0, -0.25, 0.5, 1.0], 1e-12, 1e-12);
    assert_eq!(fiedler_companion(&array![2.0]).unwrap().dim(), (0, 0));
    assert_eq!(fiedler_companion(&Array1::<f64>::zeros(0)).unwrap().dim(), (0, 0));
}

#[test]
fn cdf2rdf_matches_scipy() {
    let f = fx();
    for key in ["3", "5", "8", "given"] {
        let p = |k: &str| format!("cdf2rdf_{key}/{k}");
        let (w, v) = (vc(&f, &p("w")), mc(&f, &p("v")));
        let (wr, vr) = cdf2rdf(&w, &v).unwrap();
        assert_allclose(&wr, &m(&f, &p("wr")), 1e-15, 0.0);
        assert_allclose(&vr, &m(&f, &p("vr")), 1e-15, 1e-16);
        if key != "given" {
            // with this crate's own eig: a vr = vr wr
            let a = m(&f, &p("a"));
            let (w, v) = eig(&a).unwrap();
            let (wr, vr) = cdf2rdf(&w, &v).unwrap();
            assert_allclose(&a.dot(&vr), &vr.dot(&wr), 0.0, 1e-12);
        }
    }
    let (wr, vr) = cdf2rdf(&Array1::<Complex64>::zeros(0), &Array2::<Complex64>::zeros((0, 0))).unwrap();
    assert_eq!((wr.dim(), vr.dim()), ((0, 0), (0, 0)));
}

#[test]
fn matmul_toeplitz_matches_scipy() {
    let f = fx();
    // FFT (SciPy) against a dense product: agreement to a few eps times the row sums
    for key in ["sq_mat", "tall", "wide", "one"] {
        let p = |k: &str| format!("mt_{key}/{k}");
        let (c, r) = (v1(&f, &p("c")), v1(&f, &p("r")));
        let y = matmul_toeplitz(&c, Some(r.view()), &m(&f, &p("x"))).unwrap();
        assert_allclose(&y, &m(&f, &p("y")), 1e-12, 1e-13);
    }
    let (c, r) = (v1(&f, "mt_sq_vec/c"), v1(&f, "mt_sq_vec/r"));
    let y = matmul_toeplitz(&c, Some(r.view()), &v1(&f, "mt_sq_vec/x")).unwrap();
    assert_allclose(&y, &v1(&f, "mt_sq_vec/y"), 1e-12, 1e-13);
    // r = conj(c) when omitted
    let y = matmul_toeplitz(&vc(&f, "mt_c_only/c"), None, &mc(&f, "mt_c_only/x")).unwrap();
    assert_allclose(&y, &mc(&f, "mt_c_only/y"), 1e-12, 1e-13);
    let (c, r) = (vc(&f, "mt_complex/c"), vc(&f, "mt_complex/r"));
    let y = matmul_toeplitz(&c, Some(r.view()), &vc(&f, "mt_complex/x")).unwrap();
    assert_allclose(&y, &vc(&f, "mt_complex/y"), 1e-12, 1e-13);
    // strided x
    let x = m(&f, "mt_wide/x");
    let big = ndarray_stack(&x);
    let (c, r) = (v1(&f, "mt_wide/c"), v1(&f, "mt_wide/r"));
    let y = matmul_toeplitz(&c, Some(r.view()), &big.slice(s![.., ..;2])).unwrap();
    assert_allclose(&y, &m(&f, "mt_wide/y"), 1e-12, 1e-13);
}

/// `x` in the even columns of a matrix twice as wide.
fn ndarray_stack(x: &Array2<f64>) -> Array2<f64> {
    let mut big = Array2::zeros((x.nrows(), 2 * x.ncols()));
    big.slice_mut(s![.., ..;2]).assign(x);
    big
}

#[test]
fn expm_frechet_matches_scipy() {
    let f = fx();
    for key in ["p3", "p5", "p7", "p9", "p13", "scaled"] {
        let p = |k: &str| format!("ef_{key}/{k}");
        let (a, e) = (m(&f, &p("a")), m(&f, &p("e")));
        // SPS: the same Pade degree and scaling as SciPy; GEMM and LU rounding differ
        // (and squaring amplifies them for the scaled case): relative to max |L|
        let l_scale = m(&f, &p("l")).iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        let x_scale = m(&f, &p("expm")).iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        let (x, l) = expm_frechet(&a, &e, ExpmFrechetMethod::Sps).unwrap();
        assert_allclose(&x, &m(&f, &p("expm")), 1e-12, 1e-13 * x_scale);
        assert_allclose(&l, &m(&f, &p("l")), 1e-12, 1e-13 * l_scale);
        assert_allclose(&l, &m(&f, &p("l_only")), 1e-12, 1e-13 * l_scale);
        let (xb, lb) = expm_frechet(&a, &e, ExpmFrechetMethod::BlockEnlarge).unwrap();
        assert_allclose(&xb, &m(&f, &p("expm_block")), 1e-11, 1e-13 * x_scale);
        assert_allclose(&lb, &m(&f, &p("l_block")), 1e-11, 1e-12 * l_scale);
        // views: transposed storage
        let at = a.t().as_standard_layout().t().to_owned();
        let (_, lt) = expm_frechet(&at.view(), &e.view(), ExpmFrechetMethod::Sps).unwrap();
        assert_allclose(&lt, &l, 1e-13, 1e-14 * l_scale);
    }
    let (a, e) = (mc(&f, "ef_complex/a"), mc(&f, "ef_complex/e"));
    let (x, l) = expm_frechet(&a, &e, ExpmFrechetMethod::Sps).unwrap();
    assert_allclose(&x, &mc(&f, "ef_complex/expm"), 1e-11, 1e-12);
    assert_allclose(&l, &mc(&f, "ef_complex/l"), 1e-11, 1e-12);
    let (x, l) = expm_frechet(&m(&f, "ef_one/a"), &m(&f, "ef_one/e"), ExpmFrechetMethod::default()).unwrap();
    assert_allclose(&x, &m(&f, "ef_one/expm"), 1e-14, 0.0);
    assert_allclose(&l, &m(&f, "ef_one/l"), 1e-14, 0.0);
    let (x, l) =
        expm_frechet(&Array2::<f64>::zeros((0, 0)), &Array2::<f64>::zeros((0, 0)), ExpmFrechetMethod::Sps)
            .unwrap();
    assert_eq!((x.dim(), l.dim()), ((0, 0), (0, 0)));
}

#[test]
fn expm_cond_matches_scipy() {
    let f = fx();
    for key in ["rand3", "rand5", "upper", "one"] {
        let k = expm_cond(&m(&f, &format!("ec_{key}/a"))).unwrap();
        let want = f.f64(&format!("ec_{key}/kappa"));
        assert!((k - want).abs() <= 1e-10 * want, "{key}: {k} vs {want}");
    }
    let k = expm_cond(&mc(&f, "ec_complex/a")).unwrap();
    let want = f.f64("ec_complex/kappa");
    assert!((k - want).abs() <= 1e-10 * want, "complex: {k} vs {want}");
}

#[test]
fn gaps3_functions_bad_input() {
    let nan = Array2::from_elem((2, 2), f64::NAN);
    let ok = Array2::<f64>::eye(2);
    let rect = Array2::<f64>::zeros((2, 3));
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let w = array![Complex64::new(1.0, 1.0), Complex64::new(2.0, 0.0)];
    let v = Array2::<Complex64>::eye(2);
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "invpascal symmetric n = 40 overflows",
            invpascal(40, PascalKind::Symmetric).unwrap_err(),
            Box::new(move |e| invalid(e, "n")),
        ),
        (
            "fiedler_companion leading zero",
            fiedler_companion(&array![0.0, 1.0, 2.0]).unwrap_err(),
            Box::new(move |e| invalid(e, "a")),
        ),
        ("cdf2rdf unpaired complex", cdf2rdf(&w, &v).unwrap_err(), Box::new(move |e| invalid(e, "w"))),
        (
            "cdf2rdf v not square",
            cdf2rdf(&w, &Array2::<Complex64>::zeros((2, 3))).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "v", .. })),
        ),
        (
            "cdf2rdf count mismatch",
            cdf2rdf(&array![Complex64::new(1.0, 0.0)], &v).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "v", .. })),
        ),
        (
            "cdf2rdf NaN",
            cdf2rdf(&array![Complex64::new(f64::NAN, 0.0), Complex64::new(1.0, 0.0)], &v).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "w" }),
        ),
        (
            "matmul_toeplitz rows of x",
            matmul_toeplitz(&array![1.0, 2.0], None, &array![1.0, 2.0, 3.0]).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "x", .. })),
        ),
        (
            "matmul_toeplitz NaN c",
            matmul_toeplitz(&array![1.0, f64::NAN], None, &array![1.0, 2.0]).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "c" }),
        ),
        (
            "expm_frechet NaN A",
            expm_frechet(&nan, &ok, ExpmFrechetMethod::Sps).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "A" }),
        ),
        (
            "expm_frechet NaN E",
            expm_frechet(&ok, &nan, ExpmFrechetMethod::Sps).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "E" }),
        ),
        (
            "expm_frechet A not square",
            expm_frechet(&rect, &rect, ExpmFrechetMethod::Sps).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "A", .. })),
        ),
        (
            "expm_frechet shapes differ",
            expm_frechet(&ok, &Array2::<f64>::eye(3), ExpmFrechetMethod::BlockEnlarge).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "E", .. })),
        ),
        (
            "expm_cond not square",
            expm_cond(&rect).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "A", .. })),
        ),
        (
            "expm_cond NaN",
            expm_cond(&nan).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "A" }),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

#[test]
fn qr_multiply_matches_scipy() {
    let f = fx();
    for key in ["5x3", "3x5", "4x4"] {
        // real: Q and r are LAPACK's (geqrf signs), so the products are SciPy's to rounding
        let p = |k: &str| format!("qrm_{key}/{k}");
        let a = m(&f, &p("a"));
        for conj in [false, true] {
            let sfx = if conj { "_conj" } else { "" };
            let (cq, r) = qr_multiply(&a, &m(&f, &p("c_left")), Side::Left, conj).unwrap();
            assert_allclose(&cq, &m(&f, &p(&format!("cq_left{sfx}"))), 1e-12, 1e-13);
            assert_allclose(&r, &m(&f, &p("r")), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &m(&f, &p("c_right")), Side::Right, conj).unwrap();
            assert_allclose(&cq, &m(&f, &p(&format!("cq_right{sfx}"))), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &v1(&f, &p("c_left1")), Side::Left, conj).unwrap();
            assert_allclose(&cq, &v1(&f, &p(&format!("cq_left1{sfx}"))), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &v1(&f, &p("c_right1")), Side::Right, conj).unwrap();
            assert_allclose(&cq, &v1(&f, &p(&format!("cq_right1{sfx}"))), 1e-12, 1e-13);
        }
        let p = |k: &str| format!("qrm_{key}_c/{k}");
        let a = mc(&f, &p("a"));
        for conj in [false, true] {
            let sfx = if conj { "_conj" } else { "" };
            let (cq, r) = qr_multiply(&a, &mc(&f, &p("c_left")), Side::Left, conj).unwrap();
            assert_allclose(&cq, &mc(&f, &p(&format!("cq_left{sfx}"))), 1e-12, 1e-13);
            assert_allclose(&r, &mc(&f, &p("r")), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &mc(&f, &p("c_right")), Side::Right, conj).unwrap();
            assert_allclose(&cq, &mc(&f, &p(&format!("cq_right{sfx}"))), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &vc(&f, &p("c_left1")), Side::Left, conj).unwrap();
            assert_allclose(&cq, &vc(&f, &p(&format!("cq_left1{sfx}"))), 1e-12, 1e-13);
            let (cq, _) = qr_multiply(&a, &vc(&f, &p("c_right1")), Side::Right, conj).unwrap();
            assert_allclose(&cq, &vc(&f, &p(&format!("cq_right1{sfx}"))), 1e-12, 1e-13);
        }
    }
    // views: a transposed, c strided
    let a = m(&f, "qrm_5x3/a");
    let at = a.t().as_standard_layout().t().to_owned();
    let c = ndarray_stack(&m(&f, "qrm_5x3/c_right"));
    let (cq, _) = qr_multiply(&at.view(), &c.slice(s![.., ..;2]), Side::Right, false).unwrap();
    assert_allclose(&cq, &m(&f, "qrm_5x3/cq_right"), 1e-12, 1e-13);
    // empty c: an empty array of c's own shape (SciPy's empty_like)
    let (cq, r) = qr_multiply(&a, &Array2::<f64>::zeros((3, 0)), Side::Left, false).unwrap();
    assert_eq!((cq.dim(), r.dim()), ((3, 0), (3, 3)));
}

#[test]
fn qr_multiply_blocked_matches_scipy() {
    // 90 reflectors and 20 columns (rows) of c: the blocked path (compact WY blocks)
    let f =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_qr_multiply_blocked.json"))
            .unwrap();
    for key in ["150x90", "90x150"] {
        let p = |k: &str| format!("qrmb_{key}/{k}");
        let a = m(&f, &p("a"));
        let (cq, _) = qr_multiply(&a, &m(&f, &p("c_left")), Side::Left, false).unwrap();
        assert_allclose(&cq, &m(&f, &p("cq_left")), 1e-11, 1e-12);
        let (cq, _) = qr_multiply(&a, &m(&f, &p("c_right")), Side::Right, false).unwrap();
        assert_allclose(&cq, &m(&f, &p("cq_right")), 1e-11, 1e-12);
        let p = |k: &str| format!("qrmb_{key}_c/{k}");
        let a = mc(&f, &p("a"));
        for conj in [false, true] {
            let sfx = if conj { "_conj" } else { "" };
            let (cq, _) = qr_multiply(&a, &mc(&f, &p("c_left")), Side::Left, conj).unwrap();
            assert_allclose(&cq, &mc(&f, &p(&format!("cq_left{sfx}"))), 1e-11, 1e-12);
            let (cq, _) = qr_multiply(&a, &mc(&f, &p("c_right")), Side::Right, conj).unwrap();
            assert_allclose(&cq, &mc(&f, &p(&format!("cq_right{sfx}"))), 1e-11, 1e-12);
        }
    }
}

#[test]
fn qr_multiply_bad_input() {
    let a = Array2::<f64>::eye(3);
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "left: rows of c",
            qr_multiply(&a, &Array2::<f64>::zeros((2, 2)), Side::Left, false).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "c", .. })),
        ),
        (
            "right: columns of c",
            qr_multiply(&a, &array![1.0, 2.0], Side::Right, false).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "c", .. })),
        ),
        (
            "3-d c",
            qr_multiply(&a, &sci_array::ndarray::Array3::<f64>::zeros((3, 3, 1)), Side::Left, false)
                .unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "c", .. })),
        ),
        (
            "NaN c",
            qr_multiply(&a, &array![1.0, f64::NAN, 0.0], Side::Left, false).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "c" }),
        ),
        (
            "NaN a",
            qr_multiply(&Array2::from_elem((3, 3), f64::NAN), &array![1.0, 0.0, 0.0], Side::Left, false)
                .unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "a" }),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

/// Matches each of `got` to the nearest unused value of `want` (generalized eigenvalues are a
/// set: their order along a Schur form is not unique).
fn assert_same_set(got: &[Complex64], want: &[Complex64], rtol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    let mut used = vec![false; want.len()];
    for g in got {
        let (best, d) = want
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, w)| (i, (g - w).norm()))
            .min_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap();
        assert!(d <= rtol * (1.0 + want[best].norm()), "{what}: {g} has no match (nearest off by {d})");
        used[best] = true;
    }
}

/// The generalized eigenvalues of a real QZ form (1×1 and standardized 2×2 blocks).
fn qz_real_eigs(aa: &Array2<f64>, bb: &Array2<f64>) -> Vec<Complex64> {
    let n = aa.nrows();
    let mut out = vec![];
    let mut j = 0;
    while j < n {
        if j + 1 < n && aa[[j + 1, j]] != 0.0 {
            // BB block diagonal: eigenvalues of diag(1/b1, 1/b2) A_blk
            let (b1, b2) = (bb[[j, j]], bb[[j + 1, j + 1]]);
            let (p, q, r, s) =
                (aa[[j, j]] / b1, aa[[j, j + 1]] / b1, aa[[j + 1, j]] / b2, aa[[j + 1, j + 1]] / b2);
            let tr = (p + s) / 2.0;
            let disc = Complex64::new((p - s) * (p - s) / 4.0 + q * r, 0.0).sqrt();
            out.push(Complex64::new(tr, 0.0) + disc);
            out.push(Complex64::new(tr, 0.0) - disc);
            j += 2;
        } else {
            out.push(Complex64::new(aa[[j, j]] / bb[[j, j]], 0.0));
            j += 1;
        }
    }
    out
}

#[test]
fn qz_matches_scipy() {
    let f = fx();
    for key in ["n3", "n6", "n10"] {
        let p = |k: &str| format!("qz_{key}/{k}");
        let (a, b) = (m(&f, &p("a")), m(&f, &p("b")));
        let n = a.nrows();
        let (aa, bb, q, z) = qz(&a, &b).unwrap();
        assert_allclose(&q.dot(&aa).dot(&z.t()), &a, 0.0, 1e-12);
        assert_allclose(&q.dot(&bb).dot(&z.t()), &b, 0.0, 1e-12);
        assert_allclose(&q.t().dot(&q), &Array2::eye(n), 0.0, 1e-13);
        assert_allclose(&z.t().dot(&z), &Array2::eye(n), 0.0, 1e-13);
        for i in 0..n {
            for j in 0..i {
                assert_eq!(bb[[i, j]], 0.0, "{key}: BB[{i}, {j}]");
                if i > j + 1 {
                    assert_eq!(aa[[i, j]], 0.0, "{key}: AA[{i}, {j}]");
                }
            }
            assert!(bb[[i, i]] >= 0.0, "{key}: BB[{i}, {i}] < 0");
            if i + 1 < n && aa[[i + 1, i]] != 0.0 {
                // a 2x2 block: not two in a row, and BB's block diagonal (positive)
                assert!(i + 2 >= n || aa[[i + 2, i + 1]] == 0.0, "{key}: overlapping blocks at {i}");
                assert_eq!(bb[[i, i + 1]], 0.0, "{key}: BB's 2x2 block at {i} not diagonal");
                assert!(bb[[i, i]] > 0.0 && bb[[i + 1, i + 1]] > 0.0);
            }
        }
        let want = vc(&f, &p("eig")).to_vec();
        assert_same_set(&qz_real_eigs(&aa, &bb), &want, 1e-10, key);
        // SciPy's own factors have the same eigenvalues (the fixture is consistent)
        assert_same_set(&qz_real_eigs(&m(&f, &p("aa")), &m(&f, &p("bb"))), &want, 1e-10, key);
        // output='complex' of real input
        let (ac, bc, qc, zc) = qz_complex(&a, &b).unwrap();
        let a_c = a.mapv(|x| Complex64::new(x, 0.0));
        assert_allclose(&qc.dot(&ac).dot(&adj(&zc)), &a_c, 0.0, 1e-12);
        assert_allclose(&qc.dot(&bc).dot(&adj(&zc)), &b.mapv(|x| Complex64::new(x, 0.0)), 0.0, 1e-12);
        for i in 0..n {
            for j in 0..i {
                assert_eq!(ac[[i, j]], Complex64::new(0.0, 0.0));
                assert_eq!(bc[[i, j]], Complex64::new(0.0, 0.0));
            }
            assert!(bc[[i, i]].im == 0.0 && bc[[i, i]].re >= 0.0, "{key}: BB[{i}, {i}] = {}", bc[[i, i]]);
        }
        let got: Vec<Complex64> = (0..n).map(|i| ac[[i, i]] / bc[[i, i]]).collect();
        assert_same_set(&got, &want, 1e-10, key);
    }
    let (a, b) = (mc(&f, "qz_complex/a"), mc(&f, "qz_complex/b"));
    let (aa, bb, q, z) = qz_complex(&a, &b).unwrap();
    assert_allclose(&q.dot(&aa).dot(&adj(&z)), &a, 0.0, 1e-12);
    assert_allclose(&q.dot(&bb).dot(&adj(&z)), &b, 0.0, 1e-12);
    assert_allclose(&adj(&q).dot(&q), &Array2::eye(5), 0.0, 1e-13);
    let got: Vec<Complex64> = (0..5).map(|i| aa[[i, i]] / bb[[i, i]]).collect();
    assert_same_set(&got, &vc(&f, "qz_complex/eig").to_vec(), 1e-10, "complex");
    assert!(bb.diag().iter().all(|x| x.im == 0.0 && x.re >= 0.0));
    // singular B: one infinite eigenvalue, a zero (to rounding) on BB's diagonal as SciPy's
    let (a, b) = (m(&f, "qz_singular_b/a"), m(&f, "qz_singular_b/b"));
    let (aa, bb, q, z) = qz(&a, &b).unwrap();
    assert_allclose(&q.dot(&bb).dot(&z.t()), &b, 0.0, 1e-12);
    assert_allclose(&q.dot(&aa).dot(&z.t()), &a, 0.0, 1e-12);
    let small = |d: &Array2<f64>| d.diag().iter().filter(|x| x.abs() < 1e-12).count();
    assert_eq!(small(&bb), small(&m(&f, "qz_singular_b/bb")));
    assert_eq!(small(&bb), 1);
    // f32 and empty
    let (a32, b32) = (m(&f, "qz_n6/a").mapv(|x| x as f32), m(&f, "qz_n6/b").mapv(|x| x as f32));
    let (aa, _, q, z) = qz(&a32, &b32).unwrap();
    assert_allclose(&q.dot(&aa).dot(&z.t()), &a32, 0.0, 1e-4);
    let (aa, bb, q, z) = qz(&Array2::<f64>::zeros((0, 0)), &Array2::<f64>::zeros((0, 0))).unwrap();
    assert_eq!((aa.dim(), bb.dim(), q.dim(), z.dim()), ((0, 0), (0, 0), (0, 0), (0, 0)));
}

#[test]
fn qz_bad_input() {
    let ok = Array2::<f64>::eye(2);
    let nan = Array2::from_elem((2, 2), f64::NAN);
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        ("qz NaN A", qz(&nan, &ok).unwrap_err(), Box::new(|e| *e == LinalgError::NonFinite { arg: "A" })),
        ("qz NaN B", qz(&ok, &nan).unwrap_err(), Box::new(|e| *e == LinalgError::NonFinite { arg: "B" })),
        (
            "qz A not square",
            qz(&Array2::<f64>::zeros((2, 3)), &ok).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "A", .. })),
        ),
        (
            "qz shapes differ",
            qz(&ok, &Array2::<f64>::eye(3)).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "B", .. })),
        ),
        (
            "qz_complex B not square",
            qz_complex(&ok, &Array2::<f64>::zeros((2, 3))).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::NotSquare { arg: "B", .. })),
        ),
        (
            "qz_complex NaN",
            qz_complex(&nan, &ok).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "A" }),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}

/// One `qru_*` case of qr_delete / qr_insert / qr_update for element type `T`: the factors
/// reconstruct the modified matrix, `Q1` is unitary, `R1` upper triangular, and `|R1|` is
/// SciPy's (the factors are unique up to the signs / phases of `R1`'s rows).
fn qru_case<T: LinalgScalar>(
    f: &Fixture,
    key: &str,
    mat: impl Fn(&str) -> Array2<T>,
    vecf: impl Fn(&str) -> Array1<T>,
) where
    RealOf<T>: Into<f64>,
{
    let p = |k: &str| format!("qru_{key}/{k}");
    let case = f.get(&format!("qru_{key}"));
    let has = |k: &str| case.get(k).is_some();
    let (a, q, r) = (mat("a"), mat("q"), mat("r"));
    let check = |name: &str, got: (Array2<T>, Array2<T>), want_a: Array2<T>| {
        let (q1, r1) = got;
        let load = |k: &str| {
            let path = p(&format!("{name}_{k}"));
            if T::IS_COMPLEX { mc(f, &path) } else { m(f, &path).mapv(|x| Complex64::new(x, 0.0)) }
        };
        let (wq, wr) = (load("q"), load("r"));
        assert_eq!((q1.dim(), r1.dim()), (wq.dim(), wr.dim()), "{key} {name}: shapes");
        let to_c = |x: &Array2<T>| x.mapv(|z| Complex64::new(z.re().into(), z.im().into()));
        let (q1c, r1c) = (to_c(&q1), to_c(&r1));
        assert_allclose(&q1c.dot(&r1c), &to_c(&want_a), 0.0, 1e-12);
        let k = q1.ncols();
        assert_allclose(&adj(&q1c).dot(&q1c), &Array2::eye(k), 0.0, 1e-13);
        for i in 0..r1.nrows() {
            for j in 0..i.min(r1.ncols()) {
                assert_eq!(r1c[[i, j]], Complex64::new(0.0, 0.0), "{key} {name}: R1[{i}, {j}]");
            }
        }
        assert_allclose(&r1c.mapv(|z| z.norm()), &wr.mapv(|z| z.norm()), 1e-11, 1e-12);
    };
    let (m, n) = a.dim();
    let rows_of = |rows: &[usize]| a.select(Axis(0), rows);
    let cols_of = |cols: &[usize]| a.select(Axis(1), cols);
    // delete rows 1, 2 / column 1
    let keep: Vec<usize> = (0..m).filter(|i| !(1..3).contains(i)).collect();
    check("del_row", qr_delete(&q, &r, 1, 2, QrWhich::Row).unwrap(), rows_of(&keep));
    if has("del_col_q") {
        let keep: Vec<usize> = (0..n).filter(|&j| j != 1).collect();
        check("del_col", qr_delete(&q, &r, 1, 1, QrWhich::Col).unwrap(), cols_of(&keep));
    }
    // insert a row before row 2, two rows at the end
    let u_row = vecf("u_row");
    let mut want = Array2::zeros((m + 1, n));
    want.slice_mut(s![..2, ..]).assign(&a.slice(s![..2, ..]));
    want.row_mut(2).assign(&u_row);
    want.slice_mut(s![3.., ..]).assign(&a.slice(s![2.., ..]));
    check("ins_row", qr_insert(&q, &r, &u_row, 2, QrWhich::Row).unwrap(), want);
    let u_rows = mat("u_rows");
    let want = sci_array::ndarray::concatenate![Axis(0), a, u_rows];
    check("ins_rows", qr_insert(&q, &r, &u_rows, m, QrWhich::Row).unwrap(), want);
    if has("ins_col_q") {
        let u_col = vecf("u_col");
        let want = sci_array::ndarray::concatenate![Axis(1), u_col.view().insert_axis(Axis(1)), a];
        check("ins_col", qr_insert(&q, &r, &u_col, 0, QrWhich::Col).unwrap(), want);
        let u_cols = mat("u_cols");
        let want =
            sci_array::ndarray::concatenate![Axis(1), a.slice(s![.., ..2]), u_cols, a.slice(s![.., 2..])];
        check("ins_cols", qr_insert(&q, &r, &u_cols, 2, QrWhich::Col).unwrap(), want);
    }
    // rank-1 and rank-2 updates: A + u vᴴ
    let (uu, vv) = (vecf("uu"), vecf("vv"));
    let outer = |u: &Array2<T>, v: &Array2<T>| u.dot(&v.t().mapv(|z| z.conj()));
    let u2 = uu.clone().insert_axis(Axis(1));
    let v2 = vv.clone().insert_axis(Axis(1));
    check("upd1", qr_update(&q, &r, &uu, &vv).unwrap(), &a + &outer(&u2, &v2));
    if has("updk_q") {
        let (uk, vk) = (mat("uk"), mat("vk"));
        check("updk", qr_update(&q, &r, &uk, &vk).unwrap(), &a + &outer(&uk, &vk));
    }
}

#[test]
fn qr_updates_match_scipy() {
    let f = fx();
    for key in ["full", "econ", "wide"] {
        let p = |k: &str| format!("qru_{key}/{k}");
        qru_case::<f64>(&f, key, |k| m(&f, &p(k)), |k| v1(&f, &p(k)));
    }
    for key in ["full_c", "econ_c"] {
        let p = |k: &str| format!("qru_{key}/{k}");
        qru_case::<Complex64>(&f, key, |k| mc(&f, &p(k)), |k| vc(&f, &p(k)));
    }
    // deleting every row leaves an empty factorization (SciPy: (0, 0) and (0, n))
    let (q, r) = (m(&f, "qru_full/q"), m(&f, "qru_full/r"));
    let (q1, r1) = qr_delete(&q, &r, 0, 6, QrWhich::Row).unwrap();
    assert_eq!((q1.dim(), r1.dim()), ((0, 0), (0, 4)));
}

#[test]
fn qr_updates_bad_input() {
    let f = fx();
    let (q, r) = (m(&f, "qru_full/q"), m(&f, "qru_full/r"));
    let invalid = |e: &LinalgError, arg: &str| matches!(e, LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if *x == arg);
    let mut qnan = q.clone();
    qnan[[0, 0]] = f64::NAN;
    let table: Vec<(&str, LinalgError, Box<dyn Fn(&LinalgError) -> bool>)> = vec![
        (
            "delete k out of bounds",
            qr_delete(&q, &r, 6, 1, QrWhich::Row).unwrap_err(),
            Box::new(move |e| invalid(e, "k")),
        ),
        (
            "delete p out of range",
            qr_delete(&q, &r, 5, 2, QrWhich::Row).unwrap_err(),
            Box::new(move |e| invalid(e, "p")),
        ),
        (
            "delete col p out of range",
            qr_delete(&q, &r, 0, 5, QrWhich::Col).unwrap_err(),
            Box::new(move |e| invalid(e, "p")),
        ),
        (
            "delete p = 0",
            qr_delete(&q, &r, 0, 0, QrWhich::Col).unwrap_err(),
            Box::new(move |e| invalid(e, "p")),
        ),
        (
            "delete inconsistent factors",
            qr_delete(&q, &r.slice(s![..5, ..]), 0, 1, QrWhich::Row).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "R", .. })),
        ),
        (
            "delete NaN Q",
            qr_delete(&qnan, &r, 0, 1, QrWhich::Row).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "Q" }),
        ),
        (
            "insert k out of bounds",
            qr_insert(&q, &r, &array![1.0, 2.0, 3.0, 4.0], 7, QrWhich::Row).unwrap_err(),
            Box::new(move |e| invalid(e, "k")),
        ),
        (
            "insert row of wrong length",
            qr_insert(&q, &r, &array![1.0, 2.0], 0, QrWhich::Row).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "u", .. })),
        ),
        (
            "insert column of wrong length",
            qr_insert(&q, &r, &array![1.0, 2.0], 0, QrWhich::Col).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "u", .. })),
        ),
        (
            "insert NaN u",
            qr_insert(&q, &r, &array![1.0, f64::NAN, 0.0, 0.0], 0, QrWhich::Row).unwrap_err(),
            Box::new(|e| *e == LinalgError::NonFinite { arg: "u" }),
        ),
        (
            "update v of wrong length",
            qr_update(&q, &r, &Array1::<f64>::ones(6), &Array1::<f64>::ones(3)).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "v", .. })),
        ),
        (
            "update column counts differ",
            qr_update(&q, &r, &Array2::<f64>::ones((6, 2)), &Array2::<f64>::ones((4, 1))).unwrap_err(),
            Box::new(|e| matches!(e, LinalgError::ShapeMismatch { arg: "v", .. })),
        ),
        (
            "update rank larger than N",
            qr_update(&q, &r, &Array2::<f64>::ones((6, 5)), &Array2::<f64>::ones((4, 5))).unwrap_err(),
            Box::new(move |e| {
                invalid(e, "u") && e.to_string().contains("Update rank larger than np.dot(Q, R).")
            }),
        ),
        (
            "delete p = 0, SciPy's message",
            qr_delete(&q, &r, 1, 0, QrWhich::Row).unwrap_err(),
            Box::new(move |e| invalid(e, "p") && e.to_string().contains("'p' is out of range")),
        ),
    ];
    for (name, err, check) in &table {
        assert!(check(err), "{name}: {err}");
    }
}
