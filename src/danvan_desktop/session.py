"""The facade the UI and the CLI call: verb-named methods, keyword arguments, results.

No SQL above this line. Every mutation returns a ``Result`` naming the records it
changed so that pages refresh only what changed.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from danvan_desktop.core import schedule
from danvan_desktop.core.schedule import Due
from danvan_desktop.session_bundles import BundleMixin
from danvan_desktop.session_sync import SyncMixin
from danvan_desktop.store import (
    attachments,
    backup,
    demo_data,
    drafts,
    lists,
    meeting_templates,
    meetings,
    outbox,
    overview,
    tasks,
)
from danvan_desktop.store import team as team_store
from danvan_desktop.store.database import Store
from danvan_desktop.store.integrity import CheckReport, check_store
from danvan_desktop.store.lists import ModelFilter, Page
from danvan_desktop.store.records import Change, Changes, Records
from danvan_desktop.store.search import SearchHit
from danvan_desktop.store.search import search as search_store
from danvan_desktop.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from danvan_desktop.reports.builders import ReportKind
    from danvan_desktop.reports.document import Document
    from danvan_desktop.store.commendation import Criterion, YearSummary
    from danvan_desktop.store.handbook import HandbookEntry, LoadOutcome
    from danvan_desktop.usb import Volume, WrittenFile


@dataclass(frozen=True)
class Result:
    """What a mutation did."""

    record_id: str | None
    changes: tuple[Change, ...] = field(default=())

    @property
    def entities(self) -> set[str]:
        """The entities whose records changed."""
        return {c.entity for c in self.changes}


def _result(change: Change | Changes, record_id: str | None = None) -> Result:
    if isinstance(change, Change):
        items = () if change.kind == "unchanged" else (change,)
        return Result(record_id or change.record_id, items)
    return Result(record_id, tuple(change.items))


class Session(SyncMixin, BundleMixin):
    """One open data folder: its store and the operations a team leader performs."""

    def __init__(self, store: Store, *, role: str = "team") -> None:
        self.store = store
        self.records = Records(store)
        self.role = role

    # -- lifecycle -------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, create: bool = False) -> Session:
        """Open the store in ``data_dir`` (``create`` to make a new one)."""
        session = cls(Store.open(Path(data_dir), create=create))
        session.load_bundled_handbook()
        return session

    def close(self) -> None:
        """Close the store cleanly."""
        self.store.close()

    @property
    def is_initialised(self) -> bool:
        """True once the team has been set up."""
        return self.store.home_unit_id is not None

    def initialise_team(self, **setup: Any) -> Result:
        """Set up the unit, team, leader, regulation and field list (first run)."""
        changes = team_store.initialise(self.records, team_store.TeamSetup(**setup))
        return _result(changes, self.store.meta("team_id"))

    def check(self, *, full: bool = False) -> CheckReport:
        """Check the store (quick, or the full integrity check)."""
        return check_store(self.store, full=full)

    # -- generic records -------------------------------------------------------------
    def add_record(self, entity: str, **fields: Any) -> Result:
        """Create a record of any entity."""
        return _result(self.records.save(entity, fields, role=self.role))

    def update_record(self, entity: str, record_id: str, **fields: Any) -> Result:
        """Change some fields of a record."""
        return _result(self.records.save(entity, fields, record_id=record_id, role=self.role))

    def delete_record(self, entity: str, record_id: str) -> Result:
        """Delete a record (a tombstone that sync carries)."""
        return _result(self.records.delete(entity, record_id))

    def get_record(self, entity: str, record_id: str) -> dict[str, Any]:
        """One live record."""
        return self.records.get(entity, record_id)

    def list_records(
        self,
        entity: str,
        *,
        where: str = "",
        params: list[Any] | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Live records of an entity, oldest first."""
        return list(self.records.rows(entity, where, params, limit=limit))

    # -- models ----------------------------------------------------------------------
    def add_model(self, **fields: Any) -> Result:
        """Register a model (status «registered», this year unless given)."""
        fields.setdefault("status", "registered")
        fields.setdefault("year", dt.date.today().year)
        return self.add_record("model", **fields)

    def update_model(self, model_id: str, **fields: Any) -> Result:
        """Change a model's fields."""
        return self.update_record("model", model_id, **fields)

    def move_model(self, model_id: str, *, status: str) -> Result:
        """Move a model along its life cycle (only the moves the role may make)."""
        return self.update_record("model", model_id, status=status)

    # -- team ------------------------------------------------------------------------
    @property
    def team_id(self) -> str:
        """This store's team."""
        return team_store.team_id(self.records)

    def add_member(self, **fields: Any) -> Result:
        """Add a member to the team."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("role", "member")
        return self.add_record("member", **fields)

    def regulation(self) -> dict[str, Any]:
        """The team's regulation settings."""
        return dict(team_store.regulation(self.records))

    # -- meetings and tasks ----------------------------------------------------------
    def add_meeting(self, **fields: Any) -> Result:
        """Create a meeting's minutes as a draft."""
        fields.setdefault("team_id", self.team_id)
        fields.setdefault("state", "draft")
        fields.setdefault("version", 1)
        return self.add_record("meeting", **fields)

    def finalise_meeting(self, meeting_id: str) -> Result:
        """Give the minutes their number and lock them."""
        return _result(meetings.finalise(self.records, meeting_id))

    def correct_meeting(self, meeting_id: str) -> Result:
        """Start a new version of final minutes; the old one is kept."""
        changes = meetings.correct(self.records, meeting_id)
        return _result(changes, changes.items[0].record_id if changes.items else None)

    def create_meeting(
        self, *, kind: str, starts_at: dt.datetime, place: str | None = None
    ) -> Result:
        """A draft meeting from its template: title, agenda, chair, attendance filled."""
        changes = meeting_templates.create_from_template(
            self.records, kind=kind, starts_at=starts_at, place=place
        )
        return _result(changes, changes.items[0].record_id)

    def save_draft(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """Autosave what is being typed (not yet a change to sync)."""
        drafts.save_draft(self.records, entity, record_id, fields)

    def load_draft(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """Unsaved fields left from an earlier session, if any."""
        return drafts.load_draft(self.records, entity, record_id)

    def commit_draft(self, entity: str, record_id: str) -> Result:
        """Save the draft into the record (validated, tracked) and drop it."""
        return _result(drafts.commit_draft(self.records, entity, record_id, role=self.role))

    def discard_draft(self, entity: str, record_id: str) -> None:
        """Throw a draft away."""
        drafts.discard_draft(self.records, entity, record_id)

    def list_tasks(
        self, *, today: dt.date | None = None, status: str | None = None, overdue_only: bool = False
    ) -> list[dict[str, Any]]:
        """Tasks from every meeting, nearest deadline first, overdue ones marked."""
        return tasks.task_rows(
            self.store.db, today=today or dt.date.today(), status=status, overdue_only=overdue_only
        )

    def meetings_due(self, *, today: dt.date | None = None) -> list[Due]:
        """The next regular meeting and any half-year or year-end review the regulation asks
        for now (reminders)."""
        today = today or dt.date.today()
        reg = self.regulation()
        held: dict[str, list[dt.date]] = {}
        for row in self.store.db.execute(
            "SELECT kind, starts_at FROM meeting WHERE deleted = 0 AND supersedes_id IS NULL"
        ):
            held.setdefault(row[0], []).append(dt.date.fromisoformat(str(row[1])[:10]))
        due = [
            schedule.next_meeting_due(
                period=str(reg.get("meeting_period") or "monthly"),
                meeting_day=reg.get("meeting_day"),
                held=held.get("regular", []),
                today=today,
            )
        ]
        periods = json.loads(str(reg.get("reporting_periods") or "[]"))
        return due + schedule.reviews_due(periods=periods, held=held, today=today)

    def add_task(self, **fields: Any) -> Result:
        """Add a task (from a meeting or on its own)."""
        fields.setdefault("status", "open")
        return self.add_record("task", **fields)

    def mark_task_done(self, task_id: str, *, on: dt.date | None = None) -> Result:
        """Mark a task done today (or ``on``)."""
        return self.update_record(
            "task", task_id, status="done", done_on=(on or dt.date.today()).isoformat()
        )

    # -- backups and settings --------------------------------------------------------
    def setting(self, key: str) -> Any:
        """A laptop setting (see store/settings.py for the keys)."""
        return get_setting(self.store.db, key)

    def change_setting(self, key: str, value: Any) -> None:
        """Change a laptop setting."""
        set_setting(self.store.db, key, value)

    def make_backup(self, target_dir: Path | None = None) -> Path:
        """Write a full backup (store and attachments) now; rotate the automatic ones."""
        path = backup.make_backup(self.store.db, self.store.data_dir, target_dir)
        if target_dir is None:
            backup.rotate(self.store.data_dir, int(self.setting("backup_keep")))
        return path

    def auto_backup(self) -> Path | None:
        """Back up when the last automatic backup is older than the interval setting."""
        if backup.backup_due(self.store.data_dir, float(self.setting("backup_interval_hours"))):
            return self.make_backup()
        return None

    def list_backups(self) -> list[Path]:
        """Backups in the data folder, newest first."""
        return backup.list_backups(self.store.data_dir)

    # -- search and demo data --------------------------------------------------------
    def search(
        self, text: str, *, limit: int = 20, entities: tuple[str, ...] | None = None
    ) -> list[SearchHit]:
        """Hits for what the user typed (diacritics optional), names before bodies."""
        return search_store(self.store.db, text, limit=limit, entities=entities)

    def fill_demo(
        self, *, size: str = "small", progress: Callable[[str, int, int], None] | None = None
    ) -> None:
        """Fill the store with realistic Huế demo data (``small`` or ``large``)."""
        if size == "small":
            demo_data.fill_small(self)
        else:
            demo_data.fill_large(self.store, progress=progress)

    # -- sync bookkeeping ------------------------------------------------------------
    def pending_operations(self) -> list[outbox.Operation]:
        """The outbox, oldest first."""
        return outbox.operations(self.store.db)

    def pending_count(self) -> int:
        """How many changes wait to be synced."""
        return outbox.pending_count(self.store.db)

    # -- GUI queries -----------------------------------------------------------------
    # Reads the desktop UI needs. Each takes an optional ``db`` so that list views can
    # run them on a reader connection (``open_reader``) in the background while the
    # writer is busy; without it they use the writer.
    def open_reader(self) -> Database:
        """A new read-only connection for a background reader; the caller closes it."""
        return self.store.reader()

    def model_page(
        self,
        flt: ModelFilter,
        *,
        order: str = "name",
        descending: bool = False,
        limit: int = 50,
        after: tuple[Any, str] | None = None,
        db: Database | None = None,
    ) -> Page:
        """One keyset page of the model list in Vietnamese order."""
        return lists.model_page(
            db or self.store.db, flt, order=order, descending=descending, limit=limit, after=after
        )

    def model_count(self, flt: ModelFilter, *, db: Database | None = None) -> int:
        """How many models the list's filter shows."""
        return lists.model_count(db or self.store.db, flt)

    def quick_search(
        self,
        text: str,
        *,
        entities: tuple[str, ...] | None = None,
        limit: int = 50,
        db: Database | None = None,
    ) -> list[SearchHit]:
        """Search as you type (like ``search``), optionally on a reader connection."""
        return search_store(db or self.store.db, text, limit=limit, entities=entities)

    def overview_figures(
        self, *, today: dt.date | None = None, db: Database | None = None
    ) -> overview.Overview:
        """Counts, models by field and status, meetings per month, overdue tasks, next meeting."""
        return overview.overview(db or self.store.db, today=today or dt.date.today())

    def model_fields(self, *, db: Database | None = None) -> list[tuple[str, str]]:
        """The team's model fields as (code, name), in order."""
        return overview.model_fields(db or self.store.db)

    def model_years(self, *, db: Database | None = None) -> list[int]:
        """Years that have models, newest first."""
        return overview.model_years(db or self.store.db)

    def indicator_readings(self, model_id: str) -> list[dict[str, Any]]:
        """A model's indicator readings, oldest reading first."""
        return list(
            self.records.rows(
                "indicator_reading", "model_id = ?", [model_id], order_by="read_on, rowid"
            )
        )

    def add_attachment(
        self, source: Path, *, owner_entity: str, owner_id: str, caption: str | None = None
    ) -> Result:
        """Keep a copy of a photo or document (by SHA-256) and link it to a record."""
        change = attachments.add_attachment(
            self.records,
            Path(source),
            owner_entity=owner_entity,
            owner_id=owner_id,
            caption=caption,
        )
        return _result(change)

    def attachments_of(self, owner_entity: str, owner_id: str) -> list[dict[str, Any]]:
        """A record's attachments, each with the ``path`` of its file."""
        return attachments.attachments_of(self.records, owner_entity, owner_id)

    # -- reports and export ----------------------------------------------------------
    # Build a document from the store (a draft preview has no number), render it to
    # bytes, then write it with the usb box's atomic, verified write. Issuing takes
    # the next «BC» number in the same transaction as the write, so a failed or
    # cancelled write gives the number back. Imports are local: the renderers load
    # python-docx, openpyxl and fpdf2, which commands that make no report never need.
    @staticmethod
    def report_kinds() -> list[ReportKind]:
        """The kinds of document the app makes, in menu order."""
        from danvan_desktop.reports.builders import REPORT_KINDS

        return list(REPORT_KINDS.values())

    @staticmethod
    def list_removable_volumes() -> list[Volume]:
        """The mounted USB sticks, memory cards and USB disks."""
        from danvan_desktop.usb import list_removable_volumes

        return list_removable_volumes()

    def build_report(self, kind: str, *, db: Database | None = None, **params: Any) -> Document:
        """A document of ``kind`` (a draft unless ``number`` is given); ``db`` may be a reader.

        Parameters: ``preset`` (state|party), ``issued_on``, ``letterhead`` (overrides of
        issuing_body, managing_body, abbreviation, place, signer_name, signer_role and
        recipients, laid over the «report_letterhead» setting), and the kind's own:
        ``id``, ``period``, ``year``, ``month``, ``quarter``, ``commune_code``, ``proposals``.
        """
        from danvan_desktop.reports.builders import build_report

        letterhead = dict(self.setting("report_letterhead") or {})
        letterhead.update(params.pop("letterhead", None) or {})
        return build_report(db or self.store.db, kind, letterhead=letterhead, **params)

    def export_report(
        self,
        kind: str,
        format: str,
        target_dir: Path,
        file_name: str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        issue: bool = False,
        **params: Any,
    ) -> WrittenFile:
        """Build, render and write a document into ``target_dir``; ``issue`` numbers it.

        ``progress(done, total, text)`` reports the steps (total 100); setting ``cancel``
        stops between steps and between written blocks (OperationCancelled). The folder
        is remembered in the «last_export_dir» setting.
        """
        from danvan_desktop.core.errors import FieldProblem, OperationCancelled, ValidationError
        from danvan_desktop.core.i18n import tr
        from danvan_desktop.reports.builders import report_kind
        from danvan_desktop.usb import write_file

        found = report_kind(kind)
        if format not in found.formats:
            message = tr(
                "ReportExport",
                "«{kind}» không xuất được ra {format}: hãy chọn {allowed}.",
                kind=found.label(),
                format=format.upper(),
                allowed=", ".join(f.upper() for f in found.formats),
            )
            raise ValidationError([FieldProblem("format", message)])

        if not Path(target_dir).is_dir():
            message = tr(
                "ReportExport",
                "Không có thư mục {path}: hãy cắm lại USB hoặc chọn thư mục khác.",
                path=str(target_dir),
            )
            raise ValidationError([FieldProblem("target_dir", message)])

        def step(done: int, text: str) -> None:
            if cancel is not None and cancel.is_set():
                raise OperationCancelled(tr("ReportExport", "Đã hủy xuất báo cáo."))
            if progress is not None:
                progress(done, 100, text)

        def writing(done: int, total: int | None) -> None:
            if progress is not None and total:
                progress(40 + 59 * done // total, 100, tr("ReportExport", "Đang ghi tệp…"))

        with self.store.db.atomic():
            if issue and found.numbered:
                params["number"] = self.take_report_number(params)
            step(5, tr("ReportExport", "Đang lập báo cáo từ dữ liệu…"))
            document = self.build_report(found.name, **params)
            step(20, tr("ReportExport", "Đang trình bày tệp {format}…", format=format.upper()))
            data, name = self._rendered_report(document, format, file_name)
            step(40, tr("ReportExport", "Đang ghi tệp…"))
            written = write_file(Path(target_dir), name, data, progress=writing, cancel=cancel)
        self.change_setting("last_export_dir", str(Path(target_dir)))
        if progress is not None:
            progress(100, 100, tr("ReportExport", "Đã ghi xong."))
        return written

    def take_report_number(self, params: dict[str, Any]) -> int:
        """Take the next BC number for a report issued with ``params`` (in the caller's
        transaction, so a failed export gives it back)."""
        issued_on = params.get("issued_on") or dt.date.today()
        if isinstance(issued_on, str):
            issued_on = dt.date.fromisoformat(issued_on)
        owner = self.store.meta("team_id") or self.store.home_unit_id or "store"
        # The Party cell numbers its own documents, apart from the team's.
        issuer = owner if (params.get("preset") or "state") == "state" else f"{owner}:party"
        return meetings.next_number(
            self.records, issuer=issuer, type_code="BC", year=issued_on.year
        )

    @staticmethod
    def _rendered_report(
        document: Document, format: str, file_name: str | None
    ) -> tuple[bytes, str]:
        """The file's bytes and its name (from the title, the number first once issued)."""
        from danvan_desktop.core.vndate import number_text
        from danvan_desktop.reports.registry import render, renderer_for
        from danvan_desktop.usb import safe_file_name

        data = render(document, format)
        extension = renderer_for(format).extension
        if file_name is None:
            subtitle = document.subtitle[:1].lower() + document.subtitle[1:]
            title = f"{document.title} {subtitle}"
            if document.number is not None:
                number = f"{number_text(document.number)}-{document.kind.value}"
                title = f"{number}-{document.unit_abbreviation} {title}"
            return data, safe_file_name(title, extension)
        if not file_name.lower().endswith(extension):
            file_name += extension
        return data, file_name

    # -- meetings, tasks and team (GUI) ----------------------------------------------
    # Reads and small writes for the desktop's meetings, tasks and team pages. Reads
    # take an optional ``db`` (a reader from ``open_reader``) like the GUI queries above.
    def meeting_list(
        self, *, search: str = "", limit: int = 300, db: Database | None = None
    ) -> list[dict[str, Any]]:
        """The team's meetings newest first, with the number line of final minutes.

        ``search`` (diacritics optional) matches the title, place and proceedings and
        the agenda items, opinions and conclusions of a meeting.
        """
        from danvan_desktop.store import team_work

        db = db or self.store.db
        ids: list[str] | None = None
        if search.strip():
            hits = search_store(
                db,
                search,
                limit=limit,
                entities=("meeting", "agenda_item", "opinion", "conclusion"),
            )
            ids = list(dict.fromkeys(h.target_id for h in hits if h.target_entity == "meeting"))
        team = team_work.meta_value(db, "team_id")
        rows = team_work.meeting_rows(db, team_id=team, ids=ids, limit=limit)
        abbreviation = self._minutes_abbreviation(db)
        for row in rows:
            row["number_text"] = self._minutes_number(row, abbreviation)
        return rows

    def meeting_sheet(self, meeting_id: str, *, db: Database | None = None) -> dict[str, Any]:
        """A meeting with its child rows, the roster, drafts left unsaved, and its correction."""
        from danvan_desktop.store import team_work

        db = db or self.store.db
        sheet = team_work.meeting_sheet(db, meeting_id)
        sheet["number_text"] = self._minutes_number(
            sheet["meeting"], self._minutes_abbreviation(db)
        )
        return sheet

    def meeting_children(self, meeting_id: str, entity: str) -> list[dict[str, Any]]:
        """One kind of child row of a meeting (attendance, opinion, …), in order."""
        from danvan_desktop.store import team_work

        return team_work.children(self.store.db, meeting_id, entity)

    def task_list(
        self,
        *,
        today: dt.date | None = None,
        status: str | None = None,
        overdue_only: bool = False,
        db: Database | None = None,
    ) -> list[dict[str, Any]]:
        """``list_tasks`` for a page: on a reader connection when ``db`` is given."""
        return tasks.task_rows(
            db or self.store.db,
            today=today or dt.date.today(),
            status=status,
            overdue_only=overdue_only,
        )

    def reopen_task(self, task_id: str) -> Result:
        """Mark a task done by mistake as open again."""
        return self.update_record("task", task_id, status="open", done_on=None)

    def team_members(self, *, db: Database | None = None) -> list[dict[str, Any]]:
        """The roster: the leader, the deputies, then the members."""
        from danvan_desktop.store import team_work

        db = db or self.store.db
        return team_work.member_rows(db, team_work.meta_value(db, "team_id"))

    def save_member(self, member_id: str | None = None, **fields: Any) -> Result:
        """Add a member at the end of the roster (no ``member_id``) or change one."""
        from danvan_desktop.store import team_work

        if member_id is not None:
            return self.update_record("member", member_id, **fields)
        fields.setdefault(
            "position_order", team_work.next_member_order(self.store.db, self.team_id)
        )
        return self.add_member(**fields)

    def unit_kind(self, *, db: Database | None = None) -> str | None:
        """The kind of the team's place (thon, ban, to_dan_pho), for default positions."""
        from danvan_desktop.store import team_work

        return team_work.village_kind(db or self.store.db)

    def _minutes_abbreviation(self, db: Database) -> str:
        """The issuer's abbreviation as the printed minutes write it ("TDV")."""
        from danvan_desktop.core.errors import DanvanError
        from danvan_desktop.reports.builders.letterhead import abbreviation_of, resolve_letterhead

        try:
            overrides = get_setting(db, "report_letterhead") or {}
            return resolve_letterhead(db, preset="state", overrides=overrides).abbreviation
        except DanvanError:  # no place or issuer yet: the team's name still gives initials
            from danvan_desktop.store import team_work

            name = team_work.team_name(db)
            return abbreviation_of(name) if name else ""

    @staticmethod
    def _minutes_number(meeting: dict[str, Any], abbreviation: str) -> str:
        """ "Số: 05/BB-TDV" for numbered minutes; empty for a draft."""
        from danvan_desktop.core.vndate import state_number
        from danvan_desktop.store.meetings import MINUTES_TYPE_CODE

        number = meeting.get("number")
        if not number:
            return ""
        return state_number(int(number), MINUTES_TYPE_CODE, abbreviation)

    # -- handbook, regulation, commendation ------------------------------------------
    # The Sổ tay, Quy chế and Điển hình & khen thưởng pages. Reads take an optional
    # ``db`` (a reader) like the GUI queries above; writes go through the store modules
    # (store/handbook.py, store/regulation.py, store/commendation.py).
    def load_bundled_handbook(self) -> LoadOutcome:
        """Load the bundled handbook when this store has an older one (or none)."""
        from danvan_desktop.store import handbook

        try:
            if handbook.bundle_version() <= int(self.store.meta(handbook.BUNDLE_META_KEY) or 0):
                return handbook.LoadOutcome(loaded=False)
            return handbook.load_bundled(self.store, handbook.read_bundle())
        except (OSError, ValueError, KeyError):
            # A damaged install must not keep the team out of its data; the page says so.
            return handbook.LoadOutcome(loaded=False)

    def handbook_entries(self, *, db: Database | None = None) -> list[HandbookEntry]:
        """The handbook's documents in order, each marked new, read or bookmarked."""
        from danvan_desktop.store import handbook

        return handbook.entries(db or self.store.db)

    def handbook_document(self, slug: str, *, db: Database | None = None) -> dict[str, Any] | None:
        """The document shown for ``slug`` (body included), or None."""
        from danvan_desktop.store import handbook

        return handbook.document(db or self.store.db, slug)

    def search_handbook(
        self, text: str, *, limit: int = 30, db: Database | None = None
    ) -> list[SearchHit]:
        """Handbook hits (diacritics optional), one per document, matches marked."""
        from danvan_desktop.store import handbook_search

        return handbook_search.search(db or self.store.db, text, limit=limit)

    def mark_handbook_read(self, slug: str) -> bool:
        """Remember that the document shown for ``slug`` was read on this laptop."""
        from danvan_desktop.store import handbook

        return handbook.mark_read(self.store.db, slug)

    def bookmark_handbook(self, slug: str, *, on: bool = True) -> None:
        """Bookmark a handbook document (``on=False`` takes the bookmark away)."""
        from danvan_desktop.store import handbook

        handbook.set_bookmark(self.store.db, slug, on)

    def refresh_handbook_index(self) -> int:
        """After a sync: search only the document shown for each slug."""
        from danvan_desktop.store import handbook

        return handbook.reconcile_index(self.store.db)

    def regulation_settings(self, *, db: Database | None = None) -> dict[str, Any]:
        """The team's regulation with its lists read (reporting periods, recipients)."""
        from danvan_desktop.store import regulation

        db = db or self.store.db
        return regulation.settings(db, self.store.meta("team_id"))

    def save_regulation(self, **fields: Any) -> Result:
        """Change the regulation's settings or text."""
        from danvan_desktop.store import regulation

        return _result(regulation.save(self.records, fields, role=self.role))

    def regulation_model_text(self, *, today: dt.date | None = None, **settings: Any) -> str:
        """The city's model regulation filled in for the team, with ``settings`` unsaved."""
        from danvan_desktop.store import regulation

        return regulation.model_text(self.store.db, settings, today=today)

    def commendation_criteria(self) -> list[Criterion]:
        """The checklist proposals are scored against (code, text, points)."""
        from danvan_desktop.store import commendation

        return commendation.criteria(self.store.db)

    def change_commendation_criteria(self, items: list[dict[str, Any]]) -> list[Criterion]:
        """Replace the checklist with the commune's (``text`` and ``points`` each)."""
        from danvan_desktop.store import commendation

        return commendation.set_criteria(self.store.db, items)

    def commendation_years(
        self, *, today: dt.date | None = None, db: Database | None = None
    ) -> list[int]:
        """Years with exemplars or commendations (and this year), newest first."""
        from danvan_desktop.store import commendation

        return commendation.years(db or self.store.db, today=today)

    def exemplar_rows(self, year: int, *, db: Database | None = None) -> list[dict[str, Any]]:
        """A year's exemplars with their latest commendation, in Vietnamese order."""
        from danvan_desktop.store import commendation

        return commendation.exemplar_rows(db or self.store.db, year)

    def commendation_summary(self, year: int, *, db: Database | None = None) -> YearSummary:
        """How many individuals and collectives were commended in ``year``, how many wait."""
        from danvan_desktop.store import commendation

        return commendation.year_summary(db or self.store.db, year)

    def evidence_choices(self, *, db: Database | None = None) -> dict[str, list[dict[str, Any]]]:
        """The models and meetings an exemplar may cite as evidence."""
        from danvan_desktop.store import commendation

        return commendation.evidence_choices(db or self.store.db)

    def save_exemplar(self, exemplar_id: str | None = None, **fields: Any) -> Result:
        """Add an exemplar (no id) or change one; linked models and meetings must exist."""
        from danvan_desktop.store import commendation

        change = commendation.save_exemplar(
            self.records, fields, record_id=exemplar_id, role=self.role
        )
        return _result(change)

    def propose_commendation(
        self,
        exemplar_id: str,
        *,
        form: str,
        level: str,
        ticked: list[str],
        achievement: str | None = None,
        commendation_id: str | None = None,
    ) -> Result:
        """Propose (or re-score) a commendation on the ticked criteria of the checklist."""
        from danvan_desktop.store import commendation

        change = commendation.propose(
            self.records,
            exemplar_id=exemplar_id,
            form=form,
            level=level,
            ticked=ticked,
            achievement=achievement,
            commendation_id=commendation_id,
            role=self.role,
        )
        return _result(change)

    def decide_commendation(
        self,
        commendation_id: str,
        *,
        decision_number: str | None,
        decision_date: str | dt.date | None,
        decided_by: str | None,
        form: str | None = None,
        level: str | None = None,
    ) -> Result:
        """Record the decision: number, date and deciding body; the state becomes decided."""
        from danvan_desktop.store import commendation

        change = commendation.decide(
            self.records,
            commendation_id,
            decision_number=decision_number,
            decision_date=decision_date,
            decided_by=decided_by,
            form=form,
            level=level,
            role=self.role,
        )
        return _result(change)
