//! The Fourier chapter: FFT, frequencies, DCT, FFT low-pass filtering and an image spectrum.

use crate::images;
use crate::plot::{self, Series};
use crate::report::Tour;
use sci::array as np;
use sci::fft::{self, DctType, Norm};
use sci::ndarray::{Array1, Array2, array};
use serde_json::json;
use std::path::Path;

type Res = Result<(), Box<dyn std::error::Error>>;

/// Runs the chapter.
pub fn run(tour: &mut Tour, dir: &Path) -> Res {
    tour.chapter("Fourier transforms (sci::fft)");
    let spec = fft::fft(&np::arange(0.0, 8.0, 1.0)?, None, -1, Norm::Backward)?;
    tour.check("fft.fft_8", json!(spec.iter().map(|c| [c.re, c.im]).collect::<Vec<_>>()));
    tour.check("fft.fftfreq_8_0.1", json!(fft::fftfreq(8, 0.1)?.to_vec()));
    let d = fft::dct(&array![1.0, 2.0, 3.0, 4.0], DctType::II, None, -1, Norm::Backward)?;
    tour.check("fft.dct2_4", json!(d.to_vec()));
    lowpass(tour, dir)?;
    spectrum(tour, dir)
}

/// A period-5 sine plus noise: find the peak frequency from the FFT power, zero everything
/// above it and transform back (the lecture notes' FFT denoising).
fn lowpass(tour: &mut Tour, dir: &Path) -> Res {
    let (period, dt, n) = (5.0, 0.02, 1000);
    let t = np::arange(0.0, n as f64 * dt, dt)?;
    let mut rng = np::random::default_rng(1234);
    let noise = rng.standard_normal(t.len())?;
    let sig: Array1<f64> = t.mapv(|t| (2.0 * std::f64::consts::PI / period * t).sin()) + &(noise * 0.5);
    let spectrum = fft::fft(&sig, None, -1, Norm::Backward)?;
    let freqs = fft::fftfreq(sig.len(), dt)?;
    let (peak, _) = freqs.iter().zip(spectrum.iter()).filter(|(f, _)| **f > 0.0).fold(
        (0.0, f64::NEG_INFINITY),
        |best, (&f, c)| if c.norm_sqr() > best.1 { (f, c.norm_sqr()) } else { best },
    );
    tour.check_claim(
        "fft.lowpass_peak_frequency",
        json!(peak),
        "the power spectrum peaks at 1/period = 0.2 Hz",
        (peak - 1.0 / period).abs() < 1e-9,
    );
    let mut filtered = spectrum.clone();
    for (c, f) in filtered.iter_mut().zip(freqs.iter()) {
        if f.abs() > peak {
            *c = 0.0.into();
        }
    }
    let back = fft::ifft(&filtered, None, -1, Norm::Backward)?.mapv(|c| c.re);
    let clean = t.mapv(|t| (2.0 * std::f64::consts::PI / period * t).sin());
    let rms = |a: &Array1<f64>| (a.mapv(|v| v * v).sum() / a.len() as f64).sqrt();
    let (before, after) = (rms(&(&sig - &clean)), rms(&(&back - &clean)));
    tour.check_claim(
        "fft.lowpass_denoise",
        json!([before, after]),
        "keeping only frequencies up to the peak removes most of the noise (rms error down 5x)",
        after * 5.0 < before,
    );
    let pts = |y: &Array1<f64>| t.iter().zip(y.iter()).take(500).map(|(&a, &b)| (a, b)).collect::<Vec<_>>();
    let series = [
        Series { label: "noisy", points: pts(&sig), color: plot::PALETTE[0] },
        Series { label: "FFT low-pass", points: pts(&back), color: plot::PALETTE[3] },
    ];
    plot::lines(&dir.join("fft_lowpass.png"), "FFT low-pass filtering", "t [s]", "signal", &series)?;
    tour.figure("fft_lowpass.png", "A noisy period-5 sine and its FFT low-pass reconstruction");
    let series = [Series {
        label: "|FFT|",
        points: freqs
            .iter()
            .zip(spectrum.iter())
            .filter(|(f, _)| **f > 0.0 && **f <= 2.0)
            .map(|(&f, c)| (f, c.norm()))
            .collect(),
        color: plot::PALETTE[1],
    }];
    plot::lines(
        &dir.join("fft_spectrum.png"),
        "Amplitude spectrum (peak at 0.2 Hz)",
        "f [Hz]",
        "|FFT|",
        &series,
    )?;
    tour.figure(
        "fft_spectrum.png",
        "The amplitude spectrum of the noisy sine: one peak at 1/period = 0.2 Hz over the noise floor",
    );
    Ok(())
}

/// log |fft2| of an image, shifted so the zero frequency sits in the middle.
fn spectrum(tour: &mut Tour, dir: &Path) -> Res {
    let img = images::scene(225);
    let f = fft::fft2(&img, None, None, Norm::Backward)?;
    let centred = fft::fftshift(&f.mapv(|c| (1.0 + c.norm()).ln()), None)?;
    let centred: Array2<f64> = centred;
    let mid = centred[[112, 112]];
    let max = centred.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    tour.check_claim(
        "fft.fft2_dc_centre",
        json!(mid),
        "after fftshift the largest magnitude (the mean, zero frequency) is at the centre",
        mid == max,
    );
    plot::image(&dir.join("fft2_spectrum.png"), "log(1 + |fft2(image)|), shifted", centred.view(), 2)?;
    tour.figure("fft2_spectrum.png", "The 2-d spectrum of the test image, zero frequency at the centre");
    Ok(())
}
