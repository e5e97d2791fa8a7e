"""Text every renderer writes the same way: number line, date line, values, recipients,
and the body as printed (``printed_blocks``): a heading numbered alone loses its number,
a table caption that repeats the heading above it is not printed again, and the
format's closing mark ("./." in Decree 30) follows the last words of the body and of
each attachment.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence

from danvan_desktop.core import vndate
from danvan_desktop.reports.document import (
    Block,
    BulletList,
    CellValue,
    Column,
    Document,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
    Recipients,
    Run,
    Table,
)
from danvan_desktop.reports.presets import Preset

# Printed at the top of every document that is not issued (minutes not finalised).
DRAFT_MARK = "DỰ THẢO"
# Where a Party draft's number is written by hand: "Số ……-BC/CB". Blank spaces alone
# ("Số      -BC/CB") read as a number that was left out, not as a place to write one.
PARTY_DRAFT_SLOT = "……"


def nfc(text: str) -> str:
    """Text in Unicode NFC: fonts carry precomposed Vietnamese letters, not loose marks."""
    return unicodedata.normalize("NFC", text)


def number_line(document: Document, preset: Preset) -> str:
    """ "Số: 05/BC-TDV" (state) or "Số 05-BC/CB" (Party); a draft leaves the number blank
    ("Số:      /BC-TDV", "Số ……-BC/CB"); "" for a document with no number of its own."""
    if not document.has_number_line:
        return ""
    code, unit = document.kind.value, document.unit_abbreviation
    if preset.number_format == "party":
        if document.number is None:
            return f"Số {PARTY_DRAFT_SLOT}-{code}/{unit}"
        return vndate.party_number(document.number, code, unit)
    return vndate.state_number(document.number, code, unit)


def place_date_line(document: Document) -> str:
    """ "Huế, ngày 05 tháng 01 năm 2026"; "" when the document carries no date line."""
    if not document.has_date_line:
        return ""
    return vndate.place_date_line(document.place, document.date)


def format_value(value: CellValue, column: Column, preset: Preset) -> str:
    """A table value as text: Vietnamese digit grouping "1.234" and decimal comma "2,5"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ValueError("a table cell holds a bool; write it as text")
    if isinstance(value, int):
        text = f"{value:,}" if column.group_thousands else str(value)
        return text.replace(",", preset.thousands_separator)
    pattern = ",.2f" if column.group_thousands else ".2f"
    grouped = format(value, pattern).rstrip("0").rstrip(".")
    swapped = grouped.replace(",", "\0").replace(".", preset.decimal_separator)
    return swapped.replace("\0", preset.thousands_separator)


def recipient_lines(recipients: Recipients, preset: Preset) -> list[str]:
    """The lines under "Nơi nhận:": "- item;" each, then "- Lưu: ...." last."""
    lines = [f"- {item.strip().rstrip(';.,')};" for item in recipients.items]
    archive = recipients.archive.strip().rstrip(";.,")
    lines.append(f"- {preset.archive_prefix}{archive}.")
    return lines


# "1. ", "IV. ", "a) " at the start of a heading: the number of a numbered heading.
_HEADING_NUMBER = re.compile(r"^(?:\d+|[IVXLC]+|[a-zđ])[.)]\s+")


def _bare(text: str) -> str:
    return " ".join(_HEADING_NUMBER.sub("", nfc(text)).casefold().split())


def _unnumbered_lone_headings(blocks: Sequence[Block]) -> list[Block]:
    """Blocks with the number dropped from a numbered heading that has no numbered sibling
    (a lone "1. Kết luận" under its parent reads as a list cut short)."""
    groups: dict[tuple[int, int], list[int]] = {}
    parents: dict[int, int] = {}  # level -> index of the latest heading of that level
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        parents = {level: at for level, at in parents.items() if level < block.level}
        parent = max(parents.values(), default=-1)
        parents[block.level] = index
        if _HEADING_NUMBER.match(block.text):
            groups.setdefault((block.level, parent), []).append(index)
    out = list(blocks)
    for members in groups.values():
        if len(members) == 1:
            heading = out[members[0]]
            assert isinstance(heading, Heading)
            out[members[0]] = Heading(_HEADING_NUMBER.sub("", heading.text), heading.level)
    return out


def _uncaptioned_repeats(blocks: Sequence[Block]) -> list[Block]:
    """Tables whose caption only repeats the heading just above them, without the caption."""
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if (
            isinstance(block, Table)
            and block.title
            and isinstance(before, Heading)
            and _bare(before.text) == _bare(block.title)
        ):
            block = dataclasses.replace(block, title="")
        out.append(block)
    return out


def _closed(text: str, mark: str) -> str:
    text = text.rstrip()
    if not mark or text.endswith(mark):
        return text
    if mark.startswith(".") and text.endswith("."):
        return text + mark[1:]
    return text.rstrip(";,:") + mark


def _with_closing_mark(blocks: Sequence[Block], mark: str) -> list[Block]:
    """The blocks with ``mark`` after the last words; a body ending in a table or a
    heading gets the mark on a line of its own."""
    out = list(blocks)
    if not mark or not out:
        return out
    last = out[-1]
    if isinstance(last, Paragraph) and last.runs:
        *head, tail = last.runs
        runs = [*head, Run(_closed(tail.text, mark), tail.bold, tail.italic)]
        out[-1] = Paragraph(runs, last.align, last.first_line_indent)
    elif isinstance(last, BulletList) and last.items:
        out[-1] = BulletList([*last.items[:-1], _closed(last.items[-1], mark)], last.marker)
    elif isinstance(last, LabelledLines) and last.lines:
        *head_lines, final = last.lines
        closed = LabelledLine(final.label, _closed(final.value, mark))
        out[-1] = LabelledLines([*head_lines, closed], last.bold_labels)
    else:
        out.append(Paragraph.of(mark, align="left", first_line_indent=False))
    return out


def printed_blocks(blocks: Sequence[Block], preset: Preset) -> list[Block]:
    """A body (or an attachment's blocks) as DOCX, PDF and the preview print it."""
    tidy = _uncaptioned_repeats(_unnumbered_lone_headings(blocks))
    return _with_closing_mark(tidy, preset.closing_mark)


def tail_start(blocks: Sequence[Block]) -> int:
    """Where the last lines of a body begin, the part printed on the signature's page: the
    last block (with the table before a closing mark on a line of its own), and any
    headings just above it."""
    start = max(len(blocks) - 1, 0)
    if start > 0 and isinstance(blocks[start - 1], Table) and isinstance(blocks[start], Paragraph):
        start -= 1
    while start > 0 and isinstance(blocks[start - 1], Heading):
        start -= 1
    return start
