"""Search as you type: without diacritics (đ too), prefixes, names first, snippets."""

from __future__ import annotations

import unicodedata

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store.search import HIGHLIGHT_END as E
from danvan_desktop.store.search import HIGHLIGHT_START as S
from danvan_desktop.store.search import match_expression


@pytest.fixture
def filled(session: Session) -> Session:
    """A team store with a few models, a meeting with an opinion, a task and a handbook page."""
    session.add_model(
        name="Con đường hoa Dân vận khéo",
        field_code="new_rural",
        content="Nhân dân hiến đất làm đường bê tông.",
    )
    session.add_model(
        name="Quỹ khuyến học dòng họ",
        field_code="culture_society",
        content="Trao học bổng cho con em trên đường đến trường.",
    )
    meeting = session.add_meeting(
        kind="regular", title="Họp tổ tháng 11", starts_at="25/11/2026 08:00"
    ).record_id
    session.add_record(
        "opinion",
        meeting_id=meeting,
        speaker="Bà Tôn Nữ Thu Hà",
        content="Đề nghị lắp camera an ninh ở ngã ba.",
    )
    session.add_task(meeting_id=meeting, title="Khảo sát vị trí lắp camera")
    session.add_record(
        "handbook_doc",
        slug="mo-hinh",
        title="Thế nào là mô hình Dân vận khéo",
        body="Mô hình là cách làm hay, hiệu quả, có thể nhân rộng.",
        doc_version=1,
        source="bundled",
    )
    return session


def _titles(session: Session, text: str) -> list[str]:
    return [h.title for h in session.search(text)]


def test_duong_finds_duong_with_d_stroke(filled: Session) -> None:
    """'duong' finds 'Đường' and 'đường': đ/Đ fold to d."""
    assert _titles(filled, "duong")[0] == "Con đường hoa Dân vận khéo"


def test_phrase_without_diacritics(filled: Session) -> None:
    """'dan van kheo' finds 'Dân vận khéo' in a model's name and in the handbook."""
    titles = _titles(filled, "dan van kheo")
    assert "Con đường hoa Dân vận khéo" in titles
    assert "Thế nào là mô hình Dân vận khéo" in titles


def test_prefix_while_typing(filled: Session) -> None:
    """Each keystroke's prefix already finds the record: k, kh, khu, khuyen."""
    for typed in ("k", "kh", "khu", "khuyen", "khuyen h"):
        assert "Quỹ khuyến học dòng họ" in _titles(filled, typed), typed


def test_names_rank_before_bodies(filled: Session) -> None:
    """A word in a name comes before the same word in another record's body."""
    hits = filled.search("duong")
    assert [h.in_name for h in hits] == sorted((h.in_name for h in hits), reverse=True)
    assert hits[0].in_name and not hits[-1].in_name


def test_meeting_opinions_lead_to_their_meeting(filled: Session) -> None:
    """A hit in an opinion opens the meeting it was said in."""
    hit = next(h for h in filled.search("camera an ninh") if h.entity == "opinion")
    assert hit.target_entity == "meeting"
    assert hit.title == "Họp tổ tháng 11"


def test_snippet_highlights_the_original_text(filled: Session) -> None:
    """The snippet shows the text with its diacritics and marks what matched."""
    hit = filled.search("khuyen hoc")[0]
    assert hit.snippet == f"Quỹ {S}khuyến{E} {S}học{E} dòng họ"


def test_decomposed_query_matches(filled: Session) -> None:
    """A query typed in NFD (some input methods) finds the same records."""
    assert _titles(filled, unicodedata.normalize("NFD", "Đường"))[0] == (
        "Con đường hoa Dân vận khéo"
    )


def test_edits_and_deletes_update_the_index(filled: Session) -> None:
    """A renamed record is found by its new name only; a deleted one not at all."""
    hit = filled.search("quy khuyen hoc")[0]
    filled.update_model(hit.record_id, name="Quỹ học bổng")
    assert "Quỹ khuyến học dòng họ" not in _titles(filled, "khuyen hoc dong ho")
    assert "Quỹ học bổng" in _titles(filled, "hoc bong")
    filled.delete_record("model", hit.record_id)
    assert "Quỹ học bổng" not in _titles(filled, "hoc bong")


def test_query_with_only_punctuation_finds_nothing(filled: Session) -> None:
    """Quotes and operators are not FTS syntax: they never raise."""
    assert filled.search('"') == []
    assert filled.search("  - * ") == []
    assert match_expression('duong" OR x*') == '"duong"* "or"* "x"*'


def test_search_restricted_to_entities(filled: Session) -> None:
    """The handbook page searches only handbook documents."""
    hits = filled.search("dan van kheo", entities=("handbook_doc",))
    assert "Thế nào là mô hình Dân vận khéo" in [h.title for h in hits]
    assert {h.entity for h in hits} == {"handbook_doc"}


def test_snippet_marks_whole_words_for_a_prefix(filled: Session) -> None:
    """«khuy» (a prefix, while typing) marks «khuyến» whole, not «khuy|ến»."""
    hit = filled.search("khuy")[0]
    assert hit.snippet == f"Quỹ {S}khuyến{E} học dòng họ"
