"""One registry of output formats: lookup, rendering, errors, labels."""

from __future__ import annotations

from datetime import date

import pytest

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.reports import registry
from danvan_desktop.reports.document import Document, DocumentKind
from danvan_desktop.reports.presets import Preset, load_preset


def notice(preset: str = "state") -> Document:
    return Document(
        kind=DocumentKind.NOTICE,
        preset=preset,
        issuing_body="Tổ dân vận thôn 3",
        unit_abbreviation="TDV",
        place="Huế",
        date=date(2026, 2, 3),
        title="Thông báo",
    )


def test_builtin_formats_in_order() -> None:
    """DOCX, PDF and XLSX are registered with their extensions."""
    formats = [(r.name, r.extension) for r in registry.available_renderers()][:3]
    assert formats == [("docx", ".docx"), ("pdf", ".pdf"), ("xlsx", ".xlsx")]


def test_render_produces_each_format() -> None:
    """Each format's bytes start with its file signature (ZIP for OOXML)."""
    assert registry.render(notice(), "pdf")[:5] == b"%PDF-"
    assert registry.render(notice(), "docx")[:2] == b"PK"
    assert registry.render(notice(), "xlsx")[:2] == b"PK"


def test_unknown_format_names_the_choices() -> None:
    """An unknown format is refused with the known ones listed."""
    with pytest.raises(DanvanError, match=r"“odt”.*docx, pdf, xlsx"):
        registry.renderer_for("odt")


def test_unknown_preset_is_refused() -> None:
    """A document naming a preset that does not exist gets a clear error."""
    with pytest.raises(DanvanError, match="Không có mẫu trình bày “huyen”"):
        registry.render(notice("huyen"), "pdf")


def test_registered_renderer_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new format registers once and render() finds it, with the document's preset."""
    monkeypatch.setattr(registry, "_RENDERERS", dict(registry._RENDERERS))

    def as_text(document: Document, preset: Preset) -> bytes:
        return f"{preset.name}:{document.title}".encode()

    registry.register_renderer(
        registry.OutputRenderer("txt", ".txt", "text/plain", "Văn bản thuần", as_text)
    )
    assert registry.render(notice("party"), "txt") == "party:Thông báo".encode()


def test_explicit_preset_overrides_the_documents() -> None:
    """A caller may render with another preset than the document names."""
    pdf = registry.render(notice("state"), "pdf", preset=load_preset("party"))
    assert pdf[:5] == b"%PDF-"


def test_labels_follow_the_interface_language() -> None:
    """Format labels are Vietnamese by default and English when asked."""
    assert registry.renderer_for("xlsx").label() == "Bảng tính Excel (XLSX)"
    set_language("en")
    assert registry.renderer_for("xlsx").label() == "Excel spreadsheet (XLSX)"
