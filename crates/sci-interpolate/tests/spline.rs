//! BSpline, make_interp_spline and interp1d against SciPy.

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_interpolate::{BSpline, Interp1d, InterpolateError, Kind, OutOfRange, make_interp_spline};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spline.json")).expect("fixture")
}

fn arr1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().expect("1-d")
}

fn close(got: &Array1<f64>, want: &Array1<f64>, rtol: f64, what: &str) {
    check_allclose(got, want, rtol, 1e-12).unwrap_or_else(|m| panic!("{what}: {m}"));
}

#[test]
fn make_interp_spline_matches_scipy() {
    let fx = fixture();
    let n = fx.get("make_interp_spline").as_array().expect("list").len();
    for i in 0..n {
        let p = |k: &str| format!("make_interp_spline/{i}/{k}");
        let (x, y) = (arr1(&fx, &p("x")), arr1(&fx, &p("y")));
        let k = fx.i64(&p("k")) as usize;
        let what = format!("case {i}: n = {}, k = {k}", x.len());
        let s = make_interp_spline(&x, &y, k).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(Array1::from(s.t().to_vec()), arr1(&fx, &p("t")), "{what}: knots");
        // Coefficients of a banded solve (SciPy: LAPACK gbsv with pivoting; here elimination
        // without pivoting on the totally positive matrix): equal to ~1e-12.
        close(&Array1::from(s.c().to_vec()), &arr1(&fx, &p("c")), 1e-10, &format!("{what}: c"));
        let xq = arr1(&fx, &p("xq"));
        close(&s.call(&xq), &arr1(&fx, &p("yq")), 1e-10, &format!("{what}: values"));
        if k >= 1 {
            let d = s.derivative(1).unwrap();
            close(&d.call(&xq), &arr1(&fx, &p("dyq")), 1e-9, &format!("{what}: derivative"));
        }
    }
}

#[test]
fn tutorial_values() {
    let fx = fixture();
    let s = make_interp_spline(&arr1(&fx, "tutorial/x"), &arr1(&fx, "tutorial/y"), 3).unwrap();
    let want = fx.array_f64("tutorial/at1").into_iter().next().unwrap();
    assert!((s.eval(1.0) - want).abs() <= 1e-13 * want.abs());
    let inv = make_interp_spline(&arr1(&fx, "tutorial/inv_x"), &arr1(&fx, "tutorial/inv_y"), 3).unwrap();
    let want = fx.array_f64("tutorial/inv_at0").into_iter().next().unwrap();
    assert!((inv.eval(0.0) - want).abs() <= 1e-13 * want.abs(), "{} vs {want}", inv.eval(0.0));
}

#[test]
fn bspline_without_extrapolation() {
    let fx = fixture();
    let b = BSpline::new(arr1(&fx, "bspline/t").to_vec(), arr1(&fx, "bspline/c").to_vec(), 2, false).unwrap();
    close(&b.call(&arr1(&fx, "bspline/xq")), &arr1(&fx, "bspline/yq"), 1e-14, "BSpline");
    assert!(b.eval(f64::NAN).is_nan());
}

#[test]
fn interp1d_matches_scipy() {
    let fx = fixture();
    let (x, y, xq) = (arr1(&fx, "interp1d/x"), arr1(&fx, "interp1d/y"), arr1(&fx, "interp1d/xq"));
    let n = fx.get("interp1d/kinds").as_array().expect("list").len();
    for i in 0..n {
        let name = fx.str(&format!("interp1d/kinds/{i}/kind")).to_string();
        let kind = match name.as_str() {
            "linear" => Kind::Linear,
            "nearest" => Kind::Nearest,
            "nearest-up" => Kind::NearestUp,
            "previous" => Kind::Previous,
            "next" => Kind::Next,
            "zero" => Kind::Zero,
            "slinear" => Kind::SLinear,
            "quadratic" => Kind::Quadratic,
            "cubic" => Kind::Cubic,
            other => Kind::Spline(other.parse().expect("degree")),
        };
        let f = Interp1d::new(&x, &y, kind, OutOfRange::Error).unwrap();
        close(&f.call(&xq).unwrap(), &arr1(&fx, &format!("interp1d/kinds/{i}/yq")), 1e-10, &name);
    }
    let out = arr1(&fx, "interp1d/outside");
    let cases = [
        ("nan", Kind::Linear, OutOfRange::Fill(f64::NAN)),
        ("const", Kind::Linear, OutOfRange::Fill(-7.0)),
        ("pair", Kind::Linear, OutOfRange::FillPair(-7.0, 8.0)),
        ("extrap_linear", Kind::Linear, OutOfRange::Extrapolate),
        ("extrap_cubic", Kind::Cubic, OutOfRange::Extrapolate),
    ];
    for (name, kind, fill) in cases {
        let f = Interp1d::new(&x, &y, kind, fill).unwrap();
        close(&f.call(&out).unwrap(), &arr1(&fx, &format!("interp1d/fill/{name}")), 1e-10, name);
    }
    // Unsorted input is sorted first.
    let perm: Vec<usize> = fx.array_i64("interp1d/perm").iter().map(|&v| v as usize).collect();
    let xp = Array1::from(perm.iter().map(|&i| x[i]).collect::<Vec<_>>());
    let yp = Array1::from(perm.iter().map(|&i| y[i]).collect::<Vec<_>>());
    let f = Interp1d::new(&xp, &yp, Kind::Linear, OutOfRange::Error).unwrap();
    close(&f.call(&xq).unwrap(), &arr1(&fx, "interp1d/fill/unsorted_linear"), 1e-14, "unsorted");
    // Out of range with bounds_error.
    let f = Interp1d::new(&x, &y, Kind::Linear, OutOfRange::Error).unwrap();
    assert!(matches!(f.eval(-1.0), Err(InterpolateError::OutOfBounds { side: "below", .. })));
    assert!(matches!(f.eval(11.0), Err(InterpolateError::OutOfBounds { side: "above", .. })));
}

#[test]
fn bad_input() {
    let x = Array1::linspace(0.0, 1.0, 5);
    let y = x.mapv(|v| v * v);
    let short = Array1::linspace(0.0, 1.0, 4);
    let mut dup = x.clone();
    dup[2] = dup[1];
    let mut nan = x.clone();
    nan[3] = f64::NAN;
    let table: Vec<(&str, InterpolateError)> = vec![
        ("length", make_interp_spline(&x, &short, 3).unwrap_err()),
        ("duplicate", make_interp_spline(&dup, &y, 3).unwrap_err()),
        ("nan x", make_interp_spline(&nan, &y, 3).unwrap_err()),
        ("nan y", make_interp_spline(&x, &nan, 3).unwrap_err()),
        ("too few", make_interp_spline(&x, &y, 5).unwrap_err()),
        ("interp1d length", Interp1d::new(&x, &short, Kind::Linear, OutOfRange::Error).unwrap_err()),
        (
            "interp1d one point",
            Interp1d::new(
                &x.slice(sci_array::ndarray::s![..1]),
                &y.slice(sci_array::ndarray::s![..1]),
                Kind::Linear,
                OutOfRange::Error,
            )
            .unwrap_err(),
        ),
        ("knots unsorted", BSpline::new(vec![0.0, 2.0, 1.0, 3.0], vec![1.0, 1.0], 1, true).unwrap_err()),
        ("few knots", BSpline::new(vec![0.0, 1.0, 2.0], vec![1.0], 1, true).unwrap_err()),
        ("few coefficients", BSpline::new(vec![0.0, 0.0, 1.0, 2.0, 2.0], vec![1.0], 1, true).unwrap_err()),
        (
            "derivative order",
            BSpline::new(vec![0.0, 0.0, 1.0, 1.0], vec![1.0, 2.0], 1, true)
                .unwrap()
                .derivative(2)
                .unwrap_err(),
        ),
    ];
    for (what, e) in table {
        let ok = match what {
            "length" | "interp1d length" => matches!(e, InterpolateError::LengthMismatch { x: 5, y: 4 }),
            "duplicate" => matches!(e, InterpolateError::NotIncreasing { arg: "x", index: 2 }),
            "nan x" => matches!(e, InterpolateError::NotFinite { arg: "x", index: 3, .. }),
            "nan y" => matches!(e, InterpolateError::NotFinite { arg: "y", index: 3, .. }),
            "too few" | "interp1d one point" => matches!(e, InterpolateError::TooFewPoints { .. }),
            _ => matches!(e, InterpolateError::InvalidSpline { .. }),
        };
        assert!(ok, "{what}: {e:?}");
        assert!(!e.to_string().is_empty());
    }
}
