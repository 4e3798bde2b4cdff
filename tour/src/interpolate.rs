//! The interpolation chapter: interpolating splines, inverse interpolation and interp1d.

use crate::plot::{self, Series};
use crate::report::Tour;
use sci::interpolate::{Interp1d, Kind, OutOfRange, make_interp_spline};
use sci::ndarray::Array1;
use serde_json::json;
use std::f64::consts::PI;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Interpolation (sci::interpolate)");

    // A cubic interpolating spline (not-a-knot) through 20 samples of sin on [0, 2 pi].
    let mt = Array1::linspace(0.0, 2.0 * PI, 20);
    let fnv = mt.mapv(f64::sin);
    let s = make_interp_spline(&mt, &fnv, 3)?;
    tour.check("interpolate.interp_spline_at_1", json!(s.eval(1.0)));

    // Inverse interpolation: swap the roles of x and y on the decreasing part of sin, sort,
    // and evaluate at 0 to find the root near pi.
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for (&m, &f) in mt.iter().zip(fnv.iter()) {
        if m > PI / 2.0 && m < 3.0 * PI / 2.0 {
            xs.push(f);
            ys.push(m);
        }
    }
    xs.reverse();
    ys.reverse();
    let inv = make_interp_spline(&Array1::from(xs), &Array1::from(ys), 3)?;
    tour.check("interpolate.inverse_spline_0", json!(inv.eval(0.0)));
    tour.note(&format!("Inverse interpolation finds sin's root at {:.12} (pi = {PI:.12})", inv.eval(0.0)));

    // interp1d on 20 samples of cos over [0, 10 pi].
    let xx = Array1::linspace(0.0, 10.0 * PI, 20);
    let yy = xx.mapv(f64::cos);
    let lin = Interp1d::new(&xx, &yy, Kind::Linear, OutOfRange::Error)?;
    let quad = Interp1d::new(&xx, &yy, Kind::Quadratic, OutOfRange::Error)?;
    tour.check("interpolate.interp1d_linear_at_5", json!(lin.eval(5.0)?));
    tour.check("interpolate.interp1d_quadratic_at_5", json!(quad.eval(5.0)?));

    let fine = Array1::linspace(0.0, 10.0 * PI, 400);
    let curve = |v: &Array1<f64>| fine.iter().zip(v.iter()).map(|(&a, &b)| (a, b)).collect::<Vec<_>>();
    let cubic = Interp1d::new(&xx, &yy, Kind::Cubic, OutOfRange::Error)?;
    let series = [
        Series { label: "cos x", points: curve(&fine.mapv(f64::cos)), color: plot::PALETTE[2] },
        Series { label: "linear", points: curve(&lin.call(&fine)?), color: plot::PALETTE[0] },
        Series { label: "quadratic", points: curve(&quad.call(&fine)?), color: plot::PALETTE[1] },
        Series { label: "cubic", points: curve(&cubic.call(&fine)?), color: plot::PALETTE[3] },
    ];
    plot::lines(&dir.join("interp1d.png"), "interp1d on 20 samples of cos x", "x", "y", &series)?;
    tour.figure("interp1d.png", "Linear, quadratic and cubic interp1d of 20 samples of cos x");
    Ok(())
}
