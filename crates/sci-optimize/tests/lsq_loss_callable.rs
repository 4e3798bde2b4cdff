//! least_squares with a callable loss against SciPy
//! (`tools/fixtures/optimize_lsq_loss_callable.py`): a power loss and 'cauchy' as a callable,
//! with trf (free, bounded, lsmr) and dogbox.

use sci_array::ndarray::{Array1, array};
use sci_optimize::{LeastSquaresOptions, Loss, LossFn, LsqJac, LsqMethod, least_squares};

mod lsq_problems;
use lsq_problems::{assert_matches_scipy, cauchy_loss, rosen, rosen_jac, run_fixture_case};

#[test]
fn callable_loss_matches_scipy() {
    let fx = lsq_problems::load("optimize_lsq_loss_callable");
    let names = fx.str("names").to_string();
    let mut checked = 0;
    for name in names.split(' ') {
        let r = run_fixture_case(&fx, name, None);
        assert_matches_scipy(&fx, name, &r);
        checked += 1;
    }
    assert_eq!(checked, 8);
}

#[test]
fn callable_cauchy_is_the_named_cauchy() {
    // The same formulas, so the same run to the last bit, f_scale applied around the callable.
    for method in [LsqMethod::Trf, LsqMethod::Dogbox] {
        let named = LeastSquaresOptions {
            method,
            jac: LsqJac::Fn(&rosen_jac),
            loss: Loss::Cauchy,
            f_scale: 0.3,
            ..Default::default()
        };
        let callable = LeastSquaresOptions { loss: Loss::Callable(LossFn(&cauchy_loss)), ..named.clone() };
        let a = least_squares(rosen, &array![-1.2, 1.0], &named).unwrap();
        let b = least_squares(rosen, &array![-1.2, 1.0], &callable).unwrap();
        assert_eq!((a.x, a.cost, a.fun, a.nfev, a.status), (b.x, b.cost, b.fun, b.nfev, b.status));
    }
    let wrong = |z: &Array1<f64>| sci_array::ndarray::Array2::zeros((2, z.len()));
    assert_ne!(Loss::Callable(LossFn(&wrong)), Loss::Callable(LossFn(&cauchy_loss)));
    assert_eq!(format!("{:?}", Loss::Callable(LossFn(&wrong))), "Callable(LossFn(..))");
}
