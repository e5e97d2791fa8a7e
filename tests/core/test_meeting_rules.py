"""A vote's ceiling (core.meeting_rules): at most the people, or households, present."""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.meeting_rules import (
    VoteCeiling,
    impossible_votes,
    people_present,
    vote_ceiling,
    vote_problems,
)

PRESENT_FOUR = [
    {"name": "An", "present": 1},
    {"name": "Bích", "present": 1},
    {"name": "Cường", "present": 0},
    {"name": "Hoa", "present": 1},
    {"name": "Tùng", "present": 1, "is_guest": 1},
]


def _vote(in_favour: int, against: int, abstain: int | None = 0) -> dict[str, Any]:
    return {
        "subject": "Mở rộng kiệt 12",
        "in_favour": in_favour,
        "against": against,
        "abstain": abstain,
    }


def test_members_and_guests_ticked_present_are_counted() -> None:
    """Four of five are ticked present, a guest among them."""
    assert people_present(PRESENT_FOUR) == 4


def test_a_team_meeting_counts_people_present() -> None:
    """The ceiling of a regular meeting is the people present."""
    assert vote_ceiling({"kind": "regular"}, 4) == VoteCeiling(4, "present")


def test_a_community_meeting_counts_households_represented() -> None:
    """Decree 59 votes are by household: the households represented bound them."""
    meeting = {"kind": "community", "households_total": 120, "households_represented": 86}
    assert vote_ceiling(meeting, 3) == VoteCeiling(86, "households_represented")


def test_a_community_meeting_without_counts_has_no_ceiling() -> None:
    """Nothing written about the households: nothing bounds the vote yet."""
    assert vote_ceiling({"kind": "community"}, 3) is None


def test_votes_up_to_those_present_pass() -> None:
    """3 + 1 + 0 of 4 present is a possible vote."""
    assert vote_problems(_vote(3, 1, None), VoteCeiling(4, "present")) == []


def test_more_votes_than_people_present_are_refused_with_the_counts() -> None:
    """4 + 1 + 0 of 4 present: the message gives the total, its parts and the ceiling."""
    [problem] = vote_problems(_vote(4, 1), VoteCeiling(4, "present"))
    assert problem == (
        "in_favour",
        "Tổng số phiếu là 5 (4 tán thành, 1 không tán thành, 0 không biểu quyết), nhiều hơn "
        "số người có mặt (4): hãy sửa số phiếu, hoặc điểm danh lại nếu còn người có mặt chưa "
        "được đánh dấu.",
    )


def test_a_stored_vote_beyond_the_attendance_is_named_by_its_subject() -> None:
    """A vote of 5 at a meeting now showing 4 present is named, with the tab to fix it."""
    assert impossible_votes({"kind": "regular"}, PRESENT_FOUR, [_vote(3, 1), _vote(5, 0)]) == [
        (
            "vote",
            "Biểu quyết «Mở rộng kiệt 12» có 5 phiếu, nhiều hơn số người có mặt (4): hãy sửa số "
            "phiếu ở thẻ «Kết luận, biểu quyết».",
        )
    ]


def test_the_regulation_meeting_day_is_a_day_of_the_month() -> None:
    """A meeting day of 32 breaks the field's domain in core (1–31), as the form says."""
    from danvan_desktop.core.field_rules import ValueProblem, value_problem
    from danvan_desktop.core.schema import REGULATION

    day = REGULATION.field("meeting_day")
    assert (value_problem(day, 31), value_problem(day, 32)) == (
        None,
        ValueProblem("out_of_range", {"minimum": 1, "maximum": 31}),
    )
