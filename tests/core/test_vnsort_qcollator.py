"""Hold the pure-Python Vietnamese sort key against ICU, as Qt's QCollator exposes it."""

from __future__ import annotations

import functools
import os
import random
import unicodedata
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCollator, QLocale

from danvan_desktop.core.vncollation import _DIGITS, _LETTERS, _PUNCTUATION_AND_SYMBOLS, _WHITESPACE
from danvan_desktop.core.vntext import vietnamese_sort_key, vietnamese_sorted

_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_INITIALS = (
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
)
_NUCLEI = (
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uy",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "yê",
    "oai",
    "oay",
    "uây",
    "uôi",
    "ươi",
    "ươu",
    "iêu",
    "yêu",
    "uya",
    "oeo",
)
_FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")

# Real names and place names (Thừa Thiên Huế), given out of order on purpose.
_REAL_NAMES = [
    "Xã A Lưới 2",
    "Nguyễn Văn Ánh",
    "Phường Thuận An",
    "Đặng Thị Ánh",
    "Dương Văn Bình",
    "Nguyễn Văn An",
    "Xã A Lưới 1",
    "Hoàng Văn Hòa",
    "Hoàng Văn Hoà",
    "Hoàng Văn Hoa",
    "Đỗ Thị Cúc",
    "Lê Văn Cường",
    "Lê Thị Hạ",
    "Lê Thị Hà",
    "Lê Thị Hà Vy",
    "Lê Thị Hải",
    "Phạm Minh Đức",
    "Phan Thị Hường",
    "Phan Thị Hương",
    "Huỳnh Thị Ơn",
    "Trần Quốc Tuấn",
    "Trần Quốc Toản",
    "Võ Thị Sáu",
    "Vũ Thị Ưng",
    "Nguyễn Thị Mỹ",
    "Nguyễn Thị My",
    "Trần Văn Ổn",
    "Lê Thị Ngọc Ẩn",
    "Ngô Quyền",
    "Xã A Lưới 5",
    "Xã A Lưới 3",
    "Phường Thuận Hóa",
    "Phường Phú Xuân",
    "Phường Hương Trà",
    "Phường Kim Long",
    "Phường Vỹ Dạ",
    "Phường Thủy Xuân",
    "Phường Thuỷ Xuân",
    "Phường An Cựu",
    "Phường Phú Bài",
    "Phường Dương Nỗ",
    "Phường Mỹ Thượng",
    "Phường Hóa Châu",
    "Phường Phong Điền",
    "Phường Chân Mây - Lăng Cô",
    "Xã Phú Vinh",
    "Xã Phú Hồ",
    "Xã Quảng Điền",
    "Xã Đan Điền",
    "Xã Khe Tre",
    "Xã Long Quảng",
    "Xã Nam Đông",
    "Xã Bình Điền",
    "Thôn 10",
    "Thôn 2",
    "Thôn 1",
    "Tổ dân phố 3",
    "Kiệt 15/2 Lê Lợi",
    "K15/2 Ngô Quyền",
    "Số 7 Hùng Vương",
    "ĐOÀN THANH NIÊN",
    "Hội Phụ nữ",
    "Hội phụ nữ",
    "Mặt trận Tổ quốc",
    "(chưa rõ)",
    "Bà Nguyễn Thị Mỹ",
    "“Tổ Dân vận khéo”",
    "Ông Trần Văn Ổn",
]


def _sign(number: int) -> int:
    return (number > 0) - (number < 0)


def _key_order(first: str, second: str) -> int:
    """-1, 0 or 1 as the sort keys of the two texts compare."""
    first_key, second_key = vietnamese_sort_key(first), vietnamese_sort_key(second)
    return (first_key > second_key) - (first_key < second_key)


@pytest.fixture(scope="module")
def vi_collator() -> Iterator[QCollator]:
    """QCollator for vi_VN, refusing to run if this Qt build has no ICU Vietnamese rules."""
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    # Each pair sorts one way under ICU's vi tailoring and the other way under the
    # root collation or plain code point order (Qt without ICU).
    expected_before = [("ab", "ăa"), ("ả", "ã"), ("a", "B"), ("ob", "ơa"), ("à", "á")]
    wrong = [pair for pair in expected_before if collator.compare(*pair) >= 0]
    if wrong:
        pytest.fail(
            "QCollator(vi_VN) does not apply ICU's Vietnamese collation in this Qt build "
            f"(pairs out of order: {wrong}); the sort key cannot be checked against it."
        )
    yield collator


def test_qcollator_applies_icu_vietnamese_rules(vi_collator: QCollator) -> None:
    """The reference collator really sorts by the vi tailoring (ă after a, tones)."""
    assert vi_collator.compare("ab", "ăa") < 0 and vi_collator.compare("ả", "ã") < 0


def test_icu_tone_order(vi_collator: QCollator) -> None:
    """ICU orders tones: none, huyền, hỏi, ngã, sắc, nặng."""
    tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
    in_icu_order = sorted(tones, key=functools.cmp_to_key(vi_collator.compare))
    assert in_icu_order == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_tabled_characters_agree_with_icu(vi_collator: QCollator) -> None:
    """Every tabled character compares with every other as ICU does, alone and in context."""
    characters = list(_WHITESPACE + _PUNCTUATION_AND_SYMBOLS + _DIGITS + _LETTERS)
    characters += [letter.upper() for letter in _LETTERS]
    characters += list("\u2018\u2019\u201a\u201c\u201d\u201e\u00f0\u00d0\u00a0\u2026\u00b2\uff41")
    disagreements = []
    for first in characters:
        for second in characters:
            for left, right in (
                (first, second),
                (first + "b", second + "a"),
                ("a" + first, "\u00e0" + second),
                (first + "\u0300", second),
                (first + "A", second + "a"),
            ):
                if _sign(vi_collator.compare(left, right)) != _key_order(left, right):
                    disagreements.append((left, right))
    assert disagreements == []


_Parts = tuple[str, str, str, int, int, str]
_CASES = st.sampled_from(("lower", "title", "upper", "swap"))


@st.composite
def syllable_parts(draw: st.DrawFn) -> _Parts:
    """Initial, nucleus, final, tone, which vowel carries it, and a case style."""
    nucleus = draw(st.sampled_from(_NUCLEI))
    return (
        draw(st.sampled_from(_INITIALS)),
        nucleus,
        draw(st.sampled_from(_FINALS)),
        draw(st.integers(0, len(_TONES) - 1)),
        draw(st.integers(0, len(nucleus) - 1)),
        draw(_CASES),
    )


def _syllable(parts: _Parts) -> str:
    """Spell a syllable, putting the tone on the chosen vowel (old or new placement)."""
    initial, nucleus, final, tone, position, case = parts
    toned = nucleus[:position] + nucleus[position] + _TONES[tone] + nucleus[position + 1 :]
    text = unicodedata.normalize("NFC", initial + toned + final)
    styles = {
        "lower": text,
        "title": text.title(),
        "upper": text.upper(),
        "swap": text.title().swapcase(),
    }
    return styles[case]


def _name(parts: list[_Parts], decomposed: bool) -> str:
    text = " ".join(_syllable(part) for part in parts)
    return unicodedata.normalize("NFD", text) if decomposed else text


names = st.builds(_name, st.lists(syllable_parts(), min_size=1, max_size=4), st.booleans())


def _same_letters(parts: _Parts) -> st.SearchStrategy[_Parts]:
    """The syllable's letters with any tone, tone position and case."""
    initial, nucleus, final = parts[:3]
    return st.tuples(
        st.just(initial),
        st.just(nucleus),
        st.just(final),
        st.integers(0, len(_TONES) - 1),
        st.integers(0, len(nucleus) - 1),
        _CASES,
    )


@st.composite
def name_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two names with the same letters that differ in tones, tone placement or case."""
    parts = draw(st.lists(syllable_parts(), min_size=1, max_size=4))
    changed = [draw(st.one_of(st.just(part), _same_letters(part))) for part in parts]
    return _name(parts, draw(st.booleans())), _name(changed, draw(st.booleans()))


@settings(max_examples=400, deadline=None)
@given(first=names, second=names)
def test_generated_names_order_as_icu(vi_collator: QCollator, first: str, second: str) -> None:
    """Any two generated Vietnamese names compare as ICU compares them."""
    assert _key_order(first, second) == _sign(vi_collator.compare(first, second))


@settings(max_examples=400, deadline=None)
@given(pair=name_pairs())
def test_names_differing_in_tones_and_case_order_as_icu(
    vi_collator: QCollator, pair: tuple[str, str]
) -> None:
    """Names with the same letters compare as ICU compares them (secondary, tertiary)."""
    first, second = pair
    assert _key_order(first, second) == _sign(vi_collator.compare(first, second))


_MIXED_ALPHABET = (
    " -/.,()'0123456789"
    + "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    + "AĂÂĐÊÔƠƯ"
    + "".join(_TONES)
    + "\u2019\u201c\u00a0"
)


@settings(max_examples=400, deadline=None)
@given(
    first=st.text(alphabet=_MIXED_ALPHABET, max_size=12),
    second=st.text(alphabet=_MIXED_ALPHABET, max_size=12),
)
def test_mixed_text_orders_as_icu(vi_collator: QCollator, first: str, second: str) -> None:
    """Letters, loose tone marks, digits, spaces and punctuation compare as ICU does."""
    assert _key_order(first, second) == _sign(vi_collator.compare(first, second))


def test_real_names_sort_as_icu(vi_collator: QCollator) -> None:
    """Sixty-odd real names and Huế place names sort identically both ways."""
    shuffled = random.Random(20250701).sample(_REAL_NAMES, len(_REAL_NAMES))
    by_icu = sorted(shuffled, key=functools.cmp_to_key(vi_collator.compare))
    assert vietnamese_sorted(shuffled) == by_icu


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("l;", "l\u00b7"),  # ICU reads "l·" as the Catalan letter ŀ
        ("Al\u00b7la", "All"),
        ("e\u0306\u031ba", "e\u0328\u0301a"),  # NFC leaves the horn loose after ĕ
        ("\u01a1", "o\u0328\u031b"),  # ǫ + horn contracts to ơ across the ogonek
        ("\u0323l", "\u0323l\u00b7"),  # a tone mark with no letter before it
        ("Ca\u200b\u0300", "C\u00e0"),  # an accent after a zero-width space
    ],
)
def test_edge_cases_order_as_icu(vi_collator: QCollator, first: str, second: str) -> None:
    """Pairs that a randomized comparison with ICU once got wrong now agree with it."""
    assert _key_order(first, second) == _sign(vi_collator.compare(first, second))
