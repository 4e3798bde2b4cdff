//! Global optimizers against SciPy fixtures; bad-input tables.

use sci_array::ndarray::{Array1, Array2, Ix1};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    BasinhoppingOptions, BruteOptions, DifferentialEvolutionOptions, DualAnnealingOptions, GridRange, Init,
    Method, MinimizeOptions, Mutation, OptimizeError, Updating, basinhopping, brute, differential_evolution,
    dual_annealing,
};
mod global_common;

use global_common::{ackley, bounds, de_options, rastrigin, rosen, sphere};

fn himmelblau(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    (a * a + b - 11.0) * (a * a + b - 11.0) + (a + b * b - 7.0) * (a + b * b - 7.0)
}
fn tour(x: &Array1<f64>) -> f64 {
    x[0] * x[0] + 10.0 * x[0].sin()
}

fn nanwell(x: &Array1<f64>) -> f64 {
    if x[0].abs() > 1.0 { f64::NAN } else { (x[0] - 0.5) * (x[0] - 0.5) }
}

fn wavy1(x: &Array1<f64>) -> f64 {
    (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0]
}
fn wavy2(x: &Array1<f64>) -> f64 {
    (14.5 * x[0] - 0.3).cos() + (x[1] + 0.2) * x[1] + (x[0] + 0.2) * x[0]
}

fn func(name: &str) -> fn(&Array1<f64>) -> f64 {
    match name {
        "sphere" => sphere,
        "rosen" => rosen,
        "rastrigin" => rastrigin,
        "ackley" => ackley,
        "himmelblau" => himmelblau,
        "tour" => tour,
        "nanwell" => nanwell,
        "wavy1" => wavy1,
        "wavy2" => wavy2,
        other => panic!("unknown function {other}"),
    }
}

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_global.json")).unwrap()
}

/// With SciPy's seed and no polishing the run follows SciPy's path draw for draw.
#[test]
fn differential_evolution_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("de_")) {
        let c = |k: &str| format!("{key}/{k}");
        let opts = de_options(&fx, &key);
        let r = differential_evolution(func(fx.str(&c("func"))), &bounds(&fx, &key), &opts).unwrap();
        let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        if opts.polish {
            // Polished with L-BFGS-B like SciPy: the same final point and evaluation count.
            assert_allclose(&r.x, &x, 1e-12, 1e-300);
            assert!(
                (r.fun - fx.f64(&c("fun"))).abs() <= 1e-14,
                "{key}: fun {} vs {}",
                r.fun,
                fx.f64(&c("fun"))
            );
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        } else {
            assert_allclose(&r.x, &x, 1e-12, 1e-300);
            assert_allclose(
                &Array1::from_elem(1, r.fun),
                &Array1::from_elem(1, fx.f64(&c("fun"))),
                1e-12,
                1e-300,
            );
            assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        }
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        n += 1;
    }
    assert!(n >= 25, "only {n} cases");
}

/// `workers` evaluates a generation on threads: the same run as `updating = Deferred`.
#[test]
fn workers_equal_deferred() {
    let base = DifferentialEvolutionOptions { seed: Some(3), polish: false, ..Default::default() };
    let deferred = DifferentialEvolutionOptions { updating: Updating::Deferred, ..base.clone() };
    let b = [(-5.12, 5.12); 3];
    let want = differential_evolution(rastrigin, &b, &deferred).unwrap();
    for workers in [2, -1] {
        let got =
            differential_evolution(rastrigin, &b, &DifferentialEvolutionOptions { workers, ..base.clone() })
                .unwrap();
        assert_eq!(got, want, "workers {workers}");
    }
    let r = differential_evolution(rastrigin, &b, &base).unwrap();
    assert_eq!(r.population.dim(), (45, 3));
    assert_eq!(r.population_energies.len(), 45);
    assert_eq!(r.population_energies[0], r.fun);
}

/// A single parameter, NaN from the objective (never accepted), maxiter 0.
#[test]
fn edge_cases() {
    let opts = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
    let r = differential_evolution(tour, &[(-10.0, 10.0)], &opts).unwrap();
    assert!((r.x[0] + 1.3064400845888424).abs() < 1e-6, "{}", r.x[0]);
    // NaN at the best member: polishing from it fails, and is skipped as in SciPy.
    let o50 = DifferentialEvolutionOptions { maxiter: 50, ..opts.clone() };
    let r = differential_evolution(nanwell, &[(-4.0, 4.0)], &o50).unwrap();
    assert!(r.fun.is_nan() && !r.success);
    let o0 = DifferentialEvolutionOptions { maxiter: 0, polish: false, ..opts.clone() };
    let r = differential_evolution(sphere, &[(-1.0, 1.0)], &o0).unwrap();
    assert_eq!((r.nit, r.nfev, r.success), (0, 15, false));
    assert_eq!(r.message, "Maximum number of iterations has been exceeded.");
}

#[test]
fn differential_evolution_bad_input() {
    let ok = DifferentialEvolutionOptions::default();
    let bad_bounds =
        "bounds should be a sequence containing finite real valued (min, max) pairs for each value in x";
    let mutation = "The mutation constant must be a float in U[0, 2), or specified as a tuple(min, max) where min < max and min, max are in U[0, 2).";
    let table: Vec<(Vec<(f64, f64)>, DifferentialEvolutionOptions<'_>, &str, &str)> = vec![
        (vec![], ok.clone(), "bounds", bad_bounds),
        (vec![(0.0, f64::INFINITY)], ok.clone(), "bounds", bad_bounds),
        (vec![(f64::NAN, 1.0)], ok.clone(), "bounds", bad_bounds),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { mutation: Mutation::Constant(2.0), ..ok.clone() },
            "mutation",
            mutation,
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { mutation: Mutation::Dither(-0.1, 1.0), ..ok.clone() },
            "mutation",
            mutation,
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { mutation: Mutation::Constant(f64::NAN), ..ok.clone() },
            "mutation",
            mutation,
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { init: Init::Population(Array2::zeros((4, 1))), ..ok.clone() },
            "init",
            "The population supplied needs to have shape (S, len(x)), where S > 4.",
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { init: Init::Population(Array2::zeros((6, 2))), ..ok.clone() },
            "init",
            "The population supplied needs to have shape (S, len(x)), where S > 4.",
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { x0: Some(Array1::from_elem(1, 1.5)), ..ok.clone() },
            "x0",
            "Some entries in x0 lay outside the specified bounds",
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { x0: Some(Array1::zeros(2)), ..ok.clone() },
            "x0",
            "expected 1 entries, got 2",
        ),
        (
            vec![(0.2, 0.8)],
            DifferentialEvolutionOptions { integrality: Some(vec![true]), ..ok.clone() },
            "integrality",
            "One of the integrality constraints does not have any possible integer values between the lower/upper bounds.",
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { integrality: Some(vec![]), ..ok.clone() },
            "integrality",
            "expected 1 entries, got 0",
        ),
        (
            vec![(0.0, 1.0)],
            DifferentialEvolutionOptions { workers: 0, ..ok.clone() },
            "workers",
            "must be -1 (all cores) or at least 1, got 0",
        ),
    ];
    for (b, o, arg, msg) in table {
        let e = differential_evolution(sphere, &b, &o).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg, reason: msg.into() }, "{b:?}");
    }
}

#[test]
fn brute_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("brute_")) {
        let c = |k: &str| format!("{key}/{k}");
        let ranges: Vec<GridRange> = fx
            .get(&c("ranges"))
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let v: Vec<f64> = r.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
                if v.len() == 3 { GridRange::Slice(v[0], v[1], v[2]) } else { GridRange::Bounds(v[0], v[1]) }
            })
            .collect();
        let finish = if fx.get(&c("finish")).as_bool().unwrap() { Some(Method::NelderMead) } else { None };
        let opts = BruteOptions { ns: fx.i64(&c("Ns")) as usize, finish, ..Default::default() };
        let r = brute(func(fx.str(&c("func"))), &ranges, &opts).unwrap();
        // The grid is np.mgrid's to the bit; the objective rounds as SciPy's; Nelder-Mead takes
        // SciPy's path.
        assert_allclose(&r.grid, &fx.array_f64(&c("grid")), 0.0, 0.0);
        assert_allclose(&r.jout, &fx.array_f64(&c("jout")), 1e-14, 0.0);
        assert_allclose(&r.x0, &fx.array_f64(&c("x0")).into_dimensionality::<Ix1>().unwrap(), 1e-12, 1e-300);
        assert!((r.fval - fx.f64(&c("fval"))).abs() <= 1e-12 * r.fval.abs().max(1e-300), "{key}");
        let par = brute(func(fx.str(&c("func"))), &ranges, &BruteOptions { workers: 2, ..opts }).unwrap();
        assert_eq!(par, r, "{key}: workers");
        n += 1;
    }
    assert!(n >= 9, "only {n} cases");
}

#[test]
fn brute_bad_input() {
    let ok = BruteOptions::default();
    let table: Vec<(Vec<GridRange>, BruteOptions, &str, &str)> = vec![
        (vec![], ok, "ranges", "at least one range is needed"),
        (
            vec![GridRange::Bounds(0.0, 1.0); 41],
            ok,
            "ranges",
            "Brute Force not possible with more than 40 variables.",
        ),
        (
            vec![GridRange::Bounds(0.0, 1.0)],
            BruteOptions { ns: 0, ..ok },
            "ranges",
            "range 0 holds no grid point",
        ),
        (
            vec![GridRange::Bounds(0.0, 1.0), GridRange::Slice(1.0, 0.0, 0.1)],
            ok,
            "ranges",
            "range 1 holds no grid point",
        ),
        (vec![GridRange::Slice(0.0, 1.0, 0.0)], ok, "ranges", "range 0 is not finite"),
        (vec![GridRange::Slice(0.0, 1e300, 1e-300)], ok, "ranges", "range 0 is not finite"),
        (vec![GridRange::Slice(0.0, 1e9, 1.0); 3], ok, "ranges", "the grid is too large"),
        (vec![GridRange::Bounds(f64::NAN, 1.0)], ok, "ranges", "range 0 is not finite"),
        (
            vec![GridRange::Bounds(0.0, 1.0)],
            BruteOptions { workers: -2, ..ok },
            "workers",
            "must be -1 (all cores) or at least 1, got -2",
        ),
    ];
    for (ranges, o, arg, msg) in table {
        let e = brute(sphere, &ranges, &o).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg, reason: msg.into() }, "{ranges:?}");
    }
}

/// A seeded run takes SciPy's path: same displacements, same local minima, same counts.
#[test]
fn basinhopping_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("bh_")) {
        let c = |k: &str| format!("{key}/{k}");
        let mut o = BasinhoppingOptions::default();
        for (k, v) in fx.get(&c("opts")).as_object().unwrap() {
            match k.as_str() {
                "rng" => o.seed = Some(v.as_u64().unwrap()),
                "niter" => o.niter = v.as_u64().unwrap() as usize,
                "stepsize" => o.stepsize = v.as_f64().unwrap(),
                "T" => o.t = v.as_f64().unwrap(),
                "interval" => o.interval = v.as_u64().unwrap() as usize,
                "niter_success" => o.niter_success = Some(v.as_u64().unwrap() as usize),
                "target_accept_rate" => o.target_accept_rate = v.as_f64().unwrap(),
                "stepwise_factor" => o.stepwise_factor = v.as_f64().unwrap(),
                "method" => {
                    assert_eq!(v.as_str(), Some("Nelder-Mead"));
                    o.minimizer = MinimizeOptions { method: Method::NelderMead, ..Default::default() };
                }
                other => panic!("{key}: unhandled option {other}"),
            }
        }
        let x0 = fx.array_f64(&c("x0")).into_dimensionality::<Ix1>().unwrap();
        let r = basinhopping(func(fx.str(&c("func"))), &x0, &o).unwrap();
        let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        if o.minimizer.method == Method::NelderMead {
            // Nelder-Mead reproduces SciPy's iterates exactly: the whole run takes SciPy's path.
            assert_allclose(&r.x, &x, 1e-12, 1e-300);
            assert_eq!(r.fun, fx.f64(&c("fun")), "{key}");
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
            assert_eq!(r.minimization_failures as i64, fx.i64(&c("minimization_failures")), "{key}");
        } else {
            // BFGS follows SciPy's iterates to about 1e-9 only (finite-difference rounding), so
            // a Metropolis decision can go the other way later on: compare the optimum.
            assert_allclose(&r.x, &x, 0.0, 1e-6);
            assert!(
                (r.fun - fx.f64(&c("fun"))).abs() < 1e-9,
                "{key}: fun {} vs {}",
                r.fun,
                fx.f64(&c("fun"))
            );
        }
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        assert_eq!(r.lowest_optimization_result.x, r.x);
        n += 1;
    }
    assert!(n >= 11, "only {n} cases");
}

#[test]
fn basinhopping_bad_input() {
    let ok = BasinhoppingOptions::default();
    let x0 = Array1::from_elem(1, 1.0);
    let table: Vec<(BasinhoppingOptions<'_>, &str, &str)> = vec![
        (
            BasinhoppingOptions { target_accept_rate: 1.0, ..ok.clone() },
            "target_accept_rate",
            "target_accept_rate has to be in range (0, 1)",
        ),
        (
            BasinhoppingOptions { target_accept_rate: f64::NAN, ..ok.clone() },
            "target_accept_rate",
            "target_accept_rate has to be in range (0, 1)",
        ),
        (
            BasinhoppingOptions { stepwise_factor: 0.0, ..ok.clone() },
            "stepwise_factor",
            "stepwise_factor has to be in range (0, 1)",
        ),
        (BasinhoppingOptions { t: -1.0, ..ok.clone() }, "T", "must be non-negative, got -1"),
        (
            BasinhoppingOptions { stepsize: f64::INFINITY, ..ok.clone() },
            "stepsize",
            "must be finite and non-negative, got inf",
        ),
        (BasinhoppingOptions { interval: 0, ..ok.clone() }, "interval", "must be at least 1"),
    ];
    for (o, arg, msg) in table {
        let e = basinhopping(sphere, &x0, &o).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg, reason: msg.into() });
    }
    let e = basinhopping(sphere, &Array1::<f64>::zeros(0), &ok).unwrap_err();
    assert_eq!(e, OptimizeError::WrongLength { arg: "x0", expected: 1, found: 0 });
}

#[test]
fn dual_annealing_matches_scipy() {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("da_")) {
        let c = |k: &str| format!("{key}/{k}");
        let mut o = DualAnnealingOptions::default();
        for (k, v) in fx.get(&c("opts")).as_object().unwrap() {
            match k.as_str() {
                "rng" => o.seed = Some(v.as_u64().unwrap()),
                "maxiter" => o.maxiter = v.as_u64().unwrap() as usize,
                "maxfun" => o.maxfun = v.as_u64().unwrap() as usize,
                "no_local_search" => o.no_local_search = v.as_bool().unwrap(),
                "visit" => o.visit = v.as_f64().unwrap(),
                "accept" => o.accept = v.as_f64().unwrap(),
                "initial_temp" => o.initial_temp = v.as_f64().unwrap(),
                "restart_temp_ratio" => o.restart_temp_ratio = v.as_f64().unwrap(),
                "x0" => o.x0 = Some(fx.array_f64(&c("opts/x0")).into_dimensionality::<Ix1>().unwrap()),
                other => panic!("{key}: unhandled option {other}"),
            }
        }
        let r = dual_annealing(func(fx.str(&c("func"))), &bounds(&fx, &key), &o).unwrap();
        let x = fx.array_f64(&c("x")).into_dimensionality::<Ix1>().unwrap();
        if o.no_local_search {
            // Same draws and acceptances as SciPy; the visited points carry last-bit
            // differences of exp/log amplified by the heavy-tailed visits (wrapped into the
            // bounds), so points agree to 1e-6 and energies to 1e-5 relative.
            assert_allclose(&r.x, &x, 0.0, 1e-6);
            assert!(
                (r.fun - fx.f64(&c("fun"))).abs() <= 1e-5 * r.fun.abs(),
                "{key}: {} vs {}",
                r.fun,
                fx.f64(&c("fun"))
            );
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        } else {
            // Local searches by L-BFGS-B as SciPy's, between annealing steps as above: the
            // same minimum and evaluation count.
            assert!(
                (r.fun - fx.f64(&c("fun"))).abs() < 1e-8,
                "{key}: fun {} vs {}",
                r.fun,
                fx.f64(&c("fun"))
            );
            assert_allclose(&r.x, &x, 0.0, 1e-6);
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        }
        assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
        n += 1;
    }
    assert!(n >= 10, "only {n} cases");
}

#[test]
fn dual_annealing_bad_input() {
    let ok = DualAnnealingOptions::default();
    let b = vec![(0.0, 1.0)];
    let table: Vec<(Vec<(f64, f64)>, DualAnnealingOptions<'_>, &str, &str)> = vec![
        (vec![], ok.clone(), "bounds", "Some bounds values are inf values or nan values"),
        (vec![(0.0, f64::INFINITY)], ok.clone(), "bounds", "Some bounds values are inf values or nan values"),
        (vec![(1.0, 1.0)], ok.clone(), "bounds", "Bounds are not consistent min < max"),
        (
            b.clone(),
            DualAnnealingOptions { restart_temp_ratio: 1.0, ..ok.clone() },
            "restart_temp_ratio",
            "Restart temperature ratio has to be in range (0, 1)",
        ),
        (b.clone(), DualAnnealingOptions { visit: 1.0, ..ok.clone() }, "visit", "must be in (1, 3], got 1"),
        (
            b.clone(),
            DualAnnealingOptions { accept: -4.0, ..ok.clone() },
            "accept",
            "must be in (-1e4, -5], got -4",
        ),
        (
            b.clone(),
            DualAnnealingOptions { initial_temp: 0.0, ..ok.clone() },
            "initial_temp",
            "must be in (0.01, 5e4], got 0",
        ),
    ];
    for (bounds, o, arg, msg) in table {
        let e = dual_annealing(sphere, &bounds, &o).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg, reason: msg.into() }, "{bounds:?}");
    }
    let o = DualAnnealingOptions { x0: Some(Array1::zeros(2)), ..ok.clone() };
    assert_eq!(
        dual_annealing(sphere, &b, &o).unwrap_err(),
        OptimizeError::WrongLength { arg: "x0", expected: 1, found: 2 }
    );
    // An objective that is never finite.
    let e = dual_annealing(|_: &Array1<f64>| f64::NAN, &b, &DualAnnealingOptions { seed: Some(0), ..ok })
        .unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "func", .. }));
}
