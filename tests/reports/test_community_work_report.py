"""Petitions and mediation in the half-year report and the commune's roll-up: the figures the
DOCX and XLSX show equal those counted by hand from the records made, and no resident's
name reaches a document above the team."""

from __future__ import annotations

import datetime as dt
import html
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from builder_records import PHU_XUAN, add_villages
from builder_records import write_rendered as write
from community_records import (
    RESIDENT_NAMES,
    TEAM_CASES,
    TEAM_PETITIONS,
    VILLAGE_CASES,
    VILLAGE_PETITIONS,
    mediation_expected,
    petition_expected,
    team_community,
    village_community,
)
from docx.document import Document as DocxDocument
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from openpyxl.worksheet.worksheet import Worksheet
from report_tools import flat, pdf_text

from danvan_desktop.core.vocab import DISPUTE_KINDS, PETITION_FIELDS
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.session import Session

H1_START, H1_END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
HALF_ISSUED = dt.date(2026, 7, 6)  # figures counted up to the end of the half-year
YEAR_START, YEAR_END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
YEAR_ISSUED = dt.date(2027, 1, 10)
VILLAGES = ("Thôn An Hòa", "Tổ dân phố 5", "Tổ dân phố 7")  # Phú Xuân's, in the table's order
PETITION_LABELS = (
    ("received", "Kiến nghị, phản ánh tiếp nhận trong kỳ"),
    ("passed_on", "Đã chuyển đến cơ quan, đơn vị có thẩm quyền"),
    ("answered", "Đã được trả lời"),
    ("answered_in_time", "Trong đó: trả lời đúng hạn"),
    ("waiting", "Đang chờ trả lời"),
    ("overdue", "Trong đó: quá hạn trả lời"),
)
CASE_LABELS = (
    ("cases", "Vụ việc tham gia hòa giải trong kỳ"),
    ("settled", "Hòa giải thành"),
    ("not_settled", "Hòa giải không thành"),
    ("passed_on", "Chuyển cơ quan có thẩm quyền"),
    ("pending", "Chưa có kết quả"),
)
PETITION_KEYS = ("received", "passed_on", "answered", "answered_in_time", "waiting", "overdue")
CASE_KEYS = ("cases", "settled", "not_settled", "passed_on", "pending")


@pytest.fixture
def half_year(session: Session) -> Document:
    """The team's report of the first half of 2026, with its petitions and cases."""
    team_community(session)
    return build_report(
        session.store.db, "periodic_report", period="half_year", year=2026, month=1,
        issued_on=HALF_ISSUED,
    )  # fmt: skip


@pytest.fixture
def rollup_store(session: Session) -> Session:
    """The team's store with the ward's other villages and their petitions and cases."""
    team_community(session)
    add_villages(session)
    village_community(session)
    return session


@pytest.fixture
def rollup(rollup_store: Session) -> Document:
    """The ward's 2026 roll-up, issued in January 2027."""
    return build_report(rollup_store.store.db, "commune_rollup", year=2026, issued_on=YEAR_ISSUED)


# -- reading the files back ----------------------------------------------------------
def docx_table_after(result: DocxDocument, caption: str) -> list[list[str]]:
    """The rows of the table whose caption paragraph is ``caption``."""
    found = False
    for element in result.element.body.iterchildren():
        if element.tag.endswith("}p") and DocxParagraph(element, result).text == caption:
            found = True
        elif element.tag.endswith("}tbl") and found:
            return [[c.text for c in row.cells] for row in DocxTable(element, result).rows]
    raise AssertionError(f"no table captioned {caption!r}")


def sheet_of(path: Path, caption: str) -> Worksheet:
    """The XLSX sheet of the table captioned ``caption`` (sheet names are cut at 31)."""
    workbook = openpyxl.load_workbook(path)
    sheet = next(s for s in workbook.worksheets if caption.startswith(s.title))
    assert isinstance(sheet, Worksheet)
    return sheet


def sheet_row(sheet: Worksheet, column: int, text: str) -> list[Any]:
    """The values of the row whose cell in ``column`` holds ``text``."""
    for row in sheet.iter_rows(values_only=True):
        if row[column - 1] == text:
            return list(row)
    raise AssertionError(f"no row {text!r} in sheet {sheet.title!r}")


def file_text(path: Path) -> str:
    """All the text a DOCX or XLSX holds (every XML part, character references read), or
    the text of a PDF."""
    if path.suffix == ".pdf":
        return flat(pdf_text(path))
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            html.unescape(archive.read(name).decode("utf-8")) for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )  # fmt: skip


# -- the half-year report ------------------------------------------------------------
def test_hand_count_of_the_team_half_year() -> None:
    """The rows made count, by hand: six petitions and four cases in the first half."""
    petitions = petition_expected(TEAM_PETITIONS, H1_START, H1_END, H1_END)
    cases = mediation_expected(TEAM_CASES, H1_START, H1_END)
    assert [petitions[k] for k in PETITION_KEYS] == [6, 4, 3, 2, 3, 1]
    assert [cases[k] for k in CASE_KEYS] == [4, 1, 1, 1, 1]


def test_docx_petition_figures_equal_the_hand_count(half_year: Document) -> None:
    """The half-year DOCX's petition table shows each figure counted by hand."""
    expected = petition_expected(TEAM_PETITIONS, H1_START, H1_END, H1_END)
    rows = docx_table_after(docx.Document(_bytes(half_year, "docx")), _caption(half_year, 5))
    assert rows[1:] == [[label, str(expected[key])] for key, label in PETITION_LABELS]


def test_docx_petitions_by_field_equal_the_hand_count(half_year: Document) -> None:
    """Every field of the list with its count, and the total."""
    expected = petition_expected(TEAM_PETITIONS, H1_START, H1_END, H1_END)["by_field"]
    rows = docx_table_after(docx.Document(_bytes(half_year, "docx")), _caption(half_year, 6))
    assert [row[1:] for row in rows[1:-1]] == [
        [label, str(expected.get(code, 0))] for code, label in PETITION_FIELDS.items()
    ]
    assert rows[-1][-1] == str(sum(expected.values())) == "6"


def test_docx_mediation_figures_equal_the_hand_count(half_year: Document) -> None:
    """The half-year DOCX's mediation tables show the outcomes and kinds counted by hand."""
    expected = mediation_expected(TEAM_CASES, H1_START, H1_END)
    result = docx.Document(_bytes(half_year, "docx"))
    assert docx_table_after(result, _caption(half_year, 7))[1:] == [
        [label, str(expected[key])] for key, label in CASE_LABELS
    ]
    kinds = docx_table_after(result, _caption(half_year, 8))
    assert [row[1:] for row in kinds[1:-1]] == [
        [label, str(expected["by_kind"].get(code, 0))] for code, label in DISPUTE_KINDS.items()
    ]


def test_docx_sentences_give_the_figures(half_year: Document) -> None:
    """The sections' sentences, under their headings, give the same figures."""
    lines = [p.text for p in docx.Document(_bytes(half_year, "docx")).paragraphs]
    start = lines.index("5. Tiếp nhận, phản ánh kiến nghị của Nhân dân")
    assert lines[start + 1] == (
        "Trong kỳ, Tổ tiếp nhận 6 kiến nghị, phản ánh của Nhân dân; đã chuyển 4 kiến nghị, "
        "phản ánh đến cơ quan, đơn vị có thẩm quyền giải quyết; 3 kiến nghị, phản ánh đã được "
        "trả lời (2 trả lời đúng hạn). Đến ngày 30/06/2026, còn 3 kiến nghị, phản ánh đang "
        "chờ trả lời, trong đó 1 quá hạn trả lời."
    )
    start = lines.index("6. Tham gia hòa giải ở cơ sở")
    assert lines[start + 1] == (
        "Trong kỳ, Tổ tham gia hòa giải 4 vụ việc ở cơ sở: hòa giải thành 1 vụ việc, không "
        "thành 1 vụ việc, chuyển cơ quan có thẩm quyền 1 vụ việc; 1 vụ việc chưa có kết quả."
    )


def test_xlsx_holds_the_hand_counted_figures(half_year: Document, tmp_path: Path) -> None:
    """The XLSX sheets of the two sections hold the same figures, as numbers."""
    path = write(half_year, "xlsx", tmp_path)
    petitions = petition_expected(TEAM_PETITIONS, H1_START, H1_END, H1_END)
    cases = mediation_expected(TEAM_CASES, H1_START, H1_END)
    sheet = sheet_of(path, _caption(half_year, 5))
    assert [sheet_row(sheet, 1, label)[1] for _, label in PETITION_LABELS] == [
        petitions[key] for key, _ in PETITION_LABELS
    ]
    sheet = sheet_of(path, _caption(half_year, 7))
    assert [sheet_row(sheet, 1, label)[1] for _, label in CASE_LABELS] == [
        cases[key] for key, _ in CASE_LABELS
    ]


def test_quarter_without_petitions_says_so(session: Session) -> None:
    """A period with no petition or case says so in a sentence and has no such table."""
    document = build_report(
        session.store.db, "periodic_report", period="quarter", quarter=3, year=2026,
        issued_on=dt.date(2026, 10, 5),
    )  # fmt: skip
    lines = [p.text for p in docx.Document(_bytes(document, "docx")).paragraphs]
    assert "Trong kỳ, Tổ chưa tiếp nhận kiến nghị, phản ánh nào của Nhân dân." in lines
    assert "Trong kỳ, Tổ chưa tham gia hòa giải vụ việc nào ở cơ sở." in lines
    assert not [t for t in document.tables() if "kiến nghị" in t.title or "hòa giải" in t.title]


# -- the commune's roll-up -----------------------------------------------------------
def _village_rows() -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Each village of the ward (the team's own among them) with its petitions and cases."""
    own = {"Tổ dân phố 5": (TEAM_PETITIONS, TEAM_CASES)}
    return {
        name: own.get(name) or (VILLAGE_PETITIONS[name], VILLAGE_CASES[name]) for name in VILLAGES
    }


def test_rollup_petitions_one_row_per_village_and_total(rollup: Document) -> None:
    """Each village's petition figures, counted by hand, then the ward's totals."""
    result = docx.Document(_bytes(rollup, "docx"))
    rows = docx_table_after(result, _caption(rollup, 5))
    expected = [
        petition_expected(petitions, YEAR_START, YEAR_END, YEAR_END)
        for petitions, _ in _village_rows().values()
    ]
    assert rows[1:-1] == [
        [str(n), name, *(str(e[k]) for k in PETITION_KEYS)]
        for n, (name, e) in enumerate(zip(VILLAGES, expected, strict=True), start=1)
    ]
    assert rows[-1][2:] == [str(sum(e[k] for e in expected)) for k in PETITION_KEYS]
    assert rows[-1][2:] == ["12", "7", "5", "3", "7", "7"]


def test_rollup_mediation_one_row_per_village_and_total(rollup: Document) -> None:
    """Each village's cases by outcome, counted by hand, then the ward's totals."""
    rows = docx_table_after(docx.Document(_bytes(rollup, "docx")), _caption(rollup, 7))
    expected = [
        mediation_expected(cases, YEAR_START, YEAR_END) for _, cases in _village_rows().values()
    ]
    assert rows[1:-1] == [
        [str(n), name, *(str(e[k]) for k in CASE_KEYS)]
        for n, (name, e) in enumerate(zip(VILLAGES, expected, strict=True), start=1)
    ]
    assert rows[-1][2:] == [str(sum(e[k] for e in expected)) for k in CASE_KEYS]
    assert rows[-1][2:] == ["6", "2", "1", "1", "2"]


def test_rollup_by_field_sums_the_villages(rollup: Document) -> None:
    """The ward's petitions by field add up the villages' rows (the other ward's left out)."""
    by_field: dict[str, int] = {}
    for petitions, _ in _village_rows().values():
        for code, n in petition_expected(petitions, YEAR_START, YEAR_END, YEAR_END)[
            "by_field"
        ].items():
            by_field[code] = by_field.get(code, 0) + n
    rows = docx_table_after(docx.Document(_bytes(rollup, "docx")), _caption(rollup, 6))
    assert [row[1:] for row in rows[1:-1]] == [
        [label, str(by_field.get(code, 0))] for code, label in PETITION_FIELDS.items()
    ]


def test_rollup_xlsx_village_rows_hold_the_figures(rollup: Document, tmp_path: Path) -> None:
    """The XLSX sheets hold each village's figures as numbers, and the ward's totals."""
    path = write(rollup, "xlsx", tmp_path)
    petitions = sheet_of(path, _caption(rollup, 5))
    cases = sheet_of(path, _caption(rollup, 7))
    for name, (village_petitions, village_cases) in _village_rows().items():
        counted = petition_expected(village_petitions, YEAR_START, YEAR_END, YEAR_END)
        assert sheet_row(petitions, 2, name)[2:8] == [counted[k] for k in PETITION_KEYS]
        mediated = mediation_expected(village_cases, YEAR_START, YEAR_END)
        assert sheet_row(cases, 2, name)[2:7] == [mediated[k] for k in CASE_KEYS]
    assert sheet_row(petitions, 1, "Tổng cộng")[2:8] == [12, 7, 5, 3, 7, 7]
    assert sheet_row(cases, 1, "Tổng cộng")[2:7] == [6, 2, 1, 1, 2]


# -- no resident's name above the team -------------------------------------------------
@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_rollup_files_name_no_resident(rollup_store: Session, tmp_path: Path, fmt: str) -> None:
    """The ward's roll-up, exported, names villages but no petitioner and no party."""
    written = rollup_store.export_report(
        "commune_rollup", fmt, tmp_path, year=2026, issued_on=YEAR_ISSUED
    )
    text = file_text(written.path)
    assert "Thôn An Hòa" in text  # the search reads the file
    assert [name for name in RESIDENT_NAMES if name in text] == []


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_ward_statistics_name_no_resident(rollup_store: Session, tmp_path: Path, fmt: str) -> None:
    """The ward's model statistics (a scope above the team) name no resident either."""
    written = rollup_store.export_report(
        "model_statistics", fmt, tmp_path, commune_code=PHU_XUAN, issued_on=YEAR_ISSUED
    )
    text = file_text(written.path)
    assert "Thôn An Hòa" in text
    assert [name for name in RESIDENT_NAMES if name in text] == []


def test_team_half_year_report_counts_without_names(rollup_store: Session, tmp_path: Path) -> None:
    """The team's own half-year report gives its petitions and cases as counts only."""
    written = rollup_store.export_report(
        "periodic_report", "docx", tmp_path, period="half_year", year=2026, month=1,
        issued_on=HALF_ISSUED,
    )  # fmt: skip
    text = file_text(written.path)
    assert "Tiếp nhận, phản ánh kiến nghị của Nhân dân" in text
    assert [name for name in RESIDENT_NAMES if name in text] == []


def _bytes(document: Document, fmt: str) -> Any:
    import io

    from danvan_desktop.reports.registry import render

    return io.BytesIO(render(document, fmt))


def _caption(document: Document, number: int) -> str:
    """The caption of table «Bảng ``number``» of ``document``."""
    return next(t.title for t in document.tables() if t.title.startswith(f"Bảng {number}."))
