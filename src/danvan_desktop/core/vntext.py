"""Vietnamese text: normalisation at the boundary, folding for search, sorting.

Input methods (Unikey, Telex, VNI) and text pasted from Word mix composed and
decomposed forms; every text that enters the store goes through
:func:`normalize_text` so equal words are equal strings. The old and new tone
placements ("hoà" / "hòa") are both correct spellings and are kept as typed.

Search compares :func:`fold_vietnamese` of the query with a folded shadow of the
text, because SQLite's FTS5 ``remove_diacritics`` does not fold đ/Đ; a reader that
marks the found words in the original text folds it with
:func:`folded_with_sources` and marks whole words (:func:`word_match_spans`), and
:func:`phrase_pattern` finds the words standing together as typed.

Lists sort with :func:`vietnamese_sort_key` (see ``vncollation``), never plain
``sorted()`` on display strings.
"""

from __future__ import annotations

import re
import unicodedata

from danvan_desktop.core.vncollation import vietnamese_sort_key, vietnamese_sorted

__all__ = [
    "fold_vietnamese",
    "folded_with_sources",
    "normalize_text",
    "phrase_pattern",
    "vietnamese_sort_key",
    "vietnamese_sorted",
    "word_match_spans",
]

# Invisible characters that Word, browsers and some input methods leave in text.
# The zero-width joiner is handled apart: inside emoji sequences it is meaningful.
_ZERO_WIDTH = str.maketrans(dict.fromkeys("\u200b\u200c\u2060\ufeff\u180e"))
_JOINER_BEFORE_EMOJI = re.compile("\u200d(?=[\u2600-\u27bf\U0001f000-\U0001faff])")
_LINE_BREAK = re.compile("\r\n?")

# Letters that look like đ and that NFD does not decompose: the stroke is not an accent,
# and the Icelandic eth is what some legacy-encoding converters produce for Đ.
_D_LIKE_LETTERS = {"đ": "d", "ð": "d", "ɖ": "d"}


class _FoldTable(dict[int, str]):
    """A str.translate table that drops accents and format characters, filled lazily."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        # Format characters (zero-width space, BOM, soft hyphen) would split words.
        folded = "" if category[0] == "M" or category == "Cf" else _D_LIKE_LETTERS.get(char, char)
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _drop_stray_joiners(text: str) -> str:
    """Remove zero-width joiners except those joining the parts of an emoji."""
    if "\u200d" not in text:
        return text
    parts = _JOINER_BEFORE_EMOJI.split(text)
    return "\u200d".join(part.replace("\u200d", "") for part in parts)


def normalize_text(text: str) -> str:
    """Return text in NFC, without zero-width characters, LF line ends, no trailing space."""
    if text.isascii() and "\r" not in text:  # ids, codes: nothing to normalise
        return text.rstrip()
    visible = _drop_stray_joiners(text.translate(_ZERO_WIDTH))
    unix_lines = _LINE_BREAK.sub("\n", visible)
    return unicodedata.normalize("NFC", unix_lines).rstrip()


def fold_vietnamese(text: str) -> str:
    """Return the search form of text: no accents, đ→d, case-folded, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join(decomposed.translate(_FOLD_TABLE).split())


def folded_with_sources(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, with where each folded character came from."""
    out: list[str] = []
    sources: list[int] = []
    for index, char in enumerate(text):
        for piece in " " if char.isspace() else fold_vietnamese(char):
            out.append(piece)
            sources.append(index)
    return "".join(out), sources


def _in_word(char: str) -> bool:
    """True for a letter or digit, or a mark or format character that belongs to one."""
    return char.isalnum() or unicodedata.category(char)[0] == "M" or char == "\u00ad"


def word_match_spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every whole word that one of the folded ``tokens`` begins.

    Search matches each folded word as a prefix («dan» finds «đánh»); the mark then covers
    the whole word, a Vietnamese syllable, never a piece of it («đán|h»): the folded
    prefix of a syllable is no part a reader recognises once the diacritics are back.
    """
    folded, sources = folded_with_sources(text)
    spans: set[tuple[int, int]] = set()
    for token in tokens:
        for found in re.finditer(rf"\b{re.escape(token)}", folded):
            start, end = sources[found.start()], sources[found.end() - 1] + 1
            while end < len(text) and _in_word(text[end]):
                end += 1
            spans.add((start, end))
    return sorted(spans)


def phrase_pattern(tokens: list[str]) -> re.Pattern[str] | None:
    """The folded words, each a word prefix, one right after the other (two words or more)."""
    if len(tokens) < 2:
        return None
    return re.compile(r"\b" + r"\w*\W+".join(re.escape(t) for t in tokens))
