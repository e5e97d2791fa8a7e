"""The laptop's data folder is the user's alone: 0700 folders, 0600 files, whatever the umask.

The store holds the sync token and the key that signs USB bundles; backups copy it;
attachments are the team's photos. CI runs as root, for whom modes stop nothing, so the
tests read the mode bits instead of trying to open files as another user.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.core.private_files import open_private, private_dir, umask_set
from danvan_desktop.session import Session
from danvan_desktop.store import backup
from danvan_desktop.store.attachments import store_bytes
from danvan_desktop.store.database import STORE_FILE, Store
from danvan_desktop.store.migrations import schema_version

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The process umask the operation runs under (the usual one, and none at all)."""
    with umask_set(request.param):
        yield request.param


def test_a_new_store_and_its_sqlite_files_are_private(data_dir: Path, umask: int) -> None:
    """The folder is 0700; the store, its -wal and -shm and the open marker are 0600."""
    store = Store.open(data_dir, create=True)
    try:
        assert mode(data_dir) == 0o700
        for name in (STORE_FILE, f"{STORE_FILE}-wal", f"{STORE_FILE}-shm", "danvan.open"):
            assert mode(data_dir / name) == 0o600, name
    finally:
        store.close()


def test_a_folder_made_by_an_older_release_is_made_private(data_dir: Path) -> None:
    """A 0755 folder with 0644 files (store, backup, photo, log) is tightened on opening."""
    Store.open(data_dir, create=True).close()
    old_files = [
        data_dir / STORE_FILE,
        data_dir / "backups" / "danvan-backup-1.zip",
        data_dir / "attachments" / "ab" / "cdef",
        data_dir / "logs" / "gui.log",
    ]
    for path in old_files[1:]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    for path in old_files:
        path.chmod(0o644)
        path.parent.chmod(0o755)
    (data_dir / "attachments").chmod(0o755)
    Store.open(data_dir).close()
    assert [mode(path) for path in old_files] == [0o600] * 4
    folders = [data_dir, data_dir / "backups", data_dir / "attachments" / "ab", data_dir / "logs"]
    assert [mode(folder) for folder in folders] == [0o700] * 4


def test_logs_written_after_the_first_open_are_made_private(data_dir: Path) -> None:
    """The logging module makes its file with the umask's mode; the next open tightens it."""
    Store.open(data_dir, create=True).close()
    log = data_dir / "logs" / "gui.log"
    log.parent.mkdir()
    log.write_text("warning\n", encoding="utf-8")
    log.chmod(0o644)
    Store.open(data_dir).close()
    assert (mode(log.parent), mode(log)) == (0o700, 0o600)


def test_attachment_files_and_their_folders_are_private(session: Session, umask: int) -> None:
    """A stored photo is 0600 in 0700 folders."""
    stored = store_bytes(session.store, b"anh minh chung")
    assert mode(stored.path) == 0o600
    assert mode(stored.path.parent) == 0o700
    assert mode(session.store.attachments_dir) == 0o700


def test_backups_are_private(session: Session, data_dir: Path, umask: int) -> None:
    """A full backup zip and a plain store copy are 0600 in a 0700 folder."""
    full = session.make_backup()
    copy = backup.backup_to(session.store.db, data_dir / "backups" / "before-migration.sqlite3")
    assert (mode(full), mode(copy), mode(data_dir / "backups")) == (0o600, 0o600, 0o700)


def test_a_restored_store_and_its_attachments_are_private(
    session: Session, data_dir: Path, umask: int
) -> None:
    """Files taken out of a backup zip are 0600 once in place."""
    photo = store_bytes(session.store, b"anh minh chung").path
    path = session.make_backup()
    session.close()
    photo.unlink()
    backup.restore_backup(path, data_dir, known_schema=schema_version())
    assert (mode(data_dir / STORE_FILE), mode(photo), mode(photo.parent)) == (0o600, 0o600, 0o700)


def test_a_partial_file_an_older_release_left_readable_is_made_private(
    tmp_path: Path, umask: int
) -> None:
    """Appending to a 0644 partial download makes it 0600."""
    partial = tmp_path / "ab" / "cdef.download"
    private_dir(partial.parent)
    partial.write_bytes(b"first half")
    partial.chmod(0o644)
    with open_private(partial, "r+b") as sink:
        sink.seek(0, os.SEEK_END)
        sink.write(b", second half")
    assert (mode(partial), partial.read_bytes()) == (0o600, b"first half, second half")


def test_missing_parent_folders_are_made_private_too(tmp_path: Path, umask: int) -> None:
    """Every folder private_dir has to make is 0700, not only the last."""
    private_dir(tmp_path / "a" / "b" / "c")
    assert [mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
