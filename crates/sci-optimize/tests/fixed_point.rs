//! `fixed_point` / `fixed_point_array` against SciPy fixtures; bad input; views.

use sci_array::ndarray::{Array1, ArrayD, array, s};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_optimize::{FixedPointMethod, FixedPointOptions, OptimizeError, fixed_point, fixed_point_array};

fn scalar_fn(name: &str) -> fn(f64) -> f64 {
    match name {
        "cos" => f64::cos,
        "sqrt10" => |x| (10.0 / (x + 3.0)).sqrt(),
        "exp_neg" => |x| (-x).exp(),
        "half" => |x| 0.5 * x,
        "quad" => |x| (x * x + 2.0) / 3.0,
        "shift" => |x| x + 1.0,
        "nan" => |_| f64::NAN,
        "const" => |_| 2.5,
        "linear_neg" => |x| -0.5 * x + 3.0,
        _ => panic!("unknown function {name}"),
    }
}

fn array_fn(name: &str) -> fn(&ArrayD<f64>) -> ArrayD<f64> {
    match name {
        "doc" => |x| {
            let c1 = array![10.0, 12.0].into_dyn();
            let c2 = array![3.0, 5.0].into_dyn();
            (&c1 / (x + &c2)).mapv(f64::sqrt)
        },
        "cos" => |x| x.mapv(f64::cos),
        "mixed" => |x| array![x[[0]].cos(), 0.5 * x[[1]], (x[[2]] * x[[2]] + 2.0) / 3.0].into_dyn(),
        "one_diverges" => |x| array![x[[0]].cos(), x[[1]] + 1.0].into_dyn(),
        "matrix" => |x| x.mapv(|v| v.cos() * 0.5 + 0.25),
        _ => panic!("unknown function {name}"),
    }
}

#[test]
fn fixed_point_matches_scipy() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/optimize_fixed_point.json"))
        .unwrap();
    let mut n = 0;
    for key in fx.keys() {
        let c = |k: &str| format!("{key}/{k}");
        let has = |k: &str| fx.get(&key).get(k).is_some();
        let o = FixedPointOptions {
            xtol: fx.f64(&c("xtol")),
            maxiter: fx.i64(&c("maxiter")) as usize,
            method: if fx.str(&c("method")) == "del2" {
                FixedPointMethod::Del2
            } else {
                FixedPointMethod::Iteration
            },
        };
        let x0 = fx.array_f64(&c("x0"));
        let got = if fx.str(&c("kind")) == "scalar" {
            fixed_point(scalar_fn(fx.str(&c("func"))), x0[[]], &o).map(|x| ArrayD::from_elem(vec![], x))
        } else {
            fixed_point_array(array_fn(fx.str(&c("func"))), &x0, &o)
        };
        if has("error") {
            let want = fx.str(&c("error"));
            let prefix = &want[..want.find("value is").unwrap()];
            match got {
                Err(OptimizeError::NoConvergence { message }) => {
                    assert!(message.starts_with(prefix), "{key}: {message}")
                }
                other => panic!("{key}: expected {want:?}, got {other:?}"),
            }
        } else if has("value_error") {
            match got {
                Err(OptimizeError::InvalidValue { arg: "x0", reason }) => {
                    assert_eq!(reason, fx.str(&c("value_error")), "{key}")
                }
                other => panic!("{key}: expected an error, got {other:?}"),
            }
        } else {
            let x = got.unwrap_or_else(|e| panic!("{key}: {e}"));
            // The same operations in the same order: SciPy's iterates bit for bit.
            assert_allclose(&x, &fx.array_f64(&c("x")), 0.0, 0.0);
        }
        n += 1;
    }
    assert!(n >= 40, "only {n} cases");
}

/// A strided view as `x0` gives the result of the owned copy, in the view's shape.
#[test]
fn non_contiguous_x0() {
    let big = Array1::linspace(-1.0, 2.0, 12);
    let view = big.slice(s![..;3]);
    let o = FixedPointOptions::default();
    let f = |x: &Array1<f64>| x.mapv(f64::cos);
    let a = fixed_point_array(f, &view, &o).unwrap();
    let b = fixed_point_array(f, &view.to_owned(), &o).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.len(), 4);
    let m = sci_array::ndarray::Array2::from_shape_fn((3, 4), |(i, j)| (i + j) as f64 / 5.0);
    let r = fixed_point_array(|x: &_| x.mapv(f64::cos), &m.t(), &o).unwrap();
    assert_eq!(r.dim(), (4, 3));
    assert!(r.iter().all(|&v| (v - 0.7390851332151607).abs() < 1e-12));
}

/// Bad input, one row per argument.
#[test]
fn bad_input() {
    let d = FixedPointOptions::default();
    let cases: Vec<(f64, FixedPointOptions, &str)> = vec![
        (f64::NAN, d, "x0"),
        (f64::INFINITY, d, "x0"),
        (1.0, FixedPointOptions { maxiter: 0, ..d }, "maxiter"),
        (1.0, FixedPointOptions { xtol: f64::NAN, ..d }, "xtol"),
    ];
    for (x0, o, arg) in cases {
        match fixed_point(f64::cos, x0, &o) {
            Err(OptimizeError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg),
            other => panic!("{arg}: expected an error, got {other:?}"),
        }
    }
    // func returning another length.
    let r = fixed_point_array(|_: &Array1<f64>| Array1::zeros(3), &array![1.0, 2.0], &d);
    assert_eq!(r, Err(OptimizeError::WrongLength { arg: "func(x)", expected: 2, found: 3 }));
    // Not converging: SciPy's message with the last value.
    let e = fixed_point(|x| x + 1.0, 0.0, &FixedPointOptions { maxiter: 4, ..d }).unwrap_err();
    assert_eq!(
        e,
        OptimizeError::NoConvergence { message: "Failed to converge after 4 iterations, value is 8".into() }
    );
}
