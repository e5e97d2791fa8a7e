"""Reads for the desktop's meetings, tasks and team pages.

Every function takes a sqlite-utils ``Database`` (the writer or a reader
connection), so list pages can read on the read lane while the writer is busy.
The minutes editor reads one meeting's whole sheet here: the record, its child
rows in order, the team's roster, any drafts left from an earlier session (with
the time they were saved) and the correction that replaced it, if one did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import ENTITIES

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.connection import Reads

SHEET_CHILDREN = ("attendance", "agenda_item", "opinion", "conclusion", "vote", "task")
# Child rows with an order of their own; the rest keep the order they were added in.
ORDERED_CHILDREN = ("agenda_item", "opinion", "conclusion")
ROLE_RANK = "CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END"


def meta_value(db: Reads, key: str) -> str | None:
    """A value of the store's meta table, read through ``db``."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def village_kind(db: Database) -> str | None:
    """The kind of the team's place (thon, ban, to_dan_pho), or None before set-up."""
    row = db.execute(
        "SELECT village_kind FROM unit WHERE id = (SELECT value FROM meta WHERE key = ?)",
        ["home_unit_id"],
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def team_name(db: Database) -> str | None:
    """The name of this store's team, or None before set-up."""
    row = db.execute(
        "SELECT name FROM team WHERE id = (SELECT value FROM meta WHERE key = ?)", ["team_id"]
    ).fetchone()
    return None if row is None else str(row[0])


def _columns(entity: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    names = ("id", "updated_at", *ENTITIES[entity].field_names)
    return ", ".join(f"{prefix}[{name}]" for name in names)


# Newest first; the keyset of a page is this key of its last row (version may be unset).
MEETING_KEY = ("m.starts_at", "coalesce(m.version, 1)", "m.rowid")


def meeting_rows(
    db: Reads,
    *,
    team_id: str | None = None,
    ids: Sequence[str] | None = None,
    limit: int = 300,
    after: tuple[Any, ...] | None = None,
) -> list[dict[str, Any]]:
    """Meetings newest first, each with the version that corrected it (if any); ``after``
    (a row's ``page_key``) starts after that row. Each row carries its ``page_key``."""
    where = ["m.deleted = 0"]
    params: list[Any] = []
    if team_id is not None:
        where.append("m.team_id = ?")
        params.append(team_id)
    if ids is not None:
        if not ids:
            return []
        where.append(f"m.id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if after is not None:
        where.append(f"({', '.join(MEETING_KEY)}) < (?, ?, ?)")
        params.extend(after)
    sql = (
        f"SELECT {_columns('meeting', 'm')}, "
        f"{', '.join(f'{k} AS _k{i}' for i, k in enumerate(MEETING_KEY))} "
        f"FROM meeting m WHERE {' AND '.join(where)} "
        f"ORDER BY {', '.join(f'{k} DESC' for k in MEETING_KEY)} "
        f"LIMIT {int(limit)}"
    )
    rows = list(db.query(sql, params))
    corrected = corrected_versions(db, [str(row["id"]) for row in rows])
    for row in rows:
        row["corrected_by_version"] = corrected.get(str(row["id"]))
        row["page_key"] = tuple(row.pop(f"_k{i}") for i in range(len(MEETING_KEY)))
    return rows


def corrected_versions(db: Reads, ids: Sequence[str]) -> dict[str, int]:
    """The latest live version that corrected each of these meetings (those corrected).

    One read for the whole page, not one per row (a row's own subquery read every
    meeting again: on a city reviewer's 60,000 meetings a page took minutes). The
    supersedes index (m016) serves it; ``+deleted`` keeps the planner off the partial
    indexes of live meetings, whose walk over all the rows took 90 ms there."""
    if not ids:
        return {}
    rows = db.execute(
        "SELECT supersedes_id, max(version) FROM meeting WHERE +deleted = 0 AND "
        f"supersedes_id IN ({', '.join('?' for _ in ids)}) GROUP BY supersedes_id",
        list(ids),
    ).fetchall()
    return {str(key): int(version) for key, version in rows if version is not None}


def meeting_count(db: Reads, *, team_id: str | None = None) -> int:
    """How many meetings the list holds."""
    where, params = "deleted = 0", []
    if team_id is not None:
        where += " AND team_id = ?"
        params.append(team_id)
    return int(db.execute(f"SELECT count(*) FROM meeting WHERE {where}", params).fetchone()[0])


def children(db: Database, meeting_id: str, entity: str) -> list[dict[str, Any]]:
    """The live child rows of one meeting, in their order."""
    order = "position_order, rowid" if entity in ORDERED_CHILDREN else "rowid"
    return list(
        db.query(
            f"SELECT {_columns(entity)} FROM [{entity}] WHERE meeting_id = ? AND deleted = 0 "
            f"ORDER BY {order}",
            [meeting_id],
        )
    )


def member_rows(db: Database, team_id: str | None) -> list[dict[str, Any]]:
    """The team's members: the leader, then deputies, then members, each in their order."""
    where, params = "deleted = 0", []
    if team_id is not None:
        where += " AND team_id = ?"
        params.append(team_id)
    return list(
        db.query(
            f"SELECT {_columns('member')} FROM member WHERE {where} "
            f"ORDER BY {ROLE_RANK}, coalesce(position_order, 999999), full_name_sort, rowid",
            params,
        )
    )


def next_member_order(db: Database, team_id: str) -> int:
    """The place a new member takes at the end of the roster."""
    row = db.execute(
        "SELECT max(position_order) FROM member WHERE team_id = ? AND deleted = 0", [team_id]
    ).fetchone()
    return int(row[0] or 0) + 1


def drafts_for(db: Database, keys: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """The drafts of these (entity, record id) pairs, with when each was last saved."""
    found: list[dict[str, Any]] = []
    for entity, record_id in keys:
        row = db.execute(
            "SELECT fields, saved_at FROM drafts WHERE entity = ? AND record_id = ?",
            [entity, record_id],
        ).fetchone()
        if row is not None:
            found.append(
                {
                    "entity": entity,
                    "record_id": record_id,
                    "fields": dict(json.loads(row[0])),
                    "saved_at": str(row[1]),
                }
            )
    return found


def meeting_sheet(db: Database, meeting_id: str) -> dict[str, Any]:
    """One meeting with its child rows, the roster, its drafts and its correction, if any."""
    rows = list(
        db.query(
            f"SELECT {_columns('meeting')}, server_version FROM meeting "
            "WHERE id = ? AND deleted = 0",
            [meeting_id],
        )
    )
    if not rows:
        raise NotFoundError(
            tr(
                "TeamWork",
                "Không tìm thấy cuộc họp này: có thể biên bản đã bị xóa; hãy tải lại danh sách.",
            )
        )
    meeting = rows[0]
    sheet: dict[str, Any] = {"meeting": meeting}
    for entity in SHEET_CHILDREN:
        sheet[entity] = children(db, meeting_id, entity)
    sheet["members"] = member_rows(db, meeting.get("team_id"))
    keys = [("meeting", meeting_id)] + [("agenda_item", a["id"]) for a in sheet["agenda_item"]]
    sheet["drafts"] = drafts_for(db, keys)
    correction = db.execute(
        "SELECT id, version FROM meeting WHERE supersedes_id = ? AND deleted = 0 "
        "ORDER BY version DESC LIMIT 1",
        [meeting_id],
    ).fetchone()
    sheet["corrected_by"] = (
        {"id": str(correction[0]), "version": int(correction[1] or 0)} if correction else None
    )
    return sheet
