"""DOCX renderer: a Document laid out by a preset, as Word and LibreOffice expect it.

The header is a borderless two-column table (issuing body left, national name
right), as real Vietnamese office documents are built, so that users who edit
the file in Word find the usual structure. Page numbers sit in the header of
every page but the first (a different first-page header with a PAGE field).

The signature never stands alone on a page: the last lines of the body are kept
with the next paragraph (Word's keep-with-next; for a body ending in a table, its
last rows), the signature table's row does not split and keeps with the recipients
below it, and the recipients keep together, so Word moves them all to the next page
together when they do not fit (and only the recipients when the whole will not fit
on one page).
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.font import Font
from docx.text.paragraph import Paragraph as DocxParagraph

from danvan_desktop.reports import docx_xml
from danvan_desktop.reports.common import (
    DRAFT_MARK,
    number_line,
    place_date_line,
    printed_blocks,
    recipient_lines,
    tail_start,
)
from danvan_desktop.reports.document import (
    Align,
    Attachment,
    Block,
    BulletList,
    Document,
    Heading,
    LabelledLines,
    Paragraph,
    Run,
    SignatureBlock,
    Table,
)
from danvan_desktop.reports.docx_xml import XmlElement, clean, w
from danvan_desktop.reports.fonts import text_width_mm
from danvan_desktop.reports.presets import Mark, Preset, TextStyle

PLAIN_STYLE = "DanvanPlain"
DRAFT_BOX_ROOM_MM = 6.0
HEADING_STYLE = "DanvanHeading{level}"
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
ParagraphHost = DocxDocument | _Cell


def render_docx(document: Document, preset: Preset) -> bytes:
    """The document as DOCX bytes."""
    out = docx.Document()
    _set_up_page(out, preset)
    _set_up_styles(out, preset)
    _add_page_numbers(out, preset)
    if document.draft:
        _add_draft_mark(out, preset)
    _add_header_block(out, document, preset)
    _add_title(out, document, preset)
    _add_body(out, printed_blocks(document.blocks, preset), preset)
    _add_closing(out, document, preset)
    for attachment in document.attachments:
        _add_attachment(out, attachment, preset)
    out.core_properties.title = clean(f"{document.title} {document.subtitle}".strip())
    out.core_properties.author = clean(document.issuing_body)
    out.core_properties.language = "vi-VN"
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def text_width(preset: Preset) -> float:
    """The width between the left and right margins of A4, in millimetres."""
    return 210.0 - preset.margins.left - preset.margins.right


def _set_up_page(out: DocxDocument, preset: Preset) -> None:
    section = out.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(preset.margins.top)
    section.bottom_margin = Mm(preset.margins.bottom)
    section.left_margin = Mm(preset.margins.left)
    section.right_margin = Mm(preset.margins.right)
    # The page number sits half-way up the top margin.
    section.header_distance = Mm(preset.margins.top / 2 - 3)
    section.footer_distance = Mm(preset.margins.bottom / 2)


def _set_up_styles(out: DocxDocument, preset: Preset) -> None:
    defaults = out.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    assert defaults is not None
    docx_xml.set_fonts(defaults, preset.docx_font)
    for lang in defaults.findall(w("lang")):
        lang.set(w("val"), "vi-VN")
    normal = out.styles["Normal"]
    normal.font.size = Pt(preset.body.size_pt)
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = Cm(preset.body.first_line_indent_cm)
    body.space_before, body.space_after = Pt(0), Pt(preset.body.space_after_pt)
    body.line_spacing = preset.body.line_spacing
    body.widow_control = True
    plain = _add_paragraph_style(out, PLAIN_STYLE, "Normal")
    plain.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    plain.paragraph_format.first_line_indent = Cm(0)
    plain.paragraph_format.space_after = Pt(0)
    plain.paragraph_format.line_spacing = 1.0
    for name, style in (
        (docx_xml.TABLE_TEXT_STYLE, preset.table_text),
        (docx_xml.TABLE_HEADER_STYLE, preset.table_header),
    ):
        _apply_style(_add_paragraph_style(out, name, PLAIN_STYLE).font, style)
    for level, heading in enumerate(preset.headings, start=1):
        added = _add_paragraph_style(out, HEADING_STYLE.format(level=level), "Normal")
        _apply_style(added.font, heading)
        added.paragraph_format.keep_with_next = True
        ppr = added.element.get_or_add_pPr()
        outline = OxmlElement("w:outlineLvl")
        outline.set(w("val"), str(level - 1))
        ppr.append(outline)


def _add_paragraph_style(out: DocxDocument, name: str, base: str) -> ParagraphStyle:
    style: ParagraphStyle = out.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = out.styles[base]
    style.quick_style = True
    return style


def _apply_style(font: Font, style: TextStyle) -> None:
    font.size = Pt(style.size_pt)
    font.bold = style.bold
    font.italic = style.italic
    font.underline = style.underline or None


def _add_page_numbers(out: DocxDocument, preset: Preset) -> None:
    section = out.sections[0]
    section.different_first_page_header_footer = not preset.page_number_on_first_page
    # An explicit, empty first-page header: without one some readers reuse the default.
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = out.styles[PLAIN_STYLE]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in docx_xml.page_field_runs(preset.page_number.size_pt):
        paragraph._p.append(run)


def _add_draft_mark(out: DocxDocument, preset: Preset) -> None:
    """«DỰ THẢO», bold in a box at the top right of the first page."""
    style = TextStyle(preset.number.size_pt, bold=True)
    mark = _write(out, DRAFT_MARK, style, "center")
    # The box is as wide as the paragraph: indent it to the text and a little room.
    box = text_width_mm(DRAFT_MARK, style.size_pt, bold=True) + DRAFT_BOX_ROOM_MM
    mark.paragraph_format.left_indent = Mm(text_width(preset) - box)
    mark.paragraph_format.space_after = Pt(6)
    docx_xml.box_paragraph(mark._p.get_or_add_pPr())


def _add_header_block(out: DocxDocument, document: Document, preset: Preset) -> None:
    left = text_width(preset) * preset.header_left_fraction
    right = text_width(preset) - left
    number, place_date = number_line(document, preset), place_date_line(document)
    table = out.add_table(rows=2 if number or place_date else 1, cols=2)
    docx_xml.borderless_table_properties(table._tbl, [left, right])
    issuer = table.cell(0, 0)
    if document.managing_body:
        _write(issuer, document.managing_body, preset.managing_body)
    _write(issuer, document.issuing_body, preset.issuing_body)
    _add_mark(issuer, preset.issuing_mark, preset.issuing_body, left)
    nation = table.cell(0, 1)
    for line in preset.top_right_lines:
        _write(nation, line.text, line.style)
    if preset.top_right_rule and preset.top_right_lines:
        last = preset.top_right_lines[-1]
        length = text_width_mm(last.text, last.style.size_pt, bold=last.style.bold)
        nation._tc.append(docx_xml.rule_paragraph(length, right))
    if number:
        written = _write(table.cell(1, 0), number, preset.number)
        written.paragraph_format.space_before = Pt(6)
    if place_date:
        date_line = _write(table.cell(1, 1), place_date, preset.place_date)
        date_line.paragraph_format.space_before = Pt(6)


def _add_title(out: DocxDocument, document: Document, preset: Preset) -> None:
    _add_title_lines(out, document.title, document.subtitle, document.note, preset)


def _add_title_lines(
    out: DocxDocument, title: str, subtitle: str, note: str, preset: Preset
) -> DocxParagraph:
    written = _write(out, title, preset.title)
    written.paragraph_format.space_before = Pt(18)
    written.paragraph_format.keep_with_next = True
    if subtitle:
        _write(out, subtitle, preset.subtitle).paragraph_format.keep_with_next = True
    if note:
        italic = TextStyle(preset.subtitle.size_pt, italic=True)
        _write(out, note, italic).paragraph_format.keep_with_next = True
    _add_mark(out, preset.subtitle_mark, preset.subtitle, text_width(preset))
    out.paragraphs[-1].paragraph_format.space_after = Pt(12)
    return written


def _add_attachment(out: DocxDocument, attachment: Attachment, preset: Preset) -> None:
    """An attachment from a new page: its title, subtitle and note, then its blocks."""
    title = _add_title_lines(out, attachment.title, attachment.subtitle, attachment.note, preset)
    title.paragraph_format.page_break_before = True
    for block in printed_blocks(attachment.blocks, preset):
        _add_block(out, block, preset)


def _add_body(out: DocxDocument, blocks: list[Block], preset: Preset) -> None:
    """The body's blocks; the paragraphs of the last ones keep with the signature."""
    tail = tail_start(blocks)
    for index, block in enumerate(blocks):
        added = _add_block(out, block, preset)
        if index >= tail:
            for element in added:
                docx_xml.keep_with_next(element)


def _add_mark(host: ParagraphHost, mark: Mark, style: TextStyle, box_width_mm: float) -> None:
    if mark.kind == "rule":
        element = docx_xml.rule_paragraph(mark.length_mm, box_width_mm)
        if isinstance(host, _Cell):
            host._tc.append(element)
        else:
            _body_append(host, element)
        return
    _write(host, mark.text, TextStyle(style.size_pt, bold=style.bold))


def _write(
    host: ParagraphHost, text: str, style: TextStyle, align: Align = "center"
) -> DocxParagraph:
    """A plain (unindented, unspaced) paragraph of one run in the given style."""
    paragraph: DocxParagraph
    if isinstance(host, _Cell) and len(host.paragraphs) == 1 and not host.paragraphs[0].text:
        paragraph = host.paragraphs[0]
        paragraph.style = PLAIN_STYLE
    else:
        paragraph = host.add_paragraph(style=PLAIN_STYLE)
    paragraph.alignment = _ALIGN[align]
    run = paragraph.add_run(clean(style.apply_caps(text)))
    _apply_style(run.font, style)
    return paragraph


def _body_append(out: DocxDocument, element: XmlElement) -> None:
    body = out.element.body
    section = body.find(w("sectPr"))
    if section is None:
        body.append(element)
    else:
        section.addprevious(element)


def _add_block(out: DocxDocument, block: Block, preset: Preset) -> list[XmlElement]:
    """Add one block; return the paragraphs that keep it with what follows, when asked."""
    if isinstance(block, Heading):
        level = HEADING_STYLE.format(level=_level(block, preset))
        return [out.add_paragraph(clean(block.text), style=level)._p]
    if isinstance(block, Paragraph):
        paragraph = out.add_paragraph()
        paragraph.alignment = _ALIGN[block.align]
        if not block.first_line_indent:
            paragraph.paragraph_format.first_line_indent = Cm(0)
        _add_runs(paragraph, block.runs)
        return [paragraph._p]
    if isinstance(block, BulletList):
        return [out.add_paragraph(clean(f"{block.marker} {item}"))._p for item in block.items]
    if isinstance(block, LabelledLines):
        added = []
        for line in block.lines:
            runs = [Run(f"{line.label}: ", bold=block.bold_labels), Run(line.value)]
            paragraph = out.add_paragraph()
            _add_runs(paragraph, runs)
            added.append(paragraph._p)
        return added
    return _add_table(out, block, preset)


def _level(heading: Heading, preset: Preset) -> int:
    return min(max(heading.level, 1), len(preset.headings))


def _add_runs(paragraph: DocxParagraph, runs: list[Run]) -> None:
    for run in runs:
        added = paragraph.add_run(clean(run.text))
        added.bold = run.bold or None
        added.italic = run.italic or None


def _add_table(out: DocxDocument, table: Table, preset: Preset) -> list[XmlElement]:
    """The table (captioned when it has a title); returns the paragraphs of its last two
    rows and the spacer after it, the part that keeps with a signature."""
    if table.title:
        caption = _write(out, table.title, preset.table_caption)
        caption.paragraph_format.space_after = Pt(6)
        caption.paragraph_format.keep_with_next = True
    written = docx_xml.data_table(table, preset, text_width(preset))
    _body_append(out, written)
    # A paragraph after every table: Word merges tables that touch.
    spacer = out.add_paragraph(style=PLAIN_STYLE)
    spacer.paragraph_format.space_after = Pt(6)
    last_rows = written.findall(w("tr"))[-2:]
    return [p for row in last_rows for p in row.iter(w("p"))] + [spacer._p]


def _add_closing(out: DocxDocument, document: Document, preset: Preset) -> None:
    left_width = text_width(preset) * preset.header_left_fraction
    widths = [left_width, text_width(preset) - left_width]
    if document.signature_left is None and document.signature_right is None:
        if document.recipients is not None:
            _add_recipients(out, document, preset)
        return
    spacer = out.add_paragraph(style=PLAIN_STYLE)
    spacer.paragraph_format.space_after = Pt(6)
    spacer.paragraph_format.keep_with_next = True
    table = out.add_table(rows=1, cols=2)
    docx_xml.borderless_table_properties(table._tbl, widths)
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    row_properties.append(OxmlElement("w:cantSplit"))
    if document.signature_left is not None:
        _add_signature(table.cell(0, 0), document.signature_left, preset)
    elif document.recipients is not None:
        _add_recipients(table.cell(0, 0), document, preset)
    if document.signature_right is not None:
        _add_signature(table.cell(0, 1), document.signature_right, preset)
    below = document.signature_left is not None and document.recipients is not None
    # Every line of the row keeps with the next: the row stays one block, and with the
    # recipients written under it.
    for paragraph in table._tbl.iter(w("p")):
        if below or paragraph.getnext() is not None:
            docx_xml.keep_with_next(paragraph)
    if below:
        _add_recipients(out, document, preset)


def _add_signature(cell: _Cell, signature: SignatureBlock, preset: Preset) -> None:
    if signature.prefix:
        _write(cell, signature.prefix, preset.signature_title)
    _write(cell, signature.role, preset.signature_title)
    name = _write(cell, signature.name, preset.signature_name)
    name.paragraph_format.space_before = Mm(preset.signature_space_mm)


def _add_recipients(host: ParagraphHost, document: Document, preset: Preset) -> None:
    assert document.recipients is not None
    heading = _write(host, preset.recipients_heading_text, preset.recipients_heading, "left")
    if not isinstance(host, _Cell):
        heading.paragraph_format.space_before = Pt(12)
    written = [heading]
    for line in recipient_lines(document.recipients, preset):
        written.append(_write(host, line, preset.recipients_item, "left"))
    for paragraph in written[:-1]:  # the list stays together
        paragraph.paragraph_format.keep_with_next = True
