"""Import a bench script as a module without leaving bench/ on sys.path.

bench/ holds scripts named like the tests' own packages (bench/reports.py,
bench/store.py): left first on sys.path, they shadow tests/reports and tests/store for
every test module collected after, and those fail to import.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"


def import_bench(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module; sys.path as it was before, whatever it did."""
    saved = list(sys.path)
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path[:] = saved
