//! trapezoid, simpson, cumulative_trapezoid and romb against SciPy.

use sci_array::ndarray::{Array1, ArrayD, Ix1, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_integrate::{
    IntegrateError, Spacing, cumulative_trapezoid, cumulative_trapezoid_axis, romb, romb_axis, simpson,
    simpson_axis, trapezoid, trapezoid_axis,
};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/samples.json")).expect("fixture")
}

fn arr1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().expect("1-d")
}

// Sums of up to 100 terms in another order than NumPy's pairwise reduction.
const RTOL: f64 = 1e-13;
const ATOL: f64 = 1e-14;

fn close_scalar(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() <= ATOL + RTOL * want.abs(), "{what}: {got} vs {want}");
}

fn close(got: &ArrayD<f64>, want: &ArrayD<f64>, what: &str) {
    check_allclose(got, want, RTOL, ATOL).unwrap_or_else(|m| panic!("{what}: {m}"));
}

#[test]
fn one_dimensional_rules_match_scipy() {
    let fx = fixture();
    let n = fx.get("cases").as_array().expect("list").len();
    assert!(n >= 30);
    for i in 0..n {
        let p = |k: &str| format!("cases/{i}/{k}");
        let y = arr1(&fx, &p("y"));
        let x = arr1(&fx, &p("x"));
        let spacing = match fx.str(&p("spacing")) {
            "default" => Spacing::default(),
            "dx" => Spacing::Dx(fx.f64(&p("dx"))),
            _ => Spacing::X(x.view()),
        };
        let what = format!("case {i} (n = {}, {})", y.len(), fx.str(&p("spacing")));
        close_scalar(trapezoid(&y, spacing).unwrap(), fx.f64(&p("trapezoid")), &format!("{what} trapezoid"));
        if y.is_empty() {
            assert!(matches!(simpson(&y, spacing), Err(IntegrateError::TooShort { .. })));
            assert!(matches!(cumulative_trapezoid(&y, spacing, false), Err(IntegrateError::TooShort { .. })));
            continue;
        }
        close_scalar(simpson(&y, spacing).unwrap(), fx.f64(&p("simpson")), &format!("{what} simpson"));
        let c = cumulative_trapezoid(&y, spacing, false).unwrap().into_dyn();
        close(&c, &fx.array_f64(&p("cumulative")), &format!("{what} cumulative"));
        let c = cumulative_trapezoid(&y, spacing, true).unwrap().into_dyn();
        close(&c, &fx.array_f64(&p("cumulative_initial")), &format!("{what} cumulative initial"));
    }
}

#[test]
fn along_axes_match_scipy() {
    let fx = fixture();
    let y = fx.array_f64("nd/y").into_dimensionality::<sci_array::ndarray::Ix2>().expect("2-d");
    let x0 = arr1(&fx, "nd/x0");
    let x1 = arr1(&fx, "nd/x1");
    for (ax, x) in [(0isize, &x0), (1, &x1), (-1, &x1)] {
        let sp = Spacing::X(x.view());
        let got = trapezoid_axis(&y, sp, ax).unwrap().into_dyn();
        close(&got, &fx.array_f64(&format!("nd/trapezoid_{ax}")), "trapezoid_axis");
        let got = simpson_axis(&y, sp, ax).unwrap().into_dyn();
        close(&got, &fx.array_f64(&format!("nd/simpson_{ax}")), "simpson_axis");
        let got = cumulative_trapezoid_axis(&y, sp, ax, true).unwrap().into_dyn();
        close(&got, &fx.array_f64(&format!("nd/cumulative_{ax}")), "cumulative_trapezoid_axis");
    }
    // A non-contiguous view.
    let strided = y.slice(s![.., ..;2]);
    let got = trapezoid_axis(&strided, Spacing::Dx(0.5), 1).unwrap().into_dyn();
    close(&got, &fx.array_f64("nd/trapezoid_strided"), "strided");
    // An empty axis integrates to zeros of the remaining shape.
    let empty = y.slice(s![.., ..0]);
    assert_eq!(trapezoid_axis(&empty, Spacing::default(), 1).unwrap().shape(), &[6]);
    assert!(trapezoid_axis(&empty, Spacing::default(), 1).unwrap().iter().all(|v| *v == 0.0));
}

#[test]
fn romb_matches_scipy() {
    let fx = fixture();
    let n = fx.get("romb").as_array().expect("list").len();
    for i in 0..n {
        let y = arr1(&fx, &format!("romb/{i}/y"));
        let got = romb(&y, fx.f64(&format!("romb/{i}/dx"))).unwrap();
        close_scalar(got, fx.f64(&format!("romb/{i}/value")), &format!("romb n = {}", y.len()));
    }
    let y = fx.array_f64("romb_nd/y");
    let got = romb_axis(&y, 1.0, 1).unwrap();
    close(&got, &fx.array_f64("romb_nd/axis0_rows"), "romb_axis");
}

#[test]
fn sample_rules_bad_input() {
    let y = Array1::linspace(0.0, 1.0, 5);
    let x = Array1::linspace(0.0, 1.0, 4);
    let bad_x = Spacing::X(x.view());
    let table: Vec<(&str, IntegrateError)> = vec![
        ("trapezoid x", trapezoid(&y, bad_x).unwrap_err()),
        ("simpson x", simpson(&y, bad_x).unwrap_err()),
        ("cumulative x", cumulative_trapezoid(&y, bad_x, false).unwrap_err()),
        ("trapezoid axis", trapezoid_axis(&y, Spacing::default(), 1).unwrap_err()),
        ("simpson axis", simpson_axis(&y, Spacing::default(), -2).unwrap_err()),
        ("romb axis", romb_axis(&y, 1.0, 3).unwrap_err()),
        ("romb n", romb(&Array1::zeros(6), 1.0).unwrap_err()),
        ("romb one", romb(&Array1::zeros(1), 1.0).unwrap_err()),
    ];
    for (what, e) in table {
        let ok = match what {
            "trapezoid x" | "simpson x" | "cumulative x" => {
                e == IntegrateError::LengthMismatch { x: 4, y: 5 }
            }
            "trapezoid axis" | "simpson axis" | "romb axis" => {
                matches!(e, IntegrateError::AxisOutOfBounds { .. })
            }
            _ => matches!(e, IntegrateError::InvalidValue { arg: "y", .. }),
        };
        assert!(ok, "{what}: {e:?}");
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(
        IntegrateError::LengthMismatch { x: 4, y: 5 }.to_string(),
        "x and y must have the same length, got 4 and 5"
    );
}
