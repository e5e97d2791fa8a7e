"""A pure-Python Vietnamese collation key that agrees with ICU's "vi" collation.

The reference is ICU as Qt exposes it: ``QCollator(QLocale("vi_VN"))`` with its
defaults (tertiary strength, punctuation not ignored, no numeric mode). Its rules,
measured with QCollator (ICU 73) and held against it by tests/core/test_vnsort_qcollator.py:

* Primary level, the letters decide across the whole string first:
  a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < … < z.
  Spaces, punctuation and symbols are not ignorable: whitespace < punctuation <
  symbols < currency < digits < letters, digits one by one ("10" < "2").
* Secondary level, the tones, compared from the first letter on: unmarked <
  huyền (grave) < hỏi (hook) < ngã (tilde) < sắc (acute) < nặng (dot below);
  other Latin accents follow. Typographic quotes are secondary variants of ' and ".
* Tertiary level, case: lower case before upper case; compatibility forms (no-break
  space, full-width letters, superscripts) come between the two.
* Format characters (zero-width space, BOM, soft hyphen) and controls are ignored.

The key has the same shape as an ICU sort key: primary weights, a separator,
secondary weights, a separator, tertiary weights, so comparing keys as bytes (in
Python, or as a SQLite BLOB) compares the strings. It is exact for the Vietnamese
alphabet, ASCII, the typographic punctuation in ``_PUNCTUATION_AND_SYMBOLS``, the
accents in ``_MARK_ORDER`` and ICU's "l·" = "ŀ". Other scripts, symbols and Latin letters
without a decomposition (ø, æ, ł) get a stable approximation: symbols before digits,
other letters after z, by code point.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar, overload

_T = TypeVar("_T")

_Weights = tuple[str, str, str]  # (primary, secondary, tertiary) weight strings

# Every weight is above the separator, so a string that is a prefix of another sorts first.
_LEVEL_SEPARATOR = "\x01"
_IGNORABLE: _Weights = ("", "", "")

_WHITESPACE = "\t\n\x0b\x0c\r\x85\u2028\u2029 "
# The order of these is ICU's; each has its own primary weight.
_PUNCTUATION_AND_SYMBOLS = (
    "_-\u2010\u2013\u2014,;:!\u00a1?\u00bf.\u00b7'\u2039\u203a\"\u00ab\u00bb()[]{}"
    "\u00a7\u00b6@*/\\&#%\u2030\u2020\u2021\u2022\u2032`\u00b4^\u00af\u00a8\u00b8\u00b0"
    "\u00a9\u00ae+\u00b1\u00f7\u00d7<=>\u00ac|\u00a6~\u2212\u00a2$\u00a3\u00a5\u20ab\u20ac"
)
_DIGITS = "0123456789"
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Lead bytes of the three-byte code point weights for characters outside the tables.
_OTHER_SYMBOL_LEAD = chr(0x10 + len(_WHITESPACE) + len(_PUNCTUATION_AND_SYMBOLS))


def _primary_weights() -> dict[str, str]:
    """One byte per primary, in ICU order, leaving a slot for unknown symbols."""
    symbols = _WHITESPACE + _PUNCTUATION_AND_SYMBOLS
    weights = {char: chr(0x10 + index) for index, char in enumerate(symbols)}
    first_after_symbols = ord(_OTHER_SYMBOL_LEAD) + 1
    for index, char in enumerate(_DIGITS + _LETTERS):
        weights[char] = chr(first_after_symbols + index)
    return weights


_PRIMARY_WEIGHT = _primary_weights()
_OTHER_LETTER_LEAD = chr(max(map(ord, _PRIMARY_WEIGHT.values())) + 1)

_SECONDARY_COMMON = "\x05"
# Characters that share a primary with another one and differ from it at the secondary
# level, just above "no accent" and below every combining accent.
_SECONDARY_VARIANTS: dict[str, tuple[str, str]] = {
    "\u2018": ("'", "\x06"),
    "\u2019": ("'", "\x07"),
    "\u201a": ("'", "\x08"),
    "\u201c": ('"', "\x06"),
    "\u201d": ('"', "\x07"),
    "\u201e": ('"', "\x08"),
    "ð": ("d", "\x06"),
    "Ð": ("D", "\x06"),
    "ŀ": ("l", "\x06"),
    "Ŀ": ("L", "\x06"),
}
# Vietnamese tones first (the vi tailoring), then the other accents as ICU orders them.
_MARK_ORDER = (
    "\u0300\u0309\u0303\u0301\u0323"
    "\u0306\u0302\u030c\u030a\u0308\u030b\u0307\u0327\u0328\u0304\u031b\u0324\u0331"
)
_MARK_WEIGHT = {mark: chr(0x10 + index) for index, mark in enumerate(_MARK_ORDER)}
_OTHER_MARK_LEAD = chr(0x10 + len(_MARK_ORDER))

_TERTIARY_LOWER = "\x05"
_TERTIARY_COMPAT = "\x06"
_TERTIARY_UPPER = "\x08"
_TERTIARY_UPPER_COMPAT = "\x09"

# The vi tailoring makes these letter + accent pairs letters of their own.
_CONTRACTIONS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_CONTRACTIONS.update(
    {(base.upper(), mark): ch.upper() for (base, mark), ch in _CONTRACTIONS.items()}
)
# ICU's root collation reads Catalan l + middle dot as the single letter ŀ.
_MIDDLE_DOT_CONTRACTIONS = (("l\u00b7", "ŀ"), ("L\u00b7", "Ŀ"))
# Accents that NFC leaves loose after a composed letter: ICU weighs all accents in NFD
# order, which the per-character tables cannot see, so such strings take the slow path.
_LOOSE_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _code_point_weight(lead: str, char: str) -> str:
    """A fixed-width weight (lead byte + three code point bytes) for an untabled character."""
    code = ord(char)
    return lead + chr(code >> 16) + chr((code >> 8) & 0xFF) + chr(code & 0xFF)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _contract(base: str, marks: str) -> tuple[str, str]:
    """Fold the first unblocked tailored accent into its letter, as ICU's contractions do."""
    for index, mark in enumerate(marks):
        letter = _CONTRACTIONS.get((base, mark))
        if letter is None:
            continue
        combining_class = unicodedata.combining(mark)
        # Canonically equivalent strings must collate alike: an accent of the same
        # combining class before this one blocks the contraction.
        if all(unicodedata.combining(before) < combining_class for before in marks[:index]):
            return letter, marks[:index] + marks[index + 1 :]
    return base, marks


def _mark_weights(mark: str) -> _Weights:
    return ("", _MARK_WEIGHT.get(mark) or _code_point_weight(_OTHER_MARK_LEAD, mark), "")


def _compat_weights(expansion: str, char: str) -> _Weights:
    """Weights of a compatibility character: those of its expansion, marked at tertiary level."""
    primary, secondary, tertiary = _sequence_weights(expansion)
    upper = char != char.lower()
    compat = _TERTIARY_UPPER_COMPAT if upper else _TERTIARY_COMPAT
    bumped = "".join(
        _TERTIARY_UPPER_COMPAT if weight == _TERTIARY_UPPER else compat for weight in tertiary
    )
    return primary, secondary, bumped


def _untabled_weights(char: str) -> _Weights:
    """Approximate ICU for a character outside the tables, by its Unicode category."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cf"):
        return _IGNORABLE
    if category[0] == "M":
        return _mark_weights(char)
    if category[0] in "PSZ":
        primary = _code_point_weight(_OTHER_SYMBOL_LEAD, char)
        return primary, _SECONDARY_COMMON, _TERTIARY_LOWER
    if category == "Nd":
        digit = _DIGITS[unicodedata.decimal(char)]
        return _PRIMARY_WEIGHT[digit], _SECONDARY_COMMON, _TERTIARY_COMPAT
    lower = char.lower()
    folded = lower if len(lower) == 1 else char
    tertiary = _TERTIARY_UPPER if folded != char else _TERTIARY_LOWER
    return _code_point_weight(_OTHER_LETTER_LEAD, folded), _SECONDARY_COMMON, tertiary


def _letter_weights(char: str) -> _Weights:
    """Weights of one character that has no canonical decomposition."""
    primary = _PRIMARY_WEIGHT.get(char)
    if primary is not None:
        return primary, _SECONDARY_COMMON, _TERTIARY_LOWER
    primary = _PRIMARY_WEIGHT.get(char.lower()) if len(char.lower()) == 1 else None
    if primary is not None:
        return primary, _SECONDARY_COMMON, _TERTIARY_UPPER
    variant = _SECONDARY_VARIANTS.get(char)
    if variant is not None:
        base, secondary = variant
        primary, _, tertiary = _letter_weights(base)
        return primary, secondary, tertiary
    expansion = unicodedata.normalize("NFKD", char)
    if expansion != char:
        return _compat_weights(expansion, char)
    return _untabled_weights(char)


def _sequence_weights(decomposed: str) -> _Weights:
    """Weights of a fully decomposed sequence: letters, each followed by its accents."""
    primaries: list[str] = []
    secondaries: list[str] = []
    tertiaries: list[str] = []
    index = 0
    while index < len(decomposed):
        end = index + 1
        while end < len(decomposed) and _is_mark(decomposed[end]):
            end += 1
        letter, marks = _contract(decomposed[index], decomposed[index + 1 : end])
        for primary, secondary, tertiary in (
            _letter_weights(letter),
            *(_mark_weights(mark) for mark in marks),
        ):
            primaries.append(primary)
            secondaries.append(secondary)
            tertiaries.append(tertiary)
        index = end
    return "".join(primaries), "".join(secondaries), "".join(tertiaries)


def _char_weights(char: str) -> _Weights:
    """Weights of one character of an NFC string."""
    decomposed = unicodedata.normalize("NFD", char)
    if decomposed == char:
        return _letter_weights(char)
    return _sequence_weights(decomposed)


class _LevelTable(dict[int, str]):
    """A str.translate table for one level, filled the first time a character is seen."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self._level = level

    def __missing__(self, code: int) -> str:
        weight = _char_weights(chr(code))[self._level]
        self[code] = weight
        return weight


# str.translate walks the string in C; the per-character work above runs once per
# distinct character, which keeps the key cheap for 100k names.
_PRIMARY_TABLE = _LevelTable(0)
_SECONDARY_TABLE = _LevelTable(1)
_TERTIARY_TABLE = _LevelTable(2)


def vietnamese_sort_key(text: str) -> bytes:
    """Return a bytes key that orders strings as ICU's Vietnamese collation does."""
    nfc = unicodedata.normalize("NFC", text)
    if "\u00b7" in nfc:
        for pair, letter in _MIDDLE_DOT_CONTRACTIONS:
            nfc = nfc.replace(pair, letter)
    if _LOOSE_MARK.search(nfc):
        levels = _sequence_weights(unicodedata.normalize("NFD", nfc))
    else:
        levels = (
            nfc.translate(_PRIMARY_TABLE),
            nfc.translate(_SECONDARY_TABLE),
            nfc.translate(_TERTIARY_TABLE),
        )
    return _LEVEL_SEPARATOR.join(levels).encode("latin-1")


@overload
def vietnamese_sorted(
    items: Iterable[str], *, key: None = None, reverse: bool = False
) -> list[str]: ...


@overload
def vietnamese_sorted(
    items: Iterable[_T], *, key: Callable[[_T], str], reverse: bool = False
) -> list[_T]: ...


def vietnamese_sorted(
    items: Iterable[_T], *, key: Callable[[_T], str] | None = None, reverse: bool = False
) -> list[_T]:
    """Return items sorted in Vietnamese order, by the text ``key`` gives (the item itself)."""
    if key is None:
        return sorted(items, key=lambda item: vietnamese_sort_key(str(item)), reverse=reverse)
    text_of = key
    return sorted(items, key=lambda item: vietnamese_sort_key(text_of(item)), reverse=reverse)
