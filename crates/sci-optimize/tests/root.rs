//! `root(method='hybr')` and `fsolve` against SciPy fixtures (MINPACK hybrd/hybrj); bad-input
//! table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{FsolveOptions, OptimizeError, RootMethod, RootOptions, fsolve, root};

fn fixture() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_root.json")).unwrap()
}

fn system(name: &str) -> fn(&Array1<f64>) -> Array1<f64> {
    match name {
        "circle" => |x| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0]],
        "fsolve_doc" => |x| array![x[0] * x[1].cos() - 4.0, x[1] * x[0] - x[1] - 5.0],
        "line" => |x| array![x[0] + 3.0],
        "rosen_sys" => |x| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]],
        "powell_badly_scaled" => |x| array![1e4 * x[0] * x[1] - 1.0, (-x[0]).exp() + (-x[1]).exp() - 1.0001],
        "no_root" => |x| array![x[0] * x[0] + 1.0],
        "broyden_tridiag" => |x| {
            let n = x.len();
            (0..n)
                .map(|i| {
                    let prev = if i > 0 { x[i - 1] } else { 0.0 };
                    let next = if i + 1 < n { x[i + 1] } else { 0.0 };
                    (3.0 - 2.0 * x[i]) * x[i] - prev - 2.0 * next + 1.0
                })
                .collect()
        },
        "intersections" => |x| x.mapv(|v| (v / 5.0).cos() * (v / 2.0).sin() - (0.01 * v - 0.5)),
        other => panic!("unknown system {other}"),
    }
}

fn jacobian(name: &str) -> fn(&Array1<f64>) -> Array2<f64> {
    match name {
        "circle" => |x| array![[2.0 * x[0], 2.0 * x[1]], [-1.0, 1.0]],
        "fsolve_doc" => |x| array![[x[1].cos(), -x[0] * x[1].sin()], [x[1], x[0] - 1.0]],
        "rosen_sys" => |x| array![[-20.0 * x[0], 10.0], [-1.0, 0.0]],
        "powell_badly_scaled" => |x| array![[1e4 * x[1], 1e4 * x[0]], [-(-x[0]).exp(), -(-x[1]).exp()]],
        "intersections" => |x| {
            Array2::from_diag(&x.mapv(|v| {
                -(v / 5.0).sin() / 5.0 * (v / 2.0).sin() + (v / 5.0).cos() * (v / 2.0).cos() / 2.0 - 0.01
            }))
        },
        other => panic!("no Jacobian for {other}"),
    }
}

fn v1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

#[test]
fn hybr_matches_scipy() {
    let fx = fixture();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("case")).collect();
    assert_eq!(keys.len(), 19);
    for key in keys {
        let c = |k: &str| format!("{key}/{k}");
        let name = fx.str(&c("system")).to_string();
        let opts = fx.get(&c("options"));
        let has = |k: &str| opts.get(k).is_some();
        let jac = jacobian_if(&name, has("jac"));
        let mut o = RootOptions {
            jac: jac.as_ref().map(|j| j as &dyn Fn(&Array1<f64>) -> Array2<f64>),
            ..Default::default()
        };
        if has("factor") {
            o.factor = Some(fx.f64(&c("options/factor")));
        }
        if has("diag") {
            o.diag = Some(v1(&fx, &c("options/diag")));
        }
        if has("maxfev") {
            o.maxfev = Some(fx.i64(&c("options/maxfev")) as usize);
        }
        if has("xtol") {
            o.xtol = Some(fx.f64(&c("options/xtol")));
        }
        if has("eps") {
            o.eps = Some(fx.f64(&c("options/eps")));
        }
        if has("band") {
            let b = v1(&fx, &c("options/band"));
            o.band = Some((b[0] as usize, b[1] as usize));
        }
        let r = root(system(&name), &v1(&fx, &c("x0")), &o).unwrap();
        // Same algorithm, same floating-point operations up to summation order: the iterates
        // agree to a few ulps of the problem's scale.
        assert_allclose(&r.x, &v1(&fx, &c("x")), 1e-10, 1e-12);
        assert_allclose(r.fvec.as_ref().unwrap(), &v1(&fx, &c("fun")), 0.0, 1e-9);
        // SciPy's nfev also counts the two calls of fun(x0) its wrappers make to check shapes.
        assert_eq!(r.nfev as i64 + 2, fx.i64(&c("nfev")), "{key} {name} nfev");
        if has("jac") {
            assert_eq!(r.njev as i64, fx.i64(&c("njev")), "{key} {name} njev");
        }
        assert_eq!(r.status as i64, fx.i64(&c("status")), "{key} {name} status");
        assert_eq!(r.success, fx.get(&c("success")).as_bool().unwrap(), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
    }
}

fn jacobian_if(name: &str, yes: bool) -> Option<fn(&Array1<f64>) -> Array2<f64>> {
    yes.then(|| jacobian(name))
}

#[test]
fn fsolve_full_output_matches_scipy() {
    let fx = fixture();
    // Cases with converged, well-conditioned final factors: compare Q, R and Q^T f too.
    for key in ["case00", "case04", "case07", "case16"] {
        let c = |k: &str| format!("{key}/{k}");
        let r = fsolve(system(fx.str(&c("system"))), &v1(&fx, &c("x0")), &FsolveOptions::default()).unwrap();
        assert_eq!(r.ier, 1);
        assert_eq!(r.njev, None);
        let fjac = fx.array_f64(&c("fjac")).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&r.fjac, &fjac, 1e-8, 1e-10);
        assert_allclose(&r.r, &v1(&fx, &c("r")), 1e-8, 1e-10);
        assert_allclose(&r.qtf, &v1(&fx, &c("qtf")), 0.0, 1e-8);
    }
    let r = fsolve(system("line"), &array![-2.0], &FsolveOptions::default()).unwrap();
    assert_allclose(&r.x, &v1(&fx, "fsolve_line/x"), 0.0, 1e-14);
    // SciPy's fsolve counts two more calls: its shape checks of func(x0).
    assert_eq!(r.nfev as i64 + 2, fx.i64("fsolve_line/nfev"));
    assert_eq!(r.mesg, fx.str("fsolve_line/mesg"));
    let x0 = array![15.0, 20.0, 30.0, 35.0, 40.0, 45.0];
    let r = fsolve(system("intersections"), &x0, &FsolveOptions::default()).unwrap();
    assert_allclose(&r.x, &v1(&fx, "fsolve_intersections/x"), 1e-12, 0.0);
    assert_eq!(r.nfev as i64 + 2, fx.i64("fsolve_intersections/nfev"));
    assert_allclose(&r.r, &v1(&fx, "fsolve_intersections/r"), 1e-8, 1e-10);
    // With fprime: njev is reported.
    let jac = jacobian("fsolve_doc");
    let r = fsolve(
        system("fsolve_doc"),
        &array![1.0, 1.0],
        &FsolveOptions { fprime: Some(&jac), ..Default::default() },
    )
    .unwrap();
    assert_eq!((r.nfev + 2, r.njev), (fx.i64("case05/nfev") as usize, Some(fx.i64("case05/njev") as usize)));
}

#[test]
fn hybr_non_contiguous_x0() {
    let fx = fixture();
    let big = array![0.0, 99.0, 0.0, 99.0];
    let r = root(system("circle"), &big.slice(s![..;2]), &RootOptions::default()).unwrap();
    assert_allclose(&r.x, &v1(&fx, "case00/x"), 1e-12, 0.0);
    assert_eq!(r.nfev as i64 + 2, fx.i64("case00/nfev"));
}

#[test]
fn root_bad_input() {
    let circle = system("circle");
    let bad_jac = |_: &Array1<f64>| Array2::<f64>::zeros((3, 2));
    let x0 = array![0.5, 0.0];
    type Case<'a> = (&'a str, RootOptions<'a>, Array1<f64>, fn(&OptimizeError) -> bool);
    let cases: Vec<Case<'_>> = vec![
        ("empty x0", RootOptions::default(), Array1::zeros(0), |e| {
            matches!(e, OptimizeError::WrongLength { arg: "x0", .. })
        }),
        ("negative xtol", RootOptions { xtol: Some(-1.0), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "xtol", .. })
        }),
        ("zero factor", RootOptions { factor: Some(0.0), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "factor", .. })
        }),
        ("diag length", RootOptions { diag: Some(array![1.0]), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::WrongLength { arg: "diag", .. })
        }),
        ("diag sign", RootOptions { diag: Some(array![1.0, -1.0]), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "diag", .. })
        }),
        ("jac shape", RootOptions { jac: Some(&bad_jac), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "jac", .. })
        }),
        ("ftol for hybr", RootOptions { ftol: Some(1e-3), ..Default::default() }, x0.clone(), |e| {
            matches!(e, OptimizeError::UnsupportedOption { method: "hybr", option: "ftol" })
        }),
        (
            "band for lm",
            RootOptions { method: RootMethod::Lm, band: Some((0, 0)), ..Default::default() },
            x0.clone(),
            |e| matches!(e, OptimizeError::UnsupportedOption { method: "lm", option: "band" }),
        ),
    ];
    for (what, o, x0, check) in cases {
        let e = root(circle, &x0, &o).unwrap_err();
        assert!(check(&e), "{what}: {e:?}");
    }
    // fun(x0) of the wrong length, non-finite fun(x0).
    let e = root(|x: &Array1<f64>| array![x[0]], &x0, &RootOptions::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "fun(x0)", expected: 2, found: 1 }), "{e:?}");
    let e = root(|x: &Array1<f64>| x.mapv(f64::ln), &array![-1.0], &RootOptions::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::NonFiniteInitial { .. }), "{e:?}");
    let e = fsolve(circle, &x0, &FsolveOptions { xtol: f64::NAN, ..Default::default() }).unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "xtol", .. }), "{e:?}");
}
