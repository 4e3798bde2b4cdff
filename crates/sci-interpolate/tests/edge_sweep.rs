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

/// PPoly (every method, every extrapolation mode), PCHIP and Akima on the same edge data.
#[test]
fn no_ppoly_function_panics_on_edge_data() {
    let mut p = PanicSweep::new();
    let pts = points();
    let exts = [Extrapolate::Yes, Extrapolate::No, Extrapolate::Periodic];
    let exercise = |p: &mut PanicSweep, tag: &str, pp: &PPoly| {
        for e in exts {
            for nu in [0usize, 1, 2, 3, 7, usize::MAX] {
                p.run(format!("{tag}: call nu={nu} {e:?}"), || drop(pp.call(&pts, nu, Some(e))));
            }
            p.run(format!("{tag}: integrate {e:?}"), || {
                for &a in &pts {
                    for &b in &pts {
                        drop(pp.integrate(a, b, Some(e)));
                    }
                }
            });
            for y in [0.0, 1.0, f64::NAN, f64::INFINITY] {
                p.run(format!("{tag}: solve y={y} {e:?}"), || {
                    drop(pp.solve(y, true, Some(e)));
                    drop(pp.solve(y, false, Some(e)));
                });
            }
        }
        for nu in [0usize, 1, 2, 5, usize::MAX] {
            p.run(format!("{tag}: derivative {nu}"), || drop(pp.derivative(nu).call(&pts, 0, None)));
        }
        for nu in [1usize, 2, 5, usize::MAX / 2, usize::MAX] {
            p.run(format!("{tag}: antiderivative {nu}"), || {
                if let Ok(a) = pp.antiderivative(nu) {
                    drop(a.call(&pts, 0, None));
                }
            });
        }
    };
    for (label, x, y) in data() {
        for extrapolate in [true, false] {
            let mut made = None;
            p.run(format!("PchipInterpolator on {label}"), || {
                made = PchipInterpolator::new(&x, &y, extrapolate).ok()
            });
            if let Some(s) = made {
                exercise(&mut p, &format!("pchip {label}"), &s);
            }
            for method in [AkimaMethod::Akima, AkimaMethod::Makima] {
                let mut made = None;
                p.run(format!("Akima1DInterpolator {method:?} on {label}"), || {
                    made = Akima1DInterpolator::new(&x, &y, method, extrapolate).ok()
                });
                if let Some(s) = made {
                    exercise(&mut p, &format!("{method:?} {label}"), &s);
                }
            }
        }
        for der in [0usize, 1, 4, usize::MAX] {
            p.run(format!("pchip_interpolate der={der} on {label}"), || {
                drop(pchip_interpolate(&x, &y, &pts, der))
            });
        }
        for k in [0usize, 1, 3, 5] {
            let mut made = None;
            p.run(format!("PPoly::from_spline k={k} on {label}"), || {
                if let Ok(s) = make_interp_spline(&x, &y, k) {
                    made = PPoly::from_spline(&s, None).ok();
                }
            });
            if let Some(pp) = made {
                exercise(&mut p, &format!("from_spline k={k} {label}"), &pp);
            }
        }
        p.run(format!("CubicSpline PPoly methods on {label}"), || {
            if let Ok(s) = CubicSpline::new(&x, &y, [BoundaryCondition::NotAKnot; 2], true) {
                drop(s.integrate(-1.0, 5.0, None));
                drop(s.roots(true, None));
                drop(s.antiderivative(2));
                drop(s.derivative(1));
            }
        });
        // The data as breakpoints, with coefficient arrays of several shapes built from `y`.
        for k in [0usize, 1, 2, 3, 4, 7] {
            let m = x.len().saturating_sub(1);
            let c =
                Array2::from_shape_fn((k, m), |(i, j)| y.get(j).copied().unwrap_or(0.0) * (i as f64 + 1.0));
            for e in exts {
                let mut made = None;
                p.run(format!("PPoly::new k={k} {e:?} on {label}"), || made = PPoly::new(&c, &x, e).ok());
                if let Some(pp) = made {
                    exercise(&mut p, &format!("PPoly k={k} {e:?} {label}"), &pp);
                }
            }
        }
    }
    // Coefficients with NaN, infinity and huge values, on plain breakpoints.
    let x = array![0.0, 1.0, 2.0];
    for v in [f64::NAN, f64::INFINITY, -1e308, 1e-320, 0.0] {
        let c = array![[1.0, v], [v, 2.0], [0.5, -1.0], [v, v]];
        let pp = PPoly::new(&c, &x, true).unwrap();
        exercise(&mut p, &format!("PPoly with {v}"), &pp);
        for (label, xn) in [
            ("empty", Array1::zeros(0)),
            ("one", array![3.0]),
            ("NaN", array![f64::NAN, 4.0]),
            ("inf", array![3.0, f64::INFINITY]),
            ("left", array![-2.0, -1.0]),
            ("huge", array![1e308, 1.7e308]),
        ] {
            for k in [0usize, 1, 4, 9] {
                let cn = Array2::from_elem((k, xn.len()), v);
                p.run(format!("PPoly::extend {label} k={k} with {v}"), || {
                    let mut q = pp.clone();
                    if q.extend(&cn, &xn).is_ok() {
                        drop(q.call(&pts, 1, None));
                        drop(q.integrate(-1.0, 1e300, None));
                    }
                });
            }
        }
    }
    p.finish();
}

/// RegularGridInterpolator / interpn (every method, bounds and fill option) and the polynomial
/// interpolators (barycentric, Krogh, lagrange, pade, approximate_taylor_polynomial) on the
/// same edge data.
#[test]
fn no_grid_or_polynomial_function_panics_on_edge_data() {
    let mut p = PanicSweep::new();
    let pts = points();
    let methods = [
        GridMethod::Linear,
        GridMethod::Nearest,
        GridMethod::Slinear,
        GridMethod::Cubic,
        GridMethod::Quintic,
        GridMethod::Pchip,
    ];
    let fills = [Some(f64::NAN), Some(2.0), None];
    let xi1 = pts.clone().into_shape_with_order((pts.len(), 1)).unwrap();
    let xi2 = Array2::from_shape_fn((pts.len() * pts.len(), 2), |(i, j)| {
        if j == 0 { pts[i / pts.len()] } else { pts[i % pts.len()] }
    });
    for (label, x, y) in data() {
        let v2 = Array2::from_shape_fn((x.len(), x.len()), |(i, j)| {
            y.get(i).copied().unwrap_or(1.0) * y.get(j).copied().unwrap_or(-1.0)
        });
        for method in methods {
            for bounds_error in [true, false] {
                for fill_value in fills {
                    let o = GridOptions { method, bounds_error, fill_value };
                    p.run(format!("RegularGridInterpolator 1-d {o:?} on {label}"), || {
                        if let Ok(f) = RegularGridInterpolator::new(std::slice::from_ref(&x), &y, o) {
                            drop(f.call(&xi1));
                            drop(f.call(&pts));
                            drop(f.call(&Array2::<f64>::zeros((0, 1))));
                            for m in methods {
                                drop(f.call_with(&xi1, m));
                                for nu in [0usize, 1, 4, 7, usize::MAX] {
                                    drop(f.derivative(&xi1, &[nu], m));
                                }
                            }
                        }
                    });
                    p.run(format!("interpn 2-d {o:?} on {label}"), || {
                        drop(interpn(&[x.clone(), x.clone()], &v2, &xi2, o));
                        drop(interpn(&[x.clone(), x.clone()], &v2, &xi1, o));
                    });
                }
            }
        }
        p.run(format!("BarycentricInterpolator on {label}"), || {
            if let Ok(mut b) = BarycentricInterpolator::new(&x, &y) {
                drop(b.call(&pts));
                for der in [0usize, 1, 2, 7, usize::MAX] {
                    drop(b.derivative(&pts, der));
                }
                drop(b.derivatives(&pts, None));
                drop(b.derivatives(&pts, Some(3)));
                drop(b.add_xi(&array![0.25, f64::NAN], &array![1.0, 2.0]));
                drop(b.call(&pts));
                drop(b.set_yi(&Array1::zeros(b.xi().len())));
                drop(b.derivative(&pts, 1));
            }
            drop(barycentric_interpolate(&x, &y, &pts, 2));
        });
        p.run(format!("KroghInterpolator on {label}"), || {
            if let Ok(k) = KroghInterpolator::new(&x, &y) {
                drop(k.call(&pts));
                for der in [0usize, 1, 2, 7, usize::MAX] {
                    drop(k.derivative(&pts, der));
                }
                drop(k.derivatives(&pts, None));
                drop(k.derivatives(&pts, Some(0)));
            }
            drop(krogh_interpolate(&x, &y, &pts, 1));
        });
        p.run(format!("lagrange on {label}"), || drop(lagrange(&x, &y)));
        for m in [0usize, 1, 3, 9, usize::MAX] {
            for n in [None, Some(0), Some(2), Some(usize::MAX)] {
                p.run(format!("pade m={m} n={n:?} on {label}"), || drop(pade(y.as_slice().unwrap(), m, n)));
            }
        }
    }
    for scale in [0.0, 1.0, f64::NAN, f64::INFINITY, 1e-300] {
        for x0 in [0.0, f64::NAN, 1e308] {
            for (degree, order) in [(0usize, None), (3, Some(1)), (5, Some(20)), (2, Some(0))] {
                p.run(
                    format!("approximate_taylor_polynomial x={x0} scale={scale} {degree} {order:?}"),
                    || drop(approximate_taylor_polynomial(f64::exp, x0, degree, scale, order)),
                );
            }
        }
    }
    // Many dimensions of length one: 2^40 corners for linear interpolation.
    let pts40: Vec<Array1<f64>> = (0..40).map(|_| array![0.5]).collect();
    let v40 = sci_array::ndarray::ArrayD::<f64>::ones(sci_array::ndarray::IxDyn(&[1; 40]));
    for method in methods {
        p.run(format!("interpn 40-d {method:?}"), || {
            let o = GridOptions { method, ..Default::default() };
            drop(interpn(&pts40, &v40, &Array2::from_elem((1, 40), 0.5), o))
        });
    }
    p.finish();
}
