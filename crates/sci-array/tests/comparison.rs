//! `isclose`, `allclose`, `array_equal`, `array_equiv` against NumPy (fixtures from
//! `tools/fixtures/array_math.py`).

use sci_array::ndarray::{Array1, array};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_array_equal;
use sci_array::testing::fixture::Fixture;
use sci_array::*;

fn fx() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/array_math.json")).unwrap()
}

#[test]
fn isclose_matches_numpy() {
    let f = fx();
    let a = f.array_f64("a");
    let b = f.array_f64("b");
    let d = CloseOptions::default();
    assert_array_equal(&isclose(&a, &b, &d).unwrap(), &f.array_bool("isclose_default"));
    let nan = CloseOptions { equal_nan: true, ..d };
    assert_array_equal(&isclose(&a, &b, &nan).unwrap(), &f.array_bool("isclose_nan"));
    let tight = CloseOptions { rtol: 1e-9, atol: 0.0, equal_nan: false };
    assert_array_equal(&isclose(&a, &b, &tight).unwrap(), &f.array_bool("isclose_tight"));
    assert!(!allclose(&a, &b, &nan).unwrap());
}

#[test]
fn broadcasting_and_types() {
    let d = CloseOptions::default();
    let m = array![[1.0, 2.0], [1.0, 2.0 + 1e-9]];
    assert!(allclose(&m, &array![1.0, 2.0], &d).unwrap());
    assert_eq!(
        isclose(&m, &array![[1.0], [2.0]], &d).unwrap(),
        array![[true, false], [false, true]].into_dyn()
    );
    assert!(allclose(&array![1.0f32, 2.0], &array![1.0f32, 2.00001], &d).unwrap());
    assert!(allclose(&array![3i64, 4], &array![3i64, 4], &d).unwrap());
    let z = array![Complex64::new(1.0, 1.0)];
    assert!(allclose(&z, &array![Complex64::new(1.0, 1.0 + 1e-9)], &d).unwrap());
    // Views with negative strides.
    let v = array![1.0, 2.0, 3.0];
    assert!(array_equal(&v.slice(sci_array::ndarray::s![..;-1]), &array![3.0, 2.0, 1.0], false));
    // Empty arrays.
    let e = Array1::<f64>::zeros(0);
    assert!(allclose(&e, &e, &d).unwrap());
    assert!(array_equal(&e, &e, false));
    assert!(array_equiv(&e, &e));
}

#[test]
fn equality() {
    assert!(array_equal(&array![1, 2], &array![1, 2], false));
    assert!(!array_equal(&array![1, 2], &array![1, 3], false));
    assert!(!array_equal(&array![[1, 2]], &array![1, 2], false));
    assert!(array_equal(&array![f64::NAN], &array![f64::NAN], true));
    assert!(!array_equal(&array![f64::NAN], &array![f64::NAN], false));
    assert!(array_equiv(&array![1, 2], &array![[1, 2], [1, 2]]));
    assert!(!array_equiv(&array![1, 2], &array![1, 2, 3]));
    assert!(!array_equiv(&array![f64::NAN], &array![f64::NAN]));
}

#[test]
fn bad_input_is_an_error() {
    let d = CloseOptions::default();
    let a = array![1.0, 2.0, 3.0];
    let b = array![1.0, 2.0];
    assert!(matches!(isclose(&a, &b, &d), Err(ArrayError::Broadcast { .. })));
    assert!(allclose(&a, &b, &d).is_err());
    assert_eq!(
        isclose(&a, &b, &d).unwrap_err().to_string(),
        "operands could not be broadcast together with shapes [3] [2]"
    );
}
