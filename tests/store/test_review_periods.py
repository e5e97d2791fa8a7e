"""Reviews record the period they cover: saved, read back, versioned, and reminded by it."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def _review(session: Session, day: dt.datetime, **covers: dt.date) -> dict[str, object]:
    made = session.create_meeting(kind="year_end", starts_at=day, **covers)
    return dict(session.get_record("meeting", made.record_id or ""))


def _agenda(session: Session, meeting_id: object) -> list[str]:
    rows = session.list_records("agenda_item", where="meeting_id = ?", params=[meeting_id])
    return [str(r["title"]) for r in sorted(rows, key=lambda r: r["position_order"])]


def test_a_january_year_end_review_is_saved_with_last_years_period(session: Session) -> None:
    """Held on 10/01/2027: it covers 16/12/2025–15/12/2026 and is read back so."""
    meeting = _review(session, dt.datetime(2027, 1, 10, 19, 30))
    assert (meeting["covers_from"], meeting["covers_to"]) == ("2025-12-16", "2026-12-15")


def test_a_january_year_end_review_is_titled_for_last_year(session: Session) -> None:
    """Held on 10/01/2027: «Tổng kết năm 2026», reviewing 2026 and planning 2027."""
    meeting = _review(session, dt.datetime(2027, 1, 10, 19, 30))
    assert meeting["title"] == "Tổng kết năm 2026"
    agenda = _agenda(session, meeting["id"])
    assert (agenda[0], agenda[-1]) == (
        "Tổng kết công tác dân vận năm 2026",
        "Phương hướng nhiệm vụ năm 2027",
    )


def test_the_period_given_is_the_one_kept(session: Session) -> None:
    """A period chosen in the dialog is stored as chosen and names the year."""
    meeting = _review(
        session,
        dt.datetime(2027, 1, 10, 19, 30),
        covers_from=dt.date(2026, 1, 1),
        covers_to=dt.date(2026, 12, 31),
    )
    assert (meeting["covers_from"], meeting["covers_to"]) == ("2026-01-01", "2026-12-31")


def test_the_default_period_follows_the_regulation(session: Session) -> None:
    """With the half-year cut-off set to 14/6, a half-year review covers up to 14/06/2026."""
    session.save_regulation(half_year_cutoff="06-14", year_cutoff="12-14")
    made = session.create_meeting(kind="half_year", starts_at=dt.datetime(2026, 6, 25, 19, 30))
    meeting = session.get_record("meeting", made.record_id or "")
    assert (meeting["covers_from"], meeting["covers_to"]) == ("2025-12-15", "2026-06-14")


def test_a_regular_meeting_covers_no_period(session: Session) -> None:
    """Only reviews record a covered period."""
    made = session.create_meeting(kind="regular", starts_at=dt.datetime(2026, 11, 25, 19, 30))
    meeting = session.get_record("meeting", made.record_id or "")
    assert (meeting["covers_from"], meeting["covers_to"]) == (None, None)


def test_a_period_ending_before_it_starts_is_not_saved(session: Session) -> None:
    """The end before the start is refused on «covers_to» and no meeting is made."""
    with pytest.raises(ValidationError) as error:
        _review(
            session,
            dt.datetime(2027, 1, 10, 19, 30),
            covers_from=dt.date(2026, 12, 31),
            covers_to=dt.date(2026, 1, 1),
        )
    assert [p.field for p in error.value.problems] == ["covers_to"]
    assert session.list_records("meeting") == []


def test_a_correction_keeps_the_period(session: Session) -> None:
    """A new version of final minutes covers the same period as the old one."""
    meeting = _review(session, dt.datetime(2027, 1, 10, 19, 30))
    meeting_id = str(meeting["id"])
    session.update_record("meeting", meeting_id, ends_at="10/01/2027 21:30")
    session.add_record("conclusion", meeting_id=meeting_id, content="Thống nhất.", position_order=1)
    session.finalise_meeting(meeting_id, today=dt.date(2027, 1, 11))
    new_id = session.correct_meeting(meeting_id).record_id or ""
    new = session.get_record("meeting", new_id)
    assert (new["covers_from"], new["covers_to"]) == ("2025-12-16", "2026-12-15")


def test_the_cut_offs_are_saved_in_the_regulation(session: Session) -> None:
    """The regulation keeps its cut-off days as "MM-DD"."""
    session.save_regulation(half_year_cutoff="06-30", year_cutoff="12-31")
    regulation = session.regulation()
    assert (regulation["half_year_cutoff"], regulation["year_cutoff"]) == ("06-30", "12-31")


def test_a_cut_off_that_is_no_day_is_not_saved(session: Session) -> None:
    """ "06-31" is refused beside the half-year cut-off; the regulation keeps none."""
    with pytest.raises(ValidationError) as error:
        session.save_regulation(half_year_cutoff="06-31")
    assert [p.field for p in error.value.problems] == ["half_year_cutoff"]
    assert session.regulation()["half_year_cutoff"] is None


def _year_end_due(session: Session, today: dt.date) -> list[tuple[int | None, dt.date]]:
    due = session.meetings_due(today=today)
    return [(d.year, d.due_on) for d in due if d.what == "year_end"]


def test_a_january_review_does_not_count_for_the_new_year(session: Session) -> None:
    """A «Tổng kết năm 2026» held in January 2027: in December 2027, 2027's is still due."""
    _review(session, dt.datetime(2027, 1, 10, 19, 30))
    assert _year_end_due(session, dt.date(2027, 12, 10)) == [(2027, dt.date(2027, 12, 31))]


def test_a_january_review_settles_last_year(session: Session) -> None:
    """The same review takes 2026's reminder away in January 2027."""
    assert _year_end_due(session, dt.date(2027, 1, 20)) == [(2026, dt.date(2026, 12, 31))]
    _review(session, dt.datetime(2027, 1, 10, 19, 30))
    assert _year_end_due(session, dt.date(2027, 1, 20)) == []


def test_a_review_without_a_period_counts_by_its_day(session: Session) -> None:
    """A review saved without a period (an earlier release) covers its default one."""
    session.add_meeting(kind="year_end", title="Tổng kết năm 2026", starts_at="08/01/2027 19:30")
    assert _year_end_due(session, dt.date(2027, 1, 20)) == []
    assert _year_end_due(session, dt.date(2027, 12, 10)) == [(2027, dt.date(2027, 12, 31))]
