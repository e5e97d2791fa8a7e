"""Files as teams keep them, made by the tests: workbooks (openpyxl) and CSV files.

A member list with a title row above a two-row header (a heading merged over both rows
beside a merged group), dates as real dates, Excel serial numbers and typed text, blank
rows and a row typed twice; CSV in UTF-8 (with or without BOM) and in Windows-1258 as
Excel writes it on a Vietnamese Windows (tone marks as combining characters); text in the
old TCVN3 encoding as Excel shows it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

# Tone marks Windows-1258 writes as combining characters after the letter.
_CP1258_TONES = "\u0300\u0301\u0303\u0309\u0323"

# «Nguyễn Văn An», «Lê Thị Hoa», «Trần Văn Bình» typed in TCVN3 (.VnTime), as Excel shows them.
TCVN3_NAMES = ("NguyÔn V¨n An", "Lª ThÞ Hoa", "TrÇn V¨n B×nh")
VNI_NAMES = ("Nguyeãn Vaên An", "Leâ Thò Hoa")


def windows_1258(text: str) -> bytes:
    """``text`` encoded as Windows-1258 writes it: base letters (â, ơ, đ …) precomposed,
    tone marks as combining characters."""
    out: list[str] = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _CP1258_TONES))
        out.append(base + "".join(c for c in parts if c in _CP1258_TONES))
    return "".join(out).encode("cp1258")


def workbook(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    merges: Sequence[str] = (),
    sheet: str = "Danh sách",
    date_cells: Sequence[str] = (),
) -> Path:
    """Write ``rows`` into a one-sheet workbook (cells in ``merges`` merged; cells in
    ``date_cells`` formatted dd/mm/yyyy)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    for ref in date_cells:
        ws[ref].number_format = "dd/mm/yyyy"
    book.save(path)
    return path


def csv_file(
    path: Path, rows: Sequence[Sequence[Any]], *, encoding: str, delimiter: str = ","
) -> Path:
    """Write ``rows`` as CSV: ``utf-8``, ``utf-8-sig`` (with BOM) or ``cp1258``."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    text = buffer.getvalue()
    data = windows_1258(text) if encoding == "cp1258" else text.encode(encoding)
    path.write_bytes(data)
    return path


TITLE = "DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN TỔ DÂN PHỐ 5"


def member_list(path: Path) -> Path:
    """A roster as a leader keeps it: a title, a two-row header (STT, Họ và tên, Ngày sinh
    merged over both rows; «Liên hệ» over «Số điện thoại»), dates three ways, a blank row
    and the last member typed twice."""
    rows: list[list[Any]] = [
        [TITLE],
        [],
        ["STT", "HỌ VÀ TÊN", "Ngày sinh", "Chức vụ", "Vai trò", "Liên hệ"],
        [None, None, None, None, None, "Số điện thoại"],
        [1, "Nguyễn Văn An", dt.datetime(1962, 5, 4), "Bí thư chi bộ", "Tổ trưởng", "0905 111 222"],
        [2, "Lê Thị Hoa", 27089, "Chi hội trưởng Hội Liên hiệp Phụ nữ", "Tổ viên", 914333444],
        [3, "Trần Văn Bình", "12/8/1970", "Trưởng thôn", "Tổ phó", None],
        [],
        [4, "Hồ Thị Lan", "3/2/1988", "Bí thư chi đoàn Thanh niên", "Tổ viên", "0935 555 666"],
        [5, "Hồ Thị Lan", "3/2/1988", "Bí thư chi đoàn Thanh niên", "Tổ viên", "0935 555 666"],
    ]
    return workbook(path, rows, merges=("A1:F1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4"))


MODEL_HEADINGS = ["TT", "Tên mô hình", "Lĩnh vực", "Tình trạng", "Năm đăng ký", "Ngày bắt đầu"]


def model_list(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A model list: a title row, then the headings, then ``rows``."""
    return workbook(path, [["DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”"], MODEL_HEADINGS, *rows])
