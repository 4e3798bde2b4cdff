//! SciPy parity for LU, Cholesky and linear systems (fixtures from tools/fixtures/linalg_solve.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, ShapeBuilder, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_solve.json")).unwrap()
}

fn m(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

fn v(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

// Backward-stable LU/Cholesky results agree with LAPACK's to a few ulps times the condition
// number; the random matrices here have condition numbers up to ~1e3, hence rtol 1e-10 with an
// absolute floor for entries that are zero up to rounding.
const RTOL: f64 = 1e-10;
const ATOL: f64 = 1e-12;

#[test]
fn det_slogdet_inv_match_scipy() {
    let f = fx();
    for n in [0, 1, 3, 50] {
        let a = m(&f, &format!("det_{n}/a"));
        let d = det(&a).unwrap();
        let want = f.f64(&format!("det_{n}/det"));
        assert!((d - want).abs() <= RTOL * want.abs(), "det n={n}: {d} vs {want}");
        let (sign, logdet) = slogdet(&a).unwrap();
        assert_eq!(sign, f.f64(&format!("slogdet_{n}/sign")));
        assert!((logdet - f.f64(&format!("slogdet_{n}/logdet"))).abs() <= 1e-10 * (1.0 + logdet.abs()));
        assert_allclose(&inv(&a).unwrap(), &m(&f, &format!("inv_{n}/inv")), RTOL, ATOL);
    }
    let a = m(&f, "det_tutorial/a");
    assert!((det(&a).unwrap() - -2.0).abs() < 1e-15);
    let (sign, logdet) = slogdet(&m(&f, "slogdet_singular/a")).unwrap();
    assert_eq!((sign, logdet), (0.0, f64::NEG_INFINITY));
    let (sign, logdet) = slogdet(&m(&f, "slogdet_100/a")).unwrap();
    assert_eq!(sign, f.f64("slogdet_100/sign"));
    assert!((logdet - f.f64("slogdet_100/logdet")).abs() < 1e-10 * logdet.abs());
}

#[test]
fn det_of_empty_is_one_and_singular_is_zero() {
    assert_eq!(det(&Array2::<f64>::zeros((0, 0))).unwrap(), 1.0);
    let d: f64 = det(&array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]).unwrap();
    assert!(d.abs() < 1e-12);
    assert_eq!(det(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap(), 0.0);
    assert_eq!(inv(&Array2::<f64>::zeros((0, 0))).unwrap().dim(), (0, 0));
}

#[test]
fn solve_general_matches_scipy() {
    let f = fx();
    let x = solve(&m(&f, "solve_tutorial1/a"), &v(&f, "solve_tutorial1/b")).unwrap();
    assert_allclose(&x, &v(&f, "solve_tutorial1/x"), 1e-13, 0.0);
    let x = solve(&m(&f, "solve_tutorial2/a"), &v(&f, "solve_tutorial2/b")).unwrap();
    assert_allclose(&x, &array![4.0, 5.0], 1e-13, 0.0);
    for key in ["solve_1_None", "solve_3_None", "solve_3_2", "solve_50_4"] {
        let a = m(&f, &format!("{key}/a"));
        let b = f.array_f64(&format!("{key}/b"));
        let x = solve(&a, &b).unwrap();
        assert_allclose(&x, &f.array_f64(&format!("{key}/x")), RTOL, ATOL);
        let opts = SolveOptions { transposed: true, ..Default::default() };
        let xt = solve_with(&a, &b, opts).unwrap();
        assert_allclose(&xt, &f.array_f64(&format!("{key}/xt")), RTOL, ATOL);
    }
}

#[test]
fn solve_structured_matches_scipy() {
    let f = fx();
    for n in [3, 20] {
        let b = m(&f, &format!("solve_sym_{n}/b"));
        for (assume_a, name) in [(AssumeA::Symmetric, "sym"), (AssumeA::PositiveDefinite, "pos")] {
            let want = m(&f, &format!("solve_{name}_{n}/x"));
            for lower in [false, true] {
                let key = format!("solve_{name}_{n}/a_{}", if lower { "lower" } else { "upper" });
                let opts = SolveOptions { assume_a, lower, transposed: false, ..Default::default() };
                assert_allclose(&solve_with(&m(&f, &key), &b, opts).unwrap(), &want, RTOL, ATOL);
            }
        }
        let opts = SolveOptions { assume_a: AssumeA::Diagonal, ..Default::default() };
        let x = solve_with(&m(&f, &format!("solve_diag_{n}/a")), &b, opts).unwrap();
        assert_allclose(&x, &m(&f, &format!("solve_diag_{n}/x")), 1e-15, 0.0);
    }
}

#[test]
fn solve_tridiagonal_matches_scipy() {
    let f = fx();
    for n in [1, 2, 5, 40] {
        let key = format!("solve_tridiag_{n}");
        let (a, b) = (m(&f, &format!("{key}/a")), m(&f, &format!("{key}/b")));
        for (transposed, want) in [(false, "x"), (true, "xt")] {
            let opts = SolveOptions { assume_a: AssumeA::Tridiagonal, transposed, ..Default::default() };
            // Same gtsv elimination order as LAPACK: agreement to rounding.
            assert_allclose(&solve_with(&a, &b, opts).unwrap(), &m(&f, &format!("{key}/{want}")), RTOL, ATOL);
        }
    }
    let opts = SolveOptions { assume_a: AssumeA::Tridiagonal, ..Default::default() };
    let sing = array![[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    assert!(matches!(
        solve_with(&sing, &array![1.0, 1.0, 1.0], opts).unwrap_err(),
        LinalgError::Singular { .. }
    ));
    assert_eq!(solve_with(&Array2::<f64>::zeros((0, 0)), &Array1::<f64>::zeros(0), opts).unwrap().len(), 0);
}

#[test]
fn solve_assume_triangular_agrees_with_solve_triangular() {
    let f = fx();
    let a = m(&f, "solve_triangular_4/a");
    let b = m(&f, "solve_triangular_4/b");
    let up = SolveOptions { assume_a: AssumeA::UpperTriangular, ..Default::default() };
    assert_allclose(&solve_with(&a, &b, up).unwrap(), &m(&f, "solve_triangular_4/x_000"), RTOL, ATOL);
    let lo = SolveOptions {
        assume_a: AssumeA::LowerTriangular,
        transposed: true,
        lower: false,
        ..Default::default()
    };
    assert_allclose(&solve_with(&a, &b, lo).unwrap(), &m(&f, "solve_triangular_4/x_110"), RTOL, ATOL);
}

#[test]
fn solve_triangular_matches_scipy() {
    let f = fx();
    for n in [1, 4, 30] {
        let a = m(&f, &format!("solve_triangular_{n}/a"));
        let b = m(&f, &format!("solve_triangular_{n}/b"));
        for lower in [false, true] {
            for trans in [false, true] {
                for unit_diagonal in [false, true] {
                    let key = format!(
                        "solve_triangular_{n}/x_{}{}{}",
                        lower as u8, trans as u8, unit_diagonal as u8
                    );
                    let opts = TriangularOptions { lower, trans, unit_diagonal, conjugate: false };
                    let x = solve_triangular(&a, &b, opts).unwrap();
                    assert_allclose(&x, &m(&f, &key), RTOL, ATOL);
                    // 1-d right-hand side gives the first column
                    let x1 = solve_triangular(&a, &b.column(0), opts).unwrap();
                    assert_allclose(&x1, &m(&f, &key).column(0).to_owned(), RTOL, ATOL);
                }
            }
        }
    }
}

#[test]
fn lu_matches_scipy() {
    let f = fx();
    for key in ["lu_1x1", "lu_3x3", "lu_5x3", "lu_3x5", "lu_50x50"] {
        let a = m(&f, &format!("{key}/a"));
        let fac = lu_factor(&a).unwrap();
        assert_allclose(&fac.lu, &m(&f, &format!("{key}/lu")), RTOL, ATOL);
        let piv: Vec<usize> = f.array_i64(&format!("{key}/piv")).iter().map(|&p| p as usize).collect();
        assert_eq!(fac.piv.to_vec(), piv, "{key}");
        let (p, l, u) = lu(&a).unwrap();
        assert_eq!(p, m(&f, &format!("{key}/p")), "{key}");
        assert_allclose(&l, &m(&f, &format!("{key}/l")), RTOL, ATOL);
        assert_allclose(&u, &m(&f, &format!("{key}/u")), RTOL, ATOL);
        assert_allclose(&p.dot(&l).dot(&u), &a, 1e-13, 1e-13);
        if a.is_square() {
            let b = m(&f, &format!("{key}/b"));
            assert_allclose(&lu_solve(&fac, &b, Trans::N).unwrap(), &m(&f, &format!("{key}/x")), RTOL, ATOL);
            assert_allclose(&lu_solve(&fac, &b, Trans::T).unwrap(), &m(&f, &format!("{key}/xt")), RTOL, ATOL);
        }
    }
}

#[test]
fn cholesky_matches_scipy() {
    let f = fx();
    for n in [1, 3, 50] {
        let a = m(&f, &format!("cholesky_{n}/a"));
        assert_allclose(&cholesky(&a, false).unwrap(), &m(&f, &format!("cholesky_{n}/upper")), RTOL, ATOL);
        assert_allclose(&cholesky(&a, true).unwrap(), &m(&f, &format!("cholesky_{n}/lower")), RTOL, ATOL);
        for lower in [true, false] {
            let fac = cho_factor(&a, lower).unwrap();
            let want = m(&f, &format!("cholesky_{n}/c_{}", if lower { "lower" } else { "upper" }));
            // Only the factor's triangle is defined (SciPy: "random data" elsewhere).
            let tri = |x: &Array2<f64>| {
                Array2::from_shape_fn(
                    x.dim(),
                    |(i, j)| if (i >= j) == lower || i == j { x[[i, j]] } else { 0.0 },
                )
            };
            assert_allclose(&tri(&fac.c), &tri(&want), RTOL, ATOL);
            let x = cho_solve(&fac, &v(&f, &format!("cholesky_{n}/b"))).unwrap();
            assert_allclose(&x, &v(&f, &format!("cholesky_{n}/x")), RTOL, ATOL);
        }
    }
}

/// Only the chosen triangle is read, whatever the layout (a row-major `a` with `lower =
/// false` is factored from a memcpy that also holds the other triangle).
#[test]
fn cholesky_reads_one_triangle_in_any_layout() {
    let f = fx();
    let a = m(&f, "cholesky_50/a");
    for lower in [false, true] {
        let want = cholesky(&a, lower).unwrap();
        // Garbage in the triangle that is not read.
        let junk = Array2::from_shape_fn(
            a.dim(),
            |(i, j)| if (i > j) == lower || i == j { a[[i, j]] } else { -7e5 },
        );
        let mut fortran = Array2::zeros(a.dim().f());
        fortran.assign(&junk);
        for x in [junk.clone(), fortran] {
            assert_eq!(cholesky(&x, lower).unwrap(), want);
        }
    }
}

#[test]
fn non_contiguous_and_f32_inputs() {
    let f = fx();
    let a = m(&f, "solve_50_4/a");
    let b = m(&f, "solve_50_4/b");
    // a reversed, strided view of a bigger array holding `a`
    let mut big = Array2::<f64>::zeros((100, 100));
    big.slice_mut(s![..;2, ..;-2]).assign(&a);
    let view = big.slice(s![..;2, ..;-2]);
    assert_allclose(&solve(&view, &b).unwrap(), &m(&f, "solve_50_4/x"), RTOL, ATOL);
    assert_allclose(&solve(&a.t(), &b).unwrap(), &m(&f, "solve_50_4/xt"), RTOL, ATOL);
    let d = det(&view).unwrap();
    assert!((d - det(&a).unwrap()).abs() <= 1e-12 * d.abs());
    // f32: single precision, so single-precision tolerance
    let a32 = m(&f, "solve_tutorial1/a").mapv(|x| x as f32);
    let x32 = solve(&a32, &array![12.0f32, -2.0, 10.0]).unwrap();
    assert_allclose(&x32, &array![1.75f32, 1.75, 0.75], 1e-5, 0.0);
    assert!((det(&array![[1.0f32, 2.0], [3.0, 4.0]]).unwrap() + 2.0).abs() < 1e-6);
}

#[test]
fn bad_input_is_an_error() {
    let sq = array![[1.0, 2.0], [3.0, 4.0]];
    let rect = Array2::<f64>::zeros((2, 3));
    let nan = array![[1.0, f64::NAN], [3.0, 4.0]];
    let singular = array![[1.0, 2.0], [2.0, 4.0]];
    let not_square = |e| matches!(e, LinalgError::NotSquare { arg: "a", .. });
    assert!(not_square(det(&rect).unwrap_err()));
    assert!(not_square(inv(&rect).unwrap_err()));
    assert!(not_square(slogdet(&rect).unwrap_err()));
    assert!(not_square(solve(&rect, &array![1.0, 2.0]).unwrap_err()));
    assert!(not_square(cholesky(&rect, false).unwrap_err()));
    assert_eq!(det(&nan).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert_eq!(inv(&nan).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert_eq!(lu(&nan).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    assert_eq!(solve(&sq, &array![1.0, f64::INFINITY]).unwrap_err(), LinalgError::NonFinite { arg: "b" });
    assert_eq!(slogdet(&nan).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    // `a` is checked before `b`, as SciPy validates its arguments in order (also a row-major
    // `a`, and a transposed view, which the general solver copies differently)
    for a in [nan.view(), nan.t()] {
        assert_eq!(solve(&a, &array![1.0, 2.0]).unwrap_err(), LinalgError::NonFinite { arg: "a" });
        assert_eq!(solve(&a, &array![1.0, f64::NAN]).unwrap_err(), LinalgError::NonFinite { arg: "a" });
        assert_eq!(solve(&a, &array![1.0, 2.0, 3.0]).unwrap_err(), LinalgError::NonFinite { arg: "a" });
    }
    // inv detects a symmetric matrix: Cholesky fails, then Bunch–Kaufman of the upper
    // triangle, whose zero pivot is LAPACK dsytrf('U')'s info = 1; solve's LU: getrf info = 2
    assert_eq!(inv(&singular).unwrap_err(), LinalgError::Singular { pivot: 0 });
    assert_eq!(solve(&singular, &array![1.0, 2.0]).unwrap_err(), LinalgError::Singular { pivot: 1 });
    assert!(matches!(
        solve(&sq, &array![1.0, 2.0, 3.0]).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    assert!(matches!(
        solve(&sq, &Array2::<f64>::zeros((3, 1))).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    assert!(matches!(
        solve(&sq, &sci_array::ndarray::Array3::<f64>::zeros((2, 1, 1))).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "b", .. }
    ));
    let tri = TriangularOptions::default();
    assert_eq!(
        solve_triangular(&array![[1.0, 2.0], [0.0, 0.0]], &array![1.0, 1.0], tri).unwrap_err(),
        LinalgError::Singular { pivot: 1 }
    );
    let e = cholesky(&array![[1.0, 2.0], [2.0, 1.0]], false).unwrap_err();
    assert_eq!(e, LinalgError::NotPositiveDefinite { index: 1 });
    assert_eq!(e.to_string(), "2-th leading minor of the array is not positive definite");
    let diag = SolveOptions { assume_a: AssumeA::Diagonal, ..Default::default() };
    assert_eq!(
        solve_with(&array![[1.0, 0.0], [0.0, 0.0]], &array![1.0, 1.0], diag).unwrap_err(),
        LinalgError::Singular { pivot: 1 }
    );
    let fac = lu_factor(&sq).unwrap();
    assert!(matches!(lu_solve(&fac, &array![1.0], Trans::N).unwrap_err(), LinalgError::ShapeMismatch { .. }));
    let bad = LuFactor { lu: sq.clone(), piv: array![0, 5] };
    assert!(matches!(
        lu_solve(&bad, &array![1.0, 1.0], Trans::N).unwrap_err(),
        LinalgError::ShapeMismatch { arg: "piv", .. }
    ));
}
