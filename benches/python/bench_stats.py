"""``stats.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/stats.rs``)."""

import numpy as np
import scipy.stats as st

from _registry import workload


@workload("stats.norm_cdf_1e6", rtol=1e-13, atol=1e-300)
def norm_cdf(inp):
    x = inp.npy("x")
    return lambda: {"cdf": st.norm.cdf(x)}


@workload("stats.norm_ppf_1e6", rtol=1e-13, atol=0.0)
def norm_ppf(inp):
    q = inp.npy("q")
    return lambda: {"ppf": st.norm.ppf(q)}


# Sums of 1e6 terms in different orders (pairwise in NumPy): 1e-10.
@workload("stats.describe_1e6", rtol=1e-10, atol=1e-12)
def describe_1e6(inp):
    x = inp.npy("x")

    def run():
        d = st.describe(x)
        return {"describe": np.array([d.nobs, d.minmax[0], d.minmax[1], d.mean, d.variance, d.skewness, d.kurtosis])}

    return run


@workload("stats.pearsonr_1e5", rtol=1e-9, atol=1e-300)
def pearsonr_1e5(inp):
    x, y = inp.npy("x"), inp.npy("y")
    return lambda: {"r": np.array(st.pearsonr(x, y)[:2])}


@workload("stats.spearmanr_1e5", rtol=1e-9, atol=1e-300)
def spearmanr_1e5(inp):
    x, y = inp.npy("x"), inp.npy("y")
    return lambda: {"r": np.array(st.spearmanr(x, y)[:2])}


@workload("stats.rankdata_1e6")
def rankdata_1e6(inp):
    x = inp.npy("x")
    return lambda: {"ranks": st.rankdata(x)}


@workload("stats.kendalltau_1e5", rtol=1e-9, atol=1e-300)
def kendalltau_1e5(inp):
    x, y = inp.npy("x"), inp.npy("y")
    return lambda: {"r": np.array(st.kendalltau(x, y)[:2])}


@workload("stats.mannwhitneyu_1e5", rtol=1e-9, atol=1e-300)
def mannwhitneyu_1e5(inp):
    x, y = inp.npy("x"), inp.npy("y")
    return lambda: {"r": np.array(st.mannwhitneyu(x, y)[:2])}


@workload("stats.ks_2samp_1e4", rtol=1e-9, atol=1e-300)
def ks_2samp_1e4(inp):
    x, y = inp.npy("x"), inp.npy("y")
    return lambda: {"r": np.array(st.ks_2samp(x, y)[:2])}


# Kernel sums of 1e4 terms per point, summed in the same order: 1e-12.
@workload("stats.gaussian_kde_2d_1e4x1e3", rtol=1e-12, atol=1e-300)
def gaussian_kde_2d(inp):
    data, pts = inp.npy("data"), inp.npy("pts")
    return lambda: {"pdf": st.gaussian_kde(data).evaluate(pts)}
