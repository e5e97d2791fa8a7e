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
    "petitions": {"store", "session.base", "session.result"},
    "mediations": {"store", "session.base", "session.result"},
    "reports": {"store", "reports", "usb", "session.report_issue", "session.report_files"},
    "report_issue": {"store", "reports", "session.report_texts"},
    "report_texts": {"store", "reports", "session.base"},
    "report_files": {"store", "usb"},
    "sync": {"store", "sync", "session.transport", "session.conflicts"},
    "conflicts": {"store", "sync"},
    "transport": {"sync", "session.sync"},
    "bundles": {"store", "sync", "usb"},
    "importing": {"store", "importing", "session.base", "session.result"},
    "quarantine": {"store"},
    "network": {"store", "sync", "session.base", "session.transport"},
    "setup": {"store", "session.transport"},
    "data_folder": {"store"},
    "release_switch": {"updates"},  # at start, before the store opens (issue 20)
    "places": {"store"},
    "replication": {"store", "session.base", "session.result"},
    "model_life": {"store", "session.base", "session.result"},
    "updates": {"store", "sync", "updates", "usb", "session.base"},
    "facade": {
        "store",
        *(
            f"session.{part}"
            for part in (
                "bundles",
                "exemplars",
                "handbook",
                "importing",
                "mediations",
                "meetings",
                "models",
                "model_life",
                "network",
                "petitions",
                "quarantine",
                "replication",
                "reports",
                "result",
                "setup",
                "sync",
                "team",
                "updates",
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
    "sync": {"core", "store", "updates"},
    # Releases (issue 20): check a signed manifest, plan and stage a download, switch
    # versions (the store's own backup before a switch); driven by sync's lane and the session.
    "updates": {"core", "store"},
    "reports": {"core", "store"},
    "importing": {"core", "store"},
    "ui": {"core", "session", "ui"},
    "session": {"core", "store", "sync", "reports", "usb", "importing", "session", "updates"},
    "cli": {
        *("core", "session", "selftest"),
        *("cli_bundle", "cli_community", "cli_export", "cli_import", "cli_network"),
        *("cli_records", "cli_status", "cli_report_texts", "cli_sync", "cli_upgrade"),
    },
    "cli_export": {"core", "session"},
    "cli_bundle": {"core", "session"},
    "cli_community": {"core", "session"},
    "cli_import": {"core", "session"},
    "cli_network": {"core", "session"},
    "cli_records": {"core", "session", "cli_community", "cli_status"},
    "cli_status": {"core", "session"},
    "cli_sync": {"core", "session"},
    "cli_upgrade": {"core", "session"},
    "cli_report_texts": {"core", "session"},
    "app": {"core", "session", "ui", "selftest"},
    # --self-test of both programs: a store through the Session, the documents and the fonts
    # the PDF writer embeds (reports/fonts.py), in a temporary folder; the window's checks
    # are ui/selftest/window.py, imported by name (the commands' program may have no Qt).
    "selftest": {"core", "session", "reports"},
}

# The imports a box's arrows do not allow but that are made on purpose, each with its
# reason: (the importing module, under danvan_desktop/; the imported module) -> why.
# Keep them few and honest; one that is no longer imported must be removed.
_PREVIEW = "the preview is a renderer of the document model, like the DOCX/PDF ones"
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("ui/reports/report_preview.py", "danvan_desktop.reports.common"): _PREVIEW,
    ("ui/reports/report_preview.py", "danvan_desktop.reports.document"): _PREVIEW,
    ("ui/reports/report_preview.py", "danvan_desktop.reports.presets"): _PREVIEW,
}
THIRD_PARTY_FORBIDDEN: dict[str, set[str]] = {
    "core": {"*"},  # standard library only
    "store": {"PySide6", "requests"},
    "usb": {"PySide6", "requests", "sqlite_utils"},
    "sync": {"PySide6"},
    "reports": {"PySide6.QtWidgets"},
    "importing": {"PySide6", "requests"},
    "session": {"PySide6"},
    "cli": {"PySide6"},
    "cli_bundle": {"PySide6"},
    "cli_community": {"PySide6"},
    "cli_import": {"PySide6"},
    "cli_sync": {"PySide6"},
    "updates": {"PySide6", "requests", "sqlite_utils"},
    "cli_network": {"PySide6"},
    "cli_records": {"PySide6"},
    "cli_status": {"PySide6"},
    "cli_export": {"PySide6"},
    "cli_report_texts": {"PySide6"},
    "selftest": {"PySide6"},  # the window's checks are ui/selftest/window.py
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


def _excepted(path: Path, name: str) -> bool:
    """Whether EXCEPTIONS lets ``path`` import ``name`` (the module or a name of it)."""
    importer = path.relative_to(DESKTOP).as_posix()
    return any(
        importer == where and (name == module or name.startswith(module + "."))
        for where, module in EXCEPTIONS
    )


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
                assert target in allowed or _excepted(path, name), (
                    f"{path.name} ({box}) imports {name}"
                )
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


def test_every_exception_is_still_needed() -> None:
    """Each entry of EXCEPTIONS names an import that is still made, against the arrows."""
    for (where, module), reason in EXCEPTIONS.items():
        path = DESKTOP / where
        assert reason, (where, module)
        assert path.is_file(), f"EXCEPTIONS names {where}, which is gone: remove the entry"
        assert module.split(".")[1] not in ALLOWED.get(_box_of(path), set()), (where, module)
        used = [n for n in _imports(path) if n == module or n.startswith(module + ".")]
        assert used, f"{where} no longer imports {module}: remove it from EXCEPTIONS"


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
    # publishing a release checks its signature with the laptop's own code and keys
    "danvan_desktop.updates.manifest",
    "danvan_desktop.updates.keys",
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
    paths = [DESKTOP / "sync" / "protocol.py", *(DESKTOP / "sync" / "bundle_format").glob("*.py")]
    assert len(paths) > 2, "the bundle format is a package"
    for path in paths:
        ours = [n for n in _imports(path) if n.startswith("danvan_desktop.")]
        allowed = ("danvan_desktop.core", "danvan_desktop.sync.bundle_format")
        assert all(n.startswith(allowed) for n in ours), (path.name, ours)


def test_the_checker_catches_a_bad_import(tmp_path: Path) -> None:
    """The import scan sees `from danvan_desktop.ui import x` in a store module."""
    bad = tmp_path / "bad.py"
    bad.write_text("from danvan_desktop.ui import main_window\nimport PySide6.QtWidgets\n")
    names = _imports(bad)
    assert "danvan_desktop.ui" in names and "PySide6.QtWidgets" in names


# -- no import circles ------------------------------------------------------------------


def _module_names(root: Path) -> dict[str, Path]:
    """Every module under ``root`` (a folder holding packages) by its dotted name."""
    modules: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            modules[".".join(parts)] = path
    return modules


def _imported_names(path: Path, module: str) -> list[str]:
    """Every name ``module`` imports (top level, in functions, under TYPE_CHECKING),
    relative imports made absolute; ``from pkg import x`` gives ``pkg`` and ``pkg.x``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def _import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules under ``root`` it imports (a name of a module counts as the
    module; ``from pkg import name`` as ``pkg.name`` when that is a module, and ``pkg``)."""
    modules = _module_names(root)

    def ours(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = {ours(name) for name in _imported_names(path, module)}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, each sorted (Tarjan's
    algorithm, iterative: no recursion limit on long import chains)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)

    for root in sorted(graph):
        if root in index:
            continue
        visit(root)
        work = [(root, iter(sorted(graph[root])))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    visit(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return sorted(circles)


def test_no_import_circles() -> None:
    """No module of src/ imports, itself or through others, a module that imports it back;
    every import counts (in functions and under TYPE_CHECKING too). A shared piece moves
    down a level instead: a small module both sides import."""
    circles = _circles(_import_graph(SRC))
    assert circles == [], "import circles:\n" + "\n".join(" <-> ".join(c) for c in circles)


def test_the_circle_check_catches_circles(tmp_path: Path) -> None:
    """A circle through a package's __init__, a function-level import and a TYPE_CHECKING
    one is found, and so is one of relative imports; a mere chain is not a circle."""
    files = {
        "pkg/__init__.py": "from pkg.a import thing\n",
        "pkg/a.py": "def thing() -> None:\n    from pkg.sub import b\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/b.py": (
            "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from pkg import thing\n"
        ),
        "pkg/c.py": "from . import a\n",
        "pkg/d.py": "import pkg.c\n",
        "pkg/e.py": "from .f import y\n",
        "pkg/f.py": "from . import e\n\ny = 1\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert _circles(_import_graph(tmp_path)) == [["pkg", "pkg.a", "pkg.sub.b"], ["pkg.e", "pkg.f"]]
    (tmp_path / "pkg/sub/b.py").write_text("", encoding="utf-8")
    assert _circles(_import_graph(tmp_path)) == [["pkg.e", "pkg.f"]]
