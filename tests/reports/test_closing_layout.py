"""The end of a document: the signature never alone on a page, recipients with it, «./.»,
numbering with siblings only, and no caption repeating its heading."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from report_tools import pdf_text

from danvan_desktop.reports.document import (
    Block,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    Paragraph,
    Recipients,
    SignatureBlock,
    Table,
)
from danvan_desktop.reports.docx_xml import w
from danvan_desktop.reports.registry import render

LINE = "Tổ đã vận động các hộ dân hiến đất, góp ngày công làm đường bê tông kiệt {n}."
LAST = "Đây là đoạn cuối cùng của phần nội dung báo cáo"
SIGNER = "Nguyễn Văn An"


def _document(paragraphs: int, *, preset: str = "state", left: bool = False) -> Document:
    blocks: list[Block] = [Paragraph.of(LINE.format(n=n)) for n in range(paragraphs)]
    blocks.append(Paragraph.of(LAST))
    return Document(
        kind=DocumentKind.REPORT,
        preset=preset,
        issuing_body="Tổ dân vận tổ dân phố 5",
        unit_abbreviation="TDV",
        place="Phú Xuân",
        date=date(2026, 1, 5),
        title="Báo cáo",
        subtitle="Kết quả công tác dân vận",
        blocks=blocks,
        signature_left=SignatureBlock("THƯ KÝ", "Trần Thị Bích") if left else None,
        signature_right=SignatureBlock("TỔ TRƯỞNG", SIGNER, "TM. TỔ DÂN VẬN"),
        recipients=Recipients(["Đảng ủy phường Phú Xuân", "Chi bộ tổ dân phố 5"], "Tổ dân vận"),
    )


def _pages(document: Document, tmp_path: Path) -> list[str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(render(document, "pdf"))
    return [" ".join(page.split()) for page in pdf_text(path).split("\f") if page.strip()]


@pytest.mark.parametrize("left", [False, True])
def test_pdf_signature_keeps_the_last_lines_of_the_body(tmp_path: Path, left: bool) -> None:
    """Whatever the body's length, the page with the signature also has the body's last
    line (and, when they fit, the recipients)."""
    for paragraphs in range(14, 34):
        pages = _pages(_document(paragraphs, left=left), tmp_path)
        signed = next(page for page in pages if SIGNER in page)
        assert LAST in signed, (paragraphs, pages[-1][:80])
        assert "Nơi nhận:" in signed and "Lưu: Tổ dân vận." in signed, paragraphs


def test_pdf_signature_after_a_table_keeps_its_last_row(tmp_path: Path) -> None:
    """A body ending in a table keeps the table's last row with the signature."""
    for rows in range(20, 44):
        table = Table(
            [Column(0.5), Column(3.0)],
            [[HeaderCell("TT"), HeaderCell("Nội dung")]],
            rows=[[n, f"Hàng số {n} của bảng"] for n in range(1, rows + 1)],
        )
        document = _document(0)
        document.blocks = [Heading("I. KẾT QUẢ"), table, Heading("II. NHIỆM VỤ"), table]
        pages = _pages(document, tmp_path)
        signed = next(page for page in pages if SIGNER in page)
        assert f"Hàng số {rows} của bảng" in signed, rows


def _paragraphs_with(result: docx.document.Document, text: str) -> list[object]:
    return [p for p in result.element.body.iter(w("p")) if text in "".join(p.itertext())]


def test_docx_last_lines_keep_with_the_signature_row() -> None:
    """Word keeps the last body paragraph with the next one, the signature row whole and
    with the recipients, and the recipients together."""
    result = docx.Document(io.BytesIO(render(_document(3, left=True), "docx")))
    (last,) = _paragraphs_with(result, LAST)
    assert last.find(f"{w('pPr')}/{w('keepNext')}") is not None  # type: ignore[attr-defined]
    row = result.tables[-1].rows[0]._tr
    assert row.find(f"{w('trPr')}/{w('cantSplit')}") is not None
    row_paragraphs = list(row.iter(w("p")))
    assert all(p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in row_paragraphs)
    heading = result.paragraphs[[p.text for p in result.paragraphs].index("Nơi nhận:")]
    assert heading.paragraph_format.keep_with_next is True
    assert result.paragraphs[-1].paragraph_format.keep_with_next is not True


@pytest.mark.slow
def test_libreoffice_opens_the_docx_and_signs_beside_the_last_lines(
    libreoffice: Callable[..., list[Path]], tmp_path: Path
) -> None:
    """LibreOffice, headless, opens each DOCX; the signature's page has the last line."""
    sources = []
    for paragraphs in range(16, 30, 2):
        source = tmp_path / f"doc-{paragraphs}.docx"
        source.write_bytes(render(_document(paragraphs, left=True), "docx"))
        sources.append(source)
    for converted in libreoffice("pdf", tmp_path / "pdf", *sources):
        pages = [" ".join(p.split()) for p in pdf_text(converted).split("\f") if p.strip()]
        signed = next(page for page in pages if SIGNER in page)
        assert LAST in signed, converted.name


def test_state_documents_close_with_the_mark_party_ones_do_not(tmp_path: Path) -> None:
    """Decree 30's «./.» follows the last words; the Party preset adds none."""
    state = " ".join(_pages(_document(1), tmp_path))
    party = " ".join(_pages(_document(1, preset="party"), tmp_path))
    assert f"{LAST}./." in state
    assert LAST in party and f"{LAST}./." not in party


def test_a_lone_number_is_dropped_and_a_repeated_caption_not_printed(tmp_path: Path) -> None:
    """«1.» with no «2.» beside it is no numbering; a caption equal to its heading goes."""
    table = Table([Column()], [[HeaderCell("Tên")]], rows=[["Chi hội Phụ nữ"]], title="Cá nhân")
    document = _document(0)
    document.blocks = [Heading("NỘI DUNG"), Heading("1. Kết luận", 2), Heading("I. CÁ NHÂN"), table]
    lines = [p.text for p in docx.Document(io.BytesIO(render(document, "docx"))).paragraphs]
    assert "Kết luận" in lines and "1. Kết luận" not in lines
    assert "CÁ NHÂN" in lines and "I. CÁ NHÂN" not in lines
    assert "Cá nhân" not in lines
    assert "./." in lines  # after the closing table, on a line of its own


def test_pdf_heading_and_table_header_never_end_a_page_alone(tmp_path: Path) -> None:
    """A heading over a one-row table, and the table's header, go with its row."""
    table = Table(
        [Column(0.5), Column(3.0)],
        [[HeaderCell("TT"), HeaderCell("Nội dung công việc")]],
        rows=[[1, "Hoàn thiện hồ sơ đề nghị khen thưởng"]],
    )
    for paragraphs in range(18, 32):
        document = _document(paragraphs)
        document.blocks[-1:-1] = [Heading("7. Phân công nhiệm vụ", 2), table]
        for page in _pages(document, tmp_path):
            if "Phân công nhiệm vụ" in page or "Nội dung công việc" in page:
                assert "Hoàn thiện hồ sơ đề nghị khen thưởng" in page, paragraphs
