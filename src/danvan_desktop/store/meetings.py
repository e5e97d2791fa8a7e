"""Meetings and their minutes: finalising gives a number and locks; corrections version.

Document numbers are per issuing body, per document type and per year, and are
given when a document is finalised (DESIGN.md), from the local counter: the team
numbers its minutes, the village those of its community meetings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.meeting_rules import impossible_votes
from danvan_desktop.core.schedule import is_held
from danvan_desktop.core.vndate import short_date
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


def finalise(records: Records, meeting_id: str, *, today: dt.date | None = None) -> Change:
    """Lock the minutes and give them their number for the meeting's year.

    Refused (ValidationError naming every problem, nothing numbered) for a meeting dated
    after ``today`` (it has not taken place), and for minutes without a closing time or
    without a conclusion.
    """
    with records.db.atomic():
        meeting = records.get("meeting", meeting_id)
        if meeting["state"] == "final":
            return Change("meeting", meeting_id, "unchanged")
        problems = _unheld(meeting, today or dt.date.today())
        if not meeting.get("ends_at"):
            problems.append(
                FieldProblem(
                    "ends_at",
                    tr(
                        "meetings",
                        "Chưa ghi «Thời gian kết thúc»: hãy nhập giờ kết thúc cuộc họp "
                        "trước khi hoàn tất biên bản.",
                    ),
                )
            )
        problems += _without_conclusion(records, meeting_id)
        if problems:
            raise ValidationError(problems)
        # A vote written before the attendance changed (or by an earlier release) may
        # count more than were present: issued minutes never carry such counts.
        votes = impossible_votes(
            meeting,
            children(records, meeting_id, "attendance"),
            children(records, meeting_id, "vote"),
            list(records.rows("member", "team_id = ?", [meeting.get("team_id")])),
        )
        if votes:
            raise ValidationError(votes)
        year = dt.date.fromisoformat(str(meeting["starts_at"])[:10]).year
        number = next_number(
            records, issuer=minutes_issuer(meeting), type_code=MINUTES_TYPE_CODE, year=year
        )
        return records.save(
            "meeting",
            {"state": "final", "number": number, "number_year": year, "finalised_at": utc_now()},
            record_id=meeting_id,
        )


def minutes_issuer(meeting: dict[str, Any]) -> str:
    """Whose numbers minutes take: the team's, or for a community meeting the village's
    (it is the village's meeting, and its minutes are numbered apart)."""
    team = str(meeting["team_id"])
    return f"{team}:village" if meeting.get("kind") == "community" else team


def _unheld(meeting: dict[str, Any], today: dt.date) -> list[FieldProblem]:
    """Minutes of a meeting dated in the future cannot be final: it has not taken place."""
    day = dt.date.fromisoformat(str(meeting["starts_at"])[:10])
    if is_held(day, today):
        return []
    message = tr(
        "meetings",
        "Cuộc họp ghi ngày {date}, chưa diễn ra: chỉ hoàn tất biên bản sau khi đã họp "
        "(nếu nhập nhầm ngày, hãy sửa «Thời gian bắt đầu»).",
        date=short_date(day),
    )
    return [FieldProblem("starts_at", message)]


def _without_conclusion(records: Records, meeting_id: str) -> list[FieldProblem]:
    """Final minutes record what the chair concluded: at least one conclusion is written."""
    written = children(records, meeting_id, "conclusion")
    if any(str(row.get("content") or "").strip() for row in written):
        return []
    message = tr(
        "meetings",
        "Biên bản chưa có kết luận của chủ trì: hãy ghi ít nhất một kết luận (thẻ «Kết "
        "luận, biểu quyết») rồi hoàn tất.",
    )
    return [FieldProblem("conclusion", message)]


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
                "covers_from",
                "covers_to",
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
