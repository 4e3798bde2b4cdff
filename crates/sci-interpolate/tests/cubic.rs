//! CubicSpline and CubicSpline::hermite against SciPy.

use sci_array::ndarray::{Array1, Ix1};
use sci_array::testing::check_allclose;
use sci_array::testing::fixture::Fixture;
use sci_interpolate::{BoundaryCondition as Bc, CubicSpline, InterpolateError};

fn a1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn cubic_spline_matches_scipy() {
    let f = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cubic.json")).unwrap();
    let n = f.get("cases").as_array().unwrap().len();
    for i in 0..n {
        let p = |k: &str| format!("cases/{i}/{k}");
        let (x, y, xq) = (a1(&f, &p("x")), a1(&f, &p("y")), a1(&f, &p("xq")));
        let name = f.str(&p("bc")).to_string();
        let bc = match name.as_str() {
            "not-a-knot" => [Bc::NotAKnot; 2],
            "natural" => [Bc::Natural; 2],
            "clamped" => [Bc::Clamped; 2],
            "d1" => [Bc::FirstDerivative(0.7), Bc::FirstDerivative(-1.2)],
            "d2" => [Bc::SecondDerivative(0.3), Bc::SecondDerivative(2.0)],
            _ => [Bc::Natural, Bc::FirstDerivative(0.5)],
        };
        let s = CubicSpline::new(&x, &y, bc, true).unwrap();
        let what = format!("n = {}, bc = {name}", x.len());
        for nu in 0..4 {
            let want = a1(&f, &p(&format!("y{nu}")));
            check_allclose(&s.call(&xq, nu), &want, 1e-10, 1e-11)
                .unwrap_or_else(|e| panic!("{what}, nu = {nu}: {e}"));
        }
    }
    let x = a1(&f, "hermite/x");
    let h = CubicSpline::hermite(&x, &x.mapv(f64::sin), &x.mapv(f64::cos), true).unwrap();
    let xq = a1(&f, "hermite/xq");
    check_allclose(&h.call(&xq, 0), &a1(&f, "hermite/y0"), 1e-13, 1e-14).unwrap();
    check_allclose(&h.call(&xq, 1), &a1(&f, "hermite/y1"), 1e-13, 1e-14).unwrap();
    let no = CubicSpline::hermite(&x, &x.mapv(f64::sin), &x.mapv(f64::cos), false).unwrap();
    assert!(no.eval(-0.5, 0).is_nan() && no.eval(f64::NAN, 0).is_nan());
}

#[test]
fn cubic_bad_input() {
    let x = Array1::linspace(0.0, 1.0, 4);
    let y = x.mapv(|v| v * v);
    let mut dup = x.clone();
    dup[1] = 0.0;
    let errs = [
        CubicSpline::new(&x, &y.slice(sci_array::ndarray::s![..3]), [Bc::NotAKnot; 2], true).unwrap_err(),
        CubicSpline::new(
            &x.slice(sci_array::ndarray::s![..1]),
            &y.slice(sci_array::ndarray::s![..1]),
            [Bc::NotAKnot; 2],
            true,
        )
        .unwrap_err(),
        CubicSpline::new(&dup, &y, [Bc::NotAKnot; 2], true).unwrap_err(),
        CubicSpline::hermite(&x, &y, &y.slice(sci_array::ndarray::s![..2]), true).unwrap_err(),
    ];
    assert!(matches!(errs[0], InterpolateError::LengthMismatch { .. }));
    assert!(matches!(errs[1], InterpolateError::TooFewPoints { .. }));
    assert!(matches!(errs[2], InterpolateError::NotIncreasing { arg: "x", index: 1 }));
    assert!(matches!(errs[3], InterpolateError::LengthMismatch { .. }));
}
