"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 (since 6.4, PYSIDE-2029) wants to know which modules use it, so that its
``__feature__`` switches (``snake_case``, ``true_property``) apply to them only. Its
import hook asks ``_mod_uses_pyside(module)`` once per new module, and answers by
reading the whole source through ``inspect.getsource``: about 80 µs a module, some
9 ms over the hundred-odd modules the window imports before its first paint (a
tenth of starting a bare Qt window). Searching the source file's bytes for
"PySide6" gives the same answer (the name is ASCII in any source encoding) in a
fraction of that; modules without a ``.py`` file still get PySide's own check.
Nothing is changed when the installed PySide6 no longer has the hook.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads the hook this module speeds up

FEATURE_MODULE = "shibokensupport.feature"
HOOK = "_mod_uses_pyside"


def quick_uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions PySide6, read as bytes from its .py file."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Give PySide6's import hook the quick check; False when it has no such hook."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, HOOK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "quick", False):
        return True  # installed already

    def uses_pyside(module: ModuleType) -> bool:
        return quick_uses_pyside(module, original)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]  # PySide's own, for tests
    setattr(feature, HOOK, uses_pyside)
    return True
