//! The keywords `curve_fit` forwards to `least_squares` against SciPy
//! (tools/fixtures/optimize_curve_fit_passthrough.py): `jac='2-point'`/`'3-point'` as
//! `jac_scheme`, `jac_sparsity`, `callback` (every call, and a stop); and the bad-input cases.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, CurveFitOptions, FiniteDiff, LsqCallback, LsqIntermediateResult, LsqMethod, OptimizeError,
    SparseMatrix, curve_fit, curve_fit_full,
};
use std::cell::RefCell;
use std::ops::ControlFlow;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_curve_fit_passthrough.json"))
        .unwrap()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

/// The generator's models, in its order of operations.
fn mm(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.mapv(|v| p[0] * v / (p[1] + v) + p[2])
}

fn seg(x: &Array1<f64>, p: &Array1<f64>) -> Array1<f64> {
    x.mapv(|v| {
        let k = p[v as usize];
        k * v + 0.5 * (k * k)
    })
}

#[test]
fn schemes_and_sparsity_follow_scipy() {
    let f = fx();
    for name in ["trf_3point", "dogbox_3point_bounds", "trf_2point", "trf_sparsity"] {
        let p = |k: &str| format!("{name}/{k}");
        let (lb, ub) = (v1(&f, &p("lb")), v1(&f, &p("ub")));
        let opts = CurveFitOptions {
            method: Some(if f.str(&p("method")) == "dogbox" { LsqMethod::Dogbox } else { LsqMethod::Trf }),
            jac_scheme: Some(if f.str(&p("scheme")) == "3-point" {
                FiniteDiff::ThreePoint
            } else {
                FiniteDiff::TwoPoint
            }),
            bounds: lb.iter().any(|v| v.is_finite()).then(|| Bounds::new(lb, ub)),
            jac_sparsity: (name == "trf_sparsity")
                .then(|| SparseMatrix::from_dense(&m2(&f, &p("pattern")).view())),
            ..Default::default()
        };
        let (x, y, p0) = (v1(&f, &p("x")), v1(&f, &p("y")), v1(&f, &p("p0")));
        let r = if f.str(&p("model")) == "seg" {
            curve_fit_full(seg, &x, &y, &p0, &opts)
        } else {
            curve_fit_full(mm, &x, &y, &p0, &opts)
        }
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        // Forward differences leave the last iterates ~1e-9 from SciPy's (rounding of the
        // steps' effect); the 3-point runs agree to ~1e-12.
        assert_allclose(&r.popt, &v1(&f, &p("popt")), 1e-8, 1e-12);
        assert_allclose(&r.pcov, &m2(&f, &p("pcov")), 1e-6, 1e-12);
        assert_eq!(r.nfev as i64, f.i64(&p("nfev")), "{name} nfev");
        assert_eq!(r.ier as i64, f.i64(&p("ier")), "{name} ier");
    }
}

#[test]
fn callback_sees_scipys_iterations() {
    let f = fx();
    let seen = RefCell::new(Vec::new());
    let cb = |r: &LsqIntermediateResult<'_>| {
        seen.borrow_mut().push(vec![r.nit as f64, r.nfev as f64, r.cost, r.x[0], r.x[1], r.x[2]]);
        ControlFlow::Continue(())
    };
    let opts = CurveFitOptions {
        method: Some(LsqMethod::Trf),
        callback: Some(LsqCallback(&cb)),
        ..Default::default()
    };
    let (x, y, p0) = (v1(&f, "trf_callback/x"), v1(&f, "trf_callback/y"), v1(&f, "trf_callback/p0"));
    let (popt, _) = curve_fit(mm, &x, &y, &p0, &opts).unwrap();
    assert_allclose(&popt, &v1(&f, "trf_callback/popt"), 1e-8, 1e-12);
    let want = m2(&f, "trf_callback/calls");
    let got = seen.into_inner();
    assert_eq!(got.len(), want.nrows());
    for (row, w) in got.iter().zip(want.rows()) {
        // nit and nfev exactly; cost and x to the forward differences' noise.
        assert_eq!((row[0], row[1]), (w[0], w[1]));
        assert_allclose(&Array1::from(row.clone()), &w, 1e-7, 1e-12);
    }
    // A stop fails the fit with SciPy's message.
    let stop = |r: &LsqIntermediateResult<'_>| {
        if r.nit >= 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    };
    let opts = CurveFitOptions {
        method: Some(LsqMethod::Trf),
        callback: Some(LsqCallback(&stop)),
        ..Default::default()
    };
    match curve_fit(mm, &x, &y, &p0, &opts) {
        Err(OptimizeError::NoConvergence { message }) => {
            assert_eq!(message, f.str("trf_callback_stop/message"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn passthrough_bad_input() {
    let x = array![0.5, 1.0, 2.0, 3.0];
    let y = array![1.0, 1.4, 1.7, 1.9];
    let p0 = array![1.0, 1.0, 0.0];
    let jac = |x: &Array1<f64>, _: &Array1<f64>| Array2::zeros((x.len(), 3));
    let cb = |_: &LsqIntermediateResult<'_>| ControlFlow::Continue(());
    let cases: Vec<(&str, CurveFitOptions<'_>)> = vec![
        (
            "jac_scheme",
            CurveFitOptions {
                method: Some(LsqMethod::Lm),
                jac_scheme: Some(FiniteDiff::ThreePoint),
                ..Default::default()
            },
        ),
        (
            "callback",
            CurveFitOptions {
                method: Some(LsqMethod::Lm),
                callback: Some(LsqCallback(&cb)),
                ..Default::default()
            },
        ),
        (
            "jac_sparsity",
            CurveFitOptions {
                method: Some(LsqMethod::Lm),
                jac_sparsity: Some(SparseMatrix::from_dense(&Array2::ones((4, 3)).view())),
                ..Default::default()
            },
        ),
        (
            "both",
            CurveFitOptions {
                method: Some(LsqMethod::Trf),
                jac: Some(&jac),
                jac_scheme: Some(FiniteDiff::TwoPoint),
                ..Default::default()
            },
        ),
    ];
    for (what, opts) in cases {
        match (what, curve_fit(mm, &x, &y, &p0, &opts)) {
            ("both", Err(OptimizeError::InvalidValue { arg: "jac_scheme", .. })) => {}
            (w, Err(OptimizeError::UnsupportedOption { method: "lm", option })) if option == w => {}
            (w, other) => panic!("{w}: {other:?}"),
        }
    }
}
