"""Helpers for the reports tests: poppler and LibreOffice, the programs that read our files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def require_program(program: str, package: str) -> str:
    """The program's path; fail (not skip) when missing, naming the Debian package."""
    found = shutil.which(program)
    if found is None:
        pytest.fail(f"{program} is missing: apt-get install -y {package}")
    return found


def run_tool(*args: str, timeout: float = 60) -> str:
    """Run a command-line tool; return its stdout (as UTF-8), failing on a non-zero exit."""
    done = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def pdf_text(path: Path, *pages: int) -> str:
    """The text poppler's pdftotext reads from a PDF (optionally from pages first..last)."""
    tool = require_program("pdftotext", "poppler-utils")
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return run_tool(tool, "-enc", "UTF-8", *span, str(path), "-")


def flat(text: str) -> str:
    """Text with every run of whitespace (line ends too) turned into one space."""
    return " ".join(text.split())
