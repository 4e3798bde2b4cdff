"""``ndimage.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/ndimage.rs``)."""

import numpy as np
import scipy.ndimage as nd

from _registry import workload


# Separable correlations of unit normals: a different summation order changes the last bits.
@workload("ndimage.gaussian_2048_s3", rtol=1e-10, atol=1e-12)
def gaussian_f64(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.gaussian_filter(x, 3.0)}


# float32 data are filtered in float64 and rounded to float32 by both (one float32 ulp).
@workload("ndimage.gaussian_2048_s3_f32", rtol=2e-7, atol=1e-7)
def gaussian_f32(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.gaussian_filter(x, 3.0)}


@workload("ndimage.uniform_2048_15", rtol=1e-10, atol=1e-12)
def uniform_15(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.uniform_filter(x, 15)}


@workload("ndimage.median_1024_5")
def median_5(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.median_filter(x, 5)}


@workload("ndimage.median_1024_3")
def median_3(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.median_filter(x, 3)}


@workload("ndimage.sobel_2048", rtol=1e-12, atol=1e-12)
def sobel_2048(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.sobel(x, axis=-1)}


@workload("ndimage.maximum_2048_15")
def maximum_15(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.maximum_filter(x, 15)}


# Spline prefilter (recursive, infinite support) and interpolation: rounding ~1e-13.
@workload("ndimage.zoom_1024_x2_o3", rtol=1e-9, atol=1e-11)
def zoom_x2(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.zoom(x, 2.0, order=3)}


@workload("ndimage.rotate_1024_30_o3", rtol=1e-9, atol=1e-11)
def rotate_30(inp):
    x = inp.npy("x")
    return lambda: {"y": nd.rotate(x, 30.0, reshape=True, order=3)}


@workload("ndimage.binary_erosion_2048_it10")
def erosion_it10(inp):
    mask = inp.npy("mask")
    return lambda: {"y": nd.binary_erosion(mask, iterations=10)}


@workload("ndimage.label_4096")
def label_4096(inp):
    mask = inp.npy("mask")

    def run():
        labels, n = nd.label(mask)
        return {"labels": labels, "n": np.array([n], dtype=np.int64)}

    return run


# Sums of ~16800 unit normals per label: a different summation order changes ~1e-13.
@workload("ndimage.sum_labels_4096", rtol=1e-9, atol=1e-9)
def sum_labels_4096(inp):
    x, labels = inp.npy("x"), inp.npy("labels")
    index = np.arange(1, 1000)
    return lambda: {"sums": nd.sum_labels(x, labels, index)}


# Square roots of the same integer squared distances.
@workload("ndimage.edt_2048", rtol=1e-15)
def edt_2048(inp):
    mask = inp.npy("mask")
    return lambda: {"d": nd.distance_transform_edt(mask)}
