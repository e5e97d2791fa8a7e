"""Searching the handbook: one hit per document shown, the words typed together first.

The store's search matches every folded word as a prefix anywhere in a document,
so "noi nhan" also finds «nội dung … nhân rộng». For the handbook, where a leader
looks up a term, the documents where the words stand together as typed («Nơi
nhận») come first, and their snippet shows that place rather than the first loose
match. A replaced document (an older version of a slug) is never a hit.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.schema import HANDBOOK_DOC
from danvan_desktop.core.vntext import fold_vietnamese, folded_with_sources, phrase_pattern
from danvan_desktop.store.handbook import current_rows
from danvan_desktop.store.search import SearchHit, highlight
from danvan_desktop.store.search import search as search_store

if TYPE_CHECKING:
    from sqlite_utils import Database

_WORD = re.compile(r"\w+")
SNIPPET_LEAD = 40  # characters of context kept before the phrase


def search(db: Database, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Handbook hits for ``text`` (diacritics optional), one per document shown."""
    by_id = {row["id"]: row for row in current_rows(db, with_body=True).values()}
    found = search_store(db, text, limit=limit * 2, entities=(HANDBOOK_DOC.name,))
    hits = unique(h for h in found if h.record_id in by_id)
    tokens = _WORD.findall(fold_vietnamese(text))
    phrase = phrase_pattern(tokens)
    if phrase is None:
        return hits[:limit]
    ranked = sorted(hits, key=lambda h: _rank(phrase, by_id[h.record_id]))
    return [_at_phrase(h, phrase, tokens, by_id[h.record_id]) for h in ranked[:limit]]


def unique(hits: Iterable[SearchHit]) -> list[SearchHit]:
    """Hits with each record once, in order."""
    seen: set[str] = set()
    out = []
    for hit in hits:
        if hit.record_id not in seen:
            seen.add(hit.record_id)
            out.append(hit)
    return out


def _rank(phrase: re.Pattern[str], row: Mapping[str, Any]) -> int:
    if phrase.search(fold_vietnamese(str(row["title"]))):
        return 0
    return 1 if phrase.search(fold_vietnamese(str(row.get("body") or ""))) else 2


def _at_phrase(
    hit: SearchHit, phrase: re.Pattern[str], tokens: list[str], row: Mapping[str, Any]
) -> SearchHit:
    """The hit with its snippet moved to where the words stand together in the body."""
    body = str(row.get("body") or "")
    folded, sources = folded_with_sources(body)
    found = phrase.search(folded)
    if found is None:
        return hit
    start = max(0, sources[found.start()] - SNIPPET_LEAD)
    snippet = highlight(body[start:], tokens)
    if start and not snippet.startswith("…"):
        snippet = "…" + snippet
    return dataclasses.replace(hit, snippet=snippet)
