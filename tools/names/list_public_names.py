"""List every public name of NumPy and SciPy modules that sci mirrors.

Writes docs/names/_public.txt: one `module<TAB>name` line per public function or class
(from each module's `__all__`, or its public callables when `__all__` is absent). `cargo xtask
doc` joins this list with the hand-kept docs/names/*.tsv rows to build docs/scipy-names.md,
marking every name that no row covers as missing. Run: `python3 tools/names/list_public_names.py`.
"""
import importlib
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES = [
    "numpy", "numpy.random", "numpy.testing", "numpy.linalg", "numpy.fft", "numpy.lib.stride_tricks",
    "scipy.linalg", "scipy.sparse", "scipy.sparse.linalg", "scipy.sparse.csgraph", "scipy.fft",
    "scipy.signal", "scipy.ndimage", "scipy.optimize", "scipy.stats", "scipy.spatial",
    "scipy.spatial.distance", "scipy.io", "scipy.special", "scipy.integrate", "scipy.interpolate",
    "scipy.cluster.vq", "scipy.cluster.hierarchy",
]
SKIP_PREFIXES = ("test", "show_config", "get_include")

lines = []
for modname in MODULES:
    mod = importlib.import_module(modname)
    names = getattr(mod, "__all__", None)
    if names is None:
        names = [n for n in dir(mod) if not n.startswith("_")]
    for n in sorted(set(names)):
        if n.startswith("_") or n.startswith(SKIP_PREFIXES):
            continue
        obj = getattr(mod, n, None)
        if obj is None or type(obj).__name__ == "module":
            continue
        if not callable(obj):
            continue
        lines.append(f"{modname}\t{n}")

path = os.path.join(ROOT, "docs", "names", "_public.txt")
with open(path, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {os.path.relpath(path, ROOT)} ({len(lines)} names)")
