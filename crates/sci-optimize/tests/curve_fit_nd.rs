//! curve_fit with n-d xdata against SciPy (`tools/fixtures/optimize_curve_fit_nd.py`): models
//! of two and three variables on xdata of shape (2, N) / (3, N) with lm, trf, dogbox, sigma,
//! an analytic jac, p0=None and nan_policy='omit' (a point is a column); bad input.

use sci_array::ndarray::{Array1, Array2, Array3, ArrayD, Axis, Ix1, Ix2, array};
use sci_array::testing::{assert_allclose, fixture::Fixture};
use sci_optimize::{CurveFitJac, CurveFitOptions, NanPolicy, OptimizeError, P0, curve_fit, curve_fit_full};

mod curve_fit_common;
use curve_fit_common::{assert_matches_scipy, m, options, v};

/// `a exp(-b x0) + c x1^2 + d`.
fn f2(x: &Array2<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.columns().into_iter().map(|c| p[0] * (-p[1] * c[0]).exp() + p[2] * c[1] * c[1] + p[3]).collect()
}

fn f2_jac(x: &Array2<f64>, p: &Array1<f64>) -> Array2<f64> {
    Array2::from_shape_fn((x.ncols(), 4), |(i, j)| {
        let e = (-p[1] * x[[0, i]]).exp();
        [e, -p[0] * x[[0, i]] * e, x[[1, i]] * x[[1, i]], 1.0][j]
    })
}

/// `a x0 + b x1 + c x2 x0 + d`.
fn f3(x: &Array2<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.columns().into_iter().map(|c| p[0] * c[0] + p[1] * c[1] + p[2] * c[2] * c[0] + p[3]).collect()
}

#[test]
fn curve_fit_nd_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_nd.json"))
        .unwrap();
    let cov = m(&fx, "cov");
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let analytic = fx.str(&c("jac")) == "analytic";
        let opts = CurveFitOptions {
            nan_policy: (fx.str(&c("nan_policy")) == "omit").then_some(NanPolicy::Omit),
            ..options(&fx, name, &cov, analytic.then_some(&f2_jac as CurveFitJac<'_, Ix2>))
        };
        let p0 = v(&fx, &c("p0"));
        let p0 = if p0.is_empty() { P0::Default { n_params: 4 } } else { P0::Values(p0) };
        let (x, y) = match (fx.str(&c("model")), opts.nan_policy.is_some()) {
            ("f3", _) => (m(&fx, "x3"), v(&fx, "y3")),
            (_, true) => (m(&fx, "x2n"), v(&fx, "y2n")),
            _ => (m(&fx, "x2"), v(&fx, "y2")),
        };
        let model = if fx.str(&c("model")) == "f3" { f3 } else { f2 };
        let r = curve_fit_full(model, &x, &y, p0.clone(), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_matches_scipy(&fx, name, &r, false);
        // curve_fit is curve_fit_full's (popt, pcov); a view of xdata works as the array.
        let (popt, pcov2) = curve_fit(model, &x.view(), &y, p0, &opts).unwrap();
        assert_eq!((popt, pcov2), (r.popt, r.pcov));
        checked += 1;
    }
    assert_eq!(checked, 11);
}

#[test]
fn curve_fit_xdata_of_any_dimension() {
    // The same plane fit on xdata of shape (2, N), (2, 4, 5) and IxDyn: the model sees xdata
    // as given, one point per index of the trailing axes it flattens itself.
    let x2 = Array2::from_shape_fn((2, 20), |(r, i)| if r == 0 { i as f64 * 0.25 } else { (i as f64).sin() });
    let y = x2.columns().into_iter().map(|c| 1.5 * c[0] - 0.5 * c[1] + 0.25).collect::<Array1<f64>>();
    let plane =
        |x: &Array2<f64>, p: &Array1<f64>| x.row(0).mapv(|a| p[0] * a) + x.row(1).mapv(|b| p[1] * b) + p[2];
    let p0 = array![0.0, 0.0, 0.0];
    let (popt, _) = curve_fit(plane, &x2, &y, &p0, &CurveFitOptions::default()).unwrap();
    assert_allclose(&popt, &array![1.5, -0.5, 0.25], 1e-10, 1e-12);
    let x3: Array3<f64> = x2.clone().into_shape_with_order((2, 4, 5)).unwrap();
    let plane3 = |x: &Array3<f64>, p: &Array1<f64>| {
        let flat = x.to_shape((2, 20)).unwrap();
        flat.row(0).mapv(|a| p[0] * a) + flat.row(1).mapv(|b| p[1] * b) + p[2]
    };
    let (popt3, _) = curve_fit(plane3, &x3, &y, &p0, &CurveFitOptions::default()).unwrap();
    assert_allclose(&popt3, &popt, 1e-12, 0.0);
    let xd = x2.clone().into_dyn();
    let plane_dyn = |x: &ArrayD<f64>, p: &Array1<f64>| {
        let z =
            x.index_axis(Axis(0), 0).mapv(|a| p[0] * a) + x.index_axis(Axis(0), 1).mapv(|b| p[1] * b) + p[2];
        z.into_dimensionality::<Ix1>().unwrap()
    };
    let (popt_dyn, _) = curve_fit(plane_dyn, &xd, &y, &p0, &CurveFitOptions::default()).unwrap();
    assert_allclose(&popt_dyn, &popt, 1e-12, 0.0);
}

#[test]
fn curve_fit_nd_bad_input() {
    let x = Array2::from_shape_fn((2, 10), |(r, i)| (r * 10 + i) as f64 * 0.1);
    let y = x.row(0).mapv(|a| 2.0 * a) + x.row(1);
    let line = |x: &Array2<f64>, p: &Array1<f64>| x.row(0).mapv(|a| p[0] * a) + x.row(1).mapv(|b| p[1] * b);
    let p0 = array![1.0, 1.0];
    let mut x_nan = x.clone();
    x_nan[[1, 3]] = f64::NAN;
    let x_short = x.slice(sci_array::ndarray::s![.., ..8]).to_owned();
    let bad_jac = |_: &Array2<f64>, _: &Array1<f64>| Array2::zeros((10, 3));
    let omit = CurveFitOptions { nan_policy: Some(NanPolicy::Omit), ..Default::default() };
    let cases: Vec<(&str, &Array2<f64>, CurveFitOptions<'_, Ix2>, OptimizeError)> = vec![
        (
            "nan in xdata",
            &x_nan,
            CurveFitOptions::default(),
            OptimizeError::InvalidValue {
                arg: "ydata",
                reason: "array must not contain infs or NaNs".into(),
            },
        ),
        (
            "nan_policy raise",
            &x_nan,
            CurveFitOptions { nan_policy: Some(NanPolicy::Raise), ..Default::default() },
            OptimizeError::InvalidValue { arg: "ydata", reason: "The input contains nan values".into() },
        ),
        (
            "omit with a last axis of another length",
            &x_short,
            omit.clone(),
            OptimizeError::WrongLength { arg: "xdata", expected: 10, found: 8 },
        ),
        (
            "model output length",
            &x_short,
            CurveFitOptions::default(),
            OptimizeError::WrongLength { arg: "f(xdata, p)", expected: 10, found: 8 },
        ),
        (
            "jac shape",
            &x,
            CurveFitOptions { jac: Some(&bad_jac), ..Default::default() },
            OptimizeError::InvalidValue {
                arg: "jac",
                reason: "returned shape (10, 3), expected (10, 2)".into(),
            },
        ),
    ];
    for (what, xd, opts, want) in cases {
        let e = curve_fit(line, xd, &y, &p0, &opts).expect_err(what);
        assert_eq!(e, want, "{what}");
    }
    // Omitting drops the whole column 3 (one NaN row is enough).
    let (popt, _) = curve_fit(line, &x_nan, &y, &p0, &omit).unwrap();
    assert_allclose(&popt, &array![2.0, 1.0], 1e-10, 1e-12);
}
