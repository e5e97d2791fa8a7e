"""The reports part of the Session that builds documents and issues them.

A document is built from the store (a draft, marked «DỰ THẢO», has no number). Issuing
takes the issuing body's next number of the year and stores the document as built in
the register of issued documents (store/issued_documents.py), in the caller's
transaction (the export's, session/reports.py), so a failed or cancelled write gives the
number back. The same document (kind, subject, issuer, year) is issued once; asking
again says where the issued copy is. A correction is issued with the next number and
marks the old one replaced.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.session.report_texts import TEXT_NAMES, ReportTextsMixin, when

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.reports.document import Document
    from danvan_desktop.store import issued_documents
    from danvan_desktop.store.issued_documents import IssuedEntry
else:  # loaded when first used (core/lazy.py)
    issued_documents = lazy_module("danvan_desktop.store.issued_documents")

# Parameters that name what a document is about: the same ones, the same document.
_WHOLE_NUMBERS = ("year", "month", "quarter", "commune_code")


class ReportIssueMixin(ReportTextsMixin):
    """Build a document, issue it (or its correction), read the register back."""

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
                title=f"{document.title} {lower_first(document.subtitle)}".strip(),
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


def lower_first(text: str) -> str:
    """``text`` with its first letter small (a subtitle after a title)."""
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
