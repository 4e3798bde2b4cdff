"""``linalg.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/linalg.rs``).

Singular vectors, eigenvectors and QR factors are unique only up to sign: those rows compare
singular values / eigenvalues and element-wise absolute values of the factors.
"""

import numpy as np
import scipy.linalg as sl

from _registry import workload


# Random normal 1000x1000: condition number ~1e3-1e4, so solutions agree to ~1e-12 relative.
@workload("linalg.solve_1000", rtol=1e-8, atol=1e-10)
def solve_1000(inp):
    a, b = inp.npy("a"), inp.npy("b")
    return lambda: {"x": sl.solve(a, b)}


@workload("linalg.inv_1000", rtol=1e-8, atol=1e-10)
def inv_1000(inp):
    a = inp.npy("a")
    return lambda: {"ainv": sl.inv(a)}


@workload("linalg.det_1000", rtol=1e-9)
def det_1000(inp):
    a = inp.npy("a")
    return lambda: {"det": np.array([sl.det(a)])}


def _svd(a, full):
    def run():
        u, s, vh = sl.svd(a, full_matrices=full)
        return {"s": s, "abs_u": np.abs(u), "abs_vh": np.abs(vh)}

    return run


# Singular vectors of a random matrix: gaps between singular values ~1e-2 or more, so the
# vectors agree to ~1e-12; atol covers entries near zero.
@workload("linalg.svd_512", rtol=1e-7, atol=1e-9)
def svd_512(inp):
    return _svd(inp.npy("a"), True)


@workload("linalg.svd_thin_1000x500", rtol=1e-7, atol=1e-9)
def svd_thin(inp):
    return _svd(inp.npy("a"), False)


# Singular values alone (gesdd without vectors: bidiagonal reduction, then dqds).
def _svdvals(inp):
    a = inp.npy("a")
    return lambda: {"s": sl.svdvals(a)}


@workload("linalg.svdvals_500", rtol=1e-10, atol=1e-12)
def svdvals_500(inp):
    return _svdvals(inp)


@workload("linalg.svdvals_2000x500", rtol=1e-10, atol=1e-12)
def svdvals_2000x500(inp):
    return _svdvals(inp)


@workload("linalg.svdvals_complex_500", rtol=1e-10, atol=1e-12)
def svdvals_complex_500(inp):
    return _svdvals(inp)


@workload("linalg.eigh_1000", rtol=1e-7, atol=1e-9)
def eigh_1000(inp):
    a = inp.npy("a")

    def run():
        w, v = sl.eigh(a, lower=True)
        return {"w": w, "abs_v": np.abs(v)}

    return run


# Random normal tridiagonal: eigenvalue gaps ~1e-3 (a few ~1e-6), so the vectors agree to ~1e-10.
@workload("linalg.eigh_tridiagonal_2000", rtol=1e-7, atol=1e-8)
def eigh_tridiagonal_2000(inp):
    d, e = inp.npy("d"), inp.npy("e")

    def run():
        w, v = sl.eigh_tridiagonal(d, e)
        return {"w": w, "abs_v": np.abs(v)}

    return run


# Random symmetric band, n = 2000, kd = 5 (upper storage): all eigenvalues (sbevd -> sterf).
@workload("linalg.eigvals_banded_2000_b5", rtol=1e-9, atol=1e-11)
def eigvals_banded_2000_b5(inp):
    ab = inp.npy("ab")
    return lambda: {"w": sl.eigvals_banded(ab)}


# The same with eigenvectors (sbevd); their smallest eigenvalue gaps are ~1e-5, so the vectors
# agree to ~1e-10.
@workload("linalg.eig_banded_2000_b5", rtol=1e-7, atol=1e-8)
def eig_banded_2000_b5(inp):
    ab = inp.npy("ab")

    def run():
        w, v = sl.eig_banded(ab)
        return {"w": w, "abs_v": np.abs(v)}

    return run


@workload("linalg.eig_500", rtol=1e-8, atol=1e-10)
def eig_500(inp):
    a = inp.npy("a")

    def run():
        w, _v = sl.eig(a)
        return {"re": np.sort(w.real), "im": np.sort(w.imag), "abs": np.sort(np.abs(w))}

    return run


@workload("linalg.cholesky_2000", rtol=1e-10, atol=1e-12)
def cholesky_2000(inp):
    a = inp.npy("a")
    return lambda: {"u": sl.cholesky(a, lower=False)}


@workload("linalg.qr_1000", rtol=1e-7, atol=1e-9)
def qr_1000(inp):
    a = inp.npy("a")

    def run():
        q, r = sl.qr(a, mode="full")
        return {"abs_q": np.abs(q), "abs_r": np.abs(r)}

    return run


@workload("linalg.lstsq_2000x500", rtol=1e-9, atol=1e-12)
def lstsq_2000x500(inp):
    a, b = inp.npy("a"), inp.npy("b")

    def run():
        x, res, _rank, _s = sl.lstsq(a, b)
        return {"x": x, "residues": np.atleast_1d(res)}

    return run


def _matmul(inp):
    a, b = inp.npy("a"), inp.npy("b")
    return lambda: {"c": a @ b}


# Sums of 1000 products of standard normals: entries ~30, rounding differences ~1e-13.
@workload("linalg.matmul_1000", rtol=1e-10, atol=1e-10)
def matmul_1000(inp):
    return _matmul(inp)


# Sums of 2000 products: entries ~45, rounding differences ~1e-12.
@workload("linalg.matmul_2000", rtol=1e-10, atol=1e-10)
def matmul_2000(inp):
    return _matmul(inp)


# Sums of 300 complex products (parts standard normal): entries ~35, rounding ~1e-13.
@workload("linalg.matmul_complex_300", rtol=1e-10, atol=1e-10)
def matmul_complex_300(inp):
    return _matmul(inp)


# Sums of 300 f32 products of standard normals: entries ~17, f32 rounding ~1e-5.
@workload("linalg.matmul_f32_300", rtol=1e-4, atol=1e-4)
def matmul_f32_300(inp):
    return _matmul(inp)


@workload("linalg.expm_200", rtol=1e-9, atol=1e-12)
def expm_200(inp):
    a = inp.npy("a")
    return lambda: {"e": sl.expm(a)}
