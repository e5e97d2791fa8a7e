"""The server's SQLite file (with its bundle-signing key) and its attachments are readable
by the server's user only: 0600 files in 0700 folders, whatever the umask.

CI runs as root, for whom modes stop nothing: the tests read the mode bits.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from danvan_desktop.core.private_files import umask_set
from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from danvan_server import admin
from danvan_server.attachments import AttachmentStore
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from support.server_process import ServerApi, sqlite_url

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")

PHOTO = os.urandom(100_000)
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The process umask the operation runs under (the usual one, and none at all)."""
    with umask_set(request.param):
        yield request.param


def test_a_new_sqlite_database_and_its_wal_are_private(tmp_path: Path, umask: int) -> None:
    """init makes the file, its -wal and -shm 0600 and the attachments folder 0700."""
    engine = make_engine(Settings(database_url=sqlite_url(tmp_path)))
    try:
        admin.initialise(engine, tmp_path / "files" / "attachments")
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM meta")).scalar_one()
            names = ["server.sqlite3", "server.sqlite3-wal", "server.sqlite3-shm"]
            assert [mode(tmp_path / name) for name in names] == [0o600] * 3
    finally:
        engine.dispose()
    folders = [tmp_path / "files", tmp_path / "files" / "attachments"]
    assert [mode(folder) for folder in folders] == [0o700] * 2


def test_an_older_sqlite_file_is_made_private(tmp_path: Path) -> None:
    """A database file an older release left 0644 is 0600 once the server opens it."""
    path = tmp_path / "server.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    make_engine(Settings(database_url=sqlite_url(tmp_path))).dispose()
    assert mode(path) == 0o600


def test_uploaded_chunks_and_files_are_private(team: ServerApi, tmp_path: Path, umask: int) -> None:
    """A partial upload, the accepted file and its folder are 0600 and 0700."""
    answer = team.request(
        "PUT",
        f"/attachments/{PHOTO_SHA}",
        params={"offset": 0},
        content=PHOTO[:1000],
        headers={HEADER_CHUNK_SHA256: hashlib.sha256(PHOTO[:1000]).hexdigest()},
    )
    assert answer.status_code == 200
    folder = tmp_path / "attachments" / PHOTO_SHA[:2]
    [partial] = folder.glob("*.part")
    assert (mode(folder), mode(partial)) == (0o700, 0o600)
    rest = PHOTO[1000:]
    team.request(
        "PUT",
        f"/attachments/{PHOTO_SHA}",
        params={"offset": 1000},
        content=rest,
        headers={HEADER_CHUNK_SHA256: hashlib.sha256(rest).hexdigest()},
    )
    assert team.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": len(PHOTO)}).json() == {
        "stored": True
    }
    assert mode(folder / PHOTO_SHA) == 0o600


def test_an_older_attachments_folder_is_made_private(engine: Engine, tmp_path: Path) -> None:
    """A 0755 folder with 0644 files from an older release is tightened when served."""
    folder = tmp_path / "attachments"
    old = folder / "ab" / ("ab" * 32)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x")
    old.chmod(0o644)
    old.parent.chmod(0o755)
    folder.chmod(0o755)
    AttachmentStore(engine, folder, 1000)
    assert (mode(folder), mode(old.parent), mode(old)) == (0o700, 0o700, 0o600)
