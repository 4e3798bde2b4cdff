//! curve_fit with SciPy's `jac='cs'` (`CurveFitOptions::jac_cs`: the model continued to
//! complex parameters) against SciPy fixtures (`tools/fixtures/optimize_curve_fit_cs.py`):
//! trf and dogbox, bounds, sigma, absolute_sigma, diff_step, p0=None; popt, pcov, nfev, fvec,
//! mesg and ier. Bad input: 'lm' refuses it, and it excludes the other Jacobian options.

use sci_array::ndarray::{Array1, Array2, Ix2, array};
use sci_array::num_complex::Complex64;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    CurveFitComplexModel, CurveFitOptions, FiniteDiff, LsqMethod, OptimizeError, P0, SparseMatrix, curve_fit,
    curve_fit_full,
};

mod curve_fit_common;
use curve_fit_common::{assert_matches_scipy, options, v};

/// The generator's models, real and for complex parameters, in its order of operations.
fn expo(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.mapv(|t| p[0] * (-p[1] * t).exp() + p[2])
}

fn expo_c(x: &Array1<f64>, p: &Array1<Complex64>) -> Array1<Complex64> {
    x.mapv(|t| p[0] * (-p[1] * t).exp() + p[2])
}

fn mm(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.mapv(|t| p[0] * t / (p[1] + t) + p[2])
}

fn mm_c(x: &Array1<f64>, p: &Array1<Complex64>) -> Array1<Complex64> {
    x.mapv(|t| p[0] * t / (p[1] + t) + p[2])
}

#[test]
fn jac_cs_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_cs.json"))
        .unwrap();
    let x = v(&fx, "x");
    let cov = fx.array_f64("cov").into_dimensionality::<Ix2>().unwrap();
    let names = fx.str("names").to_string();
    let mut n = 0;
    for name in names.split(' ') {
        let c = |k: &str| format!("{name}/{k}");
        let is_expo = fx.str(&c("model")) == "expo";
        let fc: CurveFitComplexModel<'_> = if is_expo { &expo_c } else { &mm_c };
        let diff_step = fx.f64(&c("diff_step"));
        let opts = CurveFitOptions {
            jac_cs: Some(fc),
            diff_step: (diff_step > 0.0).then(|| array![diff_step]),
            ..options(&fx, name, &cov, None)
        };
        let p0 = if fx.get(&c("p0_none")).as_bool().unwrap() {
            P0::Default { n_params: 3 }
        } else {
            P0::Values(v(&fx, &c("p0")))
        };
        let y = v(&fx, if is_expo { "y" } else { "ym" });
        let f = if is_expo { expo } else { mm };
        let r = curve_fit_full(f, &x, &y, p0, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Complex steps are exact to rounding, as an analytic Jacobian.
        assert_matches_scipy(&fx, name, &r, true);
        n += 1;
    }
    assert_eq!(n, 9);
}

/// jac='cs' differs from the default forward differences only in the Jacobian: the same fit,
/// to the differences' accuracy.
#[test]
fn jac_cs_agrees_with_differences() {
    let x = Array1::linspace(0.1, 5.0, 30);
    let y = x.mapv(|t: f64| 1.5 * t / (0.4 + t) - 0.2 + 0.01 * (3.0 * t).sin());
    let base = CurveFitOptions { method: Some(LsqMethod::Trf), ..Default::default() };
    let (p_fd, _) = curve_fit(mm, &x, &y, &array![1.0, 1.0, 0.0], &base).unwrap();
    let cs = CurveFitOptions { jac_cs: Some(&mm_c), ..base };
    let (p_cs, _) = curve_fit(mm, &x, &y, &array![1.0, 1.0, 0.0], &cs).unwrap();
    assert!((&p_fd - &p_cs).iter().all(|d| d.abs() < 1e-7), "{p_fd} vs {p_cs}");
}

#[test]
fn jac_cs_bad_input() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_cs.json"))
        .unwrap();
    // SciPy's 'lm' hands jac='cs' to leastsq, which cannot call it: a TypeError.
    assert_eq!(fx.str("lm_error"), "'str' object is not callable");
    let x = array![0.5, 1.0, 2.0, 3.0];
    let y = array![1.0, 1.4, 1.7, 1.9];
    let p0 = array![1.0, 1.0, 0.0];
    let jac = |x: &Array1<f64>, _: &Array1<f64>| Array2::zeros((x.len(), 3));
    let short = |_: &Array1<f64>, _: &Array1<Complex64>| Array1::zeros(2);
    let cs = CurveFitOptions { jac_cs: Some(&mm_c), ..Default::default() };
    let rows: Vec<(&str, CurveFitOptions<'_>)> = vec![
        // no bounds: the default method is 'lm'
        ("lm default", cs.clone()),
        ("lm", CurveFitOptions { method: Some(LsqMethod::Lm), ..cs.clone() }),
        ("with jac", CurveFitOptions { method: Some(LsqMethod::Trf), jac: Some(&jac), ..cs.clone() }),
        (
            "with jac_scheme",
            CurveFitOptions {
                method: Some(LsqMethod::Trf),
                jac_scheme: Some(FiniteDiff::ThreePoint),
                ..cs.clone()
            },
        ),
        (
            "with jac_sparsity",
            CurveFitOptions {
                method: Some(LsqMethod::Trf),
                jac_sparsity: Some(SparseMatrix::from_dense(&Array2::ones((4, 3)).view())),
                ..cs.clone()
            },
        ),
        (
            "wrong length",
            CurveFitOptions { method: Some(LsqMethod::Dogbox), jac_cs: Some(&short), ..cs.clone() },
        ),
    ];
    for (what, opts) in rows {
        match (what, curve_fit(mm, &x, &y, &p0, &opts)) {
            (
                "lm default" | "lm",
                Err(OptimizeError::UnsupportedOption { method: "lm", option: "jac_cs" }),
            ) => {}
            ("with jac", Err(OptimizeError::InvalidValue { arg: "jac_cs", .. })) => {}
            ("with jac_scheme", Err(OptimizeError::InvalidValue { arg: "jac_scheme", .. })) => {}
            ("with jac_sparsity", Err(OptimizeError::UnsupportedOption { option: "jac_sparsity", .. })) => {}
            (
                "wrong length",
                Err(OptimizeError::WrongLength { arg: "f(xdata, p)", expected: 4, found: 2 }),
            ) => {}
            (w, other) => panic!("{w}: {other:?}"),
        }
    }
}
