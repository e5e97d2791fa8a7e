"""The released laptop (adb94dd, protocol 2) set up as a new team and enrolled as the
replacement laptop of a village with history: the server creates nothing twice.

A laptop of this release has set up the village's team and synced a member and a
meeting. The released laptop then runs ``danvan init`` for the same village (a team,
its leader, its regulation, the six fields), enrolls, adds a member and a meeting of
its own team and a model, and syncs twice. The server keeps the village's one team,
regulation and leader (setup_guard.py); the released laptop's records of its refused
team are refused with their reasons, its model applies, and its sync goes on to the
server's last sequence. The six fields are the city's (city_fields.py): this release's
laptop sent none, and the released laptop's six, under the city's codes, apply in the
village as copies (lists take each code once). One story per database.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, text

from danvan_desktop.session import Session
from support.server_process import (
    PHU_XUAN,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)
from sync.conftest import new_laptop
from sync.test_released_client import ReleasedLaptop, _high_seq, _postgres_url, _unpack

TEAM_REFUSED = (
    "Thôn/tổ này đã có tổ dân vận trên máy chủ của thành phố; máy chủ không nhận tổ thứ hai "
    "do máy này tự tạo. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng ký lại máy để nhận "
    "tổ, thành viên và quy chế của thôn/tổ từ máy chủ."
)


@dataclass
class Replacement:
    """What the story left: the released laptop's syncs, the server's rows, readings."""

    released: ReleasedLaptop
    first_sync: subprocess.CompletedProcess[str] | None = None
    second_sync: subprocess.CompletedProcess[str] | None = None
    high_seq: int = -1
    server_live: dict[str, int] = field(default_factory=dict)
    server_members: list[str] = field(default_factory=list)
    server_meetings: list[str] = field(default_factory=list)
    server_models: list[str] = field(default_factory=list)


def _live_on_server(url: str, unit_id: str) -> dict[str, list[str]]:
    """The village's live records on the server: entity → the name or title of each."""
    engine = create_engine(url)
    found: dict[str, list[str]] = {}
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT entity, fields FROM records WHERE unit_id = :unit AND deleted = :no"),
            {"unit": unit_id, "no": False},
        )
        for entity, fields in rows:
            found.setdefault(str(entity), []).append(str(fields))
    engine.dispose()
    return found


def _names(rows: list[str], key: str) -> list[str]:
    return sorted(str(json.loads(row)[key]) for row in rows)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def story(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Replacement]:
    """The story of the module doc, told once per database."""
    folder = tmp_path_factory.mktemp(f"replacement-{request.param}")
    url = sqlite_url(folder) if request.param == "sqlite" else _postgres_url(request)
    released = ReleasedLaptop(_unpack(folder / "released-source"), folder / "released-data")
    told = Replacement(released)
    with start_server(url, log_dir=folder) as server:
        village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        first: Session = new_laptop(folder / "first-laptop", leader="Phạm Thị Dung")
        try:
            first.enroll_device(
                server_url=server.url, code=make_enrollment_code(url, village.id), device_name="A"
            )
            first.save_member(full_name="Lê Văn Cường", role="member")
            first.sync_now()
        finally:
            first.close()
        released.cli(
            "init", "--commune", str(PHU_XUAN), "--village", "Tổ dân phố 5",
            "--village-kind", "to_dan_pho", "--team", "Tổ dân vận tổ dân phố 5",
            "--leader", "Nguyễn Văn An",
        )  # fmt: skip
        code = make_enrollment_code(url, village.id)
        released.cli("enroll", "--server", server.url, "--name", "Máy thay", code)
        own_team = released.meta("team_id")
        released.add("member", team_id=own_team, full_name="Trần Thị Bình", role="member")
        released.add(
            "meeting", team_id=own_team, kind="regular", title="Họp tổ tháng 2",
            starts_at="2026-02-25T19:30:00+07:00", state="draft",
        )  # fmt: skip
        released.add(
            "model", name="Đường hoa tổ 5", field_code="new_rural", year=2026, status="registered"
        )
        told.first_sync = released.cli("sync")
        told.second_sync = released.cli("sync")
        told.high_seq = _high_seq(server)
        live = _live_on_server(url, village.id)
        told.server_live = {entity: len(rows) for entity, rows in live.items()}
        told.server_members = _names(live.get("member", []), "full_name")
        told.server_meetings = _names(live.get("meeting", []), "title")
        told.server_models = _names(live.get("model", []), "name")
    yield told
    shutil.rmtree(folder, ignore_errors=True)


def test_the_server_holds_one_setup_of_the_village(story: Replacement) -> None:
    """One team, one regulation and six fields (the released laptop's copies of the
    city's) on the server after the replacement."""
    live = story.server_live
    assert (live["team"], live["regulation"], live["model_field"]) == (1, 1, 6)


def test_the_roster_is_the_villages_own(story: Replacement) -> None:
    """The server's roster is the village's: its leader and member, none of the
    replacement's (its leader and its member of the refused team)."""
    assert story.server_members == ["Lê Văn Cường", "Phạm Thị Dung"]


def test_the_refused_teams_meeting_is_not_on_the_server(story: Replacement) -> None:
    """The replacement's meeting names its refused team: the server holds no meeting."""
    assert story.server_meetings == []


def test_the_replacements_model_reaches_the_server(story: Replacement) -> None:
    """A model names no team: the replacement's model is the village's."""
    assert story.server_models == ["Đường hoa tổ 5"]


def test_the_first_sync_counts_the_refusals(story: Replacement) -> None:
    """The first sync refuses the setup (team, leader, regulation) and the member and
    meeting of the refused team, five in all, with nothing on stderr: the six fields, the
    city's codes, apply as copies."""
    assert story.first_sync is not None
    assert ", bị từ chối 5;" in story.first_sync.stdout
    assert story.first_sync.stderr == ""


def test_the_refused_team_says_why(story: Replacement) -> None:
    """The released laptop keeps the team's refusal with the server's reason."""
    rows = story.released.query("SELECT error FROM outbox WHERE entity = 'team'")
    assert rows == [(TEAM_REFUSED,)]


def test_the_released_laptops_sync_goes_on(story: Replacement) -> None:
    """The second sync refuses nothing new, ends at the server's last sequence, and its
    log says ok."""
    assert story.second_sync is not None
    assert ", bị từ chối 0;" in story.second_sync.stdout
    assert int(story.released.meta("sync_checkpoint")) == story.high_seq
    last = story.released.query("SELECT result, error FROM sync_log ORDER BY seq DESC LIMIT 1")
    assert last == [("ok", None)]
