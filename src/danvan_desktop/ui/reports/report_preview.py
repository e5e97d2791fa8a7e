"""A preview of an official document on screen, drawn from the report's Document model.

PySide6-Essentials has no QtPdf (it ships with the Addons), and nothing outside
the application may be needed at run time, so the preview is not a picture of
the PDF: it lays the same ``reports.document.Document`` out as rich text in the
same order and the preset's type sizes (header with the issuing body and the
national name, title, sections, tables with merged header cells and totals,
signatures, recipients). The files written by the DOCX/PDF renderers may break
lines and pages differently; the text is the same. The line above the preview
(``preview_note``) says what the document is: a draft without a number yet, or a
finalised document with its number.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QTextBrowser, QWidget

from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.vndate import number_text
from danvan_desktop.reports.common import (
    DRAFT_MARK,
    format_value,
    number_line,
    place_date_line,
    printed_blocks,
    recipient_lines,
)
from danvan_desktop.reports.document import (
    Block,
    BulletList,
    Document,
    Heading,
    LabelledLines,
    Paragraph,
    SignatureBlock,
    Table,
)
from danvan_desktop.reports.presets import Mark, Preset, TextStyle, load_preset
from danvan_desktop.session.reports import safe_file_name
from danvan_desktop.ui.task_runner import JobContext
from danvan_desktop.ui.text import tr

SERIF_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)
# The documents name Times New Roman; the bundled Liberation Serif has its metrics.
SERIF_FAMILIES = "'Times New Roman', 'Liberation Serif', serif"
MM_TO_PT = 72 / 25.4
_registered = False


def preview_job(kind: str, params: dict[str, Any]) -> Callable[[JobContext], tuple[Document, str]]:
    """A read-lane job: the draft Document and its rich text for the preview."""

    def build(ctx: JobContext) -> tuple[Document, str]:
        document = ctx.session.build_report(kind, db=ctx.reader, **params)
        return document, document_html(document)

    return build


def suggested_name(document: Document) -> str:
    """The file name the session gives a draft: its title and subtitle, made safe."""
    subtitle = document.subtitle[:1].lower() + document.subtitle[1:]
    return safe_file_name(f"{document.title} {subtitle}".strip())


def request_key(kind: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A preview's request without its empty values (an empty text is no text)."""
    return kind, {name: value for name, value in params.items() if value not in (None, "")}


def preview_note(document: Document) -> str:
    """The line above the preview: a draft without a number, or final with its number."""
    if document.number is None:
        return tr(
            "ReportsPage",
            "Bản xem trước của bản nháp (chưa có số). Tệp Word, PDF có cùng nội dung; "
            "chỗ ngắt dòng, ngắt trang có thể khác.",
        )
    return tr(
        "ReportsPage",
        "Bản xem trước của văn bản đã hoàn tất, số {number}. Tệp Word, PDF có cùng nội "
        "dung; chỗ ngắt dòng, ngắt trang có thể khác.",
        number=number_text(document.number),
    )


def register_serif() -> None:
    """Make the bundled serif available to the preview (once per process)."""
    global _registered
    if _registered:
        return
    for name in SERIF_FILES:
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
    _registered = True


def _text(text: str, style: TextStyle) -> str:
    """``text`` escaped and wrapped in the style's size, weight, slant and underline."""
    css = [f"font-size:{style.size_pt:g}pt"]
    if style.bold:
        css.append("font-weight:bold")
    if style.italic:
        css.append("font-style:italic")
    if style.underline:
        css.append("text-decoration:underline")
    body = html.escape(style.apply_caps(text))
    return f'<span style="{";".join(css)}">{body}</span>'


def _px(points: float) -> int:
    """Points as screen pixels (Qt's rich text takes margins and indents in pixels)."""
    return round(points * 96 / 72)


def _line(text: str, style: TextStyle, align: str = "center", space_before: float = 0) -> str:
    margin = f"margin:{_px(space_before)}px 0 0 0"
    return f'<p align="{align}" style="{margin}">{_text(text, style)}</p>'


def _mark(mark: Mark, style: TextStyle) -> str:
    if mark.kind == "rule":
        return f'<hr width="{_px(mark.length_mm * MM_TO_PT)}" align="center"/>'
    return _line(mark.text, TextStyle(style.size_pt, bold=style.bold))


def _header(document: Document, preset: Preset) -> str:
    left: list[str] = []
    if document.managing_body:
        left.append(_line(document.managing_body, preset.managing_body))
    left.append(_line(document.issuing_body, preset.issuing_body))
    left.append(_mark(preset.issuing_mark, preset.issuing_body))
    if number_line(document, preset):
        left.append(_line(number_line(document, preset), preset.number, space_before=6))
    right = [_line(line.text, line.style) for line in preset.top_right_lines]
    if preset.top_right_rule and preset.top_right_lines:
        right.append('<hr width="220" align="center"/>')
    if place_date_line(document):
        right.append(_line(place_date_line(document), preset.place_date, space_before=6))
    width = round(preset.header_left_fraction * 100)
    return (
        '<table width="100%" cellspacing="0" cellpadding="2"><tr>'
        f'<td width="{width}%" valign="top">{"".join(left)}</td>'
        f'<td width="{100 - width}%" valign="top">{"".join(right)}</td></tr></table>'
    )


def _title(document: Document, preset: Preset) -> str:
    parts = [_line(document.title, preset.title, space_before=18)]
    if document.subtitle:
        parts.append(_line(document.subtitle, preset.subtitle))
    if document.note:
        parts.append(_line(document.note, TextStyle(preset.subtitle.size_pt, italic=True)))
    parts.append(_mark(preset.subtitle_mark, preset.subtitle))
    return "".join(parts)


def _paragraph(block: Paragraph, preset: Preset) -> str:
    runs = []
    for run in block.runs:
        text = html.escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        runs.append(text)
    indent = _px(preset.body.first_line_indent_cm * 10 * MM_TO_PT) if block.first_line_indent else 0
    style = f"text-indent:{indent}px;margin:0 0 {_px(preset.body.space_after_pt)}px 0"
    return f'<p align="{block.align}" style="{style}">{"".join(runs)}</p>'


def _table(table: Table, preset: Preset) -> str:
    parts: list[str] = []
    if table.title:
        parts.append(_line(table.title, preset.table_caption))
    # 99%: the outer border of a 100% table overflows the page by a pixel.
    parts.append('<table width="99%" border="1" cellspacing="0" cellpadding="3">')
    placed = table.placed_header_cells()
    for row in range(len(table.header_rows)):
        cells = "".join(
            f'<th rowspan="{c.rowspan}" colspan="{c.colspan}">'
            f"{_text(c.text, preset.table_header)}</th>"
            for c in placed
            if c.row == row
        )
        parts.append(f"<tr>{cells}</tr>")
    for values in table.rows:
        cells = "".join(
            f'<td align="{column.align}">'
            f"{_text(format_value(value, column, preset), preset.table_text)}</td>"
            for value, column in zip(values, table.columns, strict=True)
        )
        parts.append(f"<tr>{cells}</tr>")
    if table.totals is not None:
        parts.append(_totals_row(table, preset))
    parts.append("</table><p></p>")
    return "".join(parts)


def _totals_row(table: Table, preset: Preset) -> str:
    assert table.totals is not None
    bold = TextStyle(preset.table_text.size_pt, bold=True)
    span = table.totals_label_span
    sums = table.totals_values()
    cells = [f'<td colspan="{span}" align="center">{_text(table.totals.label, bold)}</td>']
    for index in range(span, len(table.columns)):
        column = table.columns[index]
        value = format_value(sums[index], column, preset) if index in sums else ""
        cells.append(f'<td align="{column.align}">{_text(value, bold)}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def block_html(block: Block, preset: Preset) -> str:
    """One block of the document body as rich text."""
    if isinstance(block, Heading):
        style = preset.heading_style(block.level)
        return f'<p style="margin:{_px(6)}px 0 {_px(6)}px 0">{_text(block.text, style)}</p>'
    if isinstance(block, Paragraph):
        return _paragraph(block, preset)
    if isinstance(block, BulletList):
        items = [Paragraph.of(f"{block.marker} {item}") for item in block.items]
        return "".join(_paragraph(item, preset) for item in items)
    if isinstance(block, LabelledLines):
        lines = []
        for line in block.lines:
            label = html.escape(f"{line.label}: ")
            label = f"<b>{label}</b>" if block.bold_labels else label
            lines.append(f'<p style="margin:0 0 {_px(4)}px 0">{label}{html.escape(line.value)}</p>')
        return "".join(lines)
    return _table(block, preset)


def _signature(signature: SignatureBlock | None, preset: Preset) -> str:
    if signature is None:
        return ""
    lines = [signature.prefix, signature.role] if signature.prefix else [signature.role]
    parts = [_line(text, preset.signature_title) for text in lines]
    space = preset.signature_space_mm * MM_TO_PT
    parts.append(_line(signature.name, preset.signature_name, space_before=space))
    return "".join(parts)


def _recipients(document: Document, preset: Preset) -> str:
    if document.recipients is None:
        return ""
    parts = [_line(preset.recipients_heading_text, preset.recipients_heading, "left")]
    parts += [
        _line(line, preset.recipients_item, "left")
        for line in recipient_lines(document.recipients, preset)
    ]
    return "".join(parts)


def _closing(document: Document, preset: Preset) -> str:
    if document.signature_left is None and document.signature_right is None:
        return _recipients(document, preset)
    left = _signature(document.signature_left, preset) or _recipients(document, preset)
    right = _signature(document.signature_right, preset)
    width = round(preset.header_left_fraction * 100)
    table = (
        '<p></p><table width="100%" cellspacing="0" cellpadding="2"><tr>'
        f'<td width="{width}%" valign="top">{left}</td>'
        f'<td width="{100 - width}%" valign="top">{right}</td></tr></table>'
    )
    if document.signature_left is not None:
        table += "<p></p>" + _recipients(document, preset)
    return table


def document_html(document: Document, preset: Preset | None = None) -> str:
    """The whole document as rich text for a QTextBrowser."""
    preset = preset or load_preset(document.preset)
    body = [_header(document, preset), _title(document, preset)]
    if document.draft:  # boxed at the top right, as the files have it
        mark = _text(DRAFT_MARK, TextStyle(preset.number.size_pt, bold=True))
        body.insert(0, f'<table align="right" border="1" cellpadding="3"><tr><td>{mark}</td>'
                       "</tr></table><br/>")  # fmt: skip
    body += [block_html(block, preset) for block in printed_blocks(document.blocks, preset)]
    body.append(_closing(document, preset))
    for part in document.attachments:  # each from a new page in the files
        body.append("<hr/>" + _line(part.title, preset.title, space_before=12))
        body += [_line(text, style) for text, style in (
            (part.subtitle, preset.subtitle),
            (part.note, TextStyle(preset.subtitle.size_pt, italic=True)),
        ) if text]  # fmt: skip
        body += [block_html(block, preset) for block in printed_blocks(part.blocks, preset)]
    font = f"font-family:{SERIF_FAMILIES};font-size:{preset.body.size_pt:g}pt;color:#000"
    return f'<html><body style="{font}">{"".join(body)}</body></html>'


class DocumentPreview(QTextBrowser):
    """Shows a Document on white paper, or a message in its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register_serif()
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: white; color: black; }")
        self.document().setDocumentMargin(28)
        self.shown: Document | None = None

    def show_document(self, document: Document) -> None:
        """Lay ``document`` out in the preview."""
        self.show_rich_text(document, document_html(document))

    def show_rich_text(self, document: Document, rich_text: str) -> None:
        """Show ``document`` from its rich text, made beforehand (on a worker)."""
        self.shown = document
        self.setHtml(rich_text)

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a document (nothing chosen yet, or what is missing)."""
        self.shown = None
        self.setHtml(f"<p style='color:#555'>{html.escape(text)}</p>")
