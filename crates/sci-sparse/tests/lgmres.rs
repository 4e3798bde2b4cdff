//! SciPy parity for `lgmres` and `gcrotmk` (fixtures from tools/fixtures/sparse_lgmres.py):
//! ports of SciPy's algorithms, so the same iterates up to rounding.

use sci_array::ndarray::{Array1, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_sparse::linalg::{
    FnOperator, GcrotmkOptions, IterOptions, IterResult, LgmresOptions, gcrotmk, lgmres,
};
use sci_sparse::{CsrMatrix, diags};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sparse_lgmres.json")).unwrap()
}

fn has(f: &Fixture, p: &str, k: &str) -> bool {
    f.get(p).as_object().unwrap().contains_key(k)
}

/// Runs every case of `group` through `solve(a, b, options, case options path)`.
fn run_cases(
    group: &str,
    solve: impl Fn(&CsrMatrix, &Array1<f64>, &IterOptions<'_>, &Fixture, &str) -> IterResult,
) -> usize {
    let f = fx();
    let mut names: Vec<String> = f.get(group).as_object().unwrap().keys().cloned().collect();
    names.retain(|k| k != "zero_rhs");
    for c in &names {
        let p = |k: &str| format!("{group}/{c}/{k}");
        let a = CsrMatrix::from_dense(&f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap());
        let b = f.array_f64(&p("b")).into_dimensionality::<Ix1>().unwrap();
        let want = f.array_f64(&p("x")).into_dimensionality::<Ix1>().unwrap();
        let op = p("opts");
        let x0: Array1<f64> = f.array_f64(&p("x0")).into_dimensionality::<Ix1>().unwrap();
        let jacobi = diags(&[a.diagonal(0).mapv(|d| 1.0 / d).to_vec()], &[0], None).unwrap();
        let mut o = IterOptions::default();
        if has(&f, &op, "rtol") {
            o.rtol = f.f64(&format!("{op}/rtol"));
        }
        if has(&f, &op, "atol") {
            o.atol = f.f64(&format!("{op}/atol"));
        }
        if has(&f, &op, "maxiter") {
            o.maxiter = Some(f.i64(&format!("{op}/maxiter")) as usize);
        }
        if !x0.is_empty() {
            o.x0 = Some(&x0);
        }
        if has(&f, &op, "M") {
            o.m = Some(&jacobi);
        }
        let r = solve(&a, &b, &o, &f, &op);
        assert_eq!(r.info, f.i64(&p("info")), "{group} {c}");
        // Same iterates as SciPy; Givens rotations instead of SciPy's QR updates round
        // differently, which the restarts carry along: agree to 1e-8 of |x|.
        let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert_allclose(&r.x, &want, 1e-8, 1e-8 * scale);
    }
    names.len()
}

#[test]
fn lgmres_matches_scipy() {
    let n = run_cases("lgmres", |a, b, o, f, op| {
        let mut l = LgmresOptions::default();
        if has(f, op, "inner_m") {
            l.inner_m = f.i64(&format!("{op}/inner_m")) as usize;
        }
        if has(f, op, "outer_k") {
            l.outer_k = f.i64(&format!("{op}/outer_k")) as usize;
        }
        if has(f, op, "store_outer_Av") {
            l.store_outer_av = f.get(&format!("{op}/store_outer_Av")).as_bool().unwrap();
        }
        if has(f, op, "prepend_outer_v") {
            l.prepend_outer_v = f.get(&format!("{op}/prepend_outer_v")).as_bool().unwrap();
        }
        lgmres(a, b, o, &l).unwrap()
    });
    assert_eq!(n, 10);
    // b = 0 gives x = 0 at once
    let f = fx();
    let a = CsrMatrix::<f64>::identity(80);
    let r = lgmres(&a, &Array1::zeros(80), &IterOptions::default(), &LgmresOptions::default()).unwrap();
    assert_eq!((r.x, r.info), (f.array_f64("lgmres/zero_rhs/x").into_dimensionality::<Ix1>().unwrap(), 0));
}

#[test]
fn gcrotmk_matches_scipy() {
    let n = run_cases("gcrotmk", |a, b, o, f, op| {
        let mut g = GcrotmkOptions::default();
        if has(f, op, "m") {
            g.m = f.i64(&format!("{op}/m")) as usize;
        }
        if has(f, op, "k") {
            g.k = Some(f.i64(&format!("{op}/k")) as usize);
        }
        gcrotmk(a, b, o, &g).unwrap()
    });
    assert_eq!(n, 8);
    let r = gcrotmk(
        &CsrMatrix::<f64>::identity(3),
        &Array1::zeros(3),
        &IterOptions::default(),
        &GcrotmkOptions::default(),
    )
    .unwrap();
    assert_eq!((r.x, r.info), (Array1::zeros(3), 0));
}

#[test]
fn bad_input_is_an_error() {
    let a = CsrMatrix::<f64>::identity(3);
    let d = LgmresOptions::default();
    let o = IterOptions::default();
    let x0 = array![1.0, 2.0];
    let m = CsrMatrix::<f64>::identity(2);
    let zero_m = FnOperator::new((3, 3), |x| &x * 0.0);
    let cases = [
        lgmres(&CsrMatrix::<f64>::zeros((2, 3)), &array![1.0, 2.0], &o, &d),
        lgmres(&a, &array![1.0, 2.0], &o, &d),
        lgmres(&a, &array![1.0, f64::NAN, 2.0], &o, &d),
        lgmres(&a, &array![1.0, 1.0, 2.0], &IterOptions { x0: Some(&x0), ..o }, &d),
        lgmres(&a, &array![1.0, 1.0, 2.0], &IterOptions { m: Some(&m), ..o }, &d),
        lgmres(&a, &array![1.0, 1.0, 2.0], &IterOptions { m: Some(&zero_m), ..o }, &d),
        lgmres(&a, &array![1.0, 1.0, 2.0], &IterOptions { rtol: -1.0, ..o }, &d),
        lgmres(&a, &array![1.0, 1.0, 2.0], &o, &LgmresOptions { inner_m: 0, ..d }),
    ];
    for (k, r) in cases.into_iter().enumerate() {
        assert!(r.is_err(), "case {k}");
    }
    let g = GcrotmkOptions::default();
    let gcases = [
        gcrotmk(&CsrMatrix::<f64>::zeros((2, 3)), &array![1.0, 2.0], &o, &g),
        gcrotmk(&a, &array![1.0, 2.0], &o, &g),
        gcrotmk(&a, &array![1.0, f64::INFINITY, 2.0], &o, &g),
        gcrotmk(&a, &array![1.0, 1.0, 2.0], &IterOptions { x0: Some(&x0), ..o }, &g),
        gcrotmk(&a, &array![1.0, 1.0, 2.0], &o, &GcrotmkOptions { m: 0, ..g }),
    ];
    for (k, r) in gcases.into_iter().enumerate() {
        assert!(r.is_err(), "gcrotmk case {k}");
    }
}
