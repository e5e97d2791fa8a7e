"""Tests for Vietnamese normalisation, search folding and the sort key (no Qt needed)."""

from __future__ import annotations

import time
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from danvan_desktop.core.vntext import (
    fold_vietnamese,
    normalize_text,
    vietnamese_sort_key,
    vietnamese_sorted,
    word_match_spans,
)

_VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VOWELS = "aăâeêioôơuưy"


def _all_vietnamese_letters() -> str:
    """Every letter of the Vietnamese alphabet, with every tone on the vowels, both cases."""
    toned = [
        unicodedata.normalize("NFC", vowel + mark) for vowel in _VOWELS for mark in _TONE_MARKS
    ]
    lower = "".join(sorted(set(_VIETNAMESE_LETTERS) | set(toned)))
    return lower + lower.upper()


vietnamese_text = st.text(alphabet=_all_vietnamese_letters() + " \t\n", max_size=40)


def test_normalize_composes_decomposed_input() -> None:
    """Decomposed text from an input method becomes NFC."""
    assert normalize_text("Nguye\u0302\u0303n") == "Nguyễn"


def test_normalize_keeps_old_and_new_tone_placement() -> None:
    """'hoà' and 'hòa' are both correct spellings and stay as typed."""
    assert (normalize_text("hoà"), normalize_text("hòa")) == ("hoà", "hòa")


def test_normalize_strips_zero_width_characters_and_bom() -> None:
    """BOM, zero-width space, non-joiner and word joiner disappear."""
    assert normalize_text("\ufeffDân\u200b vận\u200c khé\u2060o") == "Dân vận khéo"


def test_normalize_composes_across_removed_zero_width_space() -> None:
    """An accent separated from its letter by a zero-width space is composed with it."""
    assert normalize_text("Ca\u200b\u0300") == "Cà"


def test_normalize_drops_joiner_between_letters() -> None:
    """A zero-width joiner inside a word is removed."""
    assert normalize_text("Hu\u200dế") == "Huế"


def test_normalize_keeps_joiner_inside_emoji_sequence() -> None:
    """The joiner that builds a family emoji is kept."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert normalize_text(f"Gia đình {family}") == f"Gia đình {family}"


def test_normalize_converts_crlf_and_cr_to_lf() -> None:
    """Windows and old Mac line ends become LF."""
    assert normalize_text("Dòng 1\r\nDòng 2\rDòng 3") == "Dòng 1\nDòng 2\nDòng 3"


def test_normalize_trims_only_trailing_whitespace() -> None:
    """Trailing spaces and newlines go; leading and inner whitespace stay."""
    assert normalize_text("  Tổ  dân vận \t\r\n\n ") == "  Tổ  dân vận"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising twice changes nothing more."""
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_output_is_nfc(text: str) -> None:
    """The result is always in NFC."""
    assert unicodedata.is_normalized("NFC", normalize_text(text))


def test_fold_duong() -> None:
    """'Đường' folds to 'duong'."""
    assert fold_vietnamese("Đường") == "duong"


def test_fold_dan_van_kheo() -> None:
    """'Dân vận khéo' folds to 'dan van kheo'."""
    assert fold_vietnamese("Dân vận khéo") == "dan van kheo"


def test_fold_upper_case_name() -> None:
    """Upper-case text folds to lower case without accents."""
    assert fold_vietnamese("ĐẶNG THỊ ÁNH") == "dang thi anh"


def test_fold_collapses_and_trims_whitespace() -> None:
    """Runs of whitespace become one space; the ends are trimmed."""
    assert fold_vietnamese("  Phường\tThuận \u00a0 An \n") == "phuong thuan an"


def test_fold_drops_zero_width_space_inside_word() -> None:
    """A zero-width space pasted inside a word does not split it."""
    assert fold_vietnamese("Đư\u200bờng") == "duong"


def test_fold_tone_placement_variants_alike() -> None:
    """Old and new tone placement fold to the same text."""
    assert fold_vietnamese("Thuỷ hoà") == fold_vietnamese("Thủy hòa") == "thuy hoa"


def test_fold_eth_typed_for_d_with_stroke() -> None:
    """The look-alike Icelandic eth (from legacy-encoding converters) folds like Đ."""
    assert fold_vietnamese("Ðà Nẵng") == "da nang"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    """Folding folded text changes nothing."""
    once = fold_vietnamese(text)
    assert fold_vietnamese(once) == once


@given(st.text())
def test_fold_nfc_and_nfd_input_alike(text: str) -> None:
    """Composed and decomposed forms of the same text fold the same."""
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert fold_vietnamese(nfc) == fold_vietnamese(nfd)


@given(vietnamese_text)
def test_fold_of_vietnamese_is_plain_ascii(text: str) -> None:
    """Vietnamese-alphabet text folds to lower-case ASCII letters and single spaces."""
    folded = fold_vietnamese(text)
    assert set(folded) <= set("abcdefghijklmnopqrstuvwxyz ")


def test_sort_alphabet_order() -> None:
    """The 29 letters sort in Vietnamese alphabet order."""
    shuffled = list("yxvưutsrqpơônmlkihgêeđdcbâăoa")
    assert "".join(vietnamese_sorted(shuffled)) == "aăâbcdđeêghiklmnoôơpqrstuưvxy"


def test_sort_tone_order() -> None:
    """Tones order: none, huyền, hỏi, ngã, sắc, nặng."""
    assert vietnamese_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == [
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
    ]


def test_sort_letters_decide_before_tones() -> None:
    """A later letter outweighs an earlier tone."""
    assert vietnamese_sorted(["ác", "àb", "ab"]) == ["ab", "àb", "ác"]


def test_sort_earlier_tone_decides_first() -> None:
    """With the same letters, the first tone difference from the left decides."""
    assert vietnamese_sorted(["Hòa", "Hoà", "Hoa"]) == ["Hoa", "Hoà", "Hòa"]


def test_sort_case_after_tones() -> None:
    """Lower case comes before upper case, and only when letters and tones tie."""
    assert vietnamese_sorted(["Ân", "ăn", "An", "an", "Àn"]) == ["an", "An", "Àn", "ăn", "Ân"]


def test_sort_d_with_stroke_after_d() -> None:
    """Đ is a letter of its own after D."""
    assert vietnamese_sorted(["Đào", "Dung", "Em", "Duy"]) == ["Dung", "Duy", "Đào", "Em"]


def test_sort_space_before_letters() -> None:
    """A space sorts before any letter, so shorter words come first."""
    assert vietnamese_sorted(["Anh", "An Bình", "An"]) == ["An", "An Bình", "Anh"]


def test_sort_digits_one_by_one_before_letters() -> None:
    """Digits compare one at a time and sort before letters."""
    assert vietnamese_sorted(["Tổ A", "Tổ 2", "Tổ 10", "Tổ 1"]) == ["Tổ 1", "Tổ 10", "Tổ 2", "Tổ A"]


def test_sort_punctuation_before_digits() -> None:
    """Punctuation sorts before digits: '-' < '/' < '1'."""
    assert vietnamese_sorted(["K1", "K/", "K-"]) == ["K-", "K/", "K1"]


def test_sort_key_same_for_nfc_and_nfd() -> None:
    """The key does not depend on the Unicode form of the input."""
    name = "Nguyễn Thị Ngọc Ẩn"
    assert vietnamese_sort_key(unicodedata.normalize("NFD", name)) == vietnamese_sort_key(name)


def test_sort_key_ignores_zero_width_space() -> None:
    """Invisible format characters do not change the key."""
    assert vietnamese_sort_key("Hu\u200bế\ufeff") == vietnamese_sort_key("Huế")


def test_sort_key_is_bytes() -> None:
    """The key is bytes, so it can be stored and compared as a SQLite BLOB."""
    assert isinstance(vietnamese_sort_key("Huế"), bytes)


def test_sorted_with_key_function_and_reverse() -> None:
    """vietnamese_sorted sorts records by the text a key function returns."""
    people = [("b", "Đặng"), ("a", "Dương"), ("c", "Ân")]
    assert vietnamese_sorted(people, key=lambda person: person[1], reverse=True) == [
        ("b", "Đặng"),
        ("a", "Dương"),
        ("c", "Ân"),
    ]


@given(st.text())
def test_sort_key_same_for_nfc_and_nfd_of_any_text(text: str) -> None:
    """Any text gives the same key in NFC and in NFD."""
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert vietnamese_sort_key(nfc) == vietnamese_sort_key(nfd)


def test_sort_key_cheap_for_100k_names() -> None:
    """Keys for 100,000 names take well under two seconds (about 0.25 s here)."""
    names = [f"Nguyễn Thị Ngọc Ánh {number}" for number in range(100_000)]
    started = time.perf_counter()
    for name in names:
        vietnamese_sort_key(name)
    assert time.perf_counter() - started < 2.0


def _marked(text: str, tokens: list[str]) -> list[str]:
    return [text[a:b] for a, b in word_match_spans(text, tokens)]


def test_prefix_match_marks_the_whole_syllable() -> None:
    """«đán» (folded «dan») finds «đánh» and marks all of it, never «đán|h»."""
    assert _marked("Cách đánh giá mô hình", ["dan"]) == ["đánh"]


def test_every_word_the_prefix_begins_is_marked_whole() -> None:
    """Diacritics are optional: «dan» marks «Dân», «dân» and «đánh», each whole."""
    assert _marked("Dân vận: dân biết, đánh giá", ["dan"]) == ["Dân", "dân", "đánh"]


def test_a_prefix_inside_a_word_is_not_a_match() -> None:
    """«anh» does not mark the middle of «đánh»: words match from their start only."""
    assert _marked("Cách đánh giá", ["anh"]) == []


def test_decomposed_text_is_marked_to_the_end_of_the_word() -> None:
    """In decomposed text the tone mark after the last letter stays inside the mark."""
    text = unicodedata.normalize("NFD", "Hội Nông dân")
    assert _marked(text, ["no"]) == [unicodedata.normalize("NFD", "Nông")]
