//! scipy.signal parity for convolve, correlate, fftconvolve, oaconvolve, convolve2d,
//! correlate2d, choose_conv_method and correlation_lags: tests/fixtures/signal_convolve.json
//! (written by tools/fixtures/signal_convolve.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, s};
use sci_array::testing::fixture::Fixture;
use sci_array::testing::{assert_allclose, assert_array_equal};
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_convolve.json")).unwrap()
}

// Direct sums are reassociated (blocked axpy) and FFT results carry ~1e-15 relative round-off
// of the largest value; 1e-10 is the contract.
const TOL: f64 = 1e-10;

const MODES: [(ConvMode, &str); 3] =
    [(ConvMode::Full, "full"), (ConvMode::Same, "same"), (ConvMode::Valid, "valid")];

fn method_name(m: ConvMethod) -> &'static str {
    match m {
        ConvMethod::Fft => "fft",
        _ => "direct",
    }
}

#[test]
fn convolve_correlate_1d() {
    let fx = load();
    let keys: Vec<String> = fx.keys().into_iter().filter(|k| k.starts_with("c1_")).collect();
    assert_eq!(keys.len(), 7);
    for key in keys {
        let x = fx.array_f64(&format!("{key}/x")).into_dimensionality::<Ix1>().unwrap();
        let h = fx.array_f64(&format!("{key}/h")).into_dimensionality::<Ix1>().unwrap();
        for (mode, name) in MODES {
            let want = fx.array_f64(&format!("{key}/conv_{name}"));
            let wantc = fx.array_f64(&format!("{key}/corr_{name}"));
            for method in [ConvMethod::Direct, ConvMethod::Fft, ConvMethod::Auto] {
                let got = convolve(&x, &h, mode, method).unwrap().into_dyn();
                assert_allclose(&got, &want, TOL, TOL);
                let got = correlate(&x, &h, mode, method).unwrap().into_dyn();
                assert_allclose(&got, &wantc, TOL, TOL);
            }
            assert_allclose(&fftconvolve(&x, &h, mode).unwrap().into_dyn(), &want, TOL, TOL);
            assert_allclose(&oaconvolve(&x, &h, mode).unwrap().into_dyn(), &want, TOL, TOL);
            let chosen = choose_conv_method(x.shape(), h.shape(), mode);
            assert_eq!(method_name(chosen), fx.str(&format!("{key}/method_{name}")), "{key} {name}");
            let lags = correlation_lags(x.len(), h.len(), mode).into_dyn();
            assert_array_equal(&lags, &fx.array_i64(&format!("{key}/lags_{name}")));
        }
    }
}

#[test]
fn convolve_correlate_2d_and_3d() {
    let fx = load();
    let keys: Vec<String> =
        fx.keys().into_iter().filter(|k| k.starts_with("c2_") && k != "c2_wide").collect();
    assert_eq!(keys.len(), 4);
    for key in keys {
        let x = fx.array_f64(&format!("{key}/x")).into_dimensionality::<Ix2>().unwrap();
        let h = fx.array_f64(&format!("{key}/h")).into_dimensionality::<Ix2>().unwrap();
        for (mode, name) in MODES {
            let want = fx.array_f64(&format!("{key}/conv_{name}"));
            let wantc = fx.array_f64(&format!("{key}/corr_{name}"));
            for method in [ConvMethod::Direct, ConvMethod::Fft, ConvMethod::Auto] {
                assert_allclose(&convolve(&x, &h, mode, method).unwrap().into_dyn(), &want, TOL, TOL);
                assert_allclose(&correlate(&x, &h, mode, method).unwrap().into_dyn(), &wantc, TOL, TOL);
            }
            assert_allclose(&oaconvolve(&x, &h, mode).unwrap().into_dyn(), &want, TOL, TOL);
            let chosen = choose_conv_method(x.shape(), h.shape(), mode);
            assert_eq!(method_name(chosen), fx.str(&format!("{key}/method_{name}")), "{key} {name}");
            for (b, bname) in
                [(Boundary::Fill(0.0), "fill"), (Boundary::Wrap, "wrap"), (Boundary::Symm, "symm")]
            {
                let w = fx.array_f64(&format!("{key}/conv2d_{name}_{bname}"));
                assert_allclose(&convolve2d(&x, &h, mode, b).unwrap().into_dyn(), &w, TOL, TOL);
                let w = fx.array_f64(&format!("{key}/corr2d_{name}_{bname}"));
                assert_allclose(&correlate2d(&x, &h, mode, b).unwrap().into_dyn(), &w, TOL, TOL);
            }
            let w = fx.array_f64(&format!("{key}/conv2d_{name}_fill2"));
            assert_allclose(&convolve2d(&x, &h, mode, Boundary::Fill(2.5)).unwrap().into_dyn(), &w, TOL, TOL);
        }
    }
    let x = fx.array_f64("c3/x");
    let h = fx.array_f64("c3/h");
    for (mode, name) in MODES {
        let want = fx.array_f64(&format!("c3/conv_{name}"));
        for method in [ConvMethod::Direct, ConvMethod::Fft] {
            assert_allclose(&convolve(&x, &h, mode, method).unwrap(), &want, TOL, TOL);
        }
    }
}

#[test]
fn convolve2d_kernel_wider_than_image() {
    let fx = load();
    let x = fx.array_f64("c2_wide/x").into_dimensionality::<Ix2>().unwrap();
    let h = fx.array_f64("c2_wide/h").into_dimensionality::<Ix2>().unwrap();
    for (mode, name) in [(ConvMode::Full, "full"), (ConvMode::Same, "same")] {
        for (b, bname) in [(Boundary::Wrap, "wrap"), (Boundary::Symm, "symm")] {
            let w = fx.array_f64(&format!("c2_wide/conv2d_{name}_{bname}"));
            assert_allclose(&convolve2d(&x, &h, mode, b).unwrap().into_dyn(), &w, TOL, TOL);
            let w = fx.array_f64(&format!("c2_wide/corr2d_{name}_{bname}"));
            assert_allclose(&correlate2d(&x, &h, mode, b).unwrap().into_dyn(), &w, TOL, TOL);
        }
    }
}

#[test]
fn views_f32_and_empty() {
    let fx = load();
    let x = fx.array_f64("c2_a/x").into_dimensionality::<Ix2>().unwrap();
    let h = fx.array_f64("c2_a/h").into_dimensionality::<Ix2>().unwrap();
    // A negative-stride, non-contiguous view gives the same result as its owned copy.
    let v = x.slice(s![..;2, ..;-1]);
    let owned = v.to_owned();
    for method in [ConvMethod::Direct, ConvMethod::Fft] {
        let a = convolve(&v, &h, ConvMode::Full, method).unwrap();
        let b = convolve(&owned, &h, ConvMode::Full, method).unwrap();
        assert_allclose(&a.into_dyn(), &b.into_dyn(), 1e-14, 1e-14);
    }
    let a = convolve2d(&v, &h.t(), ConvMode::Same, Boundary::Symm).unwrap();
    let b = convolve2d(&owned, &h.t().to_owned(), ConvMode::Same, Boundary::Symm).unwrap();
    assert_array_equal(&a.into_dyn(), &b.into_dyn());
    // f32 follows f64 to single precision.
    let x1 = fx.array_f64("c1_long/x").into_dimensionality::<Ix1>().unwrap();
    let h1 = fx.array_f64("c1_long/h").into_dimensionality::<Ix1>().unwrap();
    let want = fx.array_f64("c1_long/conv_same");
    for method in [ConvMethod::Direct, ConvMethod::Fft] {
        let got = convolve(&x1.mapv(|v| v as f32), &h1.mapv(|v| v as f32), ConvMode::Same, method).unwrap();
        // f32: 101-term sums of O(1) values, ~1e-6 relative to the largest.
        assert_allclose(&got.mapv(f64::from).into_dyn(), &want, 1e-4, 1e-4);
    }
    // Empty input: empty result, as SciPy.
    let e = Array1::<f64>::zeros(0);
    assert_eq!(convolve(&e, &h1, ConvMode::Full, ConvMethod::Auto).unwrap().len(), 0);
    assert_eq!(correlate(&h1, &e, ConvMode::Same, ConvMethod::Fft).unwrap().len(), 0);
    assert_eq!(
        convolve2d(&Array2::<f64>::zeros((0, 3)), &h, ConvMode::Full, Boundary::Wrap).unwrap().len(),
        0
    );
    // NaN propagates through the direct sum.
    let mut xn = x1.slice(s![..10]).to_owned();
    xn[3] = f64::NAN;
    let y = convolve(&xn, &Array1::from(vec![1.0, 1.0]), ConvMode::Full, ConvMethod::Direct).unwrap();
    assert!(y[3].is_nan() && y[4].is_nan() && !y[2].is_nan() && !y[5].is_nan());
}

#[test]
fn bad_convolve_input() {
    let a = Array2::<f64>::zeros((3, 5));
    let b = Array2::<f64>::zeros((5, 3));
    let d1 = ArrayD::<f64>::zeros(sci_array::ndarray::IxDyn(&[4]));
    let d2 = ArrayD::<f64>::zeros(sci_array::ndarray::IxDyn(&[2, 2]));
    let d0 = ArrayD::<f64>::zeros(sci_array::ndarray::IxDyn(&[]));
    let cases: Vec<(&str, Result<(), SignalError>)> = vec![
        ("valid neither larger", convolve(&a, &b, ConvMode::Valid, ConvMethod::Auto).map(drop)),
        ("valid neither larger corr", correlate(&a, &b, ConvMode::Valid, ConvMethod::Fft).map(drop)),
        ("valid neither larger fft", fftconvolve(&a, &b, ConvMode::Valid).map(drop)),
        ("valid neither larger oa", oaconvolve(&a, &b, ConvMode::Valid).map(drop)),
        ("valid neither larger 2d", convolve2d(&a, &b, ConvMode::Valid, Boundary::Wrap).map(drop)),
        ("valid neither larger corr2d", correlate2d(&a, &b, ConvMode::Valid, Boundary::Symm).map(drop)),
        ("ndim differ", convolve(&d1, &d2, ConvMode::Full, ConvMethod::Auto).map(drop)),
        ("ndim differ corr", correlate(&d1, &d2, ConvMode::Full, ConvMethod::Auto).map(drop)),
        ("0-d", convolve(&d0, &d0, ConvMode::Full, ConvMethod::Auto).map(drop)),
    ];
    for (what, r) in cases {
        assert!(matches!(r, Err(SignalError::InvalidValue { .. })), "{what}: {r:?}");
    }
}
