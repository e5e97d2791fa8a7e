"""Layout presets (state, Party) read from resources/presets/<name>.json.

Margins, font sizes, the header layout, the number format and the signature
prefix are data, so that a value found wrong against the original decree or
guidance is corrected in the JSON without touching code. ``unconfirmed`` in the
JSON lists the keys nobody could check yet; the loader verifies they exist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir

PRESET_NAMES = ("state", "party")
NumberFormat = Literal["state", "party"]


@dataclass(frozen=True)
class TextStyle:
    """Size and emphasis of one kind of text."""

    size_pt: float
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False

    def apply_caps(self, text: str) -> str:
        """The text in capitals when the style asks for them."""
        return text.upper() if self.caps else text


@dataclass(frozen=True)
class Mark:
    """What goes under a header block: a short rule, or a text such as "*" or "-----"."""

    kind: Literal["rule", "text"]
    length_mm: float = 0.0
    text: str = ""


@dataclass(frozen=True)
class HeaderLine:
    """A fixed line of the top-right block (national name, motto, Party name)."""

    text: str
    style: TextStyle


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class BodyStyle:
    """Body paragraphs: size, alignment, indent, spacing."""

    size_pt: float
    first_line_indent_cm: float
    space_after_pt: float
    line_spacing: float


@dataclass(frozen=True)
class Preset:
    """Everything a renderer needs to lay out a document in one style."""

    name: str
    label: str
    unconfirmed: tuple[str, ...]
    margins: Margins
    docx_font: str
    body: BodyStyle
    header_left_fraction: float
    top_right_lines: tuple[HeaderLine, ...]
    # True: a rule as long as the last top-right line (the motto) goes under it.
    top_right_rule: bool
    managing_body: TextStyle
    issuing_body: TextStyle
    issuing_mark: Mark
    number: TextStyle
    number_format: NumberFormat
    place_date: TextStyle
    title: TextStyle
    subtitle: TextStyle
    subtitle_mark: Mark
    headings: tuple[TextStyle, ...]
    table_text: TextStyle
    table_header: TextStyle
    table_caption: TextStyle
    signature_prefix: str
    signature_title: TextStyle
    signature_name: TextStyle
    signature_space_mm: float
    recipients_heading_text: str
    recipients_heading: TextStyle
    recipients_item: TextStyle
    archive_prefix: str
    page_number: TextStyle
    page_number_on_first_page: bool
    thousands_separator: str
    decimal_separator: str
    # Written after the last words of the body ("./." in Decree 30); "" for none.
    closing_mark: str = ""

    def heading_style(self, level: int) -> TextStyle:
        """The style of a heading level (deeper levels reuse the last style)."""
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    def on_behalf_of(self, collective: str) -> str:
        """A signature prefix line such as "TM. TỔ DÂN VẬN" or "T/M CHI BỘ"."""
        return f"{self.signature_prefix} {collective.upper()}"


class _Reader:
    """Typed access to the JSON with errors that name the file and the key."""

    def __init__(self, data: object, source: str) -> None:
        self.data = data
        self.source = source

    def get(self, path: str) -> Any:
        node: Any = self.data
        for key in path.split("."):
            if not isinstance(node, dict) or key not in node:
                raise self.problem(path, tr("ReportPresets", "thiếu mục này"))
            node = node[key]
        return node

    def number(self, path: str) -> float:
        value = self.get(path)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.problem(path, tr("ReportPresets", "cần một số không âm"))
        return float(value)

    def text(self, path: str) -> str:
        value = self.get(path)
        if not isinstance(value, str):
            raise self.problem(path, tr("ReportPresets", "cần một chuỗi chữ"))
        return value

    def choice(self, path: str, allowed: tuple[str, ...]) -> str:
        value = self.text(path)
        if value not in allowed:
            raise self.problem(
                path, tr("ReportPresets", "cần một trong: {allowed}", allowed=", ".join(allowed))
            )
        return value

    def style(self, path: str, node: object | None = None) -> TextStyle:
        raw = self.get(path) if node is None else node
        if not isinstance(raw, dict):
            raise self.problem(path, tr("ReportPresets", "cần một kiểu chữ có size_pt"))
        flags = ("bold", "italic", "caps", "underline")
        unknown = set(raw) - {"size_pt", *flags}
        if unknown or not isinstance(raw.get("size_pt"), int | float):
            raise self.problem(
                path, tr("ReportPresets", "cần size_pt và các cờ bold, italic, caps, underline")
            )
        return TextStyle(float(raw["size_pt"]), **{flag: bool(raw.get(flag)) for flag in flags})

    def mark(self, path: str) -> Mark:
        kind = self.choice(f"{path}.kind", ("rule", "text"))
        if kind == "rule":
            return Mark("rule", length_mm=self.number(f"{path}.length_mm"))
        return Mark("text", text=self.text(f"{path}.text"))

    def problem(self, path: str, what: str) -> DanvanError:
        return DanvanError(
            tr(
                "ReportPresets",
                "Mẫu trình bày {source}, mục “{key}”: {what}. Hãy sửa tệp mẫu rồi thử lại.",
                source=self.source,
                key=path,
                what=what,
            )
        )


def presets_dir() -> Path:
    """The folder holding the preset JSON files."""
    return resources_dir() / "presets"


def load_preset(name: str, folder: Path | None = None) -> Preset:
    """Read and check one preset; DanvanError names the bad key when the JSON is wrong."""
    path = (folder or presets_dir()) / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DanvanError(
            tr("ReportPresets", "Không có mẫu trình bày “{name}” ({path}).", name=name, path=path)
        ) from None
    except (OSError, ValueError) as error:
        raise DanvanError(
            tr(
                "ReportPresets",
                "Không đọc được mẫu trình bày {path}: {error}. Hãy sửa tệp mẫu rồi thử lại.",
                path=path,
                error=error,
            )
        ) from error
    return _preset_from(_Reader(data, path.name))


def _preset_from(r: _Reader) -> Preset:
    unconfirmed = tuple(r.get("unconfirmed"))
    for key in unconfirmed:
        r.get(key)  # a typo in the list would hide which value is still unchecked
    headings = r.get("headings")
    lines = r.get("header.top_right_lines")
    if not isinstance(headings, list) or not headings or not isinstance(lines, list):
        raise r.problem("headings", tr("ReportPresets", "cần một danh sách kiểu chữ"))
    return Preset(
        name=r.text("name"),
        label=r.text("label"),
        unconfirmed=unconfirmed,
        margins=Margins(*(r.number(f"page.margins_mm.{side}") for side in _SIDES)),
        docx_font=r.text("fonts.docx_family"),
        body=BodyStyle(
            size_pt=r.number("body.size_pt"),
            first_line_indent_cm=r.number("body.first_line_indent_cm"),
            space_after_pt=r.number("body.space_after_pt"),
            line_spacing=r.number("body.line_spacing"),
        ),
        header_left_fraction=r.number("header.left_width_fraction"),
        top_right_lines=tuple(
            HeaderLine(str(line["text"]), r.style("header.top_right_lines", line["style"]))
            for line in lines
        ),
        top_right_rule=r.choice("header.top_right_rule", ("text_width", "none")) == "text_width",
        managing_body=r.style("header.managing_body"),
        issuing_body=r.style("header.issuing_body"),
        issuing_mark=r.mark("header.issuing_mark"),
        number=r.style("header.number"),
        number_format=cast(NumberFormat, r.choice("header.number_format", ("state", "party"))),
        place_date=r.style("header.place_date"),
        title=r.style("title"),
        subtitle=r.style("subtitle"),
        subtitle_mark=r.mark("subtitle_mark"),
        headings=tuple(r.style("headings", node) for node in headings),
        table_text=r.style("table.text"),
        table_header=r.style("table.header"),
        table_caption=r.style("table.caption"),
        signature_prefix=r.text("signature.prefix"),
        signature_title=r.style("signature.title"),
        signature_name=r.style("signature.name"),
        signature_space_mm=r.number("signature.space_mm"),
        recipients_heading_text=r.text("recipients.heading_text"),
        recipients_heading=r.style("recipients.heading"),
        recipients_item=r.style("recipients.item"),
        archive_prefix=r.text("recipients.archive_prefix"),
        page_number=r.style("page_number", {"size_pt": r.number("page_number.size_pt")}),
        page_number_on_first_page=bool(r.get("page_number.first_page")),
        thousands_separator=r.text("number_format.thousands_separator"),
        decimal_separator=r.text("number_format.decimal_separator"),
        closing_mark=r.text("body.closing_mark"),
    )


_SIDES = ("top", "bottom", "left", "right")


def preset_label(name: str) -> str:
    """The preset's name for pickers, in the interface language."""
    return tr("ReportPresets", load_preset(name).label)
