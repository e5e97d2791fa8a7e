"""PySide6's per-module check answers as before, only quicker (ui/pyside_scan.py)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import danvan_desktop.ui  # noqa: F401 - installs the quick check
from danvan_desktop.ui import pyside_scan


def _original(module: ModuleType) -> bool:
    """PySide's own answer (the check the quick one replaced)."""
    hook = getattr(sys.modules[pyside_scan.FEATURE_MODULE], pyside_scan.HOOK)
    return bool(hook.original(module))


def test_the_quick_check_is_installed_with_the_ui_package() -> None:
    """Importing the ui package puts the quick check into PySide's import hook."""
    feature = sys.modules[pyside_scan.FEATURE_MODULE]
    assert getattr(getattr(feature, pyside_scan.HOOK), "quick", False)
    assert pyside_scan.install()  # a second call changes nothing


def test_the_quick_check_gives_pysides_answer() -> None:
    """Modules that use PySide6, modules that do not, and modules without a source file."""
    names = [
        "danvan_desktop.ui.look",  # uses PySide6
        "danvan_desktop.ui.models.models_page",
        "danvan_desktop.core.vntext",  # does not
        "danvan_desktop.store.lists",
        "json.decoder",
        "sys",  # built in: no file
        "_sqlite3",  # an extension module: no .py
    ]
    answers = {}
    for name in names:
        module = importlib.import_module(name)
        quick = pyside_scan.quick_uses_pyside(module, _original)
        assert quick == _original(module), name
        answers[name] = quick
    assert answers["danvan_desktop.ui.look"] and answers["danvan_desktop.ui.models.models_page"]
    assert not any(answers[n] for n in names[2:]), json.dumps(answers)


def test_a_module_whose_file_is_gone_gets_the_fallback(tmp_path: Path) -> None:
    """An unreadable source file is left to PySide's own check."""
    module = ModuleType("vanished")
    module.__file__ = str(tmp_path / "vanished.py")
    asked: list[str] = []

    def fallback(m: ModuleType) -> bool:
        asked.append(m.__name__)
        return False

    assert pyside_scan.quick_uses_pyside(module, fallback) is False
    assert asked == ["vanished"]
