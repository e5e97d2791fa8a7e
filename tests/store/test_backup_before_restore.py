"""The copy made before a restore is a backup like the others: listed, restorable, kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.session.data_folder import is_before_restore, list_backups, restore_backup
from danvan_desktop.store import backup


def _names(session: Session) -> set[str]:
    return {record["name"] for record in session.list_records("model")}


def test_a_wrong_restore_is_undone_from_the_copy_it_kept(session: Session, data_dir: Path) -> None:
    """Restore X, then restore the copy made before it: the data is back as it was."""
    session.add_model(name="Đèn đường", field_code="economy", year=2026)
    chosen = session.make_backup()
    session.add_model(name="Vườn mẫu", field_code="economy", year=2026)
    session.close()
    copy = restore_backup(chosen, data_dir)
    assert copy in list_backups(data_dir) and is_before_restore(copy)
    restore_backup(copy, data_dir)
    reopened = Session.open(data_dir)
    try:
        assert _names(reopened) == {"Đèn đường", "Vườn mẫu"}
        assert reopened.check(full=True).ok
    finally:
        reopened.close()


def test_the_copy_before_a_restore_is_listed_newest_first(session: Session, data_dir: Path) -> None:
    """The list has the backups and the copy, newest first, the copy on top after a restore."""
    made = session.make_backup()
    session.close()
    copy = restore_backup(made, data_dir)
    assert list_backups(data_dir) == [copy, made]
    assert copy.name.startswith("before-restore-") and copy.suffix == ".zip"


def test_rotation_and_the_backup_schedule_leave_the_copy_alone(
    session: Session, data_dir: Path
) -> None:
    """Automatic rotation never deletes a copy made before a restore, and the copy (the data
    that was replaced) does not count as a recent backup of the data in use."""
    made = session.make_backup()
    session.close()
    copy = restore_backup(made, data_dir)
    made.unlink()
    assert backup.backup_due(data_dir, 24)
    reopened = Session.open(data_dir)
    try:
        reopened.change_setting("backup_keep", 1)
        reopened.make_backup()
        reopened.make_backup()
        assert copy.exists()
        assert sum(1 for path in reopened.list_backups() if not is_before_restore(path)) == 1
    finally:
        reopened.close()


def test_a_plain_copy_from_the_released_version_is_listed_and_restores(
    session: Session, data_dir: Path, tmp_path: Path
) -> None:
    """The released version kept ``before-restore-<stamp>.sqlite3``: listed and restorable."""
    session.add_model(name="Đèn đường", field_code="economy", year=2026)
    plain = tmp_path / "plain.sqlite3"
    backup.backup_to(session.store.db, plain)
    session.add_model(name="Vườn mẫu", field_code="economy", year=2026)
    session.close()
    old = data_dir / "backups" / "before-restore-20261206T072000Z.sqlite3"
    old.parent.mkdir(exist_ok=True)
    shutil.copyfile(plain, old)
    assert old in list_backups(data_dir) and is_before_restore(old)
    restore_backup(old, data_dir)
    reopened = Session.open(data_dir)
    try:
        assert _names(reopened) == {"Đèn đường"}
    finally:
        reopened.close()
