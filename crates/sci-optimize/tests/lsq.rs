//! leastsq, root(lm) and curve_fit against SciPy fixtures; bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array, s};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{
    CurveFitOptions, LeastsqOptions, OptimizeError, RootMethod, RootOptions, Sigma, curve_fit, leastsq, root,
};

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_lsq.json")).unwrap()
}
fn v(fx: &Fixture, p: &str) -> Array1<f64> {
    fx.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}
fn m(fx: &Fixture, p: &str) -> Array2<f64> {
    fx.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

/// pcov comes from the last finite-difference Jacobian: entries agree to ~1e-6 of its scale
/// (the near-zero off-diagonal ones only in absolute terms).
fn check_pcov(actual: &Array2<f64>, desired: &Array2<f64>) {
    let scale = desired.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    assert_allclose(actual, desired, 1e-5, 1e-6 * scale);
}

#[test]
fn root_lm_matches_scipy() {
    let fx = load();
    let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0]];
    let r = root(
        circle,
        &v(&fx, "root_circle/x0"),
        &RootOptions { method: RootMethod::Lm, ..Default::default() },
    )
    .unwrap();
    // Same MINPACK iteration; sums may round differently in the last bits.
    assert_allclose(&r.x, &v(&fx, "root_circle/x"), 1e-10, 0.0);
    assert_eq!(r.status as i64, fx.i64("root_circle/status"));
    // SciPy's root counts two more calls of fun: its wrappers' shape checks at x0.
    assert_eq!(r.nfev as i64 + 2, fx.i64("root_circle/nfev"));
    let over = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0], x[1] - x[0] * x[0]];
    let r =
        root(over, &v(&fx, "root_over/x0"), &RootOptions { method: RootMethod::Lm, ..Default::default() })
            .unwrap();
    assert_allclose(&r.x, &v(&fx, "root_over/x"), 1e-9, 0.0);
    assert_allclose(r.fvec.as_ref().unwrap(), &v(&fx, "root_over/fun"), 1e-8, 1e-12);
    assert_eq!(r.status as i64, fx.i64("root_over/status"));
    assert_eq!(r.nfev as i64 + 2, fx.i64("root_over/nfev"));
}

#[test]
fn leastsq_matches_scipy() {
    let fx = load();
    let t = v(&fx, "leastsq_exp/t");
    let y = v(&fx, "leastsq_exp/y");
    let f = |p: &Array1<f64>| &t.mapv(|ti| p[0] * (-p[1] * ti).exp()) - &y;
    let r = leastsq(f, &array![1.0, 1.0], &LeastsqOptions::default()).unwrap();
    assert_allclose(&r.x, &v(&fx, "leastsq_exp/x"), 1e-9, 0.0);
    // cov_x depends on the last finite-difference Jacobian: agrees to ~1e-7.
    assert_allclose(r.cov_x.as_ref().unwrap(), &m(&fx, "leastsq_exp/cov_x"), 1e-6, 0.0);
    assert_eq!(r.ier as i64, fx.i64("leastsq_exp/ier"));
    assert_eq!(r.nfev as i64, fx.i64("leastsq_exp/nfev"));
    let jac = |p: &Array1<f64>| {
        let mut j = Array2::zeros((t.len(), 2));
        for (i, &ti) in t.iter().enumerate() {
            j[[i, 0]] = (-p[1] * ti).exp();
            j[[i, 1]] = -p[0] * ti * (-p[1] * ti).exp();
        }
        j
    };
    let r = leastsq(f, &array![1.0, 1.0], &LeastsqOptions { jac: Some(&jac), ..Default::default() }).unwrap();
    assert_allclose(&r.x, &v(&fx, "leastsq_exp_jac/x"), 1e-10, 0.0);
    assert_allclose(r.cov_x.as_ref().unwrap(), &m(&fx, "leastsq_exp_jac/cov_x"), 1e-9, 0.0);
    assert_eq!(r.nfev as i64, fx.i64("leastsq_exp_jac/nfev"));
    assert_eq!(r.njev as i64, fx.i64("leastsq_exp_jac/njev"));
}

/// `diag` (MINPACK `mode = 2`, fixed variable scales) for `leastsq` and `root(method='lm')`:
/// SciPy's solution, `ier`/`status` and evaluation counts for three scalings.
#[test]
fn diag_matches_scipy() {
    let fx = load();
    let t = v(&fx, "leastsq_exp/t");
    let y = v(&fx, "leastsq_exp/y");
    let f = |p: &Array1<f64>| &t.mapv(|ti| p[0] * (-p[1] * ti).exp()) - &y;
    let circle = |x: &Array1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0, x[1] - x[0]];
    for tag in ["d1", "d2", "d3"] {
        let key = format!("leastsq_diag_{tag}");
        let d = v(&fx, &format!("{key}/diag")).to_vec();
        let r =
            leastsq(f, &array![1.0, 1.0], &LeastsqOptions { diag: Some(&d), ..Default::default() }).unwrap();
        assert_allclose(&r.x, &v(&fx, &format!("{key}/x")), 1e-9, 0.0);
        assert_eq!(r.ier as i64, fx.i64(&format!("{key}/ier")), "{key}");
        assert_eq!(r.nfev as i64, fx.i64(&format!("{key}/nfev")), "{key}");
        let key = format!("root_diag_{tag}");
        let opts =
            RootOptions { method: RootMethod::Lm, diag: Some(Array1::from(d.clone())), ..Default::default() };
        let r = root(circle, &array![0.5, 0.0], &opts).unwrap();
        assert_allclose(&r.x, &v(&fx, &format!("{key}/x")), 1e-10, 0.0);
        assert_eq!(r.status as i64, fx.i64(&format!("{key}/status")), "{key}");
        // SciPy's root counts two more calls: its wrappers' shape checks at x0.
        assert_eq!(r.nfev as i64 + 2, fx.i64(&format!("{key}/nfev")), "{key}");
    }
}

#[test]
fn curve_fit_matches_scipy() {
    let fx = load();
    let x = v(&fx, "curve_fit_tour/x");
    let y = v(&fx, "curve_fit_tour/y");
    let f = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|t| p[0] * (p[1] * t + p[2]).sin());
    let p0 = array![2.0, 1.0, 3.0];
    let (popt, pcov) = curve_fit(f, &x, &y, &p0, &CurveFitOptions::default()).unwrap();
    assert_allclose(&popt, &v(&fx, "curve_fit_tour/popt"), 1e-9, 0.0);
    check_pcov(&pcov, &m(&fx, "curve_fit_tour/pcov"));
    let sigma = v(&fx, "curve_fit_sigma/sigma");
    let opts = CurveFitOptions { sigma: Some(Sigma::Std(sigma.clone())), ..Default::default() };
    let (popt, pcov) = curve_fit(f, &x, &y, &p0, &opts).unwrap();
    assert_allclose(&popt, &v(&fx, "curve_fit_sigma/popt"), 1e-9, 0.0);
    check_pcov(&pcov, &m(&fx, "curve_fit_sigma/pcov"));
    let opts = CurveFitOptions { sigma: Some(Sigma::Std(sigma)), absolute_sigma: true, ..Default::default() };
    let (popt, pcov) = curve_fit(f, &x, &y, &p0, &opts).unwrap();
    assert_allclose(&popt, &v(&fx, "curve_fit_abs/popt"), 1e-9, 0.0);
    check_pcov(&pcov, &m(&fx, "curve_fit_abs/pcov"));
    // Non-contiguous views work.
    let xx = Array1::from_iter(x.iter().flat_map(|&t| [t, 0.0]));
    let (popt2, _) = curve_fit(f, &xx.slice(s![..;2]), &y, &p0, &CurveFitOptions::default()).unwrap();
    assert_allclose(&popt2, &v(&fx, "curve_fit_tour/popt"), 1e-9, 0.0);
}

#[test]
fn lsq_bad_input() {
    let f2 = |x: &Array1<f64>| array![x[0] - 1.0];
    let e = leastsq(f2, &array![0.0, 0.0], &LeastsqOptions::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "fun(x0)", .. }), "{e}");
    let e = leastsq(|x: &Array1<f64>| x.clone(), &Array1::<f64>::zeros(0), &LeastsqOptions::default())
        .unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "x0", .. }), "{e}");
    let e =
        leastsq(|x: &Array1<f64>| x.mapv(f64::ln), &array![-1.0], &LeastsqOptions::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::NonFiniteInitial { .. }), "{e}");
    let e = leastsq(
        |x: &Array1<f64>| x.clone(),
        &array![1.0],
        &LeastsqOptions { ftol: -1.0, ..Default::default() },
    )
    .unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "ftol", .. }), "{e}");
    let bad_jac = |_: &Array1<f64>| Array2::zeros((3, 3));
    let e = leastsq(
        |x: &Array1<f64>| x.clone(),
        &array![1.0],
        &LeastsqOptions { jac: Some(&bad_jac), ..Default::default() },
    )
    .unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { arg: "jac", .. }), "{e}");
    // diag: one entry per variable, each positive (SciPy: TypeError "Improper input parameters.").
    for (d, want_len) in
        [(vec![1.0, 1.0], true), (vec![0.0], false), (vec![-1.0], false), (vec![f64::NAN], false)]
    {
        let e = leastsq(
            |x: &Array1<f64>| x.clone(),
            &array![1.0],
            &LeastsqOptions { diag: Some(&d), ..Default::default() },
        )
        .unwrap_err();
        if want_len {
            assert!(matches!(e, OptimizeError::WrongLength { arg: "diag", expected: 1, found: 2 }), "{e}");
        } else {
            assert!(matches!(e, OptimizeError::InvalidValue { arg: "diag", .. }), "{e}");
        }
    }
    let f = |x: &Array1<f64>, p: &Array1<f64>| x.mapv(|t| p[0] * t);
    let e =
        curve_fit(f, &array![1.0], &array![1.0], &array![1.0, 2.0], &CurveFitOptions::default()).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "ydata", .. }), "{e}");
    let opts = CurveFitOptions { sigma: Some(Sigma::Std(array![1.0, 2.0, 3.0])), ..Default::default() };
    let e = curve_fit(f, &array![1.0, 2.0], &array![1.0, 2.0], &array![1.0], &opts).unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "sigma", .. }), "{e}");
    let e =
        curve_fit(f, &array![1.0, f64::NAN], &array![1.0, 2.0], &array![1.0], &CurveFitOptions::default())
            .unwrap_err();
    assert!(matches!(e, OptimizeError::InvalidValue { .. }), "{e}");
    let short = |_: &Array1<f64>, p: &Array1<f64>| array![p[0]];
    let e = curve_fit(short, &array![1.0, 2.0], &array![1.0, 2.0], &array![1.0], &CurveFitOptions::default())
        .unwrap_err();
    assert!(matches!(e, OptimizeError::WrongLength { arg: "f(xdata, p)", .. }), "{e}");
    // One point, one parameter: pcov cannot be estimated and is inf, as in SciPy.
    let (_, pcov) =
        curve_fit(f, &array![2.0], &array![4.0], &array![1.0], &CurveFitOptions::default()).unwrap();
    assert!(pcov[[0, 0]].is_infinite());
}
