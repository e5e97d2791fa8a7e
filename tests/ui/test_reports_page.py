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
    "Bản đăng ký mô hình",
    "Biên bản họp",
    "Báo cáo định kỳ của Tổ",
    "Bảng thống kê mô hình",
    "Tờ trình đề nghị khen thưởng",
    "Báo cáo tổng hợp của xã, phường",
    "Quy chế hoạt động của Tổ",
    "Danh sách thành viên Tổ",
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
    """The team's report opens in the Party cell's format: the Party's name, the title, the
    chosen period, dated from the ward."""
    text = choose_quarter(qtbot, page)
    assert page.preset() == "party"
    assert "CHI BỘ TỔ DÂN PHỐ 5 *" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "BÁO CÁO Kết quả công tác dân vận quý I năm 2026" in text
    assert "Phú Xuân, ngày 06 tháng 4 năm 2026" in text
    assert page.export_button.isEnabled()


def test_state_preset_changes_the_header(qtbot: QtBot, page: ReportsPage) -> None:
    """«Văn bản nhà nước» puts the national name at the top right, the team under its ward,
    and no Party cell."""
    choose_quarter(qtbot, page)
    text = preview_of(qtbot, page, page.preset_buttons["state"].click)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in text
    assert "PHƯỜNG PHÚ XUÂN TỔ DÂN VẬN TỔ DÂN PHỐ 5" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text and "CHI BỘ TỔ DÂN PHỐ 5" not in text


def test_minutes_open_in_the_state_format(qtbot: QtBot, page: ReportsPage) -> None:
    """Each kind opens in its own format: minutes (Decree 30, form 1.9) are state papers."""
    choose_quarter(qtbot, page)
    page.select_kind("meeting_minutes")
    assert page.preset() == "state"
    page.select_kind("periodic_report")
    assert page.preset() == "party"


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


def test_numbered_minutes_are_not_called_a_draft(qtbot: QtBot, page: ReportsPage) -> None:
    """Above finalised minutes the note gives their number, not «bản nháp (chưa có số)»."""
    page.select_kind("meeting_minutes")
    preview_of(qtbot, page, lambda: page.params.meetings.select_row(0))
    assert page.preview_note.text() == (
        "Bản xem trước của văn bản đã hoàn tất, số 01. Tệp Word, PDF có cùng nội dung; chỗ ngắt "
        "dòng, ngắt trang có thể khác."
    )


def test_a_report_without_a_number_is_called_a_draft(qtbot: QtBot, page: ReportsPage) -> None:
    """The periodic report, not numbered yet, is previewed as a draft."""
    preview_of(qtbot, page)
    assert page.preview_note.text().startswith("Bản xem trước của bản nháp (chưa có số).")


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


def _export_to_folder(qtbot: QtBot, page: ReportsPage, dialog: ExportDialog, folder: Path) -> None:
    """Choose ``folder`` (a folder of the computer, no stick) and export; wait for the end."""
    folder.mkdir(exist_ok=True)
    dialog.choose_folder = lambda: folder
    dialog.pick_folder()
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        dialog.export_button.click()


def _open_export(qtbot: QtBot, page: ReportsPage) -> ExportDialog:
    page.list_volumes = list  # no sticks plugged in
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.export_button.click()
    dialog: ExportDialog = opened.args[0]
    # The sticks are listed on the read lane: the answer comes after the click returned.
    with qtbot.waitSignal(dialog.places_loaded, timeout=WAIT_MS):
        pass
    return dialog


def test_folder_export_says_nothing_of_usb(qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    """Written into a folder of the computer: where it went, and no «An toàn để rút USB»."""
    choose_quarter(qtbot, page)
    dialog = _open_export(qtbot, page)
    _export_to_folder(qtbot, page, dialog, tmp_path / "out")
    assert not dialog.safe.isVisible()
    assert "USB" not in dialog.status.text()


def test_issued_report_is_listed_and_written_again(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    """Issued from the dialog, the report is listed (number, date, kind, title); «Xuất lại…»
    writes it as PDF with the same number and date."""
    choose_quarter(qtbot, page)
    preview_of(qtbot, page, page.preset_buttons["state"].click)
    dialog = _open_export(qtbot, page)
    dialog.issue.setChecked(True)
    with qtbot.waitSignal(page.issued_loaded, timeout=WAIT_MS):
        _export_to_folder(qtbot, page, dialog, tmp_path / "out")
    assert dialog.status.text().startswith("Đã cấp số 01/BC-TDV ngày 06/04/2026.")
    table = page.issued.table
    assert [table.item(0, c).text() for c in range(4)] == [
        "01/BC-TDV",
        "06/04/2026",
        "Báo cáo định kỳ của Tổ",
        NAME,
    ]
    dialog.close()
    table.selectRow(0)
    with qtbot.waitSignal(page.dialog_opened, timeout=WAIT_MS) as opened:
        page.issued.reexport_button.click()
    again: ExportDialog = opened.args[0]
    assert again.issue.isChecked() and not again.issue.isEnabled()
    again.formats["docx"].setChecked(False)
    again.formats["pdf"].setChecked(True)
    _export_to_folder(qtbot, page, again, tmp_path / "again")
    text = flat(pdf_text(tmp_path / "again" / f"01-BC-TDV {NAME}.pdf", 1))
    assert "Số: 01/BC-TDV" in text and "Phú Xuân, ngày 06 tháng 4 năm 2026" in text
