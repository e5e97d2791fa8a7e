"""Who issues, signs and receives a document: from the regulation, the team and overrides."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.builders.letterhead import (
    abbreviation_of,
    collective_of,
    resolve_letterhead,
)
from danvan_desktop.session import Session


@pytest.mark.parametrize(
    ("issuer", "collective", "abbreviation"),
    [
        ("Tổ dân vận tổ dân phố 5", "Tổ dân vận", "TDV"),
        ("Tổ dân vận thôn An Lỗ", "Tổ dân vận", "TDV"),
        ("Chi bộ Tổ dân phố 5", "Chi bộ", "CB"),
        ("Ủy ban nhân dân phường Kim Long", "Ủy ban nhân dân", "UBND"),
        ("Đảng ủy xã Phong Điền", "Đảng ủy", "ĐU"),
        ("Tổ dân vận 3", "Tổ dân vận", "TDV"),
    ],
)
def test_collective_and_abbreviation_of_an_issuer(
    issuer: str, collective: str, abbreviation: str
) -> None:
    """The issuer's kind, before the place's name, gives the collective and its initials."""
    assert (collective_of(issuer), abbreviation_of(issuer)) == (collective, abbreviation)


def test_state_letterhead_from_the_regulation(session: Session) -> None:
    """The team issues under its ward (not its Party cell), dated from the ward; the leader
    signs."""
    head = resolve_letterhead(session.store.db, preset="state")
    assert (head.issuing_body, head.managing_body, head.place, head.abbreviation) == (
        "Tổ dân vận tổ dân phố 5",
        "Phường Phú Xuân",
        "Phú Xuân",
        "TDV",
    )
    assert (head.signer_role, head.signer_name, head.collective) == (
        "Tổ trưởng",
        "Nguyễn Văn An",
        "Tổ dân vận",
    )


def test_edited_regulation_and_team_abbreviation_are_used(session: Session) -> None:
    """A changed regulation and the team's own abbreviation show on the next document."""
    regulation = session.regulation()
    session.update_record(
        "regulation",
        regulation["id"],
        issuing_body="Tổ dân vận Tổ dân phố 5",
        document_place="Phú Xuân",
        report_recipients=["Ban Dân vận Đảng ủy phường (b/c)"],
    )
    session.update_record("team", session.team_id, abbreviation="TDVTDP5")
    document = build_report(
        session.store.db, "periodic_report", period="year", year=2026, preset="state"
    )
    assert (document.issuing_body, document.place, document.unit_abbreviation) == (
        "Tổ dân vận Tổ dân phố 5",
        "Phú Xuân",
        "TDVTDP5",
    )
    assert document.recipients is not None
    assert document.recipients.items == ["Ban Dân vận Đảng ủy phường (b/c)"]


def test_overrides_win_over_the_store(session: Session) -> None:
    """A reviewer's office named per document: issuer, abbreviation, signer, recipients."""
    document = session.build_report(
        "model_statistics",
        letterhead={
            "issuing_body": "Ban Dân vận Đảng ủy phường Phú Xuân",
            "managing_body": "Đảng ủy phường Phú Xuân",
            "abbreviation": "BDV",
            "signer_name": "Lê Quang Vinh",
            "signer_role": "Trưởng ban",
            "recipients": ["Ban Tuyên giáo và Dân vận Thành ủy (b/c)"],
        },
    )
    assert (document.issuing_body, document.unit_abbreviation) == (
        "Ban Dân vận Đảng ủy phường Phú Xuân",
        "BDV",
    )
    assert document.signature_right is not None
    assert (document.signature_right.prefix, document.signature_right.role) == (
        "TM. BAN DÂN VẬN ĐẢNG ỦY",
        "TRƯỞNG BAN",
    )


def test_laptop_setting_names_the_reviewers_office(session: Session) -> None:
    """The «report_letterhead» setting applies to every document until overridden."""
    session.change_setting("report_letterhead", {"issuing_body": "Ủy ban nhân dân phường"})
    document = session.build_report("model_statistics")
    assert (document.issuing_body, document.unit_abbreviation) == (
        "Ủy ban nhân dân phường",
        "UBND",
    )


def test_missing_place_names_the_field_and_the_fix(session: Session) -> None:
    """Without a place for the date line (none typed, no commune known) the error names the
    regulation's field."""
    session.update_record("regulation", session.regulation()["id"], document_place=None)
    session.store.db.execute("UPDATE unit SET commune_name = NULL")
    with pytest.raises(ValidationError) as caught:
        build_report(session.store.db, "model_statistics")
    assert caught.value.fields == ["document_place"]
    assert caught.value.message == (
        "Chưa có «Địa danh ghi trên văn bản» để ghi lên văn bản: hãy nhập trong Quy chế hoạt "
        "động của tổ (hoặc trong hộp thoại xuất báo cáo) rồi thử lại."
    )


def test_unknown_preset_is_refused(session: Session) -> None:
    """Only the state and Party presets exist."""
    with pytest.raises(ValidationError) as caught:
        build_report(session.store.db, "model_statistics", preset="church")
    assert caught.value.fields == ["preset"]
