//! Shared helpers of the fixture tests.
#![allow(dead_code)]

use sci_array::ndarray::{Array1, ArrayD, Ix1, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;

/// Reads tests/fixtures/<name>.json.
pub fn load(name: &str) -> Fixture {
    Fixture::load(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A 1-d float array from the fixture.
pub fn vec1(fx: &Fixture, path: &str) -> Array1<f64> {
    fx.array_f64(path).into_dimensionality::<Ix1>().unwrap()
}

/// assert_allclose on two scalars.
#[track_caller]
pub fn close(got: f64, want: f64, rtol: f64, atol: f64) {
    assert_allclose(&array![got], &array![want], rtol, atol);
}

/// assert_allclose on two arrays.
#[track_caller]
pub fn close_arr(got: &ArrayD<f64>, want: &ArrayD<f64>, rtol: f64, atol: f64) {
    assert_allclose(got, want, rtol, atol);
}
