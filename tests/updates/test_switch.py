"""updates/switch.py: a staged release installed at start, or refused with the old one kept."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from danvan_desktop.core.release import INSTALL_REQUEST_NAME
from danvan_desktop.updates.switch import (
    FAILED,
    INSTALLED,
    JOURNAL_NAME,
    ProgramHome,
    has_request,
    locate_home,
    read_outcome,
    run_switch,
    take_untold_outcome,
)
from support.release_bundles import PLATFORM
from support.switch_setup import (
    FAIL,
    NEW,
    OLD,
    file_digest,
    laptop,
    whole_version,
)


def test_a_staged_release_becomes_current(tmp_path: Path) -> None:
    """After the switch `current` names 1.1.0, whole, and the outcome says installed."""
    data_dir, home = laptop(tmp_path)
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == INSTALLED
    assert os.readlink(home.current) == f"versions/{NEW}"
    assert whole_version(home) == NEW


def test_the_previous_version_is_kept_and_the_request_cleared(tmp_path: Path) -> None:
    """1.0.0 stays beside 1.1.0; request, journal, staged folder and store copy are gone
    (the outcome and the trusted keys stay)."""
    data_dir, home = laptop(tmp_path)
    run_switch(data_dir, home, PLATFORM)
    assert sorted(p.name for p in home.versions.iterdir()) == [OLD, NEW]
    assert sorted(p.name for p in (data_dir / "updates").iterdir()) == [
        "switch-outcome.json",
        "trusted-keys.json",
    ]


def test_unchanged_files_are_hard_linked_not_copied(tmp_path: Path) -> None:
    """The new version's files share the staged files' blocks (one copy on disk)."""
    data_dir, home = laptop(tmp_path)
    staged = data_dir / "updates" / f"{NEW}-{PLATFORM}" / "files" / "_internal/libQt6Core.so.6"
    inode = staged.stat().st_ino
    run_switch(data_dir, home, PLATFORM)
    assert (home.folder(NEW) / "_internal/libQt6Core.so.6").stat().st_ino == inode


def test_the_store_is_backed_up_before_the_switch(tmp_path: Path) -> None:
    """backups/ holds a before-update copy with the team's rows; the live store is unchanged."""
    data_dir, home = laptop(tmp_path)
    before = file_digest(data_dir / "danvan.sqlite3")
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None
    (backup,) = (data_dir / "backups").glob(f"before-update-{OLD}-to-{NEW}-*.sqlite3")
    assert outcome.backup == str(backup)
    rows = sqlite3.connect(backup).execute("SELECT name FROM model ORDER BY id").fetchall()
    assert rows == [("Đường hoa",), ("Vườn mẫu",)]
    assert file_digest(data_dir / "danvan.sqlite3") == before


def test_a_failed_self_test_keeps_the_old_version(tmp_path: Path) -> None:
    """The new version's self-test fails: 1.0.0 stays current and 1.1.0's folder goes."""
    data_dir, home = laptop(tmp_path, new_verdict=FAIL)
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert whole_version(home) == OLD
    assert sorted(p.name for p in home.versions.iterdir()) == [OLD]


def test_a_failed_self_test_says_why(tmp_path: Path) -> None:
    """The reason quotes the self-test's error line; the message names both versions."""
    data_dir, home = laptop(tmp_path, new_verdict=FAIL)
    run_switch(data_dir, home, PLATFORM)
    outcome = read_outcome(data_dir)
    assert outcome is not None
    assert "LỖI bản sao dữ liệu của tổ: bảng meeting hỏng" in outcome.reason
    assert outcome.message().startswith("Chưa cài được bản 1.1.0: bản mới không qua")
    assert "Bản 1.0.0 vẫn được dùng, dữ liệu của tổ không thay đổi." in outcome.message()


def test_a_failed_self_test_leaves_the_store_untouched(tmp_path: Path) -> None:
    """The live store's bytes are the same after a failed switch."""
    data_dir, home = laptop(tmp_path, new_verdict=FAIL)
    before = file_digest(data_dir / "danvan.sqlite3")
    run_switch(data_dir, home, PLATFORM)
    assert file_digest(data_dir / "danvan.sqlite3") == before


def test_a_failed_switch_drops_the_request(tmp_path: Path) -> None:
    """After a failure nothing waits: the next start does not try again."""
    data_dir, home = laptop(tmp_path, new_verdict=FAIL)
    run_switch(data_dir, home, PLATFORM)
    assert not has_request(data_dir)
    assert run_switch(data_dir, home, PLATFORM) is None


def test_the_outcome_is_told_once(tmp_path: Path) -> None:
    """The start notice takes the outcome once; the pages can still read it."""
    data_dir, home = laptop(tmp_path, new_verdict=FAIL)
    run_switch(data_dir, home, PLATFORM)
    first = take_untold_outcome(data_dir)
    assert first is not None and first.status == FAILED
    assert take_untold_outcome(data_dir) is None
    outcome = read_outcome(data_dir)
    assert outcome is not None and outcome.told


def test_a_release_for_another_platform_is_refused(tmp_path: Path) -> None:
    """A request naming windows-x86_64 on Linux fails and changes nothing."""
    data_dir, home = laptop(tmp_path)
    request = data_dir / "updates" / INSTALL_REQUEST_NAME
    request.write_text(json.dumps({"version": NEW, "platform": "windows-x86_64", "when": "now"}))
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert "windows-x86_64" in outcome.reason
    assert sorted(p.name for p in home.versions.iterdir()) == [OLD]


def test_an_older_release_is_refused(tmp_path: Path) -> None:
    """A request for the version already running is not installed again."""
    data_dir, home = laptop(tmp_path)
    request = data_dir / "updates" / INSTALL_REQUEST_NAME
    request.write_text(json.dumps({"version": OLD, "platform": PLATFORM, "when": "now"}))
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert outcome.reason == "bản 1.0.0 không mới hơn bản đang chạy 1.0.0"
    assert whole_version(home) == OLD


def test_a_tampered_staged_file_is_refused(tmp_path: Path) -> None:
    """A staged file changed after its check is caught before anything is installed."""
    data_dir, home = laptop(tmp_path)
    code = data_dir / "updates" / f"{NEW}-{PLATFORM}" / "files" / "_internal/danvan_desktop/app.pyc"
    code.write_bytes(b"our code, 1.1.0 but not the signed one!")
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert outcome.reason.startswith("bản đã tải về không đủ hoặc không đúng")
    assert whole_version(home) == OLD


def test_an_interrupted_swap_is_finished_at_the_next_start(tmp_path: Path) -> None:
    """Killed after `current` moved: the next start tidies up and says installed."""
    data_dir, home = laptop(tmp_path)
    run_switch(data_dir, home, PLATFORM)
    journal = {"version": NEW, "from": OLD, "platform": PLATFORM, "attempts": 1, "step": "tested"}
    (data_dir / "updates" / JOURNAL_NAME).write_text(json.dumps(journal))
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == INSTALLED
    assert not (data_dir / "updates" / JOURNAL_NAME).exists()


def test_a_switch_interrupted_too_often_rolls_back(tmp_path: Path) -> None:
    """A journal that has been resumed three times rolls back instead of trying again."""
    data_dir, home = laptop(tmp_path)
    journal = {"version": NEW, "from": OLD, "platform": PLATFORM, "attempts": 3, "step": "copied"}
    (data_dir / "updates" / JOURNAL_NAME).write_text(json.dumps(journal))
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert outcome.reason == "việc cài đặt bị ngắt 3 lần"
    assert whole_version(home) == OLD


def test_the_install_is_found_from_the_program(tmp_path: Path) -> None:
    """A program in versions/<v>/ reached through `current` names its install home."""
    _, home = laptop(tmp_path)
    found = locate_home(home.current / "danvan-desktop")
    assert found == ProgramHome(home.home.resolve())


def test_a_program_outside_the_versioned_layout_has_no_install_home(tmp_path: Path) -> None:
    """The folder layout of old (no versions/) is not switched."""
    program = tmp_path / "danvan-desktop-app" / "danvan-desktop"
    program.parent.mkdir()
    program.write_text("")
    assert locate_home(program) is None
