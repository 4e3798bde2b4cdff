//! Objectives and fixture helpers shared by the tests of the global optimizers (written as the
//! generators in tools/fixtures/_global_objectives.py evaluate them, operation for operation).
#![allow(dead_code)] // each test file uses part of it

use sci_array::ndarray::{Array1, Ix1, Ix2};
use sci_array::testing::fixture::Fixture;
use sci_optimize::{DifferentialEvolutionOptions, Init, Mutation, Strategy, Updating};
use std::f64::consts::{E, PI};

pub fn sphere(x: &Array1<f64>) -> f64 {
    x.iter().fold(0.0, |s, v| s + v * v)
}

pub fn rosen(x: &Array1<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s += 100.0 * (b - a * a) * (b - a * a) + (1.0 - a) * (1.0 - a);
    }
    s
}

pub fn rastrigin(x: &Array1<f64>) -> f64 {
    x.iter().fold(10.0 * x.len() as f64, |s, &v| s + (v * v - 10.0 * (2.0 * PI * v).cos()))
}

pub fn ackley(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    -20.0 * (-0.2 * (0.5 * (a * a + b * b)).sqrt()).exp()
        - (0.5 * ((2.0 * PI * a).cos() + (2.0 * PI * b).cos())).exp()
        + E
        + 20.0
}

/// The `(min, max)` pairs of `{key}/bounds`.
pub fn bounds(fx: &Fixture, key: &str) -> Vec<(f64, f64)> {
    let b = fx.array_f64(&format!("{key}/bounds")).into_dimensionality::<Ix2>().unwrap();
    b.rows().into_iter().map(|r| (r[0], r[1])).collect()
}

/// `differential_evolution`'s options from `{key}/opts` (the generators' `de_opts`).
pub fn de_options(fx: &Fixture, key: &str) -> DifferentialEvolutionOptions<'static> {
    let o = fx.get(&format!("{key}/opts"));
    let mut d = DifferentialEvolutionOptions::default();
    let p = |k: &str| format!("{key}/opts/{k}");
    for (k, v) in o.as_object().unwrap() {
        match k.as_str() {
            "rng" => d.seed = Some(v.as_u64().unwrap()),
            // A callable polish: the caller sets `polish_fn`.
            "polish_method" => {}
            "polish" => d.polish = v.as_bool().unwrap(),
            "maxiter" => d.maxiter = v.as_u64().unwrap() as usize,
            "popsize" => d.popsize = v.as_u64().unwrap() as usize,
            "tol" => d.tol = v.as_f64().unwrap(),
            "atol" => d.atol = v.as_f64().unwrap(),
            "recombination" => d.recombination = v.as_f64().unwrap(),
            "mutation" => {
                let m: Vec<f64> = v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
                d.mutation =
                    if m.len() == 1 { Mutation::Constant(m[0]) } else { Mutation::Dither(m[0], m[1]) };
            }
            "updating" => {
                d.updating =
                    if v.as_str() == Some("deferred") { Updating::Deferred } else { Updating::Immediate }
            }
            "init" => {
                d.init = match v.as_str().unwrap() {
                    "random" => Init::Random,
                    "sobol" => Init::Sobol,
                    "halton" => Init::Halton,
                    _ => Init::LatinHypercube,
                }
            }
            "init_population" => {
                d.init = Init::Population(fx.array_f64(&p(k)).into_dimensionality::<Ix2>().unwrap())
            }
            "x0" => d.x0 = Some(fx.array_f64(&p(k)).into_dimensionality::<Ix1>().unwrap()),
            "integrality" => {
                d.integrality = Some(v.as_array().unwrap().iter().map(|b| b.as_bool().unwrap()).collect())
            }
            "strategy" => {
                d.strategy = match v.as_str().unwrap() {
                    "best1bin" => Strategy::Best1Bin,
                    "best1exp" => Strategy::Best1Exp,
                    "rand1bin" => Strategy::Rand1Bin,
                    "rand1exp" => Strategy::Rand1Exp,
                    "rand2bin" => Strategy::Rand2Bin,
                    "rand2exp" => Strategy::Rand2Exp,
                    "randtobest1bin" => Strategy::RandToBest1Bin,
                    "randtobest1exp" => Strategy::RandToBest1Exp,
                    "currenttobest1bin" => Strategy::CurrentToBest1Bin,
                    "currenttobest1exp" => Strategy::CurrentToBest1Exp,
                    "best2bin" => Strategy::Best2Bin,
                    "best2exp" => Strategy::Best2Exp,
                    // A callable strategy: the caller sets `strategy_fn`.
                    "docstring_strategy" => d.strategy,
                    s => panic!("{s}"),
                }
            }
            other => panic!("{key}: unhandled option {other}"),
        }
    }
    d
}
