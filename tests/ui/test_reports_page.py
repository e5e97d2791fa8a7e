"""The Báo cáo page, driven as a user would: choose a document, see it, export it to a stick."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.reports.export_dialog import ExportDialog
from danvan_desktop.ui.reports.reports_page import ReportsPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.usb import Volume
from reports.builder_records import ISSUED, add_villages, team_quarter
from reports.report_tools import flat, pdf_text
from usb.conftest import Mounts

from .helpers import WAIT_MS, make_team_dir, type_text

KINDS = [
    "Phiếu đăng ký mô hình",
    "Biên bản họp",
    "Báo cáo định kỳ của Tổ",
    "Bảng thống kê mô hình",
    "Danh sách đề nghị khen thưởng",
    "Báo cáo tổng hợp của xã, phường",
    "Quy chế hoạt động của Tổ",
]
NAME = "Báo cáo kết quả công tác dân vận quý I năm 2026"


def _team_and_villages(session: Session) -> None:
    team_quarter(session)
    add_villages(session)


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A team's folder holding its first quarter of 2026 and two more villages synced in."""
    return make_team_dir(tmp_path / "data", _team_and_villages)


@pytest.fixture
def page(qtbot: QtBot, open_runner: TaskRunner, bus: EventBus) -> ReportsPage:
    """The page on the day the first quarter's report is written, shown and settled."""
    shown = ReportsPage(open_runner, bus, clock=lambda: ISSUED)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    with qtbot.waitSignal(shown.params.meetings.loaded, timeout=WAIT_MS):
        shown.show()
    return shown


@pytest.fixture
def sticks(tmp_path: Path) -> Iterator[Mounts]:
    """Test file systems, all unmounted afterwards."""
    made = Mounts(tmp_path / "mnt")
    made.base.mkdir()
    try:
        yield made
    finally:
        made.close()


def preview_of(qtbot: QtBot, page: ReportsPage, change: object = None) -> str:
    """The preview's text once it shows the current choice (after ``change()``, if given)."""
    with qtbot.waitSignal(page.preview_shown, timeout=WAIT_MS):
        if callable(change):
            change()
        else:
            page.update_preview()
    return flat(page.preview.toPlainText())


def choose_quarter(qtbot: QtBot, page: ReportsPage) -> str:
    """Choose the periodic report of the first quarter of 2026; its preview text."""
    page.select_kind("periodic_report")
    page.params.period.set_period("quarter", 2026, 1)
    return preview_of(qtbot, page)


def test_documents_are_listed_in_menu_order(page: ReportsPage) -> None:
    """Every kind of document the app makes is offered, in Vietnamese."""
    kinds = page.kind_list
    assert [kinds.item(row).text() for row in range(kinds.count())] == KINDS


def test_periodic_report_preview_shows_the_quarter(qtbot: QtBot, page: ReportsPage) -> None:
    """The preview lays out the state header, the title and the chosen period."""
    text = choose_quarter(qtbot, page)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in text
    assert "BÁO CÁO Kết quả công tác dân vận quý I năm 2026" in text
    assert "Huế, ngày 06 tháng 4 năm 2026" in text
    assert page.export_button.isEnabled()


def test_party_preset_changes_the_header(qtbot: QtBot, page: ReportsPage) -> None:
    """«Văn bản Đảng» puts the Party's name at the top right and a Party number line."""
    choose_quarter(qtbot, page)
    text = preview_of(qtbot, page, page.preset_buttons["party"].click)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text


def test_registration_sheet_waits_for_a_model(qtbot: QtBot, page: ReportsPage) -> None:
    """Until a model is chosen the preview says so and nothing can be exported."""
    text = preview_of(qtbot, page, lambda: page.select_kind("model_registration"))
    assert text == "Hãy chọn một mô hình trong danh sách bên trái."
    assert not page.export_button.isEnabled()


def test_model_found_by_plain_typing_is_previewed(qtbot: QtBot, page: ReportsPage) -> None:
    """Typing «duong hoa» finds «Tuyến đường hoa kiểu mẫu»; choosing it shows its sheet."""
    page.select_kind("model_registration")
    models = page.params.models
    with qtbot.waitSignal(models.loaded, timeout=WAIT_MS):
        type_text(models.search, "duong hoa")
    assert [models.list.item(r).text() for r in range(models.list.count())] == [
        "Tuyến đường hoa kiểu mẫu (2026)"
    ]
    text = preview_of(qtbot, page, lambda: models.select_row(0))
    assert "Tuyến đường hoa kiểu mẫu" in text
    assert "Kiệt 12 hẹp, nhiều rác." in text
    assert page.export_button.isEnabled()


def test_minutes_of_the_chosen_meeting(qtbot: QtBot, page: ReportsPage) -> None:
    """Choosing the March meeting previews its minutes with their number."""
    page.select_kind("meeting_minutes")
    meetings = page.params.meetings
    assert meetings.list.item(0).text() == (
        "05/03/2026 — Họp Tổ dân vận tháng 3 năm 2026 (Số: 01/BB-TDV)"
    )
    text = preview_of(qtbot, page, lambda: meetings.select_row(0))
    assert "BIÊN BẢN" in text
    assert "Phan Văn Tùng" in text


def test_rollup_of_another_commune(qtbot: QtBot, page: ReportsPage) -> None:
    """A store holding several villages offers their communes; the roll-up follows the choice."""
    page.select_kind("commune_rollup")
    communes = page.params.rollup_commune
    # the communes are read on the DB lane, apart from the lists the fixture waits for
    qtbot.waitUntil(lambda: communes.isVisibleTo(page), timeout=WAIT_MS)
    names = [communes.itemText(i) for i in range(communes.count())]
    assert names[0] == "Xã, phường của đơn vị mình"
    vy_da = next(i for i, name in enumerate(names) if "Vỹ Dạ" in name)
    text = preview_of(qtbot, page, lambda: communes.setCurrentIndex(vy_da))
    assert "Thôn Vỹ Dạ 1" in text
    assert "Thôn An Hòa" not in text


def test_export_the_quarter_to_a_stick(qtbot: QtBot, page: ReportsPage, sticks: Mounts) -> None:
    """«Xuất ra USB…» with DOCX and PDF: both read back with the title; safe only afterwards."""
    stick = sticks.tmpfs("8m")
    usage = shutil.disk_usage(stick)
    page.list_volumes = lambda: [
        Volume(stick, "DANVAN", "vfat", usage.total, usage.free, True, False, "/dev/sdz1")
    ]
    choose_quarter(qtbot, page)
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.export_button.click()
    dialog: ExportDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.places.chosen() is not None, timeout=WAIT_MS)
    assert dialog.name.text() == NAME
    dialog.formats["pdf"].setChecked(True)
    assert not dialog.safe.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_button.click()
    assert dialog.safe.isVisible() and dialog.safe.text() == "An toàn để rút USB."
    document = docx.Document(str(stick / f"{NAME}.docx"))
    assert "Kết quả công tác dân vận quý I năm 2026" in [p.text for p in document.paragraphs]
    assert "BÁO CÁO Kết quả công tác dân vận quý I năm 2026" in flat(
        pdf_text(stick / f"{NAME}.pdf")
    )
