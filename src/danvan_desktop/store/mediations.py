"""Mediation at the grassroots (hòa giải ở cơ sở): the list of cases, one case's sheet,
and the figures reports count.

A case without an outcome is pending; its outcome is settled, not settled, or passed on
to the body that has the power to decide (core/vocab.py's MEDIATION_OUTCOMES). Every
read takes a connection (the writer or a reader), so list pages read on the read lane.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vocab import MEDIATION_OUTCOMES
from danvan_desktop.store.community_work import child_rows

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads

PENDING = "pending"  # the list's filter for cases without an outcome yet
# Newest first; the keyset of a page is this key of its last row.
MEDIATION_KEY = ("m.mediated_on", "m.rowid")
COLUMNS = (
    "m.id, m.unit_id, m.title, m.dispute_kind, m.mediated_on, m.participants, m.outcome, "
    "m.outcome_on, m.passed_to, m.dirty"
)


def _where(
    outcome: str | None, unit_id: str | None, year: int | None
) -> tuple[list[str], list[Any]]:
    where, params = ["m.deleted = 0"], []
    if outcome == PENDING:
        where.append("m.outcome IS NULL")
    elif outcome is not None:
        where.append("m.outcome = ?")
        params.append(outcome)
    if unit_id is not None:
        where.append("m.unit_id = ?")
        params.append(unit_id)
    if year is not None:
        where.append("m.mediated_on >= ? AND m.mediated_on < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    return where, params


def mediation_rows(
    db: Reads,
    *,
    outcome: str | None = None,
    unit_id: str | None = None,
    year: int | None = None,
    limit: int = 300,
    after: tuple[Any, ...] | None = None,
) -> list[dict[str, Any]]:
    """Cases newest first, each with ``parties`` (how many, on this laptop) and its
    ``page_key``. ``outcome`` keeps one outcome (or ``pending``: none yet); ``after`` (a
    row's ``page_key``) starts after that row."""
    where, params = _where(outcome, unit_id, year)
    if after is not None:
        where.append(f"({', '.join(MEDIATION_KEY)}) < (?, ?)")
        params += list(after)
    rows = list(
        db.query(
            f"SELECT {COLUMNS}, m.rowid AS _rowid, "
            "(SELECT count(*) FROM mediation_party c WHERE c.mediation_id = m.id "
            f"AND c.deleted = 0) AS parties FROM mediation m WHERE {' AND '.join(where)} "
            f"ORDER BY {', '.join(f'{k} DESC' for k in MEDIATION_KEY)} LIMIT {int(limit)}",
            params,
        )
    )
    for row in rows:
        row["page_key"] = (row["mediated_on"], row.pop("_rowid"))
    return rows


def mediation_count(
    db: Reads, *, outcome: str | None = None, unit_id: str | None = None, year: int | None = None
) -> int:
    """How many cases ``mediation_rows`` lists with these filters."""
    where, params = _where(outcome, unit_id, year)
    sql = f"SELECT count(*) FROM mediation m WHERE {' AND '.join(where)}"
    return int(db.execute(sql, params).fetchone()[0])


def mediation_sheet(db: Reads, mediation_id: str) -> dict[str, Any]:
    """One case for its form: the record and ``parties`` (the people this laptop holds)."""
    rows = list(db.query("SELECT * FROM mediation WHERE id = ? AND deleted = 0", [mediation_id]))
    if not rows:
        raise NotFoundError(
            tr(
                "store",
                "Không tìm thấy vụ việc hòa giải này: có thể đã bị xóa; hãy tải lại danh sách.",
            )
        )
    sheet = {k: v for k, v in rows[0].items() if not k.endswith("_sort")}
    sheet["parties"] = child_rows(db, "mediation", mediation_id)
    return sheet


def mediation_figures(
    db: Reads, *, start: dt.date, end: dt.date, unit_ids: Sequence[str] | None = None
) -> dict[str, Any]:
    """What a report counts of the cases mediated from ``start`` to ``end`` (both
    included), over the given units (all by default). Counts only, no one's name:
    ``cases``, one count per outcome (``settled``, ``not_settled``, ``passed_on``),
    ``pending`` (no outcome yet) and ``by_kind`` ({kind of dispute: cases})."""
    where = "deleted = 0 AND mediated_on >= ? AND mediated_on <= ?"
    params: list[Any] = [start.isoformat(), end.isoformat()]
    if unit_ids is not None:
        where += f" AND unit_id IN ({', '.join('?' for _ in unit_ids) or 'NULL'})"
        params += list(unit_ids)
    by_outcome = dict(
        db.execute(
            f"SELECT coalesce(outcome, ?), count(*) FROM mediation WHERE {where} GROUP BY 1",
            [PENDING, *params],
        ).fetchall()
    )
    by_kind = db.execute(
        f"SELECT dispute_kind, count(*) FROM mediation WHERE {where} GROUP BY dispute_kind "
        "ORDER BY dispute_kind",
        params,
    ).fetchall()
    figures: dict[str, Any] = {"cases": int(sum(by_outcome.values()))}
    for code in (*MEDIATION_OUTCOMES, PENDING):
        figures[code] = int(by_outcome.get(code, 0))
    figures["by_kind"] = {str(kind): int(count) for kind, count in by_kind}
    return figures
