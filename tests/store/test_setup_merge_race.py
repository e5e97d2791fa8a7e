"""A laptop whose own new team lost the race to the unit's team joins it
(store/setup_merge.py): its refused operations go again onto that team, its setup is
dropped, and what named its leader names the team's once the pull brings it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.session import Session
from danvan_desktop.store import setup_merge
from danvan_desktop.store.sync_apply import apply_changes

SERVER_TEAM = "01a00000-0000-7000-8000-000000000001"
SERVER_LEADER = "01a00000-0000-7000-8000-000000000002"


def _ops(session: Session, state: str = "pending") -> list[tuple[str, str, str]]:
    """The outbox: (op_id, entity, record_id) of each operation in ``state``."""
    rows = session.store.db.execute(
        "SELECT op_id, entity, record_id FROM outbox WHERE state = ? ORDER BY seq", [state]
    ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def _refuse_all(session: Session) -> list[str]:
    """Every queued operation marked refused, as a push answer would; their op ids."""
    ids = [op_id for op_id, _entity, _record in _ops(session)]
    session.store.db.execute("UPDATE outbox SET state = 'rejected', error = 'refused'")
    return ids


def _server_leader(session: Session, name: str) -> list[dict[str, Any]]:
    """The pull's page: the unit's team and its leader."""
    unit = session.store.home_unit_id
    return [
        {
            "entity": "team",
            "record_id": SERVER_TEAM,
            "unit_id": unit,
            "server_version": 1,
            "deleted": False,
            "fields": {"name": "Tổ dân vận tổ dân phố 5"},
        },
        {
            "entity": "member",
            "record_id": SERVER_LEADER,
            "unit_id": unit,
            "server_version": 2,
            "deleted": False,
            "fields": {"team_id": SERVER_TEAM, "full_name": name, "role": "leader"},
        },
    ]


def _joined_with_a_meeting(session: Session) -> str:
    """The laptop's meeting (its attendance names its leader), then the join; the
    laptop's own leader id."""
    [leader] = session.list_records("member", where="role = 'leader'")
    session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 12, 19, 30))
    setup_merge.join_server_team(session.records, SERVER_TEAM, _refuse_all(session))
    return str(leader["id"])


def _attendance_members(session: Session) -> list[str]:
    return sorted({str(r["member_id"]) for r in session.list_records("attendance")})


def test_the_refused_operations_go_again_under_new_ids(session: Session) -> None:
    """The refused meeting is queued again, under a new op id, naming the server's team."""
    session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 12, 12, 19, 30))
    refused = _refuse_all(session)
    setup_merge.join_server_team(session.records, SERVER_TEAM, refused)
    pending = _ops(session)
    assert "meeting" in {entity for _op, entity, _record in pending}
    assert not {op_id for op_id, _entity, _record in pending} & set(refused)
    assert _ops(session, "rejected") == []


def test_the_setup_is_dropped_from_the_queue(session: Session) -> None:
    """No team, regulation or leader of the laptop's own setup is left to send."""
    setup_merge.join_server_team(session.records, SERVER_TEAM, _refuse_all(session))
    entities = {entity for _op, entity, _record in _ops(session)}
    assert entities & {"team", "regulation", "member"} == set()


def test_the_city_fields_stay(session: Session) -> None:
    """The city's six fields (ids field-<code>) are kept: the pull overwrites them."""
    setup_merge.join_server_team(session.records, SERVER_TEAM, _refuse_all(session))
    assert len([r for r in session.model_field_rows() if r["id"].startswith("field-")]) == 6


def test_the_leader_waits_for_the_teams_own(session: Session) -> None:
    """Before the pull brings the team's leader, the attendance is left as it is."""
    own_leader = _joined_with_a_meeting(session)
    assert setup_merge.take_server_leader(session.records) is False
    assert own_leader in _attendance_members(session)


def test_a_leader_of_the_same_name_becomes_the_teams(session: Session) -> None:
    """The attendance of the dropped «Nguyễn Văn An» names the team's «NGUYEN VAN AN»."""
    own_leader = _joined_with_a_meeting(session)
    apply_changes(session.records, _server_leader(session, "NGUYEN VAN AN"))
    assert setup_merge.take_server_leader(session.records) is True
    assert SERVER_LEADER in _attendance_members(session)
    assert own_leader not in _attendance_members(session)
    assert len(session.list_records("member")) == 1


def test_a_leader_of_another_name_stays_as_a_member(session: Session) -> None:
    """A dropped leader the team has no member of that name for joins as a member."""
    _joined_with_a_meeting(session)
    apply_changes(session.records, _server_leader(session, "Trần Thị Hoa"))
    setup_merge.take_server_leader(session.records)
    roster = sorted((r["full_name"], r["role"]) for r in session.list_records("member"))
    assert roster == [("Nguyễn Văn An", "member"), ("Trần Thị Hoa", "leader")]


def test_the_kept_member_is_what_the_attendance_names(session: Session) -> None:
    """The attendance of the dropped leader names the member kept in its place."""
    _joined_with_a_meeting(session)
    apply_changes(session.records, _server_leader(session, "Trần Thị Hoa"))
    setup_merge.take_server_leader(session.records)
    [kept] = session.list_records("member", where="role = 'member'")
    assert str(kept["id"]) in _attendance_members(session)
    assert kept["team_id"] == SERVER_TEAM


def test_no_team_to_join_once_the_laptops_own_synced(session: Session) -> None:
    """A laptop whose team reached the server joins no other team."""
    team_id = str(session.store.meta("team_id"))
    session.store.db.execute("UPDATE team SET server_version = 3 WHERE id = ?", [team_id])
    assert setup_merge.joinable_team(session.records, [SERVER_TEAM]) is None


def test_the_team_named_by_a_refusal_is_joined(session: Session) -> None:
    """A never-synced laptop joins the team a refusal names."""
    assert setup_merge.joinable_team(session.records, [None, SERVER_TEAM]) == SERVER_TEAM
