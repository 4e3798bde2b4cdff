//! scipy.signal parity for waveforms, hilbert, medfilt, wiener, savgol, firwin, firwin2,
//! upfirdn, resample_poly and decimate: tests/fixtures/signal_misc.json (written by
//! tools/fixtures/signal_misc.py).

use sci_array::ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, s};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_misc.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

fn f2(fx: &Fixture, k: &str) -> Array2<f64> {
    fx.array_f64(k).into_dimensionality::<Ix2>().unwrap()
}

// Same formulas as SciPy; FFTs, least squares (QR here, LAPACK SVD there) and filter
// recursions differ in round-off only: 1e-10 is the contract.
const TOL: f64 = 1e-10;

fn close<D: sci_array::ndarray::Dimension>(a: &sci_array::ndarray::Array<f64, D>, fx: &Fixture, key: &str) {
    let got: ArrayD<f64> = a.clone().into_dyn();
    let want = fx.array_f64(key);
    assert_eq!(got.shape(), want.shape(), "{key}");
    assert_allclose(&got, &want, TOL, TOL);
}

fn closec<D: sci_array::ndarray::Dimension>(
    a: &sci_array::ndarray::Array<Complex64, D>,
    fx: &Fixture,
    key: &str,
) {
    let want = fx.array_c64(key);
    assert_eq!(a.shape(), want.shape(), "{key}");
    for (g, w) in a.iter().zip(want.iter()) {
        assert!((g - w).norm() <= TOL * (1.0 + w.norm()), "{key}: {g} != {w}");
    }
}

#[test]
fn waveforms_match() {
    let fx = load();
    let t = f1(&fx, "wave/t");
    let w = |k: &str| format!("wave/{k}");
    close(&chirp(&t, 2.0, 1.5, 6.0, ChirpMethod::Linear, 0.0).unwrap(), &fx, &w("lin"));
    let q = ChirpMethod::Quadratic { vertex_zero: true };
    close(&chirp(&t, 2.0, 1.5, 6.0, q, 30.0).unwrap(), &fx, &w("quad"));
    let qv = ChirpMethod::Quadratic { vertex_zero: false };
    close(&chirp(&t, 2.0, 1.5, 6.0, qv, 0.0).unwrap(), &fx, &w("quad_v"));
    close(&chirp(&t, 2.0, 1.5, 6.0, ChirpMethod::Logarithmic, 0.0).unwrap(), &fx, &w("log"));
    close(&chirp(&t, 3.0, 1.5, 3.0, ChirpMethod::Logarithmic, 0.0).unwrap(), &fx, &w("log_eq"));
    close(&chirp(&t, 6.0, 1.5, 2.0, ChirpMethod::Hyperbolic, -45.0).unwrap(), &fx, &w("hyp"));
    let t5 = t.mapv(|v| 5.0 * v);
    close(&square(&t5, 0.5), &fx, &w("square"));
    close(&square(&t5, 0.2), &fx, &w("square_d"));
    close(&square(&t, 1.5), &fx, &w("square_bad"));
    close(&sawtooth(&t5, 1.0), &fx, &w("saw"));
    close(&sawtooth(&t5, 0.5), &fx, &w("saw_half"));
    close(&sawtooth(&t5, 0.0), &fx, &w("saw0"));
    let stack = |(a, b, c): (Array1<f64>, Array1<f64>, Array1<f64>)| {
        let mut m = Array2::zeros((3, a.len()));
        m.row_mut(0).assign(&a);
        m.row_mut(1).assign(&b);
        m.row_mut(2).assign(&c);
        m
    };
    close(&stack(gausspulse(&t.mapv(|v| v / 500.0), 1000.0, 0.5, -6.0).unwrap()), &fx, &w("gp"));
    close(&stack(gausspulse(&t.mapv(|v| v / 50.0), 100.0, 0.3, -3.0).unwrap()), &fx, &w("gp2"));
    let cut = gausspulse_cutoff(1000.0, 0.5, -6.0, -60.0).unwrap();
    assert!((cut - fx.f64(&w("gp_cut"))).abs() < 1e-15);
    close(&unit_impulse(&[3, 4], ImpulseIndex::Mid).unwrap(), &fx, &w("imp_mid"));
    close(&unit_impulse(&[3, 4], ImpulseIndex::At(vec![2, 1])).unwrap(), &fx, &w("imp_at"));
    close(&unit_impulse(&[6], ImpulseIndex::At(vec![2])).unwrap(), &fx, &w("imp_1d"));
}

#[test]
fn hilbert_matches() {
    let fx = load();
    let x = f1(&fx, "hilbert/x");
    let x2 = f2(&fx, "hilbert/x2");
    closec(&hilbert(&x, None, -1).unwrap(), &fx, "hilbert/h");
    closec(&hilbert(&x, Some(50), -1).unwrap(), &fx, "hilbert/h_pad");
    closec(&hilbert(&x, Some(20), -1).unwrap(), &fx, "hilbert/h_cut");
    closec(&hilbert(&x2, None, -1).unwrap(), &fx, "hilbert/h2");
    closec(&hilbert(&x2, None, 0).unwrap(), &fx, "hilbert/h2_ax0");
    // A reversed view gives the same as its copy.
    let v = x2.slice(s![.., ..;-1]);
    assert_eq!(hilbert(&v, None, -1).unwrap(), hilbert(&v.to_owned(), None, -1).unwrap());
}

#[test]
fn medfilt_wiener_match() {
    let fx = load();
    let x = f1(&fx, "med/x");
    let im = f2(&fx, "med/im");
    close(&medfilt(&x, &[]).unwrap(), &fx, "med/m3");
    close(&medfilt(&x, &[7]).unwrap(), &fx, "med/m7");
    close(&medfilt2d(&im, &[]).unwrap(), &fx, "med/m2d");
    close(&medfilt2d(&im, &[3, 5]).unwrap(), &fx, "med/m2d_35");
    close(&medfilt(&im, &[5, 3]).unwrap(), &fx, "med/mnd");
    close(&medfilt(&x.slice(s![..5]), &[9]).unwrap(), &fx, "med/big");
    close(&wiener(&x, &[], None).unwrap(), &fx, "med/w");
    close(&wiener(&x, &[5], Some(0.3)).unwrap(), &fx, "med/w5");
    close(&wiener(&im, &[], None).unwrap(), &fx, "med/w2d");
    close(&wiener(&im, &[3, 5], None).unwrap(), &fx, "med/w2d_35");
    // Integers: the median is exact.
    let xi = sci_array::ndarray::array![5i64, 1, 4, 4, 9, 0];
    assert_eq!(medfilt(&xi, &[3]).unwrap(), sci_array::ndarray::array![1i64, 4, 4, 4, 4, 0]);
}

#[test]
fn savgol_matches() {
    let fx = load();
    let x = f1(&fx, "savgol/x");
    let modes = [
        (SavgolMode::Interp, "interp"),
        (SavgolMode::Mirror, "mirror"),
        (SavgolMode::Nearest, "nearest"),
        (SavgolMode::Wrap, "wrap"),
        (SavgolMode::Constant(1.5), "constant"),
    ];
    for (w, p, d) in
        [(5, 2, 0), (7, 3, 1), (6, 2, 0), (11, 4, 2), (4, 3, 0), (21, 5, 0), (1, 0, 0), (3, 1, 2)]
    {
        let c = savgol_coeffs(w, p, d, 0.5, None).unwrap();
        close(&c, &fx, &format!("savgol/c_{w}_{p}_{d}"));
        for (mode, name) in modes {
            if mode == SavgolMode::Interp && w == 1 {
                continue;
            }
            let y = savgol_filter(&x, w, p, d, 0.5, -1, mode).unwrap();
            // Values up to ~20 and derivative filters amplify round-off: a few 1e-12.
            close(&y, &fx, &format!("savgol/f_{w}_{p}_{d}_{name}"));
        }
    }
    close(&savgol_coeffs(7, 2, 0, 1.0, Some(1.0)).unwrap(), &fx, "savgol/c_pos");
    let mut dot = savgol_coeffs(7, 2, 0, 1.0, None).unwrap();
    dot.invert_axis(sci_array::ndarray::Axis(0));
    close(&dot.to_owned(), &fx, "savgol/c_dot");
    let x2 = f2(&fx, "savgol/x2");
    close(&savgol_filter(&x2, 5, 2, 0, 1.0, 0, SavgolMode::Interp).unwrap(), &fx, "savgol/f2_ax0");
    close(&savgol_filter(&x2, 9, 3, 0, 1.0, 1, SavgolMode::Mirror).unwrap(), &fx, "savgol/f2_ax1");
}

#[test]
fn fir_design_matches() {
    let fx = load();
    let k = |s: &str| format!("fir/{s}");
    let h = Window::Hamming;
    let pz = PassZero::True;
    close(&firwin(31, &[0.3], None, h, pz, true, None).unwrap(), &fx, &k("lp"));
    close(&firwin(30, &[100.0], None, h, pz, true, Some(1000.0)).unwrap(), &fx, &k("lp_fs"));
    close(&firwin(31, &[0.4], None, h, PassZero::False, true, None).unwrap(), &fx, &k("hp"));
    close(&firwin(41, &[0.2, 0.5], None, h, PassZero::False, true, None).unwrap(), &fx, &k("bp"));
    close(&firwin(41, &[0.2, 0.5], None, h, pz, true, None).unwrap(), &fx, &k("bs"));
    close(&firwin(51, &[0.1, 0.3, 0.6], None, h, PassZero::False, true, None).unwrap(), &fx, &k("multi"));
    close(&firwin(61, &[0.25], Some(0.05), h, pz, true, None).unwrap(), &fx, &k("kaiser_w"));
    close(&firwin(21, &[0.3, 0.6], None, h, PassZero::Bandpass, false, None).unwrap(), &fx, &k("noscale"));
    close(&firwin(25, &[0.3], None, Window::Hann, PassZero::Lowpass, true, None).unwrap(), &fx, &k("hann"));
    close(
        &firwin(25, &[0.3], None, Window::Boxcar, PassZero::Highpass, true, None).unwrap(),
        &fx,
        &k("box_hp"),
    );
    let hm = Some(Window::Hamming);
    close(
        &firwin2(31, &[0.0, 0.3, 0.5, 1.0], &[1.0, 1.0, 0.0, 0.0], None, hm, false, None).unwrap(),
        &fx,
        &k("f2_lp"),
    );
    close(
        &firwin2(40, &[0.0, 0.5, 0.5, 1.0], &[1.0, 1.0, 0.0, 0.0], None, hm, false, None).unwrap(),
        &fx,
        &k("f2_step"),
    );
    close(
        &firwin2(31, &[0.0, 0.3, 1.0], &[0.0, 1.0, 0.5], Some(129), None, false, None).unwrap(),
        &fx,
        &k("f2_nfreqs"),
    );
    close(
        &firwin2(31, &[0.0, 0.5, 1.0], &[0.0, 1.0, 0.0], None, hm, true, None).unwrap(),
        &fx,
        &k("f2_anti3"),
    );
    close(
        &firwin2(30, &[0.0, 0.5, 1.0], &[0.0, 1.0, 1.0], None, hm, true, Some(2.0)).unwrap(),
        &fx,
        &k("f2_anti4"),
    );
    let kw = Some(Window::Kaiser(4.0));
    let f2fs = firwin2(33, &[0.0, 100.0, 200.0, 500.0], &[1.0, 0.5, 0.2, 0.0], None, kw, false, Some(1000.0));
    close(&f2fs.unwrap(), &fx, &k("f2_fs"));
    close(&Array1::from(vec![kaiser_beta(10.0), kaiser_beta(30.0), kaiser_beta(65.0)]), &fx, &k("kbeta"));
    assert!((kaiser_atten(211, 0.0375) - fx.f64(&k("katten"))).abs() < 1e-12);
}

#[test]
fn multirate_matches() {
    let fx = load();
    let x = f1(&fx, "multirate/x");
    let x2 = f2(&fx, "multirate/x2");
    let h = f1(&fx, "multirate/h").to_vec();
    let m = |s: &str| format!("multirate/{s}");
    let dw = ResampleWindow::default();
    for (u, d) in [(1, 1), (3, 1), (1, 3), (2, 3), (5, 2), (4, 4), (7, 5)] {
        close(&upfirdn(&h, &x, u, d, -1).unwrap(), &fx, &m(&format!("ufd_{u}_{d}")));
        close(&resample_poly(&x, u, d, 0, &dw).unwrap(), &fx, &m(&format!("rp_{u}_{d}")));
    }
    close(
        &resample_poly(&x, 3, 2, 0, &ResampleWindow::Named(Window::Hamming)).unwrap(),
        &fx,
        &m("rp_hamming"),
    );
    close(&resample_poly(&x, 2, 3, 0, &ResampleWindow::Coefficients(h.clone())).unwrap(), &fx, &m("rp_coef"));
    close(&resample_poly(&x2, 3, 2, 1, &dw).unwrap(), &fx, &m("rp2_ax1"));
    close(&upfirdn(&h, &x2, 2, 1, 0).unwrap(), &fx, &m("ufd2_ax0"));
    let iir = DecimateFilter::Iir(None);
    close(&decimate(&x, 3, iir, -1, true).unwrap(), &fx, &m("dec_iir"));
    close(&decimate(&x, 4, DecimateFilter::Iir(Some(4)), -1, true).unwrap(), &fx, &m("dec_iir_n4"));
    close(&decimate(&x, 3, iir, -1, false).unwrap(), &fx, &m("dec_iir_causal"));
    close(&decimate(&x, 3, DecimateFilter::Fir(None), -1, true).unwrap(), &fx, &m("dec_fir"));
    close(&decimate(&x, 2, DecimateFilter::Fir(Some(10)), -1, false).unwrap(), &fx, &m("dec_fir_n"));
    close(&decimate(&x2, 2, iir, 1, true).unwrap(), &fx, &m("dec2"));
}

#[test]
fn bad_misc_input() {
    let x = Array1::from_shape_fn(20, |i| i as f64);
    let t = x.clone();
    let cases: Vec<(&str, Result<(), SignalError>, &str)> = vec![
        ("log chirp sign", chirp(&t, -1.0, 1.0, 2.0, ChirpMethod::Logarithmic, 0.0).map(drop), "f0"),
        ("hyp chirp zero", chirp(&t, 0.0, 1.0, 2.0, ChirpMethod::Hyperbolic, 0.0).map(drop), "f0"),
        ("gausspulse fc", gausspulse(&t, -1.0, 0.5, -6.0).map(drop), "fc"),
        ("gausspulse bw", gausspulse(&t, 1.0, 0.0, -6.0).map(drop), "bw"),
        ("gausspulse bwr", gausspulse(&t, 1.0, 0.5, 1.0).map(drop), "bwr"),
        ("gausspulse tpr", gausspulse_cutoff(1.0, 0.5, -6.0, 0.0).map(drop), "tpr"),
        ("hilbert N 0", hilbert(&x, Some(0), -1).map(drop), "N"),
        ("medfilt even", medfilt(&x, &[4]).map(drop), "kernel_size"),
        ("medfilt sizes", medfilt(&x, &[3, 3]).map(drop), "kernel_size"),
        ("wiener sizes", wiener(&x, &[3, 3], None).map(drop), "mysize"),
        ("savgol polyorder", savgol_coeffs(5, 5, 0, 1.0, None).map(drop), "polyorder"),
        ("savgol pos", savgol_coeffs(5, 2, 0, 1.0, Some(5.0)).map(drop), "pos"),
        (
            "savgol interp long",
            savgol_filter(&x.slice(s![..4]), 5, 2, 0, 1.0, -1, SavgolMode::Interp).map(drop),
            "window_length",
        ),
        (
            "firwin none",
            firwin(5, &[], None, Window::Hamming, PassZero::True, true, None).map(drop),
            "cutoff",
        ),
        (
            "firwin range",
            firwin(5, &[1.0], None, Window::Hamming, PassZero::True, true, None).map(drop),
            "cutoff",
        ),
        (
            "firwin order",
            firwin(5, &[0.5, 0.2], None, Window::Hamming, PassZero::True, true, None).map(drop),
            "cutoff",
        ),
        (
            "firwin even hp",
            firwin(6, &[0.5], None, Window::Hamming, PassZero::False, true, None).map(drop),
            "numtaps",
        ),
        (
            "firwin lowpass two",
            firwin(5, &[0.2, 0.5], None, Window::Hamming, PassZero::Lowpass, true, None).map(drop),
            "cutoff",
        ),
        (
            "firwin bandpass one",
            firwin(5, &[0.2], None, Window::Hamming, PassZero::Bandpass, true, None).map(drop),
            "cutoff",
        ),
        (
            "firwin fs",
            firwin(5, &[0.2], None, Window::Hamming, PassZero::True, true, Some(-1.0)).map(drop),
            "fs",
        ),
        ("firwin2 lengths", firwin2(5, &[0.0, 1.0], &[1.0], None, None, false, None).map(drop), "gain"),
        ("firwin2 ends", firwin2(5, &[0.1, 1.0], &[1.0, 0.0], None, None, false, None).map(drop), "freq"),
        (
            "firwin2 decreasing",
            firwin2(5, &[0.0, 0.6, 0.5, 1.0], &[1.0; 4], None, None, false, None).map(drop),
            "freq",
        ),
        (
            "firwin2 triple",
            firwin2(5, &[0.0, 0.5, 0.5, 0.5, 1.0], &[1.0; 5], None, None, false, None).map(drop),
            "freq",
        ),
        ("firwin2 type II", firwin2(6, &[0.0, 1.0], &[1.0, 1.0], None, None, false, None).map(drop), "gain"),
        ("firwin2 type III", firwin2(5, &[0.0, 1.0], &[1.0, 0.0], None, None, true, None).map(drop), "gain"),
        (
            "firwin2 nfreqs",
            firwin2(9, &[0.0, 1.0], &[1.0, 0.0], Some(9), None, false, None).map(drop),
            "nfreqs",
        ),
        ("upfirdn empty h", upfirdn(&[], &x, 1, 1, -1).map(drop), "h"),
        ("upfirdn up 0", upfirdn(&[1.0], &x, 0, 1, -1).map(drop), "up"),
        ("resample_poly 0", resample_poly(&x, 0, 1, 0, &ResampleWindow::default()).map(drop), "up"),
        ("decimate q 0", decimate(&x, 0, DecimateFilter::default(), -1, true).map(drop), "q"),
    ];
    for (what, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg, "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
    assert!(matches!(unit_impulse(&[3], ImpulseIndex::At(vec![3])), Err(SignalError::Array(_))));
    assert!(matches!(unit_impulse(&[3, 3], ImpulseIndex::At(vec![1, 1, 1])), Err(SignalError::Array(_))));
    assert!(matches!(hilbert(&x, None, 1), Err(SignalError::Array(_))));
}
