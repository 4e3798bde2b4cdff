//! The objectives and constraints of the `shgo` fixtures (tools/fixtures/optimize_shgo.py and
//! optimize_shgo_sobol.py), shared by the `shgo` test files.
#![allow(dead_code)] // each test file uses part of it

use sci_array::ndarray::{Array1, Array2, Ix2, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Constraint, ConstraintDict, ConstraintType, LinearConstraint, NonlinearConstraint, SamplingMethod,
    ShgoOptions, ShgoResult,
};
use std::f64::consts::PI;

pub fn rosen(x: &Array1<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s += 100.0 * (b - a * a) * (b - a * a) + (1.0 - a) * (1.0 - a);
    }
    s
}
pub fn sphere2(x: &Array1<f64>) -> f64 {
    x[0].powi(2) + x[1].powi(2)
}
pub fn f2(x: &Array1<f64>) -> f64 {
    (x[0] - 30.0) * x[0].sin()
}
pub fn f3(x: &Array1<f64>) -> f64 {
    0.01 * x[0].powi(2) + x[1].powi(2)
}
pub fn f4(x: &Array1<f64>) -> f64 {
    (x[0] - 10.0).powi(2)
        + 5.0 * (x[1] - 12.0).powi(2)
        + x[2].powi(4)
        + 3.0 * (x[3] - 11.0).powi(2)
        + 10.0 * x[4].powi(6)
        + 7.0 * x[5].powi(2)
        + x[6].powi(4)
        - 4.0 * x[5] * x[6]
        - 10.0 * x[5]
        - 8.0 * x[6]
}
pub fn eggholder(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    -(b + 47.0) * (a / 2.0 + (b + 47.0)).abs().sqrt().sin() - a * (a - (b + 47.0)).abs().sqrt().sin()
}
pub fn rastrigin(x: &Array1<f64>) -> f64 {
    x.iter().fold(10.0 * x.len() as f64, |s, &v| s + (v * v - 10.0 * (2.0 * PI * v).cos()))
}
pub fn styb(x: &Array1<f64>) -> f64 {
    0.5 * x.iter().fold(0.0, |s, &v| s + (v.powi(4) - 16.0 * v.powi(2) + 5.0 * v))
}
pub fn cattle(x: &Array1<f64>) -> f64 {
    24.55 * x[0] + 26.75 * x[1] + 39.0 * x[2] + 40.50 * x[3]
}

pub fn nan_left(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    if a < -0.5 { f64::NAN } else { (a - 0.2).powi(2) + b.powi(2) + 0.1 * (5.0 * a).sin() }
}

pub fn func(name: &str) -> fn(&Array1<f64>) -> f64 {
    match name {
        "rosen" => rosen,
        "sphere2" => sphere2,
        "f2" => f2,
        "f3" => f3,
        "f4" => f4,
        "eggholder" => eggholder,
        "rastrigin" => rastrigin,
        "styb" => styb,
        "cattle" => cattle,
        "nan_left" => nan_left,
        "table" => table,
        _ => panic!("unknown function {name}"),
    }
}

pub type G = fn(&Array1<f64>) -> Array1<f64>;
pub fn g_sum6(x: &Array1<f64>) -> Array1<f64> {
    array![-(x[0] + x[1] - 6.0)]
}
pub fn g2(x: &Array1<f64>) -> Array1<f64> {
    array![58.0 - x[0]]
}
pub fn g3(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] * x[1] - 25.0, x[0].powi(2) + x[1].powi(2) - 25.0]
}
pub fn g4_1(x: &Array1<f64>) -> Array1<f64> {
    array![-(2.0 * x[0].powi(2) + 3.0 * x[1].powi(4) + x[2] + 4.0 * x[3].powi(2) + 5.0 * x[4] - 127.0)]
}
pub fn g4_2(x: &Array1<f64>) -> Array1<f64> {
    array![-(7.0 * x[0] + 3.0 * x[1] + 10.0 * x[2].powi(2) + x[3] - x[4] - 282.0)]
}
pub fn g4_3(x: &Array1<f64>) -> Array1<f64> {
    array![-(23.0 * x[0] + x[1].powi(2) + 6.0 * x[5].powi(2) - 8.0 * x[6] - 196.0)]
}
pub fn g4_4(x: &Array1<f64>) -> Array1<f64> {
    array![
        -(4.0 * x[0].powi(2) + x[1].powi(2) - 3.0 * x[0] * x[1] + 2.0 * x[2].powi(2) + 5.0 * x[5]
            - 11.0 * x[6])
    ]
}
pub fn cattle_g1(x: &Array1<f64>) -> Array1<f64> {
    array![2.3 * x[0] + 5.6 * x[1] + 11.1 * x[2] + 1.3 * x[3] - 5.0]
}
pub fn cattle_g2(x: &Array1<f64>) -> Array1<f64> {
    let r = (0.28 * x[0].powi(2) + 0.19 * x[1].powi(2) + 20.5 * x[2].powi(2) + 0.62 * x[3].powi(2)).sqrt();
    array![12.0 * x[0] + 11.9 * x[1] + 41.8 * x[2] + 52.1 * x[3] - 21.0 - 1.645 * r]
}
pub fn cattle_h1(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] + x[1] + x[2] + x[3] - 1.0]
}
pub fn inf_g1(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] + x[1] - 1.0]
}
pub fn inf_g2(x: &Array1<f64>) -> Array1<f64> {
    array![-(x[0] + x[1] - 1.0)]
}
pub fn inf_g3(x: &Array1<f64>) -> Array1<f64> {
    array![-x[0] + x[1] - 1.0]
}
pub fn inf_g4(x: &Array1<f64>) -> Array1<f64> {
    array![-(-x[0] + x[1] - 1.0)]
}

pub static G_SUM6: G = g_sum6;
pub static G2: G = g2;
pub static G3: G = g3;
pub static G4: [G; 4] = [g4_1, g4_2, g4_3, g4_4];
pub static CATTLE: [G; 3] = [cattle_g1, cattle_g2, cattle_h1];
pub static INF: [G; 4] = [inf_g1, inf_g2, inf_g3, inf_g4];

pub static G3_PAIR: G = g3;
pub fn cons(name: &str) -> Vec<Constraint<'static>> {
    let ineq = |g: &'static G| Constraint::Dict(ConstraintDict::new(ConstraintType::Ineq, g));
    match name {
        // SciPy's test3_1: NonlinearConstraint(g, 0, np.inf).
        "g3_nlc" => vec![Constraint::Nonlinear(NonlinearConstraint::new(
            &G3_PAIR,
            array![0.0],
            array![f64::INFINITY],
        ))],
        // x0 + x1 <= 6 and x0 - x1 == 1 as one LinearConstraint.
        "lin_sum6_eq" => vec![Constraint::Linear(LinearConstraint::new(
            array![[1.0, 1.0], [1.0, -1.0]],
            array![f64::NEG_INFINITY, 1.0],
            array![6.0, 1.0],
        ))],
        "" => vec![],
        "g_sum6" => vec![ineq(&G_SUM6)],
        "g2" => vec![ineq(&G2)],
        "g3" => vec![ineq(&G3)],
        "g4" => G4.iter().map(ineq).collect(),
        "cattle" => {
            vec![
                ineq(&CATTLE[0]),
                ineq(&CATTLE[1]),
                Constraint::Dict(ConstraintDict::new(ConstraintType::Eq, &CATTLE[2])),
            ]
        }
        "infeasible" => INF.iter().map(ineq).collect(),
        _ => panic!("unknown constraints {name}"),
    }
}

/// SciPy's `test_table`: 50 at (3, 3), 100 elsewhere.
pub fn table(x: &Array1<f64>) -> f64 {
    if x[0] == 3.0 && x[1] == 3.0 { 50.0 } else { 100.0 }
}

/// Every local minimum SciPy found (`xl`, `funl`) is in `r`: minima with equal values up to
/// rounding (symmetric functions) may be listed in either order, so SciPy's rows are matched
/// one to one.
pub fn assert_same_minima(
    key: &str,
    r: &ShgoResult,
    xl: &Array2<f64>,
    funl: &Array1<f64>,
    rtol: f64,
    atol: f64,
) {
    assert_eq!(r.xl.dim(), xl.dim(), "{key}: xl shape");
    let mut used = vec![false; xl.nrows()];
    for (i, row) in xl.rows().into_iter().enumerate() {
        let hit = (0..xl.nrows()).find(|&j| {
            !used[j]
                && (r.funl[j] - funl[i]).abs() <= 1e-8 * (1.0 + funl[i].abs())
                && row.iter().zip(r.xl.row(j)).all(|(&a, &b)| (a - b).abs() <= atol + rtol * a.abs())
        });
        match hit {
            Some(j) => used[j] = true,
            None => panic!("{key}: SciPy's local minimum {row} (f = {}) not found in {}", funl[i], r.xl),
        }
    }
}

/// The bounds and options of fixture case `key`: `bounds`, `cons`, `n`, `iters` (-1: None),
/// `sampling` and SciPy's `options` dict (the local minimizer is left to the caller).
pub fn case_options(fx: &Fixture, key: &str) -> (Vec<(f64, f64)>, ShgoOptions<'static>) {
    let c = |k: &str| format!("{key}/{k}");
    let b = fx.array_f64(&c("bounds")).into_dimensionality::<Ix2>().unwrap();
    let bounds: Vec<(f64, f64)> = b.rows().into_iter().map(|r| (r[0], r[1])).collect();
    let options = fx.get(&c("options")).clone();
    let opt = |k: &str| options.get(k).cloned();
    let count = |k: &str| opt(k).map(|v| v.as_u64().unwrap() as usize);
    let mut o = ShgoOptions { constraints: cons(fx.str(&c("cons"))), ..Default::default() };
    o.sampling_method = match fx.str(&c("sampling")) {
        "simplicial" => SamplingMethod::Simplicial,
        "sobol" => SamplingMethod::Sobol,
        "halton" => SamplingMethod::Halton,
        s => panic!("unknown sampling {s}"),
    };
    let n = fx.i64(&c("n"));
    o.n = (n >= 0).then_some(n as usize);
    let it = fx.i64(&c("iters"));
    o.iters = (it >= 0).then_some(it as usize);
    if let Some(v) = opt("minimize_every_iter") {
        o.minimize_every_iter = v.as_bool().unwrap();
    }
    if let Some(v) = opt("infty_constraints") {
        o.infty_constraints = v.as_bool().unwrap();
    }
    if let Some(v) = opt("f_min") {
        o.f_min = Some(v.as_f64().unwrap());
    }
    if let Some(v) = opt("f_tol") {
        o.f_tol = v.as_f64().unwrap();
    }
    o.minhgrd = count("minhgrd");
    o.local_iter = count("local_iter");
    o.maxfev = count("maxfev");
    o.maxev = count("maxev");
    o.maxiter = count("maxiter");
    (bounds, o)
}
