"""Self-test: read a written document back, with what the bundle ships.

DOCX with python-docx and XLSX with openpyxl (the libraries that wrote them, as
another program would open them: the text comes back in Vietnamese). The bundle
carries no PDF reader, so a PDF is checked by its structure: the header, the end
marker, a cross-reference table where ``startxref`` points, at least one page, and
the bundled serif embedded as a font file.
"""

from __future__ import annotations

import re
from pathlib import Path

from danvan_desktop.core.i18n import tr

# Every document names the team's work: it must read back with its diacritics.
EXPECTED_TEXT = "dân vận"
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_PAGE = re.compile(rb"/Type\s*/Page\b")
_FONT_NAME = re.compile(rb"/FontName\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)")
PDF_FONT_PREFIX = b"LiberationSerif"


def read_back(path: Path, format_name: str) -> str | None:
    """What is wrong with the file at ``path`` written as ``format_name``; None if nothing."""
    if not path.is_file() or path.stat().st_size == 0:
        return tr("SelfTest", "tệp {name} trống hoặc không có", name=path.name)
    if format_name == "docx":
        return _docx_problem(path)
    if format_name == "xlsx":
        return _xlsx_problem(path)
    if format_name == "pdf":
        return pdf_problem(path.read_bytes())
    return tr("SelfTest", "không biết đọc lại định dạng {format}", format=format_name)


def _missing_text(texts: list[str]) -> str | None:
    joined = "\n".join(texts).casefold()
    if EXPECTED_TEXT in joined:
        return None
    return tr("SelfTest", "đọc lại không thấy chữ «{text}»", text=EXPECTED_TEXT)


def _docx_problem(path: Path) -> str | None:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:
        return tr("SelfTest", "python-docx không mở được tệp ({error})", error=error)
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return _missing_text(texts)


def _xlsx_problem(path: Path) -> str | None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True)
    except Exception as error:
        return tr("SelfTest", "openpyxl không mở được tệp ({error})", error=error)
    try:
        texts = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
    finally:
        workbook.close()
    return _missing_text(texts)


def pdf_problem(data: bytes) -> str | None:
    """What is wrong with a PDF file's bytes (structure and fonts); None if nothing."""
    if not data.startswith(b"%PDF-"):
        return tr("SelfTest", "tệp PDF không bắt đầu bằng %PDF-")
    found = _STARTXREF.search(data[-128:])
    if found is None:
        return tr("SelfTest", "tệp PDF bị cắt cụt: thiếu startxref và %%EOF ở cuối")
    offset = int(found.group(1))
    if data[offset : offset + 4] != b"xref" and b" obj" not in data[offset : offset + 32]:
        return tr("SelfTest", "tệp PDF hỏng: startxref không chỉ tới bảng tham chiếu")
    if not _PAGE.search(data):
        return tr("SelfTest", "tệp PDF không có trang nào")
    fonts = [name for name in _FONT_NAME.findall(data) if name.startswith(PDF_FONT_PREFIX)]
    if not fonts or b"/FontFile2" not in data:
        return tr("SelfTest", "tệp PDF không nhúng phông Liberation Serif")
    return None
