"""Modules loaded when first used, for the parts of the facade a quick start does not need.

The Session's areas (meetings, sync, the writer with its validation, ...) are
all composed into one class, so importing it would import every store module
behind them before the window's first paint. An area names the modules it needs
like this instead::

    if TYPE_CHECKING:
        from danvan_desktop.store import meetings
    else:
        meetings = lazy_module("danvan_desktop.store.meetings")

and ``meetings.add(...)`` imports the module at that first call. The import goes
through the import system (its per-module lock makes two threads asking at once
safe); every later attribute is read from the real module, so a test that
patches the module is seen here too. The type checker sees the plain import.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for a module until one of its attributes is read, then reads the module's."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = importlib.import_module(self._name)
            self._module = module
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r}, {state}>"


def lazy_module(name: str) -> Any:
    """A stand-in for the module ``name`` that imports it when first used."""
    return LazyModule(name)
