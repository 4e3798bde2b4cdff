//! scipy.special.logsumexp / softmax / log_softmax parity (tests/fixtures/special_logsumexp.json,
//! written by tools/fixtures/special_logsumexp.py) and bad input.

use sci_array::ndarray::{ArrayD, array};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_special::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/special_logsumexp.json")).unwrap()
}

fn o(axis: Option<isize>, b: Option<&ArrayD<f64>>, keepdims: bool) -> LogsumexpOptions<'_> {
    LogsumexpOptions { axis, b: b.map(|b| b.view()), keepdims }
}

#[test]
fn logsumexp_matches_scipy() {
    let fx = load();
    let a = fx.array_f64("a2");
    let b = fx.array_f64("b2");
    let close = |got: &ArrayD<f64>, key: &str| {
        let want = fx.array_f64(key);
        assert_eq!(got.shape(), want.shape(), "{key}");
        assert_allclose(got, &want, 1e-15, 0.0);
    };
    close(&logsumexp(&a, &o(None, None, false)).unwrap(), "all");
    close(&logsumexp(&a, &o(Some(0), None, false)).unwrap(), "axis0");
    close(&logsumexp(&a, &o(Some(-1), None, false)).unwrap(), "axis1");
    close(&logsumexp(&a, &o(Some(1), None, true)).unwrap(), "keep1");
    close(&logsumexp(&a, &o(Some(1), Some(&b), false)).unwrap(), "b_axis1");
    let (v, s) = logsumexp_sign(&a, &o(Some(1), Some(&b), false)).unwrap();
    close(&v, "b_axis1_sign/0");
    close(&s, "b_axis1_sign/1");
    let bb = array![[0.5], [1.0], [2.0]].into_dyn();
    close(&logsumexp(&a, &o(Some(0), Some(&bb), false)).unwrap(), "b_bcast");
    let scalar = |x: ArrayD<f64>, key: &str| {
        let w = fx.array_f64(key)[[]];
        assert_eq!(x.ndim(), 0, "{key}");
        let g = x[[]];
        assert!(
            g == w || (g.is_nan() && w.is_nan()) || (g - w).abs() <= 1e-15 * w.abs(),
            "{key}: {g} vs {w}"
        );
    };
    let none = o(None, None, false);
    scalar(logsumexp(&array![1000.0, 1000.0], &none).unwrap(), "big");
    let d = array![1.0, -1.0].into_dyn();
    let a5 = array![gammaln(500.0), gammaln(499.0)];
    scalar(logsumexp(&a5, &o(None, Some(&d), false)).unwrap(), "diff");
    let b12 = array![1.0, -2.0].into_dyn();
    scalar(logsumexp(&array![0.0, 0.0], &o(None, Some(&b12), false)).unwrap(), "neg");
    let (v, s) = logsumexp_sign(&array![0.0, 0.0], &o(None, Some(&b12), false)).unwrap();
    scalar(v, "neg_sign/0");
    scalar(s, "neg_sign/1");
    let b01 = array![0.0, 1.0].into_dyn();
    scalar(logsumexp(&array![f64::INFINITY, 1.0], &o(None, Some(&b01), false)).unwrap(), "zero_b_inf");
    scalar(logsumexp(&array![f64::INFINITY, 1.0], &none).unwrap(), "with_inf");
    scalar(logsumexp(&array![f64::NEG_INFINITY, f64::NEG_INFINITY], &none).unwrap(), "with_neg_inf");
    scalar(logsumexp(&array![f64::NAN, 1.0], &none).unwrap(), "with_nan");
    scalar(logsumexp(&ArrayD::<f64>::zeros(vec![0]), &none).unwrap(), "empty");
    // non-contiguous view: the transpose reduced along axis 0 is the original along axis 1
    let t = a.t();
    close(&logsumexp(&t, &o(Some(0), None, false)).unwrap(), "axis1");
}

#[test]
fn softmax_matches_scipy() {
    let fx = load();
    let a = fx.array_f64("a2");
    assert_allclose(&softmax(&a, None).unwrap(), &fx.array_f64("softmax_all"), 1e-14, 0.0);
    assert_allclose(&softmax(&a, Some(1)).unwrap(), &fx.array_f64("softmax_1"), 1e-14, 0.0);
    assert_allclose(&log_softmax(&a, None).unwrap(), &fx.array_f64("log_softmax_all"), 1e-14, 0.0);
    assert_allclose(&log_softmax(&a, Some(0)).unwrap(), &fx.array_f64("log_softmax_0"), 1e-14, 0.0);
    assert_allclose(
        &log_softmax(&array![1000.0, 1.0], None).unwrap(),
        &fx.array_f64("log_softmax_big"),
        0.0,
        0.0,
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let b3 = array![1.0, 2.0, 3.0].into_dyn();
    type Check = fn(&SpecialError) -> bool;
    let arr: Check = |e| matches!(e, SpecialError::Array(_));
    let cases: Vec<(&str, Result<(), SpecialError>, Check)> = vec![
        ("logsumexp axis", logsumexp(&a, &o(Some(2), None, false)).map(drop), arr),
        ("logsumexp axis -3", logsumexp(&a, &o(Some(-3), None, false)).map(drop), arr),
        ("logsumexp b shape", logsumexp(&a, &o(None, Some(&b3), false)).map(drop), arr),
        ("logsumexp_sign axis", logsumexp_sign(&a, &o(Some(5), None, false)).map(drop), arr),
        ("softmax axis", softmax(&a, Some(2)).map(drop), arr),
        ("log_softmax axis", log_softmax(&a, Some(-3)).map(drop), arr),
        ("ufunc2 shapes", ufunc2(&array![1.0, 2.0], &array![1.0, 2.0, 3.0], xlogy).map(drop), arr),
        (
            "ufunc3 shapes",
            ufunc3(&array![1.0, 2.0], &array![1.0], &array![1.0, 2.0, 3.0], |a, b, c| a + b + c).map(drop),
            arr,
        ),
    ];
    for (name, r, ok) in cases {
        let e = r.expect_err(name);
        assert!(ok(&e), "{name}: {e}");
        assert!(!e.to_string().is_empty());
    }
}
