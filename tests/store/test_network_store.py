"""The network library in the laptop store: cards written, found folded, sorted, withdrawn."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from danvan_desktop.store import network


def wire_card(card_id: str, name: str, **over: Any) -> dict[str, Any]:
    """A wire card as the server sends it."""
    card: dict[str, Any] = {
        "id": card_id,
        "model_uid": f"model-{card_id}",
        "source_unit": "unit-village",
        "name": name,
        "field_name": "Môi trường",
        "commune_code": 19768,
        "commune_name": "Phường Phú Xuân",
        "village_name": "Tổ dân phố 5",
        "summary": [["Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."]],
        "results": "Giảm một nửa lượng rác chôn lấp.",
        "indicators": [["Hộ phân loại rác", "120 hộ"]],
        "recognitions": [
            {"level": "commune", "decision_no": "12/QĐ-UBND", "decided_on": "2024-05-02"}
        ],
        "year": 2024,
        "shared_level": "city",
        "shared_on": "2024-06-01",
        "updated_at": "2024-06-01T08:00:00Z",
        "contact": None,
        "photos": [],
    }
    card.update(over)
    return card


def names(cards: list[Any]) -> list[str]:
    """The names of cards, in the order given."""
    return [c.name for c in cards]


def test_folded_search_finds_a_card_typed_without_marks(session: Session) -> None:
    """«mo hinh rac» finds «Phân loại rác tại nguồn»."""
    network.apply_library_page(
        session.store.db,
        [{"id": "c1", "seq": 1, "card": wire_card("c1", "Phân loại rác tại nguồn")}],
        1,
    )
    found = network.query_cards(session.store.db, CardQuery(text="mo hinh rac"))
    assert names(found) == ["Phân loại rác tại nguồn"]


def test_search_folds_d_with_stroke(session: Session) -> None:
    """«duong» finds «Thắp sáng đường quê»."""
    network.apply_library_page(
        session.store.db,
        [{"id": "c1", "seq": 1, "card": wire_card("c1", "Thắp sáng đường quê")}],
        1,
    )
    assert names(network.query_cards(session.store.db, CardQuery(text="duong"))) == [
        "Thắp sáng đường quê"
    ]


def test_cards_sort_in_vietnamese_order(session: Session) -> None:
    """Đ comes after D, and Â after A: «Âm nhạc», «Dân vận», «Đường hoa»."""
    items = [
        {"id": str(i), "seq": i, "card": wire_card(str(i), name)}
        for i, name in enumerate(["Đường hoa", "Dân vận", "Âm nhạc", "An toàn"], start=1)
    ]
    network.apply_library_page(session.store.db, items, 4)
    assert names(network.query_cards(session.store.db, CardQuery())) == [
        "An toàn",
        "Âm nhạc",
        "Dân vận",
        "Đường hoa",
    ]


def test_a_tombstone_removes_the_card_and_moves_the_checkpoint(session: Session) -> None:
    """A withdrawn card disappears; the checkpoint is the page's."""
    db = session.store.db
    network.apply_library_page(db, [{"id": "c1", "seq": 1, "card": wire_card("c1", "Rác")}], 1)
    network.apply_library_page(db, [{"id": "c1", "seq": 2, "deleted": True}], 2)
    assert network.get_card(db, "c1") is None
    assert network.query_cards(db, CardQuery(text="rac")) == []
    assert network.checkpoint(db) == 2


def test_filters_and_facets(session: Session) -> None:
    """Filters by field and year; facets list each value once."""
    db = session.store.db
    network.apply_library_page(
        db,
        [
            {"id": "a", "seq": 1, "card": wire_card("a", "Rác", year=2023)},
            {"id": "b", "seq": 2, "card": wire_card("b", "Đèn", field_name="An ninh")},
        ],
        2,
    )
    assert names(network.query_cards(db, CardQuery(year=2023))) == ["Rác"]
    assert names(network.query_cards(db, CardQuery(field_name="An ninh"))) == ["Đèn"]
    found = network.facets(db)
    assert found.field_names == ("An ninh", "Môi trường")
    assert found.years == (2024, 2023)
    assert found.levels == ("commune",)
    assert found.communes == ((19768, "Phường Phú Xuân"),)


def test_a_card_keeps_its_parts(session: Session) -> None:
    """A card read back has its items, indicators, recognition and thumbnail."""
    photo = {
        "attachment_id": "p1",
        "caption": "Thùng rác",
        "sha256": "ab" * 32,
        "thumbnail": "AAEC",
    }
    network.apply_library_page(
        session.store.db,
        [{"id": "c1", "seq": 1, "card": wire_card("c1", "Rác", photos=[photo])}],
        1,
    )
    card = network.get_card(session.store.db, "c1")
    assert card is not None
    assert card.summary == (("Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."),)
    assert card.indicators == (("Hộ phân loại rác", "120 hộ"),)
    assert card.recognitions[0].decided_on == dt.date(2024, 5, 2)
    assert card.highest_level == "commune"
    assert [(p.caption, p.has_thumbnail, p.has_full) for p in card.photos] == [
        ("Thùng rác", True, False)
    ]


def test_search_leaves_out_a_card_this_reviewer_withdrew(session: Session) -> None:
    """A card withdrawn here (pending) is neither listed nor counted by a search."""
    db = session.store.db
    items = [
        {"id": f"c{n}", "seq": n, "card": wire_card(f"c{n}", name)}
        for n, name in enumerate(["Phân loại rác tại nguồn", "Đổi rác lấy quà"], start=1)
    ]
    network.apply_library_page(db, items, 2)
    network.mark_withdrawn(db, "c1", "2024-07-01T00:00:00Z")
    query = CardQuery(text="rac")
    assert (names(network.query_cards(db, query)), network.count_cards(db, query)) == (
        ["Đổi rác lấy quà"],
        1,
    )


def test_search_pages_follow_the_vietnamese_order(session: Session) -> None:
    """The second page of a search starts where the first ended, in Vietnamese order."""
    db = session.store.db
    titles = ["Ánh sáng rác", "Bếp rác", "Đổi rác lấy quà", "Phân loại rác"]
    items = [
        {"id": f"c{n}", "seq": n, "card": wire_card(f"c{n}", name)}
        for n, name in enumerate(reversed(titles), start=1)
    ]
    network.apply_library_page(db, items, 4)
    page = network.query_cards(db, CardQuery(text="rac", offset=2, limit=2))
    assert names(page) == ["Đổi rác lấy quà", "Phân loại rác"]
