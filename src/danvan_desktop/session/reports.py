"""The reports part of the Session facade: build a document, render it, write it to a stick.

Build a document from the store (a draft preview has no number), render it to
bytes, then write it with the usb box's atomic, verified write. Issuing takes the
next «BC» number in the same transaction as the write, so a failed or cancelled
write gives the number back. Imports are local: the renderers load python-docx,
openpyxl and fpdf2, which commands that make no report never need.

The window's export dialog checks and suggests file names and shows the sticks'
sizes before any Session call: ``check_file_name``, ``safe_file_name`` and
``format_size`` are functions of this module, and the types the window names
(``ReportKind``, ``Document``, ``Volume``, ``WrittenFile``) are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.base import SessionBase

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.reports.builders import ReportKind as ReportKind
    from danvan_desktop.reports.document import Document as Document
    from danvan_desktop.store import meetings
    from danvan_desktop.usb.atomic_write import WrittenFile as WrittenFile
    from danvan_desktop.usb.volume import Volume as Volume
else:  # loaded when first used (core/lazy.py)
    meetings = lazy_module("danvan_desktop.store.meetings")


# -- file names and sizes (no Session needed: the export dialog asks as the user types) --
def check_file_name(name: str) -> str:
    """``name`` in NFC, or ValidationError (on ``file_name``) when Windows or a FAT/exFAT
    stick would refuse it."""
    from danvan_desktop.usb.names import check_file_name as check

    return check(name)


def safe_file_name(title: str, extension: str = "") -> str:
    """A file name made from a (Vietnamese) title that ``check_file_name`` accepts;
    ``extension`` (``".docx"``) is kept whole however long the title."""
    from danvan_desktop.usb.names import safe_file_name as safe

    return safe(title, extension)


def format_size(size: int) -> str:
    """A byte count as people read it: ``1,5 MB`` in Vietnamese, ``1.5 MB`` in English."""
    from danvan_desktop.usb.errors import format_size as size_text

    return size_text(size)


class ReportsMixin(SessionBase):
    """Report verbs of the Session."""

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
