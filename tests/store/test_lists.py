"""The model list: Vietnamese order, filters, keyset pages."""

from __future__ import annotations

from danvan_desktop.session import Session
from danvan_desktop.store.lists import ModelFilter, model_count, model_page

NAMES = [
    "Đường hoa",
    "Dân vận",
    "Ăn sạch",
    "An toàn",
    "Âm nhạc",
    "Ước mơ",
    "Uống nước",
    "Ơn nghĩa",
    "Ông bà",
    "Bếp ăn",
]
VIETNAMESE_ORDER = [
    "An toàn",
    "Ăn sạch",
    "Âm nhạc",
    "Bếp ăn",
    "Dân vận",
    "Đường hoa",
    "Ông bà",
    "Ơn nghĩa",
    "Uống nước",
    "Ước mơ",
]


def test_models_sort_in_vietnamese_order(session: Session) -> None:
    """a < ă < â, d < đ, o < ô < ơ, u < ư: not code-point order."""
    for name in NAMES:
        session.add_model(name=name, field_code="economy", year=2026)
    page = model_page(session.store.db, ModelFilter(), limit=50)
    assert [r["name"] for r in page.rows] == VIETNAMESE_ORDER
    assert sorted(NAMES) != VIETNAMESE_ORDER


def test_keyset_pages_cover_everything_once(session: Session) -> None:
    """Pages of 3 walk the whole list in order without repeats."""
    for name in NAMES:
        session.add_model(name=name, field_code="economy", year=2026)
    seen, after = [], None
    while True:
        page = model_page(session.store.db, ModelFilter(), limit=3, after=after)
        seen += [r["name"] for r in page.rows]
        if page.after is None:
            break
        after = page.after
    assert seen == VIETNAMESE_ORDER


def test_filters_and_descending(session: Session) -> None:
    """Filter by field and year; sort descending."""
    session.add_model(name="A", field_code="economy", year=2025)
    session.add_model(name="B", field_code="economy", year=2026)
    session.add_model(name="C", field_code="other", year=2026)
    db = session.store.db
    page = model_page(db, ModelFilter(field_code="economy"), descending=True)
    assert [r["name"] for r in page.rows] == ["B", "A"]
    assert model_count(db, ModelFilter(year=2026)) == 2
    assert model_page(db, ModelFilter(ids=())).rows == []
