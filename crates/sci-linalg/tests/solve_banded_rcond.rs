//! SciPy parity for `solve_report` with `AssumeA::Banded`: the solution, gbcon's reciprocal
//! condition number estimate, SciPy 1.17's `LinAlgWarning` text and its `LinAlgError` for a
//! singular band (fixtures from tools/fixtures/linalg_solve_banded_rcond.py).

use sci_array::ndarray::{Array2, ArrayD, Ix2, ShapeBuilder, array};
use sci_array::num_complex::{Complex32, Complex64};
use sci_array::testing::CloseElement;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_solve_banded_rcond.json"))
        .unwrap()
}

/// Cases whose estimate is made of rounding errors: the second difference matrix shifted by its
/// (rounded) smallest eigenvalue is singular up to cancellation, so each LU pivot and solve is
/// κ·eps ≈ 1 wrong in relative terms, and a different (equally valid) rounding of the same
/// operations gives a different estimate. Our LU does LAPACK's operations in LAPACK's order,
/// but OpenBLAS's kernels under SciPy (fused multiply-adds, their own summation order) round
/// differently; only the order of magnitude and the warning can be compared (here 1.026e-17
/// against SciPy's 9.34e-18).
const NOISE: [&str; 1] = ["shifted_laplacian_40"];

fn banded(transposed: bool, action: WarningAction) -> SolveOptions {
    SolveOptions { assume_a: AssumeA::Banded, transposed, ill_conditioned: action, ..Default::default() }
}

/// One fixture case for element type `T`; `rtol` is the agreement of well-conditioned rconds
/// and solutions with SciPy's.
fn check<T: LinalgScalar + CloseElement>(
    f: &Fixture,
    name: &str,
    a: Array2<T>,
    b: ArrayD<T>,
    x: Option<ArrayD<T>>,
    rtol: f64,
) {
    let transposed = f.get(&format!("{name}/transposed")).as_bool().unwrap();
    let mut af = Array2::zeros(a.dim().f());
    af.assign(&a);
    let error = f.str(&format!("{name}/error"));
    for (layout, a) in [("C", &a), ("F", &af)] {
        let o = banded(transposed, WarningAction::Ignore);
        let strict = banded(transposed, WarningAction::Error);
        if !error.is_empty() {
            assert_eq!(error, "Matrix is singular.");
            for e in [
                solve_report(a, &b, o).unwrap_err(),
                solve_report(a, &b, strict).unwrap_err(),
                solve_with(a, &b, o).unwrap_err(),
            ] {
                let want = if name == "singular_overflow" {
                    matches!(e, LinalgError::SingularEstimate)
                } else {
                    matches!(e, LinalgError::Singular { .. })
                };
                assert!(want, "{name} {layout}: {e:?}");
            }
            continue;
        }
        let want = f.f64(&format!("{name}/rcond"));
        let warns = f.get(&format!("{name}/warns")).as_bool().unwrap();
        let r = solve_report(a, &b, o).unwrap_or_else(|e| panic!("{name} {layout}: {e}"));
        let rcond = r.rcond.unwrap_or_else(|| panic!("{name}: no estimate"));
        assert_eq!(r.warning.is_some(), warns, "{name} {layout}: rcond {rcond} vs SciPy's {want}");
        if NOISE.contains(&name) {
            assert!(rcond / want > 0.5 && rcond / want < 2.0, "{name} {layout}: {rcond} vs {want}");
        } else {
            assert!((rcond - want).abs() <= rtol * want, "{name} {layout}: rcond {rcond} vs {want}");
            assert_allclose(&r.x, x.as_ref().expect("solution"), rtol * 1e2, 0.0);
        }
        // solve_with gives the same solution, with either action when SciPy does not warn
        assert_eq!(solve_with(a, &b, o).unwrap(), r.x, "{name} {layout}");
        match (warns, solve_with(a, &b, strict)) {
            (false, Ok(x)) => assert_eq!(x, r.x, "{name} {layout}"),
            (true, Err(LinalgError::IllConditioned(w))) => {
                assert_eq!(Some(w), r.warning, "{name} {layout}");
                assert_eq!(w.rcond, rcond);
                if !NOISE.contains(&name) {
                    assert_eq!(w.to_string(), f.str(&format!("{name}/message")), "{name} {layout}");
                }
            }
            (_, other) => panic!("{name} {layout}: warns {warns}, strict solve gave {other:?}"),
        }
    }
}

fn m2<T: Clone>(a: ArrayD<T>) -> Array2<T> {
    a.into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn every_fixture_case_matches_scipy() {
    let f = fx();
    let mut count = [0usize; 4];
    for name in f.keys() {
        let dtype = f.str(&format!("{name}/a/dtype")).to_string();
        let pf = |k: &str| f.array_f64(&format!("{name}/{k}"));
        let pc = |k: &str| f.array_c64(&format!("{name}/{k}"));
        // SciPy's solution, absent where it raised
        let solved = f.str(&format!("{name}/error")).is_empty();
        let c = |z: Complex64| Complex32::new(z.re as f32, z.im as f32);
        match dtype.as_str() {
            "float64" => {
                check(&f, &name, m2(pf("a")), pf("b"), solved.then(|| pf("x")), 1e-12);
                count[0] += 1;
            }
            "float32" => {
                // f32 rounding of the LU: agreement to about κ · eps(f32)
                let f32s = |k: &str| pf(k).mapv(|v| v as f32);
                check(&f, &name, m2(f32s("a")), f32s("b"), solved.then(|| f32s("x")), 1e-4);
                count[1] += 1;
            }
            "complex128" => {
                check(&f, &name, m2(pc("a")), pc("b"), solved.then(|| pc("x")), 1e-12);
                count[2] += 1;
            }
            "complex64" => {
                let c32 = |k: &str| pc(k).mapv(c);
                check(&f, &name, m2(c32("a")), c32("b"), solved.then(|| c32("x")), 1e-4);
                count[3] += 1;
            }
            other => panic!("{name}: dtype {other}"),
        }
    }
    // every case was checked: 86 f64, 3 f32, 5 complex128, 1 complex64
    assert_eq!(count, [86, 3, 5, 1]);
}

#[test]
fn one_by_one_and_empty() {
    // SciPy runs gbsv and gbcon on a 1×1 too: rcond 1, and a zero is singular
    let o = banded(false, WarningAction::Ignore);
    let r = solve_report(&array![[-3.0]], &array![1.5], o).unwrap();
    assert_eq!((r.x[0], r.rcond, r.warning), (-0.5, Some(1.0), None));
    assert!(matches!(solve_report(&array![[0.0]], &array![1.0], o), Err(LinalgError::Singular { pivot: 0 })));
    // empty: nothing to estimate
    let r = solve_report(&Array2::<f64>::zeros((0, 0)), &Array2::<f64>::zeros((0, 2)), o).unwrap();
    assert_eq!((r.x.dim(), r.rcond, r.warning), ((0, 2), None, None));
    let r = solve_report(&array![[1.0, 2.0], [0.0, 1.0]], &Array2::<f64>::zeros((2, 0)), o).unwrap();
    assert_eq!((r.rcond, r.warning), (None, None));
}

#[test]
fn bad_input_is_an_error_not_a_warning() {
    type Case = (&'static str, Array2<f64>, fn(&LinalgError) -> bool);
    let cases: Vec<Case> = vec![
        ("zero pivot", array![[1.0, 2.0], [2.0, 4.0]], |e| matches!(e, LinalgError::Singular { pivot: 1 })),
        ("overflowing inverse", array![[1e-200, 1.0], [0.0, 1e-200]], |e| {
            matches!(e, LinalgError::SingularEstimate)
        }),
        ("nan", array![[1.0, f64::NAN], [0.0, 1.0]], |e| matches!(e, LinalgError::NonFinite { arg: "a" })),
        ("not square", Array2::zeros((2, 3)), |e| matches!(e, LinalgError::NotSquare { .. })),
    ];
    for (what, a, ok) in cases {
        for action in [WarningAction::Ignore, WarningAction::Error] {
            let e = solve_report(&a, &array![1.0, 1.0], banded(false, action)).unwrap_err();
            assert!(ok(&e), "{what}: {e:?}");
        }
    }
    let e = solve_report(
        &array![[1.0, 0.0], [0.0, 1.0]],
        &array![1.0, 1.0, 1.0],
        banded(false, WarningAction::Ignore),
    );
    assert!(matches!(e, Err(LinalgError::ShapeMismatch { arg: "b", .. })));
    assert_eq!(
        LinalgError::SingularEstimate.to_string(),
        "singular matrix: the reciprocal condition number estimate is 0"
    );
}
