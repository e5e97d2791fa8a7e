"""The reports part of the Session facade: build a document, render it, write it to a stick.

Build a document from the store (a draft, marked «DỰ THẢO», has no number), render
it to bytes, then write it with the usb box's atomic, verified write. Issuing takes
the issuing body's next number of the year and stores the document as built in the
register of issued documents (store/issued_documents.py), in the same transaction
as the write, so a failed or cancelled write gives the number back. Every later
export of an issued document, in any format, renders that stored copy
(``export_issued``): one number never prints different content. The same document
(kind, subject, issuer, year) is issued once; asking again says where the issued
copy is. Imports are local: the renderers load python-docx, openpyxl and fpdf2,
which commands that make no report never need.

The window's export dialog checks and suggests file names and shows the sticks'
sizes before any Session call: ``check_file_name``, ``safe_file_name`` and
``format_size`` are functions of this module, and the types the window names
(``ReportKind``, ``Document``, ``Volume``, ``WrittenFile``, ``ExportedFile``,
``IssuedEntry``) are re-exported here. A file reports ``safe_to_remove`` (and the
messages say «USB») only when it went onto a removable drive (session/report_files.py).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.report_texts import TEXT_NAMES, ReportTextsMixin, when

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.reports.builders import ReportKind as ReportKind
    from danvan_desktop.reports.document import Document as Document
    from danvan_desktop.session.report_files import ExportedFile as ExportedFile
    from danvan_desktop.store import issued_documents
    from danvan_desktop.store.issued_documents import IssuedEntry as IssuedEntry
    from danvan_desktop.usb.atomic_write import WrittenFile as WrittenFile
    from danvan_desktop.usb.volume import Volume as Volume
else:  # loaded when first used (core/lazy.py)
    issued_documents = lazy_module("danvan_desktop.store.issued_documents")

# Parameters that name what a document is about: the same ones, the same document.
_WHOLE_NUMBERS = ("year", "month", "quarter", "commune_code")


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


class ReportsMixin(ReportTextsMixin):
    """Report verbs of the Session (with the leader's texts: session/report_texts.py)."""

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
        ``id``, ``period``, ``year``, ``month``, ``quarter``, ``commune_code``, and the
        leader's texts (``proposals``, ``situation``, ``shortcomings``, ``lessons``,
        ``next_tasks``: those not given are the ones kept for the period).
        """
        from danvan_desktop.reports.builders import build_report

        letterhead = dict(self.setting("report_letterhead") or {})
        letterhead.update(params.pop("letterhead", None) or {})
        # The leader's texts not given are those kept for the report's period.
        params = {**self.kept_report_texts(kind, params, db=db), **params}
        return build_report(db or self.store.db, kind, letterhead=letterhead, **params)

    # -- the register of issued documents ------------------------------------------------
    def issued_documents(self, *, db: Database | None = None) -> list[IssuedEntry]:
        """The documents issued on this laptop, newest first; ``db`` may be a reader."""
        return issued_documents.register(db or self.store.db)

    def issued_document(self, issued_id: int, *, db: Database | None = None) -> Document:
        """The document ``issued_id`` exactly as it was issued."""
        from danvan_desktop.reports.document_json import document_from_json

        return document_from_json(issued_documents.stored_document(db or self.store.db, issued_id))

    def issue_report(self, kind: str, **params: Any) -> tuple[IssuedEntry, Document]:
        """Issue a document of ``kind``: build it with the next number of its issuing body
        (none for a kind without numbers) and store it in the register as built.

        Runs in the caller's transaction (the export's), so a failed write gives the
        number back. ValidationError on ``issue`` for minutes (numbered when finalised)
        and for a document already issued (it names the issued copy to export again).
        """
        return self._issue(kind, params)

    def correct_issued(self, issued_id: int, **params: Any) -> tuple[IssuedEntry, Document]:
        """Issue the correction of document ``issued_id``: built again from the records with
        the next number, opening «Văn bản này thay thế văn bản số … ngày …»; the register
        marks the old one replaced. ValidationError on ``correct`` when it already is."""
        from danvan_desktop.core.errors import FieldProblem, ValidationError
        from danvan_desktop.core.vndate import short_date

        old = issued_documents.entry(self.store.db, int(issued_id))
        newer = issued_documents.replaced_by(self.store.db, old.id)
        if newer is not None:
            message = tr(
                "ReportExport",
                "Văn bản mã {id} đã được thay thế bằng văn bản mã {newer} ({number}): hãy sửa "
                "văn bản mới hơn đó.",
                id=old.id,
                newer=newer.id,
                number=newer.reference or short_date(newer.issued_on),
            )
            raise ValidationError([FieldProblem("correct", message)])
        subject = issued_documents.subject_params(self.store.db, old.id)
        return self._issue(old.kind, {**subject, **params, "preset": old.preset}, replaces=old)

    def _issue(
        self, kind: str, params: dict[str, Any], replaces: IssuedEntry | None = None
    ) -> tuple[IssuedEntry, Document]:
        from danvan_desktop.reports.builders import report_kind
        from danvan_desktop.reports.common import number_line
        from danvan_desktop.reports.correction import replacing
        from danvan_desktop.reports.document_json import document_to_json
        from danvan_desktop.reports.presets import load_preset

        found = report_kind(kind)
        if not found.issuable:
            raise self._issue_problem(
                tr(
                    "ReportExport",
                    "«{kind}» không cấp số khi xuất: biên bản được cấp số khi hoàn tất cuộc "
                    "họp. Hãy hoàn tất biên bản rồi xuất, không chọn cấp số.",
                    kind=found.label(),
                )
            )
        issued_on = when(params.get("issued_on"))
        preset = str(params.get("preset") or found.default_preset)
        issuer = self._issuer(preset)
        subject = issued_documents.subject_key(_subject(found.params, params))
        with self.store.db.atomic():
            same = issued_documents.already_issued(
                self.store.db, kind=found.name, issuer=issuer, year=issued_on.year,
                subject=subject,
            )  # fmt: skip
            if same is not None and replaces is None:
                raise self._issue_problem(_already_issued_text(found.label(), same))
            number = None
            if found.numbered:
                legacy = [(issuer, "BC")]  # numbers given before the register existed
                number = issued_documents.next_number(
                    self.store.db, issuer=issuer, year=issued_on.year, legacy=legacy
                )
            document = self.build_report(
                found.name, **{**params, "issued_on": issued_on, "number": number, "issued": True}
            )
            if replaces is not None:
                document = replacing(
                    document, issued_id=replaces.id, reference=replaces.reference,
                    issued_on=replaces.issued_on,
                )  # fmt: skip
            printed = number_line(document, load_preset(document.preset))
            entry = issued_documents.add(
                self.store.db,
                issuer=issuer,
                kind=found.name,
                type_code=document.kind.value,
                number=number,
                reference=printed.removeprefix("Số:").removeprefix("Số").strip(),
                issued_on=issued_on,
                preset=preset,
                title=f"{document.title} {_lower_first(document.subtitle)}".strip(),
                subject=subject,
                document=document_to_json(document),
            )
        return entry, document

    def _issuer(self, preset: str) -> str:
        """Whose numbers a document of ``preset`` takes: the team's, or its Party cell's."""
        owner = self.store.meta("team_id") or self.store.home_unit_id or "store"
        return owner if preset == "state" else f"{owner}:party"

    @staticmethod
    def _issue_problem(message: str) -> Exception:
        from danvan_desktop.core.errors import FieldProblem, ValidationError

        return ValidationError([FieldProblem("issue", message)])

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
            title = f"{document.title} {_lower_first(document.subtitle)}"
            if document.number is not None:
                number = f"{number_text(document.number)}-{document.kind.value}"
                title = f"{number}-{document.unit_abbreviation} {title}"
            return data, safe_file_name(title, extension)
        if not file_name.lower().endswith(extension):
            file_name += extension
        return data, file_name


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _subject(names: tuple[str, ...], params: dict[str, Any]) -> dict[str, Any]:
    """What a document of a kind taking ``names`` is about (the leader's texts are not)."""
    subject: dict[str, Any] = {}
    for name in names:
        value = params.get(name)
        if name in TEXT_NAMES or value is None or value == "":
            continue
        if name in _WHOLE_NUMBERS:
            with contextlib.suppress(TypeError, ValueError):
                value = int(value)
        subject[name] = value
    return subject


def _already_issued_text(kind: str, entry: IssuedEntry) -> str:
    from danvan_desktop.core.vndate import short_date

    if entry.reference:
        return tr(
            "ReportExport",
            "«{kind}» này đã được cấp số {number} ngày {date}. Để có thêm định dạng khác của "
            "đúng văn bản đó, hãy xuất lại bản đã cấp (mã {id}): chọn nó trong «Văn bản đã "
            "cấp» ở trang Báo cáo, hoặc dùng lệnh «danvan export --reissue {id}».",
            kind=kind,
            number=entry.reference,
            date=short_date(entry.issued_on),
            id=entry.id,
        )
    return tr(
        "ReportExport",
        "«{kind}» này đã được ban hành ngày {date}. Để có thêm định dạng khác của đúng văn "
        "bản đó, hãy xuất lại bản đã ban hành (mã {id}): chọn nó trong «Văn bản đã cấp» ở "
        "trang Báo cáo, hoặc dùng lệnh «danvan export --reissue {id}».",
        kind=kind,
        date=short_date(entry.issued_on),
        id=entry.id,
    )


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
