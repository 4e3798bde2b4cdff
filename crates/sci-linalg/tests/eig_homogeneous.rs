//! `eig_with(homogeneous_eigvals: true)` against SciPy (fixtures from
//! tools/fixtures/linalg_eig_homogeneous.py): the (2, n) homogeneous eigenvalues of standard and
//! generalized problems, real and complex, with infinite eigenvalues (beta = 0). A pair is
//! unique only up to a positive factor, so the finite ratios are compared as sets and the
//! number of zero betas exactly.

use sci_array::ndarray::{Array1, Array2, Ix2};
use sci_array::num_complex::Complex64 as C;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod common;
use common::assert_same_set;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_eig_homogeneous.json")).unwrap()
}

fn cm(f: &Fixture, p: &str) -> Array2<C> {
    let a = if f.str(&format!("{p}/dtype")).starts_with("complex") {
        f.array_c64(p)
    } else {
        f.array_f64(p).mapv(|x| C::new(x, 0.0))
    };
    a.into_dimensionality::<Ix2>().unwrap()
}

fn is_real(f: &Fixture, p: &str) -> bool {
    !f.str(&format!("{p}/dtype")).starts_with("complex")
}

/// The finite ratios alpha / beta and the number of (numerically) zero betas.
fn split(h: &Array2<C>) -> (Array1<C>, usize) {
    let scale = h.iter().fold(0.0f64, |m, z| m.max(z.norm()));
    let zero = |b: C| b.norm() <= 1e-13 * scale;
    let finite: Array1<C> =
        (0..h.ncols()).filter(|&i| !zero(h[[1, i]])).map(|i| h[[0, i]] / h[[1, i]]).collect();
    (finite, (0..h.ncols()).filter(|&i| zero(h[[1, i]])).count())
}

fn run(f: &Fixture, key: &str) -> Eig<f64> {
    let p = |k: &str| format!("{key}/{k}");
    let left = f.i64(&p("left")) != 0;
    let has_b = f.get(key).get("b").is_some();
    if is_real(f, &p("a")) {
        let a = f.array_f64(&p("a")).into_dimensionality::<Ix2>().unwrap();
        let b = has_b.then(|| f.array_f64(&p("b")).into_dimensionality::<Ix2>().unwrap());
        let o = EigOptions { b: b.as_ref().map(|b| b.view()), left, right: false, homogeneous_eigvals: true };
        eig_with(&a, &o).unwrap()
    } else {
        let a = cm(f, &p("a"));
        let b = has_b.then(|| cm(f, &p("b")));
        let o = EigOptions { b: b.as_ref().map(|b| b.view()), left, right: false, homogeneous_eigvals: true };
        eig_with(&a, &o).unwrap()
    }
}

#[test]
fn standard_problem_is_eigenvalues_over_ones() {
    let f = fx();
    for key in ["std_real", "std_complex", "std_left"] {
        let e = run(&f, key);
        let h = e.homogeneous.unwrap();
        let want = cm(&f, &format!("{key}/h"));
        assert_eq!(h.dim(), want.dim(), "{key}");
        assert!(h.row(1).iter().all(|&z| z == C::new(1.0, 0.0)), "{key}");
        assert_eq!(h.row(0), e.w);
        assert_same_set(&h.row(0).to_owned(), &want.row(0).to_owned(), 1e-12);
    }
}

#[test]
fn generalized_pairs_match_scipy() {
    let f = fx();
    for key in ["gen_real", "gen_complex", "gen_singular_b", "gen_1x1"] {
        let e = run(&f, key);
        let h = e.homogeneous.unwrap();
        let want = cm(&f, &format!("{key}/h"));
        assert_eq!(h.dim(), want.dim(), "{key}");
        // beta real and non-negative, as LAPACK's
        assert!(h.row(1).iter().all(|z| z.im == 0.0 && z.re >= 0.0), "{key}: {h}");
        let (ours, our_inf) = split(&h);
        let (theirs, their_inf) = split(&want);
        assert_eq!(our_inf, their_inf, "{key}: infinite eigenvalues");
        assert_same_set(&ours, &theirs, 1e-10);
        // w is the ratio of the pair
        for i in 0..h.ncols() {
            if h[[1, i]].norm() > 0.0 {
                assert!((e.w[i] - h[[0, i]] / h[[1, i]]).norm() <= 1e-12 * (1.0 + e.w[i].norm()), "{key}");
            }
        }
    }
}

#[test]
fn off_by_default_and_empty() {
    let a = Array2::<f64>::eye(2);
    assert!(eig_with(&a, &EigOptions::default()).unwrap().homogeneous.is_none());
    let e = Array2::<f64>::zeros((0, 0));
    let o = EigOptions { b: Some(e.view()), homogeneous_eigvals: true, ..Default::default() };
    assert_eq!(eig_with(&e, &o).unwrap().homogeneous.unwrap().dim(), (2, 0));
}

#[test]
fn bad_input_table() {
    let a = Array2::<f64>::eye(2);
    let rect = Array2::<f64>::zeros((2, 3));
    let b3 = Array2::<f64>::eye(3);
    let mut nan = Array2::<f64>::eye(2);
    nan[[0, 1]] = f64::NAN;
    fn h<'a>(b: Option<&'a Array2<f64>>) -> EigOptions<'a, f64> {
        EigOptions { b: b.map(|b| b.view()), homogeneous_eigvals: true, ..Default::default() }
    }
    let cases: Vec<(&str, LinalgError, LinalgError)> = vec![
        (
            "a not square",
            eig_with(&rect, &h(None)).unwrap_err(),
            LinalgError::NotSquare { arg: "a", shape: vec![2, 3] },
        ),
        (
            "b not square",
            eig_with(&a, &h(Some(&rect))).unwrap_err(),
            LinalgError::NotSquare { arg: "b", shape: vec![2, 3] },
        ),
        (
            "b wrong size",
            eig_with(&a, &h(Some(&b3))).unwrap_err(),
            LinalgError::ShapeMismatch {
                arg: "b",
                expected: "(2, 2), the shape of `a`".into(),
                found: vec![3, 3],
            },
        ),
        ("NaN in b", eig_with(&a, &h(Some(&nan))).unwrap_err(), LinalgError::NonFinite { arg: "b" }),
        ("NaN in a", eig_with(&nan, &h(None)).unwrap_err(), LinalgError::NonFinite { arg: "a" }),
    ];
    for (name, got, want) in cases {
        assert_eq!(got, want, "{name}");
    }
}
