//! `minimize_lbfgsb`'s `hess_inv` and `LbfgsInvHessProduct` against SciPy (fixtures from
//! tools/fixtures/optimize_lbfgsb_hess.py): the correction pairs in L-BFGS-B's storage order
//! (circular after `maxcor` updates), `todense`, `matvec`; a bad-input table.

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{
    Bounds, Jac, LbfgsInvHessProduct, MinimizeOptions, OptimizeError, minimize_lbfgsb, rosen, rosen_der,
};

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_lbfgsb_hess.json")).unwrap()
}

fn v1(f: &Fixture, p: &str) -> Array1<f64> {
    f.array_f64(p).into_dimensionality::<Ix1>().unwrap()
}

fn m2(f: &Fixture, p: &str) -> Array2<f64> {
    f.array_f64(p).into_dimensionality::<Ix2>().unwrap()
}

/// The fixture's quadratic, summed in NumPy's order.
fn quad(x: &Array1<f64>) -> f64 {
    let a: f64 = x.iter().enumerate().map(|(i, v)| (i as f64 + 1.0) * (v - 0.5).powi(2)).sum();
    let b: f64 = x.iter().zip(x.iter().skip(1)).map(|(p, q)| p * q).sum();
    a + 0.1 * b
}

#[test]
fn hess_inv_matches_scipy_after_lbfgsb_runs() {
    let f = fx();
    for name in ["rosen3_fd", "rosen5_jac_m3", "rosen4_m5", "quad6_bounds", "at_optimum"] {
        let p = |k: &str| format!("{name}/{k}");
        let has_jac = f.get(&p("jac")).as_bool().unwrap();
        let opts = MinimizeOptions {
            jac: if has_jac { Jac::Fn(&rosen_der) } else { Jac::default() },
            maxcor: Some(f.i64(&p("maxcor")) as usize),
            bounds: Some(Bounds::new(v1(&f, &p("lb")), v1(&f, &p("ub")))),
            ..Default::default()
        };
        let x0 = v1(&f, &p("x0"));
        let r = if name.starts_with("quad") {
            minimize_lbfgsb(quad, &x0, &opts)
        } else {
            minimize_lbfgsb(|x: &Array1<f64>| rosen(x), &x0, &opts)
        }
        .unwrap();
        assert_eq!(r.result.nit as i64, f.i64(&p("nit")), "{name} nit");
        assert_eq!(r.result.nfev as i64, f.i64(&p("nfev")), "{name} nfev");
        // With finite differences the last iterates differ from SciPy's at ~1e-9.
        assert_allclose(&r.result.x, &v1(&f, &p("x")), if has_jac { 1e-10 } else { 1e-7 }, 1e-12);
        let h = r.hess_inv.expect("no variable fixed by the bounds");
        assert_eq!(h.n_corrs() as i64, f.i64(&p("n_corrs")), "{name} n_corrs");
        let n = x0.len();
        assert_eq!(h.shape(), (n, n));
        // Gradients by finite differences differ from SciPy's by ~1e-8 (rounding of the
        // steps), and so do the y pairs; with an analytic gradient the runs agree to
        // rounding. A wrong storage order would change every value by O(1).
        let (rtol, atol) = if has_jac { (1e-7, 1e-10) } else { (1e-5, 1e-7) };
        assert_allclose(h.sk(), &m2(&f, &p("sk")), rtol, atol);
        assert_allclose(h.yk(), &m2(&f, &p("yk")), rtol, atol);
        // The products amplify those differences by the pairs' conditioning (1/(y.s) up to
        // ~1e3 here).
        let (rtol, atol) = (rtol * 100.0, atol * 100.0);
        assert_allclose(&h.todense(), &m2(&f, &p("dense")), rtol, atol);
        assert_allclose(&h.matvec(&v1(&f, &p("v"))).unwrap(), &v1(&f, &p("hv")), rtol, atol);
    }
}

#[test]
fn lbfgs_inv_hess_product_matches_scipy() {
    let f = fx();
    let h = LbfgsInvHessProduct::new(&m2(&f, "direct/sk"), &m2(&f, "direct/yk")).unwrap();
    assert_allclose(&h.todense(), &m2(&f, "direct/dense"), 1e-13, 1e-14);
    assert_allclose(&h.matvec(&v1(&f, "direct/v")).unwrap(), &v1(&f, "direct/hv"), 1e-13, 1e-14);
    let e2 = Array2::from_shape_fn((5, 2), |(i, j)| if i == j { 1.0 } else { 0.0 });
    assert_allclose(&h.matmat(&e2).unwrap(), &m2(&f, "direct/hm"), 1e-13, 1e-14);
    // a non-contiguous right-hand side gives the same product
    let wide = Array2::from_shape_fn((2, 5), |(i, j)| if i == j { 1.0 } else { 0.0 });
    assert_allclose(&h.matmat(&wide.t()).unwrap(), &m2(&f, "direct/hm"), 1e-13, 1e-14);
}

#[test]
fn fixed_variables_drop_hess_inv_as_scipy() {
    // x1 fixed by its bounds, finite-difference gradient: SciPy's minimize removes it and
    // returns no hess_inv.
    let opts = MinimizeOptions {
        bounds: Some(Bounds::new(array![-2.0, 0.5, -2.0], array![2.0, 0.5, 2.0])),
        ..Default::default()
    };
    let r = minimize_lbfgsb(|x: &Array1<f64>| rosen(x), &array![0.0, 0.5, 0.0], &opts).unwrap();
    assert!(r.hess_inv.is_none());
    assert_eq!(r.result.x[1], 0.5);
}

#[test]
fn bad_input_is_an_error() {
    let cases: Vec<(&str, std::result::Result<LbfgsInvHessProduct, OptimizeError>)> = vec![
        ("shapes differ", LbfgsInvHessProduct::new(&Array2::zeros((2, 3)), &Array2::zeros((3, 3)))),
        ("no variables", LbfgsInvHessProduct::new(&Array2::zeros((2, 0)), &Array2::zeros((2, 0)))),
    ];
    for (what, r) in cases {
        assert!(r.is_err(), "{what}");
    }
    let h = LbfgsInvHessProduct::new(&array![[1.0, 0.0]], &array![[2.0, 0.0]]).unwrap();
    assert!(matches!(h.matvec(&array![1.0, 2.0, 3.0]), Err(OptimizeError::WrongLength { arg: "x", .. })));
    assert!(matches!(h.matmat(&Array2::zeros((3, 1))), Err(OptimizeError::WrongLength { arg: "x", .. })));
    let empty = MinimizeOptions::default();
    assert!(matches!(
        minimize_lbfgsb(|x: &Array1<f64>| rosen(x), &Array1::<f64>::zeros(0), &empty),
        Err(OptimizeError::WrongLength { arg: "x0", .. })
    ));
}
