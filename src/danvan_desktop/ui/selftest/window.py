"""Self-test: the window's part (Qt), for ``danvan-desktop --self-test``.

The rest of the self-test (``selftest/``) has no Qt: it names this module and imports it
by name, so the commands' program of a bundle, built without Qt, can skip it.

The UI font registers and covers Vietnamese; every compiled translation loads and
translates (our English, Qt's own buttons in Vietnamese); and the main window,
started by the real start-up controller on the self-test's store, paints its model
list. The window is drawn offscreen when there is no display (or always, for the
commands' variant): the check is of our code and Qt's, not of a screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication

from danvan_desktop.core import i18n
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.selftest_outcome import VIETNAMESE_LETTERS, Outcome, failed, passed

WINDOW_TIMEOUT_MS = 30_000
START_PAGE = "models"  # it says when its rows are on screen (first_page_painted)
NEVER_MS = 24 * 3600 * 1000  # no automatic backup of the test store
# (file, context, source, translation): one known string of each kind of catalogue.
KNOWN_ENGLISH = ("ui_en.qm", "MainWindow", "Tổng quan", "Overview")
KNOWN_QT_VIETNAMESE = ("qtbase_vi.qm", "QPlatformTheme", "Cancel", "Hủy")


def has_display() -> bool:
    """Whether a screen is there to draw on (on Linux: an X11 or Wayland display)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def application(*, offscreen: bool) -> QApplication:
    """The running QApplication, or a new one (offscreen when asked or without a display)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if "QT_QPA_PLATFORM" not in os.environ and (offscreen or not has_display()):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(sys.argv[:1] or ["danvan-desktop"])


def ui_font(app: QApplication) -> Outcome:
    """Every face of the UI font is there, registers, and covers Vietnamese."""
    from danvan_desktop.ui.look import UI_FONT_FAMILY, UI_FONT_FILES, register_fonts

    folder = resources_dir() / "fonts"
    absent = [name for name in UI_FONT_FILES if not (folder / name).is_file()]
    if absent:
        return failed(
            tr("SelfTest", "phông chữ giao diện: thiếu tệp {names}", names=", ".join(absent))
        )
    family = register_fonts(app)
    if family != UI_FONT_FAMILY:
        return failed(
            tr("SelfTest", "phông chữ giao diện: không nạp được {family}", family=UI_FONT_FAMILY)
        )
    metrics = QFontMetrics(QFont(family))
    missing = "".join(c for c in VIETNAMESE_LETTERS if not metrics.inFontUcs4(ord(c)))
    if missing:
        return failed(
            tr("SelfTest", "phông chữ giao diện: {family} thiếu chữ {letters}", family=family,
               letters=missing)
        )  # fmt: skip
    return passed(tr("SelfTest", "phông chữ giao diện: {family} đủ tiếng Việt", family=family))


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)) or translator.isEmpty():
        return None
    return translator


def _translations(files: list[Path], known: tuple[str, str, str, str], what: str) -> Outcome:
    """Each file loads; the one named in ``known`` translates its string as expected."""
    if not files:
        return failed(tr("SelfTest", "{what}: không có tệp .qm nào", what=what))
    for path in files:
        translator = _load(path)
        if translator is None:
            return failed(
                tr("SelfTest", "{what}: không nạp được {name}", what=what, name=path.name)
            )
        name, context, source, expected = known
        if path.name == name and translator.translate(context, source) != expected:
            return failed(
                tr(
                    "SelfTest",
                    "{what}: {name} dịch «{source}» không ra «{expected}»",
                    what=what,
                    name=name,
                    source=source,
                    expected=expected,
                )
            )
    names = ", ".join(path.name for path in files)
    return passed(tr("SelfTest", "{what}: đã nạp {names}", what=what, names=names))


def qt_translations() -> Iterator[Outcome]:
    """Our English (one .qm per ui*_en.ts) and Qt's own Vietnamese load and translate."""
    from danvan_desktop.ui.look import qm_files, translations_dir

    folder = translations_dir()
    english = {*qm_files("en"), *(folder / f"{ts.stem}.qm" for ts in folder.glob("ui*_en.ts"))}
    if not any(path.name == KNOWN_ENGLISH[0] for path in english):
        english.add(folder / KNOWN_ENGLISH[0])
    yield _translations(
        sorted(english), KNOWN_ENGLISH, tr("SelfTest", "bản dịch tiếng Anh của cửa sổ")
    )
    yield _translations(
        qm_files("vi"), KNOWN_QT_VIETNAMESE, tr("SelfTest", "bản dịch tiếng Việt của Qt")
    )


class _PaintWatcher(QObject):
    """Notes whether the watched widget has received a paint event."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note a paint; let every event through."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def main_window(app: QApplication, data_dir: Path | None) -> Outcome:
    """Start the real controller on the test store; the model list must paint in time."""
    if data_dir is None:
        return failed(tr("SelfTest", "cửa sổ chính: không có kho dữ liệu thử để mở"))
    from danvan_desktop.ui.app_controller import AppController, StartOptions
    from danvan_desktop.ui.events import EventBus
    from danvan_desktop.ui.look import Translations
    from danvan_desktop.ui.task_runner import TaskRunner

    language = i18n.current_language()  # the controller applies the store's language
    runner = TaskRunner()
    options = StartOptions(
        data_dir=data_dir, start_page=START_PAGE, auto_backup_delay_ms=NEVER_MS,
        watch_network=False,
    )  # fmt: skip
    controller = AppController(runner, EventBus(), Translations(app), options)
    loop = QEventLoop()
    ended: list[Any] = []
    watchers: list[_PaintWatcher] = []

    def end(what: Any) -> None:
        if not ended:
            ended.append(what)
            loop.quit()

    def shown(window: Any) -> None:
        watcher = _PaintWatcher(window)
        window.installEventFilter(watcher)
        watchers.append(watcher)
        page_painted = getattr(window.current_page(), "first_page_painted", None)
        if page_painted is None:
            end("no signal")
        else:
            page_painted.connect(lambda: end("painted"))

    controller.main_window_shown.connect(shown)
    controller.wizard_shown.connect(lambda _: end("wizard"))
    controller.recovery_shown.connect(lambda _: end("recovery"))
    runner.failed.connect(end)
    timer = QTimer(singleShot=True, interval=WINDOW_TIMEOUT_MS)
    timer.timeout.connect(lambda: end("timeout"))
    timer.start()
    try:
        controller.start()
        loop.exec()
    finally:
        timer.stop()
        for widget in (controller.window, controller.wizard, controller.recovery):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        runner.shutdown()
        i18n.set_language(language)
    return _window_outcome(ended[0] if ended else "timeout", bool(watchers and watchers[0].painted))


def _window_outcome(what: Any, painted: bool) -> Outcome:
    platform = QGuiApplication.platformName()
    if what == "painted" and painted:
        return passed(
            tr("SelfTest", "cửa sổ chính: đã mở và vẽ xong danh sách mô hình ({platform})",
               platform=platform)
        )  # fmt: skip
    if what == "painted":
        return failed(tr("SelfTest", "cửa sổ chính: danh sách báo đã vẽ nhưng cửa sổ chưa được vẽ"))
    if what == "timeout":
        seconds = WINDOW_TIMEOUT_MS // 1000
        return failed(
            tr("SelfTest", "cửa sổ chính: chưa vẽ xong sau {seconds} giây", seconds=seconds)
        )
    if what == "wizard":
        return failed(
            tr("SelfTest", "cửa sổ chính: kho thử không mở được, hiện trình cài đặt ban đầu")
        )
    if what == "recovery":
        return failed(tr("SelfTest", "cửa sổ chính: kho thử không mở được, hiện hộp khôi phục"))
    if what == "no signal":
        return failed(tr("SelfTest", "cửa sổ chính: trang mô hình không báo đã vẽ"))
    return failed(
        tr("SelfTest", "cửa sổ chính: lỗi khi mở ({error})", error=f"{type(what).__name__}: {what}")
    )


def checks(data_dir: Path | None, *, offscreen: bool) -> Iterator[Outcome]:
    """The window's checks, in order: font, translations, the main window."""
    app = application(offscreen=offscreen)
    yield ui_font(app)
    yield from qt_translations()
    yield main_window(app, data_dir)
