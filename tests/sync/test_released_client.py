"""The first release's laptop against this release's server, on each database.

The released laptop is the command line of commit adb94dd (sync protocol 2, store
schema 7), unpacked from tests/fixtures/released-client-adb94dd.tar.gz
(make_released_client.sh) and run as ``python -m danvan_desktop.cli`` with
PYTHONPATH pointing at that source alone. This release's server (protocol 3) runs on
loopback. One story per database, told once by the ``story`` fixture, each test
checking one thing it left behind:

1. the released laptop sets up its team store, enrolls, adds a model, a member and a
   meeting, and syncs;
2. a laptop of this release, in the same village, adds a petition with its petitioner,
   sets the regulation's new ``petition_answer_days``, and syncs;
3. the released laptop syncs again: it reaches the server's last sequence, leaving
   out the entities it cannot store and the field it does not know;
4. the new laptop pulls the released laptop's records; the commune's reviewer sees
   both laptops' work;
5. the released laptop adds a model and changes the new laptop's regulation, and writes
   a USB bundle; ``danvan-server import-bundle`` imports it and writes the reply, which
   the released laptop reads back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

import danvan_desktop.sync.bundle_format as fmt
from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.sync.protocol import API_PREFIX
from server.conftest import PG_ENV, PgSchema
from support.server_process import (
    PHU_XUAN,
    ServerProcess,
    add_commune,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import new_laptop

ARCHIVE = Path(__file__).parents[1] / "fixtures" / "released-client-adb94dd.tar.gz"
CLI_TIMEOUT_S = 120
PETITION: dict[str, Any] = {
    "title": "Đèn đường kiệt 12 hỏng",
    "received_on": "2026-01-05",
    "field_code": "infrastructure",
}
# Imports every module of the released package and names those that did not come from
# the unpacked archive (a module missing from it would come from the checkout).
PROBE = """
import importlib, pkgutil, sys
import danvan_desktop
root = sys.argv[1]
for found in pkgutil.walk_packages(danvan_desktop.__path__, "danvan_desktop."):
    importlib.import_module(found.name)
print(danvan_desktop.__file__)
for name, module in sorted(sys.modules.items()):
    where = getattr(module, "__file__", None) or ""
    if name.split(".")[0] in ("danvan_desktop", "danvan_server") and not where.startswith(root):
        print(name, where)
"""


@dataclass
class ReleasedLaptop:
    """The released CLI from ``source`` (the unpacked archive) over ``data_dir``."""

    source: Path
    data_dir: Path

    def env(self) -> dict[str, str]:
        """The environment: PYTHONPATH is the released source alone."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("DANVAN_")}
        env["PYTHONPATH"] = str(self.source / "src")
        return env

    def python(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``python ARGS`` in the archive's folder, with the released source first."""
        return subprocess.run(
            [sys.executable, *args],
            cwd=self.source,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
        )

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``danvan ARGS`` of the release; fails the test with its stderr when it fails."""
        done = self.python("-m", "danvan_desktop.cli", "--data-dir", str(self.data_dir), *args)
        assert done.returncode == 0, f"released danvan {args[0]}: {done.stderr}"
        return done

    def add(self, entity: str, **fields: Any) -> str:
        """Add a record with the released CLI; its id."""
        pairs = [f"{name}={value}" for name, value in fields.items()]
        return self.cli("add", entity, *pairs).stdout.strip()

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of the released store, read directly (the release has no command for it)."""
        uri = f"file:{self.data_dir / 'danvan.sqlite3'}?mode=ro"
        with sqlite3.connect(uri, uri=True) as connection:
            return list(connection.execute(sql))

    def meta(self, key: str) -> str:
        """A value of the released store's ``meta`` table."""
        return str(self.query(f"SELECT value FROM meta WHERE key = '{key}'")[0][0])


@dataclass
class Story:
    """What the story left: outputs of the released CLI, readings, and the laptops."""

    released: ReleasedLaptop
    probe: subprocess.CompletedProcess[str] | None = None
    first_sync: subprocess.CompletedProcess[str] | None = None
    second_sync: subprocess.CompletedProcess[str] | None = None
    high_seq_after_second_sync: int = -1
    checkpoint_after_second_sync: int = -2
    new_ids: dict[str, str] = field(default_factory=dict)
    new_laptop_models: list[str] = field(default_factory=list)
    new_laptop_members: list[str] = field(default_factory=list)
    new_laptop_meetings: list[str] = field(default_factory=list)
    new_laptop_quarantine: list[dict[str, Any]] = field(default_factory=list)
    reviewer_models: list[str] = field(default_factory=list)
    reviewer_meetings: list[str] = field(default_factory=list)
    reviewer_petitioners: list[str] = field(default_factory=list)
    reviewer_petition_title: str = ""
    bundle_written: subprocess.CompletedProcess[str] | None = None
    bundle_imported: subprocess.CompletedProcess[str] | None = None
    reply_entities: set[str] = field(default_factory=set)
    reply_read: subprocess.CompletedProcess[str] | None = None
    high_seq_after_reply: int = -1
    checkpoint_after_reply: int = -2
    usb_model_on_new_laptop: str = ""
    new_laptop_regulation: tuple[Any, Any] = (None, None)


def _postgres_url(request: pytest.FixtureRequest) -> str:
    """A PostgreSQL schema of this module's own, dropped at the end."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("DANVAN_REQUIRE_PG") == "1":
            pytest.fail(f"DANVAN_REQUIRE_PG=1 but {PG_ENV} is not set")
        pytest.skip(f"NOT TESTED on PostgreSQL: {PG_ENV} is not set")
    schema = PgSchema(base, f"danvan_released_{uuid7().replace('-', '')[-16:]}")
    schema.recreate()

    def drop() -> None:
        engine = create_engine(schema.base_url)
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema.name} CASCADE"))
        engine.dispose()

    request.addfinalizer(drop)
    return schema.url


def _high_seq(server: ServerProcess) -> int:
    return int(httpx.get(f"{server.url}{API_PREFIX}/health", timeout=10).json()["high_seq"])


def _names(session: Session, sql: str) -> list[str]:
    return sorted(str(row[0]) for row in session.store.db.execute(sql))


def _unpack(folder: Path) -> Path:
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(folder, filter="data")
    return folder


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def story(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Story]:
    """The story of the module doc, told once per database."""
    folder = tmp_path_factory.mktemp(f"released-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    released = ReleasedLaptop(_unpack(folder / "released-source"), folder / "released-data")
    told = Story(released, probe=released.python("-c", PROBE, str(released.source)))
    with start_server(url, log_dir=folder) as server:
        village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        commune = add_commune(url)
        laptops: list[Session] = []
        try:
            _tell(told, server, village.id, commune.id, folder, laptops)
        finally:
            for laptop in laptops:
                laptop.close()
        yield told
    shutil.rmtree(folder, ignore_errors=True)


def _tell(
    told: Story,
    server: ServerProcess,
    village_id: str,
    commune_id: str,
    folder: Path,
    laptops: list[Session],
) -> None:
    released = told.released
    url = server.database_url
    # 1. The released laptop: a team store, enrolled, three records, synced.
    released.cli(
        "init", "--commune", str(PHU_XUAN), "--village", "Tổ dân phố 5",
        "--village-kind", "to_dan_pho", "--team", "Tổ dân vận tổ dân phố 5",
        "--leader", "Nguyễn Văn An",
    )  # fmt: skip
    released.cli(
        "enroll", "--server", server.url, "--name", "Máy cũ", make_enrollment_code(url, village_id)
    )
    team_id = released.meta("team_id")
    released.add(
        "model", name="Đường hoa tổ 5", field_code="new_rural", year=2026, status="registered"
    )
    released.add("member", team_id=team_id, full_name="Trần Thị Bình", role="member")
    released.add(
        "meeting", team_id=team_id, kind="regular", title="Họp tổ tháng 1",
        starts_at="2026-01-25T19:30:00+07:00", state="draft",
    )  # fmt: skip
    told.first_sync = released.cli("sync")
    # 2. A laptop of this release in the same village: a petition, its petitioner, and
    # the regulation's new field.
    new = new_laptop(folder / "new-laptop", leader="Lê Văn Cường")
    laptops.append(new)
    new.enroll_device(
        server_url=server.url, code=make_enrollment_code(url, village_id), device_name="Máy mới"
    )
    new.sync_now()  # it takes the village's team and regulation instead of pushing its own
    petition = new.save_petition(**PETITION, petitioners=[{"full_name": "Lê Thị Hoa"}])
    told.new_ids["petition"] = str(petition.record_id)
    new.save_regulation(petition_answer_days=20)
    told.new_ids["regulation"] = str(new.regulation()["id"])
    new.sync_now()
    # 3. The released laptop syncs again.
    told.second_sync = released.cli("sync")
    told.high_seq_after_second_sync = _high_seq(server)
    told.checkpoint_after_second_sync = int(released.meta("sync_checkpoint"))
    # 4. The new laptop pulls the released laptop's records; the commune's reviewer.
    new.sync_now()
    told.new_laptop_models = _names(new, "SELECT name FROM model WHERE deleted = 0")
    told.new_laptop_members = _names(new, "SELECT full_name FROM member WHERE deleted = 0")
    told.new_laptop_meetings = _names(new, "SELECT title FROM meeting WHERE deleted = 0")
    told.new_laptop_quarantine = new.quarantined_records()
    reviewer = new_laptop(folder / "reviewer")
    laptops.append(reviewer)
    code = make_enrollment_code(url, commune_id, "reviewer")
    reviewer.enroll_device(server_url=server.url, code=code, device_name="Máy phường")
    reviewer.sync_now()
    told.reviewer_models = _names(reviewer, "SELECT name FROM model WHERE deleted = 0")
    told.reviewer_meetings = _names(reviewer, "SELECT title FROM meeting WHERE deleted = 0")
    told.reviewer_petitioners = _names(
        reviewer, "SELECT full_name FROM petitioner WHERE deleted = 0"
    )
    told.reviewer_petition_title = reviewer.petition(told.new_ids["petition"])["title"]
    # 5. A USB round: the new laptop adds a second petition online; the released laptop
    # sends a model and a change of the new laptop's regulation by bundle, and reads the
    # reply.
    new.save_petition(**{**PETITION, "title": "Cống thoát nước tắc"})
    new.sync_now()
    released.add(
        "model", name="Mô hình gửi qua USB", field_code="new_rural", year=2026, status="registered"
    )
    released.cli("update", "regulation", told.new_ids["regulation"], "meeting_day=15")
    stick = folder / "stick"
    stick.mkdir()
    told.bundle_written = released.cli("bundle", "write", "--to", str(stick))
    written = next(stick.glob("*.dvbundle"))
    told.bundle_imported = subprocess.run(
        [sys.executable, "-m", "danvan_server.cli", "--database", url,
         "import-bundle", str(written), "--reply-dir", str(stick)],
        capture_output=True, text=True, timeout=CLI_TIMEOUT_S,
    )  # fmt: skip
    reply = next(stick.glob("traloi-*"))
    read = fmt.read(reply.read_bytes())
    read.verify(released.meta("bundle_server_key"))  # the server key the release pinned
    changes = read.json_member(fmt.REPLY_MEMBER)["changes"]
    told.reply_entities = {str(change["entity"]) for change in changes}
    told.reply_read = released.cli("bundle", "import", str(reply))
    told.high_seq_after_reply = _high_seq(server)
    told.checkpoint_after_reply = int(released.meta("sync_checkpoint"))
    new.sync_now()
    found = new.store.db.execute("SELECT name FROM model WHERE name = 'Mô hình gửi qua USB'")
    told.usb_model_on_new_laptop = str(next(iter(found), ("",))[0])
    regulation = new.regulation()
    told.new_laptop_regulation = (regulation["meeting_day"], regulation["petition_answer_days"])


def test_the_released_cli_runs_from_the_archive_alone(story: Story) -> None:
    """Every module of the released package loads from the unpacked archive, none from
    the checkout."""
    assert story.probe is not None and story.probe.returncode == 0, story.probe
    lines = story.probe.stdout.splitlines()
    assert lines[0] == str(story.released.source / "src" / "danvan_desktop" / "__init__.py")
    assert lines[1:] == []


def test_the_released_laptop_speaks_protocol_2_with_schema_7(story: Story) -> None:
    """The archive is the first release: protocol 2, store schema 7."""
    done = story.released.python(
        "-c",
        "from danvan_desktop.sync.protocol import PROTOCOL_VERSION as p;"
        "from danvan_desktop.store.migrations import schema_version as s; print(p, s())",
    )
    assert done.stdout.split() == ["2", "7"]


def test_the_released_laptop_sends_its_records(story: Story) -> None:
    """Its first sync sends the team, the roster, the regulation and its three records,
    none refused, with nothing on stderr."""
    assert story.first_sync is not None
    assert story.first_sync.stdout.startswith("Đồng bộ xong: gửi ")
    assert ", bị từ chối 0;" in story.first_sync.stdout
    assert story.first_sync.stderr == ""
    assert story.released.query("SELECT count(*) FROM outbox") == [(0,)]


def test_the_released_laptop_reaches_the_last_sequence(story: Story) -> None:
    """After the new laptop's petition, the released laptop's sync ends at the server's
    last sequence, refuses nothing, and its log says ok."""
    assert story.second_sync is not None
    assert ", bị từ chối 0;" in story.second_sync.stdout
    assert story.second_sync.stderr == ""
    assert story.checkpoint_after_second_sync == story.high_seq_after_second_sync
    last = story.released.query("SELECT result, error FROM sync_log ORDER BY seq DESC LIMIT 1")
    assert last == [("ok", None)]


def test_the_released_laptop_keeps_what_it_can_store(story: Story) -> None:
    """It holds the regulation the new laptop changed (in a table without the field it
    does not know), the village's one team (the new laptop pushed no second), and no
    conflict."""
    regulation = story.new_ids["regulation"]
    rows = story.released.query(f"SELECT count(*) FROM regulation WHERE id = '{regulation}'")
    assert rows == [(1,)]
    assert story.released.query("SELECT count(*) FROM team WHERE deleted = 0") == [(1,)]
    assert story.released.query("SELECT count(*) FROM conflict") == [(0,)]


def test_the_new_laptop_pulls_the_released_laptops_records(story: Story) -> None:
    """The new laptop holds the released laptop's model, member and meeting; nothing is
    set aside."""
    assert "Đường hoa tổ 5" in story.new_laptop_models
    assert "Trần Thị Bình" in story.new_laptop_members
    assert story.new_laptop_meetings == ["Họp tổ tháng 1"]
    assert story.new_laptop_quarantine == []


def test_the_communes_reviewer_sees_both_laptops_work(story: Story) -> None:
    """The commune's reviewer holds the released laptop's model and meeting and the new
    laptop's petition with its petitioner."""
    assert "Đường hoa tổ 5" in story.reviewer_models
    assert story.reviewer_meetings == ["Họp tổ tháng 1"]
    assert story.reviewer_petition_title == "Đèn đường kiệt 12 hỏng"
    assert story.reviewer_petitioners == ["Lê Thị Hoa"]


def test_the_released_bundle_is_imported_by_the_server(story: Story) -> None:
    """`danvan-server import-bundle` applies the released laptop's new model and its
    change of the regulation, and writes a reply."""
    assert story.bundle_written is not None and story.bundle_imported is not None
    assert story.bundle_written.stdout.startswith("Đã ghi gói ")
    assert ": 2 thay đổi, 0 tệp đính kèm." in story.bundle_written.stdout
    assert story.bundle_imported.returncode == 0, story.bundle_imported.stderr
    assert ": 2 applied; 0 files" in story.bundle_imported.stdout
    assert story.usb_model_on_new_laptop == "Mô hình gửi qua USB"


def test_the_released_laptop_leaves_the_new_field_as_it_was(story: Story) -> None:
    """Its change of the regulation's meeting day reaches the new laptop, and the
    petition answer days it does not know stay 20."""
    assert story.new_laptop_regulation == (15, 20)


def test_the_reply_leaves_out_what_the_released_laptop_cannot_store(story: Story) -> None:
    """The reply to a schema-7 bundle spans the second petition's sequence but carries
    only the model and the regulation, not the petition."""
    assert story.reply_entities == {"model", "regulation"}


def test_the_released_laptop_reads_the_reply_back(story: Story) -> None:
    """The released laptop applies the reply: its two changes settled, nothing refused,
    and its checkpoint at the server's last sequence."""
    assert story.reply_read is not None
    assert story.reply_read.stdout.startswith(
        "Đã nhập gói trả lời: máy chủ xác nhận 2 thay đổi, từ chối 0;"
    )
    assert story.checkpoint_after_reply == story.high_seq_after_reply
    assert story.released.query("SELECT count(*) FROM outbox") == [(0,)]
