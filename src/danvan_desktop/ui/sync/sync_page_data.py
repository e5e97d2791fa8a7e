"""What the Đồng bộ page reads (one DB-lane job) and the sentences it writes about rounds.

Messages the store kept (a failed round's error in the sync log, the server's reason
for a refused change) are reworded into the window's language as they are read
(ui/sync/wording.py): they were written in the language of their day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr as core_tr
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.ui.sync.wording import reword
from danvan_desktop.ui.task_runner import JobContext
from danvan_desktop.ui.text import local_time_text, number_text, tr

if TYPE_CHECKING:  # the sync stack (requests) loads with the first round, not at start
    from danvan_desktop.session.sync import SyncReport

LOG_LIMIT = 200


def record_title(session: Any, entity: str, record_id: str) -> str:
    """A record's name or title as the user knows it (its id when it has none)."""
    if entity not in ENTITIES:
        return record_id
    try:
        record = session.get_record(entity, record_id)
    except NotFoundError:
        return record_id
    for name in ("name", "title", "full_name"):
        if record.get(name):
            return str(record[name])
    return core_tr("entities", ENTITIES[entity].label)


def field_label(entity: str, field: str) -> str:
    """A field's label in the user's language."""
    spec = ENTITIES.get(entity)
    if spec is None or field not in spec.field_names:
        return field
    return core_tr("fields", spec.field(field).label)


def page_data(ctx: JobContext) -> dict[str, Any]:
    """Everything the page shows, read in one go (DB lane)."""
    session = ctx.session
    conflicts = [
        {
            "id": c["id"],
            "title": record_title(session, c["entity"], c["record_id"]),
            "field_label": field_label(c["entity"], c["field"]),
            "kept": c["kept_value"],
            "lost": c["lost_value"],
        }
        for c in session.conflicts()
    ]
    rejected = [
        dict(
            op,
            title=record_title(session, op["entity"], op["record_id"]),
            error=reword(op.get("error")),
        )
        for op in session.rejected_operations()
    ]
    return {
        "state": session.sync_state()._asdict(),
        "server_url": session.setting("server_url") or "",
        "ca_bundle": session.setting("ca_bundle") or "",
        "enrollment_code": session.setting("enrollment_code") or "",
        "log": [dict(row, error=reword(row.get("error"))) for row in session.sync_log(LOG_LIMIT)],
        "rejected": rejected,
        "conflicts": conflicts,
    }


def report_text(report: SyncReport) -> str:
    """What a finished round did, in one sentence: changes the server took, those it
    already held (a resend after a lost answer), what came back, and the bytes that
    crossed the wire (cut requests included); then a release it staged or refused
    (sync/release_lane.py)."""
    text = tr(
        "SyncPage",
        "Đồng bộ xong: gửi {pushed} thay đổi, máy chủ đã có sẵn {duplicates}, nhận {pulled}, "
        "{conflicts} xung đột, {rejected} bị từ chối; {sent} byte đi, {received} byte về.",
        pushed=number_text(report.pushed),
        duplicates=number_text(report.duplicates),
        pulled=number_text(report.pulled),
        conflicts=number_text(report.conflicts),
        rejected=number_text(report.rejected),
        sent=number_text(report.bytes_sent),
        received=number_text(report.bytes_received),
    )
    joined = report.joined_note()  # this laptop's own new team joined the unit's
    if joined:
        text += " " + joined
    if report.release_ready:
        text += " " + tr(
            "SyncPage",
            "Bản cập nhật {version} đã tải về: cài ở trang Cài đặt.",
            version=report.release_ready,
        )
    if report.release_refused:
        text += " " + report.release_refused
    return text


def last_round_text(row: dict[str, Any]) -> str:
    """The newest sync log row in one sentence (before any round of this session)."""
    when = local_time_text(row.get("finished_at") or row.get("started_at"))
    if row.get("result") == "ok":
        return tr(
            "SyncPage",
            "Lần đồng bộ gần nhất ({when}) thành công: {count} thay đổi.",
            when=when,
            count=number_text(row.get("operations") or 0),
        )
    return tr(
        "SyncPage",
        "Lần đồng bộ gần nhất ({when}) chưa xong: {error}",
        when=when,
        error=row.get("error") or "",
    )
