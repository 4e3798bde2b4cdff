"""``optimize.*`` workloads: SciPy side (Rust side: ``benches/src/workloads/optimize.rs``).

``nfev`` is an output, compared exactly, where both sides take the same path (Nelder-Mead);
BFGS takes a slightly different path (sci 1210 evaluations, SciPy 1288 at the saved x0).
"""

import math

import numpy as np
import scipy.optimize as so

from _registry import workload


def _outputs(r, nfev):
    out = {"x": r.x, "fun": np.array([r.fun])}
    if nfev:
        out["nfev"] = np.array([r.nfev], dtype=np.int64)
    return out


# Both stop at gradient norm 1e-5 (gtol) near the minimum x = 1 after different paths; the
# smallest Hessian eigenvalue there is 0.5, so each x is within ~2e-5 of 1 (seen: 1e-7 to 1e-6
# apart) and fun below ~1e-10.
@workload("optimize.bfgs_rosen10_numjac", rtol=5e-5, atol=1e-9)
def bfgs_rosen10(inp):
    x0 = inp.npy("x0")
    return lambda: _outputs(so.minimize(so.rosen, x0, method="BFGS"), False)


@workload("optimize.neldermead_rosen2", rtol=1e-10, atol=1e-12)
def neldermead_rosen2(inp):
    x0 = np.array([-1.2, 1.0])
    return lambda: _outputs(so.minimize(so.rosen, x0, method="Nelder-Mead"), True)


@workload("optimize.lbfgsb_rosen100", rtol=1e-6, atol=1e-9)
def lbfgsb_rosen100(inp):
    x0 = inp.npy("x0")
    return lambda: _outputs(so.minimize(so.rosen, x0, jac=so.rosen_der, method="L-BFGS-B"), True)


# NumPy's pairwise sum in rosen rounds f differently from a sequential sum; TNC's
# finite-difference Hessian products amplify that, so the paths part near the minimum (both
# stop by ftol, x within 1e-3, f within 1e-7) and nfev is not compared.
@workload("optimize.tnc_rosen20", rtol=1e-3, atol=1e-7)
def tnc_rosen20(inp):
    x0 = inp.npy("x0")
    return lambda: _outputs(so.minimize(so.rosen, x0, jac=so.rosen_der, method="TNC"), False)


def _gauss(x, a, mu, s):
    return a * np.exp(-((x - mu) ** 2) / (2.0 * s * s))


@workload("optimize.curve_fit_gauss_1e5", rtol=1e-7, atol=1e-12)
def curve_fit_gauss(inp):
    x, y = inp.npy("x"), inp.npy("y")

    def run():
        popt, pcov = so.curve_fit(_gauss, x, y, p0=[1.0, 0.0, 1.0])
        return {"popt": popt, "pcov": pcov}

    return run


# The same Trust Region Reflective iteration on both sides: nfev is compared exactly; x and cost
# differ by the rounding of the finite-difference Jacobian (exp in the last bit).
@workload("optimize.least_squares_trf_gauss_2e4", rtol=1e-7, atol=1e-12)
def least_squares_trf_gauss(inp):
    x, y = inp.npy("x"), inp.npy("y")

    def run():
        r = so.least_squares(lambda p: _gauss(x, *p) - y, [1.0, 0.0, 1.0],
                             bounds=([0.0, -5.0, 0.1], [10.0, 5.0, 10.0]))
        return {"x": r.x, "cost": np.array([r.cost]), "nfev": np.array([r.nfev], dtype=np.int64)}

    return run


@workload("optimize.linear_sum_assignment_1000")
def lsa_1000(inp):
    cost = inp.npy("cost")

    def run():
        rows, cols = so.linear_sum_assignment(cost)
        return {"rows": rows.astype(np.int64), "cols": cols.astype(np.int64)}

    return run


@workload("optimize.quadratic_assignment_faq_100")
def qap_faq_100(inp):
    a, b = inp.npy("a"), inp.npy("b")

    def run():
        r = so.quadratic_assignment(a, b, method="faq")
        return {"col_ind": r.col_ind.astype(np.int64), "fun": np.array([r.fun]),
                "nit": np.array([r.nit], dtype=np.int64)}

    return run


@workload("optimize.linprog_200x400", rtol=1e-8, atol=1e-9)
def linprog_200x400(inp):
    a, b, c = inp.npy("a"), inp.npy("b"), inp.npy("c")

    def run():
        r = so.linprog(c, A_ub=a, b_ub=b, method="highs")
        return {"x": r.x, "fun": np.array([r.fun])}

    return run


@workload("optimize.linprog_sparse_2000x4000", rtol=1e-8, atol=1e-9)
def linprog_sparse_2000x4000(inp):
    import scipy.sparse as sp

    b, c = inp.npy("b"), inp.npy("c")
    a = sp.csr_array((inp.npy("data"), inp.npy("indices"), inp.npy("indptr")), shape=(b.size, c.size))

    def run():
        r = so.linprog(c, A_ub=a, b_ub=b, method="highs")
        return {"x": r.x, "fun": np.array([r.fun])}

    return run


def _rastrigin(x):
    # math.cos is the C library's cos, as Rust's f64::cos, and the sum runs in sci's order, so
    # the objective is bit-identical on both sides (NumPy's SIMD cos may differ in the last bit,
    # and a seeded evolution is sensitive to that: SciPy alone took 14100 vs 13575 evaluations
    # with the two objectives at one seed).
    s = 0.0
    for v in x:
        s += v * v - 10.0 * math.cos(2.0 * math.pi * v)
    return 10.0 * len(x) + s


# The same seeded evolution on both sides: `rng=1` is default_rng(1), whose PCG64 stream sci
# reproduces (`seed=1` would be the legacy RandomState); no polishing (SciPy would polish with
# L-BFGS-B, sci with BFGS); bit-identical objectives. Same path, so x, fun and nfev agree.
@workload("optimize.differential_evolution_rastrigin5", rtol=1e-9, atol=1e-12)
def de_rastrigin5(inp):
    bounds = [(-5.12, 5.12)] * 5

    def run():
        r = so.differential_evolution(_rastrigin, bounds, rng=1, polish=False)
        return {"x": r.x, "fun": np.array([r.fun]), "nfev": np.array([r.nfev], dtype=np.int64)}

    return run


def _eggholder(x):
    # math's sin/sqrt are the C library's, as Rust's: the same sampling values on both sides.
    a, b = float(x[0]), float(x[1])
    return (-(b + 47.0) * math.sin(math.sqrt(abs(a / 2.0 + (b + 47.0))))
            - a * math.sin(math.sqrt(abs(a - (b + 47.0)))))


# The same complex and the same 26 local minima (SLSQP's iterates agree up to rounding, so funl
# to ~1e-10); the sampling evaluations (nfev - nlfev) agree exactly.
@workload("optimize.shgo_eggholder_n64_iters3", rtol=1e-8, atol=1e-8)
def shgo_eggholder(inp):
    def run():
        r = so.shgo(_eggholder, [(-512, 512)] * 2, n=64, iters=3)
        return {"funl": np.asarray(r.funl, dtype=float),
                "sampling_nfev": np.array([r.nfev - r.nlfev], dtype=np.int64)}

    return run


# PRIMA's COBYLA on both sides (SciPy runs its pure-Python port): the same evaluations, nfev
# compared exactly; x[1] ends at 0 up to 1e-16.
@workload("optimize.cobyla_hs21", rtol=1e-8, atol=1e-10)
def cobyla_hs21(inp):
    cons = [{"type": "ineq", "fun": lambda x: 10 * x[0] - x[1] - 10}]

    def run():
        r = so.minimize(lambda x: 0.01 * x[0] ** 2 + x[1] ** 2 - 100, np.array([-1.0, -1.0]), method="COBYLA",
                        bounds=[(2, 50), (-50, 50)], constraints=cons)
        return _outputs(r, True)

    return run
