"""Nhập danh sách từ Excel, driven as a leader would: preview, remap a column, confirm, stop,
close; the reading and the preview never on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.importing.import_dialog import ImportDialog
from danvan_desktop.ui.settings.settings_page import SettingsPage
from danvan_desktop.ui.task_runner import TaskRunner
from importing.import_files import member_list, workbook

from .helpers import WAIT_MS, call


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return member_list(tmp_path / "thanh-vien.xlsx")


def _dialog(qtbot: QtBot, runner: TaskRunner, path: Path, bus: EventBus | None = None) -> Any:
    dialog = ImportDialog(runner, bus, entity="member", choose_file=lambda: path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _previewed(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.job_running(), timeout=WAIT_MS)


def _names(runner: TaskRunner, qtbot: QtBot) -> list[str]:
    rows = call(qtbot, runner, lambda ctx: ctx.session.team_members())
    return [r["full_name"] for r in rows]


def test_a_chosen_file_is_previewed_row_by_row(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path
) -> None:
    """The header row below the title, each column's field, every row's outcome."""
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.choose_button.click()
    _previewed(qtbot, dialog)
    assert dialog.header_row.value() == 4
    assert dialog.columns.choice(1).currentText() == "Họ và tên"
    assert dialog.columns.choice(0).currentText() == "(không nhập cột này)"
    model = dialog.preview
    actions = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert actions == ["Cập nhật", "Thêm mới", "Thêm mới", "Thêm mới", "Trùng dòng 9, bỏ qua"]
    assert dialog.summary.text() == (
        "Thêm mới 3, cập nhật 1, đã có 0, trùng 1, có lỗi 0; 1 dòng trống bỏ qua."
    )
    assert dialog.import_button.isEnabled()


def test_reading_and_previewing_run_on_a_lane_not_the_gui_thread(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read and checked on the read lane."""
    threads: list[str] = []
    for name in ("read_import_file", "preview_import"):
        real = getattr(Session, name)

        def spy(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(Session, name, spy)
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.choose_button.click()
    _previewed(qtbot, dialog)
    assert threads and threading.main_thread().name not in threads


def test_a_column_given_another_field_is_previewed_again(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path
) -> None:
    """«Chức vụ» left out: the preview no longer shows it, and the leader's row still matches."""
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.load_file(roster)
    _previewed(qtbot, dialog)
    choice = dialog.columns.choice(3)
    assert choice.currentText() == "Chức vụ"
    choice.setCurrentIndex(choice.findData(""))
    qtbot.waitUntil(lambda: dialog.plan.layout.columns[3].field is None, timeout=WAIT_MS)
    _previewed(qtbot, dialog)
    headings = [dialog.preview.headerData(c, Qt.Orientation.Horizontal)
                for c in range(dialog.preview.columnCount())]  # fmt: skip
    assert "Chức vụ" not in headings
    assert dialog.columns.choice(3).currentText() == "(không nhập cột này)"


def test_confirming_writes_every_row_and_tells_the_pages(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path, bus: EventBus
) -> None:
    """«Nhập» adds the new members and the leader's phone; data_changed names «member»."""
    dialog = _dialog(qtbot, open_runner, roster, bus)
    dialog.load_file(roster)
    _previewed(qtbot, dialog)
    with qtbot.waitSignal(bus.data_changed, timeout=WAIT_MS) as changed:
        dialog.import_button.click()
    assert changed.args == [{"member"}]
    assert dialog.status.text().startswith("Đã nhập: thêm 3, cập nhật 1; 1 dòng không ghi.")
    assert _names(open_runner, qtbot) == [  # the leader, the deputy, then the members
        "Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Hoa", "Hồ Thị Lan"
    ]  # fmt: skip
    assert not dialog.import_button.isEnabled()


def test_an_unticked_update_is_skipped(qtbot: QtBot, open_runner: TaskRunner, roster: Path) -> None:
    """Unticking the leader's row keeps the phone the store has."""
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.load_file(roster)
    _previewed(qtbot, dialog)
    cell = dialog.preview.index(0, 1)
    assert dialog.preview.setData(cell, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()
    leader = call(qtbot, open_runner, lambda ctx: ctx.session.team_members()[0])
    assert leader["phone"] is None


def test_stopping_the_import_writes_nothing(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path
) -> None:
    """«Dừng» before the write gets its turn: the import stops at once, nothing is kept."""
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.load_file(roster)
    _previewed(qtbot, dialog)
    gate = threading.Event()
    open_runner.db(lambda ctx: gate.wait(WAIT_MS / 1000))  # the DB lane is busy
    dialog.import_button.click()
    assert dialog.stop_button.isEnabled()
    dialog.stop_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.job_running(), timeout=WAIT_MS)
    assert dialog.status.text() == "Đã dừng: chưa ghi gì vào dữ liệu."
    assert _names(open_runner, qtbot) == ["Nguyễn Văn An"]


def test_stopping_the_preview_leaves_no_plan(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path
) -> None:
    """«Dừng» while the file waits for the read lane: no preview, «Nhập» stays off."""
    dialog = _dialog(qtbot, open_runner, roster)
    gate = threading.Event()
    open_runner.read(lambda ctx: gate.wait(WAIT_MS / 1000))  # the read lane is busy
    dialog.load_file(roster)
    dialog.stop_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.job_running(), timeout=WAIT_MS)
    assert dialog.status.text() == "Đã dừng: chưa ghi gì vào dữ liệu."
    assert dialog.plan is None and dialog.preview.rowCount() == 0
    assert not dialog.import_button.isEnabled()


def test_closing_after_the_preview_writes_nothing(
    qtbot: QtBot, open_runner: TaskRunner, roster: Path
) -> None:
    """«Đóng» without «Nhập»: the store is as it was."""
    dialog = _dialog(qtbot, open_runner, roster)
    dialog.load_file(roster)
    _previewed(qtbot, dialog)
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert _names(open_runner, qtbot) == ["Nguyễn Văn An"]


def test_a_file_in_tcvn3_is_refused_beside_the_file(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """The column in the old encoding is named above the preview; «Nhập» stays off."""
    path = workbook(tmp_path / "cu.xlsx", [["Họ và tên"], ["NguyÔn V¨n An"]])
    dialog = _dialog(qtbot, open_runner, path)
    dialog.load_file(path)
    _previewed(qtbot, dialog)
    assert dialog.file_problems.isVisible()
    assert dialog.file_problems.text().startswith("Cột A «Họ và tên» có chữ gõ bằng bảng mã cũ")
    assert not dialog.import_button.isEnabled()


def test_an_xls_file_is_refused_with_the_way_out(
    qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path
) -> None:
    """The old .xls format: the message says to save it as .xlsx."""
    path = tmp_path / "ds.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    dialog = _dialog(qtbot, open_runner, path)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "(.xls)" in dialog.status.text(), timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()


def test_the_settings_page_opens_the_dialog(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Cài đặt has «Nhập từ tệp Excel, CSV…», which opens the dialog."""
    page = SettingsPage(open_runner, bus, request_restore=lambda path: None)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
    page.import_button.click()
    dialogs = page.findChildren(ImportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
