//! SciPy's nonlinear test problems (test_nonlin.py: F, F2, F2_lucky, F3, F4_powell, F5, F6),
//! the root tutorial system and newton_krylov's docstring system, as the fixture generators
//! `tools/fixtures/optimize_nonlin.py` and `optimize_krylov.py` write them.

use sci_array::ndarray::{Array1, array};

/// The problem named `name` in the fixtures.
pub fn problem(name: &str) -> fn(&Array1<f64>) -> Array1<f64> {
    match name {
        "F" => |x| {
            let d = [3.0, 2.0, 1.5, 1.0, 0.5];
            let xtx: f64 = x.iter().map(|v| v * v).sum();
            Array1::from_shape_fn(5, |i| -(d[i] * x[i]) - 0.01 * xtx * x[i])
        },
        "F2" | "F2_lucky" => |x| x.clone(),
        "F3" => |x| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0],
        "F4_powell" => |x| array![1e4 * x[0] * x[1] - 1.0, (-x[0]).exp() + (-x[1]).exp() - (1.0 + 1.0 / 1e4)],
        "F5" => |x| {
            let p = x.mapv(|q| 0.5 * (q * q));
            array![p[1] - p[0], p[2] - p[0], p[3] - p[0], x.sum() - 4.0]
        },
        "F6" => |x| {
            let (x1, x2) = (x[0], x[1]);
            let v = [(x1 + 3.0) * (x2.powf(5.0) - 7.0) + 3.0 * 6.0, (x2 * x1.exp() - 1.0).sin()];
            // -solve(J0, v) by LAPACK's partially pivoted LU of the 2x2 J0
            let (a, b, c, d) = (-4.256, 14.7, 0.8394989, 0.59964207);
            let l = c * (1.0 / a);
            let u = d - l * b;
            let y1 = (v[1] - l * v[0]) / u;
            let y0 = (v[0] - b * y1) / a;
            array![-y0, -y1]
        },
        "doc" => |x| array![x[0] + 0.5 * x[1] - 1.0, 0.5 * (x[1] - x[0]).powi(2)],
        "tutorial" => {
            |x| array![x[0] + 0.5 * (x[0] - x[1]).powf(3.0) - 1.0, 0.5 * (x[1] - x[0]).powf(3.0) + x[1]]
        }
        other => panic!("unknown problem {other}"),
    }
}
