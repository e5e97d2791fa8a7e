"""The boxes of DESIGN.md import only what their arrows allow."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src"
DESKTOP = SRC / "danvan_desktop"

# The modules of the Session facade (session/: facade.py composes them into ``Session``)
# -> the boxes and the session modules each may import.
SESSION_PARTS: dict[str, set[str]] = {
    "result": {"store"},
    "base": {"store", "session.result"},
    "models": {"store", "session.base", "session.result"},
    "meetings": {"store", "reports", "session.base", "session.result"},
    "team": {"store", "session.base", "session.result"},
    "handbook": {"store", "session.base"},
    "exemplars": {"store", "session.base", "session.result"},
    "reports": {"store", "reports", "usb", "session.base"},
    "sync": {"store", "sync", "session.transport"},
    "transport": {"sync", "session.sync"},
    "bundles": {"store", "sync", "usb"},
    "facade": {
        "store",
        *(
            f"session.{part}"
            for part in (
                "bundles",
                "exemplars",
                "handbook",
                "meetings",
                "models",
                "reports",
                "result",
                "sync",
                "team",
            )
        ),
    },
    "__init__": {"session.facade", "session.result"},
}

# box -> boxes of ours it may import (every box may import core)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "store": {"core"},
    "usb": {"core"},
    "sync": {"core", "store"},
    "reports": {"core", "store"},
    "ui": {"core", "session", "ui", "store", "sync", "reports", "usb"},
    "session": {"core", "store", "sync", "reports", "usb", "session"},
    "cli": {"core", "session", "store", "usb", "reports", "cli_bundle"},
    "cli_bundle": {"core", "session"},
    "app": {"core", "session", "ui", "store"},
}
THIRD_PARTY_FORBIDDEN: dict[str, set[str]] = {
    "core": {"*"},  # standard library only
    "store": {"PySide6", "requests"},
    "usb": {"PySide6", "requests", "sqlite_utils"},
    "sync": {"PySide6"},
    "reports": {"PySide6.QtWidgets"},
    "session": {"PySide6"},
    "cli": {"PySide6"},
    "cli_bundle": {"PySide6"},
}


def _box_of(path: Path) -> str:
    rel = path.relative_to(DESKTOP)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def _modules() -> list[Path]:
    return [p for p in DESKTOP.rglob("*.py") if p.name != "__init__.py" or p.parent != DESKTOP]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_box_imports_follow_the_arrows(path: Path) -> None:
    """A module imports only the boxes its box may use, and no forbidden library."""
    box = _box_of(path)
    allowed = ALLOWED.get(box, set()) | {"core", box}
    forbidden = THIRD_PARTY_FORBIDDEN.get(box, set())
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "danvan_desktop":
            parts = name.split(".")
            if len(parts) > 1:
                target = parts[1]
                assert target in allowed, f"{path.name} ({box}) imports {name}"
        elif top == "danvan_server":
            pytest.fail(f"{path.name} imports the server: {name}")
        elif "*" in forbidden:
            assert top in sys.stdlib_module_names or top == "__future__", (
                f"core must stay standard-library only: {path.name} imports {name}"
            )
        else:
            for bad in forbidden:
                assert not (name == bad or name.startswith(bad + ".")), (
                    f"{path.name} ({box}) imports {name}"
                )


def test_every_part_of_the_session_has_its_arrows() -> None:
    """Each module of session/ is listed in SESSION_PARTS (a new part says what it uses)."""
    assert {p.stem for p in (DESKTOP / "session").glob("*.py")} == set(SESSION_PARTS)


@pytest.mark.parametrize("path", sorted((DESKTOP / "session").glob("*.py")), ids=lambda p: p.stem)
def test_session_parts_import_only_their_arrows(path: Path) -> None:
    """A module of session/ imports only the boxes and session modules listed for it."""
    allowed = SESSION_PARTS[path.stem] | {"core"}
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "danvan_desktop" or len(parts) < 2:
            continue
        target = ".".join(parts[1:3]) if parts[1] == "session" else parts[1]
        if parts[1] == "session" and len(parts) == 2:
            target = "session"
        assert target in allowed, f"session/{path.name} imports {name}"


def test_pyside6_widgets_only_in_ui() -> None:
    """Only ui/ and app.py touch PySide6 widgets."""
    offenders = [
        str(p.relative_to(SRC))
        for p in _modules()
        if _box_of(p) not in ("ui", "app")
        and any(n.startswith("PySide6.QtWidgets") for n in _imports(p))
    ]
    assert offenders == []


SHARED_WITH_SERVER = (
    "danvan_desktop.core",
    "danvan_desktop.sync.protocol",
    "danvan_desktop.sync.bundle_format",
    "danvan_desktop.usb",  # replies are written onto sticks like reports
)


def test_server_imports_only_core_and_protocol() -> None:
    """The server uses core, the wire formats (protocol, bundles) and usb's safe writes,
    never the store, the UI or Qt."""
    server = SRC / "danvan_server"
    for path in server.rglob("*.py"):
        for name in _imports(path):
            if name.startswith("danvan_desktop."):
                assert name.startswith(SHARED_WITH_SERVER), f"{path.name} imports {name}"
            assert not name.startswith("PySide6"), f"{path.name} imports {name}"


def test_the_shared_wire_formats_import_only_core() -> None:
    """What the server shares from sync/ depends on nothing of the laptop's but core."""
    for module in ("protocol", "bundle_format"):
        path = DESKTOP / "sync" / f"{module}.py"
        ours = [n for n in _imports(path) if n.startswith("danvan_desktop.")]
        assert all(n.startswith("danvan_desktop.core") for n in ours), ours


def test_the_checker_catches_a_bad_import(tmp_path: Path) -> None:
    """The import scan sees `from danvan_desktop.ui import x` in a store module."""
    bad = tmp_path / "bad.py"
    bad.write_text("from danvan_desktop.ui import main_window\nimport PySide6.QtWidgets\n")
    names = _imports(bad)
    assert "danvan_desktop.ui" in names and "PySide6.QtWidgets" in names
