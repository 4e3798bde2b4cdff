//! SciPy parity for `LinAlgWarning`: which systems `scipy.linalg.solve` warns about and the
//! reciprocal condition number it estimates, by `assume_a` (fixtures from
//! tools/fixtures/linalg_warning.py); the same for `inv` (`inv_report`).

use sci_array::ndarray::{Array2, ArrayD, Ix2, IxDyn, ShapeBuilder, array, s};
use sci_array::num_complex::Complex32;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linalg_warning.json")).unwrap()
}

fn flag(f: &Fixture, p: &str) -> bool {
    f.get(p).as_bool().unwrap_or_else(|| panic!("{p} is not a bool"))
}

fn assume(s: &str) -> AssumeA {
    match s {
        "gen" => AssumeA::General,
        "pos" => AssumeA::PositiveDefinite,
        "sym" => AssumeA::Symmetric,
        "her" => AssumeA::Hermitian,
        "diagonal" => AssumeA::Diagonal,
        "tridiagonal" => AssumeA::Tridiagonal,
        "upper triangular" => AssumeA::UpperTriangular,
        "lower triangular" => AssumeA::LowerTriangular,
        other => panic!("unknown assume_a {other}"),
    }
}

fn opts(f: &Fixture, name: &str) -> SolveOptions {
    SolveOptions {
        assume_a: assume(f.str(&format!("{name}/assume_a"))),
        lower: flag(f, &format!("{name}/lower")),
        transposed: flag(f, &format!("{name}/transposed")),
        ..Default::default()
    }
}

/// Checks one fixture case for element type `T`, with `a` as given (row-major) and as a
/// Fortran-order copy (the two LU paths of the default backend).
fn check<T: LinalgScalar + sci_array::testing::CloseElement>(
    f: &Fixture,
    name: &str,
    a: Array2<T>,
    b: ArrayD<T>,
    x_want: ArrayD<T>,
    rtol_x: f64,
) {
    let eps = if std::mem::size_of::<RealOf<T>>() == 4 { f64::from(f32::EPSILON) } else { f64::EPSILON };
    let o = opts(f, name);
    let want = f.f64(&format!("{name}/rcond"));
    let warns = flag(f, &format!("{name}/warns"));
    let mut af = Array2::zeros(a.dim().f());
    af.assign(&a);
    for (layout, a) in [("C", &a), ("F", &af)] {
        let r = solve_report(a, &b, o).unwrap_or_else(|e| panic!("{name} {layout}: {e}"));
        let rcond = r.rcond.unwrap_or_else(|| panic!("{name}: no estimate"));
        assert_eq!(r.warning.is_some(), warns, "{name} {layout}: rcond {rcond} vs SciPy's {want}");
        if warns {
            // Below eps the estimate is rounding noise in its leading digits (SciPy's own
            // differs between its LAPACK routes): same order of magnitude, and the warning.
            assert!(rcond / want > 0.3 && rcond / want < 3.0, "{name} {layout}: {rcond} vs {want}");
            let w = r.warning.unwrap();
            assert_eq!(w.rcond, rcond);
            let text = w.to_string();
            assert!(text.starts_with("An ill-conditioned matrix detected: slice 0 has rcond = "), "{text}");
            // The solution of an ill-conditioned system is not accurate (what the warning says),
            // so it is not compared with SciPy's; the strict action must refuse it.
            let strict = SolveOptions { ill_conditioned: WarningAction::Error, ..o };
            match solve_with(a, &b, strict) {
                Err(LinalgError::IllConditioned(e)) => assert_eq!(e, w, "{name}"),
                other => panic!("{name} {layout}: expected IllConditioned, got {other:?}"),
            }
            assert!(matches!(solve_report(a, &b, strict), Err(LinalgError::IllConditioned(_))));
            // the default action returns a solution
            assert_eq!(solve_with(a, &b, o).unwrap().shape(), b.shape());
        } else {
            // The solves inside the estimate agree with LAPACK's to about cond · eps.
            let rtol = 100.0 * eps / want;
            assert!((rcond - want).abs() <= rtol * want, "{name} {layout}: rcond {rcond} vs {want}");
            assert_allclose(&r.x, &x_want, rtol_x, 0.0);
            let strict = SolveOptions { ill_conditioned: WarningAction::Error, ..o };
            assert_allclose(&solve_with(a, &b, strict).unwrap(), &x_want, rtol_x, 0.0);
        }
    }
}

fn m2<T: Clone>(a: ArrayD<T>) -> Array2<T> {
    a.into_dimensionality::<Ix2>().unwrap()
}

#[test]
fn real_rcond_and_warnings_match_scipy() {
    let f = fx();
    let names = [
        "gen_6",
        "gen_6_t",
        "gen_50",
        "gen_tutorial",
        "gen_near_singular",
        "gen_hilbert",
        "gen_hilbert_8",
        "gen_vander",
        "pos_8_upper",
        "pos_8_lower",
        "pos_hilbert",
        "pos_hilbert_lower",
        "sym_7",
        "sym_7_lower",
        "sym_hilbert",
        "diag_well",
        "diag_ill",
        "diag_edge",
        "tri_8",
        "tri_8_t",
        "tri_pivoting",
        "tri_ill",
        "upper_9",
        "lower_9_t",
        "upper_ill",
    ];
    for name in names {
        let p = |k: &str| f.array_f64(&format!("{name}/{k}"));
        // rcond up to ~1e-11 (gen_hilbert_8, gen_vander): the solutions agree to cond · eps.
        check(&f, name, m2(p("a")), p("b"), p("x"), 1e-4);
    }
}

#[test]
fn f32_uses_its_own_epsilon() {
    let f = fx();
    for name in ["f32_gen", "f32_hilbert", "f32_pos_hilbert"] {
        let p = |k: &str| f.array_f64(&format!("{name}/{k}")).mapv(|v| v as f32);
        check(&f, name, m2(p("a")), p("b"), p("x"), 1e-4);
    }
    // f32 Hilbert 6×6 warns (rcond ≈ 3.6e-8 < 1.19e-7); the same matrix in f64 does not.
    let h = Array2::from_shape_fn((6, 6), |(i, j)| 1.0 / (i + j + 1) as f64);
    let r = solve_report(&h, &Array2::ones((6, 1)), SolveOptions::default()).unwrap();
    assert!(r.warning.is_none() && r.rcond.unwrap() < 1e-7);
}

#[test]
fn complex_rcond_and_warnings_match_scipy() {
    let f = fx();
    for name in ["c_gen_5", "c_pos_6", "c_her_6", "c_sym_6", "c_gen_ill", "c_tri_6", "c_lower_6"] {
        let p = |k: &str| f.array_c64(&format!("{name}/{k}"));
        check(&f, name, m2(p("a")), p("b"), p("x"), 1e-10);
    }
    // complex64: the f32 epsilon applies
    let a = array![
        [Complex32::new(1.0, 0.0), Complex32::new(0.0, 0.0)],
        [Complex32::new(0.0, 0.0), Complex32::new(1e-8, 1e-8)]
    ];
    let r = solve_report(
        &a,
        &array![Complex32::new(1.0, 0.0), Complex32::new(1.0, 0.0)],
        SolveOptions::default(),
    )
    .unwrap();
    assert!(r.warning.is_some());
}

#[test]
fn display_is_scipy_text() {
    let f = fx();
    // Where the estimate is exact (a 2×2 LU, a diagonal), the text is SciPy's to the digit;
    // SciPy 1.17 prints max|d|·max|1/d| for 'diagonal' (rcond holds its reciprocal).
    let r = solve_report(
        &m2(f.array_f64("gen_near_singular/a")),
        &f.array_f64("gen_near_singular/b"),
        SolveOptions::default(),
    )
    .unwrap();
    assert_eq!(r.warning.unwrap().to_string(), f.str("gen_near_singular/message"));
    let e = solve_with(
        &m2(f.array_f64("tri_ill/a")),
        &f.array_f64("tri_ill/b"),
        SolveOptions {
            assume_a: AssumeA::Tridiagonal,
            ill_conditioned: WarningAction::Error,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.to_string(), f.str("tri_ill/message"));
    let r = solve_report(
        &m2(f.array_f64("diag_ill/a")),
        &f.array_f64("diag_ill/b"),
        SolveOptions { assume_a: AssumeA::Diagonal, ..Default::default() },
    )
    .unwrap();
    let w = r.warning.unwrap();
    assert_eq!(w.to_string(), f.str("diag_ill/message"));
    assert_eq!(w.rcond, 1e-17);
    // 1.5e-16: SciPy prints "rcond = 6666666666666667.0" (Python's repr below 1e16)
    let r = solve_report(
        &m2(f.array_f64("diag_edge/a")),
        &f.array_f64("diag_edge/b"),
        SolveOptions { assume_a: AssumeA::Diagonal, ..Default::default() },
    )
    .unwrap();
    assert_eq!(r.warning.unwrap().to_string(), f.str("diag_edge/message"));
}

#[test]
fn no_estimate_where_scipy_makes_none() {
    let o = SolveOptions::default();
    // empty a, empty b, 1×1 a (SciPy divides): no estimate, no warning
    let r = solve_report(&Array2::<f64>::zeros((0, 0)), &Array2::<f64>::zeros((0, 3)), o).unwrap();
    assert_eq!((r.x.dim(), r.rcond, r.warning), ((0, 3), None, None));
    let r = solve_report(&array![[1.0, 2.0], [3.0, 4.0]], &Array2::<f64>::zeros((2, 0)), o).unwrap();
    assert_eq!((r.rcond, r.warning), (None, None));
    let r = solve_report(&array![[1e-300]], &array![1.0], o).unwrap();
    assert!((r.x[0] / 1e300 - 1.0f64).abs() < 1e-15);
    assert_eq!((r.rcond, r.warning), (None, None));
    // 'banded' estimates for 1×1 too (gbcon, see tests/solve_banded_rcond.rs); LAPACK's
    // dgbcon gives 0.5 here (its estimate 2/3 of ‖a⁻¹‖₁ = 0.75 is a lower bound)
    let banded = SolveOptions { assume_a: AssumeA::Banded, ..o };
    let r = solve_report(&array![[2.0, 1.0], [0.0, 2.0]], &array![3.0, 2.0], banded).unwrap();
    assert_allclose(&r.x, &array![1.0, 1.0], 1e-15, 0.0);
    assert_eq!((r.rcond, r.warning), (Some(0.5), None));
}

#[test]
fn default_solve_never_fails_on_ill_conditioning() {
    let h = Array2::from_shape_fn((12, 12), |(i, j)| 1.0 / (i + j + 1) as f64);
    let b = ArrayD::from_elem(IxDyn(&[12]), 1.0);
    for assume_a in [AssumeA::General, AssumeA::PositiveDefinite, AssumeA::Symmetric] {
        let o = SolveOptions { assume_a, ..Default::default() };
        assert_eq!(solve_with(&h, &b, o).unwrap().len(), 12);
        assert!(solve_report(&h, &b, o).unwrap().warning.is_some(), "{assume_a:?}");
    }
    assert_eq!(solve(&h, &b).unwrap().len(), 12);
}

#[test]
fn non_contiguous_views() {
    let f = fx();
    let a = m2(f.array_f64("gen_6/a"));
    let b = m2(f.array_f64("gen_6/b"));
    let want = f.f64("gen_6/rcond");
    // every other row and column of a larger matrix holding `a`
    let mut big = Array2::<f64>::from_elem((12, 12), f64::NAN);
    big.slice_mut(s![..;2, ..;2]).assign(&a);
    let view = big.slice(s![..;2, ..;2]);
    let r = solve_report(&view, &b, SolveOptions::default()).unwrap();
    assert!((r.rcond.unwrap() - want).abs() <= 1e-10 * want);
    assert_allclose(&r.x, &f.array_f64("gen_6/x"), 1e-10, 0.0);
    // a reversed-stride triangular view: trcon reads the triangle through the view
    let up = m2(f.array_f64("upper_9/a"));
    let mut flipped = up.clone();
    flipped.invert_axis(sci_array::ndarray::Axis(0));
    let back = flipped.slice(s![..;-1, ..]);
    let o = SolveOptions { assume_a: AssumeA::UpperTriangular, ..Default::default() };
    let r = solve_report(&back, &f.array_f64("upper_9/b"), o).unwrap();
    assert!((r.rcond.unwrap() - f.f64("upper_9/rcond")).abs() <= 1e-10 * f.f64("upper_9/rcond"));
}

#[test]
fn bad_input_is_an_error_not_a_warning() {
    type Case = (&'static str, Array2<f64>, AssumeA, fn(&LinalgError) -> bool);
    let sing = array![[1.0, 2.0], [2.0, 4.0]];
    let cases: Vec<Case> = vec![
        ("singular general", sing.clone(), AssumeA::General, |e| matches!(e, LinalgError::Singular { .. })),
        ("singular sym", sing.clone(), AssumeA::Symmetric, |e| matches!(e, LinalgError::Singular { .. })),
        ("not pos def", array![[1.0, 2.0], [2.0, 1.0]], AssumeA::PositiveDefinite, |e| {
            matches!(e, LinalgError::NotPositiveDefinite { index: 1 })
        }),
        ("zero diagonal", array![[1.0, 0.0], [0.0, 0.0]], AssumeA::Diagonal, |e| {
            matches!(e, LinalgError::Singular { pivot: 1 })
        }),
        ("zero tridiagonal pivot", array![[0.0, 0.0], [0.0, 1.0]], AssumeA::Tridiagonal, |e| {
            matches!(e, LinalgError::Singular { pivot: 0 })
        }),
        ("zero triangular diagonal", array![[1.0, 1.0], [0.0, 0.0]], AssumeA::UpperTriangular, |e| {
            matches!(e, LinalgError::Singular { pivot: 1 })
        }),
        ("nan", array![[1.0, f64::NAN], [0.0, 1.0]], AssumeA::General, |e| {
            matches!(e, LinalgError::NonFinite { arg: "a" })
        }),
        ("not square", Array2::zeros((2, 3)), AssumeA::General, |e| {
            matches!(e, LinalgError::NotSquare { .. })
        }),
    ];
    for (what, a, assume_a, ok) in cases {
        for action in [WarningAction::Ignore, WarningAction::Error] {
            let o = SolveOptions { assume_a, ill_conditioned: action, ..Default::default() };
            let e = solve_report(&a, &array![1.0, 1.0], o).unwrap_err();
            assert!(ok(&e), "{what}: {e:?}");
        }
    }
    let e = solve_report(&array![[1.0, 0.0], [0.0, 1.0]], &array![1.0, 1.0, 1.0], SolveOptions::default());
    assert!(matches!(e, Err(LinalgError::ShapeMismatch { arg: "b", .. })));
}

/// One `inv` fixture case for element type `T`, `a` row-major and Fortran-order.
fn check_inv<T: LinalgScalar + sci_array::testing::CloseElement>(
    f: &Fixture,
    name: &str,
    a: Array2<T>,
    want_inv: Array2<T>,
    rtol: f64,
) {
    let eps = if std::mem::size_of::<RealOf<T>>() == 4 { f64::from(f32::EPSILON) } else { f64::EPSILON };
    let want = f.f64(&format!("{name}/rcond"));
    let warns = flag(f, &format!("{name}/warns"));
    let mut af = Array2::zeros(a.dim().f());
    af.assign(&a);
    for (layout, a) in [("C", &a), ("F", &af)] {
        let r = inv_report(a, WarningAction::Ignore).unwrap_or_else(|e| panic!("{name} {layout}: {e}"));
        let rcond = r.rcond.unwrap_or_else(|| panic!("{name}: no estimate"));
        assert_eq!(r.warning.is_some(), warns, "{name} {layout}: rcond {rcond} vs SciPy's {want}");
        // the inverse is `inv_with(assume_a='gen')`'s, warning or not
        let gen_opts = InvOptions { assume_a: Some(AssumeA::General), lower: false };
        assert_eq!(r.inv, inv_with(a, &gen_opts).unwrap(), "{name} {layout}");
        let strict = inv_report(a, WarningAction::Error);
        if warns {
            // below eps: same order of magnitude as SciPy's (see `check`)
            assert!(rcond / want > 0.3 && rcond / want < 3.0, "{name} {layout}: {rcond} vs {want}");
            assert_eq!(r.warning.unwrap().rcond, rcond);
            match strict {
                Err(LinalgError::IllConditioned(w)) => assert_eq!(Some(w), r.warning),
                other => panic!("{name} {layout}: expected IllConditioned, got {other:?}"),
            }
        } else {
            assert!((rcond - want).abs() <= 100.0 * eps, "{name} {layout}: rcond {rcond} vs {want}");
            assert_allclose(&r.inv, &want_inv, rtol, 0.0);
            assert_eq!(strict.unwrap().inv, r.inv);
        }
    }
}

#[test]
fn inv_rcond_and_warnings_match_scipy() {
    let f = fx();
    for name in ["inv_gen_6", "inv_gen_50", "inv_near_singular", "inv_hilbert", "inv_hilbert_8"] {
        let p = |k: &str| m2(f.array_f64(&format!("{name}/{k}")));
        // inv_hilbert_8: rcond 3e-11, so its inverse agrees with SciPy's to about 1e-6
        check_inv(&f, name, p("a"), p("ainv"), 1e-5);
    }
    for name in ["inv_f32_gen", "inv_f32_hilbert"] {
        let p = |k: &str| m2(f.array_f64(&format!("{name}/{k}"))).mapv(|v| v as f32);
        check_inv(&f, name, p("a"), p("ainv"), 1e-5);
    }
    for name in ["inv_c_gen_5", "inv_c_gen_ill"] {
        let p = |k: &str| m2(f.array_c64(&format!("{name}/{k}")));
        check_inv(&f, name, p("a"), p("ainv"), 1e-12);
    }
    // SciPy's message, to the digit, where the estimate is exact
    let r = inv_report(&m2(f.array_f64("inv_near_singular/a")), WarningAction::Ignore).unwrap();
    assert_eq!(r.warning.unwrap().to_string(), f.str("inv_near_singular/message"));
}

#[test]
fn inv_report_edge_cases_and_bad_input() {
    // empty and 1×1: SciPy estimates nothing
    let r = inv_report(&Array2::<f64>::zeros((0, 0)), WarningAction::Error).unwrap();
    assert_eq!((r.inv.dim(), r.rcond, r.warning), ((0, 0), None, None));
    let r = inv_report(&array![[1e-300f64]], WarningAction::Error).unwrap();
    assert!((r.inv[[0, 0]] / 1e300 - 1.0).abs() < 1e-15);
    assert_eq!((r.rcond, r.warning), (None, None));
    type Case = (&'static str, Array2<f64>, fn(&LinalgError) -> bool);
    let cases: Vec<Case> = vec![
        ("singular", array![[1.0, 2.0], [2.0, 4.0]], |e| matches!(e, LinalgError::Singular { pivot: 1 })),
        ("nan", array![[1.0, f64::NAN], [0.0, 1.0]], |e| matches!(e, LinalgError::NonFinite { arg: "a" })),
        ("not square", Array2::zeros((2, 3)), |e| matches!(e, LinalgError::NotSquare { .. })),
    ];
    for (what, a, ok) in cases {
        for action in [WarningAction::Ignore, WarningAction::Error] {
            let e = inv_report(&a, action).unwrap_err();
            assert!(ok(&e), "{what}: {e:?}");
        }
    }
}
