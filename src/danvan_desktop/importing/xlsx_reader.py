"""A streaming reader of one sheet of an ``.xlsx``: cell values, row by row.

openpyxl's read-only mode reads a cell in about 25 µs; a member list of ten thousand
rows would take two seconds of a five-second budget before anything is checked. This
reader walks the sheet's XML with the standard library's (C) parser and reads only what
an import needs: each cell's value, with a number a date when its format is one
(openpyxl's ``is_date_format`` and ``from_excel`` decide, so dates read as openpyxl
reads them). Shared strings, inline strings (what openpyxl writes), rich text runs,
formula results, booleans and the 1904 calendar (old Mac files) are understood;
phonetic guides and error values are not text of the cell. Both the transitional and
the strict OOXML namespaces are read (elements are matched by their local names).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any
from xml.etree.ElementTree import Element, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_REF = re.compile(r"([A-Z]+)(\d+)")
_REL_TYPE_SHEET = "/worksheet"
_NAMESPACES = (
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",  # strict OOXML
)
_ROW = frozenset(ns + "row" for ns in _NAMESPACES)
_CELL = frozenset(ns + "c" for ns in _NAMESPACES)
_VALUE = frozenset(ns + "v" for ns in _NAMESPACES)
_INLINE = frozenset(ns + "is" for ns in _NAMESPACES)
_TEXT = frozenset(ns + "t" for ns in _NAMESPACES)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attribute(element: Element, name: str) -> str | None:
    """An attribute by local name (``r:id`` is in a namespace of its own)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


class XlsxBook:
    """An open ``.xlsx``: its sheets by name, and the rows of any of them."""

    def __init__(self, file: IO[bytes] | str) -> None:
        self._zip = zipfile.ZipFile(file)
        self._names = set(self._zip.namelist())
        self.sheets: dict[str, str] = {}  # name -> part in the archive
        self._epoch = CALENDAR_WINDOWS_1900
        self._read_workbook()
        self._strings: list[str] | None = None
        self._dates: list[bool] | None = None

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def _parse(self, part: str) -> Iterator[Element]:
        with self._zip.open(part) as stream:
            for _, element in iterparse(stream):
                yield element

    def _read_workbook(self) -> None:
        targets: dict[str, str] = {}
        rels = "xl/_rels/workbook.xml.rels"
        if rels in self._names:
            for element in self._parse(rels):
                if _local(element.tag) == "Relationship":
                    kind = element.get("Type", "")
                    if kind.endswith(_REL_TYPE_SHEET):
                        target = element.get("Target", "")
                        path = target.lstrip("/") if target.startswith("/") else (
                            posixpath.normpath(posixpath.join("xl", target))
                        )  # fmt: skip
                        targets[element.get("Id", "")] = path
        for element in self._parse("xl/workbook.xml"):
            name = _local(element.tag)
            if name == "workbookPr" and element.get("date1904") in ("1", "true"):
                self._epoch = CALENDAR_MAC_1904
            elif name == "sheet":
                part = targets.get(_attribute(element, "id") or "")
                if part is not None and part in self._names:
                    self.sheets[element.get("name", "")] = part

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            part = "xl/sharedStrings.xml"
            if part in self._names:
                for element in self._parse(part):
                    if _local(element.tag) == "si":
                        self._strings.append(_text_of(element))
                        element.clear()
        return self._strings

    def _date_styles(self) -> list[bool]:
        """For each cell format (``s`` of a cell): whether it shows a date."""
        if self._dates is None:
            codes: dict[int, str] = dict(BUILTIN_FORMATS)
            dates: list[bool] = []
            part = "xl/styles.xml"
            if part in self._names:
                in_cell_formats = False
                with self._zip.open(part) as stream:
                    for event, element in iterparse(stream, events=("start", "end")):
                        name = _local(element.tag)
                        if name == "cellXfs":
                            in_cell_formats = event == "start"
                        elif event == "end" and name == "numFmt":
                            codes[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
                        elif event == "end" and name == "xf" and in_cell_formats:
                            code = codes.get(int(element.get("numFmtId", "0")), "")
                            dates.append(bool(code) and is_date_format(code))
            self._dates = dates
        return self._dates

    def rows(self, sheet: str) -> Iterator[tuple[Any, ...]]:
        """The sheet's rows from row 1, each a tuple of values (None for empty cells);
        rows the file leaves out come as empty tuples."""
        strings, dates = self._shared_strings(), self._date_styles()
        expected = 1
        row_number = 0
        for element in self._parse(self.sheets[sheet]):
            if element.tag not in _ROW:
                continue
            cells: dict[int, Any] = {}
            for cell in element:
                if cell.tag in _CELL:
                    ref = _REF.fullmatch(cell.get("r") or "")
                    column = _column_index(ref.group(1)) if ref else len(cells)
                    cells[column] = self._value(cell, strings, dates)
            number = element.get("r")
            row_number = int(number) if number else row_number + 1
            while expected < row_number:
                yield ()
                expected += 1
            width = max(cells, default=-1) + 1
            yield tuple(cells.get(i) for i in range(width))
            expected = row_number + 1
            element.clear()

    def _value(self, cell: Element, strings: list[str], dates: list[bool]) -> Any:
        kind = cell.get("t", "n")
        raw: str | None = None
        for child in cell:
            if child.tag in _VALUE:
                raw = child.text
            elif child.tag in _INLINE:
                return _text_of(child)
        if raw is None or kind == "e":
            return None
        if kind == "s":
            return strings[int(raw)]
        if kind == "d":  # an ISO 8601 date (LibreOffice may write dates so)
            try:
                return datetime.fromisoformat(raw)
            except ValueError:
                return raw
        if kind in ("str", "inlineStr"):
            return raw
        if kind == "b":
            return raw in ("1", "true")
        number = float(raw)
        style = int(cell.get("s", "0"))
        if style < len(dates) and dates[style]:
            return from_excel(number, self._epoch)
        return int(number) if number.is_integer() and "." not in raw and "E" not in raw else number


def _text_of(element: Element) -> str:
    """The text of a string item: its ``t`` elements, outside phonetic guides (``rPh``)."""
    if len(element) == 1 and element[0].tag in _TEXT:
        return element[0].text or ""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node:
            name = _local(child.tag)
            if name == "rPh":
                continue
            if name == "t":
                parts.append(child.text or "")
            else:
                walk(child)

    walk(element)
    return "".join(parts)
