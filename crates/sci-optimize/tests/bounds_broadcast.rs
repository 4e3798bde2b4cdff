//! Scalar (length-1) bounds broadcast as SciPy's (tools/fixtures/optimize_bounds_broadcast.py):
//! `Bounds::scalar` in every `minimize` method, `least_squares`, `lsq_linear`, `curve_fit` and
//! `milp` gives SciPy's solution and exactly the run with the bounds written out per
//! variable; length-1 arrays are refused where SciPy refuses them.

use sci_array::ndarray::{Array1, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, CurveFitOptions, Jac, LeastSquaresOptions, LsqLinearMethod, LsqLinearOptions, LsqMethod, Method,
    MilpOptions, MinimizeOptions, OptimizeError, curve_fit, least_squares, lsq_linear, milp, minimize,
};

const C: [f64; 3] = [2.0, -1.0, 0.5];

fn quad(x: &Array1<f64>) -> f64 {
    let d: Array1<f64> = Array1::from_shape_fn(3, |i| x[i] - C[i]);
    d.dot(&d) + 0.5 * x[0] * x[1]
}

fn quad_grad(x: &Array1<f64>) -> Array1<f64> {
    let mut g = Array1::from_shape_fn(3, |i| 2.0 * (x[i] - C[i]));
    g[0] += 0.5 * x[1];
    g[1] += 0.5 * x[0];
    g
}

fn resid(x: &Array1<f64>) -> Array1<f64> {
    array![x[0] - 2.0, x[1] + 1.0, x[2] - 0.5, 0.3 * x[0] * x[1]]
}

fn method(name: &str) -> Method {
    match name {
        "L-BFGS-B" => Method::LBfgsB,
        "TNC" => Method::Tnc,
        "SLSQP" => Method::Slsqp,
        "Powell" => Method::Powell,
        "Nelder-Mead" => Method::NelderMead,
        "trust-constr" => Method::TrustConstr,
        "COBYLA" => Method::Cobyla,
        other => panic!("unknown method {other}"),
    }
}

/// x with `Bounds::scalar(lb, ub)` and with the bounds written out for the 3 variables.
fn solve(fx: &Fixture, key: &str) -> (Array1<f64>, Array1<f64>) {
    let c = |k: &str| format!("{key}/{k}");
    let (lb, ub) = (fx.f64(&c("lb")), fx.f64(&c("ub")));
    let x0 = array![0.5, 0.5, 0.5];
    let run = |b: Bounds| -> Array1<f64> {
        match fx.str(&c("kind")) {
            "minimize" => {
                let jac =
                    if fx.get(&c("jac")).as_bool().unwrap() { Jac::Fn(&quad_grad) } else { Jac::default() };
                let o = MinimizeOptions {
                    method: method(fx.str(&c("method"))),
                    jac,
                    bounds: Some(b),
                    ..Default::default()
                };
                minimize(quad, &x0, &o).unwrap().x
            }
            "least_squares" => {
                let m = if fx.str(&c("method")) == "trf" { LsqMethod::Trf } else { LsqMethod::Dogbox };
                let o = LeastSquaresOptions { method: m, bounds: Some(b), ..Default::default() };
                least_squares(resid, &x0, &o).unwrap().x
            }
            "lsq_linear" => {
                let m =
                    if fx.str(&c("method")) == "trf" { LsqLinearMethod::Trf } else { LsqLinearMethod::Bvls };
                let a = array![[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]];
                let o = LsqLinearOptions { method: m, bounds: Some(b), ..Default::default() };
                lsq_linear(&a, &array![3.0, -2.0, 1.0, 4.0], &o).unwrap().x
            }
            "curve_fit" => {
                let xdata = Array1::linspace(0.0, 2.0, 9);
                let ydata = xdata.mapv(|t| 1.5 + 0.8 * t - 0.9 * t * t);
                let model = |t: &Array1<f64>, p: &Array1<f64>| t.mapv(|t| p[0] + p[1] * t + p[2] * t * t);
                let o = CurveFitOptions { bounds: Some(b), ..Default::default() };
                curve_fit(model, &xdata, &ydata, &x0, &o).unwrap().0
            }
            "milp" => {
                let o = MilpOptions { integrality: vec![1; 3], bounds: Some(b), ..Default::default() };
                milp(&array![-1.0, -2.0, 1.0].view(), &o).unwrap().x.unwrap()
            }
            other => panic!("unknown kind {other}"),
        }
    };
    let scalar = if fx.get(key).get("array").is_some() {
        Bounds::new(array![lb], array![ub])
    } else {
        Bounds::scalar(lb, ub)
    };
    (run(scalar), run(Bounds::new(Array1::from_elem(3, lb), Array1::from_elem(3, ub))))
}

#[test]
fn scalar_bounds_match_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_bounds_broadcast.json"))
            .unwrap();
    let mut n = 0;
    for key in fx.keys().into_iter().filter(|k| fx.get(k).get("x").is_some()) {
        let (scalar, full) = solve(&fx, &key);
        assert_eq!(scalar, full, "{key}: scalar bounds vs the same bounds per variable");
        let want = fx.array_f64(&format!("{key}/x")).into_dimensionality::<Ix1>().unwrap();
        // Derivative-free and interior-point runs stop within their tolerances of the corner.
        let atol = if key.contains("Powell") || key.contains("trust-constr") { 5e-4 } else { 1e-7 };
        assert_allclose(&scalar, &want, 0.0, atol);
        n += 1;
    }
    assert_eq!(n, 19);
}

#[test]
fn bounds_made_broadcast_as_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_bounds_broadcast.json"))
            .unwrap();
    let b = Bounds::new(array![0.0], array![1.0, 2.0, 3.0]);
    assert_eq!(b.lb, fx.array_f64("made_lb/lb_array").into_dimensionality::<Ix1>().unwrap());
    assert_eq!(b.ub, fx.array_f64("made_lb/ub_array").into_dimensionality::<Ix1>().unwrap());
    let b = Bounds::new(array![-1.0, 0.0], array![4.0]);
    assert_eq!(b.ub, array![4.0, 4.0]);
}

/// Length-1 arrays for 3 variables: refused by least_squares, lsq_linear and curve_fit as
/// SciPy (whose messages the fixture holds); mismatched lengths everywhere.
#[test]
fn bounds_broadcast_bad_input() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_bounds_broadcast.json"))
            .unwrap();
    for name in ["least_squares", "lsq_linear", "curve_fit"] {
        assert_ne!(fx.str(&format!("length1_errors/{name}")), "no error", "{name}");
    }
    let x0 = array![0.5, 0.5, 0.5];
    let one = || Some(Bounds::new(array![0.0], array![1.0]));
    let two = || Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0]));
    let wrong = |arg| OptimizeError::WrongLength { arg, expected: 3, found: 1 };
    let e =
        least_squares(resid, &x0, &LeastSquaresOptions { bounds: one(), ..Default::default() }).unwrap_err();
    assert_eq!(e, wrong("bounds.lb"));
    let a = Array1::ones(12).into_shape_with_order((4, 3)).unwrap();
    let e = lsq_linear(&a, &Array1::ones(4), &LsqLinearOptions { bounds: one(), ..Default::default() })
        .unwrap_err();
    assert_eq!(e, wrong("bounds.lb"));
    let xdata = Array1::linspace(0.0, 2.0, 9);
    let model = |t: &Array1<f64>, p: &Array1<f64>| t.mapv(|t| p[0] + p[1] * t + p[2] * t * t);
    let o = CurveFitOptions { bounds: one(), ..Default::default() };
    assert_eq!(curve_fit(model, &xdata, &xdata.clone(), &x0, &o).unwrap_err(), wrong("bounds.lb"));
    // Two bounds for three variables: an error for every method.
    for m in [Method::LBfgsB, Method::Tnc, Method::Slsqp, Method::Powell, Method::TrustConstr, Method::Cobyla]
    {
        let o = MinimizeOptions { method: m, bounds: two(), ..Default::default() };
        let e = minimize(quad, &x0, &o).unwrap_err();
        assert_eq!(e, OptimizeError::WrongLength { arg: "bounds.lb", expected: 3, found: 2 }, "{m:?}");
    }
    // A scalar lb > ub is caught after broadcasting.
    let o = MinimizeOptions {
        method: Method::LBfgsB,
        bounds: Some(Bounds::scalar(1.0, 0.0)),
        ..Default::default()
    };
    assert_eq!(
        minimize(quad, &x0, &o).unwrap_err(),
        OptimizeError::InvalidBounds { index: 0, lower: 1.0, upper: 0.0 }
    );
}
