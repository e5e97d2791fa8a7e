"""Backups with attachments, rotation, restore, and clear refusals of bad files."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from danvan_desktop.core.errors import StoreError
from danvan_desktop.session import Session
from danvan_desktop.store import backup
from danvan_desktop.store.migrations import schema_version


def _attach(session: Session, content: bytes) -> Path:
    path = session.store.attachments_dir / "ab" / "abcdef0123"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_backup_restore_round_trip(session: Session, data_dir: Path) -> None:
    """Restore brings back the records and attachments of the backup, nothing later."""
    kept = session.add_model(name="Trước sao lưu", field_code="economy", year=2026).record_id
    attachment = _attach(session, b"anh minh chung")
    path = session.make_backup()
    later = session.add_model(name="Sau sao lưu", field_code="economy", year=2026).record_id
    attachment.write_bytes(b"changed")
    session.close()
    backup.restore_backup(path, data_dir, known_schema=schema_version())
    reopened = Session.open(data_dir)
    try:
        assert reopened.get_record("model", kept or "")["name"] == "Trước sao lưu"
        assert reopened.records.find("model", later or "") is None
        assert attachment.read_bytes() == b"anh minh chung"
        assert reopened.check(full=True).ok
    finally:
        reopened.close()


def test_restore_keeps_the_replaced_store(session: Session, data_dir: Path) -> None:
    """The store a restore replaces is kept as a backup of its own."""
    path = session.make_backup()
    session.close()
    safety = backup.restore_backup(path, data_dir, known_schema=schema_version())
    assert safety.exists() and safety.name.startswith("before-restore-")


def test_damaged_backup_is_refused_with_a_clear_message(session: Session, tmp_path: Path) -> None:
    """Bytes flipped inside a copy of a backup: refused, naming the damaged member."""
    path = session.make_backup()
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == backup.STORE_MEMBER:
                data = data[:5000] + bytes(b ^ 0xFF for b in data[5000:5010]) + data[5010:]
            dst.writestr(item, data)
    with pytest.raises(StoreError, match=r"danvan\.sqlite3 trong bản sao lưu bị hỏng"):
        backup.read_backup(damaged)


def test_flipped_bytes_in_the_zip_itself_are_refused(session: Session, tmp_path: Path) -> None:
    """A zip whose compressed bytes were flipped is refused, not half-restored."""
    raw = bytearray(session.make_backup().read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(b ^ 0xFF for b in raw[middle : middle + 64])
    damaged = tmp_path / "flipped.zip"
    damaged.write_bytes(bytes(raw))
    with pytest.raises(StoreError, match="Không khôi phục được"):
        backup.read_backup(damaged)


def test_missing_and_foreign_files_are_refused(tmp_path: Path) -> None:
    """A missing file, a random file and someone else's zip are all refused cleanly."""
    with pytest.raises(StoreError, match="không tìm thấy tệp"):
        backup.read_backup(tmp_path / "none.zip")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(StoreError, match="không phải tệp nén hợp lệ"):
        backup.read_backup(junk)
    foreign = tmp_path / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("a.jpg", b"x")
    with pytest.raises(StoreError, match="không phải bản sao lưu của ứng dụng này"):
        backup.read_backup(foreign)


def test_refused_restore_leaves_the_store_untouched(
    session: Session, data_dir: Path, tmp_path: Path
) -> None:
    """After a refused restore the live store still opens with its data."""
    kept = session.add_model(name="Giữ nguyên", field_code="economy", year=2026).record_id
    session.close()
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(StoreError):
        backup.restore_backup(junk, data_dir, known_schema=schema_version())
    reopened = Session.open(data_dir)
    try:
        assert reopened.get_record("model", kept or "")["name"] == "Giữ nguyên"
    finally:
        reopened.close()


def test_rotation_keeps_the_newest(session: Session, data_dir: Path) -> None:
    """With keep=3, the fourth backup removes the oldest."""
    session.change_setting("backup_keep", 3)
    made = [session.make_backup() for _ in range(4)]
    assert session.list_backups() == sorted(made[1:], reverse=True)


def test_backup_due_follows_the_interval(session: Session, data_dir: Path) -> None:
    """No backup yet: due. Just made: not due. A day later: due."""
    assert backup.backup_due(data_dir, 24)
    session.make_backup()
    assert not backup.backup_due(data_dir, 24)
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    assert backup.backup_due(data_dir, 24, now=tomorrow)
    assert session.auto_backup() is None


def test_unclean_shutdown_is_noticed(data_dir: Path, session: Session) -> None:
    """A store left open by a dead process is reported as an unclean shutdown."""
    assert not session.store.unclean_shutdown
    second = Session.open(data_dir)  # the marker of the first, still open, is there
    try:
        assert second.store.unclean_shutdown
    finally:
        second.store.db.close()  # leave the marker for the first session to clear
        second.store.closed = True
