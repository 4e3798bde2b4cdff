//! `minimize(method='Powell')` against SciPy fixtures; bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{Bounds, Jac, Method, MinimizeOptions, OptimizeError, minimize, rosen, rosen_der};

fn beale(x: &Array1<f64>) -> f64 {
    (1.5 - x[0] + x[0] * x[1]).powi(2)
        + (2.25 - x[0] + x[0] * x[1].powi(2)).powi(2)
        + (2.625 - x[0] + x[0] * x[1].powi(3)).powi(2)
}

fn himmelblau(x: &Array1<f64>) -> f64 {
    (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2)
}

#[test]
fn powell_matches_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_powell.json")).unwrap();
    let v = |p: &str| fx.array_f64(p).into_dimensionality::<Ix1>().unwrap();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("case")).collect();
    assert_eq!(keys.len(), 14);
    for key in &keys {
        let c = |k: &str| format!("{key}/{k}");
        let f: fn(&Array1<f64>) -> f64 = match fx.str(&c("func")) {
            "rosen" => rosen,
            "beale" => beale,
            "himmelblau" => himmelblau,
            other => panic!("{other}"),
        };
        let opts = fx.get(&c("options"));
        let has = |k: &str| opts.get(k).is_some();
        let num = |k: &str| fx.f64(&c(&format!("options/{k}")));
        let o = MinimizeOptions {
            method: Method::Powell,
            bounds: fx.get(key).get("lb").map(|_| Bounds::new(v(&c("lb")), v(&c("ub")))),
            maxiter: has("maxiter").then(|| num("maxiter") as usize),
            maxfev: has("maxfev").then(|| num("maxfev") as usize),
            xtol: has("xtol").then(|| num("xtol")),
            ftol: has("ftol").then(|| num("ftol")),
            tol: has("tol").then(|| num("tol")),
            direc: has("direc")
                .then(|| fx.array_f64(&c("options/direc")).into_dimensionality::<Ix2>().unwrap()),
            ..Default::default()
        };
        let r = minimize(f, &v(&c("x0")), &o).unwrap();
        // The same Brent / bounded searches in the same order: equal up to rounding.
        assert_allclose(&r.x, &v(&c("x")), 1e-9, 1e-10);
        let fun = fx.f64(&c("fun"));
        // case08 (Beale in a box) ends 1.8e-11 apart in f: rounding in the bounded searches.
        assert!((r.fun - fun).abs() <= 1e-10 * (1.0 + fun.abs()), "{key}: fun {} vs {fun}", r.fun);
        assert_eq!((r.nit as i64, r.nfev as i64), (fx.i64(&c("nit")), fx.i64(&c("nfev"))), "{key} nit, nfev");
        assert_eq!(r.status as i64, fx.i64(&c("status")), "{key}");
        assert_eq!(r.message, fx.str(&c("message")), "{key}");
    }
}

#[test]
fn powell_view_and_bad_input() {
    let x0 = array![-1.2, 9.0, 1.0, 9.0];
    let o = MinimizeOptions { method: Method::Powell, ..Default::default() };
    let r = minimize(rosen, &x0.slice(s![..;2]), &o).unwrap();
    assert!(r.success && (r.x[0] - 1.0).abs() < 1e-6);
    let base = || MinimizeOptions { method: Method::Powell, ..Default::default() };
    type Case = (&'static str, MinimizeOptions<'static>, fn(&OptimizeError) -> bool);
    let cases: Vec<Case> = vec![
        ("jac", MinimizeOptions { jac: Jac::Fn(&rosen_der), ..base() }, |e| {
            matches!(e, OptimizeError::UnsupportedOption { method: "Powell", option: "jac" })
        }),
        ("direc shape", MinimizeOptions { direc: Some(Array2::eye(3)), ..base() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "direc", .. })
        }),
        ("negative xtol", MinimizeOptions { xtol: Some(-1.0), ..base() }, |e| {
            matches!(e, OptimizeError::InvalidValue { arg: "xtol", .. })
        }),
        (
            "lb > ub",
            MinimizeOptions { bounds: Some(Bounds::from_pairs(&[(1.0, 0.0), (0.0, 1.0)])), ..base() },
            |e| matches!(e, OptimizeError::InvalidBounds { index: 0, .. }),
        ),
        ("xtol for BFGS", MinimizeOptions { xtol: Some(1e-3), ..Default::default() }, |e| {
            matches!(e, OptimizeError::UnsupportedOption { method: "BFGS", option: "xtol" })
        }),
    ];
    for (what, o, check) in cases {
        let e = minimize(rosen, &array![0.5, 0.5], &o).unwrap_err();
        assert!(check(&e), "{what}: {e:?}");
    }
}
