"""The switch seen from the programs: ``--self-test-store``, and the outcome told at a start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from danvan_desktop.core import release
from danvan_desktop.core.release import INSTALL_REQUEST_NAME
from danvan_desktop.selftest.store_copy import check_store_copy
from danvan_desktop.session import Session, release_switch
from danvan_desktop.updates.switch import refuse_request

PHU_XUAN = 19768
TEAM = {
    "province_code": 46,
    "commune_code": PHU_XUAN,
    "village_name": "Tổ dân phố 5",
    "village_kind": "to_dan_pho",
    "team_name": "Tổ dân vận tổ dân phố 5",
    "leader_name": "Nguyễn Văn An",
}


def _team_copy(tmp_path: Path) -> Path:
    """A copy (as the switch makes one) of a set-up team's store."""
    live = tmp_path / "data"
    session = Session.open(live, create=True)
    session.initialise_team(**TEAM)
    session.close()
    copy = tmp_path / "check"
    copy.mkdir()
    shutil.copyfile(live / "danvan.sqlite3", copy / "danvan.sqlite3")
    return copy


def _danvan(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DANVAN_LANG": "vi", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_a_copy_of_the_store_passes_the_store_check(tmp_path: Path) -> None:
    """A set-up team's store, copied, opens with this version and checks whole."""
    outcome = check_store_copy(_team_copy(tmp_path))
    assert outcome.line() == "OK bản sao dữ liệu của tổ: mở được, nâng cấp và kiểm tra đều tốt"


def test_a_damaged_copy_fails_the_store_check(tmp_path: Path) -> None:
    """A copy that is not a SQLite file fails the check with a LỖI line."""
    copy = tmp_path / "check"
    copy.mkdir()
    (copy / "danvan.sqlite3").write_bytes(b"not a database at all" * 100)
    assert check_store_copy(copy).line().startswith("LỖI bản sao dữ liệu của tổ: ")


def test_self_test_store_runs_the_self_test_and_the_copy(tmp_path: Path) -> None:
    """``danvan --self-test-store DIR`` passes and its last check is the store copy's."""
    copy = _team_copy(tmp_path)
    done = _danvan(tmp_path / "unused", "--self-test-store", str(copy))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-2] == "OK bản sao dữ liệu của tổ: mở được, nâng cấp và kiểm tra đều tốt"
    assert not (tmp_path / "unused").exists()


def test_the_commands_tell_a_failed_switch_once(tmp_path: Path) -> None:
    """The next ``danvan`` prints why the update was not installed, and only that once."""
    data_dir = _team_copy(tmp_path).parent / "data"
    updates = data_dir / "updates"
    updates.mkdir()
    request = {"version": "1.1.0", "platform": "linux-x86_64", "when": "next_start"}
    (updates / INSTALL_REQUEST_NAME).write_text(json.dumps(request))
    refuse_request(data_dir, "bản mới không qua bước tự kiểm tra (LỖI x)", "1.0.0")
    first = _danvan(data_dir, "list", "model")
    second = _danvan(data_dir, "list", "model")
    assert first.stderr == (
        "Chưa cài được bản 1.1.0: bản mới không qua bước tự kiểm tra (LỖI x). "
        "Bản 1.0.0 vẫn được dùng, dữ liệu của tổ không thay đổi.\n"
    )
    assert second.stderr == ""


def test_a_program_run_from_source_leaves_the_request(tmp_path: Path) -> None:
    """From a source checkout nothing is installed: the request waits for the real program."""
    data_dir = _team_copy(tmp_path).parent / "data"
    updates = data_dir / "updates"
    updates.mkdir()
    request = {"version": "1.1.0", "platform": "linux-x86_64", "when": "next_start"}
    (updates / INSTALL_REQUEST_NAME).write_text(json.dumps(request))
    done = _danvan(data_dir, "list", "model")
    assert done.returncode == 0, done.stderr
    assert json.loads((updates / INSTALL_REQUEST_NAME).read_text()) == request


def test_the_start_check_names_the_files_core_names() -> None:
    """session/release_switch.py repeats core/release.py's file names: they agree."""
    names = ("UPDATES_DIR", "INSTALL_REQUEST_NAME", "SWITCH_JOURNAL_NAME", "SWITCH_OUTCOME_NAME")
    assert [getattr(release_switch, n) for n in names] == [getattr(release, n) for n in names]
