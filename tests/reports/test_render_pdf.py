"""PDF output read back with poppler: exact Vietnamese text, embedded fonts, pages, tables."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import cast

from report_tools import flat, pdf_text, require_program, run_tool

from danvan_desktop.reports.document import (
    Block,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Paragraph,
    Table,
    TotalsRow,
)
from danvan_desktop.reports.presets import load_preset
from danvan_desktop.reports.registry import render
from danvan_desktop.reports.sample_documents import statistics_table

RenderedFile = Callable[[str, str], Path]
# A body row of the statistics sample: ordinal, then "Tổ dân phố 12" or "Thôn 12".
ROW = re.compile(r"^\s*(\d+)\s+(?:Tổ dân phố|Thôn) \d+\s")


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields."""
    output = run_tool(require_program("pdfinfo", "poppler-utils"), str(path))
    pairs = (line.split(":", 1) for line in output.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def layout_text(path: Path, *pages: int) -> str:
    """pdftotext -layout: table rows stay on one line."""
    tool = require_program("pdftotext", "poppler-utils")
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return run_tool(tool, "-layout", "-enc", "UTF-8", *span, str(path), "-")


def write_pdf(tmp_path: Path, document: Document) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(render(document, "pdf"))
    return path


def small_document(blocks: Sequence[Block]) -> Document:
    return Document(
        kind=DocumentKind.REPORT,
        preset="state",
        issuing_body="Tổ dân vận thôn 3",
        unit_abbreviation="TDV",
        place="Huế",
        date=date(2026, 2, 3),
        title="Báo cáo",
        blocks=list(blocks),
    )


def test_header_lines_are_exact(rendered_file: RenderedFile) -> None:
    """National name, motto, issuer, number and the place-date line read back exactly."""
    lines = pdf_text(rendered_file("bien-ban-hop", "pdf"), 1).splitlines()
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHƯỜNG KIM LONG",
        "TỔ DÂN VẬN TỔ DÂN PHỐ 5",
        "Số: 07/BB-TDV",
        "Huế, ngày 05 tháng 11 năm 2026",
        "BIÊN BẢN",
        "Họp Tổ dân vận tháng 11 năm 2026",
    ):
        assert expected in lines


def test_justified_body_text_is_exact(rendered_file: RenderedFile) -> None:
    """A justified paragraph reads back word for word."""
    text = flat(pdf_text(rendered_file("bien-ban-hop", "pdf")))
    assert (
        "Trong tháng, Tổ dân vận đã phối hợp với Ban công tác Mặt trận vận động 14 hộ hiến "
        "320 m² đất, góp 86 ngày công mở rộng kiệt 12; duy trì mô hình “Tuyến đường hoa kiểu "
        "mẫu” và hòa giải thành 1 vụ việc mâu thuẫn trong cộng đồng dân cư."
    ) in text


def test_closing_block(rendered_file: RenderedFile) -> None:
    """Signatures and recipients, the archive copy last."""
    text = pdf_text(rendered_file("bien-ban-hop", "pdf"))
    lines = [line for line in text.splitlines() if line.strip()]
    for expected in ("THƯ KÝ", "CHỦ TRÌ", "Trần Thị Bích", "Nguyễn Văn An", "Nơi nhận:"):
        assert expected in lines
    assert lines[-1] == "- Lưu: Tổ dân vận."


def test_fonts_are_embedded_subsets(rendered_file: RenderedFile) -> None:
    """Every font is the bundled Liberation Serif, embedded as a subset with a Unicode map."""
    output = run_tool(
        require_program("pdffonts", "poppler-utils"), str(rendered_file("bao-cao-6-thang", "pdf"))
    )
    rows = [line.split() for line in output.splitlines()[2:]]
    assert rows
    for row in rows:
        name, embedded, subset, unicode_map = row[0], row[-5], row[-4], row[-3]
        assert "+LiberationSerif" in name
        assert (embedded, subset, unicode_map) == ("yes", "yes", "yes")


def test_page_is_a4(rendered_file: RenderedFile) -> None:
    """A4 portrait."""
    assert pdf_info(rendered_file("bien-ban-hop", "pdf"))["Page size"] == (
        "595.28 x 841.89 pts (A4)"
    )


def test_page_number_from_page_two_only(rendered_file: RenderedFile) -> None:
    """Page 1 carries no number; page 2 starts with "2" (drawn in the top margin)."""
    path = rendered_file("bang-thong-ke", "pdf")
    assert pdf_text(path, 1).split()[0] != "1"
    assert pdf_text(path, 2).split()[0] == "2"


def test_table_header_repeats_on_the_next_page(rendered_file: RenderedFile) -> None:
    """Both header rows are drawn again above the rows that continue on page 2."""
    text = layout_text(rendered_file("bang-thong-ke", "pdf"), 2)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0].strip() == "2"
    assert "Số mô hình" in lines[1] and "Kết quả vận động" in lines[1]
    assert "Tổ dân phố, thôn" in text
    # Three header lines (the second header row wraps), then the rows go on.
    assert ROW.match(lines[5]) is not None


def test_table_totals_row(rendered_file: RenderedFile) -> None:
    """The totals row carries the column sums, written with Vietnamese grouping."""
    path = rendered_file("bang-thong-ke", "pdf")
    table = statistics_table().tables()[0]
    land = sum(cast(int, row[6]) for row in table.rows)
    (totals,) = [line for line in layout_text(path).splitlines() if "Tổng cộng" in line]
    assert totals.split()[-1] == f"{land:,}".replace(",", ".")


def test_table_rows_keep_their_order(rendered_file: RenderedFile) -> None:
    """All 60 rows come out, in order, each once."""
    text = layout_text(rendered_file("bang-thong-ke", "pdf"))
    rows = [ROW.match(line) for line in text.splitlines()]
    assert [int(row.group(1)) for row in rows if row] == list(range(1, 61))


def test_row_taller_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    """A cell of 150 lines is split over pages instead of running off the paper."""
    lines = "\n".join(f"Ý kiến số {index}" for index in range(1, 151))
    table = Table(
        [Column(0.5), Column(4)], [[HeaderCell("TT"), HeaderCell("Ý kiến")]], [[1, lines]]
    )
    path = write_pdf(tmp_path, small_document([table]))
    assert int(pdf_info(path)["Pages"]) >= 3
    text = pdf_text(path)
    assert "Ý kiến số 1\n" in text
    assert "Ý kiến số 150" in text


def test_empty_table_still_has_header_and_zero_totals(tmp_path: Path) -> None:
    """A table with no rows prints its header and totals of 0."""
    table = Table(
        [Column(), Column(align="right")],
        [[HeaderCell("Đơn vị"), HeaderCell("Ngày công")]],
        rows=[],
        totals=TotalsRow("Tổng cộng", [1]),
    )
    text = layout_text(write_pdf(tmp_path, small_document([table])))
    (totals,) = [line for line in text.splitlines() if "Tổng cộng" in line]
    assert totals.split()[-1] == "0"


def test_decomposed_input_prints_composed_text(tmp_path: Path) -> None:
    """NFD text is composed before drawing, so it reads back (and renders) as NFC."""
    decomposed = unicodedata.normalize("NFD", "Người có uy tín ở thôn Phước Tích")
    text = flat(pdf_text(write_pdf(tmp_path, small_document([Paragraph.of(decomposed)]))))
    assert "Người có uy tín ở thôn Phước Tích" in text


def test_party_header_and_signature(rendered_file: RenderedFile) -> None:
    """Party layout: the Party's name, "*", "Số 12-BC/CB", "T/M CHI BỘ"."""
    lines = pdf_text(rendered_file("bao-cao-6-thang", "pdf")).splitlines()
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 12-BC/CB", "T/M CHI BỘ", "BÍ THƯ"):
        assert expected in lines


def test_year_end_rollup_has_every_meeting(tmp_path: Path) -> None:
    """The budget-sized roll-up prints all 1,200 meeting rows and both totals rows."""
    from danvan_desktop.reports.sample_rollup import year_end_rollup

    text = layout_text(write_pdf(tmp_path, year_end_rollup()))
    assert text.count("Tổng cộng") == 2
    meeting_row = re.compile(r"^\s*(\d+)\s+\d\d/\d\d/2026\s")
    ordinals = [int(m.group(1)) for m in map(meeting_row.match, text.splitlines()) if m]
    assert ordinals == list(range(1, 1201))


def test_preset_can_number_the_first_page_too(tmp_path: Path) -> None:
    """With page_number.first_page true, page 1 starts with "1"."""
    preset = dataclasses.replace(load_preset("state"), page_number_on_first_page=True)
    path = tmp_path / "numbered.pdf"
    path.write_bytes(render(small_document([]), "pdf", preset=preset))
    assert pdf_text(path, 1).split()[0] == "1"
