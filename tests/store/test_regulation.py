"""The team's regulation: text from the city's model, settings saved and checked."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import regulation


def _members(session: Session) -> None:
    session.add_member(full_name="Trần Thị Bích", role="deputy", position="Tổ trưởng tổ dân phố")
    session.add_member(full_name="Lê Văn Cường", organisation="Chi hội Cựu chiến binh")
    session.add_member(full_name="Phạm Văn Dũng", position="Công an khu vực", term_end="2025-12-31")


def test_model_text_is_filled_for_the_team(session: Session) -> None:
    """Team, commune, party cell, meeting period and recipients replace the placeholders."""
    text = session.regulation_model_text(today=dt.date(2026, 3, 1))
    assert "của Tổ dân vận tổ dân phố 5, phường Phú Xuân." in text
    assert "chịu sự lãnh đạo trực tiếp của Chi bộ tổ dân phố 5." in text
    assert "Tổ họp định kỳ mỗi tháng một lần, vào ngày 25 hằng tháng." in text
    assert "Tổ báo cáo kết quả hoạt động định kỳ 6 tháng và cả năm." in text
    assert "- Đảng ủy phường Phú Xuân;" in text
    assert "- Chi bộ tổ dân phố 5." in text
    assert regulation.PLACEHOLDER.search(text) is None


def test_model_text_lists_serving_members_leader_first(session: Session) -> None:
    """Members whose term ended are left out; the leader, then deputies, then members."""
    _members(session)
    text = session.regulation_model_text(today=dt.date(2026, 3, 1))
    assert "Tổ có 3 thành viên:" in text
    lines = [line for line in text.splitlines() if line.startswith("- ") and ": Tổ" in line]
    assert lines == [
        "- Nguyễn Văn An, Bí thư chi bộ: Tổ trưởng.",
        "- Trần Thị Bích, Tổ trưởng tổ dân phố: Tổ phó.",
        "- Lê Văn Cường, Chi hội Cựu chiến binh: Tổ viên.",
    ]


def test_unsaved_settings_shape_the_text(session: Session) -> None:
    """The form's settings, not yet saved, are what the text says."""
    text = session.regulation_model_text(
        meeting_period="quarterly",
        meeting_day=5,
        reporting_periods=["quarter", "year"],
        adopted_on="2026-01-05",
    )
    assert "Tổ họp định kỳ mỗi quý một lần, vào ngày 05 của tháng cuối quý." in text
    assert "định kỳ hằng quý và cả năm." in text
    assert "thông qua ngày 05/01/2026" in text
    assert session.regulation_settings()["meeting_period"] == "monthly"


def test_unknown_placeholder_is_left_as_written() -> None:
    """A model text from a newer release keeps the placeholders this one does not know."""
    assert regulation.fill("{ten_to} – {moi}", {"ten_to": "Tổ 5"}) == "Tổ 5 – {moi}"


def test_saved_settings_and_text_are_tracked(session: Session) -> None:
    """Saving writes the JSON lists and the text, with an outbox operation."""
    result = session.save_regulation(
        meeting_period="quarterly",
        reporting_periods=["half_year", "year"],
        report_recipients=["Đảng ủy phường Phú Xuân", "  ", "Chi bộ Tổ dân phố 5"],
        text="## Chương I\n\nNội dung riêng của tổ.",
    )
    assert result.entities == {"regulation"}
    saved = session.regulation_settings()
    assert saved["report_recipients"] == ["Đảng ủy phường Phú Xuân", "Chi bộ Tổ dân phố 5"]
    assert saved["text"] == "## Chương I\n\nNội dung riêng của tổ."
    op = next(op for op in session.pending_operations() if op.entity == "regulation")
    assert json.loads(op.fields["reporting_periods"]) == ["half_year", "year"]


def test_saved_period_drives_the_meeting_reminder(session: Session) -> None:
    """After choosing quarterly meetings on day 10, the next meeting is due in the quarter."""
    session.save_regulation(meeting_period="quarterly", meeting_day=10)
    due = session.meetings_due(today=dt.date(2026, 2, 3))[0]
    assert (due.what, due.due_on) == ("regular", dt.date(2026, 3, 10))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"meeting_day": 0}, "meeting_day"),
        ({"meeting_day": 32}, "meeting_day"),
        ({"reporting_periods": ["week"]}, "reporting_periods"),
        ({"meeting_period": "weekly"}, "meeting_period"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(
    session: Session, fields: dict[str, object], field: str
) -> None:
    """A wrong day, period or reporting period is refused, and nothing is written."""
    before = session.regulation_settings()
    with pytest.raises(ValidationError) as raised:
        session.save_regulation(**fields)
    assert raised.value.fields == [field]
    assert session.regulation_settings() == before


def test_team_text_wins_over_the_model(session: Session) -> None:
    """Once the team has written its text, that text is the regulation."""
    assert "Điều 1. Phạm vi áp dụng" in regulation.regulation_text(session.store.db)
    session.save_regulation(text="Quy chế riêng.")
    assert regulation.regulation_text(session.store.db) == "Quy chế riêng."
