"""Reads for the meetings, tasks and team pages, through the Session's GUI section."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.session import Session


def _finalise(session: Session, meeting_id: str) -> None:
    """Write the chair's conclusion (final minutes need one), then finalise."""
    session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất thực hiện.")
    session.finalise_meeting(meeting_id)


def _meeting(session: Session, day: str, title: str = "Họp tổ") -> str:
    result = session.add_meeting(
        kind="regular", title=title, starts_at=f"{day} 08:00", ends_at=f"{day} 10:00"
    )
    assert result.record_id is not None
    return result.record_id


def test_meeting_list_is_newest_first(session: Session) -> None:
    """Meetings come newest first, whatever order they were typed in."""
    _meeting(session, "25/09/2026", "Họp tháng 9")
    _meeting(session, "25/11/2026", "Họp tháng 11")
    _meeting(session, "25/10/2026", "Họp tháng 10")
    assert [r["title"] for r in session.meeting_list()] == [
        "Họp tháng 11",
        "Họp tháng 10",
        "Họp tháng 9",
    ]


def test_final_minutes_carry_their_number_line(session: Session) -> None:
    """A finalised meeting shows «Số: 01/BB-TDV»; a draft shows no number."""
    first = _meeting(session, "25/10/2026")
    _meeting(session, "25/11/2026")
    _finalise(session, first)
    rows = {r["id"]: r for r in session.meeting_list()}
    assert rows[first]["number_text"] == "Số: 01/BB-TDV"
    assert [r["number_text"] for r in rows.values() if r["id"] != first] == [""]


def test_team_abbreviation_wins_in_the_number_line(session: Session) -> None:
    """A team that set its abbreviation sees it in the number."""
    session.update_record("team", session.team_id, abbreviation="TDV5")
    meeting_id = _meeting(session, "25/10/2026")
    _finalise(session, meeting_id)
    assert session.meeting_list()[0]["number_text"] == "Số: 01/BB-TDV5"


def test_correction_is_listed_and_marks_the_old_version(session: Session) -> None:
    """After a correction both versions are listed; the old one names the new version."""
    old = _meeting(session, "25/10/2026")
    _finalise(session, old)
    new = session.correct_meeting(old).record_id
    rows = {r["id"]: r for r in session.meeting_list()}
    assert (rows[old]["corrected_by_version"], rows[new]["corrected_by_version"]) == (2, None)
    assert rows[new]["version"] == 2 and rows[new]["state"] == "draft"


def test_meeting_search_finds_words_of_an_opinion(session: Session) -> None:
    """Typing words of an opinion, without diacritics, finds its meeting."""
    lamp = _meeting(session, "25/10/2026", "Họp tháng 10")
    _meeting(session, "25/11/2026", "Họp tháng 11")
    session.add_record(
        "opinion", meeting_id=lamp, speaker="Bà Lan", content="Đèn đường gần trường bị hỏng"
    )
    assert [r["id"] for r in session.meeting_list(search="den duong")] == [lamp]
    assert session.meeting_list(search="khong co dau") == []


def test_meeting_list_reads_on_a_reader(session: Session) -> None:
    """The list works on a read-only connection, as the read lane uses it."""
    _meeting(session, "25/10/2026", "Họp tháng 10")
    reader = session.open_reader()
    try:
        assert [r["title"] for r in session.meeting_list(db=reader)] == ["Họp tháng 10"]
        assert session.team_members(db=reader)[0]["full_name"] == "Nguyễn Văn An"
    finally:
        reader.close()


def test_sheet_holds_children_roster_and_drafts(session: Session) -> None:
    """The sheet has the template's agenda and attendance, the roster and the drafts."""
    result = session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 8, 0))
    meeting_id = result.record_id or ""
    session.save_draft("meeting", meeting_id, {"content": "Khai mạc lúc 8 giờ"})
    sheet = session.meeting_sheet(meeting_id)
    assert sheet["meeting"]["title"] == "Họp Tổ dân vận tháng 11/2026"
    assert [a["name"] for a in sheet["attendance"]] == ["Nguyễn Văn An"]
    assert len(sheet["agenda_item"]) == 4 and sheet["opinion"] == []
    assert [m["full_name"] for m in sheet["members"]] == ["Nguyễn Văn An"]
    [draft] = sheet["drafts"]
    assert (draft["entity"], draft["fields"]) == ("meeting", {"content": "Khai mạc lúc 8 giờ"})
    assert draft["saved_at"][:4] == str(dt.date.today().year)
    assert sheet["corrected_by"] is None and sheet["number_text"] == ""


def test_sheet_names_the_correction(session: Session) -> None:
    """The sheet of corrected minutes points at the version that replaced them."""
    old = _meeting(session, "25/10/2026")
    _finalise(session, old)
    new = session.correct_meeting(old).record_id
    assert session.meeting_sheet(old)["corrected_by"] == {"id": new, "version": 2}


def test_roster_orders_leader_deputies_members(session: Session) -> None:
    """The leader first, then deputies, then members, each in the order they were added."""
    session.save_member(full_name="Lê Văn Cường", role="member")
    session.save_member(full_name="Trần Thị Bích", role="deputy", position="Trưởng thôn")
    session.save_member(full_name="Hồ Văn Dũng", role="member")
    assert [(m["full_name"], m["role"]) for m in session.team_members()] == [
        ("Nguyễn Văn An", "leader"),
        ("Trần Thị Bích", "deputy"),
        ("Lê Văn Cường", "member"),
        ("Hồ Văn Dũng", "member"),
    ]
    assert [m["position_order"] for m in session.team_members()] == [1, 3, 2, 4]


def test_save_member_changes_an_existing_member(session: Session) -> None:
    """Saving with an id changes that member only."""
    member_id = session.save_member(full_name="Lê Văn Cường", role="member").record_id
    session.save_member(member_id, phone="0905 111 222")
    assert session.get_record("member", member_id or "")["phone"] == "0905 111 222"


def test_reopen_task_clears_the_done_date(session: Session) -> None:
    """A task ticked by mistake goes back to open with no done date."""
    task_id = session.add_task(title="Sửa đèn", deadline="10/11/2026").record_id or ""
    session.mark_task_done(task_id, on=dt.date(2026, 11, 1))
    session.reopen_task(task_id)
    task = session.get_record("task", task_id)
    assert (task["status"], task["done_on"]) == ("open", None)


def test_task_list_reads_on_a_reader(session: Session) -> None:
    """The task list answers on a reader, with the overdue flag."""
    session.add_task(title="Sửa đèn", deadline="10/11/2026")
    reader = session.open_reader()
    try:
        rows = session.task_list(today=dt.date(2026, 11, 28), db=reader)
    finally:
        reader.close()
    assert [(r["title"], r["overdue"]) for r in rows] == [("Sửa đèn", True)]


def test_unit_kind_is_the_team_place_kind(session: Session) -> None:
    """The test team lives in a residential group (tổ dân phố)."""
    assert session.unit_kind() == "to_dan_pho"


def test_number_line_without_a_document_place_uses_the_team_name(session: Session) -> None:
    """With no place set for documents yet, the abbreviation still comes from the team's name."""
    session.update_record("regulation", session.regulation()["id"], document_place=None)
    meeting_id = _meeting(session, "25/10/2026")
    _finalise(session, meeting_id)
    assert session.meeting_list()[0]["number_text"] == "Số: 01/BB-TDV"
