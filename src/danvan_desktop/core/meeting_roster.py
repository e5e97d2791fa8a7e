"""Who a team meeting counts: the whole roster on the meeting's day, not only the rows ticked.

«có mặt x/y» is out of every member whose term covers the meeting's day (the leader
too), whether or not an attendance row was written for them; a member named chair or
secretary is present; a member with no row, or unticked, is absent (with the reason
given, if any). Member rows of people not on the roster (typed by hand, or a member
whose record was removed) still count. The minutes, the periodic report's meetings
table and the meeting editor's attendance panel all count this way.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any


def name_key(name: Any) -> str:
    """A name as compared: NFC, case folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).casefold().split())


def serves_on(member: Mapping[str, Any], day: dt.date) -> bool:
    """Whether ``member``'s term (``term_start``/``term_end``, either open) covers ``day``."""
    start = str(member.get("term_start") or "")[:10]
    end = str(member.get("term_end") or "")[:10]
    return (not start or start <= day.isoformat()) and (not end or end >= day.isoformat())


def roster_on(members: Iterable[Mapping[str, Any]], day: dt.date) -> list[Mapping[str, Any]]:
    """The members (in the order given) whose term covers ``day``."""
    return [m for m in members if serves_on(m, day)]


def members_at(
    meeting: Mapping[str, Any],
    people: Iterable[Mapping[str, Any]],
    roster: Iterable[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Every member the meeting counts: the roster on its day (each with the row ticked for
    them, if any), then member rows of people not on it. Each entry has ``name``,
    ``present``, ``reason``, ``member_id`` (None off the roster) and ``row`` (the
    attendance row, None when none was written)."""
    rows = [p for p in people if not p.get("is_guest")]
    by_member = {str(r["member_id"]): r for r in rows if r.get("member_id")}
    by_name = {name_key(r.get("name")): r for r in rows if not r.get("member_id")}
    officers = {name_key(meeting.get("chair")), name_key(meeting.get("secretary"))} - {""}
    counted: list[dict[str, Any]] = []
    used: set[int] = set()
    for member in roster:
        key = name_key(member.get("full_name"))
        row = by_member.get(str(member.get("id"))) or by_name.get(key)
        if row is not None:
            used.add(id(row))
        present = bool(row.get("present")) if row is not None else key in officers
        counted.append(
            {
                "name": member.get("full_name"),
                "present": present,
                "reason": row.get("absence_reason") if row is not None else None,
                "member_id": member.get("id"),
                "row": row,
            }
        )
    for row in rows:
        if id(row) not in used:
            counted.append(
                {
                    "name": row.get("name"),
                    "present": bool(row.get("present")),
                    "reason": row.get("absence_reason"),
                    "member_id": None,
                    "row": row,
                }
            )
    return counted


def present_of(counted: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """(members present, members counted) of ``members_at``'s answer."""
    entries = list(counted)
    return sum(1 for e in entries if e["present"]), len(entries)
