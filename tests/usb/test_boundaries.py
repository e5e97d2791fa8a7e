"""The usb box imports only danvan_desktop.core, itself and the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import danvan_desktop.usb as usb_package

ALLOWED_OWN = ("danvan_desktop.core", "danvan_desktop.usb")


def _imports(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_usb_imports_only_core_and_the_standard_library() -> None:
    """No PySide6, requests, store, sync or other third-party import in the usb box."""
    package = Path(usb_package.__file__).parent
    bad = {
        f"{module.name}: {name}"
        for module in package.glob("*.py")
        for name in _imports(module)
        if not name.startswith(ALLOWED_OWN)
        and name.split(".")[0] not in sys.stdlib_module_names
        and name != "__future__"
    }
    assert bad == set()
