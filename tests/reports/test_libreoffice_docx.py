"""Every sample DOCX opens in LibreOffice (headless) and converts to PDF with its text intact."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_tools import flat, pdf_text

from danvan_desktop.reports.sample_documents import SAMPLES

RenderedFile = Callable[[str, str], Path]


@pytest.mark.slow
def test_libreoffice_converts_every_sample_docx(
    rendered_file: RenderedFile,
    libreoffice: Callable[..., list[Path]],
    tmp_path: Path,
) -> None:
    """Conversion succeeds for each sample and the PDF holds the header and title."""
    sources = [rendered_file(name, "docx") for name in SAMPLES]
    converted = libreoffice("pdf", tmp_path, *sources)
    for name, pdf in zip(SAMPLES, converted, strict=True):
        document = SAMPLES[name]()
        text = flat(pdf_text(pdf))
        assert document.issuing_body.upper() in text, name
        assert document.title.upper() in text, name
        assert document.subtitle in text, name


@pytest.mark.slow
def test_libreoffice_shows_page_numbers_from_page_two(
    rendered_file: RenderedFile,
    libreoffice: Callable[..., list[Path]],
    tmp_path: Path,
) -> None:
    """LibreOffice draws the PAGE field on page 2 and nothing above page 1's header."""
    (pdf,) = libreoffice("pdf", tmp_path, rendered_file("bang-thong-ke", "docx"))
    assert pdf_text(pdf, 1).split()[0] == "ỦY"
    assert pdf_text(pdf, 2).split()[0] == "2"
