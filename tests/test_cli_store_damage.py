"""`danvan check` on a damaged store, and a read-only or full data folder, run as a user
would: the real CLI in a child process, a real store file, real read-only and full mounts."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from danvan_desktop.core.i18n import set_language
from danvan_desktop.session import Session
from danvan_desktop.store import store_health
from usb import conftest as usb_fixtures
from usb.conftest import Mounts

mounts = usb_fixtures.mounts  # real tmpfs mounts, unmounted after each test

PHU_XUAN = "19768"
ADVICE = "Dữ liệu có lỗi. Hãy đóng ứng dụng, chép thư mục dữ liệu ra USB để giữ lại"
STORE = "danvan.sqlite3"


def danvan(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``danvan`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _add_model(data_dir: Path, name: str) -> subprocess.CompletedProcess[str]:
    fields = ("field_code=new_rural", "status=registered", "year=2026")
    return danvan("add", "model", f"name={name}", *fields, data_dir=data_dir)


def _set_up(data_dir: Path, models: int = 0) -> Path:
    done = danvan(
        "init",
        "--commune",
        PHU_XUAN,
        "--village",
        "Tổ dân phố 5",
        "--team",
        "Tổ dân vận tổ dân phố 5",
        "--leader",
        "Nguyễn Văn An",
        data_dir=data_dir,
    )
    assert done.returncode == 0, done.stderr
    for number in range(models):
        assert _add_model(data_dir, f"Mô hình số {number}").returncode == 0
    return data_dir


def _overwrite_model_page(data_dir: Path) -> None:
    """Write random bytes over the page holding the model table, in the middle of the file."""
    path = data_dir / STORE
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'model'").fetchone()
    conn.close()
    assert 1 < root < pages  # a page in the middle, not the header or the last one
    with open(path, "r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(random.Random(9).randbytes(page_size))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A team store with a few models, then a page overwritten in the middle."""
    data_dir = _set_up(tmp_path / "data", models=3)
    _overwrite_model_page(data_dir)
    return data_dir


def test_check_reports_the_damage_in_one_line_and_advice(damaged: Path) -> None:
    """check on an overwritten page: exit 1, one line of what it found, then the advice."""
    done = danvan("check", data_dir=damaged)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(ADVICE)
    assert "Traceback" not in done.stderr
    assert not (damaged / "logs" / "cli-errors.log").exists()


def test_full_check_reports_the_damage_too(damaged: Path) -> None:
    """check --full on the same store: exit 1 with the advice, no traceback."""
    done = danvan("check", "--full", data_dir=damaged)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith(ADVICE)


def test_add_is_refused_after_the_check_found_damage(damaged: Path) -> None:
    """After a failed check, add is refused with the same advice and the file is untouched."""
    danvan("check", data_dir=damaged)
    before = _digest(damaged / STORE)
    done = _add_model(damaged, "Ghi vào tệp hỏng")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert ADVICE in done.stderr
    assert "bị hỏng" in done.stderr
    assert _digest(damaged / STORE) == before


def test_reading_the_damaged_page_marks_the_store(damaged: Path) -> None:
    """A list that reads the bad page is told the damage (exit 2), and add is then refused."""
    listed = danvan("list", "model", data_dir=damaged)
    assert listed.returncode == 2
    assert ADVICE in listed.stderr
    assert _add_model(damaged, "Sau khi đọc").returncode == 2


def test_a_restore_lifts_the_refusal(tmp_path: Path) -> None:
    """Restoring a backup puts a sound file in place: add works again."""
    data_dir = _set_up(tmp_path / "data", models=3)
    made = danvan("backup", "--to", str(tmp_path / "saved"), data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    _overwrite_model_page(data_dir)
    assert danvan("check", data_dir=data_dir).returncode == 1
    [backup] = (tmp_path / "saved").glob("*.zip")
    assert danvan("restore", str(backup), data_dir=data_dir).returncode == 0
    assert _add_model(data_dir, "Sau khôi phục").returncode == 0
    assert danvan("check", data_dir=data_dir).returncode == 0


def test_read_only_data_folder_is_told_as_read_only(tmp_path: Path, mounts: Mounts) -> None:
    """A data folder on a read-only mount: check and add say "read-only", exit 2."""
    point = mounts.tmpfs("16m", name="data")
    _set_up(point)
    mounts.remount_read_only(point)
    for args in (("check",), ("add", "model", "name=X", "field_code=economy", "year=2026")):
        done = danvan(*args, data_dir=point)
        assert done.returncode == 2
        assert done.stderr.splitlines() == [
            f"Lỗi: Thư mục dữ liệu {point} chỉ đọc được (ổ đĩa, USB hoặc quyền của thư mục "
            "không cho ghi), nên ứng dụng không ghi được dữ liệu: hãy bỏ chế độ chỉ đọc hoặc "
            "chép thư mục sang ổ ghi được rồi mở lại. Dữ liệu không bị hỏng."
        ]


def test_full_disk_is_one_line_and_exit_2(tmp_path: Path, mounts: Mounts) -> None:
    """A data folder whose disk is full: add says so in one line, exit 2, no damage mark."""
    point = mounts.tmpfs("4m", name="data")
    _set_up(point)
    with open(point / "filler", "wb", buffering=0) as filler:  # unbuffered: no late flush
        for size in (65536, 4096, 1):
            with suppress(OSError):
                while filler.write(b"\0" * size):
                    pass
    done = _add_model(point, "Không còn chỗ")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"Lỗi: Ổ đĩa chứa thư mục dữ liệu {point} đã đầy, nên ứng dụng không ghi được: hãy xóa "
        "bớt tệp không cần để giải phóng chỗ trống rồi làm lại. Dữ liệu không bị hỏng."
    ]
    assert not (point / "danvan.damaged").exists()


def test_disk_full_while_writing_is_told_as_a_full_disk(tmp_path: Path) -> None:
    """SQLite's own "database or disk is full" met during a save is a full disk, not damage."""
    set_language("vi")
    session = Session.open(_set_up(tmp_path / "data"))
    try:
        session.store.conn.execute("VACUUM")  # no free page left for the saves to reuse
        pages = session.store.conn.execute("PRAGMA page_count").fetchone()[0]
        session.store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(sqlite3.OperationalError) as caught:
            for number in range(50):
                session.add_model(name=f"Mô hình {number}", field_code="economy", year=2026)
        explained = session.store.explain_failure(caught.value)
    finally:
        session.close()
    assert explained is not None
    assert explained.message.startswith("Ổ đĩa chứa thư mục dữ liệu")
    assert session.store.damaged is None


def test_a_quick_check_does_not_lift_what_a_full_check_found(tmp_path: Path) -> None:
    """The mark a full check left stays after a quick check passes; a full one lifts it."""
    store = _set_up(tmp_path / "data") / STORE
    store_health.mark_damaged(store, "Page 7: btreeInitPage() returns error code 11", full=True)
    store_health.clear_damage_mark(store, full=False)
    assert store_health.damage_mark(store) == "Page 7: btreeInitPage() returns error code 11"
    store_health.clear_damage_mark(store, full=True)
    assert store_health.damage_mark(store) is None


def test_a_mark_about_a_replaced_file_is_dropped(tmp_path: Path) -> None:
    """A mark names the file it is about: a new file in its place is not marked."""
    store = _set_up(tmp_path / "data") / STORE
    store_health.mark_damaged(store, "malformed")
    copy = store.with_name("copy.sqlite3")
    copy.write_bytes(store.read_bytes())
    os.replace(copy, store)
    assert store_health.damage_mark(store) is None
    assert not store.with_name("danvan.damaged").exists()
