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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_desktop.store import sync_apply
from danvan_desktop.store.search_index import unindex_record

if TYPE_CHECKING:
    from danvan_desktop.store.records import Records

TEAM_KEY = "team_id"
# The setup records ``store.team.initialise`` made, found by what they are: never synced,
# and of the local team (the leader it made, its regulation) or one of the city's fields.
_SETUP_ROWS = (
    ("team", "id = :team"),
    ("regulation", "team_id = :team"),
    ("member", "team_id = :team AND role = 'leader'"),
    ("model_field", "code IN ({codes})"),
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
            _drop_setup(records, local)
            _move_team_refs(records, local, server_team_id)
        store.set_meta(TEAM_KEY, server_team_id)
    return True


def _synced(records: Records, team_id: str) -> bool:
    """True when the team record ``team_id`` has reached the server."""
    row = records.db.execute("SELECT server_version FROM team WHERE id = ?", [team_id]).fetchone()
    return row is not None and row[0] is not None


def _drop_setup(records: Records, team_id: str) -> None:
    """Delete the never-synced setup rows of ``team_id`` and their queued operations."""
    db = records.db
    codes = ", ".join(f"'{code}'" for code, _name in DEFAULT_MODEL_FIELDS)
    for entity, where in _SETUP_ROWS:
        condition = where.format(codes=codes)
        ids = [
            str(row[0])
            for row in db.execute(
                f"SELECT id FROM [{entity}] WHERE server_version IS NULL AND {condition}",
                {"team": team_id},
            ).fetchall()
        ]
        for record_id in ids:
            db.execute(f"DELETE FROM [{entity}] WHERE id = ?", [record_id])
            db.execute("DELETE FROM outbox WHERE entity = ? AND record_id = ?", [entity, record_id])
            unindex_record(db, entity, record_id)


def _move_team_refs(records: Records, old_id: str, new_id: str) -> None:
    """Point every record and queued operation that names team ``old_id`` at ``new_id``."""
    db = records.db
    for spec in ENTITIES.values():
        for field in spec.fields:
            if field.ref != "team":
                continue
            db.execute(
                f"UPDATE [{spec.table}] SET [{field.name}] = ? WHERE [{field.name}] = ?",
                [new_id, old_id],
            )
            path = f"$.{field.name}"
            db.execute(
                "UPDATE outbox SET fields = json_set(fields, ?, ?) "
                "WHERE entity = ? AND json_extract(fields, ?) = ?",
                [path, new_id, spec.name, path, old_id],
            )
