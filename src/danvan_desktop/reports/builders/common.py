"""What every builder shares: the issue details, counts written the official way, tables.

The text of a document is Vietnamese whatever the interface language: these are
official papers for Vietnamese offices, so builders write the Vietnamese words
(vocabulary labels included) and never pass them through ``tr``. Messages for
the user (errors) do go through ``tr``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.vncollation import vietnamese_sort_key
from danvan_desktop.core.vndate import number_text, short_date
from danvan_desktop.reports.builders.letterhead import Letterhead
from danvan_desktop.reports.document import (
    Attachment,
    Block,
    CellValue,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Recipients,
    SignatureBlock,
    Table,
    TotalsRow,
)
from danvan_desktop.reports.presets import load_preset


@dataclass(frozen=True)
class Issue:
    """How a document is issued: preset, date, number (None for a draft), letterhead changes.

    ``issued`` is True when the document is being issued (stored in the register): a
    kind with no number of its own (a registration, a regulation) is then no longer a
    draft although its number stays None.
    """

    preset: str = "state"
    issued_on: dt.date = field(default_factory=dt.date.today)
    number: int | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)
    issued: bool = False

    @property
    def draft(self) -> bool:
        """True while the document is not issued: it is marked «DỰ THẢO»."""
        return not self.issued and self.number is None


BLANK = "……"


def reference_number(issue: Issue, kind: DocumentKind, abbreviation: str) -> str:
    """The number as another text cites it: "01/TTr-TDV", "01-TTr/CB"; blank in a draft."""
    number = BLANK if issue.number is None else number_text(issue.number)
    if load_preset(issue.preset).number_format == "party":
        return f"{number}-{kind.value}/{abbreviation}"
    return f"{number}/{kind.value}-{abbreviation}"


def reference_date(issue: Issue) -> str:
    """The issue date as another text cites it: "20/12/2026"; blank in a draft."""
    return BLANK if issue.draft else short_date(issue.issued_on)


def count_text(count: int) -> str:
    """A count in running text, as in the tables: "8", "12", "1.200" (digits grouped by dots).

    One rule in every document: Decree 30/2020 puts a leading zero only on the document
    number ("Số: 05/BC-…") and on the day and month of a date; counts take none, so "có
    mặt 8/9 thành viên" reads the same as the 8 in a table's cell.
    """
    return f"{count:,}".replace(",", ".")


def number_value(value: float) -> int | float:
    """A float that holds a whole number as an int, so tables show "320", not "320,0"."""
    return int(value) if float(value).is_integer() else value


def day_text(value: Any) -> str:
    """A stored ISO date (or date-time) as dd/MM/yyyy; empty for none."""
    if not value:
        return ""
    return short_date(dt.date.fromisoformat(str(value)[:10]))


def lower_first(text: str) -> str:
    """A place name inside a sentence: "Phường Phú Xuân" → "phường Phú Xuân"."""
    return text[:1].lower() + text[1:]


def percent_text(part: int, whole: int) -> str:
    """A share as "83%" ("100%" when nothing was due)."""
    return f"{round(100 * part / whole) if whole else 100}%"


def by_vietnamese(items: Sequence[Any], key: str) -> list[Any]:
    """Dict rows sorted by one text column in Vietnamese order."""
    return sorted(items, key=lambda row: vietnamese_sort_key(str(row.get(key) or "")))


ORDINAL = Column(0.5, "center", False)


def number_column(width: float = 1.0) -> Column:
    """A right-aligned column of counts with digit grouping."""
    return Column(width, "right")


def simple_table(
    title: str,
    headers: Sequence[str],
    columns: Sequence[Column],
    rows: Sequence[Sequence[CellValue]],
    sum_columns: Sequence[int] = (),
) -> Table:
    """A one-header-row table, with a "Tổng cộng" row when ``sum_columns`` is given."""
    return Table(
        columns=list(columns),
        header_rows=[[HeaderCell(text) for text in headers]],
        rows=[list(row) for row in rows],
        totals=TotalsRow("Tổng cộng", list(sum_columns)) if sum_columns else None,
        title=title,
    )


def numbered(rows: Sequence[Sequence[CellValue]]) -> list[list[CellValue]]:
    """Rows with their ordinal ("TT") put in front, counting from 1."""
    return [[index, *row] for index, row in enumerate(rows, start=1)]


def make_document(
    letterhead: Letterhead,
    issue: Issue,
    *,
    kind: DocumentKind,
    title: str,
    subtitle: str,
    blocks: list[Block],
    note: str = "",
    issued_on: dt.date | None = None,
    number: int | None = None,
    signature_left: SignatureBlock | None = None,
    signature_right: SignatureBlock | None = None,
    recipients: Recipients | None = None,
    draft: bool | None = None,
    has_number_line: bool = True,
    has_date_line: bool = True,
    attachments: list[Attachment] | None = None,
) -> Document:
    """A Document with the letterhead's issuer, place and (unless given) signer and list;
    a draft (marked «DỰ THẢO») unless the issue says it is issued."""
    preset = load_preset(issue.preset)
    return Document(
        kind=kind,
        preset=issue.preset,
        issuing_body=letterhead.issuing_body,
        managing_body=letterhead.managing_body,
        unit_abbreviation=letterhead.abbreviation,
        place=letterhead.place,
        date=issued_on or issue.issued_on,
        number=number if number is not None else issue.number,
        title=title,
        subtitle=subtitle,
        note=note,
        blocks=blocks,
        signature_left=signature_left,
        signature_right=signature_right or letterhead.signature(preset),
        recipients=recipients or letterhead.recipients_block(),
        draft=issue.draft if draft is None else draft,
        has_number_line=has_number_line,
        has_date_line=has_date_line,
        attachments=list(attachments or ()),
    )
