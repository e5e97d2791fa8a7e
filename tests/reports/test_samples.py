"""The sample-making script run as a real process, as docs/reports is made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from report_tools import require_program

from danvan_desktop.reports.sample_documents import SAMPLES

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run_samples(*args: str) -> subprocess.CompletedProcess[str]:
    require_program("pdftoppm", "poppler-utils")
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.reports.samples", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_samples_script_writes_png_pages(tmp_path: Path) -> None:
    """Every sample gets PNG pages numbered from 1, and nothing else by default."""
    done = run_samples(str(tmp_path), "--dpi", "30")
    assert done.returncode == 0, done.stderr
    for name in SAMPLES:
        first = tmp_path / f"{name}-1.png"
        assert first.read_bytes()[:8] == PNG_SIGNATURE
    assert {path.suffix for path in tmp_path.iterdir()} == {".png"}


def test_samples_script_keeps_documents_when_asked(tmp_path: Path) -> None:
    """--keep also leaves the DOCX, PDF and XLSX files."""
    done = run_samples(str(tmp_path), "--dpi", "20", "--keep")
    assert done.returncode == 0, done.stderr
    kept = {path.name for path in tmp_path.iterdir() if path.suffix != ".png"}
    assert kept == {f"{name}.{fmt}" for name in SAMPLES for fmt in ("docx", "pdf", "xlsx")}


@pytest.mark.slow
def test_samples_script_draws_docx_pages_through_libreoffice(tmp_path: Path) -> None:
    """--with-docx adds <sample>-docx-<page>.png drawn from the DOCX by LibreOffice."""
    require_program("soffice", "libreoffice-writer")
    done = run_samples(str(tmp_path), "--dpi", "20", "--with-docx")
    assert done.returncode == 0, done.stderr
    for name in SAMPLES:
        assert (tmp_path / f"{name}-docx-1.png").read_bytes()[:8] == PNG_SIGNATURE
