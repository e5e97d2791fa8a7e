"""The format-neutral model of an official document: what to say, never how it looks.

Data builders fill a ``Document`` from records; each renderer (DOCX, PDF, XLSX)
lays it out with a preset (``state`` for Decree 30/2020, ``party`` for guidance
36-HD/VPTW). Plain dataclasses with no I/O, so a builder can be tested without
rendering and a renderer without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

Align = Literal["left", "center", "right", "justify"]
CellValue = str | int | float | None


class DocumentKind(StrEnum):
    """The document type code written in the number line ("Số: 05/BC-…").

    A registration («BẢN ĐĂNG KÝ») and a regulation («QUY CHẾ», issued with a decision)
    carry no number of their own: their documents have no number line, and their codes
    only name the kind (in the register of issued documents and in file names).
    """

    REPORT = "BC"
    MINUTES = "BB"
    PLAN = "KH"
    DECISION = "QĐ"
    NOTICE = "TB"
    INVITATION = "GM"
    PROPOSAL = "TTr"
    REGISTRATION = "ĐK"
    REGULATION = "QC"


@dataclass
class Run:
    """A stretch of text in one style inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Heading:
    """A section heading such as "I. KẾT QUẢ THỰC HIỆN"; level 1 is the outermost."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    """Body text made of runs; justified with a first-line indent unless told otherwise."""

    runs: list[Run]
    align: Align = "justify"
    first_line_indent: bool = True

    @classmethod
    def of(
        cls,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        align: Align = "justify",
        first_line_indent: bool = True,
    ) -> Paragraph:
        """A paragraph of one run."""
        return cls([Run(text, bold=bold, italic=italic)], align, first_line_indent)

    @property
    def text(self) -> str:
        """The paragraph's text without styles."""
        return "".join(run.text for run in self.runs)


@dataclass
class BulletList:
    """Items written one per line after a marker, the Vietnamese way ("- ...")."""

    items: list[str]
    marker: str = "-"


@dataclass
class LabelledLine:
    """One "label: value" line, e.g. "Thời gian bắt đầu: 19 giờ 30 phút"."""

    label: str
    value: str


@dataclass
class LabelledLines:
    """A run of labelled lines such as the opening facts of meeting minutes."""

    lines: list[LabelledLine]
    bold_labels: bool = False


@dataclass
class HeaderCell:
    """A cell of a table's header rows; it may span columns and rows like an HTML th."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class PlacedHeaderCell:
    """A header cell with its top-left grid position resolved."""

    row: int
    column: int
    rowspan: int
    colspan: int
    text: str


@dataclass
class Column:
    """How one table column is laid out: relative width, alignment, digit grouping."""

    width: float = 1.0
    align: Align = "left"
    # False for ordinal ("TT") and year columns, which are never written "2.026".
    group_thousands: bool = True


@dataclass
class TotalsRow:
    """A closing row: a label, then the sums of the given (0-based) columns."""

    label: str
    sum_columns: list[int]


@dataclass
class Table:
    """A table: header rows (with spans), body rows of values, an optional totals row."""

    columns: list[Column]
    header_rows: list[list[HeaderCell]]
    rows: Sequence[Sequence[CellValue]]
    totals: TotalsRow | None = None
    # Caption written above the table; also the sheet name in XLSX.
    title: str = ""

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Raise ValueError when rows, header spans or totals do not fit the columns."""
        width = len(self.columns)
        if width == 0:
            raise ValueError("a table needs at least one column")
        self.placed_header_cells()
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"row {index} has {len(row)} cells, expected {width}")
        if self.totals is not None:
            for column in self.totals.sum_columns:
                if not 0 < column < width:
                    raise ValueError(f"totals column {column} outside 1..{width - 1}")

    def placed_header_cells(self) -> list[PlacedHeaderCell]:
        """Every header cell with its grid position, rows and columns counted from 0."""
        width = len(self.columns)
        taken: set[tuple[int, int]] = set()
        placed: list[PlacedHeaderCell] = []
        for row_index, row in enumerate(self.header_rows):
            column = 0
            for cell in row:
                while (row_index, column) in taken:
                    column += 1
                if cell.colspan < 1 or cell.rowspan < 1 or column + cell.colspan > width:
                    raise ValueError(f"header cell {cell.text!r} does not fit the columns")
                if row_index + cell.rowspan > len(self.header_rows):
                    raise ValueError(f"header cell {cell.text!r} spans past the header")
                for r in range(row_index, row_index + cell.rowspan):
                    for c in range(column, column + cell.colspan):
                        taken.add((r, c))
                placed.append(
                    PlacedHeaderCell(row_index, column, cell.rowspan, cell.colspan, cell.text)
                )
                column += cell.colspan
        expected = {(r, c) for r in range(len(self.header_rows)) for c in range(width)}
        if taken != expected:
            raise ValueError("header rows leave grid positions empty")
        return placed

    @property
    def totals_label_span(self) -> int:
        """How many leading columns the totals label covers (up to the first summed column)."""
        if self.totals is None or not self.totals.sum_columns:
            return len(self.columns)
        return min(self.totals.sum_columns)

    def totals_values(self) -> dict[int, int | float]:
        """The sum of each totals column over the body rows; empty cells count as 0."""
        if self.totals is None:
            return {}
        sums: dict[int, int | float] = {}
        for column in self.totals.sum_columns:
            total: int | float = 0
            for row in self.rows:
                value = row[column]
                if isinstance(value, bool | str):
                    raise ValueError(f"column {column} holds text {value!r}; it cannot be summed")
                if value is not None:
                    total += value
            sums[column] = total
        return sums


Block = Heading | Paragraph | BulletList | LabelledLines | Table


@dataclass
class SignatureBlock:
    """Who signs: a prefix ("TM. TỔ DÂN VẬN", "T/M CHI BỘ"), a role, and a name."""

    role: str
    name: str
    prefix: str = ""


@dataclass
class Recipients:
    """The "Nơi nhận:" list; the archive copy ("Lưu: ...") always closes it."""

    items: list[str]
    archive: str


@dataclass
class Attachment:
    """A part issued with the document, after its signature, from a new page: a list, a
    report of achievements. ``note`` is the italic line under its title ("(Kèm theo Tờ
    trình số 01/TTr-TDV ngày 20/12/2026 của …)")."""

    title: str
    subtitle: str = ""
    note: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    """One official document, independent of the format it is rendered to."""

    kind: DocumentKind
    preset: str
    issuing_body: str
    unit_abbreviation: str
    place: str
    date: date
    title: str
    subtitle: str = ""
    managing_body: str | None = None
    # An italic line under the subtitle: "(Ban hành kèm theo Quyết định số … của …)".
    note: str = ""
    # None until the document is finalised: drafts leave the number blank.
    number: int | None = None
    blocks: list[Block] = field(default_factory=list)
    signature_left: SignatureBlock | None = None
    signature_right: SignatureBlock | None = None
    recipients: Recipients | None = None
    # Not issued (or minutes not finalised): every format marks it «DỰ THẢO».
    draft: bool = False
    # False for documents with no number of their own (a registration, a regulation).
    has_number_line: bool = True
    # False for a regulation: the decision it is issued with carries the place and date.
    has_date_line: bool = True
    attachments: list[Attachment] = field(default_factory=list)
    # A correction: the register's id of the issued document this one replaces.
    replaces_id: int | None = None

    def tables(self) -> list[Table]:
        """The document's tables, its attachments' after its own, in order."""
        blocks = [*self.blocks, *(b for a in self.attachments for b in a.blocks)]
        return [block for block in blocks if isinstance(block, Table)]
