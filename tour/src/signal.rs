//! The signal chapter: Butterworth design and zero-phase filtering, denoising, FFT resampling,
//! detrending, Welch PSD and spectrogram, Sobel edges with convolve2d.

use crate::images;
use crate::plot::{self, Series};
use crate::report::Tour;
use sci::array as np;
use sci::ndarray::{Array1, Array2, array, s};
use sci::ndimage::{self, Mode};
use sci::signal::{self, BType, Boundary, ConvMode, DetrendType, FiltfiltOptions, SpectralOptions};
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
    denoise(tour, dir, &b, &a)?;
    spectra(tour, dir)?;
    sobel_edges(tour, dir)
}

fn rms(a: &Array1<f64>) -> f64 {
    (a.mapv(|v| v * v).sum() / a.len() as f64).sqrt()
}

/// The denoising example: a 10 Hz tone in Gaussian noise, Butterworth order 4 at 20 Hz, filtfilt.
fn denoise(tour: &mut Tour, dir: &Path, b: &Array1<f64>, a: &Array1<f64>) -> Res {
    let t = np::linspace(0.0, 1.0, 1000, false);
    let clean = t.mapv(|t| (2.0 * PI * 10.0 * t).sin());
    let noise = np::random::default_rng(7).standard_normal(t.len())? * 0.4;
    let noisy = &clean + &noise;
    let filtered = signal::filtfilt(b, a, &noisy, FiltfiltOptions::default())?;
    let (before, after) = (rms(&(&noisy - &clean)), rms(&(&filtered - &clean)));
    tour.check_claim(
        "signal.denoise_rms",
        json!([before, after]),
        "filtfilt with the 20 Hz Butterworth cuts the rms error of the noisy 10 Hz tone at least 3x",
        after * 3.0 < before,
    );
    let pts = |v: &Array1<f64>| t.iter().zip(v.iter()).map(|(&a, &b)| (a, b)).collect::<Vec<_>>();
    let series = [
        Series { label: "noisy", points: pts(&noisy), color: plot::PALETTE[0] },
        Series { label: "original 10 Hz tone", points: pts(&clean), color: plot::PALETTE[2] },
        Series { label: "filtfilt (Butterworth 4, 20 Hz)", points: pts(&filtered), color: plot::PALETTE[3] },
    ];
    plot::lines(&dir.join("signal_denoise.png"), "Denoising a 10 Hz tone", "t [s]", "x", &series)?;
    tour.figure(
        "signal_denoise.png",
        "A 10 Hz tone, the tone plus Gaussian noise (sd 0.4), and the filtfilt output",
    );
    Ok(())
}

/// Welch's PSD of two tones in noise, and the spectrogram of a chirp.
fn spectra(tour: &mut Tour, dir: &Path) -> Res {
    let fs = 1000.0;
    let n = 8192;
    let t = Array1::from_shape_fn(n, |i| i as f64 / fs);
    let noise = np::random::default_rng(3).standard_normal(n)? * 0.5;
    let x = t.mapv(|t| (2.0 * PI * 50.0 * t).sin() + 0.5 * (2.0 * PI * 120.0 * t).sin()) + &noise;
    let opts = SpectralOptions { fs, nperseg: Some(256), ..SpectralOptions::default() };
    let (f, p) = signal::welch(&x, &opts)?;
    let argmax = p.iter().enumerate().fold(0, |best, (i, &v)| if v > p[best] { i } else { best });
    tour.check_claim(
        "signal.welch_peak_50hz",
        json!(f[argmax]),
        "Welch's PSD (nperseg 256 at 1 kHz) peaks within one bin (3.9 Hz) of the 50 Hz tone",
        (f[argmax] - 50.0).abs() <= fs / 256.0,
    );
    let series = [Series {
        label: "log10 PSD",
        points: f.iter().zip(p.iter()).map(|(&a, &b)| (a, b.log10())).collect(),
        color: plot::PALETTE[1],
    }];
    plot::lines(
        &dir.join("welch.png"),
        "Welch PSD: 50 Hz + 120 Hz tones in noise",
        "f [Hz]",
        "log10 V^2/Hz",
        &series,
    )?;
    tour.figure("welch.png", "Welch's power spectral density (nperseg 256): peaks at 50 Hz and 120 Hz");

    // A linear chirp from 20 Hz upwards: its frequency rises 40 Hz per second.
    let chirp = t.mapv(|t| (2.0 * PI * (20.0 * t + 20.0 * t * t)).sin());
    let sopts = SpectralOptions { fs, nperseg: Some(128), ..SpectralOptions::spectrogram() };
    let (fr, _times, sxx) = signal::spectrogram(&chirp, &sopts)?;
    let peak_freq = |col: usize| {
        let c = sxx.column(col);
        fr[c.iter().enumerate().fold(0, |best, (i, &v)| if v > c[best] { i } else { best })]
    };
    let (first, last) = (peak_freq(0), peak_freq(sxx.ncols() - 1));
    tour.check_claim(
        "signal.spectrogram_chirp_rises",
        json!([first, last]),
        "the spectrogram's strongest frequency climbs from near 20 Hz in the first segment to above 300 Hz in the last",
        first < 40.0 && last > 300.0,
    );
    let img: Array2<f64> = sxx.slice(s![..;-1, ..]).mapv(|v| (v + 1e-12).log10());
    plot::image(&dir.join("spectrogram.png"), "chirp spectrogram", img.view(), 3)?;
    tour.figure("spectrogram.png", "log10 spectrogram of a linear chirp rising from 20 Hz to 347 Hz over 8 s (time to the right, low frequencies at the bottom)");
    Ok(())
}

/// Sobel edges of an image with convolve2d, checked against ndimage.sobel.
fn sobel_edges(tour: &mut Tour, dir: &Path) -> Res {
    let img = images::scene(256);
    let kx = array![[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]];
    let gx = signal::convolve2d(&img, &kx, ConvMode::Same, Boundary::Symm)?;
    let gy = signal::convolve2d(&img, &kx.t(), ConvMode::Same, Boundary::Symm)?;
    let mag = (&gx * &gx + &gy * &gy).mapv(f64::sqrt);
    // convolve2d flips the kernel: with this kernel it is ndimage's Sobel derivative (reflect
    // boundary = SciPy's 'symm').
    let (sx, sy) = (ndimage::sobel(&img, 1, Mode::Reflect)?, ndimage::sobel(&img, 0, Mode::Reflect)?);
    let nd = (&sx * &sx + &sy * &sy).mapv(f64::sqrt);
    let diff = (&mag - &nd).iter().fold(0.0f64, |m, v| m.max(v.abs()));
    tour.check_claim(
        "signal.convolve2d_sobel_matches_ndimage",
        json!(diff),
        "the gradient magnitude from convolve2d with a Sobel kernel equals ndimage.sobel's (max difference below 1e-12)",
        diff < 1e-12,
    );
    plot::image(&dir.join("sobel_convolve2d.png"), "|Sobel gradient| by convolve2d", mag.view(), 2)?;
    tour.figure(
        "sobel_convolve2d.png",
        "Edges of the test image: hypot of the two Sobel responses from convolve2d",
    );
    Ok(())
}
