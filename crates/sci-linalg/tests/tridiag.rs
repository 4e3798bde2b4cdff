//! SciPy parity for eigh_tridiagonal / eigvalsh_tridiagonal with tol= and lapack_driver=
//! (fixtures from tools/fixtures/linalg_tridiag.py): eigenvalues against SciPy's, eigenvectors by
//! residual and orthogonality (their signs and, within clusters, their basis are not unique).

use sci_array::ndarray::{Array1, Array2, Ix1, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

mod signs;
use signs::fix_signs;

const CASES: [&str; 27] = [
    "rand_all",
    "rand_stebz",
    "rand_sterf",
    "rand_tol",
    "rand_idx",
    "rand_val",
    "rand_val_stebz",
    "wilkinson",
    "laplace",
    "split",
    "zeros",
    "scaled_big",
    "scaled_small",
    "two",
    "one_idx",
    "val_empty",
    "f32",
    "dc_rand",
    "dc_one",
    "dc_two",
    "dc_f32",
    "dc_glued",
    "dc_equal_tiny",
    "dc_split",
    "dc_repeated",
    "dc_laplace",
    "dc_graded",
];

/// Cases whose fixture holds SciPy's eigenvectors too (`stevd`; distinct eigenvalues, so the
/// vectors are unique up to sign).
const WITH_VECTORS: [&str; 4] = ["dc_rand", "dc_one", "dc_two", "dc_f32"];

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_tridiag.json")).unwrap()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn options(f: &Fixture, key: &str) -> TridiagonalOptions<f64> {
    let p = |k: &str| format!("{key}/{k}");
    let select = match f.str(&p("sel")) {
        "i" => {
            let r = v1(f, &p("range"));
            EigSelect::Index(r[0] as usize, r[1] as usize)
        }
        "v" => {
            let r = v1(f, &p("range"));
            EigSelect::Value(r[0], r[1])
        }
        _ => EigSelect::All,
    };
    let lapack_driver = match f.str(&p("driver")) {
        "stebz" => TridiagonalDriver::Stebz,
        "sterf" => TridiagonalDriver::Sterf,
        _ => TridiagonalDriver::Auto,
    };
    TridiagonalOptions { select, tol: v1(f, &p("tol"))[0], lapack_driver }
}

/// `max |T v - v diag(w)|` and `max |VᵀV - I|`.
fn residual_and_orthogonality(
    d: &Array1<f64>,
    e: &Array1<f64>,
    w: &Array1<f64>,
    v: &Array2<f64>,
) -> (f64, f64) {
    let n = d.len();
    let mut t = Array2::<f64>::zeros((n, n));
    for i in 0..n {
        t[[i, i]] = d[i];
        if i + 1 < n {
            t[[i, i + 1]] = e[i];
            t[[i + 1, i]] = e[i];
        }
    }
    let r = t.dot(v) - v * w;
    let o = v.t().dot(v) - Array2::<f64>::eye(w.len());
    let max = |a: Array2<f64>| a.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    (max(r), max(o))
}

#[test]
fn eigenvalues_match_scipy_and_vectors_are_eigenvectors() {
    let f = fx();
    for key in CASES {
        let p = |k: &str| format!("{key}/{k}");
        let (d, e, want) = (v1(&f, &p("d")), v1(&f, &p("e")), v1(&f, &p("w")));
        let opts = options(&f, key);
        let scale = d.iter().chain(e.iter()).fold(0.0f64, |m, x| m.max(x.abs())).max(f64::MIN_POSITIVE);
        if key.ends_with("f32") {
            let (d32, e32) = (d.mapv(|x| x as f32), e.mapv(|x| x as f32));
            let w = eigvalsh_tridiagonal(&d32, &e32, EigSelect::All).unwrap();
            // SciPy works in f32 (sstevd); sci in f64 and rounds: a few f32 eps apart.
            assert_allclose(&w.mapv(f64::from), &want, 1e-5, 1e-5);
            let (w, v) = eigh_tridiagonal(&d32, &e32, EigSelect::All).unwrap();
            let (r, o) = residual_and_orthogonality(&d, &e, &w.mapv(f64::from), &v.mapv(f64::from));
            assert!(r < 1e-5 && o < 1e-5, "{key}: residual {r:e}, orthogonality {o:e}");
            continue;
        }
        // Eigenvalues to 1e-12 relative; near zero, to a few eps of the matrix's scale (the
        // absolute accuracy of both methods), or to SciPy's tol when it is given.
        let atol = 64.0 * f64::EPSILON * scale + 2.0 * opts.tol;
        let w = eigvalsh_tridiagonal_with(&d, &e, &opts).expect(key);
        assert_allclose(&w, &want, 1e-12, atol);
        if opts.lapack_driver == TridiagonalDriver::Sterf {
            continue;
        }
        let (wv, v) = eigh_tridiagonal_with(&d, &e, &opts).expect(key);
        // With vectors, 'auto' is divide and conquer (SciPy: stevd), without them QL (sterf):
        // both to SciPy's values, not bitwise to each other.
        assert_allclose(&wv, &want, 1e-12, atol);
        assert_eq!(v.dim(), (d.len(), w.len()), "{key}");
        let (r, o) = residual_and_orthogonality(&d, &e, &wv, &v);
        // Residual: a few eps of ‖T‖ (plus the bisection width tol); orthogonality: divide and
        // conquer and inverse iteration (eigenvalues more than 1e-4·‖T‖ apart, Gram-Schmidt
        // within) both reach a few eps.
        assert!(r <= 64.0 * f64::EPSILON * scale + 4.0 * opts.tol, "{key}: residual {r:e}");
        assert!(o <= if opts.tol > 0.0 { 1e-5 } else { 1e-13 }, "{key}: orthogonality {o:e}");
    }
}

#[test]
fn eigenvectors_match_scipy_up_to_sign() {
    let f = fx();
    for key in WITH_VECTORS {
        let p = |k: &str| format!("{key}/{k}");
        let (d, e) = (v1(&f, &p("d")), v1(&f, &p("e")));
        let want_v = fix_signs(f.array_f64(&p("v")).into_dimensionality().unwrap());
        if key.ends_with("f32") {
            let (w, v) =
                eigh_tridiagonal(&d.mapv(|x| x as f32), &e.mapv(|x| x as f32), EigSelect::All).unwrap();
            // SciPy's sstevd works in f32, sci in f64 rounded to f32: SciPy's vectors are
            // accurate to ε₃₂‖T‖/gap ≈ 6e-8 · 4 / 2.9e-4 ≈ 8e-4 (smallest gap of dc_f32).
            assert_allclose(&w.mapv(f64::from), &v1(&f, &p("w_v")), 1e-5, 1e-5);
            assert_allclose(&fix_signs(v.mapv(f64::from)), &want_v, 0.0, 1e-3);
            continue;
        }
        let (w, v) = eigh_tridiagonal(&d, &e, EigSelect::All).unwrap();
        assert_allclose(&w, &v1(&f, &p("w_v")), 1e-13, 1e-14);
        // Both are accurate to about ε‖T‖ / gap (the smallest gap of dc_rand is ~1e-3).
        assert_allclose(&fix_signs(v), &want_v, 0.0, 1e-11);
    }
}

#[test]
fn non_contiguous_views() {
    let f = fx();
    let (d, e, want) = (v1(&f, "rand_all/d"), v1(&f, "rand_all/e"), v1(&f, "rand_all/w"));
    let (dd, ee) = (
        Array1::from_iter(d.iter().flat_map(|&x| [x, f64::NAN])),
        Array1::from_iter(e.iter().rev().copied()),
    );
    let (dv, ev) = (dd.slice(s![..;2]), ee.slice(s![..;-1]));
    let (w, v) = eigh_tridiagonal(&dv, &ev, EigSelect::All).unwrap();
    assert_allclose(&w, &want, 1e-12, 1e-13);
    let (w2, v2) = eigh_tridiagonal(&d, &e, EigSelect::All).unwrap();
    assert_allclose(&w, &w2, 0.0, 0.0);
    assert_allclose(&v, &v2, 0.0, 0.0);
}

#[test]
fn bad_driver_is_an_error() {
    let (d, e) = (array![1.0, 2.0, 3.0], array![1.0, 1.0]);
    let sterf = TridiagonalOptions { lapack_driver: TridiagonalDriver::Sterf, ..Default::default() };
    let sterf_sub = TridiagonalOptions { select: EigSelect::Index(0, 1), ..sterf };
    let bad = |r: Result<Array1<f64>, LinalgError>, arg: &str| matches!(r.unwrap_err(), LinalgError::Array(sci_array::ArrayError::InvalidValue { arg: x, .. }) if x == arg);
    let table: [(Result<Array1<f64>, LinalgError>, &str); 5] = [
        (eigh_tridiagonal_with(&d, &e, &sterf).map(|x| x.0), "lapack_driver"),
        (eigvalsh_tridiagonal_with(&d, &e, &sterf_sub), "lapack_driver"),
        (
            eigvalsh_tridiagonal_with(
                &d,
                &e,
                &TridiagonalOptions { select: EigSelect::Index(1, 3), ..Default::default() },
            ),
            "select_range",
        ),
        (
            eigvalsh_tridiagonal_with(
                &d,
                &e,
                &TridiagonalOptions { select: EigSelect::Value(2.0, 1.0), ..Default::default() },
            ),
            "select_range",
        ),
        (
            eigvalsh_tridiagonal_with(
                &d,
                &e,
                &TridiagonalOptions { select: EigSelect::Value(f64::NAN, 1.0), ..Default::default() },
            ),
            "select_range",
        ),
    ];
    for (i, (r, arg)) in table.into_iter().enumerate() {
        assert!(bad(r, arg), "row {i}");
    }
    assert!(matches!(
        eigvalsh_tridiagonal_with(&array![1.0], &array![1.0], &sterf).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "e", .. }
    ));
    assert_eq!(
        eigvalsh_tridiagonal_with(&array![1.0, f64::INFINITY], &array![1.0], &sterf).unwrap_err(),
        LinalgError::NonFinite { arg: "d" }
    );
}
