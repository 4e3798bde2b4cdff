//! `signal.*` workloads: sci-signal against `scipy.signal`.
//!
//! Python side: `benches/python/bench_signal.py`. Signals are standard normal `f64`; filter
//! coefficients are designed here (Butterworth, `sci_signal::butter`, untimed) and saved, so
//! both sides filter with the same numbers.

use super::msg;
use crate::registry::{Case, Inputs, Workload};
use ndarray::Array1;
use sci_signal::{
    BType, Boundary, ConvMethod, ConvMode, FiltfiltMethod, FiltfiltOptions, FindPeaksOptions, PeakBound,
    SavgolMode, SpectralOptions, butter, butter_sos, convolve, convolve2d, fftconvolve, filtfilt, find_peaks,
    hilbert, lfilter, medfilt, resample, savgol_filter, sosfiltfilt, spectrogram, welch,
};

const N: usize = 1_000_000;

/// The `signal.*` workloads available with the current sci-signal.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "signal.filtfilt_o4_1e6",
            about: "sci_signal::filtfilt(b, a, x), Butterworth order 4 lowpass 0.1, default odd padding",
            setup: filtfilt_o4,
        },
        Workload {
            name: "signal.sosfiltfilt_o8_1e6",
            about: "sci_signal::sosfiltfilt(sos, x), Butterworth order 8 lowpass 0.1",
            setup: sosfiltfilt_o8,
        },
        Workload {
            name: "signal.lfilter_o4_1e6",
            about: "sci_signal::lfilter(b, a, x), Butterworth order 4 lowpass 0.1",
            setup: lfilter_o4,
        },
        Workload {
            name: "signal.fftconvolve_1e6_1e4",
            about: "sci_signal::fftconvolve(x, h, full), 1e6 by 1e4",
            setup: fftconvolve_1e6,
        },
        Workload {
            name: "signal.convolve_direct_1e5_101",
            about: "sci_signal::convolve(x, h, full, method=direct), 1e5 by 101",
            setup: convolve_direct,
        },
        Workload {
            name: "signal.convolve2d_512_5x5",
            about: "sci_signal::convolve2d(a, k, full, fill 0), 512x512 by 5x5",
            setup: convolve2d_512,
        },
        Workload { name: "signal.medfilt_1e6_k5", about: "sci_signal::medfilt(x, [5])", setup: medfilt_k5 },
        Workload {
            name: "signal.medfilt_1e6_k51",
            about: "sci_signal::medfilt(x, [51])",
            setup: medfilt_k51,
        },
        Workload { name: "signal.hilbert_1e6", about: "sci_signal::hilbert(x)", setup: hilbert_1e6 },
        Workload {
            name: "signal.filtfilt_gust_o4_1e5",
            about: "sci_signal::filtfilt(b, a, x), method gust, Butterworth order 4",
            setup: filtfilt_gust_o4,
        },
        Workload {
            name: "signal.welch_1e6",
            about: "sci_signal::welch(x, nperseg=1024), Hann, density",
            setup: welch_1e6,
        },
        Workload {
            name: "signal.spectrogram_1e6",
            about: "sci_signal::spectrogram(x) with SciPy's defaults (Tukey 0.25, nperseg 256)",
            setup: spectrogram_1e6,
        },
        Workload {
            name: "signal.resample_1e6_to_5e5",
            about: "sci_signal::resample(x, 500000) (Fourier method)",
            setup: resample_1e6,
        },
        Workload {
            name: "signal.find_peaks_1e6",
            about: "sci_signal::find_peaks(x, prominence=1), normal noise; peaks and prominences",
            setup: find_peaks_1e6,
        },
        Workload {
            name: "signal.savgol_1e6_w31_o3",
            about: "sci_signal::savgol_filter(x, 31, 3), mode interp",
            setup: savgol_1e6,
        },
    ]
}

/// A normal signal of `n` samples, saved as input `x`.
fn signal(inp: &mut Inputs, n: usize) -> Result<Array1<f64>, String> {
    let x = inp.rng().normal_vec(n);
    inp.save("x", &x)?;
    Ok(x)
}

/// Butterworth order-`order` lowpass at 0.1, saved as inputs `b` and `a`.
fn butter_ba(inp: &Inputs, order: usize) -> Result<(Array1<f64>, Array1<f64>), String> {
    let (b, a) = butter(order, &[0.1], BType::Lowpass, false, None).map_err(msg)?;
    inp.save("b", &b)?;
    inp.save("a", &a)?;
    Ok((b, a))
}

fn filtfilt_o4(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let (b, a) = butter_ba(inp, 4)?;
    Ok(Box::new(move || {
        Ok(vec![("y", filtfilt(&b, &a, &x, FiltfiltOptions::default()).map_err(msg)?.into())])
    }))
}

fn sosfiltfilt_o8(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let sos = butter_sos(8, &[0.1], BType::Lowpass, false, None).map_err(msg)?;
    inp.save("sos", &sos)?;
    Ok(Box::new(move || {
        Ok(vec![("y", sosfiltfilt(&sos, &x, FiltfiltOptions::default()).map_err(msg)?.into())])
    }))
}

fn lfilter_o4(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let (b, a) = butter_ba(inp, 4)?;
    Ok(Box::new(move || Ok(vec![("y", lfilter(&b, &a, &x, -1).map_err(msg)?.into())])))
}

fn fftconvolve_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let h = inp.rng().normal_vec(10_000);
    inp.save("h", &h)?;
    Ok(Box::new(move || Ok(vec![("y", fftconvolve(&x, &h, ConvMode::Full).map_err(msg)?.into())])))
}

fn convolve_direct(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, 100_000)?;
    let h = inp.rng().normal_vec(101);
    inp.save("h", &h)?;
    Ok(Box::new(move || {
        Ok(vec![("y", convolve(&x, &h, ConvMode::Full, ConvMethod::Direct).map_err(msg)?.into())])
    }))
}

fn convolve2d_512(inp: &mut Inputs) -> Result<Case, String> {
    let a = inp.rng().normal_mat(512, 512);
    let k = inp.rng().normal_mat(5, 5);
    inp.save("a", &a)?;
    inp.save("k", &k)?;
    Ok(Box::new(move || {
        Ok(vec![("y", convolve2d(&a, &k, ConvMode::Full, Boundary::Fill(0.0)).map_err(msg)?.into())])
    }))
}

fn medfilt_k5(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    Ok(Box::new(move || Ok(vec![("y", medfilt(&x, &[5]).map_err(msg)?.into())])))
}

fn medfilt_k51(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    Ok(Box::new(move || Ok(vec![("y", medfilt(&x, &[51]).map_err(msg)?.into())])))
}

fn hilbert_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    Ok(Box::new(move || Ok(vec![("y", hilbert(&x, None, -1).map_err(msg)?.into())])))
}

fn filtfilt_gust_o4(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, 100_000)?;
    let (b, a) = butter_ba(inp, 4)?;
    let opts = FiltfiltOptions { method: FiltfiltMethod::Gust { irlen: None }, ..Default::default() };
    Ok(Box::new(move || Ok(vec![("y", filtfilt(&b, &a, &x, opts).map_err(msg)?.into())])))
}

fn welch_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let opts = SpectralOptions { nperseg: Some(1024), ..Default::default() };
    Ok(Box::new(move || {
        let (f, p) = welch(&x, &opts).map_err(msg)?;
        Ok(vec![("f", f.into()), ("pxx", p.into())])
    }))
}

fn spectrogram_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let opts = SpectralOptions::spectrogram();
    Ok(Box::new(move || {
        let (f, t, s) = spectrogram(&x, &opts).map_err(msg)?;
        Ok(vec![("f", f.into()), ("t", t.into()), ("sxx", s.into())])
    }))
}

fn resample_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    Ok(Box::new(move || Ok(vec![("y", resample(&x, 500_000, -1).map_err(msg)?.into())])))
}

fn find_peaks_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    let opts = FindPeaksOptions { prominence: Some(PeakBound::min(1.0)), ..Default::default() };
    Ok(Box::new(move || {
        let (peaks, props) = find_peaks(&x, &opts).map_err(msg)?;
        let prom = props.prominences.ok_or("find_peaks returned no prominences")?;
        Ok(vec![("peaks", peaks.mapv(|p| p as i64).into()), ("prominences", prom.into())])
    }))
}

fn savgol_1e6(inp: &mut Inputs) -> Result<Case, String> {
    let x = signal(inp, N)?;
    Ok(Box::new(move || {
        Ok(vec![("y", savgol_filter(&x, 31, 3, 0, 1.0, -1, SavgolMode::Interp).map_err(msg)?.into())])
    }))
}
