"""Report data builders: one module per document, one catalogue of the kinds.

Each builder is a pure function of a store connection (a sqlite-utils
``Database``: the writer or a reader) and the issue details, returning a
``reports.document.Document`` that any renderer lays out. ``build_report``
checks a kind's parameters and calls its builder; the session and the CLI use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.report_texts import REVIEW_TEXTS
from danvan_desktop.reports.builders.commendation_list import build_commendation_list
from danvan_desktop.reports.builders.common import Issue
from danvan_desktop.reports.builders.commune_rollup import build_commune_rollup
from danvan_desktop.reports.builders.leader_texts import proposal_items
from danvan_desktop.reports.builders.meeting_minutes import build_meeting_minutes
from danvan_desktop.reports.builders.member_list import build_member_list
from danvan_desktop.reports.builders.model_registration import build_model_registration
from danvan_desktop.reports.builders.model_statistics import build_model_statistics
from danvan_desktop.reports.builders.periodic_report import build_periodic_report
from danvan_desktop.reports.builders.periods import ReportPeriod, check_year, report_period
from danvan_desktop.reports.builders.regulation import build_regulation
from danvan_desktop.reports.document import Document

ALL_FORMATS = ("docx", "pdf", "xlsx")
TEXT_FORMATS = ("docx", "pdf")
ISSUE_PARAMS = ("preset", "issued_on", "number", "letterhead", "issued")


@dataclass(frozen=True)
class ReportKind:
    """One kind of document the app makes."""

    name: str
    # Vietnamese source of the kind's name; translated by ``label()``.
    label_source: str
    formats: tuple[str, ...]
    params: tuple[str, ...]
    # Takes a document number when issued (a registration and a regulation carry none).
    numbered: bool
    build: Callable[[Database, Issue, dict[str, Any]], Document]
    # Issued from the Báo cáo page or «--issue»: stored in the register as built. Minutes
    # are not: they are numbered and locked when the meeting is finalised.
    issuable: bool = True
    # The preset used when none is asked for: the team's own papers go out in the Party
    # cell's name (the team works under it); minutes (Decree 30, form 1.9) and the
    # figures a commune office sums up are state documents.
    default_preset: str = "state"

    def label(self) -> str:
        """The kind's name for menus, in the interface language."""
        return tr("ReportKinds", self.label_source)


def _problem(field: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])


def _required(params: Mapping[str, Any], name: str, what: str) -> Any:
    value = params.get(name)
    if value is None or value == "":
        raise _problem(name, tr("ReportBuilders", "Hãy chọn {what} cần xuất báo cáo.", what=what))
    return value


def _int(params: Mapping[str, Any], name: str) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise _problem(
            name,
            tr("ReportBuilders", "«{name}» phải là một số nguyên, ví dụ 2026.", name=name),
        ) from None
    if name == "year":
        check_year(number)
    return number


def _year(params: Mapping[str, Any], issue: Issue) -> int:
    return _int(params, "year") or issue.issued_on.year


def _period(params: Mapping[str, Any], issue: Issue, default: str) -> ReportPeriod:
    """The period asked for; a month or quarter left out is the issue date's."""
    kind = str(params.get("period") or default)
    month, quarter = _int(params, "month"), _int(params, "quarter")
    if kind in ("month", "quarter") and month is None and quarter is None:
        month = issue.issued_on.month
    return report_period(kind, _year(params, issue), month=month, quarter=quarter)


def _registration(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    model_id = str(_required(params, "id", tr("ReportBuilders", "mô hình")))
    return build_model_registration(db, issue, model_id=model_id)


def _minutes(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    meeting_id = str(_required(params, "id", tr("ReportBuilders", "cuộc họp")))
    return build_meeting_minutes(db, issue, meeting_id=meeting_id)


def _periodic(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    period = _period(params, issue, "month")
    texts = {name: params.get(name) for name in REVIEW_TEXTS}
    wishes = proposal_items(params.get("proposals"))
    return build_periodic_report(db, issue, period=period, proposals=wishes, texts=texts)


def period_of(kind: str, params: Mapping[str, Any], issued_on: dt.date) -> ReportPeriod:
    """The period a document of ``kind`` with ``params`` covers, issued on ``issued_on``."""
    default = "year" if report_kind(kind).name == "commune_rollup" else "month"
    return _period(params, Issue(issued_on=issued_on), default)


def _statistics(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    return build_model_statistics(
        db, issue, year=_int(params, "year"), commune_code=_int(params, "commune_code")
    )


def _commendations(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    return build_commendation_list(db, issue, year=_year(params, issue))


def _regulation(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    return build_regulation(db, issue)


def _members(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    return build_member_list(db, issue)


def _rollup(db: Database, issue: Issue, params: dict[str, Any]) -> Document:
    period = _period(params, issue, "year")
    return build_commune_rollup(db, issue, period=period, commune_code=_int(params, "commune_code"))


_PERIOD = ("period", "year", "month", "quarter")
REPORT_KINDS: dict[str, ReportKind] = {
    kind.name: kind
    for kind in (
        ReportKind("model_registration", "Bản đăng ký mô hình", TEXT_FORMATS, ("id",), False,
                   _registration, default_preset="party"),
        ReportKind("meeting_minutes", "Biên bản họp", TEXT_FORMATS, ("id",), False, _minutes,
                   issuable=False),
        ReportKind("periodic_report", "Báo cáo định kỳ của Tổ", ALL_FORMATS,
                   (*_PERIOD, "proposals", *REVIEW_TEXTS), True, _periodic,
                   default_preset="party"),
        ReportKind("model_statistics", "Bảng thống kê mô hình", ALL_FORMATS,
                   ("year", "commune_code"), True, _statistics),
        ReportKind("commendation_list", "Tờ trình đề nghị khen thưởng", ALL_FORMATS, ("year",),
                   True, _commendations, default_preset="party"),
        ReportKind("commune_rollup", "Báo cáo tổng hợp của xã, phường", ALL_FORMATS,
                   (*_PERIOD, "commune_code"), True, _rollup),
        ReportKind("regulation", "Quy chế hoạt động của Tổ", TEXT_FORMATS, (), False,
                   _regulation, default_preset="party"),
        # The roster in the columns the member import reads (issue 18): a list, not issued.
        ReportKind("members", "Danh sách thành viên Tổ", ALL_FORMATS, (), False, _members,
                   issuable=False, default_preset="party"),
    )
}  # fmt: skip


def report_kind(name: str) -> ReportKind:
    """The kind called ``name`` ("-" and "_" alike); ValidationError names the known ones."""
    kind = REPORT_KINDS.get(str(name).replace("-", "_"))
    if kind is None:
        raise _problem(
            "kind",
            tr(
                "ReportBuilders",
                "Không có loại báo cáo «{name}»: hãy chọn một trong {known}.",
                name=name,
                known=", ".join(k.replace("_", "-") for k in REPORT_KINDS),
            ),
        )
    return kind


def issue_from(params: Mapping[str, Any], default_preset: str = "state") -> Issue:
    """The issue details among a call's parameters (preset, default ``default_preset``;
    date, number, letterhead, and ``issued``: True while the document is being issued)."""
    issued_on = params.get("issued_on") or dt.date.today()
    if isinstance(issued_on, str):
        issued_on = dt.date.fromisoformat(issued_on)
    return Issue(
        preset=str(params.get("preset") or default_preset),
        issued_on=issued_on,
        number=_int(params, "number"),
        overrides=dict(params.get("letterhead") or {}),
        issued=bool(params.get("issued")),
    )


def build_report(db: Database, kind: str, **params: Any) -> Document:
    """Build a document of ``kind`` from the store; parameters as the kind lists them."""
    found = report_kind(kind)
    unknown = sorted(set(params) - set(found.params) - set(ISSUE_PARAMS))
    if unknown:
        raise _problem(
            unknown[0],
            tr(
                "ReportBuilders",
                "Loại báo cáo «{kind}» không dùng tham số {names}: hãy bỏ tham số này.",
                kind=found.label(),
                names=", ".join(unknown),
            ),
        )
    return found.build(db, issue_from(params, found.default_preset), dict(params))


__all__ = [
    "REPORT_KINDS",
    "Issue",
    "ReportKind",
    "build_report",
    "issue_from",
    "period_of",
    "report_kind",
]
