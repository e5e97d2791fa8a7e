"""The team's regulation as a document: chapters and articles, members, both presets."""

from __future__ import annotations

from pathlib import Path

import docx
from builder_records import docx_lines, docx_of
from report_tools import flat, pdf_text

from danvan_desktop.core.i18n import set_language
from danvan_desktop.reports.builders import build_report, report_kind
from danvan_desktop.reports.builders.regulation import markdown_blocks
from danvan_desktop.reports.document import BulletList, DocumentKind, Heading, Paragraph
from danvan_desktop.session import Session


def _table_texts(result: docx.document.Document) -> list[str]:
    """The text of every cell of the layout tables (letterhead, signature, recipients)."""
    return [cell.text for table in result.tables for row in table.rows for cell in row.cells]


def test_kind_is_registered_for_text_formats() -> None:
    """«regulation» is a kind of its own, DOCX and PDF, not numbered by the app."""
    kind = report_kind("regulation")
    assert (kind.label(), kind.formats, kind.numbered) == (
        "Quy chế hoạt động của Tổ",
        ("docx", "pdf"),
        False,
    )


def test_markdown_becomes_headings_lists_and_paragraphs() -> None:
    """Chapters are outer headings, articles inner ones; dashes make one list."""
    blocks = markdown_blocks(
        "## Chương I\n\n### Điều 1. Phạm vi\n\nDòng một\nnối tiếp **đậm**.\n\n- Một\n- Hai\n"
    )
    assert blocks == [
        Heading("Chương I", level=1),
        Heading("Điều 1. Phạm vi", level=2),
        Paragraph.of("Dòng một nối tiếp đậm."),
        BulletList(["Một", "Hai"]),
    ]


def test_model_text_when_the_team_wrote_none(session: Session) -> None:
    """Without a text of its own the team gets the city's model, filled in."""
    document = build_report(session.store.db, "regulation")
    assert (document.kind, document.number) == (DocumentKind.REGULATION, None)
    assert (document.title, document.subtitle) == (
        "Quy chế",
        "Hoạt động của Tổ dân vận tổ dân phố 5",
    )
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings[:2] == ["Chương I. QUY ĐỊNH CHUNG", "Điều 1. Phạm vi áp dụng"]
    assert ["Nguyễn Văn An, Bí thư chi bộ: Tổ trưởng."] in [
        b.items for b in document.blocks if isinstance(b, BulletList)
    ]


def test_docx_carries_the_teams_own_text(session: Session) -> None:
    """The saved text, the adoption date and the members' copy reach the DOCX."""
    session.save_regulation(
        text="## Chương I. CHUNG\n\n### Điều 1. Họp\n\nTổ họp vào tối thứ Bảy cuối tháng.",
        adopted_on="2026-01-05",
    )
    result = docx_of(build_report(session.store.db, "regulation"))
    lines = docx_lines(result)
    assert "QUY CHẾ" in lines
    assert "(Thông qua ngày 05/01/2026)" in lines
    assert "Tổ họp vào tối thứ Bảy cuối tháng." in lines
    recipients = next(t for t in _table_texts(result) if t.startswith("Nơi nhận:"))
    # The team's own papers are the Party cell's by default: its archive keeps the copy.
    assert recipients.splitlines()[-2:] == ["- Các thành viên của tổ;", "- Lưu Chi bộ."]


def test_party_preset_signs_for_the_party_cell(session: Session) -> None:
    """In the Party preset the cell issues it and signs «T/M CHI BỘ»; still no number."""
    cells = _table_texts(docx_of(build_report(session.store.db, "regulation", preset="party")))
    assert "T/M CHI BỘ\nBÍ THƯ\nNguyễn Văn An" in cells
    assert not any(text.startswith("Số") for text in cells)


def test_regulation_is_issued_with_a_decision(session: Session) -> None:
    """No number or date line of its own; under the title the Party cell's decision it goes
    with."""
    result = docx_of(build_report(session.store.db, "regulation"))
    assert len(result.tables[0].rows) == 1  # issuer and the Party's name only
    assert "(Ban hành kèm theo Quyết định số …… ngày …… của Chi bộ tổ dân phố 5)" in (
        docx_lines(result)
    )


def test_exported_pdf_reads_back(session: Session, tmp_path: Path) -> None:
    """Export through the session writes a PDF whose text has the articles."""
    written = session.export_report("regulation", "pdf", tmp_path)
    text = flat(pdf_text(written.path))
    assert "QUY CHẾ" in text and "Điều 15. Hiệu lực thi hành" in text


def test_exported_docx_is_named_after_the_title(session: Session, tmp_path: Path) -> None:
    """The file takes the document's name; python-docx opens it."""
    written = session.export_report("regulation", "docx", tmp_path)
    assert written.path.name == "Quy chế hoạt động của Tổ dân vận tổ dân phố 5.docx"
    assert docx.Document(str(written.path)).paragraphs


def test_kind_label_in_english() -> None:
    """The kind's name is translated for the English interface."""
    set_language("en")
    try:
        assert report_kind("regulation").label() == "Team operating regulation"
    finally:
        set_language("vi")


def test_model_regulation_carries_its_reference_note(session: Session) -> None:
    """Until the team edits it, the exported model says under its title it is a reference."""
    document = build_report(session.store.db, "regulation")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    body = [t for t in texts if not t.startswith(("(Ban hành kèm theo", "(Thông qua ngày"))]
    assert body[0].startswith("(Bản tham khảo: quy chế mẫu này do ứng dụng cung cấp")
    assert "*" not in body[0]


def test_adoption_day_fills_the_blank_left_in_the_text(session: Session) -> None:
    """A text made from the model before the day was known gets the day from the record."""
    session.save_regulation(
        text="### Điều 15. Hiệu lực\n\nQuy chế được Chi bộ thông qua ngày …; có hiệu lực ngay.",
        adopted_on="2026-01-05",
    )
    lines = docx_lines(docx_of(build_report(session.store.db, "regulation")))
    assert "Quy chế được Chi bộ thông qua ngày 05/01/2026; có hiệu lực ngay." in lines


def test_model_text_leaves_a_blank_to_fill_without_the_day(session: Session) -> None:
    """Without the day the model leaves «……» to be written in by hand."""
    document = build_report(session.store.db, "regulation")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert any("Chi bộ tổ dân phố 5 thông qua ngày ……; có hiệu lực" in t for t in texts)
