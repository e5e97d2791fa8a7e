"""What a meeting's counts may be: households, and the votes cast on each question.

A vote counts people: in favour, against and abstaining together are at most the
people present: at a team meeting the members counted «có mặt» on the whole roster
(core/meeting_roster.py: the chair and secretary count without a row), and the guests
ticked present. A village
community meeting (kind ``community``, Luật 10/2022/QH15) counts households instead:
at most the households represented, or, while those are not written yet, the
village's households. The store refuses a vote whose counts are changed beyond
that; finalising refuses minutes that still hold one (attendance may have changed
after the vote was written, or the vote came from an earlier release); the minutes
never print such counts; the meeting form checks as the counts are typed, with
the same messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.meeting_roster import members_at, present_of, roster_on
from danvan_desktop.core.schema import EntitySpec

COMMUNITY = "community"
VOTE_COUNTS = ("in_favour", "against", "abstain")
# Counts that cannot be negative, by entity.
NON_NEGATIVE = {
    "vote": VOTE_COUNTS,
    "meeting": ("households_total", "households_represented"),
}
HOUSEHOLD_FIELDS = NON_NEGATIVE["meeting"]
PRESENT = "present"  # the basis of a ceiling counted from the attendance


@dataclass(frozen=True)
class VoteCeiling:
    """The most votes one question of a meeting can have, and what they count.

    ``basis``: ``present`` (people present), ``households_represented`` or
    ``households_total``.
    """

    limit: int
    basis: str


def _meeting_day(meeting: Mapping[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(meeting.get("starts_at") or "")[:10])
    except ValueError:
        return None


def members_present(
    meeting: Mapping[str, Any] | None,
    attendance: Iterable[Mapping[str, Any]],
    members: Iterable[Mapping[str, Any]] | None = None,
) -> int:
    """The members present: at a team meeting whose roster is given, counted as «có mặt»
    is (core/meeting_roster.py: the chair and secretary without a row count); otherwise
    the member rows ticked present."""
    rows = [r for r in attendance if not r.get("deleted")]
    day = _meeting_day(meeting) if meeting is not None else None
    if meeting is None or members is None or day is None or meeting.get("kind") == COMMUNITY:
        return sum(1 for r in rows if r.get("present") and not r.get("is_guest"))
    return present_of(members_at(meeting, rows, roster_on(members, day)))[0]


def people_present(
    attendance: Iterable[Mapping[str, Any]],
    meeting: Mapping[str, Any] | None = None,
    members: Iterable[Mapping[str, Any]] | None = None,
) -> int:
    """How many people are present (members and guests): the members as
    ``members_present`` counts them, and the guests ticked present."""
    rows = [r for r in attendance if not r.get("deleted")]
    guests = sum(1 for r in rows if r.get("present") and r.get("is_guest"))
    return members_present(meeting, rows, members) + guests


def vote_ceiling(meeting: Mapping[str, Any], present: int) -> VoteCeiling | None:
    """The ceiling of a vote at ``meeting`` (None: nothing is known to bound it)."""
    if meeting.get("kind") != COMMUNITY:
        return VoteCeiling(present, PRESENT)
    for name in ("households_represented", "households_total"):
        value = meeting.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return VoteCeiling(value, name)
    return None


def votes_cast(vote: Mapping[str, Any]) -> int | None:
    """In favour + against + abstaining (None when a count is missing or not a count)."""
    total = 0
    for name in VOTE_COUNTS:
        value = vote.get(name)
        if value is None and name == "abstain":
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return None
        total += value
    return total


def vote_fits(vote: Mapping[str, Any], ceiling: VoteCeiling | None) -> bool:
    """False only when the vote's counts are known to exceed the ceiling."""
    cast = votes_cast(vote)
    return ceiling is None or cast is None or cast <= ceiling.limit


def _bound_words(ceiling: VoteCeiling) -> str:
    if ceiling.basis == "households_represented":
        return tr("validation", "số hộ có đại diện dự họp ({limit})", limit=ceiling.limit)
    if ceiling.basis == "households_total":
        return tr("validation", "tổng số hộ của thôn, tổ dân phố ({limit})", limit=ceiling.limit)
    return tr("validation", "số người có mặt ({limit})", limit=ceiling.limit)


def vote_problems(vote: Mapping[str, Any], ceiling: VoteCeiling | None) -> list[FieldProblem]:
    """The vote's counts beyond the ceiling, as typed (shown beside the counts)."""
    if vote_fits(vote, ceiling):
        return []
    assert ceiling is not None
    return [
        FieldProblem(
            "in_favour",
            tr(
                "validation",
                "Tổng số phiếu là {cast} ({in_favour} tán thành, {against} không tán thành, "
                "{abstain} không biểu quyết), nhiều hơn {bound}: hãy sửa số phiếu, hoặc điểm "
                "danh lại nếu còn người có mặt chưa được đánh dấu.",
                cast=votes_cast(vote),
                in_favour=vote["in_favour"],
                against=vote["against"],
                abstain=vote.get("abstain") or 0,
                bound=_bound_words(ceiling),
            ),
        )
    ]


def impossible_votes(
    meeting: Mapping[str, Any],
    attendance: Iterable[Mapping[str, Any]],
    votes: Iterable[Mapping[str, Any]],
    members: Iterable[Mapping[str, Any]] | None = None,
) -> list[FieldProblem]:
    """Each stored vote of the meeting whose counts exceed its ceiling, named by subject
    (those present counted with the team's ``members``, when given, as «có mặt» is)."""
    ceiling = vote_ceiling(meeting, people_present(attendance, meeting, members))
    return [
        FieldProblem(
            "vote",
            tr(
                "validation",
                "Biểu quyết «{subject}» có {cast} phiếu, nhiều hơn {bound}: hãy sửa số phiếu ở "
                "thẻ «Kết luận, biểu quyết».",
                subject=vote.get("subject") or "",
                cast=votes_cast(vote),
                bound=_bound_words(ceiling),
            ),
        )
        for vote in votes
        if ceiling is not None and not vote_fits(vote, ceiling)
    ]


def count_problems(entity: EntitySpec, record: Mapping[str, Any]) -> list[FieldProblem]:
    """Negative counts, and more households represented at a meeting than the village has
    (the meeting form checks this as the counts are typed, with the same messages)."""
    problems = []
    for name in NON_NEGATIVE.get(entity.name, ()):
        if (record.get(name) or 0) < 0:
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "validation",
                        "«{label}» không được là số âm: hãy nhập 0 hoặc lớn hơn.",
                        label=tr("fields", entity.field(name).label),
                    ),
                )
            )
    if entity.name != "meeting" or problems:
        return problems
    total, represented = record.get("households_total"), record.get("households_represented")
    if total is None or represented is None or represented <= total:
        return []
    return [
        FieldProblem(
            "households_represented",
            tr(
                "validation",
                "«{represented_label}» ({represented}) lớn hơn «{total_label}» ({total}): hãy "
                "sửa để số hộ dự họp không vượt quá tổng số hộ.",
                represented_label=tr("fields", entity.field("households_represented").label),
                represented=represented,
                total_label=tr("fields", entity.field("households_total").label),
                total=total,
            ),
        )
    ]


# -- a community meeting's majority (Luật Thực hiện dân chủ ở cơ sở, 10/2022/QH15) ------
DEMOCRACY_LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"


def more_than_half(part: int, whole: int) -> bool:
    """True when ``part`` is more than half of ``whole`` (60 of 120 is not)."""
    return 2 * part > whole


def households_short(meeting: Mapping[str, Any]) -> bool:
    """True when a community meeting's households represented are known and not more than
    half of the village's households: its decisions are not the village's (the law asks
    for more than half)."""
    total, represented = meeting.get("households_total"), meeting.get("households_represented")
    if meeting.get("kind") != COMMUNITY or not isinstance(total, int) or total <= 0:
        return False
    return isinstance(represented, int) and not more_than_half(represented, total)


def vote_short(meeting: Mapping[str, Any], vote: Mapping[str, Any]) -> bool:
    """True when a community vote's households in favour are not more than half of the
    village's households (the law's bar for a decision of the community)."""
    total, in_favour = meeting.get("households_total"), vote.get("in_favour")
    if meeting.get("kind") != COMMUNITY or not isinstance(total, int) or total <= 0:
        return False
    return isinstance(in_favour, int) and not more_than_half(in_favour, total)


def households_warning(meeting: Mapping[str, Any]) -> str:
    """The warning beside the households represented when they are not more than half of
    the village's households; "" otherwise."""
    if not households_short(meeting):
        return ""
    return tr(
        "validation",
        "Mới có {represented}/{total} hộ có đại diện dự họp, chưa quá một nửa số hộ của thôn, "
        "tổ dân phố: theo {law}, cộng đồng chưa quyết định được việc gì tại cuộc họp này.",
        represented=meeting["households_represented"],
        total=meeting["households_total"],
        law=DEMOCRACY_LAW,
    )
