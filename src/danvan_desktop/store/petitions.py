"""Residents' petitions (kiến nghị, phản ánh): the list, the waiting ones, one petition's
sheet, the figures reports count, and a petition made from a meeting opinion.

A petition waits until its answer is recorded (``answered_on``). The body it was
passed to has the regulation's answer period (``answer_days``, 30 days by default)
from the day it was passed on, or from the day it was received while the team still
holds it; past that day (``due_on``) a waiting petition is overdue. Every read takes
a connection (the writer or a reader), so list pages read on the read lane.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.store.changes import Change
from danvan_desktop.store.community_work import answer_days, child_rows

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads
    from danvan_desktop.store.records import Records

STATES = ("waiting", "overdue", "answered")  # what the list may be filtered to
TITLE_CHARS = 300  # the petition's title field (core/community_schema.py)
# The day a waiting petition falls due: its start (passed on, else received) + the period.
DUE_SQL = "date(coalesce(p.passed_on, p.received_on), '+' || ? || ' days')"
# Newest received first; the keyset of a page is this key of its last row.
PETITION_KEY = ("p.received_on", "p.rowid")
COLUMNS = (
    "p.id, p.unit_id, p.title, p.received_on, p.raised_by, p.field_code, p.opinion_id, "
    "p.passed_to, p.passed_on, p.answered_on, p.dirty"
)


def _where(
    state: str | None, days: int, today: dt.date, unit_id: str | None, year: int | None
) -> tuple[list[str], list[Any]]:
    where, params = ["p.deleted = 0"], []
    if state == "answered":
        where.append("p.answered_on IS NOT NULL")
    elif state in ("waiting", "overdue"):
        where.append("p.answered_on IS NULL")
    if state == "overdue":
        where.append(f"{DUE_SQL} < ?")
        params += [days, today.isoformat()]
    if unit_id is not None:
        where.append("p.unit_id = ?")
        params.append(unit_id)
    if year is not None:
        where.append("p.received_on >= ? AND p.received_on < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    return where, params


def petition_rows(
    db: Reads,
    *,
    today: dt.date,
    state: str | None = None,
    unit_id: str | None = None,
    year: int | None = None,
    limit: int = 300,
    after: tuple[Any, ...] | None = None,
) -> list[dict[str, Any]]:
    """Petitions newest received first, each with ``due_on``, ``state`` (waiting, overdue,
    answered), ``petitioners`` (how many, on this laptop) and its ``page_key``.

    ``state`` keeps one kind of them; ``after`` (a row's ``page_key``) starts after it."""
    days = answer_days(db)
    where, params = _where(state, days, today, unit_id, year)
    if after is not None:
        where.append(f"({', '.join(PETITION_KEY)}) < (?, ?)")
        params += list(after)
    rows = list(
        db.query(
            f"SELECT {COLUMNS}, {DUE_SQL} AS due_on, p.rowid AS _rowid, "
            "(SELECT count(*) FROM petitioner c WHERE c.petition_id = p.id AND c.deleted = 0) "
            f"AS petitioners FROM petition p WHERE {' AND '.join(where)} "
            f"ORDER BY {', '.join(f'{k} DESC' for k in PETITION_KEY)} LIMIT {int(limit)}",
            [days, *params],
        )
    )
    for row in rows:
        row["page_key"] = (row["received_on"], row.pop("_rowid"))
        row["state"] = _state(row, today)
    return rows


def _state(row: dict[str, Any], today: dt.date) -> str:
    if row["answered_on"]:
        return "answered"
    return "overdue" if row["due_on"] and row["due_on"] < today.isoformat() else "waiting"


def petition_count(
    db: Reads,
    *,
    today: dt.date,
    state: str | None = None,
    unit_id: str | None = None,
    year: int | None = None,
) -> int:
    """How many petitions ``petition_rows`` lists with these filters."""
    where, params = _where(state, answer_days(db), today, unit_id, year)
    sql = f"SELECT count(*) FROM petition p WHERE {' AND '.join(where)}"
    return int(db.execute(sql, params).fetchone()[0])


def waiting_petitions(db: Reads, *, today: dt.date, limit: int = 10) -> list[dict[str, Any]]:
    """Petitions still waiting for an answer, the one due first first (the overview's
    «Việc cần làm»); each with ``due_on`` and ``state`` (waiting or overdue)."""
    days = answer_days(db)
    rows = list(
        db.query(
            f"SELECT {COLUMNS}, {DUE_SQL} AS due_on FROM petition p "
            "WHERE p.deleted = 0 AND p.answered_on IS NULL "
            f"ORDER BY due_on, p.rowid LIMIT {int(limit)}",
            [days],
        )
    )
    for row in rows:
        row["state"] = _state(row, today)
    return rows


def petition_sheet(db: Reads, petition_id: str) -> dict[str, Any]:
    """One petition for its form: the record, ``petitioners`` (the people this laptop
    holds) and ``opinion`` (the meeting opinion it came from, with the meeting's title
    and day, or None)."""
    rows = list(db.query("SELECT * FROM petition WHERE id = ? AND deleted = 0", [petition_id]))
    if not rows:
        raise NotFoundError(
            tr(
                "store",
                "Không tìm thấy kiến nghị này: có thể đã bị xóa; hãy tải lại danh sách.",
            )
        )
    sheet = {k: v for k, v in rows[0].items() if not k.endswith("_sort")}
    sheet["petitioners"] = child_rows(db, "petition", petition_id)
    sheet["opinion"] = _opinion(db, sheet.get("opinion_id"))
    return sheet


def _opinion(db: Reads, opinion_id: object) -> dict[str, Any] | None:
    if not opinion_id:
        return None
    rows = list(
        db.query(
            "SELECT o.id, o.meeting_id, o.speaker, o.content, m.title AS meeting_title, "
            "substr(m.starts_at, 1, 10) AS meeting_on FROM opinion o "
            "LEFT JOIN meeting m ON m.id = o.meeting_id WHERE o.id = ?",
            [opinion_id],
        )
    )
    return rows[0] if rows else None


def petitions_of_opinions(db: Reads, opinion_ids: Sequence[str]) -> dict[str, str]:
    """Which of these opinions became a petition: opinion id -> petition id."""
    ids = list(opinion_ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT opinion_id, id FROM petition WHERE deleted = 0 AND opinion_id IN ({marks}) "
        "ORDER BY rowid",
        ids,
    ).fetchall()
    found: dict[str, str] = {}
    for opinion_id, petition_id in rows:
        found.setdefault(str(opinion_id), str(petition_id))
    return found


def title_of(text: str, limit: int = TITLE_CHARS) -> str:
    """The first line of ``text``, cut at a word within ``limit`` characters (with «…»)."""
    line = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def from_opinion(records: Records, opinion_id: str, *, role: str = "team") -> Change:
    """Make a petition of a meeting opinion, linked to it: its words, the meeting's day,
    field «other» (to be chosen). An opinion that is a petition already gives that one
    (``unchanged``): one click twice makes one petition."""
    opinion = records.get("opinion", opinion_id)
    existing = petitions_of_opinions(records.db, [opinion_id]).get(opinion_id)
    if existing is not None:
        return Change("petition", existing, "unchanged")
    meeting = records.find("meeting", str(opinion["meeting_id"])) or {}
    content = str(opinion["content"] or "")
    title = title_of(content)
    fields = {
        "title": title,
        "details": content if content.strip() != title else None,
        "received_on": str(meeting.get("starts_at") or "")[:10] or dt.date.today().isoformat(),
        "field_code": "other",
        "opinion_id": opinion_id,
    }
    return records.save("petition", fields, role=role)


def petition_figures(
    db: Reads,
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    unit_ids: Sequence[str] | None = None,
    days: int | None = None,
) -> dict[str, Any]:
    """What a report counts of the petitions received from ``start`` to ``end`` (both
    included), over the given units (all by default). Counts only, no one's name:
    ``received``, ``passed_on``, ``answered``, ``answered_in_time`` (within the answer
    period, ``days``, from the day it was passed on, or received), ``waiting``,
    ``overdue`` (as of ``today``) and ``by_field`` ({field code: received}). ``days``
    defaults to this laptop's team's regulation; a roll-up gives each village its own."""
    days = answer_days(db) if days is None else days
    where = "p.deleted = 0 AND p.received_on >= ? AND p.received_on <= ?"
    params: list[Any] = [start.isoformat(), end.isoformat()]
    if unit_ids is not None:
        where += f" AND p.unit_id IN ({', '.join('?' for _ in unit_ids) or 'NULL'})"
        params += list(unit_ids)
    row = db.execute(
        "SELECT count(*), count(p.passed_on), count(p.answered_on), "
        f"coalesce(sum(p.answered_on IS NOT NULL AND p.answered_on <= {DUE_SQL}), 0), "
        "coalesce(sum(p.answered_on IS NULL), 0), "
        f"coalesce(sum(p.answered_on IS NULL AND {DUE_SQL} < ?), 0) "
        f"FROM petition p WHERE {where}",
        [days, days, today.isoformat(), *params],
    ).fetchone()
    by_field = db.execute(
        f"SELECT p.field_code, count(*) FROM petition p WHERE {where} GROUP BY p.field_code "
        "ORDER BY p.field_code",
        params,
    ).fetchall()
    keys = ("received", "passed_on", "answered", "answered_in_time", "waiting", "overdue")
    figures: dict[str, Any] = {key: int(value) for key, value in zip(keys, row, strict=True)}
    figures["by_field"] = {str(code): int(count) for code, count in by_field}
    return figures
