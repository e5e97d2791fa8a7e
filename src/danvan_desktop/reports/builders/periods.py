"""Reporting periods (month, quarter, half-year, year) and the meeting schedule inside them.

A periodic report covers one period; the regulation's meeting period (monthly or
quarterly) cuts it into the slices in which one regular meeting is due. A slice
counts as expected once its due day (``core.schedule``) has passed on the report
date, so a report written on the 10th does not call this month's meeting missed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schedule import next_meeting_due, period_of
from danvan_desktop.core.vndate import month_text

PERIOD_KINDS = ("month", "quarter", "half_year", "year")
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class ReportPeriod:
    """The span a report covers, first and last day included."""

    kind: str
    year: int
    start: dt.date
    end: dt.date

    def label(self) -> str:
        """The period as a document names it: "tháng 5 năm 2026", "quý II năm 2026"."""
        if self.kind == "month":
            return f"tháng {month_text(self.start.month)} năm {self.year}"
        if self.kind == "quarter":
            return f"quý {_ROMAN[(self.start.month - 1) // 3]} năm {self.year}"
        if self.kind == "half_year":
            half = "đầu" if self.start.month == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        return f"năm {self.year}"

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` falls inside the period."""
        return self.start <= day <= self.end

    @property
    def after_end(self) -> str:
        """The ISO day after the period, for ``starts_at < ?`` on date-time text."""
        return (self.end + dt.timedelta(days=1)).isoformat()


def _problem(field: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])


FIRST_YEAR, LAST_YEAR = 2000, 2100


def check_year(year: int) -> None:
    """ValidationError (on ``year``) naming the range when ``year`` is outside 2000–2100."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _problem(
            "year",
            tr(
                "ReportBuilders",
                "Năm {year} nằm ngoài khoảng báo cáo được: hãy nhập năm từ {first} đến {last}.",
                year=year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            ),
        )


def report_period(
    kind: str, year: int, *, month: int | None = None, quarter: int | None = None
) -> ReportPeriod:
    """The period of ``kind`` in ``year``; ``month`` picks the month (or its quarter, or its
    half), ``quarter`` the quarter. ValidationError names the missing or wrong part."""
    if kind not in PERIOD_KINDS:
        raise _problem(
            "period",
            tr(
                "ReportBuilders",
                "Không có kỳ báo cáo «{kind}»: hãy chọn tháng, quý, 6 tháng hoặc năm.",
                kind=kind,
            ),
        )
    check_year(year)
    if month is not None and not 1 <= month <= 12:
        raise _problem(
            "month",
            tr("ReportBuilders", "Không có tháng {month}: hãy chọn từ 1 đến 12.", month=month),
        )
    if quarter is not None and not 1 <= quarter <= 4:
        raise _problem(
            "quarter",
            tr("ReportBuilders", "Không có quý {quarter}: hãy chọn từ 1 đến 4.", quarter=quarter),
        )
    if kind == "year":
        return ReportPeriod(kind, year, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if kind == "half_year":
        first = 7 if (month or 1) > 6 else 1
        return ReportPeriod(kind, year, dt.date(year, first, 1), _month_end(year, first + 5))
    if kind == "quarter":
        if quarter is None and month is None:
            raise _problem("quarter", tr("ReportBuilders", "Hãy chọn quý cần báo cáo."))
        first = (quarter - 1) * 3 + 1 if quarter is not None else ((month or 1) - 1) // 3 * 3 + 1
        return ReportPeriod(kind, year, dt.date(year, first, 1), _month_end(year, first + 2))
    if month is None:
        raise _problem("month", tr("ReportBuilders", "Hãy chọn tháng cần báo cáo."))
    return ReportPeriod(kind, year, dt.date(year, month, 1), _month_end(year, month))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class MeetingSlice:
    """One span in which the regulation asks for a regular meeting."""

    start: dt.date
    end: dt.date
    due_on: dt.date


def meeting_slices(
    period: ReportPeriod, meeting_period: str, meeting_day: int | None
) -> list[MeetingSlice]:
    """The regular-meeting spans (months or quarters) that lie inside ``period``."""
    slices: list[MeetingSlice] = []
    day = period.start
    while day <= period.end:
        start, end = period_of(day, meeting_period)
        if start >= period.start and end <= period.end:
            due = next_meeting_due(
                period=meeting_period, meeting_day=meeting_day, held=[], today=start
            )
            slices.append(MeetingSlice(start, end, due.due_on))
        day = end + dt.timedelta(days=1)
    return slices


def slice_label(piece: MeetingSlice, meeting_period: str) -> str:
    """A slice as a document names it: "tháng 3/2026" or "quý I/2026"."""
    if meeting_period == "quarterly":
        return f"quý {_ROMAN[(piece.start.month - 1) // 3]}/{piece.start.year}"
    return f"tháng {piece.start.month:02d}/{piece.start.year}"
