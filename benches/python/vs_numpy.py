"""NumPy/SciPy side of ``cargo xtask bench --vs-scipy``.

Usage::

    python3 benches/python/vs_numpy.py info
    python3 benches/python/vs_numpy.py list
    python3 benches/python/vs_numpy.py run NAME --data DIR [--quick] [--rounds N]

``run`` loads the inputs the Rust side wrote (``DIR/NAME.<input>.npy``), times the workload
(one warm-up call, then the median of repeated calls: the same rule as
``benches/src/timing.rs``), compares the outputs of the last call with sci's
(``DIR/out/NAME.<output>.npy``) and prints one JSON line
``{"name", "ref_ms", "min_ms", "runs", "samples", "check", "detail"}`` where check is ``ok``,
``mismatch`` or ``no-sci-output`` (sci's side did not run). ``--rounds N`` says this run is one
of ``N`` that xtask alternates with the Rust side: it times for ``1/N`` of the budget, and
``samples`` lists every timed call (ms) for xtask to pool.

Workloads live in ``bench_<crate>.py`` beside this file (see ``_registry.py``).
``info`` prints the NumPy/SciPy versions and BLAS information as JSON.
Run it with ``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` unset (xtask does).
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import pathlib
import platform
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

from _registry import REGISTRY, Inputs  # noqa: E402


def load_workloads(name: str | None = None) -> None:
    """Imports the workload modules: all of them, or for ``run NAME`` only ``bench_<crate>.py``
    of NAME's ``<crate>.`` prefix when that file exists (each run is a new process, and
    xtask starts several per workload: importing every SciPy subpackage each time costs a
    second)."""
    if name is not None:
        own = HERE / f"bench_{name.split('.', 1)[0]}.py"
        if own.exists():
            importlib.import_module(own.stem)
            return
    for f in sorted(HERE.glob("bench_*.py")):
        importlib.import_module(f.stem)


def budget(quick: bool, rounds: int = 1):
    # (seconds, min_runs, max_runs), split over `rounds`: keep in step with
    # Budget::new and Budget::share in benches/src/timing.rs
    seconds, lo, hi = (0.3, 3, 200) if quick else (2.0, 5, 200)
    r = max(rounds, 1)
    return seconds / r, -(-lo // r), -(-hi // r)


def measure(fn, quick: bool, rounds: int = 1):
    seconds, lo, hi = budget(quick, rounds)
    t = time.perf_counter()
    last = fn()
    warm = time.perf_counter() - t
    runs = min(max(int(math.floor(seconds / max(warm, 1e-9))), lo), hi)
    samples = []
    for _ in range(runs):
        del last
        t = time.perf_counter()
        last = fn()
        samples.append((time.perf_counter() - t) * 1e3)
    return statistics.median(samples), min(samples), samples, last


def compare(entry, data: pathlib.Path, outputs: dict) -> tuple[str, str]:
    out_dir = data / "out"
    sci_files = sorted(out_dir.glob(f"{entry.name}.*.npy"))
    sci_names = {f.name[len(entry.name) + 1 : -len(".npy")] for f in sci_files}
    if not sci_names:
        return "no-sci-output", "sci wrote no output"
    if sci_names != set(outputs):
        return "mismatch", f"outputs differ: sci {sorted(sci_names)}, numpy {sorted(outputs)}"
    problems = []
    for key, ref in outputs.items():
        ref = np.asarray(ref)
        sci = np.load(out_dir / f"{entry.name}.{key}.npy")
        if sci.shape != ref.shape:
            problems.append(f"{key}: shape {sci.shape} vs {ref.shape}")
            continue
        if ref.dtype.kind in "fc" or sci.dtype.kind in "fc":
            ok = np.allclose(sci, ref, rtol=entry.rtol, atol=entry.atol, equal_nan=True)
        else:
            ok = np.array_equal(sci, ref)
        if not ok:
            diff = np.abs(sci.astype(np.float64) - ref.astype(np.float64))
            i = int(np.nanargmax(diff)) if diff.size else 0
            problems.append(
                f"{key}: max |diff| {diff.flat[i]:.3g} at flat index {i} "
                f"(sci {sci.flat[i].item()!r}, numpy {ref.flat[i].item()!r}; rtol {entry.rtol}, atol {entry.atol})"
            )
    if problems:
        return "mismatch", "; ".join(problems)
    return "ok", ""


def reference_label(lib: str) -> str:
    """``"<library> <version>"`` of the library a workload times, e.g. ``scipy 1.17.1``."""
    if lib == "scipy":
        import scipy

        return f"scipy {scipy.__version__}"
    if lib != "numpy":
        return f"{lib} {importlib.import_module(lib).__version__}"
    return f"numpy {np.__version__}"


def info() -> dict:
    out = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": None,
        "blas": None,
        "threadpool": None,
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")},
    }
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:
        pass
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        out["blas"] = {k: blas.get(k) for k in ("name", "version", "openblas configuration") if k in blas}
        simd = cfg.get("SIMD Extensions", {})
        out["simd_found"] = simd.get("found")
    except Exception as e:  # older NumPy: no mode="dicts"
        out["blas"] = f"unavailable: {e}"
    try:
        from threadpoolctl import threadpool_info

        out["threadpool"] = [
            {k: d.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
            for d in threadpool_info()
        ]
    except ImportError:
        out["threadpool"] = "threadpoolctl not installed"
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("info")
    sub.add_parser("list")
    r = sub.add_parser("run")
    r.add_argument("name")
    r.add_argument("--data", required=True, type=pathlib.Path)
    r.add_argument("--quick", action="store_true")
    r.add_argument("--rounds", type=int, default=1)
    args = p.parse_args()

    if args.cmd == "info":
        print(json.dumps(info()))
        return 0
    load_workloads(args.name if args.cmd == "run" else None)
    if args.cmd == "list":
        for name in REGISTRY:
            print(name)
        return 0
    entry = REGISTRY.get(args.name)
    if entry is None:
        print(json.dumps({"name": args.name, "error": "no NumPy entry for this workload"}))
        return 1
    fn = entry.setup(Inputs(args.data, args.name))
    if args.rounds < 1:
        print(json.dumps({"name": args.name, "error": f"--rounds needs a positive integer, got {args.rounds}"}))
        return 1
    median_ms, min_ms, samples, last = measure(fn, args.quick, args.rounds)
    check, detail = compare(entry, args.data, last)
    print(
        json.dumps(
            {
                "name": args.name,
                "ref_ms": median_ms,
                "min_ms": min_ms,
                "runs": len(samples),
                "samples": samples,
                "check": check,
                "detail": detail,
                "ref": reference_label(entry.lib),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
