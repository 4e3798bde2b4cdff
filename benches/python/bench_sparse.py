"""``sparse.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/sparse.rs``)."""

import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csg
import scipy.sparse.linalg as spla

from _registry import workload


def _poisson(m):
    """The 5-point Laplacian on an m x m grid, CSR (as sci's ``kron(T, I) + kron(I, T)``)."""
    t = sp.diags_array([-1.0, 2.0, -1.0], offsets=[-1, 0, 1], shape=(m, m))
    i = sp.identity(m)
    return (sp.kron(t, i) + sp.kron(i, t)).tocsr()


@workload("sparse.spmv_poisson_250k", rtol=1e-14, atol=1e-14)
def spmv_poisson(inp):
    a, x = _poisson(500), inp.npy("x")
    return lambda: {"y": a @ x}


# Direct solve of a matrix with condition number ~1e5: solutions agree to ~1e-10 relative.
@workload("sparse.spsolve_poisson_250k", rtol=1e-7, atol=1e-9)
def spsolve_poisson(inp):
    a, b = _poisson(500), inp.npy("b")
    return lambda: {"x": spla.spsolve(a, b)}


# The same iteration from x0 = 0 on both sides: the solutions (|x| up to ~80) agreed to 7e-13
# when this row was added; a different number of iterations would show as a gap near the
# stopping tolerance (relative residual 1e-8, condition number ~1e5). `converged` checks the
# true relative residual (at most 2e-8).
@workload("sparse.cg_poisson_250k", rtol=1e-7, atol=1e-7)
def cg_poisson(inp):
    a, b = _poisson(500), inp.npy("b")

    def run():
        x, info = spla.cg(a, b, rtol=1e-8)
        relres = np.linalg.norm(b - a @ x) / np.linalg.norm(b)
        return {"x": x, "converged": np.array([info == 0 and relres <= 2e-8])}

    return run


def _triplets(inp):
    return inp.npy("rows"), inp.npy("cols"), inp.npy("vals")


@workload("sparse.eigsh_rand3000_k6", rtol=1e-9, atol=1e-10)
def eigsh_rand(inp):
    r, c, v = _triplets(inp)
    n = 3000
    a = sp.csr_array((np.concatenate([v, v]), (np.concatenate([r, c]), np.concatenate([c, r]))), shape=(n, n))

    def run():
        w, _v = spla.eigsh(a, k=6)
        return {"w": np.sort(w)}

    return run


@workload("sparse.spgemm_poisson", rtol=1e-13, atol=1e-12)
def spgemm_poisson(inp):
    a, v = _poisson(500), inp.npy("v")

    def run():
        c = a @ a
        return {"nnz": np.array([c.nnz], dtype=np.int64), "cv": c @ v}

    return run


# Duplicates are summed in a possibly different order: last-bit differences.
@workload("sparse.coo_to_csr_1e7", rtol=1e-14, atol=1e-15)
def coo_to_csr(inp):
    r, c, v = _triplets(inp)
    n = 1_000_000
    coo = sp.coo_array((v, (r, c)), shape=(n, n))

    def run():
        m = coo.tocsr()
        return {"indptr": m.indptr.astype(np.int64), "indices": m.indices.astype(np.int64), "data": m.data}

    return run


@workload("sparse.connected_components_1e6")
def components_1e6(inp):
    r, c, _v = _triplets(inp)
    n = 1_000_000
    g = sp.csr_array((np.ones(len(r)), (r, c)), shape=(n, n))

    def run():
        count, labels = csg.connected_components(g, directed=False)
        return {"n": np.array([count], dtype=np.int64), "labels": labels}

    return run
