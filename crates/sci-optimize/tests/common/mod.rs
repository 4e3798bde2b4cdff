//! The Hock-Schittkowski test problems and fixture helpers shared by the constrained
//! minimization tests.
#![allow(dead_code)] // each test file uses part of it

use sci_array::ndarray::{Array1, Array2, Ix1, array};
use sci_array::testing::fixture::Fixture;
use sci_optimize::Bounds;

pub const INF: f64 = f64::INFINITY;

pub type VecFn = fn(&Array1<f64>) -> Array1<f64>;
pub type JacFn = fn(&Array1<f64>) -> Array2<f64>;

/// A Hock-Schittkowski problem: objective, gradient, equality and inequality (`>= 0`)
/// constraints with their Jacobians, bounds.
pub struct Hs {
    pub f: fn(&Array1<f64>) -> f64,
    pub g: fn(&Array1<f64>) -> Array1<f64>,
    pub eq: Vec<(VecFn, JacFn)>,
    pub ineq: Vec<(VecFn, JacFn)>,
    pub bounds: Option<Bounds>,
}

pub fn hs(name: &str) -> Hs {
    match name {
        "hs6" => Hs {
            f: |x| (1.0 - x[0]).powi(2),
            g: |x| array![-2.0 * (1.0 - x[0]), 0.0],
            eq: vec![(|x| array![10.0 * (x[1] - x[0] * x[0])], |x| array![[-20.0 * x[0], 10.0]])],
            ineq: vec![],
            bounds: None,
        },
        "hs7" => Hs {
            f: |x| (1.0 + x[0] * x[0]).ln() - x[1],
            g: |x| array![2.0 * x[0] / (1.0 + x[0] * x[0]), -1.0],
            eq: vec![(
                |x| array![(1.0 + x[0] * x[0]).powi(2) + x[1] * x[1] - 4.0],
                |x| array![[4.0 * x[0] * (1.0 + x[0] * x[0]), 2.0 * x[1]]],
            )],
            ineq: vec![],
            bounds: None,
        },
        "hs21" => Hs {
            f: |x| 0.01 * x[0] * x[0] + x[1] * x[1] - 100.0,
            g: |x| array![0.02 * x[0], 2.0 * x[1]],
            eq: vec![],
            ineq: vec![(|x| array![10.0 * x[0] - x[1] - 10.0], |_| array![[10.0, -1.0]])],
            bounds: Some(Bounds::new(array![2.0, -50.0], array![50.0, 50.0])),
        },
        "hs35" => Hs {
            f: |x| {
                9.0 - 8.0 * x[0] - 6.0 * x[1] - 4.0 * x[2]
                    + 2.0 * x[0] * x[0]
                    + 2.0 * x[1] * x[1]
                    + x[2] * x[2]
                    + 2.0 * x[0] * x[1]
                    + 2.0 * x[0] * x[2]
            },
            g: |x| {
                array![
                    -8.0 + 4.0 * x[0] + 2.0 * x[1] + 2.0 * x[2],
                    -6.0 + 4.0 * x[1] + 2.0 * x[0],
                    -4.0 + 2.0 * x[2] + 2.0 * x[0]
                ]
            },
            eq: vec![],
            ineq: vec![(|x| array![3.0 - x[0] - x[1] - 2.0 * x[2]], |_| array![[-1.0, -1.0, -2.0]])],
            bounds: Some(Bounds::new(array![0.0, 0.0, 0.0], array![INF, INF, INF])),
        },
        "hs71" => Hs {
            f: |x| x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2],
            g: |x| {
                array![
                    x[3] * (2.0 * x[0] + x[1] + x[2]),
                    x[0] * x[3],
                    x[0] * x[3] + 1.0,
                    x[0] * (x[0] + x[1] + x[2])
                ]
            },
            eq: vec![(|x| array![x.dot(x) - 40.0], |x| (x * 2.0).insert_axis(sci_array::ndarray::Axis(0)))],
            ineq: vec![(
                |x| array![x[0] * x[1] * x[2] * x[3] - 25.0],
                |x| array![[x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]]],
            )],
            bounds: Some(Bounds::new(Array1::from_elem(4, 1.0), Array1::from_elem(4, 5.0))),
        },
        other => panic!("unknown problem {other}"),
    }
}

pub fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_constrained.json")).unwrap()
}

pub fn x1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}
