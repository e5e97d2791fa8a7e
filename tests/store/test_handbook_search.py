"""Every heading and every paragraph of the bundled handbook is found when typed without
diacritics."""

from __future__ import annotations

import re

import pytest

from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.session import Session
from danvan_desktop.store import handbook

WORDS_TYPED = 5
_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"^(#+|[-*]|\d+\.)\s+")


def pieces() -> list[tuple[str, str]]:
    """(slug, text) of every heading, paragraph and list item of the bundled handbook."""
    found = []
    for doc in handbook.read_bundle().docs:
        for line in doc.body.splitlines():
            text = _MARKUP.sub("", line.strip())
            if text:
                found.append((doc.slug, text))
    return found


def typed(text: str) -> str:
    """What a leader types for ``text``: a few of its words, without diacritics."""
    words = _WORD.findall(fold_vietnamese(text))
    return " ".join(words[:WORDS_TYPED])


def test_the_pieces_cover_the_handbook() -> None:
    """The check sees dozens of headings and paragraphs in each document."""
    per_doc: dict[str, int] = {}
    for slug, _text in pieces():
        per_doc[slug] = per_doc.get(slug, 0) + 1
    assert len(per_doc) == len(handbook.read_bundle().docs)
    assert min(per_doc.values()) >= 8


def test_typed_query_has_no_diacritics() -> None:
    """The query really is typed the plain-ASCII way (đ as d)."""
    assert typed("Đồng bộ dữ liệu với máy chủ") == "dong bo du lieu voi"


@pytest.mark.parametrize("piece", pieces(), ids=lambda p: f"{p[0]}:{p[1][:30]}")
def test_piece_is_found_without_diacritics(session: Session, piece: tuple[str, str]) -> None:
    """A few words of the heading or paragraph, typed plain, find its document."""
    slug, text = piece
    query = typed(text)
    assert query.isascii()
    hits = session.search_handbook(query, limit=30)
    found = {session.get_record("handbook_doc", h.record_id)["slug"] for h in hits}
    assert slug in found, f"{query!r} does not find {slug}"
