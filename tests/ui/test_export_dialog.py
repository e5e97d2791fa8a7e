"""The export dialog, driven as a user would: sticks, file name, formats, number, cancel.

The sticks are real file systems mounted for the test (tmpfs; remounted read-only
for a locked stick, sized small for a full one) through the usb tests' Mounts.
What cannot run here is the detection of a plugged-in USB stick, so the list of
removable volumes is given as recorded ``Volume`` values pointing at those mounts.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from danvan_desktop.reports.builders import report_kind
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.reports.export_dialog import ExportDialog
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.usb import Volume
from reports.builder_records import ISSUED, team_quarter
from reports.report_tools import flat, pdf_text
from usb.conftest import Mounts

from .helpers import WAIT_MS, call, make_team_dir, type_text

QUARTER = {"period": "quarter", "quarter": 1, "year": 2026, "issued_on": ISSUED, "preset": "state"}
NAME = "Báo cáo kết quả công tác dân vận quý I năm 2026"
GB = 1024**3


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A team's folder holding its first quarter of 2026."""
    return make_team_dir(tmp_path / "data", team_quarter)


@pytest.fixture
def sticks(tmp_path: Path) -> Iterator[Mounts]:
    """Test file systems, all unmounted afterwards."""
    made = Mounts(tmp_path / "mnt")
    made.base.mkdir()
    try:
        yield made
    finally:
        made.close()


def stick_volume(point: Path, label: str = "DANVAN", read_only: bool = False) -> Volume:
    """The volume the system would report for a stick mounted at ``point``."""
    usage = shutil.disk_usage(point)
    return Volume(point, label, "vfat", usage.total, usage.free, True, read_only, "/dev/sdz1")


def open_dialog(
    qtbot: QtBot,
    runner: TaskRunner,
    volumes: list[Volume] | None = None,
    *,
    kind: str = "periodic_report",
    params: dict[str, Any] | None = None,
) -> ExportDialog:
    """The dialog for the team's first-quarter report, its places listed."""
    listed = [] if volumes is None else volumes
    dialog = ExportDialog(
        runner,
        kind=report_kind(kind),
        params=QUARTER if params is None else params,
        subtitle="Kết quả công tác dân vận quý I năm 2026",
        suggested_name=NAME,
        list_volumes=lambda: list(listed),
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.places_loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog) -> list[Any]:
    """Click «Xuất» and wait for the outcome; returns the written files (or [])."""
    outcome: list[Any] = []
    dialog.exported.connect(outcome.extend)
    dialog.export_failed.connect(lambda _m: outcome.append(None))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    return [one for one in outcome if one is not None]


def test_sticks_are_listed_with_free_space_and_read_only_marked(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """Each stick shows label, folder and free space; a locked one says it cannot be written."""
    volumes = [
        Volume(tmp_path, "KINGSTON", "vfat", 16 * GB, int(7.5 * GB), True, False, "/dev/sdb1"),
        Volume(tmp_path / "b", "", "exfat", 8 * GB, 2 * GB, True, True, "/dev/sdc1"),
    ]
    dialog = open_dialog(qtbot, open_runner, volumes)
    texts = [dialog.places.item(row).text() for row in range(dialog.places.count())]
    assert texts == [
        f"KINGSTON ({tmp_path}) — trống 7,5 GB / 16,0 GB",
        f"b ({tmp_path / 'b'}) — trống 2,0 GB / 8,0 GB — chỉ đọc, không ghi được",
    ]
    assert dialog.places.currentRow() == 0
    dialog.places.setCurrentRow(1)
    assert dialog.where.hint.text().startswith("USB này đang ở chế độ chỉ đọc")


def test_no_stick_says_what_to_do(qtbot: QtBot, open_runner: TaskRunner) -> None:
    """With nothing plugged in the dialog says so, and nothing can be exported yet."""
    dialog = open_dialog(qtbot, open_runner, [])
    assert dialog.where.hint.text() == (
        "Chưa thấy USB nào: hãy cắm USB rồi bấm «Làm mới danh sách USB», hoặc bấm «Thư mục khác…»."
    )
    assert not dialog.export_button.isEnabled()


def test_refresh_lists_a_stick_plugged_in_later(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """«Làm mới danh sách USB» reads the sticks again and selects the new one."""
    plugged: list[Volume] = []
    dialog = open_dialog(qtbot, open_runner, plugged)
    plugged.append(stick_volume(tmp_path, "KINGSTON"))
    with qtbot.waitSignal(dialog.places_loaded, timeout=WAIT_MS):
        dialog.where.refresh_button.click()
    assert dialog.places.count() == 1
    assert dialog.places.chosen() is not None and dialog.places.chosen().path == tmp_path
    assert dialog.export_button.isEnabled()


def test_bad_file_name_is_explained_beside_the_field(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """A «:» typed into the name shows why beside the field and blocks the export."""
    dialog = open_dialog(qtbot, open_runner, [stick_volume(tmp_path)])
    dialog.name.clear()
    type_text(dialog.name, "Báo cáo: quý 1")
    assert dialog.name_error.isVisible()
    assert dialog.name_error.text() == (
        "Tên tệp không được chứa ký tự :. Hãy bỏ các ký tự này hoặc thay bằng dấu gạch ngang (-)."
    )
    assert not dialog.export_button.isEnabled()
    dialog.name.setText("Báo cáo quý 1")
    assert not dialog.name_error.isVisible()
    assert dialog.export_button.isEnabled()


def test_docx_and_pdf_are_written_and_safe_to_remove(
    qtbot: QtBot, open_runner: TaskRunner, sticks: Mounts
) -> None:
    """Both files are on the stick and read back; «An toàn để rút USB» only after success."""
    stick = sticks.tmpfs("8m")
    dialog = open_dialog(qtbot, open_runner, [stick_volume(stick)])
    dialog.formats["pdf"].setChecked(True)
    assert not dialog.safe.isVisible()
    written = export(qtbot, dialog)
    assert sorted(p.name for p in stick.iterdir()) == [f"{NAME}.docx", f"{NAME}.pdf"]
    assert [w.safe_to_remove for w in written] == [True, True]
    assert dialog.safe.isVisible() and dialog.safe.text() == "An toàn để rút USB."
    paragraphs = [p.text for p in docx.Document(str(stick / f"{NAME}.docx")).paragraphs]
    assert "Kết quả công tác dân vận quý I năm 2026" in paragraphs
    assert "Kết quả công tác dân vận quý I năm 2026" in flat(pdf_text(stick / f"{NAME}.pdf"))


def test_read_only_stick_gives_the_reason_and_no_file(
    qtbot: QtBot, open_runner: TaskRunner, sticks: Mounts
) -> None:
    """A locked stick: the message says how to unlock it, nothing is written, retry is open."""
    stick = sticks.tmpfs("4m")
    sticks.remount_read_only(stick)
    dialog = open_dialog(qtbot, open_runner, [stick_volume(stick)])
    assert export(qtbot, dialog) == []
    assert dialog.status.text() == (
        f"Không ghi được vào {stick} vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa chống ghi trên "
        "USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, hoặc chọn USB khác."
    )
    assert list(stick.iterdir()) == []
    assert not dialog.safe.isVisible()
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_full_stick_names_the_sizes(qtbot: QtBot, open_runner: TaskRunner, sticks: Mounts) -> None:
    """A stick without room: the message names what is needed and what is free."""
    stick = sticks.tmpfs("16k")
    dialog = open_dialog(qtbot, open_runner, [stick_volume(stick)])
    dialog.formats["docx"].setChecked(False)
    dialog.formats["pdf"].setChecked(True)
    assert export(qtbot, dialog) == []
    assert dialog.status.text().startswith(f"USB không đủ chỗ trống để ghi tệp {NAME}.pdf: cần ")
    assert list(stick.iterdir()) == []


def test_issuing_numbers_every_format_alike(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """DOCX and PDF issued together carry the same number, which leads both names."""
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, open_runner, [stick_volume(out)])
    dialog.formats["pdf"].setChecked(True)
    dialog.issue.setChecked(True)
    export(qtbot, dialog)
    assert sorted(p.name for p in out.iterdir()) == [
        f"01-BC-TDV {NAME}.docx",
        f"01-BC-TDV {NAME}.pdf",
    ]
    assert docx.Document(str(out / f"01-BC-TDV {NAME}.docx")).tables[0].cell(1, 0).text == (
        "Số: 01/BC-TDV"
    )
    assert "Số: 01/BC-TDV" in flat(pdf_text(out / f"01-BC-TDV {NAME}.pdf"))


def test_cancel_mid_export_leaves_no_file_and_gives_the_number_back(
    qtbot: QtBot, open_runner: TaskRunner, sticks: Mounts
) -> None:
    """Cancelled while the PDF is made (the DOCX already written): no file stays, and the
    next issued report still gets number 01."""
    stick = sticks.tmpfs("8m")
    dialog = open_dialog(qtbot, open_runner, [stick_volume(stick)])
    dialog.formats["pdf"].setChecked(True)
    dialog.issue.setChecked(True)
    paused, release = threading.Event(), threading.Event()

    def pause_at_pdf(_done: int, text: str) -> None:
        if text.startswith("PDF") and not paused.is_set():
            paused.set()
            release.wait(WAIT_MS / 1000)

    dialog.step_hook = pause_at_pdf
    with qtbot.waitSignal(dialog.export_failed, timeout=WAIT_MS) as failed:
        dialog.export_button.click()
        qtbot.waitUntil(paused.is_set, timeout=WAIT_MS)
        assert [p.name for p in stick.iterdir()] == [f"01-BC-TDV {NAME}.docx"]
        assert dialog.cancel_button.isEnabled() and not dialog.close_button.isEnabled()
        dialog.cancel_button.click()
        release.set()
    assert failed.args == ["Đã hủy xuất tệp; không có tệp nào được ghi."]
    assert list(stick.iterdir()) == []
    dialog.step_hook = None
    dialog.formats["pdf"].setChecked(False)
    export(qtbot, dialog)
    assert [p.name for p in stick.iterdir()] == [f"01-BC-TDV {NAME}.docx"]


def test_last_target_is_remembered(qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path) -> None:
    """A folder chosen with «Thư mục khác…» is offered and selected the next time."""
    folder = tmp_path / "Báo cáo gửi phường"
    folder.mkdir()
    first = open_dialog(qtbot, open_runner, [])
    first.choose_folder = lambda: folder
    first.where.folder_button.click()
    export(qtbot, first)
    assert call(qtbot, open_runner, lambda ctx: ctx.session.setting("last_export_dir")) == str(
        folder
    )
    again = open_dialog(qtbot, open_runner, [])
    chosen = again.places.chosen()
    assert chosen is not None and chosen.path == folder
    assert again.places.currentItem().text() == f"Thư mục {folder}"


def test_minutes_offer_no_spreadsheet_and_no_number(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """Minutes come as Word or PDF only, and carry the meeting's own number."""
    params = {"id": "unused", "preset": "state", "issued_on": dt.date(2026, 4, 6)}
    dialog = open_dialog(qtbot, open_runner, [], kind="meeting_minutes", params=params)
    assert list(dialog.formats) == ["docx", "pdf"]
    assert not dialog.issue.isEnabled()


def test_closing_during_an_export_stops_it_first(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """«Đóng» is locked while writing; closing the window asks the export to stop instead."""
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, open_runner, [stick_volume(out)])
    paused, release = threading.Event(), threading.Event()

    def pause_once(_done: int, _text: str) -> None:
        if not paused.is_set():
            paused.set()
            release.wait(WAIT_MS / 1000)

    dialog.step_hook = pause_once
    with qtbot.waitSignal(dialog.export_failed, timeout=WAIT_MS) as failed:
        dialog.export_button.click()
        qtbot.waitUntil(paused.is_set, timeout=WAIT_MS)
        dialog.close()
        assert dialog.isVisible()
        release.set()
    assert failed.args == ["Đã hủy xuất tệp; không có tệp nào được ghi."]
    assert list(out.iterdir()) == []
    dialog.close()
    assert not dialog.isVisible()


def test_dialog_speaks_english(
    qtbot: QtBot, open_runner: TaskRunner, translations: Translations
) -> None:
    """In the English interface the dialog's words are English."""
    translations.apply("en")
    dialog = open_dialog(qtbot, open_runner, [])
    assert dialog.export_button.text() == "Export"
    assert dialog.where.hint.text() == (
        "No USB stick found: plug one in and click «Refresh the USB list», or click "
        "«Another folder…»."
    )


# A 1366×768 screen less a taskbar (40) and the window's title bar (30).
SMALL_SCREEN = QSize(1366, 768 - 40 - 30)


def _settle(qtbot: QtBot, dialog: ExportDialog, size: QSize) -> None:
    """Resize as a window manager would (never below the minimum) until the layout settles."""
    for _ in range(3):
        dialog.resize(size.expandedTo(dialog.minimumSize()))
        qtbot.wait(30)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_stick_hint_stays_under_the_list_on_a_small_screen(
    qtbot: QtBot, open_runner: TaskRunner, translations: Translations, language: str
) -> None:
    """At 1366×768, opened and at its smallest, the «no USB» hint lies under the list."""
    translations.apply(language)
    dialog = open_dialog(qtbot, open_runner, [])
    hint, places = dialog.where.hint, dialog.places
    assert hint.isVisible() and hint.wordWrap()
    for size in (dialog.sizeHint().boundedTo(SMALL_SCREEN), QSize(0, 0)):
        _settle(qtbot, dialog, size)
        assert not hint.geometry().intersects(places.geometry()), (size, dialog.size())
        assert hint.height() >= hint.heightForWidth(hint.width())  # every line shown
    assert dialog.minimumSize().height() <= SMALL_SCREEN.height()
