"""One registry of output formats: format name → renderer (as Datasette's output renderers).

A renderer takes a Document and a Preset and returns the file's bytes; writing
them (atomically, maybe to a USB stick) is someone else's job. New formats
register here and every caller (UI export dialog, CLI) sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.reports.document import Document
from danvan_desktop.reports.presets import Preset, load_preset
from danvan_desktop.reports.render_docx import render_docx
from danvan_desktop.reports.render_pdf import render_pdf
from danvan_desktop.reports.render_xlsx import render_xlsx

RenderFunction = Callable[[Document, Preset], bytes]


@dataclass(frozen=True)
class OutputRenderer:
    """A registered output format."""

    name: str
    extension: str
    media_type: str
    # Vietnamese source text of the label; translated by ``label()``.
    label_source: str
    render: RenderFunction

    def label(self) -> str:
        """The format's name for menus, in the interface language."""
        return tr("ReportFormats", self.label_source)


_RENDERERS: dict[str, OutputRenderer] = {}


def register_renderer(renderer: OutputRenderer) -> None:
    """Add (or replace) the renderer for renderer.name."""
    _RENDERERS[renderer.name] = renderer


def available_renderers() -> list[OutputRenderer]:
    """Every registered format, in registration order."""
    return list(_RENDERERS.values())


def renderer_for(name: str) -> OutputRenderer:
    """The renderer of a format; DanvanError when no such format is registered."""
    try:
        return _RENDERERS[name]
    except KeyError:
        known = ", ".join(_RENDERERS)
        raise DanvanError(
            tr(
                "ReportFormats",
                "Không có định dạng xuất “{name}”. Hãy chọn một trong: {known}.",
                name=name,
                known=known,
            )
        ) from None


def render(document: Document, format_name: str, preset: Preset | None = None) -> bytes:
    """Render a document to one format, with its own preset unless one is given."""
    renderer = renderer_for(format_name)
    return renderer.render(document, preset or load_preset(document.preset))


for _builtin in (
    OutputRenderer(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Văn bản Word (DOCX)",
        render_docx,
    ),
    OutputRenderer("pdf", ".pdf", "application/pdf", "Tệp PDF", render_pdf),
    OutputRenderer(
        "xlsx",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Bảng tính Excel (XLSX)",
        render_xlsx,
    ),
):
    register_renderer(_builtin)
