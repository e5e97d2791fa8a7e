"""CSV text in UTF-8 or Windows-1258 is read as Unicode NFC; TCVN3 and VNI text is recognised."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from import_files import TCVN3_NAMES, VNI_NAMES, windows_1258

from danvan_desktop.core import vocab
from danvan_desktop.importing.encodings import (
    TCVN3,
    UTF8,
    UTF16,
    VNI,
    WINDOWS_1258,
    decode_csv,
    legacy_encoding,
)

ROOT = Path(__file__).parents[2]


def test_utf8_with_bom_is_read_without_it() -> None:
    """Excel's «CSV UTF-8» starts with a BOM; the text does not."""
    assert decode_csv("\ufeffHọ và tên".encode()) == ("Họ và tên", UTF8)


def test_excels_unicode_text_is_utf16() -> None:
    """«Unicode Text (*.txt)» from Excel is UTF-16 after a BOM."""
    data = codecs.BOM_UTF16_LE + "Họ và tên\tChức vụ".encode("utf-16-le")
    assert decode_csv(data) == ("Họ và tên\tChức vụ", UTF16)


def test_windows_1258_is_decoded_to_nfc() -> None:
    """Windows-1258 writes «ễ» as «ê» and a combining tilde; the text read is composed."""
    data = windows_1258("Nguyễn Văn An")
    assert b"\xde" in data  # the combining tilde: the file really is decomposed
    text, encoding = decode_csv(data)
    assert (text, encoding) == ("Nguyễn Văn An", WINDOWS_1258)
    assert unicodedata.is_normalized("NFC", text)


def test_decomposed_utf8_is_composed() -> None:
    """UTF-8 text in NFD (pasted from a Mac) is read in NFC."""
    text, _ = decode_csv(unicodedata.normalize("NFD", "Đường hoa").encode())
    assert text == "Đường hoa"


@pytest.mark.parametrize("name", TCVN3_NAMES)
def test_tcvn3_text_is_recognised(name: str) -> None:
    """Names typed with a .VnTime font, as Excel shows them, are TCVN3."""
    assert legacy_encoding(name) == TCVN3


@pytest.mark.parametrize("name", VNI_NAMES)
def test_vni_text_is_recognised(name: str) -> None:
    """Names typed with a VNI-Times font are VNI."""
    assert legacy_encoding(name) == VNI


def test_tcvn3_bytes_of_a_csv_are_recognised_after_decoding() -> None:
    """A CSV saved from a TCVN3 sheet is not UTF-8; decoded, its text is still recognised."""
    text, encoding = decode_csv(b"Nguy\xd4n V\xa8n An")
    assert encoding == WINDOWS_1258
    assert legacy_encoding(text) == TCVN3


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "«Dân vận khéo»",
        "Hòa giải ở cơ sở",
        "Thuở ấy, người dân huơ tay",
        "Khuê, Quý, Thúy, Hoàng, Nguyệt",
        "Nhiệt độ 25°C, 1,5 ha",
        "ĐƯỜNG HOA SÁNG XANH",
        "0905 123 456",
    ],
)
def test_vietnamese_unicode_is_not_taken_for_an_old_encoding(text: str) -> None:
    """Ordinary Vietnamese (capitals, quotes, «uơ», figures) shows no old encoding."""
    assert legacy_encoding(text) is None


def test_no_line_of_the_handbook_or_the_guide_looks_legacy() -> None:
    """Thousands of lines of real Vietnamese (handbook, regulation, user guide) give no
    false alarm."""
    paths = [
        *sorted((ROOT / "resources" / "handbook").glob("*.md")),
        *sorted((ROOT / "resources" / "regulation").glob("*.md")),
        ROOT / "docs" / "huong-dan-su-dung.md",
    ]
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [text for name in dir(vocab) if isinstance(getattr(vocab, name), dict)
              for text in getattr(vocab, name).values() if isinstance(text, str)]  # fmt: skip
    assert len(lines) > 1000
    assert [line for line in lines if legacy_encoding(line)] == []
