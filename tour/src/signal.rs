//! The signal chapter: Butterworth design and zero-phase filtering, FFT resampling, detrending.

use crate::plot::{self, Series};
use crate::report::Tour;
use sci::array as np;
use sci::ndarray::{Array1, array, s};
use sci::signal::{self, BType, DetrendType, FiltfiltOptions};
use serde_json::json;
use std::f64::consts::PI;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Signal processing (sci::signal)");

    // A 4th-order Butterworth low-pass at 20 Hz for a signal sampled at 1 kHz.
    let (b, a) = signal::butter(4, &[20.0 / 500.0], BType::Lowpass, false, None)?;
    tour.check("signal.butter4_b", json!(b.to_vec()));
    tour.check("signal.butter4_a", json!(a.to_vec()));

    // 10 Hz tone plus a 120 Hz disturbance; filtfilt removes the latter without phase shift.
    let t = np::linspace(0.0, 1.0, 1000, false);
    let tone = t.mapv(|t| (2.0 * PI * 10.0 * t).sin());
    let x = &tone + &t.mapv(|t| 0.5 * (2.0 * PI * 120.0 * t).sin());
    let y = signal::filtfilt(&b, &a, &x, FiltfiltOptions::default())?;
    let maxerr = (&y - &tone).iter().fold(0.0f64, |m, v| m.max(v.abs()));
    // filtfilt runs an IIR filter forwards and backwards over 1000 samples: the reference carries
    // round-off near 1e-12 relative (SciPy's own value moves by that much between BLAS builds).
    tour.check("signal.filtfilt_first5", json!(y.slice(s![..5]).to_vec()));
    tour.check("signal.filtfilt_sin10_plus_120_maxerr_vs_sin10", json!(maxerr));
    let pts = |v: &Array1<f64>| t.iter().zip(v.iter()).take(300).map(|(&a, &b)| (a, b)).collect::<Vec<_>>();
    let series = [
        Series { label: "10 Hz + 120 Hz", points: pts(&x), color: plot::PALETTE[0] },
        Series { label: "filtfilt (Butterworth 4, 20 Hz)", points: pts(&y), color: plot::PALETTE[3] },
    ];
    plot::lines(&dir.join("filtfilt.png"), "Zero-phase low-pass filtering", "t [s]", "x", &series)?;
    tour.figure("filtfilt.png", "A 10 Hz tone with 120 Hz interference, filtered forward and backward");

    // FFT resampling of a smooth signal from 100 to 25 samples.
    let tt = np::linspace(0.0, 5.0, 100, true);
    let r = signal::resample(&tt.mapv(f64::sin), 25, -1)?;
    tour.check("signal.resample_sin_100_to_25_first5", json!(r.slice(s![..5]).to_vec()));
    let t25 = np::linspace(0.0, 5.0, 25, false) * (100.0 / 99.0);
    let series = [
        Series {
            label: "sin(t), 100 samples",
            points: tt.iter().map(|&v| (v, v.sin())).collect(),
            color: plot::PALETTE[0],
        },
        Series {
            label: "resample(., 25)",
            points: t25.iter().zip(r.iter()).map(|(&a, &b)| (a, b)).collect(),
            color: plot::PALETTE[1],
        },
    ];
    plot::lines(&dir.join("resample.png"), "FFT resampling 100 -> 25", "t", "x", &series)?;
    tour.figure("resample.png", "sin(t) resampled from 100 to 25 points with the FFT method");

    // Removing a linear trend.
    let ramp = np::arange(0.0, 10.0, 1.0)?.mapv(|v| 2.0 * v + 1.0)
        + &array![0.0, 1.0, 0.0, -1.0, 0.0, 1.0, 0.0, -1.0, 0.0, 1.0];
    let d = signal::detrend(&ramp, -1, DetrendType::Linear, &[])?;
    tour.check("signal.detrend_linear", json!(d.to_vec()));
    let series = [
        Series {
            label: "data",
            points: ramp.iter().enumerate().map(|(i, &v)| (i as f64, v)).collect(),
            color: plot::PALETTE[0],
        },
        Series {
            label: "detrended",
            points: d.iter().enumerate().map(|(i, &v)| (i as f64, v)).collect(),
            color: plot::PALETTE[2],
        },
    ];
    plot::lines(&dir.join("detrend.png"), "Linear detrending", "i", "x", &series)?;
    tour.figure("detrend.png", "A ramp with a wiggle, and the wiggle left after detrend");
    Ok(())
}
