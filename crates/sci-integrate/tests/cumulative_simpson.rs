//! `cumulative_simpson` against SciPy: dx and x spacing, initial, axes, short inputs, NaN,
//! non-contiguous views and bad input.

use sci_array::ndarray::{Array1, Array2, Ix2, array, s};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_integrate::{IntegrateError, Spacing, cumulative_simpson, cumulative_simpson_axis};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cumulative_simpson.json"))
        .expect("fixture")
}

#[test]
fn cumulative_simpson_matches_scipy() {
    let fx = load();
    let n = fx.get("cases").as_array().expect("list").len();
    assert!(n >= 60);
    for i in 0..n {
        let p = |k: &str| format!("cases/{i}/{k}");
        let y: Array1<f64> = fx.array_f64(&p("y")).into_dimensionality().expect("1-d");
        let kw = fx.get(&p("kw"));
        let x: Option<Array1<f64>> =
            kw.get("x").map(|_| fx.array_f64(&p("kw/x")).into_dimensionality().expect("1-d"));
        let spacing = match &x {
            Some(x) => Spacing::X(x.view()),
            None => Spacing::Dx(kw.get("dx").map_or(1.0, |v| v.as_f64().expect("dx"))),
        };
        let initial = kw.get("initial").map(|v| v.as_f64().expect("initial"));
        let got = cumulative_simpson(&y, spacing, initial).unwrap_or_else(|e| panic!("case {i}: {e}"));
        // The same formulas in the same order: a few ulp (the cumulative sum of terms of both
        // signs makes small entries relative to the partial sums).
        check_allclose(&got.view().into_dyn(), &fx.array_f64(&p("res")), 1e-13, 1e-14)
            .unwrap_or_else(|m| panic!("case {i} {kw}: {m}"));
    }
}

#[test]
fn cumulative_simpson_axes_and_views_match_scipy() {
    let fx = load();
    let y2: Array2<f64> = fx.array_f64("y2").into_dimensionality::<Ix2>().expect("2-d");
    for k in 0..3 {
        let p = |s: &str| format!("axes/{k}/{s}");
        let axis = fx.i64(&p("axis")) as isize;
        let x: Array1<f64> = fx.array_f64(&p("x")).into_dimensionality().expect("1-d");
        let got = cumulative_simpson_axis(&y2, Spacing::X(x.view()), axis, None).unwrap();
        check_allclose(&got.view().into_dyn(), &fx.array_f64(&p("res_x")), 1e-13, 1e-14).unwrap();
        let got = cumulative_simpson_axis(&y2, Spacing::Dx(0.3), axis, Some(1.0)).unwrap();
        check_allclose(&got.view().into_dyn(), &fx.array_f64(&p("res_dx")), 1e-13, 1e-14).unwrap();
        // A transposed (non-contiguous) view along the other axis gives the same numbers.
        let t = y2.t();
        let other = if axis == 0 { 1 } else { 0 };
        let got_t = cumulative_simpson_axis(&t, Spacing::X(x.view()), other, None).unwrap();
        let want: Array2<f64> = fx.array_f64(&p("res_x")).into_dimensionality().unwrap();
        check_allclose(&got_t.t().into_dyn(), &want.view().into_dyn(), 1e-13, 1e-14).unwrap();
    }
    // A strided 1-d view equals its copy.
    let y = Array1::from_shape_fn(21, |i| (i as f64 * 0.3).cos());
    let v = y.slice(s![..;2]);
    let a = cumulative_simpson(&v, Spacing::Dx(0.6), Some(0.0)).unwrap();
    let b = cumulative_simpson(&v.to_owned(), Spacing::Dx(0.6), Some(0.0)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn cumulative_simpson_bad_input() {
    let y = array![1.0, 2.0, 4.0];
    let x_short = array![0.0, 1.0];
    let x_flat = array![0.0, 1.0, 1.0];
    let x_down = array![0.0, 2.0, 1.0];
    let e = cumulative_simpson(&Array1::<f64>::zeros(0), Spacing::Dx(1.0), None).unwrap_err();
    assert_eq!(e, IntegrateError::TooShort { arg: "y", min: 1, found: 0 });
    let e = cumulative_simpson(&y, Spacing::X(x_short.view()), None).unwrap_err();
    assert_eq!(e, IntegrateError::LengthMismatch { x: 2, y: 3 });
    for x in [&x_flat, &x_down] {
        let e = cumulative_simpson(&y, Spacing::X(x.view()), None).unwrap_err();
        assert!(matches!(e, IntegrateError::InvalidValue { arg: "x", .. }), "{e:?}");
    }
    let e = cumulative_simpson_axis(&Array2::<f64>::zeros((2, 3)), Spacing::Dx(1.0), 2, None).unwrap_err();
    assert_eq!(e, IntegrateError::AxisOutOfBounds { axis: 2, ndim: 2 });
    // Two samples fall back to the trapezoidal rule and need no increasing x (as SciPy).
    let r = cumulative_simpson(&array![1.0, 2.0], Spacing::X(array![0.0, -2.0].view()), None).unwrap();
    assert_eq!(r.to_vec(), vec![-3.0]);
}
