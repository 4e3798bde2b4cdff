"""The NumPy/SciPy side of the workload registry.

Each workload is a function decorated with ``@workload("<crate>.<what>_<size>", rtol=..., atol=...)``
in a ``bench_<crate>.py`` module of this folder, under the same name as its Rust entry
(``benches/src/workloads/<crate>.rs``). The function receives an :class:`Inputs` (the ``.npy``
files the Rust side wrote) and returns a zero-argument callable: the timed part, which returns a
dict ``{output_name: array}`` with the same output names as the Rust side.

Outputs are compared with ``numpy.allclose(sci, ref, rtol, atol, equal_nan=True)`` for floats and
exact equality for integers and booleans; the default tolerance is exact.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass
class Entry:
    name: str
    setup: Callable
    rtol: float
    atol: float
    lib: str


REGISTRY: dict[str, Entry] = {}


# Modules whose workloads time NumPy itself; every other ``bench_<crate>.py`` times SciPy.
NUMPY_MODULES = {"bench_array", "bench_io"}


def workload(name: str, rtol: float = 0.0, atol: float = 0.0, lib: str | None = None):
    """Registers ``fn`` as the reference side of workload ``name``.

    ``lib`` names the library the timed part calls (``"numpy"`` or ``"scipy"``); by default it is
    NumPy for the modules in ``NUMPY_MODULES`` and SciPy for the others. The report's ``ref``
    column shows it with its version.
    """

    def deco(fn):
        if name in REGISTRY:
            raise ValueError(f"duplicate workload {name!r}")
        which = lib or ("numpy" if fn.__module__ in NUMPY_MODULES else "scipy")
        REGISTRY[name] = Entry(name, fn, rtol, atol, which)
        return fn

    return deco


class Inputs:
    """The inputs of one workload: ``<data>/<name>.<input>.npy`` written by the Rust side."""

    def __init__(self, data: pathlib.Path, name: str):
        self.data = data
        self.name = name

    def path(self, file: str) -> pathlib.Path:
        """``<data>/<name>.<file>``."""
        return self.data / f"{self.name}.{file}"

    def npy(self, inp: str) -> np.ndarray:
        """Loads input ``inp`` fully into memory."""
        return np.load(self.path(f"{inp}.npy"))

    def scratch(self, file: str) -> pathlib.Path:
        """A scratch file of the Python side (for I/O workloads), distinct from sci's."""
        d = self.data / "scratch-numpy"
        d.mkdir(parents=True, exist_ok=True)
        return d / f"{self.name}.{file}"
