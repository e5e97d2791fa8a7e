"""The English Đồng bộ page speaks English: kept errors are worded again when shown, and the
server answers in the window's language."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.sync.sync_page import SyncPage
from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler
from danvan_desktop.ui.sync.wording import reword
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.text import local_time_text
from sync import conftest as sync_fixtures
from sync.conftest import Province

from .helpers import WAIT_MS, make_team_dir
from .sync_support import ROUND_MS, Rounds, make_scheduler, open_store, stop_scheduler

province = sync_fixtures.province  # the real server on loopback, as in tests/sync

CANNOT_CONNECT_VI = (
    "Không kết nối được tới máy chủ của thành phố {host}: máy chủ chưa chạy, hoặc địa chỉ "
    "máy chủ hay mạng chưa đúng. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi khi kết nối được."
)
CANNOT_CONNECT_EN = (
    "Cannot connect to the city's server {host}: the server is not running, or the server "
    "address or the network is wrong. Your data is kept on this computer and will be sent "
    "automatically once a connection can be made."
)


def _closed_port() -> tuple[str, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{probe.getsockname()[1]}"
    return f"http://{host}", host


def _failed_round_in_vietnamese(url: str) -> Any:
    """A round tried (in Vietnamese) against an address where nothing answers."""

    def fill(session: Session) -> None:
        session.change_setting("server_url", url)
        with pytest.raises(DanvanError):
            session.sync_now()

    return fill


@pytest.fixture
def page_with(qtbot: QtBot, runner: TaskRunner, bus: EventBus) -> Iterator[Any]:
    """Open a folder and show the Đồng bộ page with a quick scheduler (stopped at the end)."""
    made: list[SyncScheduler] = []

    def make(folder: Path) -> SyncPage:
        open_store(qtbot, runner, folder)
        scheduler = make_scheduler(runner, bus)
        made.append(scheduler)
        page = SyncPage(runner, bus, scheduler)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: bool(page.data), timeout=WAIT_MS)
        return page

    yield make
    for scheduler in made:
        stop_scheduler(qtbot, scheduler)


def test_a_round_logged_in_vietnamese_reads_in_english(
    tmp_path: Path, translations: Translations, page_with: Any
) -> None:
    """The log's error of a round that failed while the window spoke Vietnamese is shown in
    English once the window speaks English: in the last-round line and in the log."""
    url, host = _closed_port()
    folder = make_team_dir(tmp_path / "laptop", _failed_round_in_vietnamese(url))
    translations.apply("en")
    page = page_with(folder)
    when = local_time_text(page.data["log"][0]["finished_at"])
    english = CANNOT_CONNECT_EN.format(host=host)
    assert page.result_label.text() == f"The last sync ({when}) did not finish: {english}"
    assert page.log_model.cell(0, 5) == english


def test_the_last_rounds_error_follows_a_language_change(
    qtbot: QtBot, tmp_path: Path, bus: EventBus, translations: Translations, page_with: Any
) -> None:
    """A round fails in Vietnamese; after switching to English its error reads in English."""
    url, host = _closed_port()

    def saved(session: Session) -> None:
        session.change_setting("server_url", url)

    page = page_with(make_team_dir(tmp_path / "laptop", saved))
    rounds = Rounds(page.scheduler)
    page.scheduler.sync_now()
    rounds.wait(qtbot)
    vietnamese = "Lần đồng bộ trước chưa xong: " + CANNOT_CONNECT_VI.format(host=host)
    qtbot.waitUntil(lambda: page.error_label.text() == vietnamese, timeout=WAIT_MS)
    translations.apply("en")
    bus.language_changed.emit("en")
    english = "The last sync did not finish: " + CANNOT_CONNECT_EN.format(host=host)
    qtbot.waitUntil(lambda: page.error_label.text() == english, timeout=WAIT_MS)


def test_the_server_answers_in_the_windows_language(
    qtbot: QtBot, tmp_path: Path, province: Province, translations: Translations, page_with: Any
) -> None:
    """In English, a code the server refuses comes back with the server's English reason."""
    translations.apply("en")
    page = page_with(make_team_dir(tmp_path / "laptop"))
    errors: list[object] = []
    page.scheduler.enroll_failed.connect(errors.append)
    page.enroll_panel.server.setText(province.server.url)
    page.enroll_panel.code.setText("SAI-MA-0000")
    page.enroll_panel.enroll_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=ROUND_MS)
    assert page.enroll_panel.code_error.text() == (
        "Enrolment failed: Wrong enrolment code: check each character of the code the "
        "administrator gave you."
    )


def test_a_message_from_no_catalogue_entry_stays_as_it_is() -> None:
    """An operating system's reason is shown as it came."""
    assert reword("[Errno 28] No space left on device", "en") == (
        "[Errno 28] No space left on device"
    )
