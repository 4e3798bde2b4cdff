//! SciPy's nonlinear test problems (test_nonlin.py: F, F2, F2_lucky, F3, F4_powell, F5, F6),
//! the root tutorial system and newton_krylov's docstring system, as the fixture generators
//! `tools/fixtures/optimize_nonlin.py` and `optimize_krylov.py` write them.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::OptimizeResult;

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

/// How root's run `r` differs from SciPy's fixture case `key`: `(nit, success, nfev, status)`
/// must be equal and `x` agree to `rel` relative (BLAS's summation order), else the
/// difference as text.
#[allow(dead_code)]
pub fn scipy_mismatch(fx: &Fixture, key: &str, r: &OptimizeResult, rel: f64) -> Option<String> {
    let c = |k: &str| format!("{key}/{k}");
    let want = (
        fx.i64(&c("nit")),
        fx.get(&c("success")).as_bool().unwrap(),
        fx.i64(&c("nfev")),
        fx.i64(&c("status")),
    );
    let got = (r.nit as i64, r.success, r.nfev as i64, r.status as i64);
    let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
    if got != want {
        return Some(format!("(nit, success, nfev, status) {got:?}, SciPy {want:?}; x {} vs {x}", r.x));
    }
    let scale = x.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    let far = r.x.iter().zip(&x).any(|(a, b)| (a - b).abs() > rel * b.abs() + 1e-9 * scale);
    far.then(|| format!("x {} vs SciPy {x}", r.x))
}

/// Option `name` in the `group` ("options" or "jac_options") of fixture case `key`, as a number
/// (a string such as "none" reads as infinity).
#[allow(dead_code)]
pub fn case_opt(fx: &Fixture, key: &str, group: &str, name: &str) -> Option<f64> {
    fx.get(&format!("{key}/{group}")).get(name).map(|v| v.as_f64().unwrap_or(f64::INFINITY))
}
