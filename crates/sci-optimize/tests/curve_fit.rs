//! curve_fit with bounds, method trf and a 2-D covariance sigma against SciPy fixtures
//! (`tools/fixtures/optimize_curve_fit.py`); bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use std::sync::atomic::{AtomicUsize, Ordering};

use sci_optimize::{
    Bounds, CurveFitJac, CurveFitOptions, LeastsqOptions, Loss, LossFn, LsqMethod, NanPolicy, OptimizeError,
    P0, Sigma, TrOptions, TrSolver, XScale, curve_fit, curve_fit_full, leastsq,
};

mod curve_fit_common;
use curve_fit_common::{assert_matches_scipy, options, v};

fn model(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.mapv(|t| p[0] * (-p[1] * t).exp() + p[2])
}

#[test]
fn curve_fit_bounds_and_covariance_match_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit.json"))
        .unwrap();
    let (x, y) = (v(&fx, "x"), v(&fx, "y"));
    let (xn, yn) = (v(&fx, "xn"), v(&fx, "yn"));
    let cov = fx.array_f64("cov").into_dimensionality::<Ix2>().unwrap();
    let names = fx.str("names").to_string();
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let opts = CurveFitOptions {
            nan_policy: (fx.str(&c("nan_policy")) == "omit").then_some(NanPolicy::Omit),
            ..options(&fx, name, &cov, None)
        };
        let (x, y) = if opts.nan_policy.is_some() { (&xn, &yn) } else { (&x, &y) };
        let r =
            curve_fit_full(model, x, y, &v(&fx, &c("p0")), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_matches_scipy(&fx, name, &r, false);
        let (popt, pcov2) = curve_fit(model, x, y, &v(&fx, &c("p0")), &opts).unwrap();
        assert_eq!((popt, pcov2), (r.popt, r.pcov));
    }
}

#[test]
fn curve_fit_trf_edges_and_bad_input() {
    let x = Array1::linspace(0.0, 4.0, 40);
    let y = x.mapv(|t: f64| 2.5 * (-1.3 * t).exp() + 0.5);
    let p0 = array![1.0, 1.0, 0.0];
    let bounds = Some(Bounds::new(array![0.0, 0.0, -1.0], array![2.0, 10.0, 1.0]));
    // Fewer points than parameters is allowed with trf; pcov is then inf.
    let r = curve_fit(
        model,
        &array![0.0, 1.0],
        &array![3.0, 1.5],
        &p0,
        &CurveFitOptions { method: Some(LsqMethod::Trf), ..Default::default() },
    )
    .unwrap();
    assert!(r.1.iter().all(|v| v.is_infinite()));
    let cases: Vec<(&str, CurveFitOptions<'_>)> = vec![
        (
            "lm with bounds",
            CurveFitOptions { bounds: bounds.clone(), method: Some(LsqMethod::Lm), ..Default::default() },
        ),
        ("maxfev", CurveFitOptions { method: Some(LsqMethod::Trf), maxfev: Some(3), ..Default::default() }),
        ("cov not pd", CurveFitOptions { sigma: Some(Sigma::Cov(-Array2::eye(40))), ..Default::default() }),
        ("cov shape", CurveFitOptions { sigma: Some(Sigma::Cov(Array2::eye(3))), ..Default::default() }),
        ("std length", CurveFitOptions { sigma: Some(Sigma::Std(array![1.0, 2.0])), ..Default::default() }),
        (
            "x0 outside",
            CurveFitOptions {
                bounds: Some(Bounds::new(array![2.0, 0.0, -1.0], array![3.0, 10.0, 1.0])),
                ..Default::default()
            },
        ),
    ];
    for (what, opts) in &cases {
        let e = curve_fit(model, &x, &y, &p0, opts).expect_err(what);
        let ok = match *what {
            "lm with bounds" => matches!(e, OptimizeError::UnsupportedOption { .. }),
            "maxfev" => matches!(e, OptimizeError::NoConvergence { .. }),
            "std length" => matches!(e, OptimizeError::WrongLength { arg: "sigma", .. }),
            _ => matches!(e, OptimizeError::InvalidValue { .. }),
        };
        assert!(ok, "{what}: {e:?}");
    }
    // nan_policy='raise' refuses NaN; without nan_policy NaN is refused as non-finite data.
    let mut yn = y.clone();
    yn[3] = f64::NAN;
    let raise = CurveFitOptions { nan_policy: Some(NanPolicy::Raise), ..Default::default() };
    for opts in [&raise, &CurveFitOptions::default()] {
        let e = curve_fit(model, &x, &yn, &p0, opts).unwrap_err();
        assert!(matches!(e, OptimizeError::InvalidValue { arg: "ydata", .. }), "{e:?}");
    }
    let e = curve_fit(model, &Array1::zeros(0), &Array1::zeros(0), &p0, &Default::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "ydata", .. }), "{e:?}");
}

#[test]
fn curve_fit_lm_calls_the_model_nfev_times() {
    // SciPy's curve_fit (method 'lm') calls the model exactly nfev times: for this problem
    // 21 calls, nfev = 21, popt = [2.504713, 1.30547128, 0.50167606] (SciPy 1.17.1).
    let x = Array1::linspace(0.0, 4.0, 50);
    let y = x.mapv(|t: f64| 2.5 * (-1.3 * t).exp() + 0.5 + 0.01 * (7.0 * t).sin());
    let calls = AtomicUsize::new(0);
    let f = |x: &Array1<f64>, p: &Array1<f64>| {
        calls.fetch_add(1, Ordering::Relaxed);
        model(x, p)
    };
    let r = curve_fit_full(f, &x, &y, &array![1.0, 1.0, 1.0], &CurveFitOptions::default()).unwrap();
    assert_eq!((calls.load(Ordering::Relaxed), r.nfev), (21, 21));
    assert_allclose(&r.popt, &array![2.504713, 1.30547128, 0.50167606], 1e-6, 0.0);
}

fn gauss(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    let (a, mu, s) = (p[0], p[1], p[2]);
    x.mapv(|t| a * (-(t - mu).powi(2) / (2.0 * s * s)).exp())
}

/// The large fit of `tools/fixtures/optimize_curve_fit_large.py` (its data are formulas).
fn large_data() -> (Array1<f64>, Array1<f64>, Array1<f64>) {
    let x = Array1::linspace(-5.0, 5.0, 5001);
    let y = x.mapv(|t: f64| {
        3.0 * (-(t - 0.5).powi(2) / (2.0 * 1.2 * 1.2)).exp()
            + 0.1 * (37.0 * t).sin()
            + 0.05 * (101.0 * t * t).cos()
    });
    let sigma = x.mapv(|t: f64| 0.1 + 0.02 * t.abs());
    (x, y, sigma)
}

#[test]
fn curve_fit_large_matches_scipy() {
    // 5001 points: MINPACK's sums over the rows run in lanes and the forward-difference
    // Jacobian columns are computed in parallel; SciPy's iterates are followed to rounding.
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_large.json"))
            .unwrap();
    let (x, y, sigma) = large_data();
    for (name, opts) in [
        ("plain", CurveFitOptions::default()),
        ("sigma", CurveFitOptions { sigma: Some(Sigma::Std(sigma)), ..Default::default() }),
    ] {
        let r = curve_fit_full(gauss, &x, &y, &array![1.0, 0.0, 1.0], &opts).unwrap();
        // linspace, exp, sin and cos may differ from NumPy's in the last bit (see above).
        assert_allclose(&r.popt, &v(&fx, &format!("{name}/popt")), 1e-9, 0.0);
        let pcov = fx.array_f64(&format!("{name}/pcov")).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&r.pcov, &pcov, 1e-6, 1e-8 * pcov[[0, 0]]);
        assert_eq!(r.nfev as i64, fx.i64(&format!("{name}/nfev")), "{name}: nfev");
        assert_eq!(i64::from(r.ier), fx.i64(&format!("{name}/ier")), "{name}: ier");
    }
}

#[test]
fn curve_fit_parallel_jacobian_equals_sequential_leastsq() {
    // curve_fit evaluates the finite-difference columns of a large fit in parallel; leastsq
    // (an FnMut model) in sequence. Same columns, so the same iterates bit for bit.
    let (x, y, _) = large_data();
    let calls = AtomicUsize::new(0);
    let f = |x: &Array1<f64>, p: &Array1<f64>| {
        calls.fetch_add(1, Ordering::Relaxed);
        gauss(x, p)
    };
    let r = curve_fit_full(f, &x, &y, &array![1.0, 0.0, 1.0], &CurveFitOptions::default()).unwrap();
    let l = leastsq(|p: &Array1<f64>| gauss(&x, p) - &y, &array![1.0, 0.0, 1.0], &LeastsqOptions::default())
        .unwrap();
    assert_eq!((&r.popt, &r.fvec, r.nfev, r.ier), (&l.x, &l.fvec, l.nfev, l.ier));
    assert_eq!(calls.load(Ordering::Relaxed), r.nfev);
    // A model of the wrong length met on a worker thread is still reported.
    let short = |x: &Array1<f64>, p: &Array1<f64>| {
        if p[2] != 1.0 { Array1::zeros(7) } else { gauss(x, p) }
    };
    let e = curve_fit(short, &x, &y, &array![1.0, 0.0, 1.0], &CurveFitOptions::default()).unwrap_err();
    assert!(
        matches!(e, OptimizeError::WrongLength { arg: "f(xdata, p)", expected: 5001, found: 7 }),
        "{e:?}"
    );
}

fn model_jac(x: &Array1<f64>, p: &Array1<f64>) -> Array2<f64> {
    Array2::from_shape_fn((x.len(), 3), |(i, j)| {
        let e = (-p[1] * x[i]).exp();
        [e, -p[0] * x[i] * e, 1.0][j]
    })
}

#[test]
fn curve_fit_jac_and_p0_none_match_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_jac.json"))
            .unwrap();
    let (x, y) = (v(&fx, "x"), v(&fx, "y"));
    let cov = fx.array_f64("cov").into_dimensionality::<Ix2>().unwrap();
    let names = fx.str("names").to_string();
    let mut n = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let with_jac = fx.get(&c("jac")).as_bool().unwrap();
        let opts = options(&fx, name, &cov, with_jac.then_some(&model_jac as CurveFitJac<'_>));
        let p0 = if fx.get(&c("p0_none")).as_bool().unwrap() {
            P0::Default { n_params: 3 }
        } else {
            P0::from(&v(&fx, &c("p0")))
        };
        let r = curve_fit_full(model, &x, &y, p0.clone(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_matches_scipy(&fx, name, &r, with_jac);
        assert_eq!(curve_fit(model, &x, &y, p0, &opts).unwrap(), (r.popt, r.pcov));
        n += 1;
    }
    assert_eq!(n, 14);
}

#[test]
fn curve_fit_jac_and_p0_bad_input() {
    let x = Array1::linspace(0.0, 4.0, 40);
    let y = x.mapv(|t: f64| 2.5 * (-1.3 * t).exp() + 0.5);
    let short_jac = |x: &Array1<f64>, _: &Array1<f64>| Array2::zeros((x.len(), 2));
    let tall_jac = |x: &Array1<f64>, _: &Array1<f64>| Array2::zeros((x.len() + 1, 3));
    let bounds = Some(Bounds::new(array![0.0, 0.0, -1.0], array![2.0, 10.0, 1.0]));
    let cases: Vec<(&str, P0, CurveFitOptions<'_>, OptimizeError)> = vec![
        (
            "jac columns, lm",
            P0::Default { n_params: 3 },
            CurveFitOptions { jac: Some(&short_jac), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "jac",
                reason: "returned shape (40, 2), expected (40, 3)".into(),
            },
        ),
        (
            "jac rows, trf",
            P0::Default { n_params: 3 },
            CurveFitOptions { jac: Some(&tall_jac), bounds: bounds.clone(), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "jac",
                reason: "returned shape (41, 3), expected (40, 3)".into(),
            },
        ),
        (
            "bounds for 2 parameters",
            P0::Default { n_params: 3 },
            CurveFitOptions {
                bounds: Some(Bounds::new(array![0.0, 0.0], array![1.0, 1.0])),
                ..Default::default()
            },
            OptimizeError::WrongLength { arg: "bounds.lb", expected: 3, found: 2 },
        ),
        (
            "upper bounds for 4 parameters",
            P0::from(&array![1.0, 1.0, 0.0]),
            CurveFitOptions {
                bounds: Some(Bounds::new(array![0.0, 0.0, 0.0], array![1.0, 1.0, 1.0, 1.0])),
                ..Default::default()
            },
            OptimizeError::WrongLength { arg: "bounds.ub", expected: 3, found: 4 },
        ),
        (
            "more parameters than points, lm",
            P0::Default { n_params: 41 },
            CurveFitOptions::default(),
            OptimizeError::WrongLength { arg: "ydata", expected: 41, found: 40 },
        ),
    ];
    // SciPy forwards the extra keywords to leastsq ('lm') or least_squares ('trf', 'dogbox'),
    // which refuse those they do not take (a TypeError), even at their default values.
    let trf = Some(LsqMethod::Trf);
    let (lm, dogbox) = (Some(LsqMethod::Lm), Some(LsqMethod::Dogbox));
    let refused: Vec<(&str, &str, CurveFitOptions<'_>)> = vec![
        ("lm", "loss", CurveFitOptions { loss: Some(Loss::SoftL1), ..Default::default() }),
        ("lm", "loss", CurveFitOptions { loss: Some(Loss::Linear), ..Default::default() }),
        ("lm", "f_scale", CurveFitOptions { f_scale: Some(1.0), ..Default::default() }),
        ("lm", "x_scale", CurveFitOptions { x_scale: Some(XScale::Jac), ..Default::default() }),
        ("lm", "diff_step", CurveFitOptions { diff_step: Some(array![1e-3]), ..Default::default() }),
        (
            "lm",
            "tr_solver",
            CurveFitOptions { method: lm, tr_solver: Some(TrSolver::Exact), ..Default::default() },
        ),
        (
            "lm",
            "tr_options",
            CurveFitOptions { tr_options: Some(TrOptions::default()), ..Default::default() },
        ),
        ("lm", "max_nfev", CurveFitOptions { max_nfev: Some(100), ..Default::default() }),
        ("trf", "epsfcn", CurveFitOptions { method: trf, epsfcn: Some(1e-6), ..Default::default() }),
        ("trf", "factor", CurveFitOptions { method: trf, factor: Some(100.0), ..Default::default() }),
        (
            "trf",
            "diag",
            CurveFitOptions {
                bounds: bounds.clone(),
                diag: Some(array![1.0, 1.0, 1.0]),
                ..Default::default()
            },
        ),
        (
            "dogbox",
            "diag",
            CurveFitOptions { method: dogbox, diag: Some(array![1.0, 1.0, 1.0]), ..Default::default() },
        ),
        // maxfev is renamed max_nfev only when max_nfev is not given.
        (
            "trf",
            "maxfev",
            CurveFitOptions { method: trf, maxfev: Some(50), max_nfev: Some(50), ..Default::default() },
        ),
    ];
    let mut cases = cases;
    for (method, option, opts) in refused {
        let want = OptimizeError::UnsupportedOption { method, option };
        cases.push(("option the solver does not take", P0::Default { n_params: 3 }, opts, want));
    }
    // Values the solvers refuse: SciPy's ValueError from least_squares; leastsq's "Improper
    // input parameters" (a RuntimeError in SciPy).
    let p1 = || P0::Default { n_params: 3 };
    cases.extend([
        (
            "maxfev 0, trf",
            p1(),
            CurveFitOptions { method: trf, maxfev: Some(0), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "max_nfev",
                reason: "must be None or positive integer".into(),
            },
        ),
        (
            "negative x_scale, trf",
            p1(),
            CurveFitOptions { method: trf, x_scale: Some(XScale::Scalar(-1.0)), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "x_scale",
                reason: "must be 'jac' or array_like with positive numbers".into(),
            },
        ),
        (
            "every tolerance disabled, trf",
            p1(),
            CurveFitOptions {
                method: trf,
                ftol: Some(0.0),
                xtol: Some(0.0),
                gtol: Some(1e-20),
                ..Default::default()
            },
            OptimizeError::InvalidValue {
                arg: "ftol",
                reason: "at least one of the tolerances must be higher than machine epsilon (2.22e-16)"
                    .into(),
            },
        ),
        (
            "diag length, lm",
            p1(),
            CurveFitOptions { diag: Some(array![1.0, 1.0]), ..Default::default() },
            OptimizeError::WrongLength { arg: "diag", expected: 3, found: 2 },
        ),
        (
            "negative factor, lm",
            p1(),
            CurveFitOptions { factor: Some(-1.0), ..Default::default() },
            OptimizeError::InvalidValue { arg: "factor", reason: "must be positive, got -1".into() },
        ),
        (
            "negative ftol, lm",
            p1(),
            CurveFitOptions { ftol: Some(-1.0), ..Default::default() },
            OptimizeError::InvalidValue { arg: "ftol", reason: "must be non-negative, got -1".into() },
        ),
    ]);
    for (what, p0, opts, want) in cases {
        let e = curve_fit(model, &x, &y, p0, &opts).expect_err(what);
        assert_eq!(e, want, "{what}");
    }
    // No parameters: SciPy fails (a TypeError); here an error too, for both methods.
    for method in [LsqMethod::Lm, LsqMethod::Trf] {
        let opts = CurveFitOptions { method: Some(method), ..Default::default() };
        let r = curve_fit(
            |x: &Array1<f64>, _: &Array1<f64>| x.clone(),
            &x,
            &y,
            P0::Default { n_params: 0 },
            &opts,
        );
        assert!(r.is_err(), "{method:?}: {r:?}");
    }
}

/// `'cauchy'` as a callable loss (the generator's `cauchy_like`).
fn cauchy_like(z: &Array1<f64>) -> Array2<f64> {
    Array2::from_shape_fn((3, z.len()), |(k, i)| {
        let t = 1.0 + z[i];
        [z[i].ln_1p(), 1.0 / t, -1.0 / (t * t)][k]
    })
}

/// `base` with the forwarded keywords of case `name` (its `kw` entry).
fn forwarded<'a>(fx: &Fixture, name: &str, base: CurveFitOptions<'a>) -> CurveFitOptions<'a> {
    let c = |k: &str| format!("{name}/kw/{k}");
    let kw = fx.get(&format!("{name}/kw"));
    let has = |k: &str| kw.get(k).is_some();
    let num = |k: &str| has(k).then(|| fx.f64(&c(k)));
    let size = |k: &str| has(k).then(|| fx.i64(&c(k)) as usize);
    // A float or an array of floats.
    let arr = |k: &str| has(k).then(|| v(fx, &c(k)));
    let arr_or_num = |k: &str| match kw.get(k) {
        Some(v) if v.is_number() => Some(array![v.as_f64().unwrap()]),
        _ => arr(k),
    };
    CurveFitOptions {
        ftol: num("ftol"),
        xtol: num("xtol"),
        gtol: num("gtol"),
        epsfcn: num("epsfcn"),
        factor: num("factor"),
        diag: arr("diag"),
        maxfev: size("maxfev"),
        max_nfev: size("max_nfev"),
        loss: has("loss").then(|| match fx.str(&c("loss")) {
            "linear" => Loss::Linear,
            "soft_l1" => Loss::SoftL1,
            "huber" => Loss::Huber,
            "cauchy" => Loss::Cauchy,
            "arctan" => Loss::Arctan,
            "callable" => Loss::Callable(LossFn(&cauchy_like)),
            other => panic!("{name}: loss {other}"),
        }),
        f_scale: num("f_scale"),
        x_scale: match kw.get("x_scale") {
            None => None,
            Some(v) if v.as_str() == Some("jac") => Some(XScale::Jac),
            Some(v) if v.is_number() => Some(XScale::Scalar(v.as_f64().unwrap())),
            Some(_) => Some(XScale::Array(arr("x_scale").unwrap())),
        },
        diff_step: arr_or_num("diff_step"),
        tr_solver: has("tr_solver").then(|| match fx.str(&c("tr_solver")) {
            "lsmr" => TrSolver::Lsmr,
            _ => TrSolver::Exact,
        }),
        tr_options: has("tr_options").then(|| TrOptions {
            regularize: fx.get(&c("tr_options/regularize")).as_bool().unwrap(),
            ..Default::default()
        }),
        ..base
    }
}

#[test]
fn curve_fit_forwarded_keywords_match_scipy() {
    let fx =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_kwargs.json"))
            .unwrap();
    let x = v(&fx, "x");
    let cov = fx.array_f64("cov").into_dimensionality::<Ix2>().unwrap();
    let names = fx.str("names").to_string();
    let (mut fits, mut failures) = (0, 0);
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let y = v(&fx, fx.str(&c("data")));
        let with_jac = fx.get(&c("jac")).as_bool().unwrap();
        let base = options(&fx, name, &cov, with_jac.then_some(&model_jac as CurveFitJac<'_>));
        let opts = forwarded(&fx, name, base);
        let r = curve_fit_full(model, &x, &y, &v(&fx, &c("p0")), &opts);
        match fx.str(&c("error")) {
            "" => {
                let r = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_matches_scipy(&fx, name, &r, with_jac);
                fits += 1;
            }
            message => {
                assert_eq!(r, Err(OptimizeError::NoConvergence { message: message.into() }), "{name}");
                failures += 1;
            }
        }
    }
    assert_eq!((fits, failures), (30, 3));
}
