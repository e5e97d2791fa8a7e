"""Files read into sheets: .xlsx as Excel and openpyxl write them, CSV; .xls and Word refused."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from import_files import csv_file, member_list, workbook

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.importing.encodings import UTF8, WINDOWS_1258
from danvan_desktop.importing.sources import read_source

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"


def excel_like(path: Path) -> Path:
    """An .xlsx as Excel writes it: shared strings (one in two rich runs, one with a
    phonetic guide), a date style, a formula's cached result, the 1900 calendar."""
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{_PACKAGE}/content-types"/>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Thành viên" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}"><si><t>Họ và tên</t></si>'
        "<si><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r></si>"
        '<si><t>Lê Thị Hoa</t><rPh sb="0" eb="1"><t>レ</t></rPh></si>'
        "<si><t>Ngày sinh</t></si></sst>",
        "xl/styles.xml": f'<styleSheet xmlns="{_MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>22770</v></c>'
        '<c r="C3"><f>1+1</f><v>2</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="d"><v>1975-03-01T00:00:00</v></c>'
        '<c r="C4" t="str"><f>A4</f><v>x</v></c></row>'
        "</sheetData></worksheet>",
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_an_excel_file_is_read_with_shared_strings_dates_and_results(tmp_path: Path) -> None:
    """Shared strings (rich runs joined, phonetic guides left out), a date cell and an ISO
    date as dates, a formula's result; a row the file leaves out is an empty row."""
    source = read_source(excel_like(tmp_path / "tv.xlsx"))
    assert source.sheet_names == ("Thành viên",)
    assert source.sheet.rows == [
        ("Họ và tên", "Ngày sinh"),
        (),
        ("Nguyễn Văn An", dt.datetime(1962, 5, 4), 2),
        ("Lê Thị Hoa", dt.datetime(1975, 3, 1), "x"),
    ]


def test_an_openpyxl_workbook_keeps_row_numbers_and_values(tmp_path: Path) -> None:
    """Row 1 is the title; a real date is a date, a serial number a number; blank rows stay."""
    rows = read_source(member_list(tmp_path / "tv.xlsx")).sheet.rows
    assert rows[0] == ("DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN TỔ DÂN PHỐ 5",)
    assert rows[3] == (None, None, None, None, None, "Số điện thoại")
    assert rows[4][1:3] == ("Nguyễn Văn An", dt.datetime(1962, 5, 4))
    assert rows[5][2] == 27089
    assert rows[7] == ()


def test_a_sheet_is_chosen_by_name(tmp_path: Path) -> None:
    """``sheet`` reads that sheet; an unknown one is refused naming the sheets there are."""
    path = workbook(tmp_path / "ds.xlsx", [["Họ và tên"]], sheet="Tổ viên")
    assert read_source(path, "Tổ viên").sheet.name == "Tổ viên"
    with pytest.raises(DanvanError) as refused:
        read_source(path, "Mô hình")
    assert refused.value.message == (
        "Tệp không có trang tính «Mô hình»: hãy chọn một trong «Tổ viên»."
    )


def test_an_old_xls_file_is_refused_with_the_way_out(tmp_path: Path) -> None:
    """An .xls (an OLE compound file) is refused, saying to save it as .xlsx."""
    path = tmp_path / "danh-sach.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(DanvanError) as refused:
        read_source(path)
    assert "định dạng Excel cũ (.xls)" in refused.value.message
    assert "«Sổ làm việc Excel (.xlsx)»" in refused.value.message


def test_a_word_file_is_refused_saying_to_copy_the_table_into_excel(tmp_path: Path) -> None:
    """A .docx list is refused: copy the table into Excel."""
    path = tmp_path / "danh-sach.docx"
    path.write_bytes(b"PK\x03\x04whatever")
    with pytest.raises(DanvanError) as refused:
        read_source(path)
    assert "văn bản Word" in refused.value.message


def test_a_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    """Bytes that are no workbook are told as such, with what to do."""
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(DanvanError) as refused:
        read_source(path)
    assert refused.value.message.startswith("Tệp hong.xlsx không đọc được như một tệp Excel")


def test_a_csv_in_windows_1258_with_semicolons(tmp_path: Path) -> None:
    """A CSV from a Vietnamese Windows (Windows-1258, «;» between cells) reads as Unicode."""
    path = csv_file(
        tmp_path / "tv.csv",
        [["Họ và tên", "Chức vụ"], ["Nguyễn Văn An", "Bí thư chi bộ"]],
        encoding="cp1258",
        delimiter=";",
    )
    source = read_source(path)
    assert source.encoding == WINDOWS_1258
    assert source.sheet.rows == [("Họ và tên", "Chức vụ"), ("Nguyễn Văn An", "Bí thư chi bộ")]


def test_a_csv_in_utf8_with_bom(tmp_path: Path) -> None:
    """«CSV UTF-8» from Excel: the BOM is no part of the first heading."""
    path = csv_file(tmp_path / "tv.csv", [["Họ và tên"], ["Lê Thị Hoa"]], encoding="utf-8-sig")
    source = read_source(path)
    assert (source.encoding, source.sheet.rows[0]) == (UTF8, ("Họ và tên",))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    """A path that is not there is named in the message."""
    with pytest.raises(DanvanError) as refused:
        read_source(tmp_path / "khong-co.xlsx")
    assert f"Không mở được tệp {tmp_path / 'khong-co.xlsx'}" in refused.value.message
