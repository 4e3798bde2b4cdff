"""``fft.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/fft.rs``)."""

import scipy.fft as sf

from _registry import workload

# Outputs of a length-n transform of unit-variance data have magnitude ~sqrt(n) (up to ~1e3);
# FFT rounding errors grow like eps * log(n) * sqrt(n), so atol 1e-9 with rtol 1e-10 is ample.


@workload("fft.fft_c2c_2p20", rtol=1e-10, atol=1e-9)
def fft_c2c_2p20(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.fft(x)}


@workload("fft.rfft_2p20", rtol=1e-10, atol=1e-9)
def rfft_2p20(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.rfft(x)}


@workload("fft.fft_prime_100003", rtol=1e-10, atol=1e-9)
def fft_prime(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.fft(x)}


@workload("fft.fft2_1024", rtol=1e-10, atol=1e-9)
def fft2_1024(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.fft2(x)}


@workload("fft.dct2_2p20", rtol=1e-10, atol=1e-9)
def dct2_2p20(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.dct(x, type=2)}


@workload("fft.irfft_2p20", rtol=1e-10, atol=1e-9)
def irfft_2p20(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.irfft(x)}


@workload("fft.fftn_3d_128", rtol=1e-10, atol=1e-9)
def fftn_3d_128(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.fftn(x)}


@workload("fft.dct_type2_ortho_2p20", rtol=1e-10, atol=1e-9)
def dct_type2_ortho(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.dct(x, type=2, norm="ortho")}


@workload("fft.idct_2p20", rtol=1e-10, atol=1e-9)
def idct_2p20(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.idct(x, type=2)}


@workload("fft.dct2_axis0_1024", rtol=1e-10, atol=1e-9)
def dct2_axis0_1024(inp):
    x = inp.npy("x")
    return lambda: {"y": sf.dct(x, type=2, axis=0)}
