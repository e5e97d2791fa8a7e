"""Mediation at the grassroots: a case saved with its parties, its outcome and dates in
order, listed and counted for reports (real store in a temporary folder)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session

PATH_CASE = {
    "title": "Tranh chấp lối đi chung giữa hai hộ ở kiệt 7",
    "dispute_kind": "land",
    "mediated_on": "2026-02-10",
    "participants": "Tổ hòa giải tổ dân phố 5; ông Nguyễn Văn An, tổ trưởng tổ dân vận",
}
PARTIES = [
    {"full_name": "Trần Văn Bình", "side": "first"},
    {"full_name": "Hồ Thị Lan", "side": "second", "address": "Kiệt 7 Phan Đình Phùng"},
]


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}


def _case(session: Session, **fields: Any) -> str:
    return str(session.save_mediation(**{**PATH_CASE, **fields}).record_id)


def test_case_is_saved_with_its_parties(session: Session) -> None:
    """One save writes the case and both parties; the sheet reads them back in order."""
    mediation_id = str(session.save_mediation(**PATH_CASE, parties=PARTIES).record_id)
    sheet = session.mediation(mediation_id)
    assert sheet["dispute_kind"] == "land" and sheet["outcome"] is None
    assert [(p["full_name"], p["side"]) for p in sheet["parties"]] == [
        ("Trần Văn Bình", "first"),
        ("Hồ Thị Lan", "second"),
    ]


def test_outcome_before_the_mediation_is_refused(session: Session) -> None:
    """The outcome's day may not come before the day of the mediation."""
    with pytest.raises(ValidationError) as error:
        _case(session, outcome="settled", outcome_on="2026-02-09")
    assert _problems(error) == {
        "outcome_on": "«Ngày có kết quả» ở trước «Ngày hòa giải»: hãy chọn ngày có kết quả từ "
        "ngày hòa giải trở về sau."
    }


def test_outcome_needs_its_day(session: Session) -> None:
    """An outcome without its day names the missing day."""
    with pytest.raises(ValidationError) as error:
        _case(session, outcome="settled")
    assert list(_problems(error)) == ["outcome_on"]


def test_day_needs_its_outcome(session: Session) -> None:
    """A day of outcome without the outcome names the missing outcome."""
    with pytest.raises(ValidationError) as error:
        _case(session, outcome_on="2026-02-12")
    assert list(_problems(error)) == ["outcome"]


def test_a_case_passed_on_names_the_body(session: Session) -> None:
    """Passed on to the competent body: which body must be written."""
    with pytest.raises(ValidationError) as error:
        _case(session, outcome="passed_on", outcome_on="2026-02-20")
    assert list(_problems(error)) == ["passed_to"]
    assert _case(
        session, outcome="passed_on", outcome_on="2026-02-20", passed_to="UBND phường Phú Xuân"
    )


def test_kind_of_dispute_must_be_one_of_the_list(session: Session) -> None:
    """A kind of dispute that is not in the list is refused."""
    with pytest.raises(ValidationError) as error:
        _case(session, dispute_kind="fight")
    assert list(_problems(error)) == ["dispute_kind"]


def test_a_bad_party_refuses_the_whole_save(session: Session) -> None:
    """A party without a name refuses the case too, naming the row and the field."""
    with pytest.raises(ValidationError) as error:
        session.save_mediation(**PATH_CASE, parties=[{"side": "first"}])
    assert list(_problems(error)) == ["parties.0.full_name"]
    assert session.mediation_count() == 0


def test_list_filters_pending_cases_and_outcomes(session: Session) -> None:
    """The list is newest first; ``pending`` keeps the cases without an outcome."""
    settled = _case(session, outcome="settled", outcome_on="2026-02-11")
    pending = _case(session, title="Mâu thuẫn do tiếng ồn karaoke", mediated_on="2026-02-15")
    assert [r["id"] for r in session.mediation_rows()] == [pending, settled]
    assert [r["id"] for r in session.mediation_rows(outcome="pending")] == [pending]
    assert [r["id"] for r in session.mediation_rows(outcome="settled")] == [settled]


def test_deleting_a_case_deletes_its_parties(session: Session) -> None:
    """The parties go with their case."""
    mediation_id = str(session.save_mediation(**PATH_CASE, parties=PARTIES).record_id)
    assert session.delete_mediation(mediation_id).entities == {"mediation", "mediation_party"}
    live = session.store.db.execute("SELECT count(*) FROM mediation_party WHERE deleted = 0")
    assert live.fetchone()[0] == 0


def test_report_figures_count_cases_by_outcome_and_kind(session: Session) -> None:
    """Cases of the period by outcome (pending included) and by kind of dispute."""
    _case(session, outcome="settled", outcome_on="2026-02-11")
    _case(session, dispute_kind="family", outcome="not_settled", outcome_on="2026-02-12")
    _case(session, dispute_kind="neighbours")
    _case(session, mediated_on="2025-12-01")
    figures = session.mediation_figures(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    assert figures == {
        "cases": 3,
        "settled": 1,
        "not_settled": 1,
        "passed_on": 0,
        "pending": 1,
        "by_kind": {"family": 1, "land": 1, "neighbours": 1},
    }
