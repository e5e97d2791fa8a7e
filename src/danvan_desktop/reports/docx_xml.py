"""WordprocessingML written directly, where python-docx's API is missing or too slow.

python-docx adds table cells one by one through proxies: a year-end roll-up of
~1,700 rows takes seconds that way. Data tables are therefore written here as
one XML string and parsed once with lxml. Rules (paragraph bottom borders),
the PAGE field and borderless layout tables live here too.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml

from danvan_desktop.reports.common import format_value, nfc
from danvan_desktop.reports.document import Align, Table
from danvan_desktop.reports.presets import Preset

# lxml elements, typed loosely: python-docx ships no stubs, and neither do we for lxml.
XmlElement = Any
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'
TWIPS_PER_MM = 1440 / 25.4
TABLE_TEXT_STYLE = "DanvanTableText"
TABLE_HEADER_STYLE = "DanvanTableHeader"
# Characters XML 1.0 forbids; Word paste and old databases carry them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def w(tag: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


def clean(text: str) -> str:
    """Text that XML accepts, in NFC."""
    return _FORBIDDEN.sub("", nfc(text))


def keep_with_next(paragraph: XmlElement) -> None:
    """Set Word's keep-with-next on a w:p (its paragraph properties made if missing)."""
    ppr = paragraph.get_or_add_pPr()
    if ppr.find(w("keepNext")) is None:
        ppr.insert_element_before(
            OxmlElement("w:keepNext"),
            *_AFTER_KEEP_NEXT,
        )


def twips(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * TWIPS_PER_MM)


def set_fonts(rpr: XmlElement, family: str) -> None:
    """Name one font for every script slot, dropping theme fonts that would win."""
    for old in rpr.findall(w("rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(w(slot), family)
    rpr.insert(0, fonts)


def rule_paragraph(length_mm: float, box_width_mm: float) -> XmlElement:
    """An empty, 5 pt high paragraph whose bottom border is a centred rule of length_mm."""
    side = twips(max(box_width_mm - length_mm, 0) / 2)
    xml = (
        f"<w:p {_NSDECL}><w:pPr><w:keepNext/>"
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="0" w:line="100" w:lineRule="exact"/>'
        f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/>'
        '<w:jc w:val="center"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>'
        "</w:pPr></w:p>"
    )
    return parse_xml(xml)


def page_field_runs(size_pt: float) -> list[XmlElement]:
    """The runs of a PAGE field (begin, instruction, separator, placeholder, end)."""
    size = round(size_pt * 2)
    rpr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    parts = [
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>2</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ]
    return [parse_xml(f"<w:r {_NSDECL}>{rpr}{part}</w:r>") for part in parts]


def borderless_table_properties(tbl: XmlElement, widths_mm: list[float]) -> None:
    """Make a python-docx layout table fixed-width, borderless and without cell padding."""
    tblpr = tbl.find(w("tblPr"))
    assert tblpr is not None
    for tag in ("tblStyle", "tblW", "tblBorders", "tblLayout", "tblCellMar", "tblLook"):
        for old in tblpr.findall(w(tag)):
            tblpr.remove(old)
    total = sum(twips(width) for width in widths_mm)
    for element in list(
        parse_xml(
            f'<w:x {_NSDECL}><w:tblW w:w="{total}" w:type="dxa"/>'
            f"<w:tblBorders>{_borders('none')}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
            "</w:tblCellMar></w:x>"
        )
    ):
        tblpr.append(element)
    grid = tbl.find(w("tblGrid"))
    assert grid is not None
    for column, width in zip(grid.findall(w("gridCol")), widths_mm, strict=True):
        column.set(w("w"), str(twips(width)))
    for row in tbl.findall(w("tr")):
        for cell, width in zip(row.findall(w("tc")), widths_mm, strict=True):
            tcpr = cell.find(w("tcPr"))
            if tcpr is None:
                tcpr = OxmlElement("w:tcPr")
                cell.insert(0, tcpr)
            for old in tcpr.findall(w("tcW")):
                tcpr.remove(old)
            tcw = OxmlElement("w:tcW")
            tcpr.insert(0, tcw)
            tcw.set(w("w"), str(twips(width)))
            tcw.set(w("type"), "dxa")


def _borders(kind: str) -> str:
    size = "" if kind == "none" else ' w:sz="4" w:space="0" w:color="000000"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "".join(f'<w:{side} w:val="{kind}"{size}/>' for side in sides)


def data_table(table: Table, preset: Preset, width_mm: float) -> XmlElement:
    """The whole w:tbl of a data table (header rows repeat on every page), parsed once."""
    weights = sum(column.width for column in table.columns)
    widths = [twips(width_mm * column.width / weights) for column in table.columns]
    parts = [
        f"<w:tbl {_NSDECL}><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>',
        f"<w:tblBorders>{_borders('single')}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>',
        '</w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    parts.extend(_header_rows_xml(table, widths))
    for row in table.rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for value, column, width in zip(row, table.columns, widths, strict=True):
            text = format_value(value, column, preset)
            parts.append(_cell_xml(text, width, TABLE_TEXT_STYLE, column.align))
        parts.append("</w:tr>")
    parts.extend(_totals_row_xml(table, preset, widths))
    parts.append("</w:tbl>")
    return parse_xml("".join(parts))


def _header_rows_xml(table: Table, widths: list[int]) -> list[str]:
    placed = table.placed_header_cells()
    starts = {(cell.row, cell.column): cell for cell in placed}
    parts: list[str] = []
    for row_index in range(len(table.header_rows)):
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        column = 0
        while column < len(widths):
            cell = starts.get((row_index, column))
            if cell is not None:
                merge = "restart" if cell.rowspan > 1 else None
                text = cell.text
            else:
                # Covered by a cell spanning down from an earlier header row.
                cell = next(
                    c
                    for c in placed
                    if c.column == column and c.row < row_index < c.row + c.rowspan
                )
                merge, text = "continue", ""
            span_width = sum(widths[column : column + cell.colspan])
            parts.append(
                _cell_xml(text, span_width, TABLE_HEADER_STYLE, "center", cell.colspan, merge)
            )
            column += cell.colspan
        parts.append("</w:tr>")
    return parts


def _totals_row_xml(table: Table, preset: Preset, widths: list[int]) -> list[str]:
    if table.totals is None:
        return []
    span = table.totals_label_span
    sums = table.totals_values()
    parts = ["<w:tr><w:trPr><w:cantSplit/></w:trPr>"]
    parts.append(
        _cell_xml(table.totals.label, sum(widths[:span]), TABLE_HEADER_STYLE, "center", span)
    )
    for index in range(span, len(widths)):
        column = table.columns[index]
        text = format_value(sums[index], column, preset) if index in sums else ""
        parts.append(_cell_xml(text, widths[index], TABLE_HEADER_STYLE, column.align))
    parts.append("</w:tr>")
    return parts


def _cell_xml(
    text: str,
    width: int,
    style: str,
    align: Align,
    colspan: int = 1,
    vmerge: str | None = None,
) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if colspan > 1:
        props.append(f'<w:gridSpan w:val="{colspan}"/>')
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        props.append("<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    lines = clean(text).split("\n")
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return (
        f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr><w:p><w:pPr>"
        f'<w:pStyle w:val="{style}"/><w:jc w:val="{_JC[align]}"/></w:pPr>'
        f"<w:r>{runs}</w:r></w:p></w:tc>"
    )


# What may follow w:keepNext inside w:pPr (the schema's order).
_AFTER_KEEP_NEXT = (
    "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
# What may follow w:pBdr inside w:pPr (the schema's order; Word refuses others).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def box_paragraph(ppr: XmlElement) -> None:
    """A thin box around a paragraph (as wide as its indents leave it)."""
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="8" w:space="1" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right")
    )
    ppr.insert_element_before(parse_xml(f"<w:pBdr {_NSDECL}>{sides}</w:pBdr>"), *_AFTER_PBDR)
