"""``danvan-desktop``: the composition root of the desktop application.

Builds the few long-lived objects (the Qt application, the bundled font, the
translations, the task runner, the event bus, the start-up controller) and hands
them to each other; nothing below reaches for a global. The data folder is
``--data-dir``, else ``DANVAN_DATA_DIR``, else the platform's per-user folder
(the same rule as the ``danvan`` commands).

For smoke tests of an installed build, ``DANVAN_EXIT_AFTER_MS=<ms>`` makes the
application quit by itself (exit code 0) that many milliseconds after start,
whatever window is open then (first-run wizard, main window, a dialog).

For tests only, ``DANVAN_TEST_SCRIPT=<file.py>`` runs that file on the GUI thread
once the main window is up (the autosave crash test types minutes this way while
it kills the process); it is never set outside the tests.
"""

from __future__ import annotations

import argparse
import logging
import os
import runpy
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop.core.build_info import add_version_argument
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.private_files import PrivateFileHandler, private_dir, tighten
from danvan_desktop.ui.app_controller import AppController, StartOptions
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations, register_fonts
from danvan_desktop.ui.task_runner import TaskRunner

APP_DIR_NAME = "danvan-desktop"  # as cli.APP_DIR_NAME: one data folder for both
PAGES = (
    "overview",
    "models",
    "meetings",
    "tasks",
    "team",
    "exemplars",
    "handbook",
    "reports",
    "sync",
    "settings",
)
READY_LINE = "DANVAN_READY"
TEST_SCRIPT_ENV = "DANVAN_TEST_SCRIPT"  # test-only hook, see _run_test_script
LOG_LIMIT_BYTES = 1_000_000
EXIT_AFTER_ENV = "DANVAN_EXIT_AFTER_MS"
# The id of installer/linux's desktop entry: Wayland docks match our windows to it by this name.
DESKTOP_FILE_NAME = "vn.hue.danvan-desktop"


def default_data_dir() -> Path:
    """``DANVAN_DATA_DIR`` or the platform's per-user data folder."""
    env = os.environ.get("DANVAN_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs  # only when no folder is given: it is not needed to start otherwise

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``danvan-desktop``."""
    parser = argparse.ArgumentParser(
        prog="danvan-desktop",
        description=tr("app", "Dân vận khéo: ứng dụng của tổ dân vận thôn, tổ dân phố."),
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help=tr("app", "thư mục dữ liệu của tổ")
    )
    parser.add_argument(
        "--page", choices=PAGES, default="overview", help=tr("app", "trang mở đầu tiên")
    )
    add_version_argument(parser)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=tr("app", "kiểm tra bản cài đặt trong một thư mục tạm rồi thoát"),
    )
    # For bench/gui.py, the crash test and docs/install.md: say when the start page has
    # painted (the model list: its first rows) and whether the full check ran, optionally
    # quitting then.
    parser.add_argument("--report-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


def configure_logging(data_dir: Path) -> Path | None:
    """Log warnings and errors (with tracebacks) to ``<data-dir>/logs/gui.log``.

    The log is started afresh when it passes 1 MB (the previous one is kept as
    ``gui.log.1``), so it never grows without bound. This runs before the store opens
    (and tightens the data folder): the folders are made 0700 and the logs 0600 here.
    """
    try:
        folder = private_dir(data_dir / "logs")
    except OSError:
        return None
    path = folder / "gui.log"
    try:
        rotated = path.with_name("gui.log.1")
        if path.exists() and path.stat().st_size > LOG_LIMIT_BYTES:
            os.replace(path, rotated)
        tighten(rotated)  # an older release made it 0644
        handler = PrivateFileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    previous_hook = sys.excepthook

    def log_unhandled(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        # Errors raised in Qt slots on the GUI thread end here: keep their traceback.
        root.error("unhandled error on the GUI thread", exc_info=(kind, error, trace))
        previous_hook(kind, error, trace)

    sys.excepthook = log_unhandled
    return path


def _report_ready(
    controller: AppController, app: QApplication, started: float, *, quit_after: bool
) -> None:
    """Print READY_LINE once, when the start page has painted.

    A page that says when its rows are on screen (the model list's
    ``first_page_painted``) is heard at once; every other page when the window's
    own ``first_painted`` comes. Only the page shown is asked: a page made hidden
    never paints, and waiting for it would hang.
    """
    said: list[bool] = []

    def painted() -> None:
        if said:  # once: the window's signal follows the page's, a rebuilt window repeats
            return
        said.append(True)
        check = "full" if controller.check_report is not None else "none"
        print(f"{READY_LINE} {time.perf_counter() - started:.3f} check={check}", flush=True)
        if quit_after:
            QTimer.singleShot(0, app.quit)

    def window_shown(window: object) -> None:
        page = window.current_page()  # type: ignore[attr-defined]
        page_painted = getattr(page, "first_page_painted", None)
        if page_painted is not None:
            page_painted.connect(painted)
        window.first_painted.connect(painted)  # type: ignore[attr-defined]

    controller.main_window_shown.connect(window_shown)


def _run_test_script(controller: AppController, app: QApplication) -> None:
    """Test-only: run the Python file named by ``DANVAN_TEST_SCRIPT`` once the window is up.

    Crash tests (tests/ui/test_autosave_crash.py) drive the real program this way: the
    file runs on the GUI thread with ``controller``, ``window`` and ``app`` as globals
    and sets up timers to type, while the test kills the process. Nothing happens when
    the variable is unset, as it always is outside the tests.
    """
    path = os.environ.get(TEST_SCRIPT_ENV)
    if not path:
        return
    ran: list[bool] = []

    def window_shown(window: object) -> None:
        if not ran:  # once: a language change rebuilds the window
            ran.append(True)
            globals_ = {"controller": controller, "window": window, "app": app}
            runpy.run_path(path, init_globals=globals_, run_name="__main__")

    controller.main_window_shown.connect(window_shown)


def _give_windowed_app_streams() -> None:
    """A frozen app without a console has no stdout/stderr: give argparse somewhere to write."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives with the app
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def exit_after_ms() -> int | None:
    """The delay after which a smoke test wants the app to quit (``DANVAN_EXIT_AFTER_MS``)."""
    raw = os.environ.get(EXIT_AFTER_ENV, "").strip()
    return int(raw) if raw.isdecimal() and int(raw) > 0 else None


def _app_icon() -> QIcon:
    """The application icon in every size shipped in ``resources/icons``."""
    icon = QIcon()
    for path in sorted((resources_dir() / "icons").glob("danvan-desktop-*.png")):
        icon.addFile(str(path))
    return icon


def _switch_release(data_dir: Path) -> str | None:
    """Install a release the leader agreed to (restarting into it), then the last switch's
    outcome to tell once. Only a stat when nothing waits."""
    from danvan_desktop.session import release_switch

    if release_switch.switch_waiting(data_dir):
        release_switch.install_waiting_release(data_dir, sys.argv)
    try:
        return release_switch.untold_switch_message(data_dir)
    except OSError:
        return None


def _show_switch_notice(message: str | None) -> QMessageBox | None:
    """The last update's outcome in a small box that does not block the window."""
    if message is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, tr("app", "Cập nhật Dân vận khéo"), message)
    box.setModal(False)
    box.show()
    return box


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application; returns its exit code."""
    started = time.perf_counter()
    _give_windowed_app_streams()
    args = build_parser().parse_args(argv)
    if args.self_test:  # before anything touches the data folder
        from danvan_desktop.selftest import run_self_test
        from danvan_desktop.ui.selftest.window import checks

        return run_self_test("desktop", window_checks=checks)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    log_path = configure_logging(data_dir)
    switch_message = _switch_release(data_dir)  # before the store opens (issue 20)
    # High DPI: Qt 6 scales by the screen's exact factor (PassThrough) by itself.
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Dân vận khéo")
    app.setQuitOnLastWindowClosed(False)  # between the wizard and the window, none is open
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(_app_icon())
    register_fonts(app)
    translations = Translations(app)  # the stored language is applied once the store is open
    runner = TaskRunner()
    bus = EventBus()
    options = StartOptions(data_dir=data_dir, start_page=args.page, log_path=log_path)
    controller = AppController(runner, bus, translations, options)
    controller.finished.connect(app.quit)
    app.aboutToQuit.connect(runner.shutdown)
    if args.report_ready:
        _report_ready(controller, app, started, quit_after=args.quit_when_ready)
    _run_test_script(controller, app)
    quit_after = exit_after_ms()
    if quit_after is not None:
        QTimer.singleShot(quit_after, app.quit)
    controller.start()
    notice = _show_switch_notice(switch_message)  # noqa: F841 - kept alive while it shows
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
