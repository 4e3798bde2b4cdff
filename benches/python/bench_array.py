"""``array.*`` workloads: NumPy side (Rust side: ``benches/src/workloads/array.rs``)."""

import numpy as np

from _registry import workload


@workload("array.elementwise_axpy_1e7", rtol=1e-15)
def elementwise_axpy(inp):
    a, b = inp.npy("a"), inp.npy("b")
    return lambda: {"y": a * 1.1 + b}


@workload("array.std_axis0_4000x4000", rtol=1e-12)
def std_axis0(inp):
    x = inp.npy("x")
    return lambda: {"y": np.std(x, axis=0)}


@workload("array.sort_1e7")
def sort(inp):
    x = inp.npy("x")
    return lambda: {"y": np.sort(x)}


@workload("array.unique_counts_1e7")
def unique_counts(inp):
    x = inp.npy("x")

    def run():
        values, counts = np.unique(x, return_counts=True)
        return {"values": values, "counts": counts.astype(np.int64)}

    return run


@workload("array.mask_select_1e7")
def mask_select(inp):
    x = inp.npy("x")
    return lambda: {"y": x[x > 0.5]}


# Partial sums of uniform [0, 1) values grow monotonically, so a relative tolerance is
# meaningful; it allows for the reassociation of a blocked/parallel scan (1e7 terms).
@workload("array.cumsum_1e7", rtol=1e-10)
def cumsum(inp):
    x = inp.npy("x")
    return lambda: {"y": np.cumsum(x)}


@workload("array.take_1e6")
def take(inp):
    x, idx = inp.npy("x"), inp.npy("indices")
    return lambda: {"y": np.take(x, idx)}


@workload("array.percentile_1e7", rtol=1e-12)
def percentile(inp):
    x = inp.npy("x")
    q = np.array([5.0, 50.0, 95.0])
    return lambda: {"y": np.percentile(x, q)}


def _stencil_convolve(x):
    return np.convolve(x, [1.0, -2.0, 1.0], "valid")


def _stencil_slices(x):
    return x[:-2] - 2.0 * x[1:-1] + x[2:]


# The [1, -2, 1] second difference, as np.convolve or as shifted slices: the reference is the
# faster of the two NumPy forms (chosen on the warm-up call). Values are in [0, 1), so the
# rounding differences of a different summation order are below 1e-15 absolute.
@workload("array.stencil3_1e7", atol=1e-14)
def stencil3(inp):
    import time

    x = inp.npy("x")
    best, best_t = None, float("inf")
    for f in (_stencil_convolve, _stencil_slices):
        t = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            f(x)
            t = min(t, time.perf_counter() - t0)
        if t < best_t:
            best, best_t = f, t
    return lambda: {"y": best(x)}
