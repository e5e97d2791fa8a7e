"""A petition is found by its petitioner's name, typed with or without diacritics, on the
laptops that hold petitioners (the team's and its commune's); nowhere else is a name."""

from __future__ import annotations

from typing import Any

from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_page

PETITION = "0190f000-0000-7000-8000-0000000000a1"
PETITIONER = "0190f000-0000-7000-8000-0000000000a2"


def _petition(session: Session, name: str = "Nguyễn Văn Ân") -> str:
    """A petition raised by ``name``; its id."""
    made = session.save_petition(
        title="Đèn đường kiệt 12 hỏng",
        received_on="2026-03-02",
        field_code="infrastructure",
        petitioners=[{"full_name": name, "kind": "person"}],
    )
    assert made.record_id is not None
    return made.record_id


def _found(session: Session, text: str) -> list[tuple[str, str, str]]:
    """(entity, target entity, target id) of the petition hits for ``text``."""
    hits = session.search(text, entities=("petition",))
    return [(h.entity, h.target_entity, h.target_id) for h in hits]


def _pulled(entity: str, record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return {
        "entity": entity,
        "record_id": record_id,
        "unit_id": "u",
        "server_version": version,
        "deleted": False,
        "fields": fields,
    }


def test_petition_is_found_by_its_petitioners_folded_name(session: Session) -> None:
    """«nguyen van an» finds the petition Nguyễn Văn Ân raised."""
    petition_id = _petition(session)
    assert _found(session, "nguyen van an") == [("petitioner", "petition", petition_id)]


def test_hit_is_titled_by_the_petition_and_marks_the_name(session: Session) -> None:
    """The hit shows the petition's title and the name with the words matched."""
    _petition(session)
    (hit,) = session.search("ân", entities=("petition",))
    assert (hit.title, hit.snippet) == ("Đèn đường kiệt 12 hỏng", "Nguyễn Văn \x02Ân\x03")


def test_a_petitioner_taken_off_is_not_found(session: Session) -> None:
    """Saved again without its petitioner, the petition is no longer found by the name."""
    petition_id = _petition(session)
    session.save_petition(petition_id, petitioners=[])
    assert _found(session, "nguyen van an") == []


def test_a_pulled_petitioner_is_found(session: Session) -> None:
    """On the commune's laptop a petitioner pulled from the server is found by name."""
    apply_page(
        session.records,
        [
            _pulled("petition", PETITION, 5, title="Mương thoát nước tắc",
                    received_on="2026-02-10", field_code="environment"),
            _pulled("petitioner", PETITIONER, 6, petition_id=PETITION,
                    full_name="Tôn Nữ Thị Quỳnh Hương"),
        ],
        next_seq=6,
    )  # fmt: skip
    assert _found(session, "ton nu quynh huong") == [("petitioner", "petition", PETITION)]


def test_the_petitions_own_document_holds_no_name(session: Session) -> None:
    """The name is only in the petitioner's document, which a laptop above the commune
    never has (it receives no petitioner): the petition's own holds none."""
    _petition(session)
    texts = session.store.db.execute(
        "SELECT f.name || ' ' || f.body FROM search_fts f JOIN search_doc d ON d.doc = f.rowid "
        "WHERE d.entity = 'petition'"
    ).fetchall()
    assert texts and all(fold_vietnamese("Nguyễn Văn Ân") not in t for (t,) in texts)
