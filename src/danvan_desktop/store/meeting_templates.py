"""Meetings from templates: title and agenda from the kind and the team's regulation,
attendance pre-filled from the roster."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vocab import MEETING_KINDS
from danvan_desktop.store import team as team_store
from danvan_desktop.store.changes import Changes
from danvan_desktop.store.records import Records


def agenda_for(kind: str, period: str, day: dt.date) -> list[str]:
    """The default agenda of a meeting of ``kind`` (the regulation's period words it)."""
    span = tr("templates", "tháng") if period == "monthly" else tr("templates", "quý")
    if kind == "regular":
        return [
            tr("templates", "Đánh giá kết quả thực hiện nhiệm vụ {span} trước", span=span),
            tr("templates", "Nắm tình hình nhân dân; ý kiến, kiến nghị của người dân"),
            tr("templates", "Tiến độ các mô hình «Dân vận khéo» của tổ"),
            tr("templates", "Phân công nhiệm vụ {span} tới", span=span),
        ]
    if kind == "half_year":
        return [
            tr("templates", "Sơ kết công tác dân vận 6 tháng đầu năm {year}", year=day.year),
            tr("templates", "Tự đánh giá các mô hình «Dân vận khéo»"),
            tr("templates", "Đề xuất điển hình, khen thưởng"),
            tr("templates", "Phương hướng nhiệm vụ 6 tháng cuối năm"),
        ]
    if kind == "year_end":
        return [
            tr("templates", "Tổng kết công tác dân vận năm {year}", year=day.year),
            tr("templates", "Đánh giá, đề nghị công nhận mô hình «Dân vận khéo» tiêu biểu"),
            tr("templates", "Bình xét điển hình, đề nghị khen thưởng"),
            tr("templates", "Phương hướng nhiệm vụ năm {year}", year=day.year + 1),
        ]
    if kind == "community":
        # The households' meeting of the village (Decree 59/2023/NĐ-CP, form 03): the
        # households decide by vote, so the attendance is counted in households.
        return [
            tr("templates", "Thông tin tình hình của thôn, tổ dân phố"),
            tr("templates", "Bàn và quyết định các việc của cộng đồng"),
            tr("templates", "Biểu quyết theo hộ gia đình"),
            tr("templates", "Ý kiến, kiến nghị của người dân"),
        ]
    return [tr("templates", "Nội dung họp đột xuất")]


def title_for(kind: str, period: str, day: dt.date) -> str:
    """The meeting's title as it appears on the minutes."""
    if kind == "regular":
        if period == "quarterly":
            return tr(
                "templates",
                "Họp Tổ dân vận quý {q}/{year}",
                q=(day.month - 1) // 3 + 1,
                year=day.year,
            )
        return tr(
            "templates", "Họp Tổ dân vận tháng {month:02d}/{year}", month=day.month, year=day.year
        )
    if kind == "half_year":
        return tr("templates", "Sơ kết 6 tháng đầu năm {year}", year=day.year)
    if kind == "year_end":
        return tr("templates", "Tổng kết năm {year}", year=day.year)
    return tr("vocab", MEETING_KINDS.get(kind, MEETING_KINDS["adhoc"]))


def create_from_template(
    records: Records, *, kind: str, starts_at: dt.datetime, place: str | None = None
) -> Changes:
    """A draft meeting with title, agenda, chair and attendance filled in; atomic."""
    team_id = team_store.team_id(records)
    reg = team_store.regulation(records)
    period = str(reg.get("meeting_period") or "monthly")
    day = starts_at.date()
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
                    "title": title_for(kind, period, day),
                    "starts_at": starts_at,
                    "place": place,
                    "state": "draft",
                    "version": 1,
                    "chair": leader["full_name"] if leader else None,
                },
            )
        )
        for pos, title in enumerate(agenda_for(kind, period, day), start=1):
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
