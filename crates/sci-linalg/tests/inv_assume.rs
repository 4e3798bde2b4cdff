//! SciPy parity for `inv_with` / `inv_report_with` (`scipy.linalg.inv(a, assume_a=...,
//! lower=...)`, SciPy 1.17): every `assume_a`, the detection of `assume_a=None`, the
//! `LinAlgWarning` and its `rcond`, singular and not positive definite inputs; fixtures from
//! tools/fixtures/linalg_inv_assume.py.

use sci_array::ndarray::{Array2, ArrayD, Ix2, ShapeBuilder, array};
use sci_array::num_complex::Complex64;
use sci_array::pyfmt::float_repr;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_linalg::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/inv_assume.json")).unwrap()
}

fn assume(s: &str) -> Option<AssumeA> {
    Some(match s {
        "none" => return None,
        "gen" | "general" => AssumeA::General,
        "diagonal" => AssumeA::Diagonal,
        "upper triangular" => AssumeA::UpperTriangular,
        "lower triangular" => AssumeA::LowerTriangular,
        "pos" => AssumeA::PositiveDefinite,
        "sym" => AssumeA::Symmetric,
        "her" => AssumeA::Hermitian,
        other => panic!("unknown assume_a {other}"),
    })
}

fn m2<T: Clone>(a: ArrayD<T>) -> Array2<T> {
    a.into_dimensionality::<Ix2>().unwrap()
}

/// One fixture case for element type `T`, with `a` row-major and as a Fortran-order copy.
fn check<T: LinalgScalar + sci_array::testing::CloseElement>(
    f: &Fixture,
    name: &str,
    a: Array2<T>,
    inv_want: Option<Array2<T>>,
) {
    let eps = if std::mem::size_of::<RealOf<T>>() == 4 { f64::from(f32::EPSILON) } else { f64::EPSILON };
    let opts = InvOptions {
        assume_a: assume(f.str(&format!("{name}/assume_a"))),
        lower: f.get(&format!("{name}/lower")).as_bool().unwrap(),
    };
    let error = f.str(&format!("{name}/error"));
    let mut af = Array2::zeros(a.dim().f());
    af.assign(&a);
    for (layout, a) in [("C", &a), ("F", &af)] {
        let got = inv_report_with(a, &opts, WarningAction::Ignore);
        if !error.is_empty() {
            // SciPy: "LinAlgError: A singular matrix detected" for singular input and for a
            // failed Cholesky with an explicit 'pos'.
            let e = got.expect_err(name);
            if opts.assume_a == Some(AssumeA::PositiveDefinite) {
                assert!(matches!(e, LinalgError::NotPositiveDefinite { .. }), "{name}: {e}");
            } else {
                assert!(matches!(e, LinalgError::Singular { .. }), "{name}: {e}");
            }
            assert_eq!(inv_with(a, &opts).unwrap_err(), e, "{name}");
            continue;
        }
        let r = got.unwrap_or_else(|e| panic!("{name} {layout}: {e}"));
        let warns = f.get(&format!("{name}/warns")).as_bool().unwrap();
        let want = f.f64(&format!("{name}/rcond"));
        assert_eq!(r.warning.is_some(), warns, "{name} {layout}: rcond {:?} vs {want}", r.rcond);
        match r.rcond {
            None => assert!(want.is_nan(), "{name}: no estimate, SciPy's {want}"),
            Some(rcond) if warns => {
                // Below eps the estimate's leading digits are rounding noise (SciPy's own
                // differ between its LAPACK routes): same order of magnitude and the warning.
                assert!(rcond / want > 0.3 && rcond / want < 3.0, "{name} {layout}: {rcond} vs {want}");
                let shown = f.f64(&format!("{name}/shown"));
                let w = r.warning.unwrap();
                assert!(
                    w.to_string().starts_with("An ill-conditioned matrix detected: slice 0 has rcond = ")
                );
                if name.ends_with("ill_diagonal") {
                    // exact formula: SciPy's text to the digit (it prints the condition number;
                    // a complex modulus may round the last digit differently)
                    let text = format!(
                        "An ill-conditioned matrix detected: slice 0 has rcond = {}.",
                        float_repr(shown)
                    );
                    assert!(T::IS_COMPLEX || w.to_string() == text, "{name}: {w} vs {text}");
                    assert!((w.rcond * shown - 1.0).abs() < 4.0 * eps, "{name}");
                }
                match inv_report_with(a, &opts, WarningAction::Error) {
                    Err(LinalgError::IllConditioned(e)) => assert_eq!(e, w, "{name}"),
                    other => panic!("{name}: expected IllConditioned, got {other:?}"),
                }
            }
            Some(rcond) => {
                // the estimator's solves agree with LAPACK's to about cond · eps
                let tol = 100.0 * eps / want * want;
                assert!((rcond - want).abs() <= tol, "{name} {layout}: rcond {rcond} vs {want}");
            }
        }
        if let Some(want) = &inv_want {
            if !warns {
                let rtol = if eps > 1e-10 { 2e-4 } else { 1e-11 };
                assert_allclose(&r.inv, want, rtol, rtol * 1e-2);
                assert_allclose(&inv_with(a, &opts).unwrap(), want, rtol, rtol * 1e-2);
                if opts.assume_a.is_none() {
                    assert_eq!(inv(a).unwrap(), r.inv, "{name}: inv is inv_with(default)");
                }
            }
            // The exact zero pattern (triangular, diagonal) and exact symmetry of SciPy's result.
            for ((i, j), w) in want.indexed_iter() {
                if *w == T::zero() {
                    assert!(r.inv[[i, j]] == T::zero(), "{name}: [{i}, {j}] should be exactly 0");
                }
                if want[[j, i]] == *w && i != j && !warns {
                    assert!(r.inv[[i, j]] == r.inv[[j, i]], "{name}: not exactly symmetric at [{i}, {j}]");
                }
            }
        }
    }
}

fn names(f: &Fixture, prefix: &str) -> Vec<String> {
    let v: Vec<String> = f.keys().into_iter().filter(|k| k.starts_with(prefix)).collect();
    assert!(v.len() > 40, "{prefix}: {} cases", v.len());
    v
}

fn inv_of<T>(f: &Fixture, name: &str, load: impl Fn(&str) -> ArrayD<T>) -> Option<Array2<T>>
where
    T: Clone,
{
    f.str(&format!("{name}/error")).is_empty().then(|| m2(load(&format!("{name}/inv"))))
}

#[test]
fn f64_matches_scipy() {
    let f = fx();
    for name in names(&f, "f64_") {
        let a = m2(f.array_f64(&format!("{name}/a")));
        check(&f, &name, a, inv_of(&f, &name, |p| f.array_f64(p)));
    }
}

#[test]
fn f32_matches_scipy() {
    let f = fx();
    for name in names(&f, "f32_") {
        let a = m2(f.array_f64(&format!("{name}/a")).mapv(|v| v as f32));
        check(&f, &name, a, inv_of(&f, &name, |p| f.array_f64(p).mapv(|v| v as f32)));
    }
}

#[test]
fn complex_matches_scipy() {
    let f = fx();
    for name in names(&f, "c128_") {
        let a: Array2<Complex64> = m2(f.array_c64(&format!("{name}/a")));
        check(&f, &name, a, inv_of(&f, &name, |p| f.array_c64(p)));
    }
}

#[test]
fn bad_input() {
    let pos = InvOptions { assume_a: Some(AssumeA::PositiveDefinite), lower: false };
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let table: Vec<(&str, Array2<f64>, InvOptions, fn(&LinalgError) -> bool)> = vec![
        ("non-square", Array2::zeros((2, 3)), InvOptions::default(), |e| {
            matches!(e, LinalgError::NotSquare { .. })
        }),
        ("non-square pos", Array2::zeros((3, 2)), pos, |e| matches!(e, LinalgError::NotSquare { .. })),
        ("NaN detected", nan.clone(), InvOptions::default(), |e| matches!(e, LinalgError::NonFinite { .. })),
        ("NaN gen", nan.clone(), InvOptions { assume_a: Some(AssumeA::General), lower: false }, |e| {
            matches!(e, LinalgError::NonFinite { .. })
        }),
        // check_finite looks at the whole array, even the triangle that is not read
        (
            "NaN upper tri",
            nan.t().to_owned(),
            InvOptions { assume_a: Some(AssumeA::UpperTriangular), lower: false },
            |e| matches!(e, LinalgError::NonFinite { .. }),
        ),
        ("inf diagonal", array![[f64::INFINITY, 0.0], [0.0, 1.0]], InvOptions::default(), |e| {
            matches!(e, LinalgError::NonFinite { .. })
        }),
        ("not positive definite", array![[1.0, 2.0], [2.0, 1.0]], pos, |e| {
            matches!(e, LinalgError::NotPositiveDefinite { index: 1 })
        }),
        ("singular diagonal", array![[1.0, 0.0], [0.0, 0.0]], InvOptions::default(), |e| {
            matches!(e, LinalgError::Singular { pivot: 1 })
        }),
        ("singular lower", array![[0.0, 0.0], [1.0, 1.0]], InvOptions::default(), |e| {
            matches!(e, LinalgError::Singular { pivot: 0 })
        }),
        (
            "tridiagonal is not an inv option",
            Array2::eye(3),
            InvOptions { assume_a: Some(AssumeA::Tridiagonal), lower: false },
            |e| matches!(e, LinalgError::Array(_)),
        ),
        (
            "banded is not an inv option",
            Array2::eye(3),
            InvOptions { assume_a: Some(AssumeA::Banded), lower: false },
            |e| matches!(e, LinalgError::Array(_)),
        ),
    ];
    for (what, a, opts, ok) in table {
        let e = inv_with(&a, &opts).expect_err(what);
        assert!(ok(&e), "{what}: {e:?}");
        let e2 = inv_report_with(&a, &opts, WarningAction::Ignore).expect_err(what);
        assert_eq!(e, e2, "{what}");
    }
}

#[test]
fn detection_fallback_and_one_triangle() {
    // Symmetric indefinite: Cholesky fails, the symmetric inverse is used (no error).
    let a = array![[1.0, 2.0], [2.0, 1.0]];
    assert_allclose(&inv(&a).unwrap(), &array![[-1.0 / 3.0, 2.0 / 3.0], [2.0 / 3.0, -1.0 / 3.0]], 1e-15, 0.0);
    // 'sym' and 'her' read one triangle: garbage in the other changes nothing.
    for lower in [false, true] {
        let mut g = a.clone();
        if lower {
            g[[0, 1]] = 99.0
        } else {
            g[[1, 0]] = 99.0
        }
        for assume_a in [AssumeA::Symmetric, AssumeA::Hermitian, AssumeA::PositiveDefinite] {
            let o = InvOptions { assume_a: Some(assume_a), lower };
            let r = inv_with(&g, &o);
            if assume_a == AssumeA::PositiveDefinite {
                assert!(r.is_err());
            } else {
                assert_eq!(
                    r.unwrap(),
                    inv_with(&a, &InvOptions { assume_a: Some(AssumeA::Symmetric), lower: false }).unwrap()
                );
            }
        }
    }
    // A complex Hermitian matrix with a nonzero imaginary diagonal is not Hermitian: general.
    let c = |re, im| Complex64::new(re, im);
    let z = array![[c(2.0, 1.0), c(1.0, 1.0)], [c(1.0, -1.0), c(3.0, 0.0)]];
    assert_allclose(&inv(&z).unwrap().dot(&z), &Array2::eye(2).mapv(|v: f64| c(v, 0.0)), 1e-15, 1e-15);
}
