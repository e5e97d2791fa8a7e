"""Reading a team's file into a sheet of cell values: ``.xlsx`` or ``.csv``.

An ``.xlsx`` is read by ``xlsx_reader`` (values only: a formula gives the value Excel
last computed), the sheet asked for; dates Excel formats as dates arrive as dates,
other numbers as numbers. A ``.csv`` is decoded by ``encodings.decode_csv``
and split at the separator it uses (comma, semicolon or tab). Text is put in NFC.

The old ``.xls`` format (and a Word file) is refused with the way out: save it as
``.xlsx``. Rows keep their numbers as the spreadsheet shows them (``Sheet.rows[0]`` is
row 1), so every message can name the row a user sees.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.importing.encodings import decode_csv, nfc

Progress = Callable[[int, int], None]
Check = Callable[[], None]

MAX_ROWS = 100_000
MAX_CSV_BYTES = 50 * 1024 * 1024
EMPTY_RUN_END = 500  # this many empty rows in a row end the sheet (formatted but empty)
CHECK_EVERY = 500
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and .doc (OLE compound files)
_ZIP_MAGIC = b"PK\x03\x04"
_WORD = (".doc", ".docx", ".odt", ".rtf")


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells: ``rows[0]`` is row 1; trailing empty cells and rows dropped."""

    name: str
    rows: list[tuple[Any, ...]]

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class Source:
    """A file read: its sheets' names, the sheet chosen, and (CSV) the encoding read."""

    path: Path
    sheet_names: tuple[str, ...]
    sheet: Sheet
    encoding: str | None = None


def read_source(
    path: Path,
    sheet: str | None = None,
    *,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Source:
    """Read ``path`` (its ``sheet``, or the first one); DanvanError says what is wrong."""
    path = Path(path)
    head = _head(path)
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise DanvanError(_old_excel(path) if suffix != ".doc" else _word(path))
    if suffix in _WORD:
        raise DanvanError(_word(path))
    if suffix in (".xlsx", ".xlsm") or head.startswith(_ZIP_MAGIC):
        return _read_xlsx(path, sheet, progress, check)
    if suffix in (".csv", ".txt"):
        return _read_csv(path, sheet, check)
    raise DanvanError(
        tr(
            "importing",
            "Không nhập được tệp {name}: chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv). "
            "Hãy mở tệp bằng Excel rồi lưu thành .xlsx.",
            name=path.name,
        )
    )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(8)
    except OSError as exc:
        raise DanvanError(
            tr(
                "importing",
                "Không mở được tệp {path}: {reason}. Hãy kiểm tra tên tệp và quyền đọc.",
                path=path,
                reason=exc.strerror or exc,
            )
        ) from exc


def _old_excel(path: Path) -> str:
    return tr(
        "importing",
        "Tệp {name} là định dạng Excel cũ (.xls), ứng dụng không đọc được: hãy mở tệp bằng "
        "Excel hoặc LibreOffice, chọn «Lưu thành» (Save As) kiểu «Sổ làm việc Excel (.xlsx)», "
        "rồi nhập tệp .xlsx đó.",
        name=path.name,
    )


def _word(path: Path) -> str:
    return tr(
        "importing",
        "Tệp {name} là văn bản Word, không nhập được: hãy chép bảng trong văn bản sang "
        "Excel, lưu thành tệp .xlsx rồi nhập tệp đó.",
        name=path.name,
    )


def _unreadable_xlsx(path: Path, reason: object) -> DanvanError:
    return DanvanError(
        tr(
            "importing",
            "Tệp {name} không đọc được như một tệp Excel .xlsx ({reason}): tệp có thể bị "
            "hỏng hoặc đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu nếu có, lưu lại thành "
            ".xlsx rồi nhập lại.",
            name=path.name,
            reason=reason,
        )
    )


def _no_sheet(sheet: str, names: Iterable[str]) -> DanvanError:
    return DanvanError(
        tr(
            "importing",
            "Tệp không có trang tính «{sheet}»: hãy chọn một trong {names}.",
            sheet=sheet,
            names=", ".join(f"«{n}»" for n in names),
        )
    )


def _read_xlsx(
    path: Path, sheet: str | None, progress: Progress | None, check: Check | None
) -> Source:
    from danvan_desktop.importing.xlsx_reader import XlsxBook

    broken = (zipfile.BadZipFile, KeyError, IndexError, ValueError, SyntaxError)
    try:
        book = XlsxBook(str(path))
    except (*broken, OSError) as exc:
        raise _unreadable_xlsx(path, exc) from exc
    try:
        names = tuple(book.sheets)
        if not names:
            raise _unreadable_xlsx(path, "0 sheets")
        name = names[0] if sheet is None else sheet
        if name not in names:
            raise _no_sheet(name, names)
        rows = _kept_rows(book.rows(name), 0, progress, check)
    except broken as exc:  # ParseError is a SyntaxError
        raise _unreadable_xlsx(path, exc) from exc
    finally:
        book.close()
    return Source(path, names, Sheet(name, rows))


def _read_csv(path: Path, sheet: str | None, check: Check | None) -> Source:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DanvanError(_too_big(path))
        data = path.read_bytes()
    except OSError as exc:
        raise DanvanError(
            tr(
                "importing",
                "Không mở được tệp {path}: {reason}. Hãy kiểm tra tên tệp và quyền đọc.",
                path=path,
                reason=exc.strerror or exc,
            )
        ) from exc
    text, encoding = decode_csv(data)
    name = path.stem
    if sheet is not None and sheet != name:
        raise _no_sheet(sheet, [name])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = _kept_rows(reader, 0, None, check)
    return Source(path, (name,), Sheet(name, rows), encoding)


def _too_big(path: Path) -> str:
    return tr(
        "importing",
        "Tệp {name} quá lớn (quá {limit} dòng hoặc 50 MB): hãy chia thành nhiều tệp nhỏ hơn.",
        name=path.name,
        limit=f"{MAX_ROWS:,}".replace(",", "."),
    )


def _delimiter(text: str) -> str:
    """The separator of the file's first lines: comma, semicolon or tab."""
    sample = "\n".join(text[:65536].splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = nfc(value)
        return value if value.strip() else None
    return value


def _kept_rows(
    rows: Iterable[Iterable[Any]], declared: int, progress: Progress | None, check: Check | None
) -> list[tuple[Any, ...]]:
    """Rows with text in NFC, blanks as None and trailing empty cells dropped; stops after
    a long run of empty rows (a sheet formatted far below its data)."""
    kept: list[tuple[Any, ...]] = []
    empty_run = 0
    for number, row in enumerate(rows, start=1):
        cells = [_cell(v) for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            kept.extend([()] * empty_run)
            empty_run = 0
            kept.append(tuple(cells))
        else:
            empty_run += 1
            if empty_run >= EMPTY_RUN_END:
                break
        if number % CHECK_EVERY == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(number, max(declared, number))
        if len(kept) > MAX_ROWS:
            raise DanvanError(
                tr(
                    "importing",
                    "Trang tính có hơn {limit} dòng: hãy chia thành nhiều tệp nhỏ hơn.",
                    limit=f"{MAX_ROWS:,}".replace(",", "."),
                )
            )
    return kept
