//! The optimization chapter: scalar roots and minimization.

use crate::report::{Tolerance, Tour};
use sci::optimize::{self, MinimizeScalarOptions, RootScalarOptions};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Iterative solvers stop at their tolerance: compare to SciPy's result within 1e-6 relative,
/// the accuracy the tutorial list grants `optimize.*`.
const ITERATIVE: Tolerance = Tolerance { rtol: 1e-6, atol: 1e-9 };

/// Runs the chapter.
pub fn run(tour: &mut Tour, _dir: &Path) -> Res {
    tour.chapter("Optimization (sci::optimize)");
    let f = |x: f64| (x - 1.0) * (x - 2.0);
    let df = |x: f64| 2.0 * x - 3.0;

    // Newton from x0 = 0 with the derivative: root, iterations and calls as SciPy counts them.
    let r = optimize::root_scalar(
        f,
        &RootScalarOptions { x0: Some(0.0), fprime: Some(&df), ..Default::default() },
    )?;
    tour.check_tol("optimize.root_scalar_newton", json!([r.root, r.iterations, r.function_calls]), ITERATIVE);

    // A bracket picks Brent's method.
    let r =
        optimize::root_scalar(f, &RootScalarOptions { bracket: Some((1.5, 10.0)), ..Default::default() })?;
    tour.check_tol("optimize.root_scalar_bracket", json!(r.root), ITERATIVE);

    // Bounded scalar minimization of x^2 + 10 sin x on [-2, 1].
    let g = |x: f64| x * x + 10.0 * x.sin();
    let r = optimize::minimize_scalar(
        g,
        &MinimizeScalarOptions { bounds: Some((-2.0, 1.0)), ..Default::default() },
    )?;
    tour.check_tol("optimize.minimize_scalar_bounded", json!([r.x, r.fun]), ITERATIVE);
    Ok(())
}
