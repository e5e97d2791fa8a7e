"""«Sửa và cấp lại…» in «Văn bản đã cấp»: the correction gets the next number, the old one is
marked replaced, and a replaced document is refused with the session's message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.reports.issued_list import IssuedList
from danvan_desktop.ui.reports.reports_page import ReportsPage
from danvan_desktop.ui.task_runner import TaskRunner
from reports.builder_records import ISSUED, team_quarter

from .helpers import WAIT_MS, make_team_dir

REFUSED = (
    "Văn bản mã 1 đã được thay thế bằng văn bản mã 2 (02/TTr-TDV): hãy sửa văn bản mới hơn đó."
)


def _issued_commendation(session: Session) -> None:
    team_quarter(session)
    session.issue_report("commendation_list", year=2026, issued_on=ISSUED, preset="state")


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A team's folder whose commendation list of 2026 was issued as 01/TTr-TDV."""
    return make_team_dir(tmp_path / "data", _issued_commendation)


@pytest.fixture
def issued(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> IssuedList:
    """The Báo cáo page's register, shown with the one issued document."""
    page = ReportsPage(open_runner, bus, clock=lambda: ISSUED)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitSignal(page.issued_loaded, timeout=WAIT_MS):
        page.show()
    return page.issued


def _correct_row(qtbot: QtBot, issued: IssuedList, row: int, signal: object) -> None:
    issued.table.selectRow(row)
    issued.correct_button.click()
    box = issued.confirm_box
    assert box is not None
    with qtbot.waitSignal(signal, timeout=WAIT_MS):
        box.accept_button.click()  # type: ignore[attr-defined]


def _cells(issued: IssuedList, row: int) -> list[str]:
    return [issued.table.item(row, c).text() for c in (0, 4)]


def test_correction_is_listed_with_the_next_number(qtbot: QtBot, issued: IssuedList) -> None:
    """Correcting 01/TTr-TDV lists 02/TTr-TDV first and says which number it took."""
    _correct_row(qtbot, issued, 0, issued.corrected)
    assert _cells(issued, 0) == ["02/TTr-TDV", ""]
    assert issued.message.text() == (
        "Đã cấp văn bản số 02/TTr-TDV thay thế văn bản số 01/TTr-TDV. Bấm «Xuất lại…» để ghi tệp."
    )
    assert issued.selected() is not None and issued.selected().reference == "02/TTr-TDV"


def test_old_entry_is_marked_replaced(qtbot: QtBot, issued: IssuedList) -> None:
    """After the correction, 01/TTr-TDV reads «Đã được thay thế bởi số 02/TTr-TDV»."""
    _correct_row(qtbot, issued, 0, issued.corrected)
    assert _cells(issued, 1) == ["01/TTr-TDV", "Đã được thay thế bởi số 02/TTr-TDV"]


def test_correcting_a_replaced_document_is_refused_beside_the_list(
    qtbot: QtBot, issued: IssuedList
) -> None:
    """Correcting 01 again shows the session's refusal under the list; nothing is issued."""
    _correct_row(qtbot, issued, 0, issued.corrected)
    _correct_row(qtbot, issued, 1, issued.correction_failed)
    assert issued.message.text() == REFUSED
    assert issued.message.isVisible()
    assert [e.reference for e in issued.entries] == ["02/TTr-TDV", "01/TTr-TDV"]
