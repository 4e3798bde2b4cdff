//! `minimize` with `Jac::ComplexStep` (SciPy's `jac='cs'`) against SciPy
//! (tools/fixtures/optimize_complex_step.py): x, fun, nit, nfev and njev for BFGS, CG,
//! L-BFGS-B, TNC and SLSQP, with and without a variable fixed by its bounds (removed before
//! the solver, as SciPy's `minimize` does when derivatives are not given).

mod complex_scalar;

use complex_scalar::Scalar;
use sci_array::ndarray::{Array1, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{Bounds, Jac, Method, MinimizeOptions, minimize};

/// The generator's objectives, generic over f64 and Complex64, in its order of operations.
fn rosen<T: Scalar>(x: &Array1<T>) -> T {
    let mut s = T::re(0.0);
    for i in 0..x.len() - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s = s + T::re(100.0) * (b - a * a) * (b - a * a) + (T::re(1.0) - a) * (T::re(1.0) - a);
    }
    s
}

fn quartic<T: Scalar>(x: &Array1<T>) -> T {
    let mut s = T::re(0.0);
    for (i, &v) in x.iter().enumerate() {
        let d = v - T::re(i as f64);
        s = s + d * d * d * d;
    }
    s + x[0] * x[1] + x[1] * x[1]
}

fn method(name: &str) -> Method {
    match name {
        "BFGS" => Method::Bfgs,
        "CG" => Method::Cg,
        "L-BFGS-B" => Method::LBfgsB,
        "TNC" => Method::Tnc,
        "SLSQP" => Method::Slsqp,
        other => panic!("unknown method {other}"),
    }
}

#[test]
fn complex_step_gradients_follow_scipy() {
    let f = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_complex_step.json"))
        .unwrap();
    let names = f.keys();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let p = |k: &str| format!("{name}/{k}");
        let v1 = |k: &str| f.array_f64(&p(k)).into_dimensionality::<Ix1>().unwrap();
        let b = f.array_f64(&p("bounds")).into_dimensionality::<Ix2>().unwrap();
        let bounds = (b.nrows() > 0).then(|| Bounds::new(b.column(0).to_owned(), b.column(1).to_owned()));
        let quart = f.str(&p("func")) == "quartic";
        let fc = move |z: &Array1<Complex64>| if quart { quartic(z) } else { rosen(z) };
        let opts = MinimizeOptions {
            method: method(f.str(&p("method"))),
            jac: Jac::ComplexStep(&fc),
            bounds,
            ..Default::default()
        };
        let fr = move |x: &Array1<f64>| if quart { quartic(x) } else { rosen(x) };
        let r = minimize(fr, &v1("x0"), &opts).unwrap();
        assert_eq!(r.nit as i64, f.i64(&p("nit")), "{name} nit");
        assert_eq!(r.nfev as i64, f.i64(&p("nfev")), "{name} nfev");
        if f.i64(&p("njev")) >= 0 {
            assert_eq!(r.njev as i64, f.i64(&p("njev")), "{name} njev");
        }
        assert_eq!(r.success, f.get(&p("success")).as_bool().unwrap(), "{name} success");
        assert_allclose(&r.x, &v1("x"), 1e-10, 1e-12);
        assert!((r.fun - f.f64(&p("fun"))).abs() <= 1e-10 * f.f64(&p("fun")).abs() + 1e-14, "{name} fun");
        let jac = r.jac.expect("a gradient-based method reports jac");
        let want = v1("jac");
        // SciPy reports NaN for the fixed variables, as here; compare the rest (near the
        // optimum, x agrees to ~1e-11 and the gradient, scaled by the Hessian, to ~1e-8).
        for (g, w) in jac.iter().zip(want.iter()) {
            assert!(
                g.is_nan() == w.is_nan() && (g.is_nan() || (g - w).abs() <= 1e-8 * w.abs() + 1e-7),
                "{name} jac"
            );
        }
    }
}

/// The complex step is exact to rounding where forward differences lose half the digits.
#[test]
fn complex_step_is_exact_to_rounding() {
    let fc = |z: &Array1<Complex64>| rosen(z);
    let mut calls = 0;
    let mut fr = |x: &Array1<f64>| {
        calls += 1;
        rosen(x)
    };
    let mut p = sci_optimize::Problem::new(&mut fr, Jac::ComplexStep(&fc), None);
    let x = Array1::from(vec![-1.2, 1.0, 0.3]);
    let g = p.grad(&x);
    let want = sci_optimize::rosen_der(&x);
    assert_allclose(&g, &want, 1e-14, 1e-12);
    // One evaluation of f (SciPy brings f up to date first) and one complex one per variable.
    assert_eq!((p.nfev, p.njev), (4, 1));
    drop(p);
    assert_eq!(calls, 1);
}
