"""Every page and dialog fits a 1366×768 laptop screen in Vietnamese and in English.

The walk (``layout_walk.py``) runs in a process of its own, on an offscreen screen of
1366×768 (the test session's screen is 800×800 and fixed once Qt has started): it
opens every page of the window on a demo team's store, every dialog reachable from
them, the first-run wizard and the recovery dialog, in both languages, and reports what
``layout_checks`` finds. The first tests here show that the checks see each kind of
misfit on small widgets made for the purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog
from danvan_desktop.ui.task_runner import TaskRunner

from .layout_checks import misfits

TESTS = Path(__file__).resolve().parents[1]
WALK_TIMEOUT_S = 600
PAGE_KEYS = ("overview", "models", "network", "meetings", "tasks", "petitions", "mediations",
             "team", "regulation", "exemplars", "handbook", "reports", "sync",
             "settings")  # fmt: skip


def _shown(qtbot: QtBot, *widgets: QWidget, width: int = 400) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    height = window.heightForWidth(width) if window.hasHeightForWidth() else -1
    window.resize(width, max(height, window.sizeHint().height()))
    window.show()
    qtbot.waitExposed(window)
    return window


def _problems(window: QWidget) -> list[str]:
    return [f"{m.problem}: {m.text}" for m in misfits(window, "test")]


# -- the checks see each kind of misfit ------------------------------------------------


def test_a_label_narrower_than_its_text_is_reported(qtbot: QtBot) -> None:
    """A one-line label squeezed below its text's width is clipped."""
    label = QLabel("Chấm điểm, đề nghị khen thưởng")
    label.setFixedWidth(60)
    assert _problems(_shown(qtbot, label)) == ["text clipped: Chấm điểm, đề nghị khen thưởng"]


def test_a_wrapped_label_shorter_than_its_lines_is_reported(qtbot: QtBot) -> None:
    """A word-wrapped label whose lines need more height than it has is clipped."""
    label = QLabel("Nhập đúng bộ tiêu chí xã, phường ban hành. Đề nghị đã chấm vẫn giữ điểm cũ.")
    label.setWordWrap(True)
    label.setFixedSize(120, 20)
    assert _problems(_shown(qtbot, label)) == [
        "text clipped (wrapped lines taller than the label): Nhập đúng bộ tiêu chí xã, phường "
        "ban hành. Đề nghị đã chấm vẫn giữ điểm cũ."
    ]


def test_a_wrapped_label_with_room_is_not_reported(qtbot: QtBot) -> None:
    """The same wrapped label laid out freely fits."""
    label = QLabel("Nhập đúng bộ tiêu chí xã, phường ban hành. Đề nghị đã chấm vẫn giữ điểm cũ.")
    label.setWordWrap(True)
    assert _problems(_shown(qtbot, label, width=200)) == []


def test_a_button_narrower_than_its_text_is_reported(qtbot: QtBot) -> None:
    """A push button and a check box squeezed below their text's width are clipped."""
    button = QPushButton("Xuất danh sách đề nghị")
    button.setFixedWidth(70)
    box = QCheckBox("Cấp số văn bản khi xuất")
    box.setFixedWidth(70)
    assert _problems(_shown(qtbot, button, box)) == [
        "text clipped: Xuất danh sách đề nghị",
        "text clipped: Cấp số văn bản khi xuất",
    ]


def test_a_group_box_title_past_its_frame_is_reported(qtbot: QtBot) -> None:
    """A group box narrower than its title cuts the title."""
    box = QGroupBox("Cuộc họp làm minh chứng")
    QVBoxLayout(box).addWidget(QWidget())
    box.setFixedWidth(60)
    assert _problems(_shown(qtbot, box)) == ["title clipped: Cuộc họp làm minh chứng"]


def test_tabs_behind_the_scroll_arrows_are_reported(qtbot: QtBot) -> None:
    """Tabs that do not fit the bar are hidden behind its arrows."""
    tabs = QTabWidget()
    for title in ("Thông tin chung", "Điểm danh", "Nội dung, ý kiến"):
        tabs.addTab(QWidget(), title)
    tabs.setFixedWidth(160)
    problems = _problems(_shown(qtbot, tabs))
    assert (
        problems[-1] == "tab 2 beyond the bar (hidden behind the scroll arrows): Nội dung, ý kiến"
    )


def test_an_elided_table_header_is_reported(qtbot: QtBot) -> None:
    """A column narrower than its title shows it elided."""
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Người phụ trách", "Xong"])
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().resizeSection(0, 40)
    assert _problems(_shown(qtbot, table)) == ["column 0 title elided: Người phụ trách"]


def test_an_elided_combo_and_a_clipped_hint_are_reported(qtbot: QtBot) -> None:
    """A combo narrower than its choice, a search box narrower than its grey hint."""
    combo = QComboBox()
    combo.addItem("Văn hóa - xã hội, môi trường")
    combo.setFixedWidth(80)
    search = QLineEdit()
    search.setPlaceholderText("Tìm nhiệm vụ (Ctrl+F): việc, người phụ trách, cuộc họp")
    search.setFixedWidth(120)
    assert _problems(_shown(qtbot, combo, search)) == [
        "chosen text elided: Văn hóa - xã hội, môi trường",
        "hint elided: Tìm nhiệm vụ (Ctrl+F): việc, người phụ trách, cuộc họp",
    ]


def test_overlapping_siblings_are_reported(qtbot: QtBot) -> None:
    """Two widgets a layout puts in the same place overlap."""
    holder = QWidget()
    grid = QGridLayout(holder)
    first, second = QLabel("Tên tệp"), QLabel("Định dạng")
    grid.addWidget(first, 0, 0)
    grid.addWidget(second, 0, 0)
    assert _problems(_shown(qtbot, holder)) == ["overlaps QLabel: Tên tệp"]


def test_a_form_that_fits_has_no_misfit(qtbot: QtBot) -> None:
    """A short form laid out by Qt at a normal width fits."""
    form_holder = QWidget()
    form = QFormLayout(form_holder)
    form.addRow("Số quyết định", QLineEdit())
    form.addRow("Cơ quan quyết định", QComboBox())
    assert _problems(_shown(qtbot, form_holder, QPushButton("Lưu"))) == []


# -- what the walk found, one behaviour each -----------------------------------------


def test_the_community_note_gets_room_in_the_new_meeting_dialog(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Choosing a community meeting grows the dialog to its note's lines: nothing is squeezed."""
    dialog = NewMeetingDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("community"))
    qtbot.wait(10)
    assert dialog.community_note.isVisible()
    assert [str(m) for m in misfits(dialog, "new meeting dialog")] == []


# -- the whole window, in both languages ---------------------------------------------------


@pytest.fixture(scope="module")
def walk_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The report of one walk through every page and dialog (a process of its own)."""
    out = tmp_path_factory.mktemp("layout") / "report.json"
    env = {**os.environ, "PYTHONPATH": str(TESTS)}
    done = subprocess.run(
        [sys.executable, "-m", "ui.layout_walk", str(out)],
        cwd=TESTS,
        env=env,
        capture_output=True,
        text=True,
        timeout=WALK_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


@pytest.mark.slow
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_page_is_checked(walk_report: dict[str, Any], language: str) -> None:
    """Each page of the sidebar is checked in each language."""
    checked = set(walk_report["checked"])
    missing = [key for key in PAGE_KEYS if f"[{language}] page {key}" not in checked]
    assert missing == []


@pytest.mark.slow
def test_every_dialog_is_visited(walk_report: dict[str, Any]) -> None:
    """Every QDialog and QWizardPage class under ui/ is opened by the walk."""
    unknown = sorted(set(walk_report["dialogs"]) - set(walk_report["visited"]))
    assert unknown == [], "dialogs the layout walk does not open: " + ", ".join(unknown)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_window_fits_a_laptop_screen(walk_report: dict[str, Any], language: str) -> None:
    """No text is clipped or elided and no widgets overlap, on any page or dialog."""
    found = [
        "{where}: {widget} {problem}: «{text}» needs {need}, has {have}".format(**m)
        for m in walk_report["misfits"]
        if m["where"].startswith(f"[{language}]")
    ]
    assert found == [], "\n".join(found)
