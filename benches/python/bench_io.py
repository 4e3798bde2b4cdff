"""``io.*`` workloads: NumPy side (Rust side: ``benches/src/workloads/io.rs``)."""

import numpy as np

from _registry import workload


@workload("io.npy_roundtrip_1000x1000")
def npy_roundtrip(inp):
    x = inp.npy("x")
    path = inp.scratch("roundtrip.npy")

    def run():
        np.save(path, x)
        return {"y": np.load(path)}

    return run


@workload("io.loadtxt_1e6x3")
def loadtxt(inp):
    path = inp.path("x.txt")
    return lambda: {"y": np.loadtxt(path)}


@workload("io.png_read_2048", lib="imageio")
def png_read(inp):
    import imageio.v3 as iio

    path = inp.path("img.png")
    return lambda: {"y": iio.imread(path)}


@workload("io.png_write_2048", lib="imageio")
def png_write(inp):
    import os

    import imageio.v3 as iio

    x = inp.npy("x")
    path = inp.scratch("written.png")

    def run():
        iio.imwrite(path, x)
        return {"written": np.array(os.path.getsize(path) > 0)}

    return run
