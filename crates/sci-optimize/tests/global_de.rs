//! `differential_evolution` with constraints, Sobol'/Halton initialisation and a vectorized
//! objective against SciPy fixtures (tools/fixtures/optimize_global_de.py); bad-input tables.

use sci_array::ndarray::{Array1, Array2, ArrayView2, Axis, Ix1, Ix2, array};
use sci_array::random::Generator;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Constraint, DifferentialEvolutionConstraint, DifferentialEvolutionIntermediate,
    DifferentialEvolutionOptions, DifferentialEvolutionResult, Init, LinearConstraint, Method,
    MinimizeOptions, NonlinearConstraint, OptimizeError, OptimizeResult, Updating, differential_evolution,
    differential_evolution_vectorized, minimize,
};
use std::f64::consts::PI;

mod global_common;

use global_common::{ackley, bounds, de_options, rastrigin, rosen, sphere};

fn l2(x: &Array1<f64>) -> f64 {
    (x[0] - 10.0) * (x[0] - 10.0)
        + 5.0 * (x[1] - 12.0) * (x[1] - 12.0)
        + x[2].powf(4.0)
        + 3.0 * (x[3] - 11.0) * (x[3] - 11.0)
        + 10.0 * x[4].powf(6.0)
        + 7.0 * x[5] * x[5]
        + x[6].powf(4.0)
        - 4.0 * x[5] * x[6]
        - 10.0 * x[5]
        - 8.0 * x[6]
}
fn l2_c(x: &Array1<f64>) -> Array1<f64> {
    array![
        127.0 - 2.0 * x[0] * x[0] - 3.0 * x[1].powf(4.0) - x[2] - 4.0 * x[3] * x[3] - 5.0 * x[4],
        196.0 - 23.0 * x[0] - x[1] * x[1] - 6.0 * x[5] * x[5] + 8.0 * x[6],
        282.0 - 7.0 * x[0] - 3.0 * x[1] - 10.0 * x[2] * x[2] - x[3] + x[4],
        -4.0 * x[0] * x[0] - x[1] * x[1] + 3.0 * x[0] * x[1] - 2.0 * x[2] * x[2] - 5.0 * x[5] + 11.0 * x[6],
    ]
}
fn l3(x: &Array1<f64>) -> f64 {
    x[0] * x[0] + x[1] * x[1] + x[0] * x[1] - 14.0 * x[0] - 16.0 * x[1]
        + (x[2] - 10.0) * (x[2] - 10.0)
        + 4.0 * (x[3] - 5.0) * (x[3] - 5.0)
        + (x[4] - 3.0) * (x[4] - 3.0)
        + 2.0 * (x[5] - 1.0) * (x[5] - 1.0)
        + 5.0 * x[6] * x[6]
        + 7.0 * (x[7] - 11.0) * (x[7] - 11.0)
        + 2.0 * (x[8] - 10.0) * (x[8] - 10.0)
        + (x[9] - 7.0) * (x[9] - 7.0)
        + 45.0
}
fn l3_c(x: &Array1<f64>) -> Array1<f64> {
    array![
        3.0 * x[0] - 6.0 * x[1] - 12.0 * (x[8] - 8.0) * (x[8] - 8.0) + 7.0 * x[9],
        -3.0 * (x[0] - 2.0) * (x[0] - 2.0) - 4.0 * (x[1] - 3.0) * (x[1] - 3.0) - 2.0 * x[2] * x[2]
            + 7.0 * x[3]
            + 120.0,
        -x[0] * x[0] - 2.0 * (x[1] - 2.0) * (x[1] - 2.0) + 2.0 * x[0] * x[1] - 14.0 * x[4] + 6.0 * x[5],
        -5.0 * x[0] * x[0] - 8.0 * x[1] - (x[2] - 6.0) * (x[2] - 6.0) + 2.0 * x[3] + 40.0,
        -0.5 * (x[0] - 8.0) * (x[0] - 8.0) - 2.0 * (x[1] - 4.0) * (x[1] - 4.0) - 3.0 * x[4] * x[4]
            + x[5]
            + 30.0,
    ]
}
fn l5(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0], x[1]);
    let s1 = (2.0 * PI * a).sin();
    -(s1 * s1 * s1 * (2.0 * PI * b).sin() / (a * a * a * (a + b)))
}
fn l5_c(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    array![a * a - b + 1.0, 1.0 - a + (b - 4.0) * (b - 4.0)]
}
fn l6(x: &Array1<f64>) -> f64 {
    let (a, b) = (x[0] - 10.0, x[1] - 20.0);
    a * a * a + b * b * b
}
fn l6_c(x: &Array1<f64>) -> Array1<f64> {
    let (a, b) = (x[0], x[1]);
    array![
        (a - 5.0) * (a - 5.0) + (b - 5.0) * (b - 5.0) - 100.0,
        -(a - 6.0) * (a - 6.0) - (b - 5.0) * (b - 5.0) + 82.81
    ]
}
fn l9(x: &Array1<f64>) -> f64 {
    x[0] * x[0] + (x[1] - 1.0) * (x[1] - 1.0)
}
fn l9_c(x: &Array1<f64>) -> Array1<f64> {
    array![x[1] - x[0] * x[0]]
}
fn sum2(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] + x[1]]
}
fn nanc(x: &Array1<f64>) -> Array1<f64> {
    array![if x[0] > 1.0 { f64::NAN } else { x[0] + x[1] }]
}
fn circle(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] * x[0] + x[1] * x[1]]
}

/// SciPy's docstring example of a callable strategy (best1bin with F = 0.7, CR = 0.9), draw
/// for draw.
fn docstring_strategy(candidate: usize, pop: &Array2<f64>, rng: &mut Generator) -> Array1<f64> {
    let n = pop.ncols();
    let (mutation, recombination) = (0.7, 0.9);
    let mut trial = pop.row(candidate).to_owned();
    let fill_point = rng.integers(0, n as i64, 1).unwrap()[0] as usize;
    let mut pool = Array1::from_iter(0..pop.nrows() as i64);
    rng.shuffle(&mut pool).unwrap();
    let idxs: Vec<usize> = pool.iter().map(|&i| i as usize).filter(|&i| i != candidate).take(2).collect();
    let (r0, r1) = (idxs[0], idxs[1]);
    let u: Vec<f64> = (0..n).map(|_| rng.next_f64()).collect();
    for k in 0..n {
        if u[k] < recombination || k == fill_point {
            trial[k] = pop[[0, k]] + mutation * (pop[[r0, k]] - pop[[r1, k]]);
        }
    }
    trial
}

/// SciPy's `polish=partial(minimize, method=...)`.
fn polish_with(
    method: Method,
    f: &dyn Fn(&Array1<f64>) -> f64,
    x0: &Array1<f64>,
    bounds: &Bounds,
    constraints: &[Constraint<'_>],
) -> Result<OptimizeResult, OptimizeError> {
    let o = MinimizeOptions {
        method,
        bounds: Some(bounds.clone()),
        constraints: constraints.to_vec(),
        ..Default::default()
    };
    minimize(f, x0, &o)
}
fn slsqp_polish(
    f: &dyn Fn(&Array1<f64>) -> f64,
    x0: &Array1<f64>,
    b: &Bounds,
    c: &[Constraint<'_>],
) -> Result<OptimizeResult, OptimizeError> {
    polish_with(Method::Slsqp, f, x0, b, c)
}
fn powell_polish(
    f: &dyn Fn(&Array1<f64>) -> f64,
    x0: &Array1<f64>,
    b: &Bounds,
    c: &[Constraint<'_>],
) -> Result<OptimizeResult, OptimizeError> {
    polish_with(Method::Powell, f, x0, b, c)
}
type PolishPtr = fn(
    &dyn Fn(&Array1<f64>) -> f64,
    &Array1<f64>,
    &Bounds,
    &[Constraint<'_>],
) -> Result<OptimizeResult, OptimizeError>;
static SLSQP_POLISH: PolishPtr = slsqp_polish;
static POWELL_POLISH: PolishPtr = powell_polish;

static DOCSTRING_STRATEGY: fn(usize, &Array2<f64>, &mut Generator) -> Array1<f64> = docstring_strategy;

fn func(name: &str) -> fn(&Array1<f64>) -> f64 {
    match name {
        "rosen" => rosen,
        "sphere" => sphere,
        "ackley" => ackley,
        "rastrigin" => rastrigin,
        "l2" => l2,
        "l3" => l3,
        "l5" => l5,
        "l6" => l6,
        "l9" => l9,
        other => panic!("unknown function {other}"),
    }
}

static L2_C: fn(&Array1<f64>) -> Array1<f64> = l2_c;
static L3_C: fn(&Array1<f64>) -> Array1<f64> = l3_c;
static L5_C: fn(&Array1<f64>) -> Array1<f64> = l5_c;
static L6_C: fn(&Array1<f64>) -> Array1<f64> = l6_c;
static L9_C: fn(&Array1<f64>) -> Array1<f64> = l9_c;
static SUM2: fn(&Array1<f64>) -> Array1<f64> = sum2;
static CIRCLE: fn(&Array1<f64>) -> Array1<f64> = circle;
static NANC: fn(&Array1<f64>) -> Array1<f64> = nanc;

fn cfunc(name: &str) -> &'static dyn Fn(&Array1<f64>) -> Array1<f64> {
    match name {
        "l2_c" => &L2_C,
        "l3_c" => &L3_C,
        "l5_c" => &L5_C,
        "l6_c" => &L6_C,
        "l9_c" => &L9_C,
        "sum2" => &SUM2,
        "circle" => &CIRCLE,
        "nanc" => &NANC,
        other => panic!("unknown constraint {other}"),
    }
}

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_global_de.json")).unwrap()
}

fn vec1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

fn constraint(fx: &Fixture, path: &str) -> DifferentialEvolutionConstraint<'static> {
    let (lb, ub) = (vec1(fx, &format!("{path}/lb")), vec1(fx, &format!("{path}/ub")));
    match fx.str(&format!("{path}/kind")) {
        "linear" => {
            let a = fx.array_f64(&format!("{path}/a")).into_dimensionality::<Ix2>().unwrap();
            LinearConstraint::new(a, lb, ub).into()
        }
        "nonlinear" => NonlinearConstraint::new(cfunc(fx.str(&format!("{path}/fun"))), lb, ub).into(),
        "bounds" => Bounds::new(lb, ub).into(),
        k => panic!("{k}"),
    }
}

fn options(fx: &Fixture, key: &str) -> DifferentialEvolutionOptions<'static> {
    let mut d = de_options(fx, key);
    match fx.get(&format!("{key}/opts")).get("polish_method").and_then(|v| v.as_str()) {
        Some("SLSQP") => d.polish_fn = Some(&SLSQP_POLISH),
        Some("Powell") => d.polish_fn = Some(&POWELL_POLISH),
        Some(m) => panic!("{m}"),
        None => {}
    }
    if fx.get(&format!("{key}/opts")).get("strategy").and_then(|v| v.as_str()) == Some("docstring_strategy") {
        d.strategy_fn = Some(&DOCSTRING_STRATEGY);
    }
    let n = fx.get(&format!("{key}/constraints")).as_array().unwrap().len();
    d.constraints = (0..n).map(|i| constraint(fx, &format!("{key}/constraints/{i}"))).collect();
    d
}

/// The objective one column at a time, as the generator's `vec_fun` does for SciPy.
fn by_columns(f: fn(&Array1<f64>) -> f64) -> impl Fn(&ArrayView2<'_, f64>) -> Array1<f64> {
    move |x: &ArrayView2<'_, f64>| x.axis_iter(Axis(1)).map(|c| f(&c.to_owned())).collect()
}

fn run(fx: &Fixture, key: &str) -> DifferentialEvolutionResult {
    let opts = options(fx, key);
    let f = func(fx.str(&format!("{key}/func")));
    let b = bounds(fx, key);
    if fx.get(&format!("{key}/vectorized")).as_bool().unwrap() {
        differential_evolution_vectorized(by_columns(f), &b, &opts).unwrap()
    } else {
        differential_evolution(f, &b, &opts).unwrap()
    }
}

fn check(fx: &Fixture, key: &str, r: &DifferentialEvolutionResult) {
    let c = |k: &str| format!("{key}/{k}");
    let polished = fx.get(&c("opts")).get("polish").and_then(|v| v.as_bool()) != Some(false);
    let x = vec1(fx, &c("x"));
    let fun = fx.f64(&c("fun"));
    if polished {
        // The DE path is SciPy's; polishing (trust-constr with constraints) lands on SciPy's
        // optimum to its tolerance.
        assert_allclose(&r.x, &x, 1e-7, 1e-9);
        assert!(
            r.fun == fun || (r.fun - fun).abs() <= 1e-9 * fun.abs().max(1.0),
            "{key}: fun {} vs {fun}",
            r.fun
        );
        // trust-constr takes SciPy's path too, so the evaluation counts agree, except in two
        // cases where sci's trust-constr (not this function) takes other steps than SciPy's:
        // from the infeasible start of `impossible` (SciPy: 339 iterations, status 4, not
        // kept) and on the box of width two ulps around the integer parameter of
        // `integrality` (SciPy: 37 iterations, 84 evaluations; sci: 40 and 90; both end outside
        // the box, so neither polish is kept and `x`, `fun` are the same).
        if !["de_polish_impossible", "de_polish_integrality"].contains(&key) {
            assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        }
    } else {
        assert_allclose(&r.x, &x, 1e-12, 1e-300);
        let (got, want) = (Array1::from_elem(1, r.fun), Array1::from_elem(1, fun));
        assert_allclose(&got, &want, 1e-12, 1e-300);
        assert_eq!(r.nfev as i64, fx.i64(&c("nfev")), "{key}: nfev");
        let pop = fx.array_f64(&c("population")).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&r.population, &pop, 1e-12, 1e-300);
        assert_allclose(&r.population_energies, &vec1(fx, &c("population_energies")), 1e-12, 1e-300);
    }
    assert_eq!(r.nit as i64, fx.i64(&c("nit")), "{key}: nit");
    assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}: success");
    if polished {
        // The MAXCV value in the message depends on the polished point.
        let m = fx.str(&c("message"));
        let cut = m.find("MAXCV").unwrap_or(m.len());
        assert_eq!(&r.message[..cut.min(r.message.len())], &m[..cut], "{key}");
    } else {
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
    }
    match fx.get(key).get("constr_violation") {
        None => assert_eq!((r.constr_violation, r.constr.len()), (None, 0), "{key}"),
        Some(_) => {
            let want = fx.f64(&c("constr_violation"));
            let got = r.constr_violation.unwrap();
            assert!((got - want).abs() <= 1e-9 * want.abs().max(1e-3), "{key}: maxcv {got} vs {want}");
            let n = fx.get(&c("constr")).as_array().unwrap().len();
            assert_eq!(r.constr.len(), n, "{key}");
            for (i, ci) in r.constr.iter().enumerate() {
                assert_allclose(ci, &vec1(fx, &format!("{key}/constr/{i}")), 1e-9, 1e-9);
            }
        }
    }
}

fn run_group(prefix: &[&str], min: usize) {
    let fx = fixture();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| prefix.iter().any(|p| k.starts_with(p))) {
        let r = run(&fx, &key);
        check(&fx, &key, &r);
        n += 1;
    }
    assert!(n >= min, "only {n} cases for {prefix:?}");
}

/// Lampinen's selection with linear, nonlinear and bounds constraints: SciPy's path (a NaN
/// violation counts as feasible, as in SciPy).
#[test]
fn constraints_match_scipy() {
    run_group(
        &[
            "de_doc_",
            "de_l",
            "de_impossible",
            "de_deferred",
            "de_bounds_constraint",
            "de_integrality",
            "de_x0",
            "de_two_components",
            "de_nan_constraint",
        ],
        14,
    );
}

/// Polishing with trust-constr, including from an infeasible best member and with integer
/// parameters held by equal bounds.
#[test]
fn constraints_polished_match_scipy() {
    run_group(&["de_polish_doc", "de_polish_l", "de_polish_impossible", "de_polish_integrality"], 5);
}

/// `init = Sobol`/`Halton`: SciPy's scrambled points, bit for bit, and the runs from them.
#[test]
fn sobol_halton_init_match_scipy() {
    let fx = fixture();
    for key in
        ["de_sobol_population", "de_halton_population", "de_sobol_population_seed0", "de_sobol_big_seed"]
    {
        let r = run(&fx, key);
        let want = fx.array_f64(&format!("{key}/population")).into_dimensionality::<Ix2>().unwrap();
        assert_eq!(r.population, want, "{key}: the initial population to the bit");
    }
    run_group(&["de_sobol_", "de_halton_"], 10);
}

/// A callable strategy (SciPy's docstring example) drawing from the solver's generator:
/// SciPy's path, immediate and deferred, with integer parameters and constraints.
#[test]
fn custom_strategy_matches_scipy() {
    run_group(&["de_custom_"], 3);
}

/// A callable polish (SciPy's docstring `partial(minimize, method="SLSQP")`, and Powell),
/// with a vectorized objective and with constraints (where SLSQP's end point violates one by
/// 3e-9: SciPy's MAXCV message).
#[test]
fn polish_fn_matches_scipy() {
    run_group(&["de_polishfn_"], 3);
}

/// `differential_evolution_vectorized`: one call per generation, SciPy's path and counts.
#[test]
fn vectorized_matches_scipy() {
    run_group(&["de_vec_", "de_polish_vec_"], 6);
}

/// A vectorized run takes the path of the deferred run with the point-wise objective; only
/// `nfev` counts differ.
#[test]
fn vectorized_equals_deferred() {
    let b = [(-5.12, 5.12); 3];
    let lc: DifferentialEvolutionConstraint<'_> =
        LinearConstraint::new(array![[1.0, 1.0, 1.0]], array![-1.0], array![2.0]).into();
    let o = DifferentialEvolutionOptions {
        seed: Some(4),
        polish: false,
        updating: Updating::Deferred,
        constraints: vec![lc],
        ..Default::default()
    };
    let d = differential_evolution(rastrigin, &b, &o).unwrap();
    let v = differential_evolution_vectorized(by_columns(rastrigin), &b, &o).unwrap();
    assert_eq!((&v.x, v.fun, v.nit, &v.population), (&d.x, d.fun, d.nit, &d.population));
    assert_eq!(v.nfev, v.nit + 1);
    // Immediate updating is overridden to deferred, as SciPy does.
    let im = DifferentialEvolutionOptions { updating: Updating::Immediate, ..o.clone() };
    let v2 = differential_evolution_vectorized(by_columns(rastrigin), &b, &im).unwrap();
    assert_eq!(v2, v);
}

#[test]
fn constraints_bad_input() {
    let wrong = |_: &Array1<f64>| array![1.0, 2.0];
    let empty = |_: &Array1<f64>| Array1::<f64>::zeros(0);
    let calls = std::cell::Cell::new(0);
    // One value at the start, two afterwards.
    let changing = |x: &Array1<f64>| {
        calls.set(calls.get() + 1);
        if calls.get() == 1 { array![x[0]] } else { array![x[0], x[1]] }
    };
    let shape_msg = "An array returned from a Constraint has the wrong shape. If `vectorized is False` the \
        Constraint should return an array of shape (M,). If `vectorized is True` then the Constraint must \
        return an array of shape (M, S), where S is the number of solution vectors and M is the number of \
        constraint components in a given Constraint object.";
    let b = [(-1.0, 1.0), (-1.0, 1.0)];
    let table: Vec<(DifferentialEvolutionConstraint<'_>, OptimizeError)> = vec![
        (
            LinearConstraint::new(array![[1.0, 1.0, 1.0]], array![0.0], array![1.0]).into(),
            OptimizeError::WrongLength { arg: "LinearConstraint.A columns", expected: 2, found: 3 },
        ),
        (
            NonlinearConstraint::new(&wrong, array![0.0, 0.0, 0.0], array![1.0]).into(),
            OptimizeError::WrongLength { arg: "constraint lb", expected: 2, found: 3 },
        ),
        (
            NonlinearConstraint::new(&wrong, array![0.0], array![1.0, 1.0, 1.0]).into(),
            OptimizeError::WrongLength { arg: "constraint ub", expected: 2, found: 3 },
        ),
        (
            NonlinearConstraint::new(&empty, array![0.0], array![1.0]).into(),
            OptimizeError::WrongLength { arg: "constraint fun(x0)", expected: 1, found: 0 },
        ),
        (
            Bounds::new(array![0.0, 0.0, 0.0], array![1.0]).into(),
            OptimizeError::WrongLength { arg: "constraint lb", expected: 2, found: 3 },
        ),
        (
            NonlinearConstraint::new(&changing, array![-1.0], array![1.0]).into(),
            OptimizeError::InvalidValue { arg: "constraints", reason: shape_msg.into() },
        ),
    ];
    for (c, want) in table {
        let o = DifferentialEvolutionOptions { seed: Some(1), constraints: vec![c], ..Default::default() };
        assert_eq!(differential_evolution(sphere, &b, &o).unwrap_err(), want);
    }
}

#[test]
fn vectorized_init_strategy_polish_bad_input() {
    let msg =
        "The vectorized function must return an array of shape (S,) when given an array of shape (len(x), S)";
    let b = [(-1.0, 1.0), (-1.0, 1.0)];
    let o = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
    let one = |_: &ArrayView2<'_, f64>| Array1::zeros(1);
    let transposed = |x: &ArrayView2<'_, f64>| Array1::zeros(x.nrows());
    for (f, arg, reason) in [
        (&one as &dyn Fn(&ArrayView2<'_, f64>) -> Array1<f64>, "func", msg.to_string()),
        (&transposed, "func", msg.to_string()),
    ] {
        let e = differential_evolution_vectorized(f, &b, &o).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg, reason });
    }
    let workers = DifferentialEvolutionOptions { workers: 2, ..o.clone() };
    let e = differential_evolution_vectorized(by_columns(sphere), &b, &workers).unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "workers", .. }), "{e:?}");
    // A callable strategy returning the wrong length, immediate and deferred.
    let short = |_: usize, _: &Array2<f64>, _: &mut Generator| Array1::zeros(1);
    let strategy_msg = "strategy must have signature f(candidate: int, population: np.ndarray, rng=None) \
        returning an array of shape (N,)";
    for updating in [Updating::Immediate, Updating::Deferred] {
        let so = DifferentialEvolutionOptions { strategy_fn: Some(&short), updating, ..o.clone() };
        let e = differential_evolution(sphere, &b, &so).unwrap_err();
        assert_eq!(e, OptimizeError::InvalidValue { arg: "strategy", reason: strategy_msg.into() });
    }
    // A polisher's error is passed on.
    let failing: sci_optimize::PolishFn<'_> =
        &|_, _, _, _| Err(OptimizeError::InvalidValue { arg: "polish", reason: "refused".into() });
    let po = DifferentialEvolutionOptions { polish_fn: Some(failing), maxiter: 2, ..o.clone() };
    let e = differential_evolution(sphere, &b, &po).unwrap_err();
    assert_eq!(e, OptimizeError::InvalidValue { arg: "polish", reason: "refused".into() });
    let wide = vec![(0.0, 1.0); 65];
    let sobol = DifferentialEvolutionOptions { init: Init::Sobol, maxiter: 0, ..o.clone() };
    let e = differential_evolution(sphere, &wide, &sobol).unwrap_err();
    assert_eq!(
        e,
        OptimizeError::InvalidValue {
            arg: "init",
            reason: "'sobol' is available for up to 64 parameters, got 65".into()
        }
    );
    // Halton has no such limit; Sobol' rounds the population up to a power of two.
    let halton = DifferentialEvolutionOptions { init: Init::Halton, polish: false, ..sobol.clone() };
    assert_eq!(differential_evolution(sphere, &wide, &halton).unwrap().population.nrows(), 975);
    let small = DifferentialEvolutionOptions { popsize: 3, polish: false, ..sobol };
    assert_eq!(differential_evolution(sphere, &b, &small).unwrap().population.nrows(), 8);
}

/// Empty constraint lists change nothing; an infeasible population keeps infinite energies.
#[test]
fn constraint_edge_cases() {
    let b = [(-2.0, 2.0); 2];
    let o = DifferentialEvolutionOptions { seed: Some(5), polish: false, maxiter: 30, ..Default::default() };
    let plain = differential_evolution(rosen, &b, &o).unwrap();
    assert_eq!((plain.constr.len(), plain.constr_violation), (0, None));
    // A constraint every point satisfies: the same run, with zero violation.
    let all: DifferentialEvolutionConstraint<'_> =
        LinearConstraint::new(array![[1.0, 0.0]], array![f64::NEG_INFINITY], array![f64::INFINITY]).into();
    let c = differential_evolution(
        rosen,
        &b,
        &DifferentialEvolutionOptions { constraints: vec![all], ..o.clone() },
    )
    .unwrap();
    assert_eq!((&c.x, c.fun, c.nfev, c.nit), (&plain.x, plain.fun, plain.nfev, plain.nit));
    assert_eq!(c.constr_violation, Some(0.0));
    // Nothing feasible: no evaluation at all, infinite energies.
    let none: DifferentialEvolutionConstraint<'_> = Bounds::new(array![5.0], array![6.0]).into();
    let r = differential_evolution(rosen, &b, &DifferentialEvolutionOptions { constraints: vec![none], ..o })
        .unwrap();
    assert_eq!(r.nfev, 0);
    assert!(r.population_energies.iter().all(|e| e.is_infinite()) && !r.success);
    assert!(
        r.message.starts_with("The solution does not satisfy the constraints, MAXCV = "),
        "{}",
        r.message
    );
    let _ = Array2::<f64>::zeros((0, 0));
}

/// The callback sees SciPy's intermediate results, with the best member's constraint violation.
#[test]
fn callback_sees_constr_violation() {
    let fx = fixture();
    for key in ["cb_impossible", "cb_l9"] {
        let seen = std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new()));
        let cb = |r: &DifferentialEvolutionIntermediate<'_>| {
            let mut s = seen.borrow_mut();
            s.0.push(r.fun);
            s.1.push(r.constr_violation.unwrap());
            s.2.push(r.nfev as i64);
            std::ops::ControlFlow::Continue(())
        };
        let opts = DifferentialEvolutionOptions { callback: Some(&cb), ..options(&fx, key) };
        differential_evolution(func(fx.str(&format!("{key}/func"))), &bounds(&fx, key), &opts).unwrap();
        let (fun, cv, nfev) = seen.into_inner();
        assert_allclose(&Array1::from_vec(fun), &vec1(&fx, &format!("{key}/fun")), 1e-12, 1e-300);
        assert_allclose(&Array1::from_vec(cv), &vec1(&fx, &format!("{key}/constr_violation")), 1e-12, 1e-300);
        assert_eq!(nfev, fx.array_i64(&format!("{key}/nfev")).iter().copied().collect::<Vec<_>>(), "{key}");
    }
    // Without constraints the field is `None`.
    let none = std::cell::Cell::new(true);
    let cb = |r: &DifferentialEvolutionIntermediate<'_>| {
        none.set(none.get() && r.constr_violation.is_none());
        std::ops::ControlFlow::Continue(())
    };
    let o =
        DifferentialEvolutionOptions { seed: Some(1), maxiter: 3, callback: Some(&cb), ..Default::default() };
    differential_evolution(sphere, &[(-1.0, 1.0)], &o).unwrap();
    assert!(none.get());
}
