//! A sweep of the optimizers over the inputs that break them most often: empty and length-1
//! starting points, NaN and infinite starting points, objectives that return NaN or infinity
//! or are constant, bounds that cross or do not match `x0`, zero iteration limits, brackets
//! without a sign change, and degenerate linear programs and assignment problems. Every call
//! must return, `Ok` or an error, and never panic; the values themselves are checked against
//! SciPy by the other test files. `SWEEP_TRACE=1` prints each call before it runs, to find one
//! that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_optimize::*;

/// The starting points, by name.
fn starts() -> Vec<(&'static str, Array1<f64>)> {
    vec![
        ("empty", Array1::zeros(0)),
        ("[0.5]", array![0.5]),
        ("[nan]", array![f64::NAN]),
        ("[inf, 1]", array![f64::INFINITY, 1.0]),
        ("[-1.2, 1]", array![-1.2, 1.0]),
        ("[1e300, -1e300]", array![1e300, -1e300]),
    ]
}

type Objective = fn(&Array1<f64>) -> f64;

fn sum_squares(x: &Array1<f64>) -> f64 {
    x.iter().map(|v| (v - 1.0) * (v - 1.0)).sum()
}

fn objectives() -> Vec<(&'static str, Objective)> {
    vec![
        ("sum of squares", sum_squares as Objective),
        ("nan", |_| f64::NAN),
        ("inf", |_| f64::INFINITY),
        ("constant", |_| 3.0),
        ("nan away from 0", |x| if x.iter().any(|v| v.abs() > 2.0) { f64::NAN } else { sum_squares(x) }),
    ]
}

const METHODS: [Method; 15] = [
    Method::NelderMead,
    Method::Bfgs,
    Method::Cg,
    Method::LBfgsB,
    Method::Powell,
    Method::NewtonCg,
    Method::TrustConstr,
    Method::Slsqp,
    Method::TrustNcg,
    Method::TrustKrylov,
    Method::TrustExact,
    Method::Dogleg,
    Method::Tnc,
    Method::Cobyla,
    Method::Bfgs,
];

#[test]
fn minimizers_do_not_panic_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    let grad = |x: &Array1<f64>| x.mapv(|v| 2.0 * (v - 1.0));
    let hess = |x: &Array1<f64>| Array2::eye(x.len()) * 2.0;
    for (xname, x0) in starts() {
        let n = x0.len();
        let bounds: Vec<(&str, Option<Bounds>)> = vec![
            ("no bounds", None),
            ("matching", Some(Bounds::new(Array1::from_elem(n, -2.0), Array1::from_elem(n, 2.0)))),
            ("crossed", Some(Bounds::new(Array1::from_elem(n, 2.0), Array1::from_elem(n, -2.0)))),
            (
                "wrong length",
                Some(Bounds::new(Array1::from_elem(n + 1, -2.0), Array1::from_elem(n + 1, 2.0))),
            ),
            ("scalar nan", Some(Bounds::scalar(f64::NAN, 1.0))),
            ("equal", Some(Bounds::scalar(0.5, 0.5))),
        ];
        for (fname, f) in objectives() {
            for method in METHODS {
                for (bname, b) in &bounds {
                    for maxiter in [None, Some(0)] {
                        let tag =
                            format!("minimize {method:?} {fname} from {xname}, {bname}, maxiter {maxiter:?}");
                        let opts = MinimizeOptions {
                            method,
                            jac: Jac::Fn(&grad),
                            hess: Some(&hess),
                            bounds: b.clone(),
                            maxiter,
                            ..Default::default()
                        };
                        p.run(tag, || drop(minimize(f, &x0, &opts)));
                    }
                }
                let tag = format!("minimize {method:?} {fname} from {xname}, tol -1, numeric gradient");
                let opts = MinimizeOptions { method, tol: Some(-1.0), ..Default::default() };
                p.run(tag, || drop(minimize(f, &x0, &opts)));
            }
            p.run(format!("basinhopping {fname} from {xname}"), || {
                let opts = BasinhoppingOptions { niter: 3, seed: Some(1), ..Default::default() };
                drop(basinhopping(f, &x0, &opts))
            });
            p.run(format!("approx_fprime {fname} at {xname}"), || drop(approx_fprime(&x0, f, 1e-8)));
            p.run(format!("check_grad {fname} at {xname}"), || drop(check_grad(f, grad, &x0, 1e-8)));
            p.run(format!("line_search {fname} at {xname}"), || {
                drop(line_search(f, grad, &x0, &x0.mapv(|v| -v), LineSearchOptions::default()))
            });
        }
    }
    panics.finish();
}

#[test]
fn scalar_solvers_do_not_panic_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    type Scalar = fn(f64) -> f64;
    let functions: Vec<(&str, Scalar)> = vec![
        ("x^2 - 2", |x| x * x - 2.0),
        ("nan", |_| f64::NAN),
        ("inf", |_| f64::INFINITY),
        ("constant", |_| 1.0),
        ("zero", |_| 0.0),
        ("sign", |x| x.signum()),
        ("nan beyond 3", |x| if x > 3.0 { f64::NAN } else { x - 2.5 }),
    ];
    let fprime = |x: f64| 2.0 * x;
    let fprime2 = |_: f64| 2.0;
    let methods = [
        RootScalarMethod::Brentq,
        RootScalarMethod::Brenth,
        RootScalarMethod::Bisect,
        RootScalarMethod::Ridder,
        RootScalarMethod::Toms748,
        RootScalarMethod::Newton,
        RootScalarMethod::Secant,
        RootScalarMethod::Halley,
    ];
    let brackets =
        [(0.0, 4.0), (1.0, 1.0), (4.0, 0.0), (f64::NAN, 1.0), (0.0, f64::INFINITY), (-1e300, 1e300)];
    for (fname, f) in &functions {
        let f = *f;
        for method in methods {
            for bracket in brackets {
                for (x0, x1) in
                    [(Some(1.0), None), (Some(f64::NAN), None), (Some(0.0), Some(0.0)), (None, None)]
                {
                    for (xtol, maxiter) in [(None, None), (Some(-1.0), Some(0)), (Some(0.0), Some(1))] {
                        let tag = format!(
                            "root_scalar {method:?} {fname} bracket {bracket:?} x0 {x0:?} x1 {x1:?} xtol {xtol:?} maxiter {maxiter:?}"
                        );
                        let opts = RootScalarOptions {
                            method: Some(method),
                            bracket: Some(bracket),
                            x0,
                            x1,
                            fprime: Some(&fprime),
                            fprime2: Some(&fprime2),
                            xtol,
                            maxiter,
                            ..Default::default()
                        };
                        p.run(tag, || drop(root_scalar(f, &opts)));
                    }
                }
            }
        }
        for (a, b) in brackets {
            let tag = |what: &str| format!("{what} {fname} on ({a}, {b})");
            p.run(tag("brentq"), || drop(brentq(f, a, b)));
            p.run(tag("brenth"), || drop(brenth(f, a, b)));
            p.run(tag("bisect"), || drop(bisect(f, a, b)));
            p.run(tag("ridder"), || drop(ridder(f, a, b)));
            p.run(tag("toms748"), || drop(toms748(f, a, b, &BracketOptions::default())));
            p.run(tag("bracket"), || drop(bracket(f, a, b)));
            p.run(tag("newton"), || drop(newton(f, a, None)));
            p.run(tag("newton fprime"), || drop(newton(f, a, Some(&fprime))));
            p.run(tag("fixed_point"), || drop(fixed_point(f, a, &FixedPointOptions::default())));
            for method in [ScalarMethod::Brent, ScalarMethod::Bounded, ScalarMethod::Golden] {
                for (xtol, maxiter) in [(None, None), (Some(-1.0), Some(0)), (Some(f64::NAN), Some(1))] {
                    let tag = tag(&format!("minimize_scalar {method:?} xtol {xtol:?} maxiter {maxiter:?}"));
                    let opts = MinimizeScalarOptions {
                        method: Some(method),
                        bracket: Some(Bracket::Two(a, b)),
                        bounds: Some((a, b)),
                        xtol,
                        xatol: xtol,
                        maxiter,
                    };
                    p.run(tag, || drop(minimize_scalar(f, &opts)));
                    let three =
                        MinimizeScalarOptions { bracket: Some(Bracket::Three(a, 0.5 * (a + b), b)), ..opts };
                    p.run(format!("{fname} three-point bracket ({a}, {b}) {method:?}"), || {
                        drop(minimize_scalar(f, &three))
                    });
                }
            }
        }
    }
    panics.finish();
}

#[test]
fn systems_and_least_squares_do_not_panic_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    type Residual = fn(&Array1<f64>) -> Array1<f64>;
    let residuals: Vec<(&str, Residual)> = vec![
        ("x - 1", |x| x.mapv(|v| v - 1.0)),
        ("nan", |x| x.mapv(|_| f64::NAN)),
        ("inf", |x| x.mapv(|_| f64::INFINITY)),
        ("empty", |_| Array1::zeros(0)),
        ("one longer", |x| Array1::from_iter(x.iter().map(|v| v * v - 2.0).chain([1.0]))),
        ("one shorter", |x| x.iter().skip(1).map(|v| v - 1.0).collect()),
        ("constant", |x| x.mapv(|_| 1.0)),
    ];
    let root_methods = [
        RootMethod::Hybr,
        RootMethod::Lm,
        RootMethod::Broyden1,
        RootMethod::Broyden2,
        RootMethod::Anderson,
        RootMethod::LinearMixing,
        RootMethod::DiagBroyden,
        RootMethod::ExcitingMixing,
        RootMethod::DfSane,
        RootMethod::Krylov,
    ];
    let nonlin_methods = [
        NonlinMethod::Broyden1,
        NonlinMethod::Broyden2,
        NonlinMethod::Anderson,
        NonlinMethod::LinearMixing,
        NonlinMethod::DiagBroyden,
        NonlinMethod::ExcitingMixing,
        NonlinMethod::Krylov,
    ];
    for (xname, x0) in starts() {
        let n = x0.len();
        for (fname, f) in &residuals {
            let f = *f;
            let tag = |what: &str| format!("{what} {fname} from {xname}");
            for method in root_methods {
                for maxiter in [None, Some(0)] {
                    let opts = RootOptions { method, maxiter, maxfev: maxiter, ..Default::default() };
                    p.run(tag(&format!("root {method:?} maxiter {maxiter:?}")), || drop(root(f, &x0, &opts)));
                }
            }
            for method in nonlin_methods {
                let opts = NonlinOptions { maxiter: Some(20), ..Default::default() };
                p.run(tag(&format!("nonlin_solve {method:?}")), || drop(nonlin_solve(f, &x0, method, &opts)));
            }
            p.run(tag("df_sane"), || drop(df_sane(f, &x0, &DfSaneOptions::default())));
            p.run(tag("fsolve"), || drop(fsolve(f, &x0, &FsolveOptions::default())));
            p.run(tag("leastsq"), || drop(leastsq(f, &x0, &LeastsqOptions::default())));
            for method in [LsqMethod::Trf, LsqMethod::Dogbox, LsqMethod::Lm] {
                let bounds = [
                    None,
                    Some(Bounds::new(Array1::from_elem(n, 2.0), Array1::from_elem(n, -2.0))),
                    Some(Bounds::scalar(0.0, 0.0)),
                ];
                for b in bounds {
                    for max_nfev in [None, Some(0), Some(1)] {
                        let opts =
                            LeastSquaresOptions { method, bounds: b.clone(), max_nfev, ..Default::default() };
                        let what = format!("least_squares {method:?} bounds {b:?} max_nfev {max_nfev:?}");
                        p.run(tag(&what), || drop(least_squares(f, &x0, &opts)));
                    }
                }
            }
        }
    }
    let xdatas: Vec<(&str, Array1<f64>, Array1<f64>)> = vec![
        ("empty", Array1::zeros(0), Array1::zeros(0)),
        ("one point", array![1.0], array![2.0]),
        ("three points", array![0.0, 1.0, 2.0], array![1.0, 3.0, 5.0]),
        ("nan in y", array![0.0, 1.0, 2.0, 3.0], array![1.0, f64::NAN, 5.0, 7.0]),
        ("inf in x", array![0.0, f64::INFINITY, 2.0, 3.0], array![1.0, 3.0, 5.0, 7.0]),
        ("lengths differ", array![0.0, 1.0, 2.0], array![1.0, 3.0]),
        ("constant x", array![1.0, 1.0, 1.0, 1.0], array![1.0, 2.0, 3.0, 4.0]),
    ];
    let line = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|v| p[0] * v + p[1]);
    for (dname, x, y) in &xdatas {
        for method in [None, Some(LsqMethod::Lm), Some(LsqMethod::Trf), Some(LsqMethod::Dogbox)] {
            for p0 in [array![1.0, 1.0], Array1::zeros(0), array![f64::NAN, 0.0]] {
                for nan_policy in [None, Some(NanPolicy::Omit), Some(NanPolicy::Raise)] {
                    let opts = CurveFitOptions { method, nan_policy, ..Default::default() };
                    let tag = format!("curve_fit {dname} {method:?} p0 {p0:?} nan_policy {nan_policy:?}");
                    p.run(tag, || drop(curve_fit(line, x, y, &p0, &opts)));
                }
            }
        }
    }
    panics.finish();
}

/// The matrices of the linear problems, by name.
fn matrices() -> Vec<(&'static str, Array2<f64>)> {
    vec![
        ("0x0", Array2::zeros((0, 0))),
        ("0x2", Array2::zeros((0, 2))),
        ("2x0", Array2::zeros((2, 0))),
        ("1x1", array![[2.0]]),
        ("2x2", array![[1.0, 2.0], [3.0, 4.0]]),
        ("2x3", array![[1.0, 2.0, 0.5], [3.0, -4.0, 1.0]]),
        ("3x2", array![[1.0, 2.0], [3.0, -4.0], [0.0, 1.0]]),
        ("zeros 2x2", Array2::zeros((2, 2))),
        ("nan 2x2", array![[1.0, f64::NAN], [3.0, 4.0]]),
        ("inf 2x2", array![[1.0, f64::INFINITY], [3.0, 4.0]]),
        ("-inf 2x2", array![[f64::NEG_INFINITY, 1.0], [3.0, 4.0]]),
        ("all inf 2x2", Array2::from_elem((2, 2), f64::INFINITY)),
        ("1e300 2x2", array![[1e300, -1e300], [1e300, 1e300]]),
    ]
}

#[test]
fn linear_problems_do_not_panic_on_edge_inputs() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    for (aname, a) in matrices() {
        let (m, n) = a.dim();
        let tag = |what: &str| format!("{what} on {aname}");
        for maximize in [false, true] {
            p.run(tag(&format!("linear_sum_assignment maximize {maximize}")), || {
                drop(linear_sum_assignment(&a, maximize))
            });
            p.run(tag(&format!("linear_sum_assignment transposed maximize {maximize}")), || {
                drop(linear_sum_assignment(&a.t(), maximize))
            });
        }
        for b in [Array1::from_elem(m, 1.0), Array1::zeros(m + 1), Array1::from_elem(m, f64::NAN)] {
            let bl = b.len();
            p.run(tag(&format!("nnls b len {bl}")), || drop(nnls(&a, &b, None)));
            p.run(tag(&format!("nnls b len {bl} maxiter 0")), || drop(nnls(&a, &b, Some(0))));
            for method in [LsqLinearMethod::Trf, LsqLinearMethod::Bvls] {
                for bounds in [None, Some(Bounds::scalar(-1.0, 1.0)), Some(Bounds::scalar(1.0, -1.0))] {
                    let opts = LsqLinearOptions { method, bounds: bounds.clone(), ..Default::default() };
                    p.run(tag(&format!("lsq_linear {method:?} b len {bl} bounds {bounds:?}")), || {
                        drop(lsq_linear(&a, &b, &opts))
                    });
                }
            }
        }
        for c in [Array1::from_elem(n, -1.0), Array1::from_elem(n + 1, 1.0), Array1::from_elem(n, f64::NAN)] {
            let cl = c.len();
            let b_ub = Array1::from_elem(m, 1.0);
            let b_bad = Array1::from_elem(m + 1, 1.0);
            let bounds_list = [
                LinprogBounds::NonNegative,
                LinprogBounds::All(f64::NEG_INFINITY, f64::INFINITY),
                LinprogBounds::All(1.0, -1.0),
                LinprogBounds::All(f64::NAN, 1.0),
                LinprogBounds::PerVariable(vec![(0.0, 1.0); n + 1]),
            ];
            for method in [LinprogMethod::default(), LinprogMethod::HighsDs, LinprogMethod::HighsIpm] {
                for bounds in &bounds_list {
                    for presolve in [true, false] {
                        for (bname, b) in [("b", &b_ub), ("long b", &b_bad)] {
                            let what = format!(
                                "linprog {method:?} c len {cl} {bounds:?} presolve {presolve} {bname}"
                            );
                            let ub = LinprogOptions {
                                a_ub: Some(a.view().into()),
                                b_ub: Some(b.view()),
                                bounds: bounds.clone(),
                                method,
                                presolve,
                                ..Default::default()
                            };
                            p.run(tag(&format!("{what} ub")), || drop(linprog(&c.view(), &ub)));
                            let eq = LinprogOptions {
                                a_eq: Some(a.view().into()),
                                b_eq: Some(b.view()),
                                bounds: bounds.clone(),
                                method,
                                presolve,
                                maxiter: Some(0),
                                ..Default::default()
                            };
                            p.run(tag(&format!("{what} eq maxiter 0")), || drop(linprog(&c.view(), &eq)));
                        }
                    }
                }
            }
            for integrality in [vec![], vec![1; cl], vec![3; cl], vec![1; cl + 2]] {
                let opts = MilpOptions {
                    integrality: integrality.clone(),
                    constraints: vec![LinearConstraint::new(
                        a.clone(),
                        Array1::from_elem(m, -1.0),
                        b_ub.clone(),
                    )],
                    node_limit: Some(5),
                    ..Default::default()
                };
                p.run(tag(&format!("milp c len {cl} integrality {integrality:?}")), || {
                    drop(milp(&c.view(), &opts))
                });
            }
        }
        for method in [QapMethod::Faq, QapMethod::TwoOpt] {
            for (bname, b) in matrices() {
                let opts = QuadraticAssignmentOptions { seed: Some(3), ..Default::default() };
                p.run(tag(&format!("quadratic_assignment {method:?} with {bname}")), || {
                    drop(quadratic_assignment(&a, &b, method, &opts))
                });
            }
        }
    }
    panics.finish();
}

#[test]
fn global_optimizers_do_not_panic_on_edge_bounds() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    let bound_sets: Vec<(&str, Vec<(f64, f64)>)> = vec![
        ("none", vec![]),
        ("[0, 1]", vec![(0.0, 1.0)]),
        ("equal", vec![(0.5, 0.5), (0.0, 1.0)]),
        ("crossed", vec![(1.0, 0.0)]),
        ("nan", vec![(f64::NAN, 1.0)]),
        ("infinite", vec![(f64::NEG_INFINITY, f64::INFINITY)]),
        ("huge", vec![(-1e300, 1e300), (0.0, 1.0)]),
    ];
    for (bname, bounds) in &bound_sets {
        for (fname, f) in objectives() {
            let tag = |what: &str| format!("{what} {fname} on {bname}");
            for maxiter in [0usize, 3] {
                let de =
                    DifferentialEvolutionOptions { maxiter, popsize: 5, seed: Some(2), ..Default::default() };
                p.run(tag(&format!("differential_evolution maxiter {maxiter}")), || {
                    drop(differential_evolution(f, bounds, &de))
                });
                let da = DualAnnealingOptions { maxiter, seed: Some(2), maxfun: 200, ..Default::default() };
                p.run(tag(&format!("dual_annealing maxiter {maxiter}")), || {
                    drop(dual_annealing(f, bounds, &da))
                });
                let sh = ShgoOptions { iters: Some(1), maxiter: Some(maxiter), ..Default::default() };
                p.run(tag(&format!("shgo maxiter {maxiter}")), || drop(shgo(f, bounds, &sh)));
                let lb = Array1::from_iter(bounds.iter().map(|b| b.0));
                let ub = Array1::from_iter(bounds.iter().map(|b| b.1));
                let di = DirectOptions { maxiter, maxfun: Some(200), ..Default::default() };
                p.run(tag(&format!("direct maxiter {maxiter}")), || {
                    drop(direct(f, &Bounds::new(lb.clone(), ub.clone()), &di))
                });
            }
            for ranges in [
                bounds.iter().map(|&(a, b)| GridRange::Bounds(a, b)).collect::<Vec<_>>(),
                bounds.iter().map(|&(a, b)| GridRange::Slice(a, b, 0.0)).collect(),
                bounds.iter().map(|&(a, b)| GridRange::Slice(a, b, -0.25)).collect(),
            ] {
                let opts = BruteOptions { ns: 5, finish: None, ..Default::default() };
                p.run(tag(&format!("brute {ranges:?}")), || drop(brute(f, &ranges, &opts)));
            }
        }
    }
    panics.finish();
}

#[test]
fn constrained_minimizers_do_not_panic_on_edge_constraints() {
    let mut panics = PanicSweep::new();
    let p = &mut panics;
    type Vector = fn(&Array1<f64>) -> Array1<f64>;
    let functions: Vec<(&str, Vector)> = vec![
        ("x0 + x1 - 1", |x| array![x.sum() - 1.0]),
        ("nan", |_| array![f64::NAN]),
        ("inf", |_| array![f64::INFINITY]),
        ("empty", |_| Array1::zeros(0)),
        ("three values", |x| array![x.sum(), -x.sum(), 1.0]),
    ];
    for (xname, x0) in starts() {
        let n = x0.len();
        for (cname, g) in &functions {
            for kind in [ConstraintType::Eq, ConstraintType::Ineq] {
                let tag = |what: &str| format!("{what} {kind:?} {cname} from {xname}");
                let dict = ConstraintDict::new(kind, g);
                let slsqp = SlsqpOptions { constraints: vec![dict.clone().into()], ..Default::default() };
                p.run(tag("minimize_slsqp"), || drop(minimize_slsqp(sum_squares, &x0, &slsqp)));
                let cobyla = CobylaOptions { constraints: vec![dict.clone().into()], ..Default::default() };
                p.run(tag("minimize_cobyla"), || drop(minimize_cobyla(sum_squares, &x0, &cobyla)));
            }
            let (lb, ub) = (array![0.0], array![f64::INFINITY]);
            for (bname, lb, ub) in
                [("[0, inf)", lb.clone(), ub.clone()), ("crossed", ub, lb), ("empty", array![], array![])]
            {
                let tag = |what: &str| format!("{what} {cname} in {bname} from {xname}");
                let nl = NonlinearConstraint::new(g, lb.clone(), ub.clone());
                let opts =
                    TrustConstrOptions { constraints: vec![nl.into()], maxiter: 50, ..Default::default() };
                p.run(tag("minimize_trust_constr"), || drop(minimize_trust_constr(sum_squares, &x0, &opts)));
                let lin = LinearConstraint::new(Array2::ones((lb.len(), n)), lb.clone(), ub.clone());
                let opts =
                    TrustConstrOptions { constraints: vec![lin.into()], maxiter: 50, ..Default::default() };
                p.run(tag("minimize_trust_constr linear"), || {
                    drop(minimize_trust_constr(sum_squares, &x0, &opts))
                });
                let wrong = LinearConstraint::new(Array2::ones((1, n + 1)), array![0.0], array![1.0]);
                let opts = MinimizeOptions {
                    method: Method::Slsqp,
                    constraints: vec![wrong.into()],
                    ..Default::default()
                };
                p.run(tag("minimize SLSQP linear of the wrong width"), || {
                    drop(minimize(sum_squares, &x0, &opts))
                });
            }
        }
    }
    panics.finish();
}

/// The fault the sweep found: `nnls` with entries near 1e300 squared them to infinity in its
/// Householder steps, got a NaN solution and panicked. SciPy 1.17:
/// `nnls([[1e300, -1e300], [1e300, 1e300]], [1, 1])` gives `x = [1e-300, ~0]`, `rnorm = 0`.
#[test]
fn nnls_solves_problems_near_the_overflow_threshold() {
    let a = array![[1e300, -1e300], [1e300, 1e300]];
    let (x, rnorm) = nnls(&a, &array![1.0, 1.0], None).unwrap();
    assert!((x[0] - 1e-300).abs() <= 1e-314, "{x}");
    assert!(x[1].abs() <= 1e-314, "{x}");
    assert!(rnorm <= 1e-15, "{rnorm}");
    // The same problem scaled to ordinary numbers, and to tiny ones, gives the scaled solution.
    for s in [1.0, 1e-300] {
        let (x, _) = nnls(&(&a / 1e300 * s), &array![1.0, 1.0], None).unwrap();
        assert!((x[0] * s - 1.0).abs() < 1e-12 && (x[1] * s).abs() < 1e-12, "{s}: {x}");
    }
    // Right-hand sides near 1e300 keep a finite residual norm (its squares overflowed).
    let (x, rnorm) = nnls(&array![[1.0], [1.0]], &array![1e300, -1e300], None).unwrap();
    assert_eq!(x[0], 0.0);
    assert!((rnorm / (2f64.sqrt() * 1e300) - 1.0).abs() < 1e-15, "{rnorm}");
}
