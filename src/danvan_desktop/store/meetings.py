"""Meetings and their minutes: finalising gives a number and locks; corrections version.

Document numbers are per issuing team, per document type and per year, and are
given when a document is finalised (DESIGN.md), from the local counter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.store.changes import Change, Changes
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.records import Records

MINUTES_TYPE_CODE = "BB"
CHILD_ENTITIES = ("attendance", "agenda_item", "opinion", "conclusion", "vote", "task")


def next_number(records: Records, *, issuer: str, type_code: str, year: int) -> int:
    """Take the next document number for ``issuer``/``type_code``/``year`` (in the caller's
    transaction, so a failed finalisation gives the number back)."""
    db = records.db
    db.execute(
        "INSERT INTO document_counter(issuer, type_code, year, last_number) VALUES (?, ?, ?, 1) "
        "ON CONFLICT(issuer, type_code, year) DO UPDATE SET last_number = last_number + 1",
        [issuer, type_code, year],
    )
    row = db.execute(
        "SELECT last_number FROM document_counter WHERE issuer = ? AND type_code = ? AND year = ?",
        [issuer, type_code, year],
    ).fetchone()
    return int(row[0])


def finalise(records: Records, meeting_id: str) -> Change:
    """Lock the minutes and give them their number for the meeting's year."""
    with records.db.atomic():
        meeting = records.get("meeting", meeting_id)
        if meeting["state"] == "final":
            return Change("meeting", meeting_id, "unchanged")
        if not meeting.get("ends_at"):
            raise ValidationError(
                [
                    FieldProblem(
                        "ends_at",
                        tr(
                            "meetings",
                            "Chưa ghi «Thời gian kết thúc»: hãy nhập giờ kết thúc cuộc họp "
                            "trước khi hoàn tất biên bản.",
                        ),
                    )
                ]
            )
        year = dt.date.fromisoformat(str(meeting["starts_at"])[:10]).year
        number = next_number(
            records, issuer=str(meeting["team_id"]), type_code=MINUTES_TYPE_CODE, year=year
        )
        return records.save(
            "meeting",
            {"state": "final", "number": number, "number_year": year, "finalised_at": utc_now()},
            record_id=meeting_id,
        )


def children(records: Records, meeting_id: str, entity: str) -> list[dict[str, Any]]:
    """The live child rows of one meeting, in their order."""
    order = (
        "position_order, rowid" if entity in ("agenda_item", "opinion", "conclusion") else "rowid"
    )
    return list(records.rows(entity, "meeting_id = ?", [meeting_id], order_by=order))


def correct(records: Records, meeting_id: str) -> Changes:
    """Start a correction of final minutes: a new draft version copying everything."""
    changes = Changes()
    with records.db.atomic():
        old = records.get("meeting", meeting_id)
        if old["state"] != "final":
            raise ValidationError(
                [
                    FieldProblem(
                        "state",
                        tr(
                            "meetings",
                            "Biên bản còn là bản nháp: hãy sửa trực tiếp, không cần đính chính.",
                        ),
                    )
                ]
            )
        copy = {
            k: old[k]
            for k in (
                "team_id",
                "kind",
                "title",
                "starts_at",
                "ends_at",
                "place",
                "chair",
                "secretary",
                "content",
                "households_total",
                "households_represented",
            )
        }
        copy.update(
            state="draft", version=int(old.get("version") or 1) + 1, supersedes_id=meeting_id
        )
        new = changes.add(records.save("meeting", copy))
        agenda_ids: dict[str, str] = {}
        for entity in CHILD_ENTITIES:  # agenda items before the opinions that point at them
            if entity == "task":
                continue  # tasks belong to the follow-up, not to one version of the text
            for row in children(records, meeting_id, entity):
                values = {k: v for k, v in row.items() if k in _fields(entity)}
                values["meeting_id"] = new.record_id
                if values.get("agenda_item_id"):
                    values["agenda_item_id"] = agenda_ids.get(values["agenda_item_id"])
                made = changes.add(records.save(entity, values))
                if entity == "agenda_item":
                    agenda_ids[row["id"]] = made.record_id
    return changes


def _fields(entity: str) -> tuple[str, ...]:
    from danvan_desktop.core.schema import entity as spec

    return spec(entity).field_names
