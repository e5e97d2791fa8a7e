"""PDF renderer on fpdf2: no Word or LibreOffice at run time, the bundled serif embedded.

The layout follows the DOCX one (two-column header, centred title, justified
body, signature and recipients side by side) from the same preset. Page numbers
are drawn by our own page header, centred in the top margin, from page 2 on.

The signature never starts a page alone: before the last lines of the body are
drawn, their height and the signature's (with the recipients under it, when the
two fit on one page) are measured, and the page breaks before those lines when
they do not fit; a body ending in a table keeps its last rows with the signature.
"""

from __future__ import annotations

from fpdf import FPDF

from danvan_desktop.reports.common import (
    DRAFT_MARK,
    nfc,
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
from danvan_desktop.reports.fonts import FONT_FILES, font_file, wrap_text
from danvan_desktop.reports.pdf_table import PT, SINGLE_LINE_EM, TableDrawer
from danvan_desktop.reports.presets import Mark, Preset, TextStyle

FAMILY = "LiberationSerif"
RULE_WIDTH_MM = 0.25
DRAFT_BOX_PADDING_MM = 1.5
_ALIGN = {"left": "L", "center": "C", "right": "R", "justify": "J"}


class _OfficialPdf(FPDF):
    """An A4 page set whose header is the page number, skipped on page 1 by default."""

    def __init__(self, preset: Preset) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.preset = preset

    def header(self) -> None:
        """Draw the page number centred in the top margin."""
        if self.page_no() == 1 and not self.preset.page_number_on_first_page:
            return
        size = self.preset.page_number.size_pt
        height = line_height(size)
        self.set_font(FAMILY, "", size)
        self.set_xy(self.l_margin, (self.t_margin - height) / 2)
        self.cell(self.epw, height, str(self.page_no()), align="C")
        self.set_xy(self.l_margin, self.t_margin)


def line_height(size_pt: float, spacing: float = 1.0) -> float:
    """The height of one line of text in mm, as Word computes single spacing."""
    return size_pt * PT * SINGLE_LINE_EM * spacing


def render_pdf(document: Document, preset: Preset) -> bytes:
    """The document as PDF bytes with the bundled fonts embedded (subset)."""
    pdf = _OfficialPdf(preset)
    margins = preset.margins
    pdf.set_margins(margins.left, margins.top, margins.right)
    pdf.set_auto_page_break(True, margins.bottom)
    for key, _ in FONT_FILES.items():
        pdf.add_font(FAMILY, key, str(font_file(key)))
    pdf.set_title(nfc(f"{document.title} {document.subtitle}".strip()))
    pdf.set_author(nfc(document.issuing_body))
    pdf.set_creator("Dân vận khéo Desktop")
    pdf.set_lang("vi-VN")
    pdf.add_page()
    if document.draft:
        _draft_mark(pdf, preset)
    _header_block(pdf, document, preset)
    _title_block(pdf, document, preset)
    _body(pdf, printed_blocks(document.blocks, preset), preset, _closing_height(document, preset))
    _closing(pdf, document, preset)
    for attachment in document.attachments:
        _attachment(pdf, attachment, preset)
    return bytes(pdf.output())


def _draft_mark(pdf: FPDF, preset: Preset) -> None:
    """«DỰ THẢO», bold in a box at the top right of the first page."""
    style = TextStyle(preset.number.size_pt, bold=True)
    _set_style(pdf, style)
    pdf.c_margin = DRAFT_BOX_PADDING_MM
    width = pdf.get_string_width(DRAFT_MARK) + 2 * DRAFT_BOX_PADDING_MM
    height = line_height(style.size_pt) + 1.0
    pdf.set_xy(pdf.l_margin + pdf.epw - width, pdf.t_margin)
    pdf.cell(width, height, DRAFT_MARK, border=1, align="C")
    pdf.set_xy(pdf.l_margin, pdf.t_margin + height + 6 * PT)


def _set_style(pdf: FPDF, style: TextStyle, *, italic: bool | None = None) -> None:
    slant = style.italic if italic is None else italic
    flags = ("B" if style.bold else "") + ("I" if slant else "") + ("U" if style.underline else "")
    pdf.set_font(FAMILY, flags, style.size_pt)


def _lines(
    pdf: FPDF, x: float, y: float, width: float, text: str, style: TextStyle, align: str = "C"
) -> float:
    """Write wrapped text in a column; return the y under it."""
    _set_style(pdf, style)
    pdf.c_margin = 0  # columns are measured to the text, as in the DOCX header table
    pdf.set_xy(x, y)
    pdf.multi_cell(
        width, line_height(style.size_pt), nfc(style.apply_caps(text)), align=align,
        new_x="LEFT", new_y="NEXT",
    )  # fmt: skip
    return float(pdf.get_y())


def _mark(pdf: FPDF, mark: Mark, x: float, y: float, width: float, style: TextStyle) -> float:
    if mark.kind == "rule":
        return _rule(pdf, x + (width - mark.length_mm) / 2, y, mark.length_mm)
    return _lines(pdf, x, y, width, mark.text, TextStyle(style.size_pt, bold=style.bold))


def _rule(pdf: FPDF, x: float, y: float, length: float) -> float:
    pdf.set_line_width(RULE_WIDTH_MM)
    pdf.line(x, y + 1.0, x + length, y + 1.0)
    pdf.set_line_width(0.2)
    return y + 2.0


def _header_block(pdf: FPDF, document: Document, preset: Preset) -> None:
    left = pdf.epw * preset.header_left_fraction
    right = pdf.epw - left
    x_left, x_right = pdf.l_margin, pdf.l_margin + left
    y_left = y_right = float(pdf.get_y())
    if document.managing_body:
        y_left = _lines(pdf, x_left, y_left, left, document.managing_body, preset.managing_body)
    y_left = _lines(pdf, x_left, y_left, left, document.issuing_body, preset.issuing_body)
    y_left = _mark(pdf, preset.issuing_mark, x_left, y_left, left, preset.issuing_body)
    for line in preset.top_right_lines:
        y_right = _lines(pdf, x_right, y_right, right, line.text, line.style)
    if preset.top_right_rule and preset.top_right_lines:
        last = preset.top_right_lines[-1]
        _set_style(pdf, last.style)
        length = pdf.get_string_width(nfc(last.text))
        y_right = _rule(pdf, x_right + (right - length) / 2, y_right, length)
    y = max(y_left, y_right)
    number, place_date = number_line(document, preset), place_date_line(document)
    if number or place_date:
        y += 6 * PT
        y_left = _lines(pdf, x_left, y, left, number, preset.number) if number else y
        y_right = _lines(pdf, x_right, y, right, place_date, preset.place_date) if place_date else y
        y = max(y_left, y_right)
    pdf.set_y(y)


def _title_block(pdf: FPDF, document: Document, preset: Preset) -> None:
    top = pdf.get_y() + 18 * PT
    _title_lines(pdf, document.title, document.subtitle, document.note, preset, top)


def _title_lines(
    pdf: FPDF, title: str, subtitle: str, note: str, preset: Preset, top: float
) -> None:
    y = _lines(pdf, pdf.l_margin, top, pdf.epw, title, preset.title)
    if subtitle:
        y = _lines(pdf, pdf.l_margin, y, pdf.epw, subtitle, preset.subtitle)
    if note:
        italic = TextStyle(preset.subtitle.size_pt, italic=True)
        y = _lines(pdf, pdf.l_margin, y, pdf.epw, note, italic)
    y = _mark(pdf, preset.subtitle_mark, pdf.l_margin, y, pdf.epw, preset.subtitle)
    pdf.set_y(y + 12 * PT)


def _attachment(pdf: FPDF, attachment: Attachment, preset: Preset) -> None:
    """An attachment from a new page: its title, subtitle and note, then its blocks."""
    pdf.add_page()
    _title_lines(pdf, attachment.title, attachment.subtitle, attachment.note, preset, pdf.t_margin)
    _blocks(pdf, printed_blocks(attachment.blocks, preset), preset)


def _body(pdf: FPDF, blocks: list[Block], preset: Preset, closing: float) -> None:
    """The body's blocks; its last lines start a new page with the signature (``closing``
    high) rather than leave the signature alone at the top of the next one."""
    tail = tail_start(blocks)
    _blocks(pdf, blocks[:tail], preset, following=blocks[tail : tail + 1])
    ending = blocks[tail:]
    tables = [block for block in ending if isinstance(block, Table)]
    height = closing + sum(_block_height(pdf, block, preset) for block in ending)
    if not tables and pdf.get_y() + height > pdf.page_break_trigger and height <= pdf.eph:
        pdf.add_page()
    after_table = closing + sum(
        _block_height(pdf, block, preset) for block in ending if not isinstance(block, Table)
    )
    _blocks(pdf, ending, preset, keep_last=after_table)


def _blocks(
    pdf: FPDF,
    blocks: list[Block],
    preset: Preset,
    *,
    following: list[Block] | None = None,
    keep_last: float = 0.0,
) -> None:
    """Draw blocks; a heading over a table keeps room for the table's first rows, so it is
    never left alone at the foot of a page. ``keep_last``: what a table keeps its last row
    with (the signature)."""
    ahead = [*blocks[1:], *(following or [])]
    for block, after in zip(blocks, [*ahead, None], strict=False):
        if isinstance(block, Heading) and isinstance(after, Table):
            last = keep_last if any(after is other for other in blocks) else 0.0
            opening = _table_opening(pdf, after, preset, last)
            _keep_room(pdf, _block_height(pdf, block, preset) + opening)
        reserve = keep_last if isinstance(block, Table) else 0.0
        _block(pdf, block, preset, keep_last=reserve)


def _table_opening(pdf: FPDF, table: Table, preset: Preset, keep_last: float) -> float:
    """The height a table needs before its first row may be drawn: caption, header rows and
    the first row (and what follows it, when it is also the last)."""
    caption = line_height(preset.table_caption.size_pt) + 6 * PT if table.title else 0.0
    return caption + TableDrawer(pdf, table, preset, FAMILY, keep_last).opening_height()


def _block_height(pdf: FPDF, block: Block, preset: Preset) -> float:
    """How high a text block is drawn (a little more, never less); 0 for a table."""
    body = preset.body
    width = pdf.epw - body.first_line_indent_cm * 10
    texts: list[tuple[str, float]] = []
    if isinstance(block, Heading):
        texts = [(block.text, preset.heading_style(block.level).size_pt)]
    elif isinstance(block, Paragraph):
        texts = [(block.text, body.size_pt)]
    elif isinstance(block, BulletList):
        texts = [(f"{block.marker} {item}", body.size_pt) for item in block.items]
    elif isinstance(block, LabelledLines):
        texts = [(f"{line.label}: {line.value}", body.size_pt) for line in block.lines]
    return sum(
        len(wrap_text(nfc(text), width, size, bold=True)) * line_height(size, body.line_spacing)
        + body.space_after_pt * PT
        for text, size in texts
    )


def _closing_height(document: Document, preset: Preset) -> float:
    """The height the signature needs, with the recipients under it when both fit a page."""
    signatures = [s for s in (document.signature_left, document.signature_right) if s]
    height = max((_signature_height(s, preset) for s in signatures), default=0.0) + 6 * PT
    if document.recipients is None:
        return height
    recipients = _recipients_height(document, preset)
    if document.signature_left is None and signatures:  # beside the signature
        return max(height, recipients + 6 * PT)
    together = height + 12 * PT + recipients
    page = 297.0 - preset.margins.top - preset.margins.bottom
    return together if together <= page else height


def _block(pdf: FPDF, block: Block, preset: Preset, *, keep_last: float = 0.0) -> None:
    if isinstance(block, Heading):
        style = preset.heading_style(block.level)
        _keep_room(pdf, 3 * line_height(style.size_pt, preset.body.line_spacing))
        run = Run(block.text, bold=style.bold, italic=style.italic)
        _paragraph(pdf, [run], preset, "justify", indent=True, size_pt=style.size_pt)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block.runs, preset, block.align, indent=block.first_line_indent)
    elif isinstance(block, BulletList):
        for item in block.items:
            _paragraph(pdf, [Run(f"{block.marker} {item}")], preset, "justify", indent=True)
    elif isinstance(block, LabelledLines):
        for line in block.lines:
            runs = [Run(f"{line.label}: ", bold=block.bold_labels), Run(line.value)]
            _paragraph(pdf, runs, preset, "justify", indent=True)
    elif isinstance(block, Table):
        _table(pdf, block, preset, keep_last)


def _keep_room(pdf: FPDF, height: float) -> None:
    """Start a new page when less than height is left (keeps headings with their text)."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _paragraph(
    pdf: FPDF,
    runs: list[Run],
    preset: Preset,
    align: Align,
    *,
    indent: bool,
    size_pt: float | None = None,
) -> None:
    size = size_pt or preset.body.size_pt
    body = preset.body
    with (
        pdf.text_columns(
            text_align=_ALIGN[align], line_height=SINGLE_LINE_EM * body.line_spacing
        ) as region,
        region.paragraph(
            first_line_indent=body.first_line_indent_cm * 10 if indent else 0,
            bottom_margin=body.space_after_pt * PT,
        ) as paragraph,
    ):
        for run in runs:
            pdf.set_font(FAMILY, ("B" if run.bold else "") + ("I" if run.italic else ""), size)
            paragraph.write(nfc(run.text))


def _table(pdf: FPDF, table: Table, preset: Preset, keep_last: float = 0.0) -> None:
    if table.title:
        caption = preset.table_caption
        _keep_room(pdf, 6 * line_height(preset.table_text.size_pt) + line_height(caption.size_pt))
        y = _lines(pdf, pdf.l_margin, pdf.get_y(), pdf.epw, table.title, caption)
        pdf.set_y(y + 6 * PT)
    TableDrawer(pdf, table, preset, FAMILY, keep_last).draw()
    pdf.set_y(pdf.get_y() + 6 * PT)


def _closing(pdf: FPDF, document: Document, preset: Preset) -> None:
    left = pdf.epw * preset.header_left_fraction
    right = pdf.epw - left
    x_left, x_right = pdf.l_margin, pdf.l_margin + left
    signatures = [s for s in (document.signature_left, document.signature_right) if s]
    height = max((_signature_height(s, preset) for s in signatures), default=0.0)
    recipients_below = document.signature_left is not None or not signatures
    if document.recipients is not None and not recipients_below:
        height = max(height, _recipients_height(document, preset))
    _keep_room(pdf, height + 6 * PT)
    y = pdf.get_y() + 6 * PT
    y_left = y_right = y
    if document.signature_left is not None:
        y_left = _signature(pdf, x_left, y, left, document.signature_left, preset)
    elif document.recipients is not None and signatures:
        y_left = _recipients(pdf, x_left, y, left, document, preset)
    if document.signature_right is not None:
        y_right = _signature(pdf, x_right, y, right, document.signature_right, preset)
    pdf.set_y(max(y_left, y_right))
    if document.recipients is not None and recipients_below:
        _keep_room(pdf, _recipients_height(document, preset) + 12 * PT)
        _recipients(pdf, x_left, pdf.get_y() + 12 * PT, pdf.epw, document, preset)


def _signature_height(signature: SignatureBlock, preset: Preset) -> float:
    title_lines = 2 if signature.prefix else 1
    return (
        title_lines * line_height(preset.signature_title.size_pt)
        + preset.signature_space_mm
        + line_height(preset.signature_name.size_pt)
    )


def _signature(
    pdf: FPDF, x: float, y: float, width: float, signature: SignatureBlock, preset: Preset
) -> float:
    if signature.prefix:
        y = _lines(pdf, x, y, width, signature.prefix, preset.signature_title)
    y = _lines(pdf, x, y, width, signature.role, preset.signature_title)
    return _lines(
        pdf, x, y + preset.signature_space_mm, width, signature.name, preset.signature_name
    )


def _recipients_height(document: Document, preset: Preset) -> float:
    assert document.recipients is not None
    count = len(document.recipients.items) + 1
    item = line_height(preset.recipients_item.size_pt)
    return line_height(preset.recipients_heading.size_pt) + count * item


def _recipients(
    pdf: FPDF, x: float, y: float, width: float, document: Document, preset: Preset
) -> float:
    assert document.recipients is not None
    heading = preset.recipients_heading
    y = _lines(pdf, x, y, width, preset.recipients_heading_text, heading, align="L")
    for line in recipient_lines(document.recipients, preset):
        y = _lines(pdf, x, y, width, line, preset.recipients_item, align="L")
    return y
