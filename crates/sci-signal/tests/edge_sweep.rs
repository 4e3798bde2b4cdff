//! A sweep of the 1-d signal functions over the inputs that break filters most often: empty
//! and length-1 signals, signals shorter than a filter's padding or window, NaN and infinity,
//! constant signals, and degenerate parameters (zero factors, zero or even window lengths,
//! empty or zero-leading coefficients). Every call must return, `Ok` or an error, and never
//! panic; the values themselves are checked against SciPy by the other test files.
//! `SWEEP_TRACE=1` prints each call before it runs, to find one that does not return.

use sci_array::ndarray::{Array1, Array2, array};
use sci_array::testing::PanicSweep;
use sci_signal::*;

/// The signals, by name.
fn signals() -> Vec<(&'static str, Array1<f64>)> {
    let wave = Array1::from_shape_fn(50, |i| (i as f64 * 0.37).sin() + 0.1 * (i as f64 * 2.9).cos());
    let mut with_nan = wave.clone();
    with_nan[17] = f64::NAN;
    let mut with_inf = wave.clone();
    with_inf[3] = f64::INFINITY;
    vec![
        ("empty", Array1::zeros(0)),
        ("[1]", array![1.0]),
        ("[nan]", array![f64::NAN]),
        ("[0, 1]", array![0.0, 1.0]),
        ("5 values", array![0.3, -1.2, 2.5, 0.0, 4.0]),
        ("constant 12", Array1::from_elem(12, 2.0)),
        ("wave 50", wave),
        ("wave 50 with NaN", with_nan),
        ("wave 50 with inf", with_inf),
        ("1e300 values", Array1::from_shape_fn(9, |i| 1e300 * (i as f64 - 4.0))),
    ]
}

#[test]
fn no_function_panics_on_edge_signals() {
    let mut panics = PanicSweep::new();
    let (bb, ab) = butter(4, &[0.2], BType::Lowpass, false, None).unwrap();
    let sos = butter_sos(4, &[0.2], BType::Lowpass, false, None).unwrap();
    let filters: Vec<(&str, Array1<f64>, Array1<f64>)> = vec![
        ("identity", array![1.0], array![1.0]),
        ("butter 4", bb, ab),
        ("FIR 3", array![0.25, 0.5, 0.25], array![1.0]),
        ("a[0] = 0", array![1.0, 1.0], array![0.0, 1.0]),
        ("empty b", Array1::zeros(0), array![1.0]),
        ("empty a", array![1.0], Array1::zeros(0)),
    ];
    let soses: Vec<(&str, Array2<f64>)> =
        vec![("butter 4", sos), ("empty", Array2::zeros((0, 6))), ("wrong width", Array2::ones((2, 5)))];
    for (label, x) in signals() {
        let p = &mut panics;
        for (fname, b, a) in &filters {
            let tag = |what: &str| format!("{what} ({fname}) on {label}");
            p.run(tag("lfilter"), || drop(lfilter(b, a, &x, -1)));
            p.run(tag("lfilter_zi"), || drop(lfilter_zi(b, a)));
            p.run(tag("filtfilt"), || drop(filtfilt(b, a, &x, FiltfiltOptions::default())));
            let gust = FiltfiltOptions {
                method: FiltfiltMethod::Gust { irlen: None },
                ..FiltfiltOptions::default()
            };
            p.run(tag("filtfilt gust"), || drop(filtfilt(b, a, &x, gust)));
            let no_pad = FiltfiltOptions { padtype: None, ..FiltfiltOptions::default() };
            p.run(tag("filtfilt no padding"), || drop(filtfilt(b, a, &x, no_pad)));
        }
        for (sname, s) in &soses {
            let tag = |what: &str| format!("{what} ({sname}) on {label}");
            p.run(tag("sosfilt"), || drop(sosfilt(s, &x, -1)));
            p.run(tag("sosfiltfilt"), || drop(sosfiltfilt(s, &x, FiltfiltOptions::default())));
        }
        let tag = |what: String| format!("{what} on {label}");
        for k in [0usize, 1, 3, 4, 51] {
            p.run(tag(format!("medfilt {k}")), || drop(medfilt(&x, &[k])));
            p.run(tag(format!("wiener {k}")), || drop(wiener(&x, &[k], None)));
            for mode in [SavgolMode::Interp, SavgolMode::Mirror] {
                for poly in [0usize, 2, 5] {
                    p.run(tag(format!("savgol_filter {k} {poly} {mode:?}")), || {
                        drop(savgol_filter(&x, k, poly, 0, 1.0, -1, mode))
                    });
                }
            }
            p.run(tag(format!("argrelmax order {k}")), || drop(argrelmax(&x, 0, k, ExtremaMode::Clip)));
            p.run(tag(format!("argrelmax wrap order {k}")), || drop(argrelmax(&x, 0, k, ExtremaMode::Wrap)));
        }
        for kind in [DetrendType::Linear, DetrendType::Constant] {
            for bp in [&[][..], &[0], &[3], &[100]] {
                p.run(tag(format!("detrend {kind:?} {bp:?}")), || drop(detrend(&x, -1, kind, bp)));
            }
        }
        for num in [0usize, 1, 7, 100] {
            p.run(tag(format!("resample {num}")), || drop(resample(&x, num, -1)));
        }
        for (up, down) in [(0usize, 1usize), (1, 0), (1, 1), (3, 2), (2, 7)] {
            let w = ResampleWindow::Named(Window::Kaiser(5.0));
            p.run(tag(format!("resample_poly {up}/{down}")), || drop(resample_poly(&x, up, down, -1, &w)));
            p.run(tag(format!("upfirdn {up}/{down}")), || drop(upfirdn(&[1.0, 2.0, 1.0], &x, up, down, -1)));
            p.run(tag(format!("upfirdn empty h {up}/{down}")), || drop(upfirdn(&[], &x, up, down, -1)));
        }
        for q in [0usize, 1, 3, 20] {
            for (ft, zero_phase) in [(DecimateFilter::Iir(None), true), (DecimateFilter::Fir(None), false)] {
                p.run(tag(format!("decimate {q} {ft:?}")), || drop(decimate(&x, q, ft, -1, zero_phase)));
            }
        }
        for n in [None, Some(0), Some(1), Some(7)] {
            p.run(tag(format!("hilbert {n:?}")), || drop(hilbert(&x, n, -1)));
        }
        p.run(tag("find_peaks".into()), || drop(find_peaks(&x, &FindPeaksOptions::default())));
        p.run(tag("welch".into()), || drop(welch(&x, &SpectralOptions::default())));
        p.run(tag("periodogram".into()), || drop(periodogram(&x, &SpectralOptions::default())));
        for other in [Array1::zeros(0), array![1.0], array![1.0, -2.0, 0.5]] {
            for mode in [ConvMode::Full, ConvMode::Same, ConvMode::Valid] {
                let n = other.len();
                p.run(tag(format!("convolve {mode:?} with {n}")), || {
                    drop(convolve(&x, &other, mode, ConvMethod::Auto))
                });
                p.run(tag(format!("correlate {mode:?} with {n}")), || {
                    drop(correlate(&x, &other, mode, ConvMethod::Direct))
                });
                p.run(tag(format!("fftconvolve {mode:?} with {n}")), || drop(fftconvolve(&other, &x, mode)));
            }
        }
    }
    panics.finish();
}

/// The two faults the sweep found, against SciPy 1.17's results: `resample_poly` of an empty
/// signal looped for ever searching for its padding, `medfilt` of an empty signal with a
/// window longer than 5 indexed its first output.
#[test]
fn empty_signals_give_scipys_empty_results() {
    let empty = Array1::<f64>::zeros(0);
    let w = ResampleWindow::Named(Window::Kaiser(5.0));
    for (up, down) in [(3, 2), (2, 7), (1, 1)] {
        assert_eq!(resample_poly(&empty, up, down, -1, &w).unwrap().len(), 0);
    }
    for k in [1, 3, 5, 7, 51] {
        assert_eq!(medfilt(&empty, &[k]).unwrap().len(), 0);
    }
}
