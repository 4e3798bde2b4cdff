//! A sweep of the interpolators over the inputs that break them most often: no, one or two
//! points, duplicate and unsorted abscissae, NaN and infinity in `x` or `y`, huge values,
//! evaluation at NaN, infinity and out of range, degrees larger than the data allows (up to
//! `usize::MAX`) and degenerate knot vectors. Every call must return, `Ok` or an error, and
//! never panic; the values themselves are checked against SciPy by the other test files.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_interpolate::*;

/// The data sets `(x, y)`, by name.
fn data() -> Vec<(&'static str, Array1<f64>, Array1<f64>)> {
    let x10 = Array1::linspace(0.0, 9.0, 10);
    let y10 = x10.mapv(|v: f64| (v * 0.7).sin());
    let mut x_nan = x10.clone();
    x_nan[4] = f64::NAN;
    let mut y_nan = y10.clone();
    y_nan[4] = f64::NAN;
    let mut y_inf = y10.clone();
    y_inf[2] = f64::INFINITY;
    let mut x_inf = x10.clone();
    x_inf[9] = f64::INFINITY;
    vec![
        ("empty", Array1::zeros(0), Array1::zeros(0)),
        ("1 point", array![1.0], array![2.0]),
        ("2 points", array![0.0, 1.0], array![1.0, -1.0]),
        ("3 points", array![0.0, 1.0, 3.0], array![1.0, -1.0, 2.0]),
        ("4 points", array![0.0, 1.0, 3.0, 4.0], array![1.0, -1.0, 2.0, 0.5]),
        ("10 points", x10.clone(), y10.clone()),
        ("duplicate x", array![0.0, 1.0, 1.0, 2.0, 3.0], array![0.0, 1.0, 2.0, 3.0, 4.0]),
        ("all x equal", array![2.0, 2.0, 2.0, 2.0], array![0.0, 1.0, 2.0, 3.0]),
        ("unsorted x", array![3.0, 0.0, 2.0, 1.0, 4.0], array![1.0, 0.0, 3.0, 2.0, 5.0]),
        ("decreasing x", array![4.0, 3.0, 2.0, 1.0, 0.0], array![1.0, 0.0, 3.0, 2.0, 5.0]),
        ("NaN in x", x_nan, y10.clone()),
        ("inf in x", x_inf, y10.clone()),
        ("NaN in y", x10.clone(), y_nan),
        ("inf in y", x10.clone(), y_inf),
        ("length mismatch", x10.clone(), array![1.0, 2.0]),
        ("huge x", array![-1e308, 0.0, 1e308, 1.7e308], array![1.0, 2.0, 3.0, 4.0]),
        ("tiny spacing", array![0.0, 1e-320, 2e-320, 3e-320], array![1.0, 2.0, 3.0, 4.0]),
        ("huge y", x10, y10.mapv(|v| v * 1e308)),
    ]
}

/// Points to evaluate at.
fn points() -> Array1<f64> {
    array![f64::NAN, f64::NEG_INFINITY, f64::INFINITY, -1e308, -1.0, 0.0, 0.5, 1.0, 2.5, 9.0, 100.0, 1e308]
}

const DEGREES: [usize; 8] = [0, 1, 2, 3, 5, 9, usize::MAX / 2, usize::MAX];

fn exercise_bspline(p: &mut PanicSweep, tag: &dyn Fn(&str) -> String, s: &BSpline) {
    let pts = points();
    let grid = Array2::from_shape_fn((2, 3), |(i, j)| pts[3 * i + j]);
    p.run(tag("BSpline eval"), || {
        pts.iter().for_each(|&v| {
            std::hint::black_box(s.eval(v));
        })
    });
    p.run(tag("BSpline call"), || drop(s.call(&grid)));
    for nu in [0usize, 1, 2, 3, 4, usize::MAX] {
        p.run(tag(&format!("BSpline derivative {nu}")), || {
            if let Ok(d) = s.derivative(nu) {
                drop(d.call(&pts));
            }
        });
    }
}

#[test]
fn no_function_panics_on_edge_data() {
    let mut panics = PanicSweep::new();
    let pts = points();
    for (label, x, y) in data() {
        let p = &mut panics;
        let tag = |what: &str| format!("{what} on {label}");
        for k in DEGREES {
            let mut spline = None;
            p.run(tag(&format!("make_interp_spline k={k}")), || spline = make_interp_spline(&x, &y, k).ok());
            if let Some(s) = spline {
                exercise_bspline(p, &|w| tag(&format!("{w} (k={k})")), &s);
            }
        }
        let kinds = [
            Kind::Linear,
            Kind::Nearest,
            Kind::NearestUp,
            Kind::Previous,
            Kind::Next,
            Kind::Zero,
            Kind::SLinear,
            Kind::Quadratic,
            Kind::Cubic,
            Kind::Spline(5),
            Kind::Spline(usize::MAX),
        ];
        let outs = [
            OutOfRange::Error,
            OutOfRange::Fill(f64::NAN),
            OutOfRange::FillPair(-1.0, 1.0),
            OutOfRange::Extrapolate,
        ];
        for kind in kinds {
            for out in outs {
                let name = tag(&format!("Interp1d {kind:?} {out:?}"));
                p.run(name, || {
                    if let Ok(f) = Interp1d::new(&x, &y, kind, out) {
                        for &v in &pts {
                            drop(f.eval(v));
                        }
                        drop(f.call(&pts));
                        drop(f.call(&Array2::<f64>::zeros((0, 3))));
                    }
                });
            }
        }
        let bcs = [
            BoundaryCondition::NotAKnot,
            BoundaryCondition::Natural,
            BoundaryCondition::Clamped,
            BoundaryCondition::FirstDerivative(f64::NAN),
            BoundaryCondition::SecondDerivative(f64::INFINITY),
        ];
        for a in bcs {
            for b in [BoundaryCondition::NotAKnot, a] {
                for extrapolate in [true, false] {
                    p.run(tag(&format!("CubicSpline {a:?} {b:?} {extrapolate}")), || {
                        if let Ok(s) = CubicSpline::new(&x, &y, [a, b], extrapolate) {
                            for nu in [0, 1, 2, 3, 4, usize::MAX] {
                                drop(s.call(&pts, nu));
                            }
                        }
                    });
                }
            }
        }
        for dydx in
            [y.clone(), Array1::zeros(x.len()), Array1::zeros(1), Array1::from_elem(x.len(), f64::NAN)]
        {
            p.run(tag(&format!("CubicSpline::hermite dydx {}", dydx.len())), || {
                if let Ok(s) = CubicSpline::hermite(&x, &y, &dydx, true) {
                    drop(s.call(&pts, 0));
                    drop(s.call(&pts, 1));
                }
            });
        }
        // The data as a knot vector, with the values as coefficients.
        let xv = x.to_vec();
        for k in DEGREES {
            for extrapolate in [true, false] {
                let mut spline = None;
                p.run(tag(&format!("BSpline::new x as knots k={k} {extrapolate}")), || {
                    spline = BSpline::new(xv.clone(), y.to_vec(), k, extrapolate).ok()
                });
                if let Some(s) = spline {
                    exercise_bspline(p, &|w| tag(&format!("{w} (x as knots, k={k})")), &s);
                }
            }
        }
    }
    // Degenerate knot vectors with various coefficient counts.
    let knots: Vec<(&str, Vec<f64>)> = vec![
        ("no knots", vec![]),
        ("one knot", vec![0.0]),
        ("clamped cubic", vec![0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]),
        ("repeated interior", vec![0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 1.0, 1.0, 1.0]),
        ("all equal", vec![1.0; 8]),
        ("decreasing", vec![3.0, 2.0, 1.0, 0.0]),
        ("NaN knot", vec![0.0, f64::NAN, 1.0, 2.0]),
        ("inf knot", vec![0.0, 1.0, 2.0, f64::INFINITY]),
        ("huge span", vec![-1e308, -1e308, 0.0, 1.7e308, 1.7e308]),
    ];
    for (label, t) in knots {
        for k in DEGREES {
            for nc in [0usize, 1, 4, 20] {
                let c: Vec<f64> = (0..nc).map(|i| i as f64).collect();
                let mut spline = None;
                panics.run(format!("BSpline::new {label} k={k} {nc} coefficients"), || {
                    spline = BSpline::new(t.clone(), c, k, true).ok()
                });
                if let Some(s) = spline {
                    exercise_bspline(&mut panics, &|w| format!("{w} ({label}, k={k}, {nc} c)"), &s);
                }
            }
        }
    }
    panics.finish();
}

/// The fault the sweep found: a degree near `usize::MAX` overflowed `k + 1` (in
/// `make_interp_spline` and `Interp1d::new`) and `2k + 2` (in `BSpline::new`). SciPy 1.17 raises
/// `ValueError: Need at least 18446744073709551616 knots for degree 9223372036854775807` from
/// `BSpline`, and an error (`OverflowError`/`MemoryError`) from `make_interp_spline` and
/// `interp1d`: too few points for the degree.
#[test]
fn huge_degrees_are_errors() {
    let x = Array1::linspace(0.0, 9.0, 10);
    let y = x.mapv(f64::sin);
    for k in [usize::MAX / 2, usize::MAX / 2 + 1, usize::MAX] {
        assert_eq!(
            make_interp_spline(&x, &y, k).unwrap_err(),
            InterpolateError::TooFewPoints { k, needed: k.saturating_add(1), found: 10 }
        );
        assert!(matches!(
            Interp1d::new(&x, &y, Kind::Spline(k), OutOfRange::Error).unwrap_err(),
            InterpolateError::TooFewPoints { found: 10, .. }
        ));
    }
    let e = BSpline::new(x.to_vec(), y.to_vec(), usize::MAX / 2, true).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid B-spline: need at least 18446744073709551616 knots for degree 9223372036854775807, got 10"
    );
    let e = BSpline::new(x.to_vec(), y.to_vec(), usize::MAX, true).unwrap_err();
    assert!(e.to_string().contains("need at least 36893488147419103232 knots"), "{e}");
}
