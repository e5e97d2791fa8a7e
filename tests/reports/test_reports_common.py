"""Text every renderer shares: numbers, number lines, recipients."""

from __future__ import annotations

import unicodedata
from datetime import date

from danvan_desktop.reports.common import format_value, nfc, number_line, recipient_lines
from danvan_desktop.reports.document import Column, Document, DocumentKind, Recipients
from danvan_desktop.reports.presets import load_preset

STATE = load_preset("state")
PARTY = load_preset("party")


def test_integers_are_grouped_with_dots() -> None:
    """Vietnamese digit grouping uses a dot."""
    assert format_value(1234567, Column(), STATE) == "1.234.567"


def test_ordinal_columns_are_not_grouped() -> None:
    """An ordinal or year column is written without grouping."""
    assert format_value(2026, Column(group_thousands=False), STATE) == "2026"


def test_floats_use_a_decimal_comma() -> None:
    """Decimals use a comma and lose trailing zeros."""
    assert format_value(1234.5, Column(), STATE) == "1.234,5"
    assert format_value(3.0, Column(), STATE) == "3"


def test_negative_and_empty_values() -> None:
    """Negative numbers keep their sign; None is an empty cell."""
    assert format_value(-1500, Column(), STATE) == "-1.500"
    assert format_value(None, Column(), STATE) == ""


def test_recipient_lines_end_with_the_archive_copy() -> None:
    """Items end with ";", the archive line with "." (state: "Lưu: ")."""
    recipients = Recipients(["Đảng ủy phường (b/c);", "Thành viên Tổ"], "VT.")
    assert recipient_lines(recipients, STATE) == [
        "- Đảng ủy phường (b/c);",
        "- Thành viên Tổ;",
        "- Lưu: VT.",
    ]


def test_party_archive_line_has_no_colon() -> None:
    """The Party preset writes "- Lưu Chi bộ."."""
    assert recipient_lines(Recipients([], "Chi bộ"), PARTY) == ["- Lưu Chi bộ."]


def test_number_line_follows_the_preset() -> None:
    """The same document is numbered the state or the Party way."""
    document = Document(
        kind=DocumentKind.REPORT,
        preset="party",
        issuing_body="Chi bộ Tổ dân phố 5",
        unit_abbreviation="CB",
        place="Huế",
        date=date(2026, 7, 2),
        title="Báo cáo",
        number=12,
    )
    assert number_line(document, PARTY) == "Số 12-BC/CB"
    assert number_line(document, STATE) == "Số: 12/BC-CB"


def test_nfc_composes_decomposed_vietnamese() -> None:
    """Decomposed input (as pasted from some editors) becomes precomposed."""
    decomposed = unicodedata.normalize("NFD", "Dân vận khéo")
    assert nfc(decomposed) == "Dân vận khéo"
    assert len(nfc(decomposed)) == len("Dân vận khéo")
