"""Exemplars with evidence, proposals scored on the commune's checklist, decisions, years."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import commendation


def _exemplar(session: Session, name: str, *, kind: str = "individual", year: int = 2023) -> str:
    result = session.save_exemplar(kind=kind, name=name, year=year, achievement="Vận động hiến đất")
    assert result.record_id is not None
    return result.record_id


def _proposal(session: Session, exemplar_id: str, ticked: list[str]) -> str:
    result = session.propose_commendation(exemplar_id, form="Giấy khen", level="xã", ticked=ticked)
    assert result.record_id is not None
    return result.record_id


def _decide(session: Session, commendation_id: str) -> None:
    session.decide_commendation(
        commendation_id,
        decision_number="125-QĐ/ĐU",
        decision_date=dt.date(2024, 1, 20),
        decided_by="Đảng ủy phường Phú Xuân",
    )


def test_default_checklist_is_worth_a_hundred_points(session: Session) -> None:
    """Until the commune's list is typed in, seven criteria make 100 points."""
    checklist = session.commendation_criteria()
    assert len(checklist) == 7
    assert sum(c.points for c in checklist) == 100


def test_commune_checklist_replaces_the_default(session: Session) -> None:
    """The commune's items are kept with their points; codes are made for new ones."""
    saved = session.change_commendation_criteria(
        [
            {"text": "Hoàn thành xuất sắc nhiệm vụ", "points": "40"},
            {"text": "", "points": 10},
            {"text": "Có sáng kiến được áp dụng", "points": 12.5},
        ]
    )
    assert [(c.code, c.text, c.points) for c in saved] == [
        ("hoan_thanh_xuat_sac_nhiem_vu", "Hoàn thành xuất sắc nhiệm vụ", 40.0),
        ("co_sang_kien_duoc_ap_dung", "Có sáng kiến được áp dụng", 12.5),
    ]
    assert session.commendation_criteria() == saved


def test_negative_points_are_refused(session: Session) -> None:
    """A negative or unreadable score names the row to fix; the list is unchanged."""
    with pytest.raises(ValidationError) as raised:
        session.change_commendation_criteria(
            [{"text": "A", "points": 5}, {"text": "B", "points": -2}]
        )
    assert "thứ 2" in raised.value.message
    assert len(session.commendation_criteria()) == 7


@pytest.mark.parametrize("points", ["1e999", "nan", float("inf")])
def test_points_that_are_not_a_finite_number_are_refused(session: Session, points: object) -> None:
    """Infinity or NaN, typed or given, names the row to fix; the list is unchanged."""
    with pytest.raises(ValidationError) as raised:
        session.change_commendation_criteria(
            [{"text": "A", "points": 5}, {"text": "B", "points": points}]
        )
    assert raised.value.fields == ["points"]
    assert raised.value.message == (
        "Điểm của tiêu chí thứ 2 phải là một số cụ thể, không phải vô cực hay NaN: hãy sửa "
        "lại ô điểm, ví dụ 12,5."
    )
    assert len(session.commendation_criteria()) == 7


def test_criterion_text_with_a_nul_is_refused(session: Session) -> None:
    """A criterion whose text holds a NUL (pasted from elsewhere) is named; nothing is saved."""
    with pytest.raises(ValidationError) as raised:
        session.change_commendation_criteria([{"text": "Dự họp\x00 đầy đủ", "points": 5}])
    assert raised.value.fields == ["text"]
    assert "Tiêu chí thứ 1" in raised.value.message
    assert len(session.commendation_criteria()) == 7


def test_proposal_scores_the_ticked_criteria(session: Session) -> None:
    """Score is the sum of the ticked items; the items are kept as they were."""
    exemplar_id = _exemplar(session, "Trần Thị Bích")
    record = session.get_record(
        "commendation", _proposal(session, exemplar_id, ["mo_hinh", "du_hop"])
    )
    assert (record["state"], record["score"], record["year"]) == ("proposed", 40.0, 2023)
    assert [c["code"] for c in json.loads(record["criteria"])] == ["mo_hinh", "du_hop"]


def test_old_proposal_keeps_its_score_when_the_checklist_changes(session: Session) -> None:
    """Changing the checklist later does not rewrite a proposal made on the old one."""
    exemplar_id = _exemplar(session, "Trần Thị Bích")
    commendation_id = _proposal(session, exemplar_id, ["mo_hinh"])
    session.change_commendation_criteria([{"text": "Tiêu chí mới", "points": 5}])
    assert session.get_record("commendation", commendation_id)["score"] == 30.0


def test_decision_needs_number_date_and_body(session: Session) -> None:
    """All three missing fields are named at once, and the proposal stays proposed."""
    commendation_id = _proposal(session, _exemplar(session, "Trần Thị Bích"), [])
    with pytest.raises(ValidationError) as raised:
        session.decide_commendation(
            commendation_id, decision_number=" ", decision_date=None, decided_by=None
        )
    assert raised.value.fields == ["decision_number", "decision_date", "decided_by"]
    assert session.get_record("commendation", commendation_id)["state"] == "proposed"


def test_decision_refuses_an_emptied_form_and_level(session: Session) -> None:
    """A decision grants a form at a level: emptied ones are named, nothing is saved."""
    commendation_id = _proposal(session, _exemplar(session, "Trần Thị Bích"), [])
    with pytest.raises(ValidationError) as raised:
        session.decide_commendation(
            commendation_id,
            decision_number="125-QĐ/ĐU",
            decision_date=dt.date(2024, 1, 20),
            decided_by="Đảng ủy phường Phú Xuân",
            form=" ",
            level="",
        )
    assert raised.value.fields == ["form", "level"]
    record = session.get_record("commendation", commendation_id)
    assert (record["state"], record["form"], record["level"]) == ("proposed", "Giấy khen", "xã")


def test_decision_without_a_form_keeps_the_proposals(session: Session) -> None:
    """No form or level given: the decision keeps those of the proposal."""
    commendation_id = _proposal(session, _exemplar(session, "Trần Thị Bích"), [])
    _decide(session, commendation_id)
    record = session.get_record("commendation", commendation_id)
    assert (record["state"], record["form"], record["level"]) == ("decided", "Giấy khen", "xã")


def test_decision_moves_the_state_and_locks_the_score(session: Session) -> None:
    """A decided commendation keeps its decision; it cannot be re-scored."""
    exemplar_id = _exemplar(session, "Trần Thị Bích")
    commendation_id = _proposal(session, exemplar_id, ["mo_hinh"])
    _decide(session, commendation_id)
    record = session.get_record("commendation", commendation_id)
    assert (record["state"], record["decision_date"]) == ("decided", "2024-01-20")
    with pytest.raises(ValidationError) as raised:
        session.propose_commendation(
            exemplar_id, form="Giấy khen", level="xã", ticked=[], commendation_id=commendation_id
        )
    assert raised.value.fields == ["state"]


def test_year_summary_counts_people_and_collectives(session: Session) -> None:
    """«3 cá nhân, 1 tập thể được khen thưởng năm 2023; 1 đề nghị đang chờ»."""
    for name in ("Trần Thị Bích", "Lê Văn Cường", "Đặng Văn Ánh"):
        _decide(session, _proposal(session, _exemplar(session, name), []))
    group = _exemplar(session, "Chi hội Phụ nữ", kind="collective")
    _decide(session, _proposal(session, group, []))
    _proposal(session, _exemplar(session, "Hồ Thị Em"), [])
    _exemplar(session, "Người năm khác", year=2024)
    summary = session.commendation_summary(2023)
    assert summary == commendation.YearSummary(2023, 5, 3, 1, 1)


def test_year_rows_in_vietnamese_order_with_their_commendation(session: Session) -> None:
    """Đặng comes after Dương and before Lê; each row carries its latest proposal."""
    for name in ("Lê Văn Cường", "Đặng Văn Ánh", "Dương Thị Hoa"):
        _exemplar(session, name)
    target = _exemplar(session, "Trần Thị Bích")
    _proposal(session, target, ["hoa_giai"])
    rows = session.exemplar_rows(2023)
    assert [r["name"] for r in rows] == [
        "Dương Thị Hoa",
        "Đặng Văn Ánh",
        "Lê Văn Cường",
        "Trần Thị Bích",
    ]
    assert (rows[-1]["state"], rows[-1]["score"], rows[0]["state"]) == ("proposed", 15.0, None)


def test_evidence_must_exist(session: Session) -> None:
    """A deleted model cannot be cited; an existing model and meeting can."""
    model = session.add_model(name="Đường hoa", field_code="new_rural", year=2023).record_id
    gone = session.add_model(name="Mô hình đã xóa", field_code="new_rural", year=2023).record_id
    assert model and gone
    session.delete_record("model", gone)
    meeting = session.add_meeting(title="Họp tháng 3", kind="regular", starts_at="2023-03-05T19:30")
    exemplar_id = _exemplar(session, "Trần Thị Bích")
    with pytest.raises(ValidationError) as raised:
        session.save_exemplar(exemplar_id, linked_model_ids=[model, gone])
    assert raised.value.fields == ["linked_model_ids"]
    session.save_exemplar(
        exemplar_id, linked_model_ids=[model], linked_meeting_ids=[meeting.record_id]
    )
    row = session.exemplar_rows(2023)[0]
    assert (row["linked_model_ids"], row["linked_meeting_ids"]) == ([model], [meeting.record_id])


def test_years_include_this_year(session: Session) -> None:
    """The year list has the years with records, and the current one, newest first."""
    _exemplar(session, "Trần Thị Bích", year=2023)
    assert session.commendation_years(today=dt.date(2026, 5, 1)) == [2026, 2023]
