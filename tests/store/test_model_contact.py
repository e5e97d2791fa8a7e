"""A model's consent to give a contact to the network, as the store saves it (real store)."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.model_contact import consented_contact
from danvan_desktop.session import Session

LAN = {
    "contact_consent": True,
    "contact_name": "Nguyễn Thị Lan",
    "contact_role": "Tổ trưởng",
    "contact_phone": "0905 123 456",
}


def _model(session: Session, **fields: object) -> str:
    result = session.add_model(name="Phân loại rác tại nguồn", field_code="new_rural", **fields)
    assert result.record_id is not None
    return result.record_id


def _refused(session: Session, **fields: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        _model(session, **fields)
    return {p.field: p.message for p in refused.value.problems}


def test_a_consent_is_saved_with_its_contact(session: Session) -> None:
    """The consent and the three parts of the contact are kept on the model."""
    model = session.get_record("model", _model(session, **LAN))
    assert [model[k] for k in LAN] == [1, "Nguyễn Thị Lan", "Tổ trưởng", "0905 123 456"]


def test_a_consent_without_a_name_is_refused_beside_the_name(session: Session) -> None:
    """Agreeing with no name: the problem is on «Người liên hệ», nothing written."""
    before = len(session.list_records("model"))
    problems = _refused(session, **{**LAN, "contact_name": "  "})
    assert problems == {
        "contact_name": "Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi người liên hệ: hãy nhập họ "
        "tên, hoặc bỏ chọn «Đồng ý chia sẻ thông tin liên hệ với mạng lưới»."
    }
    assert len(session.list_records("model")) == before


def test_a_consent_without_a_phone_is_refused_beside_the_phone(session: Session) -> None:
    """Agreeing with no phone number: the problem is on the phone."""
    assert list(_refused(session, **{**LAN, "contact_phone": None})) == ["contact_phone"]


def test_a_contact_phone_that_is_no_number_is_refused(session: Session) -> None:
    """«090 5» is refused beside the phone, like a member's phone."""
    problems = _refused(session, **{**LAN, "contact_phone": "090 5"})
    assert list(problems) == ["contact_phone"]
    assert "0905 123 456" in problems["contact_phone"]


def test_no_consent_needs_no_contact(session: Session) -> None:
    """A model without consent saves with no contact at all."""
    model = session.get_record("model", _model(session, contact_consent=False))
    assert (model["contact_consent"], model["contact_name"]) == (0, None)


def test_the_card_contact_is_name_role_and_phone() -> None:
    """A consent gives «name (role), phone»."""
    assert consented_contact(LAN) == "Nguyễn Thị Lan (Tổ trưởng), 0905 123 456"


def test_without_consent_the_card_has_no_contact() -> None:
    """The same contact without consent gives none."""
    assert consented_contact({**LAN, "contact_consent": 0}) is None


def test_the_team_contact_of_a_model_is_read_offline(session: Session) -> None:
    """``team_contact`` reads the consented contact from the store, None without one."""
    agreed, refused = _model(session, **LAN), _model(session)
    assert session.team_contact(agreed) == "Nguyễn Thị Lan (Tổ trưởng), 0905 123 456"
    assert session.team_contact(refused) is None
