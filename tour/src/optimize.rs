//! The optimization chapter: scalar roots and minimization.

use crate::plot::{self, Series};
use crate::report::{Tolerance, Tour};
use plotters::prelude::*;
use sci::ndarray::{Array1, Array2, array};
use sci::optimize::{
    self, CurveFitOptions, FsolveOptions, Method, MinimizeOptions, MinimizeScalarOptions, RootMethod,
    RootOptions, RootScalarOptions,
};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Iterative solvers stop at their tolerance: compare to SciPy's result within 1e-6 relative,
/// the accuracy the tutorial list grants `optimize.*`.
const ITERATIVE: Tolerance = Tolerance { rtol: 1e-6, atol: 1e-9 };

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
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

    // Powell's hybrid method (SciPy's default for root): the circle meets the line x1 = x0.
    let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0]];
    let r = optimize::root(circle, &array![0.0, 0.0], &RootOptions::default())?;
    tour.check_tol("optimize.root_hybr", json!(r.x.to_vec()), ITERATIVE);

    // Three equations in two unknowns: Levenberg-Marquardt finds the least-squares point.
    let sys = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0], x[1] - x[0] * x[0]];
    let r = optimize::root(
        sys,
        &array![1.0, 1.0],
        &RootOptions { method: RootMethod::Lm, ..Default::default() },
    )?;
    tour.check_tol("optimize.root_lm", json!(r.x.to_vec()), ITERATIVE);

    // Fit a sin(b x + c) to 2.9 cos(1.5 x) with a small fast ripple.
    let x = Array1::linspace(-5.0, 5.0, 50);
    let y = x.mapv(|t: f64| 2.9 * (1.5 * t).cos() + 0.01 * (100.0 * t).cos());
    let model = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|t| p[0] * (p[1] * t + p[2]).sin());
    let (popt, _) = optimize::curve_fit(model, &x, &y, &array![2.0, 1.0, 3.0], &CurveFitOptions::default())?;
    tour.check_tol("optimize.curve_fit_sin", json!(popt.to_vec()), ITERATIVE);

    // BFGS (the default without bounds) with a finite-difference gradient.
    let bowl = |x: &Array1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2);
    let r = optimize::minimize(bowl, &array![0.0, 0.0], &MinimizeOptions::default())?;
    tour.check_tol("optimize.minimize_bfgs", json!(r.x.to_vec()), ITERATIVE);

    // fsolve: x + 3 = 0 from -2, then where cos(x/5) sin(x/2) crosses 0.01 x - 0.5, six
    // independent equations solved as one system from six guesses.
    let r =
        optimize::fsolve(|x: &Array1<f64>| x.mapv(|v| v + 3.0), &array![-2.0], &FsolveOptions::default())?;
    tour.check_tol("optimize.fsolve_line", json!(r.x.to_vec()), ITERATIVE);
    let funky = |x: f64| (x / 5.0).cos() * (x / 2.0).sin();
    let line = |x: f64| 0.01 * x - 0.5;
    let guesses = array![15.0, 20.0, 30.0, 35.0, 40.0, 45.0];
    let r = optimize::fsolve(
        |x: &Array1<f64>| x.mapv(|v| funky(v) - line(v)),
        &guesses,
        &FsolveOptions::default(),
    )?;
    tour.check_tol("optimize.fsolve_intersections", json!(r.x.to_vec()), ITERATIVE);
    let grid = Array1::linspace(0.0, 50.0, 501);
    let series = [
        Series {
            label: "cos(x/5) sin(x/2)",
            points: grid.iter().map(|&t| (t, funky(t))).collect(),
            color: plot::PALETTE[0],
        },
        Series {
            label: "0.01 x - 0.5",
            points: grid.iter().map(|&t| (t, line(t))).collect(),
            color: plot::PALETTE[1],
        },
    ];
    let roots: Vec<(f64, f64)> = r.x.iter().map(|&t| (t, line(t))).collect();
    lines_and_points(
        &dir.join("fsolve_intersections.png"),
        "fsolve: intersections",
        "x",
        "y",
        &series,
        &roots,
    )?;
    tour.figure(
        "fsolve_intersections.png",
        "The six intersections fsolve finds from the guesses 15, 20, 30, 35, 40, 45",
    );

    // Differential evolution finds the global minimum of x^2 + 10 sin x on [-5, 5]; a local
    // method started on the wrong side stops in the other valley. (SciPy's example uses the
    // legacy `seed=1` stream; the optimum after polishing is compared.)
    let wavy = |x: &Array1<f64>| x[0] * x[0] + 10.0 * x[0].sin();
    let r = optimize::differential_evolution(
        wavy,
        &[(-5.0, 5.0)],
        &optimize::DifferentialEvolutionOptions { seed: Some(1), ..Default::default() },
    )?;
    tour.check_tol("optimize.differential_evolution", json!([r.x[0], r.fun]), ITERATIVE);
    let local = optimize::minimize_scalar(
        |x: f64| x * x + 10.0 * x.sin(),
        &MinimizeScalarOptions { bounds: Some((0.0, 10.0)), ..Default::default() },
    )?;
    let grid = Array1::linspace(-10.0, 10.0, 401);
    let series = [Series {
        label: "x^2 + 10 sin x",
        points: grid.iter().map(|&t: &f64| (t, t * t + 10.0 * t.sin())).collect(),
        color: plot::PALETTE[0],
    }];
    lines_and_points(
        &dir.join("differential_evolution.png"),
        "Local vs global minimum",
        "x",
        "f(x)",
        &series,
        &[(local.x, local.fun), (r.x[0], r.fun)],
    )?;
    tour.figure(
        "differential_evolution.png",
        &format!(
            "minimize_scalar bounded to [0, 10] stops in the local minimum x = {:.4}; differential_evolution \
             on [-5, 5] finds the global one, x = {:.4}, f = {:.4}",
            local.x, r.x[0], r.fun
        ),
    );
    trust_constr_circle(tour, dir)?;
    quadratic_fit(tour, dir)
}

/// SciPy's trust-constr tutorial example: minimize -|x0 - x1 - 1| / 2 on the unit circle
/// inside the box [-1, 1]^2, with a finite-difference gradient and BFGS Hessian updates. The
/// minimum is where the circle is farthest from the line x0 - x1 = 1: (-1/sqrt 2, 1/sqrt 2).
fn trust_constr_circle(tour: &mut Tour, dir: &Path) -> Res {
    let f = |x: &Array1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
    let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1]];
    let opts = MinimizeOptions {
        method: Method::TrustConstr,
        jac: optimize::Jac::FiniteDiff(optimize::FiniteDiff::TwoPoint),
        hess_update: Some(optimize::HessianUpdateStrategy::bfgs()),
        constraints: vec![optimize::NonlinearConstraint::new(&circle, array![1.0], array![1.0]).into()],
        bounds: Some(optimize::Bounds::new(array![-1.0, -1.0], array![1.0, 1.0])),
        ..Default::default()
    };
    let r = optimize::minimize(f, &array![0.0, 1.0], &opts)?;
    tour.check_tol("optimize.trust_constr_circle", json!([r.fun, r.x[0], r.x[1]]), ITERATIVE);

    let path = dir.join("trust_constr_circle.png");
    let root = BitMapBackend::new(&path, (640, 640)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption("trust-constr: -|x0 - x1 - 1| / 2 on the unit circle", ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(-1.5..1.5, -1.5..1.5)?;
    chart.configure_mesh().x_desc("x0").y_desc("x1").draw()?;
    // Contours f = -c / 2: the lines x1 = x0 - 1 - c and x1 = x0 - 1 + c.
    let levels = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 1.0 + 2f64.sqrt()];
    for (k, &c) in levels.iter().enumerate() {
        let color = plot::colormap(k as f64 / (levels.len() - 1) as f64);
        for sign in [-1.0, 1.0] {
            // x1 = x0 + k, clipped to the plotted square (plotters clamps points outside it).
            let k = -1.0 + sign * c;
            let (a, b) = ((-1.5f64).max(-1.5 - k), 1.5f64.min(1.5 - k));
            if a >= b {
                continue;
            }
            let seg = [(a, a + k), (b, b + k)];
            chart.draw_series(LineSeries::new(seg, color.stroke_width(1)))?;
        }
    }
    chart.draw_series(std::iter::once(Rectangle::new([(-1.0, -1.0), (1.0, 1.0)], BLACK.stroke_width(1))))?;
    let ring = (0..=360).map(|d| (d as f64).to_radians()).map(|t| (t.cos(), t.sin()));
    chart
        .draw_series(LineSeries::new(ring, plot::PALETTE[0].stroke_width(3)))?
        .label("x0^2 + x1^2 = 1")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], plot::PALETTE[0].stroke_width(3)));
    chart
        .draw_series(std::iter::once(Circle::new((r.x[0], r.x[1]), 6, plot::PALETTE[3].filled())))?
        .label(format!("minimum f = {:.6}", r.fun))
        .legend(|(x, y)| Circle::new((x + 10, y), 5, plot::PALETTE[3].filled()));
    chart.draw_series(std::iter::once(Circle::new((0.0, 1.0), 5, BLACK.filled())))?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    tour.figure(
        "trust_constr_circle.png",
        &format!(
            "Contours of -|x0 - x1 - 1| / 2 (lines parallel to x0 - x1 = 1), the box [-1, 1]^2 and the unit \
             circle; trust-constr from (0, 1) (black) stops at ({:.6}, {:.6}) after {} iterations",
            r.x[0], r.x[1], r.nit
        ),
    );
    Ok(())
}

/// The lesson's quadratic fit: noisy samples of 2 x^2 - 3 x + 1 (seeded), the sum of squared
/// residuals minimized by L-BFGS-B with a finite-difference gradient. The claims: L-BFGS-B
/// converges, lands on the exact linear least-squares solution (normal equations), and that
/// solution recovers the true coefficients within 3 standard errors.
fn quadratic_fit(tour: &mut Tour, dir: &Path) -> Res {
    let truth = [2.0, -3.0, 1.0];
    let sigma = 0.5;
    let x = Array1::linspace(-3.0, 3.0, 50);
    let mut rng = sci::array::random::default_rng(42);
    let noise = rng.normal(0.0, sigma, 50)?;
    let y = &x.mapv(|t| truth[0] * t * t + truth[1] * t + truth[2]) + &noise;
    let sse = |p: &Array1<f64>| {
        x.iter().zip(&y).map(|(t, y)| (p[0] * t * t + p[1] * t + p[2] - y).powi(2)).sum::<f64>()
    };
    let opts = MinimizeOptions { method: Method::LBfgsB, ..Default::default() };
    let r = optimize::minimize(sse, &array![0.0, 0.0, 0.0], &opts)?;
    // Normal equations A^T A p = A^T y with A = [x^2, x, 1], and the standard errors.
    let a = Array2::from_shape_fn((50, 3), |(i, j)| x[i].powi(2 - j as i32));
    let ata = a.t().dot(&a);
    let exact = sci::linalg::solve(&ata, &a.t().dot(&y))?;
    let cov = sci::linalg::inv(&ata)? * (sigma * sigma);
    let agree = (0..3).all(|j| (r.x[j] - exact[j]).abs() <= 1e-4 * (1.0 + exact[j].abs()));
    let recovered = (0..3).all(|j| (exact[j] - truth[j]).abs() <= 3.0 * cov[[j, j]].sqrt());
    tour.check_claim(
        "optimize.lbfgsb_quadratic_fit",
        json!({ "x": r.x.to_vec(), "lstsq": exact.to_vec(), "nit": r.nit, "nfev": r.nfev }),
        "L-BFGS-B converges to the least-squares (a, b, c) within 1e-4, which is within 3 standard errors of (2, -3, 1)",
        r.success && agree && recovered,
    );
    let grid = Array1::linspace(-3.0, 3.0, 200);
    let series = [
        Series {
            label: "fit (L-BFGS-B)",
            points: grid.iter().map(|&t| (t, r.x[0] * t * t + r.x[1] * t + r.x[2])).collect(),
            color: plot::PALETTE[0],
        },
        Series {
            label: "2 x^2 - 3 x + 1",
            points: grid.iter().map(|&t| (t, truth[0] * t * t + truth[1] * t + truth[2])).collect(),
            color: plot::PALETTE[2],
        },
    ];
    let data: Vec<(f64, f64)> = x.iter().zip(&y).map(|(&t, &v)| (t, v)).collect();
    lines_and_points(
        &dir.join("lbfgsb_quadratic_fit.png"),
        "Quadratic fit by L-BFGS-B",
        "x",
        "y",
        &series,
        &data,
    )?;
    tour.figure(
        "lbfgsb_quadratic_fit.png",
        "50 noisy samples (seed 42, sigma 0.5) and the quadratic L-BFGS-B fits to them",
    );
    Ok(())
}

/// Line series plus marked points (roots, data) on one chart.
fn lines_and_points(
    path: &Path,
    title: &str,
    xlabel: &str,
    ylabel: &str,
    series: &[Series<'_>],
    points: &[(f64, f64)],
) -> Res {
    let root = BitMapBackend::new(path, (800, 500)).into_drawing_area();
    root.fill(&WHITE)?;
    let all = series
        .iter()
        .flat_map(|s| s.points.iter())
        .chain(points.iter())
        .filter(|p| p.0.is_finite() && p.1.is_finite());
    let (mut x0, mut x1, mut y0, mut y1) =
        (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for &(x, y) in all {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let (dx, dy) = ((x1 - x0).max(1e-12) * 0.05, (y1 - y0).max(1e-12) * 0.05);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(x0 - dx..x1 + dx, y0 - dy..y1 + dy)?;
    chart.configure_mesh().x_desc(xlabel).y_desc(ylabel).draw()?;
    for s in series {
        let color = s.color;
        chart
            .draw_series(LineSeries::new(s.points.iter().copied(), color.stroke_width(2)))?
            .label(s.label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2)));
    }
    chart.draw_series(points.iter().map(|&p| Circle::new(p, 5, plot::PALETTE[3].filled())))?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerLeft)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}
