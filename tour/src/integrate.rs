//! The integration chapter: QUADPACK quadrature, a double integral, and initial value problems.

use crate::plot::{self, Series};
use crate::report::{Tolerance, Tour};
use sci::integrate::{self, IvpMethod, QuadOptions, SolveIvpOptions};
use serde_json::json;
use std::f64::consts::PI;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// ODE solvers stop at their tolerance: the tutorial list grants `integrate.solve_ivp*` 1e-6.
const ODE: Tolerance = Tolerance { rtol: 1e-6, atol: 1e-12 };

fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n).map(|i| a + (b - a) * i as f64 / (n - 1) as f64).collect()
}

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Integration (sci::integrate)");
    let q = QuadOptions::default();

    // Adaptive Gauss-Kronrod quadrature (QUADPACK's QAGS, as scipy.integrate.quad).
    let r = integrate::quad(f64::sin, 0.0, PI / 2.0, &q)?;
    tour.check("integrate.quad_sin", json!(r.value));
    let r = integrate::quad(|x: f64| x.exp().cos().powi(2), 0.0, 3.0, &q)?;
    tour.check("integrate.quad_cos_exp_sq", json!(r.value));
    tour.note(&format!(
        "quad(cos(e^x)^2, 0, 3) = {:.15} with error estimate {:.1e} after {} evaluations on {} subintervals",
        r.value, r.abserr, r.info.neval, r.info.last
    ));
    let r = integrate::quad(|x: f64| x.sin() * (x * x).cos() + 1.0, 0.0, 5.0, &q)?;
    tour.check("integrate.quad_sin_cos_plus1_0_5", json!(r.value));

    // x*y over the triangle 0 <= x <= 1/2, 0 <= y <= 1 - 2x.
    let r = integrate::dblquad(|y, x| x * y, 0.0, 0.5, |_| 0.0, |x| 1.0 - 2.0 * x, &q)?;
    tour.check("integrate.dblquad_xy", json!(r.value));

    // Exponential decay y' = -2y with RK45 at SciPy's default tolerances, stored at 50 times.
    let t_eval = linspace(0.0, 4.0, 50);
    let opts = SolveIvpOptions { t_eval: Some(t_eval.clone()), ..Default::default() };
    let decay = integrate::solve_ivp(|_t, y| vec![-2.0 * y[0]], (0.0, 4.0), &[1.0], &opts)?;
    let last = decay.y[[0, decay.t.len() - 1]];
    tour.check_tol("integrate.solve_ivp_decay_end", json!(last), ODE);
    let pts: Vec<(f64, f64)> = decay.t.iter().zip(decay.y.row(0)).map(|(&t, &y)| (t, y)).collect();
    let exact: Vec<(f64, f64)> = linspace(0.0, 4.0, 200).into_iter().map(|t| (t, (-2.0 * t).exp())).collect();
    let series = [
        Series { label: "exp(-2t)", points: exact, color: plot::PALETTE[1] },
        Series { label: "solve_ivp RK45 (t_eval, 50 points)", points: pts, color: plot::PALETTE[0] },
    ];
    plot::lines(&dir.join("ivp_decay.png"), "y' = -2y, y(0) = 1", "t", "y", &series)?;
    tour.figure("ivp_decay.png", "Exponential decay by RK45 against the exact solution");

    // The damped spring m x'' + c x' + k x = 0. The tutorial uses LSODA, which sci does not
    // have yet: DOP853 at the same tolerances (rtol 1e-8, atol 1e-10) gives the same state.
    let (m, k, c) = (0.5f64, 4.0f64, 0.4f64);
    let omega = (k / m).sqrt();
    let zeta = c / (2.0 * m * omega);
    let opts = SolveIvpOptions {
        method: IvpMethod::Dop853,
        t_eval: Some(linspace(0.0, 10.0, 100)),
        rtol: 1e-8,
        atol: 1e-10.into(),
        ..Default::default()
    };
    let spring = integrate::solve_ivp(
        |_t, z| vec![z[1], -2.0 * zeta * omega * z[1] - omega * omega * z[0]],
        (0.0, 10.0),
        &[1.0, 0.0],
        &opts,
    )?;
    let n = spring.t.len();
    tour.check_tol("integrate.spring_lsoda_end", json!([spring.y[[0, n - 1]], spring.y[[1, n - 1]]]), ODE);
    tour.note(
        "integrate.spring_lsoda_end: SciPy's value comes from LSODA; sci has no LSODA yet (see the name \
         table), so the tour integrates the same system with DOP853 at the same rtol/atol.",
    );
    let pos: Vec<(f64, f64)> = spring.t.iter().zip(spring.y.row(0)).map(|(&t, &y)| (t, y)).collect();
    let vel: Vec<(f64, f64)> = spring.t.iter().zip(spring.y.row(1)).map(|(&t, &y)| (t, y)).collect();
    let series = [
        Series { label: "position x", points: pos, color: plot::PALETTE[0] },
        Series { label: "velocity x'", points: vel, color: plot::PALETTE[3] },
    ];
    plot::lines(&dir.join("ivp_spring.png"), "Damped spring (m = 0.5, k = 4, c = 0.4)", "t", "", &series)?;
    tour.figure("ivp_spring.png", "A damped spring integrated by DOP853 (rtol 1e-8)");
    Ok(())
}
