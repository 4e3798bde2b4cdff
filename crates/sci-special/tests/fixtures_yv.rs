//! scipy.special.yv parity: tests/fixtures/special_yv.json (written by tools/fixtures/special_yv.py,
//! SciPy's values plus mpmath's).

use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_special::*;

#[test]
fn yv_matches_scipy_and_mpmath() {
    let fx = Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/special_yv.json")).unwrap();
    let v = fx.array_f64("yv/v");
    let x = fx.array_f64("yv/x");
    let got = ufunc2(&v, &x, yv).unwrap();
    // Near the zeros of Y only the absolute error is small; J_v cos vπ - J_{-v} cancels where
    // Y is small against J (2.7e-14 at v = 10.5, x = 30), hence 5e-14.
    assert_allclose(&got, &fx.array_f64("yv/exact"), 5e-14, 1e-16);
    // SciPy (AMOS) is itself up to 7e-14 off the mpmath values here.
    assert_allclose(&got, &fx.array_f64("yv/out"), 1e-13, 1e-16);
}
