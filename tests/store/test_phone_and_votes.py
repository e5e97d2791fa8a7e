"""Refused at save, on the laptop: a phone number that is none, and more votes than people
present. Records of earlier releases that break these rules still pull, show and correct."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_page

PULLED = "0190f000-0000-7000-8000-0000000000aa"
NOT_A_PHONE = (
    "«Số điện thoại» «abc xyz» không phải số điện thoại: hãy nhập từ 8 đến 15 chữ số (có thể "
    "cách nhau bằng dấu cách, dấu chấm, gạch ngang hoặc ngoặc đơn, có thể có dấu + ở đầu), ví "
    "dụ 0905 123 456 hoặc +84 905 123 456."
)


def _members(session: Session) -> int:
    return int(session.store.db.execute("SELECT count(*) FROM member").fetchone()[0])


def _refused(call: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        call()
    return [(p.field, p.message) for p in info.value.problems]


def _pull_member_with(session: Session, phone: str) -> None:
    change = {
        "entity": "member",
        "record_id": PULLED,
        "unit_id": session.store.home_unit_id,
        "server_version": 7,
        "deleted": False,
        "fields": {
            "team_id": session.team_id,
            "full_name": "Hồ Văn Tâm",
            "role": "member",
            "phone": phone,
        },
    }
    apply_page(session.records, [change], next_seq=7)


def test_a_phone_that_is_no_number_is_refused_beside_it(session: Session) -> None:
    """«abc xyz» as a phone: refused, naming the field and the form, and no member written."""
    before = _members(session)
    assert _refused(lambda: session.add_member(full_name="Trần Thị Bích", phone="abc xyz")) == [
        ("phone", NOT_A_PHONE)
    ]
    assert _members(session) == before


def test_a_phone_as_leaders_write_it_is_saved_as_typed(session: Session) -> None:
    """«0905 123 456» is kept with its spaces."""
    member_id = session.add_member(full_name="Trần Thị Bích", phone="0905 123 456").record_id
    assert session.get_record("member", member_id or "")["phone"] == "0905 123 456"


def test_a_pulled_bad_phone_is_kept_and_shown(session: Session) -> None:
    """A member pushed by an earlier release with «chưa có» as phone pulls in unchanged."""
    _pull_member_with(session, "chưa có")
    assert session.get_record("member", PULLED)["phone"] == "chưa có"


def test_a_member_with_an_old_bad_phone_can_be_edited_otherwise(session: Session) -> None:
    """Changing only the name of that member saves: the old phone is not held against it."""
    _pull_member_with(session, "chưa có")
    session.update_record("member", PULLED, full_name="Hồ Văn Tâm (bố)")
    assert session.get_record("member", PULLED)["full_name"] == "Hồ Văn Tâm (bố)"


def test_an_old_bad_phone_can_be_corrected_but_not_changed_to_another(session: Session) -> None:
    """The pulled phone takes a real number; another non-number is refused."""
    _pull_member_with(session, "chưa có")
    assert _refused(lambda: session.update_record("member", PULLED, phone="abc xyz")) == [
        ("phone", NOT_A_PHONE)
    ]
    session.update_record("member", PULLED, phone="0234 3822 123")
    assert session.get_record("member", PULLED)["phone"] == "0234 3822 123"


def _meeting_of_three(session: Session) -> str:
    """A team meeting whose attendance lists three members, all present."""
    session.add_member(full_name="Trần Thị Bích", role="deputy")
    session.add_member(full_name="Lê Văn Cường")
    made = session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 19, 30))
    return made.record_id or ""


def _vote(session: Session, meeting_id: str, *counts: int) -> Any:
    in_favour, against, abstain = counts
    return session.add_record(
        "vote",
        meeting_id=meeting_id,
        subject="Mở rộng kiệt 12",
        in_favour=in_favour,
        against=against,
        abstain=abstain,
    )


def _votes(session: Session, meeting_id: str) -> list[tuple[int, int, int]]:
    return [
        (v["in_favour"], v["against"], v["abstain"])
        for v in session.meeting_children(meeting_id, "vote")
    ]


def test_more_votes_than_people_present_are_refused(session: Session) -> None:
    """3 + 1 + 0 votes with three present: refused with the counts, nothing written."""
    meeting_id = _meeting_of_three(session)
    assert _refused(lambda: _vote(session, meeting_id, 3, 1, 0)) == [
        (
            "in_favour",
            "Tổng số phiếu là 4 (3 tán thành, 1 không tán thành, 0 không biểu quyết), nhiều "
            "hơn số người có mặt (3): hãy sửa số phiếu, hoặc điểm danh lại nếu còn người có "
            "mặt chưa được đánh dấu.",
        )
    ]
    assert _votes(session, meeting_id) == []


def test_votes_up_to_the_people_present_are_saved(session: Session) -> None:
    """2 + 1 + 0 with three present is a vote."""
    meeting_id = _meeting_of_three(session)
    _vote(session, meeting_id, 2, 1, 0)
    assert _votes(session, meeting_id) == [(2, 1, 0)]


def test_a_guest_present_counts(session: Session) -> None:
    """A guest ticked present makes four who may vote."""
    meeting_id = _meeting_of_three(session)
    session.add_record(
        "attendance", meeting_id=meeting_id, name="Phan Văn Tùng", present=True, is_guest=True
    )
    _vote(session, meeting_id, 4, 0, 0)
    assert _votes(session, meeting_id) == [(4, 0, 0)]


def test_counts_changed_beyond_those_present_are_refused(session: Session) -> None:
    """A vote corrected to 3 against on top of 3 in favour is refused; it keeps its counts."""
    meeting_id = _meeting_of_three(session)
    vote_id = _vote(session, meeting_id, 3, 0, 0).record_id
    assert [f for f, _ in _refused(lambda: session.update_record("vote", vote_id, against=3))] == [
        "in_favour"
    ]
    assert _votes(session, meeting_id) == [(3, 0, 0)]


def test_finalising_refuses_a_vote_the_attendance_no_longer_allows(session: Session) -> None:
    """Three voted in favour, then one was ticked absent: the minutes stay a draft."""
    meeting_id = _meeting_of_three(session)
    _vote(session, meeting_id, 3, 0, 0)
    session.update_record("meeting", meeting_id, ends_at="2026-11-25T21:00")
    session.add_record("conclusion", meeting_id=meeting_id, content="Mở rộng kiệt 12.")
    absent = session.meeting_children(meeting_id, "attendance")[2]["id"]
    session.update_record("attendance", absent, present=False)
    assert _refused(lambda: session.finalise_meeting(meeting_id)) == [
        (
            "vote",
            "Biểu quyết «Mở rộng kiệt 12» có 3 phiếu, nhiều hơn số người có mặt (2): hãy sửa số "
            "phiếu ở thẻ «Kết luận, biểu quyết».",
        )
    ]
    assert session.get_record("meeting", meeting_id)["state"] == "draft"


def test_community_votes_count_households_represented(session: Session) -> None:
    """86 households represented: 80 + 5 + 3 is refused, 78 + 5 + 3 saved."""
    meeting_id = (
        session.add_meeting(
            kind="community",
            title="Họp cộng đồng dân cư",
            starts_at="06/12/2026 08:00",
            households_total=120,
            households_represented=86,
        ).record_id
        or ""
    )
    assert [f for f, _ in _refused(lambda: _vote(session, meeting_id, 80, 5, 3))] == ["in_favour"]
    _vote(session, meeting_id, 78, 5, 3)
    assert _votes(session, meeting_id) == [(78, 5, 3)]
