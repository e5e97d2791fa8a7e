"""Open every page and dialog of the window on a laptop's screen and list what does not fit.

Run as ``python -m ui.layout_walk REPORT.json`` from ``tests/``. The program makes its
own QApplication on the offscreen platform with one 1366×768 screen: a platform's
screen is fixed when the application starts, so this runs in a process of its own (the
test session's screen is 800×800, and dialogs size themselves from the screen). It
builds a demo team's store (``layout_demo``), syncs it for real with the city's server
on loopback, then walks in Vietnamese and, after switching at run time, in English:
every page of the sidebar and every dialog reachable from them (``layout_visits``), the
first-run wizard's pages, and the recovery dialog of a store a crash left damaged.

The report (JSON) holds the misfits found, the windows checked, the dialog and wizard
page classes visited, and every QDialog and QWizardPage class under
``danvan_desktop.ui``, so that a dialog the walk does not open fails the test that
reads it. ``LAYOUT_WALK_SHOTS=DIR`` also
saves a picture of each window checked.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QWizardPage

import danvan_desktop.ui as ui_package
from danvan_desktop.ui.app_controller import AppController, StartOptions
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.first_run_wizard import FirstRunWizard
from danvan_desktop.ui.look import Translations, register_fonts
from danvan_desktop.ui.sync.sync_scheduler import SyncTimings
from danvan_desktop.ui.task_runner import TaskRunner

from .layout_demo import add_sync_history, break_store, make_demo
from .layout_visits import SCREEN, Walk, class_name, settle, visit_window, visit_wizard, wait_until

QUIET = SyncTimings(start_delay_ms=3_600_000, periodic_ms=3_600_000)  # no round of its own


def use_laptop_screen(folder: Path) -> None:
    """Have the offscreen platform show one 1366×768 screen at 96 dpi (before Qt starts)."""
    config = folder / "screen.json"
    width, height = SCREEN
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


@contextmanager
def started(app: QApplication, data_dir: Path) -> Iterator[AppController]:
    """The application controller started on ``data_dir`` (no sync round, no backup)."""
    runner = TaskRunner()
    options = StartOptions(
        data_dir, auto_backup_delay_ms=3_600_000, sync_timings=QUIET, watch_network=False
    )
    controller = AppController(runner, EventBus(), Translations(app), options)
    controller.start()
    try:
        yield controller
    finally:
        for widget in (controller.window, controller.wizard, controller.recovery):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        runner.shutdown()


def dialog_classes() -> list[str]:
    """Every QDialog and QWizardPage class under danvan_desktop.ui that is not a base of another."""
    for info in pkgutil.walk_packages(ui_package.__path__, "danvan_desktop.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("danvan_desktop.ui"):
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, QDialog | QWizardPage) and cls.__module__.startswith(
                    "danvan_desktop.ui"
                ):
                    found.add(cls)
    bases = {base for cls in found for base in cls.__mro__[1:] if base in found}
    return sorted(class_name(cls) for cls in found - bases)


def walk_window_and_wizard(walk: Walk, app: QApplication, demo: Path) -> None:
    """The main window on the demo store, in Vietnamese then English; the wizard in each."""
    with started(app, demo) as controller:
        walk.runner = controller.runner
        wait_until(lambda: controller.window, "the main window")
        for language in ("vi", "en"):
            walk.language = language
            if controller.translations.language != language:
                controller.change_language(language)  # as Cài đặt does: the window is rebuilt
            settle(walk.runner)
            visit_window(walk, controller.window)
            wizard = FirstRunWizard(controller.runner)  # as the controller makes it
            visit_wizard(walk, wizard)
            wizard.deleteLater()


def walk_recovery(walk: Walk, app: QApplication, broken: Path, language: str) -> None:
    """The recovery dialog on a store whose check after a crash fails."""
    walk.language = language
    break_store(broken, language)
    with started(app, broken) as controller:
        walk.runner = controller.runner
        wait_until(lambda: controller.recovery, "the recovery dialog")
        settle(walk.runner)
        assert controller.recovery is not None
        walk.check(controller.recovery, "recovery dialog (the check after a crash failed)")


def run(app: QApplication, folder: Path) -> dict[str, Any]:
    """Walk everything in both languages; the report."""
    walk = Walk()
    demo = make_demo(folder / "demo")
    for language in ("vi", "en"):
        shutil.copytree(demo, folder / f"broken-{language}")
    add_sync_history(demo)
    walk_window_and_wizard(walk, app, demo)
    for language in ("vi", "en"):
        walk_recovery(walk, app, folder / f"broken-{language}", language)
    return {
        "misfits": walk.found,
        "checked": walk.checked,
        "visited": sorted(walk.visited),
        "dialogs": dialog_classes(),
    }


def main(argv: list[str]) -> int:
    """Write the report to the file named by the first argument."""
    out = Path(argv[1])
    with tempfile.TemporaryDirectory(prefix="layout-walk-") as tmp:
        folder = Path(tmp)
        use_laptop_screen(folder)
        app = QApplication(argv[:1])
        register_fonts(app)
        report = run(app, folder)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
