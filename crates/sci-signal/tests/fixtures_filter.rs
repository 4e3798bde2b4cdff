//! scipy.signal filtering parity: tests/fixtures/signal_filter.json
//! (written by tools/fixtures/signal_filter.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2};
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_filter.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f2(fx: &Fixture, k: &str) -> Array2<f64> {
    fx.array_f64(k).into_dimensionality::<Ix2>().unwrap()
}

// Same recursion as SciPy's C loop; only the a[0] normalization and zi solve can differ in
// the last bits, so outputs agree to ~1e-14; 1e-10 is the contract.
const TOL: f64 = 1e-10;

fn close(a: &ArrayD<f64>, b: &ArrayD<f64>) {
    assert_allclose(a, b, TOL, TOL);
}

#[test]
fn lfilter_lfilter_zi_filtfilt() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("tf_")) {
        let g = |k: &str| format!("{key}/{k}");
        let (b, a) = (f1(&fx, &g("b")), f1(&fx, &g("a")));
        let (x1, x2) = (f1(&fx, &g("x1")), f2(&fx, &g("x2")));
        close(&lfilter(&b, &a, &x1, -1).unwrap().into_dyn(), &fx.array_f64(&g("lfilter")));
        close(&lfilter(&b, &a, &x2, 0).unwrap().into_dyn(), &fx.array_f64(&g("lfilter_ax0")));
        let (y, zf) = lfilter_with_zi(&b, &a, &x1, -1, &f1(&fx, &g("zi1"))).unwrap();
        close(&y.into_dyn(), &fx.array_f64(&g("lfilter_zi_y")));
        close(&zf.into_dyn(), &fx.array_f64(&g("lfilter_zi_zf")));
        let (y, zf) = lfilter_with_zi(&b, &a, &x2, 1, &f2(&fx, &g("zi2"))).unwrap();
        close(&y.into_dyn(), &fx.array_f64(&g("lfilter2_zi_y")));
        close(&zf.into_dyn(), &fx.array_f64(&g("lfilter2_zi_zf")));
        close(&lfilter_zi(&b, &a).unwrap().into_dyn(), &fx.array_f64(&g("zi")));
        let o = FiltfiltOptions::default();
        close(&filtfilt(&b, &a, &x1, o).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt")));
        let even = FiltfiltOptions { padtype: Some(PadType::Even), ..o };
        close(&filtfilt(&b, &a, &x1, even).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt_even")));
        let cst = FiltfiltOptions { padtype: Some(PadType::Constant), padlen: Some(20), ..o };
        close(&filtfilt(&b, &a, &x1, cst).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt_const")));
        let none = FiltfiltOptions { padtype: None, ..o };
        close(&filtfilt(&b, &a, &x1, none).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt_none")));
        let ax0 = FiltfiltOptions { axis: 0, ..o };
        close(&filtfilt(&b, &a, &x2.t(), ax0).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt_ax0")));
        let p5 = FiltfiltOptions { padlen: Some(5), ..o };
        close(&filtfilt(&b, &a, &x2, p5).unwrap().into_dyn(), &fx.array_f64(&g("filtfilt_2d")));
        count += 1;
    }
    assert_eq!(count, 5);
}

#[test]
fn sosfilt_sosfilt_zi_sosfiltfilt() {
    let fx = load();
    let mut count = 0;
    for key in fx.keys().into_iter().filter(|k| k.starts_with("sos_")) {
        let g = |k: &str| format!("{key}/{k}");
        let sos = f2(&fx, &g("sos"));
        let (x1, x2) = (f1(&fx, &g("x1")), f2(&fx, &g("x2")));
        close(&sosfilt(&sos, &x1, -1).unwrap().into_dyn(), &fx.array_f64(&g("sosfilt")));
        close(&sosfilt(&sos, &x2.t(), 0).unwrap().into_dyn(), &fx.array_f64(&g("sosfilt_ax0")));
        let zi = sosfilt_zi(&sos).unwrap();
        close(&zi.clone().into_dyn(), &fx.array_f64(&g("zi")));
        let (y, zf) = sosfilt_with_zi(&sos, &x1, -1, &(&zi * x1[0])).unwrap();
        close(&y.into_dyn(), &fx.array_f64(&g("y_zi")));
        close(&zf.into_dyn(), &fx.array_f64(&g("zf")));
        let o = FiltfiltOptions::default();
        close(&sosfiltfilt(&sos, &x1, o).unwrap().into_dyn(), &fx.array_f64(&g("sosfiltfilt")));
        let even = FiltfiltOptions { padtype: Some(PadType::Even), ..o };
        close(&sosfiltfilt(&sos, &x2, even).unwrap().into_dyn(), &fx.array_f64(&g("sosfiltfilt_2d_even")));
        count += 1;
    }
    assert_eq!(count, 3);
}

#[test]
fn tutorial_filtfilt() {
    let fx = load();
    let x = f1(&fx, "tutorial_filtfilt/x");
    let (b, a) = butter(4, &[20.0 / 500.0], BType::Lowpass, false, None).unwrap();
    let y = filtfilt(&b, &a, &x, FiltfiltOptions::default()).unwrap();
    close(&y.clone().into_dyn(), &fx.array_f64("tutorial_filtfilt/y"));
    close(
        &y.slice(sci_array::ndarray::s![..5]).to_owned().into_dyn(),
        &fx.array_f64("tutorial_filtfilt/first5"),
    );
    let t = Array1::from_shape_fn(1000, |i| i as f64 / 1000.0);
    let err = (&y - &t.mapv(|t| (2.0 * std::f64::consts::PI * 10.0 * t).sin()))
        .mapv(f64::abs)
        .fold(0.0f64, |m, v| m.max(*v));
    let want = fx.f64("tutorial_filtfilt/max_err");
    assert!((err - want).abs() < 1e-10, "{err} vs {want}");
}
