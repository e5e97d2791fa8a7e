"""Meetings from templates: title and agenda from the kind and the team's regulation,
attendance pre-filled from the roster.

A half-year or year-end review takes the year it reviews, not the year it is held in:
a «Tổng kết năm» held in January 2027 is titled for 2026 and plans 2027. Its covered
period (``covers_from``, ``covers_to``) is the one given, or the default for its day by
the regulation's cut-off days (``core.schedule.review_period``).
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schedule import REVIEW_KINDS, Cutoffs, covered_year, review_period
from danvan_desktop.core.vocab import MEETING_KINDS
from danvan_desktop.store import team as team_store
from danvan_desktop.store.changes import Changes
from danvan_desktop.store.records import Records

# Quarters are written in Roman numerals, as the reports' titles write them («quý IV»).
QUARTER_NUMERALS = ("I", "II", "III", "IV")


def agenda_for(kind: str, period: str, day: dt.date, year: int | None = None) -> list[str]:
    """The default agenda of a meeting of ``kind`` (the regulation's period words it);
    ``year``: the year a review reviews (default: ``day``'s)."""
    year = year if year is not None else day.year
    span = tr("templates", "tháng") if period == "monthly" else tr("templates", "quý")
    if kind == "regular":
        return [
            tr("templates", "Đánh giá kết quả thực hiện nhiệm vụ {span} trước", span=span),
            tr("templates", "Nắm tình hình nhân dân; ý kiến, kiến nghị của người dân"),
            tr("templates", "Tiến độ các mô hình “Dân vận khéo” của tổ"),
            tr("templates", "Phân công nhiệm vụ {span} tới", span=span),
        ]
    if kind == "half_year":
        return [
            tr("templates", "Sơ kết công tác dân vận 6 tháng đầu năm {year}", year=year),
            tr("templates", "Tự đánh giá các mô hình “Dân vận khéo”"),
            tr("templates", "Đề xuất điển hình, khen thưởng"),
            tr("templates", "Phương hướng nhiệm vụ 6 tháng cuối năm"),
        ]
    if kind == "year_end":
        return [
            tr("templates", "Tổng kết công tác dân vận năm {year}", year=year),
            tr("templates", "Đánh giá, đề nghị công nhận mô hình “Dân vận khéo” tiêu biểu"),
            tr("templates", "Bình xét điển hình, đề nghị khen thưởng"),
            tr("templates", "Phương hướng nhiệm vụ năm {year}", year=year + 1),
        ]
    if kind == "community":
        # The households' meeting of the village (Luật 10/2022/QH15): the
        # households decide by vote, so the attendance is counted in households.
        return [
            tr("templates", "Thông tin tình hình của thôn, tổ dân phố"),
            tr("templates", "Bàn và quyết định các việc của cộng đồng"),
            tr("templates", "Biểu quyết theo hộ gia đình"),
            tr("templates", "Ý kiến, kiến nghị của người dân"),
        ]
    return [tr("templates", "Nội dung họp đột xuất")]


def title_for(kind: str, period: str, day: dt.date, year: int | None = None) -> str:
    """The meeting's title as it appears on the minutes; ``year``: the year a review
    reviews (default: ``day``'s)."""
    year = year if year is not None else day.year
    if kind == "regular":
        if period == "quarterly":
            return tr(
                "templates",
                "Họp Tổ dân vận quý {q}/{year}",
                q=QUARTER_NUMERALS[(day.month - 1) // 3],
                year=day.year,
            )
        return tr(
            "templates", "Họp Tổ dân vận tháng {month:02d}/{year}", month=day.month, year=day.year
        )
    if kind == "half_year":
        return tr("templates", "Sơ kết 6 tháng đầu năm {year}", year=year)
    if kind == "year_end":
        return tr("templates", "Tổng kết năm {year}", year=year)
    return tr("vocab", MEETING_KINDS.get(kind, MEETING_KINDS["adhoc"]))


def create_from_template(
    records: Records,
    *,
    kind: str,
    starts_at: dt.datetime,
    place: str | None = None,
    covers_from: dt.date | None = None,
    covers_to: dt.date | None = None,
) -> Changes:
    """A draft meeting with title, agenda, chair and attendance filled in; atomic. A review
    covers ``covers_from``–``covers_to`` (each defaulted by the regulation's cut-offs)."""
    team_id = team_store.team_id(records)
    reg = team_store.regulation(records)
    period = str(reg.get("meeting_period") or "monthly")
    day = starts_at.date()
    covers: dict[str, dt.date | None] = {"covers_from": None, "covers_to": None}
    year = None
    if kind in REVIEW_KINDS:
        default_from, default_to = review_period(kind, day, Cutoffs.of(reg))
        first, last = covers_from or default_from, covers_to or default_to
        covers = {"covers_from": first, "covers_to": last}
        if first <= last:  # else refused when the meeting is saved below
            year = covered_year(first, last)
    members = list(
        records.rows("member", "team_id = ?", [team_id], order_by="position_order, full_name_sort")
    )
    leader = next((m for m in members if m["role"] == "leader"), None)
    changes = Changes()
    with records.db.atomic():
        meeting = changes.add(
            records.save(
                "meeting",
                {
                    "team_id": team_id,
                    "kind": kind,
                    "title": title_for(kind, period, day, year),
                    "starts_at": starts_at,
                    "place": place,
                    "state": "draft",
                    "version": 1,
                    "chair": leader["full_name"] if leader else None,
                    **covers,
                },
            )
        )
        for pos, title in enumerate(agenda_for(kind, period, day, year), start=1):
            changes.add(
                records.save(
                    "agenda_item",
                    {
                        "meeting_id": meeting.record_id,
                        "position_order": pos,
                        "title": title,
                    },
                )
            )
        # A community meeting counts households (header fields), not the team's roster.
        for member in members if kind != "community" else []:
            changes.add(
                records.save(
                    "attendance",
                    {
                        "meeting_id": meeting.record_id,
                        "member_id": member["id"],
                        "name": member["full_name"],
                        "present": True,
                        "organisation": member.get("organisation") or member.get("position"),
                    },
                )
            )
    return changes
