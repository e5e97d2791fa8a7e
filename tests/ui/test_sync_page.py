"""The Đồng bộ page driven as a user would, against the real server on loopback."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.store import outbox
from danvan_desktop.store.database import utc_now
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncReport
from danvan_desktop.sync.transport import ProtocolTooOld
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.sync.conflicts_view import ConflictsView, diff_html
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import number_text
from support.slowlink import SlowLink
from sync import conftest as sync_fixtures
from sync.conftest import Province, new_laptop

from .helpers import WAIT_MS, call, make_team_dir
from .sync_support import (
    FAST,
    ROUND_MS,
    Rounds,
    enrolled_team_dir,
    make_scheduler,
    open_store,
)

province = sync_fixtures.province  # the real server on loopback, as in tests/sync

PageMaker = Any


def _model(session: Session, name: str) -> str:
    return session.add_model(name=name, field_code="new_rural", year=2026).record_id or ""


def _pending(qtbot: QtBot, runner: TaskRunner) -> int:
    return int(call(qtbot, runner, lambda ctx: ctx.session.pending_count()))


@pytest.fixture
def open_page(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> Iterator[Any]:
    """Open a data folder and show the page with a scheduler that runs only on request."""
    made: list[tuple[SyncPage, SyncScheduler]] = []

    def make(folder: Path) -> tuple[SyncPage, Rounds]:
        open_store(qtbot, runner, folder)
        scheduler = make_scheduler(runner, bus)
        page = SyncPage(runner, bus, scheduler)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
        made.append((page, scheduler))
        return page, Rounds(scheduler)

    yield make
    for _page, scheduler in made:
        scheduler.stop()
        qtbot.waitUntil(lambda s=scheduler: not s.running, timeout=ROUND_MS)


def _click(qtbot: QtBot, button: Any) -> None:
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _sync(qtbot: QtBot, page: SyncPage, rounds: Rounds) -> Any:
    """Click «Đồng bộ ngay» and wait for the round; its outcome."""
    count = len(rounds.outcomes) + 1
    _click(qtbot, page.sync_button)
    outcome = rounds.wait(qtbot, count)
    qtbot.waitUntil(lambda: not page.cancel_button.isEnabled(), timeout=WAIT_MS)
    return outcome


# -- enrollment --------------------------------------------------------------------------
def test_a_replacement_laptop_enrolls_and_pulls_the_teams_data(
    qtbot: QtBot,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """Enrolling a fresh store through the page pulls what the old laptop sent, with progress."""
    old = new_laptop(tmp_path / "old")
    old.enroll_device(server_url=province.server.url, code=province.code(), device_name="old")
    _model(old, "Con đường hoa")
    old.sync_now()
    old.close()
    page, rounds = open_page(make_team_dir(tmp_path / "new"))
    assert page.enroll_panel.enroll_button.text() == "Đăng ký máy này"
    shown: list[bool] = []
    page.scheduler.round_progress.connect(lambda *_: shown.append(page.progress.isVisible()))
    page.enroll_panel.server.setText(province.server.url)
    page.enroll_panel.code.setText(province.code())
    _click(qtbot, page.enroll_panel.enroll_button)
    report = rounds.wait(qtbot)
    assert isinstance(report, SyncReport) and report.pulled > 0
    assert any(stage == "pull" for stage, _done, _total in rounds.progress)
    assert shown and all(shown)
    qtbot.waitUntil(
        lambda: page.enroll_panel.enroll_button.text() == "Đăng ký lại", timeout=WAIT_MS
    )
    names = call(
        qtbot, page._runner, lambda ctx: [r["name"] for r in ctx.session.list_records("model")]
    )
    assert names == ["Con đường hoa"]
    assert page.enroll_panel.code.text() == ""


def test_a_wrong_code_is_refused_with_the_servers_reason(
    qtbot: QtBot,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """A code the server does not know: the message shows under the code, nothing enrolled."""
    page, rounds = open_page(make_team_dir(tmp_path / "new"))
    errors: list[object] = []
    page.scheduler.enroll_failed.connect(errors.append)
    page.enroll_panel.server.setText(province.server.url)
    page.enroll_panel.code.setText("SAI-MA-0000")
    _click(qtbot, page.enroll_panel.enroll_button)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert page.enroll_panel.code_error.isVisible()
    assert page.enroll_panel.code_error.text().startswith("Chưa đăng ký được: ")
    assert page.enroll_panel.enroll_button.text() == "Đăng ký máy này"
    assert rounds.events == []


def test_enrolling_needs_a_server_address(
    qtbot: QtBot, tmp_path: Path, open_page: PageMaker
) -> None:
    """An empty address is named beside the field, and nothing is sent."""
    page, _rounds = open_page(make_team_dir(tmp_path / "new"))
    page.enroll_panel.code.setText("ABC")
    _click(qtbot, page.enroll_panel.enroll_button)
    assert page.enroll_panel.server_error.text() == (
        "Hãy nhập địa chỉ máy chủ, ví dụ https://danvan.hue.gov.vn."
    )


def test_the_ca_file_is_stored_as_the_ca_bundle_setting(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, open_page: PageMaker
) -> None:
    """Choosing the city's CA file stores it; «Bỏ» goes back to the system's trust."""
    page, _rounds = open_page(make_team_dir(tmp_path / "new"))
    page.enroll_panel.set_ca_file(str(tmp_path / "hue-ca.pem"))
    setting = call(qtbot, runner, lambda ctx: ctx.session.setting("ca_bundle"))
    assert setting == str(tmp_path / "hue-ca.pem")
    _click(qtbot, page.enroll_panel.ca_clear)
    assert call(qtbot, runner, lambda ctx: ctx.session.setting("ca_bundle")) is None


# -- a round -----------------------------------------------------------------------------
def test_sync_now_shows_progress_and_the_result_and_logs_the_round(
    qtbot: QtBot,
    runner: TaskRunner,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """«Đồng bộ ngay» sends the queue with a progress bar; the result and a log row follow."""
    folder = enrolled_team_dir(tmp_path / "laptop", province, fill=lambda s: _model(s, "Mô hình"))
    page, rounds = open_page(folder)
    pending = _pending(qtbot, runner)
    shown: list[bool] = []
    page.scheduler.round_started.connect(lambda: shown.append(page.progress.isVisible()))
    report = _sync(qtbot, page, rounds)
    assert isinstance(report, SyncReport)
    assert shown == [True] and not page.progress.isVisible()
    assert ("push", pending, pending) in rounds.progress
    sent, received = number_text(report.bytes_sent), number_text(report.bytes_received)
    assert report.bytes_sent > 0 and report.bytes_received > 0
    assert page.result_label.text() == (
        f"Đồng bộ xong: gửi {pending} thay đổi, máy chủ đã có sẵn 0, nhận {report.pulled}, "
        f"0 xung đột, 0 bị từ chối; {sent} byte đi, {received} byte về."
    )
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=WAIT_MS)
    assert page.log_model.cell(0, 4) == "Thành công"
    assert page.log_model.cell(0, 5) == ""
    qtbot.waitUntil(lambda: "Thay đổi chờ gửi: 0." in page.status_line.text(), timeout=WAIT_MS)


def test_stop_cancels_a_round_on_a_silent_link(
    qtbot: QtBot,
    runner: TaskRunner,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """«Dừng» ends a round that waits on a dead link at once; the queue is kept."""
    with SlowLink(upstream=("127.0.0.1", province.server.port), down_behaviour="blackhole") as link:
        folder = enrolled_team_dir(
            tmp_path / "laptop", province, server_url=f"http://127.0.0.1:{link.port}"
        )
        page, rounds = open_page(folder)
        pending = _pending(qtbot, runner)
        link.cut()
        _click(qtbot, page.sync_button)
        qtbot.waitUntil(page.cancel_button.isEnabled, timeout=WAIT_MS)
        qtbot.wait(200)
        _click(qtbot, page.cancel_button)
        assert isinstance(rounds.wait(qtbot, timeout=5_000), OperationCancelled)
        assert page.result_label.text() == "Đã dừng đồng bộ theo yêu cầu."
        assert _pending(qtbot, runner) == pending


def test_the_sync_log_exports_to_a_csv_file(
    qtbot: QtBot,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """The exported log has a header and one row per round, with bytes and the result."""
    page, rounds = open_page(enrolled_team_dir(tmp_path / "laptop", province))
    report = _sync(qtbot, page, rounds)
    target = tmp_path / "nhat-ky.csv"
    page.export_log_to(target)
    qtbot.waitUntil(lambda: page.export_note.text() != "", timeout=WAIT_MS)
    assert page.export_note.text() == f"Đã xuất nhật ký ra {target}"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Bắt đầu (UTC)" and rows[0][5] == "Kết quả"
    assert len(rows) == 2
    assert rows[1][2:] == [str(report.bytes_sent), str(report.bytes_received), rows[1][4], "ok", ""]


def test_refused_changes_are_listed_with_the_servers_reason(
    qtbot: QtBot,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """A change the server refuses shows in its tab with the reason; it blocks nothing."""

    def bad_status(session: Session) -> None:
        model_id = _model(session, "Vườn mẫu")
        session.sync_now()
        with session.store.db.atomic():  # as a faulty older release might have queued it
            outbox.record_change(
                session.store.db,
                device_id=session.store.device_id,
                entity="model",
                record_id=model_id,
                unit_id=session.store.home_unit_id,
                kind="upsert",
                fields={"status": "khong_co"},
                base={"status": "registered"},
                base_version=None,
                created_at=utc_now(),
            )

    page, rounds = open_page(enrolled_team_dir(tmp_path / "laptop", province, fill=bad_status))
    report = _sync(qtbot, page, rounds)
    assert report.rejected == 1
    qtbot.waitUntil(lambda: page.rejected_model.rowCount() == 1, timeout=WAIT_MS)
    assert page.rejected_model.cell(0, 2) == "Vườn mẫu"
    assert "trạng thái «khong_co»" in page.rejected_model.cell(0, 3)
    assert page.tabs.tabText(2) == "Thay đổi bị từ chối (1)"


# -- conflicts ---------------------------------------------------------------------------
@pytest.fixture
def conflicted(tmp_path: Path, province: Province) -> Iterator[tuple[Path, Session, str]]:
    """The GUI laptop's folder and a second laptop B that both renamed one model; B's
    name reached the server last, so the GUI laptop's own name is the lost one."""
    a = new_laptop(tmp_path / "a")
    a.enroll_device(server_url=province.server.url, code=province.code(), device_name="a")
    model_id = _model(a, "Tên gốc")
    a.sync_now()
    b = new_laptop(tmp_path / "b", leader="Trần Thị Bình")
    b.enroll_device(server_url=province.server.url, code=province.code(), device_name="b")
    b.sync_now()
    a.update_model(model_id, name="Tên của A")
    b.update_model(model_id, name="Tên của B")
    a.sync_now()
    b.sync_now()
    a.close()
    yield tmp_path / "a", b, model_id
    b.close()


def _conflict_shown(qtbot: QtBot, page: SyncPage, rounds: Rounds) -> None:
    _sync(qtbot, page, rounds)
    qtbot.waitUntil(lambda: page.conflicts.table_model.rowCount() == 1, timeout=WAIT_MS)


def test_a_conflict_shows_both_values(
    qtbot: QtBot, conflicted: tuple[Path, Session, str], open_page: PageMaker
) -> None:
    """The record, the field and both names are shown, the kept one first."""
    folder, _b, _model_id = conflicted
    page, rounds = open_page(folder)
    _conflict_shown(qtbot, page, rounds)
    assert page.tabs.tabText(0) == "Xung đột (1)"
    view = page.conflicts
    assert [view.table_model.cell(0, c) for c in range(4)] == [
        "Tên của B",
        "Tên mô hình",
        "Tên của B",
        "Tên của A",
    ]
    assert view.texts() == ("Tên của B", "Tên của A")
    assert view.keep_kept.isEnabled() and view.keep_lost.isEnabled()


def test_keeping_the_lost_value_writes_it_back_and_reaches_the_other_laptop(
    qtbot: QtBot,
    runner: TaskRunner,
    conflicted: tuple[Path, Session, str],
    open_page: PageMaker,
) -> None:
    """«Dùng giá trị bị thay»: the record takes it, and after syncing laptop B has it too,
    with the conflict closed there."""
    folder, b, model_id = conflicted
    page, rounds = open_page(folder)
    _conflict_shown(qtbot, page, rounds)
    _click(qtbot, page.conflicts.keep_lost)
    qtbot.waitUntil(lambda: page.conflicts.table_model.rowCount() == 0, timeout=WAIT_MS)
    name = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id)["name"])
    assert name == "Tên của A"
    report = _sync(qtbot, page, rounds)
    assert (report.rejected, report.conflicts) == (0, 0), report.messages
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Tên của A"
    assert b.conflicts() == []


def test_keeping_the_kept_value_only_closes_the_conflict_everywhere(
    qtbot: QtBot,
    runner: TaskRunner,
    conflicted: tuple[Path, Session, str],
    open_page: PageMaker,
) -> None:
    """«Giữ giá trị hiện tại»: the record is unchanged; laptop B's conflict closes too."""
    folder, b, model_id = conflicted
    page, rounds = open_page(folder)
    _conflict_shown(qtbot, page, rounds)
    assert len(b.conflicts()) == 1
    _click(qtbot, page.conflicts.keep_kept)
    qtbot.waitUntil(lambda: page.conflicts.table_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.conflicts.empty.isVisible()
    report = _sync(qtbot, page, rounds)
    assert report.rejected == 0, report.messages
    b.sync_now()
    assert b.conflicts() == []
    name = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id)["name"])
    assert name == b.get_record("model", model_id)["name"] == "Tên của B"


def test_long_text_shows_side_by_side_with_the_differing_words_marked(qtbot: QtBot) -> None:
    """Minutes edited on two laptops: both texts in full, only the changed words marked."""
    kept = "Tổ họp ngày 5/3.\nBà Lan báo cáo quỹ khuyến học được 12 triệu đồng."
    lost = "Tổ họp ngày 5/3.\nBà Lan báo cáo quỹ khuyến học được 15 triệu đồng."
    left, right = diff_html(kept, lost)
    assert "<span" in left and ">12</span>" in left and "15" not in left
    assert ">15</span>" in right and right.count("<span") == 1
    view = ConflictsView()
    qtbot.addWidget(view)
    view.set_conflicts(
        [
            {
                "id": "c1",
                "title": "Họp tháng 3",
                "field_label": "Biên bản",
                "kept": kept,
                "lost": lost,
            }
        ]
    )
    assert view.texts() == (kept, lost)
    assert "Biên bản" in view.heading.text() and "Họp tháng 3" in view.heading.text()


# -- notes -------------------------------------------------------------------------------
def test_a_clock_off_by_more_than_five_minutes_is_noted(
    qtbot: QtBot,
    runner: TaskRunner,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """The laptop clock 47 minutes fast: a plain note; once right again, the note goes."""
    page, rounds = open_page(enrolled_team_dir(tmp_path / "laptop", province))

    def fast_clock() -> dt.datetime:
        return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=47)

    call(qtbot, runner, lambda ctx: setattr(ctx.session, "sync_clock", fast_clock))
    assert isinstance(_sync(qtbot, page, rounds), SyncReport)
    assert page.clock_note.isVisible()
    assert page.clock_note.text() == (
        "Đồng hồ máy tính lệch 47 phút so với máy chủ: hãy chỉnh lại ngày giờ cho đúng; "
        "dữ liệu không bị ảnh hưởng."
    )
    call(qtbot, runner, lambda ctx: setattr(ctx.session, "sync_clock", None))
    _sync(qtbot, page, rounds)
    assert not page.clock_note.isVisible()


def test_an_app_too_old_for_the_server_says_so_and_keeps_queuing(
    qtbot: QtBot,
    runner: TaskRunner,
    tmp_path: Path,
    province: Province,
    open_page: PageMaker,
) -> None:
    """The server answers 426 to an older protocol: a note to update; nothing is lost."""
    page, rounds = open_page(enrolled_team_dir(tmp_path / "laptop", province))
    too_old = protocol.MIN_PROTOCOL_VERSION - 1
    call(qtbot, runner, lambda ctx: setattr(ctx.session, "protocol_version", too_old))
    pending = _pending(qtbot, runner)
    assert isinstance(_sync(qtbot, page, rounds), ProtocolTooOld)
    assert page.too_old_note.isVisible()
    assert page.too_old_note.text().startswith("Phiên bản ứng dụng này đã cũ")
    assert f"({pending} thay đổi)" in page.too_old_note.text()
    assert not page.error_label.isVisible()
    assert _pending(qtbot, runner) == pending
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=WAIT_MS)
    assert page.log_model.cell(0, 4) == "Lỗi"


# -- in the application ------------------------------------------------------------------
def test_the_application_syncs_an_enrolled_laptop_at_start(
    qtbot: QtBot, tmp_path: Path, province: Province, start_app: Any
) -> None:
    """The window comes up, a round runs by itself, and the status bar says connected."""
    folder = enrolled_team_dir(tmp_path / "laptop", province)
    app = start_app(folder, sync_timings=FAST, watch_network=False)
    qtbot.waitUntil(lambda: app.window is not None, timeout=WAIT_MS)
    rounds = Rounds(app.sync)
    report = rounds.wait(qtbot)
    assert isinstance(report, SyncReport)
    status = app.window.status
    qtbot.waitUntil(lambda: status.online.text() == "Đã kết nối máy chủ", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: status.pending.text() == "Thay đổi chờ đồng bộ: 0", timeout=WAIT_MS)
    page = app.window.show_page("sync")
    assert page.scheduler is app.sync
    app.window.close()
    qtbot.waitUntil(lambda: not app.sync.running, timeout=ROUND_MS)


def test_the_page_speaks_english(
    qtbot: QtBot, tmp_path: Path, translations: Any, open_page: PageMaker
) -> None:
    """With the English translators installed the page's words are English."""
    translations.apply("en")
    page, _rounds = open_page(make_team_dir(tmp_path / "data"))
    assert page.sync_button.text() == "Sync now"
    assert page.enroll_panel.enroll_button.text() == "Enrol this computer"
    assert page.tabs.tabText(1) == "Sync log"
    assert page.conflicts.keep_lost.text() == "Use the replaced value"


def test_the_last_round_is_shown_when_the_page_opens(
    qtbot: QtBot, tmp_path: Path, province: Province, open_page: PageMaker
) -> None:
    """Before any round of this session, the page tells how the newest logged one went."""
    reports: list[SyncReport] = []
    folder = enrolled_team_dir(
        tmp_path / "laptop", province, fill=lambda s: reports.append(s.sync_now())
    )
    page, _rounds = open_page(folder)
    count = reports[0].pushed + reports[0].pulled
    text = page.result_label.text()
    assert text.startswith("Lần đồng bộ gần nhất (")
    assert text.endswith(f") thành công: {count} thay đổi.")
