"""Two new-team laptops enrolled for the same new village before either synced (real
server, SQLite and PostgreSQL): the second to sync joins the first one's team.

Laptop A and laptop B are each set up as «Tổ mới» (a team, its leader, its regulation)
and enrolled for Tổ dân phố 21, which the server holds no team of yet, so neither
enrolment merges anything. Each adds a member and a meeting (from its template: agenda,
chair and attendance filled in). A syncs, B syncs, A syncs, B syncs. The server refuses
B's setup naming A's team (setup_guard.py), and B moves onto that team
(store/setup_merge.py): its setup dropped, its member and meeting sent again onto A's
team. One story per database, told once by the ``story`` fixture.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from danvan_desktop import cli
from danvan_desktop.session import Session
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.ui.sync.sync_page_data import report_text
from support.server_process import (
    PHU_XUAN,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import Province, new_laptop
from sync.test_replacement_laptop import _postgres_url


@dataclass
class Race:
    """What the story left: each laptop's reports and readings, the server's rows."""

    team_a: str = ""
    reports_b: list[SyncReport] = field(default_factory=list)
    team_of_b: str = ""
    roster_a: list[tuple[str, str]] = field(default_factory=list)
    roster_b: list[tuple[str, str]] = field(default_factory=list)
    meetings_b: list[str] = field(default_factory=list)
    attendance_b: list[str] = field(default_factory=list)
    refused_b: list[dict[str, object]] = field(default_factory=list)
    pending_b: int = -1
    server: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def _server_rows(url: str, unit_id: str) -> dict[str, list[dict[str, object]]]:
    """The village's live records on the server: entity → their fields."""
    engine = create_engine(url)
    found: dict[str, list[dict[str, object]]] = {}
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT entity, fields FROM records WHERE unit_id = :unit AND deleted = :no"),
            {"unit": unit_id, "no": False},
        )
        for entity, fields in rows:
            found.setdefault(str(entity), []).append(json.loads(fields))
    engine.dispose()
    return found


def _roster(laptop: Session) -> list[tuple[str, str]]:
    return sorted((str(m["full_name"]), str(m["role"])) for m in laptop.list_records("member"))


def _tell(url: str, server_url: str, folder: Path) -> Race:
    race = Race()
    village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 21")
    a = new_laptop(folder / "a", leader="Nguyễn Văn An")
    b = new_laptop(folder / "b", leader="Nguyễn Văn An")
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
        race.reports_b.append(b.sync_now())
        a.sync_now()
        race.reports_b.append(b.sync_now())
        race.team_of_b = str(b.store.meta("team_id"))
        race.roster_a, race.roster_b = _roster(a), _roster(b)
        race.meetings_b = sorted(str(m["starts_at"])[:10] for m in b.list_records("meeting"))
        names = {str(m["id"]): str(m["full_name"]) for m in b.list_records("member")}
        race.attendance_b = sorted(
            names.get(str(r["member_id"]), "?") for r in b.list_records("attendance")
        )
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
) -> Iterator[Race]:
    """The race told once on each database."""
    folder = tmp_path_factory.mktemp(f"race-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    with start_server(url, log_dir=folder) as server:
        yield _tell(url, server.url, folder)


def test_the_server_holds_one_team_the_first_to_sync(story: Race) -> None:
    """The village has one team on the server: laptop A's, the first to sync."""
    assert [row["name"] for row in story.server["team"]] == ["Tổ dân vận tổ dân phố 5"]
    assert len(story.server["team"]) == 1
    assert story.team_of_b == story.team_a


def test_the_server_holds_one_regulation(story: Race) -> None:
    """The village has one regulation, of A's team."""
    assert [row["team_id"] for row in story.server["regulation"]] == [story.team_a]


def test_the_server_holds_one_leader(story: Race) -> None:
    """The village has one leader: A's (the first to sync)."""
    leaders = [row for row in story.server["member"] if row["role"] == "leader"]
    assert [(row["full_name"], row["team_id"]) for row in leaders] == [
        ("Nguyễn Văn An", story.team_a)
    ]


def test_every_member_is_on_the_first_team(story: Race) -> None:
    """Both laptops' members are on the server, all on A's team."""
    members = sorted((str(r["full_name"]), str(r["team_id"])) for r in story.server["member"])
    assert members == [
        ("Lê Thị Cúc", story.team_a),
        ("Nguyễn Văn An", story.team_a),
        ("Phạm Văn Dũng", story.team_a),
    ]


def test_both_meetings_are_on_the_first_team(story: Race) -> None:
    """A's meeting and B's are on the server, both on A's team."""
    meetings = sorted(
        (str(r["starts_at"])[:10], str(r["team_id"])) for r in story.server["meeting"]
    )
    assert meetings == [("2026-12-05", story.team_a), ("2026-12-12", story.team_a)]


def test_the_minutes_of_bs_meeting_reach_the_server(story: Race) -> None:
    """The agenda of B's meeting is on the server as well as A's (two of each template)."""
    by_meeting: dict[object, int] = {}
    for row in story.server["agenda_item"]:
        by_meeting[row["meeting_id"]] = by_meeting.get(row["meeting_id"], 0) + 1
    assert len(by_meeting) == 2


def test_both_laptops_show_the_same_roster(story: Race) -> None:
    """A and B list the same three members, one leader."""
    expected = [
        ("Lê Thị Cúc", "member"),
        ("Nguyễn Văn An", "leader"),
        ("Phạm Văn Dũng", "member"),
    ]
    assert (story.roster_a, story.roster_b) == (expected, expected)


def test_b_keeps_both_meetings(story: Race) -> None:
    """B lists its own meeting and A's."""
    assert story.meetings_b == ["2026-12-05", "2026-12-12"]


def test_bs_attendance_names_members_it_holds(story: Race) -> None:
    """Every attendance row on B names a member B lists (its leader's became A's)."""
    assert "?" not in story.attendance_b


def test_no_refusal_is_shown_for_the_dropped_setup(story: Race) -> None:
    """B's rounds count no refusal and B lists none."""
    assert [r.rejected for r in story.reports_b] == [0, 0]
    assert story.refused_b == []


def test_b_says_it_joined_the_team(story: Race) -> None:
    """B's first round reports the team it joined; its second, none."""
    assert [r.joined_team for r in story.reports_b] == [story.team_a, None]


def test_b_has_nothing_left_to_send(story: Race) -> None:
    """After its two rounds B's queue is empty."""
    assert story.pending_b == 0


JOINED = (
    "Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành viên "
    "và cuộc họp nhập trên máy này đã chuyển sang tổ đó; tổ trưởng và quy chế là của tổ "
    "có sẵn."
)


def test_the_sync_page_says_the_laptop_joined_the_team() -> None:
    """The Đồng bộ page's sentence for the round says B joined the team, no refusal."""
    report = SyncReport(pushed=8, pulled=5, joined_team="01a24dc1-f494-72b8-90c0-2a0ce95f40d8")
    assert report_text(report) == (
        "Đồng bộ xong: gửi 8 thay đổi, máy chủ đã có sẵn 0, nhận 5, 0 xung đột, "
        "0 bị từ chối; 0 byte đi, 0 byte về. " + JOINED
    )


def test_danvan_sync_says_the_laptop_joined_the_team(
    province: Province, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``danvan sync`` on the second laptop prints that it joined the team the server
    holds, and counts no refusal."""
    first, second = new_laptop(tmp_path / "a"), new_laptop(tmp_path / "b")
    try:
        for laptop in (first, second):
            laptop.enroll_device(server_url=province.server.url, code=province.code())
        first.sync_now()
    finally:
        first.close()
        second.close()
    assert cli.run(["--data-dir", str(tmp_path / "b"), "sync"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (", bị từ chối 0;" in out[0], out[1]) == (True, JOINED)
