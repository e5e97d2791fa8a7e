"""DOCX output read back with python-docx: page, fonts, header block, numbering, tables."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from danvan_desktop.reports.document import (
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Paragraph,
    Table,
)
from danvan_desktop.reports.presets import load_preset
from danvan_desktop.reports.registry import render
from danvan_desktop.reports.sample_rollup import year_end_rollup

TWIPS_PER_MM = 1440 / 25.4
RenderedFile = Callable[[str, str], Path]


@pytest.fixture(scope="module")
def minutes(rendered_file: RenderedFile) -> DocxDocument:
    """The meeting minutes sample (state preset), opened with python-docx."""
    return docx.Document(str(rendered_file("bien-ban-hop", "docx")))


@pytest.fixture(scope="module")
def party_report(rendered_file: RenderedFile) -> DocxDocument:
    """The half-year report sample (Party preset)."""
    return docx.Document(str(rendered_file("bao-cao-6-thang", "docx")))


@pytest.fixture(scope="module")
def statistics(rendered_file: RenderedFile) -> DocxDocument:
    """The statistics table sample: two header rows, 60 units, totals."""
    return docx.Document(str(rendered_file("bang-thong-ke", "docx")))


def run_format(paragraph: DocxParagraph) -> tuple[str, bool, bool, float]:
    """Text, bold, italic and size of a one-run paragraph."""
    (run,) = paragraph.runs
    return paragraph.text, bool(run.bold), bool(run.italic), length(run.font.size).pt


def length(value: Length | None) -> Length:
    """A length python-docx may report as None (inherited); here it must be set."""
    assert value is not None
    return value


def rule_length_mm(paragraph: DocxParagraph, cell_width_mm: float) -> float:
    """The length of a rule drawn as the bottom border of an indented empty paragraph."""
    ppr = paragraph._p.pPr
    assert ppr is not None
    border = ppr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:val")) == "single"
    indent = ppr.find(qn("w:ind"))
    sides = int(indent.get(qn("w:left"))) + int(indent.get(qn("w:right")))
    return cell_width_mm - sides / TWIPS_PER_MM


def test_page_is_a4_portrait_with_preset_margins(minutes: DocxDocument) -> None:
    """A4, margins top 20, bottom 20, left 30, right 15 mm."""
    section = minutes.sections[0]
    # Word stores whole twips: 210 mm is 11,906 twips, a hundredth of a millimetre over.
    size = (length(section.page_width).mm, length(section.page_height).mm)
    assert size == pytest.approx((210, 297), abs=0.02)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [length(margin).mm for margin in margins] == pytest.approx([20, 20, 30, 15], abs=0.02)


def test_every_script_slot_names_times_new_roman(minutes: DocxDocument) -> None:
    """Document defaults name Times New Roman for ASCII, Vietnamese (hAnsi) and the rest."""
    defaults = minutes.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {slot: fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "eastAsia": "Times New Roman",
        "cs": "Times New Roman",
    }
    assert fonts.get(qn("w:asciiTheme")) is None


def test_body_style(minutes: DocxDocument) -> None:
    """Body: 14 pt, justified, 1.27 cm first-line indent, 6 pt after, 1.15 spacing."""
    normal = minutes.styles["Normal"]
    body = normal.paragraph_format
    assert normal.font.size == Pt(14)
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.first_line_indent == Cm(1.27)
    assert body.space_after == Pt(6)
    assert body.line_spacing == 1.15


def test_top_right_block_is_national_name_and_motto(minutes: DocxDocument) -> None:
    """National name 13 pt bold caps, motto 14 pt bold, then a rule as long as the motto."""
    cell = minutes.tables[0].cell(0, 1)
    name, motto, rule = cell.paragraphs
    assert run_format(name) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 13)
    assert run_format(motto) == ("Độc lập - Tự do - Hạnh phúc", True, False, 14)
    # The motto set in 14 pt bold Times New Roman is 60.5 mm wide.
    assert rule_length_mm(rule, length(cell.width).mm) == pytest.approx(60.5, abs=0.3)


def test_top_left_block_is_issuer_with_a_short_rule(minutes: DocxDocument) -> None:
    """Managing body 13 pt regular caps, issuing body 13 pt bold caps, a 22 mm rule."""
    cell = minutes.tables[0].cell(0, 0)
    managing, issuing, rule = cell.paragraphs
    assert run_format(managing) == ("PHƯỜNG KIM LONG", False, False, 13)
    assert run_format(issuing) == ("TỔ DÂN VẬN TỔ DÂN PHỐ 5", True, False, 13)
    assert rule_length_mm(rule, length(cell.width).mm) == pytest.approx(22, abs=0.1)


def test_number_and_place_date_line(minutes: DocxDocument) -> None:
    """ "Số: 07/BB-TDV" 13 pt left; the place-date line 14 pt italic right."""
    header = minutes.tables[0]
    assert run_format(header.cell(1, 0).paragraphs[0]) == ("Số: 07/BB-TDV", False, False, 13)
    place_date = run_format(header.cell(1, 1).paragraphs[0])
    assert place_date == ("Huế, ngày 05 tháng 11 năm 2026", False, True, 14)


def test_header_table_has_no_borders(minutes: DocxDocument) -> None:
    """The two-column header is a borderless table."""
    borders = minutes.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"none"}


def test_title_is_bold_caps_and_centred(minutes: DocxDocument) -> None:
    """ "BIÊN BẢN" 14 pt bold, centred, then the meeting's name."""
    title, subtitle = minutes.paragraphs[0], minutes.paragraphs[1]
    assert run_format(title) == ("BIÊN BẢN", True, False, 14)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert subtitle.text == "Họp Tổ dân vận tháng 11 năm 2026"


def test_page_numbers_skip_the_first_page(minutes: DocxDocument) -> None:
    """A PAGE field in the default header; a different, empty first-page header."""
    section = minutes.sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [node.text for node in header._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    first = section.first_page_header
    assert first.is_linked_to_previous is False
    assert list(first._element.iter(qn("w:instrText"))) == []


def test_recipients_close_with_the_archive_copy(minutes: DocxDocument) -> None:
    """ "Nơi nhận:" 12 pt bold italic, items 11 pt, last "- Lưu: Tổ dân vận."."""
    texts = [p.text for p in minutes.paragraphs]
    start = texts.index("Nơi nhận:")
    assert run_format(minutes.paragraphs[start]) == ("Nơi nhận:", True, True, 12)
    items = minutes.paragraphs[start + 1 :]
    assert [p.text for p in items][-1] == "- Lưu: Tổ dân vận."
    assert {length(p.runs[0].font.size).pt for p in items} == {11}


def test_minutes_signatures_secretary_left_chair_right(minutes: DocxDocument) -> None:
    """Secretary signs left, chair right, names in bold."""
    signatures = minutes.tables[-1]
    left = [p.text for p in signatures.cell(0, 0).paragraphs]
    right = [p.text for p in signatures.cell(0, 1).paragraphs]
    assert (left, right) == (["THƯ KÝ", "Trần Thị Bích"], ["CHỦ TRÌ", "Nguyễn Văn An"])


def test_vietnamese_body_text_is_exact(minutes: DocxDocument) -> None:
    """Body text comes through unchanged, in NFC."""
    texts = [p.text for p in minutes.paragraphs]
    closing = (
        "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày. Biên bản đã được đọc lại cho "
        "các thành viên dự họp nghe và nhất trí 100%./."
    )
    assert closing in texts
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_party_header(party_report: DocxDocument) -> None:
    """Party preset: "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule, "*" under the issuer, Party number."""
    header = party_report.tables[0]
    issuer = [p.text for p in header.cell(0, 0).paragraphs]
    assert issuer == ["ĐẢNG BỘ PHƯỜNG KIM LONG", "CHI BỘ TỔ DÂN PHỐ 5", "*"]
    party, rule = header.cell(0, 1).paragraphs
    assert run_format(party) == ("ĐẢNG CỘNG SẢN VIỆT NAM", True, False, 15)
    assert rule_length_mm(rule, length(header.cell(0, 1).width).mm) == pytest.approx(72.9, abs=0.3)
    assert header.cell(1, 0).paragraphs[0].text == "Số 12-BC/CB"


def test_party_signature_prefix(party_report: DocxDocument) -> None:
    """The Party cell signs "T/M CHI BỘ", "BÍ THƯ"; recipients sit left of it."""
    closing = party_report.tables[-1]
    assert [p.text for p in closing.cell(0, 1).paragraphs] == [
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Nguyễn Văn An",
    ]
    assert closing.cell(0, 0).paragraphs[-1].text == "- Lưu Chi bộ."


def test_data_table_header_rows_repeat_and_span(statistics: DocxDocument) -> None:
    """Both header rows repeat on every page; spans become gridSpan and vMerge."""
    table = statistics.tables[1]
    rows = table._tbl.findall(qn("w:tr"))
    repeating = [row for row in rows if row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None]
    assert len(repeating) == 2
    spans = [int(span.get(qn("w:val"))) for span in rows[0].iter(qn("w:gridSpan"))]
    assert spans == [3, 2]
    assert len(list(rows[1].iter(qn("w:vMerge")))) == 2


def test_data_table_rows_and_totals(statistics: DocxDocument) -> None:
    """60 body rows between the 2 header rows and the totals row, whose sums match."""
    table = statistics.tables[1]
    assert len(table.rows) == 2 + 60 + 1
    body = [[cell.text for cell in row.cells] for row in table.rows[2:-1]]
    land = sum(int(row[6].replace(".", "")) for row in body)
    totals = [cell.text for cell in table.rows[-1].cells]
    assert totals[0] == "Tổng cộng"
    assert totals[-1] == f"{land:,}".replace(",", ".")


def test_year_end_rollup_tables_are_complete() -> None:
    """The budget-sized document keeps every row: 500 models and 1,200 meetings."""
    result = docx.Document(io.BytesIO(render(year_end_rollup(), "docx")))
    models, meetings = result.tables[1], result.tables[2]
    assert (len(models.rows), len(meetings.rows)) == (2 + 500 + 1, 1 + 1200 + 1)
    assert meetings.rows[1200].cells[0].text == "1200"


def small_document(**changes: object) -> Document:
    fields: dict[str, object] = dict(
        kind=DocumentKind.NOTICE,
        preset="state",
        issuing_body="Tổ dân vận thôn 3",
        unit_abbreviation="TDV",
        place="Huế",
        date=date(2026, 2, 3),
        title="Thông báo",
    )
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def test_draft_leaves_the_number_blank(tmp_path: Path) -> None:
    """A document without a number prints the gap for a hand-written one."""
    result = docx.Document(io.BytesIO(render(small_document(), "docx")))
    assert result.tables[0].cell(1, 0).paragraphs[0].text == "Số:      /TB-TDV"


def test_decomposed_and_control_characters_are_cleaned() -> None:
    """NFD text is composed and a pasted vertical tab does not break the XML."""
    text = unicodedata.normalize("NFD", "Ý kiến\x0b của bà Lan")
    table = Table([Column()], [[HeaderCell("Ghi chú")]], rows=[[text]])
    result = docx.Document(
        io.BytesIO(render(small_document(blocks=[Paragraph.of(text), table]), "docx"))
    )
    assert "Ý kiến của bà Lan" in [p.text for p in result.paragraphs]
    assert result.tables[1].rows[1].cells[0].text == "Ý kiến của bà Lan"


def test_without_managing_body_the_issuer_stands_alone() -> None:
    """No managing body: the issuing body, then its rule, nothing above."""
    result = docx.Document(io.BytesIO(render(small_document(), "docx")))
    issuer = [p.text for p in result.tables[0].cell(0, 0).paragraphs]
    assert issuer == ["TỔ DÂN VẬN THÔN 3", ""]


def test_preset_can_number_the_first_page_too() -> None:
    """With page_number.first_page true there is no separate first-page header."""
    preset = dataclasses.replace(load_preset("state"), page_number_on_first_page=True)
    result = docx.Document(io.BytesIO(render(small_document(), "docx", preset=preset)))
    assert result.sections[0].different_first_page_header_footer is False
