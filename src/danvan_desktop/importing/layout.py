"""Where a sheet's headings are and which column is which field.

Lists kept in Excel often have a title above the table («DANH SÁCH THÀNH VIÊN TỔ DÂN
VẬN …») and a header of two rows, a heading merged over both rows beside headings
under a merged group («Liên hệ» over «Số điện thoại» and «Địa chỉ»). The header row is
the row (among the first ``SEARCH_ROWS``) whose headings name the most fields; a column
whose cell in that row is empty takes the heading above it (a heading merged down over
the two rows keeps its text in the upper cell). The user may choose another header row
and give any column another field (or none).

A column holding text typed in an old encoding (TCVN3, VNI) is refused when it is
taken in, naming the column, a row it was found in and the way to convert the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.importing.encodings import legacy_encoding
from danvan_desktop.importing.headings import HeadingIndex
from danvan_desktop.importing.sources import Sheet
from danvan_desktop.importing.targets import ImportTarget

SEARCH_ROWS = 20
FILE = "file"  # FieldProblem.field of a problem of the whole file


def column_letter(index: int) -> str:
    """The spreadsheet's name of the 0-based column ``index``: A, B, … Z, AA, …"""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_problem_field(index: int) -> str:
    """FieldProblem.field of a problem of one column: ``column:B``."""
    return f"column:{column_letter(index)}"


@dataclass(frozen=True)
class Legacy:
    """Text in an old encoding found in a column: which, where, and the text."""

    encoding: str
    row: int
    text: str


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its heading, the field it fills (None: not taken in)."""

    index: int
    heading: str
    field: str | None
    chosen: bool  # the user gave the field (else it was matched from the heading)
    legacy: Legacy | None

    @property
    def letter(self) -> str:
        """The column's letter (A, B, …)."""
        return column_letter(self.index)


@dataclass(frozen=True)
class Layout:
    """The header row (1-based), the columns and what keeps the file out as a whole."""

    header_row: int
    columns: tuple[Column, ...]
    problems: tuple[FieldProblem, ...]

    def column_of(self, name: str) -> Column | None:
        """The column that fills field (or extra) ``name``, if any."""
        return next((c for c in self.columns if c.field == name), None)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields and extras taken in, in column order."""
        return tuple(c.field for c in self.columns if c.field is not None)


def _heading(sheet: Sheet, row: int, index: int) -> Any:
    """The heading of column ``index`` at 1-based ``row`` (the cell above when empty)."""
    for number in (row, row - 1):
        if number < 1 or number > len(sheet.rows):
            continue
        cells = sheet.rows[number - 1]
        value = cells[index] if index < len(cells) else None
        if value is not None:
            return value
    return None


def guess_header_row(sheet: Sheet, index: HeadingIndex) -> int:
    """The row among the first ones whose headings name the most fields (1 if none do)."""
    best, best_row = 0, 1
    for row in range(1, min(SEARCH_ROWS, len(sheet.rows)) + 1):
        named = {index.field_for(_heading(sheet, row, i)) for i in range(sheet.width)} - {None}
        if len(named) > best:
            best, best_row = len(named), row
    return best_row


def make_layout(
    sheet: Sheet,
    target: ImportTarget,
    *,
    header_row: int | None = None,
    chosen: Mapping[int, str | None] | None = None,
) -> Layout:
    """The columns of ``sheet`` for ``target``: matched by heading, then as ``chosen``
    (column index -> field or None) says; with the problems that keep the file out."""
    index = target.heading_index()
    row = header_row or guess_header_row(sheet, index)
    chosen = dict(chosen or {})
    taken: dict[str, int] = {}
    for i, name in chosen.items():
        if name is not None:
            taken[name] = i
    columns: list[Column] = []
    for i in range(sheet.width):
        heading = _heading(sheet, row, i)
        text = "" if heading is None else " ".join(str(heading).split())
        if i in chosen:
            name, by_user = chosen[i], True
        else:
            name, by_user = index.field_for(heading), False
            if name is not None and taken.setdefault(name, i) != i:
                name = None  # an earlier column (or the user) gave this field already
        columns.append(Column(i, text, name, by_user, None))
    columns = [_with_legacy(sheet, row, c) for c in columns]
    return Layout(row, tuple(columns), tuple(_problems(sheet, target, row, columns)))


def check_choices(
    sheet: Sheet,
    target: ImportTarget,
    header_row: int | None,
    chosen: Mapping[int, str | None] | None,
) -> None:
    """Refuse a header row the sheet does not have, a column it does not have, or a field
    ``target`` does not take (ValidationError naming what to choose)."""
    problems: list[FieldProblem] = []
    if header_row is not None and not 1 <= header_row <= max(len(sheet.rows), 1):
        problems.append(
            FieldProblem(
                "header_row",
                tr(
                    "importing",
                    "Không có dòng {row}: trang tính có {count} dòng; hãy chọn dòng tiêu đề "
                    "từ 1 đến {count}.",
                    row=header_row,
                    count=max(len(sheet.rows), 1),
                ),
            )
        )
    for index, name in (chosen or {}).items():
        if not 0 <= index < max(sheet.width, 1):
            problems.append(
                FieldProblem(
                    "columns",
                    tr(
                        "importing",
                        "Không có cột {letter}: trang tính có các cột từ A đến {last}.",
                        letter=column_letter(index) if index >= 0 else str(index),
                        last=column_letter(max(sheet.width, 1) - 1),
                    ),
                )
            )
        elif name is not None and name not in target.columns:
            problems.append(
                FieldProblem(
                    "columns",
                    tr(
                        "importing",
                        "Cột {letter}: không có mục «{name}»; hãy chọn một trong {known}.",
                        letter=column_letter(index),
                        name=name,
                        known=", ".join(target.columns),
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)


def _with_legacy(sheet: Sheet, row: int, column: Column) -> Column:
    """The column with the first text in an old encoding found in its heading or, when
    it is taken in, its cells."""
    found = legacy_encoding(column.heading) if column.heading else None
    if found is not None:
        legacy = Legacy(found, row, column.heading)
        return Column(column.index, column.heading, column.field, column.chosen, legacy)
    if column.field is None:
        return column
    rows = sheet.rows[row:]
    texts = [r[column.index] if column.index < len(r) else None for r in rows]
    if legacy_encoding("\n".join(t for t in texts if isinstance(t, str))) is None:
        return column  # one search over the whole column: most columns have none
    for number, value in enumerate(texts, start=row + 1):
        if isinstance(value, str) and (found := legacy_encoding(value)) is not None:
            legacy = Legacy(found, number, value)
            return Column(column.index, column.heading, column.field, column.chosen, legacy)
    return column


def _problems(
    sheet: Sheet, target: ImportTarget, row: int, columns: list[Column]
) -> list[FieldProblem]:
    problems = [
        FieldProblem(column_problem_field(c.index), legacy_message(c))
        for c in columns
        if c.legacy is not None and (c.field is not None or c.legacy.row == row)
    ]
    given = {c.field for c in columns}
    for name in target.needed:
        if name not in given:
            label = tr("fields", target.spec.field(name).label)
            problems.append(
                FieldProblem(
                    FILE,
                    tr(
                        "importing",
                        "Chưa có cột nào cho «{label}» (bắt buộc): hãy chọn cột ghi "
                        "{label_lower} trong bảng các cột, hoặc thêm cột đó vào tệp.",
                        label=label,
                        label_lower=label.lower(),
                    ),
                )
            )
    if not any(any(v is not None for v in r) for r in sheet.rows[row:]):
        problems.append(
            FieldProblem(
                FILE,
                tr(
                    "importing",
                    "Không có dòng dữ liệu nào dưới dòng tiêu đề {row}: hãy chọn đúng trang "
                    "tính và dòng tiêu đề.",
                    row=row,
                ),
            )
        )
    return problems


def legacy_message(column: Column) -> str:
    """What to say of a column typed in an old encoding: where, what, and how to convert."""
    assert column.legacy is not None
    return tr(
        "importing",
        "Cột {letter} «{heading}» có chữ gõ bằng bảng mã cũ {encoding} (dòng {row}: «{text}»), "
        "không phải Unicode: hãy mở tệp bằng Excel, chép bảng vào bộ nhớ, dùng công cụ "
        "«Chuyển mã» của Unikey (nguồn {encoding}, đích Unicode) rồi dán lại và lưu tệp; "
        "sau đó nhập lại.",
        letter=column.letter,
        heading=column.heading or "-",
        encoding=column.legacy.encoding,
        row=column.legacy.row,
        text=column.legacy.text[:60],
    )
