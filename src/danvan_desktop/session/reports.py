"""The reports part of the Session facade: build a document, render it, write it to a stick.

Build a document from the store (a draft, marked «DỰ THẢO», has no number), render
it to bytes, then write it with the usb box's atomic, verified write. Issuing takes
the issuing body's next number of the year and stores the document as built in the
register of issued documents (store/issued_documents.py), in the same transaction
as the write, so a failed or cancelled write gives the number back. Every later
export of an issued document, in any format, renders that stored copy
(``export_issued``): one number never prints different content. The same document
(kind, subject, issuer, year) is issued once; asking again says where the issued
copy is (building and issuing: session/report_issue.py). Imports are local: the
renderers load python-docx, openpyxl and fpdf2, which commands that make no report
never need.

The window's export dialog checks and suggests file names and shows the sticks'
sizes before any Session call: ``check_file_name``, ``safe_file_name`` and
``format_size`` are functions of this module, and the types the window names
(``ReportKind``, ``Document``, ``Volume``, ``WrittenFile``, ``ExportedFile``,
``IssuedEntry``) are re-exported here. A file reports ``safe_to_remove`` (and the
messages say «USB») only when it went onto a removable drive (session/report_files.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.report_issue import ReportIssueMixin, lower_first

if TYPE_CHECKING:
    from danvan_desktop.reports.builders import ReportKind as ReportKind
    from danvan_desktop.reports.document import Document as Document
    from danvan_desktop.session.report_files import ExportedFile as ExportedFile
    from danvan_desktop.store import issued_documents
    from danvan_desktop.store.issued_documents import IssuedEntry as IssuedEntry
    from danvan_desktop.usb.atomic_write import WrittenFile as WrittenFile
    from danvan_desktop.usb.volume import Volume as Volume
else:  # loaded when first used (core/lazy.py)
    issued_documents = lazy_module("danvan_desktop.store.issued_documents")


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


class ReportsMixin(ReportIssueMixin):
    """Report verbs of the Session: the kinds, the sticks, the export (building and issuing:
    session/report_issue.py; the leader's texts: session/report_texts.py)."""

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

    # -- exporting -----------------------------------------------------------------------
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
        correct: int | None = None,
        removable: bool | None = None,
        **params: Any,
    ) -> ExportedFile:
        """Build, render and write a document into ``target_dir``; ``issue`` issues it,
        ``correct`` (an issued document's id) issues its correction (``kind`` is its kind).

        ``progress(done, total, text)`` reports the steps (total 100); setting ``cancel``
        stops between steps and between written blocks (OperationCancelled). ``removable``
        says whether ``target_dir`` is on a removable drive (None: look it up). The folder
        is remembered in the «last_export_dir» setting.
        """
        from danvan_desktop.reports.builders import report_kind
        from danvan_desktop.session.report_files import stepper, target_folder

        if correct is not None:  # the correction is of the corrected document's kind
            kind = issued_documents.entry(self.store.db, int(correct)).kind
        found = report_kind(kind)
        _check_format(found, format)
        target, on_stick = target_folder(target_dir, removable)
        step = stepper(progress, cancel)
        with self.store.db.atomic():
            step(5, tr("ReportExport", "Đang lập báo cáo từ dữ liệu…"))
            entry = None
            if correct is not None:
                entry, document = self.correct_issued(correct, **params)
            elif issue:
                entry, document = self.issue_report(found.name, **params)
            else:
                document = self.build_report(found.name, **params)
            written = self._write_document(
                document, format, target, on_stick, file_name, step, progress, cancel
            )
        return self._exported(written, target, on_stick, entry, progress)

    def export_issued(
        self,
        issued_id: int,
        format: str,
        target_dir: Path,
        file_name: str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        removable: bool | None = None,
    ) -> ExportedFile:
        """Write the issued document ``issued_id`` again, in ``format``, as it was issued."""
        from danvan_desktop.reports.builders import report_kind
        from danvan_desktop.session.report_files import stepper, target_folder

        entry = issued_documents.entry(self.store.db, int(issued_id))
        _check_format(report_kind(entry.kind), format)
        target, on_stick = target_folder(target_dir, removable)
        step = stepper(progress, cancel)
        step(5, tr("ReportExport", "Đang đọc văn bản đã cấp…"))
        document = self.issued_document(entry.id)
        written = self._write_document(
            document, format, target, on_stick, file_name, step, progress, cancel
        )
        return self._exported(written, target, on_stick, entry, progress)

    def _write_document(
        self,
        document: Document,
        format: str,
        target: Path,
        on_stick: bool,
        file_name: str | None,
        step: Callable[[int, str], None],
        progress: Callable[[int, int, str], None] | None,
        cancel: threading.Event | None,
    ) -> WrittenFile:
        from danvan_desktop.session.report_files import folder_error
        from danvan_desktop.usb import UsbWriteError, write_file

        def writing(done: int, total: int | None) -> None:
            if progress is not None and total:
                progress(40 + 59 * done // total, 100, tr("ReportExport", "Đang ghi tệp…"))

        step(20, tr("ReportExport", "Đang trình bày tệp {format}…", format=format.upper()))
        data, name = self._rendered_report(document, format, file_name)
        step(40, tr("ReportExport", "Đang ghi tệp…"))
        try:
            return write_file(target, name, data, progress=writing, cancel=cancel)
        except UsbWriteError as error:
            if on_stick or error.reason == "bad_name":
                raise
            raise folder_error(error, target, name, len(data)) from error

    def _exported(
        self,
        written: WrittenFile,
        target: Path,
        on_stick: bool,
        entry: IssuedEntry | None,
        progress: Callable[[int, int, str], None] | None,
    ) -> ExportedFile:
        from danvan_desktop.session.report_files import ExportedFile

        self.change_setting("last_export_dir", str(target))
        if progress is not None:
            progress(100, 100, tr("ReportExport", "Đã ghi xong."))
        return ExportedFile(written, on_stick, entry)

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
            title = f"{document.title} {lower_first(document.subtitle)}"
            if document.number is not None:
                number = f"{number_text(document.number)}-{document.kind.value}"
                title = f"{number}-{document.unit_abbreviation} {title}"
            return data, safe_file_name(title, extension)
        if not file_name.lower().endswith(extension):
            file_name += extension
        return data, file_name


def _check_format(found: ReportKind, format: str) -> None:
    """ValidationError (on ``format``) when ``found`` cannot be written as ``format``."""
    from danvan_desktop.core.errors import FieldProblem, ValidationError

    if format not in found.formats:
        message = tr(
            "ReportExport",
            "«{kind}» không xuất được ra {format}: hãy chọn {allowed}.",
            kind=found.label(),
            format=str(format).upper(),
            allowed=", ".join(f.upper() for f in found.formats),
        )
        raise ValidationError([FieldProblem("format", message)])
