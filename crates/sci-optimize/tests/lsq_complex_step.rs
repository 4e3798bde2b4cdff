//! `least_squares` with `LsqJac::ComplexStep` (SciPy's `jac='cs'`) against SciPy
//! (tools/fixtures/optimize_lsq_complex_step.py): x, cost, nfev, njev and status for trf,
//! dogbox and lm, with bounds and `diff_step`; and the bad-input cases of the scheme.

mod complex_scalar;

use complex_scalar::Scalar;
use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{Bounds, LeastSquaresOptions, LsqJac, LsqMethod, OptimizeError, least_squares};

/// The generator's residuals, in its order of operations.
fn rosen_res<T: Scalar>(x: &Array1<T>) -> Array1<T> {
    array![T::re(10.0) * (x[1] - x[0] * x[0]), T::re(1.0) - x[0]]
}

fn exp_fit<T: Scalar>(x: &Array1<T>) -> Array1<T> {
    let t = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
    let y = [1.0, 2.7, 7.4, 20.1, 54.6, 148.4];
    t.iter()
        .zip(y)
        .map(|(&ti, yi)| {
            let q = T::re(1.0) + x[1] * T::re(ti) + x[2] * T::re(ti * ti);
            x[0] * q * q - T::re(yi)
        })
        .collect()
}

#[test]
fn complex_step_jacobians_follow_scipy() {
    let f =
        Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_lsq_complex_step.json"))
            .unwrap();
    let names = f.keys();
    assert!(names.len() >= 7, "{names:?}");
    for name in names {
        let p = |k: &str| format!("{name}/{k}");
        let v1 = |k: &str| f.array_f64(&p(k)).into_dimensionality::<Ix1>().unwrap();
        let exp = f.str(&p("func")) == "exp_fit";
        let fc = move |z: &Array1<Complex64>| if exp { exp_fit(z) } else { rosen_res(z) };
        let fr = move |x: &Array1<f64>| if exp { exp_fit(x) } else { rosen_res(x) };
        let (lb, ub) = (v1("lb"), v1("ub"));
        let bounded = lb.iter().chain(ub.iter()).any(|v| v.is_finite());
        let ds = f.f64(&p("diff_step"));
        let opts = LeastSquaresOptions {
            jac: LsqJac::ComplexStep(&fc),
            method: match f.str(&p("method")) {
                "lm" => LsqMethod::Lm,
                "dogbox" => LsqMethod::Dogbox,
                _ => LsqMethod::Trf,
            },
            bounds: bounded.then(|| Bounds::new(lb, ub)),
            diff_step: (ds > 0.0).then(|| array![ds]),
            ..Default::default()
        };
        let r = least_squares(fr, &v1("x0"), &opts).unwrap();
        assert_eq!(r.nfev as i64, f.i64(&p("nfev")), "{name} nfev");
        assert_eq!(r.njev.map_or(-1, |v| v as i64), f.i64(&p("njev")), "{name} njev");
        assert_eq!(r.status as i64, f.i64(&p("status")), "{name} status");
        assert_allclose(&r.x, &v1("x"), 1e-9, 1e-12);
        assert!((r.cost - f.f64(&p("cost"))).abs() <= 1e-9 * f.f64(&p("cost")) + 1e-20, "{name} cost");
        let want: Array2<f64> = f.array_f64(&p("jac")).into_dimensionality::<Ix2>().unwrap();
        assert_allclose(&r.jac.to_dense(), &want, 1e-8, 1e-10);
    }
}

#[test]
fn complex_step_bad_input() {
    let fc_short = |z: &Array1<Complex64>| array![z[0]];
    let sparsity = sci_optimize::SparseMatrix::from_dense(&Array2::<f64>::ones((2, 2)).view());
    let fc = |z: &Array1<Complex64>| rosen_res(z);
    let x0 = array![2.0, 2.0];
    let cases: Vec<(&str, LeastSquaresOptions<'_>)> = vec![
        ("wrong length", LeastSquaresOptions { jac: LsqJac::ComplexStep(&fc_short), ..Default::default() }),
        (
            "with jac_sparsity",
            LeastSquaresOptions {
                jac: LsqJac::ComplexStep(&fc),
                jac_sparsity: Some(sparsity),
                ..Default::default()
            },
        ),
    ];
    for (what, opts) in cases {
        let e = least_squares(|x: &Array1<f64>| rosen_res(x), &x0, &opts).unwrap_err();
        match (what, e) {
            ("wrong length", OptimizeError::WrongLength { arg: "fun(x)", expected: 2, found: 1 }) => {}
            ("with jac_sparsity", OptimizeError::UnsupportedOption { option: "jac_sparsity", .. }) => {}
            (w, e) => panic!("{w}: unexpected {e:?}"),
        }
    }
}
