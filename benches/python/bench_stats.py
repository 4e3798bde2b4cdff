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
