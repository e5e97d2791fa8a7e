"""Cài đặt's «Cập nhật» box and the status bar's notice, driven as a leader would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.settings.update_box import UpdateBox
from danvan_desktop.ui.status_bar import StatusBar
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.usb.volume import Volume
from support.release_bundles import STICK_RELEASE, installed_n, new_key, stick_with_release

from .helpers import WAIT_MS, call

KEY = new_key()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A stick root holding release 1.1.0."""
    return stick_with_release(tmp_path / "stick", KEY)


@pytest.fixture
def runner(qtbot: QtBot, open_runner: TaskRunner, tmp_path: Path) -> TaskRunner:
    """The open runner, its Session checking releases against a 1.0.0 bundle."""
    installation = installed_n(tmp_path / "app", KEY)
    call(
        qtbot, open_runner, lambda ctx: setattr(ctx.session, "installation_override", installation)
    )
    return open_runner


@pytest.fixture
def staged(qtbot: QtBot, runner: TaskRunner, stick: Path) -> TaskRunner:
    """Release 1.1.0 staged from the stick."""
    call(qtbot, runner, lambda ctx: ctx.session.import_release_from_stick(stick / STICK_RELEASE))
    return runner


def _plug_in(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """The stick at ``stick`` is the one removable volume plugged in."""
    volume = Volume(stick, "USB", "vfat", 1 << 30, 1 << 29, True, False, "/dev/sdz1")
    monkeypatch.setattr("danvan_desktop.usb.volumes.list_removable_volumes", lambda: [volume])


def _box(qtbot: QtBot, runner: TaskRunner) -> UpdateBox:
    box = UpdateBox(runner)
    qtbot.addWidget(box)
    box.show()
    box.refresh()
    qtbot.waitUntil(lambda: "Đang kiểm tra" not in box.status.text(), timeout=WAIT_MS)
    return box


def _request(qtbot: QtBot, runner: TaskRunner) -> dict[str, str]:
    data_dir = call(qtbot, runner, lambda ctx: ctx.session.store.data_dir)
    return dict(json.loads((Path(data_dir) / "updates" / "install-request.json").read_text()))


def test_no_update_says_so(qtbot: QtBot, runner: TaskRunner) -> None:
    """With nothing staged the box says there is no new version and offers no install."""
    box = _box(qtbot, runner)
    assert box.status.text().startswith("Chưa có bản cập nhật mới.")
    assert (box.install_later.isVisible(), box.from_stick.isVisible()) == (False, True)


def test_a_ready_release_shows_its_version_and_notes(qtbot: QtBot, staged: TaskRunner) -> None:
    """A staged release is announced with its version and the Vietnamese notes."""
    box = _box(qtbot, staged)
    assert "Phiên bản 1.1.0" in box.status.text()
    assert box.notes.text() == "Có gì mới: Sửa lỗi lưu biên bản cuộc họp."


def test_install_at_next_start(qtbot: QtBot, staged: TaskRunner) -> None:
    """«Cài khi mở lại» writes the request for the next start and says so."""
    box = _box(qtbot, staged)
    QTest.mouseClick(box.install_later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(box.message.text()), timeout=WAIT_MS)
    assert box.message.text() == "Bản 1.1.0 sẽ được cài vào lần mở ứng dụng tới."
    assert _request(qtbot, staged)["when"] == "next_start"


def test_install_now_asks_for_a_restart(qtbot: QtBot, staged: TaskRunner) -> None:
    """«Cài ngay» writes the request for now and asks the window to restart."""
    box = _box(qtbot, staged)
    with qtbot.waitSignal(box.restart_requested, timeout=WAIT_MS) as signal:
        QTest.mouseClick(box.install_now, Qt.MouseButton.LeftButton)
    assert (signal.args, _request(qtbot, staged)["when"]) == (["1.1.0"], "now")


def test_no_stick_says_what_to_do(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a stick holding a release the box says to plug one in."""
    monkeypatch.setattr("danvan_desktop.usb.volumes.list_removable_volumes", lambda: [])
    box = _box(qtbot, runner)
    QTest.mouseClick(box.from_stick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.message.text().startswith("Không thấy"), timeout=WAIT_MS)


def test_a_release_is_taken_from_a_stick(
    qtbot: QtBot, runner: TaskRunner, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Tìm bản cập nhật trên USB» stages the stick's release and offers to install it."""
    _plug_in(monkeypatch, stick)
    box = _box(qtbot, runner)
    QTest.mouseClick(box.from_stick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.install_now.isVisible(), timeout=WAIT_MS)
    assert box.message.text() == "Đã lấy bản 1.1.0 từ USB và kiểm tra xong."


def test_a_half_copied_stick_is_refused_beside_the_button(
    qtbot: QtBot, runner: TaskRunner, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stick release with a file missing is refused with the reason in the box."""
    (stick / STICK_RELEASE / "files" / "_internal/danvan_desktop/app.pyc").unlink()
    _plug_in(monkeypatch, stick)
    box = _box(qtbot, runner)
    QTest.mouseClick(box.from_stick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "chưa được chép đủ" in box.message.text(), timeout=WAIT_MS)
    assert box.install_now.isVisible() is False


def test_status_bar_notices_a_ready_release(qtbot: QtBot, staged: TaskRunner) -> None:
    """The status bar says quietly that a new version is ready."""
    bar = StatusBar(staged, EventBus())
    qtbot.addWidget(bar)
    bar.show()
    bar.check_update()
    qtbot.waitUntil(bar.update_notice.isVisible, timeout=WAIT_MS)
    assert bar.update_notice.text() == "Có phiên bản mới 1.1.0: cài ở trang Cài đặt."


def test_status_bar_is_quiet_without_a_release(qtbot: QtBot, runner: TaskRunner) -> None:
    """With nothing staged the status bar shows no notice."""
    bar = StatusBar(runner, EventBus())
    qtbot.addWidget(bar)
    bar.show()
    bar.check_update()
    call(qtbot, runner, lambda ctx: None)  # the check ran before this job
    qtbot.wait(50)
    assert bar.update_notice.isVisible() is False


def test_sync_result_names_a_refused_release() -> None:
    """The Đồng bộ page's round sentence ends with the release's refusal."""
    from danvan_desktop.sync.report import SyncReport
    from danvan_desktop.ui.sync.sync_page_data import report_text

    text = report_text(SyncReport(release_refused="Bản cập nhật bị từ chối: X."))
    assert text.endswith(" Bản cập nhật bị từ chối: X.")


def test_sync_result_names_a_ready_release() -> None:
    """The Đồng bộ page's round sentence says a release was downloaded."""
    from danvan_desktop.sync.report import SyncReport
    from danvan_desktop.ui.sync.sync_page_data import report_text

    text = report_text(SyncReport(release_ready="1.1.0"))
    assert text.endswith(" Bản cập nhật 1.1.0 đã tải về: cài ở trang Cài đặt.")
