"""Text helpers of the Sổ tay page: where the searched words are, and hits as rich text.

The store finds documents by folded words (no diacritics, đ as d), each typed word a
prefix; the reader then marks the same words in the rendered document, each word whole
(«đán» marks «đánh», never «đán|h»), as the hit list's snippets do. Folding changes
lengths (a decomposed letter folds to one character), so matches are found in a folded
copy that remembers, for each folded character, where it came from.
"""

from __future__ import annotations

import html
import re

from danvan_desktop.core.highlight import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.core.vntext import (
    fold_vietnamese,
    folded_with_sources,
    phrase_pattern,
    word_match_spans,
)
from danvan_desktop.ui.widgets.highlight_delegate import MARK_STYLE

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Markdown marks that mean nothing in a one-line snippet.
_SNIPPET_MARKUP = re.compile(r"(^|\s)(#+|[-*+]|\d+\.)(?=\s)|\*\*|__")


def search_tokens(text: str) -> list[str]:
    """The folded words of a query, as the store searches them."""
    return _TOKEN.findall(fold_vietnamese(text))


def match_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every whole word beginning with one of the folded
    ``tokens``: the same words the search matched, marked whole as its snippets are."""
    return word_match_spans(text, tokens)


def phrase_start(text: str, tokens: list[str]) -> int | None:
    """Where in ``text`` the words stand together as typed, if they do anywhere."""
    pattern = phrase_pattern(tokens)
    if pattern is None:
        return None
    folded, sources = folded_with_sources(text)
    found = pattern.search(folded)
    return None if found is None else sources[found.start()]


def snippet_html(snippet: str) -> str:
    """A store snippet (matches between markers) as HTML, Markdown marks dropped."""
    plain = _SNIPPET_MARKUP.sub(r"\1", snippet)
    escaped = html.escape(" ".join(plain.split()))
    return escaped.replace(HIGHLIGHT_START, f'<span style="{MARK_STYLE}">').replace(
        HIGHLIGHT_END, "</span>"
    )


def hit_html(title: str, snippet: str) -> str:
    """A search hit as two lines: the document's title, then the snippet."""
    return f"<b>{html.escape(title)}</b><br>{snippet_html(snippet)}"
