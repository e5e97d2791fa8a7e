"""Residents' petitions: saved with who raised them, dates in order, waiting and overdue,
made from a meeting opinion, counted for reports (real store in a temporary folder)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import outbox

TODAY = dt.date(2026, 3, 1)
LAMP = {
    "title": "Đèn đường kiệt 12 hỏng đã hai tháng",
    "received_on": "2026-01-05",
    "field_code": "infrastructure",
}
HOA = {"full_name": "Lê Thị Hoa", "kind": "person", "phone": "0905 123 456"}


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}


def _count(session: Session, table: str) -> int:
    sql = f"SELECT count(*) FROM [{table}] WHERE deleted = 0"
    return int(session.store.db.execute(sql).fetchone()[0])


def _petition(session: Session, **fields: Any) -> str:
    return str(session.save_petition(**{**LAMP, **fields}).record_id)


def test_petition_is_saved_with_its_petitioners_and_queued(session: Session) -> None:
    """One save writes the petition and its petitioner, and queues both for sync."""
    petition_id = str(session.save_petition(**LAMP, petitioners=[HOA]).record_id)
    sheet = session.petition(petition_id)
    assert sheet["title"] == "Đèn đường kiệt 12 hỏng đã hai tháng"
    assert [(p["full_name"], p["phone"]) for p in sheet["petitioners"]] == [
        ("Lê Thị Hoa", "0905 123 456")
    ]
    queued = {(op.entity, op.record_id) for op in outbox.operations(session.store.db)}
    assert ("petition", petition_id) in queued
    assert ("petitioner", sheet["petitioners"][0]["id"]) in queued


def test_a_bad_petitioner_is_named_by_position_and_nothing_is_written(session: Session) -> None:
    """A petitioner without a name refuses the whole save, naming the row and the field."""
    with pytest.raises(ValidationError) as error:
        session.save_petition(**LAMP, petitioners=[HOA, {"full_name": " "}])
    assert list(_problems(error)) == ["petitioners.1.full_name"]
    assert (_count(session, "petition"), _count(session, "petitioner")) == (0, 0)


def test_petitioners_become_the_list_the_form_shows(session: Session) -> None:
    """Saving again changes the kept person, drops the missing one and adds the new one."""
    first = session.save_petition(**LAMP, petitioners=[HOA, {"full_name": "Trần Văn Bình"}])
    petition_id = str(first.record_id)
    hoa = session.petition(petition_id)["petitioners"][0]
    session.save_petition(
        petition_id,
        petitioners=[
            {"id": hoa["id"], "full_name": "Lê Thị Hoa", "address": "Kiệt 12"},
            {"full_name": "Hồ Văn Nam"},
        ],
    )
    people = session.petition(petition_id)["petitioners"]
    assert [(p["full_name"], p["address"]) for p in people] == [
        ("Lê Thị Hoa", "Kiệt 12"),
        ("Hồ Văn Nam", None),
    ]


def test_passed_on_before_received_is_refused(session: Session) -> None:
    """The day a petition is passed on may not come before the day it was received."""
    with pytest.raises(ValidationError) as error:
        _petition(session, passed_to="UBND phường Phú Xuân", passed_on="2026-01-04")
    assert _problems(error) == {
        "passed_on": "«Ngày chuyển» ở trước «Ngày tiếp nhận»: hãy chọn ngày chuyển từ ngày "
        "tiếp nhận trở về sau."
    }


def test_answer_before_passed_on_is_refused(session: Session) -> None:
    """The answer may not come back before the petition was passed on."""
    with pytest.raises(ValidationError) as error:
        _petition(
            session,
            passed_to="UBND phường Phú Xuân",
            passed_on="2026-01-10",
            answer="Đã thay bóng đèn.",
            answered_on="2026-01-08",
        )
    assert list(_problems(error)) == ["answered_on"]
    assert "«Ngày chuyển»" in _problems(error)["answered_on"]


def test_answer_before_received_is_refused_when_not_passed_on(session: Session) -> None:
    """A petition answered without being passed on is answered no earlier than received."""
    with pytest.raises(ValidationError) as error:
        _petition(session, answer="Tổ đã giải thích cho bà con.", answered_on="2026-01-01")
    assert list(_problems(error)) == ["answered_on"]
    assert "«Ngày tiếp nhận»" in _problems(error)["answered_on"]


def test_passed_on_day_needs_the_body(session: Session) -> None:
    """A day of passing on without the body it went to names the missing field."""
    with pytest.raises(ValidationError) as error:
        _petition(session, passed_on="2026-01-06")
    assert _problems(error) == {
        "passed_to": "«Nơi chuyển đến» còn trống trong khi đã có «Ngày chuyển»: hãy nhập nơi "
        "chuyển đến."
    }


def test_answer_needs_its_day(session: Session) -> None:
    """An answer recorded without the day it came back names the missing day."""
    with pytest.raises(ValidationError) as error:
        _petition(session, answer="Đã sửa đèn.")
    assert list(_problems(error)) == ["answered_on"]


def test_field_must_be_one_of_the_list(session: Session) -> None:
    """A field code that is not in the petition fields is refused."""
    with pytest.raises(ValidationError) as error:
        _petition(session, field_code="roads")
    assert list(_problems(error)) == ["field_code"]


def test_petitioner_phone_keeps_the_phone_rule(session: Session) -> None:
    """A petitioner's phone is held to the same rule as a member's."""
    with pytest.raises(ValidationError) as error:
        session.save_petition(**LAMP, petitioners=[{"full_name": "Lê Thị Hoa", "phone": "12"}])
    assert list(_problems(error)) == ["petitioners.0.phone"]


def test_waiting_petition_is_overdue_after_thirty_days_by_default(session: Session) -> None:
    """Passed on 10/01 with the default 30 days: due 09/02, overdue on 01/03."""
    _petition(session, passed_to="UBND phường Phú Xuân", passed_on="2026-01-10")
    [row] = session.petition_rows(today=TODAY)
    assert (row["due_on"], row["state"]) == ("2026-02-09", "overdue")
    assert [r["state"] for r in session.petition_rows(today=dt.date(2026, 2, 9))] == ["waiting"]


def test_the_regulation_sets_the_answer_period(session: Session) -> None:
    """With 60 days in the regulation, the same petition still waits on 01/03."""
    session.save_regulation(petition_answer_days=60)
    _petition(session, passed_to="UBND phường Phú Xuân", passed_on="2026-01-10")
    assert session.petition_answer_days() == 60
    assert [r["state"] for r in session.petition_rows(today=TODAY)] == ["waiting"]


def test_answer_period_out_of_range_is_refused(session: Session) -> None:
    """The regulation's answer period is 1 to 365 days."""
    with pytest.raises(ValidationError) as error:
        session.save_regulation(petition_answer_days=0)
    assert list(_problems(error)) == ["petition_answer_days"]


def test_answered_petition_leaves_the_waiting_list(session: Session) -> None:
    """«Việc cần làm» lists the waiting petitions, the one due first first, and no answered one."""
    answered = _petition(
        session, answer="Điện lực đã thay bóng.", answered_on="2026-01-20", title="Đèn đã sửa"
    )
    late = _petition(session, title="Mương thoát nước bị tắc")
    early = _petition(session, title="Rác đổ ven sông", received_on="2026-01-02")
    waiting = session.waiting_petitions(today=TODAY)
    assert [r["id"] for r in waiting] == [early, late]
    assert answered not in {r["id"] for r in waiting}
    assert session.petition_count(today=TODAY, state="answered") == 1
    assert session.petition_count(today=TODAY, state="overdue") == 2


def test_overview_shows_overdue_petitions(session: Session) -> None:
    """The overview's figures carry the overdue petitions and how many wait."""
    petition_id = _petition(session)
    _petition(session, title="Xin hỗ trợ sửa nhà", received_on="2026-02-25")
    figures = session.overview_figures(today=TODAY)
    assert [r["id"] for r in figures.overdue_petitions] == [petition_id]
    assert (figures.overdue_petition_count, figures.waiting_petition_count) == (1, 2)


def _meeting_opinion(session: Session, content: str) -> str:
    meeting_id = session.add_meeting(
        kind="regular", title="Họp tổ tháng 01/2026", starts_at="2026-01-25T08:00"
    ).record_id
    return str(
        session.add_record(
            "opinion", meeting_id=meeting_id, speaker="Ông Hồ Văn Nam", content=content
        ).record_id
    )


def test_an_opinion_becomes_a_petition_linked_to_it(session: Session) -> None:
    """One call makes a petition of a meeting opinion: its words, the meeting's day, a link."""
    opinion_id = _meeting_opinion(session, "Đề nghị sửa đoạn đường bê tông bị sụt lún.")
    petition_id = str(session.petition_from_opinion(opinion_id).record_id)
    sheet = session.petition(petition_id)
    assert (sheet["title"], sheet["received_on"], sheet["field_code"]) == (
        "Đề nghị sửa đoạn đường bê tông bị sụt lún.",
        "2026-01-25",
        "other",
    )
    assert (sheet["opinion"]["speaker"], sheet["opinion"]["meeting_title"]) == (
        "Ông Hồ Văn Nam",
        "Họp tổ tháng 01/2026",
    )
    assert session.petitions_of_opinions([opinion_id]) == {opinion_id: petition_id}


def test_a_long_opinion_keeps_its_words_in_the_details(session: Session) -> None:
    """An opinion longer than a title is cut at a word for the title and kept whole below."""
    words = "Đề nghị chính quyền sớm nạo vét mương thoát nước " * 10
    opinion_id = _meeting_opinion(session, words.strip())
    sheet = session.petition(str(session.petition_from_opinion(opinion_id).record_id))
    assert len(sheet["title"]) <= 300 and sheet["title"].endswith("…")
    assert sheet["details"] == words.strip()


def test_the_same_opinion_twice_gives_the_same_petition(session: Session) -> None:
    """A second click on the same opinion makes nothing new."""
    opinion_id = _meeting_opinion(session, "Đề nghị lắp thêm đèn ở ngã ba.")
    first = session.petition_from_opinion(opinion_id)
    second = session.petition_from_opinion(opinion_id)
    assert second.record_id == first.record_id and second.changes == ()
    assert _count(session, "petition") == 1


def test_deleting_a_petition_deletes_its_petitioners(session: Session) -> None:
    """The petitioners go with their petition, as tombstones queued for sync."""
    petition_id = str(session.save_petition(**LAMP, petitioners=[HOA]).record_id)
    result = session.delete_petition(petition_id)
    assert result.entities == {"petition", "petitioner"}
    assert (_count(session, "petition"), _count(session, "petitioner")) == (0, 0)
    kinds = {op.entity: op.kind for op in outbox.operations(session.store.db)}
    assert (kinds["petition"], kinds["petitioner"]) == ("delete", "delete")


def test_report_figures_count_the_petitions_of_the_period(session: Session) -> None:
    """Received, passed on, answered (in time or not), waiting and overdue, by field."""
    _petition(
        session,
        passed_to="UBND phường Phú Xuân",
        passed_on="2026-01-06",
        answer="Đã thay bóng.",
        answered_on="2026-01-20",
    )
    _petition(
        session,
        title="Đường ngập khi mưa",
        field_code="environment",
        passed_to="UBND phường Phú Xuân",
        passed_on="2026-01-06",
        answer="Sẽ nạo vét trong quý II.",
        answered_on="2026-02-28",
    )
    _petition(session, title="Xin hỗ trợ hộ nghèo", field_code="social_policy")
    _petition(session, title="Năm trước", received_on="2025-12-30")
    figures = session.petition_figures(
        start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), today=TODAY
    )
    assert figures == {
        "received": 3,
        "passed_on": 2,
        "answered": 2,
        "answered_in_time": 1,
        "waiting": 1,
        "overdue": 1,
        "by_field": {"environment": 1, "infrastructure": 1, "social_policy": 1},
    }


def test_the_list_pages_newest_first(session: Session) -> None:
    """Two rows, then the rest after the last row's key: newest received first."""
    ids = [_petition(session, received_on=f"2026-01-0{day}") for day in (3, 5, 4)]
    first = session.petition_rows(today=TODAY, limit=2)
    rest = session.petition_rows(today=TODAY, limit=2, after=first[-1]["page_key"])
    assert [r["id"] for r in first + rest] == [ids[1], ids[2], ids[0]]


def test_petitions_are_found_typed_without_accents(session: Session) -> None:
    """Search finds a petition by its words typed without diacritics."""
    petition_id = _petition(session)
    hits = session.search("den duong kiet", entities=("petition",))
    assert [(h.target_entity, h.target_id) for h in hits] == [("petition", petition_id)]
