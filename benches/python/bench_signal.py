"""``signal.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/signal.rs``).

The filter coefficients are the ones sci designed (saved inputs ``b``/``a``/``sos``), so the
rows time the filtering alone.
"""

import numpy as np
import scipy.signal as ss

from _registry import workload


# IIR filtering of 1e6 unit-variance samples: rounding differences of a different evaluation
# order stay near 1e-13; atol covers outputs near zero.
@workload("signal.filtfilt_o4_1e6", rtol=1e-9, atol=1e-11)
def filtfilt_o4(inp):
    x, b, a = inp.npy("x"), inp.npy("b"), inp.npy("a")
    return lambda: {"y": ss.filtfilt(b, a, x)}


@workload("signal.sosfiltfilt_o8_1e6", rtol=1e-9, atol=1e-11)
def sosfiltfilt_o8(inp):
    x, sos = inp.npy("x"), inp.npy("sos")
    return lambda: {"y": ss.sosfiltfilt(sos, x)}


@workload("signal.lfilter_o4_1e6", rtol=1e-9, atol=1e-11)
def lfilter_o4(inp):
    x, b, a = inp.npy("x"), inp.npy("b"), inp.npy("a")
    return lambda: {"y": ss.lfilter(b, a, x)}


# Outputs are sums of 1e4 products of unit normals (magnitude ~100); FFT rounding ~1e-12.
@workload("signal.fftconvolve_1e6_1e4", rtol=1e-9, atol=1e-9)
def fftconvolve_1e6(inp):
    x, h = inp.npy("x"), inp.npy("h")
    return lambda: {"y": ss.fftconvolve(x, h, mode="full")}


@workload("signal.convolve_direct_1e5_101", rtol=1e-12, atol=1e-12)
def convolve_direct(inp):
    x, h = inp.npy("x"), inp.npy("h")
    return lambda: {"y": ss.convolve(x, h, mode="full", method="direct")}


@workload("signal.convolve2d_512_5x5", rtol=1e-12, atol=1e-12)
def convolve2d_512(inp):
    a, k = inp.npy("a"), inp.npy("k")
    return lambda: {"y": ss.convolve2d(a, k, mode="full", boundary="fill", fillvalue=0)}


@workload("signal.medfilt_1e6_k5")
def medfilt_k5(inp):
    x = inp.npy("x")
    return lambda: {"y": ss.medfilt(x, 5)}


@workload("signal.medfilt_1e6_k51")
def medfilt_k51(inp):
    x = inp.npy("x")
    return lambda: {"y": ss.medfilt(x, 51)}


# FFT round-off: a few ulps times log2(n).
@workload("signal.hilbert_1e6", rtol=1e-9, atol=1e-11)
def hilbert_1e6(inp):
    x = inp.npy("x")
    return lambda: {"y": ss.hilbert(x)}


# Four IIR passes and a least-squares solve on 1e5 samples.
@workload("signal.filtfilt_gust_o4_1e5", rtol=1e-8, atol=1e-10)
def filtfilt_gust_o4(inp):
    x, b, a = inp.npy("x"), inp.npy("b"), inp.npy("a")
    return lambda: {"y": ss.filtfilt(b, a, x, method="gust")}


@workload("signal.welch_1e6", rtol=1e-9, atol=1e-14)
def welch_1e6(inp):
    x = inp.npy("x")

    def run():
        f, p = ss.welch(x, nperseg=1024)
        return {"f": f, "pxx": p}

    return run


@workload("signal.spectrogram_1e6", rtol=1e-9, atol=1e-12)
def spectrogram_1e6(inp):
    x = inp.npy("x")

    def run():
        f, t, s = ss.spectrogram(x)
        return {"f": f, "t": t, "sxx": s}

    return run


@workload("signal.resample_1e6_to_5e5", rtol=1e-9, atol=1e-11)
def resample_1e6(inp):
    x = inp.npy("x")
    return lambda: {"y": ss.resample(x, 500_000)}


@workload("signal.find_peaks_1e6", rtol=1e-14)
def find_peaks_1e6(inp):
    x = inp.npy("x")

    def run():
        peaks, props = ss.find_peaks(x, prominence=1.0)
        return {"peaks": peaks.astype(np.int64), "prominences": props["prominences"]}

    return run


@workload("signal.savgol_1e6_w31_o3", rtol=1e-9, atol=1e-12)
def savgol_1e6(inp):
    x = inp.npy("x")
    return lambda: {"y": ss.savgol_filter(x, 31, 3)}
