//! A sweep of the integrators over the inputs that break them most often: empty, one- and
//! two-sample arrays, zero and NaN spacings, axes out of range, equal, reversed, infinite and
//! NaN limits, integrands returning NaN or infinity, degenerate tolerances and subdivision
//! limits, and initial value problems with an empty state, a zero-length or reversed time span,
//! a right-hand side of the wrong length or returning NaN. Every call must return, `Ok` or an
//! error, and never panic; the values themselves are checked against SciPy by the other test
//! files. `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_integrate::*;

/// Sampled values, by name.
fn samples() -> Vec<(&'static str, Array1<f64>)> {
    let wave = Array1::from_shape_fn(17, |i| (i as f64 * 0.37).sin());
    let mut with_nan = wave.clone();
    with_nan[5] = f64::NAN;
    vec![
        ("empty", Array1::zeros(0)),
        ("[1]", array![1.0]),
        ("[1, 2]", array![1.0, 2.0]),
        ("3 values", array![1.0, -2.0, 0.5]),
        ("4 values", array![1.0, -2.0, 0.5, 3.0]),
        ("6 values", array![1.0, -2.0, 0.5, 3.0, 0.0, 1.0]),
        ("wave 17", wave),
        ("wave 17 with NaN", with_nan),
        ("inf", array![1.0, f64::INFINITY, 2.0]),
        ("huge", array![1e308, 1e308, 1e308, 1e308, 1e308]),
    ]
}

#[test]
fn no_sample_rule_panics_on_edge_samples() {
    let mut panics = PanicSweep::new();
    for (label, y) in samples() {
        let p = &mut panics;
        let n = y.len();
        let tag = |what: String| format!("{what} on {label}");
        let xs: Vec<(&str, Array1<f64>)> = vec![
            ("x = 0..n", Array1::linspace(0.0, n as f64, n)),
            ("x constant", Array1::from_elem(n, 2.0)),
            ("x decreasing", Array1::linspace(n as f64, 0.0, n)),
            ("x with NaN", Array1::from_shape_fn(n, |i| if i == 1 { f64::NAN } else { i as f64 })),
            ("x too short", Array1::zeros(n.saturating_sub(1))),
            ("x too long", Array1::zeros(n + 1)),
        ];
        let mut spacings: Vec<(String, Spacing<'_>)> = [1.0, 0.0, -1.0, f64::NAN, f64::INFINITY, 1e-320]
            .iter()
            .map(|&d| (format!("dx {d}"), Spacing::Dx(d)))
            .collect();
        spacings.extend(xs.iter().map(|(name, x)| (name.to_string(), Spacing::X(x.view()))));
        let y2 = Array2::from_shape_fn((3, n), |(i, j)| y[j] * (i as f64 + 1.0));
        for (sname, sp) in &spacings {
            let sp = *sp;
            p.run(tag(format!("trapezoid {sname}")), || drop(trapezoid(&y, sp)));
            p.run(tag(format!("simpson {sname}")), || drop(simpson(&y, sp)));
            for initial in [false, true] {
                p.run(tag(format!("cumulative_trapezoid {sname} {initial}")), || {
                    drop(cumulative_trapezoid(&y, sp, initial))
                });
            }
            for initial in [None, Some(0.0), Some(f64::NAN), Some(f64::INFINITY)] {
                p.run(tag(format!("cumulative_simpson {sname} {initial:?}")), || {
                    drop(cumulative_simpson(&y, sp, initial))
                });
            }
            for axis in [-3isize, -2, -1, 0, 1, 2, isize::MIN, isize::MAX] {
                p.run(tag(format!("trapezoid_axis {sname} axis {axis}")), || {
                    drop(trapezoid_axis(&y2, sp, axis))
                });
                p.run(tag(format!("simpson_axis {sname} axis {axis}")), || drop(simpson_axis(&y2, sp, axis)));
                p.run(tag(format!("cumulative_trapezoid_axis {sname} axis {axis}")), || {
                    drop(cumulative_trapezoid_axis(&y2, sp, axis, true))
                });
                p.run(tag(format!("cumulative_simpson_axis {sname} axis {axis}")), || {
                    drop(cumulative_simpson_axis(&y2, sp, axis, Some(1.0)))
                });
            }
        }
        for dx in [1.0, 0.0, -0.5, f64::NAN, f64::INFINITY] {
            p.run(tag(format!("romb dx {dx}")), || drop(romb(&y, dx)));
            for axis in [-3isize, -1, 0, 1, 2, isize::MIN] {
                p.run(tag(format!("romb_axis dx {dx} axis {axis}")), || drop(romb_axis(&y2, dx, axis)));
            }
        }
    }
    // Empty along the other axis, and 0-d arrays.
    let wide = Array2::<f64>::zeros((0, 5));
    let tall = Array2::<f64>::zeros((5, 0));
    for (name, a) in [("(0, 5)", &wide), ("(5, 0)", &tall)] {
        for axis in [0isize, 1, -1] {
            let p = &mut panics;
            p.run(format!("trapezoid_axis {name} {axis}"), || {
                drop(trapezoid_axis(a, Spacing::default(), axis))
            });
            p.run(format!("simpson_axis {name} {axis}"), || drop(simpson_axis(a, Spacing::default(), axis)));
            p.run(format!("romb_axis {name} {axis}"), || drop(romb_axis(a, 1.0, axis)));
            p.run(format!("cumulative_trapezoid_axis {name} {axis}"), || {
                drop(cumulative_trapezoid_axis(a, Spacing::default(), axis, false))
            });
        }
    }
    let scalar = sci_array::ndarray::arr0(1.0);
    panics.run("cumulative_trapezoid_axis 0-d", || {
        drop(cumulative_trapezoid_axis(&scalar, Spacing::default(), 0, true))
    });
    panics.finish();
}

type Integrand = fn(f64) -> f64;

#[test]
fn no_quadrature_panics_on_edge_limits() {
    let mut panics = PanicSweep::new();
    let integrands: Vec<(&str, Integrand)> = vec![
        ("exp(-x^2)", |x| (-x * x).exp()),
        ("1/sqrt|x|", |x| 1.0 / x.abs().sqrt()),
        ("1/x", |x| 1.0 / x),
        ("NaN", |_| f64::NAN),
        ("NaN at 0.3", |x| if x == 0.3 { f64::NAN } else { x }),
        ("inf", |_| f64::INFINITY),
        ("huge", |_| 1e308),
        ("sin(1/x)", |x| (1.0 / x).sin()),
        ("zero", |_| 0.0),
    ];
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    let limits = [
        (0.0, 1.0),
        (1.0, 0.0),
        (0.0, 0.0),
        (-inf, inf),
        (inf, -inf),
        (0.0, inf),
        (-inf, 0.0),
        (inf, inf),
        (-inf, -inf),
        (nan, 1.0),
        (0.0, nan),
        (-1e308, 1e308),
        (0.0, 1e-320),
    ];
    let options = [
        QuadOptions::default(),
        QuadOptions { limit: 0, ..QuadOptions::default() },
        QuadOptions { limit: 1, ..QuadOptions::default() },
        QuadOptions { limit: 2, ..QuadOptions::default() },
        QuadOptions { epsabs: 0.0, epsrel: 0.0, ..QuadOptions::default() },
        QuadOptions { epsabs: -1.0, epsrel: 1e-300, ..QuadOptions::default() },
        QuadOptions { epsabs: f64::NAN, epsrel: f64::NAN, ..QuadOptions::default() },
        QuadOptions { epsabs: f64::INFINITY, epsrel: 0.0, ..QuadOptions::default() },
        QuadOptions { epsabs: 0.0, epsrel: 1e-14, limit: 200 },
        QuadOptions { limit: i32::MAX as usize, ..QuadOptions::default() },
        QuadOptions { limit: i32::MAX as usize + 1, ..QuadOptions::default() },
        QuadOptions { limit: usize::MAX, ..QuadOptions::default() },
    ];
    for (fname, f) in &integrands {
        let f = *f;
        for &(a, b) in &limits {
            let p = &mut panics;
            for (oi, o) in options.iter().enumerate() {
                // A constant 1e308 overflows every error estimate, and sin(1/x) oscillates
                // without end: QUADPACK bisects up to the limit (or for tens of thousands of
                // steps), in SciPy as here; slow, not stuck.
                if (*fname == "huge" || *fname == "sin(1/x)") && o.limit > 1000 {
                    continue;
                }
                p.run(format!("quad {fname} [{a}, {b}] options {oi}"), || drop(quad(f, a, b, o)));
            }
            for n in [0usize, 1, 2, 5, 50, 1 << 61, usize::MAX / 8 + 1, usize::MAX] {
                p.run(format!("fixed_quad {fname} [{a}, {b}] n {n}"), || drop(fixed_quad(f, a, b, n)));
            }
            // A small limit: nested adaptive quadrature of a bad integrand is slow, not wrong.
            let o = QuadOptions { limit: 5, ..QuadOptions::default() };
            p.run(format!("dblquad {fname} [{a}, {b}]"), || {
                drop(dblquad(|y, x| f(x) * f(y), a, b, |_| a, |_| b, &o))
            });
            p.run(format!("dblquad {fname} [{a}, {b}] NaN inner limit"), || {
                drop(dblquad(|y, x| f(x) * f(y), a, b, |_| f64::NAN, |x| x, &o))
            });
        }
        let o = QuadOptions { limit: 3, ..QuadOptions::default() };
        panics.run(format!("tplquad {fname}"), || {
            drop(tplquad(|z, y, x| f(x + y + z), 0.0, 1.0, |_| 0.0, |x| x, |_, _| f64::NAN, |x, y| x + y, &o))
        });
        panics.run(format!("tplquad {fname} infinite"), || {
            drop(tplquad(
                |z, y, x| f(x) * f(y) * f(z),
                0.0,
                inf,
                |_| -inf,
                |_| 0.0,
                |_, _| 0.0,
                |_, _| 1.0,
                &o,
            ))
        });
    }
    panics.finish();
}

type Rhs = fn(f64, &[f64]) -> Vec<f64>;

#[test]
fn no_ivp_solver_panics_on_edge_problems() {
    let mut panics = PanicSweep::new();
    let systems: Vec<(&str, Rhs)> = vec![
        ("decay", |_, y| y.iter().map(|v| -0.5 * v).collect()),
        ("NaN", |_, y| vec![f64::NAN; y.len()]),
        ("NaN after t = 0.5", |t, y| y.iter().map(|v| if t > 0.5 { f64::NAN } else { -v }).collect()),
        ("inf", |_, y| vec![f64::INFINITY; y.len()]),
        ("blow-up y^2", |_, y| y.iter().map(|v| v * v).collect()),
        ("stiff", |_, y| y.iter().map(|v| -1e3 * v).collect()),
        ("too long", |_, y| vec![0.0; y.len() + 1]),
        ("empty", |_, _| Vec::new()),
        ("wrong length after t = 0.5", |t, y| if t > 0.5 { vec![0.0] } else { vec![0.0; y.len()] }),
    ];
    let y0s: Vec<(&str, Vec<f64>)> = vec![
        ("empty", vec![]),
        ("[1]", vec![1.0]),
        ("[1, 2]", vec![1.0, 2.0]),
        ("[NaN]", vec![f64::NAN]),
        ("[inf]", vec![f64::INFINITY]),
        ("[1e308]", vec![1e308]),
    ];
    let spans = [(0.0, 1.0), (1.0, 0.0), (0.0, 0.0), (0.0, f64::INFINITY), (f64::NAN, 1.0), (0.0, 1e-300)];
    let base = SolveIvpOptions::default();
    let mut options: Vec<(&str, SolveIvpOptions)> = vec![
        ("default", base.clone()),
        ("rtol 0", SolveIvpOptions { rtol: 0.0, ..base.clone() }),
        ("rtol -1", SolveIvpOptions { rtol: -1.0, ..base.clone() }),
        ("rtol NaN", SolveIvpOptions { rtol: f64::NAN, ..base.clone() }),
        ("rtol inf", SolveIvpOptions { rtol: f64::INFINITY, ..base.clone() }),
        ("atol 0", SolveIvpOptions { atol: Atol::Scalar(0.0), rtol: 0.0, ..base.clone() }),
        ("atol -1", SolveIvpOptions { atol: Atol::Scalar(-1.0), ..base.clone() }),
        ("atol inf", SolveIvpOptions { atol: Atol::Scalar(f64::INFINITY), ..base.clone() }),
        (
            "atol per component wrong length",
            SolveIvpOptions { atol: Atol::PerComponent(vec![1e-6; 7]), ..base.clone() },
        ),
        ("max_step 0", SolveIvpOptions { max_step: 0.0, ..base.clone() }),
        ("max_step -1", SolveIvpOptions { max_step: -1.0, ..base.clone() }),
        ("max_step NaN", SolveIvpOptions { max_step: f64::NAN, ..base.clone() }),
        ("max_step 1e-300", SolveIvpOptions { max_step: 1e-300, ..base.clone() }),
        ("first_step 0", SolveIvpOptions { first_step: Some(0.0), ..base.clone() }),
        ("first_step 1e-300", SolveIvpOptions { first_step: Some(1e-300), ..base.clone() }),
        ("first_step 10", SolveIvpOptions { first_step: Some(10.0), ..base.clone() }),
        ("first_step NaN", SolveIvpOptions { first_step: Some(f64::NAN), ..base.clone() }),
        ("t_eval empty", SolveIvpOptions { t_eval: Some(vec![]), ..base.clone() }),
        ("t_eval ends", SolveIvpOptions { t_eval: Some(vec![0.0, 1.0]), dense_output: true, ..base.clone() }),
        ("t_eval reversed", SolveIvpOptions { t_eval: Some(vec![1.0, 0.5, 0.0]), ..base.clone() }),
        ("t_eval NaN", SolveIvpOptions { t_eval: Some(vec![f64::NAN]), ..base.clone() }),
        ("t_eval outside", SolveIvpOptions { t_eval: Some(vec![-5.0, 7.0]), ..base.clone() }),
        ("t_eval repeated", SolveIvpOptions { t_eval: Some(vec![0.0, 0.0]), ..base.clone() }),
        ("dense", SolveIvpOptions { dense_output: true, ..base.clone() }),
    ];
    for method in [IvpMethod::Rk23, IvpMethod::Dop853] {
        options.push(("method", SolveIvpOptions { method, dense_output: true, ..base.clone() }));
        options.push((
            "method t_eval",
            SolveIvpOptions { method, t_eval: Some(vec![0.0, 0.5]), ..base.clone() },
        ));
    }
    // Every option again with the implicit methods, and their Jacobian option.
    let explicit = options.clone();
    for method in [IvpMethod::Radau, IvpMethod::Bdf] {
        for (oname, o) in &explicit {
            options.push((oname, SolveIvpOptions { method, ..o.clone() }));
        }
        for (oname, jac) in [
            ("jac 1x1", array![[-1.0]]),
            ("jac 2x2", array![[-0.5, 0.0], [0.0, -0.5]]),
            ("jac NaN", array![[f64::NAN]]),
            ("jac inf 2x2", Array2::from_elem((2, 2), f64::INFINITY)),
            ("jac 0x0", Array2::zeros((0, 0))),
            ("jac zero 2x2", Array2::zeros((2, 2))),
        ] {
            options.push((
                oname,
                SolveIvpOptions { method, jac: Some(jac), dense_output: true, ..base.clone() },
            ));
        }
    }
    for (fname, f) in &systems {
        for (yname, y0) in &y0s {
            for &span in &spans {
                for (oname, o) in &options {
                    // From t = 0 a max_step of 1e-300 is above the 10-ulp minimum step until
                    // t ~ 4.5e-286: ~1e14 steps, in SciPy as here (same step-size rule).
                    if *oname == "max_step 1e-300" && span.0 == 0.0 && span.1 > 1e-290 {
                        continue;
                    }
                    // y' = -1000 y at rtol = 100 eps: with atol = 0 Radau takes ~6e5 steps to
                    // t = 0.7 and then crawls on with subnormal states (SciPy needs 282044
                    // evaluations to reach t = 0.05 alone; ours are the same); backwards, y
                    // grows like e^{1000 t} under a relative tolerance of 2e-14: millions of
                    // evaluations, in SciPy as here.
                    let implicit = matches!(o.method, IvpMethod::Radau | IvpMethod::Bdf);
                    let tiny_tol = matches!(*oname, "atol 0" | "rtol 0");
                    if implicit && *fname == "stiff" && tiny_tol && (span.1 - span.0).abs() > 1e-290 {
                        continue;
                    }
                    let name = format!("solve_ivp {fname} y0 {yname} t_span {span:?} {oname} {:?}", o.method);
                    panics.run(name.clone(), || {
                        if let Ok(r) = solve_ivp(f, span, y0, o) {
                            if let Some(sol) = r.sol {
                                for t in [f64::NAN, f64::NEG_INFINITY, -1.0, 0.0, 0.5, 1.0, 3.0] {
                                    drop(sol.eval(t));
                                }
                            }
                        }
                    });
                    if matches!(o.method, IvpMethod::Radau | IvpMethod::Bdf) && o.jac.is_none() {
                        // Callable Jacobians: right, of the wrong shape, NaN.
                        let n = y0.len();
                        let jacs: [(&str, Box<dyn Fn(f64, &[f64]) -> Array2<f64>>); 3] = [
                            ("jac -I", Box::new(move |_, _| Array2::eye(n) * -1.0)),
                            ("jac (n+1)x(n)", Box::new(move |_, _| Array2::zeros((n + 1, n)))),
                            ("jac NaN", Box::new(move |_, _| Array2::from_elem((n, n), f64::NAN))),
                        ];
                        for (jname, jac) in jacs {
                            panics
                                .run(format!("{name} {jname}"), || drop(solve_ivp_jac(f, &jac, span, y0, o)));
                        }
                    }
                }
            }
        }
    }
    panics.finish();
}

/// The faults the sweep found. `quad` with SciPy's largest `limit` (2^31 - 1, a C int)
/// allocated five arrays of that length up front (80 GB: an allocation failure, which aborts),
/// and a larger limit overflowed `limit + 1`: SciPy 1.17 integrates with `limit=2**31 - 1`
/// and raises `OverflowError` above it. A NaN integrand ran to the subdivision limit, where
/// SciPy's QUADPACK counts NaN as round-off and stops after 10 bisections: `quad(lambda x:
/// np.nan, 0, 1, full_output=1)` gives nan, nan, `last` = 11, `neval` = 441, `ier` = 2 (also on
/// `(0, inf)`, and with `limit=2**31 - 1`, which therefore returned only after 2^31 steps).
#[test]
fn quad_limits_and_nan_integrands_behave_as_in_scipy() {
    let big = QuadOptions { limit: i32::MAX as usize, ..QuadOptions::default() };
    let r = quad(|x: f64| x * x, 0.0, 1.0, &big).unwrap();
    assert!((r.value - 1.0 / 3.0).abs() < 1e-15 && r.success());
    for limit in [i32::MAX as usize + 1, usize::MAX] {
        let o = QuadOptions { limit, ..QuadOptions::default() };
        let e = quad(|x: f64| x * x, 0.0, 1.0, &o).unwrap_err();
        assert!(matches!(e, IntegrateError::InvalidValue { arg: "limit", .. }), "{e:?}");
        assert!(e.to_string().contains("at most 2147483647"), "{e}");
    }
    for (a, b, opts) in [
        (0.0, 1.0, QuadOptions::default()),
        (0.0, 1.0, big),
        (0.0, f64::INFINITY, QuadOptions { limit: 1000, ..QuadOptions::default() }),
    ] {
        let r = quad(|_| f64::NAN, a, b, &opts).unwrap();
        assert!(r.value.is_nan() && r.abserr.is_nan());
        assert_eq!((r.info.last, r.info.ier), (11, 2), "[{a}, {b}]");
    }
    let r = quad(|_| f64::NAN, 0.0, 1.0, &QuadOptions::default()).unwrap();
    assert_eq!(r.info.neval, 441);
    assert_eq!(r.info.alist[..4], [0.0, 0.5, 0.25, 0.75]);
}

/// The fault the sweep found in `fixed_quad`: a node count too large to allocate panicked
/// ("capacity overflow"). SciPy 1.17: `fixed_quad(f, 0, 1, n=2**62)` raises `ValueError: array
/// is too big`, a smaller impossible one `MemoryError`.
#[test]
fn fixed_quad_with_too_many_nodes_is_an_error() {
    for n in [1usize << 61, usize::MAX / 8 + 1, usize::MAX] {
        let e = fixed_quad(|x| x * x, 0.0, 1.0, n).unwrap_err();
        assert!(matches!(e, IntegrateError::InvalidValue { arg: "n", .. }), "{e:?}");
    }
    assert!((fixed_quad(|x| x * x, 0.0, 1.0, 2).unwrap() - 1.0 / 3.0).abs() < 1e-15);
}

#[test]
fn newton_cotes_never_panics() {
    let mut panics = PanicSweep::new();
    let orders = [0usize, 1, 2, 14, 15, 30, 100, 200, 201, usize::MAX];
    for n in orders {
        for equal in [false, true] {
            panics.run(format!("newton_cotes Order({n}) equal {equal}"), || {
                drop(newton_cotes(NewtonCotesNodes::Order(n), equal))
            });
        }
    }
    let positions: Vec<(&str, Vec<f64>)> = vec![
        ("empty", vec![]),
        ("[0]", vec![0.0]),
        ("[5]", vec![5.0]),
        ("[0, 0]", vec![0.0, 0.0]),
        ("[0, 1]", vec![0.0, 1.0]),
        ("repeated", vec![0.0, 1.0, 1.0, 3.0]),
        ("decreasing", vec![3.0, 2.0, 1.0, 0.0]),
        ("NaN", vec![0.0, f64::NAN, 2.0]),
        ("inf", vec![0.0, f64::INFINITY, 2.0]),
        ("huge", vec![0.0, 1e308, 2.0]),
        ("unit from 7", (7..30).map(f64::from).collect()),
        ("unit 40", (0..41).map(f64::from).collect()),
    ];
    for (name, p) in &positions {
        for equal in [false, true] {
            panics.run(format!("newton_cotes {name} equal {equal}"), || {
                drop(newton_cotes(NewtonCotesNodes::Positions(p), equal))
            });
        }
    }
    panics.finish();
}

#[test]
fn nquad_never_panics() {
    let mut panics = PanicSweep::new();
    let limits = [
        (0.0, 1.0),
        (1.0, 0.0),
        (0.0, 0.0),
        (f64::NEG_INFINITY, f64::INFINITY),
        (f64::NAN, 1.0),
        (0.0, f64::NAN),
        (-1e308, 1e308),
    ];
    let funcs: Vec<(&str, fn(&[f64]) -> f64)> = vec![
        ("sum", |x| x.iter().sum()),
        ("NaN", |_| f64::NAN),
        ("inf", |_| f64::INFINITY),
        ("1/x", |x| 1.0 / x[0]),
    ];
    let opts = [
        vec![],
        vec![QuadOptions { limit: 1, ..QuadOptions::default() }],
        vec![QuadOptions { epsabs: 0.0, epsrel: 0.0, limit: 5 }],
        vec![QuadOptions::default(); 3],
    ];
    for (fname, f) in &funcs {
        for &(a, b) in &limits {
            for o in &opts {
                for dims in 1..=2 {
                    panics.run(format!("nquad {fname} [{a}, {b}] x{dims} opts {}", o.len()), || {
                        let ranges = (0..dims).map(|_| NquadRange::Fixed(a, b)).collect();
                        drop(nquad(f, ranges, o))
                    });
                }
                panics.run(format!("nquad {fname} dependent [{a}, {b}] opts {}", o.len()), || {
                    let ranges =
                        vec![NquadRange::Func(Box::new(move |o: &[f64]| (a, o[0]))), NquadRange::Fixed(a, b)];
                    drop(nquad(f, ranges, o))
                });
            }
        }
    }
    panics.finish();
}
