"""Search as you type over the folded index: names first, then bodies, with snippets.

Why not one ranked FTS5 query: a short prefix ("d", "th") or a common word
matches tens of thousands of records, and ranking them all with bm25 costs
hundreds of milliseconds. We only show the first page, so the query runs in
tiers that stop early: names, then bodies. A tier ranks by bm25 only when its
matches are few enough to rank cheaply (``RANK_LIMIT``); otherwise it takes the
newest records first (FTS5 walks rowids backwards without sorting), which is what
a leader typing a broad prefix wants to see anyway.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.highlight import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vntext import fold_vietnamese, word_match_spans

if TYPE_CHECKING:
    from sqlite_utils import Database

RANK_LIMIT = 400
SNIPPET_CHARS = 120
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One search result: where it leads, its title, and a snippet with the match marked."""

    entity: str  # the record that matched (e.g. "opinion")
    record_id: str
    target_entity: str  # what to open (e.g. "meeting")
    target_id: str
    title: str
    snippet: str  # original text; matches wrapped in HIGHLIGHT_START/END
    in_name: bool


def match_expression(text: str) -> str | None:
    """The FTS5 query for what the user typed: every word must match, each as a prefix."""
    tokens = _TOKEN.findall(fold_vietnamese(text))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _tier(
    db: Database,
    column: str,
    expr: str,
    limit: int,
    exclude: set[int],
    entities: tuple[str, ...] | None,
) -> list[int]:
    where = "search_fts MATCH ?"
    query = f"{{{column}}} : ({expr})"
    probe = db.execute(
        f"SELECT rowid FROM search_fts WHERE {where} LIMIT {RANK_LIMIT + 1}", [query]
    ).fetchall()
    if len(probe) <= RANK_LIMIT:
        weights = "10.0, 1.0" if column == "name" else "1.0, 1.0"
        rows = db.execute(
            f"SELECT rowid FROM search_fts WHERE {where} ORDER BY bm25(search_fts, {weights})",
            [query],
        ).fetchall()
    else:
        rows = db.execute(
            f"SELECT rowid FROM search_fts WHERE {where} ORDER BY rowid DESC LIMIT ?",
            [query, (limit + len(exclude)) * 4],
        ).fetchall()
    docs = [r[0] for r in rows if r[0] not in exclude]
    if entities is not None and docs:
        marks = ",".join("?" for _ in docs)
        allowed = {
            r[0]
            for r in db.execute(
                f"SELECT doc FROM search_doc WHERE doc IN ({marks}) AND target_entity IN "
                f"({','.join('?' for _ in entities)})",
                [*docs, *entities],
            )
        }
        docs = [d for d in docs if d in allowed]
    return docs[:limit]


def search(
    db: Database, text: str, *, limit: int = 20, entities: tuple[str, ...] | None = None
) -> list[SearchHit]:
    """Hits for ``text`` typed with or without diacritics, names before bodies."""
    expr = match_expression(text)
    if expr is None:
        return []
    name_docs = _tier(db, "name", expr, limit, set(), entities)
    body_docs: list[int] = []
    if len(name_docs) < limit:
        body_docs = _tier(db, "body", expr, limit - len(name_docs), set(name_docs), entities)
    tokens = _TOKEN.findall(fold_vietnamese(text))
    hits = [_hit(db, d, True, tokens) for d in name_docs]
    hits += [_hit(db, d, False, tokens) for d in body_docs]
    return [h for h in hits if h is not None]


def _hit(db: Database, doc: int, in_name: bool, tokens: list[str]) -> SearchHit | None:
    row = db.execute(
        "SELECT entity, record_id, target_entity, target_id FROM search_doc WHERE doc = ?", [doc]
    ).fetchone()
    if row is None:
        return None
    entity, record_id, target_entity, target_id = row
    spec = ENTITIES[entity]
    record = next(iter(db.query(f"SELECT * FROM [{spec.table}] WHERE id = ?", [record_id])), None)
    if record is None:
        return None
    title = _title_of(db, target_entity, target_id, record)
    texts = [str(record.get(n) or "") for n in (spec.names or spec.searchable)]
    if not in_name:
        texts = [str(record.get(n) or "") for n in spec.searchable if n not in spec.names]
    source = next(
        (t for t in texts if _first_match(t, tokens) is not None), texts[0] if texts else ""
    )
    return SearchHit(
        entity, record_id, target_entity, target_id, title, highlight(source, tokens), in_name
    )


def _title_of(db: Database, target_entity: str, target_id: str, record: dict[str, Any]) -> str:
    spec = ENTITIES[target_entity]
    if record.get("id") == target_id:
        target = record
    else:
        target = next(iter(db.query(f"SELECT * FROM [{spec.table}] WHERE id = ?", [target_id])), {})
    for name in (*spec.names, "title", "name", "full_name"):
        if target.get(name):
            return str(target[name])
    return ""


def _fold_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` character by character, with the source index of each folded char."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_vietnamese(ch) if not ch.isspace() else " "
        if ch.isspace():
            folded = " "
        for f in folded:
            out.append(f)
            index.append(i)
    return "".join(out), index


def _first_match(text: str, tokens: list[str]) -> int | None:
    folded, _ = _fold_map(text)
    positions = [m.start() for t in tokens for m in [re.search(rf"\b{re.escape(t)}", folded)] if m]
    return min(positions) if positions else None


def highlight(text: str, tokens: list[str]) -> str:
    """A window of ``text`` around the first match, each matched word marked whole."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    spans = word_match_spans(text, tokens)
    if not spans:
        return text[:SNIPPET_CHARS]
    spans.sort()
    start = max(0, spans[0][0] - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    out, cursor = [], start
    for a, b in spans:
        if a < cursor or b > end:
            continue
        out += [text[cursor:a], HIGHLIGHT_START, text[a:b], HIGHLIGHT_END]
        cursor = b
    out.append(text[cursor:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out) + suffix
