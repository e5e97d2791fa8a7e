"""The place, the managing body and the recipients as a commune office expects them."""

from __future__ import annotations

import json

import pytest

from danvan_desktop.core.place_names import document_place
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.session import Session


@pytest.mark.parametrize(
    ("commune", "place"),
    [
        ("Phường Phú Xuân", "Phú Xuân"),
        ("Xã A Lưới 2", "A Lưới 2"),
        ("Đặc khu Côn Đảo", "Côn Đảo"),
        ("Phường 1", "Phường 1"),
        ("Phường 2 Bảo Lộc", "Phường 2 Bảo Lộc"),
        ("Phường Trần Hưng Đạo", "Phường Trần Hưng Đạo"),
        ("Phường Điện Biên Phủ", "Phường Điện Biên Phủ"),
    ],
)
def test_place_is_the_commune_as_decree_30_writes_it(commune: str, place: str) -> None:
    """The kind word goes; a unit named by a number, a person or an event keeps it."""
    assert document_place(commune) == place


def test_the_old_default_city_gives_way_to_the_commune(session: Session) -> None:
    """«Huế», filled in by earlier releases, is not the team's place: its ward is."""
    session.update_record("regulation", session.regulation()["id"], document_place="Huế")
    assert resolve_letterhead(session.store.db, preset="state").place == "Phú Xuân"


def test_a_place_the_team_typed_wins(session: Session) -> None:
    """A place typed in the regulation is written as typed."""
    session.update_record("regulation", session.regulation()["id"], document_place="Kim Long")
    assert resolve_letterhead(session.store.db, preset="state").place == "Kim Long"


def test_place_line_of_a_new_document(session: Session) -> None:
    """The date line of a team's report starts with the ward's name, not the city's."""
    document = build_report(session.store.db, "model_statistics", issued_on="2026-01-05")
    assert (document.place, document.date.isoformat()) == ("Phú Xuân", "2026-01-05")


def test_state_preset_keeps_the_party_cell_out_of_the_header(session: Session) -> None:
    """Under the national name and motto the team's managing body is its ward."""
    head = resolve_letterhead(session.store.db, preset="state")
    assert (head.managing_body, head.issuing_body) == ("Phường Phú Xuân", "Tổ dân vận tổ dân phố 5")


def test_a_managing_body_that_is_not_the_party_stays(session: Session) -> None:
    """A managing body the team typed that is not a Party organisation is kept."""
    session.update_record(
        "regulation", session.regulation()["id"], managing_body="Ban công tác Mặt trận"
    )
    head = resolve_letterhead(session.store.db, preset="state")
    assert head.managing_body == "Ban công tác Mặt trận"


def test_party_preset_issues_in_the_cells_real_name(session: Session) -> None:
    """The Party cell, named as a sentence writes it, under the ward's Party organisation."""
    head = resolve_letterhead(session.store.db, preset="party")
    assert (head.issuing_body, head.managing_body) == (
        "Chi bộ tổ dân phố 5",
        "Đảng bộ phường Phú Xuân",
    )


def test_recipients_name_the_real_cell_and_the_ward_in_lower_case(session: Session) -> None:
    """The placeholder of earlier releases becomes the cell; «phường» is lower case."""
    session.update_record(
        "regulation",
        session.regulation()["id"],
        report_recipients=[
            "Đảng ủy Phường Phú Xuân",
            "Ủy ban Mặt trận Tổ quốc Việt Nam Phường Phú Xuân",
            "Chi bộ thôn, tổ dân phố",
        ],
    )
    head = resolve_letterhead(session.store.db, preset="state")
    assert head.recipients == (
        "Đảng ủy phường Phú Xuân",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Xuân",
        "Chi bộ tổ dân phố 5",
    )


def test_new_team_gets_recipients_written_right(session: Session) -> None:
    """A team set up now stores its cell's name and the ward in running-text case, and its
    ward as the place."""
    assert session.regulation()["document_place"] == "Phú Xuân"
    assert json.loads(session.regulation()["report_recipients"]) == [
        "Đảng ủy phường Phú Xuân",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Xuân",
        "Chi bộ tổ dân phố 5",
    ]


def test_the_party_cell_does_not_send_its_paper_to_itself(session: Session) -> None:
    """In the Party cell's name, the cell is not among the recipients (it keeps a copy)."""
    head = resolve_letterhead(session.store.db, preset="party")
    assert head.recipients == (
        "Đảng ủy phường Phú Xuân",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Xuân",
    )
