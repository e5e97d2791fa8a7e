"""A laptop set up as a new team but enrolled for a unit whose team the server holds.

``danvan init`` and the first-run wizard («Tổ mới») make a team, its leader, its
regulation and the city's six model fields. Enrolled for a village the server already
knows (a replacement laptop set up the wrong way), those records would be pushed as a
second team of the village with twelve fields. ``onto_server_team`` is the safety net
run at enrolment: the setup records never synced are dropped with their queued
operations (the server's come with the first pull), and whatever else the laptop holds
for its own team (members or meetings entered before enrolling) moves onto the server's
team id and is pushed as usual. A laptop enrolled as a reviewer (a commune or the city)
may push none of them: it takes its unit from the server and keeps no team.

Two laptops set up as new teams and enrolled for the same new village before either
synced both hear of no team at enrolment. The first to sync makes the village's team;
the server refuses the second one's setup, and each record of its team, naming the
village's team (protocol 3's ``reason`` and ``team_id``, danvan_server/setup_guard.py).
``join_server_team`` then runs the same merge with that team (``sync/push.py`` for an
answer, ``sync/bundle_laptop.py`` for a reply bundle): the refused operations go back in
the queue, the setup's are dropped with their records, and the others now name the
village's team and are sent again. The city's six fields (ids ``field-<code>``) are
never dropped: they are the city's, and the pull overwrites them in place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.store.search_index import unindex_record

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.records import Records

TEAM_KEY = "team_id"
# Leaders the merge dropped (their rows, JSON), until the team's own comes with a pull.
DROPPED_LEADERS_KEY = "setup_merge_dropped_leaders"
# The setup records ``store.team.initialise`` made, found by what they are: never synced,
# and of the local team (the leader it made, its regulation) or one of the city's fields.
_SETUP_ROWS = (
    ("team", "id = :team"),
    ("regulation", "team_id = :team"),
    ("member", "team_id = :team AND role = 'leader'"),
    ("model_field", "code IN ({codes}) AND substr(id, 1, 6) != 'field-'"),
)


def after_enrolment(records: Records, answer: Mapping[str, Any]) -> None:
    """Keep the laptop from pushing a setup the server already holds or refuses: a team
    laptop takes the unit's team the server names; a reviewer's laptop (a commune or the
    city) takes its unit and keeps no team of its own."""
    if str(answer.get("role") or "team") == "team":
        onto_server_team(records, answer.get("team_id"))
        return
    with records.db.atomic():
        unit = answer.get("unit") or {}
        if unit.get("id"):
            sync_apply.adopt_server_unit(records, unit)
        local = records.store.meta(TEAM_KEY)
        if local is not None and not _synced(records, local):
            _drop_setup(records, local)
            records.db.execute("DELETE FROM meta WHERE key = ?", [TEAM_KEY])


def onto_server_team(records: Records, server_team_id: str | None) -> bool:
    """Take the server's team ``server_team_id`` as this laptop's team; True when a
    locally made setup was dropped or moved onto it.

    Nothing changes when the server holds no team for the unit, when the laptop's team
    is that one already, or when the laptop's own team has reached the server (its
    records are the team's history, not a duplicate setup)."""
    store = records.store
    local = store.meta(TEAM_KEY)
    if not server_team_id or local == server_team_id:
        return False
    db = records.db
    with db.atomic():
        if local is not None:
            if _synced(records, local):
                return False
            _keep_dropped_leaders(records, _drop_setup(records, local))
            _move_team_refs(records, local, server_team_id)
        store.set_meta(TEAM_KEY, server_team_id)
    return True


def take_server_leader(records: Records) -> bool:
    """After a pull, point what names a leader the merge dropped at the team's member of
    the same name (folded: diacritics and case aside), its leader first; a leader the team
    has no member of that name for joins it as an ordinary member, so nothing typed here
    is lost. Waits (False) until the team's leader has come from the server."""
    raw = records.store.meta(DROPPED_LEADERS_KEY)
    team_id = records.store.meta(TEAM_KEY)
    if not raw or team_id is None:
        return False
    held = [
        (str(row[0]), str(row[1]), str(row[2]))
        for row in records.db.execute(
            "SELECT id, full_name, role FROM member WHERE deleted = 0 AND team_id = ? "
            "AND server_version IS NOT NULL ORDER BY role = 'leader' DESC, rowid",
            [team_id],
        ).fetchall()
    ]
    if not any(role == "leader" for _id, _name, role in held):
        return False
    with records.db.atomic():
        for dropped in json.loads(raw):
            name = fold_vietnamese(str(dropped.get("full_name") or ""))
            same = next((i for i, n, _role in held if fold_vietnamese(n) == name), None)
            target = same or _as_member(records, dropped, team_id)
            _repoint_member(records, str(dropped["id"]), target)
        records.db.execute("DELETE FROM meta WHERE key = ?", [DROPPED_LEADERS_KEY])
    return True


def _keep_dropped_leaders(records: Records, leaders: list[dict[str, Any]]) -> None:
    """Remember the leaders the merge dropped until the team's own comes with a pull."""
    if not leaders:
        return
    raw = records.store.meta(DROPPED_LEADERS_KEY)
    kept = [*(json.loads(raw) if raw else []), *leaders]
    records.store.set_meta(DROPPED_LEADERS_KEY, json.dumps(kept, ensure_ascii=False))


def _as_member(records: Records, dropped: Mapping[str, Any], team_id: str) -> str:
    """The dropped leader added to the team as an ordinary member; its new id."""
    names = [f.name for f in ENTITIES["member"].fields]
    fields = {name: dropped[name] for name in names if dropped.get(name) is not None}
    change = records.save("member", {**fields, "team_id": team_id, "role": "member"})
    return change.record_id


def _repoint_member(records: Records, old_id: str, new_id: str) -> None:
    """Every record and queued operation naming the member ``old_id`` names ``new_id``: a
    record the server holds by a tracked edit, one it never took in place."""
    db = records.db
    for spec in ENTITIES.values():
        for field in spec.fields:
            if field.ref != "member":
                continue
            synced = db.execute(
                f"SELECT id FROM [{spec.table}] WHERE [{field.name}] = ? "
                "AND server_version IS NOT NULL AND deleted = 0",
                [old_id],
            ).fetchall()
            for (record_id,) in synced:
                try:
                    records.save(spec.name, {field.name: new_id}, record_id=str(record_id))
                except DanvanError:  # a record this laptop may not change: changed here only
                    continue
            _repoint(db, spec.name, field.name, old_id, new_id)


def joinable_team(records: Records, named: Iterable[str | None]) -> str | None:
    """The server's team this laptop should join, of the teams its refusals ``named``
    (None for a refusal that names none): one that is not the laptop's team, while the
    laptop's own team has never reached the server; else None."""
    local = records.store.meta(TEAM_KEY)
    for team_id in named:
        if team_id and team_id != local:
            return None if local is not None and _synced(records, local) else team_id
    return None


def join_server_team(records: Records, server_team_id: str, refused: Iterable[str]) -> None:
    """Take the team ``server_team_id`` after the server refused this laptop's setup for
    it: the operations ``refused`` (op ids) go back in the queue under new op ids (a reply
    bundle applied again then finds none of them to refuse), then the setup is dropped
    and the rest moved onto the team (``onto_server_team``), in one transaction."""
    with records.db.atomic():
        for op_id in refused:
            records.db.execute(
                "UPDATE outbox SET op_id = ?, state = ?, error = NULL WHERE op_id = ?",
                [uuid7(), outbox.PENDING, op_id],
            )
        onto_server_team(records, server_team_id)


def _synced(records: Records, team_id: str) -> bool:
    """True when the team record ``team_id`` has reached the server."""
    row = records.db.execute("SELECT server_version FROM team WHERE id = ?", [team_id]).fetchone()
    return row is not None and row[0] is not None


def _drop_setup(records: Records, team_id: str) -> list[dict[str, Any]]:
    """Delete the never-synced setup rows of ``team_id`` and their queued operations; the
    leaders dropped (their rows)."""
    db = records.db
    codes = ", ".join(f"'{code}'" for code, _name in DEFAULT_MODEL_FIELDS)
    leaders: list[dict[str, Any]] = []
    for entity, where in _SETUP_ROWS:
        condition = where.format(codes=codes)
        rows = list(
            db.query(
                f"SELECT * FROM [{entity}] WHERE server_version IS NULL AND {condition}",
                {"team": team_id},
            )
        )
        if entity == "member":
            names = ("id", *(f.name for f in ENTITIES["member"].fields))
            leaders = [{name: row.get(name) for name in names} for row in rows]
        for record_id in (str(row["id"]) for row in rows):
            db.execute(f"DELETE FROM [{entity}] WHERE id = ?", [record_id])
            db.execute("DELETE FROM outbox WHERE entity = ? AND record_id = ?", [entity, record_id])
            unindex_record(db, entity, record_id)
    return leaders


def _move_team_refs(records: Records, old_id: str, new_id: str) -> None:
    """Point every record and queued operation that names team ``old_id`` at ``new_id``."""
    db = records.db
    for spec in ENTITIES.values():
        for field in spec.fields:
            if field.ref != "team":
                continue
            _repoint(db, spec.name, field.name, old_id, new_id)


def _repoint(db: Database, entity: str, field: str, old_id: str, new_id: str) -> None:
    """Point ``entity``'s ``field`` at ``new_id`` wherever it names ``old_id``: in the
    records and in their queued operations."""
    db.execute(
        f"UPDATE [{ENTITIES[entity].table}] SET [{field}] = ? WHERE [{field}] = ?",
        [new_id, old_id],
    )
    path = f"$.{field}"
    db.execute(
        "UPDATE outbox SET fields = json_set(fields, ?, ?) "
        "WHERE entity = ? AND json_extract(fields, ?) = ?",
        [path, new_id, entity, path, old_id],
    )
