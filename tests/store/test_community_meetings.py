"""Community meetings: the template, the household counts and their checks."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def _finalise(session: Session, meeting_id: str) -> None:
    """Write the chair's conclusion (final minutes need one), then finalise."""
    session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất thực hiện.")
    session.finalise_meeting(meeting_id)


def _community(session: Session) -> str:
    result = session.create_meeting(kind="community", starts_at=dt.datetime(2026, 12, 6, 8, 0))
    return result.record_id or ""


def test_template_has_the_community_agenda_and_no_roster(session: Session) -> None:
    """The community template sets its agenda; attendance is counted in households instead."""
    meeting_id = _community(session)
    agenda = [row["title"] for row in session.meeting_children(meeting_id, "agenda_item")]
    assert agenda == [
        "Thông tin tình hình của thôn, tổ dân phố",
        "Bàn và quyết định các việc của cộng đồng",
        "Biểu quyết theo hộ gia đình",
        "Ý kiến, kiến nghị của người dân",
    ]
    assert session.meeting_children(meeting_id, "attendance") == []
    assert session.get_record("meeting", meeting_id)["title"] == "Họp cộng đồng dân cư"


def test_household_counts_are_kept(session: Session) -> None:
    """Total households and households represented are stored as whole numbers."""
    meeting_id = _community(session)
    session.update_record("meeting", meeting_id, households_total="120", households_represented=86)
    meeting = session.get_record("meeting", meeting_id)
    assert (meeting["households_total"], meeting["households_represented"]) == (120, 86)


def test_more_households_represented_than_the_village_has_is_refused(session: Session) -> None:
    """Represented above the total is refused with a message naming both counts."""
    meeting_id = _community(session)
    with pytest.raises(ValidationError) as info:
        session.update_record(
            "meeting", meeting_id, households_total=120, households_represented=121
        )
    assert info.value.fields == ["households_represented"]
    assert info.value.problems[0].message == (
        "«Số hộ có đại diện dự họp» (121) lớn hơn «Tổng số hộ của thôn, tổ dân phố» (120): "
        "hãy sửa để số hộ dự họp không vượt quá tổng số hộ."
    )
    assert session.get_record("meeting", meeting_id)["households_total"] is None


def test_negative_household_counts_are_refused(session: Session) -> None:
    """Neither count may be negative."""
    meeting_id = _community(session)
    with pytest.raises(ValidationError) as info:
        session.update_record("meeting", meeting_id, households_total=-1, households_represented=-2)
    assert sorted(info.value.fields) == ["households_represented", "households_total"]


def test_all_households_may_attend(session: Session) -> None:
    """Represented equal to the total is fine."""
    meeting_id = _community(session)
    session.update_record("meeting", meeting_id, households_total=95, households_represented=95)
    assert session.get_record("meeting", meeting_id)["households_represented"] == 95


def test_correction_keeps_the_household_counts(session: Session) -> None:
    """A correction of final community minutes starts from the same counts."""
    meeting_id = _community(session)
    session.update_record(
        "meeting",
        meeting_id,
        ends_at="2026-12-06T10:00",
        households_total=120,
        households_represented=86,
    )
    _finalise(session, meeting_id)
    new_id = session.correct_meeting(meeting_id).record_id or ""
    meeting = session.get_record("meeting", new_id)
    assert (meeting["households_total"], meeting["households_represented"]) == (120, 86)


def test_community_minutes_carry_the_villages_number(session: Session) -> None:
    """Final community minutes are listed with the village's number line, «…/BB-TDP»."""
    meeting_id = _community(session)
    session.update_record("meeting", meeting_id, ends_at="2026-12-06T10:00")
    _finalise(session, meeting_id)
    assert session.meeting_sheet(meeting_id)["number_text"] == "Số: 01/BB-TDP"
    [row] = session.meeting_list()
    assert row["number_text"] == "Số: 01/BB-TDP"


def test_handbook_names_what_the_app_asks_for(session: Session) -> None:
    """The handbook's community section uses the field names and the agenda the app uses."""
    from danvan_desktop.core.schema import MEETING
    from danvan_desktop.store.meeting_templates import agenda_for

    document = session.handbook_document("hop-to-dan-van")
    assert document is not None
    section = document["body"].split("## Họp cộng đồng dân cư", 1)[1]
    for name in ("households_total", "households_represented"):
        assert f"“{MEETING.field(name).label}”" in section
    for item in agenda_for("community", "monthly", dt.date(2026, 12, 6)):
        assert item[0].lower() + item[1:].rstrip(".") in section
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in section
