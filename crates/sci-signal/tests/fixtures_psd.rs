//! scipy.signal parity for periodogram, welch, csd, coherence, spectrogram, stft, istft,
//! check_COLA, check_NOLA and lombscargle: tests/fixtures/signal_psd.json (written by
//! tools/fixtures/signal_psd.py).

use sci_array::ndarray::{Array1, Array2, Ix1, Ix2};
use sci_array::num_complex::Complex64;
use sci_array::testing::assert_allclose;
use sci_array::testing::fixture::Fixture;
use sci_signal::*;

fn load() -> Fixture {
    Fixture::load(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signal_psd.json")).unwrap()
}

fn f1(fx: &Fixture, k: &str) -> Array1<f64> {
    fx.array_f64(k).into_dimensionality::<Ix1>().unwrap()
}

// FFT round-off (rustfft vs pocketfft) and segment sums in another order: ~1e-15 relative;
// 1e-10 is the contract.
const TOL: f64 = 1e-10;

fn close(a: &Array1<f64>, fx: &Fixture, key: &str) {
    assert_allclose(&a.clone().into_dyn(), &fx.array_f64(key), TOL, TOL);
}

fn closec(a: &[Complex64], fx: &Fixture, key: &str) {
    let want = fx.array_c64(key);
    assert_eq!(a.len(), want.len(), "{key}");
    for (g, w) in a.iter().zip(want.iter()) {
        assert!((g - w).norm() <= TOL + TOL * w.norm(), "{key}: {g} != {w}");
    }
}

fn welch_opts(key: &str) -> SpectralOptions {
    let d = SpectralOptions::default();
    match key {
        "default" => d,
        "fs_nperseg" => SpectralOptions { fs: 100.0, nperseg: Some(128), ..d },
        "overlap_nfft" => SpectralOptions { nperseg: Some(100), noverlap: Some(30), nfft: Some(150), ..d },
        "odd_nfft" => SpectralOptions { nperseg: Some(64), nfft: Some(81), ..d },
        "linear_spectrum" => SpectralOptions {
            nperseg: Some(90),
            detrend: SegmentDetrend::Linear,
            scaling: Scaling::Spectrum,
            ..d
        },
        "nodetrend_twosided" => {
            SpectralOptions { nperseg: Some(50), detrend: SegmentDetrend::None, return_onesided: false, ..d }
        }
        "median" => SpectralOptions { nperseg: Some(100), average: Average::Median, ..d },
        "median_even" => SpectralOptions {
            nperseg: Some(200),
            noverlap: Some(0),
            average: Average::Median,
            window: Window::Hamming,
            ..d
        },
        "kaiser" => SpectralOptions { nperseg: Some(64), window: Window::Kaiser(6.0), ..d },
        other => panic!("{other}"),
    }
}

#[test]
fn welch_csd_coherence() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let y = f1(&fx, "data/y");
    let keys = [
        "default",
        "fs_nperseg",
        "overlap_nfft",
        "odd_nfft",
        "linear_spectrum",
        "nodetrend_twosided",
        "median",
        "median_even",
        "kaiser",
    ];
    for k in keys {
        let o = welch_opts(k);
        let (f, p) = welch(&x, &o).unwrap();
        close(&f, &fx, &format!("welch_{k}/f"));
        close(&p, &fx, &format!("welch_{k}/p"));
        let (_, pxy) = csd(&x, &y, &o).unwrap();
        closec(pxy.as_slice().unwrap(), &fx, &format!("welch_{k}/pxy"));
        // SciPy's coherence knows no scaling, sides or average.
        let oc = SpectralOptions {
            scaling: Scaling::Density,
            return_onesided: true,
            average: Average::Median,
            ..o.clone()
        };
        let (_, c) = coherence(&x, &y, &oc).unwrap();
        close(&c, &fx, &format!("welch_{k}/coh"));
    }
    let (f, p) = welch(&f1(&fx, "data/short"), &SpectralOptions::default()).unwrap();
    close(&f, &fx, "welch_short/f");
    close(&p, &fx, "welch_short/p");
}

#[test]
fn periodogram_matches() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let d = SpectralOptions::periodogram();
    let cases = [
        ("default", d.clone()),
        ("hann_fs", SpectralOptions { window: Window::Hann, fs: 10.0, ..d.clone() }),
        ("nfft_long", SpectralOptions { nfft: Some(1500), ..d.clone() }),
        ("nfft_short", SpectralOptions { nfft: Some(600), ..d.clone() }),
        (
            "spectrum",
            SpectralOptions { scaling: Scaling::Spectrum, detrend: SegmentDetrend::Linear, ..d.clone() },
        ),
        ("twosided", SpectralOptions { return_onesided: false, ..d.clone() }),
        ("odd", SpectralOptions { nfft: Some(999), ..d.clone() }),
    ];
    for (k, o) in cases {
        let (f, p) = periodogram(&x, &o).unwrap();
        close(&f, &fx, &format!("per_{k}/f"));
        close(&p, &fx, &format!("per_{k}/p"));
    }
}

#[test]
fn spectrogram_matches() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let d = SpectralOptions::spectrogram();
    let cases = [
        ("default", d.clone()),
        ("n100", SpectralOptions { nperseg: Some(100), fs: 8.0, ..d.clone() }),
        (
            "hann_ov",
            SpectralOptions { window: Window::Hann, nperseg: Some(64), noverlap: Some(48), ..d.clone() },
        ),
        (
            "spectrum",
            SpectralOptions { nperseg: Some(128), scaling: Scaling::Spectrum, nfft: Some(200), ..d.clone() },
        ),
    ];
    for (k, o) in cases {
        let (f, t, s) = spectrogram(&x, &o).unwrap();
        close(&f, &fx, &format!("spg_{k}/f"));
        close(&t, &fx, &format!("spg_{k}/t"));
        assert_allclose(&s.into_dyn(), &fx.array_f64(&format!("spg_{k}/s")), TOL, TOL);
    }
}

#[test]
fn stft_istft_match_and_round_trip() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let d = StftOptions::default();
    let cases = [
        ("default", d.clone()),
        ("n64", StftOptions { nperseg: Some(64), fs: 5.0, ..d.clone() }),
        ("nopad", StftOptions { nperseg: Some(60), boundary: false, padded: false, ..d.clone() }),
        ("ov_nfft", StftOptions { nperseg: Some(50), noverlap: Some(40), nfft: Some(64), ..d.clone() }),
        ("psd", StftOptions { nperseg: Some(32), scaling: Scaling::Density, ..d.clone() }),
        ("odd", StftOptions { nperseg: Some(33), window: Window::Hamming, ..d.clone() }),
    ];
    for (k, o) in cases {
        let (f, t, z) = stft(&x, &o).unwrap();
        close(&f, &fx, &format!("stft_{k}/f"));
        close(&t, &fx, &format!("stft_{k}/t"));
        let want: Array2<Complex64> =
            fx.array_c64(&format!("stft_{k}/z")).into_dimensionality::<Ix2>().unwrap();
        assert_eq!(z.dim(), want.dim(), "{k}");
        let zs = z.as_standard_layout();
        closec(zs.as_slice().unwrap(), &fx, &format!("stft_{k}/z"));
        let (ti, xi) = istft(&z, &o).unwrap();
        close(&ti, &fx, &format!("stft_{k}/ti"));
        close(&xi, &fx, &format!("stft_{k}/xi"));
        if o.boundary && o.padded {
            // Round trip: the signal comes back (followed by the padding's zeros).
            let back = xi.slice(sci_array::ndarray::s![..x.len()]).to_owned();
            assert_allclose(&back.into_dyn(), &x.clone().into_dyn(), 1e-12, 1e-12);
        }
    }
}

#[test]
fn cola_nola() {
    let fx = load();
    let n = fx.i64("cola_n") as usize;
    for i in 0..n {
        let p = |k: &str| format!("cola/list/{i}/{k}");
        let w = f1(&fx, &p("w"));
        let (np, no) = (fx.i64(&p("n")) as usize, fx.i64(&p("o")) as usize);
        let want_cola = fx.get(&p("cola")).as_bool().unwrap();
        let want_nola = fx.get(&p("nola")).as_bool().unwrap();
        assert_eq!(check_cola(&w, np, no, 1e-10).unwrap(), want_cola, "cola {i}");
        assert_eq!(check_nola(&w, np, no, 1e-10).unwrap(), want_nola, "nola {i}");
    }
}

#[test]
fn lombscargle_matches() {
    let fx = load();
    let t = f1(&fx, "lomb/t");
    let y = f1(&fx, "lomb/y");
    let w = f1(&fx, "lomb/w");
    let fr = f1(&fx, "lomb/freqs");
    let n = LombNormalize::Normalize;
    let p = LombNormalize::Power;
    close(&lombscargle(&t, &y, &fr, None, false, p).unwrap(), &fx, "lomb/power");
    close(&lombscargle(&t, &y, &fr, None, false, n).unwrap(), &fx, "lomb/norm");
    close(&lombscargle(&t, &y, &fr, None, true, p).unwrap(), &fx, "lomb/fm");
    close(&lombscargle(&t, &y, &fr, Some(&w), true, n).unwrap(), &fx, "lomb/fm_norm_w");
    close(&lombscargle(&t, &y, &fr, Some(&w), false, p).unwrap(), &fx, "lomb/w_power");
}

#[test]
fn spectral_views_and_empty() {
    let fx = load();
    let x = f1(&fx, "data/x");
    let v = x.slice(sci_array::ndarray::s![..;-2]);
    let o = SpectralOptions { nperseg: Some(64), ..Default::default() };
    let (_, a) = welch(&v, &o).unwrap();
    let (_, b) = welch(&v.to_owned(), &o).unwrap();
    assert_eq!(a, b);
    let e = Array1::<f64>::zeros(0);
    assert_eq!(welch(&e, &o).unwrap().1.len(), 0);
    assert_eq!(periodogram(&e, &o).unwrap().1.len(), 0);
    assert_eq!(csd(&e, &e, &o).unwrap().1.len(), 0);
}

#[test]
fn bad_spectral_input() {
    let x = Array1::from_shape_fn(100, |i| i as f64);
    let short = Array1::from_shape_fn(50, |i| i as f64);
    let w = Array1::from_elem(8, 1.0);
    let z = Array2::from_elem((1, 3), Complex64::new(0.0, 0.0));
    let z0 = Array2::from_elem((5, 0), Complex64::new(0.0, 0.0));
    let e = Array1::<f64>::zeros(0);
    let d = SpectralOptions::default();
    let s = StftOptions::default();
    let cases: Vec<(&str, Result<(), SignalError>, &str)> = vec![
        ("nperseg 0", welch(&x, &SpectralOptions { nperseg: Some(0), ..d.clone() }).map(drop), "nperseg"),
        (
            "noverlap >= nperseg",
            welch(&x, &SpectralOptions { nperseg: Some(10), noverlap: Some(10), ..d.clone() }).map(drop),
            "noverlap",
        ),
        (
            "nfft < nperseg",
            welch(&x, &SpectralOptions { nperseg: Some(10), nfft: Some(9), ..d.clone() }).map(drop),
            "nfft",
        ),
        ("csd lengths", csd(&x, &short, &d).map(drop), "y"),
        ("coherence lengths", coherence(&x, &short, &d).map(drop), "y"),
        (
            "periodogram nfft 0",
            periodogram(&x, &SpectralOptions { nfft: Some(0), ..d.clone() }).map(drop),
            "nfft",
        ),
        ("spectrogram empty", spectrogram(&e, &SpectralOptions::spectrogram()).map(drop), "x"),
        ("stft empty", stft(&e, &s).map(drop), "x"),
        (
            "stft noverlap",
            stft(&x, &StftOptions { nperseg: Some(8), noverlap: Some(9), ..s.clone() }).map(drop),
            "noverlap",
        ),
        ("istft one freq", istft(&z, &s).map(drop), "Zxx"),
        ("istft no segment", istft(&z0, &s).map(drop), "Zxx"),
        (
            "istft nfft",
            istft(&z0.t().to_owned(), &StftOptions { nperseg: Some(4), nfft: Some(3), ..s.clone() })
                .map(drop),
            "Zxx",
        ),
        ("cola window length", check_cola(&w, 9, 4, 1e-10).map(drop), "window"),
        ("cola noverlap", check_cola(&w, 8, 8, 1e-10).map(drop), "noverlap"),
        ("nola nperseg 0", check_nola(&e, 0, 0, 1e-10).map(drop), "nperseg"),
        ("nola tol", check_nola(&w, 8, 4, -1.0).map(drop), "tol"),
        ("lomb lengths", lombscargle(&x, &short, &w, None, false, LombNormalize::Power).map(drop), "x"),
        ("lomb empty freqs", lombscargle(&x, &x, &e, None, false, LombNormalize::Power).map(drop), "freqs"),
        (
            "lomb negative weight",
            lombscargle(&w, &w, &w, Some(&Array1::from_elem(8, -1.0)), false, LombNormalize::Power).map(drop),
            "weights",
        ),
    ];
    for (what, r, arg) in cases {
        match r {
            Err(SignalError::InvalidValue { arg: a, .. }) => assert_eq!(a, arg, "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}
