"""Render every page of the desktop application with demo data into docs/screenshots/.

Usage::

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py [--data-dir DIR] [--out DIR]
        [--size 1366x768] [--language vi|en]

Without ``--data-dir`` a demo team in Phường Phú Xuân, Huế, is made in a
temporary folder and filled with ``Session.fill_demo(size="small")``. Each page
is shown in a window the size of a small laptop screen (1366×768 by default),
its background reads are waited for, and the window is grabbed to a PNG. The
first-run wizard (on an empty folder) and the model form are included.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from danvan_desktop.session import Session
from danvan_desktop.ui.app_controller import AppController, StartOptions
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations, register_fonts
from danvan_desktop.ui.tasks import TaskRunner

HERE = Path(__file__).parent
PHU_XUAN = 19768


def make_demo(data_dir: Path) -> Path:
    """A demo team with a year of work (the small demo set)."""
    session = Session.open(data_dir, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=PHU_XUAN,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
            leader_phone="0905 123 456",
        )
        session.fill_demo(size="small")
        add_readings(session)
    finally:
        session.close()
    return data_dir


def add_readings(session: Session) -> None:
    """A few indicator readings on every model, so the results tab has something to show."""
    for model in session.list_records("model"):
        for month, (days, metres) in enumerate(((40, 120.0), (85, 260.5), (130, 410.0)), 1):
            day = f"2026-{month * 3:02d}-15"
            session.add_record(
                "indicator_reading",
                model_id=model["id"],
                indicator="Số ngày công đóng góp",
                unit_label="ngày công",
                value=days,
                read_on=day,
            )
            session.add_record(
                "indicator_reading",
                model_id=model["id"],
                indicator="Đường bê tông làm mới",
                unit_label="mét",
                value=metres,
                read_on=day,
            )


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    """Run the event loop until ``condition`` holds."""
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the page did not finish loading")
        wait(20)
        waited += 20


def round_trip(runner: TaskRunner, lane: str) -> None:
    """Wait until a no-op queued now on ``lane`` has come back (so has all before it)."""
    done: list[bool] = []

    def mark(_value: object) -> None:
        done.append(True)

    runner.run(lane, lambda ctx: None, on_done=mark)
    wait_until(lambda: bool(done))


def settle(runner: TaskRunner) -> None:
    """Wait until the jobs queued so far on the DB and read lanes have come back."""
    for _ in range(2):
        for lane in ("db", "read"):
            round_trip(runner, lane)
    wait(150)  # debounced refreshes and the last paint


def save(widget: QWidget, path: Path) -> None:
    """Grab ``widget`` into a PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def shoot_pages(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """One PNG per page of the main window."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    for number, key in enumerate(window.page_keys(), start=1):
        window.show_page(key)
        settle(controller.runner)
        save(window, out / f"{number:02d}-{key}.png")


def shoot_model_form(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The form of the first model in the list, and its indicator tab."""
    window = controller.window
    assert window is not None
    page: Any = window.show_page("models")
    settle(controller.runner)
    page.table.selectRow(0)
    record_id = page.table_model.record_id(0)
    dialog = page.open_form(record_id)
    dialog.resize(920, 700)  # its size on a 1366×768 screen (the offscreen screen is smaller)
    wait_until(dialog.isEnabled)
    settle(controller.runner)
    save(dialog, out / "11-model-form.png")
    dialog.tabs.setCurrentIndex(1)
    settle(controller.runner)
    save(dialog, out / "12-model-form-indicators.png")
    page.search.setText("duong hoa")
    dialog.close()
    settle(controller.runner)
    wait(300)
    settle(controller.runner)
    window.resize(*size)
    save(window, out / "13-models-search.png")


def shoot_wizard(app: QApplication, out: Path, language: str) -> None:
    """The first-run wizard on an empty folder, its first page filled in."""
    runner = TaskRunner()
    bus = EventBus()
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        controller = AppController(runner, bus, translations, StartOptions(Path(tmp) / "data"))
        controller.start()
        wait_until(lambda: controller.wizard is not None)
        wizard: Any = controller.wizard
        translations.apply(language)
        wizard.place_page.village.setText("Tổ dân phố 5")
        wait(100)
        save(wizard, out / "00-first-run-wizard.png")
        wizard.close()
        runner.shutdown()


def main() -> int:
    """Render the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--language", choices=("vi", "en"), default="vi")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication(sys.argv[:1])
    register_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or make_demo(Path(tmp) / "demo")
        shoot_wizard(app, args.out, args.language)
        runner = TaskRunner()
        bus = EventBus()
        translations = Translations(app)
        options = StartOptions(data_dir, auto_backup_delay_ms=3_600_000)
        controller = AppController(runner, bus, translations, options)
        controller.start()
        wait_until(lambda: controller.window is not None)
        translations.apply(args.language)
        if args.language != "vi":
            controller.change_language(args.language)
        shoot_pages(controller, args.out, (width, height))
        shoot_model_form(controller, args.out, (width, height))
        runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
