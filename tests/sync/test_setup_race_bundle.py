"""The setup race with the second laptop's work on a USB stick (real server, SQLite and
PostgreSQL): its reply bundle moves it onto the first laptop's team.

Laptops A and B are each set up as «Tổ mới» and enrolled for Tổ dân phố 22 before
either synced; each adds a member and a meeting. A syncs online. B writes a bundle, the
city imports it (its setup refused, naming A's team: setup_guard.py) and writes the
reply, and B applies it (sync/bundle_laptop.py → store/setup_merge.py). B's second
bundle carries its member and meeting onto A's team; its reply settles them. One story
per database, told once by the ``story`` fixture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.bundle_laptop import AppliedReply
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import make_engine
from danvan_server.settings import Settings
from support.server_process import (
    PHU_XUAN,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import new_laptop
from sync.test_replacement_laptop import _postgres_url
from sync.test_setup_race import _roster, _server_rows


@dataclass
class StickRace:
    """What the story left: B's imports and readings, the server's rows."""

    team_a: str = ""
    imported: list[dict[str, int]] = field(default_factory=list)
    applied: list[AppliedReply] = field(default_factory=list)
    applied_again: AppliedReply | None = None
    team_of_b: str = ""
    roster_a: list[tuple[str, str]] = field(default_factory=list)
    roster_b: list[tuple[str, str]] = field(default_factory=list)
    refused_b: list[dict[str, object]] = field(default_factory=list)
    pending_b: int = -1
    server: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def _through_the_office(url: str, laptop: Session, stick: Path, race: StickRace) -> Path:
    """B's bundle imported by the city, and the reply written; the reply's path."""
    engine = make_engine(Settings(database_url=url))
    try:
        files = AttachmentStore(engine, admin.attachments_dir(engine), 10**8)
        written = laptop.write_sync_bundle(stick)
        imported = bundles.import_bundle(engine, files, written.path.read_bytes())
        race.imported.append(imported.counts)
        reply = bundles.make_reply(engine, laptop.store.device_id)
    finally:
        engine.dispose()
    path = stick / reply.file_name
    path.write_bytes(reply.data)
    return path


def _tell(url: str, server_url: str, folder: Path) -> StickRace:
    race = StickRace()
    village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 22")
    a = new_laptop(folder / "a", leader="Nguyễn Văn An")
    b = new_laptop(folder / "b", leader="Nguyễn Văn An")
    stick = folder / "stick"
    stick.mkdir()
    try:
        for laptop, name in ((a, "a"), (b, "b")):
            code = make_enrollment_code(url, village.id, "team")
            laptop.enroll_device(server_url=server_url, code=code, device_name=name)
        race.team_a = str(a.store.meta("team_id"))
        a.add_record("member", team_id=race.team_a, full_name="Lê Thị Cúc", role="member")
        a.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 5, 19, 30))
        team_b = str(b.store.meta("team_id"))
        b.add_record("member", team_id=team_b, full_name="Phạm Văn Dũng", role="member")
        b.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 12, 19, 30))
        a.sync_now()
        first_reply = _through_the_office(url, b, stick, race)
        race.applied.append(b.import_sync_reply(first_reply))
        race.applied_again = b.import_sync_reply(first_reply)
        race.applied.append(b.import_sync_reply(_through_the_office(url, b, stick, race)))
        a.sync_now()
        race.team_of_b = str(b.store.meta("team_id"))
        race.roster_a, race.roster_b = _roster(a), _roster(b)
        race.refused_b = b.rejected_operations()
        race.pending_b = b.sync_state().pending
    finally:
        a.close()
        b.close()
    race.server = _server_rows(url, village.id)
    return race


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def story(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StickRace]:
    """The race told once on each database."""
    folder = tmp_path_factory.mktemp(f"stick-race-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with start_server(url, log_dir=folder) as server:
        yield _tell(url, server.url, folder)


def test_the_first_reply_joins_the_first_team(story: StickRace) -> None:
    """The first reply moves B onto A's team, saying so, with no refusal counted."""
    first = story.applied[0]
    assert (first.joined_team, first.rejected) == (story.team_a, 0)
    assert story.team_of_b == story.team_a


def test_the_first_reply_says_so(story: StickRace) -> None:
    """The reply's note tells the user B joined the team the server holds."""
    assert story.applied[0].joined_note() == (
        "Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành "
        "viên và cuộc họp nhập trên máy này đã chuyển sang tổ đó và sẽ được gửi lại trong "
        "gói đồng bộ hoặc lần đồng bộ sau; tổ trưởng và quy chế là của tổ có sẵn."
    )


def test_the_same_reply_again_refuses_nothing(story: StickRace) -> None:
    """Applying the first reply a second time settles and refuses nothing."""
    again = story.applied_again
    assert again is not None
    assert (again.settled, again.rejected, again.joined_team) == (0, 0, None)


def test_the_second_bundle_is_all_applied(story: StickRace) -> None:
    """B's second bundle, onto A's team, is applied whole."""
    assert story.imported[1]["rejected"] == 0
    assert story.imported[1]["applied"] > 0


def test_the_second_reply_settles_everything(story: StickRace) -> None:
    """After the second reply B has nothing left to send and lists no refusal."""
    assert (story.applied[1].rejected, story.pending_b, story.refused_b) == (0, 0, [])


def test_the_server_holds_one_setup(story: StickRace) -> None:
    """One team, one regulation, one leader on the server: A's."""
    leaders = [r["full_name"] for r in story.server["member"] if r["role"] == "leader"]
    counts = (len(story.server["team"]), len(story.server["regulation"]), leaders)
    assert counts == (1, 1, ["Nguyễn Văn An"])


def test_every_member_is_on_the_first_team(story: StickRace) -> None:
    """Both laptops' members are on the server, all on A's team."""
    members = sorted((str(r["full_name"]), str(r["team_id"])) for r in story.server["member"])
    assert members == [
        ("Lê Thị Cúc", story.team_a),
        ("Nguyễn Văn An", story.team_a),
        ("Phạm Văn Dũng", story.team_a),
    ]


def test_both_meetings_are_on_the_first_team(story: StickRace) -> None:
    """A's meeting and B's are on the server, both on A's team."""
    teams = sorted(str(r["team_id"]) for r in story.server["meeting"])
    assert teams == [story.team_a, story.team_a]


def test_both_laptops_show_the_same_roster(story: StickRace) -> None:
    """A and B list the same three members, one leader."""
    expected = [
        ("Lê Thị Cúc", "member"),
        ("Nguyễn Văn An", "leader"),
        ("Phạm Văn Dũng", "member"),
    ]
    assert (story.roster_a, story.roster_b) == (expected, expected)
